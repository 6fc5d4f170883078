//! A workbook read into plain cells: XLSX, XLSM, XLSB, XLS and ODS through calamine (by
//! content, never running a macro), CSV through the csv crate. Formulas are read by the value
//! the file cached; dates as days.

use std::io::Cursor;

use calamine::{Data, Reader, SheetVisible, Sheets};

use crate::error::{Error, Format, ParseError, Result};

/// Largest workbook accepted, in bytes (the same 1 GiB as a document); calamine also caps
/// what a zip entry may expand to.
pub(crate) const MAX_WORKBOOK_BYTES: usize = crate::io::MAX_DOCUMENT_BYTES;

/// Most cells read from one sheet (a full 1,048,576-row sheet of 16 columns); beyond it the
/// sheet is cut and a finding says so.
/// (public as `sheets::MAX_CELLS`)
pub const MAX_CELLS: usize = 1 << 24;

/// A sheet's rows and columns (XLSX's 1,048,576 × 16,384); a cell placed past them cuts the
/// sheet.
const MAX_ROWS: u32 = 1 << 20;
const MAX_COLUMNS: u32 = 1 << 14;

/// One cell's value.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Val {
    Empty,
    Text(String),
    Num(f64),
    Bool(bool),
    Date(jiff::civil::Date),
    /// A cell error (`#REF!`) or a value eculture cannot read (a duration).
    Bad(String),
}

impl Val {
    pub(crate) fn is_empty(&self) -> bool {
        match self {
            Val::Empty => true,
            Val::Text(s) => s.trim().is_empty(),
            _ => false,
        }
    }

    /// The cell as text, borrowed when it is one ([`Val::text`]).
    pub(crate) fn as_text(&self) -> std::borrow::Cow<'_, str> {
        match self {
            Val::Text(s) => std::borrow::Cow::Borrowed(s),
            _ => std::borrow::Cow::Owned(self.text()),
        }
    }

    /// The cell as text: numbers in their shortest form (`1.1`, `2025`), dates ISO.
    pub(crate) fn text(&self) -> String {
        match self {
            Val::Empty => String::new(),
            Val::Text(s) => s.clone(),
            Val::Num(x) => num_text(*x),
            Val::Bool(b) => b.to_string(),
            Val::Date(d) => d.to_string(),
            Val::Bad(s) => s.clone(),
        }
    }
}

/// A number as a person wrote it: `2025`, `1.1`.
pub(crate) fn num_text(x: f64) -> String {
    if x.fract() == 0.0 && x.abs() < 1e15 {
        format!("{x:.0}")
    } else {
        format!("{x}")
    }
}

/// One sheet: its name, whether it is hidden, its rows from row 0 and column 0.
#[derive(Debug, Default)]
pub(crate) struct Sheet {
    pub name: String,
    pub hidden: bool,
    pub rows: Vec<Vec<Val>>,
    /// The sheet had more cells than [`MAX_CELLS`].
    pub cut: bool,
    /// Rows still being read on another thread (a large workbook's first XLSX sheet, on
    /// native targets), taken as they come by [`Sheet::fill`]: `rows` holds those taken.
    feed: Option<std::sync::mpsc::Receiver<Chunk>>,
    /// The rows were read again from the start after some had been taken (cells out of row
    /// order), so what was made of the first rows taken may be out of date.
    pub reread: bool,
    /// Why the sheet could not be read, once the thread reading it said so (every later
    /// [`Sheet::fill`] says it again).
    failed: Option<crate::error::Error>,
}

/// What the thread reading a sheet sends: rows in order, or every row again, then the end.
#[derive(Debug)]
pub(crate) enum Chunk {
    /// The next rows.
    Rows(Vec<Vec<Val>>),
    /// Every row, in place of those sent before.
    Again(Vec<Vec<Val>>),
    /// The end: whether the sheet was cut, or why it could not be read.
    Done(Result<bool>),
}

