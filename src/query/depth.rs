//! Provenance depth: how many reports stand between a report and a primary
//! source, per report and for the whole graph at once.
//!
//! Depth is counted in reports: a primary report (attributed, relaying
//! nothing) has depth 1, a report relaying it depth 2, a statement in a
//! document's own voice depth 0. Relays can be shared, so a report has a
//! shortest and a longest depth over its chains. Cycles (circular
//! reporting) are handled on the condensation: every strongly connected
//! component counts as one report, entering it is one hop and leaving it one
//! more. A report from which no primary report can be reached (a closed
//! loop, or a path into one) has no depth.

use crate::error::Error;
use crate::graph::Graph;
use crate::model::{Report, ReportId, SourceId, Voice};

use super::batch::{self, Layered, NO_DEPTH, NodeValues};
use super::cycles::Cycle;
use super::relay::{Csr, Reachable};
use super::scc::Components;

/// The provenance depth of a report: the number of reports on its chains down
/// to a primary report, itself included, over the shortest and the longest
/// chain.
///
/// A primary report has depth `{ shortest: 1, longest: 1 }`; a statement in a
/// document's own voice has depth `{ 0, 0 }`. On a cyclic relay graph the
/// count is taken on the condensation, where a whole strongly connected
/// component counts as one report.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Depth {
    /// Reports on the shortest chain.
    pub shortest: u32,
    /// Reports on the longest chain.
    pub longest: u32,
}

impl Depth {
    /// The relay hops (depth − 1) of the shortest and the longest chain, in
    /// that order: 0 for a primary report.
    ///
    /// A statement in a document's own voice has depth 0 and no chain; its
    /// hops are reported as `(0, 0)` rather than underflowing. Check
    /// `shortest == 0` to tell it from a primary report.
    pub fn hops(self) -> (u32, u32) {
        (
            self.shortest.saturating_sub(1),
            self.longest.saturating_sub(1),
        )
    }
}

/// The per-component depth values and, optionally, primary-source sets of a
/// graph's condensation.
#[derive(Debug)]
pub(crate) struct Condensed {
    pub(crate) components: Components,
    /// Per component, [`NO_DEPTH`] when no primary report is reachable.
    pub(crate) longest: Vec<u32>,
    pub(crate) shortest: Vec<u32>,
    /// Per component, a range of `pool`: the distinct primary sources
    /// reachable from it, sorted. Empty when sets were not requested.
    pub(crate) set_start: Vec<usize>,
    pub(crate) set_len: Vec<u32>,
    pub(crate) pool: Vec<SourceId>,
}

