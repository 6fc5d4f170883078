"""Columnar results (NumPy arrays, the MeasureIds view, Rollup) agree with the friendly API."""

from __future__ import annotations

import collections.abc
import gc
import json
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, Callable, Dict, List

import numpy as np
import pytest

from eculture import (
    ArgumentError,
    CycleError,
    EcultureError,
    MeasureIds,
    Rollup,
    Strategy,
    ValidationError,
)

from conftest import ROOT, strategy_of

MakeDoc = Callable[[], Dict[str, Any]]
GOLDEN = ROOT / "tests" / "golden"


def loadable_cases() -> List[Path]:
    out = []
    for case in sorted(p for p in GOLDEN.iterdir() if p.is_dir()) if GOLDEN.is_dir() else []:
        expected = json.loads((case / "expected.json").read_text(encoding="utf-8"))
        if "load_error" not in expected:
            out.append(case)
    return out


def golden_strategy(case: Path) -> Strategy:
    (path,) = sorted(case.glob("input.*"))
    return Strategy.load(path)


def strategies() -> List[Any]:
    cases = [pytest.param(c, id=c.name) for c in loadable_cases()]
    return [pytest.param(None, id="e_culture"), *cases]


@pytest.fixture(params=strategies())
def strategy(request: pytest.FixtureRequest, e_culture: Strategy) -> Strategy:
    return e_culture if request.param is None else golden_strategy(request.param)


def same_outcome(friendly: Callable[[], Any], columnar: Callable[[], Any]) -> Any:
    """Both raise the same error, or both succeed: returns (friendly, columnar) results."""
    try:
        want = friendly()
    except EcultureError as e:
        with pytest.raises(type(e)) as info:
            columnar()
        assert info.value.code == e.code
        assert str(info.value) == str(e)
        assert getattr(info.value, "cycle", None) == getattr(e, "cycle", None)
        return None
    return want, columnar()


def ids_of(s: Strategy) -> List[str]:
    return [m["id"] for m in s.document()["measures"]]


# ---------------------------------------------------------------- agreement


def test_measure_count_and_ids(strategy: Strategy) -> None:
    ids = ids_of(strategy)
    assert strategy.measure_count == len(ids)
    assert len(strategy.measure_ids) == len(ids)
    assert list(strategy.measure_ids) == ids
    assert strategy.measure_ids.to_list() == ids
    assert strategy.measure_ids[:] == ids


def test_wave_index_agrees_with_waves(strategy: Strategy) -> None:
    r = same_outcome(strategy.waves, strategy.wave_index)
    if r is None:
        return
    waves, wi = r
    assert wi.dtype == np.uint32 and wi.shape == (strategy.measure_count,)
    ids = strategy.measure_ids
    assert [ids[np.flatnonzero(wi == k)] for k in range(len(waves))] == waves
    if len(wi):
        assert int(wi.max()) + 1 == len(waves)
        assert np.bincount(wi).tolist() == [len(w) for w in waves]


def test_order_indices_agree_with_topological_order(strategy: Strategy) -> None:
    r = same_outcome(strategy.topological_order, strategy.order_indices)
    if r is None:
        return
    order, oi = r
    assert oi.dtype == np.uint32 and oi.shape == (strategy.measure_count,)
    assert sorted(oi.tolist()) == list(range(strategy.measure_count))
    assert strategy.measure_ids[oi] == order


def test_impact_indices_agree_with_impact(strategy: Strategy) -> None:
    ids = ids_of(strategy)
    for mid in ids:
        r = same_outcome(lambda: strategy.impact([mid]), lambda: strategy.impact_indices([mid]))
        if r is None:
            return
        impact, ii = r
        assert ii.dtype == np.uint32
        assert ii.tolist() == sorted(ii.tolist()), "ascending measure indices"
        assert strategy.measure_ids[ii] == impact  # both in document order
    both = ids[:2]
    r = same_outcome(lambda: strategy.impact(both), lambda: strategy.impact_indices(both))
    if r is not None:
        impact, ii = r
        assert strategy.measure_ids[ii] == impact


def test_descendant_counts_agree_with_impact(strategy: Strategy) -> None:
    ids = ids_of(strategy)
    r = same_outcome(
        lambda: [len(strategy.impact([x])) for x in ids],
        lambda: strategy.descendant_counts(ids),
    )
    if r is None:
        return
    want, counts = r
    assert counts.dtype == np.uint64 and counts.shape == (len(ids),)
    assert counts.tolist() == want


