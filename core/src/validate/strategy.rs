//! Rules about the strategy itself: its id, title, period and acts, and the roles Decree 1294
//! gives (a coordinating body and a different monitoring & evaluation body).

use jiff::civil::Date;

use super::{Code, Diagnostic, check_date, err, warn};
use crate::ids::Ids;
use crate::model::Document;

/// The strategy's id, title, period and acts; returns the period as (first day, last day).
pub(crate) fn check(doc: &Document, d: &mut Vec<Diagnostic>) -> (Date, Date) {
    let s = &doc.strategy;
    if s.id.trim().is_empty() {
        d.push(err(
            Code::EmptyId,
            "strategy.id".into(),
            None,
            "strategy id is empty".into(),
        ));
    }
    let blank = |t: Option<&str>| t.is_none_or(|t| t.trim().is_empty());
    if s.title.is_empty() {
        d.push(err(
            Code::MissingTitle,
            "strategy.title".into(),
            Some(&s.id),
            "the strategy has no title in any language".into(),
        ));
    } else {
        // Decree 1294 programmes are published in Azerbaijani; English is the exchange
        // language of this tool. Either missing is worth a warning, not a refusal.
        for (lang, text) in [("az", s.title.az()), ("en", s.title.en())] {
            if blank(text) {
                d.push(warn(
                    Code::MissingTitle,
                    "strategy.title".into(),
                    Some(&s.id),
                    format!("the strategy title has no `{lang}` text"),
                ));
            }
        }
    }
    check_date(d, &s.period.start, "strategy.period.start", Some(&s.id));
    check_date(d, &s.period.end, "strategy.period.end", Some(&s.id));
    let (p_start, p_end) = (s.period.start.first_day(), s.period.end.last_day());
    if p_start > p_end {
        d.push(err(
            Code::StartAfterDeadline,
            "strategy.period".into(),
            Some(&s.id),
            format!("the strategy period ends ({p_end}) before it starts ({p_start})"),
        ));
    }
    if let Some(act) = &s.approved_by
        && let Some(date) = &act.date
    {
        check_date(d, date, "strategy.approved_by.date", Some(&s.id));
    }
    for (i, act) in s.legal_basis.iter().enumerate() {
        if let Some(date) = &act.date {
            check_date(
                d,
                date,
                &format!("strategy.legal_basis[{i}].date"),
                Some(&s.id),
            );
        }
    }
    (p_start, p_end)
}

/// The coordinating and monitoring & evaluation bodies.
pub(crate) fn roles(doc: &Document, ids: &Ids, d: &mut Vec<Diagnostic>) {
    let s = &doc.strategy;
    for (field, value) in [
        ("coordinating_body", &s.coordinating_body),
        ("monitoring_body", &s.monitoring_body),
    ] {
        match value {
            None => d.push(warn(
                Code::MissingRole,
                format!("strategy.{field}"),
                Some(&s.id),
                format!("the strategy names no {}", field.replace('_', " ")),
            )),
            Some(o) if ids.org(doc, o).is_none() => d.push(err(
                Code::UnknownReference,
                format!("strategy.{field}"),
                Some(&s.id),
                format!("unknown organization `{o}`"),
            )),
            Some(_) => {}
        }
    }
    if let (Some(c), Some(m)) = (&s.coordinating_body, &s.monitoring_body)
        && c == m
    {
        d.push(err(
            Code::CoordinatorIsMonitor,
            "strategy.monitoring_body".into(),
            Some(&s.id),
            format!("`{c}` is both the coordinating body and the monitoring & evaluation body (Decree 1294 requires different bodies)"),
        ));
    }
}
