//! Opening a link in the user's browser: only `http`, `https` and `file`
//! URLs, and never through a shell. The opener is `$BROWSER` (the first of
//! a `:`-separated list; `%s` stands for the URL) or the system's
//! (`xdg-open`, `open` on macOS), started with an argument vector, so a
//! URL full of shell metacharacters arrives as one literal argument.

use std::process::{Command, Stdio};

/// Why a URL was not opened.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum OpenError {
    #[error("only http, https and file links are opened: {0}")]
    Scheme(String),
    #[error("the link has spaces or control characters; not opened")]
    Unsafe,
    #[error("could not start {program}: {reason}")]
    Spawn { program: String, reason: String },
}

/// Check a URL before it goes anywhere near a program.
pub fn check(url: &str) -> Result<(), OpenError> {
    if url.chars().any(|c| c.is_control() || c.is_whitespace()) {
        return Err(OpenError::Unsafe);
    }
    let scheme = url.split_once(':').map(|(s, _)| s.to_ascii_lowercase()).unwrap_or_default();
    if !matches!(scheme.as_str(), "http" | "https" | "file") {
        return Err(OpenError::Scheme(url.chars().take(60).collect()));
    }
    Ok(())
}

/// The program and arguments that open `url`.
pub fn command_for(url: &str, browser: Option<&str>) -> (String, Vec<String>) {
    let configured = browser.and_then(|b| b.split(':').map(str::trim).find(|b| !b.is_empty()));
    let Some(browser) = configured else {
        let system = if cfg!(target_os = "macos") { "open" } else { "xdg-open" };
        return (system.to_string(), vec![url.to_string()]);
    };
    let mut words = browser.split_whitespace().map(str::to_string);
    let program = words.next().unwrap_or_default();
    let mut args: Vec<String> = words.collect();
    if args.iter().any(|a| a.contains("%s")) {
        args = args.into_iter().map(|a| a.replace("%s", url)).collect();
    } else {
        args.push(url.to_string());
    }
    (program, args)
}

/// Open `url` in the background; the reader goes on at once.
pub fn open(url: &str) -> Result<(), OpenError> {
    check(url)?;
    let browser = std::env::var("BROWSER").ok();
    let (program, args) = command_for(url, browser.as_deref());
    let mut child = Command::new(&program)
        .args(&args)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|e| OpenError::Spawn { program: program.clone(), reason: e.to_string().to_lowercase() })?;
    // Reap it when it ends, so no zombie stays behind.
    let _ = byline_engine::parallel::spawn_named("reap-browser", move || {
        let _ = child.wait();
    });
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_web_and_file_links_pass() {
        assert!(check("https://example.org/a?b=c").is_ok());
        assert!(check("http://example.org").is_ok());
        assert!(check("file:///home/a/story.html").is_ok());
        assert!(matches!(check("javascript:alert(1)"), Err(OpenError::Scheme(_))));
        assert!(matches!(check("ftp://x"), Err(OpenError::Scheme(_))));
        assert!(matches!(check("/etc/passwd"), Err(OpenError::Scheme(_))));
    }

    #[test]
    fn spaces_and_control_characters_are_refused() {
        assert_eq!(check("https://a.example/x y"), Err(OpenError::Unsafe));
        assert_eq!(check("https://a.example/\x1b[2J"), Err(OpenError::Unsafe));
    }

    #[test]
    fn browser_variable_gives_program_and_arguments() {
        let url = "https://a.example/x";
        assert_eq!(command_for(url, None).1, [url]);
        assert_eq!(
            command_for(url, Some("firefox --new-tab")),
            ("firefox".into(), vec!["--new-tab".into(), url.into()])
        );
        assert_eq!(command_for(url, Some("w3m %s:lynx")), ("w3m".into(), vec![url.into()]));
        assert_eq!(command_for(url, Some("")).0, if cfg!(target_os = "macos") { "open" } else { "xdg-open" });
    }
}
