//! The monitoring results as typed objects (`ExecutionRate`, `ResultsRating`, `Achievement`,
//! `Triage`, `MonitoringReport`), MICMAC's (`Micmac`) and the plan diff (`PlanDiff`), made the
//! same way: properties, `to_dict()`, `to_pandas()`, `repr()` (the core's summary line) and a
//! notebook table (`_repr_html_`, HTML from the core). `r["records"]` and the other keys of the
//! former dicts still work.

use eculture::api::Summary;
use pyo3::exceptions::PyKeyError;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyBytes, PyDict};

use crate::errors::to_py_err;

/// The result as plain data, made once: `Records` for its tables.
fn cached<'py, T: serde::Serialize>(
    py: Python<'py>,
    cell: &PyOnceLock<Py<PyDict>>,
    value: &T,
) -> PyResult<Bound<'py, PyDict>> {
    let d = cell.get_or_try_init(py, || -> PyResult<Py<PyDict>> {
        Ok(crate::records::plain(py, value)?
            .cast_into::<PyDict>()?
            .unbind())
    })?;
    Ok(d.bind(py).clone())
}

fn item<'py>(d: &Bound<'py, PyDict>, key: &str) -> PyResult<Bound<'py, PyAny>> {
    d.get_item(key)?
        .ok_or_else(|| PyKeyError::new_err(key.to_owned()))
}

/// The records as a DataFrame (through `Records.to_pandas()`).
fn frame<'py>(py: Python<'py>, records: Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    crate::import_pandas(py, "to_pandas")?;
    py.import("eculture._records")?
        .getattr("Records")?
        .call1((records,))?
        .call_method0("to_pandas")
}

macro_rules! result_class {
    (
        $(#[doc = $doc:literal])*
        $name:ident($core:ty) { $($field:ident),* }
        $($extra:tt)*
    ) => {
        $(#[doc = $doc])*
        #[pyclass(frozen, module = "eculture")]
        pub struct $name {
            pub(crate) inner: $core,
            data: PyOnceLock<Py<PyDict>>,
        }

        impl std::fmt::Debug for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(&self.inner.summary())
            }
        }

        impl From<$core> for $name {
            fn from(inner: $core) -> Self {
                $name { inner, data: PyOnceLock::new() }
            }
        }

        impl $name {
            fn data<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
                cached(py, &self.data, &self.inner)
            }
        }

        #[pymethods]
        impl $name {
            $(
                #[getter]
                fn $field<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
                    item(&self.data(py)?, stringify!($field))
                }
            )*

            /// The result as plain data (dicts, lists; tables as `Records`).
            fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
                self.data(py)?.copy()
            }

            /// `result["records"]`: the keys of `to_dict()` (the former dict result).
            fn __getitem__<'py>(&self, py: Python<'py>, key: &str) -> PyResult<Bound<'py, PyAny>> {
                self.item(py, key)
            }

            fn __contains__(&self, py: Python<'_>, key: &str) -> PyResult<bool> {
                Ok(self.keys(py)?.iter().any(|k| k == key))
            }

            /// The keys of `to_dict()`.
            fn keys(&self, py: Python<'_>) -> PyResult<Vec<String>> {
                let mut keys: Vec<String> = self.data(py)?.keys().extract()?;
                keys.extend(Self::EXTRA_KEYS.iter().map(|k| (*k).to_owned()));
                Ok(keys)
            }

            /// Equal to the same result, or to its `to_dict()`.
            fn __eq__(&self, py: Python<'_>, other: &Bound<'_, PyAny>) -> PyResult<bool> {
                if let Ok(o) = other.cast::<$name>() {
                    return Ok(o.get().inner == self.inner);
                }
                self.data(py)?.as_any().eq(other)
            }

            /// The core's one-line summary (the same text as JavaScript's `toString()`).
            fn __repr__(&self) -> String {
                self.inner.summary()
            }

            /// The notebook view: the summary and the records as a table (HTML by the core).
            fn _repr_html_(&self) -> String {
                self.html()
            }

            $($extra)*
        }
    };
}

