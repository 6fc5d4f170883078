//! Arguments that JavaScript passes in (option objects, lists of changes), read with
//! serde-wasm-bindgen through `serde_path_to_error` so that a bad value is located.
//!
//! This module renames keys and fills in defaults, nothing else: every rule about the values
//! themselves (a calendar with no working day, a change to an unknown measure, too many runs)
//! stays in the core, which reports it with the same codes and paths on every surface.
//!
//! **Key convention.** The keys of a method's *options* are camelCase, as usual in JS
//! (`{nearCriticalDays: 10}`); values that are *data* (a calendar object, the changes given to
//! `whatIf`, and every result) keep the core's serde keys, snake_case (`extra_working_days`,
//! `early_start`), so that JSON from Rust, Python and JS is identical.
//!
//! A value that does not fit throws `ArgumentError` (`invalid_argument`) whose `path` is the
//! place inside the argument (`calendar.weekend[0]`, `changes[1].days`), or the argument's name
//! (`options`, `changes`, `risk`) when the argument itself has the wrong type.

use std::fmt;
use std::marker::PhantomData;

use eculture::schedule::{Calendar, DurationChange, RiskOptions, ScheduleOptions};
use jiff::civil::Date;
use serde::Deserialize;
use serde::de::{self, DeserializeOwned, Deserializer, MapAccess, SeqAccess, Visitor};
use tsify::Tsify;
use wasm_bindgen::JsValue;

use crate::error;

/// The largest integer a JS number holds exactly (`Number.MAX_SAFE_INTEGER`).
const MAX_SAFE_INTEGER: u64 = (1 << 53) - 1;

/// Options of a schedule computation (`schedule`, `scheduleWithChanges`, `whatIf`, `rollout`,
/// `risk`): the core's `ScheduleOptions` with camelCase keys. Every key is optional; `null` or
/// a missing key means the default. Unknown keys are an error (so `near_critical_days` is
/// rejected: option keys are camelCase, data keys such as a calendar's are snake_case).
#[derive(Debug, Default, Deserialize, Tsify)]
#[serde(default, rename_all = "camelCase", deny_unknown_fields)]
#[tsify(missing_as_null)]
pub struct ScheduleInit {
    /// Project start (offset 0), ISO `YYYY-MM-DD`. Default: the first day of the strategy
    /// period.
    #[serde(deserialize_with = "iso")]
    #[tsify(type = "string | null")]
    start: Option<Date>,
    /// Working-day calendar: a calendar object (snake_case keys, as the core serializes it),
    /// or a built-in one by name: `"azerbaijan_example"` (illustrative Azerbaijani calendar for
    /// 2024–2026) or `"weekdays"` (Saturday and Sunday off). Default: none, durations and lags
    /// count calendar days.
    #[serde(deserialize_with = "calendar")]
    #[tsify(type = "Calendar | \"azerbaijan_example\" | \"weekdays\" | null")]
    calendar: Option<Calendar>,
    /// A measure is critical when its total float is at most this. Default 0.
    critical_float_days: Option<i64>,
    /// Near-critical: total float above `criticalFloatDays` and at most this. Default 5.
    near_critical_days: Option<i64>,
    /// The project's late finish (P6 "must finish by"), ISO `YYYY-MM-DD`. Default: none, the
    /// late dates hang from the computed early finish.
    #[serde(deserialize_with = "iso")]
    #[tsify(type = "string | null")]
    must_finish_by: Option<Date>,
    /// At most this many critical paths are listed. Default 20.
    max_critical_paths: Option<usize>,
}

impl From<ScheduleInit> for ScheduleOptions {
    fn from(o: ScheduleInit) -> Self {
        let d = ScheduleOptions::default();
        ScheduleOptions {
            start: o.start,
            calendar: o.calendar,
            critical_float_days: o.critical_float_days.unwrap_or(d.critical_float_days),
            near_critical_days: o.near_critical_days.unwrap_or(d.near_critical_days),
            must_finish_by: o.must_finish_by,
            max_critical_paths: o.max_critical_paths.unwrap_or(d.max_critical_paths),
            ..d
        }
    }
}

/// An optional ISO date (`null` and a missing key are `None`).
fn iso<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Date>, D::Error> {
    Option::<String>::deserialize(d)?
        .map(|s| {
            s.parse::<Date>()
                .map_err(|e| de::Error::custom(format!("`{s}` is not an ISO date: {e}")))
        })
        .transpose()
}

/// A calendar object, a built-in calendar's name, or `null`.
fn calendar<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Calendar>, D::Error> {
    d.deserialize_any(CalendarArg)
}

