//! The DSM picture: the sequenced dependency matrix (a row reads its inputs: a mark in row `i`,
//! column `j` means measure `i` depends on measure `j`), satisfied marks below the diagonal,
//! feedback marks above it in red, and each cyclic block outlined with its suggested cut in the
//! tooltip. Above [`DSM_MAX_MEASURES`] measures: mark density between blocks of the sequence.

use std::fmt::Write as _;

use super::svg::{N, Svg, thousands};
use super::{DSM_MAX_MEASURES, RenderOptions, name, palette, word};
use crate::model::Lang;
use crate::schedule::Dsm;
use crate::strategy::Strategy;

const PAD: f64 = 16.0;
const BINS: usize = 100;

/// Where the matrix is drawn: its top left corner, the side of a cell, the cells per side and
/// the measures per cell (1 unless aggregated).
struct Layout {
    left: f64,
    top: f64,
    cell: f64,
    cells: usize,
    per: usize,
}

/// The DSM of `s`.
pub fn dsm_svg(s: &Strategy, dsm: &Dsm, opts: &RenderOptions) -> String {
    let lang = opts.lang;
    let n = dsm.order.len();
    let aggregated = n > DSM_MAX_MEASURES;
    let (cells, per) = if aggregated {
        (BINS.min(n), n.div_ceil(BINS))
    } else {
        (n, 1)
    };
    let cells = if aggregated { n.div_ceil(per) } else { cells };
    let cell = if aggregated {
        7.0
    } else {
        (700.0 / n.max(1) as f64).clamp(5.0, 16.0)
    };
    let labels = !aggregated && cell >= 9.0;
    let lab_w = if labels {
        dsm.order
            .iter()
            .map(|i| i.chars().count())
            .max()
            .unwrap_or(2) as f64
            * (cell - 3.0)
            * 0.62
            + 10.0
    } else {
        10.0
    };
    let l = Layout {
        left: PAD + lab_w,
        top: 90.0 + lab_w,
        cell,
        cells,
        per,
    };
    let side = cells as f64 * cell;
    let width = (l.left + side + PAD).max(720.0);
    let height = l.top + side + PAD;
    let title = super::heading(
        s,
        lang,
        word(
            lang,
            "Dependency structure matrix (DSM)",
            "Asılılıq strukturu matrisi (DSM)",
        ),
        width,
    );
    let sub = subtitle(dsm, lang, aggregated.then_some(cells));
    let mut svg = Svg::headed(width, height, "ec-dsm", &title, &sub, "");
    svg.text(PAD, 42.0, "fill=\"#555555\"", &sub);
    legend(&mut svg, lang);
    // frame and diagonal
    svg.rect(
        l.left,
        l.top,
        side,
        side,
        "#fafafa",
        &format!("stroke=\"{}\"", palette::GRID),
        None,
    );
    for k in 0..cells {
        let p = l.left + k as f64 * cell;
        svg.rect(p, l.top + k as f64 * cell, cell, cell, "#d0d0d0", "", None);
    }
    if labels {
        id_labels(&mut svg, s, dsm, &l, lang);
    }
    if aggregated {
        density_marks(&mut svg, dsm, &l, lang);
    } else {
        marks(&mut svg, dsm, &l, lang);
    }
    block_outlines(&mut svg, dsm, &l, lang);
    crate::render::captioned(s, svg.finish())
}

/// Measures, dependencies and cyclic blocks; how the sequence is aggregated (`blocks`: their
/// number when it is); whether the dependencies were cut at the DSM's limit.
fn subtitle(dsm: &Dsm, lang: Lang, blocks: Option<usize>) -> String {
    let n = dsm.order.len();
    let mut sub = format!(
        "{} {} · {} {} · {} {}",
        thousands(n as u64),
        word(lang, "measures", "tədbir"),
        thousands(dsm.marks.len() as u64),
        word(lang, "dependencies", "asılılıq"),
        dsm.blocks.len(),
        word(lang, "cyclic blocks (outlined)", "dövri blok (çərçivədə)"),
    );
    if let Some(cells) = blocks {
        sub = format!(
            "{}: {} {} {} {} · {sub}",
            word(lang, "aggregated", "birləşdirilib"),
            thousands(n as u64),
            word(lang, "measures shown as", "tədbir göstərilir:"),
            cells,
            word(
                lang,
                "blocks of the sequence (darker = more dependencies)",
                "ardıcıllıq bloku"
            )
        );
    }
    if dsm.truncated {
        sub = format!(
            "{sub} · {}",
            word(
                lang,
                "dependencies listed up to the DSM's limit",
                "asılılıqlar DSM limitinədək göstərilir"
            )
        );
    }
    sub
}

/// The legend: dependency, feedback, cyclic block, how to read a mark.
fn legend(svg: &mut Svg, lang: Lang) {
    svg.rect(PAD, 54.0, 12.0, 12.0, palette::BAR, "", None);
    svg.text(
        PAD + 16.0,
        64.0,
        "fill=\"#222222\"",
        word(lang, "dependency", "asılılıq"),
    );
    svg.rect(PAD + 110.0, 54.0, 12.0, 12.0, palette::LATE, "", None);
    svg.text(
        PAD + 126.0,
        64.0,
        "fill=\"#222222\"",
        word(lang, "feedback", "əks əlaqə"),
    );
    svg.rect(
        PAD + 210.0,
        54.0,
        12.0,
        12.0,
        "none",
        &format!("stroke=\"{}\" stroke-width=\"2\"", palette::NEAR),
        None,
    );
    svg.text(
        PAD + 226.0,
        64.0,
        "fill=\"#222222\"",
        word(lang, "cyclic block", "dövri blok"),
    );
    svg.text(
        PAD + 320.0,
        64.0,
        "fill=\"#555555\"",
        word(
            lang,
            "row depends on column; above the diagonal = feedback",
            "sətir sütundan asılıdır; diaqonaldan yuxarı = əks əlaqə",
        ),
    );
}

