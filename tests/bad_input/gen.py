#!/usr/bin/env python3
"""Writes the bad-input corpus: tests/bad_input/cases/<NNN-slug>.<json|yaml|toml> and
tests/bad_input/expected.json, which says for each document what every surface must report:

- ``{"stage": "load", "code": "parse_error", "path": ...}``: loading fails with a located
  parse error (``path`` is the JSON path of the offending value, or null for a syntax error,
  which is located by line instead);
- ``{"stage": "validate", "code": ..., "path": ..., "severity": ...}``: the document loads and
  validation reports this diagnostic (others may come beside it).

The Rust (core/tests/bad_input.rs), Python (py/tests/test_bad_input.py) and node
(wasm/tests/bad_input.test.mjs) suites read the same files: every case must be a typed, located
error on every surface — never a panic, a foreign exception or a crash.

    python3 tests/bad_input/gen.py     # rewrite the corpus (deterministic)
"""

from __future__ import annotations

import copy
import json
import shutil
from pathlib import Path
from typing import Any, Callable, Dict, List, Optional, Tuple

HERE = Path(__file__).resolve().parent

BASE: Dict[str, Any] = {
    "strategy": {
        "id": "bad",
        "title": {"az": "Sınaq", "en": "Test"},
        "period": {"start": "2024", "end": "2026"},
        "coordinating_body": "moc",
        "monitoring_body": "caerc",
    },
    "organizations": [
        {"id": "moc", "name": {"en": "Ministry"}, "kind": "ministry"},
        {"id": "caerc", "name": {"en": "CAERC"}, "kind": "analysis_centre"},
        {"id": "lib", "name": {"en": "Library"}, "kind": "subordinate"},
    ],
    "directions": [{"id": "P1", "title": {"en": "One"}}, {"id": "P2", "title": {"en": "Two"}}],
    "clusters": [
        {"id": "library", "title": {"en": "Libraries"}, "tags": ["memory"]},
        {"id": "museum", "title": {"en": "Museums"}, "tags": ["memory"]},
        {"id": "theatre", "title": {"en": "Theatres"}},
    ],
    "modules": [
        {"id": "registry", "title": {"en": "Registry"}, "applies_to": {"all": True}},
        {"id": "catalogue", "title": {"en": "Catalogue"}, "applies_to": {"any_tags": ["memory"]},
         "requires": ["registry"]},
    ],
    "indicators": [
        {"id": "I1", "name": {"en": "Institutions in the registry"}, "unit": "count",
         "polarity": "ascending", "baseline": {"year": 2023, "value": 100},
         "targets": [{"year": 2026, "value": 300, "final": True}]},
    ],
    "measures": [
        {"id": "1.1", "direction": "P1", "title": {"en": "Registry"}, "main_executor": "moc",
         "start": "2024-Q1", "deadline": "2024-Q4", "duration_days": 120,
         "targets": [{"module": "registry"}], "indicators": ["I1"], "status": "executed"},
        {"id": "1.2", "direction": "P1", "title": {"en": "Catalogue"}, "main_executor": "lib",
         "other_executors": ["moc"], "start": "2025-Q1", "deadline": "2025-Q4",
         "duration_days": 200, "depends_on": ["1.1"],
         "targets": [{"module": "catalogue", "clusters": ["library", "museum"]}]},
        {"id": "2.1", "direction": "P2", "title": {"en": "Training"}, "main_executor": "moc",
         "deadline": "2026-Q2", "duration_days": 60, "depends_on": [{"id": "1.2", "type": "SS", "lag_days": 30}],
         "estimate": {"optimistic": 40, "most_likely": 60, "pessimistic": 90}},
    ],
    "reports": [
        {"id": "r2024", "by": "moc", "period": "2024", "submitted": "2025-01-15",
         "entries": [{"measure": "1.1", "status": "executed", "actual_start": "2024-01-10",
                      "actual_finish": "2024-11-30"}],
         "indicators": [{"indicator": "I1", "year": 2024, "value": 180}]},
    ],
}

Doc = Dict[str, Any]
Case = Tuple[str, str, Any, Dict[str, Any]]  # slug, format, document (or raw text), expectation


def m(i: int) -> str:
    return f"measures[{i}]"


