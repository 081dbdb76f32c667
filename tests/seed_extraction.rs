//! The worked example: a news article about North Korean troops in Russia,
//! dated Tuesday 2025-11-04, extracted into the graph a careful reader draws.

use std::collections::BTreeMap;

use according::extract::{Article, Extractor};
use according::{Attitude, Graph, Mode, Report, ReportId, SourceKind};
use time::macros::date;

const ARTICLE: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/examples/data/seed_article.txt"
));

struct Expected {
    line: usize,
    /// Source names, outermost first, with each one's cue.
    chain: &'static [(&'static str, &'static str)],
    mode: Mode,
    /// The attitude of the innermost report.
    attitude: Attitude,
    content: &'static str,
}

const EXPECTED: &[Expected] = &[
    Expected {
        line: 1,
        chain: &[
            ("Lee Seong-kweun", "said"),
            ("Seoul's spy agency", "briefing"),
        ],
        mode: Mode::Mixed,
        attitude: Attitude::Assertion,
        content: "North Korea has sent about 5,000 construction troops to Russia since September to help with \"infrastructure reconstruction,\"",
    },
    Expected {
        line: 3,
        chain: &[("Lee Seong-kweun", "told")],
        mode: Mode::Direct,
        attitude: Attitude::Assertion,
        content: "around 5,000 North Korean construction troops have been moving to Russia in phases since September and are expected to be mobilized for infrastructure reconstruction.",
    },
    Expected {
        line: 4,
        chain: &[("Lee Seong-kweun", "added")],
        mode: Mode::Direct,
        attitude: Attitude::Assertion,
        content: "continued signs of training and personnel selection in preparation for additional troop deployments have been detected.",
    },
    Expected {
        line: 5,
        chain: &[
            ("Lee Seong-kweun", "according to"),
            ("Seoul's spy agency", "told"),
        ],
        mode: Mode::Indirect,
        attitude: Attitude::Estimate,
        content: "about 10,000 North Korean troops were estimated to be currently deployed near the Russia-Ukraine border",
    },
    Expected {
        line: 6,
        chain: &[("South Korean estimates", "according to")],
        mode: Mode::Indirect,
        attitude: Attitude::Estimate,
        content: "At least 600 North Korean soldiers have died in the Ukraine war and thousands more sustained injuries",
    },
    Expected {
        line: 7,
        chain: &[("Analysts", "say")],
        mode: Mode::Indirect,
        attitude: Attitude::Assertion,
        content: "North Korea is receiving financial aid, military technology and food and energy supplies from Russia in return for sending troops.",
    },
    Expected {
        line: 10,
        chain: &[("Pyongyang", "declared")],
        mode: Mode::Mixed,
        attitude: Attitude::Assertion,
        content: "itself an \"irreversible\" nuclear state",
    },
    Expected {
        line: 12,
        chain: &[
            ("Lee Seong-kweun", "said"),
            ("Seoul's spy agency", "believes"),
        ],
        mode: Mode::Mixed,
        attitude: Attitude::Belief,
        content: "Kim was open to talks with Washington \"and will seek contact when the conditions are in place.\"",
    },
    Expected {
        line: 13,
        chain: &[("Lee Seong-kweun", "said")],
        mode: Mode::Mixed,
        attitude: Attitude::Assertion,
        content: "\"multiple signs suggest\" that Pyongyang \"had been preparing behind the scenes for possible talks with the U.S.,\"",
    },
    Expected {
        line: 15,
        chain: &[("Multilateral Sanctions Monitoring Team", "said")],
        mode: Mode::Mixed,
        attitude: Attitude::Assertion,
        content: "North Korea was planning to send \"40,000 laborers to Russia, including several delegations of IT workers.\"",
    },
];

/// Contents compare after trimming quotation marks, commas, periods and
/// whitespace at both ends (the gold text keeps a final period on some
/// lines and not on others).
fn trimmed(s: &str) -> &str {
    s.trim_matches(|c: char| {
        c.is_whitespace() || matches!(c, '"' | '\u{201C}' | '\u{201D}' | ',' | '.')
    })
}

/// Byte range of each line, 1-based.
fn lines() -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for line in ARTICLE.split_inclusive('\n') {
        out.push(start..start + line.trim_end_matches('\n').len());
        start += line.len();
    }
    out
}

fn extract() -> Graph {
    let article = Article::new(ARTICLE).with_date(date!(2025 - 11 - 04));
    Extractor::new()
        .extract(&article)
        .expect("the seed article extracts")
}

