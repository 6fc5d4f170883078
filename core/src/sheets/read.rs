//! A workbook into a document: the action-plan sheet (`plan.rs`), the entity sheets eculture
//! writes (one row per entity, `table.rs`), and every other non-empty cell as a finding.

use std::collections::HashMap;

use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

use super::Mapping;
use super::grid::{Sheet, cell_name};
use super::phrases::field_heading;
use crate::diagnostic::{Code, Diagnostic, Severity};
use crate::error::Result;
use crate::locate::{CellAt, RowAt, SheetCells};
use crate::model::Document;

/// Most findings about unplaced cells on one sheet; the rest are counted in one more.
pub const MAX_UNPLACED: usize = 50;

/// What the reading has found so far.
#[derive(Debug, Default)]
pub(crate) struct Ctx {
    pub cells: SheetCells,
    /// The quick reading: rows are not checked one by one (`read` checks the whole document,
    /// and reads again row by row only when it does not read).
    pub quick: bool,
    unplaced: HashMap<String, usize>,
    /// The name of the sheet cells were last placed on, shared by its cells.
    sheet: Option<std::sync::Arc<str>>,
}

impl Ctx {
    /// Place a JSON path on a cell.
    pub(crate) fn at(&mut self, path: String, sheet: &str, row: usize, col: usize) {
        let sheet = self.shared(sheet);
        let (row, col) = (row as u32, col as u32);
        self.cells.at.insert(path, CellAt { sheet, row, col });
    }

    /// The sheet's name, shared by its cells.
    fn shared(&mut self, sheet: &str) -> std::sync::Arc<str> {
        match &self.sheet {
            Some(s) if &**s == sheet => s.clone(),
            _ => self.sheet.insert(std::sync::Arc::from(sheet)).clone(),
        }
    }

    /// The cells of measure `i` (path `measures[i]`), made on first use.
    fn measure(&mut self, i: usize, sheet: &str) -> &mut RowAt {
        let sheet = self.shared(sheet);
        let rows = &mut self.cells.measures;
        if rows.len() <= i {
            rows.resize_with(i + 1, RowAt::default);
        }
        let m = &mut rows[i];
        m.sheet = sheet;
        m
    }

    /// Place measure `i` (path `measures[i]`) on its row's first cell.
    pub(crate) fn at_measure(&mut self, i: usize, sheet: &str, row: usize, col: usize) {
        self.measure(i, sheet).first = Some((row as u32, col as u32));
    }

    /// Place a field of measure `i` (path `measures[i].key`) on its cell.
    pub(crate) fn at_measure_field(
        &mut self,
        i: usize,
        key: &str,
        sheet: &str,
        row: usize,
        col: usize,
    ) {
        self.measure(i, sheet)
            .fields
            .push((key.into(), row as u32, col as u32));
    }

    /// A finding on a cell; the sheet and cell are in its text too.
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn finding(
        &mut self,
        severity: Severity,
        code: Code,
        path: String,
        id: Option<&str>,
        sheet: &str,
        (row, col): (usize, usize),
        message: String,
    ) {
        let cell = cell_name(row, col);
        let mut d = Diagnostic::new(
            severity,
            code,
            path,
            id,
            format!("sheet `{sheet}`, cell {cell}: {message}"),
        );
        d.sheet = Some(sheet.to_owned());
        d.cell = Some(cell);
        self.cells.findings.push(d);
    }

    /// A non-empty cell that lands nowhere (at most [`MAX_UNPLACED`] per sheet, then a count).
    pub(crate) fn unplaced(&mut self, sheet: &Sheet, row: usize, col: usize, why: &str) {
        let n = self.unplaced.entry(sheet.name.clone()).or_default();
        *n += 1;
        if *n > MAX_UNPLACED {
            return;
        }
        let text = sheet.get(row, col).text();
        let shown: String = text.chars().take(200).collect();
        self.finding(
            Severity::Warning,
            Code::UnplacedCell,
            String::new(),
            None,
            &sheet.name,
            (row, col),
            format!("`{shown}` {why}; it is not in the document"),
        );
    }

