//! `update()` tests for fetching from the reader: `r` asks, results come
//! back a feed at a time, and the status bar says how it went.

use crate::tui::app::fetching::{FetchProgress, FetchStatus};
use crate::tui::app::*;
use byline_engine::feeds::{FeedResult, Outcome};
use byline_engine::model::{Format, Story};
use byline_engine::state::{Mark, State};

fn app() -> App {
    let mut app = App::new(crate::sample::load().library, 0);
    app.update(Msg::Resize(100, 30));
    app
}

fn fetched(title: &str, stories: &[&str]) -> FeedResult {
    let new_stories = stories
        .iter()
        .map(|t| {
            let mut story =
                Story::new("https://wire.example/rss", Format::Rss, (*t).into(), vec![format!("{t} text.")]);
            story.tags = vec!["Wire".into()];
            byline_engine::parse::Draft::from_story(story)
        })
        .collect();
    FeedResult {
        url: "https://wire.example/rss".into(),
        title: title.into(),
        outcome: Outcome::Fetched {
            new: stories.len(),
            updated: 0,
            items: stories.len(),
            unreadable: Vec::new(),
        },
        new_stories,
        pages: Default::default(),
    }
}

fn failed(title: &str, reason: &str) -> FeedResult {
    FeedResult {
        url: format!("https://{title}.example/rss"),
        title: title.into(),
        outcome: Outcome::Failed(reason.into()),
        new_stories: Vec::new(),
        pages: Default::default(),
    }
}

#[test]
fn r_asks_the_loop_to_fetch() {
    let mut app = app();
    assert_eq!(app.update(Action::Fetch), vec![Effect::Fetch]);
}

#[test]
fn r_while_fetching_says_so_and_starts_nothing() {
    let mut app = app();
    app.update(Msg::FetchStarted { total: 4 });
    assert_eq!(app.update(Action::Fetch), vec![]);
    assert_eq!(app.message.as_deref(), Some("already fetching: 0 of 4 feeds done"));
}

#[test]
fn r_while_loading_waits_for_the_stories_to_be_in() {
    let mut app = app();
    app.start_loading(None);
    assert_eq!(app.update(Action::Fetch), vec![]);
    assert_eq!(app.fetch, FetchStatus::Wanted);
    assert_eq!(app.update(Action::Down), vec![], "not while loading");
    let effects = super::finish_loading(&mut app);
    assert!(effects.contains(&Effect::Fetch), "once the last story is in");
    assert_eq!(app.fetch, FetchStatus::Idle);
    assert_eq!(app.update(Action::Down), vec![], "once only");
}

#[test]
fn new_stories_join_the_list_and_the_search_as_each_feed_is_done() {
    let mut app = app();
    let before = app.visible.len();
    app.update(Msg::FetchStarted { total: 2 });
    app.update(Msg::Fetched {
        results: vec![fetched("Wire", &["Quokka census", "Bridge vote"])],
        marks: Default::default(),
    });
    assert_eq!(app.visible.len(), before + 2);
    assert_eq!(app.fetch_text().as_deref(), Some("fetching 1 of 2 feeds · 2 new"));
    app.update(Action::OpenSearch);
    for c in "quokk".chars() {
        app.update(Msg::Insert(c));
    }
    app.update(Action::Submit);
    let titles: Vec<&str> = app.visible.iter().map(|&i| app.library.stories()[i].title()).collect();
    assert_eq!(titles, ["Quokka census"]);
    assert!(!app.library.stories_with_tag("Wire").is_empty(), "their tags are known to the tag filter");
}

#[test]
fn fetched_stories_get_their_saved_marks() {
    let mut app = app();
    let result = fetched("Wire", &["Ferry resumes"]);
    let id = result.new_stories[0].story.id().to_string();
    let mut state = State::default();
    state.stories.insert(id.clone(), Mark { read: true, starred: true, changed: 1 });
    app.update(Msg::FetchStarted { total: 1 });
    app.update(Msg::Fetched { results: vec![result], marks: std::sync::Arc::new(state.clone()) });
    let story = app.library.stories().iter().find(|s| s.id() == id).unwrap();
    assert!(story.read && story.starred);
}

#[test]
fn the_selection_stays_on_the_story_being_read_when_stories_arrive() {
    let mut app = app();
    app.update(Action::Down);
    app.update(Action::Down);
    let reading = app.selected_story();
    app.update(Msg::FetchStarted { total: 1 });
    app.update(Msg::Fetched {
        results: vec![fetched("Wire", &["Aardvark news", "Zebra news"])],
        marks: Default::default(),
    });
    assert_eq!(app.selected_story(), reading);
}

#[test]
fn the_end_of_a_fetch_says_what_came_and_what_failed() {
    let mut app = app();
    app.update(Msg::FetchStarted { total: 3 });
    app.update(Msg::Fetched {
        results: vec![
            fetched("Wire", &["Ferry resumes"]),
            failed("Broken", "HTTP 500 Internal Server Error"),
        ],
        marks: Default::default(),
    });
    assert_eq!(app.fetch_text().as_deref(), Some("fetching 2 of 3 feeds · 1 new · 1 failed"));
    app.update(Msg::Fetched {
        results: vec![failed("Silent", "no answer within 30 s")],
        marks: Default::default(),
    });
    app.update(Msg::FetchDone);
    assert_eq!(app.fetch, FetchStatus::Idle);
    assert_eq!(app.fetch_text(), None);
    assert_eq!(
        app.message.as_deref(),
        Some("fetched 3 feeds: 1 new story; 2 failed: Broken: HTTP 500 Internal Server Error (and 1 more)")
    );
}

#[test]
fn a_fetch_that_cannot_start_says_why() {
    let mut app = app();
    app.fetch = FetchStatus::Running(FetchProgress::default());
    app.update(Msg::FetchRefused("no subscriptions yet: add one with `byline feeds add URL`".into()));
    assert_eq!(app.fetch, FetchStatus::Idle);
    assert!(app.message.as_deref().unwrap().starts_with("no subscriptions yet"));
}
