//! `update()` tests: feed actions, check what a user would see change.

use super::*;
use byline_engine::filter::TagFilter;
use byline_engine::model::{Format, Story};

/// Every file is read: the loop sends `FinishLoading` until loading ends.
/// The effects of the last message are returned.
fn finish_loading(app: &mut App) -> Vec<Effect> {
    loop {
        let effects = app.update(Msg::FinishLoading);
        if app.loading.is_none() {
            return effects;
        }
    }
}

mod clusters;
mod fetching;
mod full_text;
mod loading;
mod marks;
mod people;

/// The bundled sample corpus in an 80x24 terminal.
fn app() -> App {
    let mut app = App::new(crate::sample::load().library, 0);
    app.update(Msg::Resize(80, 24));
    app
}

fn title(app: &App) -> &str {
    app.library.stories()[app.selected_story().unwrap()].title()
}

fn index_of(app: &App, prefix: &str) -> usize {
    app.visible.iter().position(|&i| app.library.stories()[i].title().starts_with(prefix)).unwrap()
}

fn typed(app: &mut App, text: &str) {
    for c in text.chars() {
        app.update(Msg::Insert(c));
    }
}

fn quote_status(app: &App) -> Option<(usize, String)> {
    let story = &app.library.stories()[app.reader.story?];
    let q = app.reader.quote?;
    Some((q + 1, story.quotes()[q].speaker.clone().unwrap_or_default()))
}

#[test]
fn down_and_up_move_the_selection_within_bounds() {
    let mut app = app();
    app.update(Action::Up);
    assert_eq!(app.selected, 0);
    app.update(Action::Down);
    app.update(Action::Down);
    assert_eq!(app.selected, 2);
    app.update(Action::Up);
    assert_eq!(app.selected, 1);
    assert_eq!(app.reader.story, app.selected_story(), "the reader previews the selection");
}

#[test]
fn top_and_bottom() {
    let mut app = app();
    app.update(Action::Bottom);
    assert_eq!(app.selected, app.visible.len() - 1);
    app.update(Action::Down);
    assert_eq!(app.selected, app.visible.len() - 1);
    app.update(Action::Top);
    assert_eq!(app.selected, 0);
}

#[test]
fn paging_moves_by_the_visible_rows_and_keeps_the_selection_in_view() {
    let mut app = app();
    app.update(Msg::Resize(80, 8)); // 5 list rows
    app.update(Action::PageDown);
    assert_eq!(app.selected, 5);
    assert!(app.list_offset <= 5 && 5 < app.list_offset + 5);
    app.update(Action::PageUp);
    assert_eq!(app.selected, 0);
    assert_eq!(app.list_offset, 0);
}

#[test]
fn open_marks_the_story_read_and_focuses_the_reader() {
    let mut app = app();
    let index = app.selected_story().unwrap();
    assert!(!app.library.stories()[index].read);
    app.update(Action::Open);
    assert_eq!(app.focus, Focus::Reader);
    assert!(app.library.stories()[index].read);
    app.update(Action::Back);
    assert_eq!(app.focus, Focus::Stories);
}

#[test]
fn switch_focus_goes_back_and_forth() {
    let mut app = app();
    app.update(Action::SwitchFocus);
    assert_eq!(app.focus, Focus::Reader);
    app.update(Action::SwitchFocus);
    assert_eq!(app.focus, Focus::Stories);
}

#[test]
fn reader_scrolls_by_line_and_page_within_the_story() {
    let mut app = app();
    app.update(Msg::Resize(80, 12));
    app.update(Action::Open);
    app.update(Action::Down);
    assert_eq!(app.reader.scroll, 1);
    app.update(Action::Up);
    app.update(Action::Up);
    assert_eq!(app.reader.scroll, 0);
    app.update(Action::PageDown);
    let page = app.panes().reader_rows() - 1;
    assert_eq!(app.reader.scroll, page);
    app.update(Action::Bottom);
    let max = app.layout.lines.len() - app.panes().reader_rows();
    assert_eq!(app.reader.scroll, max);
    app.update(Action::Down);
    assert_eq!(app.reader.scroll, max, "no scrolling past the end");
    app.update(Action::PageUp);
    assert_eq!(app.reader.scroll, max - page);
    app.update(Action::Top);
    assert_eq!(app.reader.scroll, 0);
}

