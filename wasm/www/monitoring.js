// The monitoring half of the page (issue 21): execution rate, indicator achievement, triage, the
// forecast as of a status date with its slip, the reporting calendar and the annual monitoring
// report, for the strategy on screen. Every number, rate, band, rank and date comes from the
// eculture core through the npm package's full build (the lean build leaves monitoring out to
// stay small; app.js loads the full build and this file only when the section is opened).
// Percentages are the core's text (`percentText`). Names follow the page's language; every
// document string is inserted as text, never as HTML.
//
// `render(ctx)` redraws everything from `ctx = {api, s, doc, lang, calendar, stem, source, ui,
// adopt}`: `api` the full build, `s` its Strategy, `doc` the document as plain data, `ui` app.js's
// helpers (`el`, `fill`, `showSvg`, `download`, `section`), `adopt(s, source)` makes a strategy
// the plan on screen (the executors' workbooks collected back, sheets.js).

import { scheduleTable, table } from "./access.js";
import { XLSX_TYPE, renderWorkbooks, startWorkbooks } from "./sheets.js";

const $ = (id) => document.getElementById(id);

/** Symbols that say a state without colour (WCAG 1.4.1): each state is also written out. */
const MARK = {
  met: "✔",
  mostly_met: "◕",
  partly_met: "◑",
  not_met: "✖",
  no_data: "–",
  undefined: "∅",
  submitted: "✔",
  late: "⚠",
  missing: "✖",
  upcoming: "…",
  overdue: "✖",
  at_risk: "⚠",
};

/** A state as a badge: its symbol and its name (underscores as spaces), coloured by class. */
function badge(ui, state) {
  const b = ui.el("span", `badge state-${state}`);
  b.append(ui.el("span", "sym", MARK[state] ?? "•"), ` ${String(state).replaceAll("_", " ")}`);
  b.querySelector(".sym").setAttribute("aria-hidden", "true");
  return b;
}

/** Titles by id in the page's language (the core's pictures fall back the same way). */
function namer(doc, lang) {
  const best = (t, id) => (lang === "az" ? t?.az || t?.en : lang === "ru" ? t?.ru || t?.en || t?.az : t?.en || t?.az) || t?.ru || id;
  const map = (list) => new Map((list ?? []).map((x) => [x.id, best(x.title ?? x.name, x.id)]));
  return {
    direction: map(doc.directions),
    main_executor: map(doc.organizations),
    cluster: map(doc.clusters),
    module: map(doc.modules),
    measure: map(doc.measures),
    indicator: map(doc.indicators),
  };
}

/** `id — title`, or the id alone when the title is the id (years, `(none)`). */
const label = (names, id) => {
  const t = names?.get(id);
  return t && t !== id ? `${id} — ${t}` : String(id);
};

const GROUPS = { direction: "direction", main_executor: "main executor", cluster: "cluster", deadline_year: "deadline year", module: "module" };

function renderRate(ctx, names, asOf) {
  const { api, s, ui } = ctx;
  const by = $("mon-by").value;
  const overall = s.executionRate({ asOf });
  const grouped = s.executionRate({ asOf, by });
  try {
    const o = overall.records[0];
    const w = overall.weights;
    const card = (label, value, note, tone) => {
      const c = ui.el("div", `stat ${tone ?? ""}`);
      c.append(ui.el("span", "stat-value", value), ui.el("span", "stat-label", label));
      if (note) c.append(ui.el("span", "stat-note", note));
      return c;
    };
    const rateCard = card("execution rate", api.percentText(o.rate), `${o.numerator} of ${o.denominator} weighted measures due`, "accent");
    rateCard.id = "mon-rate-overall";
    $("mon-rate-stats").replaceChildren(
      rateCard,
      card("executed", o.executed, `weight ${w.executed}`),
      card("partially executed", o.partially_executed, `weight ${w.partially_executed}`),
      card("not executed", o.not_executed, `weight ${w.not_executed}`),
      card("no data", o.no_data, overall.noDataPolicy === "separate" ? "counted apart, not as 0" : "counted as 0", o.no_data ? "warn" : ""),
      card("left out", overall.excluded, "cancelled or not due"),
    );
    const nd = overall.noDataMeasures;
    $("mon-rate-note").textContent =
      `Measures due by ${overall.asOf}, with the executors' reports as of that date. Weights: executed ${w.executed}, partially executed ${w.partially_executed}, not executed ${w.not_executed}. ` +
      (nd.length ? `No data for ${nd.length} measure${nd.length === 1 ? "" : "s"}: ${nd.slice(0, 20).join(", ")}${nd.length > 20 ? ", …" : ""}.` : "Every measure due has a status.");
    const rows = grouped.records.map((r) => [label(names[by], r.group), api.percentText(r.rate), r.numerator, r.denominator, r.executed, r.partially_executed, r.not_executed, r.no_data]);
    $("mon-rate").replaceChildren(
      table({
        id: "mon-rate-table",
        caption: `Execution rate by ${GROUPS[by]} as of ${grouped.asOf}`,
        headers: [GROUPS[by], "rate", "weighted executed", "measures counted", "executed", "partially", "not executed", "no data"],
        rows,
      }),
    );
  } finally {
    overall.free();
    grouped.free();
  }
}

