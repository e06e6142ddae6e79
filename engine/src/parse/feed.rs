//! RSS 0.9x/1.0/2.0, Atom and JSON Feed through feed-rs (which also decodes
//! the XML's declared encoding): one story per item, categories as tags,
//! HTML content turned into paragraphs. A truncated feed still yields the
//! items before the break.

use super::clean::one_line;
use super::html_text::{HtmlText, html_to_text};
use super::tags::dedupe;
use super::{Draft, Parsed, new_draft};
use crate::error::{ParseError, Problem};
use crate::model::{Format, Story};

use std::io::Read;

use feed_rs::model::{Entry, FeedType};

use super::SPLIT_ABOVE;

pub fn parse(source: &str, bytes: &[u8]) -> Result<Parsed, ParseError> {
    if bytes.len() > SPLIT_ABOVE
        && let Some(parsed) = parse_in_parts(source, bytes)
    {
        return Ok(parsed);
    }
    parse_whole(source, bytes)
}

fn parse_whole(source: &str, bytes: &[u8]) -> Result<Parsed, ParseError> {
    let mut parsed = Parsed::default();
    let feed = match read_feed(bytes) {
        Ok(feed) => feed,
        Err(err) => {
            let reason = one_line(&err.to_string());
            let Some((repaired, complete)) = repair_truncated(bytes) else {
                return Err(ParseError::NotAFeed { reason });
            };
            let feed = read_feed(repaired.as_slice())
                .map_err(|_| ParseError::NotAFeed { reason: reason.clone() })?;
            parsed.problems.push(Problem::Truncated { after: complete, reason });
            feed
        }
    };
    add_entries(source, feed, 0, &mut parsed);
    Ok(parsed)
}

/// feed-rs, told to leave an item without an id without one: its own ids
/// for those are random, and an item's id must say whether it was seen
/// before.
fn read_feed<R: Read>(source: R) -> Result<feed_rs::model::Feed, feed_rs::parser::ParseFeedError> {
    feed_rs::parser::Builder::new().id_generator(|_, _, _| String::new()).build().parse(source)
}

/// Stories from a feed's entries; `first` numbers the first entry in the
/// whole feed, for problem reports.
fn add_entries(source: &str, feed: feed_rs::model::Feed, first: usize, parsed: &mut Parsed) {
    let format = match feed.feed_type {
        FeedType::Atom => Format::Atom,
        FeedType::JSON => Format::Jsonfeed,
        FeedType::RSS0 | FeedType::RSS1 | FeedType::RSS2 => Format::Rss,
    };
    parsed.feed_title =
        feed.title.map(|t| html_to_text(&t.content).paragraphs.join(" ")).filter(|t| !t.is_empty());
    for (i, entry) in feed.entries.into_iter().enumerate() {
        match story_from(source, format, entry) {
            Some(draft) => parsed.drafts.push(draft),
            None => parsed.problems.push(Problem::EmptyItem { item: first + i + 1 }),
        }
    }
}

/// A large XML feed cut between its items into one document a core (the
/// head before the first item and the tail after the last one around each
/// share), parsed side by side. `None` when the feed does not split cleanly
/// or a part fails: the whole feed is then parsed as one, which also
/// repairs a truncated feed.
fn parse_in_parts(source: &str, bytes: &[u8]) -> Option<Parsed> {
    let items = item_spans(bytes)?;
    let threads = crate::parallel::cores();
    if threads < 2 || items.len() < 2 * threads {
        return None;
    }
    let (head, tail) = (&bytes[..items[0].0], &bytes[items[items.len() - 1].1..]);
    let per_part = items.len().div_ceil(threads);
    let parts: Vec<&[(usize, usize)]> = items.chunks(per_part).collect();
    let results = super::in_parallel(&parts, |n, part| {
        let mut parsed = Parsed::default();
        parsed.drafts.reserve(part.len());
        // A few hundred items a document: feed-rs's model of a whole share
        // would be most of the memory of the load, and fresh memory.
        for (k, few) in part.chunks(ITEMS_A_DOCUMENT).enumerate() {
            let items = &bytes[few.first()?.0..few.last()?.1];
            let feed = read_feed(head.chain(items).chain(tail)).ok()?;
            if feed.entries.len() != few.len() {
                return None;
            }
            add_entries(source, feed, n * per_part + k * ITEMS_A_DOCUMENT, &mut parsed);
        }
        Some(parsed)
    })?;
    Some(Parsed::joined(results))
}

/// Items a thread gives feed-rs at once when a large feed is parsed in
/// parts.
const ITEMS_A_DOCUMENT: usize = 512;

