//! `eculture.Schedule` and the conversion of scheduling options.
//!
//! Options arrive as keyword arguments and are handed to the core as its own serde type
//! (`eculture::ScheduleOptions`), so unknown or ill-typed options are reported by the core's
//! parser. A calendar is a dict in the core's shape, or the name of a built-in calendar
//! (`"weekdays"`, `"azerbaijan_example"`).

use numpy::{IntoPyArray, PyArray1};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyString};

use eculture::schedule::{Calendar, ChangeKind, DurationChange, ScheduleOptions};

use crate::errors::{argument_error, to_py_err};

/// An optional date argument: None, an ISO date string or anything with `isoformat()`
/// (`datetime.date`). Anything else is an `ArgumentError` naming the argument.
fn date_arg(
    py: Python<'_>,
    v: Option<&Bound<'_, PyAny>>,
    name: &str,
) -> PyResult<Option<jiff::civil::Date>> {
    let Some(v) = v.filter(|v| !v.is_none()) else {
        return Ok(None);
    };
    let text: String = if v.is_instance_of::<PyString>() {
        v.extract()?
    } else {
        match v.call_method0("isoformat").and_then(|t| t.extract()) {
            Ok(t) => t,
            Err(_) => {
                return Err(argument_error(
                    py,
                    format!("{name}: expected an ISO date string or a datetime.date"),
                    name,
                ));
            }
        }
    };
    text.parse::<jiff::civil::Date>().map(Some).map_err(|e| {
        argument_error(
            py,
            format!("{name}: `{text}` is not an ISO date: {e}"),
            name,
        )
    })
}

/// A calendar argument: None, a built-in name or a dict in the core's shape.
fn calendar_arg(py: Python<'_>, c: Option<&Bound<'_, PyAny>>) -> PyResult<Option<Calendar>> {
    let Some(c) = c.filter(|c| !c.is_none()) else {
        return Ok(None);
    };
    if c.is_instance_of::<PyString>() {
        let name: String = c.extract()?;
        return Calendar::builtin(&name).map(Some).ok_or_else(|| {
            argument_error(
                py,
                format!(
                    "calendar: unknown built-in calendar `{name}` (use \"weekdays\", \"azerbaijan_example\" or a dict)"
                ),
                "calendar",
            )
        });
    }
    pythonize::depythonize::<Calendar>(c)
        .map(Some)
        .map_err(|e| argument_error(py, format!("calendar: {e}"), "calendar"))
}

/// Scheduling options from keyword arguments. `start` and `must_finish_by` accept an ISO date
/// string or a `datetime.date`. A value that cannot be converted raises `ArgumentError`; a
/// calendar that converts but has no working day fails later, in the core (`ScheduleError`).
pub(crate) fn options(
    py: Python<'_>,
    start: Option<&Bound<'_, PyAny>>,
    calendar: Option<&Bound<'_, PyAny>>,
    critical_float_days: i64,
    near_critical_days: i64,
    must_finish_by: Option<&Bound<'_, PyAny>>,
    max_critical_paths: usize,
) -> PyResult<ScheduleOptions> {
    Ok(ScheduleOptions {
        start: date_arg(py, start, "start")?,
        calendar: calendar_arg(py, calendar)?,
        critical_float_days,
        near_critical_days,
        must_finish_by: date_arg(py, must_finish_by, "must_finish_by")?,
        max_critical_paths,
        ..ScheduleOptions::default()
    })
}

/// What-if changes: dicts `{"id", "days", "kind"?}` (the core's shape) or `(id, days)` tuples
/// (duration changes). A bare dict or str is refused; a malformed item is an `ArgumentError`
/// naming it (`changes[1]`).
pub(crate) fn changes(py: Python<'_>, changes: &Bound<'_, PyAny>) -> PyResult<Vec<DurationChange>> {
    if changes.is_instance_of::<PyString>() || changes.is_instance_of::<PyDict>() {
        return Err(argument_error(
            py,
            "changes must be a list of {\"id\", \"days\", \"kind\"} dicts or (id, days) tuples",
            "changes",
        ));
    }
    let mut out = Vec::new();
    for (k, item) in changes.try_iter()?.enumerate() {
        let item = item?;
        let path = format!("changes[{k}]");
        let change = if item.is_instance_of::<PyDict>() {
            pythonize::depythonize::<DurationChange>(&item)
                .map_err(|e| argument_error(py, format!("{path}: {e}"), &path))?
        } else {
            let (id, days): (String, i64) = item.extract().map_err(|_| {
                argument_error(
                    py,
                    format!("{path}: expected a dict {{\"id\", \"days\", \"kind\"}} or an (id, days) tuple"),
                    &path,
                )
            })?;
            DurationChange {
                id,
                days,
                kind: ChangeKind::Duration,
            }
        };
        out.push(change);
    }
    Ok(out)
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
        self.inner
            .finish_date()
            .map(|d| d.to_string())
            .map_err(|e| to_py_err(py, &e))
    }

    /// Number of measures.
    fn __len__(&self) -> usize {
        self.inner.len()
    }

    /// One dict per measure, in document order: `id`, `duration`, `early_start`, `early_finish`,
    /// `late_start`, `late_finish`, `total_float`, `free_float`, `critical` and the four dates.
    fn to_records<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let records = self.inner.records().map_err(|e| to_py_err(py, &e))?;
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
        self.inner
            .critical_paths()
            .into_iter()
            .map(|p| p.into_iter().map(str::to_owned).collect())
            .collect()
    }

    /// The critical paths as NumPy arrays of measure indices (positions in
    /// `Strategy.measure_ids`), without building a string per measure.
    fn critical_path_indices<'py>(&self, py: Python<'py>) -> Vec<Bound<'py, PyArray1<u32>>> {
        self.inner
            .critical_paths
            .iter()
            .map(|p| p.clone().into_pyarray(py))
            .collect()
    }

    /// True when more critical paths exist than were listed.
    #[getter]
    fn critical_paths_truncated(&self) -> bool {
        self.inner.critical_paths_truncated
    }

    /// Ids of the critical measures (total float at most the critical threshold).
    fn critical(&self) -> Vec<String> {
        self.inner
            .critical_ids()
            .into_iter()
            .map(str::to_owned)
            .collect()
    }

    /// Ids of the near-critical measures.
    fn near_critical(&self) -> Vec<String> {
        self.inner
            .near_critical()
            .into_iter()
            .map(str::to_owned)
            .collect()
    }

    /// Deadlines the network cannot meet, each with the chain of measures that drives it.
    fn infeasible_deadlines<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.inner.infeasible_deadlines)
    }

    /// The whole schedule as plain data (the JSON export as a dict).
    fn report<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let r = self.inner.report().map_err(|e| to_py_err(py, &e))?;
        to_py(py, &r)
    }

    /// JSON export.
    fn to_json(&self, py: Python<'_>) -> PyResult<String> {
        self.inner.to_json().map_err(|e| to_py_err(py, &e))
    }

    /// CSV export (one row per measure; formula-like text neutralised).
    fn to_csv(&self, py: Python<'_>) -> PyResult<String> {
        self.inner.to_csv().map_err(|e| to_py_err(py, &e))
    }

    /// Mermaid gantt chart.
    fn to_mermaid(&self, py: Python<'_>) -> PyResult<String> {
        self.inner.to_mermaid().map_err(|e| to_py_err(py, &e))
    }

    /// A pandas DataFrame with one row per measure (requires pandas).
    fn to_pandas<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let pd = crate::import_pandas(py, "Schedule.to_pandas")?;
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
