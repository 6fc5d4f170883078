//! `Strategy.to_pandas()` and `Strategy.to_networkx()`: the document's measures and dependencies
//! as a pandas DataFrame and a networkx graph.

use pyo3::prelude::*;

/// The measures as a DataFrame indexed by id (requires pandas).
pub(crate) fn measures<'py>(
    py: Python<'py>,
    s: &eculture::Strategy,
) -> PyResult<Bound<'py, PyAny>> {
    let pd = crate::import_pandas(py, "Strategy.to_pandas")?;
    let ms = &s.document().measures;
    let cols = pyo3::types::PyDict::new(py);
    cols.set_item("id", ms.iter().map(|m| m.id.as_str()).collect::<Vec<_>>())?;
    cols.set_item(
        "direction",
        ms.iter().map(|m| m.direction.as_str()).collect::<Vec<_>>(),
    )?;
    cols.set_item(
        "title",
        ms.iter().map(|m| m.title.best()).collect::<Vec<_>>(),
    )?;
    cols.set_item(
        "main_executor",
        ms.iter()
            .map(|m| {
                m.main_executor
                    .0
                    .iter()
                    .map(|e| e.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            })
            .collect::<Vec<_>>(),
    )?;
    cols.set_item(
        "start",
        ms.iter()
            .map(|m| m.start.as_ref().map(|p| p.to_string()))
            .collect::<Vec<_>>(),
    )?;
    cols.set_item(
        "deadline",
        ms.iter()
            .map(|m| m.deadline.as_ref().map(|p| p.to_string()))
            .collect::<Vec<_>>(),
    )?;
    cols.set_item(
        "duration_days",
        ms.iter().map(|m| m.duration_days).collect::<Vec<_>>(),
    )?;
    cols.set_item(
        "status",
        ms.iter()
            .map(|m| m.status.map(|st| pythonize::pythonize(py, &st)).transpose())
            .collect::<Result<Vec<_>, _>>()?,
    )?;
    cols.set_item(
        "illustrative",
        ms.iter()
            .map(|m| m.illustrative.describe())
            .collect::<Vec<_>>(),
    )?;
    let df = pd.getattr("DataFrame")?.call1((cols,))?;
    df.call_method1("set_index", ("id",))
}

/// The dependency graph as a networkx `DiGraph` (requires networkx).
pub(crate) fn networkx<'py>(
    py: Python<'py>,
    s: &eculture::Strategy,
    edges: &[eculture::DependencyEdge],
) -> PyResult<Bound<'py, PyAny>> {
    let nx = py.import("networkx").map_err(|e| {
        let err = pyo3::exceptions::PyImportError::new_err(
            "Strategy.to_networkx() needs networkx; install it with `pip install networkx`",
        );
        err.set_cause(py, Some(e));
        err
    })?;
    let g = nx.getattr("DiGraph")?.call0()?;
    for m in &s.document().measures {
        let attrs = pyo3::types::PyDict::new(py);
        attrs.set_item("title", m.title.best())?;
        attrs.set_item("direction", m.direction.as_str())?;
        attrs.set_item("duration_days", m.duration_days)?;
        attrs.set_item(
            "status",
            m.status
                .map(|st| pythonize::pythonize(py, &st))
                .transpose()?,
        )?;
        g.call_method("add_node", (m.id.as_str(),), Some(&attrs))?;
    }
    for e in edges {
        let attrs = pyo3::types::PyDict::new(py);
        attrs.set_item("relation", &e.relation)?;
        attrs.set_item("lag_days", e.lag_days)?;
        attrs.set_item("derived", e.derived)?;
        attrs.set_item("module", &e.module)?;
        attrs.set_item("cluster", &e.cluster)?;
        g.call_method("add_edge", (&e.from, &e.to), Some(&attrs))?;
    }
    Ok(g)
}
