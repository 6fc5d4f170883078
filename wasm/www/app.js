// The demo page: a planner's view of a strategy, computed and drawn by the eculture WebAssembly
// module. The pictures (heatmap, Gantt chart, report) are the core's SVG and HTML, the same bytes
// as in Python and Rust: this file only lays them out, wires the controls and lists results.
// Every string that comes from a document is inserted with textContent or setAttribute; the
// core's SVG is parsed as SVG (DOMParser), never as HTML, so a document cannot inject markup.
//
// `start(lean, defaultJson)` is called by loader.js once the lean build is initialised. YAML and
// TOML documents and spreadsheets (sheets.js) load the npm package's full build on demand (same
// API, same results).

import { keyboard, matrixTable, scheduleTable } from "./access.js";
import { MAX_SHEET_BYTES, PLAN_EXPORTS, cellRef, readInWorker, readerFor, sheetLimits, sniff } from "./sheets.js";

const $ = (id) => document.getElementById(id);

/** The largest file the page reads: parsing needs several times the file in WebAssembly's 4 GiB
 * of memory, and a bigger plan belongs in the CLI or Python (the core's own limit,
 * eculture::io::MAX_DOCUMENT_BYTES, is 1 GiB). */
export const MAX_FILE_BYTES = 256 * 1024 * 1024;

/** From this size on, a JSON file is read, parsed and analysed in a worker (large.js, worker.js),
 * so the page never freezes; the what-if, monitoring and exports stay with smaller plans. */
export const LARGE_FILE_BYTES = 8 * 1024 * 1024;

const state = {
  lean: null, // the lean build (JSON only)
  full: null, // the full build, loaded for YAML/TOML
  api: null, // the module the current strategy came from
  s: null, // the current Strategy
  sFull: null, // the full build's copy of it, made by the first export that needs it
  doc: null, // its document as plain data
  json: "", // its document as JSON text (what was opened, or the full build's toJson for YAML/TOML)
  defaultJson: "",
  source: "",
  lang: "en",
  changes: [],
  large: null, // large.js, while the plan on screen lives in the worker
};

/** Create an element with optional class and text. */
function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined && text !== null) node.textContent = String(text);
  return node;
}

/** How many rows a list shows: a country-scale plan has hundreds of thousands of measures, which
 * belong in the exports, the CLI or Python, not in the DOM (the pictures aggregate by themselves). */
export const LIST_CAP = 300;

/** Replace `target`'s children with `nodes` (at most `cap` of `total`), saying how many are left
 * out. Appends through a fragment: spreading 200,000 nodes into one call overflows the stack. */
function fill(target, nodes, { total = nodes.length, noun = "more", cap = LIST_CAP } = {}) {
  const frag = document.createDocumentFragment();
  for (const node of nodes.slice(0, cap)) frag.append(node);
  const rest = Math.max(total, nodes.length) - Math.min(nodes.length, cap);
  if (rest > 0) {
    frag.append(el(target.tagName === "OL" || target.tagName === "UL" ? "li" : "p", "none more", `… and ${rest.toLocaleString("en")} ${noun} (see the CSV export)`));
  }
  target.replaceChildren(frag);
}

/** A document title in the chosen language, falling back like the core's pictures do. */
const best = (t, fallback = "") =>
  (state.lang === "az" ? t?.az || t?.en : state.lang === "ru" ? t?.ru || t?.en || t?.az : t?.en || t?.az) || t?.ru || fallback;
/** A share as the core writes it (`92.5%`, `n/a`). */
const pct = (share) => state.lean.percentText(share ?? null);
const bump = (key) => {
  document.body.dataset[key] = String(Number(document.body.dataset[key] ?? 0) + 1);
};

/** Why a section could not be computed, in the plan's terms. */
function blockedText(e) {
  if (Array.isArray(e?.cycle)) return `not computed: the plan has a dependency cycle ${[...e.cycle, e.cycle[0]].join(" → ")}`;
  if (Array.isArray(e?.diagnostics) && e.diagnostics.length) {
    const n = e.diagnostics.length;
    const first = state.api.formatDiagnostic(e.diagnostics[0]);
    return `not computed: blocked by ${n} error${n === 1 ? "" : "s"} — ${first}${n > 1 ? " (see Validation)" : ""}`;
  }
  return `${e?.name ?? "Error"}${e?.code ? ` (${e.code})` : ""}: ${e?.message ?? e}`;
}

/** Run a section's renderer; on an eculture error, show why in `target` instead. */
function section(target, render) {
  try {
    render();
    return true;
  } catch (e) {
    if (!(e instanceof Error) || !("code" in e)) console.error(e);
    const tag = target.tagName === "OL" || target.tagName === "UL" ? "li" : "p";
    target.replaceChildren(el(tag, "error-inline", blockedText(e)));
    return false;
  }
}

