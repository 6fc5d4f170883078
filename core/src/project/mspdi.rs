//! MS Project XML (MSPDI) read into a [`Project`] (quick-xml, no DOCTYPE, no entity
//! expansion).

use jiff::civil::Date;
use quick_xml::events::Event;

use super::{
    MAX_PROJECT_BYTES, MAX_TASKS, Project, RawCalendar, RawTask, unreadable, unreadable_at,
};
use crate::error::{Format, Result};
use crate::model::RelationType;

/// The deepest element nesting read (MSPDI needs 6).
const MAX_DEPTH: usize = 32;

#[derive(Default)]
struct TaskFields {
    uid: String,
    name: String,
    wbs: String,
    outline_number: String,
    level: Option<i64>,
    summary: Option<bool>,
    is_null: bool,
    /// `Active` 0: MS Project leaves the task out of the schedule.
    inactive: bool,
    /// `Manual` 1: the task's dates are typed, not scheduled.
    manual: bool,
    /// `ExternalTask` or `IsSubproject` 1.
    external: bool,
    percent: Option<f64>,
    actual_start: Option<Date>,
    actual_finish: Option<Date>,
    duration: Option<String>,
    duration_format: Option<i64>,
    start: Option<Date>,
    finish: Option<Date>,
    constraint_type: Option<i64>,
    constraint_date: Option<Date>,
    deadline: Option<Date>,
    cost: bool,
    links: Vec<(String, i64, i64, i64)>,
    link: (String, i64, i64, i64),
    baselines: Vec<(i64, Option<Date>, Option<Date>)>,
    baseline: (i64, Option<Date>, Option<Date>),
}

#[derive(Default)]
struct CalendarFields {
    uid: String,
    name: String,
    /// DayType 1..=7 → working
    week: [Option<bool>; 8],
    day_type: i64,
    day_working: bool,
    from: Option<Date>,
    to: Option<Date>,
    /// (from, to, working)
    exceptions: Vec<(Date, Date, bool)>,
}

/// `2025-01-06T08:00:00` (or a bare date) → the date.
fn date_of(s: &str) -> Option<Date> {
    crate::dates::parse_iso(s.get(..10)?)
}

/// An MSPDI duration (`PT40H0M0S`, `P1DT2H`) in minutes.
fn minutes(s: &str) -> Option<f64> {
    let s = s.trim().strip_prefix('P')?;
    let (days, time) = match s.split_once('T') {
        Some((d, t)) => (d, t),
        None => (s, ""),
    };
    let mut total = 0.0f64;
    let mut num = String::new();
    for (part, units) in [
        (days, [('Y', 0.0), ('M', 0.0), ('W', 2400.0), ('D', 480.0)]),
        (
            time,
            [('H', 60.0), ('M', 1.0), ('S', 1.0 / 60.0), ('X', 0.0)],
        ),
    ] {
        for c in part.chars() {
            if c.is_ascii_digit() || c == '.' || c == '-' {
                num.push(c);
            } else {
                let f = units.iter().find(|u| u.0 == c)?.1;
                total += num.parse::<f64>().ok()? * f;
                num.clear();
            }
        }
        if !num.is_empty() {
            return None;
        }
    }
    total.is_finite().then_some(total)
}

fn int(s: &str) -> Option<i64> {
    s.trim().parse().ok()
}

