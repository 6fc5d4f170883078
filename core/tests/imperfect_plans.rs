//! Answers from imperfect plans: each error stops only the operations it makes meaningless
//! (docs/diagnostics.md), and the messages speak the user's terms.

use eculture::{Code, Error, Need, Severity, Strategy};
use serde_json::{Value, json};

fn base() -> Value {
    json!({
        "strategy": {"id": "s", "title": {"az": "a", "en": "e"}, "period": {"start": "2024", "end": "2026"},
                     "coordinating_body": "moc", "monitoring_body": "caerc"},
        "organizations": [{"id": "moc", "name": {"en": "Ministry"}, "kind": "ministry"},
                          {"id": "caerc", "name": {"en": "CAERC"}, "kind": "other"}],
        "directions": [{"id": "D1", "title": {"en": "One"}}],
        "clusters": [{"id": "library", "title": {"en": "Libraries"}}, {"id": "museum", "title": {"en": "Museums"}}],
        "modules": [{"id": "registry", "title": {"en": "Registry"}, "applies_to": {"all": true}}],
        "measures": [
            {"id": "1.1", "direction": "D1", "title": {"en": "a"}, "main_executor": "moc", "duration_days": 30,
             "targets": [{"module": "registry"}]},
            {"id": "1.2", "direction": "D1", "title": {"en": "b"}, "main_executor": "moc", "duration_days": 20,
             "depends_on": ["1.1"], "deadline": "2026-12-31"},
            {"id": "1.3", "direction": "D1", "title": {"en": "c"}, "main_executor": "moc", "duration_days": 10,
             "depends_on": ["1.2"]}
        ]
    })
}

/// An edit that breaks the base plan in one way.
type Edit = Box<dyn Fn(&mut Value)>;

fn strategy(v: Value) -> Strategy {
    Strategy::from_json(&v.to_string()).expect("the document parses")
}

/// Which of the four levels are computed: [matrix, impact, waves, schedule].
fn computed(s: &Strategy) -> [bool; 4] {
    [
        s.matrix().is_ok(),
        s.impact(&["1.1"]).is_ok(),
        s.waves().is_ok(),
        s.schedule(&Default::default()).is_ok(),
    ]
}

#[test]
fn a_valid_plan_gets_everything() {
    let s = strategy(base());
    assert!(s.is_valid());
    assert_eq!(computed(&s), [true; 4]);
}

#[test]
fn problems_that_block_nothing_leave_every_answer() {
    let cases: Vec<(&str, Edit)> = vec![
        (
            "English-only title",
            Box::new(|v| v["strategy"]["title"] = json!({"en": "e"})),
        ),
        (
            "unknown direction",
            Box::new(|v| v["measures"][0]["direction"] = json!("D9")),
        ),
        (
            "unknown executor",
            Box::new(|v| v["measures"][1]["main_executor"] = json!("mocc")),
        ),
        (
            "unknown target module",
            Box::new(|v| v["measures"][2]["targets"] = json!([{"module": "regsitry"}])),
        ),
        (
            "unknown target cluster",
            Box::new(|v| {
                v["measures"][2]["targets"] =
                    json!([{"module": "registry", "clusters": ["libary"]}])
            }),
        ),
        (
            "coordinator is monitor",
            Box::new(|v| v["strategy"]["monitoring_body"] = json!("moc")),
        ),
        (
            "deadline before a prerequisite's",
            Box::new(|v| {
                v["measures"][0]["deadline"] = json!("2025-06-30");
                v["measures"][1]["deadline"] = json!("2025-01-31");
            }),
        ),
        (
            "start after deadline",
            Box::new(|v| {
                v["measures"][2]["start"] = json!("2026-06-01");
                v["measures"][2]["deadline"] = json!("2026-01-31");
            }),
        ),
        (
            "duplicate organization id",
            Box::new(|v| v["organizations"][1]["id"] = json!("moc")),
        ),
    ];
    for (what, edit) in cases {
        let mut v = base();
        edit(&mut v);
        let s = strategy(v);
        assert_eq!(computed(&s), [true; 4], "{what}: {:?}", s.validate());
        assert!(s.validate().iter().all(|d| d.blocks().is_none()), "{what}");
        assert!(!s.validate().is_empty(), "{what} must still be reported");
    }
}

#[test]
fn each_blocking_error_stops_its_level_and_the_later_ones_only() {
    let cases: Vec<(&str, [bool; 4], Edit)> = vec![
        (
            "duplicate module id",
            [false; 4],
            Box::new(|v| {
                v["modules"].as_array_mut().unwrap().push(json!({"id": "registry", "title": {"en": "again"}, "applies_to": {"all": true}}));
            }),
        ),
        (
            "duplicate measure id",
            [true, false, false, false],
            Box::new(|v| v["measures"][2]["id"] = json!("1.2")),
        ),
        (
            "unknown dependency",
            [true, false, false, false],
            Box::new(|v| v["measures"][2]["depends_on"] = json!(["1.l"])),
        ),
        (
            "cycle",
            [true, true, false, false],
            Box::new(|v| v["measures"][0]["depends_on"] = json!(["1.3"])),
        ),
        (
            "negative duration",
            [true, true, true, false],
            Box::new(|v| v["measures"][0]["duration_days"] = json!(-3)),
        ),
    ];
    for (what, want, edit) in cases {
        let mut v = base();
        edit(&mut v);
        let s = strategy(v);
        assert_eq!(computed(&s), want, "{what}: {:?}", s.validate());
        // the refusal lists exactly the blocking diagnostics
        let level = [Need::Cells, Need::Graph, Need::Dag, Need::Schedule]
            [want.iter().position(|ok| !ok).unwrap()];
        let blocking = s.blocking(level);
        assert!(!blocking.is_empty(), "{what}");
        let err = match level {
            Need::Cells => s.matrix().map(|_| ()).unwrap_err(),
            Need::Graph => s.impact(&["1.1"]).map(|_| ()).unwrap_err(),
            Need::Dag => s.waves().map(|_| ()).unwrap_err(),
            Need::Schedule => s.schedule(&Default::default()).map(|_| ()).unwrap_err(),
        };
        let listed = match &err {
            Error::Validation(e) => e.diagnostics().to_vec(),
            Error::Cycle(e) => e.diagnostics().to_vec(),
            other => panic!("{what}: {other}"),
        };
        assert_eq!(
            listed,
            blocking.into_iter().cloned().collect::<Vec<_>>(),
            "{what}"
        );
    }
}

