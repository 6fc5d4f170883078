//! `eculture`: the command-line front of the library.
//!
//! ```text
//! eculture matrix [FILE] [--out DIR] [--lang en|az|ru]
//!                                         the main job: matrix, coverage, gaps, waves, schedule;
//!                                         writes matrix.md, matrix.csv and report.html
//! eculture validate [FILE]                every diagnostic, errors first; exit 1 when there are errors
//! eculture convert IN OUT [--force]       convert between .json, .yaml and .toml (lossless)
//! eculture import PLAN -o OUT [--sheet S] [--map HEADING=FIELD]... [--force]
//!                                         an action plan from .xlsx/.xls/.ods/.csv into .json,
//!                                         .yaml or .toml (or any document into .xlsx); prints
//!                                         every cell it could not read or place, by sheet and cell
//! eculture templates --period 2025 [FILE] [--lang en|az|ru] [--out DIR]
//!                                         one report workbook per executor (EXECUTOR-2025.xlsx)
//! eculture collect DIR [FILE] -o OUT [--submitted DATE] [--replace]
//!                                         the filled-in workbooks of DIR added as reports
//! eculture schema                         print the JSON Schema of the document format
//! eculture report --year 2025 [FILE] [--out DIR] [--lang en|az|ru]
//!                                         the annual monitoring report (Decree 1294): writes
//!                                         monitoring-2025.md, .html and .xlsx
//! eculture diff OLD NEW [--format md|html|json|svg] [-o FILE] [--lang en|az|ru]
//!                                         what changed between two versions of a plan, and what
//!                                         it does to the matrix and the schedule; exit 0 when
//!                                         identical, 1 when different, 2 on trouble (as diff(1))
//! eculture diff --textconv FILE           the plan as sorted lines, one per field (git textconv)
//! ```
//! Without FILE, the embedded e-Culture strategy (2024-2026) is used. A plan with errors still
//! gets every answer its errors do not make meaningless; what is blocked says by what.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use eculture::matrix::share_text;
use eculture::{Diagnostic, Error, IoError, Need, RenderOptions, Severity, Strategy};

