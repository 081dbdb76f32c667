//! `according.Graph`: an immutable attribution graph, its readers, writers
//! and queries.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::PathBuf;
use std::sync::Arc;

use according::format::{self, Skip, depths, dot, edges, json, mermaid, prov_json, prov_n, tree};
use according::{ClaimId, DateRange, DocumentId, Error, Graph, ReportId, SourceId, Voice};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyList, PyTuple, PyType};

use crate::convert::{Data, data_arg, date_arg, date_py, read_file};
use crate::errors::OrRaise;
use crate::items::{GraphData, PyClaim, PyDocument, PyReport, PySource, Shared, resolve};
use crate::names;
use crate::results::{PyAnalysis, PyChains, PyCorroboration, PyCycle, PyProfile};

/// An attribution graph: sources, claims, reports, documents, and the relays
/// between reports.
///
/// A graph is immutable once made: read one from a file or string
/// (`Graph.from_json`, `Graph.from_prov_json`, `Graph.from_edges`), or
/// extract one from text (`according.extract`, `according.extract_many`).
/// It is safe to share between threads, and every query releases the
/// interpreter lock while it works.
///
/// Methods that take an item accept the item object (`Report`, `Source`,
/// `Claim`, `Document`) of this graph, its key (`"r:12"` in a PROV file), its
/// printed id (`"r12"`) or its index. An unknown one raises
/// `according.UnknownIdError`.
#[pyclass(frozen, name = "Graph", module = "according")]
pub(crate) struct PyGraph {
    pub(crate) data: Shared,
}

impl PyGraph {
    pub(crate) fn from_shared(data: Shared) -> PyGraph {
        PyGraph { data }
    }

    pub(crate) fn new_graph(graph: Graph) -> PyGraph {
        PyGraph::from_shared(GraphData::new(graph))
    }

    fn graph(&self) -> &Graph {
        &self.data.graph
    }

    fn report_objs(&self, ids: impl IntoIterator<Item = ReportId>) -> Vec<PyReport> {
        ids.into_iter()
            .map(|id| PyReport::new(&self.data, id))
            .collect()
    }

    fn source_objs(&self, ids: impl IntoIterator<Item = SourceId>) -> Vec<PySource> {
        ids.into_iter()
            .map(|id| PySource::new(&self.data, id))
            .collect()
    }

    /// Runs a writer into a string, or into the file `path` (then returns
    /// None), with the interpreter lock released.
    fn write_out(
        &self,
        py: Python<'_>,
        path: Option<PathBuf>,
        write: impl Fn(&Graph, &mut dyn Write) -> Result<(), Error> + Send + Sync,
    ) -> PyResult<Option<String>> {
        let data = &self.data;
        match path {
            None => {
                let bytes = py
                    .detach(|| {
                        let mut out = Vec::new();
                        write(&data.graph, &mut out).map(|()| out)
                    })
                    .or_raise(py)?;
                // Every writer emits UTF-8.
                Ok(Some(String::from_utf8_lossy(&bytes).into_owned()))
            }
            Some(path) => {
                py.detach(|| {
                    let file = File::create(&path).map_err(|e| Error::io(&path, e))?;
                    let mut out = BufWriter::new(file);
                    write(&data.graph, &mut out)?;
                    out.flush().map_err(|e| Error::io(&path, e))
                })
                .or_raise(py)?;
                Ok(None)
            }
        }
    }

    fn picture_options(&self, claim: Option<&Bound<'_, PyAny>>) -> PyResult<dot::PictureOptions> {
        Ok(match claim {
            Some(claim) => dot::PictureOptions::for_claim(resolve::<ClaimId>(&self.data, claim)?),
            None => dot::PictureOptions::default(),
        })
    }
}

