//! Indicator achievement, bands, trends, roll-ups and the results-based rating.
//!
//! Per indicator and target year: baseline `B`, target `T` (interim or final), actual `A`.
//! Ascending: `(A − B) / (T − B)`; descending: `(B − A) / (B − T)` (the same number: polarity
//! decides which way is better for trends, not the ratio). Undefined when `T == B` or there is
//! no baseline (a `reason`, never 0 or NaN); no actual for the year: no data.
//!
//! **Actuals.** A year's actual is the value reported for it in the latest report with
//! `as_of ≤` the date (ranked as for statuses), else the indicator's own `actuals` entry for
//! that year when the year is not after the date's year.
//!
//! **Cumulative vs flows.** `cumulative: true`: each yearly value is a running total since the
//! baseline, and each year's actual is judged against that year's target (itself a running
//! total), the final target against the final year's running total. `cumulative: false`: each
//! yearly value stands alone (a yearly flow or a level); each year's value is judged against
//! that year's target, and the final target against the final year's value alone — not a sum of
//! flows, because the strategy states the targets of flow indicators per year (e.g. 19,000
//! electronic admission applications in 2026). To judge a total over the period, state the
//! indicator as cumulative.

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use super::calendar::data_date;
use crate::dates;
use crate::error::{ArgumentError, Result};
use crate::model::{Document, Indicator, Polarity};
use crate::strategy::Strategy;
use crate::validate::reports::{NONE, ResolvedReports, ValueRef};

/// Band thresholds on the achievement ratio.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub struct Bands {
    /// At or above: `met`. Default 1.0.
    pub met: f64,
    /// At or above: `mostly_met` (CAERC's "mostly"). Default 0.8.
    pub mostly_met: f64,
    /// At or above: `partly_met`; below: `not_met`. Default 0.5.
    pub partly_met: f64,
}

impl Default for Bands {
    fn default() -> Self {
        Bands {
            met: 1.0,
            mostly_met: 0.8,
            partly_met: 0.5,
        }
    }
}

impl Bands {
    /// The band of an achievement ratio.
    pub fn of(&self, a: Option<f64>) -> Band {
        match a {
            None => Band::Undefined,
            Some(a) if a >= self.met => Band::Met,
            Some(a) if a >= self.mostly_met => Band::MostlyMet,
            Some(a) if a >= self.partly_met => Band::PartlyMet,
            Some(_) => Band::NotMet,
        }
    }
}

/// Achievement band.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub enum Band {
    /// At or above the `met` threshold.
    Met,
    /// At or above `mostly_met`.
    MostlyMet,
    /// At or above `partly_met`.
    PartlyMet,
    /// Below `partly_met`.
    NotMet,
    /// The ratio is undefined (target equals baseline, or no baseline).
    Undefined,
    /// No actual for the year.
    NoData,
}

impl Band {
    /// The snake_case name.
    pub fn as_str(self) -> &'static str {
        match self {
            Band::Met => "met",
            Band::MostlyMet => "mostly_met",
            Band::PartlyMet => "partly_met",
            Band::NotMet => "not_met",
            Band::Undefined => "undefined",
            Band::NoData => "no_data",
        }
    }
}

/// Direction of the last two actuals.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub enum Trend {
    /// Moving the better way (up for ascending, down for descending).
    Improving,
    /// Moving the worse way.
    Worsening,
    /// Unchanged.
    Flat,
    /// Fewer than two actuals.
    Unknown,
}

/// Options of [`Strategy::achievement`].
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub struct AchievementOptions {
    /// The date of the data. Default: the document's data date.
    #[serde(with = "dates::iso_opt", skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "wasm", tsify(type = "string | null", optional))]
    pub as_of: Option<Date>,
    /// Cap each achievement at 1 (100 %). Default false.
    pub cap: bool,
    /// Band thresholds.
    pub bands: Bands,
}

/// Achievement of one indicator for one target year.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "wasm", tsify(missing_as_null))]
pub struct AchievementRecord {
    /// Indicator id.
    pub indicator: String,
    /// Target year.
    pub year: i32,
    /// Baseline value.
    pub baseline: Option<f64>,
    /// Target for the year.
    pub target: f64,
    /// True for the final target.
    pub is_final: bool,
    /// Actual for the year.
    pub actual: Option<f64>,
    /// Where the actual comes from: a report id, or `actuals`.
    pub actual_source: Option<String>,
    /// The ratio (1 = target reached); `None` when undefined or no data.
    pub achievement: Option<f64>,
    /// Band.
    pub band: Band,
    /// Why `achievement` is `None`.
    pub reason: Option<String>,
}

