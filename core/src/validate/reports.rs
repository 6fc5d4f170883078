//! The executors' reports: validated and resolved once, with the index (the state of a measure
//! as of a date, which reads the result, is in `monitoring::state`).
//!
//! **Order of reports.** Reports are ranked by `as_of`, then `submitted`, then document order.
//! A measure's state as of `D` is its entry in the highest-ranked report with `as_of ≤ D`
//! that has one: on the same `as_of` the later submission wins, and on the same submission
//! day the report later in the document. Inside one report, a second entry for the same
//! measure is an error (`duplicate_id`) and the last one wins.
//!
//! **Undated status.** A measure's own `status` has no date: it applies when no report with
//! `as_of ≤ D` has an entry for the measure. A report entry always wins over it; when the
//! measure's latest entry (in any report) disagrees with it, validation warns
//! (`status_disagrees_with_report`).

use jiff::civil::Date;

use super::{MAX_YEAR, MIN_YEAR};
use crate::dates::{MAX_DAYS, ReportingPeriod, day_number, day_number_i32, month_day, periods_of};
use crate::diagnostic::{Code, Diagnostic, err, warn};
use crate::ids::IdTable;
use crate::model::{Document, ReportingRule, Status};
use crate::model::{Report, ReportEntry};

/// No index.
pub(crate) const NONE: u32 = u32::MAX;

/// One report entry, as the resolution keeps it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct EntryRef {
    pub report: u32,
    pub entry: u32,
    pub as_of: Date,
    pub status: Status,
}

/// A reported indicator value, resolved.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct ValueRef {
    pub year: i32,
    pub value: f64,
    pub report: u32,
    pub as_of: Date,
}

/// The executors' reports resolved against the plan: built once with the index.
#[derive(Debug, Clone, Default)]
pub(crate) struct ResolvedReports {
    /// Per measure, CSR offsets into `entries` (length measures + 1).
    pub entry_off: Vec<u32>,
    /// Entries grouped by measure, each group in rank order.
    pub entries: Vec<EntryRef>,
    /// Direction index per measure (`NONE` when unknown).
    pub direction: Vec<u32>,
    /// Main executor (organisation index) per measure (`NONE` when unknown or not exactly
    /// one).
    pub main_executor: Vec<u32>,
    /// Deadline (day number) per measure, `i32::MAX` for none.
    pub deadline: Vec<i32>,
    /// Planned start (day number) per measure, `i32::MIN` for none.
    pub start: Vec<i32>,
    /// Reported values per indicator, in rank order (valid, finite values only).
    pub values: Vec<Vec<ValueRef>>,
}

impl ResolvedReports {
    /// The entries of measure `m`, in rank order.
    pub fn entries_of(&self, m: usize) -> &[EntryRef] {
        match (self.entry_off.get(m), self.entry_off.get(m + 1)) {
            (Some(&a), Some(&b)) => &self.entries[a as usize..b as usize],
            _ => &[],
        }
    }

    /// The entry that gives measure `m`'s state as of day number `d`.
    #[inline]
    pub fn entry_as_of(&self, m: usize, d: Date) -> Option<&EntryRef> {
        self.entries_of(m).iter().rev().find(|e| e.as_of <= d)
    }

    /// Measure `m`'s status as of `d`: the report entry, else the undated status.
    #[inline]
    pub fn status_as_of(&self, doc: &Document, m: usize, d: Date) -> Option<Status> {
        match self.entry_as_of(m, d) {
            Some(e) => Some(e.status),
            None => doc.measures[m].status,
        }
    }
}

/// The most measures a `missing_report` finding names in its message; the rest are counted
/// ("and 12 more"). One finding per executor and reporting period, whatever the plan's size.
pub(crate) const MISSING_REPORT_LISTED: usize = 10;

/// The strategy period, first and last day.
#[derive(Clone, Copy)]
struct Window {
    start: Date,
    end: Date,
}

