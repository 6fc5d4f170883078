"""The scheduling surface: Strategy.schedule / what_if / rollout / redundant_dependencies / dsm /
risk and the Schedule class.

1. Cross-surface golden files (tests/golden_schedule/, also checked by core/tests/golden_schedule.rs
   and wasm/tests/golden_schedule.test.mjs): the same values, floats exact.
2. The Schedule API on a small plan, exports and errors.
3. A networkx cross-check on the generated 1k and 10k benchmark plans (bench/gen_strategy.py).
"""

from __future__ import annotations

import csv
import datetime
import importlib.util
import io
import json
import subprocess
import sys
from pathlib import Path
from typing import Any, Callable, Dict, List

import pytest

import eculture

ROOT = Path(__file__).resolve().parents[2]
GOLDEN = ROOT / "tests" / "golden_schedule"
BENCH = ROOT / "bench"

# ---------------------------------------------------------------------- 1. golden files


def _value(op: Callable[[], Any]) -> Any:
    try:
        return op()
    except eculture.EcultureError as e:
        return {"error": e.code}


def _compute(case: Path) -> Dict[str, Any]:
    options = json.loads((case / "options.json").read_text(encoding="utf-8"))
    if options.get("embedded"):
        s = eculture.Strategy.e_culture()
    else:
        s = eculture.Strategy.load(case / "input.json")
    opts = options["schedule"]
    risk = options["risk"]
    return {
        "report": _value(lambda: s.schedule(**opts).report()),
        "csv": _value(lambda: s.schedule(**opts).to_csv()),
        "what_if": _value(lambda: s.what_if(options["what_if"], **opts)),
        "rollout": _value(lambda: s.rollout(**opts)),
        "redundant": _value(s.redundant_dependencies),
        "dsm": _value(s.dsm),
        "risk": _value(lambda: s.risk(runs=risk["runs"], seed=risk["seed"], **opts)),
    }


GOLDEN_CASES = sorted(p for p in GOLDEN.iterdir() if p.is_dir())


def test_golden_cases_exist() -> None:
    assert len(GOLDEN_CASES) >= 4


@pytest.mark.parametrize("case", GOLDEN_CASES, ids=lambda p: p.name)
def test_golden_schedule(case: Path) -> None:
    expected = json.loads((case / "expected.json").read_text(encoding="utf-8"))
    got = _compute(case)
    assert set(got) == set(expected)
    for key in expected:
        assert got[key] == expected[key], f"{case.name}: {key}"


def test_golden_report_equals_json_export() -> None:
    s = eculture.Strategy.load(GOLDEN / "pdm_small" / "input.json")
    sch = s.schedule()
    assert json.loads(sch.to_json()) == sch.report()


# ---------------------------------------------------------------------- 2. the API


def _plan(make_doc: Callable[..., Dict[str, Any]]) -> eculture.Strategy:
    """a (10 d) -> b (5 d) -> c (2 d), and d (3 d) after a: the critical path is a, b, c."""
    doc = make_doc()
    doc["strategy"]["period"] = {"start": "2024-01-01", "end": "2024-12-31"}
    for m, d in zip(doc["measures"], (10, 5, 2)):
        m["duration_days"] = d
    doc["measures"].append(
        {"id": "d", "direction": "P1", "title": {"en": "D"}, "main_executor": "moc",
         "duration_days": 3, "depends_on": ["a"]}
    )
    return eculture.Strategy.from_dict(doc)


RECORD_KEYS = {
    "id", "duration", "early_start", "early_finish", "late_start", "late_finish",
    "total_float", "free_float", "critical",
    "early_start_date", "early_finish_date", "late_start_date", "late_finish_date",
}


def test_to_records(make_doc: Callable[..., Dict[str, Any]]) -> None:
    sch = _plan(make_doc).schedule()
    recs = sch.to_records()
    assert [r["id"] for r in recs] == ["a", "b", "c", "d"]
    assert all(set(r) == RECORD_KEYS for r in recs)
    a, b, c, d = recs
    assert (a["early_start"], a["early_finish"], a["late_start"], a["late_finish"]) == (0, 10, 0, 10)
    assert (b["early_start"], b["early_finish"]) == (10, 15)
    assert (c["early_start"], c["early_finish"], c["total_float"], c["critical"]) == (15, 17, 0, True)
    assert (d["early_start"], d["early_finish"], d["late_start"], d["late_finish"]) == (10, 13, 14, 17)
    assert (d["total_float"], d["free_float"], d["critical"]) == (4, 4, False)
    assert a["early_start_date"] == "2024-01-01" and a["early_finish_date"] == "2024-01-10"
    assert c["early_finish_date"] == "2024-01-17"
    assert sch.duration_days == 17
    assert sch.project_start == "2024-01-01"
    assert sch.finish_date == "2024-01-17"
    assert len(sch) == 4
    assert sch.critical_paths == [["a", "b", "c"]]
    assert not sch.critical_paths_truncated
    assert sch.critical_ids == ["a", "b", "c"]
    assert sch.near_critical == ["d"]
    assert sch.infeasible_deadlines == []
    assert "duration_days=17" in repr(sch)


