//! The matrix heatmap: clusters (rows) × modules (columns) with their names, cells coloured by
//! state, by delivery quarter or by the number of delivering measures, gaps hatched with their
//! reasons in the tooltips, coverage per row and per column, and a legend.

use std::collections::HashMap;
use std::fmt::Write as _;

use super::svg::{N, Svg, esc, thousands, truncate};
use super::{ColorBy, HEATMAP_MAX_AXIS, RenderOptions, TOOLTIP_MAX_MEASURES, name, palette, word};
use crate::matrix::{CellGap, CellState, Coverage, CoverageReport, Matrix};
use crate::model::Lang;
use crate::schedule::{Quarter, Rollout};
use crate::strategy::Strategy;

const CELL_W: f64 = 30.0;
const CELL_H: f64 = 24.0;
const PAD: f64 = 16.0;
const HATCH: &str = "url(#ec-hm-hatch)";

/// Share as `80%` (or `n/a`).
pub(crate) fn pct(c: &Coverage) -> String {
    match c.share {
        Some(s) => format!("{}%", N(s * 100.0)),
        None => "n/a".into(),
    }
}

/// Groups of consecutive items when `n` exceeds the limit: (items per group, groups).
pub(crate) fn groups(n: usize) -> (usize, usize) {
    if n <= HEATMAP_MAX_AXIS {
        (1, n)
    } else {
        let per = n.div_ceil(HEATMAP_MAX_AXIS);
        (per, n.div_ceil(per))
    }
}

/// The shade of quarter `k` of `n`: from light (first) to dark (last), never white.
fn quarter_shade(k: usize, n: usize) -> f64 {
    if n > 1 {
        0.15 + 0.85 * k as f64 / (n - 1) as f64
    } else {
        1.0
    }
}

/// The hatch pattern of gap cells.
fn defs() -> String {
    let mut s = String::new();
    let _ = writeln!(
        s,
        "<defs><pattern id=\"ec-hm-hatch\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\" fill=\"{}\"/><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"{}\" stroke-width=\"2.5\"/></pattern></defs>",
        palette::GAP_BG,
        palette::GAP
    );
    s
}

/// One legend entry: a swatch (fill, extra attributes) and its label.
struct Key {
    fill: String,
    extra: String,
    label: String,
}

fn key(fill: impl Into<String>, extra: impl Into<String>, label: impl Into<String>) -> Key {
    Key {
        fill: fill.into(),
        extra: extra.into(),
        label: label.into(),
    }
}

/// Draw legend entries from (x, y) wrapping at `max_x`; returns the y below the legend.
fn legend(svg: &mut Svg, keys: &[Key], x0: f64, y: f64, max_x: f64) -> f64 {
    let (mut x, mut y) = (x0, y);
    for k in keys {
        let w = 22.0 + k.label.chars().count() as f64 * 6.6 + 16.0;
        if x + w > max_x && x > x0 {
            x = x0;
            y += 20.0;
        }
        svg.rect(x, y, 16.0, 14.0, &k.fill, &k.extra, None);
        svg.text(x + 22.0, y + 11.0, "fill=\"#222222\"", &k.label);
        x += w;
    }
    y + 24.0
}

