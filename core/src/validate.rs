//! Diagnostics returned by [`crate::Strategy::validate`].
//!
//! Validation reports everything at once. Each [`Diagnostic`] has a severity, a stable
//! [`Code`], a JSON path into the document (`measures[12].depends_on[0]`), the id of the entity
//! concerned and a one-line message. Diagnostics come in a fixed order: checks run entity kind
//! by entity kind (strategy, organisations, directions, clusters, modules, indicators,
//! measures, then graph-wide checks such as cycles), each in document order.
//!
//! Operations refuse a strategy with *errors* ([`crate::Error::Validation`]); cycles only stop
//! the operations that need an acyclic plan ([`crate::Error::Cycle`]). Warnings never stop
//! anything.

use std::fmt;

use serde::{Deserialize, Serialize};

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
    /// Id of the entity concerned, when it has one.
    pub id: Option<String>,
    /// One-line explanation.
    pub message: String,
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} [{}] at {}: {}",
            self.severity.as_str(),
            self.code,
            self.path,
            self.message
        )
    }
}
