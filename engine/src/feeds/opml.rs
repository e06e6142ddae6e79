//! Subscriptions in and out: OPML 2.0 (the format every feed reader
//! exports) and newsboat's `urls` file.
//!
//! On import, an outline with an `xmlUrl` is a feed; the outlines it sits
//! in (folders) and its `category` attribute become its tags. On export,
//! every feed is one outline with its tags in `category`, so importing the
//! export gives the same subscriptions and tags.

use quick_xml::XmlVersion;
use quick_xml::events::{BytesStart, Event};

use super::subscriptions::{Subscription, check_url};
use crate::parse::clean::one_line;
use crate::parse::tags::dedupe;

/// What an import found: the feeds, and why other entries were left out.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Imported {
    /// The feeds found, in the file's order.
    pub feeds: Vec<Subscription>,
    /// Outlines not taken, each with its reason.
    pub skipped: Vec<String>,
}

/// Read an OPML document. `Err` when it is not XML or has no `<opml>`.
pub fn import(text: &str) -> Result<Imported, String> {
    let mut reader = quick_xml::Reader::from_str(text);
    let mut imported = Imported::default();
    // The folder names around the current outline (None: a feed outline
    // with children, which names no folder).
    let mut folders: Vec<Option<String>> = Vec::new();
    let mut saw_opml = false;
    loop {
        let event = reader.read_event().map_err(|e| {
            format!("not readable OPML at byte {}: {}", reader.error_position(), one_line(&e.to_string()))
        })?;
        match event {
            Event::Start(e) if e.local_name().as_ref() == "outline" => {
                let outline = Outline::read(&e)?;
                let folder = outline.add_to(&folders, &mut imported);
                folders.push(folder);
            }
            Event::Empty(e) if e.local_name().as_ref() == "outline" => {
                Outline::read(&e)?.add_to(&folders, &mut imported);
            }
            Event::End(e) if e.local_name().as_ref() == "outline" => {
                folders.pop();
            }
            Event::Start(e) | Event::Empty(e) if e.local_name().as_ref() == "opml" => saw_opml = true,
            Event::Eof => break,
            _ => {}
        }
    }
    if !saw_opml {
        return Err("not an OPML document: no <opml> element".into());
    }
    Ok(imported)
}

/// The attributes of an `<outline>` that matter.
#[derive(Debug, Default)]
struct Outline {
    text: Option<String>,
    title: Option<String>,
    xml_url: Option<String>,
    category: Option<String>,
}

impl Outline {
    fn read(element: &BytesStart) -> Result<Outline, String> {
        let mut outline = Outline::default();
        for attribute in element.attributes() {
            let attribute = attribute.map_err(|e| format!("not readable OPML: {e}"))?;
            let value = attribute
                .normalized_value(XmlVersion::Implicit1_0)
                .map_err(|e| format!("not readable OPML: {e}"))?;
            let value = Some(one_line(&value)).filter(|v| !v.is_empty());
            match attribute.key.local_name().as_ref() {
                "text" => outline.text = value,
                "title" => outline.title = value,
                "xmlUrl" | "xmlurl" => outline.xml_url = value,
                "category" => outline.category = value,
                _ => {}
            }
        }
        Ok(outline)
    }

    /// Add the feed this outline names, if any; returns the folder name it
    /// gives the outlines inside it.
    fn add_to(self, folders: &[Option<String>], imported: &mut Imported) -> Option<String> {
        let name = self.title.or(self.text);
        let Some(url) = self.xml_url else { return name };
        if let Err(reason) = check_url(&url) {
            imported.skipped.push(reason);
            return None;
        }
        let mut tags: Vec<String> = folders.iter().flatten().cloned().collect();
        for entry in self.category.iter().flat_map(|c| c.split(',')) {
            let entry = entry.trim();
            // A category starting with `/` is a path: each part is a tag.
            let parts: Vec<&str> =
                if entry.starts_with('/') { entry.split('/').collect() } else { vec![entry] };
            tags.extend(parts.into_iter().map(str::trim).filter(|p| !p.is_empty()).map(String::from));
        }
        let title = name.filter(|n| *n != url);
        imported.feeds.push(Subscription { url, title, tags: dedupe(tags), full_text: false });
        None
    }
}

/// The subscriptions as an OPML 2.0 document.
pub fn export(feeds: &[Subscription], created: &str) -> String {
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<opml version=\"2.0\">\n");
    out.push_str("  <head>\n    <title>byline subscriptions</title>\n");
    out.push_str(&format!("    <dateCreated>{}</dateCreated>\n  </head>\n  <body>\n", escape(created)));
    for feed in feeds {
        let title = feed.title.as_deref().unwrap_or(&feed.url);
        out.push_str(&format!(
            "    <outline type=\"rss\" text=\"{}\"{} xmlUrl=\"{}\"",
            escape(title),
            feed.title.as_ref().map_or(String::new(), |t| format!(" title=\"{}\"", escape(t))),
            escape(&feed.url)
        ));
        if !feed.tags.is_empty() {
            out.push_str(&format!(" category=\"{}\"", escape(&feed.tags.join(","))));
        }
        out.push_str("/>\n");
    }
    out.push_str("  </body>\n</opml>\n");
    out
}

fn escape(text: &str) -> String {
    quick_xml::escape::escape(text).into_owned()
}

/// Read a newsboat `urls` file: a URL a line, then its tags (`"two
/// words"` quoted); a tag `~Name` is the feed's title; `#` starts a
/// comment. newsboat's query, exec and filter lines have no URL to fetch
/// and are skipped with a reason.
pub fn import_newsboat(text: &str) -> Imported {
    let mut imported = Imported::default();
    for (n, line) in text.lines().enumerate() {
        let words = split_words(line);
        let Some((url, rest)) = words.split_first() else { continue };
        if let Some(kind) = ["query:", "exec:", "filter:"].iter().find(|k| url.starts_with(**k)) {
            imported.skipped.push(format!("line {}: a newsboat {kind} feed has no URL to fetch", n + 1));
            continue;
        }
        if let Err(reason) = check_url(url) {
            imported.skipped.push(format!("line {}: {reason}", n + 1));
            continue;
        }
        let mut sub = Subscription::new(url);
        for word in rest {
            if let Some(title) = word.strip_prefix('~') {
                sub.title = Some(one_line(title)).filter(|t| !t.is_empty());
            } else if !word.starts_with('!') {
                sub.tags.push(one_line(word));
            }
        }
        sub.tags = dedupe(sub.tags);
        imported.feeds.push(sub);
    }
    imported
}

/// A newsboat line's words: split at spaces, `"..."` kept whole (with `\"`
/// for a quote), `#` outside quotes ending the line.
fn split_words(line: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut chars = line.chars().peekable();
    loop {
        while chars.next_if(|c| c.is_whitespace()).is_some() {}
        let Some(first) = chars.next() else { break };
        if first == '#' {
            break;
        }
        let mut word = String::new();
        if first == '"' {
            while let Some(c) = chars.next() {
                match c {
                    '"' => break,
                    '\\' => word.extend(chars.next()),
                    c => word.push(c),
                }
            }
        } else {
            word.push(first);
            while let Some(c) = chars.next_if(|c| !c.is_whitespace()) {
                word.push(c);
            }
        }
        if !word.is_empty() {
            words.push(word);
        }
    }
    words
}

#[cfg(test)]
mod tests;
