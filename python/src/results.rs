//! The answers of the queries that are more than a list of items: the batch
//! analysis, the lazy chain iterator, cycles, corroboration and profiles.

use std::collections::BTreeMap;
use std::sync::Mutex;

use according::{Analysis, Chains, Corroboration, Cycle, DocumentId, Error, Profile, ReportId};
use pyo3::exceptions::PyRuntimeError;
use pyo3::prelude::*;
use pyo3::types::PyTuple;

use crate::errors::OrRaise;
use crate::items::{PyDocument, PyReport, PySource, Shared, resolve};

/// Depths, primary sources and circular reporting of every report of a
/// graph, computed together in one pass (`Graph.analyze()`).
///
/// The analysis describes the graph it was computed from; lookups are O(1).
#[pyclass(frozen, name = "Analysis", module = "according")]
pub(crate) struct PyAnalysis {
    data: Shared,
    analysis: Analysis,
}

impl PyAnalysis {
    pub(crate) fn new(data: Shared, analysis: Analysis) -> PyAnalysis {
        PyAnalysis { data, analysis }
    }
}

#[pymethods]
impl PyAnalysis {
    /// The depth of `report` as `(shortest, longest)`, or None when no
    /// primary report can be reached from it (see `Graph.depth`).
    fn depth(&self, report: &Bound<'_, PyAny>) -> PyResult<Option<(u32, u32)>> {
        let report: ReportId = resolve(&self.data, report)?;
        Ok(self.analysis.depth(report).map(|d| (d.shortest, d.longest)))
    }

    /// The distinct primary sources of `report`, in id order.
    fn primary_sources(&self, report: &Bound<'_, PyAny>) -> PyResult<Vec<PySource>> {
        let report: ReportId = resolve(&self.data, report)?;
        Ok(self
            .analysis
            .primary_sources(report)
            .iter()
            .map(|&s| PySource::new(&self.data, s))
            .collect())
    }

    /// The number of distinct primary sources of `report`.
    fn n_primary_sources(&self, report: &Bound<'_, PyAny>) -> PyResult<usize> {
        let report: ReportId = resolve(&self.data, report)?;
        Ok(self.analysis.n_primary_sources(report))
    }

    /// Every case of circular reporting, ordered by smallest report.
    fn cycles(&self) -> Vec<PyCycle> {
        self.analysis
            .cycles()
            .iter()
            .map(|cycle| PyCycle::new(&self.data, cycle.clone()))
            .collect()
    }

    /// Every report's depth: a dict from printed report id (`"r12"`) to
    /// `(shortest, longest)` or None.
    fn depths(&self) -> BTreeMap<String, Option<(u32, u32)>> {
        self.analysis
            .iter()
            .map(|(id, depth, _)| (id.to_string(), depth.map(|d| (d.shortest, d.longest))))
            .collect()
    }

    /// Every report's depth as a `pyarrow.Table`: `id`, `key`, `shortest`
    /// and `longest` (null without depth) and `n_primary_sources`. Needs
    /// pyarrow.
    fn depths_table<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let n = self.analysis.n_reports();
        let mut ids = Vec::with_capacity(n);
        let mut keys = Vec::with_capacity(n);
        let mut shortest = Vec::with_capacity(n);
        let mut longest = Vec::with_capacity(n);
        let mut n_primary = Vec::with_capacity(n);
        let graph = &self.data.graph;
        for (id, depth, n_sources) in self.analysis.iter() {
            ids.push(id.to_string());
            keys.push(graph.report(id).and_then(|r| r.key.as_deref()));
            shortest.push(depth.map(|d| d.shortest));
            longest.push(depth.map(|d| d.longest));
            n_primary.push(n_sources);
        }
        let columns = pyo3::types::PyDict::new(py);
        columns.set_item("id", ids)?;
        columns.set_item("key", keys)?;
        columns.set_item("shortest", shortest)?;
        columns.set_item("longest", longest)?;
        columns.set_item("n_primary_sources", n_primary)?;
        crate::graph::tables(py)?
            .getattr("arrow_table")?
            .call1((columns, "depths"))
    }

    fn __len__(&self) -> usize {
        self.analysis.n_reports()
    }

    fn __repr__(&self) -> String {
        format!(
            "<Analysis: {} reports, {} components, {} cycles>",
            self.analysis.n_reports(),
            self.analysis.n_components(),
            self.analysis.cycles().len()
        )
    }
}

