//! The DSM (design structure matrix) view, for plans with or without cycles.
//!
//! **Convention: a row reads its inputs.** A mark in row `i`, column `j` means measure `i`
//! depends on measure `j`. After sequencing, marks below the diagonal are satisfied
//! dependencies and marks above it (`col > row`) are feedback.
//!
//! **Partitioning / sequencing.** Strongly connected components (Tarjan, iterative) are the
//! blocks. Blocks are sequenced like waves: a block's level is one more than the highest level
//! among the blocks it depends on (junction-only blocks pass the level through), and blocks of
//! one level follow document order of their first measure. For an acyclic plan this is exactly
//! [`Strategy::topological_order`].
//!
//! **Inside a cyclic block** the measures are ordered with the Eades–Lin–Smyth greedy
//! feedback-arc-set heuristic (sinks last, sources first, otherwise the measure with the largest
//! out-degree minus in-degree, ties by document order); the dependencies that point backwards in
//! that order form the block's *tear* set: removing them all makes the block acyclic.
//!
//! **Suggested cut.** When the block is small enough (dependencies × (measures + dependencies)
//! ≤ 2·10⁷), every dependency of the block is tried: the suggestion is the one whose removal
//! leaves the fewest measures on cycles (0 means it breaks every cycle of the block); ties go to
//! explicit `depends_on` entries over module requirements, then tear edges, then document order.
//! Larger blocks get the first tear edge (explicit first) and `exhaustive = false`.
//!
//! **Bounded work.** A module requirement with `p` producers and `c` consumers in a cell is
//! one junction in the graph but `p × c` measure-to-measure dependencies in the matrix. The
//! DSM expands at most the graph's edges plus [`DSM_MAX_EXPANDED`] of them, block analysis
//! and marks together (in sequence order); past that budget a block is listed in document
//! order without tear analysis (`DsmBlock::truncated`) and the marks stop after the last row
//! that fit (`Dsm::truncated`), so the DSM of any plan is linear in its graph.

use std::cmp::Reverse;
use std::collections::BinaryHeap;

use serde::{Deserialize, Serialize};

use crate::error::Result;
use crate::graph::{DepGraph, EdgeOrigin};
use crate::model::Document;
use crate::strategy::Strategy;

const EXHAUSTIVE_BUDGET: usize = 20_000_000;

/// Measure-to-measure dependencies the DSM expands from junctions beyond the graph's own
/// edges (block analysis and marks together); see the module documentation.
///
/// The same budget as [`crate::MAX_EXPANDED_DEPENDENCIES`] (one constant, owned by
/// `strategy`), under the DSM's name.
pub const DSM_MAX_EXPANDED: usize = crate::strategy::MAX_EXPANDED_DEPENDENCIES;

/// One mark of the matrix: `row` depends on `col` (both index [`Dsm::order`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub struct DsmMark {
    /// The dependent measure's position.
    pub row: u32,
    /// The prerequisite's position.
    pub col: u32,
}

/// A dependency proposed for removal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "wasm", tsify(missing_as_null))]
pub struct DsmCut {
    /// The dependent measure.
    pub measure: String,
    /// The prerequisite.
    pub prerequisite: String,
    /// `measures[i].depends_on[j]` for an explicit dependency.
    pub path: Option<String>,
    /// For a dependency derived from a module requirement: the required module …
    pub module: Option<String>,
    /// … in this cluster.
    pub cluster: Option<String>,
}

/// A strongly connected block of measures that depend on each other.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "wasm", tsify(missing_as_null))]
pub struct DsmBlock {
    /// Position of the block's first measure in [`Dsm::order`].
    pub start: u32,
    /// Members in their order inside the block.
    pub members: Vec<String>,
    /// Dependencies between members (after expanding module requirements).
    pub dependencies: u32,
    /// The dependency to cut first.
    pub suggested_cut: Option<DsmCut>,
    /// Measures still on a cycle after the suggested cut (0: it breaks every cycle).
    pub remaining_cyclic: u32,
    /// True when every dependency was tried for the suggestion.
    pub exhaustive: bool,
    /// Feedback dependencies in the block order; cutting all of them removes every cycle.
    pub tear: Vec<DsmCut>,
    /// True when the block's dependencies did not fit in the DSM's budget
    /// ([`DSM_MAX_EXPANDED`]): its members are in document order, and `dependencies`,
    /// `suggested_cut` and `tear` are left empty.
    #[serde(default)]
    pub truncated: bool,
}

