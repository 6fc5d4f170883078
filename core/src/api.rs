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

use serde::Serialize;
use serde_json::{Map, Value};

use crate::error::{ArgumentError, Error, Result};
use crate::schedule::{Calendar, DurationChange, RiskOptions, ScheduleOptions};
use crate::validate::Diagnostic;

/// Every error, as plain data: the bindings build their exception (Python) or `Error` (JS)
/// from it, one attribute per field, so that both carry the same information.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
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
    let debug = format!("{kind:?}");
    let mut out = String::with_capacity(debug.len() + 4);
    for (i, c) in debug.chars().enumerate() {
        if c.is_uppercase() {
            if i > 0 {
                out.push('_');
            }
            out.extend(c.to_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

fn argument(message: impl Into<String>, path: impl Into<String>) -> Error {
    ArgumentError::at(message, path).into()
}

/// `nearCriticalDays` → `near_critical_days` (snake_case keys are kept as they are).
fn snake_case(key: &str) -> String {
    let mut out = String::with_capacity(key.len() + 4);
    for c in key.chars() {
        if c.is_ascii_uppercase() {
            out.push('_');
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

/// The option object `value` (`null` = no options) with its keys in snake_case, checked
/// against `known`. `name` is the argument's name in messages (`options`).
fn option_map(value: Value, name: &str, known: &[&str]) -> Result<Map<String, Value>> {
    let map = match value {
        Value::Null => return Ok(Map::new()),
        Value::Object(map) => map,
        other => {
            return Err(argument(
                format!("{name} must be an object, not {}", kind_of(&other)),
                name,
            ));
        }
    };
    let mut out = Map::with_capacity(map.len());
    for (key, v) in map {
        let snake = snake_case(&key);
        if !known.contains(&snake.as_str()) {
            let mut budget = crate::suggest::MAX_COMPARISONS;
            let near = crate::suggest::nearest(&snake, known.iter().copied(), &mut budget);
            let hint = crate::suggest::did_you_mean(near.as_deref());
            return Err(argument(
                format!(
                    "unknown option `{key}`{hint} (options: {})",
                    known
                        .iter()
                        .map(|k| format!("`{k}`"))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
                format!("{name}.{key}"),
            ));
        }
        // `null` means the default
        if !v.is_null() {
            out.insert(snake, v);
        }
    }
    Ok(out)
}

fn kind_of(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

/// Deserialize `T` from `value`, locating a bad value inside the argument `name`.
fn typed<T: serde::de::DeserializeOwned>(value: Value, name: &str) -> Result<T> {
    serde_path_to_error::deserialize::<_, T>(value).map_err(|e| {
        let inner = e.path().to_string();
        let path = if inner == "." || inner.is_empty() {
            name.to_owned()
        } else if inner.starts_with('[') {
            format!("{name}{inner}")
        } else {
            format!("{name}.{inner}")
        };
        let message = crate::error::humanize(&e.into_inner().to_string());
        argument(format!("invalid {path}: {message}"), path)
    })
}

/// The keys of [`ScheduleOptions`] (a test checks them against the struct's fields).
fn schedule_keys() -> Vec<&'static str> {
    const KEYS: &[&str] = &[
        "start",
        "calendar",
        "critical_float_days",
        "near_critical_days",
        "must_finish_by",
        "max_critical_paths",
        "status_date",
        "out_of_sequence",
    ];
    KEYS.to_vec()
}

/// A calendar given by name is the built-in calendar of that name.
fn resolve_calendar(map: &mut Map<String, Value>, name: &str) -> Result<()> {
    if let Some(Value::String(cal)) = map.get("calendar") {
        let cal = cal.clone();
        let Some(c) = Calendar::builtin(&cal) else {
            return Err(argument(
                format!(
                    "unknown built-in calendar `{cal}` (use {} or a calendar object)",
                    Calendar::BUILTIN
                        .iter()
                        .map(|b| format!("`{b}`"))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
                format!("{name}.calendar"),
            ));
        };
        map.insert(
            "calendar".into(),
            serde_json::to_value(c).unwrap_or(Value::Null),
        );
    }
    Ok(())
}

/// The keys as the caller spelt them (`nearCriticalDays`), for messages about them.
fn spellings(value: &Value) -> Vec<(String, String)> {
    match value {
        Value::Object(map) => map
            .keys()
            .filter(|k| snake_case(k) != **k)
            .map(|k| (snake_case(k), k.clone()))
            .collect(),
        _ => Vec::new(),
    }
}

/// An error about an argument read inside the options (`changes[0]`) is located in them
/// (`options.changes[0]`).
fn within_options(e: Error) -> Error {
    let Error::Argument(mut a) = e else { return e };
    if let Some(p) = &mut a.path {
        let inner = p.clone();
        *p = format!("options.{inner}");
        a.message = a.message.replacen(&inner, p, 1);
    }
    Error::Argument(a)
}

/// An error about `options.near_critical_days` names the key as the caller wrote it.
fn respell(e: Error, spelt: &[(String, String)]) -> Error {
    let Error::Argument(mut a) = e else { return e };
    for (snake, original) in spelt {
        let from = format!("options.{snake}");
        let to = format!("options.{original}");
        if let Some(p) = &mut a.path
            && (p == &from
                || p.starts_with(&format!("{from}."))
                || p.starts_with(&format!("{from}[")))
        {
            *p = format!("{to}{}", &p[from.len()..]);
            a.message = a.message.replacen(&from, &to, 1);
        }
    }
    Error::Argument(a)
}

/// Schedule options as a binding receives them (`null`: every default). Dates are ISO
/// strings; `calendar` is a calendar object or a built-in calendar's name.
pub fn schedule_options(value: Value) -> Result<ScheduleOptions> {
    let spelt = spellings(&value);
    let parse = || {
        let keys = schedule_keys();
        let mut map = option_map(value, "options", &keys)?;
        resolve_calendar(&mut map, "options")?;
        typed(Value::Object(map), "options")
    };
    parse().map_err(|e| respell(e, &spelt))
}

/// Options of [`crate::Strategy::risk`]: the schedule options plus `runs` and `seed`.
pub fn risk_options(value: Value) -> Result<(ScheduleOptions, RiskOptions)> {
    let spelt = spellings(&value);
    risk_parts(value).map_err(|e| respell(e, &spelt))
}

fn risk_parts(value: Value) -> Result<(ScheduleOptions, RiskOptions)> {
    let mut keys = schedule_keys();
    keys.extend(["runs", "seed"]);
    let mut map = option_map(value, "options", &keys)?;
    resolve_calendar(&mut map, "options")?;
    let mut risk = Map::new();
    for k in ["runs", "seed"] {
        if let Some(v) = map.remove(k) {
            risk.insert(k.into(), v);
        }
    }
    let defaults = RiskOptions::default();
    let risk = RiskOptions {
        runs: match risk.remove("runs") {
            Some(v) => typed(v, "options.runs")?,
            None => defaults.runs,
        },
        seed: match risk.remove("seed") {
            Some(v) => typed(v, "options.seed")?,
            None => defaults.seed,
        },
    };
    Ok((typed(Value::Object(map), "options")?, risk))
}

/// The options of any operation whose options type holds its own defaults
/// (`#[serde(default, deny_unknown_fields)]`: the monitoring operations, the pictures): the
/// keys are read in snake_case or camelCase, `null` means every default, and an unknown key is
/// named with the nearest known one.
pub fn options<T: serde::de::DeserializeOwned + Default>(value: Value) -> Result<T> {
    let spelt = spellings(&value);
    let map = match value {
        Value::Null => return Ok(T::default()),
        Value::Object(map) => map,
        other => {
            return Err(argument(
                format!("options must be an object, not {}", kind_of(&other)),
                "options",
            ));
        }
    };
    let map: Map<String, Value> = map
        .into_iter()
        .filter(|(_, v)| !v.is_null())
        .map(|(k, v)| (snake_case(&k), v))
        .collect();
    typed::<T>(Value::Object(map), "options").map_err(|e| respell(suggest_field(e), &spelt))
}

/// "unknown field `x`, expected one of `a`, `b`" gains "; did you mean `a`?".
fn suggest_field(e: Error) -> Error {
    let Error::Argument(mut a) = e else { return e };
    if let Some(rest) = a.message.split("unknown field `").nth(1)
        && let Some((name, expected)) = rest.split_once("`, expected ")
    {
        let known: Vec<&str> = expected
            .split(['`', ','])
            .map(str::trim)
            .filter(|k| !k.is_empty() && *k != "one of" && *k != "or")
            .collect();
        let snake = snake_case(name);
        let mut budget = crate::suggest::MAX_COMPARISONS;
        if known.contains(&snake.as_str()) {
            // `notExecuted` inside data whose keys are snake_case
            a.message = format!("{}; keys here are snake_case: `{snake}`", a.message);
        } else if let Some(near) =
            crate::suggest::nearest(&snake, known.iter().copied(), &mut budget)
        {
            a.message
                .push_str(&crate::suggest::did_you_mean(Some(&near)));
        }
    }
    Error::Argument(a)
}

/// A date argument: an ISO `YYYY-MM-DD` string.
pub fn date(value: Value, name: &str) -> Result<jiff::civil::Date> {
    match &value {
        Value::String(s) => crate::dates::parse_iso(s).ok_or_else(|| {
            argument(
                format!(
                    "{name}: `{s}` is not an ISO date (YYYY-MM-DD, a real day of a year 1-9999)"
                ),
                name,
            )
        }),
        other => Err(argument(
            format!("{name} must be an ISO date string, not {}", kind_of(other)),
            name,
        )),
    }
}

/// Options of the pictures: the schedule options (for the pictures that draw a schedule) plus
/// `lang`, `color_by` and `width`; a `status_date` is both the forecast's data date and the line
/// drawn on the Gantt chart.
pub fn picture_options(value: Value) -> Result<(ScheduleOptions, crate::render::RenderOptions)> {
    const RENDER: [&str; 4] = ["lang", "color_by", "width", "changes"];
    let spelt = spellings(&value);
    let parse = || {
        let mut keys = schedule_keys();
        keys.extend(RENDER);
        let mut map = option_map(value, "options", &keys)?;
        resolve_calendar(&mut map, "options")?;
        let mut render = Map::new();
        for k in RENDER {
            if let Some(v) = map.remove(k) {
                render.insert(k.into(), v);
            }
        }
        if let Some(d) = map.get("status_date") {
            render.insert("status_date".into(), d.clone());
        }
        // what-if changes in either spelling ([id, days] pairs or objects), read as `changes`
        if let Some(c) = render.remove("changes") {
            let list = changes(c).map_err(within_options)?;
            render.insert(
                "changes".into(),
                serde_json::to_value(list).unwrap_or(Value::Null),
            );
        }
        Ok((
            typed(Value::Object(map), "options")?,
            typed(Value::Object(render), "options")?,
        ))
    };
    parse().map_err(|e| respell(e, &spelt))
}

/// Options of [`crate::Strategy::micmac`]: `level` (`measure`, `direction` or `module`) and
/// `influences`, a list of `{"from", "to", "intensity"}` objects or `[from, to, intensity]`
/// triples (`null`: every default).
pub fn micmac_options(value: Value) -> Result<crate::micmac::MicmacOptions> {
    options(triples(value))
}

/// Options of [`crate::Strategy::micmac_svg`]: those of [`micmac_options`] plus the
/// picture's `lang` and `width`.
pub fn micmac_picture_options(
    value: Value,
) -> Result<(crate::micmac::MicmacOptions, crate::render::RenderOptions)> {
    let mut value = triples(value);
    let mut analysis = Map::new();
    if let Value::Object(map) = &mut value {
        for k in ["level", "influences"] {
            if let Some(v) = map.remove(k) {
                analysis.insert(k.into(), v);
            }
        }
    }
    Ok((options(Value::Object(analysis))?, options(value)?))
}

/// `influences` given as `[from, to, intensity]` triples, read as objects.
fn triples(mut value: Value) -> Value {
    if let Value::Object(map) = &mut value
        && let Some(Value::Array(items)) = map.get_mut("influences")
    {
        for item in items.iter_mut() {
            if let Value::Array(t) = item
                && t.len() == 3
            {
                let mut o = Map::new();
                for (k, v) in ["from", "to", "intensity"].into_iter().zip(t.drain(..)) {
                    o.insert(k.into(), v);
                }
                *item = Value::Object(o);
            }
        }
    }
    value
}

/// What-if changes: a list of `{"id", "days", "kind"?}` objects or `[id, days]` pairs.
pub fn changes(value: Value) -> Result<Vec<DurationChange>> {
    let Value::Array(items) = value else {
        return Err(argument(
            format!(
                "changes must be a list of {{id, days, kind}} objects or [id, days] pairs, not {}",
                kind_of(&value)
            ),
            "changes",
        ));
    };
    items
        .into_iter()
        .enumerate()
        .map(|(k, item)| {
            let path = format!("changes[{k}]");
            match item {
                Value::Array(pair) => match pair.as_slice() {
                    [Value::String(id), days] => {
                        let days: i64 = typed(days.clone(), &format!("{path}[1]"))?;
                        Ok(DurationChange::duration(id.clone(), days))
                    }
                    _ => Err(argument(format!("{path} must be an [id, days] pair"), path)),
                },
                obj @ Value::Object(_) => typed(obj, &path),
                other => Err(argument(
                    format!(
                        "{path} must be an {{id, days, kind}} object or an [id, days] pair, not {}",
                        kind_of(&other)
                    ),
                    path,
                )),
            }
        })
        .collect()
}

/// Measure ids: one id as a string (never the characters of one), or a list of ids.
pub fn ids(value: Value) -> Result<Vec<String>> {
    match value {
        Value::String(one) => Ok(vec![one]),
        Value::Array(items) => items
            .into_iter()
            .enumerate()
            .map(|(k, v)| match v {
                Value::String(s) => Ok(s),
                other => Err(argument(
                    format!(
                        "ids[{k}] must be a measure id (a string), not {}",
                        kind_of(&other)
                    ),
                    format!("ids[{k}]"),
                )),
            })
            .collect(),
        other => Err(argument(
            format!(
                "ids must be a measure id or a list of them, not {}",
                kind_of(&other)
            ),
            "ids",
        )),
    }
}

/// Whether an operation is a method (a computation, called) or a property (data, read).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum OpKind {
    /// A static constructor (`Strategy.from_json`).
    Constructor,
    /// A computation or conversion: called with parentheses.
    Method,
    /// Data the object holds: read without parentheses.
    Property,
}

/// One operation of the public surface, with its name on each surface.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Operation {
    /// The class it belongs to (`Strategy`, `Schedule`, `Matrix`, ...) or `module`.
    pub on: &'static str,
    /// Method, property or constructor.
    pub kind: OpKind,
    /// The Rust name (on the core type; `None` when it is binding idiom only).
    pub rust: Option<&'static str>,
    /// The Python name; `None` where the operation has no place in Python.
    pub python: Option<&'static str>,
    /// The JavaScript name; `None` where the operation has no place in JavaScript (files in a
    /// browser, pandas).
    pub js: Option<&'static str>,
    /// The arguments, as documentation.
    pub args: &'static str,
    /// What it returns, as documentation.
    pub returns: &'static str,
}

macro_rules! ops {
    ($( $on:ident $kind:ident $rust:tt $py:tt $js:tt ($args:literal) -> $ret:literal; )*) => {
        /// Every operation of the public surface. The Python and node suites compare their
        /// modules with this table, so an operation added to one surface and not the others
        /// fails a test.
        pub const OPERATIONS: &[Operation] = &[
            $( Operation {
                on: stringify!($on),
                kind: ops!(@kind $kind),
                rust: ops!(@rust $rust),
                python: ops!(@rust $py),
                js: ops!(@rust $js),
                args: $args,
                returns: $ret,
            }, )*
        ];
    };
    (@kind ctor) => { OpKind::Constructor };
    (@kind method) => { OpKind::Method };
    (@kind prop) => { OpKind::Property };
    (@rust -) => { None };
    (@rust $r:ident) => { Some(stringify!($r)) };
}

ops! {
    module method - json_schema jsonSchema ("") -> "the JSON Schema of the document";
    module method - format_diagnostic formatDiagnostic ("diagnostic") -> "its one-line text";
    module method - operations operations ("") -> "this table";
    module method - - eCulture ("") -> "Strategy.eCulture() (the README's one-line start)";
    Strategy ctor e_culture e_culture eCulture ("") -> "the embedded e-Culture strategy";
    Strategy ctor from_json from_json fromJson ("text") -> "Strategy";
    Strategy ctor from_yaml from_yaml fromYaml ("text") -> "Strategy";
    Strategy ctor from_toml from_toml fromToml ("text") -> "Strategy";
    Strategy ctor from_value from_dict fromObject ("plain data") -> "Strategy";
    Strategy ctor load load - ("path") -> "Strategy (files: Rust and Python)";
    Strategy method to_json to_json toJson ("") -> "JSON text";
    Strategy method - to_yaml toYaml ("") -> "YAML text";
    Strategy method - to_toml toToml ("") -> "TOML text";
    Strategy method save save - ("path") -> "(files: Rust and Python)";
    Strategy method document document document ("") -> "the document as plain data";
    Strategy method - - toJSON ("") -> "the document (for JSON.stringify)";
    Strategy prop - id id ("") -> "the strategy id";
    Strategy method validate validate validate ("") -> "Diagnostic[]";
    Strategy method is_valid is_valid isValid ("") -> "bool";
    Strategy method blocking blocking blocking ("need") -> "Diagnostic[] stopping that level";
    Strategy method matrix matrix matrix ("") -> "Matrix";
    Strategy method topological_order topological_order topologicalOrder ("") -> "ids";
    Strategy method waves waves waves ("") -> "lists of ids";
    Strategy method impact impact impact ("ids") -> "ids downstream, document order";
    Strategy method ancestors ancestors ancestors ("ids") -> "ids upstream, document order";
    Strategy method find_cycle find_cycle findCycle ("") -> "ids or null";
    Strategy method dependencies dependencies dependencies ("") -> "DependencyEdge[]";
    Strategy method cyclic_blocks cyclic_blocks cyclicBlocks ("") -> "lists of ids";
    Strategy prop measure_count measure_count measureCount ("") -> "int";
    Strategy prop - measure_ids - ("") -> "lazy sequence of ids";
    Strategy method measure_id measure_id measureId ("index") -> "id";
    Strategy method wave_index wave_index waveIndex ("") -> "uint32 array";
    Strategy method order_indices order_indices orderIndices ("") -> "uint32 array";
    Strategy method impact_indices impact_indices impactIndices ("ids") -> "uint32 array";
    Strategy method descendant_counts descendant_counts descendantCounts ("ids") -> "counts";
    Strategy method rollup rollup rollup ("") -> "Rollup";
    Strategy method - to_pandas - ("") -> "pandas DataFrame of the measures";
    Strategy method - to_networkx - ("") -> "networkx DiGraph of the dependencies";
    Strategy method schedule schedule schedule ("options") -> "Schedule";
    Strategy method schedule_with_changes schedule_with_changes scheduleWithChanges ("changes, options") -> "Schedule";
    Strategy method what_if what_if whatIf ("changes, options") -> "WhatIf";
    Strategy method rollout rollout rollout ("options") -> "Rollout";
    Strategy method redundant_dependencies redundant_dependencies redundantDependencies ("") -> "RedundantDependency[]";
    Strategy method dsm dsm dsm ("") -> "Dsm";
    Strategy method risk risk risk ("options with runs, seed") -> "Risk";
    Strategy method gaps gaps gaps ("") -> "CellGap[]: each gap with its reasons";
    Strategy method heatmap_svg heatmap_svg heatmapSvg ("options (schedule + lang, color_by, width)") -> "SVG";
    Strategy method gantt_svg gantt_svg ganttSvg ("options") -> "SVG";
    Strategy method rollout_svg rollout_svg rolloutSvg ("options") -> "SVG";
    Strategy method dsm_svg dsm_svg dsmSvg ("options") -> "SVG";
    Strategy method to_dot to_dot toDot ("options") -> "Graphviz DOT";
    Strategy method report_html report_html reportHtml ("options") -> "self-contained HTML report";
    Strategy method states_as_of states_as_of statesAsOf ("as_of") -> "MeasureState[]";
    Strategy method execution_rate execution_rate executionRate ("options: as_of, by, scope, weights, no_data") -> "ExecutionRate";
    Strategy method results_rating results_rating resultsRating ("options: as_of, by") -> "ResultsRating";
    Strategy method achievement achievement achievement ("options: as_of, cap, bands") -> "Achievement";
    Strategy method triage triage triage ("options: as_of, out_of_sequence") -> "Triage";
    Strategy method reporting_calendar reporting_calendar reportingCalendar ("options: as_of") -> "Obligation[]";
    Strategy method monitoring_report monitoring_report monitoringReport ("options: year, as_of, ...") -> "MonitoringReport (markdown, html, tables)";
    Matrix prop clusters clusters clusters ("") -> "cluster ids";
    Matrix prop modules modules modules ("") -> "module ids";
    Matrix prop cells cells cells ("") -> "Cell[]";
    Matrix method coverage coverage coverage ("") -> "CoverageReport";
    Matrix method gaps gaps gaps ("") -> "Cell[]";
    Matrix method cell cell cell ("cluster, module") -> "Cell (unknown ids raise)";
    Matrix method to_markdown to_markdown toMarkdown ("") -> "Markdown";
    Matrix method to_csv to_csv toCsv ("") -> "CSV";
    Matrix method - to_dict toJSON ("") -> "plain data";
    Matrix method - to_pandas - ("wide") -> "pandas DataFrame";
    MatrixCell prop cluster cluster - ("") -> "cluster id";
    MatrixCell prop module module - ("") -> "module id";
    MatrixCell prop state state - ("") -> "covered, gap or not_applicable";
    MatrixCell prop measures measures - ("") -> "ids";
    MatrixCell method - to_dict - ("") -> "plain data";
    Diagnostic prop severity severity - ("") -> "error or warning";
    Diagnostic prop code code - ("") -> "stable code";
    Diagnostic prop path path - ("") -> "JSON path";
    Diagnostic prop id id - ("") -> "entity id";
    Diagnostic prop message message - ("") -> "one line";
    Diagnostic prop suggestion suggestion - ("") -> "nearest id";
    Diagnostic prop line line - ("") -> "line";
    Diagnostic prop column column - ("") -> "column";
    Diagnostic prop blocks blocks - ("") -> "the level it stops";
    Diagnostic method - to_dict - ("") -> "plain data";
    Schedule prop duration_days duration_days durationDays ("") -> "days";
    Schedule prop project_start project_start projectStart ("") -> "ISO date";
    Schedule prop finish_date finish_date finishDate ("") -> "ISO date";
    Schedule prop critical_paths critical_paths criticalPaths ("") -> "lists of ids";
    Schedule prop critical_paths_truncated critical_paths_truncated criticalPathsTruncated ("") -> "bool";
    Schedule prop critical_ids critical_ids criticalIds ("") -> "ids";
    Schedule prop near_critical near_critical nearCritical ("") -> "ids";
    Schedule prop infeasible_deadlines infeasible_deadlines infeasibleDeadlines ("") -> "InfeasibleDeadline[]";
    Schedule method record record record ("id") -> "ScheduleRecord (unknown ids raise)";
    Schedule method records to_records toRecords ("") -> "ScheduleRecord[]";
    Schedule method report report report ("") -> "ScheduleReport";
    Schedule method to_json to_json toJson ("") -> "JSON text";
    Schedule method to_csv to_csv toCsv ("") -> "CSV";
    Schedule method to_mermaid to_mermaid toMermaid ("") -> "Mermaid gantt";
    Schedule method - columns - ("") -> "dict of NumPy arrays";
    Schedule method - critical_path_indices - ("") -> "uint32 arrays";
    Schedule method - to_pandas - ("") -> "pandas DataFrame";
    Schedule method - - toJSON ("") -> "ScheduleReport";
    Rollup prop clusters clusters clusters ("") -> "cluster ids";
    Rollup prop modules modules modules ("") -> "module ids";
    Rollup prop measures measures measures ("") -> "clusters x modules counts";
    Rollup prop executed executed executed ("") -> "clusters x modules counts";
    Rollup prop applicable applicable applicable ("") -> "clusters x modules flags";
    Rollup method executed_share executed_share executedShare ("") -> "clusters x modules shares";
    Rollup method mean_executed_share mean_executed_share meanExecutedShare ("") -> "mean share or null";
    Rollup method - to_dict toJSON ("") -> "plain data";
    Rollup method - to_pandas - ("") -> "pandas DataFrame";
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_schedule_keys_are_the_fields_of_schedule_options() {
        let e = serde_json::from_value::<ScheduleOptions>(serde_json::json!({"zzz": 1}))
            .unwrap_err()
            .to_string();
        let expected = e.split("expected one of ").nth(1).unwrap_or_default();
        let mut fields: Vec<&str> = expected
            .split(", ")
            .map(|f| f.trim_matches(|c: char| c == '`' || c.is_whitespace()))
            .filter(|f| !f.is_empty())
            .collect();
        fields.sort_unstable();
        let mut keys = schedule_keys();
        keys.sort_unstable();
        assert_eq!(fields, keys, "{e}");
    }

    #[test]
    fn options_accept_both_spellings_and_name_unknown_keys() {
        let a = schedule_options(serde_json::json!({"nearCriticalDays": 9})).unwrap();
        let b = schedule_options(serde_json::json!({"near_critical_days": 9})).unwrap();
        assert_eq!(a, b);
        assert_eq!(a.near_critical_days, 9);
        let e = schedule_options(serde_json::json!({"nearCritcalDays": 9})).unwrap_err();
        assert!(
            e.to_string().contains("did you mean `near_critical_days`"),
            "{e}"
        );
        let e = schedule_options(serde_json::json!({"mustFinishBy": "soon"})).unwrap_err();
        assert_eq!(e.location().as_deref(), Some("options.mustFinishBy"));
        assert_eq!(
            schedule_options(Value::Null).unwrap(),
            ScheduleOptions::default()
        );
        let (_, r) = risk_options(serde_json::json!({"runs": 10})).unwrap();
        assert_eq!((r.runs, r.seed), (10, RiskOptions::default().seed));
    }

    #[test]
    fn changes_take_objects_and_pairs() {
        let c = changes(serde_json::json!([["a", 3], {"id": "b", "days": 2, "kind": "start"}]))
            .unwrap();
        assert_eq!(c[0], DurationChange::duration("a", 3));
        assert_eq!(c[1].id, "b");
        assert!(changes(serde_json::json!({"id": "a"})).is_err());
        assert!(changes(serde_json::json!([["a"]])).is_err());
        assert_eq!(ids(serde_json::json!("6.1")).unwrap(), vec!["6.1"]);
        assert!(ids(serde_json::json!(6)).is_err());
    }
}

/// Plain data as a binding hands it over (a Python dict, a JS object), read into a JSON value
/// with one difference: JSON has no NaN or infinity, so such a number becomes the string `"NaN"`,
/// `"inf"` or `"-inf"`. Where a number belongs, the error then says which value it was and where
/// (`reports[0].entries[0].percent_complete: invalid type: string "NaN", expected f64`), instead
/// of the number turning into `null`, which an optional field would take for "absent".
///
/// Bindings deserialize into this (`depythonize::<BindingValue>`, `serde_wasm_bindgen::from_value`)
/// and pass `.0` on.
#[derive(Debug, Clone, PartialEq)]
pub struct BindingValue(pub Value);

impl<'de> serde::Deserialize<'de> for BindingValue {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        d.deserialize_any(BindingVisitor).map(BindingValue)
    }
}

struct BindingVisitor;

impl<'de> serde::de::Visitor<'de> for BindingVisitor {
    type Value = Value;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("plain data (null, a boolean, a number, a string, a list or a map)")
    }
    fn visit_bool<E>(self, v: bool) -> std::result::Result<Value, E> {
        Ok(Value::Bool(v))
    }
    fn visit_i64<E>(self, v: i64) -> std::result::Result<Value, E> {
        Ok(Value::from(v))
    }
    fn visit_u64<E>(self, v: u64) -> std::result::Result<Value, E> {
        Ok(Value::from(v))
    }
    fn visit_f64<E>(self, v: f64) -> std::result::Result<Value, E> {
        Ok(match serde_json::Number::from_f64(v) {
            Some(n) => Value::Number(n),
            None if v.is_nan() => Value::String("NaN".into()),
            None if v > 0.0 => Value::String("inf".into()),
            None => Value::String("-inf".into()),
        })
    }
    fn visit_str<E>(self, v: &str) -> std::result::Result<Value, E> {
        Ok(Value::String(v.to_owned()))
    }
    fn visit_string<E>(self, v: String) -> std::result::Result<Value, E> {
        Ok(Value::String(v))
    }
    fn visit_none<E>(self) -> std::result::Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_unit<E>(self) -> std::result::Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_some<D: serde::Deserializer<'de>>(self, d: D) -> std::result::Result<Value, D::Error> {
        d.deserialize_any(BindingVisitor)
    }
    fn visit_seq<A: serde::de::SeqAccess<'de>>(
        self,
        mut seq: A,
    ) -> std::result::Result<Value, A::Error> {
        let mut out = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(1 << 16));
        while let Some(BindingValue(v)) = seq.next_element()? {
            out.push(v);
        }
        Ok(Value::Array(out))
    }
    fn visit_map<A: serde::de::MapAccess<'de>>(
        self,
        mut map: A,
    ) -> std::result::Result<Value, A::Error> {
        let mut out = Map::new();
        while let Some(key) = map.next_key::<String>()? {
            let BindingValue(v) = map.next_value()?;
            out.insert(key, v);
        }
        Ok(Value::Object(out))
    }
}