impl Condensed {
    /// Condenses `csr` and runs the depth recurrences (and, if `with_sources`,
    /// the primary-source set unions) in one pass over the components in
    /// reverse topological order. `report_of(node)` gives the report behind a
    /// node.
    ///
    /// **O(V + E)** for depths alone; with sets **O((V + E) · k)** where `k`
    /// is the size of the largest set, because a component whose successors
    /// have different sets merges them (sort and dedup of at most the sum of
    /// their sizes). A component whose distinct non-empty successor sets are
    /// all the same range of the pool shares that range instead of copying
    /// it, which is the common case of single chains.
    pub(crate) fn compute<'g>(
        csr: &Csr,
        report_of: impl Fn(usize) -> &'g Report,
        with_sources: bool,
    ) -> Condensed {
        let components = Components::of(csr);
        let n_components = components.n_components();
        let mut longest = vec![NO_DEPTH; n_components];
        let mut shortest = vec![NO_DEPTH; n_components];
        let (mut set_start, mut set_len) = if with_sources {
            (vec![0usize; n_components], vec![0u32; n_components])
        } else {
            (Vec::new(), Vec::new())
        };
        let mut pool: Vec<SourceId> = Vec::new();
        // Per component: the last component that listed it as a successor,
        // so each successor is looked at once per component.
        let mut last_seen = if with_sources {
            vec![u32::MAX; n_components]
        } else {
            Vec::new()
        };
        // Distinct successor sets of the current component, as pool ranges.
        let mut successor_sets: Vec<(usize, u32)> = Vec::new();
        let mut merged: Vec<SourceId> = Vec::new();

        for c in 0..n_components {
            let members = components.members(c);
            if let [only] = members {
                let node = *only as usize;
                if csr.neighbors(node).is_empty() {
                    let report = report_of(node);
                    if report.voice == Voice::Document {
                        // Own-voice statement: depth 0, no sources.
                        longest[c] = 0;
                        shortest[c] = 0;
                    } else {
                        // Primary report: depth 1, its own speakers.
                        longest[c] = 1;
                        shortest[c] = 1;
                        if with_sources && !report.sources.is_empty() {
                            let start = pool.len();
                            pool.extend_from_slice(&report.sources);
                            pool[start..].sort_unstable();
                            set_start[c] = start;
                            // A report lists each source once (the graph dedups them).
                            set_len[c] = (pool.len() - start) as u32;
                        }
                    }
                    continue;
                }
            }
            let mut best_longest = 0u32;
            let mut best_shortest = NO_DEPTH;
            successor_sets.clear();
            let this = c as u32;
            for &node in members {
                for &next in csr.neighbors(node as usize) {
                    let d = components.component_of[next as usize] as usize;
                    // Tarjan assigns successors smaller ids, so `d < c` is done.
                    if d == c {
                        continue;
                    }
                    if longest[d] != NO_DEPTH {
                        best_longest = best_longest.max(longest[d]);
                        best_shortest = best_shortest.min(shortest[d]);
                    }
                    if with_sources && last_seen[d] != this {
                        last_seen[d] = this;
                        if set_len[d] > 0 {
                            successor_sets.push((set_start[d], set_len[d]));
                        }
                    }
                }
            }
            if best_shortest != NO_DEPTH {
                longest[c] = best_longest.saturating_add(1);
                shortest[c] = best_shortest.saturating_add(1);
            }
            if with_sources {
                let first = successor_sets.first().copied();
                match first {
                    None => {}
                    Some(range) if successor_sets.iter().all(|&r| r == range) => {
                        set_start[c] = range.0;
                        set_len[c] = range.1;
                    }
                    Some(_) => {
                        merged.clear();
                        for &(start, len) in &successor_sets {
                            merged.extend_from_slice(&pool[start..start + len as usize]);
                        }
                        merged.sort_unstable();
                        merged.dedup();
                        set_start[c] = pool.len();
                        // At most the number of sources, which fits in u32.
                        set_len[c] = merged.len() as u32;
                        pool.extend_from_slice(&merged);
                    }
                }
            }
        }
        Condensed {
            components,
            longest,
            shortest,
            set_start,
            set_len,
            pool,
        }
    }

    /// The depth of component `c`.
    #[inline]
    pub(crate) fn depth_of_component(&self, c: usize) -> Option<Depth> {
        (self.longest[c] != NO_DEPTH).then(|| Depth {
            shortest: self.shortest[c],
            longest: self.longest[c],
        })
    }

    /// The depth of node `v`.
    #[inline]
    pub(crate) fn depth_of_node(&self, v: usize) -> Option<Depth> {
        self.depth_of_component(self.components.component_of[v] as usize)
    }

    /// The primary sources of component `c` (empty unless sets were computed).
    #[inline]
    pub(crate) fn sources_of_component(&self, c: usize) -> &[SourceId] {
        match (self.set_start.get(c), self.set_len.get(c)) {
            (Some(&start), Some(&len)) => &self.pool[start..start + len as usize],
            _ => &[],
        }
    }
}

/// The depth of every report, computed in one pass ([`Graph::depths`]).
///
/// Values are stored per report, so the structure takes 8 bytes per report.
#[derive(Clone, Debug)]
pub struct Depths {
    /// Per report, `[shortest, longest]`; [`NO_DEPTH`] when there is none.
    depths: Vec<[u32; 2]>,
}

