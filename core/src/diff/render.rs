//! A plan diff as Markdown, HTML and a picture. Every user string is escaped (`crate::escape`),
//! the output depends only on the diff (deterministic), and the HTML and SVG are
//! self-contained: no script, font, stylesheet or URL.

use std::fmt::Write as _;

use serde_json::Value;

use super::{DiffKind, DiffRecord, PlanDiff};
use crate::escape::{markdown as md, xml};
use crate::model::Lang;
use crate::render::palette;
use crate::render::svg::{Svg, truncate};

/// The longest value shown in a table cell (the JSON value itself is in the records).
const VALUE_CHARS: usize = 120;
/// The most directions drawn in the picture; the others are counted in a note.
const MAX_ROWS: usize = 60;

fn word(lang: Lang, en: &'static str, az: &'static str) -> &'static str {
    if lang == Lang::Az { az } else { en }
}

/// A value as a table shows it: strings without quotes, the rest as compact JSON, cut.
fn shown(v: Option<&Value>) -> String {
    match v {
        None => "—".into(),
        Some(Value::String(s)) => truncate(s, VALUE_CHARS).into_owned(),
        Some(v) => truncate(&v.to_string(), VALUE_CHARS).into_owned(),
    }
}

fn num(v: Option<f64>) -> String {
    match v {
        None => "—".into(),
        Some(x) if x.fract() == 0.0 && x.abs() < 1e15 => format!("{}", x as i64),
        Some(x) => format!("{x}"),
    }
}

fn signed(d: i64) -> String {
    if d > 0 {
        format!("+{d}")
    } else {
        d.to_string()
    }
}

fn kind_text(r: &DiffRecord) -> String {
    match &r.renamed_from {
        Some(from) => format!("added (renamed from {from}?)"),
        None => r.kind.as_str().to_owned(),
    }
}

/// The rows of each table: (headers, rows of plain strings), escaped by the writer.
struct Table {
    title: &'static str,
    headers: &'static [&'static str],
    rows: Vec<Vec<String>>,
    /// Said instead of the table when it has no row.
    empty: String,
}

impl PlanDiff {
    /// One-line summary: `a → b: 3 added, 1 removed, 5 changed` or `no differences`.
    pub fn headline(&self) -> String {
        let (a, r, c) = self.counts();
        let ids = if self.old_id == self.new_id {
            self.new_id.clone()
        } else {
            format!("{} → {}", self.old_id, self.new_id)
        };
        if self.is_empty() {
            format!("{ids}: no differences")
        } else {
            format!("{ids}: {a} added, {r} removed, {c} changed")
        }
    }

    fn schedule_lines(&self) -> Vec<String> {
        let Some(s) = &self.schedule else {
            return vec![format!(
                "Not compared: blocked by {}.",
                self.schedule_blocked_by.join(", ")
            )];
        };
        let list = |xs: &[String]| {
            if xs.is_empty() {
                "none".to_owned()
            } else {
                xs.join(", ")
            }
        };
        let deadlines = |xs: &[super::DeadlineChange]| {
            if xs.is_empty() {
                return "none".to_owned();
            }
            xs.iter()
                .map(|d| {
                    format!(
                        "{} (deadline {}, {} days late)",
                        d.id, d.deadline, d.days_late
                    )
                })
                .collect::<Vec<_>>()
                .join(", ")
        };
        vec![
            format!(
                "Finish: {} → {} ({} days).",
                s.finish_before,
                s.finish_after,
                signed(s.finish_shift_days)
            ),
            format!("Critical measures added: {}.", list(&s.critical_added)),
            format!("Critical measures removed: {}.", list(&s.critical_removed)),
            format!(
                "Deadlines newly missed: {}.",
                deadlines(&s.deadlines_newly_missed)
            ),
            format!(
                "Deadlines newly met: {}.",
                deadlines(&s.deadlines_newly_met)
            ),
        ]
    }

