//! Golden files of the monitoring operations: `tests/golden_monitoring/<case>/input.json` and
//! `expected.json`, for the Python and JS suites to check the same numbers through their
//! bindings once they expose monitoring. `UPDATE_GOLDEN=1 cargo test -p eculture --test
//! golden_monitoring` rewrites the expected files (review the diff before committing).

use std::path::{Path, PathBuf};

use eculture::Strategy;
use eculture::monitoring::*;
use jiff::civil::date;
use serde_json::{Value, json};

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/golden_monitoring")
}

/// Everything the golden files record, with the public Rust API and the options as a binding
/// would pass them (JSON objects with defaults).
/// Per table, the rows its `illustrative` column marks (0 without the column).
fn marked(t: &eculture::monitoring::Table) -> usize {
    match t.headers.iter().position(|h| h == "illustrative") {
        Some(c) => t
            .rows
            .iter()
            .filter(|r| serde_json::to_value(&r[c]).unwrap() == "†")
            .count(),
        None => 0,
    }
}

fn report(s: &Strategy) -> Value {
    let opt = |v: Value| v;
    let mut rates = serde_json::Map::new();
    for by in [
        "overall",
        "direction",
        "main_executor",
        "cluster",
        "module",
        "deadline_year",
    ] {
        let o: ExecutionRateOptions =
            serde_json::from_value(opt(json!({"as_of": "2025-12-31", "by": by}))).unwrap();
        rates.insert(
            by.into(),
            serde_json::to_value(s.execution_rate(&o).unwrap()).unwrap(),
        );
    }
    let zero: ExecutionRateOptions =
        serde_json::from_value(json!({"as_of": "2025-12-31", "no_data": "zero"})).unwrap();
    let ach: AchievementOptions = serde_json::from_value(json!({"as_of": "2025-12-31"})).unwrap();
    let res: ResultsRatingOptions =
        serde_json::from_value(json!({"as_of": "2025-12-31", "by": "direction"})).unwrap();
    let cal: CalendarOptions = serde_json::from_value(json!({"as_of": "2026-02-01"})).unwrap();
    let tri: TriageOptions = serde_json::from_value(json!({"as_of": "2026-02-01"})).unwrap();
    let sched: eculture::ScheduleOptions =
        serde_json::from_value(json!({"status_date": "2025-03-01"})).unwrap();
    let forecast = s.schedule(&sched).unwrap();
    let mr: MonitoringReportOptions = serde_json::from_value(json!({"year": 2025})).unwrap();
    let mreport = s.monitoring_report(&mr).unwrap();
    json!({
        "states_as_of_2025_12_31": s.states_as_of(date(2025, 12, 31)),
        "execution_rate": rates,
        "execution_rate_no_data_zero": s.execution_rate(&zero).unwrap(),
        "results_rating_by_direction": s.results_rating(&res),
        "achievement": s.achievement(&ach).unwrap(),
        "reporting_calendar": s.reporting_calendar(&cal),
        "forecast_2025_03_01": {
            "finish": forecast.finish_date().unwrap().to_string(),
            "records": forecast.records().unwrap(),
            "infeasible_deadlines": forecast.infeasible_deadlines(),
        },
        "triage": s.triage(&tri),
        "monitoring_report_2025": {
            "sections": mreport.sections.iter().map(|x| &x.title).collect::<Vec<_>>(),
            "tables": mreport.tables().map(|t| json!({"name": t.name, "rows": t.rows.len()})).collect::<Vec<_>>(),
            "notice": mreport.notice,
            "marked": mreport.tables().map(|t| json!({"name": t.name, "marked": marked(t)})).collect::<Vec<_>>(),
        },
        "provenance": s.provenance(),
    })
}

#[test]
fn monitoring_golden_files_match() {
    let mut cases: Vec<PathBuf> = std::fs::read_dir(dir())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir())
        .collect();
    cases.sort();
    assert!(!cases.is_empty());
    for case in cases {
        let s = Strategy::load(case.join("input.json")).unwrap();
        let got = report(&s);
        let path = case.join("expected.json");
        if std::env::var_os("UPDATE_GOLDEN").is_some() {
            std::fs::write(&path, serde_json::to_string_pretty(&got).unwrap() + "\n").unwrap();
            continue;
        }
        let want: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        assert_eq!(got, want, "{}", case.display());
    }
}
