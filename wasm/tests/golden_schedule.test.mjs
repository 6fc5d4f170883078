// Schedule golden cases shared by the Rust, Python and WASM surfaces (written by
// `UPDATE_GOLDEN=1 cargo test -p eculture --test golden_schedule`): tests/golden_schedule/<case>/
// holds input.json (or `"embedded": true` in options.json for the e-Culture strategy),
// options.json and expected.json. Every key of expected.json is recomputed through the JS API
// and compared exactly: floats included (a JSON round trip of an f64 is exact), so a fixed risk
// seed must give the Rust numbers bit for bit. An operation that fails is `{"error": CODE}`.
//
// options.json: {"schedule": {core ScheduleOptions, snake_case}, "what_if": [DurationChange],
// "risk": {"runs", "seed"}}. The schedule options are data here, written as the core serializes
// them; the JS API takes them with camelCase keys, so `jsOptions` renames the top-level keys
// (a calendar object inside keeps its snake_case keys, as in the JS API).
// ECULTURE_GOLDEN_SCHEDULE=<dir> points the test at another directory of cases.
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

import { Strategy, eCulture } from "../pkg/node/index.js";

const GOLDEN =
  process.env.ECULTURE_GOLDEN_SCHEDULE ?? join(dirname(fileURLToPath(import.meta.url)), "..", "..", "tests", "golden_schedule");

/** `near_critical_days` → `nearCriticalDays`, for the top-level keys only. */
const jsOptions = (o) =>
  o && Object.fromEntries(Object.entries(o).map(([k, v]) => [k.replace(/_([a-z])/g, (_, c) => c.toUpperCase()), v]));

/** An operation's result, or the `{error: CODE}` shape of expected.json (extra keys that the
 * expected error object gives, such as `cycle`, are read from the thrown error). Anything that
 * is not an eculture error is rethrown. */
function outcome(fn, want) {
  try {
    return fn();
  } catch (e) {
    if (typeof e?.code !== "string") throw e;
    const keys = want && typeof want === "object" && "error" in want ? Object.keys(want) : ["error"];
    return Object.fromEntries(keys.map((k) => [k, k === "error" ? e.code : (e[k] ?? null)]));
  }
}

/** How each key of expected.json is computed from the strategy and options.json. */
const CHECKS = {
  report: (s, o) => s.schedule(jsOptions(o.schedule)).report(),
  csv: (s, o) => s.schedule(jsOptions(o.schedule)).toCsv(),
  what_if: (s, o) => s.whatIf(o.what_if ?? [], jsOptions(o.schedule)),
  rollout: (s, o) => s.rollout(jsOptions(o.schedule)),
  redundant: (s) => s.redundantDependencies(),
  dsm: (s) => s.dsm(),
  risk: (s, o) => s.risk({ ...jsOptions(o.schedule), ...o.risk }),
};

const cases = existsSync(GOLDEN)
  ? readdirSync(GOLDEN, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name)
      .sort()
  : [];

if (cases.length === 0) {
  test("schedule golden cases", { skip: `no case under ${GOLDEN} yet` }, () => {});
}

for (const name of cases) {
  test(`schedule golden: ${name}`, async (t) => {
    const dir = join(GOLDEN, name);
    const read = (f) => JSON.parse(readFileSync(join(dir, f), "utf8"));
    const options = existsSync(join(dir, "options.json")) ? read("options.json") : {};
    const expected = read("expected.json");
    const s = options.embedded === true ? eCulture() : Strategy.fromJson(readFileSync(join(dir, "input.json"), "utf8"));
    for (const [key, want] of Object.entries(expected)) {
      const check = CHECKS[key];
      if (!check) {
        // A key the JS surface does not compute yet: listed as a todo, not a silent pass.
        await t.test(key, { todo: `no JS check for expected.json key \`${key}\`` }, () => {});
        continue;
      }
      await t.test(key, () => {
        assert.deepStrictEqual(outcome(() => check(s, options), want), want);
      });
    }
    s.free();
  });
}
