//! `Schedule` (the critical path method's result, docs/scheduling.md) and the operations of a
//! strategy that compute a schedule: `schedule`, `scheduleWithChanges`, `whatIf`, `rollout`,
//! `redundantDependencies`, `dsm`, `risk`.

use wasm_bindgen::prelude::*;

use crate::strategy::Strategy;
use crate::{args, error, js, out};

#[wasm_bindgen]
impl Strategy {
    #[cfg(feature = "full")]
    /// The critical-path schedule. Day offsets count from the project start, finish offsets
    /// are exclusive, dates are ISO. Throws `ArgumentError` for bad options (an unknown key, a
    /// bad date), `ValidationError`, `CycleError`, and `ScheduleError` for a calendar with no
    /// working day (`kind: "no_working_days"`, path `calendar.weekend`).
    pub fn schedule(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "ScheduleInit | null")] options: JsValue,
    ) -> Result<Schedule, JsValue> {
        Schedule::wrap(self.inner.schedule(&args::schedule(options)?))
    }

    #[cfg(feature = "full")]
    /// The schedule's CSV (`Schedule.toCsv()`'s columns) with the names beside the ids:
    /// `title, direction, direction_title, main_executor, main_executor_name` after the
    /// others, in `lang` (`en` by default, `az` or `ru`), falling back to another language.
    /// With `changes` (`scheduleWithChanges`'), the what-if schedule's CSV, named the same way.
    #[wasm_bindgen(js_name = "scheduleCsv")]
    pub fn schedule_csv(
        &self,
        #[wasm_bindgen(unchecked_param_type = "ScheduleInit | null | undefined")] options: JsValue,
        lang: Option<String>,
        #[wasm_bindgen(unchecked_optional_param_type = "DurationChange[] | null")] changes: JsValue,
    ) -> Result<String, JsValue> {
        let lang = match lang.as_deref() {
            Some(code) => eculture::api::lang(code).map_err(error::to_js)?,
            None => eculture::model::Lang::En,
        };
        let opts = args::schedule(options)?;
        let sch = if changes.is_null() || changes.is_undefined() {
            self.inner.schedule(&opts)
        } else {
            self.inner
                .schedule_with_changes(&opts, &args::changes(changes)?)
        }
        .map_err(error::to_js)?;
        sch.to_csv_named(&self.inner, lang).map_err(error::to_js)
    }

    /// A copy of the strategy holding a baseline `id` of the schedule computed with `options`
    /// (early dates), taken on `taken` (ISO; default: the status date, else the project start).
    /// A baseline with the same id is replaced. Compare with it by `schedule({baseline: id})`.
    #[cfg(feature = "full")]
    #[wasm_bindgen(js_name = "withBaseline")]
    pub fn with_baseline(
        &self,
        id: &str,
        #[wasm_bindgen(unchecked_optional_param_type = "string | null")] taken: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "ScheduleInit | null")] options: JsValue,
    ) -> Result<Strategy, JsValue> {
        let taken = match taken.is_null() || taken.is_undefined() {
            true => None,
            false => Some(args::date(taken, "taken")?),
        };
        let opts = args::schedule(options)?;
        Strategy::wrap(self.inner.with_baseline(id, taken, &opts))
    }

    /// The schedule after duration or start changes (`[{id: "3.2", days: 30}]`; see
    /// `whatIf`), without touching the strategy.
    #[wasm_bindgen(js_name = "scheduleWithChanges")]
    pub fn schedule_with_changes(
        &self,
        #[wasm_bindgen(unchecked_param_type = "DurationChange[]")] changes: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "ScheduleInit | null")] options: JsValue,
    ) -> Result<Schedule, JsValue> {
        let (opts, changes) = (args::schedule(options)?, args::changes(changes)?);
        Schedule::wrap(self.inner.schedule_with_changes(&opts, &changes))
    }

    /// Try changes on a copy of the plan: `[{id: "3.2", days: 30}]` lengthens 3.2 by 30 days
    /// (negative `days` shortens), `{id, days, kind: "start"}` holds its start back. Returns
    /// the new finish, the deadlines now missed, the float consumed per measure and the matrix
    /// cells whose delivery moves. Throws `ArgumentError` located at `changes[k]` for an
    /// unknown id or an impossible change.
    #[wasm_bindgen(js_name = "whatIf", unchecked_return_type = "WhatIf")]
    pub fn what_if(
        &self,
        #[wasm_bindgen(unchecked_param_type = "DurationChange[]")] changes: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "ScheduleInit | null")] options: JsValue,
    ) -> Result<JsValue, JsValue> {
        let (opts, changes) = (args::schedule(options)?, args::changes(changes)?);
        out(self.inner.what_if(&opts, &changes))
    }

    #[cfg(feature = "full")]
    /// Rollout over time: per cluster × module cell the date its last delivering measure
    /// finishes, and per cluster the share of applicable modules delivered by each quarter.
    #[wasm_bindgen(unchecked_return_type = "Rollout")]
    pub fn rollout(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "ScheduleInit | null")] options: JsValue,
    ) -> Result<JsValue, JsValue> {
        out(self.inner.rollout(&args::schedule(options)?))
    }

    #[cfg(feature = "full")]
    /// Explicit dependencies implied by others (transitive reduction), document order.
    #[wasm_bindgen(
        js_name = "redundantDependencies",
        unchecked_return_type = "RedundantDependency[]"
    )]
    pub fn redundant_dependencies(&self) -> Result<JsValue, JsValue> {
        out(self.inner.redundant_dependencies())
    }

    #[cfg(feature = "full")]
    /// The DSM view (also for cyclic plans): sequenced blocks, marks, suggested cuts.
    #[wasm_bindgen(unchecked_return_type = "Dsm")]
    pub fn dsm(&self) -> Result<JsValue, JsValue> {
        out(self.inner.dsm())
    }

    #[cfg(feature = "full")]
    /// Schedule risk: PERT figures and a seeded Monte-Carlo simulation. `risk` is
    /// `{runs?, seed?}` (defaults 2000 and 1); the same seed gives bit-identical numbers in
    /// Rust, Python and JS. Throws `ArgumentError` at `runs` outside 1..=1,000,000, and a
    /// `ValidationError` at `measures[i].estimate` for an estimate with optimistic > pessimistic.
    #[wasm_bindgen(unchecked_return_type = "Risk")]
    pub fn risk(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "RiskInit | null")] options: JsValue,
    ) -> Result<JsValue, JsValue> {
        let (opts, risk) = args::risk(options)?;
        out(self.inner.risk(&opts, &risk))
    }
}