#[cfg(test)]
mod binding_value_tests {
    use super::*;

    #[test]
    fn non_finite_numbers_are_named_where_a_number_belongs() {
        // what a binding sees: a map with NaN and infinities (serde_json::Value cannot hold them,
        // so feed the visitor through a deserializer that can: f64 values of a serde map)
        use serde::de::IntoDeserializer;
        use serde::de::value::MapDeserializer;
        let items = vec![
            ("a", f64::NAN),
            ("b", f64::INFINITY),
            ("c", f64::NEG_INFINITY),
            ("d", 1.5),
        ];
        let de: MapDeserializer<'_, _, serde::de::value::Error> =
            MapDeserializer::new(items.into_iter().map(|(k, v)| (k, v.into_deserializer())));
        let BindingValue(v) = <BindingValue as serde::Deserialize>::deserialize(de).unwrap();
        assert_eq!(
            v,
            serde_json::json!({"a": "NaN", "b": "inf", "c": "-inf", "d": 1.5})
        );
        // and the document reader names it with its path
        let mut doc: Value = serde_json::from_str(crate::strategy::E_CULTURE_JSON).unwrap();
        doc["indicators"][0]["baseline"]["value"] = v["a"].clone();
        let e = crate::Strategy::from_value(doc).unwrap_err().to_string();
        assert!(e.contains("indicators[0].baseline.value"), "{e}");
        assert!(e.contains("\"NaN\""), "{e}");
    }
}
