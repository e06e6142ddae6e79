//! Subscriptions end to end: the real binary fetching from an HTTP server
//! on 127.0.0.1 started by each test, with its own config and data
//! directories.

#![allow(clippy::unwrap_used)]

mod common;

use std::io::Write;
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use common::http::{Reply, Server, rss};
use common::{byline_in, xdg_env};

/// One retry, so failures are quick, and `extra` settings. The timeout is
/// generous (a loaded machine must not time out a local server) unless
/// `extra` sets one.
fn quick_config(home: &Path, extra: &str) {
    let dir = home.join("config/byline");
    std::fs::create_dir_all(&dir).unwrap();
    let timeout = if extra.contains("fetch_timeout_secs") { "" } else { "fetch_timeout_secs = 10\n" };
    std::fs::write(dir.join("config.toml"), format!("fetch_retries = 1\n{timeout}{extra}")).unwrap();
}

/// A server with a feed at every path: `/one` is the feed `one`, with one
/// story, "Story of one".
fn one_story_a_path() -> Server {
    Server::start(|request| {
        let name = request.path.trim_start_matches('/');
        Reply::ok(rss(name, &[(name, &format!("Story of {name}"), "Text.")]))
    })
}

/// The line of `fetch` output about the feed at `url`.
fn line_for(out: &str, url: &str) -> String {
    out.lines().find(|l| l.contains(url)).unwrap_or_default().to_string()
}

fn run(home: &Path, args: &[&str]) -> (String, String, Option<i32>) {
    let out = byline_in(home, args);
    (String::from_utf8(out.stdout).unwrap(), String::from_utf8(out.stderr).unwrap(), out.status.code())
}

/// Subscribe without the check `feeds add` makes, so that each test
/// counts only its fetches' requests.
fn subscribe(home: &Path, url: &str, extra: &[&str]) {
    let mut args = vec!["feeds", "add", "--no-check", url];
    args.extend_from_slice(extra);
    let (_, err, code) = run(home, &args);
    assert_eq!(code, Some(0), "{err}");
}

/// Titles of the stories byline lists (no path: the fetched stories).
fn listed_titles(home: &Path) -> Vec<String> {
    let (out, err, code) = run(home, &["export"]);
    assert_eq!(code, Some(0), "{err}");
    let stories: Vec<serde_json::Value> = serde_json::from_str(&out).unwrap();
    let mut titles: Vec<String> = stories.iter().map(|s| s["title"].as_str().unwrap().to_string()).collect();
    titles.sort();
    titles
}

#[test]
fn a_changing_feed_adds_each_new_item_once_and_updates_edited_ones() {
    let version = Arc::new(AtomicUsize::new(1));
    let v = Arc::clone(&version);
    let server = Server::start(move |_| {
        let mut items =
            vec![("a", "Ferry resumes", "The ferry runs again."), ("b", "Market day", "Stalls open early.")];
        if v.load(Ordering::SeqCst) == 2 {
            items[0].2 = "The ferry runs again, twice a day.";
            items.push(("c", "Bridge vote", "The council votes on Friday."));
        }
        Reply::ok(rss("Harbour Wire", &items))
    });
    let home = tempfile::tempdir().unwrap();
    quick_config(home.path(), "");
    subscribe(home.path(), &server.url("/rss"), &["--tag", "Harbour"]);

    let (out, err, code) = run(home.path(), &["fetch"]);
    assert_eq!(code, Some(0), "{out}{err}");
    assert!(out.contains("Harbour Wire: 2 new (2 stored)"), "{out}");
    let (out, _, _) = run(home.path(), &["fetch"]);
    assert!(out.contains("Harbour Wire: unchanged (2 stored)"), "the same body again is unchanged: {out}");

    version.store(2, Ordering::SeqCst);
    let (out, _, _) = run(home.path(), &["fetch"]);
    assert!(out.contains("Harbour Wire: 1 new, 1 updated (3 stored)"), "{out}");
    assert!(out.contains("fetched 1 feed: 1 new story, 0 unchanged, 0 failed"), "{out}");
    assert_eq!(listed_titles(home.path()), ["Bridge vote", "Ferry resumes", "Market day"]);

    let (out, _, _) = run(home.path(), &["export"]);
    let stories: Vec<serde_json::Value> = serde_json::from_str(&out).unwrap();
    let ferry = stories.iter().find(|s| s["title"] == "Ferry resumes").unwrap();
    assert_eq!(ferry["paragraphs"][0], "The ferry runs again, twice a day.");
    assert_eq!(ferry["tags"], serde_json::json!(["Harbour"]), "the subscription's tag is on its stories");
    assert_eq!(ferry["source"], server.url("/rss"));
    assert_eq!(ferry["url"], "https://news.example/a");
}

