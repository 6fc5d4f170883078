//! The current-state assessment (issue 20, point 4): cells' level, target, institutions and
//! institutions reached (the latest `as_of`), the institution-weighted coverage, the heatmap
//! coloured by level, gap to target or institutions, and the located errors of the
//! `assessments` table. The plan is `tests/golden_svg/assessed_plan.json`, which the Python
//! and node suites read too.

use eculture::render::{ColorBy, RenderOptions};
use eculture::schedule::ScheduleOptions;
use eculture::{Code, Severity, Strategy};
use serde_json::{Value, json};

fn plan() -> Value {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let text = std::fs::read_to_string(root.join("tests/golden_svg/assessed_plan.json")).unwrap();
    serde_json::from_str(&text).unwrap()
}

fn strategy(v: &Value) -> Strategy {
    Strategy::from_value(v.clone()).unwrap()
}

/// The plan with one more assessment.
fn with(extra: Value) -> Strategy {
    let mut v = plan();
    v["assessments"].as_array_mut().unwrap().push(extra);
    strategy(&v)
}

#[test]
fn cells_carry_the_latest_assessment_and_the_institutions() {
    let m = strategy(&plan()).matrix().unwrap();
    let c = m.cell("lib", "cat").unwrap();
    assert_eq!(
        (
            c.level,
            c.target_level,
            c.institutions,
            c.institutions_reached
        ),
        (Some(2), Some(4), Some(100), Some(60)),
        "the 2024-06-30 assessment wins over the 2023 one"
    );
    assert_eq!(c.as_of.as_deref(), Some("2024-06-30"));
    assert_eq!(c.gap_to_target(), Some(2));
    let t = m.cell("mus", "tix").unwrap();
    assert_eq!(
        (t.level, t.target_level, t.gap_to_target()),
        (Some(0), Some(2), Some(2))
    );
    assert_eq!(t.institutions_reached, None);
    // a target below the level: a warning, the assessment still used, no levels to climb
    let below = m.cell("mus", "cat").unwrap();
    assert_eq!((below.level, below.gap_to_target()), (Some(3), Some(0)));
    // not assessed; a cluster without a count
    let thr = m.cell("thr", "reg").unwrap();
    assert_eq!((thr.level, thr.institutions), (None, None));
}

#[test]
fn coverage_is_weighted_by_institutions() {
    let cov = strategy(&plan()).matrix().unwrap().coverage();
    // applicable: lib×{cat,reg} (100 each), mus×{cat,tix,reg} (20 each), thr×{tix,reg} (no
    // count); covered: lib×cat, lib×reg, mus×tix, thr×tix
    assert_eq!((cov.overall.covered, cov.overall.applicable), (4, 7));
    assert_eq!(
        (
            cov.overall.weighted_covered,
            cov.overall.weighted_applicable
        ),
        (220, 260)
    );
    let w = cov.overall.weighted_share.unwrap();
    assert!((w - 220.0 / 260.0).abs() < 1e-12, "{w}");
    let cat = cov.modules.iter().find(|c| c.id == "cat").unwrap();
    assert_eq!(cat.weighted_share, Some(100.0 / 120.0));
    let thr = cov.clusters.iter().find(|c| c.id == "thr").unwrap();
    assert_eq!((thr.share, thr.weighted_share), (Some(0.5), None));
}

#[test]
fn csv_and_markdown_carry_the_assessment() {
    let m = strategy(&plan()).matrix().unwrap();
    let csv = m.to_csv();
    let mut lines = csv.lines();
    assert_eq!(
        lines.next().unwrap(),
        "cluster,module,state,measures,illustrative,institutions,level,target_level,institutions_reached,as_of,cluster_title,module_title"
    );
    assert!(
        csv.contains("\nlib,cat,covered,m1,,100,2,4,60,2024-06-30,Library,Catalogue\n"),
        "{csv}"
    );
    assert!(
        csv.contains("\nthr,reg,gap,,,,,,,,Theatre,Registry\n"),
        "{csv}"
    );
    // titles in a language, falling back to another, then the id
    let az = m.to_csv_in(eculture::model::Lang::Az);
    assert!(
        az.contains("\nlib,reg,covered,m3,,100,,,,,Kitabxana,Reyestr\n"),
        "{az}"
    );
    assert!(
        az.contains("\nthr,tix,covered,m2,,,,,,,Theatre,Ticketing\n"),
        "{az}"
    );
    let md = m.to_markdown();
    assert!(md.contains("✔1 (2→4)"), "{md}");
    assert!(md.contains("weighted by institutions 84.6%"), "{md}");
}

