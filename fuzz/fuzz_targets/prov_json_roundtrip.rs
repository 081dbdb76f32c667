//! Load, save, load in PROV-JSON: a graph read from any PROV-JSON file is
//! written back and read again with nothing skipped, and is equal.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(import) = according::format::prov_json::read(data) {
        according_fuzz::prov_round_trip(&import.graph);
        according_fuzz::round_trip(&import.graph);
    }
});
