//! The M&E body's annual monitoring report: one set of tables rendered as Markdown,
//! self-contained HTML (A4-printable) and XLSX (one sheet per table; cargo feature `xlsx`,
//! native targets only).

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use super::achievement::{
    Achievement, AchievementOptions, Bands, ResultsBy, ResultsRating, ResultsRatingOptions,
};
use super::calendar::CalendarOptions;
use super::rate::{ExecutionRateOptions, GroupBy, NoData, RateRecord, Scope, Weights};
use super::triage::TriageOptions;
use crate::error::{ArgumentError, Result};
use crate::escape::xml;
use crate::model::{EvaluationCriterion, Lang, Status};
use crate::schedule::{OutOfSequence, ScheduleOptions};
use crate::strategy::Strategy;
use crate::validate::Code;

/// Options of [`Strategy::monitoring_report`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub struct MonitoringReportOptions {
    /// The year reported on. Default: the year before the document's data date (the annual
    /// report is written after the executors' reports of 20 January).
    #[cfg_attr(feature = "wasm", tsify(optional))]
    pub year: Option<i32>,
    /// The date of the states. Default: 31 December of the year.
    #[serde(
        with = "crate::schedule::dates_iso_opt",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "wasm", tsify(type = "string | null", optional))]
    pub as_of: Option<Date>,
    /// Which measures the execution rate counts. Default `due`.
    pub scope: Scope,
    /// Status weights. Default 1 / 0.5 / 0.
    pub weights: Weights,
    /// Measures without status. Default `separate`.
    pub no_data: NoData,
    /// Achievement bands.
    pub bands: Bands,
    /// Out-of-sequence rule of the forecast.
    pub out_of_sequence: OutOfSequence,
    /// The language of the names beside the ids (directions, executors, measures, clusters,
    /// modules, indicators): `en` (default), `az` or `ru`; a name missing in it falls back to
    /// English, then Azerbaijani, then the id.
    pub lang: Lang,
}

impl Default for MonitoringReportOptions {
    fn default() -> Self {
        MonitoringReportOptions {
            year: None,
            as_of: None,
            scope: Scope::Due,
            weights: Weights::default(),
            no_data: NoData::Separate,
            bands: Bands::default(),
            out_of_sequence: OutOfSequence::RetainedLogic,
            lang: Lang::En,
        }
    }
}

/// A table cell. Shares and dates are typed (the XLSX writes a number with a percent format
/// and a date cell); as plain data they are their text (`"96.0 %"`, `"2026-03-31"`).
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(untagged)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "wasm", tsify(missing_as_null))]
pub enum CellValue {
    /// Text.
    Text(String),
    /// A number.
    Number(f64),
    /// Nothing.
    Empty,
    /// A share (0.96 is 96 %).
    Percent(f64),
    /// A day, ISO `YYYY-MM-DD`.
    Date(String),
}

impl Serialize for CellValue {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        match self {
            CellValue::Number(x) => s.serialize_f64(*x),
            CellValue::Empty => s.serialize_none(),
            other => s.serialize_str(&other.text()),
        }
    }
}

impl CellValue {
    fn text(&self) -> String {
        match self {
            CellValue::Text(s) | CellValue::Date(s) => s.clone(),
            CellValue::Number(x) => fmt_num(*x),
            CellValue::Percent(x) => format!("{:.1} %", x * 100.0),
            CellValue::Empty => String::new(),
        }
    }
}

#[cfg(feature = "xlsx")]
impl CellValue {
    fn xcell(&self) -> crate::workbook::XCell {
        use crate::workbook::XCell;
        match self {
            CellValue::Text(s) => XCell::Text(s.clone()),
            CellValue::Number(x) => XCell::Number(*x),
            CellValue::Percent(x) => XCell::Percent(*x),
            CellValue::Date(s) => s
                .parse()
                .map_or_else(|_| XCell::Text(s.clone()), XCell::Date),
            CellValue::Empty => XCell::Empty,
        }
    }
}

fn fmt_num(x: f64) -> String {
    if x.fract() == 0.0 && x.abs() < 1e15 {
        format!("{x:.0}")
    } else {
        let s = format!("{x:.3}");
        s.trim_end_matches('0').trim_end_matches('.').to_owned()
    }
}

fn pct(x: Option<f64>) -> CellValue {
    match x {
        Some(x) => CellValue::Percent(x),
        None => CellValue::Text("–".into()),
    }
}

fn t(s: impl Into<String>) -> CellValue {
    CellValue::Text(s.into())
}

fn n(x: f64) -> CellValue {
    CellValue::Number(x)
}

fn date(x: Option<jiff::civil::Date>) -> CellValue {
    x.map_or(CellValue::Empty, |d| CellValue::Date(d.to_string()))
}

fn opt<T: ToString>(x: Option<T>) -> CellValue {
    x.map_or(CellValue::Empty, |v| CellValue::Text(v.to_string()))
}

/// One table of the report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub struct Table {
    /// Short name (the XLSX sheet name, ≤ 31 characters).
    pub name: String,
    /// Column headers.
    pub headers: Vec<String>,
    /// Rows.
    pub rows: Vec<Vec<CellValue>>,
}

/// One section: a heading, paragraphs and tables.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub struct Section {
    /// Heading.
    pub title: String,
    /// Paragraphs before the tables.
    pub paragraphs: Vec<String>,
    /// Tables.
    pub tables: Vec<Table>,
}

