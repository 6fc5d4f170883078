//! `Matrix` (the cluster × module matrix) and `Rollup` (its columnar roll-up).

use wasm_bindgen::prelude::*;

use crate::js;
#[cfg(feature = "full")]
use crate::out;

/// The cluster × module matrix of a strategy.
#[wasm_bindgen]
#[derive(Debug, Clone)]
pub struct Matrix {
    pub(crate) inner: eculture::Matrix,
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
    /// The cell of (cluster, module). Throws an `ArgumentError` naming an unknown cluster or
    /// module id (with the nearest id as a suggestion).
    #[wasm_bindgen(unchecked_return_type = "Cell")]
    pub fn cell(&self, cluster: &str, module: &str) -> Result<JsValue, JsValue> {
        out(self.inner.lookup(cluster, module))
    }

    /// The core's one-line summary, the same text as Python's `repr()`.
    #[wasm_bindgen(js_name = "toString")]
    pub fn to_display(&self) -> String {
        eculture::api::Summary::summary(&self.inner)
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
    /// Long-form CSV: `cluster,module,state,measures,illustrative,institutions,level,
    /// target_level,institutions_reached,as_of,cluster_title,module_title`; the titles in
    /// `lang` (`en` by default, `az` or `ru`), falling back to another language, then the id.
    #[wasm_bindgen(js_name = "toCsv")]
    pub fn to_csv(&self, lang: Option<String>) -> Result<String, JsValue> {
        let lang = match lang.as_deref() {
            Some(code) => eculture::api::lang(code).map_err(crate::error::to_js)?,
            None => eculture::model::Lang::En,
        };
        Ok(self.inner.to_csv_in(lang))
    }
}

/// The cluster × module roll-up: per cell (row-major, cluster by cluster) the measures
/// delivering it, how many are executed, and whether the module applies.
#[cfg(feature = "full")]
#[wasm_bindgen]
#[derive(Debug, Clone)]
pub struct Rollup {
    pub(crate) inner: eculture::Rollup,
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

    /// The core's one-line summary, the same text as Python's `repr()`.
    #[wasm_bindgen(js_name = "toString")]
    pub fn to_display(&self) -> String {
        eculture::api::Summary::summary(&self.inner)
    }
}