/// Reports in rank order: `as_of`, then `submitted`, then document order.
struct Ranked {
    /// Each report's `as_of` (its period's last day when not given).
    as_of: Vec<Date>,
    /// Report indices in rank order.
    order: Vec<u32>,
}

/// Resolve and validate the executors' reports, the evaluations, the reporting calendar and
/// the numbers of the indicators: one pass per subject, in the order their diagnostics come.
/// Called once by the index, after the id tables are built.
pub(crate) fn check(
    doc: &Document,
    measures: &IdTable,
    orgs: &IdTable,
    directions: &IdTable,
    indicators: &IdTable,
    d: &mut Vec<Diagnostic>,
) -> ResolvedReports {
    let s = &doc.strategy;
    let window = Window {
        start: s.period.start.first_day(),
        end: s.period.end.last_day(),
    };
    check_indicator_numbers(doc, d);
    check_calendar(doc, d);
    let ranked = rank_reports(doc, d);
    let reporter = check_report_headers(doc, orgs, window, d);
    let entry_measures = check_entries(doc, measures, &reporter, d);
    let (entry_off, entries) = group_by_measure(doc, &ranked, &entry_measures, window);
    drop(entry_measures);
    check_histories(doc, &entry_off, &entries, d);
    let values = check_indicator_values(doc, indicators, &ranked, d);
    check_actuals(doc, &values, d);
    check_evaluations(doc, orgs, d);
    let (direction, main_executor, deadline, start) = measure_columns(doc, orgs, directions);
    let resolved = ResolvedReports {
        entry_off,
        entries,
        direction,
        main_executor,
        deadline,
        start,
        values,
    };
    check_missing_reports(doc, &resolved, window, d);
    resolved
}

/// NaN or infinite indicator numbers (baseline, targets, actuals).
fn check_indicator_numbers(doc: &Document, d: &mut Vec<Diagnostic>) {
    for (i, ind) in doc.indicators.iter().enumerate() {
        let mut bad = |path: String, v: f64| {
            if !v.is_finite() {
                d.push(err(
                    Code::NonFiniteNumber,
                    path,
                    Some(&ind.id),
                    format!("`{v}` is not a finite number"),
                ));
            }
        };
        if let Some(b) = &ind.baseline {
            bad(format!("indicators[{i}].baseline.value"), b.value);
        }
        for (j, t) in ind.targets.iter().enumerate() {
            bad(format!("indicators[{i}].targets[{j}].value"), t.value);
        }
        for (j, a) in ind.actuals.iter().enumerate() {
            bad(format!("indicators[{i}].actuals[{j}].value"), a.value);
        }
    }
}

/// The reporting calendar's due days (`MM-DD`, at least one per rule).
fn check_calendar(doc: &Document, d: &mut Vec<Diagnostic>) {
    let cal = &doc.reporting;
    for (field, list) in [
        ("executor_reports.due", &cal.executor_reports.due),
        ("monitoring_reports.due", &cal.monitoring_reports.due),
        ("final_report_due", &cal.final_report_due),
    ] {
        if list.is_empty() {
            d.push(err(
                Code::InvalidDueDay,
                format!("reporting.{field}"),
                None,
                "no due day given".into(),
            ));
        }
        for (j, x) in list.iter().enumerate() {
            if month_day(x).is_none() {
                d.push(err(
                    Code::InvalidDueDay,
                    format!("reporting.{field}[{j}]"),
                    None,
                    format!("`{x}` is not a due day `MM-DD` (29 February is not allowed)"),
                ));
            }
        }
    }
}

/// The reports' rank order; empty and duplicate report ids are diagnosed.
fn rank_reports(doc: &Document, d: &mut Vec<Diagnostic>) -> Ranked {
    let as_of: Vec<Date> = doc.reports.iter().map(|r| r.as_of_date()).collect();
    let mut order: Vec<u32> = (0..doc.reports.len() as u32).collect();
    order.sort_by_key(|&i| {
        (
            as_of[i as usize],
            doc.reports[i as usize].submitted_date(),
            i,
        )
    });
    IdTable::build(
        doc.reports.iter().map(|r| r.id.as_str()),
        |i| doc.reports[i as usize].id.as_str(),
        "report",
        "reports",
        d,
    );
    Ranked { as_of, order }
}