/// The heatmap of a matrix. `gaps` comes from [`Strategy::gaps`]; `rollout` is needed for
/// [`ColorBy::Quarter`] (without it, cells are coloured by state and the picture says why in
/// `note`).
pub fn heatmap_svg(
    s: &Strategy,
    m: &Matrix,
    gaps: &[CellGap],
    rollout: Option<&Rollout>,
    note: Option<&str>,
    opts: &RenderOptions,
) -> String {
    if m.clusters.is_empty() || m.modules.is_empty() {
        return super::notice(word(
            opts.lang,
            "The matrix is empty: the plan has no cluster or no module.",
            "Matris boşdur: planda klaster və ya modul yoxdur.",
        ));
    }
    let (pc, gc) = groups(m.clusters.len());
    let (pm, gm) = groups(m.modules.len());
    if pc > 1 || pm > 1 {
        return aggregated(s, m, opts, (pc, gc), (pm, gm));
    }
    let g = Grid::new(s, m, gaps, rollout, opts);
    let lang = g.lang;
    let (nc, nm) = (m.clusters.len(), m.modules.len());

    // layout
    let label_chars = (0..nc)
        .map(|ci| g.cname(ci).chars().count())
        .max()
        .unwrap_or(8)
        .clamp(8, 30);
    let head_chars = (0..nm)
        .map(|mi| g.mname(mi).chars().count())
        .max()
        .unwrap_or(8)
        .clamp(8, 34);
    let left = (PAD + label_chars as f64 * 6.8 + 12.0).max(PAD + 124.0);
    let head = head_chars as f64 * 6.3 * 0.72 + 18.0;
    let grid_w = nm as f64 * CELL_W;
    let right_w = 170.0;
    let width = (left + grid_w + right_w + PAD).max(720.0);

    let title = super::heading(
        s,
        lang,
        word(lang, "Clusters × modules", "Klasterlər × modullar"),
        width,
    );
    let keys = g.legend_keys();
    // measure the legend height by drawing into a scratch document
    let mut scratch = Svg::new(10.0, 10.0, "");
    let legend_end = legend(&mut scratch, &keys, PAD, 58.0, width - PAD);
    let top = legend_end + head;
    let grid_h = nc as f64 * CELL_H;
    let foot = 54.0;
    let note_h = if note.is_some() { 18.0 } else { 0.0 };
    let height = top + grid_h + foot + note_h + PAD;

    let sub = g.subtitle(gaps.len());
    let mut svg = Svg::headed(width, height, "ec-heatmap", &title, &sub, &defs());
    svg.text(PAD, 44.0, "fill=\"#555555\"", &sub);
    legend(&mut svg, &keys, PAD, 58.0, width - PAD);
    g.column_heads(&mut svg, left, top);
    for ci in 0..nc {
        g.row(&mut svg, ci, left, top + ci as f64 * CELL_H);
    }
    let fy = top + grid_h;
    g.column_coverage(&mut svg, left, fy);
    svg.text(
        left + grid_w + 10.0,
        top - 6.0,
        "fill=\"#555555\" font-size=\"11\"",
        word(lang, "coverage of the cluster", "klasterin əhatəsi"),
    );
    if let Some(n) = note {
        svg.text(PAD, fy + foot, "fill=\"#b00020\"", n);
    }
    crate::render::captioned(s, svg.finish())
}

/// What the cell-by-cell heatmap is drawn from: the matrix, its coverage, the gap of each
/// cell, the colouring and the quarters.
struct Grid<'a> {
    s: &'a Strategy,
    m: &'a Matrix,
    lang: Lang,
    cov: CoverageReport,
    /// The gap of each cell (row-major), if any.
    gap_at: Vec<Option<&'a CellGap>>,
    /// The colouring: [`ColorBy::Quarter`] only with a rollout.
    color_by: ColorBy,
    rollout: Option<&'a Rollout>,
    quarters: &'a [Quarter],
    /// The most institutions of any cluster ([`ColorBy::Institutions`]'s scale).
    max_institutions: u64,
}