    fn tables(&self) -> Vec<Table> {
        let records = Table {
            title: "Changes",
            headers: &["kind", "entity", "id", "title", "field", "old", "new"],
            rows: self
                .records
                .iter()
                .map(|r| {
                    // a whole entity is named by its id and title; its value is in the
                    // records (a dependency's two fields are short enough to show)
                    let whole = r.field.is_none() && r.entity != "dependency";
                    vec![
                        kind_text(r),
                        r.entity.clone(),
                        r.id.clone(),
                        r.title.clone().unwrap_or_default(),
                        r.field.clone().unwrap_or_default(),
                        if whole || r.kind == DiffKind::Added {
                            String::new()
                        } else {
                            shown(r.old.as_ref())
                        },
                        if whole || r.kind == DiffKind::Removed {
                            String::new()
                        } else {
                            shown(r.new.as_ref())
                        },
                    ]
                })
                .collect(),
            empty: "No differences.".into(),
        };
        let shifts = Table {
            title: "Measures moved",
            headers: &[
                "measure",
                "start before",
                "start after",
                "finish before",
                "finish after",
                "days",
            ],
            rows: self
                .schedule
                .iter()
                .flat_map(|s| &s.shifts)
                .map(|m| {
                    vec![
                        m.id.clone(),
                        m.start_before.to_string(),
                        m.start_after.to_string(),
                        m.finish_before.to_string(),
                        m.finish_after.to_string(),
                        signed(m.finish_shift_days),
                    ]
                })
                .collect(),
            empty: if self.schedule.is_some() {
                "No measure moved.".into()
            } else {
                String::new()
            },
        };
        let state = |s: Option<crate::matrix::CellState>| s.map_or("—", |s| s.as_str()).to_owned();
        let matrix = Table {
            title: "Matrix",
            headers: &[
                "cluster",
                "module",
                "old state",
                "new state",
                "old measures",
                "new measures",
            ],
            rows: self
                .matrix_changes
                .iter()
                .flatten()
                .map(|c| {
                    vec![
                        c.cluster.clone(),
                        c.module.clone(),
                        state(c.old_state),
                        state(c.new_state),
                        c.old_measures.join(", "),
                        c.new_measures.join(", "),
                    ]
                })
                .collect(),
            empty: match &self.matrix_changes {
                Some(_) => "No cell changed.".into(),
                None => format!(
                    "Not compared: blocked by {}.",
                    self.matrix_blocked_by.join(", ")
                ),
            },
        };
        let targets = Table {
            title: "Indicator targets",
            headers: &["indicator", "name", "year", "old", "new"],
            rows: self
                .indicator_targets
                .iter()
                .map(|t| {
                    vec![
                        t.indicator.clone(),
                        t.name.clone(),
                        t.year.to_string(),
                        num(t.old),
                        num(t.new),
                    ]
                })
                .collect(),
            empty: "No target changed.".into(),
        };
        vec![records, shifts, matrix, targets]
    }

    /// The diff as Markdown: a summary, the changes, the schedule's consequences, the matrix
    /// cells and the indicator targets. User strings are escaped for Markdown.
    pub fn to_markdown(&self) -> String {
        let mut s = format!(
            "# Plan diff — {}\n\n{}.\n",
            md(&self.title),
            md(&self.headline())
        );
        let tables = self.tables();
        for (k, t) in tables.iter().enumerate() {
            if k == 1 {
                s.push_str("\n## Schedule\n\n");
                for line in self.schedule_lines() {
                    let _ = writeln!(s, "- {}", md(&line));
                }
            }
            let level = if k == 1 { "###" } else { "##" };
            if k == 1 && self.schedule.is_none() {
                continue;
            }
            let _ = write!(s, "\n{level} {}\n\n", t.title);
            if t.rows.is_empty() {
                let _ = writeln!(s, "{}", md(&t.empty));
                continue;
            }
            let _ = writeln!(s, "| {} |", t.headers.join(" | "));
            let _ = writeln!(s, "|{}", "---|".repeat(t.headers.len()));
            for row in &t.rows {
                let cells: Vec<String> = row.iter().map(|c| md(c)).collect();
                let _ = writeln!(s, "| {} |", cells.join(" | "));
            }
        }
        s
    }

    /// The diff as a self-contained HTML fragment (a `<div>` with its own scoped style, the
    /// picture and the tables; no script, no URL): for a notebook, or to embed in a page.
    pub fn to_html(&self) -> String {
        let mut s = String::from(
            "<div class=\"eculture-diff\">\n<style>\n.eculture-diff { font-family: system-ui, Arial, sans-serif; font-size: 13px; color: #222; }\n.eculture-diff table { border-collapse: collapse; margin: 0 0 1em 0; }\n.eculture-diff th, .eculture-diff td { border: 1px solid #bbb; padding: 2px 6px; text-align: left; vertical-align: top; }\n.eculture-diff th { background: #eee; }\n.eculture-diff .picture svg { max-width: 100%; height: auto; }\n</style>\n",
        );
        let _ = write!(
            s,
            "<h2>Plan diff — {}</h2>\n<p>{}.</p>\n<div class=\"picture\">\n{}</div>\n",
            xml(&self.title),
            xml(&self.headline()),
            self.to_svg()
        );
        for (k, t) in self.tables().iter().enumerate() {
            if k == 1 {
                s.push_str("<h3>Schedule</h3>\n<ul>\n");
                for line in self.schedule_lines() {
                    let _ = writeln!(s, "<li>{}</li>", xml(&line));
                }
                s.push_str("</ul>\n");
                if self.schedule.is_none() {
                    continue;
                }
            }
            let _ = writeln!(s, "<h3>{}</h3>", t.title);
            if t.rows.is_empty() {
                let _ = writeln!(s, "<p>{}</p>", xml(&t.empty));
                continue;
            }
            s.push_str("<table>\n<thead><tr>");
            for h in t.headers {
                let _ = write!(s, "<th>{h}</th>");
            }
            s.push_str("</tr></thead>\n<tbody>\n");
            for row in &t.rows {
                s.push_str("<tr>");
                for c in row {
                    let _ = write!(s, "<td>{}</td>", xml(c));
                }
                s.push_str("</tr>\n");
            }
            s.push_str("</tbody>\n</table>\n");
        }
        s.push_str("</div>\n");
        s
    }

