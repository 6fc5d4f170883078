//! Profiling aid: times the phases of loading a large document.
//! `cargo run --release -p eculture-examples --bin phases -- plan.json`
use std::time::Instant;
fn main() {
    let Some(p) = std::env::args().nth(1) else {
        eprintln!("usage: phases FILE.json");
        return;
    };
    let t = Instant::now();
    let Ok(bytes) = std::fs::read(&p) else { return };
    let t1 = t.elapsed();
    let _: serde::de::IgnoredAny = serde_json::from_slice(&bytes).unwrap_or(serde::de::IgnoredAny);
    let t_ignored = t.elapsed() - t1;
    let t1 = t.elapsed();
    let doc = match eculture::io::parse_bytes(&bytes, eculture::Format::Json, &p) {
        Ok(d) => d,
        Err(e) => return eprintln!("{e}"),
    };
    let t2 = t.elapsed();
    drop(bytes);
    let s = eculture::Strategy::new(doc);
    let n = s.validate().len();
    let t3 = t.elapsed();
    let w = s.wave_index().map(|w| w.len());
    let t4 = t.elapsed();
    println!(
        "read {t1:?} parse-only {t_ignored:?} parse {:?} index {:?} wave_index {:?} diagnostics {n} {w:?}",
        t2 - t1,
        t3 - t2,
        t4 - t3
    );
}
