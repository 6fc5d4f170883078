#!/usr/bin/env bash
# Builds the npm package `eculture` into wasm/pkg/ (one directory, installable with
# `npm install ./wasm/pkg` or packed with `npm pack ./wasm/pkg`):
#
#   wasm/pkg/package.json   from wasm/package.template.json (+ the workspace version); its
#                           exports map gives node the node/ build and browsers the web/ build
#   wasm/pkg/node/          wasm-bindgen --target experimental-nodejs-module (ES module, no init)
#   wasm/pkg/web/           wasm-bindgen --target web (ES module; `await init()` first)
#   wasm/www/lean/          the demo page's lean build: `--no-default-features` (JSON only, only
#                           the operations the page calls), web target, plus the embedded default
#                           as e-culture.json, which the page fetches beside the module
#
# Each build has its .d.ts (wasm/src/types.d.ts is embedded in it by the wasm crate). Idempotent;
# runnable from any directory. Installs what it needs when missing: the rust wasm32 target,
# wasm-bindgen-cli at the version in Cargo.lock (about 4 minutes, once) and wasm/node_modules
# (binaryen's wasm-opt, playwright-core, typescript).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export CARGO_TERM_COLOR=never
# A separate target dir: the wasm build enables core's `wasm` feature, which would otherwise
# invalidate the host build's cache on every switch.
export CARGO_TARGET_DIR="$ROOT/target/wasm"
WASM_DIR="$ROOT/wasm"
PKG="$WASM_DIR/pkg"
T0=$SECONDS
step() { echo "=== [wasm build $((SECONDS - T0))s] $*"; }

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
  echo "installing wasm-bindgen-cli $WB_VER (cargo install, about 4 minutes, once)"
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

# Exactly these features: --all-features emits types node 20 rejects (pitfall 3).
OPT=(-Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext
  --enable-mutable-globals --enable-reference-types --enable-multivalue)
# The page's lean build at -O1, not -Oz: measured on 2026-12-07 (docs/performance.md, issue 21),
# -Oz makes the module smaller raw (803 KB against 869 KB) but larger gzipped (the guard's
# measure: 339.8 KB against 307.3 KB), and a 1,000,000-measure plan parses and is analysed
# faster at -O1 (parse and analysis each some 20-30 % in the same run).
PAGE_OPT=(-O1 "${OPT[@]:1}")

