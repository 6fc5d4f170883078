//! The strategy document: plain serde types, one per entity.
//!
//! These types are the on-disk format (JSON, YAML, TOML). Field names are part of the public
//! contract: outside tools rely on `id`, `direction`, `title`, `main_executor`, `other_executors`,
//! `start`, `deadline`, `duration_days`, `depends_on` and `targets`. Every struct rejects unknown
//! fields, so a typo is a located parse error rather than silently lost data.
//!
//! Lookups, resolved references and the dependency graph live in `resolve.rs` (the resolved document), built once
//! and cached by [`crate::Strategy`].

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
pub use smallvec::{SmallVec, smallvec};
pub use smol_str::SmolStr;
pub use thin_vec::{ThinVec, thin_vec};

use crate::period::PeriodRef;

mod assessment;
mod baseline;
mod dependencies;
mod influence;
mod monitoring;
mod packed;
mod provenance;
mod text;
pub use assessment::{Assessment, LEVEL_NAMES, MAX_LEVEL, level_name};
pub use baseline::{Baseline, BaselineMeasure};
pub use dependencies::{Dependencies, DependencyRef, Iter as DependencyIter};
pub use influence::{MicmacLevel, ScoredInfluence};
pub use monitoring::{
    CriterionFinding, Evaluation, EvaluationCriterion, EvaluationKind, Frequency, IndicatorReport,
    Report, ReportEntry, ReportingCalendar, ReportingRule,
};
pub use provenance::{
    Illustrative, KINDS as ILLUSTRATIVE_KINDS, fields_of as illustrative_fields_of,
};
pub use text::{Lang, Text};

/// An identifier or a reference to one. Ids up to 23 bytes are stored inline (no allocation),
/// longer ones are shared; cloning is O(1). Derefs to `&str`.
pub type Id = SmolStr;

/// A whole strategy document: the top level of a JSON, YAML or TOML file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Document {
    /// Optional link to the JSON Schema, for editors.
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    /// The strategy's identity, period, approving act and roles.
    pub strategy: StrategyInfo,
    /// Executors and bodies referred to by id.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub organizations: Vec<Organization>,
    /// Priority directions.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub directions: Vec<Direction>,
    /// Clusters of the sector (theatres, libraries, ...).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub clusters: Vec<Cluster>,
    /// Digital modules and the rule that says which clusters need them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub modules: Vec<Module>,
    /// The action plan.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub measures: Vec<Measure>,
    /// Result indicators with baseline, targets and actuals.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub indicators: Vec<Indicator>,
    /// Executors' reports: measure states and indicator values as of a date.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub reports: Vec<Report>,
    /// The M&E body's monitoring reports and evaluations.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub evaluations: Vec<Evaluation>,
    /// When reports fall due (when absent: Decree 1294's 20 January for the executors' reports,
    /// CAERC's practice of 25 March for the M&E body's).
    #[serde(default, skip_serializing_if = "ReportingCalendar::is_default")]
    pub reporting: ReportingCalendar,
    /// Named baselines: snapshots of the schedule to compare later schedules with.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub baselines: Vec<Baseline>,
    /// Scored influences for MICMAC (intensities 0-3), by level.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub influences: Vec<ScoredInfluence>,
    /// The current-state assessment: each cluster × module cell's maturity level (0-5) as of
    /// a date, the level aimed at and the institutions reached (`docs/assessment.md`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub assessments: Vec<Assessment>,
}

