//! Whole stories from summary feeds, and feeds found on web pages: the
//! real binary against an HTTP server on 127.0.0.1 started by each test.

#![allow(clippy::unwrap_used)]

mod common;

use std::path::Path;
use std::sync::{Arc, Mutex, OnceLock};
use std::time::{Duration, Instant};

use common::byline_in;
use common::http::{Reply, Server};

fn run(home: &Path, args: &[&str]) -> (String, String, Option<i32>) {
    let out = byline_in(home, args);
    (String::from_utf8(out.stdout).unwrap(), String::from_utf8(out.stderr).unwrap(), out.status.code())
}

fn config(home: &Path) {
    config_with(home, "fetch_timeout_secs = 10\n");
}

fn config_with(home: &Path, settings: &str) {
    let dir = home.join("config/byline");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("config.toml"), format!("fetch_retries = 1\n{settings}")).unwrap();
}

/// A web page holding an article of `paragraphs` paragraphs about the
/// pier, the first with a quote, inside navigation and a footer.
fn article_page(paragraphs: usize) -> Vec<u8> {
    let mut body = String::from(
        "<p>\u{201c}We will rebuild the pier before the winter storms,\u{201d} said Mayor Tomas Evers on Monday.</p>",
    );
    for i in 1..paragraphs {
        body.push_str(&format!(
            "<p>Paragraph {i}: the council heard from fishermen, ferry crews and shop owners about the pierwork schedule and the cost of the timber.</p>"
        ));
    }
    format!(
        "<!DOCTYPE html><html><head><title>Pier to be rebuilt</title><meta name=\"keywords\" content=\"Harbour\"></head>\
         <body><nav><a href=\"/\">Home</a> <a href=\"/sport\">Sport</a></nav><main><article><h1>Pier to be rebuilt</h1>\
         <p class=\"byline\">By Lena Marsh</p>{body}</article></main><footer>Contact us</footer></body></html>"
    )
    .into_bytes()
}

fn html(body: Vec<u8>) -> Reply {
    Reply::Full(200, vec![("Content-Type".into(), "text/html; charset=utf-8".into())], body)
}

/// An RSS feed whose items (guid, title) link to `link(guid)` and carry a
/// one-sentence summary.
fn summary_feed(items: &[(&str, String)]) -> String {
    let mut out =
        String::from("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Harbour Brief</title>");
    for (guid, link) in items {
        out.push_str(&format!(
            "<item><guid>{guid}</guid><title>Story {guid}</title><link>{link}</link><description>A short summary of {guid}.</description></item>"
        ));
    }
    out.push_str("</channel></rss>");
    out
}

/// A server with a summary feed at `/rss` whose items link to an article,
/// a page that is not one, a missing page and a slow article page.
fn harbour_server() -> Server {
    let base = std::sync::Arc::new(std::sync::OnceLock::<String>::new());
    let seen = std::sync::Arc::clone(&base);
    let server = Server::start(move |request| {
        let base = seen.get().cloned().unwrap_or_default();
        match request.path.as_str() {
            "/rss" => Reply::ok(summary_feed(&[
                ("article", format!("{base}/article")),
                ("index", format!("{base}/index")),
                ("missing", format!("{base}/missing")),
                ("slow", format!("{base}/slow")),
            ])),
            "/article" => html(article_page(6)),
            "/index" => html(
                b"<html><head><title>Sections</title></head><body><ul><li><a href=/a>A</a></li><li><a href=/b>B</a></li></ul></body></html>"
                    .to_vec(),
            ),
            "/slow" => {
                // A slow server, within the time limit.
                std::thread::sleep(Duration::from_millis(700));
                html(article_page(4))
            }
            _ => Reply::status(404),
        }
    });
    base.set(server.url("")).unwrap();
    server
}

fn exported(home: &Path) -> Vec<serde_json::Value> {
    let (out, err, code) = run(home, &["export"]);
    assert_eq!(code, Some(0), "{err}");
    serde_json::from_str(&out).unwrap()
}

