//! Primavera P6 XER read into a [`Project`]: tab-separated tables (`%T` name, `%F` fields,
//! `%R` rows, `%E` end), CRLF or LF, UTF-8 or Windows-1252.

use std::collections::HashMap;

use jiff::civil::Date;

use super::{
    HOURS_PER_DAY, MAX_PROJECT_BYTES, MAX_TASKS, Project, RawCalendar, RawTask, unreadable,
    unreadable_at,
};
use crate::error::{Format, Result};
use crate::model::RelationType;

/// Windows-1252's characters for the bytes 0x80..=0x9F (the rest is Latin-1).
const CP1252: [char; 32] = [
    '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8D}', 'Ž', '\u{8F}',
    '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9D}', 'ž', 'Ÿ',
];

/// The text of an XER file: UTF-8 when it is valid UTF-8 (a BOM dropped), else Windows-1252,
/// which P6 writes by default.
pub(crate) fn decode(bytes: &[u8]) -> std::borrow::Cow<'_, str> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(s) => std::borrow::Cow::Borrowed(s),
        Err(_) => bytes
            .iter()
            .map(|&b| match b {
                0x80..=0x9F => CP1252[usize::from(b - 0x80)],
                _ => char::from(b),
            })
            .collect::<String>()
            .into(),
    }
}

/// One table: its fields and rows (each row's values by field position).
#[derive(Default)]
struct Table {
    fields: Vec<String>,
    /// Field name → position (the first, should a name repeat).
    index: HashMap<String, usize>,
    rows: Vec<Vec<String>>,
}

impl Table {
    fn col(&self, name: &str) -> Option<usize> {
        self.index.get(name).copied()
    }
    fn get<'a>(&self, row: &'a [String], name: &str) -> &'a str {
        self.col(name)
            .and_then(|k| row.get(k))
            .map_or("", |s| s.as_str())
    }
}

fn tables(text: &str, source: &str) -> Result<HashMap<String, Table>> {
    let fail = |line: usize, m: String| unreadable_at(Format::Xer, source, line, m);
    let mut out: HashMap<String, Table> = HashMap::new();
    let mut current: Option<String> = None;
    let mut rows = 0usize;
    for (n, line) in text.split('\n').enumerate() {
        let line = line.strip_suffix('\r').unwrap_or(line);
        let n = n + 1;
        if n == 1 {
            if !line.starts_with("ERMHDR") {
                return Err(fail(
                    1,
                    "not a Primavera XER file: it does not begin with ERMHDR".into(),
                ));
            }
            continue;
        }
        let mut parts = line.split('\t');
        match parts.next() {
            Some("%T") => {
                let name = parts.next().unwrap_or("").to_owned();
                out.entry(name.clone()).or_default();
                current = Some(name);
            }
            Some("%F") => {
                let t = current
                    .as_ref()
                    .and_then(|c| out.get_mut(c))
                    .ok_or_else(|| fail(n, "a %F line outside a table".into()))?;
                t.fields = parts.map(str::to_owned).collect();
                t.index.clear();
                for (k, f) in t.fields.iter().enumerate() {
                    t.index.entry(f.clone()).or_insert(k);
                }
            }
            Some("%R") => {
                let t = current
                    .as_ref()
                    .and_then(|c| out.get_mut(c))
                    .ok_or_else(|| fail(n, "a %R line outside a table".into()))?;
                let values: Vec<String> = parts.map(str::to_owned).collect();
                if values.len() > t.fields.len() {
                    return Err(fail(
                        n,
                        format!(
                            "a row of {} values under {} fields",
                            values.len(),
                            t.fields.len()
                        ),
                    ));
                }
                rows += 1;
                if rows > MAX_TASKS * 4 {
                    return Err(fail(n, format!("more than {} rows", MAX_TASKS * 4)));
                }
                t.rows.push(values);
            }
            Some("%E") => break,
            _ => {}
        }
    }
    Ok(out)
}

/// `2025-01-06 08:00` → the date.
fn date_of(s: &str) -> Option<Date> {
    crate::dates::parse_iso(s.get(..10)?)
}

