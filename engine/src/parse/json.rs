//! JSON dumps: an array of stories, `{"stories": [...]}` (or `articles`,
//! `items`, `data`, `results`), a single story, or JSON Lines. Fields are
//! those of the export schema plus the names scrapers use (`body`, `text`,
//! `content`, `date`, `link`, `keywords`, `categories`). A record with a
//! field of the wrong type is reported by its position; the others load.

use serde_json::{Map, Value};

use super::clean::{one_line, sanitize};
use super::html_text::html_to_text;
use super::tags::{TagLine, read_tag_line};
use super::{Draft, Parsed, date, new_draft};
use crate::error::{ParseError, Problem};
use crate::model::{Format, Story};

/// Whether the document is a JSON Feed, which the feed parser reads.
pub fn is_json_feed(text: &str) -> bool {
    let head: String = text.chars().take(4096).collect();
    head.contains("jsonfeed.org/version")
}

/// Parse a JSON or JSON Lines document into stories.
pub fn parse(source: &str, text: &str) -> Result<Parsed, ParseError> {
    let mut parsed = Parsed::default();
    match serde_json::from_str::<Value>(text) {
        Ok(document) => {
            let records = records(document)?;
            for (i, record) in records.iter().enumerate() {
                match story_from(source, record) {
                    Ok(draft) => parsed.drafts.push(draft),
                    Err(reason) => parsed.problems.push(Problem::Record { record: i + 1, reason }),
                }
            }
        }
        Err(whole) => {
            let (lines, any) = parse_lines(source, text);
            if !any {
                return Err(ParseError::InvalidJson {
                    message: whole.to_string(),
                    line: whole.line(),
                    column: whole.column(),
                });
            }
            parsed = lines;
        }
    }
    Ok(parsed)
}

/// JSON Lines: one object a line; also whether any line was JSON. A large
/// file is cut at line ends into one part a core, parsed side by side, and
/// the parts joined in order: the result is the same as reading it whole.
fn parse_lines(source: &str, text: &str) -> (Parsed, bool) {
    let threads = crate::parallel::cores();
    if text.len() <= super::SPLIT_ABOVE || threads < 2 {
        return parse_line_range(source, text, 0);
    }
    let bytes = text.as_bytes();
    let mut cuts = vec![0];
    for k in 1..threads {
        let target = (bytes.len() * k / threads).max(*cuts.last().unwrap_or(&0));
        let at = memchr::memchr(b'\n', &bytes[target..]).map_or(bytes.len(), |p| target + p + 1);
        if at < bytes.len() && at > *cuts.last().unwrap_or(&0) {
            cuts.push(at);
        }
    }
    cuts.push(bytes.len());
    let parts: Vec<(usize, &str)> = cuts
        .windows(2)
        .map(|w| (memchr::memchr_iter(b'\n', &bytes[..w[0]]).count(), &text[w[0]..w[1]]))
        .collect();
    let Some(results) =
        super::in_parallel(&parts, |_, &(first_line, part)| Some(parse_line_range(source, part, first_line)))
    else {
        return parse_line_range(source, text, 0);
    };
    let any = results.iter().any(|(_, part_any)| *part_any);
    (Parsed::joined(results.into_iter().map(|(part, _)| part)), any)
}

/// The lines of `text`, the first being line `first_line + 1` of the file.
fn parse_line_range(source: &str, text: &str, first_line: usize) -> (Parsed, bool) {
    let mut parsed = Parsed::default();
    let mut any = false;
    for (i, line) in text.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()) {
        let number = first_line + i + 1;
        let record = match serde_json::from_str::<Value>(line) {
            Ok(value) => value,
            Err(e) => {
                parsed.problems.push(Problem::Line { line: number, reason: format!("invalid JSON ({e})") });
                continue;
            }
        };
        any = true;
        match story_from(source, &record) {
            Ok(draft) => parsed.drafts.push(draft),
            Err(reason) => parsed.problems.push(Problem::Line { line: number, reason }),
        }
    }
    (parsed, any)
}

