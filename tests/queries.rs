//! The query layer on small hand-made graphs with known answers.

use std::collections::{BTreeMap, HashMap};

use according::{
    Claim, ClaimId, DateRange, Depth, Document, DocumentId, Error, Graph, Mode, RelayKind, Report,
    ReportId, Source, SourceId,
};
use time::macros::date;

/// A graph whose reports and sources are addressed by name.
struct Named {
    graph: Graph,
    claim: ClaimId,
    sources: HashMap<&'static str, SourceId>,
    reports: HashMap<&'static str, ReportId>,
}

impl Named {
    fn new() -> Named {
        let mut graph = Graph::new();
        let claim = graph.add_claim(Claim::new("something happened")).unwrap();
        Named {
            graph,
            claim,
            sources: HashMap::new(),
            reports: HashMap::new(),
        }
    }

    fn source(&mut self, name: &'static str, source: Source) {
        let id = self.graph.add_source(source).unwrap();
        self.sources.insert(name, id);
    }

    /// A report spoken by the named sources (none: unknown speaker).
    fn report(&mut self, name: &'static str, speakers: &[&str]) {
        let mut report = Report::anonymous(self.claim);
        for speaker in speakers {
            report = report.with_source(self.sources[speaker]);
        }
        let id = self.graph.add_report(report).unwrap();
        self.reports.insert(name, id);
    }

    fn relay(&mut self, from: &str, to: &str) {
        self.relay_as(from, to, RelayKind::Derivation);
    }

    fn relay_as(&mut self, from: &str, to: &str, kind: RelayKind) {
        self.graph
            .add_relay(self.reports[from], self.reports[to], kind)
            .unwrap();
    }

    #[track_caller]
    fn r(&self, name: &str) -> ReportId {
        self.reports[name]
    }

    #[track_caller]
    fn s(&self, name: &str) -> SourceId {
        self.sources[name]
    }

    fn names(&self, reports: &[ReportId]) -> Vec<&'static str> {
        let mut names: Vec<&'static str> = reports
            .iter()
            .map(|r| *self.reports.iter().find(|(_, id)| *id == r).unwrap().0)
            .collect();
        names.sort_unstable();
        names
    }
}

/// The peers' worked example: a shared primary, a shortcut to the primary
/// source, a three-report cycle with exits, a closed loop, a report without
/// speaker, a joint statement and a report relaying a report never declared
/// in the original (here: a report without speaker).
fn worked_example() -> Named {
    let mut g = Named::new();
    for name in ["s0", "s1", "s3", "s4"] {
        g.source(name, Source::organization(name));
    }
    g.source("p0", Source::publisher("p0"));
    for (name, speakers) in [
        ("spy", &["s0"][..]),
        ("wire", &["s1"]),
        ("joint", &["s0", "s1"]),
        ("orphan", &[]),
        ("ghost", &[]),
        ("law", &["s3"]),
        ("pub", &["p0"]),
        ("a", &["s4"]),
        ("b", &["s3"]),
        ("c", &["s1"]),
        ("x", &["p0"]),
        ("loop1", &["s4"]),
        ("loop2", &["s3"]),
        ("y", &["p0"]),
        ("z", &["p0"]),
        ("self", &["s4"]),
        ("w", &["p0"]),
        ("v", &["p0"]),
        ("j", &["p0"]),
    ] {
        g.report(name, speakers);
    }
    g.relay("law", "spy");
    g.relay_as("pub", "law", RelayKind::Quotation);
    g.relay_as("pub", "spy", RelayKind::PrimarySource);
    g.relay("a", "b");
    g.relay("b", "c");
    g.relay("b", "spy");
    g.relay("c", "a");
    g.relay("c", "wire");
    g.relay("x", "a");
    g.relay("loop1", "loop2");
    g.relay("loop2", "loop1");
    g.relay("y", "loop1");
    g.relay("z", "loop2");
    g.relay("z", "law");
    g.relay("w", "orphan");
    g.relay("v", "ghost");
    g.relay("j", "joint");
    g.relay("j", "spy");
    g
}

