//! Redundant dependencies: explicit `depends_on` entries that the other relations imply for
//! every duration, so that removing them changes no date.
//!
//! **The rule.** Every node has two event points, its start `S` and its finish `F`. A relation
//! `p → s` with lag `L` is a constraint between one point of `p` and one of `s`: FS
//! `S(s) ≥ F(p) + L`, SS `S(s) ≥ S(p) + L`, FF `F(s) ≥ F(p) + L`, SF `F(s) ≥ S(p) + L`. Inside
//! a measure `F ≥ S` (its duration is not negative), so a path may step from a measure's start to
//! its finish with weight 0, never back; a junction has no duration, so its start is its finish.
//! An explicit edge is redundant when another path of relations (explicit or derived from module
//! requirements) from the edge's point of `p` to its point of `s` has a total lag of at least
//! `L`: then the edge's constraint holds whatever the durations are. The slack reported is that
//! total lag minus `L`. Parallel entries are paths too: of two identical entries the later one
//! is redundant.
//!
//! **Algorithm.** A necessary condition is that `s` is reachable from another successor of `p`
//! (or that another edge `p → s` exists). Reachability is computed target block by target
//! block: nodes are taken in topological order and targets in blocks of [`BLOCK`] consecutive
//! positions; for one block a single reverse pass over the nodes before the block's end gives
//! every node a bitset of the block targets it reaches (`mask(v) = own bit | OR of the
//! successors' masks`), and each candidate edge into the block is tested against its siblings'
//! masks. Nodes after the block cannot reach it and are skipped. Time O((V + E) · V / 64) word
//! operations in the worst case, memory O(V · BLOCK / 64) words: no transitive closure is ever
//! materialised.
//!
//! When every edge is finish-to-start without lag, reachability is the whole answer (every path
//! has total lag 0). Otherwise a second set of masks follows the FS relations without lag only:
//! an entry without lag or with a lead that passes on them is redundant at once. Parallel
//! relations are compared directly. Each remaining candidate that passes the reachability test
//! is decided by a longest-path search over the event points of the nodes that lie between `p`
//! and `s` (reached from `p` and reaching `s`, read off the block's masks), O(R log R) for R
//! such nodes. These searches share one budget of
//! [`SEARCH_BUDGET`] node and edge visits plus 8 per node and edge of the graph; past it the
//! remaining candidates are kept (never reported without proof) and the result says it is not
//! complete. The implying path is listed up to [`MAX_PATH_MEASURES`] measures; following a path
//! without lag along the masks costs at most [`SEARCH_BUDGET`] + 4 · (V + E) visits in all.

use serde::{Deserialize, Serialize};

use super::cpm;
use crate::error::Result;
use crate::graph::{DepGraph, EdgeOrigin};
use crate::model::RelationType;
use crate::strategy::Strategy;

/// Targets per block (a multiple of 64).
const BLOCK: usize = 256;
const WORDS: usize = BLOCK / 64;

/// Measures listed at most in one implying path ([`RedundantDependency::implied_by`]).
pub const MAX_PATH_MEASURES: usize = 16;

/// Node and edge visits the longest-path searches of one call may make beyond 8 per node and
/// edge of the graph (plans with lags or SS/FF/SF relations); the same figure bounds the walks
/// that list implying paths beyond 4 per node and edge.
pub const SEARCH_BUDGET: u64 = 20_000_000;

/// Why a dependency is redundant.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub enum RedundancyReason {
    /// Another chain of dependencies already leads from the prerequisite to the measure.
    ImpliedByPath,
    /// The same prerequisite is listed again in `depends_on` with a relation that implies this
    /// one (an identical entry: the later one is redundant).
    Duplicate,
    /// A module requirement already makes the measure wait for the prerequisite.
    ImpliedByRequirement,
}