# The demo page's lean build, in its own target dir (other features than the package's).
build_page() {
  local target="$ROOT/target/wasm-page" out="$WASM_DIR/www/lean" stage="$WASM_DIR/www/.lean-staging"
  step "cargo build (wasm32, page: --no-default-features)"
  CARGO_TARGET_DIR="$target" cargo build -p eculture-wasm --target wasm32-unknown-unknown \
    --profile wasm-release --no-default-features
  local wasm="$target/wasm32-unknown-unknown/wasm-release/eculture_wasm.wasm"
  local stamp_file="$target/eculture-page.stamp" stamp
  stamp=$(cat "$wasm" "$WASM_DIR"/js/* "$ROOT/core/data/e-culture.json" "$ROOT/scripts/build-wasm.sh" | sha256sum | cut -d' ' -f1)
  if [ -f "$out/index.js" ] && [ -f "$stamp_file" ] && [ "$(cat "$stamp_file")" = "$stamp" ]; then
    echo "wasm/www/lean is up to date"
    return
  fi
  step "wasm-bindgen + wasm-opt (page)"
  rm -rf "$stage"
  wasm-bindgen --target web --remove-name-section --remove-producers-section --out-dir "$stage" "$wasm"
  rm -f "$stage/package.json"
  "$WASM_OPT" "${PAGE_OPT[@]}" "$stage/eculture_wasm_bg.wasm" -o "$stage/eculture_wasm_bg.wasm.opt"
  mv "$stage/eculture_wasm_bg.wasm.opt" "$stage/eculture_wasm_bg.wasm"
  local snippet
  snippet=$(cd "$stage" && find snippets -name idiom.js | head -n 1)
  sed -e "s#@SNIPPET@#$snippet#g" "$WASM_DIR/js/page.template.js" >"$stage/index.js"
  cp "$ROOT/core/data/e-culture.json" "$stage/e-culture.json"
  rm -rf "$out"
  mv "$stage" "$out"
  echo "$stamp" >"$stamp_file"
  local bg="$out/eculture_wasm_bg.wasm"
  echo "wasm/www/lean: wasm raw $(stat -c %s "$bg") B, gzip -9 $(gzip -9c "$bg" | wc -c) B; e-culture.json gzip -9 $(gzip -9c "$out/e-culture.json" | wc -c) B"
}
build_page

# wasm-opt takes most of a minute: skip the packaging when its inputs have not changed since the
# last build (the stamp lives outside the package, in the wasm target dir).
STAMP_FILE="$CARGO_TARGET_DIR/eculture-pkg.stamp"
STAMP=$(cat "$WASM" "$WASM_DIR/package.template.json" "$WASM_DIR/PACKAGE.md" "$WASM_DIR"/js/* "$ROOT/scripts/build-wasm.sh" Cargo.toml |
  sha256sum | cut -d' ' -f1)
if [ -f "$PKG/package.json" ] && [ -f "$STAMP_FILE" ] && [ "$(cat "$STAMP_FILE")" = "$STAMP" ]; then
  echo "wasm/pkg is up to date (remove $STAMP_FILE to force a rebuild)"
  exit 0
fi
rm -f "$STAMP_FILE"

step "wasm-bindgen (web, node) + wasm-opt"
# Build into a staging directory and swap it in at the end, so that an interrupted build never
# leaves a half-written package behind.
STAGE="$WASM_DIR/.pkg-staging"
rm -rf "$STAGE"
mkdir -p "$STAGE"
wasm-bindgen --target web --remove-name-section --remove-producers-section \
  --out-dir "$STAGE/web" "$WASM"
wasm-bindgen --target experimental-nodejs-module --remove-name-section --remove-producers-section \
  --out-dir "$STAGE/node" "$WASM"
# The node target writes its own package.json ({"type": "module"}); the package's one is enough.
rm -f "$STAGE/node/package.json" "$STAGE/web/package.json"
# Each build's entry point: the module plus the error classes of wasm/js/idiom.js, which
# wasm-bindgen copied under snippets/ (the path holds a hash: found, not guessed).
for target in node web; do
  snippet=$(cd "$STAGE/$target" && find snippets -name idiom.js | head -n 1)
  if [ -z "$snippet" ]; then
    echo "error: wasm-bindgen did not copy wasm/js/idiom.js into $STAGE/$target/snippets" >&2
    exit 1
  fi
  default=""
  [ "$target" = web ] && default='export { default } from "./eculture_wasm.js";'
  sed -e "s#@SNIPPET@#$snippet#g" -e "s#@DEFAULT@#$default#" "$WASM_DIR/js/index.template.js" >"$STAGE/$target/index.js"
  sed -e "s#@DEFAULT@#$default#" "$WASM_DIR/js/index.template.d.ts" >"$STAGE/$target/index.d.ts"
done
"$WASM_OPT" "${OPT[@]}" "$STAGE/web/eculture_wasm_bg.wasm" -o "$STAGE/web/eculture_wasm_bg.wasm.opt"
if cmp -s "$STAGE/web/eculture_wasm_bg.wasm" "$STAGE/node/eculture_wasm_bg.wasm"; then
  # Byte-identical before optimisation (pitfall 9): optimise once, copy.
  cp "$STAGE/web/eculture_wasm_bg.wasm.opt" "$STAGE/node/eculture_wasm_bg.wasm"
else
  "$WASM_OPT" "${OPT[@]}" "$STAGE/node/eculture_wasm_bg.wasm" -o "$STAGE/node/eculture_wasm_bg.wasm"
fi
mv "$STAGE/web/eculture_wasm_bg.wasm.opt" "$STAGE/web/eculture_wasm_bg.wasm"

step "package.json (wasm/package.template.json + workspace version)"
VERSION=$(awk '/^\[workspace.package\]/ { p = 1; next } /^\[/ { p = 0 } p && /^version *=/ { gsub(/[^0-9A-Za-z.+-]/, "", $3); print $3; exit }' Cargo.toml)
node -e '
  const fs = require("fs");
  const [template, out, version] = process.argv.slice(1);
  const pkg = JSON.parse(fs.readFileSync(template, "utf8"));
  delete pkg["//"];
  pkg.version = version;
  fs.writeFileSync(out, JSON.stringify(pkg, null, 2) + "\n");
' "$WASM_DIR/package.template.json" "$STAGE/package.json" "$VERSION"
cp "$WASM_DIR/PACKAGE.md" "$STAGE/README.md"
rm -rf "$PKG" "$WASM_DIR/pkg-node" # pkg-node: the layout before the single package
mv "$STAGE" "$PKG"

echo "$STAMP" >"$STAMP_FILE"
BG="$PKG/web/eculture_wasm_bg.wasm"
echo "wasm/pkg: eculture@$VERSION; wasm size: raw $(stat -c %s "$BG") B, gzip -9 $(gzip -9c "$BG" | wc -c) B"