impl<'a> Grid<'a> {
    fn new(
        s: &'a Strategy,
        m: &'a Matrix,
        gaps: &'a [CellGap],
        rollout: Option<&'a Rollout>,
        opts: &RenderOptions,
    ) -> Grid<'a> {
        let (nc, nm) = (m.clusters.len(), m.modules.len());
        // gaps by cell
        let cpos: HashMap<&str, usize> = m
            .clusters
            .iter()
            .enumerate()
            .map(|(k, c)| (c.as_str(), k))
            .collect();
        let mpos: HashMap<&str, usize> = m
            .modules
            .iter()
            .enumerate()
            .map(|(k, c)| (c.as_str(), k))
            .collect();
        let mut gap_at: Vec<Option<&CellGap>> = vec![None; nc * nm];
        for g in gaps {
            if let (Some(&ci), Some(&mi)) =
                (cpos.get(g.cluster.as_str()), mpos.get(g.module.as_str()))
            {
                gap_at[ci * nm + mi] = Some(g);
            }
        }
        let color_by = match (opts.color_by, rollout) {
            (ColorBy::Quarter, None) => ColorBy::State,
            (c, _) => c,
        };
        Grid {
            s,
            m,
            lang: opts.lang,
            cov: m.coverage(),
            gap_at,
            color_by,
            rollout,
            quarters: rollout.map(|r| r.quarters.as_slice()).unwrap_or(&[]),
            max_institutions: super::assessed::max_institutions(m),
        }
    }

    /// The name of cluster `ci` in the language.
    fn cname(&self, ci: usize) -> &'a str {
        let (doc, m) = (self.s.document(), self.m);
        doc.clusters
            .get(ci)
            .filter(|c| c.id == m.clusters[ci])
            .map_or(m.clusters[ci].as_str(), |c| {
                name(&c.title, self.lang, &c.id)
            })
    }

    /// The name of module `mi` in the language.
    fn mname(&self, mi: usize) -> &'a str {
        let (doc, m) = (self.s.document(), self.m);
        doc.modules
            .get(mi)
            .filter(|x| x.id == m.modules[mi])
            .map_or(m.modules[mi].as_str(), |x| name(&x.title, self.lang, &x.id))
    }

    /// `id title` of a measure (the id alone when unknown).
    fn measure_title(&self, id: &str) -> String {
        match self.s.measure_index(id) {
            Some(k) => {
                let ms = &self.s.document().measures[k as usize];
                format!("{id} {}", name(&ms.title, self.lang, id))
            }
            None => id.to_owned(),
        }
    }

    /// The quarter in which cell `k` is delivered: `None` without a finish, `Some(None)`
    /// after the strategy period.
    fn quarter_of(&self, k: usize) -> Option<Option<usize>> {
        let r = self.rollout?;
        let f = r.cells.get(k)?.finish?;
        Some(self.quarters.iter().position(|q| f <= q.end_offset))
    }

    /// Overall coverage, what colours the cells, the number of gaps.
    fn subtitle(&self, gaps: usize) -> String {
        let lang = self.lang;
        let by = match self.color_by {
            ColorBy::State => word(lang, "coloured by cell state", "xana vəziyyətinə görə"),
            ColorBy::Quarter => word(lang, "coloured by delivery quarter", "təhvil rübünə görə"),
            ColorBy::Coverage => word(
                lang,
                "coloured by number of delivering measures",
                "tədbirlərin sayına görə",
            ),
            c @ (ColorBy::Level | ColorBy::GapToTarget | ColorBy::Institutions) => {
                super::assessed::subtitle(c, lang)
            }
        };
        format!(
            "{} {} ({} {} {}) · {} · {} {}",
            word(lang, "Overall coverage", "Ümumi əhatə"),
            pct(&self.cov.overall),
            self.cov.overall.covered,
            word(lang, "of", "/"),
            self.cov.overall.applicable,
            by,
            gaps,
            word(lang, "gaps", "boşluq")
        )
    }

    /// The legend's entries for the colouring, then gap and not applicable.
    fn legend_keys(&self) -> Vec<Key> {
        let lang = self.lang;
        let mut keys = Vec::new();
        let problem = format!("stroke=\"{}\" stroke-width=\"2.5\"", palette::GAP);
        match self.color_by {
            ColorBy::State => {
                keys.push(key(
                    palette::COVERED,
                    "",
                    word(lang, "covered (n = measures)", "əhatə olunub (n = tədbir)"),
                ));
                keys.push(key(
                    palette::COVERED,
                    problem.clone(),
                    word(
                        lang,
                        "covered on paper: a gap reason (!)",
                        "yalnız planda: boşluq səbəbi (!)",
                    ),
                ));
            }
            ColorBy::Quarter => {
                let nq = self.quarters.len().max(1);
                for (k, q) in self.quarters.iter().enumerate() {
                    let t = quarter_shade(k, nq);
                    keys.push(key(palette::ramp(t), "", q.label.clone()));
                }
                keys.push(key(
                    palette::AFTER,
                    "",
                    word(lang, "after the period", "dövrdən sonra"),
                ));
                keys.push(key(
                    palette::COVERED,
                    problem.clone(),
                    word(lang, "gap reason (!)", "boşluq səbəbi (!)"),
                ));
            }
            ColorBy::Coverage => {
                for (k, l) in [(1, "1"), (2, "2"), (3, "3+")] {
                    let t = f64::from(k) / 3.0;
                    keys.push(key(
                        palette::ramp(t),
                        "",
                        format!("{l} {}", word(lang, "measure(s)", "tədbir")),
                    ));
                }
                keys.push(key(
                    palette::ramp(1.0),
                    problem.clone(),
                    word(lang, "gap reason (!)", "boşluq səbəbi (!)"),
                ));
            }
            c @ (ColorBy::Level | ColorBy::GapToTarget | ColorBy::Institutions) => {
                for (fill, extra, label) in super::assessed::keys(c, lang, self.max_institutions) {
                    keys.push(key(fill, extra, label));
                }
                keys.push(key(
                    super::assessed::UNKNOWN,
                    problem.clone(),
                    word(
                        lang,
                        "gap or gap reason (red outline)",
                        "boşluq (qırmızı çərçivə)",
                    ),
                ));
            }
        }
        if !self.color_by.is_assessed() {
            keys.push(key(
                HATCH,
                format!("stroke=\"{}\"", palette::GAP),
                word(lang, "gap: no measure", "boşluq: tədbir yoxdur"),
            ));
        }
        keys.push(key(
            palette::NONE,
            "",
            word(lang, "not applicable", "tətbiq olunmur"),
        ));
        keys
    }

    /// The module names above the columns, rotated.
    fn column_heads(&self, svg: &mut Svg, left: f64, top: f64) {
        for mi in 0..self.m.modules.len() {
            let x = left + mi as f64 * CELL_W + CELL_W / 2.0 + 4.0;
            let y = top - 6.0;
            let full = format!("{} ({})", self.mname(mi), self.m.modules[mi]);
            let _ = svg_text_rot(svg, x, y, &truncate(self.mname(mi), 34), &full);
        }
    }

    /// Row `ci` at `y`: the cluster's name, its cells and its coverage bar.
    fn row(&self, svg: &mut Svg, ci: usize, left: f64, y: f64) {
        let full = format!("{} ({})", self.cname(ci), self.m.clusters[ci]);
        svg.text_tip(
            left - 8.0,
            y + CELL_H / 2.0 + 4.0,
            "text-anchor=\"end\" fill=\"#222222\"",
            &truncate(self.cname(ci), 30),
            &full,
        );
        let nm = self.m.modules.len();
        for mi in 0..nm {
            self.cell(svg, ci, mi, left + mi as f64 * CELL_W, y);
        }
        // row coverage: bar + n/m
        let c = &self.cov.clusters[ci];
        let bx = left + nm as f64 * CELL_W + 10.0;
        svg.rect(bx, y + 6.0, 60.0, CELL_H - 12.0, palette::NONE, "", None);
        if let Some(sh) = c.share {
            svg.rect(
                bx,
                y + 6.0,
                60.0 * sh,
                CELL_H - 12.0,
                palette::COVERED,
                "",
                None,
            );
        }
        svg.text(
            bx + 66.0,
            y + CELL_H / 2.0 + 4.0,
            "fill=\"#222222\"",
            &format!("{} · {}/{}", pct(c), c.covered, c.applicable),
        );
    }

    /// One cell at (x, y): its colour, its label, a red outline for a gap reason, and a
    /// tooltip with its measures and reasons.
    fn cell(&self, svg: &mut Svg, ci: usize, mi: usize, x: f64, y: f64) {
        let lang = self.lang;
        let k = ci * self.m.modules.len() + mi;
        let cell = &self.m.cells[k];
        let mut tip = format!("{} × {}", self.cname(ci), self.mname(mi));
        let (mut fill, mut ink, mut label): (String, &str, String) = match cell.state {
            CellState::NotApplicable => {
                let _ = write!(tip, "\n{}", word(lang, "not applicable", "tətbiq olunmur"));
                (palette::NONE.into(), palette::MUTED, String::new())
            }
            CellState::Gap => {
                let _ = write!(tip, "\n{}", word(lang, "GAP", "BOŞLUQ"));
                (HATCH.into(), palette::INK, String::new())
            }
            CellState::Covered => self.covered(k, &mut tip),
        };
        let mut extra = "stroke=\"#ffffff\" stroke-width=\"1\"".to_owned();
        super::assessed::tip_lines(cell, lang, &mut tip);
        let assessed = self.color_by.is_assessed() && cell.state != CellState::NotApplicable;
        if assessed {
            let (f, i, l, e) = super::assessed::fill(self.color_by, cell, self.max_institutions);
            (fill, ink, label) = (f, i, l);
            if !e.is_empty() {
                extra = e.to_owned();
            }
        }
        let mut flag = false;
        if let Some(g) = self.gap_at[k] {
            for r in &g.reasons {
                let _ = write!(tip, "\n{}: {r}", word(lang, "gap", "boşluq"));
            }
            if cell.state == CellState::Covered || assessed {
                flag = cell.state == CellState::Covered;
                extra = format!("stroke=\"{}\" stroke-width=\"2.5\"", palette::GAP);
            } else {
                extra = format!("stroke=\"{}\" stroke-width=\"1\"", palette::GAP);
            }
        }
        // what a page script or a test finds the cell by (ids escaped like every string)
        let _ = write!(
            extra,
            " data-cell=\"{}|{}\" data-state=\"{}\"",
            esc(&cell.cluster),
            esc(&cell.module),
            match cell.state {
                CellState::Covered => "covered",
                CellState::Gap => "gap",
                CellState::NotApplicable => "not_applicable",
            }
        );
        if let Some(l) = cell.level {
            let _ = write!(extra, " data-level=\"{l}\"");
        }
        let inset = if flag { 1.5 } else { 0.5 };
        svg.rect(
            x + inset,
            y + inset,
            CELL_W - 2.0 * inset,
            CELL_H - 2.0 * inset,
            &fill,
            &extra,
            Some(&tip),
        );
        let shown = if flag { format!("{label}!") } else { label };
        if !shown.is_empty() {
            svg.text(
                x + CELL_W / 2.0,
                y + CELL_H / 2.0 + 4.0,
                &format!(
                    "text-anchor=\"middle\" font-size=\"10\" fill=\"{ink}\" pointer-events=\"none\""
                ),
                &shown,
            );
        }
    }

    /// A covered cell `k`: its measures added to the tooltip; its fill, ink and label by
    /// the colouring.
    fn covered(&self, k: usize, tip: &mut String) -> (String, &'static str, String) {
        let lang = self.lang;
        let cell = &self.m.cells[k];
        let n = self.m.measure_count(k);
        let _ = write!(
            tip,
            "\n{} {n}:",
            word(lang, "covered by measures", "əhatə edən tədbirlər")
        );
        for id in cell.measures.iter().take(TOOLTIP_MAX_MEASURES) {
            let _ = write!(tip, "\n  {}", self.measure_title(id));
        }
        if n > TOOLTIP_MAX_MEASURES {
            let _ = write!(
                tip,
                "\n  … {} {}",
                thousands((n - TOOLTIP_MAX_MEASURES) as u64),
                word(lang, "more", "daha")
            );
        }
        match self.color_by {
            // the assessed colourings replace this fill in `cell`
            ColorBy::State | ColorBy::Level | ColorBy::GapToTarget | ColorBy::Institutions => {
                (palette::COVERED.into(), "#ffffff", count_label(n))
            }
            ColorBy::Coverage => {
                let t = (n.min(3) as f64) / 3.0;
                (palette::ramp(t), palette::ink_on(t), count_label(n))
            }
            ColorBy::Quarter => match self.quarter_of(k) {
                Some(Some(q)) => {
                    let nq = self.quarters.len().max(1);
                    let t = quarter_shade(q, nq);
                    let ql = &self.quarters[q].label;
                    let _ = write!(tip, "\n{} {ql}", word(lang, "delivered in", "təhvil"));
                    let short = format!(
                        "{}{}",
                        ql.get(2..4).unwrap_or(""),
                        ql.get(5..).unwrap_or("")
                    );
                    (palette::ramp(t), palette::ink_on(t), short)
                }
                Some(None) => {
                    let _ = write!(
                        tip,
                        "\n{}",
                        word(
                            lang,
                            "delivered after the strategy period",
                            "strategiya dövründən sonra"
                        )
                    );
                    (palette::AFTER.into(), "#ffffff", "›".into())
                }
                None => (palette::COVERED.into(), "#ffffff", count_label(n)),
            },
        }
    }

    /// Below the grid: each module's coverage share and covered/applicable count.
    fn column_coverage(&self, svg: &mut Svg, left: f64, fy: f64) {
        let lang = self.lang;
        svg.text(
            left - 8.0,
            fy + 16.0,
            "text-anchor=\"end\" fill=\"#555555\" font-size=\"11\"",
            word(lang, "coverage", "əhatə"),
        );
        svg.text(
            left - 8.0,
            fy + 30.0,
            "text-anchor=\"end\" fill=\"#555555\" font-size=\"11\"",
            word(lang, "covered/applicable", "əhatə/tətbiq"),
        );
        for (mi, c) in self.cov.modules.iter().enumerate() {
            let x = left + mi as f64 * CELL_W + CELL_W / 2.0;
            let tip = format!(
                "{}: {}",
                self.mname(mi),
                super::super::matrix::share_text(c)
            );
            svg.text_tip(
                x,
                fy + 16.0,
                "text-anchor=\"middle\" font-size=\"9\" fill=\"#222222\"",
                &pct(c),
                &tip,
            );
            svg.text_tip(
                x,
                fy + 30.0,
                "text-anchor=\"middle\" font-size=\"9\" fill=\"#666666\"",
                &format!("{}/{}", c.covered, c.applicable),
                &tip,
            );
        }
    }
}

