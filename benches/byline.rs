//! `cargo bench`: parse throughput per format, library build time, and the
//! work of one keystroke and one frame at 100,000 stories. The corpora are
//! generated in memory by `support/corpus.rs` (the generator behind
//! `examples/gen_corpus.rs`), so the numbers do not depend on a disk.
//!
//! Keystroke benches run a key and its undo (type a letter, delete it) and
//! draw after each: one iteration is two keystrokes, updated and drawn.

#![allow(clippy::unwrap_used)]

#[path = "support/corpus.rs"]
mod corpus;

use std::sync::{LazyLock, Mutex};

use byline::tui::ui::{draw, theme::Theme};
use byline::tui::{Action, App, Msg};
use byline_engine::filter::{Filter, TagFilter};
use byline_engine::library::Library;
use byline_engine::model::Paragraphs;
use byline_engine::parse::{self, Draft};
use divan::counter::BytesCount;
use divan::{Bencher, black_box};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn main() {
    divan::main();
}

/// Generated text articles, as files: (name, bytes).
fn text_files(count: usize) -> Vec<(String, Vec<u8>)> {
    corpus::text_files(count).collect()
}

fn drafts(files: &[(String, Vec<u8>)]) -> Vec<Draft> {
    files.iter().flat_map(|(name, bytes)| parse::parse_file(name, bytes, None).unwrap().drafts).collect()
}

static TEXT_1K: LazyLock<Vec<(String, Vec<u8>)>> = LazyLock::new(|| text_files(1000));
static DRAFTS_10K: LazyLock<Vec<Draft>> = LazyLock::new(|| drafts(&text_files(10_000)));
static DRAFTS_100K: LazyLock<Vec<Draft>> = LazyLock::new(|| drafts(&text_files(100_000)));

/// The fixture files of one format directory.
fn fixtures(dir: &str) -> Vec<(String, Vec<u8>)> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(dir);
    let mut files: Vec<_> = std::fs::read_dir(root)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_file())
        .map(|p| (p.display().to_string(), std::fs::read(&p).unwrap()))
        .collect();
    files.sort();
    files
}

fn parse_all(bencher: Bencher, files: &[(String, Vec<u8>)]) {
    let bytes: usize = files.iter().map(|(_, b)| b.len()).sum();
    bencher.counter(BytesCount::new(bytes)).bench(|| {
        for (name, content) in files {
            black_box(parse::parse_file(name, content, None).ok());
        }
    });
}

/// Parse throughput, one group a format. Text and RSS use the generated
/// corpus; the other formats their test fixtures, read again and again.
mod parse_throughput {
    use super::*;

    #[divan::bench(sample_count = 20)]
    fn text(bencher: Bencher) {
        parse_all(bencher, &TEXT_1K);
    }

    #[divan::bench(sample_count = 20)]
    fn rss(bencher: Bencher) {
        // 500 items: about 1.3 MB, under the size where a feed is split, so
        // this is one thread's speed.
        let mut feed = Vec::new();
        corpus::rss_feed(500, &mut feed).unwrap();
        parse_all(bencher, &[("feed.xml".into(), feed)]);
    }

    #[divan::bench(args = ["atom", "jsonfeed", "json", "markdown", "html"])]
    fn fixture_format(bencher: Bencher, dir: &str) {
        parse_all(bencher, &fixtures(dir));
    }
}

/// Quote finding and attribution, one thread: quotes found per second in
/// 1,000 generated stories (about 1,750 quotes) and in the sample corpus.
mod quote_attribution {
    use super::*;
    use divan::counter::ItemsCount;

    fn stories(files: &[(String, Vec<u8>)]) -> Vec<(String, Paragraphs)> {
        drafts(files)
            .into_iter()
            .map(|d| (d.story.title().to_string(), d.story.paragraphs().clone()))
            .collect()
    }

