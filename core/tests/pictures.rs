//! The pictures (`eculture::render`): golden SVG and DOT files, escaping of every user string,
//! no script and no URL in any output, determinism, aggregation of large plans, and the gap
//! reasons. `UPDATE_GOLDEN=1 cargo test -p eculture --test pictures` rewrites the files under
//! `tests/golden_svg/` (review the diff before committing). The files the browser test
//! (`wasm/tests/report_browser_test.mjs`) opens are written by a build step,
//! `cargo run -p eculture-examples --bin browser_files`.

use std::path::{Path, PathBuf};

use eculture::model::Lang;
use eculture::render::{ColorBy, RenderOptions};
use eculture::schedule::ScheduleOptions;
use eculture::{CellState, GapReason, Strategy};
use quick_xml::events::Event;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn golden_dir() -> PathBuf {
    root().join("tests/golden_svg")
}

fn plan() -> Strategy {
    Strategy::load(golden_dir().join("plan.json")).unwrap()
}

fn cycle_plan() -> Strategy {
    Strategy::load(root().join("tests/golden/cycle/input.json")).unwrap()
}

fn opts(lang: Lang, color_by: ColorBy) -> RenderOptions {
    RenderOptions {
        lang,
        color_by,
        ..RenderOptions::default()
    }
}

/// Compare with (or, under `UPDATE_GOLDEN`, rewrite) `tests/golden_svg/<file>`.
fn golden(file: &str, text: &str, failures: &mut Vec<String>) {
    let path = golden_dir().join(file);
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&path, text).unwrap();
        return;
    }
    match std::fs::read_to_string(&path) {
        Ok(expected) if expected == text => {}
        Ok(_) => failures.push(format!("{file} differs (UPDATE_GOLDEN=1 rewrites it)")),
        Err(e) => failures.push(format!("{file}: {e} (UPDATE_GOLDEN=1 writes it)")),
    }
}

/// Parse as XML: every element closed, every attribute and entity well-formed.
fn assert_xml(text: &str, what: &str) {
    let mut reader = quick_xml::Reader::from_str(text);
    let mut depth = 0i64;
    loop {
        match reader.read_event() {
            Ok(Event::Eof) => break,
            Ok(Event::Start(e)) => {
                depth += 1;
                for a in e.attributes() {
                    let a = a.unwrap_or_else(|err| panic!("{what}: bad attribute: {err}"));
                    a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                        .unwrap_or_else(|err| panic!("{what}: bad attribute value: {err}"));
                }
            }
            Ok(Event::Empty(e)) => {
                for a in e.attributes() {
                    let a = a.unwrap_or_else(|err| panic!("{what}: bad attribute: {err}"));
                    a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                        .unwrap_or_else(|err| panic!("{what}: bad attribute value: {err}"));
                }
            }
            Ok(Event::End(_)) => depth -= 1,
            Ok(Event::GeneralRef(r)) => {
                let name = (*r).to_owned();
                assert!(
                    ["amp", "lt", "gt", "quot", "apos", "#39"].contains(&name.as_str()),
                    "{what}: unexpected entity &{name};"
                );
            }
            Ok(_) => {}
            Err(e) => panic!(
                "{what}: not well-formed XML at {}: {e}",
                reader.buffer_position()
            ),
        }
    }
    assert_eq!(depth, 0, "{what}: unclosed elements");
}

/// No script, no URL a browser would load or follow (an attribute, a CSS `url()`) but the SVG
/// namespace. A URL as text is fine: the report's Sources section cites public sources.
fn assert_clean(text: &str, what: &str) {
    let lower = text.to_lowercase();
    assert!(!lower.contains("<script"), "{what}: contains <script");
    let stripped = lower.replace("http://www.w3.org/2000/svg", "");
    for q in ["=\"", "='", "url(", "url(\"", "url('"] {
        for scheme in ["http://", "https://", "//"] {
            assert!(
                !stripped.contains(&format!("{q}{scheme}")),
                "{what}: contains a URL to load or follow ({q}{scheme})"
            );
        }
    }
    assert!(
        !lower.contains("javascript:"),
        "{what}: contains javascript:"
    );
}

