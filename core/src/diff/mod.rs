//! Plan diff: what changed between two versions of a strategy, and what it does to the matrix
//! and the schedule ([`Strategy::diff`], `docs/diff.md`).
//!
//! **Records.** Every entity of both documents is matched by its kind and id, never by its
//! place, so reordering a document is no change. An entity is serialised as in the document
//! and compared field by field: nested objects down to a dotted path (`title.en`,
//! `period.start`), lists as whole values whose order does not count (`targets`,
//! `other_executors`, `tags`). A measure's `depends_on` is not a field: each entry is an
//! entity `dependency` of id `measure->prerequisite` with the fields `relation` and `lag_days`
//! (their effective values, so `"a"` and `{"id": "a", "type": "FS"}` are the same). The
//! entity kinds, in document order: `strategy` (the header without its goals), `goal`,
//! `organization`, `direction`, `cluster`, `module`, `measure`, `dependency`, `indicator`,
//! `report` (without its entries), `report_entry` (id `report/measure`), `evaluation`,
//! `reporting` (the calendar). A repeated id is matched occurrence by occurrence and named
//! `id#2`, `id#3`, ….
//!
//! **Order.** Records come kind by kind in the order above; within a kind, the entities of the
//! new document in its order (an added entity's one record, or a kept entity's changed fields
//! in field-name order), then the removed ones in the old document's order.
//!
//! **Renames.** An added entity whose title (`name` for organisations and indicators) equals,
//! in some language, the title of a removed entity of the same kind is suggested as a rename:
//! its record carries `renamed_from`. Added entities are paired in new-document order, each
//! with the first removed entity (old-document order) not yet paired. A suggestion only: the
//! records stay an addition and a removal.

use std::collections::{HashMap, HashSet};

use jiff::civil::Date;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::error::Result;
use crate::matrix::CellState;
use crate::model::{Document, Lang, Text};
use crate::schedule::{Schedule, ScheduleOptions};
use crate::strategy::Strategy;
use crate::validate::Need;

mod render;

/// Options of a plan diff. Every field has a default, so partial JSON / Python dicts work.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct DiffOptions {
    /// The options of both schedules whose consequences are compared. Default: the schedule's
    /// defaults (each plan starts on the first day of its own period).
    pub schedule: ScheduleOptions,
    /// Language of the titles in the results, the Markdown, the HTML and the picture (a title
    /// missing in it falls back to another language, then the id). Default `en`.
    pub lang: Lang,
}

/// What happened to an entity or a field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub enum DiffKind {
    /// The entity is only in the new document.
    Added,
    /// The entity is only in the old document.
    Removed,
    /// A field of an entity in both documents differs.
    Changed,
}

impl DiffKind {
    /// `added`, `removed` or `changed`.
    pub fn as_str(self) -> &'static str {
        match self {
            DiffKind::Added => "added",
            DiffKind::Removed => "removed",
            DiffKind::Changed => "changed",
        }
    }
}

/// One difference between the two documents.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "wasm", tsify(missing_as_null))]
pub struct DiffRecord {
    /// Added, removed or changed.
    pub kind: DiffKind,
    /// The entity kind: `strategy`, `goal`, `organization`, `direction`, `cluster`,
    /// `module`, `measure`, `dependency`, `indicator`, `report`, `report_entry`,
    /// `evaluation` or `reporting`.
    pub entity: String,
    /// The entity's id (`measure->prerequisite` for a dependency, `report/measure` for a
    /// report entry, `id#2` for a repeated id's second occurrence).
    pub id: String,
    /// The entity's title in the diff's language, when it has one.
    pub title: Option<String>,
    /// The dotted field path (`deadline`, `title.en`) of a change; `None` for an added or
    /// removed entity.
    pub field: Option<String>,
    /// The old value (the whole entity when removed); `None` when absent.
    #[cfg_attr(feature = "wasm", tsify(type = "unknown"))]
    pub old: Option<Value>,
    /// The new value (the whole entity when added); `None` when absent.
    #[cfg_attr(feature = "wasm", tsify(type = "unknown"))]
    pub new: Option<Value>,
    /// For an added entity: the removed entity of the same kind with the same title, a
    /// suggested rename.
    pub renamed_from: Option<String>,
}

