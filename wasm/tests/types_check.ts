// Compiled by `tsc --noEmit` (never run): the generated .d.ts must be valid under `strict` and
// give every result a precise type. Each assignment below fails to compile if a return type
// drifts (or degrades to `any`: see the `IsAny` checks).
import {
    Strategy,
    Matrix,
    eCulture,
    jsonSchema,
    type Cell,
    type CellState,
    type Coverage,
    type CoverageReport,
    type DependencyEdge,
    type Diagnostic,
    type Document,
    type EcultureError,
    type MatrixData,
    type Measure,
} from "../pkg-node/eculture_wasm.js";

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
const one: Cell | null = m.cell("a", "b");
const md: string = m.toMarkdown();
const csv: string = m.toCsv();
const plain: MatrixData = m.toJSON();

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

try {
    Strategy.fromJson("{");
} catch (e) {
    const err = e as EcultureError;
    const where: [string, string | null, number | null | undefined] = [err.code, err.path, err.line];
    console.log(where);
}

type _checks = [
    Expect<IsAny<ReturnType<Strategy["validate"]>> extends false ? true : false>,
    Expect<IsAny<ReturnType<Strategy["document"]>> extends false ? true : false>,
    Expect<IsAny<ReturnType<Matrix["coverage"]>> extends false ? true : false>,
    Expect<IsAny<Matrix["cells"]> extends false ? true : false>,
    Expect<IsAny<ReturnType<typeof jsonSchema>> extends false ? true : false>,
];
const _notAny: AssertNotAny<ReturnType<Strategy["waves"]>> = waves;

m.free();
s2.free();
console.log(fromText, id, valid, clusters, modules, state, share, gaps, one, md, csv, plain, order, impact, ancestors, cycle, blocks, viaModule, schema, _notAny);
