#!/usr/bin/env python3
"""Regenerates the action plan of the embedded default, core/data/e-culture.json (issue #9).

STALE: core/data/e-culture.json is the source of truth now, edited directly (issue 20: the
published direction titles, the Azerbaijani texts and their unofficial-translation notes, the
routine duties replaced by time-bound measures, the reports). This script predates those edits
and would undo them; it is kept as a record of how the schedule fields were first made. Do not
run it on the committed file.

The committed artefact is the JSON; this script records how its schedule fields were made.
It rewrites, in place: the strategy `source`, `note` and `statuses_as_of`, the module
`requires` and `source`, and every measure's start, duration, estimate, dependencies, deadline
and status. Existing measures keep their titles, executors, targets, funding and indicators
unless the table below overrides them; new measures are written whole.

Deadlines and statuses are derived from the engine's own schedule, so that they tell one story:
  1. the plan is written with provisional deadlines and scheduled by eculture
     (`cargo test -p eculture --test e_culture_story -- --ignored`, ECULTURE_STORY_FILE);
  2. each measure without a fixed deadline gets the end of the quarter after its early finish
     plus some slack (a measure finished by the as-of date keeps a deadline within 2025), never
     before a prerequisite's deadline;
  3. the status follows the as-of date: finished by it -> executed, started by it ->
     partially_executed, not started -> none; a few measures override this on purpose.

Run from the repository root: python3 scripts/gen_e_culture.py
"""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PATH = os.path.join(ROOT, "core", "data", "e-culture.json")
AS_OF = dt.date(2025, 12, 31)
END = dt.date(2026, 12, 31)

CP = "https://www.culturalpolicies.net/country_profile/azerbaijan-2-4"
KULIS = "https://kulis.az/index.php/xeber/media/medeniyyet-nazirliyinde-isci-qrupu-yaradilib-51655"
MENAFN = "https://menafn.com/1109041605/Adil-Karimov-Digitalization-Of-Culture-Ministrys-Activities-Is-Priority-Area"
METBUAT_SCHOOLS = "https://metbuat.az/news/1527935/17-iyundan-bu-mekteblere-qebul-baslayir.html"
AZERNEWS = "https://www.azernews.az/culture/250706.html"
REPORT_SALES = "https://report.az/medeniyyet-siyaseti/dasinmaz-tarix-ve-medeniyyet-abidelerinin-alqi-satqisina-raziligin-verilmesi-elektronlasdirilacaq"
DECISION_102 = "http://anl.az/down/meqale/azerbaycan/2015/aprel/431294.htm"
ENUMERATE = "https://pro.europeana.eu/page/digital-collections"
SPECTRUM = "https://collectionstrust.org.uk/resource/spectrum-primary-procedures/"
OAIS = "https://slidelegend.com/oais-reference-model-digital-preservation-coalition_5b009a7e8ead0efd5d8b45a6.html"
CIXISYOLU = "https://cixisyolu.com/az%c9%99rbaycanda-dovl%c9%99t-s%c9%99viyy%c9%99sind%c9%99-muhafiz%c9%99-olunan-abid%c9%99l%c9%99rin-sayi-aciqlanib"
OECD = "https://www.oecd.org/en/publications/government-at-a-glance-2025_0efd0bcd-en/full-report/methodology-for-the-oecd-digital-government-index_e48d5180.html"
SIX_PROGRAMMES = "https://report.az/medeniyyet-siyaseti/azerbaycan-medeniyyetinin-inkisafi-ile-bagli-6-dovlet-proqami-hazirlanacaq"
PLATFORM_2040 = "https://news.day.az/azerinews/1809400.html"
ANNUAL_REPORTS = "https://unikal.az/news/281406/dovlet-proqraminin-neticeleri-barede-illik-hesabatlar-hazirlanacaq"
MONITORING = "https://report.az/daxili-siyaset/dovlet-proqraminin-monitorinqi-ve-qiymetlendirilmesi-qaydasi-melum-olub/"
CAERC_2040 = "https://news.day.az/azerinews/1809390.html"
LIBRARIES = "https://metbuat.az/news/1518544/azerbaycanda-ne-qeder-kitabxana-var.html"
DEPARTMENTS = "https://liderxeber.az/medeniyyet/412-azerbaycanda-yeni-medeniyyet-idareleri-yaradildi-siyahi.html"
SCHOOLS_2018 = "https://report.az/en/cultural-policy/deputy-minister-about-59-000-pupils-study-in-schools-of-ministry-of-culture/"

