use super::features::{minhash, normal_link, similarity, word_hashes};
use super::*;
use crate::model::{Format, Paragraphs, fast_hash};
use crate::name_match::name_words;

fn story(title: &str, date: &str, paragraphs: &[&str]) -> Story {
    let mut s =
        Story::new("t.txt", Format::Text, title.into(), paragraphs.iter().copied().collect::<Paragraphs>());
    s.published = Some(date.into());
    s
}

#[test]
fn links_compare_without_scheme_www_query_or_trailing_slash() {
    assert_eq!(normal_link("https://www.News.example/a/b/?utm_source=x#top"), "news.example/a/b");
    assert_eq!(normal_link("http://news.example/a/b"), "news.example/a/b");
}

#[test]
fn similarity_estimates_shared_words() {
    let words = |n: std::ops::Range<u64>| n.map(|w| fast_hash(&w.to_le_bytes())).collect::<Vec<_>>();
    let same = similarity(&minhash(&words(0..40)), &minhash(&words(0..40)));
    let half = similarity(&minhash(&words(0..40)), &minhash(&words(20..60)));
    let none = similarity(&minhash(&words(0..40)), &minhash(&words(100..140)));
    assert!((same - 1.0).abs() < f32::EPSILON);
    assert!((0.15..0.55).contains(&half), "{half}");
    assert!(none < 0.1, "{none}");
    assert_eq!(similarity(&minhash(&[]), &minhash(&[])), 0.0, "two empty texts are not alike");
}

#[test]
fn a_shared_quote_joins_two_stories_and_a_week_apart_does_not() {
    let quote = "“The road is closed until the engineers have checked every pillar,” said Abdi Hassan.";
    let stories = [
        story("Bridge shut", "2026-11-18T07:00:00+03:00", &["The river rose overnight.", quote]),
        story("Engineers called in", "2026-11-18T12:00:00+03:00", &["Inspectors came.", quote]),
        story("Bridge shut again", "2026-11-26T07:00:00+03:00", &["Another flood.", quote]),
    ];
    let clusters = cluster(&stories);
    assert_eq!(clusters.groups.len(), 1);
    assert_eq!(clusters.groups[0].members, [0, 1], "the lead is the earliest");
    assert!(
        matches!(&clusters.groups[0].evidence[0], Evidence::Quote(text) if text.contains("every pillar"))
    );
    assert_eq!(clusters.id_of(0), clusters.id_of(1));
    assert_ne!(clusters.id_of(0), clusters.id_of(2));
    assert_eq!(clusters.id_of(2), Some(stories[2].id()), "alone, a story's cluster is its own id");
    assert!(clusters.of(2).is_none());
}

#[test]
fn a_person_in_every_story_joins_nothing_alone() {
    let speeches = [
        (
            "Korir opens new road in Meru",
            "President Daniel Korir opened a tarmac road linking Meru to Isiolo.",
        ),
        ("Schools get laptops", "Teachers in Kitui received laptops from President Daniel Korir on a tour."),
        ("Water project launched", "A dam in Makueni will serve farmers, President Daniel Korir announced."),
        ("Power line completed", "President Daniel Korir switched on a power line to Wajir villages."),
        ("Farm inputs subsidy", "Fertiliser prices will fall in Nakuru, President Daniel Korir promised."),
        ("Port upgrade", "Cranes for Lamu port were inspected by President Daniel Korir."),
    ];
    let stories: Vec<Story> =
        speeches.iter().map(|(title, text)| story(title, "2026-08-11T10:00:00+03:00", &[text])).collect();
    let clusters = cluster(&stories);
    assert!(clusters.groups.is_empty(), "{:?}", clusters.groups);
}

#[test]
fn words_are_read_as_names_are() {
    for text in ["Nyong’o said: “It's DONE.” Élodie-Marie (45) a’b ''", "", "  ...  "] {
        let expected: Vec<u64> = name_words(text).iter().map(|w| fast_hash(w.as_bytes())).collect();
        assert_eq!(word_hashes(text), expected, "{text}");
    }
}

#[test]
fn a_shared_dateline_and_a_company_name_join_nothing() {
    let stories = [
        story(
            "Harbor Systems opens a service centre in Accra",
            "2026-05-04T09:00:00+00:00",
            &[
                "ZUG, SWITZERLAND - Harbor Systems today opened a service centre in Accra for its port cranes and hired forty engineers.",
            ],
        ),
        story(
            "Harbor Systems signs a crane contract with a Durban terminal",
            "2026-05-05T09:00:00+00:00",
            &[
                "ZUG, SWITZERLAND - Harbor Systems today signed a five-year contract to supply and maintain cranes at a Durban container terminal.",
            ],
        ),
    ];
    let clusters = cluster(&stories);
    assert!(clusters.groups.is_empty(), "{:?}", clusters.groups);
}

