//! The relay graph as flat arrays: the structure every query walks.
//!
//! [`Graph`] stores relays inside each [`Report`], with their kinds. The
//! queries only need "which reports does this one relay", so they work on a
//! compressed sparse row (CSR) copy of the edges: one offset per report and
//! one `u32` target per distinct relay. Parallel relays of different kinds
//! between the same two reports collapse to one edge.

use std::collections::HashMap;

use petgraph::visit::{
    GraphBase, GraphProp, IntoNeighbors, IntoNeighborsDirected, IntoNodeIdentifiers, NodeCount,
    NodeIndexable, VisitMap, Visitable,
};
use petgraph::{Directed, Direction};

use crate::graph::Graph;
use crate::model::{Report, ReportId};

/// Adjacency lists in compressed sparse row form: the neighbours of node `v`
/// are `targets[offsets[v]..offsets[v + 1]]`.
///
/// Offsets are `usize` so that no number of edges can overflow them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Csr {
    pub(crate) offsets: Vec<usize>,
    pub(crate) targets: Vec<u32>,
}

/// Rows with at most this many relays are deduplicated by a linear scan;
/// longer rows use a marker array, so one report with a huge number of relays
/// does not cost quadratic time.
const SCAN_DEDUP_LIMIT: usize = 16;

impl Csr {
    /// The empty graph on `n_nodes` nodes.
    fn empty(n_nodes: usize) -> Csr {
        Csr {
            offsets: vec![0; n_nodes + 1],
            targets: Vec::new(),
        }
    }

    /// Number of nodes.
    #[inline]
    pub(crate) fn n_nodes(&self) -> usize {
        self.offsets.len() - 1
    }

    /// Number of edges.
    #[inline]
    pub(crate) fn n_edges(&self) -> usize {
        self.targets.len()
    }

    /// The neighbours of node `v`. Callers pass `v < n_nodes()`.
    #[inline]
    pub(crate) fn neighbors(&self, v: usize) -> &[u32] {
        &self.targets[self.offsets[v]..self.offsets[v + 1]]
    }

    /// The distinct relay edges of `reports`, self-relays dropped, in the
    /// order the relays were declared.
    pub(crate) fn from_reports(reports: &[Report]) -> Csr {
        let n_reports = reports.len();
        let mut offsets = Vec::with_capacity(n_reports + 1);
        let mut targets = Vec::with_capacity(reports.iter().map(|r| r.relays.len()).sum());
        // Marker per report: the last row that pushed it. Allocated only if a
        // long row needs it.
        let mut last_row: Vec<u32> = Vec::new();
        offsets.push(0);
        for (row, report) in reports.iter().enumerate() {
            let row_start = targets.len();
            // Report ids fit in u32: the graph issues at most u32::MAX ids.
            let row_id = row as u32;
            if report.relays.len() <= SCAN_DEDUP_LIMIT {
                for relay in &report.relays {
                    let to = relay.to.raw();
                    if to != row_id && !targets[row_start..].contains(&to) {
                        targets.push(to);
                    }
                }
            } else {
                if last_row.is_empty() {
                    last_row = vec![u32::MAX; n_reports];
                }
                for relay in &report.relays {
                    let to = relay.to.raw();
                    // `to` is a valid report index: the graph validates relay targets.
                    if to != row_id && last_row[to as usize] != row_id {
                        last_row[to as usize] = row_id;
                        targets.push(to);
                    }
                }
            }
            offsets.push(targets.len());
        }
        Csr { offsets, targets }
    }

    /// The same graph with every edge reversed. Rows list their sources in
    /// increasing order.
    pub(crate) fn transpose(&self) -> Csr {
        let n_nodes = self.n_nodes();
        let mut counts = vec![0usize; n_nodes + 1];
        for &t in &self.targets {
            counts[t as usize + 1] += 1;
        }
        for i in 0..n_nodes {
            counts[i + 1] += counts[i];
        }
        let offsets = counts.clone();
        let mut next = counts;
        let mut targets = vec![0u32; self.targets.len()];
        for v in 0..n_nodes {
            for &t in self.neighbors(v) {
                let slot = &mut next[t as usize];
                targets[*slot] = v as u32;
                *slot += 1;
            }
        }
        Csr { offsets, targets }
    }
}

