//! What-if: lengthen, shorten or hold back measures and see what moves, on a copy.

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use super::cpm::NodeTimes;
use super::{CpmResult, ScheduleInput, ScheduleOptions, WorkingDays, dates};
use crate::error::{ArgumentError, Result};
use crate::strategy::Strategy;

/// What a [`DurationChange`] changes.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub enum ChangeKind {
    /// Add `days` to the duration (negative shortens; the result must stay ≥ 0).
    #[default]
    Duration,
    /// Hold the start back: the measure starts no earlier than `days` after its current
    /// early start (`days` ≥ 0).
    Start,
}

/// One change to try.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub struct DurationChange {
    /// Measure id.
    pub id: String,
    /// Days (working days under a calendar).
    pub days: i64,
    /// Duration (default) or start.
    #[serde(default)]
    #[cfg_attr(feature = "wasm", tsify(optional))]
    pub kind: ChangeKind,
}

impl DurationChange {
    /// Lengthen (positive) or shorten (negative) a measure.
    pub fn duration(id: impl Into<String>, days: i64) -> Self {
        DurationChange {
            id: id.into(),
            days,
            kind: ChangeKind::Duration,
        }
    }

    /// Hold a measure's start back by `days`.
    pub fn start(id: impl Into<String>, days: i64) -> Self {
        DurationChange {
            id: id.into(),
            days,
            kind: ChangeKind::Start,
        }
    }
}

/// A deadline missed in the scenario.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub struct DeadlineMiss {
    /// Measure id.
    pub id: String,
    /// The deadline.
    #[serde(with = "dates::iso")]
    #[cfg_attr(feature = "wasm", tsify(type = "string"))]
    pub deadline: Date,
    /// Early finish date in the scenario.
    #[serde(with = "dates::iso")]
    #[cfg_attr(feature = "wasm", tsify(type = "string"))]
    pub early_finish_date: Date,
    /// Days late in the scenario (> 0).
    pub days_late: i64,
    /// Days late in the baseline (≤ 0: met, with that many days to spare).
    pub baseline_days_late: i64,
    /// True when the baseline met this deadline.
    pub newly_missed: bool,
}

/// How one measure's float and dates moved.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub struct FloatChange {
    /// Measure id.
    pub id: String,
    /// Total float in the baseline.
    pub baseline_total_float: i64,
    /// Total float in the scenario.
    pub total_float: i64,
    /// Float consumed: `baseline_total_float − total_float` (negative when float was gained).
    pub consumed: i64,
    /// Days the early start moved.
    pub start_shift: i64,
    /// Days the early finish moved.
    pub finish_shift: i64,
}

/// A matrix cell whose delivery date moves.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub struct CellShift {
    /// Cluster id.
    pub cluster: String,
    /// Module id.
    pub module: String,
    /// Delivery offset in the baseline: the latest early finish of the measures delivering
    /// the module to the cluster.
    pub baseline_finish: i64,
    /// Delivery offset in the scenario.
    pub finish: i64,
    /// `finish − baseline_finish`.
    pub delta_days: i64,
    /// Delivery date in the baseline.
    #[serde(with = "dates::iso")]
    #[cfg_attr(feature = "wasm", tsify(type = "string"))]
    pub baseline_date: Date,
    /// Delivery date in the scenario.
    #[serde(with = "dates::iso")]
    #[cfg_attr(feature = "wasm", tsify(type = "string"))]
    pub date: Date,
}

/// An indicator target year that a slip now misses: a measure holding the indicator finished
/// within the target year in the baseline and after it in the scenario.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub struct IndicatorTargetMiss {
    /// Indicator id.
    pub indicator: String,
    /// The target year (interim or final).
    pub year: i32,
    /// The measure that now finishes after that year.
    pub measure: String,
    /// Its finish in the baseline.
    #[serde(with = "dates::iso")]
    #[cfg_attr(feature = "wasm", tsify(type = "string"))]
    pub baseline_finish_date: Date,
    /// Its finish in the scenario.
    #[serde(with = "dates::iso")]
    #[cfg_attr(feature = "wasm", tsify(type = "string"))]
    pub finish_date: Date,
}

