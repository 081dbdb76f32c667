//! Shared test helpers: a proptest strategy for whole graphs.
//!
//! A graph is generated as a plan of insertions and merges; each step goes
//! through the public, validating API, and steps the graph rejects (a
//! duplicate key, an affiliation cycle, a self-relay) are simply left out. So
//! every generated graph is one a user could build, including empty ones,
//! single nodes, cycles of relays, merged sources and claims.
#![allow(dead_code)]

use according::{
    Attitude, Claim, DateRange, Document, DocumentId, Evidence, Factuality, Graph, Mention, Mode,
    RelayKind, Reliability, Report, ReportId, Source, SourceId, SourceKind, Span, Voice,
};

use proptest::collection::vec;
use proptest::option;
use proptest::prelude::*;
use time::{Date, Month};

/// Text with the characters that formats must escape.
pub fn tricky_text() -> impl Strategy<Value = String> {
    "[a-zA-Z0-9 \"'\\\\\n\t<>{}|:#&;é“”\u{1F600}-]{0,12}"
}

/// A key: none, a qualified name, or free text.
fn key(letter: &'static str) -> impl Strategy<Value = Option<String>> {
    prop_oneof![
        2 => Just(None),
        2 => "[a-z]{1,3}:[a-z0-9_]{1,4}".prop_map(Some),
        1 => (0u32..20).prop_map(move |n| Some(format!("acc:{letter}{n}"))),
        1 => tricky_text().prop_map(Some),
    ]
}

fn date() -> impl Strategy<Value = Date> {
    (1990i32..2030, 1u8..=12, 1u8..=28).prop_map(|(y, m, d)| {
        // Day 1..=28 exists in every month.
        Date::from_calendar_date(y, Month::try_from(m).unwrap(), d).unwrap()
    })
}

fn date_range() -> impl Strategy<Value = DateRange> {
    (date(), 0i64..60).prop_map(|(start, days)| {
        let end = start
            .checked_add(time::Duration::days(days))
            .unwrap_or(start);
        DateRange::new(start, end).unwrap()
    })
}

fn source_kind() -> impl Strategy<Value = SourceKind> {
    prop_oneof![
        Just(SourceKind::Person),
        Just(SourceKind::Organization),
        Just(SourceKind::Group),
        Just(SourceKind::Document),
        Just(SourceKind::Publisher),
        Just(SourceKind::Unnamed),
    ]
}

fn relay_kind() -> impl Strategy<Value = RelayKind> {
    prop_oneof![
        Just(RelayKind::Derivation),
        Just(RelayKind::Quotation),
        Just(RelayKind::PrimarySource),
    ]
}

/// (document pick, span start pick, span end pick).
type Place = (u8, u8, u8);

#[derive(Clone, Debug)]
struct SourcePlan {
    kind: SourceKind,
    name: String,
    key: Option<String>,
    descriptors: Vec<String>,
    aliases: Vec<String>,
    reliability: Option<u8>,
    /// (document pick, span pick) of mentions; resolved once documents exist.
    mentions: Vec<(String, Option<Place>)>,
}

fn source_plan() -> impl Strategy<Value = SourcePlan> {
    (
        source_kind(),
        tricky_text(),
        key("s"),
        vec(tricky_text(), 0..3),
        vec(tricky_text(), 0..2),
        option::of(0u8..6),
        vec(
            (
                tricky_text(),
                option::of((any::<u8>(), any::<u8>(), any::<u8>())),
            ),
            0..3,
        ),
    )
        .prop_map(
            |(kind, name, key, descriptors, aliases, reliability, mentions)| SourcePlan {
                kind,
                name,
                key,
                descriptors,
                aliases,
                reliability,
                mentions,
            },
        )
}

#[derive(Clone, Debug)]
struct DocumentPlan {
    key: Option<String>,
    title: Option<String>,
    publisher: Option<u8>,
    date: Option<Date>,
    text: Option<String>,
}

fn document_plan() -> impl Strategy<Value = DocumentPlan> {
    (
        key("d"),
        option::of(tricky_text()),
        option::of(any::<u8>()),
        option::of(date()),
        option::of("[a-z é\"\n]{0,40}"),
    )
        .prop_map(|(key, title, publisher, date, text)| DocumentPlan {
            key,
            title,
            publisher,
            date,
            text,
        })
}

