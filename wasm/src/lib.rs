//! JavaScript bindings of [`eculture`], built with wasm-bindgen.
//!
//! This crate only converts and forwards: every method is one call into the core plus a
//! conversion of its result ([`out`]) or its error ([`error::to_js`]). Results are plain JS
//! objects produced by serde-wasm-bindgen (`Option` → `null`, maps → objects); their TypeScript
//! types come from the `tsify` derives on the core types plus `types.d.ts` for the document.
//!
//! **Naming.** Methods are camelCase (`whatIf`, `toRecords`); the keys of option objects are
//! camelCase too (`{nearCriticalDays: 10}`, see [`args`]); data keeps the core's serde keys,
//! snake_case (`early_start`, `total_float`, `extra_working_days`), so that the JSON of a result
//! is byte for byte the same from Rust, Python and JS. Measure indices (the columnar methods)
//! cross as typed arrays, copied once, never converted element by element in JS.
//!
//! Adding an operation of the core is one method here:
//!
//! ```ignore
//! #[wasm_bindgen(js_name = "criticalPath", unchecked_return_type = "string[]")]
//! pub fn critical_path(&self) -> Result<JsValue, JsValue> {
//!     out(self.inner.critical_path())
//! }
//! ```
#![cfg(target_family = "wasm")]

mod args;
mod error;

#[cfg(feature = "full")]
use eculture::Format;
use serde::Serialize;
use wasm_bindgen::prelude::*;

/// TypeScript declarations of the values that the core types do not describe themselves
/// (the document model and the thrown errors).
#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &str = include_str!("types.d.ts");

/// The serializer every result goes through: `None` becomes `null` (never `undefined`), maps
/// become plain objects, 64-bit integers become numbers (they are far below 2^53 here).
fn serializer() -> serde_wasm_bindgen::Serializer {
    serde_wasm_bindgen::Serializer::new()
        .serialize_missing_as_null(true)
        .serialize_maps_as_objects(true)
}

/// Convert a value to a plain JS value.
fn js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsValue> {
    value
        .serialize(&serializer())
        .map_err(|e| error::internal(&e.to_string()))
}

/// Convert a core result: the value to a plain JS value, the error to a thrown JS `Error`.
fn out<T: Serialize>(result: eculture::Result<T>) -> Result<JsValue, JsValue> {
    js(&result.map_err(error::to_js)?)
}

/// A loaded strategy document. Parse errors throw an `Error` named `ParseError`.
///
/// Methods are camelCase, and so are the keys of option objects (`{nearCriticalDays: 10}`);
/// data keeps the core's snake_case keys (`record.early_start`, a calendar's
/// `extra_working_days`), so that results are the same JSON as from Rust and Python.
#[wasm_bindgen]
#[derive(Debug, Clone)]
pub struct Strategy {
    inner: eculture::Strategy,
}

/// The embedded e-Culture strategy (same as `Strategy.eCulture()`).
#[cfg(feature = "full")]
#[wasm_bindgen(js_name = "eCulture")]
pub fn e_culture() -> Strategy {
    Strategy::e_culture()
}

#[cfg(feature = "full")]
/// The JSON Schema of the document format.
#[wasm_bindgen(
    js_name = "jsonSchema",
    unchecked_return_type = "Record<string, unknown>"
)]
pub fn json_schema() -> Result<JsValue, JsValue> {
    js(&eculture::json_schema())
}

#[cfg(feature = "full")]
/// The table of operations every surface exposes, with their Rust, Python and JS names
/// (`eculture::api::OPERATIONS`).
#[wasm_bindgen(unchecked_return_type = "Array<Record<string, unknown>>")]
pub fn operations() -> Result<JsValue, JsValue> {
    js(eculture::api::OPERATIONS)
}

/// A diagnostic as one line (`error [unknown_reference] measure `6.2` at
/// measures[29].depends_on[0], line 412: unknown measure `6.l`; did you mean `6.1`?`), the
/// same text as Python's `str(d)` and the Rust `Display`.
#[wasm_bindgen(js_name = "formatDiagnostic")]
pub fn format_diagnostic(
    #[wasm_bindgen(unchecked_param_type = "Diagnostic")] diagnostic: JsValue,
) -> Result<String, JsValue> {
    serde_wasm_bindgen::from_value::<eculture::Diagnostic>(diagnostic)
        .map(|d| d.to_string())
        .map_err(|e| error::argument(&format!("not a diagnostic: {e}"), "diagnostic"))
}

#[wasm_bindgen]
impl Strategy {
    fn wrap(result: eculture::Result<eculture::Strategy>) -> Result<Strategy, JsValue> {
        result.map(|inner| Strategy { inner }).map_err(error::to_js)
    }