/// The effect of a set of changes, compared with the unchanged plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub struct WhatIf {
    /// The changes applied.
    pub changes: Vec<DurationChange>,
    /// Project length in the baseline.
    pub baseline_duration_days: i64,
    /// Project length in the scenario.
    pub duration_days: i64,
    /// `duration_days − baseline_duration_days`.
    pub finish_delta_days: i64,
    /// Project finish date in the baseline.
    #[serde(with = "dates::iso")]
    #[cfg_attr(feature = "wasm", tsify(type = "string"))]
    pub baseline_finish_date: Date,
    /// Project finish date in the scenario.
    #[serde(with = "dates::iso")]
    #[cfg_attr(feature = "wasm", tsify(type = "string"))]
    pub finish_date: Date,
    /// Deadlines missed in the scenario (document order); `newly_missed` marks those the
    /// baseline met.
    pub missed_deadlines: Vec<DeadlineMiss>,
    /// Measures whose total float or early dates changed (document order).
    pub float_changes: Vec<FloatChange>,
    /// Cells whose delivery date moved (cluster by cluster, module by module).
    pub moved_cells: Vec<CellShift>,
    /// Indicator target years the changes now miss (measure order, then indicator, then
    /// year).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "wasm", tsify(optional))]
    pub indicator_targets_missed: Vec<IndicatorTargetMiss>,
}

impl WhatIf {
    /// Deadlines the changes break (met before, missed now).
    pub fn newly_missed(&self) -> impl Iterator<Item = &DeadlineMiss> {
        self.missed_deadlines.iter().filter(|m| m.newly_missed)
    }
}

/// Apply changes to copies of the plan's durations and floors.
pub(crate) fn apply(
    plan: &ScheduleInput<'_>,
    base: &CpmResult,
    changes: &[DurationChange],
) -> Result<Vec<NodeTimes<i32>>> {
    let mut nodes = plan.base.clone();
    let mut extra: i64 = 0;
    for (k, c) in changes.iter().enumerate() {
        let v = plan.strategy.measure_index(&c.id).ok_or_else(|| {
            ArgumentError::at(
                format!("unknown measure `{}`", c.id),
                format!("changes[{k}].id"),
            )
        })? as usize;
        match c.kind {
            ChangeKind::Duration => {
                let d = i64::from(nodes[v].dur).saturating_add(c.days);
                if d < 0 {
                    return Err(ArgumentError::at(
                        format!(
                            "cannot shorten `{}` by {} days: its duration is {}",
                            c.id, -c.days, nodes[v].dur
                        ),
                        format!("changes[{k}].days"),
                    )
                    .into());
                }
                if d > crate::dates::MAX_DAYS {
                    return Err(ArgumentError::at(
                        format!(
                            "a duration of {d} days for `{}` is beyond {} days",
                            c.id,
                            crate::dates::MAX_DAYS
                        ),
                        format!("changes[{k}].days"),
                    )
                    .into());
                }
                extra += (d - i64::from(nodes[v].dur)).max(0);
                nodes[v].dur = d as i32;
            }
            ChangeKind::Start => {
                if !(0..=crate::dates::MAX_DAYS).contains(&c.days) {
                    return Err(ArgumentError::at(
                        format!(
                            "a start change must hold `{}` back by 0..{} days, not {}",
                            c.id,
                            crate::dates::MAX_DAYS,
                            c.days
                        ),
                        format!("changes[{k}].days"),
                    )
                    .into());
                }
                extra += c.days;
                nodes[v].es = nodes[v].es.max(base.es(v) + c.days as i32);
            }
        }
        plan.check_span(extra)?;
    }
    Ok(nodes)
}

fn date(map: &WorkingDays, finish: i32, path: String) -> Result<Date> {
    let finish = i64::from(finish);
    map.finish_date(finish)
        .ok_or_else(|| WorkingDays::out_of_range("a finish", finish, path))
}