/// The expected table of the worked example: longest hops, shortest hops
/// (-1: no primary reachable), number of distinct primary speakers.
const EXPECTED: &[(&str, i64, i64, usize)] = &[
    ("a", 1, 1, 2),
    ("b", 1, 1, 2),
    ("c", 1, 1, 2),
    ("ghost", 0, 0, 0),
    ("j", 1, 1, 2),
    ("joint", 0, 0, 2),
    ("law", 1, 1, 1),
    ("loop1", -1, -1, 0),
    ("loop2", -1, -1, 0),
    ("orphan", 0, 0, 0),
    ("pub", 2, 1, 1),
    ("self", 0, 0, 1),
    ("spy", 0, 0, 1),
    ("v", 1, 1, 0),
    ("w", 1, 1, 0),
    ("wire", 0, 0, 1),
    ("x", 2, 2, 2),
    ("y", -1, -1, 0),
    ("z", 2, 2, 1),
];

fn expected_depth(longest: i64, shortest: i64) -> Option<Depth> {
    (longest >= 0).then(|| Depth {
        shortest: shortest as u32 + 1,
        longest: longest as u32 + 1,
    })
}

#[test]
fn worked_example_matches_the_expected_table() {
    let g = worked_example();
    assert_eq!(g.graph.n_reports(), EXPECTED.len());
    let analysis = g.graph.analyze();
    let depths = g.graph.depths();
    for &(name, longest, shortest, n_primary) in EXPECTED {
        let report = g.r(name);
        let want = expected_depth(longest, shortest);
        assert_eq!(g.graph.depth(report).unwrap(), want, "depth of {name}");
        assert_eq!(analysis.depth(report), want, "analysed depth of {name}");
        assert_eq!(depths.get(report), want, "batch depth of {name}");
        assert_eq!(
            analysis.n_primary_sources(report),
            n_primary,
            "primary speakers of {name}"
        );
        assert_eq!(
            g.graph.primary_sources(report).unwrap().len(),
            n_primary,
            "primary sources of {name}"
        );
        if let Some(depth) = want {
            assert_eq!(depth.hops(), (shortest as u32, longest as u32));
        }
    }
    assert_eq!(analysis.primary_sources(g.r("x")), [g.s("s0"), g.s("s1")]);
    assert_eq!(analysis.iter().count(), EXPECTED.len());
}

#[test]
fn worked_example_cycles_are_the_scc_and_the_closed_loop() {
    let g = worked_example();
    let cycles = g.graph.cycles();
    assert_eq!(cycles.len(), 2);
    assert_eq!(g.names(&cycles[0].reports), ["a", "b", "c"]);
    assert_eq!(cycles[0].sources, [g.s("s1"), g.s("s3"), g.s("s4")]);
    assert_eq!(g.names(&cycles[1].reports), ["loop1", "loop2"]);
    assert!(cycles[0].reports[0] < cycles[1].reports[0]);
    assert_eq!(g.graph.analyze().cycles(), cycles.as_slice());
    let analysis = g.graph.analyze();
    let component = analysis.component_of(g.r("a")).unwrap();
    assert_eq!(analysis.component_of(g.r("c")), Some(component));
    assert_eq!(analysis.component_members(component).count(), 3);
    assert_ne!(analysis.component_of(g.r("x")), Some(component));
}

#[test]
fn self_relay_is_rejected_and_the_report_stays_primary() {
    let mut g = worked_example();
    let report = g.r("self");
    assert!(matches!(
        g.graph.add_relay(report, report, RelayKind::Derivation),
        Err(Error::SelfRelay(r)) if r == report
    ));
    assert_eq!(
        g.graph.depth(report).unwrap(),
        Some(Depth {
            shortest: 1,
            longest: 1
        })
    );
    g.relay("self", "spy");
    assert_eq!(
        g.graph.depth(report).unwrap(),
        Some(Depth {
            shortest: 2,
            longest: 2
        })
    );
}

#[test]
fn unknown_ids_are_errors() {
    let g = worked_example();
    let missing = ReportId::from_index(1000).unwrap();
    assert!(matches!(g.graph.depth(missing), Err(Error::UnknownReport(r)) if r == missing));
    assert!(g.graph.chains(missing, 5).is_err());
    assert!(g.graph.primary_reports(missing).is_err());
    let claim = ClaimId::from_index(99).unwrap();
    assert!(matches!(
        g.graph.corroboration(claim),
        Err(Error::UnknownClaim(_))
    ));
    assert!(matches!(
        g.graph.first_report(claim),
        Err(Error::UnknownClaim(_))
    ));
    let document = DocumentId::from_index(5).unwrap();
    assert!(matches!(
        g.graph.profile(document),
        Err(Error::UnknownDocument(_))
    ));
    assert_eq!(g.graph.analyze().depth(missing), None);
    assert_eq!(g.graph.relayed_by(missing), []);
}

