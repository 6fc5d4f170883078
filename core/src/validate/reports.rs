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

use crate::dates::{MAX_DAYS, ReportingPeriod, day_number, day_number_i32, month_day, periods_of};
use crate::diagnostic::{Code, Diagnostic, err, warn};
use crate::ids::IdTable;
use crate::model::{Document, ReportingRule, Status};

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

/// Resolve and validate the reports, evaluations, reporting calendar and the numbers of the
/// indicators. Called once by the index, after the id tables are built.
pub(crate) fn check(
    doc: &Document,
    measures: &IdTable,
    orgs: &IdTable,
    directions: &IdTable,
    indicators: &IdTable,
    d: &mut Vec<Diagnostic>,
) -> ResolvedReports {
    let measure_of = |i: u32| doc.measures[i as usize].id.as_str();
    let org_of = |i: u32| doc.organizations[i as usize].id.as_str();
    let dir_of = |i: u32| doc.directions[i as usize].id.as_str();
    let ind_of = |i: u32| doc.indicators[i as usize].id.as_str();
    let s = &doc.strategy;
    let (p_start, p_end) = (s.period.start.first_day(), s.period.end.last_day());
    let n = doc.measures.len();

    // ---- numbers of the indicators (NaN / infinite) ----
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

    // ---- reporting calendar ----
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

    // ---- reports: header checks, rank order ----
    let nr = doc.reports.len();
    let as_of: Vec<Date> = doc.reports.iter().map(|r| r.as_of_date()).collect();
    let mut order: Vec<u32> = (0..nr as u32).collect();
    order.sort_by_key(|&i| {
        (
            as_of[i as usize],
            doc.reports[i as usize].submitted_date(),
            i,
        )
    });
    let report_ids = IdTable::build(
        doc.reports.iter().map(|r| r.id.as_str()),
        |i| doc.reports[i as usize].id.as_str(),
        "report",
        "reports",
        d,
    );
    drop(report_ids);
    let mut reporter = vec![NONE; nr];
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
                && !(1900..=2200).contains(&p.year_of())
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
        // late: the due day of the period its period ends in
        if let Some(p) = period_containing(&cal.executor_reports, r.period.last_day())
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

    // ---- entries: resolve, check, group by measure in rank order ----
    let mut count = vec![0u32; n + 1];
    let mut resolved_entries: Vec<Vec<u32>> = Vec::with_capacity(nr);
    for (i, r) in doc.reports.iter().enumerate() {
        let mut ms = Vec::with_capacity(r.entries.len());
        for (j, e) in r.entries.iter().enumerate() {
            let path = |f: &str| format!("reports[{i}].entries[{j}]{f}");
            let m = measures.get(&e.measure, measure_of);
            match m {
                None => d.push(err(
                    Code::UnknownReference,
                    path(".measure"),
                    Some(&r.id),
                    format!("unknown measure `{}`", e.measure),
                )),
                Some(mi) => {
                    count[mi as usize] += 1;
                    let me = &doc.measures[mi as usize];
                    let o = reporter[i];
                    if o != NONE
                        && !me.main_executor.0.iter().any(|x| x == &r.by)
                        && !me.other_executors.iter().any(|x| x == &r.by)
                    {
                        d.push(warn(
                            Code::ReporterNotExecutor,
                            path(".measure"),
                            Some(&r.id),
                            format!(
                                "`{}` reports on measure `{}` but is not one of its executors",
                                r.by, e.measure
                            ),
                        ));
                    }
                }
            }
            ms.push(m.unwrap_or(NONE));
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
            if e.status != Status::Executed
                && e.actual_finish.is_some()
                && e.status != Status::Cancelled
            {
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
        // a second entry for one measure in the same report
        if ms.len() > 1 {
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
        resolved_entries.push(ms);
    }
    // CSR by measure; filling in rank order keeps each group in rank order
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
            as_of: p_start,
            status: Status::NotExecuted,
        };
        acc as usize
    ];
    for &ri in &order {
        let r = &doc.reports[ri as usize];
        for (j, &m) in resolved_entries[ri as usize].iter().enumerate() {
            if m == NONE {
                continue;
            }
            let k = &mut fill[m as usize];
            entries[*k as usize] = EntryRef {
                report: ri,
                entry: j as u32,
                as_of: as_of[ri as usize],
                status: r.entries[j].status,
            };
            *k += 1;
        }
    }
    drop(resolved_entries);

    // ---- per-measure history: regression, disagreement with the undated status ----
    for m in 0..n {
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

    // ---- indicator values ----
    let mut values: Vec<Vec<ValueRef>> = vec![Vec::new(); doc.indicators.len()];
    // (indicator, year) -> first (value, report, k)
    let mut first: hashbrown::HashMap<(u32, i32), (f64, u32, usize)> = hashbrown::HashMap::new();
    for &ri in &order {
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
            if !(1900..=2200).contains(&v.year) {
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
                as_of: as_of[i],
            });
        }
    }
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

    // ---- evaluations ----
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

    // ---- per-measure columns ----
    let direction: Vec<u32> = doc
        .measures
        .iter()
        .map(|m| directions.get(&m.direction, dir_of).unwrap_or(NONE))
        .collect();
    let main_executor: Vec<u32> = doc
        .measures
        .iter()
        .map(|m| {
            m.main_executor
                .single()
                .and_then(|o| orgs.get(o, org_of))
                .unwrap_or(NONE)
        })
        .collect();
    let deadline: Vec<i32> = doc
        .measures
        .iter()
        .map(|m| {
            m.deadline
                .map_or(i32::MAX, |p| day_number_i32(p.last_day()))
        })
        .collect();
    let start: Vec<i32> = doc
        .measures
        .iter()
        .map(|m| m.start.map_or(i32::MIN, |p| day_number_i32(p.first_day())))
        .collect();

    let resolved = ResolvedReports {
        entry_off: off,
        entries,
        direction,
        main_executor,
        deadline,
        start,
        values,
    };

    // ---- missing reports ----
    if let Some(data_date) = doc.reports.iter().map(|r| r.submitted_date()).max() {
        let periods = periods_of(&cal.executor_reports, p_start, p_end);
        // which reports cover which period
        // a round is checked once its due date has passed by the data date, or as soon as
        // one report for it is in
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
            missing_in(doc, &resolved, p, p_start, p_end, d);
        }
    }
    resolved
}

