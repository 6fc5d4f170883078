//! Planners' tools (`docs/planners.md`): the plan as MS Project XML (MSPDI) and Primavera P6
//! XER, read back — on the e-Culture default and on seeded random plans with all four
//! relation types, leads, lags, start constraints, deadlines and module requirements — gives
//! the same directions, measures, relations (derived ones included), durations, start
//! constraints and the same schedule; baselines travel; hostile files are typed errors.
#![cfg(feature = "planners")]

use std::collections::BTreeSet;

use eculture::planners::ProjectImport;
use eculture::{Calendar, Code, Error, Format, ScheduleOptions, Strategy};
use serde_json::{Value, json};

/// A seeded random plan: `n` measures over 4 directions, FS/SS/FF/SF relations with leads
/// and lags, start constraints, deadlines, and module requirements (derived dependencies).
pub fn random_plan(n: usize, seed: u64) -> Strategy {
    let mut x = seed
        .wrapping_mul(6364136223846793005)
        .wrapping_add(1442695040888963407);
    let mut next = move |m: u64| {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        x % m.max(1)
    };
    let kinds = ["FS", "SS", "FF", "SF"];
    let mut measures = Vec::new();
    for i in 0..n {
        let mut deps = Vec::new();
        for _ in 0..next(3) {
            if i == 0 {
                break;
            }
            let p = next(i as u64) as usize;
            let id = format!("{}.{}", p % 4 + 1, p + 1);
            if deps
                .iter()
                .any(|d: &Value| d["id"] == id || d == &json!(id))
            {
                continue;
            }
            let k = kinds[next(4) as usize];
            let lag = next(11) as i64 - 3;
            if k == "FS" && lag == 0 {
                deps.push(json!(id));
            } else {
                deps.push(json!({"id": id, "type": k, "lag_days": lag}));
            }
        }
        let mut m = json!({
            "id": format!("{}.{}", i % 4 + 1, i + 1),
            "direction": (i % 4 + 1).to_string(),
            "title": {"en": format!("Measure {i} & <co>")},
            "main_executor": "O",
            "duration_days": next(30) as i64 + if next(10) == 0 { 0 } else { 1 },
            "depends_on": deps,
        });
        if next(5) == 0 {
            m["start"] = json!(format!("2025-{:02}-{:02}", next(12) + 1, next(28) + 1));
        }
        if next(7) == 0 {
            m["deadline"] = json!(format!("2026-{:02}-{:02}", next(12) + 1, next(28) + 1));
        }
        if i % 9 == 0 && i < n / 2 {
            m["targets"] = json!([{"module": "A", "clusters": ["C"]}]);
        }
        if i % 9 == 4 && i >= n / 2 {
            m["targets"] = json!([{"module": "B", "clusters": ["C"]}]);
        }
        measures.push(m);
    }
    let doc = json!({
        "strategy": {"id": format!("random-{seed}"), "title": {"en": "Random plan"},
                     "period": {"start": "2025-01-01", "end": "2027-12-31"}},
        "organizations": [{"id": "O", "name": {"en": "O"}, "kind": "ministry"}],
        "directions": (1..=4).map(|d| json!({"id": d.to_string(), "title": {"en": format!("Direction {d}")}})).collect::<Vec<_>>(),
        "clusters": [{"id": "C", "title": {"en": "C"}}],
        "modules": [{"id": "A", "title": {"en": "A"}, "applies_to": {"all": true}},
                    {"id": "B", "title": {"en": "B"}, "applies_to": {"all": true},
                     "requires": [{"module": "A", "relation": "SS", "lag_days": 2}]}],
        "measures": measures,
    });
    let s = Strategy::from_value(doc).expect("a random plan parses");
    assert!(
        s.schedule(&ScheduleOptions::default()).is_ok(),
        "random plan {seed} schedules"
    );
    s
}

fn relations(s: &Strategy) -> BTreeSet<(String, String, String, i32)> {
    s.dependencies()
        .unwrap()
        .into_iter()
        .map(|e| (e.from, e.to, e.relation, e.lag_days))
        .collect()
}

fn dates(s: &Strategy, opts: &ScheduleOptions) -> BTreeSet<(String, String, String, i64)> {
    s.schedule(opts)
        .unwrap()
        .records()
        .unwrap()
        .into_iter()
        .map(|r| {
            (
                r.id,
                r.early_start_date.to_string(),
                r.early_finish_date.to_string(),
                r.duration,
            )
        })
        .collect()
}

