//! The e-Culture matrix: every cluster × module cell, marked by the module's applicability
//! rule (the "algorithmic intersection"), with the measures that deliver it.
//!
//! A cell is in one of three states, kept distinct everywhere (never collapsed to 0):
//! `not_applicable`, `gap` (applicable, no measure) and `covered`. Coverage is covered ÷
//! applicable; where nothing is applicable the share is `None` ("no data"), not 0.
//! Cells are ordered cluster by cluster, then module by module, in document order.

use serde::{Deserialize, Serialize};

use crate::model::{Document, Lang, Text};
use crate::resolve::Resolved;
use crate::strategy::Strategy;

/// State of one cell.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub enum CellState {
    /// The module's rule does not select the cluster.
    NotApplicable,
    /// Applicable, but no measure delivers the module to the cluster.
    Gap,
    /// Applicable and delivered by at least one measure.
    Covered,
}

impl CellState {
    /// `not_applicable`, `gap` or `covered`.
    pub fn as_str(self) -> &'static str {
        match self {
            CellState::NotApplicable => "not_applicable",
            CellState::Gap => "gap",
            CellState::Covered => "covered",
        }
    }
}

/// One cluster × module cell.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub struct Cell {
    /// Cluster id.
    pub cluster: String,
    /// Module id.
    pub module: String,
    /// State.
    pub state: CellState,
    /// Ids of the measures delivering the module to the cluster, in document order.
    pub measures: Vec<String>,
    /// The cell's state rests on invented content: the module's applicability, the
    /// cluster's tags, a delivering measure's targets or the cell's latest assessment are
    /// illustrative (left out when not).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    #[cfg_attr(feature = "wasm", tsify(optional))]
    pub illustrative: bool,
    /// The cluster's number of institutions, when the document gives it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "wasm", tsify(optional))]
    pub institutions: Option<u64>,
    /// The maturity level 0-5 of the cell's latest assessment (the latest `as_of`; the later
    /// entry on a tie), when assessed (`docs/assessment.md`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "wasm", tsify(optional))]
    pub level: Option<u8>,
    /// The level the latest assessment aims at, when it gives one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "wasm", tsify(optional))]
    pub target_level: Option<u8>,
    /// The institutions of the cluster the module has reached, per the latest assessment.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "wasm", tsify(optional))]
    pub institutions_reached: Option<u64>,
    /// The latest assessment's `as_of`, as written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "wasm", tsify(optional))]
    pub as_of: Option<String>,
}

impl Cell {
    /// Levels still to climb: `target_level - level` (0 when the target is reached or below),
    /// `None` without a level and a target.
    pub fn gap_to_target(&self) -> Option<u8> {
        Some(self.target_level?.saturating_sub(self.level?))
    }
}

/// Coverage of one group (a cluster, a module, or everything).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "wasm", tsify(missing_as_null))]
pub struct Coverage {
    /// Cluster or module id; `*` for the overall figure.
    pub id: String,
    /// Covered cells.
    pub covered: u32,
    /// Gap cells.
    pub gaps: u32,
    /// Applicable cells (covered + gaps).
    pub applicable: u32,
    /// covered ÷ applicable, or `None` when nothing is applicable.
    pub share: Option<f64>,
    /// Institutions of the covered cells, summed (a cell weighs its cluster's
    /// `institutions`: institution × module deployment units); cells of clusters without a
    /// count weigh nothing.
    pub weighted_covered: u64,
    /// Institutions of the applicable cells, summed likewise.
    pub weighted_applicable: u64,
    /// The institution-weighted share, `weighted_covered ÷ weighted_applicable`, or `None`
    /// when no applicable cell's cluster has a count.
    pub weighted_share: Option<f64>,
}

/// Covered and applicable cells, and their institutions, of one group.
#[derive(Debug, Clone, Copy, Default)]
struct Tally {
    covered: u32,
    applicable: u32,
    weighted_covered: u64,
    weighted_applicable: u64,
}

impl Tally {
    fn add(&mut self, covered: bool, weight: u64) {
        self.covered += u32::from(covered);
        self.applicable += 1;
        self.weighted_applicable += weight;
        if covered {
            self.weighted_covered += weight;
        }
    }

