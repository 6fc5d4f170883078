"""The pictures are the same bytes on every surface: every case of tests/golden_svg/cases.json
(a plan, a picture and the options as keyword arguments), drawn from Python, equals the golden
file the Rust suite checks (and node draws the same list)."""

from __future__ import annotations

import json

import pytest

from eculture import Strategy

from conftest import ROOT

GOLDEN = ROOT / "tests" / "golden_svg"
CASES = json.loads((GOLDEN / "cases.json").read_text(encoding="utf-8"))["cases"]


@pytest.mark.parametrize("case", CASES, ids=[c["file"] for c in CASES])
def test_picture_is_the_golden_file(case):
    s = Strategy.load(str(GOLDEN / case["plan"]))
    text = getattr(s, case["picture"])(**case["options"])
    assert text == (GOLDEN / case["file"]).read_text(encoding="utf-8")


def test_what_if_pictures_name_their_changes():
    s = Strategy.load(str(GOLDEN / "plan.json"))
    assert "What-if: m2 +20 d" in s.gantt_svg(changes=[("m2", 20)])
    assert "What-if" not in s.gantt_svg()
