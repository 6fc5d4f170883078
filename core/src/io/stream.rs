//! Large JSON documents are parsed on several threads: one pass reads everything but the
//! measures and finds where each measure's text starts and ends, then the measures are parsed
//! on eculture's thread pool ([`crate::par`]), each written straight to its place in the list.
//!
//! The result is the document a serial parse gives: the shell below has the fields and serde
//! attributes of [`Document`] (a test compares them), and a measure parsed on its own is the
//! measure parsed in place. Any failure gives `None`, and the caller's serial parse reports
//! the error with its line, column and JSON path.

use std::sync::atomic::{AtomicBool, Ordering};

use rayon::prelude::*;
use serde::Deserialize;
use serde_json::value::RawValue;

use crate::model::{
    Assessment, Baseline, Cluster, Direction, Document, Evaluation, Indicator, Measure, Module,
    Organization, Report, ReportingCalendar, ScoredInfluence, StrategyInfo,
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
    #[serde(default)]
    baselines: Vec<Baseline>,
    #[serde(default)]
    influences: Vec<ScoredInfluence>,
    #[serde(default)]
    assessments: Vec<Assessment>,
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
    "baselines",
    "influences",
    "assessments",
];

/// Parse `text` on eculture's threads; `None` when it is small, when there is one thread
/// or when the text is not a valid document.
pub(super) fn parse(text: &str) -> Option<Document> {
    if !crate::par::large(text.len(), MIN_BYTES) || crate::par::threads() < 2 {
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
            baselines: shell.baselines,
            influences: shell.influences,
            assessments: shell.assessments,
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
