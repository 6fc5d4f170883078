//! A portfolio of programmes: several strategies (e-Culture beside the state programmes of a
//! ministry, or a country's programmes) analysed as one plan, with dependencies across them.
//!
//! **Qualified ids.** Inside a portfolio every programme-specific id is qualified by its
//! programme: measure `1.1` of programme `e-culture` is `e-culture:1.1`, and so are its
//! directions, indicators, reports, evaluations and baselines. A measure depends on another
//! programme's measure by writing the qualified id in `depends_on` (`"culture-2040:3.2"`); an
//! unqualified id means a measure of its own programme. Outside a portfolio such a reference
//! is the non-blocking finding `external_dependency` and holds nothing.
//!
//! **The sector map is shared.** Clusters, modules and organisations keep their ids: the first
//! programme that defines one gives its definition, and a later programme defining the same id
//! differently gets the warning `portfolio_conflict` (its definition is not used). So a matrix
//! cell of the portfolio lists the measures of every programme delivering it, and
//! [`Portfolio::cell_programmes`] says which programmes cover it.
//!
//! **One plan.** The portfolio is one merged [`Strategy`] ([`Portfolio::strategy`]): every
//! operation of a strategy — validation, `find_cycle` across programmes, the schedule (records
//! with qualified ids; [`programme_of`] gives the programme), impact, execution rate (also
//! `by = "programme"`), achievement, the matrix and the pictures — runs on it, at the speed of
//! one plan of the same size. Directions are titled "programme · direction", so the Gantt
//! chart's direction groups are the programmes' swimlanes, in programme order.
//!
//! ```
//! use eculture::{Portfolio, Strategy};
//!
//! let a = Strategy::e_culture();
//! let p = Portfolio::from_strategies(vec![a.clone()]).unwrap();
//! assert_eq!(p.programmes(), [a.document().strategy.id.as_str()]);
//! let first = &p.strategy().document().measures[0].id;
//! assert!(first.starts_with("az-moc-e-culture-2024-2026:"));
//! ```

use std::collections::HashMap;
use std::path::Path;

use serde::Deserialize;

use crate::error::{ArgumentError, Error, Result};
use crate::model::{Dependency, Document, Id, MicmacLevel, Period, StrategyInfo, Text};
use crate::strategy::Strategy;
use crate::validate::{Code, Diagnostic, Severity};

/// The separator of a qualified id: `programme:measure`.
pub const QUALIFIER: char = ':';

pub use crate::ids::programme_of;

/// Several strategies as one plan (see the [module documentation](self)).
#[derive(Debug, Clone)]
pub struct Portfolio {
    head: PortfolioHead,
    merged: Strategy,
}

/// What a portfolio knows beside its merged plan: its id, its programmes and its own findings
/// ([`Portfolio::into_parts`], for bindings that hold the merged plan themselves).
#[derive(Debug, Clone)]
pub struct PortfolioHead {
    id: String,
    programmes: Vec<String>,
    findings: Vec<Diagnostic>,
}

impl PortfolioHead {
    /// The portfolio's id.
    pub fn id(&self) -> &str {
        &self.id
    }

    /// The programme ids, in order.
    pub fn programmes(&self) -> Vec<&str> {
        self.programmes.iter().map(String::as_str).collect()
    }

    /// Validation of the merged plan `merged`, then the portfolio's own findings
    /// (`portfolio_conflict`). Paths are paths of the merged document; ids are qualified.
    pub fn validate(&self, merged: &Strategy) -> Vec<Diagnostic> {
        let mut d = merged.validate().to_vec();
        d.extend(self.findings.iter().cloned());
        d
    }

