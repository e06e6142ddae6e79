//! Whole stories from summary feeds: an item's link is fetched and its
//! article extracted as a saved web page is (main text, author, date,
//! tags), and kept with the item (`FullText`). The feed's summary is kept
//! instead when the page cannot be fetched, holds no article, or gives
//! less text than the summary; the reason is kept too. Pages are fetched
//! through the run's `Gate` (at most two to a host) by a client that keeps
//! to the subscription's `Reach`.

use super::Store;
use super::address::Reach;
use super::fetch::now_rfc3339;
use super::gate::Gate;
use super::http::{Client, Limits, Response};
use super::store::Validators;
use super::subscriptions::check_url;
use crate::model::Story;
pub use crate::parse::full_text::FullText;

/// Pages fetched for one feed in one fetch, newest items first: a feed
/// switched to full text with a thousand stored items catches up over a
/// few fetches instead of making a thousand requests at once.
pub const PAGES_PER_FETCH: usize = 50;

/// Pages of one feed fetched side by side (the gate bounds them further).
const PAGE_WORKERS: usize = 4;

/// A page to fetch for a stored item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageWanted {
    /// The item's key in the store.
    pub key: String,
    /// The item's story id (`item_id`).
    pub id: String,
    /// The item's link.
    pub link: String,
    /// Characters of text the feed gave (title excluded): the page must
    /// give more.
    pub summary_chars: usize,
}

/// Fetches pages for one run of `byline fetch` (or one `F` in the reader).
#[derive(Debug)]
pub struct PageFetcher<'a> {
    client: Client,
    gate: &'a Gate,
}

impl<'a> PageFetcher<'a> {
    /// Pages for a subscription that may reach `reach`, within `limits`,
    /// each request passing `gate`.
    pub fn new(limits: Limits, reach: Reach, gate: &'a Gate) -> PageFetcher<'a> {
        PageFetcher { client: Client::for_pages(limits, reach), gate }
    }

    /// Every wanted page, a few at a time, with what each gave.
    pub fn fetch_all(&self, wanted: &[PageWanted], now: &str) -> Vec<(PageWanted, FullText)> {
        let found = std::sync::Mutex::new(Vec::with_capacity(wanted.len()));
        crate::parallel::for_each_shared(wanted, 1, PAGE_WORKERS.min(wanted.len()), |want| {
            let text = self.fetch(&want.link, want.summary_chars, now);
            found.lock().unwrap_or_else(|p| p.into_inner()).push((want.clone(), text));
            true
        });
        found.into_inner().unwrap_or_else(|p| p.into_inner())
    }

    /// Fetch `link` and extract its article; the summary (of
    /// `summary_chars` characters) is kept when that fails or gives less.
    pub fn fetch(&self, link: &str, summary_chars: usize, now: &str) -> FullText {
        if let Err(reason) = check_url(link) {
            return FullText::kept(link, now, reason, false);
        }
        let response = {
            let _permit = self.gate.enter(link);
            self.client.get(link, &Validators::default())
        };
        let bytes = match response {
            Ok(Response::Body { bytes, .. }) => bytes,
            Ok(Response::NotModified) => {
                return FullText::kept(link, now, "the server answered 304 Not Modified".into(), true);
            }
            Err(failure) => {
                let retry = failure.may_pass();
                return FullText::kept(link, now, failure.message, retry);
            }
        };
        extract(link, &bytes, summary_chars, now)
    }
}

/// A page the user asked for (`F` in the reader).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageRequest {
    /// The story's web page.
    pub link: String,
    /// The subscription the story was fetched from, when it is a stored
    /// item: the text is kept with it, and the page may reach what the
    /// feed's pages may.
    pub feed: Option<String>,
    /// The story's id, which finds the stored item.
    pub id: String,
    /// Characters of text the story has now: the page must give more.
    pub summary_chars: usize,
}

impl PageRequest {
    /// Fetch the page; when it gave an article and the story is a stored
    /// item, keep it with the item (`Ok(true)`). A page that gave nothing
    /// never replaces text kept before.
    pub fn fetch(&self, limits: Limits, store: Option<&Store>) -> (FullText, Result<bool, String>) {
        let reach = self.feed.as_deref().map_or(Reach::Public, Reach::of_subscription);
        let gate = Gate::new(1, 1);
        let page =
            PageFetcher::new(limits, reach, &gate).fetch(&self.link, self.summary_chars, &now_rfc3339());
        let kept = match (store, &self.feed) {
            (Some(store), Some(feed)) if page.has_text() => {
                store.keep_page_of(feed, &self.id, &page).map_err(|e| e.to_string())
            }
            _ => Ok(false),
        };
        (page, kept)
    }
}

