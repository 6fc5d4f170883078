#!/usr/bin/env bash
# Builds the WebAssembly package (wasm/pkg for browsers, wasm/pkg-node for node) and tests it:
# the TypeScript declarations with tsc, the JS API with node's test runner, and the demo page
# (wasm/www) in headless Chromium. Idempotent; runnable from any directory.
#
# Needs: rustup (adds the wasm32 target when missing), cargo, node + npm, /usr/bin/chromium
# (override with CHROMIUM=...). Installs wasm-bindgen-cli at the version in Cargo.lock when
# missing (about 4 minutes, once).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export CARGO_TERM_COLOR=never
# A separate target dir: the wasm build enables core's `wasm` feature, which would otherwise
# invalidate the host build's cache on every switch.
export CARGO_TARGET_DIR="$ROOT/target/wasm"
WASM_DIR="$ROOT/wasm"
T0=$SECONDS
step() { echo "=== [wasm $((SECONDS - T0))s] $*"; }

step "toolchain"
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  rustup target add wasm32-unknown-unknown
fi
WB_VER=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/[^0-9.]/, ""); print; exit }' Cargo.lock)
if [ -z "$WB_VER" ]; then
  echo "error: wasm-bindgen not found in Cargo.lock" >&2
  exit 1
fi
if [ "$(wasm-bindgen --version 2>/dev/null | awk '{ print $2 }')" != "$WB_VER" ]; then
  # No --locked: the CLI's own lockfile pins a crate the index lacks (toolchain.md pitfall 1).
  cargo install wasm-bindgen-cli --version "$WB_VER"
fi

step "node dev dependencies"
(
  cd "$WASM_DIR"
  if [ ! -f package-lock.json ]; then
    npm install --no-audit --no-fund
  elif [ ! node_modules/.package-lock.json -nt package-lock.json ] ||
    [ ! node_modules/.package-lock.json -nt package.json ]; then
    # npm writes node_modules/.package-lock.json on every install: when it is newer than both
    # manifests, node_modules is up to date and the reinstall is skipped.
    npm ci --no-audit --no-fund
  fi
)
# npm binaryen, never Debian's (its wasm-opt 108 corrupts wasm-bindgen output; pitfall 2).
WASM_OPT="$WASM_DIR/node_modules/.bin/wasm-opt"

step "cargo build (wasm32, profile wasm-release)"
cargo build -p eculture-wasm --target wasm32-unknown-unknown --profile wasm-release
WASM="$CARGO_TARGET_DIR/wasm32-unknown-unknown/wasm-release/eculture_wasm.wasm"

step "wasm-bindgen + wasm-opt"
for target in web nodejs; do
  out="$WASM_DIR/pkg"
  [ "$target" = nodejs ] && out="$WASM_DIR/pkg-node"
  rm -rf "$out"
  wasm-bindgen --target "$target" --remove-name-section --remove-producers-section \
    --out-dir "$out" "$WASM"
done
# The two targets' .wasm files are byte-identical (pitfall 9): optimise once, copy.
# Exactly these features: --all-features emits types node 20 rejects (pitfall 3).
"$WASM_OPT" -Oz \
  --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
  --enable-mutable-globals --enable-reference-types --enable-multivalue \
  "$WASM_DIR/pkg/eculture_wasm_bg.wasm" -o "$WASM_DIR/pkg/eculture_wasm_bg.wasm"
cp "$WASM_DIR/pkg/eculture_wasm_bg.wasm" "$WASM_DIR/pkg-node/eculture_wasm_bg.wasm"
# --target nodejs emits CommonJS; wasm/package.json says "type": "module" (pitfall 4).
echo '{"type":"commonjs"}' >"$WASM_DIR/pkg-node/package.json"
BG="$WASM_DIR/pkg/eculture_wasm_bg.wasm"
echo "wasm size: raw $(stat -c %s "$BG") B, gzip -9 $(gzip -9c "$BG" | wc -c) B"

step "tsc --noEmit (generated .d.ts + typed usage)"
"$WASM_DIR/node_modules/.bin/tsc" -p "$WASM_DIR/tests/tsconfig.json"

step "node --test"
# Explicit files: a bare directory would also pick up browser_test.mjs (it matches *_test.mjs).
node --test "$WASM_DIR"/tests/*.test.mjs

step "browser"
SHOT="$ROOT/target/screenshot.png" node "$WASM_DIR/tests/browser_test.mjs"

step "wasm: all passed"
