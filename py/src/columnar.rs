//! Columnar results for country-scale plans: NumPy arrays of measure indices, the lazy
//! `MeasureIds` view and the cluster × module `Rollup`.
//!
//! A million-element result crosses the boundary as one NumPy array: the core's `Vec` is moved
//! into the array (`IntoPyArray`), not copied and never turned into a million Python objects.
//! Measure indices are positions in `document()["measures"]`; `Strategy.measure_ids` maps them
//! back to ids, creating strings only for the positions asked for.

use std::sync::atomic::{AtomicUsize, Ordering};

use numpy::ndarray::Array2;
use numpy::{IntoPyArray, PyArray1, PyArray2, PyArrayMethods, PyReadonlyArray1};
use pyo3::exceptions::{PyIndexError, PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyInt, PyList, PySlice, PyString};

use crate::diagnostic::repr;
use crate::errors::to_py_err;
use crate::strategy::Strategy;

/// The measure ids of a strategy, in document order: a read-only sequence view.
///
/// Creating it is O(1) and copies nothing; strings are created only for the items asked for.
/// `view[i]` is one id, `view[a:b:c]` and `view[array]` (an integer array such as the result of
/// `order_indices()`, or a boolean mask) are lists of ids, `id in view` and `view.index(id)`
/// use the strategy's hash index.
#[pyclass(frozen, sequence, module = "eculture")]
#[derive(Debug)]
pub struct MeasureIds {
    strategy: Py<Strategy>,
}

impl MeasureIds {
    pub(crate) fn new(strategy: Py<Strategy>) -> Self {
        MeasureIds { strategy }
    }

    fn core(&self) -> &eculture::Strategy {
        self.strategy.get().core()
    }

    /// The ids at the given positions (already checked to be in range).
    fn ids_at<'py>(
        &self,
        py: Python<'py>,
        positions: impl ExactSizeIterator<Item = usize>,
    ) -> PyResult<Bound<'py, PyList>> {
        let measures = &self.core().document().measures;
        PyList::new(py, positions.map(|k| measures[k].id.as_str()))
    }

    /// A position from a possibly negative index, or `IndexError`.
    fn position(&self, index: i64) -> PyResult<usize> {
        let len = self.core().measure_count();
        let k = if index < 0 { index + len as i64 } else { index };
        if (0..len as i64).contains(&k) {
            Ok(k as usize)
        } else {
            Err(PyIndexError::new_err(format!(
                "measure index {index} out of range for {len} measures"
            )))
        }
    }

    /// The ids at the positions held by an array-like of integers, or selected by a boolean
    /// mask of the sequence's length.
    fn ids_of_array<'py>(
        &self,
        py: Python<'py>,
        key: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyList>> {
        // Fast path without any conversion: the uint32 arrays this module returns.
        if let Ok(arr) = key.cast::<PyArray1<u32>>() {
            let ro = arr.readonly();
            let view = ro.as_array();
            let len = self.core().measure_count();
            if let Some(&bad) = view.iter().find(|&&k| k as usize >= len) {
                return Err(PyIndexError::new_err(format!(
                    "measure index {bad} out of range for {len} measures"
                )));
            }
            return self.ids_at(py, view.iter().map(|&k| k as usize));
        }
        let np = py.import("numpy")?;
        let arr = np.call_method1("asarray", (key,))?;
        let ndim: usize = arr.getattr("ndim")?.extract()?;
        let size: usize = arr.getattr("size")?.extract()?;
        let kind: String = arr.getattr("dtype")?.getattr("kind")?.extract()?;
        let arr = match kind.as_str() {
            "b" | "i" | "u" if ndim != 1 => {
                return Err(PyIndexError::new_err(format!(
                    "measure_ids takes a one-dimensional index array, not {ndim}-dimensional"
                )));
            }
            "b" => {
                let len = self.core().measure_count();
                if size != len {
                    return Err(PyIndexError::new_err(format!(
                        "boolean index of length {size} does not match {len} measures"
                    )));
                }
                np.call_method1("flatnonzero", (arr,))?
            }
            "i" | "u" => arr,
            // An empty list becomes a float array: nothing to select.
            _ if size == 0 && ndim == 1 => return Ok(PyList::empty(py)),
            _ => {
                return Err(PyTypeError::new_err(format!(
                    "measure_ids indices must be integers, slices, integer arrays or boolean \
                     masks, not {}",
                    key.get_type().name()?
                )));
            }
        };
        let positions = if kind == "u" {
            // Unsigned: never negative, and 64-bit values must not wrap through int64.
            let arr: PyReadonlyArray1<'_, u64> =
                arr.call_method1("astype", ("uint64",))?.extract()?;
            let len = self.core().measure_count() as u64;
            arr.as_array()
                .iter()
                .map(|&k| {
                    if k < len {
                        Ok(k as usize)
                    } else {
                        Err(PyIndexError::new_err(format!(
                            "measure index {k} out of range for {len} measures"
                        )))
                    }
                })
                .collect::<PyResult<Vec<usize>>>()?
        } else {
            let arr: PyReadonlyArray1<'_, i64> =
                arr.call_method1("astype", ("int64",))?.extract()?;
            arr.as_array()
                .iter()
                .map(|&k| self.position(k))
                .collect::<PyResult<Vec<usize>>>()?
        };
        self.ids_at(py, positions.into_iter())
    }
}

