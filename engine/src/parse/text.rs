//! The plain-text article of FORMAT.md: title (a scraper's repeat dropped),
//! caption and credit, body paragraphs, tags, and the site boilerplate after
//! them, recognised by shape and position.

use super::clean::{self, fold_spaces};
use super::tags::{self, TagLine};
use super::{Draft, new_draft};
use crate::model::{Format, Story};

/// Parse one plain-text article on its own, a space-joined tag line
/// segmented with the story's own text only. Infallible for text: a strange
/// article still yields a story; only empty and binary files are refused.
#[cfg(test)]
pub(crate) fn parse(source: &str, bytes: &[u8]) -> Result<Draft, clean::Unreadable> {
    let mut draft = parse_decoded(source, &clean::decode(bytes)?);
    super::segment_tags(&mut draft, &std::collections::HashSet::new());
    Ok(draft)
}

/// Parse an article already decoded (the loader decodes once to detect the
/// format, and hands that text here rather than decoding again).
pub fn parse_decoded(source: &str, decoded: &clean::Decoded) -> Draft {
    let mut warnings = Vec::new();
    if decoded.lossy {
        warnings.push("invalid UTF-8 bytes were replaced".to_string());
    }
    let text = clean::sanitize(&decoded.text);
    let mut blocks = blocks(&text);

    // The title is the first line; anything under it in the same block is body.
    let first = blocks.remove(0);
    let title = fold_spaces(first[0]);
    if first.len() > 1 {
        blocks.insert(0, first[1..].to_vec());
    }
    if blocks.first().is_some_and(|b| same_words(b, &title)) {
        blocks.remove(0);
    }

    let mut caption = None;
    let mut credit = None;
    let has_bar = |b: &Vec<&str>| b.iter().any(|line| line.contains('|'));
    if let Some((cap, cred)) = blocks.first().filter(|b| has_bar(b)).and_then(|b| split_credit(&join(b))) {
        caption = cap;
        credit = Some(cred);
        blocks.remove(0);
    }

    let tag_at = blocks.iter().rposition(|b| tag_label_rest(b[0]).is_some());
    let mut tag_line = None;
    let body_blocks: &[Vec<&str>] = match tag_at {
        Some(at) => {
            let block = &blocks[at];
            let rest = tag_label_rest(block[0]).unwrap_or_default();
            let mut raw: Vec<&str> =
                std::iter::once(rest).chain(block[1..].iter().copied()).filter(|l| !l.is_empty()).collect();
            if raw.is_empty()
                && let Some(next) = blocks.get(at + 1)
            {
                raw = next.clone();
            }
            if !raw.is_empty() {
                tag_line = Some(tags::read_tag_line(&raw.join("\n")));
            }
            &blocks[..at]
        }
        None => &blocks,
    };

    let mut paragraphs: Vec<String> =
        body_blocks.iter().map(|b| join(b)).filter(|p| !is_inline_promo(p)).collect();
    let strict = tag_at.is_some();
    while paragraphs.last().is_some_and(|p| is_boilerplate(p, strict)) {
        paragraphs.pop();
    }

    let mut story = Story::new(source, Format::Text, title, paragraphs);
    story.set_caption(caption);
    story.credit = credit;
    let unsegmented = match tag_line {
        Some(TagLine::Separated(tags)) => {
            story.tags = tags;
            None
        }
        Some(TagLine::SpaceJoined(line)) => Some(line),
        None => None,
    };
    new_draft(story, unsegmented, warnings)
}

/// Blocks of non-blank lines, lines trimmed. Never empty: `decode` refused
/// files with no text.
fn blocks(text: &str) -> Vec<Vec<&str>> {
    let mut out: Vec<Vec<&str>> = Vec::new();
    let mut current = Vec::new();
    for line in text.lines().map(str::trim) {
        if line.is_empty() {
            if !current.is_empty() {
                out.push(std::mem::take(&mut current));
            }
        } else {
            current.push(line);
        }
    }
    if !current.is_empty() {
        out.push(current);
    }
    if out.is_empty() {
        out.push(vec![""]);
    }
    out
}

/// A block's lines (of sanitised text) as one paragraph.
fn join(block: &[&str]) -> String {
    match block {
        [line] => fold_spaces(line),
        _ => fold_spaces(&block.join(" ")),
    }
}

/// Whether a block's lines say the same words as `text`, ignoring case and
/// spacing: the scraper's repeat of the title.
fn same_words(block: &[&str], text: &str) -> bool {
    let same = |a: &str, b: &str| {
        a.eq_ignore_ascii_case(b) || (!a.is_ascii() && a.to_lowercase() == b.to_lowercase())
    };
    let mut words = block.iter().flat_map(|line| line.split_whitespace());
    text.split_whitespace().all(|w| words.next().is_some_and(|v| same(w, v))) && words.next().is_none()
}

