//! The CPM kernel: one forward and one backward pass over the CSR graph in topological order,
//! generic over the time type (`i64` day offsets for schedules, `f64` for PERT and
//! Monte-Carlo). Linear in nodes + edges, no allocation inside the passes.
//!
//! Relation semantics (finish offsets exclusive, `d` = duration, `lag` may be negative):
//!
//! | relation | forward (successor `s` of `p`) | backward (predecessor `p` of `s`) |
//! |---|---|---|
//! | FS | `ES(s) ≥ EF(p) + lag` | `LF(p) ≤ LS(s) − lag` |
//! | SS | `ES(s) ≥ ES(p) + lag` | `LF(p) ≤ LS(s) − lag + d(p)` |
//! | FF | `EF(s) ≥ EF(p) + lag` | `LF(p) ≤ LF(s) − lag` |
//! | SF | `EF(s) ≥ ES(p) + lag` | `LF(p) ≤ LF(s) − lag + d(p)` |
//!
//! Every node also starts no earlier than its floor (the project start, or a start
//! constraint) and finishes no later than the project's late finish and its own deadline.

use std::ops::{Add, Sub};

use crate::graph::DepGraph;
use crate::model::RelationType;

/// Everything the passes know about one node, kept together so that visiting a neighbour
/// touches one cache line.
#[derive(Debug, Clone, Copy, PartialEq)]
#[repr(C)]
pub(crate) struct NodeTimes<T> {
    /// Early start (on entry to the forward pass: the floor, i.e. the earliest start allowed).
    pub es: T,
    /// Early finish.
    pub ef: T,
    /// Late finish (on entry to the backward pass: the node's own finish-no-later-than).
    pub lf: T,
    /// Free slack (filled by the backward pass).
    pub fs: T,
    /// Duration.
    pub dur: T,
}

impl<T: Time> NodeTimes<T> {
    /// A node of duration `dur` that may start at `floor` and must finish by `cap`.
    #[inline]
    pub(crate) fn new(dur: T, floor: T, cap: T) -> NodeTimes<T> {
        NodeTimes {
            es: floor,
            ef: T::ZERO,
            lf: cap,
            fs: T::INF,
            dur,
        }
    }
}

/// A time value the kernel can run on.
pub(crate) trait Time:
    Copy + PartialOrd + Add<Output = Self> + Sub<Output = Self> + std::fmt::Debug
{
    const ZERO: Self;
    /// Larger than every real value (no deadline).
    const INF: Self;
    fn from_lag(d: i32) -> Self;
    /// True when `self` is zero for the purpose of "this relation drives".
    fn is_zero_slack(self) -> bool;
}

impl Time for i32 {
    const ZERO: i32 = 0;
    /// Offsets are kept within ±[`OFFSET_LIMIT`], so `INF` plus or minus any of them cannot
    /// overflow.
    const INF: i32 = i32::MAX / 2;
    #[inline]
    fn from_lag(d: i32) -> i32 {
        d
    }
    #[inline]
    fn is_zero_slack(self) -> bool {
        self == 0
    }
}

/// Largest magnitude a day offset may reach in the integer kernel.
pub(crate) const OFFSET_LIMIT: i64 = (i32::MAX / 4) as i64;

/// Tolerance for "zero" slack in floating-point passes (days).
pub(crate) const F64_EPS: f64 = 1e-9;

impl Time for f64 {
    const ZERO: f64 = 0.0;
    const INF: f64 = f64::INFINITY;
    #[inline]
    fn from_lag(d: i32) -> f64 {
        f64::from(d)
    }
    #[inline]
    fn is_zero_slack(self) -> bool {
        self.abs() <= F64_EPS
    }
}

#[inline]
fn max<T: Time>(a: T, b: T) -> T {
    if b > a { b } else { a }
}

#[inline]
fn min<T: Time>(a: T, b: T) -> T {
    if b < a { b } else { a }
}