#[test]
fn next_quote_from_the_list_opens_at_the_first_quote() {
    let mut app = app();
    app.selected = index_of(&app, "Caribbean leaders");
    app.update(Action::NextQuote);
    assert_eq!(app.focus, Focus::Reader);
    assert_eq!(quote_status(&app), Some((1, "Andrew Holness-Clarke".into())));
}

#[test]
fn prev_quote_from_the_list_opens_at_the_last_quote() {
    let mut app = app();
    app.selected = index_of(&app, "Caribbean leaders");
    app.update(Action::PrevQuote);
    assert_eq!(quote_status(&app), Some((4, "William Ruto".into())));
}

#[test]
fn walking_quotes_forward_and_back_stops_at_the_ends() {
    let mut app = app();
    app.update(Msg::Resize(80, 10));
    app.selected = index_of(&app, "Schools in the Haitian");
    app.update(Action::Open);
    app.update(Action::NextQuote);
    assert_eq!(quote_status(&app), Some((1, "Augustin Pierre-Louis".into())));
    app.update(Action::NextQuote);
    assert_eq!(quote_status(&app), Some((2, "Nadège Fleurant".into())));
    app.update(Action::NextQuote);
    assert_eq!(quote_status(&app), Some((2, "Nadège Fleurant".into())));
    assert_eq!(app.message.as_deref(), Some("this is the last quote"));
    app.update(Action::PrevQuote);
    app.update(Action::PrevQuote);
    assert_eq!(quote_status(&app), Some((1, "Augustin Pierre-Louis".into())));
    assert_eq!(app.message.as_deref(), Some("this is the first quote"));
}

#[test]
fn a_quote_is_scrolled_into_view() {
    let mut app = app();
    app.update(Msg::Resize(60, 10));
    app.selected = index_of(&app, "Camel milk");
    app.update(Action::PrevQuote);
    let story = &app.library.stories()[app.reader.story.unwrap()];
    let quote = &story.quotes()[app.reader.quote.unwrap()];
    let line = app.layout.line_of(quote.paragraph, quote.start).unwrap();
    let rows = app.panes().reader_rows();
    assert!(app.reader.scroll <= line && line < app.reader.scroll + rows, "line {line} in view");
    assert!(app.reader.scroll > 0);
}

#[test]
fn a_story_without_quotes_says_so() {
    let story = Story::new("x", Format::Text, "Quiet".into(), vec!["Nothing said.".into()]);
    let mut app = App::new(byline_engine::library::Library::from_stories(vec![story]), 0);
    app.update(Action::NextQuote);
    assert_eq!(app.message.as_deref(), Some("no quotes in this story"));
    assert_eq!(app.reader.quote, None);
}

#[test]
fn tag_picker_typed_name_filters_by_name() {
    let mut app = app();
    app.update(Action::OpenTagPicker);
    assert_eq!(app.context(), Context::Picker);
    typed(&mut app, "Ruto");
    app.update(Action::Submit);
    assert_eq!(app.filter.tags, [TagFilter::Name("Ruto".into())]);
    assert_eq!(app.visible.len(), 3, "Ruto, President Ruto and William Ruto");
    assert_eq!(app.context(), Context::List);
}

