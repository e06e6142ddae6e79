//! Every thread the engine starts, in one place. Work is shared by plain
//! scoped threads (one a core) rather than a thread pool: the engine runs
//! a handful of large jobs (parse a tree of files, segment tag lines, find
//! quotes, sort, fetch), each of which already splits itself into pieces
//! of even size, so a pool would add a dependency and buy nothing here.
//!
//! A panic on a worker (a bug) is caught at the join: the job goes on, and
//! what that worker was doing is reported as missing, never as another's.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread;

/// The cores this process may use (1 when the system will not say).
pub fn cores() -> usize {
    thread::available_parallelism().map_or(1, usize::from)
}

/// Call `work` on every item, `batch` items at a time, on `workers`
/// threads taking the next batch as they finish one, so a slow item never
/// leaves a core idle. `work` returns false to stop its worker early (its
/// results have nowhere to go).
pub fn for_each_shared<T: Sync>(items: &[T], batch: usize, workers: usize, work: impl Fn(&T) -> bool + Sync) {
    let next = AtomicUsize::new(0);
    let batch = batch.max(1);
    let worker = || {
        loop {
            let from = next.fetch_add(batch, Ordering::Relaxed);
            if from >= items.len() {
                return;
            }
            for item in &items[from..(from + batch).min(items.len())] {
                if !work(item) {
                    return;
                }
            }
        }
    };
    let workers = workers.clamp(1, items.len().div_ceil(batch).max(1));
    thread::scope(|scope| {
        for _ in 1..workers {
            scope.spawn(worker);
        }
        worker();
    });
}

/// `work` on each part (with its number), each on a thread of its own;
/// the results in the parts' order, `None` where the thread panicked.
pub fn map_parts<P: Sync, T: Send>(parts: &[P], work: impl Fn(usize, &P) -> T + Sync) -> Vec<Option<T>> {
    let work = &work;
    thread::scope(|scope| {
        let handles: Vec<_> =
            parts.iter().enumerate().map(|(n, part)| scope.spawn(move || work(n, part))).collect();
        handles.into_iter().map(|h| h.join().ok()).collect()
    })
}

/// Run `a` on another thread and `b` on this one; both results.
pub fn join<A: Send, B>(a: impl FnOnce() -> A + Send, b: impl FnOnce() -> B) -> (thread::Result<A>, B) {
    thread::scope(|scope| {
        let other = scope.spawn(a);
        let here = b();
        (other.join(), here)
    })
}

/// `workers` threads running `work` while this thread runs `here` (which
/// hands them their work); `here`'s result once all are done.
pub fn alongside<R>(workers: usize, work: impl Fn() + Sync, here: impl FnOnce() -> R) -> R {
    let work = &work;
    thread::scope(|scope| {
        for _ in 0..workers {
            scope.spawn(work);
        }
        here()
    })
}

/// A named thread of its own, for a job that outlives the call (loading
/// while the reader is open).
pub fn spawn_named(name: &str, work: impl FnOnce() + Send + 'static) -> std::io::Result<()> {
    thread::Builder::new().name(name.into()).spawn(work).map(drop)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Mutex;

    #[test]
    fn every_item_is_worked_on_once() {
        let items: Vec<usize> = (0..1000).collect();
        let seen = Mutex::new(Vec::new());
        for_each_shared(&items, 7, 3, |&i| {
            seen.lock().unwrap().push(i);
            true
        });
        let mut seen = seen.into_inner().unwrap();
        seen.sort_unstable();
        assert_eq!(seen, items);
    }

    #[test]
    fn a_worker_told_to_stop_takes_no_more() {
        let items: Vec<usize> = (0..100).collect();
        let calls = AtomicUsize::new(0);
        for_each_shared(&items, 1, 1, |_| calls.fetch_add(1, Ordering::Relaxed) < 9);
        assert_eq!(calls.load(Ordering::Relaxed), 10);
    }
}
