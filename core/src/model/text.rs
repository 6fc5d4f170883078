//! [`Text`]: a text in several languages, packed into one small allocation.
//!
//! Every measure has a title, most have an expected result; a million of them as three
//! optional strings would cost 72 bytes each before any text. A `Text` is one pointer: the
//! languages given are stored, in the order az, en, ru, as records of
//! `language: u8, length: LEB128, UTF-8 bytes`. An absent language costs nothing; an empty
//! string is kept (and reported by validation) as written.

use std::borrow::Cow;
use std::fmt;

use schemars::{JsonSchema, Schema, SchemaGenerator};
use serde::de::{self, DeserializeSeed, MapAccess, Visitor};
use serde::ser::SerializeMap;
use serde::{Deserialize, Serialize};
use smallvec::SmallVec;
use thin_vec::ThinVec;

/// A language of a [`Text`]. Serialized as its code (`"az"`, `"en"`, `"ru"`).
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
#[serde(rename_all = "lowercase")]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub enum Lang {
    /// Azerbaijani (`az`).
    Az = 0,
    /// English (`en`), the default.
    #[default]
    En = 1,
    /// Russian (`ru`).
    Ru = 2,
}

impl Lang {
    /// Every language, in storage and serialization order.
    pub const ALL: [Lang; 3] = [Lang::Az, Lang::En, Lang::Ru];

    /// The field name: `az`, `en` or `ru`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Az => "az",
            Lang::En => "en",
            Lang::Ru => "ru",
        }
    }
}

/// A text in several languages. `az` and `en` are expected on the strategy title; other entities
/// need at least one language. Rendering picks `en`, then `az`, then `ru`.
///
/// Written as `{"az": "...", "en": "...", "ru": "..."}`, every field optional.
#[derive(Clone, Default, PartialEq, Eq, Hash)]
pub struct Text {
    bytes: ThinVec<u8>,
}

fn put(out: &mut SmallVec<[u8; 64]>, lang: Lang, s: &str) {
    out.push(lang as u8);
    super::packed::put_str(out, s);
}

impl Text {
    /// A text from its languages.
    pub fn new(az: Option<&str>, en: Option<&str>, ru: Option<&str>) -> Self {
        let mut out = SmallVec::new();
        for (lang, s) in Lang::ALL.into_iter().zip([az, en, ru]) {
            if let Some(s) = s {
                put(&mut out, lang, s);
            }
        }
        Self::packed(&out)
    }

    /// An English-only text.
    pub fn english(s: impl AsRef<str>) -> Self {
        Self::new(None, Some(s.as_ref()), None)
    }

    fn packed(records: &[u8]) -> Self {
        let mut bytes = ThinVec::with_capacity(records.len());
        bytes.extend_from_slice(records);
        Text { bytes }
    }

    /// The languages given, in the order az, en, ru.
    pub fn iter(&self) -> impl Iterator<Item = (Lang, &str)> + '_ {
        let mut rest: &[u8] = &self.bytes;
        std::iter::from_fn(move || {
            let (&tag, r) = rest.split_first()?;
            let (s, r) = super::packed::take_str(r);
            rest = r;
            let lang = match tag {
                0 => Lang::Az,
                1 => Lang::En,
                _ => Lang::Ru,
            };
            Some((lang, s))
        })
    }

    /// The text in `lang`, when given.
    pub fn get(&self, lang: Lang) -> Option<&str> {
        self.iter().find(|&(l, _)| l == lang).map(|(_, s)| s)
    }

    /// Azerbaijani.
    pub fn az(&self) -> Option<&str> {
        self.get(Lang::Az)
    }

    /// English.
    pub fn en(&self) -> Option<&str> {
        self.get(Lang::En)
    }

    /// Russian.
    pub fn ru(&self) -> Option<&str> {
        self.get(Lang::Ru)
    }

    /// Set (or with `None`, remove) the text in `lang`.
    pub fn set(&mut self, lang: Lang, text: Option<&str>) {
        let mut langs = [self.az(), self.en(), self.ru()];
        langs[lang as usize] = text;
        *self = Text::new(langs[0], langs[1], langs[2]);
    }

    /// The text to show: English, else Azerbaijani, else Russian, else the empty string.
    pub fn best(&self) -> &str {
        self.en().or(self.az()).or(self.ru()).unwrap_or("")
    }

    /// The text in `lang`, else in the other languages (English first for Russian, Azerbaijani
    /// first for English, English first for Azerbaijani), skipping blank ones; `None` when
    /// none is given.
    pub fn in_lang(&self, lang: Lang) -> Option<&str> {
        let order = match lang {
            Lang::En => [Lang::En, Lang::Az, Lang::Ru],
            Lang::Az => [Lang::Az, Lang::En, Lang::Ru],
            Lang::Ru => [Lang::Ru, Lang::En, Lang::Az],
        };
        order
            .into_iter()
            .filter_map(|l| self.get(l))
            .find(|s| !s.trim().is_empty())
    }

    /// True when no language is given (or all given ones are blank).
    pub fn is_empty(&self) -> bool {
        self.iter().all(|(_, s)| s.trim().is_empty())
    }
}

