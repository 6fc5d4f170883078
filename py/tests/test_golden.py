"""Cross-surface golden cases: tests/golden/<case>/{input.json|yaml|yml|toml, expected.json}.

Each key of expected.json names an operation; keys absent from it are not checked. Rust, Python
and the WASM build must all produce exactly these structures.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Callable, Dict, List

import pytest

from eculture import EcultureError, Strategy

from conftest import ROOT

GOLDEN = ROOT / "tests" / "golden"
CASES: List[Path] = (
    sorted(p for p in GOLDEN.iterdir() if p.is_dir()) if GOLDEN.is_dir() else []
)


def input_of(case: Path) -> Path:
    inputs = sorted(case.glob("input.*"))
    assert len(inputs) == 1, f"{case.name}: expected exactly one input.* file, found {inputs}"
    return inputs[0]


def error_dict(e: EcultureError, expected: Any) -> Dict[str, Any]:
    """The error as the golden file writes it: {"error": code} plus whichever other keys the
    expected object lists, each read from the exception's attribute of that name."""
    out: Dict[str, Any] = {"error": e.code}
    if isinstance(expected, dict):
        for key in expected:
            if key != "error":
                out[key] = getattr(e, key)
    return out


def outcome(expected: Any, compute: Callable[[], Any]) -> Any:
    try:
        return compute()
    except EcultureError as e:
        return error_dict(e, expected)


def normalise(value: Any) -> Any:
    """Tuples become lists and floats are rounded, so 2/3 written by any surface compares."""
    if isinstance(value, float):
        return round(value, 9)
    if isinstance(value, dict):
        return {k: normalise(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [normalise(v) for v in value]
    return value


def actual_for(s: Strategy, expected: Dict[str, Any]) -> Dict[str, Any]:
    out: Dict[str, Any] = {}
    for key, want in expected.items():
        if key == "diagnostics":
            out[key] = [d.to_dict() for d in s.validate()]
        elif key == "messages":
            out[key] = [str(d) for d in s.validate()]
        elif key == "matrix":
            out[key] = outcome(want, lambda: s.matrix().to_dict())
        elif key == "coverage":
            out[key] = outcome(want, lambda: s.matrix().coverage())
        elif key == "gaps":
            out[key] = outcome(
                want, lambda: [[c.cluster, c.module] for c in s.matrix().gaps()]
            )
        elif key == "order":
            out[key] = outcome(want, s.topological_order)
        elif key == "waves":
            out[key] = outcome(want, s.waves)
        elif key == "impact":
            ids = want["ids"]
            result = outcome(
                {k: v for k, v in want.items() if k not in ("ids", "result")},
                lambda: {"result": s.impact(ids)},
            )
            out[key] = {"ids": ids, **result}
        else:
            pytest.fail(f"unknown key {key!r} in expected.json (update test_golden.py)")
    return out


if CASES:

    @pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
    def test_golden(case: Path) -> None:
        expected = json.loads((case / "expected.json").read_text(encoding="utf-8"))
        path = input_of(case)
        if "load_error" in expected:
            want = expected["load_error"]
            with pytest.raises(EcultureError) as info:
                Strategy.load(path)
            e = info.value
            got = {k: (e.code if k == "code" else getattr(e, k, None)) for k in want}
            assert got == want
            return
        s = Strategy.load(path)
        assert normalise(actual_for(s, expected)) == normalise(expected)

else:

    def test_golden() -> None:
        pytest.skip(f"no golden cases yet: {GOLDEN} has no case directories")
