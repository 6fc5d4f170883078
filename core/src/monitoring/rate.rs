//! Execution rate: Σ weight(status) / number of measures in scope, overall or by group.
//!
//! The weights are data (default: executed 1, partially executed 0.5, not executed 0, the
//! CAERC practice for Strategic Roadmaps — not a rule of Decree 1294). Cancelled and not-due
//! measures are left out of numerator and denominator. A measure in scope with no status (no
//! report entry as of the date and no undated `status`) is *no data*: counted in `no_data` and
//! listed, never silently 0; with `no_data: zero` it also enters the denominator with weight 0.

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use super::calendar::data_date;
use crate::dates::{self, day_number_i32};
use crate::error::{ArgumentError, Result};
use crate::model::Status;
use crate::strategy::Strategy;
use crate::validate::reports::NONE;

/// How to group measures.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub enum GroupBy {
    /// One group: `overall`.
    #[default]
    Overall,
    /// Priority direction (document order).
    Direction,
    /// Main executor (CAERC's body score; organisation order).
    MainExecutor,
    /// Cluster reached by the measure's targets (a measure counts in each; cluster order).
    Cluster,
    /// Module delivered by the measure's targets (a measure counts in each; module order).
    Module,
    /// Year of the deadline (ascending).
    DeadlineYear,
    /// Programme of a portfolio: the qualifier of the measure id (`p` of `p:m`, in order of
    /// first appearance); an unqualified measure belongs to the strategy itself.
    Programme,
}

/// Which measures count.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub enum Scope {
    /// Measures due by the date: deadline on or before it.
    #[default]
    Due,
    /// Measures due within the year of the date: deadline from 1 January of that year up to
    /// the date (the annual report's measures).
    DueInYear,
    /// Measures active by the date: planned start on or before it (no start: the strategy
    /// start).
    Active,
}

/// Status weights (data, not law).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub struct Weights {
    /// Weight of `executed`. Default 1.
    pub executed: f64,
    /// Weight of `partially_executed` (started / in progress). Default 0.5.
    pub partially_executed: f64,
    /// Weight of `not_executed`. Default 0.
    pub not_executed: f64,
}

impl Default for Weights {
    fn default() -> Self {
        Weights {
            executed: 1.0,
            partially_executed: 0.5,
            not_executed: 0.0,
        }
    }
}

/// What to do with a measure in scope that has no status.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub enum NoData {
    /// Count and list it separately; it is not in the denominator.
    #[default]
    Separate,
    /// Count it as weight 0 in the denominator (still counted in `no_data`).
    Zero,
}

/// Options of [`Strategy::execution_rate`].
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub struct ExecutionRateOptions {
    /// The date of the states. Default: the document's data date (latest submission).
    #[serde(with = "dates::iso_opt", skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "wasm", tsify(type = "string | null", optional))]
    pub as_of: Option<Date>,
    /// Grouping. Default `overall`.
    pub by: GroupBy,
    /// Which measures count. Default `due`.
    pub scope: Scope,
    /// Status weights. Default 1 / 0.5 / 0.
    pub weights: Weights,
    /// Measures without status. Default `separate`.
    pub no_data: NoData,
}

/// One group's execution rate.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "wasm", tsify(missing_as_null))]
pub struct RateRecord {
    /// Group id (`overall`, a direction, organisation, cluster or module id, a year, or
    /// `(none)` for measures without one).
    pub group: String,
    /// Σ weights.
    pub numerator: f64,
    /// Measures counted.
    pub denominator: f64,
    /// `numerator / denominator` in 0..1; `None` when nothing is counted.
    pub rate: Option<f64>,
    /// Executed measures.
    pub executed: u64,
    /// Partially executed measures.
    pub partially_executed: u64,
    /// Not executed measures.
    pub not_executed: u64,
    /// Measures in scope without status.
    pub no_data: u64,
}

/// The records as columns (no per-group objects), for bindings.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub struct RateColumns {
    /// Group ids.
    pub group: Vec<String>,
    /// Σ weights.
    pub numerator: Vec<f64>,
    /// Measures counted.
    pub denominator: Vec<f64>,
    /// Rates (NaN never; `None` for empty groups).
    pub rate: Vec<Option<f64>>,
    /// Executed.
    pub executed: Vec<u64>,
    /// Partially executed.
    pub partially_executed: Vec<u64>,
    /// Not executed.
    pub not_executed: Vec<u64>,
    /// No data.
    pub no_data: Vec<u64>,
}

