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

/// The format of a file from its extension, or an I/O error naming the file.
fn format_of(path: &Path, name: &str, action: &'static str) -> Result<Format> {
    Format::from_path(path).ok_or_else(|| {
        IoError::new(
            action,
            name,
            "unknown extension: use .json, .yaml, .yml or .toml",
        )
        .into()
    })
}

/// Read a document from a file; the format follows the extension (`.json`, `.yaml`, `.yml`,
/// `.toml`).
pub fn load(path: impl AsRef<Path>) -> Result<Document> {
    let path = path.as_ref();
    let name = path.display().to_string();
    let format = format_of(path, &name, "read")?;
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
    let format = format_of(path, &name, "write")?;
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
        Ok(text) => {
            #[cfg(not(target_arch = "wasm32"))]
            if let Some(doc) = parallel::parse(text) {
                return Ok(doc);
            }
            serde_json::from_str::<Document>(text)
        }
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

/// Large JSON documents are parsed on several threads: one pass reads everything but the
/// measures and finds where each measure's text starts and ends, then the measures are parsed
/// on eculture's thread pool ([`crate::par`]), each written straight to its place in the list.
///
/// The result is the document a serial parse gives: the shell below has the fields and serde
/// attributes of [`Document`] (a test compares them), and a measure parsed on its own is the
/// measure parsed in place. Any failure gives `None`, and the caller's serial parse reports
/// the error with its line, column and JSON path.
#[cfg(not(target_arch = "wasm32"))]
mod parallel {
    use std::sync::atomic::{AtomicBool, Ordering};

    use rayon::prelude::*;
    use serde::Deserialize;
    use serde_json::value::RawValue;

    use crate::model::{
        Cluster, Direction, Document, Indicator, Measure, Module, Organization, StrategyInfo,
    };

    /// Smallest JSON text (bytes) worth splitting: below it, handing work to threads costs
    /// more than it saves.
    pub(super) const MIN_BYTES: usize = 4 << 20;

    /// [`Document`] with each measure kept as its unparsed text.
    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    pub(super) struct Shell<'a> {
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
        #[serde(default, borrow)]
        measures: Vec<&'a RawValue>,
        #[serde(default)]
        indicators: Vec<Indicator>,
    }

    /// The field names of [`Shell`], in order, for the test that keeps it in step with
    /// [`Document`].
    #[cfg(test)]
    pub(super) const SHELL_FIELDS: &[&str] = &[
        "$schema",
        "strategy",
        "organizations",
        "directions",
        "clusters",
        "modules",
        "measures",
        "indicators",
    ];

    /// Parse `text` on eculture's threads; `None` when it is small, when there is one thread
    /// or when the text is not a valid document.
    pub(super) fn parse(text: &str) -> Option<Document> {
        if text.len() < MIN_BYTES || crate::par::threads() < 2 {
            return None;
        }
        parse_split(text)
    }

    /// Parse `text` with the measures parsed in parallel, whatever its size.
    pub(super) fn parse_split(text: &str) -> Option<Document> {
        let shell: Shell = serde_json::from_str(text).ok()?;
        let failed = AtomicBool::new(false);
        let mut measures = Vec::new();
        // Written in place, in document order; a measure that does not parse leaves a default
        // one behind and the whole result is dropped.
        let mut parse_all = || {
            shell
                .measures
                .par_iter()
                .with_min_len(1024)
                .map(|raw| {
                    serde_json::from_str::<Measure>(raw.get()).unwrap_or_else(|_| {
                        failed.store(true, Ordering::Relaxed);
                        Measure::default()
                    })
                })
                .collect_into_vec(&mut measures);
        };
        match crate::par::pool::get() {
            Some(pool) => pool.install(&mut parse_all),
            None => parse_all(),
        }
        if failed.into_inner() {
            return None;
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

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use serde_json::{Value, json};

    /// The embedded strategy with its measures repeated `copies` times under new ids (every
    /// measure field is exercised: typed and lagged dependencies, targets with and without
    /// clusters, funding, indicators, estimates, statuses, periods, sources).
    fn replicated(copies: usize) -> Value {
        let mut doc: Value =
            serde_json::from_str(include_str!("../data/e-culture.json")).expect("embedded");
        let base = doc["measures"].as_array().expect("measures").clone();
        let mut all = Vec::new();
        for k in 0..copies {
            for m in &base {
                let mut m = m.clone();
                let id = format!("{}#{k}", m["id"].as_str().expect("id"));
                m["id"] = json!(id);
                if let Some(deps) = m.get_mut("depends_on").and_then(Value::as_array_mut) {
                    for d in deps {
                        match d {
                            Value::String(s) => *s = format!("{s}#{k}"),
                            Value::Object(o) => {
                                let s = o["id"].as_str().expect("dep id").to_owned();
                                o.insert("id".into(), json!(format!("{s}#{k}")));
                            }
                            _ => {}
                        }
                    }
                }
                all.push(m);
            }
        }
        doc["measures"] = Value::Array(all);
        doc
    }

    #[test]
    fn the_shell_has_the_fields_of_document() {
        let schema = crate::json_schema();
        let mut fields: Vec<&str> = schema["properties"]
            .as_object()
            .expect("properties")
            .keys()
            .map(String::as_str)
            .collect();
        let mut shell = parallel::SHELL_FIELDS.to_vec();
        fields.sort_unstable();
        shell.sort_unstable();
        assert_eq!(fields, shell);
    }

    #[test]
    fn parallel_parse_equals_serial_parse() {
        let mut texts = vec![
            include_str!("../data/e-culture.json").to_owned(),
            serde_json::to_string_pretty(&replicated(40)).expect("json"),
            serde_json::to_string(&replicated(3)).expect("json"),
        ];
        for case in ["broken_refs", "cycle", "derived_junction", "small_valid"] {
            let p = format!(
                "{}/../tests/golden/{case}/input.json",
                env!("CARGO_MANIFEST_DIR")
            );
            texts.push(std::fs::read_to_string(p).expect("golden input"));
        }
        for text in &texts {
            let serial: Document = serde_json::from_str(text).expect("valid document");
            let parallel = parallel::parse_split(text).expect("parallel parse");
            assert_eq!(parallel, serial);
        }
    }

    #[test]
    fn parallel_parse_declines_what_serial_parse_rejects() {
        let good = replicated(2);
        let mut unknown_field = good.clone();
        unknown_field["measures"][100]["colour"] = json!("red");
        let mut wrong_type = good.clone();
        wrong_type["measures"][141]["duration_days"] = json!("ten");
        let mut not_a_list = good.clone();
        not_a_list["measures"] = json!({"a": 1});
        let text = serde_json::to_string(&good).expect("json");
        let bad_texts = [
            serde_json::to_string(&unknown_field).expect("json"),
            serde_json::to_string(&wrong_type).expect("json"),
            serde_json::to_string(&not_a_list).expect("json"),
            format!("{text} trailing"),
            text.replacen(r#""measures":["#, r#""measures":[],"measures":["#, 1),
            text[..text.len() - 10].to_owned(),
        ];
        for bad in &bad_texts {
            assert!(serde_json::from_str::<Document>(bad).is_err());
            assert!(parallel::parse_split(bad).is_none());
        }
    }

    #[test]
    fn errors_in_large_documents_are_located_as_in_small_ones() {
        let mut doc = replicated(80);
        let n = doc["measures"].as_array().expect("measures").len();
        doc["measures"][n - 3]["deadline"] = json!(true);
        let text = serde_json::to_string_pretty(&doc).expect("json");
        assert!(text.len() > parallel::MIN_BYTES);
        let Err(Error::Parse(e)) = parse_bytes(text.as_bytes(), Format::Json, "big.json") else {
            panic!("expected a parse error");
        };
        let at = text.find(r#""deadline": true"#).expect("the bad value");
        let (line, _) = line_col(&text, at);
        assert_eq!(
            e.path.as_deref(),
            Some(format!("measures[{}].deadline", n - 3).as_str())
        );
        assert_eq!(e.line, Some(line));
        assert_eq!(e.source_name, "big.json");
    }
}