    fn sum(self, o: Tally) -> Tally {
        Tally {
            covered: self.covered + o.covered,
            applicable: self.applicable + o.applicable,
            weighted_covered: self.weighted_covered + o.weighted_covered,
            weighted_applicable: self.weighted_applicable + o.weighted_applicable,
        }
    }
}

impl Coverage {
    fn new(id: &str, t: Tally) -> Coverage {
        let (covered, applicable) = (t.covered, t.applicable);
        Coverage {
            id: id.to_owned(),
            covered,
            gaps: applicable - covered,
            applicable,
            share: (applicable > 0).then(|| f64::from(covered) / f64::from(applicable)),
            weighted_covered: t.weighted_covered,
            weighted_applicable: t.weighted_applicable,
            weighted_share: (t.weighted_applicable > 0)
                .then(|| t.weighted_covered as f64 / t.weighted_applicable as f64),
        }
    }
}

/// Coverage by cluster, by module and overall.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub struct CoverageReport {
    /// Everything (`id` is `*`).
    pub overall: Coverage,
    /// One entry per cluster, in document order.
    pub clusters: Vec<Coverage>,
    /// One entry per module, in document order.
    pub modules: Vec<Coverage>,
}

/// The cluster × module matrix.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "wasm", tsify(rename = "MatrixData"))]
pub struct Matrix {
    /// Cluster ids (rows), document order.
    pub clusters: Vec<String>,
    /// Module ids (columns), document order.
    pub modules: Vec<String>,
    /// `clusters.len() × modules.len()` cells, row-major (cluster, then module).
    pub cells: Vec<Cell>,
    /// The clusters' and modules' titles, for the CSV's title columns (not serialized; a
    /// matrix read back from JSON writes the ids there).
    #[serde(skip)]
    titles: Titles,
    /// Each cell's number of measures when the cells list only their first ones
    /// ([`Strategy::matrix_listing`]); `None` when they list every measure.
    #[serde(skip)]
    counts: Option<Vec<u32>>,
}

/// The titles of a matrix's clusters and modules, in their order. Never part of a matrix's
/// equality: two matrices with the same cells are equal.
#[derive(Debug, Clone, Default)]
struct Titles(Option<std::sync::Arc<(Vec<Text>, Vec<Text>)>>);

impl PartialEq for Titles {
    fn eq(&self, _: &Titles) -> bool {
        true
    }
}

impl Matrix {
    pub(crate) fn build(doc: &Document, ix: &Resolved) -> Matrix {
        Matrix::build_listing(doc, ix, usize::MAX)
    }

    /// The matrix with each cell listing at most `keep` of its measures (every one for
    /// `usize::MAX`); the cells' states and counts are those of the whole matrix.
    pub(crate) fn build_listing(doc: &Document, ix: &Resolved, keep: usize) -> Matrix {
        let nc = doc.clusters.len();
        let nm = doc.modules.len();
        let mut cells = Vec::with_capacity(nc * nm);
        let mut counts = Vec::with_capacity(if keep == usize::MAX { 0 } else { nc * nm });
        for (ci, c) in doc.clusters.iter().enumerate() {
            for (mi, m) in doc.modules.iter().enumerate() {
                let all = ix.deliverers(mi, ci);
                let measures: Vec<String> = all
                    .iter()
                    .take(keep)
                    .map(|&k| doc.measures[k as usize].id.to_string())
                    .collect();
                if keep != usize::MAX {
                    counts.push(all.len() as u32);
                }
                let state = if !ix.applicable[mi * nc + ci] {
                    CellState::NotApplicable
                } else if all.is_empty() {
                    CellState::Gap
                } else {
                    CellState::Covered
                };
                let illustrative = m.illustrative.covers("applies_to")
                    || c.illustrative.covers("tags")
                    || ix
                        .deliverers(mi, ci)
                        .iter()
                        .any(|&k| doc.measures[k as usize].illustrative.covers("targets"));
                let a = ix.assessment(doc, mi, ci);
                let level = |l: i32| u8::try_from(l).ok();
                cells.push(Cell {
                    cluster: c.id.to_string(),
                    module: m.id.to_string(),
                    state,
                    measures,
                    illustrative: illustrative || a.is_some_and(|a| a.illustrative.is_any()),
                    institutions: c.institutions,
                    level: a.and_then(|a| level(a.level)),
                    target_level: a.and_then(|a| a.target_level.and_then(level)),
                    institutions_reached: a.and_then(|a| a.institutions_reached),
                    as_of: a.map(|a| a.as_of.to_string()),
                });
            }
        }
        let titles = (
            doc.clusters.iter().map(|c| c.title.clone()).collect(),
            doc.modules.iter().map(|m| m.title.clone()).collect(),
        );
        Matrix {
            clusters: doc.clusters.iter().map(|c| c.id.to_string()).collect(),
            modules: doc.modules.iter().map(|m| m.id.to_string()).collect(),
            cells,
            titles: Titles(Some(std::sync::Arc::new(titles))),
            counts: (keep != usize::MAX).then_some(counts),
        }
    }

