//! The bare-loop baseline: batch depths and primary-source counts over a DAG
//! given as flat compressed-sparse-row arrays in reverse topological order.
//!
//! This is the least work the batch queries can do: one forward pass where
//! every successor of a node has already been computed, with no strongly
//! connected components to find, no renumbering and no graph model to read.
//! Comparing [`run`] with `Graph::analyze` shows how far the library is from
//! that limit.

use according::{Graph, ReportId};

/// Marks a node from which no primary report is reachable (never produced on
/// a DAG whose sinks are all primary, kept for parity with the library).
const NO_DEPTH: u32 = u32::MAX;

/// A DAG in reverse topological order: every edge goes from a larger node to
/// a smaller one, so node 0 is a sink.
pub struct FlatDag {
    /// Node `v`'s successors are `targets[offsets[v]..offsets[v + 1]]`.
    pub offsets: Vec<u32>,
    /// The successors of every node, node after node.
    pub targets: Vec<u32>,
    /// Speakers of sink `v`: `speakers[speaker_offsets[v]..speaker_offsets[v + 1]]`.
    pub speaker_offsets: Vec<u32>,
    /// The speakers of every sink, sink after sink.
    pub speakers: Vec<u32>,
}

impl FlatDag {
    /// The condensation of `graph`'s relay graph, numbered as
    /// `Graph::analyze` numbers its components (reverse topological order).
    /// Built with the public API; not timed.
    pub fn of(graph: &Graph) -> FlatDag {
        let analysis = graph.analyze();
        let relays = graph.relay_graph();
        let n = analysis.n_components();
        let mut offsets = Vec::with_capacity(n + 1);
        let mut targets = Vec::new();
        let mut speaker_offsets = Vec::with_capacity(n + 1);
        let mut speakers = Vec::new();
        offsets.push(0u32);
        speaker_offsets.push(0u32);
        for c in 0..n {
            let start = targets.len();
            for member in analysis.component_members(c) {
                for next in relays.relayed(member) {
                    let d = analysis.component_of(next).unwrap_or(c) as u32;
                    if d as usize != c && !targets[start..].contains(&d) {
                        targets.push(d);
                    }
                }
            }
            if targets.len() == start {
                let members: Vec<ReportId> = analysis.component_members(c).collect();
                if let [only] = members[..] {
                    let report = graph.report(only).expect("member of the graph");
                    speakers.extend(report.sources.iter().map(|s| s.index() as u32));
                }
            }
            offsets.push(targets.len() as u32);
            speaker_offsets.push(speakers.len() as u32);
        }
        FlatDag {
            offsets,
            targets,
            speaker_offsets,
            speakers,
        }
    }

    /// Number of nodes.
    pub fn n_nodes(&self) -> usize {
        self.offsets.len() - 1
    }
}

/// What [`run`] computes per node.
pub struct Baseline {
    /// The longest depth of each node (1 for a sink).
    pub longest: Vec<u32>,
    /// The shortest depth of each node (1 for a sink).
    pub shortest: Vec<u32>,
    /// The number of distinct primary speakers of each node.
    pub n_primary: Vec<u32>,
}

/// Longest and shortest depth and the number of distinct primary speakers of
/// every node, in one pass over the nodes in order.
///
/// Sets of speakers are sorted runs in one pool; a node whose successors all
/// share one run shares it too (the common case of a single chain), otherwise
/// the runs are concatenated, sorted and deduplicated.
pub fn run(dag: &FlatDag) -> Baseline {
    let n = dag.n_nodes();
    let mut longest = vec![NO_DEPTH; n];
    let mut shortest = vec![NO_DEPTH; n];
    let mut set_start = vec![0u32; n];
    let mut set_len = vec![0u32; n];
    let mut pool: Vec<u32> = Vec::new();
    let mut merged: Vec<u32> = Vec::new();
    for v in 0..n {
        let row = &dag.targets[dag.offsets[v] as usize..dag.offsets[v + 1] as usize];
        if row.is_empty() {
            longest[v] = 1;
            shortest[v] = 1;
            let own =
                &dag.speakers[dag.speaker_offsets[v] as usize..dag.speaker_offsets[v + 1] as usize];
            set_start[v] = pool.len() as u32;
            pool.extend_from_slice(own);
            set_len[v] = own.len() as u32;
            continue;
        }
        let mut best_longest = 0;
        let mut best_shortest = NO_DEPTH;
        let first = row[0] as usize;
        let mut shared = true;
        for &w in row {
            let w = w as usize;
            if longest[w] != NO_DEPTH {
                best_longest = best_longest.max(longest[w]);
                best_shortest = best_shortest.min(shortest[w]);
            }
            shared &= set_start[w] == set_start[first] && set_len[w] == set_len[first];
        }
        if best_shortest != NO_DEPTH {
            longest[v] = best_longest + 1;
            shortest[v] = best_shortest + 1;
        }
        if shared {
            set_start[v] = set_start[first];
            set_len[v] = set_len[first];
        } else {
            merged.clear();
            for &w in row {
                let w = w as usize;
                let start = set_start[w] as usize;
                merged.extend_from_slice(&pool[start..start + set_len[w] as usize]);
            }
            merged.sort_unstable();
            merged.dedup();
            set_start[v] = pool.len() as u32;
            set_len[v] = merged.len() as u32;
            pool.extend_from_slice(&merged);
        }
    }
    Baseline {
        longest,
        shortest,
        n_primary: set_len,
    }
}
