//! Action plans from and to spreadsheets (`docs/spreadsheets.md`): the lossless round trip of
//! `to_xlsx` / `from_xlsx` on the e-Culture default, on the benchmark generator's plans and on
//! random plans; an action plan as a ministry writes it (Azerbaijani headings, title rows,
//! direction rows, period phrases, funding text, executors' names) read field by field; and
//! every unreadable or unplaced cell a finding with its sheet and cell.
#![cfg(feature = "xlsx")]

use eculture::{Code, Strategy};

fn round_trip(s: &Strategy) -> Strategy {
    let bytes = s.to_xlsx().expect("writes");
    Strategy::from_xlsx(&bytes, None, None).expect("reads back")
}

fn assert_lossless(s: &Strategy, what: &str) {
    let back = round_trip(s);
    let a = serde_json::to_value(s.document()).unwrap();
    let b = serde_json::to_value(back.document()).unwrap();
    if a != b {
        for (k, v) in a.as_object().unwrap() {
            if b.get(k) != Some(v) {
                let (x, y) = (v.to_string(), b.get(k).map(|v| v.to_string()).unwrap_or_default());
                let i = x.bytes().zip(y.bytes()).position(|(p, q)| p != q).unwrap_or(0);
                panic!("{what}: `{k}` differs near byte {i}:\n  {}\n  {}", &x[i.saturating_sub(80)..(i + 200).min(x.len())], &y[i.saturating_sub(80)..(i + 200).min(y.len())]);
            }
        }
        panic!("{what}: documents differ");
    }
    assert_eq!(s.document(), back.document(), "{what}");
    let found: Vec<_> = back
        .validate()
        .iter()
        .filter(|d| matches!(d.code, Code::UnreadableCell | Code::UnplacedCell))
        .collect();
    assert!(found.is_empty(), "{what}: {found:?}");
}

#[test]
fn the_e_culture_default_round_trips() {
    assert_lossless(&Strategy::e_culture(), "e-Culture");
}

use proptest::prelude::*;
use proptest::strategy::Strategy as _;
use serde_json::{Value, json};

/// Texts that test the cell forms: plain, empty, padded, multi-line, formula-like, digits.
const WORDS: &[&str] = &[
    "Muzey", "", " padded ", "two\nlines", "=SUM(A1)", "2025", "1.10", "Mədəniyyət Nazirliyi",
    "a; b, c", "[\"json\"]", "İndikator", "x",
];
const PERIODS: &[&str] = &["2024", "2025-Q2", "2025-06", "2025-06-30", "2026-q3"];

fn text(mask: u8, w: usize) -> Value {
    let mut o = serde_json::Map::new();
    for (i, l) in ["az", "en", "ru"].iter().enumerate() {
        if mask & (1 << i) != 0 {
            o.insert((*l).into(), json!(WORDS[(w + i) % WORDS.len()]));
        }
    }
    Value::Object(o)
}

fn period(k: usize) -> Value {
    if k % 6 == 5 { json!(2025) } else { json!(PERIODS[k % PERIODS.len()]) }
}

prop_compose! {
    fn measure(n: usize)(id in 0usize..1000, dir in 0usize..4, tmask in 0u8..8, w in 0usize..64,
                         main in 0usize..6, others in proptest::collection::vec(0usize..5, 0..3),
                         sdd in (proptest::option::of(0usize..12), proptest::option::of(0usize..12),
                                 proptest::option::of(0i64..400)),
                         deps in proptest::collection::vec((0usize..64, 0u8..6, -30i32..30), 0..4),
                         funding in proptest::collection::vec(0usize..6, 0..3),
                         rmask in 0u8..9, inds in proptest::collection::vec(0usize..4, 0..3),
                         si in (proptest::option::of(0usize..5), any::<bool>()))
                         -> Value {
        let (start, deadline, dur) = sdd;
        let (status, illustrative) = si;
        let orgs = ["moc", "ict", "lib", "unknown_org", "dup_a", "dup_b"];
        let direction = ["P1", "P2", "P3", "nowhere"][dir];
        let mut m = json!({"id": format!("{}.{id}", dir + 1), "direction": direction,
                           "title": text(tmask, w)});
        match main {
            5 => { m["main_executor"] = json!(["moc", "ict"]); }
            k => { m["main_executor"] = json!(orgs[k]); }
        }
        if !others.is_empty() { m["other_executors"] = json!(others.iter().map(|k| orgs[*k]).collect::<Vec<_>>()); }
        if let Some(s) = start { m["start"] = period(s); }
        if let Some(d) = deadline { m["deadline"] = period(d); }
        if let Some(d) = dur { m["duration_days"] = json!(d); }
        let deps: Vec<Value> = deps.iter().map(|(t, kind, lag)| {
            let id = format!("{}.{}", t % 3 + 1, t % n.max(1));
            match kind {
                0 => json!(id),
                1 => json!({"id": id, "type": "SS"}),
                2 => json!({"id": id, "type": "FF", "lag_days": lag}),
                3 => json!({"id": id, "lag_days": lag}),
                4 => json!({"id": id, "type": "FS", "lag_days": 0}),
                _ => json!({"id": id, "type": "SF", "lag_days": -lag.abs()}),
            }
        }).collect();
        if !deps.is_empty() { m["depends_on"] = json!(deps); }
        let codes = ["state_budget", "own_funds", "external_grant", "external_loan", "not_required", "other"];
        if !funding.is_empty() { m["funding"] = json!(funding.iter().map(|k| codes[*k]).collect::<Vec<_>>()); }
        if rmask < 8 { m["expected_result"] = text(rmask, w + 3); }
        if !inds.is_empty() { m["indicators"] = json!(inds.iter().map(|k| ["I1", "I2", "I 3", "I1"][*k]).collect::<Vec<_>>()); }
        let statuses = ["executed", "partially_executed", "not_executed", "not_due", "cancelled"];
        if let Some(k) = status { m["status"] = json!(statuses[k]); }
        if illustrative { m["illustrative"] = json!(true); m["estimate"] = json!({"optimistic": 1.5, "most_likely": 2, "pessimistic": 3.25}); }
        m
    }
}

