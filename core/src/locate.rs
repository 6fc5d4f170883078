//! Lines for JSON paths: where `measures[29].depends_on[0]` stands in the text a document was
//! read from, so that a diagnostic can say "line 412".
//!
//! Only the text kept by [`crate::Strategy`] (documents of at most [`MAX_LOCATED_BYTES`]) is
//! searched, and only when there are diagnostics to place. JSON is walked by `json_positions`
//! (the text has already been parsed by serde_json, so the walk only follows brackets, strings
//! and commas; it needs no parser of its own, which keeps the page's WebAssembly small), YAML
//! as events from `saphyr-parser`, TOML through `toml`'s spanned tables. A path that is not
//! found gives the line of its nearest enclosing value that is (a `targets` list for a message
//! about `targets`, say); a text that the reader cannot follow gives no lines.

use std::collections::HashMap;

use crate::error::Format;

/// Documents longer than this keep no text, and their diagnostics carry no line (the JSON path
/// and id still say where). 8 MiB is a plan of some 50,000 measures.
pub const MAX_LOCATED_BYTES: usize = 8 << 20;

/// The text a document was read from.
#[derive(Debug)]
pub(crate) struct Source {
    pub text: String,
    pub format: Format,
}

/// Where a document read from a spreadsheet came from: the sheet and cell of each JSON path
/// (`measures[3].start` → `Plan`, `E17`) and what the import found (cells it could not read or
/// place). Validation's diagnostics are placed on the cells of their paths (or of the nearest
/// enclosing path), and the findings come first.
#[derive(Debug, Default)]
pub(crate) struct SheetCells {
    pub at: hashbrown::HashMap<String, CellAt, rustc_hash::FxBuildHasher>,
    /// The cells of the measures an action-plan sheet gave, by index: `measures[i]` and its
    /// fields (`measures[i].start`), kept per row instead of as a path string per cell.
    /// Looked up before `at`, as they were placed after it.
    pub measures: Vec<RowAt>,
    pub findings: Vec<crate::diagnostic::Diagnostic>,
}

/// The cells of one row that became one entity: the row's first cell and each field's cell
/// (a field placed twice: the last one).
#[derive(Debug, Clone, Default)]
pub(crate) struct RowAt {
    pub sheet: std::sync::Arc<str>,
    /// The row's first cell (row, column).
    pub first: Option<(u32, u32)>,
    /// Each field's cell: (field, row, column).
    pub fields: Vec<(smol_str::SmolStr, u32, u32)>,
}

impl RowAt {
    /// The cell of `rest`: `""` for the row, `.field` for a field.
    fn get(&self, rest: &str) -> Option<CellAt> {
        let (row, col) = if rest.is_empty() {
            self.first?
        } else {
            let key = rest.strip_prefix('.')?;
            let (_, r, c) = self.fields.iter().rev().find(|(k, _, _)| k == key)?;
            (*r, *c)
        };
        Some(CellAt {
            sheet: self.sheet.clone(),
            row,
            col,
        })
    }
}

/// A cell of a sheet: the sheet's name (shared by every cell of the sheet) and the 0-based row
/// and column, named (`E17`) only when a diagnostic needs it.
#[derive(Debug, Clone)]
pub(crate) struct CellAt {
    pub sheet: std::sync::Arc<str>,
    pub row: u32,
    pub col: u32,
}

impl CellAt {
    /// The sheet's name and the cell's `A1` name.
    pub(crate) fn names(&self) -> (String, String) {
        (
            self.sheet.to_string(),
            cell_name(self.row as usize, self.col as usize),
        )
    }
}

/// The `A1` name of a 0-based cell.
pub(crate) fn cell_name(row: usize, col: usize) -> String {
    let mut c = col + 1;
    let mut letters = Vec::new();
    while c > 0 {
        let rem = (c - 1) % 26;
        letters.push(b'A' + rem as u8);
        c = (c - 1) / 26;
    }
    letters.reverse();
    format!("{}{}", String::from_utf8_lossy(&letters), row + 1)
}

