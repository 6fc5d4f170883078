//! Hostile workbooks (docs/robustness.md, "Spreadsheets"): a cell far from the others, an
//! entry that declares a huge expansion, a zip bomb's ratio, entries that lie about their size.
//! Each is a typed error or a located finding; none aborts the process. Before the bounds, the
//! far cell made calamine allocate the 550 GB rectangle between `A1` and `XFD1048576`, and a
//! shared-string table declaring 10^12 strings asked for 24 TB (both aborted the process;
//! the second is in the bad-input corpus, `tests/bad_input`).

use eculture::{Error, Strategy};

/// A small action plan of one measure, and one stray cell at `XFD1048576` (the last cell of a
/// sheet).
fn far_cell_workbook() -> Vec<u8> {
    plan_of(&["1.1"], |wb| {
        let ws = wb.worksheet_from_name("Plan").unwrap();
        ws.write_string(1_048_575, 16_383, "stray").unwrap();
    })
}

#[test]
fn a_cell_at_the_sheets_last_corner_is_a_finding_not_a_550_gb_rectangle() {
    let s = Strategy::from_xlsx(&far_cell_workbook(), None, None).unwrap();
    assert_eq!(s.document().measures.len(), 1);
    assert_eq!(s.document().measures[0].id.as_str(), "1.1");
    let d = s.validate();
    let stray = d
        .iter()
        .find(|d| d.cell.as_deref() == Some("XFD1048576"))
        .unwrap_or_else(|| panic!("no finding on XFD1048576: {d:?}"));
    assert_eq!(stray.code.as_str(), "unplaced_cell");
    assert_eq!(stray.sheet.as_deref(), Some("Plan"));
    assert!(stray.message.contains("stray"), "{}", stray.message);
}

/// Offsets of the central-directory record and the local header of entry `name`.
fn headers(zip: &[u8], name: &str) -> (usize, usize) {
    let cd = zip
        .windows(4)
        .enumerate()
        .filter(|(_, w)| *w == b"PK\x01\x02")
        .map(|(i, _)| i)
        .find(|&i| {
            let n = u16::from_le_bytes([zip[i + 28], zip[i + 29]]) as usize;
            &zip[i + 46..i + 46 + n] == name.as_bytes()
        })
        .unwrap_or_else(|| panic!("no entry {name}"));
    let local = u32::from_le_bytes(zip[cd + 42..cd + 46].try_into().unwrap()) as usize;
    assert_eq!(&zip[local..local + 4], b"PK\x03\x04");
    (cd, local)
}

/// The workbook with entry `name`'s declared uncompressed size set to `size`, in both headers.
fn declaring(mut zip: Vec<u8>, name: &str, size: u32) -> Vec<u8> {
    let (cd, local) = headers(&zip, name);
    zip[cd + 24..cd + 28].copy_from_slice(&size.to_le_bytes());
    zip[local + 22..local + 26].copy_from_slice(&size.to_le_bytes());
    zip
}

fn parse_error(bytes: &[u8]) -> eculture::ParseError {
    match Strategy::from_xlsx(bytes, None, None) {
        Err(Error::Parse(p)) => p,
        Err(e) => panic!("a {} error, want a parse error: {e}", e.code()),
        Ok(_) => panic!("loaded, want a parse error"),
    }
}

const SHEET: &str = "xl/worksheets/sheet1.xml";

#[test]
fn an_entry_declaring_more_than_a_gib_is_refused_by_name() {
    let bytes = declaring(Strategy::e_culture().to_xlsx().unwrap(), SHEET, 3 << 30);
    let p = parse_error(&bytes);
    assert_eq!(p.path(), Some(SHEET));
    assert!(p.to_string().contains("expands to 3221225472 bytes"), "{p}");
}

#[test]
fn a_zip_bombs_ratio_is_refused() {
    // 200 MiB from a few kilobytes: over 1,000 times.
    let bytes = declaring(Strategy::e_culture().to_xlsx().unwrap(), SHEET, 200 << 20);
    let p = parse_error(&bytes);
    assert_eq!(p.path(), Some(SHEET));
    assert!(p.to_string().contains("zip bomb"), "{p}");
}

#[test]
fn entries_expanding_past_two_gib_together_are_refused() {
    let mut bytes = Strategy::e_culture().to_xlsx().unwrap();
    // Three entries of 900 MiB, each under the per-entry limit and (declared packed to 1 MiB)
    // under the bomb ratio: together over 2 GiB.
    for name in [SHEET, "docProps/core.xml", "docProps/app.xml"] {
        bytes = declaring(bytes, name, 900 << 20);
        let (cd, _) = headers(&bytes, name);
        bytes[cd + 20..cd + 24].copy_from_slice(&(1u32 << 20).to_le_bytes());
    }
    let p = parse_error(&bytes);
    assert!(
        p.to_string()
            .contains("more than 2147483648 bytes together"),
        "{p}"
    );
}

#[test]
fn an_entry_larger_than_it_declares_is_an_error_not_a_read_past_its_size() {
    let bytes = declaring(Strategy::e_culture().to_xlsx().unwrap(), SHEET, 100);
    let p = parse_error(&bytes);
    assert!(p.to_string().contains("cannot be read"), "{p}");
}

