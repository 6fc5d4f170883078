"""The current-state assessment (docs/assessment.md): matrix cells' level, target_level,
institutions and institutions_reached (the latest as_of), the institution-weighted coverage,
heatmap_svg(color_by="level" | "gap_to_target" | "institutions") and the located errors of
the assessments table. The plan is tests/golden_svg/assessed_plan.json, read by the Rust and
node suites too; the core computes every figure, Python only converts."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any, Dict

import pytest

from eculture import Strategy

PLAN = Path(__file__).resolve().parents[2] / "tests" / "golden_svg" / "assessed_plan.json"


def plan() -> Dict[str, Any]:
    return json.loads(PLAN.read_text(encoding="utf-8"))


def with_extra(extra: Dict[str, Any]) -> Strategy:
    doc = copy.deepcopy(plan())
    doc["assessments"].append(extra)
    return Strategy.from_dict(doc)


def test_cells_carry_the_latest_assessment() -> None:
    m = Strategy.from_dict(plan()).matrix()
    c = m.cell("lib", "cat")
    assert (c.level, c.target_level, c.institutions, c.institutions_reached) == (2, 4, 100, 60)
    assert c.as_of == "2024-06-30"
    assert c.gap_to_target == 2
    assert c.to_dict()["level"] == 2
    thr = m.cell("thr", "reg")
    assert (thr.level, thr.institutions, thr.gap_to_target) == (None, None, None)
    assert "level" not in thr.to_dict()


def test_coverage_weighted_by_institutions() -> None:
    cov = Strategy.from_dict(plan()).matrix().coverage()
    overall = cov["overall"]
    assert (overall["covered"], overall["applicable"]) == (4, 7)
    assert (overall["weighted_covered"], overall["weighted_applicable"]) == (220, 260)
    assert overall["weighted_share"] == pytest.approx(220 / 260)
    thr = next(c for c in cov["clusters"] if c["id"] == "thr")
    assert thr["weighted_share"] is None


def test_to_pandas_has_the_assessment_columns() -> None:
    pytest.importorskip("pandas")
    df = Strategy.from_dict(plan()).matrix().to_pandas()
    row = df[(df.cluster == "lib") & (df.module == "cat")].iloc[0]
    assert (row.level, row.target_level, row.institutions, row.institutions_reached) == (
        2,
        4,
        100,
        60,
    )
    assert row.as_of == "2024-06-30"


@pytest.mark.parametrize(
    ("extra", "code", "path"),
    [
        ({"level": 6}, "level_out_of_range", "assessments[4].level"),
        ({"level": 1, "target_level": -1}, "level_out_of_range", "assessments[4].target_level"),
        (
            {"cluster": "mus", "level": 1, "institutions_reached": 21},
            "reached_exceeds_institutions",
            "assessments[4].institutions_reached",
        ),
        (
            {"cluster": "lib", "module": "tix", "level": 1},
            "assessment_not_applicable",
            "assessments[4].module",
        ),
        ({"module": "rge", "level": 1}, "unknown_reference", "assessments[4].module"),
    ],
)
def test_bad_assessments_are_located_errors(extra: Dict[str, Any], code: str, path: str) -> None:
    entry = {"cluster": "thr", "module": "reg", "as_of": "2024", **extra}
    s = with_extra(entry)
    found = [d for d in s.validate() if d.path.startswith("assessments") and d.severity == "error"]
    assert [(d.code, d.path) for d in found] == [(code, path)]
    # left out: the matrix still answers with the valid assessments
    assert s.matrix().cell("lib", "cat").level == 2
    if code == "unknown_reference":
        assert found[0].suggestion == "reg"


def test_a_target_below_the_level_is_a_warning() -> None:
    ws = [d for d in Strategy.from_dict(plan()).validate() if d.path.startswith("assessments")]
    assert [(d.severity, d.code, d.path) for d in ws] == [
        ("warning", "target_below_level", "assessments[3].target_level")
    ]


def test_heatmap_colour_by_assessment() -> None:
    s = Strategy.from_dict(plan())
    pics = {by: s.heatmap_svg(color_by=by) for by in ["state", "level", "gap_to_target", "institutions"]}
    assert len(set(pics.values())) == 4
    assert 'data-cell="lib|cat" data-state="covered" data-level="2"' in pics["level"]
    assert ">2→4<" in pics["level"]
    assert "levels to the target" in pics["gap_to_target"]
    assert ">60%<" in pics["institutions"]
    with pytest.raises(Exception, match="maturity"):
        s.heatmap_svg(color_by="maturity")


def test_schedule_csv_names_beside_ids() -> None:
    """Issue 20, point 1: with a language, the schedule CSV names measures, directions and main
    executors beside their ids (the id columns first and unchanged)."""
    import csv
    import io

    s = Strategy.from_dict(plan())
    plain = list(csv.DictReader(io.StringIO(s.schedule().to_csv())))
    rows = list(csv.DictReader(io.StringIO(s.schedule().to_csv(lang="az"))))
    assert "title" not in plain[0]
    m1 = next(r for r in rows if r["id"] == "m1")
    assert (m1["title"], m1["direction"], m1["direction_title"]) == (
        "Library catalogue",
        "D1",
        "Reyestrlər",
    )
    assert (m1["main_executor"], m1["main_executor_name"]) == ("a", "A")
    assert list(rows[0])[:2] == ["id", "duration"]


def test_matrix_csv_names_clusters_and_modules() -> None:
    """Issue 20, point 1: cluster and module titles after the id columns, in a language."""
    m = Strategy.from_dict(plan()).matrix()
    assert "\nlib,cat,covered,m1,,100,2,4,60,2024-06-30,Library,Catalogue\n" in m.to_csv()
    assert "\nlib,reg,covered,m3,,100,,,,,Kitabxana,Reyestr\n" in m.to_csv(lang="az")
    with pytest.raises(Exception, match="not a language"):
        m.to_csv(lang="fr")
