//! Benchmarks of the core graph operations at country scale (1k to 1M measures, the shape of
//! `../shared/bench/gen_strategy.py`): load (parse + validate + index + graph), waves,
//! topological order, impact of 100 measures, cycle finding, cluster × module roll-up, MICMAC
//! (measure and direction levels).
//!
//! ```text
//! cargo bench -p eculture --bench graph -- --warm-up-time 1 --measurement-time 3
//! ECULTURE_BENCH_SIZES=1000,10000 cargo bench -p eculture --bench graph
//! ```
//!
//! The `hostile` group times the hostile shapes of `core/tests/support/hostile.rs` (the plans
//! of the bounded-work test) at n and 4n: loading, then every operation once. Linear work
//! shows as a ratio near 4 (`docs/robustness.md`, "Bounded work"):
//!
//! ```text
//! cargo bench -p eculture --bench graph -- hostile
//! ```

use std::hint::black_box;

use criterion::{BatchSize, BenchmarkId, Criterion, criterion_group, criterion_main};
use eculture::Strategy;
use eculture::micmac::{MicmacLevel, MicmacOptions};
use eculture::model::Dependency;

#[path = "plans/mod.rs"]
mod plans;

#[path = "../tests/support/hostile.rs"]
mod hostile;
use plans::{plan_json, sizes};

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("graph");
    group.sample_size(10);
    for n in sizes() {
        let text = plan_json(n, 1, false);
        group.bench_with_input(BenchmarkId::new("load_validate", n), &n, |b, _| {
            b.iter(|| {
                let s = Strategy::from_json(&text).unwrap();
                assert!(s.is_valid());
                black_box(s)
            })
        });
        let s = Strategy::from_json(&text).unwrap();
        drop(text);
        assert!(s.is_valid());
        group.bench_with_input(BenchmarkId::new("wave_index", n), &n, |b, _| {
            b.iter(|| black_box(s.wave_index().unwrap()))
        });
        group.bench_with_input(BenchmarkId::new("order_indices", n), &n, |b, _| {
            b.iter(|| black_box(s.order_indices().unwrap()))
        });
        let step = (n / 100).max(1);
        let sample: Vec<String> = (0..n.min(100))
            .map(|k| s.measure_id((k * step) as u32).unwrap().to_owned())
            .collect();
        group.bench_with_input(BenchmarkId::new("impact_x100", n), &n, |b, _| {
            b.iter(|| black_box(s.descendant_counts(&sample).unwrap()))
        });
        group.bench_with_input(BenchmarkId::new("rollup", n), &n, |b, _| {
            b.iter(|| black_box(s.rollup().unwrap()))
        });
        // MICMAC: sparse powers over the graph (measure level) and the direction matrix
        for level in [MicmacLevel::Measure, MicmacLevel::Direction] {
            let opts = MicmacOptions {
                level,
                influences: None,
            };
            let name = format!("micmac_{}", level.as_str());
            group.bench_with_input(BenchmarkId::new(name, n), &n, |b, _| {
                b.iter(|| black_box(s.micmac(&opts).unwrap()))
            });
        }
        // a cycle in the middle: the middle measure depends on one of its own descendants
        let mid = s.measure_id((n / 2) as u32).unwrap().to_owned();
        if let Some(&down) = s.impact_indices(&[&mid]).unwrap().last() {
            let mut doc = s.document().clone();
            let down_id = doc.measures[down as usize].id.clone();
            doc.measures[n / 2].depends_on.push(Dependency::fs(down_id));
            let cyclic = Strategy::new(doc);
            assert!(cyclic.find_cycle().unwrap().is_some());
            // from a graph whose order has not been computed yet: Kahn + the walk
            let g = cyclic.graph().unwrap().clone();
            group.bench_with_input(BenchmarkId::new("find_cycle", n), &n, |b, _| {
                b.iter_batched(
                    || g.clone(),
                    |g| black_box(g.find_cycle()),
                    BatchSize::LargeInput,
                )
            });
        }
    }
    group.finish();
}

/// Every operation once (results dropped), as the bounded-work test runs them.
fn every_operation(s: &Strategy, probe: &str) {
    use eculture::schedule::{DurationChange, RiskOptions, ScheduleOptions};
    let o = ScheduleOptions::default();
    let r = eculture::RenderOptions::default();
    black_box(s.validate());
    black_box(s.matrix().map(|m| (m.to_markdown(), m.to_csv())).ok());
    black_box(s.gaps().ok());
    black_box(s.waves().ok());
    black_box(s.topological_order().ok());
    black_box((s.find_cycle().ok(), s.cyclic_blocks().ok()));
    black_box((s.impact(&[probe]).ok(), s.ancestors(&[probe]).ok()));
    black_box(
        s.schedule(&o)
            .map(|x| (x.to_csv().ok(), x.to_json().ok(), x.to_mermaid().ok()))
            .ok(),
    );
    black_box(s.what_if(&o, &[DurationChange::duration(probe, 9)]).ok());
    black_box(s.rollout(&o).ok());
    black_box(s.dsm().ok());
    black_box(s.redundant_dependencies().ok());
    black_box(s.risk(&o, &RiskOptions { runs: 100, seed: 1 }).ok());
    black_box(s.heatmap_svg(&o, &r).ok());
    black_box(s.gantt_svg(&o, &r).ok());
    black_box(s.rollout_svg(&o, &r).ok());
    black_box(s.dsm_svg(&r).ok());
    black_box(s.to_dot(Some(&o), &r).ok());
    black_box(s.report_html(&o, &r));
    black_box(s.execution_rate(&Default::default()).ok());
    black_box(s.achievement(&Default::default()).ok());
    black_box(s.triage(&Default::default()));
    black_box(
        s.monitoring_report(&Default::default())
            .map(|m| (m.to_markdown(), m.to_html()))
            .ok(),
    );
}

fn hostile_shapes(c: &mut Criterion) {
    let mut group = c.benchmark_group("hostile");
    group.sample_size(10);
    type Shape = (&'static str, fn(usize) -> String, usize, &'static str);
    let shapes: [Shape; 10] = [
        ("fan_in", hostile::fan_in, 12_500, "m0"),
        ("fan_out", hostile::fan_out, 12_500, "src"),
        ("ladder", hostile::ladder, 250, "s"),
        ("chain", |n| hostile::chain(n, false), 50_000, "m0"),
        ("ring", |n| hostile::chain(n, true), 12_500, "m0"),
        (
            "requirement_clique",
            |n| hostile::requirement_clique(150, n),
            750,
            "m0",
        ),
        ("junction_cycle", hostile::junction_cycle, 750, "q0"),
        ("huge_id", hostile::huge_id, 10 << 18, "a"),
        ("duplicates", hostile::duplicates, 12_500, "dup"),
        (
            "wide_matrix",
            |n| hostile::wide_matrix(n, 1000, 2000),
            250,
            "m0",
        ),
    ];
    for (name, make, n, probe) in shapes {
        for n in [n, 4 * n] {
            let text = make(n);
            group.bench_with_input(BenchmarkId::new(format!("{name}/load"), n), &n, |b, _| {
                b.iter(|| black_box(Strategy::from_json(&text).unwrap()))
            });
            let s = Strategy::from_json(&text).unwrap();
            let _ = s.validate();
            group.bench_with_input(
                BenchmarkId::new(format!("{name}/every_op"), n),
                &n,
                |b, _| b.iter(|| every_operation(&s, probe)),
            );
        }
    }
    group.finish();
}

criterion_group!(benches, bench, hostile_shapes);
criterion_main!(benches);
