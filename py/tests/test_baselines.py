"""Named baselines (docs/scheduling.md, "Baselines"): Strategy.with_baseline(id, taken=None,
**options) and schedule(baseline=id); the core computes every date and variance, Python only
converts. The shared golden case tests/golden_schedule/pdm_small_baseline is checked by
test_golden.py as on every surface."""

from __future__ import annotations

import copy
import datetime

import pytest

from eculture import ArgumentError, Strategy


def lengthened(s: Strategy, measure: str, days: int) -> Strategy:
    doc = copy.deepcopy(s.document())
    for m in doc["measures"]:
        if m["id"] == measure:
            m["duration_days"] = days
    return Strategy.from_dict(doc)


def test_a_fresh_baseline_has_no_variance(e_culture: Strategy) -> None:
    b = e_culture.with_baseline("approved", calendar="weekdays")
    assert [x["id"] for x in b.document()["baselines"]] == ["approved"]
    assert b.document()["baselines"][0]["taken"] == "2024-01-01"
    recs = b.schedule(baseline="approved", calendar="weekdays").to_records()
    assert all(r["finish_variance_days"] == 0 and r["start_variance_days"] == 0 for r in recs)
    assert "baseline_start" not in b.schedule().to_records()[0]


def test_a_later_measure_and_its_successors_show_negative_variance(e_culture: Strategy) -> None:
    first = e_culture.document()["measures"][0]["id"]
    b = e_culture.with_baseline("v1", taken=datetime.date(2023, 10, 13))
    assert b.document()["baselines"][0]["taken"] == "2023-10-13"
    base = {r["id"]: r for r in b.schedule().to_records()}
    later = lengthened(b, first, base[first]["duration"] + 30)
    sch = later.schedule(baseline="v1")
    r = sch.record(first)
    assert r["finish_variance_days"] == -30 and r["start_variance_days"] == 0
    assert r["baseline_finish"] == base[first]["early_finish_date"]
    df = pytest.importorskip("pandas") and sch.to_pandas()
    assert str(df["baseline_finish"].dtype).startswith("datetime64")
    assert df.loc[first, "finish_variance_days"] == -30
    assert "class=\"baseline\"" in later.gantt_svg(baseline="v1")


def test_an_unknown_baseline_raises_argument_error_with_a_suggestion(e_culture: Strategy) -> None:
    b = e_culture.with_baseline("approved")
    with pytest.raises(ArgumentError, match=r"unknown baseline `aproved`; did you mean `approved`\?"):
        b.schedule(baseline="aproved")
    with pytest.raises(ArgumentError):
        e_culture.with_baseline("x", taken="not a date")
