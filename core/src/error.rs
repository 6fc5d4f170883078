//! Errors. One public enum, [`Error`], whose variants wrap structs with accessors.
//!
//! Every error has a stable [`Error::code`] (the bindings expose it as `.code`) and, where it is
//! about a place in the input, a location: a file name, a line/column for syntax errors, a JSON
//! path such as `measures[12].depends_on[0]` and the id of the entity concerned.
//! Messages are one lowercase line with user input in backticks.

use std::fmt;

use crate::diagnostic::Diagnostic;

/// Result alias used across the crate.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Everything that can go wrong in eculture.
#[derive(Debug, Clone, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// Malformed JSON / YAML / TOML, or a value of the wrong type.
    #[error(transparent)]
    Parse(#[from] ParseError),
    /// A file could not be read or written.
    #[error(transparent)]
    Io(#[from] IoError),
    /// The document loaded but has errors that stop the requested operation.
    #[error(transparent)]
    Validation(#[from] ValidationError),
    /// The dependency graph has a cycle and the operation needs an acyclic plan.
    #[error(transparent)]
    Cycle(#[from] CycleError),
    /// An argument given to an operation is invalid (unknown id, bad option, ...).
    #[error(transparent)]
    Argument(#[from] ArgumentError),
    /// A schedule cannot be computed from the inputs given (a calendar with no working day, a
    /// date beyond the supported range, an unusable estimate).
    #[error(transparent)]
    Schedule(#[from] ScheduleError),
}

impl Error {
    /// Stable machine-readable code: `parse_error`, `io_error`, `validation_error`,
    /// `dependency_cycle`, `invalid_argument` or `schedule_error`.
    pub fn code(&self) -> &'static str {
        match self {
            Error::Parse(_) => "parse_error",
            Error::Io(_) => "io_error",
            Error::Validation(_) => "validation_error",
            Error::Cycle(_) => "dependency_cycle",
            Error::Argument(_) => "invalid_argument",
            Error::Schedule(_) => "schedule_error",
        }
    }

    /// Where the error is: a JSON path, `file:line:column`, or a file path.
    pub fn location(&self) -> Option<String> {
        match self {
            Error::Parse(e) => Some(e.location()),
            Error::Io(e) => Some(e.path.clone()),
            Error::Validation(e) => e.diagnostics.first().map(|d| d.path.clone()),
            Error::Cycle(e) => Some(e.path.clone()),
            Error::Argument(e) => e.path.clone(),
            Error::Schedule(e) => e.path.clone(),
        }
    }
}

/// The format a document was read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// JSON.
    Json,
    /// YAML.
    Yaml,
    /// TOML.
    Toml,
    /// A workbook: XLSX, XLSM, XLSB, XLS or ODS (read by `Strategy::from_xlsx`).
    Xlsx,
    /// CSV (an action plan, read by `Strategy::from_csv`).
    Csv,
    /// MS Project XML (MSPDI; a project plan, read by `Strategy::from_mspdi`).
    Mspdi,
    /// Primavera P6 XER (a project plan, read by `Strategy::from_xer`).
    Xer,
}

impl Format {
    /// Lowercase name.
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Json => "json",
            Format::Yaml => "yaml",
            Format::Toml => "toml",
            Format::Xlsx => "xlsx",
            Format::Csv => "csv",
            Format::Mspdi => "mspdi",
            Format::Xer => "xer",
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A syntax or type error in a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError {
    pub(crate) format: Format,
    pub(crate) source_name: String,
    pub(crate) line: Option<usize>,
    pub(crate) column: Option<usize>,
    pub(crate) path: Option<String>,
    pub(crate) message: String,
}

impl ParseError {
    /// The format being read.
    pub fn format(&self) -> Format {
        self.format
    }
    /// The file path, or `<string>` for in-memory text.
    pub fn source_name(&self) -> &str {
        &self.source_name
    }
    /// 1-based line, when known.
    pub fn line(&self) -> Option<usize> {
        self.line
    }
    /// 1-based column, when known.
    pub fn column(&self) -> Option<usize> {
        self.column
    }
    /// JSON path of the offending value (`measures[3].start`), when known.
    pub fn path(&self) -> Option<&str> {
        self.path.as_deref()
    }
    /// The parser's message.
    pub fn message(&self) -> &str {
        &self.message
    }
    /// `file:line:column` (as much as is known).
    pub fn location(&self) -> String {
        match (self.line, self.column) {
            (Some(l), Some(c)) => format!("{}:{l}:{c}", self.source_name),
            (Some(l), None) => format!("{}:{l}", self.source_name),
            _ => self.source_name.clone(),
        }
    }
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "invalid {} at {}", self.format, self.location())?;
        if let Some(p) = &self.path {
            write!(f, " (`{p}`)")?;
        }
        write!(f, ": {}", self.message)
    }
}

impl std::error::Error for ParseError {}

/// A file could not be read or written.
#[derive(Debug, Clone, thiserror::Error)]
#[error("cannot {action} `{path}`: {message}")]
pub struct IoError {
    pub(crate) action: &'static str,
    pub(crate) path: String,
    pub(crate) message: String,
    pub(crate) kind: Option<std::io::ErrorKind>,
}

impl IoError {
    /// A new I/O error: `action` is a verb such as `read` or `write`.
    pub fn new(action: &'static str, path: impl Into<String>, message: impl Into<String>) -> Self {
        IoError {
            action,
            path: path.into(),
            message: message.into(),
            kind: None,
        }
    }
    /// From an `std::io::Error`, keeping its kind.
    pub fn from_io(action: &'static str, path: impl Into<String>, e: &std::io::Error) -> Self {
        IoError {
            action,
            path: path.into(),
            message: e.to_string(),
            kind: Some(e.kind()),
        }
    }
    /// The operating-system error kind (`NotFound`, `PermissionDenied`, ...), when the error came
    /// from the operating system.
    pub fn kind(&self) -> Option<std::io::ErrorKind> {
        self.kind
    }
    /// The file path.
    pub fn path(&self) -> &str {
        &self.path
    }
    /// What went wrong.
    pub fn message(&self) -> &str {
        &self.message
    }
}

/// The document has validation errors that prevent the requested operation.
#[derive(Debug, Clone)]
pub struct ValidationError {
    pub(crate) diagnostics: Vec<Diagnostic>,
}

impl ValidationError {
    /// The error-severity diagnostics (at least one).
    pub fn diagnostics(&self) -> &[Diagnostic] {
        &self.diagnostics
    }
}

impl fmt::Display for ValidationError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let n = self.diagnostics.len();
        match self.diagnostics.first() {
            Some(d) if n == 1 => write!(f, "the strategy has 1 error: {d}"),
            Some(d) => write!(f, "the strategy has {n} errors; first: {d}"),
            None => write!(f, "the strategy is invalid"),
        }
    }
}

