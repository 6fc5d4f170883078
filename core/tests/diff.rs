//! Plan diff (`Strategy::diff`, `docs/diff.md`): records matched by id, reordering no change,
//! matrix and schedule consequences, indicator targets, renames, the pictures and determinism.

#[path = "support/markup.rs"]
mod markup;
use eculture::Strategy;
use eculture::diff::{DiffKind, DiffOptions, PlanDiff};
use serde_json::{Value, json};

fn doc() -> Value {
    serde_json::to_value(Strategy::e_culture().document()).unwrap()
}

fn plan(v: Value) -> Strategy {
    Strategy::from_value(v).unwrap()
}

fn measure<'a>(v: &'a mut Value, id: &str) -> &'a mut Value {
    v["measures"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .find(|m| m["id"] == id)
        .unwrap()
}

/// The amended copy: a deadline moved, a measure added, one removed, a dependency changed, an
/// indicator target changed, an id renamed.
fn amended() -> Value {
    let mut v = doc();
    measure(&mut v, "7.7")["deadline"] = json!("2026-Q2");
    measure(&mut v, "1.1")["depends_on"][1]["lag_days"] = json!(120);
    measure(&mut v, "7.13")["id"] = json!("7.16");
    let ms = v["measures"].as_array_mut().unwrap();
    ms.retain(|m| m["id"] != "6.4");
    let at = ms.iter().position(|m| m["id"] == "4.12").unwrap();
    ms.insert(
        at + 1,
        json!({"id": "4.13", "direction": "P4", "title": {"en": "Follow-up survey"},
               "main_executor": "moc", "start": "2026-Q3", "deadline": "2026", "duration_days": 120,
               "depends_on": ["4.12"]}),
    );
    v["indicators"][0]["targets"][2]["value"] = json!(90);
    v
}

fn diff(old: &Strategy, new: &Strategy) -> PlanDiff {
    old.diff(new, &DiffOptions::default()).unwrap()
}

/// Every list of the document reversed: entities, dependencies, targets, executors, tags.
fn reversed(mut v: Value) -> Value {
    fn rev(v: &mut Value) {
        match v {
            Value::Array(xs) => {
                xs.reverse();
                xs.iter_mut().for_each(rev);
            }
            Value::Object(m) => m.values_mut().for_each(rev),
            _ => {}
        }
    }
    rev(&mut v);
    v
}

/// A record as compared: kind, entity, id, field, old, new, renamed_from.
type OwnedRow = (
    String,
    String,
    String,
    Option<String>,
    Option<Value>,
    Option<Value>,
    Option<String>,
);

type Row = (
    &'static str,
    &'static str,
    &'static str,
    Option<&'static str>,
    Option<Value>,
    Option<Value>,
    Option<&'static str>,
);

fn rows(d: &PlanDiff) -> Vec<OwnedRow> {
    d.records
        .iter()
        .map(|r| {
            let whole = r.field.is_none() && r.entity != "dependency";
            (
                r.kind.as_str().to_owned(),
                r.entity.clone(),
                r.id.clone(),
                r.field.clone(),
                // whole entities are compared by their id only
                if whole { None } else { r.old.clone() },
                if whole { None } else { r.new.clone() },
                r.renamed_from.clone(),
            )
        })
        .collect()
}

fn expect(rows: &[Row]) -> Vec<OwnedRow> {
    rows.iter()
        .map(|(k, e, id, f, o, n, r)| {
            (
                (*k).to_owned(),
                (*e).to_owned(),
                (*id).to_owned(),
                f.map(str::to_owned),
                o.clone(),
                n.clone(),
                r.map(str::to_owned),
            )
        })
        .collect()
}

#[test]
fn a_plan_against_itself_has_no_difference() {
    let s = Strategy::e_culture();
    let d = diff(&s, &Strategy::e_culture());
    assert!(d.is_empty(), "{:?}", d.records);
    assert_eq!(d.matrix_changes, Some(vec![]));
    let sc = d.schedule.as_ref().unwrap();
    assert_eq!(sc.finish_shift_days, 0);
    assert!(sc.critical_added.is_empty() && sc.critical_removed.is_empty());
    assert!(sc.deadlines_newly_missed.is_empty() && sc.deadlines_newly_met.is_empty());
    assert!(sc.shifts.is_empty());
    assert!(d.indicator_targets.is_empty());
    assert!(
        d.directions
            .iter()
            .all(|x| x.added + x.removed + x.changed == 0)
    );
    assert_eq!(d.directions.len(), s.document().directions.len());
    assert!(d.to_markdown().contains("no differences"));
}

