//! Formats as a whole: `Format` names and detection, reading whichever
//! format an input is in (`read_any`), and the depths table.

mod common;

use std::io::Read;

use according::format::limits::Limits;
use according::format::{self, Format, Skip, depths, edges, json, prov_json};
use proptest::prelude::*;

const EXAMPLE_PROV: &[u8] = include_bytes!("data/peers_example.prov.json");
const EXAMPLE_EDGES: &[u8] = include_bytes!("data/peers_example.edges.tsv");
const EXPECTED_DEPTHS: &str = include_str!("data/peers_example.depths.tsv");

const NAMES: [(Format, &str); 8] = [
    (Format::Json, "json"),
    (Format::ProvJson, "prov-json"),
    (Format::ProvN, "prov-n"),
    (Format::Edges, "edges"),
    (Format::Brat, "brat"),
    (Format::Dot, "dot"),
    (Format::Mermaid, "mermaid"),
    (Format::Tree, "tree"),
];

#[track_caller]
fn depths_table(graph: &according::Graph) -> String {
    let mut table = Vec::new();
    depths::write(graph, &mut table).unwrap();
    String::from_utf8(table).unwrap()
}

#[test]
fn every_format_has_one_name_that_parses_back() {
    assert_eq!(Format::ALL, NAMES.map(|(format, _)| format));
    for (format, name) in NAMES {
        assert_eq!(format.name(), name);
        assert_eq!(format.to_string(), name);
        assert_eq!(name.parse::<Format>().unwrap(), format);
    }
    for bad in ["", "JSON", "prov_json", "provn", " json", "png"] {
        let err = bad.parse::<Format>().unwrap_err();
        assert_eq!(err.to_string(), format!("invalid format {bad:?}"));
        assert!(err.is_parse());
    }
}

#[test]
fn what_is_read_and_what_is_written() {
    let read: Vec<Format> = Format::ALL
        .iter()
        .copied()
        .filter(|f| f.reads_graph())
        .collect();
    assert_eq!(read, [Format::Json, Format::ProvJson, Format::Edges]);
    let not_written: Vec<Format> = Format::ALL
        .iter()
        .copied()
        .filter(|f| !f.writes_graph())
        .collect();
    assert_eq!(not_written, [Format::Brat]);
}

#[test]
fn detection_of_each_readable_format() {
    let graph = common::lawmaker_graph();
    let native = json::to_string(&graph);
    let native_pretty = json::to_string_pretty(&graph);
    let prov = prov_json::to_string(&graph);
    let mut edge_list = Vec::new();
    edges::write(&graph, &mut edge_list).unwrap();
    let cases: [(&[u8], Format); 6] = [
        (native.as_bytes(), Format::Json),
        (native_pretty.as_bytes(), Format::Json),
        (prov.as_bytes(), Format::ProvJson),
        (EXAMPLE_PROV, Format::ProvJson),
        (&edge_list, Format::Edges),
        (EXAMPLE_EDGES, Format::Edges),
    ];
    for (bytes, format) in cases {
        assert_eq!(Format::detect(bytes), Some(format));
    }
}