result_class! {
    /// The execution rate (`Strategy.execution_rate`): `records` (one per group), the
    /// measures without data, the options it was computed with.
    ExecutionRate(eculture::monitoring::ExecutionRate) {
        as_of, by, scope, weights, no_data_policy, records, no_data_measures, excluded
    }

    /// The records as a pandas DataFrame (requires pandas).
    fn to_pandas<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        frame(py, item(&self.data(py)?, "records")?)
    }
}

result_class! {
    /// The results-based rating (`Strategy.results_rating`): one record per group.
    ResultsRating(eculture::monitoring::ResultsRating) { as_of, records }

    /// The records as a pandas DataFrame (requires pandas).
    fn to_pandas<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        frame(py, item(&self.data(py)?, "records")?)
    }
}

result_class! {
    /// Indicator achievement (`Strategy.achievement`): per indicator and year, per indicator,
    /// and rolled up.
    Achievement(eculture::monitoring::Achievement) {
        as_of, cap, bands, records, indicators, rollup
    }

    /// The records (one per indicator and target year) as a pandas DataFrame.
    fn to_pandas<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        frame(py, item(&self.data(py)?, "records")?)
    }
}

result_class! {
    /// Overdue and at-risk measures ranked (`Strategy.triage`).
    Triage(eculture::monitoring::Triage) { as_of, records, forecast_error }

    /// The ranked records as a pandas DataFrame (requires pandas).
    fn to_pandas<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        frame(py, item(&self.data(py)?, "records")?)
    }
}

result_class! {
    /// MICMAC structural analysis (`Strategy.micmac`, docs/micmac.md): one record per entity
    /// (direct and indirect influence and dependence, quadrants, ranks, displacement), the
    /// power reached and why it stopped, the means behind the quadrants.
    Micmac(eculture::Micmac) {
        level, power, stop, links, mean_influence, mean_dependence, mean_indirect_influence,
        mean_indirect_dependence, records
    }

    /// True when the matrix came from `influences`, false when from the plan.
    #[getter(from_table)]
    fn table(&self) -> bool {
        self.inner.from_table
    }

    /// The records (one per entity) as a pandas DataFrame (requires pandas).
    fn to_pandas<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        frame(py, item(&self.data(py)?, "records")?)
    }
}

result_class! {
    /// The annual monitoring report (`Strategy.monitoring_report`): its sections as data, and
    /// `to_markdown()`, `to_html()`, `to_xlsx(path=None)`.
    MonitoringReport(eculture::monitoring::MonitoringReport) { title, year, as_of, sections, notice }

    /// The report as Markdown.
    fn to_markdown(&self) -> String {
        self.inner.to_markdown()
    }

    /// The report as one self-contained HTML page.
    fn to_html(&self) -> String {
        self.inner.to_html()
    }

    /// The report as an XLSX workbook: the bytes, or, given a `path`, the file written.
    #[pyo3(signature = (path=None))]
    fn to_xlsx<'py>(
        &self,
        py: Python<'py>,
        path: Option<std::path::PathBuf>,
    ) -> PyResult<Option<Bound<'py, PyBytes>>> {
        let bytes = py
            .detach(|| self.inner.to_xlsx())
            .map_err(|e| to_py_err(py, &e))?;
        crate::strategy_sheets::bytes_or_file(py, &bytes, path)
    }

    /// Every table of the report as a pandas DataFrame, by table name.
    fn to_pandas<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let pd = crate::import_pandas(py, "MonitoringReport.to_pandas")?;
        let out = PyDict::new(py);
        for t in self.inner.tables() {
            let rows: Vec<Vec<Bound<'py, PyAny>>> = t
                .rows
                .iter()
                .map(|r| r.iter().map(|c| pythonize::pythonize(py, c)).collect())
                .collect::<Result<_, _>>()?;
            let kwargs = PyDict::new(py);
            kwargs.set_item("columns", &t.headers)?;
            out.set_item(&t.name, pd.getattr("DataFrame")?.call((rows,), Some(&kwargs))?)?;
        }
        Ok(out)
    }
}

