//! `eculture.Strategy`: a loaded strategy document and every analysis on it.

use std::path::PathBuf;

use eculture::Format;
use numpy::{IntoPyArray, PyArray1};
use pyo3::prelude::*;
use pyo3::pybacked::PyBackedStr;
use pyo3::types::{PyDict, PyTuple};

use crate::columnar::{MeasureIds, Rollup};
use crate::diagnostic::Diagnostic;
use crate::errors::to_py_err;
use crate::matrix::Matrix;
use crate::monitoring::Micmac;
use crate::schedule::{self, Schedule};
use crate::views::{Diagnostics, IdList, IdLists};

/// A strategy document with its validation index and dependency graph, built on first use and
/// cached. Immutable; safe to share between threads. Build one with `Strategy.e_culture()`,
/// `Strategy.load(path)` or `Strategy.from_json/from_yaml/from_toml(text)`.
#[pyclass(frozen, eq, module = "eculture")]
#[derive(Debug, Clone)]
pub struct Strategy {
    inner: eculture::Strategy,
}

impl PartialEq for Strategy {
    fn eq(&self, other: &Self) -> bool {
        self.inner.document() == other.inner.document()
    }
}

impl From<eculture::Strategy> for Strategy {
    fn from(inner: eculture::Strategy) -> Self {
        Strategy { inner }
    }
}

/// Run a core constructor with the GIL released and wrap its result.
pub(crate) fn construct(
    py: Python<'_>,
    make: impl FnOnce() -> eculture::Result<eculture::Strategy> + Send,
) -> PyResult<Strategy> {
    py.detach(make)
        .map(Strategy::from)
        .map_err(|e| to_py_err(py, &e))
}

impl Strategy {
    /// Run a core operation with the GIL released and map its error. Every analysis goes
    /// through here, so a new core operation is one line.
    pub(crate) fn run<T: Send>(
        &self,
        py: Python<'_>,
        op: impl FnOnce(&eculture::Strategy) -> eculture::Result<T> + Send,
    ) -> PyResult<T> {
        let inner = &self.inner;
        py.detach(|| op(inner)).map_err(|e| to_py_err(py, &e))
    }

    /// The core strategy.
    pub(crate) fn core(&self) -> &eculture::Strategy {
        &self.inner
    }
}

#[pymethods]
impl Strategy {
    /// The embedded e-Culture Digital Development Strategy 2024-2026 of the Azerbaijan
    /// Ministry of Culture.
    #[staticmethod]
    fn e_culture(py: Python<'_>) -> Strategy {
        py.detach(eculture::Strategy::e_culture).into()
    }

    /// Parse a JSON document. Raises `ParseError` (with line, column and JSON path).
    #[staticmethod]
    fn from_json(py: Python<'_>, text: PyBackedStr) -> PyResult<Strategy> {
        construct(py, || eculture::Strategy::from_json(&text))
    }

    /// Parse a YAML document. Raises `ParseError`.
    #[staticmethod]
    fn from_yaml(py: Python<'_>, text: PyBackedStr) -> PyResult<Strategy> {
        construct(py, || eculture::Strategy::from_yaml(&text))
    }

    /// Parse a TOML document. Raises `ParseError`.
    #[staticmethod]
    fn from_toml(py: Python<'_>, text: PyBackedStr) -> PyResult<Strategy> {
        construct(py, || eculture::Strategy::from_toml(&text))
    }

    /// Build from plain Python data in the shape of the JSON document (what `document()`
    /// returns). Raises `ParseError` with the JSON `path` of a value of the wrong type, and
    /// `ArgumentError` for a value that is not plain data (the same message as JavaScript).
    #[staticmethod]
    fn from_dict(py: Python<'_>, d: &Bound<'_, PyAny>) -> PyResult<Strategy> {
        let eculture::api::BindingValue(value) = pythonize::depythonize(d)
            .map_err(|_| to_py_err(py, &eculture::api::not_plain_data("document")))?;
        construct(py, move || eculture::Strategy::from_value(value))
    }

    /// Read a file; the format follows the extension (.json, .yaml/.yml, .toml). Raises
    /// `EcultureIOError` when the file cannot be read or the extension is unknown, and
    /// `ParseError` when its content is malformed.
    #[staticmethod]
    fn load(py: Python<'_>, path: PathBuf) -> PyResult<Strategy> {
        construct(py, || eculture::Strategy::load(&path))
    }

    /// The document as pretty-printed JSON.
    fn to_json(&self, py: Python<'_>) -> PyResult<String> {
        self.run(py, eculture::Strategy::to_json)
    }