/// A `depends_on` entry that other dependencies already imply.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "wasm", tsify(missing_as_null))]
pub struct RedundantDependency {
    /// The dependent measure.
    pub measure: String,
    /// The prerequisite listed in its `depends_on`.
    pub prerequisite: String,
    /// Where: `measures[i].depends_on[j]`.
    pub path: String,
    /// Relation type (`FS`, `SS`, `FF`, `SF`).
    pub relation: String,
    /// Lag in days.
    pub lag_days: i64,
    /// Why it is redundant.
    pub reason: RedundancyReason,
    /// For [`RedundancyReason::ImpliedByPath`]: the first measure after the prerequisite on
    /// the implying path (`implied_by[1]`).
    pub via: Option<String>,
    /// The implying path: measure ids from the prerequisite to the measure (module
    /// requirements' junctions left out), at most [`MAX_PATH_MEASURES`] of them.
    pub implied_by: Vec<String>,
    /// True when `implied_by` stops before the measure (longer than [`MAX_PATH_MEASURES`], or
    /// the walk's budget ran out).
    pub implied_by_truncated: bool,
    /// How many days the path's constraint exceeds this entry's: the path's total lag minus
    /// `lag_days` (≥ 0).
    pub slack_days: i64,
}

/// Every redundant dependency of a plan, and whether every candidate was examined.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub struct Redundancy {
    /// The redundant entries, by measure then entry.
    pub dependencies: Vec<RedundantDependency>,
    /// False when the search budget ([`SEARCH_BUDGET`]) ran out: some entries that other
    /// relations might imply were kept without being examined (never the other way round).
    pub complete: bool,
}

/// One redundant explicit edge.
#[derive(Debug, Clone)]
pub(crate) struct Found {
    pub edge: u32,
    pub reason: RedundancyReason,
    /// Nodes of the implying path from the prerequisite (junctions included); ends at the
    /// measure unless `truncated`.
    pub path: Vec<u32>,
    pub truncated: bool,
    pub slack: i64,
}

/// A node's event point.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Pt {
    S,
    F,
}

/// The points a relation joins: (point of the prerequisite, point of the dependent).
fn points(kind: RelationType) -> (Pt, Pt) {
    match kind {
        RelationType::FS => (Pt::F, Pt::S),
        RelationType::SS => (Pt::S, Pt::S),
        RelationType::FF => (Pt::F, Pt::F),
        RelationType::SF => (Pt::S, Pt::F),
    }
}

const NONE: i64 = i64::MIN / 4;

/// How a point got its best value: from a point of a predecessor over an edge, or from the
/// other point of the same node.
#[derive(Debug, Clone, Copy)]
enum Back {
    None,
    Edge { from: u32, pt: Pt, edge: u32 },
    Inner,
}

/// Scratch of the longest-path searches, allocated once per call.
struct Search {
    stamp: Vec<u32>,
    cur: u32,
    /// Best total lag at (S, F) of each node.
    d: Vec<[i64; 2]>,
    back: Vec<[Back; 2]>,
    region: Vec<u32>,
    stack: Vec<u32>,
    budget: u64,
}

fn ix(p: Pt) -> usize {
    match p {
        Pt::S => 0,
        Pt::F => 1,
    }
}