#[test]
fn tag_picker_arrows_pick_an_exact_tag() {
    let mut app = app();
    app.update(Action::OpenTagPicker);
    typed(&mut app, "ruto");
    app.update(Action::Down); // past the name filter, to the first tag
    let Overlay::Picker(picker) = &app.overlay else { panic!("picker open") };
    let picked = picker.items[picker.selected].filter.clone();
    assert!(matches!(picked, TagFilter::Exact(_)));
    app.update(Action::Submit);
    assert_eq!(app.filter.tags, [picked]);
    assert_eq!(app.visible.len(), 1);
}

#[test]
fn tag_picker_space_adds_and_stays_and_several_tags_mean_all() {
    let mut app = app();
    app.update(Action::OpenTagPicker);
    typed(&mut app, "Haiti");
    app.update(Action::PickerToggle);
    assert_eq!(app.context(), Context::Picker, "Space stays in the picker");
    for _ in 0..5 {
        app.update(Action::DeleteBack);
    }
    typed(&mut app, "Ruto");
    app.update(Action::Submit);
    assert_eq!(app.filter.tags.len(), 2);
    assert_eq!(title(&app), "Caribbean leaders and Ruto agree plan to widen Haiti mission");
    assert_eq!(app.visible.len(), 1);
}

#[test]
fn tag_picker_escape_changes_nothing() {
    let mut app = app();
    app.update(Action::OpenTagPicker);
    typed(&mut app, "Haiti");
    app.update(Action::Cancel);
    assert!(!app.filter.is_active());
    assert_eq!(app.visible.len(), 14);
    assert_eq!(app.overlay, Overlay::None);
}

#[test]
fn search_narrows_as_you_type_and_enter_keeps_it() {
    let mut app = app();
    app.update(Action::OpenSearch);
    typed(&mut app, "hya");
    assert_eq!(app.visible.len(), 1);
    app.update(Action::DeleteBack);
    app.update(Action::DeleteBack);
    assert!(app.visible.len() > 1, "deleting widens the search again");
    typed(&mut app, "yacinth");
    app.update(Action::Submit);
    assert_eq!(app.filter.search, "hyacinth");
    assert_eq!(title(&app), "Water hyacinth returns to choke Lake Victoria landing sites");
    assert_eq!(app.context(), Context::List);
}

#[test]
fn search_escape_restores_the_previous_search() {
    let mut app = app();
    app.update(Action::OpenSearch);
    typed(&mut app, "cholera");
    app.update(Action::Cancel);
    assert_eq!(app.filter.search, "");
    assert_eq!(app.visible.len(), 14);
}

#[test]
fn search_matches_speakers() {
    let mut app = app();
    app.update(Action::OpenSearch);
    typed(&mut app, "Holness");
    assert_eq!(app.visible.len(), 1);
}

#[test]
fn next_and_previous_match_walk_the_search_hits() {
    let mut app = app();
    app.update(Action::OpenSearch);
    typed(&mut app, "weed");
    app.update(Action::Submit);
    app.update(Action::Open);
    app.update(Action::NextMatch);
    assert_eq!(app.reader.found, Some(0));
    assert_eq!(app.message.as_deref(), Some("match 1/3"));
    app.update(Action::NextMatch);
    app.update(Action::NextMatch);
    assert_eq!(app.reader.found, Some(2));
    app.update(Action::NextMatch);
    assert_eq!(app.reader.found, Some(0), "wraps around");
    app.update(Action::PrevMatch);
    assert_eq!(app.reader.found, Some(2));
}

#[test]
fn previous_match_without_a_search_says_how_to_search() {
    // (`n` without a search opens the next unread story: issue #15.)
    let mut app = app();
    app.update(Action::Open);
    app.update(Action::PrevMatch);
    assert_eq!(app.message.as_deref(), Some("no search: press / to search"));
}

#[test]
fn escape_in_the_list_clears_every_filter() {
    let mut app = app();
    app.filter.tags = vec![TagFilter::Name("Haiti".into())];
    app.filter.search = "police".into();
    app.apply_filter();
    assert!(app.visible.len() < 14);
    app.update(Action::ClearFilters);
    assert!(!app.filter.is_active());
    assert_eq!(app.visible.len(), 14);
    assert_eq!(app.message.as_deref(), Some("filters cleared"));
}

