//! Provenance in every output (issue 20, point 2): `illustrative` is `true` or a list of
//! invented fields, checked against the entity's fields; every output that shows illustrative
//! content says so where it shows it, and a document with nothing illustrative shows no notice.

use std::path::Path;

use eculture::model::{Illustrative, illustrative_fields_of};
use eculture::monitoring::MonitoringReportOptions;
use eculture::{Code, RenderOptions, ScheduleOptions, Strategy};
use serde_json::{Value, json};

fn small() -> Value {
    let p =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/golden_monitoring/small/input.json");
    serde_json::from_str(&std::fs::read_to_string(p).unwrap()).unwrap()
}

fn strategy(v: &Value) -> Strategy {
    Strategy::from_json(&v.to_string()).unwrap()
}

/// The small monitoring plan with measure `a`'s status-bearing report and measure `b`'s
/// dates invented, an approving act and sources.
fn partly_illustrative() -> Value {
    let mut v = small();
    v["strategy"]["approved_by"] = json!({"body": "Collegium", "kind": "decision", "number": "3/2",
        "date": "2023-10-13", "source": "https://example.org/approval"});
    v["strategy"]["legal_basis"] = json!([{"body": "President", "kind": "decree", "number": "1294",
        "date": "2021-03-06", "source": "https://example.org/decree-1294"}]);
    v["measures"][0]["source"] = json!("https://example.org/plan");
    v["measures"][1]["source"] = json!("https://example.org/plan");
    v["measures"][1]["illustrative"] = json!(["start", "deadline"]);
    v["reports"][0]["illustrative"] = json!(true);
    v
}

#[test]
fn illustrative_reads_true_false_and_field_lists_and_saves_them_back() {
    let v = partly_illustrative();
    let s = strategy(&v);
    let doc = s.document();
    assert_eq!(doc.measures[0].illustrative, Illustrative::NO);
    assert!(doc.measures[1].illustrative.covers("start"));
    assert!(!doc.measures[1].illustrative.covers("title"));
    assert!(doc.reports[0].illustrative.is_all());
    let back: Value = serde_json::from_str(&s.to_json().unwrap()).unwrap();
    assert_eq!(
        back["measures"][1]["illustrative"],
        json!(["start", "deadline"])
    );
    assert_eq!(back["reports"][0]["illustrative"], json!(true));
    assert!(back["measures"][0].get("illustrative").is_none());
    // a string is neither a flag nor a list: a parse error naming the field
    let mut bad = small();
    bad["measures"][0]["illustrative"] = json!("start");
    let e = Strategy::from_json(&bad.to_string())
        .unwrap_err()
        .to_string();
    assert!(e.contains("illustrative"), "{e}");
}

#[test]
fn an_unknown_field_name_is_a_located_error() {
    let mut v = small();
    v["measures"][2]["illustrative"] = json!(["start", "dedline"]);
    v["clusters"][0]["illustrative"] = json!(["institutions"]);
    let s = Strategy::from_json(&serde_json::to_string_pretty(&v).unwrap()).unwrap();
    let d: Vec<_> = s
        .validate()
        .iter()
        .filter(|d| d.code == Code::UnknownIllustrativeField)
        .collect();
    assert_eq!(d.len(), 1, "{d:?}");
    assert_eq!(d[0].path, "measures[2].illustrative[1]");
    assert_eq!(d[0].id.as_deref(), Some("c"));
    assert!(d[0].message.contains("`dedline`"), "{}", d[0].message);
    assert!(d[0].line.is_some(), "located in the text");
    // the finding blocks nothing
    assert!(s.schedule(&ScheduleOptions::default()).is_ok());
}

/// Every kind's allowed names are exactly its fields in the JSON Schema, but `id`, `source`,
/// `note` and `illustrative`: a field added to the model and not to the list fails here.
#[test]
fn the_allowed_names_are_the_schema_fields() {
    let schema = eculture::json_schema();
    let defs = &schema["$defs"];
    for (kind, def) in [
        ("strategy", "StrategyInfo"),
        ("working_group", "WorkingGroup"),
        ("goal", "Goal"),
        ("organization", "Organization"),
        ("direction", "Direction"),
        ("cluster", "Cluster"),
        ("module", "Module"),
        ("measure", "Measure"),
        ("indicator", "Indicator"),
        ("report", "Report"),
        ("evaluation", "Evaluation"),
        ("assessment", "Assessment"),
    ] {
        let mut want: Vec<&str> = defs[def]["properties"]
            .as_object()
            .unwrap_or_else(|| panic!("{def} in the schema"))
            .keys()
            .map(String::as_str)
            .filter(|k| !["id", "source", "note", "illustrative"].contains(k))
            .collect();
        let mut got = illustrative_fields_of(kind).unwrap().to_vec();
        want.sort_unstable();
        got.sort_unstable();
        assert_eq!(got, want, "{kind}");
    }
}

#[test]
fn provenance_lists_items_notice_and_sources() {
    let s = strategy(&partly_illustrative());
    let p = s.provenance();
    let items: Vec<(&str, &str, usize)> = p
        .illustrative
        .iter()
        .map(|x| (x.kind.as_str(), x.id.as_str(), x.fields.len()))
        .collect();
    assert_eq!(items, [("measure", "b", 2), ("report", "lib-2024", 0)]);
    let notice = p.notice.unwrap();
    assert!(
        notice.contains("1 of 7 measures (1 in some fields only)"),
        "{notice}"
    );
    assert!(notice.contains("1 of 4 reports"), "{notice}");
    assert!(
        p.approved_by
            .unwrap()
            .contains("https://example.org/approval")
    );
    assert!(p.legal_basis[0].contains("decree No. 1294"));
    assert_eq!(p.sources.len(), 1);
    assert_eq!(p.sources[0].cited_by, ["measure a", "measure b"]);
    // nothing invented: no notice
    assert!(strategy(&small()).provenance().notice.is_none());
}

