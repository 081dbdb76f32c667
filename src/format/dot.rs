//! Pictures with Graphviz: the attribution graph as a DOT digraph.
//!
//! Sources are ellipses, reports are boxes labelled with their cue, a short
//! form of their claim and their depth, documents are folders at the top.
//! Chains read top-down, the way a reader meets them: the document, the
//! statements it makes, the speakers they relay, down to the primary source.
//! Dashed grey edges join a report to its speakers; relays are solid arrows
//! (labelled `quotes` or `primary source` when they are of that kind).
//! Circular reporting is drawn in red, and so are the reports caught in it.
//!
//! ```text
//! dot -Tsvg graph.dot > graph.svg
//! ```

use std::collections::HashSet;
use std::io::Write;

use crate::error::Result;
use crate::graph::Graph;
use crate::model::{ClaimId, RelayKind, Report, ReportId, SourceKind, Voice};

/// What to draw. `PictureOptions::default()` draws the whole graph.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct PictureOptions {
    /// Draw only this claim's neighbourhood: its reports (and those of
    /// claims declared equivalent), everything they relay, directly or
    /// not, with their speakers and documents.
    pub claim: Option<ClaimId>,
    /// Longest length of a claim in a report's label, in characters; longer
    /// claims are cut with an ellipsis. 0 means the default, 48.
    pub claim_chars: usize,
}

impl PictureOptions {
    /// Options drawing only `claim`'s neighbourhood.
    pub fn for_claim(claim: ClaimId) -> PictureOptions {
        PictureOptions {
            claim: Some(claim),
            ..PictureOptions::default()
        }
    }
}

/// Writes `graph` as a Graphviz DOT digraph.
///
/// # Errors
///
/// [`Error::Io`](crate::Error::Io) when writing fails.
///
/// # Complexity
///
/// **O(n + m)** for `n` items and `m` relays and attributions, plus the
/// depth and cycle analysis of the graph (linear too).
pub fn write(
    graph: &Graph,
    out: &mut (impl Write + ?Sized),
    options: &PictureOptions,
) -> Result<()> {
    let view = View::new(graph, options);
    writeln!(out, "digraph according {{")?;
    writeln!(out, "  rankdir=TB;")?;
    writeln!(out, "  node [fontname=\"Helvetica\", fontsize=11];")?;
    writeln!(out, "  edge [fontname=\"Helvetica\", fontsize=9];")?;
    for (document_id, document) in graph.documents() {
        if !view.documents.contains(&document_id) {
            continue;
        }
        let mut label = document
            .title
            .clone()
            .or_else(|| document.key.clone())
            .unwrap_or_else(|| document_id.to_string());
        if let Some(date) = document.date {
            label.push('\n');
            label.push_str(&date.to_string());
        }
        writeln!(
            out,
            "  {document_id} [shape=folder, style=filled, fillcolor=\"#e8eef7\", label={}];",
            dot_string(&label)
        )?;
    }
    // Each speaker sits on the level of its first report drawn, beside it,
    // so that attribution lines stay short and chains stay vertical.
    let mut placed = HashSet::new();
    for &report_id in &view.reports {
        let Some(report) = graph.report(report_id) else {
            continue;
        };
        let label = report_label(graph, &view, report_id, report, options);
        let style = if view.cyclic_reports.contains(&report_id) {
            "shape=box, style=\"rounded,bold\", color=red"
        } else if report.voice == Voice::Document {
            "shape=box, style=\"rounded,dashed\""
        } else {
            "shape=box, style=rounded"
        };
        writeln!(
            out,
            "  {report_id} [{style}, label={}];",
            dot_string(&label)
        )?;
        // A speaker is defined right after its first report, which puts it
        // beside that report within the rank.
        for &source in &report.sources {
            if placed.insert(source) {
                write_source(out, graph, source)?;
                writeln!(out, "  {{ rank=same; {report_id}; {source}; }}")?;
            }
        }
    }
    let mut unplaced: Vec<_> = view.sources.difference(&placed).copied().collect();
    unplaced.sort_unstable();
    for source in unplaced {
        write_source(out, graph, source)?;
    }
    // Documents above their statements.
    // A document with many statements would put them all on one very wide
    // row: stagger them over a few rows instead (as Graphviz's `unflatten`
    // does), about four to a row.
    let n_rows = (view.statements.len() / 4).clamp(1, 4);
    for (i, &(document_id, report_id)) in view.statements.iter().enumerate() {
        let row = i % n_rows;
        if row == 0 {
            writeln!(
                out,
                "  {document_id} -> {report_id} [style=dotted, arrowhead=none];"
            )?;
        } else {
            writeln!(
                out,
                "  {document_id} -> {report_id} [style=dotted, arrowhead=none, minlen={}];",
                row + 1
            )?;
        }
    }
    for &report_id in &view.reports {
        let Some(report) = graph.report(report_id) else {
            continue;
        };
        for &source in &report.sources {
            // Speakers hang beside their reports without pushing the chain down.
            writeln!(
                out,
                "  {report_id} -> {source} [style=dashed, color=grey50, arrowhead=none, constraint=false];"
            )?;
        }
        for relay in &report.relays {
            let mut attributes = Vec::new();
            match relay.kind {
                RelayKind::Derivation => {}
                RelayKind::Quotation => attributes.push("label=\"quotes\"".to_owned()),
                RelayKind::PrimarySource => attributes.push("label=\"primary source\"".to_owned()),
            }
            if view.cyclic_relays.contains(&(report_id, relay.to)) {
                attributes.push("color=red, penwidth=2".to_owned());
            }
            if attributes.is_empty() {
                writeln!(out, "  {report_id} -> {};", relay.to)?;
            } else {
                writeln!(
                    out,
                    "  {report_id} -> {} [{}];",
                    relay.to,
                    attributes.join(", ")
                )?;
            }
        }
    }
    writeln!(out, "}}")?;
    Ok(())
}

