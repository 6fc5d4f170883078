//! Every operation of a [`Strategy`], each result (or typed refusal) written out with `Debug`:
//! what `core/tests/threads.rs` and the `plan` fuzz target compare between thread counts.
//! Shared by path (`#[path = …] mod every_operation;`), so that both run the same list.

use eculture::schedule::{DurationChange, RiskOptions, ScheduleOptions};
use eculture::{RenderOptions, Strategy};

/// `(operation, its result with Debug)` for every operation, in a fixed order.
pub fn outputs(s: &Strategy) -> Vec<(&'static str, String)> {
    let o = ScheduleOptions::default();
    let r = RenderOptions::default();
    let doc = s.document();
    let first: Vec<String> = doc
        .measures
        .iter()
        .take(1)
        .map(|m| m.id.to_string())
        .collect();
    let last: Vec<String> = doc
        .measures
        .iter()
        .last()
        .map(|m| m.id.to_string())
        .into_iter()
        .collect();
    let mut out: Vec<(&'static str, String)> = Vec::new();
    let mut put = |name: &'static str, v: String| out.push((name, v));
    put("validate", format!("{:?}", s.validate()));
    put(
        "matrix",
        format!(
            "{:?}",
            s.matrix()
                .map(|m| (m.coverage(), m.to_markdown(), m.to_csv(), m))
        ),
    );
    put("gaps", format!("{:?}", s.gaps()));
    put("waves", format!("{:?}", s.waves()));
    put("order", format!("{:?}", s.topological_order()));
    put("cycle", format!("{:?}", s.find_cycle()));
    put("cyclic_blocks", format!("{:?}", s.cyclic_blocks()));
    put("dependencies", format!("{:?}", s.dependencies()));
    put("impact", format!("{:?}", s.impact(&first)));
    put("ancestors", format!("{:?}", s.ancestors(&last)));
    put("wave_index", format!("{:?}", s.wave_index()));
    put("order_indices", format!("{:?}", s.order_indices()));
    put(
        "descendant_counts",
        format!("{:?}", s.descendant_counts(&first)),
    );
    put("rollup", format!("{:?}", s.rollup()));
    put(
        "schedule",
        format!(
            "{:?}",
            s.schedule(&o)
                .map(|x| (x.to_csv(), x.to_json(), x.to_mermaid(), x.report(), x))
        ),
    );
    if let Some(id) = first.first() {
        put(
            "what_if",
            format!(
                "{:?}",
                s.what_if(&o, &[DurationChange::duration(id.clone(), 7)])
            ),
        );
    }
    put("rollout", format!("{:?}", s.rollout(&o)));
    put("dsm", format!("{:?}", s.dsm()));
    put("redundant", format!("{:?}", s.redundant_dependencies()));
    put(
        "risk",
        format!("{:?}", s.risk(&o, &RiskOptions { runs: 20, seed: 7 })),
    );
    put("heatmap_svg", format!("{:?}", s.heatmap_svg(&o, &r)));
    put("gantt_svg", format!("{:?}", s.gantt_svg(&o, &r)));
    put("rollout_svg", format!("{:?}", s.rollout_svg(&o, &r)));
    put("dsm_svg", format!("{:?}", s.dsm_svg(&r)));
    put("dot", format!("{:?}", s.to_dot(Some(&o), &r)));
    put("report_html", s.report_html(&o, &r));
    put(
        "execution_rate",
        format!("{:?}", s.execution_rate(&Default::default())),
    );
    put(
        "achievement",
        format!("{:?}", s.achievement(&Default::default())),
    );
    put(
        "results_rating",
        format!("{:?}", s.results_rating(&Default::default())),
    );
    put("triage", format!("{:?}", s.triage(&Default::default())));
    put(
        "reporting_calendar",
        format!("{:?}", s.reporting_calendar(&Default::default())),
    );
    put(
        "monitoring_report",
        format!(
            "{:?}",
            s.monitoring_report(&Default::default())
                .map(|x| (x.to_markdown(), x.to_html()))
        ),
    );
    put(
        "diff",
        format!(
            "{:?}",
            s.diff(&Strategy::e_culture(), &Default::default())
                .map(|d| (d.to_markdown(), d.to_svg(), d))
        ),
    );
    out
}
