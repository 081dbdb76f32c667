//! Synthetic attribution graphs, for tests, benchmarks and experiments.
//!
//! [`news_like`] builds a graph shaped like a news corpus: documents whose
//! publisher relays one to three chains of sources, chains mostly one to four
//! relays long with a long tail, primary briefings shared across documents
//! with a skewed fan-in, and a little circular reporting. [`chain`] and
//! [`fan_in`] build the two extreme shapes. Every generator is
//! deterministic: the same arguments give the same graph, on every platform.
//!
//! ```
//! use according::synth;
//!
//! let graph = synth::news_like(1_000, 7);
//! assert_eq!(graph.n_reports(), 1_000);
//! assert_eq!(graph, synth::news_like(1_000, 7));
//! ```

use time::Date;

use crate::graph::Graph;
use crate::model::{Claim, Document, Mode, RelayKind, Report, ReportId, Source, SourceId};

/// SplitMix64: a tiny, fast, well-mixed generator; enough for synthetic data.
#[derive(Clone, Debug)]
struct Rng(u64);

impl Rng {
    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `[0, 1)`.
    fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// Uniform in `0..n` (`n > 0`).
    fn below(&mut self, n: usize) -> usize {
        (((self.next_u64() >> 32) * n as u64) >> 32) as usize
    }

    fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }
}

/// Zipf-like sampling over ranks `0..n` with weight `1 / (rank + 1)^s`.
struct Zipf {
    cumulative: Vec<f64>,
}

impl Zipf {
    fn new(n: usize, s: f64) -> Zipf {
        let mut total = 0.0;
        let cumulative = (0..n)
            .map(|k| {
                total += 1.0 / ((k + 1) as f64).powf(s);
                total
            })
            .collect();
        Zipf { cumulative }
    }

    fn sample(&self, rng: &mut Rng) -> usize {
        let total = self.cumulative.last().copied().unwrap_or(0.0);
        let x = rng.unit() * total;
        self.cumulative
            .partition_point(|&c| c < x)
            .min(self.cumulative.len() - 1)
    }
}

/// Cap on the relay depth (in hops) of the acyclic part.
const MAX_HOPS: u32 = 30;

/// The abstract shape before it becomes a [`Graph`].
struct Shape {
    /// Speaker of each report: `Ok(source rank)` or `Err(publisher rank)`.
    speaker: Vec<Result<u32, u32>>,
    document: Vec<u32>,
    relays: Vec<Vec<(u32, RelayKind)>>,
    /// Longest relay hops of each report in the acyclic part.
    hops: Vec<u32>,
    /// Primary reports, once per creation and once per reuse: sampling from
    /// it favours often-relayed briefings (preferential attachment).
    briefings: Vec<u32>,
}

impl Shape {
    fn new_report(
        &mut self,
        speaker: Result<u32, u32>,
        document: u32,
        relays: Vec<(u32, RelayKind)>,
    ) -> u32 {
        let id = self.speaker.len() as u32;
        let hops = relays
            .iter()
            .map(|&(to, _)| self.hops[to as usize] + 1)
            .max()
            .unwrap_or(0);
        if relays.is_empty() {
            self.briefings.push(id);
        }
        self.speaker.push(speaker);
        self.document.push(document);
        self.relays.push(relays);
        self.hops.push(hops);
        id
    }

    /// An existing report to end a chain at, with at most `max_hops` hops.
    fn pick_shared(&self, rng: &mut Rng, max_hops: u32) -> Option<u32> {
        for _ in 0..4 {
            let candidate = if rng.chance(0.85) {
                self.briefings[rng.below(self.briefings.len())]
            } else {
                rng.below(self.speaker.len()) as u32
            };
            if self.hops[candidate as usize] <= max_hops {
                return Some(candidate);
            }
        }
        None
    }
}

fn relay_kind(rng: &mut Rng) -> RelayKind {
    if rng.chance(0.45) {
        RelayKind::Quotation
    } else {
        RelayKind::Derivation
    }
}

/// Hops of one chain: 1–4 with weights 40/30/18/12 in 95% of chains, else a
/// long tail `5 + Exp(mean 4)` capped at 30.
fn chain_hops(rng: &mut Rng) -> u32 {
    if rng.chance(0.95) {
        let x = rng.below(100);
        match x {
            0..40 => 1,
            40..70 => 2,
            70..88 => 3,
            _ => 4,
        }
    } else {
        let tail = -4.0 * (1.0 - rng.unit()).ln();
        (5 + tail as u32).min(MAX_HOPS)
    }
}

