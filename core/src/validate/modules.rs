//! Rules about modules: which clusters each applies to (its rule's tags, clusters and
//! exceptions), the modules it requires and loops among those requirements.

use super::{Code, Diagnostic, err, warn};
use crate::dates::MAX_DAYS;
use crate::ids::Ids;
use crate::model::{Document, Id, RelationType};

/// What the module pass resolves: applicability and requirements.
#[derive(Debug)]
pub(crate) struct Modules {
    /// `applicable[m * n_clusters + c]`.
    pub applicable: Vec<bool>,
    /// Per module, the modules it requires: (required module, relation, lag).
    pub requires: Vec<Vec<(u32, RelationType, i32)>>,
    /// Modules require each other in a loop (derived dependencies are then not built).
    pub cyclic: bool,
}

/// Applicability rules, requirements and requirement loops.
pub(crate) fn check(doc: &Document, ids: &Ids, d: &mut Vec<Diagnostic>) -> Modules {
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
                match ids.cluster(doc, cid) {
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
            if let Some(ci) = ids.cluster(doc, cid) {
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
            match ids.module(doc, &r.module) {
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
        for scc in crate::graph::cyclic_components(&mg) {
            module_cyclic = true;
            let ids: Vec<usize> = scc.iter().map(|n| n.index()).collect();
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
    Modules {
        applicable,
        requires,
        cyclic: module_cyclic,
    }
}
