//! `byline people` as a script would use it: who the stories name, their
//! kind, and the stories and quotes counted, narrowed like `list`.

#![allow(clippy::unwrap_used)]

mod common;

const DIR: &str = "tests/fixtures/people";

/// The rows `byline people ARGS` prints: name, kind, stories, quotes.
fn people(args: &[&str]) -> Vec<(String, String, usize, usize)> {
    let home = tempfile::tempdir().unwrap();
    let out = common::byline_in(home.path(), &[&["people"], args].concat());
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|line| {
            // `Name Words  kind  N stories  M quotes`: the name may have spaces.
            let cells: Vec<&str> = line.split("  ").map(str::trim).filter(|c| !c.is_empty()).collect();
            let number = |cell: &str| cell.split_whitespace().next().unwrap().parse::<usize>().unwrap();
            (cells[0].to_string(), cells[1].to_string(), number(cells[2]), number(cells[3]))
        })
        .collect()
}

fn row(name: &str, kind: &str, stories: usize, quotes: usize) -> (String, String, usize, usize) {
    (name.to_string(), kind.to_string(), stories, quotes)
}

#[test]
fn quoted_people_come_most_quoted_first_with_name_variants_as_one() {
    let rows = people(&["--quoted", DIR]);
    // `Secretary of State Marco Rubio` and a later story's bare `Rubio`.
    assert_eq!(rows[0], row("Marco Rubio", "person", 2, 2));
    // Two Smiths in different stories stay two people.
    assert!(rows.contains(&row("Jane Smith", "person", 1, 1)), "{rows:?}");
    assert!(rows.contains(&row("John Smith", "person", 1, 1)), "{rows:?}");
    assert_eq!(rows.len(), 3, "only the quoted: {rows:?}");
}

#[test]
fn without_quoted_organisations_and_the_unquoted_are_listed_too() {
    let rows = people(&[DIR]);
    assert!(rows.contains(&row("Haitian National Police", "organisation", 1, 0)), "{rows:?}");
    assert!(rows.contains(&row("Ministry of Education", "organisation", 1, 0)), "{rows:?}");
    assert!(rows.iter().all(|r| r.1 == "person" || r.1 == "organisation"));
}

#[test]
fn tags_and_sources_narrow_the_stories_counted() {
    let rows = people(&["--quoted", "--tag", "roads", DIR]);
    assert_eq!(rows, [row("John Smith", "person", 1, 1), row("Marco Rubio", "person", 1, 1)]);
    let rows = people(&["--quoted", "--tag", "haiti", "--tag", "diplomacy", DIR]);
    assert_eq!(rows, [row("Marco Rubio", "person", 1, 1)]);
    assert!(people(&["--source", "no-such-source", DIR]).is_empty());
}