impl SheetCells {
    /// The cell a JSON path was read from (only the paths placed, not their parents).
    pub(crate) fn get(&self, path: &str) -> Option<CellAt> {
        if !self.measures.is_empty()
            && let Some(rest) = path.strip_prefix("measures[")
            && let Some(end) = rest.find(']')
            && rest[..end].bytes().all(|b| b.is_ascii_digit())
            && (end == 1 || !rest.starts_with('0'))
            && let Ok(i) = rest[..end].parse::<usize>()
            && let Some(at) = self.measures.get(i).and_then(|r| r.get(&rest[end + 1..]))
        {
            return Some(at);
        }
        self.at.get(path).cloned()
    }

    pub(crate) fn place(&self, diagnostics: &mut Vec<crate::diagnostic::Diagnostic>) {
        for d in diagnostics.iter_mut() {
            let mut p = d.path.as_str();
            loop {
                if let Some(at) = self.get(p) {
                    let (sheet, cell) = at.names();
                    d.sheet = Some(sheet);
                    d.cell = Some(cell);
                    break;
                }
                match parent(p) {
                    Some(q) => p = q,
                    None => break,
                }
            }
        }
        let found: std::collections::HashSet<(crate::diagnostic::Code, &str)> = self
            .findings
            .iter()
            .map(|f| (f.code, f.path.as_str()))
            .collect();
        let mut out = self.findings.clone();
        out.extend(
            diagnostics
                .drain(..)
                .filter(|d| !found.contains(&(d.code, d.path.as_str()))),
        );
        *diagnostics = out;
    }
}

/// 1-based (line, column) of every value whose path is wanted, or of its nearest located
/// ancestor.
pub(crate) fn locate(src: &Source, wanted: &[&str]) -> Vec<Option<(u32, u32)>> {
    if wanted.is_empty() {
        return Vec::new();
    }
    let mut all: HashMap<String, (u32, u32)> = HashMap::new();
    let mut want: std::collections::HashSet<String> = std::collections::HashSet::new();
    for w in wanted {
        let mut p = *w;
        loop {
            want.insert(p.to_owned());
            match parent(p) {
                Some(q) => p = q,
                None => break,
            }
        }
    }
    let mut record = |path: &str, line: usize, col: usize| {
        if want.contains(path) && !all.contains_key(path) {
            all.insert(path.to_owned(), (clamp(line), clamp(col)));
        }
    };
    match src.format {
        Format::Json => json_positions(&src.text, &mut record),
        #[cfg(feature = "yaml")]
        Format::Yaml => yaml_positions(&src.text, &mut record),
        #[cfg(not(feature = "yaml"))]
        Format::Yaml => {}
        #[cfg(feature = "toml")]
        Format::Toml => toml_positions(&src.text, &mut record),
        #[cfg(not(feature = "toml"))]
        Format::Toml => {}
        Format::Xlsx | Format::Csv | Format::Mspdi | Format::Xer => {}
    }
    wanted
        .iter()
        .map(|w| {
            let mut p = *w;
            loop {
                if let Some(&lc) = all.get(p) {
                    return Some(lc);
                }
                p = parent(p)?;
            }
        })
        .collect()
}

fn clamp(v: usize) -> u32 {
    u32::try_from(v).unwrap_or(u32::MAX)
}

/// `a.b[3]` → `a.b`, `a.b` → `a`, `a` → none.
pub(crate) fn parent(p: &str) -> Option<&str> {
    let cut = p.rfind(['.', '['])?;
    (cut > 0).then(|| &p[..cut])
}

/// Where a walk is: in a mapping (`keyed` between a key and its value) or a list (`next` is the
/// index of its next item); `base` is the length of the path of the mapping or list.
enum Frame {
    Map { keyed: bool, base: usize },
    Seq { next: usize, base: usize },
}

/// A cursor over JSON text that knows its line and (character) column.
struct JsonCursor<'a> {
    bytes: &'a [u8],
    i: usize,
    line: usize,
    col: usize,
}