/// The story records of a document.
fn records(document: Value) -> Result<Vec<Value>, ParseError> {
    match document {
        Value::Array(items) => Ok(items),
        Value::Object(mut object) => {
            for key in ["stories", "articles", "items", "data", "results", "entries"] {
                if let Some(Value::Array(items)) = object.remove(key) {
                    return Ok(items);
                }
            }
            Ok(vec![Value::Object(object)])
        }
        _ => Err(ParseError::NotStories),
    }
}

/// One field, looked up by any of its names; `null` counts as absent.
fn field<'a>(object: &'a Map<String, Value>, names: &[&'static str]) -> Option<(&'static str, &'a Value)> {
    names.iter().find_map(|name| object.get(*name).filter(|v| !v.is_null()).map(|v| (*name, v)))
}

fn text_field(object: &Map<String, Value>, names: &[&'static str]) -> Result<Option<String>, String> {
    match field(object, names) {
        None => Ok(None),
        Some((_, Value::String(s))) => Ok(Some(s.clone())),
        Some((name, other)) => Err(format!("`{name}` must be a string, not {}", kind(other))),
    }
}

fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

/// Names from a string, a list of strings, or objects with a `name`.
fn names(value: &Value, field: &str) -> Result<Vec<String>, String> {
    let one = |v: &Value| match v {
        Value::String(s) => Ok(s.clone()),
        Value::Object(o) => match o.get("name").or_else(|| o.get("term")).or_else(|| o.get("label")) {
            Some(Value::String(s)) => Ok(s.clone()),
            _ => Err(format!("`{field}` entries must be strings or objects with a name")),
        },
        other => Err(format!("`{field}` entries must be strings, not {}", kind(other))),
    };
    match value {
        Value::Array(items) => items.iter().map(one).collect(),
        other => one(other).map(|s| vec![s]),
    }
}

/// One story object of a JSON document; `Err` says what is wrong with it.
fn story_from(source: &str, record: &Value) -> Result<Draft, String> {
    let Value::Object(object) = record else {
        return Err(format!("expected a story object, not {}", kind(record)));
    };
    let (paragraphs, links) = body_of(object)?;
    let title = match text_field(object, &["title", "headline", "name"])? {
        Some(t) if !one_line(&t).is_empty() => one_line(&t),
        _ => match paragraphs.first() {
            Some(first) => first.chars().take(80).collect(),
            None => return Err("no title and no text".into()),
        },
    };
    let format_name = text_field(object, &["format"])?;
    let format = format_name.as_deref().and_then(format_by_name).unwrap_or(Format::Json);
    let given_source = text_field(object, &["source"])?;
    let mut story = Story::new(given_source.as_deref().unwrap_or(source), format, title, paragraphs);
    if let Some(id) = text_field(object, &["id"])?.filter(|id| !id.trim().is_empty()) {
        story.set_id(one_line(&id));
    }
    story.set_caption(text_field(object, &["caption"])?.map(|s| one_line(&s)).filter(|s| !s.is_empty()));
    story.credit = text_field(object, &["credit"])?.map(|s| one_line(&s)).filter(|s| !s.is_empty());
    if let Some((name, value)) = field(object, &["author", "authors", "byline", "creator"]) {
        story.author = Some(names(value, name)?.iter().map(|a| one_line(a)).collect::<Vec<_>>().join(", "))
            .filter(|a| !a.is_empty());
    }
    story.url = text_field(object, &["url", "link", "href", "permalink"])?.map(|s| one_line(&s));
    story.site = text_field(object, &["site", "site_name", "publisher"])?
        .map(|s| one_line(&s))
        .filter(|s| !s.is_empty());
    story.published = published_of(object)?;
    if let Some((name, value)) = field(object, &["tags", "keywords", "categories", "topics"]) {
        story.tags = tags_of(name, value)?;
    }
    for (flag, name) in [(&mut story.read, "read"), (&mut story.starred, "starred")] {
        match object.get(name) {
            None | Some(Value::Null) => {}
            Some(Value::Bool(b)) => *flag = *b,
            Some(other) => return Err(format!("`{name}` must be true or false, not {}", kind(other))),
        }
    }
    story.links = links;
    // byline's store keeps a feed item's web page beside its summary.
    if let Some(page) = object.get("full_text") {
        let page = <super::full_text::FullText as serde::Deserialize>::deserialize(page)
            .map_err(|e| format!("`full_text` is not what byline keeps there: {e}"))?;
        page.apply_to(&mut story);
    }
    Ok(new_draft(story, None, Vec::new()))
}

/// A story's paragraphs and links: a `paragraphs` list (with `links` kept
/// beside it, as byline's store of fetched items has), or a body text
/// split into paragraphs.
fn body_of(object: &Map<String, Value>) -> Result<(Vec<String>, Vec<String>), String> {
    let (paragraphs, links) = match field(object, &["paragraphs"]) {
        Some((_, Value::Array(items))) => {
            let links = match object.get("links") {
                Some(Value::Array(kept)) => {
                    kept.iter().filter_map(Value::as_str).map(one_line).filter(|l| !l.is_empty()).collect()
                }
                _ => Vec::new(),
            };
            let paragraphs = items
                .iter()
                .map(|p| match p {
                    Value::String(s) => Ok(one_line(s)),
                    other => Err(format!("`paragraphs` entries must be strings, not {}", kind(other))),
                })
                .collect::<Result<Vec<_>, _>>()?;
            (paragraphs, links)
        }
        Some((_, other)) => {
            return Err(format!("`paragraphs` must be a list of strings, not {}", kind(other)));
        }
        None => {
            match text_field(object, &["body", "text", "content", "article", "description", "summary"])? {
                Some(body) => split_body(&body),
                None => (Vec::new(), Vec::new()),
            }
        }
    };
    Ok((paragraphs.into_iter().filter(|p| !p.is_empty()).collect(), links))
}

/// The publication date, from a date string or Unix seconds, as RFC 3339.
fn published_of(object: &Map<String, Value>) -> Result<Option<String>, String> {
    const NAMES: &[&str] = &[
        "published",
        "date",
        "pubDate",
        "published_at",
        "publishedAt",
        "datePublished",
        "created_at",
        "time",
    ];
    Ok(match field(object, NAMES) {
        None => None,
        Some((_, Value::String(s))) => date::normalize(s),
        Some((_, Value::Number(n))) => n
            .as_i64()
            .and_then(|secs| chrono::DateTime::from_timestamp(secs, 0))
            .map(|d| d.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)),
        Some((name, other)) => return Err(format!("`{name}` must be a date string, not {}", kind(other))),
    })
}

