#!/usr/bin/env python3
"""Importing an action plan from XLSX: eculture against pandas.read_excel (openpyxl) and a bare
calamine read (python-calamine, the Python binding of the Rust crate eculture reads with), in one
process, on the same file (issue 19, point 6).

    .venv/bin/python bench/spreadsheets.py [--measures 10000]

Needs pandas, openpyxl and python-calamine (`pip install python-calamine`; keep it out of the
test venv: with it installed, pandas warns that its default xlsx engine will change, which the
test suite treats as an error).

The plan is bench/gen_strategy.py's (seed 1) mapped by bench/plan_to_eculture.py and written by
eculture's own `to_xlsx()` (the action-plan sheet in the Decree 1294 layout plus the other
sheets). Timed, best of 3 after a warm-up:
  eculture   Strategy.from_xlsx(bytes): every sheet read, headings recognised, every cell
             typed into the document (and the document checked by serde);
  openpyxl   pandas.read_excel(path, sheet_name=None, engine="openpyxl"): every sheet into
             DataFrames, no interpretation;
  calamine   python_calamine: every sheet's cells as Python lists (the bare read).
The check: eculture's document equals the plan it was written from.
"""
import argparse
import io
import json
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
    ap.add_argument("--measures", type=int, default=10_000)
    a = ap.parse_args()
    import eculture
    import pandas as pd
    import python_calamine
    from plan_to_eculture import convert

    with tempfile.TemporaryDirectory() as d:
        raw, doc = os.path.join(d, "plan.json"), os.path.join(d, "plan.eculture.json")
        subprocess.run([sys.executable, os.path.join(HERE, "gen_strategy.py"), "--measures", str(a.measures),
                        "--seed", "1", "--out", raw], check=True, capture_output=True)
        convert(raw, doc)
        s = eculture.Strategy.load(doc)
        data = s.to_xlsx()
        path = os.path.join(d, "plan.xlsx")
        with open(path, "wb") as f:
            f.write(data)
        assert eculture.Strategy.from_xlsx(data).document() == s.document(), "lossless"

        def calamine():
            wb = python_calamine.CalamineWorkbook.from_filelike(io.BytesIO(data))
            return [wb.get_sheet_by_name(n).to_python() for n in wb.sheet_names]

        t_ec = best(lambda: eculture.Strategy.from_xlsx(data))
        t_cal = best(lambda: calamine())
        t_pd = best(lambda: pd.read_excel(path, sheet_name=None, engine="openpyxl"), runs=1)
    rows = sum(len(x) for x in calamine())
    print(f"{a.measures} measures, {len(data):,} bytes of XLSX, {rows:,} rows")
    print(f"eculture from_xlsx          {t_ec * 1000:9.1f} ms")
    print(f"bare calamine read          {t_cal * 1000:9.1f} ms   eculture / calamine = {t_ec / t_cal:.2f}")
    print(f"pandas.read_excel(openpyxl) {t_pd * 1000:9.1f} ms   openpyxl / eculture = {t_pd / t_ec:.1f}x")


if __name__ == "__main__":
    main()
