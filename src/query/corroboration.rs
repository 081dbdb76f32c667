//! Independent corroboration: how many chains supporting a claim share no
//! source.

use std::collections::HashMap;
use std::collections::VecDeque;

use crate::error::Error;
use crate::graph::Graph;
use crate::model::{ClaimId, ReportId, SourceId, SourceKind, Voice};

use super::relay::Reachable;
use super::scc::Components;

/// How independently a claim is supported ([`Graph::corroboration`]).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Corroboration {
    /// The largest number of chains from the claim's reports to primary
    /// reports that share no source: independent lines of evidence.
    pub independent: usize,
    /// One witness path of sources per independent chain, outermost speaker
    /// first, primary source last. Reports without a known speaker take part
    /// in the count as anonymous speakers but do not appear here.
    pub chains: Vec<Vec<SourceId>>,
    /// The attributed reports of the claim and of its equivalent claims,
    /// sorted by id.
    pub reports: Vec<ReportId>,
}

impl Corroboration {
    /// Whether the claim is confirmed by independent sources: at least two
    /// independent chains, the Admiralty code's information credibility
    /// grade 1.
    pub fn credibility_confirmed(&self) -> bool {
        self.independent >= 2
    }
}

/// A flow network with unit and "unbounded" capacities, stored as paired
/// forward and residual edges.
struct Network {
    head: Vec<u32>,
    next: Vec<u32>,
    to: Vec<u32>,
    capacity: Vec<u32>,
}

const NONE: u32 = u32::MAX;

impl Network {
    fn new(n_nodes: usize) -> Network {
        Network {
            head: vec![NONE; n_nodes],
            next: Vec::new(),
            to: Vec::new(),
            capacity: Vec::new(),
        }
    }

    /// Adds `a -> b` with `capacity`, and its residual twin `b -> a` with 0.
    /// Edge `e`'s twin is `e ^ 1`.
    fn add_edge(&mut self, a: usize, b: usize, capacity: u32) {
        for (from, to, cap) in [(a, b, capacity), (b, a, 0)] {
            self.next.push(self.head[from]);
            self.head[from] = self.to.len() as u32;
            self.to.push(to as u32);
            self.capacity.push(cap);
        }
    }

    /// Edges leaving `node`, as edge indices.
    fn edges(&self, node: usize) -> impl Iterator<Item = usize> + '_ {
        let mut e = self.head[node];
        std::iter::from_fn(move || {
            (e != NONE).then(|| {
                let current = e as usize;
                e = self.next[current];
                current
            })
        })
    }

    /// A shortest path from `source` to `sink` over edges accepted by
    /// `usable`, as the list of edges from sink back to source.
    fn shortest_path(
        &self,
        source: usize,
        sink: usize,
        usable: impl Fn(usize) -> bool,
    ) -> Option<Vec<usize>> {
        let mut via = vec![NONE; self.head.len()];
        let mut seen = vec![false; self.head.len()];
        seen[source] = true;
        let mut queue = VecDeque::from([source]);
        while let Some(node) = queue.pop_front() {
            if node == sink {
                break;
            }
            for e in self.edges(node) {
                let next = self.to[e] as usize;
                if !seen[next] && usable(e) {
                    seen[next] = true;
                    via[next] = e as u32;
                    queue.push_back(next);
                }
            }
        }
        if !seen[sink] {
            return None;
        }
        let mut path = Vec::new();
        let mut node = sink;
        while node != source {
            let e = via[node] as usize;
            path.push(e);
            // The twin of an edge ends where the edge starts.
            node = self.to[e ^ 1] as usize;
        }
        Some(path)
    }

    /// Edmonds–Karp: augments along shortest residual paths until none is
    /// left. Every path found carries one unit, since each goes through at
    /// least one unit-capacity vertex edge.
    fn max_flow(&mut self, source: usize, sink: usize) -> usize {
        let mut flow = 0;
        while let Some(path) = self.shortest_path(source, sink, |e| self.capacity[e] > 0) {
            let amount = path.iter().map(|&e| self.capacity[e]).min().unwrap_or(0);
            if amount == 0 {
                break;
            }
            for &e in &path {
                self.capacity[e] -= amount;
                self.capacity[e ^ 1] += amount;
            }
            flow += amount as usize;
        }
        flow
    }
}