/// Each report's header: its organisation (resolved: the reporter per report, `NONE` when
/// unknown), plausible dates, its period against the strategy's, `as_of` against the
/// submission, and lateness against the executors' due day.
fn check_report_headers(
    doc: &Document,
    orgs: &IdTable,
    window: Window,
    d: &mut Vec<Diagnostic>,
) -> Vec<u32> {
    let org_of = |i: u32| doc.organizations[i as usize].id.as_str();
    let (p_start, p_end) = (window.start, window.end);
    let mut reporter = vec![NONE; doc.reports.len()];
    for (i, r) in doc.reports.iter().enumerate() {
        match orgs.get(&r.by, org_of) {
            Some(o) => reporter[i] = o,
            None => d.push(err(
                Code::UnknownReference,
                format!("reports[{i}].by"),
                Some(&r.id),
                format!("unknown organization `{}`", r.by),
            )),
        }
        for (path, p) in [
            (format!("reports[{i}].period"), Some(&r.period)),
            (format!("reports[{i}].as_of"), r.as_of.as_ref()),
            (format!("reports[{i}].submitted"), Some(&r.submitted)),
        ] {
            if let Some(p) = p
                && !(MIN_YEAR..=MAX_YEAR).contains(&p.year_of())
            {
                d.push(err(
                    Code::AbsurdDate,
                    path,
                    Some(&r.id),
                    format!("{} is not a plausible date", p.first_day()),
                ));
            }
        }
        if r.period.first_day() > p_end || r.period.last_day() < p_start {
            d.push(warn(
                Code::PeriodOutsideStrategy,
                format!("reports[{i}].period"),
                Some(&r.id),
                format!(
                    "report `{}` covers {} .. {}, outside the strategy period {p_start} .. {p_end}",
                    r.id,
                    r.period.first_day(),
                    r.period.last_day()
                ),
            ));
        }
        if let Some(a) = &r.as_of
            && a.last_day() > r.submitted_date()
        {
            d.push(warn(
                Code::InvalidProgress,
                format!("reports[{i}].as_of"),
                Some(&r.id),
                format!(
                    "report `{}` describes {} but was submitted on {}",
                    r.id,
                    a.last_day(),
                    r.submitted_date()
                ),
            ));
        }
        check_lateness(doc, i, r, d);
    }
    reporter
}

/// A report submitted after the due day of the period its period ends in.
fn check_lateness(doc: &Document, i: usize, r: &Report, d: &mut Vec<Diagnostic>) {
    if let Some(p) = period_containing(&doc.reporting.executor_reports, r.period.last_day())
        && let Some(due) = p.due
    {
        let late = day_number(r.submitted_date()) - day_number(due);
        if late > 0 {
            d.push(warn(
                Code::ReportLate,
                format!("reports[{i}].submitted"),
                Some(&r.id),
                format!(
                    "report `{}` for {} was submitted on {}, {late} days after its due date {due}",
                    r.id,
                    p.label,
                    r.submitted_date()
                ),
            ));
        }
    }
}

