"""The embedded e-Culture strategy through the Python API."""

from __future__ import annotations

import copy
import pickle
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor
from typing import Dict, List, Set

import pytest

import eculture
from eculture import ArgumentError, Diagnostic, Strategy

from conftest import dep_id


def dependents(doc: dict) -> Dict[str, Set[str]]:
    out: Dict[str, Set[str]] = defaultdict(set)
    for m in doc["measures"]:
        for d in m.get("depends_on", []):
            out[dep_id(d)].add(m["id"])
    return out


def test_validates_without_errors(e_culture: Strategy) -> None:
    diags = e_culture.validate()
    assert all(isinstance(d, Diagnostic) for d in diags)
    assert [d for d in diags if d.severity == "error"] == []
    assert e_culture.is_valid() is True
    for d in diags:
        assert d.severity in ("error", "warning")
        assert isinstance(d.code, str) and d.code
        assert isinstance(d.path, str) and d.path
        assert d.id is None or isinstance(d.id, str)
        assert d.to_dict() == {
            "severity": d.severity,
            "code": d.code,
            "path": d.path,
            "id": d.id,
            "message": d.message,
        }


def test_document_shape(e_culture: Strategy) -> None:
    doc = e_culture.document()
    assert isinstance(doc, dict)
    assert doc["strategy"]["id"] == e_culture.id == "az-moc-e-culture-2024-2026"
    measures = doc["measures"]
    assert len(measures) >= 100  # the strategy has "100+ measures"
    direction_ids = [d["id"] for d in doc["directions"]]
    assert len(direction_ids) == 10
    # Every direction has measures, and every measure sits in a known direction.
    assert {m["direction"] for m in measures} == set(direction_ids)
    assert len({m["id"] for m in measures}) == len(measures)


def test_repr_names_id_and_counts(e_culture: Strategy) -> None:
    doc = e_culture.document()
    r = repr(e_culture)
    assert r.startswith('Strategy(id="az-moc-e-culture-2024-2026"')
    assert f"measures={len(doc['measures'])}" in r
    assert "directions=10" in r


def test_matrix_has_three_states(e_culture: Strategy) -> None:
    m = e_culture.matrix()
    assert {c.state for c in m.cells} == {"not_applicable", "gap", "covered"}


def test_coverage_shares(e_culture: Strategy) -> None:
    cov = e_culture.matrix().coverage()
    assert set(cov) == {"overall", "clusters", "modules"}
    entries = [cov["overall"], *cov["clusters"], *cov["modules"]]
    for c in entries:
        assert set(c) == {
            "id",
            "covered",
            "gaps",
            "applicable",
            "share",
            "weighted_covered",
            "weighted_applicable",
            "weighted_share",
        }
        assert c["covered"] + c["gaps"] == c["applicable"]
        assert c["weighted_covered"] <= c["weighted_applicable"]
        if c["weighted_applicable"]:
            assert c["weighted_share"] == pytest.approx(
                c["weighted_covered"] / c["weighted_applicable"]
            )
        else:
            assert c["weighted_share"] is None
        if c["applicable"] == 0:
            assert c["share"] is None
        else:
            assert 0.0 <= c["share"] <= 1.0
            assert c["share"] == pytest.approx(c["covered"] / c["applicable"])
    assert cov["overall"]["id"] == "*"


def test_waves_partition_measures(e_culture: Strategy) -> None:
    ids = [m["id"] for m in e_culture.document()["measures"]]
    waves = e_culture.waves()
    assert all(w for w in waves), "no empty wave"
    flat = [i for w in waves for i in w]
    assert len(flat) == len(set(flat)) == len(ids)
    assert set(flat) == set(ids)


def test_waves_respect_dependencies(e_culture: Strategy) -> None:
    wave_of = {i: k for k, w in enumerate(e_culture.waves()) for i in w}
    for m in e_culture.document()["measures"]:
        for d in m.get("depends_on", []):
            assert wave_of[dep_id(d)] < wave_of[m["id"]], (dep_id(d), m["id"])


def test_topological_order_respects_every_dependency(e_culture: Strategy) -> None:
    doc = e_culture.document()
    order = e_culture.topological_order()
    assert sorted(order) == sorted(m["id"] for m in doc["measures"])
    pos = {i: k for k, i in enumerate(order)}
    checked = 0
    for m in doc["measures"]:
        for d in m.get("depends_on", []):
            assert pos[dep_id(d)] < pos[m["id"]], (dep_id(d), m["id"])
            checked += 1
    assert checked > 50  # the plan really has dependencies
    # Documented: wave by wave.
    assert order == [i for w in e_culture.waves() for i in w]


def test_impact_excludes_itself_and_contains_direct_dependents(e_culture: Strategy) -> None:
    doc = e_culture.document()
    deps = dependents(doc)
    assert deps, "the plan has dependencies"
    for m in doc["measures"]:
        mid = m["id"]
        impact = e_culture.impact([mid])
        assert mid not in impact
        assert deps.get(mid, set()) <= set(impact)
        position = {m["id"]: k for k, m in enumerate(doc["measures"])}
        assert impact == sorted(impact, key=position.__getitem__), "document order"
    # Something upstream has a large impact.
    busiest = max(deps, key=lambda k: len(deps[k]))
    assert len(e_culture.impact([busiest])) >= len(deps[busiest]) > 0