/// Read MSPDI bytes into a [`Project`].
pub(crate) fn read(bytes: &[u8], source: &str) -> Result<Project> {
    let fail = |m: String| unreadable(Format::Mspdi, source, m);
    if bytes.len() > MAX_PROJECT_BYTES {
        return Err(fail(format!(
            "the file is {} bytes; the limit is {MAX_PROJECT_BYTES}",
            bytes.len()
        )));
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let line = bytes[..e.valid_up_to()]
            .iter()
            .filter(|&&b| b == b'\n')
            .count()
            + 1;
        unreadable_at(
            Format::Mspdi,
            source,
            line,
            format!(
                "not valid UTF-8 at byte {} (MSPDI files are UTF-8)",
                e.valid_up_to()
            ),
        )
    })?;
    let fail_at = |pos: u64, m: String| {
        let end = usize::try_from(pos).unwrap_or(usize::MAX).min(text.len());
        let line = text.as_bytes()[..end]
            .iter()
            .filter(|&&b| b == b'\n')
            .count()
            + 1;
        unreadable_at(Format::Mspdi, source, line, m)
    };
    let mut reader = quick_xml::Reader::from_str(text);
    let mut path: Vec<String> = Vec::new();
    let mut buf = String::new();
    let mut st = ReadState::default();
    let mut saw_project = false;
    loop {
        let ev = reader.read_event().map_err(|e| {
            let at = reader.error_position();
            fail_at(at, format!("malformed XML at byte {at}: {e}"))
        })?;
        let pos = reader.buffer_position();
        match ev {
            Event::Eof if !path.is_empty() => {
                return Err(fail_at(
                    pos,
                    format!("malformed XML: the file ends inside `{}`", path.join("/")),
                ));
            }
            Event::Eof => break,
            Event::DocType(_) => {
                return Err(fail_at(pos,
                    "a DOCTYPE is refused: MSPDI needs none, and its entity declarations could expand without bound".into(),
                ));
            }
            Event::Start(e) => {
                if path.len() >= MAX_DEPTH {
                    return Err(fail_at(
                        pos,
                        format!("elements nest deeper than {MAX_DEPTH}"),
                    ));
                }
                let name = e.local_name().as_ref().to_owned();
                if path.is_empty() {
                    if name != "Project" {
                        return Err(fail_at(
                            pos,
                            format!(
                                "not an MS Project XML file: the root element is `{name}`, not `Project`"
                            ),
                        ));
                    }
                    saw_project = true;
                }
                path.push(name);
                buf.clear();
                st.open(&path);
            }
            Event::Empty(e) => {
                if path.is_empty() {
                    return Err(fail_at(
                        pos,
                        "not an MS Project XML file: an empty root element".into(),
                    ));
                }
                let name = e.local_name().as_ref().to_owned();
                path.push(name);
                buf.clear();
                st.open(&path);
                st.close(&path, "");
                path.pop();
            }
            Event::Text(t) => buf.push_str(&t.xml10_content()),
            Event::CData(t) => buf.push_str(&t.xml10_content()),
            Event::GeneralRef(r) => {
                let resolved = match &*r {
                    "amp" => Some('&'),
                    "lt" => Some('<'),
                    "gt" => Some('>'),
                    "quot" => Some('"'),
                    "apos" => Some('\''),
                    _ => r.resolve_char_ref().ok().flatten(),
                };
                match resolved {
                    Some(c) => buf.push(c),
                    None => {
                        return Err(fail_at(
                            pos,
                            format!(
                                "the entity reference `&{};` is not XML's own: entities are not expanded",
                                &*r
                            ),
                        ));
                    }
                }
            }
            Event::End(_) => {
                let value = std::mem::take(&mut buf);
                st.close(&path, value.trim());
                path.pop();
                if st.tasks.len() > MAX_TASKS {
                    return Err(fail_at(pos, format!("more than {MAX_TASKS} tasks")));
                }
            }
            _ => {}
        }
    }
    if !saw_project {
        return Err(fail_at(
            0,
            "not an MS Project XML file: no `Project` element".into(),
        ));
    }
    Ok(st.finish())
}

#[derive(Default)]
struct ReadState {
    project: Project,
    calendar_uid: String,
    tasks: Vec<TaskFields>,
    task: TaskFields,
    calendars: Vec<CalendarFields>,
    calendar: CalendarFields,
    resources: usize,
    assignments: usize,
    resource_name: bool,
    assigned: bool,
}

impl ReadState {
    fn open(&mut self, path: &[String]) {
        let p: Vec<&str> = path.iter().map(|s| s.as_str()).collect();
        match p.as_slice() {
            ["Project", "Tasks", "Task"] => self.task = TaskFields::default(),
            ["Project", "Tasks", "Task", "PredecessorLink"] => {
                self.task.link = (String::new(), 1, 0, 7);
            }
            ["Project", "Tasks", "Task", "Baseline"] => self.task.baseline = (0, None, None),
            ["Project", "Calendars", "Calendar"] => self.calendar = CalendarFields::default(),
            ["Project", "Calendars", "Calendar", "WeekDays", "WeekDay"]
            | [
                "Project",
                "Calendars",
                "Calendar",
                "Exceptions",
                "Exception",
            ] => {
                let c = &mut self.calendar;
                (c.day_type, c.day_working, c.from, c.to) = (-1, false, None, None);
            }
            ["Project", "Resources", "Resource"] => self.resource_name = false,
            ["Project", "Assignments", "Assignment"] => self.assigned = true,
            _ => {}
        }
    }

