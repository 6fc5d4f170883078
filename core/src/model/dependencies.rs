//! [`Dependencies`]: a measure's `depends_on` list, packed into one small allocation.
//!
//! A country portfolio has a million measures and a few million dependencies; a list of
//! [`Dependency`] values costs 40 bytes an entry plus the list header, while the entries are
//! mostly short ids. The list is therefore stored as bytes, one record per entry:
//!
//! ```text
//! tag: u8            bits 0..=2: relation type (0 = not written, 1 FS, 2 SS, 3 FF, 4 SF)
//!                    bit 3: a lag follows
//! id length: LEB128
//! id: UTF-8 bytes
//! lag: i32, little endian (only when bit 3 is set)
//! ```
//!
//! An entry of a plain 8-byte id costs 10 bytes. Reading yields [`DependencyRef`]s that borrow
//! the id; the on-disk forms (a plain string, or `{"id", "type", "lag_days"}`) and the JSON
//! Schema are exactly those of a list of [`Dependency`].

use std::fmt;

use serde::de::{self, DeserializeSeed, MapAccess, SeqAccess, Visitor};
use serde::ser::SerializeSeq;
use serde::{Deserialize, Serialize};
use thin_vec::ThinVec;

use super::{Dependency, RelationType};

const LAG: u8 = 1 << 3;

/// A measure's prerequisites, in the order written. Its byte layout is documented in `model/dependencies.rs`.
#[derive(Clone, Default, PartialEq, Eq, Hash)]
pub struct Dependencies {
    bytes: ThinVec<u8>,
}

/// One entry of a [`Dependencies`] list, borrowing its id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct DependencyRef<'a> {
    /// Id of the prerequisite measure.
    pub id: &'a str,
    /// Relation type, when written explicitly.
    pub kind: Option<RelationType>,
    /// Lag in days (negative = lead), when written explicitly.
    pub lag_days: Option<i32>,
}

impl DependencyRef<'_> {
    /// The relation type (FS when not written).
    pub fn relation(&self) -> RelationType {
        self.kind.unwrap_or_default()
    }
    /// The lag in days (0 when not written).
    pub fn lag(&self) -> i32 {
        self.lag_days.unwrap_or(0)
    }
    /// An owned copy.
    pub fn to_owned(&self) -> Dependency {
        Dependency {
            id: self.id.into(),
            kind: self.kind,
            lag_days: self.lag_days,
        }
    }
}

impl Dependency {
    /// A borrowed view of this entry.
    pub fn as_ref(&self) -> DependencyRef<'_> {
        DependencyRef {
            id: &self.id,
            kind: self.kind,
            lag_days: self.lag_days,
        }
    }
}

impl PartialEq<Dependency> for DependencyRef<'_> {
    fn eq(&self, other: &Dependency) -> bool {
        *self == other.as_ref()
    }
}

fn kind_code(k: Option<RelationType>) -> u8 {
    match k {
        None => 0,
        Some(RelationType::FS) => 1,
        Some(RelationType::SS) => 2,
        Some(RelationType::FF) => 3,
        Some(RelationType::SF) => 4,
    }
}

fn encode(out: &mut impl Extend<u8>, d: DependencyRef<'_>) {
    let tag = kind_code(d.kind) | if d.lag_days.is_some() { LAG } else { 0 };
    out.extend([tag]);
    super::packed::put_str(out, d.id);
    if let Some(l) = d.lag_days {
        out.extend(l.to_le_bytes());
    }
}

impl Dependencies {
    /// An empty list.
    pub fn new() -> Self {
        Self::default()
    }

    /// True when there is no entry.
    pub fn is_empty(&self) -> bool {
        self.bytes.is_empty()
    }

    /// Number of entries (counts them: O(entries)).
    pub fn len(&self) -> usize {
        self.iter().count()
    }

    /// The entries in order.
    pub fn iter(&self) -> Iter<'_> {
        Iter { rest: &self.bytes }
    }

    /// Entry `i` (walks the list: O(i)).
    pub fn get(&self, i: usize) -> Option<DependencyRef<'_>> {
        self.iter().nth(i)
    }

    /// Append an entry.
    pub fn push(&mut self, d: Dependency) {
        self.push_ref(d.as_ref());
    }

    /// Append a copy of a borrowed entry.
    pub fn push_ref(&mut self, d: DependencyRef<'_>) {
        encode(&mut self.bytes, d);
    }

    /// Remove every entry.
    pub fn clear(&mut self) {
        self.bytes = ThinVec::new();
    }

    /// Owned copies of the entries.
    pub fn to_vec(&self) -> Vec<Dependency> {
        self.iter().map(|d| d.to_owned()).collect()
    }

    /// Bytes held on the heap for the entries (0 for an empty list).
    pub fn heap_bytes(&self) -> usize {
        if self.bytes.capacity() == 0 {
            0
        } else {
            self.bytes.capacity() + 2 * std::mem::size_of::<usize>()
        }
    }

    /// The list of `entries`, in one allocation of exactly the bytes needed.
    fn packed(entries: &[u8]) -> Self {
        let mut bytes = ThinVec::with_capacity(entries.len());
        bytes.extend_from_slice(entries);
        Dependencies { bytes }
    }
}

