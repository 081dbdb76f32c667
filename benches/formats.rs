//! Reading and writing graphs: the native JSON format, on news-like graphs of
//! 10^4, 10^5 and 10^6 reports. Throughput is in bytes of JSON per second.
//!
//! ```sh
//! cargo bench --bench formats
//! ```

use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};

use according::format::json;
use according::{Graph, synth};
use divan::counter::BytesCount;
use divan::{Bencher, black_box};

fn main() {
    divan::main();
}

const SIZES: [usize; 3] = [10_000, 100_000, 1_000_000];

/// A graph and its native JSON.
type Corpus = Arc<(Graph, Vec<u8>)>;

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
            let mut bytes = Vec::new();
            json::write(&graph, &mut bytes).expect("writing to memory cannot fail");
            Arc::new((graph, bytes))
        })
        .clone()
}

/// Native JSON, reading (with every check the graph makes on insertion).
#[divan::bench(args = SIZES, sample_count = 5, sample_size = 1)]
fn json_read(bencher: Bencher<'_, '_>, n_reports: usize) {
    let corpus = corpus(n_reports);
    let bytes = &corpus.1;
    bencher
        .counter(BytesCount::new(bytes.len()))
        .bench(|| json::read(black_box(bytes)).expect("valid native JSON"));
}

/// Native JSON, writing into memory.
#[divan::bench(args = SIZES, sample_count = 5, sample_size = 1)]
fn json_write(bencher: Bencher<'_, '_>, n_reports: usize) {
    let corpus = corpus(n_reports);
    bencher.counter(BytesCount::new(corpus.1.len())).bench(|| {
        let mut out = Vec::with_capacity(corpus.1.len());
        json::write(black_box(&corpus.0), &mut out).expect("writing to memory cannot fail");
        out
    });
}
