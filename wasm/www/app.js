// The demo page: renders a strategy with the eculture WebAssembly module (web target).
// Every string that comes from a document is inserted with textContent or setAttribute, never
// as HTML, so a pasted document cannot inject markup.
// "eculture" is the web build of wasm/pkg (import map in index.html); loader.js has already
// initialised it, so the `await init()` below returns at once.
import init, { Strategy, eCulture, formatDiagnostic } from "eculture";

const $ = (id) => document.getElementById(id);

/** Create an element with optional class and text. */
function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined && text !== null) node.textContent = String(text);
  return node;
}

/** The text to show for a multilingual title: English, else Azerbaijani, else Russian. */
const best = (t, fallback = "") => t?.en ?? t?.az ?? t?.ru ?? fallback;
const pct = (share) => (share === null ? "n/a" : `${(share * 100).toFixed(1)}%`);

/** Why a section could not be computed, in the plan's terms: the cycle, or the errors that
 * block it (only those: other diagnostics never stop a section). */
function blockedText(e) {
  if (Array.isArray(e.cycle)) return `not computed: the plan has a dependency cycle ${[...e.cycle, e.cycle[0]].join(" → ")}`;
  if (Array.isArray(e.diagnostics) && e.diagnostics.length) {
    const n = e.diagnostics.length;
    return `not computed: blocked by ${n} error${n === 1 ? "" : "s"} — ${formatDiagnostic(e.diagnostics[0])}${n > 1 ? " (see Diagnostics)" : ""}`;
  }
  return `${e.name} (${e.code}): ${e.message}`;
}

/** Run a section's renderer; on an eculture error, show it in `target` instead. */
function section(target, render) {
  try {
    render();
  } catch (e) {
    const tag = target.tagName === "OL" || target.tagName === "UL" ? "li" : "p";
    target.replaceChildren(el(tag, "error-inline", blockedText(e)));
  }
}

function renderHeader(doc) {
  const info = doc.strategy;
  $("title").textContent = best(info.title, info.id);
  $("subtitle").textContent = info.title.en && info.title.az ? info.title.az : "";
  const parts = [info.id, `${info.period.start} – ${info.period.end}`];
  const act = info.approved_by;
  if (act) {
    parts.push(["approved by", act.kind, act.number ? `No. ${act.number}` : null, act.date ? `of ${act.date}` : null]
      .filter(Boolean)
      .join(" "));
  }
  $("meta").textContent = parts.join(" · ");
  document.title = `${best(info.title, info.id)} · eculture`;
}

function stat(label, value, note, tone) {
  const card = el("div", `stat ${tone ?? ""}`);
  card.append(el("span", "stat-value", value), el("span", "stat-label", label));
  if (note) card.append(el("span", "stat-note", note));
  return card;
}

/** The "finish" summary card (replaced in place when the schedule's calendar changes). */
function finishStat(report) {
  const unit = report?.unit === "working_days" ? "working days" : "days";
  const card = report
    ? stat("finish", report.finish_date, `${report.duration_days.toLocaleString("en")} ${unit}`, "accent")
    : stat("finish", "–", "no schedule");
  card.id = "stat-finish";
  return card;
}

function renderStats(s, doc, matrix, waves, schedule) {
  const diags = s.validate();
  const errors = diags.filter((d) => d.severity === "error").length;
  const warnings = diags.length - errors;
  const cards = [
    stat("measures", (doc.measures ?? []).length),
    stat("clusters", (doc.clusters ?? []).length),
    stat("modules", (doc.modules ?? []).length),
  ];
  if (matrix) {
    const o = matrix.coverage().overall;
    cards.push(stat("coverage", pct(o.share), `${o.covered} of ${o.applicable} applicable cells`, "accent"));
    cards.push(stat("gaps", o.gaps, "applicable, no measure", o.gaps ? "warn" : ""));
  }
  cards.push(stat("waves", waves ? waves.length : "–", waves ? "of parallel work" : "not computed (see Waves)"));
  cards.push(finishStat(schedule));
  cards.push(
    stat(
      "validation",
      errors ? `${errors} error${errors === 1 ? "" : "s"}` : "valid",
      `${warnings} warning${warnings === 1 ? "" : "s"}`,
      errors ? "bad" : "good",
    ),
  );
  $("stats").replaceChildren(...cards);
}

