//! Unit tests for the library: order, tag matching and counting, batches.

use super::*;
use crate::model::Format;
use crate::parse;

fn story(title: &str, tags: &[&str], published: Option<&str>) -> Story {
    let mut s = Story::new("x", Format::Text, title.into(), vec![]);
    s.tags = tags.iter().map(|t| t.to_string()).collect();
    s.published = published.map(str::to_string);
    s
}

fn library() -> Library {
    Library::from_stories(vec![
        story("Beta", &["President Ruto", "Kenya"], None),
        story("Alpha", &["William Ruto", "Haiti"], None),
        story("Gamma", &["Haiti", "Ruto"], Some("2025-01-02T00:00:00Z")),
        story("Delta", &["Rutoville"], Some("2025-03-01T00:00:00Z")),
    ])
}

#[test]
fn stories_sorted_newest_first_then_by_title() {
    let lib = library();
    let titles: Vec<&str> = lib.in_order().map(|s| s.title()).collect();
    assert_eq!(titles, ["Delta", "Gamma", "Alpha", "Beta"]);
}

#[test]
fn tag_query_matches_whole_words_of_names() {
    let lib = library();
    let titles = |q: &str| -> Vec<String> {
        lib.stories_tagged(q).into_iter().map(|i| lib.stories()[i].title().to_string()).collect()
    };
    assert_eq!(titles("Ruto"), ["Gamma", "Alpha", "Beta"]);
    assert_eq!(titles("haiti"), ["Gamma", "Alpha"]);
    assert_eq!(titles("president ruto"), ["Beta"]);
    assert!(titles("Nairobi").is_empty());
    let exact: Vec<&str> =
        lib.stories_with_tag("ruto").into_iter().map(|i| lib.stories()[i].title()).collect();
    assert_eq!(exact, ["Gamma"]);
}

#[test]
fn tags_counted_most_used_first() {
    let lib = library();
    let counts: Vec<(String, usize)> = lib.tags().iter().map(|t| (t.name.clone(), t.stories.len())).collect();
    assert_eq!(counts[0], ("Haiti".to_string(), 2));
    assert_eq!(counts.len(), 6);
}

#[test]
fn finishing_in_slices_segments_exactly_as_finishing_at_once() {
    let text =
        |title: &str, tags: &str| format!("{title}\n\nPresident Ruto spoke in Nairobi.\n\nTags: {tags}\n");
    let files = [
        text("A", "President Ruto, Kenya"),
        text("B", "Haiti President Ruto Kenya"),
        text("C", "Kenya Haiti Nairobi County"),
        text("D", "Nairobi County, Haiti"),
        text("E", "President Ruto Nairobi County Kenya"),
    ];
    let drafts = || -> Vec<Draft> {
        files.iter().flat_map(|f| parse::parse_file("x.txt", f.as_bytes(), None).unwrap().drafts).collect()
    };
    let at_once = Library::from_drafts(drafts());
    let mut sliced = Library::default();
    sliced.extend(drafts());
    let mut steps = 0;
    while !sliced.segment_some_tag_lines(1) {
        steps += 1;
    }
    assert_eq!(steps, 2, "three space-joined lines, one a slice");
    let tags = |l: &Library| l.in_order().map(|s| s.tags.clone()).collect::<Vec<_>>();
    assert_eq!(tags(&sliced), tags(&at_once));
    assert_eq!(tags(&at_once)[1], ["Haiti", "President Ruto", "Kenya"]);
    assert!(sliced.is_finished());
}