#[pymethods]
impl MeasureIds {
    fn __len__(&self) -> usize {
        self.core().measure_count()
    }

    /// `view[i]` -> str; `view[slice]`, `view[int array]`, `view[bool mask]` -> list of str.
    fn __getitem__<'py>(
        &self,
        py: Python<'py>,
        key: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyAny>> {
        if let Ok(slice) = key.cast::<PySlice>() {
            let len = self.core().measure_count();
            let ix = slice.indices(len as isize)?;
            let positions = (0..ix.slicelength).map(|k| (ix.start + k as isize * ix.step) as usize);
            return Ok(self.ids_at(py, positions)?.into_any());
        }
        // Anything with __index__ (int, numpy integer) is one position; arrays fall through.
        if key.is_instance_of::<PyInt>() && key.extract::<i64>().is_err() {
            return Err(PyIndexError::new_err("measure index out of range"));
        }
        if let Ok(index) = key.extract::<i64>() {
            let k = self.position(index)?;
            let id = self.core().document().measures[k].id.as_str();
            return Ok(PyString::new(py, id).into_any());
        }
        Ok(self.ids_of_array(py, key)?.into_any())
    }

    fn __iter__(&self, py: Python<'_>) -> MeasureIdsIterator {
        MeasureIdsIterator {
            strategy: self.strategy.clone_ref(py),
            next: AtomicUsize::new(0),
        }
    }

    /// O(1) with the strategy's hash index (built on first use, like every analysis).
    fn __contains__(&self, py: Python<'_>, value: &Bound<'_, PyAny>) -> PyResult<bool> {
        let Ok(id) = value.cast::<PyString>() else {
            return Ok(false);
        };
        let id = id.to_cow()?;
        let s = self.core();
        Ok(py.detach(|| s.measure_index(&id)).is_some())
    }

    /// The position of a measure id (O(1), hash index). Raises `ValueError` when absent.
    fn index(&self, py: Python<'_>, value: &str) -> PyResult<usize> {
        let s = self.core();
        py.detach(|| s.measure_index(value))
            .map(|k| k as usize)
            .ok_or_else(|| {
                PyValueError::new_err(format!(
                    "{} is not a measure id",
                    repr(py, value).unwrap_or_default()
                ))
            })
    }

    /// How many measures have this id (0 or 1 in a valid strategy). O(n).
    fn count(&self, py: Python<'_>, value: &str) -> usize {
        let measures = &self.core().document().measures;
        py.detach(|| measures.iter().filter(|m| m.id.as_str() == value).count())
    }

    /// Every id as a list (one Python string per measure: a copy).
    fn to_list<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        self.ids_at(py, 0..self.core().measure_count())
    }

    fn __repr__(&self) -> String {
        format!("<MeasureIds of {} measures>", self.core().measure_count())
    }
}

/// Iterator over a `MeasureIds` view.
#[pyclass(frozen, module = "eculture")]
#[derive(Debug)]
pub struct MeasureIdsIterator {
    strategy: Py<Strategy>,
    next: AtomicUsize,
}

#[pymethods]
impl MeasureIdsIterator {
    fn __iter__(slf: Bound<'_, Self>) -> Bound<'_, Self> {
        slf
    }

    fn __next__<'py>(&self, py: Python<'py>) -> Option<Bound<'py, PyString>> {
        let k = self.next.fetch_add(1, Ordering::Relaxed);
        let measures = &self.strategy.get().core().document().measures;
        measures.get(k).map(|m| PyString::new(py, m.id.as_str()))
    }
}

/// The cluster × module roll-up of the action plan, as 2-D NumPy arrays (clusters × modules):
/// `measures` delivering each cell, how many of them are `executed`, and whether the module is
/// `applicable` to the cluster. The arrays are read-only and built once.
#[pyclass(frozen, eq, module = "eculture")]
#[derive(Debug)]
pub struct Rollup {
    inner: eculture::Rollup,
    measures: Py<PyArray2<u32>>,
    executed: Py<PyArray2<u32>>,
    applicable: Py<PyArray2<bool>>,
}

impl PartialEq for Rollup {
    fn eq(&self, other: &Self) -> bool {
        self.inner == other.inner
    }
}

impl Rollup {
    fn shape(&self) -> (usize, usize) {
        (self.inner.clusters.len(), self.inner.modules.len())
    }

