//! Named baselines: taking one from the schedule, comparing a schedule with it (variances in
//! working days, P6's sign), validation of the `baselines` table, the Gantt chart's baseline
//! bars and the CSV columns.

use eculture::schedule::{Calendar, ScheduleOptions};
use eculture::{Code, Error, Strategy};
use jiff::civil::date;
use serde_json::{Value, json};

/// a (10 d) → b (5 d) → c (3 d), and d alone (4 d).
fn plan() -> Value {
    json!({
    "strategy": {"id": "demo", "title": {"az": "x", "en": "x"},
                 "period": {"start": "2024-01-01", "end": "2026-12-31"}},
    "organizations": [{"id": "O", "name": {"en": "O"}, "kind": "ministry"}],
    "directions": [{"id": "D", "title": {"en": "D"}}],
    "measures": [
      {"id": "a", "direction": "D", "title": {"en": "a"}, "main_executor": "O", "duration_days": 10},
      {"id": "b", "direction": "D", "title": {"en": "b"}, "main_executor": "O", "duration_days": 5,
       "depends_on": ["a"]},
      {"id": "c", "direction": "D", "title": {"en": "c"}, "main_executor": "O", "duration_days": 3,
       "depends_on": ["b"]},
      {"id": "d", "direction": "D", "title": {"en": "d"}, "main_executor": "O", "duration_days": 4}
    ]})
}

fn strategy(v: &Value) -> Strategy {
    Strategy::from_value(v.clone()).unwrap()
}

fn compared(id: &str) -> ScheduleOptions {
    ScheduleOptions {
        baseline: Some(id.into()),
        ..Default::default()
    }
}

/// The document of `s` with measure `id`'s duration set to `days`.
fn with_duration(s: &Strategy, id: &str, days: i64) -> Strategy {
    let mut v = serde_json::to_value(s.document()).unwrap();
    for m in v["measures"].as_array_mut().unwrap() {
        if m["id"] == id {
            m["duration_days"] = json!(days);
        }
    }
    strategy(&v)
}

#[test]
fn a_fresh_baseline_has_the_schedules_dates_and_no_variance() {
    let s = strategy(&plan());
    let b = s
        .with_baseline("approved", None, &ScheduleOptions::default())
        .unwrap();
    let base = &b.document().baselines[0];
    assert_eq!(base.id, "approved");
    assert_eq!(
        base.taken.to_string(),
        "2024-01-01",
        "taken defaults to the project start"
    );
    assert_eq!(base.measures.len(), 4);
    let plain = s
        .schedule(&ScheduleOptions::default())
        .unwrap()
        .records()
        .unwrap();
    let cmp = b.schedule(&compared("approved")).unwrap();
    for (p, r) in plain.iter().zip(cmp.records().unwrap()) {
        assert_eq!(r.baseline_start, Some(p.early_start_date), "{}", p.id);
        assert_eq!(r.baseline_finish, Some(p.early_finish_date), "{}", p.id);
        assert_eq!(r.start_variance_days, Some(0));
        assert_eq!(r.finish_variance_days, Some(0));
    }
    // without the option, no comparison
    let r = &b
        .schedule(&ScheduleOptions::default())
        .unwrap()
        .records()
        .unwrap()[0];
    assert_eq!((r.baseline_start, r.finish_variance_days), (None, None));
}

#[test]
fn a_longer_measure_shows_negative_variance_downstream_only() {
    let s = strategy(&plan());
    let b = s
        .with_baseline("v1", Some(date(2023, 10, 13)), &ScheduleOptions::default())
        .unwrap();
    assert_eq!(b.document().baselines[0].taken.to_string(), "2023-10-13");
    let later = with_duration(&b, "a", 17);
    let recs = later.schedule(&compared("v1")).unwrap().records().unwrap();
    let var = |id: &str| {
        let r = recs.iter().find(|r| r.id == id).unwrap();
        (r.start_variance_days, r.finish_variance_days)
    };
    assert_eq!(var("a"), (Some(0), Some(-7)));
    assert_eq!(var("b"), (Some(-7), Some(-7)));
    assert_eq!(var("c"), (Some(-7), Some(-7)));
    assert_eq!(var("d"), (Some(0), Some(0)));
}

#[test]
fn variances_count_working_days_under_a_calendar() {
    let s = strategy(&plan());
    let opts = ScheduleOptions::with_calendar(Calendar::weekdays());
    let b = s.with_baseline("v1", None, &opts).unwrap();
    // `a` is 10 working days; 15 working days is three calendar weeks, 5 working days more
    let later = with_duration(&b, "a", 15);
    let o = ScheduleOptions {
        baseline: Some("v1".into()),
        ..opts
    };
    let recs = later.schedule(&o).unwrap().records().unwrap();
    assert_eq!(recs[0].finish_variance_days, Some(-5));
    assert_eq!(recs[2].start_variance_days, Some(-5));
    assert_eq!(recs[3].finish_variance_days, Some(0));
    let days = (recs[0].early_finish_date - recs[0].baseline_finish.unwrap()).get_days();
    assert_eq!(days, 7, "5 working days are 7 calendar days here");
}

