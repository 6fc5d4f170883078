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

/** Options of `schedule`, `scheduleWithChanges`, `whatIf` and `rollout`. Every key is optional
 * (`null` or a missing key: the core's default); keys are camelCase, and the core's snake_case
 * spelling is the same key. An unknown key throws `ArgumentError` naming it, with the nearest
 * known key. */
export interface ScheduleInit {
    /** Project start (offset 0), ISO `YYYY-MM-DD`. Default: the strategy period's first day. */
    start?: string | null;
    /** A calendar object (snake_case keys, as the core serializes it) or a built-in one by name:
     * `"azerbaijan_example"` or `"weekdays"`. Default: none (calendar days). */
    calendar?: Calendar | "azerbaijan_example" | "weekdays" | null;
    /** Critical: total float at most this. Default 0. */
    criticalFloatDays?: number | null;
    /** Near-critical: float above `criticalFloatDays` and at most this. Default 5. */
    nearCriticalDays?: number | null;
    /** The project's late finish (P6 "must finish by"), ISO. Default: none. */
    mustFinishBy?: string | null;
    /** At most this many critical paths are listed. Default 20. */
    maxCriticalPaths?: number | null;
}

/** Options of `risk`: the schedule options plus the Monte-Carlo `runs` (1..=1,000,000, default
 * 2,000) and `seed` (default 1). */
export interface RiskInit extends ScheduleInit {
    runs?: number | null;
    seed?: number | null;
}
