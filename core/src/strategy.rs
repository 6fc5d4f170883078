//! [`Strategy`]: a document plus its resolved index and dependency graph, built on first use and
//! cached. This is the type every surface (Rust, Python, WASM) works with.

use std::path::Path;
use std::sync::{Arc, OnceLock};

use crate::error::{ArgumentError, CycleError, Error, Format, Result, ValidationError};
use crate::graph::DepGraph;
use crate::io;
use crate::locate::{MAX_LOCATED_BYTES, SheetCells, Source};
use crate::model::Document;
use crate::resolve::Resolved;
use crate::validate::{Code, Diagnostic, Need, Severity};

/// The embedded e-Culture strategy document (JSON).
pub const E_CULTURE_JSON: &str = include_str!("../data/e-culture.json");

/// The most derived (module-requirement) pairs [`Strategy::dependencies`] lists; also the
/// DSM's budget of dependencies expanded from junctions (`schedule::DSM_MAX_EXPANDED` is this
/// constant under the DSM's name).
pub const MAX_EXPANDED_DEPENDENCIES: usize = 1_000_000;

/// A loaded strategy. Cheap to query: the index and graph are built once, on first use.
#[derive(Debug, Clone)]
pub struct Strategy {
    doc: Document,
    resolved: OnceLock<Resolved>,
    /// The text the document was read from (small documents only), to put lines on
    /// diagnostics.
    source: Option<Arc<Source>>,
    /// The cells a document read from a spreadsheet came from, and the import's findings.
    cells: Option<Arc<SheetCells>>,
}

impl From<Document> for Strategy {
    fn from(doc: Document) -> Self {
        Strategy::new(doc)
    }
}

impl Strategy {
    /// Wrap a document.
    pub fn new(doc: Document) -> Strategy {
        Strategy {
            doc,
            resolved: OnceLock::new(),
            source: None,
            cells: None,
        }
    }

    /// Wrap a document read from a spreadsheet, with the cells it came from (or from a project
    /// file, with its findings).
    #[cfg(any(feature = "xlsx", feature = "planners"))]
    pub(crate) fn from_sheet(doc: Document, cells: SheetCells) -> Strategy {
        let mut s = Strategy::new(doc);
        s.cells = Some(Arc::new(cells));
        s
    }

    /// Wrap a document read from `text`, which is kept (when small) to locate diagnostics.
    fn with_text(doc: Document, text: &str, format: Format) -> Strategy {
        let mut s = Strategy::new(doc);
        if text.len() <= MAX_LOCATED_BYTES {
            s.source = Some(Arc::new(Source {
                text: text.to_owned(),
                format,
            }));
        }
        s
    }

    /// Parse `text` and keep it for locating diagnostics.
    fn parse_text(text: &str, format: Format, name: &str) -> Result<Strategy> {
        io::parse_bytes(text.as_bytes(), format, name).map(|d| Strategy::with_text(d, text, format))
    }

    /// The Azerbaijan Ministry of Culture "e-Culture" Digital Development Strategy 2024-2026:
    /// the public facts with their sources plus an illustrative module catalogue and action plan
    /// (every invented item is flagged `illustrative`).
    pub fn e_culture() -> Strategy {
        match Strategy::parse_text(E_CULTURE_JSON, Format::Json, "e-culture.json") {
            Ok(s) => s,
            // The embedded file is checked by the test suite; this arm is unreachable in a
            // released build but must not panic.
            Err(e) => unreachable_default(&e),
        }
    }

    /// Parse JSON text.
    pub fn from_json(text: &str) -> Result<Strategy> {
        Strategy::parse(text, Format::Json)
    }

    /// Build from an already-parsed JSON value (a binding's dict or object).
    pub fn from_value(value: serde_json::Value) -> Result<Strategy> {
        io::from_value(value).map(Strategy::new)
    }

    /// Parse YAML text.
    pub fn from_yaml(text: &str) -> Result<Strategy> {
        Strategy::parse(text, Format::Yaml)
    }

