//! Triage: overdue and at-risk measures ranked by structural weight.

use jiff::civil::Date;

use crate::model::Status;
use crate::strategy::Strategy;

/// Measures that are overdue as of `as_of` (deadline passed, not executed or cancelled), with
/// a short reason, in document order.
pub(crate) fn late_measures(s: &Strategy, as_of: Date) -> Vec<(u32, String)> {
    let doc = s.document();
    let r = &s.index().monitoring;
    let d = super::reports::dn(as_of);
    let mut out = Vec::new();
    for m in 0..doc.measures.len() {
        if r.deadline[m] < d {
            match r.status_as_of(doc, m, as_of) {
                Some(Status::Executed | Status::Cancelled) => {}
                _ => out.push((m as u32, format!("overdue {} days", d - r.deadline[m]))),
            }
        }
    }
    out
}
