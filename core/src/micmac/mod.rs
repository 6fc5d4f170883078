//! MICMAC structural analysis (Godet): which measures, directions or modules drive the others.
//!
//! **The direct matrix** `M` is square over the entities of one [`MicmacLevel`], in document
//! order; `M[i][j]` is the influence of `i` on `j`, an intensity 0 (none), 1 (weak),
//! 2 (moderate) or 3 (strong), as MICMAC practitioners score it. The diagonal is zero. It comes
//! from the plan, from a table of [`Influence`]s given as the argument
//! [`MicmacOptions::influences`], or — without that argument — from the document's scored
//! `influences` of the level when it has any (entries validation finds fault with left out):
//!
//! - `measure`: a prerequisite influences its dependent, intensity 1 per dependency — an
//!   explicit `depends_on` entry or a dependency derived from a module requirement (counted
//!   through the graph's junctions, never expanded). A dependency is one fact of unknown
//!   strength, so the matrix is Godet's original binary one (two dependencies between the same
//!   pair count twice; self-dependencies are left out).
//! - `direction`: the measure-level dependencies counted between the measures of two
//!   different directions (`c` of them from `A` to `B`), then scored relative to the strongest
//!   link `cmax` of the plan: intensity `⌈3·c / cmax⌉`, so the strongest links are 3, links
//!   up to a third of it are 1 and those up to two thirds are 2. Counts aggregate many facts,
//!   so they carry a strength, and MICMAC scores are relative judgements on a 0–3 scale.
//! - `module`: module `B` requiring module `A` makes `A` influence `B`, intensity 1 per
//!   (distinct) requirement. Requirements naming unknown modules are skipped (validation reports
//!   them).
//!
//! **Direct influence** of `i` is the row sum of `M`, **dependence** the column sum.
//!
//! **Indirect influence and dependence** are the row and column sums of the power `M^k`: paths
//! of length `k`, weighted by the product of their intensities. They are computed as vector
//! iterations over the sparse matrix (`v ← M·v` and `d ← Mᵀ·d` from a vector of ones), O(k·E)
//! and never a dense matrix. `k` starts at 2 and grows until the rankings by influence and by
//! dependence are the same for `M^k` as for `M^(k-1)` ([`MicmacStop::Stable`]), until `M^k`
//! is zero (an acyclic plan has no path longer than its deepest chain: the last non-zero power
//! is kept, [`MicmacStop::NoLongerPaths`]), or at [`MICMAC_MAX_POWER`]
//! ([`MicmacStop::MaxPower`]). Sums are `f64`, exact up to 2⁵³ and computed in one fixed order
//! everywhere, so the results are the same bytes on every run and platform.
//!
//! **Rankings** are 1 for the largest value; ties go to document order. `displacement` is
//! `rank_influence − rank_indirect_influence`: positive when the indirect ranking moves the
//! entity up.
//!
//! **Quadrants** (the axes of the MICMAC influence/dependence map are at the means): an entity
//! is *high* on an axis when its value is strictly above the mean over all entities of the
//! level (points on an axis count as low, so a plan without links is all autonomous).
//! Influential: high influence, low dependence; relay: both high; dependent: low influence,
//! high dependence; autonomous: both low. `indirect_quadrant` uses the indirect values and
//! their means. `docs/micmac.md` has the definitions and sources.
//!
//! ```
//! use eculture::{Influence, MicmacLevel, MicmacOptions, Quadrant, Strategy};
//!
//! let s = Strategy::e_culture();
//! let by_direction = MicmacOptions { level: MicmacLevel::Direction, influences: None };
//! let r = s.micmac(&by_direction).unwrap();
//! assert_eq!(r.records.len(), s.document().directions.len());
//! let drivers: Vec<&str> = r.in_quadrant(Quadrant::Influential).map(|x| x.id.as_str()).collect();
//! assert!(!drivers.is_empty());
//! // a scored table instead of the plan's dependencies
//! let d: Vec<String> = s.document().directions.iter().map(|d| d.id.to_string()).collect();
//! let table = vec![Influence { from: d[0].clone(), to: d[1].clone(), intensity: 3 }];
//! let opts = MicmacOptions { level: MicmacLevel::Direction, influences: Some(table) };
//! let r = s.micmac(&opts).unwrap();
//! assert_eq!(r.records[0].influence, 3);
//! assert!(s.micmac_svg(&opts, &Default::default()).unwrap().starts_with("<svg"));
//! ```

