//! `eculture.Schedule` and the conversion of scheduling options.
//!
//! Options arrive as keyword arguments and are handed to the core as its own serde type
//! (`eculture::ScheduleOptions`), so unknown or ill-typed options are reported by the core's
//! parser. A calendar is a dict in the core's shape, or the name of a built-in calendar
//! (`"weekdays"`, `"azerbaijan_example"`).

use numpy::{IntoPyArray, PyArray1};
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyString};

use eculture::schedule::{Calendar, ScheduleOptions};

/// Scheduling options from keyword arguments. `start` and `must_finish_by` accept an ISO date
/// string or a `datetime.date`.
pub(crate) fn options(
    start: Option<&Bound<'_, PyAny>>,
    calendar: Option<&Bound<'_, PyAny>>,
    critical_float_days: i64,
    near_critical_days: i64,
    must_finish_by: Option<&Bound<'_, PyAny>>,
    max_critical_paths: usize,
) -> PyResult<ScheduleOptions> {
    let date = |v: Option<&Bound<'_, PyAny>>, name: &str| -> PyResult<Option<jiff::civil::Date>> {
        let Some(v) = v.filter(|v| !v.is_none()) else { return Ok(None) };
        let text: String = if v.is_instance_of::<PyString>() { v.extract()? } else { v.call_method0("isoformat")?.extract()? };
        text.parse::<jiff::civil::Date>()
            .map(Some)
            .map_err(|e| PyValueError::new_err(format!("{name}: `{text}` is not an ISO date: {e}")))
    };
    let calendar = match calendar.filter(|c| !c.is_none()) {
        None => None,
        Some(c) if c.is_instance_of::<PyString>() => {
            let name: String = c.extract()?;
            Some(match name.as_str() {
                "weekdays" => Calendar::weekdays(),
                "azerbaijan_example" => Calendar::azerbaijan_example(),
                other => {
                    return Err(PyValueError::new_err(format!(
                        "calendar: unknown built-in calendar `{other}` (use \"weekdays\", \"azerbaijan_example\" or a dict)"
                    )));
                }
            })
        }
        Some(c) => Some(
            pythonize::depythonize::<Calendar>(c)
                .map_err(|e| PyValueError::new_err(format!("calendar: {e}")))?,
        ),
    };
    Ok(ScheduleOptions {
        start: date(start, "start")?,
        calendar,
        critical_float_days,
        near_critical_days,
        must_finish_by: date(must_finish_by, "must_finish_by")?,
        max_critical_paths,
    })
}

/// A computed schedule (critical path method). Offsets are whole days from `project_start`
/// (finish offsets exclusive); dates are ISO strings. Columns come back as NumPy arrays, rows as
/// dicts.
#[pyclass(frozen, module = "eculture")]
#[derive(Debug, Clone)]
pub struct Schedule {
    inner: eculture::Schedule,
}

impl From<eculture::Schedule> for Schedule {
    fn from(inner: eculture::Schedule) -> Self {
        Schedule { inner }
    }
}

fn to_py<'py, T: serde::Serialize>(py: Python<'py>, v: &T) -> PyResult<Bound<'py, PyAny>> {
    Ok(pythonize::pythonize(py, v)?)
}

#[pymethods]
impl Schedule {
    /// Project length in days (working days under a calendar).
    #[getter]
    fn duration_days(&self) -> i64 {
        self.inner.duration_days()
    }

    /// Date of offset 0 (ISO).
    #[getter]
    fn project_start(&self) -> String {
        self.inner.project_start.to_string()
    }

    /// Last working day of the project (ISO). Raises `ScheduleError` beyond year 9999.
    fn finish_date(&self, py: Python<'_>) -> PyResult<String> {
        self.inner.finish_date().map(|d| d.to_string()).map_err(|e| crate::errors::to_py_err(py, &e))
    }

    /// Number of measures.
    fn __len__(&self) -> usize {
        self.inner.len()
    }

