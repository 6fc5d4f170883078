//! Period references: a year `2025`, a quarter `2025-Q3`, a month `2025-06` or a date
//! `2025-06-30`.
//!
//! Normalisation: a reference used as a *start* means the first day of its period
//! ([`PeriodRef::first_day`]: `2025` → 2025-01-01, `2025-Q3` → 2025-07-01, `2025-06` →
//! 2025-06-01); used as an *end* or *deadline* it means the last day ([`PeriodRef::last_day`]:
//! `2025` → 2025-12-31, `2025-Q3` → 2025-09-30, `2025-06` → 2025-06-30). A date is itself either
//! way. The original spelling is kept, so saving a document writes what was read.

use std::fmt;
use std::str::FromStr;

use jiff::civil::Date;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The granularity of a [`PeriodRef`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Granularity {
    /// A whole year.
    Year,
    /// A quarter (1..=4).
    Quarter,
    /// A month (1..=12).
    Month,
    /// A single day.
    Day,
}

/// A year, quarter, month or day, keeping its original spelling.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct PeriodRef {
    granularity: Granularity,
    first: Date,
    last: Date,
    /// Written as a bare number (`2025`) rather than a string (`"2025"`).
    numeric: bool,
}

/// Why a period reference could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PeriodParseError {
    input: String,
}

impl fmt::Display for PeriodParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "`{}` is not a year (2025), quarter (2025-Q3), month (2025-06) or date (2025-06-30)",
            self.input
        )
    }
}

impl std::error::Error for PeriodParseError {}

impl PeriodRef {
    /// A whole year.
    pub fn year(year: i16) -> Result<Self, PeriodParseError> {
        let err = || PeriodParseError {
            input: year.to_string(),
        };
        let first = Date::new(year, 1, 1).map_err(|_| err())?;
        let last = Date::new(year, 12, 31).map_err(|_| err())?;
        Ok(PeriodRef {
            granularity: Granularity::Year,
            first,
            last,
            numeric: false,
        })
    }

    /// A single day.
    pub fn date(d: Date) -> Self {
        PeriodRef {
            granularity: Granularity::Day,
            first: d,
            last: d,
            numeric: false,
        }
    }

    /// Granularity as written.
    pub fn granularity(&self) -> Granularity {
        self.granularity
    }

    /// The first day of the period (the normalised *start*).
    pub fn first_day(&self) -> Date {
        self.first
    }

    /// The last day of the period (the normalised *end* / *deadline*).
    pub fn last_day(&self) -> Date {
        self.last
    }

    /// The calendar year of the first day.
    pub fn year_of(&self) -> i16 {
        self.first.year()
    }
}

fn parse_int<T: FromStr>(s: &str) -> Option<T> {
    if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

impl FromStr for PeriodRef {
    type Err = PeriodParseError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let err = || PeriodParseError {
            input: s.to_owned(),
        };
        let t = s.trim();
        let mut parts = t.split('-');
        let y = parts.next().ok_or_else(err)?;
        if y.len() != 4 {
            return Err(err());
        }
        let year: i16 = parse_int(y).ok_or_else(err)?;
        let second = parts.next();
        let third = parts.next();
        if parts.next().is_some() {
            return Err(err());
        }
        let (granularity, first, last) = match (second, third) {
            (None, _) => (
                Granularity::Year,
                Date::new(year, 1, 1),
                Date::new(year, 12, 31),
            ),
            (Some(q), None) if q.len() == 2 && (q.starts_with('Q') || q.starts_with('q')) => {
                let q: i8 = parse_int(&q[1..]).ok_or_else(err)?;
                if !(1..=4).contains(&q) {
                    return Err(err());
                }
                let m0 = (q - 1) * 3 + 1;
                let first = Date::new(year, m0, 1).map_err(|_| err())?;
                let last = Date::new(year, m0 + 2, 1)
                    .map_err(|_| err())?
                    .last_of_month();
                (Granularity::Quarter, Ok(first), Ok(last))
            }
            (Some(m), None) if m.len() == 2 => {
                let m: i8 = parse_int(m).ok_or_else(err)?;
                let first = Date::new(year, m, 1).map_err(|_| err())?;
                (Granularity::Month, Ok(first), Ok(first.last_of_month()))
            }
            (Some(m), Some(d)) if m.len() == 2 && d.len() == 2 => {
                let m: i8 = parse_int(m).ok_or_else(err)?;
                let d: i8 = parse_int(d).ok_or_else(err)?;
                let date = Date::new(year, m, d).map_err(|_| err())?;
                (Granularity::Day, Ok(date), Ok(date))
            }
            _ => return Err(err()),
        };
        Ok(PeriodRef {
            granularity,
            first: first.map_err(|_| err())?,
            last: last.map_err(|_| err())?,
            numeric: false,
        })
    }
}

