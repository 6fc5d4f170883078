"""A portfolio of programmes (docs/portfolio.md): Portfolio.from_strategies / load, qualified
ids, dependencies across programmes; every Strategy method reaches the merged plan."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from eculture import ArgumentError, Portfolio, Strategy


def programme(pid: str, measures: list) -> Strategy:
    return Strategy.from_dict({
        "strategy": {"id": pid, "title": {"az": pid, "en": f"Programme {pid}"},
                     "period": {"start": "2024-01-01", "end": "2026-12-31"}},
        "organizations": [{"id": "moc", "name": {"en": "Ministry of Culture"}, "kind": "ministry"}],
        "directions": [{"id": "D1", "title": {"en": "Direction one"}}],
        "measures": [{"id": m, "direction": "D1", "title": {"en": m}, "main_executor": "moc",
                      "duration_days": d, "depends_on": deps, "status": "executed"}
                     for m, d, deps in measures],
    })


def pair() -> tuple[Strategy, Strategy]:
    a = programme("A", [("a1", 10, []), ("a2", 5, ["a1"])])
    b = programme("B", [("b1", 3, ["A:a2"]), ("b2", 4, ["b1"])])
    return a, b


def test_cross_programme_dependencies_as_in_rust_and_js() -> None:
    a, b = pair()
    assert any(d.code == "external_dependency" and d.severity == "warning" for d in b.validate())
    p = Portfolio.from_strategies([a, b])
    assert p.programmes == ["A", "B"]
    assert isinstance(p.strategy, Strategy)
    assert p.find_cycle() is None
    sch = p.schedule()
    assert sch.duration_days == 22 and sch.record("B:b1")["early_start"] == 15
    assert list(p.impact(["A:a1"])) == ["A:a2", "B:b1", "B:b2"]
    rate = p.execution_rate(by="programme", scope="active")
    assert [r["group"] for r in rate.records] == ["A", "B"]
    assert all(d.severity != "error" for d in p.validate())
    assert "Portfolio(id=\"portfolio\"" in repr(p)


def test_load_by_path_and_inline(tmp_path: Path) -> None:
    a, b = pair()
    a.save(str(tmp_path / "a.yaml"))
    (tmp_path / "p.json").write_text(json.dumps(
        {"portfolio": {"id": "ministry"}, "programmes": [{"path": "a.yaml"}, b.document()]}))
    p = Portfolio.load(str(tmp_path / "p.json"))
    assert (p.id, p.programmes) == ("ministry", ["A", "B"])


def test_a_programme_twice_is_an_argument_error() -> None:
    a, _ = pair()
    with pytest.raises(ArgumentError, match="given twice"):
        Portfolio.from_strategies([a, a])
