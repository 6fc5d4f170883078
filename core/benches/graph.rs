//! Benchmarks of the core graph operations at country scale (1k to 1M measures, the shape of
//! `../shared/bench/gen_strategy.py`): load (parse + validate + index + graph), waves,
//! topological order, impact of 100 measures, cycle finding, cluster × module roll-up.
//!
//! ```text
//! cargo bench -p eculture --bench graph -- --warm-up-time 1 --measurement-time 3
//! ECULTURE_BENCH_SIZES=1000,10000 cargo bench -p eculture --bench graph
//! ```

use std::hint::black_box;

use criterion::{BatchSize, BenchmarkId, Criterion, criterion_group, criterion_main};
use eculture::Strategy;
use eculture::model::Dependency;

#[path = "plans/mod.rs"]
mod plans;
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

criterion_group!(benches, bench);
criterion_main!(benches);
