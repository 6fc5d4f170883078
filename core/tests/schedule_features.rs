//! Scheduling features: durations, constraints and deadlines, calendars, what-if, rollout,
//! redundant dependencies, DSM, risk, exports and typed errors.

use eculture::schedule::{
    Calendar, ChainStart, ChangeKind, DurationChange, RedundancyReason, RiskOptions,
    ScheduleOptions, Weekday,
};
use eculture::{CellState, Strategy};
use jiff::civil::date;
use serde_json::{Value, json};

fn doc_with(extra: Value, measures: Vec<Value>) -> Strategy {
    let mut doc = json!({
        "strategy": {"id": "t", "title": {"az": "t", "en": "t"},
                     "period": {"start": "2024-01-01", "end": "2026-12-31"}},
        "organizations": [{"id": "O", "name": {"en": "O"}, "kind": "ministry"}],
        "directions": [{"id": "D", "title": {"en": "D"}}],
        "measures": measures,
    });
    if let Value::Object(extra) = extra {
        for (k, v) in extra {
            doc[k] = v;
        }
    }
    Strategy::from_json(&doc.to_string()).unwrap()
}

fn plan(measures: Vec<Value>) -> Strategy {
    let s = doc_with(json!({}), measures);
    assert!(s.is_valid(), "{:?}", s.validate());
    s
}

fn m(id: &str, dur: i64, deps: Value) -> Value {
    json!({"id": id, "direction": "D", "title": {"en": id}, "main_executor": "O",
           "duration_days": dur, "depends_on": deps})
}

fn with(mut v: Value, key: &str, val: Value) -> Value {
    v[key] = val;
    v
}

fn bare(id: &str, deps: Value) -> Value {
    json!({"id": id, "direction": "D", "title": {"en": id}, "main_executor": "O",
           "depends_on": deps})
}

#[test]
fn duration_rule_window_and_milestones() {
    let s = plan(vec![
        // no duration, window 2024-02-01..2024-02-10 → 10 days
        with(
            with(bare("w", json!([])), "start", json!("2024-02-01")),
            "deadline",
            json!("2024-02-10"),
        ),
        // a quarter as deadline: 2024-Q1 ends 2024-03-31; start 2024-03 → 31 days
        with(
            with(bare("q", json!([])), "start", json!("2024-03")),
            "deadline",
            json!("2024-Q1"),
        ),
        // nothing: a milestone after `w`
        bare("ms", json!(["w"])),
        // only a deadline: a milestone too
        with(bare("dl", json!(["ms"])), "deadline", json!("2024-06-30")),
    ]);
    let sch = s.schedule(&ScheduleOptions::default()).unwrap();
    assert_eq!(sch.durations, [10, 31, 0, 0]);
    assert_eq!(sch.early_start[0], 31);
    assert_eq!(sch.early_finish[0], 41);
    let r = sch.records().unwrap();
    assert_eq!(r[0].early_start_date, date(2024, 2, 1));
    assert_eq!(r[0].early_finish_date, date(2024, 2, 10));
    // a milestone after a task shows the task's last day, like MS Project
    assert_eq!(r[2].early_start, 41);
    assert_eq!(r[2].early_start_date, date(2024, 2, 10));
    assert_eq!(r[2].early_finish_date, date(2024, 2, 10));
}

#[test]
fn start_constraint_and_pinned_milestone() {
    let s = plan(vec![
        m("a", 5, json!([])),
        with(m("b", 3, json!(["a"])), "start", json!("2024-02-01")),
        with(bare("kick", json!([])), "start", json!("2024-01-15")),
    ]);
    let sch = s.schedule(&ScheduleOptions::default()).unwrap();
    assert_eq!(sch.early_start[1], 31);
    let r = sch.records().unwrap();
    assert_eq!(r[1].early_start_date, date(2024, 2, 1));
    // a milestone held by its own start shows that start
    assert_eq!(r[2].early_start, 14);
    assert_eq!(r[2].early_start_date, date(2024, 1, 15));
    // b is held by its constraint: a can slip until b's start without moving anything
    assert_eq!(sch.duration_days(), 34);
    assert_eq!(sch.total_float, [26, 0, 20]);
    assert_eq!(sch.free_float, [26, 0, 20]);
}