impl Sheet {
    /// Take rows from the thread reading the sheet until there are `upto` or all of them (the
    /// number of rows then); the error is the sheet's when it cannot be read.
    pub(crate) fn fill(&mut self, upto: usize) -> Result<usize> {
        if let Some(e) = &self.failed {
            return Err(e.clone());
        }
        while self.rows.len() < upto
            && let Some(feed) = &self.feed
        {
            let chunk = feed.recv();
            match chunk {
                Ok(Chunk::Rows(rows)) => self.rows.extend(rows),
                Ok(Chunk::Again(rows)) => {
                    self.rows = rows;
                    self.reread = true;
                }
                Ok(Chunk::Done(done)) => {
                    self.feed = None;
                    while self.rows.last().is_some_and(Vec::is_empty) {
                        self.rows.pop();
                    }
                    match done {
                        Ok(cut) => self.cut = cut,
                        Err(e) => return Err(self.failed.insert(e).clone()),
                    }
                }
                Err(_) => {
                    self.feed = None;
                    let e = unreadable(
                        "<workbook>",
                        Format::Xlsx,
                        format!("sheet `{}` cannot be read: its reader stopped", self.name),
                    );
                    return Err(self.failed.insert(e).clone());
                }
            }
        }
        Ok(self.rows.len())
    }

    /// Every row (see [`Sheet::fill`]).
    pub(crate) fn fill_all(&mut self) -> Result<()> {
        self.fill(usize::MAX).map(|_| ())
    }

    pub(crate) fn get(&self, r: usize, c: usize) -> &Val {
        self.rows
            .get(r)
            .and_then(|row| row.get(c))
            .unwrap_or(&Val::Empty)
    }
}

pub(crate) use crate::locate::cell_name;

/// A 0-based column of a letter name (`E` → 4), for mappings by column.
pub(crate) fn column_of(letters: &str) -> Option<usize> {
    if letters.is_empty() || letters.len() > 3 || !letters.chars().all(|c| c.is_ascii_uppercase()) {
        return None;
    }
    Some(
        letters
            .bytes()
            .fold(0usize, |n, b| n * 26 + usize::from(b - b'A' + 1))
            - 1,
    )
}

pub(crate) fn unreadable(source: &str, format: Format, message: String) -> Error {
    Error::Parse(ParseError {
        format,
        source_name: source.to_owned(),
        line: None,
        column: None,
        path: None,
        message,
    })
}

/// Days since 1899-12-30 (Excel's day 0 in the 1900 system) as a civil date.
fn excel_day(serial: f64) -> Option<jiff::civil::Date> {
    if !serial.is_finite() || !(1.0..3_000_000.0).contains(&serial) {
        return None;
    }
    let base = jiff::civil::date(1899, 12, 30);
    base.checked_add(jiff::Span::new().days(serial.floor() as i64))
        .ok()
}

/// A cell's value (taken, so that a text is not copied again).
fn val(d: Data) -> Val {
    match d {
        Data::Empty => Val::Empty,
        Data::String(s) => Val::Text(s),
        Data::Int(i) => Val::Num(i as f64),
        Data::Float(x) => Val::Num(x),
        Data::Bool(b) => Val::Bool(b),
        Data::DateTime(dt) => match excel_day(dt.as_f64()) {
            Some(d) if !dt.is_duration() => Val::Date(d),
            _ => Val::Bad(format!("{}", dt.as_f64())),
        },
        Data::DateTimeIso(s) => match s
            .get(..10)
            .and_then(|d| d.parse::<jiff::civil::Date>().ok())
        {
            Some(d) => Val::Date(d),
            None => Val::Text(s),
        },
        Data::DurationIso(s) => Val::Bad(s),
        Data::Error(e) => Val::Bad(format!("#{e:?}")),
    }
}

/// Read a workbook (XLSX, XLSM, XLSB, XLS or ODS, by content).
///
/// XLSX and XLSB sheets are read cell by cell (calamine's cell readers) into rows eculture
/// bounds itself: a cell past the sheet's last row or column, or past [`MAX_CELLS`] cells of
/// rows, cuts the sheet with a finding. Reading them into calamine's `Range` would first
/// allocate the rectangle between the first and the last cell: two cells at `A1` and
/// `XFD1048576` would ask for 550 GB. XLS (at most 65,536 × 256 cells) and ODS sheets are read
/// through the `Range`.
pub(crate) fn read_workbook(bytes: &[u8], source: &str) -> Result<Vec<Sheet>> {
    check(bytes, source)?;
    sheets_of(bytes, source, None)
}