impl Strategy {
    /// Try changes on a copy of the plan: new finish, deadlines now missed, float consumed per
    /// measure, and matrix cells whose delivery date moves. The strategy is not modified.
    ///
    /// Errors: as [`Strategy::schedule`], plus [`crate::Error::Argument`] for an unknown id
    /// (`changes[k].id`) or a change that would make a duration negative (`changes[k].days`).
    pub fn what_if(&self, opts: &ScheduleOptions, changes: &[DurationChange]) -> Result<WhatIf> {
        let plan = ScheduleInput::new(self, opts)?;
        let base = plan.run(plan.base.clone());
        let nodes = apply(&plan, &base, changes)?;
        let scen = plan.run(nodes);
        let doc = self.document();
        let nm = plan.graph().measure_count();
        let map = &plan.map;

        let mut missed_deadlines = Vec::new();
        for c in &plan.deadlines {
            let i = c.index as usize;
            let late = i64::from(scen.ef(i) - c.offset);
            if late <= 0 {
                continue;
            }
            let base_late = i64::from(base.ef(i) - c.offset);
            let m = &doc.measures[i];
            missed_deadlines.push(DeadlineMiss {
                id: m.id.to_string(),
                deadline: m
                    .deadline
                    .as_ref()
                    .map(|d| d.last_day())
                    .unwrap_or(plan.start),
                early_finish_date: date(map, scen.ef(i), format!("measures[{i}]"))?,
                days_late: late,
                baseline_days_late: base_late,
                newly_missed: base_late <= 0,
            });
        }

        let mut float_changes = Vec::new();
        for i in 0..nm {
            let btf = base.tf(i);
            let tf = scen.tf(i);
            let ds = scen.es(i) - base.es(i);
            let df = scen.ef(i) - base.ef(i);
            if btf != tf || ds != 0 || df != 0 {
                float_changes.push(FloatChange {
                    id: doc.measures[i].id.to_string(),
                    baseline_total_float: i64::from(btf),
                    total_float: i64::from(tf),
                    consumed: i64::from(btf - tf),
                    start_shift: i64::from(ds),
                    finish_shift: i64::from(df),
                });
            }
        }

        let mut indicator_targets_missed = Vec::new();
        for i in 0..nm {
            let (bf, sf) = (base.ef(i), scen.ef(i));
            if sf <= bf || doc.measures[i].indicators.is_empty() {
                continue;
            }
            let path = format!("measures[{i}]");
            let (bd, sd) = (date(map, bf, path.clone())?, date(map, sf, path)?);
            for id in &doc.measures[i].indicators {
                let Some(ind) = doc.indicators.iter().find(|x| &x.id == id) else {
                    continue;
                };
                let mut years: Vec<i32> = ind.targets.iter().map(|t| t.year).collect();
                years.sort_unstable();
                years.dedup();
                for y in years {
                    if i32::from(bd.year()) <= y && i32::from(sd.year()) > y {
                        indicator_targets_missed.push(IndicatorTargetMiss {
                            indicator: id.to_string(),
                            year: y,
                            measure: doc.measures[i].id.to_string(),
                            baseline_finish_date: bd,
                            finish_date: sd,
                        });
                    }
                }
            }
        }

        let ix = plan.ix;
        let nc = ix.n_clusters;
        let mut moved_cells = Vec::new();
        for (ci, cl) in doc.clusters.iter().enumerate() {
            for (mi, md) in doc.modules.iter().enumerate() {
                let ms = ix.deliverers(mi, ci);
                if ms.is_empty() || !ix.applicable[mi * nc + ci] {
                    continue;
                }
                let b = ms.iter().map(|&k| base.ef(k as usize)).max().unwrap_or(0);
                let s = ms.iter().map(|&k| scen.ef(k as usize)).max().unwrap_or(0);
                if b != s {
                    let path = format!("clusters[{ci}]");
                    moved_cells.push(CellShift {
                        cluster: cl.id.to_string(),
                        module: md.id.to_string(),
                        baseline_finish: i64::from(b),
                        finish: i64::from(s),
                        delta_days: i64::from(s - b),
                        baseline_date: date(map, b, path.clone())?,
                        date: date(map, s, path)?,
                    });
                }
            }
        }

        Ok(WhatIf {
            changes: changes.to_vec(),
            baseline_duration_days: i64::from(base.finish),
            duration_days: i64::from(scen.finish),
            finish_delta_days: i64::from(scen.finish - base.finish),
            baseline_finish_date: date(map, base.finish, "schedule".into())?,
            finish_date: date(map, scen.finish, "schedule".into())?,
            missed_deadlines,
            float_changes,
            moved_cells,
            indicator_targets_missed,
        })
    }
}
