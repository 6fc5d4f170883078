//! The command line as a user meets it: help, errors before warnings, answers from a plan with
//! errors, and `convert` that does not overwrite by accident.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn eculture(args: &[&str], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_eculture"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("the eculture binary runs")
}

fn text(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned() + &String::from_utf8_lossy(&o.stderr)
}

fn typo_plan() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/messages/typo.yaml")
}

fn temp_dir(tag: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("eculture-cli-{tag}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

#[test]
fn help_exits_zero_and_names_the_commands() {
    for flag in ["--help", "-h", "help"] {
        let o = eculture(&[flag], Path::new("."));
        assert!(o.status.success(), "{flag}: {}", text(&o));
        let t = text(&o);
        for cmd in ["matrix", "validate", "convert", "schema"] {
            assert!(t.contains(cmd), "{flag} does not mention {cmd}: {t}");
        }
    }
    let o = eculture(&["no-such-command"], Path::new("."));
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn validate_lists_errors_before_warnings_with_file_line_and_suggestion() {
    let plan = typo_plan();
    let o = eculture(&["validate", plan.to_str().unwrap()], Path::new("."));
    assert_eq!(o.status.code(), Some(1));
    let out = String::from_utf8_lossy(&o.stdout);
    let lines: Vec<&str> = out.lines().collect();
    let first_warning = lines
        .iter()
        .position(|l| l.contains(": warning ["))
        .unwrap();
    let last_error = lines.iter().rposition(|l| l.contains(": error [")).unwrap();
    assert!(last_error < first_warning, "{out}");
    assert!(
        out.contains("typo.yaml:23:18: error [unknown_reference] measure `6.2` at measures[1].depends_on[0]: unknown measure `6.l`; did you mean `6.1`?"),
        "{out}"
    );
    assert!(
        out.contains("unknown organization `mocc`; did you mean `moc`?"),
        "{out}"
    );
    assert!(out.trim_end().ends_with("2 errors, 1 warnings"), "{out}");
}

#[test]
fn the_main_job_computes_what_the_errors_allow_and_writes_it() {
    let dir = temp_dir("matrix");
    let plan = typo_plan();
    let o = eculture(&["matrix", plan.to_str().unwrap(), "--out", "o"], &dir);
    let t = text(&o);
    assert!(o.status.success(), "{t}");
    assert!(t.contains("Overall coverage: 1/1"), "{t}");
    assert!(t.contains("waves: not computed"), "{t}");
    assert!(t.contains("schedule: not computed"), "{t}");
    assert!(dir.join("o/matrix.md").is_file() && dir.join("o/matrix.csv").is_file());
    // the report is written too, its blocked sections saying why
    let report = std::fs::read_to_string(dir.join("o/report.html")).unwrap();
    assert!(report.starts_with("<!DOCTYPE html>"), "{report}");
    assert!(report.contains("<section id=\"heatmap\">") && report.contains("<svg"));
    assert!(report.contains("class=\"blocked\""), "{report}");
    assert!(!report.contains("<script"));
}

#[test]
fn the_main_job_writes_the_report_in_the_language_asked() {
    let dir = temp_dir("report");
    let o = eculture(&["matrix", "--out", "o", "--lang", "az"], &dir);
    assert!(o.status.success(), "{}", text(&o));
    assert!(text(&o).contains("report.html"), "{}", text(&o));
    let report = std::fs::read_to_string(dir.join("o/report.html")).unwrap();
    assert!(report.contains("<html lang=\"az\">"));
    assert!(report.contains("Klasterlər × modullar"));
    assert!(
        !report.contains("class=\"blocked\""),
        "the embedded default computes everything"
    );
    let o = eculture(&["matrix", "--lang", "fr"], &dir);
    assert!(!o.status.success());
}

#[test]
fn convert_refuses_to_overwrite_without_force() {
    let dir = temp_dir("convert");
    let plan = typo_plan();
    let plan = plan.to_str().unwrap();
    assert!(
        eculture(&["convert", plan, "p.json"], &dir)
            .status
            .success()
    );
    std::fs::write(dir.join("p.json"), "precious").unwrap();
    let o = eculture(&["convert", plan, "p.json"], &dir);
    assert_eq!(o.status.code(), Some(1));
    assert!(text(&o).contains("pass --force"), "{}", text(&o));
    assert_eq!(
        std::fs::read_to_string(dir.join("p.json")).unwrap(),
        "precious"
    );
    assert!(
        eculture(&["convert", plan, "p.json", "--force"], &dir)
            .status
            .success()
    );
    assert!(
        std::fs::read_to_string(dir.join("p.json"))
            .unwrap()
            .contains("\"6.l\"")
    );
}

#[test]
fn report_writes_the_annual_monitoring_report_in_three_formats() {
    let dir = temp_dir("monitoring-report");
    let o = eculture(&["report", "--year", "2025", "--out", "o"], &dir);
    assert!(o.status.success(), "{}", text(&o));
    for ext in ["md", "html", "xlsx"] {
        let p = dir.join("o").join(format!("monitoring-2025.{ext}"));
        assert!(p.exists(), "{} missing: {}", p.display(), text(&o));
    }
    let md = std::fs::read_to_string(dir.join("o/monitoring-2025.md")).unwrap();
    assert!(md.contains("## 1. Execution rate"), "{md}");
    let o = eculture(&["report", "--year", "99999"], &dir);
    assert!(!o.status.success());
    assert!(text(&o).contains("not a plausible year"), "{}", text(&o));
    std::fs::remove_dir_all(&dir).unwrap();
}

/// The e-Culture default and a copy with one deadline moved, written to `dir`.
fn two_versions(dir: &Path) -> (PathBuf, PathBuf) {
    let s = eculture::Strategy::e_culture();
    let old = dir.join("old.json");
    s.save(&old).unwrap();
    let mut doc = s.document().clone();
    let m = doc.measures.iter_mut().find(|m| m.id == "7.7").unwrap();
    m.deadline = Some("2026-Q2".parse().unwrap());
    let new = dir.join("new.yaml");
    eculture::Strategy::new(doc).save(&new).unwrap();
    (old, new)
}

#[test]
fn diff_exits_like_diff_and_writes_every_format() {
    let dir = temp_dir("diff");
    let (old, new) = two_versions(&dir);
    let (old, new) = (old.to_str().unwrap(), new.to_str().unwrap());
    let o = eculture(&["diff", old, old], &dir);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    assert!(text(&o).contains("no differences"));
    let o = eculture(&["diff", old, new], &dir);
    assert_eq!(o.status.code(), Some(1), "{}", text(&o));
    let md = String::from_utf8_lossy(&o.stdout).into_owned();
    assert!(md.contains("| changed | measure | 7.7 |"), "{md}");
    assert!(
        md.contains("Deadlines newly missed: 7.7 (deadline 2026-06-30"),
        "{md}"
    );
    let o = eculture(&["diff", old, new, "--format", "json"], &dir);
    assert_eq!(o.status.code(), Some(1));
    let j: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(j["records"][0]["field"], "deadline");
    for (format, start) in [("html", "<!DOCTYPE html>"), ("svg", "<svg ")] {
        let file = dir.join(format!("diff.{format}"));
        let o = eculture(
            &[
                "diff",
                old,
                new,
                "--format",
                format,
                "-o",
                file.to_str().unwrap(),
            ],
            &dir,
        );
        assert_eq!(o.status.code(), Some(1), "{}", text(&o));
        assert!(std::fs::read_to_string(&file).unwrap().starts_with(start));
    }
    // trouble is 2, as for diff(1)
    let o = eculture(&["diff", old, "missing.json"], &dir);
    assert_eq!(o.status.code(), Some(2));
    assert!(text(&o).contains("missing.json"), "{}", text(&o));
    // git's external diff call: seven arguments, 0 on differences, /dev/null for a new file
    let o = eculture(
        &[
            "diff",
            "plan.json",
            old,
            "abc",
            "100644",
            new,
            "def",
            "100644",
        ],
        &dir,
    );
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    assert!(text(&o).contains("| changed | measure | 7.7 |"));
    let o = eculture(
        &[
            "diff",
            "plan.json",
            "/dev/null",
            ".",
            ".",
            new,
            "def",
            "100644",
        ],
        &dir,
    );
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    assert!(text(&o).contains("plan added"));
}

#[test]
fn diff_textconv_prints_sorted_lines() {
    let dir = temp_dir("textconv");
    let (old, new) = two_versions(&dir);
    let a = eculture(&["diff", "--textconv", old.to_str().unwrap()], &dir);
    let b = eculture(&["diff", "--textconv", new.to_str().unwrap()], &dir);
    assert!(a.status.success() && b.status.success());
    let (a, b) = (
        String::from_utf8_lossy(&a.stdout).into_owned(),
        String::from_utf8_lossy(&b.stdout).into_owned(),
    );
    let differ: Vec<(&str, &str)> = a.lines().zip(b.lines()).filter(|(x, y)| x != y).collect();
    assert_eq!(
        differ,
        [(
            "measure 7.7 deadline = \"2026\"",
            "measure 7.7 deadline = \"2026-Q2\""
        )]
    );
    let o = eculture(&["diff", "--textconv", "a", "b"], &dir);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn import_reads_a_spreadsheet_plan_and_says_which_cells_it_could_not_read() {
    let dir = temp_dir("import");
    // a CSV action plan with one unreadable period and a custom column mapped
    std::fs::write(
        dir.join("plan.csv"),
        "Fəaliyyət Planı 2025-2026-cı illər üçün\nS/s,Tədbirin adı,Əsas icraçı,İcra müddəti,Qiymət\n1.1,Portal,Mədəniyyət Nazirliyi,2025-ci ilin II rübü,10\n1.2,Arxiv,Mədəniyyət Nazirliyi,2026-cı ilin V rübü,\n",
    )
    .unwrap();
    let o = eculture(
        &[
            "import",
            "plan.csv",
            "-o",
            "plan.yaml",
            "--map",
            "Qiymət=duration_days",
        ],
        &dir,
    );
    assert!(o.status.success(), "{}", text(&o));
    let t = text(&o);
    assert!(
        t.contains("plan.csv: error [unreadable_cell]") && t.contains("cell D4"),
        "{t}"
    );
    assert!(t.contains("2 measures,"), "{t}");
    assert_eq!(t.matches("unreadable_cell").count(), 1, "{t}");
    let yaml = std::fs::read_to_string(dir.join("plan.yaml")).unwrap();
    assert!(
        yaml.contains("duration_days: 10") && yaml.contains("start: 2025-Q2"),
        "{yaml}"
    );
    // and back out as a workbook, which imports to the same document
    let o = eculture(&["import", "plan.yaml", "-o", "plan.xlsx"], &dir);
    assert!(o.status.success(), "{}", text(&o));
    let o = eculture(&["import", "plan.xlsx", "-o", "again.yaml"], &dir);
    assert!(o.status.success(), "{}", text(&o));
    assert_eq!(
        std::fs::read_to_string(dir.join("again.yaml")).unwrap(),
        yaml
    );
    // a bad mapping is an argument error
    let o = eculture(
        &["import", "plan.csv", "-o", "x.yaml", "--map", "nonsense"],
        &dir,
    );
    assert_eq!(o.status.code(), Some(1), "{}", text(&o));
}

#[test]
fn templates_then_collect() {
    let dir = temp_dir("templates");
    let o = eculture(
        &[
            "templates",
            "--period",
            "2025",
            "--lang",
            "az",
            "--out",
            "books",
        ],
        &dir,
    );
    assert!(o.status.success(), "{}", text(&o));
    assert!(dir.join("books/moc-2025.xlsx").exists(), "{}", text(&o));
    // workbooks nobody filled in add no report, and each says so
    let o = eculture(&["collect", "books", "-o", "plan.json"], &dir);
    assert!(o.status.success(), "{}", text(&o));
    let t = text(&o);
    assert!(
        t.contains("0 reports added") && t.contains("moc-2025.xlsx: nothing is filled in"),
        "{t}"
    );
}

#[test]
fn export_writes_project_files_that_import_reads_back() {
    let dir = temp_dir("planners");
    for (format, file) in [("mspdi", "plan.xml"), ("xer", "plan.xer")] {
        let o = eculture(
            &[
                "export",
                "--format",
                format,
                "-o",
                file,
                "--calendar",
                "weekdays",
            ],
            &dir,
        );
        assert!(o.status.success(), "{}", text(&o));
        assert!(text(&o).contains("106 measures"), "{}", text(&o));
        let o = eculture(&["import", file, "-o", &format!("{format}.yaml")], &dir);
        assert!(o.status.success(), "{}", text(&o));
        let t = text(&o);
        assert!(t.contains("106 measures"), "{t}");
        assert!(
            t.contains("unsupported_project_data") && t.contains("project calendar"),
            "the calendar is a finding: {t}"
        );
        let yaml = std::fs::read_to_string(dir.join(format!("{format}.yaml"))).unwrap();
        assert!(yaml.contains("id: '4.5'"), "{yaml}");
    }
    let o = eculture(&["export", "--format", "xer", "-o", "plan.xer"], &dir);
    assert!(!o.status.success(), "refuses to overwrite without --force");
    let o = eculture(&["import", "mspdi.yaml", "-o", "again.xer"], &dir);
    assert!(o.status.success(), "{}", text(&o));
    let xer = std::fs::read_to_string(dir.join("again.xer")).unwrap();
    assert!(
        xer.starts_with("ERMHDR\t"),
        "import writes a project file too"
    );
}
