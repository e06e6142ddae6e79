//! `update()` tests for marks, saved positions, key overrides, the wrap
//! width and links.

use crate::tui::app::*;
use byline_engine::model::{Format, Story};
use byline_engine::state::{Mark, Position, State};

/// The bundled sample corpus in an 80x24 terminal.
fn app() -> App {
    let mut app = App::new(crate::sample::load().library, 0);
    app.update(Msg::Resize(80, 24));
    app
}

#[test]
fn star_toggles_and_asks_for_a_save() {
    let mut app = app();
    assert_eq!(app.update(Action::ToggleStar), vec![Effect::SaveState]);
    let index = app.selected_story().unwrap();
    assert!(app.library.stories()[index].starred);
    assert_eq!(app.message.as_deref(), Some("starred"));
    app.update(Action::ToggleStar);
    assert!(!app.library.stories()[index].starred);
    assert!(app.changed.contains_key(app.library.stories()[index].id()));
}

#[test]
fn toggle_read_marks_read_and_unread() {
    let mut app = app();
    let index = app.selected_story().unwrap();
    assert_eq!(app.update(Action::ToggleRead), vec![Effect::SaveState]);
    assert!(app.library.stories()[index].read);
    app.update(Action::ToggleRead);
    assert!(!app.library.stories()[index].read);
    assert_eq!(app.message.as_deref(), Some("marked unread"));
}

#[test]
fn opening_an_unread_story_asks_for_a_save_once() {
    let mut app = app();
    assert_eq!(app.update(Action::Open), vec![Effect::SaveState]);
    app.update(Action::Back);
    assert_eq!(app.update(Action::Open), vec![], "already read: nothing to save");
}

#[test]
fn unread_only_and_starred_only_filter_and_escape_clears_them() {
    let mut app = app();
    app.update(Action::Open);
    app.update(Action::Back);
    app.update(Action::UnreadOnly);
    assert_eq!(app.visible.len(), 13);
    app.update(Action::UnreadOnly);
    assert_eq!(app.visible.len(), 14);
    app.update(Action::Down);
    app.update(Action::ToggleStar);
    app.update(Action::StarredOnly);
    assert_eq!(app.visible.len(), 1);
    app.update(Action::UnreadOnly);
    assert!(app.filter.unread_only && app.filter.starred_only);
    app.update(Action::ClearFilters);
    assert!(!app.filter.unread_only && !app.filter.starred_only);
    assert_eq!(app.visible.len(), 14);
}

#[test]
fn unsaved_state_holds_changed_marks_and_the_position() {
    let mut app = app();
    app.library_key = "sample".into();
    app.update(Action::Down);
    app.update(Action::ToggleStar);
    let state = app.unsaved(42);
    let id = app.library.stories()[app.selected_story().unwrap()].id().to_string();
    assert_eq!(state.stories.len(), 1);
    assert_eq!(state.stories[&id], Mark { read: false, starred: true, changed: 42 });
    assert_eq!(state.positions["sample"].story, id);
    app.update(Msg::Saved(Ok(state)));
    assert!(app.changed.is_empty());
}

#[test]
fn marks_saved_by_another_process_are_taken_in() {
    let mut app = app();
    let other = app.library.stories()[5].id().to_string();
    let mut merged = State::default();
    merged.stories.insert(other.clone(), Mark { read: true, starred: true, changed: 1 });
    app.update(Msg::Saved(Ok(merged)));
    let story = app.library.stories().iter().find(|s| s.id() == other).unwrap();
    assert!(story.read && story.starred);
}

#[test]
fn a_saved_position_is_restored() {
    let mut app = app();
    app.update(Msg::Resize(80, 12));
    let id = app.library.stories()[app.visible[7]].id().to_string();
    app.restore(&Position { story: id.clone(), scroll: 3 });
    assert_eq!(app.selected, 7);
    assert_eq!(app.reader.scroll, 3);
    app.restore(&Position { story: "gone".into(), scroll: 3 });
    assert_eq!(app.selected, 7, "an unknown story changes nothing");
}

#[test]
fn key_overrides_change_what_keys_do() {
    use crate::tui::keymap::{Key, Keymap};
    let mut app = app();
    app.keymap = Keymap::default().with_overrides(&[(Action::NextQuote, vec![Key::parse("x").unwrap()])]);
    assert_eq!(app.keymap.action(Context::List, Key::parse("x").unwrap()), Some(Action::NextQuote));
    assert_eq!(app.keymap.action(Context::List, Key::parse("]").unwrap()), None);
}

#[test]
fn wrap_width_caps_the_reader_lines() {
    let mut app = app();
    app.update(Msg::Resize(200, 40));
    app.wrap_width = Some(50);
    app.update(Action::Open);
    app.update(Msg::Resize(201, 40));
    assert_eq!(app.layout.width, 50);
    assert!(app.layout.lines.iter().all(|l| unicode_width::UnicodeWidthStr::width(l.text.as_str()) <= 50));
}