/** Put the core's SVG text into `target`, parsed as SVG (no HTML parsing, no script). */
function showSvg(target, text) {
  const parsed = new DOMParser().parseFromString(text, "image/svg+xml");
  const svg = parsed.documentElement;
  if (svg.nodeName !== "svg") throw new Error("the picture is not SVG");
  svg.removeAttribute("width");
  svg.removeAttribute("height");
  svg.classList.add("picture");
  const placed = document.importNode(svg, true);
  target.replaceChildren(placed);
  keyboard(placed, target, { button: target.id === "gantt" }); // a Gantt bar picks its measure
}

/** Offer `text` (a string or bytes) as a file download. */
function download(name, type, text) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = el("a");
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  document.body.dataset.lastDownload = name;
}

// ---- options: one place builds what every call receives ----

const calendar = () => $("sched-calendar").value || null;
const scheduleOptions = () => ({ calendar: calendar() });
const pictureOptions = (extra = {}) => ({
  lang: state.lang,
  calendar: calendar(),
  changes: state.changes.length ? state.changes : null,
  ...extra,
});
const fileStem = () => String(state.doc?.strategy?.id ?? "strategy").replace(/[^A-Za-z0-9._-]+/g, "_");

// ---- sections ----

function renderHeader() {
  const info = state.doc.strategy;
  $("title").textContent = best(info.title, info.id);
  const other = state.lang === "az" ? info.title.en : info.title.az;
  $("subtitle").textContent = other && other !== $("title").textContent ? other : "";
  $("subtitle").lang = state.lang === "az" ? "en" : "az";
  // Russian is offered when the document has Russian titles (the strategy's, at least)
  $("lang-ru").hidden = !info.title?.ru;
  const parts = [info.id, `${info.period.start} – ${info.period.end}`];
  const act = info.approved_by;
  if (act) {
    parts.push(["approved by", act.kind, act.number ? `No. ${act.number}` : null, act.date ? `of ${act.date}` : null]
      .filter(Boolean)
      .join(" "));
  }
  $("meta").textContent = parts.join(" · ");
  $("source-name").textContent = `Source: ${state.source}`;
  document.title = `${best(info.title, info.id)} · eculture`;
}

function stat(label, value, note, tone) {
  const card = el("div", `stat ${tone ?? ""}`);
  card.append(el("span", "stat-value", value), el("span", "stat-label", label));
  if (note) card.append(el("span", "stat-note", note));
  return card;
}

function renderStats(matrix, waves, schedule) {
  const diags = state.diags;
  const errors = diags.filter((d) => d.severity === "error").length;
  const warnings = diags.length - errors;
  const doc = state.doc;
  const cards = [
    stat("measures", (doc.measures ?? []).length.toLocaleString("en")),
    stat("clusters", (doc.clusters ?? []).length.toLocaleString("en")),
    stat("modules", (doc.modules ?? []).length.toLocaleString("en")),
  ];
  if (matrix) {
    const o = matrix.coverage().overall;
    cards.push(stat("coverage", pct(o.share), `${o.covered} of ${o.applicable} applicable cells`, "accent"));
  }
  cards.push(stat("waves", waves ? waves.length.toLocaleString("en") : "–", waves ? "of parallel work" : "not computed"));
  cards.push(finishCard(schedule));
  cards.push(
    stat("validation", errors ? `${errors} error${errors === 1 ? "" : "s"}` : "valid", `${warnings} warning${warnings === 1 ? "" : "s"}`, errors ? "bad" : "good"),
  );
  $("stats").replaceChildren(...cards);
}

/** The summary's finish card for a schedule (`null`: none), marked when what-if changes apply. */
function finishCard(schedule) {
  const card = !schedule
    ? stat("finish", "–", "no schedule")
    : state.changes.length
      ? stat("finish", schedule.finishDate, "with the what-if", "warn")
      : stat("finish", schedule.finishDate, `${schedule.durationDays.toLocaleString("en")} ${calendar() ? "working days" : "days"}`, "accent");
  card.id = "stat-finish";
  return card;
}

/** The schedule with the what-if changes (none: exactly the plan's schedule). Free it. */
const currentSchedule = () => state.s.scheduleWithChanges(state.changes, scheduleOptions());

function renderHeatmap() {
  const colorBy = $("color-by").value;
  section($("heatmap"), () => showSvg($("heatmap"), state.s.heatmapSvg(pictureOptions({ colorBy }))));
  bump("heatmaps");
}