STRATEGY_SOURCE = (
    f"Approval, period, 10 priority directions and '100+ measures to 2026': {CP} ; "
    f"https://culture.gov.az/en/common-news/15453 ; {KULIS} ; "
    f"executors' annual reports due by 20 January: {ANNUAL_REPORTS} ; "
    f"M&E under Decree 1294: {MONITORING} ; CAERC and Culture-2040: {CAERC_2040}"
)
# the as-of date of the statuses is the field `statuses_as_of`; explanations go to `note`
# (issue 20): `source` holds sources only
STRATEGY_NOTE = (
    "The statuses describe the end of the second year (statuses_as_of); executors' annual "
    "reports for 2025 are due by 20 January 2026. The official text and action plan are not "
    "public. The 106 measures here are a reconstruction: their dates, durations, estimates, "
    "dependencies, funding, links and statuses are illustrative (each measure's `illustrative` "
    "says which fields; the facts that are public are cited in each measure's source). "
    "Coordinating body: the Ministry of Culture (it approved the strategy and its working group "
    "drafted it, per kulis.az). The e-Culture monitoring & evaluation body is NOT in the public "
    "record; CAERC is assumed here, illustratively, because it is the usual M&E body under "
    "Decree 1294 and does M&E of the Culture-2040 Concept for the Ministry. Three-point "
    "estimates (illustrative): the spread follows the kind of work of the direction (legal acts "
    "have the longest right tail, reports and training the shortest) and grows with the length "
    "of the work (scripts/gen_e_culture.py, SPREAD)."
)

DESIGN = "Design proposal, not the official module list (the official module list is not public)"
FF_NOTE = ("requires the registry finish-to-finish: it is built in parallel with the registry "
           "and cannot finish (go live) before the registry is live")


def ff(module: str) -> dict:
    return {"module": module, "relation": "FF"}


# module id -> (requires, source)
MODULES = {
    "registry": ([], f"{DESIGN}. Basis: Cabinet Decision 102 of 2015 on the electronic information system in the field of culture ({DECISION_102}); re-creation of the registry of cultural institutions and facilities reported on 2024-12-28 ({MENAFN})"),
    "cabinet": ([ff("registry")], f"{DESIGN}. Basis: the unified personal cabinet ({CP}), branded MyCulture in 2025 ({AZERNEWS}). It {FF_NOTE}"),
    "e_services": ([ff("cabinet"), ff("egov_integration")], f"{DESIGN}. Basis: heritage services moved online through MyCulture ({AZERNEWS}). Requires the cabinet and the e-government integration finish-to-finish: services are built in parallel and go live through them"),
    "egov_integration": ([], f"{DESIGN}. Basis: integration with Digital Login, Digital Document Circulation and Normative legal acts ({CP})"),
    "e_office": (["egov_integration"], f"{DESIGN}. Basis: priority 4, electronification and integration ({CP}). Requires the e-government integration finish-to-start: e-office runs on the national e-document circulation"),
    "hr": (["registry"], f"{DESIGN}. Basis: priority 10, digital culture and personnel ({CP}). Requires the registry finish-to-start: staff records are attached to registered institutions"),
    "finance": ([ff("registry")], f"{DESIGN}. Basis: priority 5, data-based management ({CP}). It {FF_NOTE}"),
    "analytics": (["registry"], f"{DESIGN}. Basis: priority 5, data-based management and forecasting ({CP}); OECD data-driven public sector ({OECD}). Requires the registry finish-to-start: dashboards need its data"),
    "collection_mgmt": ([ff("registry")], f"{DESIGN}. Basis: Spectrum 5.0 primary procedures ({SPECTRUM}). It {FF_NOTE}"),
    "museum_catalogue": (["collection_mgmt"], f"{DESIGN}. Basis: ENUMERATE 'catalogued in a database' ({ENUMERATE}); Spectrum ({SPECTRUM}). Requires collection management finish-to-start: the catalogue is filled from it"),
    "ils": ([ff("registry")], f"{DESIGN}. Basis: ENUMERATE metrics ({ENUMERATE}); 2,913 public libraries ({LIBRARIES}). It {FF_NOTE}"),
    "digital_library": ([ff("registry")], f"{DESIGN}. Basis: ENUMERATE 'digitally reproduced' and 'available online' ({ENUMERATE}). It {FF_NOTE}"),
    "digital_archive": (["digital_library"], f"{DESIGN}. Basis: OAIS, ISO 14721 ({OAIS}). Requires the digitisation workflow finish-to-start: the archive ingests what it produces"),
    "scan_3d": ([ff("registry")], f"{DESIGN}. Basis: ENUMERATE 'digitally reproduced' ({ENUMERATE}). It {FF_NOTE}"),
    "monument_gis": ([ff("registry")], f"{DESIGN}. Basis: 6,308 monuments under state protection ({CIXISYOLU}); zone approvals online ({AZERNEWS}). It {FF_NOTE}"),
    "monument_passport": (["monument_gis"], f"{DESIGN}. Basis: 6,308 monuments under state protection ({CIXISYOLU}). Requires the GIS register finish-to-start: a passport describes a registered monument"),
    "ich_inventory": ([ff("registry")], f"{DESIGN}. Basis: the tangible and intangible heritage cluster ({KULIS}). It {FF_NOTE}"),
    "e_ticketing": ([ff("registry"), ff("finance")], f"{DESIGN}. Basis: ticketed clusters ({KULIS}); priority 4 ({CP}). Requires the registry and the finance module finish-to-finish: built in parallel, it cannot go live before venues are registered and sales can be booked"),
    "events_calendar": ([ff("registry")], f"{DESIGN}. Basis: venue clusters ({KULIS}). It {FF_NOTE}"),
    "audience_crm": (["cabinet"], f"{DESIGN}. Basis: user-driven government ({OECD}). Requires the cabinet finish-to-start: it works on the cabinet's user accounts"),
    "education_mis": ([ff("registry")], f"{DESIGN}. Basis: the electronic system for music and art schools ({MENAFN}; {METBUAT_SCHOOLS}). It {FF_NOTE}"),
    "lms": ([ff("registry")], f"{DESIGN}. Basis: priority 10, digital culture and personnel ({CP}). It {FF_NOTE}"),
    "creative_registry": ([ff("registry")], f"{DESIGN}. Basis: creative industries in the Culture-2040 Concept ({SIX_PROGRAMMES}). It {FF_NOTE}"),
    "av_registry": ([ff("registry")], f"{DESIGN}. Basis: the audiovisual industry in the Culture-2040 Concept ({SIX_PROGRAMMES}). It {FF_NOTE}"),
    "g_cloud": ([], f"{DESIGN}. Basis: priorities 2 and 8, ICT infrastructure and migration to G-Cloud ({CP})"),
    "cybersecurity": ([], f"{DESIGN}. Basis: priority 9, cybersecurity, licensing and personal-data protection ({CP})"),
}


