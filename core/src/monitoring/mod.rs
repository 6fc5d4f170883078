//! Monitoring and evaluation under Decree 1294: executors' dated reports, the state of each
//! measure as of a date, the execution rate, indicator achievement, the forecast as of a
//! status date (in [`crate::schedule`]), triage of late measures, the reporting calendar and
//! the annual monitoring report. Conventions: `docs/monitoring.md`.
//!
//! Every operation takes an options struct whose fields all have defaults (bindings pass a
//! dict or an object) and returns serde-serialisable records.

mod achievement;
mod annual_report;
mod calendar;
mod rate;
mod state;
mod triage;

pub use achievement::{
    Achievement, AchievementOptions, AchievementRecord, Band, Bands, IndicatorSummary, ResultsBy,
    ResultsRating, ResultsRatingOptions, ResultsRecord, RollupRecord, Trend,
};
pub use annual_report::{
    CellValue, MonitoringReport, MonitoringReportOptions, Picture, Section, Table,
};
pub use calendar::{CalendarOptions, Obligation, ObligationKind, ObligationStatus};
pub use rate::{
    ExecutionRate, ExecutionRateOptions, GroupBy, NoData, RateColumns, RateRecord, Scope, Weights,
};
pub use state::{MeasureState, StateSource};
pub use triage::{Triage, TriageKind, TriageOptions, TriageRecord};
