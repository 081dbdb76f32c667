//! Chains: the individual paths of relays from a report down to primary
//! reports, enumerated lazily.

use std::fmt;
use std::marker::PhantomData;

use crate::error::Error;
use crate::graph::Graph;
use crate::model::{ReportId, SourceId, Voice};

use super::depth::Condensed;
use super::relay::Reachable;

/// Default number of search steps (edges looked at) allowed between two
/// chains; see [`Chains::with_step_limit`].
pub const DEFAULT_CHAIN_STEP_LIMIT: usize = 10_000_000;

/// One chain of attribution: reports from the outermost down to a primary
/// report, each relaying the next. `[article, lawmaker, agency]` reads
/// "the article relays the lawmaker, who relays the agency".
///
/// Prints as `r5 <- r3 <- r1`: each report rests on the one to its right.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Chain(Vec<ReportId>);

impl Chain {
    /// The reports, outermost first, primary report last.
    pub fn reports(&self) -> &[ReportId] {
        &self.0
    }

    /// Number of reports: the depth of this chain.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Always `false`: a chain holds at least its primary report. Provided
    /// for symmetry with [`len`](Chain::len).
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The primary report the chain ends at.
    pub fn primary(&self) -> Option<ReportId> {
        self.0.last().copied()
    }

    /// The speakers along the chain, outermost first: one slice per report
    /// (empty when the speaker is unknown). Reports not in `graph` give empty
    /// slices, so a chain taken from another graph cannot panic here.
    pub fn sources<'g>(&self, graph: &'g Graph) -> Vec<&'g [SourceId]> {
        self.0
            .iter()
            .map(|&r| {
                graph
                    .report(r)
                    .map_or(&[][..], |report| report.sources.as_slice())
            })
            .collect()
    }

    /// The reports, outermost first.
    pub fn into_vec(self) -> Vec<ReportId> {
        self.0
    }
}

impl AsRef<[ReportId]> for Chain {
    fn as_ref(&self) -> &[ReportId] {
        &self.0
    }
}

impl fmt::Display for Chain {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, report) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str(" <- ")?;
            }
            write!(f, "{report}")?;
        }
        Ok(())
    }
}

/// Where the enumeration stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum State {
    /// Nothing yielded yet.
    Start,
    /// The path ends at a primary report that was just yielded.
    AtChain,
    /// The search continues from the current path.
    Searching,
    /// The iterator is exhausted.
    Done,
}

/// Outcome of one bounded search step.
enum Found {
    Chain,
    Exhausted,
    OverBudget,
}

/// Lazy iterator over the chains of a report: the simple paths of relays
/// from it down to a primary report ([`Graph::chains`]).
///
/// Items are `Result<Chain, Error>`. The iteration is bounded twice:
///
/// - after `max_chains` chains, if there is at least one more, it yields one
///   `Err(Error::LimitExceeded { what: "number of chains", limit })` and ends;
/// - the search between two chains looks at no more than the step limit
///   ([`DEFAULT_CHAIN_STEP_LIMIT`] edges unless set with
///   [`with_step_limit`](Chains::with_step_limit)); past it the iterator
///   yields `Err(Error::LimitExceeded { what: "steps between two chains", limit })`
///   and ends. A tangle of circular reporting can hold exponentially many
///   simple paths that all dead-end; the step limit keeps each call to
///   `next` within a fixed amount of work.
///
/// In both cases [`truncated`](Chains::truncated) becomes `true`.
/// Paths that only lead into a closed loop of circular reporting are not
/// chains and are pruned before the search starts.
#[derive(Debug)]
pub struct Chains<'g> {
    reachable: Reachable,
    /// Per local node: a primary report is reachable from it.
    alive: Vec<bool>,
    /// Per local node: it is a primary report.
    primary: Vec<bool>,
    on_path: Vec<bool>,
    path: Vec<u32>,
    /// For each path element, the position of its next relay to try.
    cursor: Vec<usize>,
    max_chains: usize,
    n_yielded: usize,
    step_limit: usize,
    state: State,
    truncated: bool,
    graph: PhantomData<&'g Graph>,
}

impl Chains<'_> {
    /// Sets the number of search steps allowed between two chains (at least
    /// one). A chain of `n` reports needs about `n` steps.
    #[must_use]
    pub fn with_step_limit(mut self, step_limit: usize) -> Self {
        self.step_limit = step_limit.max(1);
        self
    }

    /// Whether the iteration stopped at a limit, so that more chains may
    /// exist than were yielded.
    pub fn truncated(&self) -> bool {
        self.truncated
    }

    /// Extends the current path until it reaches a primary report, looking at
    /// no more than `step_limit` edges.
    fn search(&mut self) -> Found {
        let csr = &self.reachable.csr;
        let mut steps = 0usize;
        while let (Some(&v), Some(edge)) = (self.path.last(), self.cursor.last_mut()) {
            steps += 1;
            if steps > self.step_limit {
                return Found::OverBudget;
            }
            let end = csr.offsets[v as usize + 1];
            if *edge < end {
                let w = csr.targets[*edge];
                *edge += 1;
                let w_idx = w as usize;
                if self.alive[w_idx] && !self.on_path[w_idx] {
                    self.on_path[w_idx] = true;
                    self.path.push(w);
                    self.cursor.push(csr.offsets[w_idx]);
                    if self.primary[w_idx] {
                        return Found::Chain;
                    }
                }
            } else {
                self.on_path[v as usize] = false;
                self.path.pop();
                self.cursor.pop();
            }
        }
        Found::Exhausted
    }

    fn current_chain(&self) -> Chain {
        Chain(
            self.path
                .iter()
                .map(|&v| self.reachable.report(v as usize))
                .collect(),
        )
    }

    /// Leaves the primary report at the end of the path.
    fn step_back(&mut self) {
        if let Some(v) = self.path.pop() {
            self.on_path[v as usize] = false;
            self.cursor.pop();
        }
    }
}

