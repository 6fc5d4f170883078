"""A smoke run of the benchmark harness (bench/run.py) at 1k measures: every check agrees with
the networkx + pandas peer. The full run (1k..1M) is documented in docs/performance.md."""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT

RUN = ROOT / "bench" / "run.py"
PEER_DIR = Path(os.environ.get("ECULTURE_PEER_DIR", ROOT / "bench"))


def test_bench_smoke_1k(tmp_path: Path) -> None:
    pytest.importorskip("networkx")
    pytest.importorskip("pandas")
    assert (PEER_DIR / "gen_strategy.py").exists() and (PEER_DIR / "peer_networkx.py").exists()
    out = tmp_path / "rows.jsonl"
    proc = subprocess.run(
        [
            sys.executable,
            str(RUN),
            "--sizes",
            "1k",
            "--repeat",
            "1",
            "--no-install",
            "--plans-dir",
            str(tmp_path / "plans"),
            "--peer-dir",
            str(PEER_DIR),
            "--json",
            str(out),
            # cpm runs in test_bench_cpm_1k: its critical path is a known tie (see there).
            "--ops",
            "load,waves,waves_friendly,impact,impact_friendly,transitive_reduction,find_cycle,"
            "cycle_scc,rollup,execution_rate,forecast,peak_memory",
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    rows = {r["op"]: r for r in map(json.loads, out.read_text(encoding="utf-8").splitlines())}
    for op in ("load", "waves", "waves_friendly", "impact", "impact_friendly", "transitive_reduction",
               "find_cycle", "cycle_scc", "rollup", "execution_rate"):
        assert rows[op]["check"] == "OK", rows[op]
        assert rows[op]["eculture_s"] is not None and rows[op]["peer_s"] is not None
    assert rows["impact"]["eculture_check"] == rows["impact"]["peer_check"]
    assert rows["impact_friendly"]["eculture_check"] == rows["impact"]["eculture_check"]
    # the execution rate by direction equals the pandas groupby an analyst writes
    assert rows["execution_rate"]["eculture_check"] == rows["execution_rate"]["peer_check"]
    assert rows["forecast"]["eculture_s"] is not None
    assert rows["peak_memory"]["eculture_s"] > 0 and rows["peak_memory"]["peer_s"] > 0
    assert "all checks agree" in proc.stdout


def test_bench_cpm_1k(tmp_path: Path) -> None:
    """CPM agrees with the peer on every figure, the critical path included: at 1k the network
    has tied critical paths (m000006 13 d -> m000014 17 d vs m000008 9 d -> m000009 12 d ->
    m000010 9 d), and eculture lists first the greedy document-order path, which is the one
    the peer's forward walk (first zero-float successor) finds.
    """
    pytest.importorskip("networkx")
    assert (PEER_DIR / "gen_strategy.py").exists() and (PEER_DIR / "peer_networkx.py").exists()
    out = tmp_path / "rows.jsonl"
    subprocess.run(
        [sys.executable, str(RUN), "--sizes", "1k", "--repeat", "1", "--no-install",
         "--plans-dir", str(tmp_path / "plans"), "--peer-dir", str(PEER_DIR),
         "--json", str(out), "--ops", "cpm"],
        capture_output=True, text=True, timeout=120,
    )
    rows = {r["op"]: r for r in map(json.loads, out.read_text(encoding="utf-8").splitlines())}
    ec, peer = rows["cpm"]["eculture_check"], rows["cpm"]["peer_check"]
    assert ec is not None and peer is not None
    assert set(ec) == set(peer)
    assert ec == peer
    assert ec["project_days"] == ec["critical_path_days"] == 3372


def test_bench_fails_when_a_check_differs(tmp_path: Path) -> None:
    pytest.importorskip("networkx")
    pytest.importorskip("pandas")
    assert (PEER_DIR / "gen_strategy.py").exists()
    # A cached peer check that disagrees with eculture makes the run exit non-zero.
    spec = importlib.util.spec_from_file_location("eculture_bench_run", RUN)
    assert spec is not None and spec.loader is not None
    bench_run = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench_run)

    plans = tmp_path / "plans"
    plans.mkdir()
    (plans / "peer-checks.json").write_text(
        json.dumps({"plan_1000_s1.json:impact": {"sum_descendants": -1}}), encoding="utf-8"
    )
    code = bench_run.main(
        [
            "--sizes",
            "1k",
            "--repeat",
            "0",
            "--no-peer",
            "--ops",
            "impact",
            "--plans-dir",
            str(plans),
            "--peer-dir",
            str(PEER_DIR),
        ]
    )
    assert code == 1
