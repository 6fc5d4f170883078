#!/usr/bin/env bash
# Builds the npm package `eculture` into wasm/pkg (scripts/build-wasm.sh: node/ and web/ builds,
# one package.json) and tests it: the TypeScript declarations with tsc, the JS API with node's
# test runner (including the README's js blocks, run from a fresh folder after `npm install` of
# the package), and the demo page (wasm/www) in headless Chromium. Idempotent; runnable from
# any directory.
#
# Needs: rustup, cargo, node + npm, Chromium at /usr/bin/chromium (override with CHROMIUM=...;
# scripts/test installs it). scripts/build-wasm.sh installs the rest.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
WASM_DIR="$ROOT/wasm"
T0=$SECONDS
step() { echo "=== [wasm $((SECONDS - T0))s] $*"; }

step "build wasm/pkg"
bash "$ROOT/scripts/build-wasm.sh"

step "tsc --noEmit (generated .d.ts + typed usage)"
"$WASM_DIR/node_modules/.bin/tsc" -p "$WASM_DIR/tests/tsconfig.json"

step "node --test"
# Explicit files: a bare directory would also pick up browser_test.mjs (it matches *_test.mjs).
node --test "$WASM_DIR"/tests/*.test.mjs

step "native counterpart of the page's worker (release; the large-plan benchmark runs both)"
(cd "$ROOT" && CARGO_TARGET_DIR="$ROOT/target" cargo build -q --release -p eculture-examples --bin page_native)

step "browser"
SHOT="$ROOT/target/screenshot.png" node "$WASM_DIR/tests/browser_test.mjs"

step "browser files: the reports, pictures and workbooks the browser tests below open"
# A build step, not a test: target/pictures (the default's pictures and reports, the probe and
# cycle plans' reports), target/injection (tests/payloads' reports and pictures) and target/sheets
# (an XLSX plan, one with an unreadable cell, a filled-in executor's workbook).
(cd "$ROOT" && CARGO_TARGET_DIR="$ROOT/target" cargo run -q -p eculture-examples --bin browser_files -- "$ROOT")

step "browser: the HTML reports and SVG pictures the core writes"
SHOT="$ROOT/target/screenshot-report.png" node "$WASM_DIR/tests/report_browser_test.mjs"

step "browser: script payloads in the HTML and SVG writers stay text"
node "$WASM_DIR/tests/injection_browser_test.mjs"

step "browser: spreadsheets on the page (XLSX plans, executors' workbooks out and back in)"
SHOT="$ROOT/target/screenshot-workbooks.png" node "$WASM_DIR/tests/sheets_browser_test.mjs"

step "wasm: all passed"