#[test]
fn after_retiring_tag_lines_are_segmented_with_the_tags_still_written() {
    let text = |title: &str, tags: &str| format!("{title}\n\nThe market opened early.\n\nTags: {tags}\n");
    let drafts = |files: &[&str]| -> Vec<Draft> {
        files.iter().flat_map(|f| parse::parse_file("x.txt", f.as_bytes(), None).unwrap().drafts).collect()
    };
    let (a, b) = (text("A", "Lake Victoria, Fishing Boats"), text("B", "Lake Victoria Fishing Boats"));
    // File A is edited: the tags it wrote with separators are gone, and
    // the ones it writes now were written already (by C). B's line, split
    // with A's old tags, does not make them written.
    let (a_now, c) = (text("A", "Weather, Roads"), text("C", "Weather, Roads"));
    let mut library = Library::from_drafts(drafts(&[&a, &b, &c]));
    let of_b = |l: &Library| l.stories().iter().rfind(|s| s.title() == "B").unwrap().tags.clone();
    assert_eq!(of_b(&library), ["Lake Victoria", "Fishing Boats"]);
    let written = library.written_tags_fingerprint();
    library.retire(std::slice::from_ref(&(0..1)));
    library.extend(drafts(&[&a_now]));
    library.segment_after_retiring(written);
    library.order_new_stories();
    let fresh = Library::from_drafts(drafts(&[&b, &c, &a_now]));
    assert_ne!(of_b(&fresh), ["Lake Victoria", "Fishing Boats"], "A's tags no longer split B's line");
    assert_eq!(of_b(&library), of_b(&fresh));
    let counts = |l: &Library| l.tags().iter().map(|t| (t.name.clone(), t.stories.len())).collect::<Vec<_>>();
    assert_eq!(counts(&library), counts(&fresh));
}

#[test]
fn cached_segmentations_that_hold_take_no_slice_and_stale_ones_are_redone() {
    let text =
        |title: &str| format!("{title}\n\nPresident Ruto spoke in Nairobi.\n\nTags: President Ruto Kenya\n");
    let parsed = |title: &str| parse::parse_file("x.txt", text(title).as_bytes(), None).unwrap().drafts;
    // As a cache gives them back: the line, and the tags it gave, made
    // with the written tags of fingerprint `written`.
    let cached = |title: &str, written: u64| {
        let mut draft = parsed(title).remove(0);
        draft.story.tags = vec!["Cached".into()];
        draft.cached_tags = Some(written);
        draft
    };
    let holds = Library::default().written_tags_fingerprint();
    let mut library = Library::default();
    library.extend((0..5).map(|n| cached(&format!("Held {n}"), holds)).collect());
    library.extend(vec![cached("Stale", holds ^ 1)]);
    library.extend(parsed("Parsed"));
    let mut steps = 0;
    while !library.segment_some_tag_lines(1) {
        steps += 1;
    }
    assert_eq!(steps, 1, "two lines to segment, one a slice; the five held ones in the first");
    let tags = |title: &str| library.stories().iter().find(|s| s.title() == title).unwrap().tags.clone();
    assert_eq!(tags("Held 3"), ["Cached"]);
    assert_eq!(tags("Stale"), tags("Parsed"));
    assert_ne!(tags("Stale"), ["Cached"]);
}

#[test]
fn tags_differing_only_in_case_are_one_tag() {
    let lib = Library::from_stories(vec![story("A", &["haiti"], None), story("B", &["Haiti"], None)]);
    assert_eq!(lib.tags().len(), 1);
    assert_eq!(lib.tags()[0].stories.len(), 2);
}

