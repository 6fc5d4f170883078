#!/usr/bin/env bash
# Build the eculture Python package into $ROOT/.venv (maturin develop --release) and run the
# pytest suite in py/tests. Idempotent; runs from any directory. Extra arguments go to pytest.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="$ROOT/.venv"
PY="$VENV/bin/python"
PIP=("$PY" -m pip install -q --disable-pip-version-check)

[ -x "$PY" ] || python3 -m venv "$VENV"

if ! { [ -x "$VENV/bin/maturin" ] && "$PY" -c 'import pytest' 2>/dev/null; }; then
  "${PIP[@]}" 'maturin>=1.9,<2' 'pytest>=8'
fi

# pandas is optional: without it the to_pandas tests skip (pytest.importorskip).
if ! "$PY" -c 'import pandas' 2>/dev/null; then
  "${PIP[@]}" 'pandas>=2' || echo "warning: pandas could not be installed; to_pandas tests will skip" >&2
fi
# openpyxl lets the tests read the annual monitoring report's XLSX back with pandas.
if ! "$PY" -c 'import openpyxl' 2>/dev/null; then
  "${PIP[@]}" 'openpyxl>=3' || echo "warning: openpyxl could not be installed; the XLSX read-back test will skip" >&2
fi
# pyarrow, polars and DuckDB read the results through the Arrow PyCapsule interface
# (py/tests/test_arrow.py).
if ! "$PY" -c 'import pyarrow, polars, duckdb' 2>/dev/null; then
  "${PIP[@]}" 'pyarrow>=14' 'polars>=1' 'duckdb>=1.1' ||
    echo "warning: pyarrow/polars/duckdb could not be installed; the Arrow tests will skip" >&2
fi
# nbclient, nbformat and ipykernel execute the notebook test (py/tests/test_notebook.py).
if ! "$PY" -c 'import nbclient, nbformat, ipykernel' 2>/dev/null; then
  "${PIP[@]}" 'nbclient>=0.10' 'nbformat>=5' 'ipykernel>=6' ||
    echo "warning: nbclient/ipykernel could not be installed; the notebook test will skip" >&2
fi
# MPXJ (with JPype1, which it does not pull in) reads the MSPDI and XER files eculture writes and
# schedules them with its own CPM (py/tests/test_mpxj.py, the proof of docs/planners.md). It
# needs a Java runtime; without one that test fails saying so (scripts/install-prerequisites.sh).
if ! "$PY" -c 'import mpxj, jpype' 2>/dev/null; then
  "${PIP[@]}" 'mpxj==16.10.0' 'JPype1>=1.5' || echo "warning: mpxj/JPype1 could not be installed; test_mpxj.py will fail" >&2
fi
# networkx is the benchmark peer (bench/run.py); without it the 1k smoke run of the harness skips.
# NumPy is a dependency of the package itself: `maturin develop` installs it.
if ! "$PY" -c 'import networkx' 2>/dev/null; then
  "${PIP[@]}" 'networkx>=3' || echo "warning: networkx could not be installed; the benchmark smoke test will skip" >&2
fi

(
  cd "$ROOT/py"
  VIRTUAL_ENV="$VENV" CARGO_TARGET_DIR="$ROOT/target/py" "$VENV/bin/maturin" develop --release -q
)

cd "$ROOT"
"$PY" -m pytest -q -p no:cacheprovider py/tests "$@"