self_cell::self_cell!(
    /// A chain iterator together with the graph it walks.
    struct OwnedChains {
        owner: Shared,
        #[covariant]
        dependent: ChainsOf,
    }
);

type ChainsOf<'a> = Chains<'a>;

/// The state of a chain iteration.
struct ChainState {
    chains: OwnedChains,
    truncated: bool,
    done: bool,
}

/// A lazy iterator over the chains of a report (`Graph.chains`): each item a
/// tuple of reports from the outermost down to a primary report.
#[pyclass(frozen, name = "Chains", module = "according")]
pub(crate) struct PyChains {
    data: Shared,
    state: Mutex<ChainState>,
}

impl PyChains {
    pub(crate) fn new(
        data: Shared,
        report: ReportId,
        limit: usize,
        max_steps: Option<usize>,
    ) -> Result<PyChains, Error> {
        let chains = OwnedChains::try_new(data.clone(), |data| {
            let chains = data.graph.chains(report, limit)?;
            Ok::<_, Error>(match max_steps {
                Some(steps) => chains.with_step_limit(steps),
                None => chains,
            })
        })?;
        Ok(PyChains {
            data,
            state: Mutex::new(ChainState {
                chains,
                truncated: false,
                done: false,
            }),
        })
    }
}

#[pymethods]
impl PyChains {
    fn __iter__(slf: PyRef<'_, Self>) -> PyRef<'_, Self> {
        slf
    }

    fn __next__<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyTuple>>> {
        let next = py.detach(|| {
            let mut state = self
                .state
                .lock()
                .map_err(|_| "the chain iterator was poisoned")?;
            if state.done {
                return Ok(None);
            }
            let next = state.chains.with_dependent_mut(|_, chains| chains.next());
            match next {
                Some(Ok(chain)) => Ok(Some(Ok(chain.into_vec()))),
                Some(Err(err)) if err.is_limit() => {
                    state.truncated = true;
                    state.done = true;
                    Ok(None)
                }
                Some(Err(err)) => {
                    state.done = true;
                    Ok(Some(Err(err)))
                }
                None => {
                    state.done = true;
                    Ok(None)
                }
            }
        });
        let next = next.map_err(|message: &str| PyRuntimeError::new_err(message))?;
        match next {
            None => Ok(None),
            Some(chain) => {
                let chain = chain.or_raise(py)?;
                let reports = chain.into_iter().map(|r| PyReport::new(&self.data, r));
                Ok(Some(PyTuple::new(py, reports)?))
            }
        }
    }

    /// Whether the iteration stopped at a limit (`limit` chains, or
    /// `max_steps` between two chains), so that more chains may exist.
    #[getter]
    fn truncated(&self) -> PyResult<bool> {
        let state = self
            .state
            .lock()
            .map_err(|_| PyRuntimeError::new_err("the chain iterator was poisoned"))?;
        Ok(state.truncated)
    }

    fn __repr__(&self) -> String {
        "<Chains>".to_owned()
    }
}

/// One case of circular reporting: reports that, through relays, relay
/// each other.
#[pyclass(frozen, name = "Cycle", module = "according")]
pub(crate) struct PyCycle {
    data: Shared,
    cycle: Cycle,
}

impl PyCycle {
    pub(crate) fn new(data: &Shared, cycle: Cycle) -> PyCycle {
        PyCycle {
            data: data.clone(),
            cycle,
        }
    }
}

#[pymethods]
impl PyCycle {
    /// The reports of the cycle, in id order.
    #[getter]
    fn reports(&self) -> Vec<PyReport> {
        self.cycle
            .reports
            .iter()
            .map(|&r| PyReport::new(&self.data, r))
            .collect()
    }

    /// The distinct speakers of those reports, in id order.
    #[getter]
    fn sources(&self) -> Vec<PySource> {
        self.cycle
            .sources
            .iter()
            .map(|&s| PySource::new(&self.data, s))
            .collect()
    }

    fn __len__(&self) -> usize {
        self.cycle.reports.len()
    }

    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        other.cast::<PyCycle>().is_ok_and(|o| {
            std::sync::Arc::ptr_eq(&o.get().data, &self.data) && o.get().cycle == self.cycle
        })
    }

    fn __repr__(&self) -> String {
        let reports: Vec<String> = self.cycle.reports.iter().map(|r| r.to_string()).collect();
        format!("<Cycle: {}>", reports.join(" "))
    }
}