    /// The embedded e-Culture strategy.
    #[cfg(feature = "full")]
    #[wasm_bindgen(js_name = "eCulture")]
    pub fn e_culture() -> Strategy {
        Strategy {
            inner: eculture::Strategy::e_culture(),
        }
    }

    /// Parse a JSON document.
    #[wasm_bindgen(js_name = "fromJson")]
    pub fn from_json(text: &str) -> Result<Strategy, JsValue> {
        Self::wrap(eculture::Strategy::from_json(text))
    }

    /// Parse a YAML document.
    #[wasm_bindgen(js_name = "fromYaml")]
    pub fn from_yaml(text: &str) -> Result<Strategy, JsValue> {
        Self::wrap(eculture::Strategy::from_yaml(text))
    }

    /// Parse a TOML document.
    #[wasm_bindgen(js_name = "fromToml")]
    pub fn from_toml(text: &str) -> Result<Strategy, JsValue> {
        Self::wrap(eculture::Strategy::from_toml(text))
    }

    #[cfg(feature = "full")]
    /// Build from a plain object in the shape of the JSON document (what `document()`
    /// returns). Throws `ParseError` with the JSON path of a value of the wrong type.
    #[wasm_bindgen(js_name = "fromObject")]
    pub fn from_object(
        #[wasm_bindgen(unchecked_param_type = "Document")] document: JsValue,
    ) -> Result<Strategy, JsValue> {
        let eculture::api::BindingValue(value) =
            serde_wasm_bindgen::from_value(document).map_err(|e| {
                error::argument(&format!("document is not plain data: {e}"), "document")
            })?;
        Self::wrap(eculture::Strategy::from_value(value))
    }

    /// The strategy id (`strategy.id` in the document).
    #[wasm_bindgen(getter)]
    pub fn id(&self) -> String {
        self.inner.document().strategy.id.to_string()
    }

    // ---- pictures (docs/pictures.md): options are the schedule options plus `lang`,
    // ---- `colorBy`, `width`

    /// Every gap of the matrix with its reasons.
    #[wasm_bindgen(unchecked_return_type = "CellGap[]")]
    pub fn gaps(&self) -> Result<JsValue, JsValue> {
        out(self.inner.gaps())
    }

