//! `update()` tests for `F`: the open story's web page asked for, and its
//! whole text shown (and searched) when it arrives.

use crate::tui::app::*;
use byline_engine::feeds::pages::FullText;
use byline_engine::model::{Format, Story};

/// One feed item with a one-sentence summary, open in the reader.
fn summary_app() -> App {
    let mut story =
        Story::new("https://wire.example/rss", Format::Rss, "Pier closed".into(), vec!["A summary.".into()]);
    story.set_id("item-1".into());
    story.url = Some("https://wire.example/pier".into());
    story.published = Some("2030-01-01T08:00:00Z".into());
    let other = Story::new("notes/a.txt", Format::Text, "No link".into(), vec!["Text.".into()]);
    let mut app = App::new(byline_engine::library::Library::from_stories(vec![story, other]), 0);
    app.update(Msg::Resize(100, 30));
    app.update(Action::Open);
    app
}

fn page(paragraphs: &[&str]) -> Box<FullText> {
    Box::new(FullText {
        page: "https://wire.example/pier".into(),
        paragraphs: paragraphs.iter().map(|p| p.to_string()).collect(),
        author: Some("Lena Marsh".into()),
        ..FullText::default()
    })
}

fn open_index(app: &App) -> usize {
    app.reader.story.unwrap()
}

#[test]
fn f_asks_for_the_page_of_the_open_story_and_says_so() {
    let mut app = summary_app();
    let effects = app.update(Action::FullText);
    let [Effect::FetchPage { story, request }] = effects.as_slice() else { panic!("{effects:?}") };
    assert_eq!(*story, open_index(&app));
    assert_eq!(request.link, "https://wire.example/pier");
    assert_eq!(request.feed.as_deref(), Some("https://wire.example/rss"), "kept with the feed's item");
    assert_eq!(request.id, "item-1");
    assert_eq!(request.summary_chars, "A summary.".len());
    assert_eq!(app.message.as_deref(), Some("fetching the full text from wire.example…"));
    assert_eq!(app.update(Action::FullText), vec![], "not twice at once");
    assert_eq!(app.message.as_deref(), Some("already fetching this story's page"));
}

#[test]
fn the_page_replaces_the_summary_and_is_searched() {
    let mut app = summary_app();
    let index = open_index(&app);
    app.update(Action::FullText);
    let text = ["The pier closed at dawn.", "Divers found the pilings rotten, said the harbourmaster."];
    app.update(Msg::PageFetched { story: index, page: page(&text), kept: Ok(true) });
    let story = &app.library.stories()[index];
    assert_eq!(story.paragraphs().to_vec(), text);
    assert_eq!(story.author.as_deref(), Some("Lena Marsh"));
    assert_eq!(story.id(), "item-1", "marks saved under the id still apply");
    assert_eq!(app.message.as_deref(), Some("full text from wire.example: 2 paragraphs"));
    app.update(Action::Back);
    app.update(Action::OpenSearch);
    for c in "pilings".chars() {
        app.update(Msg::Insert(c));
    }
    assert_eq!(app.visible, [index], "a word only in the page finds the story");
    assert_eq!(app.update(Action::Submit), vec![]);
    app.update(Action::Open);
    assert_eq!(app.update(Action::FullText).len(), 1, "asking again is allowed once it arrived");
}

#[test]
fn the_people_pane_counts_the_speakers_of_the_page() {
    let mut app = summary_app();
    app.library.find_people();
    let index = open_index(&app);
    app.update(Action::FullText);
    let text = ["\u{201c}We will rebuild the pier,\u{201d} said harbourmaster Ines Duarte on Monday."];
    app.update(Msg::PageFetched { story: index, page: page(&text), kept: Ok(true) });
    let kind = byline_engine::model::NameKind::Person;
    assert_eq!(app.library.people().stories_of("Ines Duarte", kind, true), [index]);
    assert!(app.library.people_complete(), "no story is left to find again");
}

#[test]
fn a_page_that_gave_nothing_leaves_the_text_and_says_why() {
    let mut app = summary_app();
    let index = open_index(&app);
    app.update(Action::FullText);
    let failed =
        Box::new(FullText { kept_summary: Some("HTTP 404 Not Found".into()), ..FullText::default() });
    app.update(Msg::PageFetched { story: index, page: failed, kept: Ok(false) });
    assert_eq!(app.library.stories()[index].paragraphs().to_vec(), ["A summary."]);
    assert_eq!(app.message.as_deref(), Some("full text not fetched: HTTP 404 Not Found"));
}

#[test]
fn a_store_that_cannot_keep_the_page_is_mentioned() {
    let mut app = summary_app();
    let index = open_index(&app);
    app.update(Action::FullText);
    app.update(Msg::PageFetched { story: index, page: page(&["Whole."]), kept: Err("disk full".into()) });
    assert_eq!(
        app.message.as_deref(),
        Some("full text from wire.example: 1 paragraph; not kept for next time: disk full")
    );
}

#[test]
fn a_story_without_a_web_page_asks_for_nothing() {
    let mut app = summary_app();
    app.update(Action::Back);
    app.update(Action::Down);
    app.update(Action::Open);
    assert_eq!(app.update(Action::FullText), vec![]);
    assert_eq!(app.message.as_deref(), Some("this story has no web page to fetch"));
}
