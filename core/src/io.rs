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
    #[cfg(not(target_arch = "wasm32"))]
    if format == Format::Json
        && meta.len() >= parallel::MIN_BYTES as u64
        && crate::par::threads() >= 2
        && let Some(doc) = parallel::parse_file(path)
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
            message: crate::error::humanize(&e.into_inner().to_string()),
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
        Cluster, Direction, Document, Evaluation, Indicator, Measure, Module, Organization, Report,
        ReportingCalendar, StrategyInfo,
    };

    /// Smallest JSON text (bytes) worth splitting: below it, handing work to threads costs
    /// more than it saves.
    pub(super) const MIN_BYTES: usize = 4 << 20;

    /// [`Document`] with the measures deserialized as `M`: their unparsed texts (a slice
    /// in memory) or [`Streamed`] (a file).
    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    pub(super) struct Shell<M> {
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
        #[serde(default)]
        measures: M,
        #[serde(default)]
        indicators: Vec<Indicator>,
        #[serde(default)]
        reports: Vec<Report>,
        #[serde(default)]
        evaluations: Vec<Evaluation>,
        #[serde(default)]
        reporting: ReportingCalendar,
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
        "reports",
        "evaluations",
        "reporting",
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
        let shell: Shell<Vec<&RawValue>> = serde_json::from_str(text).ok()?;
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
        Some(shell.with(measures))
    }

    impl<M> Shell<M> {
        fn with(self, measures: Vec<Measure>) -> Document {
            let shell = self;
            Document {
                schema: shell.schema,
                strategy: shell.strategy,
                organizations: shell.organizations,
                directions: shell.directions,
                clusters: shell.clusters,
                modules: shell.modules,
                measures,
                indicators: shell.indicators,
                reports: shell.reports,
                evaluations: shell.evaluations,
                reporting: shell.reporting,
            }
        }
    }

    /// Measures per batch handed to a thread when a file is streamed.
    const BATCH: usize = 8192;
    /// Bytes read from the file at a time.
    const CHUNK: usize = 4 << 20;

    /// Read and parse a JSON file without holding its text: the top-level object is walked as
    /// the file is read, each measure's text is cut out (serde_json finds where it ends) and
    /// the measures are parsed in batches on eculture's threads, so memory holds the document
    /// plus a few batches, not the file too. Only the commas, colons and brackets between
    /// values are read here; every value is parsed by serde_json. `None` when the file cannot
    /// be read or is not a valid document: the caller's serial parse then reports what and
    /// where.
    pub(super) fn parse_file(path: &std::path::Path) -> Option<Document> {
        parse_file_in_chunks(path, CHUNK)
    }

    /// [`parse_file`], reading `chunk` bytes at a time.
    pub(super) fn parse_file_in_chunks(path: &std::path::Path, chunk: usize) -> Option<Document> {
        let mut r = Reader {
            file: std::fs::File::open(path).ok()?,
            buf: Vec::new(),
            pos: 0,
            eof: false,
            chunk: chunk.max(1),
        };
        // every field but the measures, as JSON text, parsed at the end as the shell
        let mut shell = String::from("{");
        let mut measures = None;
        r.expect(b'{')?;
        if r.peek()? == b'}' {
            r.pos += 1;
        } else {
            loop {
                let key: String = r.value(|raw| serde_json::from_str(raw).ok())??;
                r.expect(b':')?;
                if key == "measures" {
                    if measures.is_some() {
                        return None; // a duplicate field: the serial parse reports it
                    }
                    measures = Some(r.measures()?);
                } else {
                    if shell.len() > 1 {
                        shell.push(',');
                    }
                    shell.push_str(&serde_json::to_string(&key).ok()?);
                    shell.push(':');
                    r.value(|raw| shell.push_str(raw))?;
                }
                match r.next()? {
                    b',' => continue,
                    b'}' => break,
                    _ => return None,
                }
            }
        }
        if r.peek().is_some() {
            return None; // trailing text
        }
        shell.push('}');
        let shell: Shell<Vec<&RawValue>> = serde_json::from_str(&shell).ok()?;
        Some(shell.with(measures.unwrap_or_default()))
    }

    /// A JSON file read a chunk at a time.
    struct Reader {
        file: std::fs::File,
        buf: Vec<u8>,
        /// Bytes of `buf` already consumed.
        pos: usize,
        eof: bool,
        chunk: usize,
    }

    impl Reader {
        /// Read at least `more` bytes past what is buffered (fewer at the end of the file);
        /// false when nothing more could be read.
        fn fill(&mut self, more: usize) -> bool {
            use std::io::Read;
            if self.eof {
                return false;
            }
            self.buf.drain(..self.pos);
            self.pos = 0;
            let want = self.buf.len() + more.max(self.chunk);
            let before = self.buf.len();
            while self.buf.len() < want {
                let start = self.buf.len();
                self.buf.resize(want, 0);
                match self.file.read(&mut self.buf[start..]) {
                    Ok(0) | Err(_) => {
                        self.buf.truncate(start);
                        self.eof = true;
                        break;
                    }
                    Ok(n) => self.buf.truncate(start + n),
                }
            }
            self.buf.len() > before
        }

        /// The next byte that is not whitespace, left unconsumed.
        fn peek(&mut self) -> Option<u8> {
            loop {
                while let Some(&b) = self.buf.get(self.pos) {
                    if !matches!(b, b' ' | b'\n' | b'\r' | b'\t') {
                        return Some(b);
                    }
                    self.pos += 1;
                }
                if !self.fill(0) {
                    return None;
                }
            }
        }

        /// The next byte that is not whitespace, consumed.
        fn next(&mut self) -> Option<u8> {
            let b = self.peek()?;
            self.pos += 1;
            Some(b)
        }

        fn expect(&mut self, byte: u8) -> Option<()> {
            (self.next()? == byte).then_some(())
        }

        /// The text of the next value, found by serde_json, passed to `keep`; a value cut by
        /// the end of the buffer is parsed again once more of the file is read (twice as much
        /// each time, so a long value costs linear time).
        fn value<U>(&mut self, keep: impl FnOnce(&str) -> U) -> Option<U> {
            self.peek()?;
            let mut more = 0;
            loop {
                let mut it = serde_json::Deserializer::from_slice(&self.buf[self.pos..])
                    .into_iter::<&RawValue>();
                match it.next() {
                    Some(Ok(v)) => {
                        let used = it.byte_offset();
                        let out = keep(v.get());
                        self.pos += used;
                        return Some(out);
                    }
                    Some(Err(e)) if e.is_eof() => {}
                    None => {}
                    Some(Err(_)) => return None,
                }
                more = (2 * (self.buf.len() - self.pos)).max(more);
                if !self.fill(more) {
                    return None;
                }
            }
        }

        /// The elements of the `measures` list, parsed in batches on the thread pool and put
        /// together in document order.
        fn measures(&mut self) -> Option<Vec<Measure>> {
            self.expect(b'[')?;
            let pool = crate::par::pool::get();
            // batches in flight at most: beyond that this thread parses the batch itself,
            // which bounds the text held and keeps this thread busy too
            let limit = 2 * crate::par::threads();
            let (tx, rx) = std::sync::mpsc::channel();
            let mut asm = Assembly::default();
            let mut sent = 0usize;
            let mut batch = Batch::default();
            let mut end = self.peek()? == b']';
            if end {
                self.pos += 1;
            }
            loop {
                if !end {
                    let b = &mut batch;
                    self.value(|raw| {
                        b.text.push_str(raw);
                        b.ends.push(b.text.len());
                    })?;
                    end = match self.next()? {
                        b',' => false,
                        b']' => true,
                        _ => return None,
                    };
                }
                if batch.ends.len() == BATCH || (end && !batch.ends.is_empty()) {
                    let b = std::mem::take(&mut batch);
                    let id = sent;
                    sent += 1;
                    match &pool {
                        Some(pool) if sent - asm.appended <= limit => {
                            let tx = tx.clone();
                            pool.spawn(move || {
                                let _ = tx.send((id, b.parse()));
                            });
                        }
                        _ => asm.done(id, b.parse()),
                    }
                }
                while let Ok((id, parsed)) = rx.try_recv() {
                    asm.done(id, parsed);
                }
                if asm.failed {
                    return None;
                }
                if end {
                    break;
                }
            }
            drop(tx);
            while asm.appended < sent && !asm.failed {
                match rx.recv() {
                    Ok((id, parsed)) => asm.done(id, parsed),
                    Err(_) => asm.failed = true,
                }
            }
            if asm.failed {
                return None;
            }
            asm.out.shrink_to_fit();
            Some(asm.out)
        }
    }

    /// The texts of consecutive measures.
    #[derive(Default)]
    struct Batch {
        text: String,
        ends: Vec<usize>,
    }

    impl Batch {
        fn parse(&self) -> Option<Vec<Measure>> {
            let mut start = 0;
            self.ends
                .iter()
                .map(|&end| {
                    let m = serde_json::from_str::<Measure>(&self.text[start..end]).ok();
                    start = end;
                    m
                })
                .collect()
        }
    }

    /// Batches parsed (on threads or here) and appended in order.
    #[derive(Default)]
    struct Assembly {
        out: Vec<Measure>,
        waiting: std::collections::BTreeMap<usize, Vec<Measure>>,
        appended: usize,
        failed: bool,
    }

    impl Assembly {
        fn done(&mut self, batch: usize, parsed: Option<Vec<Measure>>) {
            match parsed {
                Some(v) => {
                    self.waiting.insert(batch, v);
                }
                None => self.failed = true,
            }
            while let Some(v) = self.waiting.remove(&self.appended) {
                // the list grows in place (large blocks are remapped, not copied)
                self.out.extend(v);
                self.appended += 1;
            }
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
            message: crate::error::humanize(e.message()),
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
pub(crate) fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let before = text.get(..offset).unwrap_or(text);
    let line = before.bytes().filter(|&b| b == b'\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |s| s.chars().count()) + 1;
    (line, col)
}

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

    /// Valid documents in every shape the fast parses must get right.
    fn good_documents() -> Vec<String> {
        let mut texts = vec![
            include_str!("../data/e-culture.json").to_owned(),
            serde_json::to_string_pretty(&replicated(3)).expect("json"),
            serde_json::to_string(&replicated(2)).expect("json"),
            r#"{"strategy": {"id": "s", "title": {"en": "S"}, "period": {"start": 2024, "end": 2026}}}"#.to_owned(),
            r#" {"measures" : [ ] , "strategy": {"id": "s", "title": {"en": "S"}, "period": {"start": 2024, "end": 2026}}} "#.to_owned(),
            // an escaped key is still the measures field
            serde_json::to_string(&replicated(1)).expect("json").replacen(r#""measures""#, r#""measure\u0073""#, 1),
        ];
        for case in ["broken_refs", "cycle", "derived_junction", "small_valid"] {
            let p = format!(
                "{}/../tests/golden/{case}/input.json",
                env!("CARGO_MANIFEST_DIR")
            );
            texts.push(std::fs::read_to_string(p).expect("golden input"));
        }
        texts
    }

    /// Invalid documents, each rejected by the serial parse.
    fn bad_documents() -> Vec<String> {
        let good = replicated(2);
        let mut unknown_field = good.clone();
        unknown_field["measures"][100]["colour"] = json!("red");
        let mut wrong_type = good.clone();
        wrong_type["measures"][141]["duration_days"] = json!("ten");
        let mut not_a_list = good.clone();
        not_a_list["measures"] = json!({"a": 1});
        let mut unknown_top = good.clone();
        unknown_top["extra"] = json!(1);
        let text = serde_json::to_string(&good).expect("json");
        let bad_texts = [
            serde_json::to_string(&unknown_field).expect("json"),
            serde_json::to_string(&wrong_type).expect("json"),
            serde_json::to_string(&not_a_list).expect("json"),
            serde_json::to_string(&unknown_top).expect("json"),
            format!("{text} trailing"),
            format!("{text}}}"),
            text.replacen(r#""measures":["#, r#""measures":[],"measures":["#, 1),
            text.replacen(r#""measures":["#, r#""measure\u0073":[],"measures":["#, 1),
            text.replacen(r#""strategy":"#, r#""strategy":{},"strategy":"#, 1),
            text.replacen(r#""measures":[{"#, r#""measures":[{},{"#, 1),
            text.replacen(r#"},{"id""#, r#"},,{"id""#, 1),
            text.replacen(r#"},{"id""#, r#"} {"id""#, 1),
            text.replacen(r#""measures":["#, r#""measures":"#, 1),
            text.replacen(r#""measures":"#, r#""measures""#, 1),
            text.replacen(r#""measures":"#, r#""measures",:"#, 1),
            text.replace("]}", ",]}"),
            text[..text.len() - 10].to_owned(),
            text[..text.len() / 2].to_owned(),
            String::new(),
            "[]".to_owned(),
            "{".to_owned(),
        ];
        bad_texts.into()
    }

    #[test]
    fn parallel_parse_equals_serial_parse() {
        let mut texts = good_documents();
        texts.push(serde_json::to_string_pretty(&replicated(40)).expect("json"));
        for text in &texts {
            let serial: Document = serde_json::from_str(text).expect("valid document");
            let parallel = parallel::parse_split(text).expect("parallel parse");
            assert_eq!(parallel, serial);
        }
    }

    #[test]
    fn parallel_parse_declines_what_serial_parse_rejects() {
        for (i, bad) in bad_documents().iter().enumerate() {
            assert!(serde_json::from_str::<Document>(bad).is_err(), "text {i}");
            assert!(parallel::parse_split(bad).is_none(), "text {i}");
        }
    }

    /// A file for the streaming tests, removed when dropped.
    struct TempFile(std::path::PathBuf);

    impl TempFile {
        fn new(tag: &str, text: &str) -> TempFile {
            let p =
                std::env::temp_dir().join(format!("eculture-io-{}-{tag}.json", std::process::id()));
            std::fs::write(&p, text).expect("write temp file");
            TempFile(p)
        }
    }

    impl Drop for TempFile {
        fn drop(&mut self) {
            let _ = std::fs::remove_file(&self.0);
        }
    }

    /// The streamed file parse gives the serial parse's document, however the file is cut
    /// into reads (1 byte at a time cuts every value, key and string; 4 KiB cuts some).
    #[test]
    fn streamed_parse_equals_serial_parse() {
        let texts = good_documents();
        for (i, text) in texts.iter().enumerate() {
            let serial: Document = serde_json::from_str(text).expect("valid document");
            let f = TempFile::new(&format!("ok{i}"), text);
            for chunk in [1, 4096, 1 << 22] {
                let streamed = parallel::parse_file_in_chunks(&f.0, chunk).expect("streamed");
                assert_eq!(streamed, serial, "text {i}, chunk {chunk}");
            }
        }
    }

    #[test]
    fn streamed_parse_declines_what_serial_parse_rejects() {
        let bad_texts = bad_documents();
        for (i, bad) in bad_texts.iter().enumerate() {
            assert!(serde_json::from_str::<Document>(bad).is_err(), "text {i}");
            let f = TempFile::new(&format!("bad{i}"), bad);
            for chunk in [1, 4096, 1 << 22] {
                assert!(
                    parallel::parse_file_in_chunks(&f.0, chunk).is_none(),
                    "text {i}, chunk {chunk}"
                );
            }
        }
        assert!(parallel::parse_file(std::path::Path::new("/nonexistent/eculture.json")).is_none());
    }

    /// `load` streams a large file and reports a bad one exactly as a small one.
    #[test]
    fn large_files_load_streamed_and_report_errors_located() {
        let doc = replicated(80);
        let text = serde_json::to_string_pretty(&doc).expect("json");
        assert!(text.len() > parallel::MIN_BYTES);
        let f = TempFile::new("large", &text);
        let serial: Document = serde_json::from_str(&text).expect("valid");
        assert_eq!(load(&f.0).expect("loads"), serial);
        let mut bad = doc.clone();
        let n = bad["measures"].as_array().expect("measures").len();
        bad["measures"][n - 3]["deadline"] = json!(true);
        let text = serde_json::to_string_pretty(&bad).expect("json");
        let f = TempFile::new("large-bad", &text);
        let Err(Error::Parse(e)) = load(&f.0) else {
            panic!("expected a parse error");
        };
        let at = text.find(r#""deadline": true"#).expect("the bad value");
        assert_eq!(e.line, Some(line_col(&text, at).0));
        assert_eq!(
            e.path.as_deref(),
            Some(format!("measures[{}].deadline", n - 3).as_str())
        );
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
