//! Data parallelism with one result everywhere: rayon's threads on native targets, a plain
//! loop on wasm32 (which has no threads). Callers split work into runs whose results are put
//! back in order, so the output never depends on the number of threads.

/// Split `0..n` into `runs` contiguous runs of (nearly) equal length, apply `f` to each and
/// return the results in order.
pub(crate) fn map_runs<T, F>(n: usize, runs: usize, f: F) -> Vec<T>
where
    T: Send,
    F: Fn(std::ops::Range<usize>) -> T + Sync + Send,
{
    let runs = runs.max(1);
    let len = n.div_ceil(runs.max(1)).max(1);
    let range = move |r: usize| (r * len).min(n)..((r + 1) * len).min(n);
    #[cfg(not(target_arch = "wasm32"))]
    {
        use rayon::prelude::*;
        (0..runs).into_par_iter().map(|r| f(range(r))).collect()
    }
    #[cfg(target_arch = "wasm32")]
    {
        (0..runs).map(|r| f(range(r))).collect()
    }
}

/// Run `a` and `b`, in parallel where there are threads.
pub(crate) fn join<A, B, RA, RB>(a: A, b: B) -> (RA, RB)
where
    A: FnOnce() -> RA + Send,
    B: FnOnce() -> RB + Send,
    RA: Send,
    RB: Send,
{
    #[cfg(not(target_arch = "wasm32"))]
    {
        rayon::join(a, b)
    }
    #[cfg(target_arch = "wasm32")]
    {
        (a(), b())
    }
}

/// How many runs `n` items make: one per thread, none shorter than `min_run`, at least one.
pub(crate) fn run_count(n: usize, min_run: usize) -> usize {
    #[cfg(not(target_arch = "wasm32"))]
    let threads = rayon::current_num_threads();
    #[cfg(target_arch = "wasm32")]
    let threads = 1;
    (n / min_run.max(1)).clamp(1, threads.max(1))
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
        assert_eq!(run_count(0, 100), 1);
        assert_eq!(run_count(99, 100), 1);
        assert!(run_count(1_000_000, 100) >= 1);
        assert!(run_count(250, 100) <= 2);
    }

    #[test]
    fn join_returns_both() {
        assert_eq!(join(|| 1, || "b"), (1, "b"));
    }
}
