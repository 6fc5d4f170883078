//! Exports of a schedule: Mermaid gantt, CSV and JSON.

use std::fmt::Write as _;

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use super::{InfeasibleDeadline, Schedule, ScheduleRecord, dates};
use crate::error::Result;
use crate::escape::{csv_field as csv_safe, mermaid_text};
use crate::model::Lang;

/// The JSON export: summary, one record per measure, critical paths as ids.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub struct ScheduleReport {
    /// Date of offset 0.
    #[serde(with = "dates::iso")]
    #[cfg_attr(feature = "wasm", tsify(type = "string"))]
    pub project_start: Date,
    /// Last day of work.
    #[serde(with = "dates::iso")]
    #[cfg_attr(feature = "wasm", tsify(type = "string"))]
    pub finish_date: Date,
    /// Project length.
    pub duration_days: i64,
    /// `calendar_days` or `working_days`.
    pub unit: String,
    /// One record per measure.
    pub records: Vec<ScheduleRecord>,
    /// Critical paths as measure ids.
    pub critical_paths: Vec<Vec<String>>,
    /// True when more critical paths exist than listed.
    pub critical_paths_truncated: bool,
    /// Near-critical measure ids.
    pub near_critical: Vec<String>,
    /// Deadlines the network cannot meet.
    pub infeasible_deadlines: Vec<InfeasibleDeadline>,
}

impl Schedule {
    /// The JSON export as a value.
    pub fn report(&self) -> Result<ScheduleReport> {
        Ok(ScheduleReport {
            project_start: self.project_start,
            finish_date: self.finish_date()?,
            duration_days: self.duration_days,
            unit: if self.calendar.is_some() {
                "working_days"
            } else {
                "calendar_days"
            }
            .into(),
            records: self.records()?,
            critical_paths: self
                .critical_paths()
                .into_iter()
                .map(|p| p.into_iter().map(str::to_owned).collect())
                .collect(),
            critical_paths_truncated: self.critical_paths_truncated,
            near_critical: self
                .near_critical()
                .into_iter()
                .map(str::to_owned)
                .collect(),
            infeasible_deadlines: self.infeasible_deadlines.clone(),
        })
    }

    /// Pretty JSON of [`Schedule::report`].
    pub fn to_json(&self) -> Result<String> {
        let r = self.report()?;
        Ok(serde_json::to_string_pretty(&r).unwrap_or_default())
    }

    /// CSV, one row per measure: `id,duration,early_start,early_finish,late_start,late_finish,
    /// total_float,free_float,critical,early_start_date,early_finish_date,late_start_date,
    /// late_finish_date,illustrative` (`illustrative`: `true` when the measure's schedule fields
    /// are invented for illustration, else empty; and, compared with a baseline,
    /// `baseline_start,baseline_finish,start_variance_days,finish_variance_days`, empty for a
    /// measure the baseline lacks). Ids that a spreadsheet would run as formulas get a
    /// leading `'`.
    pub fn to_csv(&self) -> Result<String> {
        self.write_csv(None)
    }

    /// [`Schedule::to_csv`] with names beside the ids (issue 20, point 1): the columns
    /// `title,direction,direction_title,main_executor,main_executor_name` after the others,
    /// from `s` (the strategy the schedule was computed from) in `lang` (falling back to the
    /// other languages, then empty), CSV-neutralised.
    pub fn to_csv_named(&self, s: &crate::strategy::Strategy, lang: Lang) -> Result<String> {
        self.write_csv(Some((s, lang)))
    }

    /// The names of row `i`'s measure: title, direction id and title, main executor id and
    /// name (empty where unknown).
    fn row_names(&self, s: &crate::strategy::Strategy, lang: Lang, i: usize) -> [String; 5] {
        let doc = s.document();
        let k = match doc.measures.get(i) {
            Some(m) if m.id == self.ids[i] => Some(i),
            _ => s.measure_index(&self.ids[i]).map(|k| k as usize),
        };
        let Some(m) = k.map(|k| &doc.measures[k]) else {
            return Default::default();
        };
        let text = |t: &crate::model::Text| csv_safe(t.in_lang(lang).unwrap_or("")).into_owned();
        let direction = doc.directions.iter().find(|d| d.id == m.direction);
        let exec = m.main_executor.single().unwrap_or("");
        let org = doc.organizations.iter().find(|o| o.id == exec);
        [
            text(&m.title),
            csv_safe(&m.direction).into_owned(),
            direction.map(|d| text(&d.title)).unwrap_or_default(),
            csv_safe(exec).into_owned(),
            org.map(|o| text(&o.name)).unwrap_or_default(),
        ]
    }

