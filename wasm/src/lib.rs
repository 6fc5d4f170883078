//! JavaScript bindings of [`eculture`], built with wasm-bindgen.
//!
//! This crate only converts and forwards: every method is one call into the core plus a
//! conversion of its result ([`out`]) or its error ([`error::to_js`]). Results are plain JS
//! objects produced by serde-wasm-bindgen (`Option` → `null`, maps → objects); their TypeScript
//! types come from the `tsify` derives on the core types plus `types.d.ts` for the document.
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

mod error;

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
#[wasm_bindgen]
#[derive(Debug, Clone)]
pub struct Strategy {
    inner: eculture::Strategy,
}

/// The embedded e-Culture strategy (same as `Strategy.eCulture()`).
#[wasm_bindgen(js_name = "eCulture")]
pub fn e_culture() -> Strategy {
    Strategy::e_culture()
}

/// The JSON Schema of the document format.
#[wasm_bindgen(
    js_name = "jsonSchema",
    unchecked_return_type = "Record<string, unknown>"
)]
pub fn json_schema() -> Result<JsValue, JsValue> {
    js(&eculture::json_schema())
}

#[wasm_bindgen]
impl Strategy {
    fn wrap(result: eculture::Result<eculture::Strategy>) -> Result<Strategy, JsValue> {
        result.map(|inner| Strategy { inner }).map_err(error::to_js)
    }

    /// The embedded e-Culture strategy.
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

    /// The document as pretty JSON.
    #[wasm_bindgen(js_name = "toJson")]
    pub fn to_json(&self) -> Result<String, JsValue> {
        self.inner.to_json().map_err(error::to_js)
    }

    /// The document as YAML.
    #[wasm_bindgen(js_name = "toYaml")]
    pub fn to_yaml(&self) -> Result<String, JsValue> {
        self.inner.to_string(Format::Yaml).map_err(error::to_js)
    }

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

    /// Every measure downstream of `ids` (excluding them), sorted by id. Throws
    /// `ArgumentError` for an unknown id.
    #[wasm_bindgen(unchecked_return_type = "string[]")]
    pub fn impact(&self, ids: Vec<String>) -> Result<JsValue, JsValue> {
        out(self.inner.impact(&ids))
    }

    /// Every measure upstream of `ids` (excluding them), sorted by id. Throws `ArgumentError`
    /// for an unknown id.
    #[wasm_bindgen(unchecked_return_type = "string[]")]
    pub fn ancestors(&self, ids: Vec<String>) -> Result<JsValue, JsValue> {
        out(self.inner.ancestors(&ids))
    }

    /// One dependency cycle in dependency order, or `null` for an acyclic plan.
    #[wasm_bindgen(js_name = "findCycle", unchecked_return_type = "string[] | null")]
    pub fn find_cycle(&self) -> Result<JsValue, JsValue> {
        out(self.inner.find_cycle())
    }

    /// Every dependency between measures: explicit (`derived: false`) and derived from module
    /// `requires` (`derived: true`, with `module` and `cluster`).
    #[wasm_bindgen(unchecked_return_type = "DependencyEdge[]")]
    pub fn dependencies(&self) -> Result<JsValue, JsValue> {
        out(self.inner.dependencies())
    }

    /// Every cyclic block (strongly connected component), members in document order.
    #[wasm_bindgen(js_name = "cyclicBlocks", unchecked_return_type = "string[][]")]
    pub fn cyclic_blocks(&self) -> Result<JsValue, JsValue> {
        out(self.inner.cyclic_blocks())
    }

    /// The document as a plain object (the shape of the JSON file).
    #[wasm_bindgen(unchecked_return_type = "Document")]
    pub fn document(&self) -> Result<JsValue, JsValue> {
        js(self.inner.document())
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

    /// The cell of (cluster, module), or `null` when either id is unknown.
    #[wasm_bindgen(unchecked_return_type = "Cell | null")]
    pub fn cell(&self, cluster: &str, module: &str) -> Result<JsValue, JsValue> {
        js(&self.inner.cell(cluster, module))
    }

    /// The whole matrix as a plain object (also what `JSON.stringify(matrix)` writes).
    #[wasm_bindgen(js_name = "toJSON", unchecked_return_type = "MatrixData")]
    pub fn to_plain(&self) -> Result<JsValue, JsValue> {
        js(&self.inner)
    }

    /// A Markdown table (clusters × modules, with coverage).
    #[wasm_bindgen(js_name = "toMarkdown")]
    pub fn to_markdown(&self) -> String {
        self.inner.to_markdown()
    }

    /// Long-form CSV: `cluster,module,state,measures`.
    #[wasm_bindgen(js_name = "toCsv")]
    pub fn to_csv(&self) -> String {
        self.inner.to_csv()
    }
}
