//! Property tests: depths, primary sources, cycles and chains on random
//! graphs, checked against brute force.

use std::collections::{BTreeSet, HashSet, VecDeque};

use according::{Claim, Depth, Document, Graph, RelayKind, Report, ReportId, Source, SourceId};
use proptest::prelude::*;

/// What a generated report is.
#[derive(Clone, Copy, Debug)]
enum Speaker {
    /// Spoken by one or two sources of a small pool (bit mask over 5).
    Sources(u8),
    /// Unknown speaker.
    Anonymous,
    /// The document's own voice: takes part in no relay.
    OwnVoice,
}

fn speaker() -> impl Strategy<Value = Speaker> {
    prop_oneof![
        6 => (1u8..32).prop_map(Speaker::Sources),
        1 => Just(Speaker::Anonymous),
        1 => Just(Speaker::OwnVoice),
    ]
}

/// A random graph spec: speakers and relay pairs. With `acyclic`, every
/// relay goes from a larger index to a smaller one.
fn spec(acyclic: bool) -> impl Strategy<Value = (Vec<Speaker>, Vec<(usize, usize)>)> {
    (1usize..120).prop_flat_map(move |n| {
        let edges = prop::collection::vec((0..n, 0..n), 0..3 * n).prop_map(move |pairs| {
            pairs
                .into_iter()
                .filter(|(a, b)| a != b)
                .map(|(a, b)| {
                    if acyclic {
                        (a.max(b), a.min(b))
                    } else {
                        (a, b)
                    }
                })
                .collect::<Vec<_>>()
        });
        (prop::collection::vec(speaker(), n), edges)
    })
}

/// The graph, plus its adjacency as plain lists (after the graph's own
/// validation: relays touching an own-voice report are rejected).
struct Built {
    graph: Graph,
    next: Vec<Vec<usize>>,
    own_voice: Vec<bool>,
}

fn build(speakers: &[Speaker], edges: &[(usize, usize)]) -> Built {
    let mut graph = Graph::new();
    let pool: Vec<SourceId> = (0..5)
        .map(|k| graph.add_source(Source::person(format!("s{k}"))).unwrap())
        .collect();
    let claim = graph.add_claim(Claim::new("claim")).unwrap();
    let document = graph.add_document(Document::new()).unwrap();
    let mut own_voice = Vec::new();
    for speaker in speakers {
        let report = match *speaker {
            Speaker::Sources(mask) => {
                let mut report = Report::anonymous(claim);
                for (k, &source) in pool.iter().enumerate() {
                    if mask & (1 << k) != 0 {
                        report = report.with_source(source);
                    }
                }
                report
            }
            Speaker::Anonymous => Report::anonymous(claim),
            Speaker::OwnVoice => Report::unattributed(document, claim),
        };
        own_voice.push(matches!(speaker, Speaker::OwnVoice));
        graph.add_report(report).unwrap();
    }
    let mut next = vec![Vec::new(); speakers.len()];
    for (i, &(a, b)) in edges.iter().enumerate() {
        // Vary the kind, so some parallel relays of different kinds exist.
        let kind = [
            RelayKind::Derivation,
            RelayKind::Quotation,
            RelayKind::PrimarySource,
        ][i % 3];
        let from = ReportId::from_index(a).unwrap();
        let to = ReportId::from_index(b).unwrap();
        if graph.add_relay(from, to, kind).is_ok() && !next[a].contains(&b) {
            next[a].push(b);
        }
    }
    Built {
        graph,
        next,
        own_voice,
    }
}

impl Built {
    fn n(&self) -> usize {
        self.next.len()
    }

    fn id(i: usize) -> ReportId {
        ReportId::from_index(i).unwrap()
    }

    fn is_primary(&self, i: usize) -> bool {
        !self.own_voice[i] && self.next[i].is_empty()
    }

