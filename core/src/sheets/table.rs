//! Entities as sheet rows, by their serde form, so that a field added to the model travels
//! with no code here: a text in several languages becomes one column per language
//! (`title.az`, `title.en`), a plain value one column with a typed cell (number, boolean,
//! text), anything else one column of JSON text (`targets [json]`). Which form a field takes
//! is decided per column over all rows, so that every value reads back exactly.

use serde_json::{Map, Value};

use super::grid::Val;
use super::phrases::Col;
use crate::model::Lang;
use crate::workbook::XCell;

/// How one field is laid out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Layout {
    /// One column per language used.
    Text(Vec<Lang>),
    /// One typed column.
    Plain,
    /// One column of JSON text.
    Json,
}

/// The largest integer a spreadsheet number holds exactly.
const EXACT_INT: f64 = 9_007_199_254_740_992.0;

fn text_like(v: &Value) -> Option<Vec<Lang>> {
    let o = v.as_object()?;
    if o.is_empty() {
        return None;
    }
    let mut langs = Vec::new();
    for (k, x) in o {
        let l = super::phrases::lang_of(k)?;
        if x.as_str().is_none_or(str::is_empty) {
            return None;
        }
        langs.push(l);
    }
    Some(langs)
}

fn plain(v: &Value) -> bool {
    match v {
        Value::String(s) => !s.is_empty(),
        Value::Bool(_) => true,
        Value::Number(n) => n
            .as_f64()
            .is_some_and(|x| x.is_finite() && (n.is_f64() || x.abs() <= EXACT_INT)),
        _ => false,
    }
}

/// The layout of each field over `rows`, in the order fields first appear, leaving out
/// `skip`.
pub(crate) fn layouts(rows: &[&Map<String, Value>], skip: &[&str]) -> Vec<(String, Layout)> {
    let mut keys: Vec<&str> = Vec::new();
    for r in rows {
        for k in r.keys() {
            if !skip.contains(&k.as_str()) && !keys.contains(&k.as_str()) {
                keys.push(k);
            }
        }
    }
    keys.into_iter()
        .map(|k| {
            let vals: Vec<&Value> = rows.iter().filter_map(|r| r.get(k)).collect();
            let texts: Option<Vec<Vec<Lang>>> = vals.iter().map(|v| text_like(v)).collect();
            let layout = match texts {
                Some(ls) if !ls.is_empty() => {
                    let mut langs: Vec<Lang> = ls.into_iter().flatten().collect();
                    langs.sort();
                    langs.dedup();
                    Layout::Text(langs)
                }
                _ if vals.iter().all(|v| plain(v)) => Layout::Plain,
                _ => Layout::Json,
            };
            (k.to_owned(), layout)
        })
        .collect()
}

/// The headings of a layout.
pub(crate) fn headings(key: &str, layout: &Layout) -> Vec<String> {
    match layout {
        Layout::Text(langs) => langs
            .iter()
            .map(|l| format!("{key}.{}", l.code()))
            .collect(),
        Layout::Plain => vec![key.to_owned()],
        Layout::Json => vec![format!("{key} [json]")],
    }
}

/// The cells of one field of one row, one per heading.
pub(crate) fn cells(v: Option<&Value>, layout: &Layout) -> Vec<XCell> {
    match layout {
        Layout::Text(langs) => langs
            .iter()
            .map(
                |l| match v.and_then(|v| v.get(l.code())).and_then(Value::as_str) {
                    Some(s) => XCell::Text(s.to_owned()),
                    None => XCell::Empty,
                },
            )
            .collect(),
        Layout::Plain => vec![match v {
            // a day is a date cell (read back as the same ISO text)
            Some(Value::String(s)) => match s.parse::<jiff::civil::Date>() {
                Ok(d) if d.to_string() == *s && (1900..=9999).contains(&d.year()) => XCell::Date(d),
                _ => XCell::Text(s.clone()),
            },
            Some(Value::Bool(b)) => XCell::Bool(*b),
            Some(Value::Number(n)) => XCell::Number(n.as_f64().unwrap_or(f64::NAN)),
            _ => XCell::Empty,
        }],
        Layout::Json => vec![match v {
            Some(v) => XCell::Text(serde_json::to_string(v).unwrap_or_default()),
            None => XCell::Empty,
        }],
    }
}

/// A typed cell as the JSON value of a plain field.
pub(crate) fn plain_value(v: &Val) -> Result<Value, String> {
    Ok(match v {
        Val::Empty => Value::Null,
        Val::Text(s) => Value::String(s.clone()),
        Val::Bool(b) => Value::Bool(*b),
        Val::Num(x) if x.fract() == 0.0 && x.abs() <= EXACT_INT => {
            Value::Number(serde_json::Number::from(*x as i64))
        }
        Val::Num(x) => serde_json::Number::from_f64(*x)
            .map(Value::Number)
            .ok_or_else(|| format!("`{x}` is not a number"))?,
        Val::Date(d) => Value::String(d.to_string()),
        Val::Bad(s) => return Err(format!("the cell holds `{s}`, not a value")),
    })
}

/// Put one cell of a field column into a row object; the error says why it cannot be read.
pub(crate) fn put(obj: &mut Map<String, Value>, col: &Col, v: &Val) -> Result<(), String> {
    let Col::Field { key, lang, json } = col else {
        return Ok(());
    };
    let value = if *json {
        let text = v.as_text();
        serde_json::from_str::<Value>(&text).map_err(|e| format!("not JSON: {e}"))?
    } else {
        plain_value(v)?
    };
    match lang {
        Some(l) => {
            let Value::String(s) = value else {
                return Err("a text was expected".into());
            };
            let entry = obj
                .entry(key.clone())
                .or_insert_with(|| Value::Object(Map::new()));
            if let Value::Object(m) = entry {
                m.insert(l.code().to_owned(), Value::String(s));
            }
        }
        None => {
            obj.insert(key.clone(), value);
        }
    }
    Ok(())
}