    /// The programmes whose measures deliver the matrix cell `(cluster, module)` of the merged
    /// plan, in programme order (empty for a gap or an unknown cell).
    pub fn cell_programmes(
        &self,
        merged: &Strategy,
        cluster: &str,
        module: &str,
    ) -> Result<Vec<String>> {
        let m = merged.matrix()?;
        let Some(cell) = m.cell(cluster, module) else {
            return Ok(Vec::new());
        };
        Ok(self
            .programmes
            .iter()
            .filter(|p| {
                cell.measures
                    .iter()
                    .any(|x| programme_of(x) == Some(p.as_str()))
            })
            .cloned()
            .collect())
    }
}

/// The portfolio file: `{portfolio: {id, title?}, programmes: [{path} | {document}]}`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct PortfolioFile {
    #[serde(default)]
    portfolio: Option<PortfolioFileHead>,
    programmes: Vec<ProgrammeEntry>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct PortfolioFileHead {
    id: String,
    #[serde(default)]
    title: Option<Text>,
}

#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum ProgrammeEntry {
    Path { path: String },
    Inline(Box<serde_json::Value>),
}

impl Portfolio {
    /// The portfolio of `strategies`, each a programme named by its strategy id, in the order
    /// given (their documents are moved into the merged plan, not copied). Errors: no
    /// strategy, a programme id that is empty, holds `:` or is given twice.
    pub fn from_strategies(strategies: Vec<Strategy>) -> Result<Portfolio> {
        Self::build("portfolio".to_owned(), None, strategies)
    }

    /// Read a portfolio file (JSON, YAML or TOML by extension): `portfolio: {id, title?}`
    /// (optional) and `programmes`, each `{path: "plan.yaml"}` (relative to the portfolio
    /// file) or a strategy document inline. A programme that cannot be read is an error naming
    /// it (`programmes[1]`).
    pub fn load(path: impl AsRef<Path>) -> Result<Portfolio> {
        let path = path.as_ref();
        let name = path.display().to_string();
        let text = std::fs::read_to_string(path).map_err(|e| {
            Error::from(ArgumentError::at(
                format!("cannot read portfolio `{name}`: {e}"),
                "path",
            ))
        })?;
        let format = crate::error::Format::from_path(path).unwrap_or(crate::error::Format::Json);
        let value = crate::io::parse_value(&text, format, &name)?;
        let file: PortfolioFile = serde_json::from_value(value).map_err(|e| {
            let message = crate::error::humanize(&e.to_string());
            Error::from(ArgumentError::at(
                format!("invalid portfolio `{name}`: {message}"),
                "programmes",
            ))
        })?;
        let dir = path.parent().unwrap_or(Path::new("."));
        let mut strategies = Vec::with_capacity(file.programmes.len());
        for (k, p) in file.programmes.into_iter().enumerate() {
            let s = match p {
                ProgrammeEntry::Path { path: rel } => Strategy::load(dir.join(&rel)),
                ProgrammeEntry::Inline(v) => Strategy::from_value(*v),
            };
            strategies.push(s.map_err(|e| {
                Error::from(ArgumentError::at(
                    format!("programme {k}: {e}"),
                    format!("programmes[{k}]"),
                ))
            })?);
        }
        let (id, title) = match file.portfolio {
            Some(h) => (h.id, h.title),
            None => ("portfolio".to_owned(), None),
        };
        Self::build(id, title, strategies)
    }

    fn build(id: String, title: Option<Text>, programmes: Vec<Strategy>) -> Result<Portfolio> {
        if programmes.is_empty() {
            let message = "a portfolio needs at least one programme";
            return Err(ArgumentError::at(message, "programmes").into());
        }
        let mut seen: HashMap<&str, usize> = HashMap::new();
        for (k, s) in programmes.iter().enumerate() {
            let pid = s.document().strategy.id.as_str();
            let problem = if pid.trim().is_empty() {
                Some(format!("programme {k} has an empty strategy id"))
            } else if pid.contains(QUALIFIER) {
                Some(format!(
                    "programme id `{pid}` holds `{QUALIFIER}`, the qualifier of ids"
                ))
            } else {
                seen.insert(pid, k).map(|first| {
                    format!("programme id `{pid}` is given twice (programmes {first} and {k})")
                })
            };
            if let Some(message) = problem {
                return Err(ArgumentError::at(message, format!("programmes[{k}]")).into());
            }
        }
        let ids: Vec<String> = programmes
            .iter()
            .map(|s| s.document().strategy.id.to_string())
            .collect();
        let docs: Vec<Document> = programmes
            .into_iter()
            .map(Strategy::into_document)
            .collect();
        let (doc, findings) = merge(&id, title, docs);
        Ok(Portfolio {
            head: PortfolioHead {
                id,
                programmes: ids,
                findings,
            },
            merged: Strategy::new(doc),
        })
    }

