//! The compiled half of the Python package `according`: the module
//! `according._according`.
//!
//! The package (`python/according/`) re-exports what this module defines and
//! adds the pure-Python parts: the exception classes, and the helpers that
//! build pyarrow tables and networkx graphs. Everything here is a thin layer
//! over the library: arguments and results converted at the boundary,
//! errors raised as the package's exceptions with the library's messages,
//! and the interpreter lock released around the work that takes time
//! (extraction, reading, writing, the queries). Graphs are immutable once
//! made, so they are shared between threads without locks.
#![forbid(unsafe_code)]

mod convert;
mod errors;
mod extract;
mod graph;
mod items;
mod names;
mod results;

use pyo3::prelude::*;

/// Attribution modelling for reported speech: who said what, according to
/// whom.
#[pymodule]
fn _according(module: &Bound<'_, PyModule>) -> PyResult<()> {
    module.add("__version__", env!("CARGO_PKG_VERSION"))?;
    module.add_class::<graph::PyGraph>()?;
    module.add_class::<items::PyReport>()?;
    module.add_class::<items::PySource>()?;
    module.add_class::<items::PyClaim>()?;
    module.add_class::<items::PyDocument>()?;
    module.add_class::<results::PyAnalysis>()?;
    module.add_class::<results::PyChains>()?;
    module.add_class::<results::PyCycle>()?;
    module.add_class::<results::PyCorroboration>()?;
    module.add_class::<results::PyProfile>()?;
    module.add_class::<extract::PyAttribution>()?;
    module.add_function(wrap_pyfunction!(extract::extract, module)?)?;
    module.add_function(wrap_pyfunction!(extract::extract_many, module)?)?;
    module.add_function(wrap_pyfunction!(extract::attributions, module)?)?;
    Ok(())
}
