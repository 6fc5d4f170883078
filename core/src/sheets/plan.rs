//! The action-plan sheet: title rows (the strategy's title, approving act and period), the
//! heading row, direction heading rows ("1. …") and one measure per row.

use serde_json::{Map, Value, json};

use super::Mapping;
use super::grid::{Sheet, Val, column_of};
use super::orgs::{Match, Orgs};
use super::phrases::{self, Col, Window, heading, norm};
use super::read::{Ctx, fit};
use crate::diagnostic::{Code, Severity};
use crate::error::Result;
use crate::model::{Lang, Measure};
use crate::period::PeriodRef;

/// Rows searched for the heading row.
pub(crate) const HEADER_SEARCH: usize = 50;

/// The heading row: its index, each column's meaning and the headings' language.
pub(crate) fn header_row(
    sheet: &Sheet,
    mapping: &Mapping,
) -> Option<(usize, Vec<Option<Col>>, Lang)> {
    let by_letter = mapping.0.keys().any(|k| column_of(k).is_some());
    for r in 0..sheet.rows.len().min(HEADER_SEARCH) {
        let row = &sheet.rows[r];
        let mut langs = [0usize; 3];
        let mut cols: Vec<Option<Col>> = Vec::with_capacity(row.len());
        for v in row {
            let t = v.text();
            let hit = heading(&t);
            if let Some((_, Some(l))) = &hit {
                langs[*l as usize] += 1;
            }
            cols.push(hit.map(|(c, _)| c));
        }
        let lang = [Lang::Az, Lang::En, Lang::Ru]
            .into_iter()
            .max_by_key(|l| (langs[*l as usize], *l == Lang::Az))
            .unwrap_or(Lang::Az);
        // the mapping wins over the recognised headings
        for (c, v) in row.iter().enumerate() {
            let t = norm(&v.text());
            if let Some((_, field)) = mapping
                .0
                .iter()
                .find(|(h, _)| norm(h) == t && !t.is_empty())
            {
                cols[c] = phrases::mapped(field, lang);
            }
        }
        let known = cols.iter().flatten().count();
        let key = cols
            .iter()
            .flatten()
            .any(|c| matches!(c, Col::Id | Col::Title(_)));
        if (known >= 2 && key) || (by_letter && known >= 1) {
            for (h, field) in &mapping.0 {
                if let Some(c) = column_of(h) {
                    if cols.len() <= c {
                        cols.resize(c + 1, None);
                    }
                    cols[c] = phrases::mapped(field, lang);
                }
            }
            return Some((r, cols, lang));
        }
    }
    None
}

/// A row of column numbers under the headings (`1 | 2 | 3 …`).
fn numbering_row(row: &[Val]) -> bool {
    let mut k = 0;
    for v in row.iter().filter(|v| !v.is_empty()) {
        k += 1;
        if v.text().trim().trim_end_matches('.') != k.to_string() {
            return false;
        }
    }
    k >= 2
}

/// The text eculture writes on a direction's heading row.
pub(crate) fn direction_heading(d: &Value) -> String {
    let id = d.get("id").and_then(Value::as_str).unwrap_or("");
    let num = d.get("number").and_then(Value::as_u64);
    let title = d.get("title").and_then(|t| {
        ["az", "en", "ru"]
            .iter()
            .find_map(|l| t.get(*l).and_then(Value::as_str))
    });
    let head = num.map_or_else(|| id.to_owned(), |n| n.to_string());
    match title {
        Some(t) => format!("{head}. {t}"),
        None => head,
    }
}

/// "1. Title" → (1, "Title").
fn numbered(text: &str) -> (Option<u32>, String) {
    let t = text.trim();
    let digits: String = t.chars().take_while(char::is_ascii_digit).collect();
    let rest = t[digits.len()..].trim_start_matches(['.', ')']).trim();
    match digits.parse::<u32>() {
        Ok(n) if !digits.is_empty() && rest.len() < t.len() => (Some(n), rest.to_owned()),
        _ => (None, t.to_owned()),
    }
}