/// The execution rate with what it was computed from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "wasm", tsify(rename = "ExecutionRateData"))]
pub struct ExecutionRate {
    /// Date of the states.
    #[serde(with = "dates::iso")]
    #[cfg_attr(feature = "wasm", tsify(type = "string"))]
    pub as_of: Date,
    /// Grouping.
    pub by: GroupBy,
    /// Scope.
    pub scope: Scope,
    /// The weights used.
    pub weights: Weights,
    /// The no-data policy used.
    pub no_data_policy: NoData,
    /// One record per group that has a measure in scope (groups in their entities' order).
    pub records: Vec<RateRecord>,
    /// Ids of the measures in scope without status (document order).
    pub no_data_measures: Vec<String>,
    /// Measures in scope left out as cancelled or not due.
    pub excluded: u64,
}

impl ExecutionRate {
    /// The records as columns.
    pub fn columns(&self) -> RateColumns {
        let mut c = RateColumns::default();
        for r in &self.records {
            c.group.push(r.group.clone());
            c.numerator.push(r.numerator);
            c.denominator.push(r.denominator);
            c.rate.push(r.rate);
            c.executed.push(r.executed);
            c.partially_executed.push(r.partially_executed);
            c.not_executed.push(r.not_executed);
            c.no_data.push(r.no_data);
        }
        c
    }

    /// The record of a group.
    pub fn group(&self, id: &str) -> Option<&RateRecord> {
        self.records.iter().find(|r| r.group == id)
    }
}

#[derive(Debug, Clone, Copy, Default)]
struct Acc {
    num: f64,
    den: f64,
    ex: u64,
    part: u64,
    not: u64,
    nodata: u64,
}

impl Strategy {
    /// The execution rate as of a date: Σ weight(status) / measures in scope, overall or by
    /// group. See [`ExecutionRateOptions`] and `docs/monitoring.md`.
    ///
    /// Errors: [`crate::Error::Argument`] for a weight that is not a finite number
    /// (`weights.executed`, ...).
    pub fn execution_rate(&self, opts: &ExecutionRateOptions) -> Result<ExecutionRate> {
        let w = opts.weights;
        check_weights(&w)?;
        let doc = self.document();
        let ix = self.index();
        let r = &ix.monitoring;
        let as_of = opts.as_of.unwrap_or_else(|| data_date(doc));
        let d = day_number_i32(as_of);
        let year_start = Date::new(as_of.year(), 1, 1).map_or(d, day_number_i32);
        let strategy_start = day_number_i32(doc.strategy.period.start.first_day());

        // groups: names and, per measure, the groups it belongs to
        let mut programme_of_measure: Vec<u32> = Vec::new();
        let (names, n_groups): (Vec<String>, usize) = match opts.by {
            GroupBy::Overall => (vec!["overall".into()], 1),
            GroupBy::Direction => (
                doc.directions.iter().map(|x| x.id.to_string()).collect(),
                doc.directions.len(),
            ),
            GroupBy::MainExecutor => (
                doc.organizations.iter().map(|x| x.id.to_string()).collect(),
                doc.organizations.len(),
            ),
            GroupBy::Cluster => (
                doc.clusters.iter().map(|x| x.id.to_string()).collect(),
                doc.clusters.len(),
            ),
            GroupBy::Module => (
                doc.modules.iter().map(|x| x.id.to_string()).collect(),
                doc.modules.len(),
            ),
            GroupBy::DeadlineYear => (Vec::new(), 0),
            GroupBy::Programme => {
                let names = programme_names(doc, &mut programme_of_measure);
                let n = names.len();
                (names, n)
            }
        };
        let mut acc = vec![Acc::default(); n_groups + 1]; // last: (none)
        let mut years: std::collections::BTreeMap<i16, Acc> = Default::default();
        let mut none_year = Acc::default();
        let mut no_data_measures = Vec::new();
        let mut excluded = 0u64;
        let mut groups: Vec<u32> = Vec::new();
        let module_of = |id: &str| doc.modules.iter().position(|x| x.id == id);
        let cluster_of = |id: &str| doc.clusters.iter().position(|x| x.id == id);

        // (the resolved columns are empty only when the index refused the document)
        for m in 0..r.deadline.len() {
            let in_scope = match opts.scope {
                Scope::Due => r.deadline[m] <= d,
                Scope::DueInYear => r.deadline[m] <= d && r.deadline[m] >= year_start,
                Scope::Active => {
                    let s = if r.start[m] == i32::MIN {
                        strategy_start
                    } else {
                        r.start[m]
                    };
                    s <= d
                }
            };
            if !in_scope {
                continue;
            }
            let st = r.status_as_of(doc, m, as_of);
            let add = |a: &mut Acc| match st {
                Some(Status::Executed) => {
                    a.num += w.executed;
                    a.den += 1.0;
                    a.ex += 1;
                }
                Some(Status::PartiallyExecuted) => {
                    a.num += w.partially_executed;
                    a.den += 1.0;
                    a.part += 1;
                }
                Some(Status::NotExecuted) => {
                    a.num += w.not_executed;
                    a.den += 1.0;
                    a.not += 1;
                }
                Some(Status::Cancelled | Status::NotDue) => {}
                None => {
                    a.nodata += 1;
                    if opts.no_data == NoData::Zero {
                        a.den += 1.0;
                    }
                }
            };
            match st {
                Some(Status::Cancelled | Status::NotDue) => {
                    excluded += 1;
                    continue;
                }
                None => no_data_measures.push(doc.measures[m].id.to_string()),
                _ => {}
            }
            match opts.by {
                GroupBy::Overall => add(&mut acc[0]),
                GroupBy::Direction => {
                    let g = r.direction[m];
                    add(&mut acc[if g == NONE { n_groups } else { g as usize }]);
                }
                GroupBy::MainExecutor => {
                    let g = r.main_executor[m];
                    add(&mut acc[if g == NONE { n_groups } else { g as usize }]);
                }
                GroupBy::Programme => add(&mut acc[programme_of_measure[m] as usize]),
                GroupBy::DeadlineYear => match doc.measures[m].deadline {
                    Some(p) => add(years.entry(p.last_day().year()).or_default()),
                    None => add(&mut none_year),
                },
                GroupBy::Cluster | GroupBy::Module => {
                    groups.clear();
                    for t in &doc.measures[m].targets {
                        let Some(mi) = module_of(&t.module) else {
                            continue;
                        };
                        if opts.by == GroupBy::Module {
                            groups.push(mi as u32);
                            continue;
                        }
                        match &t.clusters {
                            Some(cs) => groups
                                .extend(cs.iter().filter_map(|c| cluster_of(c)).map(|c| c as u32)),
                            None => groups.extend(
                                (0..ix.n_clusters)
                                    .filter(|&c| ix.applicable[mi * ix.n_clusters + c])
                                    .map(|c| c as u32),
                            ),
                        }
                    }
                    groups.sort_unstable();
                    groups.dedup();
                    if groups.is_empty() {
                        add(&mut acc[n_groups]);
                    }
                    for &g in &groups {
                        add(&mut acc[g as usize]);
                    }
                }
            }
        }

        let rec = |group: String, a: &Acc| RateRecord {
            group,
            numerator: a.num,
            denominator: a.den,
            rate: (a.den > 0.0).then(|| a.num / a.den),
            executed: a.ex,
            partially_executed: a.part,
            not_executed: a.not,
            no_data: a.nodata,
        };
        let used = |a: &Acc| a.ex + a.part + a.not + a.nodata > 0;
        let mut records = Vec::new();
        if opts.by == GroupBy::DeadlineYear {
            for (y, a) in &years {
                records.push(rec(y.to_string(), a));
            }
            if used(&none_year) {
                records.push(rec("(none)".into(), &none_year));
            }
        } else {
            for (k, a) in acc.iter().enumerate() {
                if k < n_groups && (used(a) || opts.by == GroupBy::Overall) {
                    records.push(rec(names[k].clone(), a));
                } else if k == n_groups && used(a) {
                    records.push(rec("(none)".into(), a));
                }
            }
        }
        Ok(ExecutionRate {
            as_of,
            by: opts.by,
            scope: opts.scope,
            weights: w,
            no_data_policy: opts.no_data,
            records,
            no_data_measures,
            excluded,
        })
    }
}

