//! What the screen shows, drawn with ratatui's `TestBackend`: every screen
//! state at 80x24, a wide 140x45 and a tiny 20x6, compared with reviewed
//! snapshots in `tests/snapshots/`. Styles a snapshot cannot show (the
//! current quote, NO_COLOR) are checked cell by cell.

#![allow(clippy::unwrap_used)]

use byline::tui::ui::{draw, theme::Theme};
use byline::tui::{Action, App, Msg};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::Modifier;

/// The sample corpus, parsed once for all tests.
static SAMPLE: std::sync::LazyLock<byline_engine::Library> =
    std::sync::LazyLock::new(|| byline::sample::load().library);

fn app(width: u16, height: u16) -> App {
    let mut app = App::new(SAMPLE.clone(), 0);
    app.update(Msg::Resize(width, height));
    app
}

fn render(app: &App, theme: &Theme) -> Terminal<TestBackend> {
    let (w, h) = app.size;
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    terminal.draw(|frame| draw(frame, app, theme)).unwrap();
    terminal
}

/// Feed `actions`, carrying out the threads' work (finding people,
/// clustering) as the loop would, at once.
fn run(app: &mut App, actions: &[Msg]) {
    for action in actions {
        let effects = app.update(action.clone());
        app.work_here(effects);
    }
}

/// The people pane, at its first level and at one person's quotes.
fn people_states() -> Vec<(&'static str, Vec<Msg>)> {
    let open = vec![Msg::Action(Action::OpenPeople)];
    vec![
        ("people", [open.clone(), vec![Msg::Action(Action::Down)]].concat()),
        (
            "person_quotes",
            [open, typed("ruto"), vec![Msg::Action(Action::Submit), Msg::Action(Action::Down)]].concat(),
        ),
    ]
}

fn typed(text: &str) -> Vec<Msg> {
    text.chars().map(Msg::Insert).collect()
}

/// Every screen state worth a snapshot, as the actions that reach it.
fn states() -> Vec<(&'static str, Vec<Msg>)> {
    vec![
        ("list", vec![Msg::Action(Action::Down)]),
        ("reader", vec![Msg::Action(Action::Down), Msg::Action(Action::Down), Msg::Action(Action::Open)]),
        (
            "quote",
            vec![
                Msg::Action(Action::Down),
                Msg::Action(Action::Down),
                Msg::Action(Action::NextQuote),
                Msg::Action(Action::NextQuote),
            ],
        ),
        ("picker", [vec![Msg::Action(Action::OpenTagPicker)], typed("ru")].concat()),
        ("search", [vec![Msg::Action(Action::OpenSearch)], typed("haiti")].concat()),
        (
            "filtered",
            [vec![Msg::Action(Action::OpenTagPicker)], typed("Haiti"), vec![Msg::Action(Action::Submit)]]
                .concat(),
        ),
        ("help", vec![Msg::Action(Action::ToggleHelp)]),
    ]
    .into_iter()
    .chain(people_states())
    .collect()
}

fn snapshot_all(width: u16, height: u16) {
    let theme = Theme::new(false);
    for (name, actions) in states() {
        let mut app = app(width, height);
        run(&mut app, &actions);
        let terminal = render(&app, &theme);
        insta::assert_snapshot!(format!("{name}_{width}x{height}"), terminal.backend());
    }
}

#[test]
fn screens_at_80x24() {
    snapshot_all(80, 24);
}

#[test]
fn screens_at_140x45() {
    snapshot_all(140, 45);
}

#[test]
fn the_people_pane_at_150x45() {
    let theme = Theme::new(false);
    for (name, actions) in people_states() {
        let mut app = app(150, 45);
        run(&mut app, &actions);
        insta::assert_snapshot!(format!("{name}_150x45"), render(&app, &theme).backend());
    }
}

/// Events told by several outlets, one row each, at two sizes: folded,
/// one expanded, and the whole of one event marked read.
#[test]
fn the_grouped_list() {
    let theme = Theme::new(false);
    let library =
        byline_engine::load_paths(&[std::path::PathBuf::from("tests/fixtures/clusters")]).unwrap().library;
    let down = Msg::Action(Action::Down);
    let states = [
        ("grouped", vec![]),
        ("grouped_open", vec![down.clone(), Msg::Action(Action::ToggleCluster), down.clone()]),
        ("grouped_marked", vec![down, Msg::Action(Action::MarkAllRead)]),
    ];
    for (width, height) in [(80, 24), (140, 45)] {
        for (name, actions) in &states {
            let mut app = App::new(library.clone(), 0);
            app.grouping.on = true;
            app.want_people();
            run(&mut app, &[Msg::Resize(width, height)]);
            run(&mut app, actions);
            insta::assert_snapshot!(format!("{name}_{width}x{height}"), render(&app, &theme).backend());
            // Narrower, down to nothing: drawn without a panic.
            for width in [0, 1, 3, 8, 13, 21, 34] {
                app.update(Msg::Resize(width, 5));
                render(&app, &theme);
            }
        }
    }
}