/// The sequenced DSM of the plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub struct Dsm {
    /// Measure ids in sequenced order (rows and columns).
    pub order: Vec<String>,
    /// Cyclic blocks, in sequence order.
    pub blocks: Vec<DsmBlock>,
    /// Every dependency between measures (module requirements expanded), sorted, unique.
    pub marks: Vec<DsmMark>,
    /// Marks above the diagonal (including self-dependencies on it), among those listed.
    pub feedback_marks: u32,
    /// True when the marks stop early: module requirements expand to more measure-to-measure
    /// dependencies than the DSM's budget ([`DSM_MAX_EXPANDED`] beyond the graph's edges), and
    /// the rows after the last one that fit have no marks listed.
    #[serde(default)]
    pub truncated: bool,
}

/// A measure-level dependency inside a block.
#[derive(Debug, Clone, Copy)]
struct BEdge {
    from: u32,
    to: u32,
    /// The graph edge that carries it (into `to`, or into the junction).
    edge: u32,
    explicit: bool,
}

fn cut_of(doc: &Document, g: &DepGraph, e: &BEdge) -> DsmCut {
    let (path, module, cluster) = match g.edge_origin(e.edge) {
        EdgeOrigin::Explicit { measure, entry } => (
            Some(format!("measures[{measure}].depends_on[{entry}]")),
            None,
            None,
        ),
        EdgeOrigin::Derived { module, cluster } => (
            None,
            Some(doc.modules[module as usize].id.to_string()),
            Some(doc.clusters[cluster as usize].id.to_string()),
        ),
    };
    DsmCut {
        measure: doc.measures[e.to as usize].id.to_string(),
        prerequisite: doc.measures[e.from as usize].id.to_string(),
        path,
        module,
        cluster,
    }
}

/// Measure-level in-edges of measure `s`: explicit and direct derived edges, and junction
/// edges expanded to the junction's producers. Calls `f(prerequisite, carrying edge)`.
fn measure_preds(g: &DepGraph, s: u32, mut f: impl FnMut(u32, u32)) {
    for (&p, &e) in g.predecessors(s).iter().zip(g.predecessor_edges(s)) {
        if g.is_measure(p) {
            f(p, e);
        } else {
            for (&q, &e2) in g.predecessors(p).iter().zip(g.predecessor_edges(p)) {
                f(q, e2);
            }
        }
    }
}

/// How many measure-level in-edges [`measure_preds`] gives for `s` (junctions expanded).
fn expanded_preds(g: &DepGraph, s: u32) -> usize {
    g.predecessors(s)
        .iter()
        .map(|&p| {
            if g.is_measure(p) {
                1
            } else {
                g.predecessors(p).len()
            }
        })
        .sum()
}