/// The measures' ids beside the rows and above the columns (rotated), titles in tooltips.
fn id_labels(svg: &mut Svg, s: &Strategy, dsm: &Dsm, l: &Layout, lang: Lang) {
    let doc = s.document();
    let (left, top, cell) = (l.left, l.top, l.cell);
    let fs = cell - 3.0;
    for (k, id) in dsm.order.iter().enumerate() {
        let t = doc
            .measures
            .get(s.measure_index(id).unwrap_or(u32::MAX) as usize)
            .map_or(id.clone(), |m| format!("{id} {}", name(&m.title, lang, id)));
        let y = top + k as f64 * cell + cell - 2.5;
        svg.text_tip(
            left - 4.0,
            y,
            &format!(
                "text-anchor=\"end\" font-size=\"{}\" fill=\"#222222\"",
                N(fs)
            ),
            id,
            &t,
        );
        let x = left + k as f64 * cell + cell - 2.5;
        let mut r = String::new();
        let _ = writeln!(
            r,
            "<text x=\"{x}\" y=\"{y}\" transform=\"rotate(-90 {x} {y})\" font-size=\"{}\" fill=\"#222222\">{}</text>",
            N(fs),
            super::svg::esc(id),
            x = N(x),
            y = N(top - 4.0)
        );
        svg.raw(&r);
    }
}

/// An aggregated DSM's marks: dependencies counted per pair of blocks, shaded on a log scale,
/// feedback in red.
fn density_marks(svg: &mut Svg, dsm: &Dsm, l: &Layout, lang: Lang) {
    let (cells, per, cell) = (l.cells, l.per, l.cell);
    let mut count = vec![0u32; cells * cells];
    for m in &dsm.marks {
        let (r, c) = (m.row as usize / per, m.col as usize / per);
        if let Some(x) = count.get_mut(r * cells + c) {
            *x += 1;
        }
    }
    let max = count.iter().copied().max().unwrap_or(1).max(1);
    for r in 0..cells {
        for c in 0..cells {
            let k = count[r * cells + c];
            if k == 0 {
                continue;
            }
            // a log scale in integers (no libm: the same bytes on every platform)
            let t = 0.25 + 0.75 * f64::from((k + 1).ilog2()) / f64::from((max + 1).ilog2().max(1));
            let fill = if c > r {
                palette::LATE.to_owned()
            } else {
                palette::ramp(t)
            };
            let tip = format!("{} {k}", word(lang, "dependencies:", "asılılıq:"));
            svg.rect(
                l.left + c as f64 * cell,
                l.top + r as f64 * cell,
                cell,
                cell,
                &fill,
                "",
                Some(&tip),
            );
        }
    }
}

/// One mark per dependency: satisfied below the diagonal, feedback on or above it in red.
fn marks(svg: &mut Svg, dsm: &Dsm, l: &Layout, lang: Lang) {
    let cell = l.cell;
    for m in &dsm.marks {
        let (r, c) = (m.row as usize, m.col as usize);
        let fill = if c >= r { palette::LATE } else { palette::BAR };
        let tip = format!(
            "{} {} {}",
            dsm.order.get(r).map_or("", String::as_str),
            word(lang, "depends on", "asılıdır:"),
            dsm.order.get(c).map_or("", String::as_str)
        );
        svg.rect(
            l.left + c as f64 * cell + 1.0,
            l.top + r as f64 * cell + 1.0,
            cell - 2.0,
            cell - 2.0,
            fill,
            "",
            Some(&tip),
        );
    }
}

/// Each cyclic block outlined, its members and suggested cut in the tooltip.
fn block_outlines(svg: &mut Svg, dsm: &Dsm, l: &Layout, lang: Lang) {
    let (per, cell) = (l.per, l.cell);
    for b in &dsm.blocks {
        let a = b.start as usize / per;
        let z = (b.start as usize + b.members.len().max(1) - 1) / per + 1;
        let mut tip = format!(
            "{} {}: {}",
            word(lang, "cyclic block of", "dövri blok:"),
            b.members.len(),
            b.members.join(", ")
        );
        if let Some(cut) = &b.suggested_cut {
            let _ = write!(
                tip,
                "\n{} {} → {} ({} {})",
                word(lang, "suggested cut:", "təklif olunan kəsmə:"),
                cut.prerequisite,
                cut.measure,
                b.remaining_cyclic,
                word(lang, "measures stay on a cycle", "tədbir dövrdə qalır")
            );
        }
        svg.rect(
            l.left + a as f64 * cell,
            l.top + a as f64 * cell,
            (z - a) as f64 * cell,
            (z - a) as f64 * cell,
            "none",
            &format!("stroke=\"{}\" stroke-width=\"2.5\"", palette::NEAR),
            Some(&tip),
        );
    }
}