fn assert_round_trip(s: &Strategy, opts: &ScheduleOptions, what: &str) {
    for (format, text) in [
        ("mspdi", s.to_mspdi(opts).unwrap()),
        ("xer", s.to_xer(opts).unwrap()),
    ] {
        let what = format!("{what} through {format}");
        let back = if format == "mspdi" {
            ProjectImport::mspdi(text.as_bytes(), "t").unwrap()
        } else {
            ProjectImport::xer(text.as_bytes(), "t").unwrap()
        };
        let (a, b) = (s.document(), back.strategy.document());
        let ids = |d: &eculture::Document| {
            d.measures
                .iter()
                .map(|m| {
                    (
                        m.id.to_string(),
                        m.direction.to_string(),
                        m.title.best().to_owned(),
                    )
                })
                .collect::<BTreeSet<_>>()
        };
        assert_eq!(ids(a), ids(b), "{what}: measures, directions and titles");
        let dirs = |d: &eculture::Document| {
            d.directions
                .iter()
                .filter(|x| d.measures.iter().any(|m| m.direction == x.id))
                .map(|x| (x.id.to_string(), x.title.best().to_owned()))
                .collect::<BTreeSet<_>>()
        };
        assert_eq!(dirs(a), dirs(b), "{what}: directions");
        assert_eq!(relations(s), relations(&back.strategy), "{what}: relations");
        for m in &a.measures {
            let n = b.measures.iter().find(|x| x.id == m.id).unwrap();
            assert_eq!(
                m.start.as_ref().map(|p| p.first_day()),
                n.start.as_ref().map(|p| p.first_day()),
                "{what}: start constraint of {}",
                m.id
            );
            assert_eq!(
                m.deadline.as_ref().map(|p| p.last_day()),
                n.deadline.as_ref().map(|p| p.last_day()),
                "{what}: deadline of {}",
                m.id
            );
        }
        let mut again = back.options.clone();
        again.start = again.start.or(opts.start);
        let worked = |c: &Calendar| {
            let mut h: Vec<_> = c
                .holidays
                .iter()
                .filter(|d| !c.weekend.contains(&eculture::schedule::Weekday::of(**d)))
                .copied()
                .collect();
            h.sort();
            h.dedup();
            (c.weekend.clone(), h)
        };
        assert_eq!(
            again.calendar.as_ref().map(worked),
            opts.calendar
                .as_ref()
                .filter(|c| !(c.weekend.is_empty() && c.holidays.is_empty()))
                .map(worked),
            "{what}: the calendar (holidays on working days)"
        );
        let start = s.schedule(opts).unwrap().project_start;
        assert_eq!(back.options.start, Some(start), "{what}: the project start");
        assert_eq!(
            dates(s, opts),
            dates(&back.strategy, &again),
            "{what}: the schedule"
        );
        assert!(
            back.strategy
                .validate()
                .iter()
                .all(|d| d.code != Code::UnsupportedProjectData
                    || d.message.contains("project calendar")),
            "{what}: nothing unsupported in eculture's own file: {:?}",
            back.strategy
                .validate()
                .iter()
                .filter(|d| d.code == Code::UnsupportedProjectData)
                .collect::<Vec<_>>()
        );
    }
}

#[test]
fn the_default_round_trips_under_every_calendar() {
    let s = Strategy::e_culture();
    for cal in [
        None,
        Some(Calendar::weekdays()),
        Some(Calendar::azerbaijan_example()),
    ] {
        let opts = ScheduleOptions {
            calendar: cal.clone(),
            ..ScheduleOptions::default()
        };
        assert_round_trip(
            &s,
            &opts,
            &format!("e-Culture, calendar {:?}", cal.map(|c| c.name)),
        );
    }
}

#[test]
fn random_plans_round_trip() {
    for seed in 1..=6 {
        let s = random_plan(60, seed);
        let opts = ScheduleOptions::with_calendar(Calendar::azerbaijan_example());
        assert_round_trip(&s, &opts, &format!("random plan {seed}"));
        assert_round_trip(
            &s,
            &ScheduleOptions::default(),
            &format!("random plan {seed}, no calendar"),
        );
    }
}