/// A computed schedule (critical path method), from `Strategy.schedule()`. Day offsets count
/// from `projectStart` (calendar days, or working days under a calendar); finish offsets are
/// exclusive; dates are ISO `YYYY-MM-DD`. Records and reports keep the core's snake_case keys
/// (`early_start`, `total_float`, ...). `JSON.stringify(schedule)` writes `report()`.
#[wasm_bindgen]
#[derive(Debug, Clone)]
pub struct Schedule {
    pub(crate) inner: eculture::Schedule,
}

impl Schedule {
    pub(crate) fn wrap(result: eculture::Result<eculture::Schedule>) -> Result<Schedule, JsValue> {
        result.map(|inner| Schedule { inner }).map_err(error::to_js)
    }
}

#[wasm_bindgen]
impl Schedule {
    /// Project length in days (working days under a calendar): the largest early finish.
    #[wasm_bindgen(getter, js_name = "durationDays")]
    pub fn duration_days(&self) -> f64 {
        self.inner.duration_days() as f64
    }

    /// Date of offset 0.
    #[wasm_bindgen(getter, js_name = "projectStart")]
    pub fn project_start(&self) -> String {
        self.inner.project_start.to_string()
    }

    /// Project finish date: the last day of work. Throws `ScheduleError`
    /// (`date_out_of_range`) when it falls beyond year 9999.
    #[wasm_bindgen(getter, js_name = "finishDate")]
    pub fn finish_date(&self) -> Result<String, JsValue> {
        self.inner
            .finish_date()
            .map(|d| d.to_string())
            .map_err(error::to_js)
    }

