//! YAML through serde_yaml_ng, with the JSON path of a value of the wrong type.

use super::{clean_path, strip_position};
use crate::error::{Error, Format, ParseError, Result};
use crate::model::Document;

pub(super) fn parse_yaml(text: &str, source_name: &str) -> Result<Document> {
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
