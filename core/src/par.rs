//! Data parallelism with one result everywhere: a rayon thread pool on native targets, plain
//! loops on wasm32 (which has no threads) and for small inputs; and [`alongside`], a producer
//! on a thread of its own beside its consumer (a large workbook's first sheet). Callers split work into runs
//! whose results are put back in order, so the output never depends on the number of threads.
//!
//! The pool is eculture's own, made on first use with rayon's default size (the number of
//! CPUs, or `RAYON_NUM_THREADS`). It is made again in a forked child: the threads of a pool
//! made before `fork()` do not exist in the child, and Python's `multiprocessing` forks. Small
//! inputs (a ministry's plan of a hundred measures) never touch it.
//!
//! **Test hook.** [`with_threads`] runs a closure with every threshold at zero and exactly the
//! given number of threads (a pool of that size, made once per size), so that the tests and the
//! `plan` fuzz target can compare a serial run with multi-threaded runs on small plans. It is
//! `#[doc(hidden)]`: not an API for users, who get the same results with any thread count.

use std::cell::Cell;

thread_local! {
    /// The thread count forced by [`with_threads`] on this thread (and on the threads of the
    /// pool it uses); `None` normally.
    static FORCED: Cell<Option<usize>> = const { Cell::new(None) };
}

fn forced() -> Option<usize> {
    FORCED.with(Cell::get)
}

/// Test hook, not an API: runs `f` with parallel work split over exactly `threads` threads
/// (1: serial) and every size threshold at zero, so that even a plan of three measures is
/// checked in several runs, its graph sides built with `join` and a JSON text parsed with the
/// parallel parser. Applies to the calling thread and the threads of the pool it uses, until
/// `f` returns. Results must not differ from a normal run: that is what the callers check
/// (`core/tests/threads.rs`, the `plan` fuzz target). On wasm32 everything stays serial.
#[doc(hidden)]
pub fn with_threads<R>(threads: usize, f: impl FnOnce() -> R) -> R {
    struct Restore(Option<usize>);
    impl Drop for Restore {
        fn drop(&mut self) {
            FORCED.with(|c| c.set(self.0));
        }
    }
    let _restore = Restore(FORCED.with(|c| c.replace(Some(threads.max(1)))));
    f()
}

/// Whether `n` items are enough to be worth threads (`n >= threshold`); always under
/// [`with_threads`].
pub(crate) fn large(n: usize, threshold: usize) -> bool {
    forced().is_some() || n >= threshold
}

/// Whether work of size `n` goes to a second thread of its own (`n >= threshold`): under
/// [`with_threads`], exactly when it gives two threads or more.
pub(crate) fn second_thread(n: usize, threshold: usize) -> bool {
    match forced() {
        Some(t) => t >= 2,
        None => n >= threshold,
    }
}

/// Run `side` on a thread of its own while `main` runs on this one, and return `main`'s result
/// once both are done: for a producer and a consumer joined by an unbounded channel. On wasm32,
/// or when no thread starts, `side` runs first (it has then sent everything before `main`
/// starts).
pub(crate) fn alongside<R>(side: impl FnOnce() + Send, main: impl FnOnce() -> R) -> R {
    #[cfg(not(target_arch = "wasm32"))]
    {
        let side = std::sync::Mutex::new(Some(side));
        let take = || {
            side.lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner)
                .take()
        };
        std::thread::scope(|scope| {
            let started = std::thread::Builder::new()
                .name("eculture-side".into())
                .spawn_scoped(scope, || {
                    if let Some(f) = take() {
                        f();
                    }
                });
            if started.is_err()
                && let Some(f) = take()
            {
                f();
            }
            main()
        })
    }
    #[cfg(target_arch = "wasm32")]
    {
        side();
        main()
    }
}

/// The number of threads parallel work is split over (1 on wasm32).
pub(crate) fn threads() -> usize {
    #[cfg(not(target_arch = "wasm32"))]
    {
        pool::get().map_or(1, |p| p.current_num_threads().max(1))
    }
    #[cfg(target_arch = "wasm32")]
    {
        1
    }
}

/// How many runs `n` items make: one per thread, none shorter than `min_run`, at least one.
pub(crate) fn run_count(n: usize, min_run: usize) -> usize {
    let min_run = if forced().is_some() { 1 } else { min_run };
    let most = n / min_run.max(1);
    if most < 2 {
        return 1;
    }
    most.min(threads())
}

/// Split `0..n` into `runs` contiguous runs of (nearly) equal length, apply `f` to each and
/// return the results in order.
pub(crate) fn map_runs<T, F>(n: usize, runs: usize, f: F) -> Vec<T>
where
    T: Send,
    F: Fn(std::ops::Range<usize>) -> T + Sync + Send,
{
    let runs = runs.max(1);
    let len = n.div_ceil(runs).max(1);
    let range = move |r: usize| (r * len).min(n)..((r + 1) * len).min(n);
    #[cfg(not(target_arch = "wasm32"))]
    if runs > 1
        && let Some(pool) = pool::get()
    {
        use rayon::prelude::*;
        return pool.install(|| (0..runs).into_par_iter().map(|r| f(range(r))).collect());
    }
    (0..runs).map(|r| f(range(r))).collect()
}

