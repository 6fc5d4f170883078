// The scheduling API of the built package (wasm/pkg/node): Strategy.schedule() and the Schedule
// class, whatIf, scheduleWithChanges, rollout, redundantDependencies, dsm and risk. Every
// method has a happy path and an error case. The golden CSVs and float bits of the same plan are
// the shared case tests/golden_schedule/six_measures, checked by golden_schedule.test.mjs.
import { test } from "node:test";
import assert from "node:assert/strict";

import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

import { Strategy, Schedule, eCulture } from "../pkg/node/index.js";

/** A strategy of the given measures (direction `D`, executor `O`, period 2024). */
function plan(measures, period = { start: "2024-01-01", end: "2024-12-31" }) {
  return Strategy.fromJson(
    JSON.stringify({
      strategy: { id: "t", title: { az: "t", en: "t" }, period },
      organizations: [{ id: "O", name: { en: "O" }, kind: "ministry" }],
      directions: [{ id: "D", title: { en: "D" } }],
      measures: measures.map((m) => ({ direction: "D", title: { en: m.id }, main_executor: "O", ...m })),
    }),
  );
}

/** The plan of the shared golden case tests/golden_schedule/six_measures (every relation type,
 * a lag, a lead, a start constraint, a deadline and three-point estimates), whose CSV and risk
 * bits golden_schedule.test.mjs checks on all three surfaces. */
function goldenPlan() {
  const here = dirname(fileURLToPath(import.meta.url));
  return Strategy.fromJson(
    readFileSync(join(here, "..", "..", "tests", "golden_schedule", "six_measures", "input.json"), "utf8"),
  );
}

const RECORD_KEYS = [
  "critical",
  "duration",
  "early_finish",
  "early_finish_date",
  "early_start",
  "early_start_date",
  "free_float",
  "id",
  "late_finish",
  "late_finish_date",
  "late_start",
  "late_start_date",
  "total_float",
].sort();

/** Call `fn`, which must throw an `Error` with these properties; return it. */
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
  return err;
}

/** A valid plan with a two-measure cycle (start-to-start back edge). */
const cyclic = () =>
  plan([
    { id: "a", duration_days: 10, depends_on: [{ id: "b", type: "SS" }] },
    { id: "b", duration_days: 5, depends_on: ["a"] },
  ]);

/** A plan with a validation error (unknown direction). */
const invalid = () => plan([{ id: "a", duration_days: 10, direction: "X" }]);
const duplicate = () => plan([{ id: "a", duration_days: 10 }, { id: "a", duration_days: 5 }]);

// ---- schedule() and the Schedule class ----

