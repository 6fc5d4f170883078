//! A document as a workbook: the action plan in the Decree 1294 layout (title rows, the
//! headings in Azerbaijani, a heading row per direction, one measure per row, then a column
//! per remaining field) and one sheet per other part of the document (`strategy`,
//! `organizations`, `directions`, …), each read back exactly by `read.rs`.

use rust_xlsxwriter::{Format, Workbook, Worksheet};
use serde_json::{Map, Value};

use super::orgs::{Match, Orgs};
use super::phrases::{self, Col, decree_heading};
use super::plan::{dependencies, dependency_text, direction_heading, title_rows};
use super::table::{cells, headings, layouts};
use crate::error::Result;
use crate::model::{Document, Lang};
use crate::period::PeriodRef;
use crate::workbook::{Formats, XCell, col, fail, finish_table, write_cell, write_table};

/// The action-plan sheet's name.
pub const PLAN_SHEET: &str = "Tədbirlər planı";

const WHAT: &str = "action plan (xlsx)";

/// The workbook of a document.
pub(crate) fn write(doc: &Document) -> Result<Vec<u8>> {
    let value = serde_json::to_value(doc)
        .map_err(|e| crate::error::IoError::new("write", WHAT, e.to_string()))?;
    let Value::Object(top) = value else {
        return Err(crate::error::IoError::new("write", WHAT, "not an object").into());
    };
    let f = Formats::default();
    let mut wb = Workbook::new();
    plan_sheet(wb.add_worksheet(), &top, Lang::Az, &f).map_err(fail(WHAT))?;
    let mut loose = Map::new();
    for (k, v) in &top {
        match v {
            Value::Array(a) if k != "measures" && a.iter().all(Value::is_object) => {
                let rows: Vec<&Map<String, Value>> =
                    a.iter().filter_map(Value::as_object).collect();
                entity_sheet(wb.add_worksheet(), k, &rows, &f).map_err(fail(WHAT))?;
            }
            Value::Object(o) => {
                entity_sheet(wb.add_worksheet(), k, &[o], &f).map_err(fail(WHAT))?;
            }
            _ if k != "measures" => {
                loose.insert(k.clone(), v.clone());
            }
            _ => {}
        }
    }
    if !loose.is_empty() {
        entity_sheet(wb.add_worksheet(), "document", &[&loose], &f).map_err(fail(WHAT))?;
    }
    wb.save_to_buffer().map_err(|e| fail(WHAT)(e))
}

fn entity_sheet(
    ws: &mut Worksheet,
    name: &str,
    rows: &[&Map<String, Value>],
    f: &Formats,
) -> std::result::Result<(), rust_xlsxwriter::XlsxError> {
    ws.set_name(name)?;
    let lay = layouts(rows, &[]);
    let heads: Vec<String> = lay.iter().flat_map(|(k, l)| headings(k, l)).collect();
    let body: Vec<Vec<XCell>> = rows
        .iter()
        .map(|r| lay.iter().flat_map(|(k, l)| cells(r.get(k), l)).collect())
        .collect();
    write_table(ws, 0, &heads, &body, f)
}

/// One action-plan column: its heading and each measure's cell.
struct Column {
    heading: String,
    cells: Vec<XCell>,
}

