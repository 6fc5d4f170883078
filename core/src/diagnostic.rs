//! What validation finds: [`Diagnostic`], its [`Severity`], the stable [`Code`]s, the
//! [`Need`] levels and the blocking table (which diagnostic stops which operations), and the
//! one pair of constructors ([`err`], [`warn`]) every check builds its findings with. A leaf:
//! errors, suggestions and every rule hold diagnostics. The public paths are
//! `eculture::validate::{Diagnostic, Severity, Code, Need}` (re-exported there and at the
//! crate root).

use std::fmt;

use serde::{Deserialize, Serialize};

/// An error-severity diagnostic.
pub(crate) fn err(code: Code, path: String, id: Option<&str>, message: String) -> Diagnostic {
    Diagnostic::new(Severity::Error, code, path, id, message)
}

/// A warning-severity diagnostic.
pub(crate) fn warn(code: Code, path: String, id: Option<&str>, message: String) -> Diagnostic {
    Diagnostic::new(Severity::Warning, code, path, id, message)
}

/// How serious a diagnostic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub enum Severity {
    /// The plan is wrong; analyses refuse it.
    Error,
    /// Suspicious but usable.
    Warning,
}

impl Severity {
    /// `error` or `warning`.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

macro_rules! codes {
    ($( $(#[$doc:meta])* $variant:ident = $s:literal, )*) => {
        /// Stable diagnostic codes. The string forms (`duplicate_id`, ...) never change meaning.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
        #[serde(rename_all = "snake_case")]
        #[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
        #[non_exhaustive]
        pub enum Code {
            $( $(#[$doc])* $variant, )*
        }
        impl Code {
            /// The stable string form.
            pub fn as_str(self) -> &'static str {
                match self { $( Code::$variant => $s, )* }
            }
            /// Every code, in declaration order.
            pub const ALL: &'static [Code] = &[$( Code::$variant, )*];
        }
    };
}

codes! {
    /// Two entities of the same kind share an id.
    DuplicateId = "duplicate_id",
    /// An id is empty or blank.
    EmptyId = "empty_id",
    /// A reference to an id that does not exist (direction, executor, module, cluster,
    /// indicator, goal, dependency).
    UnknownReference = "unknown_reference",
    /// A dependency cycle between measures (the message gives the full path).
    DependencyCycle = "dependency_cycle",
    /// Modules require each other in a loop.
    ModuleCycle = "module_cycle",
    /// A measure's start or deadline falls outside the strategy period.
    PeriodOutsideStrategy = "period_outside_strategy",
    /// A start after the deadline, or a strategy period that ends before it starts.
    StartAfterDeadline = "start_after_deadline",
    /// A date before 1900 or after 2200.
    AbsurdDate = "absurd_date",
    /// A measure's deadline is earlier than a prerequisite's deadline (an error for FS/FF
    /// relations, a warning for SS/SF).
    DeadlineBeforePrerequisite = "deadline_before_prerequisite",
    /// A module whose rule selects no cluster.
    ModuleAppliesToNothing = "module_applies_to_nothing",
    /// A rule names a tag that no cluster carries.
    UnknownTag = "unknown_tag",
    /// A measure targets a cluster its module does not apply to.
    TargetNotApplicable = "target_not_applicable",
    /// A measure delivers a module to a cluster, but no measure delivers a module it requires
    /// there.
    RequirementNotDelivered = "requirement_not_delivered",
    /// A measure has no main executor, or more than one.
    MainExecutorCount = "main_executor_count",
    /// The coordinating body is also the monitoring & evaluation body (Decree 1294 forbids it).
    CoordinatorIsMonitor = "coordinator_is_monitor",
    /// The coordinating or the monitoring & evaluation body is not named.
    MissingRole = "missing_role",
    /// An indicator target equals its baseline, so achievement is undefined (error for the final
    /// target, warning for an interim one).
    TargetEqualsBaseline = "target_equals_baseline",
    /// An indicator has no baseline or no target.
    IndicatorIncomplete = "indicator_incomplete",
    /// A title or name is missing, or the strategy title lacks `az` or `en`.
    MissingTitle = "missing_title",
    /// A negative or absurd duration.
    InvalidDuration = "invalid_duration",
    /// A duration longer than the start..deadline window.
    DurationExceedsWindow = "duration_exceeds_window",
    /// A lag beyond ±36500 days.
    InvalidLag = "invalid_lag",
    /// The same prerequisite listed twice.
    DuplicateDependency = "duplicate_dependency",
    /// A three-point estimate that is negative or not optimistic ≤ most likely ≤ pessimistic.
    InvalidEstimate = "invalid_estimate",
    /// More entities than the index can address.
    TooLarge = "too_large",
    /// A report entry's organisation is neither the main executor nor another executor of the
    /// measure (warning).
    ReporterNotExecutor = "reporter_not_executor",
    /// A report entry's `actual_finish` is before its `actual_start`.
    ActualFinishBeforeStart = "actual_finish_before_start",
    /// A report entry says `executed` without an `actual_finish` (warning).
    ExecutedWithoutFinish = "executed_without_finish",
    /// A `percent_complete` outside 0..=100.
    PercentOutOfRange = "percent_out_of_range",
    /// A NaN or infinite number (YAML `.nan`, TOML `inf`) in an indicator, report or
    /// evaluation.
    NonFiniteNumber = "non_finite_number",
    /// A negative or absurd `remaining_days`, or progress that contradicts the status
    /// (warning).
    InvalidProgress = "invalid_progress",
    /// A report submitted after its due date (warning; the message gives the days late).
    ReportLate = "report_late",
    /// A measure active in a reporting period that no report of that period covers (warning).
    MissingReport = "missing_report",
    /// A measure reported `executed`, then reported as not executed by a later report
    /// (warning).
    StatusRegression = "status_regression",
    /// One indicator value for one year reported twice with different values.
    ConflictingValues = "conflicting_values",
    /// A measure's undated `status` (or an indicator's `actuals`) differs from the latest
    /// report, which wins (warning).
    StatusDisagreesWithReport = "status_disagrees_with_report",
    /// A reporting-calendar due day that is not a valid `MM-DD`.
    InvalidDueDay = "invalid_due_day",
    /// A scored influence (`influences`) with an intensity above 3, an entity influencing
    /// itself, or a pair scored twice; MICMAC leaves it out.
    InvalidInfluence = "invalid_influence",
    /// A `programme:measure` dependency outside a portfolio (warning): it holds nothing until
    /// the plans are analysed together (`Portfolio`).
    ExternalDependency = "external_dependency",
    /// A portfolio programme defines a shared organisation, cluster or module differently from
    /// an earlier programme (warning; the earlier definition is used).
    PortfolioConflict = "portfolio_conflict",
    /// An `illustrative` list names a field its entity does not have.
    UnknownIllustrativeField = "unknown_illustrative_field",
    /// A calendar year of the strategy, ended by the document's data date, in which the
    /// working group did not meet (Decree 1294: at least once a year) (warning).
    WorkingGroupNoMeeting = "working_group_no_meeting",
    /// A measure's main executor is not a member of the working group (warning, one per
    /// executor).
    ExecutorNotInWorkingGroup = "executor_not_in_working_group",
    /// A spreadsheet cell whose value could not be read (a period, a number, a funding
    /// source, JSON); the rest of the row is read. Located by `sheet` and `cell`.
    UnreadableCell = "unreadable_cell",
    /// A non-empty spreadsheet cell outside the table, or under a heading eculture does not
    /// know; its text is in the message (warning).
    UnplacedCell = "unplaced_cell",
    /// A value a spreadsheet did not state and the import inferred (the strategy's period
    /// from the measures' years) (warning).
    InferredValue = "inferred_value",
    /// Data of an MS Project or Primavera file that a strategy cannot hold (resources,
    /// assignments, costs, relations on summary tasks, other constraint types, the calendar),
    /// or that was read approximately (a duration in part days); what it is is in the
    /// message (warning).
    UnsupportedProjectData = "unsupported_project_data",
    /// An assessment's `level` or `target_level` outside the 0-5 maturity scale
    /// (`docs/assessment.md`); the assessment is left out.
    LevelOutOfRange = "level_out_of_range",
    /// An assessment's `target_level` below its `level` (warning).
    TargetBelowLevel = "target_below_level",
    /// An assessment reaching more institutions than its cluster has; the assessment is
    /// left out.
    ReachedExceedsInstitutions = "reached_exceeds_institutions",
    /// An assessment of a cell whose module does not apply to the cluster; the assessment
    /// is left out.
    AssessmentNotApplicable = "assessment_not_applicable",
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One finding of validation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "wasm", tsify(missing_as_null))]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// Stable code.
    pub code: Code,
    /// JSON path of the offending value, e.g. `measures[12].depends_on[0]`.
    pub path: String,
    /// Id of the entity concerned, when it has one (the measure, module, ... named by the
    /// first segment of `path`).
    pub id: Option<String>,
    /// One-line explanation, in the user's terms (ids in backticks; a suggestion when an
    /// unknown reference is close to an existing id).
    pub message: String,
    /// The nearest existing id, for an unknown reference that looks like a typo.
    #[serde(default)]
    pub suggestion: Option<String>,
    /// 1-based line of `path` in the text the document was read from, when it was read from
    /// text (a file or a string of at most [`crate::locate::MAX_LOCATED_BYTES`] bytes).
    #[serde(default)]
    pub line: Option<u32>,
    /// 1-based column (in characters) that goes with `line`.
    #[serde(default)]
    pub column: Option<u32>,
    /// The sheet of the workbook the value was read from, when the document came from a
    /// spreadsheet (`Strategy::from_xlsx`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sheet: Option<String>,
    /// The cell of `sheet`, e.g. `E17`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cell: Option<String>,
}

impl Diagnostic {
    /// A diagnostic without suggestion or location.
    pub fn new(
        severity: Severity,
        code: Code,
        path: impl Into<String>,
        id: Option<&str>,
        message: impl Into<String>,
    ) -> Diagnostic {
        Diagnostic {
            severity,
            code,
            path: path.into(),
            id: id.map(str::to_owned),
            message: message.into(),
            suggestion: None,
            line: None,
            column: None,
            sheet: None,
            cell: None,
        }
    }

    /// The kind of entity the diagnostic is about, read from the first segment of its path:
    /// `measure`, `module`, `cluster`, `organization`, `direction`, `indicator`, `goal`,
    /// `report`, `evaluation`, `baseline`, `influence`, `assessment` or `strategy`.
    pub fn entity(&self) -> &'static str {
        entity_of(&self.path)
    }

    /// The operations this diagnostic stops (see [`Need`] and `docs/diagnostics.md`), or
    /// `None` when every result is still computed and carries it.
    pub fn blocks(&self) -> Option<Need> {
        blocks(self)
    }
}

/// The kind of entity a JSON path is about.
pub(crate) fn entity_of(path: &str) -> &'static str {
    let head = path.split(['.', '[']).next().unwrap_or("");
    match head {
        "measures" => "measure",
        "modules" => "module",
        "clusters" => "cluster",
        "organizations" => "organization",
        "directions" => "direction",
        "indicators" => "indicator",
        "reports" => "report",
        "evaluations" => "evaluation",
        "baselines" => "baseline",
        "influences" => "influence",
        "assessments" => "assessment",
        "strategy" if path.starts_with("strategy.goals[") => "goal",
        _ => "strategy",
    }
}

