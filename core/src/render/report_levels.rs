//! The report's table of the current-state assessment (`docs/assessment.md`): each assessed
//! cell's move from its current level to its target, with the institutions reached and the
//! date the plan delivers it (early schedule). Written under the rollout picture, only when the
//! plan has assessments.

use std::fmt::Write as _;

use super::svg::{esc, thousands};
use super::{name, word};
use crate::matrix::Matrix;
use crate::model::{Lang, level_name};
use crate::schedule::Rollout;
use crate::strategy::Strategy;

/// `2 developing`.
fn level_text(l: u8) -> String {
    format!("{l} {}", level_name(i32::from(l)).unwrap_or(""))
}

/// The table, or nothing when no cell is assessed. `rollout` gives the delivery dates.
pub(super) fn table(
    out: &mut String,
    s: &Strategy,
    m: &Matrix,
    rollout: Option<&Rollout>,
    lang: Lang,
    max_rows: usize,
) {
    let assessed: Vec<(usize, &crate::matrix::Cell)> = m
        .cells
        .iter()
        .enumerate()
        .filter(|(_, c)| c.level.is_some())
        .collect();
    if assessed.is_empty() {
        return;
    }
    let doc = s.document();
    let nm = m.modules.len().max(1);
    let _ = writeln!(
        out,
        "<h3>{}</h3>\n<p class=\"muted\">{}</p>",
        word(lang, "Current → target level", "Cari → hədəf səviyyə"),
        word(
            lang,
            "Each assessed cell's latest assessment on the 0-5 scale (0 none, 1 initial, 2 developing, 3 defined, 4 managed, 5 optimised) and when the plan delivers it (early schedule).",
            "Hər qiymətləndirilmiş xananın son qiymətləndirməsi (0-5 şkala) və planın onu təhvil verdiyi tarix."
        )
    );
    let _ = writeln!(
        out,
        "<table><thead><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th class=\"num\">{}</th><th>{}</th><th>{}</th></tr></thead><tbody>",
        word(lang, "Cluster", "Klaster"),
        word(lang, "Module", "Modul"),
        word(lang, "Current level", "Cari səviyyə"),
        word(lang, "Target level", "Hədəf səviyyə"),
        word(lang, "Institutions reached", "Əhatə olunan müəssisələr"),
        word(lang, "As of", "Tarix"),
        word(lang, "Delivered", "Təhvil")
    );
    for &(k, c) in assessed.iter().take(max_rows) {
        let (ci, mi) = (k / nm, k % nm);
        let cl = doc
            .clusters
            .get(ci)
            .map_or(c.cluster.as_str(), |x| name(&x.title, lang, &x.id));
        let md = doc
            .modules
            .get(mi)
            .map_or(c.module.as_str(), |x| name(&x.title, lang, &x.id));
        let reached = match (c.institutions_reached, c.institutions) {
            (Some(r), Some(n)) => format!("{} / {}", thousands(r), thousands(n)),
            (Some(r), None) => thousands(r),
            _ => String::new(),
        };
        let delivered = rollout
            .and_then(|r| r.cells.get(k))
            .and_then(|x| x.finish_date)
            .map_or_else(
                || word(lang, "no measure", "tədbir yoxdur").to_owned(),
                |d| d.to_string(),
            );
        let _ = writeln!(
            out,
            "<tr><td>{} <code>{}</code></td><td>{} <code>{}</code></td><td>{}</td><td>{}</td><td class=\"num\">{}</td><td class=\"date\">{}</td><td class=\"date\">{}</td></tr>",
            esc(cl),
            esc(&c.cluster),
            esc(md),
            esc(&c.module),
            esc(&c.level.map(level_text).unwrap_or_default()),
            esc(&c.target_level.map(level_text).unwrap_or_default()),
            reached,
            esc(c.as_of.as_deref().unwrap_or("")),
            esc(&delivered)
        );
    }
    out.push_str("</tbody></table>\n");
    if assessed.len() > max_rows {
        let _ = writeln!(
            out,
            "<p class=\"muted\">… {} {}</p>",
            thousands((assessed.len() - max_rows) as u64),
            word(lang, "more", "daha")
        );
    }
}
