//! Serde helpers: dates as ISO `YYYY-MM-DD` strings.

use jiff::civil::Date;
use serde::{Deserialize, Deserializer, Serializer};

fn parse<'de, D: Deserializer<'de>>(s: &str) -> Result<Date, D::Error> {
    s.parse::<Date>()
        .map_err(|e| serde::de::Error::custom(format!("`{s}` is not an ISO date: {e}")))
}

/// `Date` ⇄ `"YYYY-MM-DD"`.
pub(crate) mod iso {
    use super::*;

    pub(crate) fn serialize<S: Serializer>(d: &Date, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(d)
    }

    pub(crate) fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Date, D::Error> {
        let s = std::borrow::Cow::<'de, str>::deserialize(d)?;
        parse::<D>(&s)
    }
}

/// `Option<Date>` ⇄ `"YYYY-MM-DD"` or null.
pub(crate) mod iso_opt {
    use super::*;

    pub(crate) fn serialize<S: Serializer>(d: &Option<Date>, s: S) -> Result<S::Ok, S::Error> {
        match d {
            Some(d) => s.collect_str(d),
            None => s.serialize_none(),
        }
    }

    pub(crate) fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Date>, D::Error> {
        match Option::<std::borrow::Cow<'de, str>>::deserialize(d)? {
            Some(s) => parse::<D>(&s).map(Some),
            None => Ok(None),
        }
    }
}

/// `Vec<Date>` ⇄ `["YYYY-MM-DD", ...]`.
pub(crate) mod iso_vec {
    use super::*;
    use serde::ser::SerializeSeq;

    pub(crate) fn serialize<S: Serializer>(v: &[Date], s: S) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(Some(v.len()))?;
        for d in v {
            seq.serialize_element(&d.to_string())?;
        }
        seq.end()
    }

    pub(crate) fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<Date>, D::Error> {
        Vec::<std::borrow::Cow<'de, str>>::deserialize(d)?
            .iter()
            .map(|s| parse::<D>(s))
            .collect()
    }
}

/// `Vec<Option<Date>>` ⇄ `["YYYY-MM-DD" or null, ...]`.
pub(crate) mod iso_opt_vec {
    use super::*;
    use serde::ser::SerializeSeq;

    pub(crate) fn serialize<S: Serializer>(v: &[Option<Date>], s: S) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(Some(v.len()))?;
        for d in v {
            seq.serialize_element(&d.map(|d| d.to_string()))?;
        }
        seq.end()
    }

    pub(crate) fn deserialize<'de, D: Deserializer<'de>>(
        d: D,
    ) -> Result<Vec<Option<Date>>, D::Error> {
        Vec::<Option<std::borrow::Cow<'de, str>>>::deserialize(d)?
            .iter()
            .map(|s| s.as_ref().map(|s| parse::<D>(s)).transpose())
            .collect()
    }
}
