"""Large plans use eculture's thread pool; a forked child (multiprocessing's default start
method on Linux before Python 3.14) must get a working pool of its own, not hang on the
parent's, whose threads do not exist in the child."""

from __future__ import annotations

import json
import os
import signal
import time
from pathlib import Path

import pytest

import eculture

from conftest import MINIMAL

# Above both thresholds: parallel JSON parse (4 MiB) and parallel index runs (2 x 16k measures).
N = 40_000


def write_big_plan(path: Path) -> None:
    doc = dict(MINIMAL)
    doc["measures"] = [
        {
            "id": f"m{i:06d}",
            "direction": "P1",
            "title": {"en": f"Measure number {i} of the fork-safety plan, padded to a realistic length"},
            "main_executor": "moc",
            "duration_days": 1 + i % 30,
            "depends_on": [f"m{j:06d}" for j in (i - 1, i - 7, i - 1000) if j >= 0],
        }
        for i in range(N)
    ]
    path.write_text(json.dumps(doc, indent=1), encoding="utf-8")


def wait_for(pid: int, seconds: float) -> int:
    deadline = time.monotonic() + seconds
    while True:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            return status
        if time.monotonic() > deadline:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
            pytest.fail("the forked child hung: it used a thread pool inherited from its parent")
        time.sleep(0.05)


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs os.fork")
@pytest.mark.filterwarnings("ignore::DeprecationWarning")  # 3.12+ warns about fork with threads
def test_a_forked_child_loads_and_validates_a_large_plan(tmp_path: Path) -> None:
    path = tmp_path / "big.json"
    write_big_plan(path)
    assert path.stat().st_size > 4 << 20
    parent = eculture.Strategy.load(path)  # the pool now exists in the parent
    assert parent.validate() == []
    waves = parent.wave_index()

    pid = os.fork()
    if pid == 0:  # the child: report through the exit status only
        code = 1
        try:
            child = eculture.Strategy.load(path)
            ok = child.validate() == [] and (child.wave_index() == waves).all()
            code = 0 if ok else 3
        finally:
            os._exit(code)
    status = wait_for(pid, 120)
    assert os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0

    # and the parent's pool still works
    again = eculture.Strategy.load(path)
    assert again.validate() == [] and again.measure_count == N
