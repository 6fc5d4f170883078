//! A project file read as a strategy plus the schedule options that reproduce its dates.

use crate::error::Result;
use crate::project::{self, ProjectFile};
use crate::schedule::{Calendar, ScheduleOptions, Weekday};
use crate::strategy::Strategy;

/// A project file read as a strategy, with the schedule options that reproduce its dates:
/// the project start and the calendar (a strategy document holds neither).
#[derive(Debug, Clone)]
pub struct ProjectImport {
    /// The strategy: directions, measures, relations, durations, constraints; its
    /// [`Strategy::validate`] lists the file's findings (`unsupported_project_data`) first.
    pub strategy: Strategy,
    /// `start` (the project start) and `calendar` (the project calendar, its exceptions as
    /// holidays and extra working days) as the file states them.
    pub options: ScheduleOptions,
}

impl ProjectImport {
    /// Read MSPDI bytes (`source` names them in errors).
    pub fn mspdi(bytes: &[u8], source: &str) -> Result<ProjectImport> {
        project::read_mspdi(bytes, source).map(ProjectImport::of)
    }

    /// Read XER bytes (`source` names them in errors).
    pub fn xer(bytes: &[u8], source: &str) -> Result<ProjectImport> {
        project::read_xer(bytes, source).map(ProjectImport::of)
    }

    fn of(p: ProjectFile) -> ProjectImport {
        let calendar = p.calendar.map(|c| {
            let mut cal = Calendar::new(
                c.weekend.iter().map(|&w| Weekday::ALL[w % 7]).collect(),
                c.holidays,
            );
            cal.name = c.name;
            cal.extra_working_days = c.extra_working_days;
            cal
        });
        ProjectImport {
            strategy: Strategy::from_sheet(p.doc, p.cells),
            options: ScheduleOptions {
                start: p.start,
                calendar,
                ..ScheduleOptions::default()
            },
        }
    }
}
