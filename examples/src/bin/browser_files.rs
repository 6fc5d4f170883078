//! The files the browser tests open, written before they run (`scripts/test-wasm.sh`):
//!
//! - `target/pictures/` for `wasm/tests/report_browser_test.mjs`: the embedded default's
//!   pictures, DOT graph and HTML report (status date 2025-12-31), the report of
//!   `tests/payloads/probes.json` (`report_probe.html`, injection probes in every title) and of
//!   `tests/golden/cycle/input.json` (`report_cycle.html`, sections blocked by a cycle);
//! - `target/injection/` for `wasm/tests/injection_browser_test.mjs`: the HTML reports, the
//!   monitoring report and the pictures of `tests/payloads/injection.json` (script and formula
//!   payloads in every user string) and of its schedulable copy
//!   `tests/payloads/injection_fixed.json`;
//! - `target/sheets/` for `wasm/tests/sheets_browser_test.mjs`: the default as an XLSX action
//!   plan (`e-culture.xlsx`), a small action plan with an unreadable period cell
//!   (`bad-cell.xlsx`) and the Ministry of Culture's 2025 report workbook filled in
//!   (`moc-2025-filled.xlsx`: every measure `not_executed`, the second one's status a word
//!   outside the drop-down, so that collecting it gives a finding located by sheet and cell).
//!
//! `cargo run -p eculture-examples --bin browser_files [REPO]`; REPO (default: this
//! repository) is where `tests/` is read and `target/` written.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use eculture::schedule::ScheduleOptions;
use eculture::{IoError, RenderOptions, Strategy};