/// Eades–Lin–Smyth order of a block's local graph (`n` nodes, edges `from → to`).
fn els_order(n: usize, edges: &[(u32, u32)]) -> Vec<u32> {
    let mut out_adj: Vec<Vec<u32>> = vec![Vec::new(); n];
    let mut in_adj: Vec<Vec<u32>> = vec![Vec::new(); n];
    for &(a, b) in edges {
        if a != b {
            out_adj[a as usize].push(b);
            in_adj[b as usize].push(a);
        }
    }
    let mut outd: Vec<i64> = out_adj.iter().map(|v| v.len() as i64).collect();
    let mut ind: Vec<i64> = in_adj.iter().map(|v| v.len() as i64).collect();
    let mut alive = vec![true; n];
    let mut sinks: Vec<u32> = (0..n as u32)
        .rev()
        .filter(|&u| outd[u as usize] == 0)
        .collect();
    let mut sources: Vec<u32> = (0..n as u32)
        .rev()
        .filter(|&u| ind[u as usize] == 0 && outd[u as usize] > 0)
        .collect();
    let mut heap: BinaryHeap<(i64, Reverse<u32>)> = (0..n as u32)
        .map(|u| (outd[u as usize] - ind[u as usize], Reverse(u)))
        .collect();
    let (mut s1, mut s2) = (Vec::with_capacity(n), Vec::new());
    let mut remaining = n;
    while remaining > 0 {
        let pick = loop {
            if let Some(u) = sinks.pop() {
                if alive[u as usize] && outd[u as usize] == 0 {
                    break Some((u, false));
                }
                continue;
            }
            if let Some(u) = sources.pop() {
                if alive[u as usize] && ind[u as usize] == 0 {
                    break Some((u, true));
                }
                continue;
            }
            match heap.pop() {
                Some((d, Reverse(u))) => {
                    if alive[u as usize] && d == outd[u as usize] - ind[u as usize] {
                        break Some((u, true));
                    }
                }
                None => break None,
            }
        };
        let Some((u, front)) = pick else { break };
        if front {
            s1.push(u);
        } else {
            s2.push(u);
        }
        alive[u as usize] = false;
        remaining -= 1;
        for &w in &out_adj[u as usize] {
            if alive[w as usize] {
                ind[w as usize] -= 1;
                if ind[w as usize] == 0 {
                    sources.push(w);
                }
                heap.push((outd[w as usize] - ind[w as usize], Reverse(w)));
            }
        }
        for &w in &in_adj[u as usize] {
            if alive[w as usize] {
                outd[w as usize] -= 1;
                if outd[w as usize] == 0 {
                    sinks.push(w);
                }
                heap.push((outd[w as usize] - ind[w as usize], Reverse(w)));
            }
        }
    }
    s2.reverse();
    s1.extend(s2);
    s1
}

/// Nodes on a cycle of the local graph without edge `skip`.
fn cyclic_nodes(n: usize, edges: &[(u32, u32)], skip: usize) -> u32 {
    let mut gr = petgraph::graph::DiGraph::<(), ()>::with_capacity(n, edges.len());
    for _ in 0..n {
        gr.add_node(());
    }
    for (k, &(a, b)) in edges.iter().enumerate() {
        if k != skip {
            gr.add_edge(a.into(), b.into(), ());
        }
    }
    crate::graph::cyclic_components(&gr)
        .iter()
        .map(|c| c.len() as u32)
        .sum()
}

impl Strategy {
    /// The DSM view: measures sequenced block by block, the cyclic blocks with a tear set and a
    /// suggested dependency to cut, and every dependency as a matrix mark. Works on cyclic plans
    /// (valid strategies otherwise).
    pub fn dsm(&self) -> Result<Dsm> {
        let ix = self.require(crate::validate::Need::Graph)?;
        let g = &ix.graph;
        let doc = self.document();
        let nm = g.measure_count();
        let (sccs, comps) = sequenced_components(g);
        let mut seq = Sequence {
            order: Vec::with_capacity(nm),
            row: vec![u32::MAX; nm],
            budget: g.edge_count().saturating_add(DSM_MAX_EXPANDED),
        };
        let mut blocks = Vec::new();
        let mut local = vec![u32::MAX; nm];
        for &c in &comps {
            let mut members: Vec<u32> = sccs[c as usize]
                .iter()
                .copied()
                .filter(|&v| g.is_measure(v))
                .collect();
            members.sort_unstable();
            if members.len() == 1 && !has_self_loop(g, members[0]) {
                seq.push(members[0]);
                continue;
            }
            let cost: usize = members.iter().map(|&v| expanded_preds(g, v)).sum();
            if cost > seq.budget {
                // past the budget: the block in document order, without analysis
                blocks.push(DsmBlock {
                    start: seq.order.len() as u32,
                    members: members
                        .iter()
                        .map(|&v| doc.measures[v as usize].id.to_string())
                        .collect(),
                    dependencies: 0,
                    suggested_cut: None,
                    remaining_cyclic: members.len() as u32,
                    exhaustive: false,
                    tear: Vec::new(),
                    truncated: true,
                });
                members.iter().for_each(|&v| seq.push(v));
                continue;
            }
            seq.budget -= cost;
            blocks.push(cyclic_block(doc, g, &members, &mut local, &mut seq));
        }
        let (marks, truncated) = dsm_marks(g, &seq);
        let feedback_marks = marks.iter().filter(|m| m.col >= m.row).count() as u32;
        Ok(Dsm {
            order: seq
                .order
                .iter()
                .map(|&v| doc.measures[v as usize].id.to_string())
                .collect(),
            blocks,
            marks,
            feedback_marks,
            truncated,
        })
    }
}

