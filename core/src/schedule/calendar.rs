//! Calendars as data, and the mapping between day offsets and dates.
//!
//! Without a calendar, an offset counts calendar days from the project start. Under a
//! [`Calendar`], an offset counts *working* days: offset `k` is the `k`-th working day on or
//! after the project start (negative offsets count working days before it), durations and lags
//! are working days, and every conversion skips weekends and holidays.

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use crate::dates::{MAX_DAY, MIN_DAY, date_of_number, day_number};
use crate::error::{Result, ScheduleError, ScheduleErrorKind};

/// A day of the week.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub enum Weekday {
    /// Monday.
    Monday,
    /// Tuesday.
    Tuesday,
    /// Wednesday.
    Wednesday,
    /// Thursday.
    Thursday,
    /// Friday.
    Friday,
    /// Saturday.
    Saturday,
    /// Sunday.
    Sunday,
}

impl Weekday {
    /// Every weekday, Monday first.
    pub const ALL: [Weekday; 7] = [
        Weekday::Monday,
        Weekday::Tuesday,
        Weekday::Wednesday,
        Weekday::Thursday,
        Weekday::Friday,
        Weekday::Saturday,
        Weekday::Sunday,
    ];

    /// 0 for Monday … 6 for Sunday.
    pub fn monday_zero(self) -> usize {
        self as usize
    }

    /// The weekday of a date.
    pub fn of(d: Date) -> Weekday {
        Weekday::ALL[d.weekday().to_monday_zero_offset() as usize]
    }
}

/// Working time as data: weekly non-working days plus listed holidays, and optional extra
/// working days (weekend days that are worked, as when a government moves a day off).
///
/// An empty calendar (no weekend, no holiday) makes every day a working day.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub struct Calendar {
    /// A name for reports, e.g. `Azerbaijan (illustrative)`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Weekly non-working days.
    #[serde(default)]
    pub weekend: Vec<Weekday>,
    /// Non-working dates (ISO `YYYY-MM-DD`).
    #[serde(default, with = "super::dates::iso_vec")]
    #[cfg_attr(feature = "wasm", tsify(type = "string[]"))]
    pub holidays: Vec<Date>,
    /// Weekend dates that are working days (ISO `YYYY-MM-DD`).
    #[serde(default, with = "super::dates::iso_vec")]
    #[cfg_attr(feature = "wasm", tsify(type = "string[]"))]
    pub extra_working_days: Vec<Date>,
}

impl Calendar {
    /// A calendar with these weekly non-working days and holidays.
    pub fn new(weekend: Vec<Weekday>, holidays: Vec<Date>) -> Calendar {
        Calendar {
            name: None,
            weekend,
            holidays,
            extra_working_days: vec![],
        }
    }

