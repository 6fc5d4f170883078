//! The page worker's work, natively (issue 21, point 3): load a JSON file (`Strategy::load`, which
//! streams large files), then what `wasm/www/worker.js` computes for the page — validation, the
//! matrix's coverage, gaps, waves, the schedule with its critical paths and late deadlines, the
//! heatmap and the Gantt chart — and print the times as JSON. The browser test runs it on the
//! same file as the page, so the two figures come from one run.
//!
//! `cargo run --release -p eculture-examples --bin page_native -- plan.json`
use std::process::ExitCode;
use std::time::Instant;

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
    let diagnostics = s.validate().len();
    let coverage = s.matrix().map(|m| m.coverage().overall.share);
    let gaps = s.gaps().map(|g| g.len());
    let waves = s.waves().map(|w| w.len());
    let finish = s
        .schedule(&sched)
        .and_then(|x| x.finish_date().map(|d| d.to_string()));
    let pictures = s.heatmap_svg(&sched, &render).map(|x| x.len()).unwrap_or(0)
        + s.gantt_svg(&sched, &render).map(|x| x.len()).unwrap_or(0);
    let total = t0.elapsed();
    println!(
        "{{\"measures\":{},\"diagnostics\":{diagnostics},\"coverage\":{},\"gaps\":{},\"waves\":{},\"finish\":\"{}\",\"picture_bytes\":{pictures},\"load_ms\":{:.0},\"analysis_ms\":{:.0},\"total_ms\":{:.0}}}",
        s.measure_count(),
        coverage
            .ok()
            .flatten()
            .map_or_else(|| "null".to_owned(), |x| x.to_string()),
        gaps.unwrap_or(0),
        waves.unwrap_or(0),
        finish.unwrap_or_default(),
        loaded.as_secs_f64() * 1000.0,
        (total - loaded).as_secs_f64() * 1000.0,
        total.as_secs_f64() * 1000.0
    );
    ExitCode::SUCCESS
}