impl JsonCursor<'_> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.i).copied()
    }

    /// 1-based line and column (in characters, as saphyr and toml count) of the next byte.
    fn at(&self) -> (usize, usize) {
        (self.line, self.col + 1)
    }

    fn bump(&mut self) {
        if let Some(&b) = self.bytes.get(self.i) {
            self.i += 1;
            if b == b'\n' {
                self.line += 1;
                self.col = 0;
            } else if b & 0xC0 != 0x80 {
                // the first byte of a UTF-8 character
                self.col += 1;
            }
        }
    }

    fn skip_whitespace(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.bump();
        }
    }

    /// Past a string starting at its opening quote; the string's text (quotes included), or
    /// `None` when it does not end.
    fn string(&mut self) -> Option<&str> {
        let start = self.i;
        self.bump();
        loop {
            match self.peek()? {
                b'"' => {
                    self.bump();
                    return std::str::from_utf8(&self.bytes[start..self.i]).ok();
                }
                b'\\' => {
                    self.bump();
                    self.bump();
                }
                _ => self.bump(),
            }
        }
    }

    /// Past a number or literal (`true`, `false`, `null`).
    fn scalar(&mut self) {
        while let Some(b) = self.peek() {
            if matches!(b, b',' | b']' | b'}' | b' ' | b'\t' | b'\n' | b'\r') {
                break;
            }
            self.bump();
        }
    }
}

/// A JSON key as a string: its text without quotes, unescaped by serde_json when it holds an
/// escape.
fn json_key(quoted: &str) -> Option<std::borrow::Cow<'_, str>> {
    let inner = quoted.get(1..quoted.len().checked_sub(1)?)?;
    if inner.contains('\\') {
        serde_json::from_str::<String>(quoted).ok().map(Into::into)
    } else {
        Some(inner.into())
    }
}

/// Walk JSON text, calling `record(path, line, column)` for every value, with the same places
/// as [`yaml_positions`] gives for JSON: a member at its key, a list item at the item. The
/// text is one serde_json has already read; anything else ends the walk.
fn json_positions(text: &str, record: &mut impl FnMut(&str, usize, usize)) {
    let mut cur = JsonCursor {
        bytes: text.as_bytes(),
        i: 0,
        line: 1,
        col: 0,
    };
    let mut path = String::new();
    let mut stack: Vec<Frame> = Vec::new();
    let mut key_at: (usize, usize) = (1, 1);
    loop {
        cur.skip_whitespace();
        let Some(b) = cur.peek() else { return };
        match b {
            b',' | b':' => {
                cur.bump();
                continue;
            }
            b'}' | b']' => {
                cur.bump();
                stack.pop();
                end_value(&mut stack, &mut path);
                if stack.is_empty() {
                    return;
                }
                continue;
            }
            _ => {}
        }
        if let Some(Frame::Map { keyed, base }) = stack.last_mut()
            && !*keyed
        {
            // a key
            if b != b'"' {
                return;
            }
            let at = cur.at();
            let Some(name) = cur.string().and_then(json_key) else {
                return;
            };
            key_at = at;
            push_key(&mut path, *base, &name);
            *keyed = true;
            continue;
        }
        let place = place_value(&mut stack, &mut path, cur.at(), key_at);
        record(&path, place.0, place.1);
        let base = path.len();
        match b {
            b'{' => {
                cur.bump();
                stack.push(Frame::Map { keyed: false, base });
            }
            b'[' => {
                cur.bump();
                stack.push(Frame::Seq { next: 0, base });
            }
            b'"' => {
                if cur.string().is_none() {
                    return;
                }
                end_value(&mut stack, &mut path);
            }
            _ => {
                cur.scalar();
                end_value(&mut stack, &mut path);
            }
        }
        if stack.is_empty() {
            return;
        }
    }
}

