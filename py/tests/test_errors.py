"""Every core error variant reaches Python as its own exception class, with its fields."""

from __future__ import annotations

import errno
import json
import os
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
    EcultureFileNotFoundError,
    EcultureIOError,
    EcultureIsADirectoryError,
    EcultureNotADirectoryError,
    ParseError,
    ScheduleError,
    Strategy,
    ValidationError,
)

from conftest import strategy_of

MakeDoc = Callable[[], Dict[str, Any]]


@pytest.mark.parametrize(
    "cls",
    [
        ParseError,
        EcultureIOError,
        EcultureFileNotFoundError,
        ValidationError,
        CycleError,
        ArgumentError,
        ScheduleError,
    ],
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
    for name, builtin in [
        ("EcultureFileNotFoundError", FileNotFoundError),
        ("EculturePermissionError", PermissionError),
        ("EcultureFileExistsError", FileExistsError),
        ("EcultureIsADirectoryError", IsADirectoryError),
        ("EcultureNotADirectoryError", NotADirectoryError),
    ]:
        cls = getattr(eculture, name)
        assert issubclass(cls, EcultureIOError) and issubclass(cls, builtin)
        assert cls("m").code == "io_error"


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


def test_from_dict_round_trip(e_culture: Strategy) -> None:
    assert Strategy.from_dict(e_culture.document()) == e_culture


def test_from_dict_wrong_type_has_json_path(make_doc: MakeDoc) -> None:
    doc = make_doc()
    doc["measures"][2]["depends_on"] = "b"
    with pytest.raises(ParseError) as info:
        Strategy.from_dict(doc)
    e = info.value
    assert e.path == "measures[2].depends_on"
    assert (e.format, e.line, e.column) == ("json", None, None)
    assert "`measures[2].depends_on`" in str(e)
    doc = make_doc()
    doc["measures"][1]["duration_days"] = [10]
    with pytest.raises(ParseError) as info:
        Strategy.from_dict(doc)
    assert info.value.path == "measures[1].duration_days"
    with pytest.raises(ParseError):
        Strategy.from_dict([])  # type: ignore[arg-type]


def test_from_dict_refuses_non_json_values(make_doc: MakeDoc) -> None:
    doc = make_doc()
    doc["measures"][0]["title"] = {"en": object()}
    # the same class and message as JavaScript's fromObject (tests/messages/mistakes.json)
    with pytest.raises(ArgumentError, match="document is not plain data") as e:
        Strategy.from_dict(doc)
    assert e.value.path == "document"


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
    # Usable as the OSError it is, with the errno Python itself would give.
    assert isinstance(e, FileNotFoundError) and type(e) is EcultureFileNotFoundError
    assert (e.errno, e.strerror) == (errno.ENOENT, os.strerror(errno.ENOENT))
    with pytest.raises(FileNotFoundError):
        Strategy.load(path)
    again = pickle.loads(pickle.dumps(e))
    assert type(again) is EcultureFileNotFoundError
    assert (again.errno, again.strerror, again.filename) == (e.errno, e.strerror, e.filename)


def test_os_error_kinds(tmp_path: Path, e_culture: Strategy) -> None:
    folder = tmp_path / "folder.json"
    folder.mkdir()
    with pytest.raises(IsADirectoryError) as info:
        Strategy.load(folder)
    assert type(info.value) is EcultureIsADirectoryError
    assert info.value.errno == errno.EISDIR
    plain = tmp_path / "plain.json"
    plain.write_text("{}", encoding="utf-8")
    with pytest.raises(NotADirectoryError) as info2:
        Strategy.load(plain / "inner.json")
    assert type(info2.value) is EcultureNotADirectoryError
    assert info2.value.errno == errno.ENOTDIR
    with pytest.raises(FileNotFoundError):
        e_culture.save(tmp_path / "no" / "such" / "dir.json")


@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root reads any file"
)
def test_permission_denied(tmp_path: Path) -> None:
    path = tmp_path / "secret.json"
    path.write_text("{}", encoding="utf-8")
    path.chmod(0)
    with pytest.raises(PermissionError) as info:
        Strategy.load(path)
    assert isinstance(info.value, EcultureIOError)
    assert info.value.errno == errno.EACCES