impl Diagnostic {
    /// The diagnostic as a compiler would print it for `file`:
    /// `plan.yaml:412:7: error [unknown_reference] measure `6.2` at measures[29].depends_on[0]:
    /// unknown measure `6.l`; did you mean `6.1`?` (without line, `plan.yaml: ...`).
    pub fn to_string_in(&self, file: &str) -> String {
        let at = match (self.line, self.column) {
            (Some(l), Some(c)) => format!("{file}:{l}:{c}"),
            (Some(l), None) => format!("{file}:{l}"),
            _ => file.to_owned(),
        };
        let mut d = self.clone();
        d.line = None;
        format!("{at}: {d}")
    }
}

impl fmt::Display for Diagnostic {
    /// `error [unknown_reference] measure `6.2` at measures[29].depends_on[0], line 412:
    /// unknown measure `6.l`; did you mean `6.1`?`
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} [{}] ", self.severity.as_str(), self.code)?;
        if let Some(id) = &self.id {
            write!(f, "{} `{id}` ", self.entity())?;
        }
        write!(f, "at {}", self.path)?;
        if let Some(line) = self.line {
            write!(f, ", line {line}")?;
        }
        if let (Some(sheet), Some(cell)) = (&self.sheet, &self.cell)
            && !self.message.contains(cell.as_str())
        {
            write!(f, ", sheet `{sheet}` cell {cell}")?;
        }
        write!(f, ": {}", self.message)
    }
}

