//! The attribution graph: storage, validated insertion, merges and lookups.
//!
//! A [`Graph`] owns sources, claims, reports and documents, addressed by
//! typed ids. Every insertion checks the ids it mentions, so a graph is
//! always consistent: no dangling id, no self-relay, no unattributed report
//! in a chain, no duplicate key, every evidence span inside its document.
//! Cycles of relays (circular reporting) are allowed: they are a finding, not
//! an error.

use crate::error::Error;
use crate::key_index::KeyIndex;
use crate::model::{
    Claim, ClaimId, Document, DocumentId, Evidence, Mention, Relay, RelayKind, Report, ReportId,
    Source, SourceId, Span, Speakers, Voice,
};

/// Hash maps keyed by ids read from files: foldhash is several times faster
/// than the standard SipHash on short keys and is seeded per map.
type HashMap<K, V> = std::collections::HashMap<K, V, foldhash::fast::RandomState>;

/// A slot of the source or claim table: the item, or the record of its merge.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Slot<T, Id> {
    Live(T),
    /// Merged into `into`; `original` is the item as it was, kept so that a
    /// merge loses nothing.
    Merged {
        into: Id,
        original: T,
    },
}

impl<T, Id> Slot<T, Id> {
    fn live(&self) -> Option<&T> {
        match self {
            Slot::Live(item) => Some(item),
            Slot::Merged { .. } => None,
        }
    }
}

/// Indices derived from the stored data. Rebuilt on load; never serialized
/// and ignored by equality.
#[derive(Clone, Debug, Default)]
struct Index {
    /// Ids by key; the keys themselves are those of the items.
    source_keys: KeyIndex<SourceId>,
    claim_keys: KeyIndex<ClaimId>,
    report_keys: KeyIndex<ReportId>,
    document_keys: KeyIndex<DocumentId>,
    /// Reports naming each live source, in insertion order.
    reports_by_source: Vec<Vec<ReportId>>,
    /// Reports of each live claim, in insertion order.
    reports_by_claim: Vec<Vec<ReportId>>,
    /// Reports of each document, in insertion order.
    reports_by_document: Vec<Vec<ReportId>>,
    /// Declared equivalences, both directions.
    equivalent: HashMap<ClaimId, Vec<ClaimId>>,
    /// Total number of relays.
    n_relays: usize,
    /// Number of merged source slots.
    n_merged_sources: usize,
    /// Number of merged claim slots.
    n_merged_claims: usize,
}

/// An attribution graph: who said what, according to whom.
///
/// Sources, claims, reports and documents are added with the `add_*`
/// methods, which validate every id they are given and return the new item's
/// typed id. Reports relay other reports; relays form the chains that the
/// queries (see the [crate docs](crate)) follow down to primary sources.
///
/// # Example
///
/// ```
/// use according::{Claim, Graph, Report, Source};
///
/// let mut graph = Graph::new();
/// let agency = graph.add_source(Source::organization("Seoul's spy agency"))?;
/// let lee = graph.add_source(Source::person("Lee Seong-kweun"))?;
/// let claim = graph.add_claim(Claim::new("North Korea has sent about 5,000 troops to Russia"))?;
/// let briefing = graph.add_report(Report::by(agency, claim).with_cue("briefing"))?;
/// let said = graph.add_report(Report::by(lee, claim).with_cue("said").relaying(briefing))?;
/// assert_eq!(graph.report(said).unwrap().relays[0].to, briefing);
/// # Ok::<(), according::Error>(())
/// ```
///
/// # Complexity
///
/// Insertions are amortised **O(k)** in the number of ids the item mentions
/// (plus the length of its key, hashed). Lookups by id are **O(1)**, by key
/// **O(|key|)** expected. A graph of `n` reports with `m` relays takes
/// **O(n + m)** memory.
#[derive(Clone, Debug, Default)]
pub struct Graph {
    sources: Vec<Slot<Source, SourceId>>,
    claims: Vec<Slot<Claim, ClaimId>>,
    reports: Vec<Report>,
    documents: Vec<Document>,
    /// Declared claim equivalences, in declaration order.
    equivalences: Vec<(ClaimId, ClaimId)>,
    index: Index,
}

impl PartialEq for Graph {
    /// Two graphs are equal when their stored data is: the same items under
    /// the same ids, the same merges and the same declared equivalences.
    fn eq(&self, other: &Graph) -> bool {
        self.sources == other.sources
            && self.claims == other.claims
            && self.reports == other.reports
            && self.documents == other.documents
            && self.equivalences == other.equivalences
    }
}

impl Eq for Graph {}

fn next_id(len: usize, what: &'static str) -> Result<u32, Error> {
    // Ids are u32: a graph holds at most 2^32 - 1 items of each kind.
    u32::try_from(len)
        .ok()
        .filter(|&n| n != u32::MAX)
        .ok_or(Error::LimitExceeded {
            what,
            limit: u32::MAX as usize,
        })
}

impl Graph {
    /// An empty graph.
    pub fn new() -> Graph {
        Graph::default()
    }

    // ----- sizes -------------------------------------------------------------

    /// Number of live sources (merged ones not counted). **O(1)**.
    pub fn n_sources(&self) -> usize {
        self.sources.len() - self.index.n_merged_sources
    }

    /// Number of source slots, live or merged: one past the largest
    /// [`SourceId`] index. **O(1)**.
    pub fn source_bound(&self) -> usize {
        self.sources.len()
    }

    /// Number of live claims (merged ones not counted). **O(1)**.
    pub fn n_claims(&self) -> usize {
        self.claims.len() - self.index.n_merged_claims
    }

    /// Number of claim slots, live or merged: one past the largest
    /// [`ClaimId`] index. **O(1)**.
    pub fn claim_bound(&self) -> usize {
        self.claims.len()
    }

    /// Number of reports. Report ids are `r0 .. r{n_reports - 1}`. **O(1)**.
    pub fn n_reports(&self) -> usize {
        self.reports.len()
    }

    /// Number of documents. **O(1)**.
    pub fn n_documents(&self) -> usize {
        self.documents.len()
    }

    /// Number of relays (edges between reports). **O(1)**.
    pub fn n_relays(&self) -> usize {
        self.index.n_relays
    }

    /// Whether the graph holds nothing at all. **O(1)**.
    pub fn is_empty(&self) -> bool {
        self.sources.is_empty()
            && self.claims.is_empty()
            && self.reports.is_empty()
            && self.documents.is_empty()
    }