/// The article of a fetched page, or the reason to keep the summary.
pub fn extract(link: &str, bytes: &[u8], summary_chars: usize, now: &str) -> FullText {
    let kept = |reason: &str| FullText::kept(link, now, reason.to_string(), false);
    let Ok(decoded) = crate::parse::clean::decode(bytes) else {
        return kept("the page is not text");
    };
    let html = &decoded.text;
    if crate::parse::html_text::nests_deeper_than(html, crate::parse::html_text::MAX_NESTING) {
        return kept("the page nests too deep to read");
    }
    let Some(draft) = crate::parse::html::article(link, html) else {
        return kept("no article found on the page");
    };
    let story = draft.story;
    let chars = text_chars(&story);
    if chars == 0 {
        return kept("no article found on the page");
    }
    if chars <= summary_chars {
        return kept("the page gave no more text than the feed's summary");
    }
    FullText {
        fetched: now.to_string(),
        page: link.to_string(),
        paragraphs: story.paragraphs().to_vec(),
        author: story.author,
        published: story.published,
        tags: story.tags,
        links: story.links,
        kept_summary: None,
        retry: false,
    }
}

/// Characters of a story's text, title excluded.
pub fn text_chars(story: &Story) -> usize {
    story.paragraphs().iter().map(|p| p.chars().count()).sum()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Format;

    fn article_page(paragraphs: usize) -> String {
        let body: String = (0..paragraphs)
            .map(|i| format!("<p>Paragraph {i} of the harbour story tells how the ferries ran late again, and why the council met on Tuesday to talk about it at length.</p>"))
            .collect();
        format!(
            "<html><head><title>Ferries late</title><meta name=keywords content=\"Harbour, Ferries\"></head><body><nav><a href=/>Home</a></nav><article><h1>Ferries late</h1><p class=byline>By Ana Ruiz</p>{body}</article></body></html>"
        )
    }

    #[test]
    fn an_article_page_gives_its_text_author_and_keywords() {
        let full = extract("https://news.example/a", article_page(8).as_bytes(), 40, "now");
        assert!(full.has_text(), "{full:?}");
        assert!(full.paragraphs.iter().any(|p| p.starts_with("Paragraph 7")), "{:?}", full.paragraphs);
        assert!(!full.paragraphs.iter().any(|p| p == "Home"), "navigation kept: {:?}", full.paragraphs);
        assert_eq!(full.tags, ["Harbour", "Ferries"]);
    }

    #[test]
    fn a_page_with_less_text_than_the_summary_keeps_the_summary() {
        let full = extract("https://news.example/a", article_page(1).as_bytes(), 10_000, "now");
        assert!(!full.has_text());
        assert_eq!(full.kept_summary.as_deref(), Some("the page gave no more text than the feed's summary"));
        assert!(!full.retry);
    }

    #[test]
    fn applying_keeps_the_feeds_author_and_id_and_adds_the_pages_tags() {
        let mut story =
            Story::new("feed", Format::Rss, "Ferries late".into(), vec!["Short summary.".to_string()]);
        story.set_id("item-1".into());
        story.author = Some("Feed Author".into());
        story.tags = vec!["Harbour".into()];
        let full = extract("https://news.example/a", article_page(8).as_bytes(), 14, "now");
        full.apply_to(&mut story);
        assert_eq!(story.id(), "item-1");
        assert_eq!(story.author.as_deref(), Some("Feed Author"));
        assert_eq!(story.tags, ["Harbour", "Ferries"]);
        assert!(story.paragraphs().len() >= 8);
    }

    #[test]
    fn a_kept_summary_changes_nothing() {
        let mut story = Story::new("feed", Format::Rss, "T".into(), vec!["Summary.".to_string()]);
        FullText::kept("https://x.example/", "now", "HTTP 404 Not Found".into(), false).apply_to(&mut story);
        assert_eq!(story.paragraphs().to_vec(), ["Summary."]);
    }

    #[test]
    fn a_name_not_found_is_tried_again_at_the_next_fetch_and_a_bad_scheme_never() {
        let gate = Gate::new(2, 2);
        let pages = PageFetcher::new(Limits::default(), Reach::Any, &gate);
        let offline = pages.fetch("http://byline-test.invalid/page", 0, "now");
        assert!(offline.retry, "{offline:?}");
        assert!(!pages.fetch("ftp://x.example/page", 0, "now").retry);
    }

    #[test]
    fn links_that_are_not_http_are_never_fetched() {
        let gate = Gate::new(2, 2);
        let pages = PageFetcher::new(Limits::default(), Reach::Public, &gate);
        let full = pages.fetch("file:///etc/passwd", 0, "now");
        assert!(full.kept_summary.unwrap().contains("only http and https"));
    }
}