    /// A read-only 2-D array (clusters × modules) holding `values`, moved, not copied.
    fn grid<'py, T: numpy::Element>(
        py: Python<'py>,
        shape: (usize, usize),
        values: Vec<T>,
    ) -> PyResult<Py<PyArray2<T>>> {
        let values = Array2::from_shape_vec(shape, values)
            .map_err(|e| PyValueError::new_err(format!("roll-up shape: {e}")))?;
        let arr = values.into_pyarray(py);
        arr.getattr("flags")?.setattr("writeable", false)?;
        Ok(arr.unbind())
    }

    pub(crate) fn new(py: Python<'_>, inner: eculture::Rollup) -> PyResult<Self> {
        let shape = (inner.clusters.len(), inner.modules.len());
        Ok(Rollup {
            measures: Self::grid(py, shape, inner.measures.clone())?,
            executed: Self::grid(py, shape, inner.executed.clone())?,
            applicable: Self::grid(py, shape, inner.applicable.clone())?,
            inner,
        })
    }

    fn shares(&self) -> Vec<f64> {
        (0..self.inner.measures.len())
            .map(|k| self.inner.executed_share(k).unwrap_or(f64::NAN))
            .collect()
    }
}

#[pymethods]
impl Rollup {
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

    /// Measures delivering each cell: uint32, clusters × modules.
    #[getter]
    fn measures<'py>(&self, py: Python<'py>) -> Bound<'py, PyArray2<u32>> {
        self.measures.bind(py).clone()
    }

    /// Of those, measures with status `executed`: uint32, clusters × modules.
    #[getter]
    fn executed<'py>(&self, py: Python<'py>) -> Bound<'py, PyArray2<u32>> {
        self.executed.bind(py).clone()
    }

    /// Whether the module applies to the cluster: bool, clusters × modules.
    #[getter]
    fn applicable<'py>(&self, py: Python<'py>) -> Bound<'py, PyArray2<bool>> {
        self.applicable.bind(py).clone()
    }

    /// `executed / measures` per cell: float64, clusters × modules, NaN where no measure
    /// delivers the cell (no data, not 0). A new array on each call.
    fn executed_share<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyArray2<f64>>> {
        let values = Array2::from_shape_vec(self.shape(), self.shares())
            .map_err(|e| PyValueError::new_err(format!("roll-up shape: {e}")))?;
        Ok(values.into_pyarray(py))
    }

    /// Mean of the executed shares over the cells that have measures (pandas'
    /// `pivot_table(..., aggfunc="mean")` followed by `nanmean`); None when no cell has any.
    fn mean_executed_share(&self) -> Option<f64> {
        self.inner.mean_executed_share()
    }

    /// `{"clusters", "modules", "measures", "executed", "applicable"}`, the arrays flattened
    /// row-major (cluster by cluster), as in the JSON of the other surfaces.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        Ok(pythonize::pythonize(py, &self.inner)?)
    }

    /// A pandas DataFrame with one row per cell, row-major: cluster, module, measures,
    /// executed, applicable and executed_share (NaN where no measure). Needs pandas
    /// (`pip install 'eculture[pandas]'`).
    fn to_pandas<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let pandas = crate::import_pandas(py, "Rollup.to_pandas")?;
        let r = &self.inner;
        let nm = r.modules.len();
        let cells = r.measures.len();
        let columns = PyDict::new(py);
        columns.set_item(
            "cluster",
            (0..cells).map(|k| &r.clusters[k / nm]).collect::<Vec<_>>(),
        )?;
        columns.set_item(
            "module",
            (0..cells).map(|k| &r.modules[k % nm]).collect::<Vec<_>>(),
        )?;
        columns.set_item("measures", r.measures.clone().into_pyarray(py))?;
        columns.set_item("executed", r.executed.clone().into_pyarray(py))?;
        columns.set_item("applicable", r.applicable.clone().into_pyarray(py))?;
        columns.set_item("executed_share", self.shares().into_pyarray(py))?;
        pandas.getattr("DataFrame")?.call1((columns,))
    }

    /// The core's one-line summary (the same text as JavaScript's `toString()`).
    fn __repr__(&self) -> String {
        eculture::api::Summary::summary(&self.inner)
    }
}

/// `Strategy.measure_id(index)`: the id at a position in `document()["measures"]`.
pub(crate) fn measure_id(
    py: Python<'_>,
    s: &eculture::Strategy,
    index: &Bound<'_, PyAny>,
) -> PyResult<String> {
    let index = pythonize::depythonize::<eculture::api::BindingValue>(index)
        .map_err(|_| to_py_err(py, &eculture::api::not_plain_data("index")))?;
    let i =
        eculture::api::measure_index(index.0, s.measure_count()).map_err(|e| to_py_err(py, &e))?;
    Ok(s.measure_id(i).unwrap_or_default().to_owned())
}
