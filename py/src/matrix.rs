//! `eculture.Matrix` and `eculture.MatrixCell`: the cluster × module matrix.

use pyo3::prelude::*;
use pyo3::types::PyDict;

use crate::diagnostic::repr;

/// The cluster × module matrix: `clusters` (rows), `modules` (columns) and one cell per pair,
/// row-major, each "not_applicable", "gap" or "covered".
#[pyclass(frozen, eq, module = "eculture")]
#[derive(Debug)]
pub struct Matrix {
    pub(crate) inner: eculture::Matrix,
    /// The strategy it comes from: names for tables and pictures.
    pub(crate) strategy: Option<Py<crate::strategy::Strategy>>,
}

impl PartialEq for Matrix {
    fn eq(&self, other: &Self) -> bool {
        self.inner == other.inner
    }
}

impl From<eculture::Matrix> for Matrix {
    fn from(inner: eculture::Matrix) -> Self {
        Matrix {
            inner,
            strategy: None,
        }
    }
}

impl Matrix {
    pub(crate) fn of(inner: eculture::Matrix, strategy: Py<crate::strategy::Strategy>) -> Self {
        Matrix {
            inner,
            strategy: Some(strategy),
        }
    }
}

#[pymethods]
impl Matrix {
    /// Cluster ids (rows), in document order.
    #[getter]
    fn clusters(&self) -> Vec<String> {
        self.inner.clusters.clone()
    }

    /// Module ids (columns), in document order.
    #[getter]
    fn modules(&self) -> Vec<String> {
        self.inner.modules.clone()
    }

    /// Every cell, cluster by cluster, then module by module.
    #[getter]
    fn cells(&self) -> Vec<MatrixCell> {
        self.inner
            .cells
            .iter()
            .cloned()
            .map(MatrixCell::from)
            .collect()
    }

    /// Coverage: `{"overall": {...}, "clusters": [...], "modules": [...]}`, each entry
    /// `{"id", "covered", "gaps", "applicable", "share"}`; `share` is None when nothing is
    /// applicable ("no data", not 0). The overall entry has id "*".
    fn coverage<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        Ok(pythonize::pythonize(py, &self.inner.coverage())?)
    }

    /// The gap cells (applicable, no measure), in matrix order.
    fn gaps(&self) -> Vec<MatrixCell> {
        self.inner
            .gaps()
            .into_iter()
            .cloned()
            .map(MatrixCell::from)
            .collect()
    }

    /// The cell of (cluster, module), by id. Raises `ArgumentError` for an unknown id,
    /// suggesting the nearest.
    fn cell(&self, py: Python<'_>, cluster: &str, module: &str) -> PyResult<MatrixCell> {
        self.inner
            .lookup(cluster, module)
            .cloned()
            .map(MatrixCell::from)
            .map_err(|e| crate::errors::to_py_err(py, &e))
    }

    /// A Markdown table: clusters as rows, modules as columns, coverage last.
    fn to_markdown(&self) -> String {
        self.inner.to_markdown()
    }

    /// Long-form CSV with the header `cluster,module,state,measures,illustrative,institutions,
    /// level,target_level,institutions_reached,as_of,cluster_title,module_title` (measures
    /// joined by `;`; titles in English, else Azerbaijani, else Russian, else the id).
    /// With `lang` ("en", "az" or "ru") the titles are in that language.
    #[pyo3(signature = (lang=None))]
    fn to_csv(&self, py: Python<'_>, lang: Option<&str>) -> PyResult<String> {
        let lang = match lang {
            Some(code) => {
                eculture::api::lang(code).map_err(|e| crate::errors::to_py_err(py, &e))?
            }
            None => eculture::model::Lang::En,
        };
        Ok(self.inner.to_csv_in(lang))
    }

    /// `{"clusters": [...], "modules": [...], "cells": [{"cluster", "module", "state",
    /// "measures"}, ...]}`.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        Ok(pythonize::pythonize(py, &self.inner)?)
    }

    /// The heatmap (SVG) for notebooks: names, coverage per row and column, gaps with their
    /// reasons, a legend.
    fn _repr_svg_(&self, py: Python<'_>) -> PyResult<Option<String>> {
        let Some(s) = &self.strategy else {
            return Ok(None);
        };
        let core = s.get().core();
        let (sch, opts) = (
            eculture::ScheduleOptions::default(),
            eculture::render::RenderOptions::default(),
        );
        py.detach(|| core.heatmap_svg(&sch, &opts))
            .map(Some)
            .map_err(|e| crate::errors::to_py_err(py, &e))
    }

    /// A pandas DataFrame. Long (default): one row per cell with the columns cluster, module,
    /// state, measures (a list of ids), institutions, level, target_level,
    /// institutions_reached and as_of (None where not known). `wide=True`: clusters × modules in document order,
    /// indexed and labelled by their names (English, else Azerbaijani, else the id), each
    /// cell the number of measures delivering it (`None` where the module does not apply).
    /// Needs pandas (`pip install 'eculture[pandas]'`).
    #[pyo3(signature = (wide=false))]
    fn to_pandas<'py>(&self, py: Python<'py>, wide: bool) -> PyResult<Bound<'py, PyAny>> {
        let pandas = crate::import_pandas(py, "Matrix.to_pandas")?;
        if wide {
            let doc = self.strategy.as_ref().map(|s| s.get().core().document());
            let lang = eculture::model::Lang::En;
            let names =
                |ids: &[String], titles: Option<Vec<&eculture::model::Text>>| -> Vec<String> {
                    ids.iter()
                        .enumerate()
                        .map(|(k, id)| match titles.as_ref().and_then(|t| t.get(k)) {
                            Some(t) => eculture::render::name(t, lang, id).to_owned(),
                            None => id.clone(),
                        })
                        .collect()
                };
            let rows = names(
                &self.inner.clusters,
                doc.map(|d| d.clusters.iter().map(|c| &c.title).collect()),
            );
            let cols = names(
                &self.inner.modules,
                doc.map(|d| d.modules.iter().map(|m| &m.title).collect()),
            );
            let nm = self.inner.modules.len();
            let values: Vec<Vec<Option<usize>>> = (0..self.inner.clusters.len())
                .map(|c| {
                    (0..nm)
                        .map(|m| {
                            let cell = &self.inner.cells[c * nm + m];
                            (cell.state != eculture::CellState::NotApplicable)
                                .then_some(cell.measures.len())
                        })
                        .collect()
                })
                .collect();
            let kwargs = PyDict::new(py);
            kwargs.set_item("index", rows)?;
            kwargs.set_item("columns", cols)?;
            return pandas.getattr("DataFrame")?.call((values,), Some(&kwargs));
        }
        let cells = &self.inner.cells;
        let columns = PyDict::new(py);
        columns.set_item(
            "cluster",
            cells.iter().map(|c| &c.cluster).collect::<Vec<_>>(),
        )?;
        columns.set_item(
            "module",
            cells.iter().map(|c| &c.module).collect::<Vec<_>>(),
        )?;
        columns.set_item(
            "state",
            cells.iter().map(|c| c.state.as_str()).collect::<Vec<_>>(),
        )?;
        columns.set_item(
            "measures",
            cells.iter().map(|c| &c.measures).collect::<Vec<_>>(),
        )?;
        columns.set_item(
            "institutions",
            cells.iter().map(|c| c.institutions).collect::<Vec<_>>(),
        )?;
        columns.set_item("level", cells.iter().map(|c| c.level).collect::<Vec<_>>())?;
        columns.set_item(
            "target_level",
            cells.iter().map(|c| c.target_level).collect::<Vec<_>>(),
        )?;
        columns.set_item(
            "institutions_reached",
            cells
                .iter()
                .map(|c| c.institutions_reached)
                .collect::<Vec<_>>(),
        )?;
        columns.set_item(
            "as_of",
            cells.iter().map(|c| c.as_of.as_deref()).collect::<Vec<_>>(),
        )?;
        pandas.getattr("DataFrame")?.call1((columns,))
    }

    /// The core's one-line summary (the same text as JavaScript's `toString()`).
    fn __repr__(&self) -> String {
        eculture::api::Summary::summary(&self.inner)
    }
}

