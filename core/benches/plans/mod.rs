//! Generated plans shaped like `../shared/bench/gen_strategy.py`, shared by the benchmarks.
//! Seeded ChaCha8 stands in for Python's Mersenne Twister, so the plans are alike in
//! distribution, not byte for byte.

use std::fmt::Write as _;

use rand_chacha::ChaCha8Rng;
use rand_chacha::rand_core::{RngCore, SeedableRng};

struct Rng(ChaCha8Rng);

impl Rng {
    fn new(seed: u64) -> Rng {
        let mut s = seed;
        let mut key = [0u8; 32];
        for chunk in key.chunks_exact_mut(8) {
            s = s.wrapping_add(0x9E37_79B9_7F4A_7C15);
            let mut z = s;
            z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
            chunk.copy_from_slice(&(z ^ (z >> 31)).to_le_bytes());
        }
        Rng(ChaCha8Rng::from_seed(key))
    }
    fn random(&mut self) -> f64 {
        (self.0.next_u64() >> 11) as f64 * (1.0 / 9_007_199_254_740_992.0)
    }
    fn below(&mut self, n: usize) -> usize {
        ((self.random() * n as f64) as usize).min(n - 1)
    }
    fn normal(&mut self) -> f64 {
        let u1 = 1.0 - self.random();
        let u2 = self.random();
        (-2.0 * u1.ln()).sqrt() * (std::f64::consts::TAU * u2).cos()
    }
}

/// A plan of `n` measures as eculture JSON; with `shuffle`, the measures are written in a random
/// order (same plan, but document order is no longer a topological order).
pub fn plan_json(n: usize, seed: u64, shuffle: bool) -> String {
    const N_CL: usize = 10;
    const N_MOD: usize = 30;
    let mut rng = Rng::new(seed);
    let preferred: Vec<Vec<usize>> = (0..N_CL)
        .map(|_| {
            let mut all: Vec<usize> = (0..N_MOD).collect();
            for i in 0..6 {
                let j = i + rng.below(N_MOD - i);
                all.swap(i, j);
            }
            all[..6].to_vec()
        })
        .collect();
    let weights: Vec<f64> = (0..N_CL).map(|_| 0.5 + 1.5 * rng.random()).collect();
    let total: f64 = weights.iter().sum();
    let width = 6.max(n.to_string().len());
    let epoch = jiff::civil::date(2024, 1, 1);

    let mut out = String::with_capacity(n * 160);
    out.push_str(r#"{"strategy":{"id":"bench","title":{"az":"b","en":"b"},"period":{"start":"2024-01-01","end":"2026-12-31"}},"#);
    out.push_str(r#""organizations":[{"id":"O","name":{"en":"O"},"kind":"ministry"}],"directions":[{"id":"D","title":{"en":"D"}}],"clusters":["#);
    for c in 0..N_CL {
        let _ = write!(
            out,
            r#"{}{{"id":"C{}","title":{{"en":"C{}"}}}}"#,
            if c > 0 { "," } else { "" },
            c + 1,
            c + 1
        );
    }
    out.push_str(r#"],"modules":["#);
    for m in 0..N_MOD {
        let _ = write!(
            out,
            r#"{}{{"id":"M{}","title":{{"en":"M{}"}},"applies_to":{{"all":true}}}}"#,
            if m > 0 { "," } else { "" },
            m + 1,
            m + 1
        );
    }
    out.push_str(r#"],"measures":["#);
    let mut records: Vec<String> = Vec::with_capacity(if shuffle { n } else { 0 });
    let mut rec = String::new();
    let mut chosen: Vec<usize> = Vec::with_capacity(5);
    for i in 0..n {
        let k = if i > 0 { rng.below(6).min(i) } else { 0 };
        chosen.clear();
        let mut tries = 0;
        while chosen.len() < k && tries < 50 {
            tries += 1;
            let j = if rng.random() < 0.10 {
                rng.below(i)
            } else {
                let off = (-(1.0 - rng.random()).ln() * 20.0) as usize;
                if off + 1 > i {
                    rng.below(i)
                } else {
                    i - 1 - off
                }
            };
            if !chosen.contains(&j) {
                chosen.push(j);
            }
        }
        chosen.sort_unstable();
        let dur = ((2.8 + 0.8 * rng.normal()).exp().round() as i64).clamp(1, 90);
        let mut r = rng.random() * total;
        let mut c = N_CL - 1;
        for (ci, w) in weights.iter().enumerate() {
            if r < *w {
                c = ci;
                break;
            }
            r -= w;
        }
        let m = if rng.random() < 0.7 {
            preferred[c][rng.below(6)]
        } else {
            rng.below(N_MOD)
        };
        rec.clear();
        let _ = write!(
            rec,
            r#"{{"id":"m{i:0width$}","direction":"D","title":{{"en":"m"}},"main_executor":"O","duration_days":{dur},"depends_on":["#
        );
        for (q, j) in chosen.iter().enumerate() {
            let _ = write!(rec, r#"{}"m{j:0width$}""#, if q > 0 { "," } else { "" });
        }
        let _ = write!(
            rec,
            r#"],"targets":[{{"module":"M{}","clusters":["C{}"]}}]"#,
            m + 1,
            c + 1
        );
        if rng.random() < 0.15 {
            let d = epoch
                .checked_add(jiff::Span::new().days(rng.below(731) as i64))
                .unwrap();
            let _ = write!(rec, r#","start":"{d}""#);
        }
        rec.push('}');
        if shuffle {
            records.push(rec.clone());
        } else {
            if i > 0 {
                out.push(',');
            }
            out.push_str(&rec);
        }
    }
    if shuffle {
        for i in (1..n).rev() {
            let j = rng.below(i + 1);
            records.swap(i, j);
        }
        out.push_str(&records.join(","));
    }
    out.push_str("]}");
    out
}

pub fn sizes() -> Vec<usize> {
    std::env::var("ECULTURE_BENCH_SIZES")
        .ok()
        .map(|s| s.split(',').filter_map(|x| x.trim().parse().ok()).collect())
        .unwrap_or_else(|| vec![1_000, 10_000, 100_000, 1_000_000])
}

/// The published anchor's plan (DHTMLX Planning Engine, 10,000-task chain CPM): `n` measures,
/// each finish-to-start after the one before, durations 1..5 days in turn (`1 + i % 5`), one
/// direction and one executor. `wasm/tests/browser_test.mjs` builds the same text in the
/// browser (`chainJson`), so native and WebAssembly schedule the same plan.
#[allow(dead_code)] // the schedule bench's only
pub fn chain_json(n: usize) -> String {
    let mut out = String::with_capacity(n * 110);
    out.push_str(r#"{"strategy":{"id":"chain","title":{"en":"chain"},"period":{"start":"2024-01-01","end":"2026-12-31"}},"organizations":[{"id":"O","name":{"en":"O"},"kind":"ministry"}],"directions":[{"id":"D","title":{"en":"D"}}],"measures":["#);
    for i in 0..n {
        let _ = write!(
            out,
            r#"{}{{"id":"t{i}","direction":"D","title":{{"en":"t"}},"main_executor":"O","duration_days":{},"depends_on":[{}]}}"#,
            if i > 0 { "," } else { "" },
            1 + i % 5,
            if i > 0 {
                format!(r#""t{}""#, i - 1)
            } else {
                String::new()
            }
        );
    }
    out.push_str("]}");
    out
}