impl fmt::Debug for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut d = f.debug_struct("Text");
        for (lang, s) in self.iter() {
            d.field(lang.code(), &s);
        }
        d.finish()
    }
}

impl Serialize for Text {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(None)?;
        for (lang, text) in self.iter() {
            m.serialize_entry(lang.code(), text)?;
        }
        m.end()
    }
}

/// Deserializes one language's value (a string or null) straight into the records.
struct Value<'b>(&'b mut SmallVec<[u8; 64]>, Lang);

impl<'de> DeserializeSeed<'de> for Value<'_> {
    type Value = ();
    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_option(self)
    }
}

impl<'de> Visitor<'de> for Value<'_> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a string")
    }
    fn visit_none<E: de::Error>(self) -> Result<(), E> {
        Ok(())
    }
    fn visit_unit<E: de::Error>(self) -> Result<(), E> {
        Ok(())
    }
    fn visit_some<D: serde::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_str(self)
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<(), E> {
        put(self.0, self.1, v);
        Ok(())
    }
}

const FIELDS: &[&str] = &["az", "en", "ru"];

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Text;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("struct Text")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Text, A::Error> {
                // each language into its own buffer, so that any key order stores az, en, ru
                let mut parts: [Option<SmallVec<[u8; 64]>>; 3] = Default::default();
                while let Some(key) = map.next_key::<Cow<'de, str>>()? {
                    let lang = match key.as_ref() {
                        "az" => Lang::Az,
                        "en" => Lang::En,
                        "ru" => Lang::Ru,
                        other => return Err(de::Error::unknown_field(other, FIELDS)),
                    };
                    let slot = &mut parts[lang as usize];
                    if slot.is_some() {
                        return Err(de::Error::duplicate_field(lang.code()));
                    }
                    let buf = slot.insert(SmallVec::new());
                    map.next_value_seed(Value(buf, lang))?;
                }
                let mut all: SmallVec<[u8; 64]> = SmallVec::new();
                for p in parts.iter().flatten() {
                    all.extend_from_slice(p);
                }
                Ok(Text::packed(&all))
            }
        }
        d.deserialize_struct("Text", FIELDS, V)
    }
}

// The on-disk shape of `Text`, for the JSON Schema only; its doc comment is the schema's
// description.
/// A text in several languages. `az` and `en` are expected on the strategy title; other entities
/// need at least one language. Rendering picks `en`, then `az`, then `ru`.
#[derive(JsonSchema)]
#[schemars(rename = "Text", deny_unknown_fields)]
#[allow(dead_code)]
struct TextSchema {
    /// Azerbaijani.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    az: Option<String>,
    /// English.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    en: Option<String>,
    /// Russian.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    ru: Option<String>,
}

impl JsonSchema for Text {
    fn schema_name() -> Cow<'static, str> {
        TextSchema::schema_name()
    }
    fn schema_id() -> Cow<'static, str> {
        TextSchema::schema_id()
    }
    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        TextSchema::json_schema(generator)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_languages_in_order_whatever_the_key_order() {
        let t: Text = serde_json::from_str(r#"{"ru": "Музей", "az": "Muzey", "en": ""}"#).unwrap();
        assert_eq!(t.az(), Some("Muzey"));
        assert_eq!(t.en(), Some(""));
        assert_eq!(t.ru(), Some("Музей"));
        assert_eq!(t, Text::new(Some("Muzey"), Some(""), Some("Музей")));
        assert_eq!(
            serde_json::to_string(&t).unwrap(),
            r#"{"az":"Muzey","en":"","ru":"Музей"}"#
        );
        assert_eq!(t.best(), "");
        assert!(!t.is_empty());
        let null: Text = serde_json::from_str(r#"{"en": null, "az": "x"}"#).unwrap();
        assert_eq!(null, Text::new(Some("x"), None, None));
        assert!(Text::default().is_empty());
        assert!(Text::new(None, Some("  "), None).is_empty());
    }

    #[test]
    fn set_and_long_texts() {
        let long = "ə".repeat(200); // 400 bytes: a two-byte length
        let mut t = Text::english("short");
        t.set(Lang::Az, Some(&long));
        assert_eq!(t.az(), Some(long.as_str()));
        assert_eq!(t.en(), Some("short"));
        assert_eq!(t.best(), "short");
        t.set(Lang::En, None);
        assert_eq!(t.best(), long);
        assert_eq!(format!("{t:?}"), format!("Text {{ az: {long:?} }}"));
        let back: Text = serde_json::from_str(&serde_json::to_string(&t).unwrap()).unwrap();
        assert_eq!(back, t);
    }

    #[test]
    fn rejects_bad_texts() {
        for bad in [
            r#"{"de": "x"}"#,
            r#"{"en": "x", "en": "y"}"#,
            r#"{"en": 1}"#,
            r#""x""#,
            r#"["x"]"#,
        ] {
            assert!(serde_json::from_str::<Text>(bad).is_err(), "{bad}");
        }
    }
}
