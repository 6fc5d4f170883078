//! The scheduling engine: critical path method (CPM / PDM) on the dependency graph, calendars,
//! start constraints and deadlines, what-if, rollout of the cluster × module matrix over time,
//! redundant dependencies, the DSM view of cyclic plans, and schedule risk (PERT and a seeded
//! Monte-Carlo simulation). `docs/scheduling.md` states every convention and each place where
//! the semantics differ from MS Project / Primavera P6.
//!
//! **Conventions.** Times are integer day offsets from the project start (the strategy period
//! start unless [`ScheduleOptions::start`] says otherwise). Finish offsets are exclusive: a
//! measure of 3 days starting at offset 0 has early finish 3 and occupies days 0, 1 and 2.
//! Without a calendar, offsets count calendar days; under a [`Calendar`] they count working
//! days. Dates are ISO `YYYY-MM-DD`.
//!
//! **Durations.** `duration_days` when given; otherwise, when a measure has both `start` and
//! `deadline`, the days of that window (inclusive; working days under a calendar); otherwise
//! the measure is a zero-duration milestone.
//!
//! ```
//! use eculture::Strategy;
//! use eculture::schedule::ScheduleOptions;
//!
//! let s = Strategy::from_json(r#"{
//!   "strategy": {"id": "demo", "title": {"az": "x", "en": "x"},
//!                "period": {"start": "2024-01-01", "end": "2026-12-31"}},
//!   "organizations": [{"id": "O", "name": {"en": "O"}, "kind": "ministry"}],
//!   "directions": [{"id": "D", "title": {"en": "D"}}],
//!   "measures": [
//!     {"id": "a", "direction": "D", "title": {"en": "a"}, "main_executor": "O", "duration_days": 10},
//!     {"id": "b", "direction": "D", "title": {"en": "b"}, "main_executor": "O", "duration_days": 5,
//!      "depends_on": ["a"]}
//!   ]}"#).unwrap();
//! let sch = s.schedule(&ScheduleOptions::default()).unwrap();
//! assert_eq!(sch.duration_days(), 15);
//! assert_eq!(sch.finish_date().unwrap().to_string(), "2024-01-15");
//! assert_eq!(sch.critical_paths(), vec![vec!["a", "b"]]);
//! ```

mod calendar;
pub(crate) mod cpm;
pub(crate) mod dates;
mod dsm;
mod export;
mod progress;
mod redundant;
mod risk;
mod rollout;
mod whatif;

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use crate::error::Result;
use crate::graph::DepGraph;
use crate::model::Id;
use crate::resolve::Resolved;
use crate::strategy::Strategy;
use cpm::Slot;

pub use calendar::{Calendar, Weekday};
pub(crate) use calendar::{DayMap, day_number};
pub(crate) use dates::{iso as dates_iso, iso_opt as dates_iso_opt};
pub use dsm::{Dsm, DsmBlock, DsmCut, DsmMark};
pub use export::ScheduleReport;
pub use progress::{OutOfSequence, Progress};
pub use redundant::{RedundancyReason, RedundantDependency};
pub use risk::{
    DeadlineProbability, FinishPercentile, MAX_RUNS, MonteCarlo, PertSummary, Risk, RiskOptions,
    RiskRecord,
};
pub use rollout::{ClusterRollout, Quarter, Rollout, RolloutCell};
pub use whatif::{
    CellShift, ChangeKind, DeadlineMiss, DurationChange, FloatChange, IndicatorTargetMiss, WhatIf,
};