#[test]
fn reordering_a_document_is_no_change() {
    let s = Strategy::e_culture();
    let r = plan(reversed(doc()));
    assert_ne!(r.document(), s.document(), "the copy is reordered");
    let d = diff(&s, &r);
    assert!(d.is_empty(), "{:?}", d.records);
    assert_eq!(d.matrix_changes, Some(vec![]));
    assert_eq!(d.schedule.as_ref().unwrap().shifts, vec![]);
    assert!(d.indicator_targets.is_empty());
    // and an amended plan compares the same whichever order either side is written in
    let a = diff(&s, &plan(amended()));
    let b = diff(&r, &plan(reversed(amended())));
    assert_eq!(rows(&a).len(), rows(&b).len());
    // a list value is written in its own document's order
    fn canon(v: &Value) -> Value {
        match v {
            Value::Array(xs) => {
                let mut xs: Vec<Value> = xs.iter().map(canon).collect();
                xs.sort_by_key(|x| x.to_string());
                Value::Array(xs)
            }
            x => x.clone(),
        }
    }
    let canon_rows = |d: &PlanDiff| {
        let mut r = rows(d);
        for row in &mut r {
            row.4 = row.4.as_ref().map(canon);
            row.5 = row.5.as_ref().map(canon);
        }
        r
    };
    let mut x = canon_rows(&a);
    let mut y = canon_rows(&b);
    x.sort_by(|p, q| format!("{p:?}").cmp(&format!("{q:?}")));
    y.sort_by(|p, q| format!("{p:?}").cmp(&format!("{q:?}")));
    assert_eq!(x, y);
    // the schedule's lists come in their documents' orders
    let sorted = |sc: &eculture::diff::ScheduleChanges| {
        let mut sc = sc.clone();
        sc.shifts.sort_by(|p, q| p.id.cmp(&q.id));
        sc.critical_added.sort();
        sc.critical_removed.sort();
        sc
    };
    assert_eq!(
        sorted(a.schedule.as_ref().unwrap()),
        sorted(b.schedule.as_ref().unwrap())
    );
}

