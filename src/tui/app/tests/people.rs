//! The people pane, following a person through a story, and copying a
//! quote with its citation.

use super::*;
use crate::tui::keymap::Context;
use byline_engine::model::NameKind;
use byline_engine::people::StoryText;
use std::sync::Mutex;

/// Carry out the people threads' work at once; how many parts.
fn find_people(app: &mut App, effects: Vec<Effect>) -> usize {
    app.work_here(effects)
}

/// The sample corpus with the people pane open and filled.
fn pane() -> App {
    let mut app = app();
    let effects = app.update(Action::OpenPeople);
    assert_eq!(find_people(&mut app, effects), 1, "opening the pane starts finding everyone's quotes");
    app
}

fn people(app: &App) -> &crate::tui::people::PeoplePane {
    match &app.overlay {
        Overlay::People(pane) => pane,
        other => panic!("the people pane is not open: {other:?}"),
    }
}

fn names(app: &App) -> Vec<String> {
    let pane = people(app);
    pane.matching.iter().map(|&r| pane.rows[r].name.to_string()).collect()
}

#[test]
fn p_opens_the_pane_and_it_fills_in_the_background() {
    let mut app = app();
    let effects = app.update(Action::OpenPeople);
    assert_eq!(app.context(), Context::People);
    assert!(people(&app).rows.is_empty(), "nothing is found before the thread reports");
    assert!(app.people.running());
    assert!(find_people(&mut app, effects) > 0);
    assert!(!app.people.running());
    let pane = people(&app);
    let top = &pane.rows[0];
    assert_eq!((&*top.name, top.quotes, top.stories), ("William Ruto", 5, 3), "most quoted first");
    assert!(pane.rows.windows(2).all(|w| w[0].quotes >= w[1].quotes));
    // Opening it again asks for nothing more: everyone is found.
    app.update(Action::Cancel);
    assert_eq!(app.overlay, Overlay::None);
    assert!(!app.update(Action::OpenPeople).iter().any(|e| matches!(e, Effect::FindPeople(_))));
}

#[test]
fn the_library_is_handed_to_threads_a_part_at_a_time_two_ahead() {
    let mut app = app();
    app.people.part = 4;
    let effects = app.update(Action::OpenPeople);
    let parts = |effects: &[Effect]| effects.iter().filter(|e| matches!(e, Effect::FindPeople(_))).count();
    assert_eq!(parts(&effects), 2, "two parts in flight at once");
    let sizes: Vec<usize> = effects
        .iter()
        .filter_map(|e| if let Effect::FindPeople(j) = e { Some(j.0.len()) } else { None })
        .collect();
    assert_eq!(sizes, [4, 4]);
    // A part done: the next is handed out; all done: the pane is whole.
    assert_eq!(find_people(&mut app, effects), app.library.len().div_ceil(4));
    assert!(!app.people.running());
    assert_eq!(app.library.people().covered(), app.library.len());
    assert_eq!(&*people(&app).rows[0].name, "William Ruto");
}

#[test]
fn a_thread_that_cannot_start_stops_the_finding_and_says_so() {
    let mut app = app();
    app.people.part = 4;
    app.update(Action::OpenPeople);
    let effects = app.update(Msg::PeopleDone { started: false });
    assert!(effects.is_empty(), "no thread started again: {effects:?}");
    assert!(app.message.as_deref().unwrap().starts_with("could not start finding quotes"));
    app.update(Msg::PeopleDone { started: true });
    assert!(!app.people.running());
}

#[test]
fn typing_narrows_by_whole_words_and_backspace_widens() {
    let mut app = pane();
    let everyone = names(&app).len();
    typed(&mut app, "ruto");
    assert_eq!(names(&app), ["William Ruto"]);
    typed(&mut app, "x");
    assert!(names(&app).is_empty());
    for _ in 0..4 {
        app.update(Action::DeleteBack);
    }
    assert!(names(&app).len() > 1 && names(&app).len() < everyone, "`r` starts more names");
    assert!(names(&app).iter().all(|n| n.split([' ', '-']).any(|w| w.starts_with('R'))), "{:?}", names(&app));
    app.update(Action::DeleteBack);
    assert_eq!(names(&app).len(), everyone);
}

