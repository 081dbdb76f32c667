//! A plain reference model of a graph under construction: every operation
//! decoded from fuzz input is applied to the real [`Graph`] and to this
//! model, and the graph's answers are compared with brute-force ones.

// The brute-force reference indexes square matrices by report number: plain
// index loops say what they compute most directly.
#![allow(clippy::needless_range_loop)]

use according::{
    Claim, ClaimId, Depth, Document, DocumentId, Error, Graph, RelayKind, Report, ReportId, Source,
    SourceId,
};

/// Reads the fuzz input a byte at a time; runs out as zeros.
pub struct Bytes<'a>(pub &'a [u8]);

impl Bytes<'_> {
    /// The next byte, `None` at the end.
    pub fn take_byte(&mut self) -> Option<u8> {
        let (&first, rest) = self.0.split_first()?;
        self.0 = rest;
        Some(first)
    }

    fn byte(&mut self) -> u8 {
        self.take_byte().unwrap_or(0)
    }

    /// An index below `n + 1`: `n` itself names nothing, to test dangling ids.
    fn pick(&mut self, n: usize) -> usize {
        self.byte() as usize % (n + 1)
    }
}

/// What the model knows of one report.
#[derive(Clone, Debug)]
struct ModelReport {
    /// Source slots as given (merged ids resolve when compared).
    sources: Vec<usize>,
    claim: usize,
    unattributed: bool,
    relays: Vec<usize>,
}

/// The reference model.
#[derive(Default)]
pub struct Model {
    /// Per source slot, the slot it was merged into.
    source_merged_into: Vec<Option<usize>>,
    claim_merged_into: Vec<Option<usize>>,
    n_documents: usize,
    reports: Vec<ModelReport>,
    n_relays: usize,
}

fn resolve(merged_into: &[Option<usize>], mut slot: usize) -> usize {
    while let Some(next) = merged_into[slot] {
        slot = next;
    }
    slot
}

fn kind(byte: u8) -> RelayKind {
    match byte % 3 {
        0 => RelayKind::Derivation,
        1 => RelayKind::Quotation,
        _ => RelayKind::PrimarySource,
    }
}

fn id<T>(index: usize, make: fn(usize) -> Option<T>) -> T {
    make(index).expect("fuzz graphs are small")
}

