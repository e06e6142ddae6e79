//! Fetching every subscription: a few feeds at a time on their own
//! threads, each result merged into the store and reported as soon as it
//! is known. One failing feed never stops the others.

use std::sync::mpsc::Sender;

use super::address::Reach;
use super::gate::Gate;
use super::http::{Client, Limits, Response};
use super::pages::{PAGES_PER_FETCH, PageFetcher};
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
    /// Items never stored before, ready for a library (with their full
    /// text when their pages gave it).
    pub new_stories: Vec<Draft>,
    /// Pages fetched for the full text of items (`full_text` feeds).
    pub pages: Pages,
}

/// What a full-text feed's pages gave in one fetch.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Pages {
    /// Pages fetched.
    pub fetched: usize,
    /// Of those, pages whose article replaced the feed's summary.
    pub full: usize,
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
        }?;
        match self.pages {
            Pages { fetched: 0, .. } => Ok(()),
            Pages { fetched, full } if fetched == full => write!(f, "; full text of {full} from their pages"),
            Pages { fetched, full } => write!(
                f,
                "; full text of {full} of {fetched} from their pages (`byline feeds list` says why not)"
            ),
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
    let gate = Gate::new(jobs, super::gate::PER_HOST);
    crate::parallel::for_each_shared(subs, 1, jobs, |sub| {
        // A bug in one feed's parsing costs that feed only.
        let result = crate::crash::guard(|| {
            let mut result = fetch_one(&client, &gate, sub, store);
            if sub.full_text && !matches!(result.outcome, Outcome::Failed(_)) {
                full_text(limits, &gate, sub, store, &mut result);
            }
            result
        });
        let result = result.unwrap_or_else(|crashed| {
            failed(sub, store.meta(&sub.url).feed_title.as_deref(), crashed.to_string())
        });
        results.send(result).is_ok()
    });
}

/// Fetch the pages of a full-text feed's items that want them, keep what
/// they gave in the store, and give it to the new stories.
fn full_text(limits: Limits, gate: &Gate, sub: &Subscription, store: &Store, result: &mut FeedResult) {
    let wanted = match store.pages_wanted(&sub.url, PAGES_PER_FETCH) {
        Ok(wanted) if !wanted.is_empty() => wanted,
        _ => return,
    };
    let pages =
        PageFetcher::new(limits, Reach::of_subscription(&sub.url), gate).fetch_all(&wanted, &now_rfc3339());
    result.pages =
        Pages { fetched: pages.len(), full: pages.iter().filter(|(_, page)| page.has_text()).count() };
    if let Err(err) = store.keep_pages(&sub.url, &pages) {
        result.outcome = Outcome::Failed(format!("could not store the full text of its items: {err}"));
        return;
    }
    for draft in &mut result.new_stories {
        if let Some((_, page)) = pages.iter().find(|(want, _)| want.id == draft.story.id()) {
            page.apply_to(&mut draft.story);
        }
    }
}

/// Fetch one feed (its request passing `gate`) and merge it into the store.
pub fn fetch_one(client: &Client, gate: &Gate, sub: &Subscription, store: &Store) -> FeedResult {
    let meta = store.meta(&sub.url);
    let now = now_rfc3339();
    let downloaded = {
        let _permit = gate.enter_feed(&sub.url);
        download(client, sub, &meta)
    };
    let (fetched, unreadable) = match downloaded {
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
        pages: Pages::default(),
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
        pages: Pages::default(),
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