fn hours(s: &str) -> Option<f64> {
    s.trim().parse::<f64>().ok().filter(|h| h.is_finite())
}

/// Read XER bytes into a [`Project`]: the first project's WBS and activities.
pub(crate) fn read(bytes: &[u8], source: &str) -> Result<Project> {
    if bytes.len() > MAX_PROJECT_BYTES {
        return Err(unreadable(
            Format::Xer,
            source,
            format!(
                "the file is {} bytes; the limit is {MAX_PROJECT_BYTES}",
                bytes.len()
            ),
        ));
    }
    let text = decode(bytes);
    let t = tables(&text, source)?;
    let empty = Table::default();
    let get = |name: &str| t.get(name).unwrap_or(&empty);
    let mut p = Project::default();
    let projects = get("PROJECT");
    let Some(proj) = projects.rows.first() else {
        return Err(unreadable(
            Format::Xer,
            source,
            "the XER file holds no PROJECT row".into(),
        ));
    };
    let proj_id = projects.get(proj, "proj_id").to_owned();
    if projects.rows.len() > 1 {
        p.unsupported
            .push(("other projects of the file".into(), projects.rows.len() - 1));
    }
    p.code = projects.get(proj, "proj_short_name").to_owned();
    p.name = p.code.clone();
    p.start = date_of(projects.get(proj, "plan_start_date"));
    p.finish = date_of(projects.get(proj, "scd_end_date"));
    let cals = get("CALENDAR");
    let clndr = projects.get(proj, "clndr_id");
    let cal_row = cals.rows.iter().find(|r| cals.get(r, "clndr_id") == clndr);
    let day_hours = cal_row
        .and_then(|r| hours(cals.get(r, "day_hr_cnt")))
        .filter(|h| *h > 0.0)
        .unwrap_or(HOURS_PER_DAY as f64);
    if let Some(r) = cal_row {
        p.calendar = calendar_of(cals.get(r, "clndr_name"), cals.get(r, "clndr_data"));
    }
    let mine =
        |tb: &Table, r: &[String]| tb.col("proj_id").is_none() || tb.get(r, "proj_id") == proj_id;
    // WBS nodes: the project node is left out, the others are summaries keyed `wbs:<id>`
    let wbs = get("PROJWBS");
    let mut index: HashMap<String, usize> = HashMap::new();
    let mut codes: HashMap<String, (String, String)> = HashMap::new();
    for r in wbs.rows.iter().filter(|r| mine(wbs, r)) {
        codes.insert(
            wbs.get(r, "wbs_id").into(),
            (
                wbs.get(r, "wbs_short_name").into(),
                wbs.get(r, "parent_wbs_id").into(),
            ),
        );
    }
    let root: Vec<String> = wbs
        .rows
        .iter()
        .filter(|r| mine(wbs, r) && wbs.get(r, "proj_node_flag") == "Y")
        .map(|r| wbs.get(r, "wbs_id").to_owned())
        .collect();
    // the project's name is its WBS root node's
    if let Some(r) = wbs
        .rows
        .iter()
        .find(|r| mine(wbs, r) && wbs.get(r, "proj_node_flag") == "Y")
        .filter(|r| !wbs.get(r, "wbs_name").trim().is_empty())
    {
        p.name = wbs.get(r, "wbs_name").to_owned();
    }
    let code_of = |id: &str| -> String {
        let mut parts = Vec::new();
        let mut at = id.to_owned();
        while let Some((short, parent)) = codes.get(&at) {
            if root.contains(&at) || parts.len() > 64 {
                break;
            }
            parts.push(short.clone());
            at = parent.clone();
        }
        parts.reverse();
        parts.join(".")
    };
    for r in wbs
        .rows
        .iter()
        .filter(|r| mine(wbs, r) && wbs.get(r, "proj_node_flag") != "Y")
    {
        let id = wbs.get(r, "wbs_id");
        index.insert(format!("wbs:{id}"), p.tasks.len());
        p.tasks.push(RawTask {
            key: format!("wbs:{id}"),
            code: code_of(id),
            name: wbs.get(r, "wbs_name").into(),
            summary: true,
            ..RawTask::default()
        });
    }
    for r in wbs
        .rows
        .iter()
        .filter(|r| mine(wbs, r) && wbs.get(r, "proj_node_flag") != "Y")
    {
        let Some(&me) = index.get(&format!("wbs:{}", wbs.get(r, "wbs_id"))) else {
            continue;
        };
        p.tasks[me].parent = index
            .get(&format!("wbs:{}", wbs.get(r, "parent_wbs_id")))
            .copied();
    }
    read_tasks(get("TASK"), &index, day_hours, &mine, &mut p);
    read_relations(get("TASKPRED"), day_hours, &proj_id, &mut p);
    for (name, what) in [
        ("RSRC", "resources"),
        ("TASKRSRC", "resource assignments"),
        ("PROJCOST", "project costs"),
        ("UDFVALUE", "user-defined field values"),
        ("ACTVCODE", "activity codes"),
    ] {
        let n = get(name).rows.len();
        if n > 0 {
            p.unsupported.push((what.into(), n));
        }
    }
    if p.tasks.len() > MAX_TASKS {
        return Err(unreadable(
            Format::Xer,
            source,
            format!("more than {MAX_TASKS} activities"),
        ));
    }
    Ok(p)
}

