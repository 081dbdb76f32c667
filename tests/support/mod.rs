//! Generators of arbitrary graphs for property tests.
#![allow(dead_code)]

use according::{
    Attitude, Certainty, Claim, ClaimId, DateRange, Document, DocumentId, Evidence, Factuality,
    Graph, Mention, Mode, Polarity, RelayKind, Reliability, Report, ReportId, Source, SourceId,
    SourceKind, Span,
};
use proptest::prelude::*;
use time::{Date, Month};

/// One step of building a graph. Steps that the graph rejects are skipped,
/// so every generated graph is one the public API can build.
#[derive(Clone, Debug)]
pub enum Op {
    Source {
        kind: u8,
        name: String,
        descriptor: Option<String>,
        reliability: Option<u8>,
        affiliation: Option<u8>,
        keyed: bool,
    },
    Claim {
        content: String,
        keyed: bool,
    },
    Document {
        text: Option<String>,
        day: Option<u16>,
        publisher: Option<u8>,
        title: Option<String>,
    },
    Report {
        sources: Vec<u8>,
        claim: Option<u8>,
        document: Option<u8>,
        unattributed: bool,
        fields: u16,
        day: Option<(u16, u16)>,
        spans: Vec<(u8, u8)>,
        relay: Option<u8>,
    },
    Relay {
        from: u8,
        to: u8,
        kind: u8,
    },
    Mention {
        source: u8,
        document: Option<u8>,
        text: String,
    },
    MergeSources {
        kept: u8,
        absorbed: u8,
    },
    MergeClaims {
        kept: u8,
        absorbed: u8,
    },
    Equivalent {
        a: u8,
        b: u8,
    },
}

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-zA-Z ,.'\"]{0,12}",
        "\\PC{0,8}",
        Just("Seoul's spy agency".to_owned()),
        Just("“curly” quotes, é, 北朝鮮, עברית".to_owned()),
    ]
}

pub fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        (
            0u8..6,
            text(),
            proptest::option::of(text()),
            proptest::option::of(0u8..6),
            proptest::option::of(any::<u8>()),
            any::<bool>()
        )
            .prop_map(
                |(kind, name, descriptor, reliability, affiliation, keyed)| Op::Source {
                    kind,
                    name,
                    descriptor,
                    reliability,
                    affiliation,
                    keyed
                }
            ),
        (text(), any::<bool>()).prop_map(|(content, keyed)| Op::Claim { content, keyed }),
        (
            proptest::option::of(text()),
            proptest::option::of(0u16..800),
            proptest::option::of(any::<u8>()),
            proptest::option::of(text())
        )
            .prop_map(|(text, day, publisher, title)| Op::Document {
                text,
                day,
                publisher,
                title
            }),
        (
            proptest::collection::vec(any::<u8>(), 0..3),
            proptest::option::of(any::<u8>()),
            proptest::option::of(any::<u8>()),
            proptest::bool::weighted(0.15),
            any::<u16>(),
            proptest::option::of((0u16..800, 0u16..40)),
            proptest::collection::vec((any::<u8>(), any::<u8>()), 0..3),
            proptest::option::of(any::<u8>()),
        )
            .prop_map(
                |(sources, claim, document, unattributed, fields, day, spans, relay)| Op::Report {
                    sources,
                    claim,
                    document,
                    unattributed,
                    fields,
                    day,
                    spans,
                    relay
                }
            ),
        (any::<u8>(), any::<u8>(), 0u8..3).prop_map(|(from, to, kind)| Op::Relay {
            from,
            to,
            kind
        }),
        (any::<u8>(), proptest::option::of(any::<u8>()), text()).prop_map(
            |(source, document, text)| Op::Mention {
                source,
                document,
                text
            }
        ),
        (any::<u8>(), any::<u8>()).prop_map(|(kept, absorbed)| Op::MergeSources { kept, absorbed }),
        (any::<u8>(), any::<u8>()).prop_map(|(kept, absorbed)| Op::MergeClaims { kept, absorbed }),
        (any::<u8>(), any::<u8>()).prop_map(|(a, b)| Op::Equivalent { a, b }),
    ]
}