    fn close(&mut self, path: &[String], v: &str) {
        let p: Vec<&str> = path.iter().map(|s| s.as_str()).collect();
        let t = &mut self.task;
        match p.as_slice() {
            ["Project", "Name"] if self.project.name.is_empty() => self.project.name = v.into(),
            ["Project", "Title"] if !v.is_empty() => self.project.name = v.into(),
            ["Project", "StartDate"] => self.project.start = date_of(v),
            ["Project", "FinishDate"] => self.project.finish = date_of(v),
            ["Project", "CalendarUID"] => self.calendar_uid = v.into(),
            ["Project", "Tasks", "Task"] => self.tasks.push(std::mem::take(t)),
            ["Project", "Tasks", "Task", "UID"] => t.uid = v.into(),
            ["Project", "Tasks", "Task", "Name"] => t.name = v.into(),
            ["Project", "Tasks", "Task", "WBS"] => t.wbs = v.into(),
            ["Project", "Tasks", "Task", "OutlineNumber"] => t.outline_number = v.into(),
            ["Project", "Tasks", "Task", "OutlineLevel"] => t.level = int(v),
            ["Project", "Tasks", "Task", "Summary"] => t.summary = Some(v == "1"),
            ["Project", "Tasks", "Task", "IsNull"] => t.is_null = v == "1",
            ["Project", "Tasks", "Task", "Active"] => t.inactive = v == "0",
            ["Project", "Tasks", "Task", "Manual"] => t.manual = v == "1",
            ["Project", "Tasks", "Task", "ExternalTask" | "IsSubproject"] => {
                t.external |= v == "1";
            }
            ["Project", "Tasks", "Task", "PercentComplete"] => t.percent = v.parse().ok(),
            ["Project", "Tasks", "Task", "ActualStart"] => t.actual_start = date_of(v),
            ["Project", "Tasks", "Task", "ActualFinish"] => t.actual_finish = date_of(v),
            ["Project", "Tasks", "Task", "Duration"] => t.duration = Some(v.into()),
            ["Project", "Tasks", "Task", "DurationFormat"] => t.duration_format = int(v),
            ["Project", "Tasks", "Task", "Start"] => t.start = date_of(v),
            ["Project", "Tasks", "Task", "Finish"] => t.finish = date_of(v),
            ["Project", "Tasks", "Task", "ConstraintType"] => t.constraint_type = int(v),
            ["Project", "Tasks", "Task", "ConstraintDate"] => t.constraint_date = date_of(v),
            ["Project", "Tasks", "Task", "Deadline"] => t.deadline = date_of(v),
            ["Project", "Tasks", "Task", "Cost" | "FixedCost"] => {
                t.cost |= v.parse::<f64>().is_ok_and(|c| c != 0.0);
            }
            ["Project", "Tasks", "Task", "PredecessorLink"] => {
                t.links.push(std::mem::take(&mut t.link));
            }
            ["Project", "Tasks", "Task", "PredecessorLink", f] => match *f {
                "PredecessorUID" => t.link.0 = v.into(),
                "Type" => t.link.1 = int(v).unwrap_or(1),
                "LinkLag" => t.link.2 = int(v).unwrap_or(0),
                "LagFormat" => t.link.3 = int(v).unwrap_or(7),
                _ => {}
            },
            ["Project", "Tasks", "Task", "Baseline"] => t.baselines.push(t.baseline),
            ["Project", "Tasks", "Task", "Baseline", f] => match *f {
                "Number" => t.baseline.0 = int(v).unwrap_or(0),
                "Start" => t.baseline.1 = date_of(v),
                "Finish" => t.baseline.2 = date_of(v),
                _ => {}
            },
            ["Project", "Calendars", "Calendar", ..] => self.close_calendar(&p[3..], v),
            ["Project", "Resources", "Resource", "Name"] if !v.is_empty() => {
                self.resource_name = true;
            }
            ["Project", "Resources", "Resource"] if self.resource_name => self.resources += 1,
            ["Project", "Assignments", "Assignment", "ResourceUID"] => {
                self.assigned = v != "-65535";
            }
            ["Project", "Assignments", "Assignment"] if self.assigned => self.assignments += 1,
            _ => {}
        }
    }

