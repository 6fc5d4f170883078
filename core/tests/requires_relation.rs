//! Module requirements with a relation of their own: `requires: ["A"]` (finish-to-start) or
//! `requires: [{"module": "A", "relation": "FF", "lag_days": 5}]`. The derived dependencies
//! carry that relation and lag, directly or through a junction node.

use eculture::schedule::ScheduleOptions;
use eculture::{Error, Format, Strategy};
use serde_json::{Value, json};

fn doc(requires: Value, measures: Vec<Value>) -> Value {
    json!({
        "strategy": {"id": "t", "title": {"az": "t", "en": "t"},
                     "period": {"start": "2024-01-01", "end": "2026-12-31"}},
        "organizations": [{"id": "O", "name": {"en": "O"}, "kind": "ministry"}],
        "directions": [{"id": "D", "title": {"en": "D"}}],
        "clusters": [{"id": "c", "title": {"en": "c"}}],
        "modules": [{"id": "A", "title": {"en": "A"}, "applies_to": {"all": true}},
                    {"id": "B", "title": {"en": "B"}, "applies_to": {"all": true},
                     "requires": requires}],
        "measures": measures,
    })
}

fn t(id: &str, dur: i64, module: &str) -> Value {
    json!({"id": id, "direction": "D", "title": {"en": id}, "main_executor": "O",
           "duration_days": dur, "targets": [{"module": module}]})
}

fn load(v: &Value) -> Strategy {
    let s = Strategy::from_json(&v.to_string()).unwrap();
    assert!(s.is_valid(), "{:?}", s.validate());
    s
}

#[test]
fn ff_requirement_lets_the_consumer_start_early_but_not_finish_early() {
    // a: 100 days of A; b: 30 days of B. FS would start b at 100; FF lets it start at 70 and
    // finish with a.
    let s = load(&doc(
        json!([{"module": "A", "relation": "FF"}]),
        vec![t("a", 100, "A"), t("b", 30, "B")],
    ));
    let sch = s.schedule(&ScheduleOptions::default()).unwrap();
    assert_eq!(sch.early_start, [0, 70]);
    assert_eq!(sch.early_finish, [100, 100]);
    let deps = s.dependencies().unwrap();
    assert_eq!(deps.len(), 1);
    assert_eq!((deps[0].relation.as_str(), deps[0].derived), ("FF", true));

    // a long consumer is not held at all: it starts at 0 and finishes after a
    let s = load(&doc(
        json!([{"module": "A", "relation": "FF", "lag_days": 10}]),
        vec![t("a", 50, "A"), t("b", 200, "B")],
    ));
    let sch = s.schedule(&ScheduleOptions::default()).unwrap();
    assert_eq!(sch.early_start, [0, 0]);
    assert_eq!(sch.early_finish, [50, 200]);

    // the same plan with a plain requirement is finish-to-start
    let s = load(&doc(json!(["A"]), vec![t("a", 100, "A"), t("b", 30, "B")]));
    let sch = s.schedule(&ScheduleOptions::default()).unwrap();
    assert_eq!(sch.early_start, [0, 100]);
}