    /// The head and the merged plan, apart (for bindings that hold the plan themselves).
    pub fn into_parts(self) -> (PortfolioHead, Strategy) {
        (self.head, self.merged)
    }

    /// The portfolio's id.
    pub fn id(&self) -> &str {
        self.head.id()
    }

    /// The programme ids, in order.
    pub fn programmes(&self) -> Vec<&str> {
        self.head.programmes()
    }

    /// The merged plan: every operation of a strategy runs on it.
    pub fn strategy(&self) -> &Strategy {
        &self.merged
    }

    /// Validation of the merged plan, then the portfolio's own findings
    /// (`portfolio_conflict`). Paths are paths of the merged document; ids are qualified.
    pub fn validate(&self) -> Vec<Diagnostic> {
        self.head.validate(&self.merged)
    }

    /// The programmes whose measures deliver the matrix cell `(cluster, module)`, in
    /// programme order (empty for a gap or an unknown cell).
    pub fn cell_programmes(&self, cluster: &str, module: &str) -> Result<Vec<String>> {
        self.head.cell_programmes(&self.merged, cluster, module)
    }
}

/// A qualified id.
fn q(programme: &str, id: &str) -> Id {
    let mut s = String::with_capacity(programme.len() + 1 + id.len());
    s.push_str(programme);
    s.push(QUALIFIER);
    s.push_str(id);
    s.into()
}

/// A dependency's id inside the portfolio: qualified ones stay, others are the programme's own.
fn dep_id(programme: &str, id: &str) -> Id {
    if id.contains(QUALIFIER) {
        id.into()
    } else {
        q(programme, id)
    }
}

/// The merged document and the portfolio's findings.
fn merge(id: &str, title: Option<Text>, docs: Vec<Document>) -> (Document, Vec<Diagnostic>) {
    let start = docs
        .iter()
        .map(|d| d.strategy.period.start)
        .min_by_key(|p| p.first_day());
    let end = docs
        .iter()
        .map(|d| d.strategy.period.end)
        .max_by_key(|p| p.last_day());
    let first = &docs[0].strategy;
    let mut info: StrategyInfo = first.clone();
    info.id = id.into();
    info.title = title.unwrap_or_else(|| portfolio_title(docs.len()));
    info.period = Period {
        start: start.unwrap_or(first.period.start),
        end: end.unwrap_or(first.period.end),
    };
    info.goals = Vec::new();
    let n: usize = docs.iter().map(|d| d.measures.len()).sum();
    let mut doc = Document {
        schema: None,
        strategy: info,
        organizations: Vec::new(),
        directions: Vec::new(),
        clusters: Vec::new(),
        modules: Vec::new(),
        measures: Vec::with_capacity(n),
        indicators: Vec::new(),
        reports: Vec::new(),
        evaluations: Vec::new(),
        reporting: docs[0].reporting.clone(),
        baselines: Vec::new(),
        influences: Vec::new(),
        assessments: Vec::new(),
    };
    let mut findings = Vec::new();
    let mut shared = Shared::default();
    for (k, d) in docs.into_iter().enumerate() {
        let p = d.strategy.id.to_string();
        let p = p.as_str();
        shared.add(
            &mut doc.organizations,
            &d.organizations,
            |o| &o.id,
            p,
            k,
            "organization",
            &mut findings,
        );
        shared.add(
            &mut doc.clusters,
            &d.clusters,
            |o| &o.id,
            p,
            k,
            "cluster",
            &mut findings,
        );
        shared.add(
            &mut doc.modules,
            &d.modules,
            |o| &o.id,
            p,
            k,
            "module",
            &mut findings,
        );
        merge_programme(&mut doc, d, p);
    }
    (doc, findings)
}