    fn close_calendar(&mut self, p: &[&str], v: &str) {
        let c = &mut self.calendar;
        match p {
            [] => self.calendars.push(std::mem::take(c)),
            ["UID"] => c.uid = v.into(),
            ["Name"] => c.name = v.into(),
            ["WeekDays", "WeekDay", "DayType"] => c.day_type = int(v).unwrap_or(-1),
            ["WeekDays", "WeekDay", "DayWorking"] | ["Exceptions", "Exception", "DayWorking"] => {
                c.day_working = v == "1";
            }
            ["WeekDays", "WeekDay", "TimePeriod", "FromDate"]
            | ["Exceptions", "Exception", "TimePeriod", "FromDate"] => c.from = date_of(v),
            ["WeekDays", "WeekDay", "TimePeriod", "ToDate"]
            | ["Exceptions", "Exception", "TimePeriod", "ToDate"] => c.to = date_of(v),
            ["WeekDays", "WeekDay"] => match c.day_type {
                1..=7 => c.week[c.day_type as usize] = Some(c.day_working),
                0 => {
                    if let (Some(f), Some(t)) = (c.from, c.to) {
                        c.exceptions.push((f, t, c.day_working));
                    }
                }
                _ => {}
            },
            ["Exceptions", "Exception"] => {
                if let (Some(f), Some(t)) = (c.from, c.to) {
                    c.exceptions.push((f, t, c.day_working));
                }
            }
            _ => {}
        }
    }

    fn finish(self) -> Project {
        let mut project = self.project;
        project.calendar = calendar_of(
            &self.calendars,
            &self.calendar_uid,
            &mut project.unsupported,
        );
        if self.resources > 0 {
            project
                .unsupported
                .push(("resources".into(), self.resources));
        }
        if self.assignments > 0 {
            project
                .unsupported
                .push(("resource assignments".into(), self.assignments));
        }
        tasks_of(self.tasks, &mut project);
        project
    }
}

/// The project calendar (`None` when every day is worked).
fn calendar_of(
    cals: &[CalendarFields],
    uid: &str,
    unsupported: &mut Vec<(String, usize)>,
) -> Option<RawCalendar> {
    let c = cals.iter().find(|c| c.uid == uid).or(cals.first())?;
    if cals.len() > 1 {
        unsupported.push((
            "calendars besides the project calendar".into(),
            cals.len() - 1,
        ));
    }
    let mut weekend = Vec::new();
    for (day_type, w) in c.week.iter().enumerate().skip(1) {
        // DayType 1 = Sunday; default: Saturday and Sunday off
        let working = w.unwrap_or(!(day_type == 1 || day_type == 7));
        if !working {
            weekend.push((day_type + 5) % 7);
        }
    }
    weekend.sort();
    let mut cal = RawCalendar {
        name: (!c.name.is_empty()).then(|| c.name.clone()),
        weekend,
        ..RawCalendar::default()
    };
    let mut days = 0usize;
    for &(from, to, working) in &c.exceptions {
        let mut d = from;
        while d <= to && days < 100_000 {
            let weekend_day = cal.weekend.contains(&super::monday_zero(d));
            match (working, weekend_day) {
                (false, false) => cal.holidays.push(d),
                (true, true) => cal.extra_working_days.push(d),
                _ => {}
            }
            days += 1;
            d = match d.tomorrow() {
                Ok(n) => n,
                Err(_) => break,
            };
        }
    }
    cal.normalised()
}

