//! Times the phases of loading a large document (throwaway profiling aid).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;
use std::time::Instant;
fn main() {
    let p = std::env::args().nth(1).unwrap();
    let t = Instant::now();
    let bytes = std::fs::read(&p).unwrap();
    let t1 = t.elapsed();
    let doc = eculture::io::parse_bytes(&bytes, eculture::Format::Json, &p).unwrap();
    let t2 = t.elapsed();
    drop(bytes);
    let s = eculture::Strategy::new(doc);
    let n = s.validate().len();
    let t3 = t.elapsed();
    let w = s.waves().map(|w| w.len());
    let t4 = t.elapsed();
    println!("read {t1:?} parse {:?} index {:?} waves {:?} diags {n} waves {w:?}", t2 - t1, t3 - t2, t4 - t3);
    println!("size_of Measure {}", std::mem::size_of::<eculture::model::Measure>());
}
