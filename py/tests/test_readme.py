"""Every ```python block of the repository README runs."""

from __future__ import annotations

import re
from pathlib import Path
from typing import List

import pytest

from conftest import ROOT

README = ROOT / "README.md"
FENCE = re.compile(r"^```python[^\n]*\n(.*?)^```", re.DOTALL | re.MULTILINE)


def blocks() -> List[str]:
    if not README.is_file():
        return []
    return FENCE.findall(README.read_text(encoding="utf-8"))


BLOCKS = blocks()


if BLOCKS:

    @pytest.mark.parametrize("code", BLOCKS, ids=[f"block{k}" for k in range(len(BLOCKS))])
    def test_readme_block(code: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        # Run inside a scratch directory that mirrors the repository's top level, so relative
        # paths such as examples/... resolve but files written by the example land in tmp_path.
        for entry in ROOT.iterdir():
            if not entry.name.startswith(".") and entry.name != "target":
                (tmp_path / entry.name).symlink_to(entry)
        monkeypatch.chdir(tmp_path)
        exec(compile(code, str(README), "exec"), {"__name__": "__readme__"})

else:

    def test_readme_block() -> None:
        reason = "has no ```python block" if README.is_file() else "does not exist yet"
        pytest.skip(f"{README} {reason}")
