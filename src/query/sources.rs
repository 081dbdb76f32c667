//! Who a report rests on (primary reports and sources), and how a source
//! takes part in chains: speaking directly, relayed by others, or relaying.

use std::collections::{HashMap, HashSet};

use crate::error::Error;
use crate::graph::Graph;
use crate::model::{ClaimId, ReportId, SourceId, Voice};

impl Graph {
    /// The primary reports reachable from `roots` (roots included), sorted.
    /// Iterative depth-first search; roots must be valid ids.
    fn primary_reports_from(&self, roots: impl IntoIterator<Item = ReportId>) -> Vec<ReportId> {
        let reports = self.report_slice();
        let mut seen: HashSet<ReportId> = HashSet::new();
        let mut stack: Vec<ReportId> = Vec::new();
        for root in roots {
            if seen.insert(root) {
                stack.push(root);
            }
        }
        let mut primaries = Vec::new();
        while let Some(report) = stack.pop() {
            let stored = &reports[report.index()];
            if stored.voice == Voice::Source && stored.relays.is_empty() {
                primaries.push(report);
            }
            for relay in &stored.relays {
                if seen.insert(relay.to) {
                    stack.push(relay.to);
                }
            }
        }
        primaries.sort_unstable();
        primaries
    }

    /// The distinct speakers of `primaries`, sorted.
    fn speakers_of(&self, primaries: &[ReportId]) -> Vec<SourceId> {
        let reports = self.report_slice();
        let mut sources: Vec<SourceId> = primaries
            .iter()
            .flat_map(|r| reports[r.index()].sources.iter().copied())
            .collect();
        sources.sort_unstable();
        sources.dedup();
        sources
    }

    /// The primary reports `report` rests on: every report reachable from it
    /// through relays that relays nothing itself and is attributed, sorted by
    /// id. A primary report's answer is itself; an own-voice statement's is
    /// empty, and so is that of a report leading only into a closed loop.
    ///
    /// # Errors
    ///
    /// [`Error::UnknownReport`] if `report` is not in the graph.
    ///
    /// # Complexity
    ///
    /// **O(V' + E' + p log p)** expected for the `V'` reports and `E'`
    /// relays reachable from `report` and `p` primary reports found.
    pub fn primary_reports(&self, report: ReportId) -> Result<Vec<ReportId>, Error> {
        self.report(report).ok_or(Error::UnknownReport(report))?;
        Ok(self.primary_reports_from([report]))
    }

    /// The primary sources of `report`: the distinct speakers of its
    /// [primary reports](Graph::primary_reports), sorted by id. A primary
    /// report without a known speaker contributes nothing.
    ///
    /// # Errors
    ///
    /// [`Error::UnknownReport`] if `report` is not in the graph.
    ///
    /// # Complexity
    ///
    /// As [`primary_reports`](Graph::primary_reports), plus sorting the
    /// speakers found.
    ///
    /// # Example
    ///
    /// ```
    /// use according::{Claim, Graph, Report, Source};
    ///
    /// let mut graph = Graph::new();
    /// let agency = graph.add_source(Source::organization("spy agency"))?;
    /// let lee = graph.add_source(Source::person("Lee"))?;
    /// let claim = graph.add_claim(Claim::new("troops were sent"))?;
    /// let briefing = graph.add_report(Report::by(agency, claim))?;
    /// let said = graph.add_report(Report::by(lee, claim).relaying(briefing))?;
    /// assert_eq!(graph.primary_sources(said)?, [agency]);
    /// # Ok::<(), according::Error>(())
    /// ```
    pub fn primary_sources(&self, report: ReportId) -> Result<Vec<SourceId>, Error> {
        let primaries = self.primary_reports(report)?;
        Ok(self.speakers_of(&primaries))
    }