/// A matrix cell whose state or delivering measures changed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "wasm", tsify(missing_as_null))]
pub struct MatrixChange {
    /// Cluster id.
    pub cluster: String,
    /// Module id.
    pub module: String,
    /// State in the old plan; `None` when its cluster or module is not in it.
    pub old_state: Option<CellState>,
    /// State in the new plan; `None` when its cluster or module is not in it.
    pub new_state: Option<CellState>,
    /// Measures delivering the cell in the old plan, document order.
    pub old_measures: Vec<String>,
    /// Measures delivering the cell in the new plan, document order.
    pub new_measures: Vec<String>,
}

/// A deadline that the network newly misses, or newly meets.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub struct DeadlineChange {
    /// Measure id.
    pub id: String,
    /// The deadline in the plan where it is missed.
    #[serde(with = "crate::dates::iso")]
    #[cfg_attr(feature = "wasm", tsify(type = "string"))]
    pub deadline: Date,
    /// Days late in the plan where it is missed.
    pub days_late: i64,
}

/// A measure in both plans whose early dates moved.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub struct MeasureShift {
    /// Measure id.
    pub id: String,
    /// Early start before.
    #[serde(with = "crate::dates::iso")]
    #[cfg_attr(feature = "wasm", tsify(type = "string"))]
    pub start_before: Date,
    /// Early start after.
    #[serde(with = "crate::dates::iso")]
    #[cfg_attr(feature = "wasm", tsify(type = "string"))]
    pub start_after: Date,
    /// Early finish (last day of work) before.
    #[serde(with = "crate::dates::iso")]
    #[cfg_attr(feature = "wasm", tsify(type = "string"))]
    pub finish_before: Date,
    /// Early finish after.
    #[serde(with = "crate::dates::iso")]
    #[cfg_attr(feature = "wasm", tsify(type = "string"))]
    pub finish_after: Date,
    /// `finish_after − finish_before` in calendar days (positive = later).
    pub finish_shift_days: i64,
}

/// What the changes do to the schedule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub struct ScheduleChanges {
    /// The old plan's finish (last day of work).
    #[serde(with = "crate::dates::iso")]
    #[cfg_attr(feature = "wasm", tsify(type = "string"))]
    pub finish_before: Date,
    /// The new plan's finish.
    #[serde(with = "crate::dates::iso")]
    #[cfg_attr(feature = "wasm", tsify(type = "string"))]
    pub finish_after: Date,
    /// `finish_after − finish_before` in calendar days (positive = later).
    pub finish_shift_days: i64,
    /// Critical in the new plan, not in the old one (new document order; measures added
    /// included).
    pub critical_added: Vec<String>,
    /// Critical in the old plan, not in the new one (old document order; measures removed
    /// included).
    pub critical_removed: Vec<String>,
    /// Deadlines the new plan misses that the old one met (or did not have), new document
    /// order.
    pub deadlines_newly_missed: Vec<DeadlineChange>,
    /// Deadlines the old plan missed that the new plan meets (measures still in it), old
    /// document order; `deadline` and `days_late` are the old plan's.
    pub deadlines_newly_met: Vec<DeadlineChange>,
    /// Measures in both plans whose early start or finish moved, new document order.
    pub shifts: Vec<MeasureShift>,
}

/// An indicator's target for a year, before and after.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "wasm", tsify(missing_as_null))]
pub struct TargetChange {
    /// Indicator id.
    pub indicator: String,
    /// The indicator's name in the diff's language.
    pub name: String,
    /// Year of the target.
    pub year: i32,
    /// Old target value; `None` when there was none for the year.
    pub old: Option<f64>,
    /// New target value; `None` when there is none for the year.
    pub new: Option<f64>,
}

/// Measures added, removed and changed in one direction (the picture's rows).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub struct DirectionSummary {
    /// Direction id (a measure's direction, as written).
    pub direction: String,
    /// Its title in the diff's language (the id when it has none).
    pub title: String,
    /// Measures added.
    pub added: u32,
    /// Measures removed.
    pub removed: u32,
    /// Measures kept with a changed field or dependency.
    pub changed: u32,
}

