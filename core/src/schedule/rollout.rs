//! Rollout over time: when each cluster × module cell is delivered, and per cluster the share of
//! applicable modules delivered by the end of each quarter of the strategy period.

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use super::{ScheduleInput, ScheduleOptions, WorkingDays, dates};
use crate::error::Result;
use crate::matrix::CellState;
use crate::strategy::Strategy;

/// A quarter of the strategy period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub struct Quarter {
    /// `YYYY-Qn`.
    pub label: String,
    /// Last day counted: the quarter's last day, or the strategy end when it comes first.
    #[serde(with = "dates::iso")]
    #[cfg_attr(feature = "wasm", tsify(type = "string"))]
    pub end: Date,
    /// Exclusive day offset of `end`: work finishing at or before it is delivered.
    pub end_offset: i64,
}

/// One cluster × module cell over time.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "wasm", tsify(missing_as_null))]
pub struct RolloutCell {
    /// Cluster id.
    pub cluster: String,
    /// Module id.
    pub module: String,
    /// State in the matrix.
    pub state: CellState,
    /// Number of measures delivering the cell.
    pub measures: u32,
    /// Early finish offset of the last delivering measure (covered cells only).
    pub finish: Option<i64>,
    /// Its date: the last day of work.
    #[serde(with = "dates::iso_opt")]
    #[cfg_attr(feature = "wasm", tsify(type = "string | null"))]
    pub finish_date: Option<Date>,
    /// The current maturity level 0-5 of the cell's latest assessment, when assessed
    /// (`docs/assessment.md`): where the cell starts from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "wasm", tsify(optional, type = "number"))]
    pub level: Option<u8>,
    /// The level that assessment aims at: where the delivery is to take the cell.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "wasm", tsify(optional, type = "number"))]
    pub target_level: Option<u8>,
}

/// Coverage over time for one cluster.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "wasm", tsify(missing_as_null))]
pub struct ClusterRollout {
    /// Cluster id.
    pub cluster: String,
    /// Applicable modules (covered + gaps).
    pub applicable: u32,
    /// Per quarter: applicable modules delivered by its end.
    pub delivered: Vec<u32>,
    /// Per quarter: `delivered ÷ applicable`, or `None` when nothing is applicable.
    pub share: Vec<Option<f64>>,
    /// Applicable modules delivered at all (by the project finish); gaps never are.
    pub delivered_eventually: u32,
}

/// The rollout of the matrix over the schedule (early dates).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub struct Rollout {
    /// Date of offset 0.
    #[serde(with = "dates::iso")]
    #[cfg_attr(feature = "wasm", tsify(type = "string"))]
    pub project_start: Date,
    /// The quarters of the strategy period.
    pub quarters: Vec<Quarter>,
    /// Every cell, cluster by cluster then module by module (as in the matrix).
    pub cells: Vec<RolloutCell>,
    /// One entry per cluster, document order.
    pub clusters: Vec<ClusterRollout>,
}

/// Quarters from the one holding `start` to the one holding `end`, the last cut at `end`.
fn quarters(map: &WorkingDays, start: Date, end: Date) -> Vec<Quarter> {
    let mut out = Vec::new();
    let (mut y, mut q) = (start.year(), (start.month() - 1) / 3);
    loop {
        let last_month = q * 3 + 3;
        let qend = Date::new(y, last_month, 1)
            .map(|d| d.last_of_month())
            .unwrap_or(end);
        let cut = qend.min(end);
        out.push(Quarter {
            label: format!("{y:04}-Q{}", q + 1),
            end: cut,
            end_offset: map.end_offset(cut),
        });
        if qend >= end || out.len() > 4 * 10_000 {
            break;
        }
        q += 1;
        if q == 4 {
            q = 0;
            y += 1;
        }
    }
    out
}

impl Strategy {
    /// Rollout over time: for each cluster × module cell, the date its last delivering measure
    /// finishes (early schedule); per cluster, the share of applicable modules delivered by the
    /// end of each quarter of the strategy period.
    pub fn rollout(&self, opts: &ScheduleOptions) -> Result<Rollout> {
        self.rollout_with_changes(opts, &[])
    }

    /// The rollout after what-if changes ([`Strategy::what_if`]'s), without touching the
    /// strategy: when each cell is delivered if those measures slip or are held back.
    pub fn rollout_with_changes(
        &self,
        opts: &ScheduleOptions,
        changes: &[super::DurationChange],
    ) -> Result<Rollout> {
        let plan = ScheduleInput::new(self, opts)?;
        let run = if changes.is_empty() {
            plan.run(plan.base.clone())
        } else {
            let base = plan.run(plan.base.clone());
            plan.run(super::whatif::apply(&plan, &base, changes)?)
        };
        let doc = self.document();
        let ix = plan.ix;
        let nc = ix.n_clusters;
        let period = &doc.strategy.period;
        let qs = quarters(&plan.map, period.start.first_day(), period.end.last_day());
        let mut cells = Vec::with_capacity(nc * doc.modules.len());
        let mut clusters = Vec::with_capacity(nc);
        for (ci, cl) in doc.clusters.iter().enumerate() {
            let mut applicable = 0u32;
            let mut eventually = 0u32;
            let mut delivered = vec![0u32; qs.len()];
            for (mi, md) in doc.modules.iter().enumerate() {
                let ms = ix.deliverers(mi, ci);
                let app = ix.applicable[mi * nc + ci];
                let state = if !app {
                    CellState::NotApplicable
                } else if ms.is_empty() {
                    CellState::Gap
                } else {
                    CellState::Covered
                };
                let finish = (!ms.is_empty()).then(|| {
                    ms.iter()
                        .map(|&k| i64::from(run.ef(k as usize)))
                        .max()
                        .unwrap_or(0)
                });
                let finish_date = match finish {
                    Some(f) => Some(plan.map.finish_date(f).ok_or_else(|| {
                        WorkingDays::out_of_range("a delivery", f, format!("clusters[{ci}]"))
                    })?),
                    None => None,
                };
                if app {
                    applicable += 1;
                    if let Some(f) = finish {
                        eventually += 1;
                        for (k, q) in qs.iter().enumerate() {
                            if f <= q.end_offset {
                                delivered[k] += 1;
                            }
                        }
                    }
                }
                let a = ix.assessment(doc, mi, ci);
                let level = |l: i32| u8::try_from(l).ok();
                cells.push(RolloutCell {
                    cluster: cl.id.to_string(),
                    module: md.id.to_string(),
                    state,
                    measures: ms.len() as u32,
                    finish,
                    finish_date,
                    level: a.and_then(|a| level(a.level)),
                    target_level: a.and_then(|a| a.target_level.and_then(level)),
                });
            }
            let share = delivered
                .iter()
                .map(|&d| (applicable > 0).then(|| f64::from(d) / f64::from(applicable)))
                .collect();
            clusters.push(ClusterRollout {
                cluster: cl.id.to_string(),
                applicable,
                delivered,
                share,
                delivered_eventually: eventually,
            });
        }
        Ok(Rollout {
            project_start: plan.start,
            quarters: qs,
            cells,
            clusters,
        })
    }
}
