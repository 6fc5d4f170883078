// Entry point of the npm package `eculture` (written by scripts/build-wasm.sh from
// wasm/js/index.template.js): the WebAssembly module's classes and functions, plus the error
// classes its errors are instances of.
export * from "./eculture_wasm.js";
@DEFAULT@
import { Achievement, ExecutionRate, Matrix, Micmac, MonitoringReport, PlanDiff, Portfolio, ResultsRating, Rollup, Schedule, Strategy, Triage } from "./eculture_wasm.js";
import { makeInspectable } from "./@SNIPPET@";
export { ArgumentError, CycleError, EcultureError, IoError, ParseError, ScheduleError, ValidationError } from "./@SNIPPET@";
makeInspectable(Strategy, Matrix, Schedule, Rollup, ExecutionRate, ResultsRating, Achievement, Triage, MonitoringReport, Micmac, PlanDiff, Portfolio);
// wasm-bindgen moves a Strategy handed over by value; the portfolio takes copies, so the
// strategies given stay usable (as in Rust and Python).
const fromStrategies = Portfolio.fromStrategies;
Object.defineProperty(Portfolio, "fromStrategies", {
  value: (strategies) => fromStrategies([...strategies].map((s) => Strategy.fromObject(s.document()))),
  configurable: true,
});
