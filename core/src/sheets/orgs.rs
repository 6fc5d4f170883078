//! Executors matched to organisations by id, name or abbreviation; a name close to a known one
//! gets "did you mean"; other names become organisations.

use serde_json::{Map, Value, json};

use super::phrases::norm;
use crate::model::Lang;

/// What an executor's text is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Match {
    /// A known organisation.
    Known(String),
    /// Unknown, but close to a known organisation (its id): the reference is kept as written.
    Near(String, String),
    /// A new organisation made from the name (its id).
    New(String),
}

/// The organisations executors are matched against.
#[derive(Debug, Default)]
pub(crate) struct Orgs {
    /// (id, names as written, normalised names and abbreviations).
    known: Vec<(String, Vec<String>, Vec<String>)>,
    /// The workbook was written by eculture: match ids and names as written, never make one.
    pub exact: bool,
    /// The language of new organisations' names.
    pub lang: Lang,
    /// Organisations made from names, in order of first mention.
    pub created: Vec<Value>,
}

/// Abbreviations a name carries: words in parentheses (`(CAERC)`) and all-capital words.
fn abbreviations(name: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = name;
    while let Some(i) = rest.find('(') {
        let after = &rest[i + 1..];
        let Some(j) = after.find(')') else { break };
        out.push(norm(&after[..j]));
        rest = &after[j + 1..];
    }
    for w in name.split(|c: char| !c.is_alphanumeric()) {
        if w.chars().count() >= 2 && w.chars().all(|c| c.is_uppercase()) {
            out.push(norm(w));
        }
    }
    out
}

impl Orgs {
    /// From the document's organisations (their serde form).
    pub(crate) fn new(orgs: &[Value], exact: bool, lang: Lang) -> Orgs {
        let mut o = Orgs {
            exact,
            lang,
            ..Orgs::default()
        };
        for v in orgs {
            o.add(v);
        }
        o
    }

    fn add(&mut self, v: &Value) {
        let Some(id) = v.get("id").and_then(Value::as_str) else {
            return;
        };
        let names: Vec<String> = v
            .get("name")
            .and_then(Value::as_object)
            .map(|m| {
                m.values()
                    .filter_map(Value::as_str)
                    .map(str::to_owned)
                    .collect()
            })
            .unwrap_or_default();
        let mut folded: Vec<String> = names.iter().map(|n| norm(n)).collect();
        folded.extend(names.iter().flat_map(|n| abbreviations(n)));
        self.known.push((id.to_owned(), names, folded));
    }

    /// Match one executor's text.
    pub(crate) fn resolve(&mut self, text: &str) -> Match {
        if self.exact {
            let hit = self.known.iter().find(|(id, _, _)| id == text).or_else(|| {
                let named: Vec<_> = self
                    .known
                    .iter()
                    .filter(|(_, names, _)| names.iter().any(|n| n == text))
                    .collect();
                (named.len() == 1).then(|| named[0])
            });
            return Match::Known(hit.map_or_else(|| text.to_owned(), |(id, _, _)| id.clone()));
        }
        let t = text.trim();
        let n = norm(t);
        if let Some((id, _, _)) = self.known.iter().find(|(id, _, _)| norm(id) == n) {
            return Match::Known(id.clone());
        }
        if let Some((id, _, _)) = self.known.iter().find(|(_, _, f)| f.contains(&n)) {
            return Match::Known(id.clone());
        }
        let mut budget = crate::suggest::MAX_COMPARISONS;
        let near = crate::suggest::nearest(
            &n,
            self.known
                .iter()
                .flat_map(|(_, _, f)| f.iter().map(String::as_str)),
            &mut budget,
        );
        if let Some(near) = near
            && n.chars().count() >= 6
            && let Some((id, _, _)) = self.known.iter().find(|(_, _, f)| f.contains(&near))
        {
            return Match::Near(t.to_owned(), id.clone());
        }
        let id = self.new_id(t);
        let mut name = Map::new();
        name.insert(self.lang.code().to_owned(), Value::String(t.to_owned()));
        let org = json!({"id": id, "name": name, "kind": kind_of(&n)});
        self.add(&org);
        self.created.push(org);
        Match::New(id)
    }

    /// An id for a new organisation: its abbreviation, or its name folded to `a-z0-9_`.
    fn new_id(&self, name: &str) -> String {
        let base = abbreviations(name)
            .into_iter()
            .next()
            .unwrap_or_else(|| slug(name));
        let base = if base.is_empty() {
            "org".to_owned()
        } else {
            base
        };
        let mut id = base.clone();
        let mut k = 2;
        while self.known.iter().any(|(i, _, _)| *i == id) {
            id = format!("{base}_{k}");
            k += 1;
        }
        id
    }
}

/// A name folded to an id: Azerbaijani letters to Latin, other characters to `_`, at most 40.
pub(crate) fn slug(name: &str) -> String {
    let mut out = String::new();
    for c in name.to_lowercase().chars() {
        let c = match c {
            'ə' => 'e',
            'ı' | 'i' => 'i',
            'ö' => 'o',
            'ü' => 'u',
            'ş' => 's',
            'ç' => 'c',
            'ğ' => 'g',
            c if c.is_ascii_alphanumeric() => c,
            _ => '_',
        };
        if c == '_' && (out.is_empty() || out.ends_with('_')) {
            continue;
        }
        out.push(c);
        if out.len() >= 40 {
            break;
        }
    }
    out.trim_end_matches('_').to_owned()
}

/// The kind of a new organisation, from its name.
fn kind_of(name: &str) -> &'static str {
    if ["nazirliy", "ministry", "министерств", "kabinet", "cabinet"]
        .iter()
        .any(|w| name.contains(w))
    {
        "ministry"
    } else if [
        "agentliy",
        "xidmət",
        "agency",
        "service",
        "комитет",
        "агентств",
        "служб",
        "komitə",
    ]
    .iter()
    .any(|w| name.contains(w))
    {
        "state_body"
    } else {
        "other"
    }
}
