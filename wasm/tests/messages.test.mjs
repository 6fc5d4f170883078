// Golden messages (tests/messages/mistakes.json): the same mistake throws the same class with
// the same code, path and message in JavaScript as in Rust and Python.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

import * as eculture from "../pkg/node/index.js";

const FILE = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "tests", "messages", "mistakes.json");
const { cases } = JSON.parse(readFileSync(FILE, "utf8"));

/** The case's arguments, with something that is not data in place of each marker (for
 * fromObject, a document holding it). */
function args(list) {
  if (list[0]?.$not_data) {
    const doc = eculture.eCulture().document();
    doc.strategy.id = Symbol("not data");
    return [doc];
  }
  const put = (v) =>
    Array.isArray(v) ? v.map(put)
    : v && typeof v === "object" ? (v.$not_data ? Symbol("not data") : Object.fromEntries(Object.entries(v).map(([k, x]) => [k, put(x)])))
    : v;
  return list.map(put);
}

for (const c of cases) {
  test(`same mistake, same error: ${c.name}`, () => {
    const target = { strategy: eculture.eCulture(), Strategy: eculture.Strategy, module: eculture }[c.on];
    const want = c.error;
    assert.throws(
      () => target[c.js](...args(c.args)),
      (e) => {
        assert.ok(e instanceof eculture[want.class], `${e.name} is not a ${want.class}`);
        assert.deepEqual([e.name, e.code, e.path, e.message], [want.class, want.code, want.path, want.message]);
        return true;
      },
    );
  });
}
