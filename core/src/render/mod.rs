//! Pictures of a strategy: deterministic, self-contained SVG (the matrix heatmap, the Gantt
//! chart, the rollout over quarters, the DSM), Graphviz DOT of the dependency graph, and one
//! printable HTML report that holds them all.
//!
//! Every picture is a method of [`Strategy`] named after what it shows — `heatmap_svg`,
//! `gantt_svg`, `rollout_svg`, `dsm_svg`, `to_dot`, `report_html` — taking a
//! [`RenderOptions`] (and [`ScheduleOptions`] when it needs a schedule). The functions of this
//! module take already computed results, for callers that hold them.
//!
//! **Self-contained.** No script, no external font, stylesheet, image or URL: the only URL in
//! the output is the SVG namespace. Fonts are a generic stack ([`svg::FONT`]).
//!
//! **Safe.** Every user string (names, titles, ids) is escaped for XML (`&`, `<`, `>`, `"`,
//! `'`; forbidden control characters are dropped) or for DOT.
//!
//! **Deterministic.** Same plan, same options → same bytes on every run and platform: inputs
//! are walked in document order (no hash-map iteration), numbers are written with at most
//! one decimal.
//!
//! **Large plans.** Work is linear in the plan. Above [`GANTT_MAX_ROWS`] measures the Gantt
//! draws one bar per direction; above [`HEATMAP_MAX_AXIS`] clusters or modules the heatmap and
//! rollout group them into blocks; above [`DSM_MAX_MEASURES`] measures the DSM shows mark
//! density between blocks of the sequence. The picture then says so ("aggregated: …").
//! `docs/pictures.md` describes each picture, its colours and options.
//!
//! ```
//! use eculture::render::{ColorBy, RenderOptions};
//! use eculture::schedule::ScheduleOptions;
//! use eculture::Strategy;
//!
//! let s = Strategy::e_culture();
//! let sched = ScheduleOptions::default();
//! // options as a binding would pass them: a partial dict / object
//! let opts: RenderOptions = serde_json::from_str(r#"{"lang": "az", "color_by": "quarter"}"#).unwrap();
//! assert_eq!(opts.color_by, ColorBy::Quarter);
//! let heatmap = s.heatmap_svg(&sched, &opts).unwrap();
//! assert!(heatmap.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
//! let gantt = s.gantt_svg(&sched, &RenderOptions::default()).unwrap();
//! assert_eq!(gantt, s.gantt_svg(&sched, &RenderOptions::default()).unwrap());
//! let report = s.report_html(&sched, &RenderOptions::default());
//! assert!(report.contains("<section id=\"gantt\">") && !report.contains("<script"));
//! for gap in s.gaps().unwrap() {
//!     assert!(!gap.reasons.is_empty());
//! }
//! ```

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use crate::error::Result;
use crate::model::{Lang, Text};
use crate::schedule::{ChangeKind, DurationChange, ScheduleOptions};
use crate::strategy::Strategy;

mod assessed;
pub mod dot;
pub mod dsm;
pub mod gantt;
pub mod heatmap;
pub mod report;
mod report_levels;
pub mod rollout;
pub mod svg;

/// Above this many measures the Gantt chart draws one bar per direction.
pub const GANTT_MAX_ROWS: usize = 400;
/// Above this many clusters (or modules) the heatmap and the rollout group them into blocks.
pub const HEATMAP_MAX_AXIS: usize = 60;
/// Above this many measures the DSM shows blocks of the sequence instead of single measures.
pub const DSM_MAX_MEASURES: usize = 150;
/// Above this many measures the DOT graph has one node per direction.
pub const DOT_MAX_NODES: usize = 400;
/// Measures named in one heatmap cell's tooltip; the rest are counted ("… 19,988 more"), so a
/// country-scale plan's heatmap stays a few hundred kilobytes.
pub const TOOLTIP_MAX_MEASURES: usize = 12;