def test_options(make_doc: Callable[..., Dict[str, Any]]) -> None:
    s = _plan(make_doc)
    assert s.schedule(start="2024-03-01").project_start == "2024-03-01"
    assert s.schedule(start=datetime.date(2024, 3, 1)).project_start == "2024-03-01"
    # 2024-01-01 is a Monday: 17 working days end on Tuesday 2024-01-23
    assert s.schedule(calendar="weekdays").finish_date == "2024-01-23"
    cal = {"weekend": ["saturday", "sunday"], "holidays": ["2024-01-02"]}
    assert s.schedule(calendar=cal).finish_date == "2024-01-24"
    assert s.schedule(near_critical_days=0).near_critical == []
    assert s.schedule(critical_float_days=4).critical_ids == ["a", "b", "c", "d"]
    late = s.schedule(must_finish_by="2024-01-20").to_records()
    assert late[0]["total_float"] == 3
    assert s.schedule(max_critical_paths=1).critical_paths == [["a", "b", "c"]]


def test_columns(make_doc: Callable[..., Dict[str, Any]]) -> None:
    np = pytest.importorskip("numpy")
    sch = _plan(make_doc).schedule()
    cols = sch.columns()
    ints = ["duration", "early_start", "early_finish", "late_start", "late_finish",
            "total_float", "free_float"]
    assert set(cols) == set(ints) | {"critical"}
    for k in ints:
        assert cols[k].dtype == np.int32, k
        assert cols[k].tolist() == [r[k] for r in sch.to_records()], k
    assert cols["critical"].dtype == np.bool_
    assert cols["critical"].tolist() == [True, True, True, False]


def test_to_pandas(make_doc: Callable[..., Dict[str, Any]]) -> None:
    pd = pytest.importorskip("pandas")
    df = _plan(make_doc).schedule().to_pandas()
    assert isinstance(df, pd.DataFrame)
    assert list(df.index) == ["a", "b", "c", "d"]
    assert df.loc["d", "total_float"] == 4
    assert set(df.columns) == (RECORD_KEYS - {"id"}) | {"title", "direction"}


def test_exports(make_doc: Callable[..., Dict[str, Any]]) -> None:
    sch = _plan(make_doc).schedule()
    data = json.loads(sch.to_json())
    assert data == sch.report()
    assert data["duration_days"] == 17
    rows = list(csv.DictReader(io.StringIO(sch.to_csv())))
    assert [r["id"] for r in rows] == ["a", "b", "c", "d"]
    assert [int(r["total_float"]) for r in rows] == [0, 0, 0, 4]
    mermaid = sch.to_mermaid()
    assert mermaid.startswith("gantt")
    for x in "abcd":
        assert x in mermaid
    assert "crit" in mermaid


def test_what_if_rollout_risk(make_doc: Callable[..., Dict[str, Any]]) -> None:
    s = _plan(make_doc)
    a = s.what_if([{"id": "d", "days": 6}])
    b = s.what_if([("d", 6)])
    assert a == b
    c = s.what_if([{"id": "a", "days": 2, "kind": "start"}])
    assert c != a
    assert json.dumps(a)  # plain data
    assert isinstance(s.rollout(), dict)
    r1 = s.risk(runs=50, seed=3)
    assert r1 == s.risk(runs=50, seed=3)
    assert isinstance(s.dsm(), dict)
    assert s.redundant_dependencies() == []


def test_redundant_dependencies(make_doc: Callable[..., Dict[str, Any]]) -> None:
    doc = make_doc()
    doc["measures"][2]["depends_on"] = ["a", "b"]  # a -> c is implied by a -> b -> c
    red = eculture.Strategy.from_dict(doc).redundant_dependencies()
    assert len(red) == 1
    assert (red[0]["prerequisite"], red[0]["measure"], red[0]["via"]) == ("a", "c", "b")