    fn write_csv(&self, names: Option<(&crate::strategy::Strategy, Lang)>) -> Result<String> {
        let mut w = csv::WriterBuilder::new()
            .terminator(csv::Terminator::Any(b'\n'))
            .from_writer(Vec::new());
        let mut head = vec![
            "id",
            "duration",
            "early_start",
            "early_finish",
            "late_start",
            "late_finish",
            "total_float",
            "free_float",
            "critical",
            "early_start_date",
            "early_finish_date",
            "late_start_date",
            "late_finish_date",
            "illustrative",
        ];
        let compared = self.baseline.is_some();
        if compared {
            head.extend([
                "baseline_start",
                "baseline_finish",
                "start_variance_days",
                "finish_variance_days",
            ]);
        }
        if names.is_some() {
            head.extend([
                "title",
                "direction",
                "direction_title",
                "main_executor",
                "main_executor_name",
            ]);
        }
        let _ = w.write_record(&head);
        let opt = |x: Option<String>| x.unwrap_or_default();
        for (i, r) in self.records()?.into_iter().enumerate() {
            let mut row = vec![
                csv_safe(&r.id).into_owned(),
                r.duration.to_string(),
                r.early_start.to_string(),
                r.early_finish.to_string(),
                r.late_start.to_string(),
                r.late_finish.to_string(),
                r.total_float.to_string(),
                r.free_float.to_string(),
                r.critical.to_string(),
                r.early_start_date.to_string(),
                r.early_finish_date.to_string(),
                r.late_start_date.to_string(),
                r.late_finish_date.to_string(),
                if r.illustrative { "true" } else { "" }.to_owned(),
            ];
            if compared {
                row.extend([
                    opt(r.baseline_start.map(|d| d.to_string())),
                    opt(r.baseline_finish.map(|d| d.to_string())),
                    opt(r.start_variance_days.map(|v| v.to_string())),
                    opt(r.finish_variance_days.map(|v| v.to_string())),
                ]);
            }
            if let Some((s, lang)) = names {
                row.extend(self.row_names(s, lang, i));
            }
            let _ = w.write_record(&row);
        }
        Ok(String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default())
    }

    /// A Mermaid `gantt` chart of the early schedule: critical measures marked `crit`,
    /// milestones as `milestone`. Bars run from the first to the last day of work (Mermaid's
    /// end date is exclusive, so the day after the last day is written); under a calendar the
    /// calendar's weekend is excluded for display.
    pub fn to_mermaid(&self) -> Result<String> {
        let records = self.records()?;
        let mut out = String::new();
        let _ = writeln!(out, "gantt");
        let _ = writeln!(out, "    title Schedule");
        let _ = writeln!(out, "    dateFormat YYYY-MM-DD");
        if let Some(cal) = &self.calendar
            && !cal.weekend.is_empty()
        {
            let days: Vec<&str> = cal
                .weekend
                .iter()
                .map(|w| match w {
                    super::Weekday::Monday => "monday",
                    super::Weekday::Tuesday => "tuesday",
                    super::Weekday::Wednesday => "wednesday",
                    super::Weekday::Thursday => "thursday",
                    super::Weekday::Friday => "friday",
                    super::Weekday::Saturday => "saturday",
                    super::Weekday::Sunday => "sunday",
                })
                .collect();
            let _ = writeln!(out, "    excludes {}", days.join(", "));
        }
        let _ = writeln!(out, "    section Measures");
        for (k, r) in records.iter().enumerate() {
            let name = mermaid_text(&r.id);
            let mut tags = Vec::new();
            if r.critical {
                tags.push("crit".to_owned());
            }
            if r.duration == 0 {
                tags.push("milestone".to_owned());
                tags.push(format!("t{k}"));
                tags.push(r.early_start_date.to_string());
                tags.push("0d".to_owned());
            } else {
                let end = r
                    .early_finish_date
                    .tomorrow()
                    .unwrap_or(r.early_finish_date);
                tags.push(format!("t{k}"));
                tags.push(r.early_start_date.to_string());
                tags.push(end.to_string());
            }
            let _ = writeln!(out, "    {name} :{}", tags.join(", "));
        }
        Ok(out)
    }
}