#[test]
fn the_monitoring_report_says_it_where_it_shows_it() {
    let opts = MonitoringReportOptions {
        year: Some(2024),
        ..MonitoringReportOptions::default()
    };
    let plain = strategy(&small()).monitoring_report(&opts).unwrap();
    assert!(plain.notice.is_none());
    assert!(
        plain
            .tables()
            .all(|t| !t.headers.iter().any(|h| h == "illustrative"))
    );
    for text in [plain.to_markdown(), plain.to_html()] {
        assert!(!text.contains("Illustrative content"));
        assert!(!text.contains('†'));
        assert!(text.contains("9. Sources"));
    }

    let r = strategy(&partly_illustrative())
        .monitoring_report(&opts)
        .unwrap();
    assert!(
        r.notice
            .as_deref()
            .unwrap()
            .starts_with("Illustrative content")
    );
    let table = |name: &str| r.tables().find(|t| t.name == name).unwrap();
    let measures = table("Measures");
    let col = measures
        .headers
        .iter()
        .position(|h| h == "illustrative")
        .unwrap();
    let marked: Vec<String> = measures
        .rows
        .iter()
        .filter(|row| serde_json::to_value(&row[col]).unwrap() == json!("†"))
        .map(|row| {
            serde_json::to_value(&row[0])
                .unwrap()
                .as_str()
                .unwrap()
                .to_owned()
        })
        .collect();
    // a: its state comes from the invented report lib-2024; b: its dates are invented
    assert_eq!(marked, ["a", "b"]);
    // the measures of direction D1 include a and b: marked; the overall row is marked
    assert!(
        table("Execution overall")
            .headers
            .contains(&"illustrative".to_owned())
    );
    let calendar = table("Calendar");
    assert!(calendar.headers.contains(&"illustrative".to_owned()));
    let md = r.to_markdown();
    assert!(md.contains("> **Illustrative content"), "{md}");
    let html = r.to_html();
    assert!(html.contains("<p class=\"notice\" role=\"note\">"));
    assert!(html.contains("Approved by: Collegium, decision No. 3/2"));
    assert!(html.contains("https://example.org/plan"));
    // the pictures carry the caption
    assert!(
        r.pictures
            .iter()
            .all(|p| p.svg.contains("illustrative-caption"))
    );
}

#[test]
fn the_html_report_csvs_and_pictures_say_it_too() {
    let so = ScheduleOptions::default();
    let ro = RenderOptions::default();
    let plain = strategy(&small());
    let ill = strategy(&partly_illustrative());
    // HTML report: notice, marks, sources
    let a = plain.report_html(&so, &ro);
    let b = ill.report_html(&so, &ro);
    assert!(!a.contains("class=\"notice\""));
    assert!(!a.contains("sup class=\"illustrative\""));
    assert!(b.contains("class=\"notice\""));
    assert!(b.contains("<code>b</code><sup class=\"illustrative\""));
    assert!(a.contains("id=\"sources\"") && b.contains("https://example.org/decree-1294"));
    // pictures: a caption only when something is illustrative, and the SVG grows to hold it
    for (s, want) in [(&plain, false), (&ill, true)] {
        for svg in [
            s.heatmap_svg(&so, &ro).unwrap(),
            s.gantt_svg(&so, &ro).unwrap(),
            s.rollout_svg(&so, &ro).unwrap(),
            s.dsm_svg(&ro).unwrap(),
        ] {
            assert_eq!(svg.contains("illustrative-caption"), want);
            assert!(svg.trim_end().ends_with("</svg>"));
        }
    }
    let h0 = plain.gantt_svg(&so, &ro).unwrap();
    let h1 = ill.gantt_svg(&so, &ro).unwrap();
    let height = |s: &str| -> f64 {
        let at = s.find(" height=\"").unwrap() + 9;
        s[at..].split('"').next().unwrap().parse().unwrap()
    };
    assert!(height(&h1) > height(&h0));
    // CSVs: an illustrative column, `true` on the invented rows only
    let csv = ill.schedule(&so).unwrap().to_csv().unwrap();
    let mut lines = csv.lines();
    assert!(lines.next().unwrap().ends_with(",illustrative"));
    let flagged: Vec<&str> = lines
        .filter(|l| l.ends_with(",true"))
        .map(|l| l.split(',').next().unwrap())
        .collect();
    assert_eq!(flagged, ["b"]);
    let plain_csv = plain.schedule(&so).unwrap().to_csv().unwrap();
    assert!(plain_csv.lines().skip(1).all(|l| l.ends_with(',')));
    let m = ill.matrix().unwrap().to_csv();
    assert!(m.lines().next().unwrap().contains(",illustrative,"));
}

#[test]
fn a_cell_resting_on_invented_targets_is_marked() {
    let mut v = small();
    v["measures"][0]["illustrative"] = json!(["targets"]);
    let m = strategy(&v).matrix().unwrap();
    let marked: Vec<_> = m
        .cells
        .iter()
        .filter(|c| c.illustrative)
        .map(|c| (c.cluster.as_str(), c.module.as_str()))
        .collect();
    assert_eq!(marked, [("library", "cat")]);
    assert!(m.to_markdown().contains('†'));
    assert!(
        !strategy(&small())
            .matrix()
            .unwrap()
            .to_markdown()
            .contains('†')
    );
}
