// Drives the demo page (wasm/www, web build in wasm/pkg/web) in headless Chromium through
// playwright-core: serves wasm/ on 127.0.0.1, loads the page and checks what a planner sees;
// then serves wasm/www alone (no package next to it) and checks that the page says so on screen.
// Prints "N passed, 0 failed"; exits non-zero on any failure. Not a node:test file (it is run
// directly by scripts/test-wasm.sh). Env: CHROMIUM (default /usr/bin/chromium), SHOT (screenshot
// path, default <repo>/target/screenshot.png).
import assert from "node:assert/strict";
import { mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { brotliCompressSync, constants as zlib, gzipSync } from "node:zlib";
import { dirname, join, normalize } from "node:path";
import { fileURLToPath } from "node:url";
import { check, finish, launch, serve } from "./browser_support.mjs";
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { writeLargePlan } from "./large_plan.mjs";

const HERE = dirname(fileURLToPath(import.meta.url));
const WASM_ROOT = normalize(join(HERE, ".."));
const SHOT = process.env.SHOT ?? join(WASM_ROOT, "..", "target", "screenshot.png");

// Expected values come from the node build of the same package.
import { Strategy as NodeStrategy, eCulture, percentText } from "../pkg/node/index.js";
const reference = eCulture();
/** Bytes (gzip -9 by node's zlib) the page's lean WebAssembly may reach. Set at 290,000 when the
 * module was 276,988 B. Raised to 330,000 on 2026-12-07 as the document model grew — every surface
 * reads and validates the whole document, so every new field costs bytes here — measured merge by
 * merge: about 281,000 B before; 290,754 B with `baselines` and `influences` (issue 22); 294,398 B
 * with the page's streaming reader and `percentText` (issue 21); 322,995 B with provenance
 * (`illustrative` lists, `note` on every entity, the working group, sections, captions; issue 20);
 * 325,275 B with spreadsheet diagnostics (issue 19); 333,168 B with the current-state assessment
 * (issue 20, point 4: `assessments`, their validation, the heatmap's three new colourings, the
 * rollout's and report's current → target), guard raised to 335,000. Not yet examined byte by
 * byte: see docs/performance.md. */
const LEAN_GZIP_GUARD = 315_000;
const refDoc = reference.document();
const refMatrix = reference.matrix();
const expected = {
  title: refDoc.strategy.title.en,
  clusters: refMatrix.clusters.length,
  modules: refMatrix.modules.length,
  states: Object.fromEntries(
    ["covered", "gap", "not_applicable"].map((s) => [s, refMatrix.cells.filter((c) => c.state === s).length]),
  ),
  waves: reference.waves().length,
  gaps: reference.gaps().length,
  gapReasons: reference.gaps().reduce((n, g) => n + g.reasons.length, 0),
  schedule: reference.schedule().report(),
  azFinish: reference.schedule({ calendar: "azerbaijan_example" }).finishDate,
};

const server = await serve();
const base = `http://127.0.0.1:${server.address().port}`;
const browser = await launch();

const problems = [];
const dialogs = [];
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  page.on("console", (msg) => {
    if (msg.type() === "error" || msg.type() === "warning") problems.push(`console.${msg.type()}: ${msg.text()}`);
  });
  page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
  page.on("requestfailed", (r) => problems.push(`requestfailed: ${r.url()}`));
  page.on("response", (r) => {
    if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`);
  });
  page.on("dialog", async (d) => {
    dialogs.push(d.message());
    await d.dismiss();
  });

  /** Paste `text`, press the button, wait until the page has handled it. */
  async function analyse(text) {
    const before = await page.evaluate(() => document.body.dataset.loads);
    // Set the value directly: typing 100 KB of JSON through `fill` is needlessly slow.
    await page.$eval("#source", (ta, value) => {
      ta.value = value;
    }, text);
    await page.click("#load");
    await page.waitForFunction((n) => document.body.dataset.loads !== n, before);
  }

  await check("page loads and renders the embedded strategy", async () => {
    await page.goto(`${base}/www/index.html`);
    await page.waitForSelector("body[data-ready='1']", { timeout: 30_000 });
    assert.equal(await page.textContent("#title"), expected.title);
    assert.equal(await page.getAttribute("body", "data-status"), "ok");
  });

  await check("page interactive within a second; full analysis timed in the browser (benchmark)", async () => {
    // Figures for docs/performance.md, printed, not asserted (speed is shown by benchmarks).
    const readyMs = Number(await page.getAttribute("body", "data-ready-ms"));
    const nav = await page.evaluate(() => {
      const n = performance.getEntriesByType("navigation")[0];
      return { domContentLoaded: n.domContentLoadedEventEnd, load: n.loadEventEnd };
    });
    const bench = await page.evaluate(async () => {
      const { Strategy } = await import("eculture");
      const text = await (await fetch("./lean/e-culture.json")).text();
      const median = (xs) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
      const runs = { parse: [], analysis: [], pictures: [] };
      for (let k = 0; k < 30; k += 1) {
        let t = performance.now();
        const s = Strategy.fromJson(text);
        runs.parse.push(performance.now() - t);
        t = performance.now();
        const diags = s.validate();
        const m = s.matrix();
        const cov = m.coverage();
        const gaps = s.gaps();
        const waves = s.waves();
        const sched = s.scheduleWithChanges([], null); // what the page calls (no changes: the plan)
        const paths = sched.criticalPaths;
        const late = sched.infeasibleDeadlines;
        const wi = s.whatIf([[paths[0][0], 30]], null);
        runs.analysis.push(performance.now() - t);
        t = performance.now();
        const svg = s.heatmapSvg(null).length + s.ganttSvg(null).length;
        runs.pictures.push(performance.now() - t);
        if (!diags || !cov || !gaps || !waves || !late || !wi || !svg) throw new Error("no result");
        m.free();
        sched.free();
        s.free();
      }
      return Object.fromEntries(Object.entries(runs).map(([k, v]) => [k, median(v)]));
    });
    const wasm = readFileSync(join(WASM_ROOT, "www/lean/eculture_wasm_bg.wasm"));
    const sizes = {
      wasmGzip: gzipSync(wasm, { level: 9 }).length,
      wasmBrotli: brotliCompressSync(wasm, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11 } }).length,
      defaultGzip: gzipSync(readFileSync(join(WASM_ROOT, "www/lean/e-culture.json")), { level: 9 }).length,
    };
    const marks = await page.evaluate(() => Object.fromEntries(performance.getEntriesByType("mark").filter((m) => m.name.startsWith("eculture:")).map((m) => [m.name.slice(9), Math.round(m.startTime)])));
    const figures = { readyMs, ...nav, marks, medianMs: bench, sizes };
    console.log(`  page benchmark: ${JSON.stringify(figures)}`);
    // issue 21, point 5: the goal is under 400 ms from navigation to the first screen drawn and
    // wired (a figure, not an assertion: it depends on the machine's load)
    console.log(`  first screen interactive: ${marks["first-screen"]} ms after navigation (module ready at ${marks["module-ready"]} ms; goal < 400 ms)`);
    mkdirSync(join(WASM_ROOT, "..", "target"), { recursive: true });
    writeFileSync(join(WASM_ROOT, "..", "target", "page-benchmark.json"), `${JSON.stringify(figures, null, 2)}\n`);
    assert.ok(readyMs > 0 && bench.analysis > 0 && bench.pictures > 0, "timed");
  });

  await check("CPM in WebAssembly: a 10,000-task chain scheduled by the page's build (benchmark)", async () => {
    // The published anchor: DHTMLX Planning Engine, 10,000-task chain CPM, 22.3 ms in WASM and
    // 13.6 ms in Rust. The same plan as core/benches/plans/mod.rs `chain_json` (native:
    // `cargo bench -p eculture --bench schedule -- cpm_chain`); figures printed, not asserted.
    const figures = await page.evaluate(async () => {
      const { Strategy } = await import("eculture");
      const n = 10_000;
      const parts = [];
      for (let i = 0; i < n; i += 1) {
        parts.push(`{"id":"t${i}","direction":"D","title":{"en":"t"},"main_executor":"O","duration_days":${1 + (i % 5)},"depends_on":[${i > 0 ? `"t${i - 1}"` : ""}]}`);
      }
      const chainJson = `{"strategy":{"id":"chain","title":{"en":"chain"},"period":{"start":"2024-01-01","end":"2026-12-31"}},"organizations":[{"id":"O","name":{"en":"O"},"kind":"ministry"}],"directions":[{"id":"D","title":{"en":"D"}}],"measures":[${parts.join(",")}]}`;
      let t = performance.now();
      const s = Strategy.fromJson(chainJson);
      const parse = performance.now() - t;
      t = performance.now();
      s.validate(); // builds the index (the graph and its topological order), once
      const index = performance.now() - t;
      const runs = [];
      let days = 0;
      for (let k = 0; k < 21; k += 1) {
        t = performance.now();
        const sched = s.scheduleWithChanges([], null); // the plan's schedule, default options
        runs.push(performance.now() - t);
        days = sched.durationDays;
        sched.free();
      }
      s.free();
      runs.sort((a, b) => a - b);
      return { tasks: n, projectDays: days, parseMs: parse, indexMs: index, cpmMedianMs: runs[10], cpmMinMs: runs[0] };
    });
    console.log(`  CPM benchmark (wasm, Chromium): ${JSON.stringify(figures)}`);
    writeFileSync(join(WASM_ROOT, "..", "target", "cpm-chain-wasm.json"), `${JSON.stringify(figures, null, 2)}\n`);
    // 10,000 tasks of 1..5 days in turn: 2,000 cycles of 15 days
    assert.equal(figures.projectDays, 30_000, "the chain's length");
  });

  await check("the page's WebAssembly stays within its size guard (what it carries is chosen: docs/performance.md)", async () => {
    // A guard against code coming back unnoticed (one jiff operator brought 38 KB), not the
    // issue's 250 KB budget, which is not met (docs/performance.md says why). Size is
    // deterministic for a toolchain: this is not a timing.
    const gzip = gzipSync(readFileSync(join(WASM_ROOT, "www/lean/eculture_wasm_bg.wasm")), { level: 9 }).length;
    assert.ok(gzip <= LEAN_GZIP_GUARD, `the lean build is ${gzip} B gzip, over its guard of ${LEAN_GZIP_GUARD} B: see scripts/wasm-size`);
  });

  await check("the heatmap is the core's SVG: clusters × modules cells in three states, a legend", async () => {
    assert.equal(await page.locator("#heatmap svg").count(), 1);
    assert.equal(await page.locator("#heatmap table").count(), 0, "no second renderer");
    assert.equal(await page.locator("#heatmap svg [data-cell]").count(), expected.clusters * expected.modules);
    for (const state of ["covered", "gap", "not_applicable"]) {
      const n = await page.locator(`#heatmap svg [data-state='${state}']`).count();
      assert.equal(n, expected.states[state], `${state} cells`);
    }
    // the same picture the core draws for these options
    const svg = await page.innerHTML("#heatmap");
    assert.ok(svg.includes("covered (n = measures)"), "legend");
    const title = await page.textContent("#heatmap svg > title");
    assert.equal(title, reference.heatmapSvg(null).match(/<title[^>]*>([^<]*)<\/title>/)[1].replaceAll("&amp;", "&"));
  });

  await check("gaps with reasons, waves and validation sections are filled", async () => {
    assert.equal(await page.textContent("#gap-count"), String(expected.gaps));
    assert.equal(await page.locator("#gaps > li").count(), expected.gaps);
    assert.equal(await page.locator("#gaps .reasons li").count(), expected.gapReasons);
    assert.equal(await page.locator("#waves > li").count(), expected.waves);
    assert.equal(await page.locator("#waves > li li").count(), refDoc.measures.length);
    assert.ok((await page.locator("#diagnostics li").count()) >= 1);
  });

  await check("schedule section: finish date, critical paths, infeasible deadlines, Gantt bars", async () => {
    const r = expected.schedule;
    assert.equal(await page.textContent("#sched-finish"), r.finish_date);
    assert.equal(await page.textContent("#stat-finish .stat-value"), r.finish_date, "summary card");
    assert.equal(await page.locator("#sched-paths > li").count(), r.critical_paths.length);
    const firstPath = await page.locator("#sched-paths > li:first-child .chip").allTextContents();
    assert.deepEqual(firstPath, r.critical_paths[0]);
    assert.equal(await page.locator("#sched-late > li").count(), Math.max(r.infeasible_deadlines.length, 1));
    const bars = await page.locator("#gantt svg [data-measure]").count();
    const milestones = r.records.filter((x) => x.duration === 0).length;
    assert.equal(bars, refDoc.measures.length - milestones, "one bar per measure");
    assert.ok((await page.textContent("#gantt svg")).includes(r.finish_date));
  });

  await check("schedule calendar picker recomputes in working days", async () => {
    const before = await page.evaluate(() => document.body.dataset.schedules ?? "0");
    await page.selectOption("#sched-calendar", "azerbaijan_example");
    await page.waitForFunction((n) => (document.body.dataset.schedules ?? "0") !== n, before);
    assert.equal(await page.textContent("#sched-finish"), expected.azFinish);
    assert.equal(await page.textContent("#stat-finish .stat-value"), expected.azFinish);
    assert.match(await page.textContent("#sched-stats"), /working days/);
    const again = await page.evaluate(() => document.body.dataset.schedules);
    await page.selectOption("#sched-calendar", "");
    await page.waitForFunction((n) => document.body.dataset.schedules !== n, again);
    assert.equal(await page.textContent("#sched-finish"), expected.schedule.finish_date);
  });

  await check("what-if: clicking a bar picks its measure; a slip moves the Gantt chart and the matrix", async () => {
    const id = expected.schedule.critical_paths[0][1] ?? expected.schedule.critical_paths[0][0];
    await page.click(`#gantt svg [data-measure='${id}']`);
    assert.equal(await page.inputValue("#wi-measure"), id);
    const heatBefore = await page.innerHTML("#heatmap");
    const ganttBefore = await page.innerHTML("#gantt");
    await page.fill("#wi-days", "45");
    await page.click("#wi-apply");
    await page.waitForFunction(() => document.body.dataset.whatifs === "1");
    const wi = reference.whatIf([[id, 45]], null);
    assert.equal(await page.textContent("#wi-result .wi-finish"), wi.finish_date);
    assert.equal(await page.textContent("#sched-finish"), wi.finish_date, "the schedule moved");
    assert.equal(await page.inputValue("#color-by"), "quarter", "the matrix shows delivery quarters");
    assert.notEqual(await page.innerHTML("#heatmap"), heatBefore, "the matrix moved");
    assert.notEqual(await page.innerHTML("#gantt"), ganttBefore, "the Gantt chart moved");
    assert.ok((await page.textContent("#gantt svg")).includes(`What-if: ${id} +45 d`));
    // the what-if schedule's CSV names measures, directions and executors as the plan's does
    const [, csv] = await grab("#export-schedule-csv");
    assert.equal(csv, reference.scheduleCsv(null, "en", [[id, 45]]));
    assert.notEqual(csv, reference.scheduleCsv(null, "en"), "the what-if's dates");
    // an impossible change is said, not thrown
    await page.fill("#wi-days", "-100000");
    await page.click("#wi-apply");
    await page.waitForFunction(() => document.body.dataset.whatifs === "2");
    assert.match(await page.textContent("#wi-result"), /ArgumentError|cannot shorten|beyond/);
    await page.click("#wi-clear");
    await page.waitForFunction(() => document.getElementById("wi-result").childElementCount === 0);
    assert.equal(await page.textContent("#sched-finish"), expected.schedule.finish_date);
    await page.selectOption("#color-by", "state");
  });

  await check("keyboard: heatmap cells and Gantt bars are reached with Tab and arrows, read by their text", async () => {
    // one tab stop per picture: Tab from the button before the heatmap lands on its first cell
    await page.focus("#export-matrix-csv");
    await page.keyboard.press("Tab");
    const focused = () =>
      page.evaluate(() => {
        const a = document.activeElement;
        return { cell: a.getAttribute("data-cell"), measure: a.getAttribute("data-measure"), label: a.getAttribute("aria-label"), role: a.getAttribute("role"), shown: a.closest(".figure")?.querySelector(".mark-text")?.textContent ?? "" };
      });
    const cells = refMatrix.cells; // cluster-major, module order: the heatmap's order
    let f = await focused();
    assert.equal(f.cell, `${cells[0].cluster}|${cells[0].module}`, "the first cell has focus");
    assert.equal(f.role, "img");
    assert.ok(f.label.length > 10 && f.shown.replace(/\s+/g, " ").trim() === f.label, "read and shown as its tooltip text");
    await page.keyboard.press("ArrowRight");
    assert.equal((await focused()).cell, `${cells[1].cluster}|${cells[1].module}`);
    await page.keyboard.press("ArrowDown");
    const down = cells[1 + expected.modules];
    assert.equal((await focused()).cell, `${down.cluster}|${down.module}`, "down is the next cluster");
    await page.keyboard.press("End");
    const last = cells[cells.length - 1];
    assert.equal((await focused()).cell, `${last.cluster}|${last.module}`);
    assert.equal(await page.locator("#heatmap [data-cell][tabindex='0']").count(), 1, "a single tab stop");
    // a gap is said in words, not by colour alone
    const gap = cells.find((c) => c.state === "gap");
    const gapLabel = await page.getAttribute(`#heatmap [data-cell='${gap.cluster}|${gap.module}']`, "aria-label");
    assert.match(gapLabel, /gap/i);
    // the picture is a named group of marks; its name and description are the core's
    const svgs = await page.$$eval("svg.picture", (all) =>
      all.map((svg) => ({
        role: svg.getAttribute("role"),
        names: (svg.getAttribute("aria-labelledby") ?? "").split(" ").map((id) => document.getElementById(id)?.textContent ?? null),
      })),
    );
    assert.ok(svgs.length >= 2);
    for (const x of svgs) {
      assert.ok(x.role === "group" || x.role === "img", x.role);
      assert.equal(x.names.length, 2, "a title and a description");
      assert.ok(x.names.every((t) => t && t.length > 0), "labelled by elements that exist");
    }
    // a Gantt bar is a button: Enter picks its measure for the what-if
    const bar = expected.schedule.records.find((r) => r.duration > 0 && !r.critical) ?? expected.schedule.records[0];
    await page.focus(`#gantt [data-measure='${bar.id}']`);
    f = await focused();
    assert.equal(f.role, "button");
    assert.ok(f.label.startsWith(bar.id), f.label);
    await page.keyboard.press("Enter");
    assert.equal(await page.inputValue("#wi-measure"), bar.id);
    await page.keyboard.press("ArrowDown");
    assert.notEqual((await focused()).measure, bar.id, "down moves to the next bar");
  });

  await check("a table beside each picture: the matrix and the schedule as text (from the full build)", async () => {
    const n = await page.evaluate(() => document.body.dataset.alternatives ?? "0");
    await page.click("#heatmap-alt > summary");
    await page.waitForFunction((n) => (document.body.dataset.alternatives ?? "0") !== n, n, { timeout: 30_000 });
    assert.equal(await page.locator("#heatmap-data tbody tr").count(), expected.clusters);
    assert.equal(await page.locator("#heatmap-data thead th").count(), expected.modules + 1);
    const covered = await page.$$eval("#heatmap-data td", (tds) => tds.filter((t) => t.textContent.startsWith("covered")).length);
    assert.equal(covered, expected.states.covered);
    const m = await page.evaluate(() => document.body.dataset.alternatives);
    await page.click("#gantt-alt > summary");
    await page.waitForFunction((n) => document.body.dataset.alternatives !== n, m, { timeout: 30_000 });
    const rows = expected.schedule.records;
    assert.equal(await page.locator("#gantt-data tbody tr").count(), rows.length);
    const crit = await page.$$eval("#gantt-data tbody tr", (trs) => trs.filter((tr) => tr.children[5].textContent === "critical").length);
    assert.equal(crit, rows.filter((r) => r.critical).length, "criticality in words");
  });

  await check("language toggle redraws names in Azerbaijani and back", async () => {
    await page.click("#lang-az");
    await page.waitForFunction(() => document.getElementById("lang-az").getAttribute("aria-pressed") === "true");
    assert.equal(await page.textContent("#title"), refDoc.strategy.title.az);
    assert.ok((await page.textContent("#heatmap svg > title")).startsWith("Klasterlər × modullar"));
    await page.click("#lang-en");
    await page.waitForFunction(() => document.getElementById("lang-en").getAttribute("aria-pressed") === "true");
    assert.equal(await page.textContent("#title"), expected.title);
  });

  /** Click an export button: the download's file name and text. */
  async function grab(button) {
    const [download] = await Promise.all([page.waitForEvent("download"), page.click(button)]);
    const path = await download.path();
    return [download.suggestedFilename(), readFileSync(path, "utf8")];
  }

  /** Wait until the monitoring views have been drawn `n` more times than `before`. */
  async function monitoringRedrawn(before) {
    await page.waitForFunction((n) => (document.body.dataset.monitoring ?? "0") !== n, before, { timeout: 30_000 });
  }
  const rowsOf = (id) => page.locator(`#${id} tbody tr`).count();
  const column = (id, k) => page.$$eval(`#${id} tbody tr`, (trs, k) => trs.map((tr) => tr.children[k].textContent), k);

  await check("monitoring: opened on demand (full build), every view is the core's result as of the data date", async () => {
    assert.equal(await page.isVisible("#mon-body"), false, "not drawn before it is asked for");
    await page.click("#mon-open");
    await monitoringRedrawn("0");
    const rate = reference.executionRate(null);
    const asOf = rate.asOf;
    assert.equal(await page.inputValue("#mon-date"), asOf, "the data date");
    const o = rate.records[0];
    assert.equal(await page.textContent("#mon-rate-overall .stat-value"), percentText(o.rate));
    const note = await page.textContent("#mon-rate-note");
    assert.match(note, /Weights: executed 1, partially executed 0\.5, not executed 0/);
    assert.ok(note.includes(rate.noDataMeasures.length ? `No data for ${rate.noDataMeasures.length}` : "Every measure due has a status"));
    for (const by of ["direction", "main_executor", "cluster", "deadline_year"]) {
      const before = await page.evaluate(() => document.body.dataset.monitoring);
      if ((await page.inputValue("#mon-by")) !== by) {
        await page.selectOption("#mon-by", by);
        await monitoringRedrawn(before);
      }
      const want = reference.executionRate({ asOf, by }).records;
      assert.equal(await rowsOf("mon-rate-table"), want.length, by);
      assert.deepEqual(await column("mon-rate-table", 1), want.map((r) => percentText(r.rate)), `${by}: the core's percentages`);
      assert.deepEqual((await column("mon-rate-table", 0)).map((t) => t.split(" — ")[0]), want.map((r) => r.group));
    }
    const ach = reference.achievement({ asOf });
    assert.equal(await rowsOf("mon-ach-years"), ach.records.length);
    assert.deepEqual(await column("mon-ach-years", 6), ach.records.map((r) => percentText(r.achievement)));
    // a band is a symbol and a word, not a colour alone
    assert.deepEqual((await column("mon-ach-years", 7)).map((t) => t.slice(1).trim()), ach.records.map((r) => r.band.replaceAll("_", " ")));
    assert.equal(await rowsOf("mon-ach-latest"), ach.indicators.length);
    const tri = reference.triage({ asOf });
    assert.equal(await rowsOf("mon-triage-table"), Math.max(tri.records.length, 1));
    assert.equal(await page.textContent("#mon-triage-count"), String(tri.records.length));
    if (tri.records.length) assert.ok((await column("mon-triage-table", 6))[0] === tri.records[0].why);
    const forecast = reference.schedule({ statusDate: asOf });
    const slipping = forecast.toRecords().filter((r) => r.slip_days);
    assert.equal(await rowsOf("mon-slip-table"), Math.max(slipping.length, 1));
    assert.ok((await page.textContent("#mon-forecast-finish")).includes(`Forecast finish ${forecast.finishDate} (plan ${expected.schedule.finish_date})`));
    const gantt = await page.textContent("#mon-gantt svg");
    assert.equal(gantt, await page.evaluate(async (asOf) => {
      const svg = new DOMParser().parseFromString((await import("eculture/full")).eCulture().ganttSvg({ statusDate: asOf, lang: "en" }), "image/svg+xml");
      return svg.documentElement.textContent;
    }, asOf), "the core's forecast Gantt chart");
    const cal = reference.reportingCalendar({ asOf });
    assert.equal(await rowsOf("mon-cal-table"), cal.length);
    assert.deepEqual((await column("mon-cal-table", 5)).map((t) => t.slice(1).trim()), cal.map((c) => c.status));
    const n = (st) => cal.filter((c) => c.status === st).length;
    assert.ok((await page.textContent("#mon-cal-summary")).includes(`${n("late")} late, ${n("missing")} missing`));
  });

  await check("monitoring: another status date recomputes every view; the annual report is the core's", async () => {
    await page.fill("#mon-date", "2025-06-30"); // fires change
    await page.waitForSelector("#monitoring[data-as-of='2025-06-30']");
    const rate = reference.executionRate({ asOf: "2025-06-30" });
    assert.equal(await page.textContent("#mon-rate-overall .stat-value"), percentText(rate.records[0].rate));
    assert.equal(await rowsOf("mon-cal-table"), reference.reportingCalendar({ asOf: "2025-06-30" }).length);
    const tri = reference.triage({ asOf: "2025-06-30" });
    assert.equal(await page.textContent("#mon-triage-count"), String(tri.records.length));
    await page.fill("#mon-year", "2025");
    await page.click("#mon-report-view");
    await page.waitForSelector("#mon-report-frame:not([hidden])");
    const mr = reference.monitoringReport({ year: 2025 });
    assert.equal(await page.getAttribute("#mon-report-frame", "srcdoc"), mr.toHtml());
    assert.equal(await page.getAttribute("#mon-report-frame", "sandbox"), "", "no script runs in the frame");
    const [name, html] = await grab("#mon-report-html");
    assert.equal(name, `${refDoc.strategy.id}-monitoring-2025.html`);
    assert.equal(html, mr.toHtml());
    const [, md] = await grab("#mon-report-md");
    assert.equal(md, mr.toMarkdown());
    assert.equal(await page.isVisible("#mon-report-xlsx"), typeof mr.toXlsx === "function", "XLSX only where a build writes it");
  });

  await check("monitoring follows the language: names in Azerbaijani, the toggle sets lang", async () => {
    await page.click("#lang-az");
    await page.waitForSelector("#monitoring[data-shown-lang='az']");
    assert.equal(await page.getAttribute("html", "lang"), "az");
    const asOf = await page.inputValue("#mon-date");
    const cal = await page.textContent("#mon-cal-table");
    const org = refDoc.organizations.find((o) => o.name?.az && o.name.az !== o.name.en && cal.includes(`${o.id} — `));
    assert.ok(org, "an executor with an Azerbaijani name reports");
    assert.ok(cal.includes(`${org.id} — ${org.name.az}`), "the executor's Azerbaijani name");
    assert.ok((await page.textContent("#mon-gantt svg > title")).length > 0);
    assert.equal(asOf, "2025-06-30", "the status date stays");
    // Russian is offered: the strategy has a Russian title
    assert.equal(await page.isVisible("#lang-ru"), Boolean(refDoc.strategy.title.ru));
    await page.click("#lang-ru");
    await page.waitForFunction(() => document.documentElement.lang === "ru");
    assert.equal(await page.textContent("#title"), refDoc.strategy.title.ru);
    await page.click("#lang-en");
    await page.waitForSelector("#monitoring[data-shown-lang='en']");
    assert.equal(await page.getAttribute("html", "lang"), "en");
  });

  await check("exports: heatmap and Gantt SVG, matrix and schedule CSV, the report HTML", async () => {
    const stem = refDoc.strategy.id;
    let [name, text] = await grab("#export-heatmap");
    assert.equal(name, `${stem}-heatmap.svg`);
    assert.equal(text, reference.heatmapSvg(null));
    [name, text] = await grab("#export-gantt");
    assert.equal(name, `${stem}-gantt.svg`);
    assert.equal(text, reference.ganttSvg(null));
    [name, text] = await grab("#export-matrix-csv");
    assert.equal(text, refMatrix.toCsv());
    [name, text] = await grab("#export-schedule-csv");
    // the plan's schedule with names beside the ids, in the page's language
    assert.equal(text, reference.scheduleCsv(null, "en"));
    assert.ok(text.split("\n")[0].endsWith("main_executor_name"), text.split("\n")[0]);
    [name, text] = await grab("#export-report");
    assert.equal(name, `${stem}-report.html`);
    assert.equal(text, reference.reportHtml({ colorBy: "state" }));
  });

  await check("exports follow the document on screen (the full build's copy is read again)", async () => {
    const doc = reference.document();
    doc.strategy.id = "other-plan";
    doc.measures.pop();
    const text = JSON.stringify(doc);
    await analyse(text);
    const other = NodeStrategy.fromJson(text);
    let [name, csv] = await grab("#export-matrix-csv");
    assert.equal(name, "other-plan-matrix.csv");
    assert.equal(csv, other.matrix().toCsv());
    [name, csv] = await grab("#export-schedule-csv");
    assert.equal(csv, other.scheduleCsv(null, "en"));
    assert.notEqual(csv, reference.scheduleCsv(null, "en"), "a measure fewer");
    const before = await page.evaluate(() => document.body.dataset.loads);
    await page.click("#reset");
    await page.waitForFunction((n) => document.body.dataset.loads !== n, before);
  });

  await check("malformed JSON shows the error's name, code and path", async () => {
    await analyse('{\n  "strategy": {,\n}');
    assert.equal(await page.isVisible("#load-error"), true);
    assert.equal(await page.textContent("#err-name"), "ParseError");
    assert.equal(await page.textContent("#err-code"), "parse_error");
    assert.match(await page.textContent("#err-path"), /line 2, column \d+/);
    assert.equal(await page.getAttribute("body", "data-status"), "error");
  });

  await check("a value of the wrong type shows its JSON path (asked of the full build), as the package says it", async () => {
    const doc = reference.document();
    doc.measures[0].duration_days = "ten";
    const text = JSON.stringify(doc, null, 2);
    await analyse(text);
    assert.equal(await page.textContent("#err-name"), "ParseError");
    const expected = (() => {
      try {
        NodeStrategy.fromJson(text);
      } catch (e) {
        return e;
      }
    })();
    assert.equal(expected.path, "measures[0].duration_days");
    assert.equal(await page.textContent("#err-path"), `${expected.path} · line ${expected.line}, column ${expected.column}`);
    assert.equal(await page.textContent("#err-message"), expected.message);
  });

  await check("markup in a pasted document is shown as text, in the page and in the core's SVG", async () => {
    const evil = "<img src=x onerror=alert(1)>";
    const doc = reference.document();
    doc.clusters[0].title = { en: evil };
    doc.modules[0].title = { en: `${evil} module` };
    doc.measures[0].title = { en: `<script>alert(2)</script>` };
    await analyse(JSON.stringify(doc));
    assert.equal(await page.isVisible("#load-error"), false);
    assert.ok((await page.textContent("#heatmap svg")).includes(evil), "the cluster's name is text in the heatmap");
    assert.ok((await page.textContent("#gantt svg")).includes("<script>alert(2)</script>"));
    assert.equal(await page.locator("img").count(), 0, "no img element");
    assert.equal(await page.locator("main script, svg script").count(), 0, "no script element");
    await page.waitForTimeout(200);
    assert.deepEqual(dialogs, [], "no alert ran");
  });

  await check("a duplicate measure id blocks only the graph: the matrix is still shown", async () => {
    const doc = reference.document();
    doc.measures[1].id = doc.measures[0].id;
    await analyse(JSON.stringify(doc));
    assert.equal(await page.isVisible("#load-error"), false, "it loads");
    assert.equal(await page.locator("#heatmap svg [data-cell]").count(), expected.clusters * expected.modules);
    assert.match(await page.textContent("#waves"), /^not computed: blocked by \d+ errors? — error \[duplicate_id\] measure `[^`]+` at measures\[1\]\.id, line \d+/);
    assert.ok((await page.textContent("#diagnostics")).includes("duplicate_id"));
  });

  await check("a typo in a dependency suggests the id, names the line, and leaves the matrix", async () => {
    const doc = reference.document();
    const dependent = doc.measures.find((m) => (m.depends_on ?? []).length > 0);
    const first = dependent.depends_on[0];
    const target = typeof first === "string" ? first : first.id;
    const typo = target.replace(/1/g, "l") === target ? `${target}x` : target.replace(/1/g, "l");
    dependent.depends_on = [typo, ...dependent.depends_on.slice(1)];
    await analyse(JSON.stringify(doc, null, 2));
    const diag = await page.textContent("#diagnostics");
    assert.ok(diag.includes(`did you mean \`${target}\`?`), diag.slice(0, 400));
    assert.match(diag, /line \d+/);
    assert.equal(await page.locator("#heatmap svg [data-cell]").count(), expected.clusters * expected.modules);
    assert.match(await page.textContent("#waves"), /^not computed: blocked by 1 error/);
  });

  await check("a cyclic plan shows its cycle instead of waves and schedule", async () => {
    const doc = reference.document();
    const dependent = doc.measures.find((m) => (m.depends_on ?? []).length > 0);
    const first = dependent.depends_on[0];
    const prereq = doc.measures.find((m) => m.id === (typeof first === "string" ? first : first.id));
    prereq.depends_on = [...(prereq.depends_on ?? []), { id: dependent.id, type: "SS" }];
    await analyse(JSON.stringify(doc));
    const text = await page.textContent("#waves");
    assert.match(text, /^not computed: the plan has a dependency cycle /);
    assert.ok(text.includes(dependent.id) && text.includes(prereq.id));
    assert.equal(await page.locator("#heatmap svg [data-cell]").count(), expected.clusters * expected.modules, "matrix still shown");
    assert.match(await page.textContent("#sched-lists"), /^not computed: the plan has a dependency cycle /);
    assert.equal(await page.textContent("#stat-finish .stat-value"), "–");
  });

  await check("open a YAML file with the picker: the full build is loaded for it, same results", async () => {
    const yaml = reference.toYaml();
    await page.setInputFiles("#file", { name: "plan.yaml", mimeType: "text/yaml", buffer: Buffer.from(yaml) });
    await page.waitForFunction(() => document.body.dataset.format === "yaml", null, { timeout: 30_000 });
    assert.equal(await page.textContent("#source-name"), "Source: plan.yaml");
    assert.equal(await page.textContent("#sched-finish"), expected.schedule.finish_date);
    assert.equal(await page.locator("#heatmap svg [data-cell]").count(), expected.clusters * expected.modules);
    assert.match(await page.textContent("#build-name"), /full build/);
  });

  await check("drop a TOML file with an error: its line is shown, the plan on screen stays", async () => {
    const toml = reference.toToml().replace(/^duration_days = \d+$/m, 'duration_days = "ten"');
    await page.evaluate(async (text) => {
      const dt = new DataTransfer();
      dt.items.add(new File([text], "broken.toml", { type: "application/toml" }));
      for (const type of ["dragenter", "dragover", "drop"]) {
        window.dispatchEvent(new DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true }));
      }
    }, toml);
    await page.waitForFunction(() => document.body.dataset.status === "error", null, { timeout: 30_000 });
    assert.equal(await page.textContent("#err-source"), "broken.toml");
    assert.match(await page.textContent("#err-path"), /line \d+/);
    assert.equal(await page.isHidden("#drop-overlay"), true);
    assert.equal(await page.locator("#heatmap svg [data-cell]").count(), expected.clusters * expected.modules);
  });

  await check("a file of another type or beyond the size limit is refused before reading", async () => {
    await page.setInputFiles("#file", { name: "plan.pdf", mimeType: "application/octet-stream", buffer: Buffer.from("x") });
    await page.waitForFunction(() => document.getElementById("err-source").textContent === "plan.pdf");
    assert.match(await page.textContent("#err-message"), /unknown extension/);
    // a file over the limit is refused by its size, before a byte is read
    const refused = await page.evaluate(async () => {
      const { MAX_FILE_BYTES, openFile } = await import("./app.js");
      let read = false;
      const huge = { name: "huge.json", size: MAX_FILE_BYTES + 1, text: async () => ((read = true), "{}") };
      await openFile(huge);
      return { read, limit: MAX_FILE_BYTES };
    });
    assert.equal(refused.read, false, "the file was not read");
    assert.equal(await page.textContent("#err-source"), "huge.json");
    assert.match(await page.textContent("#err-message"), new RegExp(`this page reads at most ${refused.limit.toLocaleString("en")}`));
    assert.equal(await page.locator("#heatmap svg [data-cell]").count(), expected.clusters * expected.modules, "the plan on screen stays");
  });

  await check("reset restores the e-Culture strategy; screenshot", async () => {
    await page.click("#reset");
    await page.waitForFunction(() => document.body.dataset.status === "ok" && document.body.dataset.format === "json");
    assert.equal(await page.locator("#heatmap svg [data-cell]").count(), expected.clusters * expected.modules);
    assert.equal(await page.isVisible("#load-error"), false);
    assert.equal(await page.textContent("#sched-finish"), expected.schedule.finish_date);
    mkdirSync(dirname(SHOT), { recursive: true });
    await page.screenshot({ path: SHOT, fullPage: true });
    console.log(`  screenshot: ${SHOT}`);
  });

  /** axe-core's WCAG 2.0-2.2 A and AA rules on `p`'s document (frames are checked on their own). */
  async function axe(p) {
    await p.addScriptTag({ path: join(WASM_ROOT, "node_modules", "axe-core", "axe.min.js") });
    return p.evaluate(() =>
      // eslint-disable-next-line no-undef
      axe.run(document, { iframes: false, runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] } }),
    );
  }
  const said = (v) => `${v.id} (${v.impact}, ${v.nodes.length} nodes: ${v.nodes.slice(0, 3).map((n) => `${n.target.join(" ")} ${n.failureSummary?.split("\n")[1]?.trim() ?? ""}`).join("; ")}): ${v.help}`;
  const serious = (result) => result.violations.filter((v) => v.impact === "serious" || v.impact === "critical");

  await check("WCAG 2.2 AA: axe-core finds no serious or critical violation (planning and monitoring views)", async () => {
    if (!(await page.isVisible("#mon-body"))) {
      await page.click("#mon-open");
      await page.waitForSelector("#monitoring[data-shown-lang]");
    }
    for (const id of ["heatmap-alt", "gantt-alt", "mon-gantt-alt"]) {
      await page.evaluate((id) => {
        document.getElementById(id).open = true;
      }, id);
    }
    await page.waitForSelector("#gantt-data");
    const result = await axe(page);
    const bad = serious(result);
    const rest = result.violations.filter((v) => !bad.includes(v));
    if (rest.length) console.log(`  axe, minor/moderate: ${rest.map(said).join(" | ")}`);
    console.log(`  axe: ${result.passes.length} rules passed, ${result.violations.length} violated (${bad.length} serious or critical)`);
    assert.deepEqual(bad.map(said), []);
  });

  await check("WCAG 2.2 AA: the core's HTML reports (plan, annual monitoring) pass axe-core too", async () => {
    const context = await browser.newContext({ bypassCSP: true }); // the reports' CSP forbids scripts: axe is one
    try {
      for (const [what, html] of [
        ["plan report", reference.reportHtml(null)],
        ["annual monitoring report", reference.monitoringReport({ year: 2025 }).toHtml()],
      ]) {
        const p = await context.newPage();
        await p.setContent(html);
        const result = await axe(p);
        console.log(`  axe, ${what}: ${result.passes.length} rules passed, ${result.violations.length} violated (${serious(result).length} serious or critical)`);
        assert.deepEqual(serious(result).map(said), [], what);
        await p.close();
      }
    } finally {
      await context.close();
    }
  });

  await check("a country's plan: 1,000,000 measures read as a stream, parsed and analysed in a worker, progress shown (benchmark)", async () => {
    // Figures printed for docs/performance.md (issue 21, point 3), not asserted: the time on
    // screen, the native load + analysis of the same file in this run (examples' page_native,
    // built by scripts/test-wasm.sh), and the longest main-thread task (Long Tasks API).
    const n = Number(process.env.ECULTURE_LARGE_MEASURES ?? 1_000_000);
    const file = join(WASM_ROOT, "..", "target", "large", `plan-${n}.json`);
    if (!existsSync(file)) await writeLargePlan(file, n);
    await page.evaluate(() => {
      window.__longTasks = [];
      new PerformanceObserver((list) => window.__longTasks.push(...list.getEntries().map((e) => e.duration))).observe({ type: "longtask" });
      window.__progress = [];
      new MutationObserver(() => {
        const box = document.getElementById("progress");
        if (!box.hidden) window.__progress.push(document.getElementById("progress-text").textContent);
      }).observe(document.getElementById("progress"), { attributes: true, childList: true, subtree: true, characterData: true });
    });
    const started = Date.now();
    await page.setInputFiles("#file", file);
    await page.waitForFunction(() => document.body.dataset.format === "json-large" || document.body.dataset.status === "error", null, { timeout: 300_000 });
    const wallMs = Date.now() - started;
    assert.equal(await page.getAttribute("body", "data-status"), "ok", await page.textContent("#err-message"));
    const onScreen = await page.textContent("#large-time");
    const pageMs = Number(await page.getAttribute("body", "data-large-ms"));
    const pageParts = JSON.parse((await page.getAttribute("body", "data-large-parts")) ?? "{}");
    const longTasks = await page.evaluate(() => window.__longTasks);
    const progress = await page.evaluate(() => window.__progress);
    const native = join(WASM_ROOT, "..", "target", "release", "page_native");
    let nativeRun = null;
    if (existsSync(native)) {
      const run = spawnSync(native, [file], { encoding: "utf8" });
      assert.equal(run.status, 0, run.stderr);
      nativeRun = JSON.parse(run.stdout);
    }
    const figures = {
      measures: n,
      fileBytes: statSync(file).size,
      pageMs,
      pageParts,
      wallMs,
      nativeMs: nativeRun?.total_ms ?? null,
      nativeParts: nativeRun ? { load_ms: nativeRun.load_ms, ...nativeRun.parts_ms } : null,
      ratio: nativeRun ? Math.round((pageMs / nativeRun.total_ms) * 100) / 100 : null,
      longestMainThreadTaskMs: longTasks.length ? Math.max(...longTasks) : 0,
      longTasks: longTasks.length,
      progressUpdates: progress.length,
    };
    console.log(`  on screen: ${onScreen}`);
    console.log(`  large plan benchmark: ${JSON.stringify(figures)}`);
    writeFileSync(join(WASM_ROOT, "..", "target", "page-large-benchmark.json"), `${JSON.stringify({ ...figures, native: nativeRun }, null, 2)}\n`);
    // what must hold whatever the machine: the plan is on screen, computed by the core
    assert.match(onScreen, new RegExp(`^${n.toLocaleString("en")} measures read, parsed and analysed in [0-9.]+ s in a worker`));
    assert.equal(await page.textContent("#stats .stat-value"), n.toLocaleString("en"));
    assert.ok(progress.some((t) => t.startsWith("Reading")), "progress shown while reading");
    assert.equal(await page.locator("#heatmap svg [data-cell]").count(), 10 * 30, "the core's heatmap");
    if (nativeRun) assert.equal(await page.textContent("#sched-finish"), nativeRun.finish, "the same finish as natively");
    assert.equal(await page.isDisabled("#wi-apply"), true, "the what-if needs the plan on the page");
    await page.screenshot({ path: SHOT.replace(/(\.png)?$/, "-large.png") });
    // another language is drawn by the worker, not read again
    await page.click("#lang-az");
    await page.waitForFunction(() => document.getElementById("title").textContent === "Ölkə planı");
    await page.click("#lang-en");
    await page.waitForFunction(() => document.getElementById("title").textContent === "A country's plan");
  });

  await check("no console errors, page errors or failed requests", async () => {
    assert.deepEqual(problems, []);
  });

  await check("served without its package, the page says on screen that the module did not load", async () => {
    // The page's module missing (never built): lean/ answers 404.
    const bare = await serve(join(WASM_ROOT, "www"), /^\/lean\//);
    const failing = await browser.newPage({ viewport: { width: 1200, height: 700 } });
    try {
      const pageErrors = [];
      failing.on("pageerror", (e) => pageErrors.push(e.message));
      await failing.goto(`http://127.0.0.1:${bare.address().port}/index.html`);
      await failing.waitForSelector("body[data-status='load-failed']", { timeout: 15_000 });
      const box = failing.locator("#wasm-load-error");
      assert.equal(await box.isVisible(), true, "the message is visible");
      const text = await box.textContent();
      assert.match(text, /Could not load the eculture WebAssembly module from http:\/\/127\.0\.0\.1:\d+\/lean\/index\.js/);
      assert.match(text, /scripts\/serve/);
      assert.notEqual(await failing.textContent("#title"), "Loading…");
      assert.equal(await failing.getAttribute("body", "data-ready"), null, "the page does not claim to be ready");
      assert.deepEqual(pageErrors, [], "no uncaught error");
      const shot = SHOT.replace(/(\.png)?$/, "-load-error.png");
      await failing.screenshot({ path: shot });
      console.log(`  screenshot: ${shot}`);
    } finally {
      await failing.close();
      bare.close();
    }
  });
} finally {
  await browser.close();
  server.close();
}

finish();