    /// The document as YAML.
    fn to_yaml(&self, py: Python<'_>) -> PyResult<String> {
        self.run(py, |s| s.to_string(Format::Yaml))
    }

    /// The document as TOML.
    fn to_toml(&self, py: Python<'_>) -> PyResult<String> {
        self.run(py, |s| s.to_string(Format::Toml))
    }

    /// Write the document to a file; the format follows the extension.
    fn save(&self, py: Python<'_>, path: PathBuf) -> PyResult<()> {
        self.run(py, |s| s.save(&path))
    }

    /// The document as plain Python data (dicts, lists, str, int, float, bool, None), in the
    /// same shape as the JSON file.
    fn document<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        Ok(pythonize::pythonize(py, self.inner.document())?)
    }

    /// The strategy id (`strategy.id` in the document).
    #[getter]
    fn id(&self) -> &str {
        &self.inner.document().strategy.id
    }

    /// Every diagnostic, errors and warnings, in a fixed order: a lazy sequence (`Diagnostics`)
    /// that makes each `Diagnostic` when asked for it and shows as a table in notebooks.
    fn validate(slf: &Bound<'_, Self>, py: Python<'_>) -> PyResult<Diagnostics> {
        slf.get().run(py, |s| Ok(s.validate().len()))?;
        Ok(Diagnostics::new(slf.clone().unbind()))
    }

    /// True when validation found no error (warnings allowed).
    fn is_valid(&self, py: Python<'_>) -> PyResult<bool> {
        self.run(py, |s| Ok(s.is_valid()))
    }

    /// The cluster × module matrix. Raises `ValidationError` only when cluster or module ids
    /// are ambiguous (duplicates); other errors stand beside the result.
    fn matrix(slf: &Bound<'_, Self>, py: Python<'_>) -> PyResult<Matrix> {
        let m = slf.get().run(py, eculture::Strategy::matrix)?;
        Ok(Matrix::of(m, slf.clone().unbind()))
    }

    /// Measure ids in topological order: wave by wave, document order inside a wave (a lazy
    /// `IdList`). Raises `CycleError` on a cyclic plan.
    fn topological_order(slf: &Bound<'_, Self>, py: Python<'_>) -> PyResult<IdList> {
        let order = slf.get().run(py, eculture::Strategy::order_indices)?;
        Ok(IdList::new(slf.clone().unbind(), order))
    }

    /// Waves of measures that can run in parallel (a lazy `IdLists`: one `IdList` per wave).
    /// Raises `CycleError` on a cyclic plan.
    fn waves(slf: &Bound<'_, Self>, py: Python<'_>) -> PyResult<IdLists> {
        let groups = slf.get().run(py, eculture::Strategy::wave_groups)?;
        Ok(IdLists::new(slf.clone().unbind(), groups))
    }

    /// Every measure downstream of the given ones (a str or an iterable of str; excluding
    /// them), in document order, as a lazy `IdList`. Raises `ArgumentError` for an unknown id.
    fn impact(slf: &Bound<'_, Self>, py: Python<'_>, ids: &Bound<'_, PyAny>) -> PyResult<IdList> {
        let ids = schedule::ids(py, ids)?;
        let found = slf.get().run(py, |s| s.impact_indices(&ids))?;
        Ok(IdList::new(slf.clone().unbind(), found))
    }

    /// Every measure upstream of the given ones (excluding them), in document order, as a
    /// lazy `IdList`. Raises `ArgumentError` for an unknown id.
    fn ancestors(
        slf: &Bound<'_, Self>,
        py: Python<'_>,
        ids: &Bound<'_, PyAny>,
    ) -> PyResult<IdList> {
        let ids = schedule::ids(py, ids)?;
        let found = slf.get().run(py, |s| s.ancestor_indices(&ids))?;
        Ok(IdList::new(slf.clone().unbind(), found))
    }

    /// One dependency cycle in dependency order, or None for an acyclic plan.
    fn find_cycle(&self, py: Python<'_>) -> PyResult<Option<Vec<String>>> {
        self.run(py, eculture::Strategy::find_cycle)
    }

    /// Every dependency between measures, explicit and derived from module `requires`: dicts
    /// `{"from", "to", "relation", "lag_days", "derived", "module", "cluster"}`.
    fn dependencies<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        crate::records::data(py, self.run(py, eculture::Strategy::dependencies))
    }

    /// Every cyclic block (strongly connected group of measures), members in document order,
    /// as a lazy `IdLists`.
    fn cyclic_blocks(slf: &Bound<'_, Self>, py: Python<'_>) -> PyResult<IdLists> {
        let groups = slf.get().run(py, eculture::Strategy::cyclic_block_groups)?;
        Ok(IdLists::new(slf.clone().unbind(), groups))
    }

    // ---- Columnar results: one NumPy array per result, measure indices are positions in
    // ---- document()["measures"] (see columnar.rs).

    /// Number of measures.
    #[getter]
    fn measure_count(&self) -> usize {
        self.inner.measure_count()
    }

    /// The measure ids in document order, as a lazy read-only sequence (O(1) to create; a
    /// string is made only for each item asked for). Maps measure indices back to ids:
    /// `s.measure_ids[s.order_indices()]`.
    #[getter]
    fn measure_ids(slf: &Bound<'_, Self>) -> MeasureIds {
        MeasureIds::new(slf.clone().unbind())
    }

    /// The wave of every measure, in document order (uint32 array, one entry per measure).
    /// Raises `CycleError` on a cyclic plan.
    fn wave_index<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyArray1<u32>>> {
        Ok(self
            .run(py, eculture::Strategy::wave_index)?
            .into_pyarray(py))
    }

    /// The topological order as measure indices (uint32 array): wave by wave, document order
    /// inside a wave. Raises `CycleError` on a cyclic plan.
    fn order_indices<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyArray1<u32>>> {
        Ok(self
            .run(py, eculture::Strategy::order_indices)?
            .into_pyarray(py))
    }

    /// Every measure downstream of the given ones (excluding them), as ascending measure
    /// indices (uint32 array). Raises `ArgumentError` for an unknown id.
    fn impact_indices<'py>(
        &self,
        py: Python<'py>,
        ids: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyArray1<u32>>> {
        let ids = schedule::ids(py, ids)?;
        Ok(self.run(py, |s| s.impact_indices(&ids))?.into_pyarray(py))
    }

    /// For each given measure separately, how many measures are downstream of it (uint64
    /// array, one entry per id). Raises `ArgumentError` for an unknown id.
    fn descendant_counts<'py>(
        &self,
        py: Python<'py>,
        ids: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyArray1<u64>>> {
        let ids = schedule::ids(py, ids)?;
        Ok(self
            .run(py, |s| s.descendant_counts(&ids))?
            .into_pyarray(py))
    }

    /// The cluster × module roll-up: measure and executed counts per cell as 2-D arrays.
    /// Raises `ValidationError` when the strategy has errors (cycles allowed).
    fn rollup(&self, py: Python<'_>) -> PyResult<Rollup> {
        let r = self.run(py, eculture::Strategy::rollup)?;
        Rollup::new(py, r)
    }

    // ---- Scheduling (critical path method; conventions in docs/scheduling.md). Every method
    // ---- takes the schedule options as keyword arguments: `start` and `must_finish_by` (ISO
    // ---- date or datetime.date), `calendar` (None = calendar days, "weekdays",
    // ---- "azerbaijan_example" or a dict in the core's shape), `critical_float_days`,
    // ---- `near_critical_days`, `max_critical_paths`. The core checks them and holds the
    // ---- defaults. Results other than `schedule()` are the core's serde values as plain data:
    // ---- the same JSON as Rust and JS.

    /// The critical-path schedule. Raises `CycleError` on a cyclic plan, `ValidationError`
    /// when an error blocks the schedule, `ScheduleError` for a calendar with no working day,
    /// `ArgumentError` for an option that cannot be read.
    #[pyo3(signature = (**options))]
    fn schedule(
        slf: &Bound<'_, Self>,
        py: Python<'_>,
        options: Option<&Bound<'_, PyDict>>,
    ) -> PyResult<Schedule> {
        let opts = schedule::options(py, options)?;
        let sch = slf.get().run(py, |s| s.schedule(&opts))?;
        Ok(Schedule::of(sch, slf.clone().unbind()))
    }

    /// The schedule after applying duration or start changes, without touching the strategy.
    /// `changes` as in `what_if`.
    #[pyo3(signature = (changes, **options))]
    fn schedule_with_changes(
        slf: &Bound<'_, Self>,
        py: Python<'_>,
        changes: &Bound<'_, PyAny>,
        options: Option<&Bound<'_, PyDict>>,
    ) -> PyResult<Schedule> {
        let changes = schedule::changes(py, changes)?;
        let opts = schedule::options(py, options)?;
        let sch = slf
            .get()
            .run(py, |s| s.schedule_with_changes(&opts, &changes))?;
        Ok(Schedule::of(sch, slf.clone().unbind()))
    }

    /// Apply duration or start changes without touching the strategy: the new finish, missed
    /// deadlines, float consumed and the matrix cells whose delivery date moves. `changes` is a
    /// list of dicts `{"id", "days", "kind"}` (`kind` "duration", the default, or "start") or
    /// `(id, days)` tuples. Raises `ArgumentError` for an unknown id or a malformed change.
    #[pyo3(signature = (changes, **options))]
    fn what_if<'py>(
        &self,
        py: Python<'py>,
        changes: &Bound<'py, PyAny>,
        options: Option<&Bound<'py, PyDict>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let changes = schedule::changes(py, changes)?;
        let opts = schedule::options(py, options)?;
        crate::records::data(py, self.run(py, |s| s.what_if(&opts, &changes)))
    }

    /// Rollout of the cluster × module matrix over time: per cell the date its last targeting
    /// measure finishes; per cluster the share of applicable modules delivered by each quarter.
    #[pyo3(signature = (**options))]
    fn rollout<'py>(
        &self,
        py: Python<'py>,
        options: Option<&Bound<'py, PyDict>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let opts = schedule::options(py, options)?;
        let r = self.run(py, |s| s.rollout(&opts))?;
        let svg = eculture::render::rollout::rollout_svg(&self.inner, &r, &Default::default());
        crate::records::pictured(py, &r, svg)
    }

    /// Dependencies implied by others (transitive reduction), one dict each with the reason.
    /// Raises `CycleError` on a cyclic plan.
    fn redundant_dependencies<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        crate::records::data(py, self.run(py, eculture::Strategy::redundant_dependencies))
    }

    /// The DSM view: strongly connected blocks in sequence, with a suggested dependency to cut
    /// in each cyclic block.
    fn dsm<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let r = self.run(py, eculture::Strategy::dsm)?;
        let svg = eculture::render::dsm::dsm_svg(&self.inner, &r, &Default::default());
        crate::records::pictured(py, &r, svg)
    }

    /// MICMAC structural analysis (docs/micmac.md): a `Micmac`. `level` "measure", "direction"
    /// or "module"; `influences` a scored table (`{"from", "to", "intensity"}` dicts or tuples)
    /// instead of the plan's dependencies. Raises `ArgumentError` for a bad level or influence.
    #[pyo3(signature = (level=None, influences=None), text_signature = "(self, level=\"measure\", influences=None)")]
    fn micmac(
        &self,
        py: Python<'_>,
        level: Option<&Bound<'_, PyAny>>,
        influences: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Micmac> {
        crate::monitoring::micmac(py, &self.inner, level, influences)
    }

    /// Schedule risk: PERT figures and a seeded Monte-Carlo simulation. Keyword options: the
    /// schedule options plus `runs` (1..=1,000,000) and `seed`. The same seed gives the same
    /// numbers in Rust, Python and WASM.
    #[pyo3(signature = (**options))]
    fn risk<'py>(
        &self,
        py: Python<'py>,
        options: Option<&Bound<'py, PyDict>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let (opts, risk) = schedule::risk_options(py, options)?;
        crate::records::data(py, self.run(py, |s| s.risk(&opts, &risk)))
    }

    // ---- pictures (docs/pictures.md): deterministic SVG, DOT and HTML drawn by the core.
    // ---- Keyword options: the schedule options plus `lang` ("en", "az", "ru"), `color_by`
    // ---- ("state", "quarter", "coverage") and `width`.

    /// Every gap of the matrix with its reasons (`no_measure`, `not_delivered`,
    /// `requirement_missing`), as records.
    fn gaps<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        crate::records::plain(py, &self.run(py, eculture::Strategy::gaps)?)
    }

    /// The cluster × module heatmap (SVG).
    #[pyo3(signature = (**options))]
    fn heatmap_svg(&self, py: Python<'_>, options: Option<&Bound<'_, PyDict>>) -> PyResult<String> {
        let (sch, opts) = schedule::picture_options(py, options)?;
        self.run(py, |s| s.heatmap_svg(&sch, &opts))
    }

    /// The Gantt chart by direction (SVG).
    #[pyo3(signature = (**options))]
    fn gantt_svg(&self, py: Python<'_>, options: Option<&Bound<'_, PyDict>>) -> PyResult<String> {
        let (sch, opts) = schedule::picture_options(py, options)?;
        self.run(py, |s| s.gantt_svg(&sch, &opts))
    }

    /// Coverage per cluster over quarters (SVG).
    #[pyo3(signature = (**options))]
    fn rollout_svg(&self, py: Python<'_>, options: Option<&Bound<'_, PyDict>>) -> PyResult<String> {
        let (sch, opts) = schedule::picture_options(py, options)?;
        self.run(py, |s| s.rollout_svg(&sch, &opts))
    }

    /// The DSM with its blocks (SVG).
    #[pyo3(signature = (**options))]
    fn dsm_svg(&self, py: Python<'_>, options: Option<&Bound<'_, PyDict>>) -> PyResult<String> {
        let (_, opts) = schedule::picture_options(py, options)?;
        self.run(py, |s| s.dsm_svg(&opts))
    }

    /// The MICMAC map (SVG): keyword options `level`, `influences`, `lang`, `width`.
    #[pyo3(signature = (**options))]
    fn micmac_svg(&self, py: Python<'_>, options: Option<&Bound<'_, PyDict>>) -> PyResult<String> {
        let (m, opts) = schedule::micmac_picture_options(py, options)?;
        self.run(py, |s| s.micmac_svg(&m, &opts))
    }

    /// The dependency graph as Graphviz DOT (critical edges bold).
    #[pyo3(signature = (**options))]
    fn to_dot(&self, py: Python<'_>, options: Option<&Bound<'_, PyDict>>) -> PyResult<String> {
        let (sch, opts) = schedule::picture_options(py, options)?;
        self.run(py, |s| s.to_dot(Some(&sch), &opts))
    }

    /// One self-contained, printable HTML report of the plan.
    #[pyo3(signature = (**options))]
    fn report_html(&self, py: Python<'_>, options: Option<&Bound<'_, PyDict>>) -> PyResult<String> {
        let (sch, opts) = schedule::picture_options(py, options)?;
        self.run(py, |s| Ok(s.report_html(&sch, &opts)))
    }

    /// A summary card for notebooks: the report's heatmap and figures.
    fn _repr_html_(&self, py: Python<'_>) -> PyResult<String> {
        self.report_html(py, None)
    }

    /// A pandas DataFrame of the measures, one row each in document order, indexed by id:
    /// `direction`, `title`, `main_executor`, `start`, `deadline` (as written: a year, quarter,
    /// month or date), `duration_days`, `status`, `illustrative` (requires pandas).
    fn to_pandas<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        crate::frames::measures(py, &self.inner)
    }

    /// The dependency graph as a networkx `DiGraph`: a node per measure (with `title`,
    /// `direction`, `duration_days`, `status`), an edge per dependency, explicit or derived from
    /// module requirements (with `relation`, `lag_days`, `derived`, `module`, `cluster`).
    /// Requires networkx.
    fn to_networkx<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let edges = self.run(py, eculture::Strategy::dependencies)?;
        crate::frames::networkx(py, &self.inner, &edges)
    }

    /// The diagnostics that stop operations of `need` ("cells", "graph", "dag" or
    /// "schedule"; see docs/diagnostics.md). Empty when those operations run.
    fn blocking(&self, py: Python<'_>, need: &Bound<'_, PyAny>) -> PyResult<Vec<Diagnostic>> {
        crate::diagnostic::blocking(py, &self.inner, need)
    }

    /// The id of the measure at `index` (a position in `document()["measures"]`). Raises
    /// `ArgumentError` when out of range.
    fn measure_id(&self, py: Python<'_>, index: &Bound<'_, PyAny>) -> PyResult<String> {
        crate::columnar::measure_id(py, &self.inner, index)
    }

    /// The core's one-line summary (the same text as JavaScript's `toString()`).
    fn __repr__(&self) -> String {
        eculture::api::Summary::summary(&self.inner)
    }

    /// Pickle support: a strategy pickles as its JSON text.
    fn __reduce__<'py>(
        slf: &Bound<'py, Self>,
        py: Python<'py>,
    ) -> PyResult<(Bound<'py, PyAny>, Bound<'py, PyTuple>)> {
        let from_json = py.get_type::<Strategy>().getattr("from_json")?;
        let json = slf.get().to_json(py)?;
        Ok((from_json, PyTuple::new(py, [json])?))
    }

    /// Immutable: a copy is the same object.
    fn __copy__(slf: Bound<'_, Self>) -> Bound<'_, Self> {
        slf
    }

    /// Immutable: a deep copy is the same object.
    fn __deepcopy__<'py>(slf: Bound<'py, Self>, memo: &Bound<'py, PyAny>) -> Bound<'py, Self> {
        let _ = memo;
        slf
    }
}