#[test]
fn relay_graph_runs_petgraph_algorithms() {
    let g = worked_example();
    let relays = g.graph.relay_graph();
    assert_eq!(relays.n_reports(), g.graph.n_reports());
    assert_eq!(relays.n_edges(), g.graph.n_relays());
    // Kosaraju finds the same non-trivial components as our Tarjan.
    let mut from_petgraph: Vec<Vec<ReportId>> = petgraph::algo::kosaraju_scc(&relays)
        .into_iter()
        .filter(|c| c.len() > 1)
        .map(|mut c| {
            c.sort_unstable();
            c
        })
        .collect();
    from_petgraph.sort_unstable();
    let ours: Vec<Vec<ReportId>> = g.graph.cycles().into_iter().map(|c| c.reports).collect();
    assert_eq!(from_petgraph, ours);
    assert!(petgraph::algo::toposort(&relays, None).is_err());
    assert!(petgraph::algo::has_path_connecting(
        &relays,
        g.r("x"),
        g.r("wire"),
        None
    ));
    assert!(!petgraph::algo::has_path_connecting(
        &relays,
        g.r("y"),
        g.r("spy"),
        None
    ));
    // Both directions are stored.
    let mut relaying_spy: Vec<ReportId> = relays.relayed_by(g.r("spy")).collect();
    relaying_spy.sort_unstable();
    assert_eq!(g.names(&relaying_spy), ["b", "j", "law", "pub"]);
    assert_eq!(relays.reversed().relayed(g.r("spy")).len(), 4);
    assert!(relays.relays_nothing(g.r("orphan")));
}

#[test]
fn parallel_relays_of_different_kinds_collapse_to_one_edge() {
    let mut g = Named::new();
    g.source("s", Source::person("s"));
    g.report("low", &["s"]);
    g.report("high", &["s"]);
    g.relay_as("high", "low", RelayKind::Quotation);
    g.relay_as("high", "low", RelayKind::PrimarySource);
    assert_eq!(g.graph.n_relays(), 2);
    let relays = g.graph.relay_graph();
    assert_eq!(relays.n_edges(), 1);
    assert_eq!(g.graph.relayed_by(g.r("low")), [g.r("high")]);
    let chains: Vec<_> = g
        .graph
        .chains(g.r("high"), 10)
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(chains.len(), 1);
}

/// top -> a -> p, top -> b -> p: two chains through different sources to one
/// primary report.
fn diamond() -> Named {
    let mut g = Named::new();
    g.source("paper", Source::publisher("paper"));
    for name in ["sa", "sb", "sp"] {
        g.source(name, Source::person(name));
    }
    g.report("p", &["sp"]);
    g.report("a", &["sa"]);
    g.report("b", &["sb"]);
    g.report("top", &["paper"]);
    g.relay("a", "p");
    g.relay("b", "p");
    g.relay("top", "a");
    g.relay("top", "b");
    g
}

#[test]
fn chains_of_a_diamond_are_both_paths() {
    let g = diamond();
    let chains: Vec<_> = g
        .graph
        .chains(g.r("top"), 10)
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    let printed: Vec<String> = chains.iter().map(ToString::to_string).collect();
    let (top, a, b, p) = (g.r("top"), g.r("a"), g.r("b"), g.r("p"));
    assert_eq!(
        printed,
        [
            format!("{top} <- {a} <- {p}"),
            format!("{top} <- {b} <- {p}")
        ]
    );
    assert_eq!(chains[0].reports(), [top, a, p]);
    assert_eq!(chains[0].primary(), Some(p));
    assert_eq!(
        chains[1].sources(&g.graph),
        [&[g.s("paper")][..], &[g.s("sb")], &[g.s("sp")]]
    );
    assert_eq!(
        g.graph.depth(top).unwrap(),
        Some(Depth {
            shortest: 3,
            longest: 3
        })
    );
    // A primary report's one chain is itself.
    let own: Vec<_> = g
        .graph
        .chains(p, 10)
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(own.len(), 1);
    assert_eq!(own[0].reports(), [p]);
}

