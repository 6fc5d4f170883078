//! The dependency graph: measures are nodes, dependencies are edges (prerequisite → dependent).
//!
//! Storage is compressed sparse rows (CSR) in both directions with `u32` node ids, built once
//! per [`crate::Strategy`] and cached. Node `i < measure_count()` is `document.measures[i]`.
//! Nodes at or above `measure_count()` are *junctions*: internal zero-duration nodes that carry
//! derived edges (see below) without a quadratic number of edges. Junctions never appear in
//! results.
//!
//! **Derived edges.** When module B `requires` module A, a measure delivering B to cluster X
//! depends on every measure delivering A to X, with the relation and lag of the `requires` entry
//! (finish-to-start, no lag for a plain module id). A measure that itself
//! delivers A to X does not wait for the others. When a cell has `p` producers and `c`
//! consumers and `p·c > p + c`, the edges go through one junction node (p + c edges instead of
//! p·c); reachability, ordering and scheduling are the same either way. Derived edges are
//! flagged [`EdgeOrigin::Derived`].
//!
//! **Tie-break.** Topological order is wave by wave; inside a wave, measures are in document
//! order. Every result is therefore deterministic and the same on every surface.
//!
//! The graph implements petgraph's visit traits (`IntoNeighbors`, `IntoNodeIdentifiers`,
//! `NodeIndexable`, ...), so petgraph algorithms run on it directly; eculture's own
//! [`strongly_connected`] (Tarjan with an explicit stack, generic over those traits) finds
//! cycle reports, module loops and the DSM's blocks.

use petgraph::visit::{
    GraphBase, IntoNeighbors, IntoNeighborsDirected, IntoNodeIdentifiers, NodeCount, NodeIndexable,
};

use crate::model::RelationType;

/// Where an edge comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum EdgeOrigin {
    /// `measures[measure].depends_on[entry]`.
    Explicit {
        /// Index of the dependent measure.
        measure: u32,
        /// Index in its `depends_on` list.
        entry: u32,
    },
    /// Derived from module `requires` for the cell (`module`, `cluster`) — indices into the
    /// document's `modules` and `clusters`.
    Derived {
        /// The required module (A).
        module: u32,
        /// The cluster.
        cluster: u32,
    },
}

/// Fewest edges for which the CSR sides are built in parallel.
const PARALLEL_MIN_EDGES: usize = 1 << 16;

/// One edge before CSR packing.
#[derive(Debug, Clone, Copy)]
pub(crate) struct RawEdge {
    pub from: u32,
    pub to: u32,
    pub kind: RelationType,
    pub lag: i32,
    pub origin: EdgeOrigin,
}

/// Edge origins. The index emits explicit edges first, grouped by dependent measure in
/// document order, then derived ones; stored that way an explicit edge's origin is implied by
/// its id (4 bytes a measure instead of 12 an edge). Any other order is stored edge by edge.
#[derive(Debug, Clone)]
enum Origins {
    Grouped {
        /// `first[m]..first[m + 1]`: the explicit edges of measure `m` (`n_measures + 1` long).
        first: Vec<u32>,
        /// Entry of each explicit edge; empty when it is its position in the measure's group
        /// (every `depends_on` entry resolved).
        entry: Vec<u32>,
        /// (module, cluster) of each derived edge, the edges after the explicit ones.
        derived: Vec<(u32, u32)>,
    },
    PerEdge(Vec<EdgeOrigin>),
}

impl Default for Origins {
    fn default() -> Self {
        Origins::PerEdge(Vec::new())
    }
}

