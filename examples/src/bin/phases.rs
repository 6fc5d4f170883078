//! Profiling aid: times the phases of loading a large document.
//! `cargo run --release -p eculture-examples --bin phases -- plan.json [--load]`
//! (`--load`: time `io::load` from the path, which streams large JSON files, and print its
//! peak memory; `--redundant`: time `Strategy::redundancy` and the hand-over-sized result).
use std::time::Instant;
fn main() {
    let Some(p) = std::env::args().nth(1) else {
        eprintln!("usage: phases FILE.json [--load]");
        return;
    };
    if std::env::args().nth(2).as_deref() == Some("--redundant") {
        let Ok(s) = eculture::Strategy::load(&p) else {
            return eprintln!("cannot load {p}");
        };
        let _ = s.validate();
        let t = Instant::now();
        let r = s.redundancy();
        println!(
            "redundancy {:?}: {} entries",
            t.elapsed(),
            r.map_or(0, |r| r.dependencies.len())
        );
        return;
    }
    if std::env::args().nth(2).as_deref() == Some("--load") {
        let t = Instant::now();
        let doc = eculture::io::load(&p);
        let t1 = t.elapsed();
        println!(
            "io::load {t1:?}: {} measures, rss {} MB, peak {} MB",
            doc.as_ref().map_or(0, |d| d.measures.len()),
            rss("VmRSS"),
            rss("VmHWM")
        );
        if let Err(e) = doc {
            eprintln!("{e}");
        }
        return;
    }
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
    println!("rss after parse: {} MB", rss("VmRSS"));
    drop(bytes);
    println!("rss after drop bytes: {} MB", rss("VmRSS"));
    let s = eculture::Strategy::new(doc);
    let n = s.validate().len();
    let t3 = t.elapsed();
    let w = s.wave_index().map(|w| w.len());
    let t4 = t.elapsed();
    println!(
        "rss after load: {} MB, peak {} MB",
        rss("VmRSS"),
        rss("VmHWM")
    );
    println!(
        "read {t1:?} parse-only {t_ignored:?} parse {:?} index {:?} wave_index {:?} diagnostics {n} {w:?}",
        t2 - t1,
        t3 - t2,
        t4 - t3
    );
}

/// A line of /proc/self/status, in MB (0 where there is none).
fn rss(key: &str) -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with(key))
                .and_then(|l| l.split_whitespace().nth(1)?.parse::<u64>().ok())
        })
        .map_or(0, |kb| kb / 1024)
}
