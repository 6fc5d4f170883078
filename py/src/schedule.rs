//! `eculture.Schedule`, and the Python idiom around the core's argument parsing
//! (`eculture::api`): keyword arguments become one plain-data object, `datetime.date` values
//! become ISO strings, and the core reads, checks and fills in the defaults.

use numpy::{IntoPyArray, PyArray1};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyString};
use serde_json::Value;

use eculture::schedule::{DurationChange, RiskOptions, ScheduleOptions};

use crate::errors::to_py_err;

/// A Python value as plain data: `datetime.date` (anything with `isoformat()` that is not a
/// str) becomes its ISO string, tuples become lists; anything JSON cannot hold is an
/// `ArgumentError` at `path`.
fn plain(py: Python<'_>, v: &Bound<'_, PyAny>, path: &str) -> PyResult<Value> {
    if !v.is_instance_of::<PyString>()
        && let Ok(iso) = v.call_method0("isoformat")
    {
        return Ok(Value::String(iso.extract()?));
    }
    pythonize::depythonize::<eculture::api::BindingValue>(v)
        .map(|b| b.0)
        .map_err(|_| to_py_err(py, &eculture::api::not_plain_data(path)))
}

/// Keyword arguments as one options object (`None` when there are none).
fn options_value(py: Python<'_>, kwargs: Option<&Bound<'_, PyDict>>) -> PyResult<Value> {
    let Some(kwargs) = kwargs else {
        return Ok(Value::Null);
    };
    let mut map = serde_json::Map::new();
    for (k, v) in kwargs.iter() {
        let key: String = k.extract()?;
        let value = plain(py, &v, &format!("options.{key}"))?;
        map.insert(key, value);
    }
    Ok(Value::Object(map))
}

/// Schedule options from keyword arguments; the core checks them and fills in the defaults.
pub(crate) fn options(
    py: Python<'_>,
    kwargs: Option<&Bound<'_, PyDict>>,
) -> PyResult<ScheduleOptions> {
    let value = options_value(py, kwargs)?;
    eculture::api::schedule_options(value).map_err(|e| to_py_err(py, &e))
}

/// Risk options (the schedule options plus `runs` and `seed`) from keyword arguments.
pub(crate) fn risk_options(
    py: Python<'_>,
    kwargs: Option<&Bound<'_, PyDict>>,
) -> PyResult<(ScheduleOptions, RiskOptions)> {
    let value = options_value(py, kwargs)?;
    eculture::api::risk_options(value).map_err(|e| to_py_err(py, &e))
}

/// The picture options (schedule options plus `lang`, `color_by`, `width`).
pub(crate) fn picture_options(
    py: Python<'_>,
    kwargs: Option<&Bound<'_, PyDict>>,
) -> PyResult<(ScheduleOptions, eculture::render::RenderOptions)> {
    let value = options_value(py, kwargs)?;
    eculture::api::picture_options(value).map_err(|e| to_py_err(py, &e))
}

/// The options of `Strategy.diff`: the schedule options plus `lang`.
pub(crate) fn diff_options(
    py: Python<'_>,
    kwargs: Option<&Bound<'_, PyDict>>,
) -> PyResult<eculture::DiffOptions> {
    let value = options_value(py, kwargs)?;
    eculture::api::diff_options(value).map_err(|e| to_py_err(py, &e))
}

/// The options of `Strategy.micmac`: `level` and `influences` (objects or triples).
pub(crate) fn micmac_options(
    py: Python<'_>,
    kwargs: Option<&Bound<'_, PyDict>>,
) -> PyResult<eculture::MicmacOptions> {
    let value = options_value(py, kwargs)?;
    eculture::api::micmac_options(value).map_err(|e| to_py_err(py, &e))
}

/// The options of `Strategy.micmac_svg`: those of `micmac` plus `lang` and `width`.
pub(crate) fn micmac_picture_options(
    py: Python<'_>,
    kwargs: Option<&Bound<'_, PyDict>>,
) -> PyResult<(eculture::MicmacOptions, eculture::render::RenderOptions)> {
    let value = options_value(py, kwargs)?;
    eculture::api::micmac_picture_options(value).map_err(|e| to_py_err(py, &e))
}

/// The options of an operation whose options type holds its defaults (monitoring).
pub(crate) fn op_options<T: serde::de::DeserializeOwned + Default>(
    py: Python<'_>,
    kwargs: Option<&Bound<'_, PyDict>>,
) -> PyResult<T> {
    let value = options_value(py, kwargs)?;
    eculture::api::options(value).map_err(|e| to_py_err(py, &e))
}

/// A date argument: an ISO string or a `datetime.date`.
pub(crate) fn date(
    py: Python<'_>,
    v: &Bound<'_, PyAny>,
    name: &str,
) -> PyResult<jiff::civil::Date> {
    let value = plain(py, v, name)?;
    eculture::api::date(value, name).map_err(|e| to_py_err(py, &e))
}

/// What-if changes: a list of `{"id", "days", "kind"}` dicts or `(id, days)` tuples.
pub(crate) fn changes(py: Python<'_>, changes: &Bound<'_, PyAny>) -> PyResult<Vec<DurationChange>> {
    let value = plain(py, changes, "changes")?;
    eculture::api::changes(value).map_err(|e| to_py_err(py, &e))
}

/// Measure ids: a str (one id) or an iterable of str.
pub(crate) fn ids(py: Python<'_>, ids: &Bound<'_, PyAny>) -> PyResult<Vec<String>> {
    let value = if ids.is_instance_of::<PyString>() {
        Value::String(ids.extract()?)
    } else {
        // any iterable (a generator, a set, a NumPy array of str): as a list
        let items: Vec<Bound<'_, PyAny>> = ids.try_iter()?.collect::<PyResult<_>>()?;
        Value::Array(
            items
                .iter()
                .enumerate()
                .map(|(k, v)| plain(py, v, &format!("ids[{k}]")))
                .collect::<PyResult<_>>()?,
        )
    };
    eculture::api::ids(value).map_err(|e| to_py_err(py, &e))
}