/// Every report's entries: the measure each names (resolved, `NONE` when unknown), per report
/// in entry order, with each entry's checks and then the report's duplicate entries.
fn check_entries(
    doc: &Document,
    measures: &IdTable,
    reporter: &[u32],
    d: &mut Vec<Diagnostic>,
) -> Vec<Vec<u32>> {
    let measure_of = |i: u32| doc.measures[i as usize].id.as_str();
    let mut out = Vec::with_capacity(doc.reports.len());
    for (i, r) in doc.reports.iter().enumerate() {
        let mut ms = Vec::with_capacity(r.entries.len());
        for (j, e) in r.entries.iter().enumerate() {
            let m = measures.get(&e.measure, measure_of);
            match m {
                None => d.push(err(
                    Code::UnknownReference,
                    format!("reports[{i}].entries[{j}].measure"),
                    Some(&r.id),
                    format!("unknown measure `{}`", e.measure),
                )),
                Some(mi) if reporter[i] != NONE => {
                    check_reporter(doc, (i, j), r, mi, d);
                }
                Some(_) => {}
            }
            ms.push(m.unwrap_or(NONE));
            check_entry(i, j, r, e, d);
        }
        check_duplicate_entries(doc, i, r, &ms, d);
        out.push(ms);
    }
    out
}

/// A report on a measure by an organisation that is not one of its executors.
fn check_reporter(
    doc: &Document,
    (i, j): (usize, usize),
    r: &Report,
    m: u32,
    d: &mut Vec<Diagnostic>,
) {
    let me = &doc.measures[m as usize];
    if !me.main_executor.0.iter().any(|x| x == &r.by)
        && !me.other_executors.iter().any(|x| x == &r.by)
    {
        d.push(warn(
            Code::ReporterNotExecutor,
            format!("reports[{i}].entries[{j}].measure"),
            Some(&r.id),
            format!(
                "`{}` reports on measure `{}` but is not one of its executors",
                r.by, me.id
            ),
        ));
    }
}

/// One entry's numbers, dates and status against each other and the submission.
fn check_entry(i: usize, j: usize, r: &Report, e: &ReportEntry, d: &mut Vec<Diagnostic>) {
    let path = |f: &str| format!("reports[{i}].entries[{j}]{f}");
    if let Some(p) = e.percent_complete {
        if !p.is_finite() {
            d.push(err(
                Code::NonFiniteNumber,
                path(".percent_complete"),
                Some(&r.id),
                format!("`{p}` is not a finite number"),
            ));
        } else if !(0.0..=100.0).contains(&p) {
            d.push(err(
                Code::PercentOutOfRange,
                path(".percent_complete"),
                Some(&r.id),
                format!(
                    "percent complete {p} for measure `{}` is outside 0..100",
                    e.measure
                ),
            ));
        }
    }
    if let Some(rd) = e.remaining_days
        && !(0..=MAX_DAYS).contains(&rd)
    {
        d.push(err(
            Code::InvalidProgress,
            path(".remaining_days"),
            Some(&r.id),
            format!(
                "remaining days {rd} for measure `{}` are outside 0..{}",
                e.measure, MAX_DAYS
            ),
        ));
    }
    if let (Some(a), Some(b)) = (&e.actual_start, &e.actual_finish)
        && b.last_day() < a.first_day()
    {
        d.push(err(
            Code::ActualFinishBeforeStart,
            path(".actual_finish"),
            Some(&r.id),
            format!(
                "measure `{}` finished ({}) before it started ({})",
                e.measure,
                b.last_day(),
                a.first_day()
            ),
        ));
    }
    for (f, p) in [
        (".actual_start", e.actual_start.as_ref()),
        (".actual_finish", e.actual_finish.as_ref()),
    ] {
        if let Some(p) = p
            && p.first_day() > r.submitted_date()
        {
            d.push(warn(
                Code::InvalidProgress,
                path(f),
                Some(&r.id),
                format!(
                    "measure `{}`: {} is after the report's submission ({})",
                    e.measure,
                    p.first_day(),
                    r.submitted_date()
                ),
            ));
        }
    }
    if e.status == Status::Executed && e.actual_finish.is_none() {
        d.push(warn(
            Code::ExecutedWithoutFinish,
            path(".status"),
            Some(&r.id),
            format!(
                "measure `{}` is reported executed without an actual_finish",
                e.measure
            ),
        ));
    }
    if e.status != Status::Executed && e.actual_finish.is_some() && e.status != Status::Cancelled {
        d.push(warn(
            Code::InvalidProgress,
            path(".actual_finish"),
            Some(&r.id),
            format!(
                "measure `{}` has an actual_finish but is reported {}",
                e.measure,
                e.status.as_str()
            ),
        ));
    }
}

