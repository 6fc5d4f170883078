// The JS API of the built package (wasm/pkg/node, --target experimental-nodejs-module), end to end.
import { test } from "node:test";
import assert from "node:assert/strict";

import { Strategy, Matrix, eCulture, jsonSchema } from "../pkg/node/index.js";

const depIds = (m) => (m.depends_on ?? []).map((d) => (typeof d === "string" ? d : d.id));

/** The embedded document as a plain object, to derive broken variants from. */
const baseDoc = () => JSON.parse(eCulture().toJson());

/** Call `fn`, which must throw; return the thrown value after checking it is an `Error`. */
function thrown(fn) {
  try {
    fn();
  } catch (e) {
    assert.ok(e instanceof Error, `expected an Error, got ${e}`);
    return e;
  }
  assert.fail("expected an exception");
}

test("embedded e-Culture strategy validates with no error", () => {
  const s = eCulture();
  const diags = s.validate();
  assert.ok(Array.isArray(diags));
  assert.deepEqual(
    diags.filter((d) => d.severity === "error"),
    [],
  );
  for (const d of diags) {
    assert.deepEqual(Object.keys(d).sort(), ["code", "id", "message", "path", "severity"]);
    assert.ok(d.id === null || typeof d.id === "string", "absent id is null, not undefined");
  }
  assert.equal(s.isValid(), true);
  assert.ok(s.document().measures.length >= 100, "100+ measures, as published");
  assert.equal(Strategy.eCulture().toJson(), s.toJson(), "free function and static agree");
  s.free();
});

test("matrix: clusters × modules cells in three states, coverage consistent", () => {
  const s = eCulture();
  const m = s.matrix();
  assert.ok(m instanceof Matrix);
  const { clusters, modules, cells } = m;
  assert.ok(clusters.length > 0 && modules.length > 0);
  assert.equal(cells.length, clusters.length * modules.length);
  cells.forEach((c, k) => {
    assert.equal(c.cluster, clusters[Math.floor(k / modules.length)]);
    assert.equal(c.module, modules[k % modules.length]);
    assert.equal(c.state === "covered", c.measures.length > 0);
  });
  const states = new Set(cells.map((c) => c.state));
  assert.deepEqual([...states].sort(), ["covered", "gap", "not_applicable"]);

  const cov = m.coverage();
  const covered = cells.filter((c) => c.state === "covered").length;
  const gaps = cells.filter((c) => c.state === "gap").length;
  // weighted by the clusters' institutions (docs/assessment.md), from the cells
  const weight = (c) => (c.state === "not_applicable" ? 0 : (c.institutions ?? 0));
  const wApplicable = cells.reduce((a, c) => a + weight(c), 0);
  const wCovered = cells.filter((c) => c.state === "covered").reduce((a, c) => a + weight(c), 0);
  assert.deepEqual(cov.overall, {
    id: "*",
    covered,
    gaps,
    applicable: covered + gaps,
    share: covered / (covered + gaps),
    weighted_covered: wCovered,
    weighted_applicable: wApplicable,
    weighted_share: wCovered / wApplicable,
  });
  assert.equal(cov.clusters.length, clusters.length);
  assert.equal(cov.modules.length, modules.length);
  for (const c of cov.clusters) assert.ok(c.share === null || (c.share >= 0 && c.share <= 1));

  assert.deepEqual(
    m.gaps(),
    cells.filter((c) => c.state === "gap"),
  );
  assert.deepEqual(m.cell(cells[0].cluster, cells[0].module), cells[0]);
  assert.throws(() => m.cell("no-such-cluster", modules[0]), { name: "ArgumentError", path: "cluster", message: /unknown cluster `no-such-cluster`/ });
  assert.deepEqual(JSON.parse(JSON.stringify(m)), { clusters, modules, cells });
  assert.match(m.toMarkdown(), /^\| cluster \|/);
  assert.equal(m.toCsv().split("\n")[0], "cluster,module,state,measures,illustrative,institutions,level,target_level,institutions_reached,as_of,cluster_title,module_title");
  assert.equal(m.toCsv().trimEnd().split("\n").length, cells.length + 1);
  m.free();
  s.free();
});

