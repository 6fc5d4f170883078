//! `eculture.Strategy`'s versions of a plan: named baselines (and the diff, in
//! `strategy_monitoring.rs`). A separate `#[pymethods]` block (pyo3's `multiple-pymethods`).

use pyo3::prelude::*;
use pyo3::types::PyDict;

use crate::schedule;
use crate::strategy::Strategy;

#[pymethods]
impl Strategy {
    /// A copy of this strategy holding a baseline `id` of the schedule computed with the
    /// keyword options (early dates), taken on `taken` (ISO date or `datetime.date`; default:
    /// the status date, else the project start). A baseline with the same id is replaced.
    /// Compare with it by `schedule(baseline=id)`.
    #[pyo3(signature = (id, taken = None, **options))]
    fn with_baseline(
        &self,
        py: Python<'_>,
        id: &str,
        taken: Option<&Bound<'_, PyAny>>,
        options: Option<&Bound<'_, PyDict>>,
    ) -> PyResult<Strategy> {
        let taken = match taken {
            Some(t) if !t.is_none() => Some(schedule::date(py, t, "taken")?),
            _ => None,
        };
        let opts = schedule::options(py, options)?;
        self.run(py, |s| s.with_baseline(id, taken, &opts))
            .map(Strategy::from)
    }
}
