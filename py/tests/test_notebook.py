"""eculture in a notebook, as an analyst uses it: a notebook built with nbformat and executed
by a real kernel (nbclient + ipykernel). The strategy shows as a report card, the matrix as a
heatmap, the schedule as a Gantt chart; DataFrames and a networkx graph come out."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")
pytest.importorskip("ipykernel")
pytest.importorskip("pandas")
pytest.importorskip("networkx")

CELLS = [
    "import eculture\ns = eculture.Strategy.e_culture()\ns",
    "m = s.matrix()\nm",
    "s.schedule()",
    "wide = m.to_pandas(wide=True)\nwide.iloc[:3, :4]",
    "sch = s.schedule().to_pandas()\n(str(sch['early_start_date'].dtype), list(sch.columns[:3]))",
    "g = s.to_networkx()\n(g.number_of_nodes(), g.number_of_edges(), len(s.to_pandas()))",
    "s.execution_rate(by='direction')['records'].to_pandas().head(3)",
    "eculture.Strategy.from_json(s.to_json().replace('\"moc\"', '\"m<script>\"', 1)).validate()",
    "s.rollout()",
    "s.dsm()",
    "s.execution_rate(as_of='2025-12-31', by='direction')",
    "s.monitoring_report(year=2025)",
]


def test_a_notebook_shows_pictures_and_tables(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))  # ipykernel writes ~/.ipython
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(c) for c in CELLS]
    client = nbclient.NotebookClient(nb, kernel_name="python3", timeout=120, resources={"metadata": {"path": str(tmp_path)}})
    client.execute()
    outs = [c.outputs for c in nb.cells]
    for k, o in enumerate(outs):
        assert not [x for x in o if x.output_type == "error"], (CELLS[k], o)

    def data(k: int) -> dict:
        results = [x for x in outs[k] if x.output_type == "execute_result"]
        assert results, CELLS[k]
        return results[0]["data"]

    card = data(0)["text/html"]
    assert "e-Culture" in card and "<svg" in card, "the strategy shows as its report"
    heat = data(1)["image/svg+xml"]
    assert heat.lstrip().startswith("<svg") and "coverage" in heat.lower()
    gantt = data(2)["image/svg+xml"]
    assert gantt.lstrip().startswith("<svg")
    assert "<table" in data(3)["text/html"], "the wide matrix renders as a table"
    dtype, first = eval(data(4)["text/plain"])  # noqa: S307 - our own cell's repr
    assert dtype.startswith("datetime64") and first[:2] == ["title", "direction"]
    nodes, edges, measures = eval(data(5)["text/plain"])  # noqa: S307
    assert nodes == measures > 100 and edges > 0
    assert "<table" in data(6)["text/html"]
    diags = data(7)["text/html"]
    assert "<table" in diags and "m&lt;script&gt;" in diags and "<script>" not in diags
    assert data(8)["image/svg+xml"].lstrip().startswith("<svg"), "the rollout shows as its picture"
    assert data(9)["image/svg+xml"].lstrip().startswith("<svg"), "the DSM shows as its picture"
    rate = data(10)
    assert "<table" in rate["text/html"], "a monitoring result shows as a table"
    assert rate["text/plain"].startswith("ExecutionRate(as_of=2025-12-31")
    assert "<h1>" in data(11)["text/html"], "the annual report shows as itself"