    // ----- insertion ---------------------------------------------------------

    /// Adds a source and returns its id.
    ///
    /// # Errors
    ///
    /// - [`Error::UnknownSource`] if the affiliation names no source;
    /// - [`Error::UnknownDocument`] or [`Error::InvalidSpan`] if a mention
    ///   points outside the graph's documents;
    /// - [`Error::DuplicateKey`] if the key is taken.
    pub fn add_source(&mut self, mut source: Source) -> Result<SourceId, Error> {
        let id = SourceId::new(next_id(self.sources.len(), "number of sources")?);
        if let Some(principal) = source.affiliation {
            // A new source cannot be anyone's principal yet, so no cycle can form.
            source.affiliation = Some(self.resolve_source(principal)?);
        }
        for mention in &source.mentions {
            self.check_mention(mention)?;
        }
        if let Some(key) = &source.key {
            insert_key(&mut self.index.source_keys, key, id, "source", |i| {
                key_at(&self.sources, i.index())
            })?;
        }
        self.sources.push(Slot::Live(source));
        self.index.reports_by_source.push(Vec::new());
        Ok(id)
    }

    /// Adds a claim and returns its id.
    ///
    /// # Errors
    ///
    /// [`Error::DuplicateKey`] if the key is taken.
    pub fn add_claim(&mut self, claim: Claim) -> Result<ClaimId, Error> {
        let id = ClaimId::new(next_id(self.claims.len(), "number of claims")?);
        if let Some(key) = &claim.key {
            insert_key(&mut self.index.claim_keys, key, id, "claim", |i| {
                key_at(&self.claims, i.index())
            })?;
        }
        self.claims.push(Slot::Live(claim));
        self.index.reports_by_claim.push(Vec::new());
        Ok(id)
    }

    /// Adds a document and returns its id.
    ///
    /// # Errors
    ///
    /// [`Error::UnknownSource`] if the publisher names no source,
    /// [`Error::DuplicateKey`] if the key is taken.
    pub fn add_document(&mut self, mut document: Document) -> Result<DocumentId, Error> {
        let id = DocumentId::new(next_id(self.documents.len(), "number of documents")?);
        if let Some(publisher) = document.publisher {
            document.publisher = Some(self.resolve_source(publisher)?);
        }
        if let Some(key) = &document.key {
            insert_key(&mut self.index.document_keys, key, id, "document", |i| {
                key_at(&self.documents, i.index())
            })?;
        }
        self.documents.push(document);
        self.index.reports_by_document.push(Vec::new());
        Ok(id)
    }

    /// Adds a report and returns its id.
    ///
    /// Ids of merged sources and claims are accepted and stored as the id
    /// they were merged into. A source listed twice is stored once.
    ///
    /// # Errors
    ///
    /// - [`Error::UnknownSource`], [`Error::UnknownClaim`],
    ///   [`Error::UnknownDocument`], [`Error::UnknownReport`] for dangling ids;
    /// - [`Error::UnattributedRelay`] if a report in a document's own voice
    ///   has sources or relays, or if a relay points to such a report;
    /// - [`Error::EvidenceWithoutDocument`] or [`Error::InvalidSpan`] for
    ///   evidence that does not fit the document's text;
    /// - [`Error::DuplicateKey`] if the key is taken.
    pub fn add_report(&mut self, mut report: Report) -> Result<ReportId, Error> {
        let id = ReportId::new(next_id(self.reports.len(), "number of reports")?);
        let mut sources = Speakers::new();
        for &source in &report.sources {
            let source = self.resolve_source(source)?;
            if !sources.contains(&source) {
                sources.push(source);
            }
        }
        report.sources = sources;
        if let Some(claim) = report.claim {
            report.claim = Some(self.resolve_claim(claim)?);
        }
        if let Some(document) = report.document {
            self.document(document)
                .ok_or(Error::UnknownDocument(document))?;
        }
        if report.voice == Voice::Document
            && !(report.sources.is_empty() && report.relays.is_empty())
        {
            return Err(Error::UnattributedRelay(id));
        }
        for relay in &report.relays {
            self.check_relay_target(relay.to)?;
        }
        if let Some(evidence) = &report.evidence {
            self.check_evidence(report.document, evidence)?;
        }
        if let Some(key) = &report.key {
            insert_key(&mut self.index.report_keys, key, id, "report", |i| {
                key_at(&self.reports, i.index())
            })?;
        }
        for &source in &report.sources {
            self.index.reports_by_source[source.index()].push(id);
        }
        if let Some(claim) = report.claim {
            self.index.reports_by_claim[claim.index()].push(id);
        }
        if let Some(document) = report.document {
            self.index.reports_by_document[document.index()].push(id);
        }
        self.index.n_relays += report.relays.len();
        self.reports.push(report);
        Ok(id)
    }

    /// Makes report `from` relay report `to`. Unlike the relays given to
    /// [`add_report`](Graph::add_report), this can point to a report added
    /// later, and so can close a cycle (circular reporting is representable).
    ///
    /// # Errors
    ///
    /// [`Error::UnknownReport`], [`Error::SelfRelay`] or
    /// [`Error::UnattributedRelay`] (either end in a document's own voice).
    ///
    /// The same relay may be recorded twice (a source that cites a report in
    /// two places); the graph keeps what it is given, and the queries count
    /// parallel relays once.
    ///
    /// # Complexity
    ///
    /// **O(1)** amortised.
    pub fn add_relay(
        &mut self,
        from: ReportId,
        to: ReportId,
        kind: RelayKind,
    ) -> Result<(), Error> {
        let source = self.report(from).ok_or(Error::UnknownReport(from))?;
        if source.voice == Voice::Document {
            return Err(Error::UnattributedRelay(from));
        }
        if from == to {
            return Err(Error::SelfRelay(from));
        }
        self.check_relay_target(to)?;
        self.reports[from.index()].relays.push(Relay { to, kind });
        self.index.n_relays += 1;
        Ok(())
    }

    /// Adds a mention to a source (resolving merges).
    ///
    /// # Errors
    ///
    /// [`Error::UnknownSource`], and [`Error::UnknownDocument`] or
    /// [`Error::InvalidSpan`] for a mention outside the graph's documents.
    pub fn add_mention(&mut self, source: SourceId, mention: Mention) -> Result<(), Error> {
        let source = self.resolve_source(source)?;
        self.check_mention(&mention)?;
        self.source_mut(source).mentions.push(mention);
        Ok(())
    }