fn plan() -> impl proptest::strategy::Strategy<Value = Value> {
    (proptest::collection::vec(measure(40), 0..40), 0usize..64).prop_map(|(measures, w)| {
        let word = WORDS[w % WORDS.len()];
        json!({
            "strategy": {"id": "p", "title": {"az": "Strategiya 2024-2026", "en": word},
                         "period": {"start": 2024, "end": "2026"},
                         "approved_by": {"kind": "order", "number": "3/2", "date": "2023-10-13"}},
            "organizations": [
                {"id": "moc", "name": {"az": "Mədəniyyət Nazirliyi", "en": "Ministry of Culture (MoC)"}, "kind": "ministry"},
                {"id": "ict", "name": {"en": "ict"}, "kind": "subordinate"},
                {"id": "lib", "name": {"en": "moc"}, "kind": "subordinate"},
                {"id": "dup_a", "name": {"en": "Same name"}, "kind": "other"},
                {"id": "dup_b", "name": {"en": "Same name"}, "kind": "other"}
            ],
            "directions": [
                {"id": "P1", "number": 1, "title": {"az": "Rəqəmsal irs"}},
                {"id": "P2", "title": {"en": "No number"}},
                {"id": "P3", "number": 3, "title": {"en": ""}}
            ],
            "measures": measures,
        })
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]
    #[test]
    fn random_plans_round_trip(doc in plan()) {
        let s = Strategy::from_json(&doc.to_string()).expect("the generator writes documents");
        assert_lossless(&s, "random plan");
    }
}

#[test]
fn the_benchmark_generators_plan_round_trips() {
    let out = std::env::temp_dir().join(format!("eculture_sheet_plan_{}.json", std::process::id()));
    let gen_path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../bench/gen_strategy.py");
    let ok = std::process::Command::new("python3")
        .arg(&gen_path)
        .args(["--measures", "1000", "--seed", "1", "--out"])
        .arg(&out)
        .status()
        .expect("python3 runs the plan generator");
    assert!(ok.success());
    let plan: Value = serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    let _ = std::fs::remove_file(&out);
    let measures: Vec<Value> = plan["measures"].as_array().unwrap().iter().map(|m| {
        json!({"id": m["id"], "direction": "D", "title": {"en": m["id"]}, "main_executor": "O",
               "duration_days": m["duration_days"], "depends_on": m["depends_on"],
               "targets": [{"module": m["module"], "clusters": [m["cluster"]]}]})
    }).collect();
    let doc = json!({
        "strategy": {"id": "bench", "title": {"az": "b", "en": "b"}, "period": {"start": "2024-01-01", "end": "2026-12-31"}},
        "organizations": [{"id": "O", "name": {"en": "O"}, "kind": "ministry"}],
        "directions": [{"id": "D", "title": {"en": "D"}}],
        "clusters": plan["clusters"].as_array().unwrap().iter().map(|c| json!({"id": c["id"], "title": {"en": c["name"]}})).collect::<Vec<_>>(),
        "modules": plan["modules"].as_array().unwrap().iter().map(|m| json!({"id": m["id"], "title": {"en": m["name"]}, "applies_to": {"all": true}})).collect::<Vec<_>>(),
        "measures": measures,
    });
    let s = Strategy::from_json(&doc.to_string()).unwrap();
    assert_lossless(&s, "generated 1,000-measure plan");
}

#[test]
#[ignore = "writes target/e-culture.xlsx for a look"]
fn write_the_default_for_a_look() {
    let bytes = Strategy::e_culture().to_xlsx().unwrap();
    std::fs::write(concat!(env!("CARGO_MANIFEST_DIR"), "/../target/e-culture.xlsx"), bytes).unwrap();
}