/// Identity and governance of the strategy.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct StrategyInfo {
    /// Stable identifier, e.g. `az-moc-e-culture-2024-2026`.
    pub id: Id,
    /// Title in `az` and `en` (and optionally `ru`).
    pub title: Text,
    /// The period the strategy covers.
    pub period: Period,
    /// The act that approved the strategy.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub approved_by: Option<Act>,
    /// Legal basis, e.g. Presidential Decree 1294 (2021) on state programmes.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub legal_basis: Vec<Act>,
    /// Organisation id of the coordinating body.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub coordinating_body: Option<Id>,
    /// Organisation id of the monitoring & evaluation body (must differ from the coordinator).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub monitoring_body: Option<Id>,
    /// Strategic goals; directions refer to them by id.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub goals: Vec<Goal>,
    /// The working group that prepared the strategy (Decree 1294: created by an act of the
    /// coordinating body, it meets at least once a year).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub working_group: Option<WorkingGroup>,
    /// Who drafted the strategy: `working_group` or an organisation id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub drafted_by: Option<Id>,
    /// The strategy's own text by section (summary, global trends, current situation, target
    /// indicators, risks, financing), when given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sections: Option<Box<Sections>>,
    /// The date the measures' own `status` fields describe (the data date of the statuses).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub statuses_as_of: Option<PeriodRef>,
    /// Citation or URL for the facts above.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// A free note (explanations, caveats); `source` holds sources only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Invented for illustration: `true` (all of it) or the invented fields' names.
    #[serde(default, skip_serializing_if = "Illustrative::is_no")]
    pub illustrative: Illustrative,
}

/// The working group that prepared the strategy: analysed the sector, studied local and
/// international practice, set the goals, directions, clusters and modules, formed the matrix
/// and drafted the strategy.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct WorkingGroup {
    /// The act that created it (e.g. a ministerial order).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub established_by: Option<Act>,
    /// Its chair (a person or a position, as published).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub chair: Option<String>,
    /// Member organisations (organisation ids).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub members: Vec<Id>,
    /// Its meetings.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub meetings: Vec<Meeting>,
    /// Citation or URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// A free note (explanations, caveats); `source` holds sources only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Invented for illustration: `true` (all of it) or the invented fields' names.
    #[serde(default, skip_serializing_if = "Illustrative::is_no")]
    pub illustrative: Illustrative,
}

/// A meeting of the working group.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Meeting {
    /// Its date (a year, quarter, month or date).
    pub date: PeriodRef,
    /// What it did.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Citation or URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

/// The strategy's own text by section (Decree 1294's structure of a strategy document).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Sections {
    /// Summary.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<Text>,
    /// Global trends.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub global_trends: Option<Text>,
    /// The current situation (the working group's analysis of the sector).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub current_situation: Option<Text>,
    /// Target indicators.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target_indicators: Option<Text>,
    /// Risks.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub risks: Option<Text>,
    /// Financing.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub financing: Option<Text>,
}

impl Sections {
    /// The sections given, in order, with their English and Azerbaijani headings.
    pub fn iter(&self) -> impl Iterator<Item = (&'static str, &'static str, &Text)> {
        [
            ("Summary", "Xülasə", &self.summary),
            ("Global trends", "Qlobal meyillər", &self.global_trends),
            (
                "Current situation",
                "Mövcud vəziyyət",
                &self.current_situation,
            ),
            (
                "Target indicators",
                "Hədəf göstəriciləri",
                &self.target_indicators,
            ),
            ("Risks", "Risklər", &self.risks),
            ("Financing", "Maliyyələşmə", &self.financing),
        ]
        .into_iter()
        .filter_map(|(en, az, t)| t.as_ref().map(|t| (en, az, t)))
    }
}

/// A closed period. Each end accepts a year, quarter, month or date; `start` normalises to the
/// first day of its period and `end` to the last.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Period {
    /// First day (inclusive).
    pub start: PeriodRef,
    /// Last day (inclusive).
    pub end: PeriodRef,
}

/// A legal or administrative act.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Act {
    /// Issuing body (free text or an organisation id).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub body: Option<String>,
    /// Kind of act, e.g. `decree`, `collegium decision`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    /// Number as written, e.g. `3/2`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub number: Option<String>,
    /// Date of the act.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<PeriodRef>,
    /// Title of the act.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<Text>,
    /// Citation or URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

/// A strategic goal.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Goal {
    /// Identifier referred to by directions.
    pub id: Id,
    /// Goal statement.
    pub title: Text,
    /// Citation or URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// A free note (explanations, caveats); `source` holds sources only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Invented for illustration: `true` (all of it) or the invented fields' names.
    #[serde(default, skip_serializing_if = "Illustrative::is_no")]
    pub illustrative: Illustrative,
}

