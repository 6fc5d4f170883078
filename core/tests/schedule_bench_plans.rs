//! Cross-check on the benchmark plans (`bench/gen_strategy.py`, the project's deterministic
//! plan generator, stdlib Python): the CPM project length must equal the networkx figure
//! published with it
//! (3,372 days at 1k, 34,947 at 10k, seed 1), and on the `--cycle` variant the DSM must find
//! exactly the cycle the generator recorded. Needs python3 (the test command installs it).

use eculture::Strategy;
use eculture::schedule::ScheduleOptions;
use serde_json::Value;

#[path = "support/bench_plan.rs"]
mod bench_plan;
use bench_plan::{generate, to_strategy};

#[test]
fn project_length_matches_networkx() {
    for (n, days) in [(1_000usize, 3_372i64), (10_000, 34_947)] {
        let Some(plan) = generate(n, false) else {
            return;
        };
        let s = to_strategy(&plan);
        let sch = s.schedule(&ScheduleOptions::default()).unwrap();
        assert_eq!(sch.duration_days(), days, "{n} measures");
        // finish-to-start without lags: every critical path sums to the project length
        assert!(!sch.critical_path_indices.is_empty());
        for p in &sch.critical_path_indices {
            let len: i64 = p
                .iter()
                .map(|&r| i64::from(sch.durations[r as usize]))
                .sum();
            assert_eq!(len, days);
        }
        for i in 0..sch.len() {
            assert!(sch.total_float[i] >= 0 && sch.free_float[i] <= sch.total_float[i]);
        }
        // redundant dependencies exist in this random plan, and removing them keeps the length
        let red = s.redundant_dependencies().unwrap();
        assert!(!red.is_empty());
        let mut doc: Value = serde_json::from_str(&s.to_json().unwrap()).unwrap();
        for r in &red {
            let i: usize = r.path["measures[".len()..]
                .split(']')
                .next()
                .unwrap()
                .parse()
                .unwrap();
            let deps = doc["measures"][i]["depends_on"].as_array_mut().unwrap();
            deps.retain(|d| d.as_str() != Some(r.prerequisite.as_str()));
        }
        let reduced = Strategy::from_json(&doc.to_string()).unwrap();
        assert_eq!(
            reduced
                .schedule(&ScheduleOptions::default())
                .unwrap()
                .duration_days(),
            days
        );
        assert!(reduced.redundant_dependencies().unwrap().is_empty());
    }
}

#[test]
fn dsm_finds_the_generated_cycle() {
    for n in [1_000usize, 10_000] {
        let Some(plan) = generate(n, true) else {
            return;
        };
        let s = to_strategy(&plan);
        let mut cycle: Vec<String> = plan["meta"]["cycle"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_str().unwrap().to_owned())
            .collect();
        cycle.sort();
        let dsm = s.dsm().unwrap();
        assert_eq!(dsm.blocks.len(), 1);
        let mut members = dsm.blocks[0].members.clone();
        members.sort();
        assert_eq!(members, cycle);
        // one simple cycle: a single cut breaks it, and it is the recorded back edge
        let b = &dsm.blocks[0];
        assert_eq!(b.remaining_cyclic, 0);
        let cut = b.suggested_cut.as_ref().unwrap();
        assert_eq!(
            cut.prerequisite,
            plan["meta"]["back_edge"]["from"].as_str().unwrap()
        );
        assert_eq!(
            cut.measure,
            plan["meta"]["back_edge"]["to"].as_str().unwrap()
        );
        assert_eq!(dsm.order.len(), n);
    }
}
