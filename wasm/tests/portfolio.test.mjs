// A portfolio of programmes from JavaScript (docs/portfolio.md): Portfolio.fromStrategies,
// qualified ids, dependencies across programmes; every strategy operation on `strategy`.
import { test } from "node:test";
import assert from "node:assert/strict";

import { Strategy, Portfolio, ArgumentError } from "../pkg/node/index.js";

function programme(id, measures) {
  return Strategy.fromObject({
    strategy: { id, title: { az: id, en: `Programme ${id}` }, period: { start: "2024-01-01", end: "2026-12-31" } },
    organizations: [{ id: "moc", name: { en: "Ministry of Culture" }, kind: "ministry" }],
    directions: [{ id: "D1", title: { en: "Direction one" } }],
    measures: measures.map(([mid, days, deps]) => ({
      id: mid, direction: "D1", title: { en: mid }, main_executor: "moc", duration_days: days, depends_on: deps,
    })),
  });
}

test("measures depend on other programmes by qualified id, as in Rust and Python", () => {
  const a = programme("A", [["a1", 10, []], ["a2", 5, ["a1"]]]);
  const b = programme("B", [["b1", 3, ["A:a2"]], ["b2", 4, ["b1"]]]);
  assert.ok(b.validate().some((d) => d.code === "external_dependency" && d.severity === "warning"));
  const p = Portfolio.fromStrategies([a, b]);
  assert.deepEqual(p.programmes, ["A", "B"]);
  assert.equal(a.measureCount, 2, "the strategies given stay usable");
  const s = p.strategy;
  assert.equal(s.findCycle(), null);
  const sch = s.schedule();
  assert.equal(sch.durationDays, 22);
  assert.equal(sch.toRecords().find((r) => r.id === "B:b1").early_start, 15);
  assert.deepEqual(s.impact(["A:a1"]), ["A:a2", "B:b1", "B:b2"]);
  assert.ok(p.validate().every((d) => d.severity !== "error"));
  assert.match(String(p), /Portfolio\(id="portfolio", programmes=\["A", "B"\], measures=4\)/);
});

test("a programme given twice is an ArgumentError", () => {
  const a = programme("A", [["a1", 1, []]]);
  assert.throws(() => Portfolio.fromStrategies([a, a]), ArgumentError);
});
