//! W3C PROV: PROV-JSON export and import, PROV-N export.

mod common;

use according::format::prov_json;
use according::{Graph, RelayKind, SourceKind, Voice};
use proptest::prelude::*;

const PEERS_EXAMPLE: &str = include_str!("data/peers_example.prov.json");

#[track_caller]
fn read(text: &str) -> prov_json::ProvImport {
    match prov_json::read(text) {
        Ok(import) => import,
        Err(error) => panic!("read failed: {error}\n{text}"),
    }
}

#[track_caller]
fn report_keyed<'g>(graph: &'g Graph, key: &str) -> &'g according::Report {
    let id = graph
        .report_by_key(key)
        .unwrap_or_else(|| panic!("no report {key}"));
    graph.report(id).unwrap()
}

fn source_keys(graph: &Graph, key: &str) -> Vec<String> {
    report_keyed(graph, key)
        .sources
        .iter()
        .map(|&s| graph.source(s).unwrap().key.clone().unwrap())
        .collect()
}

fn relay_keys(graph: &Graph, key: &str) -> Vec<(String, RelayKind)> {
    report_keyed(graph, key)
        .relays
        .iter()
        .map(|r| (graph.report(r.to).unwrap().key.clone().unwrap(), r.kind))
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn export_then_import_gives_an_equal_graph(graph in common::arb_graph()) {
        let text = prov_json::to_string(&graph);
        let import = prov_json::read(&text).map_err(|e| TestCaseError::fail(format!("{e}\n{text}")))?;
        prop_assert!(import.skipped.is_empty(), "skipped {:?}", import.skipped);
        prop_assert_eq!(&import.graph, &graph, "{}", text);
        // Exporting the imported graph gives the same text.
        prop_assert_eq!(prov_json::to_string(&import.graph), text);
    }

    #[test]
    fn export_is_valid_json_with_the_prov_sections(graph in common::arb_graph()) {
        let text = prov_json::to_string(&graph);
        let value: serde_json::Value = serde_json::from_str(&text).map_err(|e| TestCaseError::fail(e.to_string()))?;
        // Sections without records are left out.
        let n_records = |section: &str| value.get(section).and_then(|s| s.as_object()).map_or(0, |o| o.len());
        prop_assert_eq!(n_records("entity"), graph.n_reports());
        prop_assert_eq!(n_records("wasDerivedFrom"), graph.n_relays());
    }

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..200)) {
        let _ = prov_json::read(&bytes);
    }
}

#[test]
fn empty_and_single_node_graphs_round_trip() {
    let empty = Graph::new();
    let text = prov_json::to_string(&empty);
    assert_eq!(read(&text).graph, empty);

    let mut single = Graph::new();
    let claim = single.add_claim(according::Claim::new("x")).unwrap();
    single
        .add_report(according::Report::anonymous(claim))
        .unwrap();
    assert_eq!(read(&prov_json::to_string(&single)).graph, single);
}

#[test]
fn the_worked_example_maps_onto_prov_terms() {
    let graph = common::lawmaker_graph();
    let text = prov_json::to_string(&graph);
    let value: serde_json::Value = serde_json::from_str(&text).unwrap();
    // Sources are agents typed with PROV's own classes where PROV has one.
    assert_eq!(
        value["agent"]["ex:nis"]["prov:type"]["$"],
        "prov:Organization"
    );
    assert_eq!(value["agent"]["ex:nis"]["prov:label"], "Seoul's spy agency");
    assert_eq!(value["agent"]["acc:s1"]["prov:type"]["$"], "prov:Person");
    assert_eq!(
        value["agent"]["acc:s1"]["acc:descriptor"],
        "South Korean lawmaker"
    );
    // The quotation relay is typed, the plain derivation is not.
    let derivations: Vec<&serde_json::Value> = value["wasDerivedFrom"]
        .as_object()
        .unwrap()
        .values()
        .collect();
    assert_eq!(derivations.len(), 2);
    assert_eq!(derivations[0]["prov:generatedEntity"], "acc:r1");
    assert_eq!(derivations[0]["prov:usedEntity"], "acc:r0");
    assert!(derivations[0].get("prov:type").is_none());
    assert_eq!(derivations[1]["prov:type"]["$"], "prov:Quotation");
    assert_eq!(derivations[1]["prov:generatedEntity"], "ex:article-says");
    // The document is a bundle describing itself, attributed to its publisher.
    let bundle = &value["bundle"]["ex:article"];
    assert_eq!(bundle["entity"]["ex:article"]["acc:title"], "Troops");
    assert_eq!(bundle["wasAttributedTo"]["_:p1"]["prov:agent"], "acc:s2");
    assert_eq!(value["entity"]["acc:r3"]["acc:voice"], "document");
    assert_eq!(value["prefix"]["acc"], prov_json::NAMESPACE);
    assert_eq!(read(&text).graph, graph);
}

