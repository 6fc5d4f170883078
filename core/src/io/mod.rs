//! Reading and writing documents in JSON, YAML and TOML.
//!
//! Parsing is strict (unknown fields are errors) and located: a syntax error carries the
//! line and column; a wrong type or an unknown field also carries the JSON path of the value
//! (`measures[3].start`). JSON is parsed once on the fast path; only when it fails is it
//! parsed again with path tracking, so valid input pays nothing for good error messages.

use std::path::Path;

mod json;
#[cfg(not(target_arch = "wasm32"))]
mod stream;
#[cfg(feature = "toml")]
mod toml_format;
#[cfg(feature = "yaml")]
mod yaml;

use json::parse_json;
#[cfg(feature = "toml")]
use toml_format::parse_toml;
#[cfg(feature = "yaml")]
use yaml::parse_yaml;

/// The stand-in for a format this build leaves out (the `yaml` and `toml` features).
#[cfg(not(all(feature = "yaml", feature = "toml")))]
fn not_built(format: Format, source_name: &str) -> Error {
    unlocated(
        format,
        source_name,
        format!(
            "this build of eculture reads and writes JSON only: {} needs the `{}` feature",
            format.as_str().to_uppercase(),
            format.as_str()
        ),
    )
}
#[cfg(not(feature = "yaml"))]
fn parse_yaml(_: &str, source_name: &str) -> Result<Document> {
    Err(not_built(Format::Yaml, source_name))
}
#[cfg(not(feature = "toml"))]
fn parse_toml(_: &str, source_name: &str) -> Result<Document> {
    Err(not_built(Format::Toml, source_name))
}

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
            "xlsx" | "xlsm" | "xlsb" | "xls" | "ods" => Some(Format::Xlsx),
            "csv" => Some(Format::Csv),
            "xml" => Some(Format::Mspdi),
            "xer" => Some(Format::Xer),
            _ => None,
        }
    }
}

fn too_large(format: Format, source_name: &str, len: usize) -> Error {
    unlocated(
        format,
        source_name,
        format!("document is {len} bytes; the limit is {MAX_DOCUMENT_BYTES}"),
    )
}

/// A parse error about the whole document (no line, column or path).
fn unlocated(format: Format, source_name: &str, message: String) -> Error {
    Error::Parse(ParseError {
        format,
        source_name: source_name.to_owned(),
        line: None,
        column: None,
        path: None,
        message,
    })
}

/// Parse a document from bytes in the given format. `source_name` names the input in errors.
pub fn parse_bytes(bytes: &[u8], format: Format, source_name: &str) -> Result<Document> {
    if bytes.len() > MAX_DOCUMENT_BYTES {
        return Err(too_large(format, source_name, bytes.len()));
    }
    match format {
        Format::Json => parse_json(bytes, source_name),
        Format::Xlsx | Format::Csv | Format::Mspdi | Format::Xer => {
            Err(spreadsheet(format, source_name))
        }
        Format::Yaml | Format::Toml => {
            let text = std::str::from_utf8(bytes).map_err(|e| {
                unlocated(
                    format,
                    source_name,
                    format!("not valid UTF-8 at byte {}", e.valid_up_to()),
                )
            })?;
            if format == Format::Yaml {
                parse_yaml(text, source_name)
            } else {
                parse_toml(text, source_name)
            }
        }
    }
}

/// Spreadsheets are action plans, read by `Strategy::from_xlsx` / `Strategy::from_csv`
/// (`Strategy::load` picks them by extension), not documents of this module.
fn spreadsheet(format: Format, source_name: &str) -> Error {
    let message = match format {
        Format::Mspdi | Format::Xer => format!(
            "a {} file is a project plan: read it with Strategy.from_mspdi / from_xer or Strategy.load, \
             write it with Strategy.to_mspdi / to_xer",
            format.as_str().to_uppercase()
        ),
        _ => format!(
            "a {} file is an action plan: read it with Strategy.from_xlsx / from_csv or Strategy.load",
            format.as_str().to_uppercase()
        ),
    };
    unlocated(format, source_name, message)
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
            "unknown extension: use .json, .yaml, .yml, .toml (or .xlsx, .xls, .ods, .csv for an action plan)",
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
    #[cfg(not(target_arch = "wasm32"))]
    if format == Format::Json
        && crate::par::large(
            usize::try_from(meta.len()).unwrap_or(usize::MAX),
            stream::MIN_BYTES,
        )
        && crate::par::threads() >= 2
        && let Some(doc) = stream::parse_file(path)
    {
        return Ok(doc);
    }
    let bytes = std::fs::read(path).map_err(|e| IoError::from_io("read", name.clone(), &e))?;
    parse_bytes(&bytes, format, &name)
}

/// The text and format of a file small enough to keep for locating diagnostics
/// ([`crate::locate::MAX_LOCATED_BYTES`]), or `None` when it is larger, not UTF-8, or cannot
/// be read (then [`load`] reads it and reports what is wrong).
pub(crate) fn read_small(path: &Path) -> Result<Option<(String, Format)>> {
    let name = path.display().to_string();
    let format = format_of(path, &name, "read")?;
    match std::fs::metadata(path) {
        Ok(meta) if meta.len() <= crate::locate::MAX_LOCATED_BYTES as u64 => {}
        _ => return Ok(None),
    }
    Ok(std::fs::read(path)
        .ok()
        .and_then(|bytes| String::from_utf8(bytes).ok())
        .map(|text| (text, format)))
}

/// Serialise a document in the given format.
pub fn to_string(doc: &Document, format: Format) -> Result<String> {
    let fail = |message: String| unlocated(format, "<output>", message);
    match format {
        Format::Json => serde_json::to_string_pretty(doc).map_err(|e| fail(e.to_string())),
        #[cfg(feature = "yaml")]
        Format::Yaml => serde_yaml_ng::to_string(doc).map_err(|e| fail(e.to_string())),
        #[cfg(feature = "toml")]
        Format::Toml => toml::to_string_pretty(doc).map_err(|e| fail(e.to_string())),
        Format::Xlsx | Format::Csv | Format::Mspdi | Format::Xer => {
            Err(spreadsheet(format, "<output>"))
        }
        #[cfg(not(all(feature = "yaml", feature = "toml")))]
        _ => Err(not_built(format, "<output>")),
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
            message: crate::error::humanize(&e.into_inner().to_string()),
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

#[cfg(feature = "toml")]
pub(crate) use crate::locate::line_col;

/// Parsers append " at line X column Y" to their messages; the location is kept separately.
/// The message is also put in the document's words ([`crate::error::humanize`]).
fn strip_position(msg: &str) -> String {
    let first = msg.lines().next().unwrap_or(msg);
    crate::error::humanize(match first.rfind(" at line ") {
        Some(i) => &first[..i],
        None => first,
    })
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;

/// Parse a text of `format` into a JSON value (for files that are not strategy documents, such
/// as a portfolio). Errors are [`Error::Parse`] naming `source_name`.
pub fn parse_value(text: &str, format: Format, source_name: &str) -> Result<serde_json::Value> {
    let fail = |message: String| unlocated(format, source_name, message);
    match format {
        Format::Json => serde_json::from_str(text).map_err(|e| fail(e.to_string())),
        #[cfg(feature = "yaml")]
        Format::Yaml => serde_yaml_ng::from_str(text).map_err(|e| fail(e.to_string())),
        #[cfg(feature = "toml")]
        Format::Toml => toml::from_str(text).map_err(|e| fail(e.to_string())),
        #[allow(unreachable_patterns)]
        _ => Err(fail(format!("{format:?} support is not built in"))),
    }
}