use std::collections::{BTreeMap, HashMap};

use serde::{Deserialize, Serialize};

use crate::error::{ArgumentError, Result};
use crate::graph::DepGraph;
use crate::strategy::Strategy;
use crate::validate::Need;

pub mod svg;

/// The highest power of the direct matrix tried for the indirect influences.
pub const MICMAC_MAX_POWER: u32 = 12;
/// Above this many entities the map draws only the most influential ones (it says so).
pub const MICMAC_MAX_POINTS: usize = 400;
/// The map labels at most this many points, the most influential (it says so).
pub const MICMAC_MAX_LABELS: usize = 30;

pub use crate::model::MicmacLevel;

/// One scored influence: `from` influences `to` with `intensity` 0–3 (ids of the level's
/// entities).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub struct Influence {
    /// The influencing entity.
    pub from: String,
    /// The influenced entity.
    pub to: String,
    /// 0 none, 1 weak, 2 moderate, 3 strong.
    pub intensity: u8,
}

/// Options of [`Strategy::micmac`]. Every field has a default; unknown fields are errors.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub struct MicmacOptions {
    /// The entities: `measure` (default), `direction` or `module`.
    pub level: MicmacLevel,
    /// A scored influence table replacing the matrix derived from the plan. Each pair at most
    /// once, no entity on itself, intensities 0–3, ids of the level's entities.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "wasm", tsify(optional))]
    pub influences: Option<Vec<Influence>>,
}

/// A MICMAC quadrant (see the module documentation for the thresholds).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub enum Quadrant {
    /// High influence, low dependence: drives the system.
    Influential,
    /// High influence and high dependence: passes effects on (unstable).
    Relay,
    /// Low influence, high dependence: results of the others.
    Dependent,
    /// Low influence, low dependence: loosely connected.
    Autonomous,
}

impl Quadrant {
    /// `influential`, `relay`, `dependent` or `autonomous`.
    pub fn as_str(self) -> &'static str {
        match self {
            Quadrant::Influential => "influential",
            Quadrant::Relay => "relay",
            Quadrant::Dependent => "dependent",
            Quadrant::Autonomous => "autonomous",
        }
    }

    fn of(influence: f64, dependence: f64, mean_influence: f64, mean_dependence: f64) -> Self {
        match (influence > mean_influence, dependence > mean_dependence) {
            (true, false) => Quadrant::Influential,
            (true, true) => Quadrant::Relay,
            (false, true) => Quadrant::Dependent,
            (false, false) => Quadrant::Autonomous,
        }
    }
}

/// Why the powers stopped.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub enum MicmacStop {
    /// The rankings of `M^power` are those of `M^(power-1)`.
    Stable,
    /// `M^(power+1)` is zero: no path is longer than `power` (or the matrix is empty).
    NoLongerPaths,
    /// [`MICMAC_MAX_POWER`] was reached with the rankings still moving.
    MaxPower,
}

impl MicmacStop {
    /// `stable`, `no_longer_paths` or `max_power`.
    pub fn as_str(self) -> &'static str {
        match self {
            MicmacStop::Stable => "stable",
            MicmacStop::NoLongerPaths => "no_longer_paths",
            MicmacStop::MaxPower => "max_power",
        }
    }
}

/// One entity's MICMAC figures.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub struct MicmacRecord {
    /// The entity's id.
    pub id: String,
    /// Row sum of the direct matrix.
    pub influence: u64,
    /// Column sum of the direct matrix.
    pub dependence: u64,
    /// Row sum of `M^power`.
    pub indirect_influence: f64,
    /// Column sum of `M^power`.
    pub indirect_dependence: f64,
    /// Quadrant by the direct values.
    pub quadrant: Quadrant,
    /// Quadrant by the indirect values.
    pub indirect_quadrant: Quadrant,
    /// 1 = most influential (direct); ties by document order.
    pub rank_influence: u32,
    /// 1 = most dependent (direct).
    pub rank_dependence: u32,
    /// 1 = most influential (indirect).
    pub rank_indirect_influence: u32,
    /// 1 = most dependent (indirect).
    pub rank_indirect_dependence: u32,
    /// `rank_influence − rank_indirect_influence`: positive when the indirect ranking moves
    /// the entity up.
    pub displacement: i64,
}

