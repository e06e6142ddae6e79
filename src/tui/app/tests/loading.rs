//! `update()` tests for a library that is still loading: stories arrive in
//! batches while the user reads, filters and searches.

use super::finish_loading;
use crate::tui::app::*;
use byline_engine::load::Batch;
use byline_engine::parse::{self, Draft};
use byline_engine::state::{Mark, Position, State};

/// The sample corpus's drafts, in the order the files are bundled.
fn drafts() -> Vec<Draft> {
    crate::sample::FILES
        .iter()
        .flat_map(|(name, bytes)| parse::parse_file(name, bytes, None).unwrap().drafts)
        .collect()
}

/// A batch as a loading thread sends it.
fn batch(drafts: Vec<Draft>) -> Batch {
    Batch { files: drafts.len(), drafts, ..Batch::default() }
}

/// A reader opened on nothing, loading.
fn loading_app() -> App {
    let mut app = App::new(Library::default(), 0);
    app.update(Msg::Resize(100, 30));
    app.start_loading(None);
    app.user_moved = false;
    app
}

fn arrive(app: &mut App, drafts: Vec<Draft>, state: &State) {
    app.update(Msg::Loaded { batches: vec![batch(drafts)], marks: std::sync::Arc::new(state.clone()) });
}

/// A loading reader that has received the sample's first `n` stories, and
/// the rest, still to come.
fn first_arrived(n: usize) -> (App, Vec<Draft>) {
    let mut app = loading_app();
    let mut all = drafts();
    let rest = all.split_off(n);
    arrive(&mut app, all, &State::default());
    (app, rest)
}

fn titles(app: &App) -> Vec<String> {
    app.visible.iter().map(|&i| app.library.stories()[i].title().to_string()).collect()
}

fn selected_title(app: &App) -> String {
    app.library.stories()[app.selected_story().unwrap()].title().to_string()
}

#[test]
fn stories_join_the_list_in_reading_order_as_they_arrive() {
    let (mut app, second) = first_arrived(6);
    assert_eq!(app.visible.len(), 6);
    assert_eq!(app.loading.unwrap().files_read, 6);
    arrive(&mut app, second, &State::default());
    finish_loading(&mut app);
    assert!(app.loading.is_none());
    let finished = App::new(crate::sample::load().library, 0);
    assert_eq!(titles(&app), titles(&finished), "the same order as a library loaded at once");
}

#[test]
fn the_selection_stays_on_top_until_the_user_moves_then_follows_their_story() {
    let (mut app, rest) = first_arrived(3);
    assert_eq!(app.selected, 0);
    app.update(Action::Down);
    let chosen = selected_title(&app);
    arrive(&mut app, rest, &State::default());
    assert_eq!(selected_title(&app), chosen, "new stories do not move the user's selection");
    assert_ne!(app.selected, 1, "stories arrived above it");
}

#[test]
fn untouched_the_list_keeps_showing_its_first_story() {
    let (mut app, rest) = first_arrived(2);
    arrive(&mut app, rest, &State::default());
    assert_eq!(app.selected, 0);
    assert_eq!(app.list_offset, 0);
}

#[test]
fn saved_marks_and_position_apply_when_their_story_arrives() {
    let all = drafts();
    let last = all.last().unwrap().story.clone();
    let mut state = State::default();
    state.stories.insert(last.id().to_string(), Mark { read: true, starred: true, changed: 1 });
    let mut app = loading_app();
    app.start_loading(Some(Position { story: last.id().to_string(), scroll: 0 }));
    let mut first = all;
    let tail = first.split_off(first.len() - 1);
    arrive(&mut app, first, &state);
    assert_eq!(app.selected, 0, "its story has not come yet");
    arrive(&mut app, tail, &state);
    assert_eq!(selected_title(&app), last.title(), "the saved story is selected once it arrives");
    let index = app.selected_story().unwrap();
    assert!(app.library.stories()[index].read && app.library.stories()[index].starred);
}