/// The differences between two versions of a strategy ([`Strategy::diff`]).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "wasm", tsify(missing_as_null))]
#[cfg_attr(feature = "wasm", tsify(rename = "PlanDiffData"))]
pub struct PlanDiff {
    /// The language of the titles.
    pub lang: Lang,
    /// The old strategy's id.
    pub old_id: String,
    /// The new strategy's id.
    pub new_id: String,
    /// The new strategy's title in the diff's language.
    pub title: String,
    /// Every difference, in the order of the module documentation.
    pub records: Vec<DiffRecord>,
    /// Cells whose state or measures changed, the new matrix's order (cluster, then
    /// module) then cells only in the old one; `None` when either plan's errors block the
    /// matrix ([`Need::Cells`]).
    pub matrix_changes: Option<Vec<MatrixChange>>,
    /// The codes of the diagnostics that block the matrix of either plan (old first).
    pub matrix_blocked_by: Vec<String>,
    /// What the changes do to the schedule; `None` when either plan cannot be scheduled.
    pub schedule: Option<ScheduleChanges>,
    /// Why there is no schedule comparison: the blocking diagnostics' codes, or the
    /// schedule error's code.
    pub schedule_blocked_by: Vec<String>,
    /// Indicator targets changed, added or dropped, by indicator (new document order, then
    /// removed indicators) and year.
    pub indicator_targets: Vec<TargetChange>,
    /// Measures added, removed and changed per direction: the new document's directions,
    /// then the old one's, then directions named only by measures.
    pub directions: Vec<DirectionSummary>,
}

impl PlanDiff {
    /// True when the two documents are the same up to order.
    pub fn is_empty(&self) -> bool {
        self.records.is_empty()
    }

    /// The number of records of each kind: (added, removed, changed).
    pub fn counts(&self) -> (usize, usize, usize) {
        let n = |k| self.records.iter().filter(|r| r.kind == k).count();
        (
            n(DiffKind::Added),
            n(DiffKind::Removed),
            n(DiffKind::Changed),
        )
    }
}

impl Strategy {
    /// What changed from `self` (the old version) to `other` (the new one): a record for every
    /// added, removed or changed entity and field, the matrix cells that changed, the
    /// schedule's consequences and the indicator targets moved (module documentation of
    /// [`crate::diff`] for the rules). Works on plans with errors: the records need no
    /// validation; the matrix and schedule parts are `None` when either plan's errors block
    /// them, with the blocking codes beside them. Deterministic.
    ///
    /// Errors: none today (reserved for options a later version may refuse).
    pub fn diff(&self, other: &Strategy, opts: &DiffOptions) -> Result<PlanDiff> {
        let (old, new) = (self.document(), other.document());
        let lang = opts.lang;
        let records = records(old, new, lang);
        let (matrix_changes, matrix_blocked_by) = matrix_changes(self, other);
        let (schedule, schedule_blocked_by) = schedule_changes(self, other, &opts.schedule);
        let directions = directions(old, new, &records, lang);
        Ok(PlanDiff {
            lang,
            old_id: old.strategy.id.to_string(),
            new_id: new.strategy.id.to_string(),
            title: crate::render::name(&new.strategy.title, lang, &new.strategy.id).to_owned(),
            records,
            matrix_changes,
            matrix_blocked_by,
            schedule,
            schedule_blocked_by,
            indicator_targets: indicator_targets(old, new, lang),
            directions,
        })
    }
}

// ---- entities ----

/// The entity kinds, in document order.
const KINDS: [&str; 13] = [
    "strategy",
    "goal",
    "organization",
    "direction",
    "cluster",
    "module",
    "measure",
    "dependency",
    "indicator",
    "report",
    "report_entry",
    "evaluation",
    "reporting",
];

