//! Lazy results: `IdList` (a sequence of measure ids) and `IdLists` (a sequence of such
//! sequences: waves, cyclic blocks). They hold the core's measure indices and make a Python
//! string only for the item asked for, so `s.waves()` or `s.impact([id])` on a million-measure
//! plan costs the algorithm, not a million `str` objects.
//!
//! Both are read-only `collections.abc.Sequence`s: index, slice (a view again), iterate,
//! `len`, `in`, `index`, `count`, compare equal to lists (and tuples) of the same ids,
//! `to_list()`, `to_numpy()`, and `indices` (the measure indices as a uint32 NumPy array).

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use numpy::{IntoPyArray, PyArray1};
use pyo3::exceptions::{PyIndexError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{IntoPyDict, PyList, PySlice, PyString};

use eculture::api::Summary;

use crate::diagnostic::{Diagnostic, repr};
use crate::strategy::Strategy;

/// How many ids `repr()` shows before `...`.
const REPR_ITEMS: usize = 8;

/// A position from a possibly negative index into `len` items, or `IndexError`.
fn position(index: isize, len: usize, what: &str) -> PyResult<usize> {
    let k = if index < 0 {
        index + len as isize
    } else {
        index
    };
    if k >= 0 && (k as usize) < len {
        Ok(k as usize)
    } else {
        Err(PyIndexError::new_err(format!(
            "{what} index {index} out of range for {len}"
        )))
    }
}

/// A read-only sequence of measure ids, backed by measure indices.
#[pyclass(frozen, sequence, module = "eculture")]
#[derive(Debug)]
pub struct IdList {
    strategy: Py<Strategy>,
    items: Arc<[u32]>,
    start: usize,
    len: usize,
}

impl IdList {
    pub(crate) fn new(strategy: Py<Strategy>, items: Vec<u32>) -> Self {
        let len = items.len();
        IdList {
            strategy,
            items: items.into(),
            start: 0,
            len,
        }
    }

    fn slice(&self) -> &[u32] {
        &self.items[self.start..self.start + self.len]
    }

    fn id(&self, v: u32) -> &str {
        self.strategy.get().core().measure_id(v).unwrap_or_default()
    }

    /// The ids as Python strings (`None` when `other` is not a sequence of str).
    fn same_ids(&self, other: &Bound<'_, PyAny>) -> PyResult<bool> {
        if let Ok(o) = other.cast::<IdList>() {
            let o = o.get();
            return Ok(o.len == self.len
                && (Arc::ptr_eq(&o.items, &self.items) && o.start == self.start
                    || o.slice()
                        .iter()
                        .zip(self.slice())
                        .all(|(&a, &b)| a == b || self.id(b) == o.id(a))));
        }
        if !(other.is_instance_of::<PyList>() || other.is_instance_of::<pyo3::types::PyTuple>()) {
            return Ok(false);
        }
        if other.len()? != self.len {
            return Ok(false);
        }
        for (item, &v) in other.try_iter()?.zip(self.slice()) {
            let item = item?;
            match item.cast::<PyString>() {
                Ok(s) if s.to_cow()? == self.id(v) => {}
                _ => return Ok(false),
            }
        }
        Ok(true)
    }
}

#[pymethods]
impl IdList {
    fn __len__(&self) -> usize {
        self.len
    }

    /// `view[i]` -> str; `view[a:b]` -> a view (no copy); `view[a:b:c]` -> a new view.
    fn __getitem__<'py>(
        &self,
        py: Python<'py>,
        key: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyAny>> {
        if let Ok(slice) = key.cast::<PySlice>() {
            let ix = slice.indices(self.len as isize)?;
            let view = if ix.step == 1 {
                IdList {
                    strategy: self.strategy.clone_ref(py),
                    items: self.items.clone(),
                    start: self.start + ix.start as usize,
                    len: ix.slicelength,
                }
            } else {
                let picked: Vec<u32> = (0..ix.slicelength)
                    .map(|k| self.slice()[(ix.start + k as isize * ix.step) as usize])
                    .collect();
                IdList::new(self.strategy.clone_ref(py), picked)
            };
            return Ok(Bound::new(py, view)?.into_any());
        }
        let k = position(key.extract::<isize>()?, self.len, "id list")?;
        Ok(PyString::new(py, self.id(self.slice()[k])).into_any())
    }

    fn __iter__(slf: Bound<'_, Self>) -> IdListIterator {
        IdListIterator {
            list: slf.unbind(),
            next: AtomicUsize::new(0),
        }
    }

    fn __contains__(&self, value: &Bound<'_, PyAny>) -> PyResult<bool> {
        let Ok(id) = value.cast::<PyString>() else {
            return Ok(false);
        };
        let id = id.to_cow()?;
        let Some(v) = self.strategy.get().core().measure_index(&id) else {
            return Ok(false);
        };
        Ok(self.slice().contains(&v))
    }

    fn __eq__(&self, other: &Bound<'_, PyAny>) -> PyResult<bool> {
        self.same_ids(other)
    }

    /// The position of an id in this list. Raises `ValueError` when absent.
    fn index(&self, py: Python<'_>, value: &str) -> PyResult<usize> {
        let v = self.strategy.get().core().measure_index(value);
        v.and_then(|v| self.slice().iter().position(|&x| x == v))
            .ok_or_else(|| {
                PyValueError::new_err(format!(
                    "{} is not in the list",
                    repr(py, value).unwrap_or_default()
                ))
            })
    }

    /// How many times an id occurs (0 or 1).
    fn count(&self, value: &str) -> usize {
        match self.strategy.get().core().measure_index(value) {
            Some(v) => self.slice().iter().filter(|&&x| x == v).count(),
            None => 0,
        }
    }

    /// The ids as a list of str (a copy).
    fn to_list<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        PyList::new(py, self.slice().iter().map(|&v| self.id(v)))
    }

    /// The ids as a NumPy array of str (dtype object).
    fn to_numpy<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let np = py.import("numpy")?;
        let kwargs = [("dtype", "object")].into_py_dict(py)?;
        np.call_method("array", (self.to_list(py)?,), Some(&kwargs))
    }

    /// The measure indices (positions in `document()["measures"]`) as a uint32 array.
    #[getter]
    fn indices<'py>(&self, py: Python<'py>) -> Bound<'py, PyArray1<u32>> {
        self.slice().to_vec().into_pyarray(py)
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        let shown: Vec<String> = self
            .slice()
            .iter()
            .take(REPR_ITEMS)
            .map(|&v| repr(py, self.id(v)))
            .collect::<PyResult<_>>()?;
        let more = if self.len > REPR_ITEMS {
            format!(", ... ({} ids)", self.len)
        } else {
            String::new()
        };
        Ok(format!("IdList([{}{more}])", shown.join(", ")))
    }
}

