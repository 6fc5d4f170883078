// Types of the npm package `eculture` (written by scripts/build-wasm.sh from
// wasm/js/index.template.d.ts).
export * from "./eculture_wasm.js";
@DEFAULT@
import type { Diagnostic } from "./eculture_wasm.js";

/** Base class of every error eculture throws. Every error carries every field (null where it
 * does not apply), the same as in Python. */
export declare class EcultureError extends Error {
  /** `parse_error`, `io_error`, `validation_error`, `dependency_cycle`, `invalid_argument`,
   * `schedule_error`. */
  code: string;
  /** Where: a JSON path (`measures[0].duration_days`), a file, or a place inside an argument
   * (`options.calendar`, `ids[1]`). */
  path: string | null;
  /** `file:line:column` for syntax errors, else the same as `path`. */
  location: string | null;
  /** 1-based line and column in the text (syntax error, or first blocking diagnostic). */
  line: number | null;
  column: number | null;
  /** The file (or `<string>`) a parse or I/O error is about. */
  source: string | null;
  /** ParseError: `json`, `yaml` or `toml`. */
  format: "json" | "yaml" | "toml" | null;
  /** The measure or entity concerned. */
  id: string | null;
  /** ScheduleError: `no_working_days`, `conflicting_calendar_day`, `date_out_of_range`,
   * `invalid_estimate`; IoError: the operating system's error kind. */
  kind: string | null;
  /** CycleError: measure ids on the cycle, in dependency order. */
  cycle: string[] | null;
  /** ValidationError and CycleError: the diagnostics that stop the operation. */
  diagnostics: Diagnostic[] | null;
}
export declare class ParseError extends EcultureError {}
export declare class IoError extends EcultureError {}
export declare class ValidationError extends EcultureError {}
export declare class CycleError extends ValidationError {}
export declare class ArgumentError extends EcultureError {}
export declare class ScheduleError extends EcultureError {}
