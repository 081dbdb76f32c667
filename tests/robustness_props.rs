//! Property tests of the robustness guarantees: readers given arbitrary or
//! corrupted bytes return a graph or a typed error and never panic; graphs
//! of every shape (empty, single-item, cyclic, merged; `common::arb_graph()`) round-trip through
//! the native format; the queries agree with each other on them.

mod common;

use according::extract::{Article, Extractor};
use according::format::brat;
use according::format::json;
use according::{Error, Graph, RelayKind, ReportId};
use proptest::prelude::*;

/// Whether `err` is one of the errors a reader documents for bad input.
fn is_reader_error(err: &Error) -> bool {
    err.is_parse() || err.is_limit()
}

/// A graph from `common::arb_graph()` with extra relays, most of which close
/// cycles: circular reporting of every size.
fn cyclic_graph() -> impl Strategy<Value = Graph> {
    (
        common::arb_graph(),
        proptest::collection::vec((any::<u8>(), any::<u8>()), 0..12),
    )
        .prop_map(|(mut graph, relays)| {
            let n = graph.n_reports();
            if n > 0 {
                for (from, to) in relays {
                    let from = ReportId::from_index(from as usize % n).unwrap();
                    let to = ReportId::from_index(to as usize % n).unwrap();
                    // Self-relays and relays of own-voice statements are
                    // rejected; the rest are kept.
                    let _ = graph.add_relay(from, to, RelayKind::Derivation);
                }
            }
            graph
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn cyclic_graphs_round_trip_and_their_queries_agree(graph in cyclic_graph()) {
        let text = json::to_string_pretty(&graph);
        let back = json::from_str(&text).unwrap();
        prop_assert!(back == graph);
        let analysis = graph.analyze();
        let depths = graph.depths();
        for (id, _) in graph.reports() {
            let depth = graph.depth(id).unwrap();
            prop_assert_eq!(depth, depths.get(id));
            prop_assert_eq!(depth, analysis.depth(id));
            prop_assert_eq!(
                graph.primary_sources(id).unwrap().len(),
                analysis.n_primary_sources(id)
            );
            for chain in graph.chains(id, 4).unwrap() {
                let Ok(chain) = chain else { break };
                prop_assert_eq!(chain.reports()[0], id);
            }
        }
        prop_assert_eq!(graph.cycles(), analysis.cycles().to_vec());
        for (id, _) in graph.claims() {
            graph.corroboration(id).unwrap();
        }
    }

    #[test]
    fn corrupted_json_gives_a_graph_or_a_typed_error(
        graph in common::arb_graph(),
        edits in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..4),
    ) {
        let mut bytes = json::to_string(&graph).into_bytes();
        for (at, byte) in edits {
            let i = at.index(bytes.len());
            bytes[i] = byte;
        }
        match json::read(&bytes) {
            Ok(read) => {
                // Whatever was read is a valid graph, and writes back.
                let again = json::read(json::to_string(&read).as_bytes()).unwrap();
                prop_assert!(again == read);
            }
            Err(err) => prop_assert!(is_reader_error(&err), "{err:?}"),
        }
    }

    #[test]
    fn truncated_json_is_a_parse_error(graph in common::arb_graph(), cut in any::<prop::sample::Index>()) {
        let text = json::to_string(&graph);
        let cut = cut.index(text.len());
        let err = json::read(&text.as_bytes()[..cut]).unwrap_err();
        let is_parse = matches!(err, Error::Parse { line, .. } if line >= 1);
        prop_assert!(is_parse, "{:?}", err);
    }

    #[test]
    fn arbitrary_bytes_never_panic_the_json_reader(bytes in proptest::collection::vec(any::<u8>(), 0..256)) {
        if let Err(err) = json::read(&bytes) {
            prop_assert!(is_reader_error(&err), "{err:?}");
        }
    }

    #[test]
    fn arbitrary_brat_never_panics_and_a_failed_import_changes_nothing(
        text in "\\PC{0,40}",
        ann in "([TEAR#*][0-9]{1,2}\t[A-Za-z:0-9 ;-]{0,24}(\t\\PC{0,8})?\r?\n){0,6}",
    ) {
        let mut graph = Graph::new();
        match brat::import(&mut graph, &text, &ann, &brat::BratMeta::default()) {
            Ok(document) => {
                let written = brat::to_string(&graph, document).unwrap();
                prop_assert!(brat::read(&text, &written).is_ok());
            }
            Err(err) => {
                prop_assert!(err.is_parse(), "{err:?}");
                prop_assert!(graph.is_empty());
            }
        }
    }

    #[test]
    fn extraction_spans_stay_on_character_boundaries(text in "(\\PC|[\"“”' ,.\r\n]|said |according to |told ){0,80}") {
        let extractor = Extractor::new();
        for attribution in extractor.attributions(&text) {
            for span in attribution.source.iter().chain(&attribution.cue).chain(&attribution.content) {
                prop_assert!(span.text(&text).is_some(), "{span:?}");
            }
        }
        let graph = extractor.extract(&Article::new(&text)).unwrap();
        prop_assert!(json::read(json::to_string(&graph).as_bytes()).unwrap() == graph);
    }
}
