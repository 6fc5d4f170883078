//! Rules about result indicators: a baseline and targets, and targets that differ from the
//! baseline (otherwise achievement is undefined).

use super::{Code, Diagnostic, err, warn};
use crate::model::Document;

/// Baselines and targets.
pub(crate) fn check(doc: &Document, d: &mut Vec<Diagnostic>) {
    for (i, ind) in doc.indicators.iter().enumerate() {
        match &ind.baseline {
            None => d.push(warn(
                Code::IndicatorIncomplete,
                format!("indicators[{i}].baseline"),
                Some(&ind.id),
                format!("indicator `{}` has no baseline", ind.id),
            )),
            Some(b) => {
                for (j, t) in ind.targets.iter().enumerate() {
                    if t.value == b.value {
                        let msg = format!(
                            "{} target {} for {} equals the baseline, so achievement is undefined",
                            if t.is_final { "final" } else { "interim" },
                            t.value,
                            t.year
                        );
                        let path = format!("indicators[{i}].targets[{j}]");
                        d.push(if t.is_final {
                            err(Code::TargetEqualsBaseline, path, Some(&ind.id), msg)
                        } else {
                            warn(Code::TargetEqualsBaseline, path, Some(&ind.id), msg)
                        });
                    }
                }
            }
        }
        if ind.targets.is_empty() {
            d.push(warn(
                Code::IndicatorIncomplete,
                format!("indicators[{i}].targets"),
                Some(&ind.id),
                format!("indicator `{}` has no target", ind.id),
            ));
        }
    }
}
