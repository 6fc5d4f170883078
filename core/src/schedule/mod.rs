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

mod baseline;
mod calendar;
pub(crate) mod cpm;
mod dsm;
mod export;
mod input;
mod progress;
mod redundant;
mod risk;
mod rollout;
mod types;
mod whatif;

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use crate::error::Result;
use crate::graph::DepGraph;
use crate::model::Id;
use crate::resolve::Resolved;
use crate::strategy::Strategy;
use cpm::NodeTimes;
pub(crate) use input::{CpmResult, ScheduleInput, offset};
pub use types::*;

/// The date helpers, for the schedule's files (`super::dates::iso`) and the pictures'.
pub(crate) use crate::dates::{self, iso as dates_iso, iso_opt as dates_iso_opt};
pub(crate) use calendar::WorkingDays;
pub use calendar::{Calendar, Weekday};
pub use dsm::{DSM_MAX_EXPANDED, Dsm, DsmBlock, DsmCut, DsmMark};
pub use export::ScheduleReport;
pub use progress::{OutOfSequence, Progress};
pub use redundant::{
    MAX_PATH_MEASURES, Redundancy, RedundancyReason, RedundantDependency, SEARCH_BUDGET,
};
pub use risk::{
    DeadlineProbability, FinishPercentile, MAX_RUNS, MonteCarlo, PertSummary, Risk, RiskOptions,
    RiskRecord,
};
pub use rollout::{ClusterRollout, Quarter, Rollout, RolloutCell};
pub use whatif::{
    CellShift, ChangeKind, DeadlineMiss, DurationChange, FloatChange, IndicatorTargetMiss, WhatIf,
};

impl Strategy {
    /// The critical-path schedule of the plan (valid, acyclic strategies).
    ///
    /// Errors: [`crate::Error::Validation`] for an invalid document (including a bad estimate
    /// or an out-of-range lag), [`crate::Error::Cycle`] for a dependency cycle,
    /// [`crate::Error::Schedule`] for a calendar with no working day or dates beyond year 9999.
    pub fn schedule(&self, opts: &ScheduleOptions) -> Result<Schedule> {
        let ix = self.require(crate::validate::Need::Schedule)?;
        let mut plan = ScheduleInput::with_index(self, ix, opts)?;
        let nodes = std::mem::take(&mut plan.base);
        let run = plan.run(nodes);
        let mut schedule = plan.schedule(opts, run)?;
        baseline::attach(self.document(), opts, &mut schedule)?;
        Ok(schedule)
    }

    /// The schedule after applying duration or start changes, without touching the strategy.
    pub fn schedule_with_changes(
        &self,
        opts: &ScheduleOptions,
        changes: &[DurationChange],
    ) -> Result<Schedule> {
        if changes.is_empty() {
            return self.schedule(opts);
        }
        let mut plan = ScheduleInput::new(self, opts)?;
        let base = plan.run(plan.base.clone());
        let nodes = whatif::apply(&plan, &base, changes)?;
        let run = plan.run(nodes);
        let mut schedule = plan.schedule(opts, run)?;
        baseline::attach(self.document(), opts, &mut schedule)?;
        Ok(schedule)
    }
}