#[test]
fn the_peers_example_reads_as_reports_sources_and_relays() {
    let import = read(PEERS_EXAMPLE);
    let graph = &import.graph;
    // 18 declared entities plus r:ghost, named only in a derivation.
    assert_eq!(graph.n_reports(), 19);
    assert_eq!(graph.n_sources(), 5);
    assert!(graph.report_by_key("r:ghost").is_some());
    assert_eq!(source_keys(graph, "r:joint"), ["ag:s0", "ag:s1"]);
    assert!(source_keys(graph, "r:orphan").is_empty());
    assert_eq!(
        relay_keys(graph, "r:pub"),
        [
            ("r:law".to_owned(), RelayKind::Quotation),
            ("r:spy".to_owned(), RelayKind::PrimarySource)
        ]
    );
    assert_eq!(
        relay_keys(graph, "r:law"),
        [("r:spy".to_owned(), RelayKind::Derivation)]
    );
    // Agents without label or type are unnamed sources named after their id.
    let s0 = graph.source(graph.source_by_key("ag:s0").unwrap()).unwrap();
    assert_eq!((s0.name.as_str(), s0.kind), ("ag:s0", SourceKind::Unnamed));
    // The self-derivation is the one thing skipped, and it is listed.
    assert_eq!(import.skipped.len(), 1, "{:?}", import.skipped);
    assert_eq!(import.skipped[0].record, "_:id33");
    assert_eq!(import.skipped[0].relation, "wasDerivedFrom");
    assert!(relay_keys(graph, "r:self").is_empty());
    assert_eq!(
        import.prefixes[0],
        ("r".to_owned(), "http://example.org/report/".to_owned())
    );
}