/// What kind of organisation an executor or body is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum OrganizationKind {
    /// A ministry or the cabinet.
    Ministry,
    /// An institution subordinate to a ministry.
    Subordinate,
    /// A regional department of a ministry.
    RegionalDepartment,
    /// Any other state body or agency.
    StateBody,
    /// An analysis / monitoring centre (e.g. CAERC).
    AnalysisCentre,
    /// Private sector, NGOs, international partners.
    Other,
}

/// An executor or a body.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Organization {
    /// Identifier referred to by measures and by the strategy roles.
    pub id: Id,
    /// Name.
    pub name: Text,
    /// Kind of organisation.
    pub kind: OrganizationKind,
    /// Citation or URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// A free note (explanations, caveats); `source` holds sources only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Invented for illustration: `true` (all of it) or the invented fields' names.
    #[serde(default, skip_serializing_if = "Illustrative::is_no")]
    pub illustrative: Illustrative,
}

/// A priority direction of the strategy.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Direction {
    /// Identifier referred to by measures.
    pub id: Id,
    /// Ordinal as published (1..10 for e-Culture).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub number: Option<u32>,
    /// Title.
    pub title: Text,
    /// Ids of the goals this direction serves.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub goals: Vec<Id>,
    /// Citation or URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// A free note (explanations, caveats); `source` holds sources only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Invented for illustration: `true` (all of it) or the invented fields' names.
    #[serde(default, skip_serializing_if = "Illustrative::is_no")]
    pub illustrative: Illustrative,
}

/// A cluster of the sector.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Cluster {
    /// Identifier.
    pub id: Id,
    /// Title.
    pub title: Text,
    /// Features that module applicability rules look at (`holds_collections`, `has_venue`, ...).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<Id>,
    /// Number of institutions in the cluster, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub institutions: Option<u64>,
    /// Citation or URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// A free note (explanations, caveats); `source` holds sources only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Invented for illustration: `true` (all of it) or the invented fields' names.
    #[serde(default, skip_serializing_if = "Illustrative::is_no")]
    pub illustrative: Illustrative,
}

/// Which clusters a module applies to: the union of the selectors given (`all`, `clusters`,
/// `all_tags`, `any_tags`), minus `except`. A rule with no selector selects nothing.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ApplicabilityRule {
    /// Every cluster.
    #[serde(default, skip_serializing_if = "is_false")]
    pub all: bool,
    /// These clusters, by id.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub clusters: Vec<Id>,
    /// Clusters carrying every one of these tags.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub all_tags: Vec<Id>,
    /// Clusters carrying at least one of these tags.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub any_tags: Vec<Id>,
    /// Clusters removed from the selection, by id.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub except: Vec<Id>,
}

impl ApplicabilityRule {
    /// True when the rule has no selector at all.
    pub fn is_empty(&self) -> bool {
        !self.all
            && self.clusters.is_empty()
            && self.all_tags.is_empty()
            && self.any_tags.is_empty()
    }
}

/// A digital module (registry, e-catalogue, e-ticketing, ...).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Module {
    /// Identifier.
    pub id: Id,
    /// Title.
    pub title: Text,
    /// Free category, e.g. `registry`, `service`, `infrastructure`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category: Option<String>,
    /// Which clusters need this module.
    pub applies_to: ApplicabilityRule,
    /// Modules that must reach a cluster before this one can: a plain module id
    /// (finish-to-start, no lag) or `{"module": "registry", "relation": "FF", "lag_days": 0}`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub requires: Vec<Requirement>,
    /// Citation or URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// A free note (explanations, caveats); `source` holds sources only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Invented for illustration: `true` (all of it) or the invented fields' names.
    #[serde(default, skip_serializing_if = "Illustrative::is_no")]
    pub illustrative: Illustrative,
}