function renderGaps() {
  const clusters = new Map((state.doc.clusters ?? []).map((c) => [c.id, best(c.title, c.id)]));
  const modules = new Map((state.doc.modules ?? []).map((m) => [m.id, best(m.title, m.id)]));
  const gaps = state.s.gaps();
  $("gap-count").textContent = String(gaps.length);
  const items = gaps.slice(0, LIST_CAP).map((g) => {
    const li = el("li", "gap-item");
    li.dataset.state = g.state;
    li.dataset.cell = `${g.cluster}|${g.module}`;
    li.append(el("span", "gap-cluster", clusters.get(g.cluster) ?? g.cluster), el("span", "arrow", "×"), el("span", "chip gap-chip", modules.get(g.module) ?? g.module));
    const why = el("ul", "reasons");
    // the core's sentence, the same as the command-line tool's
    for (const r of g.reasons) why.append(el("li", `reason ${r.reason}`, state.api.gapReasonText(r)));
    li.append(why);
    return li;
  });
  if (!items.length) items.push(el("li", "none", "No gaps: every applicable cell is delivered."));
  fill($("gaps"), items, { total: Math.max(gaps.length, items.length), noun: "more gaps" });
}

function renderWaves(waves) {
  const titles = new Map((state.doc.measures ?? []).map((m) => [m.id, best(m.title, m.id)]));
  const items = waves.slice(0, 60).map((wave, k) => {
    const li = el("li", "wave");
    li.append(el("h3", null, `Wave ${k + 1}`), el("span", "count", `${wave.length.toLocaleString("en")} measure${wave.length === 1 ? "" : "s"}`));
    const ul = el("ul");
    for (const id of wave.slice(0, 40)) {
      const item = el("li");
      item.append(el("code", null, id), el("span", null, titles.get(id) ?? ""));
      item.setAttribute("title", `${id}: ${titles.get(id) ?? ""}`);
      ul.append(item);
    }
    if (wave.length > 40) ul.append(el("li", "none more", `… and ${(wave.length - 40).toLocaleString("en")} more`));
    li.append(ul);
    return li;
  });
  fill($("waves"), items, { total: waves.length, noun: "more waves", cap: 60 });
}

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

/** The schedule (with the what-if changes when there are some): numbers, lists and the Gantt chart. */
function renderSchedule() {
  const titles = new Map((state.doc.measures ?? []).map((m) => [m.id, best(m.title, m.id)]));
  const sched = currentSchedule();
  try {
    const critical = sched.criticalIds;
    const late = sched.infeasibleDeadlines;
    const paths = sched.criticalPaths;
    const unit = calendar() ? "working days" : "calendar days";
    const finish = stat("project finish", sched.finishDate, `${sched.durationDays.toLocaleString("en")} ${unit} from ${sched.projectStart}`, state.changes.length ? "warn" : "accent");
    finish.querySelector(".stat-value").id = "sched-finish";
    $("sched-stats").replaceChildren(
      finish,
      stat("critical measures", critical.length, `on ${paths.length}${sched.criticalPathsTruncated ? "+" : ""} critical path${paths.length === 1 ? "" : "s"}`),
      stat("near-critical", sched.nearCritical.length, `total float of at most ${state.api.nearCriticalDays()} days`),
      stat("infeasible deadlines", late.length, late.length ? "the network cannot meet them" : "every deadline can be met", late.length ? "bad" : "good"),
    );
    const pathsBox = el("div", "sched-block");
    pathsBox.append(el("h3", null, paths.length === 1 ? "Critical path" : "Critical paths"));
    const ol = el("ol", "paths");
    ol.id = "sched-paths";
    for (const p of paths.slice(0, 20)) {
      const li = el("li");
      li.append(chain(p, titles, "crit-chip"));
      ol.append(li);
    }
    if (!paths.length) ol.append(el("li", "none", "No measure, no critical path."));
    pathsBox.append(ol);
    const lateBox = el("div", "sched-block");
    lateBox.append(el("h3", null, `Infeasible deadlines (${late.length})`));
    const ul = el("ul", "late-list");
    ul.id = "sched-late";
    for (const d of late.slice(0, LIST_CAP)) {
      const li = el("li");
      const what = el("div", "late-what");
      what.append(el("code", "late-id", d.id), el("span", "late-title", titles.get(d.id) ?? ""));
      const when = el("div", "late-when", `due ${d.deadline}, finishes ${d.early_finish_date} at the earliest: `);
      when.append(el("strong", null, `${d.days_late.toLocaleString("en")} days late`));
      const why = el("div", "late-why", "driven by: ");
      why.append(chain(d.chain, titles, "late-chip"));
      li.append(what, when, why);
      ul.append(li);
    }
    if (late.length > LIST_CAP) ul.append(el("li", "none more", `… and ${(late.length - LIST_CAP).toLocaleString("en")} more (see the CSV export)`));
    if (!late.length) ul.append(el("li", "none", "Every deadline can be met."));
    lateBox.append(ul);
    $("sched-lists").replaceChildren(pathsBox, lateBox);
    return { finishDate: sched.finishDate, durationDays: sched.durationDays };
  } finally {
    sched.free();
  }
}

function renderGantt() {
  section($("gantt"), () => showSvg($("gantt"), state.s.ganttSvg(pictureOptions())));
  bump("gantts");
}