/// The result of [`Strategy::micmac`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "wasm", tsify(rename = "MicmacData"))]
pub struct Micmac {
    /// The entities' level.
    pub level: MicmacLevel,
    /// True when the matrix came from a scored table ([`MicmacOptions::influences`] or the
    /// document's `influences`), false when from the plan.
    pub from_table: bool,
    /// The power `k` of `M^k` behind the indirect values (1 when the matrix has no path of
    /// length 2).
    pub power: u32,
    /// Why the powers stopped at `power`.
    pub stop: MicmacStop,
    /// Non-zero entries of the direct matrix (measure level: dependencies).
    pub links: u64,
    /// Mean direct influence (= mean dependence: both are the matrix total over the count).
    pub mean_influence: f64,
    /// Mean direct dependence.
    pub mean_dependence: f64,
    /// Mean indirect influence.
    pub mean_indirect_influence: f64,
    /// Mean indirect dependence.
    pub mean_indirect_dependence: f64,
    /// One record per entity, in document order.
    pub records: Vec<MicmacRecord>,
}

impl Micmac {
    /// The records in one quadrant (direct), in document order.
    pub fn in_quadrant(&self, q: Quadrant) -> impl Iterator<Item = &MicmacRecord> {
        self.records.iter().filter(move |r| r.quadrant == q)
    }
}

/// A sparse weighted matrix in both directions.
#[derive(Debug, Default)]
struct Csr {
    out_off: Vec<usize>,
    out_to: Vec<u32>,
    out_w: Vec<f64>,
    in_off: Vec<usize>,
    in_from: Vec<u32>,
    in_w: Vec<f64>,
}

impl Csr {
    /// From entries sorted by (from, to), without duplicates or zeros.
    fn build(n: usize, entries: &BTreeMap<(u32, u32), u8>) -> Csr {
        let mut out_off = vec![0usize; n + 1];
        let mut in_off = vec![0usize; n + 1];
        for &(f, t) in entries.keys() {
            out_off[f as usize + 1] += 1;
            in_off[t as usize + 1] += 1;
        }
        for i in 0..n {
            out_off[i + 1] += out_off[i];
            in_off[i + 1] += in_off[i];
        }
        let m = entries.len();
        let (mut out_to, mut out_w) = (Vec::with_capacity(m), Vec::with_capacity(m));
        let (mut in_from, mut in_w) = (vec![0u32; m], vec![0.0; m]);
        let mut fill = in_off.clone();
        for (&(f, t), &w) in entries {
            out_to.push(t);
            out_w.push(f64::from(w));
            let slot = &mut fill[t as usize];
            in_from[*slot] = f;
            in_w[*slot] = f64::from(w);
            *slot += 1;
        }
        Csr {
            out_off,
            out_to,
            out_w,
            in_off,
            in_from,
            in_w,
        }
    }
}

/// A sum from `+0.0` (`Iterator::sum` of nothing is `-0.0`, which JSON would write as `-0.0`
/// in Rust and Python and `0` in JavaScript).
fn total(values: impl Iterator<Item = f64>) -> f64 {
    values.fold(0.0, |a, b| a + b)
}

/// The direct matrix: a small weighted one, or the plan's dependency graph read as a binary
/// matrix over the measures (junctions summed through, never expanded).
enum Operator<'a> {
    Weighted(Csr),
    Plan(&'a DepGraph),
}

impl Operator<'_> {
    /// `M·v` (`rows`) or `Mᵀ·v` (columns), in one fixed order of operations.
    fn apply(&self, v: &[f64], rows: bool) -> Vec<f64> {
        match self {
            Operator::Weighted(c) => {
                let (off, other, w) = if rows {
                    (&c.out_off, &c.out_to, &c.out_w)
                } else {
                    (&c.in_off, &c.in_from, &c.in_w)
                };
                (0..v.len())
                    .map(|i| total((off[i]..off[i + 1]).map(|e| w[e] * v[other[e] as usize])))
                    .collect()
            }
            Operator::Plan(g) => {
                let n = g.measure_count();
                let next = |x: u32| {
                    if rows {
                        g.successors(x)
                    } else {
                        g.predecessors(x)
                    }
                };
                // a junction's value: the sum over the measures on its far side (producers
                // and consumers of one cell never overlap, so no self-pair goes through it)
                let junction: Vec<f64> = (n..g.node_count())
                    .map(|j| total(next(j as u32).iter().map(|&c| v[c as usize])))
                    .collect();
                (0..n as u32)
                    .map(|i| {
                        total(next(i).iter().filter(|&&s| s != i).map(|&s| {
                            if g.is_measure(s) {
                                v[s as usize]
                            } else {
                                junction[s as usize - n]
                            }
                        }))
                    })
                    .collect()
            }
        }
    }

    /// Non-zero entries.
    fn links(&self) -> u64 {
        match self {
            Operator::Weighted(c) => c.out_to.len() as u64,
            Operator::Plan(g) => {
                let ones = vec![1.0; g.measure_count()];
                self.apply(&ones, true).iter().sum::<f64>() as u64
            }
        }
    }
}

