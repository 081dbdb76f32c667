//! `according.extract`, `according.extract_many` and
//! `according.attributions`: English news text in, attribution graph out.

use std::sync::OnceLock;

use according::Graph;
use according::extract::{Article, Extractor};
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyMapping, PyString, PyTuple};

use crate::convert::{char_spans, date_arg};
use crate::errors::OrRaise;
use crate::graph::PyGraph;
use crate::names;

/// The extractor, built once (its lexicons) and shared by every thread.
fn extractor() -> &'static Extractor {
    static EXTRACTOR: OnceLock<Extractor> = OnceLock::new();
    EXTRACTOR.get_or_init(Extractor::new)
}

/// What is known about one article, read from Python.
#[derive(Default)]
struct Meta {
    date: Option<time::Date>,
    publisher: Option<String>,
    title: Option<String>,
    key: Option<String>,
}

impl Meta {
    fn article<'a>(&self, text: &'a str) -> Article<'a> {
        let mut article = Article::new(text);
        if let Some(date) = self.date {
            article = article.with_date(date);
        }
        if let Some(publisher) = &self.publisher {
            article = article.with_publisher(publisher.clone());
        }
        if let Some(title) = &self.title {
            article = article.with_title(title.clone());
        }
        if let Some(key) = &self.key {
            article = article.with_key(key.clone());
        }
        article
    }
}

fn text_arg(text: &Bound<'_, PyAny>) -> PyResult<String> {
    match text.cast::<PyString>() {
        Ok(text) => Ok(text.to_cow()?.into_owned()),
        Err(_) => Err(PyTypeError::new_err(format!(
            "expected the article's text as str, got {}",
            text.get_type().name()?
        ))),
    }
}

fn optional_date(py: Python<'_>, date: Option<&Bound<'_, PyAny>>) -> PyResult<Option<time::Date>> {
    match date {
        Some(date) if !date.is_none() => Ok(Some(date_arg(py, date)?)),
        _ => Ok(None),
    }
}

/// Extracts the attributions of one English news article into a new graph:
/// a document (with `date`, `publisher`, `title` and `key` when given), its
/// sources, claims and reports, and the relays between nested reports.
///
/// `date` (a `datetime.date` or `"YYYY-MM-DD"`) is the dateline against
/// which relative dates ("said Tuesday", "last month") are resolved.
/// Statements without attribution are kept as reports in the document's own
/// voice. Raises `LimitExceededError` for a text over 64 MiB.
#[pyfunction]
#[pyo3(signature = (text, *, date=None, publisher=None, title=None, key=None))]
pub(crate) fn extract(
    py: Python<'_>,
    text: &Bound<'_, PyAny>,
    date: Option<&Bound<'_, PyAny>>,
    publisher: Option<String>,
    title: Option<String>,
    key: Option<String>,
) -> PyResult<PyGraph> {
    let text = text_arg(text)?;
    let meta = Meta {
        date: optional_date(py, date)?,
        publisher,
        title,
        key,
    };
    let graph = py
        .detach(|| extractor().extract(&meta.article(&text)))
        .or_raise(py)?;
    Ok(PyGraph::new_graph(graph))
}

/// Reads one item of `extract_many`: a text, or `(text, metadata)` where
/// metadata is a mapping with any of `date`, `publisher`, `title`, `key`
/// (other entries are ignored) or None.
fn item_arg(py: Python<'_>, item: &Bound<'_, PyAny>, defaults: &Meta) -> PyResult<(String, Meta)> {
    let mut meta = Meta {
        date: defaults.date,
        publisher: defaults.publisher.clone(),
        title: None,
        key: None,
    };
    if item.cast::<PyString>().is_ok() {
        return Ok((text_arg(item)?, meta));
    }
    let Ok(pair) = item.cast::<PyTuple>() else {
        return Err(PyTypeError::new_err(format!(
            "expected a text or a (text, metadata) tuple, got {}",
            item.get_type().name()?
        )));
    };
    if pair.len() != 2 {
        return Err(PyTypeError::new_err(format!(
            "expected a (text, metadata) tuple, got a tuple of {} items",
            pair.len()
        )));
    }
    let text = text_arg(&pair.get_item(0)?)?;
    let metadata = pair.get_item(1)?;
    if metadata.is_none() {
        return Ok((text, meta));
    }
    let Ok(metadata) = metadata.cast::<PyMapping>() else {
        return Err(PyTypeError::new_err(format!(
            "expected the metadata as a mapping or None, got {}",
            metadata.get_type().name()?
        )));
    };
    let get = |name: &str| -> PyResult<Option<Bound<'_, PyAny>>> {
        if metadata.contains(name)? {
            let value = metadata.get_item(name)?;
            Ok((!value.is_none()).then_some(value))
        } else {
            Ok(None)
        }
    };
    if let Some(date) = get("date")? {
        meta.date = Some(date_arg(py, &date)?);
    }
    if let Some(publisher) = get("publisher")? {
        meta.publisher = Some(publisher.extract()?);
    }
    if let Some(title) = get("title")? {
        meta.title = Some(title.extract()?);
    }
    if let Some(key) = get("key")? {
        meta.key = Some(key.extract()?);
    }
    Ok((text, meta))
}

