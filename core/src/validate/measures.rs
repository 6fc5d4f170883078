//! Rules about measures, checked while their references are resolved: title, direction,
//! executors, indicators, dates, duration, estimate, targets (the cells a measure delivers)
//! and `depends_on` (the explicit edges). Runs of measures are checked independently — on
//! several threads for large plans — and joined in document order, so the result is the one a
//! single loop gives.

use jiff::civil::Date;

use super::modules::Modules;
use super::{Code, Diagnostic, check_date, err, warn};
use crate::dates::{MAX_DAYS, day_number};
use crate::graph::{EdgeOrigin, RawEdge};
use crate::ids::{IdTable, Ids};
use crate::model::{Document, Measure, RelationType};
use crate::period::PeriodRef;

/// What one run of measures contributes to the index, in document order.
pub(crate) struct MeasureScan {
    pub diagnostics: Vec<Diagnostic>,
    /// (cell, measure) for every cell a measure delivers.
    pub cell_pairs: Vec<(u32, u32)>,
    /// Explicit dependencies.
    pub edges: Vec<RawEdge>,
}

/// Shortest run of measures scanned on a thread of its own.
pub(crate) const MIN_RUN: usize = 16 * 1024;

/// The prerequisites already listed by the measure being resolved (to warn about repeats):
/// a short inline list, and a hash set past it so that a hostile list stays linear.
#[derive(Default)]
struct Seen {
    few: smallvec::SmallVec<[u32; 16]>,
    many: hashbrown::HashSet<u32, rustc_hash::FxBuildHasher>,
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

/// Check and resolve every measure in `runs` runs; the runs' diagnostics are appended to `d`
/// in document order, their cells and edges are returned.
pub(crate) fn scan(
    doc: &Document,
    ids: &Ids,
    modules: &Modules,
    window: (Date, Date),
    runs: usize,
    d: &mut Vec<Diagnostic>,
) -> Vec<MeasureScan> {
    let cx = Scanner {
        doc,
        ids,
        applicable: &modules.applicable,
        n_clusters: doc.clusters.len(),
        // deadlines as a compact column: the per-edge check reads it at random
        deadline_of: doc
            .measures
            .iter()
            .map(|m| m.deadline.as_ref().map(PeriodRef::last_day))
            .collect(),
        use_recent: ids.measures.complete,
        window,
        programmes: std::sync::OnceLock::new(),
    };
    // Runs of measures are checked and resolved independently (on several threads where
    // there are any); their diagnostics, cells and edges are then taken in document order,
    // so the result is the one a single loop gives.
    let mut scans = crate::par::map_runs(doc.measures.len(), runs, |range| cx.run(range));
    for s in &mut scans {
        d.append(&mut s.diagnostics);
    }
    scans
}

/// What every run reads.
struct Scanner<'a> {
    doc: &'a Document,
    ids: &'a Ids,
    /// `applicable[module * n_clusters + cluster]`.
    applicable: &'a [bool],
    n_clusters: usize,
    /// Each measure's deadline (last day).
    deadline_of: Vec<Option<Date>>,
    /// Every measure is in the id table under its own id, so the cache of recent measures
    /// gives the table's answer.
    use_recent: bool,
    /// The strategy period, first and last day.
    window: (Date, Date),
    /// The programmes that qualify measure ids of this document (`p` of `p:m`), read once when
    /// a qualified reference is not found.
    programmes: std::sync::OnceLock<std::collections::HashSet<&'a str>>,
}

/// A direct-mapped cache of the measures just visited, keyed by id hash.
type Recent = [(u64, u32); RECENT];