/// The part of the relay graph reachable from some root reports, renumbered
/// densely: local node `i` is global report `global[i]`, roots first.
///
/// Per-report queries use it so that their cost depends on what the report
/// reaches, not on the size of the whole graph.
#[derive(Debug)]
pub(crate) struct Reachable {
    pub(crate) csr: Csr,
    pub(crate) global: Vec<u32>,
}

impl Reachable {
    /// Collects every report reachable from `roots` (roots included) by an
    /// iterative depth-first search over the graph's relays, deduplicated.
    /// Roots must be valid report ids.
    ///
    /// **O(reachable reports + their relays)** expected time.
    pub(crate) fn from_roots(
        graph: &Graph,
        roots: impl IntoIterator<Item = ReportId>,
    ) -> Reachable {
        let reports = graph.report_slice();
        let mut local_of: HashMap<u32, u32> = HashMap::new();
        let mut global: Vec<u32> = Vec::new();
        let mut stack: Vec<u32> = Vec::new();
        for root in roots {
            let raw = root.raw();
            if let std::collections::hash_map::Entry::Vacant(slot) = local_of.entry(raw) {
                slot.insert(global.len() as u32);
                global.push(raw);
                stack.push(raw);
            }
        }
        while let Some(v) = stack.pop() {
            for relay in &reports[v as usize].relays {
                let to = relay.to.raw();
                if let std::collections::hash_map::Entry::Vacant(slot) = local_of.entry(to) {
                    slot.insert(global.len() as u32);
                    global.push(to);
                    stack.push(to);
                }
            }
        }
        // Build the local rows in local order, deduplicated like the global CSR.
        let mut offsets = Vec::with_capacity(global.len() + 1);
        let mut targets: Vec<u32> = Vec::new();
        let mut last_row: Vec<u32> = Vec::new();
        offsets.push(0);
        for (local, &v) in global.iter().enumerate() {
            let row_start = targets.len();
            let row_id = local as u32;
            let relays = &reports[v as usize].relays;
            if relays.len() > SCAN_DEDUP_LIMIT && last_row.is_empty() {
                last_row = vec![u32::MAX; global.len()];
            }
            for relay in relays {
                // Every relay target was inserted into `local_of` by the search above.
                let to = local_of[&relay.to.raw()];
                if to == row_id {
                    continue;
                }
                let seen = if relays.len() > SCAN_DEDUP_LIMIT {
                    std::mem::replace(&mut last_row[to as usize], row_id) == row_id
                } else {
                    targets[row_start..].contains(&to)
                };
                if !seen {
                    targets.push(to);
                }
            }
            offsets.push(targets.len());
        }
        Reachable {
            csr: Csr { offsets, targets },
            global,
        }
    }

    /// The global report id of local node `local`.
    #[inline]
    pub(crate) fn report(&self, local: usize) -> ReportId {
        ReportId::new(self.global[local])
    }
}