/// The annual monitoring report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "wasm", tsify(rename = "MonitoringReportData"))]
pub struct MonitoringReport {
    /// Title.
    pub title: String,
    /// The year reported on.
    pub year: i32,
    /// The date of the states.
    #[serde(with = "crate::schedule::dates_iso")]
    #[cfg_attr(feature = "wasm", tsify(type = "string"))]
    pub as_of: Date,
    /// The core's pictures of the plan as of the date, for the HTML: the matrix heatmap and
    /// the Gantt chart forecast from the status date (a picture the plan's errors block is
    /// left out).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub pictures: Vec<Picture>,
    /// Sections, in order: execution rate, measures, triage, indicators, coverage, calendar,
    /// evaluation criteria, data quality, sources.
    pub sections: Vec<Section>,
    /// The provenance notice ([`crate::provenance::Provenance::notice`]) when anything shown
    /// is illustrative; each table then has an `illustrative` column marking its rows.
    #[serde(default)]
    #[cfg_attr(feature = "wasm", tsify(type = "string | null"))]
    pub notice: Option<String>,
}

/// Append an `illustrative` column marking (†) the rows built from invented content; a
/// table without such a row is left as it is.
fn marked(mut tb: Table, flags: impl IntoIterator<Item = bool>) -> Table {
    let flags: Vec<bool> = flags.into_iter().collect();
    if flags.iter().any(|&f| f) {
        tb.headers.push("illustrative".into());
        for (row, f) in tb.rows.iter_mut().zip(flags) {
            row.push(t(if f { crate::provenance::MARK } else { "" }));
        }
    }
    tb
}

/// Whether any measure of a group is flagged: a group's key per measure (`None` for none).
fn group_flags<'k>(
    recs: &[RateRecord],
    keys: impl Iterator<Item = (Option<&'k str>, bool)>,
) -> Vec<bool> {
    let mut by: std::collections::HashMap<&str, bool> = Default::default();
    for (k, f) in keys {
        *by.entry(k.unwrap_or("(none)")).or_default() |= f;
    }
    let any = by.values().any(|&f| f);
    recs.iter()
        .map(|r| {
            if r.group == "overall" {
                any
            } else {
                by.get(r.group.as_str()).copied().unwrap_or(false)
            }
        })
        .collect()
}

fn rate_table(
    name: &str,
    first: &str,
    recs: &[RateRecord],
    named: Option<&dyn Fn(&str) -> String>,
) -> Table {
    let mut tb = Table {
        name: name.into(),
        headers: [
            first,
            "rate",
            "numerator",
            "denominator",
            "executed",
            "partially executed",
            "not executed",
            "no data",
        ]
        .map(String::from)
        .to_vec(),
        rows: recs
            .iter()
            .map(|r| {
                vec![
                    t(&r.group),
                    pct(r.rate),
                    n(r.numerator),
                    n(r.denominator),
                    n(r.executed as f64),
                    n(r.partially_executed as f64),
                    n(r.not_executed as f64),
                    n(r.no_data as f64),
                ]
            })
            .collect(),
    };
    if let Some(f) = named {
        let header = match first {
            "direction" => "direction title".to_owned(),
            _ => format!("{first} name"),
        };
        with_names(&mut tb, 0, &header, f);
    }
    tb
}

/// `tb` with [`with_names`].
fn named(mut tb: Table, col: usize, header: &str, f: &dyn Fn(&str) -> String) -> Table {
    with_names(&mut tb, col, header, f);
    tb
}

/// The kinds of entity whose names the tables write beside their ids.
#[derive(Clone, Copy)]
enum Kind {
    Direction,
    Organization,
    Measure,
    Indicator,
    Cluster,
}

impl Strategy {
    /// The name of an entity in `lang` (falling back as the pictures do), or an empty string
    /// for an id the document does not have (`overall`, `(none)`).
    fn title_of(&self, kind: Kind, id: &str, lang: Lang) -> String {
        let doc = self.document();
        let text = match kind {
            Kind::Direction => doc.directions.iter().find(|x| x.id == id).map(|x| &x.title),
            Kind::Organization => doc
                .organizations
                .iter()
                .find(|x| x.id == id)
                .map(|x| &x.name),
            Kind::Measure => self
                .measure_index(id)
                .map(|i| &doc.measures[i as usize].title),
            Kind::Indicator => doc.indicators.iter().find(|x| x.id == id).map(|x| &x.name),
            Kind::Cluster => doc.clusters.iter().find(|x| x.id == id).map(|x| &x.title),
        };
        text.map_or(String::new(), |t| {
            crate::render::name(t, lang, "").to_owned()
        })
    }
}

/// Insert, after column `col` (an id), a column of the names `f` gives those ids.
fn with_names(tb: &mut Table, col: usize, header: &str, f: &dyn Fn(&str) -> String) {
    tb.headers.insert(col + 1, header.into());
    for row in &mut tb.rows {
        let name = match row.get(col) {
            Some(CellValue::Text(id)) => t(f(id)),
            _ => CellValue::Empty,
        };
        row.insert(col + 1, name);
    }
}

