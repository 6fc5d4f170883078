//! The resolved document: id tables, applicability, cell deliverers and the dependency graph,
//! built by one pipeline of named passes that also produces every diagnostic.
//!
//! ```text
//! too_large → strategy → id tables → roles → titles, directions → modules → indicators
//!           → measures (runs, in parallel for large plans) → cells → derived edges → graph
//!           → cycles → suggestions → blocking level
//! ```
//!
//! The rules each pass checks live in [`crate::validate`], grouped by entity; this module holds
//! what the passes build. Built once per [`crate::Strategy`] and cached. Cost is linear in the
//! size of the document: ids are hashed once, references are resolved once into `u32` indices,
//! and derived edges go through junction nodes so that they never multiply (see
//! [`crate::graph`]).

use crate::graph::{DepGraph, EdgeOrigin, RawEdge};
use crate::ids::{IdTable, Ids};
use crate::model::{Document, Status};
use crate::validate::measures::{MIN_RUN, MeasureScan};
use crate::validate::modules::Modules;
use crate::validate::{self, Code, Diagnostic, Need, err, warn};

/// The resolved document.
#[derive(Debug, Clone)]
pub(crate) struct Resolved {
    pub measures: IdTable,
    /// `applicable[m * n_clusters + c]`.
    pub applicable: Vec<bool>,
    pub n_clusters: usize,
    /// Deliverers per cell `m * n_clusters + c`, CSR, measures in document order.
    pub cell_off: Vec<u32>,
    pub cell_measures: Vec<u32>,
    pub graph: DepGraph,
    /// Status of every measure, as a compact column for roll-ups.
    pub status: Vec<Option<Status>>,
    pub diagnostics: Vec<Diagnostic>,
    /// The first [`Need`] level a diagnostic blocks (operations of that level and later ones
    /// refuse), or `None`.
    pub blocked: Option<Need>,
    /// The cycle reported by operations that need a DAG (first cyclic block).
    pub cycle: Option<Vec<u32>>,
    /// The executors' reports resolved against the plan ([`crate::validate::reports`]).
    pub monitoring: crate::validate::reports::ResolvedReports,
    /// Per cell `m * n_clusters + c`, its latest usable assessment's index
    /// ([`crate::validate::assessments::NONE`] for none); empty without assessments.
    pub assessed: Vec<u32>,
}

/// The cells pass: the measures delivering each (module, cluster) cell, CSR.
struct Cells {
    off: Vec<u32>,
    measures: Vec<u32>,
    n_clusters: usize,
}

impl Cells {
    /// Counting sort of the scans' (cell, measure) pairs (stable, so measures stay in document
    /// order), then consecutive repeats removed (a measure targeting a cell twice).
    fn build(scans: &mut [MeasureScan], nm: usize, nc: usize) -> Cells {
        let n_cells = nm * nc;
        let mut cell_off = vec![0u32; n_cells + 1];
        let cell_pairs = || scans.iter().flat_map(|s| s.cell_pairs.iter().copied());
        for (c, _) in cell_pairs() {
            cell_off[c as usize + 1] += 1;
        }
        for k in 0..n_cells {
            cell_off[k + 1] += cell_off[k];
        }
        let mut cell_measures = vec![0u32; cell_off[n_cells] as usize];
        let mut fill = cell_off.clone();
        for (c, m) in cell_pairs() {
            cell_measures[fill[c as usize] as usize] = m;
            fill[c as usize] += 1;
        }
        for s in scans.iter_mut() {
            s.cell_pairs = Vec::new();
        }
        // dedupe consecutive repeats inside each cell (same measure targeting a cell twice)
        let mut w = 0usize;
        let mut new_off = vec![0u32; n_cells + 1];
        for k in 0..n_cells {
            let (a, b) = (cell_off[k] as usize, cell_off[k + 1] as usize);
            let mut last = u32::MAX;
            for r in a..b {
                let m = cell_measures[r];
                if m != last {
                    cell_measures[w] = m;
                    w += 1;
                    last = m;
                }
            }
            new_off[k + 1] = w as u32;
        }
        cell_measures.truncate(w);
        let cell_off = new_off;
        Cells {
            off: cell_off,
            measures: cell_measures,
            n_clusters: nc,
        }
    }

