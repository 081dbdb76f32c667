//! Sources, claims, reports and documents as light read-only Python objects.
//!
//! Each holds the graph it belongs to (shared, immutable) and its id, and
//! reads its properties from the graph when asked. Two items are equal when
//! they are the same item of the same graph object.

use std::hash::{Hash, Hasher};
use std::sync::Arc;

use according::{
    Claim, ClaimId, Document, DocumentId, Graph, Report, ReportId, Source, SourceId, Voice,
};
use pyo3::exceptions::{PyRuntimeError, PyTypeError};
use pyo3::prelude::*;
use pyo3::types::PyString;

use crate::convert::{char_spans, date_py};
use crate::errors::unknown;

/// A graph and what its reader said about it, shared by every object that
/// refers into it.
pub(crate) struct GraphData {
    /// The graph. Never changes once shared.
    pub(crate) graph: Graph,
    /// Namespace prefixes of a PROV-JSON input, kept for re-export.
    pub(crate) prefixes: Vec<(String, String)>,
    /// What the reader skipped, one line each.
    pub(crate) skipped: Vec<String>,
}

/// The shared, immutable graph.
pub(crate) type Shared = Arc<GraphData>;

impl GraphData {
    /// A graph with nothing skipped.
    pub(crate) fn new(graph: Graph) -> Shared {
        Arc::new(GraphData {
            graph,
            prefixes: Vec::new(),
            skipped: Vec::new(),
        })
    }
}

/// A stable hash of (graph object, id).
fn hash_of(data: &Shared, kind: u8, index: usize) -> u64 {
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    (Arc::as_ptr(data) as usize, kind, index).hash(&mut hasher);
    hasher.finish()
}

/// The error for an item whose record is missing: cannot happen for items
/// made by the bindings, which only make them from ids of their graph.
fn missing(kind: &str, id: impl std::fmt::Display) -> PyErr {
    PyRuntimeError::new_err(format!("{kind} {id} is missing from its graph"))
}

/// Repr of a text, shortened to `max` characters.
fn short(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_owned()
    } else {
        let mut out: String = text.chars().take(max).collect();
        out.push('…');
        out
    }
}

/// The `#[pymethods]` block of an item class: the methods every item has,
/// then the class's own.
macro_rules! item_methods {
    ($class:ty { $($own:tt)* }) => {
        #[pymethods]
        impl $class {
        /// The printed id (`"r12"`, `"s3"`, `"c0"`, `"d1"`), stable for this graph.
        #[getter]
        fn id(&self) -> String {
            self.id.to_string()
        }

        /// The position in insertion order, starting at 0.
        #[getter]
        fn index(&self) -> usize {
            self.id.index()
        }

        /// The graph this item belongs to.
        #[getter]
        fn graph(&self) -> crate::graph::PyGraph {
            crate::graph::PyGraph::from_shared(self.data.clone())
        }

        fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
            other
                .cast::<Self>()
                .is_ok_and(|o| o.get().id == self.id && Arc::ptr_eq(&o.get().data, &self.data))
        }

        fn __hash__(&self) -> u64 {
            hash_of(&self.data, Self::KIND, self.id.index())
        }

        $($own)*
        }
    };
}

/// One act of attribution: a source asserts, believes, estimates, denies ...
/// a claim, possibly by relaying other reports.
#[pyclass(frozen, name = "Report", module = "according")]
pub(crate) struct PyReport {
    pub(crate) data: Shared,
    pub(crate) id: ReportId,
}

/// A speaker: a person, organisation, unnamed group, document or publisher.
#[pyclass(frozen, name = "Source", module = "according")]
pub(crate) struct PySource {
    pub(crate) data: Shared,
    pub(crate) id: SourceId,
}

/// What is reported: a proposition, possibly reported many times.
#[pyclass(frozen, name = "Claim", module = "according")]
pub(crate) struct PyClaim {
    pub(crate) data: Shared,
    pub(crate) id: ClaimId,
}