#[test]
fn chains_stop_with_an_error_past_the_limit() {
    let g = diamond();
    let mut chains = g.graph.chains(g.r("top"), 1).unwrap();
    assert!(chains.next().unwrap().is_ok());
    let err = chains.next().unwrap().unwrap_err();
    assert!(matches!(
        err,
        Error::LimitExceeded {
            what: "number of chains",
            limit: 1
        }
    ));
    assert!(chains.next().is_none());
    assert!(chains.truncated());
    // Exactly as many chains as the limit: no error, not truncated.
    let mut exact = g.graph.chains(g.r("top"), 2).unwrap();
    assert_eq!(exact.by_ref().filter(Result::is_ok).count(), 2);
    assert!(!exact.truncated());
}

#[test]
fn chains_stop_with_an_error_past_the_step_limit() {
    let graph = according::synth::chain(50);
    let top = ReportId::from_index(49).unwrap();
    let mut chains = graph.chains(top, 10).unwrap().with_step_limit(10);
    let err = chains.next().unwrap().unwrap_err();
    assert!(matches!(
        err,
        Error::LimitExceeded {
            what: "steps between two chains",
            limit: 10
        }
    ));
    assert!(chains.truncated());
    assert!(chains.next().is_none());
    let whole: Vec<_> = graph
        .chains(top, 10)
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(whole.len(), 1);
    assert_eq!(whole[0].len(), 50);
}

#[test]
fn chains_through_cycles_are_simple_and_closed_loops_give_none() {
    let g = worked_example();
    let chains: Vec<Vec<&str>> = g
        .graph
        .chains(g.r("x"), 10)
        .unwrap()
        .map(|c| {
            c.unwrap()
                .reports()
                .iter()
                .map(|r| *g.reports.iter().find(|(_, id)| *id == r).unwrap().0)
                .collect()
        })
        .collect();
    assert_eq!(
        chains,
        [vec!["x", "a", "b", "c", "wire"], vec!["x", "a", "b", "spy"]]
    );
    assert_eq!(g.graph.chains(g.r("y"), 10).unwrap().count(), 0);
    assert_eq!(g.graph.chains(g.r("loop1"), 10).unwrap().count(), 0);
    // z also relays into the closed loop; only the path through law counts.
    let z: Vec<_> = g
        .graph
        .chains(g.r("z"), 10)
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(z.len(), 1);
    assert_eq!(z[0].reports(), [g.r("z"), g.r("law"), g.r("spy")]);
}

#[test]
fn primary_reports_and_sources() {
    let g = worked_example();
    assert_eq!(
        g.names(&g.graph.primary_reports(g.r("pub")).unwrap()),
        ["spy"]
    );
    assert_eq!(
        g.names(&g.graph.primary_reports(g.r("x")).unwrap()),
        ["spy", "wire"]
    );
    assert_eq!(
        g.names(&g.graph.primary_reports(g.r("w")).unwrap()),
        ["orphan"]
    );
    assert_eq!(g.graph.primary_sources(g.r("w")).unwrap(), []);
    assert_eq!(
        g.graph.primary_sources(g.r("j")).unwrap(),
        [g.s("s0"), g.s("s1")]
    );
    assert_eq!(g.graph.primary_reports(g.r("y")).unwrap(), []);
}

#[test]
fn primary_sources_of_a_claim_include_equivalent_claims() {
    let mut graph = Graph::new();
    let agency = graph.add_source(Source::organization("agency")).unwrap();
    let ministry = graph.add_source(Source::organization("ministry")).unwrap();
    let lee = graph.add_source(Source::person("Lee")).unwrap();
    let first = graph
        .add_claim(Claim::new("5,000 troops were sent"))
        .unwrap();
    let second = graph
        .add_claim(Claim::new("about 5,000 soldiers went"))
        .unwrap();
    let other = graph.add_claim(Claim::new("unrelated")).unwrap();
    let briefing = graph.add_report(Report::by(agency, first)).unwrap();
    graph
        .add_report(Report::by(lee, first).relaying(briefing))
        .unwrap();
    graph.add_report(Report::by(ministry, second)).unwrap();
    graph.add_report(Report::by(lee, other)).unwrap();
    assert_eq!(graph.primary_sources_of_claim(first).unwrap(), [agency]);
    graph.declare_equivalent(first, second).unwrap();
    assert_eq!(
        graph.primary_sources_of_claim(first).unwrap(),
        [agency, ministry]
    );
    assert_eq!(
        graph.primary_sources_of_claim(second).unwrap(),
        [agency, ministry]
    );
}