impl Origins {
    fn build<'a>(n_measures: u32, edges: impl Iterator<Item = &'a RawEdge> + Clone) -> Origins {
        // first pass: is the grouped layout possible, and are the entries implied?
        let (mut grouped, mut implied) = (true, true);
        let (mut in_derived, mut last, mut pos) = (false, 0u32, 0u32);
        for e in edges.clone() {
            match e.origin {
                EdgeOrigin::Explicit { measure, entry } => {
                    if in_derived || measure < last || measure >= n_measures {
                        grouped = false;
                        break;
                    }
                    if measure != last {
                        (last, pos) = (measure, 0);
                    }
                    implied &= entry == pos;
                    pos += 1;
                }
                EdgeOrigin::Derived { .. } => in_derived = true,
            }
        }
        if !grouped {
            return Origins::PerEdge(edges.map(|e| e.origin).collect());
        }
        let mut first = vec![0u32; n_measures as usize + 1];
        let mut entry = Vec::new();
        let mut derived = Vec::new();
        for e in edges {
            match e.origin {
                EdgeOrigin::Explicit { measure, entry: j } => {
                    first[measure as usize + 1] += 1;
                    if !implied {
                        entry.push(j);
                    }
                }
                EdgeOrigin::Derived { module, cluster } => derived.push((module, cluster)),
            }
        }
        for i in 0..n_measures as usize {
            first[i + 1] += first[i];
        }
        Origins::Grouped {
            first,
            entry,
            derived,
        }
    }

    fn get(&self, e: u32) -> EdgeOrigin {
        match self {
            Origins::PerEdge(v) => v[e as usize],
            Origins::Grouped {
                first,
                entry,
                derived,
            } => {
                let n_explicit = first.last().copied().unwrap_or(0);
                if e >= n_explicit {
                    let (module, cluster) = derived[(e - n_explicit) as usize];
                    return EdgeOrigin::Derived { module, cluster };
                }
                // the measure m with first[m] <= e < first[m + 1]
                let measure = first[1..].partition_point(|&f| f <= e) as u32;
                let entry = match entry.get(e as usize) {
                    Some(&j) => j,
                    None => e - first[measure as usize],
                };
                EdgeOrigin::Explicit { measure, entry }
            }
        }
    }
}

/// The dependency graph in CSR form.
#[derive(Debug, Default)]
pub struct DepGraph {
    n_measures: u32,
    n_nodes: u32,
    succ_off: Vec<u32>,
    succ: Vec<u32>,
    /// Edge id of each successor slot.
    succ_edge: Vec<u32>,
    pred_off: Vec<u32>,
    pred: Vec<u32>,
    pred_edge: Vec<u32>,
    /// Relation type and lag per edge; both empty when every edge is plain FS (`plain`).
    kind: Vec<RelationType>,
    lag: Vec<i32>,
    n_edges: u32,
    origin: Origins,
    junction_cell: Vec<(u32, u32)>,
    /// Every edge is finish-to-start without lag.
    plain: bool,
    /// Every edge goes from a lower node id to a higher one.
    ascending: bool,
    /// Kahn's order and levels, computed once (validation needs them to find cycles; waves,
    /// orders and scheduling reuse them).
    kahn_cache: std::sync::OnceLock<(Vec<u32>, Vec<u32>)>,
}

impl Clone for DepGraph {
    /// Copies the graph; derived caches are recomputed on demand by the copy.
    fn clone(&self) -> Self {
        DepGraph {
            n_measures: self.n_measures,
            n_nodes: self.n_nodes,
            succ_off: self.succ_off.clone(),
            succ: self.succ.clone(),
            succ_edge: self.succ_edge.clone(),
            pred_off: self.pred_off.clone(),
            pred: self.pred.clone(),
            pred_edge: self.pred_edge.clone(),
            kind: self.kind.clone(),
            lag: self.lag.clone(),
            n_edges: self.n_edges,
            origin: self.origin.clone(),
            junction_cell: self.junction_cell.clone(),
            plain: self.plain,
            ascending: self.ascending,
            kahn_cache: std::sync::OnceLock::new(),
        }
    }
}

/// An edge as seen from outside.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EdgeRef {
    /// Prerequisite node.
    pub from: u32,
    /// Dependent node.
    pub to: u32,
    /// Relation type.
    pub kind: RelationType,
    /// Lag in days.
    pub lag: i32,
    /// Where the edge comes from.
    pub origin: EdgeOrigin,
}

