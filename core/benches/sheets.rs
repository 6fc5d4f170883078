//! Reading an action plan from XLSX (issue 19, point 6): the benchmark generator's plan of
//! 1,000 and 10,000 measures (`plans::plan_json`, seed 1) written by `Strategy::to_xlsx` and read
//! back by `Strategy::from_xlsx`. `bench/spreadsheets.py` sets the same read against pandas
//! (openpyxl) and a bare calamine read in one process; this bench is for profiling and for
//! comparing one build with another.
//!
//! ```text
//! cargo bench -p eculture --bench sheets -- --warm-up-time 1 --measurement-time 5
//! ECULTURE_BENCH_SIZES=10000 cargo bench -p eculture --bench sheets -- --profile-time 20
//! ```

use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use eculture::Strategy;

#[path = "plans/mod.rs"]
mod plans;
use plans::plan_json;

fn from_xlsx(c: &mut Criterion) {
    // 1,000 and 10,000 unless ECULTURE_BENCH_SIZES says otherwise
    let sizes = if std::env::var_os("ECULTURE_BENCH_SIZES").is_some() {
        plans::sizes()
    } else {
        vec![1_000, 10_000]
    };
    let mut g = c.benchmark_group("sheets");
    g.sample_size(10);
    for n in sizes {
        let s = Strategy::from_json(&plan_json(n, 1, false)).unwrap();
        let bytes = s.to_xlsx().unwrap();
        let back = Strategy::from_xlsx(&bytes, None, None).unwrap();
        assert!(back.document() == s.document(), "lossless");
        g.throughput(Throughput::Elements(n as u64));
        g.bench_with_input(BenchmarkId::new("from_xlsx", n), &bytes, |b, bytes| {
            b.iter(|| Strategy::from_xlsx(black_box(bytes), None, None).unwrap())
        });
    }
    g.finish();
}

criterion_group!(benches, from_xlsx);
criterion_main!(benches);