/** Names for the text alternatives: `id — title` in the page's language. */
function names() {
  const by = (list) => new Map((list ?? []).map((x) => [x.id, best(x.title, x.id)]));
  const [clusters, modules, measures] = [by(state.doc.clusters), by(state.doc.modules), by(state.doc.measures)];
  const say = (map) => (id) => (map.get(id) && map.get(id) !== id ? `${id} — ${map.get(id)}` : id);
  return { cluster: (id) => clusters.get(id) ?? id, module: (id) => modules.get(id) ?? id, measure: say(measures) };
}

/** The tables beside the heatmap and the Gantt chart (their text alternatives), drawn from the
 * full build when their disclosure is open (the lean build carries neither cells nor records). */
async function renderAlternatives() {
  const open = ["heatmap-alt", "gantt-alt"].filter((id) => $(id).open);
  if (!open.length || !state.s) return;
  try {
    const s = await fullStrategy("the tables");
    if ($("heatmap-alt").open) {
      section($("heatmap-table"), () => {
        const m = s.matrix();
        try {
          $("heatmap-table").replaceChildren(matrixTable(m, names(), "The cluster × module matrix: each cell's state and the measures delivering it"));
        } finally {
          m.free();
        }
      });
    }
    if ($("gantt-alt").open) {
      section($("gantt-table"), () => {
        const sched = s.scheduleWithChanges(state.changes, scheduleOptions());
        try {
          $("gantt-table").replaceChildren(scheduleTable(sched, names(), { id: "gantt-data", caption: "The schedule, measure by measure (early dates)" }));
        } finally {
          sched.free();
        }
      });
    }
  } catch (e) {
    for (const id of open) $(id.replace("-alt", "-table")).replaceChildren(el("p", "error-inline", blockedText(e)));
  }
  bump("alternatives");
}

function renderDiagnostics() {
  const diags = [...state.diags].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === "error" ? -1 : 1));
  $("diag-count").textContent = String(diags.length);
  const items = diags.slice(0, LIST_CAP).map((d) => {
    const li = el("li", d.severity);
    // the entity as the core names it in the diagnostic's text (`goal` for strategy.goals[…])
    const where = [d.id ? `${state.api.diagnosticEntity(d)} ${d.id}` : null, d.line ? `line ${d.line}` : null, cellRef(d)]
      .filter(Boolean)
      .join(", ");
    li.append(el("span", "sev", d.severity), el("code", null, d.code));
    if (where) li.append(el("span", "where", where));
    li.append(el("code", "path", d.path), el("span", null, d.message));
    if (d.suggestion) li.append(el("span", "suggestion", d.suggestion));
    if (d.blocks) li.append(el("span", "blocks", `stops what needs the ${d.blocks}`));
    return li;
  });
  if (!items.length) items.push(el("li", "none", "No errors or warnings."));
  fill($("diagnostics"), items, { total: Math.max(diags.length, items.length), noun: "more diagnostics" });
}

/** The what-if measure box: any id can be typed (the core says "did you mean …?" for a typo);
 * the suggestions list the first measures in document order. */
function fillMeasurePicker() {
  const measures = state.doc.measures ?? [];
  const options = measures.slice(0, 2000).map((m) => {
    const o = el("option", null, best(m.title, m.id));
    o.value = m.id;
    return o;
  });
  fill($("wi-ids"), options, { cap: 2000 });
  const box = $("wi-measure");
  if (!measures.some((m) => m.id === box.value)) box.value = measures[0]?.id ?? "";
}

/** Everything that depends on the schedule (and so on the calendar and the what-if changes). */
function renderPlanViews() {
  let schedule = null;
  section($("sched-lists"), () => {
    schedule = renderSchedule();
  });
  if (!schedule) $("sched-stats").replaceChildren();
  renderGantt();
  renderHeatmap();
  void renderAlternatives();
  return schedule;
}

/** Render a whole strategy; sections that cannot be computed say why. */
function render() {
  renderHeader();
  fillMeasurePicker();
  let matrix = null;
  let waves = null;
  try {
    matrix = state.s.matrix();
  } catch {
    // the heatmap and gaps sections say why below
  }
  section($("gaps"), renderGaps);
  section($("waves"), () => {
    waves = state.s.waves();
    renderWaves(waves);
  });
  const schedule = renderPlanViews();
  renderStats(matrix, waves, schedule);
  renderDiagnostics();
  matrix?.free();
  bump("renders");
  if (state.monitoring) void refreshMonitoring();
}

// ---- monitoring (monitoring.js and the full build, loaded when the section is opened) ----