#[test]
fn infeasible_deadline_has_negative_float_and_a_driving_chain() {
    let s = plan(vec![
        with(m("a", 20, json!([])), "start", json!("2024-01-11")),
        m("side", 3, json!([])),
        m("b", 15, json!(["a", "side"])),
        with(m("c", 10, json!(["b"])), "deadline", json!("2024-02-15")),
        m("d", 2, json!(["c"])),
    ]);
    let sch = s.schedule(&ScheduleOptions::default()).unwrap();
    // a starts at 10, b 30..45, c 45..55; the deadline's exclusive offset is 46
    assert_eq!(sch.early_finish[3], 55);
    assert_eq!(sch.total_float[3], -9);
    assert_eq!(sch.total_float[2], -9);
    assert_eq!(sch.total_float[0], -9);
    assert!(sch.critical[0] && sch.critical[2] && sch.critical[3]);
    assert_eq!(sch.total_float[4], 0);
    let inf = sch.infeasible_deadlines();
    assert_eq!(inf.len(), 1);
    assert_eq!(inf[0].id, "c");
    assert_eq!(inf[0].days_late, 9);
    assert_eq!(inf[0].deadline, date(2024, 2, 15));
    assert_eq!(inf[0].early_finish_date, date(2024, 2, 24));
    assert_eq!(inf[0].chain, ["a", "b", "c"]);
    assert_eq!(inf[0].driven_by, ChainStart::StartConstraint);
    // free float never negative, never above a non-negative total float
    for i in 0..sch.len() {
        assert!(sch.free_float[i] >= 0);
        assert!(sch.total_float[i] < 0 || sch.free_float[i] <= sch.total_float[i]);
    }
}

#[test]
fn must_finish_by_gives_project_float() {
    let s = plan(vec![m("a", 10, json!([])), m("b", 10, json!(["a"]))]);
    let opts = ScheduleOptions {
        must_finish_by: Some(date(2024, 1, 31)),
        ..ScheduleOptions::default()
    };
    let sch = s.schedule(&opts).unwrap();
    assert_eq!(sch.total_float, [11, 11]);
    assert_eq!(sch.free_float, [0, 0]);
    let late = ScheduleOptions {
        must_finish_by: Some(date(2024, 1, 15)),
        ..ScheduleOptions::default()
    };
    assert_eq!(s.schedule(&late).unwrap().total_float, [-5, -5]);
}

#[test]
fn critical_paths_keep_ties_and_report_truncation() {
    // a diamond of diamonds: 2 × 2 = 4 tied paths
    let s = plan(vec![
        m("s", 1, json!([])),
        m("x1", 2, json!(["s"])),
        m("x2", 2, json!(["s"])),
        m("mid", 1, json!(["x1", "x2"])),
        m("y1", 3, json!(["mid"])),
        m("y2", 3, json!(["mid"])),
        m("e", 1, json!(["y1", "y2"])),
        m("slack", 1, json!(["s"])),
    ]);
    let sch = s.schedule(&ScheduleOptions::default()).unwrap();
    assert_eq!(sch.critical_paths().len(), 4);
    assert!(!sch.critical_paths_truncated);
    assert_eq!(sch.critical_paths()[0], ["s", "x1", "mid", "y1", "e"]);
    let opts = ScheduleOptions {
        max_critical_paths: 3,
        near_critical_days: 10,
        ..ScheduleOptions::default()
    };
    let sch = s.schedule(&opts).unwrap();
    assert_eq!(sch.critical_path_indices.len(), 3);
    assert!(sch.critical_paths_truncated);
    assert_eq!(sch.near_critical(), ["slack"]);
}

