//! The whole-graph pass behind [`Graph::analyze`](crate::Graph::analyze),
//! [`Graph::depths`](crate::Graph::depths) and
//! [`Graph::cycles`](crate::Graph::cycles).
//!
//! Most of a news relay graph is acyclic: circular reporting touches a few
//! reports in a thousand. So the pass first *peels* the graph from its sinks,
//! as in Kahn's topological sort: a report is final once every report it
//! relays is final. What peeling cannot finish is exactly the set of reports
//! that reach a cycle; only that residue is condensed with Tarjan's
//! algorithm and finished in its reverse topological order.
//!
//! Peeling goes level by level, and every level is processed in increasing
//! report order. Report ids say nothing about the topology (a file lists
//! reports in any order), so following relays one at a time would touch
//! the per-report records at random, one cache and TLB miss per relay once
//! the graph outgrows the caches. Instead, the reports final at one level
//! write what they pass on (depths and primary-source set) into a list of
//! updates, one per relay; the list is sorted by the report it goes to (a
//! radix sort: sequential passes), and applied in that order. So every
//! sweep over the per-report records goes forward through memory, and the
//! reports that become final are found in increasing order, which is the
//! next level's order. The reverse relays (who relays each report) are
//! built the same way: one forward scan of the reports, one radix sort.
//!
//! Components are numbered in the order they become final, which is a
//! reverse topological order of the condensation: peeled reports first (one
//! component each, level by level), then the residue's components in
//! Tarjan's order.

use crate::model::{Report, SourceId, Voice};

use super::relay::Csr;
use super::scc::Components;

/// Marks a report without depth: no primary report is reachable from it.
pub(crate) const NO_DEPTH: u32 = u32::MAX;

/// Marks, while computing, a report whose primary-source set is merged from
/// its successors' sets when it becomes final, instead of growing with each
/// push. A set never has `u32::MAX` members, since source ids stop below
/// `u32::MAX`.
const MIXED: u32 = u32::MAX;

/// Reports relaying at most this many reports grow their primary-source set
/// by one union per push, which costs no extra memory access when the report
/// becomes final. Each union that adds something leaves the previous one
/// unused in the pool, so reports relaying more reports merge all their
/// successors' sets at once instead ([`MIXED`]), which bounds the waste to
/// this many times the final set.
const PUSH_UNION_LIMIT: usize = 16;

/// What the pass knows about one report. Kept in one record so that a push
/// touches one cache line.
#[derive(Clone, Copy, Debug)]
pub(crate) struct NodeValues {
    /// Depth over the longest chain, [`NO_DEPTH`] when there is none.
    pub(crate) longest: u32,
    /// Depth over the shortest chain, [`NO_DEPTH`] when there is none.
    pub(crate) shortest: u32,
    /// Number of distinct primary sources: `pool[set_start..][..set_len]`.
    pub(crate) set_len: u32,
    /// While computing, the number of relayed reports not final yet; then
    /// the report's component.
    pub(crate) component: u32,
    /// Start of the primary-source set in the pool.
    pub(crate) set_start: usize,
}

/// The result of the pass: values per report, components as member lists,
/// and the pool of primary-source sets.
#[derive(Clone, Debug)]
pub(crate) struct Layered {
    pub(crate) values: Vec<NodeValues>,
    /// Reports grouped by component, in component order.
    pub(crate) members: Vec<u32>,
    /// Components `0..n_single` have one member each: `members[c]`.
    pub(crate) n_single: usize,
    /// Component `n_single + i` is
    /// `members[n_single + tail_offsets[i]..n_single + tail_offsets[i + 1]]`
    /// (members in increasing order). Starts with 0.
    pub(crate) tail_offsets: Vec<u32>,
    /// Sorted, distinct primary-source sets, shared between reports.
    pub(crate) pool: Vec<SourceId>,
}

impl Layered {
    /// Number of components.
    #[inline]
    pub(crate) fn n_components(&self) -> usize {
        self.n_single + self.tail_offsets.len() - 1
    }