def edit(f: Callable[[Doc], None]) -> Doc:
    d = copy.deepcopy(BASE)
    f(d)
    return d


def load(path: Optional[str]) -> Dict[str, Any]:
    return {"stage": "load", "code": "parse_error", "path": path}


def diag(code: str, path: str, severity: str = "error") -> Dict[str, Any]:
    return {"stage": "validate", "code": code, "path": path, "severity": severity}


def setp(path: List[Any], value: Any) -> Callable[[Doc], None]:
    def f(d: Doc) -> None:
        cur = d
        for k in path[:-1]:
            cur = cur[k]
        cur[path[-1]] = value
    return f


def delp(path: List[Any]) -> Callable[[Doc], None]:
    def f(d: Doc) -> None:
        cur = d
        for k in path[:-1]:
            cur = cur[k]
        del cur[path[-1]]
    return f


def cases() -> List[Case]:
    out: List[Case] = []
    j = lambda slug, f, exp: out.append((slug, "json", edit(f), exp))  # noqa: E731
    raw = lambda slug, fmt, text, exp: out.append((slug, fmt, text, exp))  # noqa: E731

    # ---- syntax
    raw("empty-file", "json", "", load(None))
    raw("truncated-json", "json", json.dumps(BASE)[:200], load(None))
    raw("trailing-comma", "json", '{"strategy": {"id": "x",}}', load(None))
    raw("single-quotes", "json", "{'strategy': {}}", load(None))
    raw("json-null", "json", "null", load(None))
    raw("json-array", "json", "[1, 2]", load(None))
    raw("deep-nesting", "json", "[" * 5000 + "]" * 5000, load(None))
    raw("invalid-utf8", "json", b'{"strategy": {"id": "\xff\xfe"}}', load(None))
    raw("yaml-bad-indent", "yaml", "strategy:\n  id: x\n    title: y\n", load(None))
    raw("yaml-tab", "yaml", "strategy:\n\tid: x\n", load(None))
    raw("toml-unclosed", "toml", "[strategy\nid = \"x\"\n", load(None))
    raw("toml-duplicate-key", "toml", "[strategy]\nid = \"a\"\nid = \"b\"\n", load(None))
    # ---- wrong types and unknown fields, located by JSON path
    j("strategy-is-a-list", setp(["strategy"], []), load("strategy"))
    j("measures-is-an-object", setp(["measures"], {}), load("measures"))
    j("measure-id-is-a-number", setp(["measures", 0, "id"], 11), load("measures[0].id"))
    j("duration-is-a-string", setp(["measures", 0, "duration_days"], "ten"), load("measures[0].duration_days"))
    j("duration-is-a-fraction", setp(["measures", 0, "duration_days"], 1.5), load("measures[0].duration_days"))
    j("duration-overflows", setp(["measures", 0, "duration_days"], 10**30), load("measures[0].duration_days"))
    j("unknown-top-level-field", setp(["budget"], 5), load(None))
    j("unknown-measure-field", setp(["measures", 1, "owner"], "moc"), load("measures[1].owner"))
    j("unknown-strategy-field", setp(["strategy", "vision"], "x"), load("strategy.vision"))
    j("unknown-module-field", setp(["modules", 0, "colour"], "red"), load("modules[0].colour"))
    j("unknown-relation", setp(["measures", 2, "depends_on"], [{"id": "1.2", "type": "XY"}]), load("measures[2].depends_on[0].type"))
    j("lag-is-a-string", setp(["measures", 2, "depends_on"], [{"id": "1.2", "lag_days": "ten"}]), load("measures[2].depends_on[0].lag_days"))
    j("lag-overflows-i32", setp(["measures", 2, "depends_on"], [{"id": "1.2", "lag_days": 2**40}]), load("measures[2].depends_on[0].lag_days"))
    j("title-language-unknown", setp(["measures", 0, "title"], {"fr": "Registre"}), load("measures[0].title"))
    j("title-is-a-string", setp(["measures", 0, "title"], "Registry"), load("measures[0].title"))
    j("period-month-13", setp(["strategy", "period", "start"], "2024-13"), load("strategy.period.start"))
    j("period-not-a-date", setp(["measures", 0, "deadline"], "soon"), load("measures[0].deadline"))
    j("period-day-30-feb", setp(["measures", 0, "deadline"], "2025-02-30"), load("measures[0].deadline"))
    j("status-unknown", setp(["measures", 0, "status"], "done"), load("measures[0].status"))
    j("funding-unknown", setp(["measures", 0, "funding"], ["money"]), load("measures[0].funding[0]"))
    j("estimate-missing-field", setp(["measures", 2, "estimate"], {"optimistic": 1, "most_likely": 2}), load("measures[2].estimate"))
    j("estimate-is-a-string", setp(["measures", 2, "estimate"], "soon"), load("measures[2].estimate"))
    j("main-executor-is-a-number", setp(["measures", 0, "main_executor"], 7), load("measures[0].main_executor"))
    j("targets-not-a-list", setp(["measures", 0, "targets"], "registry"), load("measures[0].targets"))
    j("applies-to-unknown-key", setp(["modules", 0, "applies_to"], {"everything": True}), load("modules[0].applies_to.everything"))
    j("organization-kind-unknown", setp(["organizations", 0, "kind"], "palace"), load("organizations[0].kind"))
    j("baseline-value-string", setp(["indicators", 0, "baseline", "value"], "many"), load("indicators[0].baseline.value"))
    j("polarity-unknown", setp(["indicators", 0, "polarity"], "sideways"), load("indicators[0].polarity"))
    j("requires-object-unknown-field", setp(["modules", 1, "requires"], [{"module": "registry", "how": "FF"}]), load("modules[1].requires[0]"))
    j("report-entry-status-unknown", setp(["reports", 0, "entries", 0, "status"], "finished"), load("reports[0].entries[0].status"))
    j("report-unknown-field", setp(["reports", 0, "signed"], True), load("reports[0].signed"))
    j("measure-missing-id", delp(["measures", 0, "id"]), load("measures[0]"))
    j("strategy-missing-period", delp(["strategy", "period"]), load("strategy"))
    j("indicator-year-string", setp(["indicators", 0, "baseline", "year"], "2023"), load("indicators[0].baseline.year"))
    # ---- validation: duplicates and empty ids
    j("duplicate-measure-id", setp(["measures", 1, "id"], "1.1"), diag("duplicate_id", "measures[1].id"))
    j("duplicate-cluster-id", setp(["clusters", 1, "id"], "library"), diag("duplicate_id", "clusters[1].id"))
    j("duplicate-module-id", setp(["modules", 1, "id"], "registry"), diag("duplicate_id", "modules[1].id"))
    j("duplicate-organization-id", setp(["organizations", 2, "id"], "moc"), diag("duplicate_id", "organizations[2].id"))
    j("duplicate-direction-id", setp(["directions", 1, "id"], "P1"), diag("duplicate_id", "directions[1].id"))
    j("duplicate-indicator-id", lambda d: d["indicators"].append(copy.deepcopy(d["indicators"][0])), diag("duplicate_id", "indicators[1].id"))
    j("empty-measure-id", setp(["measures", 2, "id"], ""), diag("empty_id", "measures[2].id"))
    j("blank-cluster-id", setp(["clusters", 2, "id"], "   "), diag("empty_id", "clusters[2].id"))
    j("empty-strategy-id", setp(["strategy", "id"], ""), diag("empty_id", "strategy.id"))
    # ---- unknown references
    j("unknown-dependency", setp(["measures", 1, "depends_on"], ["1.l"]), diag("unknown_reference", "measures[1].depends_on[0]"))
    j("unknown-direction", setp(["measures", 0, "direction"], "P9"), diag("unknown_reference", "measures[0].direction"))
    j("unknown-main-executor", setp(["measures", 0, "main_executor"], "mocc"), diag("unknown_reference", "measures[0].main_executor"))
    j("unknown-other-executor", setp(["measures", 1, "other_executors"], ["nobody"]), diag("unknown_reference", "measures[1].other_executors[0]"))
    j("unknown-indicator", setp(["measures", 0, "indicators"], ["I9"]), diag("unknown_reference", "measures[0].indicators[0]"))
    j("unknown-target-module", setp(["measures", 0, "targets"], [{"module": "registri"}]), diag("unknown_reference", "measures[0].targets[0].module"))
    j("unknown-target-cluster", setp(["measures", 1, "targets"], [{"module": "catalogue", "clusters": ["libary"]}]), diag("unknown_reference", "measures[1].targets[0].clusters[0]"))
    j("unknown-applies-cluster", setp(["modules", 0, "applies_to"], {"clusters": ["opera"]}), diag("unknown_reference", "modules[0].applies_to.clusters[0]"))
    j("unknown-required-module", setp(["modules", 1, "requires"], ["regsitry"]), diag("unknown_reference", "modules[1].requires[0]"))
    j("unknown-coordinating-body", setp(["strategy", "coordinating_body"], "cabinet"), diag("unknown_reference", "strategy.coordinating_body"))
    j("unknown-goal", setp(["directions", 0, "goals"], ["G9"]), diag("unknown_reference", "directions[0].goals[0]"))
    # ---- cycles
    j("self-dependency", setp(["measures", 0, "depends_on"], ["1.1"]), diag("dependency_cycle", "measures[0].depends_on[0]"))
    j("two-cycle", setp(["measures", 0, "depends_on"], ["1.2"]), diag("dependency_cycle", "measures[0].depends_on[0]"))
    j("three-cycle", setp(["measures", 0, "depends_on"], ["2.1"]), diag("dependency_cycle", "measures[0].depends_on[0]"))
    j("module-requires-itself", setp(["modules", 0, "requires"], ["registry"]), diag("module_cycle", "modules[0].requires"))
    j("modules-require-each-other", setp(["modules", 0, "requires"], ["catalogue"]), diag("module_cycle", "modules[0].requires"))
    # ---- dates and durations
    j("start-after-deadline", setp(["measures", 0, "start"], "2025-Q1"), diag("start_after_deadline", "measures[0].deadline"))
    j("deadline-outside-period", setp(["measures", 0, "deadline"], "2027-Q1"), diag("period_outside_strategy", "measures[0].deadline"))
    j("start-before-period", setp(["measures", 0, "start"], "2023-06"), diag("period_outside_strategy", "measures[0].start"))
    j("year-1800", setp(["measures", 2, "deadline"], "1800"), diag("absurd_date", "measures[2].deadline"))
    j("year-9999", setp(["measures", 2, "deadline"], "9999-12-31"), diag("absurd_date", "measures[2].deadline"))
    j("year-0", setp(["measures", 2, "deadline"], "0000-06-01"), diag("absurd_date", "measures[2].deadline"))
    j("strategy-period-reversed", setp(["strategy", "period"], {"start": "2026", "end": "2024"}), diag("start_after_deadline", "strategy.period"))
    j("negative-duration", setp(["measures", 0, "duration_days"], -5), diag("invalid_duration", "measures[0].duration_days"))
    j("huge-duration", setp(["measures", 0, "duration_days"], 10**7), diag("invalid_duration", "measures[0].duration_days"))
    j("i64-duration", setp(["measures", 0, "duration_days"], 2**62), diag("invalid_duration", "measures[0].duration_days"))
    j("huge-lag", setp(["measures", 2, "depends_on"], [{"id": "1.2", "lag_days": 10**6}]), diag("invalid_lag", "measures[2].depends_on[0]"))
    j("lag-i32-min", setp(["measures", 2, "depends_on"], [{"id": "1.2", "lag_days": -(2**31)}]), diag("invalid_lag", "measures[2].depends_on[0]"))
    j("requirement-huge-lag", setp(["modules", 1, "requires"], [{"module": "registry", "relation": "FF", "lag_days": 10**6}]), diag("invalid_lag", "modules[1].requires[0].lag_days"))
    j("estimate-unordered", setp(["measures", 2, "estimate"], {"optimistic": 90, "most_likely": 60, "pessimistic": 40}), diag("invalid_estimate", "measures[2].estimate"))
    j("estimate-negative", setp(["measures", 2, "estimate"], {"optimistic": -1, "most_likely": 60, "pessimistic": 90}), diag("invalid_estimate", "measures[2].estimate"))
    j("estimate-absurd", setp(["measures", 2, "estimate"], {"optimistic": 1, "most_likely": 2, "pessimistic": 1e12}), diag("invalid_estimate", "measures[2].estimate"))
    j("deadline-before-prerequisite", setp(["measures", 1, "deadline"], "2024-Q3"), diag("deadline_before_prerequisite", "measures[1].depends_on[0]"))
    j("duration-exceeds-window", setp(["measures", 0, "duration_days"], 400), diag("duration_exceeds_window", "measures[0].duration_days", "warning"))
    j("duplicate-dependency", setp(["measures", 1, "depends_on"], ["1.1", "1.1"]), diag("duplicate_dependency", "measures[1].depends_on[1]", "warning"))
    # ---- roles, titles, indicators, modules
    j("two-main-executors", setp(["measures", 0, "main_executor"], ["moc", "lib"]), diag("main_executor_count", "measures[0].main_executor"))
    j("no-main-executor", setp(["measures", 0, "main_executor"], []), diag("main_executor_count", "measures[0].main_executor"))
    j("coordinator-is-monitor", setp(["strategy", "monitoring_body"], "moc"), diag("coordinator_is_monitor", "strategy.monitoring_body"))
    j("no-monitoring-body", delp(["strategy", "monitoring_body"]), diag("missing_role", "strategy.monitoring_body", "warning"))
    j("measure-without-title", setp(["measures", 0, "title"], {}), diag("missing_title", "measures[0].title"))
    j("strategy-title-empty", setp(["strategy", "title"], {}), diag("missing_title", "strategy.title"))
    j("strategy-title-english-only", setp(["strategy", "title"], {"en": "Test"}), diag("missing_title", "strategy.title", "warning"))
    j("cluster-without-title", setp(["clusters", 0, "title"], {}), diag("missing_title", "clusters[0].title"))
    j("final-target-equals-baseline", setp(["indicators", 0, "targets", 0, "value"], 100), diag("target_equals_baseline", "indicators[0].targets[0]"))
    j("indicator-without-baseline", delp(["indicators", 0, "baseline"]), diag("indicator_incomplete", "indicators[0].baseline", "warning"))
    j("indicator-without-targets", setp(["indicators", 0, "targets"], []), diag("indicator_incomplete", "indicators[0].targets", "warning"))
    j("module-applies-to-nothing", setp(["modules", 0, "applies_to"], {"any_tags": ["opera"]}), diag("module_applies_to_nothing", "modules[0].applies_to", "warning"))
    j("unknown-tag", setp(["modules", 1, "applies_to"], {"any_tags": ["memory", "sound"]}), diag("unknown_tag", "modules[1].applies_to", "warning"))
    j("target-not-applicable", setp(["measures", 1, "targets"], [{"module": "catalogue", "clusters": ["theatre"]}]), diag("target_not_applicable", "measures[1].targets[0].clusters[0]"))
    j("requirement-not-delivered", setp(["measures", 0, "targets"], []), diag("requirement_not_delivered", "measures[1].targets", "warning"))
    # ---- executors' reports
    j("report-unknown-measure", setp(["reports", 0, "entries", 0, "measure"], "9.9"), diag("unknown_reference", "reports[0].entries[0].measure"))
    j("report-percent-150", lambda d: d["reports"][0]["entries"].append({"measure": "1.2", "status": "partially_executed", "percent_complete": 150}), diag("percent_out_of_range", "reports[0].entries[1].percent_complete"))
    j("report-finish-before-start", setp(["reports", 0, "entries", 0, "actual_finish"], "2024-01-01"), diag("actual_finish_before_start", "reports[0].entries[0].actual_finish"))
    j("report-executed-without-finish", delp(["reports", 0, "entries", 0, "actual_finish"]), diag("executed_without_finish", "reports[0].entries[0].status", "warning"))
    j("report-unknown-reporter", setp(["reports", 0, "by"], "ghost"), diag("unknown_reference", "reports[0].by"))
    j("report-conflicting-indicator", lambda d: d["reports"].append({"id": "r2024b", "by": "moc", "period": "2024", "submitted": "2025-01-16", "entries": [], "indicators": [{"indicator": "I1", "year": 2024, "value": 190}]}), diag("conflicting_values", "reports[1].indicators[0].value"))
    out.append(("yaml-nan-percent", "yaml", None, diag("non_finite_number", "reports[0].entries[1].percent_complete")))
    out.append(("toml-inf-indicator", "toml", None, diag("non_finite_number", "reports[0].indicators[0].value")))
    out.append(("yaml-nan-estimate", "yaml", None, diag("invalid_estimate", "measures[2].estimate")))
    out.append(("yaml-valid-but-cyclic", "yaml", None, diag("dependency_cycle", "measures[0].depends_on[0]")))
    out.append(("yaml-nan-baseline", "yaml", None, diag("non_finite_number", "indicators[0].baseline.value")))
    out.append(("yaml-inf-target", "yaml", None, diag("non_finite_number", "indicators[0].targets[0].value")))
    # Workbooks: bounds checked before calamine reads them (docs/robustness.md). A shared-string
    # table declaring 10^12 strings made calamine reserve 24 TB and abort the process.
    raw("xlsx-shared-strings-bomb", "xlsx", xlsx(SST.replace(b"{n}", b"1000000000000")), load("xl/sharedStrings.xml"))
    raw("xlsx-entry-declares-3-gib", "xlsx", declaring(xlsx(SST.replace(b"{n}", b"2")), "xl/worksheets/sheet1.xml", 3 << 30), load("xl/worksheets/sheet1.xml"))
    # ---- project files (docs/planners.md): MS Project XML and Primavera XER
    ms = '<?xml version="1.0"?>\n<Project xmlns="http://schemas.microsoft.com/project">\n'
    raw("mspdi-billion-laughs", "xml", '<?xml version="1.0"?>\n<!DOCTYPE Project [\n <!ENTITY a "aaaaaaaaaa">\n'
        + "".join(f' <!ENTITY {chr(98 + k)} "{("&" + chr(97 + k) + ";") * 10}">\n' for k in range(9))
        + ']>\n<Project><Name>&j;</Name></Project>\n', load(None))
    raw("mspdi-external-entity", "xml", '<?xml version="1.0"?>\n<!DOCTYPE Project [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n'
        '<Project><Name>&x;</Name></Project>\n', load(None))
    raw("mspdi-undeclared-entity", "xml", ms + "<Name>&x;</Name>\n</Project>\n", load(None))
    raw("mspdi-not-a-project", "xml", '<?xml version="1.0"?>\n<html><body/></html>\n', load(None))
    raw("mspdi-truncated", "xml", ms + "<Tasks><Task><UID>1</UID>\n", load(None))
    raw("mspdi-mismatched-tags", "xml", ms + "<Tasks><Task></Tasks></Task>\n</Project>\n", load(None))
    raw("mspdi-deep-nesting", "xml", ms + "<a>" * 100 + "</a>" * 100 + "\n</Project>\n", load(None))
    raw("xer-no-header", "xer", "%T\tPROJECT\n%F\tproj_id\n%R\t1\n", load(None))
    raw("xer-row-longer-than-fields", "xer", "ERMHDR\t19.12\r\n%T\tPROJECT\r\n%F\tproj_id\r\n%R\t1\t2\t3\r\n%E\r\n", load(None))
    raw("xer-row-outside-table", "xer", "ERMHDR\t19.12\n%R\t1\n", load(None))
    return out


