//! Planners' tools: the action plan as an MS Project XML file (MSPDI) or a Primavera P6 XER
//! file, and such files read back as a strategy (feature `planners`). `docs/planners.md` has
//! the mapping tables, what each format cannot carry and the proof against MPXJ.
//!
//! **Writing** ([`Strategy::to_mspdi`], [`Strategy::to_xer`]): directions become summary tasks
//! (MSPDI) or WBS nodes (XER), measures leaf tasks / activities with the measure id as the WBS
//! code (MSPDI) or the activity ID (XER); every dependency the schedule uses (the written ones
//! and those derived from module requirements) with its relation and lag; durations, start
//! constraints (start no earlier than), deadlines, the calendar of the options (holidays as
//! exceptions, every day a working day without one), the schedule's early dates, and the
//! baseline the options name. The output is deterministic: no clock, document order.
//!
//! **Reading** ([`Strategy::from_mspdi`], [`Strategy::from_xer`], [`Strategy::load`] by
//! extension `.xml` / `.xer`): summary tasks or WBS nodes become directions, leaf tasks or
//! activities measures, with relations, durations, start constraints and deadlines; what a
//! strategy cannot hold (resources, assignments, costs, relations on summary tasks, other
//! constraint types, the calendar) is an `unsupported_project_data` finding of
//! [`Strategy::validate`], never dropped silently. Documents are capped
//! ([`MAX_PROJECT_BYTES`], [`MAX_TASKS`]); an MSPDI file with a DOCTYPE (the door to entity
//! expansion) is refused.

mod export;
mod import;
mod mspdi;
mod xer;

use crate::error::Result;
use crate::schedule::ScheduleOptions;
use crate::strategy::Strategy;

pub use crate::project::{HOURS_PER_DAY, MAX_PROJECT_BYTES, MAX_TASKS};
pub use import::ProjectImport;

impl Strategy {
    /// The plan as an MS Project XML file (MSPDI), scheduled with `opts`: directions as
    /// summary tasks, measures as tasks (the measure id as the WBS code, the title as the
    /// name), every dependency with its relation and lag (derived ones included), durations,
    /// start constraints, deadlines, the calendar (holidays as exceptions), the early dates,
    /// and the baseline `opts.baseline` names. Errors: those of [`Strategy::schedule`] and
    /// [`Strategy::dependencies`].
    pub fn to_mspdi(&self, opts: &ScheduleOptions) -> Result<String> {
        let plan = export::Plan::new(self, opts)?;
        Ok(mspdi::write(&plan))
    }

    /// The plan as a Primavera P6 XER file, scheduled with `opts`: directions as WBS nodes,
    /// measures as activities (the measure id as the activity ID), relations with their type
    /// and lag, durations, start constraints (`CS_MSOA`), deadlines (`CS_MEOB`), the calendar,
    /// the early dates, and the baseline `opts.baseline` names as the target (planned) dates.
    /// Errors: as [`Strategy::to_mspdi`].
    pub fn to_xer(&self, opts: &ScheduleOptions) -> Result<String> {
        let plan = export::Plan::new(self, opts)?;
        Ok(xer::write(&plan))
    }

    /// Read an MS Project XML file (MSPDI): summary tasks become directions, leaf tasks
    /// measures (the WBS code as the id), with relations, durations, start constraints and
    /// deadlines; what a strategy cannot hold is an `unsupported_project_data` finding of
    /// [`Strategy::validate`]. Errors: not an MSPDI file, malformed XML, a DOCTYPE (entity
    /// declarations are never expanded), a file over [`MAX_PROJECT_BYTES`] or
    /// [`MAX_TASKS`].
    pub fn from_mspdi(bytes: &[u8]) -> Result<Strategy> {
        ProjectImport::mspdi(bytes, "<mspdi>").map(|p| p.strategy)
    }

    /// Read a Primavera P6 XER file (UTF-8, or Windows-1252 as P6 writes it), as
    /// [`Strategy::from_mspdi`]: WBS nodes become directions, activities measures (the
    /// activity ID as the id). Errors: not an XER file, a table row with more fields than
    /// its heading, a file over the caps.
    pub fn from_xer(bytes: &[u8]) -> Result<Strategy> {
        ProjectImport::xer(bytes, "<xer>").map(|p| p.strategy)
    }
}
