//! Monitoring and evaluation (issue 12): reports, state as of a date, execution rate,
//! achievement, calendar, forecast, triage and the monitoring report, on a small hand-made
//! plan whose numbers are computed by hand in the comments.

#![allow(clippy::type_complexity)] // tuples of expected columns read best inline

use eculture::monitoring::*;
use eculture::{Code, Severity, Strategy};
use jiff::civil::{Date, date};
use serde_json::{Value, json};

/// The small plan. Strategy 2024-2026; `moc` coordinates, `caerc` monitors.
///
/// | measure | direction | main | start | deadline | targets | status / reports |
/// |---|---|---|---|---|---|---|
/// | a | D1 | lib | 2024-01-01 | 2024-12-31 | cat→library | executed (2024, 2025) |
/// | b | D1 | lib | 2024 | 2025-06-30 | reg (→ library) | 40 % in 2024, executed 2025 |
/// | c | D2 | mus | 2025 | 2025-12-31 | cat→museum | partially executed 2025 |
/// | d | D2 | mus (lib other) | – | 2025-09-30 | – | partially 2024, executed 2025 |
/// | e | D2 | moc | – | 2026-06-30 | – | nothing |
/// | f | D1 | moc | – | 2025-03-31 | – | cancelled (undated) |
/// | g | D2 | mus | – | 2025-03-31 | – | nothing (no data) |
fn plan() -> Value {
    json!({
      "strategy": {"id": "t", "title": {"az": "t", "en": "t"},
                   "period": {"start": "2024", "end": "2026"},
                   "coordinating_body": "moc", "monitoring_body": "caerc",
                   "goals": [{"id": "G1", "title": {"en": "g1"}}, {"id": "G2", "title": {"en": "g2"}}]},
      "organizations": [
        {"id": "moc", "name": {"en": "moc"}, "kind": "ministry"},
        {"id": "caerc", "name": {"en": "caerc"}, "kind": "analysis_centre"},
        {"id": "lib", "name": {"en": "lib"}, "kind": "subordinate"},
        {"id": "mus", "name": {"en": "mus"}, "kind": "subordinate"}],
      "directions": [{"id": "D1", "title": {"en": "d1"}, "goals": ["G1"]},
                     {"id": "D2", "title": {"en": "d2"}, "goals": ["G2"]}],
      "clusters": [{"id": "library", "title": {"en": "l"}}, {"id": "museum", "title": {"en": "m"}}],
      "modules": [{"id": "cat", "title": {"en": "c"}, "applies_to": {"all": true}},
                  {"id": "reg", "title": {"en": "r"}, "applies_to": {"clusters": ["library"]}}],
      "measures": [
        {"id": "a", "direction": "D1", "title": {"en": "a"}, "main_executor": "lib",
         "start": "2024-01-01", "deadline": "2024-12-31", "duration_days": 100,
         "targets": [{"module": "cat", "clusters": ["library"]}], "indicators": ["I1"]},
        {"id": "b", "direction": "D1", "title": {"en": "b"}, "main_executor": "lib",
         "start": "2024", "deadline": "2025-06-30", "duration_days": 200, "depends_on": ["a"],
         "targets": [{"module": "reg"}]},
        {"id": "c", "direction": "D2", "title": {"en": "c"}, "main_executor": "mus",
         "start": "2025", "deadline": "2025-12-31", "duration_days": 300,
         "targets": [{"module": "cat", "clusters": ["museum"]}], "indicators": ["I2"]},
        {"id": "d", "direction": "D2", "title": {"en": "d"}, "main_executor": "mus",
         "other_executors": ["lib"], "deadline": "2025-09-30", "duration_days": 50},
        {"id": "e", "direction": "D2", "title": {"en": "e"}, "main_executor": "moc",
         "deadline": "2026-06-30", "duration_days": 30},
        {"id": "f", "direction": "D1", "title": {"en": "f"}, "main_executor": "moc",
         "deadline": "2025-03-31", "duration_days": 10, "status": "cancelled"},
        {"id": "g", "direction": "D2", "title": {"en": "g"}, "main_executor": "mus",
         "deadline": "2025-03-31", "duration_days": 10}],
      "indicators": [
        {"id": "I1", "name": {"en": "i1"}, "baseline": {"year": 2023, "value": 10},
         "targets": [{"year": 2024, "value": 30}, {"year": 2025, "value": 50, "final": true}],
         "actuals": [{"year": 2024, "value": 20}]},
        {"id": "I2", "name": {"en": "i2"}, "polarity": "descending",
         "baseline": {"year": 2023, "value": 100},
         "targets": [{"year": 2025, "value": 60, "final": true}],
         "actuals": [{"year": 2024, "value": 90}, {"year": 2025, "value": 70}]}],
      "reports": [
        {"id": "lib-2024", "by": "lib", "period": 2024, "submitted": "2025-01-15",
         "entries": [
           {"measure": "a", "status": "executed", "actual_start": "2024-02-01", "actual_finish": "2024-11-30"},
           {"measure": "b", "status": "partially_executed", "percent_complete": 40, "actual_start": "2024-12-01"}]},
        {"id": "mus-2024", "by": "mus", "period": 2024, "submitted": "2025-01-25",
         "entries": [{"measure": "d", "status": "partially_executed", "percent_complete": 50}]},
        {"id": "lib-2025", "by": "lib", "period": 2025, "submitted": "2026-01-18",
         "entries": [
           {"measure": "a", "status": "executed", "actual_start": "2024-02-01", "actual_finish": "2024-11-30"},
           {"measure": "b", "status": "executed", "actual_start": "2024-12-01", "actual_finish": "2025-06-20"}],
         "indicators": [{"indicator": "I1", "year": 2025, "value": 60}]},
        {"id": "mus-2025", "by": "mus", "period": 2025, "submitted": "2026-01-19",
         "entries": [
           {"measure": "c", "status": "partially_executed", "percent_complete": 60},
           {"measure": "d", "status": "executed", "actual_start": "2025-03-01", "actual_finish": "2025-09-15"}]}]
    })
}

fn load(v: Value) -> Strategy {
    Strategy::from_value(v).expect("loads")
}

fn codes(s: &Strategy) -> Vec<(Code, Severity, String)> {
    s.validate()
        .iter()
        .map(|d| (d.code, d.severity, d.path.clone()))
        .collect()
}

fn has(s: &Strategy, code: Code, sev: Severity, path: &str) -> bool {
    s.validate()
        .iter()
        .any(|d| d.code == code && d.severity == sev && d.path == path)
}

const D25: Date = date(2025, 12, 31);

// ---------------------------------------------------------------- 1. reports, validation

