//! The current-state assessment (`assessments`): where the sector stands today, cell by cell,
//! on the 0-5 maturity scale of `docs/assessment.md`, with the level aimed at and how many of
//! the cluster's institutions a module has reached. The matrix says whether a measure targets a
//! cell; an assessment says how far along the cell already is. Checked by
//! `validate/assessments.rs`; [`crate::Strategy::matrix`] gives each cell its latest one.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Id, Illustrative};
use crate::period::PeriodRef;

/// The highest level of the maturity scale (`5`, optimised).
pub const MAX_LEVEL: i32 = 5;

/// The names of the levels 0-5 of the maturity scale, in English (`docs/assessment.md`).
pub const LEVEL_NAMES: [&str; 6] = [
    "none",
    "initial",
    "developing",
    "defined",
    "managed",
    "optimised",
];

/// The name of a level of the scale (`none` … `optimised`), or `None` outside 0-5.
pub fn level_name(level: i32) -> Option<&'static str> {
    usize::try_from(level)
        .ok()
        .and_then(|k| LEVEL_NAMES.get(k).copied())
}

/// One assessment of a cluster × module cell as of a date.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Assessment {
    /// The cluster's id.
    pub cluster: Id,
    /// The module's id (it must apply to the cluster).
    pub module: Id,
    /// When the state was observed (a coarser period means its last day).
    pub as_of: PeriodRef,
    /// The level reached: 0 none, 1 initial, 2 developing, 3 defined, 4 managed, 5 optimised.
    pub level: i32,
    /// The level aimed at, on the same scale.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target_level: Option<i32>,
    /// How many of the cluster's institutions the module has reached (at most the cluster's
    /// `institutions`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub institutions_reached: Option<u64>,
    /// Who assessed it and where (a survey, a report): a citation or URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// A free note (explanations, caveats); `source` holds sources only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Invented for illustration: `true` (all of it) or the invented fields' names.
    #[serde(default, skip_serializing_if = "Illustrative::is_no")]
    pub illustrative: Illustrative,
}
