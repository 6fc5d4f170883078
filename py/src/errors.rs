//! The one place where [`eculture::Error`] becomes a Python exception.
//!
//! The exception classes live in Python (`eculture/_errors.py`) because
//! `EcultureIOError` derives from both `EcultureError` (a `ValueError`) and `OSError`, which
//! `create_exception!` cannot express, and because plain Python classes pickle and introspect
//! like any other exception. Each variant maps to one class; its structured fields become
//! keyword arguments, so the Python side is a plain record. A variant added to the core later
//! falls back to the base class, with the core's `code`.

use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyDict, PyType};

use crate::diagnostic::Diagnostic;

const MODULE: &str = "eculture._errors";

/// The exception class `name` from `eculture._errors`, imported once.
macro_rules! class {
    ($py:expr, $name:literal) => {{
        static CLASS: PyOnceLock<Py<PyType>> = PyOnceLock::new();
        CLASS.import($py, MODULE, $name)
    }};
}

/// Convert a core error. `strategy` is the strategy the failing operation ran on, when there is
/// one: a `CycleError` then also carries the strategy's `dependency_cycle` diagnostics, so that
/// code catching `ValidationError` always finds at least one diagnostic.
pub(crate) fn to_py_err(
    py: Python<'_>,
    err: &eculture::Error,
    strategy: Option<&eculture::Strategy>,
) -> PyErr {
    match build(py, err, strategy) {
        Ok(e) | Err(e) => e,
    }
}

fn build(
    py: Python<'_>,
    err: &eculture::Error,
    strategy: Option<&eculture::Strategy>,
) -> PyResult<PyErr> {
    use eculture::Error as E;

    let kw = PyDict::new(py);
    kw.set_item("code", err.code())?;
    kw.set_item("location", err.location())?;
    let class = match err {
        E::Parse(e) => {
            kw.set_item("path", e.path())?;
            kw.set_item("line", e.line())?;
            kw.set_item("column", e.column())?;
            kw.set_item("format", e.format().as_str())?;
            kw.set_item("source", e.source_name())?;
            class!(py, "ParseError")?
        }
        E::Io(e) => {
            kw.set_item("path", e.path())?;
            class!(py, "EcultureIOError")?
        }
        E::Validation(e) => {
            kw.set_item("path", e.diagnostics().first().map(|d| d.path.as_str()))?;
            kw.set_item("diagnostics", Diagnostic::list(e.diagnostics()))?;
            class!(py, "ValidationError")?
        }
        E::Cycle(e) => {
            let diagnostics: Vec<Diagnostic> = strategy
                .map(|s| {
                    s.validate()
                        .iter()
                        .filter(|d| d.code == eculture::Code::DependencyCycle)
                        .cloned()
                        .map(Diagnostic::from)
                        .collect()
                })
                .unwrap_or_default();
            kw.set_item("path", e.path())?;
            kw.set_item("cycle", e.cycle())?;
            kw.set_item("diagnostics", diagnostics)?;
            class!(py, "CycleError")?
        }
        E::Argument(e) => {
            kw.set_item("path", e.path())?;
            class!(py, "ArgumentError")?
        }
        E::Schedule(e) => {
            kw.set_item("path", e.path())?;
            kw.set_item("kind", e.kind().as_str())?;
            kw.set_item("id", e.id())?;
            class!(py, "ScheduleError")?
        }
        _ => class!(py, "EcultureError")?,
    };
    let exc = class.call((err.to_string(),), Some(&kw))?;
    Ok(PyErr::from_value(exc))
}
