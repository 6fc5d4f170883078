"""Every core error variant reaches Python as its own exception class, with its fields."""

from __future__ import annotations

import json
import pickle
from pathlib import Path
from typing import Any, Callable, Dict

import pytest

import eculture
from eculture import (
    ArgumentError,
    CycleError,
    Diagnostic,
    EcultureError,
    EcultureIOError,
    ParseError,
    ScheduleError,
    Strategy,
    ValidationError,
)

from conftest import strategy_of

MakeDoc = Callable[[], Dict[str, Any]]


@pytest.mark.parametrize(
    "cls",
    [ParseError, EcultureIOError, ValidationError, CycleError, ArgumentError, ScheduleError],
)
def test_hierarchy(cls: type) -> None:
    assert issubclass(cls, EcultureError)
    assert issubclass(cls, ValueError)


def test_default_codes() -> None:
    # The class-level code matches the core's Error::code() for each variant.
    assert [
        c("m").code
        for c in (
            EcultureError,
            ParseError,
            EcultureIOError,
            ValidationError,
            CycleError,
            ArgumentError,
            ScheduleError,
        )
    ] == [
        "error",
        "parse_error",
        "io_error",
        "validation_error",
        "dependency_cycle",
        "invalid_argument",
        "schedule_error",
    ]
    e = ScheduleError("no working day", path="calendar.weekend", kind="no_working_days")
    assert (e.path, e.kind, e.id, str(e)) == (
        "calendar.weekend",
        "no_working_days",
        None,
        "no working day",
    )


def test_special_bases() -> None:
    assert issubclass(CycleError, ValidationError)
    assert issubclass(EcultureIOError, OSError)


def test_malformed_json_has_line_and_column() -> None:
    with pytest.raises(ParseError) as info:
        Strategy.from_json('{\n  "strategy": {\n    "id": "x",,\n')
    e = info.value
    assert e.code == "parse_error"
    assert e.line == 3
    assert isinstance(e.column, int) and e.column > 1
    assert e.format == "json"
    assert e.source == "<string>"
    assert e.location == f"<string>:{e.line}:{e.column}"
    assert "invalid json" in str(e)


def test_wrong_type_has_json_path(make_doc: MakeDoc) -> None:
    doc = make_doc()
    doc["measures"][0]["duration_days"] = "ten"
    with pytest.raises(ParseError) as info:
        Strategy.from_json(json.dumps(doc, indent=2))
    e = info.value
    assert e.path == "measures[0].duration_days"
    assert e.line is not None and e.line > 1
    assert "`measures[0].duration_days`" in str(e)


def test_yaml_wrong_type_has_json_path(make_doc: MakeDoc) -> None:
    doc = make_doc()
    doc["measures"][1]["duration_days"] = "ten"
    yaml_text = Strategy.from_json(json.dumps(make_doc())).to_yaml()
    # Patch the YAML text: b is the second measure.
    bad = yaml_text.replace("  title:\n    en: B\n", "  title:\n    en: B\n  duration_days: ten\n")
    assert bad != yaml_text
    with pytest.raises(ParseError) as info:
        Strategy.from_yaml(bad)
    assert info.value.format == "yaml"
    assert info.value.path == "measures[1].duration_days"


def test_unknown_field_is_a_parse_error(make_doc: MakeDoc) -> None:
    doc = make_doc()
    doc["measures"][2]["dependson"] = ["a"]
    with pytest.raises(ParseError, match="dependson"):
        Strategy.from_json(json.dumps(doc))


def test_malformed_toml() -> None:
    with pytest.raises(ParseError) as info:
        Strategy.from_toml("[strategy\nid = 1\n")
    assert info.value.format == "toml"
    assert info.value.line == 1


def test_load_reports_the_file(tmp_path: Path) -> None:
    path = tmp_path / "broken.json"
    path.write_text('{"strategy": [}', encoding="utf-8")
    with pytest.raises(ParseError) as info:
        Strategy.load(path)
    assert info.value.source == str(path)
    assert info.value.location is not None
    assert info.value.location.startswith(str(path))


def test_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "absent.json"
    with pytest.raises(EcultureIOError) as info:
        Strategy.load(path)
    e = info.value
    assert e.code == "io_error"
    assert e.path == str(path) == e.filename
    assert str(path) in str(e)
    assert not str(e).startswith("[Errno")
    # Usable as the OSError it is.
    with pytest.raises(OSError):
        Strategy.load(path)


def test_unknown_extension(tmp_path: Path, e_culture: Strategy) -> None:
    path = tmp_path / "plan.txt"
    path.write_text(e_culture.to_json(), encoding="utf-8")
    with pytest.raises(EcultureIOError, match="extension"):
        Strategy.load(path)
    with pytest.raises(EcultureIOError, match="extension"):
        e_culture.save(tmp_path / "out.docx")
    assert not (tmp_path / "out.docx").exists()


def test_save_into_missing_directory(tmp_path: Path, e_culture: Strategy) -> None:
    with pytest.raises(EcultureIOError):
        e_culture.save(tmp_path / "no" / "such" / "dir.json")