/// One entity of a document, ready to compare.
struct Entity<'a> {
    /// The matching key and shown id (`id#n` for a repeated id).
    key: String,
    /// The shown id of the strategy header (its own id), else the key.
    id: String,
    /// The serialised entity (an object).
    value: Value,
    /// Keys of `value` that are not compared field by field (the id, lists made entities).
    skip: &'static [&'static str],
    /// Its title, when it has one.
    title: Option<&'a Text>,
    /// For measures, its direction; for dependencies, the dependent measure's key.
    owner: Option<String>,
}

fn to_value<T: Serialize>(x: &T) -> Value {
    serde_json::to_value(x).unwrap_or(Value::Null)
}

/// Keys made unique by occurrence: the second `a` is `a#2`.
struct Keys(HashMap<String, u32>);

impl Keys {
    fn new() -> Self {
        Keys(HashMap::new())
    }
    fn key(&mut self, id: String) -> String {
        let n = self.0.entry(id.clone()).or_insert(0);
        *n += 1;
        if *n == 1 { id } else { format!("{id}#{n}") }
    }
}

/// The entities of one kind.
fn entities<'a>(doc: &'a Document, kind: &str) -> Vec<Entity<'a>> {
    let mut keys = Keys::new();
    let mut out = Vec::new();
    let mut plain = |id: &str, value: Value, title: Option<&'a Text>, owner: Option<String>| {
        let key = keys.key(id.to_owned());
        Entity {
            id: key.clone(),
            key,
            value,
            skip: &["id"],
            title,
            owner,
        }
    };
    match kind {
        "strategy" => out.push(Entity {
            key: "strategy".into(),
            id: doc.strategy.id.to_string(),
            value: to_value(&doc.strategy),
            skip: &["goals"],
            title: Some(&doc.strategy.title),
            owner: None,
        }),
        "goal" => {
            for g in &doc.strategy.goals {
                out.push(plain(&g.id, to_value(g), Some(&g.title), None));
            }
        }
        "organization" => {
            for o in &doc.organizations {
                out.push(plain(&o.id, to_value(o), Some(&o.name), None));
            }
        }
        "direction" => {
            for d in &doc.directions {
                out.push(plain(&d.id, to_value(d), Some(&d.title), None));
            }
        }
        "cluster" => {
            for c in &doc.clusters {
                out.push(plain(&c.id, to_value(c), Some(&c.title), None));
            }
        }
        "module" => {
            for m in &doc.modules {
                out.push(plain(&m.id, to_value(m), Some(&m.title), None));
            }
        }
        "measure" => {
            for m in &doc.measures {
                let mut e = plain(
                    &m.id,
                    to_value(m),
                    Some(&m.title),
                    Some(m.direction.to_string()),
                );
                e.skip = &["id", "depends_on"];
                out.push(e);
            }
        }
        "dependency" => {
            let mut measure_keys = Keys::new();
            for m in &doc.measures {
                let owner = measure_keys.key(m.id.to_string());
                for d in m.depends_on.iter() {
                    let value = serde_json::json!({
                        "relation": d.relation().as_str(),
                        "lag_days": d.lag(),
                    });
                    out.push(plain(
                        &format!("{owner}->{}", d.id),
                        value,
                        None,
                        Some(owner.clone()),
                    ));
                }
            }
        }
        "indicator" => {
            for i in &doc.indicators {
                out.push(plain(&i.id, to_value(i), Some(&i.name), None));
            }
        }
        "report" => {
            for r in &doc.reports {
                let mut e = plain(&r.id, to_value(r), None, None);
                e.skip = &["id", "entries"];
                out.push(e);
            }
        }
        "report_entry" => {
            let mut report_keys = Keys::new();
            for r in &doc.reports {
                let rk = report_keys.key(r.id.to_string());
                for en in &r.entries {
                    let mut e = plain(&format!("{rk}/{}", en.measure), to_value(en), None, None);
                    e.skip = &["measure"];
                    out.push(e);
                }
            }
        }
        "evaluation" => {
            for ev in &doc.evaluations {
                out.push(plain(&ev.id, to_value(ev), None, None));
            }
        }
        _ => out.push(Entity {
            key: "reporting".into(),
            id: "reporting".into(),
            value: to_value(&doc.reporting),
            skip: &[],
            title: None,
            owner: None,
        }),
    }
    out
}

