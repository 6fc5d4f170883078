// JavaScript idiom around the core's data: the error classes built from the core's one error
// shape (eculture::api::ErrorInfo), and readable printing of the result classes. No domain
// logic: every value here comes from the core.

/** Fields every eculture error carries (null where they do not apply), as in Python. */
const FIELDS = ["code", "path", "location", "line", "column", "source", "format", "id", "kind", "cycle", "diagnostics"];

/** Base class of every error eculture throws. */
export class EcultureError extends Error {
  constructor(info) {
    super(info?.message ?? "");
    this.name = new.target.name;
    for (const k of FIELDS) this[k] = info?.[k] ?? null;
  }
}
/** Malformed JSON, YAML or TOML, or a value of the wrong type. */
export class ParseError extends EcultureError {}
/** A file could not be read or written. */
export class IoError extends EcultureError {}
/** The strategy has errors that stop the operation; `diagnostics` lists exactly those. */
export class ValidationError extends EcultureError {}
/** The dependency graph has a cycle and the operation needs an acyclic plan. */
export class CycleError extends ValidationError {}
/** An invalid argument: an unknown id or option, a value of the wrong type. */
export class ArgumentError extends EcultureError {}
/** A schedule cannot be computed from the inputs given (`kind` says why). */
export class ScheduleError extends EcultureError {}

const CLASSES = { ParseError, IoError, ValidationError, CycleError, ArgumentError, ScheduleError };

/** The error of class `info.name` (called by the WebAssembly module). */
export function makeError(info) {
  return new (CLASSES[info.name] ?? EcultureError)(info);
}

/** Print instances as their `toString()` in node's console (not as `{ __wbg_ptr: … }`). */
export function makeInspectable(...classes) {
  const custom = Symbol.for("nodejs.util.inspect.custom");
  for (const C of classes) {
    Object.defineProperty(C.prototype, custom, {
      value() {
        return this.toString();
      },
      configurable: true,
    });
  }
}
