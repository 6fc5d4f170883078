//! Diagnostics returned by [`crate::Strategy::validate`].
//!
//! Validation reports everything at once. Each [`Diagnostic`] has a severity, a stable
//! [`Code`], a JSON path into the document (`measures[12].depends_on[0]`), the id of the entity
//! concerned and a one-line message. Diagnostics come in a fixed order: checks run entity kind
//! by entity kind (strategy, organisations, directions, clusters, modules, indicators,
//! measures, then graph-wide checks such as cycles), each in document order.
//!
//! A plan with errors still gets every answer those errors do not make meaningless: each
//! error-severity diagnostic [blocks](Diagnostic::blocks) at most one [`Need`] level (and the
//! levels after it), and only operations of those levels refuse, with a
//! [`crate::Error::Validation`] listing the blocking diagnostics (a cycle alone gives
//! [`crate::Error::Cycle`]). Warnings never stop anything. The table is in
//! `docs/diagnostics.md`.
//!
//! The rules live here, grouped by entity (`strategy`, `entities`, `modules`, `indicators`,
//! `measures`, and `reports` for the executors' reports, evaluations and the reporting
//! calendar); the resolution (`crate::resolve`) runs them. The diagnostic types are defined in
//! a leaf module below every rule and error, and re-exported here.

use crate::period::PeriodRef;

pub use crate::diagnostic::{Code, Diagnostic, Need, Severity};
pub(crate) use crate::diagnostic::{err, warn};

pub(crate) mod assessments;
pub(crate) mod baselines;
pub(crate) mod entities;
pub(crate) mod indicators;
pub(crate) mod influences;
pub(crate) mod measures;
pub(crate) mod modules;
pub(crate) mod provenance;
pub(crate) mod reports;
pub(crate) mod strategy;
pub(crate) mod working_group;

/// Earliest and latest plausible years.
pub(crate) const MIN_YEAR: i16 = 1900;
pub(crate) const MAX_YEAR: i16 = 2200;

pub(crate) fn check_date(d: &mut Vec<Diagnostic>, p: &PeriodRef, path: &str, id: Option<&str>) {
    let y = p.year_of();
    if !(MIN_YEAR..=MAX_YEAR).contains(&y) {
        d.push(err(
            Code::AbsurdDate,
            path.to_owned(),
            id,
            format!("date `{p}` is outside {MIN_YEAR}..{MAX_YEAR}"),
        ));
    }
}