    /// Sets (or clears) the source that `source` speaks on behalf of.
    ///
    /// # Errors
    ///
    /// [`Error::UnknownSource`], [`Error::SelfAffiliation`], or
    /// [`Error::AffiliationCycle`] if `principal` already acts, directly or
    /// through others, on behalf of `source`.
    ///
    /// # Complexity
    ///
    /// **O(length of the principal's affiliation chain)**.
    pub fn set_affiliation(
        &mut self,
        source: SourceId,
        principal: Option<SourceId>,
    ) -> Result<(), Error> {
        let source = self.resolve_source(source)?;
        let principal = principal.map(|p| self.resolve_source(p)).transpose()?;
        if let Some(principal) = principal {
            if principal == source {
                return Err(Error::SelfAffiliation(source));
            }
            // Walk up from the principal; the chain is acyclic by this very check,
            // so it ends within `sources.len()` steps.
            let mut current = principal;
            while let Some(next) = self.live_source(current).and_then(|s| s.affiliation) {
                if next == source {
                    return Err(Error::AffiliationCycle(source));
                }
                current = next;
            }
        }
        self.source_mut(source).affiliation = principal;
        Ok(())
    }

    /// Declares two claims equivalent: the same proposition, worded
    /// differently. Equivalence is symmetric and transitive; see
    /// [`equivalent_claims`](Graph::equivalent_claims). Declaring a claim
    /// equivalent to itself, or a pair twice, changes nothing.
    ///
    /// # Errors
    ///
    /// [`Error::UnknownClaim`].
    pub fn declare_equivalent(&mut self, a: ClaimId, b: ClaimId) -> Result<(), Error> {
        let a = self.resolve_claim(a)?;
        let b = self.resolve_claim(b)?;
        if a == b
            || self
                .index
                .equivalent
                .get(&a)
                .is_some_and(|v| v.contains(&b))
        {
            return Ok(());
        }
        self.equivalences.push((a, b));
        self.index.equivalent.entry(a).or_default().push(b);
        self.index.equivalent.entry(b).or_default().push(a);
        Ok(())
    }

    // ----- merges ------------------------------------------------------------

    /// Merges source `absorbed` into source `kept` (entity resolution: "the
    /// lawmaker" is "Lee Seong-kweun"). Every report, document and
    /// affiliation naming `absorbed` now names `kept`; `kept` gains the
    /// other's name as an alias, its descriptors, mentions and, where it has
    /// none, its reliability and affiliation (an affiliation of one to the
    /// other disappears: a source does not act on behalf of itself). The absorbed source's record is
    /// kept as it was, and its id (and key) keep resolving to `kept`. Returns
    /// the id of the merged source.
    ///
    /// # Errors
    ///
    /// [`Error::UnknownSource`], [`Error::SelfMerge`] (also when both ids
    /// already resolve to the same source), [`Error::AffiliationCycle`] if the
    /// merged source would act, through others, on behalf of itself (nothing
    /// is changed then).
    ///
    /// # Complexity
    ///
    /// **O(r + s + d)** for `r` reports of `absorbed`, `s` sources and `d`
    /// documents (affiliations and publishers are rewritten by a scan).
    pub fn merge_sources(&mut self, kept: SourceId, absorbed: SourceId) -> Result<SourceId, Error> {
        let kept = self.resolve_source(kept)?;
        let absorbed = self.resolve_source(absorbed)?;
        if kept == absorbed {
            return Err(Error::SelfMerge(kept));
        }
        // After the merge, anyone acting for `absorbed` acts for `kept`, and
        // `kept` inherits the absorbed source's affiliation if it has none. Any
        // cycle that creates passes through `kept`: walk up from it, on the
        // affiliations as they will be, before changing anything.
        let merged_affiliation = |id: SourceId| if id == absorbed { kept } else { id };
        let kept_affiliation = self
            .live_source(kept)
            .and_then(|s| s.affiliation)
            .or_else(|| self.live_source(absorbed).and_then(|s| s.affiliation))
            .map(merged_affiliation)
            .filter(|&p| p != kept);
        let mut current = kept_affiliation;
        let mut steps = 0;
        while let Some(next) = current {
            if next == kept || steps > self.sources.len() {
                return Err(Error::AffiliationCycle(kept));
            }
            steps += 1;
            current = self
                .live_source(next)
                .and_then(|s| s.affiliation)
                .map(merged_affiliation);
        }
        let original = match std::mem::replace(
            &mut self.sources[absorbed.index()],
            Slot::Merged {
                into: kept,
                original: Source::default(),
            },
        ) {
            Slot::Live(source) => source,
            Slot::Merged { .. } => unreachable!("resolve_source returns live sources"),
        };
        {
            let target = self.source_mut(kept);
            if original.name != target.name && !target.aliases.contains(&original.name) {
                target.aliases.push(original.name.clone());
            }
            for alias in &original.aliases {
                if *alias != target.name && !target.aliases.contains(alias) {
                    target.aliases.push(alias.clone());
                }
            }
            for descriptor in &original.descriptors {
                if !target.descriptors.contains(descriptor) {
                    target.descriptors.push(descriptor.clone());
                }
            }
            target.mentions.extend(original.mentions.iter().cloned());
            if target.reliability.is_none() {
                target.reliability = original.reliability;
            }
            target.affiliation = kept_affiliation;
        }
        if let Slot::Merged { original: slot, .. } = &mut self.sources[absorbed.index()] {
            *slot = original;
        }
        // Rewrite reports. A joint report by both keeps one entry.
        self.index.n_merged_sources += 1;
        let moved = std::mem::take(&mut self.index.reports_by_source[absorbed.index()]);
        for &report in &moved {
            let sources = &mut self.reports[report.index()].sources;
            let had_kept = sources.contains(&kept);
            if had_kept {
                sources.retain(|&s| s != absorbed);
            } else if let Some(s) = sources.iter_mut().find(|s| **s == absorbed) {
                *s = kept;
            }
        }
        let by_kept = &mut self.index.reports_by_source[kept.index()];
        by_kept.extend(moved);
        by_kept.sort_unstable();
        by_kept.dedup();
        for slot in &mut self.sources {
            if let Slot::Live(source) = slot
                && source.affiliation == Some(absorbed)
            {
                source.affiliation = Some(kept);
            }
        }
        for document in &mut self.documents {
            if document.publisher == Some(absorbed) {
                document.publisher = Some(kept);
            }
        }
        Ok(kept)
    }