#[test]
fn a_matching_etag_gets_304_and_the_feed_is_not_downloaded_again() {
    let bodies = Arc::new(AtomicUsize::new(0));
    let sent = Arc::clone(&bodies);
    let server = Server::start(move |request| {
        if request.header("if-none-match") == Some("\"v1\"") {
            return Reply::status(304);
        }
        sent.fetch_add(1, Ordering::SeqCst);
        Reply::ok(rss("Tagged", &[("a", "One", "Text one.")])).with_header("ETag", "\"v1\"")
    });
    let home = tempfile::tempdir().unwrap();
    quick_config(home.path(), "");
    subscribe(home.path(), &server.url("/feed"), &[]);
    run(home.path(), &["fetch"]);
    let (out, err, code) = run(home.path(), &["fetch"]);
    assert_eq!(code, Some(0), "{err}");
    assert!(out.contains("Tagged: unchanged (1 stored)"), "{out}");
    let requests = server.requests("/feed");
    assert_eq!(requests.len(), 2);
    assert_eq!(requests[0].header("if-none-match"), None);
    assert_eq!(requests[1].header("if-none-match"), Some("\"v1\""));
    assert_eq!(bodies.load(Ordering::SeqCst), 1, "the body was sent once");
    assert_eq!(listed_titles(home.path()), ["One"]);
}

#[test]
fn last_modified_is_sent_back_as_if_modified_since() {
    let stamp = "Sun, 29 Nov 2026 10:00:00 GMT";
    let server = Server::start(move |request| {
        if request.header("if-modified-since") == Some(stamp) {
            return Reply::status(304);
        }
        Reply::ok(rss("Dated", &[("a", "One", "Text.")])).with_header("Last-Modified", stamp)
    });
    let home = tempfile::tempdir().unwrap();
    subscribe(home.path(), &server.url("/feed"), &[]);
    run(home.path(), &["fetch"]);
    let (out, _, _) = run(home.path(), &["fetch"]);
    assert!(out.contains("Dated: unchanged"), "{out}");
    assert_eq!(server.requests("/feed")[1].header("if-modified-since"), Some(stamp));
}