    /// The members of component `c`, or an empty slice out of range.
    pub(crate) fn members(&self, c: usize) -> &[u32] {
        if c < self.n_single {
            return &self.members[c..c + 1];
        }
        let i = c - self.n_single;
        match (self.tail_offsets.get(i), self.tail_offsets.get(i + 1)) {
            (Some(&start), Some(&end)) => {
                &self.members[self.n_single + start as usize..self.n_single + end as usize]
            }
            _ => &[],
        }
    }

    /// The components with more than one member (they are all in the
    /// residue), as member slices in component order.
    pub(crate) fn cyclic_components(&self) -> impl Iterator<Item = &[u32]> + '_ {
        self.tail_offsets
            .windows(2)
            .filter(|w| w[1] - w[0] > 1)
            .map(|w| &self.members[self.n_single + w[0] as usize..self.n_single + w[1] as usize])
    }

    /// The primary sources stored for `values`.
    #[inline]
    pub(crate) fn set(&self, values: &NodeValues) -> &[SourceId] {
        &self.pool[values.set_start..values.set_start + values.set_len as usize]
    }
}

/// Scratch space for merging primary-source sets.
#[derive(Default)]
struct SetMerger {
    ranges: Vec<(usize, u32)>,
    merged: Vec<SourceId>,
}

impl SetMerger {
    /// The union of two different sets of `pool`, as a range of `pool`: one
    /// of the two when it contains the other, else a new range.
    fn union(
        &mut self,
        pool: &mut Vec<SourceId>,
        (a_start, a_len): (usize, u32),
        (b_start, b_len): (usize, u32),
    ) -> (usize, u32) {
        let a = &pool[a_start..a_start + a_len as usize];
        let b = &pool[b_start..b_start + b_len as usize];
        self.merged.clear();
        let (mut i, mut j) = (0, 0);
        while i < a.len() && j < b.len() {
            let next = a[i].min(b[j]);
            i += usize::from(a[i] == next);
            j += usize::from(b[j] == next);
            self.merged.push(next);
        }
        self.merged.extend_from_slice(&a[i..]);
        self.merged.extend_from_slice(&b[j..]);
        // The union contains both sets, so equal sizes mean equal sets.
        if self.merged.len() == a.len() {
            (a_start, a_len)
        } else if self.merged.len() == b.len() {
            (b_start, b_len)
        } else {
            let start = pool.len();
            pool.extend_from_slice(&self.merged);
            (start, self.merged.len() as u32)
        }
    }

    /// The union of the sets in `self.ranges`, as a range of `pool`: shared
    /// when all ranges are the same, else appended to the pool.
    fn finish(&mut self, pool: &mut Vec<SourceId>) -> (usize, u32) {
        self.ranges.sort_unstable();
        self.ranges.dedup();
        match self.ranges[..] {
            [] => (0, 0),
            [only] => only,
            _ => {
                self.merged.clear();
                for &(start, len) in &self.ranges {
                    self.merged
                        .extend_from_slice(&pool[start..start + len as usize]);
                }
                self.merged.sort_unstable();
                self.merged.dedup();
                let start = pool.len();
                pool.extend_from_slice(&self.merged);
                // At most the number of sources, which is below u32::MAX.
                (start, self.merged.len() as u32)
            }
        }
    }
}

/// Inputs shorter than this are sorted by comparison rather than by radix:
/// each radix pass clears and sums a table of `2^RADIX_BITS` counters.
const RADIX_MIN: usize = 1 << RADIX_BITS;

/// Bits of the key sorted per radix pass: 2^11 counters and as many output
/// streams stay within the first-level caches' reach.
const RADIX_BITS: u32 = 11;