#[test]
fn a_measure_added_after_the_baseline_has_no_comparison() {
    let s = strategy(&plan());
    let b = s
        .with_baseline("v1", None, &ScheduleOptions::default())
        .unwrap();
    let mut v = serde_json::to_value(b.document()).unwrap();
    v["measures"].as_array_mut().unwrap().push(json!(
        {"id": "e", "direction": "D", "title": {"en": "e"}, "main_executor": "O", "duration_days": 2}));
    let recs = strategy(&v)
        .schedule(&compared("v1"))
        .unwrap()
        .records()
        .unwrap();
    let e = recs.iter().find(|r| r.id == "e").unwrap();
    assert_eq!((e.baseline_start, e.start_variance_days), (None, None));
    assert!(recs[0].baseline_start.is_some());
}

#[test]
fn taking_a_baseline_again_replaces_it_in_place() {
    let s = strategy(&plan());
    let o = ScheduleOptions::default();
    let b = s
        .with_baseline("v1", None, &o)
        .unwrap()
        .with_baseline("v2", None, &o)
        .unwrap();
    let later = with_duration(&b, "d", 9);
    let again = later
        .with_baseline("v1", Some(date(2025, 1, 1)), &o)
        .unwrap();
    let ids: Vec<&str> = again
        .document()
        .baselines
        .iter()
        .map(|b| b.id.as_str())
        .collect();
    assert_eq!(ids, ["v1", "v2"]);
    let d = |id: &str| {
        let recs = again.schedule(&compared(id)).unwrap().records().unwrap();
        recs[3].finish_variance_days
    };
    assert_eq!(d("v1"), Some(0));
    assert_eq!(d("v2"), Some(-5));
}

#[test]
fn an_unknown_baseline_is_an_argument_error_with_a_suggestion() {
    let s = strategy(&plan());
    let b = s
        .with_baseline("approved", None, &ScheduleOptions::default())
        .unwrap();
    match b.schedule(&compared("aproved")) {
        Err(Error::Argument(e)) => {
            assert_eq!(e.path(), Some("baseline"));
            assert!(
                e.message().contains("unknown baseline `aproved`"),
                "{}",
                e.message()
            );
            assert!(
                e.message().contains("did you mean `approved`?"),
                "{}",
                e.message()
            );
        }
        other => panic!("expected an argument error, got {other:?}"),
    }
    assert!(
        s.with_baseline(" ", None, &ScheduleOptions::default())
            .is_err()
    );
}

#[test]
fn the_baselines_table_is_validated_and_located_without_blocking_the_schedule() {
    let mut v = plan();
    v["baselines"] = json!([
      {"id": "v1", "taken": "2024-01-01", "measures": [
        {"measure": "a", "start": "2024-01-01", "finish": "2024-01-10"},
        {"measure": "x", "start": "2024-01-01", "finish": "2024-01-10"},
        {"measure": "a", "start": "2024-01-01", "finish": "2024-01-10"},
        {"measure": "b", "start": "2024-02-01", "finish": "2024-01-10"},
        {"measure": "c", "start": "1850-01-01", "finish": "2024-01-10"}
      ]},
      {"id": "v1", "taken": "2024-06-01"}
    ]);
    let s = strategy(&v);
    let found: Vec<(Code, &str)> = s
        .validate()
        .iter()
        .filter(|d| d.path.starts_with("baselines"))
        .map(|d| (d.code, d.path.as_str()))
        .collect();
    assert_eq!(
        found,
        [
            (Code::DuplicateId, "baselines[1].id"),
            (Code::UnknownReference, "baselines[0].measures[1].measure"),
            (Code::DuplicateId, "baselines[0].measures[2].measure"),
            (Code::StartAfterDeadline, "baselines[0].measures[3].finish"),
            (Code::AbsurdDate, "baselines[0].measures[4].start"),
        ]
    );
    for d in s
        .validate()
        .iter()
        .filter(|d| d.path.starts_with("baselines"))
    {
        assert_eq!(d.entity(), "baseline");
        assert_eq!(d.blocks(), None, "{d:?}");
    }
    // the schedule still answers and compares what resolves (the first entry for `a`)
    let recs = s.schedule(&compared("v1")).unwrap().records().unwrap();
    assert_eq!(recs[0].finish_variance_days, Some(0));
}

