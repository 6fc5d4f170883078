//! Redundant dependencies are true for every duration (issue 22, point 5): hand cases per
//! relation type and lag sign, and a property test that removing every reported entry at once
//! changes no date on random plans with every relation type, lags, leads, duplicate entries and
//! module requirements, under two different assignments of durations.

use std::collections::BTreeMap;

use eculture::Strategy;
use eculture::schedule::{RedundancyReason, RedundantDependency, ScheduleOptions};
use proptest::prelude::*;
use proptest::strategy::Strategy as _;
use serde_json::{Value, json};

fn doc(measures: Vec<Value>, extra: Value) -> Value {
    let mut d = json!({
        "strategy": {"id": "t", "title": {"az": "t", "en": "t"},
                     "period": {"start": "2024-01-01", "end": "2026-12-31"}},
        "organizations": [{"id": "O", "name": {"en": "O"}, "kind": "ministry"}],
        "directions": [{"id": "D", "title": {"en": "D"}}],
        "measures": measures,
    });
    if let Value::Object(extra) = extra {
        for (k, v) in extra {
            d[k] = v;
        }
    }
    d
}

fn load(d: &Value) -> Strategy {
    Strategy::from_json(&d.to_string()).unwrap()
}

fn m(id: &str, dur: i64, deps: Value) -> Value {
    json!({"id": id, "direction": "D", "title": {"en": id}, "main_executor": "O",
           "duration_days": dur, "depends_on": deps})
}

fn dep(id: &str, kind: &str, lag: i64) -> Value {
    json!({"id": id, "type": kind, "lag_days": lag})
}

/// (es, ef, ls, lf) per measure id.
type Dates = BTreeMap<String, (i32, i32, i32, i32)>;

fn dates(s: &Strategy) -> Dates {
    let sch = s.schedule(&ScheduleOptions::default()).unwrap();
    (0..sch.len())
        .map(|i| {
            (
                sch.ids[i].to_string(),
                (
                    sch.early_start[i],
                    sch.early_finish[i],
                    sch.late_start[i],
                    sch.late_finish[i],
                ),
            )
        })
        .collect()
}

/// The document without the reported entries (all at once).
fn without(d: &Value, red: &[RedundantDependency]) -> Value {
    let mut d = d.clone();
    let mut drop: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for r in red {
        let rest = &r.path["measures[".len()..];
        let (i, rest) = rest.split_once("].depends_on[").unwrap();
        let j = rest.trim_end_matches(']');
        drop.entry(i.parse().unwrap())
            .or_default()
            .push(j.parse().unwrap());
    }
    for (i, js) in drop {
        let deps = d["measures"][i]["depends_on"].as_array_mut().unwrap();
        let kept: Vec<Value> = deps
            .iter()
            .enumerate()
            .filter(|(j, _)| !js.contains(j))
            .map(|(_, v)| v.clone())
            .collect();
        *deps = kept;
    }
    d
}

fn red(d: &Value) -> Vec<RedundantDependency> {
    load(d).redundant_dependencies().unwrap()
}

/// A → B → C with the given relations, and C's own entry on A.
fn triangle(ab: Value, bc: Value, ac: Value) -> Value {
    doc(
        vec![
            m("A", 10, json!([])),
            m("B", 10, json!([ab])),
            m("C", 10, json!([bc, ac])),
        ],
        json!({}),
    )
}

#[test]
fn the_issues_example_is_not_redundant() {
    // A → B FF, B → C FF, C depends on A FS: removing C's entry on A moves C from 10-20 to 0-10
    let d = triangle(dep("A", "FF", 0), dep("B", "FF", 0), dep("A", "FS", 0));
    assert_eq!(red(&d), []);
    assert!(load(&d).redundancy().unwrap().complete);
    assert_eq!(dates(&load(&d))["C"].0, 10);
    let mut cut = d.clone();
    cut["measures"][2]["depends_on"] = json!([dep("B", "FF", 0)]);
    assert_eq!(dates(&load(&cut))["C"].0, 0);
}

