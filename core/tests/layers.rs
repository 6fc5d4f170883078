//! The core's modules form a stack (ARCHITECTURE.md, "Layers"): a top-level module of
//! `core/src` may name, through `crate::` paths, only modules of a lower layer or of its own
//! layer, and the imports inside one layer form no circle.
//!
//! The scanner reads every `.rs` file under `core/src` as text. It counts, for the file's
//! top-level module:
//! - `crate::x` anywhere in code, including `use crate::{a, b::c}` groups (each member counts)
//!   and serde's `with = "crate::x::..."` strings (they are real uses);
//! - `super::super::x` (and deeper) from nested files, resolved against the file's place in
//!   the tree, when it climbs to the crate root.
//!
//! It skips comment lines (a line whose text starts with `//`: comments, doc comments and
//! intra-doc links such as ``[`crate::monitoring`]``). A doc link up a layer is harmless: it
//! makes rustdoc link a page, not the code depend on it. Names that are not modules (items of
//! `lib.rs` such as `crate::json_schema` or `crate::__private`) are not imports of a module.
//! Inline `mod x { ... }` blocks count as their file. `lib.rs` is the top and is not checked.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The stack, bottom first: (layer name, what the layer is, its modules).
const LAYERS: &[(&str, &str, &[&str])] = &[
    (
        "foundations",
        "plain data and helpers: nothing here knows about plans as a whole",
        &[
            "par",
            "period",
            "dates",
            "escape",
            "model",
            "diagnostic",
            "ids",
            "suggest",
            "error",
            "workbook",
        ],
    ),
    (
        "reading",
        "documents from text: formats, parse errors, lines for paths",
        &["locate", "io", "sheets", "project"],
    ),
    (
        "graph",
        "the dependency graph and its algorithms",
        &["graph"],
    ),
    (
        "resolution and validation",
        "the document checked and resolved once: id tables, rules, reports, cells, edges",
        &["validate", "resolve"],
    ),
    (
        "strategy",
        "the document plus its cached index; loading, validation, graph queries",
        &["strategy"],
    ),
    (
        "capabilities",
        "the questions answered, each adding its operations to Strategy",
        &[
            "provenance",
            "matrix",
            "schedule",
            "render",
            "micmac",
            "monitoring",
            "diff",
            "portfolio",
            "reportbooks",
            "planners",
        ],
    ),
    (
        "surfaces",
        "what bindings call: plain-data options and flat result columns",
        &["columnar", "arrow", "api"],
    ),
];

/// One import: the module named, where.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct Import {
    target: String,
    line: usize,
    text: String,
}

/// The file's module path from its path under `src` (`io/mod.rs` -> `[io]`,
/// `monitoring/rate.rs` -> `[monitoring, rate]`).
fn module_path(rel: &Path) -> Vec<String> {
    let mut parts: Vec<String> = rel
        .iter()
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    if let Some(last) = parts.pop() {
        let stem = last.trim_end_matches(".rs");
        if stem != "mod" && stem != "lib" {
            parts.push(stem.to_owned());
        }
    }
    parts
}

fn is_ident_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_'
}

fn ident_at(s: &str) -> &str {
    let end = s.find(|c: char| !is_ident_char(c)).unwrap_or(s.len());
    &s[..end]
}

