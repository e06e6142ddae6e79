//! Property tests: the parser never panics on any bytes, never lets a
//! control character into the model, and what `export` writes reads back
//! as the same stories. (The long versions run under `fuzz/run.sh`.)

#![allow(clippy::unwrap_used)]

use byline_engine::Story;
use proptest::prelude::*;

fn strings(story: &Story) -> Vec<&str> {
    let mut all = vec![story.title()];
    all.extend(story.caption());
    all.extend(story.credit.as_deref());
    all.extend(story.tags.iter().map(String::as_str));
    all.extend(story.paragraphs());
    all.extend(story.quotes().iter().map(|q| q.text.as_str()));
    all.extend(story.quotes().iter().filter_map(|q| q.speaker.as_deref()));
    all.extend(story.quotes().iter().filter_map(|q| q.cue.as_deref()));
    all
}

fn assert_clean(story: &Story) {
    for s in strings(story) {
        assert!(
            !s.chars().any(|c| c.is_control() && c != '\n' || ('\u{202A}'..='\u{202E}').contains(&c)),
            "control character kept in {s:?}"
        );
    }
    for q in story.quotes() {
        assert!(q.paragraph <= q.end_paragraph && q.end_paragraph < story.paragraphs().len());
        let len = story.paragraphs()[q.end_paragraph].chars().count();
        assert!(q.end <= len);
        if q.paragraph == q.end_paragraph {
            assert!(q.start < q.end);
        }
    }
}

/// Article-like text: lines of words, quote marks, tags and hostile bytes.
fn article() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("\n\n".to_string()),
        Just("\"".to_string()),
        Just("“".to_string()),
        Just("”".to_string()),
        Just("«".to_string()),
        Just("„".to_string()),
        Just(" said ".to_string()),
        Just(" he said. ".to_string()),
        Just("Tags:".to_string()),
        Just(" PHOTO | FILE".to_string()),
        Just("\x1b[31m".to_string()),
        Just("\u{202E}".to_string()),
        "[A-Z][a-z]{1,8}",
        "[a-z]{1,8}",
        "[ ,.;:|?!'\t\r\n-]",
        any::<char>().prop_map(String::from),
    ];
    proptest::collection::vec(piece, 0..120).prop_map(|v| v.concat())
}

