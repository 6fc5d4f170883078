"""Monitoring and evaluation from Python: the cross-surface golden files of
tests/golden_monitoring (the same the Rust and node suites read), tables as Records with
to_pandas(), the XLSX of the annual report, and the options' errors."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any, Dict, List

import pytest

import eculture
from eculture import ArgumentError, Records, Strategy

from conftest import ROOT

GOLDEN = ROOT / "tests" / "golden_monitoring"
CASES: List[Path] = sorted(p for p in GOLDEN.iterdir() if p.is_dir())


def plain(v: Any) -> Any:
    """Records and tuples as plain lists, floats rounded, for comparison with the JSON."""
    if isinstance(v, float):
        return round(v, 9)
    if hasattr(v, "to_dict"):  # the typed results (ExecutionRate, Achievement, ...)
        return plain(v.to_dict())
    if isinstance(v, dict):
        return {k: plain(x) for k, x in v.items()}
    if isinstance(v, (list, tuple)):
        return [plain(x) for x in v]
    return v


def report(s: Strategy) -> Dict[str, Any]:
    rates = {
        by: s.execution_rate(as_of="2025-12-31", by=by)
        for by in ["overall", "direction", "main_executor", "cluster", "module", "deadline_year"]
    }
    forecast = s.schedule(status_date="2025-03-01")
    mr = s.monitoring_report(year=2025)
    return {
        "states_as_of_2025_12_31": s.states_as_of("2025-12-31"),
        "execution_rate": rates,
        "execution_rate_no_data_zero": s.execution_rate(as_of="2025-12-31", no_data="zero"),
        "results_rating_by_direction": s.results_rating(as_of="2025-12-31", by="direction"),
        "achievement": s.achievement(as_of="2025-12-31"),
        "reporting_calendar": s.reporting_calendar(as_of="2026-02-01"),
        "forecast_2025_03_01": {
            "finish": forecast.finish_date,
            "records": forecast.to_records(),
            "infeasible_deadlines": forecast.infeasible_deadlines,
        },
        "triage": s.triage(as_of="2026-02-01"),
        "monitoring_report_2025": {
            "sections": [sec["title"] for sec in mr["sections"]],
            "tables": [
                {"name": t["name"], "rows": len(t["rows"])}
                for sec in mr["sections"]
                for t in sec["tables"]
            ],
            "notice": mr.notice,
            "marked": [
                {"name": t["name"], "marked": marked(t)}
                for sec in mr["sections"]
                for t in sec["tables"]
            ],
        },
        "provenance": s.provenance(),
    }


def marked(t: Dict[str, Any]) -> int:
    """The rows a table's `illustrative` column marks (0 without the column)."""
    if "illustrative" not in t["headers"]:
        return 0
    c = t["headers"].index("illustrative")
    return sum(1 for row in t["rows"] if row[c] == "†")


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_golden(case: Path) -> None:
    want = json.loads((case / "expected.json").read_text(encoding="utf-8"))
    got = report(Strategy.load(case / "input.json"))
    for key in want:
        assert plain(got[key]) == plain(want[key]), key


def test_tables_are_records_with_to_pandas(e_culture: Strategy) -> None:
    pd = pytest.importorskip("pandas")
    r = e_culture.execution_rate(by="direction")
    assert isinstance(r["records"], Records)
    df = r["records"].to_pandas()
    assert isinstance(df, pd.DataFrame) and len(df) == len(r["records"])
    assert list(df.columns[:4]) == ["group", "numerator", "denominator", "rate"]
    assert isinstance(e_culture.reporting_calendar(), Records)


def test_annual_report_in_three_formats(e_culture: Strategy) -> None:
    r = e_culture.monitoring_report(year=2025)
    assert r["markdown"].startswith("# ") and "<html" in r["html"]
    assert r["xlsx"][:2] == b"PK"  # a zip: the workbook
    pd = pytest.importorskip("pandas")
    pytest.importorskip("openpyxl")
    sheets = pd.read_excel(io.BytesIO(r["xlsx"]), sheet_name=None, header=None)
    assert "Summary" in sheets and len(sheets) >= 2


def test_options_are_checked_by_the_core(e_culture: Strategy) -> None:
    with pytest.raises(ArgumentError, match="did you mean `by`") as e:
        e_culture.execution_rate(bx="direction")
    assert e.value.path == "options.bx"
    with pytest.raises(ArgumentError):
        e_culture.execution_rate(by="planet")
    with pytest.raises(ArgumentError, match="not an ISO date"):
        e_culture.states_as_of("31.12.2025")
    import datetime

    assert e_culture.states_as_of(datetime.date(2025, 12, 31)) == e_culture.states_as_of("2025-12-31")


