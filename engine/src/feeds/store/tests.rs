use super::*;
use crate::model::Format;

fn item(guid: Option<&str>, url: Option<&str>, title: &str, body: &str, tags: &[&str]) -> Draft {
    let mut story = Story::new("https://feed.example/rss", Format::Rss, title.into(), vec![body.into()]);
    story.url = url.map(Into::into);
    story.tags = tags.iter().map(|t| t.to_string()).collect();
    let mut draft = crate::parse::new_draft(story, None, Vec::new());
    draft.guid = guid.map(Into::into);
    draft
}

fn sub(tags: &[&str]) -> Subscription {
    Subscription {
        url: "https://feed.example/rss".into(),
        title: None,
        tags: tags.iter().map(|t| t.to_string()).collect(),
        full_text: false,
    }
}

fn body(drafts: Vec<Draft>) -> Fetched {
    Fetched::Items {
        drafts,
        feed_title: Some("Feed".into()),
        validators: Validators::default(),
        body_hash: "h".into(),
    }
}

fn stored(store: &Store) -> Vec<Story> {
    let loaded = crate::load::load_paths(&[store.items_dir()]).unwrap();
    assert!(
        loaded.skipped.is_empty() && loaded.warnings.is_empty(),
        "{:?} {:?}",
        loaded.skipped,
        loaded.warnings
    );
    let mut stories: Vec<Story> = loaded.library.stories().to_vec();
    stories.sort_by(|a, b| a.title().cmp(b.title()));
    stories
}

#[test]
fn items_are_merged_by_guid_then_link_then_content() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::new(dir.path());
    let first = vec![
        item(Some("g1"), Some("https://x/1"), "One", "First text.", &[]),
        item(None, Some("https://x/2"), "Two", "Second text.", &[]),
        item(None, None, "Three", "Third text.", &[]),
    ];
    let merged = store.save(&sub(&[]), body(first), "2026-11-29T10:00:00Z").unwrap();
    assert_eq!((merged.new.len(), merged.updated, merged.items), (3, 0, 3));

    // The same items again, one edited upstream (same guid, new text) and
    // one new: nothing is duplicated.
    let second = vec![
        item(Some("g1"), Some("https://x/1"), "One", "First text, corrected.", &[]),
        item(None, Some("https://x/2"), "Two", "Second text.", &[]),
        item(None, None, "Three", "Third text.", &[]),
        item(Some("g4"), None, "Four", "Fourth text.", &[]),
    ];
    let merged = store.save(&sub(&[]), body(second), "2026-11-29T11:00:00Z").unwrap();
    assert_eq!((merged.new.len(), merged.updated, merged.items), (1, 1, 4));
    assert_eq!(merged.new[0].story.title(), "Four");

    let stories = stored(&store);
    let titles: Vec<&str> = stories.iter().map(|s| s.title()).collect();
    assert_eq!(titles, ["Four", "One", "Three", "Two"]);
    assert_eq!(stories[1].paragraphs(), ["First text, corrected."]);
}

#[test]
fn items_gone_from_the_feed_stay_and_keep_their_ids_through_updates() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::new(dir.path());
    store.save(&sub(&[]), body(vec![item(Some("old"), None, "Old", "Old text.", &[])]), "t1").unwrap();
    let id_before = stored(&store)[0].id().to_string();
    store
        .save(&sub(&[]), body(vec![item(Some("old"), None, "Old", "Old text, edited.", &[])]), "t2")
        .unwrap();
    store.save(&sub(&[]), body(vec![item(Some("new"), None, "New", "New text.", &[])]), "t3").unwrap();
    let stories = stored(&store);
    assert_eq!(stories.len(), 2);
    assert_eq!(stories[1].title(), "Old");
    assert_eq!(stories[1].id(), id_before, "an edited item keeps its id, so its marks follow it");
}

#[test]
fn the_subscriptions_tags_are_added_to_every_item_and_follow_changes() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::new(dir.path());
    let merged = store
        .save(&sub(&["Haiti"]), body(vec![item(Some("a"), None, "A", "Text.", &["Politics", "haiti"])]), "t1")
        .unwrap();
    assert_eq!(
        merged.new[0].story.tags,
        ["Politics", "haiti"],
        "a tag the item has already is not added twice"
    );
    assert_eq!(stored(&store)[0].tags, ["Politics", "haiti"]);
    // The subscription's tags change; the feed does not.
    store.save(&sub(&["Caribbean"]), Fetched::Unchanged, "t2").unwrap();
    assert_eq!(stored(&store)[0].tags, ["Politics", "haiti", "Caribbean"]);
}

#[test]
fn new_stories_are_what_the_library_will_read_back() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::new(dir.path());
    let merged = store
        .save(&sub(&["World"]), body(vec![item(Some("a"), Some("https://x/a"), "A", "Text.", &["x"])]), "t")
        .unwrap();
    let fresh = &merged.new[0].story;
    let back = &stored(&store)[0];
    assert_eq!(
        (fresh.id(), &fresh.source, &fresh.tags, &fresh.url, fresh.paragraphs()),
        (back.id(), &back.source, &back.tags, &back.url, back.paragraphs())
    );
    assert_eq!(back.source, "https://feed.example/rss");
    assert_eq!(back.format, Format::Rss);
}

#[test]
fn damaged_lines_are_set_aside_and_the_good_ones_kept() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::new(dir.path());
    store.save(&sub(&[]), body(vec![item(Some("a"), None, "A", "Text.", &[])]), "t1").unwrap();
    let path = store.items_path("https://feed.example/rss");
    let mut text = fs::read_to_string(&path).unwrap();
    text.push_str("{ this is not json\n");
    fs::write(&path, text).unwrap();
    store.save(&sub(&[]), body(vec![item(Some("b"), None, "B", "Text two.", &[])]), "t2").unwrap();
    let titles: Vec<String> = stored(&store).into_iter().map(|s| s.title().to_string()).collect();
    assert_eq!(titles, ["A", "B"]);
    let meta = store.meta("https://feed.example/rss");
    assert!(meta.last_error.as_deref().unwrap_or_default().contains("1 damaged lines"), "{meta:?}");
    let aside: Vec<_> = fs::read_dir(store.items_dir())
        .unwrap()
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| n.contains(".damaged-"))
        .collect();
    assert_eq!(aside.len(), 1, "the damaged file is kept aside");
}

#[test]
fn a_failure_is_remembered_without_touching_the_items() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::new(dir.path());
    store.save(&sub(&[]), body(vec![item(Some("a"), None, "A", "Text.", &[])]), "t1").unwrap();
    store.save_failure("https://feed.example/rss", "HTTP 500 Internal Server Error", "t2").unwrap();
    let meta = store.meta("https://feed.example/rss");
    assert_eq!(meta.last_error.as_deref(), Some("HTTP 500 Internal Server Error"));
    assert_eq!((meta.items, meta.last_fetch.as_deref()), (1, Some("t2")));
    assert_eq!(stored(&store).len(), 1);
    assert_eq!(store.remove("https://feed.example/rss").unwrap(), 1);
    assert!(!store.has_items());
}

#[test]
fn feed_files_are_named_by_host_and_a_hash_of_the_url() {
    let a = file_stem("https://news.example.com:8443/feed?x=1");
    assert!(a.starts_with("news.example.com-"), "{a}");
    assert_ne!(a, file_stem("https://news.example.com:8443/feed?x=2"));
    assert!(
        file_stem("https://../../etc/").starts_with("etc-") || !file_stem("https://../../etc/").contains('/')
    );
    assert!(!file_stem("https://a/b").contains('/'));
}