/// Sorts `items` by `key`, a report index below `n_nodes`, keeping the
/// order of equal keys. A least-significant-digit radix sort: at most three
/// sequential passes for 32-bit keys, each skipped when every item has the
/// same digit.
///
/// **O(len · ⌈log₂ n_nodes / 11⌉)** time, **O(len)** scratch space.
fn sort_by_report<T: Copy>(
    items: &mut Vec<T>,
    scratch: &mut Vec<T>,
    counts: &mut Vec<usize>,
    n_nodes: usize,
    key: impl Fn(&T) -> u32,
) {
    let Some(&first) = items.first() else {
        return;
    };
    if items.len() < RADIX_MIN {
        items.sort_by_key(|item| key(item));
        return;
    }
    let key_bits = usize::BITS - n_nodes.leading_zeros();
    let passes = key_bits.div_ceil(RADIX_BITS).max(1);
    let digit_bits = key_bits.div_ceil(passes);
    let mask = (1u32 << digit_bits) - 1;
    scratch.clear();
    scratch.resize(items.len(), first);
    for pass in 0..passes {
        let shift = pass * digit_bits;
        counts.clear();
        counts.resize(1 << digit_bits, 0);
        for item in items.iter() {
            counts[((key(item) >> shift) & mask) as usize] += 1;
        }
        if counts.contains(&items.len()) {
            continue;
        }
        let mut next = 0;
        for count in counts.iter_mut() {
            let here = *count;
            *count = next;
            next += here;
        }
        for item in items.iter() {
            let slot = &mut counts[((key(item) >> shift) & mask) as usize];
            scratch[*slot] = *item;
            *slot += 1;
        }
        std::mem::swap(items, scratch);
    }
}

/// Rows with at most this many relays are deduplicated by a linear scan;
/// longer rows use a marker array.
const SCAN_DEDUP_LIMIT: usize = 16;

/// What a final report passes on to a report relaying it.
#[derive(Clone, Copy, Debug)]
struct Update {
    /// The report relaying the final one.
    relayer: u32,
    longest: u32,
    shortest: u32,
    set_len: u32,
    set_start: usize,
}

/// The distinct reports `report` relays, other than itself, once each, in
/// the order given. `marker` is scratch space for long rows: empty, or
/// holding `u32::MAX` or earlier rows' ids.
fn for_each_relayed(
    node: u32,
    report: &Report,
    marker: &mut Vec<u32>,
    n_nodes: usize,
    mut visit: impl FnMut(u32),
) {
    let relays = &report.relays;
    if relays.len() <= SCAN_DEDUP_LIMIT {
        for (i, relay) in relays.iter().enumerate() {
            let to = relay.to.raw();
            if to != node && !relays[..i].iter().any(|earlier| earlier.to.raw() == to) {
                visit(to);
            }
        }
    } else {
        if marker.is_empty() {
            marker.resize(n_nodes, u32::MAX);
        }
        for relay in relays {
            let to = relay.to.raw();
            // `to` is a valid report index: the graph validates relay targets.
            if to != node && marker[to as usize] != node {
                marker[to as usize] = node;
                visit(to);
            }
        }
    }
}

