/* Naming convention of this package:
 * - methods are camelCase (`strategy.whatIf(...)`, `schedule.toRecords()`);
 * - the keys of option objects are camelCase too (`strategy.schedule({nearCriticalDays: 10})`);
 * - data keeps the core's serde keys, snake_case, in both directions: the document, a calendar
 *   object, the changes given to `whatIf`, and every result (`record.early_start`,
 *   `report.critical_paths`), so that the JSON of a result is identical from Rust, Python and JS
 *   and the shared golden files compare byte for byte.
 * Absent values are `null`, never `undefined`. Schedules count integer day offsets from the
 * project start (working days under a calendar), finish offsets are exclusive, dates are ISO
 * `YYYY-MM-DD` strings. Columnar methods return typed arrays of measure indices (positions in
 * `document().measures`; `measureId(i)` maps one back).
 *
 * Types of the strategy document, as returned by `Strategy.document()`: the shape of the JSON
 * file (see `jsonSchema()`). Written by hand after core/src/model.rs; wasm/tests/types.test.mjs
 * checks every type and property against the JSON Schema generated from the core types. */

/** A year (`2025`), quarter (`"2025-Q3"`), month (`"2025-06"`) or date (`"2025-06-30"`). */
export type PeriodRef = number | string;

/** A text in several languages. */
export interface Text {
    az?: string;
    en?: string;
    ru?: string;
}

/** A whole strategy document. */
export interface Document {
    $schema?: string;
    strategy: StrategyInfo;
    organizations?: Organization[];
    directions?: Direction[];
    clusters?: Cluster[];
    modules?: Module[];
    measures?: Measure[];
    indicators?: Indicator[];
}

/** Identity and governance of the strategy. */
export interface StrategyInfo {
    id: string;
    title: Text;
    period: Period;
    approved_by?: Act;
    legal_basis?: Act[];
    coordinating_body?: string;
    monitoring_body?: string;
    goals?: Goal[];
    source?: string;
    illustrative?: boolean;
}

/** A closed period. */
export interface Period {
    start: PeriodRef;
    end: PeriodRef;
}

/** A legal or administrative act. */
export interface Act {
    body?: string;
    kind?: string;
    number?: string;
    date?: PeriodRef;
    title?: Text;
    source?: string;
}

/** A strategic goal. */
export interface Goal {
    id: string;
    title: Text;
    source?: string;
    illustrative?: boolean;
}

export type OrganizationKind =
    | "ministry"
    | "subordinate"
    | "regional_department"
    | "state_body"
    | "analysis_centre"
    | "other";

/** An executor or a body. */
export interface Organization {
    id: string;
    name: Text;
    kind: OrganizationKind;
    source?: string;
    illustrative?: boolean;
}

/** A priority direction. */
export interface Direction {
    id: string;
    number?: number;
    title: Text;
    goals?: string[];
    source?: string;
    illustrative?: boolean;
}

/** A cluster of the sector. */
export interface Cluster {
    id: string;
    title: Text;
    tags?: string[];
    institutions?: number;
    source?: string;
    illustrative?: boolean;
}

/** Which clusters a module applies to. */
export interface ApplicabilityRule {
    all?: boolean;
    clusters?: string[];
    all_tags?: string[];
    any_tags?: string[];
    except?: string[];
}

/** A digital module. */
export interface Module {
    id: string;
    title: Text;
    category?: string;
    applies_to: ApplicabilityRule;
    requires?: Requirement[];
    source?: string;
    illustrative?: boolean;
}

export type RelationType = "FS" | "SS" | "FF" | "SF";

/** A required module: a module id (finish-to-start, no lag) or an object with the relation and
 * lag that the derived dependencies carry. */
export type Requirement = string | { module: string; relation?: RelationType; lag_days?: number };

/** A prerequisite: a measure id (finish-to-start, no lag) or an object. */
export type Dependency = string | { id: string; type?: RelationType; lag_days?: number };

/** The main executor: one organisation id (a list is kept so validation can report it). */
export type Executor = string | string[];

/** A module delivered by a measure, and the clusters it reaches (absent: all applicable). */
export interface Target {
    module: string;
    clusters?: string[];
}

export type FundingSource =
    | "state_budget"
    | "own_funds"
    | "external_grant"
    | "external_loan"
    | "not_required"
    | "other";

export type Status = "executed" | "partially_executed" | "not_executed" | "not_due" | "cancelled";

/** A three-point duration estimate in days. */
export interface Estimate {
    optimistic: number;
    most_likely: number;
    pessimistic: number;
}

/** A measure (action-plan row). */
export interface Measure {
    id: string;
    direction: string;
    title: Text;
    main_executor?: Executor;
    other_executors?: string[];
    start?: PeriodRef;
    deadline?: PeriodRef;
    duration_days?: number;
    depends_on?: Dependency[];
    targets?: Target[];
    funding?: FundingSource[];
    expected_result?: Text;
    indicators?: string[];
    status?: Status;
    estimate?: Estimate;
    source?: string;
    illustrative?: boolean;
}

export type Polarity = "ascending" | "descending";

/** A value observed or targeted in a year. */
export interface YearValue {
    year: number;
    value: number;
}

/** An interim or final target. */
export interface IndicatorTarget {
    year: number;
    value: number;
    final?: boolean;
}

/** A result indicator. */
export interface Indicator {
    id: string;
    name: Text;
    unit?: string;
    polarity: Polarity;
    baseline?: YearValue;
    targets?: IndicatorTarget[];
    actuals?: YearValue[];
    cumulative?: boolean;
    source?: string;
    illustrative?: boolean;
}

/** What every function of this package throws: a JS `Error` with structured properties. */
export interface EcultureError extends Error {
    name: "ParseError" | "ValidationError" | "CycleError" | "ArgumentError" | "ScheduleError" | "IoError";
    /** `parse_error`, `validation_error`, `dependency_cycle`, `invalid_argument`,
     * `schedule_error`, `io_error`. */
    code: string;
    /** JSON path of the offending value (`measures[0].duration_days`), when known. For a bad
     * argument, the place inside it (`calendar.weekend[0]`, `changes[1].days`, `runs`), or the
     * argument's name (`options`, `changes`, `risk`, `index`) when the argument itself is wrong. */
    path: string | null;
    /** `file:line:column` for syntax errors, else the same as `path`. */
    location: string | null;
    /** ParseError: 1-based line and column, when known. */
    line?: number | null;
    column?: number | null;
    /** ParseError: `json`, `yaml` or `toml`. */
    format?: "json" | "yaml" | "toml";
    /** CycleError: measure ids on the cycle, in dependency order. */
    cycle?: string[];
    /** ValidationError: the error-severity diagnostics. */
    diagnostics?: Diagnostic[];
    /** ScheduleError: what went wrong. */
    kind?: "no_working_days" | "conflicting_calendar_day" | "date_out_of_range" | "invalid_estimate";
    /** ScheduleError: the measure concerned, when there is one. */
    id?: string | null;
}
