//! TOML through the `toml` crate, located by its spans.

use super::line_col;
use crate::error::{Error, Format, ParseError, Result};
use crate::model::Document;

pub(super) fn parse_toml(text: &str, source_name: &str) -> Result<Document> {
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
            message: crate::error::humanize(e.message()),
        })
    })
}