/// The leaves of an entity: dotted paths to values that are not non-empty objects.
fn flatten(prefix: &str, v: &Value, skip: &[&str], out: &mut Vec<(String, Value)>) {
    match v {
        Value::Object(map) if !map.is_empty() => {
            for (k, x) in map {
                if prefix.is_empty() && skip.contains(&k.as_str()) {
                    continue;
                }
                let path = if prefix.is_empty() {
                    k.clone()
                } else {
                    format!("{prefix}.{k}")
                };
                flatten(&path, x, &[], out);
            }
        }
        _ => out.push((prefix.to_owned(), v.clone())),
    }
}

/// A value whose lists (at any depth) are sorted, so that order inside a list is no change.
fn canonical(v: &Value) -> Value {
    match v {
        Value::Array(xs) => {
            let mut items: Vec<(String, Value)> = xs
                .iter()
                .map(|x| {
                    let c = canonical(x);
                    (c.to_string(), c)
                })
                .collect();
            items.sort_by(|a, b| a.0.cmp(&b.0));
            Value::Array(items.into_iter().map(|(_, c)| c).collect())
        }
        Value::Object(map) => {
            Value::Object(map.iter().map(|(k, x)| (k.clone(), canonical(x))).collect())
        }
        x => x.clone(),
    }
}

/// The non-blank texts of a title, trimmed.
fn title_texts(t: Option<&Text>) -> Vec<&str> {
    t.map(|t| {
        t.iter()
            .map(|(_, s)| s.trim())
            .filter(|s| !s.is_empty())
            .collect()
    })
    .unwrap_or_default()
}

fn shown_title(e: &Entity<'_>, lang: Lang) -> Option<String> {
    e.title
        .map(|t| crate::render::name(t, lang, &e.id).to_owned())
}

fn records(old: &Document, new: &Document, lang: Lang) -> Vec<DiffRecord> {
    let mut out = Vec::new();
    for kind in KINDS {
        let (olds, news) = (entities(old, kind), entities(new, kind));
        let old_at: HashMap<&str, usize> = olds
            .iter()
            .enumerate()
            .map(|(k, e)| (e.key.as_str(), k))
            .collect();
        let new_keys: HashSet<&str> = news.iter().map(|e| e.key.as_str()).collect();
        let removed: Vec<&Entity<'_>> = olds
            .iter()
            .filter(|e| !new_keys.contains(e.key.as_str()))
            .collect();
        let mut paired = vec![false; removed.len()];
        for e in &news {
            let Some(&k) = old_at.get(e.key.as_str()) else {
                let texts = title_texts(e.title);
                let renamed_from = removed.iter().enumerate().position(|(j, r)| {
                    !paired[j] && title_texts(r.title).iter().any(|t| texts.contains(t))
                });
                let renamed_from = renamed_from.map(|j| {
                    paired[j] = true;
                    removed[j].id.clone()
                });
                out.push(DiffRecord {
                    kind: DiffKind::Added,
                    entity: kind.into(),
                    id: e.id.clone(),
                    title: shown_title(e, lang),
                    field: None,
                    old: None,
                    new: Some(e.value.clone()),
                    renamed_from,
                });
                continue;
            };
            let o = &olds[k];
            let (mut of, mut nf) = (Vec::new(), Vec::new());
            flatten("", &o.value, o.skip, &mut of);
            flatten("", &e.value, e.skip, &mut nf);
            let old_fields: HashMap<&str, &Value> =
                of.iter().map(|(p, v)| (p.as_str(), v)).collect();
            let new_fields: HashSet<&str> = nf.iter().map(|(p, _)| p.as_str()).collect();
            let title = shown_title(e, lang);
            let mut push = |field: &str, ov: Option<&Value>, nv: Option<&Value>| {
                out.push(DiffRecord {
                    kind: DiffKind::Changed,
                    entity: kind.into(),
                    id: e.id.clone(),
                    title: title.clone(),
                    field: Some(field.to_owned()),
                    old: ov.cloned(),
                    new: nv.cloned(),
                    renamed_from: None,
                });
            };
            for (p, nv) in &nf {
                match old_fields.get(p.as_str()) {
                    Some(ov) if canonical(ov) == canonical(nv) => {}
                    ov => push(p, ov.copied(), Some(nv)),
                }
            }
            for (p, ov) in &of {
                if !new_fields.contains(p.as_str()) {
                    push(p, Some(ov), None);
                }
            }
        }
        for r in &removed {
            out.push(DiffRecord {
                kind: DiffKind::Removed,
                entity: kind.into(),
                id: r.id.clone(),
                title: shown_title(r, lang),
                field: None,
                old: Some(r.value.clone()),
                new: None,
                renamed_from: None,
            });
        }
    }
    out
}