    /// Names of the built-in calendars accepted by [`Calendar::builtin`].
    pub const BUILTIN: &'static [&'static str] = &["azerbaijan_example", "weekdays"];

    /// A built-in calendar by name: `weekdays` ([`Calendar::weekdays`]) or `azerbaijan_example`
    /// ([`Calendar::azerbaijan_example`]). The bindings accept these names wherever a calendar
    /// is expected.
    pub fn builtin(name: &str) -> Option<Calendar> {
        match name {
            "weekdays" => Some(Calendar::weekdays()),
            "azerbaijan_example" => Some(Calendar::azerbaijan_example()),
            _ => None,
        }
    }

    /// Saturday and Sunday off, no holidays.
    pub fn weekdays() -> Calendar {
        Calendar::new(vec![Weekday::Saturday, Weekday::Sunday], vec![])
    }

    /// **Illustrative** Azerbaijani working calendar for 2024–2026: Saturday and Sunday off,
    /// the fixed-date public holidays of the Labour Code (Art. 105) for each year, and the
    /// religious holidays and moved days off that the Cabinet of Ministers announced and that
    /// we could check. It is an example of a calendar as data, not an official source; see
    /// `docs/scheduling.md` for what is in and what is left out.
    pub fn azerbaijan_example() -> Calendar {
        let mut holidays = Vec::new();
        for y in 2024i16..=2026 {
            for (m, d) in [
                (1, 1),   // New Year
                (1, 2),   // New Year
                (3, 8),   // Women's Day
                (3, 20),  // Novruz
                (3, 21),  // Novruz
                (3, 22),  // Novruz
                (3, 23),  // Novruz
                (3, 24),  // Novruz
                (5, 9),   // Victory over Fascism Day
                (5, 28),  // Independence Day
                (6, 15),  // National Salvation Day
                (6, 26),  // Armed Forces Day
                (11, 8),  // Victory Day
                (11, 9),  // State Flag Day
                (12, 31), // Solidarity Day of World Azerbaijanis
            ] {
                holidays.push(jiff::civil::date(y, m, d));
            }
        }
        // Cabinet of Ministers decisions as reported in the press (see docs/scheduling.md).
        for (y, m, d) in [
            (2024, 12, 30), // New Year bridge (worked on 2024-12-28/29 instead)
            (2025, 1, 3),   // New Year bridge
            (2025, 3, 25),  // Novruz days falling on the weekend, moved
            (2025, 3, 26),
            (2025, 3, 30), // Ramadan
            (2025, 3, 31), // Ramadan
            (2025, 4, 1),  // Ramadan day falling on a Sunday, moved
            (2025, 6, 6),  // Gurban
            (2025, 6, 7),  // Gurban
            (2025, 6, 9),  // Gurban day falling on a Saturday, moved to the next working day
            (2026, 3, 25), // Novruz days falling on the weekend, moved
            (2026, 3, 26),
            (2026, 3, 27), // Ramadan overlapping Novruz and the weekend, moved
            (2026, 3, 30),
        ] {
            holidays.push(jiff::civil::date(y, m, d));
        }
        holidays.sort_unstable();
        holidays.dedup();
        Calendar {
            name: Some("Azerbaijan 2024-2026 (illustrative)".into()),
            weekend: vec![Weekday::Saturday, Weekday::Sunday],
            holidays,
            extra_working_days: vec![
                jiff::civil::date(2024, 12, 28),
                jiff::civil::date(2024, 12, 29),
            ],
        }
    }

    /// Check the calendar: at least one working weekday, and no date both a holiday and an
    /// extra working day. Errors are located under `calendar`.
    pub fn validate(&self) -> Result<()> {
        let mut off = [false; 7];
        for w in &self.weekend {
            off[w.monday_zero()] = true;
        }
        if off.iter().all(|&b| b) {
            return Err(ScheduleError::new(
                ScheduleErrorKind::NoWorkingDays,
                "the calendar has no working day: every weekday is listed in `weekend`",
                "calendar.weekend",
            )
            .into());
        }
        let mut hol = self.holidays.clone();
        hol.sort_unstable();
        for (i, d) in self.extra_working_days.iter().enumerate() {
            if hol.binary_search(d).is_ok() {
                return Err(ScheduleError::new(
                    ScheduleErrorKind::ConflictingCalendarDay,
                    format!("`{d}` is both a holiday and an extra working day"),
                    format!("calendar.extra_working_days[{i}]"),
                )
                .into());
            }
        }
        Ok(())
    }

    /// True when `d` is a working day under this calendar.
    pub fn is_working_day(&self, d: Date) -> bool {
        if self.extra_working_days.contains(&d) {
            return true;
        }
        !self.weekend.contains(&Weekday::of(d)) && !self.holidays.contains(&d)
    }
}

/// Monday-zero weekday of a day number (1970-01-01 was a Thursday).
#[inline]
fn weekday_of_number(n: i64) -> usize {
    (n + 3).rem_euclid(7) as usize
}

/// Offsets ↔ dates for one project start and (optional) calendar.
#[derive(Debug, Clone)]
pub(crate) struct WorkingDays {
    /// Day number of the project start.
    start: i64,
    work: Option<WorkWeek>,
}

#[derive(Debug, Clone)]
struct WorkWeek {
    /// Working weekday flags, Monday first.
    is_work: [bool; 7],
    per_week: i64,
    /// Holidays on working weekdays, day numbers, sorted, unique.
    hol: Vec<i64>,
    /// Extra working days on weekend weekdays, day numbers, sorted, unique.
    extra: Vec<i64>,
}

impl WorkWeek {
    /// Working days in `[a, b)`, `a <= b`.
    fn count(&self, a: i64, b: i64) -> i64 {
        let span = b - a;
        let full = span / 7;
        let mut c = full * self.per_week;
        let mut d = a + full * 7;
        while d < b {
            c += i64::from(self.is_work[weekday_of_number(d)]);
            d += 1;
        }
        let h = self.hol.partition_point(|&x| x < b) - self.hol.partition_point(|&x| x < a);
        let e = self.extra.partition_point(|&x| x < b) - self.extra.partition_point(|&x| x < a);
        c - h as i64 + e as i64
    }