#[test]
fn a_missing_report_is_one_finding_per_executor_and_period_naming_its_measures() {
    // 25 measures of `moc` and 2 without a main executor, active in 2024 and 2025, one report
    // (of `lib`, on nothing of theirs) for 2025: per period one finding for `moc` listing ten
    // ids and the count of the rest, and one for the measures without a single executor
    let mut measures: Vec<Value> = (0..25)
        .map(|i| {
            json!({"id": format!("m{i}"), "direction": "D", "title": {"en": "x"},
                        "main_executor": "moc", "start": "2024-01-01", "deadline": "2025-12-31"})
        })
        .collect();
    measures.push(json!({"id": "x1", "direction": "D", "title": {"en": "x"},
                         "main_executor": [], "start": "2024-01-01", "deadline": "2025-12-31"}));
    measures.push(json!({"id": "x2", "direction": "D", "title": {"en": "x"},
                         "main_executor": ["moc", "lib"], "start": "2024-01-01", "deadline": "2025-12-31"}));
    measures.push(json!({"id": "l", "direction": "D", "title": {"en": "x"},
                         "main_executor": "lib", "start": "2024-01-01", "deadline": "2025-12-31"}));
    let s = load(json!({
      "strategy": {"id": "t", "title": {"az": "t", "en": "t"},
                   "period": {"start": "2024", "end": "2025"}},
      "organizations": [{"id": "lib", "name": {"en": "lib"}, "kind": "subordinate"},
                        {"id": "moc", "name": {"en": "moc"}, "kind": "ministry"}],
      "directions": [{"id": "D", "title": {"en": "d"}}],
      "measures": measures,
      "reports": [{"id": "r", "by": "lib", "period": "2025", "submitted": "2026-01-10",
                   "entries": [{"measure": "l", "status": "executed", "actual_finish": "2025-06-01"}]}]
    }));
    let missing: Vec<(String, Option<String>, String)> = s
        .validate()
        .iter()
        .filter(|d| d.code == Code::MissingReport)
        .map(|d| (d.path.clone(), d.id.clone(), d.message.clone()))
        .collect();
    let moc = |y: i32| {
        (
            "organizations[1]".to_owned(),
            Some("moc".to_owned()),
            format!(
                "executor `moc` has no report for {y} on 25 measures active in that period: \
                 `m0`, `m1`, `m2`, `m3`, `m4`, `m5`, `m6`, `m7`, `m8`, `m9` and 15 more (due {}-01-20)",
                y + 1
            ),
        )
    };
    let lib_2024 = (
        "organizations[0]".to_owned(),
        Some("lib".to_owned()),
        "executor `lib` has no report for 2024 on 1 measure active in that period: `l` (due 2025-01-20)"
            .to_owned(),
    );
    let unassigned = |y: i32| {
        (
            "reporting.executor_reports".to_owned(),
            None,
            format!(
                "no report for {y} covers 2 measures active in that period without a single main \
                 executor: `x1`, `x2` (due {}-01-20)",
                y + 1
            ),
        )
    };
    assert_eq!(
        missing,
        vec![
            moc(2024),
            lib_2024,
            unassigned(2024),
            moc(2025),
            unassigned(2025)
        ]
    );
}

#[test]
fn the_small_plan_is_valid_and_its_warnings_are_the_expected_ones() {
    let s = load(plan());
    assert!(s.is_valid(), "{:#?}", s.validate());
    let mut w: Vec<String> = s
        .validate()
        .iter()
        .filter(|d| d.code != Code::MissingRole)
        .map(|d| format!("{} {}", d.code, d.path))
        .collect();
    w.sort();
    assert_eq!(
        w,
        vec![
            // e (moc) active in 2024 and 2025 without a report; g (mus) likewise: one
            // finding per executor and period
            "missing_report organizations[0]",
            "missing_report organizations[0]",
            "missing_report organizations[3]",
            "missing_report organizations[3]",
            // mus-2024 submitted 25 January: 5 days after 20 January
            "report_late reports[1].submitted",
        ],
        "{:#?}",
        s.validate()
    );
    let late = s
        .validate()
        .iter()
        .find(|d| d.code == Code::ReportLate)
        .unwrap();
    assert!(late.message.contains("5 days after"), "{}", late.message);
    assert_eq!(late.entity(), "report");
}

#[test]
fn reports_round_trip_in_every_format() {
    let s = load(plan());
    for f in [
        eculture::Format::Json,
        eculture::Format::Yaml,
        eculture::Format::Toml,
    ] {
        let text = s.to_string(f).unwrap();
        let back = Strategy::parse(&text, f).unwrap();
        assert_eq!(back.document(), s.document(), "{f}");
    }
}

#[test]
fn unknown_fields_in_reports_are_located_parse_errors() {
    let mut v = plan();
    v["reports"][0]["entries"][0]["percent"] = json!(10);
    let e = Strategy::from_json(&v.to_string()).unwrap_err();
    assert!(e.to_string().contains("reports[0].entries[0]"), "{e}");
}

#[test]
fn every_report_validation_rule_is_located_and_coded() {
    let mut v = plan();
    let r = &mut v["reports"];
    // unknown measure
    r[0]["entries"]
        .as_array_mut()
        .unwrap()
        .push(json!({"measure": "zz", "status": "executed", "actual_finish": "2024-05-01"}));
    // reporter not an executor: lib reports on c (mus)
    r[0]["entries"]
        .as_array_mut()
        .unwrap()
        .push(json!({"measure": "c", "status": "not_executed"}));
    // finish before start
    r[2]["entries"][1]["actual_finish"] = json!("2024-11-01");
    // executed without finish
    r[3]["entries"][1]
        .as_object_mut()
        .unwrap()
        .remove("actual_finish");
    // percent outside 0..100
    r[3]["entries"][0]["percent_complete"] = json!(150);
    // a report for a year outside the strategy
    r.as_array_mut()
        .unwrap()
        .push(json!({"id": "old", "by": "lib", "period": 2022, "submitted": "2023-01-10"}));
    // status going back from executed: d executed in mus-2025, then not executed in a later one
    r.as_array_mut().unwrap().push(
        json!({"id": "mus-2026-h", "by": "mus", "period": "2026-06", "submitted": "2026-07-01",
        "entries": [{"measure": "d", "status": "partially_executed"}],
        "indicators": [{"indicator": "I1", "year": 2025, "value": 61}]}),
    );
    let s = load(v);
    use Severity::*;
    assert!(
        has(
            &s,
            Code::UnknownReference,
            Error,
            "reports[0].entries[2].measure"
        ),
        "{:#?}",
        codes(&s)
    );
    assert!(has(
        &s,
        Code::ReporterNotExecutor,
        Warning,
        "reports[0].entries[3].measure"
    ));
    assert!(has(
        &s,
        Code::ActualFinishBeforeStart,
        Error,
        "reports[2].entries[1].actual_finish"
    ));
    assert!(has(
        &s,
        Code::ExecutedWithoutFinish,
        Warning,
        "reports[3].entries[1].status"
    ));
    assert!(has(
        &s,
        Code::PercentOutOfRange,
        Error,
        "reports[3].entries[0].percent_complete"
    ));
    assert!(has(
        &s,
        Code::PeriodOutsideStrategy,
        Warning,
        "reports[4].period"
    ));
    assert!(has(
        &s,
        Code::StatusRegression,
        Warning,
        "reports[5].entries[0].status"
    ));
    assert!(has(
        &s,
        Code::ConflictingValues,
        Error,
        "reports[5].indicators[0].value"
    ));
    assert!(has(&s, Code::MissingReport, Warning, "organizations[0]"));
    assert!(has(&s, Code::ReportLate, Warning, "reports[1].submitted"));
    // none of them blocks a planning answer
    assert!(s.schedule(&Default::default()).is_ok());
    assert!(s.matrix().is_ok());
}

#[test]
fn non_finite_numbers_from_yaml_and_toml_are_errors_not_panics() {
    let mut v = plan();
    v["reports"][0]["entries"][1]["percent_complete"] = json!(40.5);
    let yaml = load(v).to_string(eculture::Format::Yaml).unwrap();
    let yaml = yaml.replacen("percent_complete: 40.5", "percent_complete: .nan", 1);
    let yaml = yaml.replacen("value: 20.0", "value: .inf", 1);
    let s = Strategy::from_yaml(&yaml).unwrap();
    assert!(
        has(
            &s,
            Code::NonFiniteNumber,
            Severity::Error,
            "reports[0].entries[1].percent_complete"
        ),
        "{:#?}",
        codes(&s)
    );
    assert!(
        has(
            &s,
            Code::NonFiniteNumber,
            Severity::Error,
            "indicators[0].actuals[0].value"
        ),
        "{:#?}",
        codes(&s)
    );
    // the operations still answer
    let _ = s.execution_rate(&Default::default()).unwrap();
    let a = s.achievement(&Default::default()).unwrap();
    assert!(
        a.records
            .iter()
            .all(|r| r.achievement.is_none_or(f64::is_finite))
    );
    let toml = load(plan()).to_string(eculture::Format::Toml).unwrap();
    let toml = toml.replacen("value = 90.0", "value = nan", 1);
    let s = Strategy::from_toml(&toml).unwrap();
    assert!(
        s.validate().iter().any(|d| d.code == Code::NonFiniteNumber),
        "{toml}"
    );
}