#[test]
fn a_finish_to_start_chain_implies_a_smaller_lag_with_its_slack() {
    // FS 2 + FS 3 implies FS 4 with one day to spare, not FS 6
    let d = triangle(dep("A", "FS", 2), dep("B", "FS", 3), dep("A", "FS", 4));
    let r = red(&d);
    assert_eq!(r.len(), 1);
    assert_eq!(r[0].reason, RedundancyReason::ImpliedByPath);
    assert_eq!(r[0].implied_by, ["A", "B", "C"]);
    assert_eq!(r[0].via.as_deref(), Some("B"));
    assert_eq!(r[0].slack_days, 1);
    assert!(!r[0].implied_by_truncated);
    assert_eq!(r[0].path, "measures[2].depends_on[1]");
    let d = triangle(dep("A", "FS", 2), dep("B", "FS", 3), dep("A", "FS", 6));
    assert_eq!(red(&d), []);
    let d = triangle(dep("A", "FS", 2), dep("B", "FS", 3), dep("A", "FS", 5));
    assert_eq!(red(&d)[0].slack_days, 0);
}

#[test]
fn a_lead_on_the_path_breaks_the_implication() {
    let d = triangle(dep("A", "FS", -2), dep("B", "FS", 0), dep("A", "FS", 0));
    assert_eq!(red(&d), []);
    // ... unless the entry itself has a larger lead
    let d = triangle(dep("A", "FS", -2), dep("B", "FS", 0), dep("A", "FS", -3));
    let r = red(&d);
    assert_eq!(r.len(), 1);
    assert_eq!(r[0].slack_days, 1);
    // a lead compensated by a lag further on
    let d = triangle(dep("A", "FS", -2), dep("B", "FS", 5), dep("A", "FS", 3));
    assert_eq!(red(&d)[0].slack_days, 0);
}

#[test]
fn each_relation_type() {
    let fs = |l| dep("A", "FS", l);
    let cases: Vec<(Value, Value, Value, Option<i64>)> = vec![
        // a finish-to-start chain implies every relation with lag 0: S(A) ≤ F(A), S(C) ≤ F(C)
        (fs(0), dep("B", "FS", 0), dep("A", "SS", 0), Some(0)),
        (fs(0), dep("B", "FS", 0), dep("A", "FF", 0), Some(0)),
        (fs(0), dep("B", "FS", 0), dep("A", "SF", 0), Some(0)),
        (fs(0), dep("B", "FS", 0), dep("A", "FS", 0), Some(0)),
        // start-to-start chains imply start-to-start, never finish-to-start
        (
            dep("A", "SS", 2),
            dep("B", "SS", 3),
            dep("A", "SS", 5),
            Some(0),
        ),
        (
            dep("A", "SS", 2),
            dep("B", "SS", 3),
            dep("A", "SS", 1),
            Some(4),
        ),
        (
            dep("A", "SS", 2),
            dep("B", "SS", 3),
            dep("A", "FS", 0),
            None,
        ),
        (
            dep("A", "SS", 2),
            dep("B", "SS", 3),
            dep("A", "SF", 5),
            Some(0),
        ),
        (
            dep("A", "SS", 2),
            dep("B", "SS", 3),
            dep("A", "FF", 0),
            None,
        ),
        // finish-to-finish chains imply finish-to-finish and start-to-finish
        (
            dep("A", "FF", 1),
            dep("B", "FF", 1),
            dep("A", "FF", 2),
            Some(0),
        ),
        (
            dep("A", "FF", 1),
            dep("B", "FF", 1),
            dep("A", "SF", 0),
            Some(2),
        ),
        (
            dep("A", "FF", 1),
            dep("B", "FF", 1),
            dep("A", "SS", 0),
            None,
        ),
        // SS then FF: start of A to finish of C (through B's start → finish)
        (
            dep("A", "SS", 0),
            dep("B", "FF", 0),
            dep("A", "SF", 0),
            Some(0),
        ),
        (
            dep("A", "SS", 0),
            dep("B", "FF", 0),
            dep("A", "FF", 0),
            None,
        ),
        // FF then SS would need B's finish → start: not implied
        (
            dep("A", "FF", 0),
            dep("B", "SS", 0),
            dep("A", "SF", 0),
            None,
        ),
        // SF then FS: a start-to-finish link ends at B's finish, FS leaves from there
        (
            dep("A", "SF", 4),
            dep("B", "FS", 1),
            dep("A", "SS", 5),
            Some(0),
        ),
        (
            dep("A", "SF", 4),
            dep("B", "FS", 1),
            dep("A", "FS", 0),
            None,
        ),
    ];
    for (k, (ab, bc, ac, want)) in cases.into_iter().enumerate() {
        let d = triangle(ab, bc, ac);
        let r = red(&d);
        assert_eq!(
            r.first().map(|x| x.slack_days),
            want,
            "case {k}: {:?}",
            d["measures"]
        );
        // dates agree with the verdict
        if want.is_some() {
            assert_eq!(dates(&load(&d)), dates(&load(&without(&d, &r))), "case {k}");
        }
    }
}

