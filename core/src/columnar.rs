//! Columnar results for country-scale plans.
//!
//! A portfolio can hold a million measures. Returning a million strings (or a million Python
//! objects) costs more than the algorithms themselves, so these calls answer with flat arrays of
//! `u32` *measure indices* — positions in `document().measures` — that bindings hand over as
//! NumPy arrays or typed arrays. [`Strategy::measure_id`] maps an index back to its id.
//!
//! Every array here is computed by one linear pass over the cached index; nothing is quadratic.

use serde::{Deserialize, Serialize};

use crate::error::Result;
use crate::model::Status;
use crate::strategy::Strategy;

/// Cluster × module roll-up of the action plan: how many measures deliver each cell and how many
/// of those are executed. Arrays are row-major, cluster by cluster (like [`crate::Matrix`]).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "wasm", derive(tsify::Tsify))]
#[cfg_attr(feature = "wasm", tsify(rename = "RollupData"))]
pub struct Rollup {
    /// Cluster ids (rows), document order.
    pub clusters: Vec<String>,
    /// Module ids (columns), document order.
    pub modules: Vec<String>,
    /// Measures delivering each cell.
    pub measures: Vec<u32>,
    /// Of those, measures with status `executed`.
    pub executed: Vec<u32>,
    /// Whether the module applies to the cluster.
    pub applicable: Vec<bool>,
}

impl Rollup {
    /// Index of cell (cluster `c`, module `m`) in the arrays.
    pub fn cell(&self, c: usize, m: usize) -> usize {
        c * self.modules.len() + m
    }

    /// Executed share of a cell, `None` when no measure delivers it (no data, not 0).
    pub fn executed_share(&self, cell: usize) -> Option<f64> {
        let n = *self.measures.get(cell)?;
        (n > 0).then(|| f64::from(self.executed[cell]) / f64::from(n))
    }

    /// Mean of the executed shares over the cells that have measures (`None` when none has).
    pub fn mean_executed_share(&self) -> Option<f64> {
        let shares: Vec<f64> = (0..self.measures.len())
            .filter_map(|k| self.executed_share(k))
            .collect();
        (!shares.is_empty()).then(|| shares.iter().sum::<f64>() / shares.len() as f64)
    }
}

impl Strategy {
    /// Number of measures.
    pub fn measure_count(&self) -> usize {
        self.document().measures.len()
    }

    /// The id of the measure at `index` (a position in `document().measures`).
    pub fn measure_id(&self, index: u32) -> Option<&str> {
        self.document()
            .measures
            .get(index as usize)
            .map(|m| m.id.as_str())
    }

    /// The wave of every measure, in document order (see [`Strategy::waves`]).
    pub fn wave_index(&self) -> Result<Vec<u32>> {
        let ix = self.require(crate::validate::Need::Dag)?;
        Ok(ix.graph.wave_of().unwrap_or_default())
    }

    /// Topological order as measure indices (wave by wave, document order inside a wave).
    pub fn order_indices(&self) -> Result<Vec<u32>> {
        let ix = self.require(crate::validate::Need::Dag)?;
        Ok(ix.graph.topological_order().unwrap_or_default())
    }

    /// Measures downstream of the given ones (excluding them), as ascending measure indices.
    pub fn impact_indices(&self, ids: &[impl AsRef<str>]) -> Result<Vec<u32>> {
        let ix = self.require(crate::validate::Need::Graph)?;
        let src = self.resolve(ids)?;
        Ok(ix.graph.descendants(&src))
    }

    /// For each given measure separately, how many measures are downstream of it.
    pub fn descendant_counts(&self, ids: &[impl AsRef<str>]) -> Result<Vec<u64>> {
        let ix = self.require(crate::validate::Need::Graph)?;
        let src = self.resolve(ids)?;
        Ok(ix.graph.descendant_counts(&src))
    }

    /// Every measure upstream of the given ones (excluding them), as ascending measure
    /// indices (document order).
    pub fn ancestor_indices(&self, ids: &[impl AsRef<str>]) -> Result<Vec<u32>> {
        let ix = self.require(crate::validate::Need::Graph)?;
        let src = self.resolve(ids)?;
        Ok(ix.graph.ancestors(&src))
    }

    /// The waves as one flat list of measure indices grouped wave by wave (document order
    /// inside a wave) with the offsets where each wave starts: [`Strategy::waves`] without a
    /// list per wave. O(measures), two passes.
    pub fn wave_groups(&self) -> Result<Groups> {
        let ix = self.require(crate::validate::Need::Dag)?;
        let level = ix.graph.wave_of().unwrap_or_default();
        let n_waves = level.iter().map(|&l| l as usize + 1).max().unwrap_or(0);
        let mut offsets = vec![0u32; n_waves + 1];
        for &l in &level {
            offsets[l as usize + 1] += 1;
        }
        for k in 0..n_waves {
            offsets[k + 1] += offsets[k];
        }
        let mut fill = offsets.clone();
        let mut items = vec![0u32; level.len()];
        for (v, &l) in level.iter().enumerate() {
            items[fill[l as usize] as usize] = v as u32;
            fill[l as usize] += 1;
        }
        Ok(Groups { items, offsets })
    }

