// Opens the HTML reports written by `cargo run -p eculture-examples --bin browser_files` (in
// <repo>/target/pictures/) in headless Chromium through playwright-core, via file://, and checks
// what a reader gets: no console errors, page errors or requests (the report is self-contained),
// every section present, the injection probes of report_probe.html shown as text (no script
// element, no alert dialog), the blocked sections of a cyclic plan saying why, and the A4 print
// layout. Prints "N passed, 0 failed"; exits non-zero on any failure. Not a node:test file: run
// it directly (`node wasm/tests/report_browser_test.mjs`) after the build step. Env: CHROMIUM
// (default /usr/bin/chromium), PICTURES (default <repo>/target/pictures), SHOT (screenshot of
// report.html, default <PICTURES>/report.png).
import assert from "node:assert/strict";
import { existsSync, statSync } from "node:fs";
import { dirname, join, normalize } from "node:path";
import { fileURLToPath } from "node:url";
import { check, finish, launch, openWatched } from "./browser_support.mjs";

const HERE = dirname(fileURLToPath(import.meta.url));
const REPO = normalize(join(HERE, "..", ".."));
const PICTURES = process.env.PICTURES ?? join(REPO, "target", "pictures");
const SHOT = process.env.SHOT ?? join(PICTURES, "report.png");
const SECTIONS = [
  "summary",
  "heatmap",
  "gaps",
  "rollout",
  "waves",
  "gantt",
  "critical-path",
  "deadlines",
  "dsm",
  "diagnostics",
];

for (const f of ["report.html", "report_probe.html", "report_cycle.html"]) {
  if (!existsSync(join(PICTURES, f))) {
    console.error(`missing ${join(PICTURES, f)}: run \`cargo run -p eculture-examples --bin browser_files\` first`);
    process.exit(2);
  }
}

const browser = await launch();

/** Open a report; collect console messages, page errors, requests and dialogs. */
const open = (file) => openWatched(browser, join(PICTURES, file));

try {
  const main = await open("report.html");
  await check("report.html: every section, with its pictures", async () => {
    for (const id of SECTIONS) assert.equal(await main.page.locator(`section#${id}`).count(), 1, id);
    for (const id of ["heatmap", "rollout", "gantt"]) {
      assert.ok((await main.page.locator(`section#${id} svg`).count()) >= 1, `${id} has an svg`);
      const box = await main.page.locator(`section#${id} svg`).first().boundingBox();
      assert.ok(box && box.width > 300 && box.height > 100, `${id} svg is drawn (${JSON.stringify(box)})`);
    }
    assert.match(await main.page.textContent("#summary"), /valid|errors/);
    await main.page.screenshot({ path: SHOT, fullPage: true });
    console.log(`  screenshot: ${SHOT} (${statSync(SHOT).size} bytes)`);
  });
  await check("report.html: no console errors, page errors, requests or dialogs", async () => {
    assert.deepEqual(main.problems, []);
    assert.deepEqual(main.requests, []);
    assert.deepEqual(main.dialogs, []);
  });
  await check("report.html: printable on A4 (sections start on new pages, SVGs fit the width)", async () => {
    await main.page.emulateMedia({ media: "print" });
    const pdf = await main.page.pdf({ format: "A4", printBackground: true });
    assert.ok(pdf.length > 10_000, `pdf of ${pdf.length} bytes`);
    const widest = await main.page.$$eval("svg", (svgs) => Math.max(...svgs.map((s) => s.getBoundingClientRect().width)));
    const body = await main.page.evaluate(() => document.body.getBoundingClientRect().width);
    assert.ok(widest <= body + 1, `svg ${widest}px wider than the page ${body}px`);
    await main.page.emulateMedia({ media: "screen" });
  });

  const probe = await open("report_probe.html");
  await check("report_probe.html: injection probes stay text", async () => {
    assert.equal(await probe.page.locator("script").count(), 0, "no script element");
    assert.equal(await probe.page.locator("img").count(), 0, "no img element");
    const text = await probe.page.evaluate(() => document.body.innerText);
    assert.ok(text.includes("<script>alert(1)</script>"), "the probe is shown as text");
    const svgText = await probe.page.evaluate(() => [...document.querySelectorAll("svg")].map((s) => s.textContent).join("\n"));
    assert.ok(svgText.includes("<script>alert(1)</script>"), "the probe is text inside the SVGs too");
    for (const id of SECTIONS) assert.equal(await probe.page.locator(`section#${id}`).count(), 1, id);
  });
  await check("report_probe.html: no dialog, console error or request", async () => {
    assert.deepEqual(probe.dialogs, []);
    assert.deepEqual(probe.problems, []);
    assert.deepEqual(probe.requests, []);
  });

  const cycle = await open("report_cycle.html");
  await check("report_cycle.html: blocked sections say why, the DSM is drawn", async () => {
    for (const id of SECTIONS) assert.equal(await cycle.page.locator(`section#${id}`).count(), 1, id);
    for (const id of ["waves", "gantt", "critical-path"]) {
      assert.match(await cycle.page.textContent(`section#${id} .blocked`), /cycle/i, id);
    }
    assert.equal(await cycle.page.locator("section#dsm svg").count(), 1);
    assert.deepEqual(cycle.problems, []);
  });
} finally {
  await browser.close();
}

finish();
