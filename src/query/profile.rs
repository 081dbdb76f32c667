//! Per-document sourcing profiles: how a document's statements are sourced.

use std::collections::BTreeMap;

use crate::error::Error;
use crate::graph::Graph;
use crate::model::{DocumentId, Mode, ReportId, SourceId, SourceKind, Voice};

use super::depth::{Condensed, Depth};
use super::relay::Reachable;

/// How a document sources what it says ([`Graph::profile`]).
///
/// The *statements* of a document are its outermost reports: the reports of
/// the document that no other report of the same document relays. They are
/// what the document itself says, attributed or in its own voice; reports
/// nested inside them ("Lee said the agency believes ...") are not counted
/// again.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Profile {
    /// The statements, in id order.
    pub statements: Vec<ReportId>,
    /// Number of statements.
    pub n_statements: usize,
    /// Statements attributed to a source (known or not).
    pub n_attributed: usize,
    /// Statements in the document's own voice.
    pub n_unattributed: usize,
    /// Number of statements per longest depth: 0 for the document's own
    /// voice, 1 for a source speaking first-hand, 2 for a source relaying
    /// another, and so on. Statements without depth are not in it.
    pub depth_histogram: BTreeMap<u32, usize>,
    /// Statements without depth: they lead only into circular reporting.
    pub n_without_depth: usize,
    /// Share of attributed statements quoted directly (mode
    /// [`Mode::Direct`]), between 0 and 1; 0 when nothing is attributed.
    pub direct_share: f64,
    /// Share of attributed statements resting on an unidentified speaker: a
    /// source of kind [`SourceKind::Unnamed`] or [`SourceKind::Group`] among
    /// the statement's speakers, or no known speaker at all. Between 0 and 1;
    /// 0 when nothing is attributed.
    pub unnamed_share: f64,
    /// Every speaker of every report of the document, sorted by id.
    pub distinct_sources: Vec<SourceId>,
    /// The primary sources of the statements, sorted by id.
    pub primary_sources: Vec<SourceId>,
}

impl Graph {
    /// The statements of `document` (see [`Profile`]), in id order.
    fn statements_of(&self, document: DocumentId) -> Vec<ReportId> {
        let in_document = self.reports_in(document);
        let reports = self.report_slice();
        let mut relayed: Vec<ReportId> = in_document
            .iter()
            .flat_map(|r| reports[r.index()].relays.iter().map(|relay| relay.to))
            .filter(|to| reports[to.index()].document == Some(document))
            .collect();
        relayed.sort_unstable();
        relayed.dedup();
        in_document
            .iter()
            .copied()
            .filter(|r| relayed.binary_search(r).is_err())
            .collect()
    }

    /// Builds a profile from the statements and two lookups.
    fn build_profile<'a>(
        &self,
        document: DocumentId,
        statements: Vec<ReportId>,
        depth_of: impl Fn(usize) -> Option<Depth>,
        primary_sources_of: impl Fn(usize) -> &'a [SourceId],
    ) -> Profile {
        let mut profile = Profile::default();
        let mut n_direct = 0usize;
        let mut n_unnamed = 0usize;
        let mut primary_sources: Vec<SourceId> = Vec::new();
        for (i, &r) in statements.iter().enumerate() {
            // Statements come from the graph's own index: valid ids.
            let report = &self.report_slice()[r.index()];
            if report.voice == Voice::Document {
                profile.n_unattributed += 1;
            } else {
                profile.n_attributed += 1;
                if report.mode == Some(Mode::Direct) {
                    n_direct += 1;
                }
                let unidentified = report.sources.is_empty()
                    || report.sources.iter().any(|&s| {
                        self.source(s).is_some_and(|s| {
                            matches!(s.kind, SourceKind::Unnamed | SourceKind::Group)
                        })
                    });
                if unidentified {
                    n_unnamed += 1;
                }
            }
            match depth_of(i) {
                Some(depth) => *profile.depth_histogram.entry(depth.longest).or_default() += 1,
                None => profile.n_without_depth += 1,
            }
            primary_sources.extend_from_slice(primary_sources_of(i));
        }
        primary_sources.sort_unstable();
        primary_sources.dedup();
        let mut distinct_sources: Vec<SourceId> = self
            .reports_in(document)
            .iter()
            .flat_map(|r| self.report_slice()[r.index()].sources.iter().copied())
            .collect();
        distinct_sources.sort_unstable();
        distinct_sources.dedup();
        let share = |n: usize| {
            if profile.n_attributed == 0 {
                0.0
            } else {
                n as f64 / profile.n_attributed as f64
            }
        };
        profile.direct_share = share(n_direct);
        profile.unnamed_share = share(n_unnamed);
        profile.n_statements = statements.len();
        profile.statements = statements;
        profile.distinct_sources = distinct_sources;
        profile.primary_sources = primary_sources;
        profile
    }

    /// The sourcing profile of `document`: its statements, how many are
    /// attributed, their depths, how many are direct quotes or rest on
    /// unidentified speakers, and the sources involved. See [`Profile`].
    ///
    /// # Errors
    ///
    /// [`Error::UnknownDocument`] if `document` is not in the graph.
    ///
    /// # Complexity
    ///
    /// **O((V' + E') · k)** expected, for the `V'` reports and `E'` relays
    /// reachable from the document's reports and `k` the largest number of
    /// primary sources of a statement. For every document at once,
    /// [`profiles`](Graph::profiles) shares one pass over the graph.
    pub fn profile(&self, document: DocumentId) -> Result<Profile, Error> {
        self.document(document)
            .ok_or(Error::UnknownDocument(document))?;
        let statements = self.statements_of(document);
        let reachable = Reachable::from_roots(self, statements.iter().copied());
        let reports = self.report_slice();
        let condensed = Condensed::compute(
            &reachable.csr,
            |v| &reports[reachable.global[v] as usize],
            true,
        );
        // Statements are distinct, so statement `i` is local node `i`.
        Ok(self.build_profile(
            document,
            statements,
            |i| condensed.depth_of_node(i),
            |i| condensed.sources_of_component(condensed.components.component_of[i] as usize),
        ))
    }

    /// The profile of every document, in id order.
    ///
    /// # Complexity
    ///
    /// **O((V + E) · k)**: one [`analyze`](Graph::analyze) pass, then a scan
    /// of every document's reports.
    pub fn profiles(&self) -> Vec<(DocumentId, Profile)> {
        let analysis = self.analyze();
        self.documents()
            .map(|(id, _)| {
                let statements = self.statements_of(id);
                let profile = self.build_profile(
                    id,
                    statements.clone(),
                    |i| analysis.depth(statements[i]),
                    |i| analysis.primary_sources(statements[i]),
                );
                (id, profile)
            })
            .collect()
    }
}
