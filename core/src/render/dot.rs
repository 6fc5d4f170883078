//! Graphviz DOT text of the dependency graph: one subgraph (cluster) per direction, nodes
//! labelled `id: title`, dependencies derived from module `requires` dashed, edges of a
//! critical path bold when a schedule is given. Above [`DOT_MAX_NODES`] measures: one node per
//! direction, edges counted.

use std::collections::HashMap;
use std::fmt::Write as _;

use super::gantt::{by_direction, direction_title};
use super::svg::thousands;
use super::{DOT_MAX_NODES, RenderOptions, name, word};
use crate::model::Lang;
use crate::schedule::Schedule;
use crate::strategy::{DependencyEdge, Strategy};

/// A DOT string literal: quotes and backslashes escaped, line breaks as `\n`, control
/// characters dropped (the crate's one DOT escaper, kept here by name).
pub use crate::escape::dot_string as dot_str;

/// Dependencies between direction groups, counted from the graph without listing them: a
/// junction (a module requirement in a cell) counts producers × consumers per pair of groups
/// from the two sides' group counts, so the work is linear in the graph (plus groups² per
/// junction at most), never `p × c`.
fn group_edges(s: &Strategy, group_of: &[u32]) -> HashMap<(u32, u32), u64> {
    let mut count: HashMap<(u32, u32), u64> = HashMap::new();
    let Ok(g) = s.graph() else {
        return count;
    };
    let nm = g.measure_count() as u32;
    let mut producers: HashMap<u32, u64> = HashMap::new();
    let mut consumers: HashMap<u32, u64> = HashMap::new();
    for v in 0..g.node_count() as u32 {
        if v < nm {
            for &p in g.predecessors(v) {
                if p < nm {
                    let (ga, gb) = (group_of[p as usize], group_of[v as usize]);
                    if ga != gb {
                        *count.entry((ga, gb)).or_insert(0) += 1;
                    }
                }
            }
            continue;
        }
        // a junction: every producer → every consumer
        producers.clear();
        consumers.clear();
        for &p in g.predecessors(v) {
            *producers.entry(group_of[p as usize]).or_insert(0) += 1;
        }
        for &c in g.successors(v) {
            *consumers.entry(group_of[c as usize]).or_insert(0) += 1;
        }
        for (&ga, &kp) in &producers {
            for (&gb, &kc) in &consumers {
                if ga != gb {
                    *count.entry((ga, gb)).or_insert(0) += kp * kc;
                }
            }
        }
    }
    count
}

/// DOT text of `s` with its dependencies `deps` ([`Strategy::dependencies`]); critical edges
/// (consecutive measures of a critical path of `schedule`) bold. Above [`DOT_MAX_NODES`]
/// measures `deps` is not read: the groups' edges are counted from the graph.
pub fn dot(
    s: &Strategy,
    deps: &[DependencyEdge],
    schedule: Option<&Schedule>,
    opts: &RenderOptions,
) -> String {
    let lang = opts.lang;
    let doc = s.document();
    let n = doc.measures.len();
    let groups = by_direction(s, n);
    let mut out = String::new();
    let title = name(&doc.strategy.title, lang, &doc.strategy.id);
    out.push_str("digraph eculture {\n");
    let _ = writeln!(
        out,
        "  graph [rankdir=LR, fontname=\"sans-serif\", label={}, labelloc=t];",
        dot_str(title)
    );
    out.push_str("  node [shape=box, style=\"rounded,filled\", fillcolor=\"#eef4fb\", fontname=\"sans-serif\", fontsize=10];\n");
    out.push_str("  edge [color=\"#6b7b8c\"];\n");
    if n > DOT_MAX_NODES {
        direction_graph(&mut out, s, &groups, lang);
    } else {
        measure_clusters(&mut out, s, &groups, schedule, lang);
        dependency_edges(&mut out, deps, schedule);
    }
    out.push_str("}\n");
    out
}

