//! Markdown notes: optional front matter (`---` YAML-like or `+++` TOML)
//! with title, tags, date, author and url; otherwise the first `#` heading
//! is the title. The body goes through a real Markdown parser
//! (pulldown-cmark): emphasis and links become plain text, link targets are
//! kept, each block is a paragraph.

use pulldown_cmark::{Event, HeadingLevel, Parser, Tag, TagEnd};

use super::clean::{one_line, sanitize};
use super::tags::{TagLine, dedupe, read_tag_line};
use super::{Draft, date, new_draft};
use crate::model::{Format, Story};

/// Metadata from front matter.
#[derive(Debug, Default, PartialEq, Eq)]
struct Front {
    title: Option<String>,
    tags: Vec<String>,
    date: Option<String>,
    author: Option<String>,
    url: Option<String>,
}

pub fn parse(source: &str, text: &str) -> Draft {
    let text = sanitize(text);
    let (front, body) = split_front_matter(&text);
    let mut blocks = Blocks::default();
    for event in Parser::new(body) {
        blocks.event(event);
    }
    let mut title = front.title.clone().map(|t| one_line(&t));
    let mut paragraphs = Vec::new();
    for (heading_one, block) in blocks.out {
        if heading_one && title.is_none() {
            title = Some(block);
        } else {
            paragraphs.push(block);
        }
    }
    let mut tags = front.tags;
    if let Some(last) = paragraphs.last()
        && let Some(rest) = last.strip_prefix("Tags:").or_else(|| last.strip_prefix("tags:"))
    {
        tags.extend(match read_tag_line(rest) {
            TagLine::Separated(t) => t,
            TagLine::SpaceJoined(t) => vec![t],
        });
        paragraphs.pop();
    }
    let title =
        title.unwrap_or_else(|| paragraphs.first().map(|p| p.chars().take(80).collect()).unwrap_or_default());
    let mut story = Story::new(source, Format::Markdown, title, paragraphs);
    story.tags = dedupe(tags.into_iter().map(|t| one_line(&t)).filter(|t| !t.is_empty()));
    story.published = front.date.as_deref().and_then(date::normalize);
    story.author = front.author.map(|a| one_line(&a));
    story.url = front.url.map(|u| one_line(&u));
    story.links = blocks.links;
    new_draft(story, None, Vec::new())
}

/// Front matter and the body after it.
fn split_front_matter(text: &str) -> (Front, &str) {
    for (fence, toml) in [("---", false), ("+++", true)] {
        let Some(rest) = text.strip_prefix(fence).and_then(|r| r.strip_prefix('\n')) else { continue };
        let close = rest.match_indices('\n').map(|(i, _)| i + 1).chain([0]).find(|&start| {
            let line = rest[start..].lines().next().unwrap_or("");
            line.trim_end() == fence || (!toml && line.trim_end() == "...")
        });
        let Some(start) = close else { continue };
        let head = &rest[..start];
        let body = rest[start..].split_once('\n').map_or("", |(_, b)| b);
        let front = if toml { toml_front(head) } else { yaml_front(head) };
        return (front, body);
    }
    (Front::default(), text)
}

/// The few YAML shapes front matter uses: `key: value`, `key: [a, b]`,
/// and `key:` followed by `- item` lines.
fn yaml_front(head: &str) -> Front {
    let mut front = Front::default();
    let mut list_key: Option<String> = None;
    for line in head.lines() {
        let trimmed = line.trim();
        if let Some(item) = trimmed.strip_prefix("- ") {
            if let Some(key) = &list_key {
                set(&mut front, key, vec![unquote(item)]);
            }
            continue;
        }
        let Some((key, value)) = trimmed.split_once(':') else { continue };
        let key = key.trim().to_lowercase();
        let value = value.trim();
        list_key = value.is_empty().then(|| key.clone());
        let values = match value.strip_prefix('[').and_then(|v| v.strip_suffix(']')) {
            Some(inner) => inner.split(',').map(unquote).filter(|v| !v.is_empty()).collect(),
            None if value.is_empty() => continue,
            None => vec![unquote(value)],
        };
        set(&mut front, &key, values);
    }
    front
}

fn toml_front(head: &str) -> Front {
    let mut front = Front::default();
    let Ok(table) = head.parse::<toml::Table>() else { return front };
    for (key, value) in table {
        let values = match value {
            toml::Value::String(s) => vec![s],
            toml::Value::Array(items) => {
                items.into_iter().filter_map(|v| v.as_str().map(str::to_string)).collect()
            }
            toml::Value::Datetime(d) => vec![d.to_string()],
            other => vec![other.to_string()],
        };
        set(&mut front, &key.to_lowercase(), values);
    }
    front
}

fn set(front: &mut Front, key: &str, values: Vec<String>) {
    let first = values.first().cloned();
    match key {
        "title" => front.title = first,
        "tags" | "categories" | "keywords" | "topics" => front.tags.extend(values),
        "date" | "published" | "pubdate" => front.date = first,
        "author" | "authors" | "byline" => front.author = Some(values.join(", ")),
        "url" | "link" | "source_url" => front.url = first,
        _ => {}
    }
}