    /// How many measures deliver cell `k` (row-major), whether or not the cell lists them all.
    pub(crate) fn measure_count(&self, k: usize) -> usize {
        match &self.counts {
            Some(c) => c[k] as usize,
            None => self.cells[k].measures.len(),
        }
    }

    /// The cell of (cluster, module), by id.
    pub fn cell(&self, cluster: &str, module: &str) -> Option<&Cell> {
        let ci = self.clusters.iter().position(|c| c == cluster)?;
        let mi = self.modules.iter().position(|m| m == module)?;
        self.cells.get(ci * self.modules.len() + mi)
    }

    /// The cell of (cluster, module), or an [`crate::Error::Argument`] naming the unknown id
    /// and suggesting the nearest one (what the bindings' `cell()` raises).
    pub fn lookup(&self, cluster: &str, module: &str) -> crate::Result<&Cell> {
        let find = |list: &[String], id: &str, what: &str, arg: &str| {
            list.iter().position(|x| x == id).ok_or_else(|| {
                let message = crate::suggest::unknown(what, id, list.iter().map(String::as_str));
                crate::Error::from(crate::ArgumentError::at(message, arg))
            })
        };
        let ci = find(&self.clusters, cluster, "cluster", "cluster")?;
        let mi = find(&self.modules, module, "module", "module")?;
        Ok(&self.cells[ci * self.modules.len() + mi])
    }

    /// Coverage per cluster, per module and overall, by cells and weighted by institutions.
    pub fn coverage(&self) -> CoverageReport {
        let nm = self.modules.len();
        let mut by_cluster = vec![Tally::default(); self.clusters.len()];
        let mut by_module = vec![Tally::default(); nm];
        for (k, cell) in self.cells.iter().enumerate() {
            let (ci, mi) = (k / nm.max(1), k % nm.max(1));
            if cell.state == CellState::NotApplicable {
                continue;
            }
            let covered = cell.state == CellState::Covered;
            let weight = cell.institutions.unwrap_or(0);
            by_cluster[ci].add(covered, weight);
            by_module[mi].add(covered, weight);
        }
        let all = by_cluster.iter().fold(Tally::default(), |a, &b| a.sum(b));
        CoverageReport {
            overall: Coverage::new("*", all),
            clusters: self
                .clusters
                .iter()
                .zip(&by_cluster)
                .map(|(id, &t)| Coverage::new(id, t))
                .collect(),
            modules: self
                .modules
                .iter()
                .zip(&by_module)
                .map(|(id, &t)| Coverage::new(id, t))
                .collect(),
        }
    }

    /// The gap cells, in matrix order.
    pub fn gaps(&self) -> Vec<&Cell> {
        self.cells
            .iter()
            .filter(|c| c.state == CellState::Gap)
            .collect()
    }