/// The plan as sorted text lines, one per field (`measure 1.1 deadline = "2026-Q1"`), for a
/// line diff that ignores order: git's `textconv`. Kinds in the order of [`crate::diff`]'s
/// list, entities by id (a repeated id keeps its `#n`), fields by path; a dependency is
/// `dependency a->b relation = "FS"`. Values are compact JSON, lists in a canonical order.
pub fn canonical_text(s: &Strategy) -> String {
    use std::fmt::Write as _;
    let doc = s.document();
    let mut out = String::new();
    for kind in KINDS {
        let mut es = entities(doc, kind);
        es.sort_by(|a, b| a.key.cmp(&b.key));
        for e in es {
            let mut fields = Vec::new();
            flatten("", &e.value, e.skip, &mut fields);
            if fields.is_empty() {
                let _ = writeln!(out, "{kind} {}", e.id);
            }
            for (path, v) in fields {
                let _ = writeln!(out, "{kind} {} {path} = {}", e.id, canonical(&v));
            }
        }
    }
    out
}

// ---- per direction ----

fn directions(
    old: &Document,
    new: &Document,
    records: &[DiffRecord],
    lang: Lang,
) -> Vec<DirectionSummary> {
    let mut order: Vec<String> = Vec::new();
    let mut titles: HashMap<String, String> = HashMap::new();
    for d in new.directions.iter().chain(&old.directions) {
        if !titles.contains_key(d.id.as_str()) {
            titles.insert(
                d.id.to_string(),
                crate::render::name(&d.title, lang, &d.id).to_owned(),
            );
            order.push(d.id.to_string());
        }
    }
    // the direction of each measure key, new document first
    let mut dir_of: HashMap<String, String> = HashMap::new();
    for doc in [new, old] {
        for e in entities(doc, "measure") {
            if let Some(d) = e.owner {
                dir_of.entry(e.key).or_insert(d);
            }
        }
    }
    let mut counts: HashMap<String, (u32, u32, u32)> = HashMap::new();
    let mut changed: HashSet<&str> = HashSet::new();
    let added_or_removed: HashSet<&str> = records
        .iter()
        .filter(|r| r.entity == "measure" && r.kind != DiffKind::Changed)
        .map(|r| r.id.as_str())
        .collect();
    for r in records {
        let measure = match r.entity.as_str() {
            "measure" => r.id.as_str(),
            "dependency" => r.id.split("->").next().unwrap_or(""),
            _ => continue,
        };
        let Some(d) = dir_of.get(measure) else {
            continue;
        };
        let c = counts.entry(d.clone()).or_default();
        match (r.entity.as_str(), r.kind) {
            ("measure", DiffKind::Added) => c.0 += 1,
            ("measure", DiffKind::Removed) => c.1 += 1,
            _ if !added_or_removed.contains(measure) && changed.insert(measure) => c.2 += 1,
            _ => {}
        }
        if !titles.contains_key(d.as_str()) {
            titles.insert(d.clone(), d.clone());
            order.push(d.clone());
        }
    }
    order
        .into_iter()
        .map(|d| {
            let (added, removed, changed) = counts.get(&d).copied().unwrap_or_default();
            DirectionSummary {
                title: titles.get(&d).cloned().unwrap_or_else(|| d.clone()),
                direction: d,
                added,
                removed,
                changed,
            }
        })
        .collect()
}

// ---- matrix ----

fn blocking_codes(s: &Strategy, need: Need, out: &mut Vec<String>) {
    for d in s.blocking(need) {
        let code = d.code.as_str().to_owned();
        if !out.contains(&code) {
            out.push(code);
        }
    }
}

