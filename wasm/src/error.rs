//! The one place where a core error becomes a thrown JS error: the core's one error shape,
//! [`eculture::api::ErrorInfo`], handed to `makeError` in `wasm/js/idiom.js`, which builds an
//! instance of the matching class (`ParseError`, `IoError`, `ValidationError`, `CycleError`
//! (a `ValidationError`), `ArgumentError`, `ScheduleError`, all `EcultureError`s, which are
//! `Error`s). Every error carries every field of `ErrorInfo` (null where it does not apply):
//! `code`, `path`, `location`, `line`, `column`, `source`, `format`, `id`, `kind`, `cycle`,
//! `diagnostics` — the same attributes as the Python exceptions.

use eculture::Error;
use eculture::api::ErrorInfo;
use wasm_bindgen::prelude::*;

use crate::js;

#[wasm_bindgen(module = "/js/idiom.js")]
extern "C" {
    #[wasm_bindgen(js_name = "makeError")]
    fn make_error(info: JsValue) -> JsValue;
}

/// Convert a core error to a JS error to throw.
pub(crate) fn to_js(e: Error) -> JsValue {
    match js(&ErrorInfo::from(&e)) {
        Ok(info) => make_error(info),
        Err(internal) => internal,
    }
}

/// An error of the bindings themselves (a value that cannot be converted). Not expected.
pub(crate) fn internal(message: &str) -> JsValue {
    js_sys::Error::new(&format!("eculture internal error: {message}")).into()
}