impl MonitoringReport {
    const EXTRA_KEYS: &'static [&'static str] = &["markdown", "html", "xlsx"];

    fn item<'py>(&self, py: Python<'py>, key: &str) -> PyResult<Bound<'py, PyAny>> {
        match key {
            "markdown" => Ok(self.to_markdown().into_pyobject(py)?.into_any()),
            "html" => Ok(self.to_html().into_pyobject(py)?.into_any()),
            "xlsx" => Ok(self.to_xlsx(py, None)?.into_pyobject(py)?.into_any()),
            _ => item(&self.data(py)?, key),
        }
    }

    fn html(&self) -> String {
        self.inner.to_html()
    }
}

result_class! {
    /// What changed between two versions of a plan (`Strategy.diff`): `records`,
    /// `matrix_changes`, `schedule`, `indicator_targets`, `directions`, and `to_markdown()`,
    /// `to_html()`, `to_svg()`; shows as its HTML in notebooks.
    PlanDiff(eculture::PlanDiff) {
        old_id, new_id, title, records, matrix_changes, matrix_blocked_by, schedule,
        schedule_blocked_by, indicator_targets, directions
    }

    /// True when the two plans are the same up to order.
    fn is_empty(&self) -> bool {
        self.inner.is_empty()
    }

    /// The diff as Markdown.
    fn to_markdown(&self) -> String {
        self.inner.to_markdown()
    }

    /// The diff as a self-contained HTML fragment (the picture and the tables).
    fn to_html(&self) -> String {
        self.inner.to_html()
    }

    /// The picture of the differences (SVG).
    fn to_svg(&self) -> String {
        self.inner.to_svg()
    }

    /// The records as a pandas DataFrame (requires pandas).
    fn to_pandas<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        frame(py, item(&self.data(py)?, "records")?)
    }

    fn __len__(&self) -> usize {
        self.inner.records.len()
    }

    fn __bool__(&self) -> bool {
        !self.inner.is_empty()
    }
}

/// `Strategy.diff`: the options read by the core, the diff computed with the GIL released.
pub(crate) fn diff(
    py: Python<'_>,
    old: &eculture::Strategy,
    new: &eculture::Strategy,
    options: Option<&Bound<'_, PyDict>>,
) -> PyResult<PlanDiff> {
    let o = crate::schedule::diff_options(py, options)?;
    py.detach(|| old.diff(new, &o))
        .map(PlanDiff::from)
        .map_err(|e| to_py_err(py, &e))
}

impl PlanDiff {
    const EXTRA_KEYS: &'static [&'static str] = &[];

    fn item<'py>(&self, py: Python<'py>, key: &str) -> PyResult<Bound<'py, PyAny>> {
        item(&self.data(py)?, key)
    }

    fn html(&self) -> String {
        self.inner.to_html()
    }
}

macro_rules! records_view {
    ($($name:ident),*) => {$(
        impl $name {
            const EXTRA_KEYS: &'static [&'static str] = &[];

            fn item<'py>(&self, py: Python<'py>, key: &str) -> PyResult<Bound<'py, PyAny>> {
                item(&self.data(py)?, key)
            }

            fn html(&self) -> String {
                eculture::api::records_html(&self.inner.summary(), &self.inner.records)
            }
        }
    )*};
}

records_view!(ExecutionRate, ResultsRating, Achievement, Triage, Micmac);

/// `Strategy.micmac(level, influences)`: the options read by the core (`level` and
/// `influences` as given, `None` left out), the analysis run with the GIL released.
pub(crate) fn micmac(
    py: Python<'_>,
    s: &eculture::Strategy,
    level: Option<&Bound<'_, PyAny>>,
    influences: Option<&Bound<'_, PyAny>>,
) -> PyResult<Micmac> {
    let options = PyDict::new(py);
    for (key, value) in [("level", level), ("influences", influences)] {
        if let Some(v) = value.filter(|v| !v.is_none()) {
            options.set_item(key, v)?;
        }
    }
    let o = crate::schedule::micmac_options(py, Some(&options))?;
    py.detach(|| s.micmac(&o))
        .map(Micmac::from)
        .map_err(|e| to_py_err(py, &e))
}