#[test]
fn duplicates_keep_the_stronger_entry() {
    let two = |a: Value, b: Value| {
        doc(
            vec![m("A", 10, json!([])), m("C", 10, json!([a, b]))],
            json!({}),
        )
    };
    // identical: the later one
    let r = red(&two(dep("A", "FS", 0), dep("A", "FS", 0)));
    assert_eq!(r.len(), 1);
    assert_eq!(r[0].path, "measures[1].depends_on[1]");
    assert_eq!(r[0].reason, RedundancyReason::Duplicate);
    assert_eq!(r[0].implied_by, ["A", "C"]);
    assert_eq!(r[0].via, None);
    // the weaker one, wherever it is listed
    for (a, b, weak, slack) in [
        (dep("A", "FS", 0), dep("A", "FS", 2), 0, 2),
        (dep("A", "FS", 2), dep("A", "FS", 0), 1, 2),
        (dep("A", "SS", 0), dep("A", "FS", 0), 0, 0),
        (dep("A", "FS", 0), dep("A", "FF", 0), 1, 0),
    ] {
        let r = red(&two(a, b));
        assert_eq!(r.len(), 1, "{r:?}");
        assert_eq!(r[0].path, format!("measures[1].depends_on[{weak}]"));
        assert_eq!(r[0].reason, RedundancyReason::Duplicate);
        assert_eq!(r[0].slack_days, slack);
    }
    // neither implies the other
    assert_eq!(red(&two(dep("A", "SS", 3), dep("A", "FF", 0))), []);
}

#[test]
fn a_finish_to_finish_requirement_does_not_imply_a_finish_to_start_entry() {
    let modules = |relation: &str| {
        json!({
            "clusters": [{"id": "c", "title": {"en": "c"}}],
            "modules": [{"id": "A", "title": {"en": "A"}, "applies_to": {"all": true}},
                        {"id": "B", "title": {"en": "B"}, "applies_to": {"all": true},
                         "requires": [{"module": "A", "relation": relation}]}]
        })
    };
    let plan = |relation| {
        let mut pa = m("pa", 5, json!([]));
        pa["targets"] = json!([{"module": "A"}]);
        let mut pb = m("pb", 5, json!(["pa"]));
        pb["targets"] = json!([{"module": "B"}]);
        doc(vec![pa, pb], modules(relation))
    };
    assert_eq!(red(&plan("FF")), []);
    let r = red(&plan("FS"));
    assert_eq!(r.len(), 1);
    assert_eq!(r[0].reason, RedundancyReason::ImpliedByRequirement);
    assert_eq!(r[0].implied_by, ["pa", "pb"]);
}

