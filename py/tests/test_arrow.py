"""Arrow for analysts: every tabular result implements the Arrow PyCapsule interface
(`__arrow_c_stream__`), so pyarrow, polars and DuckDB read it, with dates as date32 and typed
numeric columns; `to_polars()` on each."""

from __future__ import annotations

import datetime as dt
from typing import Any, Dict, List

import pytest

import eculture
from eculture import Strategy

pa = pytest.importorskip("pyarrow")


def rows(table: Any) -> List[Dict[str, Any]]:
    return table.to_pylist()  # type: ignore[no-any-return]


def plain(value: Any) -> Any:
    """A pyarrow value as the records show it (dates as ISO text)."""
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def test_schedule_is_a_typed_arrow_table_equal_to_its_records(e_culture: Strategy) -> None:
    sched = e_culture.schedule(calendar="azerbaijan_example")
    table = pa.table(sched)
    records = sched.to_records()
    assert table.num_rows == len(records) == len(e_culture.document()["measures"])
    types = {f.name: str(f.type) for f in table.schema}
    assert types["id"] == "string"
    assert types["early_start_date"] == "date32[day]"
    assert types["late_finish_date"] == "date32[day]"
    assert types["duration"] == "int64"
    assert types["total_float"] == "int64"
    assert types["critical"] == "bool"
    # The measure's title and direction come right after its id, as in to_pandas().
    assert table.column_names[:3] == ["id", "title", "direction"]
    got = rows(table)
    for r, g in zip(records, got):
        for k, v in r.items():
            assert plain(g[k]) == v, (r["id"], k)
    measures = {m["id"]: m for m in e_culture.document()["measures"]}
    assert got[0]["direction"] == measures[got[0]["id"]]["direction"]


def test_forecast_columns_are_null_where_a_record_leaves_them_out(e_culture: Strategy) -> None:
    sched = e_culture.schedule(status_date="2025-06-30")
    table = pa.table(sched)
    assert str(table.schema.field("actual_finish_date").type) == "date32[day]"
    records = sched.to_records()
    column = table.column("actual_finish_date").to_pylist()
    for r, v in zip(records, column):
        assert plain(v) == r.get("actual_finish_date")
    assert any(v is None for v in column) and any(v is not None for v in column)


def test_matrix_cells_with_their_measures_as_a_list(e_culture: Strategy) -> None:
    m = e_culture.matrix()
    table = pa.table(m)
    cells = m.to_dict()["cells"]
    assert table.num_rows == len(cells)
    assert str(table.schema.field("measures").type) == "list<item: string>"
    assert str(table.schema.field("state").type) == "string"
    got = rows(table)
    for c, g in zip(cells, got):
        assert (g["cluster"], g["module"], g["state"], g["measures"]) == (
            c["cluster"],
            c["module"],
            c["state"],
            c["measures"],
        )


def test_measures_of_the_strategy(e_culture: Strategy) -> None:
    table = pa.table(e_culture)
    ids = [m["id"] for m in e_culture.document()["measures"]]
    assert table.column("id").to_pylist() == ids
    assert str(table.schema.field("duration_days").type) in ("int64", "string")
    assert str(table.schema.field("main_executor").type) == "list<item: string>"


def test_monitoring_records_and_every_records_list(e_culture: Strategy) -> None:
    rate = e_culture.execution_rate(by="direction", as_of="2025-12-31")
    table = pa.table(rate)
    records = rate["records"]
    assert table.num_rows == len(records)
    assert rows(table) == [dict(r) for r in records] or all(
        plain(g[k]) == v for r, g in zip(records, rows(table)) for k, v in r.items()
    )
    # A Records list from any result reads the same way, typed by the core (pyarrow.table()
    # of a list reads columns, so a list is handed over by to_arrow() or from_stream()).
    assert records.to_arrow().equals(table)
    assert pa.RecordBatchReader.from_stream(records).read_all().equals(table)
    triage = e_culture.triage(as_of="2025-12-31")
    assert pa.table(triage).num_rows == len(triage["records"])
    ach = e_culture.achievement(as_of="2025-12-31")
    t = pa.table(ach)
    assert t.num_rows == len(ach["records"])
    numeric = [f for f in t.schema if str(f.type) in ("double", "int64")]
    assert numeric, "achievement's values should be numeric columns"


def test_a_records_list_of_non_dicts_is_an_argument_error() -> None:
    bad = eculture._records.Records([{"a": 1}, 5])
    with pytest.raises(eculture.ArgumentError) as info:
        bad.to_arrow()
    assert info.value.path == "rows[1]"


def test_polars_and_duckdb_read_the_same_tables(e_culture: Strategy) -> None:
    pl = pytest.importorskip("polars")
    duckdb = pytest.importorskip("duckdb")
    sched = e_culture.schedule()
    df = sched.to_polars()
    assert isinstance(df, pl.DataFrame)
    assert df.height == len(sched.to_records())
    assert df.schema["early_start_date"] == pl.Date
    assert pl.DataFrame(sched).equals(df)
    rate = e_culture.execution_rate(by="direction")
    assert rate["records"].to_polars().equals(rate.to_polars())
    assert e_culture.matrix().to_polars().height == len(e_culture.matrix().to_dict()["cells"])
    con = duckdb.connect()
    relation = con.from_arrow(sched)
    n, first, critical = con.execute(
        "SELECT count(*), min(early_start_date), count(*) FILTER (WHERE critical) FROM relation"
    ).fetchone()
    records = sched.to_records()
    assert n == len(records)
    assert first.isoformat() == min(r["early_start_date"] for r in records)
    assert critical == sum(1 for r in records if r["critical"])