/// Strategy-as-code for digital-transformation programmes: the e-Culture matrix, the
/// dependency graph and the schedule of a strategy's action plan.
#[derive(Debug, Parser)]
#[command(name = "eculture", version)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// The main job: matrix, coverage, gaps, waves and schedule; writes matrix.md, matrix.csv
    /// and report.html (one self-contained, printable page with the pictures).
    Matrix {
        /// A strategy document (.json, .yaml, .yml or .toml); the embedded e-Culture strategy
        /// when absent.
        file: Option<PathBuf>,
        /// Where to write the outputs.
        #[arg(long, default_value = "out")]
        out: PathBuf,
        /// Language of names and titles in report.html (a missing name falls back to another
        /// language, then the id).
        #[arg(long, default_value = "en", value_parser = ["en", "az", "ru"])]
        lang: String,
    },
    /// List every diagnostic, errors first; exit 1 when there are errors.
    Validate {
        /// A strategy document; the embedded e-Culture strategy when absent.
        file: Option<PathBuf>,
    },
    /// Convert between .json, .yaml and .toml without losing anything.
    Convert {
        /// The document to read.
        input: PathBuf,
        /// The document to write; its extension chooses the format.
        output: PathBuf,
        /// Overwrite OUTPUT if it exists.
        #[arg(long)]
        force: bool,
    },
    /// An action plan from a spreadsheet (.xlsx, .xlsm, .xls, .ods or .csv; headings in
    /// Azerbaijani, English or Russian, see docs/spreadsheets.md) or a project plan (.xml MS
    /// Project, .xer Primavera P6; docs/planners.md) into a document (.json, .yaml, .toml),
    /// or any document into a workbook (.xlsx). Prints every cell that could not be read or
    /// placed, with its sheet and cell, and what a project file held that a strategy cannot.
    Import {
        /// The spreadsheet (or document) to read.
        input: PathBuf,
        /// The document to write; its extension chooses the format (.xlsx writes a workbook).
        #[arg(short = 'o', long)]
        output: PathBuf,
        /// The action-plan sheet (default: the first with recognised headings).
        #[arg(long)]
        sheet: Option<String>,
        /// A column the headings do not name: `HEADING=FIELD` or `E=FIELD` (repeatable).
        #[arg(long = "map", value_name = "HEADING=FIELD")]
        map: Vec<String>,
        /// Overwrite OUTPUT if it exists.
        #[arg(long)]
        force: bool,
    },
    /// The plan as a planners' file: MS Project XML (`--format mspdi`, .xml) or Primavera P6
    /// (`--format xer`), scheduled with the calendar, start and baseline given (docs/planners.md).
    Export {
        /// A strategy document; the embedded e-Culture strategy when absent.
        file: Option<PathBuf>,
        /// `mspdi` (MS Project XML) or `xer` (Primavera P6).
        #[arg(long, value_parser = ["mspdi", "xer"])]
        format: String,
        /// The file to write.
        #[arg(short = 'o', long)]
        output: PathBuf,
        /// The working-day calendar: `weekdays` or `azerbaijan_example` (default: every day).
        #[arg(long)]
        calendar: Option<String>,
        /// The project start (ISO date; default: the strategy period's start).
        #[arg(long)]
        start: Option<String>,
        /// A baseline of the document to carry (MSPDI baseline 0, XER target dates).
        #[arg(long)]
        baseline: Option<String>,
        /// Overwrite OUTPUT if it exists.
        #[arg(long)]
        force: bool,
    },
    /// One report workbook per executor with measures active in the period: the measures
    /// locked, a status drop-down, the indicator values to fill in (EXECUTOR-PERIOD.xlsx).
    Templates {
        /// A strategy document; the embedded e-Culture strategy when absent.
        file: Option<PathBuf>,
        /// The period reported on: a year (2025), quarter or month.
        #[arg(long)]
        period: String,
        /// Language of the headings and statuses.
        #[arg(long, default_value = "en", value_parser = ["en", "az", "ru"])]
        lang: String,
        /// Where to write the workbooks.
        #[arg(long, default_value = "out")]
        out: PathBuf,
    },
    /// The filled-in report workbooks of DIR (every .xlsx) added to the plan as reports;
    /// prints every value it could not take, by file, sheet and cell.
    Collect {
        /// The folder of filled-in workbooks.
        dir: PathBuf,
        /// A strategy document; the embedded e-Culture strategy when absent.
        file: Option<PathBuf>,
        /// The document to write, with the reports.
        #[arg(short = 'o', long)]
        output: PathBuf,
        /// The submission date of the reports (default: the day after the period).
        #[arg(long)]
        submitted: Option<String>,
        /// Replace an executor's report already in the plan for the same period.
        #[arg(long)]
        replace: bool,
    },
    /// Print the JSON Schema of the document format.
    Schema,
    /// The annual monitoring report (Decree 1294): execution rate, measures, triage,
    /// indicators, coverage, calendar, evaluation criteria, data quality; writes
    /// monitoring-YEAR.md, .html and .xlsx.
    Report {
        /// A strategy document; the embedded e-Culture strategy when absent.
        file: Option<PathBuf>,
        /// The year reported on (default: the year before the latest report submission).
        #[arg(long)]
        year: Option<i32>,
        /// Where to write the outputs.
        #[arg(long, default_value = "out")]
        out: PathBuf,
        /// Language of the names beside the ids (a missing one falls back to another
        /// language, then the id).
        #[arg(long, default_value = "en", value_parser = ["en", "az", "ru"])]
        lang: String,
    },
    /// What changed between two versions of a plan: every added, removed or changed entity
    /// and field (matched by id: reordering is no change), the matrix cells and the schedule's
    /// consequences, the indicator targets. Exit 0 when identical, 1 when different, 2 on
    /// trouble, as diff(1). Works as `git difftool -x 'eculture diff'` and, given git's seven
    /// arguments, as an external diff driver (which then exits 0 on differences, as git
    /// expects): see docs/diff.md.
    Diff {
        /// The old version, then the new one (.json, .yaml, .yml or .toml). Seven arguments
        /// are read as git's external diff call (path, old file, old hash, old mode, new file,
        /// new hash, new mode).
        #[arg(num_args = 1..=7, required = true, value_names = ["OLD", "NEW"])]
        files: Vec<PathBuf>,
        /// Print one file as sorted lines, one per field, for git's `textconv` (a line diff
        /// that ignores order); takes one FILE.
        #[arg(long)]
        textconv: bool,
        /// Output format.
        #[arg(long, default_value = "md", value_parser = ["md", "html", "json", "svg"])]
        format: String,
        /// Write to this file instead of standard output.
        #[arg(short = 'o', long)]
        output: Option<PathBuf>,
        /// Language of titles (a missing one falls back to another language, then the id).
        #[arg(long, default_value = "en", value_parser = ["en", "az", "ru"])]
        lang: String,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command.unwrap_or(Command::Matrix {
        file: None,
        out: PathBuf::from("out"),
        lang: "en".into(),
    }) {
        Command::Matrix { file, out, lang } => matrix(file.as_deref(), &out, &lang),
        Command::Validate { file } => validate(file.as_deref()),
        Command::Convert {
            input,
            output,
            force,
        } => convert(&input, &output, force),
        Command::Report {
            file,
            year,
            out,
            lang,
        } => report(file.as_deref(), year, &out, &lang),
        Command::Templates {
            file,
            period,
            lang,
            out,
        } => templates(file.as_deref(), &period, &lang, &out),
        Command::Export {
            file,
            format,
            output,
            calendar,
            start,
            baseline,
            force,
        } => export(
            file.as_deref(),
            &format,
            &output,
            serde_json::json!({"calendar": calendar, "start": start, "baseline": baseline}),
            force,
        ),
        Command::Collect {
            dir,
            file,
            output,
            submitted,
            replace,
        } => collect(
            &dir,
            file.as_deref(),
            &output,
            submitted.as_deref(),
            replace,
        ),
        Command::Import {
            input,
            output,
            sheet,
            map,
            force,
        } => import(&input, &output, sheet.as_deref(), &map, force),
        Command::Diff {
            files,
            textconv,
            format,
            output,
            lang,
        } => {
            if textconv {
                return textconv_file(&files);
            }
            return diff(&files, &format, output.as_deref(), &lang);
        }
        Command::Schema => {
            println!(
                "{}",
                serde_json::to_string_pretty(&eculture::json_schema()).unwrap_or_default()
            );
            Ok(ExitCode::SUCCESS)
        }
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("error [{}]: {e}", e.code());
            ExitCode::FAILURE
        }
    }
}

