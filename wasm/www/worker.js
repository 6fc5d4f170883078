// The page's worker (issue 21, point 3): a large file is read, parsed and analysed here, off the
// main thread, so the page never freezes and shows progress. The file is read as a stream: each
// chunk goes straight into the module's `DocumentReader` (WebAssembly memory), so no JavaScript
// string of the whole file is ever made. The analysis is what the page shows of a plan — the
// core's `workbench`: its summary, pictures and the first rows of each list, nothing more —
// sent back as plain data and text; the strategy stays here for redraws in another language or
// calendar.
//
// Messages in: `{file, options}` (read and analyse) or `{options}` (redraw the current plan).
// Messages out: `{type: "progress", phase, done, total}`, `{type: "result", ...}`,
// `{type: "error", error}`.

import init, { DocumentReader, diagnosticEntity, formatDiagnostic } from "./lean/index.js";

const ready = init();
let current = null; // the Strategy read last
let name = "";

const post = (message) => self.postMessage(message);

/** An error as plain data (the page shows its name, code, path and message). */
function plain(e) {
  const out = { name: e?.name ?? "Error", message: e?.message ?? String(e) };
  for (const k of ["code", "path", "line", "column", "cycle"]) if (e?.[k] !== undefined) out[k] = e[k];
  if (Array.isArray(e?.diagnostics)) out.diagnostics = e.diagnostics.slice(0, 5).map((d) => formatDiagnostic(d));
  return out;
}

/** What the page shows of `s`: the core's workbench (counts, the first rows of each list, the
 * heatmap and the Gantt chart), computed with the page's options in one call, so only what is on
 * screen crosses into JavaScript; every other id stays in WebAssembly memory. */
function analyse(s, options) {
  const w = s.workbench({ lang: options.lang, calendar: options.calendar, colorBy: options.colorBy });
  for (const d of w.diagnostics.first) d.entity = d.id ? diagnosticEntity(d) : null;
  return { header: s.header(), ...w };
}

self.onmessage = async (ev) => {
  const { file, options } = ev.data;
  const t0 = performance.now();
  try {
    await ready;
    if (file) {
      current?.free();
      current = null;
      name = file.name;
      const reader = new DocumentReader(file.size);
      const stream = file.stream().getReader();
      let shown = 0;
      for (;;) {
        const { done, value } = await stream.read();
        if (done) break;
        reader.push(value);
        const now = performance.now();
        if (now - shown > 50) {
          shown = now;
          post({ type: "progress", phase: "reading", done: reader.bytesRead, total: file.size });
        }
      }
      post({ type: "progress", phase: "parsing", done: file.size, total: file.size });
      const read = performance.now();
      current = reader.finish(file.name); // the reader's bytes are freed with it
      const parsed = performance.now();
      post({ type: "progress", phase: "analysing", done: file.size, total: file.size });
      const result = analyse(current, options);
      const done = performance.now();
      post({ type: "result", name, result, timings: { readMs: read - t0, parseMs: parsed - read, analysisMs: done - parsed, totalMs: done - t0 } });
    } else if (current) {
      const result = analyse(current, options);
      post({ type: "result", name, result, timings: { analysisMs: performance.now() - t0 } });
    }
  } catch (e) {
    post({ type: "error", name, error: plain(e) });
  }
};
