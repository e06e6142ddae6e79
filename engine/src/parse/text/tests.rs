//! Unit tests for the plain-text article parser: one FORMAT.md rule each.

use super::*;
use crate::parse::clean::Unreadable;

fn story(text: &str) -> Story {
    parse("test.txt", text.as_bytes()).unwrap().story
}

const ARTICLE: &str = "Rains return to the Rift Valley

Rains return to the Rift Valley

Farmers inspect a maize field near Eldoret. PHOTO | FILE

The long rains arrived two weeks early across the Rift Valley on Monday.

\"We planted the moment the ground was soft,\" said farmer Joyce Chebet.

Tags:

Farming, Weather, Rift Valley

Want to send us a story? Email tips@example.org

Leave a Comment

latest stories
";

#[test]
fn repeated_title_is_dropped() {
    let s = story(ARTICLE);
    assert_eq!(s.title(), "Rains return to the Rift Valley");
    assert!(!s.paragraphs().iter().any(|p| p == s.title()));
}

#[test]
fn title_without_repeat_keeps_first_paragraph() {
    let s = story("A short title\n\nThe first paragraph.\n\nThe second paragraph.\n");
    assert_eq!(s.title(), "A short title");
    assert_eq!(s.paragraphs(), ["The first paragraph.", "The second paragraph."]);
}

#[test]
fn caption_and_credit_are_split() {
    let s = story(ARTICLE);
    assert_eq!(s.caption(), Some("Farmers inspect a maize field near Eldoret."));
    assert_eq!(s.credit.as_deref(), Some("PHOTO | FILE"));
    let s = story("Title\n\nOfficers at the airport. PHOTOS | COURTESY\n\nBody.\n");
    assert_eq!(s.credit.as_deref(), Some("PHOTOS | COURTESY"));
}

#[test]
fn a_paragraph_with_a_bar_is_not_a_caption() {
    let s = story("Title\n\nShares rose 4% | analysts were surprised.\n\nBody.\n");
    assert_eq!(s.caption(), None);
    assert_eq!(s.paragraphs().len(), 2);
}

#[test]
fn body_excludes_tags_and_boilerplate() {
    let s = story(ARTICLE);
    assert_eq!(s.paragraphs().len(), 2);
    assert!(s.paragraphs()[1].starts_with("\"We planted"));
}

#[test]
fn tags_in_the_next_block() {
    assert_eq!(story(ARTICLE).tags, ["Farming", "Weather", "Rift Valley"]);
}

#[test]
fn inline_tags() {
    let s = story("Title\n\nBody text here.\n\nTags: Haiti, Jamaica, Belize\n\nComments\n");
    assert_eq!(s.tags, ["Haiti", "Jamaica", "Belize"]);
    assert_eq!(s.paragraphs(), ["Body text here."]);
}

#[test]
fn newline_separated_tags() {
    let s = story("Title\n\nBody text here.\n\nTags:\nHaiti\nKenya Police\n");
    assert_eq!(s.tags, ["Haiti", "Kenya Police"]);
}

#[test]
fn space_joined_tags_are_segmented() {
    let text = "Title\n\nUS Secretary of State nominee Marco Rubio spoke on Haiti.\n\nTags:\n\nHaiti Trump President Ruto US Secretary of State\n";
    let draft = parse("t.txt", text.as_bytes()).unwrap();
    assert_eq!(draft.story.tags, ["Haiti", "Trump", "President Ruto", "US Secretary of State"]);
    assert!(draft.unsegmented_tags.is_some());
}

#[test]
fn boilerplate_without_tags_is_removed_by_shape() {
    let s = story(
        "Title\n\nThe council met on Tuesday.\n\nIt approved the budget.\n\nShare this story\n\nFollow us on Telegram for more updates\n\nMore from Nairobi\n",
    );
    assert_eq!(s.paragraphs(), ["The council met on Tuesday.", "It approved the budget."]);
}

#[test]
fn a_last_paragraph_that_mentions_comment_is_kept() {
    let s = story(
        "Title\n\nThe council met.\n\nThe ministry did not respond to a request for comment on the decision.\n",
    );
    assert_eq!(s.paragraphs().len(), 2);
}

#[test]
fn also_read_promos_inside_the_body_are_dropped() {
    let s = story("Title\n\nFirst.\n\nALSO READ: Another story entirely\n\nSecond.\n");
    assert_eq!(s.paragraphs(), ["First.", "Second."]);
}

#[test]
fn bom_crlf_and_trailing_spaces() {
    let s = story("\u{FEFF}Title  \r\n\r\nBody line one  \r\ncontinues here. \r\n\r\nTags: A, B\r\n");
    assert_eq!(s.title(), "Title");
    assert_eq!(s.paragraphs(), ["Body line one continues here."]);
    assert_eq!(s.tags, ["A", "B"]);
}

#[test]
fn invalid_utf8_is_replaced_with_a_warning() {
    let draft = parse("t.txt", b"Caf\xE9 news\n\nBody.\n").unwrap();
    assert_eq!(draft.story.title(), "Caf\u{FFFD} news");
    assert_eq!(draft.warnings.len(), 1);
}

#[test]
fn control_characters_are_stripped_and_tabs_become_spaces() {
    let s = story("Ti\x1b[2Jtle\x07\n\nOne\ttwo\x01three\x7f.\n");
    assert_eq!(s.title(), "Title");
    assert_eq!(s.paragraphs(), ["One twothree."]);
}

#[test]
fn empty_and_binary_files_are_refused() {
    assert_eq!(parse("e.txt", b"").unwrap_err(), Unreadable::Empty);
    assert!(matches!(parse("b.txt", b"\x89PNG\r\n\x1a\n\x00\x00"), Err(Unreadable::Binary(_))));
}

#[test]
fn quotes_are_found_in_the_body() {
    let s = story(ARTICLE);
    assert_eq!(s.quotes().len(), 1);
    assert_eq!(s.quotes()[0].speaker.as_deref(), Some("Joyce Chebet"));
    assert_eq!(s.quotes()[0].paragraph, 1);
}

#[test]
fn a_title_only_file_is_a_story() {
    let s = story("Just a headline\n");
    assert_eq!(s.title(), "Just a headline");
    assert!(s.paragraphs().is_empty());
}

#[test]
fn a_file_of_nothing_but_control_sequences_is_refused_as_empty() {
    // Found by the export round-trip property: it made a story with no
    // title and no text, which the JSON reader then refused.
    for bytes in [&b"\x1b[31m"[..], b"\x07\x1b]0;title\x07\n\n\x1b[2J", b"\xE2\x80\xAE\n"] {
        assert_eq!(
            crate::parse::parse_file("x.txt", bytes, None).unwrap_err().to_string(),
            "empty file",
            "{bytes:?}"
        );
    }
}