    /// The primary sources of a claim: those of every report of `claim` and
    /// of the claims [equivalent](Graph::equivalent_claims) to it, sorted and
    /// distinct.
    ///
    /// # Errors
    ///
    /// [`Error::UnknownClaim`] if `claim` is not in the graph.
    ///
    /// # Complexity
    ///
    /// **O(V' + E')** expected for the reports and relays reachable from the
    /// claim's reports, plus sorting.
    pub fn primary_sources_of_claim(&self, claim: ClaimId) -> Result<Vec<SourceId>, Error> {
        let roots = self.claim_reports(claim)?;
        let primaries = self.primary_reports_from(roots);
        Ok(self.speakers_of(&primaries))
    }

    /// The reports of `claim` and of its equivalent claims, sorted.
    pub(crate) fn claim_reports(&self, claim: ClaimId) -> Result<Vec<ReportId>, Error> {
        self.resolve_claim(claim)?;
        let mut reports: Vec<ReportId> = self
            .equivalent_claims(claim)
            .into_iter()
            .flat_map(|c| self.reports_of(c).iter().copied())
            .collect();
        reports.sort_unstable();
        reports.dedup();
        Ok(reports)
    }

    /// The reports relaying `report`, sorted by id. Empty for an id outside
    /// the graph.
    ///
    /// # Complexity
    ///
    /// **O(V + E)**: the graph stores relays in the relaying report only. For
    /// many such lookups, build [`relay_graph`](Graph::relay_graph) once and
    /// use [`RelayGraph::relayed_by`](crate::RelayGraph::relayed_by).
    pub fn relayed_by(&self, report: ReportId) -> Vec<ReportId> {
        self.reports()
            .filter(|(_, r)| r.relays.iter().any(|relay| relay.to == report))
            .map(|(id, _)| id)
            .collect()
    }

    /// For each report by `source`, the reports relaying it (sorted by id).
    /// Reports no one relays map to an empty list.
    fn relayers_of_reports_by(&self, source: SourceId) -> Vec<(ReportId, Vec<ReportId>)> {
        let own = self.reports_by(source);
        let position: HashMap<ReportId, usize> =
            own.iter().enumerate().map(|(i, &r)| (r, i)).collect();
        let mut relayers: Vec<Vec<ReportId>> = vec![Vec::new(); own.len()];
        for (id, report) in self.reports() {
            for relay in &report.relays {
                if let Some(&i) = position.get(&relay.to) {
                    // A report relays another once per kind: record it once.
                    if relayers[i].last() != Some(&id) {
                        relayers[i].push(id);
                    }
                }
            }
        }
        own.iter().copied().zip(relayers).collect()
    }

    /// The reports by `source` that no other report relays: the source
    /// speaks to the reader (or the document) directly, sorted by id. Empty
    /// for an unknown source.
    ///
    /// # Complexity
    ///
    /// **O(V + E)** expected (one scan of every relay).
    pub fn said_directly(&self, source: SourceId) -> Vec<ReportId> {
        self.relayers_of_reports_by(source)
            .into_iter()
            .filter(|(_, relayers)| relayers.is_empty())
            .map(|(report, _)| report)
            .collect()
    }

    /// The reports by `source` that other reports relay, each with the
    /// reports relaying it (sorted by id): the source's words reach the
    /// reader through others. Empty for an unknown source.
    ///
    /// # Complexity
    ///
    /// **O(V + E)** expected (one scan of every relay).
    pub fn attributed_through_others(&self, source: SourceId) -> Vec<(ReportId, Vec<ReportId>)> {
        self.relayers_of_reports_by(source)
            .into_iter()
            .filter(|(_, relayers)| !relayers.is_empty())
            .collect()
    }

    /// The reports by `source` that relay another report: the source acts as
    /// an intermediary, passing on what someone else said. Sorted by id;
    /// empty for an unknown source.
    ///
    /// # Complexity
    ///
    /// **O(r)** for the `r` reports of the source.
    pub fn relayed_as_intermediary(&self, source: SourceId) -> Vec<ReportId> {
        self.reports_by(source)
            .iter()
            .copied()
            .filter(|&r| {
                self.report(r)
                    .is_some_and(|report| !report.relays.is_empty())
            })
            .collect()
    }
}