/** What monitoring.js draws with: the full build's copy of the strategy on screen. */
function monitoringContext() {
  return {
    api: state.full,
    s: state.sFull,
    doc: state.doc,
    lang: state.lang,
    calendar: calendar(),
    stem: fileStem(),
    source: state.source,
    ui: { el, fill, showSvg, download, section },
    // the strategy with collected reports (sheets.js) becomes the plan on screen
    adopt: (s, source) => adopt(state.full, s, { source, format: document.body.dataset.format, keepDate: true }),
  };
}

/** The full build's copy of the strategy on screen (read once per document). */
async function fullStrategy(why) {
  const full = await fullBuild(why);
  state.sFull ??= state.api === full ? state.s : full.Strategy.fromJson(state.json);
  return state.sFull;
}

async function refreshMonitoring() {
  try {
    await fullStrategy("monitoring");
    state.monitoring.render(monitoringContext());
    $("mon-loading").textContent = "";
  } catch (e) {
    $("mon-loading").textContent = blockedText(e);
  }
}

async function openMonitoring() {
  if (state.monitoring) return;
  $("mon-open").disabled = true;
  $("mon-loading").textContent = "Loading the full build for monitoring…";
  try {
    const [mod] = await Promise.all([import("./monitoring.js"), fullStrategy("monitoring")]);
    mod.start(monitoringContext);
    state.monitoring = mod;
    $("mon-body").hidden = false;
    $("mon-open").hidden = true;
    $("mon-loading").textContent = "";
    await refreshMonitoring();
  } catch (e) {
    $("mon-open").disabled = false;
    $("mon-loading").textContent = `Monitoring could not be loaded: ${e?.message ?? e}`;
    console.error(e);
  }
}

// ---- what-if ----

function applyWhatIf() {
  const id = $("wi-measure").value.trim();
  const days = Number($("wi-days").value);
  const kind = $("wi-kind").value;
  const box = $("wi-result");
  if (!id) return;
  const changes = [{ id, days: Number.isFinite(days) ? Math.trunc(days) : 0, kind }];
  let wi;
  try {
    wi = state.s.whatIf(changes, scheduleOptions());
  } catch (e) {
    box.replaceChildren(el("p", "error-inline", blockedText(e)));
    bump("whatifs");
    return;
  }
  state.changes = changes;
  const titles = new Map((state.doc.measures ?? []).map((m) => [m.id, best(m.title, m.id)]));
  const head = el("p", "wi-head");
  const delta = wi.finish_delta_days;
  head.append(
    `${kind === "start" ? "Holding back the start of" : "Lengthening"} `,
    el("code", null, id),
    ` by ${changes[0].days} days moves the finish from ${wi.baseline_finish_date} to `,
    el("strong", "wi-finish", wi.finish_date),
    ` (${delta > 0 ? "+" : ""}${delta} days).`,
  );
  const facts = el("ul", "wi-facts");
  const newly = wi.missed_deadlines.filter((m) => m.newly_missed);
  facts.append(el("li", null, `${wi.moved_cells.length} matrix cell${wi.moved_cells.length === 1 ? "" : "s"} delivered later or earlier; ${wi.float_changes.length} measure${wi.float_changes.length === 1 ? "" : "s"} lose or gain float.`));
  if (newly.length) {
    const li = el("li", "bad", `Newly missed deadlines: `);
    li.append(chain(newly.map((m) => m.id), titles, "late-chip"));
    facts.append(li);
  } else {
    facts.append(el("li", "good", "No deadline that was met is missed."));
  }
  if (wi.indicator_targets_missed?.length) facts.append(el("li", "bad", `${wi.indicator_targets_missed.length} indicator target year(s) now missed.`));
  box.replaceChildren(head, facts);
  if ($("color-by").value === "state") $("color-by").value = "quarter"; // so the matrix shows the move
  const schedule = renderPlanViews();
  $("stat-finish")?.replaceWith(finishCard(schedule));
  bump("whatifs");
}

function clearWhatIf() {
  state.changes = [];
  $("wi-result").replaceChildren();
  render();
}

// ---- loading documents ----

function showError(e, source) {
  $("err-name").textContent = e?.name ?? "Error";
  $("err-code").textContent = e?.code ?? "";
  $("err-source").textContent = source;
  const where = [e?.path, e?.line ? `line ${e.line}, column ${e.column}` : null].filter(Boolean).join(" · ");
  $("err-path").textContent = where || "(document)";
  $("err-message").textContent = e?.message ?? String(e);
  $("load-error").hidden = false;
  document.body.dataset.status = "error";
}

/** The npm package's full build, loaded on first use (YAML, TOML, spreadsheets, the HTML report). */
async function fullBuild(why) {
  if (!state.full) {
    const full = await import("eculture/full");
    await full.default();
    state.full = full;
    $("build-name").textContent = `full build, loaded for ${why}`;
  }
  return state.full;
}

/** The module that reads `format`: the lean build for JSON, the full one for YAML and TOML. */
async function moduleFor(format) {
  return format === "json" ? state.lean : fullBuild("YAML and TOML");
}