#[test]
fn the_pane_counts_only_the_stories_shown() {
    let mut app = app();
    app.filter.tags = vec![TagFilter::Name("Haiti".into())];
    app.apply_filter();
    let effects = app.update(Action::OpenPeople);
    find_people(&mut app, effects);
    let ruto = people(&app).rows.iter().find(|r| &*r.name == "William Ruto").cloned().unwrap();
    assert_eq!((ruto.quotes, ruto.stories), (2, 1), "only his Haiti story");
}

#[test]
fn enter_lists_a_persons_quotes_and_esc_goes_back_a_level() {
    let mut app = pane();
    typed(&mut app, "ruto");
    app.update(Action::Submit);
    assert_eq!(app.context(), Context::PersonQuotes);
    let level = people(&app).quotes.clone().unwrap();
    assert_eq!(&*level.person.name, "William Ruto");
    assert_eq!(level.quotes.len(), 5);
    for &(story, quote) in &level.quotes {
        assert_eq!(app.library.stories()[story].quotes()[quote].speaker.as_deref(), Some("William Ruto"));
    }
    app.update(Action::Down);
    assert_eq!(people(&app).quotes.as_ref().unwrap().selected, 1);
    app.update(Msg::Scroll { column: 10, row: 10, down: true });
    assert_eq!(people(&app).quotes.as_ref().unwrap().selected, 4, "the wheel moves through the quotes");
    app.update(Action::PageUp);
    assert_eq!(people(&app).quotes.as_ref().unwrap().selected, 0);
    app.update(Action::Back);
    assert_eq!(app.context(), Context::People);
    assert_eq!(names(&app), ["William Ruto"], "the typed name is kept");
    app.update(Action::Cancel);
    assert_eq!(app.overlay, Overlay::None);
}

#[test]
fn enter_on_a_quote_opens_the_story_there_and_brackets_follow_the_speaker() {
    let mut app = pane();
    typed(&mut app, "ruto");
    app.update(Action::Submit);
    let level = people(&app).quotes.clone().unwrap();
    let (story, first) = level.quotes[0];
    app.update(Action::Submit);
    assert_eq!(app.overlay, Overlay::None);
    assert_eq!(app.focus, Focus::Reader);
    assert_eq!((app.reader.story, app.reader.quote), (Some(story), Some(first)));
    assert!(app.library.stories()[story].read, "opening a story marks it read");
    let follow = app.reader.follow.clone().unwrap();
    let quotes = app.library.stories()[story].quotes();
    assert!(follow.quotes.iter().all(|&q| quotes[q].speaker.as_deref() == Some("William Ruto")));
    // `]` goes to his next quote in the story, skipping anyone else's.
    for &expected in &follow.quotes[1..] {
        app.update(Action::NextQuote);
        assert_eq!(app.reader.quote, Some(expected));
    }
    app.update(Action::NextQuote);
    assert_eq!(app.message.as_deref(), Some("this is the last quote"));
    app.update(Action::PrevQuote);
    assert_eq!(app.reader.quote, follow.quotes.iter().rev().nth(1).copied());
    // Esc: back to his quotes, where the reader was opened from.
    app.update(Action::Back);
    assert_eq!(app.context(), Context::PersonQuotes);
    assert_eq!(&*people(&app).quotes.as_ref().unwrap().person.name, "William Ruto");
}

#[test]
fn a_key_shows_only_the_stories_where_the_person_speaks() {
    let mut app = pane();
    typed(&mut app, "ruto");
    app.update(Action::FilterByPerson);
    assert_eq!(app.overlay, Overlay::None);
    assert_eq!(app.filter.tags, [TagFilter::Speaker("William Ruto".into(), NameKind::Person)]);
    assert_eq!(app.visible.len(), 3);
    for &i in &app.visible {
        assert!(
            app.library.stories()[i].quotes().iter().any(|q| q.speaker.as_deref() == Some("William Ruto"))
        );
    }
    // With a tag: both must hold.
    app.filter.tags.push(TagFilter::Name("Haiti".into()));
    app.apply_filter();
    assert_eq!(app.visible.len(), 1);
    // From a person's quotes too.
    let mut app = pane();
    typed(&mut app, "ruto");
    app.update(Action::Submit);
    app.update(Action::FilterByPerson);
    assert_eq!(app.visible.len(), 3);
}

