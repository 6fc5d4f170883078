//! `eculture.Strategy.provenance()`: what is invented for illustration and what is sourced (a
//! third `#[pymethods]` block, pyo3's `multiple-pymethods`).

use pyo3::prelude::*;

use crate::strategy::Strategy;

#[pymethods]
impl Strategy {
    /// What is invented for illustration (`illustrative`: kind, id, path, invented fields),
    /// the notice outputs show (`None` when nothing is), the approving act, the legal basis
    /// and every source cited with who cites it (docs/provenance.md). A dict.
    fn provenance<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let p = self.run(py, |s| Ok(s.provenance()))?;
        Ok(pythonize::pythonize(py, &p)?)
    }
}
