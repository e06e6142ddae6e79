#![allow(dead_code)]

//! What every fuzz target asserts about the stories a parser made: no
//! character that could steer a terminal survives (controls other than a
//! new line, bidi overrides and isolates), and quotes point inside their
//! paragraphs.

use byline_engine::Story;

pub fn clean(text: &str) {
    let bad = text.chars().find(|&c| {
        (c.is_control() && c != '\n') || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
    });
    assert!(bad.is_none(), "{bad:?} kept in {text:?}");
}

pub fn story(story: &Story) {
    for text in [story.title(), story.source.as_str()]
        .into_iter()
        .chain(story.caption())
        .chain(story.credit.as_deref())
        .chain(story.author.as_deref())
        .chain(story.url.as_deref())
        .chain(story.tags.iter().map(String::as_str))
        .chain(story.paragraphs().iter().map(String::as_str))
    {
        clean(text);
    }
    assert_eq!(story.id().len(), 16);
    for quote in story.quotes() {
        clean(&quote.text);
        quote.speaker.iter().for_each(|s| clean(s));
        let chars = |p: usize| story.paragraphs()[p].chars().count();
        assert!(quote.paragraph <= quote.end_paragraph && quote.end_paragraph < story.paragraphs().len());
        assert!(quote.start <= chars(quote.paragraph) && quote.end <= chars(quote.end_paragraph));
    }
}

/// Parse `data` as `format` (or by its content when `None`) and check
/// every story.
pub fn parse(name: &str, data: &[u8], format: Option<byline_engine::parse::InputFormat>) {
    if let Ok(parsed) = byline_engine::parse::parse_file(name, data, format) {
        for draft in &parsed.drafts {
            story(&draft.story);
        }
    }
}