#[test]
fn y_copies_the_quote_with_its_citation() {
    let mut app = pane();
    typed(&mut app, "ruto");
    app.update(Action::Submit);
    let (story, quote) = people(&app).quotes.as_ref().unwrap().quotes[0];
    let effects = app.update(Action::CopyQuote);
    let text = app.library.stories()[story].quotes()[quote].text.clone();
    let source = app.library.stories()[story].source_name().to_string();
    assert_eq!(effects, [Effect::Copy(format!("“{text}” — William Ruto, {source}"))]);
    assert_eq!(app.message.as_deref(), Some("copied the quote with its citation"));
    // In the reader, the highlighted quote.
    app.update(Action::Submit);
    assert!(matches!(&app.update(Action::CopyQuote)[..], [Effect::Copy(copied)] if copied.contains(&text)));
    app.update(Action::Back);
    app.update(Action::Cancel);
    app.update(Action::Back);
    app.update(Action::Top);
    app.update(Action::Open);
    assert_eq!(app.update(Action::CopyQuote), []);
    assert!(app.message.as_deref().unwrap().starts_with("no quote highlighted"));
}

#[test]
fn the_tag_picker_offers_people_and_organisations_after_the_tags() {
    let mut app = app();
    let effects = app.update(Action::OpenTagPicker);
    assert!(find_people(&mut app, effects) > 0, "the picker asks for everyone's names too");
    let Overlay::Picker(picker) = &app.overlay else { panic!("no picker") };
    let first_named = picker.items.iter().position(|i| matches!(i.filter, TagFilter::Named(..))).unwrap();
    assert!(picker.items[..first_named].iter().all(|i| matches!(i.filter, TagFilter::Exact(_))));
    assert!(picker.items[first_named..].iter().all(|i| matches!(i.filter, TagFilter::Named(..))));
    let named =
        |name: &str, kind| picker.items.iter().find(|i| i.filter == TagFilter::Named(name.into(), kind));
    assert_eq!(named("William Ruto", NameKind::Person).map(|i| i.stories), Some(3));
    // Named, never quoted: a facet all the same.
    assert_eq!(named("Toussaint Louverture", NameKind::Person).map(|i| i.stories), Some(1));
    assert!(named("Haitian National Police", NameKind::Organisation).is_some());
    let kinds: Vec<NameKind> = picker.items[first_named..]
        .iter()
        .filter_map(|i| if let TagFilter::Named(_, kind) = i.filter { Some(kind) } else { None })
        .collect();
    assert!(kinds.is_sorted(), "people, then organisations");
    typed(&mut app, "William Ruto");
    let Overlay::Picker(picker) = &mut app.overlay else { panic!("no picker") };
    picker.selected = picker.items.iter().position(|i| matches!(i.filter, TagFilter::Named(..))).unwrap();
    app.update(Action::Submit);
    assert_eq!(app.visible.len(), 3);
    assert!(
        app.visible
            .iter()
            .all(|&i| app.library.stories()[i].people().iter().any(|n| n.name == "William Ruto"))
    );
}

#[test]
fn opened_while_loading_the_pane_fills_once_every_story_is_in() {
    let mut app = app();
    app.start_loading(None);
    let effects = app.update(Action::OpenPeople);
    assert!(!effects.iter().any(|e| matches!(e, Effect::FindPeople(_))), "nothing handed out while loading");
    super::finish_loading(&mut app);
    let effects = app.update(Msg::AfterLoading);
    assert!(find_people(&mut app, effects) > 0, "loading over: the finding starts");
    assert_eq!(&*people(&app).rows[0].name, "William Ruto");
}

#[test]
fn a_list_filtered_by_a_person_grows_as_their_stories_are_found() {
    let mut app = app();
    app.people.part = 4;
    let mut effects = app.update(Action::OpenPeople);
    // Only the first part found: the filter sees what is found so far.
    let Effect::FindPeople(first) = effects.remove(0) else { panic!("no part handed out") };
    let found = Mutex::new(Vec::new());
    StoryText::find_all(&first.0, |part| {
        found.lock().unwrap().extend(part);
        true
    });
    app.update(Msg::PeopleFound(found.into_inner().unwrap()));
    app.update(Action::Cancel);
    app.filter.tags = vec![TagFilter::Speaker("William Ruto".into(), NameKind::Person)];
    app.apply_filter();
    let before = app.visible.len();
    assert!(before < 3, "the first part holds only some of his stories: {before}");
    // The rest found: the list holds every story he speaks in.
    effects.extend(app.update(Msg::PeopleDone { started: true }));
    find_people(&mut app, effects);
    assert!(!app.people.running());
    assert_eq!(app.visible.len(), 3, "found before: {before}");
}