def xlsx(shared_strings: bytes) -> bytes:
    """A minimal XLSX (stored, fixed timestamps: the same bytes on every run) whose sheet has
    two shared-string cells, with the given shared-string table."""
    import io
    import zipfile

    parts = {
        "[Content_Types].xml": b'<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>',
        "_rels/.rels": b'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml": b'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Plan" sheetId="1" r:id="rId1"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels": b'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>',
        "xl/worksheets/sheet1.xml": b'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row></sheetData></worksheet>',
        "xl/sharedStrings.xml": shared_strings,
    }
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_STORED) as z:
        for name, data in parts.items():
            z.writestr(zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0)), data)
    return buf.getvalue()


SST = b'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="2" uniqueCount="{n}"><si><t>S/s</t></si><si><t>Tedbir</t></si></sst>'


def declaring(zip_bytes: bytes, name: str, size: int) -> bytes:
    """The zip with entry ``name``'s declared uncompressed size set to ``size`` (both headers)."""
    import struct

    data = bytearray(zip_bytes)
    at = 0
    while True:
        at = data.index(b"PK\x01\x02", at)
        n = struct.unpack_from("<H", data, at + 28)[0]
        if bytes(data[at + 46:at + 46 + n]) == name.encode():
            break
        at += 4
    local = struct.unpack_from("<I", data, at + 42)[0]
    struct.pack_into("<I", data, at + 24, size)
    struct.pack_into("<I", data, local + 22, size)
    return bytes(data)


