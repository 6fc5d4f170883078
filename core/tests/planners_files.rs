//! Project files shaped as MS Project 2019 saves them and as P6 8.2 exports them
//! (`tests/planners/`, written by `tests/planners/make_files.py`): what real files carry that
//! eculture's own export does not — the project summary task, blank rows, manually scheduled
//! and inactive tasks, progress, Windows-1252 with CRLF, the WBS root node, nested WBS,
//! relations from another project — is read as MS Project and P6 mean it or is a finding on
//! the task it concerns; nothing else is lost (docs/planners.md, "Files from MS Project and
//! P6"). `py/tests/test_mpxj.py` checks the same files against what MPXJ reads from them.
#![cfg(feature = "planners")]

use std::collections::BTreeSet;
use std::path::PathBuf;

use eculture::planners::ProjectImport;
use eculture::{Code, Diagnostic, Strategy};

fn file(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/planners")
        .join(name)
}

fn read(name: &str) -> ProjectImport {
    let bytes = std::fs::read(file(name)).unwrap();
    if name.ends_with(".xer") {
        ProjectImport::xer(&bytes, name).unwrap()
    } else {
        ProjectImport::mspdi(&bytes, name).unwrap()
    }
}

fn ids(s: &Strategy) -> Vec<String> {
    s.document()
        .measures
        .iter()
        .map(|m| m.id.to_string())
        .collect()
}

fn relations(s: &Strategy) -> BTreeSet<(String, String, String, i32)> {
    s.dependencies()
        .unwrap()
        .into_iter()
        .map(|e| (e.from, e.to, e.relation, e.lag_days))
        .collect()
}

fn rel(from: &str, to: &str, kind: &str, lag: i32) -> (String, String, String, i32) {
    (from.into(), to.into(), kind.into(), lag)
}

/// The file's findings: (id the finding is on, message).
fn findings(s: &Strategy) -> Vec<(Option<String>, String)> {
    s.validate()
        .iter()
        .filter(|d: &&Diagnostic| d.code == Code::UnsupportedProjectData)
        .map(|d| (d.id.clone(), d.message.clone()))
        .collect()
}

fn has(found: &[(Option<String>, String)], id: Option<&str>, text: &str) -> bool {
    found
        .iter()
        .any(|(i, m)| i.as_deref() == id && m.contains(text))
}

#[test]
fn ms_project_files_read_as_ms_project_means_them() {
    let p = read("ms-project-2019-shape.xml");
    let s = &p.strategy;
    let doc = s.document();
    // the project summary task (UID 0) is the strategy, the blank row (IsNull) nothing, the
    // inactive task 1.5 left out as MS Project leaves it out of the schedule
    assert_eq!(
        ids(s),
        ["1.1", "1.2", "1.4", "2.1", "2.2", "2.3", "2.4"],
        "leaf tasks"
    );
    let dirs: Vec<&str> = doc.directions.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(dirs, ["1", "2"]);
    assert_eq!(
        doc.strategy.title.best(),
        "Culture demo (caf\u{e9}s, \u{ab} e-M\u{259}d\u{259}niyy\u{259}t \u{bb})"
    );
    assert_eq!(
        doc.strategy.id,
        "Culture-demo-caf\u{e9}s-e-M\u{259}d\u{259}niyy\u{259}t"
    );
    // lags in tenths of minutes over 480-minute days: SS +1 day, SF -1 day, FS +2 days
    assert_eq!(
        relations(s),
        BTreeSet::from([
            rel("1.1", "1.2", "FS", 0),
            rel("1.2", "1.4", "FS", 0),
            rel("1.2", "2.1", "FS", 0),
            rel("2.1", "2.2", "SS", 1),
            rel("2.1", "2.3", "FF", 0),
            rel("2.2", "2.3", "SF", -1),
            rel("2.3", "2.4", "FS", 2),
        ])
    );
    let m = |id: &str| doc.measures.iter().find(|m| m.id == id).unwrap();
    assert_eq!(m("2.2").duration_days, Some(5), "36 hours rounded up");
    assert_eq!(m("2.3").duration_days, Some(0), "the milestone");
    assert_eq!(
        m("2.3").deadline.map(|d| d.to_string()).as_deref(),
        Some("2025-03-07")
    );
    assert_eq!(
        m("2.4").start.map(|d| d.to_string()).as_deref(),
        Some("2025-03-03")
    );
    let cal = p.options.calendar.as_ref().expect("the file's calendar");
    assert_eq!(cal.holidays.len(), 1, "the exception on 20 January");

    let found = findings(s);
    for (id, text) in [
        (None, "1 task is inactive in MS Project"),
        (None, "`1.5` (Old option, dropped)"),
        (Some("2.1"), "the relation from the inactive task `1.5`"),
        (Some("1.4"), "manually scheduled"),
        (
            Some("1.1"),
            "100 % complete, actual start 2025-01-06, actual finish 2025-01-10",
        ),
        (Some("1.2"), "40 % complete, actual start 2025-01-13)"),
        (None, "1 resources"),
        (None, "1 resource assignments"),
        (None, "1 holiday, 0 extra working days"),
    ] {
        assert!(has(&found, id, text), "{id:?}: {text} in {found:#?}");
    }
    assert!(
        !found
            .iter()
            .any(|(i, m)| i.as_deref() == Some("2.1") && m.contains("progress")),
        "no progress finding on a task without progress: {found:#?}"
    );
}