/// News prose as attribution meets it: names, titles, cue verbs, pronouns,
/// organisations, brackets, commas, dashes and every kind of quote mark,
/// in any order.
fn news_prose() -> impl Strategy<Value = Vec<String>> {
    let piece = prop_oneof![
        Just("\"".to_string()),
        Just("“".to_string()),
        Just("”".to_string()),
        Just("‘‘".to_string()),
        Just("’’".to_string()),
        Just("«".to_string()),
        Just("»".to_string()),
        Just("„".to_string()),
        prop::sample::select(vec![
            "said",
            "says",
            "told",
            "according",
            "to",
            "as",
            "put",
            "it",
            "was",
            "how",
            "described",
            "adding",
            "he",
            "she",
            "they",
            "He",
            "She",
            "Her",
            "his",
            "the",
            "The",
            "a",
            "one",
            "Another",
            "ministry",
            "group",
            "statement",
            "analyst",
            "minister",
            "Dr.",
            "Mr.",
            "Ms.",
            "Lt.",
            "Col.",
            "U.S.",
            "Inc.",
            "President",
            "Senator",
            "Amina",
            "Njoki",
            "Joshua",
            "Otieno",
            "Ministry",
            "of",
            "Health",
            "KWS",
            "(",
            ")",
            ",",
            ".",
            ":",
            ";",
            "—",
            "-",
            "?",
            "!",
            "'s",
            "’",
            "military",
            "that",
            "and",
            "who",
        ])
        .prop_map(String::from),
        "[A-Z][a-z]{1,8}",
        "[a-z]{1,8}",
    ];
    let paragraph = proptest::collection::vec(piece, 0..60).prop_map(|v| v.join(" "));
    proptest::collection::vec(paragraph, 1..6)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn attribution_never_panics_and_names_only_what_the_story_holds(paragraphs in news_prose()) {
        let quotes = byline_engine::parse::quotes::find_quotes(&paragraphs.iter().collect(), &["A title"]);
        for q in &quotes {
            prop_assert!(q.paragraph <= q.end_paragraph && q.end_paragraph < paragraphs.len());
            let text = paragraphs.join(" ");
            for word in q.speaker.iter().flat_map(|s| s.split(' ')) {
                prop_assert!(text.contains(word), "speaker word {word:?} is not in the story");
            }
            if let Some(cue) = &q.cue {
                prop_assert!(!cue.is_empty() && !cue.contains('\n'));
            }
        }
    }

    #[test]
    fn any_bytes_parse_or_are_refused_without_panic(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
        for name in ["fuzz.txt", "fuzz.json", "fuzz.md", "fuzz.xml", "fuzz.html"] {
            if let Ok(parsed) = byline_engine::parse::parse_file(name, &bytes, None) {
                parsed.drafts.iter().for_each(|d| assert_clean(&d.story));
            }
        }
    }

    #[test]
    fn article_like_text_keeps_no_control_characters(text in article()) {
        if let Ok(parsed) = byline_engine::parse::parse_file("fuzz.txt", text.as_bytes(), None) {
            parsed.drafts.iter().for_each(|d| assert_clean(&d.story));
        }
    }

    #[test]
    fn export_reads_back_as_the_same_stories(text in article()) {
        // Text that yields no story (read as JSON Lines whose every line is
        // a problem) exports as `[]`, which reads back as "no stories".
        let Ok(parsed) = byline_engine::parse::parse_file("fuzz.txt", text.as_bytes(), None) else {
            return Ok(());
        };
        if parsed.drafts.is_empty() {
            return Ok(());
        }
        let library = byline_engine::Library::from_drafts(parsed.drafts);
        for format in [byline::cli::export::ExportFormat::Json, byline::cli::export::ExportFormat::Jsonl] {
            let mut json = Vec::new();
            byline::cli::export::write(&mut json, library.in_order().map(|s| (s, s.id())), format).unwrap();
            let name = if format == byline::cli::export::ExportFormat::Json { "x.json" } else { "x.jsonl" };
            let again = byline_engine::parse::parse_file(name, &json, None).unwrap();
            prop_assert!(again.problems.is_empty(), "{:?}", again.problems);
            let before: Vec<&Story> = library.in_order().collect();
            prop_assert_eq!(again.drafts.len(), before.len());
            for (a, b) in before.iter().zip(&again.drafts) {
                let b = &b.story;
                prop_assert_eq!(a.id(), b.id());
                prop_assert_eq!(a.title(), b.title());
                prop_assert_eq!(a.paragraphs(), b.paragraphs());
                prop_assert_eq!(&a.tags, &b.tags);
                prop_assert_eq!(a.caption(), b.caption());
                prop_assert_eq!(&a.credit, &b.credit);
                prop_assert_eq!(a.quotes(), b.quotes());
            }
        }
    }
}

/// A subscription as `byline feeds add` would make it: an http(s) URL, a
/// title of one line, tags of one line each, different ignoring case, and
/// free of the two characters OPML's `category` gives a meaning (`,`
/// between categories, a leading `/` for a path).
fn subscription() -> impl Strategy<Value = byline_engine::feeds::Subscription> {
    let text = "[^\\p{Cc},/]{1,20}"
        .prop_map(|t| byline_engine::parse::clean::one_line(&t))
        .prop_filter("empty", |t| !t.is_empty());
    (
        "(http|https)://[a-z]{1,10}\\.example/[a-z0-9?=&%]{0,20}",
        proptest::option::of(text.clone()),
        proptest::collection::vec(text, 0..4),
    )
        .prop_map(|(url, title, tags)| byline_engine::feeds::Subscription {
            url,
            title,
            tags: byline_engine::parse::tags::dedupe(tags),
            full_text: false,
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// OPML export -> import gives the same subscriptions, titles and tags.
    #[test]
    fn opml_export_then_import_gives_the_same_subscriptions(
        subs in proptest::collection::vec(subscription(), 0..6)
    ) {
        let text = byline_engine::feeds::opml::export(&subs, "Sun, 29 Nov 2026 22:00:00 +0000");
        let imported = byline_engine::feeds::opml::import(&text).unwrap();
        prop_assert!(imported.skipped.is_empty());
        prop_assert_eq!(imported.feeds, subs);
    }
}
