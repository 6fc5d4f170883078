//! Reading and writing documents in JSON, YAML and TOML.
//!
//! Parsing is strict (unknown fields are errors) and located: a syntax error carries the
//! line and column; a wrong type or an unknown field also carries the JSON path of the value
//! (`measures[3].start`). JSON is parsed once on the fast path; only when it fails is it
//! parsed again with path tracking, so valid input pays nothing for good error messages.

use std::path::Path;

use crate::error::{Error, Format, IoError, ParseError, Result};
use crate::model::Document;

/// Largest document accepted from a file or a string, in bytes (1 GiB). A country-scale
/// portfolio of a million measures is about 150-300 MB of JSON.
pub const MAX_DOCUMENT_BYTES: usize = 1 << 30;

const IN_MEMORY: &str = "<string>";

impl Format {
    /// The format implied by a file extension (`.json`, `.yaml`/`.yml`, `.toml`).
    pub fn from_path(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "json" => Some(Format::Json),
            "yaml" | "yml" => Some(Format::Yaml),
            "toml" => Some(Format::Toml),
            _ => None,
        }
    }
}

fn too_large(format: Format, source_name: &str, len: usize) -> Error {
    Error::Parse(ParseError {
        format,
        source_name: source_name.to_owned(),
        line: None,
        column: None,
        path: None,
        message: format!("document is {len} bytes; the limit is {MAX_DOCUMENT_BYTES}"),
    })
}

/// Parse a document from bytes in the given format. `source_name` names the input in errors.
pub fn parse_bytes(bytes: &[u8], format: Format, source_name: &str) -> Result<Document> {
    if bytes.len() > MAX_DOCUMENT_BYTES {
        return Err(too_large(format, source_name, bytes.len()));
    }
    match format {
        Format::Json => parse_json(bytes, source_name),
        Format::Yaml | Format::Toml => {
            let text = std::str::from_utf8(bytes).map_err(|e| {
                Error::Parse(ParseError {
                    format,
                    source_name: source_name.to_owned(),
                    line: None,
                    column: None,
                    path: None,
                    message: format!("not valid UTF-8 at byte {}", e.valid_up_to()),
                })
            })?;
            if format == Format::Yaml {
                parse_yaml(text, source_name)
            } else {
                parse_toml(text, source_name)
            }
        }
    }
}

/// Parse a JSON document.
pub fn from_json_str(text: &str) -> Result<Document> {
    parse_bytes(text.as_bytes(), Format::Json, IN_MEMORY)
}

/// Parse a YAML document.
pub fn from_yaml_str(text: &str) -> Result<Document> {
    parse_bytes(text.as_bytes(), Format::Yaml, IN_MEMORY)
}

/// Parse a TOML document.
pub fn from_toml_str(text: &str) -> Result<Document> {
    parse_bytes(text.as_bytes(), Format::Toml, IN_MEMORY)
}

/// Read a document from a file; the format follows the extension (`.json`, `.yaml`, `.yml`,
/// `.toml`).
pub fn load(path: impl AsRef<Path>) -> Result<Document> {
    let path = path.as_ref();
    let name = path.display().to_string();
    let format = Format::from_path(path).ok_or_else(|| {
        IoError::new(
            "read",
            name.clone(),
            "unknown extension: use .json, .yaml, .yml or .toml",
        )
    })?;
    let meta = std::fs::metadata(path).map_err(|e| IoError::from_io("read", name.clone(), &e))?;
    if meta.len() > MAX_DOCUMENT_BYTES as u64 {
        return Err(too_large(
            format,
            &name,
            usize::try_from(meta.len()).unwrap_or(usize::MAX),
        ));
    }
    let bytes = std::fs::read(path).map_err(|e| IoError::from_io("read", name.clone(), &e))?;
    parse_bytes(&bytes, format, &name)
}

