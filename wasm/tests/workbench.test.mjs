// `Strategy.workbench(options)`: what the page's worker shows of a large plan (issue 21), in one
// call, with the same values as the operations of the same names (lists cut to the rows shown).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

import { Strategy, eCulture, gapReasonText } from "../pkg/node/index.js";

const HERE = dirname(fileURLToPath(import.meta.url));

test("workbench: the same values as validate, matrix, gaps, waves, schedule and the pictures", () => {
  const s = eCulture();
  const options = { lang: "az", calendar: "azerbaijan_example", colorBy: "quarter" };
  const w = s.workbench(options);
  assert.equal(w.measures, s.measureCount);
  const diags = s.validate();
  assert.equal(w.diagnostics.total, diags.length);
  assert.equal(w.diagnostics.errors, diags.filter((d) => d.severity === "error").length);
  const sorted = [...diags].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === "error" ? -1 : 1));
  assert.deepEqual(w.diagnostics.first, sorted.slice(0, 300));
  const m = s.matrix();
  assert.deepEqual(w.matrix.ok, { clusters: m.clusters.length, modules: m.modules.length, overall: m.coverage().overall });
  const gaps = s.gaps();
  assert.equal(w.gaps.ok.total, gaps.length);
  assert.deepEqual(
    w.gaps.ok.first,
    gaps.slice(0, 300).map((g) => ({ cluster: g.cluster, module: g.module, reasons: g.reasons.map((r) => gapReasonText(r)) })),
  );
  const waves = s.waves();
  assert.deepEqual(w.waves.ok, { total: waves.length, first: waves.slice(0, 60).map((ids) => ({ size: ids.length, ids: ids.slice(0, 40) })) });
  const sc = s.scheduleWithChanges([], { calendar: "azerbaijan_example" });
  assert.deepEqual(w.schedule.ok, {
    finishDate: sc.finishDate,
    durationDays: sc.durationDays,
    projectStart: sc.projectStart,
    critical: sc.criticalIds.length,
    nearCritical: sc.nearCritical.length,
    paths: sc.criticalPaths.slice(0, 20).map((p) => p.slice(0, 60)),
    late: { total: sc.infeasibleDeadlines.length, first: sc.infeasibleDeadlines.slice(0, 300) },
  });
  assert.equal(w.heatmap.ok, s.heatmapSvg(options));
  assert.equal(w.gantt.ok, s.ganttSvg(options));
});

test("workbench: on a cyclic plan the parts that need an acyclic plan carry the error, the rest is computed", () => {
  const s = Strategy.fromJson(readFileSync(join(HERE, "..", "..", "tests", "golden", "cycle", "input.json"), "utf8"));
  const w = s.workbench(null);
  for (const part of ["waves", "schedule", "gantt"]) {
    assert.equal(w[part].ok, undefined, part);
    assert.equal(w[part].error.name, "CycleError", part);
    assert.ok((w[part].error.diagnostics ?? []).length <= 5, part);
  }
  assert.equal(w.heatmap.ok, s.heatmapSvg(null));
});