    /// The cluster × module heatmap (SVG).
    #[wasm_bindgen(js_name = "heatmapSvg")]
    pub fn heatmap_svg(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "PictureInit | null")] options: JsValue,
    ) -> Result<String, JsValue> {
        let (sch, opts) = args::picture(options)?;
        self.inner.heatmap_svg(&sch, &opts).map_err(error::to_js)
    }

    /// The Gantt chart by direction (SVG).
    #[wasm_bindgen(js_name = "ganttSvg")]
    pub fn gantt_svg(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "PictureInit | null")] options: JsValue,
    ) -> Result<String, JsValue> {
        let (sch, opts) = args::picture(options)?;
        self.inner.gantt_svg(&sch, &opts).map_err(error::to_js)
    }

    #[cfg(feature = "full")]
    /// Coverage per cluster over quarters (SVG).
    #[wasm_bindgen(js_name = "rolloutSvg")]
    pub fn rollout_svg(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "PictureInit | null")] options: JsValue,
    ) -> Result<String, JsValue> {
        let (sch, opts) = args::picture(options)?;
        self.inner.rollout_svg(&sch, &opts).map_err(error::to_js)
    }

    #[cfg(feature = "full")]
    /// The DSM with its blocks (SVG).
    #[wasm_bindgen(js_name = "dsmSvg")]
    pub fn dsm_svg(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "PictureInit | null")] options: JsValue,
    ) -> Result<String, JsValue> {
        let (_, opts) = args::picture(options)?;
        self.inner.dsm_svg(&opts).map_err(error::to_js)
    }

    #[cfg(feature = "full")]
    /// The dependency graph as Graphviz DOT.
    #[wasm_bindgen(js_name = "toDot")]
    pub fn to_dot(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "PictureInit | null")] options: JsValue,
    ) -> Result<String, JsValue> {
        let (sch, opts) = args::picture(options)?;
        self.inner.to_dot(Some(&sch), &opts).map_err(error::to_js)
    }

    #[cfg(feature = "full")]
    /// One self-contained, printable HTML report of the plan.
    #[wasm_bindgen(js_name = "reportHtml")]
    pub fn report_html(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "PictureInit | null")] options: JsValue,
    ) -> Result<String, JsValue> {
        let (sch, opts) = args::picture(options)?;
        Ok(self.inner.report_html(&sch, &opts))
    }

    // ---- monitoring and evaluation (docs/monitoring.md)

    #[cfg(feature = "full")]
    /// Every measure's state as of a date (ISO).
    #[wasm_bindgen(js_name = "statesAsOf", unchecked_return_type = "MeasureState[]")]
    pub fn states_as_of(&self, as_of: JsValue) -> Result<JsValue, JsValue> {
        let d = args::date(as_of, "as_of")?;
        js(&self.inner.states_as_of(d))
    }

    #[cfg(feature = "full")]
    /// The execution rate (`{asOf, by, scope, weights, noData}`).
    #[wasm_bindgen(js_name = "executionRate", unchecked_return_type = "ExecutionRate")]
    pub fn execution_rate(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "Record<string, unknown> | null")]
        options: JsValue,
    ) -> Result<JsValue, JsValue> {
        out(self.inner.execution_rate(&args::op(options)?))
    }

    #[cfg(feature = "full")]
    /// The results-based rating (`{asOf, by}`).
    #[wasm_bindgen(js_name = "resultsRating", unchecked_return_type = "ResultsRating")]
    pub fn results_rating(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "Record<string, unknown> | null")]
        options: JsValue,
    ) -> Result<JsValue, JsValue> {
        js(&self.inner.results_rating(&args::op(options)?))
    }

    #[cfg(feature = "full")]
    /// Indicator achievement (`{asOf, cap, bands}`).
    #[wasm_bindgen(unchecked_return_type = "Achievement")]
    pub fn achievement(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "Record<string, unknown> | null")]
        options: JsValue,
    ) -> Result<JsValue, JsValue> {
        out(self.inner.achievement(&args::op(options)?))
    }

    #[cfg(feature = "full")]
    /// Overdue and at-risk measures ranked (`{asOf, outOfSequence}`).
    #[wasm_bindgen(unchecked_return_type = "Triage")]
    pub fn triage(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "Record<string, unknown> | null")]
        options: JsValue,
    ) -> Result<JsValue, JsValue> {
        js(&self.inner.triage(&args::op(options)?))
    }

    #[cfg(feature = "full")]
    /// The reporting obligations with their status (`{asOf}`).
    #[wasm_bindgen(js_name = "reportingCalendar", unchecked_return_type = "Obligation[]")]
    pub fn reporting_calendar(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "Record<string, unknown> | null")]
        options: JsValue,
    ) -> Result<JsValue, JsValue> {
        js(&self.inner.reporting_calendar(&args::op(options)?))
    }

    #[cfg(feature = "full")]
    /// The annual monitoring report: its data plus `markdown` and `html` (XLSX is written by
    /// the native builds only).
    #[wasm_bindgen(
        js_name = "monitoringReport",
        unchecked_return_type = "MonitoringReport & { markdown: string; html: string }"
    )]
    pub fn monitoring_report(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "Record<string, unknown> | null")]
        options: JsValue,
    ) -> Result<JsValue, JsValue> {
        let r = self
            .inner
            .monitoring_report(&args::op(options)?)
            .map_err(error::to_js)?;
        let value = js(&r)?;
        let set = |k: &str, v: String| {
            js_sys::Reflect::set(&value, &JsValue::from_str(k), &JsValue::from_str(&v))
        };
        set("markdown", r.to_markdown()).map_err(|_| error::internal("monitoring report"))?;
        set("html", r.to_html()).map_err(|_| error::internal("monitoring report"))?;
        Ok(value)
    }

    #[cfg(feature = "full")]
    /// The diagnostics that stop operations of `need` (`"cells"`, `"graph"`, `"dag"` or
    /// `"schedule"`; see docs/diagnostics.md). Empty when those operations run.
    #[wasm_bindgen(unchecked_return_type = "Diagnostic[]")]
    pub fn blocking(
        &self,
        #[wasm_bindgen(unchecked_param_type = "\"cells\" | \"graph\" | \"dag\" | \"schedule\"")]
        need: JsValue,
    ) -> Result<JsValue, JsValue> {
        let need: eculture::Need = serde_wasm_bindgen::from_value(need).map_err(|e| {
            error::argument(
                &format!("need must be \"cells\", \"graph\", \"dag\" or \"schedule\": {e}"),
                "need",
            )
        })?;
        js(&self.inner.blocking(need))
    }

    #[cfg(feature = "full")]
    /// The document (for `JSON.stringify`).
    #[wasm_bindgen(js_name = "toJSON", unchecked_return_type = "Document")]
    pub fn to_plain(&self) -> Result<JsValue, JsValue> {
        js(self.inner.document())
    }

    /// `Strategy(id=…, measures=…)`: what node's console and string conversion show.
    #[wasm_bindgen(js_name = "toString")]
    pub fn to_display(&self) -> String {
        let d = self.inner.document();
        format!(
            "Strategy(id={:?}, directions={}, clusters={}, modules={}, measures={}, indicators={})",
            d.strategy.id.as_str(),
            d.directions.len(),
            d.clusters.len(),
            d.modules.len(),
            d.measures.len(),
            d.indicators.len()
        )
    }

    #[cfg(feature = "full")]
    /// The document as pretty JSON.
    #[wasm_bindgen(js_name = "toJson")]
    pub fn to_json(&self) -> Result<String, JsValue> {
        self.inner.to_json().map_err(error::to_js)
    }

    #[cfg(feature = "full")]
    /// The document as YAML.
    #[wasm_bindgen(js_name = "toYaml")]
    pub fn to_yaml(&self) -> Result<String, JsValue> {
        self.inner.to_string(Format::Yaml).map_err(error::to_js)
    }

    #[cfg(feature = "full")]
    /// The document as TOML.
    #[wasm_bindgen(js_name = "toToml")]
    pub fn to_toml(&self) -> Result<String, JsValue> {
        self.inner.to_string(Format::Toml).map_err(error::to_js)
    }

    /// Every diagnostic (errors and warnings), in the documented order.
    #[wasm_bindgen(unchecked_return_type = "Diagnostic[]")]
    pub fn validate(&self) -> Result<JsValue, JsValue> {
        js(self.inner.validate())
    }

    #[cfg(feature = "full")]
    /// True when validation found no error (warnings allowed).
    #[wasm_bindgen(js_name = "isValid")]
    pub fn is_valid(&self) -> bool {
        self.inner.is_valid()
    }

    /// The cluster × module matrix. Throws `ValidationError` on an invalid document.
    pub fn matrix(&self) -> Result<Matrix, JsValue> {
        self.inner
            .matrix()
            .map(|inner| Matrix { inner })
            .map_err(error::to_js)
    }

    #[cfg(feature = "full")]
    /// Measure ids in topological order. Throws `CycleError` on a cyclic plan.
    #[wasm_bindgen(js_name = "topologicalOrder", unchecked_return_type = "string[]")]
    pub fn topological_order(&self) -> Result<JsValue, JsValue> {
        out(self.inner.topological_order())
    }

    /// Waves of measures that can run in parallel. Throws `CycleError` on a cyclic plan.
    #[wasm_bindgen(unchecked_return_type = "string[][]")]
    pub fn waves(&self) -> Result<JsValue, JsValue> {
        out(self.inner.waves())
    }

    #[cfg(feature = "full")]
    /// Every measure downstream of `ids` (excluding them), sorted by id. Throws
    /// `ArgumentError` for an unknown id.
    #[wasm_bindgen(unchecked_return_type = "string[]")]
    pub fn impact(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string | string[]")] ids: JsValue,
    ) -> Result<JsValue, JsValue> {
        let ids = args::ids(ids)?;
        out(self.inner.impact(&ids))
    }

    #[cfg(feature = "full")]
    /// Every measure upstream of `ids` (excluding them), sorted by id. Throws `ArgumentError`
    /// for an unknown id.
    #[wasm_bindgen(unchecked_return_type = "string[]")]
    pub fn ancestors(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string | string[]")] ids: JsValue,
    ) -> Result<JsValue, JsValue> {
        let ids = args::ids(ids)?;
        out(self.inner.ancestors(&ids))
    }

    #[cfg(feature = "full")]
    /// One dependency cycle in dependency order, or `null` for an acyclic plan.
    #[wasm_bindgen(js_name = "findCycle", unchecked_return_type = "string[] | null")]
    pub fn find_cycle(&self) -> Result<JsValue, JsValue> {
        out(self.inner.find_cycle())
    }

    #[cfg(feature = "full")]
    /// Every dependency between measures: explicit (`derived: false`) and derived from module
    /// `requires` (`derived: true`, with `module` and `cluster`).
    #[wasm_bindgen(unchecked_return_type = "DependencyEdge[]")]
    pub fn dependencies(&self) -> Result<JsValue, JsValue> {
        out(self.inner.dependencies())
    }

    #[cfg(feature = "full")]
    /// Every cyclic block (strongly connected component), members in document order.
    #[wasm_bindgen(js_name = "cyclicBlocks", unchecked_return_type = "string[][]")]
    pub fn cyclic_blocks(&self) -> Result<JsValue, JsValue> {
        out(self.inner.cyclic_blocks())
    }

    #[cfg(feature = "full")]
    /// The document as a plain object (the shape of the JSON file).
    #[wasm_bindgen(unchecked_return_type = "Document")]
    pub fn document(&self) -> Result<JsValue, JsValue> {
        js(self.inner.document())
    }

    // ---- scheduling (docs/scheduling.md) ----

    #[cfg(feature = "full")]
    /// The critical-path schedule. Day offsets count from the project start, finish offsets
    /// are exclusive, dates are ISO. Throws `ArgumentError` for bad options (an unknown key, a
    /// bad date), `ValidationError`, `CycleError`, and `ScheduleError` for a calendar with no
    /// working day (`kind: "no_working_days"`, path `calendar.weekend`).
    pub fn schedule(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "ScheduleInit | null")] options: JsValue,
    ) -> Result<Schedule, JsValue> {
        Schedule::wrap(self.inner.schedule(&args::schedule(options)?))
    }

    /// The schedule after duration or start changes (`[{id: "3.2", days: 30}]`; see
    /// `whatIf`), without touching the strategy.
    #[wasm_bindgen(js_name = "scheduleWithChanges")]
    pub fn schedule_with_changes(
        &self,
        #[wasm_bindgen(unchecked_param_type = "DurationChange[]")] changes: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "ScheduleInit | null")] options: JsValue,
    ) -> Result<Schedule, JsValue> {
        let (opts, changes) = (args::schedule(options)?, args::changes(changes)?);
        Schedule::wrap(self.inner.schedule_with_changes(&opts, &changes))
    }

    /// Try changes on a copy of the plan: `[{id: "3.2", days: 30}]` lengthens 3.2 by 30 days
    /// (negative `days` shortens), `{id, days, kind: "start"}` holds its start back. Returns
    /// the new finish, the deadlines now missed, the float consumed per measure and the matrix
    /// cells whose delivery moves. Throws `ArgumentError` located at `changes[k]` for an
    /// unknown id or an impossible change.
    #[wasm_bindgen(js_name = "whatIf", unchecked_return_type = "WhatIf")]
    pub fn what_if(
        &self,
        #[wasm_bindgen(unchecked_param_type = "DurationChange[]")] changes: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "ScheduleInit | null")] options: JsValue,
    ) -> Result<JsValue, JsValue> {
        let (opts, changes) = (args::schedule(options)?, args::changes(changes)?);
        out(self.inner.what_if(&opts, &changes))
    }

    #[cfg(feature = "full")]
    /// Rollout over time: per cluster × module cell the date its last delivering measure
    /// finishes, and per cluster the share of applicable modules delivered by each quarter.
    #[wasm_bindgen(unchecked_return_type = "Rollout")]
    pub fn rollout(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "ScheduleInit | null")] options: JsValue,
    ) -> Result<JsValue, JsValue> {
        out(self.inner.rollout(&args::schedule(options)?))
    }

    #[cfg(feature = "full")]
    /// Explicit dependencies implied by others (transitive reduction), document order.
    #[wasm_bindgen(
        js_name = "redundantDependencies",
        unchecked_return_type = "RedundantDependency[]"
    )]
    pub fn redundant_dependencies(&self) -> Result<JsValue, JsValue> {
        out(self.inner.redundant_dependencies())
    }

    #[cfg(feature = "full")]
    /// The DSM view (also for cyclic plans): sequenced blocks, marks, suggested cuts.
    #[wasm_bindgen(unchecked_return_type = "Dsm")]
    pub fn dsm(&self) -> Result<JsValue, JsValue> {
        out(self.inner.dsm())
    }

    #[cfg(feature = "full")]
    /// Schedule risk: PERT figures and a seeded Monte-Carlo simulation. `risk` is
    /// `{runs?, seed?}` (defaults 2000 and 1); the same seed gives bit-identical numbers in
    /// Rust, Python and JS. Throws `ArgumentError` at `runs` outside 1..=1,000,000, and a
    /// `ValidationError` at `measures[i].estimate` for an estimate with optimistic > pessimistic.
    #[wasm_bindgen(unchecked_return_type = "Risk")]
    pub fn risk(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "RiskInit | null")] options: JsValue,
    ) -> Result<JsValue, JsValue> {
        let (opts, risk) = args::risk(options)?;
        out(self.inner.risk(&opts, &risk))
    }

    // ---- columnar results for large plans: measure indices as typed arrays ----

    /// Number of measures.
    #[wasm_bindgen(getter, js_name = "measureCount")]
    pub fn measure_count(&self) -> usize {
        self.inner.measure_count()
    }

    #[cfg(feature = "full")]
    /// The id of the measure at `index` (a position in `document().measures`). Throws
    /// `ArgumentError` (path `index`) when `index` is not an integer in `0..measureCount()`.
    #[wasm_bindgen(js_name = "measureId")]
    pub fn measure_id(&self, index: f64) -> Result<String, JsValue> {
        let i = args::index(index, self.inner.measure_count())?;
        Ok(self.inner.measure_id(i).unwrap_or_default().to_owned())
    }

    #[cfg(feature = "full")]
    /// The wave of every measure, in document order. Throws `CycleError` on a cyclic plan.
    #[wasm_bindgen(js_name = "waveIndex")]
    pub fn wave_index(&self) -> Result<Vec<u32>, JsValue> {
        self.inner.wave_index().map_err(error::to_js)
    }

    #[cfg(feature = "full")]
    /// Topological order as measure indices. Throws `CycleError` on a cyclic plan.
    #[wasm_bindgen(js_name = "orderIndices")]
    pub fn order_indices(&self) -> Result<Vec<u32>, JsValue> {
        self.inner.order_indices().map_err(error::to_js)
    }

    #[cfg(feature = "full")]
    /// Measures downstream of `ids` (excluding them), as ascending measure indices. Throws
    /// `ArgumentError` for an unknown id.
    #[wasm_bindgen(js_name = "impactIndices")]
    pub fn impact_indices(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string | string[]")] ids: JsValue,
    ) -> Result<Vec<u32>, JsValue> {
        let ids = args::ids(ids)?;
        self.inner.impact_indices(&ids).map_err(error::to_js)
    }

    #[cfg(feature = "full")]
    /// For each of `ids` separately, how many measures are downstream of it. A `Float64Array`
    /// (plain numbers, exact: a count never exceeds the number of measures), not a
    /// `BigUint64Array`. Throws `ArgumentError` for an unknown id.
    #[wasm_bindgen(js_name = "descendantCounts")]
    pub fn descendant_counts(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string | string[]")] ids: JsValue,
    ) -> Result<Vec<f64>, JsValue> {
        let ids = args::ids(ids)?;
        let counts = self.inner.descendant_counts(&ids).map_err(error::to_js)?;
        Ok(counts.into_iter().map(|n| n as f64).collect())
    }

    #[cfg(feature = "full")]
    /// The cluster × module roll-up: measures and executed measures per cell, row-major.
    pub fn rollup(&self) -> Result<Rollup, JsValue> {
        self.inner
            .rollup()
            .map(|inner| Rollup { inner })
            .map_err(error::to_js)
    }
}

