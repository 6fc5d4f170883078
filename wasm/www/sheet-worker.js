// The page's spreadsheet worker: a workbook or CSV of `sheetLimits.workerBytes` or more is read
// here by the full build (its own instance), off the main thread, so the page stays responsive
// while the core reads the cells; the document comes back as JSON text with the reading's
// diagnostics (sheet and cell included) as plain data. The readers are sheets.js's table, the
// same as on the main thread.
//
// Message in: `{file, ext}`. Message out: `{type: "result", json, diags, ms}` or
// `{type: "error", error}`.

// the path of "eculture/full" in index.html's import map (a worker does not see import maps)
import init, * as full from "../pkg/web/index.js";
import { readerFor } from "./sheets.js";

const ready = init();

self.onmessage = async ({ data: { file, ext } }) => {
  try {
    await ready;
    const reader = readerFor(`file.${ext}`);
    const t0 = performance.now();
    const s = reader.read(full, new Uint8Array(await file.arrayBuffer()));
    try {
      self.postMessage({ type: "result", json: s.toJson(), diags: s.validate(), ms: performance.now() - t0 });
    } finally {
      s.free();
    }
  } catch (e) {
    const error = { name: e?.name ?? "Error", message: e?.message ?? String(e) };
    for (const k of ["code", "path", "line", "column"]) if (e?.[k] !== undefined && e?.[k] !== null) error[k] = e[k];
    self.postMessage({ type: "error", error });
  }
};