def test_unknown_extension(tmp_path: Path, e_culture: Strategy) -> None:
    path = tmp_path / "plan.txt"
    path.write_text(e_culture.to_json(), encoding="utf-8")
    with pytest.raises(EcultureIOError, match="extension") as info:
        Strategy.load(path)
    # Not an operating-system error: no errno, the plain class.
    assert type(info.value) is EcultureIOError
    assert (info.value.errno, info.value.strerror) == (None, None)
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


def invalid_cells(make_doc: MakeDoc) -> Dict[str, Any]:
    """A document whose cells are ambiguous (a duplicate cluster id) and with an unknown
    direction (which blocks nothing)."""
    doc = make_doc()
    doc["measures"][0]["direction"] = "P9"
    doc["clusters"] = [
        {"id": "x", "title": {"en": "X"}},
        {"id": "x", "title": {"en": "X again"}},
    ]
    return doc


def test_invalid_document_is_a_validation_error(make_doc: MakeDoc) -> None:
    s = strategy_of(invalid_cells(make_doc))
    assert not s.is_valid()
    with pytest.raises(ValidationError) as info:
        s.matrix()
    e = info.value
    assert type(e) is ValidationError
    assert e.code == "validation_error"
    # exactly the diagnostics that block the cells; the unknown direction is not one of them
    first = e.diagnostics[0]
    assert (first.code, first.path, first.id) == ("duplicate_id", "clusters[1].id", "x")
    assert e.path == "clusters[1].id"
    assert e.diagnostics == [d for d in s.validate() if d.blocks == "cells"]
    assert any(d.path == "measures[0].direction" for d in s.validate())
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
    with pytest.raises(ValidationError) as info:
        strategy_of(invalid_cells(make_doc)).matrix()
    again = pickle.loads(pickle.dumps(info.value))
    assert again.diagnostics == info.value.diagnostics


def test_exceptions_are_exported() -> None:
    for name in [
        "EcultureError",
        "ParseError",
        "EcultureIOError",
        "EcultureFileNotFoundError",
        "EculturePermissionError",
        "EcultureFileExistsError",
        "EcultureIsADirectoryError",
        "EcultureNotADirectoryError",
        "ValidationError",
        "CycleError",
        "ArgumentError",
        "ScheduleError",
    ]:
        cls = getattr(eculture, name)
        assert cls.__module__ == "eculture._errors"
        assert name in eculture.__all__


def test_nan_and_infinity_in_plain_data_are_located_errors_never_absent_values():
    """A Python float NaN or inf cannot be JSON; where a number belongs it is named with its
    path (an optional field must not take it for "absent")."""
    import json
    import math

    import eculture

    doc = json.loads(eculture.Strategy.e_culture().to_json())
    for bad, shown in [(math.nan, '"NaN"'), (math.inf, '"inf"'), (-math.inf, '"-inf"')]:
        d = json.loads(json.dumps(doc))
        d["reports"][0]["entries"][0]["percent_complete"] = bad  # optional: null would be "absent"
        with pytest.raises(eculture.ParseError) as e:
            eculture.Strategy.from_dict(d)
        assert e.value.path == "reports[0].entries[0].percent_complete"
        assert shown in str(e.value)
    s = eculture.Strategy.e_culture()
    with pytest.raises(eculture.ArgumentError) as e:
        s.execution_rate(weights={"executed": 1.0, "partially_executed": math.nan, "not_executed": 0.0})
    assert e.value.path == "options.weights.partially_executed"
    assert '"NaN"' in str(e.value)
    # a weight is a share of a measure: outside 0..1 it is refused where it is, 0 and 1 are not
    for name, bad in (("executed", 1.5), ("not_executed", -0.5)):
        w = {"executed": 1.0, "partially_executed": 0.5, "not_executed": 0.0, name: bad}
        with pytest.raises(eculture.ArgumentError) as e:
            s.execution_rate(weights=w)
        assert e.value.path == f"weights.{name}"  # checked by the core, as bands are
        assert "from 0 to 1" in str(e.value)
    assert s.execution_rate(weights={"executed": 1.0, "partially_executed": 1.0, "not_executed": 0.0})