/// Serialise a document in the given format.
pub fn to_string(doc: &Document, format: Format) -> Result<String> {
    let fail = |message: String| {
        Error::Parse(ParseError {
            format,
            source_name: "<output>".into(),
            line: None,
            column: None,
            path: None,
            message,
        })
    };
    match format {
        Format::Json => serde_json::to_string_pretty(doc).map_err(|e| fail(e.to_string())),
        Format::Yaml => serde_yaml_ng::to_string(doc).map_err(|e| fail(e.to_string())),
        Format::Toml => toml::to_string_pretty(doc).map_err(|e| fail(e.to_string())),
    }
}

/// Write a document to a file; the format follows the extension.
pub fn save(doc: &Document, path: impl AsRef<Path>) -> Result<()> {
    let path = path.as_ref();
    let name = path.display().to_string();
    let format = Format::from_path(path).ok_or_else(|| {
        IoError::new(
            "write",
            name.clone(),
            "unknown extension: use .json, .yaml, .yml or .toml",
        )
    })?;
    let mut text = to_string(doc, format)?;
    if !text.ends_with('\n') {
        text.push('\n');
    }
    std::fs::write(path, text).map_err(|e| IoError::from_io("write", name, &e).into())
}

/// Build a document from an already-parsed JSON value (e.g. a Python dict or a JS object
/// converted by a binding). Type errors carry the JSON path.
pub fn from_value(value: serde_json::Value) -> Result<Document> {
    serde_path_to_error::deserialize::<_, Document>(value).map_err(|e| {
        let path = clean_path(e.path().to_string());
        Error::Parse(ParseError {
            format: Format::Json,
            source_name: "<value>".into(),
            line: None,
            column: None,
            path,
            message: e.into_inner().to_string(),
        })
    })
}

fn parse_json(bytes: &[u8], source_name: &str) -> Result<Document> {
    // Validating UTF-8 once for the whole text is much cheaper than serde_json's per-string
    // check; invalid UTF-8 falls through to `from_slice`, which reports where it is.
    let parsed = match std::str::from_utf8(bytes) {
        Ok(text) => match parallel::parse(text, parallel::MIN_PARALLEL_BYTES) {
            Some(doc) => return Ok(doc),
            None => serde_json::from_str::<Document>(text),
        },
        Err(_) => serde_json::from_slice::<Document>(bytes),
    };
    match parsed {
        Ok(doc) => Ok(doc),
        Err(first) => {
            // Slow path, only on failure: parse again tracking the JSON path.
            let mut de = serde_json::Deserializer::from_slice(bytes);
            let path = match serde_path_to_error::deserialize::<_, Document>(&mut de) {
                Err(e) => clean_path(e.path().to_string()),
                Ok(_) => None,
            };
            let message = strip_position(&first.to_string());
            Err(Error::Parse(ParseError {
                format: Format::Json,
                source_name: source_name.to_owned(),
                line: Some(first.line()),
                column: Some(first.column()),
                path,
                message,
            }))
        }
    }
}

fn parse_yaml(text: &str, source_name: &str) -> Result<Document> {
    let de = serde_yaml_ng::Deserializer::from_str(text);
    serde_path_to_error::deserialize::<_, Document>(de).map_err(|e| {
        let path = clean_path(e.path().to_string());
        let inner = e.into_inner();
        let loc = inner.location();
        let mut message = strip_position(&inner.to_string());
        if let Some(p) = &path
            && let Some(rest) = message.strip_prefix(&format!("{p}: "))
        {
            message = rest.to_owned();
        }
        Error::Parse(ParseError {
            format: Format::Yaml,
            source_name: source_name.to_owned(),
            line: loc.as_ref().map(|l| l.line()),
            column: loc.as_ref().map(|l| l.column()),
            path,
            message,
        })
    })
}

fn parse_toml(text: &str, source_name: &str) -> Result<Document> {
    toml::from_str::<Document>(text).map_err(|e| {
        let (line, column) = match e.span() {
            Some(span) => {
                let (l, c) = line_col(text, span.start);
                (Some(l), Some(c))
            }
            None => (None, None),
        };
        Error::Parse(ParseError {
            format: Format::Toml,
            source_name: source_name.to_owned(),
            line,
            column,
            path: None,
            message: e.message().to_owned(),
        })
    })
}