/// Walk YAML events, calling `record(path, line, column)` for every value: a mapping value is
/// placed at its key, a list item at the item.
#[cfg(feature = "yaml")]
fn yaml_positions(text: &str, record: &mut impl FnMut(&str, usize, usize)) {
    use saphyr_parser::{Event, Parser};
    let mut path = String::new();
    let mut stack: Vec<Frame> = Vec::new();
    // where the key of the value being read was written
    let mut key_at: (usize, usize) = (1, 1);
    for item in Parser::new_from_str(text) {
        let Ok((event, span)) = item else { return };
        let at = (span.start.line(), span.start.col() + 1);
        let is_value = matches!(
            event,
            Event::Scalar(..)
                | Event::MappingStart(..)
                | Event::SequenceStart(..)
                | Event::Alias(_)
        );
        if is_value {
            // a scalar in key position is a key
            if let Some(Frame::Map { keyed, base }) = stack.last_mut()
                && !*keyed
            {
                if let Event::Scalar(s, ..) = &event {
                    *keyed = true;
                    key_at = at;
                    push_key(&mut path, *base, s);
                    continue;
                }
                // a complex key: nothing to place under it
                *keyed = true;
                path.truncate(*base);
            }
            let place = place_value(&mut stack, &mut path, at, key_at);
            record(&path, place.0, place.1);
            let base = path.len();
            match event {
                Event::MappingStart(..) => stack.push(Frame::Map { keyed: false, base }),
                Event::SequenceStart(..) => stack.push(Frame::Seq { next: 0, base }),
                _ => end_value(&mut stack, &mut path),
            }
        } else if matches!(event, Event::MappingEnd | Event::SequenceEnd) {
            stack.pop();
            end_value(&mut stack, &mut path);
        }
    }
}

/// The path of a mapping's member `key`: the mapping's path (the first `base` bytes) and the key.
fn push_key(path: &mut String, base: usize, key: &str) {
    path.truncate(base);
    if !path.is_empty() {
        path.push('.');
    }
    path.push_str(key);
}

/// A value starts at `at`: make `path` its path (a list item's gets the next index) and return
/// where it is placed (a member at its key, written at `key_at`).
fn place_value(
    stack: &mut [Frame],
    path: &mut String,
    at: (usize, usize),
    key_at: (usize, usize),
) -> (usize, usize) {
    match stack.last_mut() {
        Some(Frame::Seq { next, base }) => {
            path.truncate(*base);
            path.push('[');
            path.push_str(&next.to_string());
            path.push(']');
            *next += 1;
            at
        }
        Some(Frame::Map { .. }) => key_at,
        None => at,
    }
}

/// A value is complete: its parent mapping expects a key again.
fn end_value(stack: &mut [Frame], path: &mut String) {
    match stack.last_mut() {
        Some(Frame::Map { keyed, base }) => {
            *keyed = false;
            path.truncate(*base);
        }
        Some(Frame::Seq { base, .. }) => path.truncate(*base),
        None => path.clear(),
    }
}

#[cfg(feature = "toml")]
/// 1-based line and column (in characters) of a byte offset.
pub(crate) fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let before = text.get(..offset).unwrap_or(text);
    let line = before.bytes().filter(|&b| b == b'\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |s| s.chars().count()) + 1;
    (line, col)
}

