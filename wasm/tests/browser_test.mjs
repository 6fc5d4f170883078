// Drives the demo page (wasm/www, web build in wasm/pkg/web) in headless Chromium through
// playwright-core: serves wasm/ on 127.0.0.1, loads the page and checks what a planner sees;
// then serves wasm/www alone (no package next to it) and checks that the page says so on screen.
// Prints "N passed, 0 failed"; exits non-zero on any failure. Not a node:test file (it is run
// directly by scripts/test-wasm.sh). Env: CHROMIUM (default /usr/bin/chromium), SHOT (screenshot
// path, default <repo>/target/screenshot.png).
import assert from "node:assert/strict";
import { createServer } from "node:http";
import { mkdirSync, readFileSync, statSync } from "node:fs";
import { dirname, extname, join, normalize, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const HERE = dirname(fileURLToPath(import.meta.url));
const WASM_ROOT = normalize(join(HERE, ".."));
const SHOT = process.env.SHOT ?? join(WASM_ROOT, "..", "target", "screenshot.png");
const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium";

// Expected values come from the node build of the same package.
import { eCulture } from "../pkg/node/index.js";
const reference = eCulture();
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
  gaps: refMatrix.gaps().length,
  schedule: reference.schedule().report(),
  azFinish: reference.schedule({ calendar: "azerbaijan_example" }).finishDate,
};

const MIME = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".wasm": "application/wasm",
  ".png": "image/png",
  ".svg": "image/svg+xml",
};