/// Parallel parsing of the `measures` array of large JSON documents.
///
/// The document is first read with `measures` kept as raw text (a fast skip), the raw array is cut
/// into one chunk per core at element boundaries, and the chunks are parsed on scoped threads.
/// A cut is only a candidate (`}` `,` `{` outside the scanner's knowledge of strings); it is
/// accepted because each chunk must then parse as a complete array of measures, which is
/// impossible for a cut inside a string or inside a nested value. Any failure returns `None`
/// and the caller parses sequentially, which also produces the located error. On targets
/// without threads (wasm32) this is never used.
mod parallel {
    use serde::Deserialize;
    use serde_json::value::RawValue;

    use crate::model::{
        Cluster, Direction, Document, Indicator, Measure, Module, Organization, StrategyInfo,
    };

    /// Below this size of the measures array, sequential parsing is as fast.
    pub(super) const MIN_PARALLEL_BYTES: usize = 8 << 20;

    /// [`Document`] with `measures` left as raw text. Its fields must mirror `Document`'s; a
    /// test checks that both parse the same documents identically.
    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Shell<'a> {
        #[serde(rename = "$schema", default)]
        schema: Option<String>,
        strategy: StrategyInfo,
        #[serde(default)]
        organizations: Vec<Organization>,
        #[serde(default)]
        directions: Vec<Direction>,
        #[serde(default)]
        clusters: Vec<Cluster>,
        #[serde(default)]
        modules: Vec<Module>,
        #[serde(borrow, default)]
        measures: Option<&'a RawValue>,
        #[serde(default)]
        indicators: Vec<Indicator>,
    }

    fn threads() -> usize {
        if cfg!(target_family = "wasm") {
            return 1;
        }
        std::thread::available_parallelism()
            .map_or(1, |n| n.get())
            .min(8)
    }

    /// Byte offset of the first candidate element boundary (the `,` of `}` `,` `{`) at or after
    /// `from`.
    fn boundary(raw: &[u8], from: usize) -> Option<usize> {
        let mut i = from;
        while i < raw.len() {
            if raw[i] == b',' {
                let before = raw[..i].iter().rev().find(|b| !b.is_ascii_whitespace());
                let after = raw[i + 1..].iter().find(|b| !b.is_ascii_whitespace());
                if before == Some(&b'}') && after == Some(&b'{') {
                    return Some(i);
                }
            }
            i += 1;
        }
        None
    }

    pub(super) fn parse(text: &str, min_bytes: usize) -> Option<Document> {
        let chunks = threads();
        if chunks < 2 || text.len() < min_bytes {
            return None;
        }
        let shell: Shell<'_> = serde_json::from_str(text).ok()?;
        let raw = shell.measures.map_or("[]", RawValue::get);
        if raw.len() < min_bytes {
            return None;
        }
        let inner = raw.strip_prefix('[')?.strip_suffix(']')?;
        let bytes = inner.as_bytes();
        // cut points: element boundaries near k/chunks of the text
        let mut cuts = vec![0usize];
        for k in 1..chunks {
            let from = (bytes.len() * k / chunks).max(cuts.last().map_or(0, |&c| c + 1));
            match boundary(bytes, from) {
                Some(b) if b > *cuts.last().unwrap_or(&0) => cuts.push(b),
                _ => break,
            }
        }
        cuts.push(bytes.len());
        let pieces: Vec<&str> = cuts
            .windows(2)
            .enumerate()
            .map(|(k, w)| {
                if k == 0 {
                    &inner[w[0]..w[1]]
                } else {
                    &inner[w[0] + 1..w[1]]
                }
            })
            .collect();
        let parts: Vec<Option<Vec<Measure>>> = std::thread::scope(|scope| {
            let handles: Vec<_> = pieces[1..]
                .iter()
                .map(|piece| scope.spawn(move || parse_piece(piece)))
                .collect();
            let mut out = vec![parse_piece(pieces[0])];
            out.extend(handles.into_iter().map(|h| h.join().ok().flatten()));
            out
        });
        // Grow the first part in place (a large reallocation moves pages, it does not copy them)
        // and append the rest: only the later chunks are copied once.
        let mut parts = parts.into_iter();
        let mut measures = parts.next().flatten()?;
        let rest: Vec<Vec<Measure>> = parts.collect::<Option<_>>()?;
        measures.reserve_exact(rest.iter().map(Vec::len).sum());
        for p in rest {
            measures.extend(p);
        }
        Some(Document {
            schema: shell.schema,
            strategy: shell.strategy,
            organizations: shell.organizations,
            directions: shell.directions,
            clusters: shell.clusters,
            modules: shell.modules,
            measures,
            indicators: shell.indicators,
        })
    }

    fn parse_piece(piece: &str) -> Option<Vec<Measure>> {
        if piece.trim().is_empty() {
            return Some(Vec::new());
        }
        let mut text = String::with_capacity(piece.len() + 2);
        text.push('[');
        text.push_str(piece);
        text.push(']');
        serde_json::from_str(&text).ok()
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        fn doc_with_tricky_strings(n: usize) -> String {
            let measures: Vec<String> = (0..n)
                .map(|i| {
                    format!(
                        r#"{{"id": "m{i}", "direction": "D", "title": {{"en": "tricky }},{{ \"}}, {{\" {i}"}}, "main_executor": "o", "depends_on": [{}]}}"#,
                        if i > 0 { format!(r#"{{"id": "m{}", "type": "SS"}}, "m0""#, i - 1) } else { String::new() }
                    )
                })
                .collect();
            format!(
                r#"{{"strategy": {{"id": "s", "title": {{"az": "a", "en": "e"}}, "period": {{"start": "2024", "end": "2026"}}}},
                "measures": [
{}
], "indicators": [{{"id": "I", "name": {{"en": "i"}}}}]}}"#,
                measures.join(",\n  ")
            )
        }

        #[test]
        fn parallel_equals_sequential() {
            // Strings that contain the boundary pattern: a cut may land inside one, in which case
            // the parallel path must decline (None), never return a different document.
            let mut accepted = 0;
            for n in [0, 1, 2, 3, 7, 100, 1000] {
                let text = doc_with_tricky_strings(n);
                let seq: Document = serde_json::from_str(&text).unwrap();
                if let Some(par) = parse(&text, 0) {
                    assert_eq!(par, seq, "n = {n}");
                    accepted += 1;
                }
                let plain = text
                    .replace("tricky },{ ", "plain ")
                    .replace(r#"\"}, {\""#, "x");
                let seq: Document = serde_json::from_str(&plain).unwrap();
                if threads() >= 2 && n >= 2 {
                    assert_eq!(parse(&plain, 0).as_ref(), Some(&seq), "n = {n}");
                }
            }
            assert!(accepted > 0 || threads() < 2);
            let e = crate::strategy::E_CULTURE_JSON;
            let seq: Document = serde_json::from_str(e).unwrap();
            if threads() >= 2 {
                assert_eq!(parse(e, 0), Some(seq));
            }
        }

        #[test]
        fn bad_input_falls_back() {
            let text = doc_with_tricky_strings(50).replace(r#""id": "m30""#, r#""id": 30"#);
            assert!(parse(&text, 0).is_none());
            assert!(parse("[1, 2", 0).is_none());
        }
    }
}

/// The JSON path from serde_path_to_error, without its placeholders for unknown segments.
fn clean_path(p: String) -> Option<String> {
    let mut p = p;
    while let Some(stripped) = p.strip_suffix(".?") {
        p = stripped.to_owned();
    }
    (p != "." && p != "?" && !p.is_empty()).then_some(p)
}

/// 1-based line and column (in characters) of a byte offset.
fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let before = text.get(..offset).unwrap_or(text);
    let line = before.bytes().filter(|&b| b == b'\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |s| s.chars().count()) + 1;
    (line, col)
}

/// Parsers append " at line X column Y" to their messages; the location is kept separately.
fn strip_position(msg: &str) -> String {
    let first = msg.lines().next().unwrap_or(msg);
    match first.rfind(" at line ") {
        Some(i) => first[..i].to_owned(),
        None => first.to_owned(),
    }
}
