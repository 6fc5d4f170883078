// Columnar results for large plans (issue 4): measure indices cross as typed arrays
// (Uint32Array; descendant counts as Float64Array), and agree with the id-based API.
import { test } from "node:test";
import assert from "node:assert/strict";

import { Strategy, eCulture } from "../pkg/node/index.js";

/** Call `fn`, which must throw an `Error` with these properties. */
function throws(fn, props) {
  let err;
  try {
    fn();
  } catch (e) {
    err = e;
  }
  assert.ok(err instanceof Error, `expected an Error, got ${err}`);
  for (const [k, v] of Object.entries(props)) {
    if (v instanceof RegExp) assert.match(err[k], v, k);
    else assert.deepStrictEqual(err[k], v, `${k} (message: ${err.message})`);
  }
}

const baseDoc = () => JSON.parse(eCulture().toJson());

/** e-Culture with a start-to-start back edge: a cycle, and still a valid document. */
function cyclic() {
  const doc = baseDoc();
  const dependent = doc.measures.find((m) => (m.depends_on ?? []).length > 0);
  const first = dependent.depends_on[0];
  const prereq = doc.measures.find((m) => m.id === (typeof first === "string" ? first : first.id));
  prereq.depends_on = [...(prereq.depends_on ?? []), { id: dependent.id, type: "SS" }];
  return Strategy.fromJson(JSON.stringify(doc));
}

/** e-Culture with a validation error. */
function invalid() {
  const doc = baseDoc();
  doc.measures[1].id = doc.measures[0].id;
  return Strategy.fromJson(JSON.stringify(doc));
}

test("measureCount() and measureId(i) follow document order", () => {
  const s = eCulture();
  const ids = s.document().measures.map((m) => m.id);
  assert.equal(s.measureCount, ids.length);
  ids.forEach((id, i) => assert.equal(s.measureId(i), id));
  for (const bad of [-1, ids.length, 1.5, Number.NaN, Infinity]) {
    throws(() => s.measureId(bad), { name: "ArgumentError", code: "invalid_argument", path: "index" });
  }
  throws(() => s.measureId(ids.length), { message: `measure index ${ids.length} is out of range for ${ids.length} measures` });
});

test("waveIndex() is a Uint32Array agreeing with waves()", () => {
  const s = eCulture();
  const wi = s.waveIndex();
  assert.ok(wi instanceof Uint32Array);
  assert.equal(wi.length, s.measureCount);
  s.waves().forEach((wave, k) => {
    for (const id of wave) assert.equal(wi[s.document().measures.findIndex((m) => m.id === id)], k);
  });
  throws(() => cyclic().waveIndex(), { name: "CycleError", code: "dependency_cycle" });
});

test("orderIndices() is a Uint32Array agreeing with topologicalOrder()", () => {
  const s = eCulture();
  const order = s.orderIndices();
  assert.ok(order instanceof Uint32Array);
  assert.deepEqual(
    Array.from(order, (i) => s.measureId(i)),
    s.topologicalOrder(),
  );
  throws(() => cyclic().orderIndices(), { name: "CycleError", code: "dependency_cycle" });
});

test("impactIndices(ids) is a sorted Uint32Array agreeing with impact()", () => {
  const s = eCulture();
  const ids = ["6.1", "1.1"];
  const idx = s.impactIndices(ids);
  assert.ok(idx instanceof Uint32Array);
  assert.deepEqual([...idx], [...idx].sort((a, b) => a - b), "ascending");
  assert.deepEqual(Array.from(idx, (i) => s.measureId(i)), s.impact(ids), "both in document order");
  assert.equal(s.impactIndices([]).length, 0);
  throws(() => s.impactIndices(["1.1", "no-such-measure"]), { name: "ArgumentError", code: "invalid_argument", path: "ids[1]" });
});

test("descendantCounts(ids) is a Float64Array of per-id impact sizes", () => {
  const s = eCulture();
  const ids = ["6.1", "1.1", "2.1"];
  const counts = s.descendantCounts(ids);
  assert.ok(counts instanceof Float64Array, "plain numbers, not BigInt");
  assert.deepEqual(
    [...counts],
    ids.map((id) => s.impact([id]).length),
  );
  throws(() => s.descendantCounts(["no-such-measure"]), { name: "ArgumentError", path: "ids[0]" });
});

test("rollup() matches the matrix", () => {
  const s = eCulture();
  const r = s.rollup();
  const m = s.matrix();
  assert.deepEqual(Object.keys(r.toJSON()).sort(), ["applicable", "clusters", "executed", "measures", "modules"]);
  assert.ok(r.executed instanceof Uint32Array && r.measures instanceof Uint32Array);
  const share = r.executedShare();
  r.measures.forEach((n, k) => assert.ok(n === 0 ? Number.isNaN(share[k]) : share[k] === r.executed[k] / n));
  assert.deepEqual(r.clusters, m.clusters);
  assert.deepEqual(r.modules, m.modules);
  const status = new Map(s.document().measures.map((x) => [x.id, x.status ?? null]));
  m.cells.forEach((c, k) => {
    assert.equal(r.measures[k], c.measures.length);
    assert.equal(r.applicable[k], c.state !== "not_applicable");
    assert.equal(r.executed[k], c.measures.filter((id) => status.get(id) === "executed").length);
  });
  m.free();
  r.free();
  const fromInvalid = invalid().rollup(); // a duplicate measure id leaves the cells intact
  assert.equal(fromInvalid.measures.length, fromInvalid.clusters.length * fromInvalid.modules.length);
});
