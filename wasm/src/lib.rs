//! JavaScript bindings of [`eculture`], built with wasm-bindgen.
//!
//! This crate only converts and forwards: every method is one call into the core plus a
//! conversion of its result ([`out`]) or its error ([`error::to_js`]). Results are plain JS
//! objects produced by serde-wasm-bindgen (`Option` → `null`, maps → objects), or classes
//! (`Strategy`, `Matrix`, `Schedule`, `Rollup`, the monitoring results) whose `toString()` is
//! the core's summary line; their TypeScript types come from the `tsify` derives on the core
//! types plus `types.d.ts` for the document.
//!
//! One file per class, as in `py/src`: [`strategy`] (the document, validation, the graph, the
//! columnar results), [`schedule`] (the schedule and the operations computing one),
//! [`matrix`] (the matrix and the roll-up), [`pictures`], [`monitoring`] (the monitoring
//! results and operations); [`args`] reads arguments, [`error`] throws errors.
//!
//! **Naming.** Methods are camelCase (`whatIf`, `toRecords`); the keys of option objects are
//! camelCase too (`{nearCriticalDays: 10}`, see [`args`]); data keeps the core's serde keys,
//! snake_case (`early_start`, `total_float`, `extra_working_days`), so that the JSON of a result
//! is byte for byte the same from Rust, Python and JS. Measure indices (the columnar methods)
//! cross as typed arrays, copied once, never converted element by element in JS.
//!
//! Adding an operation of the core is one method:
//!
//! ```ignore
//! #[wasm_bindgen(js_name = "criticalPath", unchecked_return_type = "string[]")]
//! pub fn critical_path(&self) -> Result<JsValue, JsValue> {
//!     out(self.inner.critical_path())
//! }
//! ```
#![cfg(target_family = "wasm")]

mod args;
#[cfg(feature = "full")]
mod diff;
mod error;
mod matrix;
#[cfg(feature = "full")]
mod micmac;
#[cfg(feature = "full")]
mod monitoring;
mod page;
mod pictures;
#[cfg(feature = "full")]
mod planners;
#[cfg(feature = "full")]
mod portfolio;
#[cfg(feature = "full")]
mod provenance;
mod schedule;
#[cfg(feature = "full")]
mod sheets;
mod strategy;

use serde::Serialize;
use wasm_bindgen::prelude::*;

#[cfg(feature = "full")]
pub use diff::PlanDiff;
pub use matrix::Matrix;
#[cfg(feature = "full")]
pub use matrix::Rollup;
#[cfg(feature = "full")]
pub use micmac::Micmac;
#[cfg(feature = "full")]
pub use monitoring::{Achievement, ExecutionRate, MonitoringReport, ResultsRating, Triage};
pub use page::DocumentReader;
#[cfg(feature = "full")]
pub use portfolio::Portfolio;
pub use schedule::Schedule;
pub use strategy::Strategy;

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
    Ok(args::diagnostic(diagnostic)?.to_string())
}

/// The kind of entity a diagnostic is about (`measure`, `module`, `goal`, …), as the core
/// names it in the diagnostic's text.
#[wasm_bindgen(js_name = "diagnosticEntity")]
pub fn diagnostic_entity(
    #[wasm_bindgen(unchecked_param_type = "Diagnostic")] diagnostic: JsValue,
) -> Result<String, JsValue> {
    Ok(eculture::api::diagnostic_entity(&args::diagnostic(diagnostic)?).to_owned())
}

/// Why a cell is a gap (one of `gaps()`' `reasons`), in the command-line tool's words.
#[wasm_bindgen(js_name = "gapReasonText")]
pub fn gap_reason_text(
    #[wasm_bindgen(unchecked_param_type = "GapReason")] reason: JsValue,
) -> Result<String, JsValue> {
    Ok(eculture::api::gap_reason_text(&args::gap_reason(reason)?))
}

/// The default near-critical threshold of a schedule, in days.
#[wasm_bindgen(js_name = "nearCriticalDays")]
pub fn near_critical_days() -> f64 {
    eculture::api::near_critical_days() as f64
}

/// A share (0..1) as the summaries write it: `"92.5%"`, or `"n/a"` for `null` (nothing
/// counted, never 0). The page writes every percentage with it.
#[wasm_bindgen(js_name = "percentText")]
pub fn percent_text(share: Option<f64>) -> String {
    eculture::api::percent_text(share)
}

/// The format a file name implies (`"json"`, `"yaml"` or `"toml"`); throws `IoError` for
/// another extension.
#[wasm_bindgen(
    js_name = "formatOf",
    unchecked_return_type = "\"json\" | \"yaml\" | \"toml\""
)]
pub fn format_of(name: &str) -> Result<String, JsValue> {
    eculture::api::format_of(name)
        .map(str::to_owned)
        .map_err(error::to_js)
}
