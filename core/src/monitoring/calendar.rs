//! The reporting calendar: the obligations the rules create, who reports to whom, and whether
//! each was met.
//!
//! Periods: `year` periods are calendar years, `half_year` January-June and July-December,
//! `quarter` calendar quarters, each labelled `2025`, `2025-H1`, `2025-Q3`. A period's report
//! is due on the first due day (`MM-DD`) of the rule that comes strictly after the period's
//! last day. Defaults: executors' reports yearly by 20 January (Decree 1294); the M&E body's
//! monitoring report yearly by 25 March and the final report by 25 March after the strategy
//! period (CAERC's practice for other state programmes, not a rule of Decree 1294).

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use crate::dates::{self, day_number_i32, due_after, periods_of};
use crate::model::{Document, EvaluationKind, Status};
use crate::strategy::Strategy;

/// What an obligation is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub enum ObligationKind {
    /// An executor's report on its measures, to the coordinating body.
    ExecutorReport,
    /// The M&E body's monitoring report for a period.
    MonitoringReport,
    /// The final report (evaluation) after the strategy period.
    FinalReport,
}

/// Whether an obligation was met.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub enum ObligationStatus {
    /// Submitted by the due date (or, for an evaluation without a publication date, on
    /// record).
    Submitted,
    /// Submitted after the due date.
    Late,
    /// Not submitted, and the due date has passed.
    Missing,
    /// Not submitted, not yet due.
    Upcoming,
}

impl ObligationStatus {
    /// The snake_case name.
    pub fn as_str(self) -> &'static str {
        match self {
            ObligationStatus::Submitted => "submitted",
            ObligationStatus::Late => "late",
            ObligationStatus::Missing => "missing",
            ObligationStatus::Upcoming => "upcoming",
        }
    }
}

/// One reporting obligation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "wasm", tsify(missing_as_null))]
pub struct Obligation {
    /// What is due.
    pub kind: ObligationKind,
    /// The period covered (`2025`, `2025-H1`, or `2024..2026` for the final report).
    pub period: String,
    /// Who reports (organisation id; empty when the strategy names no such body).
    pub from: String,
    /// To whom (the coordinating body's id; `public` for the M&E body's reports, which are
    /// published).
    pub to: String,
    /// Due date.
    #[serde(with = "dates::iso")]
    #[cfg_attr(feature = "wasm", tsify(type = "string"))]
    pub due: Date,
    /// Submitted, late, missing or upcoming.
    pub status: ObligationStatus,
    /// When it was submitted (the earliest of the reports that meet it).
    #[serde(with = "dates::iso_opt")]
    #[cfg_attr(feature = "wasm", tsify(type = "string | null"))]
    pub submitted: Option<Date>,
    /// Days after the due date it was submitted (late only), or days overdue (missing).
    pub days_late: Option<i64>,
    /// Ids of the reports or evaluations that meet it.
    pub reports: Vec<String>,
}

/// Options of [`Strategy::reporting_calendar`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub struct CalendarOptions {
    /// The day the calendar is read on: obligations due before it and not met are `missing`,
    /// later ones `upcoming`. Default: the document's data date (the latest report
    /// submission, evaluation publication or `statuses_as_of`; the strategy start when there
    /// is none).
    #[serde(with = "dates::iso_opt", skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "wasm", tsify(type = "string | null", optional))]
    pub as_of: Option<Date>,
}

/// The document's data date: the latest report submission, evaluation publication or
/// `statuses_as_of`.
pub(crate) fn data_date(doc: &Document) -> Date {
    doc.reports
        .iter()
        .map(|r| r.submitted_date())
        .chain(
            doc.evaluations
                .iter()
                .filter_map(|e| e.published.map(|p| p.last_day())),
        )
        .chain(doc.strategy.statuses_as_of.map(|p| p.last_day()))
        .max()
        .unwrap_or_else(|| doc.strategy.period.start.first_day())
}

fn status_of(
    due: Date,
    submitted: Option<Date>,
    met: bool,
    as_of: Date,
) -> (ObligationStatus, Option<i64>) {
    let days = |a: Date, b: Date| i64::from(day_number_i32(a) - day_number_i32(b));
    match (met, submitted) {
        (true, Some(s)) if s > due => (ObligationStatus::Late, Some(days(s, due))),
        (true, _) => (ObligationStatus::Submitted, None),
        (false, _) if due < as_of => (ObligationStatus::Missing, Some(days(as_of, due))),
        (false, _) => (ObligationStatus::Upcoming, None),
    }
}

