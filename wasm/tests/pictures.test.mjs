// The pictures are the same bytes on every surface: every case of tests/golden_svg/cases.json (a
// plan, a picture and its options, read here with camelCase method names), drawn from JS, equals
// the golden file the Rust suite checks (and Python draws the same list).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

import { Strategy } from "../pkg/node/index.js";

const GOLDEN = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "tests", "golden_svg");
const { cases } = JSON.parse(readFileSync(join(GOLDEN, "cases.json"), "utf8"));
const camel = (name) => name.replace(/_([a-z])/g, (_, c) => c.toUpperCase());

for (const c of cases) {
  test(`picture ${c.file} is the golden file`, () => {
    const s = Strategy.fromJson(readFileSync(join(GOLDEN, c.plan), "utf8"));
    // the options as a JS caller writes them: camelCase keys
    const options = Object.fromEntries(Object.entries(c.options).map(([k, v]) => [camel(k), v]));
    assert.equal(s[camel(c.picture)](options), readFileSync(join(GOLDEN, c.file), "utf8"));
  });
}

test("a bad what-if change is an ArgumentError located in the options", () => {
  const s = Strategy.fromJson(readFileSync(join(GOLDEN, "plan.json"), "utf8"));
  assert.throws(() => s.ganttSvg({ changes: [["m2"]] }), (e) => e.name === "ArgumentError" && e.path === "options.changes[0]");
  assert.throws(() => s.ganttSvg({ changes: [["nope", 3]] }), (e) => e.name === "ArgumentError" && /unknown measure `nope`/.test(e.message));
});