/// Achievement of every indicator's targets up to the year after the report's.
fn achievement_table(ach: &Achievement, year: i32) -> Table {
    Table {
        name: "Achievement".into(),
        headers: [
            "indicator",
            "year",
            "final",
            "baseline",
            "target",
            "actual",
            "source",
            "achievement",
            "band",
            "reason",
        ]
        .map(String::from)
        .to_vec(),
        rows: ach
            .records
            .iter()
            .filter(|x| x.year <= year + 1)
            .map(|x| {
                vec![
                    t(&x.indicator),
                    n(f64::from(x.year)),
                    t(if x.is_final { "final" } else { "interim" }),
                    x.baseline.map_or(CellValue::Empty, n),
                    n(x.target),
                    x.actual.map_or(CellValue::Empty, n),
                    opt(x.actual_source.clone()),
                    pct(x.achievement),
                    t(x.band.as_str()),
                    opt(x.reason.clone()),
                ]
            })
            .collect(),
    }
}

/// Each indicator's latest achievement, band, trend and risk.
fn indicators_table(ach: &Achievement) -> Table {
    Table {
        name: "Indicators".into(),
        headers: [
            "indicator",
            "latest year",
            "latest achievement",
            "band",
            "trend",
            "at risk",
            "held back by",
        ]
        .map(String::from)
        .to_vec(),
        rows: ach
            .indicators
            .iter()
            .map(|x| {
                vec![
                    t(&x.indicator),
                    x.latest_year.map_or(CellValue::Empty, |y| n(f64::from(y))),
                    pct(x.latest_achievement),
                    t(x.band.as_str()),
                    t(format!("{:?}", x.trend).to_lowercase()),
                    t(if x.at_risk { "yes" } else { "no" }),
                    t(x.at_risk_measures.join(", ")),
                ]
            })
            .collect(),
    }
}

/// The results-based rating by direction.
fn results_table(by_dir: &ResultsRating) -> Table {
    Table {
        name: "Results by direction".into(),
        headers: ["direction", "indicators judged", "met", "rate", "no data"]
            .map(String::from)
            .to_vec(),
        rows: by_dir
            .records
            .iter()
            .map(|x| {
                vec![
                    t(&x.group),
                    n(x.indicators as f64),
                    n(x.met as f64),
                    pct(x.rate),
                    n(x.no_data as f64),
                ]
            })
            .collect(),
    }
}

/// The approving act, the legal basis and every source cited.
fn sources_section(p: &crate::provenance::Provenance) -> Section {
    let mut paragraphs = Vec::new();
    if let Some(a) = &p.approved_by {
        paragraphs.push(format!("Approved by: {a}."));
    }
    for a in &p.legal_basis {
        paragraphs.push(format!("Legal basis: {a}."));
    }
    if let Some(a) = &p.working_group {
        paragraphs.push(format!("Working group established by: {a}."));
    }
    Section {
        title: "9. Sources".into(),
        paragraphs,
        tables: vec![Table {
            name: "Sources".into(),
            headers: vec!["source".into(), "cited by".into()],
            rows: p
                .sources
                .iter()
                .map(|c| vec![t(&c.source), t(c.cited_by_text())])
                .collect(),
        }],
    }
}

/// The year a report covers and the dates its sections are read at.
#[derive(Clone, Copy)]
struct Year<'a> {
    opts: &'a MonitoringReportOptions,
    /// The year reported on.
    year: i32,
    /// The same, as a calendar year.
    y16: i16,
    /// The date of the states.
    as_of: Date,
    /// 1 January of the year.
    year_start: Date,
    /// The day before the year.
    before: Date,
    /// Per measure: whether what the rates and triage count of it as of the date is
    /// illustrative (its state, dates, direction or executor).
    flags: &'a [bool],
}

impl Strategy {
    /// The M&E body's annual monitoring report for a year: execution rate overall, by
    /// direction and by main executor with the weights used; measures with status and slip;
    /// triage; indicators with achievement and bands; coverage change over the year; the
    /// reporting calendar; the evaluation criteria of Decree 1294; data-quality warnings.
    ///
    /// Errors: [`crate::Error::Argument`] for a year outside 1900..=2200.
    pub fn monitoring_report(&self, opts: &MonitoringReportOptions) -> Result<MonitoringReport> {
        let doc = self.document();
        let year = opts
            .year
            .unwrap_or_else(|| i32::from(super::calendar::data_date(doc).year()) - 1);
        if !(1900..=2200).contains(&year) {
            return Err(
                ArgumentError::at(format!("{year} is not a plausible year"), "year").into(),
            );
        }
        let y16 = year as i16;
        let as_of = opts
            .as_of
            .unwrap_or_else(|| Date::new(y16, 12, 31).unwrap_or(Date::MIN));
        let year_start = Date::new(y16, 1, 1).unwrap_or(Date::MIN);
        let before = year_start.yesterday().unwrap_or(year_start);
        let flags: Vec<bool> = (0..doc.measures.len())
            .map(|m| {
                self.state_illustrative(m, as_of)
                    || doc.measures[m].illustrative.covers_any(&[
                        "start",
                        "deadline",
                        "direction",
                        "main_executor",
                    ])
            })
            .collect();
        let title = format!(
            "Annual monitoring report {year}: {}",
            doc.strategy.title.best()
        );
        let y = Year {
            opts,
            year,
            y16,
            as_of,
            year_start,
            before,
            flags: &flags,
        };
        let mut sections = vec![
            self.execution_rate_section(&y)?,
            self.measures_section(&y),
            self.triage_section(&y),
            self.indicators_section(&y)?,
            self.coverage_section(&y),
            self.calendar_section(),
            self.evaluation_section(&y),
            self.data_quality_section(),
        ];
        let provenance = self.provenance();
        sections.push(sources_section(&provenance));
        let pictures = self.report_pictures(as_of);
        Ok(MonitoringReport {
            title,
            year,
            as_of,
            pictures,
            sections,
            notice: provenance.notice,
        })
    }

