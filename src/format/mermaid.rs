//! Pictures with Mermaid: the attribution graph as a `flowchart TD`, for
//! Markdown renderers that draw Mermaid blocks.
//!
//! The picture is the one [`dot`](super::dot) draws: sources as stadiums,
//! reports as rounded boxes labelled with cue, short claim and depth,
//! documents as folders on top, relays as arrows down the chain, circular
//! reporting in red.

use std::io::Write;

pub use super::dot::PictureOptions;
use super::dot::{View, report_label};
use crate::error::Result;
use crate::graph::Graph;
use crate::model::RelayKind;

/// Writes `graph` as a Mermaid flowchart.
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
    writeln!(out, "flowchart TD")?;
    writeln!(out, "  classDef source fill:#fdf1d6,stroke:#b08a3c")?;
    writeln!(out, "  classDef document fill:#e8eef7,stroke:#5a7bb0")?;
    writeln!(out, "  classDef circular stroke:#d00,stroke-width:2px")?;
    for (document_id, document) in graph.documents() {
        if view.documents.contains(&document_id) {
            let label = document
                .title
                .clone()
                .or_else(|| document.key.clone())
                .unwrap_or_else(|| document_id.to_string());
            writeln!(
                out,
                "  {document_id}[/\"{}\"/]:::document",
                mermaid_text(&label)
            )?;
        }
    }
    for (source_id, source) in graph.sources() {
        if view.sources.contains(&source_id) {
            let label = format!("{}\n{}", source.name, source.kind);
            writeln!(
                out,
                "  {source_id}([\"{}\"]):::source",
                mermaid_text(&label)
            )?;
        }
    }
    for &report_id in &view.reports {
        if let Some(report) = graph.report(report_id) {
            let label = report_label(graph, &view, report_id, report, options);
            let class = if view.cyclic_reports.contains(&report_id) {
                ":::circular"
            } else {
                ""
            };
            writeln!(out, "  {report_id}(\"{}\"){class}", mermaid_text(&label))?;
        }
    }
    // Mermaid styles links by their position in the file: count them.
    let mut n_links = 0usize;
    let mut red_links = Vec::new();
    for &(document_id, report_id) in &view.statements {
        writeln!(out, "  {document_id} -.- {report_id}")?;
        n_links += 1;
    }
    for &report_id in &view.reports {
        let Some(report) = graph.report(report_id) else {
            continue;
        };
        for &source in &report.sources {
            writeln!(out, "  {report_id} -.- {source}")?;
            n_links += 1;
        }
        for relay in &report.relays {
            match relay.kind {
                RelayKind::Derivation => writeln!(out, "  {report_id} --> {}", relay.to)?,
                RelayKind::Quotation => writeln!(out, "  {report_id} -->|quotes| {}", relay.to)?,
                RelayKind::PrimarySource => {
                    writeln!(out, "  {report_id} -->|primary source| {}", relay.to)?;
                }
            }
            if view.cyclic_relays.contains(&(report_id, relay.to)) {
                red_links.push(n_links);
            }
            n_links += 1;
        }
    }
    if !red_links.is_empty() {
        let list: Vec<String> = red_links.iter().map(ToString::to_string).collect();
        writeln!(
            out,
            "  linkStyle {} stroke:#d00,stroke-width:2px",
            list.join(",")
        )?;
    }
    Ok(())
}

/// Text for a Mermaid quoted label: quotes and angle brackets as entity
/// codes (Mermaid renders labels as HTML), line breaks as `<br/>`.
fn mermaid_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '"' => out.push_str("#quot;"),
            '<' => out.push_str("#lt;"),
            '>' => out.push_str("#gt;"),
            '#' => out.push_str("#35;"),
            '\n' => out.push_str("<br/>"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}
