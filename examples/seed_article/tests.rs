//! The seed article (examples/data/seed_article.txt): the figures a careful
//! reader draws from it, asserted on the graph this example extracts.
//! `cargo test` runs them (`test = true` on the example in Cargo.toml).

use std::collections::BTreeMap;

use according::{Graph, ReportId, SourceId};

use crate::seed::{self, ARTICLE};

fn seed() -> seed::Seed {
    seed::extract().expect("the seed article extracts")
}

fn line_of(offset: usize) -> usize {
    1 + ARTICLE.as_bytes()[..offset]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
}

fn source_named(graph: &Graph, name: &str) -> SourceId {
    graph
        .sources()
        .find(|(_, s)| s.name == name)
        .map(|(id, _)| id)
        .unwrap_or_else(|| panic!("no source named {name}"))
}

/// The statements of the article (outermost reports) by line.
fn statements(seed: &seed::Seed) -> BTreeMap<usize, ReportId> {
    let g = &seed.graph;
    g.reports_in(seed.document)
        .iter()
        .filter(|&&r| g.relayed_by(r).is_empty())
        .map(|&r| {
            let span = g.report(r).unwrap().evidence.as_ref().unwrap().content[0];
            (line_of(span.start()), r)
        })
        .collect()
}

fn chain_names(graph: &Graph, report: ReportId) -> Vec<Vec<String>> {
    graph
        .chains(report, 10)
        .unwrap()
        .map(|chain| {
            chain
                .unwrap()
                .reports()
                .iter()
                .map(|&r| {
                    graph
                        .source(graph.report(r).unwrap().sources[0])
                        .unwrap()
                        .name
                        .clone()
                })
                .collect()
        })
        .collect()
}

#[test]
fn every_attributed_line_has_its_chain_and_depth() {
    let seed = seed();
    let g = &seed.graph;
    let lee = "Lee Seong-kweun";
    let agency = "Seoul's spy agency";
    let expected: &[(usize, &[&str])] = &[
        (1, &[lee, agency]),
        (3, &[lee]),
        (4, &[lee]),
        (5, &[lee, agency]),
        (6, &["South Korean estimates"]),
        (7, &["Analysts"]),
        (10, &["Pyongyang"]),
        (12, &[lee, agency]),
        (13, &[lee]),
        (15, &["Multilateral Sanctions Monitoring Team"]),
    ];
    let statements = statements(&seed);
    for &(line, chain) in expected {
        let report = statements[&line];
        assert_eq!(chain_names(g, report), vec![chain.to_vec()], "line {line}");
        let depth = g.depth(report).unwrap().unwrap();
        assert_eq!(
            (depth.shortest, depth.longest),
            (chain.len() as u32, chain.len() as u32),
            "line {line}"
        );
    }
    let unattributed: Vec<usize> = statements
        .iter()
        .filter(|(_, r)| g.report(**r).unwrap().is_unattributed())
        .map(|(line, _)| *line)
        .collect();
    assert_eq!(unattributed, vec![2, 8, 11, 14, 16]);
    for line in unattributed {
        let depth = g.depth(statements[&line]).unwrap().unwrap();
        assert_eq!((depth.shortest, depth.longest), (0, 0));
    }
}

#[test]
fn primary_sources_and_report_counts() {
    let seed = seed();
    let g = &seed.graph;
    let statements = statements(&seed);
    let agency = source_named(g, "Seoul's spy agency");
    let lee = source_named(g, "Lee Seong-kweun");
    for line in [1, 5, 12] {
        assert_eq!(
            g.primary_sources(statements[&line]).unwrap(),
            vec![agency],
            "line {line}"
        );
    }
    assert_eq!(g.primary_sources(statements[&3]).unwrap(), vec![lee]);
    assert_eq!(g.reports_by(lee).len(), 6);
    assert_eq!(g.reports_by(agency).len(), 3);
}

#[test]
fn the_sourcing_profile_of_the_article() {
    let seed = seed();
    let profile = seed.graph.profile(seed.document).unwrap();
    assert_eq!(profile.n_statements, 15);
    assert_eq!(profile.n_attributed, 10);
    assert_eq!(profile.n_unattributed, 5);
    assert_eq!(
        profile.depth_histogram,
        BTreeMap::from([(0, 5), (1, 7), (2, 3)])
    );
    assert_eq!(profile.distinct_sources.len(), 6);
}

#[test]
fn the_troops_claim_has_one_independent_chain() {
    let seed = seed();
    let g = &seed.graph;
    let corroboration = g.corroboration(seed.troops_claim).unwrap();
    assert_eq!(
        corroboration.independent, 1,
        "both reports pass through Lee"
    );
    assert!(!corroboration.credibility_confirmed());
    assert_eq!(corroboration.chains.len(), 1);
    assert_eq!(
        corroboration.chains[0][0],
        source_named(g, "Lee Seong-kweun")
    );
}

#[test]
fn dates_are_on_the_reports() {
    let seed = seed();
    let g = &seed.graph;
    let statements = statements(&seed);
    let said = g.report(statements[&1]).unwrap();
    assert_eq!(said.time.unwrap().to_string(), "2025-11-04");
    let in_report = g.report(statements[&15]).unwrap();
    assert_eq!(in_report.time.unwrap().to_string(), "2025-10-01/2025-10-31");
    assert_eq!(in_report.channel.as_deref(), Some("in a report"));
}

#[test]
fn the_relative_dates_of_the_article_resolve_against_its_dateline() {
    use according::extract::resolve_relative_date;
    let tuesday = time::macros::date!(2025 - 11 - 04);
    let cases = [
        ("Tuesday", "2025-11-04"),                    // said Tuesday, line 1
        ("last month", "2025-10-01/2025-10-31"),      // line 15
        ("last week", "2025-10-27/2025-11-02"),       // line 11
        ("since September", "2025-09-01/2025-11-04"), // line 1
        ("In September", "2025-09-01/2025-09-30"),    // line 14
    ];
    for (phrase, expected) in cases {
        let resolved = resolve_relative_date(phrase, tuesday).map(|r| r.to_string());
        assert_eq!(resolved.as_deref(), Some(expected), "{phrase}");
    }
}
