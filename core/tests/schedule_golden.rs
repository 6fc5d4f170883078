//! Golden numbers: the same inputs must give exactly these results on every platform and surface
//! (Rust, Python, WASM). Floating-point results are compared bit for bit.

use eculture::Strategy;
use eculture::schedule::{Calendar, RiskOptions, ScheduleOptions};
use serde_json::json;

/// A small plan with every relation type, a lag, a lead, a start constraint, a deadline and
/// three-point estimates.
pub fn golden_plan() -> Strategy {
    let m = |id: &str, d: i64, deps: serde_json::Value, est: Option<(f64, f64, f64)>| {
        let mut v = json!({"id": id, "direction": "D", "title": {"en": id}, "main_executor": "O",
                           "duration_days": d, "depends_on": deps});
        if let Some((a, b, c)) = est {
            v["estimate"] = json!({"optimistic": a, "most_likely": b, "pessimistic": c});
        }
        v
    };
    let mut measures = vec![
        m("design", 20, json!([]), Some((15.0, 20.0, 40.0))),
        m(
            "procure",
            30,
            json!([{"id": "design", "type": "SS", "lag_days": 5}]),
            Some((20.0, 30.0, 60.0)),
        ),
        m(
            "build",
            60,
            json!(["design", "procure"]),
            Some((45.0, 60.0, 120.0)),
        ),
        m(
            "docs",
            15,
            json!([{"id": "build", "type": "FF", "lag_days": 3}]),
            None,
        ),
        m(
            "train",
            10,
            json!([{"id": "build", "type": "SF", "lag_days": 20}]),
            Some((5.0, 10.0, 20.0)),
        ),
        m(
            "launch",
            0,
            json!(["build", "docs", {"id": "train", "type": "FS", "lag_days": -2}]),
            None,
        ),
    ];
    measures[2]["start"] = json!("2024-02-01");
    measures[5]["deadline"] = json!("2024-05-31");
    let doc = json!({
        "strategy": {"id": "golden", "title": {"az": "g", "en": "g"},
                     "period": {"start": "2024-01-01", "end": "2024-12-31"}},
        "organizations": [{"id": "O", "name": {"en": "O"}, "kind": "ministry"}],
        "directions": [{"id": "D", "title": {"en": "D"}}],
        "measures": measures,
    });
    let s = Strategy::from_json(&doc.to_string()).unwrap();
    assert!(s.is_valid(), "{:?}", s.validate());
    s
}

const CALENDAR_DAYS_CSV: &str = "\
id,duration,early_start,early_finish,late_start,late_finish,total_float,free_float,critical,early_start_date,early_finish_date,late_start_date,late_finish_date
design,20,0,20,0,20,0,0,true,2024-01-01,2024-01-20,2024-01-01,2024-01-20
procure,30,5,35,5,35,0,0,true,2024-01-06,2024-02-04,2024-01-06,2024-02-04
build,60,35,95,35,95,0,0,true,2024-02-05,2024-04-04,2024-02-05,2024-04-04
docs,15,83,98,83,98,0,0,true,2024-03-24,2024-04-07,2024-03-24,2024-04-07
train,10,45,55,88,98,43,43,false,2024-02-15,2024-02-24,2024-03-29,2024-04-07
launch,0,98,98,98,98,0,0,true,2024-04-07,2024-04-07,2024-04-07,2024-04-07
";

const AZ_CALENDAR_CSV: &str = "\
id,duration,early_start,early_finish,late_start,late_finish,total_float,free_float,critical,early_start_date,early_finish_date,late_start_date,late_finish_date
design,20,0,20,0,20,0,0,true,2024-01-03,2024-01-30,2024-01-03,2024-01-30
procure,30,5,35,5,35,0,0,true,2024-01-10,2024-02-20,2024-01-10,2024-02-20
build,60,35,95,35,95,0,0,true,2024-02-21,2024-05-21,2024-02-21,2024-05-21
docs,15,83,98,83,98,0,0,true,2024-05-03,2024-05-24,2024-05-03,2024-05-24
train,10,45,55,88,98,43,43,false,2024-03-06,2024-03-25,2024-05-13,2024-05-24
launch,0,98,98,98,98,0,0,true,2024-05-24,2024-05-24,2024-05-24,2024-05-24
";

#[test]
fn golden_schedules() {
    let s = golden_plan();
    let sch = s.schedule(&ScheduleOptions::default()).unwrap();
    assert_eq!(sch.to_csv().unwrap(), CALENDAR_DAYS_CSV);
    let az = ScheduleOptions::with_calendar(Calendar::azerbaijan_example());
    assert_eq!(s.schedule(&az).unwrap().to_csv().unwrap(), AZ_CALENDAR_CSV);
}

/// Seed 42, 1,000 runs: these bits must come out on x86-64, aarch64 and wasm32 alike.
#[test]
fn golden_risk_bits() {
    let s = golden_plan();
    let r = s
        .risk(
            &ScheduleOptions::default(),
            &RiskOptions {
                runs: 1000,
                seed: 42,
            },
        )
        .unwrap();
    assert_eq!(r.pert.expected_days, 108.833_333_333_333_34);
    assert_eq!(r.pert.sigma_days.to_bits(), 4_624_502_533_546_375_947);
    assert_eq!(r.pert.probability_by_strategy_end, 1.0);
    let mc = &r.monte_carlo;
    assert_eq!(mc.mean_days.to_bits(), 4_638_138_123_958_865_807);
    assert_eq!(mc.std_days.to_bits(), 4_625_859_916_783_445_497);
    assert_eq!(mc.probability_by_strategy_end, 1.0);
    let pct: Vec<(u32, i64, String)> = mc
        .percentiles
        .iter()
        .map(|p| (p.percent, p.days, p.date.to_string()))
        .collect();
    assert_eq!(
        pct,
        [
            (50, 118, "2024-04-27".to_owned()),
            (80, 137, "2024-05-16".to_owned()),
            (95, 155, "2024-06-03".to_owned())
        ]
    );
    assert_eq!(mc.deadlines[0].probability, 0.942);
    assert_eq!(mc.criticality, [0.929, 0.893, 1.0, 1.0, 0.0, 1.0]);
}
