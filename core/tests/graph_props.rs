//! Property tests of the dependency graph on random plans, against naive reference algorithms.

use eculture::Error;
use eculture::model::{Dependency, Document, Executors, Measure, Text};
use proptest::prelude::*;

fn doc(deps: &[Vec<usize>]) -> Document {
    let measures = deps
        .iter()
        .enumerate()
        .map(|(i, ds)| Measure {
            id: format!("m{i}").into(),
            direction: "D".into(),
            title: Text::english(format!("m{i}")),
            main_executor: Executors::one("o"),
            duration_days: Some(1),
            depends_on: ds
                .iter()
                .map(|&j| Dependency::fs(format!("m{j}")))
                .collect(),
            note: None,
            illustrative: eculture::model::Illustrative::all(),
            ..Measure::default()
        })
        .collect();
    let text = r#"{"strategy": {"id": "p", "title": {"az": "p", "en": "p"}, "period": {"start": "2024", "end": "2026"},
        "coordinating_body": "o", "monitoring_body": "q"},
        "organizations": [{"id": "o", "name": {"en": "o"}, "kind": "ministry"}, {"id": "q", "name": {"en": "q"}, "kind": "other"}],
        "directions": [{"id": "D", "title": {"en": "D"}}]}"#;
    let mut d: Document = serde_json::from_str(text).unwrap();
    d.measures = measures;
    d
}

/// Random DAG: measure i depends on some earlier measures, then the ids are permuted so that
/// document order is not a topological order.
fn dag() -> impl proptest::strategy::Strategy<Value = Vec<Vec<usize>>> {
    (1usize..40)
        .prop_flat_map(|n| {
            let deps = proptest::collection::vec(
                proptest::collection::vec(any::<prop::sample::Index>(), 0..4),
                n,
            );
            (deps, Just(n), any::<u64>())
        })
        .prop_map(|(raw, n, seed)| {
            // permutation from the seed
            let mut perm: Vec<usize> = (0..n).collect();
            let mut s = seed | 1;
            for i in (1..n).rev() {
                s ^= s << 13;
                s ^= s >> 7;
                s ^= s << 17;
                perm.swap(i, (s % (i as u64 + 1)) as usize);
            }
            let mut out = vec![Vec::new(); n];
            for (i, picks) in raw.iter().enumerate() {
                let mut ds: Vec<usize> = picks
                    .iter()
                    .filter(|_| i > 0)
                    .map(|ix| perm[ix.index(i)])
                    .collect();
                ds.sort_unstable();
                ds.dedup();
                out[perm[i]] = ds;
            }
            out
        })
}

fn reach(deps: &[Vec<usize>], from: usize) -> Vec<bool> {
    // naive: repeated relaxation over dependents
    let n = deps.len();
    let mut r = vec![false; n];
    let mut changed = true;
    while changed {
        changed = false;
        for v in 0..n {
            if !r[v] && deps[v].iter().any(|&p| p == from || r[p]) {
                r[v] = true;
                changed = true;
            }
        }
    }
    r
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn order_waves_and_impact_are_consistent(deps in dag()) {
        let s = eculture::Strategy::new(doc(&deps));
        prop_assert!(s.is_valid(), "{:?}", s.validate());
        let order = s.topological_order().unwrap();
        let pos = |id: &str| order.iter().position(|x| x == id).unwrap();
        prop_assert_eq!(order.len(), deps.len());
        for (v, ds) in deps.iter().enumerate() {
            for &p in ds {
                let (pp, pv) = (pos(&format!("m{p}")), pos(&format!("m{v}")));
                prop_assert!(pp < pv);
            }
        }
        // waves: partition, each measure one wave after its latest prerequisite
        let waves = s.waves().unwrap();
        let mut wave_of = vec![usize::MAX; deps.len()];
        for (k, w) in waves.iter().enumerate() {
            prop_assert!(!w.is_empty());
            for id in w {
                let v: usize = id[1..].parse().unwrap();
                prop_assert_eq!(wave_of[v], usize::MAX);
                wave_of[v] = k;
            }
            // document order inside a wave
            let idx: Vec<usize> = w.iter().map(|id| id[1..].parse().unwrap()).collect();
            prop_assert!(idx.windows(2).all(|p| p[0] < p[1]));
        }
        for (v, ds) in deps.iter().enumerate() {
            let expect = ds.iter().map(|&p| wave_of[p] + 1).max().unwrap_or(0);
            prop_assert_eq!(wave_of[v], expect);
        }
        // impact == naive reachability
        for from in 0..deps.len().min(5) {
            let r = reach(&deps, from);
            // document order
            let expect: Vec<String> = (0..deps.len()).filter(|&v| r[v]).map(|v| format!("m{v}")).collect();
            prop_assert_eq!(s.impact(&[format!("m{from}")]).unwrap(), expect);
        }
        prop_assert_eq!(s.find_cycle().unwrap(), None);
    }

    #[test]
    fn a_back_edge_is_always_reported_as_a_real_cycle(deps in dag(), a in any::<prop::sample::Index>(), b in any::<prop::sample::Index>()) {
        let n = deps.len();
        let (a, b) = (a.index(n), b.index(n));
        let r = reach(&deps, a);
        prop_assume!(r[b] || a == b);
        // b is downstream of a (or a itself): making a depend on b closes a cycle
        let mut cyclic = deps.clone();
        cyclic[a].push(b);
        let s = eculture::Strategy::new(doc(&cyclic));
        let cycle = match s.waves() {
            Err(Error::Cycle(c)) => c.cycle().to_vec(),
            other => return Err(TestCaseError::fail(format!("expected a cycle, got {other:?}"))),
        };
        prop_assert!(!cycle.is_empty());
        // every consecutive pair is a real dependency: next depends on previous
        let idx: Vec<usize> = cycle.iter().map(|id| id[1..].parse().unwrap()).collect();
        for k in 0..idx.len() {
            let (p, v) = (idx[k], idx[(k + 1) % idx.len()]);
            let real = cyclic[v].contains(&p);
            prop_assert!(real, "{:?} is not a cycle of {:?}", idx, cyclic);
        }
        prop_assert_eq!(s.find_cycle().unwrap().map(|c| c.len()).unwrap_or(0) > 0, true);
        prop_assert!(s.validate().iter().any(|d| d.code == eculture::Code::DependencyCycle));
    }
}
