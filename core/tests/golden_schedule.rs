//! Cross-surface schedule golden files: `tests/golden_schedule/<case>/` holds `input.json` (or
//! `"embedded": true` in `options.json` for the e-Culture default), `options.json` and
//! `expected.json`. The Python and node suites compute the same operations through their own
//! APIs and compare with the same files; floats must match exactly.
//! `UPDATE_GOLDEN=1 cargo test -p eculture --test golden_schedule` rewrites the expected files.

use std::path::{Path, PathBuf};

use eculture::schedule::{DurationChange, RiskOptions, ScheduleOptions};
use eculture::{Error, Strategy};
use serde_json::{Value, json};

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/golden_schedule")
}

fn val<T: serde::Serialize>(r: Result<T, Error>) -> Value {
    match r {
        Ok(v) => serde_json::to_value(v).unwrap(),
        Err(e) => json!({"error": e.code()}),
    }
}

fn compute(case: &Path) -> Value {
    let options: Value =
        serde_json::from_str(&std::fs::read_to_string(case.join("options.json")).unwrap()).unwrap();
    let s = if options["embedded"] == json!(true) {
        Strategy::e_culture()
    } else {
        Strategy::load(case.join("input.json")).unwrap()
    };
    let opts: ScheduleOptions = serde_json::from_value(options["schedule"].clone()).unwrap();
    let changes: Vec<DurationChange> = serde_json::from_value(options["what_if"].clone()).unwrap();
    let risk: RiskOptions = serde_json::from_value(options["risk"].clone()).unwrap();
    json!({
        "report": val(s.schedule(&opts).and_then(|sch| sch.report())),
        "csv": val(s.schedule(&opts).and_then(|sch| sch.to_csv())),
        "what_if": val(s.what_if(&opts, &changes)),
        "rollout": val(s.rollout(&opts)),
        "redundant": val(s.redundant_dependencies()),
        "dsm": val(s.dsm()),
        "risk": val(s.risk(&opts, &risk)),
    })
}

#[test]
fn schedule_golden_cases_match() {
    let update = std::env::var_os("UPDATE_GOLDEN").is_some();
    let mut cases: Vec<PathBuf> = std::fs::read_dir(dir())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir())
        .collect();
    cases.sort();
    assert!(cases.len() >= 4);
    for case in &cases {
        let got = compute(case);
        let path = case.join("expected.json");
        if update {
            std::fs::write(&path, serde_json::to_string_pretty(&got).unwrap() + "\n").unwrap();
            continue;
        }
        let expected: Value =
            serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        assert_eq!(got, expected, "{}", case.display());
    }
}