    fn deliverers(&self, m: usize, c: usize) -> &[u32] {
        let k = m * self.n_clusters + c;
        &self.measures[self.off[k] as usize..self.off[k + 1] as usize]
    }
}

/// The derived-edges pass: module B requires module A ⇒ B's deliverers to a cluster depend on
/// A's there (through a junction when the direct product would be larger). Skipped when
/// modules loop (that is reported by the module pass). Returns the junctions and the edges.
fn derived_edges(
    doc: &Document,
    modules: &Modules,
    cells: &Cells,
    d: &mut Vec<Diagnostic>,
) -> (Vec<(u32, u32)>, Vec<RawEdge>) {
    let n = doc.measures.len();
    let nc = doc.clusters.len();
    let requires = &modules.requires;
    let module_cyclic = modules.cyclic;
    let deliverers = |m: usize, c: usize| cells.deliverers(m, c);
    let mut junctions: Vec<(u32, u32)> = Vec::new();
    let mut derived: Vec<RawEdge> = Vec::new();
    let mut stamp = vec![u32::MAX; n];
    let mut epoch = 0u32;
    if !module_cyclic {
        for (b, reqs) in requires.iter().enumerate() {
            for &(a, kind, lag) in reqs {
                let a = a as usize;
                for c in 0..nc {
                    let consumers = deliverers(b, c);
                    if consumers.is_empty() {
                        continue;
                    }
                    let producers = deliverers(a, c);
                    if producers.is_empty() {
                        let first = consumers[0] as usize;
                        d.push(warn(
                        Code::RequirementNotDelivered,
                        format!("measures[{first}].targets"),
                        Some(&doc.measures[first].id),
                        format!(
                            "module `{}` reaches cluster `{}` but no measure delivers module `{}` it requires there",
                            doc.modules[b].id, doc.clusters[c].id, doc.modules[a].id
                        ),
                    ));
                        continue;
                    }
                    epoch += 1;
                    for &p in producers {
                        stamp[p as usize] = epoch;
                    }
                    let consumers: Vec<u32> = consumers
                        .iter()
                        .copied()
                        .filter(|&m| stamp[m as usize] != epoch)
                        .collect();
                    if consumers.is_empty() {
                        continue;
                    }
                    let origin = EdgeOrigin::Derived {
                        module: a as u32,
                        cluster: c as u32,
                    };
                    // the requirement's relation on every edge; through a junction
                    // (zero duration, so its start is its finish) the relation is on both
                    // sides and the lag on the junction → consumer side, which composes
                    // to the same constraint as a direct edge
                    let edge = |from, to, lag| RawEdge {
                        from,
                        to,
                        kind,
                        lag,
                        origin,
                    };
                    let (np, nk) = (producers.len(), consumers.len());
                    if np.saturating_mul(nk) <= np + nk {
                        for &p in producers {
                            for &k in &consumers {
                                derived.push(edge(p, k, lag));
                            }
                        }
                    } else {
                        let j = n as u32 + junctions.len() as u32;
                        junctions.push((a as u32, c as u32));
                        derived.extend(producers.iter().map(|&p| edge(p, j, 0)));
                        derived.extend(consumers.iter().map(|&k| edge(j, k, lag)));
                    }
                }
            }
        }
    }
    (junctions, derived)
}

