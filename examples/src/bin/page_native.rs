//! The page worker's work, natively (issue 21, point 3): load a JSON file (`Strategy::load`, which
//! streams large files), then what `wasm/www/worker.js` computes for the page — the core's
//! `Strategy::workbench`: validation, the matrix's coverage, gaps, waves, the schedule with its
//! critical paths and late deadlines, the heatmap and the Gantt chart, lists cut to the rows the
//! page shows — and print the times as JSON. The browser test runs it on the
//! same file as the page, so the two figures come from one run.
//!
//! `cargo run --release -p eculture-examples --bin page_native -- plan.json`
use std::process::ExitCode;
use std::time::Instant;

use eculture::api::Part;
use eculture::schedule::ScheduleOptions;
use eculture::{RenderOptions, Strategy};

fn main() -> ExitCode {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: page_native FILE.json");
        return ExitCode::FAILURE;
    };
    let t0 = Instant::now();
    let s = match Strategy::load(&path) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::FAILURE;
        }
    };
    let loaded = t0.elapsed();
    let (sched, render) = (ScheduleOptions::default(), RenderOptions::default());
    // validation (the index every other part reads) timed apart from the rest, as the worker's
    // first part; the total is the same work as the worker's one call
    let diagnostics = s.validate().len();
    let validated = t0.elapsed();
    let w = s.workbench(&sched, &render);
    let total = t0.elapsed();
    let ok = |p: &Part<String>| match p {
        Part::Ok(svg) => svg.len(),
        Part::Error(_) => 0,
    };
    let pictures = ok(&w.heatmap) + ok(&w.gantt);
    let coverage = match &w.matrix {
        Part::Ok(m) => m
            .overall
            .share
            .map_or_else(|| "null".to_owned(), |x| x.to_string()),
        Part::Error(_) => "null".to_owned(),
    };
    let gaps = match &w.gaps {
        Part::Ok(g) => g.total,
        Part::Error(_) => 0,
    };
    let waves = match &w.waves {
        Part::Ok(x) => x.total,
        Part::Error(_) => 0,
    };
    let finish = match &w.schedule {
        Part::Ok(x) => x.finish_date.clone(),
        Part::Error(_) => String::new(),
    };
    let ms = |d: std::time::Duration| d.as_secs_f64() * 1000.0;
    println!(
        "{{\"measures\":{},\"diagnostics\":{diagnostics},\"coverage\":{coverage},\"gaps\":{gaps},\"waves\":{waves},\"finish\":\"{finish}\",\"picture_bytes\":{pictures},\"load_ms\":{:.0},\"analysis_ms\":{:.0},\"total_ms\":{:.0},\"parts_ms\":{{\"validation\":{:.0},\"workbench\":{:.0}}}}}",
        w.measures,
        ms(loaded),
        ms(total - loaded),
        ms(total),
        ms(validated - loaded),
        ms(total - validated),
    );
    ExitCode::SUCCESS
}