    fn close(&mut self, sheets: &[Sheet]) {
        for s in sheets {
            if let Some(&n) = self.unplaced.get(&s.name)
                && n > MAX_UNPLACED
            {
                let mut d = Diagnostic::new(
                    Severity::Warning,
                    Code::UnplacedCell,
                    String::new(),
                    None,
                    format!(
                        "sheet `{}`: {} more cells are not in the document (the first {MAX_UNPLACED} are listed)",
                        s.name,
                        n - MAX_UNPLACED
                    ),
                );
                d.sheet = Some(s.name.clone());
                self.cells.findings.push(d);
            }
            if s.cut {
                let mut d = Diagnostic::new(
                    Severity::Error,
                    Code::UnreadableCell,
                    String::new(),
                    None,
                    format!(
                        "sheet `{}` has more than {} cells; the rest was not read",
                        s.name,
                        super::grid::MAX_CELLS
                    ),
                );
                d.sheet = Some(s.name.clone());
                self.cells.findings.push(d);
            }
        }
    }

    /// Every non-empty cell of a sheet nothing reads.
    pub(crate) fn unread_sheet(&mut self, sheet: &Sheet, why: &str) {
        for (r, row) in sheet.rows.iter().enumerate() {
            for (c, v) in row.iter().enumerate() {
                if !v.is_empty() {
                    self.unplaced(sheet, r, c, why);
                }
            }
        }
    }
}

/// Deserialize a row as `T`, dropping (with a finding on its cell) each field that does not
/// read; `None` (with a finding on the row) when the row cannot be one even so.
pub(crate) fn fit<T: DeserializeOwned>(
    ctx: &mut Ctx,
    obj: &mut Map<String, Value>,
    path: &str,
    what: &str,
) -> bool {
    fit_row::<T>(ctx, obj, path, what).is_some()
}

fn fit_row<T: DeserializeOwned>(
    ctx: &mut Ctx,
    obj: &mut Map<String, Value>,
    path: &str,
    what: &str,
) -> Option<()> {
    // the quick reading checks the whole document at once instead (see `read`)
    if ctx.quick {
        return Some(());
    }
    // the fast path: no copy, no path tracking (a row that reads is the usual case)
    let whole = Value::Object(std::mem::take(obj));
    let quick = T::deserialize(&whole);
    let Value::Object(back) = whole else {
        return None;
    };
    *obj = back;
    if quick.is_ok() {
        return Some(());
    }
    for _ in 0..=obj.len() {
        match serde_path_to_error::deserialize::<_, T>(Value::Object(obj.clone())) {
            Ok(_) => return Some(()),
            Err(e) => {
                let key = match e.path().iter().next() {
                    Some(serde_path_to_error::Segment::Map { key }) => Some(key.clone()),
                    _ => None,
                };
                // a number or a boolean typed as text (CSV, a cell formatted as text)
                if let Some(k) = &key
                    && let Some(Value::String(t)) = obj.get(k)
                    && let Some(v) = typed_text(t)
                {
                    obj.insert(k.clone(), v);
                    continue;
                }
                let message = crate::error::humanize(&e.inner().to_string());
                let id = obj.get("id").and_then(Value::as_str).map(str::to_owned);
                let located = key
                    .as_ref()
                    .and_then(|k| ctx.cells.get(&format!("{path}.{k}")));
                let (sheet, cell) = located.or_else(|| ctx.cells.get(path))?.names();
                let mut d = Diagnostic::new(
                    Severity::Error,
                    Code::UnreadableCell,
                    key.as_ref()
                        .map_or_else(|| path.to_owned(), |k| format!("{path}.{k}")),
                    id.as_deref(),
                    format!("sheet `{sheet}`, cell {cell}: {what}: {message}"),
                );
                d.sheet = Some(sheet);
                d.cell = Some(cell);
                ctx.cells.findings.push(d);
                match key {
                    Some(k) if obj.remove(&k).is_some() => {}
                    _ => return None,
                }
            }
        }
    }
    None
}