    /// One dict per measure, in document order: `id`, `duration`, `early_start`, `early_finish`,
    /// `late_start`, `late_finish`, `total_float`, `free_float`, `critical` and the four dates.
    fn to_records<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let records = self.inner.records().map_err(|e| crate::errors::to_py_err(py, &e))?;
        to_py(py, &records)
    }

    /// The columns as NumPy arrays (`ids` stays a list): `duration`, `early_start`,
    /// `early_finish`, `late_start`, `late_finish`, `total_float`, `free_float` (int32) and
    /// `critical` (bool). Copies each column once; no per-measure Python objects.
    fn columns<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let s = &self.inner;
        let d = PyDict::new(py);
        let col = |v: &Vec<i32>| -> Bound<'py, PyArray1<i32>> { v.clone().into_pyarray(py) };
        d.set_item("duration", col(&s.durations))?;
        d.set_item("early_start", col(&s.early_start))?;
        d.set_item("early_finish", col(&s.early_finish))?;
        d.set_item("late_start", col(&s.late_start))?;
        d.set_item("late_finish", col(&s.late_finish))?;
        d.set_item("total_float", col(&s.total_float))?;
        d.set_item("free_float", col(&s.free_float))?;
        d.set_item("critical", s.critical.clone().into_pyarray(py))?;
        Ok(d)
    }

    /// Critical (longest, driving) paths as lists of measure ids, first to last; ties are all
    /// listed up to `max_critical_paths` (see `critical_paths_truncated`).
    fn critical_paths(&self) -> Vec<Vec<String>> {
        self.inner.critical_paths().into_iter().map(|p| p.into_iter().map(str::to_owned).collect()).collect()
    }

    /// True when more critical paths exist than were listed.
    #[getter]
    fn critical_paths_truncated(&self) -> bool {
        self.inner.critical_paths_truncated
    }

    /// Ids of the critical measures (total float at most the critical threshold).
    fn critical(&self) -> Vec<String> {
        self.inner.critical_ids().into_iter().map(str::to_owned).collect()
    }

    /// Ids of the near-critical measures.
    fn near_critical(&self) -> Vec<String> {
        self.inner.near_critical().into_iter().map(str::to_owned).collect()
    }

    /// Deadlines the network cannot meet, each with the chain of measures that drives it.
    fn infeasible_deadlines<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.inner.infeasible_deadlines)
    }

    /// The whole schedule as plain data (the JSON export as a dict).
    fn report<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let r = self.inner.report().map_err(|e| crate::errors::to_py_err(py, &e))?;
        to_py(py, &r)
    }

    /// JSON export.
    fn to_json(&self, py: Python<'_>) -> PyResult<String> {
        self.inner.to_json().map_err(|e| crate::errors::to_py_err(py, &e))
    }

    /// CSV export (one row per measure; formula-like text neutralised).
    fn to_csv(&self, py: Python<'_>) -> PyResult<String> {
        self.inner.to_csv().map_err(|e| crate::errors::to_py_err(py, &e))
    }

    /// Mermaid gantt chart.
    fn to_mermaid(&self, py: Python<'_>) -> PyResult<String> {
        self.inner.to_mermaid().map_err(|e| crate::errors::to_py_err(py, &e))
    }

    /// A pandas DataFrame with one row per measure (requires pandas).
    fn to_pandas<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let pd = py.import("pandas").map_err(|_| {
            pyo3::exceptions::PyImportError::new_err("to_pandas() needs pandas: pip install pandas")
        })?;
        let records = self.to_records(py)?;
        let df = pd.getattr("DataFrame")?.call1((records,))?;
        df.call_method1("set_index", ("id",))
    }

    fn __repr__(&self) -> String {
        format!(
            "Schedule(measures={}, duration_days={}, project_start='{}')",
            self.inner.len(),
            self.inner.duration_days(),
            self.inner.project_start
        )
    }
}
