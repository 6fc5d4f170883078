//! Python bindings for [`eculture`]: the private native module `eculture._eculture`.
//!
//! The crate only converts and forwards: every method takes Python values, calls the core with
//! the GIL released where the work can be heavy, and converts the result back. Errors are
//! mapped in one place, [`errors`]. The public package is the pure-Python façade in
//! `python/eculture/`, which re-exports these classes next to the exception hierarchy.
//!
//! Adding a core operation to [`Strategy`] is one method:
//!
//! ```ignore
//! /// Docstring shown in Python.
//! fn schedule(&self, py: Python<'_>) -> PyResult<Vec<String>> {
//!     self.run(py, |s| s.schedule())
//! }
//! ```
//!
//! plus its line in `python/eculture/__init__.pyi` (and a `to_dict` conversion when the result
//! is a core serde type: `pythonize(py, &value)`).
//!
//! A result that can hold one entry per measure (a million at country scale) goes back as one
//! NumPy array, never as a list of Python objects: `Ok(self.run(py, f)?.into_pyarray(py))` moves
//! the core's `Vec` into the array without copying it ([`columnar`]). rust-numpy works with
//! pyo3's `abi3-py39` stable ABI, against NumPy 1.x and 2.x at run time; NumPy is therefore a
//! required dependency of the package (`pyproject.toml`).

/// mimalloc for the Rust side of the package (as pydantic-core does): the imports build many
/// small values (a cell, a JSON value per field) and free them at once, where glibc's malloc
/// spent about a third of `from_xlsx` (docs/performance.md, "Spreadsheets"). Python's own
/// objects keep Python's allocator; every Rust allocation is freed by Rust.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use pyo3::prelude::*;

mod arrow;
mod columnar;
mod diagnostic;
mod errors;
mod frames;
mod matrix;
mod monitoring;
mod portfolio;
mod records;
mod schedule;
mod strategy;
mod strategy_monitoring;
mod strategy_planners;
mod strategy_plans;
mod strategy_provenance;
mod strategy_sheets;
mod views;

pub use columnar::{MeasureIds, MeasureIdsIterator, Rollup};
pub use diagnostic::Diagnostic;
pub use matrix::{Matrix, MatrixCell};
pub use monitoring::{
    Achievement, ExecutionRate, Micmac, MonitoringReport, PlanDiff, ResultsRating, Triage,
};
pub use portfolio::Portfolio;
pub use schedule::Schedule;
pub use strategy::Strategy;
pub use views::{
    Diagnostics, DiagnosticsIterator, IdList, IdListIterator, IdLists, IdListsIterator,
};

/// Import pandas for a `to_pandas()` method named `what`; without pandas, an `ImportError` that
/// says how to install it (the original error kept as its cause).
pub(crate) fn import_pandas<'py>(py: Python<'py>, what: &str) -> PyResult<Bound<'py, PyModule>> {
    py.import("pandas").map_err(|e| {
        let err = pyo3::exceptions::PyImportError::new_err(format!(
            "{what}() needs pandas; install it with `pip install 'eculture[pandas]'`"
        ));
        err.set_cause(py, Some(e));
        err
    })
}

/// The JSON Schema of the strategy document format, as a dict.
#[pyfunction]
fn json_schema(py: Python<'_>) -> PyResult<Bound<'_, PyAny>> {
    Ok(pythonize::pythonize(py, &eculture::json_schema())?)
}

/// A diagnostic as one line: the same text as `str(d)`, the Rust `Display` and JS
/// `formatDiagnostic(d)`.
#[pyfunction]
fn format_diagnostic(d: &Diagnostic) -> String {
    d.to_string()
}

/// Why a cell is a gap (one of `Strategy.gaps()`' reasons), in the command-line tool's words.
#[pyfunction]
fn gap_reason_text(py: Python<'_>, reason: &Bound<'_, PyAny>) -> PyResult<String> {
    let value = pythonize::depythonize::<eculture::api::BindingValue>(reason)
        .map_err(|_| errors::to_py_err(py, &eculture::api::not_plain_data("reason")))?;
    let reason = eculture::api::gap_reason(value.0).map_err(|e| errors::to_py_err(py, &e))?;
    Ok(eculture::api::gap_reason_text(&reason))
}

/// The kind of entity a diagnostic is about: "measure", "module", "goal", ...
#[pyfunction]
fn diagnostic_entity(d: &Diagnostic) -> &'static str {
    eculture::api::diagnostic_entity(d.core())
}

/// A share (0..1) as the summaries write it: `92.5%`, or `n/a` for `None`.
#[pyfunction]
#[pyo3(signature = (share))]
fn percent_text(share: Option<f64>) -> String {
    eculture::api::percent_text(share)
}

/// The default near-critical threshold of a schedule, in days.
#[pyfunction]
fn near_critical_days() -> i64 {
    eculture::api::near_critical_days()
}

/// The format a file name implies ("json", "yaml" or "toml"); `EcultureIOError` for another
/// extension.
#[pyfunction]
fn format_of(py: Python<'_>, name: &str) -> PyResult<&'static str> {
    eculture::api::format_of(name).map_err(|e| errors::to_py_err(py, &e))
}

/// The table of operations every surface exposes (`eculture::api::OPERATIONS`), as dicts.
#[pyfunction]
fn operations(py: Python<'_>) -> PyResult<Bound<'_, PyAny>> {
    Ok(pythonize::pythonize(py, eculture::api::OPERATIONS)?)
}

/// The native module. `gil_used = false`: every class is immutable (`frozen`) and the core types
/// are `Send + Sync`, so the module is safe on free-threaded Python.
#[pymodule(gil_used = false)]
fn _eculture(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add_class::<Strategy>()?;
    m.add_class::<Portfolio>()?;
    m.add_class::<Diagnostic>()?;
    m.add_class::<Matrix>()?;
    m.add_class::<MatrixCell>()?;
    m.add_class::<MeasureIds>()?;
    m.add_class::<Rollup>()?;
    m.add_class::<Schedule>()?;
    m.add_class::<IdList>()?;
    m.add_class::<IdLists>()?;
    m.add_class::<Diagnostics>()?;
    m.add_class::<ExecutionRate>()?;
    m.add_class::<ResultsRating>()?;
    m.add_class::<Achievement>()?;
    m.add_class::<Triage>()?;
    m.add_class::<MonitoringReport>()?;
    m.add_class::<Micmac>()?;
    m.add_class::<PlanDiff>()?;
    m.add_function(wrap_pyfunction!(gap_reason_text, m)?)?;
    m.add_function(wrap_pyfunction!(diagnostic_entity, m)?)?;
    m.add_function(wrap_pyfunction!(near_critical_days, m)?)?;
    m.add_function(wrap_pyfunction!(percent_text, m)?)?;
    m.add_function(wrap_pyfunction!(format_of, m)?)?;
    m.add_function(wrap_pyfunction!(json_schema, m)?)?;
    m.add_function(wrap_pyfunction!(format_diagnostic, m)?)?;
    m.add_function(wrap_pyfunction!(operations, m)?)?;
    m.add_function(wrap_pyfunction!(arrow::records_arrow, m)?)?;
    Ok(())
}