    fn is_working(&self, n: i64) -> bool {
        if self.extra.binary_search(&n).is_ok() {
            return true;
        }
        self.is_work[weekday_of_number(n)] && self.hol.binary_search(&n).is_err()
    }
}

impl WorkingDays {
    /// Build for a project start and calendar (validated here).
    pub(crate) fn new(start: Date, calendar: Option<&Calendar>) -> Result<WorkingDays> {
        let start = day_number(start);
        let work = match calendar {
            None => None,
            Some(cal) => {
                cal.validate()?;
                let mut is_work = [true; 7];
                for w in &cal.weekend {
                    is_work[w.monday_zero()] = false;
                }
                let per_week = is_work.iter().filter(|&&b| b).count() as i64;
                let mut hol: Vec<i64> = cal
                    .holidays
                    .iter()
                    .map(|&d| day_number(d))
                    .filter(|&n| is_work[weekday_of_number(n)])
                    .collect();
                hol.sort_unstable();
                hol.dedup();
                let mut extra: Vec<i64> = cal
                    .extra_working_days
                    .iter()
                    .map(|&d| day_number(d))
                    .filter(|&n| !is_work[weekday_of_number(n)])
                    .collect();
                extra.sort_unstable();
                extra.dedup();
                Some(WorkWeek {
                    is_work,
                    per_week,
                    hol,
                    extra,
                })
            }
        };
        Ok(WorkingDays { start, work })
    }

    /// Offset of the beginning of day number `n` (for a non-working day: of the next working
    /// day).
    fn offset_of_number(&self, n: i64) -> i64 {
        match &self.work {
            None => n - self.start,
            Some(w) if n >= self.start => w.count(self.start, n),
            Some(w) => -w.count(n, self.start),
        }
    }

    /// Offset at which work on `d` can start: the start of `d`, or of the next working day.
    pub(crate) fn start_offset(&self, d: Date) -> i64 {
        self.offset_of_number(day_number(d))
    }

    /// Exclusive offset for "by the end of `d`": the number of (working) days from the project
    /// start through `d`.
    pub(crate) fn end_offset(&self, d: Date) -> i64 {
        self.offset_of_number(day_number(d) + 1)
    }

    /// Working (or calendar) days in `[a, b]`, inclusive.
    pub(crate) fn days_in(&self, a: Date, b: Date) -> i64 {
        self.end_offset(b) - self.start_offset(a)
    }

    /// The date of day offset `k` (the `k`-th working day from the start), or `None` beyond
    /// the supported range.
    pub(crate) fn date_of(&self, k: i64) -> Option<Date> {
        match &self.work {
            None => date_of_number(self.start.checked_add(k)?),
            Some(w) => {
                // smallest n with offset_of_number(n + 1) > k: the working day with offset k
                let guess = self.start + k.saturating_mul(7) / w.per_week;
                let mut step = 16i64;
                let mut lo = guess.saturating_sub(step);
                while self.offset_of_number(lo + 1) > k {
                    step = step.saturating_mul(2);
                    lo = guess.saturating_sub(step);
                    if lo < MIN_DAY {
                        return None;
                    }
                }
                step = 16;
                let mut hi = guess.saturating_add(step);
                while self.offset_of_number(hi + 1) <= k {
                    step = step.saturating_mul(2);
                    hi = guess.saturating_add(step);
                    if hi > MAX_DAY {
                        return None;
                    }
                }
                // invariant: f(lo) <= k < f(hi), f(n) = offset_of_number(n + 1)
                while hi - lo > 1 {
                    let mid = lo + (hi - lo) / 2;
                    if self.offset_of_number(mid + 1) > k {
                        hi = mid;
                    } else {
                        lo = mid;
                    }
                }
                debug_assert!(w.is_working(hi));
                date_of_number(hi)
            }
        }
    }

    /// The date on which an activity occupying `[start, finish)` starts and the date of its
    /// last day. A zero-duration activity sits on a day boundary and shows the day that ends
    /// there (like a milestone after a task in MS Project / P6) unless `pinned` (the boundary
    /// is the project start or the measure's own start constraint), when it shows the day
    /// that begins there.
    pub(crate) fn span_dates(&self, start: i64, finish: i64, pinned: bool) -> Option<(Date, Date)> {
        if finish > start {
            Some((self.date_of(start)?, self.date_of(finish - 1)?))
        } else {
            let d = if start > 0 && !pinned {
                self.date_of(start - 1)?
            } else {
                self.date_of(start)?
            };
            Some((d, d))
        }
    }