/// Indices by value, largest first, ties by index.
fn order(v: &[f64]) -> Vec<u32> {
    let mut o: Vec<u32> = (0..v.len() as u32).collect();
    o.sort_by(|&a, &b| v[b as usize].total_cmp(&v[a as usize]).then(a.cmp(&b)));
    o
}

/// True when `o` is still the order of `v` (a linear check: consecutive pairs).
fn still_ordered(o: &[u32], v: &[f64]) -> bool {
    o.windows(2).all(|w| {
        let (a, b) = (w[0], w[1]);
        v[b as usize]
            .total_cmp(&v[a as usize])
            .then(a.cmp(&b))
            .is_lt()
    })
}

/// Ranks (1 = first) from an order.
fn ranks(o: &[u32]) -> Vec<u32> {
    let mut r = vec![0u32; o.len()];
    for (k, &i) in o.iter().enumerate() {
        r[i as usize] = k as u32 + 1;
    }
    r
}

fn mean(v: &[f64]) -> f64 {
    if v.is_empty() {
        0.0
    } else {
        total(v.iter().copied()) / v.len() as f64
    }
}

/// The whole analysis on a direct matrix over `ids`.
fn analyse(level: MicmacLevel, from_table: bool, ids: Vec<String>, op: &Operator<'_>) -> Micmac {
    let n = ids.len();
    let ones = vec![1.0; n];
    let influence = op.apply(&ones, true);
    let dependence = op.apply(&ones, false);
    let (mut ord_i, mut ord_d) = (order(&influence), order(&dependence));
    let (rank_i, rank_d) = (ranks(&ord_i), ranks(&ord_d));
    let (mut vi, mut vd) = (influence.clone(), dependence.clone());
    let mut power = 1;
    let mut stop = MicmacStop::NoLongerPaths;
    if influence.iter().any(|&x| x > 0.0) {
        stop = MicmacStop::MaxPower;
        for k in 2..=MICMAC_MAX_POWER {
            let ni = op.apply(&vi, true);
            if ni.iter().all(|&x| x == 0.0) {
                stop = MicmacStop::NoLongerPaths;
                break;
            }
            let nd = op.apply(&vd, false);
            let same_i = still_ordered(&ord_i, &ni);
            let same_d = still_ordered(&ord_d, &nd);
            vi = ni;
            vd = nd;
            power = k;
            if same_i && same_d {
                stop = MicmacStop::Stable;
                break;
            }
            if !same_i {
                ord_i = order(&vi);
            }
            if !same_d {
                ord_d = order(&vd);
            }
        }
    }
    let (rank_ii, rank_id) = (ranks(&ord_i), ranks(&ord_d));
    let (mi, md) = (mean(&influence), mean(&dependence));
    let (mii, mid) = (mean(&vi), mean(&vd));
    let records = ids
        .into_iter()
        .enumerate()
        .map(|(k, id)| MicmacRecord {
            id,
            influence: influence[k] as u64,
            dependence: dependence[k] as u64,
            indirect_influence: vi[k],
            indirect_dependence: vd[k],
            quadrant: Quadrant::of(influence[k], dependence[k], mi, md),
            indirect_quadrant: Quadrant::of(vi[k], vd[k], mii, mid),
            rank_influence: rank_i[k],
            rank_dependence: rank_d[k],
            rank_indirect_influence: rank_ii[k],
            rank_indirect_dependence: rank_id[k],
            displacement: i64::from(rank_i[k]) - i64::from(rank_ii[k]),
        })
        .collect();
    Micmac {
        level,
        from_table,
        power,
        stop,
        links: op.links(),
        mean_influence: mi,
        mean_dependence: md,
        mean_indirect_influence: mii,
        mean_indirect_dependence: mid,
        records,
    }
}