#[test]
fn calendars_count_working_days() {
    let s = plan(vec![
        m("a", 5, json!([])),
        m("b", 3, json!([{"id": "a", "type": "FS", "lag_days": 1}])),
    ]);
    // 2024-01-01 is a Monday
    let sch = s
        .schedule(&ScheduleOptions::with_calendar(Calendar::weekdays()))
        .unwrap();
    let r = sch.records().unwrap();
    assert_eq!(r[0].early_finish_date, date(2024, 1, 5));
    // one working day of lag: Monday 8th is skipped, b runs Tue 9th .. Thu 11th
    assert_eq!(r[1].early_start_date, date(2024, 1, 9));
    assert_eq!(r[1].early_finish_date, date(2024, 1, 11));
    assert_eq!(sch.finish_date().unwrap(), date(2024, 1, 11));
    // an empty calendar is the calendar-day schedule
    let all = s
        .schedule(&ScheduleOptions::with_calendar(Calendar::default()))
        .unwrap();
    let plain = s.schedule(&ScheduleOptions::default()).unwrap();
    assert_eq!(all.early_start, plain.early_start);
    assert_eq!(all.records().unwrap(), plain.records().unwrap());
}

#[test]
fn azerbaijan_example_calendar() {
    let s = plan(vec![with(
        m("a", 5, json!([])),
        "start",
        json!("2025-03-19"),
    )]);
    let opts = ScheduleOptions::with_calendar(Calendar::azerbaijan_example());
    let r = s.schedule(&opts).unwrap().records().unwrap();
    // Wed 19 Mar works; Novruz 20–24 and the moved days 25–26; Thu 27, Fri 28 work; the weekend;
    // Ramadan 31 Mar and the moved 1 Apr; Wed 2, Thu 3 Apr work.
    assert_eq!(r[0].early_start_date, date(2025, 3, 19));
    assert_eq!(r[0].early_finish_date, date(2025, 4, 3));
    let cal = Calendar::azerbaijan_example();
    assert!(cal.weekend.contains(&Weekday::Saturday));
    assert!(cal.is_working_day(date(2025, 1, 20)));
}

#[test]
fn typed_located_errors() {
    let s = plan(vec![m("a", 5, json!([]))]);
    let bad = ScheduleOptions::with_calendar(Calendar::new(Weekday::ALL.to_vec(), vec![]));
    let e = s.schedule(&bad).unwrap_err();
    assert_eq!(e.code(), "schedule_error");
    assert_eq!(e.location().as_deref(), Some("calendar.weekend"));
    assert!(
        matches!(e, eculture::Error::Schedule(ref x) if x.kind() == eculture::ScheduleErrorKind::NoWorkingDays)
    );

    // a cycle
    let c = doc_with(
        json!({}),
        vec![m("a", 1, json!(["b"])), m("b", 1, json!(["a"]))],
    );
    let e = c.schedule(&ScheduleOptions::default()).unwrap_err();
    assert_eq!(e.code(), "dependency_cycle");
    assert!(e.location().is_some());

    // optimistic > pessimistic
    let est = doc_with(
        json!({}),
        vec![with(
            m("a", 1, json!([])),
            "estimate",
            json!({"optimistic": 5.0, "most_likely": 3.0, "pessimistic": 1.0}),
        )],
    );
    let e = est
        .risk(&ScheduleOptions::default(), &RiskOptions::default())
        .unwrap_err();
    assert_eq!(e.code(), "validation_error");
    assert_eq!(e.location().as_deref(), Some("measures[0].estimate"));

    // unknown id and an impossible shortening in a what-if
    let e = s
        .what_if(
            &ScheduleOptions::default(),
            &[DurationChange::duration("zz", 1)],
        )
        .unwrap_err();
    assert_eq!(e.code(), "invalid_argument");
    assert_eq!(e.location().as_deref(), Some("changes[0].id"));
    let e = s
        .what_if(
            &ScheduleOptions::default(),
            &[DurationChange::duration("a", -6)],
        )
        .unwrap_err();
    assert_eq!(e.location().as_deref(), Some("changes[0].days"));
    let e = s
        .risk(
            &ScheduleOptions::default(),
            &RiskOptions { runs: 0, seed: 1 },
        )
        .unwrap_err();
    assert_eq!(e.location().as_deref(), Some("runs"));

    // dates beyond year 9999: offsets are fine, records say where it breaks
    let far = plan(vec![
        m("a", 36_500, json!([])),
        m("b", 36_500, json!(["a"])),
        m("c", 36_500, json!(["b"])),
    ]);
    let mut chain = vec![m("x0", 36_500, json!([]))];
    for k in 1..80 {
        chain.push(m(&format!("x{k}"), 36_500, json!([format!("x{}", k - 1)])));
    }
    let far2 = plan(chain);
    assert_eq!(
        far.schedule(&ScheduleOptions::default())
            .unwrap()
            .duration_days(),
        109_500
    );
    let sch = far2.schedule(&ScheduleOptions::default()).unwrap();
    assert_eq!(sch.duration_days(), 80 * 36_500);
    let e = sch.records().unwrap_err();
    assert_eq!(e.code(), "schedule_error");
    assert!(e.location().unwrap().starts_with("measures["));
}

