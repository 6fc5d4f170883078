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

/** Invented for illustration: `true` (the whole entity) or the names of the invented fields
 * (the others are from the public record). */
export type Illustrative = boolean | string[];

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
    reports?: Report[];
    evaluations?: Evaluation[];
    reporting?: ReportingCalendar;
    /** Named baselines: snapshots of the schedule to compare later schedules with. */
    baselines?: Baseline[];
    /** Scored influences for MICMAC (intensities 0-3), by level. */
    influences?: ScoredInfluence[];
    /** The current-state assessment: each cell's maturity level 0-5 as of a date, the level
     * aimed at and the institutions reached (docs/assessment.md). */
    assessments?: Assessment[];
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
    working_group?: WorkingGroup;
    drafted_by?: string;
    sections?: Sections;
    statuses_as_of?: PeriodRef;
    source?: string;
    note?: string;
    illustrative?: Illustrative;
}

/** The working group that prepared the strategy (Decree 1294: it meets at least once a year). */
export interface WorkingGroup {
    established_by?: Act;
    chair?: string;
    members?: string[];
    meetings?: Meeting[];
    source?: string;
    note?: string;
    illustrative?: Illustrative;
}

/** A meeting of the working group. */
export interface Meeting {
    date: PeriodRef;
    note?: string;
    source?: string;
}

/** The strategy's own text by section. */
export interface Sections {
    summary?: Text;
    global_trends?: Text;
    current_situation?: Text;
    target_indicators?: Text;
    risks?: Text;
    financing?: Text;
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
    note?: string;
    illustrative?: Illustrative;
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
    note?: string;
    illustrative?: Illustrative;
}

/** A priority direction. */
export interface Direction {
    id: string;
    number?: number;
    title: Text;
    goals?: string[];
    source?: string;
    note?: string;
    illustrative?: Illustrative;
}

/** A cluster of the sector. */
export interface Cluster {
    id: string;
    title: Text;
    tags?: string[];
    institutions?: number;
    source?: string;
    note?: string;
    illustrative?: Illustrative;
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
    note?: string;
    illustrative?: Illustrative;
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

/** A three-point duration estimate in days. */
/** Execution status of a measure (CAERC practice). */
export type Status = "executed" | "partially_executed" | "not_executed" | "not_due" | "cancelled";

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
    note?: string;
    illustrative?: Illustrative;
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
    note?: string;
    illustrative?: Illustrative;
}

// ---- monitoring: executors' reports, evaluations, the reporting calendar ----
/** One criterion judged by an evaluation. */
export interface CriterionFinding {
    /** The criterion. */
    criterion: EvaluationCriterion;
    /** The finding. */
    finding?: Text | null;
    /** A rating in words, e.g. `satisfactory`. */
    rating?: string | null;
    /** A score on the evaluation's own scale (e.g. 0..=100), when it gives one. */
    score?: number | null;
}

/** An evaluation or monitoring report of the M&E body. */
export interface Evaluation {
    /** The evaluating body (organisation id); Decree 1294: not the coordinating body. */
    by: string;
    /** Findings per criterion. */
    criteria?: (CriterionFinding)[];
    /** Identifier. */
    id: string;
    /** Invented for illustration. */
    illustrative?: Illustrative;
    /** Annual monitoring report, interim or final evaluation. */
    kind: EvaluationKind;
    /** The period evaluated (a year for an annual monitoring report). */
    period: PeriodRef;
    /** Publication date. */
    published?: PeriodRef | null;
    /** Citation or URL. */
    source?: string | null;
    /** A free note; `source` holds sources only. */
    note?: string | null;
}

/** An evaluation criterion of Decree 1294 (the OECD-DAC criteria). */
export type EvaluationCriterion = "efficiency" | "effectiveness" | "final_results" | "relevance" | "sustainability";

/** What an evaluation record is. */
export type EvaluationKind = "annual_monitoring" | "interim" | "final";

/** How often a kind of report is due. */
export type Frequency = "year" | "half_year" | "quarter";

/** An indicator value reported by an executor. */
export interface IndicatorReport {
    /** Indicator id. */
    indicator: string;
    /** Free note. */
    note?: string | null;
    /** Value. */
    value: number;
    /** Year the value describes. */
    year: number;
}

/** The entities of a MICMAC matrix. */
export type MicmacLevel = "measure" | "direction" | "module";

/** One scored influence of the document: at `level`, `from` influences `to` with `intensity`
 * 0 (none), 1 (weak), 2 (moderate) or 3 (strong). */
export interface ScoredInfluence {
    level: MicmacLevel;
    from: string;
    to: string;
    intensity: number;
    /** Who scored it and where. */
    source?: string;
}

/** One assessment of a cluster × module cell as of a date (docs/assessment.md). */
export interface Assessment {
    cluster: string;
    /** The module (it must apply to the cluster). */
    module: string;
    /** When the state was observed (a coarser period means its last day). */
    as_of: PeriodRef;
    /** 0 none, 1 initial, 2 developing, 3 defined, 4 managed, 5 optimised. */
    level: number;
    /** The level aimed at, on the same scale. */
    target_level?: number;
    /** How many of the cluster's institutions the module has reached. */
    institutions_reached?: number;
    source?: string;
    note?: string;
    illustrative?: Illustrative;
}