def test_errors(make_doc: Callable[..., Dict[str, Any]]) -> None:
    s = _plan(make_doc)
    doc = make_doc()
    doc["measures"][0]["depends_on"] = ["c"]
    cyclic = eculture.Strategy.from_dict(doc)
    with pytest.raises(eculture.CycleError):
        cyclic.schedule()
    assert cyclic.dsm()["blocks"]  # the DSM view works on cycles
    with pytest.raises(eculture.ArgumentError):
        s.what_if([{"id": "nope", "days": 1}])
    with pytest.raises(eculture.ArgumentError) as e:
        s.what_if([{"id": "a", "days": 1, "kind": "sideways"}])
    assert e.value.path == "changes[0].kind"
    with pytest.raises(eculture.ArgumentError):
        s.what_if([("a",)])
    with pytest.raises(eculture.ArgumentError):
        s.what_if("a")
    seven = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
    with pytest.raises(eculture.ScheduleError) as se:
        s.schedule(calendar={"weekend": seven})
    assert se.value.kind == "no_working_days"
    with pytest.raises(eculture.ArgumentError) as ae:
        s.schedule(start="2024-13-01")
    assert ae.value.path == "options.start"
    with pytest.raises(eculture.ArgumentError):
        s.schedule(must_finish_by=42)
    with pytest.raises(eculture.ArgumentError):
        s.schedule(calendar="mars")
    with pytest.raises(eculture.ArgumentError):
        s.schedule(calendar={"weekend": ["caturday"]})
    with pytest.raises(eculture.ArgumentError, match="unknown option `bogus`"):
        s.schedule(bogus=1)  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        s.schedule(None, None, 0)  # type: ignore[misc]  # options are keyword-only
    with pytest.raises(eculture.EcultureError):
        s.risk(runs=0)


def test_e_culture_schedule(e_culture: eculture.Strategy) -> None:
    sch = e_culture.schedule()
    assert len(sch) == e_culture.measure_count
    assert sch.duration_days > 0
    assert sch.critical_paths
    recs = sch.to_records()
    # deadlines can make float negative; the identities hold regardless
    assert all(r["late_start"] - r["early_start"] == r["total_float"] for r in recs)
    assert all(r["free_float"] <= max(r["total_float"], 0) for r in recs)
    assert sum(1 for r in recs if r["critical"]) == len(sch.critical_ids)


# ---------------------------------------------------------------------- 3. networkx cross-check

NX_SIZES = {1_000: 3_372, 10_000: 34_947}


def _load_module(name: str, path: Path) -> Any:
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


@pytest.fixture(scope="module")
def bench_plans(tmp_path_factory: pytest.TempPathFactory) -> Dict[int, Path]:
    assert (BENCH / "gen_strategy.py").exists(), "bench/gen_strategy.py is in the repository"
    mapper = _load_module("plan_to_eculture", ROOT / "bench" / "plan_to_eculture.py")
    out = tmp_path_factory.mktemp("plans")
    plans = {}
    for n in NX_SIZES:
        neutral = out / f"plan_{n}.json"
        subprocess.run(
            [sys.executable, str(BENCH / "gen_strategy.py"), "--measures", str(n),
             "--seed", "1", "--out", str(neutral)],
            check=True, stdout=subprocess.DEVNULL,
        )
        dst = out / f"plan_{n}.nostart.eculture.json"
        mapper.convert(str(neutral), str(dst), no_start=True)
        plans[n] = dst
    return plans


def _nx_cpm(nx: Any, doc: Dict[str, Any]) -> Any:
    """The peer's cpm() (../shared/bench/peer_networkx.py) on a DiGraph built from the document."""
    G = nx.DiGraph()
    for m in doc["measures"]:
        G.add_node(m["id"], duration=m["duration_days"])
    for m in doc["measures"]:
        for dep in m.get("depends_on", []):
            G.add_edge(dep if isinstance(dep, str) else dep["id"], m["id"])
    order = list(nx.topological_sort(G))
    dur = nx.get_node_attributes(G, "duration")
    ES: Dict[str, int] = {}
    for n in order:
        ES[n] = max((ES[p] + dur[p] for p in G.predecessors(n)), default=0)
    project = max(ES[n] + dur[n] for n in order)
    LS: Dict[str, int] = {}
    for n in reversed(order):
        LS[n] = min((LS[s] for s in G.successors(n)), default=project) - dur[n]
    TF = {n: LS[n] - ES[n] for n in order}
    return project, ES, TF


@pytest.mark.parametrize("n", sorted(NX_SIZES))
def test_networkx_cpm(n: int, bench_plans: Dict[int, Path]) -> None:
    nx = pytest.importorskip("networkx")
    path = bench_plans[n]
    doc = json.loads(path.read_text(encoding="utf-8"))
    assert all("start" not in m for m in doc["measures"])  # the --no-start mapping
    project, ES, TF = _nx_cpm(nx, doc)
    s = eculture.Strategy.load(path)
    sch = s.schedule()
    cols = sch.columns()
    ids: List[str] = s.measure_ids.to_list()
    assert project == NX_SIZES[n]
    assert sch.duration_days == project
    assert cols["early_start"].tolist() == [ES[x] for x in ids]
    assert cols["total_float"].tolist() == [TF[x] for x in ids]
    assert int((cols["total_float"] == 0).sum()) == sum(1 for v in TF.values() if v == 0)
    assert int(cols["total_float"].sum(dtype="int64")) == sum(TF.values())
    # every listed critical path has the project's length and only zero-float measures
    dur = dict(zip(ids, cols["duration"].tolist()))
    for p in sch.critical_paths:
        assert sum(dur[x] for x in p) == project
        assert all(TF[x] == 0 for x in p)