    /// Reports reachable from `start`, itself included (BFS).
    fn reach(&self, start: usize) -> Vec<bool> {
        let mut seen = vec![false; self.n()];
        seen[start] = true;
        let mut queue = VecDeque::from([start]);
        while let Some(v) = queue.pop_front() {
            for &w in &self.next[v] {
                if !seen[w] {
                    seen[w] = true;
                    queue.push_back(w);
                }
            }
        }
        seen
    }

    /// Brute-force depths on the condensation built from mutual
    /// reachability, by relaxation until nothing changes.
    fn brute_depths(&self) -> Vec<Option<Depth>> {
        let n = self.n();
        let reach: Vec<Vec<bool>> = (0..n).map(|v| self.reach(v)).collect();
        let comp: Vec<usize> = (0..n)
            .map(|v| (0..n).find(|&w| reach[v][w] && reach[w][v]).unwrap())
            .collect();
        let size = |c: usize| comp.iter().filter(|&&x| x == c).count();
        let mut longest: Vec<Option<u32>> = vec![None; n];
        let mut shortest: Vec<Option<u32>> = vec![None; n];
        for v in 0..n {
            if self.is_primary(v) && size(comp[v]) == 1 {
                longest[comp[v]] = Some(1);
                shortest[comp[v]] = Some(1);
            }
        }
        for _ in 0..=n {
            for c in 0..n {
                if comp[c] != c || (size(c) == 1 && self.is_primary(c)) {
                    continue;
                }
                let succ: BTreeSet<usize> = (0..n)
                    .filter(|&v| comp[v] == c)
                    .flat_map(|v| self.next[v].iter().map(|&w| comp[w]))
                    .filter(|&d| d != c)
                    .collect();
                let long = succ.iter().filter_map(|&d| longest[d]).max().map(|x| x + 1);
                let short = succ
                    .iter()
                    .filter_map(|&d| shortest[d])
                    .min()
                    .map(|x| x + 1);
                longest[c] = long;
                shortest[c] = short;
            }
        }
        (0..n)
            .map(|v| {
                if self.own_voice[v] {
                    return Some(Depth {
                        shortest: 0,
                        longest: 0,
                    });
                }
                let c = comp[v];
                longest[c]
                    .zip(shortest[c])
                    .map(|(longest, shortest)| Depth { shortest, longest })
            })
            .collect()
    }

    fn brute_primary_sources(&self, v: usize) -> BTreeSet<SourceId> {
        let reach = self.reach(v);
        (0..self.n())
            .filter(|&w| reach[w] && self.is_primary(w))
            .flat_map(|w| self.graph.report(Self::id(w)).unwrap().sources.clone())
            .collect()
    }