#[test]
fn undated_status_yields_to_reports_and_disagreement_is_a_warning() {
    let mut v = plan();
    v["measures"][2]["status"] = json!("executed"); // c: report says partially executed
    let s = load(v);
    assert!(has(
        &s,
        Code::StatusDisagreesWithReport,
        Severity::Warning,
        "measures[2].status"
    ));
    let st = s.state_as_of("c", D25).unwrap();
    assert_eq!(st.status, Some(eculture::model::Status::PartiallyExecuted));
    assert_eq!(st.source, StateSource::Report);
    // before any report on c, the undated status applies
    let st = s.state_as_of("c", date(2024, 6, 30)).unwrap();
    assert_eq!(st.status, Some(eculture::model::Status::Executed));
    assert_eq!(st.source, StateSource::Document);
    // g: nothing at all
    assert_eq!(s.state_as_of("g", D25).unwrap().source, StateSource::None);
    // the same as one column
    let col = s.status_column_as_of(D25);
    let objs: Vec<_> = s.states_as_of(D25).into_iter().map(|x| x.status).collect();
    assert_eq!(col, objs);
}

#[test]
fn state_as_of_takes_the_latest_as_of_then_the_later_submission_then_document_order() {
    let mut v = plan();
    let r = v["reports"].as_array_mut().unwrap();
    // two more reports on `e` by moc, both as of 2025-12-31
    r.push(json!({"id": "x1", "by": "moc", "period": 2025, "as_of": "2025-12-31", "submitted": "2026-01-10",
                  "entries": [{"measure": "e", "status": "partially_executed"}]}));
    r.push(json!({"id": "x0", "by": "moc", "period": 2025, "as_of": "2025-12-31", "submitted": "2026-01-05",
                  "entries": [{"measure": "e", "status": "not_executed"}]}));
    let s = load(v.clone());
    // same as_of: the later submission (x1) wins although x0 comes later in the document
    assert_eq!(
        s.state_as_of("e", D25).unwrap().report.as_deref(),
        Some("x1")
    );
    // same submission day too: the later in the document wins
    v["reports"][5]["submitted"] = json!("2026-01-10");
    let s = load(v.clone());
    assert_eq!(
        s.state_as_of("e", D25).unwrap().report.as_deref(),
        Some("x0")
    );
    // a report with a later as_of wins whatever its submission
    v["reports"][4]["as_of"] = json!("2026-01-01");
    let s = load(v);
    assert_eq!(
        s.state_as_of("e", date(2026, 1, 1))
            .unwrap()
            .report
            .as_deref(),
        Some("x1")
    );
    assert_eq!(
        s.state_as_of("e", D25).unwrap().report.as_deref(),
        Some("x0")
    );
    // absent as_of: the end of the period or the submission, whichever is earlier
    let s = load(plan());
    let st = s.state_as_of("b", date(2025, 12, 31)).unwrap();
    assert_eq!(st.as_of, Some(date(2025, 12, 31)));
    let st = s.state_as_of("b", date(2025, 12, 30)).unwrap();
    assert_eq!(st.report.as_deref(), Some("lib-2024"));
    assert_eq!(st.percent_complete, Some(40.0));
}

// ---------------------------------------------------------------- 2. execution rate

fn rate(s: &Strategy, by: GroupBy) -> Vec<(String, f64, f64, u64, u64, u64, u64)> {
    let r = s
        .execution_rate(&ExecutionRateOptions {
            as_of: Some(D25),
            by,
            ..Default::default()
        })
        .unwrap();
    r.records
        .iter()
        .map(|x| {
            (
                x.group.clone(),
                x.numerator,
                x.denominator,
                x.executed,
                x.partially_executed,
                x.not_executed,
                x.no_data,
            )
        })
        .collect()
}

fn row(
    g: &str,
    n: f64,
    d: f64,
    e: u64,
    p: u64,
    ne: u64,
    nd: u64,
) -> (String, f64, f64, u64, u64, u64, u64) {
    (g.into(), n, d, e, p, ne, nd)
}

