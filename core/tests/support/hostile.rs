//! Hostile plans, as JSON text: shapes that make a careless algorithm quadratic or
//! exponential. Shared by `core/tests/bounded_work.rs` (the memory bounds) and
//! `core/benches/hostile.rs` (the times at n and 4n), through `#[path = …]`.
#![allow(dead_code)]

use std::fmt::Write as _;

const HEAD: &str = r#""strategy": {"id": "h", "title": {"az": "h", "en": "h"},
  "period": {"start": "2024-01-01", "end": "2030-12-31"}, "coordinating_body": "o", "monitoring_body": "o"},
  "organizations": [{"id": "o", "name": {"en": "O"}, "kind": "ministry"}],
  "directions": [{"id": "D", "title": {"en": "D"}}],
  "indicators": [{"id": "I", "name": {"en": "I"}, "baseline": {"year": 2023, "value": 1},
                  "targets": [{"year": 2026, "value": 5, "final": true}]}]"#;

/// One measure: `deps` is the JSON list of `depends_on`, `extra` more fields (`, "k": v`).
fn measure(out: &mut String, id: &str, dur: u32, deps: &str, extra: &str) {
    if !out.ends_with('[') {
        out.push(',');
    }
    let _ = write!(
        out,
        r#"{{"id":"{id}","direction":"D","title":{{"en":"{id}"}},"main_executor":"o","duration_days":{dur},"depends_on":{deps}{extra}}}"#
    );
}

/// The document around `measures` (a JSON list) and `more` (`, "clusters": …`).
fn document(measures: &str, more: &str) -> String {
    format!("{{{HEAD}{more}, \"measures\": {measures}}}")
}

/// One sink depending on `n` measures.
pub fn fan_in(n: usize) -> String {
    let mut m = String::from("[");
    for i in 0..n {
        measure(&mut m, &format!("m{i}"), 10, "[]", "");
    }
    let deps: Vec<String> = (0..n).map(|i| format!("\"m{i}\"")).collect();
    measure(&mut m, "sink", 10, &format!("[{}]", deps.join(",")), "");
    m.push(']');
    document(&m, "")
}

