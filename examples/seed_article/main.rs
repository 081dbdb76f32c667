//! The main job: the attribution graph of the seed article, extracted from
//! its text, and the answers a careful reader wants from it.
//!
//! ```sh
//! cargo run --release --example seed_article
//! ```
//!
//! Extracts the article in `examples/data/seed_article.txt` (dated Tuesday
//! 2025-11-04) and prints every attributed statement with its chain
//! (article ← Lee Seong-kweun ← Seoul's spy agency), depth and primary
//! sources; the statements in the article's own voice; the article's
//! sourcing profile; and the independent corroboration of the 5,000-troops
//! claim, which the article reports twice in different words.

use std::fmt::Write as _;
use std::process::ExitCode;

mod seed;
#[cfg(test)]
mod tests;

use according::{Graph, ReportId, Span};
use seed::ARTICLE;

fn main() -> ExitCode {
    match run() {
        Ok(text) => {
            print!("{text}");
            ExitCode::SUCCESS
        }
        Err(err) => {
            eprintln!("error: {err}");
            ExitCode::FAILURE
        }
    }
}

/// 1-based line number of a byte offset.
fn line_of(text: &str, offset: usize) -> usize {
    1 + text.as_bytes()[..offset]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
}

fn first_content_span(graph: &Graph, report: ReportId) -> Option<Span> {
    let evidence = graph.report(report)?.evidence.as_ref()?;
    evidence.content.first().copied()
}

fn shorten(text: &str, max_chars: usize) -> String {
    let mut out: String = text.chars().take(max_chars).collect();
    if text.chars().count() > max_chars {
        out.push('…');
    }
    out
}

/// The names of `sources`, joined as one joint speaker.
fn names(graph: &Graph, sources: &[according::SourceId]) -> String {
    let names: Vec<&str> = sources
        .iter()
        .filter_map(|&s| graph.source(s).map(|s| s.name.as_str()))
        .collect();
    if names.is_empty() {
        "(unknown)".to_owned()
    } else {
        names.join(" & ")
    }
}

fn run() -> Result<String, according::Error> {
    let seed = seed::extract()?;
    let graph = &seed.graph;
    let mut out = String::new();
    let document = graph
        .document(seed.document)
        .expect("the seed document exists");
    let date = document.date.map(|d| d.to_string()).unwrap_or_default();
    let _ = writeln!(
        out,
        "Seed article ({date}, {} statements)\n",
        graph.profile(seed.document)?.n_statements
    );

    // The statements: the article's outermost reports, in text order.
    let mut statements: Vec<(usize, ReportId)> = graph
        .reports_in(seed.document)
        .iter()
        .filter(|&&r| {
            graph
                .relayed_by(r)
                .iter()
                .all(|by| graph.report(*by).and_then(|b| b.document) != Some(seed.document))
        })
        .filter_map(|&r| first_content_span(graph, r).map(|s| (line_of(ARTICLE, s.start()), r)))
        .collect();
    statements.sort();

    let _ = writeln!(out, "Attributed statements");
    for &(line, report) in &statements {
        let r = graph.report(report).expect("listed reports exist");
        if r.is_unattributed() {
            continue;
        }
        let depth = graph.depth(report)?.map_or("none".to_owned(), |d| {
            if d.shortest == d.longest {
                d.longest.to_string()
            } else {
                format!("{}..{}", d.shortest, d.longest)
            }
        });
        let primary = graph.primary_sources(report)?;
        let _ = writeln!(
            out,
            "  line {line:>2}  depth {depth}  primary source: {}",
            names(graph, &primary)
        );
        for chain in graph.chains(report, 16)? {
            let chain = chain?;
            let mut speakers = vec!["article".to_owned()];
            for &step in chain.reports() {
                let step = graph.report(step).expect("chains hold existing reports");
                let cue = step.cue.as_deref().unwrap_or("?");
                let attitude = step
                    .attitude
                    .map(|a| format!(", {a:?}").to_lowercase())
                    .unwrap_or_default();
                speakers.push(format!("{} ({cue}{attitude})", names(graph, &step.sources)));
            }
            let _ = writeln!(out, "           {}", speakers.join(" ← "));
        }
        let mut details = Vec::new();
        if let Some(mode) = r.mode {
            details.push(format!("{mode:?}").to_lowercase());
        }
        if let Some(time) = r.time {
            details.push(format!("on {time}"));
        }
        if let Some(audience) = &r.audience {
            details.push(format!("to {audience}"));
        }
        if let Some(channel) = &r.channel {
            details.push(format!("via {channel}"));
        }
        let claim = r
            .claim
            .and_then(|c| graph.claim(c))
            .map_or("", |c| c.content.as_str());
        let _ = writeln!(
            out,
            "           [{}] {}",
            details.join(", "),
            shorten(claim, 80)
        );
    }

    let _ = writeln!(
        out,
        "\nUnattributed statements (the article's own voice, depth 0)"
    );
    for &(line, report) in &statements {
        let r = graph.report(report).expect("listed reports exist");
        if r.is_unattributed() {
            let claim = r
                .claim
                .and_then(|c| graph.claim(c))
                .map_or("", |c| c.content.as_str());
            let _ = writeln!(out, "  line {line:>2}  {}", shorten(claim, 100));
        }
    }

    let profile = graph.profile(seed.document)?;
    let _ = writeln!(out, "\nSourcing profile");
    let _ = writeln!(
        out,
        "  statements {} (attributed {}, unattributed {})",
        profile.n_statements, profile.n_attributed, profile.n_unattributed
    );
    let histogram: Vec<String> = profile
        .depth_histogram
        .iter()
        .map(|(d, n)| format!("depth {d}: {n}"))
        .collect();
    let _ = writeln!(out, "  {}", histogram.join(", "));
    let _ = writeln!(
        out,
        "  direct quotes {:.0}%, unnamed sources {:.0}% of attributed statements",
        100.0 * profile.direct_share,
        100.0 * profile.unnamed_share
    );
    let list = |ids: &[according::SourceId]| {
        let names: Vec<String> = ids.iter().map(|&s| names(graph, &[s])).collect();
        names.join(", ")
    };
    let _ = writeln!(
        out,
        "  distinct sources {}: {}",
        profile.distinct_sources.len(),
        list(&profile.distinct_sources)
    );
    let _ = writeln!(
        out,
        "  primary sources {}: {}",
        profile.primary_sources.len(),
        list(&profile.primary_sources)
    );
    let mut by_count: Vec<(usize, &str)> = graph
        .sources()
        .map(|(id, s)| (graph.reports_by(id).len(), s.name.as_str()))
        .collect();
    by_count.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(b.1)));
    let counts: Vec<String> = by_count
        .iter()
        .map(|(n, name)| format!("{name} {n}"))
        .collect();
    let _ = writeln!(
        out,
        "  reports made or relayed per source: {}",
        counts.join(", ")
    );

    let corroboration = graph.corroboration(seed.troops_claim)?;
    let _ = writeln!(out, "\nCorroboration of the 5,000-troops claim");
    let _ = writeln!(
        out,
        "  {} independent chain{} over {} reports{}",
        corroboration.independent,
        if corroboration.independent == 1 {
            ""
        } else {
            "s"
        },
        corroboration.reports.len(),
        if corroboration.credibility_confirmed() {
            ""
        } else {
            ": not confirmed by an independent source"
        }
    );
    for chain in &corroboration.chains {
        let _ = writeln!(
            out,
            "  article ← {}",
            chain
                .iter()
                .map(|&s| names(graph, &[s]))
                .collect::<Vec<_>>()
                .join(" ← ")
        );
    }
    Ok(out)
}