#[derive(Clone, Debug)]
struct ReportPlan {
    own_voice: bool,
    sources: Vec<u8>,
    claim: Option<u8>,
    document: Option<u8>,
    relays: Vec<(u8, RelayKind)>,
    cue: Option<String>,
    mode: Option<u8>,
    attitude: Option<u8>,
    factuality: Option<u8>,
    time: Option<DateRange>,
    channel: Option<String>,
    audience: Option<String>,
    evidence: Option<Vec<(u8, u8, u8)>>,
    key: Option<String>,
}

fn report_plan() -> impl Strategy<Value = ReportPlan> {
    (
        (
            prop::bool::weighted(0.15),
            vec(any::<u8>(), 0..3),
            option::of(any::<u8>()),
            option::of(any::<u8>()),
            vec((any::<u8>(), relay_kind()), 0..3),
            option::of(tricky_text()),
            option::of(0u8..3),
        ),
        (
            option::of(0u8..7),
            option::of(0u8..9),
            option::of(date_range()),
            option::of(tricky_text()),
            option::of(tricky_text()),
            option::of(vec((any::<u8>(), any::<u8>(), any::<u8>()), 0..4)),
            key("r"),
        ),
    )
        .prop_map(
            |(
                (own_voice, sources, claim, document, relays, cue, mode),
                (attitude, factuality, time, channel, audience, evidence, key),
            )| ReportPlan {
                own_voice,
                sources,
                claim,
                document,
                relays,
                cue,
                mode,
                attitude,
                factuality,
                time,
                channel,
                audience,
                evidence,
                key,
            },
        )
}

#[derive(Clone, Debug)]
pub struct GraphPlan {
    sources: Vec<SourcePlan>,
    documents: Vec<DocumentPlan>,
    claims: Vec<(String, Option<String>)>,
    reports: Vec<ReportPlan>,
    /// Extra relays added after all reports: these can close cycles.
    late_relays: Vec<(u8, u8, RelayKind)>,
    affiliations: Vec<(u8, u8)>,
    source_merges: Vec<(u8, u8)>,
    claim_merges: Vec<(u8, u8)>,
    equivalences: Vec<(u8, u8)>,
}

pub fn graph_plan() -> impl Strategy<Value = GraphPlan> {
    (
        vec(source_plan(), 0..5),
        vec(document_plan(), 0..3),
        vec((tricky_text(), key("c")), 0..4),
        vec(report_plan(), 0..8),
        vec((any::<u8>(), any::<u8>(), relay_kind()), 0..6),
        vec((any::<u8>(), any::<u8>()), 0..3),
        vec((any::<u8>(), any::<u8>()), 0..2),
        vec((any::<u8>(), any::<u8>()), 0..2),
        vec((any::<u8>(), any::<u8>()), 0..3),
    )
        .prop_map(
            |(
                sources,
                documents,
                claims,
                reports,
                late_relays,
                affiliations,
                source_merges,
                claim_merges,
                equivalences,
            )| {
                GraphPlan {
                    sources,
                    documents,
                    claims,
                    reports,
                    late_relays,
                    affiliations,
                    source_merges,
                    claim_merges,
                    equivalences,
                }
            },
        )
}

/// Any graph a user could build through the public API.
pub fn arb_graph() -> impl Strategy<Value = Graph> {
    graph_plan().prop_map(|plan| build(&plan))
}

/// Whether following affiliations from some source comes back to it.
pub fn has_affiliation_cycle(graph: &Graph) -> bool {
    graph.sources().any(|(start, _)| {
        let mut current = start;
        for _ in 0..=graph.source_bound() {
            match graph.source(current).and_then(|s| s.affiliation) {
                None => return false,
                Some(next) if next == start => return true,
                Some(next) => current = next,
            }
        }
        true
    })
}

fn pick<T: Copy>(items: &[T], n: u8) -> Option<T> {
    if items.is_empty() {
        None
    } else {
        Some(items[n as usize % items.len()])
    }
}

