#!/usr/bin/env python3
"""MS Project XML (MSPDI) and Primavera P6 XER: eculture writing and reading a large plan against
MPXJ reading the same file, in one process (issue 19, point 6: "a 100,000-measure MSPDI or XER
written and read back within 2x of MPXJ reading the same file").

    .venv/bin/python bench/planners.py [--measures 100000] [--runs 3]

Needs mpxj (16.10.0) and JPype1 with a Java runtime (scripts/test-python.sh installs them).
The plan is bench/gen_strategy.py's (seed 1) mapped by bench/plan_to_eculture.py, scheduled
under the `weekdays` calendar. Timed, best of --runs after a warm-up:
  eculture write        s.to_mspdi(calendar="weekdays") / s.to_xer(...): schedule + file text
  eculture read         Strategy.from_mspdi(bytes) / from_xer(bytes): the file into a strategy
  eculture write + read the two together (the figure the issue compares)
  MPXJ read             UniversalProjectReader().read(path) on the same file (JVM warmed up)
No figure here is asserted by a test; docs/performance.md records them.
"""
import argparse
import os
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)


def best(f, runs=3):
    f()
    ts = []
    for _ in range(runs):
        t = time.perf_counter()
        f()
        ts.append(time.perf_counter() - t)
    return min(ts)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--measures", type=int, default=100_000)
    ap.add_argument("--runs", type=int, default=3)
    a = ap.parse_args()
    import eculture
    import jpype
    import mpxj  # noqa: F401

    jpype.startJVM("-Xmx4g")
    from org.mpxj.reader import UniversalProjectReader
    from plan_to_eculture import convert

    with tempfile.TemporaryDirectory() as d:
        raw, doc = os.path.join(d, "plan.json"), os.path.join(d, "plan.eculture.json")
        subprocess.run([sys.executable, os.path.join(HERE, "gen_strategy.py"), "--measures", str(a.measures),
                        "--seed", "1", "--out", raw], check=True, capture_output=True)
        convert(raw, doc)
        s = eculture.Strategy.load(doc)
        print(f"{a.measures} measures, {len(s.dependencies()):,} relations")
        for fmt in ("mspdi", "xer"):
            write = s.to_mspdi if fmt == "mspdi" else s.to_xer
            read = eculture.Strategy.from_mspdi if fmt == "mspdi" else eculture.Strategy.from_xer
            text = write(calendar="weekdays")
            data = text.encode()
            path = os.path.join(d, "plan." + ("xml" if fmt == "mspdi" else "xer"))
            with open(path, "wb") as f:
                f.write(data)
            back = read(data)
            assert len(back.document()["measures"]) == a.measures
            t_w = best(lambda: write(calendar="weekdays"), a.runs)
            t_r = best(lambda: read(data), a.runs)
            t_m = best(lambda: UniversalProjectReader().read(path), a.runs)
            print(f"{fmt:5} {len(data) / 1e6:7.1f} MB  eculture write {t_w * 1000:8.0f} ms  read {t_r * 1000:8.0f} ms  "
                  f"write+read {(t_w + t_r) * 1000:8.0f} ms  |  MPXJ read {t_m * 1000:8.0f} ms  "
                  f"(eculture write+read / MPXJ read = {(t_w + t_r) / t_m:.2f})")


if __name__ == "__main__":
    main()