#[test]
fn each_failure_is_reported_on_its_own_line_and_the_other_feeds_still_arrive() {
    let server = Server::start(|request| match request.path.as_str() {
        "/broken" => Reply::status(500),
        "/silent" => Reply::Hang,
        "/missing" => Reply::status(404),
        "/page" => Reply::ok("<html><body><p>Not a feed at all.</p></body></html>"),
        _ => Reply::ok(rss("Good Wire", &[("a", "Still here", "It arrived.")])),
    });
    let home = tempfile::tempdir().unwrap();
    quick_config(home.path(), "fetch_timeout_secs = 1\n");
    for path in ["/broken", "/silent", "/missing", "/page", "/good"] {
        subscribe(home.path(), &server.url(path), &[]);
    }
    let started = Instant::now();
    let (out, err, code) = run(home.path(), &["fetch"]);
    let took = started.elapsed();
    assert_eq!(code, Some(1), "a failed feed makes the exit status 1: {out}{err}");
    let line = |path: &str| line_for(&out, &server.url(path));
    assert!(line("/broken").contains("failed: HTTP 500 Internal Server Error (tried 2 times)"), "{out}");
    assert!(line("/silent").contains("failed: no answer within 1 s"), "{out}");
    assert!(!line("/silent").contains("tried"), "a timeout has spent the time: not tried again: {out}");
    assert!(line("/missing").contains("failed: HTTP 404 Not Found ("), "a 404 is not retried: {out}");
    assert!(line("/page").contains("failed: not a readable feed"), "{out}");
    assert!(out.contains("Good Wire: 1 new (1 stored)"), "{out}");
    assert!(out.contains("fetched 5 feeds: 1 new story, 0 unchanged, 4 failed"), "{out}");
    assert_eq!(server.requests("/broken").len(), 2, "a 500 is tried again once (fetch_retries = 1)");
    assert_eq!(server.requests("/missing").len(), 1);
    // Two attempts of 1 s and a pause of half a second, with the feeds
    // fetched side by side: far less than any feed waiting forever.
    assert!(took < Duration::from_secs(15), "the fetch took {took:?}");
    assert_eq!(listed_titles(home.path()), ["Still here"]);

    let (list, _, _) = run(home.path(), &["feeds", "list"]);
    assert!(list.contains("last error: HTTP 500 Internal Server Error"), "{list}");
}

#[test]
fn a_feed_that_never_answers_costs_one_time_limit_retries_included() {
    let server = Server::start(|_| Reply::Hang);
    let home = tempfile::tempdir().unwrap();
    // The default retries (two), a time limit of 2 s.
    std::fs::create_dir_all(home.path().join("config/byline")).unwrap();
    std::fs::write(home.path().join("config/byline/config.toml"), "fetch_timeout_secs = 2\n").unwrap();
    subscribe(home.path(), &server.url("/silent"), &[]);
    let started = Instant::now();
    let (out, err, code) = run(home.path(), &["fetch"]);
    let took = started.elapsed();
    assert_eq!(code, Some(1), "{out}{err}");
    assert!(out.contains("failed: no answer within 2 s"), "{out}");
    assert!(
        took < Duration::from_secs(3),
        "one feed that never answers took {took:?}, not at most 2 s + 1 s"
    );
    assert_eq!(server.requests("/silent").len(), 1, "not asked again once the time is spent");
}

#[test]
fn redirects_are_followed_and_the_stories_keep_the_subscribed_url() {
    let server = Server::start(|request| match request.path.as_str() {
        "/old" => Reply::status(301).with_header("Location", "/new"),
        _ => Reply::ok(rss("Moved Wire", &[("a", "Moved story", "Text.")])),
    });
    let home = tempfile::tempdir().unwrap();
    subscribe(home.path(), &server.url("/old"), &[]);
    let (out, err, code) = run(home.path(), &["fetch"]);
    assert_eq!(code, Some(0), "{out}{err}");
    assert!(out.contains("Moved Wire: 1 new"), "{out}");
    assert_eq!(server.requests("/new").len(), 1);
    let (export, _, _) = run(home.path(), &["export"]);
    assert!(export.contains(&format!("\"source\": \"{}\"", server.url("/old"))), "{export}");
}

#[test]
fn gzip_bodies_are_asked_for_and_decoded() {
    let server = Server::start(|request| {
        let body = rss("Packed Wire", &[("a", "Compressed story", "Small on the wire.")]);
        if !request.header("accept-encoding").unwrap_or_default().contains("gzip") {
            return Reply::ok(body);
        }
        let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        encoder.write_all(body.as_bytes()).unwrap();
        Reply::ok(encoder.finish().unwrap()).with_header("Content-Encoding", "gzip")
    });
    let home = tempfile::tempdir().unwrap();
    subscribe(home.path(), &server.url("/gz"), &[]);
    let (out, err, _) = run(home.path(), &["fetch"]);
    assert!(out.contains("Packed Wire: 1 new"), "{out}{err}");
    assert!(server.requests("/gz")[0].header("accept-encoding").unwrap().contains("gzip"));
    assert_eq!(listed_titles(home.path()), ["Compressed story"]);
}