#[test]
fn baselines_survive_every_format() {
    let s = strategy(&plan())
        .with_baseline("v1", None, &ScheduleOptions::default())
        .unwrap();
    for text in [
        s.to_json().unwrap(),
        s.to_string(eculture::Format::Yaml).unwrap(),
        s.to_string(eculture::Format::Toml).unwrap(),
    ] {
        let back = if text.starts_with('{') {
            Strategy::from_json(&text).unwrap()
        } else if text.contains("[strategy]") {
            Strategy::from_toml(&text).unwrap()
        } else {
            Strategy::from_yaml(&text).unwrap()
        };
        assert_eq!(back.document().baselines, s.document().baselines);
    }
}

#[test]
fn the_gantt_chart_draws_baseline_bars_and_the_csv_has_the_columns() {
    let s = strategy(&plan())
        .with_baseline("v1", None, &ScheduleOptions::default())
        .unwrap();
    let later = with_duration(&s, "a", 17);
    let opts = eculture::render::RenderOptions::default();
    let svg = later.gantt_svg(&compared("v1"), &opts).unwrap();
    assert_eq!(svg.matches("class=\"baseline\"").count(), 4);
    assert!(svg.contains("baseline `v1`"));
    let plain = later.gantt_svg(&ScheduleOptions::default(), &opts).unwrap();
    assert!(!plain.contains("class=\"baseline\""));
    let csv = later.schedule(&compared("v1")).unwrap().to_csv().unwrap();
    let mut lines = csv.lines();
    assert!(
        lines
            .next()
            .unwrap()
            .ends_with("baseline_start,baseline_finish,start_variance_days,finish_variance_days")
    );
    assert!(
        lines
            .next()
            .unwrap()
            .ends_with("2024-01-01,2024-01-10,0,-7"),
        "{csv}"
    );
    let plain_csv = later
        .schedule(&ScheduleOptions::default())
        .unwrap()
        .to_csv()
        .unwrap();
    assert!(!plain_csv.contains("baseline"));
}

#[test]
fn a_forecast_compares_with_the_baseline_too() {
    let s = Strategy::e_culture();
    let b = s
        .with_baseline("approved", None, &ScheduleOptions::default())
        .unwrap();
    let o = ScheduleOptions {
        status_date: Some(date(2025, 12, 31)),
        baseline: Some("approved".into()),
        ..Default::default()
    };
    let recs = b.schedule(&o).unwrap().records().unwrap();
    assert!(recs.iter().all(|r| r.baseline_finish.is_some()));
    // a forecast's slip against the unprogressed plan and the variance against a baseline of
    // that same plan are the same days, with opposite signs (slip: positive = later)
    for r in &recs {
        let f = r.finish_variance_days.unwrap();
        if let Some(slip) = r.slip_days {
            assert_eq!(-f, slip, "{}", r.id);
        }
    }
    assert!(recs.iter().any(|r| r.finish_variance_days != Some(0)));
}

#[test]
fn a_fresh_baseline_of_milestones_constraints_and_calendars_has_no_variance() {
    let pdm = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/golden_schedule/pdm_small/input.json");
    for s in [Strategy::e_culture(), Strategy::load(pdm).unwrap()] {
        for opts in [
            ScheduleOptions::default(),
            ScheduleOptions::with_calendar(Calendar::weekdays()),
            ScheduleOptions::with_calendar(Calendar::azerbaijan_example()),
        ] {
            let b = s.with_baseline("now", None, &opts).unwrap();
            let o = ScheduleOptions {
                baseline: Some("now".into()),
                ..opts
            };
            for r in b.schedule(&o).unwrap().records().unwrap() {
                assert_eq!(r.start_variance_days, Some(0), "{}", r.id);
                assert_eq!(r.finish_variance_days, Some(0), "{}", r.id);
            }
        }
    }
}

#[test]
fn a_misspelt_key_inside_a_baseline_is_a_parse_error_that_says_where() {
    let mut v = plan();
    v["baselines"] = json!([{"id": "v1", "taken": "2024-01-01",
                             "measures": [{"measure": "a", "start": "2024-01-01", "finsh": "x"}]}]);
    for text in [v.to_string(), serde_yaml_ng_free(&v)] {
        let e = Strategy::from_json(&text)
            .or_else(|_| Strategy::from_yaml(&text))
            .unwrap_err();
        let msg = e.to_string();
        assert!(msg.contains("baselines[0].measures[0]"), "{msg}");
        assert!(msg.contains("unknown field `finsh`"), "{msg}");
    }
    let e = Strategy::from_value(v).unwrap_err().to_string();
    assert!(e.contains("unknown field `finsh`"), "{e}");
}

/// The plan as YAML text (JSON is YAML; written as a block mapping by the core itself).
fn serde_yaml_ng_free(v: &Value) -> String {
    format!("# yaml\n{v}")
}
