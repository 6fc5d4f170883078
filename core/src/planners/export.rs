//! What both writers need, computed once: the schedule, the calendar, the tasks in outline
//! order (directions then their measures) and every relation.

use jiff::civil::Date;

use crate::error::Result;
use crate::model::RelationType;
use crate::schedule::{Calendar, Schedule, ScheduleOptions};
use crate::strategy::Strategy;

/// One relation into a measure: the predecessor's row, the type and the lag in (working) days.
pub(crate) struct Link {
    pub pred: u32,
    pub kind: RelationType,
    pub lag: i32,
}

/// A group of the outline: a direction (its index) and its measures' rows, or the measures
/// whose direction is unknown (`None`, written without a summary).
pub(crate) struct Group {
    pub direction: Option<usize>,
    pub rows: Vec<usize>,
}

pub(crate) struct Plan<'a> {
    pub strategy: &'a Strategy,
    pub schedule: Schedule,
    /// The calendar written: the options' one, else every day a working day.
    pub calendar: Calendar,
    pub groups: Vec<Group>,
    /// Relations into each measure (by row), written ones first, then derived ones.
    pub links: Vec<Vec<Link>>,
    /// Early start and finish dates (first and last day of work) by row.
    pub early: Vec<(Date, Date)>,
    /// Whether a zero-duration measure sits at the start of its day (project start or its own
    /// start constraint) rather than at the end of the day before.
    pub at_day_start: Vec<bool>,
    /// The project finish (last day of work).
    pub finish: Date,
}

impl<'a> Plan<'a> {
    pub(crate) fn new(s: &'a Strategy, opts: &ScheduleOptions) -> Result<Plan<'a>> {
        let schedule = s.schedule(opts)?;
        let edges = s.dependencies()?;
        let doc = s.document();
        let row: hashbrown::HashMap<&str, u32> = doc
            .measures
            .iter()
            .enumerate()
            .map(|(i, m)| (m.id.as_str(), i as u32))
            .collect();
        let mut links: Vec<Vec<Link>> = (0..doc.measures.len()).map(|_| Vec::new()).collect();
        for e in &edges {
            if let (Some(&p), Some(&t)) = (row.get(e.from.as_str()), row.get(e.to.as_str())) {
                links[t as usize].push(Link {
                    pred: p,
                    kind: relation(&e.relation),
                    lag: e.lag_days,
                });
            }
        }
        let records = schedule.records()?;
        let early = records
            .iter()
            .map(|r| (r.early_start_date, r.early_finish_date))
            .collect();
        let at_day_start = records
            .iter()
            .enumerate()
            .map(|(i, r)| {
                r.early_start == 0
                    || schedule
                        .start_constraints
                        .binary_search_by_key(&(i as u32), |c| c.index)
                        .is_ok_and(|k| {
                            i64::from(schedule.start_constraints[k].offset) == r.early_start
                        })
            })
            .collect();
        let finish = schedule.finish_date()?;
        let calendar = opts
            .calendar
            .clone()
            .unwrap_or_else(|| Calendar::new(vec![], vec![]));
        Ok(Plan {
            groups: groups(s),
            strategy: s,
            schedule,
            calendar,
            links,
            early,
            at_day_start,
            finish,
        })
    }

    /// The calendar's name in the file.
    pub(crate) fn calendar_name(&self) -> String {
        match (&self.calendar.name, self.schedule.calendar.is_some()) {
            (Some(n), _) => n.clone(),
            (None, true) => "Standard".to_owned(),
            (None, false) => "Every day (eculture, no calendar)".to_owned(),
        }
    }

    /// Whether a weekday (0 = Monday) is worked.
    pub(crate) fn works(&self, monday_zero: usize) -> bool {
        !self
            .calendar
            .weekend
            .iter()
            .any(|w| w.monday_zero() == monday_zero)
    }

    /// The start constraint (start no earlier than) of a measure: its `start`'s first day.
    pub(crate) fn start_constraint(&self, row: usize) -> Option<Date> {
        self.strategy.document().measures[row]
            .start
            .as_ref()
            .map(|p| p.first_day())
    }

    /// The deadline (finish no later than, the last day) of a measure.
    pub(crate) fn deadline(&self, row: usize) -> Option<Date> {
        self.strategy.document().measures[row]
            .deadline
            .as_ref()
            .map(|p| p.last_day())
    }

    /// The baseline start and finish of a measure, with `opts.baseline`.
    pub(crate) fn baseline(&self, row: usize) -> Option<(Date, Date)> {
        let b = self.schedule.baseline.as_ref()?;
        Some((b.start[row]?, b.finish[row]?))
    }

    /// The title of a measure or direction in the file: English, else Azerbaijani, else
    /// Russian.
    pub(crate) fn title(text: &crate::model::Text) -> &str {
        text.best()
    }
}

pub(crate) fn relation(s: &str) -> RelationType {
    match s {
        "SS" => RelationType::SS,
        "FF" => RelationType::FF,
        "SF" => RelationType::SF,
        _ => RelationType::FS,
    }
}

/// Directions in document order, each with its measures in document order; the measures of
/// an unknown direction last.
fn groups(s: &Strategy) -> Vec<Group> {
    let doc = s.document();
    let by_id: hashbrown::HashMap<&str, usize> = doc
        .directions
        .iter()
        .enumerate()
        .map(|(i, d)| (d.id.as_str(), i))
        .collect();
    let mut rows: Vec<Vec<usize>> = vec![Vec::new(); doc.directions.len()];
    let mut orphans = Vec::new();
    for (i, m) in doc.measures.iter().enumerate() {
        match by_id.get(m.direction.as_str()) {
            Some(&d) => rows[d].push(i),
            None => orphans.push(i),
        }
    }
    let mut out: Vec<Group> = rows
        .into_iter()
        .enumerate()
        .map(|(d, rows)| Group {
            direction: Some(d),
            rows,
        })
        .collect();
    if !orphans.is_empty() {
        out.push(Group {
            direction: None,
            rows: orphans,
        });
    }
    out
}

/// Day number since 1899-12-30 (P6's and Excel's day 0): the XER calendar's exception dates.
pub(crate) fn serial_day(d: Date) -> i64 {
    crate::dates::day_number(d) + 25_569
}
