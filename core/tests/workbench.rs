//! `Strategy::workbench` (what the page's worker shows of a large plan, issue 21) gives the same
//! values as the operations of the same names, lists cut to the rows the page shows; on a
//! cyclic plan the parts that need an acyclic plan carry the error those operations return.

use std::path::{Path, PathBuf};

use eculture::api::{ErrorInfo, Part, WORKBENCH_PATHS, WORKBENCH_ROWS, WORKBENCH_WAVES};
use eculture::model::Lang;
use eculture::render::{ColorBy, RenderOptions};
use eculture::schedule::ScheduleOptions;
use eculture::validate::Severity;
use eculture::{Calendar, Strategy};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn ok<T>(p: &Part<T>) -> &T {
    match p {
        Part::Ok(v) => v,
        Part::Error(e) => panic!("part not computed: {}", e.message),
    }
}

fn err<T>(p: &Part<T>) -> &ErrorInfo {
    match p {
        Part::Ok(_) => panic!("part computed on a cyclic plan"),
        Part::Error(e) => e,
    }
}

#[test]
fn the_same_values_as_the_operations() {
    let s = Strategy::e_culture();
    let sched = ScheduleOptions {
        calendar: Some(Calendar::azerbaijan_example()),
        ..ScheduleOptions::default()
    };
    let render = RenderOptions {
        lang: Lang::Az,
        color_by: ColorBy::Quarter,
        ..RenderOptions::default()
    };
    let w = s.workbench(&sched, &render);
    assert_eq!(w.measures, s.measure_count());
    // diagnostics: errors first, then warnings, each in the documented order
    let all = s.validate();
    assert_eq!(w.diagnostics.total, all.len());
    let errors = all.iter().filter(|d| d.severity == Severity::Error);
    let expected: Vec<_> = errors
        .chain(all.iter().filter(|d| d.severity != Severity::Error))
        .take(WORKBENCH_ROWS)
        .cloned()
        .collect();
    assert_eq!(w.diagnostics.first, expected);
    assert_eq!(
        w.diagnostics.errors,
        all.iter().filter(|d| d.severity == Severity::Error).count()
    );
    // the matrix and the gaps
    let m = s.matrix().unwrap();
    let mw = ok(&w.matrix);
    assert_eq!(
        (mw.clusters, mw.modules),
        (m.clusters.len(), m.modules.len())
    );
    assert_eq!(mw.overall, m.coverage().overall);
    let gaps = s.gaps().unwrap();
    let gw = ok(&w.gaps);
    assert_eq!(gw.total, gaps.len());
    assert_eq!(gw.first.len(), gaps.len().min(WORKBENCH_ROWS));
    for (row, gap) in gw.first.iter().zip(&gaps) {
        assert_eq!((&row.cluster, &row.module), (&gap.cluster, &gap.module));
        let words: Vec<String> = gap.reasons.iter().map(ToString::to_string).collect();
        assert_eq!(row.reasons, words);
    }
    // the waves
    let waves = s.waves().unwrap();
    let ww = ok(&w.waves);
    assert_eq!(ww.total, waves.len());
    for (row, wave) in ww.first.iter().zip(&waves) {
        assert_eq!(row.size, wave.len());
        assert_eq!(row.ids[..], wave[..wave.len().min(WORKBENCH_WAVES.1)]);
    }
    // the schedule
    let sc = s.schedule(&sched).unwrap();
    let sw = ok(&w.schedule);
    assert_eq!(sw.finish_date, sc.finish_date().unwrap().to_string());
    assert_eq!(sw.duration_days, sc.duration_days());
    assert_eq!(sw.project_start, sc.project_start.to_string());
    assert_eq!(sw.critical, sc.critical_ids().len());
    assert_eq!(sw.near_critical, sc.near_critical().len());
    let paths: Vec<Vec<String>> = sc
        .critical_paths()
        .iter()
        .take(WORKBENCH_PATHS.0)
        .map(|p| {
            p.iter()
                .take(WORKBENCH_PATHS.1)
                .map(|x| x.to_string())
                .collect()
        })
        .collect();
    assert_eq!(sw.paths, paths);
    assert_eq!(sw.late.total, sc.infeasible_deadlines().len());
    // the pictures, byte for byte
    assert_eq!(ok(&w.heatmap), &s.heatmap_svg(&sched, &render).unwrap());
    assert_eq!(ok(&w.gantt), &s.gantt_svg(&sched, &render).unwrap());
}

#[test]
fn a_cyclic_plan_keeps_what_it_can() {
    let s = Strategy::load(root().join("tests/golden/cycle/input.json")).unwrap();
    let (sched, render) = (ScheduleOptions::default(), RenderOptions::default());
    let w = s.workbench(&sched, &render);
    let cycle = s.waves().unwrap_err();
    assert_eq!(err(&w.waves).code, cycle.code());
    assert_eq!(err(&w.waves).message, cycle.to_string());
    assert_eq!(
        err(&w.schedule).code,
        s.schedule(&sched).unwrap_err().code()
    );
    assert_eq!(
        err(&w.gantt).code,
        s.gantt_svg(&sched, &render).unwrap_err().code()
    );
    assert!(
        err(&w.waves)
            .diagnostics
            .as_ref()
            .is_none_or(|d| d.len() <= 5)
    );
    // the matrix needs no acyclic plan
    assert_eq!(ok(&w.heatmap), &s.heatmap_svg(&sched, &render).unwrap());
    assert_eq!(w.diagnostics.total, s.validate().len());
}

/// A plan whose cells have more measures than the heatmap names (12): the workbench's matrix
/// lists only those, and the picture is the same byte for byte.
#[test]
fn crowded_cells_draw_the_same_heatmap() {
    let measures: Vec<String> = (0..40)
        .map(|i| {
            format!(
                r#"{{"id":"m{i}","direction":"D1","title":{{"en":"Measure {i}"}},"main_executor":"O1","duration_days":5,"targets":[{{"module":"M{}","clusters":["C1"]}}]}}"#,
                1 + i % 2
            )
        })
        .collect();
    let json = format!(
        r#"{{"strategy":{{"id":"crowd","title":{{"en":"Crowd"}},"period":{{"start":"2025-01-01","end":"2027-12-31"}}}},"organizations":[{{"id":"O1","name":{{"en":"Executor"}},"kind":"state_body"}}],"directions":[{{"id":"D1","title":{{"en":"Direction"}}}}],"clusters":[{{"id":"C1","title":{{"en":"Cluster 1"}}}},{{"id":"C2","title":{{"en":"Cluster 2"}}}}],"modules":[{{"id":"M1","title":{{"en":"Module 1"}},"applies_to":{{"all":true}}}},{{"id":"M2","title":{{"en":"Module 2"}},"applies_to":{{"all":true}}}}],"measures":[{}]}}"#,
        measures.join(",")
    );
    let s = Strategy::from_json(&json).unwrap();
    assert!(s.matrix().unwrap().cells[0].measures.len() > 12);
    let sched = ScheduleOptions::default();
    for color_by in [ColorBy::State, ColorBy::Coverage, ColorBy::Quarter] {
        let render = RenderOptions {
            color_by,
            ..RenderOptions::default()
        };
        let w = s.workbench(&sched, &render);
        assert_eq!(ok(&w.heatmap), &s.heatmap_svg(&sched, &render).unwrap());
        assert_eq!(
            ok(&w.matrix).overall,
            s.matrix().unwrap().coverage().overall
        );
    }
}