/// A second entry for one measure in the same report (`ms`: the report's entries' measures).
fn check_duplicate_entries(
    doc: &Document,
    i: usize,
    r: &Report,
    ms: &[u32],
    d: &mut Vec<Diagnostic>,
) {
    if ms.len() <= 1 {
        return;
    }
    let mut seen: Vec<(u32, usize)> = ms
        .iter()
        .copied()
        .enumerate()
        .map(|(j, m)| (m, j))
        .collect();
    seen.sort_unstable();
    for w in seen.windows(2) {
        if w[0].0 == w[1].0 && w[0].0 != NONE {
            let j = w[1].1;
            d.push(err(
                Code::DuplicateId,
                format!("reports[{i}].entries[{j}].measure"),
                Some(&r.id),
                format!(
                    "measure `{}` has two entries in report `{}` (first at entries[{}]); the last one is used",
                    doc.reports[i].entries[j].measure, r.id, w[0].1
                ),
            ));
        }
    }
}

/// The entries grouped by measure (CSR: offsets, entries), each group in rank order.
fn group_by_measure(
    doc: &Document,
    ranked: &Ranked,
    entry_measures: &[Vec<u32>],
    window: Window,
) -> (Vec<u32>, Vec<EntryRef>) {
    let n = doc.measures.len();
    let mut count = vec![0u32; n + 1];
    for &m in entry_measures.iter().flatten() {
        if m != NONE {
            count[m as usize] += 1;
        }
    }
    let mut off = vec![0u32; n + 1];
    let mut acc = 0u32;
    for m in 0..n {
        off[m] = acc;
        acc += count[m];
    }
    off[n] = acc;
    let mut fill = off.clone();
    let mut entries = vec![
        EntryRef {
            report: 0,
            entry: 0,
            as_of: window.start,
            status: Status::NotExecuted,
        };
        acc as usize
    ];
    // filling in rank order keeps each group in rank order
    for &ri in &ranked.order {
        let r = &doc.reports[ri as usize];
        for (j, &m) in entry_measures[ri as usize].iter().enumerate() {
            if m == NONE {
                continue;
            }
            let k = &mut fill[m as usize];
            entries[*k as usize] = EntryRef {
                report: ri,
                entry: j as u32,
                as_of: ranked.as_of[ri as usize],
                status: r.entries[j].status,
            };
            *k += 1;
        }
    }
    (off, entries)
}

/// Each measure's reported history: going back from `executed`, and the undated status
/// against the latest report.
fn check_histories(doc: &Document, off: &[u32], entries: &[EntryRef], d: &mut Vec<Diagnostic>) {
    for m in 0..doc.measures.len() {
        let es = &entries[off[m] as usize..off[m + 1] as usize];
        if es.is_empty() {
            continue;
        }
        let mut executed_in: Option<u32> = None;
        for e in es {
            match (executed_in, e.status) {
                (_, Status::Executed) => executed_in = Some(e.report),
                (Some(prev), st) => {
                    let r = &doc.reports[e.report as usize];
                    d.push(warn(
                        Code::StatusRegression,
                        format!("reports[{}].entries[{}].status", e.report, e.entry),
                        Some(&r.id),
                        format!(
                            "measure `{}` was reported executed in `{}` and {} in the later report `{}`",
                            doc.measures[m].id,
                            doc.reports[prev as usize].id,
                            st.as_str(),
                            r.id
                        ),
                    ));
                    executed_in = None;
                }
                (None, _) => {}
            }
        }
        if let (Some(own), Some(last)) = (doc.measures[m].status, es.last())
            && own != last.status
        {
            d.push(warn(
                Code::StatusDisagreesWithReport,
                format!("measures[{m}].status"),
                Some(&doc.measures[m].id),
                format!(
                    "status `{}` differs from `{}` in the latest report `{}` (as of {}), which wins",
                    own.as_str(),
                    last.status.as_str(),
                    doc.reports[last.report as usize].id,
                    last.as_of
                ),
            ));
        }
    }
}