struct CalendarArg;

impl<'de> Visitor<'de> for CalendarArg {
    type Value = Option<Calendar>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a calendar object, \"azerbaijan_example\", \"weekdays\" or null")
    }

    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_str<E: de::Error>(self, name: &str) -> Result<Self::Value, E> {
        Calendar::builtin(name)
            .map(Some)
            .ok_or_else(|| E::unknown_variant(name, Calendar::BUILTIN))
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
        Calendar::deserialize(de::value::MapAccessDeserializer::new(map)).map(Some)
    }
}

/// `T` read from a JS object through *all* its keys. serde-wasm-bindgen reads a struct by
/// looking up its declared fields only, so without this `deny_unknown_fields` would never see a
/// misspelt key such as `near_critical_days`.
struct Obj<T>(T);

/// `T` read from a JS array (any other value is an error, not an attempt to iterate it).
struct List<T>(T);

struct ObjVisitor<T>(PhantomData<T>);

struct ListVisitor<T>(PhantomData<T>);

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Obj<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(ObjVisitor(PhantomData)).map(Obj)
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for List<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(ListVisitor(PhantomData)).map(List)
    }
}

impl<'de, T: Deserialize<'de>> Visitor<'de> for ObjVisitor<T> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an object")
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<T, A::Error> {
        T::deserialize(de::value::MapAccessDeserializer::new(map))
    }
}

impl<'de, T: Deserialize<'de>> Visitor<'de> for ListVisitor<T> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an array")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<T, A::Error> {
        T::deserialize(de::value::SeqAccessDeserializer::new(seq))
    }
}

/// Read the JS argument `name` into `T`, or throw a located `ArgumentError`.
fn arg<T: DeserializeOwned>(value: JsValue, name: &str) -> Result<T, JsValue> {
    serde_path_to_error::deserialize(serde_wasm_bindgen::Deserializer::from(value)).map_err(|e| {
        let path = match e.path().to_string() {
            p if p == "." => name.to_owned(),
            p if p.starts_with('[') => format!("{name}{p}"),
            p => p,
        };
        // serde-wasm-bindgen's errors are JS `Error`s, displayed as "Error: <message>".
        let inner = e.into_inner().to_string();
        let inner = inner.strip_prefix("Error: ").unwrap_or(&inner);
        error::argument(&format!("invalid {name} at `{path}`: {inner}"), &path)
    })
}

/// Schedule options (`undefined` or `null`: the defaults).
pub(crate) fn schedule(options: JsValue) -> Result<ScheduleOptions, JsValue> {
    let init: Option<Obj<ScheduleInit>> = arg(options, "options")?;
    Ok(init.map(|o| o.0).unwrap_or_default().into())
}

/// The changes of a what-if, as the core's `DurationChange` (`{id, days, kind?}`).
pub(crate) fn changes(changes: JsValue) -> Result<Vec<DurationChange>, JsValue> {
    let List(list): List<Vec<Obj<DurationChange>>> = arg(changes, "changes")?;
    Ok(list.into_iter().map(|c| c.0).collect())
}

/// Monte-Carlo options `{runs?, seed?}` (`undefined` or `null`: the defaults). The seed must be a
/// safe integer so that the result can report it as a JS number.
pub(crate) fn risk(risk: JsValue) -> Result<RiskOptions, JsValue> {
    let risk: Option<Obj<RiskOptions>> = arg(risk, "risk")?;
    let risk = risk.map(|r| r.0).unwrap_or_default();
    if risk.seed > MAX_SAFE_INTEGER {
        let message = format!("seed must be at most 2^53 - 1, not {}", risk.seed);
        return Err(error::argument(&message, "seed"));
    }
    Ok(risk)
}

/// A measure index (a position in `document().measures`) given as a JS number.
pub(crate) fn index(index: f64, len: usize) -> Result<u32, JsValue> {
    if index.fract() == 0.0 && index >= 0.0 && index < len as f64 {
        return Ok(index as u32);
    }
    let message = format!("measure index {index} is out of range for {len} measures");
    Err(error::argument(&message, "index"))
}

/// Measure ids: one id as a string, or an array of ids. (A bare string is one id, never the
/// characters of one.)
pub(crate) fn ids(value: JsValue) -> Result<Vec<String>, JsValue> {
    if let Some(one) = value.as_string() {
        return Ok(vec![one]);
    }
    serde_wasm_bindgen::from_value::<Vec<String>>(value)
        .map_err(|_| error::argument("ids must be a measure id or an array of measure ids", "ids"))
}