impl fmt::Display for PeriodRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let d = self.first;
        match self.granularity {
            Granularity::Year => write!(f, "{:04}", d.year()),
            Granularity::Quarter => write!(f, "{:04}-Q{}", d.year(), (d.month() - 1) / 3 + 1),
            Granularity::Month => write!(f, "{:04}-{:02}", d.year(), d.month()),
            Granularity::Day => write!(f, "{:04}-{:02}-{:02}", d.year(), d.month(), d.day()),
        }
    }
}

impl Serialize for PeriodRef {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        if self.numeric && self.granularity == Granularity::Year {
            s.serialize_i64(i64::from(self.first.year()))
        } else {
            s.collect_str(self)
        }
    }
}

impl<'de> Deserialize<'de> for PeriodRef {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl serde::de::Visitor<'_> for V {
            type Value = PeriodRef;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a year (2025), quarter (\"2025-Q3\"), month (\"2025-06\") or date (\"2025-06-30\")")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<PeriodRef, E> {
                v.parse().map_err(E::custom)
            }
            fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<PeriodRef, E> {
                let y = i16::try_from(v)
                    .ok()
                    .filter(|y| (1..=9999).contains(y))
                    .ok_or_else(|| E::custom(format!("`{v}` is not a year between 1 and 9999")))?;
                let mut p = PeriodRef::year(y).map_err(E::custom)?;
                p.numeric = true;
                Ok(p)
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<PeriodRef, E> {
                self.visit_i64(i64::try_from(v).unwrap_or(i64::MAX))
            }
        }
        d.deserialize_any(V)
    }
}

impl JsonSchema for PeriodRef {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "PeriodRef".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "A year (2025), quarter (2025-Q3), month (2025-06) or date (2025-06-30). As a start it means the first day of the period, as an end or deadline the last day.",
            "oneOf": [
                {"type": "integer", "minimum": 1, "maximum": 9999},
                {"type": "string", "pattern": "^[0-9]{4}(-[Qq][1-4]|-[0-9]{2}(-[0-9]{2})?)?$"}
            ]
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> PeriodRef {
        s.parse().unwrap()
    }

    #[test]
    fn normalises_each_granularity() {
        assert_eq!(p("2025").first_day().to_string(), "2025-01-01");
        assert_eq!(p("2025").last_day().to_string(), "2025-12-31");
        assert_eq!(p("2025-Q3").first_day().to_string(), "2025-07-01");
        assert_eq!(p("2025-Q3").last_day().to_string(), "2025-09-30");
        assert_eq!(p("2024-Q1").last_day().to_string(), "2024-03-31");
        assert_eq!(p("2024-02").last_day().to_string(), "2024-02-29");
        assert_eq!(p("2025-06-30").first_day().to_string(), "2025-06-30");
        for s in ["2025", "2025-Q3", "2025-06", "2025-06-30"] {
            assert_eq!(p(s).to_string(), s);
        }
    }

    #[test]
    fn rejects_malformed() {
        for s in [
            "",
            "25",
            "2025-Q5",
            "2025-13",
            "2025-02-30",
            "2025-1",
            "x025",
            "2025-06-30-1",
            "+2025",
        ] {
            assert!(s.parse::<PeriodRef>().is_err(), "{s}");
        }
    }

    #[test]
    fn numeric_year_round_trips_as_number() {
        let v: PeriodRef = serde_json::from_str("2025").unwrap();
        assert_eq!(serde_json::to_string(&v).unwrap(), "2025");
        let v: PeriodRef = serde_json::from_str("\"2025\"").unwrap();
        assert_eq!(serde_json::to_string(&v).unwrap(), "\"2025\"");
        assert!(serde_json::from_str::<PeriodRef>("-3").is_err());
    }
}
