//! The one place where a core error becomes a thrown JS `Error`.
//!
//! The `Error` is a plain `Error` object (so `instanceof Error` holds and the stack is kept)
//! whose `name` tells the kind and whose extra properties carry the structured data:
//!
//! | `name` | `code` | extra properties |
//! |---|---|---|
//! | `ParseError` | `parse_error` | `line`, `column`, `format` |
//! | `ValidationError` | `validation_error` | `diagnostics` |
//! | `CycleError` | `dependency_cycle` | `cycle` |
//! | `ArgumentError` | `invalid_argument` | |
//! | `ScheduleError` | `schedule_error` | `kind`, `id` |
//! | `IoError` | `io_error` | |
//!
//! Every error also has `path` (the JSON path concerned, e.g. `measures[0].duration_days`, or
//! `null`) and `location` (the core's `Error::location()`: `file:line:column` for syntax
//! errors, else the same as `path`).
//!
//! The bindings throw `ArgumentError` themselves ([`argument`]) for a JS argument that does not
//! fit the core's type (an unknown option key, a bad date), located inside the argument.

use eculture::Error;
use js_sys::Reflect;
use wasm_bindgen::JsValue;

use crate::js;

/// Set a property on an object. Setting a property on a fresh `Error` cannot fail.
fn set(target: &JsValue, key: &str, value: &JsValue) {
    let _ = Reflect::set(target, &JsValue::from_str(key), value);
}

fn opt_str(s: Option<&str>) -> JsValue {
    s.map_or(JsValue::NULL, JsValue::from_str)
}

fn opt_num(n: Option<usize>) -> JsValue {
    // Documents are at most 1 GiB, so lines and columns always fit in a u32.
    n.and_then(|n| u32::try_from(n).ok())
        .map_or(JsValue::NULL, JsValue::from)
}

fn new_error(name: &str, code: &str, message: &str) -> JsValue {
    let err = js_sys::Error::new(message);
    err.set_name(name);
    let err = JsValue::from(err);
    set(&err, "code", &JsValue::from_str(code));
    err
}

/// Convert a core error to a JS `Error` to throw.
pub(crate) fn to_js(e: Error) -> JsValue {
    let name = match &e {
        Error::Parse(_) => "ParseError",
        Error::Io(_) => "IoError",
        Error::Validation(_) => "ValidationError",
        Error::Cycle(_) => "CycleError",
        Error::Argument(_) => "ArgumentError",
        Error::Schedule(_) => "ScheduleError",
        // `Error` is non-exhaustive: a future variant still becomes a coded JS error.
        _ => "EcultureError",
    };
    let err = new_error(name, e.code(), &e.to_string());
    let location = e.location();
    let path = match &e {
        Error::Parse(p) => p.path().map(str::to_owned),
        _ => location.clone(),
    };
    set(&err, "path", &opt_str(path.as_deref()));
    set(&err, "location", &opt_str(location.as_deref()));
    match &e {
        Error::Parse(p) => {
            set(&err, "line", &opt_num(p.line()));
            set(&err, "column", &opt_num(p.column()));
            set(&err, "format", &JsValue::from_str(p.format().as_str()));
        }
        Error::Validation(v) => {
            set(
                &err,
                "diagnostics",
                &js(v.diagnostics()).unwrap_or(JsValue::NULL),
            );
        }
        Error::Cycle(c) => {
            set(&err, "cycle", &js(c.cycle()).unwrap_or(JsValue::NULL));
        }
        Error::Schedule(s) => {
            set(&err, "kind", &JsValue::from_str(s.kind().as_str()));
            set(&err, "id", &opt_str(s.id()));
        }
        _ => {}
    }
    err
}

/// An `ArgumentError` of the bindings: a JS argument that does not fit (located at `path`).
pub(crate) fn argument(message: &str, path: &str) -> JsValue {
    let err = new_error("ArgumentError", "invalid_argument", message);
    set(&err, "path", &JsValue::from_str(path));
    set(&err, "location", &JsValue::from_str(path));
    err
}

/// An error of the bindings themselves (a value that cannot be converted). Not expected.
pub(crate) fn internal(message: &str) -> JsValue {
    new_error("InternalError", "internal_error", message)
}
