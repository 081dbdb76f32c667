//! The library's errors as the package's exceptions.
//!
//! The exception classes are plain Python (`according/_errors.py`), so that
//! they can inherit from the built-in exceptions a Python user expects
//! (`LookupError`, `ValueError`, `OSError`) as well as from `according.Error`.
//! Each is raised with the library's message unchanged and with the
//! offending item as attributes.

use according::Error;
use pyo3::BoundObject;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::PyModule;

static ERRORS: PyOnceLock<Py<PyModule>> = PyOnceLock::new();

/// Converts a library result into a Python one.
pub(crate) trait OrRaise<T> {
    /// The value, or the library's error as an `according.Error` subclass.
    fn or_raise(self, py: Python<'_>) -> PyResult<T>;
}

impl<T> OrRaise<T> for Result<T, Error> {
    fn or_raise(self, py: Python<'_>) -> PyResult<T> {
        self.map_err(|err| to_py(py, &err))
    }
}

/// An attribute set on a raised exception.
type Attrs<'py> = Vec<(&'static str, Bound<'py, PyAny>)>;

fn attr<'py>(
    py: Python<'py>,
    name: &'static str,
    value: impl IntoPyObject<'py>,
) -> PyResult<(&'static str, Bound<'py, PyAny>)> {
    let value = value.into_pyobject(py).map_err(Into::into)?;
    Ok((name, value.into_any().into_bound()))
}

/// The exception class named `class` of `according._errors`, raised with
/// `message` and the given attributes.
pub(crate) fn raise(py: Python<'_>, class: &str, message: &str, attrs: Attrs<'_>) -> PyErr {
    let build = || -> PyResult<PyErr> {
        let module = ERRORS
            .get_or_try_init(py, || py.import("according._errors").map(Bound::unbind))?
            .bind(py);
        let value = module.getattr(class)?.call1((message,))?;
        for (name, attr) in attrs {
            value.setattr(name, attr)?;
        }
        Ok(PyErr::from_value(value))
    };
    build().unwrap_or_else(|err| err)
}

/// An `UnknownIdError` for a reference the bindings could not resolve (a
/// key, or an item of another graph), with a message in the library's style.
pub(crate) fn unknown(py: Python<'_>, kind: &'static str, message: &str, id: &str) -> PyErr {
    let attrs = (|| Ok::<_, PyErr>(vec![attr(py, "kind", kind)?, attr(py, "id", id)?]))();
    match attrs {
        Ok(attrs) => raise(py, "UnknownIdError", message, attrs),
        Err(err) => err,
    }
}

/// The exception for `err`: its class by the error's kind, its message as
/// the library writes it.
pub(crate) fn to_py(py: Python<'_>, err: &Error) -> PyErr {
    let message = err.to_string();
    let classified = (|| -> PyResult<(&'static str, Attrs<'_>)> {
        Ok(match err {
            Error::UnknownSource(id) => (
                "UnknownIdError",
                vec![attr(py, "kind", "source")?, attr(py, "id", id.to_string())?],
            ),
            Error::UnknownClaim(id) => (
                "UnknownIdError",
                vec![attr(py, "kind", "claim")?, attr(py, "id", id.to_string())?],
            ),
            Error::UnknownReport(id) => (
                "UnknownIdError",
                vec![attr(py, "kind", "report")?, attr(py, "id", id.to_string())?],
            ),
            Error::UnknownDocument(id) => (
                "UnknownIdError",
                vec![
                    attr(py, "kind", "document")?,
                    attr(py, "id", id.to_string())?,
                ],
            ),
            Error::Parse {
                format,
                line,
                column,
                message,
            } => (
                "ParseError",
                vec![
                    attr(py, "format", *format)?,
                    attr(py, "line", *line)?,
                    attr(py, "column", *column)?,
                    attr(py, "detail", message.as_str())?,
                ],
            ),
            Error::UnsupportedVersion { found, supported } => (
                "UnsupportedVersionError",
                vec![
                    attr(py, "format", "json")?,
                    attr(py, "found", *found)?,
                    attr(py, "supported", *supported)?,
                ],
            ),
            Error::InvalidValue { what, value } => (
                "InvalidValueError",
                vec![attr(py, "what", *what)?, attr(py, "value", value.as_str())?],
            ),
            Error::LimitExceeded { what, limit } => (
                "LimitExceededError",
                vec![attr(py, "what", *what)?, attr(py, "limit", *limit)?],
            ),
            Error::Io { path, .. } => ("IoError", vec![attr(py, "path", path.clone())?]),
            Error::SelfRelay(_)
            | Error::UnattributedRelay(_)
            | Error::SelfAffiliation(_)
            | Error::AffiliationCycle(_)
            | Error::SelfMerge(_)
            | Error::SelfClaimMerge(_)
            | Error::DuplicateKey { .. }
            | Error::InvalidSpan { .. }
            | Error::EvidenceWithoutDocument
            | Error::InvalidDateRange { .. } => ("InvalidGraphError", Vec::new()),
            // The library's error is non-exhaustive: a kind added later is
            // still an `according.Error`.
            _ => ("Error", Vec::new()),
        })
    })();
    match classified {
        Ok((class, attrs)) => raise(py, class, &message, attrs),
        Err(err) => err,
    }
}