impl Iterator for Chains<'_> {
    type Item = Result<Chain, Error>;

    fn next(&mut self) -> Option<Result<Chain, Error>> {
        match self.state {
            State::Done => return None,
            State::Start => {
                if self.path.is_empty() {
                    self.state = State::Done;
                    return None;
                }
                if self.primary[0] {
                    // The report is primary itself: its one chain is itself.
                    self.state = State::AtChain;
                    return self.emit();
                }
                self.state = State::Searching;
            }
            State::AtChain => {
                self.step_back();
                self.state = State::Searching;
            }
            State::Searching => {}
        }
        match self.search() {
            Found::Chain => {
                self.state = State::AtChain;
                self.emit()
            }
            Found::Exhausted => {
                self.state = State::Done;
                None
            }
            Found::OverBudget => {
                self.state = State::Done;
                self.truncated = true;
                Some(Err(Error::LimitExceeded {
                    what: "steps between two chains",
                    limit: self.step_limit,
                }))
            }
        }
    }
}

impl Chains<'_> {
    /// Yields the chain the path now holds, or the limit error if
    /// `max_chains` were already yielded.
    fn emit(&mut self) -> Option<Result<Chain, Error>> {
        if self.n_yielded >= self.max_chains {
            self.state = State::Done;
            self.truncated = true;
            return Some(Err(Error::LimitExceeded {
                what: "number of chains",
                limit: self.max_chains,
            }));
        }
        self.n_yielded += 1;
        Some(Ok(self.current_chain()))
    }
}

impl Graph {
    /// The chains of `report`: every simple path of relays from it down to a
    /// primary report, as a lazy iterator of at most `max_chains` chains (see
    /// [`Chains`] for the limits and how truncation is reported).
    ///
    /// Chains come in depth-first order, following each report's relays in
    /// the order they were declared. A primary report has one chain, itself;
    /// a statement in a document's own voice and a report that only leads
    /// into a closed loop have none. Inside a cycle of circular reporting a
    /// chain never visits a report twice.
    ///
    /// # Errors
    ///
    /// [`Error::UnknownReport`] if `report` is not in the graph. Limits are
    /// reported through the iterator's items.
    ///
    /// # Complexity
    ///
    /// **O(V' + E')** expected to set up, for the `V'` reports and `E'`
    /// relays reachable from `report` (this also prunes paths that cannot
    /// reach a primary report). Each chain then costs its length plus the
    /// dead ends explored before it, bounded by the step limit. On an
    /// acyclic graph every explored path leads to a chain, so the search
    /// costs **O(total length of the chains yielded + E')**.
    ///
    /// # Example
    ///
    /// ```
    /// use according::{Claim, Graph, Report, Source};
    ///
    /// let mut graph = Graph::new();
    /// let agency = graph.add_source(Source::organization("spy agency"))?;
    /// let lee = graph.add_source(Source::person("Lee"))?;
    /// let paper = graph.add_source(Source::publisher("Daily"))?;
    /// let claim = graph.add_claim(Claim::new("troops were sent"))?;
    /// let briefing = graph.add_report(Report::by(agency, claim))?;
    /// let said = graph.add_report(Report::by(lee, claim).relaying(briefing))?;
    /// let article = graph.add_report(Report::by(paper, claim).relaying(said))?;
    /// let chains: Vec<_> = graph.chains(article, 10)?.collect::<Result<_, _>>()?;
    /// assert_eq!(chains.len(), 1);
    /// assert_eq!(chains[0].to_string(), "r2 <- r1 <- r0");
    /// # Ok::<(), according::Error>(())
    /// ```
    pub fn chains(&self, report: ReportId, max_chains: usize) -> Result<Chains<'_>, Error> {
        let stored = self.report(report).ok_or(Error::UnknownReport(report))?;
        let reports = self.report_slice();
        let reachable = Reachable::from_roots(self, [report]);
        let condensed = Condensed::compute(
            &reachable.csr,
            |v| &reports[reachable.global[v] as usize],
            false,
        );
        let n_local = reachable.global.len();
        let mut alive = vec![false; n_local];
        let mut primary = vec![false; n_local];
        for v in 0..n_local {
            let is_source = reports[reachable.global[v] as usize].voice == Voice::Source;
            alive[v] = is_source && condensed.depth_of_node(v).is_some();
            primary[v] = is_source && reachable.csr.neighbors(v).is_empty();
        }
        let mut on_path = vec![false; n_local];
        let (path, cursor) = if stored.voice == Voice::Source && alive[0] {
            on_path[0] = true;
            (vec![0u32], vec![reachable.csr.offsets[0]])
        } else {
            (Vec::new(), Vec::new())
        };
        Ok(Chains {
            reachable,
            alive,
            primary,
            on_path,
            path,
            cursor,
            max_chains,
            n_yielded: 0,
            step_limit: DEFAULT_CHAIN_STEP_LIMIT,
            state: State::Start,
            truncated: false,
            graph: PhantomData,
        })
    }
}