test("waves partition the measures and respect dependencies", () => {
  const s = eCulture();
  const measures = s.document().measures;
  const waves = s.waves();
  assert.ok(waves.length > 1);
  const flat = waves.flat();
  assert.equal(new Set(flat).size, flat.length, "no measure in two waves");
  assert.deepEqual([...flat].sort(), measures.map((m) => m.id).sort());
  const wave = new Map(waves.flatMap((w, k) => w.map((id) => [id, k])));
  for (const m of measures) {
    for (const d of depIds(m)) assert.ok(wave.get(d) < wave.get(m.id), `${d} before ${m.id}`);
  }
});

test("topological order respects dependencies", () => {
  const s = eCulture();
  const measures = s.document().measures;
  const order = s.topologicalOrder();
  assert.equal(order.length, measures.length);
  const pos = new Map(order.map((id, k) => [id, k]));
  let edges = 0;
  for (const m of measures) {
    for (const d of depIds(m)) {
      assert.ok(pos.get(d) < pos.get(m.id), `${d} before ${m.id}`);
      edges += 1;
    }
  }
  assert.ok(edges > 0, "the plan has dependencies");
  assert.deepEqual(order, s.waves().flat(), "wave by wave");
  assert.equal(s.findCycle(), null);
  assert.deepEqual(s.cyclicBlocks(), []);
});

test("impact and ancestors", () => {
  const s = eCulture();
  const measures = s.document().measures;
  const prereq = measures.find((m) => depIds(m).length > 0);
  const root = depIds(prereq)[0];
  const impact = s.impact([root]);
  assert.ok(impact.includes(prereq.id), "a direct dependent is impacted");
  assert.ok(!impact.includes(root), "the slipped measure itself is excluded");
  const position = new Map(measures.map((m, k) => [m.id, k]));
  assert.deepEqual(impact, [...impact].sort((a, b) => position.get(a) - position.get(b)), "document order");
  for (const id of impact) assert.ok(s.ancestors([id]).includes(root));
  assert.deepEqual(s.impact([]), []);
  const leaf = measures.find((m) => !measures.some((o) => depIds(o).includes(m.id)));
  assert.deepEqual(s.impact([leaf.id]), []);
  assert.ok(s.ancestors([prereq.id]).includes(root));
});

test("dependencies: explicit and derived edges", () => {
  const s = eCulture();
  const measures = s.document().measures;
  const edges = s.dependencies();
  const explicit = edges.filter((e) => !e.derived);
  assert.equal(explicit.length, measures.reduce((n, m) => n + depIds(m).length, 0));
  for (const e of edges) {
    assert.deepEqual(Object.keys(e).sort(), ["cluster", "derived", "from", "lag_days", "module", "relation", "to"]);
    assert.ok(["FS", "SS", "FF", "SF"].includes(e.relation));
    assert.equal(e.module === null, !e.derived, "module only on derived edges, else null");
    assert.equal(e.cluster === null, !e.derived);
  }
  const m = measures.find((x) => depIds(x).length > 0);
  assert.deepEqual(
    explicit.filter((e) => e.to === m.id).map((e) => e.from),
    depIds(m),
  );
});

test("round trips: JSON, YAML, TOML and document()", () => {
  const s = eCulture();
  const json = s.toJson();
  assert.equal(Strategy.fromJson(json).toJson(), json);
  assert.equal(Strategy.fromYaml(s.toYaml()).toJson(), json);
  assert.equal(Strategy.fromToml(s.toToml()).toJson(), json);
  assert.deepEqual(s.document(), JSON.parse(json));
  assert.deepEqual(Strategy.fromJson(json).waves(), s.waves());
});

test("jsonSchema() is the document schema", () => {
  const schema = jsonSchema();
  assert.equal(schema.title, "Document");
  assert.ok(schema.properties.measures);
  assert.ok(schema.$defs.Measure.properties.duration_days);
});

test("malformed JSON throws ParseError with line and column", () => {
  const e = thrown(() => Strategy.fromJson('{\n  "strategy": {,\n}'));
  assert.equal(e.name, "ParseError");
  assert.equal(e.code, "parse_error");
  assert.equal(e.line, 2);
  assert.equal(typeof e.column, "number");
  assert.equal(e.format, "json");
  assert.match(e.location, /^<string>:2:\d+$/);
  assert.match(e.message, /invalid json/);
});