/// A text that is a number or a boolean, as that value.
fn typed_text(t: &str) -> Option<Value> {
    let t = t.trim();
    if let Ok(i) = t.parse::<i64>() {
        return Some(Value::from(i));
    }
    if let Ok(x) = t.replace(',', ".").parse::<f64>()
        && x.is_finite()
    {
        return serde_json::Number::from_f64(x).map(Value::Number);
    }
    match t.to_lowercase().as_str() {
        "true" | "bəli" | "yes" | "да" => Some(Value::Bool(true)),
        "false" | "xeyr" | "no" | "нет" => Some(Value::Bool(false)),
        _ => None,
    }
}

/// The rows of an entity sheet (row 0 the field headings) as objects, each placed on its cells
/// under `key[i]`.
pub(crate) fn entity_rows(ctx: &mut Ctx, sheet: &Sheet, key: &str) -> Vec<Map<String, Value>> {
    let header = sheet.rows.first().cloned().unwrap_or_default();
    let cols: Vec<Option<super::phrases::Col>> = header
        .iter()
        .map(|h| field_heading(h.text().trim()))
        .collect();
    for (c, h) in header.iter().enumerate() {
        if !h.is_empty() && cols[c].is_none() {
            ctx.unread_column(sheet, c);
        }
    }
    let mut out = Vec::new();
    for (r, row) in sheet.rows.iter().enumerate().skip(1) {
        if row.iter().all(super::grid::Val::is_empty) {
            continue;
        }
        let path = format!("{key}[{}]", out.len());
        let mut obj = Map::new();
        let mut first = None;
        for (c, col) in ctx.row_columns(sheet, r, &cols, "stands under no field heading") {
            let v = sheet.get(r, c);
            first.get_or_insert(c);
            if let super::phrases::Col::Field { key: k, .. } = col {
                ctx.at(format!("{path}.{k}"), &sheet.name, r, c);
            }
            if let Err(m) = super::table::put(&mut obj, col, v) {
                ctx.finding(
                    Severity::Error,
                    Code::UnreadableCell,
                    path.clone(),
                    None,
                    &sheet.name,
                    (r, c),
                    m,
                );
            }
        }
        ctx.at(path, &sheet.name, r, first.unwrap_or(0));
        out.push(obj);
    }
    out
}

impl Ctx {
    /// The non-empty cells of row `r` with their column's meaning; a cell under no heading is
    /// reported (`why`) and left out.
    pub(crate) fn row_columns<'c>(
        &mut self,
        sheet: &Sheet,
        r: usize,
        cols: &'c [Option<super::phrases::Col>],
        why: &str,
    ) -> Vec<(usize, &'c super::phrases::Col)> {
        let row = sheet.rows.get(r).map_or(&[][..], Vec::as_slice);
        let mut out = Vec::with_capacity(row.len());
        for (c, v) in row.iter().enumerate() {
            if v.is_empty() {
                continue;
            }
            match cols.get(c) {
                Some(Some(col)) => out.push((c, col)),
                _ => self.unplaced(sheet, r, c, why),
            }
        }
        out
    }

    fn unread_column(&mut self, sheet: &Sheet, c: usize) {
        for r in 0..sheet.rows.len() {
            if !sheet.get(r, c).is_empty() {
                self.unplaced(sheet, r, c, "stands under a heading eculture does not know");
            }
        }
    }
}

/// The known entity kinds and how a row of each is checked.
fn check_row(ctx: &mut Ctx, key: &str, obj: &mut Map<String, Value>, path: &str) -> bool {
    use crate::model::*;
    match key {
        "organizations" => fit::<Organization>(ctx, obj, path, "organization"),
        "directions" => fit::<Direction>(ctx, obj, path, "direction"),
        "clusters" => fit::<Cluster>(ctx, obj, path, "cluster"),
        "modules" => fit::<Module>(ctx, obj, path, "module"),
        "indicators" => fit::<Indicator>(ctx, obj, path, "indicator"),
        "reports" => fit::<Report>(ctx, obj, path, "report"),
        "evaluations" => fit::<Evaluation>(ctx, obj, path, "evaluation"),
        "measures" => fit::<Measure>(ctx, obj, path, "measure"),
        _ => true,
    }
}