#[test]
fn long_paths_are_listed_up_to_the_cap() {
    let n = eculture::schedule::MAX_PATH_MEASURES + 5;
    let mut ms = vec![m("x0", 1, json!([]))];
    for i in 1..n {
        let mut deps = vec![json!(format!("x{}", i - 1))];
        if i == n - 1 {
            deps.push(json!("x0"));
        }
        ms.push(m(&format!("x{i}"), 1, json!(deps)));
    }
    for lagged in [false, true] {
        let mut ms = ms.clone();
        if lagged {
            ms[1]["depends_on"] = json!([dep("x0", "FS", 1)]);
        }
        let r = red(&doc(ms, json!({})));
        assert_eq!(r.len(), 1);
        assert_eq!(r[0].implied_by.len(), eculture::schedule::MAX_PATH_MEASURES);
        assert!(r[0].implied_by_truncated);
        assert_eq!(r[0].implied_by[0], "x0");
        assert_eq!(r[0].slack_days, i64::from(lagged));
    }
}

const KINDS: [&str; 4] = ["FS", "SS", "FF", "SF"];

#[derive(Debug, Clone)]
struct Plan {
    dur: [Vec<i64>; 2],
    /// deps[i]: (prerequisite j < i, relation, lag)
    deps: Vec<Vec<(usize, &'static str, i64)>>,
    perm: Vec<usize>,
    /// Module A delivered by the measures in `a`, B (requiring A) by those in `b`.
    modules: Option<(Vec<usize>, Vec<usize>, &'static str, i64)>,
}

fn plans() -> impl proptest::strategy::Strategy<Value = Plan> {
    (2usize..18)
        .prop_flat_map(|n| {
            (
                proptest::collection::vec(0i64..12, n),
                proptest::collection::vec(0i64..12, n),
                proptest::collection::vec(
                    proptest::collection::vec(
                        // kinds 4.. are plain FS without lag, the most common entry
                        (any::<prop::sample::Index>(), 0usize..7, -4i64..=6),
                        0..4,
                    ),
                    n,
                ),
                Just((0..n).collect::<Vec<usize>>()).prop_shuffle(),
                proptest::option::of((
                    proptest::collection::vec(any::<bool>(), n),
                    0usize..5,
                    -3i64..=4,
                )),
            )
        })
        .prop_map(|(d0, d1, raw, perm, modules)| {
            let n = d0.len();
            let deps = raw
                .into_iter()
                .enumerate()
                .map(|(i, ds)| {
                    if i == 0 {
                        return Vec::new();
                    }
                    ds.into_iter()
                        .map(|(ix, k, lag)| {
                            let j = ix.index(i);
                            if k >= 4 {
                                (j, "FS", 0)
                            } else {
                                (j, KINDS[k], lag)
                            }
                        })
                        .collect()
                })
                .collect();
            let modules = modules.map(|(pick, k, lag)| {
                let half = n / 2;
                let a = (0..half).filter(|&i| pick[i]).collect();
                let b = (half..n).filter(|&i| pick[i]).collect();
                if k == 4 {
                    (a, b, "FS", 0)
                } else {
                    (a, b, KINDS[k], lag)
                }
            });
            Plan {
                dur: [d0, d1],
                deps,
                perm,
                modules,
            }
        })
}

fn document_of(p: &Plan, which: usize) -> Value {
    let measures = p
        .perm
        .iter()
        .map(|&i| {
            let deps: Vec<Value> = p.deps[i]
                .iter()
                .map(|&(j, k, lag)| dep(&format!("n{j}"), k, lag))
                .collect();
            let mut v = m(&format!("n{i}"), p.dur[which][i], json!(deps));
            if let Some((a, b, _, _)) = &p.modules {
                if a.contains(&i) {
                    v["targets"] = json!([{"module": "A"}]);
                } else if b.contains(&i) {
                    v["targets"] = json!([{"module": "B"}]);
                }
            }
            v
        })
        .collect();
    let extra = match &p.modules {
        Some((_, _, kind, lag)) => json!({
            "clusters": [{"id": "c1", "title": {"en": "c1"}}, {"id": "c2", "title": {"en": "c2"}}],
            "modules": [{"id": "A", "title": {"en": "A"}, "applies_to": {"all": true}},
                        {"id": "B", "title": {"en": "B"}, "applies_to": {"all": true},
                         "requires": [{"module": "A", "relation": kind, "lag_days": lag}]}]
        }),
        None => json!({}),
    };
    doc(measures, extra)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(600))]

