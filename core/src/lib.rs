//! # eculture
//!
//! Strategy-as-code for digital-transformation programmes. A ministry's digital development
//! strategy — priority directions, an action plan of measures with executors, periods and
//! dependencies, result indicators, and the map of *clusters* and digital *modules* — becomes a
//! [`Document`], and a [`Strategy`] answers what planners and monitoring officers ask:
//!
//! - [`Strategy::validate`]: every problem at once, located by JSON path and id;
//! - [`Strategy::matrix`]: the cluster × module matrix ("algorithmic intersection"), coverage, gaps;
//! - [`Strategy::topological_order`], [`Strategy::waves`], [`Strategy::impact`]: the dependency graph.
//!
//! ```
//! use eculture::Strategy;
//!
//! let s = eculture::Strategy::e_culture();
//! assert!(s.is_valid());
//! let m = s.matrix().unwrap();
//! println!("coverage {:?}", m.coverage().overall.share);
//! let waves = s.waves().unwrap();
//! assert!(!waves.is_empty());
//! ```
//!
//! Python (`import eculture`) and JavaScript (the WASM build) expose the same operations with the
//! same results; the bindings only convert types.
#![forbid(unsafe_code)]
#![deny(missing_docs)]

pub mod api;
#[cfg(feature = "arrow")]
pub mod arrow;
pub mod columnar;
mod dates;
mod diagnostic;
pub mod diff;
pub mod error;
mod escape;
pub mod graph;
mod ids;
pub mod io;
pub mod locate;
pub mod matrix;
pub mod micmac;
pub mod model;
pub mod monitoring;
mod par;
pub mod period;
#[cfg(feature = "planners")]
pub mod planners;
pub mod portfolio;
#[cfg(feature = "planners")]
mod project;
pub mod provenance;
pub mod render;
#[cfg(feature = "xlsx")]
pub mod reportbooks;
mod resolve;
pub mod schedule;
#[cfg(feature = "xlsx")]
pub mod sheets;
pub mod strategy;
mod suggest;
pub mod validate;
#[cfg(feature = "xlsx")]
mod workbook;

pub use columnar::{Groups, Rollup};
pub use diff::{DiffOptions, PlanDiff};
pub use error::{
    ArgumentError, CycleError, Error, Format, IoError, ParseError, Result, ValidationError,
};
pub use error::{ScheduleError, ScheduleErrorKind};
pub use graph::DepGraph;
pub use matrix::{Cell, CellGap, CellState, Coverage, CoverageReport, GapReason, Matrix};
pub use micmac::{Influence, Micmac, MicmacLevel, MicmacOptions, MicmacRecord, Quadrant};
pub use model::Document;
pub use period::PeriodRef;
pub use portfolio::Portfolio;
pub use render::{ColorBy, RenderOptions};
pub use schedule::{Calendar, Schedule, ScheduleOptions};
pub use strategy::{DependencyEdge, MAX_EXPANDED_DEPENDENCIES, Strategy};
pub use validate::{Code, Diagnostic, Need, Severity};

/// Hooks for eculture's own tests and fuzz targets: not an API, may change in any release.
#[doc(hidden)]
pub mod __private {
    pub use crate::par::with_threads;
}

/// Re-exported so that users name the same petgraph version.
pub use petgraph;

/// The README's Rust example, compiled and run as a doc test.
#[doc = include_str!("../../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;

/// The JSON Schema of the document format, generated from the types.
pub fn json_schema() -> serde_json::Value {
    serde_json::to_value(schemars::schema_for!(Document)).unwrap_or(serde_json::Value::Null)
}
