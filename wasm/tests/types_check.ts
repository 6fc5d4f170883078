// Compiled by `tsc --noEmit` (never run): the generated .d.ts must be valid under `strict` and
// give every result a precise type. Each assignment below fails to compile if a return type
// drifts (or degrades to `any`: see the `IsAny` checks).
import {
    Strategy,
    Matrix,
    Schedule,
    ExecutionRate,
    MonitoringReport,
    Micmac,
    type MicmacData,
    type MicmacRecord,
    type Quadrant,
    PlanDiff,
    type DiffRecord,
    type PlanDiffData,
    type RateRecord,
    type MonitoringReportData,
    type GapReason,
    formatOf,
    gapReasonText,
    nearCriticalDays,
    eCulture,
    jsonSchema,
    type Cell,
    type CellState,
    type Coverage,
    type CoverageReport,
    type DependencyEdge,
    type Diagnostic,
    type Document,
    EcultureError,
    ParseError,
    type MatrixData,
    type Measure,
    type Calendar,
    type DurationChange,
    type Dsm,
    type InfeasibleDeadline,
    type RedundantDependency,
    type Risk,
    type RiskInit,
    type Rollout,
    type Rollup,
    type ScheduleInit,
    type ScheduleRecord,
    type ScheduleReport,
    type WhatIf,
} from "../pkg/node/index.js";

type IsAny<T> = 0 extends 1 & T ? true : false;
type AssertNotAny<T> = IsAny<T> extends true ? never : T;
type Expect<T extends true> = T;

const s: Strategy = eCulture();
const s2: Strategy = Strategy.eCulture();
const fromText: Strategy[] = [Strategy.fromJson(s.toJson()), Strategy.fromYaml(s.toYaml()), Strategy.fromToml(s.toToml())];

const diags: Diagnostic[] = s.validate();
const id: string | null = diags[0]?.id ?? null;
const valid: boolean = s.isValid();

const m: Matrix = s.matrix();
const clusters: string[] = m.clusters;
const modules: string[] = m.modules;
const cells: Cell[] = m.cells;
const state: CellState = cells[0]!.state;
const report: CoverageReport = m.coverage();
const overall: Coverage = report.overall;
const share: number | null = overall.share;
const gaps: Cell[] = m.gaps();
const one: Cell = m.cell("a", "b");
const md: string = m.toMarkdown();
const csv: string = m.toCsv();
const plain: MatrixData = m.toJSON();
// the current-state assessment (docs/assessment.md)
const level: number | undefined = one.level;
const weighted: number | null = overall.weighted_share;
const byLevel: string = s.heatmapSvg({ colorBy: "gap_to_target" });

const order: string[] = s.topologicalOrder();
const waves: string[][] = s.waves();
const impact: string[] = s.impact(["1.1"]);
const ancestors: string[] = s.ancestors(["1.1"]);
const cycle: string[] | null = s.findCycle();
const blocks: string[][] = s.cyclicBlocks();
const edges: DependencyEdge[] = s.dependencies();
const viaModule: string | null = edges[0]?.module ?? null;
const doc: Document = s.document();
const measures: Measure[] | undefined = doc.measures;
const schema: Record<string, unknown> = jsonSchema();

// Scheduling: option keys camelCase, data keys snake_case.
const calendar: Calendar = { weekend: ["saturday", "sunday"], holidays: ["2024-01-01"], extra_working_days: [] };
const init: ScheduleInit = { start: "2024-01-01", calendar, nearCriticalDays: 10, criticalFloatDays: null };
const byName: ScheduleInit = { calendar: "azerbaijan_example" };
const sch: Schedule = s.schedule(init);
const sch2: Schedule = s.schedule();
const sch3: Schedule = s.schedule(byName);
const days: number = sch.durationDays;
const projectStart: string = sch.projectStart;
const finish: string = sch.finishDate;
const records: ScheduleRecord[] = sch.toRecords();
const es: number = records[0]!.early_start;
const esDate: string = records[0]!.early_start_date;
const rec: ScheduleRecord = sch.record("1.1");
const paths: string[][] = sch.criticalPaths;
const criticalIds: string[] = sch.criticalIds;
const near: string[] = sch.nearCritical;
const infeasible: InfeasibleDeadline[] = sch.infeasibleDeadlines;
const chain: string[] = infeasible[0]?.chain ?? [];
const schReport: ScheduleReport = sch.report();
const schPlain: ScheduleReport = sch.toJSON();
const schText: [string, string, string] = [sch.toJson(), sch.toCsv(), sch.toMermaid()];
const changes: DurationChange[] = [{ id: "3.2", days: 30 }, { id: "1.1", days: 5, kind: "start" }];
const whatIf: WhatIf = s.whatIf(changes, init);
const whatIf2: WhatIf = s.whatIf([{ id: "3.2", days: -3 }]);
const newFinish: string = whatIf.finish_date;
const changed: Schedule = s.scheduleWithChanges(changes);
const rollout: Rollout = s.rollout(init);
const cellFinish: number | null = rollout.cells[0]?.finish ?? null;
const quarterShare: (number | null)[] = rollout.clusters[0]?.share ?? [];
const redundant: RedundantDependency[] = s.redundantDependencies();
const via: string | null = redundant[0]?.via ?? null;
const dsm: Dsm = s.dsm();
const cut: string | null = dsm.blocks[0]?.suggested_cut?.path ?? null;
const riskOpts: RiskInit = { runs: 500, seed: 42, calendar: "weekdays" };
const risk: Risk = s.risk(riskOpts);
const risk2: Risk = s.risk();
const p80: number = risk.monte_carlo.percentiles[1]!.days;

