// Monitoring and evaluation, and the pictures, from JavaScript: the cross-surface golden files of
// tests/golden_monitoring (read by the Rust and Python suites too) and the options' errors.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

import { inspect } from "node:util";

import { Strategy, eCulture, percentText, ArgumentError, ExecutionRate, MonitoringReport, Achievement, Triage, ResultsRating } from "../pkg/node/index.js";

const GOLDEN = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "tests", "golden_monitoring");
const cases = readdirSync(GOLDEN).filter((d) => statSync(join(GOLDEN, d)).isDirectory());

/** Floats rounded as the other suites do. */
const round = (v) =>
  v && typeof v === "object" && !Array.isArray(v) && typeof v.toJSON === "function" ? round(v.toJSON())
  : typeof v === "number" && !Number.isInteger(v) ? Math.round(v * 1e9) / 1e9
  : Array.isArray(v) ? v.map(round)
  : v && typeof v === "object" ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, round(x)]))
  : v;

/** The rows a table's `illustrative` column marks (0 without the column). */
function marked(t) {
  const c = t.headers.indexOf("illustrative");
  return c < 0 ? 0 : t.rows.filter((r) => r[c] === "†").length;
}

function report(s) {
  const execution_rate = {};
  for (const by of ["overall", "direction", "main_executor", "cluster", "module", "deadline_year"]) {
    execution_rate[by] = s.executionRate({ asOf: "2025-12-31", by });
  }
  const forecast = s.schedule({ statusDate: "2025-03-01" });
  const mr = s.monitoringReport({ year: 2025 });
  return {
    states_as_of_2025_12_31: s.statesAsOf("2025-12-31"),
    execution_rate,
    execution_rate_no_data_zero: s.executionRate({ asOf: "2025-12-31", noData: "zero" }),
    results_rating_by_direction: s.resultsRating({ asOf: "2025-12-31", by: "direction" }),
    achievement: s.achievement({ asOf: "2025-12-31" }),
    reporting_calendar: s.reportingCalendar({ asOf: "2026-02-01" }),
    forecast_2025_03_01: {
      finish: forecast.finishDate,
      records: forecast.toRecords(),
      infeasible_deadlines: forecast.infeasibleDeadlines,
    },
    triage: s.triage({ asOf: "2026-02-01" }),
    monitoring_report_2025: {
      sections: mr.sections.map((x) => x.title),
      tables: mr.sections.flatMap((x) => x.tables.map((t) => ({ name: t.name, rows: t.rows.length }))),
      notice: mr.notice,
      marked: mr.sections.flatMap((x) => x.tables.map((t) => ({ name: t.name, marked: marked(t) }))),
    },
    provenance: s.provenance(),
  };
}

for (const name of cases) {
  test(`golden monitoring: ${name}`, () => {
    const want = JSON.parse(readFileSync(join(GOLDEN, name, "expected.json"), "utf8"));
    const got = report(Strategy.fromJson(readFileSync(join(GOLDEN, name, "input.json"), "utf8")));
    for (const key of Object.keys(want)) assert.deepStrictEqual(round(got[key]), round(want[key]), key);
  });
}

test("options are checked by the core, with the same messages as in Python", () => {
  const s = eCulture();
  assert.throws(() => s.executionRate({ bx: "direction" }), (e) => e instanceof ArgumentError && /did you mean `by`/.test(e.message));
  assert.throws(() => s.statesAsOf("31.12.2025"), (e) => e instanceof ArgumentError && /not an ISO date/.test(e.message));
  assert.throws(() => s.heatmapSvg({ colourBy: "state" }), (e) => e instanceof ArgumentError && /unknown option `colourBy`/.test(e.message));
});

test("the annual report and the pictures come from the core", () => {
  const s = eCulture();
  const r = s.monitoringReport({ year: 2025 });
  assert.ok(r.toMarkdown().startsWith("# ") && r.toHtml().includes("<html"));
  assert.ok(s.heatmapSvg({ lang: "az", colorBy: "quarter" }).startsWith("<svg"));
  assert.ok(s.ganttSvg({ statusDate: "2025-12-31" }).startsWith("<svg"));
  assert.ok(s.toDot().startsWith("digraph"));
  assert.ok(s.reportHtml().includes("<html"));
  assert.ok(s.gaps().every((g) => g.reasons.length > 0));
});

test("monitoring results are typed objects, printed as in Python", () => {
  const s = eCulture();
  const r = s.executionRate({ asOf: "2025-12-31", by: "direction" });
  assert.ok(r instanceof ExecutionRate);
  assert.equal(r.asOf, "2025-12-31");
  assert.equal(r.by, "direction");
  assert.ok(r.records.length > 1 && "group" in r.records[0]);
  assert.match(String(r), /^ExecutionRate\(as_of=2025-12-31, by="direction", groups=/);
  assert.equal(inspect(r), String(r));
  assert.deepEqual(JSON.parse(JSON.stringify(r)).records.length, r.records.length);
  assert.ok(s.achievement({ asOf: "2025-12-31" }) instanceof Achievement);
  assert.ok(s.resultsRating({ asOf: "2025-12-31" }) instanceof ResultsRating);
  const t = s.triage({ asOf: "2026-02-01" });
  assert.ok(t instanceof Triage && Array.isArray(t.records));
  const mr = s.monitoringReport({ year: 2025 });
  assert.ok(mr instanceof MonitoringReport);
  assert.equal(mr.year, 2025);
  assert.match(String(mr), /^MonitoringReport\(year=2025, as_of=/);
  assert.ok(mr.sections.length > 3 && mr.toJSON().sections.length === mr.sections.length);
});

test("percentages are written by the core, as in the summaries", () => {
  assert.equal(percentText(0.925), "92.5%");
  assert.equal(percentText(null), "n/a");
  assert.equal(percentText(undefined), "n/a");
  const r = eCulture().executionRate(null);
  assert.ok(String(r).includes(`rate=${percentText(r.records[0].rate)},`));
});
