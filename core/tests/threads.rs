//! Threads never change a result: generated plans (module requirements through junctions,
//! explicit dependencies of every relation and lag, sometimes cycles, deadlines, reports) are
//! loaded and put through every operation serially and on 2, 3 and 7 threads, with every size
//! threshold at zero (`eculture::__private::with_threads`, the test hook of `par.rs`), and
//! each output must be identical. The `plan` fuzz target checks the same on its plans.

#[path = "support/every_operation.rs"]
mod every_operation;

use eculture::__private::with_threads;
use eculture::Strategy;
use proptest::prelude::*;
use proptest::strategy::Strategy as _;
use serde_json::{Value, json};

#[derive(Debug, Clone)]
struct M {
    dur: u8,
    deps: Vec<(u8, u8, i8)>,
    target: Option<(u8, Option<u8>)>,
    status: u8,
    deadline: Option<u8>,
}

#[derive(Debug, Clone)]
struct Plan {
    measures: Vec<M>,
    /// `requires[k]`: module `k` requires these earlier modules (relation index).
    requires: Vec<Vec<(u8, u8)>>,
    clusters: u8,
    /// Dependencies may point at later measures (cycles).
    cyclic: bool,
}

fn plan() -> impl proptest::strategy::Strategy<Value = Plan> {
    let m = (
        0u8..40,
        proptest::collection::vec((any::<u8>(), 0u8..4, -5i8..6), 0..4),
        proptest::option::of((0u8..4, proptest::option::of(0u8..3))),
        0u8..6,
        proptest::option::weighted(0.2, 0u8..24),
    )
        .prop_map(|(dur, deps, target, status, deadline)| M {
            dur,
            deps,
            target,
            status,
            deadline,
        });
    (
        proptest::collection::vec(m, 1..48),
        proptest::collection::vec(proptest::collection::vec((any::<u8>(), 0u8..4), 0..3), 4),
        1u8..4,
        proptest::bool::weighted(0.15),
    )
        .prop_map(|(measures, requires, clusters, cyclic)| Plan {
            measures,
            requires,
            clusters,
            cyclic,
        })
}

const KINDS: [&str; 4] = ["FS", "SS", "FF", "SF"];
const STATUSES: [&str; 5] = [
    "executed",
    "partially_executed",
    "not_executed",
    "not_due",
    "cancelled",
];

fn document(p: &Plan) -> Value {
    let n = p.measures.len();
    let clusters: Vec<Value> = (0..p.clusters)
        .map(|c| json!({"id": format!("c{c}"), "title": {"en": format!("C{c}")}}))
        .collect();
    let modules: Vec<Value> = p
        .requires
        .iter()
        .enumerate()
        .map(|(k, req)| {
            let req: Vec<Value> = req
                .iter()
                .filter(|_| k > 0)
                .map(|&(r, kind)| {
                    json!({"module": format!("mod{}", r as usize % k), "relation": KINDS[kind as usize]})
                })
                .collect();
            json!({"id": format!("mod{k}"), "title": {"en": format!("Module {k}")},
                   "applies_to": {"all": true}, "requires": req})
        })
        .collect();
    let mut entries = Vec::new();
    let measures: Vec<Value> = p
        .measures
        .iter()
        .enumerate()
        .map(|(i, m)| {
            let mut seen = std::collections::BTreeSet::new();
            let deps: Vec<Value> = m
                .deps
                .iter()
                .filter_map(|&(to, kind, lag)| {
                    let j = if p.cyclic {
                        to as usize % n
                    } else if i == 0 {
                        return None;
                    } else {
                        to as usize % i
                    };
                    seen.insert(j).then(|| {
                        json!({"id": format!("m{j}"), "type": KINDS[kind as usize], "lag_days": lag})
                    })
                })
                .collect();
            let mut v = json!({"id": format!("m{i}"), "direction": if i % 3 == 0 { "D1" } else { "D2" },
                "title": {"en": format!("Measure {i}")}, "main_executor": "o",
                "duration_days": m.dur, "depends_on": deps});
            if let Some((module, cluster)) = m.target {
                let mut t = json!({"module": format!("mod{module}")});
                if let Some(c) = cluster {
                    t["clusters"] = json!([format!("c{}", c % p.clusters)]);
                }
                v["targets"] = json!([t]);
            }
            if let Some(d) = m.deadline {
                v["deadline"] = json!(format!("2024-{:02}", d % 12 + 1));
            }
            if m.status < 5 {
                entries.push(json!({"measure": format!("m{i}"), "status": STATUSES[m.status as usize]}));
            }
            v
        })
        .collect();
    json!({
        "strategy": {"id": "t", "title": {"az": "t", "en": "t"},
                     "period": {"start": "2024-01-01", "end": "2027-12-31"},
                     "coordinating_body": "o", "monitoring_body": "o"},
        "organizations": [{"id": "o", "name": {"en": "O"}, "kind": "ministry"}],
        "directions": [{"id": "D1", "title": {"en": "D1"}}, {"id": "D2", "title": {"en": "D2"}}],
        "clusters": clusters,
        "modules": modules,
        "indicators": [{"id": "I1", "name": {"en": "I1"}, "baseline": {"year": 2023, "value": 1},
                        "targets": [{"year": 2025, "value": 5, "final": true}]}],
        "measures": measures,
        "reports": [{"id": "r1", "by": "o", "period": "2024", "submitted": "2025-01-10",
                     "entries": entries}],
    })
}

/// The outputs of every operation with parallel work forced onto `threads` threads; the JSON
/// is parsed inside too (the parallel parser, at that thread count).
fn run(text: &str, threads: usize) -> Vec<(&'static str, String)> {
    with_threads(threads, || {
        let s = Strategy::from_json(text).expect("a generated plan parses");
        every_operation::outputs(&s)
    })
}

fn check(p: &Plan) {
    let text = document(p).to_string();
    let serial = run(&text, 1);
    for threads in [2, 3, 7] {
        let par = run(&text, threads);
        assert_eq!(serial.len(), par.len());
        for ((name, a), (_, b)) in serial.iter().zip(&par) {
            assert!(
                a == b,
                "{name} differs with {threads} threads:\n{a}\n---\n{b}"
            );
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn every_operation_gives_the_same_result_on_1_2_3_and_7_threads(p in plan()) {
        check(&p);
    }
}

/// The generator makes what it should: junctions, cycles and reports all occur.
#[test]
fn the_generated_plans_reach_the_parallel_paths() {
    let p = Plan {
        measures: (0..30u8)
            .map(|i| M {
                dur: i % 7,
                deps: vec![(i.wrapping_mul(7), i % 4, (i % 5) as i8 - 2)],
                target: Some((i % 4, (i % 2 == 0).then_some(i % 3))),
                status: i % 6,
                deadline: (i % 5 == 0).then_some(i),
            })
            .collect(),
        requires: vec![vec![], vec![(0, 0)], vec![(0, 2), (1, 0)], vec![(2, 1)]],
        clusters: 3,
        cyclic: false,
    };
    let s = Strategy::from_value(document(&p)).unwrap();
    assert!(
        s.graph().unwrap().node_count() > s.document().measures.len(),
        "a junction"
    );
    assert!(s.schedule(&Default::default()).is_ok());
    check(&p);
    check(&Plan { cyclic: true, ..p });
}
