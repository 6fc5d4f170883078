//! Action plans in the forms they travel in: spreadsheets (feature `xlsx`). A workbook (XLSX,
//! XLSM, XLSB, XLS or ODS, read by calamine) or a CSV file becomes a document
//! ([`crate::Strategy::from_xlsx`]), and a document becomes a workbook
//! ([`crate::Strategy::to_xlsx`]) that reads back
//! equal. `docs/spreadsheets.md` describes the layout, the headings recognised in
//! Azerbaijani, English and Russian, the period phrases and the mapping.
//!
//! Nothing is dropped silently: every non-empty cell lands in the document or is a finding
//! (`unreadable_cell`, `unplaced_cell`, `unknown_reference`) with the sheet and the cell
//! (`E17`), and validation's diagnostics are placed on the cells their values came from.

use std::collections::BTreeMap;

use serde::Deserialize;

pub(crate) mod grid;
mod orgs;
pub(crate) mod phrases;
mod plan;
mod read;
mod table;
mod write;
pub mod zipguard;

use crate::error::Result;
use crate::locate::SheetCells;
use crate::model::Document;

pub use grid::MAX_CELLS;
pub use read::MAX_UNPLACED;
pub use write::PLAN_SHEET;

/// Which field each column of an action-plan sheet holds, for layouts whose headings eculture
/// does not recognise: heading text (or column letter, `"E"`) → field. Fields: `id`, `title`,
/// `title.en`, `main_executor`, `other_executors`, `executors` (the first is the main one),
/// `period` (a phrase such as `2026-cı ilin II rübü`), `start`, `deadline`, `funding`,
/// `expected_result`, `indicators`, `clusters`, `modules`, `depends_on`, `direction`, any other
/// field of a measure by its name, or `ignore`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(transparent)]
pub struct Mapping(pub BTreeMap<String, String>);

impl Mapping {
    /// A mapping from (heading or column letter, field) pairs.
    pub fn new<K: Into<String>, V: Into<String>>(pairs: impl IntoIterator<Item = (K, V)>) -> Self {
        Mapping(
            pairs
                .into_iter()
                .map(|(k, v)| (k.into(), v.into()))
                .collect(),
        )
    }
}

/// Read a workbook's action plan (and, in a workbook eculture wrote, every other sheet).
/// `sheet` names the action-plan sheet (default: the first with recognised headings).
pub(crate) fn read_workbook(
    bytes: &[u8],
    mapping: &Mapping,
    sheet: Option<&str>,
    source: &str,
) -> Result<(Document, SheetCells)> {
    grid::check(bytes, source)?;
    // native: a large workbook's first sheet is read on a second thread while its rows are
    // made into the document (when no thread starts, it is read first)
    if cfg!(not(target_arch = "wasm32")) && crate::par::second_thread(bytes.len(), grid::FEED_BYTES)
    {
        let (tx, rx) = std::sync::mpsc::channel();
        return crate::par::alongside(
            || grid::feed_first_sheet(bytes, source, tx),
            || {
                let mut sheets = grid::sheets_of(bytes, source, Some(rx))?;
                let read = read::read(&mut sheets, mapping, sheet);
                // a sheet that cannot be read is the error, as when every sheet is read first
                for s in &mut sheets {
                    s.fill_all()?;
                }
                read
            },
        );
    }
    let mut sheets = grid::sheets_of(bytes, source, None)?;
    read::read(&mut sheets, mapping, sheet)
}

/// Read an action plan from CSV.
pub(crate) fn read_csv(
    bytes: &[u8],
    mapping: &Mapping,
    source: &str,
) -> Result<(Document, SheetCells)> {
    let mut sheets = grid::read_csv(bytes, source)?;
    read::read(&mut sheets, mapping, None)
}

/// The document as a workbook: the action plan sheet, then one sheet per other part.
pub(crate) fn write_workbook(doc: &Document) -> Result<Vec<u8>> {
    write::write(doc)
}
