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
        assert!(byline_in(home.path(), &["feeds", "add", url]).status.success());
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