/// A span on character boundaries of `text`, picked by two numbers.
fn span_in(text: &str, a: u8, b: u8) -> Option<Span> {
    let mut bounds: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
    bounds.push(text.len());
    let x = bounds[a as usize % bounds.len()];
    let y = bounds[b as usize % bounds.len()];
    Span::new(x.min(y), x.max(y)).ok()
}

fn factuality(n: u8) -> Factuality {
    ["CT+", "CT-", "CTu", "PR+", "PR-", "PS+", "PS-", "Uu", "U+"][n as usize % 9]
        .parse()
        .unwrap()
}

fn attitude(n: u8) -> Attitude {
    [
        Attitude::Assertion,
        Attitude::Belief,
        Attitude::Estimate,
        Attitude::Denial,
        Attitude::Suggestion,
        Attitude::Question,
        Attitude::Intention,
    ][n as usize % 7]
}

fn reliability(n: u8) -> Reliability {
    [
        Reliability::A,
        Reliability::B,
        Reliability::C,
        Reliability::D,
        Reliability::E,
        Reliability::F,
    ][n as usize % 6]
}

pub fn build(plan: &GraphPlan) -> Graph {
    let mut graph = Graph::new();
    let mut sources: Vec<SourceId> = Vec::new();
    for s in &plan.sources {
        let mut source = Source::new(s.kind, s.name.clone());
        source.key = s.key.clone();
        source.descriptors = s.descriptors.clone();
        source.aliases = s.aliases.clone();
        source.reliability = s.reliability.map(reliability);
        if let Ok(id) = graph.add_source(source) {
            sources.push(id);
        }
    }
    let mut documents: Vec<DocumentId> = Vec::new();
    for d in &plan.documents {
        let document = Document {
            key: d.key.clone(),
            title: d.title.clone(),
            publisher: d.publisher.and_then(|p| pick(&sources, p)),
            date: d.date,
            text: d.text.clone(),
        };
        if let Ok(id) = graph.add_document(document) {
            documents.push(id);
        }
    }
    for (s, plan_source) in sources.clone().iter().zip(&plan.sources) {
        for (text, place) in &plan_source.mentions {
            let mention =
                match place.and_then(|(d, a, b)| pick(&documents, d).map(|doc| (doc, a, b))) {
                    None => Mention::new(text.clone()),
                    Some((doc, a, b)) => {
                        let doc_text = graph
                            .document(doc)
                            .and_then(|d| d.text.clone())
                            .unwrap_or_default();
                        match span_in(&doc_text, a, b) {
                            Some(span) if graph.document(doc).is_some_and(|d| d.text.is_some()) => {
                                Mention::at(text.clone(), doc, span)
                            }
                            _ => Mention {
                                text: text.clone(),
                                document: Some(doc),
                                span: None,
                            },
                        }
                    }
                };
            let _ = graph.add_mention(*s, mention);
        }
    }
    let mut claims = Vec::new();
    for (content, key) in &plan.claims {
        let mut claim = Claim::new(content.clone());
        claim.key = key.clone();
        if let Ok(id) = graph.add_claim(claim) {
            claims.push(id);
        }
    }
    let mut reports: Vec<ReportId> = Vec::new();
    for r in &plan.reports {
        let document = r.document.and_then(|d| pick(&documents, d));
        let mut report = Report {
            voice: if r.own_voice {
                Voice::Document
            } else {
                Voice::Source
            },
            claim: r.claim.and_then(|c| pick(&claims, c)),
            document,
            cue: r.cue.clone(),
            mode: r
                .mode
                .map(|m| [Mode::Direct, Mode::Indirect, Mode::Mixed][m as usize % 3]),
            attitude: r.attitude.map(attitude),
            factuality: r.factuality.map(factuality),
            time: r.time,
            channel: r.channel.clone(),
            audience: r.audience.clone(),
            key: r.key.clone(),
            ..Report::default()
        };
        if !r.own_voice {
            report.sources = r
                .sources
                .iter()
                .filter_map(|&s| pick(&sources, s))
                .collect();
            for &(to, kind) in &r.relays {
                if let Some(to) = pick(&reports, to) {
                    report.relays.push(according::Relay { to, kind });
                }
            }
        }
        if let (Some(spans), Some(doc)) = (&r.evidence, document) {
            let text = graph.document(doc).and_then(|d| d.text.clone());
            let mut evidence = Evidence::default();
            if let Some(text) = text {
                for (i, &(role, a, b)) in spans.iter().enumerate() {
                    if let Some(span) = span_in(&text, a, b) {
                        match (role as usize + i) % 3 {
                            0 => evidence.source.push(span),
                            1 => evidence.cue.push(span),
                            _ => evidence.content.push(span),
                        }
                    }
                }
            }
            report.evidence = Some(Box::new(evidence));
        }
        if let Ok(id) = graph.add_report(report) {
            reports.push(id);
        }
    }
    for &(from, to, kind) in &plan.late_relays {
        if let (Some(from), Some(to)) = (pick(&reports, from), pick(&reports, to)) {
            let _ = graph.add_relay(from, to, kind);
        }
    }
    for &(a, b) in &plan.affiliations {
        if let (Some(a), Some(b)) = (pick(&sources, a), pick(&sources, b)) {
            let _ = graph.set_affiliation(a, Some(b));
        }
    }
    for &(a, b) in &plan.equivalences {
        if let (Some(a), Some(b)) = (pick(&claims, a), pick(&claims, b)) {
            let _ = graph.declare_equivalent(a, b);
        }
    }
    for &(a, b) in &plan.source_merges {
        if let (Some(a), Some(b)) = (pick(&sources, a), pick(&sources, b)) {
            let _ = graph.merge_sources(a, b);
        }
    }
    for &(a, b) in &plan.claim_merges {
        if let (Some(a), Some(b)) = (pick(&claims, a), pick(&claims, b)) {
            let _ = graph.merge_claims(a, b);
        }
    }
    graph
}

