//! The resolved view of a document: id tables, applicability, cell deliverers and the
//! dependency graph, built in one pass that also produces every validation diagnostic.
//!
//! Built once per [`crate::Strategy`] and cached. Cost is linear in the size of the document:
//! ids are hashed once, references are resolved once into `u32` indices, and derived edges go
//! through junction nodes so that they never multiply (see [`crate::graph`]).

use std::hash::BuildHasher;

use hashbrown::HashTable;
use rustc_hash::FxBuildHasher;

use crate::graph::{DepGraph, EdgeOrigin, RawEdge};
use crate::model::{Document, Id, Measure, RelationType, Status, Text};
use crate::period::PeriodRef;
use crate::validate::{Code, Diagnostic, Need, Severity};

/// A hash table of indices into an id column, hashing the ids in place (no copies). Entries
/// are bare `u32` indices (4 bytes: the table of a million measures stays cache-resident); the
/// table is sized up front, so it never re-reads ids to grow, and hashbrown's control bytes
/// filter candidates so that a lookup compares one id.
#[derive(Debug, Clone, Default)]
pub(crate) struct IdTable {
    table: HashTable<u32>,
    /// Every index of the column is in the table under its own id (no empty or duplicate id).
    complete: bool,
}

impl IdTable {
    pub(crate) fn hash(s: &str) -> u64 {
        FxBuildHasher.hash_one(s)
    }

    /// Insert index `i` whose id is `key`; returns the earlier index when the id is taken.
    fn insert<'a>(&mut self, key: &str, i: u32, id_of: impl Fn(u32) -> &'a str) -> Option<u32> {
        let h = Self::hash(key);
        match self
            .table
            .entry(h, |&j| id_of(j) == key, |&j| Self::hash(id_of(j)))
        {
            hashbrown::hash_table::Entry::Occupied(e) => Some(*e.get()),
            hashbrown::hash_table::Entry::Vacant(v) => {
                v.insert(i);
                None
            }
        }
    }

    /// Look up an id.
    pub(crate) fn get<'a>(&self, key: &str, id_of: impl Fn(u32) -> &'a str) -> Option<u32> {
        self.get_hashed(Self::hash(key), key, id_of)
    }

    /// Look up an id whose [`IdTable::hash`] is known.
    fn get_hashed<'a>(&self, hash: u64, key: &str, id_of: impl Fn(u32) -> &'a str) -> Option<u32> {
        self.table.find(hash, |&j| id_of(j) == key).copied()
    }

    pub(crate) fn build<'a>(
        ids: impl ExactSizeIterator<Item = &'a str>,
        id_of: impl Fn(u32) -> &'a str + Copy,
        what: &str,
        section: &str,
        diags: &mut Vec<Diagnostic>,
    ) -> IdTable {
        let mut t = IdTable {
            table: HashTable::with_capacity(ids.len()),
            complete: true,
        };
        for (i, id) in ids.enumerate() {
            let i = i as u32;
            if id.trim().is_empty() {
                t.complete = false;
                diags.push(err(
                    Code::EmptyId,
                    format!("{section}[{i}].id"),
                    None,
                    format!("{what} id is empty"),
                ));
                continue;
            }
            if let Some(prev) = t.insert(id, i, id_of) {
                t.complete = false;
                diags.push(err(
                    Code::DuplicateId,
                    format!("{section}[{i}].id"),
                    Some(id),
                    format!("duplicate {what} id `{id}` (first at {section}[{prev}])"),
                ));
            }
        }
        t
    }
}

fn err(code: Code, path: String, id: Option<&str>, message: String) -> Diagnostic {
    Diagnostic::new(Severity::Error, code, path, id, message)
}

fn warn(code: Code, path: String, id: Option<&str>, message: String) -> Diagnostic {
    Diagnostic::new(Severity::Warning, code, path, id, message)
}

/// What one run of measures contributes to the index, in document order.
struct MeasureScan {
    diagnostics: Vec<Diagnostic>,
    /// (cell, measure) for every cell a measure delivers.
    cell_pairs: Vec<(u32, u32)>,
    /// Explicit dependencies.
    edges: Vec<RawEdge>,
}

