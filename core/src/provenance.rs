//! Provenance: what in a document is invented for illustration and what its public sources
//! are ([`Strategy::provenance`]). Every output that shows illustrative content says so where
//! it shows it (`docs/provenance.md`): the reports carry [`Provenance::notice`] and a mark per
//! illustrative row, the CSVs an `illustrative` column, the pictures a caption, and the
//! Sources section lists the approving act, the legal basis and every source cited. A
//! document with nothing illustrative gets no notice and no mark.

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use crate::model::{Act, Document};
use crate::strategy::Strategy;
use crate::validate::provenance::each;

/// One entity with invented content.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub struct IllustrativeItem {
    /// Entity kind: `strategy`, `working_group`, `goal`, `organization`, `direction`, `cluster`, `module`,
    /// `measure`, `indicator`, `report`, `evaluation`.
    pub kind: String,
    /// The entity's id.
    pub id: String,
    /// The JSON path of the entity, e.g. `measures[3]`.
    pub path: String,
    /// The invented fields; empty when the whole entity is invented.
    pub fields: Vec<String>,
}

/// A source cited by the document and the entities citing it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
pub struct Citation {
    /// The citation as written (a URL or a document a reader can open).
    pub source: String,
    /// Who cites it, e.g. `measure 1.1`, in document order.
    pub cited_by: Vec<String>,
}

/// What is invented and what is sourced.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "wasm", tsify(missing_as_null))]
pub struct Provenance {
    /// Entities with invented content, in document order.
    pub illustrative: Vec<IllustrativeItem>,
    /// The notice outputs show, e.g. `Illustrative content (invented, not from the public
    /// record): 106 of 106 measures (12 in some fields), 26 of 26 modules. Marked † where
    /// shown.`; `None` when nothing is illustrative.
    pub notice: Option<String>,
    /// The approving act, written out with its source.
    pub approved_by: Option<String>,
    /// The acts of the legal basis, written out with their sources.
    pub legal_basis: Vec<String>,
    /// The act that created the working group, written out with its source.
    pub working_group: Option<String>,
    /// Every distinct source cited, in order of first citation.
    pub sources: Vec<Citation>,
}

/// The mark beside an illustrative figure or row.
pub const MARK: &str = "†";

/// An act in one line: body, kind, number, date, title, source.
pub fn act_text(a: &Act) -> String {
    let mut parts = Vec::new();
    if let Some(b) = &a.body {
        parts.push(b.clone());
    }
    match (&a.kind, &a.number) {
        (Some(k), Some(n)) => parts.push(format!("{k} No. {n}")),
        (Some(k), None) => parts.push(k.clone()),
        (None, Some(n)) => parts.push(format!("No. {n}")),
        (None, None) => {}
    }
    if let Some(d) = &a.date {
        parts.push(format!("of {d}"));
    }
    let mut s = parts.join(", ");
    if let Some(t) = &a.title {
        s.push_str(&format!(": “{}”", t.best()));
    }
    if let Some(src) = &a.source {
        s.push_str(&format!(" (source: {src})"));
    }
    s
}

/// Per entity kind ([`crate::model::ILLUSTRATIVE_KINDS`] order): entities with invented
/// content, and of them those with only some fields invented.
fn counts(doc: &Document) -> [(usize, usize); 12] {
    let mut c = [(0usize, 0usize); 12];
    each(doc, |at, _, ill| {
        if ill.is_any() {
            let k = crate::model::ILLUSTRATIVE_KINDS
                .iter()
                .position(|x| *x == at.kind)
                .unwrap_or(0);
            c[k].0 += 1;
            c[k].1 += usize::from(!ill.is_all());
        }
    });
    c
}

/// `Illustrative content (invented …): 106 of 106 measures, …` (`None` when nothing is).
fn summary(doc: &Document) -> Option<String> {
    let totals = [
        1,
        usize::from(doc.strategy.working_group.is_some()),
        doc.strategy.goals.len(),
        doc.organizations.len(),
        doc.directions.len(),
        doc.clusters.len(),
        doc.modules.len(),
        doc.measures.len(),
        doc.indicators.len(),
        doc.reports.len(),
        doc.evaluations.len(),
        doc.assessments.len(),
    ];
    let mut parts = Vec::new();
    for ((kind, (n, partly)), total) in crate::model::ILLUSTRATIVE_KINDS
        .iter()
        .zip(counts(doc))
        .zip(totals)
    {
        if n == 0 {
            continue;
        }
        let plural = if total == 1 { "" } else { "s" };
        let mut p = format!("{n} of {total} {kind}{plural}");
        if partly > 0 {
            p.push_str(&format!(" ({partly} in some fields only)"));
        }
        parts.push(p);
    }
    (!parts.is_empty()).then(|| {
        format!(
            "Illustrative content (invented for illustration, not from the public record): {}.",
            parts.join(", ")
        )
    })
}

