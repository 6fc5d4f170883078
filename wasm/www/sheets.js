// The page's spreadsheet half (issue 19 point 5, issue 21 point 1): action plans opened from
// XLSX/XLSM/XLS/ODS/CSV, the executors' report workbooks (one to download per executor) and the
// filled-in workbooks dropped back on the page. Every read and write is the eculture core's, in
// the npm package's full build (loaded on demand, as for YAML and TOML: the workbook crates are
// not in the lean module, which stays under its size guard, docs/performance.md). This file only
// picks the reader, wires the controls and lists what the core returned: the findings' texts,
// sheets and cells are the core's diagnostics.
//
// Where a spreadsheet is read: under `sheetLimits.workerBytes` (256 KiB: a Decree 1294 action
// plan of a few hundred rows; the e-Culture default's 106 measures, 47 KB, read in 0.1-0.4 s) on
// the main thread; from that size on in sheet-worker.js (the full build in a worker), so the page
// stays responsive, and the plan comes back as JSON text with the reading's diagnostics. Over
// MAX_SHEET_BYTES the page refuses the file (the CLI or Python read it).

import { table } from "./access.js";

/** The largest workbook or CSV the page reads (a plan of this size is 100,000s of rows). */
export const MAX_SHEET_BYTES = 32 * 1024 * 1024;

/** From this size on a spreadsheet is read in a worker (mutable: the browser test lowers it). */
export const sheetLimits = { workerBytes: 256 * 1024 };

export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/**
 * THE one place where a file extension is handed to the full build: extension → how the full
 * build reads the file's bytes into a Strategy. `read: null` lists a format that is coming.
 * Adding a reader is one line here (and the extension in index.html's `accept`).
 */
export const FULL_BUILD_READERS = {
  xlsx: { label: "XLSX workbook", read: (api, bytes) => api.Strategy.fromXlsx(bytes, null, null) },
  xlsm: { label: "XLSM workbook (macros are not run)", read: (api, bytes) => api.Strategy.fromXlsx(bytes, null, null) },
  xlsb: { label: "XLSB workbook", read: (api, bytes) => api.Strategy.fromXlsx(bytes, null, null) },
  xls: { label: "XLS workbook", read: (api, bytes) => api.Strategy.fromXlsx(bytes, null, null) },
  ods: { label: "ODS spreadsheet", read: (api, bytes) => api.Strategy.fromXlsx(bytes, null, null) },
  csv: { label: "CSV table", read: (api, bytes) => api.Strategy.fromCsv(bytes, null) },
  // MS Project (MSPDI) and Primavera P6 plans: summary tasks become directions, leaf tasks
  // measures; what a strategy cannot hold is an `unsupported_project_data` finding
  xml: { label: "MS Project XML (MSPDI)", read: (api, bytes) => api.Strategy.fromMspdi(bytes) },
  xer: { label: "Primavera P6 XER", read: (api, bytes) => api.Strategy.fromXer(bytes) },
};

/**
 * The plan's exports in other files than the page's own (the toolbar's buttons, whose ids these
 * are in index.html): how the full build writes the plan on screen, with the schedule options
 * the page shows (its calendar) for the planners' files.
 */
export const PLAN_EXPORTS = [
  { id: "export-plan-xlsx", ext: "xlsx", type: XLSX_TYPE, write: (s) => s.toXlsx() },
  { id: "export-plan-mspdi", ext: "xml", type: "application/xml", write: (s, opts) => s.toMspdi(opts) },
  { id: "export-plan-xer", ext: "xer", type: "application/octet-stream", write: (s, opts) => s.toXer(opts) },
];

/** The reader entry for a file name's extension (undefined: not a spreadsheet). */
export function readerFor(name) {
  const ext = /\.([A-Za-z0-9]+)$/.exec(String(name))?.[1]?.toLowerCase();
  const entry = ext ? FULL_BUILD_READERS[ext] : undefined;
  return entry && { ext, ...entry };
}

/** A workbook recognised by its first bytes when its name says nothing the core knows: a zip
 * (XLSX, XLSM, ODS) or an OLE compound file (XLS). */