#[test]
fn filters_and_search_apply_to_stories_as_they_arrive() {
    let mut app = loading_app();
    app.update(Action::UnreadOnly);
    app.update(Action::OpenSearch);
    for c in "haiti".chars() {
        app.update(Msg::Insert(c));
    }
    app.update(Action::Submit);
    let mut all = drafts();
    let rest = all.split_off(4);
    arrive(&mut app, all, &State::default());
    let early = app.visible.len();
    arrive(&mut app, rest, &State::default());
    finish_loading(&mut app);
    let expected = App::new(crate::sample::load().library, 0);
    let haiti = expected.library.search(&byline_engine::search_index::query_words("haiti")).count();
    assert!(early <= haiti);
    assert_eq!(app.visible.len(), haiti, "the word index answers for every arrived story");
    assert!(app.visible.iter().all(|&i| app.library.stories()[i].title().to_lowercase().contains("haiti")
        || app.library.stories()[i].paragraphs().iter().any(|p| p.to_lowercase().contains("haiti"))
        || app.library.stories()[i].tags.iter().any(|t| t.to_lowercase().contains("haiti"))));
}

#[test]
fn the_open_tag_picker_counts_new_stories_and_keeps_its_row() {
    let (mut app, rest) = first_arrived(5);
    app.update(Action::OpenTagPicker);
    app.update(Action::Down);
    let Overlay::Picker(before) = &app.overlay else { panic!("picker open") };
    let highlighted = before.items[before.selected].filter.clone();
    let total_before: usize = before.items.iter().map(|i| i.stories).sum();
    arrive(&mut app, rest, &State::default());
    let Overlay::Picker(after) = &app.overlay else { panic!("picker still open") };
    assert_eq!(after.items[after.selected].filter, highlighted);
    assert!(after.items.iter().map(|i| i.stories).sum::<usize>() > total_before);
}

#[test]
fn space_joined_tags_are_segmented_when_loading_ends() {
    let mut app = loading_app();
    let seed = b"Title of a story\n\nPresident Ruto met the Haiti envoy.\n\nTags:\n\nHaiti President Ruto\n";
    let other = b"Another story\n\nBody.\n\nTags: President Ruto, Haiti\n";
    let parsed: Vec<Draft> = [("a.txt", &seed[..]), ("b.txt", &other[..])]
        .iter()
        .flat_map(|(n, b)| parse::parse_file(n, b, None).unwrap().drafts)
        .collect();
    arrive(&mut app, parsed, &State::default());
    let a = app.library.stories().iter().position(|s| s.source == "a.txt").unwrap();
    assert!(app.library.stories()[a].tags.is_empty(), "waits for every story's tags");
    finish_loading(&mut app);
    assert_eq!(app.library.stories()[a].tags, ["Haiti", "President Ruto"]);
    assert_eq!(app.library.stories_tagged("ruto").len(), 2);
    assert_eq!(
        app.library.search(&byline_engine::search_index::query_words("presid")).count(),
        2,
        "new tags are searchable"
    );
}

#[test]
fn the_word_index_is_built_by_a_thread_once_loaded_and_searches_use_it_when_it_comes() {
    // While stories arrive nothing is indexed on the reader's thread; a
    // search reads the stories meanwhile.
    let (mut app, rest) = first_arrived(4);
    assert!(!app.library.searches_by_index());
    app.update(Action::OpenSearch);
    super::typed(&mut app, "harbour");
    let while_loading = app.visible.clone();
    app.update(Action::Cancel);
    arrive(&mut app, rest, &State::default());
    finish_loading(&mut app);
    let effects = app.update(Msg::AfterLoading);
    let jobs: Vec<_> = effects
        .iter()
        .filter_map(|e| match e {
            Effect::IndexWords(job) => Some(job.clone()),
            _ => None,
        })
        .collect();
    assert_eq!(jobs.len(), 1, "one index job once every story is in: {effects:?}");
    assert_eq!(jobs[0].0.len(), app.library.len());
    app.update(Action::OpenSearch);
    super::typed(&mut app, "harbour");
    let by_reading = app.visible.clone();
    assert!(!by_reading.is_empty() && while_loading.iter().all(|i| by_reading.contains(i)));
    // The index arrives (a story fetched meanwhile is indexed here).
    let never = std::sync::atomic::AtomicBool::new(false);
    let index = byline_engine::search_index::WordIndex::build_texts_unless(&jobs[0].0, &never).unwrap();
    app.update(Msg::WordsIndexed { index: Box::new(index), covered: jobs[0].0.len() });
    assert!(app.library.searches_by_index());
    assert_eq!(app.visible, by_reading, "the index answers as reading did");
    let at_once = App::new(crate::sample::load().library, 0);
    assert!(at_once.library.searches_by_index());
    assert!(!crate::sample::load().library.searches_by_index(), "the CLI reads text instead");
}

