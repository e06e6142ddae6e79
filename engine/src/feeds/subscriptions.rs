//! The subscriptions file, `feeds.toml` in the config directory: one
//! `[[feed]]` table a feed with its `url`, an optional `title` and `tags`.
//! People edit it by hand; byline rewrites it (under a lock, atomically)
//! when a feed is added, removed or imported.

use std::io;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::atomic_file;
use crate::toml_file::{TomlError, parse_toml};

/// One feed the user follows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Subscription {
    /// The feed's URL (http or https).
    pub url: String,
    /// The user's name for it; unset, the feed's own title is shown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Added to the tags of every item of the feed.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    /// Fetch each new item's web page and keep its whole text (the feed
    /// gives a summary only).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub full_text: bool,
}

impl Subscription {
    /// A subscription with no title and no tags.
    pub fn new(url: &str) -> Subscription {
        Subscription { url: url.to_string(), title: None, tags: Vec::new(), full_text: false }
    }
}

#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileContents {
    #[serde(default, rename = "feed")]
    feeds: Vec<Subscription>,
}

const HEADER: &str = "\
# byline subscriptions: one [[feed]] table a feed, fetched by `byline fetch`
# (or `r` in the reader). Edit freely: `url` is required, `title` and `tags`
# are optional, and the tags are added to every story of the feed.
# `full_text = true` fetches each new item's web page for its whole text.
# `byline feeds add`, `remove` and `import` rewrite this file.
";

/// A URL byline will fetch: http or https, with a host, and no spaces or
/// control characters. Returns the reason when it is not one.
pub fn check_url(url: &str) -> Result<(), String> {
    if url.chars().any(|c| c.is_control() || c.is_whitespace()) {
        return Err(format!("`{}` is not a URL: it holds spaces or control characters", url.escape_debug()));
    }
    let Some((scheme, _)) = url.split_once("://") else {
        return Err(format!("`{url}` is not a URL: expected http://... or https://..."));
    };
    if !scheme.eq_ignore_ascii_case("http") && !scheme.eq_ignore_ascii_case("https") {
        return Err(format!("`{url}`: only http and https feeds can be fetched, not {scheme}"));
    }
    if crate::model::url_host(url).is_none() {
        return Err(format!("`{url}` is not a URL: it has no host"));
    }
    Ok(())
}

/// The subscriptions file on disk.
#[derive(Debug, Clone)]
pub struct SubscriptionFile {
    path: PathBuf,
}

impl SubscriptionFile {
    /// The subscriptions file at `path` (created when first written).
    pub fn new(path: PathBuf) -> SubscriptionFile {
        SubscriptionFile { path }
    }

    /// Where the file is.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Every subscription, in the file's order; none when there is no file.
    /// A file that cannot be read is an error naming its line and column.
    pub fn load(&self) -> Result<Vec<Subscription>, TomlError> {
        let shown = self.path.display().to_string();
        let text = match std::fs::read_to_string(&self.path) {
            Ok(text) => text,
            Err(err) if err.kind() == io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(err) => return Err(TomlError::whole_file(&shown, &err)),
        };
        let contents: FileContents = parse_toml(&text, &shown)?;
        for (i, feed) in contents.feeds.iter().enumerate() {
            check_url(&feed.url).map_err(|reason| TomlError {
                path: shown.clone(),
                line: line_of_nth_feed(&text, i),
                column: 1,
                message: reason,
            })?;
        }
        // A URL written twice (by hand) is one subscription with the tags
        // of both.
        let mut feeds = Vec::with_capacity(contents.feeds.len());
        add_all(&mut feeds, contents.feeds);
        Ok(feeds)
    }

    /// Change the subscriptions under the file's lock: `change` gets what is
    /// on disk now (so another process's change is never lost) and its
    /// result is written back atomically. Returns what `change` returned.
    /// A file that cannot be read is an error, and is not written.
    pub fn update<T>(&self, change: impl FnOnce(&mut Vec<Subscription>) -> T) -> io::Result<T> {
        let lock = atomic_file::lock(&self.lock_path())?;
        let mut feeds = self.load().map_err(io::Error::other)?;
        let result = change(&mut feeds);
        let text = toml::to_string(&FileContents { feeds }).map_err(io::Error::other)?;
        atomic_file::write(&lock, &self.path, |out| {
            out.write_all(HEADER.as_bytes())?;
            out.write_all(b"\n")?;
            out.write_all(text.as_bytes())
        })?;
        Ok(result)
    }

    fn lock_path(&self) -> PathBuf {
        let name = self.path.file_name().map_or("feeds.toml".into(), |n| n.to_string_lossy());
        self.path.with_file_name(format!(".{name}.lock"))
    }
}

