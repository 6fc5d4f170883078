// Opens every HTML and SVG file that `cargo run -p eculture-examples --bin browser_files` writes
// (in <repo>/target/injection/: the reports and pictures of tests/payloads/injection.json, script
// and formula payloads in every user string) in headless Chromium through playwright-core, via file://, and proves
// the payloads stay text: no dialog (alert), no console error or page error, no request (the
// outputs are self-contained), no script run (`window.__pwned`, which every payload would set,
// stays unset), no element the payloads name (`script`, `img`, and no `on…` attribute anywhere),
// and the payload text is there for the reader to see. Prints "N passed, 0 failed"; exits
// non-zero on any failure. Not a node:test file: run it directly after the build step
// (scripts/test-wasm.sh does). Env: CHROMIUM (default /usr/bin/chromium), INJECTION (default
// <repo>/target/injection).
import assert from "node:assert/strict";
import { existsSync, readdirSync } from "node:fs";
import { dirname, join, normalize } from "node:path";
import { fileURLToPath } from "node:url";
import { check, finish, launch, openWatched } from "./browser_support.mjs";

const HERE = dirname(fileURLToPath(import.meta.url));
const REPO = normalize(join(HERE, "..", ".."));
const DIR = process.env.INJECTION ?? join(REPO, "target", "injection");
// what examples/src/bin/browser_files.rs writes; each must be there
const FILES = [
  "report.html",
  "report_fixed.html",
  "monitoring.html",
  "heatmap.svg",
  "gantt.svg",
  "rollout.svg",
  "dsm.svg",
];
// payload text a reader must see in each file (as text, not markup)
const VISIBLE = {
  "report.html": ["<script>window.__pwned=1;alert(1)</script>", "=HYPERLINK("],
  "report_fixed.html": ["<script>window.__pwned=1;alert(1)</script>", "=HYPERLINK("],
  "monitoring.html": ["<script>window.__pwned=1;alert(1)</script>", "=HYPERLINK("],
  "heatmap.svg": ["<script>window.__pwned=1;ale"],
  "gantt.svg": ["1.1<b>"],
  "rollout.svg": ["<script>window.__pwned=1;ale"],
  "dsm.svg": ["1.1<b>"],
};

const missing = FILES.filter((f) => !existsSync(join(DIR, f)));
if (missing.length) {
  console.error(`missing ${missing.join(", ")} in ${DIR}: run \`cargo run -p eculture-examples --bin browser_files\` first`);
  process.exit(2);
}
const extra = readdirSync(DIR).filter((f) => /\.(html|svg)$/.test(f) && !FILES.includes(f));

const browser = await launch();

try {
  for (const file of [...FILES, ...extra]) {
    await check(`${file}: the payloads stay text`, async () => {
      const { page, problems, dialogs, requests } = await openWatched(browser, join(DIR, file));
      // give an injected handler (onerror of a broken image, a timer) the chance to run
      await page.waitForTimeout(300);
      const seen = await page.evaluate(() => ({
        pwned: window.__pwned,
        scripts: document.querySelectorAll("script").length,
        images: document.querySelectorAll("img, image, iframe, object, embed, foreignObject").length,
        handlers: [...document.querySelectorAll("*")].flatMap((el) =>
          [...el.attributes].filter((a) => /^on/i.test(a.name)).map((a) => `${el.tagName} ${a.name}`),
        ),
        links: [...document.querySelectorAll("[href], [xlink\\:href]")]
          .map((el) => el.getAttribute("href") ?? el.getAttribute("xlink:href"))
          .filter((h) => /^\s*javascript:/i.test(h)),
        text: document.documentElement.textContent,
      }));
      await page.close();
      assert.equal(seen.pwned, undefined, "a payload ran");
      assert.deepEqual(dialogs, [], "a dialog opened");
      assert.deepEqual(problems, [], "console or page errors");
      assert.deepEqual(requests, [], "the file asked for something");
      assert.equal(seen.scripts, 0, "script elements");
      assert.equal(seen.images, 0, "img/iframe/object elements");
      assert.deepEqual(seen.handlers, [], "on… attributes");
      assert.deepEqual(seen.links, [], "javascript: links");
      for (const s of VISIBLE[file] ?? []) assert.ok(seen.text.includes(s), `${s} shown as text`);
    });
  }
} finally {
  await browser.close();
}

finish();