/// A workbook's size and, when zipped, its central directory ([`super::zipguard`]): checked
/// before anything opens it.
pub(crate) fn check(bytes: &[u8], source: &str) -> Result<()> {
    if bytes.len() > MAX_WORKBOOK_BYTES {
        return Err(unreadable(
            source,
            Format::Xlsx,
            format!(
                "the workbook is {} bytes; the limit is {MAX_WORKBOOK_BYTES}",
                bytes.len()
            ),
        ));
    }
    super::zipguard::check(bytes, source)
}

/// Workbooks from this size on have their first XLSX sheet read on a second thread
/// ([`feed_first_sheet`]) while the rows it gave are being made into a document.
pub(crate) const FEED_BYTES: usize = 128 << 10;

/// Rows sent at a time by the thread reading a sheet.
const FEED_ROWS: usize = 256;

/// The sheets of a [`check`]ed workbook. With `feed`, the receiving end of
/// [`feed_first_sheet`] reading the same bytes, the first sheet of an XLSX workbook takes its
/// rows from there as they come ([`Sheet::fill`]). A sheet that cannot be read is the error as
/// when the sheets are read one after the other: the first such sheet's.
pub(crate) fn sheets_of(
    bytes: &[u8],
    source: &str,
    mut feed: Option<std::sync::mpsc::Receiver<Chunk>>,
) -> Result<Vec<Sheet>> {
    let mut wb = calamine::open_workbook_auto_from_rs(Cursor::new(bytes)).map_err(|e| {
        unreadable(
            source,
            Format::Xlsx,
            format!("not a workbook eculture can read: {e}"),
        )
    })?;
    let meta: Vec<(String, bool)> = wb
        .sheets_metadata()
        .iter()
        .map(|s| (s.name.clone(), s.visible != SheetVisible::Visible))
        .collect();
    let mut out: Vec<Sheet> = Vec::with_capacity(meta.len());
    if !matches!(wb, Sheets::Xlsx(_)) {
        // the other thread's reading is dropped unseen
        feed = None;
    }
    for (name, hidden) in meta {
        if let Some(rx) = feed.take() {
            out.push(Sheet {
                name,
                hidden,
                feed: Some(rx),
                ..Sheet::default()
            });
            continue;
        }
        let cannot = |e: &dyn std::fmt::Display| {
            unreadable(
                source,
                Format::Xlsx,
                format!("sheet `{name}` cannot be read: {e}"),
            )
        };
        let mut rows = Rows::default();
        let read = match &mut wb {
            Sheets::Xlsx(x) => stream_xlsx(x, &name, &mut rows).map_err(|e| cannot(&e)),
            Sheets::Xlsb(x) => stream_xlsb(x, &name, &mut rows).map_err(|e| cannot(&e)),
            _ => ranged(&mut wb, &name, &mut rows).map_err(|e| cannot(&e)),
        };
        if let Err(e) = read {
            // the first sheet's own error comes first
            for s in &mut out {
                s.fill_all()?;
            }
            return Err(e);
        }
        let mut sheet = Sheet {
            name,
            hidden,
            rows: rows.rows,
            cut: rows.cut,
            ..Sheet::default()
        };
        while sheet.rows.last().is_some_and(Vec::is_empty) {
            sheet.rows.pop();
        }
        out.push(sheet);
    }
    Ok(out)
}

/// Read the first sheet of a [`check`]ed XLSX workbook (a reader of its own) into `tx`, for
/// [`sheets_of`] on another thread. A workbook that is no XLSX or has no sheet sends nothing
/// (the receiving side reads the workbook too, and then leaves the receiver unused).
pub(crate) fn feed_first_sheet(bytes: &[u8], source: &str, tx: std::sync::mpsc::Sender<Chunk>) {
    let Ok(mut x) = calamine::Xlsx::new(Cursor::new(bytes)) else {
        return;
    };
    let Some(name) = x.sheet_names().first().cloned() else {
        return;
    };
    let done = feed_xlsx(&mut x, &name, &tx).map_err(|e| {
        unreadable(
            source,
            Format::Xlsx,
            format!("sheet `{name}` cannot be read: {e}"),
        )
    });
    let _ = tx.send(Chunk::Done(done));
}

