//! Schedule risk: PERT figures and a seeded Monte-Carlo simulation.
//!
//! **PERT.** Per measure `te = (a + 4m + b) / 6` and `σ = (b − a) / 6` from its three-point
//! `estimate` (measures without one keep their duration, σ = 0). The project's expected length
//! is the CPM length with `te` durations; its σ is the square root of the summed variances
//! along the critical path (when several paths tie, the one with the largest variance). The
//! probability of finishing by a date is the normal approximation `Φ((D − T) / σ)`.
//!
//! **Monte-Carlo.** Each run samples every estimated duration from the **triangular**
//! distribution `(a, m, b)` by inverse transform, in a fixed order (run by run, measures in
//! document order), from a ChaCha8 stream seeded with the user's `u64` (expanded to 32 bytes
//! with SplitMix64), then runs the CPM passes in `f64`. Only `+ − × ÷` and `sqrt` are used, all
//! correctly rounded in IEEE 754, so the same seed gives bit-identical numbers on every platform,
//! wasm32 included. (PERT-beta sampling would need `ln`/`exp`, whose last bit differs between
//! platform math libraries.)

use jiff::civil::Date;
use rand_chacha::ChaCha8Rng;
use rand_chacha::rand_core::{RngCore, SeedableRng};
use serde::{Deserialize, Serialize};

use super::cpm::{self, F64_EPS, NodeTimes};
use super::{ScheduleInput, ScheduleOptions, WorkingDays, dates};
use crate::error::{ArgumentError, Result, ScheduleError, ScheduleErrorKind};
use crate::model::Status;
use crate::model::{Estimate, Id};
use crate::strategy::Strategy;

/// Largest number of Monte-Carlo runs accepted.
pub const MAX_RUNS: u32 = 1_000_000;

/// Options of the risk analysis.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub struct RiskOptions {
    /// Monte-Carlo runs (1..=1,000,000). Default 2,000.
    pub runs: u32,
    /// Seed of the random stream. Default 1.
    pub seed: u64,
}

impl Default for RiskOptions {
    fn default() -> Self {
        RiskOptions {
            runs: 2_000,
            seed: 1,
        }
    }
}

/// The PERT view of the project.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub struct PertSummary {
    /// Expected project length (CPM with `te` durations).
    pub expected_days: f64,
    /// Standard deviation along the critical path.
    pub sigma_days: f64,
    /// The critical path used for σ (measure ids, first to last).
    pub critical_path: Vec<String>,
    /// `Φ((strategy_end_offset − expected_days) / σ)`.
    pub probability_by_strategy_end: f64,
}

/// A percentile of the simulated finish.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub struct FinishPercentile {
    /// 50, 80 or 95.
    pub percent: u32,
    /// Exclusive finish offset (whole days) reached in at least `percent` % of the runs.
    pub days: i64,
    /// Its date (last day of work).
    #[serde(with = "dates::iso")]
    #[cfg_attr(feature = "wasm", tsify(type = "string"))]
    pub date: Date,
}

/// The chance of meeting one deadline.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub struct DeadlineProbability {
    /// Measure id.
    pub id: String,
    /// The deadline.
    #[serde(with = "dates::iso")]
    #[cfg_attr(feature = "wasm", tsify(type = "string"))]
    pub deadline: Date,
    /// Share of runs in which the measure finishes by it.
    pub probability: f64,
}

/// Monte-Carlo results.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub struct MonteCarlo {
    /// Runs.
    pub runs: u32,
    /// Seed.
    pub seed: u64,
    /// Sampling distribution: `triangular`.
    pub sampling: String,
    /// Share of runs finishing by the end of the strategy period.
    pub probability_by_strategy_end: f64,
    /// Mean project length (days, fractional).
    pub mean_days: f64,
    /// Standard deviation of the project length.
    pub std_days: f64,
    /// P50, P80 and P95 of the finish.
    pub percentiles: Vec<FinishPercentile>,
    /// Per measure with a deadline (document order).
    pub deadlines: Vec<DeadlineProbability>,
    /// Criticality index per measure (rows as [`Risk::ids`]): share of runs in which it lies on
    /// a longest path (zero total float against that run's own finish).
    pub criticality: Vec<f64>,
}

