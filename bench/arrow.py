#!/usr/bin/env python3
"""The Arrow export of a large schedule against to_pandas() (issue 19, point 4).

    .venv/bin/python bench/arrow.py [--measures 300000]

The plan: gen_strategy.py's plan of --measures measures (seed 1, the --no-start mapping of
bench/plan_to_eculture.py, cached in target/bench-plans, as bench/portfolio.py). The schedule is
computed once (at 1,000,000 measures the generated plan runs past year 9999, which dates cannot show, so the default is 300,000); then, best of 3 after a warm-up, in the same run:
  to_pandas     Schedule.to_pandas()
  arrow         pyarrow.table(schedule)            (the Arrow PyCapsule interface)
  polars        Schedule.to_polars()
  arrow+pandas  pyarrow.table(schedule).to_pandas() (for who wants pandas at Arrow's speed)
The goal: arrow at most half of to_pandas. Prints one table.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
from portfolio import best, plan  # noqa: E402

import eculture  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--measures", type=int, default=300_000)
    args = ap.parse_args()
    import pyarrow

    out = ROOT / "target" / "bench-plans"
    out.mkdir(parents=True, exist_ok=True)
    s = eculture.Strategy.load(str(plan(args.measures, 1, out)))
    sched = s.schedule()
    rows = []
    pandas_s = best(sched.to_pandas)
    rows.append(("to_pandas", pandas_s))
    rows.append(("arrow", best(lambda: pyarrow.table(sched))))
    try:
        import polars  # noqa: F401

        rows.append(("polars", best(sched.to_polars)))
    except ImportError:
        pass
    rows.append(("arrow+pandas", best(lambda: pyarrow.table(sched).to_pandas())))
    print(f"schedule of {args.measures:,} measures, best of 3")
    print(f"{'export':<14}{'seconds':>10}{'÷ to_pandas':>14}")
    for name, t in rows:
        print(f"{name:<14}{t:>10.3f}{t / pandas_s:>14.2f}")


if __name__ == "__main__":
    main()