impl Search {
    /// Longest path from `e`'s point of `p` to its point of `s` not using `e` (nor an identical
    /// explicit entry listed after it), over the nodes that `reaches(_, s)`: the path's nodes,
    /// its slack and its first edge. `Some(None)`: no path implies the edge; `None`: out of
    /// budget.
    fn run(
        &mut self,
        g: &DepGraph,
        pos: &[u32],
        e: u32,
        p: u32,
        s: u32,
        reaches: &dyn Fn(u32) -> bool,
    ) -> Option<Option<(Vec<u32>, i64, u32)>> {
        let (pp, qp) = points(g.edge_kind(e));
        let lag = i64::from(g.edge_lag(e));
        let entry_of = |x: u32| match g.edge_origin(x) {
            EdgeOrigin::Explicit { entry, .. } => Some(entry),
            EdgeOrigin::Derived { .. } => None,
        };
        let my_entry = entry_of(e);
        let excluded = |x: u32| {
            x == e
                || (g.edge_kind(x) == g.edge_kind(e)
                    && g.edge_lag(x) == g.edge_lag(e)
                    && matches!((entry_of(x), my_entry), (Some(a), Some(b)) if a > b))
        };
        self.cur = self.cur.wrapping_add(1);
        if self.cur == 0 {
            self.stamp.iter_mut().for_each(|x| *x = 0);
            self.cur = 1;
        }
        let cur = self.cur;
        // the region: nodes reached from p that reach s
        self.region.clear();
        self.stack.clear();
        self.stack.push(p);
        self.stamp[p as usize] = cur;
        while let Some(u) = self.stack.pop() {
            self.region.push(u);
            if u == s {
                continue;
            }
            let succ = g.successors(u);
            let cost = 1 + succ.len() as u64;
            if self.budget < cost {
                self.budget = 0;
                return None;
            }
            self.budget -= cost;
            for &w in succ {
                if self.stamp[w as usize] != cur && reaches(w) {
                    self.stamp[w as usize] = cur;
                    self.stack.push(w);
                }
            }
        }
        self.region.sort_unstable_by_key(|&v| pos[v as usize]);
        for &v in &self.region {
            self.d[v as usize] = [NONE; 2];
            self.back[v as usize] = [Back::None; 2];
        }
        self.d[p as usize][ix(pp)] = 0;
        for k in 0..self.region.len() {
            let u = self.region[k];
            let ui = u as usize;
            // inside the node: start → finish (weight 0); a junction's start is its finish
            if self.d[ui][0] > self.d[ui][1] {
                self.d[ui][1] = self.d[ui][0];
                self.back[ui][1] = Back::Inner;
            } else if !g.is_measure(u) && self.d[ui][1] > self.d[ui][0] {
                self.d[ui][0] = self.d[ui][1];
                self.back[ui][0] = Back::Inner;
            }
            if u == s {
                break;
            }
            let cost = 1 + g.successors(u).len() as u64;
            if self.budget < cost {
                self.budget = 0;
                return None;
            }
            self.budget -= cost;
            for (&w, &x) in g.successors(u).iter().zip(g.successor_edges(u)) {
                if self.stamp[w as usize] != cur || (u == p && w == s && excluded(x)) {
                    continue;
                }
                let (a, b) = points(g.edge_kind(x));
                let from = self.d[ui][ix(a)];
                if from == NONE {
                    continue;
                }
                let val = from + i64::from(g.edge_lag(x));
                let wi = w as usize;
                if val > self.d[wi][ix(b)] {
                    self.d[wi][ix(b)] = val;
                    self.back[wi][ix(b)] = Back::Edge {
                        from: u,
                        pt: a,
                        edge: x,
                    };
                }
            }
        }
        let best = self.d[s as usize][ix(qp)];
        if best == NONE || best < lag {
            return Some(None);
        }
        // the path, walked back from s
        let mut nodes = vec![s];
        let (mut v, mut pt) = (s, qp);
        let mut first = e;
        loop {
            match self.back[v as usize][ix(pt)] {
                Back::Inner => pt = if pt == Pt::S { Pt::F } else { Pt::S },
                Back::Edge { from, pt: a, edge } => {
                    nodes.push(from);
                    first = edge;
                    if from == p {
                        break;
                    }
                    (v, pt) = (from, a);
                }
                // only p's own point has no way back, and p is left by an edge
                Back::None => break,
            }
        }
        nodes.reverse();
        Some(Some((nodes, best - lag, first)))
    }
}

/// The reason a path gives: an intermediate measure makes it a chain; otherwise a single
/// explicit parallel entry is a duplicate and anything else a module requirement.
fn reason_of(g: &DepGraph, path: &[u32], direct_explicit: bool) -> RedundancyReason {
    if path.len() > 2 && path[1..path.len() - 1].iter().any(|&v| g.is_measure(v)) {
        RedundancyReason::ImpliedByPath
    } else if path.len() == 2 && direct_explicit {
        RedundancyReason::Duplicate
    } else {
        RedundancyReason::ImpliedByRequirement
    }
}