    /// Dropping every reported entry at once changes no early or late date, whatever the
    /// durations; the report does not depend on the durations; each record is consistent.
    #[test]
    fn removing_every_redundant_entry_changes_no_date(p in plans()) {
        let d0 = document_of(&p, 0);
        let d1 = document_of(&p, 1);
        let r0 = red(&d0);
        let r1 = red(&d1);
        prop_assert_eq!(&r0, &r1);
        for r in &r0 {
            prop_assert!(r.slack_days >= 0);
            prop_assert!(!r.implied_by_truncated);
            prop_assert_eq!(r.implied_by.first(), Some(&r.prerequisite));
            prop_assert_eq!(r.implied_by.last(), Some(&r.measure));
            match r.reason {
                RedundancyReason::ImpliedByPath => {
                    prop_assert!(r.implied_by.len() > 2);
                    prop_assert_eq!(r.via.as_ref(), Some(&r.implied_by[1]));
                }
                _ => {
                    prop_assert_eq!(r.implied_by.len(), 2);
                    prop_assert_eq!(r.via.as_ref(), None);
                }
            }
        }
        for d in [&d0, &d1] {
            let before = dates(&load(d));
            let after = dates(&load(&without(d, &r0)));
            prop_assert_eq!(before, after);
        }
    }
}

#[test]
fn the_search_stops_at_its_budget_and_says_so() {
    // k sources, each before a chain of l measures (FS + 1) and before the chain's end (FS + 1,
    // implied by the chain): each candidate's search walks the whole chain, k · l visits in all
    let (k, l) = (5_000, 5_000);
    let mut ms = Vec::with_capacity(k + l);
    let sources =
        |lag| -> Vec<Value> { (0..k).map(|j| dep(&format!("x{j}"), "FS", lag)).collect() };
    ms.push(m("c0", 1, json!(sources(1))));
    for i in 1..l {
        ms.push(m(&format!("c{i}"), 1, json!([format!("c{}", i - 1)])));
    }
    let mut end = sources(1);
    end.push(json!(format!("c{}", l - 2)));
    ms[l - 1]["depends_on"] = json!(end);
    for j in 0..k {
        ms.push(m(&format!("x{j}"), 1, json!([])));
    }
    let r = load(&doc(ms, json!({}))).redundancy().unwrap();
    assert!(!r.complete);
    assert!(!r.dependencies.is_empty() && r.dependencies.len() < k);
    for d in &r.dependencies {
        assert_eq!(d.reason, RedundancyReason::ImpliedByPath);
        assert_eq!(d.slack_days, 0);
        assert!(d.implied_by_truncated);
    }
}

#[test]
fn removing_the_e_culture_strategys_redundant_entries_changes_no_date() {
    let s = Strategy::e_culture();
    let d: Value = serde_json::from_str(&s.to_json().unwrap()).unwrap();
    let r = s.redundancy().unwrap();
    assert!(r.complete);
    assert!(!r.dependencies.is_empty());
    assert_eq!(dates(&s), dates(&load(&without(&d, &r.dependencies))));
    // the issue's kind of entry: an FS entry beside an FF module requirement stays
    assert!(
        !r.dependencies
            .iter()
            .any(|x| x.prerequisite == "6.1" && x.measure == "6.2")
    );
}