/// The cluster × module matrix of a strategy.
#[wasm_bindgen]
#[derive(Debug, Clone)]
pub struct Matrix {
    inner: eculture::Matrix,
}

#[wasm_bindgen]
impl Matrix {
    /// Cluster ids (rows), in document order.
    #[wasm_bindgen(getter, unchecked_return_type = "string[]")]
    pub fn clusters(&self) -> Result<JsValue, JsValue> {
        js(&self.inner.clusters)
    }

    /// Module ids (columns), in document order.
    #[wasm_bindgen(getter, unchecked_return_type = "string[]")]
    pub fn modules(&self) -> Result<JsValue, JsValue> {
        js(&self.inner.modules)
    }

    #[cfg(feature = "full")]
    /// Every cell, row-major (cluster, then module).
    #[wasm_bindgen(getter, unchecked_return_type = "Cell[]")]
    pub fn cells(&self) -> Result<JsValue, JsValue> {
        js(&self.inner.cells)
    }

    /// Coverage per cluster, per module and overall.
    #[wasm_bindgen(unchecked_return_type = "CoverageReport")]
    pub fn coverage(&self) -> Result<JsValue, JsValue> {
        js(&self.inner.coverage())
    }

    /// The gap cells (applicable, no measure), in matrix order.
    #[wasm_bindgen(unchecked_return_type = "Cell[]")]
    pub fn gaps(&self) -> Result<JsValue, JsValue> {
        js(&self.inner.gaps())
    }