    /// Parse TOML text.
    pub fn from_toml(text: &str) -> Result<Strategy> {
        Strategy::parse(text, Format::Toml)
    }

    /// Parse text in the given format.
    pub fn parse(text: &str, format: Format) -> Result<Strategy> {
        Strategy::parse_text(text, format, "<string>")
    }

    /// Read a file; the format follows the extension (`.json`, `.yaml`/`.yml`, `.toml`; with
    /// the `xlsx` feature also `.xlsx`, `.xlsm`, `.xls`, `.ods` and `.csv` action plans; with
    /// the `planners` feature `.xml` (MS Project XML) and `.xer` (Primavera P6) project plans).
    pub fn load(path: impl AsRef<Path>) -> Result<Strategy> {
        let path = path.as_ref();
        #[cfg(feature = "planners")]
        if let Some(f @ (Format::Mspdi | Format::Xer)) = Format::from_path(path) {
            let name = path.display().to_string();
            let bytes = std::fs::read(path)
                .map_err(|e| crate::error::IoError::from_io("read", name.clone(), &e))?;
            let p = if f == Format::Mspdi {
                crate::project::read_mspdi(&bytes, &name)?
            } else {
                crate::project::read_xer(&bytes, &name)?
            };
            return Ok(Strategy::from_sheet(p.doc, p.cells));
        }
        #[cfg(feature = "xlsx")]
        if let Some(f @ (Format::Xlsx | Format::Csv)) = Format::from_path(path) {
            let name = path.display().to_string();
            let bytes = std::fs::read(path)
                .map_err(|e| crate::error::IoError::from_io("read", name.clone(), &e))?;
            let mapping = crate::sheets::Mapping::default();
            let (doc, cells) = if f == Format::Csv {
                crate::sheets::read_csv(&bytes, &mapping, &name)?
            } else {
                crate::sheets::read_workbook(&bytes, &mapping, None, &name)?
            };
            return Ok(Strategy::from_sheet(doc, cells));
        }
        match io::read_small(path)? {
            Some((text, format)) => {
                Strategy::parse_text(&text, format, &path.display().to_string())
            }
            None => io::load(path).map(Strategy::new),
        }
    }

    /// Read an action plan from a workbook (XLSX, XLSM, XLSB, XLS or ODS, by content):
    /// the headings are recognised in Azerbaijani, English and Russian, or given by `mapping`;
    /// `sheet` names the action-plan sheet (default: the first with recognised headings). A
    /// workbook written by [`Strategy::to_xlsx`] reads back equal. Every non-empty cell lands in
    /// the document or is a diagnostic of [`Strategy::validate`] with its `sheet` and `cell`.
    /// Errors: a file that is no workbook, a missing `sheet`, a plan that states no period.
    #[cfg(feature = "xlsx")]
    pub fn from_xlsx(
        bytes: &[u8],
        mapping: Option<&crate::sheets::Mapping>,
        sheet: Option<&str>,
    ) -> Result<Strategy> {
        let m = mapping.cloned().unwrap_or_default();
        crate::sheets::read_workbook(bytes, &m, sheet, "<workbook>")
            .map(|(doc, cells)| Strategy::from_sheet(doc, cells))
    }

    /// Read an action plan from CSV (UTF-8; comma, semicolon or tab), as [`Strategy::from_xlsx`].
    #[cfg(feature = "xlsx")]
    pub fn from_csv(bytes: &[u8], mapping: Option<&crate::sheets::Mapping>) -> Result<Strategy> {
        let m = mapping.cloned().unwrap_or_default();
        crate::sheets::read_csv(bytes, &m, "<csv>")
            .map(|(doc, cells)| Strategy::from_sheet(doc, cells))
    }