    /// The execution rate overall, by direction and by main executor, with the weights and the results-based rating.
    fn execution_rate_section(&self, y: &Year) -> Result<Section> {
        let w = y.opts.weights;
        let Year {
            opts,
            as_of,
            year_start,
            flags,
            ..
        } = *y;
        let doc = self.document();
        let rate = |by| {
            self.execution_rate(&ExecutionRateOptions {
                as_of: Some(as_of),
                by,
                scope: opts.scope,
                weights: w,
                no_data: opts.no_data,
            })
        };
        let overall = rate(GroupBy::Overall)?;
        let by_dir = rate(GroupBy::Direction)?;
        let by_exec = rate(GroupBy::MainExecutor)?;
        let scope = match opts.scope {
            Scope::Due => format!("measures due by {as_of}"),
            Scope::DueInYear => format!("measures due between {year_start} and {as_of}"),
            Scope::Active => format!("measures started by {as_of}"),
        };
        let mut paragraphs = vec![
            format!(
                "Execution rate = Σ weight(status) ÷ measures counted, over {scope}, with the states of the executors' reports as of {as_of} (a measure's own status where no report speaks)."
            ),
            format!(
                "Weights used: executed {}, partially executed {}, not executed {} (CAERC practice, not a rule of Decree 1294); cancelled and not-due measures are left out; measures without any status are {}.",
                fmt_num(w.executed),
                fmt_num(w.partially_executed),
                fmt_num(w.not_executed),
                match opts.no_data {
                    NoData::Separate => "counted separately (no data), not as 0",
                    NoData::Zero => "counted as 0",
                }
            ),
        ];
        if !overall.no_data_measures.is_empty() {
            paragraphs.push(format!(
                "No data for {} measures: {}.",
                overall.no_data_measures.len(),
                overall
                    .no_data_measures
                    .iter()
                    .take(30)
                    .map(|x| format!("`{x}`"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ));
        }
        let results = self.results_rating(&ResultsRatingOptions {
            as_of: Some(as_of),
            by: ResultsBy::Overall,
        });
        if let Some(rr) = results.records.first() {
            paragraphs.push(format!(
                "Results-based rating: {} of {} indicators met their latest target ({}); {} could not be judged.",
                rr.met,
                rr.indicators,
                pct(rr.rate).text(),
                rr.no_data
            ));
        }
        Ok(Section {
            title: "1. Execution rate".into(),
            paragraphs,
            tables: vec![
                marked(
                    rate_table("Execution overall", "group", &overall.records, None),
                    [flags.iter().any(|&f| f)],
                ),
                marked(
                    rate_table(
                        "Execution by direction",
                        "direction",
                        &by_dir.records,
                        Some(&|id| self.title_of(Kind::Direction, id, opts.lang)),
                    ),
                    group_flags(
                        &by_dir.records,
                        doc.measures
                            .iter()
                            .zip(flags)
                            .map(|(m, &f)| (Some(m.direction.as_str()), f)),
                    ),
                ),
                marked(
                    rate_table(
                        "Execution by executor",
                        "main executor",
                        &by_exec.records,
                        Some(&|id| self.title_of(Kind::Organization, id, opts.lang)),
                    ),
                    group_flags(
                        &by_exec.records,
                        doc.measures
                            .iter()
                            .zip(flags)
                            .map(|(m, &f)| (m.main_executor.single(), f)),
                    ),
                ),
            ],
        })
    }

    /// The measures active in the year: status, source, forecast finish and slip.
    fn measures_section(&self, y: &Year) -> Section {
        let doc = self.document();
        let ix = self.index();
        let r = &ix.monitoring;
        let Year {
            opts,
            year,
            as_of,
            year_start,
            ..
        } = *y;
        let forecast = self.schedule(&ScheduleOptions {
            status_date: Some(as_of),
            out_of_sequence: opts.out_of_sequence,
            ..ScheduleOptions::default()
        });
        let (d0, d1) = (
            crate::dates::day_number_i32(year_start),
            crate::dates::day_number_i32(as_of),
        );
        // the forecast's rows are the measures in document order: one record per measure,
        // made with one day map (looking each id up would be quadratic)
        let records = forecast
            .as_ref()
            .ok()
            .and_then(|f| f.records_at(0..r.start.len()).ok());
        let mut rows = Vec::new();
        let mut marks = Vec::new();
        for (m, me) in doc.measures.iter().enumerate().take(r.start.len()) {
            let s = if r.start[m] == i32::MIN {
                i32::MIN
            } else {
                r.start[m]
            };
            if s > d1 || r.deadline[m] < d0 {
                continue;
            }
            let st = super::state::state_of(doc, r, m, as_of);
            let (ff, slip) = match records.as_ref().and_then(|x| x[m].as_ref()) {
                Some(rec) => (Some(rec.early_finish_date), rec.slip_days),
                None => (None, None),
            };
            let exec = me.main_executor.single().unwrap_or("");
            rows.push(vec![
                t(me.id.as_str()),
                t(crate::render::name(&me.title, opts.lang, &me.id)),
                t(me.direction.as_str()),
                t(self.title_of(Kind::Direction, &me.direction, opts.lang)),
                t(exec),
                t(self.title_of(Kind::Organization, exec, opts.lang)),
                date(me.deadline.map(|p| p.last_day())),
                t(st.status.map_or("no data", Status::as_str)),
                t(st.report.clone().unwrap_or_else(|| match st.source {
                    super::state::StateSource::Document => "own status".into(),
                    _ => String::new(),
                })),
                st.percent_complete.map_or(CellValue::Empty, n),
                date(ff),
                slip.map_or(CellValue::Empty, |x| n(x as f64)),
            ]);
            marks.push(y.flags[m] || me.illustrative.covers("title"));
        }
        let mut paragraphs = vec![format!(
            "Measures active in {year} (planned start by {as_of}, deadline from {year_start}); forecast finish and slip from the schedule as of {as_of} against the plan without progress."
        )];
        if let Err(e) = &forecast {
            paragraphs.push(format!("No forecast: {e}"));
        }
        Section {
            title: "2. Measures: status and slip".into(),
            paragraphs,
            tables: vec![marked(
                Table {
                    name: "Measures".into(),
                    headers: [
                        "measure",
                        "title",
                        "direction",
                        "direction title",
                        "main executor",
                        "main executor name",
                        "deadline",
                        "status",
                        "source",
                        "percent complete",
                        "forecast finish",
                        "slip days",
                    ]
                    .map(String::from)
                    .to_vec(),
                    rows,
                },
                marks,
            )],
        }
    }

    /// Overdue and at-risk measures, ranked.
    fn triage_section(&self, y: &Year) -> Section {
        let Year {
            opts, as_of, flags, ..
        } = *y;
        let tri = self.triage(&TriageOptions {
            as_of: Some(as_of),
            out_of_sequence: opts.out_of_sequence,
        });
        Section {
            title: "3. Triage: overdue and at-risk measures".into(),
            paragraphs: vec![
                "Ranked by total float as of the date, then measures, indicators and matrix cells held back.".into(),
            ],
            tables: vec![marked(
                named(Table {
                    name: "Triage".into(),
                headers: [
                    "rank",
                    "measure",
                    "kind",
                    "days late",
                    "total float",
                    "downstream",
                    "indicators",
                    "cells",
                    "why",
                ]
                .map(String::from)
                .to_vec(),
                rows: tri
                    .records
                    .iter()
                    .map(|x| {
                        vec![
                            n(f64::from(x.rank)),
                            t(&x.measure),
                            t(x.kind.as_str()),
                            n(x.days_late as f64),
                            x.total_float.map_or(CellValue::Empty, |v| n(v as f64)),
                            n(x.downstream as f64),
                            t(x.indicators.join(", ")),
                            n(x.cells as f64),
                            t(&x.why),
                        ]
                    })
                    .collect(),
            }, 1, "title", &|id| self.title_of(Kind::Measure, id, opts.lang)), tri.records.iter().map(|x| {
                self.measure_index(&x.measure)
                    .is_some_and(|m| flags.get(m as usize).copied().unwrap_or(false))
            }))],
        }
    }

    /// Result indicators: achievement by year and target, the latest per indicator, results by direction.
    fn indicators_section(&self, y: &Year) -> Result<Section> {
        let Year {
            opts, year, as_of, ..
        } = *y;
        let ach = self.achievement(&AchievementOptions {
            as_of: Some(as_of),
            cap: false,
            bands: opts.bands,
        })?;
        let by_dir_results = self.results_rating(&ResultsRatingOptions {
            as_of: Some(as_of),
            by: ResultsBy::Direction,
        });
        Ok(Section {
            title: "4. Result indicators".into(),
            paragraphs: vec![format!(
                "Achievement = (actual − baseline) ÷ (target − baseline) (descending indicators alike), uncapped; bands: met ≥ {}, mostly met ≥ {}, partly met ≥ {}. Undefined when the target equals the baseline; no data without an actual.",
                pct(Some(opts.bands.met)).text(),
                pct(Some(opts.bands.mostly_met)).text(),
                pct(Some(opts.bands.partly_met)).text()
            )],
            tables: {
                let ind = |id: &str| self.indicator_illustrative(id);
                let name_of_indicator = |id: &str| self.title_of(Kind::Indicator, id, opts.lang);
                let by_dir: std::collections::HashMap<&str, bool> = self
                    .document()
                    .measures
                    .iter()
                    .map(|m| (m.direction.as_str(), m.indicators.iter().any(|i| ind(i))))
                    .fold(Default::default(), |mut acc, (d, f)| {
                        *acc.entry(d).or_default() |= f;
                        acc
                    });
                let any = self.document().indicators.iter().any(|i| ind(&i.id));
                vec![
                    marked(
                        named(
                            achievement_table(&ach, year),
                            0,
                            "indicator name",
                            &name_of_indicator,
                        ),
                        ach.records
                            .iter()
                            .filter(|x| x.year <= year + 1)
                            .map(|x| ind(&x.indicator)),
                    ),
                    marked(
                        named(
                            indicators_table(&ach),
                            0,
                            "indicator name",
                            &name_of_indicator,
                        ),
                        ach.indicators.iter().map(|x| ind(&x.indicator)),
                    ),
                    marked(
                        named(
                            results_table(&by_dir_results),
                            0,
                            "direction title",
                            &|id| self.title_of(Kind::Direction, id, opts.lang),
                        ),
                        by_dir_results.records.iter().map(|x| {
                            by_dir
                                .get(x.group.as_str())
                                .copied()
                                .unwrap_or(any && x.group == "overall")
                        }),
                    ),
                ]
            },
        })
    }

    /// The matrix's coverage at the start and at the end of the year, by cluster.
    fn coverage_section(&self, y: &Year) -> Section {
        let doc = self.document();
        let ix = self.index();
        let r = &ix.monitoring;
        let Year {
            as_of,
            before,
            flags,
            ..
        } = *y;
        let nc = ix.n_clusters;
        let mut cov_rows = Vec::new();
        let mut marks = Vec::new();
        let (mut a0, mut a1, mut app) = (0u32, 0u32, 0u32);
        for (ci, cl) in doc.clusters.iter().enumerate() {
            let (mut c0, mut c1, mut ca) = (0u32, 0u32, 0u32);
            let mut mark = cl.illustrative.is_any();
            for mi in 0..doc.modules.len() {
                if !ix.applicable.get(mi * nc + ci).copied().unwrap_or(false) {
                    continue;
                }
                ca += 1;
                let ms = ix.deliverers(mi, ci);
                mark |= doc.modules[mi].illustrative.is_any()
                    || ms
                        .iter()
                        .any(|&k| flags.get(k as usize).copied().unwrap_or(false));
                let done = |d: Date| {
                    !ms.is_empty()
                        && ms
                            .iter()
                            .all(|&k| r.status_as_of(doc, k as usize, d) == Some(Status::Executed))
                };
                c0 += u32::from(done(before));
                c1 += u32::from(done(as_of));
            }
            let share = |c: u32| (ca > 0).then(|| f64::from(c) / f64::from(ca));
            cov_rows.push(vec![
                t(cl.id.as_str()),
                n(f64::from(ca)),
                n(f64::from(c0)),
                pct(share(c0)),
                n(f64::from(c1)),
                pct(share(c1)),
                n(f64::from(c1) - f64::from(c0)),
            ]);
            a0 += c0;
            a1 += c1;
            app += ca;
            marks.push(mark);
        }
        marks.push(marks.iter().any(|&f| f));
        let share = |c: u32| (app > 0).then(|| f64::from(c) / f64::from(app));
        cov_rows.push(vec![
            t("overall"),
            n(f64::from(app)),
            n(f64::from(a0)),
            pct(share(a0)),
            n(f64::from(a1)),
            pct(share(a1)),
            n(f64::from(a1) - f64::from(a0)),
        ]);
        Section {
            title: "5. Coverage of the matrix over the year".into(),
            paragraphs: vec![format!(
                "A cell (cluster × module) is delivered when every measure delivering it is executed; applicable cells delivered on {before} and on {as_of}."
            )],
            tables: vec![marked(
                named(
                    Table {
                        name: "Coverage change".into(),
                        headers: [
                            "cluster",
                            "applicable cells",
                            "delivered at start",
                            "share at start",
                            "delivered at end",
                            "share at end",
                            "change",
                        ]
                        .map(String::from)
                        .to_vec(),
                        rows: cov_rows,
                    },
                    0,
                    "cluster title",
                    &|id| self.title_of(Kind::Cluster, id, y.opts.lang),
                ),
                marks,
            )],
        }
    }

    /// The reporting obligations.
    fn calendar_section(&self) -> Section {
        let doc = self.document();
        let cal = self.reporting_calendar(&CalendarOptions { as_of: None });
        Section {
            title: "6. Reporting calendar".into(),
            paragraphs: vec![format!(
                "Obligations under the reporting rules (executors' reports due {} after each {}; monitoring reports due {}), read on the document's data date.",
                doc.reporting.executor_reports.due.join(", "),
                format!("{:?}", doc.reporting.executor_reports.every).to_lowercase(),
                doc.reporting.monitoring_reports.due.join(", ")
            )],
            tables: vec![marked(
                Table {
                    name: "Calendar".into(),
                    headers: [
                        "kind",
                        "period",
                        "from",
                        "to",
                        "due",
                        "status",
                        "submitted",
                        "days late",
                        "reports",
                    ]
                    .map(String::from)
                    .to_vec(),
                    rows: cal
                        .iter()
                        .map(|o| {
                            vec![
                                t(match o.kind {
                                    super::ObligationKind::ExecutorReport => "executor report",
                                    super::ObligationKind::MonitoringReport => "monitoring report",
                                    super::ObligationKind::FinalReport => "final report",
                                }),
                                t(&o.period),
                                t(&o.from),
                                t(&o.to),
                                date(Some(o.due)),
                                t(o.status.as_str()),
                                date(o.submitted),
                                o.days_late.map_or(CellValue::Empty, |d| n(d as f64)),
                                t(o.reports.join(", ")),
                            ]
                        })
                        .collect(),
                },
                cal.iter().map(|o| {
                    o.reports.iter().any(|id| {
                        doc.reports
                            .iter()
                            .any(|r| r.id == id.as_str() && r.illustrative.is_any())
                    })
                }),
            )],
        }
    }

    /// The Decree's evaluation criteria, as judged by the year's evaluations.
    fn evaluation_section(&self, y: &Year) -> Section {
        let doc = self.document();
        let Year { y16, .. } = *y;
        let evals: Vec<&crate::model::Evaluation> = doc
            .evaluations
            .iter()
            .filter(|e| e.period.first_day().year() <= y16 && e.period.last_day().year() >= y16)
            .collect();
        let mut erows = Vec::new();
        let mut marks = Vec::new();
        for c in EvaluationCriterion::ALL {
            let found: Vec<_> = evals
                .iter()
                .flat_map(|e| {
                    e.criteria
                        .iter()
                        .filter(move |f| f.criterion == c)
                        .map(move |f| (e, f))
                })
                .collect();
            if found.is_empty() {
                erows.push(vec![
                    t(c.as_str()),
                    CellValue::Empty,
                    CellValue::Empty,
                    CellValue::Empty,
                    t("not evaluated"),
                ]);
                marks.push(false);
            }
            for (e, f) in found {
                erows.push(vec![
                    t(c.as_str()),
                    t(e.id.as_str()),
                    f.score.map_or(CellValue::Empty, n),
                    opt(f.rating.clone()),
                    t(f.finding.as_ref().map_or("", |x| x.best())),
                ]);
                marks.push(e.illustrative.is_any());
            }
        }
        Section {
            title: "7. Evaluation criteria (Decree 1294)".into(),
            paragraphs: vec![
                "Efficiency, effectiveness, final results, relevance and sustainability, as judged by the evaluations on record for the year.".into(),
            ],
            tables: vec![marked(Table {
                name: "Evaluation".into(),
                headers: ["criterion", "evaluation", "score", "rating", "finding"]
                    .map(String::from)
                    .to_vec(),
                rows: erows,
            }, marks)],
        }
    }

    /// Findings on the reports and monitoring data.
    fn data_quality_section(&self) -> Section {
        let monitoring_codes = [
            Code::ReporterNotExecutor,
            Code::ActualFinishBeforeStart,
            Code::ExecutedWithoutFinish,
            Code::PercentOutOfRange,
            Code::NonFiniteNumber,
            Code::InvalidProgress,
            Code::ReportLate,
            Code::MissingReport,
            Code::StatusRegression,
            Code::ConflictingValues,
            Code::StatusDisagreesWithReport,
            Code::InvalidDueDay,
        ];
        let dq: Vec<Vec<CellValue>> = self
            .validate()
            .iter()
            .filter(|d| {
                monitoring_codes.contains(&d.code)
                    || d.path.starts_with("reports")
                    || d.path.starts_with("evaluations")
            })
            .map(|d| {
                vec![
                    t(d.severity.as_str()),
                    t(d.code.as_str()),
                    t(&d.path),
                    opt(d.id.clone()),
                    t(&d.message),
                ]
            })
            .collect();
        Section {
            title: "8. Data quality".into(),
            paragraphs: vec![format!(
                "{} findings on the reports and monitoring data.",
                dq.len()
            )],
            tables: vec![Table {
                name: "Data quality".into(),
                headers: ["severity", "code", "path", "id", "message"]
                    .map(String::from)
                    .to_vec(),
                rows: dq,
            }],
        }
    }

    /// The heatmap and the Gantt chart forecast from `as_of` (the status date).
    fn report_pictures(&self, as_of: Date) -> Vec<Picture> {
        use crate::render::RenderOptions;
        let sched = crate::ScheduleOptions {
            status_date: Some(as_of),
            ..crate::ScheduleOptions::default()
        };
        let opts = RenderOptions {
            status_date: Some(as_of),
            ..RenderOptions::default()
        };
        let mut out = Vec::new();
        if let Ok(svg) = self.heatmap_svg(&crate::ScheduleOptions::default(), &opts) {
            out.push(Picture {
                title: "The e-Culture matrix: coverage and gaps".into(),
                svg,
            });
        }
        if let Ok(svg) = self.gantt_svg(&sched, &opts) {
            out.push(Picture {
                title: format!("The schedule forecast from {as_of}"),
                svg,
            });
        }
        out
    }
}

/// A picture of the report: a title and a self-contained SVG.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub struct Picture {
    /// What it shows.
    pub title: String,
    /// The SVG (every user string escaped).
    pub svg: String,
}

impl MonitoringReport {
    /// Markdown.
    pub fn to_markdown(&self) -> String {
        use crate::escape::markdown as md_escape;
        let mut s = format!(
            "# {}\n\nStates as of {}.\n",
            md_escape(&self.title),
            self.as_of
        );
        if let Some(n) = &self.notice {
            s.push_str(&format!("\n> **{}**\n", md_escape(n)));
        }
        for sec in &self.sections {
            s.push_str(&format!("\n## {}\n\n", md_escape(&sec.title)));
            for p in &sec.paragraphs {
                // the core writes the paragraphs (with Markdown in them); user strings inside
                // them (ids, names, notes) must not become raw HTML
                s.push_str(&p.replace('<', "&lt;").replace('>', "&gt;"));
                s.push_str("\n\n");
            }
            for tb in &sec.tables {
                s.push_str(&format!("**{}**\n\n", md_escape(&tb.name)));
                if tb.rows.is_empty() {
                    s.push_str("(none)\n\n");
                    continue;
                }
                s.push('|');
                for h in &tb.headers {
                    s.push_str(&format!(" {} |", md_escape(h)));
                }
                s.push_str("\n|");
                for _ in &tb.headers {
                    s.push_str("---|");
                }
                s.push('\n');
                for row in &tb.rows {
                    s.push('|');
                    for c in row {
                        s.push_str(&format!(" {} |", md_escape(&c.text())));
                    }
                    s.push('\n');
                }
                s.push('\n');
            }
        }
        s
    }

