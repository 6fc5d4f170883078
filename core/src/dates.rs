//! Dates: ISO `YYYY-MM-DD` text (the serde helpers every result uses), day numbers (days since
//! 1970-01-01, exact integer arithmetic), the bounds of plausible durations, and the reporting
//! periods of a reporting rule. A foundation: the rules, the schedule and monitoring all count
//! days the same way.

use jiff::civil::Date;
use serde::{Deserialize, Deserializer, Serializer};

use crate::model::{Frequency, ReportingRule};
use crate::period::{Granularity, PeriodRef};

/// Largest duration or |lag| accepted, in days (100 years).
pub(crate) const MAX_DAYS: i64 = 36_500;

// ---- day numbers (days since 1970-01-01), exact integer arithmetic ----

/// Days since 1970-01-01 (proleptic Gregorian), H. Hinnant's `days_from_civil`.
pub(crate) fn day_number(d: Date) -> i64 {
    let (y, m, dd) = (
        i64::from(d.year()),
        i64::from(d.month()),
        i64::from(d.day()),
    );
    let y = if m <= 2 { y - 1 } else { y };
    let era = (if y >= 0 { y } else { y - 399 }) / 400;
    let yoe = y - era * 400;
    let mp = if m > 2 { m - 3 } else { m + 9 };
    let doy = (153 * mp + 2) / 5 + dd - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The date of a day number, or `None` outside jiff's range (years -9999..=9999).
pub(crate) fn date_of_number(n: i64) -> Option<Date> {
    if !(MIN_DAY..=MAX_DAY).contains(&n) {
        return None;
    }
    let z = n + 719_468;
    let era = (if z >= 0 { z } else { z - 146_096 }) / 146_097;
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    Date::new(y as i16, m as i8, d as i8).ok()
}

/// Day number of -9999-01-01 and 9999-12-31.
pub(crate) const MIN_DAY: i64 = -4_371_587;
pub(crate) const MAX_DAY: i64 = 2_932_896;

/// Day number as `i32` (dates are within ±10,000 years).
pub(crate) fn day_number_i32(d: Date) -> i32 {
    day_number(d) as i32
}

/// Parse `MM-DD`.
pub(crate) fn month_day(s: &str) -> Option<(i8, i8)> {
    let (m, d) = s.trim().split_once('-')?;
    if m.len() != 2 || d.len() != 2 {
        return None;
    }
    let m: i8 = m.parse().ok()?;
    let d: i8 = d.parse().ok()?;
    // 29 February is refused: it does not come every year
    Date::new(2023, m, d).ok()?;
    Some((m, d))
}

// ---- ISO dates ----

/// A calendar date written `YYYY-MM-DD`, read by the same parser as the document's periods
/// ([`crate::period::PeriodRef`]): strict (no times, offsets or annotations), so a date reads the
/// same everywhere, and without jiff's general Temporal parser (which the WASM build does not
/// need to carry).
pub(crate) fn parse_iso(s: &str) -> Option<Date> {
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

// ---- reporting periods ----

/// A reporting period with its due date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ReportingPeriod {
    pub label: String,
    pub start: Date,
    pub end: Date,
    /// `None` when the rule has no valid due day.
    pub due: Option<Date>,
}

/// The first of `due` (`MM-DD`) strictly after `end`.
pub(crate) fn due_after(due: &[String], end: Date) -> Option<Date> {
    let mut best: Option<Date> = None;
    for x in due {
        let Some((m, d)) = month_day(x) else { continue };
        for y in [end.year(), end.year().saturating_add(1)] {
            if let Ok(c) = Date::new(y, m, d)
                && c > end
            {
                best = Some(best.map_or(c, |b| b.min(c)));
                break;
            }
        }
    }
    best
}

/// The periods of `rule` that overlap `[from, to]`, in time order.
pub(crate) fn periods_of(rule: &ReportingRule, from: Date, to: Date) -> Vec<ReportingPeriod> {
    let mut out = Vec::new();
    if from > to {
        return out;
    }
    let (months, tag): (i8, &str) = match rule.every {
        Frequency::Year => (12, ""),
        Frequency::HalfYear => (6, "H"),
        Frequency::Quarter => (3, "Q"),
    };
    for y in from.year()..=to.year() {
        for k in 0..(12 / months) {
            let m0 = k * months + 1;
            let (Ok(start), Ok(last_month)) =
                (Date::new(y, m0, 1), Date::new(y, m0 + months - 1, 1))
            else {
                continue;
            };
            let end = last_month.last_of_month();
            if end < from || start > to {
                continue;
            }
            let label = if months == 12 {
                format!("{y}")
            } else {
                format!("{y}-{tag}{}", k + 1)
            };
            out.push(ReportingPeriod {
                label,
                start,
                end,
                due: due_after(&rule.due, end),
            });
        }
    }
    out
}