/// Iterator over a [`Dependencies`] list.
#[derive(Debug, Clone)]
pub struct Iter<'a> {
    rest: &'a [u8],
}

impl<'a> Iterator for Iter<'a> {
    type Item = DependencyRef<'a>;

    fn next(&mut self) -> Option<DependencyRef<'a>> {
        let (&tag, rest) = self.rest.split_first()?;
        let (id, mut rest) = super::packed::take_str(rest);
        let kind = match tag & 0x7 {
            1 => Some(RelationType::FS),
            2 => Some(RelationType::SS),
            3 => Some(RelationType::FF),
            4 => Some(RelationType::SF),
            _ => None,
        };
        let lag_days = if tag & LAG != 0 {
            let (l, r) = rest.split_at(4.min(rest.len()));
            rest = r;
            Some(i32::from_le_bytes(l.try_into().unwrap_or_default()))
        } else {
            None
        };
        self.rest = rest;
        Some(DependencyRef { id, kind, lag_days })
    }
}

impl<'a> IntoIterator for &'a Dependencies {
    type Item = DependencyRef<'a>;
    type IntoIter = Iter<'a>;
    fn into_iter(self) -> Iter<'a> {
        self.iter()
    }
}

impl Extend<Dependency> for Dependencies {
    fn extend<I: IntoIterator<Item = Dependency>>(&mut self, iter: I) {
        for d in iter {
            self.push(d);
        }
    }
}

impl FromIterator<Dependency> for Dependencies {
    fn from_iter<I: IntoIterator<Item = Dependency>>(iter: I) -> Self {
        let mut buf = Vec::new();
        for d in iter {
            encode(&mut buf, d.as_ref());
        }
        Self::packed(&buf)
    }
}

impl From<Vec<Dependency>> for Dependencies {
    fn from(v: Vec<Dependency>) -> Self {
        v.into_iter().collect()
    }
}

impl fmt::Debug for Dependencies {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

impl Serialize for DependencyRef<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        if self.kind.is_none() && self.lag_days.is_none() {
            return s.serialize_str(self.id);
        }
        let n = 1 + usize::from(self.kind.is_some()) + usize::from(self.lag_days.is_some());
        let mut m = s.serialize_map(Some(n))?;
        m.serialize_entry("id", self.id)?;
        if let Some(k) = self.kind {
            m.serialize_entry("type", k.as_str())?;
        }
        if let Some(l) = self.lag_days {
            m.serialize_entry("lag_days", &l)?;
        }
        m.end()
    }
}

impl Serialize for Dependencies {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(None)?;
        for d in self {
            seq.serialize_element(&d)?;
        }
        seq.end()
    }
}

/// Deserializes one entry straight into the packed bytes (a plain id is never allocated).
struct Entry<'b>(&'b mut smallvec::SmallVec<[u8; 64]>);

impl<'de> DeserializeSeed<'de> for Entry<'_> {
    type Value = ();
    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Entry<'_> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a measure id or an object {id, type, lag_days}")
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<(), E> {
        encode(
            self.0,
            DependencyRef {
                id: v,
                kind: None,
                lag_days: None,
            },
        );
        Ok(())
    }
    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<(), A::Error> {
        let d = Dependency::deserialize(de::value::MapAccessDeserializer::new(map))?;
        encode(self.0, d.as_ref());
        Ok(())
    }
}

