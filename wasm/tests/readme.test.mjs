// Runs every ```js block of the repository README as an ES module against the built package.
// Convention: README blocks import from "eculture" (the package name), e.g.
//   import { eCulture, Strategy } from "eculture";
// and this test points that specifier at wasm/pkg-node. A block must not throw; it may use
// `node:assert` to state what it shows.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const HERE = dirname(fileURLToPath(import.meta.url));
const README = join(HERE, "..", "..", "README.md");
const PKG = pathToFileURL(join(HERE, "..", "pkg-node", "eculture_wasm.js")).href;

const blocks = existsSync(README)
  ? [...readFileSync(README, "utf8").matchAll(/^```(?:js|javascript|mjs)[ \t]*\r?\n([\s\S]*?)^```[ \t]*$/gm)].map(
      (m) => m[1],
    )
  : [];

if (blocks.length === 0) {
  const why = existsSync(README) ? "README.md has no ```js block" : "no README.md yet";
  test("README js blocks", { skip: why }, () => {});
}

blocks.forEach((code, k) => {
  test(`README js block ${k + 1}`, () => {
    const source = code.replace(/(\bfrom\s*|\bimport\s*\(\s*)(["'])eculture(?:-wasm)?\2/g, `$1$2${PKG}$2`);
    const dir = mkdtempSync(join(tmpdir(), "eculture-readme-"));
    try {
      const file = join(dir, `block${k + 1}.mjs`);
      writeFileSync(file, source);
      const r = spawnSync(process.execPath, [file], { encoding: "utf8", timeout: 60_000 });
      assert.equal(r.status, 0, `block ${k + 1} failed:\n${code}\n--- stderr ---\n${r.stderr}`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