/// How independently a claim is supported (`Graph.corroboration`).
#[pyclass(frozen, name = "Corroboration", module = "according")]
pub(crate) struct PyCorroboration {
    data: Shared,
    found: Corroboration,
}

impl PyCorroboration {
    pub(crate) fn new(data: Shared, found: Corroboration) -> PyCorroboration {
        PyCorroboration { data, found }
    }
}

#[pymethods]
impl PyCorroboration {
    /// The largest number of chains supporting the claim that share no
    /// source: independent lines of evidence.
    #[getter]
    fn independent(&self) -> usize {
        self.found.independent
    }

    /// One witness path of sources per independent chain, outermost speaker
    /// first, primary source last.
    #[getter]
    fn chains(&self) -> Vec<Vec<PySource>> {
        self.found
            .chains
            .iter()
            .map(|chain| {
                chain
                    .iter()
                    .map(|&s| PySource::new(&self.data, s))
                    .collect()
            })
            .collect()
    }

    /// The attributed reports of the claim and its equivalent claims.
    #[getter]
    fn reports(&self) -> Vec<PyReport> {
        self.found
            .reports
            .iter()
            .map(|&r| PyReport::new(&self.data, r))
            .collect()
    }

    /// Whether at least two independent chains support the claim (the
    /// Admiralty code's credibility grade 1, "confirmed by other sources").
    #[getter]
    fn credibility_confirmed(&self) -> bool {
        self.found.credibility_confirmed()
    }

    fn __repr__(&self) -> String {
        format!(
            "<Corroboration: {} independent over {} reports>",
            self.found.independent,
            self.found.reports.len()
        )
    }
}

/// How a document sources what it says (`Graph.profile`). Its statements
/// are its outermost reports, attributed or in its own voice.
#[pyclass(frozen, name = "Profile", module = "according")]
pub(crate) struct PyProfile {
    data: Shared,
    document: DocumentId,
    profile: Profile,
}

impl PyProfile {
    pub(crate) fn new(data: Shared, document: DocumentId, profile: Profile) -> PyProfile {
        PyProfile {
            data,
            document,
            profile,
        }
    }
}

#[pymethods]
impl PyProfile {
    /// The document profiled.
    #[getter]
    fn document(&self) -> PyDocument {
        PyDocument::new(&self.data, self.document)
    }

    /// The statements, in id order.
    #[getter]
    fn statements(&self) -> Vec<PyReport> {
        self.profile
            .statements
            .iter()
            .map(|&r| PyReport::new(&self.data, r))
            .collect()
    }

    /// Number of statements.
    #[getter]
    fn n_statements(&self) -> usize {
        self.profile.n_statements
    }

    /// Statements attributed to a source (known or not).
    #[getter]
    fn n_attributed(&self) -> usize {
        self.profile.n_attributed
    }

    /// Statements in the document's own voice.
    #[getter]
    fn n_unattributed(&self) -> usize {
        self.profile.n_unattributed
    }

    /// Number of statements per longest depth (0 for the document's own
    /// voice, 1 first-hand, 2 relayed once, ...).
    #[getter]
    fn depth_histogram(&self) -> BTreeMap<u32, usize> {
        self.profile.depth_histogram.clone()
    }

    /// Statements without depth (they lead only into circular reporting).
    #[getter]
    fn n_without_depth(&self) -> usize {
        self.profile.n_without_depth
    }

    /// Share of attributed statements quoted directly, from 0 to 1.
    #[getter]
    fn direct_share(&self) -> f64 {
        self.profile.direct_share
    }

    /// Share of attributed statements resting on an unidentified speaker,
    /// from 0 to 1.
    #[getter]
    fn unnamed_share(&self) -> f64 {
        self.profile.unnamed_share
    }

    /// Every speaker of every report of the document, in id order.
    #[getter]
    fn distinct_sources(&self) -> Vec<PySource> {
        self.profile
            .distinct_sources
            .iter()
            .map(|&s| PySource::new(&self.data, s))
            .collect()
    }

    /// The primary sources of the statements, in id order.
    #[getter]
    fn primary_sources(&self) -> Vec<PySource> {
        self.profile
            .primary_sources
            .iter()
            .map(|&s| PySource::new(&self.data, s))
            .collect()
    }

    fn __repr__(&self) -> String {
        format!(
            "<Profile {}: {} statements ({} attributed, {} unattributed)>",
            self.document,
            self.profile.n_statements,
            self.profile.n_attributed,
            self.profile.n_unattributed
        )
    }
}