#[test]
fn a_response_over_the_size_cap_is_refused_and_nothing_is_stored() {
    let server = Server::start(|_| {
        let body = "x".repeat(100_000);
        let items: Vec<(String, String)> = (0..30).map(|n| (n.to_string(), body.clone())).collect();
        let items: Vec<(&str, &str, &str)> =
            items.iter().map(|(g, b)| (g.as_str(), "Big", b.as_str())).collect();
        Reply::ok(rss("Huge", &items))
    });
    let home = tempfile::tempdir().unwrap();
    quick_config(home.path(), "max_response_mib = 1\n");
    subscribe(home.path(), &server.url("/huge"), &[]);
    let (out, _, code) = run(home.path(), &["fetch"]);
    assert_eq!(code, Some(1));
    assert!(
        out.contains("failed: the response is larger than 1 MiB (max_response_mib in the config)"),
        "{out}"
    );
    let (out, _, _) = run(home.path(), &["list"]);
    assert!(!out.contains("Big"), "nothing of the refused feed is stored: {out}");
}

#[test]
fn fetched_stories_stay_readable_after_the_server_is_gone() {
    let server = Server::start(|_| Reply::ok(rss("Gone Wire", &[("a", "Kept story", "Read me offline.")])));
    let url = server.url("/rss");
    let home = tempfile::tempdir().unwrap();
    quick_config(home.path(), "");
    subscribe(home.path(), &url, &["--tag", "Offline"]);
    run(home.path(), &["fetch"]);
    drop(server);

    let (out, err, code) = run(home.path(), &["fetch"]);
    assert_eq!(code, Some(1));
    assert!(out.contains("Gone Wire: failed: connection failed"), "{out}{err}");
    assert_eq!(listed_titles(home.path()), ["Kept story"]);
    let (out, _, _) = run(home.path(), &["list", "--tag", "Offline"]);
    assert!(out.contains("Kept story"), "{out}");
}

#[test]
fn nothing_is_fetched_unless_asked() {
    let server = Server::start(|_| Reply::ok(rss("Quiet", &[("a", "One", "Text.")])));
    let home = tempfile::tempdir().unwrap();
    subscribe(home.path(), &server.url("/rss"), &[]);
    for args in [&["list"][..], &["tags"], &["feeds", "list"], &["export"]] {
        run(home.path(), args);
    }
    assert!(server.requests("/rss").is_empty(), "a command other than fetch went to the network");
}

#[test]
fn requests_name_byline_in_their_user_agent() {
    let server = Server::start(|_| Reply::ok(rss("UA", &[("a", "One", "Text.")])));
    let home = tempfile::tempdir().unwrap();
    subscribe(home.path(), &server.url("/rss"), &[]);
    run(home.path(), &["fetch"]);
    let agent = server.requests("/rss")[0].header("user-agent").unwrap().to_string();
    assert!(agent.starts_with("byline/"), "{agent}");
}

#[test]
fn two_fetches_at_once_keep_every_item() {
    // Each request gets different items: the two processes' merges must
    // both survive.
    let count = Arc::new(AtomicUsize::new(0));
    let seen = Arc::clone(&count);
    let server = Server::start(move |_| {
        let n = seen.fetch_add(1, Ordering::SeqCst);
        let (a, b) = (format!("g{n}a"), format!("g{n}b"));
        let (ta, tb) = (format!("Story {n}a"), format!("Story {n}b"));
        Reply::ok(rss("Busy", &[(&a, &ta, "Text a."), (&b, &tb, "Text b.")]))
    });
    let home = tempfile::tempdir().unwrap();
    subscribe(home.path(), &server.url("/rss"), &[]);
    let spawn = || {
        std::process::Command::new(env!("CARGO_BIN_EXE_byline"))
            .arg("fetch")
            .envs(xdg_env(home.path()))
            .stdout(std::process::Stdio::null())
            .spawn()
            .unwrap()
    };
    let (mut first, mut second) = (spawn(), spawn());
    assert!(first.wait().unwrap().success() && second.wait().unwrap().success());
    assert_eq!(listed_titles(home.path()), ["Story 0a", "Story 0b", "Story 1a", "Story 1b"]);
}