impl Model {
    /// Applies one operation decoded from `bytes` to `graph` and the model,
    /// checking that the graph accepts exactly what the model says is
    /// valid. Returns `false` at the end of the input.
    pub fn step(&mut self, graph: &mut Graph, bytes: &mut Bytes<'_>) -> bool {
        let Some(op) = bytes.take_byte() else {
            return false;
        };
        let n_sources = self.source_merged_into.len();
        let n_claims = self.claim_merged_into.len();
        let n_reports = self.reports.len();
        match op % 9 {
            0 => {
                let name = format!("source {n_sources}");
                graph
                    .add_source(Source::person(name))
                    .expect("a plain source is valid");
                self.source_merged_into.push(None);
            }
            1 => {
                graph
                    .add_claim(Claim::new(format!("claim {n_claims}")))
                    .expect("valid claim");
                self.claim_merged_into.push(None);
            }
            2 => {
                graph.add_document(Document::new()).expect("valid document");
                self.n_documents += 1;
            }
            3 => {
                let shape = bytes.byte();
                let unattributed = shape & 1 == 1;
                let n_given = (shape >> 1) as usize % 3;
                let sources: Vec<usize> = (0..n_given).map(|_| bytes.pick(n_sources)).collect();
                let claim = bytes.pick(n_claims);
                let relay = (shape & 8 == 8).then(|| bytes.pick(n_reports));
                let document = self.n_documents.checked_sub(1);
                let valid = sources.iter().all(|&s| s < n_sources)
                    && claim < n_claims
                    && (!unattributed
                        || (document.is_some() && sources.is_empty() && relay.is_none()))
                    && relay.is_none_or(|r| r < n_reports && !self.reports[r].unattributed);
                let result = if unattributed {
                    match document {
                        Some(d) => {
                            let mut report = Report::unattributed(
                                id(d, DocumentId::from_index),
                                id(claim, ClaimId::from_index),
                            );
                            for &s in &sources {
                                report = report.with_source(id(s, SourceId::from_index));
                            }
                            if let Some(r) = relay {
                                report = report.relaying(id(r, ReportId::from_index));
                            }
                            graph.add_report(report)
                        }
                        None => Err(Error::UnknownDocument(id(0, DocumentId::from_index))),
                    }
                } else {
                    let mut report = Report::anonymous(id(claim, ClaimId::from_index));
                    for &s in &sources {
                        report = report.with_source(id(s, SourceId::from_index));
                    }
                    if let Some(r) = relay {
                        report = report.relaying_as(id(r, ReportId::from_index), kind(shape >> 4));
                    }
                    graph.add_report(report)
                };
                assert_eq!(result.is_ok(), valid, "add_report: {result:?}");
                if valid {
                    self.n_relays += usize::from(relay.is_some());
                    self.reports.push(ModelReport {
                        sources,
                        claim,
                        unattributed,
                        relays: relay.into_iter().collect(),
                    });
                }
            }
            4 => {
                let from = bytes.pick(n_reports);
                let to = bytes.pick(n_reports);
                let relay_kind = kind(bytes.byte());
                let valid = from < n_reports
                    && to < n_reports
                    && from != to
                    && !self.reports[from].unattributed
                    && !self.reports[to].unattributed;
                let result = graph.add_relay(
                    id(from, ReportId::from_index),
                    id(to, ReportId::from_index),
                    relay_kind,
                );
                assert_eq!(
                    result.is_ok(),
                    valid,
                    "add_relay {from} -> {to}: {result:?}"
                );
                if valid {
                    self.reports[from].relays.push(to);
                    self.n_relays += 1;
                }
            }
            5 => {
                let kept = bytes.pick(n_sources);
                let absorbed = bytes.pick(n_sources);
                let result = graph.merge_sources(
                    id(kept, SourceId::from_index),
                    id(absorbed, SourceId::from_index),
                );
                let valid = kept < n_sources
                    && absorbed < n_sources
                    && resolve(&self.source_merged_into, kept)
                        != resolve(&self.source_merged_into, absorbed);
                assert_eq!(result.is_ok(), valid, "merge_sources: {result:?}");
                if valid {
                    let kept = resolve(&self.source_merged_into, kept);
                    let absorbed = resolve(&self.source_merged_into, absorbed);
                    self.source_merged_into[absorbed] = Some(kept);
                    assert_eq!(result.ok(), SourceId::from_index(kept));
                }
            }
            6 => {
                let kept = bytes.pick(n_claims);
                let absorbed = bytes.pick(n_claims);
                let result = graph.merge_claims(
                    id(kept, ClaimId::from_index),
                    id(absorbed, ClaimId::from_index),
                );
                let valid = kept < n_claims
                    && absorbed < n_claims
                    && resolve(&self.claim_merged_into, kept)
                        != resolve(&self.claim_merged_into, absorbed);
                assert_eq!(result.is_ok(), valid, "merge_claims: {result:?}");
                if valid {
                    let kept = resolve(&self.claim_merged_into, kept);
                    let absorbed = resolve(&self.claim_merged_into, absorbed);
                    self.claim_merged_into[absorbed] = Some(kept);
                }
            }
            7 => {
                let a = bytes.pick(n_claims);
                let b = bytes.pick(n_claims);
                let result = graph
                    .declare_equivalent(id(a, ClaimId::from_index), id(b, ClaimId::from_index));
                assert_eq!(
                    result.is_ok(),
                    a < n_claims && b < n_claims,
                    "declare_equivalent"
                );
            }
            _ => {
                // Queries in the middle of construction, on whatever id the
                // input names (possibly dangling).
                let r = bytes.pick(n_reports);
                let report = id(r, ReportId::from_index);
                assert_eq!(graph.depth(report).is_ok(), r < n_reports);
                assert_eq!(graph.chains(report, 2).is_ok(), r < n_reports);
                assert_eq!(graph.primary_sources(report).is_ok(), r < n_reports);
                if r < n_reports {
                    assert_eq!(graph.depth(report).ok().flatten(), self.depth(r));
                }
            }
        }
        true
    }

