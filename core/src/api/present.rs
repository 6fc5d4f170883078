//! What the bindings and the page show about a result, said once here: one summary text per
//! object ([`Summary`], Python's `repr()` and JavaScript's `toString()`), a result's records as
//! an HTML table ([`records_html`], the notebook view), a gap reason's sentence, a diagnostic's
//! entity, the near-critical threshold and a file's format.

use serde_json::Value;

use crate::error::{IoError, Result};
use crate::monitoring::{Achievement, ExecutionRate, MonitoringReport, ResultsRating, Triage};
use crate::validate::Diagnostic;
use crate::{Format, GapReason, Matrix, Rollup, Schedule, ScheduleOptions, Strategy};

/// One line that says what an object is: Python's `repr()` and JavaScript's `toString()` (and
/// node's `inspect`) of the binding's class. Strings are quoted as in JSON.
pub trait Summary {
    /// `Strategy(id="…", directions=10, …)`.
    fn summary(&self) -> String;
}

/// A string quoted as in JSON ([`crate::escape::json_string`]).
fn q(s: &str) -> String {
    crate::escape::json_string(s)
}

/// A share as a percentage with one decimal, or `n/a`.
fn share(x: Option<f64>) -> String {
    x.map_or_else(|| "n/a".to_owned(), |x| format!("{:.1}%", x * 100.0))
}

impl Summary for Strategy {
    fn summary(&self) -> String {
        let d = self.document();
        format!(
            "Strategy(id={}, directions={}, clusters={}, modules={}, measures={}, indicators={})",
            q(&d.strategy.id),
            d.directions.len(),
            d.clusters.len(),
            d.modules.len(),
            d.measures.len(),
            d.indicators.len()
        )
    }
}

impl Summary for Matrix {
    fn summary(&self) -> String {
        let o = self.coverage().overall;
        format!(
            "Matrix({} clusters x {} modules, {} of {} applicable cells covered)",
            self.clusters.len(),
            self.modules.len(),
            o.covered,
            o.applicable
        )
    }
}

impl Summary for Schedule {
    fn summary(&self) -> String {
        format!(
            "Schedule(measures={}, duration_days={}, project_start={})",
            self.len(),
            self.duration_days(),
            self.project_start
        )
    }
}

impl Summary for Rollup {
    fn summary(&self) -> String {
        let total: u64 = self.measures.iter().map(|&n| u64::from(n)).sum();
        format!(
            "Rollup({} clusters x {} modules, {total} measure deliveries)",
            self.clusters.len(),
            self.modules.len()
        )
    }
}

impl Summary for Diagnostic {
    fn summary(&self) -> String {
        let id = self.id.as_deref().map_or_else(|| "null".to_owned(), q);
        let line = self.line.map_or(String::new(), |l| format!(", line={l}"));
        format!(
            "Diagnostic(severity={}, code={}, path={}, id={id}{line}, message={})",
            q(self.severity.as_str()),
            q(self.code.as_str()),
            q(&self.path),
            q(&self.message)
        )
    }
}

impl Summary for ExecutionRate {
    fn summary(&self) -> String {
        let overall = match self.records.as_slice() {
            [one] => format!(", rate={}", share(one.rate)),
            _ => String::new(),
        };
        format!(
            "ExecutionRate(as_of={}, by={}, groups={}{overall}, no_data={})",
            self.as_of,
            q(serde_plain(&self.by).as_str()),
            self.records.len(),
            self.no_data_measures.len()
        )
    }
}

impl Summary for ResultsRating {
    fn summary(&self) -> String {
        let overall = match self.records.as_slice() {
            [one] => format!(", rate={}", share(one.rate)),
            _ => String::new(),
        };
        format!(
            "ResultsRating(as_of={}, groups={}{overall})",
            self.as_of,
            self.records.len()
        )
    }
}

