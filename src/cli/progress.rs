//! A progress bar on stderr for long loads: only when stderr is a terminal,
//! only once a load has taken a moment, redrawn a few times a second, and
//! erased when the load is done so the command's own output stays clean.

use std::io::Write;
use std::time::{Duration, Instant};

use super::thousands;

/// Loads shorter than this show no bar at all.
pub const SHOW_AFTER: Duration = Duration::from_millis(300);
/// How long before a bar is drawn: `SHOW_AFTER`, unless the tests set
/// `BYLINE_PROGRESS_DELAY_MS` (they cannot wait for a slow load).
pub fn delay() -> Duration {
    std::env::var("BYLINE_PROGRESS_DELAY_MS")
        .ok()
        .and_then(|ms| ms.parse().ok())
        .map_or(SHOW_AFTER, Duration::from_millis)
}

const REDRAW_EVERY: Duration = Duration::from_millis(100);
const BAR_WIDTH: usize = 30;

pub struct ProgressBar<W: Write> {
    out: W,
    started: Instant,
    /// Nothing is drawn before this much time has passed.
    delay: Duration,
    drawn: Option<Instant>,
    /// `loading ... files`, `fetching ... feeds`.
    words: (&'static str, &'static str),
}

impl<W: Write> ProgressBar<W> {
    /// A bar drawing on `out`, which must be a terminal, once `delay`
    /// (normally `SHOW_AFTER`) has passed.
    pub fn new(out: W, delay: Duration) -> ProgressBar<W> {
        ProgressBar { out, started: Instant::now(), delay, drawn: None, words: ("loading", "files") }
    }

    /// A bar for something else than files: `("fetching", "feeds")`.
    pub fn counting(mut self, verb: &'static str, things: &'static str) -> ProgressBar<W> {
        self.words = (verb, things);
        self
    }

    /// `done` of `total` files are read (`total` is 0 while still counting).
    pub fn update(&mut self, done: usize, total: usize) {
        let now = Instant::now();
        if now - self.started < self.delay || self.drawn.is_some_and(|at| now - at < REDRAW_EVERY) {
            return;
        }
        self.drawn = Some(now);
        let _ = write!(self.out, "\r\x1b[2K{}", line(done, total, self.words));
        let _ = self.out.flush();
    }

    /// Erase the bar, if it was drawn.
    pub fn finish(&mut self) {
        if self.drawn.is_some() {
            let _ = write!(self.out, "\r\x1b[2K");
            let _ = self.out.flush();
        }
    }

    /// Erase the bar so a line can be printed; the next update draws it
    /// again at once.
    pub fn interrupt(&mut self) {
        self.finish();
        self.drawn = None;
    }
}

/// `byline: loading [#########.....................]  30,000 of 100,000 files`
fn line(done: usize, total: usize, (verb, things): (&str, &str)) -> String {
    if total == 0 {
        return format!("byline: {verb} {} {things}", thousands(done));
    }
    let filled = (done.min(total) * BAR_WIDTH) / total;
    format!(
        "byline: {verb} [{}{}] {:>9} of {} {things}",
        "#".repeat(filled),
        ".".repeat(BAR_WIDTH - filled),
        thousands(done),
        thousands(total)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bar_fills_with_the_files_read() {
        let files = ("loading", "files");
        assert_eq!(line(0, 0, files), "byline: loading 0 files");
        assert_eq!(
            line(3, 12, ("fetching", "feeds")),
            format!("byline: fetching [{}{}]         3 of 12 feeds", "#".repeat(7), ".".repeat(23))
        );
        assert_eq!(
            line(30_000, 100_000, files),
            format!("byline: loading [{}{}]    30,000 of 100,000 files", "#".repeat(9), ".".repeat(21))
        );
        assert!(line(100_000, 100_000, files).contains(&"#".repeat(BAR_WIDTH)));
    }

    #[test]
    fn short_loads_draw_nothing_and_a_drawn_bar_is_erased() {
        let mut quick = ProgressBar::new(Vec::new(), SHOW_AFTER);
        quick.update(10, 100);
        quick.finish();
        assert!(quick.out.is_empty(), "a load under {SHOW_AFTER:?} shows no bar");

        let mut slow = ProgressBar::new(Vec::new(), Duration::ZERO);
        slow.update(50, 100);
        slow.update(60, 100); // within REDRAW_EVERY: not drawn again
        slow.finish();
        let text = String::from_utf8(slow.out).unwrap();
        assert_eq!(text.matches("byline: loading").count(), 1);
        assert!(text.ends_with("\r\x1b[2K"), "{text:?}");
    }
}
