//! The Gantt chart of a schedule: measures grouped by direction, early-start bars coloured by
//! criticality, total float as a thin line after each bar, deadlines as ticks, negative float in
//! red, milestones as diamonds, the strategy's end and an optional status date as vertical
//! lines, and a year / quarter axis. Above [`GANTT_MAX_ROWS`] measures: one bar per direction.

use std::collections::HashMap;
use std::fmt::Write as _;

use jiff::civil::Date;

use super::svg::{N, Svg, esc, thousands, truncate};
use super::{GANTT_MAX_ROWS, RenderOptions, name, palette, word};
use crate::model::Lang;
use crate::schedule::{Schedule, ScheduleRecord, WorkingDays};
use crate::strategy::Strategy;

const ROW_H: f64 = 15.0;
const GROUP_H: f64 = 20.0;
const PAD: f64 = 16.0;
const LABEL_W: f64 = 330.0;

/// Rows of the chart grouped by direction: (direction index or `None` for an unknown
/// direction, measure rows in document order). Directions in document order, empty ones left
/// out. Linear.
pub(crate) fn by_direction(s: &Strategy, n: usize) -> Vec<(Option<usize>, Vec<u32>)> {
    let doc = s.document();
    let pos: HashMap<&str, usize> = doc
        .directions
        .iter()
        .enumerate()
        .map(|(k, d)| (d.id.as_str(), k))
        .collect();
    let mut groups: Vec<Vec<u32>> = vec![Vec::new(); doc.directions.len() + 1];
    for (i, m) in doc.measures.iter().enumerate().take(n) {
        let g = pos
            .get(m.direction.as_str())
            .copied()
            .unwrap_or(doc.directions.len());
        groups[g].push(i as u32);
    }
    groups
        .into_iter()
        .enumerate()
        .filter(|(_, v)| !v.is_empty())
        .map(|(k, v)| ((k < doc.directions.len()).then_some(k), v))
        .collect()
}

/// A direction's heading: `number. title`, `id: title`, or that it is unknown.
pub(crate) fn direction_title(s: &Strategy, d: Option<usize>, lang: Lang) -> String {
    let doc = s.document();
    match d.and_then(|k| doc.directions.get(k)) {
        Some(dir) => {
            let t = name(&dir.title, lang, &dir.id);
            match dir.number {
                Some(n) => format!("{n}. {t}"),
                None => format!("{}: {t}", dir.id),
            }
        }
        None => word(lang, "(unknown direction)", "(naməlum istiqamət)").to_owned(),
    }
}

struct Frame {
    t0: i64,
    t1: i64,
    x0: f64,
    w: f64,
}

impl Frame {
    fn x(&self, t: i64) -> f64 {
        self.x0 + (t - self.t0) as f64 / ((self.t1 - self.t0).max(1)) as f64 * self.w
    }
}

/// Quarter starts from the quarter holding `from` through `to`.
fn quarter_starts(from: Date, to: Date) -> Vec<Date> {
    let mut out = Vec::new();
    let (mut y, mut q) = (from.year(), (from.month() - 1) / 3);
    while let Ok(d) = Date::new(y, q * 3 + 1, 1) {
        if d > to || out.len() > 4000 {
            break;
        }
        out.push(d);
        q += 1;
        if q == 4 {
            q = 0;
            y += 1;
        }
    }
    out
}

fn axis(svg: &mut Svg, f: &Frame, map: &WorkingDays, start: Date, end: Date, y: f64, bottom: f64) {
    let qs = quarter_starts(start, end);
    let dense = qs.len() > 48;
    // label every `step`-th year so that labels stay 40 px apart
    let px_per_year = 4.0 * f.w / qs.len().max(1) as f64;
    let step = (40.0 / px_per_year.max(1e-9)).ceil().max(1.0) as i16;
    for d in &qs {
        let t = map.start_offset(*d);
        if t < f.t0 || t > f.t1 {
            continue;
        }
        let x = f.x(t);
        let year = d.month() == 1;
        if year || !dense {
            svg.line(
                x,
                y + 4.0,
                x,
                bottom,
                if year { "#b0b0b0" } else { "#e2e2e2" },
                "",
            );
        }
        if year && (d.year() - start.year()).rem_euclid(step) == 0 {
            svg.text(
                x + 3.0,
                y - 12.0,
                "font-weight=\"600\" fill=\"#222222\"",
                &d.year().to_string(),
            );
        }
        if !dense {
            svg.text(
                x + 3.0,
                y,
                "font-size=\"10\" fill=\"#666666\"",
                &format!("Q{}", (d.month() - 1) / 3 + 1),
            );
        }
    }
}