/// The cycles pass: one `dependency_cycle` diagnostic per cyclic block, with the full path;
/// returns the first cycle (what [`crate::error::CycleError`] reports).
fn cycles(doc: &Document, graph: &DepGraph, d: &mut Vec<Diagnostic>) -> Option<Vec<u32>> {
    let mut cycle = None;
    if graph.find_cycle().is_some() {
        for comp in graph.cyclic_components() {
            let Some(&start) = comp.iter().find(|&&v| graph.is_measure(v)) else {
                continue;
            };
            let in_comp = |v: u32| comp.binary_search(&v).is_ok();
            let cyc = graph.cycle_through(start, &in_comp);
            let s = start as usize;
            // the dependency entry of `start` that closes the loop
            let last = *cyc.last().unwrap_or(&start);
            let entry = doc.measures[s]
                .depends_on
                .iter()
                .position(|dep| dep.id == doc.measures[last as usize].id);
            let path = match entry {
                Some(j) => format!("measures[{s}].depends_on[{j}]"),
                None => format!("measures[{s}].targets"),
            };
            let names: Vec<String> = cyc
                .iter()
                .map(|&v| format!("`{}`", doc.measures[v as usize].id))
                .collect();
            d.push(err(
                Code::DependencyCycle,
                path,
                Some(&doc.measures[s].id),
                format!(
                    "dependency cycle: {} -> `{}`",
                    names.join(" -> "),
                    doc.measures[s].id
                ),
            ));
            if cycle.is_none() {
                cycle = Some(cyc);
            }
        }
    }
    cycle
}

/// A document too large to index: every operation is blocked.
fn too_large(doc: &Document) -> Option<Diagnostic> {
    let (what, n) = [
        ("organizations", doc.organizations.len()),
        ("directions", doc.directions.len()),
        ("clusters", doc.clusters.len()),
        ("modules", doc.modules.len()),
        ("measures", doc.measures.len()),
        ("indicators", doc.indicators.len()),
    ]
    .into_iter()
    .find(|&(_, n)| n >= (u32::MAX / 2) as usize)
    .or_else(|| {
        let cells = doc.clusters.len().saturating_mul(doc.modules.len());
        (cells >= (u32::MAX / 2) as usize).then_some(("clusters × modules", cells))
    })?;
    Some(err(
        Code::TooLarge,
        what.into(),
        None,
        format!("{n} {what} exceed what one strategy can hold"),
    ))
}

impl Resolved {
    /// Measures delivering cell (module `m`, cluster `c`).
    pub fn deliverers(&self, m: usize, c: usize) -> &[u32] {
        let cell = m * self.n_clusters + c;
        &self.cell_measures[self.cell_off[cell] as usize..self.cell_off[cell + 1] as usize]
    }