    /// `reach[i][j]`: report `j` can be reached from `i` (reflexive).
    fn reach(&self) -> Vec<Vec<bool>> {
        let n = self.reports.len();
        let mut reach = vec![vec![false; n]; n];
        for (start, row) in reach.iter_mut().enumerate() {
            let mut stack = vec![start];
            row[start] = true;
            while let Some(v) = stack.pop() {
                for &w in &self.reports[v].relays {
                    if !row[w] {
                        row[w] = true;
                        stack.push(w);
                    }
                }
            }
        }
        reach
    }

    /// Depth by the definition, brute force: each strongly connected
    /// component counts as one report.
    pub fn depth(&self, report: usize) -> Option<Depth> {
        let reach = self.reach();
        let mut memo = vec![None; self.reports.len()];
        self.depth_with(&reach, &mut memo, report)
    }

    fn depth_with(
        &self,
        reach: &[Vec<bool>],
        memo: &mut Vec<Option<Option<Depth>>>,
        report: usize,
    ) -> Option<Depth> {
        if let Some(known) = memo[report] {
            return known;
        }
        let stored = &self.reports[report];
        let answer = if stored.unattributed {
            Some(Depth {
                shortest: 0,
                longest: 0,
            })
        } else if stored.relays.is_empty() {
            Some(Depth {
                shortest: 1,
                longest: 1,
            })
        } else {
            let n = self.reports.len();
            let same = |a: usize, b: usize| reach[a][b] && reach[b][a];
            let mut best: Option<Depth> = None;
            for member in (0..n).filter(|&m| same(report, m)) {
                for &next in &self.reports[member].relays {
                    if same(report, next) {
                        continue;
                    }
                    if let Some(d) = self.depth_with(reach, memo, next) {
                        best = Some(match best {
                            None => d,
                            Some(b) => Depth {
                                shortest: b.shortest.min(d.shortest),
                                longest: b.longest.max(d.longest),
                            },
                        });
                    }
                }
            }
            best.map(|d| Depth {
                shortest: d.shortest + 1,
                longest: d.longest + 1,
            })
        };
        memo[report] = Some(answer);
        answer
    }

