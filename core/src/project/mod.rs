//! Project files read (feature `planners`): MS Project XML (MSPDI, `mspdi.rs`) and
//! Primavera P6 XER (`xer.rs`) into a document — summary tasks or WBS nodes → directions, leaf
//! tasks → measures, relations → `depends_on` — plus findings for everything a strategy cannot
//! hold. In the reading layer, so that `Strategy::load` reads `.xml` and `.xer`; writing them
//! needs the schedule and is `crate::planners`.

use jiff::civil::Date;
use serde_json::{Map, Value, json};

use crate::diagnostic::{Code, Diagnostic, warn};
use crate::error::{Error, Format, ParseError, Result};
use crate::locate::SheetCells;
use crate::model::{Document, RelationType};

pub(crate) mod mspdi;
pub(crate) mod xer;

/// The largest MSPDI or XER file read (256 MiB): a 100,000-task MSPDI is about 90 MB.
pub const MAX_PROJECT_BYTES: usize = 256 << 20;

/// The most tasks (MSPDI) or activities and WBS nodes (XER) read from one file.
pub const MAX_TASKS: usize = 2_000_000;

/// Hours in a working day when a file does not say (MSPDI `MinutesPerDay` 480, XER
/// `day_hr_cnt` 8).
pub const HOURS_PER_DAY: i64 = 8;

pub(crate) fn unreadable(format: Format, source: &str, message: String) -> Error {
    Error::Parse(ParseError {
        format,
        source_name: source.to_owned(),
        line: None,
        column: None,
        path: None,
        message,
    })
}

pub(crate) fn unreadable_at(format: Format, source: &str, line: usize, message: String) -> Error {
    Error::Parse(ParseError {
        format,
        source_name: source.to_owned(),
        line: Some(line),
        column: None,
        path: None,
        message,
    })
}

/// 0 = Monday … 6 = Sunday.
pub(crate) fn monday_zero(d: Date) -> usize {
    d.weekday().to_monday_zero_offset() as usize
}

/// A project calendar as read: weekly non-working days (0 = Monday), holidays on working
/// days and worked weekend days.
#[derive(Debug, Default, Clone)]
pub(crate) struct RawCalendar {
    pub name: Option<String>,
    pub weekend: Vec<usize>,
    pub holidays: Vec<Date>,
    pub extra_working_days: Vec<Date>,
}

impl RawCalendar {
    /// Sorted, without duplicates; `None` when every day is worked.
    fn normalised(mut self) -> Option<RawCalendar> {
        self.weekend.sort_unstable();
        self.weekend.dedup();
        self.holidays.sort_unstable();
        self.holidays.dedup();
        self.extra_working_days.sort_unstable();
        self.extra_working_days.dedup();
        (!(self.weekend.is_empty() && self.holidays.is_empty())).then_some(self)
    }
}

/// A project file read as a document, with the findings and what the schedule options need
/// to reproduce its dates (the project start and calendar).
pub(crate) struct ProjectFile {
    pub doc: Document,
    pub cells: SheetCells,
    pub start: Option<Date>,
    pub calendar: Option<RawCalendar>,
}

/// Read MSPDI bytes (`source` names them in errors).
pub(crate) fn read_mspdi(bytes: &[u8], source: &str) -> Result<ProjectFile> {
    build(mspdi::read(bytes, source)?, Format::Mspdi, source)
}

/// Read XER bytes (`source` names them in errors).
pub(crate) fn read_xer(bytes: &[u8], source: &str) -> Result<ProjectFile> {
    build(xer::read(bytes, source)?, Format::Xer, source)
}

/// A task or WBS node as read from a file, before it becomes a direction or a measure.
#[derive(Debug, Default)]
pub(crate) struct RawTask {
    /// The file's own key for relations (MSPDI UID, XER task_id; `wbs:…` for a WBS node).
    pub key: String,
    /// The WBS code (MSPDI) or activity ID (XER): the measure's or direction's id.
    pub code: String,
    pub name: String,
    pub summary: bool,
    /// Index of the enclosing summary task or WBS node.
    pub parent: Option<usize>,
    pub duration_days: Option<i64>,
    pub start: Option<Date>,
    pub deadline: Option<Date>,
    /// Predecessors: (key, relation, lag in days).
    pub preds: Vec<(String, RelationType, i64)>,
    pub baseline: Option<(Date, Date)>,
    pub early: Option<Date>,
    pub finish: Option<Date>,
}

/// A project file as read: its tasks in file order, its start and calendar, and the findings
/// (data a strategy cannot hold).
#[derive(Debug, Default)]
pub(crate) struct Project {
    /// The project's name (its title in the strategy).
    pub name: String,
    /// A short code for the strategy id (XER `proj_short_name`); the name's slug when empty.
    pub code: String,
    pub start: Option<Date>,
    pub finish: Option<Date>,
    pub tasks: Vec<RawTask>,
    pub calendar: Option<RawCalendar>,
    /// (what, how many, e.g. "resources", 3): counted, reported once each.
    pub unsupported: Vec<(String, usize)>,
    /// Findings about one task: (task index, message).
    pub task_findings: Vec<(usize, String)>,
    /// Findings about the file as a whole, worded in full.
    pub notes: Vec<String>,
}

