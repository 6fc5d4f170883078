"""The bad-input corpus (tests/bad_input, read by the Rust and node suites too): every document
is a typed, located error or diagnostic from Python as well — never a foreign exception or a
crash — and every operation on a document that loads raises only eculture errors."""

from __future__ import annotations

import json
from typing import Any, Callable, Dict, List

import pytest

from eculture import EcultureError, ParseError, Strategy

from conftest import ROOT

DIR = ROOT / "tests" / "bad_input"
EXPECTED: Dict[str, Any] = json.loads((DIR / "expected.json").read_text(encoding="utf-8"))


def operations(s: Strategy) -> List[Callable[[], Any]]:
    return [
        s.matrix, s.gaps, s.waves, s.topological_order, s.find_cycle, s.cyclic_blocks,
        s.dependencies, lambda: s.impact("1.1"), s.schedule, lambda: s.what_if([("1.1", 30)]),
        s.rollout, s.dsm, s.redundant_dependencies, lambda: s.risk(runs=20),
        s.heatmap_svg, s.gantt_svg, s.report_html, s.execution_rate, s.achievement, s.triage,
        s.reporting_calendar, s.monitoring_report, lambda: list(s.waves()) if s.is_valid() else None,
    ]


def test_the_corpus_is_large() -> None:
    assert len(EXPECTED) >= 100


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_bad_document(name: str) -> None:
    want = EXPECTED[name]
    path = DIR / "cases" / name
    if want["stage"] == "load":
        with pytest.raises(ParseError) as info:
            Strategy.load(path)
        e = info.value
        if want["path"] is not None:
            assert e.path == want["path"], str(e)
        assert e.line is not None or e.path is not None, str(e)
        return
    s = Strategy.load(path)
    found = [
        d for d in s.validate()
        if (d.code, d.path, d.severity) == (want["code"], want["path"], want["severity"])
    ]
    assert found, [str(d) for d in s.validate()]
    assert found[0].line is not None
    for op in operations(s):
        try:
            op()
        except EcultureError:
            pass  # a typed refusal is the expected answer of a blocked operation