/// The title rows eculture writes above the headings, from the strategy's serde form.
pub(crate) fn title_rows(strategy: &Value, lang: Lang) -> Vec<String> {
    let text = |v: Option<&Value>| -> Option<String> {
        let v = v?;
        [lang.code(), "az", "en", "ru"]
            .iter()
            .find_map(|l| v.get(*l).and_then(Value::as_str))
            .map(str::to_owned)
    };
    let mut out = Vec::new();
    if let Some(t) = text(strategy.get("title")) {
        out.push(t);
    }
    if let Some(act) = strategy.get("approved_by") {
        let parts: Vec<String> = ["body", "kind", "number", "date"]
            .iter()
            .filter_map(|k| act.get(*k))
            .map(|v| v.as_str().map_or_else(|| v.to_string(), str::to_owned))
            .collect();
        let word = ["Təsdiq edilmişdir", "Approved", "Утверждено"][lang as usize];
        out.push(format!("{word}: {}", parts.join(", ")));
    }
    out
}

/// The measures of the action-plan sheet, into `top` (with new directions and organisations,
/// and the strategy from the title rows when no `strategy` sheet gave it).
pub(crate) fn read_plan(
    ctx: &mut Ctx,
    sheet: &mut Sheet,
    mapping: &Mapping,
    exact: bool,
    top: &mut Map<String, Value>,
) -> Result<()> {
    sheet.fill(HEADER_SEARCH)?;
    let Some((hr, cols, lang)) = header_row(sheet, mapping) else {
        sheet.fill_all()?;
        ctx.unread_sheet(sheet, "is on a sheet without an action-plan heading row");
        return Ok(());
    };
    for (c, v) in sheet.rows[hr].iter().enumerate() {
        if !v.is_empty() && cols.get(c).is_none_or(Option::is_none) {
            ctx.unplaced(
                sheet,
                hr,
                c,
                "is a heading eculture does not know (give it in the mapping)",
            );
        }
    }
    title(ctx, sheet, hr, lang, exact, top);
    let whole = whole_period(top);
    let orgs_list: Vec<Value> = top
        .get("organizations")
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default();
    let mut orgs = Orgs::new(&orgs_list, exact, lang);
    let mut directions: Vec<Value> = top
        .get("directions")
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default();
    let known_dirs = directions.len();
    let has_dir_col = cols
        .iter()
        .flatten()
        .any(|c| matches!(c, Col::Field { key, .. } if key == "direction"));
    let mut current: Option<(String, Option<u64>)> = None;
    let mut measures: Vec<Value> = Vec::new();
    let mut first = hr + 1;
    sheet.fill(first + 1)?;
    if sheet.rows.get(first).is_some_and(|r| numbering_row(r)) {
        first += 1;
    }
    // rows are taken as they are read (`Sheet::fill`)
    let mut next = first;
    while sheet.fill(next + 1)? > next {
        let r = next;
        next += 1;
        let sheet = &*sheet;
        let row = &sheet.rows[r];
        let mut filled = (0..row.len()).filter(|&c| !row[c].is_empty());
        let Some(c) = filled.next() else {
            continue;
        };
        if filled.next().is_none()
            && matches!(row[c], Val::Text(_))
            && row[c]
                .text()
                .chars()
                .filter(|ch| ch.is_alphabetic())
                .count()
                >= 3
            && matches!(cols.get(c), Some(Some(col)) if !matches!(col, Col::Title(_)))
        {
            let text = row[c].text();
            current = direction_row(
                ctx,
                sheet,
                (r, c),
                &text,
                exact,
                lang,
                &mut directions,
                known_dirs,
            );
            continue;
        }
        let i = measures.len();
        let m = measure_row(
            ctx,
            sheet,
            r,
            &cols,
            &mut orgs,
            whole,
            current.as_ref(),
            has_dir_col,
            exact,
            i,
        );
        if let Some(m) = m {
            measures.push(m);
        }
    }
    if !top.contains_key("strategy") {
        fallback_strategy(ctx, top, &measures, sheet)?;
    }
    // a plan without direction rows: one direction for the measures that have none
    if !exact && measures.iter().any(|m| m["direction"] == "") {
        let id = (1..)
            .map(|k| k.to_string())
            .find(|k| !directions.iter().any(|d| d["id"] == *k))
            .unwrap_or_default();
        for m in measures.iter_mut().filter(|m| m["direction"] == "") {
            m["direction"] = json!(id);
        }
        directions.push(json!({"id": id, "title": {lang.code(): sheet.name}}));
        ctx.cells.findings.push(crate::diagnostic::Diagnostic::new(
            Severity::Warning,
            Code::InferredValue,
            format!("directions[{}]", directions.len() - 1),
            Some(&id),
            format!("sheet `{}` has no direction rows (\"1. …\"); its measures are put in one direction `{id}`", sheet.name),
        ));
    }
    let mut all_orgs = orgs_list;
    all_orgs.extend(orgs.created);
    if !all_orgs.is_empty() {
        top.insert("organizations".into(), Value::Array(all_orgs));
    }
    if !directions.is_empty() {
        top.insert("directions".into(), Value::Array(directions));
    }
    top.insert("measures".into(), Value::Array(measures));
    Ok(())
}

