//! The working group's scored influences (`influences`): the MICMAC matrix as its
//! practitioners score it, pair by pair, at the level of measures, directions or modules.
//! [`crate::Strategy::micmac`] reads the table of a level when no table is given as argument.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::Id;

/// Which entities the matrix is over.
#[derive(
    Debug,
    Clone,
    Copy,
    Default,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum MicmacLevel {
    /// The measures of the action plan (the default).
    #[default]
    Measure,
    /// The priority directions.
    Direction,
    /// The digital modules.
    Module,
}

impl MicmacLevel {
    /// `measure`, `direction` or `module`.
    pub fn as_str(self) -> &'static str {
        match self {
            MicmacLevel::Measure => "measure",
            MicmacLevel::Direction => "direction",
            MicmacLevel::Module => "module",
        }
    }
}

/// One scored influence of the document: at `level`, `from` influences `to` with `intensity`
/// 0 (none), 1 (weak), 2 (moderate) or 3 (strong).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ScoredInfluence {
    /// The entities' level: `measure`, `direction` or `module`.
    pub level: MicmacLevel,
    /// The influencing entity's id.
    pub from: Id,
    /// The influenced entity's id.
    pub to: Id,
    /// 0 none, 1 weak, 2 moderate, 3 strong.
    pub intensity: u8,
    /// Who scored it and where (a workshop, a report).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}
