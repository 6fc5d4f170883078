//! Named baselines (`baselines`): ids unique and not empty, each measure known and at most
//! once per baseline, plausible dates and a finish not before the start. A finding here never
//! blocks planning answers: a schedule compared with a baseline leaves out the entries that do
//! not resolve, and the diagnostics stand beside it.

use std::collections::HashMap;

use super::{Code, Diagnostic, check_date, err};
use crate::ids::IdTable;
use crate::model::Document;

/// Check every baseline of `doc`.
pub(crate) fn check(doc: &Document, measures: &IdTable, d: &mut Vec<Diagnostic>) {
    IdTable::build(
        doc.baselines.iter().map(|b| b.id.as_str()),
        |i| doc.baselines[i as usize].id.as_str(),
        "baseline",
        "baselines",
        d,
    );
    let measure_of = |i: u32| doc.measures[i as usize].id.as_str();
    for (i, b) in doc.baselines.iter().enumerate() {
        let id = Some(b.id.as_str());
        check_date(d, &b.taken, &format!("baselines[{i}].taken"), id);
        let mut seen: HashMap<&str, usize> = HashMap::with_capacity(b.measures.len());
        for (k, e) in b.measures.iter().enumerate() {
            let at = format!("baselines[{i}].measures[{k}]");
            if measures.get(&e.measure, measure_of).is_none() {
                d.push(err(
                    Code::UnknownReference,
                    format!("{at}.measure"),
                    id,
                    format!("unknown measure `{}`", e.measure),
                ));
            }
            if let Some(first) = seen.insert(e.measure.as_str(), k) {
                d.push(err(
                    Code::DuplicateId,
                    format!("{at}.measure"),
                    id,
                    format!(
                        "measure `{}` is in baseline `{}` twice (first at baselines[{i}].measures[{first}])",
                        e.measure, b.id
                    ),
                ));
            }
            check_date(d, &e.start, &format!("{at}.start"), id);
            check_date(d, &e.finish, &format!("{at}.finish"), id);
            if e.finish.last_day() < e.start.first_day() {
                d.push(err(
                    Code::StartAfterDeadline,
                    format!("{at}.finish"),
                    id,
                    format!(
                        "baseline finish `{}` of measure `{}` is before its start `{}`",
                        e.finish, e.measure, e.start
                    ),
                ));
            }
        }
    }
}