/// An article (or any text) with its publisher, date and text.
#[pyclass(frozen, name = "Document", module = "according")]
pub(crate) struct PyDocument {
    pub(crate) data: Shared,
    pub(crate) id: DocumentId,
}

impl PyReport {
    const KIND: u8 = 0;

    pub(crate) fn new(data: &Shared, id: ReportId) -> PyReport {
        PyReport {
            data: data.clone(),
            id,
        }
    }

    fn record(&self) -> PyResult<&Report> {
        self.data
            .graph
            .report(self.id)
            .ok_or_else(|| missing("report", self.id))
    }

    /// The report's spans of one part, as code-point offsets into its
    /// document's text.
    fn spans(
        &self,
        part: impl Fn(&according::Evidence) -> &[according::Span],
    ) -> PyResult<Vec<(usize, usize)>> {
        let report = self.record()?;
        let Some(evidence) = report.evidence.as_deref() else {
            return Ok(Vec::new());
        };
        let text = report
            .document
            .and_then(|d| self.data.graph.document(d))
            .and_then(|d| d.text.as_deref())
            .unwrap_or("");
        Ok(char_spans(text, part(evidence)))
    }
}

item_methods!(PyReport {

    /// The external key (a PROV qualified name such as `"r:12"`), or None.
    #[getter]
    fn key(&self) -> PyResult<Option<String>> {
        Ok(self.record()?.key.clone())
    }

    /// The speakers: usually one, several for a joint statement, none when
    /// the text does not say who.
    #[getter]
    fn sources(&self) -> PyResult<Vec<PySource>> {
        Ok(self
            .record()?
            .sources
            .iter()
            .map(|&s| PySource::new(&self.data, s))
            .collect())
    }

    /// The claim reported, or None.
    #[getter]
    fn claim(&self) -> PyResult<Option<PyClaim>> {
        Ok(self.record()?.claim.map(|c| PyClaim::new(&self.data, c)))
    }

    /// The document the report appears in, or None.
    #[getter]
    fn document(&self) -> PyResult<Option<PyDocument>> {
        Ok(self
            .record()?
            .document
            .map(|d| PyDocument::new(&self.data, d)))
    }

    /// The reports this one relays, one step down each chain.
    #[getter]
    fn relays(&self) -> PyResult<Vec<PyReport>> {
        Ok(self
            .record()?
            .relays
            .iter()
            .map(|relay| PyReport::new(&self.data, relay.to))
            .collect())
    }

    /// How each of `relays` is relayed: `"derivation"`, `"quotation"` or
    /// `"primary_source"`, in the same order.
    #[getter]
    fn relay_kinds(&self) -> PyResult<Vec<&'static str>> {
        Ok(self
            .record()?
            .relays
            .iter()
            .map(|relay| crate::names::relay_kind(relay.kind))
            .collect())
    }

    /// The cue words (`"said"`, `"according to"`), or None.
    #[getter]
    fn cue(&self) -> PyResult<Option<String>> {
        Ok(self.record()?.cue.clone())
    }

    /// `"direct"`, `"indirect"` or `"mixed"` quotation, or None.
    #[getter]
    fn mode(&self) -> PyResult<Option<&'static str>> {
        Ok(self.record()?.mode.map(crate::names::mode))
    }

    /// The stance the cue expresses: `"assertion"`, `"belief"`, `"estimate"`,
    /// `"denial"`, `"suggestion"`, `"question"` or `"intention"`, or None.
    #[getter]
    fn attitude(&self) -> PyResult<Option<&'static str>> {
        Ok(self.record()?.attitude.map(crate::names::attitude))
    }

    /// FactBank factuality (`"CT+"`, `"PS-"`, ...), or None.
    #[getter]
    fn factuality(&self) -> PyResult<Option<String>> {
        Ok(self.record()?.factuality.map(|f| f.to_string()))
    }

    /// When the report was made, as `(first day, last day)` dates, or None.
    #[getter]
    fn time<'py>(
        &self,
        py: Python<'py>,
    ) -> PyResult<Option<(Bound<'py, PyAny>, Bound<'py, PyAny>)>> {
        match self.record()?.time {
            Some(range) => Ok(Some((
                date_py(py, range.start())?,
                date_py(py, range.end())?,
            ))),
            None => Ok(None),
        }
    }

    /// How: `"briefing"`, `"in a report"`, or None.
    #[getter]
    fn channel(&self) -> PyResult<Option<String>> {
        Ok(self.record()?.channel.clone())
    }

    /// To whom: `"reporters"`, or None.
    #[getter]
    fn audience(&self) -> PyResult<Option<String>> {
        Ok(self.record()?.audience.clone())
    }

    /// `"source"` (attributed) or `"document"` (the document's own voice).
    #[getter]
    fn voice(&self) -> PyResult<&'static str> {
        Ok(match self.record()?.voice {
            Voice::Document => "document",
            _ => "source",
        })
    }

    /// Whether the report is attributed and relays nothing: the start of a
    /// chain.
    #[getter]
    fn is_primary(&self) -> PyResult<bool> {
        Ok(self.record()?.is_primary())
    }

    /// Whether the report is in its document's own voice (depth 0).
    #[getter]
    fn is_unattributed(&self) -> PyResult<bool> {
        Ok(self.record()?.is_unattributed())
    }

    /// Where the speaker is named, as `(start, end)` offsets into the
    /// document's text in code points: `document.text[start:end]`.
    #[getter]
    fn source_spans(&self) -> PyResult<Vec<(usize, usize)>> {
        self.spans(|e| &e.source)
    }

    /// Where the cue is, as `(start, end)` code-point offsets.
    #[getter]
    fn cue_spans(&self) -> PyResult<Vec<(usize, usize)>> {
        self.spans(|e| &e.cue)
    }

    /// Where the content is (possibly in several parts), as `(start, end)`
    /// code-point offsets.
    #[getter]
    fn content_spans(&self) -> PyResult<Vec<(usize, usize)>> {
        self.spans(|e| &e.content)
    }

    fn __repr__(&self) -> PyResult<String> {
        let report = self.record()?;
        let graph = &self.data.graph;
        let speakers: Vec<&str> = report
            .sources
            .iter()
            .filter_map(|&s| graph.source(s).map(|s| s.name.as_str()))
            .collect();
        let who = match (report.voice, speakers.is_empty()) {
            (Voice::Document, _) => "(document's own voice)".to_owned(),
            (_, true) => "(unknown)".to_owned(),
            (_, false) => speakers.join(" & "),
        };
        let claim = report
            .claim
            .and_then(|c| graph.claim(c))
            .map_or(String::new(), |c| short(&c.content, 40));
        let cue = report.cue.as_deref().map_or(String::new(), |c| format!(" {c}"));
        Ok(format!("<Report {}: {who}{cue} {claim:?}>", self.id))
    }
});