/// The relay edges of a [`Graph`] as a compact, read-only directed graph on
/// report ids: an edge `a -> b` when report `a` relays report `b`.
///
/// Parallel relays of different kinds between the same two reports collapse to
/// one edge; the kinds are in the [`Graph`]. Both directions are stored, so
/// the reports relaying a report are as cheap to list as the reports it
/// relays.
///
/// `&RelayGraph` implements petgraph's visit traits (`IntoNeighbors`,
/// `IntoNeighborsDirected`, `IntoNodeIdentifiers`, `NodeIndexable`,
/// `NodeCount`, `Visitable`, `GraphProp`), so petgraph's iterative algorithms
/// (`Dfs`, `Bfs`, `toposort`, `kosaraju_scc`, `has_path_connecting`) run on
/// it directly with [`ReportId`] as node id. Avoid petgraph's `tarjan_scc`
/// and `is_cyclic_directed`, which recurse and can overflow the stack on deep
/// chains; [`Graph::cycles`] and [`Graph::analyze`] are iterative.
///
/// # Example
///
/// ```
/// use according::{Claim, Graph, Report, Source};
/// use petgraph::visit::Dfs;
///
/// let mut graph = Graph::new();
/// let agency = graph.add_source(Source::organization("spy agency"))?;
/// let lee = graph.add_source(Source::person("Lee"))?;
/// let claim = graph.add_claim(Claim::new("troops were sent"))?;
/// let briefing = graph.add_report(Report::by(agency, claim))?;
/// let said = graph.add_report(Report::by(lee, claim).relaying(briefing))?;
///
/// let relays = graph.relay_graph();
/// let mut dfs = Dfs::new(&relays, said);
/// let mut seen = Vec::new();
/// while let Some(report) = dfs.next(&relays) {
///     seen.push(report);
/// }
/// assert_eq!(seen, [said, briefing]);
/// assert_eq!(relays.relayed_by(briefing).collect::<Vec<_>>(), [said]);
/// # Ok::<(), according::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RelayGraph {
    forward: Csr,
    backward: Csr,
}

impl Graph {
    /// The relay edges as a [`RelayGraph`].
    ///
    /// # Complexity
    ///
    /// **O(V + E)** time and memory for `V` reports and `E` relays.
    pub fn relay_graph(&self) -> RelayGraph {
        let forward = Csr::from_reports(self.report_slice());
        let backward = forward.transpose();
        RelayGraph { forward, backward }
    }
}

impl RelayGraph {
    /// Number of reports (nodes), including reports without relays. **O(1)**.
    pub fn n_reports(&self) -> usize {
        self.forward.n_nodes()
    }

    /// Number of distinct relay edges. **O(1)**.
    pub fn n_edges(&self) -> usize {
        self.forward.n_edges()
    }

    /// The reports that `report` relays, in declaration order. Empty for an
    /// id outside the graph. **O(1)** to create.
    pub fn relayed(&self, report: ReportId) -> Neighbors<'_> {
        Neighbors::of(&self.forward, report)
    }

    /// The reports that relay `report`, in increasing id order. Empty for an
    /// id outside the graph. **O(1)** to create.
    pub fn relayed_by(&self, report: ReportId) -> Neighbors<'_> {
        Neighbors::of(&self.backward, report)
    }

    /// The same graph with every edge reversed: `b -> a` when `a` relays `b`.
    ///
    /// # Complexity
    ///
    /// **O(V + E)** (a copy; both directions are already stored).
    pub fn reversed(&self) -> RelayGraph {
        RelayGraph {
            forward: self.backward.clone(),
            backward: self.forward.clone(),
        }
    }

    /// Whether `report` relays no other report (and exists). **O(1)**.
    pub fn relays_nothing(&self, report: ReportId) -> bool {
        self.relayed(report).len() == 0 && report.index() < self.n_reports()
    }
}

/// Iterator over the neighbours of a report in a [`RelayGraph`].
#[derive(Clone, Debug)]
pub struct Neighbors<'a> {
    targets: std::slice::Iter<'a, u32>,
}

impl<'a> Neighbors<'a> {
    fn of(csr: &'a Csr, report: ReportId) -> Neighbors<'a> {
        let slice: &'a [u32] = if report.index() < csr.n_nodes() {
            csr.neighbors(report.index())
        } else {
            &[]
        };
        Neighbors {
            targets: slice.iter(),
        }
    }
}

impl Iterator for Neighbors<'_> {
    type Item = ReportId;

    fn next(&mut self) -> Option<ReportId> {
        self.targets.next().map(|&t| ReportId::new(t))
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.targets.size_hint()
    }
}

