//! The Arrow PyCapsule interface: `__arrow_c_stream__` on every tabular result (the schedule,
//! the matrix's cells, the measures, each monitoring result's records and every `Records`
//! list), so `pyarrow.table(x)`, `polars.DataFrame(x)` and DuckDB read them; and `to_polars()`.
//!
//! The batch is built by the core (`eculture::arrow`): one typed column per field, dates as
//! `date32`, numbers in flat buffers without a Python object per row. This file only wraps it
//! in the capsule the interface specifies (`"arrow_array_stream"`).

use arrow_array::ffi_stream::FFI_ArrowArrayStream;
use arrow_array::{RecordBatch, RecordBatchIterator};
use pyo3::prelude::*;
use pyo3::types::{PyCapsule, PyDict, PyList};

use crate::errors::to_py_err;
use crate::matrix::Matrix;
use crate::monitoring::{Achievement, ExecutionRate, Micmac, PlanDiff, ResultsRating, Triage};
use crate::schedule::Schedule;
use crate::strategy::Strategy;

/// The batch as an Arrow C stream in a PyCapsule; the consumer takes the stream, and an
/// unconsumed one is released when the capsule is collected.
fn capsule<'py>(
    py: Python<'py>,
    batch: eculture::Result<RecordBatch>,
) -> PyResult<Bound<'py, PyCapsule>> {
    let batch = batch.map_err(|e| to_py_err(py, &e))?;
    let schema = batch.schema();
    let reader = RecordBatchIterator::new(vec![Ok(batch)], schema);
    let stream = FFI_ArrowArrayStream::new(Box::new(reader));
    PyCapsule::new_with_value(py, stream, c"arrow_array_stream")
}

/// `polars.DataFrame(obj)` (polars reads the capsule), or an `ImportError` naming `what`.
fn polars<'py>(py: Python<'py>, obj: Bound<'py, PyAny>, what: &str) -> PyResult<Bound<'py, PyAny>> {
    let pl = py.import("polars").map_err(|e| {
        let err = pyo3::exceptions::PyImportError::new_err(format!(
            "{what}() needs polars; install it with `pip install polars`"
        ));
        err.set_cause(py, Some(e));
        err
    })?;
    pl.getattr("DataFrame")?.call1((obj,))
}

/// `__arrow_c_stream__` and `to_polars()` on a class, from the core batch `$batch(self)`.
macro_rules! arrow_table {
    ($class:ty, $what:literal, |$this:ident, $py:ident| $batch:expr) => {
        #[pymethods]
        impl $class {
            /// The table as an Arrow C stream (the Arrow PyCapsule interface), for
            /// `pyarrow.table(x)`, `polars.DataFrame(x)` and DuckDB. `requested_schema` is
            /// accepted and, as the interface allows, not applied.
            #[pyo3(signature = (requested_schema = None))]
            fn __arrow_c_stream__<'py>(
                &self,
                $py: Python<'py>,
                requested_schema: Option<Bound<'py, PyAny>>,
            ) -> PyResult<Bound<'py, PyCapsule>> {
                let _ = requested_schema;
                let $this = self;
                capsule($py, $batch)
            }

            /// The table as a polars DataFrame (requires polars).
            fn to_polars<'py>(slf: Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
                let py = slf.py();
                polars(py, slf.into_any(), $what)
            }
        }
    };
}

arrow_table!(Schedule, "Schedule.to_polars", |this, py| {
    let strategy = this.strategy.as_ref().map(|s| s.get().core());
    py.detach(|| this.inner.to_arrow(strategy))
});
arrow_table!(Matrix, "Matrix.to_polars", |this, py| {
    py.detach(|| eculture::arrow::records_batch(&this.inner.cells))
});
arrow_table!(Strategy, "Strategy.to_polars", |this, py| {
    py.detach(|| this.core().measures_arrow())
});
arrow_table!(ExecutionRate, "ExecutionRate.to_polars", |this, py| {
    py.detach(|| eculture::arrow::records_batch(&this.inner.records))
});
arrow_table!(ResultsRating, "ResultsRating.to_polars", |this, py| {
    py.detach(|| eculture::arrow::records_batch(&this.inner.records))
});
arrow_table!(Achievement, "Achievement.to_polars", |this, py| {
    py.detach(|| eculture::arrow::records_batch(&this.inner.records))
});
arrow_table!(Triage, "Triage.to_polars", |this, py| {
    py.detach(|| eculture::arrow::records_batch(&this.inner.records))
});
arrow_table!(Micmac, "Micmac.to_polars", |this, py| {
    py.detach(|| eculture::arrow::records_batch(&this.inner.records))
});
arrow_table!(PlanDiff, "PlanDiff.to_polars", |this, py| {
    py.detach(|| eculture::arrow::records_batch(&this.inner.records))
});

/// `Records.__arrow_c_stream__()`: a list of dicts (any table of a result) as an Arrow C
/// stream, typed by the core as every other table; columns in the order keys first appear.
#[pyfunction]
pub(crate) fn records_arrow<'py>(
    py: Python<'py>,
    records: &Bound<'py, PyList>,
) -> PyResult<Bound<'py, PyCapsule>> {
    let mut b = eculture::arrow::RecordsBuilder::new();
    for (i, row) in records.iter().enumerate() {
        let row = row.cast::<PyDict>().map_err(|_| {
            to_py_err(
                py,
                &eculture::ArgumentError::new("each row must be a dict", format!("rows[{i}]"))
                    .into(),
            )
        })?;
        for (k, v) in row.iter() {
            let key: String = k.str()?.extract()?;
            let value: serde_json::Value = pythonize::depythonize(&v).map_err(|e| {
                to_py_err(
                    py,
                    &eculture::ArgumentError::new(
                        format!("not plain data: {e}"),
                        format!("rows[{i}].{key}"),
                    )
                    .into(),
                )
            })?;
            b.field(&key, &value).map_err(|e| to_py_err(py, &e))?;
        }
        b.end_row();
    }
    capsule(py, b.finish())
}