/// One measure's risk figures.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub struct RiskRecord {
    /// Measure id.
    pub id: String,
    /// True when the measure has a three-point estimate.
    pub has_estimate: bool,
    /// PERT expected duration `te`.
    pub expected: f64,
    /// PERT standard deviation.
    pub sigma: f64,
    /// Criticality index.
    pub criticality: f64,
}

/// Schedule risk of the plan.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub struct Risk {
    /// Date of offset 0.
    #[serde(with = "dates::iso")]
    #[cfg_attr(feature = "wasm", tsify(type = "string"))]
    pub project_start: Date,
    /// Last day of the strategy period.
    #[serde(with = "dates::iso")]
    #[cfg_attr(feature = "wasm", tsify(type = "string"))]
    pub strategy_end: Date,
    /// Exclusive offset of the strategy end.
    pub strategy_end_offset: i64,
    /// Project length with the plain durations (no sampling).
    pub deterministic_days: i64,
    /// Measure ids (rows).
    #[cfg_attr(feature = "wasm", tsify(type = "string[]"))]
    pub ids: Vec<Id>,
    /// PERT `te` per measure.
    pub expected: Vec<f64>,
    /// PERT σ per measure.
    pub sigma: Vec<f64>,
    /// Whether each measure has an estimate.
    pub has_estimate: Vec<bool>,
    /// Project PERT figures.
    pub pert: PertSummary,
    /// Monte-Carlo figures.
    pub monte_carlo: MonteCarlo,
}

impl Risk {
    /// One record per measure.
    pub fn records(&self) -> Vec<RiskRecord> {
        (0..self.ids.len())
            .map(|i| RiskRecord {
                id: self.ids[i].to_string(),
                has_estimate: self.has_estimate[i],
                expected: self.expected[i],
                sigma: self.sigma[i],
                criticality: self.monte_carlo.criticality[i],
            })
            .collect()
    }
}

// ---- deterministic numerics ----