    /// Merges claim `absorbed` into claim `kept`: every report of `absorbed`
    /// now reports `kept`, and declared equivalences follow. The absorbed
    /// claim's record is kept as it was, and its id and key keep resolving
    /// to `kept`. Returns the id of the merged claim.
    ///
    /// # Errors
    ///
    /// [`Error::UnknownClaim`], [`Error::SelfClaimMerge`].
    ///
    /// # Complexity
    ///
    /// **O(r + q)** for `r` reports of `absorbed` and `q` declared equivalences.
    pub fn merge_claims(&mut self, kept: ClaimId, absorbed: ClaimId) -> Result<ClaimId, Error> {
        let kept = self.resolve_claim(kept)?;
        let absorbed = self.resolve_claim(absorbed)?;
        if kept == absorbed {
            return Err(Error::SelfClaimMerge(kept));
        }
        let original = match std::mem::replace(
            &mut self.claims[absorbed.index()],
            Slot::Merged {
                into: kept,
                original: Claim::default(),
            },
        ) {
            Slot::Live(claim) => claim,
            Slot::Merged { .. } => unreachable!("resolve_claim returns live claims"),
        };
        if let Slot::Merged { original: slot, .. } = &mut self.claims[absorbed.index()] {
            *slot = original;
        }
        self.index.n_merged_claims += 1;
        let moved = std::mem::take(&mut self.index.reports_by_claim[absorbed.index()]);
        for &report in &moved {
            self.reports[report.index()].claim = Some(kept);
        }
        let by_kept = &mut self.index.reports_by_claim[kept.index()];
        by_kept.extend(moved);
        by_kept.sort_unstable();
        // Equivalences: rewrite, drop those that became trivial or repeated.
        let declared = std::mem::take(&mut self.equivalences);
        self.index.equivalent.clear();
        for (a, b) in declared {
            let a = if a == absorbed { kept } else { a };
            let b = if b == absorbed { kept } else { b };
            // Cannot fail: both ids are live.
            self.declare_equivalent(a, b)?;
        }
        Ok(kept)
    }

    // ----- lookups -----------------------------------------------------------

    /// The id that `source` resolves to: itself if live, else the source it
    /// was (possibly transitively) merged into.
    ///
    /// # Errors
    ///
    /// [`Error::UnknownSource`] if the id names no slot of this graph.
    ///
    /// # Complexity
    ///
    /// **O(number of merges on the way)**.
    pub fn resolve_source(&self, source: SourceId) -> Result<SourceId, Error> {
        let mut current = source;
        loop {
            match self.sources.get(current.index()) {
                None => return Err(Error::UnknownSource(source)),
                Some(Slot::Live(_)) => return Ok(current),
                Some(Slot::Merged { into, .. }) => current = *into,
            }
        }
    }

    /// The id that `claim` resolves to, following merges.
    ///
    /// # Errors
    ///
    /// [`Error::UnknownClaim`] if the id names no slot of this graph.
    pub fn resolve_claim(&self, claim: ClaimId) -> Result<ClaimId, Error> {
        let mut current = claim;
        loop {
            match self.claims.get(current.index()) {
                None => return Err(Error::UnknownClaim(claim)),
                Some(Slot::Live(_)) => return Ok(current),
                Some(Slot::Merged { into, .. }) => current = *into,
            }
        }
    }

    /// The source `id` resolves to (following merges), or `None` if the id
    /// names nothing in this graph.
    pub fn source(&self, id: SourceId) -> Option<&Source> {
        self.resolve_source(id)
            .ok()
            .and_then(|id| self.live_source(id))
    }

    /// The claim `id` resolves to (following merges), or `None`.
    pub fn claim(&self, id: ClaimId) -> Option<&Claim> {
        let id = self.resolve_claim(id).ok()?;
        self.claims[id.index()].live()
    }

    /// The report `id`, or `None`. **O(1)**.
    pub fn report(&self, id: ReportId) -> Option<&Report> {
        self.reports.get(id.index())
    }

    /// The document `id`, or `None`. **O(1)**.
    pub fn document(&self, id: DocumentId) -> Option<&Document> {
        self.documents.get(id.index())
    }

    /// If `id` was merged, the source it was merged into and its record as it
    /// was before the merge.
    pub fn merged_source(&self, id: SourceId) -> Option<(SourceId, &Source)> {
        match self.sources.get(id.index())? {
            Slot::Live(_) => None,
            Slot::Merged { into, original } => Some((*into, original)),
        }
    }

    /// If `id` was merged, the claim it was merged into and its record as it
    /// was before the merge.
    pub fn merged_claim(&self, id: ClaimId) -> Option<(ClaimId, &Claim)> {
        match self.claims.get(id.index())? {
            Slot::Live(_) => None,
            Slot::Merged { into, original } => Some((*into, original)),
        }
    }

    /// The source with external key `key` (following merges).
    pub fn source_by_key(&self, key: &str) -> Option<SourceId> {
        let id = self
            .index
            .source_keys
            .get(key, |i| key_at(&self.sources, i.index()))?;
        self.resolve_source(id).ok()
    }

    /// The claim with external key `key` (following merges).
    pub fn claim_by_key(&self, key: &str) -> Option<ClaimId> {
        let id = self
            .index
            .claim_keys
            .get(key, |i| key_at(&self.claims, i.index()))?;
        self.resolve_claim(id).ok()
    }

    /// The report with external key `key`.
    pub fn report_by_key(&self, key: &str) -> Option<ReportId> {
        self.index
            .report_keys
            .get(key, |i| key_at(&self.reports, i.index()))
    }

    /// The document with external key `key`.
    pub fn document_by_key(&self, key: &str) -> Option<DocumentId> {
        self.index
            .document_keys
            .get(key, |i| key_at(&self.documents, i.index()))
    }