/// One cell of the matrix.
#[pyclass(frozen, eq, module = "eculture")]
#[derive(Debug, Clone, PartialEq)]
pub struct MatrixCell {
    inner: eculture::Cell,
}

impl From<eculture::Cell> for MatrixCell {
    fn from(inner: eculture::Cell) -> Self {
        MatrixCell { inner }
    }
}

#[pymethods]
impl MatrixCell {
    /// Cluster id.
    #[getter]
    fn cluster(&self) -> &str {
        &self.inner.cluster
    }

    /// Module id.
    #[getter]
    fn module(&self) -> &str {
        &self.inner.module
    }

    /// "not_applicable", "gap" or "covered".
    #[getter]
    fn state(&self) -> &'static str {
        self.inner.state.as_str()
    }

    /// Ids of the measures delivering the module to the cluster, in document order.
    #[getter]
    fn measures(&self) -> Vec<String> {
        self.inner.measures.clone()
    }

    /// True when the cell rests on content invented for illustration (docs/provenance.md).
    #[getter]
    fn illustrative(&self) -> bool {
        self.inner.illustrative
    }

    /// The cluster's number of institutions, when the document gives it.
    #[getter]
    fn institutions(&self) -> Option<u64> {
        self.inner.institutions
    }

    /// The latest assessment's maturity level 0-5 (docs/assessment.md), or None.
    #[getter]
    fn level(&self) -> Option<u8> {
        self.inner.level
    }

    /// The level the latest assessment aims at, or None.
    #[getter]
    fn target_level(&self) -> Option<u8> {
        self.inner.target_level
    }

    /// The cluster's institutions the module has reached (latest assessment), or None.
    #[getter]
    fn institutions_reached(&self) -> Option<u64> {
        self.inner.institutions_reached
    }

    /// The latest assessment's `as_of` as written, or None.
    #[getter]
    fn as_of(&self) -> Option<&str> {
        self.inner.as_of.as_deref()
    }

    /// Levels still to climb (`target_level - level`, 0 when reached), or None.
    #[getter]
    fn gap_to_target(&self) -> Option<u8> {
        self.inner.gap_to_target()
    }

    /// `{"cluster", "module", "state", "measures"}`, `"illustrative": True` when it is, and
    /// the institutions and assessment keys when known.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        Ok(pythonize::pythonize(py, &self.inner)?)
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let c = &self.inner;
        let measures = c
            .measures
            .iter()
            .map(|m| repr(py, m))
            .collect::<PyResult<Vec<_>>>()?;
        Ok(format!(
            "MatrixCell(cluster={}, module={}, state={}, measures=[{}])",
            repr(py, &c.cluster)?,
            repr(py, &c.module)?,
            repr(py, c.state.as_str())?,
            measures.join(", ")
        ))
    }
}