/// The top-level modules a file's text names, with their lines. `module` is the file's
/// module path.
fn scan(text: &str, module: &[String]) -> Vec<Import> {
    // comment lines blanked, so offsets keep their lines
    let code: String = text
        .lines()
        .map(|l| {
            if l.trim_start().starts_with("//") {
                ""
            } else {
                l
            }
        })
        .collect::<Vec<_>>()
        .join("\n");
    let line_of = |at: usize| code[..at].bytes().filter(|&b| b == b'\n').count() + 1;
    let line_text = |at: usize| {
        let start = code[..at].rfind('\n').map_or(0, |i| i + 1);
        let end = code[at..].find('\n').map_or(code.len(), |i| at + i);
        code[start..end].trim().to_owned()
    };
    let mut out = Vec::new();
    let bytes = code.as_bytes();
    let mut push = |target: &str, at: usize| {
        if !target.is_empty() {
            out.push(Import {
                target: target.to_owned(),
                line: line_of(at),
                text: line_text(at),
            });
        }
    };
    // `crate::x` and `crate::{a, b}`
    let mut from = 0;
    while let Some(i) = code[from..].find("crate::") {
        let at = from + i;
        from = at + "crate::".len();
        if at > 0 && (is_ident_char(bytes[at - 1] as char) || bytes[at - 1] == b'$') {
            continue;
        }
        let rest = &code[from..];
        if let Some(group) = rest.strip_prefix('{') {
            // members at depth 0 of the group
            let mut depth = 0usize;
            let mut expect = true;
            for (k, c) in group.char_indices() {
                match c {
                    '{' => depth += 1,
                    '}' if depth == 0 => break,
                    '}' => depth -= 1,
                    ',' if depth == 0 => expect = true,
                    c if c.is_whitespace() => {}
                    _ if expect && depth == 0 => {
                        expect = false;
                        push(ident_at(&group[k..]), from + 1 + k);
                    }
                    _ => {}
                }
            }
        } else {
            push(ident_at(rest), at);
        }
    }
    // `super::super::x` climbing to the root
    let mut from = 0;
    while let Some(i) = code[from..].find("super::") {
        let at = from + i;
        from = at + 1;
        if at > 0 && is_ident_char(bytes[at - 1] as char) || code[..at].ends_with("super::") {
            continue;
        }
        let mut rest = &code[at..];
        let mut ups = 0;
        while let Some(r) = rest.strip_prefix("super::") {
            ups += 1;
            rest = r;
        }
        if ups == module.len() {
            push(ident_at(rest), at);
        }
    }
    out
}

fn rs_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.expect("directory entry").path())
        .collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            rs_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// Module -> (module it imports -> the places).
type Graph = BTreeMap<String, BTreeMap<String, Vec<(String, Import)>>>;

fn import_graph(src: &Path) -> (BTreeSet<String>, Graph) {
    let mut files = Vec::new();
    rs_files(src, &mut files);
    let mut modules = BTreeSet::new();
    let mut scanned = Vec::new();
    for f in &files {
        let rel = f.strip_prefix(src).expect("under src").to_path_buf();
        let path = module_path(&rel);
        let Some(top) = path.first().cloned() else {
            continue; // lib.rs
        };
        modules.insert(top.clone());
        let text = std::fs::read_to_string(f).expect("readable source");
        scanned.push((rel, top, scan(&text, &path)));
    }
    let mut graph = Graph::new();
    for (rel, top, imports) in scanned {
        for imp in imports {
            if imp.target == top || !modules.contains(&imp.target) {
                continue;
            }
            graph
                .entry(top.clone())
                .or_default()
                .entry(imp.target.clone())
                .or_default()
                .push((rel.display().to_string(), imp));
        }
    }
    (modules, graph)
}

fn layer_of(module: &str) -> Option<usize> {
    LAYERS.iter().position(|(_, _, ms)| ms.contains(&module))
}

/// Every problem: a module missing from the table, an import up a layer, a circle in a layer.
fn problems(modules: &BTreeSet<String>, graph: &Graph) -> Vec<String> {
    let mut out = Vec::new();
    for m in modules {
        if layer_of(m).is_none() {
            out.push(format!(
                "module `{m}` is in no layer: add it to LAYERS in core/tests/layers.rs and to ARCHITECTURE.md"
            ));
        }
    }
    let place = |file: &str, imp: &Import| format!("{file}:{}: {}", imp.line, imp.text);
    for (from, targets) in graph {
        let Some(lf) = layer_of(from) else { continue };
        for (to, places) in targets {
            let Some(lt) = layer_of(to) else { continue };
            if lt > lf {
                for (file, imp) in places {
                    out.push(format!(
                        "`{from}` ({}) imports `{to}` ({}), a higher layer, at {}",
                        LAYERS[lf].0,
                        LAYERS[lt].0,
                        place(file, imp)
                    ));
                }
            }
        }
    }
    // circles inside one layer: depth-first search for a back edge
    for (name, _, members) in LAYERS {
        let same = |a: &str| members.contains(&a);
        let mut state: BTreeMap<&str, u8> = BTreeMap::new(); // 1 on the stack, 2 done
        fn dfs<'a>(
            m: &'a str,
            graph: &'a Graph,
            same: &dyn Fn(&str) -> bool,
            state: &mut BTreeMap<&'a str, u8>,
            stack: &mut Vec<&'a str>,
            found: &mut Vec<Vec<&'a str>>,
        ) {
            state.insert(m, 1);
            stack.push(m);
            if let Some(ts) = graph.get(m) {
                for t in ts.keys().map(String::as_str).filter(|t| same(t)) {
                    match state.get(t) {
                        Some(1) => {
                            let k = stack.iter().position(|x| *x == t).unwrap_or(0);
                            let mut c = stack[k..].to_vec();
                            c.push(t);
                            found.push(c);
                        }
                        Some(_) => {}
                        None => dfs(t, graph, same, state, stack, found),
                    }
                }
            }
            stack.pop();
            state.insert(m, 2);
        }
        let mut found = Vec::new();
        for m in members.iter().copied() {
            if !state.contains_key(m) {
                dfs(m, graph, &same, &mut state, &mut Vec::new(), &mut found);
            }
        }
        for c in found {
            let mut s = format!("a circle in layer `{name}`: {}", c.join(" -> "));
            for w in c.windows(2) {
                if let Some((file, imp)) = graph[w[0]][w[1]].first() {
                    s.push_str(&format!("\n    {} -> {}: {}", w[0], w[1], place(file, imp)));
                }
            }
            out.push(s);
        }
    }
    out
}

