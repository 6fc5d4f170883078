//! The HTML report of the main job: one self-contained file (inline CSS and SVG, no script,
//! no URL) with the summary, the heatmap, the gaps with their reasons, the rollout, the waves,
//! the Gantt chart, the critical path, infeasible deadlines with their driving chains, the DSM
//! of cyclic plans and every diagnostic. A section that cannot be computed says why (the
//! error's message) and the rest of the report is still written. Printable on A4.

use std::fmt::Write as _;

use super::svg::{esc, thousands};
use super::{ColorBy, RenderOptions, name, word};
use crate::error::Error;
use crate::matrix::{CellGap, Matrix, share_text};
use crate::model::Lang;
use crate::schedule::{ChainStart, Schedule, ScheduleOptions};
use crate::strategy::Strategy;
use crate::validate::Severity;

/// Most rows of a list (gaps, diagnostics, wave members) written before "… and n more".
const MAX_ROWS: usize = 500;

const CSS: &str = "
:root { color-scheme: light; }
body { font-family: system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif; color: #222; margin: 0 auto; max-width: 1280px; padding: 16px 24px 48px; line-height: 1.45; }
h1 { font-size: 1.6rem; margin: 0.2em 0; }
h2 { font-size: 1.25rem; border-bottom: 2px solid #2a8c9e; padding-bottom: 4px; margin-top: 2em; }
nav { font-size: 0.9rem; margin: 8px 0 16px; }
nav a { margin-right: 12px; color: #1f5f8b; }
.muted { color: #666; }
.blocked { background: #fff4e5; border-left: 4px solid #d9480f; padding: 8px 12px; }
.ok { color: #1f6f43; font-weight: 600; }
.bad { color: #b00020; font-weight: 600; }
table { border-collapse: collapse; width: 100%; font-size: 0.88rem; margin: 8px 0; }
th, td { border-bottom: 1px solid #e0e0e0; padding: 4px 8px; text-align: left; vertical-align: top; }
th { background: #f1f3f5; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
td.date { white-space: nowrap; }
code { font-family: ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace; font-size: 0.9em; background: #f4f4f4; padding: 0 3px; border-radius: 3px; }
.figure { overflow-x: auto; border: 1px solid #e6e6e6; border-radius: 6px; padding: 4px; }
.figure svg { max-width: 100%; height: auto; display: block; }
dl.summary { display: grid; grid-template-columns: max-content 1fr; gap: 4px 16px; }
dl.summary dt { color: #555; }
dl.summary dd { margin: 0; }
.sev-error { color: #b00020; font-weight: 600; }
.sev-warning { color: #a05a00; }
.notice { background: #fef3c7; border-left: 4px solid #b45309; padding: 8px 12px; }
sup.illustrative { color: #b45309; }
@page { size: A4; margin: 12mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 10pt; }
  nav { display: none; }
  section + section { break-before: page; }
  .figure { overflow: visible; border: none; padding: 0; }
  .figure svg { width: 100%; height: auto; }
  tr { break-inside: avoid; }
  h2 { break-after: avoid; }
}
";

fn section(out: &mut String, id: &str, title: &str) {
    let _ = write!(out, "<section id=\"{id}\">\n<h2>{}</h2>\n", esc(title));
}

fn blocked(out: &mut String, lang: Lang, e: &Error) {
    let _ = writeln!(
        out,
        "<p class=\"blocked\">{}: {}</p>",
        word(lang, "Not computed", "Hesablanmayıb"),
        esc(&e.to_string())
    );
}

fn figure(out: &mut String, svg: &str) {
    out.push_str("<div class=\"figure\">\n");
    out.push_str(svg);
    out.push_str("</div>\n");
}

fn more(out: &mut String, lang: Lang, n: usize) {
    if n > MAX_ROWS {
        let _ = writeln!(
            out,
            "<p class=\"muted\">… {} {}</p>",
            word(lang, "and", "və daha"),
            thousands((n - MAX_ROWS) as u64)
        );
    }
}

/// The report's sections, in order: each has its anchor id and its heading in the report's
/// languages, and is written by one function.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Part {
    Summary,
    Heatmap,
    Gaps,
    Rollout,
    Waves,
    Gantt,
    CriticalPath,
    Deadlines,
    Dsm,
    Diagnostics,
    Sources,
}

impl Part {
    /// Every section, in the report's order.
    const ALL: [Part; 11] = [
        Part::Summary,
        Part::Heatmap,
        Part::Gaps,
        Part::Rollout,
        Part::Waves,
        Part::Gantt,
        Part::CriticalPath,
        Part::Deadlines,
        Part::Dsm,
        Part::Diagnostics,
        Part::Sources,
    ];

    /// The anchor of the section (`<section id>`, the navigation's `href`).
    fn id(self) -> &'static str {
        match self {
            Part::Summary => "summary",
            Part::Heatmap => "heatmap",
            Part::Gaps => "gaps",
            Part::Rollout => "rollout",
            Part::Waves => "waves",
            Part::Gantt => "gantt",
            Part::CriticalPath => "critical-path",
            Part::Deadlines => "deadlines",
            Part::Dsm => "dsm",
            Part::Diagnostics => "diagnostics",
            Part::Sources => "sources",
        }
    }

    /// The heading of the section in `lang`.
    fn title(self, lang: Lang) -> &'static str {
        let (en, az) = match self {
            Part::Summary => ("Summary", "Xülasə"),
            Part::Heatmap => ("Matrix", "Matris"),
            Part::Gaps => ("Gaps", "Boşluqlar"),
            Part::Rollout => ("Rollout", "Tətbiq"),
            Part::Waves => ("Waves", "Dalğalar"),
            Part::Gantt => ("Gantt chart", "Qant diaqramı"),
            Part::CriticalPath => ("Critical path", "Kritik yol"),
            Part::Deadlines => ("Infeasible deadlines", "Mümkün olmayan son tarixlər"),
            Part::Dsm => ("Cycles (DSM)", "Dövrlər (DSM)"),
            Part::Diagnostics => ("Diagnostics", "Diaqnostika"),
            Part::Sources => ("Sources", "Mənbələr"),
        };
        word(lang, en, az)
    }
}

/// What the sections are written from: the plan, the options and the results several
/// sections share (each computed once).
struct Report<'a> {
    s: &'a Strategy,
    schedule: &'a ScheduleOptions,
    opts: &'a RenderOptions,
    lang: Lang,
    diags: &'a [crate::Diagnostic],
    errors: usize,
    warnings: usize,
    matrix: Result<Matrix, Error>,
    gaps: Result<Vec<CellGap>, Error>,
    sched: Result<Schedule, Error>,
}

/// The HTML report of `s`. Never fails: a section whose result cannot be computed holds the
/// error's message instead.
pub fn html(s: &Strategy, schedule: &ScheduleOptions, opts: &RenderOptions) -> String {
    let diags = s.validate();
    let errors = diags
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count();
    let r = Report {
        s,
        schedule,
        opts,
        lang: opts.lang,
        diags,
        errors,
        warnings: diags.len() - errors,
        matrix: s.matrix(),
        gaps: s.gaps(),
        sched: s.schedule_with_changes(schedule, &opts.changes),
    };
    let mut out = String::with_capacity(1 << 16);
    head(&mut out, s, r.lang);
    for part in Part::ALL {
        section(&mut out, part.id(), part.title(r.lang));
        let out = &mut out;
        match part {
            Part::Summary => summary(out, &r),
            Part::Heatmap => heatmap(out, &r),
            Part::Gaps => gaps(out, &r),
            Part::Rollout => rollout(out, &r),
            Part::Waves => waves(out, &r),
            Part::Gantt => gantt(out, &r),
            Part::CriticalPath => critical_path(out, &r),
            Part::Deadlines => deadlines(out, &r),
            Part::Dsm => dsm(out, &r),
            Part::Diagnostics => diagnostics(out, &r),
            Part::Sources => sources(out, &r),
        }
        out.push_str("</section>\n");
    }
    let _ = writeln!(
        out,
        "<footer class=\"muted\"><p>{}</p></footer>\n</body>\n</html>",
        word(
            r.lang,
            "Written by eculture: a self-contained file (no script, no external resource).",
            "eculture tərəfindən yazılıb."
        )
    );
    out
}

/// The document head (title, CSS, content security policy), the heading and the navigation.
fn head(out: &mut String, s: &Strategy, lang: Lang) {
    let doc = s.document();
    let title = name(&doc.strategy.title, lang, &doc.strategy.id);
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">\n<title>{} — {}</title>\n<style>{CSS}</style>\n</head>\n<body>\n",
        lang.code(),
        esc(title),
        word(lang, "strategy report", "strategiya hesabatı")
    );
    let _ = writeln!(out, "<h1>{}</h1>", esc(title));
    out.push_str("<nav>");
    for part in Part::ALL {
        let _ = write!(out, "<a href=\"#{}\">{}</a>", part.id(), part.title(lang));
    }
    out.push_str("</nav>\n");
    if let Some(n) = s.provenance().notice {
        let _ = writeln!(
            out,
            "<p class=\"notice\" role=\"note\"><strong>{}</strong></p>",
            esc(&n)
        );
    }
}

/// The mark after an illustrative measure's id (nothing for a public one).
fn mark(s: &Strategy, i: usize) -> &'static str {
    if s.document().measures[i].illustrative.is_any() {
        "<sup class=\"illustrative\" title=\"illustrative\">†</sup>"
    } else {
        ""
    }
}

/// The approving act, the legal basis and every source cited, with who cites it.
fn sources(out: &mut String, r: &Report) {
    let lang = r.lang;
    let p = r.s.provenance();
    out.push_str("<dl class=\"summary\">\n");
    if let Some(a) = &p.approved_by {
        let _ = writeln!(
            out,
            "<dt>{}</dt><dd>{}</dd>",
            word(lang, "Approved by", "Təsdiq edib"),
            esc(a)
        );
    }
    for a in &p.legal_basis {
        let _ = writeln!(
            out,
            "<dt>{}</dt><dd>{}</dd>",
            word(lang, "Legal basis", "Hüquqi əsas"),
            esc(a)
        );
    }
    if let Some(a) = &p.working_group {
        let _ = writeln!(
            out,
            "<dt>{}</dt><dd>{}</dd>",
            word(lang, "Working group", "İşçi qrup"),
            esc(a)
        );
    }
    out.push_str("</dl>\n");
    let _ = writeln!(
        out,
        "<table><thead><tr><th>{}</th><th>{}</th></tr></thead><tbody>",
        word(lang, "Source", "Mənbə"),
        word(lang, "Cited by", "İstinad edən")
    );
    for c in p.sources.iter().take(MAX_ROWS) {
        let _ = writeln!(
            out,
            "<tr><td>{}</td><td>{}</td></tr>",
            esc(&c.source),
            esc(&c.cited_by_text())
        );
    }
    out.push_str("</tbody></table>\n");
    more(out, lang, p.sources.len());
}

/// The summary: the strategy, its period and contents, validation, coverage and schedule.
fn summary(out: &mut String, r: &Report) {
    let (lang, doc) = (r.lang, r.s.document());
    let title = name(&doc.strategy.title, lang, &doc.strategy.id);
    out.push_str("<dl class=\"summary\">\n");
    let mut row = |k: &str, v: String| {
        let _ = writeln!(out, "<dt>{}</dt><dd>{v}</dd>", esc(k));
    };
    row(
        word(lang, "Strategy", "Strategiya"),
        format!("{} (<code>{}</code>)", esc(title), esc(&doc.strategy.id)),
    );
    row(
        word(lang, "Period", "Dövr"),
        format!(
            "{} – {}",
            doc.strategy.period.start.first_day(),
            doc.strategy.period.end.last_day()
        ),
    );
    row(
        word(lang, "Contents", "Tərkib"),
        format!(
            "{} {} · {} {} · {} {} · {} {} · {} {}",
            thousands(doc.directions.len() as u64),
            word(lang, "directions", "istiqamət"),
            thousands(doc.clusters.len() as u64),
            word(lang, "clusters", "klaster"),
            thousands(doc.modules.len() as u64),
            word(lang, "modules", "modul"),
            thousands(doc.measures.len() as u64),
            word(lang, "measures", "tədbir"),
            thousands(doc.indicators.len() as u64),
            word(lang, "indicators", "göstərici")
        ),
    );
    row(word(lang, "Validation", "Yoxlama"), validation_text(r));
    row(
        word(lang, "Coverage", "Əhatə"),
        match &r.matrix {
            Ok(m) => {
                let overall = m.coverage().overall;
                let mut text = share_text(&overall);
                if let Some(w) = overall.weighted_share {
                    text.push_str(&format!(
                        "; {} {:.1}%",
                        word(lang, "weighted by institutions", "müəssisələrə görə çəkili"),
                        w * 100.0
                    ));
                }
                esc(&text).into_owned()
            }
            Err(_) => word(lang, "not computed (see below)", "hesablanmayıb").to_owned(),
        },
    );
    row(word(lang, "Schedule", "Cədvəl"), schedule_text(r));
    let st = &doc.strategy;
    if let Some(by) = &st.drafted_by {
        row(
            word(lang, "Drafted by", "Hazırlayıb"),
            esc(&drafted_by(r.s, by, lang)).into_owned(),
        );
    }
    if let Some(wg) = &st.working_group {
        row(
            word(lang, "Working group", "İşçi qrup"),
            esc(&working_group_text(r.s, wg, lang)).into_owned(),
        );
    }
    if let Some(d) = &st.statuses_as_of {
        row(
            word(lang, "Statuses as of", "Statusların tarixi"),
            d.last_day().to_string(),
        );
    }
    out.push_str("</dl>\n");
    if let Some(sec) = &st.sections {
        for (en, az, text) in sec.iter() {
            let _ = writeln!(
                out,
                "<h3>{}</h3>\n<p>{}</p>",
                word(lang, en, az),
                esc(name(text, lang, ""))
            );
        }
    }
}

/// `working_group` or an organisation's name.
fn drafted_by(s: &Strategy, by: &str, lang: Lang) -> String {
    if by == "working_group" {
        return word(lang, "the working group", "işçi qrup").to_owned();
    }
    org_name(s, by, lang)
}

/// An organisation's name in `lang`, or its id.
fn org_name(s: &Strategy, id: &str, lang: Lang) -> String {
    let doc = s.document();
    doc.organizations
        .iter()
        .find(|o| o.id == id)
        .map_or(id, |o| name(&o.name, lang, id))
        .to_owned()
}

/// The working group in one line: chair, members, meetings.
fn working_group_text(s: &Strategy, wg: &crate::model::WorkingGroup, lang: Lang) -> String {
    let mut parts = Vec::new();
    if let Some(c) = &wg.chair {
        parts.push(format!("{}: {c}", word(lang, "chair", "sədr")));
    }
    if !wg.members.is_empty() {
        let names: Vec<String> = wg.members.iter().map(|m| org_name(s, m, lang)).collect();
        parts.push(format!(
            "{}: {}",
            word(lang, "members", "üzvlər"),
            names.join(", ")
        ));
    }
    let dates: Vec<String> = wg.meetings.iter().map(|m| m.date.to_string()).collect();
    parts.push(format!(
        "{}: {}",
        word(lang, "meetings", "iclaslar"),
        if dates.is_empty() {
            "–".to_owned()
        } else {
            dates.join(", ")
        }
    ));
    parts.join("; ")
}

/// The summary's validation line: valid, or the errors; the warnings.
fn validation_text(r: &Report) -> String {
    let (lang, errors, warnings) = (r.lang, r.errors, r.warnings);
    if errors == 0 {
        format!(
            "<span class=\"ok\">{}</span> · {warnings} {}",
            word(lang, "valid", "düzgündür"),
            word(lang, "warnings", "xəbərdarlıq")
        )
    } else {
        format!(
            "<span class=\"bad\">{errors} {}</span> · {warnings} {}",
            word(lang, "errors", "xəta"),
            word(lang, "warnings", "xəbərdarlıq")
        )
    }
}

/// The summary's schedule line: start → finish, duration, infeasible deadlines.
fn schedule_text(r: &Report) -> String {
    let lang = r.lang;
    match &r.sched {
        Ok(sc) => format!(
            "{} → {} · {} {} · {} {}",
            sc.project_start,
            sc.finish_date().map(|d| d.to_string()).unwrap_or_default(),
            sc.duration_days,
            if sc.calendar.is_some() {
                word(lang, "working days", "iş günü")
            } else {
                word(lang, "days", "gün")
            },
            sc.infeasible_deadlines.len(),
            word(lang, "infeasible deadlines", "mümkün olmayan son tarix")
        ),
        Err(_) => word(lang, "not computed (see below)", "hesablanmayıb").to_owned(),
    }
}

/// The matrix heatmap, coloured as the options say, with a hint to hover.
fn heatmap(out: &mut String, r: &Report) {
    let lang = r.lang;
    match (&r.matrix, &r.gaps) {
        (Ok(m), Ok(g)) => {
            let (rollout, note) = if r.opts.color_by == ColorBy::Quarter {
                match r.s.rollout_with_changes(r.schedule, &r.opts.changes) {
                    Ok(ro) => (Some(ro), None),
                    Err(e) => (
                        None,
                        Some(format!(
                            "{}: {e}",
                            word(
                                lang,
                                "coloured by state; quarters not computed",
                                "rüblər hesablanmayıb"
                            )
                        )),
                    ),
                }
            } else {
                (None, None)
            };
            figure(
                out,
                &super::heatmap::heatmap_svg(r.s, m, g, rollout.as_ref(), note.as_deref(), r.opts),
            );
            out.push_str(&format!("<p class=\"muted\">{}</p>\n", esc(word(lang, "Hover a cell for its measures and, for a gap, its reasons. Row and column totals are covered ÷ applicable cells.", "Xananın üzərinə gəlin: tədbirlər və boşluq səbəbləri."))));
        }
        (Err(e), _) | (_, Err(e)) => blocked(out, lang, e),
    }
}

/// The gaps with their reasons, or that there is none.
fn gaps(out: &mut String, r: &Report) {
    let lang = r.lang;
    match &r.gaps {
        Ok(g) if g.is_empty() => {
            let _ = writeln!(
                out,
                "<p>{}</p>",
                word(
                    lang,
                    "No gaps: every applicable cell is delivered as planned.",
                    "Boşluq yoxdur."
                )
            );
        }
        Ok(g) => gap_table(out, r, g),
        Err(e) => blocked(out, lang, e),
    }
}

/// The table of the gaps: cluster, module, reasons.
fn gap_table(out: &mut String, r: &Report, g: &[CellGap]) {
    let (lang, doc) = (r.lang, r.s.document());
    let _ = writeln!(
        out,
        "<p>{} {}. {}</p>",
        g.len(),
        word(lang, "gaps", "boşluq"),
        esc(word(
            lang,
            "A gap is an applicable cell that will not be delivered as planned: no measure targets it, its measures are reported not executed or cancelled, or its module requires a module no measure delivers to that cluster.",
            "Boşluq — planlaşdırıldığı kimi təhvil verilməyəcək tətbiq olunan xanadır."
        ))
    );
    let _ = writeln!(
        out,
        "<table><thead><tr><th>{}</th><th>{}</th><th>{}</th></tr></thead><tbody>",
        word(lang, "Cluster", "Klaster"),
        word(lang, "Module", "Modul"),
        word(lang, "Reasons", "Səbəblər")
    );
    for c in g.iter().take(MAX_ROWS) {
        let cl = doc
            .clusters
            .iter()
            .find(|x| x.id == c.cluster)
            .map_or(c.cluster.as_str(), |x| name(&x.title, lang, &x.id));
        let md = doc
            .modules
            .iter()
            .find(|x| x.id == c.module)
            .map_or(c.module.as_str(), |x| name(&x.title, lang, &x.id));
        let reasons: Vec<String> = c
            .reasons
            .iter()
            .map(|r| esc(&r.to_string()).into_owned())
            .collect();
        let _ = writeln!(
            out,
            "<tr><td>{} <code>{}</code></td><td>{} <code>{}</code></td><td>{}</td></tr>",
            esc(cl),
            esc(&c.cluster),
            esc(md),
            esc(&c.module),
            reasons.join("<br>")
        );
    }
    out.push_str("</tbody></table>\n");
    more(out, lang, g.len());
}

/// The rollout picture.
fn rollout(out: &mut String, r: &Report) {
    let ro = r.s.rollout_with_changes(r.schedule, &r.opts.changes);
    match &ro {
        Ok(ro) => figure(out, &super::rollout::rollout_svg(r.s, ro, r.opts)),
        Err(e) => blocked(out, r.lang, e),
    }
    if let Ok(m) = &r.matrix {
        super::report_levels::table(out, r.s, m, ro.as_ref().ok(), r.lang, MAX_ROWS);
    }
}

/// The waves: how many, and each wave's measures (the first 40 named).
fn waves(out: &mut String, r: &Report) {
    let (lang, s) = (r.lang, r.s);
    let doc = s.document();
    let waves = match s.waves() {
        Ok(w) => w,
        Err(e) => return blocked(out, lang, &e),
    };
    let _ = writeln!(
        out,
        "<p>{} {}: {}</p>",
        waves.len(),
        word(lang, "waves", "dalğa"),
        word(
            lang,
            "the measures of a wave can run in parallel; wave k waits for a chain of k − 1 measures.",
            "bir dalğanın tədbirləri paralel icra oluna bilər."
        )
    );
    let _ = writeln!(
        out,
        "<table><thead><tr><th class=\"num\">#</th><th class=\"num\">{}</th><th>{}</th></tr></thead><tbody>",
        word(lang, "measures", "tədbir"),
        word(lang, "Measures", "Tədbirlər")
    );
    for (k, w) in waves.iter().enumerate().take(MAX_ROWS) {
        let shown: Vec<String> = w
            .iter()
            .take(40)
            .map(|id| {
                let i = s.measure_index(id).map(|i| i as usize);
                let t = i.map_or("", |i| doc.measures[i].title.in_lang(lang).unwrap_or(""));
                let m = i.map_or("", |i| mark(s, i));
                format!("<span><code>{}</code>{m} {}</span>", esc(id), esc(t))
            })
            .collect();
        let rest = if w.len() > 40 {
            format!(" … +{}", thousands((w.len() - 40) as u64))
        } else {
            String::new()
        };
        let _ = writeln!(
            out,
            "<tr><td class=\"num\">{}</td><td class=\"num\">{}</td><td>{}{rest}</td></tr>",
            k + 1,
            thousands(w.len() as u64),
            shown.join("; ")
        );
    }
    out.push_str("</tbody></table>\n");
    more(out, lang, waves.len());
}

/// The Gantt chart.
fn gantt(out: &mut String, r: &Report) {
    match &r.sched {
        Ok(sc) => figure(out, &super::gantt::gantt_svg(r.s, sc, r.opts)),
        Err(e) => blocked(out, r.lang, e),
    }
}

/// The (first) critical path, measure by measure with its dates.
fn critical_path(out: &mut String, r: &Report) {
    let lang = r.lang;
    let sc = match &r.sched {
        Ok(sc) => sc,
        Err(e) => return blocked(out, lang, e),
    };
    let (Some(p), Ok(map)) = (sc.critical_path_indices.first(), sc.day_map()) else {
        let _ = writeln!(
            out,
            "<p>{}</p>",
            word(
                lang,
                "No critical path (the plan has no measure).",
                "Kritik yol yoxdur."
            )
        );
        return;
    };
    let doc = r.s.document();
    let _ = writeln!(
        out,
        "<p>{} {} · {} {}{}</p>",
        p.len(),
        word(
            lang,
            "measures on the (first) critical path",
            "tədbir kritik yolda"
        ),
        sc.critical_path_indices.len(),
        word(lang, "critical path(s)", "kritik yol"),
        if sc.critical_paths_truncated {
            word(lang, " (more exist)", " (daha çox var)")
        } else {
            ""
        }
    );
    let _ = writeln!(
        out,
        "<table><thead><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th class=\"num\">{}</th></tr></thead><tbody>",
        word(lang, "Measure", "Tədbir"),
        word(lang, "Title", "Ad"),
        word(lang, "Start", "Başlanğıc"),
        word(lang, "Finish", "Son"),
        word(lang, "Days", "Gün")
    );
    for &k in p.iter().take(MAX_ROWS) {
        let i = k as usize;
        let m = &doc.measures[i];
        let (es, ef) = (i64::from(sc.early_start[i]), i64::from(sc.early_finish[i]));
        let (a, b) = map
            .span_dates(es, ef, false)
            .map_or((String::new(), String::new()), |(a, b)| {
                (a.to_string(), b.to_string())
            });
        let _ = writeln!(
            out,
            "<tr><td><code>{}</code>{}</td><td>{}</td><td class=\"date\">{a}</td><td class=\"date\">{b}</td><td class=\"num\">{}</td></tr>",
            esc(&m.id),
            mark(r.s, i),
            esc(name(&m.title, lang, &m.id)),
            sc.durations[i]
        );
    }
    out.push_str("</tbody></table>\n");
    more(out, lang, p.len());
}

/// The deadlines the network cannot meet, each with its driving chain, or that there is none.
fn deadlines(out: &mut String, r: &Report) {
    let lang = r.lang;
    match &r.sched {
        Ok(sc) if sc.infeasible_deadlines.is_empty() => {
            let _ = writeln!(
                out,
                "<p>{}</p>",
                word(
                    lang,
                    "Every deadline can be met by the dependency network.",
                    "Bütün son tarixlər mümkündür."
                )
            );
        }
        Ok(sc) => deadline_table(out, r, sc),
        Err(e) => blocked(out, lang, e),
    }
}

/// The table of infeasible deadlines.
fn deadline_table(out: &mut String, r: &Report, sc: &Schedule) {
    let (lang, s) = (r.lang, r.s);
    let doc = s.document();
    let _ = writeln!(
        out,
        "<p>{} {}</p>",
        sc.infeasible_deadlines.len(),
        word(
            lang,
            "deadlines the dependency network cannot meet, each with the chain of measures that drives it (each link has zero slack).",
            "son tarix asılılıq şəbəkəsi ilə mümkün deyil."
        )
    );
    let _ = writeln!(
        out,
        "<table><thead><tr><th>{}</th><th>{}</th><th>{}</th><th class=\"num\">{}</th><th>{}</th></tr></thead><tbody>",
        word(lang, "Measure", "Tədbir"),
        word(lang, "Deadline", "Son tarix"),
        word(lang, "Early finish", "Erkən son"),
        word(lang, "Days late", "Gecikmə"),
        word(lang, "Driving chain", "Səbəb zənciri")
    );
    for d in sc.infeasible_deadlines.iter().take(MAX_ROWS) {
        let chain: Vec<String> = d
            .chain
            .iter()
            .map(|c| {
                let t = s
                    .measure_index(c)
                    .and_then(|i| doc.measures[i as usize].title.in_lang(lang))
                    .unwrap_or("");
                format!("<code>{}</code> {}", esc(c), esc(t))
            })
            .collect();
        let by = match d.driven_by {
            ChainStart::ProjectStart => {
                word(lang, "from the project start", "layihənin başlanğıcından")
            }
            ChainStart::StartConstraint => word(
                lang,
                "from a start constraint",
                "başlanğıc məhdudiyyətindən",
            ),
            ChainStart::StatusDate => word(lang, "from the status date", "vəziyyət tarixindən"),
        };
        let i = s.measure_index(&d.id).map(|i| i as usize);
        let t = i.map_or("", |i| name(&doc.measures[i].title, lang, &d.id));
        let _ = writeln!(
            out,
            "<tr><td><code>{}</code>{} {}</td><td class=\"date\">{}</td><td class=\"date\">{}</td><td class=\"num\">{}</td><td>{} <span class=\"muted\">({by})</span></td></tr>",
            esc(&d.id),
            i.map_or("", |i| mark(s, i)),
            esc(t),
            d.deadline,
            d.early_finish_date,
            d.days_late,
            chain.join(" → ")
        );
    }
    out.push_str("</tbody></table>\n");
    more(out, lang, sc.infeasible_deadlines.len());
}

/// The DSM of a cyclic plan, or that there is no cycle.
fn dsm(out: &mut String, r: &Report) {
    match r.s.dsm() {
        Ok(d) if d.blocks.is_empty() => {
            let _ = writeln!(
                out,
                "<p>{}</p>",
                word(
                    r.lang,
                    "No dependency cycle: the plan can be sequenced.",
                    "Asılılıq dövrü yoxdur."
                )
            );
        }
        Ok(d) => figure(out, &super::dsm::dsm_svg(r.s, &d, r.opts)),
        Err(e) => blocked(out, r.lang, &e),
    }
}

/// Every diagnostic, errors first.
fn diagnostics(out: &mut String, r: &Report) {
    let lang = r.lang;
    if r.diags.is_empty() {
        let _ = writeln!(
            out,
            "<p class=\"ok\">{}</p>",
            word(lang, "No diagnostic.", "Diaqnostika yoxdur.")
        );
    } else {
        let _ = writeln!(
            out,
            "<p>{} {}, {} {}.</p>",
            r.errors,
            word(lang, "errors", "xəta"),
            r.warnings,
            word(lang, "warnings", "xəbərdarlıq")
        );
        out.push_str(&diagnostics_table(r.diags, lang));
        more(out, lang, r.diags.len());
    }
}

/// The diagnostics as an HTML table, errors first (at most 500 rows), every user
/// string escaped: the report's section and the notebook view of a diagnostic list.
pub fn diagnostics_table(diags: &[crate::Diagnostic], lang: crate::model::Lang) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "<table><thead><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr></thead><tbody>",
        word(lang, "Severity", "Ciddilik"),
        word(lang, "Code", "Kod"),
        word(lang, "Where", "Yer"),
        word(lang, "Message", "Mesaj")
    );
    let ordered = diags
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .chain(diags.iter().filter(|d| d.severity != Severity::Error));
    for d in ordered.take(MAX_ROWS) {
        let mut at = d.path.clone();
        if let Some(l) = d.line {
            let _ = write!(at, " ({} {l})", word(lang, "line", "sətir"));
        }
        let mut msg = esc(&d.message).into_owned();
        if let Some(sg) = &d.suggestion {
            let _ = write!(
                msg,
                " <span class=\"muted\">({} {})</span>",
                word(lang, "did you mean", "bəlkə"),
                esc(sg)
            );
        }
        if let Some(b) = d.blocks() {
            let _ = write!(
                msg,
                " <span class=\"muted\">[{} {}]</span>",
                word(lang, "blocks what needs the", "bloklayır:"),
                b.as_str()
            );
        }
        let _ = writeln!(
            out,
            "<tr><td class=\"sev-{sev}\">{sev}</td><td><code>{}</code></td><td><code>{}</code></td><td>{msg}</td></tr>",
            d.code.as_str(),
            esc(&at),
            sev = d.severity.as_str()
        );
    }
    out.push_str("</tbody></table>\n");
    out
}