/// True for a finish-to-start relation without lag.
fn is_plain(g: &DepGraph, x: u32) -> bool {
    g.edge_kind(x) == RelationType::FS && g.edge_lag(x) == 0
}

/// True when `x` is an explicit entry identical to `e` listed after it in the same
/// `depends_on` (of two identical entries only the later one is redundant).
fn later_identical(g: &DepGraph, x: u32, e: u32) -> bool {
    match (g.edge_origin(x), g.edge_origin(e)) {
        (EdgeOrigin::Explicit { entry: a, .. }, EdgeOrigin::Explicit { entry: b, .. }) => {
            a > b && g.edge_kind(x) == g.edge_kind(e) && g.edge_lag(x) == g.edge_lag(e)
        }
        _ => false,
    }
}

/// The slack left when the parallel relation `x` implies `e` on its own.
fn direct_slack(g: &DepGraph, e: u32, x: u32) -> Option<i64> {
    let (pp, qp) = points(g.edge_kind(e));
    let (a, b) = points(g.edge_kind(x));
    let starts = pp == a || (pp == Pt::S && a == Pt::F);
    let ends = qp == b || (b == Pt::S && qp == Pt::F);
    let slack = i64::from(g.edge_lag(x)) - i64::from(g.edge_lag(e));
    (starts && ends && slack >= 0).then_some(slack)
}

/// Parallel relations examined at most per entry on plans with lags (beyond, the entry is left
/// to the path search and the result is marked incomplete).
const DIRECT_SCAN: usize = 64;