    /// The cyclic blocks ([`Strategy::cyclic_blocks`]) as groups of measure indices.
    pub fn cyclic_block_groups(&self) -> Result<Groups> {
        let ix = self.require(crate::validate::Need::Graph)?;
        let mut groups = Groups {
            items: Vec::new(),
            offsets: vec![0],
        };
        for c in ix.graph.cyclic_components() {
            groups
                .items
                .extend(c.into_iter().filter(|&v| ix.graph.is_measure(v)));
            groups.offsets.push(groups.items.len() as u32);
        }
        Ok(groups)
    }

    /// The cluster × module roll-up (measure counts and executed counts per cell).
    pub fn rollup(&self) -> Result<Rollup> {
        let ix = self.require(crate::validate::Need::Cells)?;
        let doc = self.document();
        let (nc, nm) = (doc.clusters.len(), doc.modules.len());
        let mut measures = vec![0u32; nc * nm];
        let mut executed = vec![0u32; nc * nm];
        let mut applicable = vec![false; nc * nm];
        for c in 0..nc {
            for m in 0..nm {
                let k = c * nm + m;
                let ds = ix.deliverers(m, c);
                measures[k] = ds.len() as u32;
                executed[k] = ds
                    .iter()
                    .filter(|&&i| ix.status[i as usize] == Some(Status::Executed))
                    .count() as u32;
                applicable[k] = ix.applicable[m * nc + c];
            }
        }
        Ok(Rollup {
            clusters: doc.clusters.iter().map(|c| c.id.to_string()).collect(),
            modules: doc.modules.iter().map(|m| m.id.to_string()).collect(),
            measures,
            executed,
            applicable,
        })
    }
}

/// Lists of measure indices stored flat: group `k` is `items[offsets[k]..offsets[k + 1]]`
/// (waves, cyclic blocks). One allocation each, whatever the number of groups.
#[derive(Debug, Clone, PartialEq, Eq, Default, serde::Serialize)]
pub struct Groups {
    /// The measure indices, group after group.
    pub items: Vec<u32>,
    /// Where each group starts in `items`, plus the end: `len() + 1` entries.
    pub offsets: Vec<u32>,
}

impl Groups {
    /// Number of groups.
    pub fn len(&self) -> usize {
        self.offsets.len().saturating_sub(1)
    }

    /// True when there is no group.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Group `k`.
    pub fn get(&self, k: usize) -> Option<&[u32]> {
        let (a, b) = (*self.offsets.get(k)?, *self.offsets.get(k + 1)?);
        self.items.get(a as usize..b as usize)
    }
}

#[cfg(test)]
mod tests {
    use crate::Strategy;

    #[test]
    fn columnar_agrees_with_the_friendly_api() {
        let s = Strategy::e_culture();
        let waves = s.waves().unwrap();
        let wi = s.wave_index().unwrap();
        for (k, w) in waves.iter().enumerate() {
            for id in w {
                let i = s.measure_index(id).unwrap();
                assert_eq!(wi[i as usize] as usize, k);
            }
        }
        let order: Vec<String> = s
            .order_indices()
            .unwrap()
            .iter()
            .map(|&i| s.measure_id(i).unwrap().to_owned())
            .collect();
        assert_eq!(order, s.topological_order().unwrap());
        let ids = ["6.1", "1.1"];
        let imp: Vec<String> = s
            .impact_indices(&ids)
            .unwrap()
            .iter()
            .map(|&i| s.measure_id(i).unwrap().to_owned())
            .collect();
        // document order, the same on both spellings (so 4.9 comes before 4.10)
        assert_eq!(imp, s.impact(&ids).unwrap());
        let counts = s.descendant_counts(&ids).unwrap();
        assert_eq!(counts[0] as usize, s.impact(&["6.1"]).unwrap().len());
        assert_eq!(counts[1] as usize, s.impact(&["1.1"]).unwrap().len());
    }

    #[test]
    fn groups_agree_with_the_lists() {
        let s = Strategy::e_culture();
        let g = s.wave_groups().unwrap();
        let waves = s.waves().unwrap();
        assert_eq!(g.len(), waves.len());
        for (k, w) in waves.iter().enumerate() {
            assert_eq!(&s.ids(g.get(k).unwrap()), w);
        }
        assert_eq!(
            s.ids(&s.ancestor_indices(&["6.2"]).unwrap()),
            s.ancestors(&["6.2"]).unwrap()
        );
        assert!(s.cyclic_block_groups().unwrap().is_empty());
    }

    #[test]
    fn rollup_matches_the_matrix() {
        let s = Strategy::e_culture();
        let r = s.rollup().unwrap();
        let m = s.matrix().unwrap();
        for (k, cell) in m.cells.iter().enumerate() {
            assert_eq!(
                r.measures[k] as usize,
                cell.measures.len(),
                "{}×{}",
                cell.cluster,
                cell.module
            );
            assert_eq!(
                r.applicable[k],
                cell.state != crate::CellState::NotApplicable
            );
            let executed = cell
                .measures
                .iter()
                .filter(|id| {
                    let i = s.measure_index(id).unwrap();
                    s.document().measures[i as usize].status == Some(crate::model::Status::Executed)
                })
                .count();
            assert_eq!(r.executed[k] as usize, executed);
        }
        let share = r.mean_executed_share().unwrap();
        assert!((0.0..=1.0).contains(&share));
    }
}