/// The DSM's sequence as it is built: measures in row order, each measure's row, and the
/// dependencies that may still be expanded.
struct Sequence {
    order: Vec<u32>,
    /// Row of each measure (`u32::MAX` before it is placed).
    row: Vec<u32>,
    budget: usize,
}

impl Sequence {
    fn push(&mut self, v: u32) {
        self.row[v as usize] = self.order.len() as u32;
        self.order.push(v);
    }
}

/// The strongly connected components of `g` and, in sequence order, those holding a measure:
/// by level of the condensation (Kahn over components; a level counts components with
/// measures), then by their first measure in document order.
fn sequenced_components(g: &DepGraph) -> (Vec<Vec<u32>>, Vec<u32>) {
    let n = g.node_count();
    let sccs = crate::graph::strongly_connected(g);
    let nc = sccs.len();
    let mut comp = vec![0u32; n];
    for (c, members) in sccs.iter().enumerate() {
        for &v in members {
            comp[v as usize] = c as u32;
        }
    }
    let mut indeg = vec![0u32; nc];
    for v in 0..n as u32 {
        for &w in g.successors(v) {
            if comp[v as usize] != comp[w as usize] {
                indeg[comp[w as usize] as usize] += 1;
            }
        }
    }
    let has_measure: Vec<bool> = sccs
        .iter()
        .map(|m| m.iter().any(|&v| g.is_measure(v)))
        .collect();
    let mut level = vec![0u32; nc];
    let mut queue: Vec<u32> = (0..nc as u32).filter(|&c| indeg[c as usize] == 0).collect();
    let mut head = 0;
    while head < queue.len() {
        let c = queue[head] as usize;
        head += 1;
        let next = level[c] + u32::from(has_measure[c]);
        for &v in &sccs[c] {
            for &w in g.successors(v) {
                let cw = comp[w as usize] as usize;
                if cw == c {
                    continue;
                }
                level[cw] = level[cw].max(next);
                indeg[cw] -= 1;
                if indeg[cw] == 0 {
                    queue.push(cw as u32);
                }
            }
        }
    }
    let first_measure: Vec<u32> = sccs
        .iter()
        .map(|m| {
            m.iter()
                .copied()
                .filter(|&v| g.is_measure(v))
                .min()
                .unwrap_or(u32::MAX)
        })
        .collect();
    let mut comps: Vec<u32> = (0..nc as u32)
        .filter(|&c| has_measure[c as usize])
        .collect();
    comps.sort_unstable_by_key(|&c| (level[c as usize], first_measure[c as usize]));
    (sccs, comps)
}

/// Whether measure `v` depends on itself.
fn has_self_loop(g: &DepGraph, v: u32) -> bool {
    let mut found = false;
    measure_preds(g, v, |p, _| found |= p == v);
    found
}

