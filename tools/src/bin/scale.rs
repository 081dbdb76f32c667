//! Time per report of the batch queries at one size, for the scaling curve.
//!
//! ```sh
//! cargo run --release -p according-tools --bin scale -- 10000000
//! ```
//!
//! Builds `synth::news_like(N, 1)`, then times `Graph::analyze`,
//! `Graph::depths` and the bare-loop baseline (the same recurrences over a
//! flat DAG in reverse topological order) and prints seconds and nanoseconds
//! per report for each, best of `ROUNDS` runs (`SCALE_ROUNDS` overrides),
//! both in wall-clock time and in time on CPU (which leaves out the time the
//! thread waited for a CPU on a shared machine).

use std::hint::black_box;
use std::time::{Duration, Instant};

use according::synth;
use according_tools::baseline;

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

/// The fastest of the rounds, in wall-clock time and in time on CPU (where
/// the system reports it; it is updated at scheduler ticks, so it is only
/// meaningful for runs of many milliseconds).
fn best_of(mut work: impl FnMut()) -> (Duration, Option<Duration>) {
    let mut best_wall = Duration::MAX;
    let mut best_cpu: Option<Duration> = None;
    for _ in 0..rounds() {
        let start = Instant::now();
        let cpu_start = on_cpu();
        work();
        best_wall = best_wall.min(start.elapsed());
        if let (Some(before), Some(after)) = (cpu_start, on_cpu()) {
            let cpu = after.saturating_sub(before);
            best_cpu = Some(best_cpu.map_or(cpu, |best| best.min(cpu)));
        }
    }
    (best_wall, best_cpu)
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
        let (wall, cpu) = best_of(|| {
            black_box(graph.analyze());
        });
        println!(
            "Graph::analyze   {:>8.3} s wall, {:>8.3} s on CPU",
            wall.as_secs_f64(),
            cpu.unwrap_or(wall).as_secs_f64()
        );
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
    println!(
        "{:<16} {:>10} {:>12} {:>10} {:>12}",
        "", "wall s", "ns/report", "CPU s", "ns/report"
    );
    for (name, (wall, cpu)) in [
        ("Graph::analyze", analyze),
        ("Graph::depths", depths),
        ("bare loop", bare),
    ] {
        let cpu = cpu.unwrap_or(wall);
        println!(
            "{name:<16} {:>10.4} {:>12.1} {:>10.3} {:>12.1}",
            wall.as_secs_f64(),
            per(wall),
            cpu.as_secs_f64(),
            per(cpu)
        );
    }
    println!(
        "analyze / bare loop (wall) = {:.2}",
        analyze.0.as_secs_f64() / bare.0.as_secs_f64()
    );
}
