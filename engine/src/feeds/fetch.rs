//! Fetching every subscription: a few feeds at a time on their own
//! threads, each result merged into the store and reported as soon as it
//! is known. One failing feed never stops the others.

use std::sync::mpsc::Sender;

use super::http::{Client, Limits, Response};
use super::store::{FeedMeta, Fetched, Store, Validators};
use super::subscriptions::Subscription;
use crate::parse::{self, Draft};

/// Feeds fetched at once unless the config says otherwise.
pub const DEFAULT_JOBS: usize = 8;

/// How one feed's fetch ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// A new body was merged. `unreadable` says which of its items could
    /// not be read (`item 3: no title and no text`).
    Fetched {
        /// Items never stored before.
        new: usize,
        /// Items stored before whose text changed.
        updated: usize,
        /// Items stored now, old and new.
        items: usize,
        /// Why each unreadable item could not be read.
        unreadable: Vec<String>,
    },
    /// 304, or the same body as last time.
    Unchanged {
        /// Items stored.
        items: usize,
    },
    /// The fetch failed; the words for the user.
    Failed(String),
}

/// One feed's result.
#[derive(Debug, Clone)]
pub struct FeedResult {
    /// The subscription's URL.
    pub url: String,
    /// The subscription's title, else the feed's own, else the URL.
    pub title: String,
    /// How the fetch ended.
    pub outcome: Outcome,
    /// Items never stored before, ready for a library.
    pub new_stories: Vec<Draft>,
}

impl std::fmt::Display for FeedResult {
    /// `Example News: 3 new, 1 updated (48 stored)`
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.outcome {
            Outcome::Fetched { new, updated, items, unreadable } => {
                write!(f, "{}: {new} new", self.title)?;
                if *updated > 0 {
                    write!(f, ", {updated} updated")?;
                }
                write!(f, " ({items} stored)")?;
                match unreadable.as_slice() {
                    [] => Ok(()),
                    [one] => write!(f, "; skipped {one}"),
                    [first, rest @ ..] => write!(f, "; skipped {first} and {} more", rest.len()),
                }
            }
            Outcome::Unchanged { items } => write!(f, "{}: unchanged ({items} stored)", self.title),
            Outcome::Failed(reason) => write!(f, "{}: failed: {reason} ({})", self.title, self.url),
        }
    }
}

/// Fetch every subscription, `jobs` at a time, and send each result as it
/// is stored. Returns when all are done.
pub fn fetch_all(
    subs: &[Subscription],
    store: &Store,
    limits: Limits,
    jobs: usize,
    results: &Sender<FeedResult>,
) {
    let client = Client::new(limits);
    crate::parallel::for_each_shared(subs, 1, jobs, |sub| {
        // A bug in one feed's parsing costs that feed only.
        let result = crate::crash::guard(|| fetch_one(&client, sub, store)).unwrap_or_else(|crashed| {
            failed(sub, store.meta(&sub.url).feed_title.as_deref(), crashed.to_string())
        });
        results.send(result).is_ok()
    });
}

/// Fetch one feed and merge it into the store.
pub fn fetch_one(client: &Client, sub: &Subscription, store: &Store) -> FeedResult {
    let meta = store.meta(&sub.url);
    let now = now_rfc3339();
    let (fetched, unreadable) = match download(client, sub, &meta) {
        Ok(downloaded) => downloaded,
        Err(reason) => {
            let _ = store.save_failure(&sub.url, &reason, &now);
            return failed(sub, meta.feed_title.as_deref(), reason);
        }
    };
    let feed_title = match &fetched {
        Fetched::Items { feed_title, .. } => feed_title.clone().or(meta.feed_title),
        Fetched::Unchanged => meta.feed_title,
    };
    let unchanged = matches!(fetched, Fetched::Unchanged);
    let merged = match store.save(sub, fetched, &now) {
        Ok(merged) => merged,
        Err(err) => return failed(sub, feed_title.as_deref(), format!("could not store its items: {err}")),
    };
    let outcome = if unchanged {
        Outcome::Unchanged { items: merged.items }
    } else {
        Outcome::Fetched { new: merged.new.len(), updated: merged.updated, items: merged.items, unreadable }
    };
    FeedResult {
        url: sub.url.clone(),
        title: title_of(sub, feed_title.as_deref()),
        outcome,
        new_stories: merged.new,
    }
}

/// GET the feed (conditionally) and parse a new body; with it, the items
/// that could not be read.
fn download(client: &Client, sub: &Subscription, meta: &FeedMeta) -> Result<(Fetched, Vec<String>), String> {
    let known = Validators { etag: meta.etag.clone(), last_modified: meta.last_modified.clone() };
    let (bytes, validators) = match client.get(&sub.url, &known).map_err(|failure| failure.message)? {
        Response::NotModified => return Ok((Fetched::Unchanged, Vec::new())),
        Response::Body { bytes, validators } => (bytes, validators),
    };
    let body_hash = crate::model::bytes_hash(&bytes);
    if meta.body_hash.as_deref() == Some(&body_hash) {
        return Ok((Fetched::Unchanged, Vec::new()));
    }
    let parsed = parse::parse_feed(&sub.url, &bytes).map_err(|e| e.to_string())?;
    let fetched =
        Fetched::Items { drafts: parsed.drafts, feed_title: parsed.feed_title, validators, body_hash };
    Ok((fetched, parsed.problems.iter().map(ToString::to_string).collect()))
}

fn failed(sub: &Subscription, feed_title: Option<&str>, reason: String) -> FeedResult {
    FeedResult {
        url: sub.url.clone(),
        title: title_of(sub, feed_title),
        outcome: Outcome::Failed(reason),
        new_stories: Vec::new(),
    }
}

/// The name to show for a feed.
pub fn title_of(sub: &Subscription, feed_title: Option<&str>) -> String {
    sub.title.as_deref().or(feed_title).unwrap_or(&sub.url).to_string()
}

/// The time now, RFC 3339 in UTC to the second.
pub fn now_rfc3339() -> String {
    chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}