    /// A Markdown table: clusters as rows, modules as columns. `✔n` = covered by n measures,
    /// `gap` = applicable without a measure, `·` = not applicable; the last column is the
    /// cluster's coverage. Each cluster is named beside its id (`library (Libraries)`), and a
    /// line under the table names the modules of the columns, in English (else Azerbaijani,
    /// else Russian). Ids and titles are escaped for Markdown.
    pub fn to_markdown(&self) -> String {
        use std::fmt::Write;
        let cov = self.coverage();
        let mut out = String::new();
        out.push_str("| cluster |");
        for m in &self.modules {
            let _ = write!(out, " {} |", md_escape(m));
        }
        out.push_str(" coverage |\n|---|");
        for _ in &self.modules {
            out.push_str(":-:|");
        }
        out.push_str("--:|\n");
        let nm = self.modules.len();
        for ci in 0..self.clusters.len() {
            let _ = write!(out, "| {} |", md_escape(&self.named(false, ci)));
            for cell in &self.cells[ci * nm..(ci + 1) * nm] {
                match cell.state {
                    CellState::NotApplicable => out.push_str(" · |"),
                    CellState::Gap => {
                        let _ = write!(out, " gap{}{} |", md_mark(cell), level_text(cell));
                    }
                    CellState::Covered => {
                        let n = cell.measures.len();
                        let _ = write!(out, " ✔{n}{}{} |", md_mark(cell), level_text(cell));
                    }
                }
            }
            let _ = writeln!(out, " {} |", share_text(&cov.clusters[ci]));
        }
        let _ = write!(out, "\nOverall coverage: {}", share_text(&cov.overall));
        if let Some(w) = cov.overall.weighted_share {
            let _ = write!(out, "; weighted by institutions {:.1}%", w * 100.0);
        }
        let _ = writeln!(
            out,
            ". Legend: ✔n covered by n measures, gap = applicable but no measure, · = not applicable{}{}.",
            if self.cells.iter().any(|c| c.level.is_some()) {
                ", (a→b) = assessed level a, target b on the 0-5 scale"
            } else {
                ""
            },
            if self.cells.iter().any(|c| c.illustrative) {
                ", † = rests on content invented for illustration"
            } else {
                ""
            }
        );
        // the modules by name: the columns carry their ids to stay narrow
        let named: Vec<String> = (0..self.modules.len())
            .filter(|&k| self.title(true, k, Lang::En) != self.modules[k])
            .map(|k| md_escape(&self.named(true, k)))
            .collect();
        if !named.is_empty() {
            let _ = writeln!(out, "\nModules: {}.", named.join("; "));
        }
        out
    }

    /// `id (title)` of a cluster or module, in English (else Azerbaijani, else Russian); the
    /// id alone when the document gives no title.
    fn named(&self, modules: bool, k: usize) -> String {
        let id = if modules {
            &self.modules[k]
        } else {
            &self.clusters[k]
        };
        match self.title(modules, k, Lang::En) {
            t if t == id.as_str() => id.clone(),
            t => format!("{id} ({t})"),
        }
    }

    /// Long-form CSV: `cluster,module,state,measures,illustrative,institutions,level,
    /// target_level,institutions_reached,as_of,cluster_title,module_title` (measure ids joined
    /// by `;`; `true` when the cell rests on invented content, else empty; the assessment's
    /// columns empty when not assessed; titles in English, else Azerbaijani, else Russian,
    /// else the id). Text that a spreadsheet would run as a formula is neutralised with a
    /// leading `'`.
    pub fn to_csv(&self) -> String {
        self.to_csv_in(Lang::En)
    }

    /// The title of cluster `ci` (`modules: false`) or module `mi` in `lang`, else its id.
    fn title(&self, modules: bool, k: usize, lang: Lang) -> &str {
        let ids = if modules {
            &self.modules
        } else {
            &self.clusters
        };
        let titles = self
            .titles
            .0
            .as_ref()
            .and_then(|t| if modules { t.1.get(k) } else { t.0.get(k) });
        titles
            .and_then(|t| t.in_lang(lang))
            .unwrap_or(ids[k].as_str())
    }