export async function sniff(file) {
  const head = new Uint8Array(await file.slice(0, 8).arrayBuffer());
  const starts = (bytes) => bytes.every((b, k) => head[k] === b);
  if (starts([0x50, 0x4b, 0x03, 0x04])) return readerFor("x.xlsx");
  if (starts([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return readerFor("x.xls");
  return undefined;
}

let worker = null;

/** Read `file` with `reader` in sheet-worker.js: `{json, diags, ms}`, or throws the core's error
 * (as plain data: name, code, message, path). One file at a time. */
export function readInWorker(file, reader) {
  worker ??= new Worker(new URL("./sheet-worker.js", import.meta.url), { type: "module" });
  return new Promise((resolve, reject) => {
    worker.onmessage = ({ data }) => (data.type === "result" ? resolve(data) : reject(Object.assign(new Error(data.error.message), data.error)));
    worker.onerror = (ev) => reject(new Error(ev.message || "the spreadsheet worker failed"));
    worker.postMessage({ file, ext: reader.ext });
  });
}

/** Where a diagnostic's cell is, as a spreadsheet names it (`Plan!E17`, `'Tədbirlər planı'!B4`). */
export function cellRef(d) {
  if (!d?.cell) return null;
  if (!d.sheet) return d.cell;
  return /^[A-Za-z0-9_]+$/.test(d.sheet) ? `${d.sheet}!${d.cell}` : `'${d.sheet.replaceAll("'", "''")}'!${d.cell}`;
}

// ---- executors' report workbooks (the monitoring section) ----

const $ = (id) => document.getElementById(id);

/** The workbooks part's own texts in the page's language (index.html's `data-t` elements and the
 * status lines); a number is written with the noun form each language needs after it. The
 * findings themselves are the core's text. */
const TEXT = {
  en: {
    title: "Executors' report workbooks",
    hint: "One workbook per executor with its measures active in the period: the plan locked, the status (a drop-down), percent complete, actual dates, notes and evidence to fill in. Filled-in workbooks dropped here (or chosen) become the plan's reports, and every view above is computed again with them.",
    period: "Period",
    language: "Language",
    list: "List workbooks",
    all: "Download all",
    drop: "Drop filled-in workbooks here, or",
    pick: "choose filled-in workbooks…",
    replace: "Replace a report the plan already has (a second submission)",
    submitted: "Submitted on",
    findings: "Findings in the collected workbooks",
    langs: { en: "English", az: "Azerbaijani", ru: "Russian" },
    headers: ["executor", "workbook", "size"],
    books: (n) => `${n} workbook${n === 1 ? "" : "s"}`,
    reports: (n) => `${n} report${n === 1 ? "" : "s"}`,
    found: (n) => `${n} finding${n === 1 ? "" : "s"}`,
    caption: (p, l) => `Report workbooks for ${p} (${l}), one per executor with measures active in it`,
    none: (p) => `No executor has a measure active in ${p}.`,
    listed: (n, p, l) => `${TEXT.en.books(n).replace("workbook", "report workbook")} for ${p} (${l}), one per executor.`,
    downloading: (n) => `Downloading ${TEXT.en.books(n)}…`,
    reading: (n) => `Reading ${TEXT.en.books(n)}…`,
    collected: (names, added, found) =>
      `Collected ${names}: ${TEXT.en.reports(added)} added or replaced; ${found ? `${TEXT.en.found(found)} (below)` : "no findings"}. Every view now shows the plan with these reports.`,
    notCollected: (why) => `Not collected: ${why}`,
    tooLarge: (name, size, max) => `${name} is ${size} bytes; this page reads workbooks of at most ${max}.`,
  },
  az: {
    title: "İcraçıların hesabat iş kitabları",
    hint: "Hər icraçıya dövrdə aktiv olan tədbirləri ilə bir iş kitabı: plan kilidlidir, doldurulur — status (açılan siyahı), icra faizi, faktiki tarixlər, qeydlər və sübutlar. Bura atılan (və ya seçilən) doldurulmuş iş kitabları planın hesabatları olur və yuxarıdakı bütün göstəricilər onlarla yenidən hesablanır.",
    period: "Dövr",
    language: "Dil",
    list: "İş kitablarını göstər",
    all: "Hamısını yüklə",
    drop: "Doldurulmuş iş kitablarını bura atın və ya",
    pick: "doldurulmuş iş kitablarını seçin…",
    replace: "Planda artıq olan hesabatı əvəz et (təkrar təqdimat)",
    submitted: "Təqdim tarixi",
    findings: "Toplanmış iş kitablarında tapılanlar",
    langs: { en: "ingilis dili", az: "Azərbaycan dili", ru: "rus dili" },
    headers: ["icraçı", "iş kitabı", "ölçü"],
    books: (n) => `${n} iş kitabı`,
    reports: (n) => `${n} hesabat`,
    found: (n) => `${n} qeyd`,
    caption: (p, l) => `${p} üçün hesabat iş kitabları (${l}): dövrdə aktiv tədbirləri olan hər icraçıya bir`,
    none: (p) => `${p} dövründə aktiv tədbiri olan icraçı yoxdur.`,
    listed: (n, p, l) => `${p} üçün ${n} hesabat iş kitabı (${l}), hər icraçıya bir.`,
    downloading: (n) => `${TEXT.az.books(n)} yüklənir…`,
    reading: (n) => `${TEXT.az.books(n)} oxunur…`,
    collected: (names, added, found) =>
      `${names} toplandı: ${TEXT.az.reports(added)} əlavə edildi və ya əvəz olundu; ${found ? `${TEXT.az.found(found)} (aşağıda)` : "qeyd yoxdur"}. Bütün göstəricilər indi planı bu hesabatlarla göstərir.`,
    notCollected: (why) => `Toplanmadı: ${why}`,
    tooLarge: (name, size, max) => `${name} ${size} baytdır; bu səhifə ən çoxu ${max} baytlıq iş kitablarını oxuyur.`,
  },
  ru: {
    title: "Отчётные книги исполнителей",
    hint: "По одной книге на исполнителя с его мероприятиями, активными в периоде: план защищён, заполняются статус (выпадающий список), процент выполнения, фактические даты, примечания и подтверждения. Заполненные книги, перетащенные сюда (или выбранные), становятся отчётами плана, и все показатели выше пересчитываются с ними.",
    period: "Период",
    language: "Язык",
    list: "Показать книги",
    all: "Скачать все",
    drop: "Перетащите заполненные книги сюда или",
    pick: "выберите заполненные книги…",
    replace: "Заменить отчёт, который уже есть в плане (повторная подача)",
    submitted: "Дата подачи",
    findings: "Замечания по собранным книгам",
    langs: { en: "английский", az: "азербайджанский", ru: "русский" },
    headers: ["исполнитель", "книга", "размер"],
    books: (n) => `книг: ${n}`,
    reports: (n) => `отчётов: ${n}`,
    found: (n) => `замечаний: ${n}`,
    caption: (p, l) => `Отчётные книги за ${p} (${l}), по одной на исполнителя с активными мероприятиями`,
    none: (p) => `Ни у одного исполнителя нет мероприятий, активных в ${p}.`,
    listed: (n, p, l) => `Отчётные книги за ${p} (${l}), по одной на исполнителя; ${TEXT.ru.books(n)}.`,
    downloading: (n) => `Скачивание; ${TEXT.ru.books(n)}…`,
    reading: (n) => `Чтение; ${TEXT.ru.books(n)}…`,
    collected: (names, added, found) =>
      `Собрано из ${names}: добавлено или заменено ${TEXT.ru.reports(added)}; ${found ? `${TEXT.ru.found(found)} (ниже)` : "замечаний нет"}. Все показатели теперь показывают план с этими отчётами.`,
    notCollected: (why) => `Не собрано: ${why}`,
    tooLarge: (name, size, max) => `${name}: ${size} байт; страница читает книги не больше ${max} байт.`,
  },
};
let lang = "en"; // the page's language, as of the last render
const T = () => TEXT[lang] ?? TEXT.en;

/** Put the part's static texts (index.html's `data-t`, `data-t-label`) in the page's language. */
function translate() {
  for (const n of document.querySelectorAll("#monitoring [data-t]")) n.textContent = T()[n.dataset.t];
  for (const n of document.querySelectorAll("#monitoring [data-t-label]")) n.setAttribute("aria-label", T()[n.dataset.tLabel]);
}
let urls = []; // the object URLs of the listed workbooks (revoked when listed again)
let listedFor = null; // the strategy the list was made from
let langChosen = false; // the workbooks' language follows the page's until one is chosen

/** The years of the plan's period, for the period picker (the core checks the period itself). */
function years(doc) {
  const from = Number(String(doc?.strategy?.period?.start ?? "").slice(0, 4));
  const to = Number(String(doc?.strategy?.period?.end ?? "").slice(0, 4));
  if (!from || !to || to < from || to - from > 50) return [];
  return Array.from({ length: to - from + 1 }, (_, k) => String(from + k));
}

/** Fill the period and language pickers for the plan on screen (keeping the choices made). */
function fillPickers(ctx) {
  const period = $("mon-wb-period");
  const ys = years(ctx.doc);
  if (ys.join() !== [...period.options].map((o) => o.value).join()) {
    const keep = period.value;
    period.replaceChildren(...ys.map((y) => Object.assign(document.createElement("option"), { value: y, textContent: y })));
    const year = $("mon-year").value || $("mon-date").value.slice(0, 4);
    period.value = ys.includes(keep) ? keep : ys.includes(year) ? year : ys.at(-1) ?? "";
  }
  // Russian workbooks where the plan has Russian titles, as the page's own RU button
  const ru = $("mon-wb-lang").querySelector("option[value='ru']");
  ru.hidden = ru.disabled = !ctx.doc?.strategy?.title?.ru;
  if (!langChosen && $("mon-wb-lang").value !== ctx.lang && !(ctx.lang === "ru" && ru.disabled)) {
    $("mon-wb-lang").value = ctx.lang;
    if (urls.length) listWorkbooks(ctx, true);
  }
  if (ru.disabled && $("mon-wb-lang").value === "ru") $("mon-wb-lang").value = "en";
}

/** List one workbook per executor (the core's `reportWorkbooks`), each a download link;
 * `quiet`: made again for another plan on screen, the status line is left as it is. */
function listWorkbooks(ctx, quiet = false) {
  const { s, doc, ui } = ctx;
  const period = $("mon-wb-period").value;
  const wb = $("mon-wb-lang").value; // the workbooks' language
  for (const u of urls) URL.revokeObjectURL(u);
  urls = [];
  listedFor = s;
  let books;
  try {
    books = s.reportWorkbooks(period, wb);
  } catch (e) {
    $("mon-wb-execs").replaceChildren(ui.el("p", "error-inline", e?.message ?? String(e)));
    $("mon-wb-all").disabled = true;
    return;
  }
  const names = new Map((doc.organizations ?? []).map((o) => [o.id, o.name ?? o.title]));
  const pick = (t) => (wb === "az" ? t?.az || t?.en : wb === "ru" ? t?.ru || t?.en || t?.az : t?.en || t?.az) || t?.ru;
  const rows = Object.entries(books).map(([id, bytes]) => {
    const url = URL.createObjectURL(new Blob([bytes], { type: XLSX_TYPE }));
    urls.push(url);
    const a = ui.el("a", "wb-link", `${id}-${period}-${wb}.xlsx`);
    a.href = url;
    a.download = `${ctx.stem}-report-${id}-${period}-${wb}.xlsx`;
    a.dataset.executor = id;
    const name = pick(names.get(id));
    return [name && name !== id ? `${id} — ${name}` : id, a, `${Math.ceil(bytes.length / 1024)} KB`];
  });
  const said = T().langs[wb] ?? wb;
  $("mon-wb-execs").replaceChildren(
    table({ id: "mon-wb-table", caption: T().caption(period, said), headers: T().headers, rows, empty: T().none(period) }),
  );
  $("mon-wb-all").disabled = !urls.length;
  if (!quiet) $("mon-wb-status").textContent = T().listed(urls.length, period, said);
  document.body.dataset.workbooks = String(urls.length);
}

/** Read filled-in workbooks back (`collectReports`) into the plan on screen; the page then shows
 * the strategy the core returned, so every monitoring view updates. */
async function collect(current, files) {
  const list = [...(files ?? [])];
  if (!list.length) return;
  const ctx = current();
  const { api, s, ui } = ctx;
  const status = $("mon-wb-status");
  const too = list.find((f) => f.size > MAX_SHEET_BYTES);
  if (too) {
    status.textContent = T().tooLarge(too.name, too.size.toLocaleString("en"), MAX_SHEET_BYTES.toLocaleString("en"));
    return;
  }
  status.textContent = T().reading(list.length);
  const bytes = await Promise.all(list.map(async (f) => new Uint8Array(await f.arrayBuffer())));
  const before = new Set(s.validate().map((d) => api.formatDiagnostic(d)));
  let next;
  try {
    next = s.collectReports(bytes, $("mon-wb-submitted").value || null, $("mon-wb-replace").checked, list.map((f) => f.name));
  } catch (e) {
    status.textContent = T().notCollected(e?.message ?? e);
    $("mon-wb-findings").replaceChildren();
    return;
  }
  // the reports read from these files (their `source` names the file) that the plan did not have
  const sources = new Set(list.map((f) => `collected from ${f.name}`));
  const old = new Set(s.document().reports.map((r) => JSON.stringify(r)));
  const added = next.document().reports.filter((r) => sources.has(r.source) && !old.has(JSON.stringify(r))).length;
  // what this collection found: the new strategy's diagnostics the plan did not have before
  const findings = next.validate().filter((d) => !before.has(api.formatDiagnostic(d)));
  const items = findings.map((d) => {
    const li = ui.el("li", d.severity);
    li.append(ui.el("span", "sev", d.severity), ui.el("code", null, d.code));
    if (d.id) li.append(ui.el("span", "where", `${api.diagnosticEntity(d)} ${d.id}`));
    const at = cellRef(d);
    if (at) li.append(ui.el("code", "cell", at));
    li.append(ui.el("span", null, d.message));
    return li;
  });
  $("mon-wb-findings").replaceChildren(...items);
  const names = list.map((f) => f.name).join(", ");
  status.textContent = T().collected(names, added, findings.length);
  ctx.adopt(next, `${ctx.source} + ${names}`);
  document.body.dataset.collected = String(Number(document.body.dataset.collected ?? 0) + 1);
}

/** Redraw the workbooks part for the plan on screen (the list is made again if it was shown). */
export function renderWorkbooks(ctx) {
  const relabel = lang !== ctx.lang;
  lang = ctx.lang;
  translate();
  fillPickers(ctx);
  if (relabel && urls.length && listedFor === ctx.s) listWorkbooks(ctx, true); // caption and headers
  if (listedFor && listedFor !== ctx.s && urls.length) listWorkbooks(ctx, true);
}

/** Wire the workbooks controls; `current()` gives the context of the strategy on screen. */
export function startWorkbooks(current) {
  $("mon-wb-list").addEventListener("click", () => listWorkbooks(current()));
  $("mon-wb-lang").addEventListener("change", () => (langChosen = true));
  for (const id of ["mon-wb-period", "mon-wb-lang"]) {
    $(id).addEventListener("change", () => {
      if (urls.length) listWorkbooks(current());
    });
  }
  $("mon-wb-all").addEventListener("click", () => {
    // one file per executor (no zip: that would need a zip writer in the page)
    const links = [...document.querySelectorAll("#mon-wb-execs a.wb-link")];
    links.forEach((a, k) => setTimeout(() => a.click(), k * 250));
    $("mon-wb-status").textContent = T().downloading(links.length);
  });
  $("mon-wb-pick").addEventListener("click", () => $("mon-wb-file").click());
  $("mon-wb-file").addEventListener("change", async (ev) => {
    await collect(current, ev.target.files);
    ev.target.value = "";
  });
  // files dropped on the zone (app.js's page-wide drop handler hands them here)
  $("mon-wb-drop").addEventListener("files", (ev) => void collect(current, ev.detail));
}