/// What colours the cells of the heatmap.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub enum ColorBy {
    /// Covered / gap / not applicable (the default).
    #[default]
    State,
    /// The quarter in which the cell is delivered (early schedule, [`Strategy::rollout`]).
    Quarter,
    /// How many measures deliver the cell (1, 2, 3 or more).
    Coverage,
    /// The cell's assessed maturity level 0-5 (`docs/assessment.md`), current → target.
    Level,
    /// Levels still to climb to the target (`target_level - level`).
    GapToTarget,
    /// The cluster's number of institutions (a log scale), with the share reached.
    Institutions,
}

impl ColorBy {
    /// Whether the colouring reads the current-state assessment or the institutions: then
    /// every applicable cell (gap or covered) is coloured by it.
    pub fn is_assessed(self) -> bool {
        matches!(
            self,
            ColorBy::Level | ColorBy::GapToTarget | ColorBy::Institutions
        )
    }
}

/// Options of every picture. Every field has a default, so partial JSON / Python dicts work
/// (`{"lang": "az"}`); unknown fields are errors.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub struct RenderOptions {
    /// Language of names and titles: `en` (default), `az` or `ru`. A name missing in it falls
    /// back to English or Azerbaijani, then Russian, then the id.
    pub lang: Lang,
    /// What colours the heatmap's cells. Default `state`.
    pub color_by: ColorBy,
    /// A status date: drawn as a vertical line on the Gantt chart. Default: none.
    #[serde(
        with = "crate::schedule::dates::iso_opt",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "wasm", tsify(type = "string | null", optional))]
    pub status_date: Option<Date>,
    /// Width in pixels of the Gantt chart's time axis area plus labels (default 1200; at
    /// least 600). The other pictures size themselves from their content.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "wasm", tsify(optional))]
    pub width: Option<u32>,
    /// What-if changes drawn instead of the plan (the Gantt chart, the rollout, the heatmap
    /// by quarter and the report's schedule sections): the same changes as
    /// [`Strategy::what_if`], and the picture says which were applied. Default: none.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(feature = "wasm", tsify(optional))]
    pub changes: Vec<DurationChange>,
}

impl Default for RenderOptions {
    fn default() -> Self {
        RenderOptions {
            lang: Lang::En,
            color_by: ColorBy::State,
            status_date: None,
            width: None,
            changes: Vec::new(),
        }
    }
}

impl RenderOptions {
    /// Options in one language.
    pub fn lang(lang: Lang) -> Self {
        RenderOptions {
            lang,
            ..RenderOptions::default()
        }
    }
}

/// The text of `t` in `lang`, else English or Azerbaijani (the other one), else Russian, else
/// `id`. Blank texts count as missing.
pub fn name<'a>(t: &'a Text, lang: Lang, id: &'a str) -> &'a str {
    t.in_lang(lang).unwrap_or(id)
}

/// A small picture that says why the real one cannot be drawn.
pub fn notice(message: &str) -> String {
    let w = (message.chars().count() as f64 * 7.0 + 40.0).clamp(300.0, 1200.0);
    let mut svg = svg::Svg::new(w, 40.0, message);
    svg.text(16.0, 25.0, "fill=\"#b00020\"", message);
    svg.finish()
}

/// The title of a picture: what it shows, then the strategy's (shortened) name.
/// The name is cut to what fits in `width` pixels at the title's size.
pub(crate) fn heading(s: &Strategy, lang: Lang, what: &str, width: f64) -> String {
    let doc = s.document();
    let room = ((width - 32.0) / 9.8) as usize;
    let left = room.saturating_sub(what.chars().count() + 3).max(12);
    format!(
        "{what} — {}",
        svg::truncate(name(&doc.strategy.title, lang, &doc.strategy.id), left)
    )
}

/// Words of the pictures in English and Azerbaijani (Russian uses English).
pub(crate) fn word(lang: Lang, en: &'static str, az: &'static str) -> &'static str {
    if lang == Lang::Az { az } else { en }
}

