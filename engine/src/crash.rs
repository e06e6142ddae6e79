//! When byline has a bug: a panic never prints over the reader's screen.
//! The panic hook writes a crash report (message, place, backtrace) to a
//! file instead; the reader then restores the terminal, saves the state and
//! prints one line naming that file. A parser that panics on one file costs
//! only that file.

use std::fmt::Write as _;
use std::panic::{self, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// Where the last crash report was written.
static LAST_REPORT: Mutex<Option<PathBuf>> = Mutex::new(None);

/// Install the hook: reports go to `dir` (the state directory), or the
/// temporary directory when there is none. Nothing is printed by the hook.
pub fn install(dir: Option<PathBuf>) {
    let dir = dir.unwrap_or_else(std::env::temp_dir);
    panic::set_hook(Box::new(move |info| {
        let mut report = String::new();
        let _ = writeln!(report, "byline {} crashed: a bug; please report it.\n", env!("CARGO_PKG_VERSION"));
        let thread = std::thread::current();
        let _ = writeln!(report, "thread: {}", thread.name().unwrap_or("unnamed"));
        let _ = writeln!(report, "panic: {}", message(info.payload()));
        if let Some(at) = info.location() {
            let _ = writeln!(report, "at: {}:{}:{}", at.file(), at.line(), at.column());
        }
        let _ = writeln!(report, "\nbacktrace:\n{}", std::backtrace::Backtrace::force_capture());
        let path = write_report(&dir, &report);
        if let Ok(mut last) = LAST_REPORT.lock() {
            *last = path;
        }
    }));
}

/// The report of the last panic, if one was written.
pub fn last_report() -> Option<PathBuf> {
    LAST_REPORT.lock().ok().and_then(|last| last.clone())
}

/// One line for the user about the last panic.
pub fn one_line() -> String {
    match last_report() {
        Some(path) => format!("crashed (a bug in byline); the report is in {}", path.display()),
        None => "crashed (a bug in byline)".to_string(),
    }
}

/// Run `f`; a panic in it becomes `Err` with the one line for the user.
pub fn guard<T>(f: impl FnOnce() -> T) -> Result<T, String> {
    panic::catch_unwind(AssertUnwindSafe(f)).map_err(|_| one_line())
}

fn message(payload: &(dyn std::any::Any + Send)) -> String {
    payload
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "(no message)".into())
}

fn write_report(dir: &Path, report: &str) -> Option<PathBuf> {
    std::fs::create_dir_all(dir).ok()?;
    let stamp = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).ok()?;
    let path = dir.join(format!("crash-{}-{}.txt", stamp.as_secs(), std::process::id()));
    std::fs::write(&path, report).ok()?;
    Some(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_becomes_a_report_file_and_one_line() {
        let dir = tempfile::tempdir().unwrap();
        install(Some(dir.path().to_path_buf()));
        let result = guard(|| -> u32 { panic!("parser fell over at byte {}", 7) });
        let _ = panic::take_hook();
        let line = result.unwrap_err();
        let report = last_report().unwrap();
        assert!(line.contains(&report.display().to_string()), "{line}");
        assert!(report.starts_with(dir.path()));
        let text = std::fs::read_to_string(report).unwrap();
        assert!(text.contains("panic: parser fell over at byte 7"), "{text}");
        assert!(text.contains("crash.rs"), "the place is named: {text}");
        assert_eq!(guard(|| 5), Ok(5));
    }
}
