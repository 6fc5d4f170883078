//! [`OPERATIONS`]: every operation of the public surface with its Rust, Python and JS names.

use serde::Serialize;

/// Whether an operation is a method (a computation, called) or a property (data, read).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum OpKind {
    /// A static constructor (`Strategy.from_json`).
    Constructor,
    /// A computation or conversion: called with parentheses.
    Method,
    /// Data the object holds: read without parentheses.
    Property,
}

/// One operation of the public surface, with its name on each surface.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Operation {
    /// The class it belongs to (`Strategy`, `Schedule`, `Matrix`, ...) or `module`.
    pub on: &'static str,
    /// Method, property or constructor.
    pub kind: OpKind,
    /// The Rust name (on the core type; `None` when it is binding idiom only).
    pub rust: Option<&'static str>,
    /// The Python name; `None` where the operation has no place in Python.
    pub python: Option<&'static str>,
    /// The JavaScript name; `None` where the operation has no place in JavaScript (files in a
    /// browser, pandas).
    pub js: Option<&'static str>,
    /// The arguments, as documentation.
    pub args: &'static str,
    /// What it returns, as documentation.
    pub returns: &'static str,
}

macro_rules! ops {
    ($( $on:ident $kind:ident $rust:tt $py:tt $js:tt ($args:literal) -> $ret:literal; )*) => {
        /// Every operation of the public surface. The Python and node suites compare their
        /// modules with this table, so an operation added to one surface and not the others
        /// fails a test.
        pub const OPERATIONS: &[Operation] = &[
            $( Operation {
                on: stringify!($on),
                kind: ops!(@kind $kind),
                rust: ops!(@rust $rust),
                python: ops!(@rust $py),
                js: ops!(@rust $js),
                args: $args,
                returns: $ret,
            }, )*
        ];
    };
    (@kind ctor) => { OpKind::Constructor };
    (@kind method) => { OpKind::Method };
    (@kind prop) => { OpKind::Property };
    (@rust -) => { None };
    (@rust $r:ident) => { Some(stringify!($r)) };
}