fn diagnostics(s: &Strategy) -> Vec<(Code, Severity, String)> {
    s.validate()
        .iter()
        .filter(|d| d.path.starts_with("assessments"))
        .map(|d| (d.code, d.severity, d.path.clone()))
        .collect()
}

#[test]
fn a_valid_plan_has_one_warning_for_the_target_below_the_level() {
    assert_eq!(
        diagnostics(&strategy(&plan())),
        [(
            Code::TargetBelowLevel,
            Severity::Warning,
            "assessments[3].target_level".to_owned()
        )]
    );
}

#[test]
fn bad_assessments_are_located_errors_and_left_out() {
    let cases = [
        (
            json!({"cluster": "thr", "module": "reg", "as_of": "2024", "level": 6}),
            Code::LevelOutOfRange,
            "assessments[4].level",
        ),
        (
            json!({"cluster": "thr", "module": "reg", "as_of": "2024", "level": -1}),
            Code::LevelOutOfRange,
            "assessments[4].level",
        ),
        (
            json!({"cluster": "thr", "module": "reg", "as_of": "2024", "level": 1, "target_level": 9}),
            Code::LevelOutOfRange,
            "assessments[4].target_level",
        ),
        (
            json!({"cluster": "mus", "module": "reg", "as_of": "2024", "level": 1, "institutions_reached": 21}),
            Code::ReachedExceedsInstitutions,
            "assessments[4].institutions_reached",
        ),
        (
            json!({"cluster": "lib", "module": "tix", "as_of": "2024", "level": 1}),
            Code::AssessmentNotApplicable,
            "assessments[4].module",
        ),
        (
            json!({"cluster": "lbi", "module": "reg", "as_of": "2024", "level": 1}),
            Code::UnknownReference,
            "assessments[4].cluster",
        ),
        (
            json!({"cluster": "mus", "module": "tix", "as_of": "2024", "level": 1}),
            Code::DuplicateId,
            "assessments[4].as_of",
        ),
    ];
    for (extra, code, path) in cases {
        let s = with(extra.clone());
        let found: Vec<_> = diagnostics(&s)
            .into_iter()
            .filter(|(c, _, _)| *c != Code::TargetBelowLevel)
            .collect();
        assert_eq!(found, [(code, Severity::Error, path.to_owned())], "{extra}");
        // left out: the matrix still answers, with the valid assessments only
        let m = s.matrix().unwrap();
        assert_eq!(m.cell("lib", "cat").unwrap().level, Some(2));
        let cell = m.cell(
            extra["cluster"].as_str().unwrap(),
            extra["module"].as_str().unwrap(),
        );
        if let Some(cell) = cell.filter(|_| code != Code::DuplicateId) {
            assert_eq!(cell.level, None, "{extra}");
        }
    }
    let typo = with(json!({"cluster": "lbi", "module": "reg", "as_of": "2024", "level": 1}));
    let d = typo
        .validate()
        .iter()
        .find(|d| d.path == "assessments[4].cluster")
        .unwrap();
    assert_eq!(d.suggestion.as_deref(), Some("lib"), "{d}");
}

#[test]
fn an_exceeded_count_names_both_numbers() {
    let s = with(
        json!({"cluster": "mus", "module": "reg", "as_of": "2024", "level": 1,
                        "institutions_reached": 21}),
    );
    let d = s
        .validate()
        .iter()
        .find(|d| d.code == Code::ReachedExceedsInstitutions)
        .unwrap();
    assert_eq!(
        d.message,
        "21 institutions reached, but cluster `mus` has 20"
    );
}

fn heatmap(by: ColorBy) -> String {
    let opts = RenderOptions {
        color_by: by,
        ..RenderOptions::default()
    };
    strategy(&plan())
        .heatmap_svg(&ScheduleOptions::default(), &opts)
        .unwrap()
}