#[test]
fn removing_a_feed_deletes_its_stories_unless_asked_to_keep_them() {
    let server = one_story_a_path();
    let home = tempfile::tempdir().unwrap();
    subscribe(home.path(), &server.url("/one"), &[]);
    subscribe(home.path(), &server.url("/two"), &[]);
    run(home.path(), &["fetch"]);
    assert_eq!(listed_titles(home.path()), ["Story of one", "Story of two"]);
    let (_, err, code) = run(home.path(), &["feeds", "remove", &server.url("/one")]);
    assert_eq!(code, Some(0));
    assert!(err.contains("deleted its 1 stored stories"), "{err}");
    let (_, _, code) = run(home.path(), &["feeds", "remove", &server.url("/two"), "--keep-items"]);
    assert_eq!(code, Some(0));
    assert_eq!(listed_titles(home.path()), ["Story of two"]);
    let (_, err, code) = run(home.path(), &["feeds", "remove", &server.url("/two")]);
    assert_eq!(code, Some(2));
    assert!(err.contains("not subscribed to"), "{err}");
}

/// A server whose every request waits until `together` requests are in
/// flight (or five seconds pass), and which remembers the most it saw.
fn gathering_server(together: usize) -> (Server, Arc<std::sync::Mutex<(usize, usize)>>) {
    let counts = Arc::new(std::sync::Mutex::new((0usize, 0usize)));
    let wake = Arc::new(std::sync::Condvar::new());
    let (seen, bell) = (Arc::clone(&counts), Arc::clone(&wake));
    let server = Server::start(move |request| {
        let mut guard = seen.lock().unwrap();
        guard.0 += 1;
        guard.1 = guard.1.max(guard.0);
        bell.notify_all();
        let (mut guard, _) = bell
            .wait_timeout_while(guard, Duration::from_secs(5), |c| c.0 < together && c.1 < together)
            .unwrap();
        guard.0 -= 1;
        drop(guard);
        let name = request.path.trim_start_matches('/');
        Reply::ok(rss(name, &[(name, name, "Text.")]))
    });
    (server, counts)
}

#[test]
fn feeds_are_fetched_side_by_side_and_never_more_than_jobs_at_once() {
    for (jobs, feeds) in [(None, 8), (Some("2"), 6)] {
        let together = jobs.map_or(8, |j: &str| j.parse().unwrap());
        let (server, counts) = gathering_server(together);
        let home = tempfile::tempdir().unwrap();
        for n in 0..feeds {
            subscribe(home.path(), &server.url(&format!("/f{n}")), &[]);
        }
        let mut args = vec!["fetch"];
        args.extend(jobs.iter().flat_map(|j| ["--jobs", *j]));
        let started = Instant::now();
        let (out, err, code) = run(home.path(), &args);
        assert_eq!(code, Some(0), "{out}{err}");
        assert_eq!(counts.lock().unwrap().1, together, "at most {together} requests at once");
        assert!(started.elapsed() < Duration::from_secs(5), "the feeds were fetched one after another");
    }
}

#[test]
fn a_progress_bar_shows_on_a_terminal_and_is_gone_before_the_summary() {
    let server = Server::start(|_| Reply::ok(rss("Bar Wire", &[("a", "One", "Text.")])));
    let home = tempfile::tempdir().unwrap();
    subscribe(home.path(), &server.url("/rss"), &[]);

    // On a pipe: the lines only.
    let piped = std::process::Command::new(env!("CARGO_BIN_EXE_byline"))
        .arg("fetch")
        .envs(xdg_env(home.path()))
        .env("BYLINE_PROGRESS_DELAY_MS", "0")
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&piped.stdout).contains("Bar Wire: 1 new"));
    assert_eq!(String::from_utf8_lossy(&piped.stderr), "");

    let s =
        common::pty::Session::start_with_env(home, &["fetch"], 100, 30, &[("BYLINE_PROGRESS_DELAY_MS", "0")]);
    let (status, _, raw) = s.finish_raw();
    assert!(status.success());
    let text = String::from_utf8_lossy(&raw);
    let bar = text.find("byline: fetching [").expect("a progress bar");
    let erased = text[bar..].find("\r\x1b[2K").expect("the bar erased") + bar;
    assert!(erased < text.find("fetched 1 feed").unwrap(), "{text:?}");
}