function renderAchievement(ctx, names, asOf) {
  const { api, s, ui } = ctx;
  const a = s.achievement({ asOf });
  try {
    const b = a.bands;
    $("mon-bands").textContent = `Bands: met ≥ ${api.percentText(b.met)}, mostly met ≥ ${api.percentText(b.mostly_met)}, partly met ≥ ${api.percentText(b.partly_met)}, else not met; no data without an actual; undefined when the target equals the baseline.`;
    const latest = a.indicators.map((x) => [label(names.indicator, x.indicator), x.latest_year ?? "", api.percentText(x.latest_achievement), badge(ui, x.band), x.trend, x.at_risk ? `yes: ${x.at_risk_measures.join(", ")}` : "no"]);
    const years = a.records.map((x) => [label(names.indicator, x.indicator), x.year, x.is_final ? "final" : "interim", x.baseline ?? "", x.target, x.actual ?? "", api.percentText(x.achievement), badge(ui, x.band), x.reason ?? ""]);
    $("mon-ach").replaceChildren(
      table({ id: "mon-ach-latest", caption: `Indicators: latest achievement as of ${a.asOf}`, headers: ["indicator", "year", "achievement", "band", "trend", "at risk"], rows: latest }),
      table({ id: "mon-ach-years", caption: "Achievement per indicator and target year", headers: ["indicator", "year", "target", "baseline", "target value", "actual", "achievement", "band", "why undefined"], rows: years }),
    );
  } finally {
    a.free();
  }
}

function renderTriage(ctx, names, asOf) {
  const { s, ui } = ctx;
  const t = s.triage({ asOf });
  try {
    const rows = t.records.map((x) => [x.rank, label(names.measure, x.measure), badge(ui, x.kind), x.days_late, x.total_float ?? "", x.downstream, x.why]);
    $("mon-triage").replaceChildren(
      ...(t.forecastError ? [ui.el("p", "error-inline", `No forecast: ${t.forecastError}`)] : []),
      table({ id: "mon-triage-table", caption: `Overdue and at-risk measures as of ${t.asOf}, ranked`, headers: ["rank", "measure", "state", "days late", "total float", "measures held back", "why"], rows, empty: "No measure is overdue or at risk." }),
    );
    $("mon-triage-count").textContent = String(t.records.length);
  } finally {
    t.free();
  }
}

function renderForecast(ctx, names, asOf) {
  const { s, ui, lang, calendar } = ctx;
  ui.section($("mon-gantt"), () => ui.showSvg($("mon-gantt"), s.ganttSvg({ lang, calendar, statusDate: asOf })));
  ui.section($("mon-slip"), () => {
    const plan = s.schedule({ calendar });
    const forecast = s.schedule({ calendar, statusDate: asOf });
    try {
      const recs = forecast.toRecords();
      const later = recs.filter((r) => (r.slip_days ?? 0) > 0);
      const earlier = recs.filter((r) => (r.slip_days ?? 0) < 0);
      $("mon-forecast-finish").textContent = `Forecast finish ${forecast.finishDate} (plan ${plan.finishDate}); ${later.length} measure${later.length === 1 ? "" : "s"} later than planned, ${earlier.length} earlier.`;
      const rows = [...later, ...earlier].map((r) => [label(names.measure, r.id), r.status ?? "no data", r.baseline_finish_date ?? "", r.early_finish_date, r.slip_days, r.total_float]);
      $("mon-slip").replaceChildren(table({ id: "mon-slip-table", caption: `Slip against the plan, forecast as of ${asOf}`, headers: ["measure", "status", "planned finish", "forecast finish", "slip (days)", "total float"], rows, empty: "No measure moves against the plan." }));
      // the Gantt chart's text alternative: every measure of the forecast
      $("mon-gantt-table").replaceChildren(scheduleTable(forecast, { measure: (id) => label(names.measure, id) }, { id: "mon-gantt-data", caption: `The forecast as of ${asOf}, measure by measure` }));
    } finally {
      plan.free();
      forecast.free();
    }
  });
}

