// The current-state assessment from JavaScript (docs/assessment.md): cells' level, target_level,
// institutions and institutions_reached (the latest as_of), the institution-weighted coverage,
// heatmapSvg({colorBy: "level" | "gap_to_target" | "institutions"}) and the located errors of
// the assessments table. The plan is tests/golden_svg/assessed_plan.json, read by the Rust and
// Python suites too; the core computes every figure.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

import { Strategy } from "../pkg/node/index.js";

const HERE = dirname(fileURLToPath(import.meta.url));
const plan = () =>
  JSON.parse(readFileSync(join(HERE, "..", "..", "tests", "golden_svg", "assessed_plan.json"), "utf8"));

function withExtra(extra) {
  const doc = plan();
  doc.assessments.push({ cluster: "thr", module: "reg", as_of: "2024", ...extra });
  return Strategy.fromObject(doc);
}

test("cells carry the latest assessment and the institutions", () => {
  const m = Strategy.fromObject(plan()).matrix();
  const c = m.cell("lib", "cat");
  assert.deepEqual(
    [c.level, c.target_level, c.institutions, c.institutions_reached, c.as_of],
    [2, 4, 100, 60, "2024-06-30"],
  );
  const thr = m.cell("thr", "reg");
  assert.equal(thr.level, undefined);
  assert.equal(thr.institutions, undefined);
});

test("coverage is weighted by institutions", () => {
  const cov = Strategy.fromObject(plan()).matrix().coverage();
  assert.deepEqual([cov.overall.covered, cov.overall.applicable], [4, 7]);
  assert.deepEqual([cov.overall.weighted_covered, cov.overall.weighted_applicable], [220, 260]);
  assert.ok(Math.abs(cov.overall.weighted_share - 220 / 260) < 1e-12);
  assert.equal(cov.clusters.find((c) => c.id === "thr").weighted_share, null);
});

test("the matrix CSV carries the assessment columns", () => {
  const csv = Strategy.fromObject(plan()).matrix().toCsv();
  assert.ok(csv.includes("\nlib,cat,covered,m1,,100,2,4,60,2024-06-30,Library,Catalogue\n"), csv);
  const az = Strategy.fromObject(plan()).matrix().toCsv("az");
  assert.ok(az.includes("\nlib,reg,covered,m3,,100,,,,,Kitabxana,Reyestr\n"), az);
  assert.throws(() => Strategy.fromObject(plan()).matrix().toCsv("fr"), /not a language/);
});

for (const [extra, code, path] of [
  [{ level: 6 }, "level_out_of_range", "assessments[4].level"],
  [{ level: 1, target_level: 7 }, "level_out_of_range", "assessments[4].target_level"],
  [{ cluster: "mus", level: 1, institutions_reached: 21 }, "reached_exceeds_institutions", "assessments[4].institutions_reached"],
  [{ cluster: "lib", module: "tix", level: 1 }, "assessment_not_applicable", "assessments[4].module"],
  [{ cluster: "thx", level: 1 }, "unknown_reference", "assessments[4].cluster"],
]) {
  test(`${code} at ${path}`, () => {
    const s = withExtra(extra);
    const found = s.validate().filter((d) => d.path.startsWith("assessments") && d.severity === "error");
    assert.deepEqual(found.map((d) => [d.code, d.path]), [[code, path]]);
    assert.equal(s.matrix().cell("lib", "cat").level, 2, "the rest still answers");
    if (code === "unknown_reference") assert.equal(found[0].suggestion, "thr");
  });
}

test("a target below the level is a warning", () => {
  const ws = Strategy.fromObject(plan()).validate().filter((d) => d.path.startsWith("assessments"));
  assert.deepEqual(ws.map((d) => [d.severity, d.code, d.path]), [["warning", "target_below_level", "assessments[3].target_level"]]);
});

test("heatmapSvg colours by level, gap to target or institutions", () => {
  const s = Strategy.fromObject(plan());
  const pics = Object.fromEntries(
    ["state", "level", "gap_to_target", "institutions"].map((by) => [by, s.heatmapSvg({ colorBy: by })]),
  );
  assert.equal(new Set(Object.values(pics)).size, 4);
  assert.ok(pics.level.includes('data-cell="lib|cat" data-state="covered" data-level="2"'));
  assert.ok(pics.level.includes(">2→4<"));
  assert.ok(pics.institutions.includes(">60%<"));
  assert.throws(() => s.heatmapSvg({ colorBy: "maturity" }), /maturity/);
});

test("scheduleCsv names measures, directions and main executors beside their ids", () => {
  const s = Strategy.fromObject(plan());
  const csv = s.scheduleCsv(null, "az");
  const [head, ...rows] = csv.trimEnd().split("\n");
  assert.ok(head.startsWith("id,duration,"));
  assert.ok(head.endsWith(",title,direction,direction_title,main_executor,main_executor_name"), head);
  const m1 = rows.find((r) => r.startsWith("m1,"));
  assert.ok(m1.endsWith(",Library catalogue,D1,Reyestrlər,a,A"), m1);
  assert.equal(s.schedule(null).toCsv().split("\n")[0], head.split(",title,")[0]);
  // a what-if schedule, named the same way
  const changed = s.scheduleCsv(null, "az", [{ id: "m1", days: 5 }]);
  assert.equal(changed.split("\n")[0], head);
  assert.ok(changed.trimEnd().split("\n").find((r) => r.startsWith("m1,")).endsWith(",Library catalogue,D1,Reyestrlər,a,A"));
  assert.notEqual(changed, csv, "the change moves m1");
  const plain = s.scheduleWithChanges([{ id: "m1", days: 5 }], null).toCsv().trimEnd().split("\n");
  changed.trimEnd().split("\n").forEach((row, i) => assert.ok(row.startsWith(`${plain[i]},`), `${row} extends ${plain[i]}`));
});