    /// Compares everything the model knows with the graph's answers.
    pub fn check(&self, graph: &Graph) {
        let n = self.reports.len();
        assert_eq!(graph.n_reports(), n);
        assert_eq!(graph.n_relays(), self.n_relays);
        let live_sources = self
            .source_merged_into
            .iter()
            .filter(|m| m.is_none())
            .count();
        assert_eq!(graph.n_sources(), live_sources);
        let live_claims = self
            .claim_merged_into
            .iter()
            .filter(|m| m.is_none())
            .count();
        assert_eq!(graph.n_claims(), live_claims);
        let reach = self.reach();
        let mut memo = vec![None; n];
        let analysis = graph.analyze();
        for r in 0..n {
            let report_id = id(r, ReportId::from_index);
            let expected = self.depth_with(&reach, &mut memo, r);
            assert_eq!(
                graph.depth(report_id).ok().flatten(),
                expected,
                "depth of r{r}"
            );
            assert_eq!(
                analysis.depth(report_id),
                expected,
                "analysed depth of r{r}"
            );

            // Sources and claim as resolved through merges.
            let mut sources: Vec<usize> = self.reports[r]
                .sources
                .iter()
                .map(|&s| resolve(&self.source_merged_into, s))
                .collect();
            sources.sort_unstable();
            sources.dedup();
            let stored = graph.report(report_id).expect("report exists");
            let mut stored_sources: Vec<usize> = stored.sources.iter().map(|s| s.index()).collect();
            stored_sources.sort_unstable();
            assert_eq!(stored_sources, sources, "sources of r{r}");
            assert_eq!(
                stored.claim.map(ClaimId::index),
                Some(resolve(&self.claim_merged_into, self.reports[r].claim))
            );

            // Primary sources: the speakers of every reachable primary report.
            let mut primaries: Vec<usize> = (0..n)
                .filter(|&p| {
                    reach[r][p]
                        && !self.reports[p].unattributed
                        && self.reports[p].relays.is_empty()
                })
                .collect();
            let primary_reports: Vec<usize> = graph
                .primary_reports(report_id)
                .expect("known report")
                .iter()
                .map(|p| p.index())
                .collect();
            assert_eq!(primary_reports, primaries, "primary reports of r{r}");
            let mut speakers: Vec<usize> = primaries
                .drain(..)
                .flat_map(|p| {
                    self.reports[p]
                        .sources
                        .iter()
                        .map(|&s| resolve(&self.source_merged_into, s))
                })
                .collect();
            speakers.sort_unstable();
            speakers.dedup();
            let found: Vec<usize> = graph
                .primary_sources(report_id)
                .expect("known report")
                .iter()
                .map(|s| s.index())
                .collect();
            assert_eq!(found, speakers, "primary sources of r{r}");

            // Relayed by: reports with a relay to this one.
            let relayers: Vec<usize> = (0..n)
                .filter(|&q| self.reports[q].relays.contains(&r))
                .collect();
            let found: Vec<usize> = graph
                .relayed_by(report_id)
                .iter()
                .map(|q| q.index())
                .collect();
            assert_eq!(found, relayers, "relayed_by r{r}");

            // On an acyclic part, the chains are exactly the paths to
            // primary reports, and their lengths span the depth.
            let acyclic = (0..n)
                .all(|q| !reach[r][q] || (0..n).all(|w| w == q || !(reach[q][w] && reach[w][q])));
            if acyclic && n <= 12 {
                let mut expected_chains = self.paths(r);
                expected_chains.sort();
                expected_chains.dedup();
                let mut chains: Vec<Vec<usize>> = graph
                    .chains(report_id, 10_000)
                    .expect("known report")
                    .map(|c| {
                        c.expect("small graphs stay in the limits")
                            .reports()
                            .iter()
                            .map(|q| q.index())
                            .collect()
                    })
                    .collect();
                chains.sort();
                assert_eq!(chains, expected_chains, "chains of r{r}");
                if let Some(d) = expected.filter(|d| d.longest > 0) {
                    let lengths = chains.iter().map(Vec::len);
                    assert_eq!(lengths.clone().min(), Some(d.shortest as usize));
                    assert_eq!(lengths.max(), Some(d.longest as usize));
                }
            }
        }
        // Circular reporting: the components with more than one report.
        let mut components: Vec<Vec<usize>> = Vec::new();
        for r in 0..n {
            let members: Vec<usize> = (0..n).filter(|&q| reach[r][q] && reach[q][r]).collect();
            if members.len() > 1 && members[0] == r {
                components.push(members);
            }
        }
        let cycles: Vec<Vec<usize>> = graph
            .cycles()
            .iter()
            .map(|c| c.reports.iter().map(|q| q.index()).collect())
            .collect();
        assert_eq!(cycles, components, "cycles");
    }

    /// Every path of relays from `r` to a primary report (DAG only).
    fn paths(&self, r: usize) -> Vec<Vec<usize>> {
        let report = &self.reports[r];
        if report.unattributed {
            return Vec::new();
        }
        if report.relays.is_empty() {
            return vec![vec![r]];
        }
        let mut out = Vec::new();
        for &next in &report.relays {
            for mut tail in self.paths(next) {
                tail.insert(0, r);
                out.push(tail);
            }
        }
        out
    }
}