    #[cfg(feature = "full")]
    /// The cell of (cluster, module), or `null` when either id is unknown.
    #[wasm_bindgen(unchecked_return_type = "Cell")]
    pub fn cell(&self, cluster: &str, module: &str) -> Result<JsValue, JsValue> {
        out(self.inner.lookup(cluster, module))
    }

    /// `Matrix(clusters × modules, coverage …)`.
    #[wasm_bindgen(js_name = "toString")]
    pub fn to_display(&self) -> String {
        let o = self.inner.coverage().overall;
        format!(
            "Matrix({} clusters x {} modules, {} of {} applicable cells covered)",
            self.inner.clusters.len(),
            self.inner.modules.len(),
            o.covered,
            o.applicable
        )
    }

    #[cfg(feature = "full")]
    /// The whole matrix as a plain object (also what `JSON.stringify(matrix)` writes).
    #[wasm_bindgen(js_name = "toJSON", unchecked_return_type = "MatrixData")]
    pub fn to_plain(&self) -> Result<JsValue, JsValue> {
        js(&self.inner)
    }

    #[cfg(feature = "full")]
    /// A Markdown table (clusters × modules, with coverage).
    #[wasm_bindgen(js_name = "toMarkdown")]
    pub fn to_markdown(&self) -> String {
        self.inner.to_markdown()
    }