def test_pictures_from_python(e_culture: Strategy) -> None:
    svg = e_culture.heatmap_svg(lang="az", color_by="quarter")
    assert svg.startswith("<svg") and "</svg>" in svg
    assert e_culture.gantt_svg(status_date="2025-12-31").startswith("<svg")
    assert e_culture.to_dot().startswith("digraph")
    html = e_culture.report_html()
    assert "<html" in html and html == e_culture._repr_html_()
    gaps = e_culture.gaps()
    assert all(g["reasons"] for g in gaps)
    with pytest.raises(ArgumentError, match="unknown option `colour_by`"):
        e_culture.heatmap_svg(colour_by="state")


def test_results_are_typed_objects(e_culture: Strategy, tmp_path: Path) -> None:
    r = e_culture.execution_rate(as_of="2025-12-31", by="direction")
    assert isinstance(r, eculture.ExecutionRate)
    assert r.by == "direction" and r.as_of == "2025-12-31"
    assert isinstance(r.records, Records) and r.records == r["records"]
    assert repr(r).startswith('ExecutionRate(as_of=2025-12-31, by="direction", groups=')
    html = r._repr_html_()
    assert "<table>" in html and "<th>group</th>" in html
    assert r == r.to_dict() and "records" in r and "records" in r.keys()
    with pytest.raises(KeyError):
        r["nope"]
    a = e_culture.achievement(as_of="2025-12-31")
    assert isinstance(a, eculture.Achievement) and a.records and a.indicators
    assert repr(a).startswith("Achievement(as_of=2025-12-31, indicators=")
    t = e_culture.triage(as_of="2026-02-01")
    assert isinstance(t, eculture.Triage) and repr(t).startswith("Triage(as_of=2026-02-01")
    rr = e_culture.results_rating(as_of="2025-12-31", by="direction")
    assert isinstance(rr, eculture.ResultsRating) and rr.records

    mr = e_culture.monitoring_report(year=2025)
    assert isinstance(mr, eculture.MonitoringReport) and mr.year == 2025
    assert repr(mr).startswith("MonitoringReport(year=2025, as_of=")
    assert mr.to_markdown() == mr["markdown"] and mr.to_html() == mr._repr_html_()
    out = tmp_path / "report.xlsx"
    assert mr.to_xlsx(out) is None and out.read_bytes() == mr.to_xlsx()
    assert [s["title"] for s in mr.sections] == [s["title"] for s in mr["sections"]]

    pytest.importorskip("pandas")
    assert list(r.to_pandas().columns[:2]) == ["group", "numerator"]
    frames = mr.to_pandas()
    assert frames and all(len(df.columns) for df in frames.values())


def test_validate_is_lazy_and_shows_a_table() -> None:
    s = Strategy.from_json(Strategy.e_culture().to_json().replace('"moc"', '"m<script>"', 1))
    d = s.validate()
    assert isinstance(d, eculture.Diagnostics) and len(d) > 0
    assert d[0] == d.to_list()[0] and d[-1] == list(d)[-1] and d[:2] == d.to_list()[:2]
    assert d == d.to_list() and d != []
    import pickle

    assert pickle.loads(pickle.dumps(d)) == d.to_list()
    assert "&lt;script&gt;" in d._repr_html_() and "<script>" not in d._repr_html_()


def test_page_facts_come_from_the_core(e_culture: Strategy) -> None:
    assert eculture.near_critical_days() == 5
    assert eculture.percent_text(0.925) == "92.5%" and eculture.percent_text(None) == "n/a"
    rate = e_culture.execution_rate()
    assert f"rate={eculture.percent_text(rate['records'][0]['rate'])}," in repr(rate)
    assert eculture.format_of("plan.YML") == "yaml"
    with pytest.raises(eculture.EcultureIOError, match="unknown extension"):
        eculture.format_of("plan.txt")
    assert eculture.gap_reason_text({"reason": "no_measure"}) == "no measure targets it"
    d = eculture.Diagnostic("error", "unknown_reference", "strategy.goals[0].directions[0]", "D9", "x")
    assert eculture.diagnostic_entity(d) == "goal"