fn svg_text_rot(svg: &mut Svg, x: f64, y: f64, s: &str, tip: &str) -> Option<()> {
    let mut t = String::new();
    let _ = writeln!(
        t,
        "<text x=\"{x}\" y=\"{y}\" transform=\"rotate(-46 {x} {y})\" fill=\"#222222\" font-size=\"11\"><title>{}</title>{}</text>",
        esc(tip),
        esc(s),
        x = N(x),
        y = N(y)
    );
    svg.raw(&t);
    Some(())
}

/// Covered and applicable cells per block, per block row and per block column of an
/// aggregated heatmap, counted in one pass over the cells.
struct Blocks {
    /// Items per block and blocks, of clusters and of modules.
    clusters: (usize, usize),
    modules: (usize, usize),
    /// (covered, applicable) per block, row-major.
    cells: Vec<(u32, u32)>,
    rows: Vec<(u32, u32)>,
    cols: Vec<(u32, u32)>,
}

impl Blocks {
    fn count(m: &Matrix, (pc, gc): (usize, usize), (pm, gm): (usize, usize)) -> Blocks {
        let nm = m.modules.len();
        let mut blocks = vec![(0u32, 0u32); gc * gm];
        let mut rows = vec![(0u32, 0u32); gc];
        let mut cols = vec![(0u32, 0u32); gm];
        for (k, cell) in m.cells.iter().enumerate() {
            let (ci, mi) = (k / nm.max(1), k % nm.max(1));
            let (c, a) = match cell.state {
                CellState::NotApplicable => continue,
                CellState::Gap => (0, 1),
                CellState::Covered => (1, 1),
            };
            let b = &mut blocks[(ci / pc) * gm + mi / pm];
            b.0 += c;
            b.1 += a;
            rows[ci / pc].0 += c;
            rows[ci / pc].1 += a;
            cols[mi / pm].0 += c;
            cols[mi / pm].1 += a;
        }
        Blocks {
            clusters: (pc, gc),
            modules: (pm, gm),
            cells: blocks,
            rows,
            cols,
        }
    }
}