def SS(i, lag=0):
    return {"id": i, "type": "SS", "lag_days": lag}


def FF(i, lag=0):
    return {"id": i, "type": "FF", "lag_days": lag}


ILL = "Illustrative reconstruction (the official action plan is not public): title, dates, duration, estimate, executors, funding and links invented for illustration"

# id: (start, duration_days, depends_on, extra). extra may set: deadline (fixed), status (override),
# source, title/main_executor/... for new measures, est (estimate factors).
M: dict[str, tuple] = {
    # ---- P1 new technologies ----
    "1.1": ("2025-Q2", 330, ["3.3", SS("7.3", 90)], {}),
    "1.2": ("2025-Q3", 360, [SS("1.1", 90), "6.5"], {}),
    "1.3": ("2025-Q3", 240, [SS("6.3", 60)], {}),
    "1.4": ("2024-Q3", 60, ["7.1"], {}),
    "1.5": ("2025-Q2", 210, ["1.4"], {"status": "not_executed", "note": "Not started by the as-of date: the app was to be built on a prototype of the innovation challenge (1.4), and none was chosen for it (illustrative)"}),
    "1.6": ("2025-Q1", 270, ["1.4", "2.4"], {"status": "partially_executed", "note": "Deadline passed with broadcasting running in national theatres only (illustrative)"}),
    "1.7": ("2026-Q1", 180, [SS("6.3", 120)], {"new": ("P1", "AI-assisted metadata enrichment of digitised collections (pilot)", "ict_centre", ["national_library"], ["state_budget"], ["I7"], "Automatic subject indexing and named-entity tagging tested on the national digital library")}),
    "1.8": ("2025-Q4", 150, ["5.2", "8.2"], {"new": ("P1", "Open API and developer portal for e-Culture data", "ict_centre", ["moc"], ["state_budget"], [], "Registry, events and digital-library data available through documented APIs")}),
    "1.9": ("2026-Q1", 200, [SS("1.2", 120)], {"new": ("P1", "Augmented-reality trails in historical-cultural reserves (pilot)", "reserves", ["heritage_service", "ict_centre"], ["state_budget", "own_funds"], ["I16"], "AR trails in two reserves, built on the 3D documentation of 1.2")}),
    # ---- P2 ICT infrastructure ----
    "2.1": ("2024-01", 75, [], {}),
    "2.2": ("2024-Q3", 600, ["2.1"], {}),
    "2.3": ("2025-Q1", 420, ["2.1", SS("2.2", 180)], {}),
    "2.4": ("2024-Q2", 150, ["2.1"], {}),
    "2.5": ("2025-Q1", 180, ["2.4"], {}),
    "2.6": ("2025-Q2", 240, ["2.4"], {"new": ("P2", "Visitor Wi-Fi in national museums, libraries and theatres", "ict_centre", ["museum_centre", "national_library"], ["state_budget"], ["I13"], "Public Wi-Fi in the national institutions, managed centrally")}),
    "2.7": ("2024-Q4", 120, ["2.1"], {"new": ("P2", "Video-conferencing for the Ministry and the 12 regional culture departments", "ict_centre", ["rcd"], ["state_budget"], [], "Every regional culture department connected for video meetings"), "source_extra": f"12 regional culture departments (Feb 2023): {DEPARTMENTS}"}),
    "2.8": ("2025-Q1", 240, [SS("3.3", 0)], {"new": ("P2", "Digitisation equipment (book scanners, photo studios) for the national library, museums and film fund", "moc", ["national_library", "museum_centre", "film_fund"], ["state_budget"], ["I7"], "Digitisation capacity in the institutions that hold the largest collections")}),
    "2.9": ("2026-Q2", 120, ["2.3"], {"new": ("P2", "Replacement plan for end-of-life ICT equipment (2027-2030)", "ict_centre", ["minfin"], ["not_required"], [], "A costed replacement plan handed to the next programme period")}),
    # ---- P3 regulatory framework ----
    "3.1": ("2024-Q2", 300, ["6.1"], {"deadline": "2025-Q2", "status": "partially_executed",
            "note": "Deliberate missed deadline: the action-plan deadline (2025-Q2) is tight against the prerequisite — the amendment can only be drafted once the re-created registry (6.1) shows what the rules must cover, and a Cabinet decision then needs about ten months of inter-agency approval; the schedule reports the slip. As of 2025-12-31 the draft is in approval (illustrative)",
            "source_extra": f"Rules being amended: Cabinet Decision 102 of 2015 ({DECISION_102})"}),
    "3.2": ("2024-Q4", 240, [SS("3.1", 90)], {}),
    "3.3": ("2024-Q2", 150, ["7.1"], {}),
    "3.4": ("2025-Q1", 240, ["3.3"], {}),
    "3.5": ("2025-Q1", 200, [SS("3.1", 180)], {}),
    "3.6": ("2025-Q3", 200, ["3.1"], {}),
    "3.7": ("2025-Q4", 180, ["3.5"], {"new": ("P3", "Rules for the electronic register of creative-industry entities and artists", "moc", [], ["not_required"], [], "Who is registered, which data are kept and who may see them")}),
    "3.8": ("2024-Q3", 150, ["8.1"], {"new": ("P3", "Rules for hosting the information systems of culture institutions in G-Cloud", "moc", ["idda"], ["not_required"], ["I9"], "A binding hosting rule for the Ministry and its subordinate institutions")}),
    "3.9": ("2025-Q3", 170, ["7.2"], {"new": ("P3", "Electronic documents for admission to, and certificates of, music and art schools", "moc", ["schools"], ["not_required"], ["I3"], "Admission decisions and certificates issued as electronic documents")}),
    # ---- P4 services ----
    "4.1": ("2024", 450, [SS("7.1")], {"deadline": "2025-05", "public": f"Public: the unified personal cabinet was created and the Ministry's resources integrated into it ({CP}); the single-window cabinet was among the topics of the annual digitalisation meeting on 2024-12-28 ({MENAFN}); used to notify school applicants in June 2025 ({METBUAT_SCHOOLS}). Illustrative: start, duration, estimate, deadline month (the record says only 'by 2024-25'), funding and dependencies"}),
    "4.2": ("2024", 360, [SS("4.1", 90)], {"deadline": "2025-05", "public": f"Public: integration with Digital Login, Digital Document Circulation and Normative legal acts ({CP}). Illustrative: start, duration, estimate, deadline month (the record says only 'by 2024-25'), funding and dependencies"}),
    "4.3": ("2025-06", 21, ["7.2", "4.1"], {"deadline": "2025-06", "public": f"Public: admissions to music and art schools run digitally in June 2025, 18,665 applicants (16,548 music, 1,427 fine art, 690 choreography), notified through the personal cabinet, e-mail and SMS ({METBUAT_SCHOOLS}). Illustrative: duration, estimate, funding and dependencies"}),
    "4.4": ("2025-11", 20, ["4.1", "4.2"], {"deadline": "2025-11", "public": f"Public: the personal cabinet is branded MyCulture, November 2025 ({AZERNEWS}). Illustrative: duration, estimate, funding and dependencies"}),
    "4.5": ("2025-Q2", 330, [FF("3.2"), FF("6.5"), FF("9.5")], {"deadline": "2026-Q2", "status": "partially_executed", "public": f"Public: heritage services moved online through MyCulture — approval of building works in reserves and protection zones, permits when monuments are found during construction, change of use, leases, restoration/conservation projects ({AZERNEWS}); the approval of sales of immovable monuments 'will be' made electronic, in the future tense ({REPORT_SALES}), hence partially executed, not executed. Illustrative: start, duration, estimate, deadline, funding and dependencies"}),
    "4.6": ("2026-Q1", 180, [FF("6.9"), "4.4"], {}),
    "4.7": ("2025-Q3", 300, [FF("3.6"), "7.6"], {}),
    "4.8": ("2025-Q3", 150, ["4.1", "6.10"], {}),
    "4.9": ("2026-Q1", 150, ["4.4"], {"new": ("P4", "Online booking of excursions in historical-cultural reserves through MyCulture", "reserves", ["moc"], ["own_funds"], ["I1"], "Excursions in the reserves booked and paid online"), "targets": [{"module": "e_services", "clusters": ["reserve"]}]}),
    "4.10": ("2025-Q4", 120, ["4.4"], {"new": ("P4", "Proactive SMS and e-mail notifications on the status of MyCulture applications", "moc", ["ict_centre"], ["state_budget"], ["I2"], "Applicants told of every step without asking")}),
    "4.11": ("2026-Q1", 150, ["4.8"], {"new": ("P4", "Electronic applications for state support of amateur art collectives of club institutions", "moc", ["rcd"], ["state_budget"], ["I1"], "Club collectives apply for support online")}),
    "4.12": ("2026-Q2", 90, ["4.4"], {"new": ("P4", "User-satisfaction survey of MyCulture services", "moc", ["dsk"], ["not_required"], ["I2"], "Published satisfaction figures per service")}),
    # ---- P5 data-based management ----
    "5.1": ("2024-12", 20, ["7.1", SS("6.1", 180)], {"deadline": "2024-12-28", "public": f"Public: the annual digitalisation report was presented on 2024-12-28 — clusters, modules, the e-Culture matrix and architecture, information resources, re-creation of the registry of cultural institutions and facilities, the single-window cabinet, the e-system for music and art schools ({MENAFN})", "illustrative": ["start", "duration_days", "estimate", "depends_on"]}),
    "5.2": ("2024-Q3", 270, ["7.1", SS("6.1", 90)], {}),
    "5.3": ("2025-Q3", 300, ["5.2", SS("7.6", 90), SS("5.5", 0)], {}),
    "5.4": ("2026-Q1", 210, [SS("5.3", 90), SS("4.7", 60)], {}),
    "5.5": ("2025-Q1", 240, ["6.1", SS("5.2", 60)], {}),
    "5.6": ("2025-12", 25, ["5.1", "5.5"], {"deadline": "2025-12"}),
    "5.7": ("2026-Q1", 90, ["5.6"], {"new": ("P5", "Interim evaluation of the strategy (relevance, effectiveness, efficiency, results, sustainability)", "caerc", ["moc"], ["state_budget"], [], "An interim evaluation report with recommendations for 2026"), "source_extra": f"Evaluation criteria of Decree 1294: https://laied.az/2021/03/11/dovl%c9%99t-proqramlarinin-icrasinin-effektivliyinin-olculm%c9%99sind%c9%99-yeni-m%c9%99rh%c9%99l%c9%99/"}),
    # no hand-over to the Culture-2040 Concept: it was approved in January 2026, after this plan (issue 20)
    "5.8": ("2026-Q2", 40, ["9.6", "5.7", "5.4"], {"new": ("P5", "Final self-assessment of the strategy's execution and proposals for the next digital development strategy", "moc", ["caerc"], ["not_required"], [], "A final self-assessment report and proposals for the next strategy")}),
    "5.9": ("2026-Q1", 240, [FF("5.3", 30)], {"new": ("P5", "Strategy indicators monitored on the BI dashboard", "moc", ["caerc"], ["state_budget"], ["I18"], "Baseline, interim and final values of the result indicators kept current on the dashboard")}),
    "5.10": ("2025-Q1", 180, ["6.1"], {"new": ("P5", "Digital-maturity survey of culture institutions (ENUMERATE core metrics, 0-5 scale)", "moc", ["dsk", "rcd"], ["state_budget"], ["I5", "I7"], "Per institution: share catalogued, digitised and online, and whether it has a digital strategy"), "source_extra": f"Method: ENUMERATE core metrics ({ENUMERATE})"}),
    # ---- P6 information resources ----
    "6.1": ("2024-02", 270, [SS("7.1", 30)], {"deadline": "2024-11", "public": f"Public: re-creation of the registry of cultural institutions and facilities was among the topics of the annual digitalisation meeting on 2024-12-28 ({MENAFN}); legal root Cabinet Decision 102 of 2015 ({DECISION_102}). Illustrative: dates, duration, estimate, funding, dependencies and status"}),
    "6.2": ("2025-Q1", 330, ["6.1", "3.3"], {}),
    "6.3": ("2025-Q1", 330, ["3.3", SS("8.2", 0)], {}),
    "6.4": ("2026-Q1", 240, [FF("3.4"), "7.3"], {}),
    "6.5": ("2025-01", 180, ["6.1"], {}),
    "6.6": ("2025-Q1", 420, ["6.5"], {"deadline": "2026-Q2",
            "note": "Deliberate missed deadline: the action-plan deadline (2026-Q2) is tight against the prerequisite — passports for the 6,308 protected monuments can only be made once the GIS register (6.5) is done, and need about fourteen months; the schedule reports the slip so the working group can re-plan (illustrative)",
            "source_extra": f"6,308 monuments under state protection: {CIXISYOLU}"}),
    "6.7": ("2025-Q1", 420, ["6.1", "3.3"], {}),
    "6.8": ("2025-Q2", 330, ["6.1"], {}),
    "6.9": ("2025-Q3", 300, ["6.1", "5.2"], {}),
    "6.10": ("2024-Q3", 210, [SS("6.1", 120)], {}),
    "6.11": ("2026-Q2", 180, [SS("8.3", 90)], {}),
    "6.12": ("2025-Q1", 420, ["3.3", "6.1"], {}),
    "6.13": ("2025-Q1", 180, [SS("6.1", 150)], {"new": ("P6", "Culture and recreation parks added to the registry", "rcd", ["moc"], ["state_budget"], ["I4"], "The 436 culture and recreation parks registered with passport and geo-location"), "source_extra": f"436 culture and recreation parks: {LIBRARIES}"}),
    "6.14": ("2026-Q1", 210, ["6.3"], {"new": ("P6", "Electronic catalogue of theatre archives (programmes, posters, recordings)", "moc", ["national_library"], ["state_budget"], ["I7"], "Theatre archives described and linked to the national digital library")}),
    "6.15": ("2025-Q2", 210, ["6.1"], {"new": ("P6", "Integration of the registry with the state address and immovable-property registers", "moc", ["ict_centre"], ["state_budget"], ["I4"], "Institution addresses and buildings checked against the state registers")}),
    "6.16": ("2025-Q4", 150, ["3.5", "6.15"], {"new": ("P6", "Open data: registry and culture statistics published as open datasets", "moc", ["dsk"], ["not_required"], [], "Machine-readable datasets on the national open-data portal")}),
    # ---- P7 modules ----
    # the matrix is the working group's product of 2023 (strategy.working_group); 7.1 builds on it
    "7.1": ("2024-01", 75, [], {"public": f"Public: clusters, modules, the matrix and the architecture were among the topics of the annual digitalisation meeting on 2024-12-28 ({MENAFN}); the matrix itself was formed by the working group before approval ({KULIS})", "illustrative": ["start", "deadline", "duration_days", "estimate", "status", "other_executors", "funding", "expected_result"]}),
    "7.2": ("2024", 420, [SS("7.1")], {"deadline": "2025-05", "public": f"Public: an electronic system for music and art schools was among the topics of the annual digitalisation meeting on 2024-12-28 ({MENAFN}) and ran the June 2025 admissions ({METBUAT_SCHOOLS}). Illustrative: start, duration, estimate, deadline month, funding and dependencies"}),
    "7.3": ("2025-Q1", 330, ["6.1", "3.3"], {}),
    "7.4": ("2025-06", 180, ["4.2"], {}),
    "7.5": ("2025-Q2", 240, ["10.1", "6.1"], {}),
    "7.6": ("2025-Q1", 180, ["6.1"], {}),
    "7.7": ("2026-Q1", 270, ["6.2", FF("2.2")], {}),
    "7.8": ("2025-Q3", 240, ["4.1"], {}),
    "7.9": ("2026-Q1", 240, [SS("7.8", 60), SS("4.7", 90)], {}),
    "7.10": ("2026-Q2", 180, [SS("4.7", 180)], {}),
    "7.11": ("2025-Q1", 210, [SS("4.2", 60), "7.1"], {}),
    "7.12": ("2024-Q3", 120, ["7.1"], {"new": ("P7", "Unified administration policy across e-Culture modules (ownership, change management, service levels)", "moc", ["ict_centre"], ["not_required"], [], "One owner, one change process and one service level per module")}),
    "7.13": ("2026-Q1", 200, ["4.4"], {"new": ("P7", "MyCulture mobile application", "moc", ["ict_centre"], ["state_budget"], ["I2"], "The personal cabinet on iOS and Android")}),
    "7.14": ("2026-Q2", 150, [SS("7.10", 30)], {"new": ("P7", "Visitor counting and capacity monitoring in historical-cultural reserves", "reserves", ["ict_centre"], ["state_budget", "own_funds"], [], "Visitor numbers per reserve from ticket and gate data")}),
    "7.15": ("2026-Q1", 240, ["7.3"], {"new": ("P7", "Spectrum documentation procedures (object entry, location, inventory) in regional museums", "museum_centre", ["rcd"], ["state_budget"], ["I5"], "Regional museums record object entry, location and inventory in the collection system"), "source_extra": f"Spectrum 5.0 primary procedures: {SPECTRUM}"}),
    # ---- P8 G-Cloud (the critical chain runs through it) ----
    "8.1": ("2024-Q1", 100, ["2.1"], {}),
    "8.2": ("2024-Q3", 290, ["8.6"], {}),
    "8.3": ("2025-Q2", 180, ["8.2", FF("6.3")], {}),
    "8.4": ("2026-01", 90, ["8.3"], {}),
    "8.5": ("2026-Q1", 60, ["8.7"], {}),
    "8.6": ("2024-Q2", 90, ["8.1"], {"new": ("P8", "G-Cloud landing zone and hosting agreement with the operator", "ict_centre", ["idda"], ["state_budget"], ["I9"], "Accounts, network, security baseline and service levels agreed before migration")}),
    "8.7": ("2026-Q1", 45, ["8.4"], {"new": ("P8", "Disaster-recovery failover test of the migrated systems", "ict_centre", ["idda"], ["state_budget"], ["I9"], "A documented failover and fall-back of MyCulture and the registry")}),
    "8.8": ("2026-Q1", 150, ["8.2"], {"new": ("P8", "Migration of the school e-system and the LMS to G-Cloud", "ict_centre", ["schools"], ["state_budget"], ["I9"], "The education systems hosted in G-Cloud")}),
    # ---- P9 cybersecurity ----
    "9.1": ("2024-Q2", 150, ["2.1"], {}),
    "9.2": ("2024-Q3", 300, [SS("8.1", 0)], {}),
    "9.3": ("2025-Q1", 240, [FF("3.5"), SS("4.1", 0)], {}),
    "9.4": ("2025-Q2", 400, ["9.1"], {}),
    "9.5": ("2025-Q3", 90, ["9.1", "4.1"], {}),
    "9.6": ("2026-Q2", 60, ["8.5", FF("9.4", 90)], {}),
    "9.7": ("2026-Q1", 120, [SS("7.9", 30)], {"new": ("P9", "Personal-data impact assessment of the audience CRM and e-ticketing", "moc", ["cyber_service"], ["not_required"], ["I10"], "Risks to visitors' personal data assessed before the CRM goes live")}),
    "9.8": ("2025-Q4", 150, ["9.3"], {"new": ("P9", "Registration of the Ministry's personal-data information systems and databases", "moc", ["ict_centre"], ["not_required"], [], "Every personal-data system of the Ministry registered as the law requires")}),
    "9.9": ("2025-Q4", 150, ["7.11"], {"new": ("P9", "Two-factor authentication and privileged-access management for e-Culture administrators", "ict_centre", ["cyber_service"], ["state_budget"], ["I10"], "No administrator access without a second factor")}),
    # ---- P10 digital culture and personnel ----
    "10.1": ("2024-Q3", 120, ["7.1"], {}),
    "10.2": ("2025", 540, ["10.1", "3.3"], {}),
    "10.3": ("2025-Q3", 330, ["7.2"], {}),
    "10.4": ("2025", 600, ["9.1"], {}),
    "10.5": ("2025-Q3", 270, ["10.1", "5.2"], {}),
    "10.6": ("2026-Q1", 270, ["6.2", SS("10.3", 90)], {}),
    "10.7": ("2025-Q3", 360, ["10.1"], {"new": ("P10", "Digital culture and data-management courses at the State University of Culture and Arts", "admiu", ["moc"], ["state_budget"], ["I11"], "Graduates of culture specialities trained in digitisation and data management")}),
    "10.8": ("2026-Q1", 120, ["4.4"], {"new": ("P10", "Training of the 12 regional culture departments in the MyCulture back office", "moc", ["rcd"], ["state_budget"], ["I11"], "Regional staff process applications in MyCulture"), "source_extra": f"12 regional culture departments (Feb 2023): {DEPARTMENTS}"}),
    "10.9": ("2025-Q2", 240, ["10.1"], {"new": ("P10", "Internships for young ICT specialists in the Ministry's institutions", "moc", ["admiu", "ict_centre"], ["state_budget"], ["I11"], "Young specialists placed in the institutions' ICT teams")}),
}


