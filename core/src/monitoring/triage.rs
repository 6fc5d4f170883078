//! Triage: overdue and at-risk measures ranked by structural weight.
//!
//! *Overdue*: the deadline has passed by the end of the date (states describe the end of
//! their day, so a measure due on the date itself and not executed is overdue: the annual
//! report's 31 December) and the measure is not executed (nor cancelled); `days_late` counts
//! the days from the deadline to the date (0 on the deadline itself). *At risk*: not overdue, not
//! executed, and the forecast as of the date (the schedule with `status_date`) finishes it
//! after its deadline; `days_late` is the forecast lateness.
//!
//! Rank: total float as of the date (least first; a measure without a forecast comes after
//! those with one), then downstream measures, indicators and matrix cells held back (most
//! first), then document order.

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use super::calendar::data_date;
use crate::dates::{self, day_number_i32};
use crate::model::Status;
use crate::schedule::{OutOfSequence, Schedule, ScheduleOptions};
use crate::strategy::Strategy;

/// Why a measure is in triage.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub enum TriageKind {
    /// Deadline passed, not executed.
    Overdue,
    /// Forecast to finish after its deadline.
    AtRisk,
}

impl TriageKind {
    /// The snake_case name.
    pub fn as_str(self) -> &'static str {
        match self {
            TriageKind::Overdue => "overdue",
            TriageKind::AtRisk => "at_risk",
        }
    }
}

/// Options of [`Strategy::triage`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub struct TriageOptions {
    /// The date. Default: the document's data date.
    #[serde(with = "dates::iso_opt", skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "wasm", tsify(type = "string | null", optional))]
    pub as_of: Option<Date>,
    /// Out-of-sequence rule of the forecast. Default `retained_logic`.
    pub out_of_sequence: OutOfSequence,
}

/// One measure in triage.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "wasm", tsify(missing_as_null))]
pub struct TriageRecord {
    /// Measure id.
    pub measure: String,
    /// Overdue or at risk.
    pub kind: TriageKind,
    /// Days since the deadline (overdue) or forecast days late (at risk).
    pub days_late: i64,
    /// Total float in the forecast as of the date; `None` when no forecast could be made.
    pub total_float: Option<i64>,
    /// Measures downstream (held back).
    pub downstream: u64,
    /// Indicators held by the measure or a downstream one (ids, indicator order).
    pub indicators: Vec<String>,
    /// Matrix cells delivered by the measure or a downstream one.
    pub cells: u64,
    /// 1-based rank.
    pub rank: u32,
    /// Why it is here and why it ranks there.
    pub why: String,
}

/// Triage as of a date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "wasm", tsify(missing_as_null))]
#[cfg_attr(feature = "wasm", tsify(rename = "TriageData"))]
pub struct Triage {
    /// The date.
    #[serde(with = "dates::iso")]
    #[cfg_attr(feature = "wasm", tsify(type = "string"))]
    pub as_of: Date,
    /// Ranked records.
    pub records: Vec<TriageRecord>,
    /// Why there is no forecast (the schedule's error), when there is none.
    pub forecast_error: Option<String>,
}

/// Late measures `(row, kind, days late)` in document order, and the forecast or its error.
type Late = (
    Vec<(u32, TriageKind, i64)>,
    std::result::Result<Schedule, String>,
);

/// Late measures as of `as_of`, with the forecast (or its error).
fn late(s: &Strategy, as_of: Date, mode: OutOfSequence) -> Late {
    let doc = s.document();
    let r = &s.index().monitoring;
    let d = day_number_i32(as_of);
    let forecast = s
        .schedule(&ScheduleOptions {
            status_date: Some(as_of),
            out_of_sequence: mode,
            ..ScheduleOptions::default()
        })
        .map_err(|e| e.to_string());
    let mut out = Vec::new();
    let mut at_risk = std::collections::HashMap::new();
    if let Ok(f) = &forecast
        && !f.infeasible_deadlines().is_empty()
    {
        // rows are measures in document order; one id table, not a scan per deadline
        let mut rows: std::collections::HashMap<&str, u32> = Default::default();
        for (k, id) in f.ids.iter().enumerate() {
            rows.entry(id.as_str()).or_insert(k as u32);
        }
        for miss in f.infeasible_deadlines() {
            if let Some(&row) = rows.get(miss.id.as_str()) {
                at_risk.insert(row, miss.days_late);
            }
        }
    }
    for m in 0..r.deadline.len() {
        let st = r.status_as_of(doc, m, as_of);
        if matches!(st, Some(Status::Executed | Status::Cancelled)) {
            continue;
        }
        if r.deadline[m] <= d {
            out.push((m as u32, TriageKind::Overdue, i64::from(d - r.deadline[m])));
        } else if let Some(&late) = at_risk.get(&(m as u32)) {
            out.push((m as u32, TriageKind::AtRisk, late));
        }
    }
    (out, forecast)
}

/// Measures overdue or forecast late as of `as_of`, with a short reason, in document order.
pub(crate) fn late_measures(s: &Strategy, as_of: Date) -> Vec<(u32, String)> {
    late(s, as_of, OutOfSequence::RetainedLogic)
        .0
        .into_iter()
        .map(|(m, k, days)| {
            let why = match k {
                TriageKind::Overdue if days == 0 => "overdue: due on the date, not executed".into(),
                TriageKind::Overdue => format!("overdue {days} days"),
                TriageKind::AtRisk => format!("forecast {days} days late"),
            };
            (m, why)
        })
        .collect()
}