#[test]
fn screens_at_20x6() {
    snapshot_all(20, 6);
}

#[test]
fn every_size_down_to_1x1_draws_without_panic() {
    let theme = Theme::new(false);
    for (_, actions) in states() {
        for width in [0, 1, 2, 3, 5, 8, 13, 21, 34, 79, 80] {
            for height in [0, 1, 2, 3, 4, 7] {
                let mut app = app(width, height);
                run(&mut app, &actions);
                render(&app, &theme);
            }
        }
    }
}

/// Position of the first cell showing `text` on the screen.
fn find(buffer: &Buffer, text: &str) -> Option<(u16, u16)> {
    let width = buffer.area.width;
    for y in 0..buffer.area.height {
        let row: String = (0..width).map(|x| buffer[(x, y)].symbol().to_string()).collect();
        if let Some(at) = row.find(text) {
            return Some((row[..at].chars().count() as u16, y));
        }
    }
    None
}

/// Select the story whose title starts with `prefix`.
fn select(app: &mut App, prefix: &str) {
    app.selected =
        app.visible.iter().position(|&i| app.library.stories()[i].title().starts_with(prefix)).unwrap();
}

#[test]
fn the_current_quote_is_highlighted_and_others_are_styled_as_quotes() {
    let theme = Theme::new(false);
    let mut app = app(140, 45);
    select(&mut app, "Caribbean");
    run(&mut app, &[Msg::Action(Action::NextQuote)]);
    let terminal = render(&app, &theme);
    let buffer = terminal.backend().buffer();
    let current = find(buffer, "We did not come").unwrap();
    assert_eq!(buffer[current].style().bg, theme.quote_current.bg);
    let other = find(buffer, "Kenya will not walk").unwrap();
    assert_eq!(buffer[other].style().fg, theme.quote.fg);
    let narration = find(buffer, "The meeting produced").unwrap();
    assert!(buffer[narration].style().fg.is_none_or(|c| c == ratatui::style::Color::Reset));
    assert!(find(buffer, "quote 1/4 - Andrew Holness-Clarke").is_some());
}

#[test]
fn no_color_shows_selection_and_quotes_without_colour() {
    let theme = Theme::new(true);
    let mut app = app(100, 30);
    select(&mut app, "Caribbean");
    run(&mut app, &[Msg::Action(Action::NextQuote), Msg::Action(Action::Back)]);
    let terminal = render(&app, &theme);
    let buffer = terminal.backend().buffer();
    for y in 0..buffer.area.height {
        for x in 0..buffer.area.width {
            let style = buffer[(x, y)].style();
            assert!(style.fg.is_none_or(|c| c == ratatui::style::Color::Reset), "colour at {x},{y}");
            assert!(style.bg.is_none_or(|c| c == ratatui::style::Color::Reset), "colour at {x},{y}");
        }
    }
    // The selected row of the list: inside the border, at the selection.
    let row = 1 + (app.selected - app.list_offset) as u16;
    let text: String = (0..buffer.area.width).map(|x| buffer[(x, row)].symbol().to_string()).collect();
    let at = text.find("Caribbean").expect("the selected row shows the Caribbean story");
    let x = text[..at].chars().count() as u16;
    assert!(x < app.panes().list.unwrap().width, "in the list, not the reader");
    assert!(buffer[(x, row)].style().add_modifier.contains(Modifier::REVERSED));
    let quote = find(buffer, "We did not come").unwrap();
    assert!(buffer[quote].style().add_modifier.contains(Modifier::REVERSED), "current quote");
    let other = find(buffer, "Kenya will not walk").unwrap();
    assert!(buffer[other].style().add_modifier.contains(Modifier::UNDERLINED), "other quotes");
}

#[test]
fn the_help_screen_lists_the_keymap() {
    let theme = Theme::new(false);
    let mut app = app(140, 45);
    run(&mut app, &[Msg::Action(Action::ToggleHelp)]);
    let buffer = render(&app, &theme).backend().buffer().clone();
    for (_, line) in [
        ("open", "open the story in the reader"),
        ("quote", "open the story at its first quote"),
        ("tags", "filter by tag"),
    ] {
        assert!(find(&buffer, line).is_some(), "help shows {line:?}");
    }
}