/// Writes one source node.
fn write_source(
    out: &mut (impl Write + ?Sized),
    graph: &Graph,
    source_id: crate::model::SourceId,
) -> Result<()> {
    let Some(source) = graph.source(source_id) else {
        return Ok(());
    };
    let label = format!("{}\n{}", source.name, source.kind);
    let fill = match source.kind {
        SourceKind::Person => "#fdf1d6",
        SourceKind::Organization => "#e3f1df",
        SourceKind::Publisher => "#e8eef7",
        _ => "#eeeeee",
    };
    writeln!(
        out,
        "  {source_id} [shape=ellipse, style=filled, fillcolor=\"{fill}\", label={}];",
        dot_string(&label)
    )?;
    Ok(())
}

/// The part of the graph a picture shows, and what to highlight.
pub(crate) struct View {
    /// Reports shown, in id order.
    pub(crate) reports: Vec<ReportId>,
    pub(crate) sources: HashSet<crate::model::SourceId>,
    pub(crate) documents: HashSet<crate::model::DocumentId>,
    /// (document, report) for every report of a shown document that no
    /// other report of the same document relays.
    pub(crate) statements: Vec<(crate::model::DocumentId, ReportId)>,
    /// Relays inside a strongly connected component (circular reporting).
    pub(crate) cyclic_relays: HashSet<(ReportId, ReportId)>,
    pub(crate) cyclic_reports: HashSet<ReportId>,
    /// The depth of every report, computed once: asking the graph report by
    /// report would cost a search per report, quadratic on a long chain.
    pub(crate) depths: crate::query::Depths,
}

impl View {
    pub(crate) fn new(graph: &Graph, options: &PictureOptions) -> View {
        let reports: Vec<ReportId> = match options.claim {
            None => graph.report_ids().collect(),
            Some(claim) => neighbourhood(graph, claim),
        };
        let shown: HashSet<ReportId> = reports.iter().copied().collect();
        let mut sources = HashSet::new();
        let mut documents = HashSet::new();
        for &r in &reports {
            if let Some(report) = graph.report(r) {
                sources.extend(report.sources.iter().copied());
                if let Some(document) = report.document {
                    documents.insert(document);
                    if let Some(publisher) = graph.document(document).and_then(|d| d.publisher) {
                        sources.insert(publisher);
                    }
                }
            }
        }
        let mut statements = Vec::new();
        for &document in &documents {
            let in_document = graph.reports_in(document);
            let relayed: HashSet<ReportId> = in_document
                .iter()
                .filter_map(|&r| graph.report(r))
                .flat_map(|r| r.relays.iter().map(|relay| relay.to))
                .collect();
            for &r in in_document {
                if shown.contains(&r) && !relayed.contains(&r) {
                    statements.push((document, r));
                }
            }
        }
        statements.sort_unstable();
        let mut cyclic_relays = HashSet::new();
        let mut cyclic_reports = HashSet::new();
        for cycle in graph.cycles() {
            let members: HashSet<ReportId> = cycle.reports.iter().copied().collect();
            for &r in &cycle.reports {
                if !shown.contains(&r) {
                    continue;
                }
                cyclic_reports.insert(r);
                if let Some(report) = graph.report(r) {
                    for relay in &report.relays {
                        if members.contains(&relay.to) {
                            cyclic_relays.insert((r, relay.to));
                        }
                    }
                }
            }
        }
        View {
            reports,
            sources,
            documents,
            statements,
            cyclic_relays,
            cyclic_reports,
            depths: graph.depths(),
        }
    }
}

