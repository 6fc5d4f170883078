// What the browser tests share (browser_test.mjs, report_browser_test.mjs,
// injection_browser_test.mjs): headless Chromium through playwright-core, and a tiny runner
// that prints "ok - …" / "not ok - …" per check and exits non-zero when one failed.
// Env: CHROMIUM (default /usr/bin/chromium).
import { chromium } from "playwright-core";

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