/// A computed schedule (critical path method). Offsets are whole days from `project_start`
/// (finish offsets exclusive); dates are ISO strings. Columns come back as NumPy arrays, rows as
/// dicts.
#[pyclass(frozen, module = "eculture")]
#[derive(Debug)]
pub struct Schedule {
    pub(crate) inner: eculture::Schedule,
    /// The strategy it was computed from: titles, directions and the Gantt chart.
    pub(crate) strategy: Option<Py<crate::strategy::Strategy>>,
}

impl From<eculture::Schedule> for Schedule {
    fn from(inner: eculture::Schedule) -> Self {
        Schedule {
            inner,
            strategy: None,
        }
    }
}

impl Schedule {
    pub(crate) fn of(inner: eculture::Schedule, strategy: Py<crate::strategy::Strategy>) -> Self {
        Schedule {
            inner,
            strategy: Some(strategy),
        }
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
    #[getter]
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
    #[getter]
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
            .critical_path_indices
            .iter()
            .map(|p| p.clone().into_pyarray(py))
            .collect()
    }

    /// True when more critical paths exist than were listed.
    #[getter]
    fn critical_paths_truncated(&self) -> bool {
        self.inner.critical_paths_truncated
    }

    /// Ids of the critical measures (total float at most the critical threshold), in
    /// document order.
    #[getter]
    fn critical_ids(&self) -> Vec<String> {
        self.inner
            .critical_ids()
            .into_iter()
            .map(str::to_owned)
            .collect()
    }

    /// Ids of the near-critical measures, in document order.
    #[getter]
    fn near_critical(&self) -> Vec<String> {
        self.inner
            .near_critical()
            .into_iter()
            .map(str::to_owned)
            .collect()
    }

    /// Deadlines the network cannot meet, each with the chain of measures that drives it.
    #[getter]
    fn infeasible_deadlines<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.inner.infeasible_deadlines)
    }

    /// The record of one measure (a dict, as in `to_records()`). Raises `ArgumentError` for
    /// an unknown id, suggesting the nearest.
    fn record<'py>(&self, py: Python<'py>, id: &str) -> PyResult<Bound<'py, PyAny>> {
        let r = self.inner.lookup(id).map_err(|e| to_py_err(py, &e))?;
        to_py(py, &r)
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

    /// CSV export (one row per measure; formula-like text neutralised). With `lang` ("en",
    /// "az" or "ru"), the columns title, direction, direction_title, main_executor and
    /// main_executor_name follow, named in that language.
    #[pyo3(signature = (lang=None))]
    fn to_csv(&self, py: Python<'_>, lang: Option<&str>) -> PyResult<String> {
        let named = match (lang, &self.strategy) {
            (Some(code), Some(s)) => {
                let lang = eculture::api::lang(code).map_err(|e| to_py_err(py, &e))?;
                Some(self.inner.to_csv_named(s.get().core(), lang))
            }
            _ => None,
        };
        named
            .unwrap_or_else(|| self.inner.to_csv())
            .map_err(|e| to_py_err(py, &e))
    }

    /// Mermaid gantt chart.
    fn to_mermaid(&self, py: Python<'_>) -> PyResult<String> {
        self.inner.to_mermaid().map_err(|e| to_py_err(py, &e))
    }

    /// A pandas DataFrame with one row per measure, indexed by id: the records' columns, the
    /// dates as datetime64, and the measure's `title` and `direction` (requires pandas).
    fn to_pandas<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let pd = crate::import_pandas(py, "Schedule.to_pandas")?;
        let records = self.to_records(py)?;
        let df = pd.getattr("DataFrame")?.call1((records,))?;
        let columns: Vec<String> = df.getattr("columns")?.call_method0("tolist")?.extract()?;
        let is_date = |c: &&String| c.ends_with("_date") || c.starts_with("baseline_");
        for c in columns.iter().filter(is_date) {
            df.set_item(c, pd.call_method1("to_datetime", (df.get_item(c)?,))?)?;
        }
        if let Some(st) = &self.strategy {
            let doc = st.get().core().document();
            let ids: Vec<String> = df.get_item("id")?.call_method0("tolist")?.extract()?;
            let lookup = |id: &str| {
                st.get()
                    .core()
                    .measure_index(id)
                    .map(|i| &doc.measures[i as usize])
            };
            let titles: Vec<String> = ids
                .iter()
                .map(|id| lookup(id).map_or(String::new(), |m| m.title.best().to_owned()))
                .collect();
            let directions: Vec<String> = ids
                .iter()
                .map(|id| lookup(id).map_or(String::new(), |m| m.direction.to_string()))
                .collect();
            df.call_method1("insert", (1, "title", titles))?;
            df.call_method1("insert", (2, "direction", directions))?;
        }
        df.call_method1("set_index", ("id",))
    }

    /// The Gantt chart (SVG) for notebooks: bars by direction, critical path, float,
    /// deadlines and negative float.
    fn _repr_svg_(&self, py: Python<'_>) -> Option<String> {
        let s = self.strategy.as_ref()?;
        let core = s.get().core();
        let opts = eculture::render::RenderOptions::default();
        Some(py.detach(|| eculture::render::gantt::gantt_svg(core, &self.inner, &opts)))
    }

    /// The core's one-line summary (the same text as JavaScript's `toString()`).
    fn __repr__(&self) -> String {
        eculture::api::Summary::summary(&self.inner)
    }
}