    /// The document as an XLSX workbook: the action plan in the Decree 1294 layout (sheet
    /// [`crate::sheets::PLAN_SHEET`]) and a sheet for every other part (`strategy`,
    /// `organizations`, `directions`, …). [`Strategy::from_xlsx`] reads it back equal.
    /// Errors: a text longer than a cell holds (32,767 characters).
    #[cfg(feature = "xlsx")]
    pub fn to_xlsx(&self) -> Result<Vec<u8>> {
        crate::sheets::write_workbook(&self.doc)
    }

    /// The document.
    pub fn document(&self) -> &Document {
        &self.doc
    }

    /// Take the document back.
    pub fn into_document(self) -> Document {
        self.doc
    }

    /// Serialise as pretty JSON.
    pub fn to_json(&self) -> Result<String> {
        io::to_string(&self.doc, Format::Json)
    }

    /// Serialise in the given format.
    pub fn to_string(&self, format: Format) -> Result<String> {
        io::to_string(&self.doc, format)
    }

    /// Write to a file; the format follows the extension.
    pub fn save(&self, path: impl AsRef<Path>) -> Result<()> {
        io::save(&self.doc, path)
    }

    pub(crate) fn index(&self) -> &Resolved {
        self.resolved.get_or_init(|| {
            let mut ix = Resolved::build(&self.doc);
            if let Some(src) = &self.source {
                let paths: Vec<&str> = ix.diagnostics.iter().map(|d| d.path.as_str()).collect();
                let at = crate::locate::locate(src, &paths);
                for (d, at) in ix.diagnostics.iter_mut().zip(at) {
                    if let Some((line, column)) = at {
                        d.line = Some(line);
                        d.column = Some(column);
                    }
                }
            }
            if let Some(cells) = &self.cells {
                cells.place(&mut ix.diagnostics);
            }
            ix
        })
    }

    /// Every diagnostic (errors and warnings), in the documented order.
    pub fn validate(&self) -> &[Diagnostic] {
        &self.index().diagnostics
    }

    /// True when validation found no error (warnings allowed).
    pub fn is_valid(&self) -> bool {
        !self
            .validate()
            .iter()
            .any(|d| d.severity == Severity::Error)
    }

    /// The diagnostics that stop operations of level `need` (see [`Need`]).
    pub fn blocking(&self, need: Need) -> Vec<&Diagnostic> {
        let ix = self.index();
        if ix.blocked.is_none_or(|b| b > need) {
            return Vec::new();
        }
        ix.diagnostics
            .iter()
            .filter(|d| d.blocks().is_some_and(|b| b <= need))
            .collect()
    }

    /// The index when nothing blocks operations of level `need`, or the error that does: a
    /// [`ValidationError`] with the blocking diagnostics, or a [`CycleError`] when a cycle is
    /// all that stands in the way.
    pub(crate) fn require(&self, need: Need) -> Result<&Resolved> {
        let ix = self.index();
        if ix.blocked.is_none_or(|b| b > need) {
            return Ok(ix);
        }
        let diagnostics: Vec<Diagnostic> = self.blocking(need).into_iter().cloned().collect();
        if diagnostics.iter().all(|d| d.code == Code::DependencyCycle)
            && let Some(cycle) = &ix.cycle
        {
            let first = cycle.first().copied().unwrap_or(0);
            return Err(CycleError {
                cycle: self.ids(cycle),
                path: format!("measures[{first}]"),
                diagnostics,
            }
            .into());
        }
        Err(ValidationError { diagnostics }.into())
    }

    /// The dependency graph (cycles allowed; refused while a diagnostic blocks [`Need::Graph`]).
    pub fn graph(&self) -> Result<&DepGraph> {
        self.require(Need::Graph).map(|ix| &ix.graph)
    }

    /// Measure ids for measure indices (positions in `document().measures`); indices that
    /// are not measures (out of range, or the graph's internal junction nodes) are skipped.
    pub fn ids(&self, nodes: &[u32]) -> Vec<String> {
        nodes
            .iter()
            .filter_map(|&v| self.doc.measures.get(v as usize))
            .map(|m| String::from(m.id.as_str()))
            .collect()
    }