impl Depths {
    /// The depth of `report`; `None` when no primary report is reachable from
    /// it, or when the id is outside the graph. **O(1)**.
    pub fn get(&self, report: ReportId) -> Option<Depth> {
        let [shortest, longest] = *self.depths.get(report.index())?;
        (longest != NO_DEPTH).then_some(Depth { shortest, longest })
    }

    /// Number of reports covered. **O(1)**.
    pub fn len(&self) -> usize {
        self.depths.len()
    }

    /// Whether the graph had no report. **O(1)**.
    pub fn is_empty(&self) -> bool {
        self.depths.is_empty()
    }

    /// Every report with its depth, in id order.
    pub fn iter(&self) -> impl ExactSizeIterator<Item = (ReportId, Option<Depth>)> + '_ {
        self.depths
            .iter()
            .enumerate()
            .map(|(i, &[shortest, longest])| {
                // `i` is a valid report index, below u32::MAX.
                let report = ReportId::new(i as u32);
                (
                    report,
                    (longest != NO_DEPTH).then_some(Depth { shortest, longest }),
                )
            })
    }
}

/// Depths, primary sources and circular reporting of every report, computed
/// together in one pass over the graph ([`Graph::analyze`]).
///
/// The analysis owns its data: it stays valid (and describes the graph as it
/// was) after the graph changes. It takes about 32 bytes per report, plus the
/// distinct primary-source sets (shared between reports that have the same
/// set) and the cycles.
#[derive(Clone, Debug)]
pub struct Analysis {
    layered: Layered,
    cycles: Vec<Cycle>,
}

impl Analysis {
    fn values(&self, report: ReportId) -> Option<&NodeValues> {
        self.layered.values.get(report.index())
    }

    /// The depth of `report`; `None` when no primary report is reachable from
    /// it or the id is outside the graph. **O(1)**.
    pub fn depth(&self, report: ReportId) -> Option<Depth> {
        let values = self.values(report)?;
        (values.longest != NO_DEPTH).then_some(Depth {
            shortest: values.shortest,
            longest: values.longest,
        })
    }

    /// The distinct primary sources of `report`: the speakers of every
    /// primary report reachable from it (itself included), sorted. Empty for
    /// own-voice statements, reports reaching no primary report, primary
    /// reports without a known speaker, and ids outside the graph. **O(1)**.
    pub fn primary_sources(&self, report: ReportId) -> &[SourceId] {
        match self.values(report) {
            Some(values) => self.layered.set(values),
            None => &[],
        }
    }

    /// The number of distinct primary sources of `report`
    /// (see [`primary_sources`](Analysis::primary_sources)). **O(1)**.
    pub fn n_primary_sources(&self, report: ReportId) -> usize {
        self.values(report)
            .map_or(0, |values| values.set_len as usize)
    }

    /// The circular reporting found: every strongly connected component with
    /// more than one report, sorted by smallest member (as [`Graph::cycles`]).
    pub fn cycles(&self) -> &[Cycle] {
        &self.cycles
    }

    /// The strongly connected component of `report`, or `None` for an id
    /// outside the graph. Components are numbered in reverse topological
    /// order: a report relays only reports of its own component or of
    /// components with a smaller number. **O(1)**.
    pub fn component_of(&self, report: ReportId) -> Option<usize> {
        self.values(report).map(|values| values.component as usize)
    }

    /// Number of strongly connected components. **O(1)**.
    pub fn n_components(&self) -> usize {
        self.layered.n_components()
    }

    /// The reports of component `component`, in id order; empty for a number
    /// out of range. **O(1)** to create.
    pub fn component_members(
        &self,
        component: usize,
    ) -> impl ExactSizeIterator<Item = ReportId> + '_ {
        let slice = if component < self.n_components() {
            self.layered.members(component)
        } else {
            &[]
        };
        slice.iter().map(|&r| ReportId::new(r))
    }

    /// Number of reports analysed. **O(1)**.
    pub fn n_reports(&self) -> usize {
        self.layered.values.len()
    }

    /// Every report in id order with its depth and number of primary sources.
    pub fn iter(&self) -> impl ExactSizeIterator<Item = (ReportId, Option<Depth>, usize)> + '_ {
        self.layered.values.iter().enumerate().map(|(i, values)| {
            // `i` is a valid report index, below u32::MAX.
            let report = ReportId::new(i as u32);
            let depth = (values.longest != NO_DEPTH).then_some(Depth {
                shortest: values.shortest,
                longest: values.longest,
            });
            (report, depth, values.set_len as usize)
        })
    }
}