/// One indicator's latest position.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "wasm", tsify(missing_as_null))]
pub struct IndicatorSummary {
    /// Indicator id.
    pub indicator: String,
    /// Running totals (true) or yearly values.
    pub cumulative: bool,
    /// Year of the latest target year with an actual.
    pub latest_year: Option<i32>,
    /// Its achievement.
    pub latest_achievement: Option<f64>,
    /// Its band.
    pub band: Band,
    /// From the last two actuals.
    pub trend: Trend,
    /// Where the indicator stands in total as of the date: for a cumulative indicator the
    /// latest running total; for yearly flows the sum of the flows of the years after the
    /// baseline year (`None` without actuals).
    pub total_to_date: Option<f64>,
    /// Directions of the measures that hold the indicator (direction order).
    pub directions: Vec<String>,
    /// True when a contributing measure is overdue or forecast to miss its deadline.
    pub at_risk: bool,
    /// Those measures, with why: `6.1 (overdue 45 days)`.
    pub at_risk_measures: Vec<String>,
}

/// Achievement rolled up per direction or goal.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "wasm", tsify(missing_as_null))]
pub struct RollupRecord {
    /// `direction` or `goal`.
    pub level: String,
    /// Direction or goal id.
    pub group: String,
    /// Indicators held by the group.
    pub indicators: u64,
    /// Of them, with a defined latest achievement.
    pub with_data: u64,
    /// Of them, met.
    pub met: u64,
    /// Mean latest achievement, each clamped to 0..1 (one over-achiever must not hide a
    /// miss).
    pub mean_achievement: Option<f64>,
}

/// Indicator achievement as of a date.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "wasm", tsify(rename = "AchievementData"))]
pub struct Achievement {
    /// Date of the data.
    #[serde(with = "dates::iso")]
    #[cfg_attr(feature = "wasm", tsify(type = "string"))]
    pub as_of: Date,
    /// Capped at 1.
    pub cap: bool,
    /// Thresholds used.
    pub bands: Bands,
    /// One record per indicator and target year (indicator order, then year).
    pub records: Vec<AchievementRecord>,
    /// One summary per indicator.
    pub indicators: Vec<IndicatorSummary>,
    /// Per direction, then per goal (document order).
    pub rollup: Vec<RollupRecord>,
}

/// Grouping of the results-based rating.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub enum ResultsBy {
    /// One group.
    #[default]
    Overall,
    /// By direction of the measures holding the indicator (an indicator counts in each).
    Direction,
}

/// Options of [`Strategy::results_rating`].
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub struct ResultsRatingOptions {
    /// Date of the data. Default: the document's data date.
    #[serde(with = "dates::iso_opt", skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "wasm", tsify(type = "string | null", optional))]
    pub as_of: Option<Date>,
    /// Grouping.
    pub by: ResultsBy,
}

/// One group's results-based rating.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "wasm", tsify(missing_as_null))]
pub struct ResultsRecord {
    /// `overall` or a direction id.
    pub group: String,
    /// Indicators judged: with an actual in a target year up to the date.
    pub indicators: u64,
    /// Of them, whose latest such actual meets that year's target.
    pub met: u64,
    /// `met / indicators`; `None` when none is judged.
    pub rate: Option<f64>,
    /// Indicators of the group that cannot be judged (no actual in a target year, or an
    /// undefined ratio).
    pub no_data: u64,
}

/// The results-based rating ("84 % executed across 44 indicators").
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "wasm", tsify(rename = "ResultsRatingData"))]
pub struct ResultsRating {
    /// Date of the data.
    #[serde(with = "dates::iso")]
    #[cfg_attr(feature = "wasm", tsify(type = "string"))]
    pub as_of: Date,
    /// One record per group.
    pub records: Vec<ResultsRecord>,
}

/// The actual of indicator `i` for `year` as of `as_of`, with its source.
pub(crate) fn actual(
    doc: &Document,
    values: &[ValueRef],
    ind: &Indicator,
    year: i32,
    as_of: Date,
) -> Option<(f64, String)> {
    if let Some(v) = values
        .iter()
        .rev()
        .find(|v| v.year == year && v.as_of <= as_of)
    {
        return Some((v.value, doc.reports[v.report as usize].id.to_string()));
    }
    if year > i32::from(as_of.year()) {
        return None;
    }
    ind.actuals
        .iter()
        .rev()
        .find(|a| a.year == year && a.value.is_finite())
        .map(|a| (a.value, "actuals".to_owned()))
}

/// Every (year, value) actual known as of the date, by year.
fn actual_series(
    doc: &Document,
    values: &[ValueRef],
    ind: &Indicator,
    as_of: Date,
) -> Vec<(i32, f64)> {
    let mut years: Vec<i32> = ind
        .actuals
        .iter()
        .map(|a| a.year)
        .chain(values.iter().filter(|v| v.as_of <= as_of).map(|v| v.year))
        .collect();
    years.sort_unstable();
    years.dedup();
    years
        .into_iter()
        .filter_map(|y| actual(doc, values, ind, y, as_of).map(|(v, _)| (y, v)))
        .collect()
}

