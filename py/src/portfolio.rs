//! `eculture.Portfolio`: several strategies as one plan with cross-programme dependencies
//! (`eculture::Portfolio`). Every operation of a strategy is reachable on the merged plan,
//! `portfolio.strategy`, and — by attribute delegation — on the portfolio itself.

use std::path::PathBuf;

use pyo3::prelude::*;

use crate::diagnostic::Diagnostic;
use crate::errors::to_py_err;
use crate::strategy::Strategy;

/// A portfolio of programmes. Build one with `Portfolio.from_strategies([s1, s2])` or
/// `Portfolio.load("portfolio.yaml")`. Measure ids are qualified by their programme
/// (`"e-culture:1.1"`); every `Strategy` method (`schedule`, `find_cycle`, `impact`,
/// `execution_rate(by="programme")`, `matrix`, `gantt_svg`, ...) works on it.
#[pyclass(frozen, module = "eculture")]
#[derive(Debug)]
pub struct Portfolio {
    inner: eculture::Portfolio,
    merged: Py<Strategy>,
}

impl Portfolio {
    fn wrap(py: Python<'_>, r: eculture::Result<eculture::Portfolio>) -> PyResult<Portfolio> {
        let inner = r.map_err(|e| to_py_err(py, &e))?;
        let merged = Py::new(py, Strategy::from(inner.strategy().clone()))?;
        Ok(Portfolio { inner, merged })
    }
}

#[pymethods]
impl Portfolio {
    /// The portfolio of `strategies`, each a programme named by its strategy id.
    #[staticmethod]
    fn from_strategies(
        py: Python<'_>,
        strategies: Vec<PyRef<'_, Strategy>>,
    ) -> PyResult<Portfolio> {
        let list: Vec<eculture::Strategy> = strategies.iter().map(|s| s.core().clone()).collect();
        Self::wrap(py, py.detach(|| eculture::Portfolio::from_strategies(list)))
    }

    /// Read a portfolio file: `portfolio: {id, title}` and `programmes`, each `{path}`
    /// (relative to the file) or a strategy document inline.
    #[staticmethod]
    fn load(py: Python<'_>, path: PathBuf) -> PyResult<Portfolio> {
        Self::wrap(py, py.detach(|| eculture::Portfolio::load(&path)))
    }

    /// The portfolio's id.
    #[getter]
    fn id(&self) -> &str {
        self.inner.id()
    }

    /// The programme ids, in order.
    #[getter]
    fn programmes(&self) -> Vec<String> {
        self.inner
            .programmes()
            .into_iter()
            .map(str::to_owned)
            .collect()
    }

    /// The merged plan (a `Strategy`).
    #[getter]
    fn strategy(&self, py: Python<'_>) -> Py<Strategy> {
        self.merged.clone_ref(py)
    }

    /// The merged plan's diagnostics, then the portfolio's own (`portfolio_conflict`).
    fn validate(&self) -> Vec<Diagnostic> {
        self.inner
            .validate()
            .into_iter()
            .map(Diagnostic::from)
            .collect()
    }

    /// The programmes whose measures deliver the cell `(cluster, module)`.
    fn cell_programmes(
        &self,
        py: Python<'_>,
        cluster: &str,
        module: &str,
    ) -> PyResult<Vec<String>> {
        self.inner
            .cell_programmes(cluster, module)
            .map_err(|e| to_py_err(py, &e))
    }

    /// Every other attribute is the merged strategy's.
    fn __getattr__<'py>(&self, py: Python<'py>, name: &str) -> PyResult<Bound<'py, PyAny>> {
        self.merged.bind(py).getattr(name)
    }

    fn __repr__(&self) -> String {
        format!(
            "Portfolio(id={:?}, programmes={:?}, measures={})",
            self.inner.id(),
            self.inner.programmes(),
            self.inner.strategy().document().measures.len()
        )
    }
}