/// Options of a schedule computation. Every field has a default, so partial JSON / Python
/// dicts work (`{"near_critical_days": 10}`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub struct ScheduleOptions {
    /// Project start (offset 0). Default: the first day of the strategy period.
    #[serde(with = "dates::iso_opt", skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "wasm", tsify(type = "string | null", optional))]
    pub start: Option<Date>,
    /// Working-day calendar. Default: none (durations and lags count calendar days).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "wasm", tsify(optional))]
    pub calendar: Option<Calendar>,
    /// A measure is critical when its total float is at most this (MS Project "tasks are
    /// critical if slack is less than or equal to"). Default 0.
    pub critical_float_days: i64,
    /// Near-critical: total float above `critical_float_days` and at most this. Default 5.
    pub near_critical_days: i64,
    /// P6's "must finish by": the late finish of the whole project. Default: none (the late
    /// dates hang from the computed early finish, as in MS Project).
    #[serde(with = "dates::iso_opt", skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "wasm", tsify(type = "string | null", optional))]
    pub must_finish_by: Option<Date>,
    /// At most this many critical paths are listed (ties are all kept up to the cap; the
    /// schedule says when it stopped). Default 20.
    pub max_critical_paths: usize,
    /// P6's data date: when given, the schedule is a forecast — progress from the reports as
    /// of this date is applied and remaining work is scheduled from it (see
    /// `docs/scheduling.md`, "Forecast as of a status date"). Default: none (the plan).
    #[serde(with = "dates::iso_opt", skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "wasm", tsify(type = "string | null", optional))]
    pub status_date: Option<Date>,
    /// How remaining work of a measure started out of sequence is scheduled. Default
    /// `retained_logic`.
    #[cfg_attr(feature = "wasm", tsify(optional))]
    pub out_of_sequence: OutOfSequence,
}

impl Default for ScheduleOptions {
    fn default() -> Self {
        ScheduleOptions {
            start: None,
            calendar: None,
            critical_float_days: 0,
            near_critical_days: 5,
            must_finish_by: None,
            max_critical_paths: 20,
            status_date: None,
            out_of_sequence: OutOfSequence::RetainedLogic,
        }
    }
}

impl ScheduleOptions {
    /// Options with a working-day calendar.
    pub fn with_calendar(calendar: Calendar) -> Self {
        ScheduleOptions {
            calendar: Some(calendar),
            ..ScheduleOptions::default()
        }
    }
}

/// A constraint on one measure, as a day offset.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub struct OffsetConstraint {
    /// Row of the measure (index into [`Schedule::ids`], = document order).
    pub index: u32,
    /// Day offset: a start-no-earlier-than offset, or an exclusive finish-no-later-than offset.
    pub offset: i32,
}

/// Where the chain that drives a measure begins.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub enum ChainStart {
    /// The first measure of the chain starts at the project start.
    ProjectStart,
    /// The first measure of the chain is held back by its own `start` (start no earlier than).
    StartConstraint,
    /// The first measure of the chain is held back by the status date (its remaining work
    /// cannot start earlier), or sits on its actual dates.
    StatusDate,
}

/// A deadline the network cannot meet: the measure's early finish is after it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub struct InfeasibleDeadline {
    /// Measure id.
    pub id: String,
    /// The deadline (last allowed day).
    #[serde(with = "dates::iso")]
    #[cfg_attr(feature = "wasm", tsify(type = "string"))]
    pub deadline: Date,
    /// Exclusive offset of the deadline.
    pub deadline_offset: i64,
    /// Early finish offset (exclusive).
    pub early_finish: i64,
    /// Date of the early finish (last day of work).
    #[serde(with = "dates::iso")]
    #[cfg_attr(feature = "wasm", tsify(type = "string"))]
    pub early_finish_date: Date,
    /// `early_finish − deadline_offset` (> 0); the measure's total float is at most its negative.
    pub days_late: i64,
    /// The measures that drive it, from the first to this one: each one's relation to the next
    /// has zero slack.
    pub chain: Vec<String>,
    /// What holds the first measure of the chain.
    pub driven_by: ChainStart,
}

