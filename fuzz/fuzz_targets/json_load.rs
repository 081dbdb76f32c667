//! Arbitrary bytes into the native JSON reader: it returns a graph or an
//! error, never panics; a graph it returns answers every query consistently
//! and writes back to the same graph.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(graph) = according::format::json::read(data) {
        according_fuzz::exercise(&graph);
    }
});