def test_rollup_agrees_with_matrix(strategy: Strategy) -> None:
    r = same_outcome(strategy.matrix, strategy.rollup)
    if r is None:
        return
    matrix, rollup = r
    status = {m["id"]: m.get("status") for m in strategy.document()["measures"]}
    assert rollup.clusters == matrix.clusters
    assert rollup.modules == matrix.modules
    shape = (len(matrix.clusters), len(matrix.modules))
    for arr, dtype in [
        (rollup.measures, np.uint32),
        (rollup.executed, np.uint32),
        (rollup.applicable, np.bool_),
        (rollup.executed_share(), np.float64),
    ]:
        assert arr.dtype == dtype and arr.shape == shape
    share = rollup.executed_share()
    nm = len(matrix.modules)
    for k, cell in enumerate(matrix.cells):
        c, m = divmod(k, nm)
        n = len(cell.measures)
        executed = sum(status[x] == "executed" for x in cell.measures)
        assert rollup.measures[c, m] == n, (cell.cluster, cell.module)
        assert rollup.executed[c, m] == executed
        assert rollup.applicable[c, m] == (cell.state != "not_applicable")
        if n == 0:
            assert np.isnan(share[c, m]), "no measure is no data, not 0"
        else:
            assert share[c, m] == executed / n
    mean = rollup.mean_executed_share()
    if np.isnan(share).all():
        assert mean is None
    else:
        assert mean == pytest.approx(float(np.nanmean(share)), abs=1e-15)


# ---------------------------------------------------------------- arrays


def test_arrays_are_moved_not_copied(e_culture: Strategy) -> None:
    # The core's Vec becomes the array's buffer (rust-numpy keeps it alive in a container).
    for arr in (
        e_culture.wave_index(),
        e_culture.order_indices(),
        e_culture.impact_indices(["1.1"]),
        e_culture.descendant_counts(["1.1"]),
    ):
        assert not arr.flags.owndata
        assert type(arr.base).__name__ == "PySliceContainer"
        assert arr.flags.c_contiguous and arr.flags.writeable
    # Each call is a fresh array: writing to one does not change the next.
    wi = e_culture.wave_index()
    wi[:] = 99
    assert e_culture.wave_index().max() < 99


def test_empty_inputs(e_culture: Strategy, make_doc: MakeDoc) -> None:
    assert e_culture.impact_indices([]).shape == (0,)
    assert e_culture.descendant_counts([]).dtype == np.uint64
    doc = make_doc()
    doc["measures"] = []
    s = strategy_of(doc)
    assert s.measure_count == 0 and len(s.measure_ids) == 0
    assert s.wave_index().shape == (0,) and s.wave_index().dtype == np.uint32
    assert s.order_indices().shape == (0,)
    r = s.rollup()
    assert r.measures.shape == (0, 0) and r.mean_executed_share() is None


def test_rollup_object(e_culture: Strategy) -> None:
    r = e_culture.rollup()
    assert isinstance(r, Rollup)
    assert r == e_culture.rollup()
    assert r.measures is r.measures, "built once"
    with pytest.raises(ValueError):
        r.measures[0, 0] = 7
    with pytest.raises(TypeError):
        hash(r)
    with pytest.raises(AttributeError):
        r.clusters = []  # type: ignore[misc]
    assert repr(r) == (
        f"Rollup({len(r.clusters)} clusters x {len(r.modules)} modules, "
        f"{int(r.measures.sum())} measure deliveries)"
    )
    d = r.to_dict()
    assert d["clusters"] == r.clusters and d["modules"] == r.modules
    assert d["measures"] == r.measures.ravel().tolist()
    assert d["executed"] == r.executed.ravel().tolist()
    assert d["applicable"] == r.applicable.ravel().tolist()


def test_rollup_to_pandas(e_culture: Strategy) -> None:
    pd = pytest.importorskip("pandas")
    r = e_culture.rollup()
    df = r.to_pandas()
    assert isinstance(df, pd.DataFrame)
    assert list(df.columns) == [
        "cluster",
        "module",
        "measures",
        "executed",
        "applicable",
        "executed_share",
    ]
    assert len(df) == len(r.clusters) * len(r.modules)
    wide = df.pivot(index="cluster", columns="module", values="measures")
    wide = wide.loc[r.clusters, r.modules]
    assert (wide.to_numpy() == r.measures).all()
    np.testing.assert_array_equal(df["executed_share"].to_numpy(), r.executed_share().ravel())


