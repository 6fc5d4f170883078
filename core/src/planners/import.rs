//! A project file's tasks (read by `mspdi.rs` or `xer.rs`) into a strategy document: summary
//! tasks or WBS nodes → directions, leaf tasks → measures, relations → `depends_on`, findings
//! for everything a strategy cannot hold.

use jiff::civil::Date;
use serde_json::{Map, Value, json};

use crate::diagnostic::{Code, Diagnostic, warn};
use crate::error::{Format, Result};
use crate::locate::SheetCells;
use crate::model::RelationType;
use crate::schedule::{Calendar, ScheduleOptions};
use crate::strategy::Strategy;

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
    pub name: String,
    pub start: Option<Date>,
    pub finish: Option<Date>,
    pub tasks: Vec<RawTask>,
    pub calendar: Option<Calendar>,
    /// (what, how many, e.g. "resources", 3): counted, reported once each.
    pub unsupported: Vec<(String, usize)>,
    /// Findings about one task: (task index, message).
    pub task_findings: Vec<(usize, String)>,
}

/// A project file read as a strategy, with the schedule options that reproduce its dates:
/// the project start and the calendar (a strategy document holds neither).
#[derive(Debug, Clone)]
pub struct ProjectImport {
    /// The strategy: directions, measures, relations, durations, constraints; its
    /// [`Strategy::validate`] lists the file's findings (`unsupported_project_data`) first.
    pub strategy: Strategy,
    /// `start` (the project start) and `calendar` (the project calendar, its exceptions as
    /// holidays and extra working days) as the file states them.
    pub options: ScheduleOptions,
}

impl ProjectImport {
    /// Read MSPDI bytes (`source` names them in errors).
    pub fn mspdi(bytes: &[u8], source: &str) -> Result<ProjectImport> {
        let p = super::mspdi::read(bytes, source)?;
        build(p, Format::Mspdi, source)
    }

    /// Read XER bytes (`source` names them in errors).
    pub fn xer(bytes: &[u8], source: &str) -> Result<ProjectImport> {
        let p = super::xer::read(bytes, source)?;
        build(p, Format::Xer, source)
    }
}

fn text(s: &str) -> Value {
    json!({ "en": s })
}

fn build(p: Project, format: Format, source: &str) -> Result<ProjectImport> {
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
    if nested > 0 {
        findings.push(unsupported(
            "directions".into(),
            None,
            format!("{nested} summary tasks or WBS nodes sit under another one: each became a direction of its own (directions do not nest)"),
        ));
    }
    for (what, n) in &p.unsupported {
        findings.push(unsupported(
            "strategy".into(),
            None,
            format!("{n} {what} not carried: a strategy document does not hold them"),
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
    let start = first.unwrap_or_else(|| jiff::civil::date(2025, 1, 1));
    let end = finish.unwrap_or(start).max(start);
    let name = if p.name.trim().is_empty() {
        "imported project"
    } else {
        p.name.trim()
    };
    let mut doc = json!({
        "strategy": {
            "id": slug(name),
            "title": text(name),
            "period": { "start": start.to_string(), "end": end.to_string() },
        },
        "directions": directions,
        "measures": measures,
    });
    if !baseline.is_empty() {
        doc["baselines"] = json!([{ "id": "0", "taken": start.to_string(), "note": "baseline 0 of the project file", "measures": baseline }]);
    }
    let doc =
        crate::io::from_value(doc).map_err(|e| super::unreadable(format, source, e.to_string()))?;
    let strategy = Strategy::from_sheet(
        doc,
        SheetCells {
            at: Default::default(),
            findings,
        },
    );
    let options = ScheduleOptions {
        start: p.start,
        calendar: p.calendar,
        ..ScheduleOptions::default()
    };
    Ok(ProjectImport { strategy, options })
}

fn unsupported(path: String, id: Option<&str>, message: String) -> Diagnostic {
    warn(Code::UnsupportedProjectData, path, id, message)
}

/// A strategy id from a project name: letters, digits, `-` and `_`, at most 64 characters.
fn slug(name: &str) -> String {
    let s: String = name
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '-'
            }
        })
        .take(64)
        .collect();
    let s = s.trim_matches('-');
    if s.is_empty() {
        "imported".to_owned()
    } else {
        s.to_owned()
    }
}
