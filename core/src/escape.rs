//! Escaping user text for each output language, in one place: XML/HTML ([`xml`]), Markdown
//! table cells ([`markdown`]), CSV fields a spreadsheet would run ([`csv_field`]), Graphviz DOT
//! string literals ([`dot_string`]) and Mermaid labels ([`mermaid_text`]).
//!
//! A leaf: it uses nothing of the crate, and every writer of the crate calls it.

use std::borrow::Cow;

/// Escape text for XML or HTML content and attribute values: `&`, `<`, `>`, `"` and `'`
/// become entities; characters XML 1.0 forbids (C0 controls other than tab, line feed and
/// carriage return, and U+FFFE, U+FFFF) are dropped.
pub fn xml(s: &str) -> Cow<'_, str> {
    let needs = s
        .chars()
        .any(|c| matches!(c, '&' | '<' | '>' | '"' | '\'') || xml_forbidden(c));
    if !needs {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 16);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if xml_forbidden(c) => {}
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// A character XML 1.0 does not allow in a document.
fn xml_forbidden(c: char) -> bool {
    (c < ' ' && !matches!(c, '\t' | '\n' | '\r')) || matches!(c, '\u{FFFE}' | '\u{FFFF}')
}

/// Escape text for a Markdown table cell: Markdown's and HTML's syntax characters get a
/// backslash, line breaks become spaces.
pub fn markdown(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for ch in s.chars() {
        match ch {
            '|' | '\\' | '*' | '_' | '`' | '[' | ']' | '<' | '>' | '#' => {
                out.push('\\');
                out.push(ch);
            }
            '\n' | '\r' => out.push(' '),
            _ => out.push(ch),
        }
    }
    out
}

/// Neutralise a CSV field that a spreadsheet would treat as a formula (`=`, `+`, `-`, `@`,
/// tab, carriage return) by prefixing `'`.
pub fn csv_field(s: &str) -> Cow<'_, str> {
    match s.as_bytes().first() {
        Some(b'=' | b'+' | b'-' | b'@' | b'\t' | b'\r') => format!("'{s}").into(),
        _ => s.into(),
    }
}

/// A DOT string literal: quotes and backslashes escaped, line breaks as `\n`, control
/// characters dropped.
pub fn dot_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Text that Mermaid would read as syntax (`:`, `#`, `;`, `%`, line breaks) becomes a space.
pub fn mermaid_text(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            ':' | '#' | ';' | '\n' | '\r' | '%' => ' ',
            c => c,
        })
        .collect()
}

/// A JSON string literal, written by hand (the page's lean build carries no JSON writer):
/// quotes, backslashes and control characters escaped as JSON requires.
pub fn json_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {

    #[test]
    fn json_string_is_what_serde_json_writes() {
        for s in [
            "plain",
            "quote \" and \\ back",
            "tab\tnew\nline\r",
            "\u{1}\u{1f}",
            "az: Mədəniyyət",
        ] {
            assert_eq!(
                super::json_string(s),
                serde_json::to_string(s).unwrap(),
                "{s:?}"
            );
        }
    }
    use super::*;

    #[test]
    fn each_language() {
        assert_eq!(xml("a<b>&\"c'\u{1}"), "a&lt;b&gt;&amp;&quot;c&#39;");
        assert!(matches!(xml("plain"), Cow::Borrowed(_)));
        assert_eq!(xml("tab\tline\n\u{FFFF}"), "tab\tline\n");
        assert_eq!(markdown("a|b_c"), "a\\|b\\_c");
        assert_eq!(markdown("x\ny"), "x y");
        assert_eq!(csv_field("=1+1"), "'=1+1");
        assert_eq!(csv_field("ok"), "ok");
        assert_eq!(dot_string("a\"b\\c\nd\u{7}"), "\"a\\\"b\\\\c\\nd\"");
        assert_eq!(mermaid_text("a: b#c;d%e"), "a  b c d e");
    }
}
