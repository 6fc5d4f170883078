//! MICMAC structural analysis (docs/micmac.md): `micmac(options)` and its result, the class
//! `Micmac` with getters, `toJSON()` and `toString()` (the core's summary line, as Python's
//! `repr()`), and `micmacSvg(options)`. Full build only.

use eculture::api::Summary;
use wasm_bindgen::prelude::*;

use crate::strategy::Strategy;
use crate::{args, error, js};

/// MICMAC structural analysis: one record per entity (direct and indirect influence and
/// dependence, quadrants, ranks, displacement), the power reached and why it stopped.
#[wasm_bindgen]
#[derive(Debug, Clone)]
pub struct Micmac {
    inner: eculture::Micmac,
}

macro_rules! getters {
    ($($field:ident $js:literal $ts:literal),* $(,)?) => {
        #[wasm_bindgen]
        impl Micmac {
            $(
                #[doc = concat!("`", stringify!($field), "` of the analysis.")]
                #[wasm_bindgen(getter, js_name = $js, unchecked_return_type = $ts)]
                pub fn $field(&self) -> Result<JsValue, JsValue> {
                    js(&self.inner.$field)
                }
            )*
        }
    };
}

getters! {
    level "level" "MicmacLevel",
    from_table "fromTable" "boolean",
    power "power" "number",
    stop "stop" "MicmacStop",
    links "links" "number",
    mean_influence "meanInfluence" "number",
    mean_dependence "meanDependence" "number",
    mean_indirect_influence "meanIndirectInfluence" "number",
    mean_indirect_dependence "meanIndirectDependence" "number",
    records "records" "MicmacRecord[]",
}

#[wasm_bindgen]
impl Micmac {
    /// The analysis as plain data (also what `JSON.stringify` writes).
    #[wasm_bindgen(js_name = "toJSON", unchecked_return_type = "MicmacData")]
    pub fn to_plain(&self) -> Result<JsValue, JsValue> {
        js(&self.inner)
    }

    /// The core's one-line summary, the same text as Python's `repr()`.
    #[wasm_bindgen(js_name = "toString")]
    pub fn to_display(&self) -> String {
        self.inner.summary()
    }
}

#[wasm_bindgen]
impl Strategy {
    /// MICMAC structural analysis (`{level, influences}`): a `Micmac`. `level` is "measure"
    /// (the default), "direction" or "module"; `influences` a scored table
    /// (`{from, to, intensity}` objects or `[from, to, intensity]` triples) instead of the
    /// plan's dependencies. Throws an `ArgumentError` for a bad level or influence.
    pub fn micmac(
        &self,
        #[wasm_bindgen(
            unchecked_optional_param_type = "{ level?: MicmacLevel; influences?: (Influence | [string, string, number])[] | null } | null"
        )]
        options: JsValue,
    ) -> Result<Micmac, JsValue> {
        let o = eculture::api::micmac_options(args::plain(options, "options")?)
            .map_err(error::to_js)?;
        let inner = self.inner.micmac(&o).map_err(error::to_js)?;
        Ok(Micmac { inner })
    }

    /// The MICMAC map (SVG): options `level`, `influences`, `lang`, `width`.
    #[wasm_bindgen(js_name = "micmacSvg")]
    pub fn micmac_svg(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "Record<string, unknown> | null")]
        options: JsValue,
    ) -> Result<String, JsValue> {
        let (m, render) = eculture::api::micmac_picture_options(args::plain(options, "options")?)
            .map_err(error::to_js)?;
        self.inner.micmac_svg(&m, &render).map_err(error::to_js)
    }
}
