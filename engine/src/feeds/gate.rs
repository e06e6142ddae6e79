//! How many requests run at once: at most `fetch_jobs` in all, and at most
//! `PER_HOST` to any one host, whichever feed or page they are for. Every
//! request of a `byline fetch` (feeds and the pages of full-text feeds)
//! passes the same gate; a permit is held for one request only, so no
//! request ever waits for another's permit while holding one.

use std::collections::HashMap;
use std::sync::{Condvar, Mutex, MutexGuard};

/// Requests to one host at once: what a polite client keeps to.
pub const PER_HOST: usize = 2;

/// Counts requests running, in all and by host.
#[derive(Debug)]
pub struct Gate {
    running: Mutex<Running>,
    freed: Condvar,
    total: usize,
    per_host: usize,
}

#[derive(Debug, Default)]
struct Running {
    all: usize,
    by_host: HashMap<String, usize>,
}

/// Leave to run one request; the place is given back when it is dropped.
#[derive(Debug)]
pub struct Permit<'a> {
    gate: &'a Gate,
    host: String,
}

impl Gate {
    /// At most `total` requests at once (at least one), `per_host` to a host.
    pub fn new(total: usize, per_host: usize) -> Gate {
        Gate {
            running: Mutex::new(Running::default()),
            freed: Condvar::new(),
            total: total.max(1),
            per_host: per_host.max(1),
        }
    }

    /// Wait for a place for a request to `url`'s host: one of the total,
    /// and one of the host's.
    pub fn enter(&self, url: &str) -> Permit<'_> {
        self.wait(url, self.per_host)
    }

    /// Wait for a place for a feed's own request: one of the total. Feeds
    /// are the user's choice, and a few on one host are fetched together.
    pub fn enter_feed(&self, url: &str) -> Permit<'_> {
        self.wait(url, usize::MAX)
    }

    fn wait(&self, url: &str, per_host: usize) -> Permit<'_> {
        let host = crate::model::url_host(url).unwrap_or("").to_ascii_lowercase();
        let mut running = self.lock();
        while running.all >= self.total || running.by_host.get(&host).is_some_and(|n| *n >= per_host) {
            running = self.freed.wait(running).unwrap_or_else(|poisoned| poisoned.into_inner());
        }
        running.all += 1;
        *running.by_host.entry(host.clone()).or_default() += 1;
        Permit { gate: self, host }
    }

    fn lock(&self) -> MutexGuard<'_, Running> {
        self.running.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

impl Drop for Permit<'_> {
    fn drop(&mut self) {
        let mut running = self.gate.lock();
        running.all -= 1;
        if let Some(n) = running.by_host.get_mut(&self.host) {
            *n -= 1;
            if *n == 0 {
                running.by_host.remove(&self.host);
            }
        }
        drop(running);
        self.gate.freed.notify_all();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::{Arc, Barrier};

    /// Many threads pass the gate at once, each holding its permit until
    /// all have tried; the most seen inside at once, in all and for a host.
    fn most_inside(total: usize, per_host: usize, urls: &[&str]) -> (usize, usize) {
        let gate = Gate::new(total, per_host);
        let (inside, most, host_a, most_a) =
            (AtomicUsize::new(0), AtomicUsize::new(0), AtomicUsize::new(0), AtomicUsize::new(0));
        let ready = Arc::new(Barrier::new(urls.len()));
        std::thread::scope(|s| {
            for url in urls {
                let (gate, inside, most, host_a, most_a, ready) =
                    (&gate, &inside, &most, &host_a, &most_a, Arc::clone(&ready));
                s.spawn(move || {
                    ready.wait();
                    let _permit = gate.enter(url);
                    most.fetch_max(inside.fetch_add(1, Ordering::SeqCst) + 1, Ordering::SeqCst);
                    if url.contains("a.example") {
                        most_a.fetch_max(host_a.fetch_add(1, Ordering::SeqCst) + 1, Ordering::SeqCst);
                    }
                    // Hold the place long enough for the others to try.
                    for _ in 0..200 {
                        std::thread::yield_now();
                    }
                    if url.contains("a.example") {
                        host_a.fetch_sub(1, Ordering::SeqCst);
                    }
                    inside.fetch_sub(1, Ordering::SeqCst);
                });
            }
        });
        (most.load(Ordering::SeqCst), most_a.load(Ordering::SeqCst))
    }

    #[test]
    fn no_more_than_the_total_and_two_a_host_run_at_once() {
        let urls = ["https://a.example/1"; 12];
        let (all, one_host) = most_inside(8, PER_HOST, &urls);
        assert!(all <= PER_HOST && one_host <= PER_HOST, "{all} in all, {one_host} to a.example");
        let mixed: Vec<String> = (0..24).map(|i| format!("https://h{}.example/{i}", i % 12)).collect();
        let mixed: Vec<&str> = mixed.iter().map(String::as_str).collect();
        let (all, _) = most_inside(3, PER_HOST, &mixed);
        assert!(all <= 3, "{all} at once with a total of 3");
    }
}