/// The order the passes visit the nodes in.
#[derive(Debug, Clone)]
pub(crate) enum Order {
    /// Document order `0..n` is topological: every prerequisite is listed before its
    /// dependents and there is no junction. Checked in O(E); no order array needed.
    Doc(u32),
    /// Kahn's algorithm.
    Topo(Vec<u32>),
}

impl Order {
    /// A topological order of every node (junctions included), `None` on a cycle. CPM results
    /// do not depend on which topological order is used.
    pub(crate) fn of(g: &DepGraph) -> Option<Order> {
        if g.ids_ascending() {
            return Some(Order::Doc(g.node_count() as u32));
        }
        topo_order(g).map(Order::Topo)
    }

    /// The order as a vector.
    pub(crate) fn to_vec(&self) -> Vec<u32> {
        match self {
            Order::Doc(n) => (0..*n).collect(),
            Order::Topo(v) => v.clone(),
        }
    }
}

/// Kahn's algorithm over every node (junctions included). `None` on a cycle.
pub(crate) fn topo_order(g: &DepGraph) -> Option<Vec<u32>> {
    let n = g.node_count();
    let mut indeg: Vec<u32> = (0..n as u32)
        .map(|v| g.predecessors(v).len() as u32)
        .collect();
    let mut order: Vec<u32> = Vec::with_capacity(n);
    order.extend((0..n as u32).filter(|&v| indeg[v as usize] == 0));
    let mut head = 0;
    while head < order.len() {
        let v = order[head];
        head += 1;
        for &w in g.successors(v) {
            let d = &mut indeg[w as usize];
            *d -= 1;
            if *d == 0 {
                order.push(w);
            }
        }
    }
    (order.len() == n).then_some(order)
}

/// Σ |lag| over all edges (0 without a pass when every edge is FS without lag).
pub(crate) fn total_lag(g: &DepGraph) -> i64 {
    if g.all_finish_to_start() {
        return 0;
    }
    (0..g.edge_count() as u32)
        .map(|e| i64::from(g.edge_lag(e)).abs())
        .sum()
}

/// A network ready for the passes.
#[derive(Debug, Clone)]
pub(crate) struct PassNetwork<'g> {
    pub(crate) g: &'g DepGraph,
    pub(crate) order: Order,
    /// Every edge is FS with no lag.
    pub(crate) plain: bool,
    /// Σ |lag| over all edges.
    pub(crate) lags: i64,
    /// Nodes whose start ignores their predecessors (progress: executed measures, and
    /// in-progress ones under progress override); empty when none.
    pub(crate) fixed: Vec<bool>,
}

