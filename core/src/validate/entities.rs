//! Rules about the small entities: every organisation, direction, cluster, module, indicator
//! and goal has a title; directions name existing goals.

use super::{Code, Diagnostic, err};
use crate::ids::Ids;
use crate::model::{Document, Text};

/// Titles of the small entities.
pub(crate) fn titles(doc: &Document, d: &mut Vec<Diagnostic>) {
    let s = &doc.strategy;
    let mut title = |t: &Text, path: String, id: &str, what: &str| {
        if t.is_empty() {
            d.push(err(
                Code::MissingTitle,
                path,
                Some(id),
                format!("{what} `{id}` has no title in any language"),
            ));
        }
    };
    for (i, o) in doc.organizations.iter().enumerate() {
        title(
            &o.name,
            format!("organizations[{i}].name"),
            &o.id,
            "organization",
        );
    }
    for (i, x) in doc.directions.iter().enumerate() {
        title(
            &x.title,
            format!("directions[{i}].title"),
            &x.id,
            "direction",
        );
    }
    for (i, x) in doc.clusters.iter().enumerate() {
        title(&x.title, format!("clusters[{i}].title"), &x.id, "cluster");
    }
    for (i, x) in doc.modules.iter().enumerate() {
        title(&x.title, format!("modules[{i}].title"), &x.id, "module");
    }
    for (i, x) in doc.indicators.iter().enumerate() {
        title(&x.name, format!("indicators[{i}].name"), &x.id, "indicator");
    }
    for (i, g) in s.goals.iter().enumerate() {
        title(
            &g.title,
            format!("strategy.goals[{i}].title"),
            &g.id,
            "goal",
        );
    }
}

/// Directions name existing goals.
pub(crate) fn directions(doc: &Document, ids: &Ids, d: &mut Vec<Diagnostic>) {
    for (i, x) in doc.directions.iter().enumerate() {
        for (j, g) in x.goals.iter().enumerate() {
            if ids.goal(doc, g).is_none() {
                d.push(err(
                    Code::UnknownReference,
                    format!("directions[{i}].goals[{j}]"),
                    Some(&x.id),
                    format!("unknown goal `{g}`"),
                ));
            }
        }
    }
}