fn story<'a>(stories: &'a [serde_json::Value], title: &str) -> &'a serde_json::Value {
    stories.iter().find(|s| s["title"] == title).unwrap_or_else(|| panic!("no story {title}"))
}

fn texts(story: &serde_json::Value) -> Vec<String> {
    story["paragraphs"].as_array().unwrap().iter().map(|p| p.as_str().unwrap().to_string()).collect()
}

#[test]
fn a_summary_feed_gets_whole_stories_once_and_keeps_its_summary_with_a_reason() {
    let server = harbour_server();
    let home = tempfile::tempdir().unwrap();
    config(home.path());
    let feed = server.url("/rss");
    let (_, err, code) = run(home.path(), &["feeds", "add", &feed, "--full-text"]);
    assert_eq!(code, Some(0), "{err}");
    assert!(err.contains("full text from each item's page"), "{err}");

    let (out, err, code) = run(home.path(), &["fetch"]);
    assert_eq!(code, Some(0), "{out}{err}");
    assert!(out.contains("4 new") && out.contains("full text of 2 of 4 from their pages"), "{out}");

    let stories = exported(home.path());
    let article = story(&stories, "Story article");
    assert!(texts(article).iter().any(|p| p.starts_with("Paragraph 5: the council")), "{article}");
    assert!(!texts(article).iter().any(|p| p.contains("Contact us") || p == "Home"), "page furniture kept");
    assert_eq!(article["author"], "Lena Marsh");
    assert!(article["tags"].as_array().unwrap().contains(&"Harbour".into()), "{}", article["tags"]);
    assert_eq!(
        article["quotes"][0]["speaker"], "Tomas Evers",
        "quotes are found in the full text: {}",
        article["quotes"]
    );
    assert!(texts(story(&stories, "Story slow")).len() >= 4, "a slow page within the limit gives its text");
    for kept in ["Story index", "Story missing"] {
        assert_eq!(texts(story(&stories, kept)), [format!("A short summary of {}.", &kept[6..])]);
    }

    let (out, _, _) = run(home.path(), &["feeds", "list"]);
    assert!(out.contains("full text: 2 items from their pages; 2 items kept the feed's summary"), "{out}");
    let (out, _, _) = run(home.path(), &["feeds", "list", "--json"]);
    let listed: serde_json::Value = serde_json::from_str(out.trim()).unwrap();
    assert_eq!(listed["full_text"], true);
    assert_eq!(listed["full_text_items"], 2);
    let reason = listed["kept_reason"].as_str().unwrap();
    assert!(reason == "HTTP 404 Not Found" || reason == "no article found on the page", "{reason}");

    let (out, err, code) = run(home.path(), &["fetch"]);
    assert_eq!(code, Some(0), "{out}{err}");
    for page in ["/article", "/index", "/missing", "/slow"] {
        assert_eq!(server.requests(page).len(), 1, "{page} was downloaded again");
    }
    assert_eq!(server.requests("/rss").len(), 3, "checked when added, then fetched twice");
    let again = exported(home.path());
    assert_eq!(texts(story(&again, "Story article")), texts(article), "the full text stays");
}

#[test]
fn full_text_can_be_turned_on_later_for_the_items_already_stored() {
    let server = harbour_server();
    let home = tempfile::tempdir().unwrap();
    config(home.path());
    let feed = server.url("/rss");
    assert_eq!(run(home.path(), &["feeds", "add", "--no-check", &feed]).2, Some(0));
    assert_eq!(run(home.path(), &["fetch"]).2, Some(0));
    assert!(server.requests("/article").is_empty(), "no page is fetched unless asked");
    assert_eq!(texts(story(&exported(home.path()), "Story article")), ["A short summary of article."]);

    let (_, err, code) = run(home.path(), &["feeds", "add", &feed, "--full-text"]);
    assert_eq!(code, Some(0), "{err}");
    let toml = std::fs::read_to_string(home.path().join("config/byline/feeds.toml")).unwrap();
    assert!(toml.contains("\nfull_text = true"), "{toml}");
    let (out, _, _) = run(home.path(), &["fetch"]);
    assert!(out.contains("unchanged") && out.contains("full text of 2 of 4"), "{out}");
    assert!(texts(story(&exported(home.path()), "Story article")).len() >= 6);

    assert_eq!(run(home.path(), &["feeds", "add", &feed, "--no-full-text"]).2, Some(0));
    let toml = std::fs::read_to_string(home.path().join("config/byline/feeds.toml")).unwrap();
    assert!(!toml.contains("\nfull_text = true"), "{toml}");
}

