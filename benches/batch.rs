//! Batch queries on news-like graphs of 10^4, 10^5 and 10^6 reports.
//!
//! Run with `cargo bench --bench batch`.

use according::{Graph, synth};
use divan::{Bencher, black_box};

fn main() {
    divan::main();
}

const SIZES: [usize; 3] = [10_000, 100_000, 1_000_000];

/// Building the graph itself (generation plus validated insertion).
#[divan::bench(args = SIZES, sample_count = 3, sample_size = 1)]
fn build_graph(n_reports: usize) -> Graph {
    synth::news_like(black_box(n_reports), 1)
}

/// Depths, primary-source counts and cycles in one pass.
#[divan::bench(args = SIZES, sample_count = 5, sample_size = 1)]
fn analyze(bencher: Bencher<'_, '_>, n_reports: usize) {
    let graph = synth::news_like(n_reports, 1);
    bencher.bench(|| black_box(&graph).analyze());
}

/// Depths alone.
#[divan::bench(args = SIZES, sample_count = 5, sample_size = 1)]
fn depths(bencher: Bencher<'_, '_>, n_reports: usize) {
    let graph = synth::news_like(n_reports, 1);
    bencher.bench(|| black_box(&graph).depths());
}

/// The relay graph as a CSR with both directions.
#[divan::bench(args = SIZES, sample_count = 5, sample_size = 1)]
fn relay_graph(bencher: Bencher<'_, '_>, n_reports: usize) {
    let graph = synth::news_like(n_reports, 1);
    bencher.bench(|| black_box(&graph).relay_graph());
}

/// Circular reporting alone.
#[divan::bench(args = SIZES, sample_count = 5, sample_size = 1)]
fn cycles(bencher: Bencher<'_, '_>, n_reports: usize) {
    let graph = synth::news_like(n_reports, 1);
    bencher.bench(|| black_box(&graph).cycles());
}
