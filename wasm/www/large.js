// A large plan on the page (issue 21, point 3): the file goes to the worker (worker.js), which
// reads it as a stream, parses and analyses it with the core while this thread only shows
// progress; then the core's results are laid out here — the summary, the heatmap and the Gantt
// chart (both aggregate by themselves), and the first rows of the gaps, waves, critical paths,
// late deadlines and diagnostics. The what-if, monitoring and exports need the plan on this
// thread, which a country's plan is too large for: the page says so (the CLI and Python have them).
//
// `openLarge(file, ctx)` with `ctx = {options(), ui, onResult(result, file)}`; `redraw(options)`
// asks the worker to draw the current plan again (language, calendar, colouring).

const $ = (id) => document.getElementById(id);

let worker = null;
let pending = null;

/** The worker, started once. */
function theWorker() {
  worker ??= new Worker(new URL("./worker.js", import.meta.url), { type: "module" });
  return worker;
}

/** Send `message` to the worker; resolve with its result, reporting progress on the way. */
function ask(message, onProgress) {
  return new Promise((resolve, reject) => {
    const w = theWorker();
    pending?.reject(new Error("superseded by a newer file"));
    pending = { reject };
    w.onmessage = (ev) => {
      const m = ev.data;
      if (m.type === "progress") onProgress?.(m);
      else {
        pending = null;
        if (m.type === "result") resolve(m);
        else reject(Object.assign(new Error(m.error.message), m.error));
      }
    };
    w.onerror = (ev) => {
      pending = null;
      reject(new Error(ev.message || "the worker failed"));
    };
    w.postMessage(message);
  });
}

/** Show progress: a native progress bar and its words (read by screen readers, politely). */
function progress(m) {
  const bar = $("progress-bar");
  $("progress").hidden = false;
  const share = m.total ? m.done / m.total : 0;
  if (m.phase === "reading") {
    bar.value = share;
    $("progress-text").textContent = `Reading ${(m.done / 1e6).toFixed(0)} of ${(m.total / 1e6).toFixed(0)} MB…`;
  } else {
    bar.removeAttribute("value"); // indeterminate: the core is parsing or analysing
    $("progress-text").textContent = m.phase === "parsing" ? "Parsing the document…" : "Analysing: validation, matrix, waves, schedule, pictures…";
  }
}

/** Read, parse and analyse `file` in the worker. Resolves with `{result, timings}`. */
export async function openLarge(file, options) {
  $("progress").hidden = false;
  try {
    return await ask({ file, options }, progress);
  } finally {
    $("progress").hidden = true;
  }
}

/** Draw the plan in the worker again with other options. */
export function redraw(options) {
  return ask({ options });
}

