use super::*;
use crate::model::Format;

fn story(title: &str, paragraphs: &[&str]) -> Story {
    Story::new(
        "test.txt",
        Format::Text,
        title.to_string(),
        paragraphs.iter().copied().collect::<crate::model::Paragraphs>(),
    )
}

fn index(stories: &[Story]) -> People {
    let pairs: Vec<(usize, &Story)> = stories.iter().enumerate().collect();
    People::of(&pairs)
}

fn row<'a>(rows: &'a [Person], name: &str) -> &'a Person {
    rows.iter().find(|r| &*r.name == name).unwrap_or_else(|| panic!("no {name} in {rows:?}"))
}

#[test]
fn a_story_names_its_people_with_their_quotes() {
    let s = story(
        "Talks on the harbour",
        &[
            "Secretary of State Marco Rubio met port officials on Tuesday.",
            "“We will keep the berths open,” Rubio said.",
            "The Kenya Ports Authority said repairs would take a week.",
            "“Nobody loses a job,” Rubio added.",
        ],
    );
    let rubio = s.people().iter().find(|n| n.name == "Marco Rubio").expect("Marco Rubio named");
    assert_eq!(rubio.kind, NameKind::Person);
    assert_eq!(rubio.quotes.len(), 2);
    assert!(rubio.mentions >= 1);
    assert!(s.people().iter().any(|n| n.name == "Kenya Ports Authority" && n.kind == NameKind::Organisation));
    // Every quote of his is his.
    assert!(rubio.quotes.iter().all(|&q| s.quotes()[q].speaker.as_deref() == Some("Marco Rubio")));
}

#[test]
fn name_variants_across_stories_are_one_person() {
    let stories = [
        story(
            "Envoy visits",
            &["Secretary of State Marco Rubio arrived on Monday.", "“We are here to listen,” Rubio said."],
        ),
        story("Second day", &["“The talks went well,” Rubio told reporters on Tuesday."]),
        story("Later", &["Marco Rubio left for Nairobi.", "“It was a good week,” Marco Rubio said."]),
    ];
    let rows = index(&stories).rows(None, true);
    assert_eq!(rows.len(), 1, "{rows:?}");
    assert_eq!(&*rows[0].name, "Marco Rubio");
    assert_eq!((rows[0].stories, rows[0].quotes), (3, 3));
}

#[test]
fn people_who_share_a_surname_are_not_merged() {
    let stories = [
        story("One", &["“The bridge is safe,” engineer John Smith said."]),
        story("Two", &["“The school reopens,” headteacher Jane Smith said."]),
        story("Three", &["“Rain is coming,” Smith said."]),
    ];
    let rows = index(&stories).rows(None, true);
    let names: Vec<&str> = rows.iter().map(|r| &*r.name).collect();
    assert_eq!(names.len(), 3, "{rows:?}");
    for name in ["John Smith", "Jane Smith", "Smith"] {
        assert_eq!(row(&rows, name).quotes, 1);
    }
}

#[test]
fn counts_cover_only_the_stories_shown_and_speakers_only_the_quoted() {
    let stories = [
        story("One", &["“Fish are back,” said Amina Shee, a trader.", "Amina Shee sells at the jetty."]),
        story("Two", &["Amina Shee was not at the meeting, the Coast Guard said."]),
        story("Three", &["“Prices fell,” Amina Shee said."]),
    ];
    let people = index(&stories);
    let all = people.rows(None, false);
    assert_eq!(row(&all, "Amina Shee").stories, 3);
    let speakers = people.rows(None, true);
    assert_eq!((row(&speakers, "Amina Shee").stories, row(&speakers, "Amina Shee").quotes), (2, 2));
    assert!(speakers.iter().all(|r| r.quotes > 0));
    let mut shown = BitSet::new(3);
    shown.insert(1);
    shown.insert(2);
    let narrowed = people.rows(Some(&shown), true);
    assert_eq!((row(&narrowed, "Amina Shee").stories, row(&narrowed, "Amina Shee").quotes), (1, 1));
    assert_eq!(people.stories_of("amina shee", NameKind::Person, true), [0, 2]);
    assert_eq!(people.stories_of("Amina Shee", NameKind::Person, false), [0, 1, 2]);
}

#[test]
fn a_story_added_twice_counts_once() {
    let s = story("One", &["“Fish are back,” said Amina Shee, a trader."]);
    let mut people = People::default();
    people.add(7, s.people());
    people.add(7, s.people());
    assert_eq!(people.covered(), 1);
    assert!(people.has(7) && !people.has(6));
    assert_eq!(people.rows(None, true)[0].quotes, 1);
}

#[test]
fn things_that_are_not_names_are_not_offered_as_people() {
    let s = story(
        "Port reopens",
        &[
            "MOMBASA, KENYA - Critics said the plan came late. The Kenyan police closed the road, and the CEO spoke on TV.",
            "The Kenya Ports Authority thanked Amina Shee, a trader at the jetty.",
        ],
    );
    let names: Vec<&str> = s.people().iter().map(|n| n.name.as_str()).collect();
    assert!(names.contains(&"Kenya Ports Authority") && names.contains(&"Amina Shee"), "{names:?}");
    for not_a_name in ["Critics", "Kenyan police", "CEO", "TV", "MOMBASA"] {
        assert!(!names.contains(&not_a_name), "{not_a_name} in {names:?}");
    }
}

#[test]
fn rows_are_the_same_whichever_order_the_stories_were_found_in() {
    let stories = [
        story("One", &["“Fish are back,” said Amina Shee, a trader."]),
        story("Two", &["“Prices fell,” said Brian Otieno, a fisherman."]),
        story("Three", &["“Rain is coming,” said Grace Akinyi, a farmer."]),
    ];
    let mut forward = People::default();
    let mut backward = People::default();
    for (i, s) in stories.iter().enumerate() {
        forward.add(i, s.people());
    }
    for (i, s) in stories.iter().enumerate().rev() {
        backward.add(i, s.people());
    }
    let names = |p: &People| p.rows(None, true).iter().map(|r| r.name.to_string()).collect::<Vec<_>>();
    assert_eq!(names(&forward), ["Amina Shee", "Brian Otieno", "Grace Akinyi"], "ties: first story first");
    assert_eq!(names(&backward), names(&forward));
}

#[test]
fn a_story_forgotten_leaves_the_counts_and_can_be_added_again_with_other_people() {
    let first = story("One", &["“Fish are back,” said Amina Shee, a trader."]);
    let other = story("Two", &["“The nets held,” said Amina Shee."]);
    let mut people = People::default();
    people.add(0, first.people());
    people.add(1, other.people());
    people.forget(&BitSet::of(2, [0]));
    assert_eq!(people.covered(), 1);
    assert!(!people.has(0));
    assert_eq!(people.stories_of("amina shee", NameKind::Person, true), [1]);
    let rewritten = story("One", &["“The pier is closed,” said harbourmaster Ines Duarte."]);
    people.add(0, rewritten.people());
    assert_eq!(people.covered(), 2);
    assert_eq!(people.stories_of("ines duarte", NameKind::Person, true), [0]);
    assert_eq!(people.stories_of("amina shee", NameKind::Person, true), [1]);
}