/// Iterator over an `IdList`.
#[pyclass(frozen, module = "eculture")]
#[derive(Debug)]
pub struct IdListIterator {
    list: Py<IdList>,
    next: AtomicUsize,
}

#[pymethods]
impl IdListIterator {
    fn __iter__(slf: Bound<'_, Self>) -> Bound<'_, Self> {
        slf
    }

    fn __next__<'py>(&self, py: Python<'py>) -> Option<Bound<'py, PyString>> {
        let k = self.next.fetch_add(1, Ordering::Relaxed);
        let list = self.list.get();
        list.slice().get(k).map(|&v| PyString::new(py, list.id(v)))
    }
}

/// A read-only sequence of `IdList`s (waves, cyclic blocks), stored flat.
#[pyclass(frozen, sequence, module = "eculture")]
#[derive(Debug)]
pub struct IdLists {
    strategy: Py<Strategy>,
    items: Arc<[u32]>,
    offsets: Arc<[u32]>,
}

impl IdLists {
    pub(crate) fn new(strategy: Py<Strategy>, groups: eculture::Groups) -> Self {
        IdLists {
            strategy,
            items: groups.items.into(),
            offsets: groups.offsets.into(),
        }
    }

    fn count_groups(&self) -> usize {
        self.offsets.len().saturating_sub(1)
    }