/// The ratio, or why there is none.
pub(crate) fn ratio(baseline: Option<f64>, target: f64, actual: f64) -> Result<f64, String> {
    let Some(b) = baseline.filter(|b| b.is_finite()) else {
        return Err("no baseline".into());
    };
    if !target.is_finite() || !actual.is_finite() {
        return Err("not a finite number".into());
    }
    if target == b {
        return Err("target equals baseline".into());
    }
    Ok((actual - b) / (target - b))
}

impl Strategy {
    /// Indicator achievement as of a date: per indicator and target year, the ratio, band and
    /// reason; a summary per indicator (latest, trend, at risk with the measures that hold it
    /// back) and a roll-up per direction and goal.
    ///
    /// Errors: [`crate::Error::Argument`] for band thresholds that are not finite or not in
    /// order (`met ≥ mostly_met ≥ partly_met`).
    pub fn achievement(&self, opts: &AchievementOptions) -> Result<Achievement> {
        let b = opts.bands;
        if ![b.met, b.mostly_met, b.partly_met]
            .iter()
            .all(|x| x.is_finite())
            || b.met < b.mostly_met
            || b.mostly_met < b.partly_met
        {
            return Err(ArgumentError::at(
                format!(
                    "bands must be finite numbers with met ≥ mostly_met ≥ partly_met, not {} / {} / {}",
                    b.met, b.mostly_met, b.partly_met
                ),
                "bands",
            )
            .into());
        }
        let doc = self.document();
        let ix = self.index();
        let r = &ix.monitoring;
        let as_of = opts.as_of.unwrap_or_else(|| data_date(doc));
        let late = super::triage::late_measures(self, as_of);
        let mut records = Vec::new();
        let mut summaries = Vec::new();
        // directions per indicator, via the measures that hold it
        let dirs_of: Vec<Vec<u32>> = indicator_directions(doc, r);
        for (ii, ind) in doc.indicators.iter().enumerate() {
            let values = &r.values[ii];
            let baseline = ind.baseline.map(|b| b.value);
            let mut targets: Vec<_> = ind.targets.iter().collect();
            targets.sort_by_key(|t| t.year);
            let mut latest: Option<(i32, Option<f64>, Band)> = None;
            for t in targets {
                let act = actual(doc, values, ind, t.year, as_of);
                let (achievement, band, reason) = match &act {
                    None => (
                        None,
                        Band::NoData,
                        Some(format!("no actual for {} as of {as_of}", t.year)),
                    ),
                    Some((a, _)) => match ratio(baseline, t.value, *a) {
                        Ok(x) => {
                            let x = if opts.cap { x.min(1.0) } else { x };
                            (Some(x), opts.bands.of(Some(x)), None)
                        }
                        Err(why) => (None, Band::Undefined, Some(why)),
                    },
                };
                if act.is_some() {
                    latest = Some((t.year, achievement, band));
                }
                records.push(AchievementRecord {
                    indicator: ind.id.to_string(),
                    year: t.year,
                    baseline,
                    target: t.value,
                    is_final: t.is_final,
                    actual: act.as_ref().map(|x| x.0),
                    actual_source: act.map(|x| x.1),
                    achievement,
                    band,
                    reason,
                });
            }
            let series = actual_series(doc, values, ind, as_of);
            let trend = match series.as_slice() {
                [.., (_, a), (_, b)] => {
                    let up = b > a;
                    if a == b {
                        Trend::Flat
                    } else if up == (ind.polarity == Polarity::Ascending) {
                        Trend::Improving
                    } else {
                        Trend::Worsening
                    }
                }
                _ => Trend::Unknown,
            };
            let base_year = ind.baseline.map_or(i32::MIN, |b| b.year);
            let total_to_date = if ind.cumulative {
                series.last().map(|x| x.1)
            } else {
                let after: Vec<f64> = series
                    .iter()
                    .filter(|x| x.0 > base_year)
                    .map(|x| x.1)
                    .collect();
                (!after.is_empty()).then(|| after.iter().sum())
            };
            let at_risk_measures: Vec<String> = doc
                .measures
                .iter()
                .enumerate()
                .filter(|(_, m)| m.indicators.iter().any(|x| x == &ind.id))
                .filter_map(|(m, me)| {
                    late.iter()
                        .find(|l| l.0 == m as u32)
                        .map(|l| format!("{} ({})", me.id, l.1))
                })
                .collect();
            summaries.push(IndicatorSummary {
                indicator: ind.id.to_string(),
                cumulative: ind.cumulative,
                latest_year: latest.map(|l| l.0),
                latest_achievement: latest.and_then(|l| l.1),
                band: latest.map_or(Band::NoData, |l| l.2),
                trend,
                total_to_date,
                directions: dirs_of[ii]
                    .iter()
                    .map(|&k| doc.directions[k as usize].id.to_string())
                    .collect(),
                at_risk: !at_risk_measures.is_empty(),
                at_risk_measures,
            });
        }
        // roll-up
        let mut rollup = Vec::new();
        let mut add = |level: &str, group: String, members: Vec<usize>| {
            let mut n_data = 0u64;
            let mut met = 0u64;
            let mut sum = 0.0;
            for &k in &members {
                let s: &IndicatorSummary = &summaries[k];
                if let Some(a) = s.latest_achievement {
                    n_data += 1;
                    sum += a.clamp(0.0, 1.0);
                    if s.band == Band::Met {
                        met += 1;
                    }
                }
            }
            rollup.push(RollupRecord {
                level: level.into(),
                group,
                indicators: members.len() as u64,
                with_data: n_data,
                met,
                mean_achievement: (n_data > 0).then(|| sum / n_data as f64),
            });
        };
        for (k, dir) in doc.directions.iter().enumerate() {
            let members: Vec<usize> = (0..doc.indicators.len())
                .filter(|&ii| dirs_of[ii].contains(&(k as u32)))
                .collect();
            if !members.is_empty() {
                add("direction", dir.id.to_string(), members);
            }
        }
        for g in &doc.strategy.goals {
            let members: Vec<usize> = (0..doc.indicators.len())
                .filter(|&ii| {
                    dirs_of[ii]
                        .iter()
                        .any(|&k| doc.directions[k as usize].goals.contains(&g.id))
                })
                .collect();
            if !members.is_empty() {
                add("goal", g.id.to_string(), members);
            }
        }
        Ok(Achievement {
            as_of,
            cap: opts.cap,
            bands: opts.bands,
            records,
            indicators: summaries,
            rollup,
        })
    }

