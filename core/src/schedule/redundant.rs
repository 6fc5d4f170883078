//! Redundant dependencies: explicit `depends_on` entries implied by other dependencies (the
//! edges a transitive reduction removes).
//!
//! **Algorithm.** An edge `p → s` is redundant when `s` is reachable from another successor of
//! `p`. Reachability is computed target block by target block: nodes are taken in
//! topological order and targets in blocks of [`BLOCK`] consecutive positions; for one block a
//! single reverse pass over the nodes before the block's end gives every node a bitset of the
//! block targets it reaches (`mask(v) = own bit | OR of the successors' masks`), and each
//! candidate edge into the block is tested against its siblings' masks. Nodes after the block
//! cannot reach it and are skipped. Time O((V + E) · V / 64) word operations in the worst case,
//! memory O(V · BLOCK / 64) words: no transitive closure is ever materialised.

use serde::{Deserialize, Serialize};

use super::cpm;
use crate::error::Result;
use crate::graph::{DepGraph, EdgeOrigin};
use crate::strategy::Strategy;

/// Targets per block (a multiple of 64).
const BLOCK: usize = 256;
const WORDS: usize = BLOCK / 64;

/// Why a dependency is redundant.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub enum RedundancyReason {
    /// Another chain of dependencies already leads from the prerequisite to the measure.
    ImpliedByPath,
    /// The same prerequisite is listed earlier in `depends_on`.
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
    /// For [`RedundancyReason::ImpliedByPath`]: a measure on another chain from the
    /// prerequisite to the measure (a direct successor of the prerequisite).
    pub via: Option<String>,
}

/// `(edge id, reason, via node)` for every redundant explicit edge.
pub(crate) fn redundant_edges(
    g: &DepGraph,
    order: &[u32],
) -> Vec<(u32, RedundancyReason, Option<u32>)> {
    let n = g.node_count();
    let mut pos = vec![0u32; n];
    for (k, &v) in order.iter().enumerate() {
        pos[v as usize] = k as u32;
    }
    let mut out = Vec::new();
    // Candidates that need reachability, grouped by target position (order of `order`).
    let mut pending: Vec<(u32, u32, u32)> = Vec::new(); // (edge, p, s)
    // (prerequisite, derived?, edge) of one measure's in-edges, sorted: parallel edges are
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
            let derived = by_pred.get(first).is_some_and(|x| x.0 == p && !x.1);
            let earlier = by_pred[first..]
                .iter()
                .find(|x| x.0 == p && x.1)
                .is_some_and(|x| x.2 < e);
            if derived {
                out.push((e, RedundancyReason::ImpliedByRequirement, None));
            } else if earlier {
                out.push((e, RedundancyReason::Duplicate, None));
            } else if g.successors(p).len() > 1 {
                pending.push((e, p, s));
            }
        }
    }
    let mut mask: Vec<u64> = vec![0; n * WORDS];
    // Per prerequisite of the block's candidates: the block targets reachable from its
    // successors by at least one more step, and which successor (the first in order) reaches
    // each. Made once per prerequisite and block, so a 50,000-way fan-out costs 50,000 and not
    // 50,000² successor visits.
    let mut via_of: Vec<u32> = vec![u32::MAX; BLOCK];
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
            for &w in g.successors(v) {
                let pw = pos[w as usize] as usize;
                if pw < c1 {
                    let m = &mask[pw * WORDS..pw * WORDS + WORDS];
                    for (a, &x) in acc.iter_mut().zip(m) {
                        *a |= x;
                    }
                }
            }
            mask[k * WORDS..k * WORDS + WORDS].copy_from_slice(&acc);
        }
        let reaches = |q: u32, s: u32| -> bool {
            let pq = pos[q as usize] as usize;
            if pq >= c1 {
                return false;
            }
            let b = pos[s as usize] as usize - c0;
            mask[pq * WORDS + b / 64] >> (b % 64) & 1 == 1
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
                for &q in g.successors(p) {
                    let pq = pos[q as usize] as usize;
                    if pq >= c1 {
                        continue;
                    }
                    // targets q reaches in one step or more: its mask without its own bit
                    for (wi, &word) in mask[pq * WORDS..pq * WORDS + WORDS].iter().enumerate() {
                        let mut bits = word;
                        if pq >= c0 && (pq - c0) / 64 == wi {
                            bits &= !(1u64 << ((pq - c0) % 64));
                        }
                        while bits != 0 {
                            let b = wi * 64 + bits.trailing_zeros() as usize;
                            bits &= bits - 1;
                            if via_of[b] == u32::MAX {
                                via_of[b] = q;
                            }
                        }
                    }
                }
            }
            while k < cands.len() && cands[k].1 == p {
                let (e, _, s) = cands[k];
                k += 1;
                let q = via_of[pos[s as usize] as usize - c0];
                if q == u32::MAX {
                    continue;
                }
                if g.is_measure(q) {
                    out.push((e, RedundancyReason::ImpliedByPath, Some(q)));
                } else if if g.successors(q).len() <= g.predecessors(s).len() {
                    g.successors(q).contains(&s)
                } else {
                    g.predecessors(s).contains(&q)
                } {
                    out.push((e, RedundancyReason::ImpliedByRequirement, None));
                } else {
                    let via = g
                        .successors(q)
                        .iter()
                        .copied()
                        .find(|&x| g.is_measure(x) && reaches(x, s));
                    out.push((e, RedundancyReason::ImpliedByPath, via));
                }
            }
        }
        block += 1;
    }
    out
}

impl Strategy {
    /// Every `depends_on` entry implied by other dependencies (acyclic strategies), sorted by
    /// measure then entry. Redundancy is structural, like R criticalpath's `sch_is_redundant`:
    /// an FS entry with no lag that is implied by FS chains never changes a date when removed,
    /// but SS/FF/SF entries and lags can still bind, so `relation` and `lag_days` are given.
    pub fn redundant_dependencies(&self) -> Result<Vec<RedundantDependency>> {
        let ix = self.require(crate::validate::Need::Dag)?;
        let g = &ix.graph;
        let order = cpm::Order::of(g).map(|o| o.to_vec()).unwrap_or_default();
        let doc = self.document();
        let mut found: Vec<(u32, u32, RedundancyReason, Option<u32>)> = redundant_edges(g, &order)
            .into_iter()
            .filter_map(|(e, reason, via)| match g.edge_origin(e) {
                EdgeOrigin::Explicit { measure, entry } => Some((measure, entry, reason, via)),
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
            for &(_, entry, reason, via) in group {
                let Some((_, dep)) = deps.find(|(j, _)| *j == entry as usize) else {
                    continue; // an edge always comes from an entry of its measure
                };
                out.push(RedundantDependency {
                    measure: m.id.to_string(),
                    prerequisite: dep.id.to_string(),
                    path: format!("measures[{measure}].depends_on[{entry}]"),
                    relation: dep.relation().as_str().to_owned(),
                    lag_days: i64::from(dep.lag()),
                    reason,
                    via: via.map(|v| doc.measures[v as usize].id.to_string()),
                });
            }
        }
        Ok(out)
    }
}