ops! {
    module method - json_schema jsonSchema ("") -> "the JSON Schema of the document";
    module method - format_diagnostic formatDiagnostic ("diagnostic") -> "its one-line text";
    module method - operations operations ("") -> "this table";
    module method gap_reason_text gap_reason_text gapReasonText ("reason") -> "why a cell is a gap, in the CLI's words";
    module method diagnostic_entity diagnostic_entity diagnosticEntity ("diagnostic") -> "the kind of entity it is about";
    module method percent_text percent_text percentText ("share") -> "a share as the summaries write it (92.5%, n/a)";
    module method near_critical_days near_critical_days nearCriticalDays ("") -> "the default near-critical threshold (days)";
    module method format_of format_of formatOf ("file name") -> "json, yaml or toml (IoError for another extension)";
    module method - - eCulture ("") -> "Strategy.eCulture() (the README's one-line start)";
    Strategy ctor e_culture e_culture eCulture ("") -> "the embedded e-Culture strategy";
    Strategy ctor from_json from_json fromJson ("text") -> "Strategy";
    Strategy ctor from_yaml from_yaml fromYaml ("text") -> "Strategy";
    Strategy ctor from_toml from_toml fromToml ("text") -> "Strategy";
    Strategy ctor from_value from_dict fromObject ("plain data") -> "Strategy";
    Strategy ctor load load - ("path") -> "Strategy (files: Rust and Python; .xlsx/.xls/.ods/.csv action plans and .xml/.xer project plans too)";
    Strategy ctor from_xlsx from_xlsx fromXlsx ("data, mapping (optional), sheet (optional)") -> "Strategy from an XLSX/XLS/ODS action plan (docs/spreadsheets.md)";
    Strategy ctor from_csv from_csv fromCsv ("data, mapping (optional)") -> "Strategy from a CSV action plan";
    Strategy method report_workbooks report_workbooks reportWorkbooks ("period, lang") -> "executor id -> XLSX bytes: one report workbook per executor (protected, drop-downs, hidden fingerprint)";
    Strategy method collect_reports collect_reports collectReports ("files (paths or bytes), submitted (optional), replace, names (optional, JS)") -> "Strategy with the reports added; findings by file, sheet and cell";
    Strategy method to_xlsx to_xlsx toXlsx ("path (optional, Python)") -> "XLSX bytes: the action plan and a sheet per other part; from_xlsx reads it back equal";
    Strategy ctor from_mspdi from_mspdi fromMspdi ("data") -> "Strategy from an MS Project XML (MSPDI) file: summary tasks as directions, tasks as measures (docs/planners.md)";
    Strategy ctor from_xer from_xer fromXer ("data") -> "Strategy from a Primavera P6 XER file: WBS nodes as directions, activities as measures (docs/planners.md)";
    Strategy method to_mspdi to_mspdi toMspdi ("path (optional, Python), schedule options") -> "MS Project XML (MSPDI): directions, measures, relations, durations, constraints, deadlines, calendar, baseline";
    Strategy method to_xer to_xer toXer ("path (optional, Python), schedule options") -> "Primavera P6 XER: WBS, activities, relations, durations, constraints, calendar, baseline";
    Strategy method to_json to_json toJson ("") -> "JSON text";
    Strategy method - to_yaml toYaml ("") -> "YAML text";
    Strategy method - to_toml toToml ("") -> "TOML text";
    Strategy method save save - ("path") -> "(files: Rust and Python)";
    Strategy method document document document ("") -> "the document as plain data";
    Strategy method - - toJSON ("") -> "the document (for JSON.stringify)";
    Strategy prop - id id ("") -> "the strategy id";
    Strategy method validate validate validate ("") -> "Diagnostic[]";
    Strategy method is_valid is_valid isValid ("") -> "bool";
    Strategy method blocking blocking blocking ("need") -> "Diagnostic[] stopping that level";
    Strategy method matrix matrix matrix ("") -> "Matrix";
    Strategy method topological_order topological_order topologicalOrder ("") -> "ids";
    Strategy method waves waves waves ("") -> "lists of ids";
    Strategy method impact impact impact ("ids") -> "ids downstream, document order";
    Strategy method ancestors ancestors ancestors ("ids") -> "ids upstream, document order";
    Strategy method find_cycle find_cycle findCycle ("") -> "ids or null";
    Strategy method dependencies dependencies dependencies ("") -> "DependencyEdge[]";
    Strategy method cyclic_blocks cyclic_blocks cyclicBlocks ("") -> "lists of ids";
    Strategy prop measure_count measure_count measureCount ("") -> "int";
    Strategy prop - measure_ids - ("") -> "lazy sequence of ids";
    Strategy method measure_id measure_id measureId ("index") -> "id";
    Strategy method wave_index wave_index waveIndex ("") -> "uint32 array";
    Strategy method order_indices order_indices orderIndices ("") -> "uint32 array";
    Strategy method impact_indices impact_indices impactIndices ("ids") -> "uint32 array";
    Strategy method descendant_counts descendant_counts descendantCounts ("ids") -> "counts";
    Strategy method rollup rollup rollup ("") -> "Rollup";
    Strategy method - to_pandas - ("") -> "pandas DataFrame of the measures";
    Strategy method measures_arrow __arrow_c_stream__ - ("requested_schema") -> "Arrow C stream of the measures (PyCapsule interface: pyarrow, polars, DuckDB)";
    Strategy method - to_polars - ("") -> "polars DataFrame of the measures";
    Strategy method - to_networkx - ("") -> "networkx DiGraph of the dependencies";
    Strategy method schedule schedule schedule ("options") -> "Schedule";
    Strategy method - - scheduleCsv ("options, lang, changes") -> "the schedule CSV with titles, directions and executors named beside the ids (Python: Schedule.to_csv(lang=...))";
    Strategy method with_baseline with_baseline withBaseline ("id, taken, options") -> "Strategy holding a baseline of the current schedule";
    Strategy method schedule_with_changes schedule_with_changes scheduleWithChanges ("changes, options") -> "Schedule";
    Strategy method what_if what_if whatIf ("changes, options") -> "WhatIf";
    Strategy method rollout rollout rollout ("options") -> "Rollout";
    Strategy method redundant_dependencies redundant_dependencies redundantDependencies ("") -> "RedundantDependency[]";
    Strategy method redundancy - - ("") -> "Redundancy: the same list and whether the search budget sufficed";
    Strategy method dsm dsm dsm ("") -> "Dsm";
    Strategy method micmac micmac micmac ("options: level, influences") -> "Micmac";
    Strategy method risk risk risk ("options with runs, seed") -> "Risk";
    Strategy method gaps gaps gaps ("") -> "CellGap[]: each gap with its reasons";
    Strategy method heatmap_svg heatmap_svg heatmapSvg ("options (schedule + lang, color_by, width)") -> "SVG";
    Strategy method gantt_svg gantt_svg ganttSvg ("options") -> "SVG";
    Strategy method rollout_svg rollout_svg rolloutSvg ("options") -> "SVG";
    Strategy method dsm_svg dsm_svg dsmSvg ("options") -> "SVG";
    Strategy method micmac_svg micmac_svg micmacSvg ("options: level, influences, lang, width") -> "SVG";
    Strategy method to_dot to_dot toDot ("options") -> "Graphviz DOT";
    Strategy method - - header ("") -> "the document's strategy section (the page's worker: no whole document)";
    Strategy method workbench - workbench ("options (schedule + lang, color_by)") -> "Workbench: what the page shows, lists cut to the rows on screen (the page's worker)";
    Strategy method report_html report_html reportHtml ("options") -> "self-contained HTML report";
    Strategy method states_as_of states_as_of statesAsOf ("as_of") -> "MeasureState[]";
    Strategy method execution_rate execution_rate executionRate ("options: as_of, by, scope, weights, no_data") -> "ExecutionRate";
    Strategy method results_rating results_rating resultsRating ("options: as_of, by") -> "ResultsRating";
    Strategy method achievement achievement achievement ("options: as_of, cap, bands") -> "Achievement";
    Strategy method triage triage triage ("options: as_of, out_of_sequence") -> "Triage";
    Strategy method reporting_calendar reporting_calendar reportingCalendar ("options: as_of") -> "Obligation[]";
    Strategy method monitoring_report monitoring_report monitoringReport ("options: year, as_of, ...") -> "MonitoringReport";
    Strategy method provenance provenance provenance ("") -> "Provenance: illustrative items, notice, approved_by, legal_basis, sources";
    Strategy method diff diff diff ("other, options: lang + schedule options") -> "PlanDiff";
    Portfolio ctor from_strategies from_strategies fromStrategies ("strategies") -> "Portfolio";
    Portfolio ctor load load - ("path") -> "Portfolio (files: Rust and Python)";
    Portfolio prop id id id ("") -> "the portfolio's id";
    Portfolio prop programmes programmes programmes ("") -> "programme ids, in order";
    Portfolio prop strategy strategy strategy ("") -> "the merged Strategy (qualified ids)";
    Portfolio method validate validate validate ("") -> "Diagnostic[]: the merged plan's and the portfolio's";
    Portfolio method cell_programmes cell_programmes cellProgrammes ("cluster, module") -> "programme ids covering the cell";
    Matrix prop clusters clusters clusters ("") -> "cluster ids";
    Matrix prop modules modules modules ("") -> "module ids";
    Matrix prop cells cells cells ("") -> "Cell[]";
    Matrix method coverage coverage coverage ("") -> "CoverageReport";
    Matrix method gaps gaps gaps ("") -> "Cell[]";
    Matrix method cell cell cell ("cluster, module") -> "Cell (unknown ids raise)";
    Matrix method to_markdown to_markdown toMarkdown ("") -> "Markdown";
    Matrix method to_csv to_csv toCsv ("") -> "CSV";
    Matrix method - to_dict toJSON ("") -> "plain data";
    Matrix method - to_pandas - ("wide") -> "pandas DataFrame";
    Matrix method - __arrow_c_stream__ - ("requested_schema") -> "Arrow C stream of the cells (PyCapsule interface: pyarrow, polars, DuckDB)";
    Matrix method - to_polars - ("") -> "polars DataFrame of the cells";
    MatrixCell prop cluster cluster - ("") -> "cluster id";
    MatrixCell prop module module - ("") -> "module id";
    MatrixCell prop state state - ("") -> "covered, gap or not_applicable";
    MatrixCell prop measures measures - ("") -> "ids";
    MatrixCell prop illustrative illustrative - ("") -> "bool: rests on invented content";
    MatrixCell prop institutions institutions - ("") -> "the cluster's institutions, or None";
    MatrixCell prop level level - ("") -> "latest assessed level 0-5, or None";
    MatrixCell prop target_level target_level - ("") -> "its target level, or None";
    MatrixCell prop institutions_reached institutions_reached - ("") -> "institutions reached, or None";
    MatrixCell prop as_of as_of - ("") -> "the latest assessment's as_of, or None";
    MatrixCell prop gap_to_target gap_to_target - ("") -> "levels to the target, or None";
    MatrixCell method - to_dict - ("") -> "plain data";
    Diagnostic prop severity severity - ("") -> "error or warning";
    Diagnostic prop code code - ("") -> "stable code";
    Diagnostic prop path path - ("") -> "JSON path";
    Diagnostic prop id id - ("") -> "entity id";
    Diagnostic prop message message - ("") -> "one line";
    Diagnostic prop suggestion suggestion - ("") -> "nearest id";
    Diagnostic prop line line - ("") -> "line";
    Diagnostic prop column column - ("") -> "column";
    Diagnostic prop sheet sheet - ("") -> "the workbook sheet (documents read from a spreadsheet)";
    Diagnostic prop cell cell - ("") -> "the cell of sheet, e.g. E17";
    Diagnostic prop blocks blocks - ("") -> "the level it stops";
    Diagnostic method - to_dict - ("") -> "plain data";
    Schedule prop duration_days duration_days durationDays ("") -> "days";
    Schedule prop project_start project_start projectStart ("") -> "ISO date";
    Schedule prop finish_date finish_date finishDate ("") -> "ISO date";
    Schedule prop critical_paths critical_paths criticalPaths ("") -> "lists of ids";
    Schedule prop critical_paths_truncated critical_paths_truncated criticalPathsTruncated ("") -> "bool";
    Schedule prop critical_ids critical_ids criticalIds ("") -> "ids";
    Schedule prop near_critical near_critical nearCritical ("") -> "ids";
    Schedule prop infeasible_deadlines infeasible_deadlines infeasibleDeadlines ("") -> "InfeasibleDeadline[]";
    Schedule method record record record ("id") -> "ScheduleRecord (unknown ids raise)";
    Schedule method records to_records toRecords ("") -> "ScheduleRecord[]";
    Schedule method report report report ("") -> "ScheduleReport";
    Schedule method to_json to_json toJson ("") -> "JSON text";
    Schedule method to_csv to_csv toCsv ("") -> "CSV";
    Schedule method to_mermaid to_mermaid toMermaid ("") -> "Mermaid gantt";
    Schedule method - columns - ("") -> "dict of NumPy arrays";
    Schedule method - critical_path_indices - ("") -> "uint32 arrays";
    Schedule method - to_pandas - ("") -> "pandas DataFrame";
    Schedule method to_arrow __arrow_c_stream__ - ("requested_schema") -> "Arrow C stream of one row per measure (PyCapsule interface: pyarrow, polars, DuckDB)";
    Schedule method - to_polars - ("") -> "polars DataFrame of one row per measure";
    Schedule method - - toJSON ("") -> "ScheduleReport";
    ExecutionRate prop as_of as_of asOf ("") -> "ISO date";
    ExecutionRate prop by by by ("") -> "the grouping";
    ExecutionRate prop scope scope scope ("") -> "the measures counted";
    ExecutionRate prop weights weights weights ("") -> "Weights";
    ExecutionRate prop no_data_policy no_data_policy noDataPolicy ("") -> "separate or zero";
    ExecutionRate prop records records records ("") -> "RateRecord[]";
    ExecutionRate prop no_data_measures no_data_measures noDataMeasures ("") -> "ids";
    ExecutionRate prop excluded excluded excluded ("") -> "int";
    ExecutionRate method - to_dict toJSON ("") -> "plain data";
    ExecutionRate method - keys - ("") -> "the keys of to_dict() (result[key] reads them, as from the former dict)";
    ExecutionRate method - to_pandas - ("") -> "pandas DataFrame of the records";
    ExecutionRate method - __arrow_c_stream__ - ("requested_schema") -> "Arrow C stream of the records (PyCapsule interface: pyarrow, polars, DuckDB)";
    ExecutionRate method - to_polars - ("") -> "polars DataFrame of the records";
    ResultsRating prop as_of as_of asOf ("") -> "ISO date";
    ResultsRating prop records records records ("") -> "ResultsRecord[]";
    ResultsRating method - to_dict toJSON ("") -> "plain data";
    ResultsRating method - keys - ("") -> "the keys of to_dict() (result[key] reads them, as from the former dict)";
    ResultsRating method - to_pandas - ("") -> "pandas DataFrame of the records";
    ResultsRating method - __arrow_c_stream__ - ("requested_schema") -> "Arrow C stream of the records (PyCapsule interface: pyarrow, polars, DuckDB)";
    ResultsRating method - to_polars - ("") -> "polars DataFrame of the records";
    Achievement prop as_of as_of asOf ("") -> "ISO date";
    Achievement prop cap cap cap ("") -> "bool";
    Achievement prop bands bands bands ("") -> "Bands";
    Achievement prop records records records ("") -> "AchievementRecord[]";
    Achievement prop indicators indicators indicators ("") -> "IndicatorSummary[]";
    Achievement prop rollup rollup rollup ("") -> "RollupRecord[]";
    Achievement method - to_dict toJSON ("") -> "plain data";
    Achievement method - keys - ("") -> "the keys of to_dict() (result[key] reads them, as from the former dict)";
    Achievement method - to_pandas - ("") -> "pandas DataFrame of the records";
    Achievement method - __arrow_c_stream__ - ("requested_schema") -> "Arrow C stream of the records (PyCapsule interface: pyarrow, polars, DuckDB)";
    Achievement method - to_polars - ("") -> "polars DataFrame of the records";
    Triage prop as_of as_of asOf ("") -> "ISO date";
    Triage prop records records records ("") -> "TriageRecord[]";
    Triage prop forecast_error forecast_error forecastError ("") -> "text or null";
    Triage method - to_dict toJSON ("") -> "plain data";
    Triage method - keys - ("") -> "the keys of to_dict() (result[key] reads them, as from the former dict)";
    Triage method - to_pandas - ("") -> "pandas DataFrame of the records";
    Triage method - __arrow_c_stream__ - ("requested_schema") -> "Arrow C stream of the records (PyCapsule interface: pyarrow, polars, DuckDB)";
    Triage method - to_polars - ("") -> "polars DataFrame of the records";
    MonitoringReport prop title title title ("") -> "text";
    MonitoringReport prop year year year ("") -> "int";
    MonitoringReport prop as_of as_of asOf ("") -> "ISO date";
    MonitoringReport prop sections sections sections ("") -> "Section[]";
    MonitoringReport prop notice notice notice ("") -> "the provenance notice, or None/null";
    MonitoringReport method to_markdown to_markdown toMarkdown ("") -> "Markdown";
    MonitoringReport method to_html to_html toHtml ("") -> "self-contained HTML";
    MonitoringReport method to_xlsx to_xlsx toXlsx ("path (optional, Python)") -> "XLSX bytes, or the file written (Python with a path)";
    MonitoringReport method - to_dict toJSON ("") -> "plain data";
    MonitoringReport method - keys - ("") -> "the keys of to_dict() (result[key] reads them, as from the former dict)";
    MonitoringReport method - to_pandas - ("") -> "dict of pandas DataFrames, one per table";
    PlanDiff prop old_id old_id oldId ("") -> "the old strategy's id";
    PlanDiff prop new_id new_id newId ("") -> "the new strategy's id";
    PlanDiff prop title title title ("") -> "the new strategy's title";
    PlanDiff prop records records records ("") -> "DiffRecord[]: kind, entity, id, title, field, old, new, renamed_from";
    PlanDiff prop matrix_changes matrix_changes matrixChanges ("") -> "MatrixChange[] or null when blocked";
    PlanDiff prop matrix_blocked_by matrix_blocked_by matrixBlockedBy ("") -> "codes";
    PlanDiff prop schedule schedule schedule ("") -> "ScheduleChanges or null when blocked";
    PlanDiff prop schedule_blocked_by schedule_blocked_by scheduleBlockedBy ("") -> "codes";
    PlanDiff prop indicator_targets indicator_targets indicatorTargets ("") -> "TargetChange[]";
    PlanDiff prop directions directions directions ("") -> "DirectionSummary[]";
    PlanDiff method is_empty is_empty isEmpty ("") -> "bool: the same up to order";
    PlanDiff method to_markdown to_markdown toMarkdown ("") -> "Markdown";
    PlanDiff method to_html to_html toHtml ("") -> "self-contained HTML fragment";
    PlanDiff method to_svg to_svg toSvg ("") -> "SVG";
    PlanDiff method - to_dict toJSON ("") -> "plain data";
    PlanDiff method - keys - ("") -> "the keys of to_dict() (result[key] reads them)";
    PlanDiff method - to_pandas - ("") -> "pandas DataFrame of the records";
    PlanDiff method - __arrow_c_stream__ - ("requested_schema") -> "Arrow C stream of the records (PyCapsule interface: pyarrow, polars, DuckDB)";
    PlanDiff method - to_polars - ("") -> "polars DataFrame of the records";
    Rollup prop clusters clusters clusters ("") -> "cluster ids";
    Rollup prop modules modules modules ("") -> "module ids";
    Rollup prop measures measures measures ("") -> "clusters x modules counts";
    Rollup prop executed executed executed ("") -> "clusters x modules counts";
    Rollup prop applicable applicable applicable ("") -> "clusters x modules flags";
    Rollup method executed_share executed_share executedShare ("") -> "clusters x modules shares";
    Rollup method mean_executed_share mean_executed_share meanExecutedShare ("") -> "mean share or null";
    Rollup method - to_dict toJSON ("") -> "plain data";
    Rollup method - to_pandas - ("") -> "pandas DataFrame";
    Micmac prop level level level ("") -> "measure, direction or module";
    Micmac prop from_table from_table fromTable ("") -> "bool: the matrix came from influences";
    Micmac prop power power power ("") -> "the power k of M^k";
    Micmac prop stop stop stop ("") -> "stable, no_longer_paths or max_power";
    Micmac prop links links links ("") -> "non-zero entries of the direct matrix";
    Micmac prop mean_influence mean_influence meanInfluence ("") -> "number";
    Micmac prop mean_dependence mean_dependence meanDependence ("") -> "number";
    Micmac prop mean_indirect_influence mean_indirect_influence meanIndirectInfluence ("") -> "number";
    Micmac prop mean_indirect_dependence mean_indirect_dependence meanIndirectDependence ("") -> "number";
    Micmac prop records records records ("") -> "MicmacRecord[], one per entity in document order";
    Micmac method - to_dict toJSON ("") -> "plain data";
    Micmac method - keys - ("") -> "the keys of to_dict() (result[key] reads them)";
    Micmac method - to_pandas - ("") -> "pandas DataFrame of the records";
    Micmac method - __arrow_c_stream__ - ("requested_schema") -> "Arrow C stream of the records (PyCapsule interface: pyarrow, polars, DuckDB)";
    Micmac method - to_polars - ("") -> "polars DataFrame of the records";
}