function renderMatrix(matrix, doc) {
  const table = $("matrix");
  const clusters = new Map((doc.clusters ?? []).map((c) => [c.id, c]));
  const modules = new Map((doc.modules ?? []).map((m) => [m.id, m]));
  const ids = matrix.modules;
  const coverage = new Map(matrix.coverage().clusters.map((c) => [c.id, c]));

  // Module titles, vertical. A new category (in document order) starts with a separator.
  const category = (k) => modules.get(ids[k])?.category ?? "";
  const starts = (k) => k > 0 && category(k) !== category(k - 1);
  const head = el("tr", "modules");
  head.append(el("th", "corner", "cluster \\ module"));
  ids.forEach((id, k) => {
    const th = el("th", starts(k) ? "module sep" : "module");
    const title = best(modules.get(id)?.title, id);
    th.append(el("span", null, title));
    const cat = category(k).replaceAll("_", " ");
    th.setAttribute("title", cat ? `${title} (${id}; ${cat})` : `${title} (${id})`);
    th.scope = "col";
    head.append(th);
  });
  head.append(el("th", "cov-head", "coverage"));

  const thead = el("thead");
  thead.append(head);
  const tbody = el("tbody");
  const cells = matrix.cells;
  matrix.clusters.forEach((cid, row) => {
    const tr = el("tr");
    const th = el("th", "cluster");
    th.scope = "row";
    const c = clusters.get(cid);
    th.append(el("span", "cluster-title", best(c?.title, cid)));
    if (c?.institutions) th.append(el("span", "cluster-note", `${c.institutions.toLocaleString("en")} institutions`));
    tr.append(th);
    for (let col = 0; col < ids.length; col += 1) {
      const cell = cells[row * ids.length + col];
      const td = el("td", `cell ${cell.state}${starts(col) ? " sep" : ""}`);
      td.dataset.state = cell.state;
      const where = `${best(c?.title, cid)} × ${best(modules.get(cell.module)?.title, cell.module)}`;
      if (cell.state === "covered") {
        td.textContent = `✔${cell.measures.length}`;
        td.setAttribute("title", `${where}: measures ${cell.measures.join(", ")}`);
      } else if (cell.state === "gap") {
        td.textContent = "gap";
        td.setAttribute("title", `${where}: applicable, no measure`);
      } else {
        td.textContent = "·";
        td.setAttribute("title", `${where}: not applicable`);
      }
      tr.append(td);
    }
    tr.append(el("td", "cov", pct(coverage.get(cid)?.share ?? null)));
    tbody.append(tr);
  });
  table.replaceChildren(thead, tbody);
}

function renderCoverage(matrix, doc) {
  const titles = new Map((doc.clusters ?? []).map((c) => [c.id, best(c.title, c.id)]));
  const items = matrix.coverage().clusters.map((c) => {
    const li = el("li");
    const bar = el("span", "bar");
    const fill = el("span", "fill");
    fill.style.width = `${(c.share ?? 0) * 100}%`;
    bar.append(fill);
    li.append(
      el("span", "bar-label", titles.get(c.id) ?? c.id),
      bar,
      el("span", "bar-value", c.share === null ? "n/a" : `${pct(c.share)} (${c.covered}/${c.applicable})`),
    );
    return li;
  });
  $("coverage").replaceChildren(...items);
}

function renderGaps(matrix, doc) {
  const clusters = new Map((doc.clusters ?? []).map((c) => [c.id, best(c.title, c.id)]));
  const modules = new Map((doc.modules ?? []).map((m) => [m.id, best(m.title, m.id)]));
  const gaps = matrix.gaps();
  $("gap-count").textContent = String(gaps.length);
  const byCluster = new Map();
  for (const g of gaps) byCluster.set(g.cluster, [...(byCluster.get(g.cluster) ?? []), g.module]);
  const items = [...byCluster].map(([cluster, mods]) => {
    const li = el("li");
    li.append(el("span", "gap-cluster", clusters.get(cluster) ?? cluster));
    const chips = el("span", "chips");
    for (const m of mods) chips.append(el("span", "chip gap-chip", modules.get(m) ?? m));
    li.append(chips);
    return li;
  });
  $("gaps").replaceChildren(...(items.length ? items : [el("li", "none", "No gaps: every applicable cell is covered.")]));
}

