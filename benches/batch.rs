//! In-memory queries on news-like graphs of 10^4, 10^5 and 10^6 reports, and
//! 10^7 when `ACCORDING_BENCH_1E7=1` is set (it needs about 6 GB of memory
//! and a few minutes to build the graphs, so it is off by default).
//!
//! ```sh
//! cargo bench --bench batch
//! ACCORDING_BENCH_1E7=1 cargo bench --bench batch
//! ```
//!
//! `bare_loop` is the floor: the same depth and primary-source recurrences
//! over the condensation given as flat arrays in reverse topological order
//! (`according_tools::baseline`, shared with the `scale` program), with nothing else to do.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};

use according::{ClaimId, Graph, synth};
use according_tools::baseline;
use divan::counter::ItemsCount;
use divan::{Bencher, black_box};

fn main() {
    divan::main();
}

/// The sizes benchmarked: 10^4 to 10^6 reports, and 10^7 on request.
fn sizes() -> Vec<usize> {
    let mut sizes = vec![10_000, 100_000, 1_000_000];
    if std::env::var_os("ACCORDING_BENCH_1E7").is_some_and(|v| v == "1") {
        sizes.push(10_000_000);
    }
    sizes
}

/// The graph of each size, built once and shared by every benchmark.
fn graph(n_reports: usize) -> Arc<Graph> {
    static GRAPHS: OnceLock<Mutex<HashMap<usize, Arc<Graph>>>> = OnceLock::new();
    let graphs = GRAPHS.get_or_init(Default::default);
    let mut graphs = graphs
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    graphs
        .entry(n_reports)
        .or_insert_with(|| Arc::new(synth::news_like(n_reports, 1)))
        .clone()
}

/// Building the graph (generation plus validated insertion).
#[divan::bench(args = sizes(), sample_count = 3, sample_size = 1)]
fn build_graph(bencher: Bencher<'_, '_>, n_reports: usize) {
    bencher
        .counter(ItemsCount::new(n_reports))
        .bench(|| synth::news_like(black_box(n_reports), 1));
}

/// Depths, primary-source sets and cycles in one pass.
#[divan::bench(args = sizes(), sample_count = 5, sample_size = 1)]
fn analyze(bencher: Bencher<'_, '_>, n_reports: usize) {
    let graph = graph(n_reports);
    bencher
        .counter(ItemsCount::new(n_reports))
        .bench(|| black_box(&*graph).analyze());
}

/// Depths (shortest and longest) alone.
#[divan::bench(args = sizes(), sample_count = 5, sample_size = 1)]
fn depths(bencher: Bencher<'_, '_>, n_reports: usize) {
    let graph = graph(n_reports);
    bencher
        .counter(ItemsCount::new(n_reports))
        .bench(|| black_box(&*graph).depths());
}

/// The number of distinct primary sources of every report (from the same
/// pass as `analyze`, read out for every report).
#[divan::bench(args = sizes(), sample_count = 5, sample_size = 1)]
fn primary_source_counts(bencher: Bencher<'_, '_>, n_reports: usize) {
    let graph = graph(n_reports);
    bencher.counter(ItemsCount::new(n_reports)).bench(|| {
        let analysis = black_box(&*graph).analyze();
        analysis
            .iter()
            .map(|(_, _, n_sources)| n_sources)
            .sum::<usize>()
    });
}

/// Circular reporting alone.
#[divan::bench(args = sizes(), sample_count = 5, sample_size = 1)]
fn cycles(bencher: Bencher<'_, '_>, n_reports: usize) {
    let graph = graph(n_reports);
    bencher
        .counter(ItemsCount::new(n_reports))
        .bench(|| black_box(&*graph).cycles());
}

/// The relay graph as a CSR with both directions.
#[divan::bench(args = sizes(), sample_count = 5, sample_size = 1)]
fn relay_graph(bencher: Bencher<'_, '_>, n_reports: usize) {
    let graph = graph(n_reports);
    bencher
        .counter(ItemsCount::new(n_reports))
        .bench(|| black_box(&*graph).relay_graph());
}

/// Independent corroboration of one claim: the claim with the most reports
/// (ties to the smallest id).
#[divan::bench(args = sizes(), sample_count = 5, sample_size = 10)]
fn corroboration(bencher: Bencher<'_, '_>, n_reports: usize) {
    let graph = graph(n_reports);
    let claim: ClaimId = graph
        .claims()
        .map(|(id, _)| id)
        .max_by_key(|&id| (graph.reports_of(id).len(), std::cmp::Reverse(id)))
        .expect("the synthetic graph has claims");
    bencher.bench(|| black_box(&*graph).corroboration(black_box(claim)));
}

/// The floor: depths and primary-source counts over the condensation as
/// flat arrays in reverse topological order.
#[divan::bench(args = sizes(), sample_count = 5, sample_size = 1)]
fn bare_loop(bencher: Bencher<'_, '_>, n_reports: usize) {
    let dag = baseline::FlatDag::of(&graph(n_reports));
    bencher
        .counter(ItemsCount::new(n_reports))
        .bench(|| baseline::run(black_box(&dag)));
}