#[test]
fn detection_at_the_edges() {
    let cases: &[(&[u8], Option<Format>)] = &[
        // Nothing to go by.
        (b"", None),
        (b" \t\r\n", None),
        (b"\n\n", None),
        // A byte order mark is not skipped: no reader accepts one.
        (b"\xEF\xBB\xBF{\"according\": 1}", None),
        (
            b"\xEF\xBB\xBFreport_id\tspeaker_id\tcited_report_id\n",
            None,
        ),
        // JSON whitespace before the object, and inside it before the key.
        (b" \t\r\n{\"according\": 1}", Some(Format::Json)),
        (b"{ \n \"reports\": {}}", Some(Format::Json)),
        // Form feed is not JSON whitespace.
        (b"\x0c{\"according\": 1}", None),
        // Any member of the native format may come first.
        (b"{\"equivalences\": []}", Some(Format::Json)),
        (b"{\"merged_claims\": {}}", Some(Format::Json)),
        // An escaped key is the same key.
        (b"{\"\\u0061ccording\": 1}", Some(Format::Json)),
        // Other objects are PROV-JSON, empty, cut short or malformed ones
        // too: the PROV-JSON reader then says where.
        (b"{}", Some(Format::ProvJson)),
        (b"{", Some(Format::ProvJson)),
        (b"{\"entity\": {\"r:1\": [}}", Some(Format::ProvJson)),
        (b"{\"accord", Some(Format::ProvJson)),
        (b"{\"According\": 1}", Some(Format::ProvJson)),
        (b"{1: 2}", Some(Format::ProvJson)),
        // JSON that is not an object, and text.
        (b"[]", None),
        (b"\"according\"", None),
        (b"null", None),
        (b"\0\0\0\0", None),
        (b"digraph according {}", None),
        (b"document\nendDocument\n", None),
        // The edge list by its header only, with or without a row, with a
        // carriage return, or a header the reader will name as wrong.
        (
            b"report_id\tspeaker_id\tcited_report_id",
            Some(Format::Edges),
        ),
        (
            b"report_id\tspeaker_id\tcited_report_id\r\nr:1\ta\t\r\n",
            Some(Format::Edges),
        ),
        (
            b"report_id\tspeaker_id\tcited_report_id\textra\n",
            Some(Format::Edges),
        ),
        (b"report_id\tspeaker_id", None),
        (b" report_id\tspeaker_id\tcited_report_id\n", None),
    ];
    for &(bytes, expected) in cases {
        assert_eq!(
            Format::detect(bytes),
            expected,
            "{:?}",
            String::from_utf8_lossy(bytes)
        );
    }
}

#[test]
fn read_any_reads_the_worked_example_in_every_readable_format() {
    let from_prov = format::read_any(EXAMPLE_PROV).unwrap();
    assert_eq!(from_prov.format, Format::ProvJson);
    assert_eq!(
        from_prov.prefixes.first(),
        Some(&("r".to_owned(), "http://example.org/report/".to_owned()))
    );
    assert_eq!(
        from_prov
            .skipped
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>(),
        ["skipped wasDerivedFrom \"_:id33\": entity \"r:self\" derived from itself"]
    );
    assert_eq!(depths_table(&from_prov.graph), EXPECTED_DEPTHS);

    let from_edges = format::read_any(EXAMPLE_EDGES).unwrap();
    assert_eq!(from_edges.format, Format::Edges);
    assert!(from_edges.prefixes.is_empty());
    assert!(matches!(
        from_edges.skipped.as_slice(),
        [Skip::SelfCitation { .. }]
    ));
    assert_eq!(depths_table(&from_edges.graph), EXPECTED_DEPTHS);

    let native = json::to_string(&from_prov.graph);
    let from_native = format::read_any(native.as_bytes()).unwrap();
    assert_eq!(from_native.format, Format::Json);
    assert!(from_native.skipped.is_empty());
    assert_eq!(from_native.graph, from_prov.graph);
}

/// A reader that hands out a few bytes at a time, as a pipe may.
struct Trickle<'a>(&'a [u8]);

impl Read for Trickle<'_> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = buf.len().min(self.0.len()).min(7);
        buf[..n].copy_from_slice(&self.0[..n]);
        self.0 = &self.0[n..];
        Ok(n)
    }
}

/// What `read_any` gives, comparable: the import or the error's text.
fn outcome(result: according::Result<format::AnyImport>) -> Result<format::AnyImport, String> {
    result.map_err(|e| e.to_string())
}

#[test]
fn read_any_from_a_reader_reads_as_from_bytes() {
    let native = json::to_string_pretty(&common::lawmaker_graph());
    for bytes in [EXAMPLE_PROV, EXAMPLE_EDGES, native.as_bytes()] {
        let from_bytes = format::read_any(bytes).unwrap();
        assert_eq!(format::read_any_from(bytes).unwrap(), from_bytes);
        assert_eq!(format::read_any_from(Trickle(bytes)).unwrap(), from_bytes);
    }
}