fn matrix_changes(old: &Strategy, new: &Strategy) -> (Option<Vec<MatrixChange>>, Vec<String>) {
    let mut blocked = Vec::new();
    blocking_codes(old, Need::Cells, &mut blocked);
    blocking_codes(new, Need::Cells, &mut blocked);
    let (Ok(om), Ok(nm)) = (old.matrix(), new.matrix()) else {
        return (None, blocked);
    };
    let old_cells: HashMap<(&str, &str), &crate::matrix::Cell> = om
        .cells
        .iter()
        .map(|c| ((c.cluster.as_str(), c.module.as_str()), c))
        .collect();
    let new_cells: HashSet<(&str, &str)> = nm
        .cells
        .iter()
        .map(|c| (c.cluster.as_str(), c.module.as_str()))
        .collect();
    let mut out = Vec::new();
    let mut push = |cluster: &str,
                    module: &str,
                    o: Option<&crate::matrix::Cell>,
                    n: Option<&crate::matrix::Cell>| {
        let state = |c: Option<&crate::matrix::Cell>| c.map(|c| c.state);
        let measures = |c: Option<&crate::matrix::Cell>| c.map(|c| c.measures.clone());
        let (os, ns) = (state(o), state(n));
        let (om, nm) = (
            measures(o).unwrap_or_default(),
            measures(n).unwrap_or_default(),
        );
        let quiet = |s: Option<CellState>| matches!(s, None | Some(CellState::NotApplicable));
        // a cell that appears or disappears with its cluster or module says nothing unless
        // it is applicable
        // the measures are a set: their order follows the document's
        let same_measures = {
            let (mut a, mut b) = (om.clone(), nm.clone());
            a.sort_unstable();
            b.sort_unstable();
            a == b
        };
        if same_measures && (os == ns || (quiet(os) && quiet(ns))) {
            return;
        }
        out.push(MatrixChange {
            cluster: cluster.into(),
            module: module.into(),
            old_state: os,
            new_state: ns,
            old_measures: om,
            new_measures: nm,
        });
    };
    for c in &nm.cells {
        let o = old_cells
            .get(&(c.cluster.as_str(), c.module.as_str()))
            .copied();
        push(&c.cluster, &c.module, o, Some(c));
    }
    for c in &om.cells {
        if !new_cells.contains(&(c.cluster.as_str(), c.module.as_str())) {
            push(&c.cluster, &c.module, Some(c), None);
        }
    }
    (Some(out), blocked)
}

// ---- schedule ----

fn schedule_changes(
    old: &Strategy,
    new: &Strategy,
    opts: &ScheduleOptions,
) -> (Option<ScheduleChanges>, Vec<String>) {
    let mut blocked = Vec::new();
    blocking_codes(old, Need::Schedule, &mut blocked);
    blocking_codes(new, Need::Schedule, &mut blocked);
    if !blocked.is_empty() {
        return (None, blocked);
    }
    let both = old
        .schedule(opts)
        .and_then(|o| new.schedule(opts).map(|n| (o, n)))
        .and_then(|(o, n)| compare_schedules(&o, &n));
    match both {
        Ok(c) => (Some(c), blocked),
        Err(e) => (None, vec![e.code().to_owned()]),
    }
}

fn days_between(a: Date, b: Date) -> i64 {
    crate::dates::day_number(b) - crate::dates::day_number(a)
}