#[test]
fn files_found_gives_the_total_and_counts_what_could_not_be_read() {
    let mut app = loading_app();
    let gone = byline_engine::Skipped {
        path: "gone.txt".into(),
        reason: byline_engine::SkipReason::Io("permission denied".into()),
    };
    app.update(Msg::FilesFound { files: 14, skipped: vec![gone], walk: Default::default() });
    assert_eq!(app.loading.unwrap().files_found, Some(14));
    assert_eq!(app.skipped, 1);
}

#[test]
fn the_cache_is_written_once_when_loading_ends_and_only_if_something_was_parsed() {
    let dir = tempfile::tempdir().unwrap();
    let mut spec = byline_engine::cache::CacheSpec::new(dir.path(), &[dir.path().to_path_buf()], "test");
    spec.smallest = (0, 0);
    let parsed = |app: &mut App, files: usize| {
        let mut batch = batch(drafts());
        batch.parsed = files;
        app.update(Msg::Loaded { batches: vec![batch], marks: std::sync::Arc::new(State::default()) });
    };
    // Everything came from the cache and nothing was walked: nothing to write.
    let mut app = loading_app();
    app.cache = Some(spec.clone());
    parsed(&mut app, 0);
    finish_loading(&mut app);
    assert!(!app.update(Msg::AfterLoading).iter().any(|e| matches!(e, Effect::WriteCache(_))));
    // Files were parsed: the cache is written, once.
    let mut app = loading_app();
    app.cache = Some(spec);
    parsed(&mut app, 3);
    assert!(
        !finish_loading(&mut app).iter().any(|e| matches!(e, Effect::WriteCache(_))),
        "not before the frame"
    );
    let effects = app.update(Msg::AfterLoading);
    assert_eq!(effects.iter().filter(|e| matches!(e, Effect::WriteCache(_))).count(), 1);
    assert!(!app.update(Msg::Tick(app.now)).iter().any(|e| matches!(e, Effect::WriteCache(_))));
    // Without a cache (`--no-cache`), never.
    let mut app = loading_app();
    parsed(&mut app, 3);
    finish_loading(&mut app);
    assert!(!app.update(Msg::AfterLoading).iter().any(|e| matches!(e, Effect::WriteCache(_))));
}

/// `n` small stories, as many files.
fn many(from: usize, n: usize) -> Vec<Draft> {
    (from..from + n)
        .map(|i| {
            let story = byline_engine::model::Story::new(
                "gen",
                byline_engine::model::Format::Text,
                format!("Story {i}"),
                vec![format!("Body of story {i}.")],
            );
            Draft::from_story(story)
        })
        .collect()
}

#[test]
fn a_load_the_cache_describes_shows_a_screenful_then_the_rest_at_once() {
    for (from_cache, shown_before_the_end) in [(0, 12_000), (12_000, 5_000)] {
        let mut app = loading_app();
        let walk = byline_engine::cache::Walk { stories: from_cache, ..Default::default() };
        app.update(Msg::FilesFound { files: 12_000, skipped: Vec::new(), walk });
        arrive(&mut app, many(0, 5_000), &State::default());
        assert_eq!(app.visible.len(), 5_000, "the first screenful joins at once");
        arrive(&mut app, many(5_000, 7_000), &State::default());
        assert_eq!(app.visible.len(), shown_before_the_end, "walked: in steps; cached: at the end");
        finish_loading(&mut app);
        assert_eq!(app.visible.len(), 12_000);
        assert_eq!(titles(&app)[0], "Story 0");
    }
}