/// Every redundant explicit edge, and whether every candidate was examined.
pub(crate) fn redundant_edges(g: &DepGraph, order: &[u32]) -> (Vec<Found>, bool) {
    let n = g.node_count();
    let plain = g.all_finish_to_start();
    let mut pos = vec![0u32; n];
    for (k, &v) in order.iter().enumerate() {
        pos[v as usize] = k as u32;
    }
    let work = 8 * (n as u64 + g.edge_count() as u64);
    let mut search = Search {
        stamp: Vec::new(),
        cur: 0,
        d: Vec::new(),
        back: Vec::new(),
        region: Vec::new(),
        stack: Vec::new(),
        budget: SEARCH_BUDGET + work,
    };
    let mut walk_budget = SEARCH_BUDGET + work / 2;
    let mut complete = true;
    let mut out = Vec::new();
    // Candidates that need reachability, grouped by target position (order of `order`):
    // (edge, p, s).
    let mut pending: Vec<(u32, u32, u32)> = Vec::new();
    // (prerequisite, explicit?, edge) of one measure's in-edges, sorted: parallel edges are
    // found by a binary search, not by a scan per edge (a 50,000-way fan-in would be 2.5·10⁹)
    let mut by_pred: Vec<(u32, bool, u32)> = Vec::new();
    for &s in order {
        if !g.is_measure(s) {
            continue;
        }
        let preds = g.predecessors(s);
        let edges = g.predecessor_edges(s);
        by_pred.clear();
        by_pred.extend(preds.iter().zip(edges).map(|(&p, &e)| {
            let derived = matches!(g.edge_origin(e), EdgeOrigin::Derived { .. });
            // derived edges sort first within a prerequisite, then explicit ones by edge id
            (p, !derived, e)
        }));
        by_pred.sort_unstable();
        for (&p, &e) in preds.iter().zip(edges) {
            if !matches!(g.edge_origin(e), EdgeOrigin::Explicit { .. }) {
                continue;
            }
            // parallel edges p → s
            let first = by_pred.partition_point(|x| x.0 < p);
            let found = |reason, slack| Found {
                edge: e,
                reason,
                path: vec![p, s],
                truncated: false,
                slack,
            };
            if plain {
                let derived = by_pred.get(first).is_some_and(|x| x.0 == p && !x.1);
                let earlier = by_pred[first..]
                    .iter()
                    .find(|x| x.0 == p && x.1)
                    .is_some_and(|x| x.2 < e);
                if derived {
                    out.push(found(RedundancyReason::ImpliedByRequirement, 0));
                    continue;
                } else if earlier {
                    out.push(found(RedundancyReason::Duplicate, 0));
                    continue;
                }
            } else if by_pred.get(first + 1).is_some_and(|x| x.0 == p) {
                // the first parallel relation that implies e on its own (requirements first)
                let group = by_pred[first..]
                    .iter()
                    .take_while(|x| x.0 == p)
                    .take(DIRECT_SCAN + 1);
                let mut seen = 0;
                let mut direct = None;
                for &(_, explicit, x) in group {
                    seen += 1;
                    if seen > DIRECT_SCAN {
                        complete = false;
                        break;
                    }
                    if x == e || later_identical(g, x, e) {
                        continue;
                    }
                    if let Some(slack) = direct_slack(g, e, x) {
                        direct = Some((explicit, slack));
                        break;
                    }
                }
                if let Some((explicit, slack)) = direct {
                    out.push(found(
                        if explicit {
                            RedundancyReason::Duplicate
                        } else {
                            RedundancyReason::ImpliedByRequirement
                        },
                        slack,
                    ));
                    continue;
                }
            }
            if g.successors(p).len() > 1 {
                pending.push((e, p, s));
            }
        }
    }
    if pending.is_empty() {
        return (out, complete);
    }
    if !plain {
        search.stamp = vec![0; n];
        search.d = vec![[NONE; 2]; n];
        search.back = vec![[Back::None; 2]; n];
    }
    // Block targets reached from each node over any relation, and (plans with lags or other
    // relation types) over FS relations without lag only: such a path has total lag 0 and
    // implies every entry without lag or with a lead.
    let mut mask: Vec<u64> = vec![0; n * WORDS];
    let mut pmask: Vec<u64> = if plain {
        Vec::new()
    } else {
        vec![0; n * WORDS]
    };
    // Per prerequisite of the block's candidates: the block targets reachable from its
    // successors by at least one more step, and which successor (the first in order) reaches
    // each, over any relation and over plain ones. Made once per prerequisite and block, so a
    // 50,000-way fan-out costs 50,000 and not 50,000² successor visits.
    let mut via_of: Vec<u32> = vec![u32::MAX; BLOCK];
    let mut via_plain_of: Vec<u32> = vec![u32::MAX; BLOCK];
    let mut done_for: Vec<u32> = vec![u32::MAX; n]; // block number a prerequisite was done for
    let mut block = 0u32;
    let mut i = 0;
    while i < pending.len() {
        let c0 = pos[pending[i].2 as usize] as usize;
        let c1 = (c0 + BLOCK).min(n);
        // reverse pass over positions [0, c1)
        for k in (0..c1).rev() {
            let v = order[k];
            let mut acc = [0u64; WORDS];
            if k >= c0 {
                let b = k - c0;
                acc[b / 64] |= 1u64 << (b % 64);
            }
            let mut pacc = acc;
            for (&w, &x) in g.successors(v).iter().zip(g.successor_edges(v)) {
                let pw = pos[w as usize] as usize;
                if pw < c1 {
                    let m = &mask[pw * WORDS..pw * WORDS + WORDS];
                    for (a, &y) in acc.iter_mut().zip(m) {
                        *a |= y;
                    }
                    if !plain && is_plain(g, x) {
                        let m = &pmask[pw * WORDS..pw * WORDS + WORDS];
                        for (a, &y) in pacc.iter_mut().zip(m) {
                            *a |= y;
                        }
                    }
                }
            }
            mask[k * WORDS..k * WORDS + WORDS].copy_from_slice(&acc);
            if !plain {
                pmask[k * WORDS..k * WORDS + WORDS].copy_from_slice(&pacc);
            }
        }
        let bit = |m: &[u64], q: u32, s: u32| -> bool {
            let pq = pos[q as usize] as usize;
            if pq >= c1 {
                return false;
            }
            let b = pos[s as usize] as usize - c0;
            m[pq * WORDS + b / 64] >> (b % 64) & 1 == 1
        };
        let reaches = |q: u32, s: u32| bit(&mask, q, s);
        let preaches = |q: u32, s: u32| bit(if plain { &mask } else { &pmask }, q, s);
        // The rest of a path without lag from `q` to `s`: the first successor that reaches `s`
        // over plain relations, step by step, within the walk's budget and the listing's length.
        let mut walk = |path: &mut Vec<u32>, mut q: u32, s: u32| -> bool {
            let mut listed = path.iter().filter(|&&v| g.is_measure(v)).count();
            while q != s {
                let succ = g.successors(q);
                if listed >= MAX_PATH_MEASURES || walk_budget < succ.len() as u64 {
                    return true;
                }
                walk_budget -= succ.len() as u64;
                let Some(&x) = succ
                    .iter()
                    .zip(g.successor_edges(q))
                    .find(|&(&x, &y)| (plain || is_plain(g, y)) && preaches(x, s))
                    .map(|(x, _)| x)
                else {
                    return true; // not reached: q reaches s
                };
                path.push(x);
                listed += usize::from(g.is_measure(x));
                q = x;
            }
            false
        };
        // the candidates of this block, by prerequisite
        let end = pending[i..]
            .iter()
            .position(|x| pos[x.2 as usize] as usize >= c1)
            .map_or(pending.len(), |k| i + k);
        let mut cands = pending[i..end].to_vec();
        i = end;
        cands.sort_by_key(|&(e, p, _)| (p, e));
        let mut k = 0;
        while k < cands.len() {
            let p = cands[k].1;
            if done_for[p as usize] != block {
                done_for[p as usize] = block;
                via_of.iter_mut().for_each(|x| *x = u32::MAX);
                via_plain_of.iter_mut().for_each(|x| *x = u32::MAX);
                for (&q, &y) in g.successors(p).iter().zip(g.successor_edges(p)) {
                    let pq = pos[q as usize] as usize;
                    if pq >= c1 {
                        continue;
                    }
                    let plain_edge = !plain && is_plain(g, y);
                    // targets q reaches in one step or more: its mask without its own bit
                    for wi in 0..WORDS {
                        let own = if pq >= c0 && (pq - c0) / 64 == wi {
                            !(1u64 << ((pq - c0) % 64))
                        } else {
                            !0
                        };
                        let mut bits = mask[pq * WORDS + wi] & own;
                        while bits != 0 {
                            let b = wi * 64 + bits.trailing_zeros() as usize;
                            bits &= bits - 1;
                            if via_of[b] == u32::MAX {
                                via_of[b] = q;
                            }
                        }
                        if plain_edge {
                            let mut bits = pmask[pq * WORDS + wi] & own;
                            while bits != 0 {
                                let b = wi * 64 + bits.trailing_zeros() as usize;
                                bits &= bits - 1;
                                if via_plain_of[b] == u32::MAX {
                                    via_plain_of[b] = q;
                                }
                            }
                        }
                    }
                }
            }
            while k < cands.len() && cands[k].1 == p {
                let (e, _, s) = cands[k];
                k += 1;
                let b = pos[s as usize] as usize - c0;
                let q = via_of[b];
                let qp = if plain { q } else { via_plain_of[b] };
                let lag = i64::from(g.edge_lag(e));
                if qp != u32::MAX && lag <= 0 {
                    // a path of FS relations without lag: total lag 0
                    let mut path = vec![p, qp];
                    let direct = || {
                        if g.successors(qp).len() <= g.predecessors(s).len() {
                            g.successors(qp)
                                .iter()
                                .zip(g.successor_edges(qp))
                                .any(|(&w, &y)| w == s && (plain || is_plain(g, y)))
                        } else {
                            g.predecessors(s)
                                .iter()
                                .zip(g.predecessor_edges(s))
                                .any(|(&u, &y)| u == qp && (plain || is_plain(g, y)))
                        }
                    };
                    let (reason, truncated) = if g.is_measure(qp) {
                        (RedundancyReason::ImpliedByPath, walk(&mut path, qp, s))
                    } else if direct() {
                        path.push(s);
                        (RedundancyReason::ImpliedByRequirement, false)
                    } else {
                        (RedundancyReason::ImpliedByPath, walk(&mut path, qp, s))
                    };
                    out.push(Found {
                        edge: e,
                        reason,
                        path,
                        truncated,
                        slack: -lag,
                    });
                    continue;
                }
                if plain || q == u32::MAX {
                    continue;
                }
                if search.budget == 0 {
                    complete = false;
                    continue;
                }
                match search.run(g, &pos, e, p, s, &|w| reaches(w, s)) {
                    None => complete = false,
                    Some(None) => {}
                    Some(Some((path, slack, first))) => {
                        let direct_explicit =
                            matches!(g.edge_origin(first), EdgeOrigin::Explicit { .. });
                        let reason = reason_of(g, &path, direct_explicit);
                        let measures = path.iter().filter(|&&v| g.is_measure(v)).count();
                        out.push(Found {
                            edge: e,
                            reason,
                            path,
                            truncated: measures > MAX_PATH_MEASURES,
                            slack,
                        });
                    }
                }
            }
        }
        block += 1;
    }
    (out, complete)
}