fn matrix_plan() -> Strategy {
    let extra = json!({
        "clusters": [{"id": "museums", "title": {"en": "Museums"}},
                     {"id": "libraries", "title": {"en": "Libraries"}}],
        "modules": [{"id": "registry", "title": {"en": "Registry"}, "applies_to": {"all": true}},
                    {"id": "ticketing", "title": {"en": "Ticketing"}, "applies_to": {"clusters": ["museums"]}},
                    {"id": "catalogue", "title": {"en": "Catalogue"}, "applies_to": {"all": true}}]
    });
    let s = doc_with(
        extra,
        vec![
            with(
                m("reg", 60, json!([])),
                "targets",
                json!([{"module": "registry"}]),
            ),
            with(
                with(
                    m("tix", 120, json!(["reg"])),
                    "targets",
                    json!([{"module": "ticketing"}]),
                ),
                "deadline",
                json!("2024-07-31"),
            ),
            with(
                m("cat", 400, json!(["reg"])),
                "targets",
                json!([{"module": "catalogue", "clusters": ["museums"]}]),
            ),
        ],
    );
    assert!(s.is_valid(), "{:?}", s.validate());
    s
}

#[test]
fn what_if_reports_finish_deadlines_float_and_cells() {
    let s = matrix_plan();
    let opts = ScheduleOptions::default();
    let base = s.schedule(&opts).unwrap();
    assert_eq!(base.early_finish, [60, 180, 460]);
    // tix's deadline 2024-07-31 → exclusive offset 213: met with 33 days to spare
    let w = s
        .what_if(&opts, &[DurationChange::duration("reg", 40)])
        .unwrap();
    assert_eq!(w.baseline_duration_days, 460);
    assert_eq!(w.duration_days, 500);
    assert_eq!(w.missed_deadlines.len(), 1);
    let miss = &w.missed_deadlines[0];
    assert_eq!(
        (miss.id.as_str(), miss.days_late, miss.baseline_days_late),
        ("tix", 7, -33)
    );
    assert!(miss.newly_missed);
    assert_eq!(w.newly_missed().count(), 1);
    // every measure moved; reg consumed no float (it is critical), tix consumed 40 of its 280
    let tix = w.float_changes.iter().find(|f| f.id == "tix").unwrap();
    assert_eq!((tix.baseline_total_float, tix.total_float), (33, -7));
    assert_eq!(tix.consumed, 40);
    // registry (both clusters), ticketing (museums), catalogue (museums) all move by 40
    let cells: Vec<(&str, &str, i64)> = w
        .moved_cells
        .iter()
        .map(|c| (c.cluster.as_str(), c.module.as_str(), c.delta_days))
        .collect();
    assert_eq!(
        cells,
        [
            ("museums", "registry", 40),
            ("museums", "ticketing", 40),
            ("museums", "catalogue", 40),
            ("libraries", "registry", 40)
        ]
    );
    // a start slip of a non-critical measure within its float moves no finish
    let w = s
        .what_if(
            &opts,
            &[DurationChange {
                id: "tix".into(),
                days: 10,
                kind: ChangeKind::Start,
            }],
        )
        .unwrap();
    assert_eq!(w.finish_delta_days, 0);
    assert!(w.missed_deadlines.is_empty());
    assert_eq!(w.moved_cells.len(), 1);
    // the strategy is unchanged
    assert_eq!(s.schedule(&opts).unwrap(), base);
}