/// One story from the file `path`, with the file's record as a loading
/// thread sends it.
fn file_batch(path: &str, title: &str) -> Batch {
    let story = byline_engine::model::Story::new(
        path,
        byline_engine::model::Format::Text,
        title.to_string(),
        vec!["Body.".to_string()],
    );
    let record = byline_engine::cache::FileRecord {
        path: std::sync::Arc::from(std::path::Path::new(path)),
        stamp: byline_engine::cache::Stamp::default(),
        first: 0,
        count: 1,
        marks: Vec::new(),
        keep: true,
    };
    Batch { files: 1, drafts: vec![Draft::from_story(story)], cacheable: vec![record], ..Batch::default() }
}

/// A reader loading from the cache, on its word: the check has started.
fn loading_on_the_caches_word() -> App {
    let mut app = loading_app();
    app.reread = Some(byline_engine::load::Options::default());
    let check = Some(std::sync::Arc::new(byline_engine::load::ToCheck::default()));
    let walk = byline_engine::cache::Walk { check, ..Default::default() };
    let effects = app.update(Msg::FilesFound { files: 2, skipped: Vec::new(), walk });
    assert!(matches!(effects.as_slice(), [Effect::Recheck(_)]), "checked from the start: {effects:?}");
    app.update(Msg::Loaded {
        batches: vec![file_batch("a.txt", "Old A"), file_batch("b.txt", "B")],
        marks: std::sync::Arc::new(State::default()),
    });
    app
}

/// What the check found: `a.txt` changed, and now holds "New A".
fn a_changed() -> Box<byline_engine::load::Rechecked> {
    let changed = vec![std::sync::Arc::from(std::path::Path::new("a.txt"))];
    Box::new(byline_engine::load::Rechecked { changed, batch: file_batch("a.txt", "New A") })
}

#[test]
fn files_taken_on_the_caches_word_are_checked_before_the_rest_of_the_background_work() {
    let mut app = loading_on_the_caches_word();
    finish_loading(&mut app);
    let effects = app.update(Msg::AfterLoading);
    assert!(effects.is_empty(), "the rest waits for the check: {effects:?}");
    let effects = app.update(Msg::Rechecked(a_changed()));
    assert!(effects.is_empty(), "what the check changed is drawn first: {effects:?}");
    assert_eq!(titles(&app), ["B", "New A"]);
    assert_eq!(app.message.as_deref(), Some("1 file changed since last time: read again"));
    assert!(app.wants_background_work());
    let effects = app.update(Msg::StartBackgroundWork);
    assert!(effects.iter().any(|e| matches!(e, Effect::IndexWords(_))), "then the word index: {effects:?}");
    assert!(!app.wants_background_work());
    assert!(app.update(Msg::StartBackgroundWork).is_empty(), "and only once");
}

#[test]
fn a_check_done_before_loading_is_over_is_taken_in_once_it_is() {
    let mut app = loading_on_the_caches_word();
    app.update(Msg::Rechecked(a_changed()));
    assert_eq!(app.message, None, "not while the library is being finished");
    finish_loading(&mut app);
    assert_eq!(titles(&app), ["B", "Old A"]);
    let effects = app.update(Msg::AfterLoading);
    assert!(effects.is_empty(), "what the check changed is drawn first: {effects:?}");
    assert_eq!(titles(&app), ["B", "New A"]);
    assert_eq!(app.message.as_deref(), Some("1 file changed since last time: read again"));
    let effects = app.update(Msg::StartBackgroundWork);
    assert!(effects.iter().any(|e| matches!(e, Effect::IndexWords(_))), "then the word index: {effects:?}");
    assert!(app.update(Msg::StartBackgroundWork).is_empty(), "and only once");
}