/// An XLSX sheet as [`stream_xlsx`] reads it, the rows sent [`FEED_ROWS`] at a time once a
/// cell of a later row shows they are complete. A cell of a row already sent (cells out of
/// row order) has the sheet read again from the start and sent whole. Whether it was cut.
fn feed_xlsx<RS: std::io::Read + std::io::Seek>(
    x: &mut calamine::Xlsx<RS>,
    name: &str,
    tx: &std::sync::mpsc::Sender<Chunk>,
) -> std::result::Result<bool, calamine::XlsxError> {
    let mut rows = Rows::default();
    let mut sent = 0usize;
    let mut again = false;
    {
        let mut cells = x.worksheet_cells_reader(name)?;
        while let Some(cell) = cells.next_cell_with_formula()? {
            let (r, c) = cell.pos;
            if (r as usize) < sent {
                again = true;
                break;
            }
            rows.cell(r, c, val(Data::from(cell.value)), cell.formula);
            if rows.cut {
                break;
            }
            let done = (r as usize).min(rows.rows.len());
            if done >= sent + FEED_ROWS {
                if tx.send(Chunk::Rows(rows.take(sent..done))).is_err() {
                    return Ok(rows.cut);
                }
                sent = done;
            }
        }
    }
    if again {
        let mut all = Rows::default();
        stream_xlsx(x, name, &mut all)?;
        let _ = tx.send(Chunk::Again(all.rows));
        return Ok(all.cut);
    }
    let end = rows.rows.len();
    let _ = tx.send(Chunk::Rows(rows.take(sent..end)));
    Ok(rows.cut)
}

/// Rows of cells filled in any order, bounded: a cell past calamine's last row or column, or
/// one that would take the rows past [`MAX_CELLS`] cells, is not placed and cuts the sheet.
#[derive(Debug, Default)]
struct Rows {
    rows: Vec<Vec<Val>>,
    cells: usize,
    cut: bool,
}

impl Rows {
    /// Place a value; `formula` is a formula without a cached value, which only fills an
    /// empty cell (a cached value wins).
    fn put(&mut self, r: u32, c: u32, v: Val) {
        if r >= MAX_ROWS || c >= MAX_COLUMNS {
            self.cut = true;
            return;
        }
        let (r, c) = (r as usize, c as usize);
        let grow = (r + 1).saturating_sub(self.rows.len())
            + self
                .rows
                .get(r)
                .map_or(c + 1, |row| (c + 1).saturating_sub(row.len()));
        if self.cells + grow > MAX_CELLS {
            self.cut = true;
            return;
        }
        self.cells += grow;
        if self.rows.len() <= r {
            self.rows.resize(r + 1, Vec::new());
        }
        let row = &mut self.rows[r];
        if row.len() <= c {
            row.resize(c + 1, Val::Empty);
        }
        row[c] = v;
    }

    /// One cell as an XLSX sheet gives it: its cached value, else its formula (a finding);
    /// an empty cell without a formula is nothing.
    fn cell(&mut self, r: u32, c: u32, v: Val, formula: Option<String>) {
        match formula {
            Some(f) if v.is_empty() => self.formula(r, c, &f),
            _ if !v.is_empty() => self.put(r, c, v),
            _ => {}
        }
    }

    /// A formula without a cached value: a cell eculture cannot read (never recalculated,
    /// never silently empty), unless the cell holds a value.
    fn formula(&mut self, r: u32, c: u32, f: &str) {
        let filled = self
            .rows
            .get(r as usize)
            .and_then(|row| row.get(c as usize))
            .is_some_and(|v| !v.is_empty());
        if !f.is_empty() && !filled {
            self.put(
                r,
                c,
                Val::Bad(format!("={f} (a formula with no cached value)")),
            );
        }
    }

    /// Rows `range`, complete: taken (their places left empty) with their trailing empty
    /// cells dropped, as [`Rows::trim`] would.
    fn take(&mut self, range: std::ops::Range<usize>) -> Vec<Vec<Val>> {
        let mut out = Vec::with_capacity(range.len());
        for row in &mut self.rows[range] {
            let mut row = std::mem::take(row);
            while row.last().is_some_and(Val::is_empty) {
                row.pop();
            }
            out.push(row);
        }
        out
    }

    /// Drop trailing empty cells of every row.
    fn trim(&mut self) {
        for row in &mut self.rows {
            while row.last().is_some_and(Val::is_empty) {
                row.pop();
            }
        }
    }
}