/// Tags from a tag line (`"Haiti, Kenya"`) or a list of names.
fn tags_of(name: &str, value: &Value) -> Result<Vec<String>, String> {
    Ok(match value {
        Value::String(line) => match read_tag_line(line) {
            TagLine::Separated(tags) => tags,
            TagLine::SpaceJoined(tag) => vec![tag],
        },
        other => {
            super::tags::dedupe(names(other, name)?.iter().map(|t| one_line(t)).filter(|t| !t.is_empty()))
        }
    })
}

fn format_by_name(name: &str) -> Option<Format> {
    [Format::Text, Format::Json, Format::Markdown, Format::Rss, Format::Atom, Format::Jsonfeed, Format::Html]
        .into_iter()
        .find(|f| f.name() == name)
}

/// A body given as one string: HTML becomes paragraphs through the HTML
/// parser; plain text splits at blank lines (or at line ends when there are
/// no blank lines).
pub fn split_body(body: &str) -> (Vec<String>, Vec<String>) {
    if looks_like_html(body) {
        let html = html_to_text(body);
        return (html.paragraphs, html.links);
    }
    let text = sanitize(body);
    let separator = if text.contains("\n\n") { "\n\n" } else { "\n" };
    (text.split(separator).map(one_line).filter(|p| !p.is_empty()).collect(), Vec::new())
}

fn looks_like_html(text: &str) -> bool {
    ["<p", "<br", "<div", "</", "<a ", "&amp;", "&#"].iter().any(|t| text.contains(t))
}

#[cfg(test)]
mod tests;
