//! Stories about one event as one row: clustering in the background, the
//! grouped list, `z`, `A` on an event, filters over members, copies marked
//! together, and the flat list when grouping is off.

use super::*;
use crate::tui::app::clusters::RowKind;

const QUOTE: &str = "“We have closed the road until the engineers have checked every pillar of it,” said \
                     county commissioner Abdi Hassan.";

fn story(source: &str, title: &str, date: &str, paragraphs: &[&str], tag: &str) -> Story {
    let mut story = Story::new(
        source,
        Format::Text,
        title.into(),
        paragraphs.iter().copied().collect::<byline_engine::model::Paragraphs>(),
    );
    story.published = Some(date.into());
    story.tags = vec![tag.into()];
    story
}

/// Two outlets on one bridge (a shared quote), one fire carried by two
/// feeds (the same link), and a harvest story alone.
fn stories() -> Vec<Story> {
    let mut fire_one = story(
        "https://one.example/rss",
        "Fire guts Gikomba market stalls",
        "2026-11-18T09:00:00+03:00",
        &["Traders lost clothes and shoes when fire swept through the market before dawn."],
        "Nairobi",
    );
    fire_one.url = Some("https://wire.example/gikomba-fire?utm_source=one".into());
    fire_one.site = Some("One Daily".into());
    let mut fire_two = story(
        "https://two.example/feed",
        "Gikomba traders count their losses",
        "2026-11-18T10:00:00+03:00",
        &["Hundreds of stalls burned in the early hours, the fire brigade said."],
        "Nairobi",
    );
    fire_two.url = Some("https://www.wire.example/gikomba-fire/".into());
    fire_two.site = Some("Two Weekly".into());
    vec![
        story(
            "coast/bridge.txt",
            "Madogo bridge closed as the Tana rises",
            "2026-11-18T07:00:00+03:00",
            &["The Tana River rose four metres in two days.", QUOTE],
            "Garissa",
        ),
        story(
            "ledger/engineers.txt",
            "Engineers sent to inspect Madogo crossing",
            "2026-11-18T12:00:00+03:00",
            &["A team from the roads authority arrived on Wednesday.", QUOTE],
            "Roads",
        ),
        fire_one,
        fire_two,
        story(
            "farm/harvest.txt",
            "Rains delay the maize harvest in Nakuru",
            "2026-11-17T08:00:00+03:00",
            &["Farmers in Rongai said the fields were too wet for machines."],
            "Weather",
        ),
    ]
}

/// The stories in a reader that groups them, as the config's default
/// sets it up, with the grouping done.
fn grouped() -> App {
    let mut app = App::new(byline_engine::library::Library::from_stories(stories()), 0);
    app.grouping.on = true;
    app.want_people();
    let effects = app.update(Msg::Resize(120, 30));
    assert!(effects.iter().any(|e| matches!(e, Effect::FindPeople(_))), "quotes are found for grouping");
    assert!(app.grouping_pending(), "the status bar says the list is being grouped");
    app.work_here(effects);
    assert!(app.grouping.clusters.is_some(), "the stories were clustered");
    assert!(!app.grouping_pending());
    app
}

fn titles(app: &App) -> Vec<&str> {
    app.visible.iter().map(|&i| app.library.stories()[i].title()).collect()
}

#[test]
fn an_event_from_several_sources_is_one_row_led_by_its_first_report() {
    let app = grouped();
    assert_eq!(
        titles(&app),
        [
            "Madogo bridge closed as the Tana rises",
            "Fire guts Gikomba market stalls",
            "Rains delay the maize harvest in Nakuru",
        ],
        "each event where its newest story falls, shown by its earliest"
    );
    assert_eq!(app.row_kind(0), RowKind::Cluster { others: 1, unread: 2, open: false });
    assert_eq!(app.row_kind(4), RowKind::Story);
    assert_eq!(app.passing.len(), 5, "every story still passes the filter");
}

#[test]
fn z_lists_an_events_stories_under_it_and_folds_them_again() {
    let mut app = grouped();
    app.update(Action::ToggleCluster);
    assert_eq!(
        titles(&app)[..2],
        ["Madogo bridge closed as the Tana rises", "Engineers sent to inspect Madogo crossing"]
    );
    assert_eq!(app.row_kind(0), RowKind::Cluster { others: 1, unread: 2, open: true });
    assert_eq!(app.row_kind(1), RowKind::Member);
    // Folding from a member leaves the event's row selected.
    app.update(Action::Down);
    assert_eq!(app.selected_story(), Some(1));
    app.update(Action::ToggleCluster);
    assert_eq!(app.visible.len(), 3);
    assert_eq!(app.selected_story(), Some(0));
    // A story alone has nothing to list.
    app.update(Action::Bottom);
    app.update(Action::ToggleCluster);
    assert_eq!(app.message.as_deref(), Some("this story has no other sources"));
}

#[test]
fn reading_the_lead_leaves_the_others_unread_and_a_on_the_event_marks_all_of_it() {
    let mut app = grouped();
    app.update(Action::Open);
    assert!(app.library.stories()[0].read);
    assert!(!app.library.stories()[1].read, "the other source is still unread");
    assert_eq!(app.row_kind(0), RowKind::Cluster { others: 1, unread: 1, open: false });
    app.update(Action::Back);
    let effects = app.update(Action::MarkAllRead);
    assert!(effects.contains(&Effect::SaveState));
    assert!(app.library.stories()[1].read);
    assert!(!app.library.stories()[4].read, "other rows are left as they were");
    assert_eq!(app.message.as_deref(), Some("marked 1 story of this event read; U undoes it"));
    app.update(Action::UndoMarkAll);
    assert!(!app.library.stories()[1].read);
    // On a story alone, A marks everything shown, as before.
    app.update(Action::Bottom);
    app.update(Action::MarkAllRead);
    assert_eq!(app.library.unread(), 0);
}