impl Graph {
    /// The independent corroboration of `claim`: the largest number of chains
    /// supporting it that share no source.
    ///
    /// # Definition
    ///
    /// Chains are counted at the level of sources. Take the attributed
    /// reports of `claim` and of the claims [equivalent](Graph::equivalent_claims)
    /// to it, and every report reachable from them through relays. The
    /// *source graph* has an edge `s -> t` when a report spoken by `s` relays
    /// a report spoken by `t` (every pair, for reports with several
    /// speakers).
    ///
    /// - Sources of kind [`SourceKind::Publisher`] are the publishing voice
    ///   and are transparent: a report spoken only by publishers passes its
    ///   relayers straight through to what it relays. A publisher's own
    ///   primary report (original reporting, relaying nothing) does count its
    ///   publisher as a source.
    /// - A report without a known speaker is an anonymous speaker of its own.
    ///
    /// Chains start at the speakers of the claim's *outermost* reports (those
    /// not reachable from another report of the claim outside their own
    /// cycle: a report relayed by another report of the same claim is part
    /// of that report's chain, not a separate line of evidence) and end at
    /// the speakers of primary reports. The answer is the maximum number of
    /// vertex-disjoint paths between those two sets in the source graph
    /// (Menger), computed as a maximum flow with unit vertex capacities.
    /// Two articles relaying the same briefing make one line of evidence, as
    /// do two reports by the same speaker; a chain that only leads into a
    /// closed loop of circular reporting supports nothing.
    ///
    /// # Errors
    ///
    /// [`Error::UnknownClaim`] if `claim` is not in the graph.
    ///
    /// # Complexity
    ///
    /// **O(F · (V' + E' + S'))** where `V'`, `E'` are the reports and relays
    /// reachable from the claim's reports, `S'` the source incidences among
    /// them, and `F ≤ S'` the answer (one breadth-first search per chain;
    /// iterative, no recursion).
    ///
    /// # Example
    ///
    /// ```
    /// use according::{Claim, Graph, Report, Source};
    ///
    /// let mut graph = Graph::new();
    /// let agency = graph.add_source(Source::organization("spy agency"))?;
    /// let lee = graph.add_source(Source::person("Lee"))?;
    /// let kim = graph.add_source(Source::person("Kim"))?;
    /// let claim = graph.add_claim(Claim::new("troops were sent"))?;
    /// let briefing = graph.add_report(Report::by(agency, claim))?;
    /// graph.add_report(Report::by(lee, claim).relaying(briefing))?;
    /// graph.add_report(Report::by(kim, claim).relaying(briefing))?;
    /// // Lee and Kim both rest on the same briefing: one line of evidence.
    /// let found = graph.corroboration(claim)?;
    /// assert_eq!(found.independent, 1);
    /// assert!(!found.credibility_confirmed());
    /// # Ok::<(), according::Error>(())
    /// ```
    pub fn corroboration(&self, claim: ClaimId) -> Result<Corroboration, Error> {
        let reports = self.report_slice();
        let claim_reports: Vec<ReportId> = self
            .claim_reports(claim)?
            .into_iter()
            .filter(|r| reports[r.index()].voice == Voice::Source)
            .collect();
        let reachable = Reachable::from_roots(self, claim_reports.iter().copied());
        let csr = &reachable.csr;
        let n_local = reachable.global.len();
        // Claim reports are the roots: local nodes 0..claim_reports.len().
        let n_claim = claim_reports.len();

        // Outermost claim reports: walk the condensation in topological order
        // (decreasing component id) and mark what lies below a claim report.
        let components = Components::of(csr);
        let n_components = components.n_components();
        let mut has_claim = vec![false; n_components];
        for v in 0..n_claim {
            has_claim[components.component_of[v] as usize] = true;
        }
        let mut below_claim = vec![false; n_components];
        for c in (0..n_components).rev() {
            if !(below_claim[c] || has_claim[c]) {
                continue;
            }
            for &v in components.members(c) {
                for &w in csr.neighbors(v as usize) {
                    let d = components.component_of[w as usize] as usize;
                    if d != c {
                        below_claim[d] = true;
                    }
                }
            }
        }

        // Source-graph vertices: named non-publisher sources, shared across
        // reports, and one anonymous vertex per report without a speaker.
        let mut vertex_of_source: HashMap<SourceId, u32> = HashMap::new();
        let mut vertex_source: Vec<Option<SourceId>> = Vec::new();
        // Per local report: its vertices (empty = transparent).
        let mut vertex_offsets = vec![0usize; n_local + 1];
        let mut vertices: Vec<u32> = Vec::new();
        for v in 0..n_local {
            let report = &reports[reachable.global[v] as usize];
            let is_primary = csr.neighbors(v).is_empty();
            let mut add = |source: Option<SourceId>| {
                let vertex = match source {
                    Some(s) => *vertex_of_source.entry(s).or_insert_with(|| {
                        vertex_source.push(Some(s));
                        (vertex_source.len() - 1) as u32
                    }),
                    None => {
                        vertex_source.push(None);
                        (vertex_source.len() - 1) as u32
                    }
                };
                vertices.push(vertex);
            };
            if report.sources.is_empty() {
                add(None);
            } else {
                let mut any_named = false;
                for &s in &report.sources {
                    if self
                        .source(s)
                        .is_some_and(|src| src.kind != SourceKind::Publisher)
                    {
                        add(Some(s));
                        any_named = true;
                    }
                }
                if !any_named && is_primary {
                    for &s in &report.sources {
                        add(Some(s));
                    }
                }
            }
            vertex_offsets[v + 1] = vertices.len();
        }

        // Network nodes: 0 super-source, 1 super-sink, then two connector
        // nodes per report, then split in/out nodes per vertex.
        const SOURCE: usize = 0;
        const SINK: usize = 1;
        let report_in = |v: usize| 2 + 2 * v;
        let report_out = |v: usize| 3 + 2 * v;
        let vertex_base = 2 + 2 * n_local;
        let vertex_in = |x: usize| vertex_base + 2 * x;
        let vertex_out = |x: usize| vertex_base + 2 * x + 1;
        let n_vertices = vertex_source.len();
        // Larger than any flow: every path uses a unit vertex edge.
        let unbounded = u32::try_from(n_vertices + 1).unwrap_or(u32::MAX);
        let mut network = Network::new(vertex_base + 2 * n_vertices);
        for x in 0..n_vertices {
            network.add_edge(vertex_in(x), vertex_out(x), 1);
        }
        for v in 0..n_local {
            let own = &vertices[vertex_offsets[v]..vertex_offsets[v + 1]];
            if own.is_empty() {
                network.add_edge(report_in(v), report_out(v), unbounded);
            }
            for &x in own {
                network.add_edge(report_in(v), vertex_in(x as usize), unbounded);
                network.add_edge(vertex_out(x as usize), report_out(v), unbounded);
            }
            for &w in csr.neighbors(v) {
                network.add_edge(report_out(v), report_in(w as usize), unbounded);
            }
            if csr.neighbors(v).is_empty() {
                network.add_edge(report_out(v), SINK, unbounded);
            }
            if v < n_claim && !below_claim[components.component_of[v] as usize] {
                network.add_edge(SOURCE, report_in(v), unbounded);
            }
        }

        // Remember the original capacities to read the flow back.
        let original = network.capacity.clone();
        let independent = network.max_flow(SOURCE, SINK);

        // One witness per unit of flow: shortest paths over edges carrying
        // flow, each removed once used.
        let mut carried: Vec<u32> = original
            .iter()
            .zip(&network.capacity)
            .enumerate()
            .map(|(e, (&before, &after))| {
                if e % 2 == 0 {
                    before.saturating_sub(after)
                } else {
                    0
                }
            })
            .collect();
        let mut chains = Vec::with_capacity(independent);
        for _ in 0..independent {
            let Some(path) = network.shortest_path(SOURCE, SINK, |e| carried[e] > 0) else {
                break;
            };
            let mut chain = Vec::new();
            for &e in path.iter().rev() {
                carried[e] -= 1;
                let from = network.to[e ^ 1] as usize;
                let to = network.to[e] as usize;
                // A unit edge from a vertex's in-node to its out-node crosses
                // that vertex.
                if from >= vertex_base
                    && (from - vertex_base).is_multiple_of(2)
                    && to == from + 1
                    && let Some(source) = vertex_source[(from - vertex_base) / 2]
                {
                    chain.push(source);
                }
            }
            chains.push(chain);
        }
        Ok(Corroboration {
            independent,
            chains,
            reports: claim_reports,
        })
    }
}
