//! Provenance of an entity: the `illustrative` field. `true` says the whole entity is invented
//! for illustration; a list of field names says only those fields are (`["start", "deadline",
//! "main_executor"]`), so the public fields stay public; absent (or `false`) says nothing is.
//! Which names are allowed per entity kind is [`fields_of`]; validation reports any other
//! name (`unknown_illustrative_field`).

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use thin_vec::ThinVec;

use super::Id;

/// The `illustrative` field of an entity: nothing, everything, or some fields invented. One
/// pointer (a measure of a million-measure plan carries one): `None` is nothing, an empty
/// list everything, a list those fields.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Illustrative(Option<ThinVec<Id>>);

impl Illustrative {
    /// Nothing is invented (the field is absent or `false`).
    pub const NO: Illustrative = Illustrative(None);

    /// The whole entity is invented (`true`).
    pub fn all() -> Self {
        Illustrative(Some(ThinVec::new()))
    }

    /// These fields are invented; none given means nothing is.
    pub fn fields_named<I: Into<Id>>(fields: impl IntoIterator<Item = I>) -> Self {
        let f: ThinVec<Id> = fields.into_iter().map(Into::into).collect();
        if f.is_empty() {
            Self::NO
        } else {
            Illustrative(Some(f))
        }
    }

    /// Nothing invented (the field is left out when saving).
    pub fn is_no(&self) -> bool {
        self.0.is_none()
    }

    /// Something invented: the whole entity or at least one field.
    pub fn is_any(&self) -> bool {
        self.0.is_some()
    }

    /// The whole entity is invented.
    pub fn is_all(&self) -> bool {
        self.0.as_ref().is_some_and(|f| f.is_empty())
    }

    /// Whether `field` is invented: every field of an entity marked `true`, the listed ones of a
    /// list.
    pub fn covers(&self, field: &str) -> bool {
        match &self.0 {
            None => false,
            Some(f) => f.is_empty() || f.iter().any(|x| x == field),
        }
    }

    /// Whether any of `fields` is invented.
    pub fn covers_any(&self, fields: &[&str]) -> bool {
        fields.iter().any(|f| self.covers(f))
    }

    /// The listed field names (empty for `true` and for nothing).
    pub fn fields(&self) -> &[Id] {
        self.0.as_deref().unwrap_or(&[])
    }

    /// `true`, the field list joined by `, `, or an empty string: how outputs write it.
    pub fn describe(&self) -> String {
        match &self.0 {
            None => String::new(),
            Some(f) if f.is_empty() => "true".into(),
            Some(f) => f.iter().map(Id::as_str).collect::<Vec<_>>().join(", "),
        }
    }
}

impl From<bool> for Illustrative {
    fn from(b: bool) -> Self {
        if b {
            Illustrative::all()
        } else {
            Illustrative::NO
        }
    }
}

impl Serialize for Illustrative {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match &self.0 {
            None => s.serialize_bool(false),
            Some(f) if f.is_empty() => s.serialize_bool(true),
            Some(f) => f.serialize(s),
        }
    }
}

impl<'de> Deserialize<'de> for Illustrative {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        use serde::de::{SeqAccess, Visitor};
        use std::fmt;
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Illustrative;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("true, false or a list of field names")
            }
            fn visit_bool<E: serde::de::Error>(self, v: bool) -> Result<Illustrative, E> {
                Ok(v.into())
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Illustrative, A::Error> {
                let mut out = ThinVec::new();
                while let Some(x) = seq.next_element::<Id>()? {
                    out.push(x);
                }
                // an empty list invents nothing
                Ok(Illustrative::fields_named(out))
            }
        }
        d.deserialize_any(V)
    }
}

impl JsonSchema for Illustrative {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Illustrative".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "Invented for illustration: true (the whole entity) or the names of the invented fields (the others are from the public record).",
            "oneOf": [
                {"type": "boolean"},
                {"type": "array", "items": {"type": "string"}}
            ]
        })
    }
}

/// The kinds of entity that carry `illustrative`, as validation and outputs name them.
pub const KINDS: [&str; 12] = [
    "strategy",
    "working_group",
    "goal",
    "organization",
    "direction",
    "cluster",
    "module",
    "measure",
    "indicator",
    "report",
    "evaluation",
    "assessment",
];

/// The field names an entity kind's `illustrative` list may name (its fields but `id`,
/// `source`, `note` and `illustrative` itself), or `None` for a kind without the field.
/// Checked against the JSON Schema by a test, so a new field cannot be forgotten.
pub fn fields_of(kind: &str) -> Option<&'static [&'static str]> {
    Some(match kind {
        "strategy" => &[
            "title",
            "period",
            "approved_by",
            "legal_basis",
            "coordinating_body",
            "monitoring_body",
            "goals",
            "working_group",
            "drafted_by",
            "sections",
            "statuses_as_of",
        ],
        "working_group" => &["established_by", "chair", "members", "meetings"],
        "goal" => &["title"],
        "organization" => &["name", "kind"],
        "direction" => &["number", "title", "goals"],
        "cluster" => &["title", "tags", "institutions"],
        "module" => &["title", "category", "applies_to", "requires"],
        "measure" => &[
            "direction",
            "title",
            "main_executor",
            "other_executors",
            "start",
            "deadline",
            "duration_days",
            "depends_on",
            "targets",
            "funding",
            "expected_result",
            "indicators",
            "status",
            "estimate",
        ],
        "indicator" => &[
            "name",
            "unit",
            "polarity",
            "baseline",
            "targets",
            "actuals",
            "cumulative",
        ],
        "report" => &[
            "by",
            "period",
            "as_of",
            "submitted",
            "evidence",
            "entries",
            "indicators",
        ],
        "evaluation" => &["kind", "by", "period", "published", "criteria"],
        "assessment" => &[
            "cluster",
            "module",
            "as_of",
            "level",
            "target_level",
            "institutions_reached",
        ],
        _ => return None,
    })
}