/// Runs the pass over the relays of `reports`. With `with_sources`,
/// primary-source sets are computed too.
///
/// **O((V + E) · k + E · r)** time for `k` the size of the largest set
/// merged (O(V + E) without sets) and `r ≤ 3` the radix passes (levels
/// shorter than 2^11 updates are sorted by comparison instead, at most 11
/// comparisons per update); **O(V + E)** memory plus the distinct sets.
pub(crate) fn compute(reports: &[Report], with_sources: bool) -> Layered {
    let n_nodes = reports.len();
    let mut work: Vec<NodeValues> = vec![
        NodeValues {
            longest: 0,
            shortest: NO_DEPTH,
            set_len: 0,
            component: 0,
            set_start: 0,
        };
        n_nodes
    ];
    // One forward scan: count what each report relays, and list every relay
    // as (relayed, relayer).
    // One forward scan: count what each report relays, list every relay as
    // (relayed, relayer), and settle the first level: primary reports and
    // own-voice statements, in increasing order.
    let mut reverse: Vec<(u32, u32)> = Vec::new();
    let mut marker: Vec<u32> = Vec::new();
    let mut pool: Vec<SourceId> = Vec::new();
    // Final reports in the order they became final: the members of
    // components 0..order.len().
    let mut order: Vec<u32> = Vec::with_capacity(n_nodes);
    for (node, report) in reports.iter().enumerate() {
        // Report ids fit in u32: the graph issues at most u32::MAX ids.
        let node = node as u32;
        let mut n_relayed = 0u32;
        for_each_relayed(node, report, &mut marker, n_nodes, |to| {
            n_relayed += 1;
            reverse.push((to, node));
        });
        let state = &mut work[node as usize];
        if n_relayed != 0 {
            state.component = n_relayed;
            if with_sources && n_relayed as usize > PUSH_UNION_LIMIT {
                state.set_len = MIXED;
            }
            continue;
        }
        state.component = order.len() as u32;
        order.push(node);
        if report.voice == Voice::Document {
            // Own-voice statement: depth 0, no sources.
            state.longest = 0;
            state.shortest = 0;
            continue;
        }
        // Primary report: depth 1, its own speakers.
        state.longest = 1;
        state.shortest = 1;
        if with_sources && !report.sources.is_empty() {
            let start = pool.len();
            pool.extend_from_slice(&report.sources);
            pool[start..].sort_unstable();
            state.set_start = start;
            // A report lists each source once (the graph dedups them).
            state.set_len = report.sources.len() as u32;
        }
    }
    drop(marker);
    // Group the relayers by relayed report: `reverse[relayers_at[v]..
    // relayers_at[v + 1]]` holds the reports relaying `v`.
    let mut counts: Vec<usize> = Vec::new();
    let mut scratch: Vec<(u32, u32)> = Vec::new();
    sort_by_report(
        &mut reverse,
        &mut scratch,
        &mut counts,
        n_nodes,
        |&(to, _)| to,
    );
    drop(scratch);
    let mut relayers_at: Vec<usize> = vec![0; n_nodes + 1];
    for &(to, _) in &reverse {
        relayers_at[to as usize + 1] += 1;
    }
    for v in 0..n_nodes {
        relayers_at[v + 1] += relayers_at[v];
    }
    let mut merger = SetMerger::default();

    // Each level passes its values on to the reports relaying it; those
    // relaying nothing else not final become the next level.
    let mut updates: Vec<Update> = Vec::new();
    let mut scratch: Vec<Update> = Vec::new();
    let mut level_start = 0;
    while level_start < order.len() {
        let level_end = order.len();
        updates.clear();
        for &done_node in &order[level_start..level_end] {
            let done = work[done_node as usize];
            let done_node = done_node as usize;
            for &(_, relayer) in &reverse[relayers_at[done_node]..relayers_at[done_node + 1]] {
                updates.push(Update {
                    relayer,
                    longest: done.longest,
                    shortest: done.shortest,
                    set_len: done.set_len,
                    set_start: done.set_start,
                });
            }
        }
        level_start = level_end;
        sort_by_report(&mut updates, &mut scratch, &mut counts, n_nodes, |update| {
            update.relayer
        });
        let mut rest = &updates[..];
        while let Some(first) = rest.first() {
            let relayer = first.relayer as usize;
            let n_updates = rest
                .iter()
                .position(|update| update.relayer != first.relayer)
                .unwrap_or(rest.len());
            let (group, after) = rest.split_at(n_updates);
            rest = after;
            let state = &mut work[relayer];
            for done in group {
                // Every peeled report has a depth: all its chains end at a
                // sink.
                state.longest = state.longest.max(done.longest);
                state.shortest = state.shortest.min(done.shortest);
                if with_sources && done.set_len != 0 && state.set_len != MIXED {
                    if state.set_len == 0 {
                        state.set_start = done.set_start;
                        state.set_len = done.set_len;
                    } else if state.set_start != done.set_start || state.set_len != done.set_len {
                        let (start, len) = merger.union(
                            &mut pool,
                            (state.set_start, state.set_len),
                            (done.set_start, done.set_len),
                        );
                        state.set_start = start;
                        state.set_len = len;
                    }
                }
            }
            // One update per distinct relayed report: at most the count left.
            state.component -= n_updates as u32;
            if state.component != 0 {
                continue;
            }
            state.longest = state.longest.saturating_add(1);
            state.shortest = state.shortest.saturating_add(1);
            state.component = order.len() as u32;
            order.push(relayer as u32);
            if state.set_len == MIXED {
                merger.ranges.clear();
                for relay in &reports[relayer].relays {
                    let next = &work[relay.to.index()];
                    // A report never relays itself (the graph refuses it),
                    // and its own record is not final yet.
                    if relay.to.index() != relayer && next.set_len != 0 {
                        merger.ranges.push((next.set_start, next.set_len));
                    }
                }
                let (start, len) = merger.finish(&mut pool);
                let state = &mut work[relayer];
                state.set_start = start;
                state.set_len = len;
            }
        }
    }
    drop((updates, scratch, counts, reverse, relayers_at));

    let n_single = order.len();
    if n_single < n_nodes {
        finish_residue(
            reports,
            work,
            &mut order,
            &mut pool,
            &mut merger,
            with_sources,
        )
    } else {
        Layered {
            values: work,
            members: order,
            n_single,
            tail_offsets: vec![0],
            pool,
        }
    }
}