/// Shortest run of measures scanned on a thread of its own.
const MIN_RUN: usize = 16 * 1024;

/// The prerequisites already listed by the measure being resolved (to warn about repeats):
/// a short inline list, and a hash set past it so that a hostile list stays linear.
#[derive(Default)]
struct Seen {
    few: smallvec::SmallVec<[u32; 16]>,
    many: hashbrown::HashSet<u32, FxBuildHasher>,
}

impl Seen {
    fn clear(&mut self) {
        self.few.clear();
        if !self.many.is_empty() {
            self.many.clear();
        }
    }

    /// Record `p`; false when it was recorded before.
    fn insert(&mut self, p: u32) -> bool {
        if self.few.contains(&p) {
            return false;
        }
        if self.few.len() < self.few.inline_size() {
            self.few.push(p);
            true
        } else {
            self.many.insert(p)
        }
    }
}

/// Entries of the cache of recently visited measures used to resolve prerequisites.
const RECENT: usize = 1024;

/// Earliest and latest plausible years.
const MIN_YEAR: i16 = 1900;
const MAX_YEAR: i16 = 2200;
/// Largest duration or |lag| accepted, in days (100 years).
pub(crate) const MAX_DAYS: i64 = 36_500;

/// The resolved document.
#[derive(Debug, Clone)]
pub(crate) struct Index {
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
    /// Reports resolved against the plan (see [`crate::monitoring`]).
    pub monitoring: crate::monitoring::reports::Resolved,
}

impl Index {
    /// Measures delivering cell (module `m`, cluster `c`).
    pub fn deliverers(&self, m: usize, c: usize) -> &[u32] {
        let cell = m * self.n_clusters + c;
        &self.cell_measures[self.cell_off[cell] as usize..self.cell_off[cell + 1] as usize]
    }

    /// Build the index and every diagnostic.
    pub fn build(doc: &Document) -> Index {
        Self::build_in_runs(doc, crate::par::run_count(doc.measures.len(), MIN_RUN))
    }

    /// [`Index::build`], with the measures checked in `runs` runs (the result does not depend
    /// on it).
    fn build_in_runs(doc: &Document, runs: usize) -> Index {
        let mut d: Vec<Diagnostic> = Vec::new();
        let too_large = [
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
        });
        if let Some((what, n)) = too_large {
            d.push(err(
                Code::TooLarge,
                what.into(),
                None,
                format!("{n} {what} exceed what one strategy can hold"),
            ));
            return Index {
                measures: IdTable::default(),
                applicable: vec![],
                n_clusters: 0,
                cell_off: vec![0],
                cell_measures: vec![],
                graph: DepGraph::default(),
                status: vec![],
                blocked: Some(Need::Cells),
                diagnostics: d,
                cycle: None,
                monitoring: Default::default(),
            };
        }

        // ---- strategy ----
        let s = &doc.strategy;
        if s.id.trim().is_empty() {
            d.push(err(
                Code::EmptyId,
                "strategy.id".into(),
                None,
                "strategy id is empty".into(),
            ));
        }
        let blank = |t: Option<&str>| t.is_none_or(|t| t.trim().is_empty());
        if s.title.is_empty() {
            d.push(err(
                Code::MissingTitle,
                "strategy.title".into(),
                Some(&s.id),
                "the strategy has no title in any language".into(),
            ));
        } else {
            // Decree 1294 programmes are published in Azerbaijani; English is the exchange
            // language of this tool. Either missing is worth a warning, not a refusal.
            for (lang, text) in [("az", s.title.az()), ("en", s.title.en())] {
                if blank(text) {
                    d.push(warn(
                        Code::MissingTitle,
                        "strategy.title".into(),
                        Some(&s.id),
                        format!("the strategy title has no `{lang}` text"),
                    ));
                }
            }
        }
        check_date(
            &mut d,
            &s.period.start,
            "strategy.period.start",
            Some(&s.id),
        );
        check_date(&mut d, &s.period.end, "strategy.period.end", Some(&s.id));
        let (p_start, p_end) = (s.period.start.first_day(), s.period.end.last_day());
        if p_start > p_end {
            d.push(err(
                Code::StartAfterDeadline,
                "strategy.period".into(),
                Some(&s.id),
                format!("the strategy period ends ({p_end}) before it starts ({p_start})"),
            ));
        }
        if let Some(act) = &s.approved_by
            && let Some(date) = &act.date
        {
            check_date(&mut d, date, "strategy.approved_by.date", Some(&s.id));
        }
        for (i, act) in s.legal_basis.iter().enumerate() {
            if let Some(date) = &act.date {
                check_date(
                    &mut d,
                    date,
                    &format!("strategy.legal_basis[{i}].date"),
                    Some(&s.id),
                );
            }
        }

