//! What is at a URL given to `byline feeds add`: a feed, or a web page
//! whose `<link rel="alternate">` elements name its feeds (RSS, Atom, JSON
//! Feed), as browsers and readers find them.

use dom_query::Document;

use super::http::{Client, Response};
use super::store::Validators;

/// A feed a web page names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Alternate {
    /// Its address, made absolute.
    pub url: String,
    /// The link's title, when it has one.
    pub title: Option<String>,
    /// `RSS`, `Atom` or `JSON Feed`.
    pub kind: &'static str,
}

/// What a URL turned out to be.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Found {
    /// A feed: its own title and how many items it has now.
    Feed {
        /// The feed's title.
        title: Option<String>,
        /// Items it holds now.
        items: usize,
    },
    /// A web page naming these feeds (at least one).
    Page(Vec<Alternate>),
    /// Neither: why, in words for the user.
    Neither(String),
}

/// GET `url` and say what it is. `Err` when it could not be fetched.
pub fn discover(client: &Client, url: &str) -> Result<Found, String> {
    let bytes = match client.get(url, &Validators::default()).map_err(|f| f.message)? {
        Response::Body { bytes, .. } => bytes,
        Response::NotModified => return Err("the server answered 304 Not Modified".into()),
    };
    Ok(what_is(url, &bytes))
}

/// What the document fetched from `url` is.
pub fn what_is(url: &str, bytes: &[u8]) -> Found {
    let feed_error = match crate::parse::parse_feed(url, bytes) {
        Ok(parsed) => return Found::Feed { title: parsed.feed_title, items: parsed.drafts.len() },
        Err(err) => err.to_string(),
    };
    let text = String::from_utf8_lossy(bytes);
    let found = alternates(url, &text);
    if !found.is_empty() {
        return Found::Page(found);
    }
    if looks_like_html(&text) {
        Found::Neither(
            "a web page that names no feed (no <link rel=\"alternate\"> to RSS, Atom or JSON Feed)".into(),
        )
    } else {
        Found::Neither(format!("not a feed: {feed_error}"))
    }
}

/// The feeds a web page at `page_url` names, in its order, each once.
pub fn alternates(page_url: &str, html: &str) -> Vec<Alternate> {
    if !looks_like_html(html) {
        return Vec::new();
    }
    let doc = Document::from(html);
    let base = doc
        .select("base[href]")
        .attr("href")
        .and_then(|href| url::Url::parse(page_url).ok()?.join(&href).ok())
        .or_else(|| url::Url::parse(page_url).ok());
    let mut found: Vec<Alternate> = Vec::new();
    for link in doc.select("link[href]").iter() {
        let rel = link.attr("rel").map(|r| r.to_ascii_lowercase()).unwrap_or_default();
        if !rel.split_ascii_whitespace().any(|r| r == "alternate") {
            continue;
        }
        let kind_attr = link.attr("type").map(|t| t.trim().to_ascii_lowercase()).unwrap_or_default();
        let Some(kind) = feed_kind(&kind_attr) else { continue };
        let Some(href) = link.attr("href") else { continue };
        let url = match &base {
            Some(base) => base.join(href.trim()).map(String::from).ok(),
            None => url::Url::parse(href.trim()).map(String::from).ok(),
        };
        let Some(url) = url.filter(|u| super::subscriptions::check_url(u).is_ok()) else { continue };
        if found.iter().any(|f| f.url == url) {
            continue;
        }
        let title = link.attr("title").map(|t| crate::parse::clean::one_line(&t)).filter(|t| !t.is_empty());
        found.push(Alternate { url, title, kind });
    }
    found
}

fn feed_kind(media_type: &str) -> Option<&'static str> {
    match media_type.split(';').next().unwrap_or("").trim() {
        "application/rss+xml" | "application/rdf+xml" => Some("RSS"),
        "application/atom+xml" => Some("Atom"),
        "application/feed+json" | "application/json+feed" => Some("JSON Feed"),
        _ => None,
    }
}

fn looks_like_html(text: &str) -> bool {
    let head: String = text.chars().take(2048).collect::<String>().to_ascii_lowercase();
    head.contains("<html")
        || head.contains("<!doctype html")
        || head.contains("<head")
        || head.contains("<link")
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r#"<!DOCTYPE html><html><head><title>Harbour Weekly</title>
<link rel="stylesheet" href="/style.css">
<link rel="alternate" type="application/rss+xml" title="All stories" href="/feed.xml">
<link rel="alternate" type="application/atom+xml" title="Harbour only" href="https://cdn.example/harbour.atom">
<link rel="alternate" type="application/rss+xml" href="/feed.xml">
<link rel="alternate" hreflang="fr" href="/fr/">
</head><body><p>Hello</p></body></html>"#;

    #[test]
    fn a_page_with_two_feeds_names_both_made_absolute() {
        let found = alternates("https://harbour.example/news/", PAGE);
        assert_eq!(
            found,
            [
                Alternate {
                    url: "https://harbour.example/feed.xml".into(),
                    title: Some("All stories".into()),
                    kind: "RSS"
                },
                Alternate {
                    url: "https://cdn.example/harbour.atom".into(),
                    title: Some("Harbour only".into()),
                    kind: "Atom"
                },
            ]
        );
        assert!(
            matches!(what_is("https://harbour.example/news/", PAGE.as_bytes()), Found::Page(f) if f.len() == 2)
        );
    }

    #[test]
    fn a_feed_is_a_feed_and_a_bare_page_is_neither() {
        let rss = r#"<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title><item><title>One</title><description>x</description></item></channel></rss>"#;
        assert_eq!(
            what_is("https://w.example/rss", rss.as_bytes()),
            Found::Feed { title: Some("Wire".into()), items: 1 }
        );
        let bare = "<html><head><title>x</title></head><body>No feeds here</body></html>";
        assert!(
            matches!(what_is("https://w.example/", bare.as_bytes()), Found::Neither(why) if why.contains("names no feed"))
        );
    }

    #[test]
    fn links_to_other_schemes_are_not_offered() {
        let page = r#"<html><head><link rel="alternate" type="application/rss+xml" href="file:///etc/passwd"></head></html>"#;
        assert!(alternates("https://x.example/", page).is_empty());
    }
}