#[test]
fn foreign_documents_with_typed_values_bundles_and_arrays_are_read() {
    let text = r#"{
      "prefix": {"ex": "http://example.org/"},
      "agent": {
        "ex:nis": {"prov:type": {"$": "prov:Organization", "type": "prov:QUALIFIED_NAME"},
                   "prov:label": [{"$": "NIS", "lang": "en"}, "National Intelligence Service"]},
        "ex:lee": {"prov:type": [{"$": "prov:Person", "type": "xsd:QName"}], "ex:age": 61},
        "ex:bot": {"prov:type": {"$": "prov:SoftwareAgent", "type": "xsd:QName"}}
      },
      "activity": {"ex:briefing": {}},
      "wasAttributedTo": {"_:id1": {"prov:entity": "ex:said", "prov:agent": "ex:lee"},
                          "_:id2": {"prov:entity": "ex:nowhere", "prov:agent": "ex:lee"}},
      "actedOnBehalfOf": {"_:id3": {"prov:delegate": "ex:lee", "prov:responsible": "ex:nis"}},
      "wasGeneratedBy": {"_:id4": {"prov:entity": "ex:said", "prov:time": "2025-11-04T09:30:00+09:00"}},
      "bundle": {
        "ex:article": {
          "entity": {"ex:said": {"ex:doc": {"$": "1665", "type": "xsd:int"}}, "ex:brief": {}},
          "wasDerivedFrom": {"_:id5": [
              {"prov:generatedEntity": "ex:said", "prov:usedEntity": "ex:brief",
               "prov:type": {"$": "prov:Quotation", "type": "xsd:QName"}},
              {"prov:generatedEntity": "ex:said", "prov:usedEntity": "ex:brief",
               "prov:type": {"$": "prov:Quotation", "type": "xsd:QName"}}]}
        }
      }
    }"#;
    let import = read(text);
    let graph = &import.graph;
    let nis = graph
        .source(graph.source_by_key("ex:nis").unwrap())
        .unwrap();
    assert_eq!(
        (nis.name.as_str(), nis.kind),
        ("NIS", SourceKind::Organization)
    );
    let lee_id = graph.source_by_key("ex:lee").unwrap();
    let lee = graph.source(lee_id).unwrap();
    assert_eq!(lee.kind, SourceKind::Person);
    assert_eq!(lee.affiliation, graph.source_by_key("ex:nis"));
    // Records inside the bundle are reports of a document named after it.
    let said = report_keyed(graph, "ex:said");
    let article = graph.document_by_key("ex:article").unwrap();
    assert_eq!(said.document, Some(article));
    assert_eq!(said.sources, [lee_id]);
    assert_eq!(said.time.unwrap().to_string(), "2025-11-04");
    // The record given twice under one id is two derivations, kept as given
    // (the queries count parallel relays once).
    assert_eq!(
        relay_keys(graph, "ex:said"),
        [
            ("ex:brief".to_owned(), RelayKind::Quotation),
            ("ex:brief".to_owned(), RelayKind::Quotation)
        ]
    );
    // Everything not mapped is listed.
    let reasons: Vec<String> = import.skipped.iter().map(ToString::to_string).collect();
    let has = |needle: &str| reasons.iter().any(|r| r.contains(needle));
    assert!(has("ex:nowhere"), "{reasons:?}");
    assert!(has("prov:SoftwareAgent"), "{reasons:?}");
    assert!(has("attribute ex:age"), "{reasons:?}");
    assert!(has("attribute ex:doc"), "{reasons:?}");
    assert!(
        has("activity \"ex:briefing\": relation not mapped"),
        "{reasons:?}"
    );
}

#[test]
fn repeated_causes_are_listed_once_with_a_count() {
    let text =
        r#"{"entity": {"r:1": {"news:doc": 1}, "r:2": {"news:doc": 2}, "r:3": {"news:doc": 3}}}"#;
    let import = read(text);
    assert_eq!(import.graph.n_reports(), 3);
    assert_eq!(import.skipped.len(), 1);
    assert_eq!(import.skipped[0].record, "r:1");
    assert_eq!(
        import.skipped[0].reason,
        "attribute news:doc not mapped (and 2 more like it)"
    );
}