        // ---- id tables ----
        let orgs = IdTable::build(
            doc.organizations.iter().map(|o| o.id.as_str()),
            |i| doc.organizations[i as usize].id.as_str(),
            "organization",
            "organizations",
            &mut d,
        );
        let goals = IdTable::build(
            s.goals.iter().map(|g| g.id.as_str()),
            |i| s.goals[i as usize].id.as_str(),
            "goal",
            "strategy.goals",
            &mut d,
        );
        let directions = IdTable::build(
            doc.directions.iter().map(|x| x.id.as_str()),
            |i| doc.directions[i as usize].id.as_str(),
            "direction",
            "directions",
            &mut d,
        );
        let clusters = IdTable::build(
            doc.clusters.iter().map(|x| x.id.as_str()),
            |i| doc.clusters[i as usize].id.as_str(),
            "cluster",
            "clusters",
            &mut d,
        );
        let modules = IdTable::build(
            doc.modules.iter().map(|x| x.id.as_str()),
            |i| doc.modules[i as usize].id.as_str(),
            "module",
            "modules",
            &mut d,
        );
        let indicators = IdTable::build(
            doc.indicators.iter().map(|x| x.id.as_str()),
            |i| doc.indicators[i as usize].id.as_str(),
            "indicator",
            "indicators",
            &mut d,
        );
        let measures = IdTable::build(
            doc.measures.iter().map(|x| x.id.as_str()),
            |i| doc.measures[i as usize].id.as_str(),
            "measure",
            "measures",
            &mut d,
        );
        let org_of = |i: u32| doc.organizations[i as usize].id.as_str();
        let cluster_of = |i: u32| doc.clusters[i as usize].id.as_str();
        let module_of = |i: u32| doc.modules[i as usize].id.as_str();
        let measure_of = |i: u32| doc.measures[i as usize].id.as_str();

        // ---- roles ----
        for (field, value) in [
            ("coordinating_body", &s.coordinating_body),
            ("monitoring_body", &s.monitoring_body),
        ] {
            match value {
                None => d.push(warn(
                    Code::MissingRole,
                    format!("strategy.{field}"),
                    Some(&s.id),
                    format!("the strategy names no {}", field.replace('_', " ")),
                )),
                Some(o) if orgs.get(o, org_of).is_none() => d.push(err(
                    Code::UnknownReference,
                    format!("strategy.{field}"),
                    Some(&s.id),
                    format!("unknown organization `{o}`"),
                )),
                Some(_) => {}
            }
        }
        if let (Some(c), Some(m)) = (&s.coordinating_body, &s.monitoring_body)
            && c == m
        {
            d.push(err(
                Code::CoordinatorIsMonitor,
                "strategy.monitoring_body".into(),
                Some(&s.id),
                format!("`{c}` is both the coordinating body and the monitoring & evaluation body (Decree 1294 requires different bodies)"),
            ));
        }

