//! Cross-surface golden files: `tests/golden/<case>/input.{json,yaml,toml}` and `expected.json`.
//! The Python (`py/tests/test_golden.py`) and node (`wasm/tests/golden.test.mjs`) suites check the
//! same files through their own APIs. `UPDATE_GOLDEN=1 cargo test -p eculture --test golden`
//! rewrites the expected files (review the diff before committing).

use std::path::{Path, PathBuf};

use eculture::{Error, Strategy};
use serde_json::{Value, json};

fn golden_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/golden")
}

fn input_of(case: &Path) -> PathBuf {
    ["input.json", "input.yaml", "input.toml"]
        .iter()
        .map(|f| case.join(f))
        .find(|p| p.exists())
        .unwrap_or_else(|| panic!("no input in {}", case.display()))
}

fn err_value(e: &Error) -> Value {
    match e {
        Error::Cycle(c) => json!({"error": e.code(), "cycle": c.cycle()}),
        _ => json!({"error": e.code()}),
    }
}

fn or_err<T>(r: Result<T, Error>, f: impl FnOnce(T) -> Value) -> Value {
    match r {
        Ok(v) => f(v),
        Err(e) => err_value(&e),
    }
}

/// Everything the golden files record, computed with the public Rust API.
fn report(path: &Path) -> Value {
    let s = match Strategy::load(path) {
        Ok(s) => s,
        Err(Error::Parse(p)) => {
            return json!({"load_error": {"code": "parse_error", "line": p.line(), "column": p.column(), "path": p.path()}});
        }
        Err(e) => return json!({"load_error": {"code": e.code()}}),
    };
    let diagnostics = serde_json::to_value(s.validate()).unwrap();
    let matrix = s.matrix();
    let first = s.document().measures.first().map(|m| m.id.to_string());
    let impact_ids: Vec<String> = first.into_iter().collect();
    let messages: Vec<String> = s.validate().iter().map(ToString::to_string).collect();
    json!({
        "diagnostics": diagnostics,
        "messages": messages,
        "matrix": or_err(matrix.clone(), |m| serde_json::to_value(&m).unwrap()),
        "coverage": or_err(matrix.clone(), |m| serde_json::to_value(m.coverage()).unwrap()),
        "gaps": or_err(matrix, |m| json!(m.gaps().iter().map(|c| [c.cluster.clone(), c.module.clone()]).collect::<Vec<_>>())),
        "order": or_err(s.topological_order(), |o| json!(o)),
        "waves": or_err(s.waves(), |w| json!(w)),
        "impact": match s.impact(&impact_ids) {
            Ok(r) => json!({"ids": impact_ids, "result": r}),
            Err(e) => json!({"ids": impact_ids, "error": e.code()}),
        },
    })
}

#[test]
fn golden_cases_match() {
    let update = std::env::var_os("UPDATE_GOLDEN").is_some();
    let mut cases: Vec<PathBuf> = std::fs::read_dir(golden_dir())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir())
        .collect();
    cases.sort();
    assert!(
        cases.len() >= 8,
        "expected the golden cases, found {}",
        cases.len()
    );
    let mut failures = Vec::new();
    for case in &cases {
        let got = report(&input_of(case));
        let expected_path = case.join("expected.json");
        if update {
            std::fs::write(
                &expected_path,
                serde_json::to_string_pretty(&got).unwrap() + "\n",
            )
            .unwrap();
            continue;
        }
        let expected: Value =
            serde_json::from_str(&std::fs::read_to_string(&expected_path).unwrap()).unwrap();
        if got != expected {
            failures.push(format!(
                "{}:\n got: {}\n",
                case.display(),
                serde_json::to_string(&got).unwrap()
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "golden mismatches:\n{}",
        failures.join("\n")
    );
}

#[test]
fn derived_dependencies_are_listed_and_flagged() {
    let s = Strategy::load(golden_dir().join("derived_junction/input.json")).unwrap();
    let deps = s.dependencies().unwrap();
    let derived: Vec<(String, String)> = deps
        .iter()
        .filter(|d| d.derived)
        .map(|d| (d.from.clone(), d.to.clone()))
        .collect();
    // c1, c2, c3 deliver `top` to x, which requires `base`: each waits for p1, p2, p3 and `self`
    // (4 × 3 = 12 edges through one junction); `self` delivers both and waits for nobody.
    let mut expect = Vec::new();
    for c in ["c1", "c2", "c3"] {
        for p in ["p1", "p2", "p3", "self"] {
            expect.push((p.to_string(), c.to_string()));
        }
    }
    assert_eq!(derived, expect);
    assert!(
        deps.iter()
            .filter(|d| d.derived)
            .all(|d| d.module.as_deref() == Some("base") && d.cluster.as_deref() == Some("x"))
    );
    let explicit: Vec<_> = deps
        .iter()
        .filter(|d| !d.derived)
        .map(|d| (d.from.as_str(), d.to.as_str(), d.relation.as_str()))
        .collect();
    assert_eq!(explicit, vec![("c1", "after", "FS")]);
    // the stored graph used a junction: 4 + 3 + 1 edges instead of 12 + 1
    assert_eq!(s.graph().unwrap().edge_count(), 8);
}

#[test]
fn small_direct_products_are_stored_as_direct_edges() {
    let s = Strategy::load(golden_dir().join("small_valid/input.json")).unwrap();
    let deps = s.dependencies().unwrap();
    let derived: Vec<_> = deps
        .iter()
        .filter(|d| d.derived)
        .map(|d| {
            (
                d.from.as_str(),
                d.to.as_str(),
                d.cluster.as_deref().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        derived,
        vec![("1.1", "1.2", "library"), ("1.1", "2.1", "theatre")]
    );
    assert_eq!(s.graph().unwrap().edge_count(), deps.len());
}