#[test]
fn filtering_keeps_the_selected_story_when_it_still_matches() {
    let mut app = app();
    app.selected = index_of(&app, "UN members");
    let before = app.selected_story();
    app.filter.tags = vec![TagFilter::Name("Haiti".into())];
    app.apply_filter();
    assert_eq!(app.selected_story(), before);
}

#[test]
fn help_opens_scrolls_and_closes() {
    let mut app = app();
    app.update(Action::ToggleHelp);
    assert_eq!(app.context(), Context::Help);
    app.update(Action::Down);
    assert_eq!(app.overlay, Overlay::Help { scroll: 1 });
    app.update(Action::Up);
    app.update(Action::Up);
    assert_eq!(app.overlay, Overlay::Help { scroll: 0 });
    app.update(Action::ToggleHelp);
    assert_eq!(app.overlay, Overlay::None);
}

#[test]
fn quit_asks_the_loop_to_stop() {
    assert_eq!(app().update(Action::Quit), vec![Effect::Quit]);
    assert_eq!(app().update(Action::Down), vec![]);
}

#[test]
fn narrow_terminals_show_one_pane_at_a_time() {
    let mut app = app();
    app.update(Msg::Resize(60, 20));
    assert!(app.panes().reader.is_none());
    app.update(Action::Open);
    assert!(app.panes().list.is_none());
    assert!(app.layout.width <= 56, "the story is wrapped to the narrow pane");
}

#[test]
fn resizing_rewraps_the_story() {
    let mut app = app();
    app.update(Action::Open);
    let wide = app.layout.lines.len();
    app.update(Msg::Resize(40, 24));
    assert!(app.layout.lines.len() > wide);
}

#[test]
fn mouse_wheel_scrolls_the_pane_under_the_pointer() {
    let mut app = app();
    app.update(Msg::Resize(100, 12));
    let list = app.panes().list.unwrap();
    app.update(Msg::Scroll { column: list.x + 2, row: list.y + 2, down: true });
    assert_eq!(app.selected, 3);
    let reader = app.panes().reader.unwrap();
    app.update(Msg::Scroll { column: reader.x + 2, row: reader.y + 2, down: true });
    assert_eq!(app.reader.scroll, 3);
    assert_eq!(app.selected, 3, "the list did not move");
}

#[test]
fn a_click_selects_the_story_under_the_pointer() {
    let mut app = app();
    let inner = app.panes().list_inner().unwrap();
    app.update(Msg::Click { column: inner.x + 3, row: inner.y + 4 });
    assert_eq!(app.selected, 4);
    let reader = app.panes().reader.unwrap();
    app.update(Msg::Click { column: reader.x + 3, row: reader.y + 3 });
    assert_eq!(app.focus, Focus::Reader);
}

#[test]
fn an_empty_library_is_calm() {
    let mut app = App::new(byline_engine::library::Library::default(), 2);
    for action in [Action::Down, Action::Open, Action::NextQuote, Action::Bottom, Action::PageDown] {
        app.update(action);
    }
    assert_eq!(app.focus, Focus::Stories);
    assert_eq!(app.reader.story, None);
}

#[test]
fn ctrl_z_asks_the_loop_to_suspend_from_anywhere() {
    let mut app = app();
    assert_eq!(app.update(Action::Suspend), vec![Effect::Suspend]);
    app.update(Action::OpenSearch);
    assert_eq!(app.update(Action::Suspend), vec![Effect::Suspend]);
    let ctrl_z = super::super::keymap::Key::parse("Ctrl-z").unwrap();
    assert_eq!(app.keymap.action(super::super::keymap::Context::Search, ctrl_z), Some(Action::Suspend));
}