test("schedule(): e-Culture records, paths and exports agree", () => {
  const s = eCulture();
  const sch = s.schedule();
  assert.ok(sch instanceof Schedule);
  assert.equal(sch.projectStart, "2024-01-01", "the strategy period start");
  assert.ok(Number.isInteger(sch.durationDays) && sch.durationDays > 0);
  assert.match(sch.finishDate, /^\d{4}-\d{2}-\d{2}$/);

  const records = sch.toRecords();
  assert.equal(records.length, s.measureCount);
  assert.deepEqual(
    records.map((r) => r.id),
    s.document().measures.map((m) => m.id),
    "document order",
  );
  for (const r of records) {
    // `illustrative` is present (true) only on a measure whose schedule fields are invented
    const keys = Object.keys(r).filter((k) => k !== "illustrative").sort();
    assert.deepEqual(keys, RECORD_KEYS, "snake_case keys, as the core serializes");
    if ("illustrative" in r) assert.equal(r.illustrative, true);
    // e-Culture has deadlines it cannot meet, so floats may be negative.
    assert.equal(r.total_float, r.late_finish - r.early_finish);
    assert.equal(r.total_float, r.late_start - r.early_start);
    assert.ok(r.free_float >= 0 && r.free_float <= Math.max(r.total_float, 0));
    assert.equal(r.critical, r.total_float <= 0);
  }
  assert.equal(Math.max(...records.map((r) => r.early_finish)), sch.durationDays);
  assert.deepEqual(sch.record(records[3].id), records[3]);
  assert.throws(() => sch.record("no-such-measure"), { name: "ArgumentError", path: "id" });

  const paths = sch.criticalPaths;
  assert.ok(paths.length >= 1);
  const byId = new Map(records.map((r) => [r.id, r]));
  for (const p of paths) {
    assert.ok(p.every((id) => byId.get(id).critical), "a critical path holds critical measures");
    assert.equal(byId.get(p.at(-1)).early_finish, sch.durationDays, "and ends at the project finish");
  }
  assert.deepEqual(
    sch.criticalIds,
    records.filter((r) => r.critical).map((r) => r.id),
  );
  for (const id of sch.nearCritical) {
    const tf = byId.get(id).total_float;
    assert.ok(tf > 0 && tf <= 5, `${id}: near-critical float ${tf}`);
  }
  for (const d of sch.infeasibleDeadlines) {
    assert.ok(d.days_late > 0 && d.chain.at(-1) === d.id);
    assert.ok(["project_start", "start_constraint"].includes(d.driven_by));
  }

  const report = sch.report();
  assert.equal(report.finish_date, sch.finishDate);
  assert.equal(report.duration_days, sch.durationDays);
  assert.equal(report.unit, "calendar_days");
  assert.deepEqual(report.records, records);
  assert.deepEqual(report.critical_paths, paths);
  assert.deepEqual(report.near_critical, sch.nearCritical);
  assert.deepEqual(report.infeasible_deadlines, sch.infeasibleDeadlines);
  assert.deepEqual(JSON.parse(sch.toJson()), report, "toJson() is the report");
  assert.deepEqual(JSON.parse(JSON.stringify(sch)), report, "JSON.stringify(schedule) writes the report");

  const csv = sch.toCsv().trimEnd().split("\n");
  assert.equal(csv[0], "id,duration,early_start,early_finish,late_start,late_finish,total_float,free_float,critical,early_start_date,early_finish_date,late_start_date,late_finish_date,illustrative");
  assert.equal(csv.length, records.length + 1);
  const mermaid = sch.toMermaid();
  assert.match(mermaid, /^gantt\n/);
  assert.ok(mermaid.includes(":crit,"), "critical measures marked");
  sch.free();
  s.free();
});

test("schedule(): calendar days and the Azerbaijani calendar", () => {
  const s = goldenPlan();
  const sch = s.schedule();
  assert.equal(sch.durationDays, 98);
  assert.equal(sch.finishDate, "2024-04-07");
  assert.deepEqual(sch.criticalPaths, [["design", "procure", "build", "docs", "launch"]]);
  assert.deepEqual(sch.infeasibleDeadlines, []);
  const az = s.schedule({ calendar: "azerbaijan_example" });
  assert.equal(az.report().unit, "working_days");
  assert.match(az.toMermaid(), /\n {4}excludes saturday, sunday\n/);
});

