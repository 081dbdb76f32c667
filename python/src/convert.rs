//! Conversions at the boundary: input data (a path, text or bytes), dates,
//! and byte offsets into code-point offsets.

use std::fs::File;
use std::io::Read;
use std::path::{Path, PathBuf};

use according::Error;
use according::format::limits::Limits;
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyBytes, PyString, PyType};

use crate::errors::OrRaise;

/// What a reader is given: a file to open, or the content itself.
pub(crate) enum Data<'a> {
    /// A file, read with the interpreter lock released.
    Path(PathBuf),
    /// The bytes of a `bytes` object (immutable, kept alive by the caller).
    Borrowed(&'a [u8]),
    /// The UTF-8 encoding of a `str`.
    Owned(Vec<u8>),
}

/// Whether a `str` argument is content rather than a file name: JSON starts
/// with `{`, and an edge list holds tabs and line breaks, none of which a
/// file name holds in practice. `pathlib.Path` is always a file.
fn looks_like_content(text: &str) -> bool {
    text.trim_start().starts_with(['{', '[']) || text.contains(['\n', '\t'])
}

/// Reads the `data` argument of the `from_*` constructors.
pub(crate) fn data_arg<'a>(data: &'a Bound<'_, PyAny>) -> PyResult<Data<'a>> {
    if let Ok(bytes) = data.cast::<PyBytes>() {
        return Ok(Data::Borrowed(bytes.as_bytes()));
    }
    if let Ok(text) = data.cast::<PyString>() {
        let text = text.to_cow()?;
        return Ok(if looks_like_content(&text) {
            Data::Owned(text.into_owned().into_bytes())
        } else {
            Data::Path(PathBuf::from(text.into_owned()))
        });
    }
    if let Ok(path) = data.extract::<PathBuf>() {
        return Ok(Data::Path(path));
    }
    Err(PyTypeError::new_err(format!(
        "expected a path, str or bytes, got {}",
        data.get_type().name()?
    )))
}

/// The whole file at `path`, within the readers' size limit.
pub(crate) fn read_file(path: &Path) -> Result<Vec<u8>, Error> {
    let limits = Limits::default();
    let file = File::open(path).map_err(|e| Error::io(path, e))?;
    // One byte past the limit tells a file at the limit from a larger one.
    let cap = u64::try_from(limits.input_bytes_limit())
        .unwrap_or(u64::MAX)
        .saturating_add(1);
    let mut bytes = Vec::new();
    file.take(cap)
        .read_to_end(&mut bytes)
        .map_err(|e| Error::io(path, e))?;
    limits.check_input(bytes.len())?;
    Ok(bytes)
}

static DATE: PyOnceLock<Py<PyType>> = PyOnceLock::new();

/// The class `datetime.date`.
fn date_class(py: Python<'_>) -> PyResult<&Bound<'_, PyType>> {
    DATE.import(py, "datetime", "date")
}

/// A `datetime.date` (or `datetime.datetime`, whose day is taken) or an ISO
/// 8601 `YYYY-MM-DD` string, as a date.
pub(crate) fn date_arg(py: Python<'_>, value: &Bound<'_, PyAny>) -> PyResult<time::Date> {
    let invalid = |text: String| Error::InvalidValue {
        what: "date",
        value: text,
    };
    if let Ok(text) = value.cast::<PyString>() {
        let text = text.to_cow()?;
        let format = time::macros::format_description!("[year]-[month]-[day]");
        return time::Date::parse(&text, format)
            .map_err(|_| invalid(text.into_owned()))
            .or_raise(py);
    }
    if value.is_instance(date_class(py)?)? {
        let year: i32 = value.getattr("year")?.extract()?;
        let month: u8 = value.getattr("month")?.extract()?;
        let day: u8 = value.getattr("day")?.extract()?;
        let month = time::Month::try_from(month).map_err(|_| invalid(value.to_string()));
        return month
            .and_then(|month| {
                time::Date::from_calendar_date(year, month, day)
                    .map_err(|_| invalid(value.to_string()))
            })
            .or_raise(py);
    }
    Err(PyTypeError::new_err(format!(
        "expected a datetime.date or a 'YYYY-MM-DD' string, got {}",
        value.get_type().name()?
    )))
}

/// `date` as a `datetime.date`.
pub(crate) fn date_py(py: Python<'_>, date: time::Date) -> PyResult<Bound<'_, PyAny>> {
    date_class(py)?.call1((date.year(), u8::from(date.month()), date.day()))
}

/// The code-point offset of byte offset `byte` of `text` (clamped to the
/// text): the number of characters before it. UTF-8 continuation bytes are
/// the ones of the form `10xxxxxx`.
pub(crate) fn char_offset(text: &str, byte: usize) -> usize {
    let prefix = &text.as_bytes()[..byte.min(text.len())];
    prefix.iter().filter(|&&b| (b as i8) >= -0x40).count()
}

/// Byte spans of `text` as `(start, end)` code-point offsets, so that
/// `text[start:end]` in Python is the span's text.
pub(crate) fn char_spans(text: &str, spans: &[according::Span]) -> Vec<(usize, usize)> {
    if text.is_ascii() {
        return spans.iter().map(|s| (s.start(), s.end())).collect();
    }
    spans
        .iter()
        .map(|s| (char_offset(text, s.start()), char_offset(text, s.end())))
        .collect()
}
