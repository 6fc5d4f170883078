// Entry point of the demo page's lean build (wasm/www/lean, written by scripts/build-wasm.sh from
// wasm/js/page.template.js): the operations the page calls, JSON documents only (see
// docs/performance.md). The npm package (wasm/pkg) has every operation and format.
export * from "./eculture_wasm.js";
export { default } from "./eculture_wasm.js";
import { Matrix, Schedule, Strategy } from "./eculture_wasm.js";
import { makeInspectable } from "./@SNIPPET@";
export { ArgumentError, CycleError, EcultureError, IoError, ParseError, ScheduleError, ValidationError } from "./@SNIPPET@";
makeInspectable(Strategy, Matrix, Schedule);