    fn bench_quotes(bencher: Bencher, stories: &[(String, Paragraphs)]) {
        let quotes: usize = stories.iter().map(|(t, p)| parse::quotes::find_quotes(p, &[t]).len()).sum();
        bencher.counter(ItemsCount::new(quotes)).bench(|| {
            for (title, paragraphs) in stories {
                black_box(parse::quotes::find_quotes(paragraphs, &[title]));
            }
        });
    }

    #[divan::bench(sample_count = 20)]
    fn generated_1k(bencher: Bencher) {
        bench_quotes(bencher, &stories(&TEXT_1K));
    }

    #[divan::bench(sample_count = 50)]
    fn sample_corpus(bencher: Bencher) {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("assets");
        let mut files: Vec<_> = std::fs::read_dir(root)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "txt"))
            .map(|p| (p.display().to_string(), std::fs::read(&p).unwrap()))
            .collect();
        files.sort();
        bench_quotes(bencher, &stories(&files));
    }
}

/// A library assembled from parsed drafts: tag index, reading order, the
/// space-joined tag lines segmented.
mod library_build {
    use super::*;

    #[divan::bench(sample_count = 10)]
    fn stories_10k(bencher: Bencher) {
        bencher.with_inputs(|| DRAFTS_10K.clone()).bench_local_values(Library::from_drafts);
    }

    #[divan::bench(sample_count = 3, sample_size = 1)]
    fn stories_100k(bencher: Bencher) {
        bencher.with_inputs(|| DRAFTS_100K.clone()).bench_local_values(Library::from_drafts);
    }
}

/// Every story's id at 100,000 stories, on every core, as the loader works
/// them out for a user who keeps marks.
#[divan::bench(sample_count = 5, sample_size = 1)]
fn story_ids_100k(bencher: Bencher) {
    bencher.with_inputs(|| DRAFTS_100K.clone()).bench_local_values(|drafts| {
        let stories: Vec<&byline_engine::model::Story> = drafts.iter().map(|d| &d.story).collect();
        byline_engine::model::find_all_ids(&stories);
        black_box(drafts)
    });
}

/// 100,000 stories with the word index, as the reader holds them.
static LIBRARY_100K: LazyLock<Library> = LazyLock::new(|| {
    let mut library = Library::default();
    library.index_words();
    library.extend(DRAFTS_100K.clone());
    library.segment_tag_lines();
    library
});

/// The same with everyone's quotes and people found, as the reader holds
/// them once the people pane has filled.
static LIBRARY_100K_PEOPLE: LazyLock<Library> = LazyLock::new(|| {
    let mut library = LIBRARY_100K.clone();
    library.find_people();
    library
});

/// The people index at 100,000 stories: every story's quotes and people
/// found on every core and counted, as the reader's thread does for the
/// people pane (target: 3 s).
#[divan::bench(sample_count = 3, sample_size = 1)]
fn people_index_100k(bencher: Bencher) {
    bencher.with_inputs(|| LIBRARY_100K.clone()).bench_local_values(|mut library| {
        library.find_people();
        black_box(library)
    });
}

/// Clustering 100,000 stories whose quotes and people are known (as the
/// reader holds them once the people pane has filled; finding them is
/// `people_index_100k`): features, candidates, scores, groups (target,
/// with the finding: 3 s).
#[divan::bench(sample_count = 3, sample_size = 1)]
fn clusters_100k(bencher: Bencher) {
    bencher.with_inputs(|| LIBRARY_100K_PEOPLE.clone()).bench_local_values(|library| {
        let clusters = byline_engine::clusters::cluster(library.stories());
        (library, clusters)
    });
}

/// The clustering thread's part of the grouping at 100,000 stories: the
/// features are known (the finding threads work them out with the
/// quotes); common words, MinHash, candidates, scores, groups.
#[divan::bench(sample_count = 5, sample_size = 1)]
fn cluster_features_100k(bencher: Bencher) {
    bencher.with_inputs(|| FEATURES_100K.clone()).bench_local_values(|mut features| {
        let clusters = byline_engine::clusters::cluster_features(&mut features);
        (features, clusters)
    });
}