/// Finishes the reports that peeling left: those that reach a cycle.
/// Condenses them with Tarjan's algorithm and computes each component from
/// its final successors, in reverse topological order.
fn finish_residue(
    reports: &[Report],
    mut work: Vec<NodeValues>,
    order: &mut Vec<u32>,
    pool: &mut Vec<SourceId>,
    merger: &mut SetMerger,
    with_sources: bool,
) -> Layered {
    let n_nodes = reports.len();
    let n_single = order.len();
    let mut peeled = vec![false; n_nodes];
    for &node in order.iter() {
        peeled[node as usize] = true;
    }
    let residue: Vec<u32> = (0..n_nodes as u32)
        .filter(|&node| !peeled[node as usize])
        .collect();
    drop(peeled);
    // The residue as a graph of its own; `residue` is sorted, so a node's
    // local id is its position, found by binary search. Parallel edges are
    // harmless to Tarjan's algorithm.
    let local_of = |node: u32| residue.binary_search(&node).ok();
    let mut offsets = Vec::with_capacity(residue.len() + 1);
    let mut targets = Vec::new();
    offsets.push(0);
    for &node in &residue {
        for relay in &reports[node as usize].relays {
            if let Some(local) = local_of(relay.to.raw())
                && relay.to.raw() != node
            {
                targets.push(local as u32);
            }
        }
        offsets.push(targets.len());
    }
    let components = Components::of(&Csr { offsets, targets });

    for (local, &node) in residue.iter().enumerate() {
        // Component ids fit in u32: there are fewer components than reports.
        work[node as usize].component = (n_single + components.component_of[local] as usize) as u32;
    }
    let mut tail_offsets = vec![0u32];
    for c in 0..components.n_components() {
        let this = (n_single + c) as u32;
        let mut best_longest = 0u32;
        let mut best_shortest = NO_DEPTH;
        merger.ranges.clear();
        for &local in components.members(c) {
            let node = residue[local as usize] as usize;
            for relay in &reports[node].relays {
                let next = &work[relay.to.index()];
                // Successors outside the component are final: peeled, or in
                // an earlier component of the residue.
                if next.component == this {
                    continue;
                }
                if next.longest != NO_DEPTH {
                    best_longest = best_longest.max(next.longest);
                    best_shortest = best_shortest.min(next.shortest);
                }
                if with_sources && next.set_len != 0 {
                    merger.ranges.push((next.set_start, next.set_len));
                }
            }
        }
        let (longest, shortest) = if best_shortest == NO_DEPTH {
            (NO_DEPTH, NO_DEPTH)
        } else {
            (
                best_longest.saturating_add(1),
                best_shortest.saturating_add(1),
            )
        };
        let (set_start, set_len) = merger.finish(pool);
        for &local in components.members(c) {
            let node = residue[local as usize];
            let state = &mut work[node as usize];
            state.longest = longest;
            state.shortest = shortest;
            state.set_start = set_start;
            state.set_len = set_len;
            order.push(node);
        }
        // Offsets are below the number of reports, which fits in u32.
        tail_offsets.push((order.len() - n_single) as u32);
    }
    Layered {
        values: work,
        members: std::mem::take(order),
        n_single,
        tail_offsets,
        pool: std::mem::take(pool),
    }
}

#[cfg(test)]
mod tests {
    use crate::model::{Claim, RelayKind, Report, ReportId, Source, SourceId};
    use crate::{Graph, synth};

    /// Every batch answer equals the per-report query, which walks the graph
    /// on its own.
    fn assert_batch_matches_per_report(graph: &Graph) {
        let analysis = graph.analyze();
        let depths = graph.depths();
        for report in graph.report_ids() {
            let depth = graph.depth(report).unwrap();
            assert_eq!(analysis.depth(report), depth, "depth of {report}");
            assert_eq!(depths.get(report), depth, "depths of {report}");
            let sources = if depth.is_some() {
                graph.primary_sources(report).unwrap()
            } else {
                Vec::new()
            };
            assert_eq!(
                analysis.primary_sources(report),
                sources,
                "sources of {report}"
            );
        }
    }