#[test]
fn p6_files_read_as_p6_means_them() {
    let p = read("p6-8.2-shape.xer");
    let s = &p.strategy;
    let doc = s.document();
    assert_eq!(
        ids(s),
        ["A1000", "A1010", "A1020", "A1030", "A1040", "A1050"]
    );
    // the WBS root node is the project: its name the title (Windows-1252 decoded), the
    // project's short name the id; nested WBS nodes become directions of their own
    assert_eq!(
        doc.strategy.title.best(),
        "Culture demo (caf\u{e9}, \u{a3}, \u{20ac})"
    );
    assert_eq!(doc.strategy.id, "CULT-DEMO");
    let dirs: Vec<&str> = doc.directions.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(dirs, ["1", "2", "2.1"]);
    // lags in hours over the calendar's 8-hour day; the relation from another project's
    // activity is a finding
    assert_eq!(
        relations(s),
        BTreeSet::from([
            rel("A1000", "A1010", "FS", 0),
            rel("A1010", "A1030", "FS", 0),
            rel("A1030", "A1040", "SS", 1),
            rel("A1030", "A1020", "FF", 0),
            rel("A1040", "A1020", "SF", -1),
        ])
    );
    let m = |id: &str| doc.measures.iter().find(|m| m.id == id).unwrap();
    assert_eq!(m("A1020").duration_days, Some(0), "the finish milestone");
    assert_eq!(
        m("A1000").start.map(|d| d.to_string()).as_deref(),
        Some("2025-01-07")
    );
    assert_eq!(
        m("A1020").deadline.map(|d| d.to_string()).as_deref(),
        Some("2025-03-14")
    );
    let cal = p.options.calendar.as_ref().expect("the file's calendar");
    assert_eq!(cal.holidays.len(), 3);

    let found = findings(s);
    for (id, text) in [
        (
            Some("A1000"),
            "100 % complete, actual start 2025-01-07, actual finish 2025-01-13",
        ),
        (Some("A1010"), "40 % complete, actual start 2025-01-14)"),
        (
            Some("A1030"),
            "activity 8801 of another project (proj_id 4002)",
        ),
        (Some("A1040"), "36 hours is not whole days"),
        (Some("A1050"), "TT_WBS"),
        (None, "1 summary tasks or WBS nodes sit under another one"),
        (None, "3 holidays, 0 extra working days"),
    ] {
        assert!(has(&found, id, text), "{id:?}: {text} in {found:#?}");
    }
    assert!(
        !found
            .iter()
            .any(|(i, m)| i.as_deref() == Some("A1030") && m.contains("progress")),
        "no progress finding on an activity not started: {found:#?}"
    );
}

#[test]
fn the_files_load_by_their_extension_and_schedule() {
    for name in ["ms-project-2019-shape.xml", "p6-8.2-shape.xer"] {
        let s = Strategy::load(file(name)).unwrap();
        assert!(!s.document().measures.is_empty(), "{name}");
        let p = read(name);
        let schedule = p.strategy.schedule(&p.options).unwrap();
        assert_eq!(schedule.len(), s.document().measures.len(), "{name}");
    }
}