/// The indicator values the reports give, per indicator in rank order (valid, finite values
/// only); one value for one year reported differently twice is an error.
fn check_indicator_values(
    doc: &Document,
    indicators: &IdTable,
    ranked: &Ranked,
    d: &mut Vec<Diagnostic>,
) -> Vec<Vec<ValueRef>> {
    let ind_of = |i: u32| doc.indicators[i as usize].id.as_str();
    let mut values: Vec<Vec<ValueRef>> = vec![Vec::new(); doc.indicators.len()];
    // (indicator, year) -> first (value, report, k)
    let mut first: hashbrown::HashMap<(u32, i32), (f64, u32, usize)> = hashbrown::HashMap::new();
    for &ri in &ranked.order {
        let r = &doc.reports[ri as usize];
        let i = ri as usize;
        for (k, v) in r.indicators.iter().enumerate() {
            let path = |f: &str| format!("reports[{i}].indicators[{k}]{f}");
            let Some(ii) = indicators.get(&v.indicator, ind_of) else {
                d.push(err(
                    Code::UnknownReference,
                    path(".indicator"),
                    Some(&r.id),
                    format!("unknown indicator `{}`", v.indicator),
                ));
                continue;
            };
            if !v.value.is_finite() {
                d.push(err(
                    Code::NonFiniteNumber,
                    path(".value"),
                    Some(&r.id),
                    format!("`{}` is not a finite number", v.value),
                ));
                continue;
            }
            if !(i32::from(MIN_YEAR)..=i32::from(MAX_YEAR)).contains(&v.year) {
                d.push(err(
                    Code::AbsurdDate,
                    path(".year"),
                    Some(&r.id),
                    format!("{} is not a plausible year", v.year),
                ));
                continue;
            }
            match first.get(&(ii, v.year)) {
                Some(&(val, r0, k0)) if val != v.value => d.push(err(
                    Code::ConflictingValues,
                    path(".value"),
                    Some(&r.id),
                    format!(
                        "indicator `{}` for {} is reported as {} here and as {} in `{}` (indicators[{k0}]); the later report wins",
                        v.indicator, v.year, v.value, val, doc.reports[r0 as usize].id
                    ),
                )),
                Some(_) => {}
                None => {
                    first.insert((ii, v.year), (v.value, ri, k));
                }
            }
            values[ii as usize].push(ValueRef {
                year: v.year,
                value: v.value,
                report: ri,
                as_of: ranked.as_of[i],
            });
        }
    }
    values
}

/// An indicator's own `actuals` against the latest reported value of the same year.
fn check_actuals(doc: &Document, values: &[Vec<ValueRef>], d: &mut Vec<Diagnostic>) {
    for (ii, vs) in values.iter().enumerate() {
        let ind = &doc.indicators[ii];
        for (j, a) in ind.actuals.iter().enumerate() {
            if let Some(last) = vs.iter().rev().find(|v| v.year == a.year)
                && last.value != a.value
                && a.value.is_finite()
            {
                d.push(warn(
                    Code::StatusDisagreesWithReport,
                    format!("indicators[{ii}].actuals[{j}]"),
                    Some(&ind.id),
                    format!(
                        "actual {} for {} differs from {} reported in `{}`, which wins",
                        a.value, a.year, last.value, doc.reports[last.report as usize].id
                    ),
                ));
            }
        }
    }
}