impl PySource {
    const KIND: u8 = 1;

    pub(crate) fn new(data: &Shared, id: SourceId) -> PySource {
        // Follow merges, so that a source always shows its live record.
        let id = data.graph.resolve_source(id).unwrap_or(id);
        PySource {
            data: data.clone(),
            id,
        }
    }

    fn record(&self) -> PyResult<&Source> {
        self.data
            .graph
            .source(self.id)
            .ok_or_else(|| missing("source", self.id))
    }
}

item_methods!(PySource {

    /// The external key, or None.
    #[getter]
    fn key(&self) -> PyResult<Option<String>> {
        Ok(self.record()?.key.clone())
    }

    /// The canonical name: `"Lee Seong-kweun"`, `"Analysts"`.
    #[getter]
    fn name(&self) -> PyResult<String> {
        Ok(self.record()?.name.clone())
    }

    /// `"person"`, `"organization"`, `"group"`, `"document"`, `"publisher"`
    /// or `"unnamed"`.
    #[getter]
    fn kind(&self) -> PyResult<&'static str> {
        Ok(self.record()?.kind.as_str())
    }

    /// Descriptions of the speaker: `["South Korean lawmaker"]`.
    #[getter]
    fn descriptors(&self) -> PyResult<Vec<String>> {
        Ok(self.record()?.descriptors.clone())
    }

    /// Other names the speaker goes by.
    #[getter]
    fn aliases(&self) -> PyResult<Vec<String>> {
        Ok(self.record()?.aliases.clone())
    }

    /// The words of every mention of the speaker (`"He"`, `"the lawmaker"`).
    #[getter]
    fn mentions(&self) -> PyResult<Vec<String>> {
        Ok(self
            .record()?
            .mentions
            .iter()
            .map(|m| m.text.clone())
            .collect())
    }

    /// The source this one speaks on behalf of, or None.
    #[getter]
    fn affiliation(&self) -> PyResult<Option<PySource>> {
        Ok(self
            .record()?
            .affiliation
            .map(|s| PySource::new(&self.data, s)))
    }

    /// Admiralty reliability grade `"A"` to `"F"`, or None.
    #[getter]
    fn reliability(&self) -> PyResult<Option<String>> {
        Ok(self.record()?.reliability.map(|r| r.to_string()))
    }

    fn __repr__(&self) -> PyResult<String> {
        let source = self.record()?;
        Ok(format!(
            "<Source {}: {:?} ({})>",
            self.id,
            source.name,
            source.kind.as_str()
        ))
    }
});