#[test]
fn key_overrides_from_the_config_show_in_help() {
    let config = byline::config::Config::parse("[keys]\nnext_quote = [\"x\", \"Ctrl-n\"]\n", "c").unwrap();
    let options = byline::tui::Options {
        config,
        state_file: None,
        state: byline_engine::state::State::default(),
        notice: None,
        library_key: "sample".into(),
        feeds: None,
        cache: None,
    };
    let mut app = byline::tui::build_app(byline::sample::load(), &options);
    run(&mut app, &[Msg::Resize(140, 45), Msg::Action(Action::ToggleHelp)]);
    let buffer = render(&app, &Theme::new(false)).backend().buffer().clone();
    let at = find(&buffer, "x, Ctrl-n").expect("the new keys are listed");
    let row: String = (0..buffer.area.width).map(|x| buffer[(x, at.1)].symbol().to_string()).collect();
    assert!(row.contains("open the story at its first quote"), "{row}");
    let rows: Vec<String> = (0..buffer.area.height)
        .map(|y| (0..buffer.area.width).map(|x| buffer[(x, y)].symbol().to_string()).collect())
        .collect();
    let old_key = rows.iter().filter(|r| r.contains("  ]  ") && r.contains("first quote")).count();
    assert_eq!(old_key, 0, "] no longer opens the first quote");
}

#[test]
fn while_loading_the_status_bar_counts_files_and_stories_show_as_they_arrive() {
    let theme = Theme::new(false);
    let mut app = App::new(byline_engine::Library::default(), 0);
    app.update(Msg::Resize(80, 24));
    app.start_loading(None);
    insta::assert_snapshot!("loading_empty_80x24", render(&app, &theme).backend());

    app.update(Msg::FilesFound { files: 14, skipped: Vec::new(), walk: Default::default() });
    let drafts: Vec<_> = byline::sample::FILES[..5]
        .iter()
        .flat_map(|(name, bytes)| byline_engine::parse::parse_file(name, bytes, None).unwrap().drafts)
        .collect();
    let batch = byline_engine::load::Batch { files: 5, drafts, ..Default::default() };
    app.update(Msg::Loaded { batches: vec![batch], marks: Default::default() });
    insta::assert_snapshot!("loading_some_80x24", render(&app, &theme).backend());
}

#[test]
fn while_fetching_the_status_bar_counts_feeds_and_new_stories_join_the_list() {
    let theme = Theme::new(false);
    let mut app = app(100, 24);
    app.update(Msg::FetchStarted { total: 3 });
    let mut story = byline_engine::Story::new(
        "https://wire.example/rss",
        byline_engine::Format::Rss,
        "Ferry to Île-à-Vache resumes after storm".into(),
        vec!["The ferry runs again.".into()],
    );
    story.tags = vec!["Haiti".into(), "Wire".into()];
    story.published = Some("2030-01-01T08:00:00Z".into());
    let fetched = byline_engine::feeds::FeedResult {
        url: "https://wire.example/rss".into(),
        title: "Island Wire".into(),
        outcome: byline_engine::feeds::Outcome::Fetched {
            new: 1,
            updated: 0,
            items: 1,
            unreadable: Vec::new(),
        },
        new_stories: vec![byline_engine::parse::Draft::from_story(story)],
        pages: Default::default(),
    };
    let failed = byline_engine::feeds::FeedResult {
        url: "https://down.example/rss".into(),
        title: "Down Daily".into(),
        outcome: byline_engine::feeds::Outcome::Failed("HTTP 503 Service Unavailable (tried 3 times)".into()),
        new_stories: Vec::new(),
        pages: Default::default(),
    };
    app.update(Msg::Fetched { results: vec![fetched, failed], marks: Default::default() });
    insta::assert_snapshot!("fetching_100x24", render(&app, &theme).backend());
    app.update(Msg::FetchDone);
    insta::assert_snapshot!("fetched_100x24", render(&app, &theme).backend());
}

/// Stories from two feeds with dates, and one with no date, no source and
/// a one-word title, seen on Wednesday 2 December 2026 at 18:30 in Nairobi.
fn dated_app(width: u16, height: u16) -> App {
    let story = |site: Option<&str>, title: &str, published: Option<&str>, tags: &[&str]| {
        let source = if site.is_some() { "https://feeds.example/rss" } else { "alone.txt" };
        let mut story = byline_engine::Story::new(
            source,
            byline_engine::Format::Rss,
            title.into(),
            vec![format!("{title}, in a sentence.")],
        );
        story.site = site.map(String::from);
        story.published = published.map(String::from);
        story.tags = tags.iter().map(|t| t.to_string()).collect();
        byline_engine::parse::Draft::from_story(story)
    };
    let drafts = vec![
        story(
            Some("Lakeside Courier"),
            "Ferry timetable changes for the rains",
            Some("2026-12-02T11:05:00Z"),
            &["Kisumu", "Transport"],
        ),
        story(
            Some("Coast Wire"),
            "Fishers count a record catch of tuna",
            Some("2026-11-30T06:00:00Z"),
            &["Malindi"],
        ),
        story(
            Some("Lakeside Courier"),
            "Council votes on the new market hall",
            Some("2026-11-12T09:00:00Z"),
            &["Kisumu", "Council", "Markets"],
        ),
        story(
            Some("Coast Wire"),
            "Lighthouse keepers remember the storm of 2019",
            Some("2024-11-12T09:00:00Z"),
            &[],
        ),
        story(None, "Notes", None, &[]),
    ];
    let mut app = App::new(byline_engine::Library::from_drafts(drafts), 0);
    let now = chrono::DateTime::parse_from_rfc3339("2026-12-02T18:30:00+03:00").unwrap();
    app.update(Msg::Tick(now));
    app.update(Msg::Resize(width, height));
    app
}

