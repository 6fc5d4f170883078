//! Structured plans generated with `arbitrary`, and the invariants every schedule keeps: each
//! relation and lag is respected by the early dates, floats are consistent, a round trip
//! through JSON, YAML and TOML loses nothing, and threads change nothing: every operation
//! (the list of `core/tests/support/every_operation.rs`) gives the same output serially and on
//! 2..7 threads with every size threshold at zero (`eculture::__private::with_threads`).
#![no_main]

#[path = "../../core/tests/support/every_operation.rs"]
mod every_operation;

use arbitrary::Arbitrary;
use eculture::__private::with_threads;
use eculture::schedule::ScheduleOptions;
use eculture::{Format, Strategy};
use libfuzzer_sys::fuzz_target;
use serde_json::json;

#[derive(Debug, Arbitrary)]
struct Dep {
    to: u8,
    kind: u8,
    lag: i8,
}

#[derive(Debug, Arbitrary)]
struct M {
    duration: u8,
    deps: Vec<Dep>,
}

fuzz_target!(|plan: Vec<M>| {
    let plan = &plan[..plan.len().min(40)];
    let n = plan.len();
    if n == 0 {
        return;
    }
    let kinds = ["FS", "SS", "FF", "SF"];
    let measures: Vec<_> = plan
        .iter()
        .enumerate()
        .map(|(i, m)| {
            // prerequisites only among earlier measures: the plan is a DAG
            let deps: Vec<_> = m
                .deps
                .iter()
                .take(4)
                .filter(|_| i > 0)
                .map(|d| json!({"id": format!("m{}", d.to as usize % i), "type": kinds[d.kind as usize % 4], "lag_days": d.lag}))
                .collect();
            let mut v = json!({"id": format!("m{i}"), "direction": "D", "title": {"en": format!("m{i}")},
                   "main_executor": "o", "duration_days": m.duration, "depends_on": deps});
            // module targets from the duration's low bits (so that the committed corpus keeps
            // its meaning): `b` requires `a`, so cells get derived edges and junctions
            if m.duration % 4 != 0 {
                let module = ["a", "b", "b"][(m.duration % 4 - 1) as usize];
                let mut t = json!({"module": module});
                if m.duration & 16 != 0 {
                    t["clusters"] = json!(["x"]);
                }
                v["targets"] = json!([t]);
            }
            v
        })
        .collect();
    let doc = json!({
        "strategy": {"id": "f", "title": {"az": "f", "en": "f"}, "period": {"start": "2024", "end": "2030"}},
        "organizations": [{"id": "o", "name": {"en": "o"}, "kind": "ministry"}],
        "directions": [{"id": "D", "title": {"en": "D"}}],
        "clusters": [{"id": "x", "title": {"en": "x"}}, {"id": "y", "title": {"en": "y"}}],
        "modules": [{"id": "a", "title": {"en": "a"}, "applies_to": {"all": true}},
                    {"id": "b", "title": {"en": "b"}, "applies_to": {"all": true},
                     "requires": [{"module": "a", "relation": kinds[n % 4]}]}],
        "measures": measures,
    });
    let text = doc.to_string();
    // threads change nothing (the parse included: the parallel parser runs too)
    let serial = with_threads(1, || {
        every_operation::outputs(&Strategy::from_json(&text).expect("parses"))
    });
    let threads = 2 + n % 6;
    let parallel = with_threads(threads, || {
        every_operation::outputs(&Strategy::from_json(&text).expect("parses"))
    });
    for ((what, a), (_, b)) in serial.iter().zip(&parallel) {
        assert!(
            a == b,
            "{what} differs on {threads} threads:\n{a}\n---\n{b}"
        );
    }
    let s = Strategy::from_json(&text).expect("a generated plan parses");
    // lossless round trips
    for f in [Format::Json, Format::Yaml, Format::Toml] {
        let text = s.to_string(f).expect("serialises");
        let back = Strategy::parse(&text, f).expect("parses back");
        assert_eq!(back.document(), s.document(), "{f:?} round trip");
    }
    let Ok(sch) = s.schedule(&ScheduleOptions::default()) else {
        return;
    };
    let (es, ef, ls, lf) = (
        &sch.early_start,
        &sch.early_finish,
        &sch.late_start,
        &sch.late_finish,
    );
    for i in 0..n {
        assert_eq!(
            ef[i] - es[i],
            lf[i] - ls[i],
            "m{i}: early and late spans differ"
        );
        assert!(
            sch.total_float[i] >= 0,
            "m{i}: negative float without a deadline"
        );
        assert!(
            sch.free_float[i] <= sch.total_float[i],
            "m{i}: free float above total float"
        );
    }
    for e in s.dependencies().expect("a DAG") {
        let p: usize = e.from[1..].parse().unwrap();
        let q: usize = e.to[1..].parse().unwrap();
        let lag = e.lag_days;
        let ok = match e.relation.as_str() {
            "FS" => es[q] >= ef[p] + lag,
            "SS" => es[q] >= es[p] + lag,
            "FF" => ef[q] >= ef[p] + lag,
            _ => ef[q] >= es[p] + lag,
        };
        assert!(ok, "{} {}→{} lag {lag} violated", e.relation, e.from, e.to);
    }
});
