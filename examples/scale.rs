//! Time per report of the batch queries at one size, for the scaling curve.
//!
//! ```sh
//! cargo run --release --example scale -- 10000000
//! ```
//!
//! Builds `synth::news_like(N, 1)`, then times `Graph::analyze`,
//! `Graph::depths` and the bare-loop baseline (the same recurrences over a
//! flat DAG in reverse topological order) and prints seconds and nanoseconds
//! per report for each, best of `ROUNDS` runs (`SCALE_ROUNDS` overrides), in
//! time on CPU (so that other jobs on the machine distort less).

#[path = "../benches/support/baseline.rs"]
mod baseline;

use std::hint::black_box;
use std::time::{Duration, Instant};

use according::synth;

const ROUNDS: usize = 3;

fn rounds() -> usize {
    std::env::var("SCALE_ROUNDS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(ROUNDS)
}

/// Time this thread has spent running on a CPU, from
/// `/proc/thread-self/schedstat` (Linux); `None` elsewhere. On a shared
/// machine it leaves out the time the thread waited for a CPU.
fn on_cpu() -> Option<Duration> {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let nanos = stat.split_whitespace().next()?.parse().ok()?;
    Some(Duration::from_nanos(nanos))
}

/// The fastest of the rounds, in time on CPU where the system reports it,
/// else in wall-clock time.
fn best_of(mut work: impl FnMut()) -> Duration {
    (0..rounds())
        .map(|_| {
            let start = Instant::now();
            let cpu_start = on_cpu();
            work();
            match (cpu_start, on_cpu()) {
                (Some(before), Some(after)) => after.saturating_sub(before),
                _ => start.elapsed(),
            }
        })
        .min()
        .unwrap_or_default()
}

fn main() {
    let n_reports: usize = std::env::args()
        .nth(1)
        .map(|arg| arg.replace('_', "").parse().expect("N must be a number"))
        .unwrap_or(1_000_000);
    let start = Instant::now();
    let graph = synth::news_like(n_reports, 1);
    let built = start.elapsed();
    let per = |d: Duration| d.as_nanos() as f64 / n_reports as f64;
    println!(
        "N = {n_reports}: {} relays; synth::news_like {:.2} s ({:.0} ns/report)",
        graph.n_relays(),
        built.as_secs_f64(),
        per(built)
    );

    // `scale N analyze` times only `Graph::analyze`, for profilers.
    if std::env::args().nth(2).as_deref() == Some("analyze") {
        let analyze = best_of(|| {
            black_box(graph.analyze());
        });
        println!("Graph::analyze   {:>8.3} s", analyze.as_secs_f64());
        return;
    }
    let analyze = best_of(|| {
        black_box(graph.analyze());
    });
    let depths = best_of(|| {
        black_box(graph.depths());
    });
    let dag = baseline::FlatDag::of(&graph);
    let bare = best_of(|| {
        black_box(baseline::run(&dag));
    });
    for (name, d) in [
        ("Graph::analyze", analyze),
        ("Graph::depths", depths),
        ("bare loop", bare),
    ] {
        println!(
            "{name:<16} {:>8.3} s {:>8.1} ns/report",
            d.as_secs_f64(),
            per(d)
        );
    }
    println!(
        "analyze / bare loop = {:.2}",
        analyze.as_secs_f64() / bare.as_secs_f64()
    );
}