/// A dashed vertical line from `top` to `bottom` with its label above `top`: to the right of
/// the line (`right`) when it fits in `width`, else to its left.
#[allow(clippy::too_many_arguments)]
fn vline(
    svg: &mut Svg,
    x: f64,
    top: f64,
    bottom: f64,
    color: &str,
    label: &str,
    right: bool,
    width: f64,
) {
    svg.line(
        x,
        top,
        x,
        bottom,
        color,
        "stroke-width=\"1.5\" stroke-dasharray=\"5 3\"",
    );
    let room = label.chars().count() as f64 * 5.6 + 6.0;
    let (tx, anchor) = if right && x + room < width {
        (x + 3.0, "start")
    } else {
        (x - 3.0, "end")
    };
    svg.text(
        tx,
        top - 3.0,
        &format!("text-anchor=\"{anchor}\" font-size=\"10\" font-weight=\"600\" fill=\"{color}\""),
        label,
    );
}

fn legend(svg: &mut Svg, opts: &RenderOptions, s: &Schedule, x0: f64, y: f64, max_x: f64) -> f64 {
    let lang = opts.lang;
    let near = format!(
        "{} ({} {} {})",
        word(lang, "near-critical", "kritikə yaxın"),
        word(lang, "float ≤", "ehtiyat ≤"),
        s.near_critical_days,
        word(lang, "d", "g")
    );
    let items: Vec<(&str, String)> = vec![
        ("crit", word(lang, "critical", "kritik").to_owned()),
        ("near", near),
        (
            "bar",
            word(lang, "other measure", "digər tədbir").to_owned(),
        ),
        (
            "float",
            word(lang, "total float", "ümumi ehtiyat").to_owned(),
        ),
        (
            "late",
            word(
                lang,
                "negative float (deadline missed)",
                "mənfi ehtiyat (son tarix keçir)",
            )
            .to_owned(),
        ),
        ("dl", word(lang, "deadline", "son tarix").to_owned()),
        ("ms", word(lang, "milestone", "mərhələ").to_owned()),
    ];
    let mut items = items;
    if let Some(b) = s.baseline.as_ref() {
        let label = format!("{} `{}`", word(lang, "baseline", "bazis plan"), b.id);
        items.push(("base", label));
    }
    let (mut x, mut y) = (x0, y);
    for (kind, label) in items {
        let w = 26.0 + label.chars().count() as f64 * 6.5 + 14.0;
        if x + w > max_x && x > x0 {
            x = x0;
            y += 18.0;
        }
        match kind {
            "crit" => svg.rect(x, y + 2.0, 18.0, 9.0, palette::CRITICAL, "", None),
            "near" => svg.rect(x, y + 2.0, 18.0, 9.0, palette::NEAR, "", None),
            "bar" => svg.rect(x, y + 2.0, 18.0, 9.0, palette::BAR, "", None),
            "float" => {
                svg.rect(x, y + 2.0, 8.0, 9.0, palette::BAR, "", None);
                svg.line(
                    x + 8.0,
                    y + 6.5,
                    x + 20.0,
                    y + 6.5,
                    "#8a8a8a",
                    "stroke-width=\"2\"",
                );
            }
            "late" => svg.rect(x, y + 2.0, 18.0, 9.0, palette::LATE, "", None),
            "base" => svg.rect(x, y + 8.0, 18.0, 3.0, palette::BASELINE, "", None),
            "dl" => svg.line(
                x + 9.0,
                y,
                x + 9.0,
                y + 13.0,
                palette::INK,
                "stroke-width=\"2\"",
            ),
            _ => diamond(svg, x + 9.0, y + 6.5, palette::INK, None),
        }
        svg.text(x + 24.0, y + 11.0, "fill=\"#222222\"", &label);
        x += w;
    }
    y + 22.0
}

