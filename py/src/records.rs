//! Results as plain Python data, with every table (a list of dicts) as an
//! `eculture.Records` list, which converts itself with `to_pandas()`.

use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyDict, PyList, PyType};

/// `value` as dicts and lists; lists of dicts become `Records`.
pub(crate) fn plain<'py, T: serde::Serialize>(
    py: Python<'py>,
    value: &T,
) -> PyResult<Bound<'py, PyAny>> {
    let obj = pythonize::pythonize(py, value)?;
    wrap(py, obj)
}

fn records_class(py: Python<'_>) -> PyResult<&Bound<'_, PyType>> {
    static CLASS: PyOnceLock<Py<PyType>> = PyOnceLock::new();
    CLASS.import(py, "eculture._records", "Records")
}

fn wrap<'py>(py: Python<'py>, obj: Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    if let Ok(d) = obj.cast::<PyDict>() {
        for (k, v) in d.iter() {
            d.set_item(k, wrap(py, v)?)?;
        }
        return Ok(obj);
    }
    if let Ok(l) = obj.cast::<PyList>() {
        let items: Vec<Bound<'py, PyAny>> =
            l.iter().map(|v| wrap(py, v)).collect::<PyResult<_>>()?;
        if !items.is_empty() && items.iter().all(|v| v.is_instance_of::<PyDict>()) {
            return records_class(py)?.call1((PyList::new(py, items)?,));
        }
        return Ok(PyList::new(py, items)?.into_any());
    }
    Ok(obj)
}

fn class<'py>(py: Python<'py>, name: &str) -> PyResult<Bound<'py, PyType>> {
    py.import("eculture._records")?
        .getattr(name)?
        .cast_into::<PyType>()
        .map_err(Into::into)
}

/// A result as plain data that shows as `svg` in notebooks (`eculture.Pictured`).
pub(crate) fn pictured<'py, T: serde::Serialize>(
    py: Python<'py>,
    value: &T,
    svg: String,
) -> PyResult<Bound<'py, PyAny>> {
    let data = pythonize::pythonize(py, value)?;
    class(py, "Pictured")?.call1((data, svg))
}

/// A core result as plain Python data (the same JSON as Rust and JS), or its error.
pub(crate) fn data<'py, T: serde::Serialize>(
    py: Python<'py>,
    result: PyResult<T>,
) -> PyResult<Bound<'py, PyAny>> {
    Ok(pythonize::pythonize(py, &result?)?)
}
