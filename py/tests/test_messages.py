"""Golden messages (tests/messages/mistakes.json): the same mistake raises the same class with
the same code, path and message in Python as in Rust and JavaScript."""

from __future__ import annotations

import json
from typing import Any, Dict, List

import pytest

import eculture
from eculture import Strategy

from conftest import ROOT

CASES: List[Dict[str, Any]] = json.loads(
    (ROOT / "tests" / "messages" / "mistakes.json").read_text(encoding="utf-8")
)["cases"]
CLASSES = {"IoError": eculture.EcultureIOError}


def not_data(args: List[Any]) -> List[Any]:
    """The case's arguments, with something that is not data in place of each marker (for
    from_dict, a document holding it)."""

    def put(v: Any) -> Any:
        if isinstance(v, dict):
            return object() if v.get("$not_data") else {k: put(x) for k, x in v.items()}
        return [put(x) for x in v] if isinstance(v, list) else v

    if args and isinstance(args[0], dict) and args[0].get("$not_data"):
        doc = Strategy.e_culture().document()
        doc["strategy"]["id"] = object()
        return [doc]
    return [put(a) for a in args]


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_same_mistake_same_error(case: Dict[str, Any]) -> None:
    target = {"strategy": Strategy.e_culture(), "Strategy": Strategy, "module": eculture}[case["on"]]
    f = getattr(target, case["python"])
    args = not_data(case["args"])
    want = case["error"]
    cls = CLASSES.get(want["class"]) or getattr(eculture, want["class"])
    with pytest.raises(eculture.EcultureError) as info:
        if isinstance(target, Strategy) and case["python"] == "schedule":
            f(**args[0])
        else:
            f(*args)
    e = info.value
    assert isinstance(e, cls), type(e).__name__
    assert (e.code, e.path, str(e)) == (want["code"], want["path"], want["message"])