fn main() -> ExitCode {
    let repo = std::env::args_os().nth(1).map_or_else(
        || Path::new(env!("CARGO_MANIFEST_DIR")).join(".."),
        PathBuf::from,
    );
    match pictures(&repo)
        .and_then(|()| injection(&repo))
        .and_then(|()| sheets(&repo))
    {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

/// The report browser test's files.
fn pictures(repo: &Path) -> Result<(), Box<dyn std::error::Error>> {
    let s = Strategy::e_culture();
    let sched = ScheduleOptions::default();
    let o = options(serde_json::json!({"status_date": "2025-12-31"}))?;
    let quarter_az = options(serde_json::json!({"lang": "az", "color_by": "quarter"}))?;
    let probes = Strategy::load(repo.join("tests/payloads/probes.json"))?;
    let cycle = Strategy::load(repo.join("tests/golden/cycle/input.json"))?;
    let files = [
        ("heatmap.svg", s.heatmap_svg(&sched, &o)?),
        (
            "heatmap_quarter_az.svg",
            s.heatmap_svg(&sched, &quarter_az)?,
        ),
        ("gantt.svg", s.gantt_svg(&sched, &o)?),
        ("rollout.svg", s.rollout_svg(&sched, &o)?),
        ("dsm.svg", s.dsm_svg(&o)?),
        ("graph.dot", s.to_dot(Some(&sched), &o)?),
        ("report.html", s.report_html(&sched, &o)),
        ("report_probe.html", probes.report_html(&sched, &o)),
        ("report_cycle.html", cycle.report_html(&sched, &o)),
    ];
    write_all(&repo.join("target/pictures"), files)
}

/// The injection browser test's files.
fn injection(repo: &Path) -> Result<(), Box<dyn std::error::Error>> {
    let broken = Strategy::load(repo.join("tests/payloads/injection.json"))?;
    let fixed = Strategy::load(repo.join("tests/payloads/injection_fixed.json"))?;
    let o = ScheduleOptions::default();
    let r = RenderOptions::default();
    let files = [
        ("report.html", broken.report_html(&o, &r)),
        ("report_fixed.html", fixed.report_html(&o, &r)),
        ("heatmap.svg", fixed.heatmap_svg(&o, &r)?),
        ("gantt.svg", fixed.gantt_svg(&o, &r)?),
        ("rollout.svg", fixed.rollout_svg(&o, &r)?),
        ("dsm.svg", fixed.dsm_svg(&r)?),
        (
            "monitoring.html",
            fixed.monitoring_report(&Default::default())?.to_html(),
        ),
    ];
    write_all(&repo.join("target/injection"), files)
}

fn write_all<const N: usize>(
    dir: &Path,
    files: [(&str, String); N],
) -> Result<(), Box<dyn std::error::Error>> {
    std::fs::create_dir_all(dir)
        .map_err(|e| IoError::from_io("create", dir.display().to_string(), &e))?;
    for (name, text) in files {
        let path = dir.join(name);
        std::fs::write(&path, text)
            .map_err(|e| IoError::from_io("write", path.display().to_string(), &e))?;
    }
    println!("wrote {N} files to {}", dir.display());
    Ok(())
}

/// Render options from their JSON form.
fn options(v: serde_json::Value) -> Result<RenderOptions, Box<dyn std::error::Error>> {
    Ok(serde_json::from_value(v)?)
}

/// The spreadsheet browser test's files (XLSX bytes).
fn sheets(repo: &Path) -> Result<(), Box<dyn std::error::Error>> {
    let s = Strategy::e_culture();
    let books = s.report_workbooks("2025", eculture::model::Lang::En)?;
    let moc = books.get("moc").ok_or("no report workbook for moc")?;
    let files = [
        ("e-culture.xlsx", s.to_xlsx()?),
        ("bad-cell.xlsx", bad_cell_plan()?),
        ("moc-2025-filled.xlsx", filled(moc)?),
    ];
    let dir = repo.join("target/sheets");
    std::fs::create_dir_all(&dir)
        .map_err(|e| IoError::from_io("create", dir.display().to_string(), &e))?;
    for (name, bytes) in &files {
        let path = dir.join(name);
        std::fs::write(&path, bytes)
            .map_err(|e| IoError::from_io("write", path.display().to_string(), &e))?;
    }
    println!("wrote {} files to {}", files.len(), dir.display());
    Ok(())
}

/// A three-measure action plan whose second period cannot be read (`Plan!E6`).
fn bad_cell_plan() -> Result<Vec<u8>, rust_xlsxwriter::XlsxError> {
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("Plan")?;
    ws.write_string(0, 0, "Digital culture action plan 2025-2027")?;
    let rows: [[&str; 5]; 5] = [
        [
            "No.",
            "Measure",
            "Main executor",
            "Other executors",
            "Execution period",
        ],
        ["1. Digital heritage", "", "", "", ""],
        [
            "1.1.",
            "Digitise the museum funds",
            "Ministry of Culture (MOC)",
            "",
            "2025",
        ],
        [
            "1.2.",
            "Open the digital archive",
            "MOC",
            "",
            "2026-cı ilin V rübü",
        ],
        ["1.3.", "Train the curators", "MOC", "", "H1 2027"],
    ];
    for (r, row) in rows.iter().enumerate() {
        for (c, text) in row.iter().enumerate() {
            if !text.is_empty() {
                ws.write_string(r as u32 + 2, c as u16, *text)?;
            }
        }
    }
    wb.save_to_buffer()
}

/// `template` (an executor's report workbook) filled in as the executor would: every sheet read
/// with calamine and written again, every measure's status `not_executed` except the second
/// one's, `finished` (no status: a finding at its cell).
fn filled(template: &[u8]) -> Result<Vec<u8>, Box<dyn std::error::Error>> {
    use calamine::{Data, Reader};
    let mut book = calamine::open_workbook_auto_from_rs(std::io::Cursor::new(template.to_vec()))?;
    let mut out = rust_xlsxwriter::Workbook::new();
    for name in book.sheet_names() {
        let range = book.worksheet_range(&name)?;
        let ws = out.add_worksheet();
        ws.set_name(&name)?;
        for (r, row) in range.rows().enumerate() {
            for (c, cell) in row.iter().enumerate() {
                let (r32, c16) = (u32::try_from(r)?, u16::try_from(c)?);
                match cell {
                    Data::Empty => {}
                    Data::Float(x) => {
                        ws.write_number(r32, c16, *x)?;
                    }
                    Data::Int(x) => {
                        ws.write_number(r32, c16, *x as f64)?;
                    }
                    other => {
                        ws.write_string(r32, c16, other.to_string())?;
                    }
                }
            }
            if name == "Report" && r > 0 {
                let status = if r == 2 { "finished" } else { "not_executed" };
                ws.write_string(u32::try_from(r)?, 5, status)?;
            }
        }
    }
    Ok(out.save_to_buffer()?)
}