fn read_tasks(
    tasks: &Table,
    wbs: &HashMap<String, usize>,
    day_hours: f64,
    mine: &dyn Fn(&Table, &[String]) -> bool,
    p: &mut Project,
) {
    for r in tasks.rows.iter().filter(|r| mine(tasks, r)) {
        let i = p.tasks.len();
        let g = |f: &str| tasks.get(r, f);
        let kind = g("task_type");
        let mut note = |m: String| p.task_findings.push((i, m));
        if matches!(kind, "TT_LOE" | "TT_WBS") {
            note(format!(
                "a {kind} activity (its dates follow others) was read as a task of its stated duration"
            ));
        }
        let drtn = if g("target_drtn_hr_cnt").is_empty() {
            g("remain_drtn_hr_cnt")
        } else {
            g("target_drtn_hr_cnt")
        };
        let duration_days = hours(drtn).map(|h| {
            let d = (h / day_hours).ceil();
            if (d * day_hours - h).abs() > 1e-6 {
                note(format!(
                    "the duration of {h} hours is not whole days: rounded up to {d} days"
                ));
            }
            d.max(0.0) as i64
        });
        if let Some(m) = super::progress_note(
            progress(tasks, r),
            date_of(g("act_start_date")),
            date_of(g("act_end_date")),
        ) {
            note(m);
        }
        let mut raw = RawTask {
            key: g("task_id").into(),
            code: g("task_code").trim().into(),
            name: g("task_name").into(),
            parent: wbs.get(&format!("wbs:{}", g("wbs_id"))).copied(),
            duration_days: if matches!(kind, "TT_Mile" | "TT_FinMile") {
                Some(0)
            } else {
                duration_days
            },
            early: date_of(g("early_start_date")),
            finish: date_of(g("early_end_date")),
            ..RawTask::default()
        };
        for (t, d) in [
            (g("cstr_type"), g("cstr_date")),
            (g("cstr_type2"), g("cstr_date2")),
        ] {
            let date = date_of(d);
            match (t, date) {
                ("", _) => {}
                ("CS_MSOA", Some(d)) => raw.start = Some(d),
                ("CS_MSO", Some(d)) => {
                    raw.start = Some(d);
                    note("a start-on constraint was read as start on or after".into());
                }
                ("CS_MEOB", Some(d)) => raw.deadline = Some(raw.deadline.map_or(d, |x| x.min(d))),
                ("CS_MEO" | "CS_MANDFIN", Some(d)) => {
                    raw.deadline = Some(raw.deadline.map_or(d, |x| x.min(d)));
                    note(format!("a {t} constraint was read as the deadline"));
                }
                (t, _) => note(format!("the constraint {t} {d} is not carried")),
            }
        }
        if let (Some(s), Some(f)) = (
            date_of(g("target_start_date")),
            date_of(g("target_end_date")),
        ) {
            raw.baseline = Some((s, f));
        }
        p.tasks.push(raw);
    }
}