/// The Decree columns that read back exactly for every measure, and the measures' fields left
/// for the field columns.
fn decree_columns(
    ms: &[&Map<String, Value>],
    top: &Map<String, Value>,
    lang: Lang,
) -> (Vec<Column>, Vec<Map<String, Value>>) {
    let orgs_list: Vec<Value> = top
        .get("organizations")
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default();
    let mut orgs = Orgs::new(&orgs_list, true, lang);
    let mut name_of = |id: &str| -> Option<String> {
        let named = orgs_list
            .iter()
            .find(|o| o.get("id").and_then(Value::as_str) == Some(id));
        let name = named
            .and_then(|o| o.get("name"))
            .and_then(|n| {
                [lang.code(), "az", "en", "ru"]
                    .iter()
                    .find_map(|l| n.get(*l).and_then(Value::as_str))
            })
            .map(str::to_owned);
        let pick = name
            .filter(|n| !n.contains('\n') && orgs.resolve(n) == Match::Known(id.to_owned()))
            .unwrap_or_else(|| id.to_owned());
        (!pick.is_empty()
            && !pick.contains('\n')
            && orgs.resolve(&pick) == Match::Known(id.to_owned()))
        .then_some(pick)
    };
    let mut rest: Vec<Map<String, Value>> = ms.iter().map(|m| (*m).clone()).collect();
    let mut out = Vec::new();
    let texts = |k: &str| -> Vec<XCell> {
        rest_col(ms, |m| m.get(k).and_then(Value::as_str).map(str::to_owned))
    };
    // S/s: the id as written
    out.push(Column {
        heading: decree_heading(&Col::Id, lang).into(),
        cells: texts("id"),
    });
    for r in &mut rest {
        r.remove("id");
    }
    // the title and the expected result in `lang`, when every one is a plain text
    for (key, c) in [
        ("title", Col::Title(lang)),
        ("expected_result", Col::Result(lang)),
    ] {
        let ok = ms.iter().all(|m| match m.get(key) {
            None => key == "expected_result",
            Some(Value::Object(o)) => {
                (key == "title" || !o.is_empty())
                    && o.iter().all(|(l, v)| {
                        phrases::lang_of(l).is_some() && v.as_str().is_some_and(|s| !s.is_empty())
                    })
            }
            _ => false,
        });
        if !ok {
            continue;
        }
        let cells = rest_col(ms, |m| {
            m.get(key)?.get(lang.code())?.as_str().map(str::to_owned)
        });
        out.push(Column {
            heading: decree_heading(&c, lang).into(),
            cells,
        });
        for r in &mut rest {
            if let Some(Value::Object(o)) = r.get_mut(key) {
                o.remove(lang.code());
                if o.is_empty() {
                    r.remove(key);
                }
            }
        }
    }
    // executors by name (or id) when each reads back to its organisation
    for (key, c) in [
        ("main_executor", Col::Main),
        ("other_executors", Col::Others),
    ] {
        let mut cells = Vec::with_capacity(ms.len());
        let mut ok = true;
        for m in ms {
            let ids: Vec<&str> = match m.get(key) {
                None => Vec::new(),
                Some(Value::String(s)) if key == "main_executor" => vec![s.as_str()],
                Some(Value::Array(a)) if key == "other_executors" || a.len() >= 2 => {
                    a.iter().filter_map(Value::as_str).collect()
                }
                _ => {
                    ok = false;
                    break;
                }
            };
            let names: Option<Vec<String>> = ids.iter().map(|id| name_of(id)).collect();
            match names {
                Some(n) => cells.push(if n.is_empty() {
                    XCell::Empty
                } else {
                    XCell::Text(n.join("\n"))
                }),
                None => {
                    ok = false;
                    break;
                }
            }
        }
        if ok {
            out.push(Column {
                heading: decree_heading(&c, lang).into(),
                cells,
            });
            for r in &mut rest {
                r.remove(key);
            }
        }
    }
    // the period as a phrase (start and deadline stay in their own columns)
    if ms
        .iter()
        .any(|m| m.contains_key("start") || m.contains_key("deadline"))
    {
        let p = |m: &Map<String, Value>, k: &str| -> Option<PeriodRef> {
            serde_json::from_value(m.get(k)?.clone()).ok()
        };
        let cells = rest_col(ms, |m| {
            let s = phrases::period_phrase(p(m, "start").as_ref(), p(m, "deadline").as_ref(), lang);
            (!s.is_empty()).then_some(s)
        });
        out.push(Column {
            heading: decree_heading(&Col::Period, lang).into(),
            cells,
        });
    }
    lists(ms, &mut rest, &mut out, lang);
    // the Decree 1294 order
    let order = [
        Col::Id,
        Col::Title(lang),
        Col::Main,
        Col::Others,
        Col::Period,
        Col::Funding,
        Col::Result(lang),
        Col::Indicators,
        Col::Depends,
    ];
    let rank = |h: &str| {
        order
            .iter()
            .position(|c| decree_heading(c, lang) == h)
            .unwrap_or(order.len())
    };
    out.sort_by_key(|c| rank(&c.heading));
    (out, rest)
}