/// One entry of a module's `requires`: the required module, written either as a plain id
/// (finish-to-start, no lag) or as `{"module": "registry", "relation": "FF", "lag_days": 0}`.
/// The dependencies derived from it (a measure delivering this module to a cluster depends on
/// the measures delivering the required module there) carry that relation and lag.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Requirement {
    /// Id of the required module.
    pub module: Id,
    /// Relation type, when written explicitly.
    pub relation: Option<RelationType>,
    /// Lag in days (negative = lead), when written explicitly.
    pub lag_days: Option<i32>,
}

impl Requirement {
    /// A plain finish-to-start requirement.
    pub fn fs(module: impl Into<Id>) -> Self {
        Requirement {
            module: module.into(),
            relation: None,
            lag_days: None,
        }
    }
    /// The relation type (FS when not written).
    pub fn relation(&self) -> RelationType {
        self.relation.unwrap_or_default()
    }
    /// The lag in days (0 when not written).
    pub fn lag(&self) -> i32 {
        self.lag_days.unwrap_or(0)
    }
}

impl From<&str> for Requirement {
    fn from(module: &str) -> Self {
        Requirement::fs(module)
    }
}

/// Relation type of a dependency, as in MS Project / Primavera P6.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
pub enum RelationType {
    /// Finish-to-start: the dependent starts after the prerequisite finishes.
    #[default]
    FS,
    /// Start-to-start.
    SS,
    /// Finish-to-finish.
    FF,
    /// Start-to-finish.
    SF,
}

impl RelationType {
    /// The two-letter code.
    pub fn as_str(self) -> &'static str {
        match self {
            RelationType::FS => "FS",
            RelationType::SS => "SS",
            RelationType::FF => "FF",
            RelationType::SF => "SF",
        }
    }
}

/// One entry of `depends_on`: a prerequisite measure id, written either as a plain string
/// (finish-to-start, no lag) or as `{"id": "...", "type": "SS", "lag_days": -5}`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dependency {
    /// Id of the prerequisite measure.
    pub id: Id,
    /// Relation type, when written explicitly.
    pub kind: Option<RelationType>,
    /// Lag in days (negative = lead), when written explicitly.
    pub lag_days: Option<i32>,
}

impl Dependency {
    /// A plain finish-to-start dependency.
    pub fn fs(id: impl Into<Id>) -> Self {
        Dependency {
            id: id.into(),
            kind: None,
            lag_days: None,
        }
    }
    /// The relation type (FS when not written).
    pub fn relation(&self) -> RelationType {
        self.kind.unwrap_or_default()
    }
    /// The lag in days (0 when not written).
    pub fn lag(&self) -> i32 {
        self.lag_days.unwrap_or(0)
    }
}

/// A module delivered by a measure, and the clusters it reaches.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Target {
    /// Module id.
    pub module: Id,
    /// Cluster ids; absent means every cluster the module applies to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub clusters: Option<SmallVec<[Id; 1]>>,
}

/// Funding source of a measure (Decree 1294 action-plan column).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum FundingSource {
    /// State budget.
    StateBudget,
    /// The executor's own funds.
    OwnFunds,
    /// External grant.
    ExternalGrant,
    /// External loan.
    ExternalLoan,
    /// No funding required.
    NotRequired,
    /// Other sources not prohibited by law.
    Other,
}

/// Execution status of a measure, as used in CAERC monitoring practice.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Fully executed (weight 1).
    Executed,
    /// Started / partially executed (weight 0.5).
    PartiallyExecuted,
    /// Not executed (weight 0).
    NotExecuted,
    /// Not yet due; excluded from execution-rate denominators.
    NotDue,
    /// Cancelled; excluded from execution-rate denominators.
    Cancelled,
}

impl Status {
    /// The snake_case name.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Executed => "executed",
            Status::PartiallyExecuted => "partially_executed",
            Status::NotExecuted => "not_executed",
            Status::NotDue => "not_due",
            Status::Cancelled => "cancelled",
        }
    }
}

