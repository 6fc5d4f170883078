//! A counting global allocator, for eculture's bounded-work test
//! (`core/tests/bounded_work.rs`): bytes live now, the peak since the last [`measure`], and
//! the bytes and blocks allocated in all. It forwards every call to the system allocator.
//!
//! ```ignore
//! #[global_allocator]
//! static METER: alloc_meter::Meter = alloc_meter::Meter;
//! let (value, usage) = alloc_meter::measure(|| work());
//! ```
#![deny(unsafe_op_in_unsafe_fn, missing_docs)]

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);
static TOTAL: AtomicUsize = AtomicUsize::new(0);
static BLOCKS: AtomicUsize = AtomicUsize::new(0);

/// The system allocator, counted.
#[derive(Debug, Clone, Copy)]
pub struct Meter;

fn grew(by: usize) {
    let live = LIVE.fetch_add(by, Relaxed) + by;
    PEAK.fetch_max(live, Relaxed);
    TOTAL.fetch_add(by, Relaxed);
    BLOCKS.fetch_add(1, Relaxed);
}

// SAFETY: every call is forwarded unchanged to `System`; only counters are added.
unsafe impl GlobalAlloc for Meter {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: the caller's contract is System's.
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            grew(layout.size());
        }
        p
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        // SAFETY: as above.
        let p = unsafe { System.alloc_zeroed(layout) };
        if !p.is_null() {
            grew(layout.size());
        }
        p
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: as above.
        unsafe { System.dealloc(ptr, layout) };
        LIVE.fetch_sub(layout.size(), Relaxed);
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: as above.
        let p = unsafe { System.realloc(ptr, layout, new_size) };
        if !p.is_null() {
            LIVE.fetch_sub(layout.size(), Relaxed);
            grew(new_size);
        }
        p
    }
}

/// What a closure allocated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Usage {
    /// The most bytes live at once above what was live when it started (its result included).
    pub peak: usize,
    /// Bytes allocated in all (a reallocation counts its new size).
    pub total: usize,
    /// Blocks allocated in all.
    pub blocks: usize,
}

/// Run `f` and say what it allocated. Counts are process-wide: measure one thing at a time.
pub fn measure<R>(f: impl FnOnce() -> R) -> (R, Usage) {
    let base = LIVE.load(Relaxed);
    PEAK.store(base, Relaxed);
    let (total, blocks) = (TOTAL.load(Relaxed), BLOCKS.load(Relaxed));
    let r = f();
    let usage = Usage {
        peak: PEAK.load(Relaxed).saturating_sub(base),
        total: TOTAL.load(Relaxed) - total,
        blocks: BLOCKS.load(Relaxed) - blocks,
    };
    (r, usage)
}

/// Bytes live now.
pub fn live() -> usize {
    LIVE.load(Relaxed)
}