impl DepGraph {
    /// Build from raw edges. `junctions` lists the (module, cluster) cell of each junction node.
    pub(crate) fn build(
        n_measures: u32,
        junctions: Vec<(u32, u32)>,
        edges: &[&[RawEdge]],
    ) -> DepGraph {
        let n_nodes = n_measures + junctions.len() as u32;
        let n = n_nodes as usize;
        let m = edges.iter().map(|part| part.len()).sum();
        let edges = || edges.iter().flat_map(|part| part.iter());
        // The successor and predecessor sides are independent passes over the edges (run in
        // parallel for large graphs); each is a counting sort, so edges keep their order within
        // a node's list.
        let large = crate::par::large(m, PARALLEL_MIN_EDGES);
        let side = |end: fn(&RawEdge) -> (u32, u32)| {
            let mut off = vec![0u32; n + 1];
            for e in edges() {
                off[end(e).0 as usize + 1] += 1;
            }
            for i in 0..n {
                off[i + 1] += off[i];
            }
            let mut other = vec![0u32; m];
            let mut edge_id = vec![0u32; m];
            let mut fill = off.clone();
            for (id, e) in edges().enumerate() {
                let (at, to) = end(e);
                let slot = &mut fill[at as usize];
                other[*slot as usize] = to;
                edge_id[*slot as usize] = id as u32;
                *slot += 1;
            }
            (off, other, edge_id)
        };
        let (
            ((succ_off, succ, succ_edge), (pred_off, pred, pred_edge)),
            (kind, lag, origin, plain, ascending),
        ) = crate::par::join(
            large,
            || {
                crate::par::join(
                    large,
                    || side(|e| (e.from, e.to)),
                    || side(|e| (e.to, e.from)),
                )
            },
            || {
                let mut plain = true;
                let mut ascending = true;
                for e in edges() {
                    plain &= e.kind == RelationType::FS && e.lag == 0;
                    ascending &= e.from < e.to;
                }
                let (kind, lag) = if plain {
                    (Vec::new(), Vec::new())
                } else {
                    (
                        edges().map(|e| e.kind).collect(),
                        edges().map(|e| e.lag).collect(),
                    )
                };
                let origin = Origins::build(n_measures, edges());
                (kind, lag, origin, plain, ascending)
            },
        );
        DepGraph {
            n_measures,
            n_nodes,
            succ_off,
            succ,
            succ_edge,
            pred_off,
            pred,
            pred_edge,
            kind,
            lag,
            n_edges: m as u32,
            origin,
            junction_cell: junctions,
            plain,
            ascending,
            kahn_cache: std::sync::OnceLock::new(),
        }
    }

    /// Number of measures (the first nodes).
    pub fn measure_count(&self) -> usize {
        self.n_measures as usize
    }

    /// Number of nodes, junctions included.
    pub fn node_count(&self) -> usize {
        self.n_nodes as usize
    }

    /// True when every edge is finish-to-start without lag (scheduling then skips relation types
    /// and lags).
    pub fn all_finish_to_start(&self) -> bool {
        self.plain
    }

    /// True when every edge goes from a lower node id to a higher one, so that `0..node_count()`
    /// is a topological order (document order lists every prerequisite first, no junction).
    pub fn ids_ascending(&self) -> bool {
        self.ascending
    }

    /// Number of edges (explicit, derived and junction edges).
    pub fn edge_count(&self) -> usize {
        self.n_edges as usize
    }

    /// True when node `v` is a measure (not a junction).
    #[inline]
    pub fn is_measure(&self, v: u32) -> bool {
        v < self.n_measures
    }

    /// The (module, cluster) cell a junction node stands for.
    pub fn junction_cell(&self, v: u32) -> Option<(u32, u32)> {
        v.checked_sub(self.n_measures)
            .and_then(|j| self.junction_cell.get(j as usize).copied())
    }

    /// Successor node ids of `v` (its dependents).
    #[inline]
    pub fn successors(&self, v: u32) -> &[u32] {
        let v = v as usize;
        &self.succ[self.succ_off[v] as usize..self.succ_off[v + 1] as usize]
    }

    /// Predecessor node ids of `v` (its prerequisites).
    #[inline]
    pub fn predecessors(&self, v: u32) -> &[u32] {
        let v = v as usize;
        &self.pred[self.pred_off[v] as usize..self.pred_off[v + 1] as usize]
    }

    /// Edge ids parallel to [`DepGraph::predecessors`].
    #[inline]
    pub fn predecessor_edges(&self, v: u32) -> &[u32] {
        let v = v as usize;
        &self.pred_edge[self.pred_off[v] as usize..self.pred_off[v + 1] as usize]
    }

    /// Edge ids parallel to [`DepGraph::successors`].
    #[inline]
    pub fn successor_edges(&self, v: u32) -> &[u32] {
        let v = v as usize;
        &self.succ_edge[self.succ_off[v] as usize..self.succ_off[v + 1] as usize]
    }