/// A news-like attribution graph with exactly `n_reports` reports,
/// deterministic in `seed`.
///
/// The shape follows a simple model of news sourcing:
///
/// - Each document has a publisher (a [`Source::publisher`], drawn Zipf(1)
///   from `max(10, n/200)` publishers) whose top report relays one chain
///   (80%), two (15%) or three (5%); 8% of documents are the publisher's
///   original reporting (a primary top report).
/// - A chain has 1–4 hops (weights 40/30/18/12) in 95% of cases, otherwise
///   `5 + Exp(mean 4)` capped at 30. Its reports are spoken by sources drawn
///   Zipf(1.1) from `max(100, n/10)` organisations and people.
/// - 60% of chains end at an existing report: mostly a primary briefing
///   picked by preferential attachment (skewed fan-in), otherwise any
///   report. 5% of intermediate reports also relay a second, shared report,
///   and 10% of publisher reports add a [`RelayKind::PrimarySource`]
///   shortcut to their chain's primary report.
/// - About one relay in a thousand then closes a cycle (circular reporting)
///   between non-primary reports; primary reports stay primary.
/// - Report ids are a random permutation, so id order says nothing about
///   the topology.
///
/// Every report has one speaker, a claim of its own document and the
/// document; documents are dated one per day from 2020-01-01, cycling over
/// ten years. Quotation relays make the report's mode direct.
///
/// # Complexity
///
/// **O(n log n)** (Zipf sampling by binary search); about a second for a
/// million reports in a release build.
pub fn news_like(n_reports: usize, seed: u64) -> Graph {
    let mut rng = Rng(seed ^ 0x5EED_0FA7_7B00_u64);
    let n_sources = (n_reports / 10).max(100);
    let n_publishers = (n_reports / 200).max(10);
    let source_zipf = Zipf::new(n_sources, 1.1);
    let publisher_zipf = Zipf::new(n_publishers, 1.0);
    let mut shape = Shape {
        speaker: Vec::with_capacity(n_reports),
        document: Vec::with_capacity(n_reports),
        relays: Vec::with_capacity(n_reports),
        hops: Vec::with_capacity(n_reports),
        briefings: Vec::new(),
    };

    let mut n_documents = 0u32;
    while shape.speaker.len() < n_reports {
        let document = n_documents;
        n_documents += 1;
        let room = n_reports - shape.speaker.len();
        let publisher = Err(publisher_zipf.sample(&mut rng) as u32);
        if room == 1 || rng.chance(0.08) {
            shape.new_report(publisher, document, Vec::new());
            continue;
        }
        let n_chains = match rng.below(100) {
            0..80 => 1,
            80..95 => 2,
            _ => 3,
        };
        let mut plans: Vec<(u32, Option<u32>)> = (0..n_chains)
            .map(|_| {
                let hops = chain_hops(&mut rng);
                let shared = if !shape.briefings.is_empty() && rng.chance(0.6) {
                    shape.pick_shared(&mut rng, MAX_HOPS - hops)
                } else {
                    None
                };
                (hops, shared)
            })
            .collect();
        let needed: usize = 1 + plans
            .iter()
            .map(|&(hops, shared)| (hops - 1) as usize + usize::from(shared.is_none()))
            .sum::<usize>();
        if needed > room {
            plans = vec![(1, None)];
        }
        let mut top_relays = Vec::new();
        for (hops, shared) in plans {
            // Built bottom-up, so every acyclic relay points to an older report.
            let bottom = match shared {
                Some(report) => {
                    if shape.relays[report as usize].is_empty() {
                        shape.briefings.push(report);
                    }
                    report
                }
                None => shape.new_report(
                    Ok(source_zipf.sample(&mut rng) as u32),
                    document,
                    Vec::new(),
                ),
            };
            let mut previous = bottom;
            for step in 0..hops - 1 {
                let mut relays = vec![(previous, relay_kind(&mut rng))];
                if rng.chance(0.05)
                    && let Some(second) = shape.pick_shared(&mut rng, MAX_HOPS - hops + step)
                    && second != previous
                {
                    relays.push((second, relay_kind(&mut rng)));
                }
                previous =
                    shape.new_report(Ok(source_zipf.sample(&mut rng) as u32), document, relays);
            }
            if !top_relays.iter().any(|&(to, _)| to == previous) {
                top_relays.push((previous, relay_kind(&mut rng)));
            }
            if hops > 1
                && shape.relays[bottom as usize].is_empty()
                && rng.chance(0.1)
                && !top_relays.iter().any(|&(to, _)| to == bottom)
            {
                top_relays.push((bottom, RelayKind::PrimarySource));
            }
        }
        shape.new_report(publisher, document, top_relays);
    }

    add_cycles(&mut shape, &mut rng);
    build(shape, n_sources, n_publishers, n_documents, &mut rng)
}

/// Closes about one relay in a thousand into a cycle: walks `u -> ... -> v`
/// over non-primary reports and adds `v -> u`.
fn add_cycles(shape: &mut Shape, rng: &mut Rng) {
    let n = shape.speaker.len();
    let n_relays: usize = shape.relays.iter().map(Vec::len).sum();
    let wanted = ((n_relays as f64) * 0.001).round().max(1.0) as usize;
    let mut added = 0;
    let mut tries = 0;
    while added < wanted && tries < 1000 * wanted && n > 0 {
        tries += 1;
        let start = rng.below(n);
        if shape.relays[start].is_empty() {
            continue;
        }
        let mut end = start;
        const WALKS: [u32; 8] = [1, 1, 1, 2, 2, 3, 4, 6];
        for _ in 0..WALKS[rng.below(WALKS.len())] {
            let onward: Vec<u32> = shape.relays[end]
                .iter()
                .map(|&(to, _)| to)
                .filter(|&to| !shape.relays[to as usize].is_empty())
                .collect();
            if onward.is_empty() {
                break;
            }
            end = onward[rng.below(onward.len())] as usize;
        }
        if end != start
            && shape.relays[end]
                .iter()
                .all(|&(to, _)| to as usize != start)
        {
            let kind = relay_kind(rng);
            shape.relays[end].push((start as u32, kind));
            added += 1;
        }
    }
}