/// Funding, indicators and dependencies as text, when each reads back exactly.
fn lists(
    ms: &[&Map<String, Value>],
    rest: &mut [Map<String, Value>],
    out: &mut Vec<Column>,
    lang: Lang,
) {
    type Render = fn(&Value, Lang) -> Option<String>;
    let funding: Render = |v, lang| {
        let codes: Vec<crate::model::FundingSource> = serde_json::from_value(v.clone()).ok()?;
        let text = codes
            .iter()
            .map(|c| phrases::funding_phrase(*c, lang))
            .collect::<Vec<_>>()
            .join("\n");
        (phrases::funding(&text).ok()? == codes).then_some(text)
    };
    let indicators: Render = |v, _| {
        let ids: Vec<&str> = v
            .as_array()?
            .iter()
            .map(Value::as_str)
            .collect::<Option<_>>()?;
        let ok = ids
            .iter()
            .all(|i| !i.is_empty() && i.trim() == *i && !i.contains(['\n', ';', ',']));
        ok.then(|| ids.join("\n"))
    };
    let depends: Render = |v, _| {
        let a = v.as_array()?;
        let text = dependency_text(a)?;
        (dependencies(&text).ok()? == *a).then_some(text)
    };
    for (key, c, render) in [
        ("funding", Col::Funding, funding),
        ("indicators", Col::Indicators, indicators),
        ("depends_on", Col::Depends, depends),
    ] {
        if !ms.iter().any(|m| m.contains_key(key)) {
            continue;
        }
        let cells: Option<Vec<XCell>> = ms
            .iter()
            .map(|m| match m.get(key) {
                None => Some(XCell::Empty),
                Some(v) => render(v, lang).filter(|s| !s.is_empty()).map(XCell::Text),
            })
            .collect();
        if let Some(cells) = cells {
            out.push(Column {
                heading: decree_heading(&c, lang).into(),
                cells,
            });
            for r in rest.iter_mut() {
                r.remove(key);
            }
        }
    }
}

fn rest_col(
    ms: &[&Map<String, Value>],
    f: impl Fn(&Map<String, Value>) -> Option<String>,
) -> Vec<XCell> {
    ms.iter()
        .map(|m| f(m).map_or(XCell::Empty, XCell::Text))
        .collect()
}

fn plan_sheet(
    ws: &mut Worksheet,
    top: &Map<String, Value>,
    lang: Lang,
    f: &Formats,
) -> std::result::Result<(), rust_xlsxwriter::XlsxError> {
    ws.set_name(PLAN_SHEET)?;
    let ms: Vec<&Map<String, Value>> = top
        .get("measures")
        .and_then(Value::as_array)
        .map(|a| a.iter().filter_map(Value::as_object).collect())
        .unwrap_or_default();
    let (mut columns, rest) = decree_columns(&ms, top, lang);
    let rest_refs: Vec<&Map<String, Value>> = rest.iter().collect();
    let mut lay = layouts(&rest_refs, &[]);
    // `direction` first among the field columns
    lay.sort_by_key(|(k, _)| {
        ["direction", "start", "deadline"]
            .iter()
            .position(|x| x == k)
            .unwrap_or(3)
    });
    for (k, l) in &lay {
        let heads = headings(k, l);
        let mut per: Vec<Vec<XCell>> = vec![Vec::with_capacity(ms.len()); heads.len()];
        for r in &rest {
            for (j, c) in cells(r.get(k), l).into_iter().enumerate() {
                per[j].push(c);
            }
        }
        for (h, cells) in heads.into_iter().zip(per) {
            columns.push(Column { heading: h, cells });
        }
    }
    let title = top
        .get("strategy")
        .map(|s| title_rows(s, lang))
        .unwrap_or_default();
    let bold = Format::new().set_bold();
    for (r, t) in title.iter().enumerate() {
        ws.write_string_with_format(r as u32, 0, t, &bold)?;
    }
    let hr = title.len() as u32;
    let mut widths: Vec<usize> = columns
        .iter()
        .map(|c| c.heading.chars().count() + 3)
        .collect();
    for (c, column) in columns.iter().enumerate() {
        ws.write_string_with_format(hr, col(c), &column.heading, &f.bold)?;
    }
    let dirs: Vec<&Value> = top
        .get("directions")
        .and_then(Value::as_array)
        .map(|a| a.iter().collect())
        .unwrap_or_default();
    let mut row = hr + 1;
    let mut last: Option<&str> = None;
    for (i, m) in ms.iter().enumerate() {
        let dir = m.get("direction").and_then(Value::as_str);
        if dir != last {
            last = dir;
            let d = dirs
                .iter()
                .find(|d| d.get("id").and_then(Value::as_str) == dir);
            if let Some(text) = d.map(|d| direction_heading(d))
                && text.chars().filter(|c| c.is_alphabetic()).count() >= 3
            {
                if columns.len() > 1 {
                    ws.merge_range(row, 0, row, col(columns.len() - 1), &text, &f.bold)?;
                } else {
                    ws.write_string_with_format(row, 0, &text, &f.bold)?;
                }
                row += 1;
            }
        }
        for (c, column) in columns.iter().enumerate() {
            let cell = &column.cells[i];
            write_cell(ws, row, col(c), cell, f)?;
            widths[c] = widths[c].max(match cell {
                XCell::Text(s) => s.lines().map(|l| l.chars().count()).max().unwrap_or(0),
                XCell::Empty => 0,
                _ => 10,
            });
        }
        row += 1;
    }
    finish_table(ws, hr, row - hr - 1, &widths)
}