    fn brute_cycles(&self) -> BTreeSet<Vec<ReportId>> {
        let n = self.n();
        let reach: Vec<Vec<bool>> = (0..n).map(|v| self.reach(v)).collect();
        (0..n)
            .map(|v| {
                (0..n)
                    .filter(|&w| reach[v][w] && reach[w][v])
                    .map(Self::id)
                    .collect::<Vec<_>>()
            })
            .filter(|group| group.len() > 1)
            .collect()
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn acyclic_depths_follow_the_recurrence((speakers, edges) in spec(true)) {
        let built = build(&speakers, &edges);
        let depths = built.graph.depths();
        for v in 0..built.n() {
            let depth = depths.get(Built::id(v));
            if built.own_voice[v] {
                prop_assert_eq!(depth, Some(Depth { shortest: 0, longest: 0 }));
                continue;
            }
            // In a DAG every attributed report reaches a primary report.
            let depth = depth.unwrap();
            prop_assert!(depth.shortest <= depth.longest);
            if built.next[v].is_empty() {
                prop_assert_eq!(depth, Depth { shortest: 1, longest: 1 });
            } else {
                let below: Vec<Depth> = built.next[v].iter().map(|&w| depths.get(Built::id(w)).unwrap()).collect();
                prop_assert_eq!(depth.longest, 1 + below.iter().map(|d| d.longest).max().unwrap());
                prop_assert_eq!(depth.shortest, 1 + below.iter().map(|d| d.shortest).min().unwrap());
            }
        }
    }

    #[test]
    fn batch_and_per_report_agree_with_brute_force((speakers, edges) in spec(false)) {
        let built = build(&speakers, &edges);
        let depths = built.graph.depths();
        let analysis = built.graph.analyze();
        let brute = built.brute_depths();
        for (v, &expected) in brute.iter().enumerate() {
            let report = Built::id(v);
            let single = built.graph.depth(report).unwrap();
            prop_assert_eq!(single, expected, "depth of {}", report);
            prop_assert_eq!(depths.get(report), single);
            prop_assert_eq!(analysis.depth(report), single);
            if let Some(depth) = single {
                prop_assert!(depth.shortest <= depth.longest);
            }
            let want = built.brute_primary_sources(v);
            prop_assert_eq!(analysis.n_primary_sources(report), want.len());
            let want: Vec<SourceId> = want.into_iter().collect();
            prop_assert_eq!(analysis.primary_sources(report), want.as_slice());
            prop_assert_eq!(built.graph.primary_sources(report).unwrap(), want);
        }
    }

    #[test]
    fn cycles_are_the_mutual_reachability_groups((speakers, edges) in spec(false)) {
        let built = build(&speakers, &edges);
        let cycles = built.graph.cycles();
        let found: BTreeSet<Vec<ReportId>> = cycles.iter().map(|c| c.reports.clone()).collect();
        prop_assert_eq!(found.len(), cycles.len());
        prop_assert_eq!(found, built.brute_cycles());
        prop_assert!(cycles.windows(2).all(|w| w[0].reports[0] < w[1].reports[0]));
        let analysis = built.graph.analyze();
        prop_assert_eq!(analysis.cycles(), cycles.as_slice());
    }

    #[test]
    fn chains_are_simple_paths_to_primaries((speakers, edges) in spec(false), start in 0usize..120) {
        let built = build(&speakers, &edges);
        let start = start % built.n();
        let limit = 200;
        let mut chains = built.graph.chains(Built::id(start), limit).unwrap();
        let mut seen = HashSet::new();
        let mut n_chains = 0;
        for item in chains.by_ref() {
            let Ok(chain) = item else { break };
            n_chains += 1;
            let path: Vec<usize> = chain.reports().iter().map(|r| r.index()).collect();
            prop_assert_eq!(path[0], start);
            prop_assert!(built.is_primary(*path.last().unwrap()));
            for pair in path.windows(2) {
                prop_assert!(built.next[pair[0]].contains(&pair[1]));
            }
            let distinct: HashSet<usize> = path.iter().copied().collect();
            prop_assert_eq!(distinct.len(), path.len(), "not simple");
            prop_assert!(seen.insert(path), "chain yielded twice");
        }
        prop_assert!(n_chains <= limit);
        // Chains exist exactly when the report has a depth above 0.
        let has_depth = built.graph.depth(Built::id(start)).unwrap().is_some_and(|d| d.longest > 0);
        prop_assert_eq!(n_chains > 0 || chains.truncated(), has_depth);
    }

    #[test]
    fn acyclic_chain_count_matches_path_count((speakers, edges) in spec(true)) {
        let built = build(&speakers, &edges);
        // Paths to primaries, counted bottom-up (edges go to smaller indices).
        let mut paths = vec![0u64; built.n()];
        for v in 0..built.n() {
            paths[v] = if built.own_voice[v] {
                0
            } else if built.next[v].is_empty() {
                1
            } else {
                built.next[v].iter().map(|&w| paths[w]).fold(0u64, |a, b| a.saturating_add(b))
            };
        }
        let top = built.n() - 1;
        let limit = 500;
        let chains = built.graph.chains(Built::id(top), limit).unwrap();
        let results: Vec<_> = chains.collect();
        let n_ok = results.iter().filter(|r| r.is_ok()).count() as u64;
        if paths[top] <= limit as u64 {
            prop_assert_eq!(n_ok, paths[top]);
            prop_assert!(results.iter().all(Result::is_ok));
        } else {
            prop_assert_eq!(n_ok, limit as u64);
            prop_assert!(results.last().unwrap().is_err());
        }
    }
}