    #[cfg(feature = "full")]
    /// Long-form CSV: `cluster,module,state,measures`.
    #[wasm_bindgen(js_name = "toCsv")]
    pub fn to_csv(&self) -> String {
        self.inner.to_csv()
    }
}

/// A computed schedule (critical path method), from `Strategy.schedule()`. Day offsets count
/// from `projectStart` (calendar days, or working days under a calendar); finish offsets are
/// exclusive; dates are ISO `YYYY-MM-DD`. Records and reports keep the core's snake_case keys
/// (`early_start`, `total_float`, ...). `JSON.stringify(schedule)` writes `report()`.
#[wasm_bindgen]
#[derive(Debug, Clone)]
pub struct Schedule {
    inner: eculture::Schedule,
}

impl Schedule {
    fn wrap(result: eculture::Result<eculture::Schedule>) -> Result<Schedule, JsValue> {
        result.map(|inner| Schedule { inner }).map_err(error::to_js)
    }
}

#[wasm_bindgen]
impl Schedule {
    /// Project length in days (working days under a calendar): the largest early finish.
    #[wasm_bindgen(getter, js_name = "durationDays")]
    pub fn duration_days(&self) -> f64 {
        self.inner.duration_days() as f64
    }

    /// Date of offset 0.
    #[wasm_bindgen(getter, js_name = "projectStart")]
    pub fn project_start(&self) -> String {
        self.inner.project_start.to_string()
    }

