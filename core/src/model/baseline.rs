//! Named baselines: snapshots of the schedule taken when the plan was approved or amended, so
//! that later schedules can be compared with them (MS Project's Baseline, P6's baseline
//! projects). A baseline is data in the document; [`crate::Strategy::with_baseline`] takes one
//! from the current schedule, and `ScheduleOptions::baseline` compares a schedule with it.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::Id;
use crate::period::PeriodRef;

/// One named baseline: the planned dates of the measures when it was taken.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Baseline {
    /// Identifier, e.g. `approved-2023` (unique among the baselines).
    pub id: Id,
    /// When the snapshot was taken.
    pub taken: PeriodRef,
    /// Why it was taken (the act approving or amending the plan, say).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// The measures' planned dates at the time, each measure at most once. A measure added to
    /// the plan later has no entry (its variance is empty).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub measures: Vec<BaselineMeasure>,
}

/// A measure's planned dates in a [`Baseline`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct BaselineMeasure {
    /// The measure id.
    pub measure: Id,
    /// The planned first day of work (a coarser period means its first day).
    pub start: PeriodRef,
    /// The planned last day of work (a coarser period means its last day).
    pub finish: PeriodRef,
}
