//! Monitoring at country scale: a plan of 1k..1M measures (the shape of the graph benches)
//! with one report entry per measure, in one report per main executor. Measured after load
//! (parse, validation and the index with its resolved reports are built once, outside the
//! timings): execution rate by direction, overall and by main executor, and the states as of
//! a date.
//!
//! ```text
//! cargo bench -p eculture --bench monitoring -- --warm-up-time 1 --measurement-time 3
//! ECULTURE_BENCH_SIZES=1000,1000000 cargo bench -p eculture --bench monitoring
//! ```

use std::hint::black_box;
use std::time::Instant;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use eculture::Strategy;
use eculture::model::{
    Direction, Executors, Organization, OrganizationKind, Report, ReportEntry, Status, Text,
};
use eculture::monitoring::{ExecutionRateOptions, GroupBy};

#[path = "plans/mod.rs"]
mod plans;
use plans::{plan_json, sizes};

/// The plan with one report per main executor, one entry per measure.
fn with_reports(n: usize) -> Strategy {
    let s = Strategy::from_json(&plan_json(n, 1, false)).unwrap();
    let mut doc = s.into_document();
    // ten directions and twenty executors, so that the groupings have groups
    doc.directions = (0..10)
        .map(|k| Direction {
            id: format!("D{k}").into(),
            number: Some(k + 1),
            title: Text::english(format!("direction {k}")),
            goals: vec![],
            source: None,
            note: None,
            illustrative: eculture::model::Illustrative::all(),
        })
        .collect();
    doc.organizations = (0..20)
        .map(|k| Organization {
            id: format!("O{k}").into(),
            name: Text::english(format!("executor {k}")),
            kind: OrganizationKind::Subordinate,
            source: None,
            note: None,
            illustrative: eculture::model::Illustrative::all(),
        })
        .collect();
    let end = doc.strategy.period.end;
    for (i, m) in doc.measures.iter_mut().enumerate() {
        m.direction = format!("D{}", i % 10).into();
        m.main_executor = Executors::one(format!("O{}", i % 20));
        // every measure due by the end of the period, so that the scope `due` holds them all
        m.deadline = Some(end);
    }
    let mut by_org: Vec<Vec<ReportEntry>> = vec![Vec::new(); doc.organizations.len()];
    for (i, m) in doc.measures.iter().enumerate() {
        let Some(o) = m
            .main_executor
            .single()
            .and_then(|o| doc.organizations.iter().position(|x| x.id == o))
        else {
            continue;
        };
        let status = match i % 4 {
            0 | 1 => Status::Executed,
            2 => Status::PartiallyExecuted,
            _ => Status::NotExecuted,
        };
        by_org[o].push(ReportEntry {
            measure: m.id.clone(),
            status,
            percent_complete: None,
            actual_start: None,
            actual_finish: (status == Status::Executed).then_some(end),
            remaining_days: None,
            note: None,
            evidence: vec![],
        });
    }
    doc.reports = by_org
        .into_iter()
        .enumerate()
        .filter(|(_, e)| !e.is_empty())
        .map(|(k, entries)| Report {
            id: format!("r{k}").into(),
            by: doc.organizations[k].id.clone(),
            period: end,
            as_of: Some(end),
            submitted: end,
            evidence: vec![],
            entries,
            indicators: vec![],
            note: None,
            source: None,
            illustrative: eculture::model::Illustrative::all(),
        })
        .collect();
    Strategy::new(doc)
}

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("monitoring");
    group.sample_size(10);
    for n in sizes() {
        let s = with_reports(n);
        let t = Instant::now();
        let errors = s
            .validate()
            .iter()
            .filter(|d| d.severity == eculture::Severity::Error)
            .count();
        eprintln!(
            "{n} measures: index with reports resolved in {:?} ({errors} errors)",
            t.elapsed()
        );
        let as_of = s.document().strategy.period.end.last_day();
        for (name, by) in [
            ("rate_by_direction", GroupBy::Direction),
            ("rate_overall", GroupBy::Overall),
            ("rate_by_main_executor", GroupBy::MainExecutor),
        ] {
            let opts = ExecutionRateOptions {
                as_of: Some(as_of),
                by,
                ..Default::default()
            };
            let r = s.execution_rate(&opts).unwrap();
            assert!(r.records.iter().map(|x| x.denominator).sum::<f64>() > 0.0);
            group.bench_with_input(BenchmarkId::new(name, n), &n, |b, _| {
                b.iter(|| black_box(s.execution_rate(&opts).unwrap()))
            });
        }
        group.bench_with_input(BenchmarkId::new("status_column_as_of", n), &n, |b, _| {
            b.iter(|| black_box(s.status_column_as_of(as_of)))
        });
        group.bench_with_input(BenchmarkId::new("states_as_of", n), &n, |b, _| {
            b.iter(|| black_box(s.states_as_of(as_of)))
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