function renderWaves(waves, doc) {
  const titles = new Map((doc.measures ?? []).map((m) => [m.id, best(m.title, m.id)]));
  const items = waves.map((wave, k) => {
    const li = el("li", "wave");
    li.append(el("h3", null, `Wave ${k + 1}`), el("span", "count", `${wave.length} measure${wave.length === 1 ? "" : "s"}`));
    const ul = el("ul");
    for (const id of wave) {
      const item = el("li");
      item.append(el("code", null, id), el("span", null, titles.get(id) ?? ""));
      item.setAttribute("title", `${id}: ${titles.get(id) ?? ""}`);
      ul.append(item);
    }
    li.append(ul);
    return li;
  });
  $("waves").replaceChildren(...items);
}

// ---- schedule ----

/** A row of measure-id chips joined by arrows; each chip's tooltip is the measure's title. */
function chain(ids, titles, chipClass) {
  const span = el("span", "chain");
  ids.forEach((id, k) => {
    if (k > 0) span.append(el("span", "arrow", "→"));
    const chip = el("code", `chip ${chipClass}`, id);
    chip.setAttribute("title", titles.get(id) ?? id);
    span.append(chip);
  });
  return span;
}

function scheduleSummary(report) {
  const unit = report.unit === "working_days" ? "working days" : "calendar days";
  const critical = report.records.filter((r) => r.critical).length;
  const box = el("div", "stats sched-stats");
  const finish = stat("project finish", report.finish_date, `${report.duration_days.toLocaleString("en")} ${unit} from ${report.project_start}`, "accent");
  finish.querySelector(".stat-value").id = "sched-finish";
  const late = report.infeasible_deadlines.length;
  box.append(
    finish,
    stat("critical measures", critical, `on ${report.critical_paths.length}${report.critical_paths_truncated ? "+" : ""} critical path${report.critical_paths.length === 1 ? "" : "s"}`),
    stat("near-critical", report.near_critical.length, "total float of at most 5 days"),
    stat("infeasible deadlines", late, late ? "the network cannot meet them" : "every deadline can be met", late ? "bad" : "good"),
  );
  return box;
}

function criticalPathList(report, titles) {
  const wrap = el("div", "sched-block");
  wrap.append(el("h3", null, report.critical_paths.length === 1 ? "Critical path" : "Critical paths"));
  const ol = el("ol", "paths");
  ol.id = "sched-paths";
  for (const path of report.critical_paths) {
    const li = el("li");
    li.append(chain(path, titles, "crit-chip"));
    ol.append(li);
  }
  if (!report.critical_paths.length) ol.append(el("li", "none", "No measure, no critical path."));
  wrap.append(ol);
  return wrap;
}

function infeasibleList(report, titles) {
  const wrap = el("div", "sched-block");
  const head = el("h3", null, "Infeasible deadlines ");
  head.append(el("span", "count", report.infeasible_deadlines.length));
  const ul = el("ul", "late-list");
  ul.id = "sched-late";
  for (const d of report.infeasible_deadlines) {
    const li = el("li");
    const what = el("div", "late-what");
    what.append(el("code", "late-id", d.id), el("span", "late-title", titles.get(d.id) ?? ""));
    const when = el("div", "late-when", `due ${d.deadline}, finishes ${d.early_finish_date} at the earliest: `);
    when.append(el("strong", null, `${d.days_late.toLocaleString("en")} days late`));
    const why = el("div", "late-why", d.driven_by === "start_constraint" ? "chain from a start constraint: " : "chain from the project start: ");
    why.append(chain(d.chain, titles, "late-chip"));
    li.append(what, when, why);
    ul.append(li);
  }
  if (!report.infeasible_deadlines.length) ul.append(el("li", "none", "Every deadline can be met."));
  wrap.append(head, ul);
  return wrap;
}