fn diamond(svg: &mut Svg, x: f64, y: f64, fill: &str, tip: Option<&str>) {
    let mut t = String::new();
    let r = 5.0;
    let _ = write!(
        t,
        "<path d=\"M{} {}L{} {}L{} {}L{} {}Z\" fill=\"{fill}\"",
        N(x),
        N(y - r),
        N(x + r),
        N(y),
        N(x),
        N(y + r),
        N(x - r),
        N(y)
    );
    match tip {
        Some(tip) => {
            let _ = writeln!(t, "><title>{}</title></path>", esc(tip));
        }
        None => t.push_str("/>\n"),
    }
    svg.raw(&t);
}

/// The Gantt chart of `sched`, a schedule of `s`.
pub fn gantt_svg(s: &Strategy, sched: &Schedule, opts: &RenderOptions) -> String {
    let lang = opts.lang;
    let n = sched.len();
    let map = match sched.day_map() {
        Ok(m) => m,
        Err(_) => {
            return super::notice(word(
                lang,
                "Gantt chart: the schedule's calendar is invalid",
                "Qant diaqramı: təqvim səhvdir",
            ));
        }
    };
    let width = f64::from(opts.width.unwrap_or(1200).max(600));
    let period_end = s.document().strategy.period.end.last_day();
    let end_off = map.end_offset(period_end);
    let status_off = opts.status_date.map(|d| map.start_offset(d));
    let (t0, t1) = time_span(sched, end_off, status_off);
    let end_date = map.finish_date(t1).unwrap_or(period_end).max(period_end);
    let c = Chart {
        s,
        sched,
        lang,
        f: Frame {
            t0,
            t1,
            x0: PAD + LABEL_W,
            w: width - PAD * 2.0 - LABEL_W - 70.0,
        },
        width,
    };
    let groups = by_direction(s, n);
    let aggregated = n > GANTT_MAX_ROWS;
    let title = super::heading(
        s,
        lang,
        word(lang, "Schedule (early dates)", "Cədvəl (erkən tarixlər)"),
        width,
    );
    let sub = subtitle(sched, opts, aggregated.then_some(groups.len()));
    // height
    let mut scratch = Svg::new(1.0, 1.0, "");
    let legend_end = legend(&mut scratch, opts, sched, PAD, 56.0, width - PAD);
    let axis_y = legend_end + 44.0;
    let body_top = axis_y + 8.0;
    let body_h = body_height(groups.len(), n, aggregated);
    let height = body_top + body_h + PAD + 10.0;
    let mut svg = Svg::headed(width, height, "ec-gantt", &title, &sub, "");
    svg.text(PAD, 42.0, "fill=\"#555555\"", &sub);
    legend(&mut svg, opts, sched, PAD, 56.0, width - PAD);
    let bottom = body_top + body_h;
    axis(
        &mut svg,
        &c.f,
        &map,
        sched.project_start,
        end_date,
        axis_y,
        bottom,
    );
    if aggregated {
        c.direction_bars(&mut svg, &groups, body_top);
    } else {
        c.measure_rows(&mut svg, &groups, body_top);
    }
    // strategy end and status date
    let (top, right) = (axis_y - 28.0, width - PAD);
    let end_label = format!(
        "{} {period_end}",
        word(lang, "strategy end", "strategiyanın sonu")
    );
    vline(
        &mut svg,
        c.f.x(end_off),
        top,
        bottom,
        "#6a3d9a",
        &end_label,
        true,
        right,
    );
    if let (Some(t), Some(d)) = (status_off, opts.status_date) {
        let label = format!("{} {d}", word(lang, "status", "vəziyyət"));
        vline(
            &mut svg,
            c.f.x(t),
            top,
            bottom,
            "#1f5fbf",
            &label,
            false,
            right,
        );
    }
    crate::render::captioned(s, svg.finish())
}

