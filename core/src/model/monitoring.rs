//! Monitoring data of the document: executors' reports (dated progress), evaluations, and the
//! reporting calendar (defaults: Decree 1294's 20 January for the executors; CAERC's practice of
//! 25 March for the M&E body's reports, not a rule of the Decree). The computations live in [`crate::monitoring`].

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::{Id, Illustrative, Status, Text};
use crate::period::PeriodRef;

/// An executor's report on its measures (Decree 1294: the annual report sent with supporting
/// documents to the coordinating body by 20 January). Its entries are the measures' states as
/// of `as_of`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Report {
    /// Identifier, e.g. `moc-2025`.
    pub id: Id,
    /// The reporting organisation (organisation id).
    pub by: Id,
    /// The period covered: a year (`2025`), quarter, month or date; for a half year write
    /// the last month or quarter it ends with and let the calendar say which period it is.
    pub period: PeriodRef,
    /// The date the statuses describe (a coarser period means its last day). Absent: the end
    /// of `period` or the submission date, whichever is earlier.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub as_of: Option<PeriodRef>,
    /// The date the report reached the coordinating body (a coarser period means its last
    /// day).
    pub submitted: PeriodRef,
    /// Supporting documents (*təsdiqedici sənədlər*): references or URLs.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub evidence: Vec<String>,
    /// One entry per measure reported on.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub entries: Vec<ReportEntry>,
    /// Indicator values reported.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub indicators: Vec<IndicatorReport>,
    /// Free note.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Citation or URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// Invented for illustration: `true` (all of it) or the invented fields' names.
    #[serde(default, skip_serializing_if = "Illustrative::is_no")]
    pub illustrative: Illustrative,
}

impl Report {
    /// The date the statuses describe: `as_of` (its last day), else the earlier of the end of
    /// the period and the submission date.
    pub fn as_of_date(&self) -> jiff::civil::Date {
        match &self.as_of {
            Some(a) => a.last_day(),
            None => self.period.last_day().min(self.submitted.last_day()),
        }
    }

    /// The submission date (the last day of `submitted`).
    pub fn submitted_date(&self) -> jiff::civil::Date {
        self.submitted.last_day()
    }
}

/// A measure's state in a report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ReportEntry {
    /// Measure id.
    pub measure: Id,
    /// Status as of the report's date.
    pub status: Status,
    /// Physical percent complete, 0..=100.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub percent_complete: Option<f64>,
    /// The day work began.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub actual_start: Option<PeriodRef>,
    /// The day work ended (required when `executed`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub actual_finish: Option<PeriodRef>,
    /// Days of work remaining after the report's date (P6's remaining duration).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub remaining_days: Option<i64>,
    /// Free note.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Supporting documents for this measure.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub evidence: Vec<String>,
}

/// An indicator value reported by an executor.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct IndicatorReport {
    /// Indicator id.
    pub indicator: Id,
    /// Year the value describes.
    pub year: i32,
    /// Value.
    pub value: f64,
    /// Free note.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// What an evaluation record is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum EvaluationKind {
    /// The M&E body's annual monitoring report for a year.
    AnnualMonitoring,
    /// A mid-term (interim) evaluation.
    Interim,
    /// The final (ex-post) evaluation after the period.
    Final,
}

/// An evaluation criterion of Decree 1294 (the OECD-DAC criteria).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum EvaluationCriterion {
    /// *Səmərəlilik*: results against resources.
    Efficiency,
    /// *Effektivlik*: how far the objectives were reached.
    Effectiveness,
    /// *Yekun nəticələr*: final results / impact.
    FinalResults,
    /// *Uyğunluq*: relevance to needs and priorities.
    Relevance,
    /// *Davamlılıq*: whether the results last.
    Sustainability,
}

impl EvaluationCriterion {
    /// Every criterion, in the Decree's order.
    pub const ALL: [EvaluationCriterion; 5] = [
        EvaluationCriterion::Efficiency,
        EvaluationCriterion::Effectiveness,
        EvaluationCriterion::FinalResults,
        EvaluationCriterion::Relevance,
        EvaluationCriterion::Sustainability,
    ];