impl std::error::Error for ValidationError {}

/// A dependency cycle. `cycle` lists measure ids in dependency order: each one is a
/// prerequisite of the next, and the last is a prerequisite of the first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CycleError {
    pub(crate) cycle: Vec<String>,
    pub(crate) path: String,
    pub(crate) diagnostics: Vec<Diagnostic>,
}

impl CycleError {
    /// The measure ids on the cycle, in dependency order.
    pub fn cycle(&self) -> &[String] {
        &self.cycle
    }
    /// JSON path of the first measure on the cycle (`measures[7]`).
    pub fn path(&self) -> &str {
        &self.path
    }
    /// One `dependency_cycle` diagnostic per cyclic block of the plan (this cycle is the first).
    pub fn diagnostics(&self) -> &[Diagnostic] {
        &self.diagnostics
    }
}

impl fmt::Display for CycleError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "dependency cycle: ")?;
        for id in &self.cycle {
            write!(f, "`{id}` -> ")?;
        }
        match self.cycle.first() {
            Some(first) => write!(f, "`{first}`"),
            None => Ok(()),
        }
    }
}

impl std::error::Error for CycleError {}

/// An invalid argument to an operation.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct ArgumentError {
    pub(crate) message: String,
    pub(crate) path: Option<String>,
}

