"""One API on every surface: the table of operations (eculture::api::OPERATIONS) against the
module, the same attributes on every error, lazy results that behave like lists."""

from __future__ import annotations

import inspect
import pickle
from typing import Any, Dict, List

import numpy as np
import pytest

import eculture
from eculture import ArgumentError, CycleError, IdList, IdLists, Strategy, ValidationError

OPS: List[Dict[str, Any]] = eculture.operations()

# Python-only helpers that are language idiom, not operations of the API.
IDIOM = {"__version__"}


def owner(on: str) -> Any:
    return eculture if on == "module" else getattr(eculture, on)


def test_every_operation_in_the_table_exists_with_its_kind() -> None:
    assert len(OPS) > 60
    for op in OPS:
        name = op["python"]
        if name is None:
            continue
        cls = owner(op["on"])
        assert hasattr(cls, name), f"{op['on']}.{name} is in the table but not in Python"
        raw = inspect.getattr_static(cls, name)
        kind = op["kind"]
        if kind == "property":
            assert not callable(raw) or isinstance(raw, property) or type(raw).__name__ == "getset_descriptor", f"{op['on']}.{name} should be a property"
        elif kind == "constructor":
            assert isinstance(raw, staticmethod) or callable(getattr(cls, name)), name
        else:
            assert callable(getattr(cls, name)), f"{op['on']}.{name} should be a method"
            assert type(raw).__name__ != "getset_descriptor", f"{op['on']}.{name} is a property, the table says method"


def test_every_public_name_is_in_the_table() -> None:
    classes = {op["on"] for op in OPS if op["on"] != "module"}
    for on in classes:
        cls = getattr(eculture, on)
        listed = {op["python"] for op in OPS if op["on"] == on}
        public = {n for n in vars(cls) if not n.startswith("_")}
        assert public <= listed, f"{on}: {sorted(public - listed)} not in eculture::api::OPERATIONS"
    functions = {n for n in eculture.__all__ if callable(getattr(eculture, n)) and not isinstance(getattr(eculture, n), type)}
    listed = {op["python"] for op in OPS if op["on"] == "module"}
    assert functions - IDIOM <= listed, sorted(functions - listed)


def test_js_names_are_the_camel_case_of_python_names() -> None:
    for op in OPS:
        py, js = op["python"], op["js"]
        if py is None or js is None or py in ("to_dict", "from_dict", "e_culture"):
            continue
        camel = py.split("_")[0] + "".join(w.title() for w in py.split("_")[1:])
        assert js == camel, f"{op['on']}: {py} vs {js}"


def test_every_error_has_the_same_attributes(e_culture: Strategy) -> None:
    errors = []
    for bad in (
        lambda: Strategy.from_json("{"),
        lambda: Strategy.load("/no/such/file.json"),
        lambda: e_culture.impact(["6.l"]),
        lambda: e_culture.schedule(calendar="mars"),
        lambda: e_culture.schedule(calendar={"weekend": ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]}),
    ):
        with pytest.raises(eculture.EcultureError) as info:
            bad()
        errors.append(info.value)
    for e in errors:
        for field in eculture._errors.FIELDS:
            assert hasattr(e, field), f"{type(e).__name__} lacks {field}"
        again = pickle.loads(pickle.dumps(e))
        assert type(again) is type(e) and str(again) == str(e)
    assert "did you mean `6.1`" in str(errors[2])


def test_unknown_options_are_named_with_a_suggestion(e_culture: Strategy) -> None:
    with pytest.raises(ArgumentError, match=r"unknown option `near_critcal_days`; did you mean `near_critical_days`\?") as e:
        e_culture.schedule(near_critcal_days=3)
    assert e.value.path == "options.near_critcal_days"
    # camelCase (the JavaScript spelling) is the same option
    assert e_culture.schedule(nearCriticalDays=0).near_critical == e_culture.schedule(near_critical_days=0).near_critical


def test_cycle_error_is_a_validation_error_with_diagnostics() -> None:
    doc = Strategy.e_culture().document()
    first = next(m for m in doc["measures"] if m.get("depends_on"))
    dep = first["depends_on"][0]
    prereq_id = dep if isinstance(dep, str) else dep["id"]
    prereq = next(m for m in doc["measures"] if m["id"] == prereq_id)
    prereq["depends_on"] = [*prereq.get("depends_on", []), {"id": first["id"], "type": "SS"}]
    s = Strategy.from_dict(doc)
    with pytest.raises(ValidationError) as info:
        s.waves()
    e = info.value
    assert isinstance(e, CycleError) and e.cycle and e.diagnostics
    assert all(d.code == "dependency_cycle" for d in e.diagnostics)


def test_lazy_results_behave_like_lists(e_culture: Strategy) -> None:
    waves = e_culture.waves()
    assert isinstance(waves, IdLists) and isinstance(waves[0], IdList)
    as_lists = waves.to_list()
    assert waves == as_lists and as_lists == [list(w) for w in waves]
    assert len(waves) == len(as_lists) and waves[-1] == as_lists[-1]
    order = e_culture.topological_order()
    assert order == [i for w in as_lists for i in w]
    assert order[1:4] == order.to_list()[1:4] and order[::2] == order.to_list()[::2]
    assert isinstance(order[1:4], IdList)
    assert order[0] in order and "no-such" not in order
    assert order.index(order[3]) == 3 and order.count(order[3]) == 1
    assert list(order.indices) == list(e_culture.order_indices())
    assert order.to_numpy().tolist() == order.to_list()
    impact = e_culture.impact("6.1")
    assert impact == e_culture.impact(["6.1"]) and len(impact) > 0
    assert impact != impact.to_list()[:-1]
    assert "IdList([" in repr(impact)
    with pytest.raises(IndexError):
        order[len(order)]
    assert e_culture.cyclic_blocks() == []


def test_blocking_and_measure_id(e_culture: Strategy) -> None:
    assert e_culture.blocking("graph") == []
    assert e_culture.measure_id(0) == e_culture.document()["measures"][0]["id"]
    with pytest.raises(ArgumentError):
        e_culture.measure_id(10**9)
    with pytest.raises(ArgumentError):
        e_culture.blocking("everything")


def test_schedule_data_are_properties_and_record_raises(e_culture: Strategy) -> None:
    sch = e_culture.schedule()
    assert isinstance(sch.finish_date, str) and sch.critical_paths[:1]
    assert sch.record("6.1")["id"] == "6.1"
    with pytest.raises(ArgumentError, match="did you mean `6.1`"):
        sch.record("6.l")
    changed = e_culture.schedule_with_changes([("6.1", 30)])
    assert changed.duration_days >= sch.duration_days
