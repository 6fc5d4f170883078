#!/usr/bin/env python3
"""Peak memory of loading a large plan from Python, on a freshly written file and on a file
that has been read before (issue 18).

    .venv/bin/python bench/peak_rss.py [--size 1M] [--runs 5]

The plan is bench/run.py's cached benchmark plan (target/bench-plans; made on first use). Each
run measures, in a new Python process (``subprocess``, never ``fork``: a forked child shares the
parent's pages and would count them), ``eculture.Strategy.load(path)`` plus ``validate()``:

* ``fresh``: the plan is first copied to a new file (written, flushed, not synced), then loaded
  at once — the case where a plan has just been generated or downloaded;
* ``warm``:  the same file loaded again.

Each child prints its VmHWM (peak resident set), its VmRSS after the load and the time. The
table gives every run, so the spread shows; nothing is asserted here (the figures go to
docs/performance.md).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

CHILD = r"""
import json, sys, time
def status(key):
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith(key + ":"):
                return int(line.split()[1]) / 1024.0
    return None
import eculture
before = status("VmHWM")
t = time.perf_counter()
s = eculture.Strategy.load(sys.argv[1])
s.validate()
secs = time.perf_counter() - t
print(json.dumps({"measures": s.measure_count, "secs": secs, "hwm_mb": status("VmHWM"),
                  "rss_mb": status("VmRSS"), "hwm_before_mb": before}))
"""


def parse_size(text: str) -> int:
    text = text.strip().lower()
    mult = {"k": 1_000, "m": 1_000_000}.get(text[-1:], 1)
    return int(float(text.rstrip("km")) * mult)


def plan_path(n: int) -> Path:
    import importlib.util

    spec = importlib.util.spec_from_file_location("bench_run", ROOT / "bench" / "run.py")
    run = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(run)
    plans = run.Plans(ROOT / "target" / "bench-plans", ROOT / "bench", 1)
    return plans.eculture(n, cycle=False)


def child(path: Path) -> dict:
    out = subprocess.run([sys.executable, "-c", CHILD, str(path)], capture_output=True, text=True)
    if out.returncode != 0:
        raise SystemExit("loading %s failed:\n%s" % (path, out.stderr))
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--size", default="1M")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--tmp", default=None, help="folder for the fresh copies (default: beside the plan)")
    a = ap.parse_args()
    src = plan_path(parse_size(a.size))
    folder = Path(a.tmp) if a.tmp else src.parent
    rows = []
    for k in range(a.runs):
        with tempfile.NamedTemporaryFile(dir=folder, suffix=".json", delete=False) as f:
            fresh = Path(f.name)
        try:
            t = time.perf_counter()
            with open(src, "rb") as r, open(fresh, "wb") as w:
                shutil.copyfileobj(r, w, 16 << 20)
            written = time.perf_counter() - t
            rows.append(("fresh", k, child(fresh), written))
            rows.append(("warm", k, child(fresh), None))
        finally:
            os.unlink(fresh)
    print("| run | case | peak (VmHWM) MB | RSS after MB | load + validate s |")
    print("|---:|---|---:|---:|---:|")
    for case, k, r, _ in rows:
        print("| %d | %s | %.0f | %.0f | %.2f |" % (k, case, r["hwm_mb"], r["rss_mb"], r["secs"]))
    for case in ("fresh", "warm"):
        peaks = [r["hwm_mb"] for c, _, r, _ in rows if c == case]
        print("%s: peak median %.0f MB, min %.0f, max %.0f over %d runs" % (
            case, statistics.median(peaks), min(peaks), max(peaks), len(peaks)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
