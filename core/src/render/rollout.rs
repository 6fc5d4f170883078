//! The rollout picture: per cluster, the share of its applicable modules delivered by the end
//! of each quarter of the strategy period (early schedule), as a heat strip cluster × quarter,
//! with the final count. Above [`super::HEATMAP_MAX_AXIS`] clusters, blocks of clusters.

use super::heatmap::groups;
use super::svg::{N, Svg, thousands, truncate};
use super::{RenderOptions, name, palette, word};
use crate::model::Lang;
use crate::schedule::Rollout;
use crate::strategy::Strategy;

const PAD: f64 = 16.0;
const CELL_W: f64 = 46.0;
const CELL_H: f64 = 22.0;

/// One row of the picture: a cluster or a block of clusters.
struct Row {
    /// The cluster's name, or the block's first and last ids and size.
    label: String,
    /// Applicable cells.
    applicable: u64,
    /// Cells delivered by the end of each quarter.
    delivered: Vec<u64>,
    /// Cells delivered at all.
    eventually: u64,
    /// The assessed cells' move: (sum of current levels, sum of target levels, cells
    /// assessed, cells with a target), and per assessed cell `module: a→b (finish)` for the
    /// tooltip.
    levels: (u64, u64, u64, u64),
    moves: Vec<String>,
}

/// `a→b`: a cell's current and target level (`a` alone without a target).
fn step(level: u8, target: Option<u8>) -> String {
    match target {
        Some(t) => format!("{level}→{t}"),
        None => level.to_string(),
    }
}

/// The assessed cells of clusters `a..b`: the sums of their levels and targets and their
/// moves, `module a→b, delivered <date>` (only for one cluster).
fn levels(r: &Rollout, a: usize, b: usize, lang: Lang) -> ((u64, u64, u64, u64), Vec<String>) {
    let nm = if r.clusters.is_empty() {
        0
    } else {
        r.cells.len() / r.clusters.len()
    };
    let mut sums = (0u64, 0u64, 0u64, 0u64);
    let mut moves = Vec::new();
    for cell in &r.cells[a * nm..b * nm] {
        let Some(l) = cell.level else { continue };
        sums.0 += u64::from(l);
        sums.2 += 1;
        if let Some(t) = cell.target_level {
            sums.1 += u64::from(t);
            sums.3 += 1;
        }
        if b - a == 1 {
            let when = match cell.finish_date {
                Some(d) => format!("{} {d}", word(lang, "delivered", "təhvil")),
                None => word(lang, "no measure", "tədbir yoxdur").to_owned(),
            };
            moves.push(format!(
                "{}: {} ({when})",
                cell.module,
                step(l, cell.target_level)
            ));
        }
    }
    (sums, moves)
}

/// The rows: one per cluster, or per block of `per` consecutive clusters.
fn rows(s: &Strategy, r: &Rollout, lang: Lang, (per, ng): (usize, usize)) -> Vec<Row> {
    let doc = s.document();
    let nc = r.clusters.len();
    let mut rows = Vec::with_capacity(ng);
    for g in 0..ng {
        let (a, b) = (g * per, ((g + 1) * per).min(nc));
        let label = if per == 1 {
            let c = &r.clusters[a];
            doc.clusters
                .get(a)
                .filter(|x| x.id == c.cluster)
                .map_or(c.cluster.clone(), |x| {
                    name(&x.title, lang, &x.id).to_owned()
                })
        } else {
            format!(
                "{} … {} ({})",
                r.clusters[a].cluster,
                r.clusters[b - 1].cluster,
                b - a
            )
        };
        let mut app = 0u64;
        let mut del = vec![0u64; r.quarters.len()];
        let mut ev = 0u64;
        for c in &r.clusters[a..b] {
            app += u64::from(c.applicable);
            ev += u64::from(c.delivered_eventually);
            for (k, d) in c.delivered.iter().enumerate() {
                if let Some(x) = del.get_mut(k) {
                    *x += u64::from(*d);
                }
            }
        }
        let (sums, moves) = levels(r, a, b, lang);
        rows.push(Row {
            label,
            applicable: app,
            delivered: del,
            eventually: ev,
            levels: sums,
            moves,
        });
    }
    rows
}

