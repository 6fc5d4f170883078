#!/usr/bin/env bash
# The README's Python install, as a new user does it: `pip install ./py` into a fresh venv in a
# temporary folder (pip builds the wheel with maturin, fetched by build isolation), then every
# ```python block of README.md runs from that folder, outside the repository. The Rust build
# keeps its cache in target/py-wheel, so only the first run pays the release build.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TMP="$(mktemp -d "${TMPDIR:-/tmp}/eculture-pip-XXXXXX")"
trap 'rm -rf "$TMP"' EXIT

python3 -m venv "$TMP/venv"
# The README's command, from the repository root.
(
  cd "$ROOT"
  CARGO_TARGET_DIR="$ROOT/target/py-wheel" CARGO_TERM_COLOR=never \
    "$TMP/venv/bin/pip" install -q --disable-pip-version-check ./py
)
"$TMP/venv/bin/python" - "$ROOT/README.md" "$TMP" <<'PY'
import os, re, subprocess, sys
readme, tmp = sys.argv[1], sys.argv[2]
text = open(readme, encoding="utf-8").read()
blocks = re.findall(r"^```python[^\n]*\n(.*?)^```", text, re.DOTALL | re.MULTILINE)
if not blocks:
    sys.exit("README.md has no ```python block")
for k, code in enumerate(blocks, 1):
    path = os.path.join(tmp, f"block{k}.py")
    with open(path, "w", encoding="utf-8") as f:
        f.write(code)
    r = subprocess.run([sys.executable, path], cwd=tmp)
    if r.returncode:
        sys.exit(f"README python block {k} failed (exit {r.returncode}) after `pip install ./py`:\n{code}")
    print(f"ok - README python block {k} (fresh venv, pip install ./py)")
PY
