//! The scored influences (`influences`, for MICMAC): ids of the entities of their level,
//! intensities 0-3, no entity on itself, each pair of a level once. None blocks anything:
//! [`crate::Strategy::micmac`] leaves the entries found here out ([`usable`]).

use std::collections::HashSet;

use super::{Code, Diagnostic, err};
use crate::model::{Document, MicmacLevel, ScoredInfluence};

/// The ids of a level's entities, in document order.
pub(crate) fn level_ids(doc: &Document, level: MicmacLevel) -> Vec<&str> {
    match level {
        MicmacLevel::Measure => doc.measures.iter().map(|m| m.id.as_str()).collect(),
        MicmacLevel::Direction => doc.directions.iter().map(|d| d.id.as_str()).collect(),
        MicmacLevel::Module => doc.modules.iter().map(|m| m.id.as_str()).collect(),
    }
}

/// What is wrong with entry `k`, given the ids of its level and the pairs seen before it, as
/// (code, field, message); `None` when MICMAC can use it.
fn problem(
    k: usize,
    e: &ScoredInfluence,
    known: &HashSet<&str>,
    seen: &HashSet<String>,
) -> Option<(Code, &'static str, String)> {
    let what = e.level.as_str();
    for (field, id) in [("from", &e.from), ("to", &e.to)] {
        if !known.contains(id.as_str()) {
            return Some((
                Code::UnknownReference,
                field,
                format!("unknown {what} `{id}`"),
            ));
        }
    }
    if e.intensity > 3 {
        let m = format!(
            "intensity {} of `{}` on `{}` is not 0 (none), 1 (weak), 2 (moderate) or 3 (strong)",
            e.intensity, e.from, e.to
        );
        return Some((Code::InvalidInfluence, "intensity", m));
    }
    if e.from == e.to {
        let m = format!(
            "`{}` influences itself: the diagonal of the MICMAC matrix is zero",
            e.from
        );
        return Some((Code::InvalidInfluence, "to", m));
    }
    if seen.contains(&pair(e)) {
        let m = format!(
            "the influence of {what} `{}` on `{}` is scored twice (entry {k})",
            e.from, e.to
        );
        return Some((Code::InvalidInfluence, "to", m));
    }
    None
}

/// The key of an entry's pair: level, from and to.
fn pair(e: &ScoredInfluence) -> String {
    format!("{}\u{0}{}\u{0}{}", e.level.as_str(), e.from, e.to)
}

/// Walk the table: `report` gets each entry's problem, the result is the usable entries of
/// `level` (all levels when `None`).
fn walk(
    doc: &Document,
    level: Option<MicmacLevel>,
    mut report: impl FnMut(usize, &ScoredInfluence, (Code, &'static str, String)),
) -> Vec<&ScoredInfluence> {
    let mut ids: [Option<HashSet<&str>>; 3] = [None, None, None];
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    for (k, e) in doc.influences.iter().enumerate() {
        if level.is_some_and(|l| l != e.level) {
            continue;
        }
        let known = ids[e.level as usize]
            .get_or_insert_with(|| level_ids(doc, e.level).into_iter().collect());
        match problem(k, e, known, &seen) {
            Some(p) => report(k, e, p),
            None => {
                seen.insert(pair(e));
                out.push(e);
            }
        }
    }
    out
}

/// Check the table.
pub(crate) fn check(doc: &Document, d: &mut Vec<Diagnostic>) {
    walk(doc, None, |k, e, (code, field, message)| {
        d.push(err(
            code,
            format!("influences[{k}].{field}"),
            Some(e.from.as_str()),
            message,
        ));
    });
}

/// The entries of `level` that MICMAC can use (those [`check`] has nothing against).
pub(crate) fn usable(doc: &Document, level: MicmacLevel) -> Vec<&ScoredInfluence> {
    walk(doc, Some(level), |_, _, _| {})
}
