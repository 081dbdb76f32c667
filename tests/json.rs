//! The native JSON format: lossless round trips and precise errors.

mod common;

use according::format::json;
use according::{Claim, Document, Graph, RelayKind, Report, Source, SourceKind};
use proptest::prelude::*;
use time::macros::date;

#[track_caller]
fn read_err(text: &str) -> String {
    match json::from_str(text) {
        Ok(graph) => panic!("expected an error, got {graph:?}"),
        Err(err) => err.to_string(),
    }
}

fn small_graph() -> Graph {
    let mut g = Graph::new();
    let lee = g
        .add_source(Source::person("Lee Seong-kweun").with_descriptor("South Korean lawmaker"))
        .unwrap();
    let agency = g
        .add_source(Source::organization("Seoul's spy agency"))
        .unwrap();
    let doc = g
        .add_document(
            Document::new()
                .with_date(date!(2025 - 11 - 04))
                .with_text("Lee said so."),
        )
        .unwrap();
    let claim = g.add_claim(Claim::new("troops were sent")).unwrap();
    let briefing = g
        .add_report(
            Report::by(agency, claim)
                .with_cue("briefing")
                .in_document(doc),
        )
        .unwrap();
    let said = g
        .add_report(
            Report::by(lee, claim)
                .with_cue("said")
                .in_document(doc)
                .with_time(date!(2025 - 11 - 04))
                .relaying(briefing),
        )
        .unwrap();
    // A cycle: the briefing also cites Lee (circular reporting must survive).
    g.add_relay(briefing, said, RelayKind::Quotation).unwrap();
    g
}

#[test]
fn a_small_graph_round_trips_compact_and_pretty() {
    let g = small_graph();
    assert_eq!(json::from_str(&json::to_string(&g)).unwrap(), g);
    assert_eq!(json::from_str(&json::to_string_pretty(&g)).unwrap(), g);
}