    /// Relation type of edge `e`.
    #[inline]
    pub fn edge_kind(&self, e: u32) -> RelationType {
        if self.plain {
            RelationType::FS
        } else {
            self.kind[e as usize]
        }
    }

    /// Lag of edge `e` in days.
    #[inline]
    pub fn edge_lag(&self, e: u32) -> i32 {
        if self.plain { 0 } else { self.lag[e as usize] }
    }

    /// Origin of edge `e`.
    #[inline]
    pub fn edge_origin(&self, e: u32) -> EdgeOrigin {
        self.origin.get(e)
    }

    /// Every edge in id order.
    pub fn edges(&self) -> impl Iterator<Item = EdgeRef> + '_ {
        (0..self.n_nodes).flat_map(move |to| {
            self.predecessors(to)
                .iter()
                .zip(self.predecessor_edges(to))
                .map(move |(&from, &e)| EdgeRef {
                    from,
                    to,
                    kind: self.edge_kind(e),
                    lag: self.edge_lag(e),
                    origin: self.edge_origin(e),
                })
        })
    }

    /// Kahn's algorithm with levels. Returns `(order, wave_of_node)` where `order` holds every
    /// node when the graph is acyclic (fewer nodes otherwise). A measure occupies one wave and its
    /// dependents start in a later one; a junction passes its wave through unchanged.
    pub(crate) fn kahn(&self) -> &(Vec<u32>, Vec<u32>) {
        self.kahn_cache.get_or_init(|| self.kahn_levels())
    }

    fn kahn_levels(&self) -> (Vec<u32>, Vec<u32>) {
        let n = self.n_nodes as usize;
        let mut indeg: Vec<u32> = (0..n)
            .map(|v| self.pred_off[v + 1] - self.pred_off[v])
            .collect();
        let mut level = vec![0u32; n];
        let mut order: Vec<u32> = Vec::with_capacity(n);
        order.extend((0..self.n_nodes).filter(|&v| indeg[v as usize] == 0));
        let mut head = 0;
        while head < order.len() {
            let v = order[head];
            head += 1;
            let next = level[v as usize] + u32::from(self.is_measure(v));
            for &w in self.successors(v) {
                let lw = &mut level[w as usize];
                if *lw < next {
                    *lw = next;
                }
                let d = &mut indeg[w as usize];
                *d -= 1;
                if *d == 0 {
                    order.push(w);
                }
            }
        }
        (order, level)
    }

    /// Waves of measures: wave `k` holds the measures whose longest chain of prerequisites has
    /// `k` measures. Inside a wave, measures are in document order. `None` when there is a cycle.
    pub fn waves(&self) -> Option<Vec<Vec<u32>>> {
        let (order, level) = self.kahn();
        if order.len() != self.n_nodes as usize {
            return None;
        }
        let n_waves = (0..self.n_measures)
            .map(|v| level[v as usize] + 1)
            .max()
            .unwrap_or(0) as usize;
        let mut counts = vec![0usize; n_waves];
        for v in 0..self.n_measures {
            counts[level[v as usize] as usize] += 1;
        }
        let mut waves: Vec<Vec<u32>> = counts.iter().map(|&c| Vec::with_capacity(c)).collect();
        for v in 0..self.n_measures {
            waves[level[v as usize] as usize].push(v);
        }
        Some(waves)
    }

    /// Wave index of every measure (length `measure_count()`). `None` when there is a cycle.
    pub fn wave_of(&self) -> Option<Vec<u32>> {
        let (order, level) = self.kahn();
        let mut level = level.clone();
        if order.len() != self.n_nodes as usize {
            return None;
        }
        level.truncate(self.n_measures as usize);
        Some(level)
    }

    /// Measures in topological order: wave by wave, document order inside a wave.
    /// `None` when there is a cycle.
    pub fn topological_order(&self) -> Option<Vec<u32>> {
        self.waves().map(|w| w.into_iter().flatten().collect())
    }

    /// A topological order of *all* nodes (junctions included), for passes such as CPM.
    /// `None` when there is a cycle.
    pub fn node_order(&self) -> Option<Vec<u32>> {
        let (order, _) = self.kahn();
        (order.len() == self.n_nodes as usize).then(|| order.clone())
    }

    /// Every measure reachable from `sources` along successor edges, excluding the sources
    /// themselves, in ascending node order.
    pub fn descendants(&self, sources: &[u32]) -> Vec<u32> {
        self.reach(sources, true)
    }

    /// Every measure from which one of `sources` is reachable, excluding the sources, in
    /// ascending node order.
    pub fn ancestors(&self, sources: &[u32]) -> Vec<u32> {
        self.reach(sources, false)
    }

    /// Number of measures reachable from each source separately (like summing
    /// `len(nx.descendants(g, s))`), with one reusable stamp array.
    pub fn descendant_counts(&self, sources: &[u32]) -> Vec<u64> {
        let n = self.n_nodes as usize;
        let mut stamp = vec![0u32; n];
        let mut stack = Vec::new();
        let mut out = Vec::with_capacity(sources.len());
        for (k, &s) in sources.iter().enumerate() {
            let epoch = k as u32 + 1;
            stamp[s as usize] = epoch;
            stack.clear();
            stack.push(s);
            let mut count = 0u64;
            while let Some(v) = stack.pop() {
                for &w in self.successors(v) {
                    if stamp[w as usize] != epoch {
                        stamp[w as usize] = epoch;
                        count += u64::from(self.is_measure(w));
                        stack.push(w);
                    }
                }
            }
            out.push(count);
        }
        out
    }

    fn reach(&self, sources: &[u32], forward: bool) -> Vec<u32> {
        let n = self.n_nodes as usize;
        let mut seen = vec![false; n];
        let mut is_source = vec![false; n];
        let mut stack: Vec<u32> = Vec::new();
        for &s in sources {
            is_source[s as usize] = true;
            if !seen[s as usize] {
                seen[s as usize] = true;
                stack.push(s);
            }
        }
        while let Some(v) = stack.pop() {
            let next = if forward {
                self.successors(v)
            } else {
                self.predecessors(v)
            };
            for &w in next {
                if !seen[w as usize] {
                    seen[w as usize] = true;
                    stack.push(w);
                }
            }
        }
        (0..self.n_measures)
            .filter(|&v| seen[v as usize] && !is_source[v as usize])
            .collect()
    }

    /// One dependency cycle, found in O(V + E) wherever it sits: Kahn's algorithm removes
    /// everything not on or behind a cycle, then a walk along remaining prerequisites must
    /// close a loop. Returned in dependency order (each node a prerequisite of the next, the
    /// last a prerequisite of the first), rotated to start at its smallest node id, junctions
    /// removed. `None` when the graph is acyclic.
    pub fn find_cycle(&self) -> Option<Vec<u32>> {
        let (order, _) = self.kahn();
        if order.len() == self.n_nodes as usize {
            return None;
        }
        let n = self.n_nodes as usize;
        let mut removed = vec![false; n];
        for &v in order {
            removed[v as usize] = true;
        }
        let start = (0..self.n_nodes).find(|&v| !removed[v as usize])?;
        // Walk prerequisites among the remaining nodes until a node repeats.
        let mut pos = vec![u32::MAX; n];
        let mut walk: Vec<u32> = Vec::new();
        let mut v = start;
        while pos[v as usize] == u32::MAX {
            pos[v as usize] = walk.len() as u32;
            walk.push(v);
            v = *self
                .predecessors(v)
                .iter()
                .find(|&&p| !removed[p as usize])?;
        }
        let mut cycle: Vec<u32> = walk[pos[v as usize] as usize..].to_vec();
        cycle.reverse(); // walk went against the edges
        Some(self.normalise_cycle(cycle))
    }

    /// A shortest cycle through `start` inside its strongly connected component `members`
    /// (breadth-first search), in dependency order, junctions removed.
    pub(crate) fn cycle_through(&self, start: u32, in_scc: &dyn Fn(u32) -> bool) -> Vec<u32> {
        use std::collections::VecDeque;
        let mut parent: hashbrown::HashMap<u32, u32> = hashbrown::HashMap::new();
        let mut queue = VecDeque::from([start]);
        while let Some(v) = queue.pop_front() {
            for &w in self.successors(v) {
                if w == start {
                    let mut path = vec![v];
                    let mut cur = v;
                    while cur != start {
                        cur = parent[&cur];
                        path.push(cur);
                    }
                    path.reverse();
                    return self.normalise_cycle(path);
                }
                if in_scc(w) && !parent.contains_key(&w) {
                    parent.insert(w, v);
                    queue.push_back(w);
                }
            }
        }
        vec![start]
    }

    fn normalise_cycle(&self, cycle: Vec<u32>) -> Vec<u32> {
        let mut c: Vec<u32> = cycle.into_iter().filter(|&v| self.is_measure(v)).collect();
        if let Some((i, _)) = c.iter().enumerate().min_by_key(|&(_, &v)| v) {
            c.rotate_left(i);
        }
        c
    }

    /// Strongly connected components with more than one node or a self-loop (the cyclic
    /// blocks), each sorted, ordered by smallest member ([`cyclic_components`]).
    pub fn cyclic_components(&self) -> Vec<Vec<u32>> {
        cyclic_components(self)
    }
}