impl ExactSizeIterator for Neighbors<'_> {}

impl DoubleEndedIterator for Neighbors<'_> {
    fn next_back(&mut self) -> Option<ReportId> {
        self.targets.next_back().map(|&t| ReportId::new(t))
    }
}

/// The set of visited reports petgraph's traversals keep for a
/// [`RelayGraph`]: one bit per report.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct VisitedReports {
    words: Vec<u64>,
}

impl VisitedReports {
    fn with_capacity(n_reports: usize) -> VisitedReports {
        VisitedReports {
            words: vec![0; n_reports.div_ceil(64)],
        }
    }

    fn slot(&self, report: ReportId) -> Option<(usize, u64)> {
        let index = report.index();
        let word = index / 64;
        (word < self.words.len()).then_some((word, 1u64 << (index % 64)))
    }
}

impl VisitMap<ReportId> for VisitedReports {
    fn visit(&mut self, report: ReportId) -> bool {
        // A report outside the graph never counts as visited, so a traversal
        // started from it ends at once instead of panicking.
        match self.slot(report) {
            Some((word, bit)) => {
                let first = self.words[word] & bit == 0;
                self.words[word] |= bit;
                first
            }
            None => false,
        }
    }

    fn is_visited(&self, report: &ReportId) -> bool {
        self.slot(*report)
            .is_some_and(|(word, bit)| self.words[word] & bit != 0)
    }

    fn unvisit(&mut self, report: ReportId) -> bool {
        match self.slot(report) {
            Some((word, bit)) => {
                let was = self.words[word] & bit != 0;
                self.words[word] &= !bit;
                was
            }
            None => false,
        }
    }
}

impl GraphBase for RelayGraph {
    /// An edge is named by its two ends: (relaying, relayed).
    type EdgeId = (ReportId, ReportId);
    type NodeId = ReportId;
}

impl GraphProp for RelayGraph {
    type EdgeType = Directed;
}

impl NodeCount for RelayGraph {
    fn node_count(&self) -> usize {
        self.n_reports()
    }
}

impl NodeIndexable for RelayGraph {
    fn node_bound(&self) -> usize {
        self.n_reports()
    }

    fn to_index(&self, report: ReportId) -> usize {
        report.index()
    }

    fn from_index(&self, index: usize) -> ReportId {
        // Node indices are below `node_bound()`, which fits in u32.
        ReportId::new(index as u32)
    }
}

impl Visitable for RelayGraph {
    type Map = VisitedReports;

    fn visit_map(&self) -> VisitedReports {
        VisitedReports::with_capacity(self.n_reports())
    }

    fn reset_map(&self, map: &mut VisitedReports) {
        map.words.clear();
        map.words.resize(self.n_reports().div_ceil(64), 0);
    }
}

impl<'a> IntoNeighbors for &'a RelayGraph {
    type Neighbors = Neighbors<'a>;

    fn neighbors(self, report: ReportId) -> Neighbors<'a> {
        self.relayed(report)
    }
}

impl<'a> IntoNeighborsDirected for &'a RelayGraph {
    type NeighborsDirected = Neighbors<'a>;

    fn neighbors_directed(self, report: ReportId, direction: Direction) -> Neighbors<'a> {
        match direction {
            Direction::Outgoing => self.relayed(report),
            Direction::Incoming => self.relayed_by(report),
        }
    }
}

impl IntoNodeIdentifiers for &RelayGraph {
    type NodeIdentifiers = std::iter::Map<std::ops::Range<u32>, fn(u32) -> ReportId>;

    fn node_identifiers(self) -> Self::NodeIdentifiers {
        // The graph holds fewer than u32::MAX reports.
        (0..self.n_reports() as u32).map(ReportId::new as fn(u32) -> ReportId)
    }
}

impl Default for Csr {
    fn default() -> Csr {
        Csr::empty(0)
    }
}