/// The finding for progress recorded in a project file (percent complete, actual dates),
/// which a plan does not hold: `None` when there is none.
pub(crate) fn progress_note(
    percent: Option<f64>,
    actual_start: Option<Date>,
    actual_finish: Option<Date>,
) -> Option<String> {
    let mut parts = Vec::new();
    if let Some(p) = percent.filter(|p| *p > 0.0) {
        parts.push(format!("{p} % complete"));
    }
    if let Some(d) = actual_start {
        parts.push(format!("actual start {d}"));
    }
    if let Some(d) = actual_finish {
        parts.push(format!("actual finish {d}"));
    }
    (!parts.is_empty()).then(|| {
        format!(
            "the progress recorded in the file ({}) is not carried: a plan holds no progress; record it as an executor's report (`reports`)",
            parts.join(", ")
        )
    })
}

/// `1 holiday`, `3 holidays`.
fn count(n: usize, what: &str) -> String {
    if n == 1 {
        format!("1 {what}")
    } else {
        format!("{n} {what}s")
    }
}

fn text(s: &str) -> Value {
    json!({ "en": s })
}

fn build(p: Project, format: Format, source: &str) -> Result<ProjectFile> {
    let mut findings: Vec<Diagnostic> = Vec::new();
    let mut directions: Vec<Value> = Vec::new();
    let mut dir_of_task: Vec<Option<usize>> = vec![None; p.tasks.len()];
    let mut nested = 0usize;
    for (i, t) in p.tasks.iter().enumerate() {
        if t.summary {
            let id = if t.code.is_empty() {
                format!("W{}", i + 1)
            } else {
                t.code.clone()
            };
            if t.parent.is_some() {
                nested += 1;
            }
            dir_of_task[i] = Some(directions.len());
            directions.push(json!({ "id": id, "title": text(&t.name) }));
        }
    }
    let mut orphan_direction = None;
    let mut measures: Vec<Value> = Vec::new();
    let mut row_of_task: Vec<Option<usize>> = vec![None; p.tasks.len()];
    for (i, t) in p.tasks.iter().enumerate() {
        if !t.summary {
            row_of_task[i] = Some(measures.len());
            measures.push(Value::Null);
        }
    }
    let key_of: hashbrown::HashMap<&str, usize> = p
        .tasks
        .iter()
        .enumerate()
        .map(|(i, t)| (t.key.as_str(), i))
        .collect();
    let mut finish = p.finish.or(p.start);
    let mut first = p.start;
    let mut baseline: Vec<Value> = Vec::new();
    for (i, t) in p.tasks.iter().enumerate() {
        let Some(row) = row_of_task[i] else {
            for (k, _, _) in &t.preds {
                findings.push(unsupported(
                    format!("directions[{}]", dir_of_task[i].unwrap_or(0)),
                    Some(&t.code),
                    format!(
                        "a relation on the summary task `{}` (from `{k}`) is not carried: a direction has no dependencies",
                        t.name
                    ),
                ));
            }
            continue;
        };
        let direction = match t.parent.and_then(|p| dir_of_task[p]) {
            Some(d) => directions[d]["id"].clone(),
            None => {
                let d = *orphan_direction.get_or_insert_with(|| {
                    directions.push(json!({ "id": "0", "title": text(&p.name) }));
                    directions.len() - 1
                });
                directions[d]["id"].clone()
            }
        };
        let id = if t.code.is_empty() {
            format!("T{}", i + 1)
        } else {
            t.code.clone()
        };
        let mut m = Map::new();
        m.insert("id".into(), json!(id));
        m.insert("direction".into(), direction);
        m.insert("title".into(), text(&t.name));
        if let Some(d) = t.duration_days {
            m.insert("duration_days".into(), json!(d));
        }
        if let Some(d) = t.start {
            m.insert("start".into(), json!(d.to_string()));
            first = Some(first.map_or(d, |f| f.min(d)));
            finish = Some(finish.map_or(d, |f| f.max(d)));
        }
        if let Some(d) = t.deadline {
            m.insert("deadline".into(), json!(d.to_string()));
            finish = Some(finish.map_or(d, |f| f.max(d)));
        }
        for d in [t.early, t.finish].into_iter().flatten() {
            first = Some(first.map_or(d, |f| f.min(d)));
            finish = Some(finish.map_or(d, |f| f.max(d)));
        }
        let mut deps: Vec<Value> = Vec::new();
        for (k, kind, lag) in &t.preds {
            match key_of.get(k.as_str()).map(|&j| (j, row_of_task[j])) {
                Some((j, Some(_))) => {
                    let pid = if p.tasks[j].code.is_empty() {
                        format!("T{}", j + 1)
                    } else {
                        p.tasks[j].code.clone()
                    };
                    if *kind == RelationType::FS && *lag == 0 {
                        deps.push(json!(pid));
                    } else {
                        deps.push(json!({ "id": pid, "type": kind.as_str(), "lag_days": lag }));
                    }
                }
                Some((j, None)) => findings.push(unsupported(
                    format!("measures[{row}].depends_on"),
                    Some(&id),
                    format!(
                        "the relation from the summary task `{}` is not carried: a direction has no dependencies",
                        p.tasks[j].name
                    ),
                )),
                None => findings.push(unsupported(
                    format!("measures[{row}].depends_on"),
                    Some(&id),
                    format!("the relation from task `{k}`, which the file does not hold, is not carried"),
                )),
            }
        }
        if !deps.is_empty() {
            m.insert("depends_on".into(), Value::Array(deps));
        }
        if let Some((s, f)) = t.baseline {
            baseline
                .push(json!({ "measure": id, "start": s.to_string(), "finish": f.to_string() }));
            first = Some(first.map_or(s, |x| x.min(s)));
            finish = Some(finish.map_or(f, |x| x.max(f)));
        }
        measures[row] = Value::Object(m);
    }
    for (i, message) in &p.task_findings {
        let path = match (row_of_task[*i], dir_of_task[*i]) {
            (Some(r), _) => format!("measures[{r}]"),
            (None, Some(d)) => format!("directions[{d}]"),
            _ => "strategy".to_owned(),
        };
        findings.push(unsupported(path, Some(&p.tasks[*i].code), message.clone()));
    }
    file_findings(&p, nested, orphan_direction, &mut findings);
    let start = first.unwrap_or_else(|| jiff::civil::date(2025, 1, 1));
    let end = finish.unwrap_or(start).max(start);
    let name = if p.name.trim().is_empty() {
        "imported project"
    } else {
        p.name.trim()
    };
    let mut doc = json!({
        "strategy": {
            "id": slug(if p.code.trim().is_empty() { name } else { p.code.trim() }),
            "title": text(name),
            "period": { "start": start.to_string(), "end": end.to_string() },
        },
        "directions": directions,
        "measures": measures,
    });
    if !baseline.is_empty() {
        doc["baselines"] = json!([{ "id": "0", "taken": start.to_string(), "note": "baseline 0 of the project file", "measures": baseline }]);
    }
    let doc = crate::io::from_value(doc).map_err(|e| unreadable(format, source, e.to_string()))?;
    Ok(ProjectFile {
        doc,
        cells: SheetCells {
            at: Default::default(),
            measures: Vec::new(),
            findings,
        },
        start: p.start,
        calendar: p.calendar,
    })
}

