//! The bad-input corpus (`tests/bad_input`, written by `tests/bad_input/gen.py`): every document
//! is a typed, located error or diagnostic — the one `expected.json` names — and every
//! operation on it returns, never panics. The Python and node suites read the same files.

use std::path::{Path, PathBuf};

use eculture::schedule::RiskOptions;
use eculture::{Error, ScheduleOptions, Strategy};
use serde_json::Value;

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/bad_input")
}

/// Every operation, results ignored: none may panic on a bad plan.
fn run_everything(s: &Strategy) {
    let o = ScheduleOptions::default();
    let _ = s.matrix().map(|m| (m.to_markdown(), m.to_csv()));
    let _ = s.gaps();
    let _ = s.waves();
    let _ = s.topological_order();
    let _ = s.find_cycle();
    let _ = s.cyclic_blocks();
    let _ = s.dependencies();
    let _ = s.impact(&["1.1"]);
    let _ = s
        .schedule(&o)
        .map(|x| (x.to_csv(), x.to_json(), x.to_mermaid()));
    let _ = s.what_if(
        &o,
        &[eculture::schedule::DurationChange::duration("1.1", 30)],
    );
    let _ = s.rollout(&o);
    let _ = s.dsm();
    let _ = s.redundant_dependencies();
    let _ = s.risk(&o, &RiskOptions { runs: 20, seed: 1 });
    let _ = s.heatmap_svg(&o, &Default::default());
    let _ = s.gantt_svg(&o, &Default::default());
    let _ = s.report_html(&o, &Default::default());
    let _ = s.execution_rate(&Default::default());
    let _ = s.achievement(&Default::default());
    let _ = s.triage(&Default::default());
    let _ = s.reporting_calendar(&Default::default());
    let _ = s
        .monitoring_report(&Default::default())
        .map(|r| (r.to_markdown(), r.to_html()));
}

#[test]
fn every_bad_document_gives_its_typed_located_error() {
    let expected: serde_json::Map<String, Value> =
        serde_json::from_str(&std::fs::read_to_string(dir().join("expected.json")).unwrap())
            .unwrap();
    assert!(
        expected.len() >= 100,
        "the corpus has {} documents",
        expected.len()
    );
    let mut failures = Vec::new();
    for (name, want) in &expected {
        let path = dir().join("cases").join(name);
        let stage = want["stage"].as_str().unwrap();
        let wpath = want["path"].as_str();
        match (Strategy::load(&path), stage) {
            (Err(Error::Parse(p)), "load") => {
                if wpath.is_some() && p.path() != wpath {
                    failures.push(format!("{name}: path {:?}, want {wpath:?} ({p})", p.path()));
                }
                if p.line().is_none() && p.path().is_none() {
                    failures.push(format!("{name}: neither line nor path: {p}"));
                }
            }
            (Ok(s), "validate") => {
                let code = want["code"].as_str().unwrap();
                let sev = want["severity"].as_str().unwrap();
                let found = s.validate().iter().find(|d| {
                    d.code.as_str() == code
                        && Some(d.path.as_str()) == wpath
                        && d.severity.as_str() == sev
                });
                match found {
                    Some(d) if d.line.is_some() => {}
                    Some(d) => failures.push(format!("{name}: no line on {d}")),
                    None => failures.push(format!(
                        "{name}: no {sev} {code} at {wpath:?}; got {:?}",
                        s.validate()
                            .iter()
                            .map(|d| format!("{} {} {}", d.severity.as_str(), d.code, d.path))
                            .collect::<Vec<_>>()
                    )),
                }
                run_everything(&s);
            }
            (Ok(s), _) => failures.push(format!(
                "{name}: loaded, want a parse error; {:?}",
                s.validate().first()
            )),
            (Err(e), _) => failures.push(format!("{name}: {} {e}, want {want}", e.code())),
        }
    }
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