/// One cyclic block (`members` in document order, within the budget): its local measure graph,
/// sequenced (each member's row placed in `seq`), its tear set and the suggested cut.
/// `local` maps a measure to its place in `members` while the block is analysed (`u32::MAX`
/// elsewhere, and again after).
fn cyclic_block(
    doc: &Document,
    g: &DepGraph,
    members: &[u32],
    local: &mut [u32],
    seq: &mut Sequence,
) -> DsmBlock {
    let nm = g.measure_count();
    for (k, &v) in members.iter().enumerate() {
        local[v as usize] = k as u32;
    }
    let mut bedges: Vec<BEdge> = Vec::new();
    for &s in members {
        measure_preds(g, s, |p, e| {
            if (p as usize) < nm && local[p as usize] != u32::MAX {
                let explicit = matches!(g.edge_origin(e), EdgeOrigin::Explicit { .. });
                bedges.push(BEdge {
                    from: p,
                    to: s,
                    edge: e,
                    explicit,
                });
            }
        });
    }
    // one edge per (from, to): explicit first, then lowest edge id
    bedges.sort_unstable_by_key(|b| (b.to, b.from, !b.explicit, b.edge));
    bedges.dedup_by_key(|b| (b.to, b.from));
    let ledges: Vec<(u32, u32)> = bedges
        .iter()
        .map(|b| (local[b.from as usize], local[b.to as usize]))
        .collect();
    let lorder = els_order(members.len(), &ledges);
    let mut lpos = vec![0u32; members.len()];
    for (k, &u) in lorder.iter().enumerate() {
        lpos[u as usize] = k as u32;
    }
    let is_tear: Vec<bool> = ledges
        .iter()
        .map(|&(a, b)| lpos[a as usize] >= lpos[b as usize])
        .collect();
    let (best, remaining, exhaustive) = suggested_cut(members.len(), &bedges, &ledges, &is_tear);
    let mut tear: Vec<&BEdge> = (0..bedges.len())
        .filter(|&k| is_tear[k])
        .map(|k| &bedges[k])
        .collect();
    tear.sort_by_key(|b| (b.to, b.edge));
    let start = seq.order.len() as u32;
    for &u in &lorder {
        seq.push(members[u as usize]);
    }
    for &v in members {
        local[v as usize] = u32::MAX;
    }
    DsmBlock {
        start,
        members: lorder
            .iter()
            .map(|&u| doc.measures[members[u as usize] as usize].id.to_string())
            .collect(),
        dependencies: bedges.len() as u32,
        suggested_cut: best.map(|k| cut_of(doc, g, &bedges[k])),
        remaining_cyclic: remaining,
        exhaustive,
        tear: tear.into_iter().map(|b| cut_of(doc, g, b)).collect(),
        truncated: false,
    }
}

/// The dependency to cut in a block of `nb` members: the candidate (explicit first, then a
/// tear, then by dependent in document order) leaving the fewest members cyclic, tried
/// exhaustively when that fits [`EXHAUSTIVE_BUDGET`], else the first tear. Returns its index
/// in `bedges`, the members it leaves cyclic, and whether the search was exhaustive.
fn suggested_cut(
    nb: usize,
    bedges: &[BEdge],
    ledges: &[(u32, u32)],
    is_tear: &[bool],
) -> (Option<usize>, u32, bool) {
    let mut cand: Vec<usize> = (0..bedges.len()).collect();
    cand.sort_by_key(|&k| {
        (
            !bedges[k].explicit,
            !is_tear[k],
            bedges[k].to,
            bedges[k].edge,
        )
    });
    let exhaustive = bedges.len().saturating_mul(nb + bedges.len()) <= EXHAUSTIVE_BUDGET;
    if exhaustive {
        let mut best = (u32::MAX, usize::MAX);
        for &k in &cand {
            let r = cyclic_nodes(nb, ledges, k);
            if r < best.0 {
                best = (r, k);
                if r == 0 {
                    break;
                }
            }
        }
        (
            (best.1 != usize::MAX).then_some(best.1),
            best.0.min(nb as u32),
            true,
        )
    } else {
        let k = cand.iter().copied().find(|&k| is_tear[k]);
        let r = k.map(|k| cyclic_nodes(nb, ledges, k)).unwrap_or(nb as u32);
        (k, r, false)
    }
}

/// The matrix marks, row by row in sequence order with each row's columns sorted (so they
/// come out sorted), while the budget lasts; `true` when it ran out.
fn dsm_marks(g: &DepGraph, seq: &Sequence) -> (Vec<DsmMark>, bool) {
    let mut budget = seq.budget;
    let mut marks: Vec<DsmMark> = Vec::with_capacity(g.edge_count().min(budget));
    let mut cols: Vec<u32> = Vec::new();
    for (r, &s) in seq.order.iter().enumerate() {
        let cost = expanded_preds(g, s);
        if cost > budget {
            return (marks, true);
        }
        budget -= cost;
        cols.clear();
        measure_preds(g, s, |p, _| cols.push(seq.row[p as usize]));
        cols.sort_unstable();
        cols.dedup();
        marks.extend(cols.iter().map(|&col| DsmMark { row: r as u32, col }));
    }
    (marks, false)
}