/// Working out every story's clustering features at 100,000 stories
/// (quotes and people known), on one thread.
#[divan::bench(sample_count = 3, sample_size = 1)]
fn features_100k(bencher: Bencher) {
    bencher.bench_local(|| {
        LIBRARY_100K_PEOPLE.stories().iter().map(byline_engine::clusters::Features::of).collect::<Vec<_>>()
    });
}

/// Every story's clustering features at 100,000 stories.
static FEATURES_100K: LazyLock<Vec<byline_engine::clusters::Features>> = LazyLock::new(|| {
    LIBRARY_100K_PEOPLE.stories().iter().map(byline_engine::clusters::Features::of).collect()
});

/// 50 fetched stories joining the clusters of 99,950 (the clustering
/// thread's work after `r`).
#[divan::bench(sample_count = 10, sample_size = 1)]
fn cluster_add_50_to_100k(bencher: Bencher) {
    static MADE: LazyLock<byline_engine::clusters::Clusters> = LazyLock::new(|| {
        let mut features = FEATURES_100K.clone();
        byline_engine::clusters::cluster_features(&mut features[..FEATURES_100K.len() - 50])
    });
    bencher.with_inputs(|| (MADE.clone(), FEATURES_100K.clone())).bench_local_values(
        |(mut clusters, mut features)| {
            clusters.add(&mut features);
            (clusters, features)
        },
    );
}

/// The reader's grouping of 100,000 stories, all of it as its threads do
/// it once loading ends: every story's quotes, people and clustering
/// features found a part at a time on every core, then clustered (target:
/// 3 s).
#[divan::bench(sample_count = 3, sample_size = 1)]
fn grouping_100k(bencher: Bencher) {
    bencher.with_inputs(|| App::new(LIBRARY_100K.clone(), 0)).bench_local_values(|mut app| {
        app.grouping.on = true;
        app.want_people();
        let effects = app.update(Msg::Resize(200, 60));
        app.work_here(effects);
        assert!(app.grouping.clusters.is_some());
        app
    });
}

/// The reader at 200x60 on 100,000 stories, grouped, in the state a bench
/// needs.
fn grouped_100k(actions: &[Msg]) -> Mutex<App> {
    let mut app = App::new(LIBRARY_100K.clone(), 0);
    app.grouping.on = true;
    app.want_people();
    let effects = app.update(Msg::Resize(200, 60));
    app.work_here(effects);
    for action in actions {
        app.update(action.clone());
    }
    Mutex::new(app)
}

/// The reader at 200x60 on 100,000 stories, in the state a bench needs.
fn app_100k(actions: &[Msg]) -> Mutex<App> {
    app_on(&LIBRARY_100K, actions)
}

fn app_on(library: &Library, actions: &[Msg]) -> Mutex<App> {
    let mut app = App::new(library.clone(), 0);
    app.update(Msg::Resize(200, 60));
    for action in actions {
        app.update(action.clone());
    }
    Mutex::new(app)
}

fn frame(app: &App, terminal: &mut Terminal<TestBackend>, theme: &Theme) {
    terminal.draw(|f| draw(f, app, theme)).unwrap();
}

/// A key and the key that undoes it, each updated and drawn.
fn keystrokes(bencher: Bencher, app: &Mutex<App>, key: Msg, undo: Msg) {
    let theme = Theme::new(false);
    let mut terminal = Terminal::new(TestBackend::new(200, 60)).unwrap();
    let mut app = app.lock().unwrap();
    bencher.bench_local(|| {
        app.update(key.clone());
        frame(&app, &mut terminal, &theme);
        app.update(undo.clone());
        frame(&app, &mut terminal, &theme);
    });
}

fn typed(text: &str) -> Vec<Msg> {
    text.chars().map(Msg::Insert).collect()
}

/// Keystrokes at 100,000 stories: update and draw, two keys an iteration.
mod keystroke_100k {
    use super::*;

