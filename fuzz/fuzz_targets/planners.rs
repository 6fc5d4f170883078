//! Bytes into the project-file readers (`Strategy::from_mspdi`, `from_xer`): never a panic,
//! and a plan that comes out and schedules writes MSPDI and XER that read back with the same
//! number of measures and the same relations (types and lags). Ids travel as each format can
//! carry them (docs/planners.md: characters XML 1.0 forbids are dropped, tabs and line breaks
//! become spaces, surrounding spaces are trimmed), so relations are compared by type and lag.
#![no_main]

use eculture::{ScheduleOptions, Strategy};
use libfuzzer_sys::fuzz_target;

fn relations(s: &Strategy) -> Option<Vec<(String, i32)>> {
    let mut v: Vec<_> = s
        .dependencies()
        .ok()?
        .into_iter()
        .map(|e| (e.relation, e.lag_days))
        .collect();
    v.sort();
    Some(v)
}

fuzz_target!(|data: &[u8]| {
    for s in [Strategy::from_mspdi(data), Strategy::from_xer(data)]
        .into_iter()
        .flatten()
    {
        let _ = s.validate();
        let opts = ScheduleOptions::default();
        if let (Ok(x), Ok(e)) = (s.to_mspdi(&opts), s.to_xer(&opts)) {
            for back in [Strategy::from_mspdi(x.as_bytes()), Strategy::from_xer(e.as_bytes())] {
                let back = back.expect("its own file reads");
                assert_eq!(back.document().measures.len(), s.document().measures.len());
                if let (Some(a), Some(b)) = (relations(&back), relations(&s)) {
                    assert_eq!(a, b);
                }
            }
        }
    }
});
