#!/usr/bin/env python3
"""A portfolio against one plan of the same size, in one process (issue 22, point 3).

    .venv/bin/python bench/portfolio.py [--programmes 50] [--measures 20000]

Plans: the single plan is gen_strategy.py's plan of programmes x measures measures (seed 1,
--no-start mapping of bench/plan_to_eculture.py, cached in target/bench-plans); the programmes
are gen_strategy.py plans of --measures measures with seeds 1..programmes, each mapped the same
way and given the strategy id ``p<k>``; measure 0 of programme k > 1 also depends on the last
measure of programme k-1 (a qualified id), so the portfolio is one network across programmes.

The programme files and a portfolio file listing them are written once under
target/bench-plans/portfolio_<P>x<M>/. Timed (best of 3 after a warm-up, as bench/run.py), from
the files, as a user meets them:
  one plan   Strategy.load(file) + validate() + schedule() + execution_rate(by="direction")
  portfolio  Portfolio.load(portfolio.json) + validate() + schedule()
             + execution_rate(by="programme")
The goal: portfolio / one plan at most 1.5. Prints one table.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
import plan_to_eculture  # noqa: E402

import eculture  # noqa: E402


def plan(n: int, seed: int, out_dir: Path) -> Path:
    neutral = out_dir / f"plan_{n}_s{seed}.json"
    doc = out_dir / f"plan_{n}_s{seed}.nostart.eculture.json"
    if not doc.exists():
        if not neutral.exists():
            subprocess.run([sys.executable, str(HERE / "gen_strategy.py"), "--measures", str(n),
                            "--seed", str(seed), "--out", str(neutral)], check=True)
        plan_to_eculture.convert(str(neutral), str(doc), no_start=True)
    return doc


def best(fn, repeat: int = 3) -> float:
    fn()
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--programmes", type=int, default=50)
    ap.add_argument("--measures", type=int, default=20_000)
    ap.add_argument("--plans-dir", default=str(ROOT / "target" / "bench-plans"))
    a = ap.parse_args()
    out = Path(a.plans_dir)
    out.mkdir(parents=True, exist_ok=True)
    total = a.programmes * a.measures

    one_file = plan(total, 1, out)
    folder = out / f"portfolio_{a.programmes}x{a.measures}"
    folder.mkdir(exist_ok=True)
    index = folder / "portfolio.json"
    if not index.exists():
        prev_last = None
        for k in range(1, a.programmes + 1):
            d = json.loads(plan(a.measures, k, out).read_text(encoding="utf-8"))
            d["strategy"]["id"] = f"p{k}"
            if prev_last is not None:
                d["measures"][0].setdefault("depends_on", []).append(prev_last)
            prev_last = f"p{k}:" + d["measures"][-1]["id"]
            (folder / f"p{k}.json").write_text(json.dumps(d), encoding="utf-8")
        progs = [{"path": f"p{k}.json"} for k in range(1, a.programmes + 1)]
        index.write_text(json.dumps({"portfolio": {"id": "bench"}, "programmes": progs}))

    def one_plan() -> None:
        s = eculture.Strategy.load(str(one_file))
        s.validate()
        s.schedule()
        s.execution_rate(by="direction")

    def portfolio() -> None:
        p = eculture.Portfolio.load(str(index))
        p.validate()
        p.schedule()
        p.execution_rate(by="programme")

    t_one = best(one_plan)
    t_port = best(portfolio)
    p = eculture.Portfolio.load(str(index))
    assert len(p.strategy.measure_ids) == total
    assert p.find_cycle() is None
    print(f"{'what (load + validate + schedule + rate)':<48}{'seconds':>10}")
    print(f"{'one plan of %d measures' % total:<48}{t_one:>10.3f}")
    print(f"{'portfolio of %d programmes of %d' % (a.programmes, a.measures):<48}{t_port:>10.3f}")
    print(f"{'ratio portfolio / one plan (goal <= 1.5)':<48}{t_port / t_one:>10.2f}")


if __name__ == "__main__":
    main()