fn line_of(report: &Report) -> Option<usize> {
    let evidence = report.evidence.as_ref()?;
    let at = evidence.cue.first().or(evidence.content.first())?.start();
    lines().iter().position(|r| r.contains(&at)).map(|i| i + 1)
}

/// The outermost report of each line: attributed, relayed by no report.
fn outermost_by_line(graph: &Graph) -> BTreeMap<usize, ReportId> {
    let relayed: Vec<ReportId> = graph
        .reports()
        .flat_map(|(_, r)| r.relays.iter().map(|x| x.to))
        .collect();
    let mut out = BTreeMap::new();
    for (id, report) in graph.reports() {
        if report.is_unattributed() || relayed.contains(&id) {
            continue;
        }
        let line = line_of(report).expect("every report has evidence");
        assert!(
            out.insert(line, id).is_none(),
            "two outermost reports on line {line}"
        );
    }
    out
}

/// The chain from `report` down its first relays, outermost first.
#[track_caller]
fn chain(graph: &Graph, report: ReportId) -> Vec<ReportId> {
    let mut out = vec![report];
    let mut at = report;
    while let Some(relay) = graph.report(at).and_then(|r| r.relays.first()) {
        assert!(out.len() < 16, "relay chain too long");
        out.push(relay.to);
        at = relay.to;
    }
    out
}

fn source_name(graph: &Graph, report: ReportId) -> String {
    let report = graph.report(report).unwrap();
    assert_eq!(report.sources.len(), 1, "one source per report");
    graph.source(report.sources[0]).unwrap().name.clone()
}

#[test]
fn every_attributed_line_has_its_chain_cues_mode_attitude_and_content() {
    let graph = extract();
    let outermost = outermost_by_line(&graph);
    let lines: Vec<usize> = outermost.keys().copied().collect();
    assert_eq!(lines, EXPECTED.iter().map(|e| e.line).collect::<Vec<_>>());
    for expected in EXPECTED {
        let reports = chain(&graph, outermost[&expected.line]);
        let got: Vec<(String, String)> = reports
            .iter()
            .map(|&r| {
                (
                    source_name(&graph, r),
                    graph.report(r).unwrap().cue.clone().unwrap_or_default(),
                )
            })
            .collect();
        let want: Vec<(String, String)> = expected
            .chain
            .iter()
            .map(|&(s, c)| (s.to_owned(), c.to_owned()))
            .collect();
        assert_eq!(got, want, "chain of line {}", expected.line);
        let outer = graph.report(reports[0]).unwrap();
        let inner = graph.report(*reports.last().unwrap()).unwrap();
        assert_eq!(
            outer.mode,
            Some(expected.mode),
            "mode of line {}",
            expected.line
        );
        assert_eq!(
            inner.attitude,
            Some(expected.attitude),
            "attitude of line {}",
            expected.line
        );
        for &r in &reports {
            let claim = graph
                .claim(graph.report(r).unwrap().claim.unwrap())
                .unwrap();
            assert_eq!(
                trimmed(&claim.content),
                trimmed(expected.content),
                "content of line {}",
                expected.line
            );
        }
    }
}

#[test]
fn dates_channels_and_audiences() {
    let graph = extract();
    let outermost = outermost_by_line(&graph);
    let report = |line: usize| graph.report(outermost[&line]).unwrap();
    assert_eq!(
        report(1).time.map(|t| t.to_string()).as_deref(),
        Some("2025-11-04")
    );
    assert_eq!(
        report(1).channel.as_deref(),
        Some("briefing by Seoul's spy agency")
    );
    assert_eq!(
        report(15).time.map(|t| t.to_string()).as_deref(),
        Some("2025-10-01/2025-10-31")
    );
    assert_eq!(report(15).channel.as_deref(), Some("in a report"));
    assert_eq!(report(3).audience.as_deref(), Some("reporters"));
    let told = chain(&graph, outermost[&5])[1];
    assert_eq!(
        graph.report(told).unwrap().audience.as_deref(),
        Some("lawmakers")
    );
    for line in [3, 4, 6, 7, 10, 12, 13] {
        assert_eq!(report(line).time, None, "line {line} says no date");
    }
}