#[test]
fn rollout_by_quarter() {
    let s = matrix_plan();
    let r = s.rollout(&ScheduleOptions::default()).unwrap();
    assert_eq!(r.quarters.len(), 12);
    assert_eq!(r.quarters[0].label, "2024-Q1");
    assert_eq!(r.quarters[0].end, date(2024, 3, 31));
    assert_eq!(r.quarters[11].end, date(2026, 12, 31));
    let cell = |c: &str, m: &str| {
        r.cells
            .iter()
            .find(|x| x.cluster == c && x.module == m)
            .unwrap()
    };
    assert_eq!(
        cell("museums", "registry").finish_date,
        Some(date(2024, 2, 29))
    );
    assert_eq!(
        cell("museums", "ticketing").finish_date,
        Some(date(2024, 6, 28))
    );
    assert_eq!(
        cell("libraries", "ticketing").state,
        CellState::NotApplicable
    );
    assert_eq!(cell("libraries", "catalogue").state, CellState::Gap);
    assert_eq!(cell("libraries", "catalogue").finish, None);
    let museums = &r.clusters[0];
    assert_eq!(museums.applicable, 3);
    // Q1 registry; Q2 + ticketing; catalogue finishes 2025-04-04 (Q2 2025)
    assert_eq!(&museums.delivered[..6], &[1, 2, 2, 2, 2, 3]);
    assert_eq!(museums.share[0], Some(1.0 / 3.0));
    let libraries = &r.clusters[1];
    assert_eq!(libraries.applicable, 2);
    assert_eq!(libraries.delivered_eventually, 1);
    assert_eq!(*libraries.share.last().unwrap(), Some(0.5));
}

#[test]
fn redundant_dependencies_match_r_criticalpath() {
    // R criticalpath test-cpt-is_redundant.R (Vanhoucke 2009 p. 18 with extra relations):
    // redundant 1→8, 4→7, 6→11; every other relation is not.
    let succ: &[(&str, &[&str])] = &[
        ("a1", &["a2", "a3", "a4", "a8"]),
        ("a2", &["a5"]),
        ("a3", &["a10"]),
        ("a4", &["a6", "a7"]),
        ("a5", &["a9"]),
        ("a6", &["a7", "a11"]),
        ("a7", &["a8", "a11"]),
        ("a8", &["a12"]),
        ("a9", &["a12"]),
        ("a10", &["a12"]),
        ("a11", &["a12"]),
        ("a12", &[]),
    ];
    let measures = succ
        .iter()
        .map(|&(id, _)| {
            let preds: Vec<&str> = succ
                .iter()
                .filter(|(_, s)| s.contains(&id))
                .map(|(p, _)| *p)
                .collect();
            m(id, 1, json!(preds))
        })
        .collect();
    let s = plan(measures);
    let red = s.redundant_dependencies().unwrap();
    let pairs: Vec<(&str, &str)> = red
        .iter()
        .map(|r| (r.prerequisite.as_str(), r.measure.as_str()))
        .collect();
    assert_eq!(pairs, [("a4", "a7"), ("a1", "a8"), ("a6", "a11")]);
    assert!(
        red.iter()
            .all(|r| r.reason == RedundancyReason::ImpliedByPath)
    );
    assert_eq!(red[0].via.as_deref(), Some("a6"));
    assert_eq!(red[0].path, "measures[6].depends_on[0]");
}