/// An activity's percent complete as P6 shows it: 100 when complete, else the physical
/// percent (`CP_Phys`) or the duration percent (`CP_Drtn`, from the remaining duration) of
/// a started activity; `None` when not started.
fn progress(tasks: &Table, r: &[String]) -> Option<f64> {
    let g = |f: &str| tasks.get(r, f);
    match g("status_code") {
        "TK_Complete" => Some(100.0),
        "TK_Active" => {
            if g("complete_pct_type") == "CP_Phys" {
                hours(g("phys_complete_pct"))
            } else {
                let (target, remain) = (
                    hours(g("target_drtn_hr_cnt"))?,
                    hours(g("remain_drtn_hr_cnt"))?,
                );
                (target > 0.0).then(|| ((1.0 - remain / target) * 100.0).clamp(0.0, 100.0).round())
            }
        }
        _ => None,
    }
}

fn read_relations(preds: &Table, day_hours: f64, proj_id: &str, p: &mut Project) {
    let index: HashMap<String, usize> = p
        .tasks
        .iter()
        .enumerate()
        .filter(|(_, t)| !t.summary)
        .map(|(i, t)| (t.key.clone(), i))
        .collect();
    for r in &preds.rows {
        let g = |f: &str| preds.get(r, f);
        let Some(&i) = index.get(g("task_id")) else {
            p.unsupported.push((
                format!("relation into activity {} of another project", g("task_id")),
                1,
            ));
            continue;
        };
        let other = g("pred_proj_id");
        if !other.is_empty() && other != proj_id {
            p.task_findings.push((
                i,
                format!(
                    "the relation from activity {} of another project (proj_id {other}) is not carried",
                    g("pred_task_id")
                ),
            ));
            continue;
        }
        let kind = match g("pred_type") {
            "PR_SS" => RelationType::SS,
            "PR_FF" => RelationType::FF,
            "PR_SF" => RelationType::SF,
            _ => RelationType::FS,
        };
        let lag = hours(g("lag_hr_cnt")).unwrap_or(0.0) / day_hours;
        if lag.fract().abs() > 1e-9 {
            p.task_findings.push((
                i,
                format!(
                    "the lag of the relation from activity {} is not whole days: rounded to {}",
                    g("pred_task_id"),
                    lag.round()
                ),
            ));
        }
        let lag = (lag.round() as i64).clamp(i64::from(i32::MIN), i64::from(i32::MAX));
        p.tasks[i].preds.push((g("pred_task_id").into(), kind, lag));
    }
}

/// The week and exceptions of P6's `clndr_data` (`None` when every day is worked).
fn calendar_of(name: &str, data: &str) -> Option<RawCalendar> {
    let data: String = data.chars().filter(|c| !c.is_whitespace()).collect();
    let (week, exceptions) = match data.find("Exceptions()") {
        Some(k) => (&data[..k], &data[k..]),
        None => (data.as_str(), ""),
    };
    let mut weekend = Vec::new();
    for day in 1..=7usize {
        let key = format!("(0||{day}()(");
        let working = match week.find(&key) {
            Some(k) => !week[k + key.len()..].starts_with(')'),
            None => !(day == 1 || day == 7),
        };
        if !working {
            weekend.push((day + 5) % 7);
        }
    }
    weekend.sort();
    let mut cal = RawCalendar {
        name: (!name.is_empty()).then(|| name.to_owned()),
        weekend,
        ..RawCalendar::default()
    };
    let mut rest = exceptions;
    while let Some(k) = rest.find("(d|") {
        rest = &rest[k + 3..];
        let end = rest.find(')').unwrap_or(rest.len());
        let serial: Option<i64> = rest[..end].parse::<f64>().ok().map(|f| f as i64);
        let after = &rest[end..];
        let working = !after.starts_with(")()");
        if let Some(d) = serial.and_then(|s| crate::dates::date_of_number(s - 25_569)) {
            let weekend_day = cal.weekend.contains(&super::monday_zero(d));
            match (working, weekend_day) {
                (false, false) => cal.holidays.push(d),
                (true, true) => cal.extra_working_days.push(d),
                _ => {}
            }
        }
    }
    cal.normalised()
}
