//! Arbitrary bytes into the PROV-JSON reader: a graph (with what was
//! skipped) or an error, never a panic; a graph it returns answers every
//! query consistently and writes back.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(import) = according::format::prov_json::read(data) {
        according_fuzz::exercise(&import.graph);
    }
});