fn list(ids: &[String], max: usize) -> String {
    let mut s = ids
        .iter()
        .take(max)
        .map(|x| format!("`{x}`"))
        .collect::<Vec<_>>()
        .join(", ");
    if ids.len() > max {
        s.push_str(&format!(" and {} more", ids.len() - max));
    }
    s
}

impl Strategy {
    /// Overdue and at-risk measures as of a date, ranked by structural weight: float as of
    /// the date, downstream measures, indicators and matrix cells they hold back. Each record
    /// says why it ranks where it does.
    pub fn triage(&self, opts: &TriageOptions) -> Triage {
        let doc = self.document();
        let ix = self.index();
        let as_of = opts.as_of.unwrap_or_else(|| data_date(doc));
        let (late, forecast) = late(self, as_of, opts.out_of_sequence);
        let nc = ix.n_clusters;
        let cells_of = |m: usize, out: &mut Vec<usize>| {
            for t in &doc.measures[m].targets {
                let Some(mi) = doc.modules.iter().position(|x| x.id == t.module) else {
                    continue;
                };
                match &t.clusters {
                    Some(cs) => {
                        for c in cs {
                            if let Some(ci) = doc.clusters.iter().position(|x| &x.id == c)
                                && ix.applicable[mi * nc + ci]
                            {
                                out.push(mi * nc + ci);
                            }
                        }
                    }
                    None => out.extend(
                        (0..nc)
                            .filter(|&c| ix.applicable[mi * nc + c])
                            .map(|c| mi * nc + c),
                    ),
                }
            }
        };
        struct Row {
            m: u32,
            kind: TriageKind,
            days: i64,
            tf: Option<i64>,
            down: Vec<u32>,
            inds: Vec<String>,
            cells: u64,
        }
        let mut rows: Vec<Row> = late
            .into_iter()
            .map(|(m, kind, days)| {
                let down: Vec<u32> = if ix.blocked.is_none_or(|b| b > crate::Need::Graph) {
                    ix.graph.descendants(&[m])
                } else {
                    Vec::new()
                };
                let mut members = down.clone();
                members.push(m);
                let mut inds: Vec<usize> = Vec::new();
                let mut cells: Vec<usize> = Vec::new();
                for &k in &members {
                    for id in &doc.measures[k as usize].indicators {
                        if let Some(ii) = doc.indicators.iter().position(|x| &x.id == id) {
                            inds.push(ii);
                        }
                    }
                    cells_of(k as usize, &mut cells);
                }
                inds.sort_unstable();
                inds.dedup();
                cells.sort_unstable();
                cells.dedup();
                let tf = forecast
                    .as_ref()
                    .ok()
                    .map(|f| i64::from(f.total_float[m as usize]));
                Row {
                    m,
                    kind,
                    days,
                    tf,
                    down,
                    inds: inds
                        .into_iter()
                        .map(|i| doc.indicators[i].id.to_string())
                        .collect(),
                    cells: cells.len() as u64,
                }
            })
            .collect();
        rows.sort_by(|a, b| {
            let tf = |r: &Row| r.tf.unwrap_or(i64::MAX);
            tf(a)
                .cmp(&tf(b))
                .then(b.down.len().cmp(&a.down.len()))
                .then(b.inds.len().cmp(&a.inds.len()))
                .then(b.cells.cmp(&a.cells))
                .then(a.m.cmp(&b.m))
        });
        let records = rows
            .into_iter()
            .enumerate()
            .map(|(k, r)| {
                let id = doc.measures[r.m as usize].id.to_string();
                let when = match r.kind {
                    TriageKind::Overdue if r.days == 0 => format!(
                        "overdue: its deadline was {as_of} and it is not executed by the end of it"
                    ),
                    TriageKind::Overdue => format!(
                        "overdue: its deadline passed {} days before {as_of} and it is not executed",
                        r.days
                    ),
                    TriageKind::AtRisk => format!(
                        "at risk: the forecast as of {as_of} finishes it {} days after its deadline",
                        r.days
                    ),
                };
                let mut down_ids: Vec<String> = r
                    .down
                    .iter()
                    .map(|&v| doc.measures[v as usize].id.to_string())
                    .collect();
                down_ids.sort_unstable();
                let float = match r.tf {
                    Some(tf) => format!("total float {tf} days"),
                    None => "no forecast".to_owned(),
                };
                let held = if down_ids.is_empty() {
                    "holds back no other measure".to_owned()
                } else {
                    format!(
                        "holds back {} measure{} ({})",
                        down_ids.len(),
                        if down_ids.len() == 1 { "" } else { "s" },
                        list(&down_ids, 5)
                    )
                };
                let inds = if r.inds.is_empty() {
                    "no indicator".to_owned()
                } else {
                    format!("indicators {}", list(&r.inds, 5))
                };
                let why = format!(
                    "{when}; {float}; {held}, {inds}, {} matrix cells; rank {} by float, then downstream measures, indicators and cells",
                    r.cells,
                    k + 1
                );
                TriageRecord {
                    measure: id,
                    kind: r.kind,
                    days_late: r.days,
                    total_float: r.tf,
                    downstream: r.down.len() as u64,
                    indicators: r.inds,
                    cells: r.cells,
                    rank: (k + 1) as u32,
                    why,
                }
            })
            .collect();
        Triage {
            as_of,
            records,
            forecast_error: forecast.err(),
        }
    }
}