    /// [`Matrix::to_csv`] with the title columns in `lang`.
    pub fn to_csv_in(&self, lang: Lang) -> String {
        let mut w = csv::WriterBuilder::new()
            .terminator(csv::Terminator::Any(b'\n'))
            .from_writer(Vec::new());
        let _ = w.write_record([
            "cluster",
            "module",
            "state",
            "measures",
            "illustrative",
            "institutions",
            "level",
            "target_level",
            "institutions_reached",
            "as_of",
            "cluster_title",
            "module_title",
        ]);
        let num = |n: Option<u64>| n.map(|n| n.to_string()).unwrap_or_default();
        let nm = self.modules.len().max(1);
        for (k, cell) in self.cells.iter().enumerate() {
            let measures = cell.measures.join(";");
            let _ = w.write_record([
                csv_safe(&cell.cluster).as_ref(),
                csv_safe(&cell.module).as_ref(),
                cell.state.as_str(),
                csv_safe(&measures).as_ref(),
                if cell.illustrative { "true" } else { "" },
                &num(cell.institutions),
                &num(cell.level.map(u64::from)),
                &num(cell.target_level.map(u64::from)),
                &num(cell.institutions_reached),
                csv_safe(cell.as_of.as_deref().unwrap_or("")).as_ref(),
                csv_safe(self.title(false, k / nm, lang)).as_ref(),
                csv_safe(self.title(true, k % nm, lang)).as_ref(),
            ]);
        }
        String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default()
    }
}

/// ` (a→b)`: a cell's assessed level and target (` (a)` without a target), or nothing.
fn level_text(cell: &Cell) -> String {
    match (cell.level, cell.target_level) {
        (Some(l), Some(t)) => format!(" ({l}→{t})"),
        (Some(l), None) => format!(" ({l})"),
        _ => String::new(),
    }
}

/// The mark of a cell resting on invented content.
fn md_mark(cell: &Cell) -> &'static str {
    if cell.illustrative { "†" } else { "" }
}

/// Why an applicable cell is a gap (see [`Strategy::gaps`]).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "reason", rename_all = "snake_case")]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub enum GapReason {
    /// No measure targets the cell (its matrix state is `gap`).
    NoMeasure,
    /// Every measure targeting the cell is reported `not_executed` or `cancelled`.
    NotDelivered {
        /// Those measures, in document order.
        measures: Vec<String>,
    },
    /// The cell's module requires `module`, and no measure delivers `module` to this cluster.
    RequirementMissing {
        /// The required module that is not delivered here.
        module: String,
    },
}

impl GapReason {
    /// `no_measure`, `not_delivered` or `requirement_missing`.
    pub fn as_str(&self) -> &'static str {
        match self {
            GapReason::NoMeasure => "no_measure",
            GapReason::NotDelivered { .. } => "not_delivered",
            GapReason::RequirementMissing { .. } => "requirement_missing",
        }
    }
}

impl std::fmt::Display for GapReason {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            GapReason::NoMeasure => f.write_str("no measure targets it"),
            GapReason::NotDelivered { measures } => write!(
                f,
                "its measures are reported not executed or cancelled: `{}`",
                measures.join("`, `")
            ),
            GapReason::RequirementMissing { module } => write!(
                f,
                "its module requires `{module}`, which no measure delivers to this cluster"
            ),
        }
    }
}

/// An applicable cell that will not be delivered as planned, with every reason.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub struct CellGap {
    /// Cluster id.
    pub cluster: String,
    /// Module id.
    pub module: String,
    /// The cell's matrix state: `gap` (no measure) or `covered` (covered on paper only).
    pub state: CellState,
    /// At least one reason: `no_measure` or `not_delivered` first, then one
    /// `requirement_missing` per required module missing here, in `requires` order.
    pub reasons: Vec<GapReason>,
}

impl Strategy {
    /// The e-Culture matrix (valid strategies; cycles allowed).
    pub fn matrix(&self) -> crate::Result<Matrix> {
        let ix = self.require(crate::validate::Need::Cells)?;
        Ok(Matrix::build(self.document(), ix))
    }