#[test]
fn read_any_of_what_is_no_format_gives_the_prov_json_reader_error() {
    for (bytes, message) in [
        (&b""[..], "prov-json: line 1: EOF while parsing a value"),
        (b"\0\0\0\0", "prov-json: line 1, column 1: expected value"),
        (
            b"\xEF\xBB\xBF{}",
            "prov-json: line 1, column 1: expected value",
        ),
        (
            b"{\"entity\": {\"r:1\": [}}",
            "prov-json: line 1, column 21: expected value",
        ),
    ] {
        let from_bytes = format::read_any(bytes).unwrap_err().to_string();
        assert_eq!(from_bytes, message);
        let from_reader = format::read_any_from(bytes).unwrap_err().to_string();
        assert_eq!(from_reader, message);
    }
    let err = format::read_any(b"report_id\tspeaker_id\tcited_report_id\nr:1\tag:1\n").unwrap_err();
    assert_eq!(
        err.to_string(),
        "edge list: line 2: expected 3 tab-separated columns, found 2"
    );
}

#[test]
fn read_any_enforces_the_size_limit_on_every_format() {
    let limits = Limits::new().max_input_bytes(64);
    let native = json::to_string(&common::lawmaker_graph());
    for bytes in [EXAMPLE_PROV, EXAMPLE_EDGES, native.as_bytes()] {
        assert!(bytes.len() > 64);
        assert!(
            format::read_any_with(bytes, &limits)
                .unwrap_err()
                .is_limit()
        );
        assert!(
            format::read_any_from_with(bytes, &limits)
                .unwrap_err()
                .is_limit()
        );
    }
    // An endless input is refused, not read to the end.
    let endless = std::io::repeat(b' ');
    assert!(
        format::read_any_from_with(endless, &limits)
            .unwrap_err()
            .is_limit()
    );
}

#[test]
fn the_depths_table_of_the_worked_example_is_the_peers_byte_for_byte() {
    let graph = prov_json::read(EXAMPLE_PROV).unwrap().graph;
    assert_eq!(depths_table(&graph), EXPECTED_DEPTHS);
    assert!(EXPECTED_DEPTHS.starts_with(depths::HEADER));
}

#[test]
fn the_depths_table_of_an_empty_graph_is_its_header() {
    let table = depths_table(&according::Graph::new());
    assert_eq!(table, format!("{}\n", depths::HEADER));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Whatever a graph holds, native JSON and PROV-JSON written from it are
    /// detected as such and read back by `read_any` into an equal graph.
    #[test]
    fn read_any_round_trips_the_lossless_formats(graph in common::arb_graph()) {
        let native = json::to_string(&graph);
        prop_assert_eq!(Format::detect(native.as_bytes()), Some(Format::Json));
        let import = format::read_any(native.as_bytes()).unwrap();
        prop_assert_eq!(&import.graph, &graph);

        let prov = prov_json::to_string(&graph);
        prop_assert_eq!(Format::detect(prov.as_bytes()), Some(Format::ProvJson));
        let import = format::read_any(prov.as_bytes()).unwrap();
        prop_assert!(import.skipped.is_empty(), "{:?}", import.skipped);
        prop_assert_eq!(&import.graph, &graph);
        prop_assert_eq!(format::read_any_from(prov.as_bytes()).unwrap(), import);
    }

    /// Detection and reading never panic, and reading from a stream, which
    /// decides the format on a first part of the input, gives what reading
    /// the whole does.
    #[test]
    fn reading_any_bytes_from_a_stream_is_reading_them_whole(
        bytes in prop_oneof![
            proptest::collection::vec(any::<u8>(), 0..64),
            "[ \\n{}\"a-z:,\\[\\]0-9\t]{0,40}".prop_map(String::into_bytes),
            "[a-z_\t]{0,40}\n[a-z:\t]{0,20}".prop_map(|tail| format!("report_id\tspeaker_id\tcited_report_id\n{tail}").into_bytes()),
        ]
    ) {
        let _ = Format::detect(&bytes);
        let whole = outcome(format::read_any(&bytes));
        prop_assert_eq!(&outcome(format::read_any_from(Trickle(&bytes))), &whole);
    }
}
