// MS Project XML and Primavera XER from JavaScript (the full build): the same core as Rust and
// Python, so the files and their round trip are the same (docs/planners.md).
import { test } from "node:test";
import assert from "node:assert/strict";

import { Strategy, eCulture, ParseError } from "../pkg/node/index.js";

const relations = (s) =>
  s.dependencies().map((e) => `${e.from}>${e.to} ${e.relation}${e.lag_days}`).sort();

test("the default round trips through MSPDI and XER", () => {
  const s = eCulture();
  const opts = { calendar: "weekdays" };
  const xml = s.toMspdi(opts);
  assert.ok(xml.includes("<WBS>4.5</WBS>"));
  const xer = s.toXer(opts);
  assert.ok(xer.startsWith("ERMHDR\t"));
  for (const back of [
    Strategy.fromMspdi(new TextEncoder().encode(xml)),
    Strategy.fromXer(new TextEncoder().encode(xer)),
  ]) {
    assert.equal(back.document().measures.length, s.document().measures.length);
    assert.deepEqual(relations(back), relations(s));
    assert.ok(back.validate().some((d) => d.code === "unsupported_project_data"), "the calendar is a finding");
  }
});

test("a DOCTYPE is refused", () => {
  const bomb = '<?xml version="1.0"?><!DOCTYPE Project [<!ENTITY a "aa">]><Project><Name>&a;</Name></Project>';
  assert.throws(() => Strategy.fromMspdi(new TextEncoder().encode(bomb)), (e) => e instanceof ParseError && /DOCTYPE/.test(e.message));
});
