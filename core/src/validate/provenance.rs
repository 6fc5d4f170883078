//! The `illustrative` lists: every name is a field of its entity
//! ([`crate::model::illustrative_fields_of`]).

use super::{Code, Diagnostic, err};
use crate::model::{Document, Illustrative, illustrative_fields_of};

/// Where an entity sits: its list (`measures`) and index, or `strategy` alone.
#[derive(Debug, Clone, Copy)]
pub(crate) struct At {
    /// Kind, as [`crate::model::ILLUSTRATIVE_KINDS`] names it.
    pub kind: &'static str,
    /// The list's path (`measures`, `strategy.goals`) or `strategy`.
    pub list: &'static str,
    /// Index in the list (`None` for the strategy).
    pub index: Option<usize>,
}

impl At {
    /// The JSON path of the entity.
    pub fn path(&self) -> String {
        match self.index {
            Some(i) => format!("{}[{i}]", self.list),
            None => self.list.to_owned(),
        }
    }
}

/// Visit every entity carrying `illustrative`, in document order, without allocating.
pub(crate) fn each<'a>(doc: &'a Document, mut f: impl FnMut(At, &'a str, &'a Illustrative)) {
    let s = &doc.strategy;
    let at = |kind, list, index| At { kind, list, index };
    f(at("strategy", "strategy", None), &s.id, &s.illustrative);
    if let Some(wg) = &s.working_group {
        f(
            at("working_group", "strategy.working_group", None),
            &s.id,
            &wg.illustrative,
        );
    }
    macro_rules! list {
        ($kind:literal, $list:expr, $path:literal) => {
            for (i, x) in $list.iter().enumerate() {
                f(at($kind, $path, Some(i)), &x.id, &x.illustrative);
            }
        };
    }
    list!("goal", s.goals, "strategy.goals");
    list!("organization", doc.organizations, "organizations");
    list!("direction", doc.directions, "directions");
    list!("cluster", doc.clusters, "clusters");
    list!("module", doc.modules, "modules");
    list!("measure", doc.measures, "measures");
    list!("indicator", doc.indicators, "indicators");
    list!("report", doc.reports, "reports");
    list!("evaluation", doc.evaluations, "evaluations");
    for (i, x) in doc.assessments.iter().enumerate() {
        f(
            at("assessment", "assessments", Some(i)),
            &x.cluster,
            &x.illustrative,
        );
    }
}

/// A name in an `illustrative` list that is not a field of its entity: a located error.
pub(crate) fn fields(doc: &Document, d: &mut Vec<Diagnostic>) {
    each(doc, |at, id, ill| {
        let kind = at.kind;
        let allowed = illustrative_fields_of(kind).unwrap_or(&[]);
        for (j, f) in ill.fields().iter().enumerate() {
            if !allowed.contains(&f.as_str()) {
                d.push(err(
                    Code::UnknownIllustrativeField,
                    format!("{}.illustrative[{j}]", at.path()),
                    Some(id),
                    format!(
                        "`{f}` is not a field of a {kind} (illustrative may name: {})",
                        allowed.join(", ")
                    ),
                ));
            }
        }
    });
}