/// Extracts many articles into one graph, one document each: `items` is an
/// iterable of texts or of `(text, metadata)` tuples, where metadata is a
/// mapping with any of `date`, `publisher`, `title` and `key` (other entries
/// are ignored) or None. `date` and `publisher` given here apply to items
/// that do not set their own.
///
/// Speakers are not linked across documents. Keys must be distinct
/// (`InvalidGraphError` otherwise). The iterable is consumed lazily, one
/// article at a time.
#[pyfunction]
#[pyo3(signature = (items, *, date=None, publisher=None))]
pub(crate) fn extract_many(
    py: Python<'_>,
    items: &Bound<'_, PyAny>,
    date: Option<&Bound<'_, PyAny>>,
    publisher: Option<String>,
) -> PyResult<PyGraph> {
    let defaults = Meta {
        date: optional_date(py, date)?,
        publisher,
        title: None,
        key: None,
    };
    let mut graph = Graph::new();
    for item in items.try_iter()? {
        let (text, meta) = item_arg(py, &item?, &defaults)?;
        let graph = &mut graph;
        py.detach(|| extractor().extract_into(graph, &meta.article(&text)))
            .or_raise(py)?;
    }
    Ok(PyGraph::new_graph(graph))
}

/// One outermost attribution found in a text: who (source), through which
/// words (cue), said what (content), as `(start, end)` offsets into the text
/// in code points, so that `text[start:end]` is the span.
#[pyclass(frozen, get_all, name = "Attribution", module = "according")]
pub(crate) struct PyAttribution {
    /// The source mention's spans (empty when the text names none).
    source: Vec<(usize, usize)>,
    /// The cue's spans.
    cue: Vec<(usize, usize)>,
    /// The content's spans (possibly several parts).
    content: Vec<(usize, usize)>,
    /// `"direct"`, `"indirect"` or `"mixed"`.
    mode: &'static str,
    /// `"assertion"`, `"belief"`, ...
    attitude: &'static str,
}

#[pymethods]
impl PyAttribution {
    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        other.cast::<PyAttribution>().is_ok_and(|o| {
            let o = o.get();
            (&o.source, &o.cue, &o.content, o.mode, o.attitude)
                == (
                    &self.source,
                    &self.cue,
                    &self.content,
                    self.mode,
                    self.attitude,
                )
        })
    }

    fn __repr__(&self) -> String {
        format!(
            "<Attribution source={:?} cue={:?} content={:?} {} {}>",
            self.source, self.cue, self.content, self.mode, self.attitude
        )
    }
}

/// The outermost attributions of `text` (the PolNeAR convention: nested
/// attributions are part of their outer attribution's content), for
/// evaluation against annotated corpora. Raises `LimitExceededError` for a
/// text over 64 MiB.
#[pyfunction]
pub(crate) fn attributions(
    py: Python<'_>,
    text: &Bound<'_, PyAny>,
) -> PyResult<Vec<PyAttribution>> {
    let text = text_arg(text)?;
    let found = py
        .detach(|| extractor().try_attributions(&text))
        .or_raise(py)?;
    Ok(found
        .into_iter()
        .map(|a| PyAttribution {
            source: char_spans(&text, &a.source),
            cue: char_spans(&text, &a.cue),
            content: char_spans(&text, &a.content),
            mode: names::mode(a.mode),
            attitude: names::attitude(a.attitude),
        })
        .collect())
}