/// A three-point duration estimate in days.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Estimate {
    /// Optimistic duration.
    pub optimistic: f64,
    /// Most likely duration.
    pub most_likely: f64,
    /// Pessimistic duration.
    pub pessimistic: f64,
}

/// A measure (action-plan row).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Measure {
    /// Identifier, e.g. `7.3`.
    pub id: Id,
    /// Priority direction id.
    pub direction: Id,
    /// Title.
    pub title: Text,
    /// The one main executor (organisation id). A list is accepted so that a wrong plan can be
    /// loaded and reported; validation requires exactly one.
    #[serde(default, skip_serializing_if = "Executors::is_empty")]
    pub main_executor: Executors,
    /// Other executors (organisation ids).
    #[serde(
        default,
        skip_serializing_if = "ThinVec::is_empty",
        deserialize_with = "serde_impls::exact_list"
    )]
    #[schemars(with = "Vec<Id>")]
    pub other_executors: ThinVec<Id>,
    /// Start: a year, quarter, month or date; normalised to the first day.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<PeriodRef>,
    /// Deadline: a year, quarter, month or date; normalised to the last day.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deadline: Option<PeriodRef>,
    /// Duration in days (0 for a milestone); when absent it is `deadline - start + 1`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub duration_days: Option<i64>,
    /// Prerequisites.
    #[serde(default, skip_serializing_if = "Dependencies::is_empty")]
    #[schemars(with = "Vec<Dependency>")]
    pub depends_on: Dependencies,
    /// Modules delivered and the clusters they reach.
    #[serde(default, skip_serializing_if = "SmallVec::is_empty")]
    pub targets: SmallVec<[Target; 1]>,
    /// Funding sources.
    #[serde(
        default,
        skip_serializing_if = "ThinVec::is_empty",
        deserialize_with = "serde_impls::exact_list"
    )]
    #[schemars(with = "Vec<FundingSource>")]
    pub funding: ThinVec<FundingSource>,
    /// Expected result.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expected_result: Option<Box<Text>>,
    /// Indicator ids measuring this measure's result.
    #[serde(
        default,
        skip_serializing_if = "ThinVec::is_empty",
        deserialize_with = "serde_impls::exact_list"
    )]
    #[schemars(with = "Vec<Id>")]
    pub indicators: ThinVec<Id>,
    /// Execution status, when reported.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<Status>,
    /// Three-point duration estimate, for schedule risk.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub estimate: Option<Box<Estimate>>,
    /// Citation or URL for the facts of this measure.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// A free note (e.g. why a deadline was missed); `source` holds sources only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Box<String>>,
    /// Invented for illustration: `true` (all of it) or the invented fields' names.
    #[serde(default, skip_serializing_if = "Illustrative::is_no")]
    pub illustrative: Illustrative,
}

/// The `main_executor` field: normally one organisation id. Written as a string; a list is
/// accepted (and kept) so that validation can report it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Executors(pub SmallVec<[Id; 1]>);

impl Executors {
    /// One executor.
    pub fn one(id: impl Into<Id>) -> Self {
        Executors(smallvec![id.into()])
    }
    /// No executor given.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
    /// The executor when there is exactly one.
    pub fn single(&self) -> Option<&str> {
        match self.0.as_slice() {
            [one] => Some(one),
            _ => None,
        }
    }
}

/// Whether more is better.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Polarity {
    /// Higher values are better.
    #[default]
    Ascending,
    /// Lower values are better.
    Descending,
}

/// A value observed or targeted in a year.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct YearValue {
    /// Year.
    pub year: i32,
    /// Value.
    pub value: f64,
}

/// An interim or final target.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct IndicatorTarget {
    /// Year.
    pub year: i32,
    /// Target value.
    pub value: f64,
    /// True for the final target; the others are interim.
    #[serde(rename = "final", default, skip_serializing_if = "is_false")]
    pub is_final: bool,
}