impl<'g> PassNetwork<'g> {
    /// `None` on a cycle.
    pub(crate) fn new(g: &'g DepGraph) -> Option<PassNetwork<'g>> {
        Some(PassNetwork {
            g,
            order: Order::of(g)?,
            plain: g.all_finish_to_start(),
            lags: total_lag(g),
            fixed: Vec::new(),
        })
    }

    /// Forward pass. On entry each node's `es` holds its floor; on return `es`/`ef` hold the
    /// early dates. Returns the project finish: the largest early finish of a measure (0 if
    /// none).
    pub(crate) fn forward<T: Time>(&self, nodes: &mut [NodeTimes<T>]) -> T {
        let g = self.g;
        let f = &self.fixed;
        match (&self.order, self.plain) {
            (Order::Doc(n), true) => forward::<T, true>(g, 0..*n, nodes, f),
            (Order::Doc(n), false) => forward::<T, false>(g, 0..*n, nodes, f),
            (Order::Topo(o), true) => forward::<T, true>(g, o.iter().copied(), nodes, f),
            (Order::Topo(o), false) => forward::<T, false>(g, o.iter().copied(), nodes, f),
        }
    }

    /// Backward pass: see [`backward`].
    pub(crate) fn backward<T: Time, const FREE: bool>(
        &self,
        nodes: &mut [NodeTimes<T>],
        late_end: T,
        finish: T,
    ) {
        let g = self.g;
        match (&self.order, self.plain) {
            (Order::Doc(n), true) => {
                backward::<T, FREE, true>(g, (0..*n).rev(), nodes, late_end, finish)
            }
            (Order::Doc(n), false) => {
                backward::<T, FREE, false>(g, (0..*n).rev(), nodes, late_end, finish)
            }
            (Order::Topo(o), true) => {
                backward::<T, FREE, true>(g, o.iter().rev().copied(), nodes, late_end, finish)
            }
            (Order::Topo(o), false) => {
                backward::<T, FREE, false>(g, o.iter().rev().copied(), nodes, late_end, finish)
            }
        }
    }
}

#[inline]
fn pred_constraint<T: Time>(g: &DepGraph, e: u32, pn: &NodeTimes<T>, d: T) -> T {
    let lag = T::from_lag(g.edge_lag(e));
    match g.edge_kind(e) {
        RelationType::FS => pn.ef + lag,
        RelationType::SS => pn.es + lag,
        RelationType::FF => pn.ef + lag - d,
        RelationType::SF => pn.es + lag - d,
    }
}

fn forward<T: Time, const PLAIN: bool>(
    g: &DepGraph,
    order: impl Iterator<Item = u32>,
    nodes: &mut [NodeTimes<T>],
    fixed: &[bool],
) -> T {
    let n_meas = g.measure_count() as u32;
    let mut finish = T::ZERO;
    for v in order {
        let vi = v as usize;
        let d = nodes[vi].dur;
        let mut start = nodes[vi].es;
        if !fixed.is_empty() && fixed[vi] {
            // progress: the start is known (or overrides the logic)
        } else if PLAIN {
            for &p in g.predecessors(v) {
                start = max(start, nodes[p as usize].ef);
            }
        } else {
            for (&p, &e) in g.predecessors(v).iter().zip(g.predecessor_edges(v)) {
                start = max(start, pred_constraint(g, e, &nodes[p as usize], d));
            }
        }
        let f = start + d;
        let node = &mut nodes[vi];
        node.es = start;
        node.ef = f;
        if v < n_meas {
            finish = max(finish, f);
        }
    }
    finish
}

/// Backward pass, pushing each node's constraints to its predecessors in reverse topological
/// order (so edge data is read in storage order). On entry each node's `lf` holds its own
/// finish-no-later-than (`T::INF` for none) and `fs` is `T::INF`; every node also finishes by
/// `late_end`. On return `lf` holds the late finishes and, with `FREE`, `fs` how far each node's
/// finish can move without moving any successor's early dates or the project's early finish
/// `finish`. Junctions are transparent: a measure's slack through a junction includes the
/// junction's own slack.
fn backward<T: Time, const FREE: bool, const PLAIN: bool>(
    g: &DepGraph,
    order: impl Iterator<Item = u32>,
    nodes: &mut [NodeTimes<T>],
    late_end: T,
    finish: T,
) {
    let n_meas = g.measure_count() as u32;
    for v in order {
        let vi = v as usize;
        let node = &mut nodes[vi];
        let lf_v = min(node.lf, late_end);
        node.lf = lf_v;
        let ls_v = lf_v - node.dur;
        let (es_v, ef_v) = (node.es, node.ef);
        let through = if FREE {
            let f = min(node.fs, finish - ef_v);
            node.fs = f;
            if v < n_meas { T::ZERO } else { f }
        } else {
            T::ZERO
        };
        let push = |pn: &mut NodeTimes<T>, l: T, sl: T| {
            if l < pn.lf {
                pn.lf = l;
            }
            if FREE {
                let sl = sl + through;
                if sl < pn.fs {
                    pn.fs = sl;
                }
            }
        };
        if PLAIN {
            for &p in g.predecessors(v) {
                let pn = &mut nodes[p as usize];
                let sl = es_v - pn.ef;
                push(pn, ls_v, sl);
            }
        } else {
            for (&p, &e) in g.predecessors(v).iter().zip(g.predecessor_edges(v)) {
                let pn = &mut nodes[p as usize];
                let lag = T::from_lag(g.edge_lag(e));
                let (l, sl) = match g.edge_kind(e) {
                    RelationType::FS => (ls_v - lag, es_v - lag - pn.ef),
                    RelationType::SS => (ls_v - lag + pn.dur, es_v - lag - pn.es),
                    RelationType::FF => (lf_v - lag, ef_v - lag - pn.ef),
                    RelationType::SF => (lf_v - lag + pn.dur, ef_v - lag - pn.es),
                };
                push(pn, l, sl);
            }
        }
    }
}

/// Slack of edge `e` (`p` → `s`) in the early schedule: how much the relation could stretch
/// before it would push `s`. Zero means the relation drives `s`.
#[inline]
pub(crate) fn edge_slack<T: Time>(
    g: &DepGraph,
    e: u32,
    p: u32,
    s: u32,
    nodes: &[NodeTimes<T>],
) -> T {
    let (pn, sn) = (&nodes[p as usize], &nodes[s as usize]);
    let lag = T::from_lag(g.edge_lag(e));
    match g.edge_kind(e) {
        RelationType::FS => sn.es - lag - pn.ef,
        RelationType::SS => sn.es - lag - pn.es,
        RelationType::FF => sn.ef - lag - pn.ef,
        RelationType::SF => sn.ef - lag - pn.es,
    }
}

/// The driving predecessors of `v`: predecessors whose relation has zero slack.
pub(crate) fn driving_preds<'a, T: Time>(
    g: &'a DepGraph,
    v: u32,
    nodes: &'a [NodeTimes<T>],
) -> impl Iterator<Item = u32> + 'a {
    g.predecessors(v)
        .iter()
        .zip(g.predecessor_edges(v))
        .filter(move |&(&p, &e)| edge_slack(g, e, p, v, nodes).is_zero_slack())
        .map(|(&p, _)| p)
}