    /// Resolved of a measure id.
    pub fn measure_index(&self, id: &str) -> Option<u32> {
        self.index()
            .measures
            .get(id, |i| self.doc.measures[i as usize].id.as_str())
    }

    /// Resolve measure ids to node indices; an unknown id is an [`ArgumentError`] naming it.
    pub fn resolve(&self, ids: &[impl AsRef<str>]) -> Result<Vec<u32>> {
        ids.iter()
            .enumerate()
            .map(|(k, id)| {
                let id = id.as_ref();
                self.measure_index(id).ok_or_else(|| {
                    let message = crate::suggest::unknown(
                        "measure",
                        id,
                        self.doc.measures.iter().map(|m| m.id.as_str()),
                    );
                    ArgumentError::at(message, format!("ids[{k}]")).into()
                })
            })
            .collect()
    }

    /// Measure ids in topological order: wave by wave, document order inside a wave.
    pub fn topological_order(&self) -> Result<Vec<String>> {
        let ix = self.require(Need::Dag)?;
        Ok(self.ids(&ix.graph.topological_order().unwrap_or_default()))
    }

    /// Waves: sets of measures that can run in parallel. Wave `k` holds the measures whose longest
    /// chain of prerequisites counts `k` measures; document order inside a wave.
    pub fn waves(&self) -> Result<Vec<Vec<String>>> {
        let ix = self.require(Need::Dag)?;
        Ok(ix
            .graph
            .waves()
            .unwrap_or_default()
            .iter()
            .map(|w| self.ids(w))
            .collect())
    }

    /// Impact of a slip: every measure downstream of the given ones (excluding them), in
    /// document order. Works on cyclic plans too.
    pub fn impact(&self, ids: &[impl AsRef<str>]) -> Result<Vec<String>> {
        let ix = self.require(Need::Graph)?;
        let src = self.resolve(ids)?;
        Ok(self.ids(&ix.graph.descendants(&src)))
    }

    /// Every measure upstream of the given ones (excluding them), in document order.
    pub fn ancestors(&self, ids: &[impl AsRef<str>]) -> Result<Vec<String>> {
        let ix = self.require(Need::Graph)?;
        let src = self.resolve(ids)?;
        Ok(self.ids(&ix.graph.ancestors(&src)))
    }

    /// One dependency cycle in dependency order, or `None` for an acyclic plan. O(V + E),
    /// wherever the cycle sits.
    pub fn find_cycle(&self) -> Result<Option<Vec<String>>> {
        let ix = self.require(Need::Graph)?;
        Ok(ix.graph.find_cycle().map(|c| self.ids(&c)))
    }

