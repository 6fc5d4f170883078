// What the browser tests share (browser_test.mjs, report_browser_test.mjs,
// injection_browser_test.mjs): headless Chromium through playwright-core, and a tiny runner
// that prints "ok - …" / "not ok - …" per check and exits non-zero when one failed.
// Env: CHROMIUM (default /usr/bin/chromium).
import { createServer } from "node:http";
import { readFileSync, statSync } from "node:fs";
import { dirname, extname, join, normalize, sep } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { chromium } from "playwright-core";

const WASM_ROOT = normalize(join(dirname(fileURLToPath(import.meta.url)), ".."));

/** Headless Chromium (Debian's, or $CHROMIUM), without network chatter of its own. */
export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
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
}

/** Open a local file in a new page; collect its console errors and warnings, page errors,
 * requests for anything but itself, and dialogs (dismissed). */
export async function openWatched(browser, path) {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const problems = [];
  const dialogs = [];
  const requests = [];
  const url = pathToFileURL(path).href;
  page.on("console", (msg) => {
    if (msg.type() === "error" || msg.type() === "warning") problems.push(`console.${msg.type()}: ${msg.text()}`);
  });
  page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
  page.on("request", (r) => {
    if (r.url() !== url) requests.push(r.url());
  });
  page.on("dialog", async (d) => {
    dialogs.push(d.message());
    await d.dismiss();
  });
  await page.goto(url);
  await page.waitForLoadState("load");
  return { page, problems, dialogs, requests };
}

const results = [];

/** Run one named check; a throw is a failure, printed with its stack. */
export async function check(name, fn) {
  try {
    await fn();
    results.push([name, null]);
    console.log(`ok - ${name}`);
  } catch (e) {
    results.push([name, e]);
    console.log(`not ok - ${name}\n  ${String(e?.stack ?? e).replaceAll("\n", "\n  ")}`);
  }
}

/** Print "N passed, M failed" and exit 1 when a check failed. */
export function finish() {
  const failed = results.filter(([, e]) => e).length;
  console.log(`${results.length - failed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
}

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
export function serve(ROOT = WASM_ROOT, deny = null) {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    if (deny?.test(url.pathname)) {
      res.writeHead(404).end("not found");
      return;
    }
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