#[test]
fn an_amended_plan_gives_every_change() {
    let d = diff(&Strategy::e_culture(), &plan(amended()));
    let targets = |v: i64| {
        json!([{"year": 2024, "value": 25.0}, {"year": 2025, "value": 50.0},
               {"year": 2026, "value": v as f64, "final": true}])
    };
    let fs = json!({"relation": "FS", "lag_days": 0});
    assert_eq!(
        rows(&d),
        expect(&[
            ("added", "measure", "4.13", None, None, None, None),
            (
                "changed",
                "measure",
                "7.7",
                Some("deadline"),
                Some(json!("2026")),
                Some(json!("2026-Q2")),
                None
            ),
            ("added", "measure", "7.16", None, None, None, Some("7.13")),
            ("removed", "measure", "6.4", None, None, None, None),
            ("removed", "measure", "7.13", None, None, None, None),
            (
                "changed",
                "dependency",
                "1.1->7.3",
                Some("lag_days"),
                Some(json!(90)),
                Some(json!(120)),
                None
            ),
            (
                "added",
                "dependency",
                "4.13->4.12",
                None,
                None,
                Some(fs.clone()),
                None
            ),
            (
                "added",
                "dependency",
                "7.16->4.4",
                None,
                None,
                Some(fs.clone()),
                None
            ),
            (
                "removed",
                "dependency",
                "6.4->3.4",
                None,
                Some(json!({"relation": "FF", "lag_days": 0})),
                None,
                None
            ),
            (
                "removed",
                "dependency",
                "6.4->7.3",
                None,
                Some(fs.clone()),
                None,
                None
            ),
            (
                "removed",
                "dependency",
                "7.13->4.4",
                None,
                Some(fs),
                None,
                None
            ),
            (
                "changed",
                "indicator",
                "I1",
                Some("targets"),
                Some(targets(80)),
                Some(targets(90)),
                None
            ),
        ])
    );
    // whole entities carry the entity itself
    let added = &d.records[0];
    assert_eq!(added.kind, DiffKind::Added);
    assert_eq!(
        added.new.as_ref().unwrap()["title"]["en"],
        "Follow-up survey"
    );
    assert_eq!(added.title.as_deref(), Some("Follow-up survey"));
    assert_eq!(
        d.records[3].old.as_ref().unwrap()["id"],
        "6.4",
        "a removed measure's old value is the measure"
    );

    let m = d.matrix_changes.as_ref().unwrap();
    assert_eq!(m.len(), 1);
    assert_eq!(
        (m[0].cluster.as_str(), m[0].module.as_str()),
        ("museum", "museum_catalogue")
    );
    assert_eq!(
        (m[0].old_state, m[0].new_state),
        (
            Some(eculture::CellState::Covered),
            Some(eculture::CellState::Gap)
        )
    );
    assert_eq!(
        (m[0].old_measures.clone(), m[0].new_measures.clone()),
        (vec!["6.4".to_owned()], vec![])
    );

    let sc = d.schedule.as_ref().unwrap();
    let j = serde_json::to_value(sc).unwrap();
    assert_eq!(j["finish_before"], "2026-10-26");
    assert_eq!(j["finish_after"], FINISH_AFTER);
    assert_eq!(sc.finish_shift_days, FINISH_SHIFT);
    assert_eq!(sc.critical_added, CRITICAL_ADDED);
    assert_eq!(sc.critical_removed, CRITICAL_REMOVED);
    assert_eq!(
        j["deadlines_newly_missed"],
        json!([{"id": "7.7", "deadline": "2026-06-30", "days_late": 89}])
    );
    assert_eq!(sc.deadlines_newly_met, vec![]);
    let shifted: Vec<(&str, i64)> = sc
        .shifts
        .iter()
        .map(|m| (m.id.as_str(), m.finish_shift_days))
        .collect();
    assert_eq!(shifted, [("1.1", 30), ("1.2", 29)]);

    let t = &d.indicator_targets;
    assert_eq!(t.len(), 1);
    assert_eq!(
        (t[0].indicator.as_str(), t[0].year, t[0].old, t[0].new),
        ("I1", 2026, Some(80.0), Some(90.0))
    );

    let per: Vec<(&str, u32, u32, u32)> = d
        .directions
        .iter()
        .filter(|x| x.added + x.removed + x.changed > 0)
        .map(|x| (x.direction.as_str(), x.added, x.removed, x.changed))
        .collect();
    assert_eq!(
        per,
        [
            ("P1", 0, 0, 1),
            ("P4", 1, 0, 0),
            ("P6", 0, 1, 0),
            ("P7", 1, 1, 1)
        ]
    );
}

const FINISH_AFTER: &str = "2026-10-28";
const FINISH_SHIFT: i64 = 2;
const CRITICAL_ADDED: &[&str] = &["4.13", "6.2", "7.7"];
const CRITICAL_REMOVED: &[&str] = &[
    "2.1", "5.8", "8.1", "8.2", "8.3", "8.4", "8.5", "8.6", "8.7", "9.6",
];

#[test]
fn header_renames_and_languages() {
    let mut v = doc();
    v["strategy"]["title"]["en"] = json!("Amended");
    let orgs = v["organizations"].as_array_mut().unwrap();
    let first = orgs[0]["id"].as_str().unwrap().to_owned();
    orgs[0]["id"] = json!("renamed_org");
    // only the Azerbaijani name is kept: still a rename
    let az = orgs[0]["name"]["az"].clone();
    orgs[0]["name"] = json!({"az": az});
    let d = Strategy::e_culture()
        .diff(
            &Strategy::from_value(v).unwrap(),
            &DiffOptions {
                lang: eculture::model::Lang::Az,
                ..Default::default()
            },
        )
        .unwrap();
    let header = d.records.iter().find(|r| r.entity == "strategy").unwrap();
    assert_eq!(header.field.as_deref(), Some("title.en"));
    assert_eq!(header.new, Some(json!("Amended")));
    let renamed = d.records.iter().find(|r| r.id == "renamed_org").unwrap();
    assert_eq!(renamed.renamed_from.as_deref(), Some(first.as_str()));
    assert_eq!(
        renamed.title.as_ref(),
        az.as_str().map(str::to_owned).as_ref()
    );
}