/// The strategy's period from its serde form.
fn whole_period(top: &Map<String, Value>) -> Option<(PeriodRef, PeriodRef)> {
    let p = top.get("strategy")?.get("period")?;
    let s = serde_json::from_value(p.get("start")?.clone()).ok()?;
    let e = serde_json::from_value(p.get("end")?.clone()).ok()?;
    Some((s, e))
}

/// The title rows: checked against the `strategy` sheet, or read for the title, act and period.
fn title(
    ctx: &mut Ctx,
    sheet: &Sheet,
    hr: usize,
    lang: Lang,
    exact: bool,
    top: &mut Map<String, Value>,
) {
    let rows: Vec<(usize, usize, String)> = (0..hr)
        .flat_map(|r| {
            sheet.rows[r]
                .iter()
                .enumerate()
                .filter(|(_, v)| !v.is_empty())
                .map(move |(c, v)| (r, c, v.text()))
        })
        .collect();
    if let Some(strategy) = top.get("strategy").filter(|_| exact) {
        let expected = title_rows(strategy, lang);
        for (r, c, t) in rows {
            if !expected.contains(&t) {
                ctx.unplaced(
                    sheet,
                    r,
                    c,
                    "is a title row that differs from the `strategy` sheet",
                );
            }
        }
        return;
    }
    let mut info = Map::new();
    let mut period = None;
    for (r, c, t) in rows {
        if period.is_none() {
            period = phrases::title_period(&t);
        }
        if phrases::is_act(&t) {
            let (kind, number, date) = phrases::act_parts(&t);
            let mut act = json!({"title": {lang.code(): t}});
            if let Some(k) = kind {
                act["kind"] = json!(k);
            }
            if let Some(n) = number {
                act["number"] = json!(n);
            }
            if let Some(d) = date {
                act["date"] = json!(d);
            }
            ctx.at("strategy.approved_by".into(), &sheet.name, r, c);
            info.insert("approved_by".into(), act);
        } else if !info.contains_key("title") {
            ctx.at("strategy.title".into(), &sheet.name, r, c);
            info.insert("id".into(), json!(super::orgs::slug(&t)));
            info.insert("title".into(), json!({lang.code(): t}));
        } else {
            // a second title line (an annex label, a subtitle) goes with the title's source
            let note = info
                .get("source")
                .and_then(Value::as_str)
                .map_or_else(|| t.clone(), |s| format!("{s}\n{t}"));
            ctx.at("strategy.source".into(), &sheet.name, r, c);
            info.insert("source".into(), json!(note));
        }
    }
    if let Some((s, e)) = period {
        info.insert("period".into(), json!({"start": s, "end": e}));
    }
    if !info.is_empty() {
        top.insert("strategy".into(), Value::Object(info));
    }
}

/// A strategy for a plan whose title rows did not state everything: id and title from the
/// sheet's name, the period from the measures' years (each said in a finding).
fn fallback_strategy(
    ctx: &mut Ctx,
    top: &mut Map<String, Value>,
    measures: &[Value],
    sheet: &Sheet,
) -> Result<()> {
    let mut info = top
        .remove("strategy")
        .and_then(|v| v.as_object().cloned())
        .unwrap_or_default();
    info.entry("id")
        .or_insert_with(|| json!(super::orgs::slug(&sheet.name)));
    info.entry("title")
        .or_insert_with(|| json!({"en": sheet.name}));
    if !info.contains_key("period") {
        let years: Vec<i16> = measures
            .iter()
            .flat_map(|m| ["start", "deadline"].map(|k| m.get(k).cloned()))
            .flatten()
            .filter_map(|v| serde_json::from_value::<PeriodRef>(v).ok())
            .map(|p| p.year_of())
            .collect();
        let (Some(a), Some(b)) = (years.iter().min(), years.iter().max()) else {
            return Err(super::grid::unreadable(
                &sheet.name,
                crate::error::Format::Xlsx,
                "the plan states no period: no title row says \"… 2025-2027-ci illər …\" and no measure has a date"
                    .into(),
            ));
        };
        info.insert(
            "period".into(),
            json!({"start": a.to_string(), "end": b.to_string()}),
        );
        ctx.cells.findings.push(crate::diagnostic::Diagnostic::new(
            Severity::Warning,
            Code::InferredValue,
            "strategy.period".to_owned(),
            None,
            format!("sheet `{}`: no title row states the strategy's period; it is taken from the measures ({a}-{b})", sheet.name),
        ));
    }
    top.insert("strategy".into(), Value::Object(info));
    Ok(())
}

