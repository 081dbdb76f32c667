//! Load, save, load: a graph read from native JSON is written back and read
//! again, and the two graphs (and the two texts written) are equal. The
//! input is decoded as JSON first so that the fuzzer spends its time on
//! files that get past the syntax.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(graph) = according::format::json::read(data) {
        according_fuzz::round_trip(&graph);
        let pretty = according::format::json::to_string_pretty(&graph);
        let back = according::format::json::from_str(&pretty).expect("pretty json reads back");
        assert!(back == graph, "pretty json round trip changed the graph");
    }
});