fn load(file: Option<&Path>) -> Result<(Strategy, String), Error> {
    match file {
        Some(f) => Ok((Strategy::load(f)?, f.display().to_string())),
        None => Ok((Strategy::e_culture(), "e-culture.json (embedded)".into())),
    }
}

/// Every diagnostic, errors before warnings (document order within each), as a compiler
/// prints them; returns the number of errors.
fn print_diagnostics(diags: &[Diagnostic], file: &str) -> usize {
    let (errors, warnings): (Vec<&Diagnostic>, Vec<&Diagnostic>) =
        diags.iter().partition(|d| d.severity == Severity::Error);
    for d in errors.iter().chain(&warnings) {
        println!("{}", d.to_string_in(file));
    }
    println!("{} errors, {} warnings", errors.len(), warnings.len());
    errors.len()
}

fn validate(file: Option<&Path>) -> Result<ExitCode, Error> {
    let (s, name) = load(file)?;
    let errors = print_diagnostics(s.validate(), &name);
    Ok(if errors == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

/// An error when `output` exists and `--force` was not given.
fn refuse_overwrite(output: &Path, force: bool) -> Result<(), Error> {
    if output.exists() && !force {
        return Err(IoError::new(
            "write",
            output.display().to_string(),
            "it exists; pass --force to overwrite it",
        )
        .into());
    }
    Ok(())
}

fn convert(input: &Path, output: &Path, force: bool) -> Result<ExitCode, Error> {
    refuse_overwrite(output, force)?;
    Strategy::load(input)?.save(output)?;
    println!("wrote {}", output.display());
    Ok(ExitCode::SUCCESS)
}

fn import(
    input: &Path,
    output: &Path,
    sheet: Option<&str>,
    map: &[String],
    force: bool,
) -> Result<ExitCode, Error> {
    use eculture::Format;
    refuse_overwrite(output, force)?;
    let name = input.display().to_string();
    let mut pairs = serde_json::Map::new();
    for m in map {
        let Some((h, f)) = m.split_once('=') else {
            return Err(eculture::ArgumentError::new(
                format!("`{m}` is not HEADING=FIELD"),
                "--map",
            )
            .into());
        };
        pairs.insert(h.to_owned(), serde_json::Value::String(f.to_owned()));
    }
    let mapping = eculture::api::mapping(serde_json::Value::Object(pairs))?;
    let s = match Format::from_path(input) {
        Some(f @ (Format::Xlsx | Format::Csv)) if mapping.is_some() || sheet.is_some() => {
            let bytes =
                std::fs::read(input).map_err(|e| IoError::from_io("read", name.clone(), &e))?;
            if f == Format::Csv {
                Strategy::from_csv(&bytes, mapping.as_ref())?
            } else {
                Strategy::from_xlsx(&bytes, mapping.as_ref(), sheet)?
            }
        }
        _ => Strategy::load(input)?,
    };
    let findings: Vec<&Diagnostic> = s
        .validate()
        .iter()
        .filter(|d| d.sheet.is_some() || d.code == eculture::Code::UnsupportedProjectData)
        .collect();
    for d in &findings {
        println!("{}", d.to_string_in(&name));
    }
    println!(
        "{} measures, {} findings",
        s.document().measures.len(),
        findings.len()
    );
    let write = |bytes: &[u8]| {
        std::fs::write(output, bytes)
            .map_err(|e| IoError::from_io("write", output.display().to_string(), &e))
    };
    match Format::from_path(output) {
        Some(Format::Xlsx) => write(&s.to_xlsx()?)?,
        // a project file: the plan scheduled with the default options (`export` takes more)
        Some(Format::Mspdi) => write(s.to_mspdi(&Default::default())?.as_bytes())?,
        Some(Format::Xer) => write(s.to_xer(&Default::default())?.as_bytes())?,
        _ => s.save(output)?,
    }
    println!("wrote {}", output.display());
    Ok(ExitCode::SUCCESS)
}

fn export(
    file: Option<&Path>,
    format: &str,
    output: &Path,
    options: serde_json::Value,
    force: bool,
) -> Result<ExitCode, Error> {
    refuse_overwrite(output, force)?;
    let (s, _) = load(file)?;
    let options: serde_json::Map<String, serde_json::Value> = options
        .as_object()
        .into_iter()
        .flatten()
        .filter(|(_, v)| !v.is_null())
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    let opts = eculture::api::schedule_options(serde_json::Value::Object(options))?;
    let text = if format == "xer" {
        s.to_xer(&opts)?
    } else {
        s.to_mspdi(&opts)?
    };
    std::fs::write(output, text)
        .map_err(|e| IoError::from_io("write", output.display().to_string(), &e))?;
    println!(
        "wrote {} ({} measures)",
        output.display(),
        s.document().measures.len()
    );
    Ok(ExitCode::SUCCESS)
}

fn templates(file: Option<&Path>, period: &str, lang: &str, out: &Path) -> Result<ExitCode, Error> {
    let (s, _) = load(file)?;
    let books = s.report_workbooks(period, eculture::api::lang(lang)?)?;
    std::fs::create_dir_all(out)
        .map_err(|e| IoError::from_io("create", out.display().to_string(), &e))?;
    for (exec, bytes) in &books {
        let path = out.join(format!("{exec}-{period}.xlsx"));
        std::fs::write(&path, bytes)
            .map_err(|e| IoError::from_io("write", path.display().to_string(), &e))?;
    }
    println!(
        "wrote {} report workbooks to {}",
        books.len(),
        out.display()
    );
    Ok(ExitCode::SUCCESS)
}

fn collect(
    dir: &Path,
    file: Option<&Path>,
    output: &Path,
    submitted: Option<&str>,
    replace: bool,
) -> Result<ExitCode, Error> {
    let (s, _) = load(file)?;
    let read_dir = |e: std::io::Error| IoError::from_io("read", dir.display().to_string(), &e);
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(read_dir)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.extension()
                .is_some_and(|x| x.eq_ignore_ascii_case("xlsx"))
        })
        .collect();
    paths.sort();
    let mut files = Vec::with_capacity(paths.len());
    for p in &paths {
        let name = p.display().to_string();
        let bytes = std::fs::read(p).map_err(|e| IoError::from_io("read", name.clone(), &e))?;
        files.push((name, bytes));
    }
    let submitted = submitted
        .map(|d| d.parse::<eculture::PeriodRef>())
        .transpose()
        .map_err(|e| eculture::ArgumentError::new(e.to_string(), "--submitted"))?;
    let before = s.document().reports.len();
    let s = s.collect_reports(&files, submitted, replace)?;
    let findings: Vec<&Diagnostic> = s
        .validate()
        .iter()
        .filter(|d| d.code == eculture::Code::UnreadableCell)
        .collect();
    for d in &findings {
        println!("{d}");
    }
    println!(
        "{} workbooks, {} reports added, {} findings",
        files.len(),
        s.document().reports.len() - before,
        findings.len()
    );
    s.save(output)?;
    println!("wrote {}", output.display());
    Ok(ExitCode::SUCCESS)
}