#[test]
fn relation_and_lag_compose_through_a_junction() {
    // 3 producers × 3 consumers: one junction node. FF with a 5-day lag: every consumer
    // finishes at least 5 days after the last producer (a2, 90 days), and starts as early as
    // that allows.
    let measures = vec![
        t("a1", 50, "A"),
        t("a2", 90, "A"),
        t("a3", 70, "A"),
        t("b1", 40, "B"),
        t("b2", 120, "B"),
        t("b3", 10, "B"),
    ];
    let s = load(&doc(
        json!([{"module": "A", "relation": "FF", "lag_days": 5}]),
        measures.clone(),
    ));
    assert!(
        s.graph().unwrap().node_count() > 6,
        "a junction node is expected"
    );
    let sch = s.schedule(&ScheduleOptions::default()).unwrap();
    assert_eq!(sch.early_start, [0, 0, 0, 55, 0, 85]);
    assert_eq!(sch.early_finish, [50, 90, 70, 95, 120, 95]);
    for k in 3..6 {
        assert!(
            sch.early_finish[k] >= 95,
            "consumer finishes after the producers + lag"
        );
        assert!(
            sch.early_start[k] < 90,
            "consumer starts before the producers finish"
        );
    }
    // the listing expands the junction and reports the relation and lag of each edge
    let deps = s.dependencies().unwrap();
    assert_eq!(deps.len(), 9);
    assert!(
        deps.iter()
            .all(|d| d.derived && d.relation == "FF" && d.lag_days == 5),
        "{deps:?}"
    );

    // SS through the junction: consumers start 10 days after the latest producer start (0)
    let s = load(&doc(
        json!([{"module": "A", "relation": "SS", "lag_days": 10}]),
        measures.clone(),
    ));
    let sch = s.schedule(&ScheduleOptions::default()).unwrap();
    assert_eq!(&sch.early_start[3..], [10, 10, 10]);

    // FS with a lag through the junction
    let s = load(&doc(json!([{"module": "A", "lag_days": 3}]), measures));
    let sch = s.schedule(&ScheduleOptions::default()).unwrap();
    assert_eq!(&sch.early_start[3..], [93, 93, 93]);
}

#[test]
fn both_forms_round_trip_in_every_format() {
    let v = doc(
        json!(["A", {"module": "A", "relation": "FF", "lag_days": 0}, {"module": "A", "relation": "SS"}]),
        vec![t("a", 10, "A"), t("b", 10, "B")],
    );
    let s = Strategy::from_json(&v.to_string()).unwrap();
    let reqs = &s.document().modules[1].requires;
    assert_eq!(reqs.len(), 3);
    assert_eq!((reqs[0].relation, reqs[0].lag_days), (None, None));
    assert_eq!(
        (reqs[1].relation(), reqs[1].lag_days),
        (eculture::model::RelationType::FF, Some(0))
    );
    let json = s.to_json().unwrap();
    assert!(json.contains("\"requires\": [\n        \"A\","), "{json}");
    assert!(json.contains("\"relation\": \"FF\""), "{json}");
    for format in [Format::Json, Format::Yaml, Format::Toml] {
        let text = s.to_string(format).unwrap();
        let back = Strategy::parse(&text, format).unwrap_or_else(|e| panic!("{format}: {e}"));
        assert_eq!(back.document(), s.document(), "{format}");
        assert_eq!(back.to_string(format).unwrap(), text, "{format} not stable");
    }
}

#[test]
fn unknown_or_bad_fields_in_a_requirement_are_errors() {
    let bad = |req: Value| {
        let v = doc(json!([req]), vec![t("a", 10, "A"), t("b", 10, "B")]);
        match Strategy::from_json(&v.to_string()) {
            Err(Error::Parse(p)) => p.to_string(),
            other => panic!("expected a parse error, got {other:?}"),
        }
    };
    let msg = bad(json!({"module": "A", "type": "FF"}));
    assert!(msg.contains("modules[1].requires[0]"), "{msg}");
    assert!(msg.contains("type"), "{msg}");
    bad(json!({"module": "A", "relation": "XX"}));
    bad(json!({"relation": "FF"}));
    bad(json!({"module": "A", "lag_days": "soon"}));
    bad(json!(3));

    // a lag beyond ±36,500 days loads and fails validation at its path
    let v = doc(
        json!([{"module": "A", "lag_days": 40_000}]),
        vec![t("a", 10, "A"), t("b", 10, "B")],
    );
    let s = Strategy::from_json(&v.to_string()).unwrap();
    let d = s.validate();
    assert!(
        d.iter().any(
            |d| d.path == "modules[1].requires[0].lag_days" && d.code.as_str() == "invalid_lag"
        ),
        "{d:?}"
    );
}
