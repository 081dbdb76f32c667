//! When claims were reported: the first report of a claim, and the reports
//! made within a period.

use crate::error::Error;
use crate::graph::Graph;
use crate::model::{ClaimId, DateRange, ReportId};

impl Graph {
    /// When `report` was made: its own time if known, else its document's
    /// date as a single day, else `None`.
    fn report_dates(&self, report: ReportId) -> Option<DateRange> {
        let stored = self.report(report)?;
        stored.time.or_else(|| {
            let document = self.document(stored.document?)?;
            document.date.map(DateRange::day)
        })
    }

    /// The earliest report of `claim` or of a claim equivalent to it: the one
    /// whose time starts first, using the document's date for a report
    /// without a time of its own. Ties go to the smaller report id. Reports
    /// with neither a time nor a dated document are ignored, so the answer is
    /// `None` when no report of the claim is dated.
    ///
    /// # Errors
    ///
    /// [`Error::UnknownClaim`] if `claim` is not in the graph.
    ///
    /// # Complexity
    ///
    /// **O(n log n)** for the `n` reports of the claim's equivalence class
    /// (they are gathered and sorted; see
    /// [`equivalent_claims`](Graph::equivalent_claims)).
    ///
    /// # Example
    ///
    /// ```
    /// use according::{Claim, Document, Graph, Report, Source};
    /// use time::macros::date;
    ///
    /// let mut graph = Graph::new();
    /// let agency = graph.add_source(Source::organization("spy agency"))?;
    /// let claim = graph.add_claim(Claim::new("troops were sent"))?;
    /// let monday = graph.add_document(Document::new().with_date(date!(2025 - 11 - 03)))?;
    /// let later = graph.add_report(Report::by(agency, claim).with_time(date!(2025 - 11 - 04)))?;
    /// let earlier = graph.add_report(Report::by(agency, claim).in_document(monday))?;
    /// assert_eq!(graph.first_report(claim)?, Some(earlier));
    /// # let _ = later;
    /// # Ok::<(), according::Error>(())
    /// ```
    pub fn first_report(&self, claim: ClaimId) -> Result<Option<ReportId>, Error> {
        let reports = self.claim_reports(claim)?;
        Ok(reports
            .into_iter()
            .filter_map(|r| self.report_dates(r).map(|range| (range.start(), r)))
            .min()
            .map(|(_, r)| r))
    }

    /// The reports made during `range`: those whose time (or, without one,
    /// their document's date) shares at least one day with it, in id order.
    /// Undated reports are left out.
    ///
    /// # Complexity
    ///
    /// **O(V)**: one scan of every report.
    pub fn reports_between(&self, range: DateRange) -> Vec<ReportId> {
        self.report_ids()
            .filter(|&r| {
                self.report_dates(r)
                    .is_some_and(|dates| dates.overlaps(range))
            })
            .collect()
    }
}
