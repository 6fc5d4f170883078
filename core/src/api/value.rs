//! [`BindingValue`]: plain data from a binding, NaN and infinity kept visible.

use serde_json::{Map, Value};

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