impl ArgumentError {
    /// An argument error located at `path` (`options.calendar`, `ids[2]`): for bindings that
    /// find an argument their language cannot even hand over as plain data.
    pub fn new(message: impl Into<String>, path: impl Into<String>) -> Self {
        ArgumentError::at(message, path)
    }

    pub(crate) fn at(message: impl Into<String>, path: impl Into<String>) -> Self {
        ArgumentError {
            message: message.into(),
            path: Some(path.into()),
        }
    }
    /// What is wrong.
    pub fn message(&self) -> &str {
        &self.message
    }
    /// Which argument (e.g. `ids[3]`), when known.
    pub fn path(&self) -> Option<&str> {
        self.path.as_deref()
    }
}

/// What kind of [`ScheduleError`] it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ScheduleErrorKind {
    /// The calendar's week has no working day (every weekday is a weekend day).
    NoWorkingDays,
    /// A calendar lists the same date as a holiday and as an extra working day.
    ConflictingCalendarDay,
    /// A date or day offset falls outside the supported range (years -9999..=9999).
    DateOutOfRange,
    /// A three-point estimate is unusable (not finite, negative, or not ordered
    /// optimistic ≤ most likely ≤ pessimistic).
    InvalidEstimate,
}

impl ScheduleErrorKind {
    /// Stable string form: `no_working_days`, `conflicting_calendar_day`, `date_out_of_range`,
    /// `invalid_estimate`.
    pub fn as_str(self) -> &'static str {
        match self {
            ScheduleErrorKind::NoWorkingDays => "no_working_days",
            ScheduleErrorKind::ConflictingCalendarDay => "conflicting_calendar_day",
            ScheduleErrorKind::DateOutOfRange => "date_out_of_range",
            ScheduleErrorKind::InvalidEstimate => "invalid_estimate",
        }
    }
}

/// A schedule cannot be computed: see [`ScheduleErrorKind`]. Located by a path such as
/// `calendar.weekend` or `measures[3].estimate`, and by the measure id when one is concerned.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct ScheduleError {
    pub(crate) kind: ScheduleErrorKind,
    pub(crate) message: String,
    pub(crate) path: Option<String>,
    pub(crate) id: Option<String>,
}

impl ScheduleError {
    pub(crate) fn new(
        kind: ScheduleErrorKind,
        message: impl Into<String>,
        path: impl Into<String>,
    ) -> Self {
        ScheduleError {
            kind,
            message: message.into(),
            path: Some(path.into()),
            id: None,
        }
    }
    pub(crate) fn with_id(mut self, id: impl Into<String>) -> Self {
        self.id = Some(id.into());
        self
    }
    /// What went wrong.
    pub fn kind(&self) -> ScheduleErrorKind {
        self.kind
    }
    /// The message.
    pub fn message(&self) -> &str {
        &self.message
    }
    /// Where: `calendar.weekend`, `calendar.holidays[2]`, `measures[7]`, ...
    pub fn path(&self) -> Option<&str> {
        self.path.as_deref()
    }
    /// The measure concerned, when there is one.
    pub fn id(&self) -> Option<&str> {
        self.id.as_deref()
    }
}

/// What the document's types are called in messages: serde names Rust types (`struct
/// StrategyInfo`, `u32`, `untagged enum Dependency`); a user knows the document's words.
const TYPE_WORDS: &[(&str, &str)] = &[
    (
        "Document",
        "a strategy document (an object with `strategy`, `measures`, ...)",
    ),
    ("StrategyInfo", "the `strategy` object"),
    ("Period", "a period (an object with `start` and `end`)"),
    (
        "Act",
        "an act (an object with `body`, `number`, `date`, ...)",
    ),
    ("Goal", "a goal (an object with `id` and `title`)"),
    (
        "Organization",
        "an organization (an object with `id` and `name`)",
    ),
    ("Direction", "a direction (an object with `id` and `title`)"),
    ("Cluster", "a cluster (an object with `id` and `title`)"),
    ("ApplicabilityRule", "an `applies_to` rule (an object)"),
    (
        "Module",
        "a module (an object with `id`, `title` and `applies_to`)",
    ),
    (
        "Requirement",
        "a module id or an object with `module`, `relation` and `lag_days`",
    ),
    (
        "Dependency",
        "a measure id or an object with `id`, `type` and `lag_days`",
    ),
    (
        "Target",
        "a target (an object with `module` and `clusters`)",
    ),
    (
        "Estimate",
        "an estimate (an object with `optimistic`, `most_likely` and `pessimistic`)",
    ),
    (
        "Measure",
        "a measure (an object with `id`, `direction`, `title`, ...)",
    ),
    ("YearValue", "an object with `year` and `value`"),
    (
        "IndicatorTarget",
        "a target (an object with `year` and `value`)",
    ),
    ("Indicator", "an indicator (an object with `id` and `name`)"),
    ("Executors", "an organization id or a list of them"),
    ("Text", "a text (an object with `az`, `en` or `ru`)"),
];