/// The programmes of a document's measures in order of first appearance, and each measure's.
fn programme_names(doc: &crate::model::Document, of: &mut Vec<u32>) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    let mut index: std::collections::HashMap<&str, u32> = Default::default();
    of.reserve(doc.measures.len());
    for m in &doc.measures {
        let p = crate::ids::programme_of(&m.id).unwrap_or(doc.strategy.id.as_str());
        let k = *index.entry(p).or_insert_with(|| {
            names.push(p.to_owned());
            (names.len() - 1) as u32
        });
        of.push(k);
    }
    names
}

/// A weight is a finite share of a measure counted as executed, from 0 to 1: anything else is
/// an [`ArgumentError`] at `weights.<status>`.
fn check_weights(w: &Weights) -> Result<()> {
    for (name, x) in [
        ("executed", w.executed),
        ("partially_executed", w.partially_executed),
        ("not_executed", w.not_executed),
    ] {
        if !x.is_finite() {
            return Err(ArgumentError::at(
                format!("the weight of `{name}` is {x}, not a finite number"),
                format!("weights.{name}"),
            )
            .into());
        }
        // a weight is the share of a measure counted as executed
        if !(0.0..=1.0).contains(&x) {
            return Err(ArgumentError::at(
                format!(
                    "the weight of `{name}` is {x}: a weight is the share of a measure counted as executed, from 0 to 1"
                ),
                format!("weights.{name}"),
            )
            .into());
        }
    }
    Ok(())
}