#[test]
fn dates_and_ids_are_written_as_readable_strings() {
    let text = json::to_string(&small_graph());
    assert!(text.starts_with(r#"{"according":1,"#), "{text}");
    assert!(text.contains(r#""date":"2025-11-04""#), "{text}");
    assert!(text.contains(r#""time":"2025-11-04""#), "{text}");
    assert!(text.contains(r#""relays":[{"to":"r0"}]"#), "{text}");
    assert!(
        text.contains(r#""relays":[{"to":"r1","kind":"quotation"}]"#),
        "{text}"
    );
}

#[test]
fn the_empty_graph_round_trips() {
    let g = Graph::new();
    assert_eq!(
        json::to_string(&g),
        r#"{"according":1,"sources":{},"merged_sources":{},"claims":{},"merged_claims":{},"documents":{},"reports":{},"equivalences":[]}"#
    );
    assert_eq!(json::from_str(&json::to_string(&g)).unwrap(), g);
    assert_eq!(json::from_str(r#"{"according":1}"#).unwrap(), g);
}

#[test]
fn merges_survive_a_round_trip() {
    let mut g = small_graph();
    let lawmaker = g.add_source(Source::person("the lawmaker")).unwrap();
    let lee = g
        .source_by_key("nothing")
        .map_or(according::SourceId::from_index(0).unwrap(), |s| s);
    g.merge_sources(lee, lawmaker).unwrap();
    let c1 = g.add_claim(Claim::new("troops went")).unwrap();
    let c2 = g.add_claim(Claim::new("soldiers went")).unwrap();
    g.declare_equivalent(c1, c2).unwrap();
    let c3 = g.add_claim(Claim::new("troops went to Russia")).unwrap();
    g.merge_claims(c1, c3).unwrap();
    let back = json::from_str(&json::to_string(&g)).unwrap();
    assert_eq!(back, g);
    assert_eq!(back.resolve_source(lawmaker).unwrap(), lee);
    assert_eq!(back.resolve_claim(c3).unwrap(), c1);
    assert_eq!(back.equivalent_claims(c2), vec![c1, c2]);
}

#[test]
fn syntax_errors_give_line_and_column() {
    assert_eq!(
        read_err("{\"according\": 1,\n  \"sources\": {\"s0\": {\"name\": }}}"),
        "json: line 2, column 30: expected value"
    );
    assert_eq!(read_err(""), "json: line 1: EOF while parsing a value");
    assert_eq!(
        read_err("\n  [1, 2]"),
        "json: line 2, column 3: expected a JSON object at the top level"
    );
}

#[test]
fn wrong_version_is_named() {
    assert_eq!(
        read_err(r#"{"according": 2, "sources": {}}"#),
        "unsupported schema version 2 (this release reads version 1)"
    );
    assert_eq!(
        read_err(r#"{"according": 7, "future": true}"#),
        "unsupported schema version 7 (this release reads version 1)"
    );
    assert!(read_err(r#"{"sources": {}}"#).contains("missing field `according`"));
}

#[test]
fn inconsistent_files_name_the_offending_item() {
    let cases = [
        (
            r#"{"according":1,"reports":{"r0":{"claim":"c3"}}}"#,
            "json: report r0: unknown claim c3",
        ),
        (
            r#"{"according":1,"reports":{"r0":{"relays":[{"to":"r0"}]}}}"#,
            "json: report r0: report r0 cannot relay itself",
        ),
        (
            r#"{"according":1,"reports":{"r0":{"relays":[{"to":"r5"}]}}}"#,
            "json: report r0: unknown report r5",
        ),
        (
            r#"{"according":1,"reports":{"r0":{},"r0":{}}}"#,
            "json: duplicate report id r0",
        ),
        (
            r#"{"according":1,"reports":{"r1":{}}}"#,
            "json: missing report id r0 (ids must run from 0 without gaps)",
        ),
        (
            r#"{"according":1,"sources":{"s0":{"name":"a","kind":"person","key":"k"},"s1":{"name":"b","kind":"person","key":"k"}}}"#,
            "json: source s1: duplicate source key \"k\"",
        ),
        (
            r#"{"according":1,"sources":{"s0":{"name":"a","kind":"robot"}}}"#,
            "json: line 1, column 57: unknown variant `robot`, expected one of `person`, `organization`, `group`, `document`, `publisher`, `unnamed`",
        ),
        (
            r#"{"according":1,"sources":{"s0":{"name":5,"kind":"person"}}}"#,
            "json: line 1, column 40: invalid type: integer `5`, expected a string",
        ),
        (
            r#"{"according":1,"sources":{"x0":{"name":"a","kind":"person"}}}"#,
            "json: line 1, column 30: invalid source id \"x0\"",
        ),
        (
            r#"{"according":1,"sources":{"s0":{"name":"a","kind":"person","affiliation":"s0"}}}"#,
            "json: source s0: source s0 cannot act on behalf of itself",
        ),
        (
            r#"{"according":1,"merged_sources":{"s0":{"into":"s0","record":{"name":"a","kind":"person"}}}}"#,
            "json: merge record of source s0 points to no live source",
        ),
        (
            r#"{"according":1,"documents":{"d0":{"text":"abc"}},"reports":{"r0":{"document":"d0","evidence":{"cue":[[1,9]]}}}}"#,
            "json: report r0: invalid span 1..9 in document d0: past the end of the text",
        ),
        (
            r#"{"according":1,"documents":{"d0":{"text":"é"}},"reports":{"r0":{"document":"d0","evidence":{"cue":[[1,2]]}}}}"#,
            "json: report r0: invalid span 1..2 in document d0: not on a character boundary",
        ),
        (
            r#"{"according":1,"reports":{"r0":{"time":"2025-10-31/2025-10-01"}}}"#,
            "json: line 1, column 63: date range ends (2025-10-01) before it starts (2025-10-31)",
        ),
        (
            r#"{"according":1,"reports":{"r0":{"cue":"said","colour":"red"}}}"#,
            "json: line 1, column 53: unknown field `colour`, expected one of `sources`, `voice`, `claim`, `document`, `relays`, `cue`, `mode`, `attitude`, `factuality`, `time`, `channel`, `audience`, `evidence`, `key`",
        ),
        (
            r#"{"according":1,"reports":{"r0":{"voice":"document"},"r1":{"relays":[{"to":"r0"}]}}}"#,
            "json: report r1: report r0 is in its document's own voice and cannot have sources or relays",
        ),
    ];
    for (text, expected) in cases {
        assert_eq!(read_err(text), expected, "{text}");
    }
}

#[test]
fn nesting_beyond_the_recursion_limit_is_an_error_not_a_crash() {
    // Deep nesting where the schema expects an id fails at the second level.
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    let text = format!(r#"{{"according":1,"equivalences":{deep}}}"#);
    assert_eq!(
        read_err(&text),
        "json: line 1, column 32: invalid type: sequence, expected a claim id such as \"c0\""
    );
    // The version probe skips unknown fields of a future version, deep ones too.
    let text = format!(r#"{{"according":2,"future":{deep}}}"#);
    assert_eq!(
        read_err(&text),
        "unsupported schema version 2 (this release reads version 1)"
    );
}

#[test]
fn a_source_kind_from_the_file_is_kept() {
    let g =
        json::from_str(r#"{"according":1,"sources":{"s0":{"name":"Analysts","kind":"group"}}}"#)
            .unwrap();
    assert_eq!(
        g.source(according::SourceId::from_index(0).unwrap())
            .unwrap()
            .kind,
        SourceKind::Group
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn every_graph_round_trips(g in common::arb_graph()) {
        // No route into a graph, merges included, makes a source act for itself.
        prop_assert!(!common::has_affiliation_cycle(&g));
        let text = json::to_string(&g);
        let back = json::from_str(&text).unwrap();
        prop_assert_eq!(&back, &g);
        // And the text is stable: writing the reloaded graph gives the same bytes.
        prop_assert_eq!(json::to_string(&back), text);
    }
}