#[test]
fn how_a_source_takes_part_in_chains() {
    let mut graph = Graph::new();
    let agency = graph.add_source(Source::organization("agency")).unwrap();
    let lee = graph.add_source(Source::person("Lee")).unwrap();
    let paper = graph.add_source(Source::publisher("paper")).unwrap();
    let claim = graph.add_claim(Claim::new("claim")).unwrap();
    let briefing = graph.add_report(Report::by(agency, claim)).unwrap();
    let statement = graph.add_report(Report::by(agency, claim)).unwrap();
    let relayed = graph
        .add_report(Report::by(lee, claim).relaying(briefing))
        .unwrap();
    let direct = graph.add_report(Report::by(lee, claim)).unwrap();
    let article = graph
        .add_report(
            Report::by(paper, claim)
                .relaying(relayed)
                .relaying(briefing),
        )
        .unwrap();
    assert_eq!(graph.said_directly(agency), [statement]);
    assert_eq!(
        graph.attributed_through_others(agency),
        [(briefing, vec![relayed, article])]
    );
    assert_eq!(graph.relayed_as_intermediary(agency), []);
    assert_eq!(graph.said_directly(lee), [direct]);
    assert_eq!(
        graph.attributed_through_others(lee),
        [(relayed, vec![article])]
    );
    assert_eq!(graph.relayed_as_intermediary(lee), [relayed]);
    assert_eq!(graph.relayed_as_intermediary(paper), [article]);
    assert_eq!(graph.said_directly(paper), [article]);
    assert_eq!(graph.relayed_by(briefing), [relayed, article]);
    assert_eq!(graph.said_directly(SourceId::from_index(77).unwrap()), []);
}

#[test]
fn corroboration_of_a_diamond_is_one_line() {
    let g = diamond();
    let found = g.graph.corroboration(g.claim).unwrap();
    assert_eq!(found.independent, 1);
    assert!(!found.credibility_confirmed());
    assert_eq!(found.chains.len(), 1);
    assert_eq!(found.chains[0].last(), Some(&g.s("sp")));
    assert_eq!(found.reports.len(), 4);
}

#[test]
fn corroboration_of_two_separate_chains_is_two() {
    let mut g = Named::new();
    g.source("paper", Source::publisher("paper"));
    for name in ["sa", "sb", "pa", "pb"] {
        g.source(name, Source::person(name));
    }
    g.report("p1", &["pa"]);
    g.report("p2", &["pb"]);
    g.report("a", &["sa"]);
    g.report("b", &["sb"]);
    g.report("top", &["paper"]);
    g.relay("a", "p1");
    g.relay("b", "p2");
    g.relay("top", "a");
    g.relay("top", "b");
    let found = g.graph.corroboration(g.claim).unwrap();
    assert_eq!(found.independent, 2);
    assert!(found.credibility_confirmed());
    let mut chains = found.chains.clone();
    chains.sort();
    let mut want = vec![vec![g.s("sa"), g.s("pa")], vec![g.s("sb"), g.s("pb")]];
    want.sort();
    assert_eq!(chains, want);
    // Sharing a relaying source joins the lines again.
    g.graph.merge_sources(g.s("sa"), g.s("sb")).unwrap();
    assert_eq!(g.graph.corroboration(g.claim).unwrap().independent, 1);
}

#[test]
fn corroboration_through_a_shared_relay_and_cycles() {
    // Two articles relay the same wire report, which relays two
    // independent primaries: the wire is a bottleneck.
    let mut g = Named::new();
    for name in ["paper1", "paper2"] {
        g.source(name, Source::publisher(name));
    }
    for name in ["wire", "pa", "pb", "loop", "loop2"] {
        g.source(name, Source::organization(name));
    }
    g.report("p1", &["pa"]);
    g.report("p2", &["pb"]);
    g.report("wire", &["wire"]);
    g.report("art1", &["paper1"]);
    g.report("art2", &["paper2"]);
    g.relay("wire", "p1");
    g.relay("wire", "p2");
    g.relay("art1", "wire");
    g.relay("art2", "wire");
    assert_eq!(g.graph.corroboration(g.claim).unwrap().independent, 1);
    // A closed loop supports nothing.
    g.report("l1", &["loop"]);
    g.report("l2", &["loop2"]);
    g.relay("l1", "l2");
    g.relay("l2", "l1");
    assert_eq!(g.graph.corroboration(g.claim).unwrap().independent, 1);
    // An anonymous primary report is a speaker of its own.
    g.report("anon", &[]);
    assert_eq!(g.graph.corroboration(g.claim).unwrap().independent, 2);
}

