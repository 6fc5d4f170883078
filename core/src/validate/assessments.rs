//! The current-state assessment (`assessments`): the cluster and the module known, the module
//! applying to the cluster, levels on the 0-5 scale, no more institutions reached than the
//! cluster has, each (cluster, module, as_of) once; a target below the level is a warning. None
//! blocks anything: the matrix leaves the entries with an error out ([`check`] returns the
//! latest usable assessment of each cell) and the diagnostics stand beside it.

use std::collections::HashMap;

use super::{Code, Diagnostic, err, warn};
use crate::ids::Ids;
use crate::model::{Assessment, Document, MAX_LEVEL};

/// No assessment for a cell.
pub(crate) const NONE: u32 = u32::MAX;

/// What is wrong with an entry, as (code, field, message).
type Problem = (Code, &'static str, String);

/// The level's problem, when it is outside 0-5.
fn out_of_range(field: &'static str, level: i32) -> Option<Problem> {
    (!(0..=MAX_LEVEL).contains(&level)).then(|| {
        (
            Code::LevelOutOfRange,
            field,
            format!(
                "{} {level} is outside the 0-5 scale (0 none, 1 initial, 2 developing, 3 defined, 4 managed, 5 optimised)",
                field.replace('_', " ")
            ),
        )
    })
}

/// The error of entry `a` (its cluster and module indices when it has none).
fn problem(
    doc: &Document,
    ids: &Ids,
    applicable: &[bool],
    a: &Assessment,
) -> Result<(usize, usize), Problem> {
    let ci = ids
        .clusters
        .get(&a.cluster, |i| doc.clusters[i as usize].id.as_str());
    let Some(ci) = ci else {
        let m = format!("unknown cluster `{}`", a.cluster);
        return Err((Code::UnknownReference, "cluster", m));
    };
    let mi = ids
        .modules
        .get(&a.module, |i| doc.modules[i as usize].id.as_str());
    let Some(mi) = mi else {
        let m = format!("unknown module `{}`", a.module);
        return Err((Code::UnknownReference, "module", m));
    };
    let (ci, mi) = (ci as usize, mi as usize);
    let nc = doc.clusters.len();
    if !applicable.get(mi * nc + ci).copied().unwrap_or(false) {
        let m = format!(
            "module `{}` does not apply to cluster `{}`: the cell is not applicable in the matrix",
            a.module, a.cluster
        );
        return Err((Code::AssessmentNotApplicable, "module", m));
    }
    if let Some(p) = out_of_range("level", a.level) {
        return Err(p);
    }
    if let Some(p) = a.target_level.and_then(|t| out_of_range("target_level", t)) {
        return Err(p);
    }
    if let (Some(reached), Some(total)) = (a.institutions_reached, doc.clusters[ci].institutions)
        && reached > total
    {
        let m = format!(
            "{reached} institutions reached, but cluster `{}` has {total}",
            a.cluster
        );
        return Err((Code::ReachedExceedsInstitutions, "institutions_reached", m));
    }
    Ok((ci, mi))
}

/// Check the table; the result is, per cell `m * n_clusters + c`, the index of its latest
/// usable assessment (the latest `as_of`, the later entry on a tie) or [`NONE`] — empty when
/// the document has no assessment.
pub(crate) fn check(
    doc: &Document,
    ids: &Ids,
    applicable: &[bool],
    d: &mut Vec<Diagnostic>,
) -> Vec<u32> {
    if doc.assessments.is_empty() {
        return Vec::new();
    }
    let nc = doc.clusters.len();
    let mut latest = vec![NONE; nc * doc.modules.len()];
    let mut seen: HashMap<(usize, usize, jiff::civil::Date), usize> = HashMap::new();
    for (i, a) in doc.assessments.iter().enumerate() {
        let id = Some(a.cluster.as_str());
        super::check_date(d, &a.as_of, &format!("assessments[{i}].as_of"), id);
        let (ci, mi) = match problem(doc, ids, applicable, a) {
            Ok(cell) => cell,
            Err((code, field, message)) => {
                d.push(err(code, format!("assessments[{i}].{field}"), id, message));
                continue;
            }
        };
        let day = a.as_of.last_day();
        if let Some(first) = seen.insert((ci, mi, day), i) {
            d.push(err(
                Code::DuplicateId,
                format!("assessments[{i}].as_of"),
                id,
                format!(
                    "cell `{}` × `{}` is assessed twice as of `{}` (first at assessments[{first}])",
                    a.cluster, a.module, a.as_of
                ),
            ));
            continue;
        }
        if let Some(t) = a.target_level.filter(|&t| t < a.level) {
            d.push(warn(
                Code::TargetBelowLevel,
                format!("assessments[{i}].target_level"),
                id,
                format!(
                    "target level {t} of `{}` × `{}` is below its level {}",
                    a.cluster, a.module, a.level
                ),
            ));
        }
        let k = &mut latest[mi * nc + ci];
        if *k == NONE || doc.assessments[*k as usize].as_of.last_day() <= day {
            *k = i as u32;
        }
    }
    latest
}