impl Scanner<'_> {
    /// Check and resolve the measures of `range`, one pass per subject.
    fn run(&self, range: std::ops::Range<usize>) -> MeasureScan {
        let mut out = MeasureScan {
            diagnostics: Vec::new(),
            cell_pairs: Vec::with_capacity(range.len()),
            edges: Vec::with_capacity(range.len() * 3),
        };
        let mut seen = Seen::default();
        // Prerequisites mostly sit a few entries above their dependent. A small
        // direct-mapped cache of the measures just visited (16 KB, keyed by id hash) answers
        // those lookups without touching the big table, whose probes miss the CPU caches
        // at a million measures. It gives the table's answer: it is used only when every
        // measure is in the table under its own id, and a hit is confirmed by comparing ids.
        let mut recent: Recent = [(0u64, u32::MAX); RECENT];
        for i in range {
            let m = &self.doc.measures[i];
            if self.use_recent {
                let h = IdTable::hash(&m.id);
                recent[h as usize % RECENT] = (h, i as u32);
            }
            let d = &mut out.diagnostics;
            self.check_references(d, m, i);
            check_measure_dates(d, m, i, self.window.0, self.window.1);
            check_estimate(d, m, i);
            self.resolve_targets(&mut out, m, i);
            self.resolve_dependencies(&mut out, &recent, &mut seen, m, i);
        }
        out
    }

    /// Title, direction, executors (exactly one main executor) and indicators.
    fn check_references(&self, d: &mut Vec<Diagnostic>, m: &Measure, i: usize) {
        let (doc, ids) = (self.doc, self.ids);
        let id = m.id.as_str();
        if m.title.is_empty() {
            d.push(err(
                Code::MissingTitle,
                format!("measures[{i}].title"),
                Some(id),
                format!("measure `{id}` has no title in any language"),
            ));
        }
        if ids.direction(doc, &m.direction).is_none() {
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
            if ids.org(doc, o).is_none() {
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
            if ids.org(doc, o).is_none() {
                d.push(err(
                    Code::UnknownReference,
                    format!("measures[{i}].other_executors[{j}]"),
                    Some(id),
                    format!("unknown organization `{o}`"),
                ));
            }
        }
        for (j, ind) in m.indicators.iter().enumerate() {
            if ids.indicator(doc, ind).is_none() {
                d.push(err(
                    Code::UnknownReference,
                    format!("measures[{i}].indicators[{j}]"),
                    Some(id),
                    format!("unknown indicator `{ind}`"),
                ));
            }
        }
    }

    /// Targets → the cells the measure delivers (all applicable clusters of a module, or the
    /// clusters listed, each of which the module must apply to).
    fn resolve_targets(&self, out: &mut MeasureScan, m: &Measure, i: usize) {
        let (doc, ids, nc) = (self.doc, self.ids, self.n_clusters);
        let id = m.id.as_str();
        let iu = i as u32;
        for (j, t) in m.targets.iter().enumerate() {
            let Some(mi) = ids.module(doc, &t.module) else {
                out.diagnostics.push(err(
                    Code::UnknownReference,
                    format!("measures[{i}].targets[{j}].module"),
                    Some(id),
                    format!("unknown module `{}`", t.module),
                ));
                continue;
            };
            let mi = mi as usize;
            let Some(list) = &t.clusters else {
                for ci in 0..nc {
                    if self.applicable[mi * nc + ci] {
                        out.cell_pairs.push(((mi * nc + ci) as u32, iu));
                    }
                }
                continue;
            };
            for (k, cid) in list.iter().enumerate() {
                match ids.cluster(doc, cid) {
                    None => out.diagnostics.push(err(
                        Code::UnknownReference,
                        format!("measures[{i}].targets[{j}].clusters[{k}]"),
                        Some(id),
                        format!("unknown cluster `{cid}`"),
                    )),
                    Some(ci) if !self.applicable[mi * nc + ci as usize] => {
                        out.diagnostics.push(err(
                            Code::TargetNotApplicable,
                            format!("measures[{i}].targets[{j}].clusters[{k}]"),
                            Some(id),
                            format!("module `{}` does not apply to cluster `{cid}`", t.module),
                        ))
                    }
                    Some(ci) => out.cell_pairs.push(((mi * nc + ci as usize) as u32, iu)),
                }
            }
        }
    }

    /// A prerequisite not found: a measure of another programme (`p:m` where no measure of
    /// this document is qualified by `p`) is the warning `external_dependency`, which holds
    /// nothing outside a portfolio; anything else is an unknown measure.
    fn unknown_dependency(&self, dep: &str, path: String, id: &str) -> Diagnostic {
        let doc = self.doc;
        if let Some(prog) = crate::ids::programme_of(dep) {
            let known = self.programmes.get_or_init(|| {
                doc.measures
                    .iter()
                    .filter_map(|m| crate::ids::programme_of(&m.id))
                    .collect()
            });
            if !known.contains(prog) {
                return warn(
                    Code::ExternalDependency,
                    path,
                    Some(id),
                    format!(
                        "`{dep}` is a measure of programme `{prog}`, outside this plan: the \
                         dependency holds only when the plans are analysed together (Portfolio)"
                    ),
                );
            }
        }
        err(
            Code::UnknownReference,
            path,
            Some(id),
            format!("unknown measure `{dep}`"),
        )
    }

    /// `depends_on` → explicit edges: each prerequisite found (through the cache of recent
    /// measures first), its lag in range, listed once, its deadline not after this one's.
    fn resolve_dependencies(
        &self,
        out: &mut MeasureScan,
        recent: &Recent,
        seen: &mut Seen,
        m: &Measure,
        i: usize,
    ) {
        let doc = self.doc;
        let measure_of = |k: u32| doc.measures[k as usize].id.as_str();
        let id = m.id.as_str();
        let iu = i as u32;
        let d = &mut out.diagnostics;
        seen.clear();
        for (j, dep) in m.depends_on.iter().enumerate() {
            let path = || format!("measures[{i}].depends_on[{j}]");
            let h = IdTable::hash(dep.id);
            let (rh, ri) = recent[h as usize % RECENT];
            let found = if rh == h && ri != u32::MAX && measure_of(ri) == dep.id {
                Some(ri)
            } else {
                self.ids.measures.get_hashed(h, dep.id, measure_of)
            };
            let Some(p) = found else {
                d.push(self.unknown_dependency(dep.id, path(), id));
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
            if let (Some(pd), Some(md)) = (self.deadline_of[p as usize], self.deadline_of[i])
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
            out.edges.push(RawEdge {
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
}

/// A three-point estimate: finite, non-negative, ordered, at most [`MAX_DAYS`].
fn check_estimate(d: &mut Vec<Diagnostic>, m: &Measure, i: usize) {
    let Some(e) = &m.estimate else { return };
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
            Some(&m.id),
            format!(
                "estimate ({}, {}, {}) must satisfy 0 ≤ optimistic ≤ most likely ≤ pessimistic ≤ {MAX_DAYS}",
                e.optimistic, e.most_likely, e.pessimistic
            ),
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
            let window = day_number(dl.last_day()) - day_number(s.first_day()) + 1;
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
