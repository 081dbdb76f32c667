//! A readable indented listing of the chains, per document and statement.
//!
//! ```text
//! d0 "Troops" (ex:article), 2025-11-04, published by The Daily Wire
//!   ex:article-says  The Daily Wire (publisher): “North Korea has sent …”  [depth 3]
//!     quotes r1  Lee Seong-kweun (person) said: “North Korea has sent …”  [depth 2]
//!       relays r0  Seoul's spy agency (organization) briefing: “North Korea …”  [depth 1]
//! ```
//!
//! Each document lists its statements (its reports that no other report of
//! the same document relays), each followed by what it relays, one level of
//! indentation per hop (up to 32 levels; deeper lines start with their
//! level, `[level 40]`, so that the output stays linear in the size of the
//! graph). A report met again in the same document is printed
//! with `(see above)` instead of its chain, and a relay back into the chain
//! being printed is marked `(circular)`. Reports in no document come last.

use std::collections::HashSet;
use std::io::Write;

use super::dot::shorten;
use crate::error::Result;
use crate::graph::Graph;
use crate::model::{RelayKind, ReportId, Voice};
use crate::query::Analysis;

/// The deepest indentation written; deeper levels are numbered.
const MAX_INDENT: usize = 32;

/// Writes the chains of `graph` as an indented listing.
///
/// # Errors
///
/// [`Error::Io`](crate::Error::Io) when writing fails.
///
/// # Complexity
///
/// **O(n + m)**: every report's chain is printed once per document it is
/// reached from, plus the depth analysis (linear).
pub fn write(graph: &Graph, out: &mut (impl Write + ?Sized)) -> Result<()> {
    let analysis = graph.analyze();
    let mut printed_anywhere = vec![false; graph.n_reports()];
    for (document_id, document) in graph.documents() {
        write!(out, "{document_id}")?;
        if let Some(title) = &document.title {
            write!(out, " {title:?}")?;
        }
        if let Some(key) = &document.key {
            write!(out, " ({key})")?;
        }
        if let Some(date) = document.date {
            write!(out, ", {date}")?;
        }
        if let Some(publisher) = document.publisher.and_then(|p| graph.source(p)) {
            write!(out, ", published by {}", publisher.name)?;
        }
        writeln!(out)?;
        let in_document = graph.reports_in(document_id);
        let relayed: HashSet<ReportId> = in_document
            .iter()
            .filter_map(|&r| graph.report(r))
            .flat_map(|r| r.relays.iter().map(|relay| relay.to))
            .filter(|to| {
                graph
                    .report(*to)
                    .is_some_and(|r| r.document == Some(document_id))
            })
            .collect();
        let mut roots: Vec<ReportId> = in_document
            .iter()
            .copied()
            .filter(|r| !relayed.contains(r))
            .collect();
        // Reports of the document only reachable through a cycle among
        // themselves have no statement above them: list them too.
        let reachable = reach(graph, &roots);
        roots.extend(
            in_document
                .iter()
                .copied()
                .filter(|r| !reachable.contains(r)),
        );
        write_chains(graph, &analysis, out, &roots, 1, &mut printed_anywhere)?;
    }
    let loose: Vec<ReportId> = graph
        .reports()
        .filter(|(_, r)| r.document.is_none())
        .map(|(id, _)| id)
        .collect();
    if !loose.is_empty() {
        writeln!(out, "reports in no document")?;
        let relayed: HashSet<ReportId> = loose
            .iter()
            .filter_map(|&r| graph.report(r))
            .flat_map(|r| r.relays.iter().map(|relay| relay.to))
            .collect();
        let mut roots: Vec<ReportId> = loose
            .iter()
            .copied()
            .filter(|r| !relayed.contains(r))
            .collect();
        let reachable = reach(graph, &roots);
        roots.extend(loose.iter().copied().filter(|r| !reachable.contains(r)));
        let mut printed = vec![false; graph.n_reports()];
        write_chains(graph, &analysis, out, &roots, 1, &mut printed)?;
    }
    Ok(())
}

