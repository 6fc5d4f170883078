//! The binding-agnostic API, in the spirit of cedar's `ffi` module: what Python and
//! JavaScript hand over (plain data — a dict or an object, ISO date strings, a calendar's name,
//! what-if changes as objects or `[id, days]` pairs) read into the core's types, with every
//! default, rule and message living here; and one serialisable error shape, [`ErrorInfo`], that
//! both bindings turn into their exceptions attribute for attribute.
//!
//! A binding method is then: convert the language's value to a [`serde_json::Value`], call a
//! function of this module and the [`crate::Strategy`] operation, convert the result back.
//!
//! **Option keys.** Keys are the core's snake_case names (`near_critical_days`); the camelCase
//! spelling JavaScript uses (`nearCriticalDays`) is accepted as the same key. An unknown key is
//! an [`ArgumentError`] that names it, suggests the nearest known key, and lists the others.
//!
//! The table of operations every surface exposes, with their names in Rust, Python and
//! JavaScript, is [`OPERATIONS`]; the Python and node suites check their modules against it.

mod operations;
mod options;
mod present;
#[cfg(feature = "xlsx")]
mod sheets;
mod value;
mod workbench;

pub use operations::{OPERATIONS, OpKind, Operation};
pub use options::{
    changes, date, diagnostic, diff_options, gap_reason, ids, invalid, measure_index,
    micmac_options, micmac_picture_options, need, not_plain_data, options, picture_options,
    risk_options, schedule_options,
};
pub use present::{
    Summary, diagnostic_entity, format_of, gap_reason_text, near_critical_days, percent_text,
    records_html,
};
#[cfg(feature = "xlsx")]
pub use sheets::{lang, mapping};
pub use value::BindingValue;
pub use workbench::{
    DiagnosticsHead, GapRow, GapsHead, LateHead, MatrixHead, Part, ScheduleHead, WORKBENCH_PATHS,
    WORKBENCH_ROWS, WORKBENCH_WAVES, WaveRow, WavesHead, Workbench,
};

use serde::Serialize;

use crate::error::{ArgumentError, Error};
use crate::validate::Diagnostic;

/// Every error, as plain data: the bindings build their exception (Python) or `Error` (JS)
/// from it, one attribute per field, so that both carry the same information.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "wasm", tsify(missing_as_null))]
pub struct ErrorInfo {
    /// The class: `ParseError`, `IoError`, `ValidationError`, `CycleError`, `ArgumentError` or
    /// `ScheduleError`. Every class is an `EcultureError`; `CycleError` is a `ValidationError`.
    pub name: &'static str,
    /// The stable code ([`Error::code`]).
    pub code: &'static str,
    /// The one-line message ([`Error`]'s `Display`).
    pub message: String,
    /// The JSON path concerned (`measures[3].start`, `options.calendar`), when known.
    pub path: Option<String>,
    /// `file:line:column` for a syntax error, else the path.
    pub location: Option<String>,
    /// 1-based line of a syntax error, or of the first blocking diagnostic.
    pub line: Option<usize>,
    /// 1-based column that goes with `line`.
    pub column: Option<usize>,
    /// The file (or `<string>`) a parse or I/O error is about.
    pub source: Option<String>,
    /// `ParseError`: the format read (`json`, `yaml` or `toml`).
    pub format: Option<&'static str>,
    /// The measure or entity concerned, when there is one.
    pub id: Option<String>,
    /// `ScheduleError`: `no_working_days`, `conflicting_calendar_day`, `date_out_of_range`,
    /// `invalid_estimate`; `IoError`: the operating system's error kind (`not_found`, ...).
    pub kind: Option<String>,
    /// `CycleError`: the measure ids on the cycle, in dependency order.
    pub cycle: Option<Vec<String>>,
    /// `ValidationError` and `CycleError`: the diagnostics that stop the operation.
    pub diagnostics: Option<Vec<Diagnostic>>,
}

impl From<&Error> for ErrorInfo {
    fn from(e: &Error) -> ErrorInfo {
        let mut info = ErrorInfo {
            name: "EcultureError",
            code: e.code(),
            message: e.to_string(),
            path: None,
            location: e.location(),
            line: None,
            column: None,
            source: None,
            format: None,
            id: None,
            kind: None,
            cycle: None,
            diagnostics: None,
        };
        match e {
            Error::Parse(p) => {
                info.name = "ParseError";
                info.path = p.path().map(str::to_owned);
                info.line = p.line();
                info.column = p.column();
                info.source = Some(p.source_name().to_owned());
                info.format = Some(p.format().as_str());
            }
            Error::Io(io) => {
                info.name = "IoError";
                info.path = Some(io.path().to_owned());
                info.source = Some(io.path().to_owned());
                info.kind = io.kind().map(io_kind);
            }
            Error::Validation(v) => {
                info.name = "ValidationError";
                let first = v.diagnostics().first();
                info.path = first.map(|d| d.path.clone());
                info.id = first.and_then(|d| d.id.clone());
                info.line = first.and_then(|d| d.line).map(|l| l as usize);
                info.column = first.and_then(|d| d.column).map(|c| c as usize);
                info.diagnostics = Some(v.diagnostics().to_vec());
            }
            Error::Cycle(c) => {
                info.name = "CycleError";
                info.path = Some(c.path().to_owned());
                info.id = c.cycle().first().cloned();
                info.cycle = Some(c.cycle().to_vec());
                info.diagnostics = Some(c.diagnostics().to_vec());
                let first = c.diagnostics().first();
                info.line = first.and_then(|d| d.line).map(|l| l as usize);
                info.column = first.and_then(|d| d.column).map(|c| c as usize);
            }
            Error::Argument(a) => {
                info.name = "ArgumentError";
                info.path = a.path().map(str::to_owned);
            }
            Error::Schedule(s) => {
                info.name = "ScheduleError";
                info.path = s.path().map(str::to_owned);
                info.id = s.id().map(str::to_owned);
                info.kind = Some(s.kind().as_str().to_owned());
            }
        }
        info
    }
}

/// The snake_case name of an I/O error kind (`not_found`, `permission_denied`, ...).
fn io_kind(kind: std::io::ErrorKind) -> String {
    snake_case(&format!("{kind:?}"))
}

pub(crate) fn argument(message: impl Into<String>, path: impl Into<String>) -> Error {
    ArgumentError::at(message, path).into()
}

/// `nearCriticalDays` → `near_critical_days`, `NotFound` → `not_found` (snake_case is kept as
/// it is): the one camelCase converter, for option keys and error kinds.
pub(crate) fn snake_case(key: &str) -> String {
    let mut out = String::with_capacity(key.len() + 4);
    for (i, c) in key.chars().enumerate() {
        if c.is_ascii_uppercase() {
            if i > 0 {
                out.push('_');
            }
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}