impl Strategy {
    /// What is invented for illustration (entities marked `illustrative`, with their invented
    /// fields), the notice outputs show, and the sources: the approving act, the legal basis
    /// and every distinct source cited by an entity, with who cites it.
    pub fn provenance(&self) -> Provenance {
        provenance_of(self.document())
    }

    /// The caption of a picture of this document: the illustrative content counted by kind,
    /// or `None` when nothing is illustrative (the pictures then carry no caption).
    pub(crate) fn illustrative_caption(&self) -> Option<String> {
        summary(self.document())
    }

    /// Whether measure `m`'s state as of `d` is illustrative: it comes from an illustrative
    /// report, or from the measure's own `status` when that field is invented.
    pub(crate) fn state_illustrative(&self, m: usize, d: Date) -> bool {
        let doc = self.document();
        match self.index().monitoring.entry_as_of(m, d) {
            Some(e) => doc.reports[e.report as usize].illustrative.is_any(),
            None => doc.measures[m].illustrative.covers("status"),
        }
    }

    /// Whether an indicator's figures are illustrative: invented baseline, targets or
    /// actuals, or values from an illustrative report.
    pub(crate) fn indicator_illustrative(&self, id: &str) -> bool {
        let doc = self.document();
        let own = doc.indicators.iter().find(|x| x.id == id).is_some_and(|x| {
            x.illustrative
                .covers_any(&["baseline", "targets", "actuals"])
        });
        own || doc
            .reports
            .iter()
            .any(|r| r.illustrative.is_any() && r.indicators.iter().any(|v| v.indicator == id))
    }
}

fn provenance_of<'a>(doc: &'a Document) -> Provenance {
    let mut illustrative = Vec::new();
    let mut sources: Vec<Citation> = Vec::new();
    let mut seen: std::collections::HashMap<&str, usize> = Default::default();
    let mut cite = |src: &'a str, by: String| match seen.get(src) {
        Some(&k) => sources[k].cited_by.push(by),
        None => {
            seen.insert(src, sources.len());
            sources.push(Citation {
                source: src.to_owned(),
                cited_by: vec![by],
            });
        }
    };
    let source_of = |kind: &str, i: Option<usize>| -> Option<&'a str> {
        let i = i.unwrap_or(0);
        match kind {
            "strategy" => doc.strategy.source.as_deref(),
            "working_group" => doc
                .strategy
                .working_group
                .as_ref()
                .and_then(|w| w.source.as_deref()),
            "goal" => doc.strategy.goals[i].source.as_deref(),
            "organization" => doc.organizations[i].source.as_deref(),
            "direction" => doc.directions[i].source.as_deref(),
            "cluster" => doc.clusters[i].source.as_deref(),
            "module" => doc.modules[i].source.as_deref(),
            "measure" => doc.measures[i].source.as_deref(),
            "indicator" => doc.indicators[i].source.as_deref(),
            "report" => doc.reports[i].source.as_deref(),
            "assessment" => doc.assessments[i].source.as_deref(),
            _ => doc.evaluations[i].source.as_deref(),
        }
    };
    each(doc, |at, id, ill| {
        if let Some(src) = source_of(at.kind, at.index) {
            cite(src, format!("{} {id}", at.kind));
        }
        if ill.is_any() {
            illustrative.push(IllustrativeItem {
                kind: at.kind.to_owned(),
                id: id.to_owned(),
                path: at.path(),
                fields: ill.fields().iter().map(|f| f.to_string()).collect(),
            });
        }
    });
    if let Some(wg) = &doc.strategy.working_group {
        if let Some(src) = wg.established_by.as_ref().and_then(|a| a.source.as_deref()) {
            cite(src, "working_group established_by".to_owned());
        }
        for m in &wg.meetings {
            if let Some(src) = &m.source {
                cite(src, format!("working_group meeting {}", m.date));
            }
        }
    }
    let notice = summary(doc).map(|s| {
        format!("{s} Marked {MARK} where shown; the Sources section lists what is public.")
    });
    Provenance {
        illustrative,
        notice,
        approved_by: doc.strategy.approved_by.as_ref().map(act_text),
        legal_basis: doc.strategy.legal_basis.iter().map(act_text).collect(),
        working_group: doc
            .strategy
            .working_group
            .as_ref()
            .and_then(|w| w.established_by.as_ref())
            .map(act_text),
        sources,
    }
}

impl Citation {
    /// Who cites it, in one line: the first five, then `and N more`.
    pub fn cited_by_text(&self) -> String {
        let mut s = self
            .cited_by
            .iter()
            .take(5)
            .map(String::as_str)
            .collect::<Vec<_>>()
            .join(", ");
        if self.cited_by.len() > 5 {
            s.push_str(&format!(" and {} more", self.cited_by.len() - 5));
        }
        s
    }
}