impl Summary for Achievement {
    fn summary(&self) -> String {
        let at_risk = self.indicators.iter().filter(|i| i.at_risk).count();
        format!(
            "Achievement(as_of={}, indicators={}, records={}, at_risk={at_risk})",
            self.as_of,
            self.indicators.len(),
            self.records.len()
        )
    }
}

impl Summary for Triage {
    fn summary(&self) -> String {
        let forecast = if self.forecast_error.is_some() {
            ", no forecast"
        } else {
            ""
        };
        format!(
            "Triage(as_of={}, measures={}{forecast})",
            self.as_of,
            self.records.len()
        )
    }
}

impl Summary for crate::micmac::Micmac {
    fn summary(&self) -> String {
        format!(
            "Micmac(level={}, entities={}, links={}, power={}, stop={})",
            q(self.level.as_str()),
            self.records.len(),
            self.links,
            self.power,
            q(self.stop.as_str())
        )
    }
}

impl Summary for MonitoringReport {
    fn summary(&self) -> String {
        format!(
            "MonitoringReport(year={}, as_of={}, sections={}, tables={})",
            self.year,
            self.as_of,
            self.sections.len(),
            self.tables().count()
        )
    }
}

impl Summary for crate::diff::PlanDiff {
    fn summary(&self) -> String {
        let (added, removed, changed) = self.counts();
        format!(
            "PlanDiff(old={}, new={}, added={added}, removed={removed}, changed={changed}, matrix_changes={}, finish_shift_days={})",
            q(&self.old_id),
            q(&self.new_id),
            self.matrix_changes
                .as_ref()
                .map_or_else(|| "null".to_owned(), |m| m.len().to_string()),
            self.schedule
                .as_ref()
                .map_or_else(|| "null".to_owned(), |s| s.finish_shift_days.to_string()),
        )
    }
}

/// A unit enum's serde name (`direction`).
fn serde_plain<T: serde::Serialize>(v: &T) -> String {
    match serde_json::to_value(v) {
        Ok(Value::String(s)) => s,
        Ok(other) => other.to_string(),
        Err(_) => String::new(),
    }
}

/// How many rows [`records_html`] shows before saying how many are left out.
pub const HTML_ROWS: usize = 200;

fn esc(s: &str) -> String {
    crate::render::svg::esc(s).to_string()
}

/// A cell's text: strings as they are, `null` empty, lists joined by `, `, others as JSON.
fn cell(v: &Value) -> String {
    match v {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        Value::Array(items) if items.iter().all(|i| !i.is_object() && !i.is_array()) => {
            items.iter().map(cell).collect::<Vec<_>>().join(", ")
        }
        other => other.to_string(),
    }
}

/// One record with its keys in the order the type serialises them.
struct Row(Vec<(String, Value)>);

impl<'de> serde::Deserialize<'de> for Row {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        struct Rows;
        impl<'de> serde::de::Visitor<'de> for Rows {
            type Value = Row;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a record")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> std::result::Result<Row, A::Error> {
                let mut out = Vec::new();
                while let Some((k, v)) = map.next_entry::<String, Value>()? {
                    out.push((k, v));
                }
                Ok(Row(out))
            }
        }
        d.deserialize_map(Rows)
    }
}

/// The notebook view of a result: its summary line, then its records as an HTML table (one
/// column per field, in the record's order), at most `HTML_ROWS` (200) rows. Every string is
/// escaped.
pub fn records_html<T: serde::Serialize>(summary: &str, records: &[T]) -> String {
    let mut s = format!(
        "<div class=\"eculture\"><p><code>{}</code></p>",
        esc(summary)
    );
    let shown = &records[..records.len().min(HTML_ROWS)];
    let rows: Vec<Row> = serde_json::to_string(shown)
        .ok()
        .and_then(|t| serde_json::from_str(&t).ok())
        .unwrap_or_default();
    let Some(first) = rows.first() else {
        s.push_str("<p>(no records)</p></div>");
        return s;
    };
    s.push_str("<table><thead><tr>");
    for (k, _) in &first.0 {
        s.push_str(&format!("<th>{}</th>", esc(k)));
    }
    s.push_str("</tr></thead><tbody>");
    for row in &rows {
        s.push_str("<tr>");
        for (_, v) in &row.0 {
            s.push_str(&format!("<td>{}</td>", esc(&cell(v))));
        }
        s.push_str("</tr>");
    }
    s.push_str("</tbody></table>");
    if records.len() > HTML_ROWS {
        s.push_str(&format!(
            "<p>… and {} more rows</p>",
            records.len() - HTML_ROWS
        ));
    }
    s.push_str("</div>");
    s
}