/// A large plan: one node per direction, the dependencies between directions counted.
fn direction_graph(
    out: &mut String,
    s: &Strategy,
    groups: &[(Option<usize>, Vec<u32>)],
    lang: Lang,
) {
    let n = s.document().measures.len();
    let _ = writeln!(
        out,
        "  // {}: {} measures shown as {} directions",
        word(lang, "aggregated", "birləşdirilib"),
        thousands(n as u64),
        groups.len()
    );
    let mut group_of = vec![0u32; n];
    for (g, (_, rows)) in groups.iter().enumerate() {
        for &r in rows {
            group_of[r as usize] = g as u32;
        }
        let _ = writeln!(
            out,
            "  g{g} [label={}];",
            dot_str(&format!(
                "{} ({} measures)",
                direction_title(s, groups[g].0, lang),
                thousands(rows.len() as u64)
            ))
        );
    }
    let count = group_edges(s, &group_of);
    let mut edges: Vec<((u32, u32), u64)> = count.into_iter().collect();
    edges.sort_unstable();
    for ((a, b), k) in edges {
        let _ = writeln!(
            out,
            "  g{a} -> g{b} [label={}, penwidth={}];",
            dot_str(&thousands(k)),
            k.to_string().len()
        );
    }
}

/// One subgraph per direction with its measures, those on a critical path of `schedule`
/// outlined.
fn measure_clusters(
    out: &mut String,
    s: &Strategy,
    groups: &[(Option<usize>, Vec<u32>)],
    schedule: Option<&Schedule>,
    lang: Lang,
) {
    let doc = s.document();
    for (g, (d, rows)) in groups.iter().enumerate() {
        let _ = writeln!(out, "  subgraph cluster_{g} {{");
        let _ = writeln!(
            out,
            "    label={}; style=\"rounded\"; color=\"#b0b8c0\";",
            dot_str(&direction_title(s, *d, lang))
        );
        for &r in rows {
            let m = &doc.measures[r as usize];
            let crit = schedule
                .and_then(|sc| sc.critical.get(r as usize).copied())
                .unwrap_or(false);
            let _ = writeln!(
                out,
                "    {} [label={}{}];",
                dot_str(&m.id),
                dot_str(&format!("{}: {}", m.id, name(&m.title, lang, &m.id))),
                if crit {
                    ", color=\"#b8206a\", penwidth=2"
                } else {
                    ""
                }
            );
        }
        out.push_str("  }\n");
    }
}

/// The dependencies: derived ones dashed, relations and lags labelled, critical ones bold.
fn dependency_edges(out: &mut String, deps: &[DependencyEdge], schedule: Option<&Schedule>) {
    let mut critical: Vec<(&str, &str)> = Vec::new();
    if let Some(sc) = schedule {
        for p in sc.critical_paths() {
            for w in p.windows(2) {
                critical.push((w[0], w[1]));
            }
        }
    }
    critical.sort_unstable();
    for d in deps {
        let crit = critical
            .binary_search(&(d.from.as_str(), d.to.as_str()))
            .is_ok();
        let mut attrs = Vec::new();
        if d.derived {
            attrs.push("style=dashed".to_owned());
            if let Some(m) = &d.module {
                attrs.push(format!(
                    "tooltip={}",
                    dot_str(&format!(
                        "requires {m} in {}",
                        d.cluster.as_deref().unwrap_or("")
                    ))
                ));
            }
        }
        if d.relation != "FS" || d.lag_days != 0 {
            let lag = if d.lag_days == 0 {
                String::new()
            } else {
                format!("{:+}d", d.lag_days)
            };
            attrs.push(format!(
                "label={}",
                dot_str(&format!("{}{lag}", d.relation))
            ));
        }
        if crit {
            attrs.push("penwidth=2.5, color=\"#b8206a\"".to_owned());
        }
        let _ = write!(out, "  {} -> {}", dot_str(&d.from), dot_str(&d.to));
        if attrs.is_empty() {
            out.push_str(";\n");
        } else {
            let _ = writeln!(out, " [{}];", attrs.join(", "));
        }
    }
}