/// A direction heading row: the direction it opens (id, number).
#[allow(clippy::too_many_arguments)]
fn direction_row(
    ctx: &mut Ctx,
    sheet: &Sheet,
    (r, c): (usize, usize),
    text: &str,
    exact: bool,
    lang: Lang,
    directions: &mut Vec<Value>,
    known: usize,
) -> Option<(String, Option<u64>)> {
    let pick = |d: &Value| {
        (
            d.get("id").and_then(Value::as_str).unwrap_or("").to_owned(),
            d.get("number").and_then(Value::as_u64),
        )
    };
    if let Some(d) = directions.iter().find(|d| direction_heading(d) == text) {
        return Some(pick(d));
    }
    if exact {
        ctx.unplaced(
            sheet,
            r,
            c,
            "is a heading row that names no direction of the `directions` sheet",
        );
        return None;
    }
    let (num, title) = numbered(text);
    let hit = directions.iter().enumerate().find(|(_, d)| {
        num.is_some() && d.get("number").and_then(Value::as_u64) == num.map(u64::from)
            || d.get("title")
                .and_then(|t| t.get(lang.code()))
                .and_then(Value::as_str)
                == Some(title.as_str())
    });
    if let Some((j, d)) = hit {
        let j_new = j >= known;
        let out = pick(d);
        if j_new {
            ctx.at(format!("directions[{j}]"), &sheet.name, r, c);
        }
        return Some(out);
    }
    let number = num.unwrap_or(directions.len() as u32 + 1);
    let id = number.to_string();
    let j = directions.len();
    ctx.at(format!("directions[{j}]"), &sheet.name, r, c);
    directions.push(json!({"id": id, "number": number, "title": {lang.code(): title}}));
    Some((id, Some(u64::from(number))))
}

/// Resolve executors' names (field `field` of measure `i`); a near miss is a finding with the
/// known organisation.
fn executors(
    ctx: &mut Ctx,
    sheet: &Sheet,
    at: (usize, usize),
    (i, field): (usize, &str),
    text: &str,
    orgs: &mut Orgs,
) -> Vec<String> {
    let pieces: Vec<&str> = if orgs.exact {
        text.split('\n').collect()
    } else {
        text.split(['\n', ';'])
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .collect()
    };
    pieces
        .into_iter()
        .map(|p| match orgs.resolve(p) {
            Match::Known(id) | Match::New(id) => id,
            Match::Near(t, id) => {
                let msg = format!("unknown organisation `{t}`; did you mean `{id}`?");
                ctx.finding(
                    Severity::Error,
                    Code::UnknownReference,
                    format!("measures[{i}].{field}"),
                    None,
                    &sheet.name,
                    at,
                    msg,
                );
                if let Some(d) = ctx.cells.findings.last_mut() {
                    d.suggestion = Some(id);
                }
                t
            }
        })
        .collect()
}

/// A dependency cell: `3.3; 7.3 SS+90` (an id, then optionally the relation and the lag).
pub(crate) fn dependencies(text: &str) -> Result<Vec<Value>, String> {
    text.split(['\n', ';'])
        .filter(|p| !p.trim().is_empty())
        .map(|p| {
            let mut it = p.split_whitespace();
            let id = it.next().ok_or("an empty dependency")?;
            let rest: String = it.collect::<Vec<_>>().join("");
            if rest.is_empty() {
                return Ok(json!(id));
            }
            let (rel, lag) = match rest
                .get(..2)
                .filter(|r| ["FS", "SS", "FF", "SF"].contains(r))
            {
                Some(r) => (Some(r.to_owned()), &rest[2..]),
                None => (None, rest.as_str()),
            };
            let mut o = json!({"id": id});
            if let Some(r) = rel {
                o["type"] = json!(r);
            }
            let lag = lag.trim_end_matches('d');
            if !lag.is_empty() {
                let n: i32 = lag.parse().map_err(|_| {
                    format!("`{}` is not `id`, `id SS`, `id FS+5` or `id -3`", p.trim())
                })?;
                o["lag_days"] = json!(n);
            }
            Ok(o)
        })
        .collect()
}