/// Index of each id, first occurrence wins.
fn first_index<'a>(ids: impl Iterator<Item = &'a str>) -> HashMap<&'a str, u32> {
    let mut map = HashMap::new();
    for (k, id) in ids.enumerate() {
        map.entry(id).or_insert(k as u32);
    }
    map
}

impl Strategy {
    /// The ids of a level's entities, in document order.
    fn micmac_ids(&self, level: MicmacLevel) -> Vec<String> {
        let doc = self.document();
        match level {
            MicmacLevel::Measure => doc.measures.iter().map(|m| m.id.to_string()).collect(),
            MicmacLevel::Direction => doc.directions.iter().map(|d| d.id.to_string()).collect(),
            MicmacLevel::Module => doc.modules.iter().map(|m| m.id.to_string()).collect(),
        }
    }

    /// MICMAC structural analysis: direct and indirect influence and dependence of every
    /// measure, direction or module, their rankings, quadrants and displacement (see the
    /// [module documentation](crate::micmac) for the matrix, the powers and the thresholds).
    ///
    /// From the plan, needs the dependency graph (cycles allowed); with
    /// [`MicmacOptions::influences`] only the ids. Errors: an [`ArgumentError`] for an
    /// influence naming an unknown id (with "did you mean"), an intensity above 3, a pair
    /// given twice or an entity influencing itself; for the direction level, when module
    /// requirements would have to be expanded beyond
    /// [`crate::MAX_EXPANDED_DEPENDENCIES`] direction pairs.
    pub fn micmac(&self, opts: &MicmacOptions) -> Result<Micmac> {
        let level = opts.level;
        if let Some(table) = &opts.influences {
            let entries = self.micmac_table(level, table)?;
            let ids = self.micmac_ids(level);
            let op = Operator::Weighted(Csr::build(ids.len(), &entries));
            return Ok(analyse(level, true, ids, &op));
        }
        let scored = crate::validate::influences::usable(self.document(), level);
        if !scored.is_empty() {
            let ids = self.micmac_ids(level);
            let index = first_index(ids.iter().map(String::as_str));
            let entries: BTreeMap<(u32, u32), u8> = scored
                .iter()
                .filter(|e| e.intensity > 0)
                .filter_map(|e| {
                    Some((
                        (*index.get(e.from.as_str())?, *index.get(e.to.as_str())?),
                        e.intensity,
                    ))
                })
                .collect();
            let op = Operator::Weighted(Csr::build(ids.len(), &entries));
            return Ok(analyse(level, true, ids, &op));
        }
        match level {
            MicmacLevel::Measure => {
                let g = self.graph()?;
                Ok(analyse(
                    level,
                    false,
                    self.micmac_ids(level),
                    &Operator::Plan(g),
                ))
            }
            MicmacLevel::Direction => {
                let entries = self.micmac_directions()?;
                let ids = self.micmac_ids(level);
                let op = Operator::Weighted(Csr::build(ids.len(), &entries));
                Ok(analyse(level, false, ids, &op))
            }
            MicmacLevel::Module => {
                self.require(Need::Graph)?;
                let doc = self.document();
                let index = first_index(doc.modules.iter().map(|m| m.id.as_str()));
                let mut entries = BTreeMap::new();
                for (b, m) in doc.modules.iter().enumerate() {
                    for r in &m.requires {
                        if let Some(&a) = index.get(r.module.as_str())
                            && a as usize != b
                        {
                            entries.insert((a, b as u32), 1u8);
                        }
                    }
                }
                let ids = self.micmac_ids(level);
                let op = Operator::Weighted(Csr::build(ids.len(), &entries));
                Ok(analyse(level, false, ids, &op))
            }
        }
    }

