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

test("files shaped as MS Project 2019 and P6 8.2 write them read as in Rust and Python", async () => {
  const { readFileSync } = await import("node:fs");
  const dir = new URL("../../tests/planners/", import.meta.url);
  const xml = Strategy.fromMspdi(readFileSync(new URL("ms-project-2019-shape.xml", dir)));
  assert.deepEqual(xml.document().measures.map((m) => m.id), ["1.1", "1.2", "1.4", "2.1", "2.2", "2.3", "2.4"], "the inactive task and the blank row left out");
  assert.ok(relations(xml).includes("2.2>2.3 SF-1"));
  const xer = Strategy.fromXer(readFileSync(new URL("p6-8.2-shape.xer", dir)));
  assert.equal(xer.document().strategy.title.en, "Culture demo (café, £, €)", "Windows-1252, the WBS root's name");
  for (const [s, id] of [[xml, "1.2"], [xer, "A1010"]]) {
    const progress = s.validate().find((d) => d.id === id && /progress recorded in the file/.test(d.message));
    assert.ok(progress, `the progress of ${id} is a finding`);
    assert.match(progress.message, /40 % complete, actual start 2025-01-1[34]\)/);
  }
});
