#!/usr/bin/env python3
"""Derive the illustrative executors' reports of the embedded e-Culture default from the plan.

The reports for 2024 (submitted by 20 January 2025) and 2025 (by 20 January 2026) are made from
the measures' dates, their planned schedule and their statuses as of 2025-12-31, so that they
agree with everything else in the file:

* one report per main executor and year, covering every measure it leads that is active in the
  year (planned start by 31 December, deadline from 1 January; nothing already executed);
* status as of 31 December: a measure the file calls executed is executed in the year its
  planned schedule finishes it (actual start/finish = the planned early dates, the finish never
  after the deadline), in progress before that; a partially executed one is in progress from its
  planned start; one whose planned start is later is not due;
* percent complete = the share of its duration elapsed by 31 December (5 % steps, 5..95);
* indicator values: each indicator's `actuals` for the year, reported once (by the main executor
  of the first measure that holds it);
* measures of the public record carry their public URLs as evidence.

Usage (the schedule comes from the story test):

    ECULTURE_STORY_FILE=$PWD/core/data/e-culture.json cargo test -p eculture --test \
        e_culture_story story_of_a_file -- --ignored --nocapture | grep '^{' > /tmp/story.json
    python3 scripts/gen_reports.py /tmp/story.json
"""

import datetime as dt
import json
import re
import sys
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "core" / "data" / "e-culture.json"


def first_day(p):
    p = str(p)
    if re.fullmatch(r"\d{4}", p):
        return dt.date(int(p), 1, 1)
    m = re.fullmatch(r"(\d{4})-Q([1-4])", p)
    if m:
        return dt.date(int(m[1]), 3 * int(m[2]) - 2, 1)
    m = re.fullmatch(r"(\d{4})-(\d{2})", p)
    if m:
        return dt.date(int(m[1]), int(m[2]), 1)
    return dt.date.fromisoformat(p)


def last_day(p):
    p = str(p)
    if re.fullmatch(r"\d{4}", p):
        return dt.date(int(p), 12, 31)
    m = re.fullmatch(r"(\d{4})-Q([1-4])", p)
    if m:
        y, q = int(m[1]), int(m[2])
        nxt = dt.date(y + (q == 4), 1 if q == 4 else 3 * q + 1, 1)
        return nxt - dt.timedelta(days=1)
    m = re.fullmatch(r"(\d{4})-(\d{2})", p)
    if m:
        y, mo = int(m[1]), int(m[2])
        nxt = dt.date(y + (mo == 12), 1 if mo == 12 else mo + 1, 1)
        return nxt - dt.timedelta(days=1)
    return dt.date.fromisoformat(p)


def main():
    story = json.loads(Path(sys.argv[1]).read_text())
    sched = {r[0]: (dt.date.fromisoformat(r[1]), dt.date.fromisoformat(r[2])) for r in story["records"]}
    doc = json.loads(DATA.read_text())
    p_start = first_day(doc["strategy"]["period"]["start"])
    p_end = last_day(doc["strategy"]["period"]["end"])
    orgs = [o["id"] for o in doc["organizations"]]
    executed_by = {}  # measure -> year its entry said executed
    reports = []
    reported_values = set()
    for year, submit_base in ((2024, dt.date(2025, 1, 9)), (2025, dt.date(2026, 1, 8))):
        y0, y1 = dt.date(year, 1, 1), dt.date(year, 12, 31)
        by_org = {}
        for m in doc["measures"]:
            start = first_day(m["start"]) if "start" in m else p_start
            deadline = last_day(m["deadline"]) if "deadline" in m else p_end
            if start > y1 or deadline < y0 or m["id"] in executed_by:
                continue
            es, ef = sched[m["id"]]
            status = m.get("status")
            dur = max(1, (ef - es).days + 1)
            entry = {"measure": m["id"]}
            if status == "executed" and ef <= y1:
                entry["status"] = "executed"
                entry["actual_start"] = es.isoformat()
                entry["actual_finish"] = min(ef, deadline).isoformat()
                executed_by[m["id"]] = year
            elif status in ("executed", "partially_executed") and es <= y1:
                done = (y1 - es).days + 1
                pct = max(5, min(95, round(100 * done / dur / 5) * 5))
                entry["status"] = "partially_executed"
                entry["percent_complete"] = pct
                entry["actual_start"] = es.isoformat()
            elif status == "not_executed" and deadline <= y1:
                entry["status"] = "not_executed"
                entry["note"] = "not started by the deadline"
            else:
                entry["status"] = "not_due"
            urls = re.findall(r"https?://[^\s);,]+", m.get("source", ""))
            if entry["status"] == "executed" and urls and not m.get("source", "").startswith("Illustrative"):
                entry["evidence"] = urls
            by_org.setdefault(m["main_executor"], []).append(entry)
        # indicator values of the year, once each
        values = {}
        for m in doc["measures"]:
            for ind_id in m.get("indicators", []):
                if (ind_id, year) in reported_values:
                    continue
                ind = next(i for i in doc["indicators"] if i["id"] == ind_id)
                for a in ind.get("actuals", []):
                    if a["year"] == year:
                        values.setdefault(m["main_executor"], []).append(
                            {"indicator": ind_id, "year": year, "value": a["value"]})
                        reported_values.add((ind_id, year))
        for k, org in enumerate(o for o in orgs if o in by_org or o in values):
            rep = {
                "id": f"{org}-{year}",
                "by": org,
                "period": year,
                "submitted": (submit_base + dt.timedelta(days=k % 12)).isoformat(),
                "evidence": [f"Annual report of `{org}` on its e-Culture measures for {year}, with supporting documents (illustrative)"],
                "entries": by_org.get(org, []),
            }
            if org in values:
                rep["indicators"] = values[org]
            rep["source"] = ("Illustrative: derived from the plan's dates, planned schedule and "
                             "statuses as of 2025-12-31; public facts are cited in the entries' evidence. The obligation "
                             "(an annual report with supporting documents to the coordinating body by 20 January, Decree 1294): "
                             "https://unikal.az/news/281406/dovlet-proqraminin-neticeleri-barede-illik-hesabatlar-hazirlanacaq")
            rep["illustrative"] = True
            if not rep["entries"]:
                del rep["entries"]
            reports.append(rep)
    doc["reports"] = reports
    doc["evaluations"] = [{
        "id": "caerc-2024",
        "kind": "annual_monitoring",
        "by": doc["strategy"]["monitoring_body"],
        "period": 2024,
        "published": "2025-03-20",
        "source": ("Illustrative: an annual monitoring report of the M&E body for 2024 is assumed (publication date "
                   "invented); no findings are invented. The obligation (Decree 1294): "
                   "https://report.az/daxili-siyaset/dovlet-proqraminin-monitorinqi-ve-qiymetlendirilmesi-qaydasi-melum-olub/"),
        "illustrative": True,
    }]
    DATA.write_text(json.dumps(doc, indent=2, ensure_ascii=False) + "\n")
    print(f"{len(reports)} reports, {sum(len(r.get('entries', [])) for r in reports)} entries")


if __name__ == "__main__":
    main()