/** Year boundaries on the time axis (calendar days only: working-day offsets are not linear). */
function yearTicks(report, span) {
  if (report.unit !== "calendar_days") return [];
  const start = Date.parse(report.project_start);
  const ticks = [];
  for (let y = Number(report.project_start.slice(0, 4)) + 1; ; y += 1) {
    const offset = (Date.parse(`${y}-01-01`) - start) / 86_400_000;
    if (offset >= span) break;
    // Keep clear of the start and finish labels at both ends.
    if (offset > span * 0.08 && offset < span * 0.92) ticks.push([String(y), offset]);
  }
  return ticks;
}

function ganttTable(report, titles) {
  const span = Math.max(report.duration_days, 1);
  const pct = (offset) => `${(Math.min(Math.max(offset, 0), span) / span) * 100}%`;
  const near = new Set(report.near_critical);
  const table = el("table", "gantt");
  table.id = "gantt";
  const head = el("tr");
  const axis = el("th", "timeline");
  const ruler = el("div", "ruler");
  ruler.append(el("span", "ruler-start", report.project_start), el("span", "ruler-end", report.finish_date));
  for (const [label, offset] of yearTicks(report, span)) {
    const tick = el("span", "tick", label);
    tick.style.left = pct(offset);
    ruler.append(tick);
  }
  axis.append(ruler);
  head.append(el("th", "m", "measure"), el("th", "d", "start"), el("th", "d", "finish"), el("th", "f", "float"), axis);
  const thead = el("thead");
  thead.append(head);
  const tbody = el("tbody");
  const rows = report.records
    .map((r, k) => [r, k])
    .sort(([a, i], [b, j]) => a.early_start - b.early_start || a.early_finish - b.early_finish || i - j);
  for (const [r] of rows) {
    const kind = r.total_float < 0 ? "late" : r.critical ? "critical" : near.has(r.id) ? "near" : "normal";
    const tr = el("tr", kind);
    tr.dataset.id = r.id;
    const name = el("td", "m");
    name.append(el("code", null, r.id), el("span", null, titles.get(r.id) ?? ""));
    name.setAttribute("title", `${r.id}: ${titles.get(r.id) ?? ""}`);
    const float = el("td", "f", r.total_float);
    float.setAttribute("title", `total float ${r.total_float}, free float ${r.free_float}`);
    const cell = el("td", "timeline");
    const track = el("div", "track");
    if (r.total_float > 0) {
      const tail = el("div", "tail");
      tail.style.left = pct(r.early_finish);
      tail.style.width = `calc(${pct(r.late_finish)} - ${pct(r.early_finish)})`;
      track.append(tail);
    }
    if (r.duration === 0) {
      const m = el("span", "milestone", "◆");
      m.style.left = pct(r.early_start);
      track.append(m);
    } else {
      const bar = el("div", "gbar");
      bar.style.left = pct(r.early_start);
      bar.style.width = `calc(${pct(r.early_finish)} - ${pct(r.early_start)})`;
      track.append(bar);
    }
    track.setAttribute(
      "title",
      `${r.id}: ${r.early_start_date} – ${r.early_finish_date} (${r.duration} days); late ${r.late_start_date} – ${r.late_finish_date}`,
    );
    cell.append(track);
    tr.append(name, el("td", "d", r.early_start_date), el("td", "d", r.early_finish_date), float, cell);
    tbody.append(tr);
  }
  table.append(thead, tbody);
  const wrap = el("div", "table-wrap gantt-wrap");
  const legend = el("ul", "gantt-legend");
  for (const [cls, text] of [
    ["critical", "critical"],
    ["near", "near-critical"],
    ["normal", "other"],
    ["late", "negative float (deadline missed)"],
  ]) {
    const li = el("li");
    li.append(el("span", `key ${cls}`), text);
    legend.append(li);
  }
  wrap.append(legend, table);
  return wrap;
}

