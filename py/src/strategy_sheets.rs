//! `eculture.Strategy`'s spreadsheet methods (`docs/spreadsheets.md`): action plans from
//! XLSX/XLS/ODS and CSV, and the document as a workbook. A `#[pymethods]` block of its own
//! (pyo3's `multiple-pymethods`).

use std::path::PathBuf;

use pyo3::prelude::*;
use pyo3::types::PyBytes;

use crate::errors::to_py_err;
use crate::strategy::{Strategy, construct};

/// The bytes of `data`: bytes-like, or a path (`str` or `os.PathLike`) read from disk.
pub(crate) fn data_bytes(py: Python<'_>, data: &Bound<'_, PyAny>) -> PyResult<Vec<u8>> {
    if !data.is_instance_of::<pyo3::types::PyString>()
        && let Ok(b) = data.extract::<Vec<u8>>()
    {
        return Ok(b);
    }
    let path: PathBuf = data.extract()?;
    std::fs::read(&path).map_err(|e| {
        let err = eculture::IoError::from_io("read", path.display().to_string(), &e);
        to_py_err(py, &err.into())
    })
}

fn mapping(
    py: Python<'_>,
    m: Option<&Bound<'_, PyAny>>,
) -> PyResult<Option<eculture::sheets::Mapping>> {
    let Some(m) = m else { return Ok(None) };
    let eculture::api::BindingValue(v) = pythonize::depythonize(m)
        .map_err(|_| to_py_err(py, &eculture::api::not_plain_data("mapping")))?;
    eculture::api::mapping(v).map_err(|e| to_py_err(py, &e))
}

/// `bytes` as Python bytes, or written to `path` (then `None`).
pub(crate) fn bytes_or_file<'py>(
    py: Python<'py>,
    bytes: &[u8],
    path: Option<PathBuf>,
) -> PyResult<Option<Bound<'py, PyBytes>>> {
    match path {
        None => Ok(Some(PyBytes::new(py, bytes))),
        Some(p) => {
            std::fs::write(&p, bytes).map_err(|e| {
                let err = eculture::IoError::from_io("write", p.display().to_string(), &e);
                to_py_err(py, &err.into())
            })?;
            Ok(None)
        }
    }
}

#[pymethods]
impl Strategy {
    /// An action plan from a workbook (XLSX, XLSM, XLS or ODS): `data` is the bytes or a path;
    /// `mapping` a dict of column heading (or letter) → field for layouts eculture does not
    /// recognise; `sheet` the action-plan sheet. Cells that could not be read or placed are
    /// diagnostics of `validate()` with `sheet` and `cell`.
    #[staticmethod]
    #[pyo3(signature = (data, mapping=None, sheet=None))]
    fn from_xlsx(
        py: Python<'_>,
        data: &Bound<'_, PyAny>,
        mapping: Option<&Bound<'_, PyAny>>,
        sheet: Option<String>,
    ) -> PyResult<Strategy> {
        let bytes = data_bytes(py, data)?;
        let m = self::mapping(py, mapping)?;
        construct(py, || {
            eculture::Strategy::from_xlsx(&bytes, m.as_ref(), sheet.as_deref())
        })
    }

    /// An action plan from CSV (UTF-8; comma, semicolon or tab): bytes, text or a path.
    #[staticmethod]
    #[pyo3(signature = (data, mapping=None))]
    fn from_csv(
        py: Python<'_>,
        data: &Bound<'_, PyAny>,
        mapping: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Strategy> {
        let bytes = match data.extract::<String>() {
            Ok(text) if text.contains('\n') => text.into_bytes(),
            _ => data_bytes(py, data)?,
        };
        let m = self::mapping(py, mapping)?;
        construct(py, || eculture::Strategy::from_csv(&bytes, m.as_ref()))
    }

    /// The document as an XLSX workbook (the action plan in the Decree 1294 layout and a sheet
    /// per other part): the bytes, or, given a `path`, the file written. `from_xlsx` reads it
    /// back equal.
    #[pyo3(signature = (path=None))]
    fn to_xlsx<'py>(
        &self,
        py: Python<'py>,
        path: Option<PathBuf>,
    ) -> PyResult<Option<Bound<'py, PyBytes>>> {
        let bytes = self.run(py, eculture::Strategy::to_xlsx)?;
        bytes_or_file(py, &bytes, path)
    }
}

#[pymethods]
impl Strategy {
    /// One report workbook per executor with measures active in `period` ("2025", a quarter
    /// or a month), headings and statuses in `lang` ("az", "en", "ru"): executor id → bytes.
    #[pyo3(signature = (period, lang="en"))]
    fn report_workbooks<'py>(
        &self,
        py: Python<'py>,
        period: String,
        lang: &str,
    ) -> PyResult<std::collections::BTreeMap<String, Bound<'py, PyBytes>>> {
        let l = eculture::api::lang(lang).map_err(|e| to_py_err(py, &e))?;
        let books = self.run(py, |s| s.report_workbooks(&period, l))?;
        Ok(books
            .into_iter()
            .map(|(k, v)| (k, PyBytes::new(py, &v)))
            .collect())
    }

    /// A new Strategy with the reports of filled-in workbooks (paths or bytes) added; each
    /// value it cannot take is a diagnostic naming the file, sheet and cell. `submitted` an
    /// ISO date (default: the day after the period); `replace` a second report of the same
    /// executor and period.
    #[pyo3(signature = (files, submitted=None, replace=false))]
    fn collect_reports(
        &self,
        py: Python<'_>,
        files: Vec<Bound<'_, PyAny>>,
        submitted: Option<String>,
        replace: bool,
    ) -> PyResult<Strategy> {
        let mut named = Vec::with_capacity(files.len());
        for (k, f) in files.iter().enumerate() {
            let name = f.extract::<PathBuf>().map_or_else(
                |_| format!("workbook {}", k + 1),
                |p| p.display().to_string(),
            );
            named.push((name, data_bytes(py, f)?));
        }
        let sub = submitted
            .map(|d| d.parse::<eculture::PeriodRef>())
            .transpose()
            .map_err(|e| {
                to_py_err(
                    py,
                    &eculture::ArgumentError::new(e.to_string(), "submitted").into(),
                )
            })?;
        self.run(py, |s| s.collect_reports(&named, sub, replace))
            .map(Strategy::from)
    }
}