/// The fill of the cell `cluster|module`.
fn fill_of(svg: &str, cell: &str) -> String {
    let at = svg.find(&format!("data-cell=\"{cell}\"")).unwrap();
    let rect = &svg[svg[..at].rfind("<rect").unwrap()..at];
    let f = &rect[rect.find("fill=\"").unwrap() + 6..];
    f[..f.find('"').unwrap()].to_owned()
}

#[test]
fn the_heatmap_colours_by_level_gap_or_institutions() {
    let state = heatmap(ColorBy::State);
    let level = heatmap(ColorBy::Level);
    let gap = heatmap(ColorBy::GapToTarget);
    let inst = heatmap(ColorBy::Institutions);
    assert_ne!(level, state);
    assert_ne!(gap, level);
    assert_ne!(inst, level);
    // by level: 2 of 5 and 0 of 5 on the blue ramp; the gap cell mus×tix no longer hatched
    assert_eq!(
        fill_of(&level, "lib|cat"),
        eculture::render::palette::ramp(0.4)
    );
    assert_eq!(
        fill_of(&level, "mus|tix"),
        eculture::render::palette::ramp(0.0)
    );
    assert!(level.contains("data-cell=\"lib|cat\" data-state=\"covered\" data-level=\"2\""));
    assert!(level.contains(">2→4<"), "the label shows current → target");
    assert!(level.contains("3 (defined)"), "the legend names the levels");
    // by gap to target: 2 levels to go on lib×cat, none on mus×cat (target below)
    assert_eq!(
        fill_of(&gap, "lib|cat"),
        eculture::render::palette::warm(0.4)
    );
    assert_eq!(
        fill_of(&gap, "mus|cat"),
        eculture::render::palette::warm(0.0)
    );
    // not assessed: white, dashed
    assert_eq!(fill_of(&gap, "thr|reg"), "#ffffff");
    // by institutions: 100 is the top of the scale; theatres have no count
    assert_eq!(
        fill_of(&inst, "lib|reg"),
        eculture::render::palette::ramp(1.0)
    );
    assert_eq!(fill_of(&inst, "thr|tix"), "#ffffff");
    assert!(inst.contains(">60%<"), "lib×cat: 60 of 100 reached");
    // accessible and deterministic
    for svg in [&level, &gap, &inst] {
        assert!(svg.contains("<title id=\"ec-heatmap-title\">"));
        assert!(svg.contains("<desc id=\"ec-heatmap-desc\">"));
    }
    assert_eq!(heatmap(ColorBy::Level), level);
}

#[test]
fn color_by_parses_from_plain_options() {
    for (s, want) in [
        ("level", ColorBy::Level),
        ("gap_to_target", ColorBy::GapToTarget),
        ("institutions", ColorBy::Institutions),
    ] {
        let (_, o) = eculture::api::picture_options(json!({"color_by": s})).unwrap();
        assert_eq!(o.color_by, want);
    }
    let e = eculture::api::picture_options(json!({"color_by": "maturity"})).unwrap_err();
    assert!(e.to_string().contains("maturity"), "{e}");
}

#[test]
fn the_default_plan_still_validates_with_institution_weights() {
    let s = Strategy::e_culture();
    let cov = s.matrix().unwrap().coverage();
    assert!(cov.overall.weighted_share.is_some());
    let lib = s.matrix().unwrap();
    assert_eq!(lib.cell("library", "ils").unwrap().institutions, Some(2913));
}

#[test]
fn the_rollout_shows_current_to_target() {
    let s = strategy(&plan());
    let r = s.rollout(&ScheduleOptions::default()).unwrap();
    let c = r
        .cells
        .iter()
        .find(|c| c.cluster == "lib" && c.module == "cat")
        .unwrap();
    assert_eq!((c.level, c.target_level), (Some(2), Some(4)));
    let svg = s
        .rollout_svg(&ScheduleOptions::default(), &RenderOptions::default())
        .unwrap();
    // libraries: one assessed cell 2→4; museums: 3→2 and 0→2, mean 1.5→2.0
    assert!(svg.contains(">2.0→4.0 (1)<"), "{svg}");
    assert!(svg.contains(">1.5→2.0 (2)<"), "{svg}");
    assert!(svg.contains("cat: 2→4 (delivered "), "{svg}");
    // a plan without assessments keeps its picture
    let plain = Strategy::e_culture()
        .rollout_svg(&ScheduleOptions::default(), &RenderOptions::default())
        .unwrap();
    assert!(!plain.contains("mean level"));
}