    #[divan::bench(sample_count = 30)]
    fn scroll(bencher: Bencher) {
        keystrokes(
            bencher,
            &app_100k(&[Msg::Action(Action::Down)]),
            Msg::Action(Action::Down),
            Msg::Action(Action::Up),
        );
    }

    #[divan::bench(sample_count = 30)]
    fn search_letter(bencher: Bencher) {
        // "fa" -> "far" (prefix of farmers) -> "fa": each a search of the index.
        let app = app_100k(&[vec![Msg::Action(Action::OpenSearch)], typed("fa")].concat());
        keystrokes(bencher, &app, Msg::Insert('r'), Msg::Action(Action::DeleteBack));
    }

    #[divan::bench(sample_count = 30)]
    fn picker_letter(bencher: Bencher) {
        let app = app_100k(&[vec![Msg::Action(Action::OpenTagPicker)], typed("ru")].concat());
        keystrokes(bencher, &app, Msg::Insert('t'), Msg::Action(Action::DeleteBack));
    }

    /// The tag picker with its people and organisations.
    #[divan::bench(sample_count = 30)]
    fn picker_letter_with_people(bencher: Bencher) {
        let app =
            app_on(&LIBRARY_100K_PEOPLE, &[vec![Msg::Action(Action::OpenTagPicker)], typed("ru")].concat());
        keystrokes(bencher, &app, Msg::Insert('t'), Msg::Action(Action::DeleteBack));
    }

    /// Down and up in the grouped list.
    #[divan::bench(sample_count = 30)]
    fn grouped_scroll(bencher: Bencher) {
        let app = grouped_100k(&[Msg::Action(Action::Down)]);
        keystrokes(bencher, &app, Msg::Action(Action::Down), Msg::Action(Action::Up));
    }

    /// `u` and `u` again in the grouped list: filtered and grouped again.
    #[divan::bench(sample_count = 30)]
    fn grouped_unread_only(bencher: Bencher) {
        let app = grouped_100k(&[]);
        keystrokes(bencher, &app, Msg::Action(Action::UnreadOnly), Msg::Action(Action::UnreadOnly));
    }

    /// `z` on the first event and `z` again.
    #[divan::bench(sample_count = 30)]
    fn grouped_expand(bencher: Bencher) {
        let app = grouped_100k(&[]);
        keystrokes(bencher, &app, Msg::Action(Action::ToggleCluster), Msg::Action(Action::ToggleCluster));
    }

    /// The first `p` at 100,000 stories, nothing found yet: the pane opens
    /// and hands every story to the thread that finds the quotes.
    #[divan::bench(sample_count = 10, sample_size = 1)]
    fn people_first_open(bencher: Bencher) {
        let theme = Theme::new(false);
        let mut terminal = Terminal::new(TestBackend::new(200, 60)).unwrap();
        bencher.with_inputs(|| app_on(&LIBRARY_100K, &[]).into_inner().unwrap()).bench_local_values(
            |mut app| {
                let effects = app.update(Msg::Action(Action::OpenPeople));
                frame(&app, &mut terminal, &theme);
                (app, effects)
            },
        );
    }

    /// `p` and Esc: the pane counted over every story shown, and closed.
    #[divan::bench(sample_count = 30)]
    fn people_open(bencher: Bencher) {
        let app = app_on(&LIBRARY_100K_PEOPLE, &[]);
        keystrokes(bencher, &app, Msg::Action(Action::OpenPeople), Msg::Action(Action::Cancel));
    }

    #[divan::bench(sample_count = 30)]
    fn people_letter(bencher: Bencher) {
        let app =
            app_on(&LIBRARY_100K_PEOPLE, &[vec![Msg::Action(Action::OpenPeople)], typed("wa")].concat());
        keystrokes(bencher, &app, Msg::Insert('n'), Msg::Action(Action::DeleteBack));
    }