fn splitmix64(x: &mut u64) -> u64 {
    *x = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
    let mut z = *x;
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// The ChaCha8 stream for a seed: the 32-byte key is four SplitMix64 outputs, little-endian.
pub(crate) fn rng_for(seed: u64) -> ChaCha8Rng {
    let mut s = seed;
    let mut key = [0u8; 32];
    for chunk in key.chunks_exact_mut(8) {
        chunk.copy_from_slice(&splitmix64(&mut s).to_le_bytes());
    }
    ChaCha8Rng::from_seed(key)
}

/// Uniform in [0, 1) with 53 random bits.
#[inline]
fn unit(rng: &mut ChaCha8Rng) -> f64 {
    (rng.next_u64() >> 11) as f64 * (1.0 / 9_007_199_254_740_992.0)
}

/// Inverse CDF of the triangular distribution (a ≤ m ≤ b).
#[inline]
pub(crate) fn triangular(u: f64, a: f64, m: f64, b: f64) -> f64 {
    let w = b - a;
    if w <= 0.0 {
        return a;
    }
    let fc = (m - a) / w;
    if u < fc {
        a + (u * w * (m - a)).sqrt()
    } else {
        b - ((1.0 - u) * w * (b - m)).sqrt()
    }
}

/// `exp` from `+ − × ÷` only (Cody–Waite reduction, degree-13 Taylor), so the normal
/// approximation is bit-identical across platforms.
fn exp_det(x: f64) -> f64 {
    if x.is_nan() {
        return x;
    }
    if x < -745.0 {
        return 0.0;
    }
    if x > 709.0 {
        return f64::INFINITY;
    }
    const LN2_HI: f64 = 6.931_471_803_691_238e-1;
    const LN2_LO: f64 = 1.908_214_929_270_587_7e-10;
    let k = (x * std::f64::consts::LOG2_E).round();
    let r = (x - k * LN2_HI) - k * LN2_LO;
    let mut p = 1.0;
    let mut term_den = 13.0;
    while term_den >= 1.0 {
        p = 1.0 + r * p / term_den;
        term_den -= 1.0;
    }
    let mut k = k as i64;
    let mut y = p;
    while k < -1000 {
        y *= f64::from_bits(((-1000 + 1023) as u64) << 52);
        k += 1000;
    }
    y * f64::from_bits(((k + 1023) as u64) << 52)
}

/// Standard normal CDF (Abramowitz & Stegun 26.2.17, |error| < 7.5·10⁻⁸).
pub(crate) fn normal_cdf(x: f64) -> f64 {
    if x < 0.0 {
        return 1.0 - normal_cdf(-x);
    }
    let t = 1.0 / (1.0 + 0.231_641_9 * x);
    let poly = t
        * (0.319_381_530
            + t * (-0.356_563_782
                + t * (1.781_477_937 + t * (-1.821_255_978 + t * 1.330_274_429))));
    let pdf = exp_det(-0.5 * x * x) * 0.398_942_280_401_432_7;
    1.0 - pdf * poly
}

fn check_estimate(i: usize, id: &str, e: &Estimate) -> Result<()> {
    let ok = [e.optimistic, e.most_likely, e.pessimistic]
        .iter()
        .all(|v| v.is_finite() && *v >= 0.0)
        && e.optimistic <= e.most_likely
        && e.most_likely <= e.pessimistic;
    if ok {
        Ok(())
    } else {
        Err(ScheduleError::new(
            ScheduleErrorKind::InvalidEstimate,
            format!(
                "estimate ({}, {}, {}) of `{id}` must satisfy 0 ≤ optimistic ≤ most likely ≤ pessimistic",
                e.optimistic, e.most_likely, e.pessimistic
            ),
            format!("measures[{i}].estimate"),
        )
        .with_id(id)
        .into())
    }
}

impl Strategy {
    /// Schedule risk: PERT figures and a seeded Monte-Carlo simulation (probability of
    /// finishing by the strategy end and by each deadline, P50/P80/P95 of the finish,
    /// criticality index per measure). Three-point estimates count in working days under a
    /// calendar, like durations.
    ///
    /// Errors: as [`Strategy::schedule`]; an estimate with optimistic > pessimistic (or not
    /// finite, or negative) is a validation error located at `measures[i].estimate`;
    /// [`crate::Error::Argument`] for `runs` outside 1..=[`MAX_RUNS`].
    pub fn risk(&self, opts: &ScheduleOptions, risk: &RiskOptions) -> Result<Risk> {
        if !(1..=MAX_RUNS).contains(&risk.runs) {
            return Err(ArgumentError::at(
                format!("runs must be between 1 and {MAX_RUNS}, not {}", risk.runs),
                "runs",
            )
            .into());
        }
        let plan = ScheduleInput::new(self, opts)?;
        let doc = self.document();
        let nm = plan.graph().measure_count();
        let end_date = doc.strategy.period.end.last_day();
        let end_off = plan.map.end_offset(end_date);
        let est = estimates(&plan, nm)?;
        let base = plan.run(plan.base.clone());
        // f64 template: duration, floor, no deadline (risk measures the network itself)
        let template: Vec<NodeTimes<f64>> = plan
            .base
            .iter()
            .map(|x| NodeTimes::new(f64::from(x.dur), f64::from(x.es), f64::INFINITY))
            .collect();
        let (pert, expected, sigma) = pert(&plan, &est, &template, end_off);
        let monte_carlo = monte_carlo(&plan, &est, &template, risk, end_off, end_date)?;
        Ok(Risk {
            project_start: plan.start,
            strategy_end: end_date,
            strategy_end_offset: end_off,
            deterministic_days: i64::from(base.finish),
            ids: doc.measures[..nm].iter().map(|m| m.id.clone()).collect(),
            expected,
            sigma,
            has_estimate: est.iter().map(Option::is_some).collect(),
            pert,
            monte_carlo,
        })
    }
}

/// Each measure's three-point estimate (checked). With a status date, work done has no risk
/// left and the estimate of work in progress is scaled to the remaining days (most likely =
/// remaining).
fn estimates(plan: &ScheduleInput<'_>, nm: usize) -> Result<Vec<Option<Estimate>>> {
    let doc = plan.strategy.document();
    let mut est: Vec<Option<Estimate>> = Vec::with_capacity(nm);
    for (i, m) in doc.measures.iter().enumerate().take(nm) {
        if let Some(e) = &m.estimate {
            check_estimate(i, &m.id, e)?;
        }
        est.push(m.estimate.as_deref().copied());
    }
    if let Some(p) = &plan.progress {
        for (i, e) in est.iter_mut().enumerate() {
            match (p.status[i], p.remaining_days[i]) {
                (Some(Status::Executed | Status::Cancelled), _) => *e = None,
                (st, Some(rem))
                    if st == Some(Status::PartiallyExecuted) || p.actual_start[i].is_some() =>
                {
                    if let Some(x) = e.as_mut()
                        && x.most_likely > 0.0
                    {
                        let k = f64::from(rem) / x.most_likely;
                        x.optimistic *= k;
                        x.most_likely *= k;
                        x.pessimistic *= k;
                    }
                }
                _ => {}
            }
        }
    }
    Ok(est)
}

/// PERT: the network with expected durations, the chain of largest variance among the
/// driving chains to the finish, and the normal approximation of finishing by the strategy
/// end (offset `end_off`). Returns the summary and each measure's expected duration and σ.
fn pert(
    plan: &ScheduleInput<'_>,
    est: &[Option<Estimate>],
    template: &[NodeTimes<f64>],
    end_off: i64,
) -> (PertSummary, Vec<f64>, Vec<f64>) {
    let g = plan.graph();
    let doc = plan.strategy.document();
    let n = g.node_count();
    let nm = g.measure_count();
    let mut nodes = template.to_vec();
    let mut expected = vec![0.0; nm];
    let mut sigma = vec![0.0; nm];
    let mut var = vec![0.0f64; n];
    for i in 0..nm {
        if let Some(e) = &est[i] {
            let te = (e.optimistic + 4.0 * e.most_likely + e.pessimistic) / 6.0;
            let s = (e.pessimistic - e.optimistic) / 6.0;
            nodes[i].dur = te;
            expected[i] = te;
            sigma[i] = s;
            var[i] = s * s;
        } else {
            expected[i] = nodes[i].dur;
        }
    }
    let t_pert = plan.net.forward(&mut nodes);
    // largest variance along driving chains
    let mut acc = vec![0.0f64; n];
    let mut best_pred = vec![u32::MAX; n];
    for v in plan.net.order.to_vec() {
        let mut best = 0.0;
        for p in cpm::driving_preds(g, v, &nodes) {
            if best_pred[v as usize] == u32::MAX || acc[p as usize] > best {
                best = acc[p as usize];
                best_pred[v as usize] = p;
            }
        }
        acc[v as usize] = var[v as usize] + best;
    }
    let end = (0..nm as u32)
        .filter(|&v| (nodes[v as usize].ef - t_pert).abs() <= F64_EPS)
        .fold(None::<u32>, |b, v| match b {
            Some(b) if acc[b as usize] >= acc[v as usize] => Some(b),
            _ => Some(v),
        });
    let mut path = Vec::new();
    let mut cur = end;
    while let Some(v) = cur {
        if g.is_measure(v) {
            path.push(doc.measures[v as usize].id.to_string());
        }
        let p = best_pred[v as usize];
        cur = (p != u32::MAX).then_some(p);
    }
    path.reverse();
    let pert_var = end.map(|v| acc[v as usize]).unwrap_or(0.0);
    let pert_sigma = pert_var.sqrt();
    let d = end_off as f64;
    let summary = PertSummary {
        expected_days: t_pert,
        sigma_days: pert_sigma,
        critical_path: path,
        probability_by_strategy_end: if pert_sigma > 0.0 {
            normal_cdf((d - t_pert) / pert_sigma)
        } else if t_pert <= d + F64_EPS {
            1.0
        } else {
            0.0
        },
    };
    (summary, expected, sigma)
}

/// The seeded Monte-Carlo simulation: `risk.runs` draws of every estimate (triangular, in
/// document order), each run's finish, criticality and deadlines met; then the mean, spread,
/// P50/P80/P95 and the probabilities.
fn monte_carlo(
    plan: &ScheduleInput<'_>,
    est: &[Option<Estimate>],
    template: &[NodeTimes<f64>],
    risk: &RiskOptions,
    end_off: i64,
    end_date: Date,
) -> Result<MonteCarlo> {
    let doc = plan.strategy.document();
    let nm = plan.graph().measure_count();
    let runs = risk.runs as usize;
    let mut rng = rng_for(risk.seed);
    let mut nodes = template.to_vec();
    let mut crit = vec![0u32; nm];
    let mut hits = vec![0u32; plan.deadlines.len()];
    let mut finishes: Vec<f64> = Vec::with_capacity(runs);
    for _ in 0..runs {
        nodes.copy_from_slice(template);
        for (node, e) in nodes.iter_mut().zip(est) {
            if let Some(e) = e {
                node.dur = triangular(unit(&mut rng), e.optimistic, e.most_likely, e.pessimistic);
            }
        }
        let t = plan.net.forward(&mut nodes);
        plan.net.backward::<f64, false>(&mut nodes, t, t);
        for (c, x) in crit.iter_mut().zip(&nodes) {
            if x.lf - x.ef <= F64_EPS {
                *c += 1;
            }
        }
        for (h, c) in hits.iter_mut().zip(&plan.deadlines) {
            if nodes[c.index as usize].ef <= f64::from(c.offset) + F64_EPS {
                *h += 1;
            }
        }
        finishes.push(t);
    }
    let nr = runs as f64;
    let d = end_off as f64;
    let mean = finishes.iter().sum::<f64>() / nr;
    let std = (finishes
        .iter()
        .map(|&t| (t - mean) * (t - mean))
        .sum::<f64>()
        / nr)
        .sqrt();
    let by_end = finishes.iter().filter(|&&t| t <= d + F64_EPS).count() as f64 / nr;
    let mut days: Vec<i64> = finishes
        .iter()
        .map(|&t| (t - F64_EPS).ceil() as i64)
        .collect();
    days.sort_unstable();
    let mut percentiles = Vec::new();
    for p in [50u32, 80, 95] {
        let rank = (u64::from(p) * runs as u64).div_ceil(100).max(1) as usize;
        let k = days[rank - 1];
        let date = plan.map.finish_date(k).ok_or_else(|| {
            WorkingDays::out_of_range("a simulated finish", k, "monte_carlo".into())
        })?;
        percentiles.push(FinishPercentile {
            percent: p,
            days: k,
            date,
        });
    }
    let deadlines = plan
        .deadlines
        .iter()
        .zip(&hits)
        .map(|(c, &h)| {
            let m = &doc.measures[c.index as usize];
            DeadlineProbability {
                id: m.id.to_string(),
                deadline: m
                    .deadline
                    .as_ref()
                    .map(|x| x.last_day())
                    .unwrap_or(end_date),
                probability: f64::from(h) / nr,
            }
        })
        .collect();
    Ok(MonteCarlo {
        runs: risk.runs,
        seed: risk.seed,
        sampling: "triangular".into(),
        probability_by_strategy_end: by_end,
        mean_days: mean,
        std_days: std,
        percentiles,
        deadlines,
        criticality: crit.iter().map(|&c| f64::from(c) / nr).collect(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exp_and_phi_match_known_values() {
        for x in [-20.0, -3.5, -1.0, -0.1, 0.0, 0.3, 1.0, 2.5, 10.0, 50.0] {
            let rel = (exp_det(x) - f64::exp(x)).abs() / f64::exp(x);
            assert!(rel < 1e-14, "{x}: {rel}");
        }
        assert!((normal_cdf(0.0) - 0.5).abs() < 1e-7);
        assert!((normal_cdf(1.0) - 0.841_344_746).abs() < 1e-7);
        assert!((normal_cdf(-1.96) - 0.024_997_895).abs() < 1e-7);
        assert!((normal_cdf(3.0) - 0.998_650_102).abs() < 1e-7);
    }

    #[test]
    fn triangular_inverse_cdf() {
        assert_eq!(triangular(0.0, 1.0, 2.0, 4.0), 1.0);
        assert_eq!(triangular(0.5, 3.0, 3.0, 3.0), 3.0);
        // CDF at the mode is (m − a)/(b − a)
        assert!((triangular(1.0 / 3.0, 1.0, 2.0, 4.0) - 2.0).abs() < 1e-12);
        assert!((triangular(1.0 - 1e-16, 1.0, 2.0, 4.0) - 4.0).abs() < 1e-6);
    }

    #[test]
    fn stream_is_pinned() {
        // The first outputs for seed 1 are fixed forever: bindings and golden files rely on it.
        let mut r = rng_for(1);
        assert_eq!(r.next_u64(), 17_254_111_457_321_727_320);
        assert_eq!(r.next_u64(), 9_958_508_360_252_413_363);
        assert_ne!(rng_for(1).next_u64(), rng_for(2).next_u64());
    }
}