    #[cfg(feature = "full")]
    /// One record per measure, document order: day offsets and dates.
    #[wasm_bindgen(js_name = "toRecords", unchecked_return_type = "ScheduleRecord[]")]
    pub fn to_records(&self) -> Result<JsValue, JsValue> {
        out(self.inner.records())
    }

    #[cfg(feature = "full")]
    /// The record of one measure. Throws an `ArgumentError` naming an unknown id (with the
    /// nearest id as a suggestion).
    #[wasm_bindgen(unchecked_return_type = "ScheduleRecord")]
    pub fn record(&self, id: &str) -> Result<JsValue, JsValue> {
        out(self.inner.lookup(id))
    }

    /// Every critical path as measure ids, first to last (ties kept, up to
    /// `maxCriticalPaths`; `report().critical_paths_truncated` says when more exist).
    #[wasm_bindgen(
        getter,
        js_name = "criticalPaths",
        unchecked_return_type = "string[][]"
    )]
    pub fn critical_paths(&self) -> Result<JsValue, JsValue> {
        js(&self.inner.critical_paths())
    }

    /// Critical measures (total float at most `criticalFloatDays`), document order.
    #[wasm_bindgen(getter, js_name = "criticalIds", unchecked_return_type = "string[]")]
    pub fn critical_ids(&self) -> Result<JsValue, JsValue> {
        js(&self.inner.critical_ids())
    }

    /// Near-critical measures (total float above `criticalFloatDays`, at most
    /// `nearCriticalDays`), document order.
    #[wasm_bindgen(getter, js_name = "nearCritical", unchecked_return_type = "string[]")]
    pub fn near_critical(&self) -> Result<JsValue, JsValue> {
        js(&self.inner.near_critical())
    }

    /// Deadlines the network cannot meet, each with the chain of measures that drives it.
    #[wasm_bindgen(
        getter,
        js_name = "infeasibleDeadlines",
        unchecked_return_type = "InfeasibleDeadline[]"
    )]
    pub fn infeasible_deadlines(&self) -> Result<JsValue, JsValue> {
        js(self.inner.infeasible_deadlines())
    }

    #[cfg(feature = "full")]
    /// The JSON export as an object: summary, records, critical paths, near-critical
    /// measures, infeasible deadlines.
    #[wasm_bindgen(unchecked_return_type = "ScheduleReport")]
    pub fn report(&self) -> Result<JsValue, JsValue> {
        out(self.inner.report())
    }

    #[cfg(feature = "full")]
    /// Same as `report()`: what `JSON.stringify(schedule)` writes.
    #[wasm_bindgen(js_name = "toJSON", unchecked_return_type = "ScheduleReport")]
    pub fn to_plain(&self) -> Result<JsValue, JsValue> {
        out(self.inner.report())
    }

    #[cfg(feature = "full")]
    /// `report()` as pretty JSON (the same text as the Rust and Python exports).
    #[wasm_bindgen(js_name = "toJson")]
    pub fn to_json(&self) -> Result<String, JsValue> {
        self.inner.to_json().map_err(error::to_js)
    }

    #[cfg(feature = "full")]
    /// CSV, one row per measure, the columns of `toRecords()`.
    #[wasm_bindgen(js_name = "toCsv")]
    pub fn to_csv(&self) -> Result<String, JsValue> {
        self.inner.to_csv().map_err(error::to_js)
    }

    #[cfg(feature = "full")]
    /// A Mermaid `gantt` chart of the early schedule (critical measures marked `crit`).
    #[wasm_bindgen(js_name = "toMermaid")]
    pub fn to_mermaid(&self) -> Result<String, JsValue> {
        self.inner.to_mermaid().map_err(error::to_js)
    }

    /// True when more critical paths exist than were listed.
    #[wasm_bindgen(getter, js_name = "criticalPathsTruncated")]
    pub fn critical_paths_truncated(&self) -> bool {
        self.inner.critical_paths_truncated
    }

    /// The core's one-line summary, the same text as Python's `repr()`.
    #[wasm_bindgen(js_name = "toString")]
    pub fn to_display(&self) -> String {
        eculture::api::Summary::summary(&self.inner)
    }
}