/// The text of a dependency list as eculture writes it (the inverse of [`dependencies`]).
pub(crate) fn dependency_text(deps: &[Value]) -> Option<String> {
    let mut parts = Vec::with_capacity(deps.len());
    for d in deps {
        match d {
            Value::String(s) => parts.push(s.clone()),
            Value::Object(o) => {
                let id = o.get("id")?.as_str()?;
                let mut s = id.to_owned();
                if o.contains_key("type") || o.contains_key("lag_days") {
                    s.push(' ');
                }
                if let Some(t) = o.get("type") {
                    s.push_str(t.as_str()?);
                }
                if let Some(l) = o.get("lag_days") {
                    s.push_str(&format!("{:+}", l.as_i64()?));
                }
                parts.push(s);
            }
            _ => return None,
        }
    }
    Some(parts.join("; "))
}

/// One measure row; `None` when it cannot be a measure (a finding says why).
#[allow(clippy::too_many_arguments)]
fn measure_row(
    ctx: &mut Ctx,
    sheet: &Sheet,
    r: usize,
    cols: &[Option<Col>],
    orgs: &mut Orgs,
    whole: Option<(PeriodRef, PeriodRef)>,
    current: Option<&(String, Option<u64>)>,
    has_dir_col: bool,
    exact: bool,
    i: usize,
) -> Option<Value> {
    // made only when a finding needs it
    let path = || format!("measures[{i}]");
    let row = &sheet.rows[r];
    let mut m = Map::new();
    let mut period: Option<(usize, String)> = None;
    let (mut clusters, mut modules) = (Vec::new(), Vec::new());
    let mut first = None;
    let bad = |ctx: &mut Ctx, c: usize, msg: String| {
        ctx.finding(
            Severity::Error,
            Code::UnreadableCell,
            path(),
            None,
            &sheet.name,
            (r, c),
            msg,
        );
    };
    let mut placed = Placed::default();
    for (c, col) in ctx.row_columns(sheet, r, cols, "stands under no heading eculture reads") {
        let v = &row[c];
        first.get_or_insert(c);
        if let Val::Bad(what) = v {
            bad(ctx, c, format!("the cell holds `{what}`, not a value"));
            continue;
        }
        let text = v.as_text();
        let t = || {
            if exact {
                text.to_string()
            } else {
                text.trim().to_owned()
            }
        };
        let key: &'static str = match col {
            Col::Id => {
                let mut id = t();
                if !exact {
                    id = id.trim_end_matches('.').to_owned();
                    if !id.contains('.')
                        && !has_dir_col
                        && let Some((_, Some(n))) = current
                    {
                        id = format!("{n}.{id}");
                    }
                }
                m.insert("id".into(), json!(id));
                "id"
            }
            Col::Title(l) => {
                text_into(&mut m, "title", *l, t());
                "title"
            }
            Col::Result(l) => {
                text_into(&mut m, "expected_result", *l, t());
                "expected_result"
            }
            Col::Main | Col::Others | Col::Executors => {
                let field = if matches!(col, Col::Others) {
                    "other_executors"
                } else {
                    "main_executor"
                };
                let ids = executors(ctx, sheet, (r, c), (i, field), &text, orgs);
                for k in put_executors(&mut m, col, ids) {
                    placed.insert(k, c);
                }
                continue;
            }
            Col::Period => {
                period = Some((c, text.to_string()));
                "start"
            }
            Col::Funding => match phrases::funding(&text) {
                Ok(f) => {
                    m.insert("funding".into(), json!(f));
                    "funding"
                }
                Err(piece) => {
                    bad(
                        ctx,
                        c,
                        format!(
                            "`{piece}` is no funding source eculture knows (state budget, own funds, grant, loan, not required, other)"
                        ),
                    );
                    continue;
                }
            },
            Col::Indicators => {
                let ids: Vec<&str> = text
                    .split(['\n', ';', ','])
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                    .collect();
                m.insert("indicators".into(), json!(ids));
                "indicators"
            }
            Col::Clusters | Col::Modules => {
                let ids: Vec<String> = text
                    .split(['\n', ';', ','])
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                    .map(str::to_owned)
                    .collect();
                if matches!(col, Col::Clusters) {
                    clusters = ids
                } else {
                    modules = ids
                }
                placed.insert("targets", c);
                continue;
            }
            Col::Depends => match dependencies(&text) {
                Ok(d) => {
                    m.insert("depends_on".into(), Value::Array(d));
                    "depends_on"
                }
                Err(e) => {
                    bad(ctx, c, e);
                    continue;
                }
            },
            Col::Field { key, .. } => {
                if let Err(e) = super::table::put(&mut m, col, v) {
                    bad(ctx, c, e);
                }
                ctx.at_measure_field(i, key, &sheet.name, r, c);
                continue;
            }
            Col::Ignore => continue,
        };
        placed.insert(key, c);
    }
    first?;
    if let Some((c, text)) = period {
        placed.insert("deadline", c);
        if !m.contains_key("start") && !m.contains_key("deadline") {
            match phrases::period(&text, whole) {
                Ok(w) => put_window(&mut m, w),
                Err(e) => bad(ctx, c, e),
            }
        }
    }
    if let Err(c) = targets(&mut m, &modules, &clusters, placed.get("targets")) {
        bad(
            ctx,
            c,
            "clusters without a module: give the module column too".into(),
        );
    }
    if let Some((id, _)) = current
        && !m.contains_key("direction")
    {
        m.insert("direction".into(), json!(id));
    }
    m.entry("id").or_insert_with(|| {
        json!(if exact {
            String::new()
        } else {
            format!("{}", i + 1)
        })
    });
    m.entry("direction").or_insert_with(|| json!(""));
    m.entry("title").or_insert_with(|| json!({}));
    for (k, c) in placed.0 {
        ctx.at_measure_field(i, k, &sheet.name, r, c);
    }
    ctx.at_measure(i, &sheet.name, r, first.unwrap_or(0));
    (ctx.quick || fit::<Measure>(ctx, &mut m, &path(), "measure")).then_some(Value::Object(m))
}