/// A result indicator (Decree 1294: baseline, interim and final values).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Indicator {
    /// Identifier.
    pub id: Id,
    /// Name.
    pub name: Text,
    /// Unit, e.g. `%`, `institutions`, `services`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    /// Ascending (more is better) or descending.
    #[serde(default)]
    pub polarity: Polarity,
    /// Baseline value and year.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub baseline: Option<YearValue>,
    /// Interim and final targets by year.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub targets: Vec<IndicatorTarget>,
    /// Actual values by year.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub actuals: Vec<YearValue>,
    /// True when yearly values accumulate (a running total) rather than stand alone.
    #[serde(default, skip_serializing_if = "is_false")]
    pub cumulative: bool,
    /// Citation or URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// A free note (explanations, caveats); `source` holds sources only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Invented for illustration: `true` (all of it) or the invented fields' names.
    #[serde(default, skip_serializing_if = "Illustrative::is_no")]
    pub illustrative: Illustrative,
}

pub(crate) fn is_false(b: &bool) -> bool {
    !*b
}

// ---- hand-written serde for the two fields with two spellings ----

mod serde_impls {
    use super::*;
    use serde::de::{self, MapAccess, SeqAccess, Visitor};
    use std::fmt;
    use std::marker::PhantomData;

    /// Deserialize a list into a [`ThinVec`] allocated once at its exact length (a list
    /// deserialized element by element would start at capacity 4 and double): a million
    /// measures each carry a few short lists.
    pub(super) fn exact_list<'de, D, T>(d: D) -> Result<ThinVec<T>, D::Error>
    where
        D: serde::Deserializer<'de>,
        T: Deserialize<'de>,
    {
        struct V<T>(PhantomData<T>);
        impl<'de, T: Deserialize<'de>> Visitor<'de> for V<T> {
            type Value = ThinVec<T>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a list")
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<ThinVec<T>, A::Error> {
                let mut buf: SmallVec<[T; 8]> = SmallVec::new();
                while let Some(x) = seq.next_element()? {
                    buf.push(x);
                }
                let mut out = ThinVec::with_capacity(buf.len());
                out.extend(buf);
                Ok(out)
            }
        }
        d.deserialize_seq(V(PhantomData))
    }

    /// The object form of a reference with a relation and a lag, the one reader of both
    /// spellings that have it: a dependency's `{id, type, lag_days}` and a requirement's
    /// `{module, relation, lag_days}` (`fields` names the id, relation and lag keys). The id is
    /// required; an unknown key, or a key given twice, is an error.
    fn reference_object<'de, A: MapAccess<'de>>(
        mut map: A,
        fields: &'static [&'static str; 3],
    ) -> Result<(Id, Option<RelationType>, Option<i32>), A::Error> {
        let (mut id, mut relation, mut lag) = (None, None, None);
        while let Some(key) = map.next_key::<std::borrow::Cow<'de, str>>()? {
            let Some(k) = fields.iter().position(|f| *f == key.as_ref()) else {
                return Err(de::Error::unknown_field(key.as_ref(), fields));
            };
            let given = [id.is_some(), relation.is_some(), lag.is_some()];
            if given[k] {
                return Err(de::Error::duplicate_field(fields[k]));
            }
            match k {
                0 => id = Some(map.next_value::<Id>()?),
                1 => relation = Some(map.next_value::<RelationType>()?),
                _ => lag = Some(map.next_value::<i32>()?),
            }
        }
        let id = id.ok_or_else(|| de::Error::missing_field(fields[0]))?;
        Ok((id, relation, lag))
    }

    impl Serialize for Dependency {
        fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            self.as_ref().serialize(s)
        }
    }

    impl<'de> Deserialize<'de> for Dependency {
        fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            struct V;
            impl<'de> Visitor<'de> for V {
                type Value = Dependency;
                fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                    f.write_str("a measure id or an object {id, type, lag_days}")
                }
                fn visit_str<E: de::Error>(self, v: &str) -> Result<Dependency, E> {
                    Ok(Dependency::fs(v))
                }
                fn visit_string<E: de::Error>(self, v: String) -> Result<Dependency, E> {
                    Ok(Dependency {
                        id: v.into(),
                        kind: None,
                        lag_days: None,
                    })
                }
                fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Dependency, A::Error> {
                    let (id, kind, lag_days) = reference_object(map, &["id", "type", "lag_days"])?;
                    Ok(Dependency { id, kind, lag_days })
                }
            }
            d.deserialize_any(V)
        }
    }

    impl Serialize for Requirement {
        fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            use serde::ser::SerializeMap;
            if self.relation.is_none() && self.lag_days.is_none() {
                return s.serialize_str(&self.module);
            }
            let n = 1 + usize::from(self.relation.is_some()) + usize::from(self.lag_days.is_some());
            let mut m = s.serialize_map(Some(n))?;
            m.serialize_entry("module", self.module.as_str())?;
            if let Some(k) = self.relation {
                m.serialize_entry("relation", k.as_str())?;
            }
            if let Some(l) = self.lag_days {
                m.serialize_entry("lag_days", &l)?;
            }
            m.end()
        }
    }

    impl<'de> Deserialize<'de> for Requirement {
        fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            struct V;
            impl<'de> Visitor<'de> for V {
                type Value = Requirement;
                fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                    f.write_str("a module id or an object {module, relation, lag_days}")
                }
                fn visit_str<E: de::Error>(self, v: &str) -> Result<Requirement, E> {
                    Ok(Requirement::fs(v))
                }
                fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Requirement, A::Error> {
                    let (module, relation, lag_days) =
                        reference_object(map, &["module", "relation", "lag_days"])?;
                    Ok(Requirement {
                        module,
                        relation,
                        lag_days,
                    })
                }
            }
            d.deserialize_any(V)
        }
    }

    impl JsonSchema for Requirement {
        fn schema_name() -> std::borrow::Cow<'static, str> {
            "Requirement".into()
        }
        fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
            schemars::json_schema!({
                "description": "A required module id (finish-to-start, no lag) or an object with the relation the derived dependencies carry and a lag in days (negative = lead).",
                "oneOf": [
                    {"type": "string"},
                    {"type": "object", "additionalProperties": false, "required": ["module"],
                     "properties": {
                        "module": {"type": "string"},
                        "relation": {"enum": ["FS", "SS", "FF", "SF"]},
                        "lag_days": {"type": "integer"}
                     }}
                ]
            })
        }
    }

    impl Serialize for Executors {
        fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            match self.0.as_slice() {
                [one] => s.serialize_str(one),
                many => many.serialize(s),
            }
        }
    }

    impl<'de> Deserialize<'de> for Executors {
        fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            struct V;
            impl<'de> Visitor<'de> for V {
                type Value = Executors;
                fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                    f.write_str("an organisation id")
                }
                fn visit_str<E: de::Error>(self, v: &str) -> Result<Executors, E> {
                    Ok(Executors::one(v))
                }
                fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Executors, A::Error> {
                    let mut out = SmallVec::new();
                    while let Some(s) = seq.next_element::<Id>()? {
                        out.push(s);
                    }
                    Ok(Executors(out))
                }
                fn visit_unit<E: de::Error>(self) -> Result<Executors, E> {
                    Ok(Executors::default())
                }
            }
            d.deserialize_any(V)
        }
    }

    impl JsonSchema for Dependency {
        fn schema_name() -> std::borrow::Cow<'static, str> {
            "Dependency".into()
        }
        fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
            schemars::json_schema!({
                "description": "A prerequisite measure id (finish-to-start, no lag) or an object with a relation type and a lag in days (negative = lead).",
                "oneOf": [
                    {"type": "string"},
                    {"type": "object", "additionalProperties": false, "required": ["id"],
                     "properties": {
                        "id": {"type": "string"},
                        "type": {"enum": ["FS", "SS", "FF", "SF"]},
                        "lag_days": {"type": "integer"}
                     }}
                ]
            })
        }
    }

    impl JsonSchema for Executors {
        fn schema_name() -> std::borrow::Cow<'static, str> {
            "Executor".into()
        }
        fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
            schemars::json_schema!({
                "description": "Organisation id of the one main executor.",
                "oneOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}}]
            })
        }
    }
}
