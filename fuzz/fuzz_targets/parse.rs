//! Every entry point a user's bytes reach: parse them as JSON, YAML or TOML (the first byte
//! chooses), then validate and run every operation on whatever parsed. Nothing may panic, hang
//! or allocate without bound; errors are fine.
#![no_main]

use eculture::schedule::{DurationChange, RiskOptions, ScheduleOptions};
use eculture::{Format, Strategy};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&first, rest)) = data.split_first() else {
        return;
    };
    let format = match first % 3 {
        0 => Format::Json,
        1 => Format::Yaml,
        _ => Format::Toml,
    };
    let Ok(text) = std::str::from_utf8(rest) else {
        let _ = eculture::io::parse_bytes(rest, format, "<fuzz>");
        return;
    };
    let Ok(s) = Strategy::parse(text, format) else {
        return;
    };
    let _ = s.validate();
    let o = ScheduleOptions {
        calendar: (first & 4 != 0).then(|| eculture::Calendar::builtin("weekdays")).flatten(),
        ..ScheduleOptions::default()
    };
    let first_id = s.document().measures.first().map(|m| m.id.to_string());
    let _ = s.matrix().map(|m| (m.to_markdown(), m.to_csv()));
    let _ = s.gaps();
    let _ = s.waves();
    let _ = s.find_cycle();
    let _ = s.dependencies();
    if let Some(id) = &first_id {
        let _ = s.impact(&[id.as_str()]);
        let _ = s.what_if(&o, &[DurationChange::duration(id.clone(), 7)]);
    }
    let _ = s.schedule(&o).map(|x| (x.to_csv(), x.to_json(), x.to_mermaid()));
    let _ = s.rollout(&o);
    let _ = s.dsm();
    let _ = s.redundant_dependencies();
    let _ = s.risk(&o, &RiskOptions { runs: 3, seed: 1 });
    let _ = s.heatmap_svg(&o, &Default::default());
    let _ = s.gantt_svg(&o, &Default::default());
    let _ = s.execution_rate(&Default::default());
    let _ = s.achievement(&Default::default());
    let _ = s.triage(&Default::default());
    let _ = s.monitoring_report(&Default::default()).map(|r| r.to_html());
    for f in [Format::Json, Format::Yaml, Format::Toml] {
        let _ = s.to_string(f);
    }
});
