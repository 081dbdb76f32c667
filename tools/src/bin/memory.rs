//! Memory per report and per relay, measured on the whole process.
//!
//! ```sh
//! cargo run --release -p according-tools --bin memory -- 1000000
//! ```
//!
//! Builds a graph of N reports straight through the public API (no
//! generator whose freed memory would stay in the process), in phases, and
//! reads the resident set size (`VmRSS`) and its peak (`VmHWM`) from
//! `/proc/self/status` after each one (Linux only):
//!
//! 1. `N / 10` sources, `N / 3` documents (no text) and one claim per
//!    document, with a short content (`"c{k}"`: claim text is not what this
//!    measures);
//! 2. N reports, each with one speaker, its claim and its document, no relay;
//! 3. one relay per report (except the first of each document), to an
//!    earlier report: the first relay of a report allocates its relay list;
//! 4. a second relay for one report in ten (fits in the same list);
//! 5. `Graph::analyze` kept alive, and the peak while computing it;
//! 6. `Graph::depths` kept alive.
//!
//! Each phase's growth is divided by what it added.

use std::hint::black_box;

use according::{Claim, ClaimId, Document, DocumentId, Graph, RelayKind, Report, ReportId, Source};

/// `VmRSS` and `VmHWM` in bytes.
fn memory() -> (u64, u64) {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let field = |name: &str| {
        status
            .lines()
            .find_map(|line| line.strip_prefix(name))
            .and_then(|rest| {
                rest.trim()
                    .trim_end_matches("kB")
                    .trim()
                    .parse::<u64>()
                    .ok()
            })
            .map_or(0, |kib| kib * 1024)
    };
    (field("VmRSS:"), field("VmHWM:"))
}

/// A tiny deterministic generator (SplitMix64).
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^= z >> 31;
        (((z >> 32) * n as u64) >> 32) as usize
    }
}

/// The id of the `k`-th report added (N is far below 2^32).
fn report(k: usize) -> ReportId {
    ReportId::from_index(k).expect("report index fits in u32")
}

fn main() -> Result<(), according::Error> {
    let n_reports: usize = std::env::args()
        .nth(1)
        .map(|arg| arg.replace('_', "").parse().expect("N must be a number"))
        .unwrap_or(1_000_000);
    let n_sources = (n_reports / 10).max(1);
    let n_documents = (n_reports / 3).max(1);
    let mut rng = Rng(7);
    let mib = |bytes: u64| bytes as f64 / (1024.0 * 1024.0);
    let (start_rss, _) = memory();
    println!(
        "N = {n_reports} reports; process RSS at start {:.1} MiB",
        mib(start_rss)
    );
    let mut last = start_rss;
    let step = |last: &mut u64, what: &str, count: usize, unit: &str| {
        let (rss, hwm) = memory();
        let grown = rss.saturating_sub(*last);
        println!(
            "{what:<44} RSS {:>9.1} MiB (+{:>8.1} MiB, {:>6.1} bytes/{unit}), peak {:>9.1} MiB",
            mib(rss),
            mib(grown),
            grown as f64 / count.max(1) as f64,
            mib(hwm),
        );
        *last = rss;
    };

    let mut graph = Graph::new();
    for k in 0..n_sources {
        graph.add_source(Source::person(format!("s{k}")))?;
    }
    let mut documents: Vec<DocumentId> = Vec::with_capacity(n_documents);
    let mut claims: Vec<ClaimId> = Vec::with_capacity(n_documents);
    for k in 0..n_documents {
        documents.push(graph.add_document(Document::new())?);
        claims.push(graph.add_claim(Claim::new(format!("c{k}")))?);
    }
    step(&mut last, "sources, documents, claims", n_reports, "report");

    let sources: Vec<_> = graph.sources().map(|(id, _)| id).collect();
    for k in 0..n_reports {
        let document = k * n_documents / n_reports;
        let speaker = sources[rng.below(sources.len())];
        graph.add_report(Report::by(speaker, claims[document]).in_document(documents[document]))?;
    }
    step(&mut last, "reports (no relays)", n_reports, "report");

    let mut n_relays = 0;
    for k in 1..n_reports {
        // Relay an earlier report, mostly a recent one (a chain), sometimes
        // any one (a shared briefing).
        let to = if rng.below(4) == 0 {
            rng.below(k)
        } else {
            k - 1 - rng.below(k.min(8))
        };
        graph.add_relay(report(k), report(to), RelayKind::Derivation)?;
        n_relays += 1;
    }
    step(&mut last, "first relay of each report", n_relays, "relay");

    let mut n_second = 0;
    for k in (2..n_reports).step_by(10) {
        let to = rng.below(k - 1);
        graph.add_relay(report(k), report(to), RelayKind::Quotation)?;
        n_second += 1;
    }
    step(
        &mut last,
        "second relay of one report in ten",
        n_second,
        "relay",
    );
    let graph_bytes = last.saturating_sub(start_rss);
    println!(
        "graph: {:.1} bytes/report, or {:.1} bytes/relay ({} relays)",
        graph_bytes as f64 / n_reports as f64,
        graph_bytes as f64 / graph.n_relays() as f64,
        graph.n_relays()
    );

    let analysis = graph.analyze();
    step(&mut last, "Graph::analyze (kept)", n_reports, "report");
    let depths = graph.depths();
    step(&mut last, "Graph::depths (kept)", n_reports, "report");
    black_box((&analysis, &depths));
    println!(
        "sizes: Report {} bytes, Relay {} bytes, Source {} bytes",
        std::mem::size_of::<Report>(),
        std::mem::size_of::<according::Relay>(),
        std::mem::size_of::<Source>()
    );
    Ok(())
}