    /// Every live source with its id, in id order.
    pub fn sources(&self) -> impl Iterator<Item = (SourceId, &Source)> + Clone + '_ {
        self.sources
            .iter()
            .enumerate()
            .filter_map(|(i, slot)| slot.live().map(|s| (SourceId::new(i as u32), s)))
    }

    /// Every live claim with its id, in id order.
    pub fn claims(&self) -> impl Iterator<Item = (ClaimId, &Claim)> + Clone + '_ {
        self.claims
            .iter()
            .enumerate()
            .filter_map(|(i, slot)| slot.live().map(|c| (ClaimId::new(i as u32), c)))
    }

    /// Every report with its id, in id order.
    pub fn reports(&self) -> impl ExactSizeIterator<Item = (ReportId, &Report)> + Clone + '_ {
        self.reports
            .iter()
            .enumerate()
            .map(|(i, r)| (ReportId::new(i as u32), r))
    }

    /// Every report id, in order. **O(1)** to create.
    pub fn report_ids(
        &self,
    ) -> impl ExactSizeIterator<Item = ReportId> + DoubleEndedIterator + Clone {
        (0..self.reports.len() as u32).map(ReportId::new)
    }

    /// Every document with its id, in id order.
    pub fn documents(&self) -> impl ExactSizeIterator<Item = (DocumentId, &Document)> + Clone + '_ {
        self.documents
            .iter()
            .enumerate()
            .map(|(i, d)| (DocumentId::new(i as u32), d))
    }

    /// The reports naming `source` among their speakers, in id order. Empty
    /// for an unknown id. **O(1)** plus the merge resolution.
    pub fn reports_by(&self, source: SourceId) -> &[ReportId] {
        match self.resolve_source(source) {
            Ok(id) => &self.index.reports_by_source[id.index()],
            Err(_) => &[],
        }
    }

    /// The reports of `claim` (not of its equivalents), in id order. Empty
    /// for an unknown id.
    pub fn reports_of(&self, claim: ClaimId) -> &[ReportId] {
        match self.resolve_claim(claim) {
            Ok(id) => &self.index.reports_by_claim[id.index()],
            Err(_) => &[],
        }
    }

    /// The reports in `document`, in id order. Empty for an unknown id.
    pub fn reports_in(&self, document: DocumentId) -> &[ReportId] {
        self.index
            .reports_by_document
            .get(document.index())
            .map_or(&[], Vec::as_slice)
    }

    /// The declared claim equivalences, in declaration order (after merges).
    pub fn equivalences(&self) -> &[(ClaimId, ClaimId)] {
        &self.equivalences
    }

    /// `claim` and every claim declared equivalent to it, directly or
    /// transitively, sorted by id. Empty for an unknown id.
    ///
    /// # Complexity
    ///
    /// **O(k log k)** for a class of `k` claims and the declarations among them
    /// (an iterative breadth-first search).
    pub fn equivalent_claims(&self, claim: ClaimId) -> Vec<ClaimId> {
        let Ok(claim) = self.resolve_claim(claim) else {
            return Vec::new();
        };
        let mut class = vec![claim];
        let mut next = 0;
        while next < class.len() {
            let current = class[next];
            next += 1;
            for &other in self
                .index
                .equivalent
                .get(&current)
                .map_or(&[][..], Vec::as_slice)
            {
                if !class.contains(&other) {
                    class.push(other);
                }
            }
        }
        class.sort_unstable();
        class
    }

    // ----- internals ---------------------------------------------------------

    fn live_source(&self, id: SourceId) -> Option<&Source> {
        self.sources.get(id.index()).and_then(Slot::live)
    }

    fn source_mut(&mut self, id: SourceId) -> &mut Source {
        match &mut self.sources[id.index()] {
            Slot::Live(source) => source,
            Slot::Merged { .. } => unreachable!("callers pass resolved ids"),
        }
    }

    fn check_relay_target(&self, to: ReportId) -> Result<(), Error> {
        let target = self.report(to).ok_or(Error::UnknownReport(to))?;
        if target.voice == Voice::Document {
            return Err(Error::UnattributedRelay(to));
        }
        Ok(())
    }

    fn check_mention(&self, mention: &Mention) -> Result<(), Error> {
        match (mention.document, mention.span) {
            (Some(document), span) => {
                let doc = self
                    .document(document)
                    .ok_or(Error::UnknownDocument(document))?;
                if let Some(span) = span {
                    check_span(document, doc, span)?;
                }
                Ok(())
            }
            (None, Some(_)) => Err(Error::EvidenceWithoutDocument),
            (None, None) => Ok(()),
        }
    }

    fn check_evidence(
        &self,
        document: Option<DocumentId>,
        evidence: &Evidence,
    ) -> Result<(), Error> {
        if evidence.is_empty() {
            return Ok(());
        }
        let document = document.ok_or(Error::EvidenceWithoutDocument)?;
        let doc = self
            .document(document)
            .ok_or(Error::UnknownDocument(document))?;
        evidence
            .spans()
            .try_for_each(|span| check_span(document, doc, span))
    }

    // ----- raw access for the formats ----------------------------------------

    /// Makes room for `additional` more reports, `keyed` of them with a
    /// key, so that a reader that knows how many it will add does not leave
    /// the report table with spare room (nor hold two copies of it while it
    /// grows), nor grow the key index step by step.
    pub(crate) fn reserve_reports(&mut self, additional: usize, keyed: usize) {
        self.reports.reserve_exact(additional);
        self.index.report_keys.reserve(keyed);
    }

    /// The stored source slots, merged ones included (for serialisation).
    pub(crate) fn source_slots(&self) -> &[Slot<Source, SourceId>] {
        &self.sources
    }

    /// The stored claim slots, merged ones included (for serialisation).
    pub(crate) fn claim_slots(&self) -> &[Slot<Claim, ClaimId>] {
        &self.claims
    }

    /// The stored reports (for the query layer's flat views).
    pub(crate) fn report_slice(&self) -> &[Report] {
        &self.reports
    }

    /// Appends `documents`, given all at once by a reader of a file, and
    /// returns the graph: the same as adding each in order with
    /// [`add_document`](Graph::add_document), with the same checks and
    /// errors. `wrap` turns an error about document `id` into the one
    /// returned. **O(n)**.
    pub(crate) fn with_documents(
        mut self,
        mut documents: Vec<Document>,
        wrap: impl Fn(DocumentId, Error) -> Error,
    ) -> Result<Graph, Error> {
        let base = self.documents.len();
        let total = base.saturating_add(documents.len());
        if total > 0 {
            next_id(total - 1, "number of documents")?;
        }
        for i in 0..documents.len() {
            let id = DocumentId::new((base + i) as u32);
            if let Some(publisher) = documents[i].publisher {
                documents[i].publisher =
                    Some(self.resolve_source(publisher).map_err(|e| wrap(id, e))?);
            }
            if let Some(key) = &documents[i].key {
                let known = &self.documents;
                insert_key(
                    &mut self.index.document_keys,
                    key,
                    id,
                    "document",
                    |d| match d.index().checked_sub(base) {
                        Some(j) => key_at(&documents, j),
                        None => key_at(known, d.index()),
                    },
                )
                .map_err(|e| wrap(id, e))?;
            }
        }
        self.index.reports_by_document.resize_with(total, Vec::new);
        if self.documents.is_empty() {
            documents.shrink_to_fit();
            self.documents = documents;
        } else {
            self.documents.append(&mut documents);
        }
        Ok(self)
    }

    /// Appends `reports`, given all at once by a reader of a file, and
    /// returns the graph. The result is the same as adding each report in
    /// order with [`add_report`](Graph::add_report), its relays set aside,
    /// then every relay in order with [`add_relay`](Graph::add_relay) (so a
    /// relay may point to a later report); the checks are the same, in the
    /// same order, and a report in a document's own voice that has relays is
    /// an [`Error::UnattributedRelay`] right after its own checks. `wrap`
    /// turns an error about report `id` into the one returned. The graph is
    /// consumed: a failed load leaves nothing half-built.
    ///
    /// # Complexity
    ///
    /// **O(n + m)** for `n` reports and `m` relays; the per-source, per-claim
    /// and per-document lists are built in one pass at the end, each list
    /// allocated once.
    pub(crate) fn with_reports(
        mut self,
        mut reports: Vec<Report>,
        wrap: impl Fn(ReportId, Error) -> Error,
    ) -> Result<Graph, Error> {
        let base = self.reports.len();
        let total = base.saturating_add(reports.len());
        if total > 0 {
            // The last id must be one `add_report` would give.
            next_id(total - 1, "number of reports")?;
        }
        let id_at = |i: usize| ReportId::new((base + i) as u32);
        // Without merges, an id resolves to itself when it is in range: no
        // need to read the slot.
        let no_merged_sources = self.index.n_merged_sources == 0;
        let no_merged_claims = self.index.n_merged_claims == 0;
        self.index
            .report_keys
            .reserve(reports.iter().filter(|r| r.key.is_some()).count());

        // Each report's own checks, in order. Relays are checked here for
        // what needs no other report (self-relays, ids out of range); the
        // first failure is returned after every report's own checks, as it
        // would be by `add_relay` afterwards.
        let mut by_source: Vec<(u32, ReportId)> = Vec::with_capacity(reports.len());
        let mut by_claim: Vec<(u32, ReportId)> = Vec::with_capacity(reports.len());
        let mut by_document: Vec<(u32, ReportId)> = Vec::with_capacity(reports.len());
        let mut first_bad_relay = None;
        let mut any_in_document_voice = base > 0;
        let mut n_relays = 0;
        for i in 0..reports.len() {
            let id = id_at(i);
            let report = &mut reports[i];
            let sources = &mut report.sources;
            for source in sources.iter_mut() {
                if !(no_merged_sources && source.index() < self.sources.len()) {
                    *source = self.resolve_source(*source).map_err(|e| wrap(id, e))?;
                }
            }
            if sources.len() > 1 {
                // A source listed twice is stored once, at its first place.
                let mut kept = 0;
                for k in 0..sources.len() {
                    let source = sources[k];
                    if !sources[..kept].contains(&source) {
                        sources[kept] = source;
                        kept += 1;
                    }
                }
                sources.truncate(kept);
            }
            if let Some(claim) = report.claim
                && !(no_merged_claims && claim.index() < self.claims.len())
            {
                report.claim = Some(self.resolve_claim(claim).map_err(|e| wrap(id, e))?);
            }
            if let Some(document) = report.document
                && document.index() >= self.documents.len()
            {
                return Err(wrap(id, Error::UnknownDocument(document)));
            }
            if report.voice == Voice::Document && !report.sources.is_empty() {
                return Err(wrap(id, Error::UnattributedRelay(id)));
            }
            if let Some(evidence) = &report.evidence {
                self.check_evidence(report.document, evidence)
                    .map_err(|e| wrap(id, e))?;
            }
            let report = &reports[i];
            if let Some(key) = &report.key {
                let known = &self.reports;
                insert_key(&mut self.index.report_keys, key, id, "report", |r| match r
                    .index()
                    .checked_sub(base)
                {
                    Some(j) => key_at(&reports, j),
                    None => key_at(known, r.index()),
                })
                .map_err(|e| wrap(id, e))?;
            }
            if report.voice == Voice::Document {
                if !report.relays.is_empty() {
                    return Err(wrap(id, Error::UnattributedRelay(id)));
                }
                any_in_document_voice = true;
            }
            if first_bad_relay.is_none() {
                for relay in &report.relays {
                    if relay.to == id {
                        first_bad_relay = Some(wrap(id, Error::SelfRelay(id)));
                        break;
                    }
                    if relay.to.index() >= total {
                        first_bad_relay = Some(wrap(id, Error::UnknownReport(relay.to)));
                        break;
                    }
                }
            }
            n_relays += report.relays.len();
            by_source.extend(report.sources.iter().map(|s| (s.index() as u32, id)));
            if let Some(claim) = report.claim {
                by_claim.push((claim.index() as u32, id));
            }
            if let Some(document) = report.document {
                by_document.push((document.index() as u32, id));
            }
        }

        // Relays to a report in a document's own voice: only when there is
        // one, and then every relay in order, so that the first failure is
        // the one `add_relay` would meet first.
        if any_in_document_voice {
            let in_document_voice: Vec<bool> = self
                .reports
                .iter()
                .chain(&reports)
                .map(|r| r.voice == Voice::Document)
                .collect();
            for (i, report) in reports.iter().enumerate() {
                let from = id_at(i);
                for relay in &report.relays {
                    let to = relay.to;
                    if to == from {
                        return Err(wrap(from, Error::SelfRelay(from)));
                    }
                    match in_document_voice.get(to.index()) {
                        None => return Err(wrap(from, Error::UnknownReport(to))),
                        Some(true) => return Err(wrap(from, Error::UnattributedRelay(to))),
                        Some(false) => {}
                    }
                }
            }
        }
        if let Some(err) = first_bad_relay {
            return Err(err);
        }

        // The indices.
        self.index.n_relays += n_relays;
        append_grouped(&mut self.index.reports_by_source, &by_source);
        append_grouped(&mut self.index.reports_by_claim, &by_claim);
        append_grouped(&mut self.index.reports_by_document, &by_document);
        if self.reports.is_empty() {
            reports.shrink_to_fit();
            self.reports = reports;
        } else {
            self.reports.append(&mut reports);
        }
        Ok(self)
    }

    /// Records a merged source slot while loading a file: the slot's id is the
    /// next one, and `into` must already be a valid slot id or a later one
    /// (checked by [`Graph::finish_loading`]).
    pub(crate) fn push_merged_source(
        &mut self,
        into: SourceId,
        original: Source,
    ) -> Result<SourceId, Error> {
        let id = SourceId::new(next_id(self.sources.len(), "number of sources")?);
        if let Some(key) = &original.key {
            insert_key(&mut self.index.source_keys, key, id, "source", |i| {
                key_at(&self.sources, i.index())
            })?;
        }
        self.sources.push(Slot::Merged { into, original });
        self.index.n_merged_sources += 1;
        self.index.reports_by_source.push(Vec::new());
        Ok(id)
    }

    /// Records a merged claim slot while loading a file.
    pub(crate) fn push_merged_claim(
        &mut self,
        into: ClaimId,
        original: Claim,
    ) -> Result<ClaimId, Error> {
        let id = ClaimId::new(next_id(self.claims.len(), "number of claims")?);
        if let Some(key) = &original.key {
            insert_key(&mut self.index.claim_keys, key, id, "claim", |i| {
                key_at(&self.claims, i.index())
            })?;
        }
        self.claims.push(Slot::Merged { into, original });
        self.index.n_merged_claims += 1;
        self.index.reports_by_claim.push(Vec::new());
        Ok(id)
    }

    /// Checks that merge records point to slots of this graph and form no
    /// cycle, so that every merged id resolves to a live item. Returns the
    /// first offending id, printed.
    pub(crate) fn check_merges(&self) -> Result<(), String> {
        if let Some(i) = first_bad_merge(&self.sources, |id| id.index()) {
            return Err(format!(
                "merge record of source {} points to no live source",
                SourceId::new(i as u32)
            ));
        }
        if let Some(i) = first_bad_merge(&self.claims, |id| id.index()) {
            return Err(format!(
                "merge record of claim {} points to no live claim",
                ClaimId::new(i as u32)
            ));
        }
        Ok(())
    }
}