# Three-point estimates (issue 20: each measure its own spread, explained). The spread follows
# the kind of work of the direction -- legal acts wait for inter-agency approval (a long right
# tail), migrations and pilots for vendors and data, reports and training barely slip -- and
# grows with the length of the work (a year-long job has more room to slip than a month's):
# pessimistic = most likely x (tail + 0.25 x years), optimistic = most likely x (1 - lead).
SPREAD = {  # direction: (lead, tail)
    "P1": (0.25, 1.45),  # innovation pilots: new technology, vendors
    "P2": (0.15, 1.35),  # infrastructure: procurement
    "P3": (0.10, 1.70),  # legal acts: inter-agency approval, Cabinet decisions
    "P4": (0.20, 1.30),  # e-services: integration with national systems
    "P5": (0.10, 1.15),  # reports and analytics: fixed dates
    "P6": (0.20, 1.35),  # information resources: data entry and cleaning
    "P7": (0.20, 1.30),  # modules: development
    "P8": (0.15, 1.50),  # migration to the Government Cloud: cut-overs
    "P9": (0.15, 1.40),  # cybersecurity and licensing: audits, certificates
    "P10": (0.10, 1.10),  # training: scheduled courses
}


def estimate(d: int, direction: str = "P7") -> dict:
    if d == 0:
        return {"optimistic": 0, "most_likely": 0, "pessimistic": 0}
    lead, tail = SPREAD.get(direction, (0.2, 1.3))
    return {"optimistic": round(d * (1 - lead)), "most_likely": d,
            "pessimistic": round(d * (tail + 0.25 * d / 365))}


