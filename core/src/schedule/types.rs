//! The public types of a schedule: its options, the computed [`Schedule`] with its columns,
//! records, critical paths and infeasible deadlines. How they are computed is in
//! [`super::input`] (the prepared network) and [`super::cpm`] (the passes).

use super::*;

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
    /// The id of a baseline of the document (`baselines`) to compare with: the records gain
    /// `baseline_start`, `baseline_finish`, `start_variance_days` and `finish_variance_days`
    /// ([`BaselineColumns`]). Default: none.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "wasm", tsify(optional))]
    pub baseline: Option<String>,
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
            baseline: None,
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
    /// With `baseline`: the measure's start in that baseline (none when it has no entry).
    #[serde(
        default,
        with = "dates::iso_opt",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "wasm", tsify(type = "string", optional))]
    pub baseline_start: Option<Date>,
    /// With `baseline`: the measure's finish (last day of work) in that baseline.
    #[serde(
        default,
        with = "dates::iso_opt",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "wasm", tsify(type = "string", optional))]
    pub baseline_finish: Option<Date>,
    /// With `baseline`: baseline start − early start, in working days under a calendar (as
    /// P6: negative = starts later than the baseline).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "wasm", tsify(optional))]
    pub start_variance_days: Option<i64>,
    /// With `baseline`: baseline finish − early finish, in working days under a calendar (as
    /// P6: negative = finishes later than the baseline).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "wasm", tsify(optional))]
    pub finish_variance_days: Option<i64>,
    /// The measure's schedule fields are invented for illustration (left out when not).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    #[cfg_attr(feature = "wasm", tsify(optional))]
    pub illustrative: bool,
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
    /// Per measure (rows): whether its schedule fields (start, deadline, duration,
    /// dependencies, status) are invented for illustration; empty when none is.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "wasm", tsify(optional))]
    pub illustrative: Vec<bool>,
    /// The comparison with a named baseline (option `baseline`), else `None`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "wasm", tsify(optional))]
    pub baseline: Option<BaselineColumns>,
}

/// A schedule's comparison with a named baseline of the document, by row (`None` for a
/// measure the baseline has no entry for). Variances are P6's: baseline − current, in working
/// days under the schedule's calendar (calendar days without one); negative = later than the
/// baseline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub struct BaselineColumns {
    /// The baseline's id.
    pub id: String,
    /// When it was taken (its last day, for a coarser period).
    #[serde(with = "dates::iso")]
    #[cfg_attr(feature = "wasm", tsify(type = "string"))]
    pub taken: Date,
    /// Baseline start, by row.
    #[serde(with = "dates::iso_opt_vec")]
    #[cfg_attr(feature = "wasm", tsify(type = "(string | null)[]"))]
    pub start: Vec<Option<Date>>,
    /// Baseline finish (last day of work), by row.
    #[serde(with = "dates::iso_opt_vec")]
    #[cfg_attr(feature = "wasm", tsify(type = "(string | null)[]"))]
    pub finish: Vec<Option<Date>>,
    /// Baseline start offset − early start offset, by row.
    pub start_variance_days: Vec<Option<i32>>,
    /// Baseline finish offset − early finish offset (both exclusive), by row.
    pub finish_variance_days: Vec<Option<i32>>,
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

    pub(crate) fn day_map(&self) -> Result<WorkingDays> {
        WorkingDays::new(self.project_start, self.calendar.as_ref())
    }

    /// Date of the project finish: the last day of work (the project start when the plan is
    /// empty or has only milestones at offset 0).
    pub fn finish_date(&self) -> Result<Date> {
        let map = self.day_map()?;
        map.finish_date(self.duration_days).ok_or_else(|| {
            WorkingDays::out_of_range("the project finish", self.duration_days, "schedule".into())
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
            .filter(|&i| self.is_near_critical(i))
            .map(|i| self.ids[i].as_str())
            .collect()
    }

    /// How many measures are near-critical ([`Schedule::near_critical`]), with no list.
    pub fn near_critical_count(&self) -> usize {
        (0..self.ids.len())
            .filter(|&i| self.is_near_critical(i))
            .count()
    }

    fn is_near_critical(&self, i: usize) -> bool {
        let tf = i64::from(self.total_float[i]);
        tf > self.critical_float_days && tf <= self.near_critical_days
    }

    /// How many measures are critical ([`Schedule::critical_ids`]), with no list.
    pub fn critical_count(&self) -> usize {
        self.critical.iter().filter(|&&c| c).count()
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

    pub(super) fn start_constraint(&self, row: usize) -> Option<i32> {
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
                let message =
                    crate::suggest::unknown("measure", id, self.ids.iter().map(|x| x.as_str()));
                Err(crate::ArgumentError::at(message, "id").into())
            }
        }
    }

    /// The records of the rows `rows` (measure indices: rows follow document order), one day
    /// map for all; `None` for a row out of range. For callers that walk many measures, where
    /// [`Schedule::record`] would look every id up.
    pub(crate) fn records_at(
        &self,
        rows: impl Iterator<Item = usize>,
    ) -> Result<Vec<Option<ScheduleRecord>>> {
        let map = self.day_map()?;
        rows.map(|i| {
            (i < self.ids.len())
                .then(|| self.record_with(&map, i))
                .transpose()
        })
        .collect()
    }

    fn record_with(&self, map: &WorkingDays, i: usize) -> Result<ScheduleRecord> {
        let (es, ef, ls, lf) = (
            i64::from(self.early_start[i]),
            i64::from(self.early_finish[i]),
            i64::from(self.late_start[i]),
            i64::from(self.late_finish[i]),
        );
        let pinned = self.start_constraint(i).map(i64::from) == Some(es);
        let err = |what: &str, k: i64| WorkingDays::out_of_range(what, k, format!("measures[{i}]"));
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
            baseline_start: self.baseline.as_ref().and_then(|b| b.start[i]),
            baseline_finish: self.baseline.as_ref().and_then(|b| b.finish[i]),
            start_variance_days: self
                .baseline
                .as_ref()
                .and_then(|b| b.start_variance_days[i])
                .map(i64::from),
            finish_variance_days: self
                .baseline
                .as_ref()
                .and_then(|b| b.finish_variance_days[i])
                .map(i64::from),
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
            illustrative: self.illustrative.get(i).copied().unwrap_or(false),
        })
    }
}