/** A static file server for `ROOT` (wasm/ by default) that never leaves it. */
function serve(ROOT = WASM_ROOT) {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    let file = normalize(join(ROOT, decodeURIComponent(url.pathname)));
    if (file !== ROOT && !file.startsWith(ROOT + sep)) {
      res.writeHead(403).end();
      return;
    }
    try {
      if (statSync(file).isDirectory()) file = join(file, "index.html");
      const body = readFileSync(file);
      res.writeHead(200, { "content-type": MIME[extname(file)] ?? "application/octet-stream", "cache-control": "no-store" });
      res.end(body);
    } catch {
      res.writeHead(404).end("not found");
    }
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

const results = [];
async function check(name, fn) {
  try {
    await fn();
    results.push([name, null]);
    console.log(`ok - ${name}`);
  } catch (e) {
    results.push([name, e]);
    console.log(`not ok - ${name}\n  ${String(e?.stack ?? e).replaceAll("\n", "\n  ")}`);
  }
}

const server = await serve();
const base = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch({
  executablePath: CHROMIUM,
  headless: true,
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
  ],
});

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

  await check("matrix table has clusters × modules cells in three states", async () => {
    const rows = await page.locator("#matrix tbody tr").count();
    assert.equal(rows, expected.clusters);
    const cells = await page.locator("#matrix tbody td.cell").count();
    assert.equal(cells, expected.clusters * expected.modules);
    for (const state of ["covered", "gap", "not_applicable"]) {
      const n = await page.locator(`#matrix td.cell[data-state='${state}']`).count();
      assert.equal(n, expected.states[state], `${state} cells`);
      assert.ok(n > 0, `some ${state} cell`);
    }
    // The three states look different.
    const colours = await page.evaluate(() =>
      ["covered", "gap", "not_applicable"].map((s) => {
        const td = document.querySelector(`#matrix td.cell[data-state='${s}']`);
        const cs = getComputedStyle(td);
        return `${cs.backgroundColor}|${cs.backgroundImage}|${cs.color}`;
      }),
    );
    assert.equal(new Set(colours).size, 3, `distinct styles: ${colours.join(" / ")}`);
    assert.equal(await page.locator(".legend li").count(), 3, "legend");
  });

  await check("coverage, gaps, waves and validation sections are filled", async () => {
    assert.equal(await page.locator("#coverage li").count(), expected.clusters);
    assert.equal(await page.textContent("#gap-count"), String(expected.gaps));
    assert.equal(await page.locator("#waves > li").count(), expected.waves);
    assert.equal(await page.locator("#waves > li li").count(), refDoc.measures.length);
    assert.ok((await page.locator("#diagnostics li").count()) >= 1);
  });

  await check("schedule section: finish date, critical paths, infeasible deadlines, Gantt rows", async () => {
    const r = expected.schedule;
    assert.equal(await page.textContent("#sched-finish"), r.finish_date);
    assert.equal(await page.textContent("#stat-finish .stat-value"), r.finish_date, "summary card");
    assert.ok((await page.textContent("#schedule")).includes(r.finish_date));
    assert.equal(await page.locator("#sched-paths > li").count(), r.critical_paths.length);
    const firstPath = await page.locator("#sched-paths > li:first-child .chip").allTextContents();
    assert.deepEqual(firstPath, r.critical_paths[0]);
    assert.equal(await page.locator("#sched-late > li").count(), Math.max(r.infeasible_deadlines.length, 1));
    if (r.infeasible_deadlines.length) {
      assert.equal(await page.textContent("#sched-late > li:first-child .late-id"), r.infeasible_deadlines[0].id);
    }
    assert.equal(await page.locator("#gantt tbody tr").count(), refDoc.measures.length);
    const negative = r.records.filter((x) => x.total_float < 0).length;
    assert.equal(await page.locator("#gantt tbody tr.late").count(), negative, "negative float rows");
    assert.equal(
      await page.locator("#gantt tbody tr.critical").count(),
      r.records.filter((x) => x.critical && x.total_float >= 0).length,
      "critical rows highlighted",
    );
    // The critical rows' bars look different from the others.
    const colours = await page.evaluate(() =>
      ["critical", "normal"].map((k) => {
        const bar = document.querySelector(`#gantt tr.${k} .gbar`);
        return bar ? getComputedStyle(bar).backgroundColor : null;
      }),
    );
    assert.ok(colours[0] && colours[1] && colours[0] !== colours[1], `bar colours ${colours}`);
    const row = r.records[0];
    const cells = await page.locator(`#gantt tbody tr[data-id='${row.id}'] td`).allTextContents();
    assert.deepEqual(cells.slice(1, 4), [row.early_start_date, row.early_finish_date, String(row.total_float)]);
  });

  await check("schedule calendar picker recomputes in working days", async () => {
    const before = await page.evaluate(() => document.body.dataset.schedules ?? "0");
    await page.selectOption("#sched-calendar", "azerbaijan_example");
    await page.waitForFunction((n) => (document.body.dataset.schedules ?? "0") !== n, before);
    assert.equal(await page.textContent("#sched-finish"), expected.azFinish);
    assert.equal(await page.textContent("#stat-finish .stat-value"), expected.azFinish);
    assert.match(await page.textContent("#schedule .sched-stats"), /working days/);
    const again = await page.evaluate(() => document.body.dataset.schedules);
    await page.selectOption("#sched-calendar", "");
    await page.waitForFunction((n) => document.body.dataset.schedules !== n, again);
    assert.equal(await page.textContent("#sched-finish"), expected.schedule.finish_date);
  });

  await check("malformed JSON shows the error's name, code and path", async () => {
    await analyse('{\n  "strategy": {,\n}');
    assert.equal(await page.isVisible("#load-error"), true);
    assert.equal(await page.textContent("#err-name"), "ParseError");
    assert.equal(await page.textContent("#err-code"), "parse_error");
    assert.match(await page.textContent("#err-path"), /line 2, column \d+/);
    assert.equal(await page.getAttribute("body", "data-status"), "error");
  });

  await check("a value of the wrong type shows its JSON path", async () => {
    const doc = reference.document();
    doc.measures[0].duration_days = "ten";
    await analyse(JSON.stringify(doc, null, 2));
    assert.equal(await page.textContent("#err-name"), "ParseError");
    assert.match(await page.textContent("#err-path"), /^measures\[0\]\.duration_days/);
  });

  await check("markup in a pasted document is shown as text", async () => {
    const evil = "<img src=x onerror=alert(1)>";
    const doc = reference.document();
    doc.clusters[0].title = { en: evil };
    doc.modules[0].title = { en: `${evil} module` };
    doc.measures[0].title = { en: `<script>alert(2)</script>` };
    await analyse(JSON.stringify(doc));
    assert.equal(await page.isVisible("#load-error"), false);
    assert.equal(await page.textContent("#matrix tbody tr:first-child th.cluster .cluster-title"), evil);
    assert.ok((await page.textContent("#gaps")).includes(evil) || (await page.textContent("#coverage")).includes(evil));
    assert.equal(await page.locator("img").count(), 0, "no img element");
    assert.equal(await page.locator("main script").count(), 0, "no script element");
    await page.waitForTimeout(200);
    assert.deepEqual(dialogs, [], "no alert ran");
  });

  await check("a duplicate measure id blocks only the graph: the matrix is still shown", async () => {
    const doc = reference.document();
    doc.measures[1].id = doc.measures[0].id;
    await analyse(JSON.stringify(doc));
    assert.equal(await page.isVisible("#load-error"), false, "it loads");
    assert.equal(await page.isVisible("#matrix-error"), false, "the matrix is computed");
    assert.equal(await page.locator("#matrix tbody td.cell").count(), expected.clusters * expected.modules);
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
    assert.equal(await page.isVisible("#matrix-error"), false, "the matrix is computed");
    assert.match(await page.textContent("#waves"), /^not computed: blocked by 1 error/);
    assert.doesNotMatch(await page.textContent("#stats"), /cycle/);
  });

  await check("a cyclic plan shows its cycle instead of waves", async () => {
    const doc = reference.document();
    const dependent = doc.measures.find((m) => (m.depends_on ?? []).length > 0);
    const first = dependent.depends_on[0];
    const prereq = doc.measures.find((m) => m.id === (typeof first === "string" ? first : first.id));
    // Start-to-start, so that the back edge adds a cycle and no deadline error.
    prereq.depends_on = [...(prereq.depends_on ?? []), { id: dependent.id, type: "SS" }];
    await analyse(JSON.stringify(doc));
    const text = await page.textContent("#waves");
    assert.match(text, /^not computed: the plan has a dependency cycle /);
    assert.ok(text.includes(dependent.id) && text.includes(prereq.id));
    assert.equal(await page.locator("#matrix tbody td.cell").count(), expected.clusters * expected.modules, "matrix still shown");
    assert.match(await page.textContent("#sched-body"), /^not computed: the plan has a dependency cycle /);
    assert.equal(await page.textContent("#stat-finish .stat-value"), "–");
  });

  await check("reset restores the e-Culture strategy; screenshot", async () => {
    await page.click("#reset");
    await page.waitForFunction(() => document.getElementById("matrix-error").hidden);
    assert.equal(await page.locator("#matrix tbody td.cell").count(), expected.clusters * expected.modules);
    assert.equal(await page.isVisible("#load-error"), false);
    assert.equal(await page.textContent("#sched-finish"), expected.schedule.finish_date);
    mkdirSync(dirname(SHOT), { recursive: true });
    await page.screenshot({ path: SHOT, fullPage: true });
    console.log(`  screenshot: ${SHOT}`);
  });

  await check("no console errors, page errors or failed requests", async () => {
    assert.deepEqual(problems, []);
  });

  await check("served without its package, the page says on screen that the module did not load", async () => {
    // What a new user did: serve wasm/www itself, so ../pkg/web/index.js is a 404.
    const bare = await serve(join(WASM_ROOT, "www"));
    const failing = await browser.newPage({ viewport: { width: 1200, height: 700 } });
    try {
      const pageErrors = [];
      failing.on("pageerror", (e) => pageErrors.push(e.message));
      await failing.goto(`http://127.0.0.1:${bare.address().port}/index.html`);
      await failing.waitForSelector("body[data-status='load-failed']", { timeout: 15_000 });
      const box = failing.locator("#wasm-load-error");
      assert.equal(await box.isVisible(), true, "the message is visible");
      const text = await box.textContent();
      assert.match(text, /Could not load the eculture WebAssembly module from http:\/\/127\.0\.0\.1:\d+\/pkg\/web\/index\.js/);
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

const failed = results.filter(([, e]) => e).length;
console.log(`${results.length - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