/// The cyclic components of any graph petgraph can walk (as rustworkx-core writes its
/// algorithms): strongly connected components with more than one node, or a single node with
/// an edge to itself. Each component is sorted by node index and the components are ordered
/// by their smallest member, so the result does not depend on the traversal. Tarjan's
/// algorithm ([`strongly_connected`]), O(V + E). Used for measure cycles, module `requires`
/// loops and the DSM's tearing.
pub fn cyclic_components<G>(g: G) -> Vec<Vec<G::NodeId>>
where
    G: IntoNeighbors + IntoNodeIdentifiers + NodeIndexable,
{
    let mut out: Vec<Vec<G::NodeId>> = strongly_connected(g)
        .into_iter()
        .filter(|c| c.len() > 1 || c.first().is_some_and(|&v| g.neighbors(v).any(|w| w == v)))
        .map(|mut c| {
            c.sort_unstable_by_key(|&v| g.to_index(v));
            c
        })
        .collect();
    out.sort_unstable_by_key(|c| g.to_index(c[0]));
    out
}

/// The strongly connected components of any graph petgraph can walk, in the order Tarjan's
/// algorithm closes them (reverse topological order of the condensation), O(V + E) time and
/// memory. Iterative, with an explicit stack: `petgraph::algo::tarjan_scc` recurses once per
/// node of a path, and a chain of 200,000 measures overflowed a 2 MiB thread stack (wasm32
/// has 1 MiB).
pub fn strongly_connected<G>(g: G) -> Vec<Vec<G::NodeId>>
where
    G: IntoNeighbors + IntoNodeIdentifiers + NodeIndexable,
{
    const UNSEEN: usize = usize::MAX;
    let n = g.node_bound();
    let mut index = vec![UNSEEN; n];
    let mut low = vec![0usize; n];
    let mut on_stack = vec![false; n];
    let mut stack: Vec<G::NodeId> = Vec::new();
    let mut calls: Vec<(G::NodeId, G::Neighbors)> = Vec::new();
    let mut next = 0usize;
    let mut out = Vec::new();
    for root in g.node_identifiers() {
        if index[g.to_index(root)] != UNSEEN {
            continue;
        }
        macro_rules! enter {
            ($v:expr) => {{
                let v = $v;
                let i = g.to_index(v);
                index[i] = next;
                low[i] = next;
                next += 1;
                on_stack[i] = true;
                stack.push(v);
                calls.push((v, g.neighbors(v)));
            }};
        }
        enter!(root);
        while let Some((v, it)) = calls.last_mut() {
            let v = *v;
            let vi = g.to_index(v);
            if let Some(w) = it.next() {
                let wi = g.to_index(w);
                if index[wi] == UNSEEN {
                    enter!(w);
                } else if on_stack[wi] {
                    low[vi] = low[vi].min(index[wi]);
                }
                continue;
            }
            calls.pop();
            if let Some((u, _)) = calls.last() {
                let ui = g.to_index(*u);
                low[ui] = low[ui].min(low[vi]);
            }
            if low[vi] == index[vi] {
                let mut comp = Vec::new();
                while let Some(w) = stack.pop() {
                    on_stack[g.to_index(w)] = false;
                    comp.push(w);
                    if w == v {
                        break;
                    }
                }
                out.push(comp);
            }
        }
    }
    out
}