/** Compute and show the schedule under the chosen calendar; return its report. */
function renderSchedule(s, doc) {
  const titles = new Map((doc.measures ?? []).map((m) => [m.id, best(m.title, m.id)]));
  const schedule = s.schedule({ calendar: $("sched-calendar").value || null });
  try {
    const report = schedule.report();
    $("sched-body").replaceChildren(
      scheduleSummary(report),
      criticalPathList(report, titles),
      infeasibleList(report, titles),
      ganttTable(report, titles),
    );
    return report;
  } finally {
    schedule.free();
  }
}

function renderDiagnostics(s) {
  // errors first, document order within each
  const diags = [...s.validate()].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === "error" ? -1 : 1));
  $("diag-count").textContent = String(diags.length);
  const items = diags.map((d) => {
    const li = el("li", d.severity);
    const where = [d.id ? `${d.path.split(/[.[]/)[0].replace(/s$/, "")} ${d.id}` : null, d.line ? `line ${d.line}` : null]
      .filter(Boolean)
      .join(", ");
    li.append(el("span", "sev", d.severity), el("code", null, d.code));
    if (where) li.append(el("span", "where", where));
    li.append(el("code", "path", d.path), el("span", null, d.message));
    if (d.blocks) li.append(el("span", "blocks", `stops what needs the ${d.blocks}`));
    return li;
  });
  $("diagnostics").replaceChildren(...(items.length ? items : [el("li", "none", "No errors or warnings.")]));
}

let current = null;

/** Render a whole strategy; sections that cannot be computed show their error. */
function render(s) {
  const doc = s.document();
  renderHeader(doc);
  let matrix = null;
  let waves = null;
  try {
    matrix = s.matrix();
  } catch (e) {
    // Only duplicate cluster or module ids stop the matrix; the sections below say why.
    $("matrix").replaceChildren();
    for (const id of ["coverage", "gaps"]) $(id).replaceChildren(el("li", "error-inline", blockedText(e)));
    $("gap-count").textContent = "";
    $("matrix-error").textContent = blockedText(e);
    $("matrix-error").hidden = false;
  }
  if (matrix) {
    $("matrix-error").hidden = true;
    section($("matrix"), () => renderMatrix(matrix, doc));
    section($("coverage"), () => renderCoverage(matrix, doc));
    section($("gaps"), () => renderGaps(matrix, doc));
  }
  section($("waves"), () => {
    waves = s.waves();
    renderWaves(waves, doc);
  });
  let schedule = null;
  section($("sched-body"), () => {
    schedule = renderSchedule(s, doc);
  });
  renderStats(s, doc, matrix, waves, schedule);
  renderDiagnostics(s);
  matrix?.free();
  current?.free();
  current = s;
  document.body.dataset.renders = String(Number(document.body.dataset.renders ?? 0) + 1);
}

function showError(e) {
  $("err-name").textContent = e?.name ?? "Error";
  $("err-code").textContent = e?.code ?? "";
  const where = [e?.path, e?.line ? `line ${e.line}, column ${e.column}` : null].filter(Boolean).join(" · ");
  $("err-path").textContent = where || "(document)";
  $("err-message").textContent = e?.message ?? String(e);
  $("load-error").hidden = false;
  document.body.dataset.status = "error";
}

function load(make) {
  document.body.dataset.loads = String(Number(document.body.dataset.loads ?? 0) + 1);
  try {
    const s = make();
    $("load-error").hidden = true;
    document.body.dataset.status = "ok";
    render(s);
  } catch (e) {
    showError(e);
  }
}

await init();
$("load").addEventListener("click", () => load(() => Strategy.fromJson($("source").value)));
$("reset").addEventListener("click", () => {
  $("source").value = "";
  load(() => eCulture());
});
$("sched-calendar").addEventListener("change", () => {
  if (!current) return;
  let schedule = null;
  section($("sched-body"), () => {
    schedule = renderSchedule(current, current.document());
  });
  $("stat-finish")?.replaceWith(finishStat(schedule));
  document.body.dataset.schedules = String(Number(document.body.dataset.schedules ?? 0) + 1);
});
$("fill").addEventListener("click", () => {
  if (current) $("source").value = current.toJson();
});
load(() => eCulture());
document.body.dataset.ready = "1";