    /// Project finish date: the last day of work. Throws `ScheduleError`
    /// (`date_out_of_range`) when it falls beyond year 9999.
    #[wasm_bindgen(getter, js_name = "finishDate")]
    pub fn finish_date(&self) -> Result<String, JsValue> {
        self.inner
            .finish_date()
            .map(|d| d.to_string())
            .map_err(error::to_js)
    }

    #[cfg(feature = "full")]
    /// One record per measure, document order: day offsets and dates.
    #[wasm_bindgen(js_name = "toRecords", unchecked_return_type = "ScheduleRecord[]")]
    pub fn to_records(&self) -> Result<JsValue, JsValue> {
        out(self.inner.records())
    }

    #[cfg(feature = "full")]
    /// The record of one measure, or `null` for an unknown id.
    #[wasm_bindgen(unchecked_return_type = "ScheduleRecord")]
    pub fn record(&self, id: &str) -> Result<JsValue, JsValue> {
        out(self.inner.lookup(id))
    }

    /// Every critical path as measure ids, first to last (ties kept, up to
    /// `maxCriticalPaths`; `report().critical_paths_truncated` says when more exist).
    #[wasm_bindgen(
        getter,
        js_name = "criticalPaths",
        unchecked_return_type = "string[][]"
    )]
    pub fn critical_paths(&self) -> Result<JsValue, JsValue> {
        js(&self.inner.critical_paths())
    }

    /// Critical measures (total float at most `criticalFloatDays`), document order.
    #[wasm_bindgen(getter, js_name = "criticalIds", unchecked_return_type = "string[]")]
    pub fn critical_ids(&self) -> Result<JsValue, JsValue> {
        js(&self.inner.critical_ids())
    }

    /// Near-critical measures (total float above `criticalFloatDays`, at most
    /// `nearCriticalDays`), document order.
    #[wasm_bindgen(getter, js_name = "nearCritical", unchecked_return_type = "string[]")]
    pub fn near_critical(&self) -> Result<JsValue, JsValue> {
        js(&self.inner.near_critical())
    }

    /// Deadlines the network cannot meet, each with the chain of measures that drives it.
    #[wasm_bindgen(
        getter,
        js_name = "infeasibleDeadlines",
        unchecked_return_type = "InfeasibleDeadline[]"
    )]
    pub fn infeasible_deadlines(&self) -> Result<JsValue, JsValue> {
        js(self.inner.infeasible_deadlines())
    }

    #[cfg(feature = "full")]
    /// The JSON export as an object: summary, records, critical paths, near-critical
    /// measures, infeasible deadlines.
    #[wasm_bindgen(unchecked_return_type = "ScheduleReport")]
    pub fn report(&self) -> Result<JsValue, JsValue> {
        out(self.inner.report())
    }

    #[cfg(feature = "full")]
    /// Same as `report()`: what `JSON.stringify(schedule)` writes.
    #[wasm_bindgen(js_name = "toJSON", unchecked_return_type = "ScheduleReport")]
    pub fn to_plain(&self) -> Result<JsValue, JsValue> {
        out(self.inner.report())
    }

    #[cfg(feature = "full")]
    /// `report()` as pretty JSON (the same text as the Rust and Python exports).
    #[wasm_bindgen(js_name = "toJson")]
    pub fn to_json(&self) -> Result<String, JsValue> {
        self.inner.to_json().map_err(error::to_js)
    }

    #[cfg(feature = "full")]
    /// CSV, one row per measure, the columns of `toRecords()`.
    #[wasm_bindgen(js_name = "toCsv")]
    pub fn to_csv(&self) -> Result<String, JsValue> {
        self.inner.to_csv().map_err(error::to_js)
    }

    #[cfg(feature = "full")]
    /// A Mermaid `gantt` chart of the early schedule (critical measures marked `crit`).
    #[wasm_bindgen(js_name = "toMermaid")]
    pub fn to_mermaid(&self) -> Result<String, JsValue> {
        self.inner.to_mermaid().map_err(error::to_js)
    }

    /// True when more critical paths exist than were listed.
    #[wasm_bindgen(getter, js_name = "criticalPathsTruncated")]
    pub fn critical_paths_truncated(&self) -> bool {
        self.inner.critical_paths_truncated
    }

    /// `Schedule(measures=…, durationDays=…, projectStart=…)`.
    #[wasm_bindgen(js_name = "toString")]
    pub fn to_display(&self) -> String {
        format!(
            "Schedule(measures={}, durationDays={}, projectStart={})",
            self.inner.len(),
            self.inner.duration_days(),
            self.inner.project_start
        )
    }
}