/** Lay out a worker's result. `ui`: app.js's helpers. */
export function show(r, ui) {
  const { el, fill, showSvg, best, stat, pct } = ui;
  const info = r.header;
  $("title").textContent = best(info.title, info.id);
  $("subtitle").textContent = "";
  $("meta").textContent = `${info.id} · ${info.period.start} – ${info.period.end}`;
  document.title = `${best(info.title, info.id)} · eculture`;
  const why = (part) => `not computed: ${part.error.name}${part.error.code ? ` (${part.error.code})` : ""}: ${part.error.message}`;
  const inline = (target, part) => target.replaceChildren(el(target.tagName === "UL" || target.tagName === "OL" ? "li" : "p", "error-inline", why(part)));
  // summary
  const cards = [stat("measures", r.measures.toLocaleString("en"))];
  if (r.matrix.ok) {
    const m = r.matrix.ok;
    cards.push(stat("clusters", m.clusters.toLocaleString("en")), stat("modules", m.modules.toLocaleString("en")));
    cards.push(stat("coverage", pct(m.overall.share), `${m.overall.covered} of ${m.overall.applicable} applicable cells`, "accent"));
  }
  cards.push(stat("waves", r.waves.ok ? r.waves.ok.total.toLocaleString("en") : "–", r.waves.ok ? "of parallel work" : "not computed"));
  const finish = r.schedule.ok ? stat("finish", r.schedule.ok.finishDate, `${r.schedule.ok.durationDays.toLocaleString("en")} days`, "accent") : stat("finish", "–", "no schedule");
  finish.id = "stat-finish";
  const d = r.diagnostics;
  cards.push(finish, stat("validation", d.errors ? `${d.errors} error${d.errors === 1 ? "" : "s"}` : "valid", `${(d.total - d.errors).toLocaleString("en")} warnings`, d.errors ? "bad" : "good"));
  $("stats").replaceChildren(...cards);
  // pictures
  if (r.heatmap.ok) showSvg($("heatmap"), r.heatmap.ok);
  else inline($("heatmap"), r.heatmap);
  if (r.gantt.ok) showSvg($("gantt"), r.gantt.ok);
  else inline($("gantt"), r.gantt);
  // gaps
  if (r.gaps.ok) {
    $("gap-count").textContent = r.gaps.ok.total.toLocaleString("en");
    const items = r.gaps.ok.first.map((g) => {
      const li = el("li", "gap-item");
      li.append(el("span", "gap-cluster", g.cluster), el("span", "arrow", "×"), el("span", "chip gap-chip", g.module));
      const reasons = el("ul", "reasons");
      for (const text of g.reasons) reasons.append(el("li", "reason", text));
      li.append(reasons);
      return li;
    });
    fill($("gaps"), items.length ? items : [el("li", "none", "No gaps: every applicable cell is delivered.")], { total: Math.max(r.gaps.ok.total, 1), noun: "more gaps" });
  } else inline($("gaps"), r.gaps);
  // waves
  if (r.waves.ok) {
    const items = r.waves.ok.first.map((w, k) => {
      const li = el("li", "wave");
      li.append(el("h3", null, `Wave ${k + 1}`), el("span", "count", `${w.size.toLocaleString("en")} measure${w.size === 1 ? "" : "s"}`));
      const ul = el("ul");
      for (const id of w.ids) ul.append(el("li", null, id));
      if (w.size > w.ids.length) ul.append(el("li", "none more", `… and ${(w.size - w.ids.length).toLocaleString("en")} more`));
      li.append(ul);
      return li;
    });
    fill($("waves"), items, { total: r.waves.ok.total, noun: "more waves", cap: 60 });
  } else inline($("waves"), r.waves);
  // schedule
  if (r.schedule.ok) {
    const s = r.schedule.ok;
    const f = stat("project finish", s.finishDate, `${s.durationDays.toLocaleString("en")} days from ${s.projectStart}`, "accent");
    f.querySelector(".stat-value").id = "sched-finish";
    $("sched-stats").replaceChildren(
      f,
      stat("critical measures", s.critical.toLocaleString("en"), `on ${s.paths.length} critical path${s.paths.length === 1 ? "" : "s"} listed`),
      stat("near-critical", s.nearCritical.toLocaleString("en")),
      stat("infeasible deadlines", s.late.total.toLocaleString("en"), s.late.total ? "the network cannot meet them" : "every deadline can be met", s.late.total ? "bad" : "good"),
    );
    const ol = el("ol", "paths");
    ol.id = "sched-paths";
    for (const p of s.paths) ol.append(el("li", null, p.join(" → ")));
    const ul = el("ul", "late-list");
    ul.id = "sched-late";
    for (const x of s.late.first) ul.append(el("li", null, `${x.id}: due ${x.deadline}, finishes ${x.early_finish_date} at the earliest (${x.days_late} days late)`));
    if (!s.late.total) ul.append(el("li", "none", "Every deadline can be met."));
    $("sched-lists").replaceChildren(ol, ul);
  } else {
    $("sched-stats").replaceChildren();
    inline($("sched-lists"), r.schedule);
  }
  // diagnostics
  $("diag-count").textContent = d.total.toLocaleString("en");
  const items = d.first.map((x) => {
    const li = el("li", x.severity);
    li.append(el("span", "sev", x.severity), el("code", null, x.code));
    if (x.id) li.append(el("span", "where", `${x.entity} ${x.id}`));
    li.append(el("code", "path", x.path), el("span", null, x.message));
    return li;
  });
  fill($("diagnostics"), items.length ? items : [el("li", "none", "No errors or warnings.")], { total: Math.max(d.total, 1), noun: "more diagnostics" });
}