// ---- petgraph visit traits ----

impl GraphBase for DepGraph {
    type EdgeId = u32;
    type NodeId = u32;
}

impl<'a> IntoNeighbors for &'a DepGraph {
    type Neighbors = std::iter::Copied<std::slice::Iter<'a, u32>>;
    fn neighbors(self, a: u32) -> Self::Neighbors {
        self.successors(a).iter().copied()
    }
}

impl<'a> IntoNeighborsDirected for &'a DepGraph {
    type NeighborsDirected = std::iter::Copied<std::slice::Iter<'a, u32>>;
    fn neighbors_directed(self, a: u32, d: petgraph::Direction) -> Self::NeighborsDirected {
        match d {
            petgraph::Direction::Outgoing => self.successors(a).iter().copied(),
            petgraph::Direction::Incoming => self.predecessors(a).iter().copied(),
        }
    }
}

impl IntoNodeIdentifiers for &DepGraph {
    type NodeIdentifiers = std::ops::Range<u32>;
    fn node_identifiers(self) -> Self::NodeIdentifiers {
        0..self.n_nodes
    }
}

impl NodeIndexable for DepGraph {
    fn node_bound(&self) -> usize {
        self.n_nodes as usize
    }
    fn to_index(&self, a: u32) -> usize {
        a as usize
    }
    fn from_index(&self, i: usize) -> u32 {
        i as u32
    }
}