fn pick(n: usize, i: u8) -> Option<usize> {
    (n > 0).then(|| i as usize % n)
}

fn day(offset: u16) -> Date {
    Date::from_calendar_date(2025, Month::January, 1).unwrap()
        + time::Duration::days(i64::from(offset))
}

/// Applies `ops` to an empty graph, skipping rejected steps.
pub fn build(ops: &[Op]) -> Graph {
    let mut g = Graph::new();
    let n_sources = |g: &Graph| g.source_bound();
    for (step, op) in ops.iter().enumerate() {
        match op.clone() {
            Op::Source {
                kind,
                name,
                descriptor,
                reliability,
                affiliation,
                keyed,
            } => {
                let kind = [
                    SourceKind::Person,
                    SourceKind::Organization,
                    SourceKind::Group,
                    SourceKind::Document,
                    SourceKind::Publisher,
                    SourceKind::Unnamed,
                ][kind as usize % 6];
                let mut source = Source::new(kind, name);
                if let Some(d) = descriptor {
                    source = source.with_descriptor(d);
                }
                if let Some(r) = reliability {
                    source = source.with_reliability(
                        [
                            Reliability::A,
                            Reliability::B,
                            Reliability::C,
                            Reliability::D,
                            Reliability::E,
                            Reliability::F,
                        ][r as usize % 6],
                    );
                }
                if let Some(a) = affiliation.and_then(|a| pick(n_sources(&g), a)) {
                    source = source.on_behalf_of(SourceId::from_index(a).unwrap());
                }
                if keyed {
                    source = source.with_key(format!("source-{step}"));
                }
                let _ = g.add_source(source);
            }
            Op::Claim { content, keyed } => {
                let mut claim = Claim::new(content);
                if keyed {
                    claim = claim.with_key(format!("claim-{step}"));
                }
                let _ = g.add_claim(claim);
            }
            Op::Document {
                text,
                day: d,
                publisher,
                title,
            } => {
                let mut doc = Document::new().with_key(format!("doc-{step}"));
                if let Some(t) = text {
                    doc = doc.with_text(t);
                }
                if let Some(d) = d {
                    doc = doc.with_date(day(d));
                }
                if let Some(p) = publisher.and_then(|p| pick(n_sources(&g), p)) {
                    doc = doc.with_publisher(SourceId::from_index(p).unwrap());
                }
                if let Some(t) = title {
                    doc = doc.with_title(t);
                }
                let _ = g.add_document(doc);
            }
            Op::Report {
                sources,
                claim,
                document,
                unattributed,
                fields,
                day: d,
                spans,
                relay,
            } => {
                let claim = claim
                    .and_then(|c| pick(g.claim_bound(), c))
                    .map(|c| ClaimId::from_index(c).unwrap());
                let document = document
                    .and_then(|d| pick(g.n_documents(), d))
                    .map(|d| DocumentId::from_index(d).unwrap());
                let mut report = Report {
                    claim,
                    document,
                    ..Report::default()
                };
                if unattributed {
                    report.voice = according::Voice::Document;
                } else {
                    for s in sources {
                        if let Some(s) = pick(n_sources(&g), s) {
                            report.sources.push(SourceId::from_index(s).unwrap());
                        }
                    }
                    if let Some(r) = relay.and_then(|r| pick(g.n_reports(), r)) {
                        report = report
                            .relaying_as(ReportId::from_index(r).unwrap(), RelayKind::Quotation);
                    }
                }
                if fields & 1 != 0 {
                    report.cue = Some("said".into());
                }
                if fields & 2 != 0 {
                    report.mode = Some(
                        [Mode::Direct, Mode::Indirect, Mode::Mixed][(fields >> 8) as usize % 3],
                    );
                }
                if fields & 4 != 0 {
                    report.attitude = Some(
                        [
                            Attitude::Assertion,
                            Attitude::Belief,
                            Attitude::Estimate,
                            Attitude::Denial,
                            Attitude::Suggestion,
                            Attitude::Question,
                            Attitude::Intention,
                        ][(fields >> 10) as usize % 7],
                    );
                }
                if fields & 8 != 0 {
                    report.factuality = Some(Factuality {
                        certainty: [
                            Certainty::Certain,
                            Certainty::Probable,
                            Certainty::Possible,
                            Certainty::Underspecified,
                        ][(fields >> 12) as usize % 4],
                        polarity: [
                            Polarity::Positive,
                            Polarity::Negative,
                            Polarity::Underspecified,
                        ][(fields >> 14) as usize % 3],
                    });
                }
                if fields & 16 != 0 {
                    report.channel = Some("in a report".into());
                }
                if fields & 32 != 0 {
                    report.audience = Some("reporters".into());
                }
                if fields & 64 != 0 {
                    report.key = Some(format!("report-{step}"));
                }
                if let Some((start, len)) = d {
                    report.time = Some(DateRange::new(day(start), day(start + len)).unwrap());
                }
                if !spans.is_empty() {
                    let mut evidence = Evidence::default();
                    for (i, (a, b)) in spans.into_iter().enumerate() {
                        let span = Span::new(a.min(b) as usize, a.max(b) as usize).unwrap();
                        [
                            &mut evidence.source,
                            &mut evidence.cue,
                            &mut evidence.content,
                        ][i % 3]
                            .push(span);
                    }
                    report.evidence = Some(Box::new(evidence));
                }
                let _ = g.add_report(report);
            }
            Op::Relay { from, to, kind } => {
                if let (Some(f), Some(t)) = (pick(g.n_reports(), from), pick(g.n_reports(), to)) {
                    let kind = [
                        RelayKind::Derivation,
                        RelayKind::Quotation,
                        RelayKind::PrimarySource,
                    ][kind as usize % 3];
                    let _ = g.add_relay(
                        ReportId::from_index(f).unwrap(),
                        ReportId::from_index(t).unwrap(),
                        kind,
                    );
                }
            }
            Op::Mention {
                source,
                document,
                text,
            } => {
                if let Some(s) = pick(n_sources(&g), source) {
                    let mut mention = Mention::new(text);
                    mention.document = document
                        .and_then(|d| pick(g.n_documents(), d))
                        .map(|d| DocumentId::from_index(d).unwrap());
                    let _ = g.add_mention(SourceId::from_index(s).unwrap(), mention);
                }
            }
            Op::MergeSources { kept, absorbed } => {
                if let (Some(k), Some(a)) =
                    (pick(n_sources(&g), kept), pick(n_sources(&g), absorbed))
                {
                    let _ = g.merge_sources(
                        SourceId::from_index(k).unwrap(),
                        SourceId::from_index(a).unwrap(),
                    );
                }
            }
            Op::MergeClaims { kept, absorbed } => {
                if let (Some(k), Some(a)) =
                    (pick(g.claim_bound(), kept), pick(g.claim_bound(), absorbed))
                {
                    let _ = g.merge_claims(
                        ClaimId::from_index(k).unwrap(),
                        ClaimId::from_index(a).unwrap(),
                    );
                }
            }
            Op::Equivalent { a, b } => {
                if let (Some(a), Some(b)) = (pick(g.claim_bound(), a), pick(g.claim_bound(), b)) {
                    let _ = g.declare_equivalent(
                        ClaimId::from_index(a).unwrap(),
                        ClaimId::from_index(b).unwrap(),
                    );
                }
            }
        }
    }
    g
}

/// Arbitrary graphs built through the public API: empty, single-item,
/// cyclic, merged, with every optional field exercised.
pub fn graph() -> impl Strategy<Value = Graph> {
    proptest::collection::vec(op(), 0..60).prop_map(|ops| build(&ops))
}
