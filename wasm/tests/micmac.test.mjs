// MICMAC from JavaScript (docs/micmac.md): the `Micmac` class against the shared golden file
// tests/golden_micmac/e_culture_direction.json (written by core/tests/micmac.rs, read by the
// Python suite too), its summary, the influences table and its errors, the map.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

import { eCulture, ArgumentError, Micmac } from "../pkg/node/index.js";

const GOLDEN = join(
  dirname(fileURLToPath(import.meta.url)), "..", "..", "tests", "golden_micmac", "e_culture_direction.json",
);
const want = JSON.parse(readFileSync(GOLDEN, "utf8"));

// The core's message for an unknown id in `influences`; py/tests/test_micmac.py checks the same text.
const UNKNOWN_ID = "unknown direction `PX`; did you mean `P1`?";

test("the direction level equals the golden file", () => {
  const m = eCulture().micmac({ level: "direction" });
  assert.ok(m instanceof Micmac);
  assert.deepEqual(m.toJSON(), want);
  assert.deepEqual(JSON.parse(JSON.stringify(m)), want);
  assert.equal(m.level, "direction");
  assert.equal(m.fromTable, false);
  assert.equal(m.power, want.power);
  assert.equal(m.stop, want.stop);
  assert.equal(m.links, want.links);
  assert.equal(m.meanInfluence, want.mean_influence);
  assert.equal(m.meanDependence, want.mean_dependence);
  assert.equal(m.meanIndirectInfluence, want.mean_indirect_influence);
  assert.equal(m.meanIndirectDependence, want.mean_indirect_dependence);
  assert.deepEqual(m.records, want.records);
  assert.deepEqual(m.records[0], want.records[0]);
});

test("toString is the core's summary line, as Python's repr", () => {
  const m = eCulture().micmac({ level: "direction" });
  assert.equal(
    String(m),
    `Micmac(level="direction", entities=${want.records.length}, links=${want.links}, power=${want.power}, stop="${want.stop}")`,
  );
});

test("the default level is measure", () => {
  const s = eCulture();
  const m = s.micmac();
  assert.equal(m.level, "measure");
  assert.equal(m.records.length, s.measureCount);
  assert.deepEqual(s.micmac(null).toJSON(), m.toJSON());
});

test("influences as objects or triples", () => {
  const s = eCulture();
  const triples = s.micmac({ level: "direction", influences: [["P1", "P2", 3], ["P2", "P3", 1]] });
  const objects = s.micmac({
    level: "direction",
    influences: [{ from: "P1", to: "P2", intensity: 3 }, { from: "P2", to: "P3", intensity: 1 }],
  });
  assert.deepEqual(triples.toJSON(), objects.toJSON());
  assert.equal(triples.fromTable, true);
  assert.equal(triples.links, 2);
  const p1 = triples.records.find((r) => r.id === "P1");
  assert.deepEqual([p1.influence, p1.dependence], [3, 0]);
});

test("an unknown id in influences is an ArgumentError with Python's message", () => {
  assert.throws(
    () => eCulture().micmac({ level: "direction", influences: [["P1", "PX", 2]] }),
    (e) => e instanceof ArgumentError && e.message === UNKNOWN_ID && e.path === "influences[0].to",
  );
  assert.throws(() => eCulture().micmac({ level: "cluster" }), ArgumentError);
});

test("the map is SVG", () => {
  const s = eCulture();
  const svg = s.micmacSvg({ level: "direction", lang: "az" });
  assert.ok(svg.startsWith("<svg"));
  assert.equal(svg, s.micmacSvg({ level: "direction", lang: "az" }));
  assert.throws(() => s.micmacSvg({ level: "direction", influences: [["P1", "PX", 2]] }), ArgumentError);
});