impl NodeCount for DepGraph {
    fn node_count(&self) -> usize {
        self.n_nodes as usize
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn g(n: u32, edges: &[(u32, u32)]) -> DepGraph {
        let raw: Vec<RawEdge> = edges
            .iter()
            .enumerate()
            .map(|(i, &(from, to))| RawEdge {
                from,
                to,
                kind: RelationType::FS,
                lag: 0,
                origin: EdgeOrigin::Explicit {
                    measure: to,
                    entry: i as u32,
                },
            })
            .collect();
        DepGraph::build(n, vec![], &[&raw])
    }

    /// Every layout of edge origins reads back exactly what was built, whichever storage it
    /// gets: grouped with implied entries, grouped with skipped entries, derived edges, measures
    /// without edges, out-of-order explicit edges, explicit after derived, typed edges.
    #[test]
    fn edge_attributes_read_back_in_every_layout() {
        let ex = |from, to, entry| RawEdge {
            from,
            to,
            kind: RelationType::FS,
            lag: 0,
            origin: EdgeOrigin::Explicit { measure: to, entry },
        };
        let de = |from, to, module, cluster| RawEdge {
            from,
            to,
            kind: RelationType::FS,
            lag: 0,
            origin: EdgeOrigin::Derived { module, cluster },
        };
        let typed = RawEdge {
            kind: RelationType::SS,
            lag: -3,
            ..ex(0, 5, 1)
        };
        let layouts: Vec<(Vec<RawEdge>, bool)> = vec![
            (vec![], true),
            (
                vec![ex(0, 2, 0), ex(1, 2, 1), ex(2, 4, 0), ex(3, 5, 0)],
                true,
            ),
            // entry 1 of measure 2 was an unknown id: no edge, so entries are stored
            (vec![ex(0, 2, 0), ex(1, 2, 2), ex(2, 4, 0)], true),
            (
                vec![ex(0, 2, 0), ex(2, 4, 0), de(4, 5, 7, 1), de(1, 3, 0, 2)],
                true,
            ),
            (vec![ex(2, 4, 0), ex(0, 2, 0)], false),
            (vec![ex(0, 2, 0), de(4, 5, 7, 1), ex(2, 4, 0)], false),
            (vec![ex(0, 5, 0), typed, de(1, 3, 0, 2)], true),
        ];
        for (raw, grouped) in layouts {
            let g = DepGraph::build(6, vec![], &[&raw[..raw.len() / 2], &raw[raw.len() / 2..]]);
            assert_eq!(
                matches!(g.origin, Origins::Grouped { .. }),
                grouped,
                "{raw:?}"
            );
            assert_eq!(g.edge_count(), raw.len());
            for (e, r) in raw.iter().enumerate() {
                let e = e as u32;
                assert_eq!(g.edge_origin(e), r.origin, "{raw:?} edge {e}");
                assert_eq!((g.edge_kind(e), g.edge_lag(e)), (r.kind, r.lag), "{raw:?}");
            }
            let plain = raw.iter().all(|r| r.kind == RelationType::FS && r.lag == 0);
            assert_eq!(g.all_finish_to_start(), plain);
            assert_eq!(g.kind.is_empty(), plain || raw.is_empty());
        }
    }

    #[test]
    fn cyclic_components_work_on_any_petgraph_graph() {
        // 0 -> 1 -> 0, 2 -> 2, 3 -> 4 (acyclic), 5 -> 6 -> 7 -> 5
        let mut g = petgraph::graph::DiGraph::<(), ()>::new();
        let n: Vec<_> = (0..8).map(|_| g.add_node(())).collect();
        for (a, b) in [(6, 7), (1, 0), (0, 1), (2, 2), (3, 4), (7, 5), (5, 6)] {
            g.add_edge(n[a], n[b], ());
        }
        let comps: Vec<Vec<usize>> = super::cyclic_components(&g)
            .into_iter()
            .map(|c| c.into_iter().map(|v| v.index()).collect())
            .collect();
        assert_eq!(comps, vec![vec![0, 1], vec![2], vec![5, 6, 7]]);
    }

    #[test]
    fn strongly_connected_components_of_a_long_chain_need_no_deep_stack() {
        // a ring of 300,000 nodes and a chain hanging off it, on a 256 KiB stack
        let n = 300_000u32;
        let mut e: Vec<(u32, u32)> = (0..n - 1).map(|i| (i, i + 1)).collect();
        e.push((n / 2, 0));
        let d = g(n, &e);
        let comps = std::thread::Builder::new()
            .stack_size(256 << 10)
            .spawn(move || d.cyclic_components())
            .unwrap()
            .join()
            .unwrap();
        assert_eq!(comps, vec![(0..=n / 2).collect::<Vec<u32>>()]);
        // the same partition as petgraph's recursive Tarjan on a small graph
        let mut gr = petgraph::graph::DiGraph::<(), ()>::new();
        let ns: Vec<_> = (0..9).map(|_| gr.add_node(())).collect();
        for (a, b) in [
            (0, 1),
            (1, 2),
            (2, 0),
            (2, 3),
            (3, 4),
            (4, 3),
            (5, 5),
            (6, 7),
            (8, 6),
            (7, 8),
        ] {
            gr.add_edge(ns[a], ns[b], ());
        }
        let norm = |mut v: Vec<Vec<petgraph::graph::NodeIndex>>| {
            v.iter_mut().for_each(|c| c.sort());
            v.sort();
            v
        };
        assert_eq!(
            norm(super::strongly_connected(&gr)),
            norm(petgraph::algo::tarjan_scc(&gr))
        );
    }

    #[test]
    fn waves_follow_document_order() {
        let d = g(5, &[(3, 0), (3, 1), (0, 2), (1, 2)]);
        assert_eq!(d.waves().unwrap(), vec![vec![3, 4], vec![0, 1], vec![2]]);
        assert_eq!(d.topological_order().unwrap(), vec![3, 4, 0, 1, 2]);
    }

    #[test]
    fn descendants_and_ancestors() {
        let d = g(5, &[(0, 1), (1, 2), (3, 2)]);
        assert_eq!(d.descendants(&[0]), vec![1, 2]);
        assert_eq!(d.ancestors(&[2]), vec![0, 1, 3]);
        assert_eq!(d.descendant_counts(&[0, 3, 4]), vec![2, 1, 0]);
        assert_eq!(d.descendants(&[0, 1]), vec![2]);
    }

    #[test]
    fn cycle_found_in_order() {
        // 0 -> 1 -> 2 -> 3 -> 1, and 3 -> 4
        let d = g(5, &[(0, 1), (1, 2), (2, 3), (3, 1), (3, 4)]);
        assert!(d.waves().is_none());
        assert_eq!(d.find_cycle().unwrap(), vec![1, 2, 3]);
        assert_eq!(d.cyclic_components(), vec![vec![1, 2, 3]]);
        assert_eq!(d.cycle_through(1, &|v| (1..=3).contains(&v)), vec![1, 2, 3]);
    }

    #[test]
    fn junction_passes_wave_through() {
        // measures 0,1 -> junction 3 -> measure 2
        let raw = [(0, 3), (1, 3), (3, 2)]
            .iter()
            .map(|&(from, to)| RawEdge {
                from,
                to,
                kind: RelationType::FS,
                lag: 0,
                origin: EdgeOrigin::Derived {
                    module: 0,
                    cluster: 0,
                },
            })
            .collect::<Vec<_>>();
        let d = DepGraph::build(3, vec![(0, 0)], &[&raw]);
        assert_eq!(d.waves().unwrap(), vec![vec![0, 1], vec![2]]);
        assert_eq!(d.descendants(&[0]), vec![2]);
    }
}