impl PyClaim {
    const KIND: u8 = 2;

    pub(crate) fn new(data: &Shared, id: ClaimId) -> PyClaim {
        let id = data.graph.resolve_claim(id).unwrap_or(id);
        PyClaim {
            data: data.clone(),
            id,
        }
    }

    fn record(&self) -> PyResult<&Claim> {
        self.data
            .graph
            .claim(self.id)
            .ok_or_else(|| missing("claim", self.id))
    }
}

item_methods!(PyClaim {

    /// The external key, or None.
    #[getter]
    fn key(&self) -> PyResult<Option<String>> {
        Ok(self.record()?.key.clone())
    }

    /// The content as worded in the evidence.
    #[getter]
    fn content(&self) -> PyResult<String> {
        Ok(self.record()?.content.clone())
    }

    fn __repr__(&self) -> PyResult<String> {
        Ok(format!(
            "<Claim {}: {:?}>",
            self.id,
            short(&self.record()?.content, 60)
        ))
    }
});

impl PyDocument {
    const KIND: u8 = 3;

    pub(crate) fn new(data: &Shared, id: DocumentId) -> PyDocument {
        PyDocument {
            data: data.clone(),
            id,
        }
    }

    fn record(&self) -> PyResult<&Document> {
        self.data
            .graph
            .document(self.id)
            .ok_or_else(|| missing("document", self.id))
    }
}

item_methods!(PyDocument {

    /// The external key (a file name, a URL), or None.
    #[getter]
    fn key(&self) -> PyResult<Option<String>> {
        Ok(self.record()?.key.clone())
    }

    /// The headline, or None.
    #[getter]
    fn title(&self) -> PyResult<Option<String>> {
        Ok(self.record()?.title.clone())
    }

    /// The publisher, a source of the same graph, or None.
    #[getter]
    fn publisher(&self) -> PyResult<Option<PySource>> {
        Ok(self
            .record()?
            .publisher
            .map(|s| PySource::new(&self.data, s)))
    }

    /// The dateline as a `datetime.date`, or None.
    #[getter]
    fn date<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        self.record()?.date.map(|d| date_py(py, d)).transpose()
    }

    /// The full text, which evidence spans index into, or None.
    #[getter]
    fn text(&self) -> PyResult<Option<String>> {
        Ok(self.record()?.text.clone())
    }

    fn __repr__(&self) -> PyResult<String> {
        let document = self.record()?;
        let name = document
            .key
            .as_deref()
            .or(document.title.as_deref())
            .map_or(String::new(), |n| format!(" {n:?}"));
        let date = document.date.map_or(String::new(), |d| format!(" {d}"));
        Ok(format!("<Document {}:{name}{date}>", self.id))
    }
});

