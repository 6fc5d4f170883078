// The page's worker (issue 21, point 3): a large file is read, parsed and analysed here, off the
// main thread, so the page never freezes and shows progress. The file is read as a stream: each
// chunk goes straight into the module's `DocumentReader` (WebAssembly memory), so no JavaScript
// string of the whole file is ever made. The analysis is what the page shows of a plan — the
// core's summary, pictures and the first rows of each list — sent back as plain data and text;
// the strategy stays here for redraws in another language or calendar.
//
// Messages in: `{file, options}` (read and analyse) or `{options}` (redraw the current plan).
// Messages out: `{type: "progress", phase, done, total}`, `{type: "result", ...}`,
// `{type: "error", error}`.

import init, { DocumentReader, diagnosticEntity, formatDiagnostic, gapReasonText } from "./lean/index.js";

const ready = init();
let current = null; // the Strategy read last
let name = "";

/** The rows of a list the page shows (it shows at most this many; the rest is counted). */
const ROWS = 300;

const post = (message) => self.postMessage(message);

/** An error as plain data (the page shows its name, code, path and message). */
function plain(e) {
  const out = { name: e?.name ?? "Error", message: e?.message ?? String(e) };
  for (const k of ["code", "path", "line", "column", "cycle"]) if (e?.[k] !== undefined) out[k] = e[k];
  if (Array.isArray(e?.diagnostics)) out.diagnostics = e.diagnostics.slice(0, 5).map((d) => formatDiagnostic(d));
  return out;
}

/** Run one part of the analysis: its value, or why the plan's errors block it. */
function part(fn) {
  try {
    return { ok: fn() };
  } catch (e) {
    return { error: plain(e) };
  }
}

/** What the page shows of `s`, computed by the core with the page's options. */
function analyse(s, options) {
  const picture = { lang: options.lang, calendar: options.calendar, colorBy: options.colorBy };
  const diags = s.validate();
  return {
    header: s.header(),
    measures: s.measureCount,
    diagnostics: {
      total: diags.length,
      errors: diags.filter((d) => d.severity === "error").length,
      first: diags
        .sort((a, b) => (a.severity === b.severity ? 0 : a.severity === "error" ? -1 : 1))
        .slice(0, ROWS)
        .map((d) => ({ ...d, entity: d.id ? diagnosticEntity(d) : null })),
    },
    matrix: part(() => {
      const m = s.matrix();
      try {
        return { clusters: m.clusters.length, modules: m.modules.length, overall: m.coverage().overall };
      } finally {
        m.free();
      }
    }),
    gaps: part(() => {
      const g = s.gaps();
      return { total: g.length, first: g.slice(0, ROWS).map((x) => ({ cluster: x.cluster, module: x.module, reasons: x.reasons.map((r) => gapReasonText(r)) })) };
    }),
    waves: part(() => {
      const w = s.waves();
      return { total: w.length, first: w.slice(0, 60).map((ids) => ({ size: ids.length, ids: ids.slice(0, 40) })) };
    }),
    schedule: part(() => {
      const sc = s.scheduleWithChanges([], { calendar: options.calendar });
      try {
        const late = sc.infeasibleDeadlines;
        return {
          finishDate: sc.finishDate,
          durationDays: sc.durationDays,
          projectStart: sc.projectStart,
          critical: sc.criticalIds.length,
          nearCritical: sc.nearCritical.length,
          paths: sc.criticalPaths.slice(0, 20).map((p) => p.slice(0, 60)),
          late: { total: late.length, first: late.slice(0, ROWS) },
        };
      } finally {
        sc.free();
      }
    }),
    heatmap: part(() => s.heatmapSvg(picture)),
    gantt: part(() => s.ganttSvg(picture)),
  };
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