/// Appends to `lists[item]` the reports of `pairs` (item, report), in the
/// order given: a counting sort into one flat array, then each list extended
/// (allocated) once from its run, in item order.
fn append_grouped(lists: &mut [Vec<ReportId>], pairs: &[(u32, ReportId)]) {
    let mut starts = vec![0usize; lists.len() + 1];
    for &(item, _) in pairs {
        starts[item as usize + 1] += 1;
    }
    for i in 0..lists.len() {
        starts[i + 1] += starts[i];
    }
    let mut flat = vec![ReportId::new(0); starts[lists.len()]];
    let mut next = starts.clone();
    for &(item, report) in pairs {
        let item = item as usize;
        flat[next[item]] = report;
        next[item] += 1;
    }
    for (item, list) in lists.iter_mut().enumerate() {
        let run = &flat[starts[item]..starts[item + 1]];
        if list.is_empty() {
            if !run.is_empty() {
                *list = run.to_vec();
            }
        } else {
            list.extend_from_slice(run);
        }
    }
}

/// The first merged slot that does not resolve to a live slot (it points out
/// of the table, or into a cycle of merges). Iterative, **O(slots)**.
fn first_bad_merge<T, Id: Copy>(
    slots: &[Slot<T, Id>],
    index: impl Fn(Id) -> usize,
) -> Option<usize> {
    const UNSEEN: u8 = 0;
    const ON_WALK: u8 = 1;
    const RESOLVES: u8 = 2;
    let mut state = vec![UNSEEN; slots.len()];
    let mut walk = Vec::new();
    for start in 0..slots.len() {
        walk.clear();
        let mut current = start;
        loop {
            if state[current] == RESOLVES {
                break;
            }
            if state[current] == ON_WALK {
                return Some(start);
            }
            match &slots[current] {
                Slot::Live(_) => break,
                Slot::Merged { into, .. } => {
                    state[current] = ON_WALK;
                    walk.push(current);
                    current = index(*into);
                    if current >= slots.len() {
                        return Some(start);
                    }
                }
            }
        }
        for &i in &walk {
            state[i] = RESOLVES;
        }
    }
    None
}

