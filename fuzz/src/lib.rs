//! Shared checks of the fuzz targets: every query run on a graph that came
//! from outside, cross-checked against each other, and a plain reference
//! model of the relay graph for the `graph_ops` target.
#![forbid(unsafe_code)]

pub mod model;

use according::format::{dot, edges, json, mermaid, prov_json, prov_n, tree};
use according::{Graph, ReportId, Voice};

/// Chains looked at per report, and the search steps allowed between two
/// chains: small, so that one fuzz input stays fast.
const MAX_CHAINS: usize = 8;
const CHAIN_STEPS: usize = 10_000;

/// Runs every query on every item of `graph` and checks that the answers
/// agree with each other: the per-report depth against the batch depths
/// and the one-pass analysis, the primary sources against the analysis
/// count, every chain against the relays it walks, and the native JSON
/// round trip. Panics (which the fuzzer reports) on any disagreement.
pub fn exercise(graph: &Graph) {
    let analysis = graph.analyze();
    let depths = graph.depths();
    let relay_graph = graph.relay_graph();
    assert_eq!(analysis.n_reports(), graph.n_reports());
    assert_eq!(relay_graph.n_reports(), graph.n_reports());
    for (id, report) in graph.reports() {
        let depth = graph
            .depth(id)
            .expect("a report of the graph has a depth answer");
        assert_eq!(depth, depths.get(id), "depths() disagrees at {id}");
        assert_eq!(depth, analysis.depth(id), "analyze() disagrees at {id}");
        if report.voice == Voice::Document {
            assert_eq!(depth.map(|d| (d.shortest, d.longest)), Some((0, 0)));
        }
        if let Some(depth) = depth {
            assert!(depth.shortest <= depth.longest, "depth of {id} is reversed");
        }
        let primary_sources = graph.primary_sources(id).expect("known report");
        assert_eq!(
            primary_sources.len(),
            analysis.n_primary_sources(id),
            "primary-source count of {id}"
        );
        let primary_reports = graph.primary_reports(id).expect("known report");
        assert_eq!(
            primary_reports.is_empty(),
            depth.is_none_or(|d| d.longest == 0)
        );
        let chains = graph.chains(id, MAX_CHAINS).expect("known report");
        for chain in chains.with_step_limit(CHAIN_STEPS) {
            let Ok(chain) = chain else { break };
            check_chain(graph, id, chain.reports());
        }
        graph.relayed_by(id);
    }
    for (id, _) in graph.sources() {
        graph.said_directly(id);
        graph.attributed_through_others(id);
        graph.relayed_as_intermediary(id);
    }
    for (id, _) in graph.claims() {
        let corroboration = graph.corroboration(id).expect("a live claim");
        // Chains are counted between speakers (a joint report by two
        // speakers can be two lines of evidence), so the count is bounded
        // by the witnesses, not by the reports.
        assert!(corroboration.chains.len() <= corroboration.independent);
        if corroboration.reports.is_empty() {
            assert_eq!(corroboration.independent, 0);
        }
        graph.primary_sources_of_claim(id).expect("a live claim");
        graph.first_report(id).expect("a live claim");
    }
    for (id, _) in graph.documents() {
        let profile = graph.profile(id).expect("a document of the graph");
        assert_eq!(
            profile.n_attributed + profile.n_unattributed,
            profile.n_statements
        );
    }
    graph.profiles();
    let cycles = graph.cycles();
    assert_eq!(cycles, analysis.cycles());
    round_trip(graph);
    write_everything(graph);
}

/// Every writer accepts every graph; PROV-JSON gives the graph back, and
/// the edge list gives back who relays whom.
pub fn write_everything(graph: &Graph) {
    let mut out = Vec::new();
    let picture = dot::PictureOptions::default();
    dot::write(graph, &mut out, &picture).expect("dot writes into memory");
    out.clear();
    mermaid::write(graph, &mut out, &picture).expect("mermaid writes into memory");
    out.clear();
    tree::write(graph, &mut out).expect("tree writes into memory");
    prov_n::to_string(graph);
    prov_round_trip(graph);
    out.clear();
    match edges::write(graph, &mut out) {
        Ok(()) => {}
        // The edge list cannot hold an empty id or one with a tab or a line
        // break; any other refusal is a bug.
        Err(according::Error::InvalidValue {
            what: "edge list id",
            value,
        }) => {
            assert!(
                value.is_empty() || value.contains(['\t', '\n', '\r']),
                "edge list refused the id {value:?}"
            );
            return;
        }
        Err(err) => panic!("edge list writes into memory: {err}"),
    }
    let relays = edges::read(&out).unwrap_or_else(|err| panic!("edge list re-read failed: {err}"));
    assert_eq!(
        relays.n_reports(),
        graph.n_reports(),
        "edge list lost reports"
    );
}

/// PROV-JSON: written, read back with nothing skipped, equal.
pub fn prov_round_trip(graph: &Graph) {
    let text = prov_json::to_string(graph);
    let back = prov_json::read(text.as_bytes())
        .unwrap_or_else(|err| panic!("prov-json re-read failed: {err}\n{text}"));
    assert!(
        back.skipped.is_empty(),
        "prov-json skipped {:?}",
        back.skipped
    );
    assert!(
        back.graph == *graph,
        "prov-json round trip changed the graph\n{text}"
    );
}

/// A chain starts at `from`, walks relays the graph holds, visits no report
/// twice and ends at a primary report.
fn check_chain(graph: &Graph, from: ReportId, chain: &[ReportId]) {
    assert_eq!(chain.first(), Some(&from), "chain does not start at {from}");
    for pair in chain.windows(2) {
        let report = graph.report(pair[0]).expect("chain reports exist");
        assert!(
            report.relays.iter().any(|relay| relay.to == pair[1]),
            "chain step {} <- {} is not a relay",
            pair[0],
            pair[1]
        );
    }
    let mut seen: Vec<ReportId> = chain.to_vec();
    seen.sort_unstable();
    seen.dedup();
    assert_eq!(seen.len(), chain.len(), "chain visits a report twice");
    let last = chain
        .last()
        .and_then(|&r| graph.report(r))
        .expect("chain ends at a report");
    assert!(
        last.relays.is_empty() && last.voice == Voice::Source,
        "chain ends at no primary"
    );
}

/// Native JSON: written, read back, equal.
pub fn round_trip(graph: &Graph) {
    let text = json::to_string(graph);
    let back = json::read(text.as_bytes()).unwrap_or_else(|err| panic!("re-read failed: {err}"));
    assert!(back == *graph, "json round trip changed the graph");
    assert_eq!(json::to_string(&back), text, "json is not stable");
}