    /// The radix sort orders by key and keeps equal keys in input order,
    /// on inputs long enough for it (and on short ones, sorted by
    /// comparison), for key ranges needing one, two and three passes.
    #[test]
    fn sort_by_report_is_a_stable_sort() {
        let mut state = 0x9e37_79b9_7f4a_7c15u64;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        for (len, n_nodes) in [
            (10, 5),
            (5_000, 1_000),
            (9_000, 3_000_000),
            (9_000, 1 << 31),
        ] {
            let mut items: Vec<(u32, u32)> = (0..len)
                .map(|i| ((next() % n_nodes as u64) as u32, i))
                .collect();
            let mut expected = items.clone();
            expected.sort_by_key(|&(key, _)| key);
            let (mut scratch, mut counts) = (Vec::new(), Vec::new());
            super::sort_by_report(
                &mut items,
                &mut scratch,
                &mut counts,
                n_nodes,
                |&(key, _)| key,
            );
            assert_eq!(items, expected, "{len} items below {n_nodes}");
        }
    }

    /// A graph whose levels hold more updates than [`super::RADIX_MIN`], so
    /// that they are radix sorted.
    #[test]
    fn large_levels_match_per_report_queries() {
        let graph = synth::news_like(20_000, 7);
        assert!(graph.n_relays() > 2 * super::RADIX_MIN);
        assert_batch_matches_per_report(&graph);
    }

    #[test]
    fn news_like_graphs_match_per_report_queries() {
        for seed in 0..4 {
            assert_batch_matches_per_report(&synth::news_like(3_000, seed));
        }
    }

    /// A report relaying more reports than the push-union limit, with
    /// different, overlapping and repeated speaker sets, behind a cycle and
    /// in front of one.
    #[test]
    fn wide_reports_merge_their_sets() {
        let mut graph = Graph::new();
        let claim = graph.add_claim(Claim::new("claim")).unwrap();
        let speakers: Vec<SourceId> = (0..30)
            .map(|k| graph.add_source(Source::person(format!("s{k}"))).unwrap())
            .collect();
        let primaries: Vec<ReportId> = (0..40)
            .map(|k| {
                graph
                    .add_report(Report::by(speakers[k % 25], claim))
                    .unwrap()
            })
            .collect();
        // Middle reports whose sets overlap: {k, k+1}.
        let middles: Vec<ReportId> = (0..20)
            .map(|k| {
                let report = Report::by(speakers[29], claim)
                    .relaying(primaries[k])
                    .relaying(primaries[k + 1]);
                graph.add_report(report).unwrap()
            })
            .collect();
        let mut wide = Report::by(speakers[28], claim);
        for &middle in &middles {
            wide = wide
                .relaying(middle)
                .relaying_as(middle, RelayKind::Quotation);
        }
        for &primary in &primaries[..25] {
            wide = wide.relaying(primary);
        }
        let wide = graph.add_report(wide).unwrap();
        // A cycle through the wide report, and a report relaying the cycle.
        let echo = graph
            .add_report(Report::by(speakers[27], claim).relaying(wide))
            .unwrap();
        graph.add_relay(wide, echo, RelayKind::Derivation).unwrap();
        let outer = graph
            .add_report(Report::by(speakers[26], claim).relaying(echo))
            .unwrap();
        // A narrow report whose sets nest: {0, 1} then {0} then {1, 2}.
        let narrow = Report::by(speakers[28], claim)
            .relaying(middles[0])
            .relaying(primaries[0])
            .relaying(middles[1]);
        let narrow = graph.add_report(narrow).unwrap();

        assert_batch_matches_per_report(&graph);
        let analysis = graph.analyze();
        assert_eq!(analysis.n_primary_sources(wide), 25);
        assert_eq!(analysis.n_primary_sources(outer), 25);
        assert_eq!(analysis.primary_sources(narrow), &speakers[..3]);
        assert_eq!(analysis.cycles().len(), 1);
        assert_eq!(analysis.cycles()[0].reports, [wide, echo]);
        assert_eq!(analysis.component_of(wide), analysis.component_of(echo));
    }
}
