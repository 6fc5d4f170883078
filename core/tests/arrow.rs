//! The Arrow record batches (feature `arrow`): the schedule's typed fast path gives the same
//! batch as the generic conversion of its records, for a plain schedule, a forecast and a
//! comparison with a baseline; titles and directions sit after the id.
#![cfg(feature = "arrow")]

use arrow_array::cast::AsArray;
use arrow_array::types::Date32Type;
use eculture::Strategy;
use eculture::arrow::records_batch;
use eculture::schedule::{Calendar, ScheduleOptions};
use jiff::civil::date;

fn same_as_generic(s: &Strategy, opts: &ScheduleOptions) -> arrow_array::RecordBatch {
    let sched = s.schedule(opts).unwrap();
    let fast = sched.to_arrow(None).unwrap();
    let generic = records_batch(&sched.records().unwrap()).unwrap();
    // The same columns with the same types and values; the fast path keeps the record's field
    // order, the generic one the order fields first appear in (a forecast's first rows may
    // lack an actual start).
    let names = |b: &arrow_array::RecordBatch| {
        let mut v: Vec<String> = b
            .schema()
            .fields()
            .iter()
            .map(|f| f.name().clone())
            .collect();
        v.sort();
        v
    };
    assert_eq!(names(&fast), names(&generic));
    for f in generic.schema().fields() {
        let (a, b) = (
            fast.column_by_name(f.name()).unwrap(),
            generic.column_by_name(f.name()).unwrap(),
        );
        assert_eq!(a.as_ref(), b.as_ref(), "{}", f.name());
    }
    assert_eq!(fast.num_rows(), generic.num_rows());
    sched.to_arrow(Some(s)).unwrap()
}

#[test]
fn the_schedule_batch_equals_the_generic_one_and_names_each_measure() {
    let s = Strategy::e_culture();
    let plain = ScheduleOptions {
        calendar: Some(Calendar::azerbaijan_example()),
        ..Default::default()
    };
    let titled = same_as_generic(&s, &plain);
    let names: Vec<String> = titled
        .schema()
        .fields()
        .iter()
        .map(|f| f.name().clone())
        .collect();
    assert_eq!(names[..4], ["id", "title", "direction", "duration"]);
    assert!(
        !names.iter().any(|n| n == "actual_start_date"),
        "no forecast column: {names:?}"
    );
    let first = &s.document().measures[0];
    assert_eq!(
        titled.column(1).as_string::<i32>().value(0),
        first.title.best()
    );
    assert_eq!(
        titled.column(2).as_string::<i32>().value(0),
        first.direction.as_str()
    );
    let records = s.schedule(&plain).unwrap().records().unwrap();
    let start = titled
        .column_by_name("early_start_date")
        .unwrap()
        .as_primitive::<Date32Type>();
    let epoch = date(1970, 1, 1);
    for (i, r) in records.iter().enumerate() {
        let days = (r.early_start_date - epoch).get_days();
        assert_eq!(i64::from(start.value(i)), i64::from(days), "{}", r.id);
    }
}

#[test]
fn forecast_and_baseline_columns_match_the_generic_batch() {
    let s = Strategy::e_culture();
    let forecast = ScheduleOptions {
        status_date: Some(date(2025, 6, 30)),
        ..Default::default()
    };
    let batch = same_as_generic(&s, &forecast);
    assert!(batch.column_by_name("actual_finish_date").is_some());
    let based = s
        .with_baseline("b0", None, &ScheduleOptions::default())
        .unwrap();
    let compared = ScheduleOptions {
        baseline: Some("b0".into()),
        ..Default::default()
    };
    let batch = same_as_generic(&based, &compared);
    assert!(batch.column_by_name("finish_variance_days").is_some());
}
