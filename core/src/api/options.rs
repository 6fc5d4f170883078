//! Arguments as a binding hands them over, read into the core's types: option objects (with
//! snake_case or camelCase keys), dates, what-if changes, ids, a `need`, a measure index, and
//! the one error for a value that is not plain data.

use serde_json::{Map, Value};

use super::{argument, snake_case};
use crate::error::{Error, Result};
use crate::schedule::{Calendar, DurationChange, RiskOptions, ScheduleOptions};

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
        "baseline",
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

/// Options of [`crate::Strategy::diff`]: the schedule options of both schedules (flat, as for
/// [`schedule_options`]) plus `lang`.
pub fn diff_options(value: Value) -> Result<crate::diff::DiffOptions> {
    let spelt = spellings(&value);
    let parse = || {
        let mut keys = schedule_keys();
        keys.push("lang");
        let mut map = option_map(value, "options", &keys)?;
        resolve_calendar(&mut map, "options")?;
        let lang = match map.remove("lang") {
            Some(v) => typed(v, "options.lang")?,
            None => crate::model::Lang::default(),
        };
        Ok(crate::diff::DiffOptions {
            schedule: typed(Value::Object(map), "options")?,
            lang,
        })
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

/// The `need` of [`crate::Strategy::blocking`]: `"cells"`, `"graph"`, `"dag"` or `"schedule"`.
pub fn need(value: Value) -> Result<crate::Need> {
    let found = match &value {
        Value::String(s) => match s.as_str() {
            "cells" => return Ok(crate::Need::Cells),
            "graph" => return Ok(crate::Need::Graph),
            "dag" => return Ok(crate::Need::Dag),
            "schedule" => return Ok(crate::Need::Schedule),
            _ => format!("`{s}`"),
        },
        other => kind_of(other).to_owned(),
    };
    Err(argument(
        format!("need must be \"cells\", \"graph\", \"dag\" or \"schedule\", not {found}"),
        "need",
    ))
}

/// A measure index (a position in the document's `measures`) given as a number: an integer in
/// `0..len`, else an error at `index` that says the range.
pub fn measure_index(value: Value, len: usize) -> Result<u32> {
    let shown = match &value {
        Value::Number(n) => {
            if let Some(i) = n.as_u64()
                && (i as usize) < len
                && let Ok(i) = u32::try_from(i)
            {
                return Ok(i);
            }
            match n.as_f64() {
                Some(x) if x.fract() == 0.0 && x.abs() < 9.0e15 => {
                    if x.fract() == 0.0 && x >= 0.0 && (x as usize) < len {
                        return Ok(x as u32);
                    }
                    format!("{}", x as i64)
                }
                _ => n.to_string(),
            }
        }
        other => {
            return Err(argument(
                format!("measure index must be an integer, not {}", kind_of(other)),
                "index",
            ));
        }
    };
    Err(argument(
        format!("measure index {shown} is out of range for {len} measures"),
        "index",
    ))
}

/// The error for a value a binding cannot read as plain data at all (a Python object, a set,
/// a JS function or symbol, a map with non-string keys) in the argument `name`: the same class
/// and message from Python and JavaScript.
pub fn not_plain_data(name: &str) -> Error {
    argument(
        format!(
            "{name} is not plain data: use null, booleans, numbers, strings, lists and maps with string keys"
        ),
        name,
    )
}

/// A gap reason handed back by a binding (one of `Strategy::gaps`' `reasons`).
///
/// Read by hand, not through serde: an internally tagged enum's derived reader would add
/// kilobytes to the page's lean build for three shapes.
pub fn gap_reason(value: Value) -> Result<crate::GapReason> {
    use crate::GapReason;
    let bad = || {
        invalid(
            "reason",
            "expected {reason: \"no_measure\"}, {reason: \"not_delivered\", measures: [ids]} or {reason: \"requirement_missing\", module: id}",
        )
    };
    let Value::Object(map) = value else {
        return Err(bad());
    };
    let text = |key: &str| map.get(key).and_then(Value::as_str).map(str::to_owned);
    match map.get("reason").and_then(Value::as_str) {
        Some("no_measure") => Ok(GapReason::NoMeasure),
        Some("not_delivered") => {
            let list = map
                .get("measures")
                .and_then(Value::as_array)
                .ok_or_else(bad)?;
            let measures = list
                .iter()
                .map(|v| v.as_str().map(str::to_owned).ok_or_else(bad))
                .collect::<Result<Vec<_>>>()?;
            Ok(GapReason::NotDelivered { measures })
        }
        Some("requirement_missing") => Ok(GapReason::RequirementMissing {
            module: text("module").ok_or_else(bad)?,
        }),
        _ => Err(bad()),
    }
}

/// A diagnostic handed back by a binding (one of `validate()`'s).
pub fn diagnostic(value: Value) -> Result<crate::Diagnostic> {
    handed_back(value, "diagnostic")
}

/// A value of the core's own that a binding hands back: read without locating the mistake
/// inside it (no second deserializer in the page's lean build).
fn handed_back<T: serde::de::DeserializeOwned>(value: Value, name: &str) -> Result<T> {
    serde_json::from_value(value).map_err(|e| invalid(name, &e.to_string()))
}

/// The error for a value of the core's own (`diagnostic`, `reason`) handed back malformed;
/// `detail` is the deserializer's message, put in the document's words.
pub fn invalid(name: &str, detail: &str) -> Error {
    let message = crate::error::humanize(detail);
    argument(format!("invalid {name}: {message}"), name)
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
