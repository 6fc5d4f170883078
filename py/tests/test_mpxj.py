"""The MSPDI and XER files eculture writes, proven against MPXJ (docs/planners.md).

MPXJ (PyPI ``mpxj``, with JPype1 and a Java runtime; ``scripts/test-python.sh`` installs them)
reads the files, and its own schedulers — ``org.mpxj.cpm.MicrosoftScheduler`` on the MSPDI,
``org.mpxj.cpm.PrimaveraScheduler`` on the XER — must give every measure the early start and
early finish ``s.schedule()`` gives with the same options, on the e-Culture default and on
seeded random plans (all four relation types, leads and lags, start constraints, module
requirements). MPXJ returns datetimes: they are compared as working-day boundaries (a finish
at 08:00 is the end of the previous working day, a start at 17:00 the beginning of the next).

Where MPXJ breaks its own rules, the case is named and asserted, not skipped:

* ``P6_FINISH_WITHOUT_DURATION``: PrimaveraScheduler sets an early finish from a
  finish-to-finish or start-to-finish relation without keeping the activity's own duration
  (early finish earlier than early start + duration); its successors inherit the date.
* ``MS_START_ON_NON_WORKING_DAY``: MicrosoftScheduler reports the start of a task held by a
  start constraint on a non-working day (a Saturday) on that day, where the work starts on the
  next working day; as a working-day boundary it is the same, so it is counted, not a mismatch.
* ``MS_START_BEFORE_PROJECT_START``: MicrosoftScheduler starts a task pulled by a
  finish-to-finish or start-to-finish relation or a lead before the project start; eculture
  never starts work before the project start (docs/scheduling.md), nor does PrimaveraScheduler
  on the same plans. Such tasks and their successors are the only other MSPDI differences.

Every other measure must match. The files MPXJ itself writes (from a plan built in MPXJ) are
read by eculture with the same leaf tasks and relations MPXJ reads from them.
"""

import bisect
import random
import shutil

import pytest

import eculture

try:
    import jpype
    import mpxj  # noqa: F401  (adds MPXJ's jars to the class path)
except ImportError as e:  # the test command installs them: a missing one is a failure
    pytest.fail(
        f"MPXJ is not installed ({e}): scripts/test-python.sh installs mpxj==16.10.0 and JPype1",
        pytrace=False,
    )

try:
    jpype.getDefaultJVMPath()
except Exception as e:  # JVMNotFoundException: no JRE where JPype looks (JAVA_HOME, the PATH)
    pytest.fail(f"no Java runtime ({e}): MPXJ needs one "
                f"(Debian: apt-get install openjdk-17-jre-headless; java on PATH: {shutil.which('java')})",
                pytrace=False)


@pytest.fixture(scope="module")
def mp():
    if not jpype.isJVMStarted():
        jpype.startJVM()
    import org.mpxj as m
    from org.mpxj.cpm import MicrosoftScheduler, PrimaveraScheduler
    from org.mpxj.reader import UniversalProjectReader

    return {
        "mpxj": m,
        "reader": UniversalProjectReader,
        "ms": MicrosoftScheduler,
        "p6": PrimaveraScheduler,
    }


KIND = {"FINISH_START": "FS", "START_START": "SS", "FINISH_FINISH": "FF", "START_FINISH": "SF",
        "FS": "FS", "SS": "SS", "FF": "FF", "SF": "SF"}


def random_plan(n, seed):
    """n measures over 4 directions: FS/SS/FF/SF with leads and lags, start constraints,
    deadlines, and a module requirement (SS + 2) between producers and consumers."""
    r = random.Random(seed)
    kinds = ["FS", "SS", "FF", "SF"]
    measures = []
    for i in range(n):
        deps, seen = [], set()
        for _ in range(r.randrange(3) if i else 0):
            p = r.randrange(i)
            pid = f"{p % 4 + 1}.{p + 1}"
            if pid in seen:
                continue
            seen.add(pid)
            k, lag = r.choice(kinds), r.randrange(11) - 3
            deps.append(pid if (k, lag) == ("FS", 0) else {"id": pid, "type": k, "lag_days": lag})
        m = {
            "id": f"{i % 4 + 1}.{i + 1}",
            "direction": str(i % 4 + 1),
            "title": {"en": f"Measure {i}"},
            "main_executor": "O",
            "duration_days": r.randrange(30) + (0 if r.randrange(10) == 0 else 1),
            "depends_on": deps,
        }
        if r.randrange(5) == 0:
            m["start"] = f"2025-{r.randrange(12) + 1:02d}-{r.randrange(28) + 1:02d}"
        if r.randrange(7) == 0:
            m["deadline"] = f"2026-{r.randrange(12) + 1:02d}-{r.randrange(28) + 1:02d}"
        if i % 9 == 0 and i < n // 2:
            m["targets"] = [{"module": "A", "clusters": ["C"]}]
        if i % 9 == 4 and i >= n // 2:
            m["targets"] = [{"module": "B", "clusters": ["C"]}]
        measures.append(m)
    return eculture.Strategy.from_dict({
        "strategy": {"id": f"random-{seed}", "title": {"en": "Random plan"},
                     "period": {"start": "2025-01-01", "end": "2027-12-31"}},
        "organizations": [{"id": "O", "name": {"en": "O"}, "kind": "ministry"}],
        "directions": [{"id": str(d), "title": {"en": f"Direction {d}"}} for d in range(1, 5)],
        "clusters": [{"id": "C", "title": {"en": "C"}}],
        "modules": [
            {"id": "A", "title": {"en": "A"}, "applies_to": {"all": True}},
            {"id": "B", "title": {"en": "B"}, "applies_to": {"all": True},
             "requires": [{"module": "A", "relation": "SS", "lag_days": 2}]},
        ],
        "measures": measures,
    })


