//! Arbitrary bytes into the edge-list reader: a graph or an error naming
//! the line, never a panic. A graph it returns answers every query, and
//! written back as an edge list reads as the same relays.
#![no_main]

use according::format::edges;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(import) = edges::import(data) {
        let graph = import.graph;
        according_fuzz::exercise(&graph);
        let mut out = Vec::new();
        edges::write(&graph, &mut out).expect("writes into memory");
        let again = edges::read(&out).expect("a written edge list reads");
        assert_eq!(again.n_reports(), graph.n_reports());
        assert_eq!(again.n_sources(), graph.n_sources());
        let mut out_again = Vec::new();
        edges::write(&again, &mut out_again).expect("writes into memory");
        assert_eq!(out_again, out, "edge list is not stable");
    }
});
