//! `docs/api.md` is the table of operations (`eculture::api::OPERATIONS`) as Markdown; this
//! test keeps it current (`UPDATE_GOLDEN=1` rewrites it). The Python (`py/tests/test_api.py`)
//! and node (`wasm/tests/surface.test.mjs`) suites check the same table against what their
//! packages export.

use eculture::api::{OPERATIONS, OpKind};

fn render() -> String {
    let mut out = String::from(
        "# The API on every surface\n\n\
         Generated from `eculture::api::OPERATIONS` by `core/tests/api_surface.rs` \
         (`UPDATE_GOLDEN=1 cargo test -p eculture --test api_surface` rewrites it). The Python \
         and node test suites fail when their package exports an operation that is not here, or \
         lacks one that is. `–` marks an operation that has no place on that surface (files in a \
         browser, pandas in JavaScript) or that is a binding's idiom.\n\n\
         Properties are data (read without parentheses); methods compute or convert. Option keys \
         are snake_case; JavaScript's camelCase spelling is the same key. Defaults live in the \
         core only.\n",
    );
    let mut on = "";
    for op in OPERATIONS {
        if op.on != on {
            on = op.on;
            out.push_str(&format!(
                "\n## {}\n\n| kind | Rust | Python | JavaScript | arguments | returns |\n|---|---|---|---|---|---|\n",
                if on == "module" { "Module functions" } else { on }
            ));
        }
        let kind = match op.kind {
            OpKind::Constructor => "constructor",
            OpKind::Method => "method",
            OpKind::Property => "property",
        };
        let name = |n: Option<&str>| n.map_or("–".to_owned(), |n| format!("`{n}`"));
        out.push_str(&format!(
            "| {kind} | {} | {} | {} | {} | {} |\n",
            name(op.rust),
            name(op.python),
            name(op.js),
            if op.args.is_empty() { "" } else { op.args },
            op.returns
        ));
    }
    out
}

#[test]
fn docs_api_md_is_the_table() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../docs/api.md");
    let want = render();
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(path, &want).unwrap();
    }
    let got = std::fs::read_to_string(path).unwrap_or_default();
    assert_eq!(
        got, want,
        "docs/api.md is stale: UPDATE_GOLDEN=1 cargo test -p eculture --test api_surface"
    );
}

#[test]
fn names_are_unique_per_class_and_surface() {
    let mut seen = std::collections::HashSet::new();
    for op in OPERATIONS {
        for (surface, name) in [("py", op.python), ("js", op.js)] {
            if let Some(n) = name {
                assert!(
                    seen.insert((op.on, surface, n)),
                    "{} {surface} `{n}` listed twice",
                    op.on
                );
            }
        }
    }
}
