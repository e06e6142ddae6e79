//! Unit tests for the JSON reader.

use super::*;

fn stories(text: &str) -> Parsed {
    parse("d.json", text).unwrap()
}

#[test]
fn an_array_of_export_shaped_stories() {
    let p = stories(
        r#"[{"title": "One", "paragraphs": ["A.", "B."], "tags": ["Kenya"]}, {"title": "Two", "paragraphs": []}]"#,
    );
    assert_eq!(p.drafts.len(), 2);
    assert_eq!(p.drafts[0].story.paragraphs(), ["A.", "B."]);
    assert_eq!(p.drafts[0].story.tags, ["Kenya"]);
    assert_eq!(p.drafts[0].story.format, Format::Json);
}

#[test]
fn a_stories_wrapper_and_a_single_object() {
    assert_eq!(stories(r#"{"stories": [{"title": "A"}, {"title": "B"}]}"#).drafts.len(), 2);
    assert_eq!(stories(r#"{"title": "Alone", "body": "Text."}"#).drafts.len(), 1);
}

#[test]
fn json_lines() {
    let p = stories("{\"title\": \"A\"}\n{\"title\": \"B\"}\n\n{\"title\": \"C\"}\n");
    let titles: Vec<&str> = p.drafts.iter().map(|d| d.story.title()).collect();
    assert_eq!(titles, ["A", "B", "C"]);
}

#[test]
fn scraper_field_names() {
    let p = stories(
        r#"{"headline": "Rail", "body": "First para.\n\nSecond para.", "date": "2025-03-01", "link": "https://x.example/r",
            "keywords": "Rail, Kenya", "byline": "Ann Wekesa"}"#,
    );
    let s = &p.drafts[0].story;
    assert_eq!(s.title(), "Rail");
    assert_eq!(s.paragraphs(), ["First para.", "Second para."]);
    assert_eq!(s.published.as_deref(), Some("2025-03-01T00:00:00Z"));
    assert_eq!(s.url.as_deref(), Some("https://x.example/r"));
    assert_eq!(s.tags, ["Rail", "Kenya"]);
    assert_eq!(s.author.as_deref(), Some("Ann Wekesa"));
}

#[test]
fn categories_as_objects_and_authors_as_a_list() {
    let p = stories(
        r#"{"title": "T", "text": "x", "categories": [{"name": "Health"}], "authors": ["A", {"name": "B"}]}"#,
    );
    assert_eq!(p.drafts[0].story.tags, ["Health"]);
    assert_eq!(p.drafts[0].story.author.as_deref(), Some("A, B"));
}

#[test]
fn an_html_body_becomes_paragraphs() {
    let p = stories(r#"{"title": "T", "content": "<p>One &amp; two.</p><p>Three.</p>"}"#);
    assert_eq!(p.drafts[0].story.paragraphs(), ["One & two.", "Three."]);
}

#[test]
fn a_record_with_a_wrong_type_is_reported_and_the_rest_load() {
    let p = stories(
        r#"[{"title": "Good"}, {"title": 5}, {"title": "Also good", "tags": [1]}, {"title": "Fine"}]"#,
    );
    assert_eq!(p.drafts.len(), 2);
    assert_eq!(
        p.problems.iter().map(ToString::to_string).collect::<Vec<_>>(),
        [
            "record 2: `title` must be a string, not a number",
            "record 3: `tags` entries must be strings, not a number"
        ]
    );
}

#[test]
fn a_broken_json_line_is_reported_by_line() {
    let p = stories("{\"title\": \"A\"}\n{\"title\": \n{\"title\": \"C\"}\n");
    assert_eq!(p.drafts.len(), 2);
    assert!(p.problems[0].to_string().starts_with("line 2: invalid JSON"), "{:?}", p.problems);
}

#[test]
fn export_fields_are_kept_for_a_round_trip() {
    let p = stories(
        r#"[{"id": "0123456789abcdef", "source": "a/b.txt", "format": "text", "title": "T", "paragraphs": ["P."], "read": true}]"#,
    );
    let s = &p.drafts[0].story;
    assert_eq!((s.id(), s.source.as_str(), s.format), ("0123456789abcdef", "a/b.txt", Format::Text));
    assert!(s.read);
}

#[test]
fn not_json_at_all_is_an_error() {
    assert!(parse("d.json", "this is { not json").is_err());
}

#[test]
fn control_characters_in_strings_are_stripped() {
    let p = stories(r#"{"title": "Red\u001b[31m alert", "paragraphs": ["a\u0007b"]}"#);
    assert_eq!(p.drafts[0].story.title(), "Red alert");
    assert_eq!(p.drafts[0].story.paragraphs(), ["ab"]);
}

#[test]
fn a_large_json_lines_file_parsed_in_parts_gives_what_it_gives_whole() {
    let body = "word ".repeat(400);
    let mut text = String::new();
    for n in 0..2000 {
        match n {
            700 => text.push_str("{ not json\n"),
            1300 => text.push_str("{\"title\": 5}\n\n"),
            _ => text.push_str(&format!("{{\"title\": \"Story {n}\", \"body\": \"{body}\"}}\n")),
        }
    }
    assert!(text.len() > crate::parse::SPLIT_ABOVE);
    let (whole, _) = parse_line_range("big.jsonl", &text, 0);
    let parts = parse("big.jsonl", &text).unwrap();
    let titles = |p: &Parsed| p.drafts.iter().map(|d| d.story.title().to_string()).collect::<Vec<_>>();
    assert_eq!(titles(&parts), titles(&whole));
    assert_eq!(parts.drafts.len(), 1998);
    assert_eq!(parts.problems, whole.problems);
    assert!(parts.problems[0].to_string().starts_with("line 701: invalid JSON"), "{:?}", parts.problems);
    assert!(parts.problems[1].to_string().starts_with("line 1301: "), "{:?}", parts.problems);
}