/// One row per measure: day offsets (finish exclusive) and ISO dates.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub struct ScheduleRecord {
    /// Measure id.
    pub id: String,
    /// Duration in days (working days under a calendar).
    pub duration: i64,
    /// Early start offset.
    pub early_start: i64,
    /// Early finish offset (exclusive).
    pub early_finish: i64,
    /// Late start offset.
    pub late_start: i64,
    /// Late finish offset (exclusive).
    pub late_finish: i64,
    /// Total float (`late_finish − early_finish`); negative when a deadline cannot be met.
    pub total_float: i64,
    /// Free float: delay possible without moving any successor's early dates or the project
    /// finish; never negative and never more than a non-negative total float.
    pub free_float: i64,
    /// Total float at most the critical threshold.
    pub critical: bool,
    /// First day of work (early).
    #[serde(with = "dates::iso")]
    #[cfg_attr(feature = "wasm", tsify(type = "string"))]
    pub early_start_date: Date,
    /// Last day of work (early).
    #[serde(with = "dates::iso")]
    #[cfg_attr(feature = "wasm", tsify(type = "string"))]
    pub early_finish_date: Date,
    /// First day of work (late).
    #[serde(with = "dates::iso")]
    #[cfg_attr(feature = "wasm", tsify(type = "string"))]
    pub late_start_date: Date,
    /// Last day of work (late).
    #[serde(with = "dates::iso")]
    #[cfg_attr(feature = "wasm", tsify(type = "string"))]
    pub late_finish_date: Date,
    /// Forecast only: status as of the status date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "wasm", tsify(optional))]
    pub status: Option<crate::model::Status>,
    /// Forecast only: the reported actual start.
    #[serde(
        default,
        with = "dates::iso_opt",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "wasm", tsify(type = "string", optional))]
    pub actual_start_date: Option<Date>,
    /// Forecast only: the reported actual finish.
    #[serde(
        default,
        with = "dates::iso_opt",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "wasm", tsify(type = "string", optional))]
    pub actual_finish_date: Option<Date>,
    /// Forecast only: days of work left after the status date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "wasm", tsify(optional))]
    pub remaining_days: Option<i64>,
    /// Forecast only: the early finish date of the same plan without progress.
    #[serde(
        default,
        with = "dates::iso_opt",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "wasm", tsify(type = "string", optional))]
    pub baseline_finish_date: Option<Date>,
    /// Forecast only: `early_finish − baseline early finish` in days (positive = later).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "wasm", tsify(optional))]
    pub slip_days: Option<i64>,
}

/// A computed schedule. Stored by column (one vector per field, rows in document order, day
/// offsets as `i32`) so that large plans stay compact; [`Schedule::records`] gives one row per
/// measure.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "wasm", tsify(rename = "ScheduleData", missing_as_null))]
pub struct Schedule {
    /// Date of offset 0.
    #[serde(with = "dates::iso")]
    #[cfg_attr(feature = "wasm", tsify(type = "string"))]
    pub project_start: Date,
    /// The calendar, when durations count working days.
    pub calendar: Option<Calendar>,
    /// Project length: the largest early finish.
    pub duration_days: i64,
    /// The critical threshold used.
    pub critical_float_days: i64,
    /// The near-critical threshold used.
    pub near_critical_days: i64,
    /// Measure ids (rows).
    #[cfg_attr(feature = "wasm", tsify(type = "string[]"))]
    pub ids: Vec<Id>,
    /// Durations.
    pub durations: Vec<i32>,
    /// Early start offsets.
    pub early_start: Vec<i32>,
    /// Early finish offsets (exclusive).
    pub early_finish: Vec<i32>,
    /// Late start offsets.
    pub late_start: Vec<i32>,
    /// Late finish offsets (exclusive).
    pub late_finish: Vec<i32>,
    /// Total float.
    pub total_float: Vec<i32>,
    /// Free float.
    pub free_float: Vec<i32>,
    /// Critical flags.
    pub critical: Vec<bool>,
    /// Start-no-earlier-than offsets, one per measure with a `start`, by row.
    pub start_constraints: Vec<OffsetConstraint>,
    /// Finish-no-later-than offsets (exclusive), one per measure with a `deadline`, by row.
    pub deadlines: Vec<OffsetConstraint>,
    /// Critical (longest, driving) paths, each a list of measure indices (rows) from first to
    /// last measure; [`Schedule::critical_paths`] gives the same paths as ids.
    pub critical_path_indices: Vec<Vec<u32>>,
    /// True when more critical paths exist than were listed.
    pub critical_paths_truncated: bool,
    /// Deadlines the network cannot meet, in document order.
    pub infeasible_deadlines: Vec<InfeasibleDeadline>,
    /// A forecast's progress columns (with a status date), else `None`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "wasm", tsify(optional))]
    pub progress: Option<Progress>,
}

