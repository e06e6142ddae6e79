//! Time the reader until its screen says something: `byline ARGS` started
//! in a pseudo-terminal, its output read as it comes and the screen looked
//! at only then. Used by `bench/open.sh` and `bench/changed.sh`, in place
//! of polling `tmux capture-pane`, which on two cores took most of one of
//! them away from the program being timed.
//!
//! `cargo run --release --example open_until -- [--loaded N | --shows TEXT] BYLINE ARGS...`
//!
//! `--loaded N`: until the status bar counts N unread stories and nothing
//! is loading; `--shows TEXT`: until TEXT is on the screen. Prints the
//! milliseconds from the start, then presses `q` and waits for the exit.
//! The environment (XDG directories) is passed on.

use std::io::Write;
use std::num::NonZeroU16;
use std::sync::mpsc::RecvTimeoutError;
use std::time::Duration;

#[path = "../tests/common/frames.rs"]
mod frames;
#[path = "support/pty.rs"]
mod pty;

const COLS: u16 = 160;
const ROWS: u16 = 40;
const DEADLINE: Duration = Duration::from_secs(120);

fn main() {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let mut option = |name: &str| -> Option<String> {
        let at = args.iter().position(|a| a == name).filter(|&at| at + 1 < args.len())?;
        let value = args.remove(at + 1);
        args.remove(at);
        Some(value)
    };
    let done: Box<dyn Fn(&str) -> bool> = match (option("--loaded"), option("--shows")) {
        (Some(count), None) => {
            let unread = format!("{count} unread");
            Box::new(move |s: &str| {
                let lower = s.to_lowercase();
                s.contains(&unread) && !lower.contains("loading") && !lower.contains("reading")
            })
        }
        (None, Some(text)) => Box::new(move |s: &str| s.contains(&text)),
        _ => usage(),
    };
    let Some((byline, rest)) = args.split_first() else { usage() };
    match time(byline, rest, done.as_ref()) {
        Some(elapsed) => println!("{}", elapsed.as_millis()),
        None => std::process::exit(1),
    }
}

fn usage() -> ! {
    eprintln!("usage: open_until [--loaded N | --shows TEXT] BYLINE ARGS...");
    std::process::exit(2);
}

fn time(byline: &str, args: &[String], done: &dyn Fn(&str) -> bool) -> Option<Duration> {
    let pty::Running { mut child, mut writer, output, started } =
        pty::start(byline, args, (ROWS, COLS), &[])?;
    let mut screen = vt100::Parser::new(NonZeroU16::new(ROWS)?, NonZeroU16::new(COLS)?, 0);
    let mut frames = frames::Frames::default();
    let elapsed = loop {
        // A half-drawn frame may show the new list above the old status
        // bar: only whole frames are looked at.
        if !frames.drawing() && done(&screen.screen().contents()) {
            break Some(started.elapsed());
        }
        match output.recv_timeout(DEADLINE.saturating_sub(started.elapsed())) {
            // Everything already written is taken before looking again.
            Ok(bytes) => {
                screen.process(&bytes);
                frames.feed(&bytes);
                while let Ok(more) = output.try_recv() {
                    screen.process(&more);
                    frames.feed(&more);
                }
            }
            Err(RecvTimeoutError::Timeout | RecvTimeoutError::Disconnected) => {
                eprintln!("open_until: not seen; the screen:\n{}", screen.screen().contents());
                break None;
            }
        }
    };
    let _ = writer.write_all(b"q").and_then(|()| writer.flush());
    let _ = child.wait();
    elapsed
}
