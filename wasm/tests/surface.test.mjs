// One API on every surface: the table of operations (eculture::api::OPERATIONS) against what
// the package exports, the same attributes on every error, readable printing.
import { test } from "node:test";
import assert from "node:assert/strict";
import { inspect } from "node:util";

import * as eculture from "../pkg/node/index.js";

const { operations, eCulture, Strategy, EcultureError, ValidationError, CycleError, ArgumentError, ParseError } = eculture;
const OPS = operations();
const FIELDS = ["code", "path", "location", "line", "column", "source", "format", "id", "kind", "cycle", "diagnostics"];
// wasm-bindgen's own members and JS idiom, not operations of the API.
// `__unwrap`: wasm-bindgen's own static on a class taken by value in a list (Portfolio.fromStrategies).
const IDIOM = new Set(["constructor", "free", "__destroy_into_raw", "__wbg_ptr", "toString", "__unwrap"]);

test("every operation in the table exists in the package, with its kind", () => {
  assert.ok(OPS.length > 60);
  for (const op of OPS) {
    if (op.js === null) continue;
    const where = `${op.on}.${op.js}`;
    if (op.on === "module") {
      assert.equal(typeof eculture[op.js], "function", where);
      continue;
    }
    const cls = eculture[op.on];
    if (op.on === "Diagnostic" || op.on === "MatrixCell") continue; // plain objects in JS
    assert.ok(cls, `${op.on} is exported`);
    if (op.kind === "constructor") {
      assert.equal(typeof cls[op.js], "function", `${where} is a static function`);
      continue;
    }
    const d = Object.getOwnPropertyDescriptor(cls.prototype, op.js);
    assert.ok(d, `${where} is in the table but not in the package`);
    if (op.kind === "property") assert.equal(typeof d.get, "function", `${where} should be a getter`);
    else assert.equal(typeof d.value, "function", `${where} should be a method`);
  }
});

test("every public member of the package is in the table", () => {
  const classes = [...new Set(OPS.map((o) => o.on))].filter((c) => eculture[c] && c !== "module");
  for (const c of classes) {
    const listed = new Set(OPS.filter((o) => o.on === c).map((o) => o.js));
    const statics = Object.getOwnPropertyNames(eculture[c]).filter((n) => !["length", "name", "prototype", "__wrap"].includes(n));
    const members = Object.getOwnPropertyNames(eculture[c].prototype);
    for (const name of [...statics, ...members]) {
      if (IDIOM.has(name)) continue;
      assert.ok(listed.has(name), `${c}.${name} is not in eculture::api::OPERATIONS`);
    }
  }
  const functions = Object.entries(eculture).filter(([n, v]) => typeof v === "function" && !/^[A-Z]/.test(n) && n !== "default");
  const listed = new Set(OPS.filter((o) => o.on === "module").map((o) => o.js));
  for (const [name] of functions) assert.ok(listed.has(name), `${name} is not in the table`);
});

test("errors are one hierarchy with the same attributes as in Python", () => {
  const s = eCulture();
  const caught = [];
  for (const bad of [() => Strategy.fromJson("{"), () => s.impact("6.l"), () => s.schedule({ calendar: "mars" }), () => s.schedule({ near_critcal_days: 1 })]) {
    try {
      bad();
      assert.fail("must throw");
    } catch (e) {
      caught.push(e);
    }
  }
  for (const e of caught) {
    assert.ok(e instanceof EcultureError && e instanceof Error, e.name);
    for (const f of FIELDS) assert.ok(f in e, `${e.name} lacks ${f}`);
  }
  assert.ok(caught[0] instanceof ParseError && caught[0].line === 1);
  assert.ok(caught[1] instanceof ArgumentError);
  assert.match(caught[1].message, /did you mean `6\.1`\?/);
  assert.match(caught[3].message, /unknown option `near_critcal_days`; did you mean `near_critical_days`\?/);
  assert.equal(caught[3].path, "options.near_critcal_days");

  const doc = s.document();
  const dependent = doc.measures.find((m) => (m.depends_on ?? []).length > 0);
  const first = dependent.depends_on[0];
  const prereq = doc.measures.find((m) => m.id === (typeof first === "string" ? first : first.id));
  prereq.depends_on = [...(prereq.depends_on ?? []), { id: dependent.id, type: "SS" }];
  const cyclic = Strategy.fromObject(doc);
  try {
    cyclic.waves();
    assert.fail("must throw");
  } catch (e) {
    assert.ok(e instanceof CycleError && e instanceof ValidationError, "a CycleError is a ValidationError");
    assert.ok(e.cycle.length >= 2 && e.diagnostics.every((d) => d.code === "dependency_cycle"));
  }
});

test("objects serialise with toJSON and print usefully", () => {
  const s = eCulture();
  assert.match(inspect(s), /^Strategy\(id="az-moc-e-culture-2024-2026", directions=10/);
  assert.doesNotMatch(inspect(s), /__wbg_ptr/);
  assert.equal(JSON.parse(JSON.stringify(s)).strategy.id, s.id);
  const m = s.matrix();
  assert.match(inspect(m), /^Matrix\(\d+ clusters x \d+ modules/);
  assert.deepEqual(JSON.parse(JSON.stringify(m)).clusters, m.clusters);
  const sch = s.schedule();
  assert.match(String(sch), /^Schedule\(measures=\d+, duration_days=\d+/);
  assert.equal(JSON.parse(JSON.stringify(sch)).finish_date, sch.finishDate);
  const r = s.rollup();
  assert.match(inspect(r), /^Rollup\(/);
  assert.deepEqual(JSON.parse(JSON.stringify(r)).clusters, r.clusters);
});

test("camelCase and snake_case option keys are the same option; defaults come from the core", () => {
  const s = eCulture();
  assert.deepEqual(s.schedule({ nearCriticalDays: 0 }).nearCritical, s.schedule({ near_critical_days: 0 }).nearCritical);
  assert.deepEqual(s.schedule().toJSON(), s.schedule({}).toJSON());
  assert.deepEqual(s.blocking("graph"), []);
  assert.deepEqual(s.impact("6.1"), s.impact(["6.1"]));
});