/// Read a workbook's sheets into a document and the cells it came from.
///
/// First quickly: the rows are not checked one by one, and when the whole document reads
/// (the usual case) every row did, so that is the answer. Otherwise the sheets are read again
/// with each row checked, so a field that does not read is dropped with a finding on its cell.
pub(crate) fn read(
    sheets: &mut [Sheet],
    mapping: &Mapping,
    plan_sheet: Option<&str>,
) -> Result<(Document, SheetCells)> {
    if let Ok((top, ctx)) = gather(sheets, mapping, plan_sheet, true)
        && !sheets.iter().any(|s| s.reread)
        && let Some(doc) = quick_document(top)
    {
        return Ok((doc, ctx.cells));
    }
    // a sheet read on a second thread that turned out unreadable is the error, as when every
    // sheet is read first (`grid::read_workbook_in`)
    for s in sheets.iter_mut() {
        s.fill_all()?;
    }
    let (top, mut ctx) = gather(sheets, mapping, plan_sheet, false)?;
    let doc = assemble(&mut ctx, top)?;
    Ok((doc, ctx.cells))
}

/// Measures per run of [`quick_document`]'s threads (fewer: one run).
const MEASURE_RUN: usize = 1_000;

/// The document from its top-level fields when it reads, `None` otherwise. The values are
/// taken (a text moves into the document, each value is freed as it is read), and the
/// measures, most of a large plan, are read in runs on threads (in order, so the document is
/// the same with any number of threads; serial on wasm32).
fn quick_document(mut top: Map<String, Value>) -> Option<Document> {
    use serde::Deserialize as _;
    let mut measures = match top.remove("measures") {
        None => Vec::new(),
        Some(Value::Array(v)) => v,
        Some(_) => return None,
    };
    let n = measures.len();
    let runs = crate::par::run_count(n, MEASURE_RUN);
    let len = n.div_ceil(runs).max(1);
    let mut parts: Vec<std::sync::Mutex<Vec<Value>>> = Vec::with_capacity(runs);
    while measures.len() > len {
        let tail = measures.split_off(measures.len() - len);
        parts.push(std::sync::Mutex::new(tail));
    }
    parts.push(std::sync::Mutex::new(measures));
    parts.reverse();
    let read = |r: std::ops::Range<usize>| -> Option<Vec<crate::model::Measure>> {
        let part = std::mem::take(&mut *parts.get(r.start)?.lock().ok()?);
        part.into_iter()
            .map(|v| crate::model::Measure::deserialize(v).ok())
            .collect()
    };
    let (doc, read) = crate::par::join(
        parts.len() > 1,
        || Document::deserialize(Value::Object(top)).ok(),
        || crate::par::map_runs(parts.len(), parts.len(), read),
    );
    let mut doc = doc?;
    doc.measures = Vec::with_capacity(n);
    for part in read {
        doc.measures.extend(part?);
    }
    Some(doc)
}

