//! Injection-safe output: script and formula payloads in every user string (ids, names, titles,
//! notes) go through every writer — Markdown, CSV, HTML, SVG, DOT, Mermaid, the monitoring
//! report in Markdown, HTML and XLSX — and stay text: every HTML and SVG parses as XML with no
//! element or attribute the payload named, every CSV field that would start a formula is
//! neutralised, Markdown carries no raw tag, DOT strings stay quoted. The same plans' HTML and
//! SVG are written by `cargo run -p eculture-examples --bin browser_files` to `target/injection/`
//! for `wasm/tests/injection_browser_test.mjs`, which opens each in Chromium: no dialog, no
//! script run (`window.__pwned` stays unset), the payloads shown as text.

#[path = "support/markup.rs"]
mod markup;
use std::path::Path;

use eculture::schedule::ScheduleOptions;
use eculture::{Format, Strategy};

/// The plan with payloads in every user string (`tests/payloads/injection.json`), and its copy
/// without the unknown dependency, so that the schedule's writers run
/// (`tests/payloads/injection_fixed.json`). The browser test opens their HTML and SVG, written
/// by `cargo run -p eculture-examples --bin browser_files`.
fn payloads(file: &str) -> Strategy {
    Strategy::load(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../tests/payloads")
            .join(file),
    )
    .unwrap()
}

/// [`markup::safe_markup`], pairing end tags except in HTML (whose void elements have none).
fn safe_markup(what: &str, text: &str) {
    markup::safe_markup(what, text, what.ends_with(".html"));
}

/// Every CSV field that would start a formula is neutralised.
fn safe_csv(what: &str, text: &str) {
    let mut r = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(text.as_bytes());
    for rec in r.records() {
        for field in rec.unwrap().iter() {
            assert!(
                !matches!(field.as_bytes().first(), Some(b'=' | b'+' | b'-' | b'@')),
                "{what}: formula field {field:?}"
            );
        }
    }
}

/// No raw tag: every `<` of a payload is escaped (`\<`, which CommonMark shows as text, or
/// `&lt;`).
fn safe_markdown(what: &str, text: &str) {
    for tag in ["<script", "<img"] {
        for (i, _) in text.match_indices(tag) {
            assert!(
                i > 0 && text.as_bytes()[i - 1] == b'\\',
                "{what}: raw {tag} at {i}"
            );
        }
    }
}

#[test]
fn every_writer_keeps_hostile_strings_as_text() {
    let s = payloads("injection.json");
    assert!(
        !s.validate().is_empty(),
        "the plan is also broken: unknown `missing<x>`"
    );
    let o = ScheduleOptions::default();
    let r = Default::default();
    // Markdown and CSV
    let m = s.matrix().unwrap();
    safe_markdown("matrix.md", &m.to_markdown());
    safe_csv("matrix.csv", &m.to_csv());
    // the schedule is blocked by the unknown dependency: its writers run on a fixed plan
    let f = payloads("injection_fixed.json");
    let sch = f.schedule(&o).unwrap();
    safe_csv("schedule.csv", &sch.to_csv().unwrap());
    let mermaid = sch.to_mermaid().unwrap();
    assert!(
        !mermaid.contains("<script") && !mermaid.contains("<img"),
        "mermaid: {mermaid}"
    );
    // HTML and SVG
    for (what, text) in [
        ("report.html", s.report_html(&o, &r)),
        ("report (fixed).html", f.report_html(&o, &r)),
        ("heatmap.svg", f.heatmap_svg(&o, &r).unwrap()),
        ("gantt.svg", f.gantt_svg(&o, &r).unwrap()),
        ("rollout.svg", f.rollout_svg(&o, &r).unwrap()),
        ("dsm.svg", f.dsm_svg(&r).unwrap()),
    ] {
        // the HTML5 doctype is not XML: parse what follows it
        let body = text.trim_start_matches("<!DOCTYPE html>");
        safe_markup(what, body);
    }
    let dot = f.to_dot(Some(&o), &r).unwrap();
    assert!(
        dot.lines()
            .all(|l| l.matches('"').count() % 2 == 0 || l.contains("\\\"")),
        "dot quoting"
    );
    // the monitoring report: Markdown, HTML, XLSX
    let mr = f.monitoring_report(&Default::default()).unwrap();
    safe_markdown("monitoring.md", &mr.to_markdown());
    let html = mr.to_html();
    safe_markup(
        "monitoring.html",
        html.trim_start_matches("<!DOCTYPE html>"),
    );
    let xlsx = mr.to_xlsx().unwrap();
    use calamine::Reader;
    let mut wb: calamine::Xlsx<_> =
        calamine::open_workbook_from_rs(std::io::Cursor::new(xlsx)).unwrap();
    for name in wb.sheet_names() {
        let formulas = wb.worksheet_formula(&name).unwrap();
        assert!(
            formulas.used_cells().all(|(_, _, f)| f.is_empty()),
            "{name}: a formula cell"
        );
    }
    // the document itself round-trips the payloads untouched (they are data, not markup)
    for fmt in [Format::Json, Format::Yaml, Format::Toml] {
        let back = Strategy::parse(&f.to_string(fmt).unwrap(), fmt).unwrap();
        assert_eq!(back.document(), f.document());
    }
}