/// The tasks in outline order into [`RawTask`]s with their parents and findings.
fn tasks_of(tasks: Vec<TaskFields>, project: &mut Project) {
    let (inactive, tasks): (Vec<TaskFields>, Vec<TaskFields>) = tasks
        .into_iter()
        .filter(|t| !t.is_null && t.level.unwrap_or(1) >= 1 && t.uid != "0")
        .partition(|t| t.inactive);
    // MS Project leaves inactive tasks out of the schedule, their relations included
    let inactive: hashbrown::HashMap<String, String> = inactive
        .into_iter()
        .map(|t| {
            let code = if t.wbs.is_empty() {
                t.outline_number
            } else {
                t.wbs
            };
            (t.uid, format!("`{code}` ({})", t.name))
        })
        .collect();
    if !inactive.is_empty() {
        let mut names: Vec<&str> = inactive.values().map(String::as_str).collect();
        names.sort_unstable();
        project.notes.push(format!(
            "{} inactive in MS Project, left out as MS Project leaves it out of the schedule: {}",
            if names.len() == 1 {
                "1 task is".to_owned()
            } else {
                format!("{} tasks are", names.len())
            },
            names.join(", ")
        ));
    }
    let mut stack: Vec<(i64, usize)> = Vec::new();
    let mut costs = 0usize;
    for (i, t) in tasks.iter().enumerate() {
        let level = t.level.unwrap_or(1);
        let next = tasks.get(i + 1).and_then(|n| n.level).unwrap_or(1);
        let summary = t.summary.unwrap_or(false) || next > level;
        while stack.last().is_some_and(|&(l, _)| l >= level) {
            stack.pop();
        }
        let parent = stack.last().map(|&(_, j)| j);
        if summary {
            stack.push((level, i));
        }
        costs += usize::from(t.cost);
        let mut raw = RawTask {
            key: t.uid.clone(),
            code: if t.wbs.is_empty() {
                t.outline_number.clone()
            } else {
                t.wbs.clone()
            },
            name: t.name.clone(),
            summary,
            parent,
            early: t.start,
            finish: t.finish,
            deadline: t.deadline,
            ..RawTask::default()
        };
        let mut note = |m: String| project.task_findings.push((i, m));
        if t.external {
            note("an external task or inserted subproject was read as a task of this plan".into());
        }
        if !summary {
            if t.manual {
                note("manually scheduled in MS Project (its dates are typed): eculture schedules it from its duration and relations".into());
            }
            if let Some(m) = super::progress_note(t.percent, t.actual_start, t.actual_finish) {
                note(m);
            }
            match t.duration.as_deref().map(minutes) {
                Some(Some(min)) => {
                    let days = (min / 480.0).ceil();
                    if (days * 480.0 - min).abs() > 0.5 {
                        note(format!(
                            "the duration {} is not whole days: rounded up to {days} days",
                            t.duration.as_deref().unwrap_or_default()
                        ));
                    }
                    raw.duration_days = Some(days.max(0.0) as i64);
                }
                Some(None) => note(format!(
                    "the duration `{}` could not be read",
                    t.duration.as_deref().unwrap_or_default()
                )),
                None => {}
            }
            // elapsed formats: em, eh, ed, ew, emo and their estimated forms
            if matches!(
                t.duration_format,
                Some(4 | 6 | 8 | 10 | 12 | 36 | 38 | 40 | 42 | 44)
            ) {
                note("an elapsed duration (calendar time) was read as working time".into());
            }
            constraint(t, &mut raw, &mut note);
            for &(n, s, f) in &t.baselines {
                match (n, s, f) {
                    (0, Some(s), Some(f)) => raw.baseline = Some((s, f)),
                    (0, _, _) => {}
                    _ => note(format!("baseline {n} is not carried (baseline 0 is)")),
                }
            }
        }
        for (uid, kind, lag, format) in &t.links {
            if let Some(name) = inactive.get(uid) {
                note(format!(
                    "the relation from the inactive task {name} is not carried: MS Project ignores it"
                ));
                continue;
            }
            let kind = match kind {
                0 => RelationType::FF,
                2 => RelationType::SF,
                3 => RelationType::SS,
                _ => RelationType::FS,
            };
            let days = if matches!(format, 19 | 20) {
                note(format!(
                    "the lag of the relation from task {uid} is a percentage: read as no lag"
                ));
                0
            } else {
                let d = *lag as f64 / 4800.0;
                if d.fract().abs() > 1e-9 {
                    note(format!(
                        "the lag of the relation from task {uid} is not whole days: rounded to {}",
                        d.round()
                    ));
                }
                (d.round() as i64).clamp(i64::from(i32::MIN), i64::from(i32::MAX))
            };
            raw.preds.push((uid.clone(), kind, days));
        }
        project.tasks.push(raw);
    }
    if costs > 0 {
        project.unsupported.push(("tasks with costs".into(), costs));
    }
}

/// ConstraintType: 0 as soon as possible, 1 as late as possible, 2 must start on, 3 must
/// finish on, 4 start no earlier than, 5 start no later than, 6 finish no earlier than, 7
/// finish no later than.
fn constraint(t: &TaskFields, raw: &mut RawTask, note: &mut impl FnMut(String)) {
    let date = t.constraint_date;
    match (t.constraint_type.unwrap_or(0), date) {
        (0, _) => {}
        (4, Some(d)) => raw.start = Some(d),
        (2, Some(d)) => {
            raw.start = Some(d);
            note("a must-start-on constraint was read as start no earlier than".into());
        }
        (7, Some(d)) => {
            raw.deadline = Some(raw.deadline.map_or(d, |x| x.min(d)));
            note("a finish-no-later-than constraint was read as the deadline".into());
        }
        (3, Some(d)) => {
            raw.deadline = Some(raw.deadline.map_or(d, |x| x.min(d)));
            note("a must-finish-on constraint was read as the deadline".into());
        }
        (1, _) => note("an as-late-as-possible constraint is not carried".into()),
        (k, d) => note(format!(
            "the constraint (type {k}{}) is not carried",
            d.map(|d| format!(", {d}")).unwrap_or_default()
        )),
    }
}