/// The height of the rows: one per direction (at most [`GANTT_MAX_ROWS`], then a line saying
/// how many more) when `aggregated`, else a heading per direction and a row per measure.
fn body_height(groups: usize, measures: usize, aggregated: bool) -> f64 {
    let shown_groups = groups.min(GANTT_MAX_ROWS);
    if aggregated {
        shown_groups as f64 * (ROW_H + 6.0) + if groups > shown_groups { ROW_H } else { 0.0 }
    } else {
        groups as f64 * GROUP_H + measures as f64 * ROW_H
    }
}

/// The days the time axis spans, `(t0, t1)`: from the earliest start (at most the project
/// start and the status date) to the latest of the finish, the strategy's end, the deadlines,
/// the late finishes and the status date.
fn time_span(sched: &Schedule, end_off: i64, status_off: Option<i64>) -> (i64, i64) {
    let max_dl = sched
        .deadlines
        .iter()
        .map(|c| i64::from(c.offset))
        .max()
        .unwrap_or(0);
    let max_lf = sched.late_finish.iter().copied().max().map_or(0, i64::from);
    let t0 = sched
        .early_start
        .iter()
        .copied()
        .min()
        .map_or(0, i64::from)
        .min(0)
        .min(status_off.unwrap_or(0));
    let t1 = sched
        .duration_days
        .max(end_off)
        .max(max_dl)
        .max(max_lf)
        .max(status_off.unwrap_or(0))
        .max(t0 + 1);
    (t0, t1)
}

/// The line under the title: measures, finish, duration, infeasible deadlines; how the rows
/// are aggregated (`directions`: their number when they are); the what-if changes drawn.
fn subtitle(sched: &Schedule, opts: &RenderOptions, directions: Option<usize>) -> String {
    let lang = opts.lang;
    let n = sched.len();
    let finish = sched
        .finish_date()
        .map(|d| d.to_string())
        .unwrap_or_default();
    let mut sub = format!(
        "{} {} → {} · {} {} {} · {} {}",
        thousands(n as u64),
        word(lang, "measures", "tədbir"),
        finish,
        sched.duration_days,
        if sched.calendar.is_some() {
            word(lang, "working days", "iş günü")
        } else {
            word(lang, "days", "gün")
        },
        word(lang, "in all", "cəmi"),
        sched.infeasible_deadlines.len(),
        word(lang, "deadlines cannot be met", "son tarix mümkün deyil"),
    );
    if let Some(groups) = directions {
        let _ = write!(
            sub,
            " · {}: {} {} {} {}",
            word(lang, "aggregated", "birləşdirilib"),
            thousands(n as u64),
            word(lang, "measures shown as", "tədbir göstərilir:"),
            thousands(groups.min(GANTT_MAX_ROWS) as u64),
            word(lang, "directions", "istiqamət")
        );
    }
    if let Some(note) = super::what_if_note(opts) {
        let _ = write!(sub, " · {note}");
    }
    sub
}

/// What the chart's rows are drawn from: the plan, its schedule, the time frame.
struct Chart<'a> {
    s: &'a Strategy,
    sched: &'a Schedule,
    lang: Lang,
    f: Frame,
    width: f64,
}