/** Parse `text` in `format` and show it; on an error, keep the current strategy and say why. */
async function load(text, format, source) {
  bump("loads");
  try {
    const api = await moduleFor(format);
    const make = { json: api.Strategy.fromJson, yaml: api.Strategy.fromYaml, toml: api.Strategy.fromToml }[format];
    let s;
    try {
      s = make(text);
    } catch (e) {
      // The lean build's parse errors name no JSON path (docs/performance.md): the full build
      // reads the text again and throws the whole error, as the npm package does.
      if (api === state.lean && e?.name === "ParseError") {
        const full = await fullBuild("the JSON path of a parse error");
        full.Strategy.fromJson(text).free();
      }
      throw e;
    }
    // the names and titles the lists show: a JSON text is the document already (re-serialising a
    // country-scale plan would cost seconds)
    adopt(api, s, { source, format, json: format === "json" ? text : null });
  } catch (e) {
    if (!(e instanceof Error) || !("code" in e)) console.error(e);
    showError(e, source);
  }
}

/** Show `s` (a Strategy of `api`, the lean or the full build) as the plan on screen. `json`: its
 * document's text when known; `keepDate`: the monitoring status date stays (the same plan with
 * collected reports), else monitoring starts at the new document's data date. */
function adopt(api, s, { source, format, json = null, keepDate = false, diags = null }) {
  json ??= s.toJson();
  const doc = JSON.parse(json);
  if (state.s !== s) state.s?.free();
  if (state.sFull !== state.s && state.sFull !== s) state.sFull?.free();
  Object.assign(state, { api, s, sFull: api === state.full ? s : null, doc, json, source, changes: [], diags: diags ?? s.validate() });
  $("wi-result").replaceChildren();
  if (!keepDate) $("mon-date").value = "";
  leaveLarge();
  $("load-error").hidden = true;
  document.body.dataset.status = "ok";
  document.body.dataset.format = format;
  render();
}

/** Open a spreadsheet (or, once their readers are in, an MSPDI or XER plan) with the full
 * build's reader from sheets.js; its findings are in the Validation list, located by cell. */
async function openSpreadsheet(file, reader) {
  bump("loads");
  try {
    // refused before reading, as showError shows them (not thrown: nothing went wrong)
    const refuse = (name, code, message) => showError({ name, code, message }, file.name);
    if (!reader.read) {
      refuse("ArgumentError", "invalid_argument", `${reader.label} (.${reader.ext}) files are not read by this build yet; JSON, YAML, TOML, XLSX, XLSM, XLSB, XLS, ODS and CSV are`);
      return;
    }
    if (file.size > MAX_SHEET_BYTES) {
      refuse("ParseError", "parse_error", `the ${reader.label} is ${file.size.toLocaleString("en")} bytes; this page reads spreadsheets of at most ${MAX_SHEET_BYTES.toLocaleString("en")} (use the eculture CLI or Python)`);
      return;
    }
    $("source-name").textContent = `Reading ${file.name} (${reader.label})…`;
    if (file.size >= sheetLimits.workerBytes) {
      // a large workbook is read in sheet-worker.js; the page gets the document and the
      // reading's diagnostics (sheet and cell) back
      const [full, read] = await Promise.all([fullBuild(`the ${reader.label}`), readInWorker(file, reader)]);
      document.body.dataset.sheetMs = String(Math.round(read.ms));
      document.body.dataset.sheetReadAt = String(Math.round(performance.now())); // the main thread takes over
      document.body.dataset.sheetWorker = String(Number(document.body.dataset.sheetWorker ?? 0) + 1);
      if (read.json.length >= LARGE_FILE_BYTES) {
        // a country's plan: analysed in the large-plan worker like a JSON file of its size
        await openLarge(new File([read.json], file.name, { type: "application/json" }));
        return;
      }
      adopt(full, full.Strategy.fromJson(read.json), { source: file.name, format: reader.ext, json: read.json, diags: read.diags });
      return;
    }
    const [full, bytes] = await Promise.all([fullBuild(`the ${reader.label}`), file.arrayBuffer()]);
    const t0 = performance.now();
    const s = reader.read(full, new Uint8Array(bytes));
    document.body.dataset.sheetMs = String(Math.round(performance.now() - t0));
    adopt(full, s, { source: file.name, format: reader.ext });
  } catch (e) {
    if (!(e instanceof Error) || !("code" in e)) console.error(e);
    $("source-name").textContent = `Source: ${state.source}`;
    showError(e, file.name);
  }
}

/** The controls that need the plan on this thread (what-if, monitoring, exports). */
const MAIN_THREAD_ONLY = ["wi-apply", "wi-clear", "mon-open", "export-heatmap", "export-matrix-csv", "export-gantt", "export-schedule-csv", "export-report", ...PLAN_EXPORTS.map((x) => x.id), "fill"];