impl Schedule {
    /// Project length in days (working days under a calendar).
    pub fn duration_days(&self) -> i64 {
        self.duration_days
    }

    /// Number of measures.
    pub fn len(&self) -> usize {
        self.ids.len()
    }

    /// True when the plan has no measure.
    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }

    pub(crate) fn day_map(&self) -> Result<DayMap> {
        DayMap::new(self.project_start, self.calendar.as_ref())
    }

    /// Date of the project finish: the last day of work (the project start when the plan is
    /// empty or has only milestones at offset 0).
    pub fn finish_date(&self) -> Result<Date> {
        let map = self.day_map()?;
        map.finish_date(self.duration_days).ok_or_else(|| {
            DayMap::out_of_range("the project finish", self.duration_days, "schedule".into())
        })
    }

    /// The row of a measure id.
    pub fn row(&self, id: &str) -> Option<usize> {
        self.ids.iter().position(|x| x == id)
    }

    /// Every critical path as measure ids, first to last.
    pub fn critical_paths(&self) -> Vec<Vec<&str>> {
        self.critical_path_indices
            .iter()
            .map(|p| p.iter().map(|&r| self.ids[r as usize].as_str()).collect())
            .collect()
    }

    /// Near-critical measures (total float above the critical threshold and at most the
    /// near-critical threshold), document order.
    pub fn near_critical(&self) -> Vec<&str> {
        (0..self.ids.len())
            .filter(|&i| {
                let tf = i64::from(self.total_float[i]);
                tf > self.critical_float_days && tf <= self.near_critical_days
            })
            .map(|i| self.ids[i].as_str())
            .collect()
    }

    /// Critical measures, document order.
    pub fn critical_ids(&self) -> Vec<&str> {
        (0..self.ids.len())
            .filter(|&i| self.critical[i])
            .map(|i| self.ids[i].as_str())
            .collect()
    }

    /// Deadlines the network cannot meet.
    pub fn infeasible_deadlines(&self) -> &[InfeasibleDeadline] {
        &self.infeasible_deadlines
    }

    fn start_constraint(&self, row: usize) -> Option<i32> {
        self.start_constraints
            .binary_search_by_key(&(row as u32), |c| c.index)
            .ok()
            .map(|k| self.start_constraints[k].offset)
    }

    /// One record per measure, document order, with dates. Fails only when a date falls
    /// beyond year 9999.
    pub fn records(&self) -> Result<Vec<ScheduleRecord>> {
        let map = self.day_map()?;
        (0..self.ids.len())
            .map(|i| self.record_with(&map, i))
            .collect()
    }

    /// The record of one measure.
    pub fn record(&self, id: &str) -> Result<Option<ScheduleRecord>> {
        let map = self.day_map()?;
        self.row(id).map(|i| self.record_with(&map, i)).transpose()
    }

    /// The record of measure `id`, or an [`crate::Error::Argument`] naming the unknown id and
    /// suggesting the nearest (what the bindings' `record()` raises).
    pub fn lookup(&self, id: &str) -> Result<ScheduleRecord> {
        match self.row(id) {
            Some(i) => self.record_with(&self.day_map()?, i),
            None => {
                let mut budget = crate::suggest::MAX_COMPARISONS;
                let near =
                    crate::suggest::nearest(id, self.ids.iter().map(|x| x.as_str()), &mut budget);
                let hint = near.map_or(String::new(), |n| format!("; did you mean `{n}`?"));
                Err(crate::ArgumentError::at(format!("unknown measure `{id}`{hint}"), "id").into())
            }
        }
    }

    fn record_with(&self, map: &DayMap, i: usize) -> Result<ScheduleRecord> {
        let (es, ef, ls, lf) = (
            i64::from(self.early_start[i]),
            i64::from(self.early_finish[i]),
            i64::from(self.late_start[i]),
            i64::from(self.late_finish[i]),
        );
        let pinned = self.start_constraint(i).map(i64::from) == Some(es);
        let err = |what: &str, k: i64| DayMap::out_of_range(what, k, format!("measures[{i}]"));
        let (esd, efd) = map
            .span_dates(es, ef, pinned)
            .ok_or_else(|| err("the early dates", ef))?;
        let (lsd, lfd) = map
            .span_dates(ls, lf, false)
            .ok_or_else(|| err("the late dates", lf))?;
        let p = self.progress.as_ref();
        let baseline_finish_date = match p {
            Some(p) => Some(
                map.finish_date(i64::from(p.baseline_finish[i]))
                    .ok_or_else(|| err("the baseline finish", i64::from(p.baseline_finish[i])))?,
            ),
            None => None,
        };
        Ok(ScheduleRecord {
            status: p.and_then(|p| p.status[i]),
            actual_start_date: p.and_then(|p| p.actual_start[i]),
            actual_finish_date: p.and_then(|p| p.actual_finish[i]),
            remaining_days: p.and_then(|p| p.remaining_days[i]).map(i64::from),
            baseline_finish_date,
            slip_days: p.map(|p| i64::from(self.early_finish[i] - p.baseline_finish[i])),
            id: self.ids[i].to_string(),
            duration: i64::from(self.durations[i]),
            early_start: es,
            early_finish: ef,
            late_start: ls,
            late_finish: lf,
            total_float: i64::from(self.total_float[i]),
            free_float: i64::from(self.free_float[i]),
            critical: self.critical[i],
            early_start_date: esd,
            early_finish_date: efd,
            late_start_date: lsd,
            late_finish_date: lfd,
        })
    }
}