def test_rollup_to_pandas_without_pandas(
    e_culture: Strategy, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(ImportError, match=r"pip install 'eculture\[pandas\]'"):
        e_culture.rollup().to_pandas()


# ---------------------------------------------------------------- errors


def cyclic(make_doc: MakeDoc) -> Strategy:
    doc = make_doc()
    doc["measures"][0]["depends_on"] = ["c"]  # a <- c <- b <- a
    return strategy_of(doc)


def test_cycle_errors(make_doc: MakeDoc) -> None:
    s = cyclic(make_doc)
    for op in (s.wave_index, s.order_indices):
        with pytest.raises(CycleError) as info:
            op()
        assert info.value.cycle == ["a", "b", "c"]
        assert [d.code for d in info.value.diagnostics] == ["dependency_cycle"]
    # Reachability and the roll-up work on cyclic plans.
    assert s.measure_ids[s.impact_indices(["a"])] == ["b", "c"]
    assert s.descendant_counts(["a", "c"]).tolist() == [2, 2]
    assert s.rollup().measures.shape == (0, 0)


def test_unknown_id_is_an_argument_error(e_culture: Strategy) -> None:
    for op in (e_culture.impact_indices, e_culture.descendant_counts):
        with pytest.raises(ArgumentError) as info:
            op(["1.1", "no-such-measure"])
        assert info.value.path == "ids[1]"
        assert list(op("1.1")) == list(op(["1.1"]))


def test_invalid_document(make_doc: MakeDoc) -> None:
    doc = make_doc()
    doc["measures"][0]["direction"] = "P9"
    s = strategy_of(doc)
    # an unknown direction blocks nothing: the answers come with the diagnostic beside them
    assert not s.is_valid()
    assert list(s.wave_index()) and s.rollup() is not None
    doc["measures"][2]["id"] = "a"
    s = strategy_of(doc)
    for op in (s.wave_index, s.order_indices, lambda: s.impact_indices(["a"])):
        with pytest.raises(ValidationError) as info:
            op()
        assert type(info.value) is ValidationError
        assert [d.code for d in info.value.diagnostics] == ["duplicate_id"]
    assert s.rollup() is not None  # duplicate measure ids leave the cells intact
    # The view works on any document.
    assert s.measure_ids.to_list() == ["a", "b", "a"]


# ---------------------------------------------------------------- MeasureIds


@pytest.fixture
def view(e_culture: Strategy) -> MeasureIds:
    return e_culture.measure_ids


def test_view_indexing(e_culture: Strategy, view: MeasureIds) -> None:
    ids = ids_of(e_culture)
    n = len(ids)
    assert isinstance(view, MeasureIds)
    assert isinstance(view, collections.abc.Sequence)
    assert view[0] == ids[0] and view[-1] == ids[-1] and view[n - 1] == ids[-1]
    assert view[np.int64(3)] == ids[3] and view[np.uint32(4)] == ids[4]
    for bad in (n, -n - 1, 10**30):
        with pytest.raises(IndexError):
            view[bad]
    for sl in (slice(None), slice(2, 9), slice(None, None, -1), slice(1, -1, 3), slice(50, 2)):
        assert view[sl] == ids[sl]
    picks = [5, 0, 5, -1]
    assert view[picks] == [ids[k] for k in picks]
    for dtype in (np.uint32, np.int64, np.int32, np.uint8):
        arr = np.array([5, 0, 3], dtype=dtype)
        assert view[arr] == [ids[5], ids[0], ids[3]]
    mask = np.zeros(n, dtype=bool)
    mask[[1, 4]] = True
    assert view[mask] == [ids[1], ids[4]]
    assert view[[]] == [] and view[np.array([], dtype=np.uint32)] == []
    with pytest.raises(IndexError):
        view[np.array([0, n], dtype=np.uint32)]
    with pytest.raises(IndexError):
        view[np.array([-n - 1])]
    with pytest.raises(IndexError):
        view[np.array([2**64 - 1], dtype=np.uint64)]  # not -1 through int64
    assert view[np.array([-1, -n])] == [ids[-1], ids[0]]
    with pytest.raises(IndexError):
        view[np.ones(n + 1, dtype=bool)]
    with pytest.raises(IndexError):
        view[np.zeros((2, 2), dtype=np.int64)]
    with pytest.raises(TypeError):
        view[np.array([1.5])]
    with pytest.raises(TypeError):
        view["1.1"]


def test_view_search_and_iteration(e_culture: Strategy, view: MeasureIds) -> None:
    ids = ids_of(e_culture)
    assert "1.1" in view and "nope" not in view and 3 not in view
    assert view.index(ids[7]) == 7
    with pytest.raises(ValueError):
        view.index("nope")
    assert view.count("1.1") == 1 and view.count("nope") == 0
    assert list(reversed(view)) == ids[::-1]
    it = iter(view)
    assert iter(it) is it
    assert next(it) == ids[0]
    assert list(it) == ids[1:]
    assert list(it) == []
    assert repr(view) == f"<MeasureIds of {len(ids)} measures>"


def test_view_keeps_its_strategy_alive(e_culture: Strategy) -> None:
    s = Strategy.from_json(e_culture.to_json())
    view = s.measure_ids
    it = iter(view)
    del s
    gc.collect()
    assert view[0] == "1.1" and next(it) == "1.1"


def test_concurrent_columnar_calls() -> None:
    s = Strategy.e_culture()
    want = Strategy.e_culture()
    ops = [
        lambda x: x.wave_index().tolist(),
        lambda x: x.order_indices().tolist(),
        lambda x: x.descendant_counts(["1.1", "2.1"]).tolist(),
        lambda x: x.rollup().to_dict(),
        lambda x: x.measure_ids[x.order_indices()],
    ]
    with ThreadPoolExecutor(max_workers=8) as pool:
        got = list(pool.map(lambda k: (k % len(ops), ops[k % len(ops)](s)), range(40)))
    for k, value in got:
        assert value == ops[k](want)