#[test]
fn malformed_input_is_an_error_with_a_position_or_a_record() {
    let error = prov_json::read("{\n  \"entity\": {\"r:1\": {}\n").unwrap_err();
    assert!(error.is_parse());
    assert_eq!(
        error.to_string(),
        "prov-json: line 3: EOF while parsing an object"
    );

    let error = prov_json::read("[1, 2]").unwrap_err();
    assert_eq!(
        error.to_string(),
        "prov-json: line 1: invalid type: sequence, expected a PROV-JSON document (an object)"
    );

    let text = format!(
        r#"{{"prefix": {{"acc": "{}"}}, "entity": {{"r:5": {{"acc:mode": "loud"}}}}}}"#,
        prov_json::NAMESPACE
    );
    let error = prov_json::read(text).unwrap_err();
    assert_eq!(
        error.to_string(),
        "prov-json: entity \"r:5\": invalid mode \"loud\""
    );

    let error = prov_json::read(r#"{"bundle": {"b:1": {"bundle": {}}}}"#).unwrap_err();
    assert!(
        error.to_string().contains("a bundle inside a bundle"),
        "{error}"
    );
}

#[test]
fn our_namespace_is_recognised_by_its_iri_not_its_prefix() {
    let graph = common::lawmaker_graph();
    let text = prov_json::to_string(&graph)
        .replace("\"acc:", "\"according:")
        .replace("\"acc\"", "\"according\"");
    assert_eq!(read(&text).graph, graph);
    // Under another IRI the same prefix is just a foreign one.
    let foreign = text.replace(prov_json::NAMESPACE, "http://example.org/other#");
    let import = read(&foreign);
    // Every foreign entity is a report: the two claims become reports too.
    assert_eq!(
        import.graph.n_reports(),
        graph.n_reports() + graph.n_claims()
    );
    assert!(import.graph.report_by_key("according:r1").is_some());
    assert!(
        import
            .graph
            .reports()
            .all(|(_, r)| r.voice == Voice::Source)
    );
}

#[test]
fn key_prefixes_keep_their_iris_through_write_with() {
    let import = read(PEERS_EXAMPLE);
    let options = prov_json::WriteOptions::with_prefixes(import.prefixes.clone());
    let mut out = Vec::new();
    prov_json::write_with(&import.graph, &options, &mut out).unwrap();
    let value: serde_json::Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(value["prefix"]["r"], "http://example.org/report/");
    assert_eq!(value["prefix"]["ag"], "http://example.org/agent/");
    assert_eq!(read(std::str::from_utf8(&out).unwrap()).graph, import.graph);
}

#[test]
fn prov_n_writes_a_document_with_escaped_strings() {
    let text = according::format::prov_n::to_string(&common::lawmaker_graph());
    assert!(
        text.starts_with("document\n  prefix acc <https://according.rs/ns#>\n"),
        "{text}"
    );
    assert!(text.ends_with("endDocument\n"));
    assert!(text.contains(
        "  agent(ex:nis, [prov:type='prov:Organization', prov:label=\"Seoul's spy agency\"])\n"
    ));
    assert!(
        text.contains("prov:label=\"The \\\"Daily\\\" <Wire>\""),
        "{text}"
    );
    assert!(text.contains("  wasDerivedFrom(acc:r1, acc:r0)\n"));
    assert!(
        text.contains("  wasDerivedFrom(ex:article-says, acc:r1, [prov:type='prov:Quotation'])\n")
    );
    assert!(text.contains("  bundle ex:article\n    entity(ex:article, [prov:type='prov:Bundle'"));
    assert!(text.contains("  endBundle\n"));
}

#[test]
fn validation_finds_cycles_dangling_references_and_idle_agents() {
    let text = r#"{
      "agent": {"ag:idle": {}, "ag:s": {}},
      "entity": {"r:a": {}, "r:b": {}, "r:c": {}},
      "wasAttributedTo": {"_:1": {"prov:entity": "r:a", "prov:agent": "ag:s"},
                          "_:2": {"prov:entity": "r:gone", "prov:agent": "ag:s"}},
      "wasDerivedFrom": {"_:3": {"prov:generatedEntity": "r:a", "prov:usedEntity": "r:b"},
                         "_:4": {"prov:generatedEntity": "r:b", "prov:usedEntity": "r:a"},
                         "_:5": {"prov:generatedEntity": "r:c"}}
    }"#;
    let import = read(text);
    let findings: Vec<String> = prov_json::validate(&import)
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(
        findings,
        [
            "derivation cycle (circular reporting) through r0, r1",
            "agent s0 has no report attributed to it",
            "dangling reference: wasDerivedFrom \"_:5\": missing prov:generatedEntity or prov:usedEntity",
            "dangling reference: wasAttributedTo \"_:2\": entity \"r:gone\" is not a report",
        ]
    );
    assert!(
        prov_json::validate(&read(PEERS_EXAMPLE)).len() == 2,
        "two cycles in the peers' example"
    );
}