fn report(
    file: Option<&Path>,
    year: Option<i32>,
    out: &Path,
    lang: &str,
) -> Result<ExitCode, Error> {
    let (s, name) = load(file)?;
    let errors = s
        .validate()
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count();
    if errors > 0 {
        println!(
            "{name}: {errors} error(s); `eculture validate` lists them. The report is made from what they leave."
        );
    }
    let r = s.monitoring_report(&eculture::monitoring::MonitoringReportOptions {
        year,
        lang: serde_json::from_value(serde_json::Value::String(lang.to_owned()))
            .unwrap_or_default(),
        ..Default::default()
    })?;
    println!("{} (states as of {})", r.title, r.as_of);
    if let Some(n) = &r.notice {
        println!("{n}");
    }
    if let Some(tb) = r.tables().next()
        && let Some(row) = tb.rows.first()
    {
        let cells: Vec<String> = row
            .iter()
            .map(|c| serde_json::to_string(c).unwrap_or_default())
            .collect();
        println!(
            "execution rate ({}): {}",
            tb.headers.join(", "),
            cells.join(", ")
        );
    }
    std::fs::create_dir_all(out)
        .map_err(|e| IoError::from_io("create", out.display().to_string(), &e))?;
    let stem = format!("monitoring-{}", r.year);
    write(out.join(format!("{stem}.md")), r.to_markdown())?;
    write(out.join(format!("{stem}.html")), r.to_html())?;
    let xlsx = r.to_xlsx()?;
    let path = out.join(format!("{stem}.xlsx"));
    std::fs::write(&path, xlsx)
        .map_err(|e| IoError::from_io("write", path.display().to_string(), &e))?;
    println!("wrote {}", path.display());
    Ok(ExitCode::SUCCESS)
}