    /// The latest usable assessment of cell (module `m`, cluster `c`), if any.
    pub fn assessment<'d>(
        &self,
        doc: &'d Document,
        m: usize,
        c: usize,
    ) -> Option<&'d crate::model::Assessment> {
        let k = *self.assessed.get(m * self.n_clusters + c)?;
        (k != validate::assessments::NONE).then(|| &doc.assessments[k as usize])
    }

    /// Resolve the document and produce every diagnostic.
    pub fn build(doc: &Document) -> Resolved {
        Self::build_in_runs(doc, crate::par::run_count(doc.measures.len(), MIN_RUN))
    }

    /// [`Resolved::build`], with the measures checked in `runs` runs (the result does not
    /// depend on it). The passes, in order.
    fn build_in_runs(doc: &Document, runs: usize) -> Resolved {
        let mut d: Vec<Diagnostic> = Vec::new();
        if let Some(diag) = too_large(doc) {
            return Resolved {
                measures: IdTable::default(),
                applicable: vec![],
                n_clusters: 0,
                cell_off: vec![0],
                cell_measures: vec![],
                graph: DepGraph::default(),
                status: vec![],
                blocked: Some(Need::Cells),
                diagnostics: vec![diag],
                cycle: None,
                monitoring: Default::default(),
                assessed: vec![],
            };
        }
        let period = validate::strategy::check(doc, &mut d);
        let ids = Ids::build(doc, &mut d);
        validate::strategy::roles(doc, &ids, &mut d);
        validate::working_group::check(doc, &ids, &mut d);
        validate::entities::titles(doc, &mut d);
        validate::entities::directions(doc, &ids, &mut d);
        validate::provenance::fields(doc, &mut d);
        let modules = validate::modules::check(doc, &ids, &mut d);
        validate::indicators::check(doc, &mut d);
        let mut scans = validate::measures::scan(doc, &ids, &modules, period, runs, &mut d);
        let cells = Cells::build(&mut scans, doc.modules.len(), doc.clusters.len());
        let (junctions, derived) = derived_edges(doc, &modules, &cells, &mut d);
        let mut edges: Vec<&[RawEdge]> = scans.iter().map(|s| s.edges.as_slice()).collect();
        edges.push(&derived);
        let graph = DepGraph::build(doc.measures.len() as u32, junctions, &edges);
        drop(edges);
        drop(scans);
        drop(derived);
        let cycle = cycles(doc, &graph, &mut d);
        let monitoring = validate::reports::check(
            doc,
            &ids.measures,
            &ids.orgs,
            &ids.directions,
            &ids.indicators,
            &mut d,
        );
        validate::baselines::check(doc, &ids.measures, &mut d);
        validate::influences::check(doc, &mut d);
        let assessed = validate::assessments::check(doc, &ids, &modules.applicable, &mut d);
        crate::suggest::add_suggestions(doc, &mut d);
        let blocked = d.iter().filter_map(Diagnostic::blocks).min();
        Resolved {
            measures: ids.measures,
            applicable: modules.applicable,
            n_clusters: doc.clusters.len(),
            cell_off: cells.off,
            cell_measures: cells.measures,
            graph,
            status: doc.measures.iter().map(|m| m.status).collect(),
            diagnostics: d,
            blocked,
            cycle,
            monitoring,
            assessed,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn golden(case: &str) -> Document {
        let p = format!(
            "{}/../tests/golden/{case}/input.json",
            env!("CARGO_MANIFEST_DIR")
        );
        serde_json::from_str(&std::fs::read_to_string(p).expect("golden input")).expect("parse")
    }

    #[test]
    fn the_index_does_not_depend_on_how_measures_are_split() {
        let mut docs = vec![
            crate::Strategy::e_culture().document().clone(),
            golden("broken_refs"),
            golden("cycle"),
            golden("derived_junction"),
        ];
        // duplicate ids, repeated prerequisites (inline list and past it), forward references
        let mut d = docs[0].clone();
        let first = d.measures[0].clone();
        d.measures.push(first);
        let id = d.measures[3].id.clone();
        for _ in 0..40 {
            d.measures[10]
                .depends_on
                .push(crate::model::Dependency::fs(id.clone()));
        }
        let last = d.measures.last().map(|m| m.id.clone()).unwrap_or_default();
        d.measures[1]
            .depends_on
            .push(crate::model::Dependency::fs(last));
        docs.push(d);
        for doc in &docs {
            let one = format!("{:?}", Resolved::build_in_runs(doc, 1));
            for runs in [2, 3, 7, doc.measures.len() + 5] {
                assert_eq!(format!("{:?}", Resolved::build_in_runs(doc, runs)), one);
            }
        }
    }

    #[test]
    fn a_long_list_of_repeated_prerequisites_warns_once_per_repeat() {
        let mut doc = crate::Strategy::e_culture().document().clone();
        let id = doc.measures[3].id.clone();
        doc.measures[10].depends_on.clear();
        for _ in 0..40 {
            doc.measures[10]
                .depends_on
                .push(crate::model::Dependency::fs(id.clone()));
        }
        let idx = Resolved::build(&doc);
        let repeats = idx
            .diagnostics
            .iter()
            .filter(|d| d.code == Code::DuplicateDependency)
            .count();
        assert_eq!(repeats, 39);
    }
}