test("schedule(options): start, calendars, thresholds, mustFinishBy, maxCriticalPaths", () => {
  const s = goldenPlan();
  const base = s.schedule({});
  assert.deepEqual(s.schedule(null).report(), base.report(), "null options are the defaults");
  assert.deepEqual(
    s.schedule({ start: null, calendar: null, nearCriticalDays: null }).report(),
    base.report(),
    "null values are the defaults",
  );
  // A later start moves the dates, not the offsets (the start constraint of `build` binds less).
  const later = s.schedule({ start: "2024-01-08" });
  assert.equal(later.projectStart, "2024-01-08");
  assert.equal(later.toRecords()[0].early_start_date, "2024-01-08");

  // A built-in calendar by name equals the same calendar given as data (snake_case keys).
  const weekdays = s.schedule({ calendar: "weekdays" });
  const asData = s.schedule({ calendar: { weekend: ["saturday", "sunday"], holidays: [], extra_working_days: [] } });
  assert.equal(asData.toCsv(), weekdays.toCsv());
  assert.notEqual(weekdays.finishDate, base.finishDate);
  const holiday = s.schedule({ calendar: { weekend: ["saturday", "sunday"], holidays: ["2024-01-03"] } });
  assert.equal(holiday.toRecords()[0].early_finish_date > weekdays.toRecords()[0].early_finish_date, true);

  // `train` has 43 days of float: near-critical only when the threshold reaches it.
  assert.deepEqual(base.nearCritical, []);
  assert.deepEqual(s.schedule({ nearCriticalDays: 43 }).nearCritical, ["train"]);
  assert.ok(s.schedule({ criticalFloatDays: 43 }).criticalIds.includes("train"));

  // P6 "must finish by": the late dates hang from it; an earlier date gives negative float.
  const tight = s.schedule({ mustFinishBy: "2024-03-31" });
  assert.ok(tight.toRecords().some((r) => r.total_float < 0));
  assert.equal(tight.durationDays, base.durationDays, "the early dates do not move");

  // Two tied paths, listed up to the cap.
  const tie = plan([
    { id: "a", duration_days: 5 },
    { id: "b", duration_days: 5 },
    { id: "c", duration_days: 1, depends_on: ["a", "b"] },
  ]);
  assert.deepEqual(tie.schedule().criticalPaths, [["a", "c"], ["b", "c"]]);
  assert.equal(tie.schedule({ maxCriticalPaths: 1 }).criticalPaths.length, 1);
  assert.equal(tie.schedule({ maxCriticalPaths: 1 }).report().critical_paths_truncated, true);
});

test("schedule(options): bad options throw a located ArgumentError", () => {
  const s = goldenPlan();
  const bad = (options, path, message) =>
    throws(() => s.schedule(options), { name: "ArgumentError", code: "invalid_argument", path, location: path, message });
  bad({ nearCritcalDays: 3 }, "options.nearCritcalDays", /unknown option `nearCritcalDays`; did you mean `near_critical_days`\?/);
  bad({ nearCriticalDays: "3" }, "options.nearCriticalDays", /invalid type: string "3", expected a whole number/);
  bad({ start: "2024-13-01" }, "options.start", /2024-13-01/);
  bad({ mustFinishBy: "soon" }, "options.mustFinishBy", /soon/);
  bad({ calendar: "mars" }, "options.calendar", /unknown built-in calendar `mars` \(use `azerbaijan_example`, `weekdays` or a calendar object\)/);
  bad({ calendar: 5 }, "options.calendar", /invalid type: integer `5`/);
  bad({ calendar: { weekend: ["sat"] } }, "options.calendar.weekend[0]", /unknown variant `sat`/);
  bad({ calendar: { weekends: [] } }, "options.calendar.weekends", /unknown field `weekends`/);
  bad({ calendar: { holidays: ["2024-02-30"] } }, "options.calendar.holidays", /2024-02-30/);
  bad(42, "options", /options must be an object, not a number/);
  bad("2024-01-01", "options", /options must be an object, not a string/);
  // the core's snake_case spelling is the same option
  assert.deepEqual(s.schedule({ near_critical_days: 3 }).toJSON(), s.schedule({ nearCriticalDays: 3 }).toJSON());
});

test("schedule(): a calendar with no working day throws ScheduleError", () => {
  const s = goldenPlan();
  const all = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];
  throws(() => s.schedule({ calendar: { weekend: all } }), {
    name: "ScheduleError",
    code: "schedule_error",
    kind: "no_working_days",
    path: "calendar.weekend",
    id: null,
  });
  throws(() => s.schedule({ calendar: { holidays: ["2024-01-03"], extra_working_days: ["2024-01-03"] } }), {
    name: "ScheduleError",
    kind: "conflicting_calendar_day",
    path: "calendar.extra_working_days[0]",
  });
});