    /// Self-contained HTML (inline CSS, no script, no external resource), A4-printable.
    pub fn to_html(&self) -> String {
        let mut s =
            String::from("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        s.push_str(&format!("<title>{}</title>\n", xml(&self.title)));
        s.push_str(
            "<style>\n@page { size: A4; margin: 18mm 15mm; }\nbody { font-family: 'Noto Sans', Arial, sans-serif; font-size: 10pt; color: #111; max-width: 180mm; margin: auto; }\nh1 { font-size: 16pt; } h2 { font-size: 13pt; border-bottom: 1px solid #999; page-break-after: avoid; }\ntable { border-collapse: collapse; width: 100%; margin: 0 0 1em 0; page-break-inside: auto; }\nth, td { border: 1px solid #bbb; padding: 2px 4px; vertical-align: top; text-align: left; }\nth { background: #eee; } tr { page-break-inside: avoid; } thead { display: table-header-group; }\ncaption { text-align: left; font-weight: bold; padding: 4px 0; }\ntd.num { text-align: right; }\n.picture svg { max-width: 100%; height: auto; }\n.picture { page-break-inside: avoid; }\n.notice { border: 1px solid #b45309; background: #fef3c7; padding: 4px 6px; }\n</style>\n</head>\n<body>\n",
        );
        s.push_str(&format!(
            "<h1>{}</h1>\n<p>States as of {}.</p>\n",
            xml(&self.title),
            self.as_of
        ));
        if let Some(n) = &self.notice {
            s.push_str(&format!(
                "<p class=\"notice\" role=\"note\"><strong>{}</strong></p>\n",
                xml(n)
            ));
        }
        for pic in &self.pictures {
            s.push_str(&format!(
                "<section class=\"picture\">\n<h2>{}</h2>\n{}\n</section>\n",
                xml(&pic.title),
                pic.svg
            ));
        }
        for sec in &self.sections {
            s.push_str(&format!("<section>\n<h2>{}</h2>\n", xml(&sec.title)));
            for p in &sec.paragraphs {
                s.push_str(&format!("<p>{}</p>\n", xml(p)));
            }
            for tb in &sec.tables {
                s.push_str(&format!(
                    "<table>\n<caption>{}</caption>\n<thead><tr>",
                    xml(&tb.name)
                ));
                for h in &tb.headers {
                    s.push_str(&format!("<th>{}</th>", xml(h)));
                }
                s.push_str("</tr></thead>\n<tbody>\n");
                if tb.rows.is_empty() {
                    s.push_str(&format!(
                        "<tr><td colspan=\"{}\">(none)</td></tr>\n",
                        tb.headers.len()
                    ));
                }
                for row in &tb.rows {
                    s.push_str("<tr>");
                    for c in row {
                        let class = if matches!(c, CellValue::Number(_)) {
                            " class=\"num\""
                        } else {
                            ""
                        };
                        s.push_str(&format!("<td{class}>{}</td>", xml(&c.text())));
                    }
                    s.push_str("</tr>\n");
                }
                s.push_str("</tbody>\n</table>\n");
            }
            s.push_str("</section>\n");
        }
        s.push_str("</body>\n</html>\n");
        s
    }

    /// Every table, in order.
    pub fn tables(&self) -> impl Iterator<Item = &Table> {
        self.sections.iter().flat_map(|s| s.tables.iter())
    }

    /// An XLSX workbook: a `Summary` sheet, then one sheet per table (rust_xlsxwriter):
    /// numbers as numbers, shares as numbers with a percent format, dates as date cells, text
    /// always as text (never a formula), a bold frozen header with an autofilter, fitted
    /// column widths.
    #[cfg(feature = "xlsx")]
    pub fn to_xlsx(&self) -> Result<Vec<u8>> {
        use crate::workbook::XCell;
        use rust_xlsxwriter::{Format, Workbook};
        let fail = |e: rust_xlsxwriter::XlsxError| -> crate::Error {
            crate::error::IoError::new("write", "monitoring report (xlsx)", e.to_string()).into()
        };
        let mut wb = Workbook::new();
        let bold = Format::new().set_bold();
        {
            let ws = wb.add_worksheet();
            ws.set_name("Summary").map_err(fail)?;
            ws.write_string_with_format(0, 0, &self.title, &bold)
                .map_err(fail)?;
            ws.write_string(1, 0, format!("States as of {}", self.as_of))
                .map_err(fail)?;
            if let Some(n) = &self.notice {
                ws.write_string_with_format(2, 0, n, &bold).map_err(fail)?;
            }
            let mut row = 3u32;
            for sec in &self.sections {
                ws.write_string_with_format(row, 0, &sec.title, &bold)
                    .map_err(fail)?;
                row += 1;
                for p in &sec.paragraphs {
                    ws.write_string(row, 0, p).map_err(fail)?;
                    row += 1;
                }
                row += 1;
            }
        }
        let mut used: Vec<String> = vec!["summary".into()];
        let formats = crate::workbook::Formats::default();
        for tb in self.tables() {
            let mut name: String = tb
                .name
                .chars()
                .map(|c| if "[]:*?/\\".contains(c) { ' ' } else { c })
                .take(31)
                .collect();
            let mut k = 2;
            while used.contains(&name.to_lowercase()) {
                name = format!("{} {k}", name.chars().take(28).collect::<String>());
                k += 1;
            }
            used.push(name.to_lowercase());
            let ws = wb.add_worksheet();
            ws.set_name(&name).map_err(fail)?;
            let rows: Vec<Vec<XCell>> = tb
                .rows
                .iter()
                .map(|row| row.iter().map(CellValue::xcell).collect())
                .collect();
            crate::workbook::write_table(ws, 0, &tb.headers, &rows, &formats).map_err(fail)?;
        }
        wb.save_to_buffer().map_err(fail)
    }
}
