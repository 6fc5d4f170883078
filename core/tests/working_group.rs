//! The working group, `drafted_by`, `sections`, `note` and `statuses_as_of` (issue 20,
//! point 3): read, saved back, validated with located findings, shown in the report.

use eculture::{Code, RenderOptions, ScheduleOptions, Severity, Strategy};
use serde_json::{Value, json};

fn plan(wg: Value) -> Value {
    json!({
        "strategy": {"id": "t", "title": {"en": "T", "az": "T"},
                     "period": {"start": "2024", "end": "2026"},
                     "coordinating_body": "moc", "monitoring_body": "caerc",
                     "drafted_by": "working_group",
                     "statuses_as_of": "2025-12-31",
                     "note": "a note, not a source",
                     "sections": {"summary": {"en": "What the strategy is for."},
                                  "risks": {"en": "Funding may slip."}},
                     "working_group": wg},
        "organizations": [
            {"id": "moc", "name": {"en": "Ministry of Culture"}, "kind": "ministry", "note": "n"},
            {"id": "caerc", "name": {"en": "CAERC"}, "kind": "analysis_centre"},
            {"id": "lib", "name": {"en": "National Library"}, "kind": "subordinate"}
        ],
        "directions": [{"id": "D1", "title": {"en": "One"}, "note": "n"}],
        "clusters": [{"id": "c", "title": {"en": "C"}, "note": "n"}],
        "modules": [{"id": "m", "title": {"en": "M"}, "applies_to": {"all": true}, "note": "n"}],
        "measures": [
            {"id": "1", "direction": "D1", "title": {"en": "a"}, "main_executor": "moc",
             "duration_days": 10, "targets": [{"module": "m"}], "note": "missed: procurement"},
            {"id": "2", "direction": "D1", "title": {"en": "b"}, "main_executor": "lib", "duration_days": 10},
            {"id": "3", "direction": "D1", "title": {"en": "c"}, "main_executor": "lib", "duration_days": 10}
        ],
        "indicators": [{"id": "I1", "name": {"en": "i"}, "note": "n",
                        "baseline": {"year": 2023, "value": 1}, "targets": [{"year": 2026, "value": 2, "final": true}]}]
    })
}

fn group() -> Value {
    json!({
        "established_by": {"body": "Ministry of Culture", "kind": "order", "number": "1",
                           "date": "2023-03-01", "source": "https://example.org/order"},
        "chair": "Deputy Minister",
        "members": ["moc", "caerc"],
        "meetings": [{"date": "2023-03-15", "note": "analysis of the sector"},
                     {"date": "2024-06", "source": "https://example.org/meeting-2024"}]
    })
}

fn strategy(v: &Value) -> Strategy {
    Strategy::from_json(&serde_json::to_string_pretty(v).unwrap()).unwrap()
}

#[test]
fn the_fields_are_read_and_saved_back() {
    let v = plan(group());
    let s = strategy(&v);
    let back: Value = serde_json::from_str(&s.to_json().unwrap()).unwrap();
    assert_eq!(
        back["strategy"]["working_group"],
        v["strategy"]["working_group"]
    );
    assert_eq!(back["strategy"]["sections"], v["strategy"]["sections"]);
    assert_eq!(back["strategy"]["statuses_as_of"], "2025-12-31");
    assert_eq!(back["measures"][0]["note"], "missed: procurement");
    assert_eq!(back["indicators"][0]["note"], "n");
    // a typo in the group is a located parse error, as everywhere
    let mut bad = plan(group());
    bad["strategy"]["working_group"]["meetngs"] = json!([]);
    let e = Strategy::from_json(&bad.to_string())
        .unwrap_err()
        .to_string();
    assert!(e.contains("meetngs"), "{e}");
}

#[test]
fn a_year_without_a_meeting_and_executors_outside_the_group_are_warnings() {
    let s = strategy(&plan(group()));
    let d = s.validate();
    let no_meeting: Vec<&str> = d
        .iter()
        .filter(|x| x.code == Code::WorkingGroupNoMeeting)
        .map(|x| x.message.as_str())
        .collect();
    // 2024 has a meeting; 2025 has ended by the statuses' date and has none; 2026 has not ended
    assert_eq!(
        no_meeting,
        ["the working group has no meeting in 2025 (Decree 1294: it meets at least once a year)"]
    );
    let outside: Vec<&eculture::Diagnostic> = d
        .iter()
        .filter(|x| x.code == Code::ExecutorNotInWorkingGroup)
        .collect();
    assert_eq!(outside.len(), 1);
    assert_eq!(outside[0].severity, Severity::Warning);
    assert_eq!(outside[0].path, "strategy.working_group.members");
    assert!(
        outside[0]
            .message
            .starts_with("`lib`, main executor of 2 measure(s)")
    );
    assert!(outside[0].line.is_some(), "located in the text");
    // warnings block nothing
    assert!(s.schedule(&ScheduleOptions::default()).is_ok());
    // a meeting in 2025 and lib in the group: nothing
    let mut g = group();
    g["meetings"]
        .as_array_mut()
        .unwrap()
        .push(json!({"date": "2025-11-20"}));
    g["members"].as_array_mut().unwrap().push(json!("lib"));
    let quiet = strategy(&plan(g));
    assert!(quiet.validate().iter().all(
        |x| x.code != Code::WorkingGroupNoMeeting && x.code != Code::ExecutorNotInWorkingGroup
    ));
}

#[test]
fn unknown_members_and_drafters_are_located_errors() {
    let mut g = group();
    g["members"] = json!(["moc", "mocc"]);
    let mut v = plan(g);
    let s = strategy(&v);
    let e: Vec<_> = s
        .validate()
        .iter()
        .filter(|x| x.code == Code::UnknownReference)
        .collect();
    assert_eq!(e.len(), 1);
    assert_eq!(e[0].path, "strategy.working_group.members[1]");
    v["strategy"]["drafted_by"] = json!("nobody");
    let s = strategy(&v);
    assert!(
        s.validate()
            .iter()
            .any(|x| x.code == Code::UnknownReference && x.path == "strategy.drafted_by")
    );
    // drafted by the working group, but there is none
    let mut v = plan(group());
    v["strategy"]
        .as_object_mut()
        .unwrap()
        .remove("working_group");
    let s = strategy(&v);
    assert!(
        s.validate()
            .iter()
            .any(|x| x.code == Code::UnknownReference && x.message.contains("no `working_group`"))
    );
}

#[test]
fn the_report_shows_the_group_the_sections_and_the_sources() {
    let s = strategy(&plan(group()));
    let html = s.report_html(&ScheduleOptions::default(), &RenderOptions::default());
    assert!(
        html.contains("<dt>Drafted by</dt><dd>the working group</dd>"),
        "{html}"
    );
    assert!(html.contains(
        "chair: Deputy Minister; members: Ministry of Culture, CAERC; meetings: 2023-03-15, 2024-06"
    ));
    assert!(html.contains("<dt>Statuses as of</dt><dd>2025-12-31</dd>"));
    assert!(html.contains("<h3>Summary</h3>\n<p>What the strategy is for.</p>"));
    assert!(html.contains("<h3>Risks</h3>"));
    assert!(!html.contains("<h3>Financing</h3>"));
    // the group's act and its meetings' sources are cited
    let p = s.provenance();
    assert!(p.working_group.unwrap().contains("order No. 1"));
    assert!(
        p.sources
            .iter()
            .any(|c| c.source == "https://example.org/meeting-2024"
                && c.cited_by == ["working_group meeting 2024-06"])
    );
}
