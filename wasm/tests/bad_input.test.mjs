// The bad-input corpus (tests/bad_input, read by the Rust and Python suites too): every
// document is a typed, located error or diagnostic from JS as well — never a foreign exception
// or a crash of the module — and every operation on a document that loads throws only
// eculture errors.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

import { Strategy, EcultureError, ParseError } from "../pkg/node/index.js";

const DIR = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "tests", "bad_input");
const EXPECTED = JSON.parse(readFileSync(join(DIR, "expected.json"), "utf8"));
const BYTES = (f) => (text) => f(new TextEncoder().encode(text));
const LOAD = {
  json: Strategy.fromJson,
  yaml: Strategy.fromYaml,
  toml: Strategy.fromToml,
  xml: BYTES(Strategy.fromMspdi),
  xer: BYTES(Strategy.fromXer),
};

const ops = (s) => [
  () => s.matrix(), () => s.gaps(), () => s.waves(), () => s.topologicalOrder(), () => s.findCycle(),
  () => s.cyclicBlocks(), () => s.dependencies(), () => s.impact("1.1"), () => s.schedule(),
  () => s.whatIf([["1.1", 30]]), () => s.rollout(), () => s.dsm(), () => s.redundantDependencies(),
  () => s.risk({ runs: 20 }), () => s.heatmapSvg(), () => s.ganttSvg(), () => s.reportHtml(),
  () => s.executionRate(), () => s.achievement(), () => s.triage(), () => s.reportingCalendar(),
  () => s.monitoringReport(),
];

test("the corpus is large", () => assert.ok(Object.keys(EXPECTED).length >= 100));

for (const [name, want] of Object.entries(EXPECTED)) {
  test(`bad input: ${name}`, (t) => {
    const bytes = readFileSync(join(DIR, "cases", name));
    if (name.endsWith(".xlsx")) {
      // a workbook is bytes (the full build's fromXlsx); every case is refused on loading
      assert.equal(want.stage, "load");
      assert.throws(() => Strategy.fromXlsx(new Uint8Array(bytes)), (e) => {
        assert.ok(e instanceof ParseError && e instanceof EcultureError, `${e?.name}: ${e?.message}`);
        assert.equal(e.path, want.path, e.message);
        return true;
      });
      return;
    }
    const text = new TextDecoder("utf-8", { fatal: false }).decode(bytes);
    if (text.includes("\uFFFD")) {
      // JS strings are always valid Unicode: a file of invalid UTF-8 cannot reach the module as
      // text (the decoder has already replaced the bad bytes).
      t.skip("not valid UTF-8: undecodable before it reaches eculture");
      return;
    }
    const load = LOAD[name.split(".").pop()];
    if (want.stage === "load") {
      assert.throws(() => load(text), (e) => {
        assert.ok(e instanceof ParseError && e instanceof EcultureError, `${e?.name}: ${e?.message}`);
        if (want.path !== null) assert.equal(e.path, want.path, e.message);
        assert.ok(e.line !== null || e.path !== null, e.message);
        return true;
      });
      return;
    }
    const s = load(text);
    const found = s.validate().filter((d) => d.code === want.code && d.path === want.path && d.severity === want.severity);
    assert.ok(found.length > 0, JSON.stringify(s.validate().map((d) => `${d.severity} ${d.code} ${d.path}`)));
    assert.ok(found[0].line !== null);
    for (const op of ops(s)) {
      try {
        const r = op();
        r?.free?.();
      } catch (e) {
        assert.ok(e instanceof EcultureError, `${name}: a foreign error ${e?.name}: ${e?.message}`);
      }
    }
    s.free();
  });
}

test("NaN and infinity in a plain object are located errors, never absent values", () => {
  const doc = JSON.parse(Strategy.eCulture().toJson());
  for (const [bad, shown] of [[NaN, '"NaN"'], [Infinity, '"inf"'], [-Infinity, '"-inf"']]) {
    const d = structuredClone(doc);
    d.reports[0].entries[0].percent_complete = bad; // optional: null would read as "absent"
    assert.throws(
      () => Strategy.fromObject(d),
      (e) => e.name === "ParseError" && e.path === "reports[0].entries[0].percent_complete" && e.message.includes(shown),
    );
  }
  assert.throws(
    () => Strategy.eCulture().executionRate({ weights: { executed: 1, partially_executed: NaN, not_executed: 0 } }),
    (e) => e.name === "ArgumentError" && e.message.includes('"NaN"'),
  );
  assert.throws(
    () => Strategy.eCulture().executionRate({ weights: { executed: 2, partially_executed: 0.5, not_executed: 0 } }),
    (e) => e.name === "ArgumentError" && e.path === "weights.executed" && e.message.includes("from 0 to 1"),
  );
  // the keys of the weights are data (status names, snake_case): a camelCase one is told so
  assert.throws(
    () => Strategy.eCulture().executionRate({ weights: { executed: 1, partially_executed: 0.5, notExecuted: 0 } }),
    (e) => e.name === "ArgumentError" && e.message.includes("keys here are snake_case: `not_executed`"),
  );
});