/// Colours, shared by every picture and the report's legend.
pub mod palette {
    /// Covered cell.
    pub const COVERED: &str = "#2a8c9e";
    /// Gap: hatch stroke and outline.
    pub const GAP: &str = "#d9480f";
    /// Gap: hatch background.
    pub const GAP_BG: &str = "#ffe3d3";
    /// Not applicable / no data: neutral grey, never green.
    pub const NONE: &str = "#e6e6e6";
    /// Grid lines and axes.
    pub const GRID: &str = "#c8c8c8";
    /// Ink.
    pub const INK: &str = "#222222";
    /// Secondary text.
    pub const MUTED: &str = "#666666";
    /// Gantt bar, not critical.
    pub const BAR: &str = "#5b8fc7";
    /// Gantt bar, near-critical.
    pub const NEAR: &str = "#f0a030";
    /// Gantt bar, critical.
    pub const CRITICAL: &str = "#b8206a";
    /// Negative float / missed deadline.
    pub const LATE: &str = "#e00000";
    /// Delivered after the strategy period.
    pub const AFTER: &str = "#6a3d9a";
    /// Gantt: the bar of the compared baseline.
    pub const BASELINE: &str = "#3a3a3a";

    /// A sequential blue–teal ramp: `t` in 0..=1 → light to dark.
    pub fn ramp(t: f64) -> String {
        let t = if t.is_finite() {
            t.clamp(0.0, 1.0)
        } else {
            0.0
        };
        let (a, b) = ((0xd4, 0xee, 0xf2), (0x0b, 0x3d, 0x6b));
        let mix =
            |x: i32, y: i32| (f64::from(x) + (f64::from(y) - f64::from(x)) * t).round() as i32;
        format!(
            "#{:02x}{:02x}{:02x}",
            mix(a.0, b.0),
            mix(a.1, b.1),
            mix(a.2, b.2)
        )
    }

    /// A sequential yellow–red ramp for distances (levels still to climb): `t` in 0..=1 →
    /// light to dark.
    pub fn warm(t: f64) -> String {
        let t = if t.is_finite() {
            t.clamp(0.0, 1.0)
        } else {
            0.0
        };
        let (a, b) = ((0xfd, 0xf0, 0xc4), (0x9e, 0x1f, 0x0b));
        let mix =
            |x: i32, y: i32| (f64::from(x) + (f64::from(y) - f64::from(x)) * t).round() as i32;
        format!(
            "#{:02x}{:02x}{:02x}",
            mix(a.0, b.0),
            mix(a.1, b.1),
            mix(a.2, b.2)
        )
    }

    /// Text colour that reads on top of `ramp(t)`.
    pub fn ink_on(t: f64) -> &'static str {
        if t > 0.45 {
            "#ffffff"
        } else {
            super::palette::INK
        }
    }
}

/// "What-if: 3.2 +30 d, 4.1 start +10 d" for a picture drawn with changes, in its language.
pub(crate) fn what_if_note(opts: &RenderOptions) -> Option<String> {
    if opts.changes.is_empty() {
        return None;
    }
    let list: Vec<String> = opts
        .changes
        .iter()
        .map(|c| {
            let sign = if c.days >= 0 { "+" } else { "" };
            match c.kind {
                ChangeKind::Duration => format!("{} {sign}{} d", c.id, c.days),
                ChangeKind::Start => format!(
                    "{} {} {sign}{} d",
                    c.id,
                    word(opts.lang, "start", "başlanğıc"),
                    c.days
                ),
            }
        })
        .collect();
    Some(format!(
        "{}: {}",
        word(opts.lang, "What-if", "Ssenari"),
        list.join(", ")
    ))
}

/// The picture with the document's illustrative caption, when it has illustrative content
/// ([`Strategy::illustrative_caption`]); unchanged otherwise.
pub(crate) fn captioned(s: &Strategy, svg: String) -> String {
    match s.illustrative_caption() {
        Some(c) => svg::with_caption(svg, &c),
        None => svg,
    }
}