/// Every report reachable from `roots` (themselves included).
fn reach(graph: &Graph, roots: &[ReportId]) -> HashSet<ReportId> {
    let mut seen = HashSet::new();
    let mut stack: Vec<ReportId> = roots.to_vec();
    while let Some(r) = stack.pop() {
        if seen.insert(r)
            && let Some(report) = graph.report(r)
        {
            stack.extend(report.relays.iter().map(|relay| relay.to));
        }
    }
    seen
}

/// Prints each root and its chains, depth first, with an explicit stack.
fn write_chains(
    graph: &Graph,
    analysis: &Analysis,
    out: &mut (impl Write + ?Sized),
    roots: &[ReportId],
    base_indent: usize,
    printed: &mut [bool],
) -> Result<()> {
    // (report, indent, how it is relayed, the chain above it).
    struct Frame {
        report: ReportId,
        indent: usize,
        kind: Option<RelayKind>,
        path_len: usize,
    }
    let mut path: Vec<ReportId> = Vec::new();
    // Whether a report is on `path`: a scan of the path per line would make
    // a deep chain quadratic.
    let mut on_path = vec![false; graph.n_reports()];
    let mut stack: Vec<Frame> = roots
        .iter()
        .rev()
        .map(|&report| Frame {
            report,
            indent: base_indent,
            kind: None,
            path_len: 0,
        })
        .collect();
    while let Some(frame) = stack.pop() {
        while path.len() > frame.path_len {
            if let Some(left) = path.pop()
                && let Some(flag) = on_path.get_mut(left.index())
            {
                *flag = false;
            }
        }
        // Indentation stops growing at MAX_INDENT levels, and deeper lines
        // say their level: a chain a million relays deep would otherwise
        // take a million times a million spaces.
        let indent = if frame.indent <= MAX_INDENT {
            "  ".repeat(frame.indent)
        } else {
            format!("{}[level {}] ", "  ".repeat(MAX_INDENT), frame.indent)
        };
        let how = match frame.kind {
            None => "",
            Some(RelayKind::Derivation) => "relays ",
            Some(RelayKind::Quotation) => "quotes ",
            Some(RelayKind::PrimarySource) => "primary source ",
        };
        let Some(report) = graph.report(frame.report) else {
            continue;
        };
        let name = report
            .key
            .clone()
            .unwrap_or_else(|| frame.report.to_string());
        if on_path.get(frame.report.index()).copied().unwrap_or(false) {
            writeln!(out, "{indent}{how}{name}  (circular)")?;
            continue;
        }
        let index = frame.report.index();
        // Invariant: `printed` has one slot per report of the graph.
        if printed[index] {
            writeln!(out, "{indent}{how}{name}  (see above)")?;
            continue;
        }
        printed[index] = true;
        let speakers: Vec<String> = report
            .sources
            .iter()
            .filter_map(|&s| graph.source(s))
            .map(|s| format!("{} ({})", s.name, s.kind))
            .collect();
        let speaker = match (report.voice, speakers.is_empty()) {
            (Voice::Document, _) => "the document itself".to_owned(),
            (_, true) => "unknown speaker".to_owned(),
            (_, false) => speakers.join(" and "),
        };
        let cue = report
            .cue
            .as_deref()
            .map(|c| format!(" {c}"))
            .unwrap_or_default();
        let claim = report
            .claim
            .and_then(|c| graph.claim(c))
            .map(|c| format!(": “{}”", shorten(&c.content, 60)))
            .unwrap_or_default();
        let depth = match analysis.depth(frame.report) {
            Some(d) if d.shortest == d.longest => format!("[depth {}]", d.longest),
            Some(d) => format!("[depth {}–{}]", d.shortest, d.longest),
            None => "[no depth: circular]".to_owned(),
        };
        writeln!(out, "{indent}{how}{name}  {speaker}{cue}{claim}  {depth}")?;
        path.push(frame.report);
        if let Some(flag) = on_path.get_mut(frame.report.index()) {
            *flag = true;
        }
        for relay in report.relays.iter().rev() {
            stack.push(Frame {
                report: relay.to,
                indent: frame.indent + 1,
                kind: Some(relay.kind),
                path_len: path.len(),
            });
        }
    }
    Ok(())
}