    fn group(&self, py: Python<'_>, k: usize) -> IdList {
        let (a, b) = (self.offsets[k] as usize, self.offsets[k + 1] as usize);
        IdList {
            strategy: self.strategy.clone_ref(py),
            items: self.items.clone(),
            start: a,
            len: b - a,
        }
    }

    fn same(&self, py: Python<'_>, other: &Bound<'_, PyAny>) -> PyResult<bool> {
        if let Ok(o) = other.cast::<IdLists>() {
            let o = o.get();
            return Ok(o.offsets == self.offsets && o.items == self.items);
        }
        if !(other.is_instance_of::<PyList>() || other.is_instance_of::<pyo3::types::PyTuple>()) {
            return Ok(false);
        }
        if other.len()? != self.count_groups() {
            return Ok(false);
        }
        for (k, item) in other.try_iter()?.enumerate() {
            if !self.group(py, k).same_ids(&item?)? {
                return Ok(false);
            }
        }
        Ok(true)
    }
}

#[pymethods]
impl IdLists {
    fn __len__(&self) -> usize {
        self.count_groups()
    }

    /// `lists[k]` -> an `IdList`; `lists[a:b]` -> a list of `IdList`s.
    fn __getitem__<'py>(
        &self,
        py: Python<'py>,
        key: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let n = self.count_groups();
        if let Ok(slice) = key.cast::<PySlice>() {
            let ix = slice.indices(n as isize)?;
            let picked = (0..ix.slicelength)
                .map(|k| self.group(py, (ix.start + k as isize * ix.step) as usize))
                .map(|g| Bound::new(py, g))
                .collect::<PyResult<Vec<_>>>()?;
            return Ok(PyList::new(py, picked)?.into_any());
        }
        let k = position(key.extract::<isize>()?, n, "group")?;
        Ok(Bound::new(py, self.group(py, k))?.into_any())
    }

    fn __iter__(slf: Bound<'_, Self>) -> IdListsIterator {
        IdListsIterator {
            lists: slf.unbind(),
            next: AtomicUsize::new(0),
        }
    }

    fn __eq__(&self, py: Python<'_>, other: &Bound<'_, PyAny>) -> PyResult<bool> {
        self.same(py, other)
    }

    /// Every group as a list of str (a copy).
    fn to_list<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        let groups = (0..self.count_groups())
            .map(|k| self.group(py, k).to_list(py))
            .collect::<PyResult<Vec<_>>>()?;
        PyList::new(py, groups)
    }

    /// Every group's measure indices, group after group (uint32; see `offsets`).
    #[getter]
    fn indices<'py>(&self, py: Python<'py>) -> Bound<'py, PyArray1<u32>> {
        self.items.to_vec().into_pyarray(py)
    }

    /// Where each group starts in `indices`, plus the end (uint32, `len + 1` entries).
    #[getter]
    fn offsets<'py>(&self, py: Python<'py>) -> Bound<'py, PyArray1<u32>> {
        self.offsets.to_vec().into_pyarray(py)
    }

    fn __repr__(&self) -> String {
        format!(
            "IdLists({} groups, {} ids)",
            self.count_groups(),
            self.items.len()
        )
    }
}

/// Iterator over an `IdLists`.
#[pyclass(frozen, module = "eculture")]
#[derive(Debug)]
pub struct IdListsIterator {
    lists: Py<IdLists>,
    next: AtomicUsize,
}

#[pymethods]
impl IdListsIterator {
    fn __iter__(slf: Bound<'_, Self>) -> Bound<'_, Self> {
        slf
    }

    fn __next__(&self, py: Python<'_>) -> PyResult<Option<Py<IdList>>> {
        let k = self.next.fetch_add(1, Ordering::Relaxed);
        let lists = self.lists.get();
        if k >= lists.count_groups() {
            return Ok(None);
        }
        Py::new(py, lists.group(py, k)).map(Some)
    }
}

/// How many diagnostics the notebook table shows.
const HTML_DIAGNOSTICS: usize = 200;

/// The diagnostics of `validate()`: a read-only sequence over the core's cached list that makes
/// a `Diagnostic` only for the item asked for (a million-measure plan's warnings cross in no
/// time); shows as a table in notebooks; equal to a list of the same diagnostics.
#[pyclass(frozen, sequence, module = "eculture")]
#[derive(Debug)]
pub struct Diagnostics {
    strategy: Py<Strategy>,
}

impl Diagnostics {
    pub(crate) fn new(strategy: Py<Strategy>) -> Self {
        Diagnostics { strategy }
    }

