//! MS Project XML (MSPDI): the writer (the reader is `crate::project::mspdi`).

use std::fmt::Write;

use jiff::civil::Date;

use super::HOURS_PER_DAY;
use super::export::Plan;
use crate::escape::xml as esc;
use crate::model::RelationType;

/// MSPDI relation codes: 0 FF, 1 FS, 2 SF, 3 SS.
fn link_type(k: RelationType) -> u8 {
    match k {
        RelationType::FF => 0,
        RelationType::FS => 1,
        RelationType::SF => 2,
        RelationType::SS => 3,
    }
}

fn start_at(d: Date) -> String {
    format!("{d}T08:00:00")
}

fn finish_at(d: Date) -> String {
    format!("{d}T17:00:00")
}

fn hours(days: i64) -> String {
    format!("PT{}H0M0S", days * HOURS_PER_DAY)
}

pub(crate) fn write(plan: &Plan<'_>) -> String {
    let doc = plan.strategy.document();
    let mut out = String::with_capacity(1024 + doc.measures.len() * 900);
    let start = plan.schedule.project_start;
    let title = Plan::title(&doc.strategy.title);
    let _ = write!(
        out,
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
         <Project xmlns=\"http://schemas.microsoft.com/project\">\n\
         <SaveVersion>14</SaveVersion>\n<Name>{}</Name>\n<Title>{}</Title>\n\
         <ScheduleFromStart>1</ScheduleFromStart>\n<StartDate>{}</StartDate>\n\
         <FinishDate>{}</FinishDate>\n<CurrentDate>{}</CurrentDate>\n<CalendarUID>1</CalendarUID>\n\
         <DefaultStartTime>08:00:00</DefaultStartTime>\n<DefaultFinishTime>17:00:00</DefaultFinishTime>\n\
         <MinutesPerDay>480</MinutesPerDay>\n<MinutesPerWeek>{}</MinutesPerWeek>\n\
         <DaysPerMonth>20</DaysPerMonth>\n<DefaultTaskType>1</DefaultTaskType>\n\
         <DurationFormat>7</DurationFormat>\n<NewTasksAreManual>0</NewTasksAreManual>\n\
         <HonorConstraints>0</HonorConstraints>\n",
        esc(doc.strategy.id.as_str()),
        esc(title),
        start_at(start),
        finish_at(plan.finish),
        start_at(start),
        (0..7).filter(|&d| plan.works(d)).count() * 480,
    );
    write_calendar(plan, &mut out);
    out.push_str("<Tasks>\n");
    write_tasks(plan, &mut out);
    out.push_str("</Tasks>\n</Project>\n");
    out
}

fn write_calendar(plan: &Plan<'_>, out: &mut String) {
    const TIMES: &str = "<WorkingTimes><WorkingTime><FromTime>08:00:00</FromTime><ToTime>12:00:00</ToTime></WorkingTime>\
                         <WorkingTime><FromTime>13:00:00</FromTime><ToTime>17:00:00</ToTime></WorkingTime></WorkingTimes>";
    let _ = write!(
        out,
        "<Calendars>\n<Calendar>\n<UID>1</UID>\n<Name>{}</Name>\n<IsBaseCalendar>1</IsBaseCalendar>\n\
         <BaseCalendarUID>-1</BaseCalendarUID>\n<WeekDays>\n",
        esc(&plan.calendar_name())
    );
    // DayType 1 = Sunday … 7 = Saturday
    for day_type in 1..=7usize {
        let monday_zero = (day_type + 5) % 7;
        if plan.works(monday_zero) {
            let _ = writeln!(
                out,
                "<WeekDay><DayType>{day_type}</DayType><DayWorking>1</DayWorking>{TIMES}</WeekDay>"
            );
        } else {
            let _ = writeln!(
                out,
                "<WeekDay><DayType>{day_type}</DayType><DayWorking>0</DayWorking></WeekDay>"
            );
        }
    }
    let mut days: Vec<(Date, bool)> = plan.calendar.holidays.iter().map(|&d| (d, false)).collect();
    days.extend(plan.calendar.extra_working_days.iter().map(|&d| (d, true)));
    days.sort_unstable();
    days.dedup();
    for (d, working) in days {
        let _ = writeln!(
            out,
            "<WeekDay><DayType>0</DayType><DayWorking>{}</DayWorking>\
             <TimePeriod><FromDate>{d}T00:00:00</FromDate><ToDate>{d}T23:59:00</ToDate></TimePeriod>{}</WeekDay>",
            u8::from(working),
            if working { TIMES } else { "" }
        );
    }
    out.push_str("</WeekDays>\n</Calendar>\n</Calendars>\n");
}

