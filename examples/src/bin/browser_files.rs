//! The files the browser tests open, written before they run (`scripts/test-wasm.sh`):
//!
//! - `target/pictures/` for `wasm/tests/report_browser_test.mjs`: the embedded default's
//!   pictures, DOT graph and HTML report (status date 2025-12-31), the report of
//!   `tests/payloads/probes.json` (`report_probe.html`, injection probes in every title) and of
//!   `tests/golden/cycle/input.json` (`report_cycle.html`, sections blocked by a cycle);
//! - `target/injection/` for `wasm/tests/injection_browser_test.mjs`: the HTML reports, the
//!   monitoring report and the pictures of `tests/payloads/injection.json` (script and formula
//!   payloads in every user string) and of its schedulable copy
//!   `tests/payloads/injection_fixed.json`.
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
    match pictures(&repo).and_then(|()| injection(&repo)) {
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