#[test]
fn close_pairs_never_chain_into_a_long_group_and_the_result_is_the_same_every_run() {
    let first = "“We will rebuild the jetty before the long rains arrive,” said Amina Shee.";
    let second = "“The new jetty will have room for forty boats and a cold store,” said Amina Shee.";
    let stories = [
        story("Jetty to be rebuilt", "2026-03-01T09:00:00+03:00", &["Storm damage.", first]),
        story("Jetty plans", "2026-03-04T09:00:00+03:00", &["Plans shown.", first, second]),
        story("Jetty contract", "2026-03-07T09:00:00+03:00", &["Contract signed.", second]),
    ];
    let clusters = cluster(&stories);
    assert_eq!(clusters.groups.len(), 1, "{:?}", clusters.groups);
    let members = &clusters.groups[0].members;
    assert_eq!(members.len(), 2, "three stories over six days are not one group: {members:?}");
    for _ in 0..5 {
        assert_eq!(&cluster(&stories).groups[0].members, members);
    }
}

#[test]
fn copies_by_link_or_by_text_are_found_and_other_members_are_not_copies() {
    let body = ["A fire closed the Gikomba market before dawn, traders said.", "Firefighters came at six."];
    let mut from_one_feed = story("Market fire", "2026-11-18T07:00:00+03:00", &body);
    from_one_feed.url = Some("https://www.news.example/fire?utm_source=feed".into());
    let mut from_another = story("Fire at Gikomba", "2026-11-18T08:00:00+03:00", &["Traders lost stock."]);
    from_another.url = Some("http://news.example/fire/".into());
    let same_text = story("Market fire", "2026-11-18T07:30:00+03:00", &body);
    let other = story("Rains delay harvest", "2026-11-18T07:00:00+03:00", &["Farmers in Nakuru wait."]);
    let stories = [from_one_feed, from_another, same_text, other];
    let clusters = cluster(&stories);
    assert_eq!(clusters.copies_of(0), [1, 2], "the same link, and the same text");
    assert_eq!(clusters.copies_of(1), [0, 2]);
    assert!(clusters.copies_of(3).is_empty());
    assert_eq!(clusters.group_of(0), clusters.group_of(2));
    assert_eq!(clusters.group_of(3), None);
    assert!(clusters.groups[0].evidence.contains(&Evidence::Copy));
}

#[test]
fn a_common_word_or_a_shared_tag_joins_nothing() {
    // Sixty stories on one day, all about the drought and all tagged
    // Drought, each about a different county and its own people: one
    // topic, sixty events.
    let counties = [
        "Turkana", "Marsabit", "Wajir", "Mandera", "Garissa", "Isiolo", "Samburu", "Baringo", "Kitui",
        "Makueni",
    ];
    let trades = ["herders", "farmers", "traders", "teachers", "nurses", "fishermen"];
    let mut stories = Vec::new();
    for (i, county) in counties.iter().enumerate() {
        for (j, trade) in trades.iter().enumerate() {
            let mut s = story(
                &format!("Drought hits {trade} in {county}"),
                "2026-08-11T10:00:00+03:00",
                &[&format!(
                    "The drought left {trade} in {county} without water, officer number {} said of ward {}.",
                    i * 10 + j,
                    j * 7 + i
                )],
            );
            s.tags = vec!["Drought".into(), "Kenya".into()];
            stories.push(s);
        }
    }
    let clusters = cluster(&stories);
    assert!(
        clusters.groups.is_empty(),
        "{:?}",
        clusters.groups.iter().map(|c| &c.evidence).collect::<Vec<_>>()
    );
}

#[test]
fn an_eight_word_run_gives_the_same_span_wherever_it_stands() {
    use super::features::quote_spans;
    let run = "the road is closed until every pillar is checked";
    let a = quote_spans(&format!("Officials said {run} today"));
    let b = quote_spans(&format!("{run}, and the ferry will run"));
    assert_eq!(a.len(), 12 - 7, "one span a word from the eighth");
    let shared: Vec<&u64> = a.iter().filter(|h| b.contains(h)).collect();
    // The nine-word run holds two eight-word spans.
    assert_eq!(shared.len(), 2, "{a:?} / {b:?}");
    assert!(quote_spans("too short to span").is_empty());
}