/// A strategy prepared for scheduling: per node, duration, floor and own deadline.
pub(crate) struct Plan<'a> {
    pub(crate) strategy: &'a Strategy,
    pub(crate) ix: &'a Resolved,
    pub(crate) map: DayMap,
    pub(crate) start: Date,
    pub(crate) calendar: Option<Calendar>,
    /// The graph with its evaluation order (empty order on a cycle).
    pub(crate) net: cpm::Net<'a>,
    /// Per node: `dur`, `es` = earliest start allowed (project start or start constraint),
    /// `lf` = own exclusive finish-no-later-than (`INF` for none).
    pub(crate) base: Vec<Slot<i32>>,
    pub(crate) starts: Vec<OffsetConstraint>,
    pub(crate) deadlines: Vec<OffsetConstraint>,
    /// The project's late finish (`must_finish_by`), when given.
    pub(crate) late_end: Option<i32>,
    /// Σ durations + Σ |lags| + the largest constraint offset: no offset can exceed it.
    span: i64,
    /// The progress applied (forecast), when the options have a status date.
    pub(crate) progress: Option<Progress>,
}

/// Fewest measures for which a schedule's columns and its critical paths are made in parallel.
const PARALLEL_MIN_MEASURES: usize = 1 << 15;

/// The per-measure columns of a [`Schedule`].
struct Columns {
    durations: Vec<i32>,
    es: Vec<i32>,
    ef: Vec<i32>,
    ls: Vec<i32>,
    lf: Vec<i32>,
    tf: Vec<i32>,
    ff: Vec<i32>,
    critical: Vec<bool>,
}