/// The reports of `claim` and its equivalents, and every report they relay,
/// directly or not, in id order. Iterative: no recursion over chain length.
pub(crate) fn neighbourhood(graph: &Graph, claim: ClaimId) -> Vec<ReportId> {
    let mut seen: HashSet<ReportId> = HashSet::new();
    let mut stack: Vec<ReportId> = graph
        .equivalent_claims(claim)
        .iter()
        .flat_map(|&c| graph.reports_of(c).iter().copied())
        .collect();
    while let Some(r) = stack.pop() {
        if !seen.insert(r) {
            continue;
        }
        if let Some(report) = graph.report(r) {
            stack.extend(report.relays.iter().map(|relay| relay.to));
        }
    }
    let mut reports: Vec<ReportId> = seen.into_iter().collect();
    reports.sort_unstable();
    reports
}

/// The label of a report: cue and short claim, then key or id and depth.
pub(crate) fn report_label(
    graph: &Graph,
    view: &View,
    report_id: ReportId,
    report: &Report,
    options: &PictureOptions,
) -> String {
    let limit = if options.claim_chars == 0 {
        48
    } else {
        options.claim_chars
    };
    let claim = report
        .claim
        .and_then(|c| graph.claim(c))
        .map(|c| shorten(&c.content, limit))
        .unwrap_or_default();
    let head = match (&report.cue, report.voice) {
        (_, Voice::Document) => "(own voice)".to_owned(),
        (Some(cue), _) => cue.clone(),
        (None, _) => "(no cue)".to_owned(),
    };
    let name = report.key.clone().unwrap_or_else(|| report_id.to_string());
    let depth = match view.depths.get(report_id) {
        Some(depth) if depth.shortest == depth.longest => format!("depth {}", depth.longest),
        Some(depth) => format!("depth {}–{}", depth.shortest, depth.longest),
        None => "no depth".to_owned(),
    };
    let mut label = head;
    if !claim.is_empty() {
        label.push_str(":\n“");
        label.push_str(&wrap(&claim, 30));
        label.push('”');
    }
    label.push('\n');
    label.push_str(&name);
    if !depth.is_empty() {
        label.push_str(" · ");
        label.push_str(&depth);
    }
    label
}

/// `text` with line breaks between words so that lines stay near `width`
/// characters (a longer word stays whole).
fn wrap(text: &str, width: usize) -> String {
    let mut out = String::with_capacity(text.len() + 4);
    let mut line_len = 0;
    for word in text.split(' ') {
        let word_len = word.chars().count();
        if line_len > 0 && line_len + 1 + word_len > width {
            out.push('\n');
            line_len = 0;
        } else if line_len > 0 {
            out.push(' ');
            line_len += 1;
        }
        out.push_str(word);
        line_len += word_len;
    }
    out
}

/// `text` cut to at most `limit` characters, with an ellipsis when cut.
pub(crate) fn shorten(text: &str, limit: usize) -> String {
    let text = text.trim();
    match text.char_indices().nth(limit) {
        None => text.to_owned(),
        Some((cut, _)) => {
            let mut short = text[..cut].trim_end().to_owned();
            short.push('…');
            short
        }
    }
}

/// A DOT double-quoted string: `"` and `\` escaped, line breaks as `\n`.
pub(crate) fn dot_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out.push('"');
    out
}