/// The evaluations: a known body other than the coordinating one, finite scores.
fn check_evaluations(doc: &Document, orgs: &IdTable, d: &mut Vec<Diagnostic>) {
    let org_of = |i: u32| doc.organizations[i as usize].id.as_str();
    let s = &doc.strategy;
    for (i, e) in doc.evaluations.iter().enumerate() {
        match orgs.get(&e.by, org_of) {
            None => d.push(err(
                Code::UnknownReference,
                format!("evaluations[{i}].by"),
                Some(&e.id),
                format!("unknown organization `{}`", e.by),
            )),
            Some(_) if s.coordinating_body.as_deref() == Some(e.by.as_str()) => d.push(err(
                Code::CoordinatorIsMonitor,
                format!("evaluations[{i}].by"),
                Some(&e.id),
                format!(
                    "`{}` is the coordinating body; Decree 1294 gives monitoring and evaluation to another body",
                    e.by
                ),
            )),
            Some(_) => {}
        }
        for (j, c) in e.criteria.iter().enumerate() {
            if let Some(v) = c.score
                && !v.is_finite()
            {
                d.push(err(
                    Code::NonFiniteNumber,
                    format!("evaluations[{i}].criteria[{j}].score"),
                    Some(&e.id),
                    format!("`{v}` is not a finite number"),
                ));
            }
        }
    }
}

/// Per-measure columns: direction, single main executor (organisation indices, `NONE` when
/// unknown), deadline and planned start (day numbers, `i32::MAX` / `i32::MIN` for none).
type MeasureColumns = (Vec<u32>, Vec<u32>, Vec<i32>, Vec<i32>);

fn measure_columns(doc: &Document, orgs: &IdTable, directions: &IdTable) -> MeasureColumns {
    let org_of = |i: u32| doc.organizations[i as usize].id.as_str();
    let dir_of = |i: u32| doc.directions[i as usize].id.as_str();
    let direction = doc
        .measures
        .iter()
        .map(|m| directions.get(&m.direction, dir_of).unwrap_or(NONE))
        .collect();
    let main_executor = doc
        .measures
        .iter()
        .map(|m| {
            m.main_executor
                .single()
                .and_then(|o| orgs.get(o, org_of))
                .unwrap_or(NONE)
        })
        .collect();
    let deadline = doc
        .measures
        .iter()
        .map(|m| {
            m.deadline
                .map_or(i32::MAX, |p| day_number_i32(p.last_day()))
        })
        .collect();
    let start = doc
        .measures
        .iter()
        .map(|m| m.start.map_or(i32::MIN, |p| day_number_i32(p.first_day())))
        .collect();
    (direction, main_executor, deadline, start)
}

/// The executors' reporting periods that are due: once the due date has passed by the data
/// date (the latest submission), or as soon as one report for the period is in.
fn check_missing_reports(
    doc: &Document,
    resolved: &ResolvedReports,
    window: Window,
    d: &mut Vec<Diagnostic>,
) {
    let Some(data_date) = doc.reports.iter().map(|r| r.submitted_date()).max() else {
        return;
    };
    let periods = periods_of(&doc.reporting.executor_reports, window.start, window.end);
    let started = |p: &ReportingPeriod| {
        doc.reports.iter().any(|r| {
            let last = r.period.last_day();
            p.start <= last && last <= p.end
        })
    };
    for p in periods
        .iter()
        .filter(|p| p.due.is_some_and(|due| due <= data_date) || started(p))
    {
        missing_in(doc, resolved, p, window, d);
    }
}

/// The reporting period of `rule` that contains day `day` (with its due date).
pub(crate) fn period_containing(rule: &ReportingRule, day: Date) -> Option<ReportingPeriod> {
    let y = day.year();
    let (a, b) = (Date::new(y, 1, 1).ok()?, Date::new(y, 12, 31).ok()?);
    periods_of(rule, a, b)
        .into_iter()
        .find(|p| p.start <= day && day <= p.end)
}