#[test]
fn execution_rate_by_every_grouping_matches_the_hand_computation() {
    // due by 2025-12-31: a (executed), b (executed), c (partial), d (executed), f (cancelled:
    // out), g (no data). e is due in 2026.
    let s = load(plan());
    assert_eq!(
        rate(&s, GroupBy::Overall),
        vec![row("overall", 3.5, 4.0, 3, 1, 0, 1)]
    );
    assert_eq!(
        rate(&s, GroupBy::Direction),
        vec![
            row("D1", 2.0, 2.0, 2, 0, 0, 0),
            row("D2", 1.5, 2.0, 1, 1, 0, 1)
        ]
    );
    assert_eq!(
        rate(&s, GroupBy::MainExecutor),
        vec![
            row("lib", 2.0, 2.0, 2, 0, 0, 0),
            row("mus", 1.5, 2.0, 1, 1, 0, 1)
        ]
    );
    // a → library; b → reg, which applies to library only; c → museum; d, g: no target
    assert_eq!(
        rate(&s, GroupBy::Cluster),
        vec![
            row("library", 2.0, 2.0, 2, 0, 0, 0),
            row("museum", 0.5, 1.0, 0, 1, 0, 0),
            row("(none)", 1.0, 1.0, 1, 0, 0, 1)
        ]
    );
    assert_eq!(
        rate(&s, GroupBy::Module),
        vec![
            row("cat", 1.5, 2.0, 1, 1, 0, 0),
            row("reg", 1.0, 1.0, 1, 0, 0, 0),
            row("(none)", 1.0, 1.0, 1, 0, 0, 1)
        ]
    );
    assert_eq!(
        rate(&s, GroupBy::DeadlineYear),
        vec![
            row("2024", 1.0, 1.0, 1, 0, 0, 0),
            row("2025", 2.5, 3.0, 2, 1, 0, 1)
        ]
    );
    let r = s
        .execution_rate(&ExecutionRateOptions {
            as_of: Some(D25),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(r.records[0].rate, Some(0.875));
    assert_eq!(r.no_data_measures, vec!["g"]);
    assert_eq!(r.excluded, 1);
    assert_eq!(r.columns().numerator, vec![3.5]);
}

#[test]
fn no_data_is_separate_unless_asked_to_count_as_zero() {
    let s = load(plan());
    let sep = s
        .execution_rate(&ExecutionRateOptions {
            as_of: Some(D25),
            ..Default::default()
        })
        .unwrap();
    let zero = s
        .execution_rate(&ExecutionRateOptions {
            as_of: Some(D25),
            no_data: NoData::Zero,
            ..Default::default()
        })
        .unwrap();
    assert_eq!(sep.records[0].rate, Some(3.5 / 4.0));
    assert_eq!(zero.records[0].rate, Some(3.5 / 5.0));
    assert_eq!(zero.records[0].no_data, 1);
}

#[test]
fn weights_outside_zero_to_one_are_located_argument_errors() {
    let s = load(plan());
    for (name, w) in [
        (
            "executed",
            Weights {
                executed: 1.5,
                ..Default::default()
            },
        ),
        (
            "partially_executed",
            Weights {
                partially_executed: -0.1,
                ..Default::default()
            },
        ),
        (
            "not_executed",
            Weights {
                not_executed: 2.0,
                ..Default::default()
            },
        ),
    ] {
        let e = s
            .execution_rate(&ExecutionRateOptions {
                weights: w,
                ..Default::default()
            })
            .unwrap_err();
        match e {
            eculture::Error::Argument(a) => {
                assert_eq!(a.path(), Some(format!("weights.{name}").as_str()));
                assert!(a.message().contains("from 0 to 1"), "{}", a.message());
            }
            other => panic!("{name}: {other:?}"),
        }
    }
    let edge = Weights {
        executed: 1.0,
        partially_executed: 1.0,
        not_executed: 0.0,
    };
    assert!(
        s.execution_rate(&ExecutionRateOptions {
            weights: edge,
            ..Default::default()
        })
        .is_ok()
    );
}

#[test]
fn scopes_dates_and_weights_change_the_rate_as_documented() {
    let s = load(plan());
    // as of 2025-06-30 only the 2024 reports count: a executed, b 40 % (partial), f out,
    // g no data (deadline 2025-03-31)
    let r = s
        .execution_rate(&ExecutionRateOptions {
            as_of: Some(date(2025, 6, 30)),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(
        (r.records[0].numerator, r.records[0].denominator),
        (1.5, 2.0)
    );
    // due in 2025 (as of end 2025): b, c, d, g
    let r = s
        .execution_rate(&ExecutionRateOptions {
            as_of: Some(D25),
            scope: Scope::DueInYear,
            ..Default::default()
        })
        .unwrap();
    assert_eq!(
        (
            r.records[0].numerator,
            r.records[0].denominator,
            r.records[0].no_data
        ),
        (2.5, 3.0, 1)
    );
    // active by 2025-12-31: every measure but f (cancelled); e no data
    let r = s
        .execution_rate(&ExecutionRateOptions {
            as_of: Some(D25),
            scope: Scope::Active,
            ..Default::default()
        })
        .unwrap();
    assert_eq!(
        (
            r.records[0].numerator,
            r.records[0].denominator,
            r.records[0].no_data
        ),
        (3.5, 4.0, 2)
    );
    // weights are data
    let r = s
        .execution_rate(&ExecutionRateOptions {
            as_of: Some(D25),
            weights: Weights {
                executed: 1.0,
                partially_executed: 0.25,
                not_executed: 0.0,
            },
            ..Default::default()
        })
        .unwrap();
    assert_eq!(r.records[0].numerator, 3.25);
    // options read from a dict with defaults
    let o: ExecutionRateOptions =
        serde_json::from_value(json!({"by": "main_executor", "as_of": "2025-12-31"})).unwrap();
    assert_eq!(o.by, GroupBy::MainExecutor);
    assert!(serde_json::from_value::<ExecutionRateOptions>(json!({"bye": 1})).is_err());
}

#[test]
fn results_based_rating_counts_indicators_meeting_their_latest_target() {
    let s = load(plan());
    // I1: 2025 actual 60 (reported) ≥ 50 → met; I2: 70 vs 60 descending → not met
    let r = s.results_rating(&ResultsRatingOptions {
        as_of: Some(D25),
        ..Default::default()
    });
    assert_eq!(r.records[0].indicators, 2);
    assert_eq!(r.records[0].met, 1);
    assert_eq!(r.records[0].rate, Some(0.5));
    let r = s.results_rating(&ResultsRatingOptions {
        as_of: Some(D25),
        by: ResultsBy::Direction,
    });
    let got: Vec<(String, u64, u64)> = r
        .records
        .iter()
        .map(|x| (x.group.clone(), x.indicators, x.met))
        .collect();
    assert_eq!(got, vec![("D1".into(), 1, 1), ("D2".into(), 1, 0)]);
}

// ---------------------------------------------------------------- 3. achievement

fn rec<'a>(a: &'a Achievement, ind: &str, year: i32) -> &'a AchievementRecord {
    a.records
        .iter()
        .find(|r| r.indicator == ind && r.year == year)
        .unwrap()
}

#[test]
fn achievement_ascending_descending_undefined_and_cap() {
    let mut v = plan();
    v["indicators"].as_array_mut().unwrap().push(json!(
        {"id": "I3", "name": {"en": "i3"}, "baseline": {"year": 2023, "value": 5},
         "targets": [{"year": 2024, "value": 5}, {"year": 2025, "value": 10, "final": true}],
         "actuals": [{"year": 2024, "value": 5}]}));
    let s = load(v);
    let a = s
        .achievement(&AchievementOptions {
            as_of: Some(D25),
            ..Default::default()
        })
        .unwrap();
    // I1 2024: (20 − 10) / (30 − 10) = 0.5
    assert_eq!(rec(&a, "I1", 2024).achievement, Some(0.5));
    assert_eq!(rec(&a, "I1", 2024).band, Band::PartlyMet);
    // I1 2025: reported 60 → (60 − 10) / (50 − 10) = 1.25, from the report
    assert_eq!(rec(&a, "I1", 2025).achievement, Some(1.25));
    assert_eq!(
        rec(&a, "I1", 2025).actual_source.as_deref(),
        Some("lib-2025")
    );
    // I2 descending 2025: (100 − 70) / (100 − 60) = 0.75 → mostly met at 0.8? no: partly met
    assert_eq!(rec(&a, "I2", 2025).achievement, Some(0.75));
    assert_eq!(rec(&a, "I2", 2025).band, Band::PartlyMet);
    // I3 2024: target equals baseline → undefined with a reason, never 0 or NaN
    let u = rec(&a, "I3", 2024);
    assert_eq!((u.achievement, u.band), (None, Band::Undefined));
    assert_eq!(u.reason.as_deref(), Some("target equals baseline"));
    // I3 2025: no actual → no data
    assert_eq!(rec(&a, "I3", 2025).band, Band::NoData);
    // cap
    let c = s
        .achievement(&AchievementOptions {
            as_of: Some(D25),
            cap: true,
            ..Default::default()
        })
        .unwrap();
    assert_eq!(rec(&c, "I1", 2025).achievement, Some(1.0));
    // bands are data
    let b = s
        .achievement(&AchievementOptions {
            as_of: Some(D25),
            bands: Bands {
                met: 1.0,
                mostly_met: 0.7,
                partly_met: 0.5,
            },
            ..Default::default()
        })
        .unwrap();
    assert_eq!(rec(&b, "I2", 2025).band, Band::MostlyMet);
    // as of mid-2025 the 2025 report is not known yet, and the 2025 actual of I2 is not
    // dated: a year's `actuals` value counts from that year on
    let m = s
        .achievement(&AchievementOptions {
            as_of: Some(date(2025, 6, 30)),
            ..Default::default()
        })
        .unwrap();
    assert_eq!(rec(&m, "I1", 2025).band, Band::NoData);
    // trend: I2 went 90 → 70, descending: improving
    let t = a.indicators.iter().find(|x| x.indicator == "I2").unwrap();
    assert_eq!(t.trend, Trend::Improving);
    // roll-up per direction and goal, achievements clamped to 0..1
    let d1 = a
        .rollup
        .iter()
        .find(|r| r.level == "direction" && r.group == "D1")
        .unwrap();
    assert_eq!(
        (d1.indicators, d1.met, d1.mean_achievement),
        (1, 1, Some(1.0))
    );
    let g2 = a
        .rollup
        .iter()
        .find(|r| r.level == "goal" && r.group == "G2")
        .unwrap();
    assert_eq!(g2.mean_achievement, Some(0.75));
}

#[test]
fn cumulative_running_totals_versus_yearly_flows() {
    let mut v = plan();
    let ind = |id: &str, cumulative: bool| {
        json!(
        {"id": id, "name": {"en": id}, "baseline": {"year": 2023, "value": 0}, "cumulative": cumulative,
         "targets": [{"year": 2024, "value": 10}, {"year": 2025, "value": 30, "final": true}],
         "actuals": [{"year": 2024, "value": 8}, {"year": 2025, "value": 24}]})
    };
    v["indicators"]
        .as_array_mut()
        .unwrap()
        .push(ind("RUN", true));
    v["indicators"]
        .as_array_mut()
        .unwrap()
        .push(ind("FLOW", false));
    let s = load(v);
    let a = s
        .achievement(&AchievementOptions {
            as_of: Some(D25),
            ..Default::default()
        })
        .unwrap();
    // each year against that year's target in both: 8/10, 24/30
    for id in ["RUN", "FLOW"] {
        assert_eq!(rec(&a, id, 2024).achievement, Some(0.8));
        assert_eq!(rec(&a, id, 2025).achievement, Some(0.8));
    }
    let total = |id: &str| {
        a.indicators
            .iter()
            .find(|x| x.indicator == id)
            .unwrap()
            .total_to_date
    };
    // a running total stands at its latest value; flows add up
    assert_eq!(total("RUN"), Some(24.0));
    assert_eq!(total("FLOW"), Some(32.0));
}

#[test]
fn indicators_held_back_by_overdue_measures_are_at_risk_naming_them() {
    let mut v = plan();
    // c (holds I2) is due 2025-12-31 and only partially executed; as of 2026-02-01 it is
    // overdue by 32 days
    v["indicators"][1]["targets"]
        .as_array_mut()
        .unwrap()
        .push(json!({"year": 2026, "value": 50}));
    let s = load(v);
    let a = s
        .achievement(&AchievementOptions {
            as_of: Some(date(2026, 2, 1)),
            ..Default::default()
        })
        .unwrap();
    let i2 = a.indicators.iter().find(|x| x.indicator == "I2").unwrap();
    assert!(i2.at_risk);
    assert_eq!(i2.at_risk_measures, vec!["c (overdue 32 days)"]);
    let i1 = a.indicators.iter().find(|x| x.indicator == "I1").unwrap();
    assert!(!i1.at_risk);
}

// ---------------------------------------------------------------- 6. calendar

fn obligations(
    s: &Strategy,
    as_of: Date,
) -> Vec<(String, String, String, String, String, Option<i64>)> {
    s.reporting_calendar(&CalendarOptions { as_of: Some(as_of) })
        .into_iter()
        .map(|o| {
            (
                format!("{:?}", o.kind),
                o.period,
                o.from,
                o.to,
                format!("{} {}", o.due, o.status.as_str()),
                o.days_late,
            )
        })
        .collect()
}

#[test]
fn decree_1294_calendar_statuses() {
    let s = load(plan());
    let got = obligations(&s, date(2026, 2, 1));
    let o = |k: &str, p: &str, f: &str, t: &str, ds: &str, late: Option<i64>| {
        (
            k.to_owned(),
            p.to_owned(),
            f.to_owned(),
            t.to_owned(),
            ds.to_owned(),
            late,
        )
    };
    assert_eq!(
        got,
        vec![
            // 2024: every executor of a measure active in 2024 (a, b, d, e, f, g; c starts 2025)
            o(
                "ExecutorReport",
                "2024",
                "moc",
                "moc",
                "2025-01-20 missing",
                Some(377)
            ),
            o(
                "ExecutorReport",
                "2024",
                "lib",
                "moc",
                "2025-01-20 submitted",
                None
            ),
            o(
                "ExecutorReport",
                "2024",
                "mus",
                "moc",
                "2025-01-20 late",
                Some(5)
            ),
            // 2025: a was executed in 2024, so lib reports for b and d
            o(
                "ExecutorReport",
                "2025",
                "moc",
                "moc",
                "2026-01-20 missing",
                Some(12)
            ),
            o(
                "ExecutorReport",
                "2025",
                "lib",
                "moc",
                "2026-01-20 submitted",
                None
            ),
            o(
                "ExecutorReport",
                "2025",
                "mus",
                "moc",
                "2026-01-20 submitted",
                None
            ),
            // 2026: e only (moc)
            o(
                "ExecutorReport",
                "2026",
                "moc",
                "moc",
                "2027-01-20 upcoming",
                None
            ),
            o(
                "MonitoringReport",
                "2024",
                "caerc",
                "public",
                "2025-03-25 missing",
                Some(313)
            ),
            o(
                "MonitoringReport",
                "2025",
                "caerc",
                "public",
                "2026-03-25 upcoming",
                None
            ),
            o(
                "MonitoringReport",
                "2026",
                "caerc",
                "public",
                "2027-03-25 upcoming",
                None
            ),
            o(
                "FinalReport",
                "2024..2026",
                "caerc",
                "moc",
                "2027-03-25 upcoming",
                None
            ),
        ]
    );
}

#[test]
fn a_twice_a_year_calendar_with_25_march_and_25_september() {
    let mut v = plan();
    v["reporting"] = json!({"executor_reports": {"every": "half_year", "due": ["03-25", "09-25"]},
                            "monitoring_reports": {"every": "half_year", "due": ["03-25", "09-25"]}});
    // mus reports for the first half of 2025 on 2025-09-20
    v["reports"].as_array_mut().unwrap().push(
        json!({"id": "mus-2025-h1", "by": "mus", "period": "2025-06",
        "submitted": "2025-09-20", "entries": [{"measure": "c", "status": "partially_executed"},
        {"measure": "d", "status": "partially_executed"}]}),
    );
    v["evaluations"] = json!([{"id": "m-2025-h1", "kind": "annual_monitoring", "by": "caerc", "period": "2025-06", "published": "2025-10-01"}]);
    let s = load(v);
    let got = obligations(&s, date(2025, 10, 15));
    let find = |k: &str, p: &str, f: &str| {
        got.iter()
            .find(|x| x.0 == k && x.1 == p && x.2 == f)
            .cloned()
            .unwrap()
    };
    assert_eq!(
        find("ExecutorReport", "2025-H1", "mus").4,
        "2025-09-25 submitted"
    );
    assert_eq!(
        find("ExecutorReport", "2025-H1", "lib").4,
        "2025-09-25 missing"
    );
    // mus-2025 (period 2025) ends in the second half: it meets 2025-H2 early
    assert_eq!(
        find("ExecutorReport", "2025-H2", "mus").4,
        "2026-03-25 submitted"
    );
    assert_eq!(
        find("ExecutorReport", "2025-H2", "moc").4,
        "2026-03-25 upcoming"
    );
    // 2024 reports (period 2024) end in the second half: they meet 2024-H2, due 2025-03-25
    assert_eq!(
        find("ExecutorReport", "2024-H2", "lib").4,
        "2025-03-25 submitted"
    );
    assert_eq!(
        find("ExecutorReport", "2024-H1", "lib").4,
        "2024-09-25 missing"
    );
    let m = find("MonitoringReport", "2025-H1", "caerc");
    assert_eq!((m.4.as_str(), m.5), ("2025-09-25 late", Some(6)));
    // a report's lateness follows the calendar too: no late warning for mus-2024 any more
    // (due 2025-03-25), but the 2025 H2 reports of January are on time as well
    assert!(
        !s.validate().iter().any(|d| d.code == Code::ReportLate),
        "{:#?}",
        codes(&s)
    );
}

#[test]
fn invalid_due_days_are_reported() {
    let mut v = plan();
    v["reporting"] = json!({"executor_reports": {"due": ["02-29", "13-01"]}});
    let s = load(v);
    assert!(has(
        &s,
        Code::InvalidDueDay,
        Severity::Error,
        "reporting.executor_reports.due[0]"
    ));
    assert!(has(
        &s,
        Code::InvalidDueDay,
        Severity::Error,
        "reporting.executor_reports.due[1]"
    ));
    // no panic: the calendar simply has no executor obligations
    let c = s.reporting_calendar(&CalendarOptions::default());
    assert!(c.iter().all(|o| o.kind != ObligationKind::ExecutorReport));
}

#[test]
fn the_evaluating_body_is_never_the_coordinating_body() {
    let mut v = plan();
    v["evaluations"] = json!([{"id": "x", "kind": "final", "by": "moc", "period": "2026"}]);
    let s = load(v);
    assert!(has(
        &s,
        Code::CoordinatorIsMonitor,
        Severity::Error,
        "evaluations[0].by"
    ));
}

// ---------------------------------------------------------------- 4. forecast

/// The worked example of docs/scheduling.md ("Forecast as of a status date").
fn worked_example() -> Value {
    json!({
      "strategy": {"id": "w", "title": {"az": "w", "en": "w"},
                   "period": {"start": "2025", "end": "2026"},
                   "coordinating_body": "C", "monitoring_body": "M"},
      "organizations": [{"id": "C", "name": {"en": "c"}, "kind": "ministry"},
                        {"id": "M", "name": {"en": "m"}, "kind": "analysis_centre"},
                        {"id": "O", "name": {"en": "o"}, "kind": "subordinate"}],
      "directions": [{"id": "D", "title": {"en": "d"}}],
      "measures": [
        {"id": "A", "direction": "D", "title": {"en": "A"}, "main_executor": "O", "duration_days": 10},
        {"id": "B", "direction": "D", "title": {"en": "B"}, "main_executor": "O", "duration_days": 20, "depends_on": ["A"]},
        {"id": "C", "direction": "D", "title": {"en": "C"}, "main_executor": "O", "duration_days": 15, "depends_on": ["B"],
         "deadline": "2025-02-14"},
        {"id": "E", "direction": "D", "title": {"en": "E"}, "main_executor": "O", "duration_days": 10, "depends_on": ["C"]}],
      "reports": [{"id": "jan", "by": "O", "period": "2025-01", "as_of": "2025-01-20", "submitted": "2025-01-21",
        "entries": [
          {"measure": "A", "status": "executed", "actual_start": "2025-01-01", "actual_finish": "2025-01-12"},
          {"measure": "B", "status": "partially_executed", "percent_complete": 25, "actual_start": "2025-01-13"},
          {"measure": "C", "status": "not_executed"},
          {"measure": "E", "status": "partially_executed", "actual_start": "2025-01-18", "remaining_days": 4}]}]
    })
}

fn forecast(
    mode: eculture::schedule::OutOfSequence,
) -> Vec<(String, String, String, i64, i64, Option<i64>)> {
    let s = load(worked_example());
    let sch = s
        .schedule(&eculture::ScheduleOptions {
            status_date: Some(date(2025, 1, 20)),
            out_of_sequence: mode,
            ..Default::default()
        })
        .unwrap();
    sch.records()
        .unwrap()
        .into_iter()
        .map(|r| {
            (
                r.id,
                r.early_start_date.to_string(),
                r.early_finish_date.to_string(),
                r.early_finish,
                r.slip_days.unwrap(),
                r.remaining_days,
            )
        })
        .collect()
}

#[test]
fn forecast_worked_example_retained_logic() {
    let s = load(worked_example());
    let opts = eculture::ScheduleOptions {
        status_date: Some(date(2025, 1, 20)),
        ..Default::default()
    };
    let sch = s.schedule(&opts).unwrap();
    let row = |id: &str, es: &str, ef: &str, f: i64, slip: i64, rem: Option<i64>| {
        (id.to_owned(), es.to_owned(), ef.to_owned(), f, slip, rem)
    };
    assert_eq!(
        forecast(eculture::schedule::OutOfSequence::RetainedLogic),
        vec![
            // executed: on its actual dates, 2 days later than planned
            row("A", "2025-01-01", "2025-01-12", 12, 2, None),
            // 25 % of 20 days done: 15 left from the status date
            row("B", "2025-01-20", "2025-02-03", 34, 4, Some(15)),
            row("C", "2025-02-04", "2025-02-18", 49, 4, Some(15)),
            // started out of sequence: its 4 remaining days wait for C
            row("E", "2025-02-19", "2025-02-22", 53, -2, Some(4)),
        ]
    );
    assert_eq!(sch.duration_days(), 53);
    assert_eq!(sch.finish_date().unwrap(), date(2025, 2, 22));
    let p = sch.progress.as_ref().unwrap();
    assert_eq!(p.baseline_duration_days, 55);
    // the deadline of C is now missed by 4 days; the chain starts at the status date
    let miss = &sch.infeasible_deadlines()[0];
    assert_eq!((miss.id.as_str(), miss.days_late), ("C", 4));
    assert_eq!(miss.chain, vec!["B", "C"]);
    assert_eq!(miss.driven_by, eculture::schedule::ChainStart::StatusDate);
    // ... and the baseline met it
    assert!(
        s.schedule(&Default::default())
            .unwrap()
            .infeasible_deadlines()
            .is_empty()
    );
    let r = sch.record("A").unwrap().unwrap();
    assert_eq!(r.status, Some(eculture::model::Status::Executed));
    assert_eq!(r.actual_finish_date, Some(date(2025, 1, 12)));
    assert_eq!(r.baseline_finish_date, Some(date(2025, 1, 10)));
    // the options read from a dict
    let o: eculture::ScheduleOptions = serde_json::from_value(
        json!({"status_date": "2025-01-20", "out_of_sequence": "progress_override"}),
    )
    .unwrap();
    assert_eq!(
        o.out_of_sequence,
        eculture::schedule::OutOfSequence::ProgressOverride
    );
}

#[test]
fn progress_override_lets_out_of_sequence_work_run_from_the_status_date() {
    let got = forecast(eculture::schedule::OutOfSequence::ProgressOverride);
    assert_eq!(
        got[3],
        (
            "E".into(),
            "2025-01-20".into(),
            "2025-01-23".into(),
            23,
            -32,
            Some(4)
        )
    );
    // the others are as under retained logic
    assert_eq!(
        got[..3],
        forecast(eculture::schedule::OutOfSequence::RetainedLogic)[..3]
    );
    let s = load(worked_example());
    let sch = s
        .schedule(&eculture::ScheduleOptions {
            status_date: Some(date(2025, 1, 20)),
            out_of_sequence: eculture::schedule::OutOfSequence::ProgressOverride,
            ..Default::default()
        })
        .unwrap();
    assert_eq!(sch.finish_date().unwrap(), date(2025, 2, 18));
}

#[test]
fn nothing_unstarted_starts_before_the_status_date() {
    let s = load(plan());
    let d = date(2025, 3, 1);
    let sch = s
        .schedule(&eculture::ScheduleOptions {
            status_date: Some(d),
            ..Default::default()
        })
        .unwrap();
    for r in sch.records().unwrap() {
        match r.status {
            Some(eculture::model::Status::Executed | eculture::model::Status::Cancelled) => {}
            _ => assert!(r.early_start_date >= d, "{r:?}"),
        }
    }
    // without a status date the schedule has no progress columns
    let plain = s.schedule(&Default::default()).unwrap();
    assert!(plain.progress.is_none());
    assert!(plain.records().unwrap()[0].slip_days.is_none());
}

// ---------------------------------------------------------------- 5. triage

#[test]
fn triage_ranks_late_measures_by_float_then_what_they_hold_back() {
    let mut v = plan();
    v["measures"].as_array_mut().unwrap().push(json!(
        {"id": "h", "direction": "D2", "title": {"en": "h"}, "main_executor": "mus", "deadline": "2026-12-31",
         "duration_days": 5, "depends_on": ["g"], "indicators": ["I1"], "targets": [{"module": "cat", "clusters": ["library"]}]}));
    let s = load(v);
    let t = s.triage(&TriageOptions {
        as_of: Some(date(2026, 2, 1)),
        ..Default::default()
    });
    assert_eq!(t.forecast_error, None);
    let got: Vec<(
        String,
        TriageKind,
        i64,
        Option<i64>,
        u64,
        Vec<String>,
        u64,
        u32,
    )> = t
        .records
        .iter()
        .map(|r| {
            (
                r.measure.clone(),
                r.kind,
                r.days_late,
                r.total_float,
                r.downstream,
                r.indicators.clone(),
                r.cells,
                r.rank,
            )
        })
        .collect();
    // status date 2026-02-01 = offset 762 from 2024-01-01.
    // g: not started, 10 days from 762 → 772; deadline 2025-03-31 = exclusive offset 456:
    //    float −316, 307 days overdue, holds back h (I1, cat × library).
    // c: 60 % of 300 days → 120 left: 762..882; deadline 2025-12-31 = 731: float −151,
    //    32 days overdue, holds I2 and cat × museum.
    assert_eq!(
        got,
        vec![
            (
                "g".into(),
                TriageKind::Overdue,
                307,
                Some(-316),
                1,
                vec!["I1".into()],
                1,
                1
            ),
            (
                "c".into(),
                TriageKind::Overdue,
                32,
                Some(-151),
                0,
                vec!["I2".into()],
                1,
                2
            ),
        ]
    );
    assert!(
        t.records[0].why.contains("holds back 1 measure (`h`)"),
        "{}",
        t.records[0].why
    );
    assert!(
        t.records[0]
            .why
            .starts_with("overdue: its deadline passed 307 days before 2026-02-01")
    );
    assert!(
        t.records[1].why.contains("total float -151 days"),
        "{}",
        t.records[1].why
    );
}

#[test]
fn triage_flags_measures_the_forecast_finishes_after_their_deadline() {
    // worked example as of 2025-01-20: C is not overdue yet but forecast 4 days late
    let s = load(worked_example());
    let t = s.triage(&TriageOptions {
        as_of: Some(date(2025, 1, 20)),
        ..Default::default()
    });
    assert_eq!(t.records.len(), 1);
    let r = &t.records[0];
    assert_eq!(
        (r.measure.as_str(), r.kind, r.days_late, r.downstream),
        ("C", TriageKind::AtRisk, 4, 1)
    );
    assert_eq!(r.total_float, Some(-4));
}

#[test]
fn what_if_names_the_indicator_target_years_a_slip_now_misses() {
    let s = load(plan());
    // a (holds I1, targets 2024 and 2025) finishes 2024-04-09; 300 more days: 2025-02-03
    let w = s
        .what_if(
            &Default::default(),
            &[eculture::schedule::DurationChange::duration("a", 300)],
        )
        .unwrap();
    let got: Vec<(String, i32, String, String, String)> = w
        .indicator_targets_missed
        .iter()
        .map(|m| {
            (
                m.indicator.clone(),
                m.year,
                m.measure.clone(),
                m.baseline_finish_date.to_string(),
                m.finish_date.to_string(),
            )
        })
        .collect();
    assert_eq!(
        got,
        vec![(
            "I1".into(),
            2024,
            "a".into(),
            "2024-04-09".into(),
            "2025-02-03".into()
        )]
    );
}

// ---------------------------------------------------------------- 6. the monitoring report

const SECTIONS: [&str; 8] = [
    "1. Execution rate",
    "2. Measures: status and slip",
    "3. Triage: overdue and at-risk measures",
    "4. Result indicators",
    "5. Coverage of the matrix over the year",
    "6. Reporting calendar",
    "7. Evaluation criteria (Decree 1294)",
    "8. Data quality",
];

fn report_2025() -> MonitoringReport {
    let mut v = plan();
    v["evaluations"] = json!([{"id": "caerc-2025", "kind": "annual_monitoring", "by": "caerc", "period": 2025,
        "published": "2026-03-20", "criteria": [{"criterion": "effectiveness", "score": 78, "rating": "satisfactory",
        "finding": {"en": "Most measures due were executed <on time>"}}]}]);
    load(v)
        .monitoring_report(&MonitoringReportOptions {
            year: Some(2025),
            ..Default::default()
        })
        .unwrap()
}

#[test]
fn the_monitoring_report_has_every_section_in_markdown_and_html() {
    let r = report_2025();
    assert_eq!(r.as_of, D25);
    let md = r.to_markdown();
    let html = r.to_html();
    for s in SECTIONS {
        assert!(md.contains(&format!("## {s}")), "markdown lacks {s}");
        assert!(
            html.contains(&format!("<h2>{}</h2>", s.replace('&', "&amp;"))),
            "html lacks {s}"
        );
    }
    // the weights used, the overall rate and the rate by direction and executor
    assert!(
        md.contains("Weights used: executed 1, partially executed 0.5, not executed 0"),
        "{md}"
    );
    assert!(
        md.contains("| overall | 87.5 % | 3.5 | 4 | 3 | 1 | 0 | 1 |"),
        "{md}"
    );
    // names beside the ids (issue 20, point 1)
    assert!(md.contains("| D2 | d2 | 75.0 % | 1.5 | 2 |"), "{md}");
    assert!(md.contains("| mus | mus | 75.0 % |"), "{md}");
    assert!(md.contains("No data for 1 measures: `g`."), "{md}");
    // an evaluation criterion, and the others said to be not evaluated
    assert!(
        md.contains("| effectiveness | caerc-2025 | 78 | satisfactory |"),
        "{md}"
    );
    assert!(
        md.contains("| sustainability |  |  |  | not evaluated |"),
        "{md}"
    );
    // achievement, calendar and data quality rows
    assert!(
        md.contains("| I1 | i1 | 2025 | final | 10 | 50 | 60 | lib-2025 | 125.0 % | met |"),
        "{md}"
    );
    assert!(
        md.contains("| executor report | 2024 | mus | moc | 2025-01-20 | late |"),
        "{md}"
    );
    // (Markdown escapes `_` and brackets)
    assert!(
        md.contains("| warning | report\\_late | reports\\[1\\].submitted |"),
        "{md}"
    );
    assert!(html.contains("<td>report_late</td><td>reports[1].submitted</td>"));
    // HTML: self-contained, escaped, A4
    assert!(html.contains("@page { size: A4"));
    // self-contained: no script, no URL but the SVG namespace of the pictures
    let without_ns = html.replace("http://www.w3.org/2000/svg", "");
    assert!(!html.contains("<script") && !without_ns.contains("http"));
    // the core's pictures: the matrix and the Gantt chart forecast from the status date
    assert_eq!(
        r.pictures.len(),
        2,
        "{:?}",
        r.pictures.iter().map(|p| &p.title).collect::<Vec<_>>()
    );
    assert!(html.matches("<svg").count() >= 2);
    assert!(html.contains("&lt;on time&gt;"));
    // a bad year is an argument error, not a panic
    let s = load(plan());
    assert!(
        s.monitoring_report(&MonitoringReportOptions {
            year: Some(99999),
            ..Default::default()
        })
        .is_err()
    );
}

#[test]
fn the_monitoring_report_xlsx_opens_with_one_sheet_per_table() {
    use calamine::{Data, Reader, Xlsx};
    let r = report_2025();
    let bytes = r.to_xlsx().unwrap();
    let mut wb = Xlsx::new(std::io::Cursor::new(bytes)).unwrap();
    let names = wb.sheet_names();
    let tables: Vec<String> = r.tables().map(|t| t.name.clone()).collect();
    assert_eq!(names[0], "Summary");
    assert_eq!(names[1..], tables[..]);
    let sheet = wb.worksheet_range("Execution by direction").unwrap();
    assert_eq!(sheet.get((0, 0)), Some(&Data::String("direction".into())));
    assert_eq!(sheet.get((2, 0)), Some(&Data::String("D2".into())));
    assert_eq!(sheet.get((2, 1)), Some(&Data::String("d2".into())));
    assert_eq!(sheet.get((2, 3)), Some(&Data::Float(1.5)));
    let ach = wb.worksheet_range("Achievement").unwrap();
    assert!(
        ach.rows()
            .any(|row| row.first() == Some(&Data::String("I2".into())))
    );
}

#[test]
fn risk_as_of_a_status_date_leaves_done_work_out() {
    use eculture::schedule::RiskOptions;
    let s = Strategy::e_culture();
    let d = date(2025, 12, 31);
    let opts = eculture::ScheduleOptions {
        status_date: Some(d),
        ..Default::default()
    };
    let r = s.risk(&opts, &RiskOptions::default()).unwrap();
    let plain = s
        .risk(&Default::default(), &RiskOptions::default())
        .unwrap();
    // the forecast cannot finish before the status date, and its spread is narrower: only
    // the work left is uncertain
    assert!(
        r.monte_carlo.std_days < plain.monte_carlo.std_days,
        "{} vs {}",
        r.monte_carlo.std_days,
        plain.monte_carlo.std_days
    );
    let first = r.monte_carlo.percentiles.first().unwrap();
    assert!(first.date >= d, "{first:?}");
    // executed measures carry no estimate any more
    let rec = r.records();
    let executed = rec.iter().find(|x| x.id == "4.1").unwrap();
    assert!(!executed.has_estimate);
}

#[test]
fn report_diagnostics_carry_the_line_of_the_value() {
    let mut v = plan();
    v["reports"][0]["entries"][1]["percent_complete"] = json!(150);
    let yaml = load(v).to_string(eculture::Format::Yaml).unwrap();
    let s = Strategy::from_yaml(&yaml).unwrap();
    let d = s
        .validate()
        .iter()
        .find(|d| d.code == Code::PercentOutOfRange)
        .unwrap();
    let line = d.line.expect("a line") as usize;
    assert!(
        yaml.lines()
            .nth(line - 1)
            .unwrap()
            .contains("percent_complete: 150"),
        "{d}"
    );
    assert_eq!(
        d.to_string_in("plan.yaml").split(": ").nth(1),
        Some(
            "error [percent_out_of_range] report `lib-2024` at reports[0].entries[1].percent_complete"
        )
    );
}

#[test]
fn hostile_monitoring_data_is_reported_never_a_panic() {
    let mut v = plan();
    v["reports"].as_array_mut().unwrap().extend([
        json!({"id": "far", "by": "lib", "period": 2199, "as_of": "2199-12-31", "submitted": "2200-01-01",
               "entries": [{"measure": "a", "status": "not_executed", "remaining_days": -5, "percent_complete": -1},
                           {"measure": "b", "status": "partially_executed", "remaining_days": 99999999}]}),
        json!({"id": "old", "by": "nobody", "period": "1850", "submitted": "1850-02-01",
               "entries": [{"measure": "c", "status": "executed", "actual_start": "1850-01-01", "actual_finish": "1850-01-02"}],
               "indicators": [{"indicator": "nope", "year": 3000, "value": 1}, {"indicator": "I1", "year": 9999, "value": 1}]}),
        json!({"id": "far", "by": "lib", "period": 2025, "submitted": "2026-01-01"}),
    ]);
    v["reporting"] = json!({"executor_reports": {"every": "quarter", "due": ["00-00", "12-31"]}, "final_report_due": []});
    v["evaluations"] = json!([{"id": "e", "kind": "interim", "by": "ghost", "period": "2025-Q2"}]);
    let s = load(v);
    assert!(!s.is_valid());
    for code in [
        Code::InvalidProgress,
        Code::PercentOutOfRange,
        Code::UnknownReference,
        Code::AbsurdDate,
        Code::DuplicateId,
        Code::InvalidDueDay,
        Code::PeriodOutsideStrategy,
    ] {
        assert!(
            s.validate().iter().any(|d| d.code == code),
            "{code}: {:#?}",
            codes(&s)
        );
    }
    for as_of in [
        date(1850, 1, 1),
        date(2025, 6, 30),
        date(2199, 12, 31),
        date(2200, 6, 1),
    ] {
        let _ = s.states_as_of(as_of);
        for by in [
            GroupBy::Overall,
            GroupBy::Direction,
            GroupBy::MainExecutor,
            GroupBy::Cluster,
            GroupBy::Module,
            GroupBy::DeadlineYear,
        ] {
            for scope in [Scope::Due, Scope::DueInYear, Scope::Active] {
                let r = s
                    .execution_rate(&ExecutionRateOptions {
                        as_of: Some(as_of),
                        by,
                        scope,
                        ..Default::default()
                    })
                    .unwrap();
                assert!(r.records.iter().all(|x| x.rate.is_none_or(f64::is_finite)));
            }
        }
        let _ = s
            .achievement(&AchievementOptions {
                as_of: Some(as_of),
                ..Default::default()
            })
            .unwrap();
        let _ = s.results_rating(&ResultsRatingOptions {
            as_of: Some(as_of),
            ..Default::default()
        });
        let _ = s.triage(&TriageOptions {
            as_of: Some(as_of),
            ..Default::default()
        });
        let _ = s.reporting_calendar(&CalendarOptions { as_of: Some(as_of) });
        let _ = s.schedule(&eculture::ScheduleOptions {
            status_date: Some(as_of),
            ..Default::default()
        });
    }
    for year in [1900, 2024, 2025, 2200] {
        let r = s
            .monitoring_report(&MonitoringReportOptions {
                year: Some(year),
                ..Default::default()
            })
            .unwrap();
        let _ = (r.to_markdown(), r.to_html(), r.to_xlsx().unwrap());
    }
}

#[test]
fn weights_and_bands_that_are_not_numbers_are_argument_errors() {
    let s = load(plan());
    let e = s
        .execution_rate(&ExecutionRateOptions {
            weights: Weights {
                partially_executed: f64::NAN,
                ..Default::default()
            },
            ..Default::default()
        })
        .unwrap_err();
    assert_eq!(e.code(), "invalid_argument");
    match &e {
        eculture::Error::Argument(a) => assert_eq!(a.path(), Some("weights.partially_executed")),
        other => panic!("{other}"),
    }
    assert!(e.to_string().contains("`partially_executed` is NaN"), "{e}");
    let e = s
        .achievement(&AchievementOptions {
            bands: Bands {
                met: 0.5,
                mostly_met: 0.8,
                partly_met: 0.2,
            },
            ..Default::default()
        })
        .unwrap_err();
    assert!(
        e.to_string().contains("met ≥ mostly_met ≥ partly_met"),
        "{e}"
    );
}