#[cfg(feature = "toml")]
fn toml_positions(text: &str, record: &mut impl FnMut(&str, usize, usize)) {
    use toml::de::{DeTable, DeValue};
    let Ok(root) = DeTable::parse(text) else {
        return;
    };
    let lc = |offset: usize| line_col(text, offset);
    fn walk(
        v: &DeValue<'_>,
        path: &mut String,
        lc: &dyn Fn(usize) -> (usize, usize),
        record: &mut dyn FnMut(&str, usize, usize),
    ) {
        match v {
            DeValue::Table(t) => {
                for (k, val) in t.iter() {
                    let base = path.len();
                    if !path.is_empty() {
                        path.push('.');
                    }
                    path.push_str(k.get_ref());
                    let (l, c) = lc(k.span().start);
                    record(path, l, c);
                    walk(val.get_ref(), path, lc, record);
                    path.truncate(base);
                }
            }
            DeValue::Array(a) => {
                for (i, val) in a.iter().enumerate() {
                    let base = path.len();
                    path.push_str(&format!("[{i}]"));
                    let (l, c) = lc(val.span().start);
                    record(path, l, c);
                    walk(val.get_ref(), path, lc, record);
                    path.truncate(base);
                }
            }
            _ => {}
        }
    }
    let mut path = String::new();
    walk(&DeValue::Table(root.into_inner()), &mut path, &lc, record);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str, format: Format, path: &str) -> Option<(u32, u32)> {
        let src = Source {
            text: text.to_owned(),
            format,
        };
        locate(&src, &[path])[0]
    }

    #[test]
    fn json_paths_have_lines() {
        let text = "{\n  \"strategy\": {\"id\": \"s\"},\n  \"measures\": [\n    {\"id\": \"a\"},\n    {\"id\": \"b\",\n     \"depends_on\": [\"a\", \"x\"]}\n  ]\n}\n";
        assert_eq!(
            at(text, Format::Json, "measures[1].depends_on[1]"),
            Some((6, 26))
        );
        assert_eq!(at(text, Format::Json, "measures[0].id"), Some((4, 6)));
        assert_eq!(at(text, Format::Json, "strategy.id"), Some((2, 16)));
        // not there: the nearest enclosing value
        assert_eq!(at(text, Format::Json, "measures[1].targets"), Some((5, 5)));
        assert_eq!(at(text, Format::Json, "nothing"), None);
    }

    /// Every (path, line, column) the JSON walk records.
    fn json_walk(text: &str) -> Vec<(String, usize, usize)> {
        let mut out = Vec::new();
        json_positions(text, &mut |p, l, c| out.push((p.to_owned(), l, c)));
        out
    }

    #[test]
    #[cfg(feature = "yaml")]
    fn json_walk_agrees_with_yaml_events() {
        let mut texts = vec![
            include_str!("../data/e-culture.json").to_owned(),
            // escapes in keys and strings, non-ASCII columns, nesting, scalars of every kind
            "{\"a\\u0062\": [1, -2.5e3, true, null, \"x\\\"]\"],\n \"ə\": {\"ü\": [[], {}, [{\"k\": \"v\"}]]},\t\"z\":\"\\\\\"}".to_owned(),
            "[]".to_owned(),
            "7".to_owned(),
        ];
        let doc: serde_json::Value = serde_json::from_str(&texts[0]).unwrap();
        texts.push(serde_json::to_string(&doc).unwrap());
        for text in &texts {
            let mut events = Vec::new();
            yaml_positions(text, &mut |p, l, c| events.push((p.to_owned(), l, c)));
            let walk = json_walk(text);
            assert!(
                walk.len() > 1 || text.len() < 3,
                "nothing recorded in {text:.40}"
            );
            assert_eq!(walk, events, "{text:.60}");
        }
    }

    #[test]
    fn json_walk_stops_at_what_is_not_json() {
        // a key that is not a string ends the walk; what came before is kept
        assert_eq!(json_walk("{\"a\": 1, 2: 3}").len(), 2);
        // a string that does not end is placed where it starts, then the walk ends
        let walk = json_walk("[\"a\", \"b");
        assert_eq!(walk.last(), Some(&("[1]".to_owned(), 1, 7)));
        assert_eq!(walk.len(), 3);
        assert_eq!(json_walk("").len(), 0);
    }

    #[test]
    fn yaml_paths_have_lines() {
        let text = "strategy:\n  id: s\nmeasures:\n  - id: a\n  - id: b\n    depends_on:\n      - a\n      - {id: x, type: SS}\n";
        assert_eq!(
            at(text, Format::Yaml, "measures[1].depends_on[1]"),
            Some((8, 9))
        );
        assert_eq!(
            at(text, Format::Yaml, "measures[1].depends_on[1].type"),
            Some((8, 17))
        );
        assert_eq!(
            at(text, Format::Yaml, "measures[1].depends_on"),
            Some((6, 5))
        );
        assert_eq!(at(text, Format::Yaml, "strategy.id"), Some((2, 3)));
    }

    #[test]
    fn toml_paths_have_lines() {
        let text = "[strategy]\nid = \"s\"\n\n[[measures]]\nid = \"a\"\n\n[[measures]]\nid = \"b\"\ndepends_on = [\"a\", \"x\"]\n";
        assert_eq!(
            at(text, Format::Toml, "measures[1].id").map(|p| p.0),
            Some(8)
        );
        assert_eq!(
            at(text, Format::Toml, "measures[1].depends_on[1]").map(|p| p.0),
            Some(9)
        );
        assert_eq!(at(text, Format::Toml, "strategy.id").map(|p| p.0), Some(2));
    }

    #[test]
    fn unreadable_text_gives_no_lines() {
        assert_eq!(at("{\"a\": [1, 2", Format::Json, "a[1]"), Some((1, 11)));
        assert_eq!(at("[[[", Format::Toml, "a"), None);
    }
}