function renderCalendar(ctx, names, asOf) {
  const { s, ui } = ctx;
  const obligations = s.reportingCalendar({ asOf });
  const count = (st) => obligations.filter((o) => o.status === st).length;
  $("mon-cal-summary").textContent = `As of ${asOf}: ${count("submitted")} submitted on time, ${count("late")} late, ${count("missing")} missing, ${count("upcoming")} upcoming.`;
  const who = (id) => (id === "public" ? id : label(names.main_executor, id));
  const rows = obligations.map((o) => [o.period, o.kind.replaceAll("_", " "), who(o.from), who(o.to), o.due, badge(ui, o.status), o.submitted ?? "", o.days_late ?? "", o.reports.join(", ")]);
  $("mon-calendar").replaceChildren(table({ id: "mon-cal-table", caption: `Reporting obligations as of ${asOf}`, headers: ["period", "report", "from", "to", "due", "status", "submitted", "days late", "reports"], rows, empty: "No reporting obligation." }));
}

/** The annual report of the chosen year (the core's HTML in a sandboxed frame: no script runs). */
function annualReport(ctx) {
  const year = Number($("mon-year").value) || null;
  const report = ctx.s.monitoringReport({ year });
  $("mon-year").value = String(report.year);
  return report;
}

/** Redraw every monitoring view. */
export function render(ctx) {
  const { s, doc, lang, ui } = ctx;
  const names = namer(doc, lang);
  if (!$("mon-date").value) {
    const r = s.executionRate(null); // its date: the document's data date
    $("mon-date").value = r.asOf;
    r.free();
  }
  const asOf = $("mon-date").value;
  ui.section($("mon-rate"), () => renderRate(ctx, names, asOf));
  ui.section($("mon-ach"), () => renderAchievement(ctx, names, asOf));
  ui.section($("mon-triage"), () => renderTriage(ctx, names, asOf));
  renderForecast(ctx, names, asOf);
  ui.section($("mon-calendar"), () => renderCalendar(ctx, names, asOf));
  renderWorkbooks(ctx);
  $("mon-report-frame").hidden = true;
  $("mon-report-frame").removeAttribute("srcdoc");
  // what the views show, for a reader of the DOM (and the browser test)
  Object.assign($("monitoring").dataset, { asOf, shownLang: lang });
  document.body.dataset.monitoring = String(Number(document.body.dataset.monitoring ?? 0) + 1);
}

/** Wire the section's controls; `current()` gives the context of the strategy on screen. */
export function start(current) {
  const redraw = () => render(current());
  $("mon-date").addEventListener("change", redraw);
  $("mon-by").addEventListener("change", () => {
    const ctx = current();
    ctx.ui.section($("mon-rate"), () => renderRate(ctx, namer(ctx.doc, ctx.lang), $("mon-date").value));
    document.body.dataset.monitoring = String(Number(document.body.dataset.monitoring ?? 0) + 1);
  });
  const guarded = (fn) => () => {
    const ctx = current();
    try {
      fn(ctx);
    } catch (e) {
      $("mon-report-status").textContent = e?.message ?? String(e);
    }
  };
  $("mon-report-view").addEventListener("click", guarded((ctx) => {
    const report = annualReport(ctx);
    const frame = $("mon-report-frame");
    frame.title = report.title;
    frame.srcdoc = report.toHtml();
    frame.hidden = false;
    $("mon-report-status").textContent = `${report.title}, as of ${report.asOf}.`;
    report.free();
  }));
  $("mon-report-html").addEventListener("click", guarded((ctx) => {
    const report = annualReport(ctx);
    ctx.ui.download(`${ctx.stem}-monitoring-${report.year}.html`, "text/html", report.toHtml());
    report.free();
  }));
  $("mon-report-md").addEventListener("click", guarded((ctx) => {
    const report = annualReport(ctx);
    ctx.ui.download(`${ctx.stem}-monitoring-${report.year}.md`, "text/markdown", report.toMarkdown());
    report.free();
  }));
  // XLSX: the full build's writer (rust_xlsxwriter); shown when the build has it
  const xlsx = $("mon-report-xlsx");
  xlsx.hidden = typeof current().api.MonitoringReport?.prototype?.toXlsx !== "function";
  xlsx.addEventListener("click", guarded((ctx) => {
    const report = annualReport(ctx);
    ctx.ui.download(`${ctx.stem}-monitoring-${report.year}.xlsx`, XLSX_TYPE, report.toXlsx());
    $("mon-report-status").textContent = `${report.title}, as of ${report.asOf}: downloaded as XLSX.`;
    report.free();
  }));
  // the executors' report workbooks, out and back in (sheets.js)
  startWorkbooks(current);
}