impl Graph {
    /// The provenance depth of `report`: `None` when no primary report can be
    /// reached from it (it relays only into a closed loop of circular
    /// reporting), `Some(Depth { shortest: 0, longest: 0 })` for a statement
    /// in its document's own voice.
    ///
    /// Only the part of the graph reachable from `report` is visited. To get
    /// the depth of many reports, [`depths`](Graph::depths) or
    /// [`analyze`](Graph::analyze) cost one pass over the whole graph.
    ///
    /// # Errors
    ///
    /// [`Error::UnknownReport`] if `report` is not in the graph.
    ///
    /// # Complexity
    ///
    /// **O(V' + E')** expected, for the `V'` reports and `E'` relays
    /// reachable from `report`.
    ///
    /// # Example
    ///
    /// ```
    /// use according::{Claim, Depth, Graph, Report, Source};
    ///
    /// let mut graph = Graph::new();
    /// let agency = graph.add_source(Source::organization("spy agency"))?;
    /// let lee = graph.add_source(Source::person("Lee"))?;
    /// let claim = graph.add_claim(Claim::new("troops were sent"))?;
    /// let briefing = graph.add_report(Report::by(agency, claim))?;
    /// let said = graph.add_report(Report::by(lee, claim).relaying(briefing))?;
    /// assert_eq!(graph.depth(said)?, Some(Depth { shortest: 2, longest: 2 }));
    /// assert_eq!(graph.depth(said)?.unwrap().hops(), (1, 1));
    /// # Ok::<(), according::Error>(())
    /// ```
    pub fn depth(&self, report: ReportId) -> Result<Option<Depth>, Error> {
        let stored = self.report(report).ok_or(Error::UnknownReport(report))?;
        if stored.voice == Voice::Document {
            return Ok(Some(Depth {
                shortest: 0,
                longest: 0,
            }));
        }
        if stored.relays.is_empty() {
            return Ok(Some(Depth {
                shortest: 1,
                longest: 1,
            }));
        }
        let reachable = Reachable::from_roots(self, [report]);
        let reports = self.report_slice();
        let condensed = Condensed::compute(
            &reachable.csr,
            |v| &reports[reachable.global[v] as usize],
            false,
        );
        // The root is local node 0.
        Ok(condensed.depth_of_node(0))
    }

    /// The depth of every report, in one pass.
    ///
    /// # Complexity
    ///
    /// **O(V + E)** time and memory.
    pub fn depths(&self) -> Depths {
        let reports = self.report_slice();
        let layered = batch::compute(reports, false);
        Depths {
            depths: layered
                .values
                .iter()
                .map(|values| [values.shortest, values.longest])
                .collect(),
        }
    }

    /// Depths, primary sources and circular reporting of every report in one
    /// pass: the strongly connected components of the relay graph, then the
    /// depth and primary-source recurrences over the condensation in reverse
    /// topological order.
    ///
    /// The number of primary sources counts distinct speakers of the primary
    /// reports reachable from a report, itself included: a primary report
    /// counts its own speakers (zero when unknown); an own-voice statement
    /// and a report reaching no primary report count zero.
    ///
    /// # Complexity
    ///
    /// **O((V + E) · k)** time, where `k` is the largest number of primary
    /// sources of a report (small in practice: a handful). Memory is
    /// **O(V + E)** plus the distinct source sets; a component with a single
    /// successor shares its successor's set instead of copying it.
    pub fn analyze(&self) -> Analysis {
        let reports = self.report_slice();
        let layered = batch::compute(reports, true);
        let cycles = super::cycles::cycles_of(self, layered.cyclic_components());
        Analysis { layered, cycles }
    }
}