fn portfolio_title(n: usize) -> Text {
    let mut t = Text::default();
    let (en, az) = (
        format!("Portfolio of {n} programmes"),
        format!("{n} proqramın portfeli"),
    );
    t.set(crate::model::Lang::En, Some(&en));
    t.set(crate::model::Lang::Az, Some(&az));
    t
}

/// The programme-specific entities of `d`, qualified by `p`, moved into `doc`.
fn merge_programme(doc: &mut Document, d: Document, p: &str) {
    let programme_title = d.strategy.title.best().to_owned();
    for mut x in d.directions {
        x.id = q(p, &x.id);
        x.goals.clear();
        let langs: Vec<(crate::model::Lang, String)> = x
            .title
            .iter()
            .map(|(l, t)| (l, format!("{programme_title} · {t}")))
            .collect();
        for (l, t) in langs {
            x.title.set(l, Some(&t));
        }
        doc.directions.push(x);
    }
    for mut m in d.measures {
        m.id = q(p, &m.id);
        m.direction = q(p, &m.direction);
        if !m.depends_on.is_empty() {
            m.depends_on = m
                .depends_on
                .iter()
                .map(|r| Dependency {
                    id: dep_id(p, r.id),
                    kind: r.kind,
                    lag_days: r.lag_days,
                })
                .collect();
        }
        for i in m.indicators.iter_mut() {
            *i = q(p, i);
        }
        doc.measures.push(m);
    }
    for mut x in d.indicators {
        x.id = q(p, &x.id);
        doc.indicators.push(x);
    }
    for mut r in d.reports {
        r.id = q(p, &r.id);
        for e in r.entries.iter_mut() {
            e.measure = q(p, &e.measure);
        }
        for v in r.indicators.iter_mut() {
            v.indicator = q(p, &v.indicator);
        }
        doc.reports.push(r);
    }
    for mut e in d.evaluations {
        e.id = q(p, &e.id);
        doc.evaluations.push(e);
    }
    for mut b in d.baselines {
        b.id = q(p, &b.id);
        for e in b.measures.iter_mut() {
            e.measure = q(p, &e.measure);
        }
        doc.baselines.push(b);
    }
    for mut i in d.influences {
        if i.level != MicmacLevel::Module {
            i.from = q(p, &i.from);
            i.to = q(p, &i.to);
        }
        doc.influences.push(i);
    }
}

/// The shared entities (organisations, clusters, modules): first definition wins.
#[derive(Default)]
struct Shared {
    seen: HashMap<(&'static str, Id), usize>,
}

impl Shared {
    #[allow(clippy::too_many_arguments)]
    fn add<T: Clone + PartialEq>(
        &mut self,
        into: &mut Vec<T>,
        from: &[T],
        id: impl Fn(&T) -> &Id,
        programme: &str,
        k: usize,
        what: &'static str,
        findings: &mut Vec<Diagnostic>,
    ) {
        for (j, x) in from.iter().enumerate() {
            match self.seen.get(&(what, id(x).clone())) {
                None => {
                    self.seen.insert((what, id(x).clone()), into.len());
                    into.push(x.clone());
                }
                Some(&at) if into[at] == *x => {}
                Some(_) => findings.push(Diagnostic::new(
                    Severity::Warning,
                    Code::PortfolioConflict,
                    format!("programmes[{k}].{what}s[{j}]"),
                    Some(id(x).as_str()),
                    format!(
                        "{what} `{}` of programme `{programme}` differs from an earlier \
                         programme's; the earlier definition is used",
                        id(x)
                    ),
                )),
            }
        }
    }
}
