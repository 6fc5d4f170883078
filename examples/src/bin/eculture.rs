//! `eculture`: the command-line front of the library.
//!
//! ```text
//! eculture matrix [FILE] [--out DIR]   matrix, coverage, gaps and waves; writes matrix.md and matrix.csv
//! eculture validate FILE               every diagnostic; exit 1 when there are errors
//! eculture convert IN OUT              convert between .json, .yaml and .toml (lossless)
//! eculture schema                      print the JSON Schema of the document format
//! ```
//! Without FILE, the embedded e-Culture strategy (2024-2026) is used.

use std::path::PathBuf;
use std::process::ExitCode;

use eculture::matrix::share_text;
use eculture::{Severity, Strategy};

fn usage() -> ExitCode {
    eprintln!(
        "usage:\n  eculture matrix [FILE] [--out DIR]\n  eculture validate [FILE]\n  eculture convert IN OUT\n  eculture schema"
    );
    ExitCode::from(2)
}

fn load(file: Option<&String>) -> Result<Strategy, eculture::Error> {
    match file {
        Some(f) => Strategy::load(f),
        None => Ok(Strategy::e_culture()),
    }
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("matrix") | None => matrix(args.get(1..).unwrap_or_default()),
        Some("validate") => validate(args.get(1)),
        Some("convert") if args.len() == 3 => Strategy::load(&args[1])
            .and_then(|s| s.save(&args[2]))
            .map(|()| ExitCode::SUCCESS),
        Some("schema") => {
            println!(
                "{}",
                serde_json::to_string_pretty(&eculture::json_schema()).unwrap_or_default()
            );
            Ok(ExitCode::SUCCESS)
        }
        _ => return usage(),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("error [{}]: {e}", e.code());
            ExitCode::FAILURE
        }
    }
}

fn validate(file: Option<&String>) -> Result<ExitCode, eculture::Error> {
    let s = load(file)?;
    let diags = s.validate();
    for d in diags {
        println!("{d}");
    }
    let errors = diags
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count();
    println!("{} errors, {} warnings", errors, diags.len() - errors);
    Ok(if errors == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

fn matrix(args: &[String]) -> Result<ExitCode, eculture::Error> {
    let mut file = None;
    let mut out = PathBuf::from("out");
    let mut it = args.iter();
    while let Some(a) = it.next() {
        if a == "--out" {
            out = it.next().map(PathBuf::from).unwrap_or(out);
        } else {
            file = Some(a);
        }
    }
    let s = load(file)?;
    let doc = s.document();
    println!(
        "{} ({}..{})",
        doc.strategy.title.best(),
        doc.strategy.period.start,
        doc.strategy.period.end
    );
    println!(
        "{} directions, {} clusters, {} modules, {} measures, {} indicators",
        doc.directions.len(),
        doc.clusters.len(),
        doc.modules.len(),
        doc.measures.len(),
        doc.indicators.len()
    );
    let diags = s.validate();
    let errors = diags
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count();
    println!(
        "validation: {errors} errors, {} warnings\n",
        diags.len() - errors
    );
    let m = s.matrix()?;
    println!("{}", m.to_markdown());
    let cov = m.coverage();
    println!("coverage by module:");
    for c in &cov.modules {
        println!("  {:<20} {}", c.id, share_text(c));
    }
    let gaps = m.gaps();
    println!("\n{} gaps (applicable, no measure):", gaps.len());
    for g in &gaps {
        println!("  {} × {}", g.cluster, g.module);
    }
    let waves = s.waves()?;
    println!(
        "\n{} waves (measures that can run in parallel):",
        waves.len()
    );
    for (k, w) in waves.iter().enumerate() {
        println!("  wave {:>2}: {}", k + 1, w.join(", "));
    }
    let sch = s.schedule(&eculture::ScheduleOptions::default())?;
    println!(
        "\nschedule: {} days from {}, finishing {}; critical path: {}",
        sch.duration_days(),
        sch.project_start,
        sch.finish_date()?,
        sch.critical_paths()
            .first()
            .map(|p| p.join(" → "))
            .unwrap_or_default()
    );
    let late = &sch.infeasible_deadlines;
    println!(
        "{} deadlines the dependency network cannot meet",
        late.len()
    );
    std::fs::create_dir_all(&out).map_err(|e| {
        eculture::Error::from(eculture::IoError::new(
            "create",
            out.display().to_string(),
            e.to_string(),
        ))
    })?;
    for (name, text) in [("matrix.md", m.to_markdown()), ("matrix.csv", m.to_csv())] {
        let p = out.join(name);
        std::fs::write(&p, text).map_err(|e| {
            eculture::Error::from(eculture::IoError::new(
                "write",
                p.display().to_string(),
                e.to_string(),
            ))
        })?;
        println!("wrote {}", p.display());
    }
    Ok(ExitCode::SUCCESS)
}