/// The line of the `i`th `[[feed]]` header, for error messages.
fn line_of_nth_feed(text: &str, i: usize) -> usize {
    text.lines()
        .enumerate()
        .filter(|(_, l)| l.trim_start().starts_with("[[feed]]"))
        .nth(i)
        .map_or(0, |(n, _)| n + 1)
}

/// Add or update subscriptions: a URL already there keeps its place, takes
/// a new title if one is given, gains the new tags and takes full text if
/// asked (never loses it: an OPML import knows nothing of it). Returns how many
/// were new.
pub fn add_all(feeds: &mut Vec<Subscription>, added: Vec<Subscription>) -> usize {
    let mut new = 0;
    for sub in added {
        match feeds.iter_mut().find(|f| f.url == sub.url) {
            Some(old) => {
                if sub.title.is_some() {
                    old.title = sub.title;
                }
                old.tags = crate::parse::tags::dedupe(old.tags.drain(..).chain(sub.tags));
                old.full_text |= sub.full_text;
            }
            None => {
                feeds.push(sub);
                new += 1;
            }
        }
    }
    new
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_http_and_https_urls_with_a_host_are_accepted() {
        assert!(check_url("https://example.com/feed.xml").is_ok());
        assert!(check_url("HTTP://127.0.0.1:8080/rss").is_ok());
        for bad in [
            "file:///etc/passwd",
            "ftp://x/y",
            "example.com/rss",
            "https:///path",
            "https://a b",
            "http://x/\u{1b}[2J",
        ] {
            assert!(check_url(bad).is_err(), "{bad} was accepted");
        }
    }

    #[test]
    fn the_file_round_trips_and_keeps_a_header_for_people_editing_it() {
        let dir = tempfile::tempdir().unwrap();
        let file = SubscriptionFile::new(dir.path().join("feeds.toml"));
        assert_eq!(file.load().unwrap(), []);
        let sub = Subscription {
            url: "https://example.com/rss".into(),
            title: Some("Example \"News\"".into()),
            tags: vec!["world".into(), "two words".into()],
            full_text: true,
        };
        file.update(|feeds| add_all(feeds, vec![sub.clone(), Subscription::new("http://b.example/atom")]))
            .unwrap();
        assert_eq!(file.load().unwrap(), [sub, Subscription::new("http://b.example/atom")]);
        let text = std::fs::read_to_string(file.path()).unwrap();
        assert!(text.starts_with("# byline subscriptions"));
    }

    #[test]
    fn adding_a_known_url_updates_it_in_place() {
        let mut feeds = vec![Subscription { tags: vec!["x".into()], ..Subscription::new("https://a/") }];
        let again = Subscription {
            url: "https://a/".into(),
            title: Some("A".into()),
            tags: vec!["x".into(), "y".into()],
            full_text: true,
        };
        assert_eq!(add_all(&mut feeds, vec![again]), 0);
        assert_eq!(feeds[0].title.as_deref(), Some("A"));
        assert_eq!(feeds[0].tags, ["x", "y"]);
        assert!(feeds[0].full_text, "asking for full text again turns it on");
    }

    #[test]
    fn a_bad_url_in_the_file_is_reported_at_its_feed() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("feeds.toml");
        std::fs::write(&path, "[[feed]]\nurl = \"https://ok/\"\n\n[[feed]]\nurl = \"gopher://old/\"\n")
            .unwrap();
        let err = SubscriptionFile::new(path).load().unwrap_err();
        assert_eq!(err.line, 4);
        assert!(err.message.contains("only http and https"), "{err}");
    }

    #[test]
    fn a_url_written_twice_is_one_subscription() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("feeds.toml");
        let text = "[[feed]]\nurl = \"https://a/\"\ntags = [\"x\"]\n[[feed]]\nurl = \"https://b/\"\n[[feed]]\nurl = \"https://a/\"\ntags = [\"y\"]\n";
        std::fs::write(&path, text).unwrap();
        let feeds = SubscriptionFile::new(path).load().unwrap();
        assert_eq!(feeds.len(), 2);
        assert_eq!(feeds[0].tags, ["x", "y"]);
    }

    #[test]
    fn an_unknown_key_is_reported_with_its_line() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("feeds.toml");
        std::fs::write(&path, "[[feed]]\nurl = \"https://ok/\"\ntgas = [\"x\"]\n").unwrap();
        let err = SubscriptionFile::new(path).load().unwrap_err();
        assert_eq!(err.line, 3, "{err}");
    }
}