#[test]
fn redundancy_reasons_duplicate_and_requirement() {
    let extra = json!({
        "clusters": [{"id": "c", "title": {"en": "c"}}],
        "modules": [{"id": "A", "title": {"en": "A"}, "applies_to": {"all": true}},
                    {"id": "B", "title": {"en": "B"}, "applies_to": {"all": true}, "requires": ["A"]}]
    });
    let s = doc_with(
        extra,
        vec![
            with(m("pa", 5, json!([])), "targets", json!([{"module": "A"}])),
            with(
                m("pb", 5, json!(["pa", "pa"])),
                "targets",
                json!([{"module": "B"}]),
            ),
        ],
    );
    let red = s.redundant_dependencies().unwrap();
    let reasons: Vec<_> = red.iter().map(|r| (r.path.as_str(), r.reason)).collect();
    assert_eq!(
        reasons,
        [
            (
                "measures[1].depends_on[0]",
                RedundancyReason::ImpliedByRequirement
            ),
            (
                "measures[1].depends_on[1]",
                RedundancyReason::ImpliedByRequirement
            )
        ]
    );
}

#[test]
fn dsm_sequences_blocks_and_suggests_a_cut() {
    // x → a → b → c → a (cycle), c → d; e independent; b also depends on e
    let s = doc_with(
        json!({}),
        vec![
            m("a", 1, json!(["x", "c"])),
            m("b", 1, json!(["a", "e"])),
            m("c", 1, json!(["b"])),
            m("d", 1, json!(["c"])),
            m("x", 1, json!([])),
            m("e", 1, json!([])),
        ],
    );
    assert!(s.schedule(&ScheduleOptions::default()).is_err());
    let dsm = s.dsm().unwrap();
    assert_eq!(dsm.order[..2], ["x", "e"]);
    assert_eq!(dsm.order[5], "d");
    assert_eq!(dsm.blocks.len(), 1);
    let b = &dsm.blocks[0];
    assert_eq!(b.start, 2);
    let mut members = b.members.clone();
    members.sort();
    assert_eq!(members, ["a", "b", "c"]);
    assert_eq!(b.dependencies, 3);
    assert!(b.exhaustive);
    assert_eq!(b.remaining_cyclic, 0);
    let cut = b.suggested_cut.as_ref().unwrap();
    // the tear edge of the block order is cut: a's dependency on c (a back reference)
    assert_eq!(
        (cut.measure.as_str(), cut.prerequisite.as_str()),
        ("a", "c")
    );
    assert_eq!(cut.path.as_deref(), Some("measures[0].depends_on[1]"));
    assert_eq!(b.tear.len(), 1);
    assert_eq!(dsm.feedback_marks, 1);
    assert_eq!(dsm.marks.len(), 6);
    // an acyclic plan: the DSM order is the topological order, no feedback
    let p = plan(vec![
        m("p", 1, json!([])),
        m("q", 1, json!(["p"])),
        m("r", 1, json!([])),
    ]);
    let dsm = p.dsm().unwrap();
    assert_eq!(dsm.order, p.topological_order().unwrap());
    assert!(dsm.blocks.is_empty());
    assert_eq!(dsm.feedback_marks, 0);
}