/// Whether measure `m` owed a report for period `p`: active in it (planned start, else the
/// strategy start, on or before its end; deadline, else the strategy end, on or after its
/// start), with no entry in a report covering `p`, and not done or dropped before it began.
fn owes_report(
    doc: &Document,
    r: &ResolvedReports,
    m: usize,
    p: &ReportingPeriod,
    window: Window,
) -> bool {
    let (ps, pe) = (day_number_i32(p.start), day_number_i32(p.end));
    let start = if r.start[m] == i32::MIN {
        day_number_i32(window.start)
    } else {
        r.start[m]
    };
    let end = if r.deadline[m] == i32::MAX {
        day_number_i32(window.end)
    } else {
        r.deadline[m]
    };
    if start > pe || end < ps {
        return false;
    }
    let covers = |ri: u32| {
        let last = doc.reports[ri as usize].period.last_day();
        p.start <= last && last <= p.end
    };
    if r.entries_of(m).iter().any(|e| covers(e.report)) {
        return false;
    }
    let before = p.start.yesterday().unwrap_or(p.start);
    match r.entry_as_of(m, before) {
        // done or dropped before the period began: nothing to report
        Some(e) => !matches!(e.status, Status::Executed | Status::Cancelled),
        None => doc.measures[m].status != Some(Status::Cancelled),
    }
}

/// One warning per executor that owed a report for period `p` and has none, naming its
/// measures (at most [`MISSING_REPORT_LISTED`], then a count). Executors come in the order of
/// their first such measure; measures without a single main executor come together, last.
fn missing_in(
    doc: &Document,
    r: &ResolvedReports,
    p: &ReportingPeriod,
    window: Window,
    d: &mut Vec<Diagnostic>,
) {
    // executor id (None: no single main executor) -> its measures, in first-seen order
    let mut groups: Vec<(Option<&str>, Vec<u32>)> = Vec::new();
    let mut slot: hashbrown::HashMap<Option<&str>, usize> = hashbrown::HashMap::new();
    for (m, me) in doc.measures.iter().enumerate().take(r.start.len()) {
        if !owes_report(doc, r, m, p, window) {
            continue;
        }
        let who = me.main_executor.single();
        let k = *slot.entry(who).or_insert_with(|| {
            groups.push((who, Vec::new()));
            groups.len() - 1
        });
        groups[k].1.push(m as u32);
    }
    if let Some(k) = slot.get(&None).copied() {
        let none = groups.remove(k);
        groups.push(none);
    }
    let due = p.due.map(|x| x.to_string()).unwrap_or_default();
    for (who, ms) in groups {
        let listed = list_measures(doc, &ms);
        let count = match ms.len() {
            1 => "1 measure".to_owned(),
            n => format!("{n} measures"),
        };
        let first = ms[0] as usize;
        let (path, id, message) = match who {
            Some(o) => {
                let message = format!(
                    "executor `{o}` has no report for {} on {count} active in that period: {listed} (due {due})",
                    p.label
                );
                match r.main_executor[first] {
                    // an executor the plan does not know: its own diagnostic names the measure
                    NONE => ("reporting.executor_reports".to_owned(), None, message),
                    oi => (format!("organizations[{oi}]"), Some(o), message),
                }
            }
            None => (
                "reporting.executor_reports".to_owned(),
                None,
                format!(
                    "no report for {} covers {count} active in that period without a single main executor: {listed} (due {due})",
                    p.label
                ),
            ),
        };
        d.push(warn(Code::MissingReport, path, id, message));
    }
}

/// `` `1.1`, `1.2`, `1.3` `` and, past [`MISSING_REPORT_LISTED`], `` and 12 more``.
fn list_measures(doc: &Document, ms: &[u32]) -> String {
    let mut s = ms
        .iter()
        .take(MISSING_REPORT_LISTED)
        .map(|&m| format!("`{}`", doc.measures[m as usize].id))
        .collect::<Vec<_>>()
        .join(", ");
    if ms.len() > MISSING_REPORT_LISTED {
        s.push_str(&format!(" and {} more", ms.len() - MISSING_REPORT_LISTED));
    }
    s
}