#[test]
fn plans_with_errors_get_every_answer_their_errors_leave() {
    // a repeated cluster id blocks the matrix (and so the schedule); the records stand
    let mut v = doc();
    let c = v["clusters"][0].clone();
    v["clusters"].as_array_mut().unwrap().push(c.clone());
    let bad = plan(v);
    let d = diff(&Strategy::e_culture(), &bad);
    assert_eq!(d.matrix_changes, None);
    assert_eq!(d.matrix_blocked_by, ["duplicate_id"]);
    assert_eq!(d.schedule, None);
    assert_eq!(d.schedule_blocked_by, ["duplicate_id"]);
    let id = format!("{}#2", c["id"].as_str().unwrap());
    assert_eq!(d.records.len(), 1);
    assert_eq!(
        (d.records[0].kind, d.records[0].id.as_str()),
        (DiffKind::Added, id.as_str())
    );
    assert!(d.to_markdown().contains("blocked by duplicate\\_id"));

    // a cycle leaves the matrix and blocks the schedule
    let mut v = doc();
    measure(&mut v, "7.1")["depends_on"] = json!(["1.4"]);
    let d = diff(&Strategy::e_culture(), &plan(v));
    assert!(d.matrix_changes.is_some());
    assert_eq!(d.schedule, None);
    assert_eq!(d.schedule_blocked_by, ["dependency_cycle"]);
    assert!(d.to_svg().contains("dependency_cycle"));
}

#[test]
fn outputs_are_escaped_and_deterministic() {
    let mut v = amended();
    measure(&mut v, "4.13")["title"] = json!({"en": "<script>alert('x')</script> | *a* & \"b\""});
    let new = plan(v);
    let a = diff(&Strategy::e_culture(), &new);
    let b = diff(&Strategy::e_culture(), &new);
    assert_eq!(a, b);
    assert_eq!(a.to_markdown(), b.to_markdown());
    assert_eq!(a.to_html(), b.to_html());
    assert_eq!(a.to_svg(), b.to_svg());
    for out in [a.to_html(), a.to_svg()] {
        assert!(!out.contains("<script"), "{out}");
        assert!(
            !out.contains("http://") || out.matches("http").count() == 1,
            "only the SVG namespace"
        );
    }
    assert!(a.to_html().contains("&lt;script&gt;"));
    assert!(a.to_markdown().contains("\\<script\\>"));
    assert!(!a.to_markdown().replace("\\<", "").contains('<'));
    // the SVG is well-formed XML
    let svg = a.to_svg();
    let mut reader = quick_xml::Reader::from_str(&svg);
    loop {
        match reader.read_event() {
            Ok(quick_xml::events::Event::Eof) => break,
            Ok(_) => {}
            Err(e) => panic!("not XML: {e}"),
        }
    }
    // serialises (the bindings' shape) and reads back
    let j = serde_json::to_string(&a).unwrap();
    let back: PlanDiff = serde_json::from_str(&j).unwrap();
    assert_eq!(back, a);
}

#[test]
fn canonical_text_ignores_order() {
    let a = eculture::diff::canonical_text(&Strategy::e_culture());
    let b = eculture::diff::canonical_text(&plan(reversed(doc())));
    assert_eq!(a, b);
    assert!(a.contains("measure 7.7 deadline = \"2026\"\n"), "{a}");
    assert!(a.contains("dependency 1.1->7.3 lag_days = 90\n"));
    let c = eculture::diff::canonical_text(&plan(amended()));
    assert!(c.contains("measure 7.7 deadline = \"2026-Q2\"\n"));
}

#[test]
fn hostile_strings_stay_text_in_every_output() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/payloads");
    for file in ["injection.json", "injection_fixed.json", "probes.json"] {
        let hostile = Strategy::load(dir.join(file)).unwrap();
        for (old, new) in [
            (&Strategy::e_culture(), &hostile),
            (&hostile, &Strategy::e_culture()),
        ] {
            let d = diff(old, new);
            assert!(!d.is_empty());
            markup::safe_markup(&format!("{file}: html"), &d.to_html(), false);
            markup::safe_markup(&format!("{file}: page"), &d.to_html_page(), true);
            markup::safe_markup(&format!("{file}: svg"), &d.to_svg(), false);
            let md = d.to_markdown();
            for tag in ["<script", "<img"] {
                for (i, _) in md.match_indices(tag) {
                    assert!(i > 0 && md.as_bytes()[i - 1] == b'\\', "{file}: raw {tag}");
                }
            }
        }
    }
}