function leaveLarge() {
  if (!state.large) return;
  state.large = null;
  for (const id of MAIN_THREAD_ONLY) $(id).disabled = false;
  $("large-note").hidden = true;
}

/** The options the worker draws with. */
const workerOptions = () => ({ lang: state.lang, calendar: calendar(), colorBy: $("color-by").value });

/** Lay out what the worker computed. */
function showLarge(message) {
  const ui = { el, fill, showSvg, best, stat, pct };
  state.large.show(message.result, ui);
  $("source-name").textContent = `Source: ${message.name}`;
  const t = message.timings;
  if (t.totalMs !== undefined) {
    const n = message.result.measures;
    $("large-time").textContent = `${n.toLocaleString("en")} measures read, parsed and analysed in ${(t.totalMs / 1000).toFixed(2)} s in a worker (read ${(t.readMs / 1000).toFixed(2)} s, parse ${(t.parseMs / 1000).toFixed(2)} s, analysis ${(t.analysisMs / 1000).toFixed(2)} s)`;
    document.body.dataset.largeMs = String(Math.round(t.totalMs));
    document.body.dataset.largeParts = JSON.stringify({ readMs: Math.round(t.readMs), parseMs: Math.round(t.parseMs), analysisMs: Math.round(t.analysisMs) });
  }
  bump("renders");
}

/** Open a large JSON file in the worker: progress on screen, the page stays responsive. */
async function openLarge(file) {
  bump("loads");
  const large = await import("./large.js");
  try {
    const message = await large.openLarge(file, workerOptions());
    state.s?.free();
    if (state.sFull !== state.s) state.sFull?.free();
    Object.assign(state, { s: null, sFull: null, doc: null, json: "", source: file.name, changes: [], diags: [], large });
    for (const id of MAIN_THREAD_ONLY) $(id).disabled = true;
    $("large-note").hidden = false;
    $("mon-body").hidden = true;
    state.monitoring = null;
    $("mon-open").hidden = false;
    $("wi-result").replaceChildren();
    $("load-error").hidden = true;
    document.body.dataset.status = "ok";
    document.body.dataset.format = "json-large";
    showLarge(message);
  } catch (e) {
    showError(e, file.name);
  }
}

/** Redraw a large plan in the worker (another language, calendar or colouring). */
async function redrawLarge() {
  try {
    showLarge(await state.large.redraw(workerOptions()));
  } catch (e) {
    showError(e, state.source);
  }
}

/** Open a `File` (from the picker or a drop): refused by type or size before it is read. */
export async function openFile(file) {
  if (!file) return;
  // spreadsheets first, by extension (sheets.js): read as bytes by the full build
  const sheet = readerFor(file.name);
  if (sheet) {
    await openSpreadsheet(file, sheet);
    return;
  }
  let format;
  try {
    format = state.lean.formatOf(file.name); // the core's rule (.json, .yaml/.yml, .toml) and its error
  } catch (e) {
    // a workbook whose name says nothing the core knows is still recognised by its first bytes
    const sniffed = typeof file.slice === "function" ? await sniff(file) : undefined;
    if (sniffed) await openSpreadsheet(file, sniffed);
    else showError(e, file.name);
    return;
  }
  if (file.size > MAX_FILE_BYTES) {
    showError(
      { name: "ParseError", code: "parse_error", message: `the file is ${file.size.toLocaleString("en")} bytes; this page reads at most ${MAX_FILE_BYTES.toLocaleString("en")} (use the eculture CLI or Python for larger plans)` },
      file.name,
    );
    return;
  }
  if (format === "json" && file.size >= LARGE_FILE_BYTES) {
    await openLarge(file);
    return;
  }
  await load(await file.text(), format, file.name);
}

// ---- wiring ----