/// Every longest (driving) path that ends in a measure finishing at `finish`, each from its
/// first measure to its last, junctions left out. Ends are taken in document order and
/// predecessors in stored order, so the enumeration is deterministic. Stops after `cap` paths;
/// the flag tells whether more exist.
pub(crate) fn longest_paths<T: Time>(
    g: &DepGraph,
    nodes: &[NodeTimes<T>],
    finish: T,
    late_end: T,
    cap: usize,
) -> (Vec<Vec<u32>>, bool) {
    let n_meas = g.measure_count() as u32;
    let at_finish = |v: u32| (nodes[v as usize].ef - finish).is_zero_slack();
    let mut paths: Vec<Vec<u32>> = Vec::new();
    if cap == 0 {
        return (paths, (0..n_meas).any(at_finish));
    }
    // A measure finishing at `finish` ends a path unless a driving relation continues it to
    // another measure that also finishes there (e.g. a closing milestone).
    let plain = g.all_finish_to_start();
    let drives = |p: u32, s: u32, e: u32| {
        if plain {
            (nodes[s as usize].es - nodes[p as usize].ef).is_zero_slack()
        } else {
            edge_slack(g, e, p, s, nodes).is_zero_slack()
        }
    };
    let continues = |v: u32| -> bool {
        g.successors(v)
            .iter()
            .zip(g.successor_edges(v))
            .filter(|&(&s, &e)| drives(v, s, e))
            .any(|(&s, _)| {
                if s < n_meas {
                    at_finish(s)
                } else {
                    g.successors(s)
                        .iter()
                        .zip(g.successor_edges(s))
                        .any(|(&k, &e2)| drives(s, k, e2) && at_finish(k))
                }
            })
    };
    // The first path listed is the greedy one, in document order: from the first measure
    // (document order) that starts a critical path, always to the first dependent (in
    // dependency-list order) that continues one. It is the lexicographically smallest critical
    // path, and the same path an analyst's forward walk over networkx finds. The others follow in
    // the order of the backward enumeration below.
    let mut reaches_end = vec![false; g.node_count()];
    let is_end = |v: u32| v < n_meas && at_finish(v) && !continues(v);
    let next_on_path = |v: u32, reaches_end: &[bool]| {
        g.successors(v)
            .iter()
            .zip(g.successor_edges(v))
            .find(|&(&s, &e)| reaches_end[s as usize] && drives(v, s, e))
            .map(|(&s, _)| s)
    };
    // Total float never grows backwards along a driving relation (TF(p) <= TF(s) for FS, SS,
    // FF and SF alike), and a path's last measure finishes at `finish` with a late finish of
    // at most `late_end`. So a node whose float exceeds `late_end - finish` reaches no end,
    // and most nodes are settled without looking at their successors.
    let most_float = late_end - finish;
    for &v in g.kahn().0.iter().rev() {
        let x = &nodes[v as usize];
        let float = x.lf - x.ef;
        reaches_end[v as usize] = if float > most_float && !(float - most_float).is_zero_slack() {
            false
        } else {
            is_end(v) || next_on_path(v, &reaches_end).is_some()
        };
    }
    let has_driving_pred = |v: u32| {
        g.predecessors(v)
            .iter()
            .zip(g.predecessor_edges(v))
            .any(|(&p, &e)| drives(p, v, e))
    };
    if let Some(start) = (0..n_meas).find(|&v| reaches_end[v as usize] && !has_driving_pred(v)) {
        let mut path = vec![start];
        let mut v = start;
        while !is_end(v) {
            match next_on_path(v, &reaches_end) {
                Some(s) => {
                    if s < n_meas {
                        path.push(s);
                    }
                    v = s;
                }
                None => break,
            }
        }
        paths.push(path);
    }
    // frame: (node, next predecessor slot, found a driving predecessor)
    let mut stack: Vec<(u32, u32, bool)> = Vec::new();
    for end in 0..n_meas {
        if !at_finish(end) || continues(end) {
            continue;
        }
        stack.clear();
        stack.push((end, 0, false));
        while let Some(top) = stack.last_mut() {
            let (v, cur) = (top.0, top.1 as usize);
            let preds = g.predecessors(v);
            let edges = g.predecessor_edges(v);
            let next = (cur..preds.len()).find(|&k| drives(preds[k], v, edges[k]));
            match next {
                Some(k) => {
                    top.1 = k as u32 + 1;
                    top.2 = true;
                    stack.push((preds[k], 0, false));
                }
                None => {
                    if !top.2 {
                        // paths that differ only by junction nodes are the same path of measures
                        let path: Vec<u32> = stack
                            .iter()
                            .rev()
                            .map(|f| f.0)
                            .filter(|&x| x < n_meas)
                            .collect();
                        if !paths.contains(&path) {
                            if paths.len() == cap {
                                return (paths, true);
                            }
                            paths.push(path);
                        }
                    }
                    stack.pop();
                }
            }
        }
    }
    (paths, false)
}

/// The chain of measures that drives `v`'s early start: follow the first driving
/// predecessor back until a node has none. Returned from the first measure to `v`.
pub(crate) fn driving_chain<T: Time>(g: &DepGraph, v: u32, nodes: &[NodeTimes<T>]) -> Vec<u32> {
    let n_meas = g.measure_count() as u32;
    let mut chain = vec![v];
    let mut cur = v;
    while let Some(p) = driving_preds(g, cur, nodes).next() {
        if p < n_meas {
            chain.push(p);
        }
        cur = p;
    }
    chain.reverse();
    chain
}