        // ---- titles of the small entities ----
        let mut title = |t: &Text, path: String, id: &str, what: &str| {
            if t.is_empty() {
                d.push(err(
                    Code::MissingTitle,
                    path,
                    Some(id),
                    format!("{what} `{id}` has no title in any language"),
                ));
            }
        };
        for (i, o) in doc.organizations.iter().enumerate() {
            title(
                &o.name,
                format!("organizations[{i}].name"),
                &o.id,
                "organization",
            );
        }
        for (i, x) in doc.directions.iter().enumerate() {
            title(
                &x.title,
                format!("directions[{i}].title"),
                &x.id,
                "direction",
            );
        }
        for (i, x) in doc.clusters.iter().enumerate() {
            title(&x.title, format!("clusters[{i}].title"), &x.id, "cluster");
        }
        for (i, x) in doc.modules.iter().enumerate() {
            title(&x.title, format!("modules[{i}].title"), &x.id, "module");
        }
        for (i, x) in doc.indicators.iter().enumerate() {
            title(&x.name, format!("indicators[{i}].name"), &x.id, "indicator");
        }
        for (i, g) in s.goals.iter().enumerate() {
            title(
                &g.title,
                format!("strategy.goals[{i}].title"),
                &g.id,
                "goal",
            );
        }

        // ---- directions ----
        for (i, x) in doc.directions.iter().enumerate() {
            for (j, g) in x.goals.iter().enumerate() {
                if goals.get(g, |k| s.goals[k as usize].id.as_str()).is_none() {
                    d.push(err(
                        Code::UnknownReference,
                        format!("directions[{i}].goals[{j}]"),
                        Some(&x.id),
                        format!("unknown goal `{g}`"),
                    ));
                }
            }
        }

        // ---- modules: applicability ----
        let nc = doc.clusters.len();
        let nm = doc.modules.len();
        let mut applicable = vec![false; nm * nc];
        for (mi, m) in doc.modules.iter().enumerate() {
            let rule = &m.applies_to;
            let row = &mut applicable[mi * nc..(mi + 1) * nc];
            for tag in rule.all_tags.iter().chain(&rule.any_tags) {
                if !doc.clusters.iter().any(|c| c.tags.iter().any(|t| t == tag)) {
                    d.push(warn(
                        Code::UnknownTag,
                        format!("modules[{mi}].applies_to"),
                        Some(&m.id),
                        format!("no cluster carries tag `{tag}`"),
                    ));
                }
            }
            for (ci, c) in doc.clusters.iter().enumerate() {
                let has = |t: &Id| c.tags.contains(t);
                row[ci] = rule.all
                    || (!rule.all_tags.is_empty() && rule.all_tags.iter().all(has))
                    || rule.any_tags.iter().any(has);
            }
            for (field, list) in [("clusters", &rule.clusters), ("except", &rule.except)] {
                for (j, cid) in list.iter().enumerate() {
                    match clusters.get(cid, cluster_of) {
                        Some(ci) => row[ci as usize] = field == "clusters" || row[ci as usize],
                        None => d.push(err(
                            Code::UnknownReference,
                            format!("modules[{mi}].applies_to.{field}[{j}]"),
                            Some(&m.id),
                            format!("unknown cluster `{cid}`"),
                        )),
                    }
                }
            }
            for cid in &rule.except {
                if let Some(ci) = clusters.get(cid, cluster_of) {
                    row[ci as usize] = false;
                }
            }
            if !row.iter().any(|&b| b) {
                d.push(warn(
                    Code::ModuleAppliesToNothing,
                    format!("modules[{mi}].applies_to"),
                    Some(&m.id),
                    format!("module `{}` applies to no cluster", m.id),
                ));
            }
        }
        // module requires: resolve, then look for loops with petgraph's toposort
        // (required module, relation, lag) per module
        let mut requires: Vec<Vec<(u32, RelationType, i32)>> = vec![Vec::new(); nm];
        for (mi, m) in doc.modules.iter().enumerate() {
            for (j, r) in m.requires.iter().enumerate() {
                let lag = r.lag();
                if i64::from(lag).abs() > MAX_DAYS {
                    d.push(err(
                        Code::InvalidLag,
                        format!("modules[{mi}].requires[{j}].lag_days"),
                        Some(&m.id),
                        format!(
                            "lag of {lag} days on required module `{}` is beyond ±{MAX_DAYS}",
                            r.module
                        ),
                    ));
                    continue;
                }
                match modules.get(&r.module, module_of) {
                    Some(ri) => requires[mi].push((ri, r.relation(), lag)),
                    None => d.push(err(
                        Code::UnknownReference,
                        format!("modules[{mi}].requires[{j}]"),
                        Some(&m.id),
                        format!("unknown module `{}`", r.module),
                    )),
                }
            }
        }
        let mut module_cyclic = false;
        {
            let mut mg = petgraph::graph::DiGraph::<u32, ()>::with_capacity(nm, 0);
            let nodes: Vec<_> = (0..nm as u32).map(|i| mg.add_node(i)).collect();
            for (mi, reqs) in requires.iter().enumerate() {
                for &(r, _, _) in reqs {
                    mg.add_edge(nodes[r as usize], nodes[mi], ());
                }
            }
            for scc in petgraph::algo::tarjan_scc(&mg) {
                let selfloop = scc.len() == 1
                    && requires[scc[0].index()]
                        .iter()
                        .any(|&(r, _, _)| r == scc[0].index() as u32);
                if scc.len() > 1 || selfloop {
                    module_cyclic = true;
                    let mut ids: Vec<usize> = scc.iter().map(|n| n.index()).collect();
                    ids.sort_unstable();
                    let names: Vec<String> = ids
                        .iter()
                        .map(|&i| format!("`{}`", doc.modules[i].id))
                        .collect();
                    d.push(err(
                        Code::ModuleCycle,
                        format!("modules[{}].requires", ids[0]),
                        Some(&doc.modules[ids[0]].id),
                        format!("modules require each other in a loop: {}", names.join(", ")),
                    ));
                }
            }
        }

