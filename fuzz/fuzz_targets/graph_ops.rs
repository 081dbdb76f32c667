//! A random sequence of insertions, relays, merges and queries decoded
//! from the input, applied to a graph and to a plain reference model; the
//! graph must accept exactly what the model says is valid and give the
//! model's brute-force answers for counts, depths, primary sources,
//! relayers, chains and cycles.
#![no_main]

use according::Graph;
use according_fuzz::model::{Bytes, Model};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // Brute force is cubic: keep graphs small.
    let data = &data[..data.len().min(512)];
    let mut graph = Graph::new();
    let mut model = Model::default();
    let mut bytes = Bytes(data);
    while model.step(&mut graph, &mut bytes) {}
    model.check(&graph);
    according_fuzz::exercise(&graph);
});