#[test]
fn every_sort_order_is_total_and_keeps_reading_order_among_equals() {
    let story = |title: &str, site: &str, published: Option<&str>| {
        let mut story = Story::new("f.txt", Format::Text, title.into(), vec![format!("{title}.")]);
        story.site = Some(site.into());
        story.published = published.map(String::from);
        parse::Draft::from_story(story)
    };
    let lib = Library::from_drafts(vec![
        story("banana", "Coast Wire", Some("2026-11-02T00:00:00Z")),
        story("Apple", "lakeside", Some("2026-11-03T00:00:00Z")),
        story("cherry", "Coast Wire", None),
        story("date", "Lakeside", Some("2026-11-01T00:00:00Z")),
        story("elder", "lakeside", Some("2026-10-01T00:00:00Z")),
        story("fig", "Lakeside", Some("2026-11-05T00:00:00Z")),
    ]);
    let titles = |order| lib.order_by(order).iter().map(|&i| lib.stories()[i].title()).collect::<Vec<_>>();
    assert_eq!(titles(SortOrder::Newest), ["fig", "Apple", "banana", "date", "elder", "cherry"]);
    assert_eq!(
        titles(SortOrder::Oldest),
        ["elder", "date", "banana", "Apple", "fig", "cherry"],
        "undated last"
    );
    assert_eq!(
        titles(SortOrder::Source),
        ["banana", "cherry", "fig", "Apple", "date", "elder"],
        "names differing in case are one source, newest first within it"
    );
    assert_eq!(
        titles(SortOrder::Title),
        ["Apple", "banana", "cherry", "date", "elder", "fig"],
        "ignoring case"
    );
    let mut set = crate::bitset::BitSet::new(lib.len());
    set.insert(0);
    set.insert(3);
    assert_eq!(lib.ordered_by(&set, SortOrder::Oldest).len(), 2);
    assert_eq!(SortOrder::Title.next(), SortOrder::Newest, "S wraps around");
}

#[test]
fn sources_are_counted_ignoring_case_and_filter_the_list() {
    let story = |title: &str, site: &str| {
        let mut story = Story::new("f.txt", Format::Text, title.into(), vec![format!("{title}.")]);
        story.site = Some(site.into());
        parse::Draft::from_story(story)
    };
    let lib = Library::from_drafts(vec![
        story("a", "Coast Wire"),
        story("b", "Lakeside"),
        story("c", "coast wire"),
        story("d", "Lakeside"),
        story("e", "Lakeside"),
    ]);
    let counts: Vec<(&str, usize)> =
        lib.sources().iter().map(|s| (s.name.as_str(), s.stories.len())).collect();
    assert_eq!(counts, [("Lakeside", 3), ("Coast Wire", 2)]);
    let filter = crate::Filter { sources: vec!["COAST WIRE".into()], ..crate::Filter::default() };
    let shown: Vec<&str> = filter.apply(&lib).iter().map(|&i| lib.stories()[i].title()).collect();
    assert_eq!(shown.len(), 2);
    assert!(shown.contains(&"a") && shown.contains(&"c"), "{shown:?}");
}

#[test]
fn retired_stories_leave_every_filter_count_tag_and_the_people_pane() {
    let mut quoted = Story::new(
        "a.txt",
        Format::Text,
        "Pier".into(),
        vec!["\u{201c}The pier is closed,\u{201d} said harbourmaster Ines Duarte.".to_string()],
    );
    quoted.tags = vec!["Harbour".into(), "Piers".into(), "Closures".into()];
    let mut library = Library::from_stories(vec![
        quoted,
        story("Other", &["Harbour", "Closures"], None),
        story("Third", &["Closures"], None),
        story("Fourth", &["Piers"], None),
    ]);
    library.find_people();
    let names = |library: &Library| library.tags().iter().map(|t| t.name.clone()).collect::<Vec<_>>();
    assert_eq!(names(&library), ["Closures", "Harbour", "Piers"]);
    library.retire(&[0..1, 3..4]);
    library.order_new_stories();
    assert!(library.is_retired(0) && !library.is_retired(1) && library.is_retired(3));
    assert_eq!((library.live_len(), library.unread()), (2, 2));
    assert_eq!(library.search(&[]).count(), 2);
    assert_eq!(library.search(&["pier".to_string()]).count(), 0);
    assert_eq!(library.stories_with_tag("Harbour"), [1]);
    // A tag only the retired story had is gone; the rest keep their order
    // by what is left, and are found by name.
    assert_eq!(names(&library), ["Closures", "Harbour"]);
    assert_eq!(library.tags()[0].stories, [1, 2]);
    assert_eq!(library.tags_matching("harbour"), [1]);
    assert!(library.people().stories_of("Ines Duarte", crate::model::NameKind::Person, true).is_empty());
    assert!(library.people_complete(), "a retired story is not looked at again");
}
