//! Writing XLSX tables the way every workbook eculture writes them (the action plan, the
//! entity sheets, the annual monitoring report): numbers as numbers, shares as numbers with a
//! percent format, dates as date cells, text always as text (never a formula), a bold header
//! row frozen in place with an autofilter over the table, and column widths fitted to the text
//! (at most [`MAX_WIDTH`] characters). A leaf on top of rust_xlsxwriter (feature `xlsx`).

use rust_xlsxwriter::{ExcelDateTime, Format, Worksheet, XlsxError};

/// The widest column, in characters; longer text wraps in the cell's width as Excel shows it.
pub(crate) const MAX_WIDTH: usize = 60;

/// One cell to write.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum XCell {
    /// Text, written as a string cell (a leading `=` stays text).
    Text(String),
    /// A number.
    Number(f64),
    /// A share (0.96 is 96 %), written as a number with the format `0.0%`.
    Percent(f64),
    /// A day, written as a date cell with the format `yyyy-mm-dd`.
    Date(jiff::civil::Date),
    /// A boolean.
    Bool(bool),
    /// Nothing.
    Empty,
}

impl XCell {
    /// The characters the cell shows (for the column width).
    fn width(&self) -> usize {
        match self {
            XCell::Text(s) => s.lines().map(|l| l.chars().count()).max().unwrap_or(0),
            XCell::Number(x) => format!("{x}").len(),
            XCell::Percent(_) => 7,
            XCell::Date(_) => 10,
            XCell::Bool(_) => 5,
            XCell::Empty => 0,
        }
    }
}

/// The formats a table uses.
#[derive(Debug)]
pub(crate) struct Formats {
    /// The header row.
    pub bold: Format,
    /// Dates.
    pub date: Format,
    /// Shares.
    pub percent: Format,
}

impl Default for Formats {
    fn default() -> Self {
        Formats {
            bold: Format::new().set_bold(),
            date: Format::new().set_num_format("yyyy-mm-dd"),
            percent: Format::new().set_num_format("0.0%"),
        }
    }
}

/// Write one cell with its type and format.
pub(crate) fn write_cell(
    ws: &mut Worksheet,
    row: u32,
    col: u16,
    cell: &XCell,
    f: &Formats,
) -> Result<(), XlsxError> {
    match cell {
        XCell::Text(s) if !s.is_empty() => {
            ws.write_string(row, col, s)?;
        }
        XCell::Number(x) if x.is_finite() => {
            ws.write_number(row, col, *x)?;
        }
        XCell::Percent(x) if x.is_finite() => {
            ws.write_number_with_format(row, col, *x, &f.percent)?;
        }
        XCell::Date(d) => {
            let dt = ExcelDateTime::from_ymd(
                u16::try_from(d.year()).unwrap_or(1900),
                d.month() as u8,
                d.day() as u8,
            )?;
            ws.write_datetime_with_format(row, col, &dt, &f.date)?;
        }
        XCell::Bool(b) => {
            ws.write_boolean(row, col, *b)?;
        }
        _ => {}
    }
    Ok(())
}

/// Write a table: the bold header at `header_row`, frozen, the rows under it, an autofilter over
/// the whole table and fitted column widths. `extra_widths` holds the widths of cells written
/// above the header that should count (none usually).
pub(crate) fn write_table(
    ws: &mut Worksheet,
    header_row: u32,
    headers: &[String],
    rows: &[Vec<XCell>],
    f: &Formats,
) -> Result<(), XlsxError> {
    let mut widths: Vec<usize> = headers.iter().map(|h| h.chars().count() + 3).collect();
    for (c, h) in headers.iter().enumerate() {
        ws.write_string_with_format(header_row, col(c), h, &f.bold)?;
    }
    for (r, row) in rows.iter().enumerate() {
        let r = header_row + 1 + r as u32;
        for (c, cell) in row.iter().enumerate() {
            write_cell(ws, r, col(c), cell, f)?;
            if c < widths.len() {
                widths[c] = widths[c].max(cell.width());
            }
        }
    }
    finish_table(ws, header_row, rows.len() as u32, &widths)
}

/// Freeze the header, put an autofilter over the table and set the widths.
pub(crate) fn finish_table(
    ws: &mut Worksheet,
    header_row: u32,
    row_count: u32,
    widths: &[usize],
) -> Result<(), XlsxError> {
    if widths.is_empty() {
        return Ok(());
    }
    ws.set_freeze_panes(header_row + 1, 0)?;
    ws.autofilter(
        header_row,
        0,
        header_row + row_count.max(1),
        col(widths.len() - 1),
    )?;
    for (c, w) in widths.iter().enumerate() {
        ws.set_column_width(col(c), (*w).clamp(6, MAX_WIDTH) as f64 + 1.0)?;
    }
    Ok(())
}

/// A column number (the table writers stay far below Excel's 16,384 columns).
pub(crate) fn col(c: usize) -> u16 {
    u16::try_from(c).unwrap_or(u16::MAX)
}

/// The workbook error as eculture's I/O error, naming what was being written.
pub(crate) fn fail(what: &str) -> impl Fn(XlsxError) -> crate::error::Error + '_ {
    move |e| crate::error::IoError::new("write", what, e.to_string()).into()
}