#[test]
fn an_event_shows_when_any_of_its_stories_passes_the_filter() {
    let mut app = grouped();
    app.filter.tags = vec![TagFilter::Exact("Roads".into())];
    app.apply_filter();
    assert_eq!(titles(&app), ["Madogo bridge closed as the Tana rises"], "shown by its lead");
    app.update(Action::ToggleCluster);
    assert_eq!(
        titles(&app),
        ["Madogo bridge closed as the Tana rises", "Engineers sent to inspect Madogo crossing"],
        "expanded, the member that passes is under it"
    );
    app.filter.tags = vec![TagFilter::Exact("Weather".into())];
    app.apply_filter();
    assert_eq!(titles(&app), ["Rains delay the maize harvest in Nakuru"]);
}

#[test]
fn one_item_from_two_feeds_is_read_once() {
    let mut app = grouped();
    let fire = app.visible.iter().position(|&i| i == 2).unwrap();
    app.select(fire);
    app.update(Action::ToggleRead);
    assert!(app.library.stories()[2].read);
    assert!(app.library.stories()[3].read, "its copy from the other feed is read too");
    assert!(!app.library.stories()[0].read);
    assert_eq!(app.changed.len(), 2, "both ids are saved");
    app.update(Action::Open);
    let header: Vec<&str> = app.layout.lines.iter().take(6).map(|l| l.text.as_str()).collect();
    assert!(header.contains(&"Also from: Two Weekly"), "the other feed is named: {header:?}");
}

#[test]
fn stories_fetched_later_join_the_events_already_grouped() {
    let mut app = grouped();
    let mut later = story(
        "https://three.example/rss",
        "Madogo residents cross by boat",
        "2026-11-19T08:00:00+03:00",
        &["Boats ferried people across after the closure.", QUOTE],
        "Garissa",
    );
    later.url = Some("https://three.example/madogo-boats".into());
    let result = byline_engine::feeds::FeedResult {
        url: "https://three.example/rss".into(),
        title: "Three".into(),
        outcome: byline_engine::feeds::Outcome::Fetched {
            new: 1,
            updated: 0,
            items: 1,
            unreadable: Vec::new(),
        },
        new_stories: vec![byline_engine::parse::Draft::from_story(later)],
        pages: Default::default(),
    };
    app.fetch = crate::tui::app::fetching::FetchStatus::Running(Default::default());
    let effects = app.update(Msg::Fetched { results: vec![result], marks: Default::default() });
    app.work_here(effects);
    assert_eq!(app.visible.len(), 3, "no new row: it joined the bridge");
    assert_eq!(app.row_kind(0), RowKind::Cluster { others: 2, unread: 3, open: false });
}

#[test]
fn with_grouping_off_the_list_is_flat_and_nothing_is_clustered() {
    let mut app = App::new(byline_engine::library::Library::from_stories(stories()), 0);
    let effects = app.update(Msg::Resize(120, 30));
    assert!(!effects.iter().any(|e| matches!(e, Effect::FindPeople(_) | Effect::Cluster(_))));
    assert_eq!(app.visible.len(), 5);
    assert!(app.visible.iter().all(|&i| app.row_kind(i) == RowKind::Story));
}

#[test]
fn n_finds_an_unread_story_folded_into_an_event() {
    let mut app = grouped();
    // The bridge's first report is read; the second is unread, folded.
    app.update(Action::Open);
    app.update(Action::Back);
    app.update(Action::Bottom);
    app.update(Action::Open);
    assert_eq!(app.selected_story(), Some(4), "the harvest story, read");
    app.update(Action::NextUnread);
    assert_eq!(app.selected_story(), Some(1), "the event unfolded at its unread story");
    assert_eq!(app.row_kind(0), RowKind::Cluster { others: 1, unread: 0, open: true });
    assert!(app.library.stories()[1].read);
    assert_eq!(app.focus, Focus::Reader);
}

#[test]
fn a_clustering_thread_that_stops_leaves_the_list_flat_and_says_so() {
    let mut app = App::new(byline_engine::library::Library::from_stories(stories()), 0);
    app.grouping.on = true;
    app.want_people();
    let mut effects = app.update(Msg::Resize(120, 30));
    // Find the quotes, but let the clustering thread die.
    let mut asked = false;
    while let Some(effect) = effects.pop() {
        match effect {
            Effect::FindPeople(job) => {
                let found: Vec<_> = job.0.iter().map(byline_engine::people::StoryText::find).collect();
                effects.extend(app.update(Msg::PeopleFound(found)));
                effects.extend(app.update(Msg::PeopleDone { started: true }));
            }
            Effect::Cluster(_) => {
                asked = true;
                effects.extend(app.update(Msg::ClusteringStopped));
            }
            _ => {}
        }
    }
    assert!(asked, "the quotes found, clustering was asked for");
    assert!(app.grouping.clusters.is_none());
    assert_eq!(app.visible.len(), 5, "the flat list");
    assert!(!app.grouping_pending(), "the status bar no longer says it is grouping");
    assert_eq!(
        app.message.as_deref(),
        Some("could not group stories by event: the list shows them as they are")
    );
    assert!(!app.update(Action::Down).iter().any(|e| matches!(e, Effect::Cluster(_))), "not asked again");
}