    /// The diff as a self-contained HTML page ([`PlanDiff::to_html`] in a document with its
    /// title), for a file or a browser.
    pub fn to_html_page(&self) -> String {
        format!(
            "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<title>Plan diff — {}</title>\n</head>\n<body>\n{}</body>\n</html>\n",
            self.lang.code(),
            xml(&self.title),
            self.to_html()
        )
    }

    /// A picture of the differences: per direction, a bar of the measures added, removed and
    /// changed; above, the summary and the project finish before and after. At most 60
    /// directions are drawn; a note counts the others.
    pub fn to_svg(&self) -> String {
        let lang = self.lang;
        let (w, label_w, bar_x, bar_w, row_h, top) = (800.0, 320.0, 340.0, 360.0, 22.0, 112.0);
        let rows: Vec<&super::DirectionSummary> = self.directions.iter().take(MAX_ROWS).collect();
        let more = self.directions.len() - rows.len();
        let h = top + row_h * rows.len() as f64 + if more > 0 { 40.0 } else { 20.0 };
        let title = format!(
            "{} — {}",
            word(lang, "Plan diff", "Plan fərqi"),
            truncate(&self.title, 60)
        );
        let headline = self.headline();
        let mut svg = Svg::headed(w, h, "ec-diff", &title, &headline, "");
        let muted = format!("fill=\"{}\"", palette::MUTED);
        svg.text(16.0, 46.0, &muted, &headline);
        let finish = match &self.schedule {
            Some(s) => format!(
                "{}: {} → {} ({} d); {}: {}, {}: {}",
                word(lang, "Finish", "Bitmə"),
                s.finish_before,
                s.finish_after,
                signed(s.finish_shift_days),
                word(lang, "deadlines newly missed", "yeni pozulan son tarixlər"),
                s.deadlines_newly_missed.len(),
                word(lang, "newly met", "yeni yerinə yetirilən"),
                s.deadlines_newly_met.len()
            ),
            None => format!(
                "{}: {}",
                word(lang, "Schedule not compared", "Cədvəl müqayisə edilməyib"),
                self.schedule_blocked_by.join(", ")
            ),
        };
        let finish_fill = match &self.schedule {
            Some(s) if s.finish_shift_days > 0 || !s.deadlines_newly_missed.is_empty() => {
                palette::LATE
            }
            _ => palette::INK,
        };
        svg.text(16.0, 66.0, &format!("fill=\"{finish_fill}\""), &finish);
        // legend
        let legend = [
            (palette::COVERED, word(lang, "added", "əlavə edilib")),
            (palette::LATE, word(lang, "removed", "çıxarılıb")),
            (palette::NEAR, word(lang, "changed", "dəyişib")),
        ];
        let mut x = 16.0;
        for (fill, label) in legend {
            svg.rect(x, 80.0, 12.0, 12.0, fill, "", None);
            svg.text(x + 16.0, 90.5, "", label);
            x += 28.0 + label.chars().count() as f64 * 7.0;
        }
        let max = rows
            .iter()
            .map(|d| d.added + d.removed + d.changed)
            .max()
            .unwrap_or(0)
            .max(1);
        let scale = bar_w / f64::from(max);
        for (k, d) in rows.iter().enumerate() {
            let y = top + row_h * k as f64;
            let label = format!("{} {}", d.direction, d.title);
            svg.text_tip(
                16.0,
                y + 15.0,
                "",
                &truncate(&label, (label_w / 7.0) as usize),
                &label,
            );
            let mut x = bar_x;
            for (n, fill, what) in [
                (d.added, palette::COVERED, legend[0].1),
                (d.removed, palette::LATE, legend[1].1),
                (d.changed, palette::NEAR, legend[2].1),
            ] {
                if n == 0 {
                    continue;
                }
                let bw = f64::from(n) * scale;
                let tip = format!("{}: {n} {what}", d.direction);
                svg.rect(x, y + 4.0, bw, row_h - 8.0, fill, "", Some(&tip));
                x += bw;
            }
            if x == bar_x {
                svg.line(
                    bar_x,
                    y + row_h / 2.0,
                    bar_x + 4.0,
                    y + row_h / 2.0,
                    palette::GRID,
                    "",
                );
            }
            svg.text(
                x + 6.0,
                y + 15.0,
                &muted,
                &format!("+{} −{} ~{}", d.added, d.removed, d.changed),
            );
        }
        if more > 0 {
            let y = top + row_h * rows.len() as f64 + 20.0;
            svg.text(
                16.0,
                y,
                &muted,
                &format!(
                    "… {more} {}",
                    word(lang, "more directions", "istiqamət daha")
                ),
            );
        }
        svg.finish()
    }
}
