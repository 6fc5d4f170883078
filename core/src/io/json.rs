//! JSON: serde_json on the fast path; on failure a second pass with serde_path_to_error adds
//! the JSON path of the offending value. On wasm32 there is one pass, with the path tracked:
//! documents in a browser are small, and one instantiation of the document's deserializer
//! instead of three keeps the module small (the results are the same). Without the
//! `json-error-paths` feature (the demo page's lean build) there is no second instantiation
//! and a parse error has no path.

#[cfg(feature = "json-error-paths")]
use super::clean_path;
use super::strip_position;
use crate::error::{Error, Format, ParseError, Result};
use crate::model::Document;

/// A serde_json error as a located parse error (`path` from serde_path_to_error, when known).
fn located(source_name: &str, path: Option<String>, e: &serde_json::Error) -> Error {
    Error::Parse(ParseError {
        format: Format::Json,
        source_name: source_name.to_owned(),
        line: Some(e.line()),
        column: Some(e.column()),
        path,
        message: strip_position(&e.to_string()),
    })
}

#[cfg(target_arch = "wasm32")]
pub(super) fn parse_json(bytes: &[u8], source_name: &str) -> Result<Document> {
    let fail = |path: Option<String>, e: serde_json::Error| located(source_name, path, &e);
    let mut de = serde_json::Deserializer::from_slice(bytes);
    #[cfg(feature = "json-error-paths")]
    let doc = serde_path_to_error::deserialize::<_, Document>(&mut de)
        .map_err(|e| fail(clean_path(e.path().to_string()), e.into_inner()))?;
    #[cfg(not(feature = "json-error-paths"))]
    let doc = <Document as serde::Deserialize>::deserialize(&mut de).map_err(|e| fail(None, e))?;
    de.end().map_err(|e| fail(None, e))?;
    Ok(doc)
}

#[cfg(not(target_arch = "wasm32"))]
pub(super) fn parse_json(bytes: &[u8], source_name: &str) -> Result<Document> {
    // Validating UTF-8 once for the whole text is much cheaper than serde_json's per-string
    // check; invalid UTF-8 falls through to `from_slice`, which reports where it is.
    let parsed = match std::str::from_utf8(bytes) {
        Ok(text) => {
            if let Some(doc) = super::stream::parse(text) {
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
            #[cfg(feature = "json-error-paths")]
            let path = {
                let mut de = serde_json::Deserializer::from_slice(bytes);
                match serde_path_to_error::deserialize::<_, Document>(&mut de) {
                    Err(e) => clean_path(e.path().to_string()),
                    Ok(_) => None,
                }
            };
            #[cfg(not(feature = "json-error-paths"))]
            let path = None;
            Err(located(source_name, path, &first))
        }
    }
}