    /// The influence table read against the level's ids.
    fn micmac_table(
        &self,
        level: MicmacLevel,
        table: &[Influence],
    ) -> Result<BTreeMap<(u32, u32), u8>> {
        let doc = self.document();
        let (what, ids): (&str, Vec<&str>) = match level {
            MicmacLevel::Measure => (
                "measure",
                doc.measures.iter().map(|m| m.id.as_str()).collect(),
            ),
            MicmacLevel::Direction => (
                "direction",
                doc.directions.iter().map(|d| d.id.as_str()).collect(),
            ),
            MicmacLevel::Module => (
                "module",
                doc.modules.iter().map(|m| m.id.as_str()).collect(),
            ),
        };
        let index = first_index(ids.iter().copied());
        let find = |id: &str, path: String| -> Result<u32> {
            index.get(id).copied().ok_or_else(|| {
                ArgumentError::at(crate::suggest::unknown(what, id, ids.iter().copied()), path)
                    .into()
            })
        };
        let mut entries = BTreeMap::new();
        for (k, inf) in table.iter().enumerate() {
            let from = find(&inf.from, format!("influences[{k}].from"))?;
            let to = find(&inf.to, format!("influences[{k}].to"))?;
            if inf.intensity > 3 {
                return Err(ArgumentError::at(
                    format!(
                        "intensity {} of `{}` on `{}` is not 0 (none), 1 (weak), 2 (moderate) or 3 (strong)",
                        inf.intensity, inf.from, inf.to
                    ),
                    format!("influences[{k}].intensity"),
                )
                .into());
            }
            if from == to {
                return Err(ArgumentError::at(
                    format!(
                        "`{}` influences itself: the diagonal of the MICMAC matrix is zero",
                        inf.from
                    ),
                    format!("influences[{k}].to"),
                )
                .into());
            }
            if entries.contains_key(&(from, to)) {
                return Err(ArgumentError::at(
                    format!(
                        "the influence of `{}` on `{}` is given twice",
                        inf.from, inf.to
                    ),
                    format!("influences[{k}]"),
                )
                .into());
            }
            entries.insert((from, to), inf.intensity);
        }
        // intensity 0 entries were checked; they are not links
        entries.retain(|_, w| *w > 0);
        Ok(entries)
    }

    /// Direction-level matrix: measure dependencies counted between directions, scored
    /// `⌈3·c / cmax⌉`.
    fn micmac_directions(&self) -> Result<BTreeMap<(u32, u32), u8>> {
        let g = self.graph()?;
        let doc = self.document();
        let index = first_index(doc.directions.iter().map(|d| d.id.as_str()));
        let dir: Vec<Option<u32>> = doc
            .measures
            .iter()
            .map(|m| index.get(m.direction.as_str()).copied())
            .collect();
        let n = g.measure_count();
        let mut counts: BTreeMap<(u32, u32), u64> = BTreeMap::new();
        let mut add = |a: Option<u32>, b: Option<u32>, c: u64| {
            if let (Some(a), Some(b)) = (a, b)
                && a != b
            {
                *counts.entry((a, b)).or_insert(0) += c;
            }
        };
        for i in 0..n as u32 {
            for &s in g.successors(i) {
                if g.is_measure(s) && s != i {
                    add(dir[i as usize], dir[s as usize], 1);
                }
            }
        }
        let mut budget = crate::strategy::MAX_EXPANDED_DEPENDENCIES;
        for j in n as u32..g.node_count() as u32 {
            let histogram = |side: &[u32]| {
                let mut h: BTreeMap<u32, u64> = BTreeMap::new();
                for &m in side {
                    if let Some(Some(d)) = dir.get(m as usize) {
                        *h.entry(*d).or_insert(0) += 1;
                    }
                }
                h
            };
            let (hp, hc) = (histogram(g.predecessors(j)), histogram(g.successors(j)));
            let pairs = hp.len().saturating_mul(hc.len());
            if pairs > budget {
                return Err(ArgumentError::at(
                    format!(
                        "the module requirements link more than {} pairs of directions; \
                         give the direction-level influences as a table instead",
                        crate::strategy::MAX_EXPANDED_DEPENDENCIES
                    ),
                    "level",
                )
                .into());
            }
            budget -= pairs;
            for (&a, &ca) in &hp {
                for (&b, &cb) in &hc {
                    add(Some(a), Some(b), ca.saturating_mul(cb));
                }
            }
        }
        let cmax = counts.values().copied().max().unwrap_or(0);
        Ok(counts
            .into_iter()
            .map(|(k, c)| {
                let w = (3u128 * u128::from(c)).div_ceil(u128::from(cmax)).min(3) as u8;
                (k, w)
            })
            .collect())
    }
}