/// A share (0..1) as the summaries and the page write it: a percentage with one decimal
/// (`0.925` → `92.5%`), or `n/a` for no share (nothing counted: never 0).
pub fn percent_text(share: Option<f64>) -> String {
    self::share(share)
}

/// Why a cell is a gap, in the words of the command-line tool (`GapReason`'s `Display`):
/// `no measure targets it`, …
pub fn gap_reason_text(reason: &GapReason) -> String {
    reason.to_string()
}

/// The kind of entity a diagnostic is about (`measure`, `module`, `goal`, …; see
/// [`Diagnostic::entity`]).
pub fn diagnostic_entity(d: &Diagnostic) -> &'static str {
    d.entity()
}

/// The default near-critical threshold of a schedule, in days (total float above the critical
/// float and at most this; [`ScheduleOptions::near_critical_days`]).
pub fn near_critical_days() -> i64 {
    ScheduleOptions::default().near_critical_days
}

/// The document format a file name implies (`json`, `yaml` or `toml`, from its extension),
/// or the error reading that file as a document would give. Spreadsheets (`.xlsx`, `.xls`,
/// `.ods`, `.csv`) are action plans read by `Strategy.fromXlsx` / `fromCsv`, and project files
/// (`.xml`, `.xer`) are read by `Strategy.fromMspdi` / `fromXer`, not documents: they are
/// refused here with that said, so that a page that opens documents by this rule
/// keeps working.
pub fn format_of(name: &str) -> Result<&'static str> {
    match Format::from_path(std::path::Path::new(name)) {
        Some(f @ (Format::Json | Format::Yaml | Format::Toml)) => Ok(f.as_str()),
        Some(_) => Err(IoError::new(
            "read",
            name,
            "unknown extension for a document: use .json, .yaml, .yml or .toml (a spreadsheet action plan is read by Strategy.fromXlsx / fromCsv, an MS Project or Primavera file by Strategy.fromMspdi / fromXer)",
        )
        .into()),
        None => Err(IoError::new(
            "read",
            name,
            "unknown extension: use .json, .yaml, .yml or .toml",
        )
        .into()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn summaries_and_page_facts() {
        let s = Strategy::e_culture();
        assert!(
            s.summary()
                .starts_with("Strategy(id=\"az-moc-e-culture-2024-2026\", directions=")
        );
        assert!(s.matrix().unwrap().summary().starts_with("Matrix("));
        let r = s.execution_rate(&Default::default()).unwrap();
        assert!(
            r.summary().starts_with("ExecutionRate(as_of="),
            "{}",
            r.summary()
        );
        let html = records_html("<x>", &r.records);
        assert!(
            html.contains("<tr><th>group</th><th>numerator</th>"),
            "{html}"
        );
        assert!(html.contains("&lt;x&gt;"), "{html}");
        assert_eq!(near_critical_days(), 5);
        assert_eq!(format_of("a/B.YML").unwrap(), "yaml");
        assert!(format_of("plan.txt").is_err());
        let d = Diagnostic::new(
            crate::Severity::Error,
            crate::Code::UnknownReference,
            "strategy.goals[0].directions[1]",
            Some("D9"),
            "m",
        );
        assert_eq!(diagnostic_entity(&d), "goal");
        assert_eq!(
            gap_reason_text(&GapReason::NoMeasure),
            "no measure targets it"
        );
    }
}