/// A section of the main job that could not be computed: say why, and go on.
fn blocked(what: &str, e: &Error) {
    println!("\n{what}: not computed — {e}");
}

fn write(path: PathBuf, text: String) -> Result<(), Error> {
    std::fs::write(&path, text)
        .map_err(|e| IoError::from_io("write", path.display().to_string(), &e))?;
    println!("wrote {}", path.display());
    Ok(())
}

fn matrix(file: Option<&Path>, out: &Path, lang: &str) -> Result<ExitCode, Error> {
    let (s, name) = load(file)?;
    let doc = s.document();
    println!(
        "{} ({}..{})",
        doc.strategy.title.best(),
        doc.strategy.period.start,
        doc.strategy.period.end
    );
    println!(
        "{} directions, {} clusters, {} modules, {} measures, {} indicators\n",
        doc.directions.len(),
        doc.clusters.len(),
        doc.modules.len(),
        doc.measures.len(),
        doc.indicators.len()
    );
    print_diagnostics(s.validate(), &name);
    for need in [Need::Cells, Need::Graph, Need::Dag, Need::Schedule] {
        let n = s.blocking(need).len();
        if n > 0 {
            println!(
                "{n} error(s) block what needs the {}; everything else is computed below",
                need.as_str()
            );
            break;
        }
    }
    let mut outputs = Vec::new();
    match s.matrix() {
        Ok(m) => {
            println!("\n{}", m.to_markdown());
            println!("coverage by module:");
            for c in &m.coverage().modules {
                println!("  {:<20} {}", c.id, share_text(c));
            }
            match s.gaps() {
                Ok(gaps) => {
                    println!(
                        "\n{} gaps (applicable cells not delivered as planned):",
                        gaps.len()
                    );
                    for g in &gaps {
                        let reasons: Vec<String> =
                            g.reasons.iter().map(ToString::to_string).collect();
                        println!("  {} × {}: {}", g.cluster, g.module, reasons.join("; "));
                    }
                }
                Err(e) => blocked("gaps", &e),
            }
            outputs.push(("matrix.md", m.to_markdown()));
            outputs.push(("matrix.csv", m.to_csv()));
        }
        Err(e) => blocked("matrix", &e),
    }
    match s.waves() {
        Ok(waves) => {
            println!(
                "\n{} waves (measures that can run in parallel):",
                waves.len()
            );
            for (k, w) in waves.iter().enumerate() {
                println!("  wave {:>2}: {}", k + 1, w.join(", "));
            }
        }
        Err(e) => blocked("waves", &e),
    }
    match s.schedule(&eculture::ScheduleOptions::default()) {
        Ok(sch) => {
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
            println!(
                "{} deadlines the dependency network cannot meet",
                sch.infeasible_deadlines.len()
            );
        }
        Err(e) => blocked("schedule", &e),
    }
    // the report is always written: a section that cannot be computed says why
    let opts = RenderOptions {
        lang: serde_json::from_value(serde_json::Value::String(lang.to_owned()))
            .unwrap_or_default(),
        ..RenderOptions::default()
    };
    outputs.push((
        "report.html",
        s.report_html(&eculture::ScheduleOptions::default(), &opts),
    ));
    std::fs::create_dir_all(out)
        .map_err(|e| IoError::from_io("create", out.display().to_string(), &e))?;
    println!();
    for (file, text) in outputs {
        write(out.join(file), text)?;
    }
    Ok(ExitCode::SUCCESS)
}

