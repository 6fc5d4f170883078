//! What the demo page's worker needs (`wasm/www/worker.js`, issue 21): a `DocumentReader` that
//! takes a file's bytes chunk by chunk as the browser streams them (so no JavaScript string of
//! the whole file is ever made) and parses them with the core once complete, the strategy's
//! header (`strategy` section of the document) without handing over the whole document, and the
//! core's `workbench` (what the page shows, each list cut to the rows on screen).

use eculture::Format;
use wasm_bindgen::prelude::*;

use crate::strategy::Strategy;
use crate::{args, error, js};

/// A JSON document read in chunks: `push` each chunk of a file's stream, then `finish()` parses
/// the bytes with the core (the same parser and errors as `Strategy.fromJson`).
#[wasm_bindgen]
#[derive(Debug, Default)]
pub struct DocumentReader {
    bytes: Vec<u8>,
}

#[wasm_bindgen]
impl DocumentReader {
    /// A reader for a document of about `size` bytes (the file's size: one allocation).
    #[wasm_bindgen(constructor)]
    pub fn new(size: f64) -> DocumentReader {
        let cap = if size.is_finite() && size > 0.0 {
            (size as usize).min(eculture::io::MAX_DOCUMENT_BYTES)
        } else {
            0
        };
        DocumentReader {
            bytes: Vec::with_capacity(cap),
        }
    }

    /// Append the next chunk of the document.
    pub fn push(&mut self, chunk: &[u8]) {
        self.bytes.extend_from_slice(chunk);
    }

    /// Bytes read so far.
    #[wasm_bindgen(getter, js_name = "bytesRead")]
    pub fn bytes_read(&self) -> f64 {
        self.bytes.len() as f64
    }

    /// Parse the document (JSON); `name` names it in errors. Throws `ParseError` as `fromJson`.
    pub fn finish(self, name: &str) -> Result<Strategy, JsValue> {
        eculture::io::parse_bytes(&self.bytes, Format::Json, name)
            .map(|doc| Strategy {
                inner: eculture::Strategy::new(doc),
            })
            .map_err(error::to_js)
    }
}

#[wasm_bindgen]
impl Strategy {
    /// The document's `strategy` section (id, title, period, approving act): the page's header.
    #[wasm_bindgen(unchecked_return_type = "StrategyInfo")]
    pub fn header(&self) -> Result<JsValue, JsValue> {
        js(&self.inner.document().strategy)
    }

    /// What the page shows of the plan (`eculture::api::Workbench`): counts, the first rows of
    /// each list, the heatmap and the Gantt chart, each part `{ok}` or `{error}`. Options are
    /// the pictures' (`lang`, `calendar`, `colorBy`, ...).
    #[wasm_bindgen(unchecked_return_type = "Workbench")]
    pub fn workbench(
        &self,
        #[wasm_bindgen(unchecked_optional_param_type = "PictureInit | null")] options: JsValue,
    ) -> Result<JsValue, JsValue> {
        let (sch, opts) = args::picture(options)?;
        js(&self.inner.workbench(&sch, &opts))
    }
}