#[test]
fn measure_ids_are_the_wbs_code_and_the_activity_id() {
    let s = Strategy::e_culture();
    let opts = ScheduleOptions::with_calendar(Calendar::weekdays());
    let x = s.to_mspdi(&opts).unwrap();
    assert!(x.contains("<WBS>4.5</WBS>"), "MSPDI: the measure id as WBS");
    assert!(
        x.contains("<Summary>1</Summary>"),
        "MSPDI: directions as summary tasks"
    );
    assert!(x.contains("<LinkLag>"), "MSPDI: lags");
    let e = s.to_xer(&opts).unwrap();
    assert!(
        e.lines()
            .any(|l| l.starts_with("%R\t") && l.contains("\t4.5\t")),
        "XER: activity ID"
    );
    assert!(e.contains("PR_FF"), "XER: relation types");
    assert_eq!(x, s.to_mspdi(&opts).unwrap(), "deterministic");
    assert_eq!(e, s.to_xer(&opts).unwrap(), "deterministic");
}

#[test]
fn user_strings_are_escaped() {
    let s = random_plan(10, 3);
    let x = s.to_mspdi(&ScheduleOptions::default()).unwrap();
    assert!(x.contains("Measure 0 &amp; &lt;co&gt;"));
    let mut doc = s.document().clone();
    doc.measures[0].title = eculture::model::Text::english("tab\there\nnew line");
    let e = Strategy::new(doc)
        .to_xer(&ScheduleOptions::default())
        .unwrap();
    assert!(
        e.contains("tab here new line"),
        "XER fields hold no tab or new line"
    );
}

#[test]
fn baselines_travel() {
    let mut s = Strategy::e_culture();
    let sch = s.schedule(&ScheduleOptions::default()).unwrap();
    let recs = sch.records().unwrap();
    let mut doc = s.document().clone();
    let b = json!([{"id": "approved", "taken": "2024-01-15", "measures": recs.iter().take(5).map(|r| json!({
        "measure": r.id, "start": r.early_start_date.to_string(), "finish": r.early_finish_date.to_string()})).collect::<Vec<_>>()}]);
    doc.baselines = serde_json::from_value(b).unwrap();
    s = Strategy::new(doc);
    let opts = ScheduleOptions {
        baseline: Some("approved".into()),
        ..ScheduleOptions::default()
    };
    for (format, text) in [
        ("mspdi", s.to_mspdi(&opts).unwrap()),
        ("xer", s.to_xer(&opts).unwrap()),
    ] {
        let back = if format == "mspdi" {
            ProjectImport::mspdi(text.as_bytes(), "t").unwrap()
        } else {
            ProjectImport::xer(text.as_bytes(), "t").unwrap()
        };
        let bl = &back.strategy.document().baselines;
        assert_eq!(bl.len(), 1, "{format}: one baseline");
        let first = &bl[0].measures[0];
        assert_eq!(first.measure, recs[0].id.as_str(), "{format}");
        assert_eq!(
            first.start.first_day(),
            recs[0].early_start_date,
            "{format}"
        );
        assert_eq!(
            first.finish.last_day(),
            recs[0].early_finish_date,
            "{format}"
        );
    }
    let x = s.to_mspdi(&opts).unwrap();
    assert_eq!(
        x.matches("<Baseline>").count(),
        5,
        "MSPDI: a baseline per measure the baseline has"
    );
}

fn parse_error(r: eculture::Result<ProjectImport>) -> (Format, String) {
    match r {
        Err(Error::Parse(p)) => (p.format(), p.message().to_owned()),
        Err(e) => panic!("a parse error, not {e:?}"),
        Ok(_) => panic!("refused"),
    }
}

