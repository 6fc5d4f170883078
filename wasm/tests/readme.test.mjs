// Every ```js block of the repository README runs as written, the way a new user runs it: in a
// fresh folder (outside the repository) after `npm install` of the package that
// scripts/build-wasm.sh wrote to wasm/pkg, once from the directory itself (`npm install
// ./wasm/pkg`, as the README says) and once from the tarball of `npm pack`. A block must not
// throw; it may use `node:assert` to state what it shows. The installed package's types are
// checked too: node resolution gives the node build, a bundler's `browser` condition the web one.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const HERE = dirname(fileURLToPath(import.meta.url));
const README = join(HERE, "..", "..", "README.md");
const PKG_DIR = join(HERE, "..", "pkg");
const TSC = join(HERE, "..", "node_modules", "typescript", "bin", "tsc");

const blocks = existsSync(README)
  ? [...readFileSync(README, "utf8").matchAll(/^```(?:js|javascript|mjs)[ \t]*\r?\n([\s\S]*?)^```[ \t]*$/gm)].map(
      (m) => m[1],
    )
  : [];

/** Run a command; fail the test with its output when it exits non-zero. */
function run(cmd, args, cwd, what = `${cmd} ${args.join(" ")}`) {
  const r = spawnSync(cmd, args, { cwd, encoding: "utf8", timeout: 120_000 });
  assert.equal(r.status, 0, `${what} failed (${r.error ?? `exit ${r.status}`}):\n${r.stdout}\n--- stderr ---\n${r.stderr}`);
  return r.stdout;
}

/** npm, offline: the package has no dependencies, so nothing is fetched. */
const npm = (args, cwd) => run("npm", [...args, "--offline", "--no-audit", "--no-fund", "--loglevel=error"], cwd);

/** A fresh folder with `spec` installed the way a user installs it. */
function freshInstall(t, spec) {
  const dir = mkdtempSync(join(tmpdir(), "eculture-readme-"));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  npm(["install", spec], dir);
  return dir;
}

function runBlocks(dir) {
  blocks.forEach((code, k) => {
    const file = join(dir, `block${k + 1}.mjs`);
    writeFileSync(file, code);
    const r = spawnSync(process.execPath, [file], { cwd: dir, encoding: "utf8", timeout: 60_000 });
    assert.equal(r.status, 0, `README js block ${k + 1} failed:\n${code}\n--- stderr ---\n${r.stderr}`);
  });
}

test("wasm/pkg is one npm package named eculture, an ES module with node and browser builds", () => {
  const pkg = JSON.parse(readFileSync(join(PKG_DIR, "package.json"), "utf8"));
  assert.equal(pkg.name, "eculture");
  assert.equal(pkg.type, "module");
  const root = pkg.exports["."];
  for (const [condition, dir] of [["node", "node"], ["browser", "web"], ["default", "web"]]) {
    assert.equal(root[condition].default, `./${dir}/index.js`, condition);
    assert.equal(root[condition].types, `./${dir}/index.d.ts`, condition);
    for (const file of [root[condition].default, root[condition].types]) {
      assert.ok(existsSync(join(PKG_DIR, file)), `${file} exists`);
    }
  }
});

test("README js blocks run from a fresh folder after `npm install <wasm/pkg>`", { skip: blocks.length === 0 && "README.md has no ```js block" }, (t) => {
  const dir = freshInstall(t, PKG_DIR);
  runBlocks(dir);
});

test("`npm pack` of wasm/pkg installs in a fresh folder; README blocks and types work", { skip: blocks.length === 0 && "README.md has no ```js block" }, (t) => {
  const packDir = mkdtempSync(join(tmpdir(), "eculture-pack-"));
  t.after(() => rmSync(packDir, { recursive: true, force: true }));
  npm(["pack", PKG_DIR, "--pack-destination", packDir], packDir);
  const tarballs = readdirSync(packDir).filter((f) => f.endsWith(".tgz"));
  assert.equal(tarballs.length, 1, `one tarball: ${tarballs}`);
  const dir = freshInstall(t, join(packDir, tarballs[0]));
  for (const f of ["node/eculture_wasm.js", "node/eculture_wasm_bg.wasm", "web/eculture_wasm.js", "web/eculture_wasm_bg.wasm"]) {
    assert.ok(existsSync(join(dir, "node_modules", "eculture", f)), `the tarball ships ${f}`);
  }
  runBlocks(dir);

  // Types through the package's exports map, as a TypeScript user resolves them.
  writeFileSync(
    join(dir, "node.mts"),
    'import { eCulture, Strategy } from "eculture";\nconst s: Strategy = eCulture();\nconst n: number = s.waves().length;\nconsole.log(n);\n',
  );
  writeFileSync(
    join(dir, "web.mts"),
    'import init, { eCulture } from "eculture";\nawait init();\nconst n: number = eCulture().waves().length;\nconsole.log(n);\n',
  );
  const common = ["--noEmit", "--strict", "--target", "es2022", "--lib", "es2022,esnext.disposable,dom"];
  run(process.execPath, [TSC, ...common, "--module", "nodenext", "--moduleResolution", "nodenext", "node.mts"], dir, "tsc (node resolution)");
  run(
    process.execPath,
    [TSC, ...common, "--module", "esnext", "--moduleResolution", "bundler", "--customConditions", "browser", "web.mts"],
    dir,
    "tsc (bundler resolution, browser condition)",
  );
});
