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


STATUS_EN = {
    "executed": "executed",
    "partially_executed": "partially executed",
    "not_executed": "not executed",
    "not_due": "not due",
    "cancelled": "cancelled",
}


def _fill(book: bytes, report: dict, *, edits=None) -> bytes:
    """Fill a report workbook as an executor would: one row per entry of `report`."""
    openpyxl = pytest.importorskip("openpyxl")
    wb = openpyxl.load_workbook(io.BytesIO(book))
    ws = wb["Report"]
    rows = {ws.cell(row=r, column=1).value: r for r in range(2, ws.max_row + 1)}
    for e in report["entries"]:
        r = rows[e["measure"]]
        ws.cell(row=r, column=6, value=STATUS_EN[e["status"]])
        if "percent_complete" in e:
            ws.cell(row=r, column=7, value=e["percent_complete"])
        for c, k in ((8, "actual_start"), (9, "actual_finish")):
            if k in e:
                import datetime

                ws.cell(row=r, column=c, value=datetime.date.fromisoformat(e[k]))
        if "remaining_days" in e:
            ws.cell(row=r, column=10, value=e["remaining_days"])
        if "note" in e:
            ws.cell(row=r, column=11, value=e["note"])
        if e.get("evidence"):
            ws.cell(row=r, column=12, value="\n".join(e["evidence"]))
    ind = wb["Indicators"]
    irows = {ind.cell(row=r, column=1).value: r for r in range(2, ind.max_row + 1)}
    for v in report.get("indicators", []):
        if v["indicator"] in irows:
            ind.cell(row=irows[v["indicator"]], column=5, value=v["value"])
    for (sheet, cell), value in (edits or {}).items():
        wb[sheet][cell] = value
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def test_report_workbooks_out_and_back_in() -> None:
    openpyxl = pytest.importorskip("openpyxl")
    full = Strategy.e_culture()
    doc = full.document()
    report = next(r for r in doc["reports"] if r["by"] == "moc" and r["period"] == 2025)
    # the plan without that report: the executor fills it in again
    without = dict(doc, reports=[r for r in doc["reports"] if r is not report])
    s = Strategy.from_dict(without)
    books = s.report_workbooks("2025", lang="en")
    assert "moc" in books and all(isinstance(b, bytes) for b in books.values())
    wb = openpyxl.load_workbook(io.BytesIO(books["moc"]))
    ws = wb["Report"]
    assert [c.value for c in ws[1]] == [
        "Measure", "Title", "Role", "Planned start", "Planned finish", "Status", "Percent complete",
        "Actual start", "Actual finish", "Remaining days", "Note", "Evidence",
    ]
    assert ws.protection.sheet and wb["eculture"].sheet_state == "hidden"
    assert ws["A2"].protection.locked and not ws["F2"].protection.locked
    lists = [dv for dv in ws.data_validations.dataValidation if dv.type == "list"]
    assert lists and "partially executed" in lists[0].formula1
    assert ws["D2"].is_date
    filled = _fill(books["moc"], report)
    back = s.collect_reports([filled], submitted=report["submitted"])
    got = back.document()["reports"][-1]
    assert (got["by"], got["period"]) == ("moc", "2025")
    key = lambda e: e["measure"]
    in_book = {ws.cell(row=r, column=1).value for r in range(2, ws.max_row + 1)}
    want = sorted((e for e in report["entries"] if e["measure"] in in_book), key=key)
    assert sorted(got["entries"], key=key) == want
    assert not [d for d in back.validate() if d.code == "unreadable_cell"]
    # a second submission is a finding unless replace=True
    again = back.collect_reports([filled])
    assert any("second report" in d.message for d in again.validate())
    assert len(back.collect_reports([filled], replace=True).document()["reports"]) == len(back.document()["reports"])
    # findings by file, sheet and cell: a value outside the drop-down, a changed id, a date as text
    bad = _fill(books["moc"], report, edits={("Report", "F2"): "done-ish", ("Report", "A3"): "99.9",
                                             ("Report", "H4"): "15.03.2025", ("Report", "F4"): "executed"})
    got = s.collect_reports([bad])
    msgs = {d.cell: d for d in got.validate() if d.code == "unreadable_cell"}
    assert msgs["F2"].sheet == "Report" and "done-ish" in msgs["F2"].message and "workbook 1" in msgs["F2"].message
    assert "99.9" in msgs["A3"].message
    entry4 = [e for e in got.document()["reports"][-1]["entries"] if e.get("actual_start") == "2025-03-15"]
    assert entry4, "15.03.2025 typed as text is read"
    # a workbook of another plan version
    changed = dict(without, measures=[dict(m, title={"en": "changed"}) if m["id"] == "1.1" else m for m in without["measures"]])
    other = Strategy.from_dict(changed).collect_reports([filled])
    assert any("another version" in d.message for d in other.validate())


def test_a_formula_without_a_cached_value_is_a_finding() -> None:
    openpyxl = pytest.importorskip("openpyxl")
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Plan"
    ws.append(["Action plan 2025-2026"])
    ws.append(["No.", "Measure", "Main executor", "Execution period"])
    ws.append(["1.1", "Portal", "Ministry of Culture", "2025"])
    ws.append(["1.2", "=B3&\" 2\"", "Ministry of Culture", "2026"])  # openpyxl caches no value
    out = io.BytesIO()
    wb.save(out)
    s = Strategy.from_xlsx(out.getvalue())
    found = [d for d in s.validate() if d.code == "unreadable_cell"]
    assert [(d.sheet, d.cell) for d in found] == [("Plan", "B4")], found
    assert "no cached value" in found[0].message
    assert [m["id"] for m in s.document()["measures"]] == ["1.1", "1.2"]


def test_a_located_diagnostic_pickles_and_hashes_with_its_sheet_and_cell() -> None:
    import pickle

    from eculture import Diagnostic

    d = Diagnostic("error", "unreadable_cell", "measures[3].deadline", "1.4", "bad period",
                   sheet="Plan", cell="E17")
    again = pickle.loads(pickle.dumps(d))
    assert (again.sheet, again.cell) == ("Plan", "E17")
    assert again == d and hash(again) == hash(d)
    other = Diagnostic("error", "unreadable_cell", "measures[3].deadline", "1.4", "bad period",
                       sheet="Plan", cell="E18")
    assert other != d and hash(other) != hash(d)
