//! Time the reader as a user meets it: `byline PATH` started in a
//! pseudo-terminal, the time until its first frame is on screen, until every
//! story has loaded, and from a key press to the screen it changes.
//!
//! `cargo run --release --example first_frame -- [--runs N] [--keys N] BYLINE PATH`
//!
//! Prints one line per run and the medians. Used by `bench/compare.sh`.

use std::num::NonZeroU16;
use std::sync::mpsc::{Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

#[path = "../tests/common/frames.rs"]
mod frames;
#[path = "support/pty.rs"]
mod pty;

const COLS: u16 = 200;
const ROWS: u16 = 60;
const DEADLINE: Duration = Duration::from_secs(120);

struct Screen {
    parser: vt100::Parser,
    output: Receiver<Vec<u8>>,
    frames: frames::Frames,
}

impl Screen {
    fn take(&mut self, bytes: &[u8]) {
        self.parser.process(bytes);
        self.frames.feed(bytes);
    }

    /// Read output until `done` holds for a whole frame; when it first
    /// held.
    fn until(&mut self, done: impl Fn(&str) -> bool) -> Option<Instant> {
        let start = Instant::now();
        loop {
            if !self.frames.drawing() && done(&self.parser.screen().contents()) {
                return Some(Instant::now());
            }
            let left = DEADLINE.checked_sub(start.elapsed())?;
            match self.output.recv_timeout(left) {
                Ok(bytes) => self.take(&bytes),
                Err(RecvTimeoutError::Timeout | RecvTimeoutError::Disconnected) => return None,
            }
        }
    }
}

struct Run {
    first_frame: Duration,
    loaded: Duration,
    keys: Vec<Duration>,
    /// Key-to-screen times for keys pressed while stories were loading.
    keys_loading: Vec<Duration>,
}

fn run(byline: &str, path: &str, keys: usize) -> Option<Run> {
    let home = std::env::temp_dir().join(format!("byline-first-frame-{}", std::process::id()));
    let args = ["--no-state".to_string(), path.to_string()];
    let config = [("XDG_CONFIG_HOME", home.join("config").display().to_string())];
    let pty::Running { mut child, mut writer, output, started } =
        pty::start(byline, &args, (ROWS, COLS), &config)?;
    let rows = NonZeroU16::new(ROWS)?;
    let cols = NonZeroU16::new(COLS)?;
    let mut screen = Screen { parser: vt100::Parser::new(rows, cols, 0), output, frames: Default::default() };
    let Some(first) = screen.until(|s| s.contains("Stories") && s.contains("Reader")) else {
        eprintln!("no first frame; screen:\n{}", screen.parser.screen().contents());
        return None;
    };
    // Keys while loading: once the first stories show, a key, then wait
    // for the screen to show it (the list's selection moves), until loading
    // ends.
    screen.until(|s| s.contains("? help") || s.contains("stories"))?;
    while selected_row(&screen).is_none() {
        let bytes = screen.output.recv_timeout(DEADLINE).ok()?;
        screen.take(&bytes);
    }
    let mut keys_loading = Vec::new();
    for n in 0.. {
        if !screen.parser.screen().contents().contains("loading") {
            break;
        }
        let before = selected_row(&screen);
        // Up when the selection is below the top row, else down: a key
        // that cannot move the selection would change nothing to time.
        // (Stories arriving may put the followed story at the top.)
        let key = if n % 2 == 1 && highlighted(&screen).is_some_and(|row| row > 1) { "k" } else { "j" };
        let sent = Instant::now();
        writer.write_all(key.as_bytes()).ok()?;
        writer.flush().ok()?;
        let changed = loop {
            if selected_row(&screen) != before {
                break Some(Instant::now());
            }
            match screen.output.recv_timeout(Duration::from_secs(10)) {
                Ok(bytes) => screen.take(&bytes),
                Err(_) => {
                    eprintln!("first_frame: key {n}, pressed while loading, never showed");
                    break None;
                }
            }
        }?;
        keys_loading.push(changed - sent);
    }
    let Some(loaded) = screen.until(|s| s.contains("? help") && !s.contains("loading")) else {
        eprintln!("never loaded; screen:\n{}", screen.parser.screen().contents());
        return None;
    };
    let mut times = Vec::new();
    for n in 0..keys {
        let before = screen.parser.screen().contents();
        let key = if n % 2 == 1 && highlighted(&screen).is_some_and(|row| row > 1) { "k" } else { "j" };
        let sent = Instant::now();
        writer.write_all(key.as_bytes()).ok()?;
        writer.flush().ok()?;
        let Some(changed) = screen.until(|s| s != before) else {
            eprintln!(
                "key {n} after loading did not change the screen:\n{}",
                screen.parser.screen().contents()
            );
            return None;
        };
        times.push(changed - sent);
    }
    writer.write_all(b"q").ok()?;
    writer.flush().ok()?;
    let _ = child.wait();
    let _ = std::fs::remove_dir_all(home);
    Some(Run { first_frame: first - started, loaded: loaded - started, keys: times, keys_loading })
}

/// The selected story as the screen shows it: the top of the reading pane,
/// which previews the list's selection (its title ends in a unique report
/// number), or `None` before there is a selection. A key moved the
/// selection when this changes.
fn selected_row(screen: &Screen) -> Option<String> {
    let s = screen.parser.screen();
    highlighted(screen)?;
    let reader: Vec<String> = s.rows(COLS / 3, COLS - COLS / 3).skip(1).take(4).collect();
    Some(reader.join("\n"))
}

/// The screen row of the list's highlighted story.
fn highlighted(screen: &Screen) -> Option<u16> {
    let s = screen.parser.screen();
    (1..ROWS - 1)
        .find(|&row| s.cell(row, 2).is_some_and(|c| c.inverse() || c.bgcolor() != vt100::Color::Default))
}

fn median(mut values: Vec<Duration>) -> Duration {
    values.sort();
    values.get(values.len() / 2).copied().unwrap_or_default()
}

fn main() {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let mut option = |name: &str, default: usize| -> usize {
        match args.iter().position(|a| a == name) {
            Some(at) if at + 1 < args.len() => {
                let value = args.remove(at + 1);
                args.remove(at);
                value.parse().unwrap_or(default)
            }
            _ => default,
        }
    };
    let runs = option("--runs", 5);
    let keys = option("--keys", 20);
    let [byline, path] = args.as_slice() else {
        eprintln!("usage: first_frame [--runs N] [--keys N] BYLINE PATH");
        std::process::exit(2);
    };
    let mut firsts = Vec::new();
    let mut loads = Vec::new();
    let mut all_keys = Vec::new();
    let mut loading_keys = Vec::new();
    for n in 1..=runs {
        let Some(r) = run(byline, path, keys) else {
            eprintln!("first_frame: run {n} did not finish");
            std::process::exit(1);
        };
        println!(
            "run {n}: first frame {:.1} ms, all loaded {:.2} s, key to screen median {:.2} ms; \
             while loading {} keys, median {:.1} ms, slowest {:.1} ms",
            r.first_frame.as_secs_f64() * 1e3,
            r.loaded.as_secs_f64(),
            median(r.keys.clone()).as_secs_f64() * 1e3,
            r.keys_loading.len(),
            median(r.keys_loading.clone()).as_secs_f64() * 1e3,
            r.keys_loading.iter().max().copied().unwrap_or_default().as_secs_f64() * 1e3
        );
        loading_keys.extend(r.keys_loading);
        firsts.push(r.first_frame);
        loads.push(r.loaded);
        all_keys.extend(r.keys);
    }
    let worst_key = all_keys.iter().max().copied().unwrap_or_default();
    let worst_loading = loading_keys.iter().max().copied().unwrap_or_default();
    println!(
        "median: first frame {:.1} ms, all loaded {:.2} s, key to screen {:.2} ms (slowest {:.2} ms); \
         while loading {:.1} ms (slowest {:.1} ms)",
        median(firsts).as_secs_f64() * 1e3,
        median(loads).as_secs_f64(),
        median(all_keys).as_secs_f64() * 1e3,
        worst_key.as_secs_f64() * 1e3,
        median(loading_keys).as_secs_f64() * 1e3,
        worst_loading.as_secs_f64() * 1e3
    );
}