/// The cluster × module roll-up: per cell (row-major, cluster by cluster) the measures
/// delivering it, how many are executed, and whether the module applies.
#[cfg(feature = "full")]
#[wasm_bindgen]
#[derive(Debug, Clone)]
pub struct Rollup {
    inner: eculture::Rollup,
}

#[cfg(feature = "full")]
#[wasm_bindgen]
impl Rollup {
    /// Cluster ids (rows), in document order.
    #[wasm_bindgen(getter, unchecked_return_type = "string[]")]
    pub fn clusters(&self) -> Result<JsValue, JsValue> {
        js(&self.inner.clusters)
    }

    /// Module ids (columns), in document order.
    #[wasm_bindgen(getter, unchecked_return_type = "string[]")]
    pub fn modules(&self) -> Result<JsValue, JsValue> {
        js(&self.inner.modules)
    }

    /// Measures delivering each cell (row-major).
    #[wasm_bindgen(getter)]
    pub fn measures(&self) -> Vec<u32> {
        self.inner.measures.clone()
    }

    /// Of those, measures with status `executed` (row-major).
    #[wasm_bindgen(getter)]
    pub fn executed(&self) -> Vec<u32> {
        self.inner.executed.clone()
    }

    /// Whether the module applies to the cluster (row-major).
    #[wasm_bindgen(getter, unchecked_return_type = "boolean[]")]
    pub fn applicable(&self) -> Result<JsValue, JsValue> {
        js(&self.inner.applicable)
    }

    /// `executed / measures` per cell (row-major), `NaN` where no measure delivers the cell
    /// (no data, not 0).
    #[wasm_bindgen(js_name = "executedShare")]
    pub fn executed_share(&self) -> Vec<f64> {
        (0..self.inner.measures.len())
            .map(|k| self.inner.executed_share(k).unwrap_or(f64::NAN))
            .collect()
    }

    /// Mean of the executed shares over the cells that have measures; `null` when none has.
    #[wasm_bindgen(js_name = "meanExecutedShare")]
    pub fn mean_executed_share(&self) -> Option<f64> {
        self.inner.mean_executed_share()
    }

    /// The roll-up as plain data (for `JSON.stringify`).
    #[wasm_bindgen(js_name = "toJSON", unchecked_return_type = "RollupData")]
    pub fn to_plain(&self) -> Result<JsValue, JsValue> {
        js(&self.inner)
    }

    /// `Rollup(clusters × modules)`.
    #[wasm_bindgen(js_name = "toString")]
    pub fn to_display(&self) -> String {
        format!(
            "Rollup({} clusters x {} modules)",
            self.inner.clusters.len(),
            self.inner.modules.len()
        )
    }
}