/// Covered ÷ applicable, `None` without an applicable cell.
fn block_share((c, a): (u32, u32)) -> Option<f64> {
    (a > 0).then(|| f64::from(c) / f64::from(a))
}

/// The ids a block spans: `a`, or `a … b (n)`.
fn block_span(k: usize, per: usize, ids: &[String]) -> String {
    let a = k * per;
    let b = ((k + 1) * per).min(ids.len()) - 1;
    if a == b {
        ids[a].clone()
    } else {
        format!("{} … {} ({})", ids[a], ids[b], b - a + 1)
    }
}

/// Size of a block of the aggregated heatmap.
const BLOCK: f64 = 14.0;

/// The heatmap of a matrix too large to draw cell by cell: blocks of consecutive clusters ×
/// blocks of consecutive modules, coloured by the block's coverage share.
fn aggregated(
    s: &Strategy,
    m: &Matrix,
    opts: &RenderOptions,
    clusters: (usize, usize),
    modules: (usize, usize),
) -> String {
    let lang = opts.lang;
    let b = Blocks::count(m, clusters, modules);
    let (gc, gm) = (clusters.1, modules.1);
    let left = PAD + 150.0;
    let top = 150.0;
    let width = (left + gm as f64 * BLOCK + 190.0 + PAD).max(720.0);
    let height = top + gc as f64 * BLOCK + 40.0 + PAD;
    let title = super::heading(
        s,
        lang,
        word(lang, "Clusters × modules", "Klasterlər × modullar"),
        width,
    );
    let sub = aggregated_note(m, &b, lang);
    let mut svg = Svg::headed(width, height, "ec-heatmap", &title, &sub, "");
    svg.text(PAD, 44.0, "fill=\"#555555\"", &sub);
    let mut keys: Vec<Key> = [0.0, 0.25, 0.5, 0.75, 1.0]
        .iter()
        .map(|&t| key(palette::ramp(t), "", format!("{}%", N(t * 100.0))))
        .collect();
    keys.push(key(
        palette::NONE,
        "",
        word(
            lang,
            "no applicable cell (no data)",
            "tətbiq olunan xana yoxdur",
        ),
    ));
    legend(&mut svg, &keys, PAD, 58.0, width - PAD);
    for r in 0..gc {
        block_row(&mut svg, m, &b, r, left, top + r as f64 * BLOCK);
    }
    let pm = modules.0;
    for (c, col) in b.cols.iter().enumerate() {
        let x = left + c as f64 * BLOCK + 10.0;
        let label = block_span(c, pm, &m.modules);
        let _ = svg_text_rot(
            &mut svg,
            x,
            top - 4.0,
            &truncate(&label, 18),
            &format!(
                "{label}: {}",
                block_share(*col).map_or("n/a".into(), |s| format!("{}%", N(s * 100.0)))
            ),
        );
    }
    crate::render::captioned(s, svg.finish())
}