/// The reporting period of `rule` that contains day `day` (with its due date).
pub(crate) fn period_containing(rule: &ReportingRule, day: Date) -> Option<ReportingPeriod> {
    let y = day.year();
    let (a, b) = (Date::new(y, 1, 1).ok()?, Date::new(y, 12, 31).ok()?);
    periods_of(rule, a, b)
        .into_iter()
        .find(|p| p.start <= day && day <= p.end)
}

/// Warn about each measure active in period `p` that no report covering `p` has an entry for.
fn missing_in(
    doc: &Document,
    r: &ResolvedReports,
    p: &ReportingPeriod,
    p_start: Date,
    p_end: Date,
    d: &mut Vec<Diagnostic>,
) {
    let (ps, pe) = (day_number_i32(p.start), day_number_i32(p.end));
    let covers = |ri: u32| {
        let last = doc.reports[ri as usize].period.last_day();
        p.start <= last && last <= p.end
    };
    let (s0, s1) = (day_number_i32(p_start), day_number_i32(p_end));
    for (m, me) in doc.measures.iter().enumerate().take(r.start.len()) {
        let start = if r.start[m] == i32::MIN {
            s0
        } else {
            r.start[m]
        };
        let end = if r.deadline[m] == i32::MAX {
            s1
        } else {
            r.deadline[m]
        };
        if start > pe || end < ps {
            continue;
        }
        let es = r.entries_of(m);
        if es.iter().any(|e| covers(e.report)) {
            continue;
        }
        // done or dropped before the period began: nothing to report
        let before = p.start.yesterday().unwrap_or(p.start);
        match r.status_as_of(doc, m, before) {
            Some(Status::Executed) | Some(Status::Cancelled)
                if r.entry_as_of(m, before).is_some() =>
            {
                continue;
            }
            _ => {}
        }
        if r.entry_as_of(m, before).is_none() && me.status == Some(Status::Cancelled) {
            continue;
        }
        let who = me.main_executor.single().unwrap_or("its main executor");
        d.push(warn(
            Code::MissingReport,
            format!("measures[{m}]"),
            Some(&me.id),
            format!(
                "measure `{}` was active in {} but no report for {} has an entry for it (main executor `{who}`, due {})",
                me.id,
                p.label,
                p.label,
                p.due.map(|x| x.to_string()).unwrap_or_default()
            ),
        ));
    }
}