    /// Down and up through the quotes of the most quoted person (about
    /// 1,800 quotes in the generated corpus).
    #[divan::bench(sample_count = 30)]
    fn person_quotes_scroll(bencher: Bencher) {
        let open = [Msg::Action(Action::OpenPeople), Msg::Action(Action::Submit), Msg::Action(Action::Down)];
        let app = app_on(&LIBRARY_100K_PEOPLE, &open);
        keystrokes(bencher, &app, Msg::Action(Action::Down), Msg::Action(Action::Up));
    }

    #[divan::bench(sample_count = 30)]
    fn unread_filter(bencher: Bencher) {
        keystrokes(bencher, &app_100k(&[]), Msg::Action(Action::UnreadOnly), Msg::Action(Action::UnreadOnly));
    }
}

/// Sorting 100,000 stories by an order other than the reading order, the
/// first time it is asked for (target: 50 ms). The library is cloned
/// outside the timing, so every sample sorts afresh.
mod sort_100k {
    use super::*;
    use byline_engine::library::SortOrder;

    #[divan::bench(args = [SortOrder::Oldest, SortOrder::Source, SortOrder::Title], sample_count = 10)]
    fn first_time(bencher: Bencher, order: SortOrder) {
        // The library is returned so that divan drops it after the timing.
        bencher.with_inputs(|| LIBRARY_100K.clone()).bench_local_values(|library| {
            let n = black_box(library.order_by(order).len());
            (library, n)
        });
    }
}

/// Filtering alone at 100,000 stories (no drawing).
mod filter_100k {
    use super::*;

    #[divan::bench(args = ["Ruto", "Haiti", "Lake Victoria"])]
    fn tag(bencher: Bencher, name: &str) {
        let filter = Filter { tags: vec![TagFilter::Name(name.into())], ..Filter::default() };
        bencher.bench(|| black_box(filter.apply(&LIBRARY_100K)).len());
    }

    #[divan::bench(args = ["f", "farm", "farmers water", "haiti ruto bud"])]
    fn search(bencher: Bencher, query: &str) {
        let filter = Filter { search: query.into(), ..Filter::default() };
        bencher.bench(|| black_box(filter.apply(&LIBRARY_100K)).len());
    }
}

/// One full frame of the reader at 200x60 with 100,000 stories.
#[divan::bench(sample_count = 50)]
fn frame_200x60(bencher: Bencher) {
    let app = app_100k(&[Msg::Action(Action::Down), Msg::Action(Action::Open)]);
    let app = app.lock().unwrap();
    let theme = Theme::new(false);
    let mut terminal = Terminal::new(TestBackend::new(200, 60)).unwrap();
    bencher.bench_local(|| frame(&app, &mut terminal, &theme));
}

/// A fetched feed's 50 new stories joining the reader at 100,000 stories
/// (`r`): added, ordered, indexed for search, filtered and drawn.
#[divan::bench(sample_count = 10, sample_size = 1)]
fn fetched_feed_joins_100k(bencher: Bencher) {
    let mut bytes = Vec::new();
    corpus::rss_feed(50, &mut bytes).unwrap();
    let new_stories = parse::parse_feed("https://gen.example/rss", &bytes).unwrap().drafts;
    let theme = Theme::new(false);
    let mut terminal = Terminal::new(TestBackend::new(200, 60)).unwrap();
    bencher
        .with_inputs(|| {
            let mut app = App::new(LIBRARY_100K.clone(), 0);
            app.update(Msg::Resize(200, 60));
            app.update(Msg::FetchStarted { total: 1 });
            let result = byline_engine::feeds::FeedResult {
                url: "https://gen.example/rss".into(),
                title: "Generated".into(),
                outcome: byline_engine::feeds::Outcome::Fetched {
                    new: 50,
                    updated: 0,
                    items: 50,
                    unreadable: Vec::new(),
                },
                new_stories: new_stories.clone(),
                pages: Default::default(),
            };
            (app, result)
        })
        .bench_local_values(|(mut app, result)| {
            app.update(Msg::Fetched { results: vec![result], marks: Default::default() });
            frame(&app, &mut terminal, &theme);
            app
        });
}
