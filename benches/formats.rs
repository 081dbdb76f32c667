//! Reading and writing graphs: the native JSON format, W3C PROV-JSON and the
//! edge list, on news-like graphs of 10^4, 10^5 and 10^6 reports (the same
//! graph written in each format). Throughput is in bytes of the file per
//! second.
//!
//! ```sh
//! cargo bench --bench formats
//! ```

use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};

use according::format::{edges, json, prov_json};
use according::{Graph, synth};
use divan::counter::BytesCount;
use divan::{Bencher, black_box};

fn main() {
    divan::main();
}

const SIZES: [usize; 3] = [10_000, 100_000, 1_000_000];

/// A graph and its files.
struct Files {
    graph: Graph,
    json: Vec<u8>,
    prov_json: Vec<u8>,
    edges: Vec<u8>,
}

type Corpus = Arc<Files>;

/// The graph of each size and its native JSON, built once.
fn corpus(n_reports: usize) -> Corpus {
    static CORPORA: OnceLock<Mutex<HashMap<usize, Corpus>>> = OnceLock::new();
    let corpora = CORPORA.get_or_init(Default::default);
    let mut corpora = corpora
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    corpora
        .entry(n_reports)
        .or_insert_with(|| {
            let graph = synth::news_like(n_reports, 1);
            let mut json_bytes = Vec::new();
            json::write(&graph, &mut json_bytes).expect("writing to memory cannot fail");
            let mut prov_bytes = Vec::new();
            prov_json::write(&graph, &mut prov_bytes).expect("writing to memory cannot fail");
            let mut edge_bytes = Vec::new();
            edges::write(&graph, &mut edge_bytes).expect("synthetic keys fit the edge list");
            Arc::new(Files {
                graph,
                json: json_bytes,
                prov_json: prov_bytes,
                edges: edge_bytes,
            })
        })
        .clone()
}

/// Native JSON, reading (with every check the graph makes on insertion).
#[divan::bench(args = SIZES, sample_count = 5, sample_size = 1)]
fn json_read(bencher: Bencher<'_, '_>, n_reports: usize) {
    let corpus = corpus(n_reports);
    let bytes = &corpus.json;
    bencher
        .counter(BytesCount::new(bytes.len()))
        .bench(|| json::read(black_box(bytes)).expect("valid native JSON"));
}

/// Native JSON, writing into memory.
#[divan::bench(args = SIZES, sample_count = 5, sample_size = 1)]
fn json_write(bencher: Bencher<'_, '_>, n_reports: usize) {
    let corpus = corpus(n_reports);
    bencher
        .counter(BytesCount::new(corpus.json.len()))
        .bench(|| {
            let mut out = Vec::with_capacity(corpus.json.len());
            json::write(black_box(&corpus.graph), &mut out).expect("writing to memory cannot fail");
            out
        });
}

/// W3C PROV-JSON, reading.
#[divan::bench(args = SIZES, sample_count = 5, sample_size = 1)]
fn prov_json_read(bencher: Bencher<'_, '_>, n_reports: usize) {
    let corpus = corpus(n_reports);
    let bytes = &corpus.prov_json;
    bencher
        .counter(BytesCount::new(bytes.len()))
        .bench(|| prov_json::read(black_box(bytes)).expect("valid PROV-JSON"));
}

/// W3C PROV-JSON, writing into memory.
#[divan::bench(args = SIZES, sample_count = 5, sample_size = 1)]
fn prov_json_write(bencher: Bencher<'_, '_>, n_reports: usize) {
    let corpus = corpus(n_reports);
    bencher
        .counter(BytesCount::new(corpus.prov_json.len()))
        .bench(|| {
            let mut out = Vec::with_capacity(corpus.prov_json.len());
            prov_json::write(black_box(&corpus.graph), &mut out)
                .expect("writing to memory cannot fail");
            out
        });
}

/// The edge list, reading.
#[divan::bench(args = SIZES, sample_count = 5, sample_size = 1)]
fn edges_import(bencher: Bencher<'_, '_>, n_reports: usize) {
    let corpus = corpus(n_reports);
    let bytes = &corpus.edges;
    bencher
        .counter(BytesCount::new(bytes.len()))
        .bench(|| edges::import(black_box(bytes)).expect("valid edge list"));
}