class Boundaries:
    """Working-day boundaries of MPXJ datetimes under the file's own calendar (as MPXJ read
    it): boundary k is the end of the k-th working day from the project start."""

    def __init__(self, calendar, start):
        from java.time import LocalDate

        self.start = start
        d = LocalDate.parse(start)
        self.days = []
        for _ in range(366 * 8):
            if calendar.isWorkingDate(d):
                self.days.append(str(d))
            d = d.plusDays(1)

    def of(self, dt):
        day, time = str(dt.toLocalDate()), dt.toLocalTime()
        k = bisect.bisect_left(self.days, day)  # working days before `day`
        working = k < len(self.days) and self.days[k] == day
        if working and time.getHour() >= 17:
            return k + 1
        if working and time.getHour() > 8 and not (time.getHour() == 8 and time.getMinute() == 0):
            return k + 0.5  # within a day: no eculture date is there
        return k

    def working(self, dt):
        day = str(dt.toLocalDate())
        k = bisect.bisect_left(self.days, day)
        return k < len(self.days) and self.days[k] == day


def compare(s, mp, fmt, **options):
    """MPXJ's early dates of every measure against eculture's: (matches, mismatches,
    anomalies by name)."""
    import tempfile, os

    sch = s.schedule(**options)
    ours = {r["id"]: r for r in sch.to_records()}
    with tempfile.TemporaryDirectory() as d:
        path = os.path.join(d, "plan." + ("xml" if fmt == "mspdi" else "xer"))
        (s.to_mspdi if fmt == "mspdi" else s.to_xer)(path, **options)
        p = mp["reader"]().read(path)
    assert p is not None, f"MPXJ reads the {fmt} file"
    start = p.getProjectProperties().getStartDate()
    (mp["ms"] if fmt == "mspdi" else mp["p6"])().schedule(p, start)
    cal = p.getDefaultCalendar()
    b = Boundaries(cal, sch.project_start)
    theirs = {}
    for t in p.getTasks():
        key = str(t.getWBS() if fmt == "mspdi" else t.getActivityID())
        if key in ours and not t.hasChildTasks():
            theirs[key] = t
    assert set(theirs) == set(ours), f"{fmt}: MPXJ reads every measure as a leaf task"
    # relations as MPXJ reads them, against eculture's (derived ones included)
    rel = set()
    for t in theirs.values():
        for r in t.getPredecessors():
            pred = r.getPredecessorTask()
            pkey = str(pred.getWBS() if fmt == "mspdi" else pred.getActivityID())
            lag = r.getLag()
            rel.add((pkey, str(t.getWBS() if fmt == "mspdi" else t.getActivityID()),
                     KIND[str(r.getType())],
                     round(float(lag.convertUnits(mp["mpxj"].TimeUnit.DAYS, p.getProjectProperties()).getDuration()))))
    want = {(e["from"], e["to"], e["relation"], e["lag_days"]) for e in s.dependencies()}
    assert rel == want, f"{fmt}: MPXJ reads every relation with its type and lag"
    broken, on_non_working, mismatched = set(), set(), {}
    for key, t in theirs.items():
        es, ef = b.of(t.getEarlyStart()), b.of(t.getEarlyFinish())
        dur = ours[key]["duration"]
        if fmt == "xer" and ef - es < dur:
            broken.add(key)
        if fmt == "mspdi" and not b.working(t.getEarlyStart()) and dur > 0:
            on_non_working.add(key)
        if str(t.getEarlyStart().toLocalDate()) < sch.project_start:
            broken.add(key)  # MS_START_BEFORE_PROJECT_START
        if (es, ef) != (ours[key]["early_start"], ours[key]["early_finish"]):
            mismatched[key] = ((es, ef), (ours[key]["early_start"], ours[key]["early_finish"]),
                               str(t.getEarlyStart()), str(t.getEarlyFinish()))
    return ours, mismatched, broken, on_non_working, want


