//! `eculture.Diagnostic`: one validation finding, a frozen record.

use std::hash::{DefaultHasher, Hash, Hasher};

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyString, PyType};

use crate::errors::to_py_err;

/// One validation finding: `severity` ("error" or "warning"), stable `code`, JSON `path`, the
/// `id` of the entity concerned (or None), a one-line `message`, the `suggestion` for a
/// mistyped reference, and the `line`/`column` in the text it was read from (or None).
#[pyclass(frozen, eq, module = "eculture")]
#[derive(Debug, Clone, PartialEq)]
pub struct Diagnostic {
    inner: eculture::Diagnostic,
}

/// The arguments of `Diagnostic(severity, code, path, id, message, suggestion, line, column,
/// sheet, cell)`.
type NewArgs = (
    &'static str,
    &'static str,
    String,
    Option<String>,
    String,
    Option<String>,
    Option<u32>,
    Option<u32>,
    Option<String>,
    Option<String>,
);

impl From<eculture::Diagnostic> for Diagnostic {
    fn from(inner: eculture::Diagnostic) -> Self {
        Diagnostic { inner }
    }
}

impl std::fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.inner.fmt(f)
    }
}

impl Diagnostic {
    pub(crate) fn core(&self) -> &eculture::Diagnostic {
        &self.inner
    }

    pub(crate) fn list(diagnostics: &[eculture::Diagnostic]) -> Vec<Diagnostic> {
        diagnostics.iter().cloned().map(Diagnostic::from).collect()
    }
}

#[pymethods]
impl Diagnostic {
    /// Build a diagnostic (mostly for tests and unpickling); `severity` and `code` must be
    /// known values.
    #[new]
    #[pyo3(signature = (severity, code, path, id, message, suggestion=None, line=None, column=None, sheet=None, cell=None))]
    #[allow(clippy::too_many_arguments)]
    fn new(
        severity: &Bound<'_, PyAny>,
        code: &Bound<'_, PyAny>,
        path: String,
        id: Option<String>,
        message: String,
        suggestion: Option<String>,
        line: Option<u32>,
        column: Option<u32>,
        sheet: Option<String>,
        cell: Option<String>,
    ) -> PyResult<Self> {
        Ok(eculture::Diagnostic {
            severity: pythonize::depythonize(severity)
                .map_err(|e| PyValueError::new_err(format!("invalid severity: {e}")))?,
            code: pythonize::depythonize(code)
                .map_err(|e| PyValueError::new_err(format!("invalid code: {e}")))?,
            path,
            id,
            message,
            suggestion,
            line,
            column,
            sheet,
            cell,
        }
        .into())
    }

    /// "error" or "warning".
    #[getter]
    fn severity(&self) -> &'static str {
        self.inner.severity.as_str()
    }

    /// Stable code, e.g. "unknown_reference".
    #[getter]
    fn code(&self) -> &'static str {
        self.inner.code.as_str()
    }

    /// JSON path of the offending value, e.g. "measures[12].depends_on[0]".
    #[getter]
    fn path(&self) -> &str {
        &self.inner.path
    }

    /// Id of the entity concerned, when it has one.
    #[getter]
    fn id(&self) -> Option<&str> {
        self.inner.id.as_deref()
    }

    /// One-line explanation.
    #[getter]
    fn message(&self) -> &str {
        &self.inner.message
    }

    /// The nearest existing id, for an unknown reference that looks like a typo.
    #[getter]
    fn suggestion(&self) -> Option<&str> {
        self.inner.suggestion.as_deref()
    }

    /// 1-based line in the text the document was read from, when known.
    #[getter]
    fn line(&self) -> Option<u32> {
        self.inner.line
    }

    /// 1-based column that goes with `line`.
    #[getter]
    fn column(&self) -> Option<u32> {
        self.inner.column
    }

    /// The sheet of the workbook the value came from (documents read from a spreadsheet).
    #[getter]
    fn sheet(&self) -> Option<&str> {
        self.inner.sheet.as_deref()
    }

    /// The cell of `sheet`, e.g. "E17".
    #[getter]
    fn cell(&self) -> Option<&str> {
        self.inner.cell.as_deref()
    }

    /// The operations this diagnostic stops: "cells", "graph", "dag", "schedule", or None
    /// when every result is still computed.
    #[getter]
    fn blocks(&self) -> Option<&'static str> {
        self.inner.blocks().map(|n| n.as_str())
    }

    /// `{"severity", "code", "path", "id", "message", "suggestion", "line", "column"}`.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        Ok(pythonize::pythonize(py, &self.inner)?)
    }

    /// Pickle support.
    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> (Bound<'py, PyType>, NewArgs) {
        let d = &slf.get().inner;
        let args = (
            d.severity.as_str(),
            d.code.as_str(),
            d.path.clone(),
            d.id.clone(),
            d.message.clone(),
            d.suggestion.clone(),
            d.line,
            d.column,
            d.sheet.clone(),
            d.cell.clone(),
        );
        (slf.get_type(), args)
    }

    fn __hash__(&self) -> u64 {
        let d = &self.inner;
        let mut h = DefaultHasher::new();
        (
            d.severity, d.code, &d.path, &d.id, &d.message, d.line, d.column, &d.sheet, &d.cell,
        )
            .hash(&mut h);
        h.finish()
    }

    fn __str__(&self) -> String {
        self.inner.to_string()
    }

    /// The core's one-line summary.
    fn __repr__(&self) -> String {
        eculture::api::Summary::summary(&self.inner)
    }
}

/// Python's `repr()` of a string.
pub(crate) fn repr(py: Python<'_>, s: &str) -> PyResult<String> {
    Ok(PyString::new(py, s).repr()?.to_string())
}

/// `Strategy.blocking(need)`: the diagnostics that stop operations of `need`.
pub(crate) fn blocking(
    py: Python<'_>,
    s: &eculture::Strategy,
    need: &Bound<'_, PyAny>,
) -> PyResult<Vec<Diagnostic>> {
    let need = pythonize::depythonize::<eculture::api::BindingValue>(need)
        .map_err(|_| to_py_err(py, &eculture::api::not_plain_data("need")))
        .and_then(|v| eculture::api::need(v.0).map_err(|e| to_py_err(py, &e)))?;
    Ok(py.detach(|| {
        s.blocking(need)
            .into_iter()
            .cloned()
            .map(Diagnostic::from)
            .collect()
    }))
}
