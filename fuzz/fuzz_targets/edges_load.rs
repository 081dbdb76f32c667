//! Arbitrary bytes into the edge-list reader: a graph or an error naming
//! the line, never a panic. A graph it returns answers every query, and
//! written back as an edge list reads as the same relays and writes the
//! same set of rows.
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
        // The rows are a set: reports are numbered in order of first
        // appearance, so a re-read file may list them in another order.
        let rows = |bytes: &[u8]| {
            let mut rows: Vec<Vec<u8>> = bytes.split(|&b| b == b'\n').map(<[u8]>::to_vec).collect();
            rows.sort();
            rows
        };
        assert_eq!(rows(&out_again), rows(&out), "edge list rows changed");
    }
});