/// `n` measures depending on one source.
pub fn fan_out(n: usize) -> String {
    let mut m = String::from("[");
    measure(&mut m, "src", 10, "[]", "");
    for i in 0..n {
        measure(&mut m, &format!("m{i}"), 10, r#"["src"]"#, "");
    }
    m.push(']');
    document(&m, "")
}

/// A ladder of `k` diamonds of equal durations: 2^k tied critical paths.
pub fn ladder(k: usize) -> String {
    let mut m = String::from("[");
    measure(&mut m, "s", 5, "[]", "");
    let mut prev = vec!["s".to_string()];
    for i in 0..k {
        let deps = format!(
            "[{}]",
            prev.iter()
                .map(|p| format!("\"{p}\""))
                .collect::<Vec<_>>()
                .join(",")
        );
        let (a, b) = (format!("a{i}"), format!("b{i}"));
        measure(&mut m, &a, 5, &deps, "");
        measure(&mut m, &b, 5, &deps, "");
        prev = vec![a, b];
    }
    m.push(']');
    document(&m, "")
}

/// A chain of `n` measures (each depends on the one before); `ring` closes it into one cycle.
pub fn chain(n: usize, ring: bool) -> String {
    let mut m = String::from("[");
    for i in 0..n {
        let deps = if i > 0 {
            format!("[\"m{}\"]", i - 1)
        } else if ring {
            format!("[\"m{}\"]", n - 1)
        } else {
            "[]".into()
        };
        measure(&mut m, &format!("m{i}"), 3, &deps, "");
    }
    m.push(']');
    document(&m, "")
}

/// `k` modules, each requiring every earlier one (k²/2 requirements), over 4 clusters, and
/// `n` measures delivering them round-robin to every cluster: derived dependencies go through
/// junctions.
pub fn requirement_clique(k: usize, n: usize) -> String {
    let clusters = r#", "clusters": [{"id":"c0","title":{"en":"c0"}},{"id":"c1","title":{"en":"c1"}},{"id":"c2","title":{"en":"c2"}},{"id":"c3","title":{"en":"c3"}}]"#;
    let mut mods = String::from(", \"modules\": [");
    for j in 0..k {
        if j > 0 {
            mods.push(',');
        }
        let req: Vec<String> = (0..j).map(|r| format!("\"x{r}\"")).collect();
        let _ = write!(
            mods,
            r#"{{"id":"x{j}","title":{{"en":"x{j}"}},"applies_to":{{"all":true}},"requires":[{}]}}"#,
            req.join(",")
        );
    }
    mods.push(']');
    let mut m = String::from("[");
    for i in 0..n {
        let t = format!(r#","targets":[{{"module":"x{}"}}]"#, i % k);
        measure(&mut m, &format!("m{i}"), 7, "[]", &t);
    }
    m.push(']');
    document(&m, &format!("{clusters}{mods}"))
}

/// `p` producers of module A and `p` consumers of module B (B requires A, through one
/// junction), and producer `i` depending on consumer `i`: one strongly connected block of
/// `2p` measures whose measure-to-measure dependencies number p² + p.
pub fn junction_cycle(p: usize) -> String {
    let more = r#", "clusters": [{"id":"c","title":{"en":"c"}}], "modules": [{"id":"A","title":{"en":"A"},"applies_to":{"all":true}},{"id":"B","title":{"en":"B"},"applies_to":{"all":true},"requires":["A"]}]"#;
    let mut m = String::from("[");
    for i in 0..p {
        measure(
            &mut m,
            &format!("p{i}"),
            4,
            &format!("[\"q{i}\"]"),
            r#","targets":[{"module":"A"}]"#,
        );
    }
    for i in 0..p {
        measure(
            &mut m,
            &format!("q{i}"),
            4,
            "[]",
            r#","targets":[{"module":"B"}]"#,
        );
    }
    m.push(']');
    document(&m, more)
}

/// A measure whose id is `bytes` long, a dependency on it, and a near miss of it (one byte
/// changed: "did you mean" compares the two).
pub fn huge_id(bytes: usize) -> String {
    let id = "x".repeat(bytes);
    let near = format!("{}y", &id[..bytes - 1]);
    let mut m = String::from("[");
    measure(&mut m, &id, 5, "[]", "");
    measure(&mut m, "a", 5, &format!("[\"{id}\"]"), "");
    measure(&mut m, "b", 5, &format!("[\"{near}\"]"), "");
    m.push(']');
    document(&m, "")
}

/// `n` measures with the same id, each depending on it.
pub fn duplicates(n: usize) -> String {
    let mut m = String::from("[");
    for _ in 0..n {
        measure(&mut m, "dup", 5, r#"["dup"]"#, "");
    }
    m.push(']');
    document(&m, "")
}

/// `c` clusters × `k` modules (every module applies everywhere) and `n` measures, each
/// delivering one module to every cluster.
pub fn wide_matrix(c: usize, k: usize, n: usize) -> String {
    let mut more = String::from(", \"clusters\": [");
    for i in 0..c {
        if i > 0 {
            more.push(',');
        }
        let _ = write!(more, r#"{{"id":"c{i}","title":{{"en":"c{i}"}}}}"#);
    }
    more.push_str("], \"modules\": [");
    for j in 0..k {
        if j > 0 {
            more.push(',');
        }
        let _ = write!(
            more,
            r#"{{"id":"x{j}","title":{{"en":"x{j}"}},"applies_to":{{"all":true}}}}"#
        );
    }
    more.push(']');
    let mut m = String::from("[");
    for i in 0..n {
        let t = format!(r#","targets":[{{"module":"x{}"}}]"#, i % k);
        measure(&mut m, &format!("m{i}"), 7, "[]", &t);
    }
    m.push(']');
    document(&m, &more)
}