test("malformed YAML and TOML throw ParseError", () => {
  for (const [load, text] of [
    [Strategy.fromYaml, "strategy: [unclosed\n"],
    [Strategy.fromToml, "strategy = {\n"],
  ]) {
    const e = thrown(() => load(text));
    assert.equal(e.name, "ParseError");
    assert.equal(e.code, "parse_error");
    assert.equal(typeof e.line, "number");
  }
});

test("a value of the wrong type throws ParseError with its JSON path", () => {
  const doc = baseDoc();
  doc.measures[0].duration_days = "ten";
  const e = thrown(() => Strategy.fromJson(JSON.stringify(doc, null, 2)));
  assert.equal(e.name, "ParseError");
  assert.equal(e.code, "parse_error");
  assert.equal(e.path, "measures[0].duration_days");
  assert.equal(typeof e.line, "number");
});

test("a dependency cycle throws CycleError with the cycle", () => {
  const doc = baseDoc();
  const dependent = doc.measures.find((m) => depIds(m).length > 0);
  const prereq = doc.measures.find((m) => m.id === depIds(dependent)[0]);
  // Start-to-start, so that the back edge adds a cycle and no deadline error.
  prereq.depends_on = [...(prereq.depends_on ?? []), { id: dependent.id, type: "SS" }];
  const s = Strategy.fromJson(JSON.stringify(doc));
  for (const op of [() => s.topologicalOrder(), () => s.waves()]) {
    const e = thrown(op);
    assert.equal(e.name, "CycleError");
    assert.equal(e.code, "dependency_cycle");
    assert.ok(Array.isArray(e.cycle));
    assert.ok(e.cycle.includes(dependent.id) && e.cycle.includes(prereq.id));
    assert.match(e.path, /^measures\[\d+\]$/);
  }
  const cycle = s.findCycle();
  assert.ok(cycle.includes(dependent.id) && cycle.includes(prereq.id));
  assert.ok(s.cyclicBlocks().length >= 1);
  assert.ok(s.impact([prereq.id]).includes(dependent.id), "impact works on a cyclic plan");
  assert.ok(s.validate().some((d) => d.code === "dependency_cycle" && d.severity === "error"));
  assert.equal(s.isValid(), false);
  s.matrix().free(); // cycles do not stop the matrix
});

test("an unknown id in impact throws ArgumentError", () => {
  const s = eCulture();
  const known = s.document().measures[0].id;
  for (const op of [() => s.impact([known, "no-such-measure"]), () => s.ancestors([known, "no-such-measure"])]) {
    const e = thrown(op);
    assert.equal(e.name, "ArgumentError");
    assert.equal(e.code, "invalid_argument");
    assert.equal(e.path, "ids[1]");
    assert.match(e.message, /`no-such-measure`/);
  }
});

test("errors block only what they make meaningless; the rest is computed", () => {
  const doc = baseDoc();
  doc.measures[1].id = doc.measures[0].id;
  doc.measures[2].direction = "no-such-direction";
  const s = Strategy.fromJson(JSON.stringify(doc));
  assert.equal(s.isValid(), false);
  const errors = s.validate().filter((d) => d.severity === "error");
  assert.ok(errors.some((d) => d.code === "duplicate_id" && d.path === "measures[1].id"));
  assert.ok(errors.some((d) => d.code === "unknown_reference" && d.path === "measures[2].direction"));
  s.matrix().free(); // a duplicate measure id and an unknown direction leave the cells intact
  for (const op of [() => s.waves(), () => s.impact([]), () => s.findCycle()]) {
    const e = thrown(op);
    assert.equal(e.name, "ValidationError");
    assert.equal(e.code, "validation_error");
    // only the diagnostics that block the graph, not the unknown direction
    assert.ok(e.diagnostics.some((d) => d.code === "duplicate_id"));
    assert.ok(!e.diagnostics.some((d) => d.path === "measures[2].direction"), "an unknown direction blocks nothing");
    assert.equal(e.path, e.diagnostics[0].path);
  }
  assert.equal(s.document().measures.length, doc.measures.length, "an invalid document still loads");
});

test("wrong argument types from JS are rejected, not crashing the module", () => {
  const s = eCulture();
  assert.deepStrictEqual(s.impact("1.1"), s.impact(["1.1"]), "a bare string is one id");
  assert.throws(() => s.impact(42));
  assert.throws(() => Strategy.fromJson(42));
  assert.ok(s.isValid(), "the instance still works afterwards");
});
