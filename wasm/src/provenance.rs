//! `Strategy.provenance()`: what is invented for illustration and what is sourced
//! (docs/provenance.md). Full build only: the page's pictures carry the core's caption.

use wasm_bindgen::prelude::*;

use crate::js;
use crate::strategy::Strategy;

#[wasm_bindgen]
impl Strategy {
    /// What is invented (`illustrative`: kind, id, path, invented fields), the notice outputs
    /// show (`null` when nothing is), the approving act, the legal basis and every source
    /// cited with who cites it.
    #[wasm_bindgen(unchecked_return_type = "Provenance")]
    pub fn provenance(&self) -> Result<JsValue, JsValue> {
        js(&self.inner.provenance())
    }
}