#[test]
fn the_blocking_table_is_documented_for_every_code() {
    let doc = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../docs/diagnostics.md"
    ))
    .unwrap();
    let table: Vec<&str> = doc.lines().filter(|l| l.starts_with("| `")).collect();
    for code in Code::ALL {
        let needle = format!("`{}`", code.as_str());
        assert!(
            table.iter().any(|l| l.contains(&needle)),
            "docs/diagnostics.md does not list {needle}"
        );
    }
}

#[test]
fn unknown_references_suggest_the_nearest_id_and_name_the_line() {
    let text = r#"strategy:
  id: s
  title: {az: a, en: e}
  period: {start: '2024', end: '2026'}
organizations: [{id: moc, name: {en: M}, kind: ministry}]
directions: [{id: D1, title: {en: One}}]
measures:
  - {id: '6.1', direction: D1, title: {en: a}, main_executor: moc}
  - id: '6.2'
    direction: D1
    title: {en: b}
    main_executor: moc
    depends_on: ['6.l']
"#;
    let s = Strategy::from_yaml(text).unwrap();
    let d = s
        .validate()
        .iter()
        .find(|d| d.code == Code::UnknownReference)
        .unwrap();
    assert_eq!(d.suggestion.as_deref(), Some("6.1"));
    assert_eq!((d.line, d.id.as_deref()), (Some(13), Some("6.2")));
    assert_eq!(
        d.to_string(),
        "error [unknown_reference] measure `6.2` at measures[1].depends_on[0], line 13: unknown measure `6.l`; did you mean `6.1`?"
    );
    // documents without text (a dict, a JS object) have no line, the rest is the same
    let v: Value = serde_yaml_ng_free(text);
    let s2 = Strategy::from_value(v).unwrap();
    let d2 = s2
        .validate()
        .iter()
        .find(|d| d.code == Code::UnknownReference)
        .unwrap();
    assert_eq!((d2.line, d2.message.as_str()), (None, d.message.as_str()));
    // arguments too
    let e = s.impact(&["6.l"]).unwrap_err();
    assert!(e.to_string().contains("did you mean `6.1`?"), "{e}");
}

/// The YAML text as a JSON value, through the strategy itself (no YAML crate in the tests).
fn serde_yaml_ng_free(text: &str) -> Value {
    serde_json::from_str(&Strategy::from_yaml(text).unwrap().to_json().unwrap()).unwrap()
}

#[test]
fn parse_errors_speak_the_documents_words() {
    let rust_words = [
        "struct ",
        "enum ",
        "u32",
        "i32",
        "u64",
        "i64",
        "f64",
        "usize",
        "u16",
        "i16",
        "StrategyInfo",
        "SmolStr",
        "Vec<",
        "Option<",
    ];
    let bad = [
        r#"{"strategy": []}"#,
        r#"{"strategy": {"id": "s", "title": {"en": "e"}, "period": {"start": "2024", "end": "2026"}}, "measures": [{"id": "a", "direction": "D", "title": {"en": "a"}, "main_executor": "x", "duration_days": "ten"}]}"#,
        r#"{"strategy": {"id": "s", "title": {"en": "e"}, "period": {"start": "2024", "end": "2026"}}, "measures": [{"id": "a", "direction": "D", "title": {"en": "a"}, "main_executor": "x", "depends_on": [7]}]}"#,
        r#"{"strategy": {"id": "s", "title": {"en": "e"}, "period": {"start": "2024", "end": "2026"}}, "measures": [{"id": "a", "direction": "D", "title": {"en": "a"}, "main_executor": "x", "estimate": {"optimistic": "x"}}]}"#,
        r#"{"strategy": {"id": "s", "title": {"en": "e"}, "period": {"start": "2024", "end": "2026"}}, "measures": {}}"#,
        r#"{"strategy": {"id": "s", "title": {"en": "e"}, "period": {"start": "2024", "end": "2026"}}, "indicators": [{"id": "I", "name": {"en": "i"}, "baseline": {"year": "x", "value": 1}}]}"#,
    ];
    for text in bad {
        for s in [
            Strategy::from_json(text).map(|_| ()).unwrap_err(),
            Strategy::from_value(serde_json::from_str(text).unwrap())
                .map(|_| ())
                .unwrap_err(),
        ] {
            let m = s.to_string();
            for w in rust_words {
                assert!(!m.contains(w), "`{w}` in: {m}");
            }
        }
    }
    let e = Strategy::from_json(r#"{"strategy": []}"#)
        .unwrap_err()
        .to_string();
    assert!(e.contains("expected the `strategy` object"), "{e}");
    let _ = Severity::Error;
}
