//! The forecast as of a status date (P6's *data date*): progress from the executors' reports
//! applied to the plan before the CPM passes.
//!
//! With `status_date = D` (offset `dd`, the first day of remaining work):
//!
//! * **executed** measures sit on their actual dates: `actual_start` .. `actual_finish`
//!   (without `actual_start`: the planned duration before the finish; without
//!   `actual_finish`: finished at `D`). Their predecessors no longer move them.
//! * **in progress** (partially executed, or any other status with an `actual_start`): the
//!   remaining work — `remaining_days` when reported, else `duration × (1 − percent/100)`
//!   rounded up (no percent: 0 %) — starts no earlier than `D`. Under **retained logic** (the
//!   default) it also waits for its predecessors as their relations say; under **progress
//!   override** it ignores them and starts at `D`.
//! * **not started** (not executed, not due, or no data): nothing starts before `D`.
//! * **cancelled** measures do no work: a milestone at the earlier of their planned floor and
//!   `D`, with no deadline.

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use super::cpm::NodeTimes;
use super::{WorkingDays, offset};
use crate::error::Result;
use crate::model::{Document, Status};
use crate::resolve::Resolved;

/// How progress out of sequence is scheduled (P6's scheduling option).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub enum OutOfSequence {
    /// The remaining work of a measure started out of sequence waits for its predecessors.
    #[default]
    RetainedLogic,
    /// The remaining work starts at the status date whatever the predecessors say.
    ProgressOverride,
}

/// Per-measure progress, by column, that the schedule keeps beside its offsets.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub struct Progress {
    /// The status date.
    #[serde(with = "super::dates::iso")]
    #[cfg_attr(feature = "wasm", tsify(type = "string"))]
    pub status_date: Date,
    /// The out-of-sequence rule used.
    pub out_of_sequence: OutOfSequence,
    /// Status as of the status date, by row.
    pub status: Vec<Option<Status>>,
    /// Actual start, by row.
    #[serde(with = "super::dates::iso_opt_vec")]
    #[cfg_attr(feature = "wasm", tsify(type = "(string | null)[]"))]
    pub actual_start: Vec<Option<Date>>,
    /// Actual finish, by row.
    #[serde(with = "super::dates::iso_opt_vec")]
    #[cfg_attr(feature = "wasm", tsify(type = "(string | null)[]"))]
    pub actual_finish: Vec<Option<Date>>,
    /// Days of work left after the status date (`None` for executed and cancelled measures).
    pub remaining_days: Vec<Option<i32>>,
    /// Early finish offsets of the same plan without progress (the baseline), by row.
    pub baseline_finish: Vec<i32>,
    /// Length of the baseline.
    pub baseline_duration_days: i64,
    /// Offset of the status date.
    pub status_offset: i32,
}

/// What applying progress does to the nodes.
pub(crate) struct Applied {
    /// Nodes whose start ignores their predecessors.
    pub fixed: Vec<bool>,
    pub progress: Progress,
}

/// Apply the states as of `status_date` to the prepared nodes. `undated` is each measure's
/// undated `status` (the document's), read by the caller in its one pass over the measures:
/// a second stride through the measures (272 bytes each) cost more than the rest of this
/// function at 1M measures.
pub(crate) fn apply(
    doc: &Document,
    ix: &Resolved,
    map: &WorkingDays,
    base: &mut [NodeTimes<i32>],
    undated: &[Option<Status>],
    status_date: Date,
    mode: OutOfSequence,
) -> Result<Applied> {
    let r = &ix.monitoring;
    let nm = ix.graph.measure_count();
    let inf = <i32 as super::cpm::Time>::INF;
    let dd = offset(map.start_offset(status_date), "the status date", || {
        "status_date".into()
    })?;
    let mut fixed = vec![false; base.len()];
    let mut status = Vec::with_capacity(nm);
    let mut actual_start = Vec::with_capacity(nm);
    let mut actual_finish = Vec::with_capacity(nm);
    let mut remaining_days = Vec::with_capacity(nm);
    for m in 0..nm {
        let entry = r
            .entry_as_of(m, status_date)
            .map(|e| &doc.reports[e.report as usize].entries[e.entry as usize]);
        let st = match entry {
            Some(e) => Some(e.status),
            None => undated[m],
        };
        let a_start = entry.and_then(|e| e.actual_start).map(|p| p.first_day());
        let a_finish = entry.and_then(|e| e.actual_finish).map(|p| p.last_day());
        let node = &mut base[m];
        let dur = node.dur;
        let mut rem = None;
        let (s_off, f_off) = (
            a_start.map(|d| map.start_offset(d)),
            a_finish.map(|d| map.end_offset(d)),
        );
        let clamp = |v: i64, what: &str| offset(v, what, || format!("measures[{m}]"));
        match st {
            Some(Status::Executed) => {
                let ef = match f_off {
                    Some(f) => clamp(f, "an actual finish")?,
                    None => dd,
                };
                let es = match s_off {
                    Some(s) => clamp(s, "an actual start")?.min(ef),
                    None => ef - dur,
                };
                node.es = es;
                node.dur = ef - es;
                fixed[m] = true;
            }
            Some(Status::Cancelled) => {
                node.es = node.es.min(dd);
                node.dur = 0;
                node.lf = inf;
                fixed[m] = true;
            }
            st => {
                let started = st == Some(Status::PartiallyExecuted) || a_start.is_some();
                if started {
                    let left = match entry.and_then(|e| e.remaining_days) {
                        Some(x) if (0..=crate::dates::MAX_DAYS).contains(&x) => x as i32,
                        _ => {
                            let pct = entry
                                .and_then(|e| e.percent_complete)
                                .filter(|p| p.is_finite())
                                .unwrap_or(0.0)
                                .clamp(0.0, 100.0);
                            (f64::from(dur) * (100.0 - pct) / 100.0 - 1e-9)
                                .ceil()
                                .max(0.0) as i32
                        }
                    };
                    node.dur = left;
                    node.es = dd;
                    fixed[m] = mode == OutOfSequence::ProgressOverride;
                    rem = Some(left);
                } else {
                    node.es = node.es.max(dd);
                    rem = Some(dur);
                }
            }
        }
        status.push(st);
        actual_start.push(a_start);
        actual_finish.push(a_finish);
        remaining_days.push(rem);
    }
    Ok(Applied {
        fixed,
        progress: Progress {
            status_date,
            out_of_sequence: mode,
            status,
            actual_start,
            actual_finish,
            remaining_days,
            baseline_finish: Vec::new(),
            baseline_duration_days: 0,
            status_offset: dd,
        },
    })
}