def downstream(roots, relations):
    succ = {}
    for f, t, _, _ in relations:
        succ.setdefault(f, set()).add(t)
    seen, todo = set(roots), list(roots)
    while todo:
        for n in succ.get(todo.pop(), ()):
            if n not in seen:
                seen.add(n)
                todo.append(n)
    return seen


def check(s, mp, fmt, what, **options):
    ours, mismatched, broken, on_non_working, rel = compare(s, mp, fmt, **options)
    explained = downstream(broken, rel)
    unexplained = {k: v for k, v in mismatched.items() if k not in explained}
    assert not unexplained, f"{what} {fmt}: MPXJ differs beyond its named anomalies: {unexplained}"
    matched = len(ours) - len(mismatched)
    name = "P6_FINISH_WITHOUT_DURATION" if fmt == "xer" else "MS_START_BEFORE_PROJECT_START"
    print(f"{what} {fmt}: {matched}/{len(ours)} match; {name} "
          f"{sorted(broken)}; downstream {sorted(set(mismatched) - broken)}; "
          f"MS_START_ON_NON_WORKING_DAY {sorted(on_non_working)}")
    return matched, len(ours), broken, on_non_working, mismatched


@pytest.mark.parametrize("fmt", ["mspdi", "xer"])
@pytest.mark.parametrize("calendar", ["weekdays", "azerbaijan_example", None])
def test_default_plan_matches_mpxj(mp, fmt, calendar):
    s = eculture.Strategy.e_culture()
    options = {"calendar": calendar} if calendar else {}  # None: calendar days, every day worked
    matched, total, broken, on_non_working, mismatched = check(
        s, mp, fmt, f"e-Culture ({calendar or 'no calendar'})", **options)
    if fmt == "mspdi":
        assert matched == total, "MicrosoftScheduler gives every measure eculture's dates"
        if calendar == "weekdays":
            assert on_non_working == {"4.4", "5.1"}, "MS_START_ON_NON_WORKING_DAY: the Saturday starts"
    else:
        assert broken == ({"4.5", "4.6"} if calendar == "weekdays" else {"4.5"}), \
            "P6_FINISH_WITHOUT_DURATION: the FF-driven finishes of 4.5 and 4.6"
        assert matched == total - len(broken)


@pytest.mark.parametrize("seed", [1, 2, 3])
@pytest.mark.parametrize("fmt", ["mspdi", "xer"])
def test_random_plans_match_mpxj(mp, fmt, seed):
    s = random_plan(150, seed)
    check(s, mp, fmt, f"random plan {seed}", calendar="weekdays")


def test_files_mpxj_writes_import_with_its_tasks_and_relations(mp, tmp_path):
    """A plan built in MPXJ and written by MPXJ (MSPDI and XER) reads into eculture with the
    leaf tasks and relations MPXJ reads from the same file."""
    from java.time import LocalDateTime
    m = mp["mpxj"]
    from org.mpxj.writer import UniversalProjectWriter, FileFormat

    p = m.ProjectFile()
    p.addDefaultBaseCalendar()
    p.getProjectProperties().setStartDate(LocalDateTime.of(2025, 1, 6, 8, 0))
    tasks = {}
    for w in ("1", "2"):
        summary = p.addTask()
        summary.setName(f"Phase {w}")
        summary.setWBS(w)
        for k in range(1, 4):
            t = summary.addTask()
            code = f"{w}.{k}"
            t.setName(f"Task {code}")
            t.setWBS(code)
            t.setActivityID(code)
            d = m.Duration.getInstance(k * 2, m.TimeUnit.DAYS)
            t.setDuration(d)
            t.setRemainingDuration(d)
            t.setActivityType(m.ActivityType.TASK_DEPENDENT)
            tasks[code] = t
    kinds = [m.RelationType.FINISH_START, m.RelationType.START_START,
             m.RelationType.FINISH_FINISH, m.RelationType.START_FINISH]
    pairs = [("1.1", "1.2"), ("1.2", "1.3"), ("1.1", "2.1"), ("2.1", "2.2"), ("1.3", "2.3")]
    for i, (a, b) in enumerate(pairs):
        tasks[b].addPredecessor(m.Relation.Builder().predecessorTask(tasks[a]).type(kinds[i % 4])
                                .lag(m.Duration.getInstance(i, m.TimeUnit.DAYS)))
    for fmt, ext in ((FileFormat.MSPDI, "xml"), (FileFormat.XER, "xer")):
        path = str(tmp_path / f"mpxj.{ext}")
        UniversalProjectWriter(fmt).write(p, path)
        back = mp["reader"]().read(path)
        leaves = {}
        for t in back.getTasks():
            if not t.hasChildTasks() and (t.getWBS() or t.getActivityID()):
                leaves[str(t.getActivityID() if ext == "xer" else t.getWBS())] = t
        s = eculture.Strategy.load(path)
        ids = {m_["id"] for m_ in s.document()["measures"]}
        assert ids == set(leaves), f"{ext}: the leaf tasks MPXJ reads"
        theirs = set()
        for key, t in leaves.items():
            for r in t.getPredecessors():
                pt = r.getPredecessorTask()
                pk = str(pt.getActivityID() if ext == "xer" else pt.getWBS())
                theirs.add((pk, key, KIND[str(r.getType())]))
        ours = {(e["from"], e["to"], e["relation"]) for e in s.dependencies()}
        assert ours == theirs, f"{ext}: the relations MPXJ reads"