    fn all(&self) -> &[eculture::Diagnostic] {
        self.strategy.get().core().validate()
    }
}

#[pymethods]
impl Diagnostics {
    fn __len__(&self) -> usize {
        self.all().len()
    }

    /// `d[i]` -> Diagnostic; `d[a:b]` -> a list of them.
    fn __getitem__<'py>(
        &self,
        py: Python<'py>,
        key: &Bound<'py, PyAny>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let all = self.all();
        if let Ok(slice) = key.cast::<PySlice>() {
            let ix = slice.indices(all.len() as isize)?;
            let picked = (0..ix.slicelength)
                .map(|k| Diagnostic::from(all[(ix.start + k as isize * ix.step) as usize].clone()));
            return Ok(PyList::new(py, picked)?.into_any());
        }
        let k = position(key.extract::<isize>()?, all.len(), "diagnostic")?;
        Ok(Bound::new(py, Diagnostic::from(all[k].clone()))?.into_any())
    }

    fn __iter__(slf: Bound<'_, Self>) -> DiagnosticsIterator {
        DiagnosticsIterator {
            list: slf.unbind(),
            next: AtomicUsize::new(0),
        }
    }

    fn __eq__(&self, other: &Bound<'_, PyAny>) -> PyResult<bool> {
        if let Ok(o) = other.cast::<Diagnostics>() {
            return Ok(o.get().all() == self.all());
        }
        if !(other.is_instance_of::<PyList>() || other.is_instance_of::<pyo3::types::PyTuple>()) {
            return Ok(false);
        }
        if other.len()? != self.all().len() {
            return Ok(false);
        }
        for (item, d) in other.try_iter()?.zip(self.all()) {
            match item?.cast::<Diagnostic>() {
                Ok(x) if x.get().core() == d => {}
                _ => return Ok(false),
            }
        }
        Ok(true)
    }

    /// Pickle support: pickles as the list of its diagnostics.
    fn __reduce__<'py>(
        &self,
        py: Python<'py>,
    ) -> PyResult<(Bound<'py, PyAny>, (Bound<'py, PyList>,))> {
        let list = py.import("builtins")?.getattr("list")?;
        Ok((list, (self.to_list(py)?,)))
    }

    /// The diagnostics as a list of `Diagnostic` (a copy).
    fn to_list<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        PyList::new(py, self.all().iter().cloned().map(Diagnostic::from))
    }

    /// The notebook view: a table of the first diagnostics (HTML by the core).
    fn _repr_html_(&self) -> String {
        let all = self.all();
        let shown = &all[..all.len().min(HTML_DIAGNOSTICS)];
        let mut html =
            eculture::render::report::diagnostics_table(shown, eculture::model::Lang::En);
        if all.len() > shown.len() {
            html.push_str(&format!("<p>… and {} more</p>", all.len() - shown.len()));
        }
        html
    }

    fn __repr__(&self) -> String {
        let all = self.all();
        let shown: Vec<String> = all.iter().take(3).map(Summary::summary).collect();
        let more = if all.len() > 3 {
            format!(", ... ({} diagnostics)", all.len())
        } else {
            String::new()
        };
        format!("Diagnostics([{}{more}])", shown.join(", "))
    }
}

/// Iterator over `Diagnostics`.
#[pyclass(frozen, module = "eculture")]
#[derive(Debug)]
pub struct DiagnosticsIterator {
    list: Py<Diagnostics>,
    next: AtomicUsize,
}

#[pymethods]
impl DiagnosticsIterator {
    fn __iter__(slf: Bound<'_, Self>) -> Bound<'_, Self> {
        slf
    }

    fn __next__(&self) -> Option<Diagnostic> {
        let k = self.next.fetch_add(1, Ordering::Relaxed);
        self.list.get().all().get(k).cloned().map(Diagnostic::from)
    }
}