impl Strategy {
    /// The matrix heatmap (SVG): clusters × modules with their names, cells coloured by
    /// [`RenderOptions::color_by`], gaps hatched or outlined with their reasons
    /// ([`Strategy::gaps`]) in the tooltips, coverage per row and column, a legend. The
    /// schedule options matter only for [`ColorBy::Quarter`]; when the schedule cannot be
    /// computed (a cycle, say) the cells are coloured by state and the picture says why.
    /// Needs what [`Strategy::matrix`] needs.
    pub fn heatmap_svg(&self, schedule: &ScheduleOptions, opts: &RenderOptions) -> Result<String> {
        let m = self.matrix()?;
        let gaps = self.gaps()?;
        self.heatmap_from(&m, &gaps, schedule, opts)
    }

    /// [`Strategy::heatmap_svg`] from the matrix and gaps already computed.
    pub(crate) fn heatmap_from(
        &self,
        m: &crate::Matrix,
        gaps: &[crate::matrix::CellGap],
        schedule: &ScheduleOptions,
        opts: &RenderOptions,
    ) -> Result<String> {
        let (rollout, note) = if opts.color_by == ColorBy::Quarter {
            match self.rollout_with_changes(schedule, &opts.changes) {
                Ok(r) => (Some(r), what_if_note(opts)),
                Err(e) => (
                    None,
                    Some(format!(
                        "{}: {e}",
                        word(
                            opts.lang,
                            "coloured by state; quarters not computed",
                            "rüblər hesablanmayıb"
                        )
                    )),
                ),
            }
        } else {
            (None, None)
        };
        Ok(heatmap::heatmap_svg(
            self,
            m,
            gaps,
            rollout.as_ref(),
            note.as_deref(),
            opts,
        ))
    }

    /// The Gantt chart (SVG) of the schedule: measures grouped by direction, critical and
    /// near-critical bars, total float, deadlines, negative float, milestones, the strategy's
    /// end and [`RenderOptions::status_date`]. Needs what [`Strategy::schedule`] needs.
    pub fn gantt_svg(&self, schedule: &ScheduleOptions, opts: &RenderOptions) -> Result<String> {
        let sched = self.schedule_with_changes(schedule, &opts.changes)?;
        Ok(gantt::gantt_svg(self, &sched, opts))
    }

    /// The rollout (SVG): per cluster, the share of applicable modules delivered by the end of
    /// each quarter ([`Strategy::rollout`]).
    pub fn rollout_svg(&self, schedule: &ScheduleOptions, opts: &RenderOptions) -> Result<String> {
        let r = self.rollout_with_changes(schedule, &opts.changes)?;
        Ok(rollout::rollout_svg(self, &r, opts))
    }

    /// The DSM (SVG) with its cyclic blocks outlined ([`Strategy::dsm`]); works on cyclic
    /// plans.
    pub fn dsm_svg(&self, opts: &RenderOptions) -> Result<String> {
        let d = self.dsm()?;
        Ok(dsm::dsm_svg(self, &d, opts))
    }

    /// Graphviz DOT text of the dependency graph ([`Strategy::dependencies`]): a subgraph per
    /// direction, nodes `id: title`, derived dependencies dashed. With `schedule`, the edges of
    /// the critical paths are bold (when the schedule cannot be computed, e.g. on a cycle, the
    /// graph is written without them). Works on cyclic plans.
    pub fn to_dot(
        &self,
        schedule: Option<&ScheduleOptions>,
        opts: &RenderOptions,
    ) -> Result<String> {
        // above the aggregation threshold the groups' edges are counted from the graph: the
        // list of dependencies (p × c per module requirement in a cell) is not needed
        let deps = if self.document().measures.len() > DOT_MAX_NODES {
            self.graph()?;
            Vec::new()
        } else {
            self.dependencies()?
        };
        let sched = schedule.and_then(|o| self.schedule(o).ok());
        Ok(dot::dot(self, &deps, sched.as_ref(), opts))
    }

    /// The report (HTML): one self-contained, printable file with the summary, heatmap, gaps,
    /// rollout, waves, Gantt chart, critical path, infeasible deadlines, DSM of cyclic plans and
    /// diagnostics. Never fails: a section that cannot be computed says why.
    pub fn report_html(&self, schedule: &ScheduleOptions, opts: &RenderOptions) -> String {
        report::html(self, schedule, opts)
    }
}
