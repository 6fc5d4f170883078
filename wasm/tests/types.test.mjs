// The hand-written TypeScript declarations of the document (wasm/src/types.d.ts) must match the
// JSON Schema that the core generates from its serde types: same type names, same property
// names, same string enums. This keeps `Strategy.document()`'s type honest when core changes.
// It also checks the generated declarations for `undefined`: results are serialized with
// `Option` → `null`, so a core type deriving tsify needs `#[tsify(missing_as_null)]`.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

import { jsonSchema } from "../pkg/node/index.js";

const HERE = dirname(fileURLToPath(import.meta.url));
const dts = readFileSync(join(HERE, "..", "src", "types.d.ts"), "utf8").replace(/\/\*[\s\S]*?\*\//g, "");

const interfaces = new Map(
  [...dts.matchAll(/export interface (\w+)(?: extends \w+)? \{([^}]*)\}/g)].map(([, name, body]) => [
    name,
    [...body.matchAll(/^\s*"?([$\w]+)"?\??:/gm)].map((m) => m[1]).sort(),
  ]),
);
const aliases = new Map(
  [...dts.matchAll(/export type (\w+) =([^;]*);/g)].map(([, name, body]) => [
    name,
    [...body.matchAll(/"([^"]*)"/g)].map((m) => m[1]).sort(),
  ]),
);

const schema = jsonSchema();
const defs = { Document: schema, ...schema.$defs };

test("types.d.ts declares every schema type", () => {
  for (const name of Object.keys(defs)) {
    assert.ok(interfaces.has(name) || aliases.has(name), `types.d.ts lacks \`${name}\``);
  }
});

for (const [name, def] of Object.entries(defs)) {
  if (def.properties) {
    test(`interface ${name} has the schema's properties`, () => {
      assert.deepEqual(interfaces.get(name), Object.keys(def.properties).sort());
    });
  } else if (def.oneOf?.every((v) => typeof v.const === "string")) {
    test(`type ${name} has the schema's values`, () => {
      assert.deepEqual(aliases.get(name), def.oneOf.map((v) => v.const).sort());
    });
  }
}

/** Declarations of a .d.ts: name → body text (braces matched, comments removed). */
function declarations(text) {
  const src = text.replace(/\/\*[\s\S]*?\*\//g, "").replace(/\/\/.*$/gm, "");
  const out = new Map();
  for (const m of src.matchAll(/export (?:declare )?(interface|class|type) (\w+)/g)) {
    let i = m.index + m[0].length;
    let depth = 0;
    let body = "";
    for (; i < src.length; i += 1) {
      const c = src[i];
      if (c === "{" || c === "(" || c === "<") depth += 1;
      if (c === "}" || c === ")" || c === ">") depth -= 1;
      body += c;
      if (depth === 0 && (c === "}" ? m[1] !== "type" : c === ";")) break;
      if (depth === 0 && c === "}" && m[1] === "type" && /^\s*;/.test(src.slice(i + 1))) break;
    }
    out.set(m[2], { kind: m[1], body });
  }
  return out;
}

test("results reachable from the API never contain `undefined` (Option is serialized as null)", (t) => {
  const decls = declarations(readFileSync(join(HERE, "..", "pkg", "node", "eculture_wasm.d.ts"), "utf8"));
  // Every type reachable from the exported classes and functions.
  const seen = new Set();
  const queue = [...decls].filter(([, d]) => d.kind === "class").map(([n]) => n);
  queue.push("EcultureError");
  while (queue.length) {
    const name = queue.pop();
    if (seen.has(name) || !decls.has(name)) continue;
    seen.add(name);
    for (const [ref] of decls.get(name).body.matchAll(/\b[A-Z]\w*\b/g)) queue.push(ref);
  }
  // (string literal types such as the band "undefined" are values, not the undefined type)
  const typeText = (n) => decls.get(n).body.replace(/"[^"]*"/g, '""');
  const bad = [...seen].filter((n) => decls.get(n).kind !== "class" && /\bundefined\b/.test(typeText(n)));
  assert.deepEqual(bad, [], 'add #[cfg_attr(feature = "wasm", tsify(missing_as_null))] to these core types');
  // Not yet exposed: reported, not failed, so that core can add types before the JS methods.
  const later = [...decls].filter(([n, d]) => !seen.has(n) && /\bundefined\b/.test(d.body)).map(([n]) => n);
  if (later.length) t.diagnostic(`core types not exposed yet that will need tsify(missing_as_null): ${later.join(", ")}`);
});