/// `Tags:`, `Tags: Haiti, Kenya`, `TAGS -`, `Keywords:`: the text after the
/// label, when the line is a tag label.
fn tag_label_rest(line: &str) -> Option<&str> {
    ["tags", "tag", "keywords", "topics"].iter().find_map(|label| {
        let rest = line.get(label.len()..).filter(|_| line[..label.len()].eq_ignore_ascii_case(label))?;
        let trimmed = rest.trim_start();
        let sep = trimmed.chars().next();
        if !matches!(sep, Some(':' | '-' | '–' | '—') | None) {
            return None;
        }
        Some(trimmed[sep.map_or(0, char::len_utf8)..].trim())
    })
}

/// Split a photo credit off a caption: `... William Ruto. PHOTOS | COURTESY`
/// gives the sentence and `PHOTOS | COURTESY`. The credit is one or two upper
/// case words, `|`, and one to four upper case words.
fn split_credit(text: &str) -> Option<(Option<String>, String)> {
    let bar = text.rfind('|')?;
    let right: Vec<&str> = text[bar + 1..].split_whitespace().collect();
    if right.is_empty() || right.len() > 4 || !right.iter().all(|w| is_upper_word(w)) {
        return None;
    }
    let left: Vec<&str> = text[..bar].split_whitespace().collect();
    let mut take = left.iter().rev().take_while(|w| is_upper_word(w) && !w.contains('.')).count().min(2);
    if take == 2 && !CREDIT_WORDS.contains(&left[left.len() - 2]) {
        take = 1;
    }
    if take == 0 {
        return None;
    }
    let caption = left[..left.len() - take].join(" ");
    let credit = format!("{} | {}", left[left.len() - take..].join(" "), right.join(" "));
    Some(((!caption.is_empty()).then_some(caption), credit))
}

const CREDIT_WORDS: &[&str] =
    &["PHOTO", "PHOTOS", "IMAGE", "IMAGES", "FILE", "PICTURE", "PICTURES", "VIDEO", "GRAPHIC", "COURTESY"];

fn is_upper_word(word: &str) -> bool {
    word.chars().any(char::is_uppercase) && !word.chars().any(char::is_lowercase)
}

/// Promotions scrapers leave inside the body: `ALSO READ: ...`.
fn is_inline_promo(paragraph: &str) -> bool {
    ["ALSO READ", "READ ALSO", "RELATED:", "READ MORE:", "ADVERTISEMENT", "SPONSORED"].iter().any(|p| {
        paragraph.as_bytes().get(..p.len()).is_some_and(|head| head.eq_ignore_ascii_case(p.as_bytes()))
    })
}

/// Calls to action that never belong to a story.
const STRONG_PROMPTS: &[&str] = &[
    "send us",
    "subscribe",
    "newsletter",
    "follow us",
    "whatsapp",
    "download our",
    "download the",
    "all rights reserved",
    "©",
    "copyright",
    "click here",
    "tap here",
    "latest stories",
    "latest news",
    "related stories",
    "related articles",
    "more stories",
    "you may also like",
    "leave a comment",
    "no comments",
    "got a story",
    "have a story",
    "tip us",
    "join our",
    "share this",
    "share on",
    "sign up",
    "recommended for you",
    "most read",
    "trending now",
    "report an error",
    "contact us",
];

/// Words that are boilerplate only in a very short block (`Comments`).
const WEAK_PROMPTS: &[&str] =
    &["comment", "share", "read more", "advertisement", "trending", "related", "loading"];

/// Site furniture after a story: a call to action (strong prompt, or weak
/// prompt in a few words), or - when no tags marked the end - a short line
/// that is not a sentence (`latest stories`, `Comments`).
fn is_boilerplate(block: &str, strict: bool) -> bool {
    let words = block.split_whitespace().count();
    let contact = || {
        block.contains('@')
            || block.contains("http")
            || block.contains("www.")
            || block.contains("WWW.")
            || has_phone_number(block)
    };
    // Long paragraphs are story text unless they carry contact details:
    // most paragraphs are decided here without lower-casing them.
    if words > 30 && !contact() {
        return false;
    }
    let lower = block.to_lowercase();
    if STRONG_PROMPTS.iter().any(|p| lower.contains(p)) {
        return true;
    }
    if WEAK_PROMPTS.iter().any(|p| lower.contains(p)) && words <= 5 {
        return true;
    }
    !strict && words <= 4 && !block.trim_end().ends_with(['.', '!', '?', '"', '”', '’', ')', '»'])
}

fn has_phone_number(text: &str) -> bool {
    let mut run = 0;
    for c in text.chars() {
        run = if c.is_ascii_digit() { run + 1 } else { 0 };
        if run >= 7 {
            return true;
        }
    }
    false
}

#[cfg(test)]
mod tests;