#[test]
fn entity_expansion_is_refused() {
    let bomb = r#"<?xml version="1.0"?>
<!DOCTYPE Project [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>
<Project xmlns="http://schemas.microsoft.com/project"><Name>&b;</Name></Project>"#;
    let (f, m) = parse_error(ProjectImport::mspdi(bomb.as_bytes(), "bomb.xml"));
    assert_eq!(f, Format::Mspdi);
    assert!(m.contains("DOCTYPE"), "{m}");
    let undeclared = r#"<Project><Name>&b;</Name></Project>"#;
    let (_, m) = parse_error(ProjectImport::mspdi(undeclared.as_bytes(), "x.xml"));
    assert!(m.contains("not expanded"), "{m}");
}

#[test]
fn hostile_files_are_typed_errors() {
    for (bytes, want) in [
        (&b"<html></html>"[..], "root element"),
        (b"<Project><Tasks><Task>", "malformed"),
        (b"\xff\xfe<Project/>", "UTF-8"),
        (b"", "no `Project`"),
    ] {
        let (_, m) = parse_error(ProjectImport::mspdi(bytes, "x.xml"));
        assert!(m.contains(want), "{m}");
    }
    let deep = format!(
        "<Project>{}{}</Project>",
        "<a>".repeat(100),
        "</a>".repeat(100)
    );
    let (_, m) = parse_error(ProjectImport::mspdi(deep.as_bytes(), "x.xml"));
    assert!(m.contains("deeper"), "{m}");
    for (bytes, want) in [
        (&b"hello"[..], "ERMHDR"),
        (
            b"ERMHDR\t19.12\n%T\tPROJECT\n%F\tproj_id\n%R\t1\t2\t3\n",
            "3 values under 1 fields",
        ),
        (b"ERMHDR\t19.12\n%R\t1\n", "outside a table"),
        (b"ERMHDR\t19.12\n%T\tTASK\n%F\ttask_id\n", "no PROJECT row"),
    ] {
        match ProjectImport::xer(bytes, "x.xer") {
            Err(Error::Parse(p)) => assert!(p.message().contains(want), "{}", p.message()),
            other => panic!("XER {want}: {other:?}"),
        }
    }
}

#[test]
fn windows_1252_and_crlf_xer_files_read() {
    let s = random_plan(8, 2);
    let text = s.to_xer(&ScheduleOptions::default()).unwrap();
    let text = text
        .replace(
            "Measure 1 & <co>",
            "Mesure 1 caf\u{e9} \u{2013} \u{201c}x\u{201d}",
        )
        .replace('\n', "\r\n");
    let mut bytes = Vec::new();
    for c in text.chars() {
        bytes.push(match c {
            '\u{2013}' => 0x96,
            '\u{201c}' => 0x93,
            '\u{201d}' => 0x94,
            c => u8::try_from(u32::from(c)).unwrap(),
        });
    }
    let back = ProjectImport::xer(&bytes, "cp1252.xer").unwrap();
    let m = back
        .strategy
        .document()
        .measures
        .iter()
        .find(|m| m.id == "2.2")
        .unwrap();
    assert_eq!(
        m.title.best(),
        "Mesure 1 caf\u{e9} \u{2013} \u{201c}x\u{201d}"
    );
    assert_eq!(relations(&s), relations(&back.strategy));
}

#[test]
fn what_a_strategy_cannot_hold_is_a_finding() {
    let x = r#"<?xml version="1.0"?>
<Project xmlns="http://schemas.microsoft.com/project"><Name>P</Name><StartDate>2025-01-06T08:00:00</StartDate>
<Tasks>
<Task><UID>1</UID><Name>Phase</Name><WBS>1</WBS><OutlineLevel>1</OutlineLevel><Summary>1</Summary>
  <PredecessorLink><PredecessorUID>4</PredecessorUID><Type>1</Type></PredecessorLink></Task>
<Task><UID>2</UID><Name>A</Name><WBS>1.1</WBS><OutlineLevel>2</OutlineLevel><Duration>PT40H0M0S</Duration><Cost>100</Cost></Task>
<Task><UID>3</UID><Name>B</Name><WBS>1.2</WBS><OutlineLevel>2</OutlineLevel><Duration>PT12H0M0S</Duration>
  <ConstraintType>1</ConstraintType>
  <PredecessorLink><PredecessorUID>2</PredecessorUID><Type>3</Type><LinkLag>9600</LinkLag><LagFormat>7</LagFormat></PredecessorLink></Task>
<Task><UID>4</UID><Name>Loose</Name><WBS>9</WBS><OutlineLevel>1</OutlineLevel><Duration>PT8H0M0S</Duration></Task>
</Tasks>
<Resources><Resource><UID>1</UID><Name>Ann</Name></Resource></Resources>
<Assignments><Assignment><TaskUID>2</TaskUID><ResourceUID>1</ResourceUID></Assignment></Assignments>
</Project>"#;
    let p = ProjectImport::mspdi(x.as_bytes(), "p.xml").unwrap();
    let found: Vec<String> = p
        .strategy
        .validate()
        .iter()
        .filter(|d| d.code == Code::UnsupportedProjectData)
        .map(|d| d.message.clone())
        .collect();
    for want in [
        "summary task",
        "resources",
        "resource assignments",
        "costs",
        "as-late-as-possible",
        "not whole days",
    ] {
        assert!(
            found.iter().any(|m| m.contains(want)),
            "{want} in {found:#?}"
        );
    }
    let doc = p.strategy.document();
    let b = doc.measures.iter().find(|m| m.id == "1.2").unwrap();
    assert_eq!(b.duration_days, Some(2), "12 hours rounded up to 2 days");
    assert_eq!(b.depends_on.len(), 1);
    let loose = doc.measures.iter().find(|m| m.id == "9").unwrap();
    assert_eq!(
        loose.direction, "0",
        "a task outside any summary under direction 0"
    );
}

#[test]
fn load_dispatches_by_extension() {
    let s = random_plan(12, 5);
    let dir = std::env::temp_dir().join(format!("eculture-planners-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let opts = ScheduleOptions::default();
    std::fs::write(dir.join("p.xml"), s.to_mspdi(&opts).unwrap()).unwrap();
    std::fs::write(dir.join("p.xer"), s.to_xer(&opts).unwrap()).unwrap();
    for f in ["p.xml", "p.xer"] {
        let back = Strategy::load(dir.join(f)).unwrap();
        assert_eq!(relations(&s), relations(&back), "{f}");
    }
    let e = eculture::io::load(dir.join("p.xer")).unwrap_err();
    assert!(e.to_string().contains("from_xer"), "{e}");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[path = "support/bench_plan.rs"]
mod bench_plan;

#[test]
fn the_benchmark_generators_plan_round_trips() {
    let plan = bench_plan::generate(2_000, false).unwrap();
    let s = bench_plan::to_strategy(&plan);
    assert_round_trip(
        &s,
        &ScheduleOptions::with_calendar(Calendar::weekdays()),
        "the generator's 2,000-measure plan",
    );
}

#[test]
fn absurd_numbers_are_findings_not_failures() {
    let x = r#"<Project><Name>P</Name><Tasks>
<Task><UID>1</UID><Name>A</Name><WBS>1</WBS><OutlineLevel>1</OutlineLevel><Duration>PT99999999999999999999H</Duration></Task>
<Task><UID>2</UID><Name>B</Name><WBS>2</WBS><OutlineLevel>1</OutlineLevel><Duration>PTxH</Duration>
 <PredecessorLink><PredecessorUID>1</PredecessorUID><Type>1</Type><LinkLag>999999999999999</LinkLag></PredecessorLink>
 <PredecessorLink><PredecessorUID>77</PredecessorUID></PredecessorLink></Task>
</Tasks></Project>"#;
    let p = ProjectImport::mspdi(x.as_bytes(), "x.xml").expect("loads");
    let codes: Vec<Code> = p.strategy.validate().iter().map(|d| d.code).collect();
    assert!(codes.contains(&Code::InvalidLag), "{codes:?}");
    assert!(codes.contains(&Code::UnsupportedProjectData), "{codes:?}");
    let e = "ERMHDR\t19.12\n%T\tPROJECT\n%F\tproj_id\tproj_short_name\n%R\t1\tP\n%T\tPROJWBS\n%F\twbs_id\tparent_wbs_id\twbs_short_name\tproj_node_flag\n%R\t1\t2\tA\tN\n%R\t2\t1\tB\tN\n%T\tTASK\n%F\ttask_id\twbs_id\ttask_code\ttarget_drtn_hr_cnt\n%R\t1\t1\tX\t1e300\n%R\t2\t2\tY\tNaN\n%T\tTASKPRED\n%F\ttask_id\tpred_task_id\tpred_type\tlag_hr_cnt\n%R\t2\t1\tPR_XX\t1e30\n";
    let p = ProjectImport::xer(e.as_bytes(), "x.xer").expect("a WBS cycle and absurd numbers load");
    assert_eq!(p.strategy.document().measures.len(), 2);
}