/// What an operation needs from the document. The levels are ordered: each needs everything
/// the ones before it need. A diagnostic that [blocks](Diagnostic::blocks) a level stops the
/// operations of that level and of every later one; everything else is computed and the
/// diagnostics stand beside the result.
///
/// | level | operations |
/// |---|---|
/// | `Cells` | `matrix`, `rollup` |
/// | `Graph` | `graph`, `impact`, `ancestors`, `find_cycle`, `dependencies`, `cyclic_blocks`, `dsm`, `impact_indices`, `descendant_counts` |
/// | `Dag` | `topological_order`, `waves`, `order_indices`, `wave_index`, `redundant_dependencies` |
/// | `Schedule` | `schedule`, `schedule_with_changes`, `what_if`, `rollout`, `risk` |
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub enum Need {
    /// The cluster × module cells: cluster and module ids must be unique.
    Cells,
    /// The dependency graph: measure ids unique, every dependency resolved, modules not
    /// requiring each other in a loop.
    Graph,
    /// An acyclic dependency graph.
    Dag,
    /// Durations, lags and estimates the schedule can use.
    Schedule,
}

impl Need {
    /// `cells`, `graph`, `dag` or `schedule`.
    pub fn as_str(self) -> &'static str {
        match self {
            Need::Cells => "cells",
            Need::Graph => "graph",
            Need::Dag => "dag",
            Need::Schedule => "schedule",
        }
    }
}

