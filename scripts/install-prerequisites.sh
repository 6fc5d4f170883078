#!/usr/bin/env bash
# Installs, when missing, the tools that scripts/test needs beyond rustup/cargo, node/npm and
# python3 (which it checks for): the rust wasm32 target, wasm-bindgen-cli at the version in
# Cargo.lock, Chromium for the browser test and a Java runtime for MPXJ (apt-get; needs root). Idempotent: a second run
# does nothing. The node packages (wasm/node_modules) and the Python venv (.venv) are installed by
# scripts/build-wasm.sh and scripts/test-python.sh themselves.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
missing=()
command -v cargo >/dev/null 2>&1 || missing+=("cargo (https://rustup.rs)")
command -v rustup >/dev/null 2>&1 || missing+=("rustup (https://rustup.rs)")
command -v node >/dev/null 2>&1 || missing+=("node 20 or later (with npm)")
command -v npm >/dev/null 2>&1 || missing+=("npm")
python3 -c 'import venv, ensurepip' >/dev/null 2>&1 || missing+=("python3 >= 3.9 with venv (Debian: apt-get install python3-venv)")
if [ ${#missing[@]} -gt 0 ]; then
  printf 'error: scripts/test needs these, which it does not install itself:\n' >&2
  printf '  - %s\n' "${missing[@]}" >&2
  exit 1
fi
NODE_MAJOR=$(node -p 'process.versions.node.split(".")[0]')
if [ "$NODE_MAJOR" -lt 20 ]; then
  echo "error: node $(node --version) is too old; the tests need node 20 or later" >&2
  exit 1
fi

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  rustup target add wasm32-unknown-unknown
fi

WB_VER=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/[^0-9.]/, ""); print; exit }' Cargo.lock)
if [ "$(wasm-bindgen --version 2>/dev/null | awk '{ print $2 }')" != "$WB_VER" ]; then
  echo "installing wasm-bindgen-cli $WB_VER (cargo install, about 4 minutes, once)"
  # No --locked: the CLI's own lockfile pins a crate the index lacks (toolchain.md pitfall 1).
  cargo install wasm-bindgen-cli --version "$WB_VER"
fi

CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"
if [ ! -x "$CHROMIUM" ]; then
  if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
    echo "installing chromium (apt-get, for the browser test of the demo page)"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q -o DPkg::Lock::Timeout=300 chromium >/dev/null
  elif command -v apt-get >/dev/null 2>&1 && command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    echo "installing chromium (sudo apt-get, for the browser test of the demo page)"
    sudo apt-get update -qq
    sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -q -o DPkg::Lock::Timeout=300 chromium >/dev/null
  else
    cat >&2 <<MSG
error: the browser test needs Chromium at $CHROMIUM, and it cannot be installed here
  (apt-get $(command -v apt-get >/dev/null 2>&1 && echo "needs root or passwordless sudo" || echo "is not available")).
  Install Chromium with your package manager and rerun, or point CHROMIUM at a Chromium or
  Chrome binary: CHROMIUM=/path/to/chrome scripts/test
MSG
    exit 1
  fi
  if [ ! -x "$CHROMIUM" ]; then
    echo "error: apt-get installed chromium, but $CHROMIUM does not exist; set CHROMIUM=/path/to/chromium" >&2
    exit 1
  fi
fi
# A Java runtime for MPXJ (py/tests/test_mpxj.py proves the MSPDI and XER files against it).
if ! command -v java >/dev/null 2>&1; then
  if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
    echo "installing a Java runtime (apt-get, for MPXJ in py/tests/test_mpxj.py)"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q -o DPkg::Lock::Timeout=300 default-jre-headless >/dev/null
  elif command -v apt-get >/dev/null 2>&1 && command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    echo "installing a Java runtime (sudo apt-get, for MPXJ in py/tests/test_mpxj.py)"
    sudo apt-get update -qq
    sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -q -o DPkg::Lock::Timeout=300 default-jre-headless >/dev/null
  else
    echo "error: MPXJ's test (py/tests/test_mpxj.py) needs a Java runtime (java on PATH); install one (Debian: default-jre-headless)" >&2
    exit 1
  fi
fi
echo "prerequisites: wasm32 target, wasm-bindgen $WB_VER, $("$CHROMIUM" --version 2>/dev/null | head -n 1 || echo "$CHROMIUM"), node $(node --version)"