fn unquote(value: &str) -> String {
    value.trim().trim_matches(['"', '\'']).to_string()
}

/// Collects the text of each block from parser events.
#[derive(Default)]
struct Blocks {
    /// (is a level-one heading, text)
    out: Vec<(bool, String)>,
    current: String,
    heading_one: bool,
    in_image: usize,
    links: Vec<String>,
}

impl Blocks {
    fn event(&mut self, event: Event) {
        match event {
            Event::Start(Tag::Heading { level, .. }) => {
                self.flush();
                self.heading_one = level == HeadingLevel::H1;
            }
            Event::Start(Tag::Image { .. }) => self.in_image += 1,
            Event::End(TagEnd::Image) => self.in_image = self.in_image.saturating_sub(1),
            Event::Start(Tag::Link { dest_url, .. }) => {
                let url = one_line(&dest_url);
                if !url.is_empty() && !self.links.contains(&url) {
                    self.links.push(url);
                }
            }
            Event::Start(Tag::Paragraph | Tag::Item | Tag::CodeBlock(_) | Tag::BlockQuote(_))
            | Event::End(
                TagEnd::Paragraph
                | TagEnd::Heading(_)
                | TagEnd::Item
                | TagEnd::CodeBlock
                | TagEnd::BlockQuote(_),
            )
            | Event::Rule => self.flush(),
            Event::Text(text) | Event::Code(text) if self.in_image == 0 => self.current.push_str(&text),
            Event::SoftBreak | Event::HardBreak => self.current.push(' '),
            _ => {}
        }
    }

    fn flush(&mut self) {
        let block = one_line(&self.current);
        self.current.clear();
        if !block.is_empty() {
            self.out.push((self.heading_one, block));
        }
        self.heading_one = false;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn yaml_front_matter_gives_metadata() {
        let d = parse(
            "n.md",
            "---\ntitle: \"Floods in Budalangi\"\ntags: [Floods, Busia]\ndate: 2025-04-02\nauthor: Ann Wekesa\nurl: https://example.org/floods\n---\n\nThe river rose.\n",
        );
        let s = d.story;
        assert_eq!(s.title(), "Floods in Budalangi");
        assert_eq!(s.tags, ["Floods", "Busia"]);
        assert_eq!(s.published.as_deref(), Some("2025-04-02T00:00:00Z"));
        assert_eq!(s.author.as_deref(), Some("Ann Wekesa"));
        assert_eq!(s.url.as_deref(), Some("https://example.org/floods"));
        assert_eq!(s.paragraphs(), ["The river rose."]);
    }

    #[test]
    fn yaml_lists_on_their_own_lines() {
        let s = parse("n.md", "---\ntitle: T\ntags:\n  - One\n  - Two\n---\nBody.\n").story;
        assert_eq!(s.tags, ["One", "Two"]);
    }

    #[test]
    fn toml_front_matter() {
        let s = parse(
            "n.md",
            "+++\ntitle = \"Port strike\"\ntags = [\"Mombasa\"]\ndate = 2025-03-01\n+++\nBody.\n",
        )
        .story;
        assert_eq!(s.title(), "Port strike");
        assert_eq!(s.tags, ["Mombasa"]);
        assert_eq!(s.published.as_deref(), Some("2025-03-01T00:00:00Z"));
    }

    #[test]
    fn first_heading_is_the_title_without_front_matter() {
        let s = parse("n.md", "# A heading\n\nFirst paragraph.\n\n## Sub\n\nSecond.\n").story;
        assert_eq!(s.title(), "A heading");
        assert_eq!(s.paragraphs(), ["First paragraph.", "Sub", "Second."]);
    }

    #[test]
    fn emphasis_and_links_become_text_and_targets_are_kept() {
        let s =
            parse("n.md", "# T\n\nSome *very* **strong** [words](https://example.org/w) and `code`.\n").story;
        assert_eq!(s.paragraphs(), ["Some very strong words and code."]);
        assert_eq!(s.links, ["https://example.org/w"]);
    }

    #[test]
    fn quotes_in_markdown_are_found() {
        let s = parse("n.md", "# T\n\n> \"We will rebuild,\" said Mayor Ines Baptiste.\n").story;
        assert_eq!(s.quotes().len(), 1);
        assert_eq!(s.quotes()[0].speaker.as_deref(), Some("Ines Baptiste"));
    }

    #[test]
    fn a_tags_line_at_the_end_is_tags() {
        let s = parse("n.md", "# T\n\nBody.\n\nTags: Kenya, Rail\n").story;
        assert_eq!(s.tags, ["Kenya", "Rail"]);
        assert_eq!(s.paragraphs(), ["Body."]);
    }

    #[test]
    fn images_do_not_add_text() {
        let s = parse("n.md", "# T\n\n![a photo of the port](p.jpg)\n\nText.\n").story;
        assert_eq!(s.paragraphs(), ["Text."]);
    }
}