/// The findings about the file as a whole: nested summaries, what it holds that a strategy
/// cannot, its calendar, and tasks put under the direction `0`.
fn file_findings(
    p: &Project,
    nested: usize,
    orphan_direction: Option<usize>,
    findings: &mut Vec<Diagnostic>,
) {
    if nested > 0 {
        findings.push(unsupported(
            "directions".into(),
            None,
            format!("{nested} summary tasks or WBS nodes sit under another one: each became a direction of its own (directions do not nest)"),
        ));
    }
    for note in &p.notes {
        findings.push(unsupported("strategy".into(), None, note.clone()));
    }
    for (what, n) in &p.unsupported {
        findings.push(unsupported(
            "strategy".into(),
            None,
            format!("{n} {what} not carried: a strategy document does not hold them"),
        ));
    }
    if let Some(c) = &p.calendar {
        let names: Vec<&str> = c.weekend.iter().map(|w| weekday_name(*w)).collect();
        findings.push(unsupported(
            "strategy".into(),
            None,
            format!(
                "the project calendar `{}` (weekend {}; {}, {}) is a schedule option, not part of a strategy: \
                 schedule with that calendar to reproduce the file's dates",
                c.name.as_deref().unwrap_or("Standard"),
                if names.is_empty() { "none".to_owned() } else { names.join(", ") },
                count(c.holidays.len(), "holiday"),
                count(c.extra_working_days.len(), "extra working day")
            ),
        ));
    }
    if let Some(d) = orphan_direction {
        findings.push(warn(
            Code::InferredValue,
            format!("directions[{d}]"),
            Some("0"),
            "tasks outside any summary task were put under the direction `0`, named after the project".into(),
        ));
    }
}

fn weekday_name(w: usize) -> &'static str {
    [
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
    ][w % 7]
}

fn unsupported(path: String, id: Option<&str>, message: String) -> Diagnostic {
    warn(Code::UnsupportedProjectData, path, id, message)
}

/// A strategy id from a project name: letters, digits, `-` and `_` (a run of anything else
/// becomes one `-`), at most 64 characters.
fn slug(name: &str) -> String {
    let mut s = String::new();
    for c in name.chars() {
        if c.is_alphanumeric() || c == '_' {
            s.push(c);
        } else if !s.ends_with('-') {
            s.push('-');
        }
    }
    let s: String = s.chars().take(64).collect();
    let s = s.trim_matches('-');
    if s.is_empty() {
        "imported".to_owned()
    } else {
        s.to_owned()
    }
}