fn linked_app() -> App {
    let mut story = Story::new("x", Format::Json, "Linked".into(), vec!["Text.".into()]);
    story.url = Some("https://news.example/page".into());
    story.links = vec!["https://news.example/other".into(), "https://news.example/page".into()];
    let mut app = App::new(byline_engine::library::Library::from_stories(vec![story]), 0);
    app.update(Action::Open);
    app
}

#[test]
fn o_opens_the_story_page() {
    let mut app = linked_app();
    assert_eq!(app.update(Action::OpenUrl), vec![Effect::OpenLink("https://news.example/page".into())]);
    let mut bare = App::new(
        byline_engine::library::Library::from_stories(vec![Story::new(
            "x",
            Format::Text,
            "T".into(),
            vec![],
        )]),
        0,
    );
    assert_eq!(bare.update(Action::OpenUrl), vec![]);
    assert!(bare.message.as_deref().unwrap().contains("no web page"));
}

#[test]
fn l_lists_the_links_and_enter_opens_the_highlighted_one() {
    let mut app = linked_app();
    app.update(Action::ShowLinks);
    assert_eq!(app.context(), Context::Links);
    let Overlay::Links { links, .. } = &app.overlay else { panic!("links shown") };
    assert_eq!(links, &["https://news.example/page", "https://news.example/other"], "page first, no repeats");
    app.update(Action::Down);
    assert_eq!(app.update(Action::Submit), vec![Effect::OpenLink("https://news.example/other".into())]);
    assert_eq!(app.overlay, Overlay::None);
    app.update(Action::ShowLinks);
    assert_eq!(app.update(Action::Cancel), vec![]);
    assert_eq!(app.overlay, Overlay::None);
}

#[test]
fn a_story_fetched_from_the_web_cannot_open_local_files() {
    let story_from = |source: &str| {
        let mut story = Story::new(source, Format::Rss, "Linked".into(), vec!["Text.".into()]);
        story.url = Some("file:///etc/passwd".into());
        story.links = vec!["FILE:///home/me/.ssh/id_rsa".into(), "https://news.example/ok".into()];
        let mut app = App::new(byline_engine::library::Library::from_stories(vec![story]), 0);
        app.update(Action::Open);
        app
    };
    let mut fetched = story_from("https://wire.example/rss");
    assert_eq!(fetched.update(Action::OpenUrl), vec![]);
    assert_eq!(fetched.message.as_deref(), Some("a story fetched from the web cannot open local files"));
    fetched.update(Action::ShowLinks);
    fetched.update(Action::Down);
    assert_eq!(fetched.update(Action::Submit), vec![], "not from the list of links either");
    fetched.update(Action::ShowLinks);
    fetched.update(Action::Down);
    fetched.update(Action::Down);
    assert_eq!(fetched.update(Action::Submit), vec![Effect::OpenLink("https://news.example/ok".into())]);

    // A story read from a local file may link to another local file.
    let mut local = story_from("saved/page.html");
    assert_eq!(local.update(Action::OpenUrl), vec![Effect::OpenLink("file:///etc/passwd".into())]);
}

#[test]
fn a_failed_save_is_said_and_the_marks_stay_unsaved() {
    let mut app = app();
    app.update(Action::ToggleStar);
    let reason = "could not save state to /ro/state.json: permission denied".to_string();
    app.update(Msg::Saved(Err(reason.clone())));
    assert_eq!(app.message, Some(reason));
    assert_eq!(app.changed.len(), 1, "kept for the next save");
}

#[test]
fn an_opened_link_is_reported_and_a_failure_is_explained() {
    let mut app = app();
    let url = "https://news.example/page".to_string();
    app.update(Msg::LinkOpened { url: url.clone(), result: Ok(()) });
    assert_eq!(app.message.as_deref(), Some("opened https://news.example/page"));
    app.update(Msg::LinkOpened { url, result: Err("no browser found".into()) });
    assert_eq!(app.message.as_deref(), Some("no browser found"));
}

#[test]
fn a_reply_from_a_worker_does_not_count_as_the_user_moving() {
    let mut app = app();
    app.update(Action::ToggleStar);
    assert_eq!(app.message.as_deref(), Some("starred"));
    app.update(Msg::FetchStarted { total: 2 });
    assert_eq!(app.message.as_deref(), Some("starred"), "a worker's reply leaves the message");
}

#[test]
fn s_cycles_the_sort_order_and_esc_keeps_it() {
    use byline_engine::library::SortOrder;
    let mut app = app();
    let title_order = {
        let mut titles: Vec<String> =
            app.library.stories().iter().map(|s| s.title().to_lowercase()).collect();
        titles.sort();
        titles
    };
    app.update(Action::CycleSort);
    assert_eq!(app.filter.sort, SortOrder::Oldest);
    assert_eq!(app.message.as_deref(), Some("sorted by oldest"));
    app.update(Action::CycleSort);
    app.update(Action::CycleSort);
    assert_eq!(app.filter.sort, SortOrder::Title);
    let shown: Vec<String> =
        app.visible.iter().map(|&i| app.library.stories()[i].title().to_lowercase()).collect();
    assert_eq!(shown, title_order, "the list follows the order");
    assert!(!app.filter.is_active(), "a sort order is not a filter");
    app.update(Action::UnreadOnly);
    app.update(Action::ClearFilters);
    assert_eq!(app.filter.sort, SortOrder::Title, "clearing filters keeps the order");
    app.update(Action::CycleSort);
    assert_eq!(app.filter.sort, SortOrder::Newest, "and S wraps around");
    assert_eq!(app.visible, app.library.order(), "back to the reading order");
}

