//! RSS 0.9x/1.0/2.0, Atom and JSON Feed through feed-rs (which also decodes
//! the XML's declared encoding): one story per item, categories as tags,
//! HTML content turned into paragraphs. A truncated feed still yields the
//! items before the break.

use super::clean::one_line;
use super::html_text::{HtmlText, html_to_text};
use super::tags::dedupe;
use super::{Draft, Parsed, finish};
use crate::model::{Format, Story};

use feed_rs::model::{Entry, FeedType};

pub fn parse(source: &str, bytes: &[u8]) -> Result<Parsed, String> {
    let mut parsed = Parsed::default();
    let feed = match feed_rs::parser::parse(bytes) {
        Ok(feed) => feed,
        Err(err) => {
            let reason = one_line(&err.to_string());
            let Some((repaired, complete)) = repair_truncated(bytes) else {
                return Err(format!("not a readable feed ({reason})"));
            };
            let feed = feed_rs::parser::parse(repaired.as_slice())
                .map_err(|_| format!("not a readable feed ({reason})"))?;
            parsed.problems.push(format!("the feed breaks off after item {complete} ({reason})"));
            feed
        }
    };
    let format = match feed.feed_type {
        FeedType::Atom => Format::Atom,
        FeedType::JSON => Format::Jsonfeed,
        FeedType::RSS0 | FeedType::RSS1 | FeedType::RSS2 => Format::Rss,
    };
    for (i, entry) in feed.entries.into_iter().enumerate() {
        match story_from(source, format, entry) {
            Some(draft) => parsed.drafts.push(draft),
            None => parsed.problems.push(format!("item {}: no title and no text", i + 1)),
        }
    }
    Ok(parsed)
}

fn story_from(source: &str, format: Format, entry: Entry) -> Option<Draft> {
    let body = entry
        .content
        .and_then(|c| c.body)
        .filter(|b| !b.trim().is_empty())
        .or_else(|| entry.summary.map(|s| s.content))
        .unwrap_or_default();
    let HtmlText { paragraphs, links } = html_to_text(&body);
    let title = entry.title.map(|t| html_to_text(&t.content).paragraphs.join(" ")).filter(|t| !t.is_empty());
    let title = match title {
        Some(title) => title,
        None => paragraphs.first()?.chars().take(80).collect(),
    };
    let mut story = Story::new(source, format, title, paragraphs);
    let authors: Vec<String> = entry
        .authors
        .iter()
        .filter_map(|a| a.name.as_deref())
        .map(one_line)
        .filter(|a| !a.is_empty())
        .collect();
    story.author = (!authors.is_empty()).then(|| authors.join(", "));
    let link = entry
        .links
        .iter()
        .find(|l| l.rel.as_deref().is_none_or(|r| r == "alternate"))
        .or(entry.links.first())
        .map(|l| one_line(&l.href));
    story.url = link.filter(|l| !l.is_empty());
    story.published =
        entry.published.or(entry.updated).map(|d| d.to_rfc3339_opts(chrono::SecondsFormat::Secs, true));
    story.tags = dedupe(
        entry
            .categories
            .iter()
            .map(|c| one_line(c.label.as_deref().unwrap_or(&c.term)))
            .filter(|t| !t.is_empty()),
    );
    story.links = links;
    Some(finish(story, None, Vec::new()))
}

/// A truncated XML feed cut after its last complete item, with the
/// document's closing tags added back, and how many items survive.
fn repair_truncated(bytes: &[u8]) -> Option<(Vec<u8>, usize)> {
    let text = String::from_utf8_lossy(bytes);
    let (close, ending) = if text.contains("<entry") {
        ("</entry>", "</feed>")
    } else if text.contains("<rdf:RDF") {
        ("</item>", "</rdf:RDF>")
    } else {
        ("</item>", "</channel></rss>")
    };
    let complete = text.matches(close).count();
    let cut = text.rfind(close)? + close.len();
    let mut repaired = text[..cut].as_bytes().to_vec();
    repaired.extend_from_slice(ending.as_bytes());
    Some((repaired, complete))
}

#[cfg(test)]
mod tests {
    use super::*;

    const RSS: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Coast News</title>
<item><title>Ferry fares rise</title><link>https://example.org/ferry</link>
<description>&lt;p&gt;Fares rose on Monday.&lt;/p&gt;&lt;p&gt;&quot;It hurts,&quot; said trader Amina Said.&lt;/p&gt;</description>
<category>Mombasa</category><category>Transport</category><author>desk@example.org (Coast Desk)</author>
<pubDate>Tue, 14 Jan 2025 09:30:00 GMT</pubDate></item>
<item><title>Second item</title><description>Plain text &amp; more.</description></item>
</channel></rss>"#;

    #[test]
    fn rss_items_become_stories() {
        let parsed = parse("f.xml", RSS.as_bytes()).unwrap();
        assert!(parsed.problems.is_empty());
        let s = &parsed.drafts[0].story;
        assert_eq!(s.format, Format::Rss);
        assert_eq!(s.title, "Ferry fares rise");
        assert_eq!(s.paragraphs, ["Fares rose on Monday.", "\"It hurts,\" said trader Amina Said."]);
        assert_eq!(s.tags, ["Mombasa", "Transport"]);
        assert_eq!(s.url.as_deref(), Some("https://example.org/ferry"));
        assert_eq!(s.published.as_deref(), Some("2025-01-14T09:30:00Z"));
        assert_eq!(s.quotes()[0].speaker.as_deref(), Some("Amina Said"));
        assert_eq!(parsed.drafts[1].story.paragraphs, ["Plain text & more."]);
    }

    #[test]
    fn a_truncated_feed_keeps_its_complete_items() {
        let cut = &RSS[..RSS.find("<item><title>Second").unwrap() + 20];
        let parsed = parse("f.xml", cut.as_bytes()).unwrap();
        assert_eq!(parsed.drafts.len(), 1);
        assert_eq!(parsed.problems.len(), 1);
        assert!(parsed.problems[0].starts_with("the feed breaks off after item 1"), "{:?}", parsed.problems);
    }

    #[test]
    fn not_a_feed_is_an_error() {
        assert!(parse("f.xml", b"<html><body>hello</body></html>").is_err());
    }
}