        // ---- indicators ----
        for (i, ind) in doc.indicators.iter().enumerate() {
            match &ind.baseline {
                None => d.push(warn(
                    Code::IndicatorIncomplete,
                    format!("indicators[{i}].baseline"),
                    Some(&ind.id),
                    format!("indicator `{}` has no baseline", ind.id),
                )),
                Some(b) => {
                    for (j, t) in ind.targets.iter().enumerate() {
                        if t.value == b.value {
                            let msg = format!(
                                "{} target {} for {} equals the baseline, so achievement is undefined",
                                if t.is_final { "final" } else { "interim" },
                                t.value,
                                t.year
                            );
                            let path = format!("indicators[{i}].targets[{j}]");
                            d.push(if t.is_final {
                                err(Code::TargetEqualsBaseline, path, Some(&ind.id), msg)
                            } else {
                                warn(Code::TargetEqualsBaseline, path, Some(&ind.id), msg)
                            });
                        }
                    }
                }
            }
            if ind.targets.is_empty() {
                d.push(warn(
                    Code::IndicatorIncomplete,
                    format!("indicators[{i}].targets"),
                    Some(&ind.id),
                    format!("indicator `{}` has no target", ind.id),
                ));
            }
        }

        // ---- measures ----
        let n = doc.measures.len();
        // deadlines as a compact column: the per-edge check below reads it at random
        let deadline_of: Vec<Option<jiff::civil::Date>> = doc
            .measures
            .iter()
            .map(|m| m.deadline.as_ref().map(PeriodRef::last_day))
            .collect();
        let use_recent = measures.complete;
        // Runs of measures are checked and resolved independently (on several threads where
        // there are any); their diagnostics, cells and edges are then taken in document order,
        // so the result is the one a single loop gives.
        let scan = |range: std::ops::Range<usize>| {
            let mut d: Vec<Diagnostic> = Vec::new();
            let mut cell_pairs: Vec<(u32, u32)> = Vec::with_capacity(range.len());
            let mut edges: Vec<RawEdge> = Vec::with_capacity(range.len() * 3);
            let mut seen = Seen::default();
            // Prerequisites mostly sit a few entries above their dependent. A small
            // direct-mapped cache of the measures just visited (16 KB, keyed by id hash) answers
            // those lookups without touching the big table, whose probes miss the CPU caches
            // at a million measures. It gives the table's answer: it is used only when every
            // measure is in the table under its own id, and a hit is confirmed by comparing ids.
            let mut recent = [(0u64, u32::MAX); RECENT];
            for i in range {
                let m = &doc.measures[i];
                let iu = i as u32;
                let id = m.id.as_str();
                if use_recent {
                    let h = IdTable::hash(id);
                    recent[h as usize % RECENT] = (h, iu);
                }
                if m.title.is_empty() {
                    d.push(err(
                        Code::MissingTitle,
                        format!("measures[{i}].title"),
                        Some(id),
                        format!("measure `{id}` has no title in any language"),
                    ));
                }
                if directions
                    .get(&m.direction, |k| doc.directions[k as usize].id.as_str())
                    .is_none()
                {
                    d.push(err(
                        Code::UnknownReference,
                        format!("measures[{i}].direction"),
                        Some(id),
                        format!("unknown direction `{}`", m.direction),
                    ));
                }
                match m.main_executor.0.len() {
                    1 => {}
                    0 => d.push(err(
                        Code::MainExecutorCount,
                        format!("measures[{i}].main_executor"),
                        Some(id),
                        format!("measure `{id}` has no main executor"),
                    )),
                    k => d.push(err(
                        Code::MainExecutorCount,
                        format!("measures[{i}].main_executor"),
                        Some(id),
                        format!("measure `{id}` has {k} main executors; exactly one is required"),
                    )),
                }
                let many = m.main_executor.0.len() > 1;
                for (j, o) in m.main_executor.0.iter().enumerate() {
                    if orgs.get(o, org_of).is_none() {
                        let path = if many {
                            format!("measures[{i}].main_executor[{j}]")
                        } else {
                            format!("measures[{i}].main_executor")
                        };
                        d.push(err(
                            Code::UnknownReference,
                            path,
                            Some(id),
                            format!("unknown organization `{o}`"),
                        ));
                    }
                }
                for (j, o) in m.other_executors.iter().enumerate() {
                    if orgs.get(o, org_of).is_none() {
                        d.push(err(
                            Code::UnknownReference,
                            format!("measures[{i}].other_executors[{j}]"),
                            Some(id),
                            format!("unknown organization `{o}`"),
                        ));
                    }
                }
                for (j, ind) in m.indicators.iter().enumerate() {
                    if indicators
                        .get(ind, |k| doc.indicators[k as usize].id.as_str())
                        .is_none()
                    {
                        d.push(err(
                            Code::UnknownReference,
                            format!("measures[{i}].indicators[{j}]"),
                            Some(id),
                            format!("unknown indicator `{ind}`"),
                        ));
                    }
                }
                check_measure_dates(&mut d, m, i, p_start, p_end);
                if let Some(e) = &m.estimate {
                    let ok = [e.optimistic, e.most_likely, e.pessimistic]
                        .iter()
                        .all(|v| v.is_finite() && *v >= 0.0)
                        && e.optimistic <= e.most_likely
                        && e.most_likely <= e.pessimistic
                        && e.pessimistic <= MAX_DAYS as f64;
                    if !ok {
                        d.push(err(
                            Code::InvalidEstimate,
                            format!("measures[{i}].estimate"),
                            Some(id),
                            format!(
                                "estimate ({}, {}, {}) must satisfy 0 ≤ optimistic ≤ most likely ≤ pessimistic ≤ {MAX_DAYS}",
                                e.optimistic, e.most_likely, e.pessimistic
                            ),
                        ));
                    }
                }
                // targets → cells
                for (j, t) in m.targets.iter().enumerate() {
                    let Some(mi) = modules.get(&t.module, module_of) else {
                        d.push(err(
                            Code::UnknownReference,
                            format!("measures[{i}].targets[{j}].module"),
                            Some(id),
                            format!("unknown module `{}`", t.module),
                        ));
                        continue;
                    };
                    let mi = mi as usize;
                    match &t.clusters {
                        None => {
                            for ci in 0..nc {
                                if applicable[mi * nc + ci] {
                                    cell_pairs.push(((mi * nc + ci) as u32, iu));
                                }
                            }
                        }
                        Some(list) => {
                            for (k, cid) in list.iter().enumerate() {
                                match clusters.get(cid, cluster_of) {
                                    None => d.push(err(
                                        Code::UnknownReference,
                                        format!("measures[{i}].targets[{j}].clusters[{k}]"),
                                        Some(id),
                                        format!("unknown cluster `{cid}`"),
                                    )),
                                    Some(ci) if !applicable[mi * nc + ci as usize] => d.push(err(
                                        Code::TargetNotApplicable,
                                        format!("measures[{i}].targets[{j}].clusters[{k}]"),
                                        Some(id),
                                        format!(
                                            "module `{}` does not apply to cluster `{cid}`",
                                            t.module
                                        ),
                                    )),
                                    Some(ci) => {
                                        cell_pairs.push(((mi * nc + ci as usize) as u32, iu))
                                    }
                                }
                            }
                        }
                    }
                }
                // explicit dependencies
                seen.clear();
                for (j, dep) in m.depends_on.iter().enumerate() {
                    let path = || format!("measures[{i}].depends_on[{j}]");
                    let h = IdTable::hash(dep.id);
                    let (rh, ri) = recent[h as usize % RECENT];
                    let found = if rh == h && ri != u32::MAX && measure_of(ri) == dep.id {
                        Some(ri)
                    } else {
                        measures.get_hashed(h, dep.id, measure_of)
                    };
                    let Some(p) = found else {
                        d.push(err(
                            Code::UnknownReference,
                            path(),
                            Some(id),
                            format!("unknown measure `{}`", dep.id),
                        ));
                        continue;
                    };
                    let lag = dep.lag();
                    if i64::from(lag).abs() > MAX_DAYS {
                        d.push(err(
                            Code::InvalidLag,
                            path(),
                            Some(id),
                            format!("lag of {lag} days on `{}` is beyond ±{MAX_DAYS}", dep.id),
                        ));
                        continue;
                    }
                    if !seen.insert(p) {
                        d.push(warn(
                            Code::DuplicateDependency,
                            path(),
                            Some(id),
                            format!("`{}` is listed twice as a prerequisite", dep.id),
                        ));
                    }
                    let kind = dep.relation();
                    if let (Some(pd), Some(md)) = (deadline_of[p as usize], deadline_of[i])
                        && pd > md
                    {
                        let msg = format!(
                            "deadline {} is earlier than the deadline {} of prerequisite `{}` ({})",
                            md,
                            pd,
                            dep.id,
                            kind.as_str()
                        );
                        d.push(if matches!(kind, RelationType::FS | RelationType::FF) {
                            err(Code::DeadlineBeforePrerequisite, path(), Some(id), msg)
                        } else {
                            warn(Code::DeadlineBeforePrerequisite, path(), Some(id), msg)
                        });
                    }
                    edges.push(RawEdge {
                        from: p,
                        to: iu,
                        kind,
                        lag,
                        origin: EdgeOrigin::Explicit {
                            measure: iu,
                            entry: j as u32,
                        },
                    });
                }
            }
            MeasureScan {
                diagnostics: d,
                cell_pairs,
                edges,
            }
        };
        let mut scans = crate::par::map_runs(n, runs, scan);
        for s in &mut scans {
            d.append(&mut s.diagnostics);
        }