#[test]
fn own_voice_statements_have_depth_zero_and_no_sources() {
    let mut graph = Graph::new();
    let claim = graph.add_claim(Claim::new("sanctions apply")).unwrap();
    let document = graph.add_document(Document::new()).unwrap();
    let own = graph
        .add_report(Report::unattributed(document, claim))
        .unwrap();
    assert_eq!(
        graph.depth(own).unwrap(),
        Some(Depth {
            shortest: 0,
            longest: 0
        })
    );
    assert_eq!(
        Depth {
            shortest: 0,
            longest: 0
        }
        .hops(),
        (0, 0)
    );
    assert_eq!(
        graph.analyze().depth(own),
        Some(Depth {
            shortest: 0,
            longest: 0
        })
    );
    assert_eq!(graph.analyze().n_primary_sources(own), 0);
    assert_eq!(graph.primary_reports(own).unwrap(), []);
    assert_eq!(graph.chains(own, 5).unwrap().count(), 0);
    assert_eq!(graph.corroboration(claim).unwrap().independent, 0);
}

#[test]
fn first_report_and_reports_between() {
    let mut graph = Graph::new();
    let agency = graph.add_source(Source::organization("agency")).unwrap();
    let claim = graph.add_claim(Claim::new("claim")).unwrap();
    let same = graph.add_claim(Claim::new("the same claim")).unwrap();
    let monday = graph
        .add_document(Document::new().with_date(date!(2025 - 11 - 03)))
        .unwrap();
    let undated = graph.add_document(Document::new()).unwrap();
    let no_date = graph
        .add_report(Report::by(agency, claim).in_document(undated))
        .unwrap();
    let tuesday = graph
        .add_report(Report::by(agency, claim).with_time(date!(2025 - 11 - 04)))
        .unwrap();
    assert_eq!(graph.first_report(claim).unwrap(), Some(tuesday));
    let by_document = graph
        .add_report(Report::by(agency, claim).in_document(monday))
        .unwrap();
    assert_eq!(graph.first_report(claim).unwrap(), Some(by_document));
    // An equivalent claim's report made over the whole previous month starts earlier.
    let october = DateRange::month(2025, time::Month::October).unwrap();
    let earlier = graph
        .add_report(Report::by(agency, same).with_time(october))
        .unwrap();
    assert_eq!(graph.first_report(claim).unwrap(), Some(by_document));
    graph.declare_equivalent(claim, same).unwrap();
    assert_eq!(graph.first_report(claim).unwrap(), Some(earlier));
    // Ties go to the smaller id.
    let tie = graph
        .add_report(Report::by(agency, same).with_time(october))
        .unwrap();
    assert!(tie > earlier);
    assert_eq!(graph.first_report(same).unwrap(), Some(earlier));

    let week = DateRange::new(date!(2025 - 11 - 01), date!(2025 - 11 - 03)).unwrap();
    assert_eq!(graph.reports_between(week), [by_document]);
    let wide = DateRange::new(date!(2025 - 10 - 31), date!(2025 - 11 - 04)).unwrap();
    assert_eq!(
        graph.reports_between(wide),
        [tuesday, by_document, earlier, tie]
    );
    assert!(!graph.reports_between(wide).contains(&no_date));
    let empty_claim = graph.add_claim(Claim::new("never dated")).unwrap();
    graph.add_report(Report::by(agency, empty_claim)).unwrap();
    assert_eq!(graph.first_report(empty_claim).unwrap(), None);
}

/// The worked example of the crate: one article, its attributions and its
/// own-voice statements, built by hand.
struct Seed {
    graph: Graph,
    document: DocumentId,
    troops: ClaimId,
    lee: SourceId,
    agency: SourceId,
    line1: ReportId,
}