test("schedule(): cycles and invalid documents throw CycleError and ValidationError", () => {
  throws(() => cyclic().schedule(), { name: "CycleError", code: "dependency_cycle", cycle: ["a", "b"], path: "measures[0]" });
  // an unknown direction blocks nothing: the schedule is computed beside the diagnostic
  assert.equal(invalid().schedule().durationDays, 10);
  throws(() => duplicate().schedule(), { name: "ValidationError", code: "validation_error", path: "measures[1].id" });
});

test("Schedule methods: dates beyond year 9999 throw ScheduleError (date_out_of_range)", () => {
  const s = plan([
    { id: "a", duration_days: 10 },
    { id: "b", duration_days: 5, depends_on: ["a"] },
  ]);
  const sch = s.schedule({ start: "9999-12-25" });
  assert.equal(sch.durationDays, 15, "offsets are still computed");
  assert.deepEqual(sch.criticalPaths, [["a", "b"]]);
  for (const op of [() => sch.finishDate, () => sch.report(), () => sch.toJson(), () => JSON.stringify(sch)]) {
    throws(op, { name: "ScheduleError", code: "schedule_error", kind: "date_out_of_range", path: "schedule" });
  }
  for (const op of [() => sch.toRecords(), () => sch.record("a"), () => sch.toCsv(), () => sch.toMermaid()]) {
    throws(op, { name: "ScheduleError", kind: "date_out_of_range", path: "measures[0]" });
  }
});

// ---- what-if ----

test("whatIf(): a slip on the critical path moves the finish; the strategy is untouched", () => {
  const s = goldenPlan();
  const before = s.schedule().toCsv();
  const w = s.whatIf([{ id: "build", days: 30 }]);
  assert.deepEqual(w.changes, [{ id: "build", days: 30, kind: "duration" }], "kind defaults to duration");
  assert.equal(w.baseline_duration_days, 98);
  assert.equal(w.duration_days, 128);
  assert.equal(w.finish_delta_days, 30);
  assert.equal(w.baseline_finish_date, "2024-04-07");
  assert.equal(w.finish_date, "2024-05-07");
  assert.deepEqual(w.missed_deadlines, []);
  const fc = new Map(w.float_changes.map((f) => [f.id, f]));
  assert.equal(fc.get("launch").finish_shift, 30);
  assert.equal(fc.has("design"), false, "upstream measures do not move");
  assert.equal(s.schedule().toCsv(), before, "the strategy is not modified");
  assert.equal(s.scheduleWithChanges([{ id: "build", days: 30 }]).durationDays, w.duration_days);

  // Shortening, a start hold-back, and a newly missed deadline (launch is due 2024-05-31).
  assert.equal(s.whatIf([{ id: "build", days: -10 }]).finish_delta_days, -10);
  const held = s.whatIf([{ id: "train", days: 40, kind: "start" }]);
  assert.equal(held.float_changes.find((f) => f.id === "train").start_shift, 40);
  assert.equal(held.finish_delta_days, 0, "train had 43 days of float");
  const late = s.whatIf([{ id: "build", days: 60 }]);
  assert.deepEqual(
    late.missed_deadlines.map((m) => [m.id, m.deadline, m.newly_missed]),
    [["launch", "2024-05-31", true]],
  );
  assert.deepEqual(s.whatIf([]).float_changes, [], "no change, nothing moves");

  // e-Culture: the moved matrix cells.
  const e = eCulture();
  const crit = e.schedule().criticalPaths[0][0];
  const ew = e.whatIf([{ id: crit, days: 30 }], { calendar: "weekdays" });
  assert.equal(ew.finish_delta_days, 30);
  assert.ok(ew.moved_cells.length > 0);
  for (const c of ew.moved_cells) assert.equal(c.delta_days, c.finish - c.baseline_finish);
});