/// Run `a` and `b`, in parallel when `large` and there are threads.
pub(crate) fn join<A, B, RA, RB>(large: bool, a: A, b: B) -> (RA, RB)
where
    A: FnOnce() -> RA + Send,
    B: FnOnce() -> RB + Send,
    RA: Send,
    RB: Send,
{
    #[cfg(not(target_arch = "wasm32"))]
    if large
        && let Some(pool) = pool::get()
        && pool.current_num_threads() > 1
    {
        return pool.install(|| rayon::join(a, b));
    }
    let _ = large;
    (a(), b())
}

#[cfg(not(target_arch = "wasm32"))]
pub(crate) mod pool {
    use std::sync::{Arc, Mutex};

    /// The pool and the process it was made in.
    static POOL: Mutex<Option<(u32, Arc<rayon::ThreadPool>)>> = Mutex::new(None);

    /// Pools of a forced size ([`super::with_threads`]), made once per size; their threads
    /// carry the forced size too, so nested work sees it.
    static FORCED_POOLS: Mutex<Vec<(usize, Arc<rayon::ThreadPool>)>> = Mutex::new(Vec::new());

    /// This process's pool; `None` when no thread can be started (work then runs in the
    /// calling thread), or under `with_threads(1, …)`.
    pub(crate) fn get() -> Option<Arc<rayon::ThreadPool>> {
        if let Some(t) = super::forced() {
            return forced(t);
        }
        let pid = std::process::id();
        let mut slot = POOL
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if let Some((made_in, pool)) = slot.as_ref()
            && *made_in == pid
        {
            return Some(Arc::clone(pool));
        }
        // A pool inherited through fork(): its threads are the parent's. Dropping it would
        // wait for them, so it is left alone.
        if let Some(inherited) = slot.take() {
            std::mem::forget(inherited);
        }
        let pool = rayon::ThreadPoolBuilder::new()
            .thread_name(|i| format!("eculture-{i}"))
            .build()
            .ok()?;
        let pool = Arc::new(pool);
        *slot = Some((pid, Arc::clone(&pool)));
        Some(pool)
    }

    fn forced(t: usize) -> Option<Arc<rayon::ThreadPool>> {
        if t < 2 {
            return None;
        }
        let mut pools = FORCED_POOLS
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if let Some((_, pool)) = pools.iter().find(|(n, _)| *n == t) {
            return Some(Arc::clone(pool));
        }
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(t)
            .thread_name(move |i| format!("eculture-forced{t}-{i}"))
            .start_handler(move |_| super::FORCED.with(|c| c.set(Some(t))))
            .build()
            .ok()?;
        let pool = Arc::new(pool);
        pools.push((t, Arc::clone(&pool)));
        Some(pool)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_cover_every_item_once_in_order() {
        for n in [0usize, 1, 5, 1000, 1001, 99_999] {
            for runs in [1usize, 2, 3, 7, 1000] {
                let parts = map_runs(n, runs, |r| r.collect::<Vec<_>>());
                assert_eq!(parts.len(), runs);
                let all: Vec<usize> = parts.into_iter().flatten().collect();
                assert_eq!(all, (0..n).collect::<Vec<_>>(), "n={n} runs={runs}");
            }
        }
    }

    #[test]
    fn run_count_keeps_runs_long() {
        let t = threads();
        assert!(t >= 1);
        assert_eq!(run_count(0, 100), 1);
        assert_eq!(run_count(199, 100), 1);
        assert_eq!(run_count(250, 100), 2.min(t));
        assert_eq!(run_count(1_000_000, 100), t);
    }

    #[test]
    fn with_threads_forces_the_count_and_no_thresholds() {
        for t in [1usize, 2, 3, 7] {
            with_threads(t, || {
                #[cfg(not(target_arch = "wasm32"))]
                assert_eq!(threads(), t);
                assert!(large(0, usize::MAX));
                assert_eq!(run_count(5, 1 << 20), 5.min(threads()));
                // nested work on the pool's threads sees the same count
                #[cfg(not(target_arch = "wasm32"))]
                assert_eq!(map_runs(4, 4, |_| threads()), vec![t; 4]);
            });
        }
        assert!(!large(0, 1));
        assert_eq!(run_count(5, 1 << 20), 1);
    }

    #[test]
    fn join_returns_both() {
        assert_eq!(join(false, || 1, || "b"), (1, "b"));
        assert_eq!(join(true, || 1, || "b"), (1, "b"));
    }
}