/// The raw result of one CPM run over every node.
pub(crate) struct Run {
    pub(crate) finish: i32,
    pub(crate) nodes: Vec<Slot<i32>>,
}

impl Run {
    pub(crate) fn es(&self, i: usize) -> i32 {
        self.nodes[i].es
    }
    pub(crate) fn ef(&self, i: usize) -> i32 {
        self.nodes[i].ef
    }
    pub(crate) fn tf(&self, i: usize) -> i32 {
        self.nodes[i].lf - self.nodes[i].ef
    }
}

/// An offset for the integer kernel, or the error when a date is absurdly far.
fn offset(v: i64, what: &str, path: impl FnOnce() -> String) -> Result<i32> {
    if v.abs() <= cpm::OFFSET_LIMIT {
        Ok(v as i32)
    } else {
        Err(DayMap::out_of_range(what, v, path()))
    }
}

impl<'a> Plan<'a> {
    pub(crate) fn new(strategy: &'a Strategy, opts: &ScheduleOptions) -> Result<Plan<'a>> {
        let ix = strategy.require(crate::validate::Need::Schedule)?;
        Plan::with_index(strategy, ix, opts)
    }

    /// Prepare; the order is empty on a cycle.
    pub(crate) fn with_index(
        strategy: &'a Strategy,
        ix: &'a Resolved,
        opts: &ScheduleOptions,
    ) -> Result<Plan<'a>> {
        let doc = strategy.document();
        let start = opts
            .start
            .unwrap_or_else(|| doc.strategy.period.start.first_day());
        let map = DayMap::new(start, opts.calendar.as_ref())?;
        let g = &ix.graph;
        let n = g.node_count();
        let nm = g.measure_count();
        let inf = <i32 as cpm::Time>::INF;
        let mut base = Vec::with_capacity(n);
        let mut starts = Vec::new();
        let mut deadlines = Vec::new();
        let mut span: i64 = 0;
        let mut far: i64 = 0;
        for (i, m) in doc.measures.iter().enumerate().take(nm) {
            let d = match (m.duration_days, &m.start, &m.deadline) {
                (Some(d), _, _) => d,
                (None, Some(s), Some(dl)) => map.days_in(s.first_day(), dl.last_day()).max(0),
                _ => 0,
            };
            span += d;
            let d = offset(d, "a duration", || format!("measures[{i}].duration_days"))?;
            let mut floor = 0;
            let mut cap = inf;
            if let Some(s) = &m.start {
                let off = map.start_offset(s.first_day());
                far = far.max(off.abs());
                let off = offset(off, "a start", || format!("measures[{i}].start"))?;
                floor = off.max(0);
                starts.push(OffsetConstraint {
                    index: i as u32,
                    offset: off,
                });
            }
            if let Some(dl) = &m.deadline {
                let off = map.end_offset(dl.last_day());
                far = far.max(off.abs());
                let off = offset(off, "a deadline", || format!("measures[{i}].deadline"))?;
                cap = off;
                deadlines.push(OffsetConstraint {
                    index: i as u32,
                    offset: off,
                });
            }
            base.push(Slot::new(d, floor, cap));
        }
        base.resize(n, Slot::new(0, 0, inf));
        let late_end = match opts.must_finish_by {
            Some(d) => {
                let off = map.end_offset(d);
                far = far.max(off.abs());
                Some(offset(off, "`must_finish_by`", || "must_finish_by".into())?)
            }
            None => None,
        };
        let mut net = cpm::Net::new(g).unwrap_or_else(|| cpm::Net {
            g,
            order: cpm::Order::Topo(vec![]),
            plain: false,
            lags: cpm::total_lag(g),
            fixed: Vec::new(),
        });
        let mut progress = None;
        if let Some(sd) = opts.status_date {
            let applied = progress::apply(doc, ix, &map, &mut base, sd, opts.out_of_sequence)?;
            far = far.max(i64::from(applied.progress.status_offset).abs());
            span += base
                .iter()
                .map(|x| i64::from(x.es).abs())
                .max()
                .unwrap_or(0);
            net.fixed = applied.fixed;
            progress = Some(applied.progress);
        }
        span += net.lags + far;
        offset(span, "the schedule", || "measures".into())?;
        Ok(Plan {
            strategy,
            ix,
            map,
            start,
            calendar: opts.calendar.clone(),
            net,
            base,
            starts,
            deadlines,
            late_end,
            span,
            progress,
        })
    }

