//! [`Strategy::workbench`]: what the demo page shows of a plan too large for its main thread
//! (issue 21, point 3), computed in one call so that the page's worker converts only what is on
//! screen. Lists are cut to the rows the page shows and counted; every measure id, wave entry
//! and critical measure stays on the Rust side. The matrix and the schedule are computed once
//! and drawn from (the heatmap and the Gantt chart would otherwise compute them again).
//!
//! `examples/src/bin/page_native.rs` calls the same function, so the browser test compares the
//! page with the same work done natively.

use serde::Serialize;

use super::ErrorInfo;
use crate::matrix::CellGap;
use crate::render::{RenderOptions, gantt};
use crate::schedule::{InfeasibleDeadline, ScheduleOptions};
use crate::validate::{Diagnostic, Severity};
use crate::{Error, Strategy};

/// The rows of a list the page shows (diagnostics, gaps, late deadlines); the rest is counted.
pub const WORKBENCH_ROWS: usize = 300;
/// Waves listed, and measure ids listed per wave.
pub const WORKBENCH_WAVES: (usize, usize) = (60, 40);
/// Critical paths listed, and measure ids listed per path.
pub const WORKBENCH_PATHS: (usize, usize) = (20, 60);
/// Diagnostics kept in a part's error (the page names the error, not every diagnostic).
const ERROR_DIAGNOSTICS: usize = 5;

/// What the page shows of a plan: counts, the first rows of each list and the two pictures.
/// Each part is its value or the error that stopped it (a cycle, an invalid plan), as the
/// operation of its name would have thrown.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub struct Workbench {
    /// Number of measures.
    pub measures: usize,
    /// Every diagnostic counted, the first ones listed (errors first).
    pub diagnostics: DiagnosticsHead,
    /// The matrix's size and overall coverage.
    pub matrix: Part<MatrixHead>,
    /// The gaps, counted, the first ones with their reasons in words.
    pub gaps: Part<GapsHead>,
    /// The waves, counted, the first ones with their size and first ids.
    pub waves: Part<WavesHead>,
    /// The schedule's figures, critical paths and late deadlines.
    pub schedule: Part<ScheduleHead>,
    /// The heatmap (SVG).
    pub heatmap: Part<String>,
    /// The Gantt chart (SVG).
    pub gantt: Part<String>,
}

/// A part of the workbench: `{"ok": value}` or `{"error": ErrorInfo}`.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(rename_all = "snake_case")]
pub enum Part<T> {
    /// The part's value.
    Ok(T),
    /// Why it was not computed (at most five of its diagnostics kept).
    Error(Box<ErrorInfo>),
}

impl<T> Part<T> {
    fn of(result: crate::Result<T>) -> Part<T> {
        match result {
            Ok(v) => Part::Ok(v),
            Err(e) => Part::Error(Box::new(short_error(&e))),
        }
    }
}

fn short_error(e: &Error) -> ErrorInfo {
    let mut info = ErrorInfo::from(e);
    if let Some(d) = &mut info.diagnostics {
        d.truncate(ERROR_DIAGNOSTICS);
    }
    info
}

/// Diagnostics: how many, how many errors, the first [`WORKBENCH_ROWS`] (errors first, then
/// warnings, each in the documented order).
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub struct DiagnosticsHead {
    /// Every diagnostic.
    pub total: usize,
    /// Errors among them.
    pub errors: usize,
    /// The first rows.
    pub first: Vec<Diagnostic>,
}

/// The matrix's size and coverage.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub struct MatrixHead {
    /// Clusters.
    pub clusters: usize,
    /// Modules.
    pub modules: usize,
    /// Overall coverage (`Matrix.coverage().overall`).
    pub overall: crate::matrix::Coverage,
}

/// The gaps: how many, the first [`WORKBENCH_ROWS`] with their reasons in words.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub struct GapsHead {
    /// Every gap.
    pub total: usize,
    /// The first gaps.
    pub first: Vec<GapRow>,
}

/// A gap as the page lists it.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub struct GapRow {
    /// Cluster id.
    pub cluster: String,
    /// Module id.
    pub module: String,
    /// Each reason in the command-line tool's words ([`super::gap_reason_text`]).
    pub reasons: Vec<String>,
}

/// The waves: how many, the first [`WORKBENCH_WAVES`] with their size and first ids.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub struct WavesHead {
    /// Every wave.
    pub total: usize,
    /// The first waves.
    pub first: Vec<WaveRow>,
}

/// A wave as the page lists it.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub struct WaveRow {
    /// Measures in the wave.
    pub size: usize,
    /// The first measure ids, document order.
    pub ids: Vec<String>,
}