test("whatIf(): unknown ids and malformed changes throw a located ArgumentError", () => {
  const s = goldenPlan();
  const bad = (changes, path, message) =>
    throws(() => s.whatIf(changes), { name: "ArgumentError", code: "invalid_argument", path, message });
  bad([{ id: "build", days: 1 }, { id: "nope", days: 3 }], "changes[1].id", /unknown measure `nope`/);
  bad([{ id: "design", days: -21 }], "changes[0].days", /cannot shorten `design` by 21 days/);
  bad([{ id: "design", days: -1, kind: "start" }], "changes[0].days", /start change/);
  bad([{ id: "design" }], "changes[0]", /missing field `days`/);
  bad([{ id: "design", days: 1, kind: "later" }], "changes[0].kind", /unknown variant `later`/);
  bad([{ id: "design", days: 1, dayz: 2 }], "changes[0].dayz", /unknown field `dayz`/);
  bad({ id: "design", days: 1 }, "changes", /changes must be a list of \{id, days, kind\} objects or \[id, days\] pairs, not an object/);
  bad("design", "changes", /not a string/);
  assert.deepEqual(s.whatIf([["design", 2]]).changes, [{ id: "design", days: 2, kind: "duration" }], "[id, days] pairs");
  throws(() => s.whatIf([], { start: "x" }), { name: "ArgumentError", path: "options.start" });
  throws(() => s.scheduleWithChanges([{ id: "nope", days: 1 }]), { name: "ArgumentError", path: "changes[0].id" });
  throws(() => cyclic().whatIf([]), { name: "CycleError" });
});

// ---- rollout, redundant dependencies, DSM ----

test("rollout(): cells over time and coverage by quarter", () => {
  const s = eCulture();
  const r = s.rollout();
  const m = s.matrix();
  assert.equal(r.project_start, "2024-01-01");
  assert.equal(r.quarters[0].label, "2024-Q1");
  assert.equal(r.cells.length, m.cells.length);
  r.cells.forEach((c, k) => {
    assert.equal(c.cluster, m.cells[k].cluster);
    assert.equal(c.state, m.cells[k].state);
    assert.equal(c.measures, m.cells[k].measures.length);
    assert.equal(c.finish === null, c.measures === 0, "finish is null (never undefined) without measures");
    assert.equal(c.finish_date === null, c.finish === null);
  });
  for (const c of r.clusters) {
    assert.equal(c.delivered.length, r.quarters.length);
    assert.equal(c.share.length, r.quarters.length);
    for (let k = 1; k < c.delivered.length; k += 1) assert.ok(c.delivered[k] >= c.delivered[k - 1], "cumulative");
    for (const sh of c.share) assert.ok(sh === null || (sh >= 0 && sh <= 1));
  }
  assert.notDeepEqual(s.rollout({ calendar: "azerbaijan_example" }).cells, r.cells, "the calendar moves deliveries");
  m.free();
  throws(() => cyclic().rollout(), { name: "CycleError" });
  throws(() => s.rollout({ calendar: "mars" }), { name: "ArgumentError", path: "options.calendar" });
});

test("redundantDependencies(): a dependency implied by a path", () => {
  const s = plan([
    { id: "a", duration_days: 1 },
    { id: "b", duration_days: 1, depends_on: ["a"] },
    { id: "c", duration_days: 1, depends_on: ["a", "b", "b"] },
  ]);
  assert.deepEqual(s.redundantDependencies(), [
    { measure: "c", prerequisite: "a", path: "measures[2].depends_on[0]", relation: "FS", lag_days: 0, reason: "implied_by_path", via: "b", implied_by: ["a", "b", "c"], implied_by_truncated: false, slack_days: 0 },
    { measure: "c", prerequisite: "b", path: "measures[2].depends_on[2]", relation: "FS", lag_days: 0, reason: "duplicate", via: null, implied_by: ["b", "c"], implied_by_truncated: false, slack_days: 0 },
  ]);
  assert.ok(Array.isArray(eCulture().redundantDependencies()));
  throws(() => cyclic().redundantDependencies(), { name: "CycleError", code: "dependency_cycle" });
});

