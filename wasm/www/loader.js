// Loads the eculture WebAssembly module (the web build of the npm package in wasm/pkg, mapped to
// the bare name "eculture" by the import map in index.html), then the page (app.js). When the
// module cannot be loaded — the package was never built, or only wasm/www is being served, or the
// server sends .wasm with the wrong type — the page says so on screen and what to do, instead of
// staying on "Loading…".

const where = (() => {
  try {
    return import.meta.resolve("eculture");
  } catch {
    return new URL("../pkg/web/index.js", import.meta.url).href;
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
    " in the repository: it builds the package (wasm/pkg) when it is missing and serves the wasm/ folder " +
      "(the page needs ../pkg next to www/), then prints the page's URL.",
  );
  box.append(head, why, fix);
  const main = document.querySelector("main") ?? document.body;
  main.prepend(box);
  document.body.dataset.status = "load-failed";
}

let loaded = false;
try {
  const eculture = await import("eculture");
  await eculture.default(); // init(): fetches eculture_wasm_bg.wasm next to the module
  loaded = true;
} catch (e) {
  console.error(e);
  showLoadFailure(e);
}
if (loaded) await import("./app.js");
