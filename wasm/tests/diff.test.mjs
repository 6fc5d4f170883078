// Plan diff from JavaScript (docs/diff.md): `diff(other, options)` gives a `PlanDiff` class with
// getters, toMarkdown/toHtml/toSvg, toJSON and toString; the core decides every record.
import { test } from "node:test";
import assert from "node:assert/strict";
import { inspect } from "node:util";

import { Strategy, eCulture, ArgumentError, PlanDiff } from "../pkg/node/index.js";

function amended(s) {
  const doc = s.document();
  for (const m of doc.measures) if (m.id === "7.7") m.deadline = "2026-Q2";
  doc.measures = doc.measures.filter((m) => m.id !== "6.4").reverse(); // reordering is no change
  return Strategy.fromObject(doc);
}

test("a plan against itself has no difference", () => {
  const s = eCulture();
  const d = s.diff(s);
  assert.ok(d instanceof PlanDiff);
  assert.ok(d.isEmpty());
  assert.deepEqual(d.records, []);
  assert.deepEqual(d.matrixChanges, []);
  assert.equal(d.schedule.finish_shift_days, 0);
  assert.match(d.toMarkdown(), /no differences/);
});

test("an amended plan: the records, the matrix and the schedule, as in Rust and Python", () => {
  const s = eCulture();
  const d = s.diff(amended(s), { lang: "az" });
  assert.deepEqual(
    d.records.map((r) => [r.kind, r.entity, r.id, r.field]),
    [
      ["changed", "measure", "7.7", "deadline"],
      ["removed", "measure", "6.4", null],
      ["removed", "dependency", "6.4->3.4", null],
      ["removed", "dependency", "6.4->7.3", null],
    ],
  );
  assert.equal(d.records[0].old, "2026");
  assert.deepEqual(
    d.matrixChanges.map((c) => [c.cluster, c.module, c.old_state, c.new_state]),
    [["museum", "museum_catalogue", "covered", "gap"]],
  );
  assert.equal(d.schedule.deadlines_newly_missed[0].id, "7.7");
  assert.deepEqual(d.matrixBlockedBy, []);
  assert.match(String(d), /^PlanDiff\(old="az-moc-e-culture-2024-2026", new="az-moc-e-culture-2024-2026", added=0, removed=3, changed=1/);
  assert.equal(inspect(d), String(d));
  assert.ok(d.toHtml().startsWith('<div class="eculture-diff">'));
  assert.ok(d.toSvg().startsWith("<svg"));
  assert.deepEqual(JSON.parse(JSON.stringify(d)).records.length, 4);
  assert.deepEqual(d.toJSON().directions, d.directions);
});

test("options are checked by the core", () => {
  const s = eCulture();
  assert.ok(s.diff(s, { calendar: "weekdays" }).isEmpty());
  assert.throws(() => s.diff(s, { lnag: "az" }), (e) => e instanceof ArgumentError && /did you mean `lang`/.test(e.message));
});
