"""Action plans from and to spreadsheets (docs/spreadsheets.md): the same core as Rust and
JavaScript, so the round trip is lossless, a ministry's plan reads field by field, cells that
cannot be read are diagnostics with `sheet` and `cell`, and every workbook stores numbers,
shares and dates typed."""

import io
from pathlib import Path

import pytest

import eculture
from eculture import Strategy

CSV = (
    "Fəaliyyət Planı 2025-2026-cı illər üçün\n"
    "S/s,Tədbirin adı,Əsas icraçı,Digər icraçılar,İcra müddəti,Maliyyə mənbəyi\n"
    "1. Rəqəmsal irs\n"
    "1.1.,Portal,Mədəniyyət Nazirliyi,İKT Mərkəzi,2025-ci ilin II rübü,Dövlət büdcəsi və qrantlar\n"
    "1.2.,Arxiv,Medeniyyet Nazirliyi,,2026-cı ilin V rübü,Maliyyə tələb olunmur\n"
)


def test_the_default_round_trips_through_xlsx(tmp_path: Path) -> None:
    s = Strategy.e_culture()
    data = s.to_xlsx()
    assert isinstance(data, bytes) and data[:2] == b"PK"
    back = Strategy.from_xlsx(data)
    assert back.document() == s.document()
    path = tmp_path / "plan.xlsx"
    assert s.to_xlsx(path) is None
    assert Strategy.load(path).document() == s.document()
    assert Strategy.from_xlsx(path).document() == s.document()
    assert Strategy.from_xlsx(str(path), sheet="Tədbirlər planı").document() == s.document()


def test_a_csv_plan_with_findings_on_cells(tmp_path: Path) -> None:
    s = Strategy.from_csv(CSV)
    doc = s.document()
    assert [m["id"] for m in doc["measures"]] == ["1.1", "1.2"]
    m = doc["measures"][0]
    assert (m["start"], m["deadline"], m["funding"]) == ("2025-Q2", "2025-Q2", ["state_budget", "external_grant"])
    assert doc["strategy"]["period"] == {"start": "2025", "end": "2026"}
    found = {d.code: d for d in s.validate() if d.cell}
    bad = found["unreadable_cell"]
    assert (bad.sheet, bad.cell) == ("csv", "E5") and "E5" in str(bad)
    near = found["unknown_reference"]
    assert near.cell == "C5" and near.suggestion == doc["measures"][0]["main_executor"]
    assert near.to_dict()["cell"] == "C5"
    # the same from bytes and from a file
    assert Strategy.from_csv(CSV.encode()).document() == doc
    (tmp_path / "plan.csv").write_text(CSV, encoding="utf-8")
    assert Strategy.load(tmp_path / "plan.csv").document() == doc


def test_a_mapping_names_other_headings() -> None:
    text = "Code,Action,Lead,When\nA-1,Portal,MoC,2025\n"
    s = Strategy.from_csv(text, mapping={"Code": "id", "Lead": "main_executor", "When": "period"})
    assert s.document()["measures"][0]["id"] == "A-1"
    assert s.document()["measures"][0]["deadline"] == "2025"
    with pytest.raises(eculture.ArgumentError, match="is not a field"):
        Strategy.from_csv(text, mapping={"Code": "no such field!"})
    with pytest.raises(eculture.ParseError):
        Strategy.from_xlsx(b"not a workbook")


def test_every_workbook_is_typed() -> None:
    openpyxl = pytest.importorskip("openpyxl")
    s = Strategy.e_culture()
    report = s.monitoring_report(year=2025).to_xlsx()
    wb = openpyxl.load_workbook(io.BytesIO(report))
    ws = wb["Execution by direction"]
    head = [c.value for c in ws[1]]
    rate = head.index("rate") + 1
    cell = ws.cell(row=2, column=rate)
    assert isinstance(cell.value, float) and cell.number_format == "0.0%"
    assert ws.freeze_panes == "A2" and ws.auto_filter.ref
    assert all(c.font.b for c in ws[1])
    plan = openpyxl.load_workbook(io.BytesIO(s.to_xlsx()))
    ws = plan["Tədbirlər planı"]
    assert ws.freeze_panes and ws.auto_filter.ref
    widths = [d.width for d in ws.column_dimensions.values() if d.width]
    assert widths and max(widths) <= 62
    reports = plan["reports"]
    head = [c.value for c in reports[1]]
    submitted = reports.cell(row=2, column=head.index("submitted") + 1)
    assert submitted.is_date and submitted.number_format == "yyyy-mm-dd"
