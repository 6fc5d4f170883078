"""Plan diff (docs/diff.md): Strategy.diff(other, **options) -> PlanDiff, a typed result like
the monitoring results; the core decides every record, Python only converts."""

from __future__ import annotations

import copy

import pytest

import eculture
from eculture import ArgumentError, Records, Strategy


def amended(s: Strategy) -> Strategy:
    doc = copy.deepcopy(s.document())
    for m in doc["measures"]:
        if m["id"] == "7.7":
            m["deadline"] = "2026-Q2"
    doc["measures"] = [m for m in doc["measures"] if m["id"] != "6.4"]
    doc["measures"].reverse()  # reordering is no change
    return Strategy.from_dict(doc)


def test_a_plan_against_itself_and_a_reordered_copy(e_culture: Strategy) -> None:
    d = e_culture.diff(e_culture)
    assert isinstance(d, eculture.PlanDiff)
    assert d.is_empty() and not d and len(d) == 0
    assert d.matrix_changes == [] and d.schedule["finish_shift_days"] == 0
    assert "no differences" in d.to_markdown()


def test_an_amended_plan(e_culture: Strategy) -> None:
    d = e_culture.diff(amended(e_culture), lang="az")
    assert not d.is_empty() and len(d) == len(d.records)
    assert isinstance(d.records, Records)
    rows = [(r["kind"], r["entity"], r["id"], r["field"]) for r in d.records]
    assert rows == [
        ("changed", "measure", "7.7", "deadline"),
        ("removed", "measure", "6.4", None),
        ("removed", "dependency", "6.4->3.4", None),
        ("removed", "dependency", "6.4->7.3", None),
    ]
    assert d.records[0]["old"] == "2026" and d.records[0]["new"] == "2026-Q2"
    assert [(c["cluster"], c["module"], c["old_state"], c["new_state"]) for c in d.matrix_changes] == [
        ("museum", "museum_catalogue", "covered", "gap")
    ]
    assert d.schedule["deadlines_newly_missed"][0]["id"] == "7.7"
    assert d.matrix_blocked_by == [] and d.schedule_blocked_by == []
    assert repr(d).startswith('PlanDiff(old="az-moc-e-culture-2024-2026", new="az-moc-e-culture-2024-2026", added=0, removed=3, changed=1')
    html = d._repr_html_()
    assert html == d.to_html() and html.startswith('<div class="eculture-diff">') and "<svg" in html
    assert d.to_svg().startswith("<svg") and d.to_markdown().startswith("# Plan diff")
    assert d == d.to_dict() and d["records"] == d.records and "directions" in d.keys()


def test_options_and_errors(e_culture: Strategy) -> None:
    d = e_culture.diff(e_culture, calendar="weekdays", lang="en")
    assert d.is_empty()
    with pytest.raises(ArgumentError, match="unknown option `lnag`; did you mean `lang`"):
        e_culture.diff(e_culture, lnag="az")
    with pytest.raises(TypeError):
        e_culture.diff(e_culture.document())  # type: ignore[arg-type]


def test_records_to_pandas(e_culture: Strategy) -> None:
    pytest.importorskip("pandas")
    df = amended(e_culture).diff(e_culture).to_pandas()
    assert list(df.columns[:3]) == ["kind", "entity", "id"] and len(df) == 4