    /// The results-based rating: the share of indicators whose latest actual (in a target
    /// year up to the date) meets that year's target, overall or by direction.
    pub fn results_rating(&self, opts: &ResultsRatingOptions) -> ResultsRating {
        let doc = self.document();
        let r = &self.index().monitoring;
        let as_of = opts.as_of.unwrap_or_else(|| data_date(doc));
        // per indicator: Some(met) or None (cannot be judged)
        let judged: Vec<Option<bool>> = doc
            .indicators
            .iter()
            .enumerate()
            .map(|(ii, ind)| {
                let mut ts: Vec<_> = ind.targets.iter().collect();
                ts.sort_by_key(|t| std::cmp::Reverse(t.year));
                ts.iter().find_map(|t| {
                    let (a, _) = actual(doc, &r.values[ii], ind, t.year, as_of)?;
                    let b = ind.baseline.map(|b| b.value);
                    Some(match ratio(b, t.value, a) {
                        Ok(x) => Some(x >= 1.0),
                        Err(_) => None,
                    })
                })?
            })
            .collect();
        let rec = |group: String, members: &mut dyn Iterator<Item = usize>| {
            let (mut n, mut met, mut nd) = (0u64, 0u64, 0u64);
            for k in members {
                match judged[k] {
                    Some(m) => {
                        n += 1;
                        met += u64::from(m);
                    }
                    None => nd += 1,
                }
            }
            ResultsRecord {
                group,
                indicators: n,
                met,
                rate: (n > 0).then(|| met as f64 / n as f64),
                no_data: nd,
            }
        };
        let records = match opts.by {
            ResultsBy::Overall => vec![rec("overall".into(), &mut (0..doc.indicators.len()))],
            ResultsBy::Direction => {
                let dirs_of = indicator_directions(doc, r);
                doc.directions
                    .iter()
                    .enumerate()
                    .filter_map(|(k, dir)| {
                        let mut members = (0..doc.indicators.len())
                            .filter(|&ii| dirs_of[ii].contains(&(k as u32)))
                            .peekable();
                        members.peek()?;
                        Some(rec(dir.id.to_string(), &mut members))
                    })
                    .collect()
            }
        };
        ResultsRating { as_of, records }
    }
}

/// Directions (indices, ascending) of the measures holding each indicator.
fn indicator_directions(doc: &Document, r: &ResolvedReports) -> Vec<Vec<u32>> {
    let mut out: Vec<Vec<u32>> = vec![Vec::new(); doc.indicators.len()];
    for (m, me) in doc.measures.iter().enumerate().take(r.direction.len()) {
        let dir = r.direction[m];
        if dir == NONE {
            continue;
        }
        for id in &me.indicators {
            if let Some(ii) = doc.indicators.iter().position(|x| &x.id == id) {
                out[ii].push(dir);
            }
        }
    }
    for v in &mut out {
        v.sort_unstable();
        v.dedup();
    }
    out
}