/** One named baseline: the planned dates of the measures when it was taken. */
export interface Baseline {
    /** Identifier, unique among the baselines. */
    id: string;
    /** When the snapshot was taken (a period: a date, month, quarter or year). */
    taken: PeriodRef;
    /** Why it was taken. */
    note?: string;
    /** The measures' planned dates at the time, each measure at most once. */
    measures?: BaselineMeasure[];
}

/** A measure's planned dates in a `Baseline`. */
export interface BaselineMeasure {
    measure: string;
    /** The planned first day of work (a coarser period means its first day). */
    start: PeriodRef;
    /** The planned last day of work (a coarser period means its last day). */
    finish: PeriodRef;
}

/** An executor's report on its measures (Decree 1294: the annual report sent with supporting documents to the coordinating body by 20 January). Its entries are the measures' states as of `as_of`. */
export interface Report {
    /** The date the statuses describe (a coarser period means its last day). Absent: the end of `period` or the submission date, whichever is earlier. */
    as_of?: PeriodRef | null;
    /** The reporting organisation (organisation id). */
    by: string;
    /** One entry per measure reported on. */
    entries?: (ReportEntry)[];
    /** Supporting documents (*təsdiqedici sənədlər*): references or URLs. */
    evidence?: (string)[];
    /** Identifier, e.g. `moc-2025`. */
    id: string;
    /** Invented for illustration. */
    illustrative?: Illustrative;
    /** Indicator values reported. */
    indicators?: (IndicatorReport)[];
    /** Free note. */
    note?: string | null;
    /** The period covered: a year (`2025`), quarter, month or date; for a half year write the last month or quarter it ends with and let the calendar say which period it is. */
    period: PeriodRef;
    /** Citation or URL. */
    source?: string | null;
    /** The date the report reached the coordinating body (a coarser period means its last day). */
    submitted: PeriodRef;
}

/** A measure's state in a report. */
export interface ReportEntry {
    /** The day work ended (required when `executed`). */
    actual_finish?: PeriodRef | null;
    /** The day work began. */
    actual_start?: PeriodRef | null;
    /** Supporting documents for this measure. */
    evidence?: (string)[];
    /** Measure id. */
    measure: string;
    /** Free note. */
    note?: string | null;
    /** Physical percent complete, 0..=100. */
    percent_complete?: number | null;
    /** Days of work remaining after the report's date (P6's remaining duration). */
    remaining_days?: number | null;
    /** Status as of the report's date. */
    status: Status;
}

/** The reporting calendar: the obligations the rules create. Every field has a default (Decree 1294's 20 January for executors; CAERC's practice of 25 March, not a rule of the Decree, for the M&E body), so `{}` or an absent `reporting` means those. */
export interface ReportingCalendar {
    /** Executors' reports to the coordinating body. Default: yearly, due `01-20`. */
    executor_reports?: ReportingRule;
    /** The final report: due on the first of these `MM-DD` days after the strategy period ends, plus `final_report_years_after` years. Default `["03-25"]`. */
    final_report_due?: (string)[];
    /** Whole years added to the final report's due day. Default 0. */
    final_report_years_after?: number;
    /** The M&E body's monitoring reports. Default: yearly, due `03-25`. */
    monitoring_reports?: ReportingRule;
}

/** One kind of recurring report: how often, and on which days of the year it falls due. */
export interface ReportingRule {
    /** Due days as `MM-DD`. A period's report is due on the first of these days that comes after the period ends (`["01-20"]` yearly: the year's report by 20 January of the next year; `["03-25", "09-25"]` half-yearly: January-June by 25 September, July-December by 25 March). */
    due: (string)[];
    /** The period each report covers. */
    every?: Frequency;
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
    /** P6's data date (ISO): the schedule becomes a forecast from the reports as of it. */
    statusDate?: string | null;
    /** Remaining work started out of sequence: `"retained_logic"` (default) or
     * `"progress_override"`. */
    outOfSequence?: "retained_logic" | "progress_override" | null;
    /** The id of a baseline of the document to compare with: the records gain
     * `baseline_start`, `baseline_finish`, `start_variance_days`, `finish_variance_days`. */
    baseline?: string | null;
}

/** Options of `risk`: the schedule options plus the Monte-Carlo `runs` (1..=1,000,000, default
 * 2,000) and `seed` (default 1). */
export interface RiskInit extends ScheduleInit {
    runs?: number | null;
    seed?: number | null;
}

/** Options of the pictures: the schedule options plus the picture's own. */
export interface PictureInit extends ScheduleInit {
    /** Language of names: `en` (default), `az` or `ru`. */
    lang?: "en" | "az" | "ru" | null;
    /** What colours the heatmap's cells: `state` (default), `quarter`, `coverage`, or from the
     * current-state assessment `level`, `gap_to_target` or `institutions`. */
    colorBy?: "state" | "quarter" | "coverage" | "level" | "gap_to_target" | "institutions" | null;
    /** A status date (ISO): the forecast's data date and a line on the Gantt chart. */
    statusDate?: string | null;
    /** Width of the Gantt chart in pixels (default 1200). */
    width?: number | null;
    /** What-if changes to draw instead of the plan (`[["3.2", 30]]` or `[{id, days, kind}]`, as
     * for `whatIf`): the Gantt chart, the rollout, the heatmap by quarter and the report's
     * schedule sections move, and each picture names the changes. */
    changes?: DurationChange[] | [string, number][] | null;
}
