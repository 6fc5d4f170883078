// Loads the eculture WebAssembly module (the page's lean build in wasm/www/lean, mapped to the bare
// name "eculture" by the import map in index.html) and, at the same time, the embedded e-Culture
// default (lean/e-culture.json), then starts the page (app.js). When the module cannot be loaded —
// it was never built, or the server sends .wasm with the wrong type — the page says so on screen
// and what to do, instead of staying on "Loading…".

const where = (() => {
  try {
    return import.meta.resolve("eculture");
  } catch {
    return new URL("./lean/index.js", import.meta.url).href;
  }
})();

function showLoadFailure(error) {
  const title = document.getElementById("title");
  if (title) title.textContent = "The eculture WebAssembly module did not load";
  const box = document.createElement("div");
  box.id = "wasm-load-error";
  box.className = "error-box";
  box.setAttribute("role", "alert");
  const head = document.createElement("p");
  head.className = "error-title";
  head.textContent = `Could not load the eculture WebAssembly module from ${where}`;
  const why = document.createElement("p");
  why.className = "error-message";
  why.textContent = String(error?.message ?? error);
  const fix = document.createElement("p");
  fix.append(
    "To fix it, run ",
    Object.assign(document.createElement("code"), { textContent: "scripts/serve" }),
    " in the repository: it builds the page's module (wasm/www/lean) and the package (wasm/pkg) when they are " +
      "missing and serves the wasm/ folder (YAML and TOML files need ../pkg next to www/), then prints the page's URL.",
  );
  box.append(head, why, fix);
  const main = document.querySelector("main") ?? document.body;
  main.prepend(box);
  document.body.dataset.status = "load-failed";
}

let loaded = null;
try {
  const defaultJson = fetch(new URL("./lean/e-culture.json", import.meta.url)).then((r) => {
    if (!r.ok) throw new Error(`the embedded default lean/e-culture.json: HTTP ${r.status}`);
    return r.text();
  });
  defaultJson.catch(() => {}); // reported below, or superseded by the module's own failure
  const eculture = await import("eculture");
  // init() fetches eculture_wasm_bg.wasm next to the module, while the default downloads
  const [, text] = await Promise.all([eculture.default(), defaultJson]);
  performance.mark("eculture:module-ready"); // the module compiled and the default fetched
  loaded = [eculture, text];
} catch (e) {
  console.error(e);
  showLoadFailure(e);
}
if (loaded) {
  const app = await import("./app.js");
  await app.start(...loaded);
}