        // ---- cells: counting sort (stable, so measures stay in document order), dedupe ----
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
        for s in &mut scans {
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
        let deliverers = |m: usize, c: usize| {
            &cell_measures[cell_off[m * nc + c] as usize..cell_off[m * nc + c + 1] as usize]
        };

        // ---- derived edges (skipped when modules loop: that is reported above) ----
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
        let mut edges: Vec<&[RawEdge]> = scans.iter().map(|s| s.edges.as_slice()).collect();
        edges.push(&derived);
        let graph = DepGraph::build(n as u32, junctions, &edges);
        drop(edges);
        drop(scans);
        drop(derived);

        // ---- cycles ----
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

        let monitoring = crate::monitoring::reports::check(
            doc,
            &measures,
            &orgs,
            &directions,
            &indicators,
            &mut d,
        );
        crate::suggest::add_suggestions(doc, &mut d);
        let blocked = d.iter().filter_map(Diagnostic::blocks).min();
        Index {
            measures,
            applicable,
            n_clusters: nc,
            cell_off,
            cell_measures,
            graph,
            status: doc.measures.iter().map(|m| m.status).collect(),
            diagnostics: d,
            blocked,
            cycle,
            monitoring,
        }
    }
}

fn check_date(d: &mut Vec<Diagnostic>, p: &PeriodRef, path: &str, id: Option<&str>) {
    let y = p.year_of();
    if !(MIN_YEAR..=MAX_YEAR).contains(&y) {
        d.push(err(
            Code::AbsurdDate,
            path.to_owned(),
            id,
            format!("date `{p}` is outside {MIN_YEAR}..{MAX_YEAR}"),
        ));
    }
}