impl Strategy {
    /// The reporting obligations the rules create over the strategy period, with who reports
    /// to whom and their status: executors' reports period by period (each main executor of a
    /// measure active in the period, in document order; other executors report through the
    /// main executor), the M&E body's monitoring
    /// reports, and the final report. Due dates come from the document's `reporting` (Decree
    /// 1294 defaults).
    pub fn reporting_calendar(&self, opts: &CalendarOptions) -> Vec<Obligation> {
        let doc = self.document();
        let r = &self.index().monitoring;
        let cal = &doc.reporting;
        let s = &doc.strategy;
        let (p_start, p_end) = (s.period.start.first_day(), s.period.end.last_day());
        let as_of = opts.as_of.unwrap_or_else(|| data_date(doc));
        let coordinator = s.coordinating_body.as_deref().unwrap_or("").to_owned();
        let monitor = s.monitoring_body.as_deref().unwrap_or("").to_owned();
        let mut out = Vec::new();

        for p in periods_of(&cal.executor_reports, p_start, p_end) {
            let Some(due) = p.due else { continue };
            let (ps, pe) = (day_number_i32(p.start), day_number_i32(p.end));
            // main executors of a measure active in the period
            let mut active = vec![false; doc.organizations.len()];
            for (m, me) in doc.measures.iter().enumerate().take(r.start.len()) {
                let start = if r.start[m] == i32::MIN {
                    day_number_i32(p_start)
                } else {
                    r.start[m]
                };
                let end = if r.deadline[m] == i32::MAX {
                    day_number_i32(p_end)
                } else {
                    r.deadline[m]
                };
                if start > pe || end < ps {
                    continue;
                }
                let before = p.start.yesterday().unwrap_or(p.start);
                if matches!(
                    r.status_as_of(doc, m, before),
                    Some(Status::Executed | Status::Cancelled)
                ) && r.entry_as_of(m, before).is_some()
                {
                    continue;
                }
                for o in me.main_executor.0.iter() {
                    if let Some(k) = doc.organizations.iter().position(|x| &x.id == o) {
                        active[k] = true;
                    }
                }
            }
            for (k, org) in doc.organizations.iter().enumerate() {
                if !active[k] {
                    continue;
                }
                let mine: Vec<&crate::model::Report> = doc
                    .reports
                    .iter()
                    .filter(|x| {
                        let last = x.period.last_day();
                        x.by == org.id && p.start <= last && last <= p.end
                    })
                    .collect();
                let submitted = mine.iter().map(|x| x.submitted_date()).min();
                let (status, days_late) = status_of(due, submitted, !mine.is_empty(), as_of);
                out.push(Obligation {
                    kind: ObligationKind::ExecutorReport,
                    period: p.label.clone(),
                    from: org.id.to_string(),
                    to: coordinator.clone(),
                    due,
                    status,
                    submitted,
                    days_late,
                    reports: mine.iter().map(|x| x.id.to_string()).collect(),
                });
            }
        }

        for p in periods_of(&cal.monitoring_reports, p_start, p_end) {
            let Some(due) = p.due else { continue };
            let mine: Vec<&crate::model::Evaluation> = doc
                .evaluations
                .iter()
                .filter(|e| {
                    let last = e.period.last_day();
                    e.kind == EvaluationKind::AnnualMonitoring && p.start <= last && last <= p.end
                })
                .collect();
            let submitted = mine
                .iter()
                .filter_map(|e| e.published.map(|x| x.last_day()))
                .min();
            let (status, days_late) = status_of(due, submitted, !mine.is_empty(), as_of);
            out.push(Obligation {
                kind: ObligationKind::MonitoringReport,
                period: p.label.clone(),
                from: monitor.clone(),
                to: "public".into(),
                due,
                status,
                submitted,
                days_late,
                reports: mine.iter().map(|e| e.id.to_string()).collect(),
            });
        }

        if let Some(due) = due_after(&cal.final_report_due, p_end) {
            let due = Date::new(
                due.year()
                    .saturating_add(i16::from(cal.final_report_years_after)),
                due.month(),
                due.day(),
            )
            .unwrap_or(due);
            let mine: Vec<&crate::model::Evaluation> = doc
                .evaluations
                .iter()
                .filter(|e| e.kind == EvaluationKind::Final)
                .collect();
            let submitted = mine
                .iter()
                .filter_map(|e| e.published.map(|x| x.last_day()))
                .min();
            let (status, days_late) = status_of(due, submitted, !mine.is_empty(), as_of);
            out.push(Obligation {
                kind: ObligationKind::FinalReport,
                period: format!("{}..{}", p_start.year(), p_end.year()),
                from: monitor.clone(),
                to: coordinator.clone(),
                due,
                status,
                submitted,
                days_late,
                reports: mine.iter().map(|e| e.id.to_string()).collect(),
            });
        }
        out
    }
}