test("dsm(): blocks of a cyclic plan with a suggested cut", () => {
  const d = cyclic().dsm();
  assert.deepEqual(d.order, ["a", "b"]);
  assert.equal(d.blocks.length, 1);
  const [block] = d.blocks;
  assert.deepEqual(block.members, ["a", "b"]);
  assert.deepEqual(block.suggested_cut, {
    measure: "a",
    prerequisite: "b",
    path: "measures[0].depends_on[0]",
    module: null,
    cluster: null,
  });
  assert.equal(block.remaining_cyclic, 0);
  assert.equal(d.feedback_marks, 1);
  const acyclic = eCulture();
  assert.deepEqual(acyclic.dsm().order, acyclic.topologicalOrder(), "acyclic: the topological order");
  throws(() => duplicate().dsm(), { name: "ValidationError", code: "validation_error" });
});

// ---- risk ----

test("risk(): seed 42, 1000 runs: the golden bits (tests/golden_schedule/six_measures), ids and estimates", () => {
  const r = goldenPlan().risk({ runs: 1000, seed: 42 });
  const mc = r.monte_carlo;
  assert.deepEqual([mc.runs, mc.seed, mc.sampling], [1000, 42, "triangular"]);
  assert.deepEqual(r.ids, ["design", "procure", "build", "docs", "train", "launch"]);
  assert.deepEqual(r.has_estimate, [true, true, true, false, true, false]);
});

test("risk(): deterministic per seed, defaults, options", () => {
  const s = goldenPlan();
  const a = s.risk({ runs: 300, seed: 7 });
  assert.deepEqual(s.risk({ runs: 300, seed: 7 }), a, "same seed, same numbers");
  assert.notDeepEqual(s.risk({ runs: 300, seed: 8 }).monte_carlo.mean_days, a.monte_carlo.mean_days);
  const d = s.risk();
  assert.deepEqual([d.monte_carlo.runs, d.monte_carlo.seed], [2000, 1], "defaults");
  assert.deepEqual(s.risk({ runs: 50 }).monte_carlo.seed, 1);
  const az = s.risk({ calendar: "azerbaijan_example", runs: 50 });
  assert.equal(az.deterministic_days, 98, "working days");
  assert.equal(az.strategy_end, "2024-12-31");
});

test("risk(): bad runs, seeds, options and estimates throw", () => {
  const s = goldenPlan();
  throws(() => s.risk({ runs: 0 }), { name: "ArgumentError", code: "invalid_argument", message: /runs must be between 1 and 1000000/ });
  throws(() => s.risk({ run: 10 }), { name: "ArgumentError", path: "options.run", message: /unknown option `run`; did you mean `runs`\?/ });
  throws(() => s.risk({ seed: -1 }), { name: "ArgumentError", path: "options.seed" });
  throws(() => s.risk(5), { name: "ArgumentError", path: "options", message: /options must be an object, not a number/ });
  throws(() => s.risk({ nearCritical: 1 }), { name: "ArgumentError", path: "options.nearCritical", message: /unknown option `nearCritical`/ });
  const bad = plan([{ id: "a", duration_days: 10, estimate: { optimistic: 9, most_likely: 5, pessimistic: 3 } }]);
  throws(() => bad.risk(), { name: "ValidationError", code: "validation_error", path: "measures[0].estimate" });
});

test("methods with no failure of their own throw after free(), never crash the module", () => {
  const s = goldenPlan();
  const sch = s.schedule();
  sch.free();
  for (const op of [
    () => sch.durationDays,
    () => sch.projectStart,
    () => sch.criticalPaths,
    () => sch.criticalIds,
    () => sch.nearCritical,
    () => sch.infeasibleDeadlines,
  ]) {
    assert.throws(op, Error);
  }
  s.free();
  assert.throws(() => s.measureCount, Error);
  assert.equal(goldenPlan().schedule().durationDays, 98, "the module still works");
});