fn check_measure_dates(
    d: &mut Vec<Diagnostic>,
    m: &Measure,
    i: usize,
    p_start: jiff::civil::Date,
    p_end: jiff::civil::Date,
) {
    let id = Some(m.id.as_str());
    if let Some(s) = &m.start {
        check_date(d, s, &format!("measures[{i}].start"), id);
        if s.first_day() < p_start || s.first_day() > p_end {
            d.push(err(
                Code::PeriodOutsideStrategy,
                format!("measures[{i}].start"),
                id,
                format!(
                    "start `{s}` ({}) is outside the strategy period {p_start}..{p_end}",
                    s.first_day()
                ),
            ));
        }
    }
    if let Some(dl) = &m.deadline {
        check_date(d, dl, &format!("measures[{i}].deadline"), id);
        if dl.last_day() > p_end || dl.last_day() < p_start {
            d.push(err(
                Code::PeriodOutsideStrategy,
                format!("measures[{i}].deadline"),
                id,
                format!(
                    "deadline `{dl}` ({}) is outside the strategy period {p_start}..{p_end}",
                    dl.last_day()
                ),
            ));
        }
    }
    if let (Some(s), Some(dl)) = (&m.start, &m.deadline)
        && s.first_day() > dl.last_day()
    {
        d.push(err(
            Code::StartAfterDeadline,
            format!("measures[{i}].deadline"),
            id,
            format!(
                "deadline `{dl}` ({}) is before the start `{s}` ({})",
                dl.last_day(),
                s.first_day()
            ),
        ));
    }
    if let Some(days) = m.duration_days {
        if !(0..=MAX_DAYS).contains(&days) {
            d.push(err(
                Code::InvalidDuration,
                format!("measures[{i}].duration_days"),
                id,
                format!("duration of {days} days is outside 0..{MAX_DAYS}"),
            ));
        } else if let (Some(s), Some(dl)) = (&m.start, &m.deadline) {
            let window = (dl.last_day() - s.first_day()).get_days() as i64 + 1;
            if window > 0 && days > window {
                d.push(warn(
                    Code::DurationExceedsWindow,
                    format!("measures[{i}].duration_days"),
                    id,
                    format!("duration of {days} days does not fit between `{s}` and `{dl}` ({window} days)"),
                ));
            }
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
            let one = format!("{:?}", Index::build_in_runs(doc, 1));
            for runs in [2, 3, 7, doc.measures.len() + 5] {
                assert_eq!(format!("{:?}", Index::build_in_runs(doc, runs)), one);
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
        let idx = Index::build(&doc);
        let repeats = idx
            .diagnostics
            .iter()
            .filter(|d| d.code == Code::DuplicateDependency)
            .count();
        assert_eq!(repeats, 39);
    }
}