/// An XLSX sheet, cell by cell: each cell's cached value, or its formula when none is cached.
fn stream_xlsx<RS: std::io::Read + std::io::Seek>(
    x: &mut calamine::Xlsx<RS>,
    name: &str,
    rows: &mut Rows,
) -> std::result::Result<(), calamine::XlsxError> {
    let mut cells = x.worksheet_cells_reader(name)?;
    while let Some(cell) = cells.next_cell_with_formula()? {
        let (r, c) = cell.pos;
        rows.cell(r, c, val(Data::from(cell.value)), cell.formula);
        if rows.cut {
            break;
        }
    }
    rows.trim();
    Ok(())
}

/// An XLSB sheet, cell by cell, then its formulas without a cached value.
fn stream_xlsb<RS: std::io::Read + std::io::Seek>(
    x: &mut calamine::Xlsb<RS>,
    name: &str,
    rows: &mut Rows,
) -> std::result::Result<(), calamine::XlsbError> {
    {
        let mut cells = x.worksheet_cells_reader(name)?;
        while let Some(cell) = cells.next_cell()? {
            let (r, c) = cell.get_position();
            let v = val(Data::from(cell.get_value().clone()));
            if !v.is_empty() {
                rows.put(r, c, v);
            }
            if rows.cut {
                break;
            }
        }
    }
    if !rows.cut {
        let mut cells = x.worksheet_cells_reader(name)?;
        while let Some(cell) = cells.next_formula()? {
            let (r, c) = cell.get_position();
            rows.formula(r, c, cell.get_value());
            if rows.cut {
                break;
            }
        }
    }
    rows.trim();
    Ok(())
}

/// An XLS or ODS sheet through calamine's `Range` (XLS is at most 65,536 × 256 cells).
fn ranged<RS: std::io::Read + std::io::Seek>(
    wb: &mut Sheets<RS>,
    name: &str,
    rows: &mut Rows,
) -> std::result::Result<(), calamine::Error> {
    let range = wb.worksheet_range(name)?;
    for (r, c, d) in range.used_cells() {
        let (r0, c0) = range.start().unwrap_or((0, 0));
        let v = val(d.clone());
        if !v.is_empty() {
            rows.put(r0 + r as u32, c0 + c as u32, v);
        }
    }
    if let Ok(formulas) = wb.worksheet_formula(name) {
        let (f0, g0) = formulas.start().unwrap_or((0, 0));
        for (r, c, f) in formulas.used_cells() {
            rows.formula(f0 + r as u32, g0 + c as u32, f);
        }
    }
    rows.trim();
    Ok(())
}

/// Read a CSV file (UTF-8, comma, semicolon or tab separated: the separator of the header
/// line) as one sheet named `name`.
pub(crate) fn read_csv(bytes: &[u8], name: &str) -> Result<Vec<Sheet>> {
    if bytes.len() > MAX_WORKBOOK_BYTES {
        return Err(unreadable(
            name,
            Format::Csv,
            format!(
                "the file is {} bytes; the limit is {MAX_WORKBOOK_BYTES}",
                bytes.len()
            ),
        ));
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    // the separator of the first lines (a title line may have none)
    let head: Vec<&[u8]> = bytes.split(|b| *b == b'\n').take(8).collect();
    let count = |c: u8| {
        head.iter()
            .map(|l| l.iter().filter(|b| **b == c).count())
            .max()
            .unwrap_or(0)
    };
    let sep = [b',', b';', b'\t']
        .into_iter()
        .max_by_key(|c| count(*c))
        .unwrap_or(b',');
    let mut rd = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(sep)
        .from_reader(bytes);
    let mut sheet = Sheet {
        name: "csv".into(),
        ..Sheet::default()
    };
    let mut cells = 0usize;
    for (i, rec) in rd.records().enumerate() {
        let rec = rec.map_err(|e| unreadable(name, Format::Csv, format!("line {}: {e}", i + 1)))?;
        cells = cells.saturating_add(rec.len());
        if cells > MAX_CELLS {
            sheet.cut = true;
            break;
        }
        let mut vals: Vec<Val> = rec
            .iter()
            .map(|s| {
                if s.trim().is_empty() {
                    Val::Empty
                } else {
                    Val::Text(s.to_owned())
                }
            })
            .collect();
        while vals.last().is_some_and(Val::is_empty) {
            vals.pop();
        }
        sheet.rows.push(vals);
    }
    Ok(vec![sheet])
}