impl<'de> Deserialize<'de> for Dependencies {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Dependencies;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a list")
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Dependencies, A::Error> {
                let mut buf = smallvec::SmallVec::<[u8; 64]>::new();
                while seq.next_element_seed(Entry(&mut buf))?.is_some() {}
                Ok(Dependencies::packed(&buf))
            }
        }
        d.deserialize_seq(V)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dependencies_and_requirements_share_one_object_reader() {
        use crate::model::Requirement;
        let dup = |v: &str| {
            serde_json::from_str::<Dependencies>(v)
                .unwrap_err()
                .to_string()
        };
        assert!(dup(r#"[{"id": "a", "id": "b"}]"#).contains("duplicate field `id`"));
        assert!(
            dup(r#"[{"id": "a", "lag_days": 1, "lag_days": 2}]"#)
                .contains("duplicate field `lag_days`")
        );
        assert!(dup(r#"[{"id": "a", "relation": "FS"}]"#).contains("unknown field `relation`"));
        assert!(dup(r#"[{"type": "FS"}]"#).contains("missing field `id`"));
        let req = |v: &str| {
            serde_json::from_str::<Requirement>(v)
                .unwrap_err()
                .to_string()
        };
        assert!(req(r#"{"module": "a", "module": "b"}"#).contains("duplicate field `module`"));
        assert!(req(r#"{"module": "a", "type": "FS"}"#).contains("unknown field `type`"));
        let r: Requirement =
            serde_json::from_str(r#"{"module": "a", "relation": "FF", "lag_days": -2}"#).unwrap();
        assert_eq!((r.relation(), r.lag()), (RelationType::FF, -2));
        let d: Dependencies =
            serde_json::from_str(r#"["a", {"id": "b", "type": "SS", "lag_days": 3}]"#).unwrap();
        let got: Vec<_> = d
            .iter()
            .map(|x| (x.id.to_owned(), x.kind, x.lag_days))
            .collect();
        assert_eq!(
            got,
            [
                ("a".to_owned(), None, None),
                ("b".to_owned(), Some(RelationType::SS), Some(3))
            ]
        );
    }

    fn sample() -> Vec<Dependency> {
        let long = "x".repeat(300); // a length that needs two LEB128 bytes
        vec![
            Dependency::fs("a"),
            Dependency {
                id: "Ölkə-1".into(),
                kind: Some(RelationType::SS),
                lag_days: Some(-5),
            },
            Dependency {
                id: long.as_str().into(),
                kind: None,
                lag_days: Some(i32::MIN),
            },
            Dependency {
                id: "".into(),
                kind: Some(RelationType::SF),
                lag_days: None,
            },
            Dependency {
                id: "z".into(),
                kind: Some(RelationType::FS),
                lag_days: Some(0),
            },
            Dependency {
                id: "ff".into(),
                kind: Some(RelationType::FF),
                lag_days: Some(i32::MAX),
            },
        ]
    }

    #[test]
    fn round_trips_every_form() {
        let v = sample();
        let d: Dependencies = v.clone().into();
        assert_eq!(d.to_vec(), v);
        assert_eq!(d.len(), v.len());
        assert_eq!(d.get(2).map(|x| x.to_owned()), Some(v[2].clone()));
        assert_eq!(d.get(6), None);
        let mut pushed = Dependencies::new();
        for x in &v {
            pushed.push_ref(x.as_ref());
        }
        let mut owned = Dependencies::new();
        owned.extend(v.iter().cloned());
        assert_eq!(owned, d);
        assert_eq!(pushed, d);
        // the JSON forms are those of a list of `Dependency`
        let json = serde_json::to_string(&d).unwrap();
        assert_eq!(json, serde_json::to_string(&v).unwrap());
        let back: Dependencies = serde_json::from_str(&json).unwrap();
        assert_eq!(back, d);
        let owned: Vec<Dependency> = serde_json::from_str(&json).unwrap();
        assert_eq!(owned, v);
    }

    #[test]
    fn is_compact() {
        let d: Dependencies = ["m0000001", "m0000002", "m0000003"]
            .into_iter()
            .map(Dependency::fs)
            .collect();
        assert_eq!(d.heap_bytes(), 30 + 16);
        let e: Dependencies =
            serde_json::from_str(r#"["m0000001","m0000002","m0000003"]"#).unwrap();
        assert_eq!(e.heap_bytes(), 30 + 16);
        assert_eq!(Dependencies::new().heap_bytes(), 0);
        let empty: Dependencies = serde_json::from_str("[]").unwrap();
        assert!(empty.is_empty());
        assert_eq!(empty.heap_bytes(), 0);
    }

    #[test]
    fn rejects_what_a_list_of_dependency_rejects() {
        for bad in [
            r#"[{"id": "a", "typo": 1}]"#,
            r#"[{"type": "SS"}]"#,
            r#"[{"id": "a", "type": "XX"}]"#,
            r#"[{"id": "a", "lag_days": 3000000000}]"#,
            r#"[1]"#,
            r#""a""#,
        ] {
            assert!(serde_json::from_str::<Dependencies>(bad).is_err(), "{bad}");
            assert!(
                serde_json::from_str::<Vec<Dependency>>(bad).is_err(),
                "{bad}"
            );
        }
    }
}
