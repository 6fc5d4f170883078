//! The working group (Decree 1294: created by an act of the coordinating body, it prepares the
//! strategy and meets at least once a year) and who drafted the strategy.

use jiff::civil::Date;

use super::{Code, Diagnostic, check_date, err, warn};
use crate::ids::Ids;
use crate::model::Document;

/// The date the document's data describe: the latest of the statuses' as-of date, the
/// reports' submissions and the evaluations' publications; `None` without any.
fn reference_date(doc: &Document) -> Option<Date> {
    let s = &doc.strategy;
    s.statuses_as_of
        .map(|p| p.last_day())
        .into_iter()
        .chain(doc.reports.iter().map(|r| r.submitted.last_day()))
        .chain(
            doc.evaluations
                .iter()
                .filter_map(|e| e.published.map(|p| p.last_day())),
        )
        .max()
}

/// Members, meetings, `drafted_by`; a completed calendar year of the strategy without a
/// meeting (`working_group_no_meeting`) and a main executor outside the group
/// (`executor_not_in_working_group`) are warnings.
pub(crate) fn check(doc: &Document, ids: &Ids, d: &mut Vec<Diagnostic>) {
    let s = &doc.strategy;
    let sid = Some(s.id.as_str());
    if let Some(by) = &s.drafted_by
        && by != "working_group"
        && ids.org(doc, by).is_none()
    {
        d.push(err(
            Code::UnknownReference,
            "strategy.drafted_by".into(),
            sid,
            format!("unknown organization `{by}` (or write `working_group`)"),
        ));
    }
    if s.drafted_by.as_deref() == Some("working_group") && s.working_group.is_none() {
        d.push(err(
            Code::UnknownReference,
            "strategy.drafted_by".into(),
            sid,
            "drafted by the working group, but the strategy has no `working_group`".into(),
        ));
    }
    let Some(wg) = &s.working_group else {
        return;
    };
    for (i, m) in wg.members.iter().enumerate() {
        if ids.org(doc, m).is_none() {
            d.push(err(
                Code::UnknownReference,
                format!("strategy.working_group.members[{i}]"),
                sid,
                format!("unknown organization `{m}`"),
            ));
        }
    }
    if let Some(date) = wg.established_by.as_ref().and_then(|a| a.date.as_ref()) {
        check_date(d, date, "strategy.working_group.established_by.date", sid);
    }
    for (i, m) in wg.meetings.iter().enumerate() {
        check_date(
            d,
            &m.date,
            &format!("strategy.working_group.meetings[{i}].date"),
            sid,
        );
    }
    no_meeting(doc, d);
    if !wg.members.is_empty() {
        outside(doc, d);
    }
}

/// Each calendar year of the strategy that has ended by the reference date (all of them
/// without one) and has no meeting.
fn no_meeting(doc: &Document, d: &mut Vec<Diagnostic>) {
    let s = &doc.strategy;
    let Some(wg) = &s.working_group else { return };
    let (y0, y1) = (
        s.period.start.first_day().year(),
        s.period.end.last_day().year(),
    );
    let last = reference_date(doc).map_or(y1, |r| {
        if r.month() == 12 && r.day() == 31 {
            r.year()
        } else {
            r.year() - 1
        }
    });
    // one warning per year; a plan of centuries is an absurd date, reported elsewhere
    for y in y0..=y1.min(last).min(y0.saturating_add(200)) {
        let met = wg
            .meetings
            .iter()
            .any(|m| m.date.first_day().year() <= y && m.date.last_day().year() >= y);
        if !met {
            d.push(warn(
                Code::WorkingGroupNoMeeting,
                "strategy.working_group.meetings".into(),
                Some(&s.id),
                format!("the working group has no meeting in {y} (Decree 1294: it meets at least once a year)"),
            ));
        }
    }
}

/// Main executors that are not members, each once, with how many measures they lead.
fn outside(doc: &Document, d: &mut Vec<Diagnostic>) {
    let s = &doc.strategy;
    let Some(wg) = &s.working_group else { return };
    let mut seen: Vec<(&str, usize)> = Vec::new();
    for m in &doc.measures {
        let Some(e) = m.main_executor.single() else {
            continue;
        };
        if wg.members.iter().any(|x| x == e) {
            continue;
        }
        match seen.iter_mut().find(|(x, _)| *x == e) {
            Some((_, n)) => *n += 1,
            None => seen.push((e, 1)),
        }
    }
    for (e, n) in seen {
        d.push(warn(
            Code::ExecutorNotInWorkingGroup,
            "strategy.working_group.members".into(),
            Some(&s.id),
            format!("`{e}`, main executor of {n} measure(s), is not a member of the working group"),
        ));
    }
}
