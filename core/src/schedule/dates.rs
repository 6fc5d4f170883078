//! Serde helpers: dates as ISO `YYYY-MM-DD` strings.

use jiff::civil::Date;
use serde::{Deserialize, Deserializer, Serializer};

/// A calendar date written `YYYY-MM-DD`, read by the same parser as the document's periods
/// ([`crate::period::PeriodRef`]): strict (no times, offsets or annotations), so a date reads the
/// same everywhere, and without jiff's general Temporal parser (which the WASM build does not
/// need to carry).
pub(crate) fn parse_iso(s: &str) -> Option<Date> {
    use crate::period::{Granularity, PeriodRef};
    match s.parse::<PeriodRef>() {
        Ok(p) if p.granularity() == Granularity::Day && s.trim() == s => Some(p.first_day()),
        _ => None,
    }
}

fn parse<'de, D: Deserializer<'de>>(s: &str) -> Result<Date, D::Error> {
    parse_iso(s).ok_or_else(|| {
        serde::de::Error::custom(format!(
            "`{s}` is not an ISO date (YYYY-MM-DD, a real day of a year 1-9999)"
        ))
    })
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