/// `eculture diff`: exit 0 when identical, 1 when different, 2 on trouble; under git's
/// external diff call (seven arguments) 0 on differences too, since git stops on any other code.
fn diff(files: &[PathBuf], format: &str, output: Option<&Path>, lang: &str) -> ExitCode {
    let git = files.len() == 7;
    let (old, new) = match files {
        [old, new] => (old, new),
        [_, old, _, _, new, _, _] => (old, new),
        _ => {
            eprintln!(
                "error [argument]: diff takes OLD NEW, or git's seven external-diff arguments; got {}",
                files.len()
            );
            return ExitCode::from(2);
        }
    };
    match diff_files(old, new, format, output, lang, git) {
        Ok(same) if same || git => ExitCode::SUCCESS,
        Ok(_) => ExitCode::FAILURE,
        Err(e) => {
            eprintln!("error [{}]: {e}", e.code());
            ExitCode::from(2)
        }
    }
}

/// Loads both files, writes the diff; true when they are the same up to order. Under git a
/// file that does not exist on one side (`/dev/null`) is said in a line.
fn diff_files(
    old: &Path,
    new: &Path,
    format: &str,
    output: Option<&Path>,
    lang: &str,
    git: bool,
) -> Result<bool, Error> {
    let null = Path::new("/dev/null");
    if git && (old == null || new == null) {
        let what = if old == null { "added" } else { "removed" };
        println!(
            "plan {what}: {}",
            if old == null { new } else { old }.display()
        );
        return Ok(false);
    }
    let (a, b) = (Strategy::load(old)?, Strategy::load(new)?);
    let opts = eculture::DiffOptions {
        lang: serde_json::from_value(serde_json::Value::String(lang.to_owned()))
            .unwrap_or_default(),
        ..Default::default()
    };
    let d = a.diff(&b, &opts)?;
    let text = match format {
        "html" => d.to_html_page(),
        "svg" => d.to_svg(),
        "json" => serde_json::to_string_pretty(&d).unwrap_or_default() + "\n",
        _ => d.to_markdown(),
    };
    match output {
        Some(path) => write(path.to_path_buf(), text)?,
        None => out(&text),
    }
    Ok(d.is_empty())
}

/// `eculture diff --textconv FILE`: the plan as sorted lines (exit 2 on trouble).
fn textconv_file(files: &[PathBuf]) -> ExitCode {
    let [file] = files else {
        eprintln!("error [argument]: --textconv takes one FILE");
        return ExitCode::from(2);
    };
    match Strategy::load(file) {
        Ok(s) => {
            out(&eculture::diff::canonical_text(&s));
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error [{}]: {e}", e.code());
            ExitCode::from(2)
        }
    }
}

/// Standard output that a closed pipe (`| head`) ends quietly.
fn out(text: &str) {
    use std::io::Write as _;
    let _ = std::io::stdout().lock().write_all(text.as_bytes());
}