/// A small fixed graph shaped like the worked example: an article relaying a
/// lawmaker relaying a spy agency, plus a statement in the article's own voice.
pub fn lawmaker_graph() -> Graph {
    let mut graph = Graph::new();
    let agency = graph
        .add_source(Source::organization("Seoul's spy agency").with_key("ex:nis"))
        .unwrap();
    let lee = graph
        .add_source(Source::person("Lee Seong-kweun").with_descriptor("South Korean lawmaker"))
        .unwrap();
    let publisher = graph
        .add_source(Source::publisher("The \"Daily\" <Wire>"))
        .unwrap();
    let text = "North Korea has sent about 5,000 construction troops to Russia, a lawmaker said.";
    let doc = graph
        .add_document(
            Document::new()
                .with_key("ex:article")
                .with_title("Troops")
                .with_publisher(publisher)
                .with_text(text),
        )
        .unwrap();
    let troops = graph
        .add_claim(Claim::new(
            "North Korea has sent about 5,000 construction troops to Russia",
        ))
        .unwrap();
    let briefing = graph
        .add_report(
            Report::by(agency, troops)
                .with_cue("briefing")
                .in_document(doc),
        )
        .unwrap();
    let said = graph
        .add_report(
            Report::by(lee, troops)
                .with_cue("said")
                .with_mode(Mode::Indirect)
                .in_document(doc)
                .relaying(briefing),
        )
        .unwrap();
    graph
        .add_report(
            Report::by(publisher, troops)
                .in_document(doc)
                .relaying_as(said, RelayKind::Quotation)
                .with_key("ex:article-says"),
        )
        .unwrap();
    let background = graph
        .add_claim(Claim::new("Russia is at war with Ukraine"))
        .unwrap();
    graph
        .add_report(Report::unattributed(doc, background))
        .unwrap();
    let analysts = graph.add_source(Source::group("Analysts")).unwrap();
    let labour = graph
        .add_claim(Claim::new(
            "Pyongyang is trading labour for Russian technology",
        ))
        .unwrap();
    graph
        .add_report(
            Report::by(analysts, labour)
                .with_cue("say")
                .in_document(doc),
        )
        .unwrap();
    let estimates = graph
        .add_source(Source::document("South Korean estimates"))
        .unwrap();
    let casualties = graph
        .add_claim(Claim::new("about 2,000 North Korean soldiers have died"))
        .unwrap();
    graph
        .add_report(
            Report::by(estimates, casualties)
                .with_cue("according to")
                .in_document(doc),
        )
        .unwrap();
    graph
}
