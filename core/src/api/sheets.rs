//! The spreadsheet arguments bindings hand over: the column mapping of
//! [`crate::Strategy::from_xlsx`] (`{heading or column letter: field}`), read here so that a
//! wrong mapping is the same [`ArgumentError`] on every surface.

use crate::error::{ArgumentError, Result};
use crate::sheets::Mapping;

/// The fields a mapping may name besides any measure field.
const FIELDS: &[&str] = &[
    "id",
    "title",
    "main_executor",
    "other_executors",
    "executors",
    "period",
    "start",
    "deadline",
    "funding",
    "expected_result",
    "indicators",
    "clusters",
    "modules",
    "depends_on",
    "direction",
    "ignore",
];

/// A mapping from plain data (`null` for none): an object of heading (or column letter) →
/// field name; every value a string naming a field.
pub fn mapping(value: serde_json::Value) -> Result<Option<Mapping>> {
    let obj = match value {
        serde_json::Value::Null => return Ok(None),
        serde_json::Value::Object(o) => o,
        _ => {
            return Err(ArgumentError::at(
                "mapping must be an object of column heading (or letter) → field",
                "mapping",
            )
            .into());
        }
    };
    let mut pairs = Vec::with_capacity(obj.len());
    for (k, v) in obj {
        let field = v.as_str().ok_or_else(|| {
            ArgumentError::at(
                format!("the field for `{k}` must be a text"),
                format!("mapping.{k}"),
            )
        })?;
        let known = FIELDS.contains(&field)
            || field.split('.').next().is_some_and(|f| {
                !f.is_empty() && f.chars().all(|c| c.is_ascii_lowercase() || c == '_')
            });
        if !known {
            return Err(ArgumentError::at(
                format!(
                    "`{field}` is not a field: use one of {} or a measure field",
                    FIELDS.join(", ")
                ),
                format!("mapping.{k}"),
            )
            .into());
        }
        pairs.push((k, field.to_owned()));
    }
    Ok(Some(Mapping::new(pairs)))
}

/// A language code (`az`, `en`, `ru`).
pub fn lang(code: &str) -> Result<crate::model::Lang> {
    crate::model::Lang::ALL
        .into_iter()
        .find(|l| l.code() == code)
        .ok_or_else(|| {
            ArgumentError::at(
                format!("`{code}` is not a language: use az, en or ru"),
                "lang",
            )
            .into()
        })
}