    /// The date of the last day before an exclusive finish offset (the project start for 0).
    pub(crate) fn finish_date(&self, finish: i64) -> Option<Date> {
        if finish > 0 {
            self.date_of(finish - 1)
        } else {
            self.date_of(finish)
        }
    }

    /// The error for an offset that has no date.
    pub(crate) fn out_of_range(what: &str, offset: i64, path: String) -> crate::Error {
        ScheduleError::new(
            ScheduleErrorKind::DateOutOfRange,
            format!("{what} at day offset {offset} falls beyond the supported dates (years -9999..=9999)"),
            path,
        )
        .into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_calendars_by_name() {
        assert_eq!(Calendar::builtin("weekdays"), Some(Calendar::weekdays()));
        assert_eq!(
            Calendar::builtin("azerbaijan_example"),
            Some(Calendar::azerbaijan_example())
        );
        assert_eq!(Calendar::builtin("mars"), None);
        for name in Calendar::BUILTIN {
            assert!(Calendar::builtin(name).is_some(), "{name}");
        }
    }
    use jiff::civil::date;

    #[test]
    fn day_numbers_round_trip() {
        assert_eq!(day_number(date(1970, 1, 1)), 0);
        assert_eq!(day_number(date(2024, 1, 1)), 19_723);
        assert_eq!(day_number(Date::MIN), MIN_DAY);
        assert_eq!(day_number(Date::MAX), MAX_DAY);
        for n in (MIN_DAY..=MAX_DAY).step_by(997) {
            let d = date_of_number(n).unwrap();
            assert_eq!(day_number(d), n);
        }
        assert_eq!(date_of_number(MAX_DAY + 1), None);
        assert_eq!(weekday_of_number(day_number(date(2024, 1, 1))), 0); // a Monday
    }

    #[test]
    fn working_day_offsets() {
        // 2024-01-01 is a Monday; Saturday and Sunday off, 2024-01-03 a holiday.
        let cal = Calendar::new(
            vec![Weekday::Saturday, Weekday::Sunday],
            vec![date(2024, 1, 3)],
        );
        let m = WorkingDays::new(date(2024, 1, 1), Some(&cal)).unwrap();
        assert_eq!(m.date_of(0), Some(date(2024, 1, 1)));
        assert_eq!(m.date_of(1), Some(date(2024, 1, 2)));
        assert_eq!(m.date_of(2), Some(date(2024, 1, 4)));
        assert_eq!(m.date_of(3), Some(date(2024, 1, 5)));
        assert_eq!(m.date_of(4), Some(date(2024, 1, 8)));
        assert_eq!(m.date_of(-1), Some(date(2023, 12, 29)));
        assert_eq!(m.start_offset(date(2024, 1, 6)), 4); // Saturday → next Monday
        assert_eq!(m.end_offset(date(2024, 1, 7)), 4);
        assert_eq!(m.days_in(date(2024, 1, 1), date(2024, 1, 7)), 4);
        for k in -400..400 {
            let d = m.date_of(k).unwrap();
            assert!(cal.is_working_day(d));
            assert_eq!(m.start_offset(d), k);
        }
    }

    #[test]
    fn calendar_errors_are_located() {
        let cal = Calendar::new(Weekday::ALL.to_vec(), vec![]);
        let e = cal.validate().unwrap_err();
        assert_eq!(e.code(), "schedule_error");
        assert_eq!(e.location().as_deref(), Some("calendar.weekend"));
        let mut cal = Calendar::weekdays();
        cal.holidays.push(date(2024, 1, 6));
        cal.extra_working_days.push(date(2024, 1, 6));
        let e = cal.validate().unwrap_err();
        assert_eq!(
            e.location().as_deref(),
            Some("calendar.extra_working_days[0]")
        );
    }

    #[test]
    fn azerbaijan_example_is_consistent() {
        let cal = Calendar::azerbaijan_example();
        cal.validate().unwrap();
        assert!(!cal.is_working_day(date(2025, 3, 20)));
        assert!(!cal.is_working_day(date(2025, 6, 9)));
        assert!(cal.is_working_day(date(2025, 1, 20))); // a memorial day, not a day off
        assert!(cal.is_working_day(date(2024, 12, 28))); // a Saturday worked
        for d in &cal.holidays {
            assert!(!cal.is_working_day(*d));
        }
    }
}