/// The pure-Python helpers that build pyarrow tables and networkx graphs.
pub(crate) fn tables(py: Python<'_>) -> PyResult<Bound<'_, PyModule>> {
    py.import("according._tables")
}

/// Reads `data` with `read`, the interpreter lock released.
fn read_with<T: Send>(
    py: Python<'_>,
    data: &Bound<'_, PyAny>,
    read: impl Fn(&[u8]) -> Result<T, Error> + Send + Sync,
) -> PyResult<T> {
    match data_arg(data)? {
        Data::Path(path) => py.detach(|| read(&read_file(&path)?)).or_raise(py),
        Data::Borrowed(bytes) => py.detach(|| read(bytes)).or_raise(py),
        Data::Owned(bytes) => py.detach(|| read(&bytes)).or_raise(py),
    }
}

#[pymethods]
impl PyGraph {
    /// An empty graph.
    #[new]
    fn py_new() -> PyGraph {
        PyGraph::new_graph(Graph::new())
    }

    /// Reads the native JSON format (lossless): from a path (`str` or
    /// `pathlib.Path`), or the JSON text itself as `str` or `bytes`. A `str`
    /// starting with `{` is text, any other `str` a path.
    ///
    /// Raises `according.ParseError` on malformed input,
    /// `UnsupportedVersionError` on a newer format version, `IoError` when
    /// the file cannot be read.
    #[classmethod]
    fn from_json(
        _cls: &Bound<'_, PyType>,
        py: Python<'_>,
        data: &Bound<'_, PyAny>,
    ) -> PyResult<PyGraph> {
        let graph = read_with(py, data, json::read)?;
        Ok(PyGraph::new_graph(graph))
    }

    /// Reads W3C PROV-JSON: from a path, or the JSON text as `str` or
    /// `bytes`. Records that do not map onto the graph are listed in
    /// `Graph.skipped`; the file's namespace prefixes are kept for
    /// `to_prov_json`.
    #[classmethod]
    fn from_prov_json(
        _cls: &Bound<'_, PyType>,
        py: Python<'_>,
        data: &Bound<'_, PyAny>,
    ) -> PyResult<PyGraph> {
        let import = match data_arg(data)? {
            Data::Path(path) => py
                .detach(|| {
                    let file = File::open(&path).map_err(|e| Error::io(&path, e))?;
                    prov_json::read_from(std::io::BufReader::new(file))
                })
                .or_raise(py)?,
            Data::Borrowed(bytes) => py.detach(|| prov_json::read(bytes)).or_raise(py)?,
            Data::Owned(bytes) => py.detach(|| prov_json::read(&bytes)).or_raise(py)?,
        };
        let skipped = import
            .skipped
            .into_iter()
            .map(|s| Skip::ProvRecord(s).to_string())
            .collect();
        Ok(PyGraph::from_shared(Arc::new(GraphData {
            graph: import.graph,
            prefixes: import.prefixes,
            skipped,
        })))
    }

    /// Reads the tab-separated edge list (`report_id`, `speaker_id`,
    /// `cited_report_id`, with its header): from a path, or the text as
    /// `str` or `bytes`. Rows where a report cites itself are not relays;
    /// their line numbers are listed in `Graph.skipped`.
    #[classmethod]
    fn from_edges(
        _cls: &Bound<'_, PyType>,
        py: Python<'_>,
        data: &Bound<'_, PyAny>,
    ) -> PyResult<PyGraph> {
        let import = read_with(py, data, edges::import)?;
        let skipped = import
            .self_citations
            .iter()
            .map(|&line| Skip::SelfCitation { line }.to_string())
            .collect();
        Ok(PyGraph::from_shared(Arc::new(GraphData {
            graph: import.graph,
            prefixes: Vec::new(),
            skipped,
        })))
    }

    /// Reads a graph in whichever format it is in: native JSON, PROV-JSON or
    /// the edge list, told apart by their first bytes. From a path, or the
    /// content as `str` or `bytes` (as the `from_*` constructors). What the
    /// reader did not take is listed in `Graph.skipped`.
    #[classmethod]
    fn read(
        _cls: &Bound<'_, PyType>,
        py: Python<'_>,
        data: &Bound<'_, PyAny>,
    ) -> PyResult<PyGraph> {
        let import = match data_arg(data)? {
            Data::Path(path) => py
                .detach(|| {
                    let file = File::open(&path).map_err(|e| Error::io(&path, e))?;
                    format::read_any_from(std::io::BufReader::new(file))
                })
                .or_raise(py)?,
            Data::Borrowed(bytes) => py.detach(|| format::read_any(bytes)).or_raise(py)?,
            Data::Owned(bytes) => py.detach(|| format::read_any(&bytes)).or_raise(py)?,
        };
        Ok(PyGraph::from_shared(Arc::new(GraphData {
            skipped: import.skipped.iter().map(|s| s.to_string()).collect(),
            graph: import.graph,
            prefixes: import.prefixes,
        })))
    }

    /// What the reader that made this graph could not map, one line each
    /// (empty for graphs read from native JSON or extracted).
    #[getter]
    fn skipped(&self) -> Vec<String> {
        self.data.skipped.clone()
    }

    /// The native JSON text, or writes it to `path` and returns None.
    #[pyo3(signature = (path=None, *, pretty=false))]
    fn to_json(
        &self,
        py: Python<'_>,
        path: Option<PathBuf>,
        pretty: bool,
    ) -> PyResult<Option<String>> {
        self.write_out(py, path, move |graph, out| {
            if pretty {
                json::write_pretty(graph, out)
            } else {
                json::write(graph, out)
            }
        })
    }

    /// W3C PROV-JSON text, or writes it to `path` and returns None. Keys
    /// read from a PROV file keep their namespace IRIs.
    #[pyo3(signature = (path=None))]
    fn to_prov_json(&self, py: Python<'_>, path: Option<PathBuf>) -> PyResult<Option<String>> {
        let options = prov_json::WriteOptions::with_prefixes(self.data.prefixes.clone());
        self.write_out(py, path, move |graph, out| {
            prov_json::write_with(graph, &options, out)
        })
    }

    /// W3C PROV-N text, or writes it to `path` and returns None.
    #[pyo3(signature = (path=None))]
    fn to_prov_n(&self, py: Python<'_>, path: Option<PathBuf>) -> PyResult<Option<String>> {
        let options = prov_json::WriteOptions::with_prefixes(self.data.prefixes.clone());
        self.write_out(py, path, move |graph, out| {
            prov_n::write_with(graph, &options, out)
        })
    }

    /// The tab-separated edge list, or writes it to `path` and returns None.
    #[pyo3(signature = (path=None))]
    fn to_edges(&self, py: Python<'_>, path: Option<PathBuf>) -> PyResult<Option<String>> {
        self.write_out(py, path, |graph, out| edges::write(graph, out))
    }

    /// A Graphviz DOT picture (`dot -Tsvg`), or writes it to `path` and
    /// returns None. With `claim`, only that claim's neighbourhood.
    #[pyo3(signature = (path=None, *, claim=None))]
    fn to_dot(
        &self,
        py: Python<'_>,
        path: Option<PathBuf>,
        claim: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Option<String>> {
        let options = self.picture_options(claim)?;
        self.write_out(py, path, move |graph, out| dot::write(graph, out, &options))
    }

    /// A Mermaid flowchart, or writes it to `path` and returns None. With
    /// `claim`, only that claim's neighbourhood.
    #[pyo3(signature = (path=None, *, claim=None))]
    fn to_mermaid(
        &self,
        py: Python<'_>,
        path: Option<PathBuf>,
        claim: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Option<String>> {
        let options = self.picture_options(claim)?;
        self.write_out(py, path, move |graph, out| {
            mermaid::write(graph, out, &options)
        })
    }

    /// An indented, readable listing of every chain, or writes it to `path`
    /// and returns None.
    #[pyo3(signature = (path=None))]
    fn to_tree(&self, py: Python<'_>, path: Option<PathBuf>) -> PyResult<Option<String>> {
        self.write_out(py, path, |graph, out| tree::write(graph, out))
    }

    /// The depths table, or writes it to `path` and returns None: per
    /// report (by key, else printed id, sorted by code point) the longest
    /// and shortest relay hops down to a primary report (depth - 1, -1
    /// without depth) and the number of primary speakers, tab-separated
    /// under a header: the result file PROV tools write.
    #[pyo3(signature = (path=None))]
    fn to_depths(&self, py: Python<'_>, path: Option<PathBuf>) -> PyResult<Option<String>> {
        self.write_out(py, path, |graph, out| depths::write(graph, out))
    }

    /// Number of sources (merged ones not counted).
    #[getter]
    fn n_sources(&self) -> usize {
        self.graph().n_sources()
    }

    /// Number of claims (merged ones not counted).
    #[getter]
    fn n_claims(&self) -> usize {
        self.graph().n_claims()
    }

    /// Number of reports.
    #[getter]
    fn n_reports(&self) -> usize {
        self.graph().n_reports()
    }

    /// Number of documents.
    #[getter]
    fn n_documents(&self) -> usize {
        self.graph().n_documents()
    }

    /// Number of relays between reports.
    #[getter]
    fn n_relays(&self) -> usize {
        self.graph().n_relays()
    }

    /// Every source, in id order.
    fn sources(&self) -> Vec<PySource> {
        self.source_objs(self.graph().sources().map(|(id, _)| id))
    }

    /// Every claim, in id order.
    fn claims(&self) -> Vec<PyClaim> {
        self.graph()
            .claims()
            .map(|(id, _)| PyClaim::new(&self.data, id))
            .collect()
    }

    /// Every report, in id order.
    fn reports(&self) -> Vec<PyReport> {
        self.report_objs(self.graph().report_ids())
    }

    /// Every document, in id order.
    fn documents(&self) -> Vec<PyDocument> {
        self.graph()
            .documents()
            .map(|(id, _)| PyDocument::new(&self.data, id))
            .collect()
    }

    /// The report `report` refers to (object, key, printed id or index).
    fn report(&self, report: &Bound<'_, PyAny>) -> PyResult<PyReport> {
        Ok(PyReport::new(&self.data, resolve(&self.data, report)?))
    }

    /// The source `source` refers to (object, key, printed id or index).
    fn source(&self, source: &Bound<'_, PyAny>) -> PyResult<PySource> {
        Ok(PySource::new(&self.data, resolve(&self.data, source)?))
    }

    /// The claim `claim` refers to (object, key, printed id or index).
    fn claim(&self, claim: &Bound<'_, PyAny>) -> PyResult<PyClaim> {
        Ok(PyClaim::new(&self.data, resolve(&self.data, claim)?))
    }

    /// The document `document` refers to (object, key, printed id or index).
    fn document(&self, document: &Bound<'_, PyAny>) -> PyResult<PyDocument> {
        Ok(PyDocument::new(&self.data, resolve(&self.data, document)?))
    }

    /// The reports made by `source`, in id order.
    fn reports_by(&self, source: &Bound<'_, PyAny>) -> PyResult<Vec<PyReport>> {
        let source: SourceId = resolve(&self.data, source)?;
        Ok(self.report_objs(self.graph().reports_by(source).iter().copied()))
    }

    /// The reports of `claim` (not of its equivalent claims), in id order.
    fn reports_of(&self, claim: &Bound<'_, PyAny>) -> PyResult<Vec<PyReport>> {
        let claim: ClaimId = resolve(&self.data, claim)?;
        Ok(self.report_objs(self.graph().reports_of(claim).iter().copied()))
    }

    /// The reports of `document`, in id order.
    fn reports_in(&self, document: &Bound<'_, PyAny>) -> PyResult<Vec<PyReport>> {
        let document: DocumentId = resolve(&self.data, document)?;
        Ok(self.report_objs(self.graph().reports_in(document).iter().copied()))
    }

    /// `claim` and the claims declared equivalent to it, in id order.
    fn equivalent_claims(&self, claim: &Bound<'_, PyAny>) -> PyResult<Vec<PyClaim>> {
        let claim: ClaimId = resolve(&self.data, claim)?;
        Ok(self
            .graph()
            .equivalent_claims(claim)
            .into_iter()
            .map(|c| PyClaim::new(&self.data, c))
            .collect())
    }

    /// The provenance depth of `report` as `(shortest, longest)`: the number
    /// of reports on its shortest and longest chain down to a primary
    /// report, itself included. A primary report has `(1, 1)`, a statement
    /// in its document's own voice `(0, 0)`; None when no primary report can
    /// be reached (the report leads only into circular reporting).
    ///
    /// Relay hops, as PROV tools count them, are depth - 1. For every report
    /// at once, `analyze()` costs one pass over the graph.
    fn depth(&self, py: Python<'_>, report: &Bound<'_, PyAny>) -> PyResult<Option<(u32, u32)>> {
        let report: ReportId = resolve(&self.data, report)?;
        let graph = self.graph();
        let depth = py.detach(|| graph.depth(report)).or_raise(py)?;
        Ok(depth.map(|d| (d.shortest, d.longest)))
    }

    /// Depths, primary sources and circular reporting of every report in one
    /// pass over the graph (linear time), as an `Analysis`.
    fn analyze(&self, py: Python<'_>) -> PyAnalysis {
        let graph = self.graph();
        let analysis = py.detach(|| graph.analyze());
        PyAnalysis::new(self.data.clone(), analysis)
    }

    /// The chains of `report`, lazily: each a tuple of reports from `report`
    /// down to a primary report, each relaying the next. At most `limit`
    /// chains are yielded; when more exist (or the search between two chains
    /// exceeds `max_steps` edges), the iteration stops and the iterator's
    /// `truncated` becomes True.
    #[pyo3(signature = (report, *, limit=1000, max_steps=None))]
    fn chains(
        &self,
        py: Python<'_>,
        report: &Bound<'_, PyAny>,
        limit: usize,
        max_steps: Option<usize>,
    ) -> PyResult<PyChains> {
        let report: ReportId = resolve(&self.data, report)?;
        let data = self.data.clone();
        py.detach(|| PyChains::new(data, report, limit, max_steps))
            .or_raise(py)
    }

    /// The primary reports `report` rests on, in id order: the reports
    /// reachable through relays that relay nothing and are attributed.
    fn primary_reports(
        &self,
        py: Python<'_>,
        report: &Bound<'_, PyAny>,
    ) -> PyResult<Vec<PyReport>> {
        let report: ReportId = resolve(&self.data, report)?;
        let graph = self.graph();
        let found = py.detach(|| graph.primary_reports(report)).or_raise(py)?;
        Ok(self.report_objs(found))
    }

    /// The primary sources of `report` (a `Report` or a reference to one),
    /// or of every report of a `Claim`: the distinct speakers of the primary
    /// reports reached, in id order.
    fn primary_sources(&self, py: Python<'_>, item: &Bound<'_, PyAny>) -> PyResult<Vec<PySource>> {
        let graph = self.graph();
        let found = if item.cast::<PyClaim>().is_ok() {
            let claim: ClaimId = resolve(&self.data, item)?;
            py.detach(|| graph.primary_sources_of_claim(claim))
        } else {
            let report: ReportId = resolve(&self.data, item)?;
            py.detach(|| graph.primary_sources(report))
        }
        .or_raise(py)?;
        Ok(self.source_objs(found))
    }

    /// The reports by `source` that no other report relays: the source
    /// speaks to the reader directly. In id order.
    fn said_directly(&self, py: Python<'_>, source: &Bound<'_, PyAny>) -> PyResult<Vec<PyReport>> {
        let source: SourceId = resolve(&self.data, source)?;
        let graph = self.graph();
        let found = py.detach(|| graph.said_directly(source));
        Ok(self.report_objs(found))
    }

    /// The reports by `source` that other reports relay, each with the
    /// reports relaying it: the source's words reach the reader through
    /// others. A list of `(report, [relaying reports])`, in id order.
    fn attributed_through_others(
        &self,
        py: Python<'_>,
        source: &Bound<'_, PyAny>,
    ) -> PyResult<Vec<(PyReport, Vec<PyReport>)>> {
        let source: SourceId = resolve(&self.data, source)?;
        let graph = self.graph();
        let found = py.detach(|| graph.attributed_through_others(source));
        Ok(found
            .into_iter()
            .map(|(report, by)| (PyReport::new(&self.data, report), self.report_objs(by)))
            .collect())
    }

    /// The reports by `source` that relay another report: the source passes
    /// on what someone else said. In id order.
    fn relayed(&self, py: Python<'_>, source: &Bound<'_, PyAny>) -> PyResult<Vec<PyReport>> {
        let source: SourceId = resolve(&self.data, source)?;
        let graph = self.graph();
        let found = py.detach(|| graph.relayed_as_intermediary(source));
        Ok(self.report_objs(found))
    }

    /// The reports relaying `report`, in id order.
    fn relayed_by(&self, py: Python<'_>, report: &Bound<'_, PyAny>) -> PyResult<Vec<PyReport>> {
        let report: ReportId = resolve(&self.data, report)?;
        let graph = self.graph();
        let found = py.detach(|| graph.relayed_by(report));
        Ok(self.report_objs(found))
    }

    /// Every case of circular reporting: the groups of reports that relay
    /// each other in a cycle, ordered by their smallest report.
    fn cycles(&self, py: Python<'_>) -> Vec<PyCycle> {
        let graph = self.graph();
        let cycles = py.detach(|| graph.cycles());
        cycles
            .into_iter()
            .map(|cycle| PyCycle::new(&self.data, cycle))
            .collect()
    }

    /// The independent corroboration of `claim` (with its equivalent
    /// claims): the largest number of chains supporting it that share no
    /// source, as a `Corroboration`.
    fn corroboration(&self, py: Python<'_>, claim: &Bound<'_, PyAny>) -> PyResult<PyCorroboration> {
        let claim: ClaimId = resolve(&self.data, claim)?;
        let graph = self.graph();
        let found = py.detach(|| graph.corroboration(claim)).or_raise(py)?;
        Ok(PyCorroboration::new(self.data.clone(), found))
    }

    /// The earliest report of `claim` or of a claim equivalent to it, by its
    /// time or its document's date (ties to the smaller id); None when no
    /// report of the claim is dated.
    fn first_report(&self, py: Python<'_>, claim: &Bound<'_, PyAny>) -> PyResult<Option<PyReport>> {
        let claim: ClaimId = resolve(&self.data, claim)?;
        let graph = self.graph();
        let found = py.detach(|| graph.first_report(claim)).or_raise(py)?;
        Ok(found.map(|r| PyReport::new(&self.data, r)))
    }

    /// The reports made between `start` and `end` (inclusive dates or
    /// `YYYY-MM-DD` strings; `end` defaults to `start`), by their time or
    /// their document's date. In id order; undated reports are left out.
    #[pyo3(signature = (start, end=None))]
    fn reports_between(
        &self,
        py: Python<'_>,
        start: &Bound<'_, PyAny>,
        end: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Vec<PyReport>> {
        let start = date_arg(py, start)?;
        let end = match end {
            Some(end) => date_arg(py, end)?,
            None => start,
        };
        let range = DateRange::new(start, end).or_raise(py)?;
        let graph = self.graph();
        let found = py.detach(|| graph.reports_between(range));
        Ok(self.report_objs(found))
    }

    /// The sourcing profile of `document`: its statements, how many are
    /// attributed, their depths, direct quotes, unnamed speakers and the
    /// sources involved, as a `Profile`.
    fn profile(&self, py: Python<'_>, document: &Bound<'_, PyAny>) -> PyResult<PyProfile> {
        let document: DocumentId = resolve(&self.data, document)?;
        let graph = self.graph();
        let profile = py.detach(|| graph.profile(document)).or_raise(py)?;
        Ok(PyProfile::new(self.data.clone(), document, profile))
    }

    /// The profile of every document, in id order (one pass over the graph).
    fn profiles(&self, py: Python<'_>) -> Vec<PyProfile> {
        let graph = self.graph();
        let profiles = py.detach(|| graph.profiles());
        profiles
            .into_iter()
            .map(|(document, profile)| PyProfile::new(self.data.clone(), document, profile))
            .collect()
    }

    /// Every report as a row of a `pyarrow.Table`: ids, key, document,
    /// claim and its content, speakers (ids and names), cue, mode,
    /// attitude, factuality, voice, time, channel, audience, number of
    /// relays, depth (`shortest`, `longest`, null without one) and number
    /// of primary sources. Needs pyarrow; `.to_pandas()` gives a DataFrame.
    fn reports_table<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let columns = self._reports_columns(py)?;
        tables(py)?
            .getattr("arrow_table")?
            .call1((columns, "reports"))
    }

    /// Every relay as a row of a `pyarrow.Table`: the relaying report, the
    /// relayed one, the kind (`derivation`, `quotation`, `primary_source`)
    /// and both reports' keys. Needs pyarrow.
    fn relays_table<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let columns = self._relays_columns(py)?;
        tables(py)?
            .getattr("arrow_table")?
            .call1((columns, "relays"))
    }

    /// Every source as a row of a `pyarrow.Table`: id, key, name, kind,
    /// descriptors, affiliation, reliability and number of reports. Needs
    /// pyarrow.
    fn sources_table<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let columns = self._sources_columns(py)?;
        tables(py)?
            .getattr("arrow_table")?
            .call1((columns, "sources"))
    }

    /// The relay graph as a `networkx.DiGraph`: one node per report (named
    /// by printed id, with its key, claim, cue, speakers, document and
    /// depth as attributes), one edge per relay from the relaying report to
    /// the relayed one (attribute `kind`). With `sources=True`, speakers are
    /// nodes too, with an edge to each report they make. Needs networkx.
    #[pyo3(signature = (*, sources=false))]
    fn to_networkx<'py>(&self, py: Python<'py>, sources: bool) -> PyResult<Bound<'py, PyAny>> {
        let (nodes, edges) = self._networkx_parts(py, sources)?;
        tables(py)?.getattr("networkx_graph")?.call1((nodes, edges))
    }

    /// The columns of `reports_table()`, as a dict of lists.
    fn _reports_columns<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let graph = self.graph();
        let analysis = py.detach(|| graph.analyze());
        let n = graph.n_reports();
        let columns = Columns::new(py);
        let mut id = Vec::with_capacity(n);
        let mut key = Vec::with_capacity(n);
        let mut document = Vec::with_capacity(n);
        let mut claim = Vec::with_capacity(n);
        let mut content = Vec::with_capacity(n);
        let mut sources = Vec::with_capacity(n);
        let mut source_names = Vec::with_capacity(n);
        let mut cue = Vec::with_capacity(n);
        let mut mode = Vec::with_capacity(n);
        let mut attitude = Vec::with_capacity(n);
        let mut factuality = Vec::with_capacity(n);
        let mut voice = Vec::with_capacity(n);
        let mut time_start = Vec::with_capacity(n);
        let mut time_end = Vec::with_capacity(n);
        let mut channel = Vec::with_capacity(n);
        let mut audience = Vec::with_capacity(n);
        let mut n_relays = Vec::with_capacity(n);
        let mut shortest = Vec::with_capacity(n);
        let mut longest = Vec::with_capacity(n);
        let mut n_primary = Vec::with_capacity(n);
        for (report_id, report) in graph.reports() {
            id.push(report_id.to_string());
            key.push(report.key.as_deref());
            document.push(report.document.map(|d| d.to_string()));
            claim.push(report.claim.map(|c| c.to_string()));
            content.push(
                report
                    .claim
                    .and_then(|c| graph.claim(c))
                    .map(|c| c.content.as_str()),
            );
            sources.push(
                report
                    .sources
                    .iter()
                    .map(|s| s.to_string())
                    .collect::<Vec<_>>(),
            );
            source_names.push(
                report
                    .sources
                    .iter()
                    .filter_map(|&s| graph.source(s).map(|s| s.name.as_str()))
                    .collect::<Vec<_>>(),
            );
            cue.push(report.cue.as_deref());
            mode.push(report.mode.map(names::mode));
            attitude.push(report.attitude.map(names::attitude));
            factuality.push(report.factuality.map(|f| f.to_string()));
            voice.push(match report.voice {
                Voice::Document => "document",
                _ => "source",
            });
            time_start.push(report.time.map(|t| date_py(py, t.start())).transpose()?);
            time_end.push(report.time.map(|t| date_py(py, t.end())).transpose()?);
            channel.push(report.channel.as_deref());
            audience.push(report.audience.as_deref());
            n_relays.push(report.relays.len());
            let depth = analysis.depth(report_id);
            shortest.push(depth.map(|d| d.shortest));
            longest.push(depth.map(|d| d.longest));
            n_primary.push(analysis.n_primary_sources(report_id));
        }
        columns.set("id", id)?;
        columns.set("key", key)?;
        columns.set("document", document)?;
        columns.set("claim", claim)?;
        columns.set("content", content)?;
        columns.set("sources", sources)?;
        columns.set("source_names", source_names)?;
        columns.set("cue", cue)?;
        columns.set("mode", mode)?;
        columns.set("attitude", attitude)?;
        columns.set("factuality", factuality)?;
        columns.set("voice", voice)?;
        columns.set("time_start", time_start)?;
        columns.set("time_end", time_end)?;
        columns.set("channel", channel)?;
        columns.set("audience", audience)?;
        columns.set("n_relays", n_relays)?;
        columns.set("shortest", shortest)?;
        columns.set("longest", longest)?;
        columns.set("n_primary_sources", n_primary)?;
        Ok(columns.dict)
    }

    /// The columns of `relays_table()`, as a dict of lists.
    fn _relays_columns<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let graph = self.graph();
        let columns = Columns::new(py);
        let mut report = Vec::new();
        let mut relayed = Vec::new();
        let mut kind = Vec::new();
        let mut report_key = Vec::new();
        let mut relayed_key = Vec::new();
        for (id, stored) in graph.reports() {
            for relay in &stored.relays {
                report.push(id.to_string());
                relayed.push(relay.to.to_string());
                kind.push(names::relay_kind(relay.kind));
                report_key.push(stored.key.as_deref());
                relayed_key.push(graph.report(relay.to).and_then(|r| r.key.as_deref()));
            }
        }
        columns.set("report", report)?;
        columns.set("relayed", relayed)?;
        columns.set("kind", kind)?;
        columns.set("report_key", report_key)?;
        columns.set("relayed_key", relayed_key)?;
        Ok(columns.dict)
    }

    /// The columns of `sources_table()`, as a dict of lists.
    fn _sources_columns<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let graph = self.graph();
        let columns = Columns::new(py);
        let mut id = Vec::new();
        let mut key = Vec::new();
        let mut name = Vec::new();
        let mut kind = Vec::new();
        let mut descriptors = Vec::new();
        let mut affiliation = Vec::new();
        let mut reliability = Vec::new();
        let mut n_reports = Vec::new();
        for (source_id, source) in graph.sources() {
            id.push(source_id.to_string());
            key.push(source.key.as_deref());
            name.push(source.name.as_str());
            kind.push(source.kind.as_str());
            descriptors.push(source.descriptors.clone());
            affiliation.push(source.affiliation.map(|a| a.to_string()));
            reliability.push(source.reliability.map(|r| r.to_string()));
            n_reports.push(graph.reports_by(source_id).len());
        }
        columns.set("id", id)?;
        columns.set("key", key)?;
        columns.set("name", name)?;
        columns.set("kind", kind)?;
        columns.set("descriptors", descriptors)?;
        columns.set("affiliation", affiliation)?;
        columns.set("reliability", reliability)?;
        columns.set("n_reports", n_reports)?;
        Ok(columns.dict)
    }

    /// Nodes and edges for `to_networkx()`: reports (and, with `sources`,
    /// speakers) with their attributes, relays (and who spoke what).
    #[pyo3(signature = (sources=false))]
    fn _networkx_parts<'py>(
        &self,
        py: Python<'py>,
        sources: bool,
    ) -> PyResult<(Bound<'py, PyList>, Bound<'py, PyList>)> {
        let graph = self.graph();
        let analysis = py.detach(|| graph.analyze());
        let nodes = PyList::empty(py);
        let edges = PyList::empty(py);
        for (id, report) in graph.reports() {
            let attrs = PyDict::new(py);
            attrs.set_item("type", "report")?;
            attrs.set_item("key", report.key.as_deref())?;
            attrs.set_item(
                "claim",
                report
                    .claim
                    .and_then(|c| graph.claim(c))
                    .map(|c| c.content.as_str()),
            )?;
            attrs.set_item("cue", report.cue.as_deref())?;
            attrs.set_item(
                "speakers",
                report
                    .sources
                    .iter()
                    .filter_map(|&s| graph.source(s).map(|s| s.name.as_str()))
                    .collect::<Vec<_>>(),
            )?;
            attrs.set_item("document", report.document.map(|d| d.to_string()))?;
            let depth = analysis.depth(id);
            attrs.set_item("shortest", depth.map(|d| d.shortest))?;
            attrs.set_item("longest", depth.map(|d| d.longest))?;
            nodes.append(PyTuple::new(
                py,
                [
                    id.to_string().into_pyobject(py)?.into_any(),
                    attrs.into_any(),
                ],
            )?)?;
            for relay in &report.relays {
                let attrs = PyDict::new(py);
                attrs.set_item("type", "relay")?;
                attrs.set_item("kind", names::relay_kind(relay.kind))?;
                edges.append((id.to_string(), relay.to.to_string(), attrs))?;
            }
            if sources {
                for &s in &report.sources {
                    let attrs = PyDict::new(py);
                    attrs.set_item("type", "speaks")?;
                    edges.append((s.to_string(), id.to_string(), attrs))?;
                }
            }
        }
        if sources {
            for (id, source) in graph.sources() {
                let attrs = PyDict::new(py);
                attrs.set_item("type", "source")?;
                attrs.set_item("name", source.name.as_str())?;
                attrs.set_item("kind", source.kind.as_str())?;
                attrs.set_item("key", source.key.as_deref())?;
                nodes.append((id.to_string(), attrs))?;
            }
        }
        Ok((nodes, edges))
    }

    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        other.cast::<PyGraph>().is_ok_and(|o| {
            let o = o.get();
            Arc::ptr_eq(&o.data, &self.data) || o.data.graph == self.data.graph
        })
    }

    fn __repr__(&self) -> String {
        let g = self.graph();
        format!(
            "<Graph: {} documents, {} sources, {} claims, {} reports, {} relays>",
            g.n_documents(),
            g.n_sources(),
            g.n_claims(),
            g.n_reports(),
            g.n_relays()
        )
    }

    /// Pickling goes through the native JSON format (lossless).
    fn __reduce__<'py>(
        &self,
        py: Python<'py>,
    ) -> PyResult<(Bound<'py, PyAny>, (Bound<'py, PyBytes>,))> {
        let graph = self.graph();
        let bytes = py
            .detach(|| {
                let mut out = Vec::new();
                json::write(graph, &mut out).map(|()| out)
            })
            .or_raise(py)?;
        let constructor = py.get_type::<PyGraph>().getattr("from_json")?;
        Ok((constructor, (PyBytes::new(py, &bytes),)))
    }
}

/// A dict of columns being filled.
struct Columns<'py> {
    dict: Bound<'py, PyDict>,
}

impl<'py> Columns<'py> {
    fn new(py: Python<'py>) -> Columns<'py> {
        Columns {
            dict: PyDict::new(py),
        }
    }

    fn set<T: IntoPyObject<'py>>(&self, name: &str, values: Vec<T>) -> PyResult<()> {
        self.dict.set_item(name, values)
    }
}