/// How a Python reference to an item is resolved: an item object of this
/// graph, a key, a printed id (`"r12"`) or an index.
pub(crate) trait Resolve: Sized + Copy + std::fmt::Display + std::str::FromStr {
    /// `"report"`, `"source"`, ...
    const NAME: &'static str;
    /// The item with this key.
    fn by_key(graph: &Graph, key: &str) -> Option<Self>;
    /// The id at `index`, if it names an item.
    fn at(graph: &Graph, index: usize) -> Option<Self>;
    /// Whether the id names an item.
    fn exists(graph: &Graph, id: Self) -> bool;
    /// The id of an item object of kind `Self`, with its graph.
    fn of_object<'a>(obj: &'a Bound<'_, PyAny>) -> Option<(&'a Shared, Self)>;
}

macro_rules! resolve_impl {
    ($id:ty, $class:ty, $name:literal, $by_key:ident, $get:ident) => {
        impl Resolve for $id {
            const NAME: &'static str = $name;
            fn by_key(graph: &Graph, key: &str) -> Option<Self> {
                graph.$by_key(key)
            }
            fn at(graph: &Graph, index: usize) -> Option<Self> {
                <$id>::from_index(index).filter(|&id| graph.$get(id).is_some())
            }
            fn exists(graph: &Graph, id: Self) -> bool {
                graph.$get(id).is_some()
            }
            fn of_object<'a>(obj: &'a Bound<'_, PyAny>) -> Option<(&'a Shared, Self)> {
                let item = obj.cast::<$class>().ok()?.get();
                Some((&item.data, item.id))
            }
        }
    };
}

resolve_impl!(ReportId, PyReport, "report", report_by_key, report);
resolve_impl!(SourceId, PySource, "source", source_by_key, source);
resolve_impl!(ClaimId, PyClaim, "claim", claim_by_key, claim);
resolve_impl!(
    DocumentId,
    PyDocument,
    "document",
    document_by_key,
    document
);

/// Resolves `obj` to an id of `data`'s graph: an item object of that graph,
/// a `str` (a key first, then a printed id such as `"r12"`) or an `int`
/// index.
pub(crate) fn resolve<Id: Resolve>(data: &Shared, obj: &Bound<'_, PyAny>) -> PyResult<Id> {
    let py = obj.py();
    let graph = &data.graph;
    if let Some((owner, id)) = Id::of_object(obj) {
        if Arc::ptr_eq(owner, data) {
            return Ok(id);
        }
        return Err(unknown(
            py,
            Id::NAME,
            &format!("{} {id} belongs to another graph", Id::NAME),
            &id.to_string(),
        ));
    }
    if let Ok(text) = obj.cast::<PyString>() {
        let text = text.to_cow()?;
        if let Some(id) = Id::by_key(graph, &text) {
            return Ok(id);
        }
        if let Ok(id) = text.parse::<Id>()
            && Id::exists(graph, id)
        {
            return Ok(id);
        }
        return Err(unknown(
            py,
            Id::NAME,
            &format!("unknown {} {:?}", Id::NAME, &*text),
            &text,
        ));
    }
    if let Ok(index) = obj.extract::<i64>() {
        let id = usize::try_from(index)
            .ok()
            .and_then(|index| Id::at(graph, index));
        return id.ok_or_else(|| {
            unknown(
                py,
                Id::NAME,
                &format!("unknown {} index {index}", Id::NAME),
                &index.to_string(),
            )
        });
    }
    Err(PyTypeError::new_err(format!(
        "expected a {}, a key, an id such as {:?} or an index, got {}",
        Id::NAME,
        format!("{}0", &Id::NAME[..1]),
        obj.get_type().name()?
    )))
}
