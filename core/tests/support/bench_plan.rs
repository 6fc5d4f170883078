//! The benchmark plans (`bench/gen_strategy.py`, the project's deterministic plan generator,
//! stdlib Python) as eculture documents, for the tests that run on them.

use std::path::PathBuf;
use std::process::Command;

use eculture::Strategy;
use serde_json::{Value, json};

/// The generator's neutral plan of `n` measures (seed 1), with one back edge when `cycle`.
pub fn generate(n: usize, cycle: bool) -> Option<Value> {
    let gen_path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../bench/gen_strategy.py");
    assert!(
        gen_path.exists(),
        "{} is part of the repository",
        gen_path.display()
    );
    let out = std::env::temp_dir().join(format!(
        "eculture_sched_plan_{n}_{cycle}_{}.json",
        std::process::id()
    ));
    let mut cmd = Command::new("python3");
    cmd.arg(&gen_path)
        .args(["--measures", &n.to_string(), "--seed", "1", "--out"])
        .arg(&out);
    if cycle {
        cmd.arg("--cycle");
    }
    match cmd.output() {
        Ok(o) if o.status.success() => {}
        Ok(o) => panic!("generator failed: {}", String::from_utf8_lossy(&o.stderr)),
        Err(e) => panic!("python3 runs the plan generator: {e}"),
    }
    let text = std::fs::read_to_string(&out).unwrap();
    let _ = std::fs::remove_file(&out);
    Some(serde_json::from_str(&text).unwrap())
}

/// The neutral plan → an eculture document (one target per measure; `start_not_before` is left
/// out because the networkx CPM ignores it).
pub fn to_strategy(plan: &Value) -> Strategy {
    let clusters: Vec<Value> = plan["clusters"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| json!({"id": c["id"], "title": {"en": c["name"]}}))
        .collect();
    let modules: Vec<Value> = plan["modules"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| json!({"id": m["id"], "title": {"en": m["name"]}, "applies_to": {"all": true}}))
        .collect();
    let measures: Vec<Value> = plan["measures"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| {
            json!({"id": m["id"], "direction": "D", "title": {"en": m["id"]}, "main_executor": "O",
                   "duration_days": m["duration_days"], "depends_on": m["depends_on"],
                   "targets": [{"module": m["module"], "clusters": [m["cluster"]]}]})
        })
        .collect();
    let doc = json!({
        "strategy": {"id": "bench", "title": {"az": "b", "en": "b"},
                     "period": {"start": "2024-01-01", "end": "2026-12-31"}},
        "organizations": [{"id": "O", "name": {"en": "O"}, "kind": "ministry"}],
        "directions": [{"id": "D", "title": {"en": "D"}}],
        "clusters": clusters,
        "modules": modules,
        "measures": measures,
    });
    Strategy::from_json(&doc.to_string()).unwrap()
}
