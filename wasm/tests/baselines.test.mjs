// Named baselines from JavaScript (docs/scheduling.md, "Baselines"): withBaseline(id, taken,
// options) and schedule({baseline}); the core computes every date and variance. The shared
// golden case tests/golden_schedule/pdm_small_baseline is checked by golden_schedule.test.mjs.
import { test } from "node:test";
import assert from "node:assert/strict";

import { Strategy, eCulture, ArgumentError } from "../pkg/node/index.js";

function lengthened(s, id, days) {
  const doc = s.document();
  for (const m of doc.measures) if (m.id === id) m.duration_days = days;
  return Strategy.fromObject(doc);
}

test("a fresh baseline has no variance", () => {
  const b = eCulture().withBaseline("approved", null, { calendar: "weekdays" });
  assert.deepEqual(b.document().baselines.map((x) => [x.id, x.taken]), [["approved", "2024-01-01"]]);
  const recs = b.schedule({ baseline: "approved", calendar: "weekdays" }).toRecords();
  assert.ok(recs.every((r) => r.start_variance_days === 0 && r.finish_variance_days === 0));
  assert.equal(b.schedule().toRecords()[0].baseline_start, undefined);
});

test("a later measure shows negative variance, as in Rust and Python", () => {
  const s = eCulture();
  const first = s.document().measures[0].id;
  const b = s.withBaseline("v1", "2023-10-13");
  assert.equal(b.document().baselines[0].taken, "2023-10-13");
  const base = b.schedule().toRecords().find((r) => r.id === first);
  const later = lengthened(b, first, base.duration + 30);
  const r = later.schedule({ baseline: "v1" }).toRecords().find((x) => x.id === first);
  assert.equal(r.finish_variance_days, -30);
  assert.equal(r.start_variance_days, 0);
  assert.equal(r.baseline_finish, base.early_finish_date);
  assert.match(later.ganttSvg({ baseline: "v1" }), /class="baseline"/);
});

test("an unknown baseline throws ArgumentError with a suggestion", () => {
  const b = eCulture().withBaseline("approved");
  assert.throws(() => b.schedule({ baseline: "aproved" }), (e) =>
    e instanceof ArgumentError && /unknown baseline `aproved`; did you mean `approved`\?/.test(e.message));
  assert.throws(() => eCulture().withBaseline("x", "not a date"), ArgumentError);
});