fn compare_schedules(o: &Schedule, n: &Schedule) -> Result<ScheduleChanges> {
    let (finish_before, finish_after) = (o.finish_date()?, n.finish_date()?);
    let o_crit: HashSet<&str> = o.critical_ids().into_iter().collect();
    let n_crit: HashSet<&str> = n.critical_ids().into_iter().collect();
    let critical_added = n
        .critical_ids()
        .into_iter()
        .filter(|id| !o_crit.contains(id))
        .map(str::to_owned)
        .collect();
    let critical_removed = o
        .critical_ids()
        .into_iter()
        .filter(|id| !n_crit.contains(id))
        .map(str::to_owned)
        .collect();
    let o_late: HashSet<&str> = o
        .infeasible_deadlines()
        .iter()
        .map(|d| d.id.as_str())
        .collect();
    let n_late: HashSet<&str> = n
        .infeasible_deadlines()
        .iter()
        .map(|d| d.id.as_str())
        .collect();
    let change = |d: &crate::schedule::InfeasibleDeadline| DeadlineChange {
        id: d.id.clone(),
        deadline: d.deadline,
        days_late: d.days_late,
    };
    let deadlines_newly_missed = n
        .infeasible_deadlines()
        .iter()
        .filter(|d| !o_late.contains(d.id.as_str()))
        .map(change)
        .collect();
    let deadlines_newly_met = o
        .infeasible_deadlines()
        .iter()
        .filter(|d| !n_late.contains(d.id.as_str()) && n.row(&d.id).is_some())
        .map(change)
        .collect();
    let o_rows: HashMap<&str, usize> = o
        .ids
        .iter()
        .enumerate()
        .map(|(k, id)| (id.as_str(), k))
        .collect();
    let (o_recs, n_recs) = (o.records()?, n.records()?);
    let mut shifts = Vec::new();
    for nr in &n_recs {
        let Some(&k) = o_rows.get(nr.id.as_str()) else {
            continue;
        };
        let or = &o_recs[k];
        if or.early_start_date != nr.early_start_date
            || or.early_finish_date != nr.early_finish_date
        {
            shifts.push(MeasureShift {
                id: nr.id.clone(),
                start_before: or.early_start_date,
                start_after: nr.early_start_date,
                finish_before: or.early_finish_date,
                finish_after: nr.early_finish_date,
                finish_shift_days: days_between(or.early_finish_date, nr.early_finish_date),
            });
        }
    }
    Ok(ScheduleChanges {
        finish_before,
        finish_after,
        finish_shift_days: days_between(finish_before, finish_after),
        critical_added,
        critical_removed,
        deadlines_newly_missed,
        deadlines_newly_met,
        shifts,
    })
}

// ---- indicator targets ----

fn indicator_targets(old: &Document, new: &Document, lang: Lang) -> Vec<TargetChange> {
    let (olds, news) = (entities(old, "indicator"), entities(new, "indicator"));
    let old_by: HashMap<&str, usize> = olds
        .iter()
        .enumerate()
        .map(|(k, e)| (e.key.as_str(), k))
        .collect();
    let new_keys: HashSet<&str> = news.iter().map(|e| e.key.as_str()).collect();
    // entity k of a kind is the k-th indicator of its document
    let mut out = Vec::new();
    let mut compare = |key: &str, o: Option<usize>, n: Option<usize>| {
        let targets = |doc: &Document, k: Option<usize>| -> Vec<(i32, f64)> {
            k.and_then(|k| doc.indicators.get(k))
                .map(|i| i.targets.iter().map(|t| (t.year, t.value)).collect())
                .unwrap_or_default()
        };
        let (ot, nt) = (targets(old, o), targets(new, n));
        let mut years: Vec<i32> = ot.iter().chain(&nt).map(|t| t.0).collect();
        years.sort_unstable();
        years.dedup();
        let name = n
            .and_then(|k| new.indicators.get(k))
            .or_else(|| o.and_then(|k| old.indicators.get(k)))
            .map(|i| crate::render::name(&i.name, lang, key).to_owned())
            .unwrap_or_else(|| key.to_owned());
        for y in years {
            let at = |ts: &[(i32, f64)]| ts.iter().find(|t| t.0 == y).map(|t| t.1);
            let (ov, nv) = (at(&ot), at(&nt));
            if ov != nv {
                out.push(TargetChange {
                    indicator: key.to_owned(),
                    name: name.clone(),
                    year: y,
                    old: ov,
                    new: nv,
                });
            }
        }
    };
    for (k, e) in news.iter().enumerate() {
        compare(&e.key, old_by.get(e.key.as_str()).copied(), Some(k));
    }
    for (k, e) in olds.iter().enumerate() {
        if !new_keys.contains(e.key.as_str()) {
            compare(&e.key, Some(k), None);
        }
    }
    out
}