    /// The snake_case name.
    pub fn as_str(self) -> &'static str {
        match self {
            EvaluationCriterion::Efficiency => "efficiency",
            EvaluationCriterion::Effectiveness => "effectiveness",
            EvaluationCriterion::FinalResults => "final_results",
            EvaluationCriterion::Relevance => "relevance",
            EvaluationCriterion::Sustainability => "sustainability",
        }
    }
}

/// One criterion judged by an evaluation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CriterionFinding {
    /// The criterion.
    pub criterion: EvaluationCriterion,
    /// A score on the evaluation's own scale (e.g. 0..=100), when it gives one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub score: Option<f64>,
    /// A rating in words, e.g. `satisfactory`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rating: Option<String>,
    /// The finding.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub finding: Option<Text>,
}

/// An evaluation or monitoring report of the M&E body.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Evaluation {
    /// Identifier.
    pub id: Id,
    /// Annual monitoring report, interim or final evaluation.
    pub kind: EvaluationKind,
    /// The evaluating body (organisation id); Decree 1294: not the coordinating body.
    pub by: Id,
    /// The period evaluated (a year for an annual monitoring report).
    pub period: PeriodRef,
    /// Publication date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<PeriodRef>,
    /// Findings per criterion.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub criteria: Vec<CriterionFinding>,
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

/// How often a kind of report is due.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Frequency {
    /// One report per calendar year.
    #[default]
    Year,
    /// One report per half year (January-June, July-December).
    HalfYear,
    /// One report per quarter.
    Quarter,
}

/// One kind of recurring report: how often, and on which days of the year it falls due.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ReportingRule {
    /// The period each report covers.
    #[serde(default)]
    pub every: Frequency,
    /// Due days as `MM-DD`. A period's report is due on the first of these days that comes
    /// after the period ends (`["01-20"]` yearly: the year's report by 20 January of the next
    /// year; `["03-25", "09-25"]` half-yearly: January-June by 25 September, July-December by
    /// 25 March).
    pub due: Vec<String>,
}

impl ReportingRule {
    /// Decree 1294: executors' annual reports by 20 January of the next year.
    pub fn decree_1294_executors() -> Self {
        ReportingRule {
            every: Frequency::Year,
            due: vec!["01-20".into()],
        }
    }

    /// The M&E body's annual monitoring report: by 25 March of the next year (CAERC
    /// practice; the Decree's own date was not available).
    pub fn decree_1294_monitoring() -> Self {
        ReportingRule {
            every: Frequency::Year,
            due: vec!["03-25".into()],
        }
    }
}

/// The reporting calendar: the obligations the rules create. Every field has the Decree 1294
/// default, so `{}` or an absent `reporting` means Decree 1294.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(default, deny_unknown_fields)]
pub struct ReportingCalendar {
    /// Executors' reports to the coordinating body. Default: yearly, due `01-20`.
    pub executor_reports: ReportingRule,
    /// The M&E body's monitoring reports. Default: yearly, due `03-25`.
    pub monitoring_reports: ReportingRule,
    /// The final report: due on the first of these `MM-DD` days after the strategy period
    /// ends, plus `final_report_years_after` years. Default `["03-25"]`.
    pub final_report_due: Vec<String>,
    /// Whole years added to the final report's due day. Default 0.
    pub final_report_years_after: u8,
}

impl Default for ReportingCalendar {
    fn default() -> Self {
        ReportingCalendar {
            executor_reports: ReportingRule::decree_1294_executors(),
            monitoring_reports: ReportingRule::decree_1294_monitoring(),
            final_report_due: vec!["03-25".into()],
            final_report_years_after: 0,
        }
    }
}

impl ReportingCalendar {
    /// True when every field has its default (then it is not written): Decree 1294's
    /// 20 January, CAERC's practice of 25 March.
    pub fn is_default(&self) -> bool {
        *self == ReportingCalendar::default()
    }
}