def yaml_of(d: Doc) -> str:
    """A small YAML emitter (flow style for leaves), enough for the corpus (JSON is YAML)."""
    return json.dumps(d, indent=2, ensure_ascii=False) + "\n"


def special(slug: str) -> str:
    if slug == "yaml-nan-percent":
        d = copy.deepcopy(BASE)
        d["reports"][0]["entries"].append({"measure": "1.2", "status": "partially_executed", "percent_complete": "@NAN@"})
        return yaml_of(d).replace('"@NAN@"', ".nan")
    if slug == "yaml-nan-estimate":
        d = copy.deepcopy(BASE)
        d["measures"][2]["estimate"] = {"optimistic": 40, "most_likely": "@NAN@", "pessimistic": 90}
        return yaml_of(d).replace('"@NAN@"', ".nan")
    if slug in ("yaml-nan-baseline", "yaml-inf-target"):
        d = copy.deepcopy(BASE)
        if slug == "yaml-nan-baseline":
            d["indicators"][0]["baseline"]["value"] = "@NAN@"
            return yaml_of(d).replace('"@NAN@"', ".nan")
        d["indicators"][0]["targets"][0]["value"] = "@INF@"
        return yaml_of(d).replace('"@INF@"', ".inf")
    if slug == "yaml-valid-but-cyclic":
        d = copy.deepcopy(BASE)
        d["measures"][0]["depends_on"] = ["2.1"]
        return yaml_of(d)
    if slug == "toml-inf-indicator":
        # hand-written TOML: the same plan, an indicator value of +inf
        return TOML_INF
    raise KeyError(slug)