#[test]
fn a_gzip_bomb_is_stopped_at_the_cap_after_decompression() {
    let server = Server::start(|_| {
        // 64 MiB of spaces inside a feed, about 64 KiB on the wire.
        let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
        encoder
            .write_all(b"<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Bomb</title>")
            .unwrap();
        let spaces = vec![b' '; 1024 * 1024];
        for _ in 0..64 {
            encoder.write_all(&spaces).unwrap();
        }
        encoder.write_all(b"</channel></rss>").unwrap();
        Reply::ok(encoder.finish().unwrap()).with_header("Content-Encoding", "gzip")
    });
    let home = tempfile::tempdir().unwrap();
    quick_config(home.path(), "max_response_mib = 2\n");
    subscribe(home.path(), &server.url("/bomb"), &[]);
    let (out, _, code) = run(home.path(), &["fetch"]);
    assert_eq!(code, Some(1));
    assert!(out.contains("the response is larger than 2 MiB"), "{out}");
}

#[test]
fn redirect_loops_and_redirects_away_from_http_fail_with_a_reason() {
    let server = Server::start(|request| match request.path.as_str() {
        "/loop" => Reply::status(302).with_header("Location", "/loop"),
        "/away" => Reply::status(302).with_header("Location", "file:///etc/passwd"),
        _ => Reply::status(404),
    });
    let home = tempfile::tempdir().unwrap();
    quick_config(home.path(), "");
    subscribe(home.path(), &server.url("/loop"), &[]);
    subscribe(home.path(), &server.url("/away"), &[]);
    let (out, err, code) = run(home.path(), &["fetch"]);
    assert_eq!(code, Some(1), "{err}");
    let line = |path: &str| line_for(&out, &server.url(path));
    assert!(line("/loop").contains("failed: too many redirects"), "{out}");
    assert!(server.requests("/loop").len() <= 6, "redirects are bounded");
    // ureq reads a Location that is not http(s) as a path on the same
    // server: the fetch stays on HTTP, finds nothing there, and no local
    // file is ever read.
    assert!(line("/away").contains("failed: HTTP 404 Not Found"), "{out}");
    assert!(!run(home.path(), &["export"]).0.contains("root:"), "nothing of /etc/passwd was stored");
}

#[test]
fn items_that_cannot_be_read_are_named_on_the_feeds_line() {
    let server = Server::start(|_| {
        Reply::ok(
            "<rss version=\"2.0\"><channel><title>Patchy</title>\
             <item><guid>a</guid><title>Readable</title><description>Text.</description></item>\
             <item><guid>b</guid></item></channel></rss>",
        )
    });
    let home = tempfile::tempdir().unwrap();
    subscribe(home.path(), &server.url("/rss"), &[]);
    let (out, _, code) = run(home.path(), &["fetch"]);
    assert_eq!(code, Some(0));
    assert!(out.contains("Patchy: 1 new (1 stored); skipped item 2: no title and no text"), "{out}");
}