    /// [`Strategy::matrix`] with each cell listing at most `keep` of its measures: what the
    /// heatmap names (the page's workbench), without an id string for every measure.
    pub(crate) fn matrix_listing(&self, keep: usize) -> crate::Result<Matrix> {
        let ix = self.require(crate::validate::Need::Cells)?;
        Ok(Matrix::build_listing(self.document(), ix, keep))
    }

    /// Every gap of the matrix, with its reasons, cluster by cluster then module by module.
    ///
    /// **What a gap is.** An *applicable* cell (the module's rule selects the cluster) is a gap
    /// when it will not be delivered as planned, for one or more of these reasons:
    ///
    /// - [`GapReason::NoMeasure`]: no measure targets it — the matrix state `gap`, exactly the
    ///   cells of [`Matrix::gaps`];
    /// - [`GapReason::NotDelivered`]: measures target it, but every one of them is reported
    ///   `not_executed` or `cancelled` (a measure without a status, not due, partly executed or
    ///   executed still counts as delivering);
    /// - [`GapReason::RequirementMissing`]: its module `requires` a module that no measure
    ///   delivers to this cluster, so the cell cannot work even when its own measures are done
    ///   (the `requirement_not_delivered` warning, here also for cells without a measure).
    ///
    /// Not-applicable cells are never gaps. Needs what [`Strategy::matrix`] needs.
    pub fn gaps(&self) -> crate::Result<Vec<CellGap>> {
        use crate::model::Status;
        let ix = self.require(crate::validate::Need::Cells)?;
        let doc = self.document();
        let nc = ix.n_clusters;
        let module_of: std::collections::HashMap<&str, usize> = doc
            .modules
            .iter()
            .enumerate()
            .map(|(k, m)| (m.id.as_str(), k))
            .collect();
        let mut out = Vec::new();
        for (ci, c) in doc.clusters.iter().enumerate() {
            for (mi, m) in doc.modules.iter().enumerate() {
                if !ix.applicable.get(mi * nc + ci).copied().unwrap_or(false) {
                    continue;
                }
                let ms = ix.deliverers(mi, ci);
                let mut reasons = Vec::new();
                let state = if ms.is_empty() {
                    reasons.push(GapReason::NoMeasure);
                    CellState::Gap
                } else {
                    let failed = ms.iter().all(|&k| {
                        matches!(
                            ix.status.get(k as usize).copied().flatten(),
                            Some(Status::NotExecuted | Status::Cancelled)
                        )
                    });
                    if failed {
                        reasons.push(GapReason::NotDelivered {
                            measures: ms
                                .iter()
                                .map(|&k| doc.measures[k as usize].id.to_string())
                                .collect(),
                        });
                    }
                    CellState::Covered
                };
                for r in &m.requires {
                    if let Some(&ri) = module_of.get(r.module.as_str())
                        && ix.deliverers(ri, ci).is_empty()
                        && !reasons.iter().any(|x| {
                            matches!(x, GapReason::RequirementMissing { module } if module == r.module.as_str())
                        })
                    {
                        reasons.push(GapReason::RequirementMissing {
                            module: r.module.to_string(),
                        });
                    }
                }
                if !reasons.is_empty() {
                    out.push(CellGap {
                        cluster: c.id.to_string(),
                        module: m.id.to_string(),
                        state,
                        reasons,
                    });
                }
            }
        }
        Ok(out)
    }
}

/// Coverage as `covered/applicable (xx.x%)`, or `n/a` when nothing is applicable.
pub fn share_text(c: &Coverage) -> String {
    match c.share {
        Some(s) => format!("{}/{} ({:.1}%)", c.covered, c.applicable, s * 100.0),
        None => "n/a".to_owned(),
    }
}

/// Escape text for a Markdown table cell (the crate's one Markdown escaper, kept here by name).
pub use crate::escape::markdown as md_escape;

/// Neutralise a CSV field that a spreadsheet would treat as a formula (the crate's one CSV
/// neutraliser, kept here by name).
pub use crate::escape::csv_field as csv_safe;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes() {
        assert_eq!(csv_safe("=1+1"), "'=1+1");
        assert_eq!(csv_safe("ok"), "ok");
        assert_eq!(md_escape("a|b_c"), "a\\|b\\_c");
    }
}