    pub(crate) fn graph(&self) -> &'a DepGraph {
        &self.ix.graph
    }

    /// Check that changed durations or floors keep every offset within range.
    pub(crate) fn check_span(&self, extra: i64) -> Result<()> {
        offset(self.span + extra, "the schedule", || "changes".into()).map(|_| ())
    }

    /// One CPM run over prepared nodes (a copy of `base`, possibly changed).
    pub(crate) fn run(&self, mut nodes: Vec<Slot<i32>>) -> Run {
        let finish = self.net.forward(&mut nodes);
        let late_end = self.late_end.unwrap_or(finish);
        self.net.backward::<i32, true>(&mut nodes, late_end, finish);
        Run { finish, nodes }
    }

    /// Turn a run into a [`Schedule`].
    pub(crate) fn schedule(&mut self, opts: &ScheduleOptions, run: Run) -> Result<Schedule> {
        let g = self.graph();
        let doc = self.strategy.document();
        let nm = g.measure_count();
        let nodes = &run.nodes;
        let late_end = self.late_end.unwrap_or(run.finish);
        // The per-measure columns do not depend on the paths and deadline chains: for large
        // plans both are made at once.
        let columns = || {
            let thr = opts
                .critical_float_days
                .clamp(i64::from(i32::MIN), i64::from(i32::MAX)) as i32;
            let m = &nodes[..nm];
            let mut c = Columns {
                durations: vec![0i32; nm],
                es: vec![0i32; nm],
                ef: vec![0i32; nm],
                ls: vec![0i32; nm],
                lf: vec![0i32; nm],
                tf: vec![0i32; nm],
                ff: vec![0i32; nm],
                critical: vec![false; nm],
            };
            for (k, x) in m.iter().enumerate() {
                let t = x.lf - x.ef;
                c.durations[k] = x.dur;
                c.es[k] = x.es;
                c.ef[k] = x.ef;
                c.ls[k] = x.lf - x.dur;
                c.lf[k] = x.lf;
                c.tf[k] = t;
                c.ff[k] = x.fs.max(0).min(t.max(0));
                c.critical[k] = t <= thr;
            }
            let ids: Vec<Id> = doc.measures[..nm].iter().map(|m| m.id.clone()).collect();
            (c, ids)
        };
        let paths = || -> Result<_> {
            let (critical_paths, critical_paths_truncated) =
                cpm::longest_paths(g, nodes, run.finish, late_end, opts.max_critical_paths);
            let mut infeasible_deadlines = Vec::new();
            for c in &self.deadlines {
                let i = c.index as usize;
                let ef = nodes[i].ef;
                if ef <= c.offset {
                    continue;
                }
                let mut chain = cpm::driving_chain(g, i as u32, nodes);
                // a measure on its actual dates (or overriding the logic) is not driven
                if !self.net.fixed.is_empty()
                    && let Some(k) = chain.iter().rposition(|&v| self.net.fixed[v as usize])
                {
                    chain.drain(..k);
                }
                // the chain's first measure has no driving predecessor: a positive early start
                // can only come from its own floor (or the status date)
                let first = chain[0] as usize;
                let driven_by = match &self.progress {
                    Some(p)
                        if self.net.fixed.get(first).copied().unwrap_or(false)
                            || (nodes[first].es == p.status_offset
                                && self
                                    .starts
                                    .iter()
                                    .find(|c| c.index as usize == first)
                                    .is_none_or(|c| c.offset < p.status_offset)) =>
                    {
                        ChainStart::StatusDate
                    }
                    _ if nodes[first].es > 0 => ChainStart::StartConstraint,
                    _ => ChainStart::ProjectStart,
                };
                let m = &doc.measures[i];
                let early_finish_date = self.map.finish_date(i64::from(ef)).ok_or_else(|| {
                    DayMap::out_of_range(
                        "the early finish",
                        i64::from(ef),
                        format!("measures[{i}]"),
                    )
                })?;
                infeasible_deadlines.push(InfeasibleDeadline {
                    id: m.id.to_string(),
                    deadline: m
                        .deadline
                        .as_ref()
                        .map(|d| d.last_day())
                        .unwrap_or(self.start),
                    deadline_offset: i64::from(c.offset),
                    early_finish: i64::from(ef),
                    early_finish_date,
                    days_late: i64::from(ef - c.offset),
                    chain: chain
                        .iter()
                        .map(|&v| doc.measures[v as usize].id.to_string())
                        .collect(),
                    driven_by,
                });
            }
            Ok((
                critical_paths,
                critical_paths_truncated,
                infeasible_deadlines,
            ))
        };
        let ((c, ids), found) = crate::par::join(nm >= PARALLEL_MIN_MEASURES, columns, paths);
        let (critical_paths, critical_paths_truncated, infeasible_deadlines) = found?;
        Ok(Schedule {
            project_start: self.start,
            calendar: self.calendar.clone(),
            duration_days: i64::from(run.finish),
            critical_float_days: opts.critical_float_days,
            near_critical_days: opts.near_critical_days,
            ids,
            durations: c.durations,
            early_start: c.es,
            early_finish: c.ef,
            late_start: c.ls,
            late_finish: c.lf,
            total_float: c.tf,
            free_float: c.ff,
            critical: c.critical,
            start_constraints: std::mem::take(&mut self.starts),
            deadlines: std::mem::take(&mut self.deadlines),
            critical_path_indices: critical_paths,
            critical_paths_truncated,
            infeasible_deadlines,
            progress: self.progress.take(),
        })
    }
}