/// Rust words for numbers and containers, and what to say instead.
const PRIMITIVE_WORDS: &[(&str, &str)] = &[
    ("u8", "a whole number ≥ 0"),
    ("u16", "a whole number ≥ 0"),
    ("u32", "a whole number ≥ 0"),
    ("u64", "a whole number ≥ 0"),
    ("usize", "a whole number ≥ 0"),
    ("i8", "a whole number"),
    ("i16", "a whole number"),
    ("i32", "a whole number"),
    ("i64", "a whole number"),
    ("isize", "a whole number"),
    ("f32", "a number"),
    ("f64", "a number"),
    ("a borrowed string", "a string"),
    ("a sequence", "a list"),
    ("a map", "an object"),
    ("sequence", "list"),
    ("map", "object"),
];

/// A parser's message in the document's words: no Rust type names (`struct StrategyInfo`,
/// `u32`, `untagged enum Dependency`) reach a user.
pub(crate) fn humanize(message: &str) -> String {
    let mut m = message.to_owned();
    for (name, words) in TYPE_WORDS {
        for prefix in [
            "data did not match any variant of untagged enum ",
            "struct ",
            "enum ",
        ] {
            let from = format!("{prefix}{name}");
            if m.contains(&from) {
                let to = if prefix.starts_with("data") {
                    format!("expected {words}")
                } else {
                    (*words).to_owned()
                };
                m = replace_word(&m, &from, &to);
            }
        }
    }
    for (from, to) in PRIMITIVE_WORDS {
        m = replace_word(&m, from, to);
    }
    m
}

/// Replace `from` where it stands as a whole word (not inside an identifier or a quoted
/// value: text between backticks is the user's and is kept).
fn replace_word(s: &str, from: &str, to: &str) -> String {
    let is_word = |c: char| c.is_alphanumeric() || c == '_';
    let mut out = String::with_capacity(s.len());
    let mut quoted = false;
    let mut i = 0;
    while i < s.len() {
        let rest = &s[i..];
        let c = rest.chars().next().unwrap_or(' ');
        if c == '`' || c == '"' {
            quoted = !quoted;
        }
        if !quoted
            && rest.starts_with(from)
            && !s[..i].chars().next_back().is_some_and(is_word)
            && !rest[from.len()..].chars().next().is_some_and(is_word)
        {
            out.push_str(to);
            i += from.len();
            continue;
        }
        out.push(c);
        i += c.len_utf8();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::humanize;

    #[test]
    fn rust_words_become_document_words() {
        assert_eq!(
            humanize("invalid type: string \"ten\", expected u32"),
            "invalid type: string \"ten\", expected a whole number ≥ 0"
        );
        assert_eq!(
            humanize("invalid type: sequence, expected struct StrategyInfo"),
            "invalid type: list, expected the `strategy` object"
        );
        assert_eq!(
            humanize("data did not match any variant of untagged enum Dependency"),
            "expected a measure id or an object with `id`, `type` and `lag_days`"
        );
        // user text in backticks or quotes is kept as written
        assert_eq!(
            humanize("unknown field `u32`, expected `map`"),
            "unknown field `u32`, expected `map`"
        );
        assert_eq!(
            humanize("invalid type: string \"map\""),
            "invalid type: string \"map\""
        );
    }
}
