//! `Strategy`: a loaded document, its validation, the dependency graph and the columnar
//! results. Pictures, scheduling and monitoring are in their own files (`pictures.rs`,
//! `schedule.rs`, `monitoring.rs`), each an `impl Strategy` block of its own.

#[cfg(feature = "full")]
use eculture::Format;
use wasm_bindgen::prelude::*;

#[cfg(feature = "full")]
use crate::args;
use crate::matrix::Matrix;
#[cfg(feature = "full")]
use crate::matrix::Rollup;
use crate::{error, js, out};

/// A loaded strategy document. Parse errors throw an `Error` named `ParseError`.
///
/// Methods are camelCase, and so are the keys of option objects (`{nearCriticalDays: 10}`);
/// data keeps the core's snake_case keys (`record.early_start`, a calendar's
/// `extra_working_days`), so that results are the same JSON as from Rust and Python.
#[wasm_bindgen]
#[derive(Debug, Clone)]
pub struct Strategy {
    pub(crate) inner: eculture::Strategy,
}

#[wasm_bindgen]
impl Strategy {
    pub(crate) fn wrap(result: eculture::Result<eculture::Strategy>) -> Result<Strategy, JsValue> {
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
    /// returns). Throws `ParseError` with the JSON path of a value of the wrong type, and
    /// `ArgumentError` for a value that is not plain data (the same message as Python).
    #[wasm_bindgen(js_name = "fromObject")]
    pub fn from_object(
        #[wasm_bindgen(unchecked_param_type = "Document")] document: JsValue,
    ) -> Result<Strategy, JsValue> {
        Self::wrap(eculture::Strategy::from_value(args::plain(
            document, "document",
        )?))
    }

    /// The strategy id (`strategy.id` in the document).
    #[wasm_bindgen(getter)]
    pub fn id(&self) -> String {
        self.inner.document().strategy.id.to_string()
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
        let need = args::need(need)?;
        js(&self.inner.blocking(need))
    }

    #[cfg(feature = "full")]
    /// The document (for `JSON.stringify`).
    #[wasm_bindgen(js_name = "toJSON", unchecked_return_type = "Document")]
    pub fn to_plain(&self) -> Result<JsValue, JsValue> {
        js(self.inner.document())
    }

    /// The core's one-line summary (`Strategy(id="…", measures=…)`): what node's console and
    /// string conversion show, the same text as Python's `repr()`.
    #[wasm_bindgen(js_name = "toString")]
    pub fn to_display(&self) -> String {
        eculture::api::Summary::summary(&self.inner)
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