/// A small plan of two measures on sheet `Plan`, built by `more` before saving.
fn plan_workbook(more: impl FnOnce(&mut rust_xlsxwriter::Workbook)) -> Vec<u8> {
    plan_of(&["1.1", "1.2"], more)
}

/// An action plan of the measures `ids` on sheet `Plan`, built by `more` before saving.
fn plan_of(ids: &[&str], more: impl FnOnce(&mut rust_xlsxwriter::Workbook)) -> Vec<u8> {
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("Plan").unwrap();
    ws.write_string(0, 0, "2025-2027-ci illər üçün Fəaliyyət Planı")
        .unwrap();
    for (c, h) in ["S/s", "Tədbirin adı", "Əsas icraçı", "İcra müddəti"]
        .iter()
        .enumerate()
    {
        ws.write_string(2, c as u16, *h).unwrap();
    }
    for (r, id) in ids.iter().enumerate() {
        let row = 3 + r as u32;
        ws.write_string(row, 0, *id).unwrap();
        ws.write_string(row, 1, "Reyestrin yaradılması").unwrap();
        ws.write_string(row, 2, "Mədəniyyət Nazirliyi").unwrap();
        ws.write_string(row, 3, "2025-ci il").unwrap();
    }
    more(&mut wb);
    wb.save_to_buffer().unwrap()
}

#[test]
fn a_sheet_past_two_to_the_24_cells_is_cut_with_a_finding() {
    // 1,100 rows reaching column XFD: 1,100 × 16,384 cells of rows, over 2^24.
    let bytes = plan_workbook(|wb| {
        let ws = wb.worksheet_from_name("Plan").unwrap();
        for r in 10..1_110u32 {
            ws.write_number(r, 16_383, f64::from(r)).unwrap();
        }
    });
    let s = Strategy::from_xlsx(&bytes, None, None).unwrap();
    assert_eq!(
        s.document().measures.len(),
        2,
        "the rows before the cut still read"
    );
    let cut: Vec<_> = s
        .validate()
        .iter()
        .filter(|d| {
            d.code.as_str() == "unreadable_cell" && d.message.contains("the rest was not read")
        })
        .collect();
    assert_eq!(cut.len(), 1, "{cut:?}");
}

#[test]
fn the_last_row_of_a_sheet_reads_as_a_located_finding() {
    let bytes = plan_workbook(|wb| {
        let ws = wb.worksheet_from_name("Plan").unwrap();
        // under no heading (a text alone in the S/s column would be a direction row)
        ws.write_string(1_048_575, 7, "the last row").unwrap();
    });
    let s = Strategy::from_xlsx(&bytes, None, None).unwrap();
    let d = s.validate();
    assert!(
        d.iter()
            .any(|d| d.cell.as_deref() == Some("H1048576") && d.message.contains("the last row")),
        "{d:?}"
    );
}

#[test]
fn merged_cells_across_the_table_and_a_hidden_sheet_are_findings_not_losses() {
    let bytes = plan_workbook(|wb| {
        let ws = wb.worksheet_from_name("Plan").unwrap();
        // a merge over the second measure's title and executor, and one overlapping the heading
        // row's end
        ws.merge_range(
            4,
            1,
            4,
            2,
            "Birləşmiş xana",
            &rust_xlsxwriter::Format::new(),
        )
        .unwrap();
        ws.merge_range(1, 3, 2, 6, "İcra müddəti", &rust_xlsxwriter::Format::new())
            .unwrap();
        let hidden = wb.add_worksheet();
        hidden.set_name("Gizli").unwrap();
        hidden.write_string(0, 0, "hidden note").unwrap();
        hidden.set_hidden(true);
    });
    let s = Strategy::from_xlsx(&bytes, None, None).unwrap();
    let d = s.validate();
    assert!(
        d.iter()
            .any(|d| d.sheet.as_deref() == Some("Gizli") && d.message.contains("hidden")),
        "the hidden sheet's cell is a finding that says so: {d:?}"
    );
    // every finding on a sheet names its cell
    for f in d.iter().filter(|d| d.sheet.is_some()) {
        assert!(f.cell.is_some(), "{f:?}");
    }
}

#[test]
fn a_macro_enabled_workbook_reads_and_nothing_in_it_runs() {
    let dir = std::env::temp_dir().join(format!("eculture-vba-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let vba = dir.join("vbaProject.bin");
    // not a real VBA project: bytes that would be a macro, which no reader ever runs
    std::fs::write(
        &vba,
        b"Attribute VB_Name = \"ThisWorkbook\"\nSub Workbook_Open()\nShell \"calc\"\nEnd Sub\n",
    )
    .unwrap();
    let bytes = plan_workbook(|wb| {
        wb.add_vba_project(&vba).unwrap();
    });
    std::fs::remove_dir_all(&dir).ok();
    let text = String::from_utf8_lossy(&bytes);
    assert!(text.contains("vbaProject.bin"), "an .xlsm with a VBA part");
    let s = Strategy::from_xlsx(&bytes, None, None).unwrap();
    assert_eq!(s.document().measures.len(), 2);
}
