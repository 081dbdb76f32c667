//! brat standoff against its text: the input is split at the first zero
//! byte into the text and the annotation file (both decoded lossily as
//! UTF-8). Reading never panics; an import either adds the document with
//! every attribution or leaves the graph unchanged; what is imported writes
//! back as brat that reads again.
#![no_main]

use according::format::brat::{self, BratMeta};
use according::{Graph, Source};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let split = data.iter().position(|&b| b == 0).unwrap_or(data.len());
    let text = String::from_utf8_lossy(&data[..split]);
    let ann = String::from_utf8_lossy(data.get(split + 1..).unwrap_or_default());

    let mut graph = Graph::new();
    graph
        .add_source(Source::publisher("The Daily"))
        .expect("valid source");
    let before = graph.clone();
    let meta = BratMeta {
        key: Some("article".to_owned()),
        publisher: Some("The Daily".to_owned()),
        ..BratMeta::default()
    };
    match brat::import(&mut graph, &text, &ann, &meta) {
        Err(_) => assert!(graph == before, "a failed import changed the graph"),
        Ok(document) => {
            let read = brat::read(&text, &ann).expect("read succeeds when import did");
            assert_eq!(graph.reports_in(document).len(), read.attributions.len());
            according_fuzz::exercise(&graph);
            let written = brat::to_string(&graph, document).expect("an imported document writes");
            let again = brat::read(&text, &written)
                .unwrap_or_else(|err| panic!("written brat does not read back: {err}\n{written}"));
            assert!(again.attributions.len() <= read.attributions.len());
        }
    }
});
