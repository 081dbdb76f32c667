//! Circular reporting: reports that, through relays, end up relaying
//! themselves (A cites B cites A).

use crate::graph::Graph;
use crate::model::{ReportId, SourceId};

/// One case of circular reporting: a strongly connected component of the
/// relay graph with more than one report. Every report in it relays, directly
/// or through the others, every other one.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Cycle {
    /// The reports, sorted by id.
    pub reports: Vec<ReportId>,
    /// The distinct speakers of those reports, sorted by id.
    pub sources: Vec<SourceId>,
}

/// The cycles among `components` (member lists of report indices; those
/// with fewer than two members are skipped), sorted by smallest member.
pub(crate) fn cycles_of<'a>(
    graph: &Graph,
    components: impl Iterator<Item = &'a [u32]>,
) -> Vec<Cycle> {
    let reports = graph.report_slice();
    let mut cycles = Vec::new();
    for members in components {
        if members.len() < 2 {
            continue;
        }
        let mut cycle_reports: Vec<ReportId> = members.iter().map(|&v| ReportId::new(v)).collect();
        cycle_reports.sort_unstable();
        let mut sources: Vec<SourceId> = cycle_reports
            .iter()
            .flat_map(|r| reports[r.index()].sources.iter().copied())
            .collect();
        sources.sort_unstable();
        sources.dedup();
        cycles.push(Cycle {
            reports: cycle_reports,
            sources,
        });
    }
    cycles.sort_unstable_by_key(|cycle| cycle.reports[0]);
    cycles
}

impl Graph {
    /// Every case of circular reporting: the strongly connected components
    /// of the relay graph with more than one report, sorted by their smallest
    /// report id. A report cannot relay itself, so there are no one-report
    /// cycles.
    ///
    /// A cycle is a finding, not an error: W3C PROV's constraints make such
    /// a derivation cycle invalid, and in news it usually means two outlets
    /// citing each other. Use [`analyze`](Graph::analyze) to get the cycles
    /// together with depths.
    ///
    /// # Complexity
    ///
    /// **O(V + E)**: the graph is peeled from its primary reports, and only the
    /// reports that reach a cycle are condensed (iterative Tarjan).
    ///
    /// # Example
    ///
    /// ```
    /// use according::{Claim, Graph, RelayKind, Report, Source};
    ///
    /// let mut graph = Graph::new();
    /// let a = graph.add_source(Source::publisher("Daily A"))?;
    /// let b = graph.add_source(Source::publisher("Daily B"))?;
    /// let claim = graph.add_claim(Claim::new("the bridge will close"))?;
    /// let ra = graph.add_report(Report::by(a, claim))?;
    /// let rb = graph.add_report(Report::by(b, claim).relaying(ra))?;
    /// graph.add_relay(ra, rb, RelayKind::Derivation)?;
    /// let cycles = graph.cycles();
    /// assert_eq!(cycles.len(), 1);
    /// assert_eq!(cycles[0].reports, [ra, rb]);
    /// assert_eq!(cycles[0].sources, [a, b]);
    /// # Ok::<(), according::Error>(())
    /// ```
    pub fn cycles(&self) -> Vec<Cycle> {
        let reports = self.report_slice();
        let layered = super::batch::compute(reports, false);
        cycles_of(self, layered.cyclic_components())
    }
}