#[test]
fn an_item_link_that_is_not_http_is_never_fetched() {
    let server = Server::start(|_| {
        Reply::ok(summary_feed(&[("local", "file:///etc/passwd".into()), ("gopher", "gopher://old/".into())]))
    });
    let home = tempfile::tempdir().unwrap();
    config(home.path());
    assert_eq!(run(home.path(), &["feeds", "add", &server.url("/rss"), "--full-text"]).2, Some(0));
    let (out, err, code) = run(home.path(), &["fetch"]);
    assert_eq!(code, Some(0), "{out}{err}");
    let stories = exported(home.path());
    assert_eq!(texts(story(&stories, "Story local")), ["A short summary of local."]);
    assert!(!out.contains("root:"), "{out}");
}

/// A site whose front page names `feeds` alternate feeds, each of which
/// is served.
fn site(feeds: usize) -> Server {
    Server::start(move |request| match request.path.as_str() {
        "/" => {
            let links: String = (0..feeds)
                .map(|n| format!("<link rel=\"alternate\" type=\"application/rss+xml\" title=\"Feed {n}\" href=\"/feed{n}.xml\">"))
                .collect();
            html(format!("<!DOCTYPE html><html><head><title>Site</title>{links}</head><body><p>Front page</p></body></html>").into_bytes())
        }
        path if path.starts_with("/feed") => {
            Reply::ok(summary_feed(&[("one", "https://x.example/1".into())]))
        }
        _ => Reply::status(404),
    })
}

#[test]
fn adding_a_web_page_subscribes_to_the_feed_it_names() {
    let server = site(1);
    let home = tempfile::tempdir().unwrap();
    config(home.path());
    let (_, err, code) = run(home.path(), &["feeds", "add", &server.url("/")]);
    assert_eq!(code, Some(0), "{err}");
    assert!(err.contains("it names the RSS feed"), "{err}");
    let (out, _, _) = run(home.path(), &["feeds", "list", "--json"]);
    let listed: serde_json::Value = serde_json::from_str(out.trim()).unwrap();
    assert_eq!(listed["url"], server.url("/feed0.xml"));
}

#[test]
fn a_web_page_naming_two_feeds_lists_them_and_subscribes_to_neither() {
    let server = site(2);
    let home = tempfile::tempdir().unwrap();
    config(home.path());
    let (_, err, code) = run(home.path(), &["feeds", "add", &server.url("/")]);
    assert_eq!(code, Some(2), "{err}");
    assert!(err.contains("names 2 feeds"), "{err}");
    for n in 0..2 {
        assert!(err.contains(&format!("byline feeds add {}", server.url(&format!("/feed{n}.xml")))), "{err}");
    }
    let (out, _, _) = run(home.path(), &["feeds", "list", "--json"]);
    assert!(out.trim().is_empty(), "{out}");
    let (_, err, code) = run(home.path(), &["feeds", "add", &server.url("/feed1.xml")]);
    assert_eq!(code, Some(0), "{err}");
    assert!(err.contains("is a feed (\"Harbour Brief\", 1 item now)"), "{err}");
}

#[test]
fn a_page_with_no_feed_is_refused_and_an_unreachable_url_is_added_with_a_warning() {
    let server = site(0);
    let home = tempfile::tempdir().unwrap();
    config(home.path());
    let (_, err, code) = run(home.path(), &["feeds", "add", &server.url("/")]);
    assert_eq!(code, Some(2));
    assert!(err.contains("names no feed") && err.contains("--no-check"), "{err}");
    let gone = server.url("/rss");
    drop(server);
    let (_, err, code) = run(home.path(), &["feeds", "add", &gone]);
    assert_eq!(code, Some(0), "{err}");
    assert!(err.contains("could not check") && err.contains("subscribed to it as it is"), "{err}");
}

