//! The state of each measure as of a date, from the executors' reports resolved with the index
//! ([`crate::validate::reports`], where the order of reports and the rule for the undated
//! status are stated).

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use crate::model::{Document, Status};
use crate::strategy::Strategy;
use crate::validate::reports::ResolvedReports;

/// Where a measure's state comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub enum StateSource {
    /// An entry of a report with `as_of` on or before the date.
    Report,
    /// The measure's undated `status`.
    Document,
    /// Nothing: no data.
    None,
}

/// A measure's state as of a date.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "wasm", tsify(missing_as_null))]
pub struct MeasureState {
    /// Measure id.
    pub measure: String,
    /// Status, or `None` (no data).
    pub status: Option<Status>,
    /// Where the status comes from.
    pub source: StateSource,
    /// The report that gave it.
    pub report: Option<String>,
    /// That report's `as_of`.
    #[serde(with = "crate::dates::iso_opt")]
    #[cfg_attr(feature = "wasm", tsify(type = "string | null"))]
    pub as_of: Option<Date>,
    /// Percent complete reported.
    pub percent_complete: Option<f64>,
    /// Actual start reported.
    #[serde(with = "crate::dates::iso_opt")]
    #[cfg_attr(feature = "wasm", tsify(type = "string | null"))]
    pub actual_start: Option<Date>,
    /// Actual finish reported.
    #[serde(with = "crate::dates::iso_opt")]
    #[cfg_attr(feature = "wasm", tsify(type = "string | null"))]
    pub actual_finish: Option<Date>,
    /// Remaining days reported.
    pub remaining_days: Option<i64>,
}

impl Strategy {
    /// Every measure's state as of `as_of` (document order): its entry in the latest report
    /// with `as_of ≤` the date (ties: later `submitted`, then later in the document), else its
    /// undated `status`, else no data.
    pub fn states_as_of(&self, as_of: Date) -> Vec<MeasureState> {
        let doc = self.document();
        let r = &self.index().monitoring;
        (0..doc.measures.len())
            .map(|m| state_of(doc, r, m, as_of))
            .collect()
    }

    /// Every measure's status as of `as_of` as one column (document order; `None` = no data),
    /// without per-measure objects: for large plans and for bindings that hand columns over.
    pub fn status_column_as_of(&self, as_of: Date) -> Vec<Option<Status>> {
        let doc = self.document();
        let r = &self.index().monitoring;
        (0..doc.measures.len())
            .map(|m| r.status_as_of(doc, m, as_of))
            .collect()
    }

    /// One measure's state as of a date (`None` for an unknown id).
    pub fn state_as_of(&self, id: &str, as_of: Date) -> Option<MeasureState> {
        let m = self.measure_index(id)? as usize;
        Some(state_of(
            self.document(),
            &self.index().monitoring,
            m,
            as_of,
        ))
    }
}

pub(crate) fn state_of(doc: &Document, r: &ResolvedReports, m: usize, d: Date) -> MeasureState {
    let measure = doc.measures[m].id.to_string();
    match r.entry_as_of(m, d) {
        Some(e) => {
            let rep = &doc.reports[e.report as usize];
            let en = &rep.entries[e.entry as usize];
            MeasureState {
                measure,
                status: Some(en.status),
                source: StateSource::Report,
                report: Some(rep.id.to_string()),
                as_of: Some(e.as_of),
                percent_complete: en.percent_complete.filter(|p| p.is_finite()),
                actual_start: en.actual_start.map(|p| p.first_day()),
                actual_finish: en.actual_finish.map(|p| p.last_day()),
                remaining_days: en.remaining_days,
            }
        }
        None => {
            let status = doc.measures[m].status;
            MeasureState {
                measure,
                status,
                source: if status.is_some() {
                    StateSource::Document
                } else {
                    StateSource::None
                },
                report: None,
                as_of: None,
                percent_complete: None,
                actual_start: None,
                actual_finish: None,
                remaining_days: None,
            }
        }
    }
}