#[test]
fn escape_sequences_in_a_feed_never_reach_the_terminal() {
    let server = Server::start(|_| {
        Reply::ok(
            "<rss version=\"2.0\"><channel><title>Evil&#x1b;]0;owned&#x7; Wire&#x9b;2J</title>\
             <item><guid>a&#x1b;[2J</guid><title>Red&#x1b;[31m alert</title>\
             <category>Tag&#x1b;[5m</category><description>Body&#x1b;[8m text.</description></item>\
             </channel></rss>",
        )
    });
    let home = tempfile::tempdir().unwrap();
    subscribe(home.path(), &server.url("/rss"), &[]);
    for args in [&["fetch"][..], &["feeds", "list"], &["feeds", "list", "--json"], &["list"], &["export"]] {
        let out = byline_in(home.path(), args);
        for stream in [&out.stdout, &out.stderr] {
            assert!(
                !stream.iter().any(|&b| b == 0x1b || b == 0x07)
                    && !String::from_utf8_lossy(stream).contains('\u{9b}'),
                "{args:?} printed a control character: {:?}",
                String::from_utf8_lossy(stream)
            );
        }
    }
    let (out, _, _) = run(home.path(), &["fetch"]);
    assert!(out.contains("Wire: unchanged (1 stored)"), "the feed was read, not refused: {out}");
    let (out, _, _) = run(home.path(), &["list"]);
    assert!(out.contains("Red") && out.contains("alert"), "{out}");
}

#[test]
fn a_reader_that_goes_away_stops_the_printing_but_not_the_fetching() {
    let server = one_story_a_path();
    let home = tempfile::tempdir().unwrap();
    for n in 0..6 {
        subscribe(home.path(), &server.url(&format!("/f{n}")), &[]);
    }
    // stdout closed before byline writes anything.
    let status = std::process::Command::new(env!("CARGO_BIN_EXE_byline"))
        .args(["fetch", "--jobs", "1"])
        .envs(xdg_env(home.path()))
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .and_then(|mut child| {
            drop(child.stdout.take());
            child.wait_with_output()
        })
        .unwrap();
    assert_eq!(status.status.code(), Some(0), "{}", String::from_utf8_lossy(&status.stderr));
    assert_eq!(String::from_utf8_lossy(&status.stderr), "");
    assert_eq!(listed_titles(home.path()).len(), 6, "every feed was still fetched and stored");
}

#[test]
fn retry_after_is_honoured_and_a_long_one_waits_for_the_next_fetch() {
    let tries = Arc::new(AtomicUsize::new(0));
    let seen = Arc::clone(&tries);
    let server = Server::start(move |request| match request.path.as_str() {
        "/busy" if seen.fetch_add(1, Ordering::SeqCst) == 0 => {
            Reply::status(503).with_header("Retry-After", "1")
        }
        "/busy" => Reply::ok(rss("Busy Wire", &[("a", "After the wait", "Text.")])),
        _ => Reply::status(429).with_header("Retry-After", "3600"),
    });
    let home = tempfile::tempdir().unwrap();
    quick_config(home.path(), "");
    subscribe(home.path(), &server.url("/busy"), &[]);
    subscribe(home.path(), &server.url("/later"), &[]);
    let started = Instant::now();
    let (out, _, code) = run(home.path(), &["fetch"]);
    assert_eq!(code, Some(1), "{out}");
    assert!(out.contains("Busy Wire: 1 new"), "tried again after the asked second: {out}");
    assert!(started.elapsed() >= Duration::from_secs(1), "the asked second was waited");
    assert!(out.contains("failed: HTTP 429 Too Many Requests, asked to wait 3600 s"), "{out}");
    assert_eq!(server.requests("/later").len(), 1, "an hour is not waited for now");
}

#[test]
fn fetch_can_be_given_the_feeds_to_fetch() {
    let server = one_story_a_path();
    let home = tempfile::tempdir().unwrap();
    for name in ["/one", "/two", "/three"] {
        subscribe(home.path(), &server.url(name), &[]);
    }
    let (out, err, code) = run(home.path(), &["fetch", &server.url("/two")]);
    assert_eq!(code, Some(0), "{err}");
    assert!(out.contains("fetched 1 feed: 1 new story"), "{out}");
    assert!(server.requests("/one").is_empty() && server.requests("/three").is_empty());
    let (_, err, code) = run(home.path(), &["fetch", "https://never.example/rss"]);
    assert_eq!(code, Some(2));
    assert!(err.contains("not subscribed to https://never.example/rss"), "{err}");
}