#[test]
fn n_opens_the_next_unread_story_and_wraps_to_the_top() {
    let mut app = app();
    let last = app.visible.len() - 1;
    // Everything read but the first story and the third.
    for position in 0..app.visible.len() {
        if position != 0 && position != 2 {
            let index = app.visible[position];
            app.set_marks_of(index, Some(true), None);
        }
    }
    app.update(Action::NextUnread);
    assert_eq!((app.selected, app.focus), (2, Focus::Reader), "the third story, opened");
    assert!(app.library.stories()[app.visible[2]].read, "and now read");
    app.update(Action::Back);
    app.selected = last;
    app.update(Action::NextUnread);
    assert_eq!(app.selected, 0, "wrapped to the top");
    assert_eq!(app.message.as_deref(), Some("next unread, from the top"));
    app.update(Action::NextUnread);
    assert_eq!(app.message.as_deref(), Some("no unread story here"));
}

#[test]
fn n_in_the_reader_is_the_next_match_while_a_search_is_on() {
    let mut app = app();
    app.update(Action::Open);
    let opened = app.selected;
    app.update(Action::NextMatch);
    assert_ne!(app.selected, opened, "no search: n goes to the next unread story");
    app.update(Action::OpenSearch);
    for c in "haiti".chars() {
        app.update(Msg::Insert(c));
    }
    app.update(Action::Submit);
    app.update(Action::Open);
    let reading = app.selected;
    app.update(Action::NextMatch);
    assert_eq!(app.selected, reading, "with a search, n moves within the story");
}

#[test]
fn a_marks_every_story_shown_read_and_u_undoes_it_once() {
    let mut app = app();
    app.update(Action::OpenTagPicker);
    for c in "Haiti".chars() {
        app.update(Msg::Insert(c));
    }
    app.update(Action::Submit);
    let shown = app.visible.clone();
    let effects = app.update(Action::MarkAllRead);
    assert_eq!(effects, vec![Effect::SaveState], "the marks are saved");
    assert_eq!(app.message, Some(format!("marked {} stories read; U undoes it", shown.len())));
    assert!(shown.iter().all(|&i| app.library.stories()[i].read));
    let others = app.library.stories().iter().filter(|s| s.read).count();
    assert_eq!(others, shown.len(), "stories not shown are left alone");
    app.update(Action::UndoMarkAll);
    assert!(shown.iter().all(|&i| !app.library.stories()[i].read), "unread again");
    app.update(Action::UndoMarkAll);
    assert_eq!(app.message.as_deref(), Some("nothing to undo"), "once only");
}

#[test]
fn f_picks_sources_and_combines_with_unread_only() {
    let story = |title: &str, site: &str| {
        let mut story = Story::new("f.txt", Format::Rss, title.into(), vec![format!("{title}.")]);
        story.site = Some(site.into());
        byline_engine::parse::Draft::from_story(story)
    };
    let library = byline_engine::Library::from_drafts(vec![
        story("Ferry", "Lakeside Courier"),
        story("Tuna", "Coast Wire"),
        story("Market", "Lakeside Courier"),
    ]);
    let mut app = App::new(library, 0);
    app.update(Msg::Resize(100, 30));
    app.update(Action::OpenSourcePicker);
    let Overlay::Picker(picker) = &app.overlay else { panic!("the source picker is open") };
    let rows: Vec<(String, usize, Option<usize>)> =
        picker.items.iter().map(|i| (i.filter.label().to_string(), i.stories, i.unread)).collect();
    assert_eq!(rows, [("Lakeside Courier".into(), 2, Some(2)), ("Coast Wire".into(), 1, Some(1))]);
    for c in "lake".chars() {
        app.update(Msg::Insert(c));
    }
    app.update(Action::Submit);
    assert_eq!(app.filter.sources, ["Lakeside Courier"]);
    let shown: Vec<&str> = app.visible.iter().map(|&i| app.library.stories()[i].title()).collect();
    assert_eq!(shown.len(), 2, "{shown:?}");
    app.update(Action::Open);
    app.update(Action::Back);
    app.update(Action::UnreadOnly);
    assert_eq!(app.visible.len(), 1, "source and unread-only together");
    app.update(Action::ClearFilters);
    assert!(app.filter.sources.is_empty(), "Esc clears the source too");
    assert_eq!(app.visible.len(), 3);
}
