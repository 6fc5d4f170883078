//! Property tests of the scheduling engine on random networks.

use std::collections::{BTreeMap, BTreeSet};

use eculture::Strategy;
use eculture::schedule::{
    Calendar, DurationChange, RedundancyReason, RiskOptions, Schedule, ScheduleOptions, Weekday,
};
use proptest::prelude::*;
use proptest::strategy::Strategy as _;
use serde_json::{Value, json};

const KINDS: [&str; 4] = ["FS", "SS", "FF", "SF"];

#[derive(Debug, Clone)]
struct Net {
    dur: Vec<i64>,
    /// deps[i]: (prerequisite j < i, relation, lag)
    deps: Vec<Vec<(usize, &'static str, i64)>>,
    /// Document position k holds node perm[k].
    perm: Vec<usize>,
    /// Optional deadline (exclusive day offset from 2024-01-01) per node.
    deadline: Vec<Option<i64>>,
}

fn net(
    pdm: bool,
    lags: std::ops::RangeInclusive<i64>,
    deadlines: bool,
) -> impl proptest::strategy::Strategy<Value = Net> {
    (1usize..28)
        .prop_flat_map(move |n| {
            let kinds = if pdm { 0usize..4 } else { 0usize..1 };
            (
                proptest::collection::vec(0i64..12, n),
                proptest::collection::vec(
                    proptest::collection::vec(
                        (any::<prop::sample::Index>(), kinds, lags.clone()),
                        0..4,
                    ),
                    n,
                ),
                Just((0..n).collect::<Vec<usize>>()).prop_shuffle(),
                proptest::collection::vec(proptest::option::weighted(0.3, 1i64..80), n),
            )
        })
        .prop_map(move |(dur, raw, perm, mut deadline)| {
            if !deadlines {
                deadline.iter_mut().for_each(|d| *d = None);
            }
            let deps = raw
                .into_iter()
                .enumerate()
                .map(|(i, ds)| {
                    let mut seen = BTreeSet::new();
                    ds.into_iter()
                        .filter_map(|(ix, k, lag)| {
                            if i == 0 {
                                return None;
                            }
                            let j = ix.index(i);
                            seen.insert(j).then_some((j, KINDS[k], lag))
                        })
                        .collect()
                })
                .collect();
            Net {
                dur,
                deps,
                perm,
                deadline,
            }
        })
}

fn header(measures: Vec<Value>) -> Strategy {
    let doc = json!({
        "strategy": {"id": "p", "title": {"az": "p", "en": "p"},
                     "period": {"start": "2024-01-01", "end": "2026-12-31"}},
        "organizations": [{"id": "O", "name": {"en": "O"}, "kind": "ministry"}],
        "directions": [{"id": "D", "title": {"en": "D"}}],
        "measures": measures,
    });
    Strategy::from_json(&doc.to_string()).unwrap()
}

fn strategy_of(n: &Net, order: &[usize]) -> Strategy {
    let start = jiff::civil::date(2024, 1, 1);
    let measures = order
        .iter()
        .map(|&i| {
            let deps: Vec<Value> = n.deps[i]
                .iter()
                .map(|&(j, k, lag)| json!({"id": format!("n{j}"), "type": k, "lag_days": lag}))
                .collect();
            let mut v = json!({"id": format!("n{i}"), "direction": "D", "title": {"en": "x"},
                               "main_executor": "O", "duration_days": n.dur[i], "depends_on": deps});
            if let Some(dl) = n.deadline[i] {
                let d = start.checked_add(jiff::Span::new().days(dl - 1)).unwrap();
                v["deadline"] = json!(d.to_string());
            }
            v
        })
        .collect();
    header(measures)
}

/// es, ef, ls, lf, total float, free float, critical
type Row = (i32, i32, i32, i32, i32, i32, bool);

fn by_id(s: &Schedule) -> BTreeMap<String, Row> {
    (0..s.len())
        .map(|i| {
            (
                s.ids[i].to_string(),
                (
                    s.early_start[i],
                    s.early_finish[i],
                    s.late_start[i],
                    s.late_finish[i],
                    s.total_float[i],
                    s.free_float[i],
                    s.critical[i],
                ),
            )
        })
        .collect()
}

/// Slack of relation `kind` with `lag` between p and s in the given dates.
fn slack(kind: &str, lag: i64, ps: i32, pf: i32, ss: i32, sf: i32) -> i64 {
    let (ps, pf, ss, sf) = (i64::from(ps), i64::from(pf), i64::from(ss), i64::from(sf));
    match kind {
        "FS" => ss - lag - pf,
        "SS" => ss - lag - ps,
        "FF" => sf - lag - pf,
        _ => sf - lag - ps,
    }
}

fn check_invariants(n: &Net, s: &Schedule, deadlines_bind: bool) -> Result<(), TestCaseError> {
    let row: BTreeMap<String, usize> = (0..s.len()).map(|i| (s.ids[i].to_string(), i)).collect();
    let t = s.duration_days();
    prop_assert_eq!(
        t,
        i64::from(s.early_finish.iter().copied().max().unwrap_or(0))
    );
    for i in 0..s.len() {
        let (es, ef, ls, lf) = (
            s.early_start[i],
            s.early_finish[i],
            s.late_start[i],
            s.late_finish[i],
        );
        let t32 = t as i32;
        prop_assert!(es >= 0);
        prop_assert_eq!(ef - es, s.durations[i]);
        prop_assert_eq!(lf - ls, s.durations[i]);
        prop_assert_eq!(s.total_float[i], lf - ef);
        prop_assert_eq!(s.total_float[i], ls - es);
        prop_assert!(lf <= t32);
        prop_assert!(s.free_float[i] >= 0);
        if !deadlines_bind {
            prop_assert!(es <= ls);
            prop_assert!(s.total_float[i] >= 0);
            prop_assert!(s.free_float[i] <= s.total_float[i]);
        } else if s.total_float[i] >= 0 {
            prop_assert!(s.free_float[i] <= s.total_float[i]);
        }
        prop_assert_eq!(s.critical[i], s.total_float[i] <= 0);
    }
    // every relation holds in the early and in the late schedule
    for (i, deps) in n.deps.iter().enumerate() {
        let si = row[&format!("n{i}")];
        for &(j, k, lag) in deps {
            let pi = row[&format!("n{j}")];
            prop_assert!(
                slack(
                    k,
                    lag,
                    s.early_start[pi],
                    s.early_finish[pi],
                    s.early_start[si],
                    s.early_finish[si]
                ) >= 0
            );
            prop_assert!(
                slack(
                    k,
                    lag,
                    s.late_start[pi],
                    s.late_finish[pi],
                    s.late_start[si],
                    s.late_finish[si]
                ) >= 0
            );
        }
    }
    // critical paths: start at 0, every step binds, end at the finish, zero float throughout
    if !s.is_empty() {
        prop_assert!(!s.critical_path_indices.is_empty());
    }
    for path in &s.critical_path_indices {
        let first = path[0] as usize;
        let last = *path.last().unwrap() as usize;
        prop_assert_eq!(s.early_start[first], 0);
        prop_assert_eq!(i64::from(s.early_finish[last]), t);
        for w in path.windows(2) {
            let (p, q) = (w[0] as usize, w[1] as usize);
            let (pid, qid) = (s.ids[p].to_string(), s.ids[q].to_string());
            let qn: usize = qid[1..].parse().unwrap();
            let pn: usize = pid[1..].parse().unwrap();
            let binds = n.deps[qn].iter().any(|&(j, k, lag)| {
                j == pn
                    && slack(
                        k,
                        lag,
                        s.early_start[p],
                        s.early_finish[p],
                        s.early_start[q],
                        s.early_finish[q],
                    ) == 0
            });
            prop_assert!(binds, "{} -> {} does not drive", pid, qid);
        }
        if !deadlines_bind {
            for &r in path {
                prop_assert_eq!(s.total_float[r as usize], 0);
            }
        }
    }
    Ok(())
}

/// Every critical path by brute force: each chain of driving relations from a measure with no
/// driving prerequisite to a measure that finishes at the project finish and drives no other
/// measure finishing there. `None` when there are more than `most`.
fn all_critical_paths(n: &Net, s: &Schedule, most: usize) -> Option<BTreeSet<Vec<String>>> {
    let row: BTreeMap<String, usize> = (0..s.len()).map(|i| (s.ids[i].to_string(), i)).collect();
    let node = |r: usize| -> usize { s.ids[r][1..].parse().unwrap() };
    let finish = s.duration_days() as i32;
    let mut drives: Vec<Vec<usize>> = vec![Vec::new(); s.len()];
    let mut edges = Vec::new();
    for q in 0..s.len() {
        for &(j, k, lag) in &n.deps[node(q)] {
            let p = row[&format!("n{j}")];
            let sl = slack(
                k,
                lag,
                s.early_start[p],
                s.early_finish[p],
                s.early_start[q],
                s.early_finish[q],
            );
            if sl == 0 && !drives[p].contains(&q) {
                drives[p].push(q);
                edges.push(q);
            }
        }
    }
    let driven: BTreeSet<usize> = edges.into_iter().collect();
    let at_finish = |r: usize| s.early_finish[r] == finish;
    let is_end = |r: usize| at_finish(r) && !drives[r].iter().any(|&q| at_finish(q));
    let mut out = BTreeSet::new();
    let mut stack: Vec<Vec<usize>> = (0..s.len())
        .filter(|r| !driven.contains(r))
        .map(|r| vec![r])
        .collect();
    while let Some(path) = stack.pop() {
        let last = *path.last().unwrap();
        if is_end(last) {
            out.insert(path.iter().map(|&r| s.ids[r].to_string()).collect());
            if out.len() > most {
                return None;
            }
        }
        for &q in &drives[last] {
            let mut next = path.clone();
            next.push(q);
            stack.push(next);
        }
    }
    Some(out)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    /// The critical paths listed are all of them (brute force), the first being the smallest in
    /// document order, with relation types, lags, deadlines and a project deadline earlier or
    /// later than the finish.
    #[test]
    fn critical_paths_are_complete(n in net(true, -6..=6, true), late in proptest::option::of(-20i64..40)) {
        let s = strategy_of(&n, &n.perm);
        prop_assume!(s.is_valid());
        let mut opts = ScheduleOptions { max_critical_paths: 500, ..ScheduleOptions::default() };
        let t = s.schedule(&opts).unwrap().duration_days();
        if let Some(k) = late {
            let end = (t + k).max(1);
            opts.must_finish_by =
                Some(jiff::civil::date(2024, 1, 1).checked_add(jiff::Span::new().days(end - 1)).unwrap());
        }
        let sch = s.schedule(&opts).unwrap();
        prop_assume!(!sch.critical_paths_truncated);
        let Some(expected) = all_critical_paths(&n, &sch, 500) else {
            return Ok(());
        };
        let listed: BTreeSet<Vec<String>> = sch
            .critical_paths()
            .iter()
            .map(|p| p.iter().map(|x| x.to_string()).collect())
            .collect();
        // the first is the greedy path: the smallest in document order
        let row: BTreeMap<String, usize> = (0..sch.len()).map(|i| (sch.ids[i].to_string(), i)).collect();
        let rows = |p: &Vec<String>| p.iter().map(|x| row[x]).collect::<Vec<usize>>();
        let smallest = expected.iter().map(rows).min();
        let first = sch.critical_paths().first().map(|p| p.iter().map(|x| row[&x.to_string()]).collect::<Vec<usize>>());
        prop_assert_eq!(first, smallest);
        prop_assert_eq!(listed, expected);
    }

    /// Early ≤ late, float ≥ 0 and free float ≤ total float without deadlines, every relation
    /// holds in both schedules, and every critical path runs from offset 0 to the project
    /// finish along driving relations through zero-float measures.
    #[test]
    fn cpm_invariants_pdm(n in net(true, -6..=6, false)) {
        let s = strategy_of(&n, &n.perm).schedule(&ScheduleOptions::default()).unwrap();
        check_invariants(&n, &s, false)?;
    }

    /// Results do not depend on the document order (the tie-break).
    #[test]
    fn independent_of_tie_break(n in net(true, -6..=6, true)) {
        let natural: Vec<usize> = (0..n.dur.len()).collect();
        prop_assume!(strategy_of(&n, &natural).is_valid());
        let a = strategy_of(&n, &natural).schedule(&ScheduleOptions::default()).unwrap();
        let b = strategy_of(&n, &n.perm).schedule(&ScheduleOptions::default()).unwrap();
        prop_assert_eq!(by_id(&a), by_id(&b));
        prop_assert_eq!(a.duration_days(), b.duration_days());
        if !a.critical_paths_truncated && !b.critical_paths_truncated {
            let pa: BTreeSet<Vec<String>> = a.critical_paths().iter().map(|p| p.iter().map(|x| x.to_string()).collect()).collect();
            let pb: BTreeSet<Vec<String>> = b.critical_paths().iter().map(|p| p.iter().map(|x| x.to_string()).collect()).collect();
            prop_assert_eq!(pa, pb);
        }
        let ia: BTreeSet<String> = a.infeasible_deadlines().iter().map(|d| d.id.clone()).collect();
        let ib: BTreeSet<String> = b.infeasible_deadlines().iter().map(|d| d.id.clone()).collect();
        prop_assert_eq!(ia, ib);
    }

    /// With deadlines: float is bounded by each deadline, and the infeasible list is exactly
    /// the measures finishing after theirs.
    #[test]
    fn deadlines_bound_float(n in net(true, -6..=6, true)) {
        let s = strategy_of(&n, &n.perm);
        prop_assume!(s.is_valid());
        let sch = s.schedule(&ScheduleOptions::default()).unwrap();
        check_invariants(&n, &sch, true)?;
        let mut late = BTreeSet::new();
        for c in &sch.deadlines {
            let i = c.index as usize;
            prop_assert!(sch.late_finish[i] <= c.offset);
            if sch.early_finish[i] > c.offset {
                late.insert(sch.ids[i].to_string());
            }
        }
        let listed: BTreeSet<String> = sch.infeasible_deadlines().iter().map(|d| d.id.clone()).collect();
        prop_assert_eq!(listed, late);
        for d in sch.infeasible_deadlines() {
            prop_assert_eq!(d.chain.last().unwrap(), &d.id);
            let r = sch.row(&d.id).unwrap();
            prop_assert!(i64::from(sch.total_float[r]) <= -d.days_late);
        }
    }

    /// Finish-to-start networks: the critical path length (durations + lags) equals the project
    /// length, and the zero-float measures are exactly those on critical paths.
    #[test]
    fn fs_critical_path_length(n in net(false, 0..=5, false)) {
        let s = strategy_of(&n, &n.perm).schedule(&ScheduleOptions::default()).unwrap();
        check_invariants(&n, &s, false)?;
        prop_assume!(!s.critical_paths_truncated);
        let mut on_path = BTreeSet::new();
        for path in &s.critical_path_indices {
            let mut len = 0i64;
            for (k, &r) in path.iter().enumerate() {
                len += i64::from(s.durations[r as usize]);
                on_path.insert(r as usize);
                if k > 0 {
                    let q: usize = s.ids[r as usize][1..].parse().unwrap();
                    let p: usize = s.ids[path[k - 1] as usize][1..].parse().unwrap();
                    len += n.deps[q].iter().find(|d| d.0 == p).unwrap().2;
                }
            }
            prop_assert_eq!(len, s.duration_days());
        }
        let zero: BTreeSet<usize> = (0..s.len()).filter(|&i| s.total_float[i] == 0).collect();
        prop_assert_eq!(zero, on_path);
    }

    /// What-if on a finish-to-start network: lengthening a measure by k moves the finish to
    /// max(T, T − TF + k), and consumes min(k, TF) of its own float.
    #[test]
    fn what_if_delay(n in net(false, 0..=5, false), pick in any::<prop::sample::Index>(), k in 0i64..30) {
        let s = strategy_of(&n, &n.perm);
        let opts = ScheduleOptions::default();
        let base = s.schedule(&opts).unwrap();
        let r = pick.index(base.len());
        let id = base.ids[r].to_string();
        let w = s.what_if(&opts, &[DurationChange::duration(id.clone(), k)]).unwrap();
        let t = base.duration_days();
        let tf = i64::from(base.total_float[r]);
        prop_assert_eq!(w.duration_days, t.max(t - tf + k));
        let consumed = w.float_changes.iter().find(|f| f.id == id).map(|f| f.consumed).unwrap_or(0);
        prop_assert_eq!(consumed, k.min(tf));
        let again = s.schedule(&opts).unwrap();
        prop_assert_eq!(again, base);
    }

    /// Redundant dependencies agree with a brute-force search for another path.
    #[test]
    fn redundancy_matches_brute_force(n in net(false, 0..=0, false)) {
        let s = strategy_of(&n, &n.perm);
        let red: BTreeSet<(usize, usize)> = s
            .redundant_dependencies()
            .unwrap()
            .iter()
            .map(|r| {
                prop_assert!(r.reason == RedundancyReason::ImpliedByPath);
                Ok((r.prerequisite[1..].parse().unwrap(), r.measure[1..].parse().unwrap()))
            })
            .collect::<Result<_, TestCaseError>>()?;
        let nn = n.dur.len();
        let mut succ = vec![Vec::new(); nn];
        for (i, ds) in n.deps.iter().enumerate() {
            for &(j, _, _) in ds {
                succ[j].push(i);
            }
        }
        let reach = |from: usize, to: usize| {
            let mut seen = vec![false; nn];
            let mut stack = vec![from];
            while let Some(v) = stack.pop() {
                if v == to {
                    return true;
                }
                for &w in &succ[v] {
                    if !seen[w] {
                        seen[w] = true;
                        stack.push(w);
                    }
                }
            }
            false
        };
        let mut brute = BTreeSet::new();
        for (i, ds) in n.deps.iter().enumerate() {
            for &(j, _, _) in ds {
                if succ[j].iter().any(|&q| q != i && reach(q, i)) {
                    brute.insert((j, i));
                }
            }
        }
        prop_assert_eq!(red, brute);
    }

    /// DSM on random plans with cycles: a permutation of the measures, blocks = cyclic
    /// components, feedback only inside blocks, and cutting each block's tear set removes
    /// every cycle.
    #[test]
    fn dsm_on_cyclic_plans(n in 1usize..18, raw in proptest::collection::vec((any::<prop::sample::Index>(), any::<prop::sample::Index>()), 0..40)) {
        let mut deps: Vec<BTreeSet<usize>> = vec![BTreeSet::new(); n];
        for (a, b) in &raw {
            deps[a.index(n)].insert(b.index(n));
        }
        let build = |deps: &Vec<BTreeSet<usize>>| {
            header((0..n).map(|i| json!({"id": format!("n{i}"), "direction": "D", "title": {"en": "x"},
                "main_executor": "O", "duration_days": 1,
                "depends_on": deps[i].iter().map(|j| format!("n{j}")).collect::<Vec<_>>()})).collect())
        };
        let s = build(&deps);
        let dsm = s.dsm().unwrap();
        let mut sorted = dsm.order.clone();
        sorted.sort();
        let mut all: Vec<String> = (0..n).map(|i| format!("n{i}")).collect();
        all.sort();
        prop_assert_eq!(sorted, all);
        let mut blocks: Vec<BTreeSet<String>> = dsm.blocks.iter().map(|b| b.members.iter().cloned().collect()).collect();
        blocks.sort();
        let mut expect: Vec<BTreeSet<String>> = s.cyclic_blocks().unwrap().into_iter().map(|b| b.into_iter().collect()).collect();
        expect.sort();
        prop_assert_eq!(blocks, expect);
        let block_of: BTreeMap<u32, usize> = dsm.blocks.iter().enumerate()
            .flat_map(|(k, b)| (b.start..b.start + b.members.len() as u32).map(move |r| (r, k))).collect();
        for mk in &dsm.marks {
            if mk.col >= mk.row {
                prop_assert!(block_of.contains_key(&mk.row) && block_of.get(&mk.row) == block_of.get(&mk.col));
            }
        }
        let mut cut = deps.clone();
        for b in &dsm.blocks {
            prop_assert!(b.suggested_cut.is_some());
            for t in &b.tear {
                let i: usize = t.measure[1..].parse().unwrap();
                let j: usize = t.prerequisite[1..].parse().unwrap();
                cut[i].remove(&j);
            }
        }
        prop_assert!(build(&cut).find_cycle().unwrap().is_none());
    }

    /// Monte-Carlo with degenerate estimates (a = m = b) reproduces the deterministic schedule,
    /// and a seed reproduces its numbers exactly.
    #[test]
    fn risk_degenerate_estimates(n in net(true, -3..=3, false), seed in any::<u64>()) {
        let s0 = strategy_of(&n, &n.perm);
        let mut doc: Value = serde_json::from_str(&s0.to_json().unwrap()).unwrap();
        for m in doc["measures"].as_array_mut().unwrap() {
            let d = m["duration_days"].as_f64().unwrap();
            m["estimate"] = json!({"optimistic": d, "most_likely": d, "pessimistic": d});
        }
        let s = Strategy::from_json(&doc.to_string()).unwrap();
        let opts = ScheduleOptions::default();
        let ro = RiskOptions { runs: 20, seed };
        let r = s.risk(&opts, &ro).unwrap();
        prop_assert_eq!(&r, &s.risk(&opts, &ro).unwrap());
        let sch = s.schedule(&opts).unwrap();
        let t = sch.duration_days();
        prop_assert!((r.monte_carlo.mean_days - t as f64).abs() < 1e-9);
        prop_assert!((r.pert.expected_days - t as f64).abs() < 1e-9);
        prop_assert_eq!(r.pert.sigma_days, 0.0);
        for p in &r.monte_carlo.percentiles {
            prop_assert_eq!(p.days, t);
        }
        for i in 0..sch.len() {
            let c = r.monte_carlo.criticality[i];
            prop_assert_eq!(c, if sch.total_float[i] == 0 { 1.0 } else { 0.0 });
        }
    }

    /// Under a random calendar every date is a working day and a measure spans exactly its
    /// duration in working days.
    #[test]
    fn calendar_dates_are_working_days(
        n in net(true, -3..=3, false),
        weekend in proptest::collection::btree_set(0usize..7, 0..6),
        holidays in proptest::collection::vec(0i64..200, 0..25),
    ) {
        let start = jiff::civil::date(2024, 1, 1);
        let cal = Calendar {
            name: None,
            weekend: weekend.iter().map(|&w| Weekday::ALL[w]).collect(),
            holidays: holidays.iter().map(|&d| start.checked_add(jiff::Span::new().days(d)).unwrap()).collect(),
            extra_working_days: vec![],
        };
        let s = strategy_of(&n, &n.perm);
        let sch = s.schedule(&ScheduleOptions::with_calendar(cal.clone())).unwrap();
        check_invariants(&n, &sch, false)?;
        for r in sch.records().unwrap() {
            prop_assert!(cal.is_working_day(r.early_start_date));
            prop_assert!(cal.is_working_day(r.early_finish_date));
            prop_assert!(cal.is_working_day(r.late_start_date));
            prop_assert!(cal.is_working_day(r.late_finish_date));
            if r.duration > 0 {
                let mut d = r.early_start_date;
                let mut count = 0;
                while d <= r.early_finish_date {
                    count += i64::from(cal.is_working_day(d));
                    d = d.tomorrow().unwrap();
                }
                prop_assert_eq!(count, r.duration);
            }
        }
    }
}
