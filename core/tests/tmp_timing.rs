use eculture::Strategy;
use serde_json::{Value, json};

fn plan(n: usize, mixed: bool) -> Strategy {
    let mut x: u64 = 88172645463325252;
    let mut rnd = move || {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        x
    };
    let kinds = ["FS", "SS", "FF", "SF"];
    let mut ms = Vec::with_capacity(n);
    for i in 0..n {
        let k = if i == 0 { 0 } else { 2 + (rnd() % 5) as usize };
        let deps: Vec<Value> = (0..k).map(|_| {
            let back = 1 + (rnd() % 3000) as usize;
            let j = i.saturating_sub(back);
            if mixed && rnd() % 5 == 0 {
                json!({"id": format!("m{j}"), "type": kinds[(rnd() % 4) as usize], "lag_days": (rnd() % 7) as i64 - 2})
            } else { json!(format!("m{j}")) }
        }).collect();
        ms.push(json!({"id": format!("m{i}"), "direction": "D", "title": {"en": "x"}, "main_executor": "O",
            "duration_days": 1 + rnd() % 30, "depends_on": deps}));
    }
    let d = json!({
        "strategy": {"id": "t", "title": {"az": "t", "en": "t"}, "period": {"start": "2024-01-01", "end": "2026-12-31"}},
        "organizations": [{"id": "O", "name": {"en": "O"}, "kind": "ministry"}],
        "directions": [{"id": "D", "title": {"en": "D"}}],
        "measures": ms,
    });
    Strategy::from_json(&d.to_string()).unwrap()
}

#[test]
fn timing() {
    for &n in &[10_000usize, 100_000] {
        for mixed in [false, true] {
            let s = plan(n, mixed);
            let _ = s.topological_order();
            let t = std::time::Instant::now();
            let r = s.redundancy().unwrap();
            let lens: usize = r.dependencies.iter().map(|d| d.implied_by.len()).sum();
            println!(
                "n={n} mixed={mixed}: {:?} found={} complete={} path-ids={} trunc={}",
                t.elapsed(),
                r.dependencies.len(),
                r.complete,
                lens,
                r.dependencies
                    .iter()
                    .filter(|d| d.implied_by_truncated)
                    .count()
            );
        }
    }
}