/// The blocking table (documented in `docs/diagnostics.md`, checked by a test against
/// [`Code::ALL`]). Only error-severity diagnostics block.
fn blocks(d: &Diagnostic) -> Option<Need> {
    if d.severity != Severity::Error {
        return None;
    }
    let entity = d.entity();
    match d.code {
        Code::TooLarge => Some(Need::Cells),
        // ambiguous ids: cells for clusters and modules, the graph for measures
        Code::DuplicateId | Code::EmptyId => match entity {
            "cluster" | "module" => Some(Need::Cells),
            "measure" => Some(Need::Graph),
            _ => None,
        },
        // a dependency that does not resolve, or that the graph cannot hold, leaves the graph
        // wrong; derived dependencies are skipped while modules loop
        Code::UnknownReference
            if d.path.contains(".depends_on[") || d.path.contains(".requires[") =>
        {
            Some(Need::Graph)
        }
        Code::InvalidLag | Code::ModuleCycle => Some(Need::Graph),
        Code::DependencyCycle => Some(Need::Dag),
        Code::InvalidDuration | Code::InvalidEstimate => Some(Need::Schedule),
        Code::UnknownReference
        | Code::PeriodOutsideStrategy
        | Code::StartAfterDeadline
        | Code::AbsurdDate
        | Code::DeadlineBeforePrerequisite
        | Code::ModuleAppliesToNothing
        | Code::UnknownTag
        | Code::TargetNotApplicable
        | Code::RequirementNotDelivered
        | Code::MainExecutorCount
        | Code::CoordinatorIsMonitor
        | Code::MissingRole
        | Code::TargetEqualsBaseline
        | Code::IndicatorIncomplete
        | Code::MissingTitle
        | Code::DurationExceedsWindow
        | Code::DuplicateDependency
        // monitoring: reports and evaluations never stop planning answers; the monitoring
        // operations leave the offending entry or value out and the diagnostic stands beside
        | Code::ReporterNotExecutor
        | Code::ActualFinishBeforeStart
        | Code::ExecutedWithoutFinish
        | Code::PercentOutOfRange
        | Code::NonFiniteNumber
        | Code::InvalidProgress
        | Code::ReportLate
        | Code::MissingReport
        | Code::StatusRegression
        | Code::ConflictingValues
        | Code::StatusDisagreesWithReport
        | Code::InvalidDueDay
        // MICMAC leaves a scored influence that does not resolve out
        | Code::InvalidInfluence
        | Code::ExternalDependency
        | Code::PortfolioConflict
        | Code::UnknownIllustrativeField
        | Code::WorkingGroupNoMeeting
        | Code::ExecutorNotInWorkingGroup
        | Code::UnreadableCell
        | Code::UnplacedCell
        | Code::InferredValue
        | Code::UnsupportedProjectData
        // the matrix leaves an assessment that does not resolve out
        | Code::LevelOutOfRange
        | Code::TargetBelowLevel
        | Code::ReachedExceedsInstitutions
        | Code::AssessmentNotApplicable => None,
    }
}