impl Strategy {
    /// The critical-path schedule of the plan (valid, acyclic strategies).
    ///
    /// Errors: [`crate::Error::Validation`] for an invalid document (including a bad estimate
    /// or an out-of-range lag), [`crate::Error::Cycle`] for a dependency cycle,
    /// [`crate::Error::Schedule`] for a calendar with no working day or dates beyond year 9999.
    pub fn schedule(&self, opts: &ScheduleOptions) -> Result<Schedule> {
        let ix = self.require(crate::validate::Need::Schedule)?;
        let mut plan = Plan::with_index(self, ix, opts)?;
        let nodes = std::mem::take(&mut plan.base);
        let run = plan.run(nodes);
        if plan.progress.is_some() {
            // the baseline: the same plan without progress
            let plain = ScheduleOptions {
                status_date: None,
                ..opts.clone()
            };
            let bplan = Plan::with_index(self, ix, &plain)?;
            let brun = bplan.run(bplan.base.clone());
            let nm = ix.graph.measure_count();
            if let Some(p) = plan.progress.as_mut() {
                p.baseline_finish = brun.nodes[..nm].iter().map(|x| x.ef).collect();
                p.baseline_duration_days = i64::from(brun.finish);
            }
        }
        plan.schedule(opts, run)
    }

    /// The schedule after applying duration or start changes, without touching the strategy.
    pub fn schedule_with_changes(
        &self,
        opts: &ScheduleOptions,
        changes: &[DurationChange],
    ) -> Result<Schedule> {
        let mut plan = Plan::new(self, opts)?;
        let base = plan.run(plan.base.clone());
        let nodes = whatif::apply(&plan, &base, changes)?;
        let run = plan.run(nodes);
        plan.schedule(opts, run)
    }
}