impl Strategy {
    /// Every `depends_on` entry that the other relations imply for every duration (acyclic
    /// strategies), sorted by measure then entry: removing all of them at once changes no
    /// date. See [`Strategy::redundancy`] for whether every candidate was examined.
    pub fn redundant_dependencies(&self) -> Result<Vec<RedundantDependency>> {
        self.redundancy().map(|r| r.dependencies)
    }

    /// [`Strategy::redundant_dependencies`] with the flag that says whether the search budget
    /// ([`SEARCH_BUDGET`]) sufficed to examine every candidate.
    pub fn redundancy(&self) -> Result<Redundancy> {
        let ix = self.require(crate::validate::Need::Dag)?;
        let g = &ix.graph;
        let order = cpm::Order::of(g).map(|o| o.to_vec()).unwrap_or_default();
        let doc = self.document();
        let (found, complete) = redundant_edges(g, &order);
        let mut found: Vec<(u32, u32, Found)> = found
            .into_iter()
            .filter_map(|f| match g.edge_origin(f.edge) {
                EdgeOrigin::Explicit { measure, entry } => Some((measure, entry, f)),
                EdgeOrigin::Derived { .. } => None,
            })
            .collect();
        found.sort_unstable_by_key(|x| (x.0, x.1));
        // Entries are read in one walk per measure (a packed list has no O(1) indexing).
        let mut out = Vec::with_capacity(found.len());
        for group in found.chunk_by(|a, b| a.0 == b.0) {
            let measure = group[0].0;
            let m = &doc.measures[measure as usize];
            let mut deps = m.depends_on.iter().enumerate();
            for (_, entry, f) in group {
                let Some((_, dep)) = deps.find(|(j, _)| *j == *entry as usize) else {
                    continue; // an edge always comes from an entry of its measure
                };
                let id = |v: u32| doc.measures[v as usize].id.to_string();
                let mut implied_by: Vec<String> = f
                    .path
                    .iter()
                    .filter(|&&v| g.is_measure(v))
                    .take(MAX_PATH_MEASURES)
                    .map(|&v| id(v))
                    .collect();
                let truncated = f.truncated || f.path.last() != Some(&measure);
                implied_by.shrink_to_fit();
                let via = match f.reason {
                    RedundancyReason::ImpliedByPath => f.path[1..]
                        .iter()
                        .find(|&&v| g.is_measure(v))
                        .map(|&v| id(v)),
                    _ => None,
                };
                out.push(RedundantDependency {
                    measure: m.id.to_string(),
                    prerequisite: dep.id.to_string(),
                    path: format!("measures[{measure}].depends_on[{entry}]"),
                    relation: dep.relation().as_str().to_owned(),
                    lag_days: i64::from(dep.lag()),
                    reason: f.reason,
                    via,
                    implied_by,
                    implied_by_truncated: truncated,
                    slack_days: f.slack,
                });
            }
        }
        Ok(Redundancy {
            dependencies: out,
            complete,
        })
    }
}