fn write_tasks(plan: &Plan<'_>, out: &mut String) {
    let doc = plan.strategy.document();
    // UID of a measure: its row + 1 + the number of directions (directions take 1..=n)
    let base = doc.directions.len() + 1;
    let mut id = 0usize;
    let mut outline = 0usize;
    for g in &plan.groups {
        let level = match g.direction {
            Some(d) => {
                id += 1;
                outline += 1;
                let dir = &doc.directions[d];
                let (s, f) = span(plan, &g.rows);
                let _ = write!(
                    out,
                    "<Task>\n<UID>{}</UID>\n<ID>{id}</ID>\n<Name>{}</Name>\n<Type>1</Type>\n<IsNull>0</IsNull>\n\
                     <WBS>{}</WBS>\n<OutlineNumber>{outline}</OutlineNumber>\n<OutlineLevel>1</OutlineLevel>\n\
                     <Start>{}</Start>\n<Finish>{}</Finish>\n<DurationFormat>7</DurationFormat>\n\
                     <Summary>1</Summary>\n<Milestone>0</Milestone>\n</Task>\n",
                    d + 1,
                    esc(Plan::title(&dir.title)),
                    esc(dir.id.as_str()),
                    start_at(s),
                    finish_at(f),
                );
                2
            }
            None => 1,
        };
        for (k, &row) in g.rows.iter().enumerate() {
            id += 1;
            let number = if level == 2 {
                format!("{outline}.{}", k + 1)
            } else {
                outline += 1;
                outline.to_string()
            };
            write_task(plan, out, row, base + row, id, &number, level);
        }
    }
}

/// The first start and last finish of a direction's measures (the project start when none).
fn span(plan: &Plan<'_>, rows: &[usize]) -> (Date, Date) {
    let s = rows.iter().map(|&r| plan.early[r].0).min();
    let f = rows.iter().map(|&r| plan.early[r].1).max();
    let p = plan.schedule.project_start;
    (s.unwrap_or(p), f.unwrap_or(p))
}

fn write_task(
    plan: &Plan<'_>,
    out: &mut String,
    row: usize,
    uid: usize,
    id: usize,
    number: &str,
    level: u8,
) {
    let doc = plan.strategy.document();
    let m = &doc.measures[row];
    let days = i64::from(plan.schedule.durations[row]);
    let (s, f) = plan.early[row];
    let (start, finish) = if days == 0 {
        let at = if plan.at_day_start[row] {
            start_at(s)
        } else {
            finish_at(f)
        };
        (at.clone(), at)
    } else {
        (start_at(s), finish_at(f))
    };
    let _ = write!(
        out,
        "<Task>\n<UID>{uid}</UID>\n<ID>{id}</ID>\n<Name>{}</Name>\n<Type>1</Type>\n<IsNull>0</IsNull>\n\
         <WBS>{}</WBS>\n<OutlineNumber>{number}</OutlineNumber>\n<OutlineLevel>{level}</OutlineLevel>\n\
         <Start>{start}</Start>\n<Finish>{finish}</Finish>\n<Duration>{}</Duration>\n\
         <DurationFormat>7</DurationFormat>\n<RemainingDuration>{}</RemainingDuration>\n\
         <ActualDuration>PT0H0M0S</ActualDuration>\n<PercentComplete>0</PercentComplete>\n\
         <Summary>0</Summary>\n<Milestone>{}</Milestone>\n",
        esc(Plan::title(&m.title)),
        esc(m.id.as_str()),
        hours(days),
        hours(days),
        u8::from(days == 0),
    );
    match plan.start_constraint(row) {
        Some(c) => {
            let _ = write!(
                out,
                "<ConstraintType>4</ConstraintType>\n<ConstraintDate>{}</ConstraintDate>\n",
                start_at(c)
            );
        }
        None => out.push_str("<ConstraintType>0</ConstraintType>\n"),
    }
    if let Some(d) = plan.deadline(row) {
        let _ = writeln!(out, "<Deadline>{}</Deadline>", finish_at(d));
    }
    let base = doc.directions.len() + 1;
    for l in &plan.links[row] {
        let _ = write!(
            out,
            "<PredecessorLink>\n<PredecessorUID>{}</PredecessorUID>\n<Type>{}</Type>\n\
             <CrossProject>0</CrossProject>\n<LinkLag>{}</LinkLag>\n<LagFormat>7</LagFormat>\n</PredecessorLink>\n",
            base + l.pred as usize,
            link_type(l.kind),
            i64::from(l.lag) * HOURS_PER_DAY * 600,
        );
    }
    if let Some((bs, bf)) = plan.baseline(row) {
        let _ = write!(
            out,
            "<Baseline>\n<Number>0</Number>\n<Start>{}</Start>\n<Finish>{}</Finish>\n</Baseline>\n",
            start_at(bs),
            finish_at(bf)
        );
    }
    out.push_str("</Task>\n");
}