/// The document's fields from the sheets, and what the reading found.
fn gather(
    sheets: &mut [Sheet],
    mapping: &Mapping,
    plan_sheet: Option<&str>,
    quick: bool,
) -> Result<(Map<String, Value>, Ctx)> {
    let mut ctx = Ctx {
        quick,
        ..Ctx::default()
    };
    let exact = sheets.iter().any(|s| s.name == "strategy");
    let mut top: Map<String, Value> = Map::new();
    let mut plan_at = None;
    if let Some(name) = plan_sheet {
        plan_at = sheets.iter().position(|s| s.name == name);
        if plan_at.is_none() {
            return Err(super::grid::unreadable(
                "<workbook>",
                crate::error::Format::Xlsx,
                format!(
                    "no sheet `{name}`; the sheets are {}",
                    sheets
                        .iter()
                        .map(|s| format!("`{}`", s.name))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            ));
        }
    }
    if plan_at.is_none() {
        for (i, s) in sheets.iter_mut().enumerate() {
            if exact && is_key(&s.name) {
                continue;
            }
            s.fill(super::plan::HEADER_SEARCH)?;
            if super::plan::header_row(s, mapping).is_some() {
                plan_at = Some(i);
                break;
            }
        }
    }
    // the entity sheets eculture writes
    for (i, s) in sheets.iter_mut().enumerate() {
        if Some(i) == plan_at {
            continue;
        }
        s.fill_all()?;
        let s = &*s;
        if !(exact && is_key(&s.name)) {
            ctx.unread_sheet(
                s,
                if s.hidden {
                    "is on a hidden sheet eculture does not read"
                } else if plan_at.is_none() {
                    "is on a sheet without an action-plan heading row (S/s, Tədbirin adı, …)"
                } else {
                    "is on a sheet eculture does not read"
                },
            );
            continue;
        }
        let mut rows = entity_rows(&mut ctx, s, &s.name);
        match s.name.as_str() {
            "strategy" | "reporting" | "document" => {
                let one = rows.drain(..).next().unwrap_or_default();
                if s.name == "document" {
                    rename_paths(&mut ctx, "document[0].", "");
                    top.extend(one);
                } else {
                    rename_paths(&mut ctx, &format!("{}[0]", s.name), &s.name);
                    top.insert(s.name.clone(), Value::Object(one));
                }
            }
            key => {
                let mut kept = Vec::with_capacity(rows.len());
                for (j, mut obj) in rows.into_iter().enumerate() {
                    let path = format!("{key}[{j}]");
                    if check_row(&mut ctx, key, &mut obj, &path) {
                        kept.push(Value::Object(obj));
                    }
                }
                top.insert(key.to_owned(), Value::Array(kept));
            }
        }
    }
    if let Some(i) = plan_at {
        super::plan::read_plan(&mut ctx, &mut sheets[i], mapping, exact, &mut top)?;
    }
    for s in sheets.iter_mut() {
        s.fill_all()?;
    }
    ctx.close(sheets);
    Ok((top, ctx))
}

/// A sheet name that is a field of the document (`organizations`, `strategy`).
fn is_key(name: &str) -> bool {
    !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

fn rename_paths(ctx: &mut Ctx, from: &str, to: &str) {
    let moved: Vec<(String, CellAt)> = ctx
        .cells
        .at
        .iter()
        .filter(|(k, _)| k.starts_with(from))
        .map(|(k, v)| (format!("{to}{}", &k[from.len()..]), v.clone()))
        .collect();
    ctx.cells.at.retain(|k, _| !k.starts_with(from));
    ctx.cells.at.extend(moved);
}

/// The document from its top-level fields; a field that does not read is dropped with a
/// finding (the strategy cannot be: then the error says why).
fn assemble(ctx: &mut Ctx, mut top: Map<String, Value>) -> Result<Document> {
    // the fast path: the whole document reads, without a copy or path tracking
    let whole = Value::Object(std::mem::take(&mut top));
    if let Ok(doc) = <Document as serde::Deserialize>::deserialize(&whole) {
        return Ok(doc);
    }
    if let Value::Object(back) = whole {
        top = back;
    }
    for _ in 0..=top.len() {
        match crate::io::from_value(Value::Object(top.clone())) {
            Ok(doc) => return Ok(doc),
            Err(e) => {
                let path = match &e {
                    crate::error::Error::Parse(p) => p.path().map(str::to_owned),
                    _ => None,
                };
                let key = path
                    .as_deref()
                    .and_then(|p| p.split(['.', '[']).next())
                    .map(str::to_owned);
                match key {
                    Some(k) if k != "strategy" && top.remove(&k).is_some() => {
                        let mut d = Diagnostic::new(
                            Severity::Error,
                            Code::UnreadableCell,
                            path.unwrap_or_default(),
                            None,
                            format!("sheet `{k}` was not read: {e}"),
                        );
                        d.sheet = Some(k);
                        ctx.cells.findings.push(d);
                    }
                    _ => return Err(e),
                }
            }
        }
    }
    crate::io::from_value(Value::Object(top))
}