/// Turns the shape into a graph, with report ids permuted.
fn build(
    shape: Shape,
    n_sources: usize,
    n_publishers: usize,
    n_documents: u32,
    rng: &mut Rng,
) -> Graph {
    let n = shape.speaker.len();
    let mut graph = Graph::new();
    // The generator controls every id it hands to the graph, so these
    // insertions cannot fail; a failure would be a bug in this module.
    let sources: Vec<SourceId> = (0..n_sources)
        .map(|k| {
            let source = if k % 3 == 0 {
                Source::organization(format!("agency {k}"))
            } else {
                Source::person(format!("speaker {k}"))
            };
            graph.add_source(source).expect("synthetic source is valid")
        })
        .collect();
    let publishers: Vec<SourceId> = (0..n_publishers)
        .map(|k| {
            graph
                .add_source(Source::publisher(format!("publisher {k}")))
                .expect("synthetic publisher is valid")
        })
        .collect();
    let first_day = Date::from_calendar_date(2020, time::Month::January, 1).expect("valid date");
    let first_julian = first_day.to_julian_day();
    let mut documents = Vec::with_capacity(n_documents as usize);
    let mut claims = Vec::with_capacity(n_documents as usize);
    for d in 0..n_documents {
        let date = Date::from_julian_day(first_julian + (d % 3650) as i32).expect("valid date");
        // The publisher of the document is the speaker of its top report; it
        // is filled in below, so documents start without one.
        documents.push(
            graph
                .add_document(Document::new().with_date(date))
                .expect("valid document"),
        );
        claims.push(
            graph
                .add_claim(Claim::new(format!("claim {d}")))
                .expect("valid claim"),
        );
    }

    // A random permutation of report ids (Fisher–Yates).
    let mut order: Vec<u32> = (0..n as u32).collect();
    for i in (1..n).rev() {
        let j = rng.below(i + 1);
        order.swap(i, j);
    }
    // `order[new] = old`; `new_id[old] = new`.
    let mut new_id = vec![0u32; n];
    for (new, &old) in order.iter().enumerate() {
        new_id[old as usize] = new as u32;
    }
    for &old in &order {
        let old = old as usize;
        let speaker = match shape.speaker[old] {
            Ok(rank) => sources[rank as usize],
            Err(rank) => publishers[rank as usize],
        };
        let document = shape.document[old] as usize;
        let mut report = Report::by(speaker, claims[document]).in_document(documents[document]);
        if let Some(&(_, kind)) = shape.relays[old].first() {
            report = report.with_mode(if kind == RelayKind::Quotation {
                Mode::Direct
            } else {
                Mode::Indirect
            });
        }
        graph.add_report(report).expect("synthetic report is valid");
    }
    for (old, relays) in shape.relays.iter().enumerate() {
        for &(to, kind) in relays {
            graph
                .add_relay(
                    ReportId::new(new_id[old]),
                    ReportId::new(new_id[to as usize]),
                    kind,
                )
                .expect("synthetic relay is valid");
        }
    }
    graph
}

/// A single chain of `n_reports` reports: report `i + 1` relays report `i`,
/// so report 0 is the primary report and the last one has depth `n_reports`.
/// Every report is spoken by its own source.
///
/// # Complexity
///
/// **O(n)**.
pub fn chain(n_reports: usize) -> Graph {
    let mut graph = Graph::new();
    let claim = graph
        .add_claim(Claim::new("relayed claim"))
        .expect("valid claim");
    let speaker = graph
        .add_source(Source::organization("origin"))
        .expect("valid source");
    let mut previous: Option<ReportId> = None;
    for _ in 0..n_reports {
        let mut report = Report::by(speaker, claim);
        if let Some(previous) = previous {
            report = report.relaying(previous);
        }
        previous = Some(graph.add_report(report).expect("valid report"));
    }
    graph
}

/// A fan-in: one primary report (report 0) relayed by `n_relayers`
/// reports (reports `1..=n_relayers`), each by its own source.
///
/// # Complexity
///
/// **O(n)**.
pub fn fan_in(n_relayers: usize) -> Graph {
    let mut graph = Graph::new();
    let claim = graph
        .add_claim(Claim::new("widely relayed claim"))
        .expect("valid claim");
    let origin = graph
        .add_source(Source::organization("origin"))
        .expect("valid source");
    let primary = graph
        .add_report(Report::by(origin, claim))
        .expect("valid report");
    for k in 0..n_relayers {
        let relayer = graph
            .add_source(Source::person(format!("relayer {k}")))
            .expect("valid source");
        graph
            .add_report(Report::by(relayer, claim).relaying(primary))
            .expect("valid report");
    }
    graph
}
