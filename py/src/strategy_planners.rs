//! `eculture.Strategy`'s planners' tools (`docs/planners.md`): the plan as MS Project XML
//! (MSPDI) and Primavera P6 XER, and such files read back. A `#[pymethods]` block of its own
//! (pyo3's `multiple-pymethods`).

use std::path::PathBuf;

use pyo3::prelude::*;
use pyo3::types::PyDict;

use crate::errors::to_py_err;
use crate::schedule;
use crate::strategy::{Strategy, construct};
use crate::strategy_sheets::data_bytes;

/// `text` returned, or written to `path` (then `None`).
fn text_or_file(py: Python<'_>, text: String, path: Option<PathBuf>) -> PyResult<Option<String>> {
    match path {
        None => Ok(Some(text)),
        Some(p) => {
            std::fs::write(&p, text).map_err(|e| {
                let err = eculture::IoError::from_io("write", p.display().to_string(), &e);
                to_py_err(py, &err.into())
            })?;
            Ok(None)
        }
    }
}

#[pymethods]
impl Strategy {
    /// An MS Project XML file (MSPDI), bytes or a path: summary tasks become directions, leaf
    /// tasks measures (the WBS code as the id), with relations, durations, start constraints
    /// and deadlines. What a strategy cannot hold (resources, costs, relations on summary
    /// tasks, the calendar) is an `unsupported_project_data` diagnostic of `validate()`.
    #[staticmethod]
    fn from_mspdi(py: Python<'_>, data: &Bound<'_, PyAny>) -> PyResult<Strategy> {
        let bytes = data_bytes(py, data)?;
        construct(py, || eculture::Strategy::from_mspdi(&bytes))
    }

    /// A Primavera P6 XER file (UTF-8 or Windows-1252), bytes or a path, as `from_mspdi`:
    /// WBS nodes become directions, activities measures (the activity ID as the id).
    #[staticmethod]
    fn from_xer(py: Python<'_>, data: &Bound<'_, PyAny>) -> PyResult<Strategy> {
        let bytes = data_bytes(py, data)?;
        construct(py, || eculture::Strategy::from_xer(&bytes))
    }

    /// The plan as MS Project XML (MSPDI), scheduled with the keyword options of `schedule()`
    /// (`calendar`, `start`, `baseline`, …): the text, or, given a `path`, the file written.
    #[pyo3(signature = (path=None, **options))]
    fn to_mspdi(
        &self,
        py: Python<'_>,
        path: Option<PathBuf>,
        options: Option<&Bound<'_, PyDict>>,
    ) -> PyResult<Option<String>> {
        let opts = schedule::options(py, options)?;
        let text = self.run(py, |s| s.to_mspdi(&opts))?;
        text_or_file(py, text, path)
    }

    /// The plan as a Primavera P6 XER file, as `to_mspdi`.
    #[pyo3(signature = (path=None, **options))]
    fn to_xer(
        &self,
        py: Python<'_>,
        path: Option<PathBuf>,
        options: Option<&Bound<'_, PyDict>>,
    ) -> PyResult<Option<String>> {
        let opts = schedule::options(py, options)?;
        let text = self.run(py, |s| s.to_xer(&opts))?;
        text_or_file(py, text, path)
    }
}
