"""MICMAC from Python (docs/micmac.md): the typed `Micmac` against the shared golden file
tests/golden_micmac/e_culture_direction.json (written by core/tests/micmac.rs, read by the node
suite too), its summary and notebook table, the influences table and its errors, the map."""

from __future__ import annotations

import json
from typing import Any

import pytest

import eculture
from eculture import ArgumentError, Micmac, Records, Strategy

from conftest import ROOT

GOLDEN = ROOT / "tests" / "golden_micmac" / "e_culture_direction.json"

# The core's message for an unknown id in `influences`; wasm/tests/micmac.test.mjs checks the
# same text.
UNKNOWN_ID = "unknown direction `PX`; did you mean `P1`?"


def plain(v: Any) -> Any:
    """Records as plain lists, for comparison with the JSON."""
    if isinstance(v, dict):
        return {k: plain(x) for k, x in v.items()}
    if isinstance(v, (list, tuple)):
        return [plain(x) for x in v]
    return v


def test_direction_level_equals_the_golden_file(e_culture: Strategy) -> None:
    m = e_culture.micmac(level="direction")
    assert isinstance(m, Micmac)
    want = json.loads(GOLDEN.read_text(encoding="utf-8"))
    assert plain(m.to_dict()) == want
    assert m == want
    assert m.level == "direction"
    assert m.from_table is False
    assert (m.power, m.stop, m.links) == (want["power"], want["stop"], want["links"])
    assert m.mean_influence == want["mean_influence"]
    assert m.mean_indirect_dependence == want["mean_indirect_dependence"]
    assert isinstance(m.records, Records)
    assert [r["id"] for r in m.records] == [r["id"] for r in want["records"]]
    assert m.records[0] == want["records"][0]
    assert m["records"] == want["records"]
    assert "records" in m and "from_table" in m.keys()


def test_repr_and_notebook_table_come_from_the_core(e_culture: Strategy) -> None:
    m = e_culture.micmac(level="direction")
    want = json.loads(GOLDEN.read_text(encoding="utf-8"))
    assert repr(m) == (
        f'Micmac(level="direction", entities={len(want["records"])}, links={want["links"]}, '
        f'power={want["power"]}, stop="{want["stop"]}")'
    )
    html = m._repr_html_()
    assert html.startswith('<div class="eculture">') and "<table" in html


def test_default_level_is_measure(e_culture: Strategy) -> None:
    m = e_culture.micmac()
    assert m.level == "measure"
    assert len(m.records) == e_culture.measure_count
    assert m == e_culture.micmac(level="measure", influences=None)


def test_influences_as_dicts_or_tuples(e_culture: Strategy) -> None:
    as_tuples = e_culture.micmac(level="direction", influences=[("P1", "P2", 3), ("P2", "P3", 1)])
    as_dicts = e_culture.micmac(
        level="direction",
        influences=[
            {"from": "P1", "to": "P2", "intensity": 3},
            {"from": "P2", "to": "P3", "intensity": 1},
        ],
    )
    assert as_tuples == as_dicts
    assert as_tuples.from_table is True
    assert as_tuples.links == 2
    p1 = next(r for r in as_tuples.records if r["id"] == "P1")
    assert (p1["influence"], p1["dependence"]) == (3, 0)


def test_an_unknown_id_in_influences_is_an_argument_error(e_culture: Strategy) -> None:
    with pytest.raises(ArgumentError) as e:
        e_culture.micmac(level="direction", influences=[("P1", "PX", 2)])
    assert str(e.value) == UNKNOWN_ID
    assert e.value.path == "influences[0].to"


def test_an_unknown_level_is_an_argument_error(e_culture: Strategy) -> None:
    with pytest.raises(ArgumentError):
        e_culture.micmac(level="cluster")


def test_to_pandas(e_culture: Strategy) -> None:
    pytest.importorskip("pandas")
    df = e_culture.micmac(level="direction").to_pandas()
    want = json.loads(GOLDEN.read_text(encoding="utf-8"))
    assert len(df) == len(want["records"])
    assert list(df.columns) == list(want["records"][0].keys())


def test_the_map_is_svg(e_culture: Strategy) -> None:
    svg = e_culture.micmac_svg(level="direction", lang="az")
    assert svg.startswith("<svg")
    assert svg == e_culture.micmac_svg(level="direction", lang="az")
    with pytest.raises(ArgumentError):
        e_culture.micmac_svg(level="direction", influences=[("P1", "PX", 2)])


def test_exported() -> None:
    assert "Micmac" in eculture.__all__