fn check_span(document: DocumentId, doc: &Document, span: Span) -> Result<(), Error> {
    let invalid = |reason| Error::InvalidSpan {
        document,
        start: span.start(),
        end: span.end(),
        reason,
    };
    if let Some(text) = &doc.text {
        if span.end() > text.len() {
            return Err(invalid("past the end of the text"));
        }
        if !text.is_char_boundary(span.start()) || !text.is_char_boundary(span.end()) {
            return Err(invalid("not on a character boundary"));
        }
    }
    Ok(())
}

fn insert_key<'a, Id: Copy>(
    keys: &mut KeyIndex<Id>,
    key: &str,
    id: Id,
    kind: &'static str,
    key_of: impl Fn(Id) -> Option<&'a str>,
) -> Result<(), Error> {
    if keys.insert(key, id, key_of) {
        Ok(())
    } else {
        Err(Error::DuplicateKey {
            kind,
            key: key.to_owned(),
        })
    }
}

/// Items that may have an external key.
trait Keyed {
    fn key(&self) -> Option<&str>;
}

macro_rules! keyed {
    ($($item:ty),*) => {$(
        impl Keyed for $item {
            fn key(&self) -> Option<&str> {
                self.key.as_deref()
            }
        }
    )*};
}
keyed!(Source, Claim, Report, Document);

impl<T: Keyed, Id> Keyed for Slot<T, Id> {
    /// A merged slot keeps its key: it still resolves, to the item it was
    /// merged into.
    fn key(&self) -> Option<&str> {
        match self {
            Slot::Live(item) | Slot::Merged { original: item, .. } => item.key(),
        }
    }
}

