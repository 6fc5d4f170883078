//! `Portfolio`: several strategies as one plan with cross-programme dependencies
//! (`eculture::Portfolio`, docs/portfolio.md). Every strategy operation runs on
//! `portfolio.strategy`, the merged plan with qualified ids.

use wasm_bindgen::prelude::*;

use crate::strategy::Strategy;
use crate::{error, js};

/// A portfolio of programmes; measure ids are qualified by programme (`"p:1.1"`).
#[wasm_bindgen]
pub struct Portfolio {
    inner: eculture::Portfolio,
}

#[wasm_bindgen]
impl Portfolio {
    /// The portfolio of `strategies` (copies: the strategies given stay usable), each a
    /// programme named by its strategy id. Throws `ArgumentError` for an empty list or a
    /// programme id given twice or holding `:`.
    #[wasm_bindgen(js_name = "fromStrategies")]
    pub fn from_strategies(strategies: Vec<Strategy>) -> Result<Portfolio, JsValue> {
        let list = strategies.into_iter().map(|s| s.inner).collect();
        eculture::Portfolio::from_strategies(list)
            .map(|inner| Portfolio { inner })
            .map_err(error::to_js)
    }

    /// The portfolio's id.
    #[wasm_bindgen(getter)]
    pub fn id(&self) -> String {
        self.inner.id().to_owned()
    }

    /// The programme ids, in order.
    #[wasm_bindgen(getter)]
    pub fn programmes(&self) -> Vec<String> {
        self.inner
            .programmes()
            .into_iter()
            .map(str::to_owned)
            .collect()
    }

    /// The merged plan: a `Strategy` with qualified ids.
    #[wasm_bindgen(getter)]
    pub fn strategy(&self) -> Strategy {
        Strategy {
            inner: self.inner.strategy().clone(),
        }
    }

    /// The merged plan's diagnostics, then the portfolio's own (`portfolio_conflict`).
    #[wasm_bindgen(unchecked_return_type = "Diagnostic[]")]
    pub fn validate(&self) -> Result<JsValue, JsValue> {
        js(&self.inner.validate())
    }

    /// The programmes whose measures deliver the cell `(cluster, module)`.
    #[wasm_bindgen(js_name = "cellProgrammes")]
    pub fn cell_programmes(&self, cluster: &str, module: &str) -> Result<Vec<String>, JsValue> {
        self.inner
            .cell_programmes(cluster, module)
            .map_err(error::to_js)
    }

    /// `Portfolio(id, programmes, measures)`.
    #[wasm_bindgen(js_name = "toString")]
    pub fn to_string_js(&self) -> String {
        format!(
            "Portfolio(id={:?}, programmes={:?}, measures={})",
            self.inner.id(),
            self.inner.programmes(),
            self.inner.strategy().document().measures.len()
        )
    }
}