/// The `<svg>…</svg>` pieces of an HTML page.
fn svgs_in(html: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(a) = rest.find("<svg") {
        let b = rest[a..].find("</svg>").unwrap() + a + "</svg>".len();
        out.push(&rest[a..b]);
        rest = &rest[b..];
    }
    out
}

#[test]
fn golden_pictures() {
    let s = plan();
    let sched = ScheduleOptions::default();
    let mut failures = Vec::new();
    for (lang, l) in [(Lang::En, "en"), (Lang::Az, "az")] {
        for (c, n) in [
            (ColorBy::State, "state"),
            (ColorBy::Quarter, "quarter"),
            (ColorBy::Coverage, "coverage"),
        ] {
            let svg = s.heatmap_svg(&sched, &opts(lang, c)).unwrap();
            assert_xml(&svg, n);
            golden(&format!("heatmap_{n}_{l}.svg"), &svg, &mut failures);
        }
    }
    let gantt_opts = RenderOptions {
        status_date: Some(jiff::civil::date(2024, 9, 30)),
        ..RenderOptions::default()
    };
    let gantt = s.gantt_svg(&sched, &gantt_opts).unwrap();
    golden("gantt_en.svg", &gantt, &mut failures);
    let gantt_az = s
        .gantt_svg(&sched, &opts(Lang::Az, ColorBy::State))
        .unwrap();
    golden("gantt_az.svg", &gantt_az, &mut failures);
    golden(
        "rollout_en.svg",
        &s.rollout_svg(&sched, &RenderOptions::default()).unwrap(),
        &mut failures,
    );
    golden(
        "dot_en.dot",
        &s.to_dot(Some(&sched), &RenderOptions::default()).unwrap(),
        &mut failures,
    );
    let c = cycle_plan();
    golden(
        "dsm_cycle.svg",
        &c.dsm_svg(&RenderOptions::default()).unwrap(),
        &mut failures,
    );
    golden(
        "dot_cycle.dot",
        &c.to_dot(Some(&sched), &RenderOptions::default()).unwrap(),
        &mut failures,
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn gap_reasons_cover_all_three() {
    let s = plan();
    let gaps = s.gaps().unwrap();
    let found: Vec<(String, String, Vec<GapReason>)> = gaps
        .iter()
        .map(|g| (g.cluster.clone(), g.module.clone(), g.reasons.clone()))
        .collect();
    assert_eq!(
        found,
        vec![
            (
                "thr".into(),
                "tix".into(),
                vec![GapReason::NotDelivered {
                    measures: vec!["m3".into()]
                }]
            ),
            ("club".into(), "reg".into(), vec![GapReason::NoMeasure]),
            (
                "club".into(),
                "svc".into(),
                vec![GapReason::RequirementMissing {
                    module: "reg".into()
                }]
            ),
        ]
    );
    // the matrix's own gaps are exactly the cells without a measure
    let m = s.matrix().unwrap();
    let plain: Vec<(&str, &str)> = m
        .gaps()
        .iter()
        .map(|c| (c.cluster.as_str(), c.module.as_str()))
        .collect();
    assert_eq!(plain, vec![("club", "reg")]);
    assert!(
        gaps.iter()
            .all(|g| { (g.state == CellState::Gap) == g.reasons.contains(&GapReason::NoMeasure) })
    );
    // serialised with a tag
    let v = serde_json::to_value(&gaps[2]).unwrap();
    assert_eq!(v["reasons"][0]["reason"], "requirement_missing");
    assert_eq!(v["reasons"][0]["module"], "reg");
    // the heatmap says why in the tooltip
    let svg = s
        .heatmap_svg(&ScheduleOptions::default(), &RenderOptions::default())
        .unwrap();
    assert!(svg.contains("no measure targets it"));
    assert!(svg.contains("its module requires `reg`"));
    assert!(svg.contains("reported not executed or cancelled: `m3`"));
}

#[test]
fn names_fall_back_per_string() {
    let s = plan();
    let en = s
        .heatmap_svg(&ScheduleOptions::default(), &RenderOptions::default())
        .unwrap();
    // `mus` has only az, `tix` only en
    assert!(en.contains(">Muzey<") && en.contains(">Library<"));
    let az = s
        .heatmap_svg(&ScheduleOptions::default(), &RenderOptions::lang(Lang::Az))
        .unwrap();
    assert!(az.contains(">Kitabxana<") && az.contains(">Theatre<"));
}

/// A plan whose every name is an injection probe.
/// The golden plan with injection probes in every title and in a cluster id
/// (`tests/payloads/probes.json`, also the browser test's `report_probe.html`).
fn hostile() -> Strategy {
    Strategy::load(root().join("tests/payloads/probes.json")).unwrap()
}

#[test]
fn every_user_string_is_escaped() {
    let s = hostile();
    let sched = ScheduleOptions::default();
    let mut outputs = Vec::new();
    for c in [ColorBy::State, ColorBy::Quarter, ColorBy::Coverage] {
        outputs.push((
            "heatmap",
            s.heatmap_svg(&sched, &opts(Lang::En, c)).unwrap(),
        ));
    }
    outputs.push((
        "gantt",
        s.gantt_svg(&sched, &RenderOptions::default()).unwrap(),
    ));
    outputs.push((
        "rollout",
        s.rollout_svg(&sched, &RenderOptions::default()).unwrap(),
    ));
    outputs.push(("dsm", s.dsm_svg(&RenderOptions::default()).unwrap()));
    for (what, svg) in &outputs {
        assert_xml(svg, what);
        assert_clean(svg, what);
        assert!(svg.contains("&lt;script&gt;alert(1)&lt;/script&gt;") || *what == "dsm");
    }
    let html = s.report_html(&sched, &RenderOptions::default());
    assert_clean(&html, "report");
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(!html.contains("<img"));
    for (k, svg) in svgs_in(&html).into_iter().enumerate() {
        assert_xml(svg, &format!("report svg {k}"));
    }
    let dot = s.to_dot(Some(&sched), &RenderOptions::default()).unwrap();
    // inside DOT strings quotes are escaped: no unbalanced quote
    for line in dot.lines() {
        let unescaped = line.replace("\\\\", "").replace("\\\"", "");
        assert_eq!(unescaped.matches('"').count() % 2, 0, "DOT line: {line}");
    }
}

#[test]
fn outputs_are_clean_and_deterministic() {
    let makers: [fn() -> Strategy; 3] = [plan, cycle_plan, Strategy::e_culture];
    for make in makers {
        let (s, again) = (make(), make());
        let sched = ScheduleOptions::default();
        let o = RenderOptions::default();
        let a = s.report_html(&sched, &o);
        assert_eq!(
            a,
            s.report_html(&sched, &o),
            "the report is not the same twice"
        );
        assert_eq!(
            a,
            again.report_html(&sched, &o),
            "the report differs between loads"
        );
        assert_clean(&a, "report");
        for (k, svg) in svgs_in(&a).into_iter().enumerate() {
            assert_xml(svg, &format!("report svg {k}"));
            assert_clean(svg, "svg");
        }
        if let Ok(dot) = s.to_dot(Some(&sched), &o) {
            assert_clean(&dot, "dot");
            assert_eq!(dot, again.to_dot(Some(&sched), &o).unwrap());
        }
    }
}

#[test]
fn report_of_a_plan_with_errors_says_why() {
    let c = cycle_plan();
    let html = c.report_html(&ScheduleOptions::default(), &RenderOptions::default());
    for id in [
        "summary",
        "heatmap",
        "gaps",
        "rollout",
        "waves",
        "gantt",
        "critical-path",
        "deadlines",
        "dsm",
        "diagnostics",
    ] {
        assert!(html.contains(&format!("<section id=\"{id}\">")), "{id}");
    }
    assert!(html.contains("class=\"blocked\""));
    assert!(html.contains("dependency cycle"));
    // the DSM of the cyclic plan is drawn
    assert!(html.contains("Dependency structure matrix"));
}

/// A plan of `n` measures in 10 directions over `clusters` clusters and 5 modules.
fn generated(n: usize, clusters: usize) -> Strategy {
    use std::fmt::Write;
    let mut t = String::with_capacity(n * 160);
    t.push_str(r#"{"strategy": {"id": "big", "title": {"en": "Big"}, "period": {"start": "2024", "end": "2030"}, "coordinating_body": "a", "monitoring_body": "b"},
 "organizations": [{"id": "a", "name": {"en": "A"}, "kind": "ministry"}, {"id": "b", "name": {"en": "B"}, "kind": "analysis_centre"}],
 "directions": ["#);
    for d in 0..10 {
        let _ = write!(
            t,
            "{}{{\"id\": \"D{d}\", \"title\": {{\"en\": \"Direction {d}\"}}}}",
            if d > 0 { "," } else { "" }
        );
    }
    t.push_str("], \"clusters\": [");
    for c in 0..clusters {
        let _ = write!(
            t,
            "{}{{\"id\": \"c{c}\", \"title\": {{\"en\": \"C{c}\"}}}}",
            if c > 0 { "," } else { "" }
        );
    }
    t.push_str("], \"modules\": [");
    for m in 0..5 {
        let _ = write!(
            t,
            "{}{{\"id\": \"x{m}\", \"title\": {{\"en\": \"X{m}\"}}, \"applies_to\": {{\"all\": true}}}}",
            if m > 0 { "," } else { "" }
        );
    }
    t.push_str("], \"measures\": [");
    for i in 0..n {
        let _ = write!(
            t,
            "{}{{\"id\": \"m{i}\", \"direction\": \"D{}\", \"title\": {{\"en\": \"t\"}}, \"main_executor\": \"a\", \"duration_days\": {}",
            if i > 0 { "," } else { "" },
            i % 10,
            1 + i % 7
        );
        if i >= 50 {
            let _ = write!(t, ", \"depends_on\": [\"m{}\"]", i - 50);
        }
        // every module to every cluster, except a few, so that blocks differ
        if i % 3 == 0 && ((i / 5) % clusters) % 7 != i % 5 {
            let _ = write!(
                t,
                ", \"targets\": [{{\"module\": \"x{}\", \"clusters\": [\"c{}\"]}}]",
                i % 5,
                (i / 5) % clusters
            );
        }
        t.push('}');
    }
    t.push_str("]}");
    Strategy::from_json(&t).unwrap()
}

#[test]
fn large_plans_are_aggregated() {
    let s = generated(200_000, 100);
    let sched = ScheduleOptions::default();
    let o = RenderOptions::default();
    let gantt = s.gantt_svg(&sched, &o).unwrap();
    assert!(gantt.len() < 1_000_000, "gantt is {} bytes", gantt.len());
    assert!(gantt.contains("aggregated: 200,000 measures shown as 10 directions"));
    let heat = s.heatmap_svg(&sched, &o).unwrap();
    assert!(heat.len() < 1_000_000);
    assert!(heat.contains("aggregated: 100 clusters shown as 50 blocks of 2"));
    let roll = s.rollout_svg(&sched, &o).unwrap();
    assert!(roll.len() < 1_000_000 && roll.contains("aggregated"));
    let dsm = s.dsm_svg(&o).unwrap();
    assert!(dsm.len() < 1_000_000 && dsm.contains("aggregated"));
    let dot = s.to_dot(None, &o).unwrap();
    assert!(dot.len() < 100_000 && dot.contains("aggregated"));
    let html = s.report_html(&sched, &o);
    assert!(html.len() < 5_000_000, "report is {} bytes", html.len());
    // few clusters, so no aggregation: thousands of measures per cell, named up to a cap
    let few = generated(200_000, 10);
    let heat_few = few.heatmap_svg(&sched, &o).unwrap();
    assert!(!heat_few.contains("aggregated"));
    assert!(
        heat_few.len() < 300_000,
        "heatmap is {} bytes",
        heat_few.len()
    );
    assert!(
        heat_few.contains(" more</title>"),
        "the tooltip counts the rest"
    );
    for svg in [&gantt, &heat, &roll, &dsm] {
        assert_xml(svg, "large");
    }
    let dir = root().join("target/pictures");
    std::fs::create_dir_all(&dir).unwrap();
    for (f, text) in [
        ("large_gantt.svg", &gantt),
        ("large_heatmap.svg", &heat),
        ("large_rollout.svg", &roll),
        ("large_dsm.svg", &dsm),
        ("large_report.html", &html),
    ] {
        std::fs::write(dir.join(f), text).unwrap();
    }
}

#[test]
fn options_deserialize_with_defaults() {
    let o: RenderOptions = serde_json::from_str(r#"{"lang": "az"}"#).unwrap();
    assert_eq!(o, RenderOptions::lang(Lang::Az));
    let o: RenderOptions = serde_json::from_str(
        r#"{"color_by": "quarter", "status_date": "2025-12-31", "width": 900}"#,
    )
    .unwrap();
    assert_eq!(o.color_by, ColorBy::Quarter);
    assert_eq!(o.status_date.unwrap().to_string(), "2025-12-31");
    assert!(serde_json::from_str::<RenderOptions>(r#"{"colour": "state"}"#).is_err());
}

/// What-if on the pictures: the changes move the Gantt chart and the heatmap by quarter exactly
/// as `what_if` says, the pictures say which changes they draw, and the options read them in
/// either spelling and locate a bad one.
#[test]
fn pictures_draw_what_if_changes() {
    let s = Strategy::e_culture();
    let sch = ScheduleOptions::default();
    let plan = s.schedule(&sch).unwrap();
    let id = plan.critical_ids()[plan.critical_ids().len() / 2].to_owned();
    let changes = eculture::api::changes(serde_json::json!([[id, 60]])).unwrap();
    let what_if = s.what_if(&sch, &changes).unwrap();
    assert_eq!(what_if.finish_delta_days, 60, "{id} is critical");
    let note = format!("What-if: {id} +60 d");
    let with = RenderOptions {
        changes: changes.clone(),
        ..RenderOptions::default()
    };
    let plain = s.gantt_svg(&sch, &RenderOptions::default()).unwrap();
    let moved = s.gantt_svg(&sch, &with).unwrap();
    assert_ne!(plain, moved);
    assert!(moved.contains(&note), "the Gantt chart names the change");
    assert!(!plain.contains("What-if"));
    // the new finish date is the one what_if computes
    assert!(moved.contains(&what_if.finish_date.to_string()));
    assert!(!plain.contains(&what_if.finish_date.to_string()));
    // the rollout moves the cells what_if says move, by as many days
    let before = s.rollout(&sch).unwrap();
    let after = s.rollout_with_changes(&sch, &changes).unwrap();
    assert!(!what_if.moved_cells.is_empty());
    for c in &what_if.moved_cells {
        let find = |r: &eculture::schedule::Rollout| {
            r.cells
                .iter()
                .find(|x| x.cluster == c.cluster && x.module == c.module)
                .and_then(|x| x.finish_date)
        };
        assert_eq!(find(&before), Some(c.baseline_date), "{c:?}");
        assert_eq!(find(&after), Some(c.date), "{c:?}");
    }
    let by_quarter = |o: RenderOptions| s.heatmap_svg(&sch, &o).unwrap();
    let q = RenderOptions {
        color_by: ColorBy::Quarter,
        ..RenderOptions::default()
    };
    let q_with = RenderOptions {
        color_by: ColorBy::Quarter,
        changes: changes.clone(),
        ..RenderOptions::default()
    };
    assert_ne!(by_quarter(q), by_quarter(q_with.clone()));
    assert!(by_quarter(q_with).contains(&note));
    // options: pairs or objects, either spelling; a bad change is located in the options
    let (_, r) =
        eculture::api::picture_options(serde_json::json!({"changes": [[id, 60]]})).unwrap();
    assert_eq!(r.changes, changes);
    let (_, r) = eculture::api::picture_options(
        serde_json::json!({"changes": [{"id": "6.1", "days": 10, "kind": "start"}], "colorBy": "quarter"}),
    )
    .unwrap();
    assert_eq!(
        r.changes,
        vec![eculture::schedule::DurationChange::start("6.1", 10)]
    );
    let e = eculture::api::picture_options(serde_json::json!({"changes": [["6.1"]]})).unwrap_err();
    let eculture::Error::Argument(a) = e else {
        panic!("{e:?}")
    };
    assert_eq!(a.path(), Some("options.changes[0]"));
    let e = s
        .gantt_svg(
            &sch,
            &RenderOptions {
                changes: eculture::api::changes(serde_json::json!([["6.l", 5]])).unwrap(),
                ..RenderOptions::default()
            },
        )
        .unwrap_err();
    assert!(e.to_string().contains("unknown measure `6.l`"), "{e}");
}

/// Every case of `tests/golden_svg/cases.json` through the options a binding passes
/// (`eculture::api::picture_options`): the Python and node suites draw the same list and compare
/// with the same files.
#[test]
fn golden_cases_as_the_bindings_draw_them() {
    let manifest: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(golden_dir().join("cases.json")).unwrap())
            .unwrap();
    let mut failures = Vec::new();
    let cases = manifest["cases"].as_array().unwrap();
    assert!(cases.len() >= 14);
    for case in cases {
        let file = case["file"].as_str().unwrap();
        let s = Strategy::load(golden_dir().join(case["plan"].as_str().unwrap())).unwrap();
        let (sch, opts) = eculture::api::picture_options(case["options"].clone()).unwrap();
        let text = match case["picture"].as_str().unwrap() {
            "heatmap_svg" => s.heatmap_svg(&sch, &opts),
            "gantt_svg" => s.gantt_svg(&sch, &opts),
            "rollout_svg" => s.rollout_svg(&sch, &opts),
            "dsm_svg" => s.dsm_svg(&opts),
            "to_dot" => s.to_dot(Some(&sch), &opts),
            other => panic!("unknown picture {other}"),
        }
        .unwrap();
        golden(file, &text, &mut failures);
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// WCAG 2.2 (issue 21): a picture is `role="img"` named by `aria-labelledby`, whose ids are
/// its `<title>` and `<desc>` (both present, not empty), and its id prefix is its kind.
fn assert_accessible(svg: &str, kind: &str) {
    let head = &svg[..svg.find('>').unwrap()];
    assert!(
        head.contains(" role=\"img\""),
        "{kind}: no role=img in {head}"
    );
    let want = format!(" aria-labelledby=\"ec-{kind}-title ec-{kind}-desc\"");
    assert!(head.contains(&want), "{kind}: {head} lacks{want}");
    for (tag, id) in [("title", "title"), ("desc", "desc")] {
        let open = format!("<{tag} id=\"ec-{kind}-{id}\">");
        let at = svg
            .find(&open)
            .unwrap_or_else(|| panic!("{kind}: no {open}"));
        let text = &svg[at + open.len()..];
        let text = &text[..text.find(&format!("</{tag}>")).unwrap()];
        assert!(!text.trim().is_empty(), "{kind}: empty <{tag}>");
    }
}

#[test]
fn every_picture_is_an_image_with_a_title_and_a_description() {
    let s = Strategy::e_culture();
    let sched = ScheduleOptions::default();
    let o = RenderOptions::default();
    let status = ScheduleOptions {
        status_date: Some(jiff::civil::date(2025, 12, 31)),
        ..ScheduleOptions::default()
    };
    assert_accessible(&s.heatmap_svg(&sched, &o).unwrap(), "heatmap");
    assert_accessible(&s.gantt_svg(&sched, &o).unwrap(), "gantt");
    assert_accessible(&s.gantt_svg(&status, &o).unwrap(), "gantt");
    assert_accessible(&s.rollout_svg(&sched, &o).unwrap(), "rollout");
    assert_accessible(&s.dsm_svg(&o).unwrap(), "dsm");
    assert_accessible(&s.micmac_svg(&Default::default(), &o).unwrap(), "micmac");
    let big = generated(2_000, 80);
    assert_accessible(&big.heatmap_svg(&sched, &o).unwrap(), "heatmap");
    assert_accessible(&big.gantt_svg(&sched, &o).unwrap(), "gantt");
    // the report holds each kind once: its ids stay unique on the page
    let report = s.report_html(&sched, &o);
    let svgs = svgs_in(&report);
    assert!(svgs.len() >= 3, "the report has its pictures");
    let mut kinds: Vec<&str> = Vec::new();
    for svg in svgs {
        let at = svg.find("aria-labelledby=\"ec-").unwrap() + "aria-labelledby=\"ec-".len();
        let kind = &svg[at..at + svg[at..].find("-title").unwrap()];
        assert_accessible(svg, kind);
        assert!(!kinds.contains(&kind), "{kind} twice in the report");
        kinds.push(kind);
    }
}
