//! End to end: fetching from the reader in a pseudo-terminal, against an
//! HTTP server on 127.0.0.1. `r` fetches while the reader stays usable,
//! new stories join the list, failures show in the status bar, and nothing
//! is fetched on start unless the config asks.

#![allow(clippy::unwrap_used)]

mod common;

use common::byline_in;
use common::http::{Reply, Server, rss};
use common::pty::Session;

fn wire() -> Server {
    Server::start(|request| match request.path.as_str() {
        "/broken" => Reply::status(404),
        _ => Reply::ok(rss(
            "Quokka Wire",
            &[
                ("q1", "Quokka census finds more", "Counters found more."),
                ("q2", "Island ferry delayed", "By a day."),
            ],
        )),
    })
}

fn home_subscribed(urls: &[String], config: &str) -> tempfile::TempDir {
    let home = tempfile::tempdir().unwrap();
    for url in urls {
        assert!(byline_in(home.path(), &["feeds", "add", "--no-check", url]).status.success());
    }
    let dir = home.path().join("config/byline");
    std::fs::write(dir.join("config.toml"), config).unwrap();
    home
}

#[test]
fn r_fetches_in_the_background_and_the_new_stories_join_the_list() {
    let server = wire();
    let home = home_subscribed(&[server.url("/rss"), server.url("/broken")], "");
    // Nothing fetched yet and no library: the sample opens.
    let mut s = Session::start_in(home, &[], 160, 30);
    s.wait_for_text("Stories");
    s.keys("r");
    s.wait_for_text("fetched 2 feeds: 2 new stories; failed: ");
    assert!(s.screen().contains("HTTP 404 Not Found"), "{}", s.screen());
    s.keys("/quokka\r");
    s.wait_for_text("Quokka census finds more");
    s.keys("q");
    let (status, _, home) = s.finish_keeping_home();
    assert!(status.success());

    // The next start opens the fetched stories, offline.
    drop(server);
    let mut s = Session::start_in(home, &[], 160, 30);
    s.wait_for_text("Island ferry delayed");
    assert!(s.screen().contains("Quokka census finds more"), "{}", s.screen());
    assert!(!s.screen().contains("Haiti"), "the sample is not opened once there are fetched stories");
    s.keys("q");
    assert!(s.finish().0.success());
}

#[test]
fn the_reader_fetches_on_start_only_when_the_config_says_so() {
    let server = wire();
    let home = home_subscribed(&[server.url("/rss")], "");
    let mut s = Session::start_in(home, &[], 120, 30);
    s.wait_for_text("Stories");
    s.keys("q");
    assert!(s.finish().0.success());
    assert!(server.requests("/rss").is_empty(), "opening the reader fetched without being asked");

    let home = home_subscribed(&[server.url("/rss")], "fetch_on_start = true\n");
    let mut s = Session::start_in(home, &[], 120, 30);
    s.wait_for_text("fetched 1 feed: 2 new stories");
    assert_eq!(server.requests("/rss").len(), 1);
    s.keys("q");
    assert!(s.finish().0.success());
}

#[test]
fn r_with_no_subscriptions_says_how_to_add_one() {
    let mut s = Session::start(&[], 120, 30);
    s.wait_for_text("Stories");
    s.keys("r");
    s.wait_for_text("no subscriptions yet: add one with `byline feeds add URL`");
    s.keys("q");
    assert!(s.finish().0.success());
}

/// A summary feed at `/rss` whose one item links to an article at `/pier`.
fn pier_server() -> Server {
    let base = std::sync::Arc::new(std::sync::OnceLock::<String>::new());
    let seen = std::sync::Arc::clone(&base);
    let server = Server::start(move |request| match request.path.as_str() {
        "/rss" => Reply::ok(format!(
            "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Pier Brief</title>\
             <item><guid>p1</guid><title>Pier closed for repairs</title><link>{}/pier</link>\
             <description>One line of summary.</description><pubDate>Tue, 01 Dec 2026 08:00:00 GMT</pubDate></item></channel></rss>",
            seen.get().unwrap()
        )),
        "/pier" => {
            let paragraphs: String = (0..5)
                .map(|i| format!("<p>Part {i}: divers found the pilings rotten below the waterline, and the harbour board met at noon to decide.</p>"))
                .collect();
            Reply::Full(
                200,
                vec![("Content-Type".into(), "text/html".into())],
                format!("<html><head><title>Pier closed</title></head><body><article><h1>Pier closed</h1>{paragraphs}</article></body></html>").into_bytes(),
            )
        }
        _ => Reply::status(404),
    });
    base.set(server.url("")).unwrap();
    server
}

#[test]
fn capital_f_shows_the_whole_story_from_its_page_and_keeps_it() {
    let server = pier_server();
    let home = home_subscribed(&[server.url("/rss")], "");
    assert!(byline_in(home.path(), &["fetch"]).status.success());
    let mut s = Session::start_in(home, &[], 140, 30);
    s.wait_for_text("Pier closed for repairs");
    s.keys("\r");
    s.wait_for_text("One line of summary.");
    s.keys("F");
    s.wait_for_text("full text from 127.0.0.1");
    s.wait_for_text("Part 0: divers found the pilings rotten");
    assert!(!s.screen().contains("One line of summary."), "{}", s.screen());
    s.keys("q");
    let (status, _, home) = s.finish_keeping_home();
    assert!(status.success());
    assert_eq!(server.requests("/pier").len(), 1);

    // Kept with the item: the next start shows it without the server.
    drop(server);
    let mut s = Session::start_in(home, &[], 140, 30);
    s.wait_for_text("Pier closed for repairs");
    s.keys("\r");
    s.wait_for_text("Part 0: divers found the pilings rotten");
    s.keys("q");
    assert!(s.finish().0.success());
}
