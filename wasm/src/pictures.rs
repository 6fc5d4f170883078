//! The pictures of a strategy (docs/pictures.md): SVG, DOT and HTML drawn by the core. Options
//! are the schedule options plus `lang`, `colorBy`, `width`.

use wasm_bindgen::prelude::*;

use crate::strategy::Strategy;
use crate::{args, error, out};

#[wasm_bindgen]
impl Strategy {
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
}