/// Byte ranges of the top-level `<item>`/`<entry>` elements of an XML feed,
/// skipping comments and CDATA sections (which may hold anything). `None`
/// if the items are not a plain sequence of siblings.
fn item_spans(bytes: &[u8]) -> Option<Vec<(usize, usize)>> {
    let name: &[u8] = if memchr::memmem::find(bytes, b"<entry").is_some() { b"entry" } else { b"item" };
    let mut spans = Vec::new();
    let mut open: Option<usize> = None;
    let mut at = 0;
    while let Some(found) = memchr::memchr(b'<', &bytes[at..]) {
        let tag = at + found;
        let rest = &bytes[tag..];
        if rest.starts_with(b"<![CDATA[") {
            at = tag + memchr::memmem::find(rest, b"]]>")? + 3;
        } else if rest.starts_with(b"<!--") {
            at = tag + memchr::memmem::find(rest, b"-->")? + 3;
        } else if rest.get(1..=name.len()) == Some(name)
            && rest.get(name.len() + 1).is_some_and(|b| *b == b'>' || b.is_ascii_whitespace())
        {
            if open.is_some() {
                return None;
            }
            open = Some(tag);
            at = tag + 1;
        } else if rest.get(..2) == Some(b"</")
            && rest.get(2..2 + name.len()) == Some(name)
            && rest.get(2 + name.len()) == Some(&b'>')
        {
            let end = tag + 3 + name.len();
            spans.push((open.take()?, end));
            at = end;
        } else {
            at = tag + 1;
        }
    }
    (open.is_none() && !spans.is_empty()).then_some(spans)
}

fn story_from(source: &str, format: Format, entry: Entry) -> Option<Draft> {
    let guid = Some(one_line(&entry.id)).filter(|id| !id.is_empty());
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
    let mut draft = new_draft(story, None, Vec::new());
    draft.guid = guid;
    Some(draft)
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

    /// A feed of `n` items, the fifth with a comment and a CDATA section
    /// that look like item tags.
    fn many_items(n: usize) -> String {
        let mut xml = String::from("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>T</title>\n");
        for i in 0..n {
            let tricky = if i == 4 { "<!-- <item> --><![CDATA[</item><item>]]>" } else { "" };
            if i == 1600 {
                xml.push_str("<item></item>\n");
                continue;
            }
            xml.push_str(&format!(
                "<item><title>Story {i}</title><description>&lt;p&gt;Body {i}.&lt;/p&gt;{tricky}</description><category>Tag{}</category></item>\n",
                i % 3
            ));
        }
        xml.push_str("</channel></rss>\n");
        xml
    }

    #[test]
    fn a_large_feed_parsed_in_parts_gives_what_it_gives_whole() {
        // Each thread's share is given to feed-rs a few hundred items at
        // a time: more items than that a thread, and an empty one in a
        // later document, whose number must count from the feed's start.
        let n = 4 * ITEMS_A_DOCUMENT + 7;
        let xml = many_items(n);
        let spans = item_spans(xml.as_bytes()).unwrap();
        assert_eq!(spans.len(), n);
        assert!(xml[spans[4].0..spans[4].1].ends_with("]]></description><category>Tag1</category></item>"));
        let whole = parse_whole("f.xml", xml.as_bytes()).unwrap();
        let parts = parse_in_parts("f.xml", xml.as_bytes()).expect("splits");
        let titles = |p: &Parsed| p.drafts.iter().map(|d| d.story.title().to_string()).collect::<Vec<_>>();
        assert_eq!(titles(&parts), titles(&whole));
        assert_eq!(parts.drafts.len(), n - 1);
        assert_eq!(parts.drafts[39].story.tags, ["Tag0"]);
        assert_eq!(parts.problems, whole.problems);
        assert_eq!(parts.problems[0].to_string(), whole.problems[0].to_string());
        assert!(parts.problems[0].to_string().contains("item 1601"), "{:?}", parts.problems);
    }

    #[test]
    fn a_feed_that_does_not_split_cleanly_is_parsed_whole() {
        assert!(item_spans(b"<rss><channel><item><title>a</title>").is_none(), "unclosed item");
        assert!(item_spans(b"<rss><item><item></item></item></rss>").is_none(), "nested items");
        let truncated = many_items(40);
        let cut = &truncated.as_bytes()[..truncated.len() - 200];
        let parsed = parse(cut_name(), cut).unwrap();
        assert!(parsed.drafts.len() >= 38, "the items before the break");
    }

    fn cut_name() -> &'static str {
        "cut.xml"
    }

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
        assert_eq!(s.title(), "Ferry fares rise");
        assert_eq!(s.paragraphs(), ["Fares rose on Monday.", "\"It hurts,\" said trader Amina Said."]);
        assert_eq!(s.tags, ["Mombasa", "Transport"]);
        assert_eq!(s.url.as_deref(), Some("https://example.org/ferry"));
        assert_eq!(s.published.as_deref(), Some("2025-01-14T09:30:00Z"));
        assert_eq!(s.quotes()[0].speaker.as_deref(), Some("Amina Said"));
        assert_eq!(parsed.drafts[1].story.paragraphs(), ["Plain text & more."]);
    }

    #[test]
    fn a_feed_files_stories_are_named_after_the_feed() {
        let parsed = crate::parse::parse_file("f.xml", RSS.as_bytes(), None).unwrap();
        let title = parsed.feed_title.clone().unwrap();
        assert!(parsed.drafts.iter().all(|d| d.story.source_name() == title), "{title}");
    }

    #[test]
    fn a_truncated_feed_keeps_its_complete_items() {
        let cut = &RSS[..RSS.find("<item><title>Second").unwrap() + 20];
        let parsed = parse("f.xml", cut.as_bytes()).unwrap();
        assert_eq!(parsed.drafts.len(), 1);
        assert_eq!(parsed.problems.len(), 1);
        assert!(
            parsed.problems[0].to_string().starts_with("the feed breaks off after item 1"),
            "{:?}",
            parsed.problems
        );
    }

    #[test]
    fn not_a_feed_is_an_error() {
        assert!(parse("f.xml", b"<html><body>hello</body></html>").is_err());
    }
}