#[test]
fn risk_is_seeded_and_consistent() {
    let e = |id: &str, a: f64, mm: f64, b: f64, deps: Value| {
        with(
            m(id, mm as i64, deps),
            "estimate",
            json!({"optimistic": a, "most_likely": mm, "pessimistic": b}),
        )
    };
    let s = plan(vec![
        e("a", 10.0, 20.0, 60.0, json!([])),
        e("b", 5.0, 10.0, 30.0, json!([])),
        with(
            e("c", 100.0, 200.0, 400.0, json!(["a", "b"])),
            "deadline",
            json!("2024-09-30"),
        ),
        m("fixed", 30, json!(["c"])),
    ]);
    let opts = ScheduleOptions::default();
    let ro = RiskOptions {
        runs: 5_000,
        seed: 42,
    };
    let r1 = s.risk(&opts, &ro).unwrap();
    let r2 = s.risk(&opts, &ro).unwrap();
    assert_eq!(r1, r2);
    assert_eq!(
        serde_json::to_string(&r1).unwrap(),
        serde_json::to_string(&r2).unwrap()
    );
    let r3 = s
        .risk(
            &opts,
            &RiskOptions {
                runs: 5_000,
                seed: 43,
            },
        )
        .unwrap();
    assert_ne!(r1.monte_carlo.mean_days, r3.monte_carlo.mean_days);
    let mc = &r1.monte_carlo;
    // triangular means: a 30, c 233.3, fixed 30 → about 293.3 (+ merge bias)
    assert!((mc.mean_days - 294.0).abs() < 5.0, "{}", mc.mean_days);
    let p: Vec<i64> = mc.percentiles.iter().map(|x| x.days).collect();
    assert!(p[0] <= p[1] && p[1] <= p[2]);
    assert_eq!(mc.deadlines.len(), 1);
    assert!(mc.deadlines[0].probability > 0.0 && mc.deadlines[0].probability < 1.0);
    assert!(mc.criticality[3] == 1.0 && mc.criticality[2] == 1.0);
    assert!(mc.criticality[0] > 0.9 && mc.criticality[1] < 0.1);
    assert_eq!(mc.probability_by_strategy_end, 1.0);
    assert_eq!(r1.deterministic_days, 250);
    let recs = r1.records();
    assert_eq!(recs[3].id, "fixed");
    assert!(!recs[3].has_estimate && recs[3].sigma == 0.0);
}