#[test]
fn the_report_shows_current_to_target_per_cell() {
    let s = strategy(&plan());
    let html = s.report_html(&ScheduleOptions::default(), &RenderOptions::default());
    assert!(html.contains("<h3>Current → target level</h3>"), "{html}");
    assert!(
        html.contains("4/7 (57.1%); weighted by institutions 84.6%"),
        "{html}"
    );
    assert!(
        html.contains(
            "<tr><td>Library <code>lib</code></td><td>Catalogue <code>cat</code></td><td>2 developing</td><td>4 managed</td><td class=\"num\">60 / 100</td><td class=\"date\">2024-06-30</td>"
        ),
        "{html}"
    );
    let plain =
        Strategy::e_culture().report_html(&ScheduleOptions::default(), &RenderOptions::default());
    assert!(!plain.contains("Current → target level"));
}

#[test]
fn the_reports_waves_name_their_measures() {
    let html =
        strategy(&plan()).report_html(&ScheduleOptions::default(), &RenderOptions::default());
    assert!(
        html.contains("<span><code>m1</code> Library catalogue</span>"),
        "{html}"
    );
}

#[test]
fn the_schedule_csv_names_measures_directions_and_executors() {
    let s = strategy(&plan());
    let sch = s.schedule(&ScheduleOptions::default()).unwrap();
    let named = sch.to_csv_named(&s, eculture::model::Lang::Az).unwrap();
    let head = named.lines().next().unwrap();
    assert!(head.starts_with("id,duration,"));
    assert!(head.ends_with(
        ",illustrative,title,direction,direction_title,main_executor,main_executor_name"
    ));
    let m1 = named.lines().find(|l| l.starts_with("m1,")).unwrap();
    assert!(m1.ends_with(",Library catalogue,D1,Reyestrlər,a,A"), "{m1}");
    // formula-like names are neutralised
    let mut v = plan();
    v["measures"][0]["title"] = json!({"en": "=HYPERLINK(\"x\")"});
    let s = strategy(&v);
    let csv = s
        .schedule(&ScheduleOptions::default())
        .unwrap()
        .to_csv_named(&s, eculture::model::Lang::En)
        .unwrap();
    assert!(csv.contains(",\"'=HYPERLINK(\"\"x\"\")\",D1,"), "{csv}");
}

#[test]
fn assessments_survive_a_workbook_round_trip() {
    let s = strategy(&plan());
    let back = Strategy::from_xlsx(&s.to_xlsx().unwrap(), None, None).unwrap();
    assert_eq!(back.document().assessments, s.document().assessments);
    assert_eq!(back.document().clusters, s.document().clusters);
}

#[test]
fn an_illustrative_assessment_marks_its_cell_and_is_listed() {
    let s = with(
        json!({"cluster": "thr", "module": "reg", "as_of": "2024", "level": 1,
                        "illustrative": true, "note": "invented for the test"}),
    );
    let m = s.matrix().unwrap();
    assert!(m.cell("thr", "reg").unwrap().illustrative);
    assert!(!m.cell("lib", "cat").unwrap().illustrative);
    let p = s.provenance();
    assert!(
        p.illustrative
            .iter()
            .any(|x| x.kind == "assessment" && x.path == "assessments[4]"),
        "{:?}",
        p.illustrative
    );
    // an unknown field name in its `illustrative` list is a located error
    let bad = with(
        json!({"cluster": "thr", "module": "reg", "as_of": "2024", "level": 1,
                          "illustrative": ["levle"]}),
    );
    assert!(
        bad.validate()
            .iter()
            .any(|d| d.code == Code::UnknownIllustrativeField
                && d.path == "assessments[4].illustrative[0]")
    );
}