def quarter_end(d: dt.date) -> dt.date:
    q_last_month = ((d.month - 1) // 3 + 1) * 3
    nxt = dt.date(d.year + (q_last_month == 12), q_last_month % 12 + 1, 1)
    return nxt - dt.timedelta(days=1)


def quarter_ref(d: dt.date) -> str:
    return f"{d.year}-Q{(d.month - 1) // 3 + 1}"


def run_story(doc: dict) -> dict:
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as f:
        json.dump(doc, f, ensure_ascii=False)
        tmp = f.name
    try:
        out = subprocess.run(
            ["cargo", "test", "-q", "-p", "eculture", "--test", "e_culture_story", "--",
             "--ignored", "--nocapture", "story_of_a_file"],
            cwd=ROOT, env={**os.environ, "ECULTURE_STORY_FILE": tmp},
            capture_output=True, text=True, check=True,
        ).stdout
    finally:
        os.unlink(tmp)
    figures = next(json.loads(line) for line in out.splitlines() if line.startswith("{"))
    figures["problems"] = [line[8:] for line in out.splitlines() if line.startswith("PROBLEM ")]
    return figures


def dep_id(d) -> str:
    return d if isinstance(d, str) else d["id"]


def build(doc: dict, deadlines: dict[str, str] | None, statuses: dict[str, str | None] | None) -> dict:
    old = {m["id"]: m for m in doc["measures"]}
    measures = []
    for mid, (start, dur, deps, extra) in M.items():
        if "new" in extra:
            direction, title, main, others, funding, indicators, result = extra["new"]
            m = {"id": mid, "direction": direction, "title": {"en": title}, "main_executor": main}
            if others:
                m["other_executors"] = others
            if "targets" in extra:
                m["targets"] = extra["targets"]
            m["funding"] = funding
            m["expected_result"] = {"en": result}
            if indicators:
                m["indicators"] = indicators
        else:
            m = {k: v for k, v in old[mid].items()
                 if k not in ("start", "deadline", "duration_days", "depends_on", "status",
                              "estimate", "source", "note", "illustrative")}
        m["start"] = start
        if deadlines is None:
            if "deadline" in extra:  # first pass: only the fixed deadlines
                m["deadline"] = extra["deadline"]
        else:
            m["deadline"] = deadlines[mid]
        m["duration_days"] = dur
        if deps:
            m["depends_on"] = deps
        else:
            m.pop("depends_on", None)
        st = statuses.get(mid) if statuses else None
        if st:
            m["status"] = st
        m["estimate"] = estimate(dur, m["direction"])
        parts = [extra["public"]] if "public" in extra else [ILL]
        if "source_extra" in extra:
            parts.append(extra["source_extra"])
        if "note" in extra:
            m["note"] = extra["note"]
        if "public" not in extra and "source_extra" not in extra:
            parts.append(f"direction as published: {CP}")
        m["source"] = ". ".join(parts)
        # a list names the invented fields when the others are public (issue 20)
        m["illustrative"] = extra.get("illustrative", True)
        # keep a stable key order: the order of the Measure struct
        order = ["id", "direction", "title", "main_executor", "other_executors", "start", "deadline",
                 "duration_days", "depends_on", "targets", "funding", "expected_result", "indicators",
                 "status", "estimate", "source", "note", "illustrative"]
        measures.append({k: m[k] for k in order if k in m})
    out = dict(doc)
    out["measures"] = measures
    out["strategy"] = dict(doc["strategy"], source=STRATEGY_SOURCE, note=STRATEGY_NOTE,
                           statuses_as_of=AS_OF.isoformat())
    modules = []
    for mod in doc["modules"]:
        requires, source = MODULES[mod["id"]]
        mod = {k: v for k, v in mod.items() if k not in ("requires", "source", "illustrative")}
        if requires:
            mod["requires"] = requires
        mod["source"] = source
        mod["illustrative"] = True
        modules.append(mod)
    out["modules"] = modules
    indicators = []
    for ind in doc["indicators"]:
        src = ind.get("source", "")
        if src.startswith("ENUMERATE-style metric") and "http" not in src:
            ind = dict(ind, source=f"{src}: {ENUMERATE}")
        indicators.append(ind)
    out["indicators"] = indicators
    return out


def main() -> None:
    with open(PATH, encoding="utf-8") as f:
        doc = json.load(f)
    first = run_story(build(doc, None, None))
    rec = {r[0]: r for r in first["records"]}
    # deadlines: the quarter after early finish + slack, FS/FF prerequisites first
    deadlines: dict[str, str] = {}
    last_day: dict[str, dt.date] = {}
    done: set[str] = set()
    while len(done) < len(M):
        for mid, (start, dur, deps, extra) in M.items():
            if mid in done:
                continue
            hard = [dep_id(d) for d in deps]  # a deadline never before a prerequisite's
            if any(h not in done for h in hard):
                continue
            if "deadline" in extra:
                deadlines[mid] = extra["deadline"]
                ref = extra["deadline"]
                if len(ref) == 7 and ref[4] == "-" and ref[5] == "Q":
                    last_day[mid] = quarter_end(dt.date(int(ref[:4]), int(ref[6]) * 3, 1))
                elif len(ref) == 7:
                    y, mo = int(ref[:4]), int(ref[5:])
                    last_day[mid] = dt.date(y + (mo == 12), mo % 12 + 1, 1) - dt.timedelta(days=1)
                elif len(ref) == 10:
                    last_day[mid] = dt.date.fromisoformat(ref)
                else:
                    last_day[mid] = dt.date(int(ref), 12, 31)
            else:
                ef = dt.date.fromisoformat(rec[mid][2])
                slack = max(20, dur // 10)
                d = quarter_end(ef + dt.timedelta(days=slack))
                if ef <= AS_OF:
                    d = min(d, AS_OF)
                d = min(max([d] + [last_day[h] for h in hard]), END)
                last_day[mid] = d
                deadlines[mid] = quarter_ref(d) if d != END else "2026"
            done.add(mid)
    statuses: dict[str, str | None] = {}
    for mid, (_, _, _, extra) in M.items():
        es, ef = (dt.date.fromisoformat(x) for x in rec[mid][1:3])
        if "status" in extra:
            statuses[mid] = extra["status"]
        elif ef <= AS_OF and last_day[mid] <= AS_OF:
            statuses[mid] = "executed"
        elif es <= AS_OF:
            statuses[mid] = "partially_executed"
        else:
            statuses[mid] = None
    final = build(doc, deadlines, statuses)
    with open(PATH, "w", encoding="utf-8") as f:
        json.dump(final, f, ensure_ascii=False, indent=2)
        f.write("\n")
    fig = run_story(final)
    fig.pop("records")
    json.dump(fig, sys.stdout, indent=1)
    print()


if __name__ == "__main__":
    main()