impl Chart<'_> {
    /// The colour of measure `i`'s bar: late, critical, near-critical or plain.
    fn color(&self, i: usize) -> &'static str {
        let sched = self.sched;
        let tf = i64::from(sched.total_float[i]);
        if tf < 0 {
            palette::LATE
        } else if sched.critical[i] {
            palette::CRITICAL
        } else if tf > sched.critical_float_days && tf <= sched.near_critical_days {
            palette::NEAR
        } else {
            palette::BAR
        }
    }

    /// One bar per direction from `y` (a large plan), then how many directions are left out.
    fn direction_bars(&self, svg: &mut Svg, groups: &[(Option<usize>, Vec<u32>)], mut y: f64) {
        let (lang, sched, f) = (self.lang, self.sched, &self.f);
        let shown_groups = groups.len().min(GANTT_MAX_ROWS);
        for (d, rows) in groups.iter().take(shown_groups) {
            let (mut es, mut ef, mut crit, mut late) = (i64::MAX, i64::MIN, 0u64, 0u64);
            for &r in rows {
                let r = r as usize;
                es = es.min(i64::from(sched.early_start[r]));
                ef = ef.max(i64::from(sched.early_finish[r]));
                crit += u64::from(sched.critical[r]);
                late += u64::from(sched.total_float[r] < 0);
            }
            let label = direction_title(self.s, *d, lang);
            let tip = format!(
                "{label}\n{} {} · {} {} · {} {}",
                thousands(rows.len() as u64),
                word(lang, "measures", "tədbir"),
                thousands(crit),
                word(lang, "critical", "kritik"),
                thousands(late),
                word(lang, "with negative float", "mənfi ehtiyatla")
            );
            svg.text_tip(
                PAD,
                y + 12.0,
                "font-size=\"11\" fill=\"#222222\"",
                &truncate(&format!("{label} ({})", thousands(rows.len() as u64)), 52),
                &tip,
            );
            let fill = if crit > 0 {
                palette::CRITICAL
            } else {
                palette::BAR
            };
            let extra = if late > 0 {
                format!("stroke=\"{}\" stroke-width=\"2\"", palette::LATE)
            } else {
                String::new()
            };
            svg.rect(
                f.x(es),
                y + 3.0,
                (f.x(ef) - f.x(es)).max(1.0),
                ROW_H - 4.0,
                fill,
                &extra,
                Some(&tip),
            );
            y += ROW_H + 6.0;
        }
        if groups.len() > shown_groups {
            svg.text(
                PAD,
                y + 12.0,
                "fill=\"#666666\"",
                &format!(
                    "… {} {}",
                    thousands((groups.len() - shown_groups) as u64),
                    word(lang, "more directions", "istiqamət daha")
                ),
            );
        }
    }

    /// Each direction's heading and its measures' rows, from `y`.
    fn measure_rows(&self, svg: &mut Svg, groups: &[(Option<usize>, Vec<u32>)], mut y: f64) {
        let records = self.sched.records().unwrap_or_default();
        let dl_of: HashMap<u32, i32> = self
            .sched
            .deadlines
            .iter()
            .map(|c| (c.index, c.offset))
            .collect();
        for (d, rows) in groups {
            svg.rect(
                PAD,
                y + 1.0,
                self.width - 2.0 * PAD,
                GROUP_H - 2.0,
                "#f1f3f5",
                "",
                None,
            );
            let dt = direction_title(self.s, *d, self.lang);
            svg.text_tip(
                PAD + 4.0,
                y + 14.0,
                "font-weight=\"600\" fill=\"#222222\"",
                &truncate(&dt, 120),
                &dt,
            );
            y += GROUP_H;
            for &r in rows {
                let rec = records.get(r as usize);
                self.measure_row(svg, r as usize, rec, dl_of.get(&r).copied(), y);
                y += ROW_H;
            }
        }
    }

    /// Measure `i`'s row at `y`: its label, its bar (a diamond for a milestone), its total
    /// float, its deadline tick and its negative float.
    fn measure_row(
        &self,
        svg: &mut Svg,
        i: usize,
        rec: Option<&ScheduleRecord>,
        deadline: Option<i32>,
        y: f64,
    ) {
        let (lang, sched, f) = (self.lang, self.sched, &self.f);
        let m = &self.s.document().measures[i];
        let title = name(&m.title, lang, &m.id);
        let full = format!("{} {title}", m.id);
        let yc = y + ROW_H / 2.0;
        svg.text_tip(
            PAD + 10.0,
            yc + 4.0,
            "font-size=\"11\" fill=\"#222222\"",
            &truncate(&full, 50),
            &full,
        );
        let (es, ef, lf) = (
            i64::from(sched.early_start[i]),
            i64::from(sched.early_finish[i]),
            i64::from(sched.late_finish[i]),
        );
        let tf = i64::from(sched.total_float[i]);
        let tip = self.measure_tip(i, full, rec);
        if sched.durations[i] == 0 {
            diamond(svg, f.x(es), yc, self.color(i), Some(&tip));
        } else {
            svg.rect(
                f.x(es),
                y + 3.0,
                (f.x(ef) - f.x(es)).max(1.5),
                ROW_H - 6.0,
                self.color(i),
                &format!("data-measure=\"{}\"", esc(&m.id)),
                Some(&tip),
            );
        }
        if tf > 0 && lf > ef {
            svg.line(f.x(ef), yc, f.x(lf), yc, "#8a8a8a", "stroke-width=\"2\"");
        }
        self.baseline_bar(svg, i, y);
        if let Some(dl) = deadline {
            let x = f.x(i64::from(dl));
            svg.line(
                x,
                y + 1.0,
                x,
                y + ROW_H - 1.0,
                palette::INK,
                "stroke-width=\"2\"",
            );
        }
        if tf < 0 {
            svg.text(
                f.x(ef.max(lf).max(deadline.map_or(0, i64::from))) + 5.0,
                yc + 4.0,
                &format!(
                    "font-size=\"10\" font-weight=\"600\" fill=\"{}\"",
                    palette::LATE
                ),
                &format!("{tf} {}", word(lang, "d", "g")),
            );
        }
    }

    /// Measure `i`'s bar in the compared baseline (option `baseline`): a thin dark bar under
    /// its current bar, from the baseline start to the baseline finish, with the variance.
    fn baseline_bar(&self, svg: &mut Svg, i: usize, y: f64) {
        let Some(b) = self.sched.baseline.as_ref() else {
            return;
        };
        let (Some(start), Some(finish)) = (b.start[i], b.finish[i]) else {
            return;
        };
        let Ok(map) = self.sched.day_map() else {
            return;
        };
        let (bs, bf) = (map.start_offset(start), map.end_offset(finish));
        let f = &self.f;
        let (lang, d) = (self.lang, word(self.lang, "d", "g"));
        let tip = format!(
            "{} `{}`: {start} → {finish} · {} {} {d}",
            word(lang, "baseline", "bazis plan"),
            b.id,
            word(lang, "finish variance", "bitmə fərqi"),
            b.finish_variance_days[i].map_or_else(|| "—".to_owned(), |v| v.to_string()),
        );
        svg.rect(
            f.x(bs),
            y + ROW_H - 4.0,
            (f.x(bf) - f.x(bs)).max(1.5),
            3.0,
            palette::BASELINE,
            "class=\"baseline\"",
            Some(&tip),
        );
    }

    /// Measure `i`'s tooltip: `full` (id and title), dates, floats, critical, deadline.
    fn measure_tip(&self, i: usize, full: String, rec: Option<&ScheduleRecord>) -> String {
        let (lang, sched) = (self.lang, self.sched);
        let mut tip = full;
        if let Some(rec) = rec {
            let _ = write!(
                tip,
                "\n{} → {} ({} {})",
                rec.early_start_date,
                rec.early_finish_date,
                rec.duration,
                word(lang, "d", "g")
            );
        }
        let _ = write!(
            tip,
            "\n{} {} {} · {} {} {}",
            word(lang, "total float", "ümumi ehtiyat"),
            sched.total_float[i],
            word(lang, "d", "g"),
            word(lang, "free float", "sərbəst ehtiyat"),
            sched.free_float[i],
            word(lang, "d", "g")
        );
        if sched.critical[i] {
            let _ = write!(tip, "\n{}", word(lang, "critical", "kritik"));
        }
        if let Some(dl) = self.s.document().measures[i].deadline.as_ref() {
            let _ = write!(
                tip,
                "\n{} {}",
                word(lang, "deadline", "son tarix"),
                dl.last_day()
            );
        }
        tip
    }
}