def test_impact_contains_the_explicit_closure(e_culture: Strategy) -> None:
    # Impact follows explicit dependencies transitively (and also edges derived from module
    # `requires`, so it may hold more).
    deps = dependents(e_culture.document())
    for mid in deps:
        expected: Set[str] = set()
        todo: List[str] = [mid]
        while todo:
            for nxt in deps.get(todo.pop(), ()):
                if nxt not in expected:
                    expected.add(nxt)
                    todo.append(nxt)
        assert expected - {mid} <= set(e_culture.impact([mid]))


def test_ancestors_contain_direct_prerequisites(e_culture: Strategy) -> None:
    for m in e_culture.document()["measures"]:
        anc = e_culture.ancestors([m["id"]])
        assert m["id"] not in anc
        assert {dep_id(d) for d in m.get("depends_on", [])} <= set(anc)


def test_impact_accepts_any_iterable(e_culture: Strategy) -> None:
    ids = ["1.1", "2.1"]
    expected = e_culture.impact(ids)
    assert e_culture.impact(tuple(ids)) == expected
    assert e_culture.impact(iter(ids)) == expected
    assert e_culture.impact(i for i in ids) == expected
    assert e_culture.impact([]) == []


def test_a_bare_string_is_one_id(e_culture: Strategy) -> None:
    # never the characters of the id ("unknown measure `1`")
    assert e_culture.impact("1.1") == e_culture.impact(["1.1"])
    assert e_culture.ancestors("1.1") == e_culture.ancestors(["1.1"])
    with pytest.raises(ArgumentError, match=r"ids\[0\] must be a measure id"):
        e_culture.impact([1, 2])


def test_acyclic(e_culture: Strategy) -> None:
    assert e_culture.find_cycle() is None
    assert e_culture.cyclic_blocks() == []


def test_json_schema() -> None:
    schema = eculture.json_schema()
    assert isinstance(schema, dict)
    assert {"strategy", "measures", "clusters", "modules"} <= set(schema["properties"])


def test_version() -> None:
    assert isinstance(eculture.__version__, str)
    assert eculture.__version__.count(".") == 2


def test_equality_pickle_and_copy(e_culture: Strategy) -> None:
    other = Strategy.e_culture()
    assert other == e_culture
    assert other is not e_culture
    assert pickle.loads(pickle.dumps(e_culture)) == e_culture
    assert copy.copy(e_culture) is e_culture
    assert copy.deepcopy(e_culture) is e_culture
    with pytest.raises(TypeError):
        hash(e_culture)


def test_strategy_is_immutable(e_culture: Strategy) -> None:
    with pytest.raises(AttributeError):
        e_culture.id = "x"  # type: ignore[misc]
    with pytest.raises(TypeError):
        Strategy()  # type: ignore[call-arg]


def test_diagnostic_record() -> None:
    d = Diagnostic("error", "unknown_reference", "measures[0].direction", "a", "unknown `x`")
    assert (d.severity, d.code, d.path, d.id, d.message) == (
        "error",
        "unknown_reference",
        "measures[0].direction",
        "a",
        "unknown `x`",
    )
    same = Diagnostic("error", "unknown_reference", "measures[0].direction", "a", "unknown `x`")
    assert d == same and hash(d) == hash(same)
    assert d != Diagnostic("warning", "unknown_reference", "measures[0].direction", "a", "x")
    assert d != "not a diagnostic"
    assert pickle.loads(pickle.dumps(d)) == d
    assert repr(d) == (
        'Diagnostic(severity="error", code="unknown_reference", '
        'path="measures[0].direction", id="a", message="unknown `x`")'
    )
    assert str(d) == "error [unknown_reference] measure `a` at measures[0].direction: unknown `x`"
    located = Diagnostic(
        "error", "unknown_reference", "measures[0].direction", "a", "unknown `x`", "y", 7, 3
    )
    assert (located.suggestion, located.line, located.column) == ("y", 7, 3)
    assert "line=7" in repr(located) and ", line 7:" in str(located)
    assert pickle.loads(pickle.dumps(located)) == located
    with pytest.raises(ValueError):
        Diagnostic("fatal", "unknown_reference", "p", None, "m")
    with pytest.raises(ValueError):
        Diagnostic("error", "no_such_code", "p", None, "m")


def test_concurrent_use_of_one_strategy() -> None:
    # A fresh strategy: the first calls race to build the cached index with the GIL released.
    s = Strategy.e_culture()
    expected = Strategy.e_culture()
    ops = [
        lambda: s.waves(),
        lambda: s.matrix().to_dict(),
        lambda: [d.to_dict() for d in s.validate()],
        lambda: s.impact(["1.1"]),
        lambda: s.topological_order(),
    ]
    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(lambda k: (k % len(ops), ops[k % len(ops)]()), range(40)))
    want = [
        expected.waves(),
        expected.matrix().to_dict(),
        [d.to_dict() for d in expected.validate()],
        expected.impact(["1.1"]),
        expected.topological_order(),
    ]
    for k, got in results:
        assert got == want[k]


def test_dependencies_list_every_explicit_edge(e_culture: Strategy) -> None:
    edges = e_culture.dependencies()
    keys = {"from", "to", "relation", "lag_days", "derived", "module", "cluster"}
    assert all(set(e) == keys for e in edges)
    explicit = [(e["from"], e["to"]) for e in edges if not e["derived"]]
    written = [
        (dep_id(d), m["id"])
        for m in e_culture.document()["measures"]
        for d in m.get("depends_on", [])
    ]
    assert explicit == written
    for e in edges:
        assert e["relation"] in ("FS", "SS", "FF", "SF")
        assert (e["module"] is not None) == e["derived"] == (e["cluster"] is not None)