/// The fields of a measure set from the columns of its row: field → column (a field set again:
/// the last column).
#[derive(Debug, Default)]
struct Placed(Vec<(&'static str, usize)>);

impl Placed {
    fn insert(&mut self, key: &'static str, c: usize) {
        match self.0.iter_mut().find(|(k, _)| *k == key) {
            Some(e) => e.1 = c,
            None => self.0.push((key, c)),
        }
    }

    fn get(&self, key: &str) -> Option<usize> {
        self.0.iter().find(|(k, _)| *k == key).map(|e| e.1)
    }
}

/// Executors' ids into a measure (the first of an `Executors` column is the main one); the
/// fields set.
fn put_executors(m: &mut Map<String, Value>, col: &Col, ids: Vec<String>) -> Vec<&'static str> {
    let (main, others) = match col {
        Col::Main => (ids, Vec::new()),
        Col::Others => (Vec::new(), ids),
        _ => {
            let mut it = ids.into_iter();
            (it.next().into_iter().collect(), it.collect())
        }
    };
    let mut set = Vec::new();
    match main.as_slice() {
        [] => {}
        [one] => {
            m.insert("main_executor".into(), json!(one));
            set.push("main_executor");
        }
        _ => {
            m.insert("main_executor".into(), json!(main));
            set.push("main_executor");
        }
    }
    if !others.is_empty() {
        m.insert("other_executors".into(), json!(others));
        set.push("other_executors");
    }
    set
}

/// The targets of a measure from its module and cluster columns; `Err(column)` for clusters
/// without a module.
fn targets(
    m: &mut Map<String, Value>,
    modules: &[String],
    clusters: &[String],
    at: Option<usize>,
) -> Result<(), usize> {
    if modules.is_empty() {
        return at.map_or(Ok(()), Err);
    }
    let targets: Vec<Value> = modules
        .iter()
        .map(|md| {
            if clusters.is_empty() {
                json!({"module": md})
            } else {
                json!({"module": md, "clusters": clusters})
            }
        })
        .collect();
    m.insert("targets".into(), Value::Array(targets));
    Ok(())
}

fn text_into(m: &mut Map<String, Value>, key: &str, l: Lang, t: String) {
    let e = m.entry(key.to_owned()).or_insert_with(|| json!({}));
    if let Value::Object(o) = e {
        o.insert(l.code().to_owned(), Value::String(t));
    }
}

fn put_window(m: &mut Map<String, Value>, (s, e): Window) {
    if let Some(s) = s {
        m.insert("start".into(), json!(s));
    }
    if let Some(e) = e {
        m.insert("deadline".into(), json!(e));
    }
}
