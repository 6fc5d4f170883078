//! Id tables: for each entity kind, a hash table of indices into the document's id column
//! ([`IdTable`]), and the tables of a document ([`Ids`]). Built first by the resolution;
//! every rule looks ids up through them. Empty and duplicate ids are diagnosed here.

use std::hash::BuildHasher;

use hashbrown::HashTable;
use rustc_hash::FxBuildHasher;

use crate::diagnostic::{Code, Diagnostic, err};
use crate::model::Document;

/// A hash table of indices into an id column, hashing the ids in place (no copies). Entries
/// are bare `u32` indices (4 bytes: the table of a million measures stays cache-resident); the
/// table is sized up front, so it never re-reads ids to grow, and hashbrown's control bytes
/// filter candidates so that a lookup compares one id.
#[derive(Debug, Clone, Default)]
pub(crate) struct IdTable {
    table: HashTable<u32>,
    /// Every index of the column is in the table under its own id (no empty or duplicate id).
    pub(crate) complete: bool,
}

impl IdTable {
    pub(crate) fn hash(s: &str) -> u64 {
        FxBuildHasher.hash_one(s)
    }

    /// Insert index `i` whose id is `key`; returns the earlier index when the id is taken.
    fn insert<'a>(&mut self, key: &str, i: u32, id_of: impl Fn(u32) -> &'a str) -> Option<u32> {
        let h = Self::hash(key);
        match self
            .table
            .entry(h, |&j| id_of(j) == key, |&j| Self::hash(id_of(j)))
        {
            hashbrown::hash_table::Entry::Occupied(e) => Some(*e.get()),
            hashbrown::hash_table::Entry::Vacant(v) => {
                v.insert(i);
                None
            }
        }
    }

    /// Look up an id.
    pub(crate) fn get<'a>(&self, key: &str, id_of: impl Fn(u32) -> &'a str) -> Option<u32> {
        self.get_hashed(Self::hash(key), key, id_of)
    }

    /// Look up an id whose [`IdTable::hash`] is known.
    pub(crate) fn get_hashed<'a>(
        &self,
        hash: u64,
        key: &str,
        id_of: impl Fn(u32) -> &'a str,
    ) -> Option<u32> {
        self.table.find(hash, |&j| id_of(j) == key).copied()
    }

    pub(crate) fn build<'a>(
        ids: impl ExactSizeIterator<Item = &'a str>,
        id_of: impl Fn(u32) -> &'a str + Copy,
        what: &str,
        section: &str,
        diags: &mut Vec<Diagnostic>,
    ) -> IdTable {
        let mut t = IdTable {
            table: HashTable::with_capacity(ids.len()),
            complete: true,
        };
        for (i, id) in ids.enumerate() {
            let i = i as u32;
            if id.trim().is_empty() {
                t.complete = false;
                diags.push(err(
                    Code::EmptyId,
                    format!("{section}[{i}].id"),
                    None,
                    format!("{what} id is empty"),
                ));
                continue;
            }
            if let Some(prev) = t.insert(id, i, id_of) {
                t.complete = false;
                diags.push(err(
                    Code::DuplicateId,
                    format!("{section}[{i}].id"),
                    Some(id),
                    format!("duplicate {what} id `{id}` (first at {section}[{prev}])"),
                ));
            }
        }
        t
    }
}

/// The id tables of a document, one per entity kind.
#[derive(Debug, Default)]
pub(crate) struct Ids {
    pub orgs: IdTable,
    pub goals: IdTable,
    pub directions: IdTable,
    pub clusters: IdTable,
    pub modules: IdTable,
    pub indicators: IdTable,
    pub measures: IdTable,
}

impl Ids {
    /// Hash every id; duplicate and empty ids are diagnosed.
    pub(crate) fn build(doc: &Document, d: &mut Vec<Diagnostic>) -> Ids {
        let s = &doc.strategy;
        let orgs = IdTable::build(
            doc.organizations.iter().map(|o| o.id.as_str()),
            |i| doc.organizations[i as usize].id.as_str(),
            "organization",
            "organizations",
            d,
        );
        let goals = IdTable::build(
            s.goals.iter().map(|g| g.id.as_str()),
            |i| s.goals[i as usize].id.as_str(),
            "goal",
            "strategy.goals",
            d,
        );
        let directions = IdTable::build(
            doc.directions.iter().map(|x| x.id.as_str()),
            |i| doc.directions[i as usize].id.as_str(),
            "direction",
            "directions",
            d,
        );
        let clusters = IdTable::build(
            doc.clusters.iter().map(|x| x.id.as_str()),
            |i| doc.clusters[i as usize].id.as_str(),
            "cluster",
            "clusters",
            d,
        );
        let modules = IdTable::build(
            doc.modules.iter().map(|x| x.id.as_str()),
            |i| doc.modules[i as usize].id.as_str(),
            "module",
            "modules",
            d,
        );
        let indicators = IdTable::build(
            doc.indicators.iter().map(|x| x.id.as_str()),
            |i| doc.indicators[i as usize].id.as_str(),
            "indicator",
            "indicators",
            d,
        );
        let measures = IdTable::build(
            doc.measures.iter().map(|x| x.id.as_str()),
            |i| doc.measures[i as usize].id.as_str(),
            "measure",
            "measures",
            d,
        );
        Ids {
            orgs,
            goals,
            directions,
            clusters,
            modules,
            indicators,
            measures,
        }
    }

    pub fn org(&self, doc: &Document, id: &str) -> Option<u32> {
        self.orgs
            .get(id, |i| doc.organizations[i as usize].id.as_str())
    }

    pub fn goal(&self, doc: &Document, id: &str) -> Option<u32> {
        self.goals
            .get(id, |i| doc.strategy.goals[i as usize].id.as_str())
    }

    pub fn direction(&self, doc: &Document, id: &str) -> Option<u32> {
        self.directions
            .get(id, |i| doc.directions[i as usize].id.as_str())
    }

    pub fn cluster(&self, doc: &Document, id: &str) -> Option<u32> {
        self.clusters
            .get(id, |i| doc.clusters[i as usize].id.as_str())
    }

    pub fn module(&self, doc: &Document, id: &str) -> Option<u32> {
        self.modules
            .get(id, |i| doc.modules[i as usize].id.as_str())
    }

    pub fn indicator(&self, doc: &Document, id: &str) -> Option<u32> {
        self.indicators
            .get(id, |i| doc.indicators[i as usize].id.as_str())
    }
}

/// The programme of a qualified id (`"culture-2040:3.2"` → `Some("culture-2040")`), `None`
/// for an unqualified one (see [`crate::portfolio`]).
pub fn programme_of(id: &str) -> Option<&str> {
    id.split_once(':').map(|(p, _)| p)
}
