//! `eculture.Strategy`'s monitoring and evaluation methods (Decree 1294) and the plan diff: a
//! second `#[pymethods]` block (pyo3's `multiple-pymethods`), so that each family of methods has
//! its own file and no binding file outgrows the house limit.

use pyo3::prelude::*;
use pyo3::types::PyDict;

use crate::monitoring::{Achievement, ExecutionRate, MonitoringReport, ResultsRating, Triage};
use crate::schedule;
use crate::strategy::Strategy;

#[pymethods]
impl Strategy {
    // ---- monitoring and evaluation under Decree 1294 (docs/monitoring.md). Keyword options
    // ---- as in the core; `as_of` an ISO date or datetime.date. Tables come back as `Records`.

    /// Every measure's state as of a date (its entry in the latest report, else its status).
    fn states_as_of<'py>(
        &self,
        py: Python<'py>,
        as_of: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let d = schedule::date(py, as_of, "as_of")?;
        crate::records::plain(py, &self.run(py, |s| Ok(s.states_as_of(d)))?)
    }

    /// The execution rate: `as_of`, `by` ("overall", "direction", "main_executor", "cluster",
    /// "module", "deadline_year"), `scope`, `weights`, `no_data` ("separate" or "zero").
    #[pyo3(signature = (**options))]
    fn execution_rate<'py>(
        &self,
        py: Python<'py>,
        options: Option<&Bound<'py, PyDict>>,
    ) -> PyResult<ExecutionRate> {
        let o = schedule::op_options(py, options)?;
        self.run(py, |s| s.execution_rate(&o)).map(Into::into)
    }

    /// The results-based rating: the share of indicators meeting their target.
    #[pyo3(signature = (**options))]
    fn results_rating<'py>(
        &self,
        py: Python<'py>,
        options: Option<&Bound<'py, PyDict>>,
    ) -> PyResult<ResultsRating> {
        let o = schedule::op_options(py, options)?;
        self.run(py, |s| Ok(s.results_rating(&o))).map(Into::into)
    }

    /// Indicator achievement per indicator and target year, with bands, trend and roll-ups.
    #[pyo3(signature = (**options))]
    fn achievement<'py>(
        &self,
        py: Python<'py>,
        options: Option<&Bound<'py, PyDict>>,
    ) -> PyResult<Achievement> {
        let o = schedule::op_options(py, options)?;
        self.run(py, |s| s.achievement(&o)).map(Achievement::from)
    }

    /// Overdue and at-risk measures ranked by structural weight, each with why.
    #[pyo3(signature = (**options))]
    fn triage<'py>(
        &self,
        py: Python<'py>,
        options: Option<&Bound<'py, PyDict>>,
    ) -> PyResult<Triage> {
        let o = schedule::op_options(py, options)?;
        self.run(py, |s| Ok(s.triage(&o))).map(Triage::from)
    }

    /// The reporting obligations (Decree 1294 defaults) with their status.
    #[pyo3(signature = (**options))]
    fn reporting_calendar<'py>(
        &self,
        py: Python<'py>,
        options: Option<&Bound<'py, PyDict>>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let o = schedule::op_options(py, options)?;
        crate::records::plain(py, &self.run(py, |s| Ok(s.reporting_calendar(&o)))?)
    }

    /// The annual monitoring report: a `MonitoringReport` with its sections as data and
    /// `to_markdown()`, `to_html()`, `to_xlsx(path=None)`.
    #[pyo3(signature = (**options))]
    fn monitoring_report(
        &self,
        py: Python<'_>,
        options: Option<&Bound<'_, PyDict>>,
    ) -> PyResult<MonitoringReport> {
        let o = schedule::op_options(py, options)?;
        self.run(py, |s| s.monitoring_report(&o)).map(Into::into)
    }

    /// What changed from this plan to `other`: a `PlanDiff` (options: `lang`, the schedule's).
    #[pyo3(signature = (other, **options))]
    fn diff(
        &self,
        py: Python<'_>,
        other: PyRef<'_, Self>,
        options: Option<&Bound<'_, PyDict>>,
    ) -> PyResult<crate::monitoring::PlanDiff> {
        crate::monitoring::diff(py, self.core(), other.core(), options)
    }
}
