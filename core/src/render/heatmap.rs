//! The matrix heatmap: clusters (rows) × modules (columns) with their names, cells coloured by
//! state, by delivery quarter or by the number of delivering measures, gaps hatched with their
//! reasons in the tooltips, coverage per row and per column, and a legend.

use std::collections::HashMap;
use std::fmt::Write as _;

use super::svg::{N, Svg, esc, thousands, truncate};
use super::{ColorBy, HEATMAP_MAX_AXIS, RenderOptions, TOOLTIP_MAX_MEASURES, name, palette, word};
use crate::matrix::{CellGap, CellState, Coverage, Matrix};
use crate::model::Lang;
use crate::schedule::Rollout;
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
    let lang = opts.lang;
    let doc = s.document();
    let nc = m.clusters.len();
    let nm = m.modules.len();
    let cov = m.coverage();
    let cname = |ci: usize| -> &str {
        doc.clusters
            .get(ci)
            .filter(|c| c.id == m.clusters[ci])
            .map_or(m.clusters[ci].as_str(), |c| name(&c.title, lang, &c.id))
    };
    let mname = |mi: usize| -> &str {
        doc.modules
            .get(mi)
            .filter(|x| x.id == m.modules[mi])
            .map_or(m.modules[mi].as_str(), |x| name(&x.title, lang, &x.id))
    };
    let measure_title = |id: &str| -> String {
        match s.measure_index(id) {
            Some(k) => {
                let ms = &doc.measures[k as usize];
                format!("{id} {}", name(&ms.title, lang, id))
            }
            None => id.to_owned(),
        }
    };
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
        if let (Some(&ci), Some(&mi)) = (cpos.get(g.cluster.as_str()), mpos.get(g.module.as_str()))
        {
            gap_at[ci * nm + mi] = Some(g);
        }
    }
    let color_by = match (opts.color_by, rollout) {
        (ColorBy::Quarter, None) => ColorBy::State,
        (c, _) => c,
    };
    let quarters = rollout.map(|r| r.quarters.as_slice()).unwrap_or(&[]);
    let quarter_of = |k: usize| -> Option<Option<usize>> {
        let r = rollout?;
        let f = r.cells.get(k)?.finish?;
        Some(quarters.iter().position(|q| f <= q.end_offset))
    };

    // layout
    let label_chars = (0..nc)
        .map(|ci| cname(ci).chars().count())
        .max()
        .unwrap_or(8)
        .clamp(8, 30);
    let head_chars = (0..nm)
        .map(|mi| mname(mi).chars().count())
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
    let by = match color_by {
        ColorBy::State => word(lang, "coloured by cell state", "xana vəziyyətinə görə"),
        ColorBy::Quarter => word(lang, "coloured by delivery quarter", "təhvil rübünə görə"),
        ColorBy::Coverage => word(
            lang,
            "coloured by number of delivering measures",
            "tədbirlərin sayına görə",
        ),
    };
    let subtitle = format!(
        "{} {} ({} {} {}) · {} · {} {}",
        word(lang, "Overall coverage", "Ümumi əhatə"),
        pct(&cov.overall),
        cov.overall.covered,
        word(lang, "of", "/"),
        cov.overall.applicable,
        by,
        gaps.len(),
        word(lang, "gaps", "boşluq")
    );

    // legend keys
    let mut keys = Vec::new();
    let problem = format!("stroke=\"{}\" stroke-width=\"2.5\"", palette::GAP);
    match color_by {
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
            let nq = quarters.len().max(1);
            for (k, q) in quarters.iter().enumerate() {
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
    }
    keys.push(key(
        HATCH,
        format!("stroke=\"{}\"", palette::GAP),
        word(lang, "gap: no measure", "boşluq: tədbir yoxdur"),
    ));
    keys.push(key(
        palette::NONE,
        "",
        word(lang, "not applicable", "tətbiq olunmur"),
    ));

    // measure the legend height by drawing into a scratch document
    let mut scratch = Svg::new(10.0, 10.0, "");
    let legend_end = legend(&mut scratch, &keys, PAD, 58.0, width - PAD);
    let top = legend_end + head;
    let grid_h = nc as f64 * CELL_H;
    let foot = 54.0;
    let note_h = if note.is_some() { 18.0 } else { 0.0 };
    let height = top + grid_h + foot + note_h + PAD;

    let mut svg = Svg::headed(width, height, &title, &defs());
    svg.text(PAD, 44.0, "fill=\"#555555\"", &subtitle);
    legend(&mut svg, &keys, PAD, 58.0, width - PAD);

    // column headers, rotated
    for mi in 0..nm {
        let x = left + mi as f64 * CELL_W + CELL_W / 2.0 + 4.0;
        let y = top - 6.0;
        let full = format!("{} ({})", mname(mi), m.modules[mi]);
        let _ = svg_text_rot(&mut svg, x, y, &truncate(mname(mi), 34), &full);
    }
    // rows
    for ci in 0..nc {
        let y = top + ci as f64 * CELL_H;
        let full = format!("{} ({})", cname(ci), m.clusters[ci]);
        svg.text_tip(
            left - 8.0,
            y + CELL_H / 2.0 + 4.0,
            "text-anchor=\"end\" fill=\"#222222\"",
            &truncate(cname(ci), 30),
            &full,
        );
        for mi in 0..nm {
            let k = ci * nm + mi;
            let cell = &m.cells[k];
            let x = left + mi as f64 * CELL_W;
            let gap = gap_at[k];
            let mut tip = format!("{} × {}", cname(ci), mname(mi));
            let (fill, ink, label): (String, &str, String) = match cell.state {
                CellState::NotApplicable => {
                    let _ = write!(tip, "\n{}", word(lang, "not applicable", "tətbiq olunmur"));
                    (palette::NONE.into(), palette::MUTED, String::new())
                }
                CellState::Gap => {
                    let _ = write!(tip, "\n{}", word(lang, "GAP", "BOŞLUQ"));
                    (HATCH.into(), palette::INK, String::new())
                }
                CellState::Covered => {
                    let n = cell.measures.len();
                    let _ = write!(
                        tip,
                        "\n{} {n}:",
                        word(lang, "covered by measures", "əhatə edən tədbirlər")
                    );
                    for id in cell.measures.iter().take(TOOLTIP_MAX_MEASURES) {
                        let _ = write!(tip, "\n  {}", measure_title(id));
                    }
                    if n > TOOLTIP_MAX_MEASURES {
                        let _ = write!(
                            tip,
                            "\n  … {} {}",
                            thousands((n - TOOLTIP_MAX_MEASURES) as u64),
                            word(lang, "more", "daha")
                        );
                    }
                    match color_by {
                        ColorBy::State => (palette::COVERED.into(), "#ffffff", count_label(n)),
                        ColorBy::Coverage => {
                            let t = (n.min(3) as f64) / 3.0;
                            (palette::ramp(t), palette::ink_on(t), count_label(n))
                        }
                        ColorBy::Quarter => match quarter_of(k) {
                            Some(Some(q)) => {
                                let nq = quarters.len().max(1);
                                let t = quarter_shade(q, nq);
                                let ql = &quarters[q].label;
                                let _ =
                                    write!(tip, "\n{} {ql}", word(lang, "delivered in", "təhvil"));
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
            };
            let mut extra = "stroke=\"#ffffff\" stroke-width=\"1\"".to_owned();
            let mut flag = false;
            if let Some(g) = gap {
                for r in &g.reasons {
                    let _ = write!(tip, "\n{}: {r}", word(lang, "gap", "boşluq"));
                }
                if cell.state == CellState::Covered {
                    flag = true;
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
                    &format!("text-anchor=\"middle\" font-size=\"10\" fill=\"{ink}\" pointer-events=\"none\""),
                    &shown,
                );
            }
        }
        // row coverage: bar + n/m
        let c = &cov.clusters[ci];
        let bx = left + grid_w + 10.0;
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
    // column coverage
    let fy = top + grid_h;
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
    for (mi, c) in cov.modules.iter().enumerate() {
        let x = left + mi as f64 * CELL_W + CELL_W / 2.0;
        let tip = format!("{}: {}", mname(mi), super::super::matrix::share_text(c));
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
    svg.text(
        left + grid_w + 10.0,
        top - 6.0,
        "fill=\"#555555\" font-size=\"11\"",
        word(lang, "coverage of the cluster", "klasterin əhatəsi"),
    );
    if let Some(n) = note {
        svg.text(PAD, fy + foot, "fill=\"#b00020\"", n);
    }
    let _ = thousands;
    svg.finish()
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

/// The heatmap of a matrix too large to draw cell by cell: blocks of consecutive clusters ×
/// blocks of consecutive modules, coloured by the block's coverage share.
fn aggregated(
    s: &Strategy,
    m: &Matrix,
    opts: &RenderOptions,
    (pc, gc): (usize, usize),
    (pm, gm): (usize, usize),
) -> String {
    let lang = opts.lang;
    let nc = m.clusters.len();
    let nm = m.modules.len();
    let cov = m.coverage();
    // covered / applicable per block, one pass over the cells
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
    let share = |(c, a): (u32, u32)| (a > 0).then(|| f64::from(c) / f64::from(a));
    let cell = 14.0;
    let left = PAD + 150.0;
    let top = 150.0;
    let width = (left + gm as f64 * cell + 190.0 + PAD).max(720.0);
    let height = top + gc as f64 * cell + 40.0 + PAD;
    let title = super::heading(
        s,
        lang,
        word(lang, "Clusters × modules", "Klasterlər × modullar"),
        width,
    );
    let mut svg = Svg::headed(width, height, &title, "");
    let note = format!(
        "{}: {} {} {} {} {} · {} {} {} {} {} · {} {}",
        word(lang, "aggregated", "birləşdirilib"),
        thousands(nc as u64),
        word(lang, "clusters shown as", "klaster"),
        gc,
        word(lang, "blocks of", "blok,"),
        pc,
        thousands(nm as u64),
        word(lang, "modules shown as", "modul"),
        gm,
        word(lang, "blocks of", "blok,"),
        pm,
        word(lang, "overall coverage", "ümumi əhatə"),
        pct(&cov.overall)
    );
    svg.text(PAD, 44.0, "fill=\"#555555\"", &note);
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
    let span = |k: usize, per: usize, n: usize, ids: &[String]| -> String {
        let a = k * per;
        let b = ((k + 1) * per).min(n) - 1;
        if a == b {
            ids[a].clone()
        } else {
            format!("{} … {} ({})", ids[a], ids[b], b - a + 1)
        }
    };
    for r in 0..gc {
        let y = top + r as f64 * cell;
        let label = span(r, pc, nc, &m.clusters);
        svg.text_tip(
            left - 6.0,
            y + 11.0,
            "text-anchor=\"end\" font-size=\"10\" fill=\"#222222\"",
            &truncate(&label, 24),
            &label,
        );
        for c in 0..gm {
            let b = blocks[r * gm + c];
            let (fill, tipv) = match share(b) {
                Some(sh) => (
                    palette::ramp(sh),
                    format!("{}/{} ({}%)", b.0, b.1, N(sh * 100.0)),
                ),
                None => (palette::NONE.to_owned(), "n/a".to_owned()),
            };
            let tip = format!("{} × {}: {tipv}", label, span(c, pm, nm, &m.modules));
            svg.rect(
                left + c as f64 * cell,
                y,
                cell - 1.0,
                cell - 1.0,
                &fill,
                "",
                Some(&tip),
            );
        }
        let (c, a) = rows[r];
        let t = share((c, a)).map_or("n/a".into(), |s| format!("{}%", N(s * 100.0)));
        svg.text(
            left + gm as f64 * cell + 8.0,
            y + 11.0,
            "font-size=\"10\" fill=\"#222222\"",
            &format!("{t} · {}/{}", thousands(c.into()), thousands(a.into())),
        );
    }
    for (c, col) in cols.iter().enumerate() {
        let x = left + c as f64 * cell + 10.0;
        let label = span(c, pm, nm, &m.modules);
        let _ = svg_text_rot(
            &mut svg,
            x,
            top - 4.0,
            &truncate(&label, 18),
            &format!(
                "{label}: {}",
                share(*col).map_or("n/a".into(), |s| format!("{}%", N(s * 100.0)))
            ),
        );
    }
    let _ = Lang::En;
    svg.finish()
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
