//! Named baselines: taking one from the current schedule ([`Strategy::with_baseline`]) and
//! comparing a schedule with one (option [`ScheduleOptions::baseline`], giving
//! [`BaselineColumns`]). `docs/scheduling.md`, "Baselines", has the conventions.

use std::collections::HashMap;

use jiff::civil::Date;

use super::{BaselineColumns, Schedule, ScheduleOptions};
use crate::error::{ArgumentError, Result};
use crate::model::{Baseline, BaselineMeasure, Document};
use crate::period::PeriodRef;
use crate::strategy::Strategy;

/// The baseline named by `opts.baseline` compared with `schedule`, attached to it. An unknown
/// id is an argument error naming the nearest; baseline entries for unknown measures are left
/// out (validation reports them).
pub(crate) fn attach(
    doc: &Document,
    opts: &ScheduleOptions,
    schedule: &mut Schedule,
) -> Result<()> {
    let Some(id) = opts.baseline.as_deref() else {
        return Ok(());
    };
    let Some(b) = doc.baselines.iter().find(|b| b.id == id) else {
        let message =
            crate::suggest::unknown("baseline", id, doc.baselines.iter().map(|b| b.id.as_str()));
        return Err(ArgumentError::at(message, "baseline").into());
    };
    let map = schedule.day_map()?;
    let entries: HashMap<&str, usize> = b
        .measures
        .iter()
        .enumerate()
        .rev()
        .map(|(k, e)| (e.measure.as_str(), k))
        .collect();
    let n = schedule.ids.len();
    let mut cols = BaselineColumns {
        id: b.id.to_string(),
        taken: b.taken.last_day(),
        start: vec![None; n],
        finish: vec![None; n],
        start_variance_days: vec![None; n],
        finish_variance_days: vec![None; n],
    };
    if !entries.is_empty() {
        for (row, m) in schedule.ids.iter().enumerate() {
            let Some(&k) = entries.get(m.as_str()) else {
                continue;
            };
            let e = &b.measures[k];
            let (start, finish) = (e.start.first_day(), e.finish.last_day());
            cols.start[row] = Some(start);
            cols.finish[row] = Some(finish);
            // compare the dates as shown (a milestone shows the day its offset ends), each
            // date read as the working day it falls on or, off the calendar, the next one
            let (es, ef) = (schedule.early_start[row], schedule.early_finish[row]);
            let pinned = schedule.start_constraint(row) == Some(es);
            if let Some((cur_start, cur_finish)) =
                map.span_dates(i64::from(es), i64::from(ef), pinned)
            {
                let days = |a: Date, b: Date| map.start_offset(a) - map.start_offset(b);
                cols.start_variance_days[row] = narrow(days(start, cur_start));
                cols.finish_variance_days[row] = narrow(days(finish, cur_finish));
            }
        }
    }
    schedule.baseline = Some(cols);
    Ok(())
}

/// A variance as `i32` (dates of years ±9999 stay far inside; `None` otherwise).
fn narrow(days: i64) -> Option<i32> {
    i32::try_from(days).ok()
}

impl Strategy {
    /// A copy of this strategy holding a new baseline `id`: the measures' early start and
    /// finish dates of the schedule computed with `opts` (its own `baseline` option is
    /// ignored), taken on `taken` — by default the status date when `opts` has one, else the
    /// schedule's project start, so that the result never depends on the clock. A baseline
    /// with the same id is replaced in place (MS Project's "Set Baseline" over an existing
    /// one); otherwise the new one is appended.
    ///
    /// ```
    /// use eculture::Strategy;
    /// use eculture::schedule::ScheduleOptions;
    ///
    /// let s = Strategy::e_culture();
    /// let b = s.with_baseline("approved", None, &ScheduleOptions::default()).unwrap();
    /// let opts = ScheduleOptions { baseline: Some("approved".into()), ..Default::default() };
    /// let r = &b.schedule(&opts).unwrap().records().unwrap()[0];
    /// assert_eq!(r.finish_variance_days, Some(0));
    /// ```
    pub fn with_baseline(
        &self,
        id: &str,
        taken: Option<Date>,
        opts: &ScheduleOptions,
    ) -> Result<Strategy> {
        if id.trim().is_empty() {
            return Err(ArgumentError::at("a baseline id must not be empty", "id").into());
        }
        let plain = ScheduleOptions {
            baseline: None,
            ..opts.clone()
        };
        let schedule = self.schedule(&plain)?;
        let measures = schedule
            .records()?
            .into_iter()
            .map(|r| BaselineMeasure {
                measure: r.id.into(),
                start: PeriodRef::date(r.early_start_date),
                finish: PeriodRef::date(r.early_finish_date),
            })
            .collect();
        let taken = taken.or(opts.status_date).unwrap_or(schedule.project_start);
        let baseline = Baseline {
            id: id.into(),
            taken: PeriodRef::date(taken),
            note: None,
            measures,
        };
        let mut doc = self.document().clone();
        match doc.baselines.iter_mut().find(|b| b.id == id) {
            Some(old) => *old = baseline,
            None => doc.baselines.push(baseline),
        }
        Ok(Strategy::new(doc))
    }
}