/// The rollout of `s` over quarters.
pub fn rollout_svg(s: &Strategy, r: &Rollout, opts: &RenderOptions) -> String {
    let lang = opts.lang;
    let nc = r.clusters.len();
    let (per, ng) = groups(nc);
    let rows = rows(s, r, lang, (per, ng));
    let label_chars = rows
        .iter()
        .map(|r| r.label.chars().count())
        .max()
        .unwrap_or(8)
        .clamp(8, 30);
    let left = PAD + label_chars as f64 * 6.8 + 12.0;
    let nq = r.quarters.len();
    let assessed = rows.iter().any(|row| row.levels.2 > 0);
    let level_w = if assessed { 150.0 } else { 0.0 };
    let width = (left + nq as f64 * CELL_W + 150.0 + level_w + PAD).max(600.0);
    let top = 100.0;
    let height = top + rows.len() as f64 * CELL_H + 30.0 + PAD;
    let title = super::heading(
        s,
        lang,
        word(
            lang,
            "Rollout: applicable modules delivered by quarter end",
            "Tətbiq: rüb sonuna təhvil verilmiş modullar",
        ),
        width,
    );
    let mut sub = word(lang, "share of the cluster's applicable modules whose last delivering measure has finished (early schedule); gaps are never delivered", "klasterin tətbiq olunan modullarının payı (erkən cədvəl); boşluqlar heç vaxt təhvil verilmir").to_owned();
    if per > 1 {
        sub = format!(
            "{}: {} {} {} {} · {sub}",
            word(lang, "aggregated", "birləşdirilib"),
            thousands(nc as u64),
            word(lang, "clusters shown as", "klaster"),
            ng,
            word(lang, "blocks", "blok")
        );
    }
    let mut svg = Svg::headed(width, height, "ec-rollout", &title, &sub, "");
    svg.text(PAD, 42.0, "fill=\"#555555\"", &sub);
    legend(&mut svg, lang);
    for (k, q) in r.quarters.iter().enumerate() {
        let x = left + k as f64 * CELL_W + CELL_W / 2.0;
        svg.text(
            x,
            top - 8.0,
            "text-anchor=\"middle\" font-size=\"10\" fill=\"#444444\"",
            &q.label,
        );
    }
    svg.text(
        left + nq as f64 * CELL_W + 10.0,
        top - 8.0,
        "font-size=\"10\" fill=\"#444444\"",
        word(lang, "delivered eventually", "sonda təhvil"),
    );
    if assessed {
        svg.text(
            left + nq as f64 * CELL_W + 150.0,
            top - 8.0,
            "font-size=\"10\" fill=\"#444444\"",
            word(
                lang,
                "mean level: current→target (assessed)",
                "orta səviyyə: cari→hədəf",
            ),
        );
    }
    for (ri, row) in rows.iter().enumerate() {
        let y = top + ri as f64 * CELL_H;
        draw_row(&mut svg, r, row, left, y);
        if assessed {
            draw_levels(&mut svg, row, left + nq as f64 * CELL_W + 150.0, y);
        }
    }
    crate::render::captioned(s, svg.finish())
}

/// The legend: the shares' ramp and "nothing applicable".
fn legend(svg: &mut Svg, lang: Lang) {
    let mut x = PAD;
    for t in [0.0, 0.25, 0.5, 0.75, 1.0] {
        svg.rect(x, 52.0, 16.0, 14.0, &palette::ramp(t), "", None);
        svg.text(
            x + 20.0,
            63.0,
            "fill=\"#222222\"",
            &format!("{}%", N(t * 100.0)),
        );
        x += 64.0;
    }
    svg.rect(x, 52.0, 16.0, 14.0, palette::NONE, "", None);
    svg.text(
        x + 20.0,
        63.0,
        "fill=\"#222222\"",
        word(lang, "nothing applicable (no data)", "tətbiq olunan yoxdur"),
    );
}

/// A row's move from the current to the target level at (x, y): the mean levels of its
/// assessed cells, each cell's move in the tooltip.
fn draw_levels(svg: &mut Svg, row: &Row, x: f64, y: f64) {
    let (lv, tg, n, nt) = row.levels;
    if n == 0 {
        svg.text(x, y + 15.0, "fill=\"#999999\"", "–");
        return;
    }
    let mean = |s: u64, k: u64| format!("{:.1}", s as f64 / k as f64);
    let text = if nt > 0 {
        format!("{}→{} ({n})", mean(lv, n), mean(tg, nt))
    } else {
        format!("{} ({n})", mean(lv, n))
    };
    let tip = if row.moves.is_empty() {
        format!("{}: {text}", row.label)
    } else {
        format!("{}\n{}", row.label, row.moves.join("\n"))
    };
    svg.text_tip(x, y + 15.0, "fill=\"#222222\"", &text, &tip);
}

/// A row at `y`: its label, its share per quarter and what it delivers eventually.
fn draw_row(svg: &mut Svg, r: &Rollout, row: &Row, left: f64, y: f64) {
    let (label, app, ev) = (&row.label, row.applicable, row.eventually);
    svg.text_tip(
        left - 8.0,
        y + 15.0,
        "text-anchor=\"end\" fill=\"#222222\"",
        &truncate(label, 30),
        label,
    );
    for (k, d) in row.delivered.iter().enumerate() {
        let x = left + k as f64 * CELL_W;
        let q = &r.quarters[k];
        if app == 0 {
            svg.rect(
                x + 0.5,
                y + 0.5,
                CELL_W - 1.0,
                CELL_H - 1.0,
                palette::NONE,
                "",
                Some(&format!("{label} · {}: n/a", q.label)),
            );
            continue;
        }
        let t = *d as f64 / app as f64;
        let tip = format!(
            "{label} · {} ({}): {d}/{app} ({}%)",
            q.label,
            q.end,
            N(t * 100.0)
        );
        svg.rect(
            x + 0.5,
            y + 0.5,
            CELL_W - 1.0,
            CELL_H - 1.0,
            &palette::ramp(t),
            "",
            Some(&tip),
        );
        svg.text(
            x + CELL_W / 2.0,
            y + 15.0,
            &format!(
                "text-anchor=\"middle\" font-size=\"10\" fill=\"{}\" pointer-events=\"none\"",
                palette::ink_on(t)
            ),
            &format!("{}%", N((t * 100.0).round())),
        );
    }
    let txt = if app == 0 {
        "n/a".to_owned()
    } else {
        format!(
            "{}/{} ({}%)",
            thousands(ev),
            thousands(app),
            N((ev as f64 / app as f64 * 100.0).round())
        )
    };
    svg.text(
        left + r.quarters.len() as f64 * CELL_W + 10.0,
        y + 15.0,
        "fill=\"#222222\"",
        &txt,
    );
}