    /// Every dependency between measures: the explicit ones (`derived: false`) and those derived
    /// from module `requires` (`derived: true`, with the module and cluster), grouped by dependent
    /// measure in document order, each group in `depends_on` order then derived ones. Junction
    /// nodes are expanded, so this list can be longer than the stored graph: by at most
    /// [`MAX_EXPANDED_DEPENDENCIES`] pairs.
    ///
    /// Errors: [`crate::Error::Argument`] (path `dependencies`) when the module requirements
    /// expand to more pairs than that — a requirement with *p* producers and *c* consumers in a
    /// cell is *p × c* pairs, which no input size bounds; the graph itself stays linear (it goes
    /// through a junction), and so do the other operations.
    pub fn dependencies(&self) -> Result<Vec<DependencyEdge>> {
        use crate::graph::EdgeOrigin;
        let ix = self.require(Need::Graph)?;
        let g = &ix.graph;
        let doc = &self.doc;
        let mut expanded: usize = 0;
        for v in 0..g.measure_count() as u32 {
            for &p in g.predecessors(v) {
                if !g.is_measure(p) {
                    expanded = expanded.saturating_add(g.predecessors(p).len());
                }
            }
        }
        if expanded > MAX_EXPANDED_DEPENDENCIES {
            return Err(crate::error::ArgumentError::new(
                format!(
                    "the module requirements expand to {expanded} measure-to-measure dependencies, \
                     more than the {MAX_EXPANDED_DEPENDENCIES} this list holds; the graph, \
                     the schedule and the pictures use them without listing them"
                ),
                "dependencies",
            )
            .into());
        }
        let mut out = Vec::with_capacity(g.edge_count());
        let id = |v: u32| doc.measures[v as usize].id.to_string();
        let mut push = |from: u32, to: u32, e: u32| {
            let (module, cluster) = match g.edge_origin(e) {
                EdgeOrigin::Derived { module, cluster } => (
                    Some(doc.modules[module as usize].id.to_string()),
                    Some(doc.clusters[cluster as usize].id.to_string()),
                ),
                EdgeOrigin::Explicit { .. } => (None, None),
            };
            out.push(DependencyEdge {
                from: id(from),
                to: id(to),
                relation: g.edge_kind(e).as_str().to_owned(),
                lag_days: g.edge_lag(e),
                derived: module.is_some(),
                module,
                cluster,
            });
        };
        for v in 0..g.measure_count() as u32 {
            for (&p, &e) in g.predecessors(v).iter().zip(g.predecessor_edges(v)) {
                if g.is_measure(p) {
                    push(p, v, e);
                } else {
                    // the junction → consumer edge carries the relation and the lag
                    for &q in g.predecessors(p) {
                        push(q, v, e);
                    }
                }
            }
        }
        Ok(out)
    }

    /// Every cyclic block (strongly connected component of two or more measures, or a
    /// self-dependency), members in document order, blocks ordered by first member.
    pub fn cyclic_blocks(&self) -> Result<Vec<Vec<String>>> {
        let ix = self.require(Need::Graph)?;
        Ok(ix
            .graph
            .cyclic_components()
            .into_iter()
            .map(|c| {
                let measures: Vec<u32> =
                    c.into_iter().filter(|&v| ix.graph.is_measure(v)).collect();
                self.ids(&measures)
            })
            .collect())
    }
}

/// One dependency between two measures, as listed by [`Strategy::dependencies`].
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "wasm", tsify(missing_as_null))]
pub struct DependencyEdge {
    /// The prerequisite measure.
    pub from: String,
    /// The dependent measure.
    pub to: String,
    /// Relation type: `FS`, `SS`, `FF` or `SF`.
    pub relation: String,
    /// Lag in days (negative = lead).
    pub lag_days: i32,
    /// True when the edge is derived from module `requires`, false when written in `depends_on`.
    pub derived: bool,
    /// For a derived edge: the required module delivered by `from`.
    pub module: Option<String>,
    /// For a derived edge: the cluster where the requirement applies.
    pub cluster: Option<String>,
}

#[cold]
fn unreachable_default(e: &Error) -> Strategy {
    // Keep the API infallible without panicking: return an empty, invalid strategy whose
    // validation explains the problem.
    let doc = Document {
        schema: None,
        strategy: crate::model::StrategyInfo {
            id: format!("embedded-default-failed: {e}").into(),
            title: crate::model::Text::default(),
            period: crate::model::Period {
                start: crate::period::PeriodRef::date(jiff::civil::date(2024, 1, 1)),
                end: crate::period::PeriodRef::date(jiff::civil::date(2026, 12, 31)),
            },
            approved_by: None,
            legal_basis: vec![],
            coordinating_body: None,
            monitoring_body: None,
            goals: vec![],
            working_group: None,
            drafted_by: None,
            sections: None,
            statuses_as_of: None,
            source: None,
            note: None,
            illustrative: crate::model::Illustrative::NO,
        },
        organizations: vec![],
        directions: vec![],
        clusters: vec![],
        modules: vec![],
        measures: vec![],
        indicators: vec![],
        reports: vec![],
        evaluations: vec![],
        baselines: vec![],
        influences: vec![],
        assessments: vec![],
        reporting: Default::default(),
    };
    Strategy::new(doc)
}