#[test]
fn modules_form_a_stack() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let (modules, graph) = import_graph(&src);
    assert!(
        modules.len() > 10,
        "no modules found under {}",
        src.display()
    );
    let p = problems(&modules, &graph);
    assert!(
        p.is_empty(),
        "{} layering problem(s) (see ARCHITECTURE.md, Layers):\n{}",
        p.len(),
        p.join("\n")
    );
}

#[test]
fn the_table_has_each_module_once() {
    let mut seen = BTreeSet::new();
    for (_, _, ms) in LAYERS {
        for m in *ms {
            assert!(seen.insert(*m), "`{m}` is in two layers");
        }
    }
}

#[test]
fn the_scanner_finds_paths_groups_and_climbs() {
    let text = "\
//! A doc line naming [`crate::api`] is not an import.
use crate::model::{Document, Status};
use crate::{error, validate::{Code, Diagnostic}};
use super::super::matrix::share_text;
use super::sibling::x;
#[serde(with = \"crate::dates::iso\")]
fn f() { let _ = crate::par::large(1); let _ = $crate::nope; }
    // crate::schedule in a comment
";
    let found: Vec<(String, usize)> = scan(text, &["render".into(), "heatmap".into()])
        .into_iter()
        .map(|i| (i.target, i.line))
        .collect();
    let want: Vec<(String, usize)> = [
        ("model", 2),
        ("error", 3),
        ("validate", 3),
        ("dates", 6),
        ("par", 7),
        ("matrix", 4),
    ]
    .iter()
    .map(|(t, l)| (t.to_string(), *l))
    .collect();
    assert_eq!(found, want);
    // from a top-level file, `super::x` is the crate root already
    let top: Vec<String> = scan("use super::graph::DepGraph;", &["schedule".into()])
        .into_iter()
        .map(|i| i.target)
        .collect();
    assert_eq!(top, ["graph"]);
}

#[test]
fn the_check_fails_on_an_upward_import_and_a_circle() {
    let mut graph = Graph::new();
    let imp = |t: &str| {
        (
            "x.rs".to_owned(),
            Import {
                target: t.into(),
                line: 1,
                text: format!("use crate::{t};"),
            },
        )
    };
    // model (foundations) -> strategy: up
    graph
        .entry("model".into())
        .or_default()
        .insert("strategy".into(), vec![imp("strategy")]);
    // locate <-> io: a circle in `reading`
    graph
        .entry("io".into())
        .or_default()
        .insert("locate".into(), vec![imp("locate")]);
    graph
        .entry("locate".into())
        .or_default()
        .insert("io".into(), vec![imp("io")]);
    let modules: BTreeSet<String> = ["model", "strategy", "io", "locate", "stray"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    let p = problems(&modules, &graph);
    assert_eq!(p.len(), 3, "{p:#?}");
    assert!(p[0].contains("`stray` is in no layer"));
    assert!(p[1].contains("`model` (foundations) imports `strategy`"));
    assert!(p[2].contains("a circle in layer `reading`"));
}
