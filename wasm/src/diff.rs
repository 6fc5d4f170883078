//! The plan diff (docs/diff.md): `Strategy.diff(other, options)` and its result, the class
//! `PlanDiff` with getters, `toMarkdown()`, `toHtml()`, `toSvg()`, `toJSON()` and `toString()`
//! (the core's summary line, as Python's `repr()`). Full build only.

use eculture::api::Summary;
use wasm_bindgen::prelude::*;

use crate::strategy::Strategy;
use crate::{args, error, js};

/// What changed between two versions of a plan.
#[wasm_bindgen]
#[derive(Debug, Clone)]
pub struct PlanDiff {
    inner: eculture::PlanDiff,
}

macro_rules! getters {
    ($($field:ident $js:literal $ts:literal),* $(,)?) => {
        #[wasm_bindgen]
        impl PlanDiff {
            $(
                #[doc = concat!("`", stringify!($field), "` of the diff.")]
                #[wasm_bindgen(getter, js_name = $js, unchecked_return_type = $ts)]
                pub fn $field(&self) -> Result<JsValue, JsValue> {
                    js(&self.inner.$field)
                }
            )*
        }
    };
}

getters! {
    old_id "oldId" "string",
    new_id "newId" "string",
    title "title" "string",
    records "records" "DiffRecord[]",
    matrix_changes "matrixChanges" "MatrixChange[] | null",
    matrix_blocked_by "matrixBlockedBy" "string[]",
    schedule "schedule" "ScheduleChanges | null",
    schedule_blocked_by "scheduleBlockedBy" "string[]",
    indicator_targets "indicatorTargets" "TargetChange[]",
    directions "directions" "DirectionSummary[]",
}

#[wasm_bindgen]
impl PlanDiff {
    /// True when the two plans are the same up to order.
    #[wasm_bindgen(js_name = "isEmpty")]
    pub fn is_empty(&self) -> bool {
        self.inner.is_empty()
    }

    /// The diff as Markdown.
    #[wasm_bindgen(js_name = "toMarkdown")]
    pub fn to_markdown(&self) -> String {
        self.inner.to_markdown()
    }

    /// The diff as a self-contained HTML fragment (the picture and the tables).
    #[wasm_bindgen(js_name = "toHtml")]
    pub fn to_html(&self) -> String {
        self.inner.to_html()
    }

    /// The picture of the differences (SVG).
    #[wasm_bindgen(js_name = "toSvg")]
    pub fn to_svg(&self) -> String {
        self.inner.to_svg()
    }

    /// The diff as plain data (also what `JSON.stringify` writes).
    #[wasm_bindgen(js_name = "toJSON", unchecked_return_type = "PlanDiffData")]
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
    /// What changed from this plan to `other` (the new version): a `PlanDiff`. Options:
    /// `lang` and the schedule options of both schedules.
    pub fn diff(
        &self,
        other: &Strategy,
        #[wasm_bindgen(unchecked_optional_param_type = "Record<string, unknown> | null")]
        options: JsValue,
    ) -> Result<PlanDiff, JsValue> {
        let o = args::diff(options)?;
        let inner = self.inner.diff(&other.inner, &o).map_err(error::to_js)?;
        Ok(PlanDiff { inner })
    }
}
