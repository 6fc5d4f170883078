// Accessibility of the page (WCAG 2.2 AA, issue 21): the core's pictures made reachable by
// keyboard, and the tables that stand beside them as their text alternative. The pictures
// themselves are accessible images as the core writes them (`role="img"`, `<title>`, `<desc>`,
// `aria-labelledby`); on the page their marks become focusable, so the picture becomes a named
// group of marks (an image's children are presentational and could not take focus).

/** Create an element with optional class and text. */
function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined && text !== null) node.textContent = String(text);
  return node;
}

/** The marks a keyboard user moves between: heatmap cells and Gantt bars. */
const MARKS = "[data-cell], [data-measure]";

/**
 * Make `svg` (a core picture just placed in `host`) usable by keyboard: its title and
 * description ids are prefixed with `host.id` (two pictures of one kind on a page must not share
 * ids); its marks get one tab stop (roving tabindex: arrows move, Home and End jump), each read
 * as the mark's own tooltip text, which is also shown under the picture (it stays when focus
 * leaves: clearing it would move what is below under the pointer).
 * With `button`, a mark is a button: Enter or Space clicks it.
 */
export function keyboard(svg, host, { button = false } = {}) {
  const labelledby = (svg.getAttribute("aria-labelledby") ?? "").split(/\s+/).filter(Boolean);
  for (const id of labelledby) svg.querySelector(`[id="${CSS.escape(id)}"]`)?.setAttribute("id", `${host.id}-${id}`);
  if (labelledby.length) svg.setAttribute("aria-labelledby", labelledby.map((id) => `${host.id}-${id}`).join(" "));
  const marks = [...svg.querySelectorAll(MARKS)];
  if (!marks.length) return;
  svg.setAttribute("role", "group");
  svg.setAttribute("tabindex", "-1"); // Chromium puts the <svg> itself in the tab order otherwise
  const shown = el("p", "mark-text");
  shown.setAttribute("aria-hidden", "true"); // the focused mark is read by its label already
  host.append(shown);
  marks.forEach((m, k) => {
    m.setAttribute("tabindex", k === 0 ? "0" : "-1");
    m.setAttribute("role", button ? "button" : "img");
    m.setAttribute("aria-label", (m.querySelector("title")?.textContent ?? "").replace(/\s+/g, " ").trim());
    m.classList.add("mark");
  });
  // a row of the heatmap: the cells drawn at the first cell's height
  const y0 = marks[0].getAttribute("y");
  const perRow = Math.max(1, marks.filter((m) => m.getAttribute("y") === y0).length);
  svg.addEventListener("focusin", (ev) => {
    const m = ev.target.closest?.(MARKS);
    if (m) shown.textContent = m.querySelector("title")?.textContent ?? m.getAttribute("aria-label");
  });
  svg.addEventListener("keydown", (ev) => {
    const at = marks.indexOf(ev.target.closest?.(MARKS));
    if (at < 0) return;
    const step = { ArrowRight: 1, ArrowLeft: -1, ArrowDown: perRow, ArrowUp: -perRow, Home: -at, End: marks.length - 1 - at }[ev.key];
    if (step !== undefined) {
      ev.preventDefault();
      const next = marks[Math.min(marks.length - 1, Math.max(0, at + step))];
      marks[at].setAttribute("tabindex", "-1");
      next.setAttribute("tabindex", "0");
      next.focus();
    } else if (button && (ev.key === "Enter" || ev.key === " ")) {
      ev.preventDefault();
      marks[at].dispatchEvent(new MouseEvent("click", { bubbles: true }));
    }
  });
}

/** An accessible table: a caption, column headers with scope, the first cell of a row as its
 * header, at most `cap` rows (then a note). Cells are text or nodes; numbers align right. */
export function table({ id, caption, headers, rows, cap = 300, empty = "Nothing to show." }) {
  const t = el("table", "data");
  if (id) t.id = id;
  t.append(el("caption", null, caption));
  const head = el("tr");
  for (const h of headers) {
    const th = el("th", null, h);
    th.scope = "col";
    head.append(th);
  }
  const thead = el("thead");
  thead.append(head);
  const body = el("tbody");
  for (const row of rows.slice(0, cap)) {
    const tr = el("tr");
    row.forEach((cell, k) => {
      const td = el(k === 0 ? "th" : "td");
      if (k === 0) td.scope = "row";
      if (cell instanceof Node) td.append(cell);
      else td.textContent = cell === null || cell === undefined ? "" : String(cell);
      if (typeof cell === "number") td.className = "num";
      tr.append(td);
    });
    body.append(tr);
  }
  if (!rows.length) {
    const tr = el("tr");
    const td = el("td", "none", empty);
    td.colSpan = headers.length;
    tr.append(td);
    body.append(tr);
  }
  t.append(thead, body);
  // a table wider than the page scrolls: the scrolling box takes focus, so arrows scroll it
  const wrap = el("div", "table-wrap");
  wrap.tabIndex = 0;
  wrap.setAttribute("role", "region");
  wrap.setAttribute("aria-label", caption);
  wrap.append(t);
  if (rows.length > cap) wrap.append(el("p", "none more", `… and ${(rows.length - cap).toLocaleString("en")} more rows (see the exports)`));
  return wrap;
}

/** The matrix as a table: clusters × modules, each cell's state in words with its measures. */
export function matrixTable(matrix, name, caption) {
  const at = new Map(matrix.cells.map((c) => [`${c.cluster}|${c.module}`, c]));
  const word = (c) => (!c ? "" : c.state === "covered" ? `covered (${c.measures.join(", ")})` : c.state === "gap" ? "gap" : "not applicable");
  const rows = matrix.clusters.map((cl) => [name.cluster(cl), ...matrix.modules.map((m) => word(at.get(`${cl}|${m}`)))]);
  return table({ id: "heatmap-data", caption, headers: ["cluster", ...matrix.modules.map((m) => name.module(m))], rows, cap: 200 });
}

/** A schedule as a table: one row per measure with its dates, float and criticality in words. */
export function scheduleTable(schedule, name, { id, caption }) {
  const near = new Set(schedule.nearCritical);
  const rows = schedule.toRecords().map((r) => [
    name.measure(r.id),
    r.early_start_date,
    r.early_finish_date,
    r.duration,
    r.total_float,
    r.critical ? "critical" : near.has(r.id) ? "near-critical" : "",
    r.status ?? "",
    r.slip_days ?? "",
  ]);
  return table({ id, caption, headers: ["measure", "start", "finish", "duration (days)", "total float", "criticality", "status", "slip (days)"], rows });
}