/// A summary feed of `items` items, each linking to its own article page
/// on the same server; the feed's summaries say `version`. The server
/// counts the page requests in flight and keeps the most seen.
fn counting_server(items: usize, version: Arc<Mutex<&'static str>>) -> (Server, Arc<Mutex<(usize, usize)>>) {
    let counts = Arc::new(Mutex::new((0usize, 0usize)));
    let base = Arc::new(OnceLock::<String>::new());
    let (seen, at) = (Arc::clone(&counts), Arc::clone(&base));
    let server = Server::start(move |request| {
        let base = at.get().cloned().unwrap_or_default();
        if request.path == "/rss" {
            let version = *version.lock().unwrap();
            let items: Vec<(String, String)> =
                (0..items).map(|n| (format!("p{n}"), format!("{base}/page/{n}"))).collect();
            let items: Vec<(&str, String)> = items.iter().map(|(g, l)| (g.as_str(), l.clone())).collect();
            return Reply::ok(summary_feed(&items).replace("A short summary", version));
        }
        {
            let mut c = seen.lock().unwrap();
            c.0 += 1;
            c.1 = c.1.max(c.0);
        }
        // Long enough for the others to arrive while this one is served.
        std::thread::sleep(Duration::from_millis(150));
        seen.lock().unwrap().0 -= 1;
        html(article_page(5))
    });
    base.set(server.url("")).unwrap();
    (server, counts)
}

#[test]
fn pages_on_one_host_are_fetched_two_at_a_time_and_again_only_when_their_item_changes() {
    let version = Arc::new(Mutex::new("A short summary"));
    let (server, counts) = counting_server(6, Arc::clone(&version));
    let home = tempfile::tempdir().unwrap();
    config(home.path());
    assert_eq!(
        run(home.path(), &["feeds", "add", "--no-check", "--full-text", &server.url("/rss")]).2,
        Some(0)
    );
    let (out, err, code) = run(home.path(), &["fetch"]);
    assert_eq!(code, Some(0), "{out}{err}");
    assert!(out.contains("full text of 6 from their pages"), "{out}");
    assert_eq!(counts.lock().unwrap().1, 2, "at most two requests at once to one host");

    assert_eq!(run(home.path(), &["fetch"]).2, Some(0));
    assert_eq!(server.requests("/page/0").len(), 1, "a page is fetched once");
    *version.lock().unwrap() = "An updated summary";
    let (out, _, _) = run(home.path(), &["fetch"]);
    assert!(out.contains("6 updated") && out.contains("full text of 6"), "{out}");
    assert_eq!(server.requests("/page/0").len(), 2, "an item that changed has its page fetched again");
}

#[test]
fn a_page_that_never_answers_costs_one_time_limit_and_is_tried_again_next_time() {
    let base = Arc::new(OnceLock::<String>::new());
    let at = Arc::clone(&base);
    let server = Server::start(move |request| match request.path.as_str() {
        "/rss" => Reply::ok(summary_feed(&[("stuck", format!("{}/stuck", at.get().unwrap()))])),
        _ => Reply::Hang,
    });
    base.set(server.url("")).unwrap();
    let home = tempfile::tempdir().unwrap();
    config_with(home.path(), "fetch_timeout_secs = 2\n");
    assert_eq!(
        run(home.path(), &["feeds", "add", "--no-check", "--full-text", &server.url("/rss")]).2,
        Some(0)
    );
    let started = Instant::now();
    let (out, err, code) = run(home.path(), &["fetch"]);
    let took = started.elapsed();
    assert_eq!(code, Some(0), "{out}{err}");
    assert!(took < Duration::from_secs(3), "the page held the fetch for {took:?}");
    assert!(out.contains("full text of 0 of 1"), "{out}");
    let (out, _, _) = run(home.path(), &["feeds", "list"]);
    assert!(out.contains("(last: no answer within 2 s)"), "{out}");
    run(home.path(), &["fetch"]);
    assert_eq!(server.requests("/stuck").len(), 2, "a page that timed out is tried at the next fetch");
}
