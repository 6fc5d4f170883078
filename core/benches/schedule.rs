//! Scheduling benchmarks on generated plans of 1k, 10k, 100k and 1M measures with the shape of
//! `../shared/bench/gen_strategy.py` (seeded ChaCha8 in place of Python's Mersenne Twister, so
//! the plans are alike in distribution, not byte for byte): each measure depends on U{0..5}
//! earlier measures, 90 % local picks (offset 1 + Exp(mean 20)), 10 % uniform long edges;
//! durations round(lognormal(2.8, 0.8)) clamped to 1..90; 10 clusters weighted U(0.5, 2), each
//! preferring 6 of 30 modules (70 %); a start-no-earlier-than date on 15 % of measures.
//!
//! ```text
//! cargo bench -p eculture --bench schedule -- --warm-up-time 1 --measurement-time 3
//! ECULTURE_BENCH_SIZES=1000,10000 cargo bench -p eculture --bench schedule
//! ```
//!
//! `schedule/cpm` is `Strategy::schedule` with one critical path: the scope of the compiled
//! bound in `../shared/bench/README.md` (topological order + forward/backward pass + floats +
//! one critical path), plus reading durations and constraints from the document and building
//! the columnar result. `schedule/full` lists up to 20 tied critical paths (the default).
//! `schedule/cpm_shuffled` is the same plan with the measures listed in random order (Kahn's
//! sort runs and memory access loses its locality). `schedule/cpm_chain/10000` is the published
//! WebAssembly anchor's plan (`plans::chain_json`), with the default options, as the page calls it.

use std::hint::black_box;
use std::time::Instant;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use eculture::Strategy;
use eculture::schedule::{RiskOptions, ScheduleOptions};

#[path = "plans/mod.rs"]
mod plans;
use plans::{chain_json, plan_json, sizes};

fn bench(c: &mut Criterion) {
    let one = ScheduleOptions {
        max_critical_paths: 1,
        ..ScheduleOptions::default()
    };
    let full = ScheduleOptions::default();
    let mut group = c.benchmark_group("schedule");
    group.sample_size(10);
    {
        // the published WebAssembly anchor's plan: a 10,000-task chain (DHTMLX Planning Engine
        // 13.6 ms in Rust, 22.3 ms in WASM); the browser test times the same plan in the page's
        // WebAssembly build (docs/performance.md, "CPM in WebAssembly")
        let s = Strategy::from_json(&chain_json(10_000)).unwrap();
        let sch = s.schedule(&full).unwrap();
        eprintln!("chain 10000: project {} days", sch.duration_days());
        group.bench_function("cpm_chain/10000", |b| {
            b.iter(|| black_box(s.schedule(&full).unwrap()))
        });
    }
    for n in sizes() {
        let t0 = Instant::now();
        let text = plan_json(n, 1, false);
        let s = Strategy::from_json(&text).unwrap();
        drop(text);
        assert!(s.is_valid(), "{:?}", s.validate().first());
        let sch = s.schedule(&one).unwrap();
        eprintln!(
            "plan {n}: {} edges, project {} days, {} zero-float measures, setup {:.2?}",
            s.graph().unwrap().edge_count(),
            sch.duration_days(),
            sch.total_float.iter().filter(|&&t| t == 0).count(),
            t0.elapsed()
        );
        group.bench_with_input(BenchmarkId::new("cpm", n), &n, |b, _| {
            b.iter(|| black_box(s.schedule(&one).unwrap()))
        });
        group.bench_with_input(BenchmarkId::new("full", n), &n, |b, _| {
            b.iter(|| black_box(s.schedule(&full).unwrap()))
        });
        {
            // the same plan with the measures listed in random order: Kahn's sort is needed and
            // memory access loses its locality
            let shuffled = Strategy::from_json(&plan_json(n, 1, true)).unwrap();
            assert_eq!(
                shuffled.schedule(&one).unwrap().duration_days(),
                sch.duration_days()
            );
            group.bench_with_input(BenchmarkId::new("cpm_shuffled", n), &n, |b, _| {
                b.iter(|| black_box(shuffled.schedule(&one).unwrap()))
            });
        }
        if n <= 100_000 {
            group.bench_with_input(BenchmarkId::new("redundant", n), &n, |b, _| {
                b.iter(|| black_box(s.redundant_dependencies().unwrap()))
            });
            group.bench_with_input(BenchmarkId::new("dsm", n), &n, |b, _| {
                b.iter(|| black_box(s.dsm().unwrap()))
            });
        }
        if n <= 10_000 {
            let ro = RiskOptions { runs: 100, seed: 1 };
            group.bench_with_input(BenchmarkId::new("risk_100_runs", n), &n, |b, _| {
                b.iter(|| black_box(s.risk(&full, &ro).unwrap()))
            });
        }
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
