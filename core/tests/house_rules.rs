//! The house rules of ARCHITECTURE.md that a reader of the code can count, kept true:
//!
//! - no function in `core/src` is longer than [`MAX_FN_LINES`] lines (outside `#[cfg(test)]`
//!   modules): one function per pass or report section, each fits on a screen or two;
//! - the bindings only convert: no binding source file (`py/src`, `wasm/src`) is longer than
//!   [`MAX_BINDING_FILE_LINES`] lines, and the bindings together are at most
//!   [`MAX_BINDING_SHARE`] of the core's lines.
//!
//! Functions are found by a small scanner that skips comments, string and character literals
//! (so a `{` inside `"…"` is not a brace) and counts from the `fn` line to its closing brace.

use std::path::{Path, PathBuf};

const MAX_FN_LINES: usize = 200;
const MAX_BINDING_FILE_LINES: usize = 600;
const MAX_BINDING_SHARE: f64 = 0.20;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    for p in entries {
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// The text with comments, strings and character literals blanked (newlines kept), so that
/// braces and keywords can be counted.
fn code_only(text: &str) -> String {
    let b = text.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    let blank = |out: &mut Vec<u8>, c: u8| out.push(if c == b'\n' { b'\n' } else { b' ' });
    while i < b.len() {
        let c = b[i];
        if c == b'/' && b.get(i + 1) == Some(&b'/') {
            while i < b.len() && b[i] != b'\n' {
                blank(&mut out, b[i]);
                i += 1;
            }
        } else if c == b'/' && b.get(i + 1) == Some(&b'*') {
            let mut depth = 0;
            while i < b.len() {
                if b[i] == b'/' && b.get(i + 1) == Some(&b'*') {
                    depth += 1;
                    out.extend_from_slice(b"  ");
                    i += 2;
                } else if b[i] == b'*' && b.get(i + 1) == Some(&b'/') {
                    depth -= 1;
                    out.extend_from_slice(b"  ");
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    blank(&mut out, b[i]);
                    i += 1;
                }
            }
        } else if c == b'r'
            && (b.get(i + 1) == Some(&b'"') || b.get(i + 1) == Some(&b'#'))
            && (i == 0 || !(b[i - 1].is_ascii_alphanumeric() || b[i - 1] == b'_'))
        {
            // raw string r"…", r#"…"#
            let mut j = i + 1;
            let mut hashes = 0;
            while b.get(j) == Some(&b'#') {
                hashes += 1;
                j += 1;
            }
            if b.get(j) != Some(&b'"') {
                out.push(c);
                i += 1;
                continue;
            }
            j += 1;
            loop {
                if j >= b.len() {
                    break;
                }
                if b[j] == b'"'
                    && b[j + 1..]
                        .iter()
                        .take(hashes)
                        .filter(|&&h| h == b'#')
                        .count()
                        == hashes
                {
                    j += 1 + hashes;
                    break;
                }
                j += 1;
            }
            for &x in &b[i..j.min(b.len())] {
                blank(&mut out, x);
            }
            i = j;
        } else if c == b'"' {
            blank(&mut out, c);
            i += 1;
            while i < b.len() && b[i] != b'"' {
                if b[i] == b'\\' {
                    blank(&mut out, b[i]);
                    i += 1;
                }
                if i < b.len() {
                    blank(&mut out, b[i]);
                    i += 1;
                }
            }
            if i < b.len() {
                blank(&mut out, b[i]);
                i += 1;
            }
        } else if c == b'\'' {
            // a character literal ('x', '\n', '\u{..}', '{'), not a lifetime ('a)
            let end = if b.get(i + 1) == Some(&b'\\') {
                b[i + 2..]
                    .iter()
                    .position(|&x| x == b'\'')
                    .map(|k| i + 2 + k)
            } else if b.get(i + 2) == Some(&b'\'') {
                Some(i + 2)
            } else {
                None
            };
            match end {
                Some(e) => {
                    for &x in &b[i..=e] {
                        blank(&mut out, x);
                    }
                    i = e + 1;
                }
                None => {
                    out.push(c);
                    i += 1;
                }
            }
        } else {
            out.push(c);
            i += 1;
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// `(name, first line, length in lines)` of every function outside `#[cfg(test)]` modules.
fn functions(text: &str) -> Vec<(String, usize, usize)> {
    let code = code_only(text);
    let lines: Vec<&str> = code.lines().collect();
    let mut out = Vec::new();
    let mut k = 0;
    while k < lines.len() {
        let line = lines[k].trim_start();
        if line.starts_with("#[cfg(test)]") {
            // skip the item that follows (a test module or function) to its closing brace
            k = end_of_block(&lines, k).map_or(k + 1, |e| e + 1);
            continue;
        }
        if let Some(name) = fn_name(line)
            && let Some(end) = end_of_block(&lines, k)
        {
            out.push((name, k + 1, end - k + 1));
        }
        k += 1;
    }
    out
}

/// The name of the function a line declares (`pub(crate) const fn name(`), if any.
fn fn_name(line: &str) -> Option<String> {
    let words: Vec<&str> = line.split_whitespace().collect();
    let at = words.iter().position(|w| *w == "fn")?;
    let before_ok = words[..at].iter().all(|w| {
        w.starts_with("pub") || matches!(*w, "const" | "async" | "unsafe" | "extern" | "default")
    });
    if !before_ok {
        return None;
    }
    let name: String = words
        .get(at + 1)?
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '_')
        .collect();
    (!name.is_empty()).then_some(name)
}

/// The line where the block opened at or after line `start` closes; `None` for a declaration
/// without a body (`fn f();`).
fn end_of_block(lines: &[&str], start: usize) -> Option<usize> {
    let mut depth = 0i64;
    let mut opened = false;
    for (k, line) in lines.iter().enumerate().skip(start) {
        for c in line.chars() {
            match c {
                '{' => {
                    depth += 1;
                    opened = true;
                }
                '}' => depth -= 1,
                ';' if !opened && depth == 0 => return None,
                _ => {}
            }
            if opened && depth == 0 {
                return Some(k);
            }
        }
    }
    None
}

fn line_count(p: &Path) -> usize {
    std::fs::read_to_string(p).unwrap().lines().count()
}

#[test]
fn no_core_function_is_longer_than_200_lines() {
    let mut files = Vec::new();
    rust_files(&root().join("core/src"), &mut files);
    let mut long = Vec::new();
    for f in &files {
        let text = std::fs::read_to_string(f).unwrap();
        for (name, line, len) in functions(&text) {
            if len > MAX_FN_LINES {
                long.push(format!("{}:{line}: fn {name} is {len} lines", f.display()));
            }
        }
    }
    assert!(
        long.is_empty(),
        "split these into one function per pass or section (at most {MAX_FN_LINES} lines):\n{}",
        long.join("\n")
    );
}

#[test]
fn bindings_only_convert() {
    let mut core = Vec::new();
    rust_files(&root().join("core/src"), &mut core);
    let core_lines: usize = core.iter().map(|p| line_count(p)).sum();
    let mut bindings = Vec::new();
    rust_files(&root().join("py/src"), &mut bindings);
    rust_files(&root().join("wasm/src"), &mut bindings);
    let mut too_long = Vec::new();
    let mut binding_lines = 0;
    for f in &bindings {
        let n = line_count(f);
        binding_lines += n;
        if n > MAX_BINDING_FILE_LINES {
            too_long.push(format!("{}: {n} lines", f.display()));
        }
    }
    assert!(
        too_long.is_empty(),
        "binding files over {MAX_BINDING_FILE_LINES} lines (split them per class):\n{}",
        too_long.join("\n")
    );
    let share = binding_lines as f64 / core_lines as f64;
    assert!(
        share <= MAX_BINDING_SHARE,
        "bindings are {binding_lines} lines, {:.1} % of the core's {core_lines}: more than \
         {:.0} % means logic that belongs in core",
        share * 100.0,
        MAX_BINDING_SHARE * 100.0
    );
}

#[test]
fn the_scanner_measures_functions_and_skips_tests_strings_and_comments() {
    let text = "\
pub(crate) fn short(x: u32) -> u32 {
    let s = \"{ not a brace\";
    let c = '{';
    // } nor this
    x + 1
}

fn decl();

#[cfg(test)]
mod tests {
    fn inside_tests() {
    }
}

fn long<'a>(v: &'a str) -> &'a str {
    let r = r#\"}\"#;
    v
}
";
    let f = functions(text);
    assert_eq!(
        f,
        vec![("short".to_owned(), 1, 6), ("long".to_owned(), 16, 4)],
        "{f:?}"
    );
    // a function over the limit is reported
    let body = "    x += 1;\n".repeat(MAX_FN_LINES);
    let big = format!("fn big(mut x: u32) -> u32 {{\n{body}    x\n}}\n");
    assert_eq!(functions(&big)[0].2, MAX_FN_LINES + 3);
}