#[test]
fn exports() {
    let s = plan(vec![
        m("=cmd", 3, json!([])),
        m("b: two", 2, json!(["=cmd"])),
        bare("end", json!(["b: two"])),
        m("side", 1, json!([])),
    ]);
    let sch = s.schedule(&ScheduleOptions::default()).unwrap();
    let csv = sch.to_csv().unwrap();
    let mut lines = csv.lines();
    assert_eq!(
        lines.next().unwrap(),
        "id,duration,early_start,early_finish,late_start,late_finish,total_float,free_float,critical,early_start_date,early_finish_date,late_start_date,late_finish_date,illustrative"
    );
    assert_eq!(
        lines.next().unwrap(),
        "'=cmd,3,0,3,0,3,0,0,true,2024-01-01,2024-01-03,2024-01-01,2024-01-03,"
    );
    let mermaid = sch.to_mermaid().unwrap();
    assert!(mermaid.starts_with("gantt\n"));
    assert!(mermaid.contains("    =cmd :crit, t0, 2024-01-01, 2024-01-04\n"));
    assert!(mermaid.contains("    b  two :crit, t1, 2024-01-04, 2024-01-06\n"));
    assert!(mermaid.contains("    end :crit, milestone, t2, 2024-01-05, 0d\n"));
    assert!(mermaid.contains("    side :t3, 2024-01-01, 2024-01-02\n"));
    let json: Value = serde_json::from_str(&sch.to_json().unwrap()).unwrap();
    assert_eq!(json["duration_days"], 5);
    assert_eq!(json["finish_date"], "2024-01-05");
    assert_eq!(json["records"][0]["early_finish_date"], "2024-01-03");
    assert_eq!(json["critical_paths"][0], json!(["=cmd", "b: two", "end"]));
    // the columnar DTO round-trips through serde
    let text = serde_json::to_string(&sch).unwrap();
    let back: eculture::Schedule = serde_json::from_str(&text).unwrap();
    assert_eq!(back, sch);
    // options accept partial input
    let o: ScheduleOptions =
        serde_json::from_str(r#"{"near_critical_days": 9, "start": "2024-02-01"}"#).unwrap();
    assert_eq!(o.near_critical_days, 9);
    assert_eq!(o.start, Some(date(2024, 2, 1)));
    let o: ScheduleOptions = serde_json::from_str(
        r#"{"calendar": {"weekend": ["saturday", "sunday"], "holidays": ["2024-01-02"]}}"#,
    )
    .unwrap();
    assert_eq!(o.calendar.unwrap().holidays, [date(2024, 1, 2)]);
}

#[test]
fn project_start_option_and_empty_plan() {
    let s = plan(vec![m("a", 2, json!([]))]);
    let opts = ScheduleOptions {
        start: Some(date(2025, 6, 1)),
        ..ScheduleOptions::default()
    };
    let r = s.schedule(&opts).unwrap().records().unwrap();
    assert_eq!(r[0].early_start_date, date(2025, 6, 1));
    let empty = plan(vec![]);
    let sch = empty.schedule(&ScheduleOptions::default()).unwrap();
    assert!(sch.is_empty());
    assert_eq!(sch.duration_days(), 0);
    assert_eq!(sch.finish_date().unwrap(), date(2024, 1, 1));
    assert!(sch.critical_paths().is_empty());
}

#[test]
fn derived_requirements_through_a_junction() {
    // 3 measures deliver module A to cluster c, 3 deliver B, and B requires A: the derived
    // dependencies go through one junction node (3 + 3 edges instead of 9).
    let extra = json!({
        "clusters": [{"id": "c", "title": {"en": "c"}}],
        "modules": [{"id": "A", "title": {"en": "A"}, "applies_to": {"all": true}},
                    {"id": "B", "title": {"en": "B"}, "applies_to": {"all": true}, "requires": ["A"]}]
    });
    let t = |id: &str, d: i64, module: &str| {
        with(m(id, d, json!([])), "targets", json!([{"module": module}]))
    };
    let s = doc_with(
        extra,
        vec![
            t("a1", 5, "A"),
            t("a2", 9, "A"),
            t("a3", 7, "A"),
            t("b1", 4, "B"),
            t("b2", 6, "B"),
            t("b3", 2, "B"),
        ],
    );
    assert!(s.is_valid(), "{:?}", s.validate());
    assert!(
        s.graph().unwrap().node_count() > 6,
        "a junction node is expected"
    );
    let sch = s.schedule(&ScheduleOptions::default()).unwrap();
    assert_eq!(sch.early_start, [0, 0, 0, 9, 9, 9]);
    assert_eq!(sch.duration_days(), 15);
    assert_eq!(sch.total_float, [4, 0, 2, 2, 0, 4]);
    // free float through the junction: a1 can slip 4 days before it moves any B measure
    assert_eq!(sch.free_float, [4, 0, 2, 2, 0, 4]);
    assert_eq!(sch.critical_paths(), vec![vec!["a2", "b2"]]);
    let w = s
        .what_if(
            &ScheduleOptions::default(),
            &[DurationChange::duration("a3", 5)],
        )
        .unwrap();
    assert_eq!(w.duration_days, 18);
    let cells: Vec<(&str, i64)> = w
        .moved_cells
        .iter()
        .map(|c| (c.module.as_str(), c.delta_days))
        .collect();
    assert_eq!(cells, [("A", 3), ("B", 3)]);
}

/// What-if changes on a forecast from a status date: the forecast keeps its baseline (found by
/// the bad-input corpus when the Gantt chart began drawing what-if changes: the records of such a
/// schedule indexed an empty baseline).
#[test]
fn what_if_on_a_forecast_keeps_the_baseline() {
    let s = eculture::Strategy::e_culture();
    let opts =
        eculture::api::schedule_options(serde_json::json!({"status_date": "2025-12-31"})).unwrap();
    let plain = s.schedule(&opts).unwrap();
    let id = plain.critical_ids()[0].to_owned();
    let moved = s
        .schedule_with_changes(
            &opts,
            &[eculture::schedule::DurationChange::duration(&id, 20)],
        )
        .unwrap();
    let (a, b) = (plain.records().unwrap(), moved.records().unwrap());
    assert_eq!(a.len(), b.len());
    let k = a.iter().position(|r| r.id == id).unwrap();
    assert_eq!(a[k].baseline_finish_date, b[k].baseline_finish_date);
    assert!(b[k].baseline_finish_date.is_some());
    // no changes: exactly the schedule
    assert_eq!(
        s.schedule_with_changes(&opts, &[])
            .unwrap()
            .records()
            .unwrap(),
        a
    );
}
