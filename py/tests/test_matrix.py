"""The cluster x module matrix: cells, coverage, gaps and the exports."""

from __future__ import annotations

import csv
import io
import sys
from typing import Any, Callable, Dict

import pytest

import eculture

from eculture import Matrix, MatrixCell, Strategy

from conftest import strategy_of


@pytest.fixture(scope="module")
def matrix(e_culture: Strategy) -> Matrix:
    return e_culture.matrix()


def test_shape_and_order(e_culture: Strategy, matrix: Matrix) -> None:
    doc = e_culture.document()
    assert matrix.clusters == [c["id"] for c in doc["clusters"]]
    assert matrix.modules == [m["id"] for m in doc["modules"]]
    cells = matrix.cells
    nm = len(matrix.modules)
    assert len(cells) == len(matrix.clusters) * nm
    for k, cell in enumerate(cells):
        assert isinstance(cell, MatrixCell)
        assert cell.cluster == matrix.clusters[k // nm]
        assert cell.module == matrix.modules[k % nm]


def test_cell_states_and_measures(e_culture: Strategy, matrix: Matrix) -> None:
    measure_ids = {m["id"] for m in e_culture.document()["measures"]}
    for cell in matrix.cells:
        assert cell.state in ("not_applicable", "gap", "covered")
        if cell.state == "covered":
            assert cell.measures and set(cell.measures) <= measure_ids
        else:
            assert cell.measures == []


def test_targets_show_up_as_covered_cells(e_culture: Strategy, matrix: Matrix) -> None:
    # A measure that names explicit clusters for a module covers exactly those cells.
    for m in e_culture.document()["measures"]:
        for t in m.get("targets", []):
            for cluster in t.get("clusters") or []:
                cell = matrix.cell(cluster, t["module"])
                assert cell is not None
                assert cell.state == "covered"
                assert m["id"] in cell.measures


def test_cell_lookup(matrix: Matrix) -> None:
    cells = matrix.cells
    pick = cells[len(cells) // 2]
    assert matrix.cell(pick.cluster, pick.module) == pick
    with pytest.raises(eculture.ArgumentError, match="unknown cluster `no-such-cluster`") as e:
        matrix.cell("no-such-cluster", pick.module)
    assert e.value.path == "cluster"
    with pytest.raises(eculture.ArgumentError, match="unknown module `no-such-module`"):
        matrix.cell(pick.cluster, "no-such-module")
    # a typo suggests the nearest id
    typo = pick.module[:-1] + ("x" if pick.module[-1] != "x" else "y")
    with pytest.raises(eculture.ArgumentError, match=f"did you mean `{pick.module}`"):
        matrix.cell(pick.cluster, typo)


def test_gaps(matrix: Matrix) -> None:
    gaps = matrix.gaps()
    assert gaps == [c for c in matrix.cells if c.state == "gap"]
    assert gaps, "the embedded plan has gaps"


def test_coverage_counts_match_cells(matrix: Matrix) -> None:
    cov = matrix.coverage()
    cells = matrix.cells
    covered = sum(c.state == "covered" for c in cells)
    gaps = sum(c.state == "gap" for c in cells)
    assert cov["overall"]["covered"] == covered
    assert cov["overall"]["gaps"] == gaps
    assert cov["overall"]["applicable"] == covered + gaps
    assert [c["id"] for c in cov["clusters"]] == matrix.clusters
    assert [c["id"] for c in cov["modules"]] == matrix.modules
    for entry in cov["clusters"]:
        mine = [c for c in cells if c.cluster == entry["id"]]
        assert entry["covered"] == sum(c.state == "covered" for c in mine)
        assert entry["gaps"] == sum(c.state == "gap" for c in mine)


def test_empty_matrix_has_no_share(make_doc: Callable[[], Dict[str, Any]]) -> None:
    m = strategy_of(make_doc()).matrix()
    assert (m.clusters, m.modules, m.cells, m.gaps()) == ([], [], [], [])
    assert m.coverage()["overall"] == {
        "id": "*",
        "covered": 0,
        "gaps": 0,
        "applicable": 0,
        "share": None,
        "weighted_covered": 0,
        "weighted_applicable": 0,
        "weighted_share": None,
    }


def test_to_dict(matrix: Matrix) -> None:
    d = matrix.to_dict()
    assert d["clusters"] == matrix.clusters
    assert d["modules"] == matrix.modules
    assert d["cells"] == [c.to_dict() for c in matrix.cells]
    first = matrix.cells[0]
    want = {
        "cluster": first.cluster,
        "module": first.module,
        "state": first.state,
        "measures": first.measures,
    }
    if first.illustrative:  # present only when true (docs/provenance.md)
        want["illustrative"] = True
    if first.institutions is not None:  # present only when known (docs/assessment.md)
        want["institutions"] = first.institutions
    assert first.to_dict() == want


def test_to_csv(matrix: Matrix) -> None:
    rows = list(csv.reader(io.StringIO(matrix.to_csv())))
    assert rows[0] == [
        "cluster",
        "module",
        "state",
        "measures",
        "illustrative",
        "institutions",
        "level",
        "target_level",
        "institutions_reached",
        "as_of",
        "cluster_title",
        "module_title",
    ]
    assert len(rows) == len(matrix.cells) + 1
    num = lambda n: "" if n is None else str(n)  # noqa: E731
    for row, cell in zip(rows[1:], matrix.cells):
        flag = "true" if cell.illustrative else ""
        assert row[:10] == [
            cell.cluster,
            cell.module,
            cell.state,
            ";".join(cell.measures),
            flag,
            num(cell.institutions),
            num(cell.level),
            num(cell.target_level),
            num(cell.institutions_reached),
            cell.as_of or "",
        ]
    # titles beside the ids (the e-Culture plan's English titles)
    library = next(r for r in rows[1:] if r[0] == "library")
    assert library[10] == "Library"


def test_to_markdown(matrix: Matrix) -> None:
    md = matrix.to_markdown()
    lines = md.splitlines()
    assert lines[0].startswith("| cluster |")
    table = [line for line in lines if line.startswith("|")]
    assert len(table) == len(matrix.clusters) + 2
    assert "Overall coverage:" in md
    # names beside the ids: the clusters in their rows, the modules in a line under the table
    assert "| library (Library) |" in md, lines[2]
    modules = next(line for line in lines if line.startswith("Modules: "))
    assert "registry (" in modules or "e_registry (" in modules or "(" in modules


def test_equality_and_repr(e_culture: Strategy, matrix: Matrix) -> None:
    assert e_culture.matrix() == matrix
    assert repr(matrix).startswith(f"Matrix({len(matrix.clusters)} clusters x {len(matrix.modules)} modules, ")
    cell = matrix.cells[0]
    assert repr(cell).startswith(f"MatrixCell(cluster={cell.cluster!r}, module={cell.module!r}")
    with pytest.raises(TypeError):
        hash(cell)
    with pytest.raises(AttributeError):
        cell.state = "gap"  # type: ignore[misc]


def test_to_pandas(matrix: Matrix) -> None:
    pd = pytest.importorskip("pandas")
    df = matrix.to_pandas()
    assert isinstance(df, pd.DataFrame)
    assert list(df.columns) == [
        "cluster",
        "module",
        "state",
        "measures",
        "institutions",
        "level",
        "target_level",
        "institutions_reached",
        "as_of",
    ]
    assert len(df) == len(matrix.cells)
    assert df["state"].tolist() == [c.state for c in matrix.cells]
    assert df["measures"].tolist() == [c.measures for c in matrix.cells]
    assert (df["state"] == "gap").sum() == len(matrix.gaps())


def test_to_pandas_without_pandas(matrix: Matrix, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)  # makes `import pandas` fail
    with pytest.raises(ImportError, match=r"pip install 'eculture\[pandas\]'"):
        matrix.to_pandas()