def cyclic(make_doc: MakeDoc) -> Strategy:
    doc = make_doc()
    doc["measures"][0]["depends_on"] = ["c"]  # a <- c <- b <- a
    return strategy_of(doc)


def test_cycle_from_waves_and_order(make_doc: MakeDoc) -> None:
    s = cyclic(make_doc)
    for op in (s.waves, s.topological_order):
        with pytest.raises(CycleError) as info:
            op()
        e = info.value
        assert e.code == "dependency_cycle"
        assert e.cycle == ["a", "b", "c"]
        assert e.path == "measures[0]"
        assert isinstance(e, ValidationError)
        assert [d.code for d in e.diagnostics] == ["dependency_cycle"]
        assert all(isinstance(d, Diagnostic) for d in e.diagnostics)
        assert "`a` -> `b` -> `c` -> `a`" in str(e)


def test_cycle_is_in_dependency_order(make_doc: MakeDoc) -> None:
    doc = make_doc()
    doc["measures"][0]["depends_on"] = ["c"]
    s = strategy_of(doc)
    prereqs = {m["id"]: set(m.get("depends_on", [])) for m in doc["measures"]}
    with pytest.raises(CycleError) as info:
        s.waves()
    cycle = info.value.cycle
    # Each id is a prerequisite of the next, the last of the first.
    for k, mid in enumerate(cycle):
        nxt = cycle[(k + 1) % len(cycle)]
        assert mid in prereqs[nxt]
    assert s.find_cycle() == cycle


def test_operations_that_allow_cycles(make_doc: MakeDoc) -> None:
    s = cyclic(make_doc)
    assert not s.is_valid()
    assert s.cyclic_blocks() == [["a", "b", "c"]]
    assert s.impact(["a"]) == ["b", "c"]
    assert s.ancestors(["a"]) == ["b", "c"]
    assert s.matrix().cells == []


def test_unknown_id_is_an_argument_error(e_culture: Strategy) -> None:
    with pytest.raises(ArgumentError) as info:
        e_culture.impact(["1.1", "no-such-measure"])
    e = info.value
    assert e.code == "invalid_argument"
    assert e.path == "ids[1]"
    assert "no-such-measure" in str(e)
    with pytest.raises(ArgumentError):
        e_culture.ancestors(["no-such-measure"])


def test_invalid_document_is_a_validation_error(make_doc: MakeDoc) -> None:
    doc = make_doc()
    doc["measures"][0]["direction"] = "P9"
    s = strategy_of(doc)
    assert not s.is_valid()
    with pytest.raises(ValidationError) as info:
        s.matrix()
    e = info.value
    assert type(e) is ValidationError
    assert e.code == "validation_error"
    assert e.diagnostics, "at least one diagnostic"
    assert all(d.severity == "error" for d in e.diagnostics)
    first = e.diagnostics[0]
    assert (first.code, first.path, first.id) == (
        "unknown_reference",
        "measures[0].direction",
        "a",
    )
    assert e.path == "measures[0].direction"
    assert e.diagnostics == [d for d in s.validate() if d.severity == "error"]
    # Graph operations refuse it too, with the same class (not CycleError).
    for op in (s.waves, s.topological_order, s.find_cycle, s.cyclic_blocks):
        with pytest.raises(ValidationError) as again:
            op()
        assert type(again.value) is ValidationError
    with pytest.raises(ValidationError):
        s.impact(["a"])


def test_catch_as_value_error(make_doc: MakeDoc) -> None:
    with pytest.raises(ValueError):
        Strategy.from_json("{")
    with pytest.raises(ValueError):
        cyclic(make_doc).waves()


@pytest.mark.parametrize(
    "trigger",
    [
        lambda: Strategy.from_json("{"),
        lambda: Strategy.load("/nonexistent/plan.json"),
        lambda: Strategy.e_culture().impact(["nope"]),
    ],
)
def test_errors_pickle(trigger: Callable[[], Any]) -> None:
    with pytest.raises(EcultureError) as info:
        trigger()
    e = info.value
    again = pickle.loads(pickle.dumps(e))
    assert type(again) is type(e)
    assert str(again) == str(e)
    assert vars(again) == vars(e)


def test_validation_error_pickles_with_diagnostics(make_doc: MakeDoc) -> None:
    doc = make_doc()
    doc["measures"][0]["direction"] = "P9"
    with pytest.raises(ValidationError) as info:
        strategy_of(doc).matrix()
    again = pickle.loads(pickle.dumps(info.value))
    assert again.diagnostics == info.value.diagnostics


def test_exceptions_are_exported() -> None:
    for name in [
        "EcultureError",
        "ParseError",
        "EcultureIOError",
        "ValidationError",
        "CycleError",
        "ArgumentError",
        "ScheduleError",
    ]:
        cls = getattr(eculture, name)
        assert cls.__module__ == "eculture._errors"
        assert name in eculture.__all__