fn seed() -> Seed {
    let mut graph = Graph::new();
    let lee = graph.add_source(Source::person("Lee Seong-kweun")).unwrap();
    let agency = graph
        .add_source(Source::organization("Seoul's spy agency"))
        .unwrap();
    let estimates = graph
        .add_source(Source::unnamed("South Korean estimates"))
        .unwrap();
    let analysts = graph.add_source(Source::group("Analysts")).unwrap();
    let pyongyang = graph.add_source(Source::organization("Pyongyang")).unwrap();
    let monitors = graph
        .add_source(Source::organization("sanctions monitoring team"))
        .unwrap();
    let document = graph
        .add_document(Document::new().with_date(date!(2025 - 11 - 04)))
        .unwrap();
    let troops = graph
        .add_claim(Claim::new("5,000 construction troops sent to Russia"))
        .unwrap();
    let mut claim = |text: &str| graph.add_claim(Claim::new(text)).unwrap();
    let (signs, deployed, died, aid, nuclear, talks, preparing, laborers) = (
        claim("signs of preparation for more deployments"),
        claim("10,000 troops deployed near the border"),
        claim("600 soldiers died"),
        claim("North Korea receives aid from Russia"),
        claim("an irreversible nuclear state"),
        claim("Kim is open to talks"),
        claim("Pyongyang prepared for talks"),
        claim("40,000 laborers to be sent"),
    );
    let own: Vec<ClaimId> = (0..5)
        .map(|i| graph.add_claim(Claim::new(format!("own {i}"))).unwrap())
        .collect();
    let mut add = |report: Report| graph.add_report(report.in_document(document)).unwrap();
    let briefing1 = add(Report::by(agency, troops).with_cue("briefing"));
    let line1 = add(Report::by(lee, troops)
        .with_mode(Mode::Mixed)
        .relaying(briefing1));
    add(Report::by(lee, troops).with_mode(Mode::Direct));
    add(Report::by(lee, signs).with_mode(Mode::Direct));
    let briefing5 = add(Report::by(agency, deployed));
    add(Report::by(lee, deployed)
        .with_mode(Mode::Indirect)
        .relaying(briefing5));
    add(Report::by(estimates, died).with_mode(Mode::Indirect));
    add(Report::by(analysts, aid).with_mode(Mode::Indirect));
    add(Report::by(pyongyang, nuclear).with_mode(Mode::Mixed));
    let belief = add(Report::by(agency, talks));
    add(Report::by(lee, talks)
        .with_mode(Mode::Mixed)
        .relaying(belief));
    add(Report::by(lee, preparing).with_mode(Mode::Mixed));
    add(Report::by(monitors, laborers).with_mode(Mode::Mixed));
    for claim in own {
        add(Report::unattributed(document, claim));
    }
    Seed {
        graph,
        document,
        troops,
        lee,
        agency,
        line1,
    }
}

#[test]
fn seed_profile_has_fifteen_statements() {
    let seed = seed();
    let profile = seed.graph.profile(seed.document).unwrap();
    assert_eq!(profile.n_statements, 15);
    assert_eq!(profile.n_attributed, 10);
    assert_eq!(profile.n_unattributed, 5);
    assert_eq!(
        profile.depth_histogram,
        BTreeMap::from([(0, 5), (1, 7), (2, 3)])
    );
    assert_eq!(profile.n_without_depth, 0);
    assert!((profile.direct_share - 0.2).abs() < 1e-12);
    assert!((profile.unnamed_share - 0.2).abs() < 1e-12);
    assert_eq!(profile.distinct_sources.len(), 6);
    assert_eq!(profile.primary_sources.len(), 6);
    assert!(
        !profile
            .statements
            .contains(&ReportId::from_index(0).unwrap())
    );
    let all = seed.graph.profiles();
    assert_eq!(all, vec![(seed.document, profile)]);
}

#[test]
fn seed_troops_claim_has_one_independent_chain() {
    let seed = seed();
    let found = seed.graph.corroboration(seed.troops).unwrap();
    assert_eq!(found.independent, 1);
    assert_eq!(found.reports.len(), 3);
    assert_eq!(found.chains.len(), 1);
    assert_eq!(found.chains[0][0], seed.lee);
    assert_eq!(
        seed.graph.primary_sources(seed.line1).unwrap(),
        [seed.agency]
    );
    assert_eq!(
        seed.graph.depth(seed.line1).unwrap(),
        Some(Depth {
            shortest: 2,
            longest: 2
        })
    );
}