TOML_INF = '''[strategy]
id = "bad"
period = { start = "2024", end = "2026" }
coordinating_body = "moc"
monitoring_body = "caerc"
title = { az = "Sınaq", en = "Test" }

[[organizations]]
id = "moc"
name = { en = "Ministry" }
kind = "ministry"

[[organizations]]
id = "caerc"
name = { en = "CAERC" }
kind = "analysis_centre"

[[directions]]
id = "P1"
title = { en = "One" }

[[indicators]]
id = "I1"
name = { en = "Institutions" }
baseline = { year = 2023, value = 100.0 }
targets = [{ year = 2026, value = 300.0, final = true }]

[[measures]]
id = "1.1"
direction = "P1"
title = { en = "Registry" }
main_executor = "moc"
deadline = "2024-Q4"
duration_days = 120

[[reports]]
id = "r2024"
by = "moc"
period = "2024"
submitted = "2025-01-15"
entries = [{ measure = "1.1", status = "executed", actual_start = "2024-01-10", actual_finish = "2024-11-30" }]
indicators = [{ indicator = "I1", year = 2024, value = inf }]
'''


def main() -> None:
    out_dir = HERE / "cases"
    if out_dir.exists():
        shutil.rmtree(out_dir)
    out_dir.mkdir()
    expected: Dict[str, Any] = {}
    for k, (slug, fmt, doc, exp) in enumerate(cases(), start=1):
        name = f"{k:03d}-{slug}.{fmt}"
        if doc is None:
            data: Any = special(slug)
        elif isinstance(doc, (str, bytes)):
            data = doc
        elif fmt == "yaml":
            data = yaml_of(doc)
        else:
            data = json.dumps(doc, indent=2, ensure_ascii=False) + "\n"
        path = out_dir / name
        if isinstance(data, bytes):
            path.write_bytes(data)
        else:
            path.write_text(data, encoding="utf-8")
        expected[name] = exp
    (HERE / "expected.json").write_text(json.dumps(expected, indent=2) + "\n", encoding="utf-8")
    print(f"{len(expected)} cases")


if __name__ == "__main__":
    main()