#[test]
fn coreference_merges_mentions_into_one_source() {
    let graph = extract();
    let outermost = outermost_by_line(&graph);
    let mention = |line: usize| {
        let report = graph.report(outermost[&line]).unwrap();
        let span = report.evidence.as_ref().unwrap().source[0];
        (
            ARTICLE[span.range()].to_owned(),
            source_name(&graph, outermost[&line]),
        )
    };
    assert_eq!(
        mention(1),
        (
            "a South Korean lawmaker".to_owned(),
            "Lee Seong-kweun".to_owned()
        )
    );
    assert_eq!(mention(4), ("He".to_owned(), "Lee Seong-kweun".to_owned()));
    assert_eq!(mention(5), ("Lee".to_owned(), "Lee Seong-kweun".to_owned()));
    assert_eq!(
        mention(13),
        ("the lawmaker".to_owned(), "Lee Seong-kweun".to_owned())
    );
}

#[test]
fn sources_have_kinds_descriptors_and_every_mention() {
    let graph = extract();
    let sources: Vec<(String, SourceKind, Vec<String>)> = graph
        .sources()
        .map(|(_, s)| (s.name.clone(), s.kind, s.descriptors.clone()))
        .collect();
    let expected = [
        (
            "Lee Seong-kweun",
            SourceKind::Person,
            vec!["South Korean lawmaker"],
        ),
        (
            "Seoul's spy agency",
            SourceKind::Organization,
            vec!["spy agency"],
        ),
        ("South Korean estimates", SourceKind::Unnamed, vec![]),
        ("Analysts", SourceKind::Group, vec![]),
        ("Pyongyang", SourceKind::Organization, vec![]),
        (
            "Multilateral Sanctions Monitoring Team",
            SourceKind::Organization,
            vec!["international sanctions monitoring group"],
        ),
    ];
    assert_eq!(sources.len(), expected.len(), "{sources:?}");
    for (name, kind, descriptors) in expected {
        let found = sources
            .iter()
            .find(|s| s.0 == name)
            .unwrap_or_else(|| panic!("no source {name}"));
        assert_eq!(found.1, kind, "{name}");
        assert_eq!(found.2, descriptors, "{name}");
    }
    let (lee, source) = graph
        .sources()
        .find(|(_, s)| s.name == "Lee Seong-kweun")
        .unwrap();
    let mentions: Vec<&str> = source.mentions.iter().map(|m| m.text.as_str()).collect();
    assert_eq!(
        mentions,
        [
            "a South Korean lawmaker",
            "South Korean lawmaker Lee Seong-kweun",
            "He",
            "Lee",
            "Lee",
            "the lawmaker"
        ]
    );
    for m in &source.mentions {
        let span = m.span.expect("mentions carry their span");
        assert_eq!(&ARTICLE[span.range()], m.text);
    }
    assert_eq!(graph.reports_by(lee).len(), 6);
    let (agency, _) = graph
        .sources()
        .find(|(_, s)| s.name == "Seoul's spy agency")
        .unwrap();
    assert_eq!(graph.reports_by(agency).len(), 3);
}

#[test]
fn unattributed_lines_and_the_depth_histogram() {
    let graph = extract();
    let mut unattributed = Vec::new();
    for (_, report) in graph.reports() {
        if report.is_unattributed() {
            assert!(report.sources.is_empty() && report.relays.is_empty());
            unattributed.push(line_of(report).unwrap());
        }
    }
    unattributed.sort_unstable();
    assert_eq!(
        unattributed,
        [2, 8, 11, 14, 16],
        "line 9 is a heading, not a statement"
    );
    // Depth of each statement: 0 in the document's voice, else the length
    // of its relay chain.
    let mut histogram = BTreeMap::new();
    for id in outermost_by_line(&graph).into_values() {
        *histogram.entry(chain(&graph, id).len()).or_insert(0) += 1;
    }
    *histogram.entry(0).or_insert(0) += unattributed.len();
    assert_eq!(histogram, BTreeMap::from([(0, 5), (1, 7), (2, 3)]));
}

#[test]
fn evaluation_spans_follow_the_outermost_convention() {
    let found = Extractor::new().attributions(ARTICLE);
    assert_eq!(found.len(), 10);
    let texts: Vec<(&str, &str)> = found
        .iter()
        .map(|a| (&ARTICLE[a.source[0].range()], &ARTICLE[a.cue[0].range()]))
        .collect();
    assert_eq!(texts[6], ("Pyongyang", "has repeatedly declared"));
    assert_eq!(
        texts[9],
        (
            "An international sanctions monitoring group, the Multilateral Sanctions Monitoring Team",
            "said"
        )
    );
    // The outer content of line 12 holds the nested report.
    assert!(ARTICLE[found[7].content[0].range()].starts_with("Seoul's spy agency believes"));
}