export async function start(lean, defaultJson) {
  state.lean = lean;
  state.defaultJson = defaultJson;
  $("open").addEventListener("click", () => $("file").click());
  $("file").addEventListener("change", async (ev) => {
    await openFile(ev.target.files?.[0]);
    ev.target.value = "";
  });
  // drop anywhere on the page
  let depth = 0;
  const overlay = $("drop-overlay");
  const hasFiles = (ev) => [...(ev.dataTransfer?.types ?? [])].includes("Files");
  window.addEventListener("dragenter", (ev) => {
    if (!hasFiles(ev)) return;
    depth += 1;
    overlay.hidden = false;
  });
  window.addEventListener("dragleave", () => {
    depth = Math.max(0, depth - 1);
    if (depth) return;
    overlay.hidden = true;
    for (const z of document.querySelectorAll("[data-drop]")) z.classList.remove("over");
  });
  // a drop zone of its own (`data-drop`, the filled-in workbooks) gets its files as a "files"
  // event; anywhere else a drop opens the file as the plan
  const zoneOf = (ev) => (ev.target instanceof Element ? ev.target.closest("[data-drop]") : null);
  window.addEventListener("dragover", (ev) => {
    if (!hasFiles(ev)) return;
    ev.preventDefault();
    const zone = zoneOf(ev);
    overlay.hidden = Boolean(zone);
    for (const z of document.querySelectorAll("[data-drop]")) z.classList.toggle("over", z === zone);
  });
  window.addEventListener("drop", async (ev) => {
    ev.preventDefault();
    depth = 0;
    overlay.hidden = true;
    const zone = zoneOf(ev);
    for (const z of document.querySelectorAll("[data-drop]")) z.classList.remove("over");
    if (zone) {
      zone.dispatchEvent(new CustomEvent("files", { detail: [...(ev.dataTransfer?.files ?? [])] }));
      return;
    }
    await openFile(ev.dataTransfer?.files?.[0]);
  });
  $("reset").addEventListener("click", () => load(state.defaultJson, "json", "the embedded e-Culture default"));
  $("load").addEventListener("click", () => load($("source").value, $("source-format").value, "the pasted text"));
  $("fill").addEventListener("click", () => {
    if (state.s) $("source").value = state.json;
    $("source-format").value = "json";
  });
  for (const button of document.querySelectorAll("[data-lang]")) {
    button.addEventListener("click", () => {
      state.lang = button.dataset.lang;
      document.documentElement.lang = state.lang;
      for (const b of document.querySelectorAll("[data-lang]")) b.setAttribute("aria-pressed", String(b === button));
      if (state.large) void redrawLarge();
      else if (state.s) render();
    });
  }
  $("sched-calendar").addEventListener("change", () => {
    if (state.large) void redrawLarge();
    if (!state.s) return;
    const schedule = renderPlanViews();
    $("stat-finish")?.replaceWith(finishCard(schedule));
    bump("schedules");
    if (state.monitoring) void refreshMonitoring();
  });
  $("mon-open").addEventListener("click", openMonitoring);
  for (const id of ["heatmap-alt", "gantt-alt"]) $(id).addEventListener("toggle", () => void renderAlternatives());
  $("color-by").addEventListener("change", () => (state.large ? void redrawLarge() : renderHeatmap()));
  $("wi-apply").addEventListener("click", applyWhatIf);
  $("wi-clear").addEventListener("click", clearWhatIf);
  $("gantt").addEventListener("click", (ev) => {
    const bar = ev.target.closest?.("[data-measure]");
    if (!bar) return;
    $("wi-measure").value = bar.getAttribute("data-measure");
    $("what-if").scrollIntoView({ behavior: "smooth", block: "nearest" });
  });
  // exports: the core's own outputs, as files
  const exporting = (fn) => async () => {
    try {
      await fn();
    } catch (e) {
      showError(e, "export");
    }
  };
  $("export-heatmap").addEventListener("click", exporting(() => download(`${fileStem()}-heatmap.svg`, "image/svg+xml", state.s.heatmapSvg(pictureOptions({ colorBy: $("color-by").value })))));
  $("export-gantt").addEventListener("click", exporting(() => download(`${fileStem()}-gantt.svg`, "image/svg+xml", state.s.ganttSvg(pictureOptions()))));
  // The CSV and HTML writers are in the full build only (together some 25 KB gzip the lean build
  // does not carry): an export runs `write` on the full build's copy of the current strategy,
  // read once per document (a strategy from a YAML or TOML file is the full build's already).
  const withFull = (write) => async () => write(await fullStrategy("exports"));
  const freeing = (value, use) => {
    try {
      return use(value);
    } finally {
      value.free();
    }
  };
  $("export-matrix-csv").addEventListener("click", exporting(withFull((s) => {
    download(`${fileStem()}-matrix.csv`, "text/csv", freeing(s.matrix(), (m) => m.toCsv(state.lang)));
  })));
  $("export-schedule-csv").addEventListener("click", exporting(withFull((s) => {
    // the schedule, or the what-if schedule (changed durations), names each measure, direction
    // and executor in the page's language
    const csv = s.scheduleCsv(scheduleOptions(), state.lang, state.changes.length ? state.changes : null);
    download(`${fileStem()}-schedule.csv`, "text/csv", csv);
  })));
  for (const x of PLAN_EXPORTS) {
    $(x.id).addEventListener("click", exporting(withFull((s) => download(`${fileStem()}.${x.ext}`, x.type, x.write(s, scheduleOptions())))));
  }
  $("export-report").addEventListener("click", exporting(withFull((s) => {
    download(`${fileStem()}-report.html`, "text/html", s.reportHtml(pictureOptions({ colorBy: $("color-by").value })));
  })));

  await load(defaultJson, "json", "the embedded e-Culture default");
  performance.mark("eculture:first-screen"); // drawn, every control wired: interactive
  document.body.dataset.ready = "1";
  document.body.dataset.readyMs = String(Math.round(performance.now()));
}