#[test]
fn the_list_shows_dates_and_sources_in_columns() {
    let theme = Theme::new(false);
    for (width, height) in [(80, 24), (150, 45)] {
        let app = dated_app(width, height);
        insta::assert_snapshot!(format!("dated_{width}x{height}"), render(&app, &theme).backend());
        let buffer = render(&app, &theme).backend().buffer().clone();
        // Every title starts in the same column, the one-word one included.
        let columns: Vec<u16> = ["Ferry", "Fishers", "Council", "Lighthouse", "Notes"]
            .iter()
            .map(|t| find(&buffer, t).unwrap_or_else(|| panic!("{t} shown at {width}x{height}")).0)
            .collect();
        assert!(columns.iter().all(|&c| c == columns[0]), "titles line up: {columns:?}");
    }
    let mut sorted = dated_app(150, 45);
    sorted.update(Msg::Action(Action::CycleSort));
    let buffer = render(&sorted, &theme).backend().buffer().clone();
    assert!(find(&buffer, "Stories · oldest").is_some(), "the order is in the list's title");
    assert!(find(&buffer, "5 unread · 5").is_some(), "with the unread count of what is shown");
    let mut reordered = dated_app(150, 45);
    reordered.list_columns = vec![byline::config::ListColumn::Title, byline::config::ListColumn::Date];
    let buffer = render(&reordered, &theme).backend().buffer().clone();
    let (title_at, row) = find(&buffer, "Ferry timetable").unwrap();
    let (date_at, date_row) = find(&buffer, "14:05").unwrap();
    assert!(row == date_row && title_at < date_at, "the configured order: title, then date");
    assert!(find(&buffer, "Lakeside Courier  Ferry").is_none(), "no source column");
    let mut picking = dated_app(80, 24);
    picking.update(Msg::Action(Action::OpenSourcePicker));
    insta::assert_snapshot!("sources_80x24", render(&picking, &theme).backend());
    let wide = render(&dated_app(150, 45), &theme).backend().buffer().clone();
    for shown in ["14:05", "Mon", "12 Nov", "2024-11-12", "Lakeside Courier", "Coast Wire"] {
        assert!(find(&wide, shown).is_some(), "{shown} in the wide list");
    }
}

#[test]
fn f_shows_the_whole_story_in_the_reading_pane_when_its_page_arrives() {
    let theme = Theme::new(false);
    let mut story = byline_engine::Story::new(
        "https://wire.example/rss",
        byline_engine::Format::Rss,
        "Pier closed for repairs".into(),
        vec!["One line of summary.".into()],
    );
    story.url = Some("https://wire.example/pier".into());
    story.published = Some("2030-01-01T08:00:00Z".into());
    let mut app = App::new(byline_engine::library::Library::from_stories(vec![story]), 0);
    app.update(Msg::Resize(100, 24));
    app.update(Msg::Action(Action::Open));
    app.update(Msg::Action(Action::FullText));
    insta::assert_snapshot!("full_text_asked_100x24", render(&app, &theme).backend());
    let page = byline_engine::feeds::pages::FullText {
        page: "https://wire.example/pier".into(),
        paragraphs: vec![
            "Divers found the pilings rotten below the waterline on Monday.".into(),
            "\u{201c}We will rebuild it before the storms,\u{201d} said harbourmaster Ines Duarte.".into(),
        ],
        author: Some("Lena Marsh".into()),
        ..Default::default()
    };
    app.update(Msg::PageFetched { story: 0, page: Box::new(page), kept: Ok(true) });
    insta::assert_snapshot!("full_text_shown_100x24", render(&app, &theme).backend());
    let buffer = render(&app, &theme).backend().buffer().clone();
    assert!(find(&buffer, "Divers found the pilings").is_some());
    assert!(find(&buffer, "One line of summary.").is_none());
}