/// The aggregated heatmap's subtitle: how the axes are grouped, the overall coverage.
fn aggregated_note(m: &Matrix, b: &Blocks, lang: Lang) -> String {
    let ((pc, gc), (pm, gm)) = (b.clusters, b.modules);
    format!(
        "{}: {} {} {} {} {} · {} {} {} {} {} · {} {}",
        word(lang, "aggregated", "birləşdirilib"),
        thousands(m.clusters.len() as u64),
        word(lang, "clusters shown as", "klaster"),
        gc,
        word(lang, "blocks of", "blok,"),
        pc,
        thousands(m.modules.len() as u64),
        word(lang, "modules shown as", "modul"),
        gm,
        word(lang, "blocks of", "blok,"),
        pm,
        word(lang, "overall coverage", "ümumi əhatə"),
        pct(&m.coverage().overall)
    )
}

/// Block row `r` at `y`: its clusters, its blocks and its coverage.
fn block_row(svg: &mut Svg, m: &Matrix, b: &Blocks, r: usize, left: f64, y: f64) {
    let ((pc, _), (pm, gm)) = (b.clusters, b.modules);
    let label = block_span(r, pc, &m.clusters);
    svg.text_tip(
        left - 6.0,
        y + 11.0,
        "text-anchor=\"end\" font-size=\"10\" fill=\"#222222\"",
        &truncate(&label, 24),
        &label,
    );
    for c in 0..gm {
        let cell = b.cells[r * gm + c];
        let (fill, tipv) = match block_share(cell) {
            Some(sh) => (
                palette::ramp(sh),
                format!("{}/{} ({}%)", cell.0, cell.1, N(sh * 100.0)),
            ),
            None => (palette::NONE.to_owned(), "n/a".to_owned()),
        };
        let tip = format!("{} × {}: {tipv}", label, block_span(c, pm, &m.modules));
        svg.rect(
            left + c as f64 * BLOCK,
            y,
            BLOCK - 1.0,
            BLOCK - 1.0,
            &fill,
            "",
            Some(&tip),
        );
    }
    let (c, a) = b.rows[r];
    let t = block_share((c, a)).map_or("n/a".into(), |s| format!("{}%", N(s * 100.0)));
    svg.text(
        left + gm as f64 * BLOCK + 8.0,
        y + 11.0,
        "font-size=\"10\" fill=\"#222222\"",
        &format!("{t} · {}/{}", thousands(c.into()), thousands(a.into())),
    );
}

/// A cell's count as it fits a cell: `7`, `999`, `1.2k`, `14k`, `1.5M`.
fn count_label(n: usize) -> String {
    match n {
        0..=999 => n.to_string(),
        1_000..=9_999 => format!("{:.1}k", n as f64 / 1_000.0),
        10_000..=999_999 => format!("{}k", n / 1_000),
        _ => format!("{:.1}M", n as f64 / 1_000_000.0),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn counts_fit_a_cell() {
        let f = super::count_label;
        assert_eq!(
            [f(7), f(999), f(1_234), f(14_136), f(1_500_000)],
            ["7", "999", "1.2k", "14k", "1.5M"]
        );
    }
}
