//! Arguments from JavaScript: each is read as plain data (`serde_json::Value`) and handed to
//! the core's binding-agnostic parsers ([`eculture::api`]), which hold every default, rule and
//! message, and accept camelCase option keys (`nearCriticalDays`) as the same keys as the
//! core's snake_case ones. Nothing here knows what an option means.

#[cfg(feature = "full")]
use eculture::schedule::RiskOptions;
use eculture::schedule::{DurationChange, ScheduleOptions};
use serde_json::Value;
use wasm_bindgen::JsValue;

use crate::error;

/// A JS value as plain data (`undefined` and `null` are `null`); a value that is not data (a
/// function, a symbol) is the core's one "not plain data" error, as in Python.
pub(crate) fn plain(value: JsValue, name: &str) -> Result<Value, JsValue> {
    if value.is_undefined() || value.is_null() {
        return Ok(Value::Null);
    }
    match serde_wasm_bindgen::from_value::<eculture::api::BindingValue>(value.clone()) {
        Ok(b) => Ok(b.0),
        Err(_) => Err(error::to_js(eculture::api::not_plain_data(&culprit(
            &value, name,
        )))),
    }
}

/// Where in an options object the value that is not data is (`options.start`), as Python,
/// which reads keyword arguments one by one, names it.
fn culprit(value: &JsValue, name: &str) -> String {
    if name == "options" && value.is_object() && !js_sys::Array::is_array(value) {
        let object = js_sys::Object::from(value.clone());
        for entry in js_sys::Object::entries(&object).iter() {
            let pair = js_sys::Array::from(&entry);
            let v = pair.get(1);
            if serde_wasm_bindgen::from_value::<eculture::api::BindingValue>(v).is_err()
                && let Some(key) = pair.get(0).as_string()
            {
                return format!("{name}.{key}");
            }
        }
    }
    name.to_owned()
}

fn core<T>(r: eculture::Result<T>) -> Result<T, JsValue> {
    r.map_err(error::to_js)
}

/// Schedule options (`undefined` or `null`: the defaults).
pub(crate) fn schedule(options: JsValue) -> Result<ScheduleOptions, JsValue> {
    core(eculture::api::schedule_options(plain(options, "options")?))
}

/// Risk options: the schedule options plus `runs` and `seed`.
#[cfg(feature = "full")]
pub(crate) fn risk(options: JsValue) -> Result<(ScheduleOptions, RiskOptions), JsValue> {
    core(eculture::api::risk_options(plain(options, "options")?))
}

/// Picture options: the schedule options plus `lang`, `colorBy`, `width`.
pub(crate) fn picture(
    options: JsValue,
) -> Result<(ScheduleOptions, eculture::render::RenderOptions), JsValue> {
    core(eculture::api::picture_options(plain(options, "options")?))
}

/// The options of `diff`: the schedule options plus `lang`.
#[cfg(feature = "full")]
pub(crate) fn diff(options: JsValue) -> Result<eculture::DiffOptions, JsValue> {
    core(eculture::api::diff_options(plain(options, "options")?))
}

/// The options of an operation whose options type holds its defaults (monitoring).
#[cfg(feature = "full")]
pub(crate) fn op<T: serde::de::DeserializeOwned + Default>(options: JsValue) -> Result<T, JsValue> {
    core(eculture::api::options(plain(options, "options")?))
}

/// A date argument (ISO `YYYY-MM-DD`).
#[cfg(feature = "full")]
pub(crate) fn date(value: JsValue, name: &str) -> Result<jiff::civil::Date, JsValue> {
    core(eculture::api::date(plain(value, name)?, name))
}

/// The changes of a what-if: `{id, days, kind?}` objects or `[id, days]` pairs.
pub(crate) fn changes(changes: JsValue) -> Result<Vec<DurationChange>, JsValue> {
    core(eculture::api::changes(plain(changes, "changes")?))
}

/// Measure ids: one id as a string, or an array of ids.
#[cfg(feature = "full")]
pub(crate) fn ids(value: JsValue) -> Result<Vec<String>, JsValue> {
    core(eculture::api::ids(plain(value, "ids")?))
}

/// A measure index (a position in `document().measures`) given as a JS number.
#[cfg(feature = "full")]
pub(crate) fn index(index: f64, len: usize) -> Result<u32, JsValue> {
    let value = serde_json::Number::from_f64(index).map_or(Value::Null, Value::Number);
    core(eculture::api::measure_index(value, len))
}

/// The `need` of `blocking()`: `"cells"`, `"graph"`, `"dag"` or `"schedule"`.
#[cfg(feature = "full")]
pub(crate) fn need(value: JsValue) -> Result<eculture::Need, JsValue> {
    core(eculture::api::need(plain(value, "need")?))
}

/// A diagnostic handed back (one of `validate()`'s).
pub(crate) fn diagnostic(value: JsValue) -> Result<eculture::Diagnostic, JsValue> {
    core(eculture::api::diagnostic(plain(value, "diagnostic")?))
}

/// A gap reason handed back (one of `gaps()`' reasons).
pub(crate) fn gap_reason(value: JsValue) -> Result<eculture::GapReason, JsValue> {
    core(eculture::api::gap_reason(plain(value, "reason")?))
}
