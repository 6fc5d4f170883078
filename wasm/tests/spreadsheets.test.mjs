// Action plans from and to spreadsheets from JavaScript (the full build): the same core as Rust
// and Python, so the round trip is lossless and a ministry's CSV plan gives the same findings,
// located by sheet and cell.
import { test } from "node:test";
import assert from "node:assert/strict";

import { Strategy, eCulture, ArgumentError, ParseError } from "../pkg/node/index.js";

const CSV =
  "Fəaliyyət Planı 2025-2026-cı illər üçün\n" +
  "S/s,Tədbirin adı,Əsas icraçı,Digər icraçılar,İcra müddəti,Maliyyə mənbəyi\n" +
  "1. Rəqəmsal irs\n" +
  "1.1.,Portal,Mədəniyyət Nazirliyi,İKT Mərkəzi,2025-ci ilin II rübü,Dövlət büdcəsi və qrantlar\n" +
  "1.2.,Arxiv,Medeniyyet Nazirliyi,,2026-cı ilin V rübü,Maliyyə tələb olunmur\n";

test("the default round trips through XLSX", () => {
  const s = eCulture();
  const bytes = s.toXlsx();
  assert.ok(bytes instanceof Uint8Array && bytes[0] === 0x50 && bytes[1] === 0x4b);
  const back = Strategy.fromXlsx(bytes);
  assert.deepEqual(back.document(), s.document());
  assert.deepEqual(Strategy.fromXlsx(bytes, null, "Tədbirlər planı").document(), s.document());
});

test("a CSV plan: fields read, findings on cells", () => {
  const s = Strategy.fromCsv(new TextEncoder().encode(CSV));
  const doc = s.document();
  assert.deepEqual(doc.measures.map((m) => m.id), ["1.1", "1.2"]);
  assert.equal(doc.measures[0].start, "2025-Q2");
  assert.deepEqual(doc.measures[0].funding, ["state_budget", "external_grant"]);
  const bad = s.validate().find((d) => d.code === "unreadable_cell");
  assert.equal(bad.sheet, "csv");
  assert.equal(bad.cell, "E5");
  assert.match(bad.message, /E5/);
  const near = s.validate().find((d) => d.code === "unknown_reference" && d.cell === "C5");
  assert.equal(near.suggestion, doc.measures[0].main_executor);
});

test("a mapping names other headings; wrong input throws the same classes as Python", () => {
  const text = new TextEncoder().encode("Code,Action,Lead,When\nA-1,Portal,MoC,2025\n");
  const s = Strategy.fromCsv(text, { Code: "id", Lead: "main_executor", When: "period" });
  assert.equal(s.document().measures[0].id, "A-1");
  assert.throws(() => Strategy.fromCsv(text, { Code: "no such field!" }), ArgumentError);
  assert.throws(() => Strategy.fromXlsx(new Uint8Array([1, 2, 3])), ParseError);
});

test("report workbooks out and back in", () => {
  const s = eCulture();
  const books = s.reportWorkbooks("2025", "ru");
  assert.ok(books.moc instanceof Uint8Array && books.moc.length > 1000);
  const back = s.collectReports([books.moc]);
  assert.ok(back.validate().some((d) => d.message.includes("workbook 1: nothing is filled in")));
  assert.throws(() => s.reportWorkbooks("2025", "fr"), ArgumentError);
});

test("collectReports cites the files' names when given; the annual monitoring report as XLSX", () => {
  const s = eCulture();
  const books = s.reportWorkbooks("2025", "en");
  const back = s.collectReports([books.moc, books.rcd], null, false, ["moc.xlsx"]);
  const said = back.validate().map((d) => d.message);
  assert.ok(said.includes("moc.xlsx: nothing is filled in: no report added"), said.join("\n"));
  assert.ok(said.includes("workbook 2: nothing is filled in: no report added"), "a file without a name is numbered");
  const xlsx = s.monitoringReport({ year: 2025 }).toXlsx();
  assert.ok(xlsx instanceof Uint8Array && xlsx.length > 5000);
  assert.deepEqual([...xlsx.subarray(0, 2)], [0x50, 0x4b], "a zip (XLSX)");
});