/// The key of the item at `index` of `items`, if any.
fn key_at<T: Keyed>(items: &[T], index: usize) -> Option<&str> {
    items.get(index).and_then(Keyed::key)
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    /// Sources s0..s2 (s2 merged into s0), claims c0..c2 (c2 merged into
    /// c1), documents d0 (with text) and d1, and `n_before` reports already
    /// in (the last one in a document's own voice).
    fn base(n_before: usize) -> Graph {
        let mut graph = Graph::new();
        for name in ["a", "b", "c"] {
            graph
                .add_source(Source::person(name).with_key(name))
                .unwrap();
        }
        graph
            .merge_sources(SourceId::new(0), SourceId::new(2))
            .unwrap();
        for content in ["x", "y", "z"] {
            graph.add_claim(Claim::new(content)).unwrap();
        }
        graph
            .merge_claims(ClaimId::new(1), ClaimId::new(2))
            .unwrap();
        graph
            .add_document(Document::new().with_text("abé"))
            .unwrap();
        graph.add_document(Document::new()).unwrap();
        for k in 0..n_before {
            let mut report =
                Report::by(SourceId::new(1), ClaimId::new(0)).with_key(format!("b{k}"));
            if k + 1 == n_before {
                report = Report {
                    voice: Voice::Document,
                    ..Report::default()
                };
            }
            graph.add_report(report).unwrap();
        }
        graph
    }

    fn arb_report() -> impl Strategy<Value = Report> {
        (
            prop::collection::vec(0u32..4, 0..3),
            prop::option::of(0u32..4),
            prop::option::of(0u32..3),
            prop::bool::weighted(0.15),
            prop::collection::vec(0u32..9, 0..3),
            prop::option::of((0usize..5, 0usize..5)),
            prop::option::of(prop::sample::select(vec!["k", "l", "m", "b0"])),
        )
            .prop_map(
                |(sources, claim, document, in_document_voice, relays, span, key)| Report {
                    sources: sources.into_iter().map(SourceId::new).collect(),
                    voice: if in_document_voice {
                        Voice::Document
                    } else {
                        Voice::Source
                    },
                    claim: claim.map(ClaimId::new),
                    document: document.map(DocumentId::new),
                    relays: relays
                        .into_iter()
                        .map(|to| Relay {
                            to: ReportId::new(to),
                            kind: RelayKind::Quotation,
                        })
                        .collect(),
                    evidence: span.and_then(|(a, b)| {
                        let span = Span::new(a.min(b), a.max(b)).ok()?;
                        Some(Box::new(Evidence {
                            cue: vec![span],
                            ..Evidence::default()
                        }))
                    }),
                    key: key.map(str::to_owned),
                    ..Report::default()
                },
            )
    }

    fn wrap(id: ReportId, err: Error) -> Error {
        Error::InvalidValue {
            what: "report",
            value: format!("{id}: {err}"),
        }
    }

    /// What `with_reports` promises: `add_report` without relays, in order,
    /// then every relay with `add_relay`.
    fn one_by_one(mut graph: Graph, reports: Vec<Report>) -> Result<Graph, Error> {
        let base = graph.n_reports();
        let mut relays = Vec::new();
        for (i, mut report) in reports.into_iter().enumerate() {
            let id = ReportId::new((base + i) as u32);
            let own = std::mem::take(&mut report.relays);
            let in_document_voice = report.voice == Voice::Document;
            graph.add_report(report).map_err(|e| wrap(id, e))?;
            if in_document_voice && !own.is_empty() {
                return Err(wrap(id, Error::UnattributedRelay(id)));
            }
            relays.push((id, own));
        }
        for (id, own) in relays {
            for relay in own {
                graph
                    .add_relay(id, relay.to, relay.kind)
                    .map_err(|e| wrap(id, e))?;
            }
        }
        Ok(graph)
    }

    /// What `with_documents` promises: `add_document`, in order.
    fn documents_one_by_one(mut graph: Graph, documents: Vec<Document>) -> Result<Graph, Error> {
        let base = graph.n_documents();
        for (i, document) in documents.into_iter().enumerate() {
            let id = DocumentId::new((base + i) as u32);
            graph
                .add_document(document)
                .map_err(|e| Error::InvalidValue {
                    what: "document",
                    value: format!("{id}: {e}"),
                })?;
        }
        Ok(graph)
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        #[test]
        fn with_documents_is_add_document(
            n_before in 0usize..3,
            plans in prop::collection::vec(
                (prop::option::of(0u32..4), prop::option::of(prop::sample::select(vec!["p", "q"]))),
                0..6,
            ),
        ) {
            let documents: Vec<Document> = plans
                .into_iter()
                .map(|(publisher, key)| Document {
                    publisher: publisher.map(SourceId::new),
                    key: key.map(str::to_owned),
                    ..Document::default()
                })
                .collect();
            let expected = documents_one_by_one(base(n_before), documents.clone());
            let got = base(n_before).with_documents(documents, |id, e| Error::InvalidValue {
                what: "document",
                value: format!("{id}: {e}"),
            });
            match (&got, &expected) {
                (Ok(got), Ok(expected)) => {
                    prop_assert_eq!(got, expected);
                    for d in 0..9 {
                        let d = DocumentId::new(d);
                        prop_assert_eq!(got.reports_in(d), expected.reports_in(d));
                    }
                    for key in ["p", "q"] {
                        prop_assert_eq!(got.document_by_key(key), expected.document_by_key(key));
                    }
                }
                (Err(got), Err(expected)) => prop_assert_eq!(got.to_string(), expected.to_string()),
                _ => prop_assert!(false, "{:?} against {:?}", got.as_ref().err(), expected.as_ref().err()),
            }
        }

        #[test]
        fn with_reports_is_add_report_then_add_relay(
            n_before in 0usize..3,
            reports in prop::collection::vec(arb_report(), 0..7),
        ) {
            let expected = one_by_one(base(n_before), reports.clone());
            let got = base(n_before).with_reports(reports, wrap);
            match (&got, &expected) {
                (Ok(got), Ok(expected)) => {
                    prop_assert_eq!(got, expected);
                    prop_assert_eq!(got.n_relays(), expected.n_relays());
                    for s in 0..4 {
                        let s = SourceId::new(s);
                        prop_assert_eq!(got.reports_by(s), expected.reports_by(s));
                    }
                    for c in 0..4 {
                        let c = ClaimId::new(c);
                        prop_assert_eq!(got.reports_of(c), expected.reports_of(c));
                    }
                    for d in 0..3 {
                        let d = DocumentId::new(d);
                        prop_assert_eq!(got.reports_in(d), expected.reports_in(d));
                    }
                    for key in ["k", "l", "m", "b0", "b1", "a"] {
                        prop_assert_eq!(got.report_by_key(key), expected.report_by_key(key));
                        prop_assert_eq!(got.source_by_key(key), expected.source_by_key(key));
                    }
                }
                (Err(got), Err(expected)) => {
                    prop_assert_eq!(got.to_string(), expected.to_string());
                }
                _ => prop_assert!(false, "{:?} against {:?}", got.as_ref().err(), expected.as_ref().err()),
            }
        }
    }
}
