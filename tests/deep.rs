//! Extreme shapes: a million-deep chain and a 100,000-way fan-in, computed
//! on the default test thread (2 MiB of stack) without overflow.

use according::{Depth, ReportId, synth};

#[test]
fn million_deep_chain() {
    const N: usize = 1_000_000;
    let graph = synth::chain(N);
    let top = ReportId::from_index(N - 1).unwrap();
    let deepest = Depth {
        shortest: N as u32,
        longest: N as u32,
    };
    assert_eq!(graph.depth(top).unwrap(), Some(deepest));
    let analysis = graph.analyze();
    assert_eq!(analysis.depth(top), Some(deepest));
    assert_eq!(analysis.n_primary_sources(top), 1);
    assert_eq!(analysis.cycles(), []);
    assert_eq!(graph.depths().get(top), Some(deepest));
    let mut chains = graph.chains(top, 1).unwrap();
    let first = chains.next().unwrap().unwrap();
    assert_eq!(first.len(), N);
    assert_eq!(first.primary(), ReportId::from_index(0));
    assert!(chains.next().is_none());
    assert_eq!(graph.primary_sources(top).unwrap().len(), 1);
    assert!(graph.cycles().is_empty());
}

#[test]
fn million_deep_cycle() {
    // Closing the chain into one big loop: one component, a closed loop.
    const N: usize = 1_000_000;
    let mut graph = synth::chain(N);
    let top = ReportId::from_index(N - 1).unwrap();
    let bottom = ReportId::from_index(0).unwrap();
    graph
        .add_relay(bottom, top, according::RelayKind::Derivation)
        .unwrap();
    assert_eq!(graph.depth(top).unwrap(), None);
    let cycles = graph.cycles();
    assert_eq!(cycles.len(), 1);
    assert_eq!(cycles[0].reports.len(), N);
    assert_eq!(graph.chains(top, 1).unwrap().count(), 0);
}

#[test]
fn hundred_thousand_way_fan_in() {
    const N: usize = 100_000;
    let graph = synth::fan_in(N);
    let primary = ReportId::from_index(0).unwrap();
    let relayers = graph.relayed_by(primary);
    assert_eq!(relayers.len(), N);
    assert_eq!(graph.relay_graph().relayed_by(primary).len(), N);
    let analysis = graph.analyze();
    for report in relayers.iter().step_by(997) {
        assert_eq!(
            analysis.depth(*report),
            Some(Depth {
                shortest: 2,
                longest: 2
            })
        );
        assert_eq!(analysis.n_primary_sources(*report), 1);
    }
    let origin = graph.report(primary).unwrap().sources[0];
    assert_eq!(graph.attributed_through_others(origin)[0].1.len(), N);
    assert_eq!(graph.said_directly(origin), []);
    let claim = graph.report(primary).unwrap().claim.unwrap();
    // All relayers rest on one primary source: one line of evidence.
    assert_eq!(graph.corroboration(claim).unwrap().independent, 1);
}
