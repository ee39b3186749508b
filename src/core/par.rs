//! Work split over every core, for the build (native only): the preview images, the
//! citations and the pages are each rendered record by record, independently, so a list
//! is cut into one contiguous run per core and the runs go side by side.

/// How many runs [`runs`] makes: one per core (1 where that cannot be told).
pub fn threads() -> usize {
    std::thread::available_parallelism().map_or(1, usize::from)
}

/// Runs `run` on `items` cut into one contiguous run per core, in scoped threads, and
/// returns each run's result in the order of the runs. A panic in a run is raised again
/// here, as it would be without threads.
pub fn runs<T: Sync, R: Send>(items: &[T], run: impl Fn(&[T]) -> R + Sync) -> Vec<R> {
    let chunk = items.len().div_ceil(threads()).max(1);
    let run = &run;
    std::thread::scope(|scope| {
        let started: Vec<_> = items.chunks(chunk).map(|part| scope.spawn(move || run(part))).collect();
        started.into_iter().map(|t| t.join().unwrap_or_else(|e| std::panic::resume_unwind(e))).collect()
    })
}

#[cfg(test)]
mod tests {
    use super::runs;

    #[test]
    fn runs_cover_every_item_once_in_order() {
        let items: Vec<u32> = (0..1_001).collect();
        let seen: Vec<u32> = runs(&items, |part| part.to_vec()).into_iter().flatten().collect();
        assert_eq!(seen, items);
        assert!(runs(&[] as &[u32], |part| part.len()).is_empty());
    }
}
