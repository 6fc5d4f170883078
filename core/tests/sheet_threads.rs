//! Threads never change a workbook read: `Strategy::from_xlsx` reads the first sheet of a large
//! XLSX workbook on a second thread while its rows are made into the document, and reads the
//! measures on threads (`core/src/sheets`, docs/performance.md "Spreadsheets"). With the test
//! hook `with_threads` (every size threshold at zero), each workbook is read serially and on 2
//! and 3 threads: the same document and the same diagnostics, or the same error. The workbooks
//! include a plan sheet whose rows are out of order (the second thread then reads the sheet
//! again from the start) and broken sheets (the first broken sheet's error wins).
#![cfg(feature = "xlsx")]

use std::io::{Read, Write};

use eculture::__private::with_threads;
use eculture::Strategy;

#[path = "../benches/plans/mod.rs"]
#[allow(dead_code)]
mod plans;

/// The read as text: the document and the diagnostics (with their sheets and cells), or the
/// error.
fn read(bytes: &[u8]) -> String {
    match Strategy::from_xlsx(bytes, None, None) {
        Ok(s) => format!(
            "{}\n{:?}",
            serde_json::to_string(s.document()).unwrap(),
            s.validate()
        ),
        Err(e) => format!("error: {e}"),
    }
}

/// The same read serially and on 2 and 3 threads; the serial one.
fn same_on_threads(bytes: &[u8], what: &str) -> String {
    let serial = with_threads(1, || read(bytes));
    for t in [2, 3] {
        let threaded = with_threads(t, || read(bytes));
        assert!(
            threaded == serial,
            "{what}: {t} threads differ from one:\n{}\n{}",
            &threaded[..threaded.len().min(600)],
            &serial[..serial.len().min(600)]
        );
    }
    serial
}

/// The workbook with entry `name` changed by `edit`.
fn edited(bytes: &[u8], name: &str, edit: impl Fn(&str) -> String) -> Vec<u8> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for i in 0..zip.len() {
        let mut f = zip.by_index(i).unwrap();
        let entry = f.name().unwrap().into_owned();
        let mut text = Vec::new();
        f.read_to_end(&mut text).unwrap();
        if entry == name {
            text = edit(std::str::from_utf8(&text).unwrap()).into_bytes();
        }
        out.start_file(entry, options).unwrap();
        out.write_all(&text).unwrap();
    }
    out.finish().unwrap().into_inner()
}

/// A generated plan of `n` measures as a workbook.
fn plan(n: usize) -> (Strategy, Vec<u8>) {
    let s = Strategy::from_json(&plans::plan_json(n, 1, false)).unwrap();
    let bytes = s.to_xlsx().unwrap();
    (s, bytes)
}

#[test]
fn the_default_and_a_generated_plan_read_the_same_on_threads() {
    let e = Strategy::e_culture();
    let back = same_on_threads(&e.to_xlsx().unwrap(), "e-Culture");
    assert!(back.starts_with(&serde_json::to_string(e.document()).unwrap()));
    let (s, bytes) = plan(1_500);
    let back = same_on_threads(&bytes, "1,500 measures");
    assert!(back.starts_with(&serde_json::to_string(s.document()).unwrap()));
}

#[test]
fn rows_out_of_order_are_read_again_and_read_the_same() {
    let (s, bytes) = plan(1_500);
    // the plan sheet's sixth row moved to the end of the sheet's data
    let moved = edited(&bytes, "xl/worksheets/sheet1.xml", |xml| {
        let starts: Vec<usize> = xml.match_indices("<row ").map(|(i, _)| i).collect();
        let (a, b) = (starts[5], starts[6]);
        let end = xml.find("</sheetData>").unwrap();
        format!("{}{}{}{}", &xml[..a], &xml[b..end], &xml[a..b], &xml[end..])
    });
    assert_ne!(moved, bytes);
    let back = same_on_threads(&moved, "a row out of order");
    assert!(back.starts_with(&serde_json::to_string(s.document()).unwrap()));
}

#[test]
fn a_broken_sheet_is_the_same_error_on_threads_and_the_first_one_wins() {
    let (_, bytes) = plan(1_500);
    let cut = |xml: &str| xml[..xml.len() * 2 / 3].to_owned();
    let first = edited(&bytes, "xl/worksheets/sheet1.xml", cut);
    same_on_threads(&first, "the plan sheet cut short");
    let both = edited(&first, "xl/worksheets/sheet2.xml", |xml| {
        xml.replace("<sheetData>", "<sheetData><row r=\"x\">")
    });
    let e = same_on_threads(&both, "two broken sheets");
    let plan_sheet = format!(
        "error: invalid xlsx at <workbook>: sheet `{}`",
        eculture::sheets::PLAN_SHEET
    );
    assert!(e.starts_with(&plan_sheet), "{e}");
    let second = edited(&bytes, "xl/worksheets/sheet2.xml", |xml| {
        xml.replace("<sheetData>", "<sheetData><row r=\"x\">")
    });
    same_on_threads(&second, "the second sheet broken");
    // a number that does not read (`duration_days`, the one plain number cell of a row), far
    // down the plan sheet: a finding on its cell either way
    let mut cell = String::new();
    let bad = edited(&bytes, "xl/worksheets/sheet1.xml", |xml| {
        let (open, close, name) = plain_number(xml, 1_200);
        format!(
            "{}<c r=\"{name}\" t=\"inlineStr\"><is><t>#not a number</t></is>{}",
            &xml[..open],
            &xml[close..]
        )
    });
    let xml = entry(&bytes, "xl/worksheets/sheet1.xml");
    plain_number(&xml, 1_200).2.clone_into(&mut cell);
    let found = same_on_threads(&bad, "a bad cell far down");
    assert!(
        found.contains(&format!("cell {cell}: measure")),
        "no finding on {cell}: {e}"
    );
}

/// The text of entry `name` of a workbook.
fn entry(bytes: &[u8], name: &str) -> String {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut text = String::new();
    zip.by_name(name)
        .unwrap()
        .read_to_string(&mut text)
        .unwrap();
    text
}

/// The first cell of row element `k` holding a plain number (no type, no style): where its
/// element starts and ends (`</c>` included after `close`) and its name.
fn plain_number(xml: &str, k: usize) -> (usize, usize, String) {
    let row = xml.match_indices("<row ").nth(k).unwrap().0;
    let end = row + xml[row..].find("</row>").unwrap();
    xml[row..end]
        .match_indices("<c r=\"")
        .find_map(|(i, _)| {
            let open = row + i;
            let rest = &xml[open + 6..end];
            let (name, tail) = rest.split_once('"')?;
            tail.starts_with("><v>").then(|| {
                let close = open + xml[open..].find("</c>").unwrap();
                (open, close, name.to_owned())
            })
        })
        .expect("a plain number cell in the row")
}