@pytest.mark.parametrize("fmt", ["mspdi", "xer"])
def test_baselines_read_by_mpxj(mp, fmt, tmp_path):
    s = eculture.Strategy.e_culture()
    s = s.with_baseline("approved", taken="2024-01-15")
    sch = s.schedule(baseline="approved")
    path = str(tmp_path / ("plan.xml" if fmt == "mspdi" else "plan.xer"))
    (s.to_mspdi if fmt == "mspdi" else s.to_xer)(path, baseline="approved")
    p = mp["reader"]().read(path)
    seen = 0
    for t in p.getTasks():
        key = str(t.getWBS() if fmt == "mspdi" else t.getActivityID())
        rec = next((r for r in sch.to_records() if r["id"] == key), None)
        if rec is None or t.hasChildTasks():
            continue
        start = t.getBaselineStart()
        assert start is not None, f"{fmt}: {key} has a baseline start"
        assert str(start.toLocalDate()) == rec["baseline_start"], key
        seen += 1
    assert seen > 100


def lag_days(d):
    """An MPXJ lag as working days (8-hour days, as both files state)."""
    if d is None:
        return 0
    units = str(d.getUnits().name())
    per_day = {"DAYS": 1, "HOURS": 8, "MINUTES": 480}.get(units)
    assert per_day, f"a lag in {units}"
    return round(float(d.getDuration()) / per_day)


@pytest.mark.parametrize("name", ["ms-project-2019-shape.xml", "p6-8.2-shape.xer"])
def test_files_shaped_as_ms_project_and_p6_write_them(mp, name):
    """Files with what MS Project 2019 and P6 8.2 files carry (tests/planners/make_files.py:
    the project summary task, a blank row, an inactive and a manually scheduled task,
    progress, Windows-1252 with CRLF, the WBS root, nested WBS, a relation from another
    project): eculture reads the leaf tasks MPXJ reads that take part in the schedule (active,
    not blank) and the relations between them, with their types and lags."""
    from pathlib import Path
    path = str(Path(__file__).resolve().parents[2] / "tests" / "planners" / name)
    xer = name.endswith(".xer")
    p = mp["reader"]().read(path)
    leaves = {}
    for t in p.getTasks():
        if t.hasChildTasks() or t.getNull() or not t.getActive():
            continue
        key = t.getActivityID() if xer else t.getWBS()
        if key is not None:
            leaves[str(key)] = t
    s = eculture.Strategy.load(path)
    assert {m["id"] for m in s.document()["measures"]} == set(leaves), "the leaf tasks MPXJ reads"
    theirs = set()
    for key, t in leaves.items():
        for r in t.getPredecessors():
            pt = r.getPredecessorTask()
            pk = None if pt is None else str(pt.getActivityID() if xer else pt.getWBS())
            if pk in leaves:
                theirs.add((pk, key, KIND[str(r.getType())], lag_days(r.getLag())))
    ours = {(e["from"], e["to"], e["relation"], e["lag_days"]) for e in s.dependencies()}
    assert ours == theirs, "the relations MPXJ reads"
    assert len(theirs) >= 5
    # what MPXJ reads there and eculture cannot hold is a finding, not lost
    notes = [d for d in s.validate() if d.code == "unsupported_project_data"]
    assert any("progress recorded in the file" in d.message for d in notes)