/// The schedule's figures as the page shows them.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[serde(rename_all = "camelCase")]
pub struct ScheduleHead {
    /// The last day of work (ISO).
    pub finish_date: String,
    /// Project length in days.
    pub duration_days: i64,
    /// Date of offset 0 (ISO).
    pub project_start: String,
    /// Critical measures.
    pub critical: usize,
    /// Near-critical measures.
    pub near_critical: usize,
    /// The first critical paths, each cut to its first ids.
    pub paths: Vec<Vec<String>>,
    /// Infeasible deadlines: how many, the first rows.
    pub late: LateHead,
}

/// Infeasible deadlines: how many, the first [`WORKBENCH_ROWS`].
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub struct LateHead {
    /// Every infeasible deadline.
    pub total: usize,
    /// The first ones.
    pub first: Vec<InfeasibleDeadline>,
}

impl Strategy {
    /// What the demo page shows of a plan (see [`Workbench`]): validation, the matrix, gaps,
    /// waves, the schedule under `schedule`, the heatmap and the Gantt chart drawn with
    /// `render`, each list cut to the rows shown. The same values as the operations of the
    /// same names; the matrix and the schedule are computed once.
    pub fn workbench(&self, schedule: &ScheduleOptions, render: &RenderOptions) -> Workbench {
        let diagnostics = diagnostics_head(self.validate());
        // the heatmap names at most this many measures per cell: no id string for the others
        let matrix = self.matrix_listing(crate::render::TOOLTIP_MAX_MEASURES);
        let gaps = self.gaps();
        let heatmap = match (&matrix, &gaps) {
            (Ok(m), Ok(g)) => Part::of(self.heatmap_from(m, g, schedule, render)),
            (Err(e), _) | (_, Err(e)) => Part::Error(Box::new(short_error(e))),
        };
        let sched = self.schedule_with_changes(schedule, &render.changes);
        let gantt = match &sched {
            Ok(s) => Part::Ok(gantt::gantt_svg(self, s, render)),
            Err(e) => Part::Error(Box::new(short_error(e))),
        };
        Workbench {
            measures: self.measure_count(),
            diagnostics,
            matrix: Part::of(matrix.map(|m| MatrixHead {
                clusters: m.clusters.len(),
                modules: m.modules.len(),
                overall: m.coverage().overall,
            })),
            gaps: Part::of(gaps.map(|g| gaps_head(&g))),
            waves: Part::of(self.waves_head()),
            schedule: Part::of(sched.and_then(|s| schedule_head(&s))),
            heatmap,
            gantt,
        }
    }

    /// The waves counted, the first ones listed, without an id for every measure.
    fn waves_head(&self) -> crate::Result<WavesHead> {
        let ix = self.require(crate::validate::Need::Dag)?;
        let waves = ix.graph.waves().unwrap_or_default();
        let (n_waves, n_ids) = WORKBENCH_WAVES;
        Ok(WavesHead {
            total: waves.len(),
            first: waves
                .iter()
                .take(n_waves)
                .map(|w| WaveRow {
                    size: w.len(),
                    ids: self.ids(&w[..w.len().min(n_ids)]),
                })
                .collect(),
        })
    }
}

fn diagnostics_head(all: &[Diagnostic]) -> DiagnosticsHead {
    let errors = all.iter().filter(|d| d.severity == Severity::Error).count();
    let first = all
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .chain(all.iter().filter(|d| d.severity != Severity::Error))
        .take(WORKBENCH_ROWS)
        .cloned()
        .collect();
    DiagnosticsHead {
        total: all.len(),
        errors,
        first,
    }
}

fn gaps_head(gaps: &[CellGap]) -> GapsHead {
    GapsHead {
        total: gaps.len(),
        first: gaps
            .iter()
            .take(WORKBENCH_ROWS)
            .map(|g| GapRow {
                cluster: g.cluster.clone(),
                module: g.module.clone(),
                reasons: g.reasons.iter().map(super::gap_reason_text).collect(),
            })
            .collect(),
    }
}

fn schedule_head(s: &crate::Schedule) -> crate::Result<ScheduleHead> {
    let (n_paths, n_ids) = WORKBENCH_PATHS;
    let late = s.infeasible_deadlines();
    Ok(ScheduleHead {
        finish_date: s.finish_date()?.to_string(),
        duration_days: s.duration_days(),
        project_start: s.project_start.to_string(),
        critical: s.critical_count(),
        near_critical: s.near_critical_count(),
        paths: s
            .critical_path_indices
            .iter()
            .take(n_paths)
            .map(|p| {
                p.iter()
                    .take(n_ids)
                    .map(|&r| s.ids[r as usize].to_string())
                    .collect()
            })
            .collect(),
        late: LateHead {
            total: late.len(),
            first: late.iter().take(WORKBENCH_ROWS).cloned().collect(),
        },
    })
}