// Columnar: typed arrays.
const waveIdx: Uint32Array = s.waveIndex();
const orderIdx: Uint32Array = s.orderIndices();
const impactIdx: Uint32Array = s.impactIndices(["1.1"]);
const counts: Float64Array = s.descendantCounts(["1.1"]);
const nMeasures: number = s.measureCount;
const firstId: string = s.measureId(orderIdx[0]!);
const rollup: Rollup = s.rollup();
const executed: Uint32Array = rollup.executed;
const shares: Float64Array = rollup.executedShare();

try {
    Strategy.fromJson("{");
} catch (e) {
    const err = e as EcultureError;
    const where: [string, string | null, number | null] = [err.code, err.path, err.line];
    const isParse: boolean = e instanceof ParseError && e instanceof EcultureError;
    console.log(isParse);
    console.log(where);
}

type _checks = [
    Expect<IsAny<ReturnType<Strategy["validate"]>> extends false ? true : false>,
    Expect<IsAny<ReturnType<Strategy["document"]>> extends false ? true : false>,
    Expect<IsAny<ReturnType<Matrix["coverage"]>> extends false ? true : false>,
    Expect<IsAny<Matrix["cells"]> extends false ? true : false>,
    Expect<IsAny<ReturnType<typeof jsonSchema>> extends false ? true : false>,
    Expect<IsAny<ReturnType<Schedule["toRecords"]>> extends false ? true : false>,
    Expect<IsAny<ReturnType<Strategy["whatIf"]>> extends false ? true : false>,
    Expect<IsAny<ReturnType<Strategy["risk"]>> extends false ? true : false>,
    Expect<IsAny<ReturnType<Strategy["rollout"]>> extends false ? true : false>,
    Expect<IsAny<ReturnType<Strategy["dsm"]>> extends false ? true : false>,
    Expect<IsAny<ReturnType<Strategy["rollup"]>> extends false ? true : false>,
    Expect<IsAny<Parameters<Strategy["schedule"]>[0]> extends false ? true : false>,
];
const _notAny: AssertNotAny<ReturnType<Strategy["waves"]>> = waves;

// @ts-expect-error option keys are camelCase
s.schedule({ near_critical_days: 3 });
// @ts-expect-error a calendar is an object or a built-in name
s.schedule({ calendar: "mars" });
// @ts-expect-error a change needs `days`
s.whatIf([{ id: "3.2" }]);

// monitoring results are classes: getters, toJSON() as the core's plain data, toString()
const rate: ExecutionRate = s.executionRate({ asOf: "2025-12-31", by: "direction" });
const rateRecords: RateRecord[] = rate.records;
const asOf: string = rate.asOf;
const annual: MonitoringReport = s.monitoringReport({ year: 2025 });
const annualData: MonitoringReportData = annual.toJSON();
const annualMd: string = annual.toMarkdown();
const annualXlsx: Uint8Array = annual.toXlsx();
// executors' workbooks out and back in, the files' names cited by the findings
const books: Record<string, Uint8Array> = s.reportWorkbooks("2025", "az");
const collected: Strategy = s.collectReports(Object.values(books), "2026-01-20", true, ["moc.xlsx"]);
// MICMAC is a class too; influences as objects or triples
const micmac: Micmac = s.micmac({ level: "direction", influences: [["P1", "P2", 3], { from: "P2", to: "P3", intensity: 1 }] });
const micmacRecords: MicmacRecord[] = micmac.records;
const quadrant: Quadrant = micmacRecords[0]!.indirect_quadrant;
const micmacData: MicmacData = micmac.toJSON();
const micmacFromTable: boolean = micmac.fromTable;
const micmacMap: string = s.micmacSvg({ level: "module", lang: "en" });
// the plan diff is a class too
const diff: PlanDiff = s.diff(s, { lang: "az" });
const diffRecords: DiffRecord[] = diff.records;
const diffData: PlanDiffData = diff.toJSON();
const diffEmpty: boolean = diff.isEmpty();
// the page's facts from the core
const reason: GapReason = s.gaps()[0]!.reasons[0]!;
const reasonText: string = gapReasonText(reason);
const nearDays: number = nearCriticalDays();
const format: "json" | "yaml" | "toml" = formatOf("plan.yaml");
console.log(rateRecords, asOf, annualData, annualMd, annualXlsx, collected, quadrant, micmacData, micmacFromTable, micmacMap, reasonText, nearDays, format);

sch.free();
sch2.free();
sch3.free();
changed.free();
m.free();
s2.free();
console.log(shares, days, projectStart, finish, es, esDate, rec, paths, criticalIds, near, chain, schReport, schPlain, schText, whatIf2, newFinish, cellFinish, quarterShare, via, cut, risk2, p80, waveIdx, impactIdx, counts, nMeasures, firstId, executed);
console.log(level, weighted, byLevel);
console.log(fromText, id, valid, clusters, modules, state, share, gaps, one, md, csv, plain, order, impact, ancestors, cycle, blocks, viaModule, schema, _notAny);

// planners' tools (docs/planners.md)
const mspdi: string = s.toMspdi({ calendar: "weekdays" });
const xer: string = s.toXer();
const fromMspdi: Strategy = Strategy.fromMspdi(new TextEncoder().encode(mspdi));
const fromXer: Strategy = Strategy.fromXer(new TextEncoder().encode(xer));
console.log(fromMspdi, fromXer);
