//! Unit tests for quote finding and attribution: one rule of FORMAT.md each.

use super::*;

pub(crate) fn quotes(paragraphs: &[&str]) -> Vec<Quote> {
    find_quotes(&paragraphs.iter().collect(), &[])
}

pub(crate) fn speakers(paragraphs: &[&str]) -> Vec<Option<String>> {
    quotes(paragraphs).into_iter().map(|q| q.speaker).collect()
}

pub(crate) fn some(name: &str) -> Option<String> {
    Some(name.to_string())
}

#[test]
fn pronoun_after_quote_resolves_to_last_named_person() {
    let q = quotes(&[
        "Trade envoy Halima Osei met Kenyan President William Ruto. Osei praised the plan.",
        "\"We are ready to help,\" she said.",
    ]);
    assert_eq!(q.len(), 1);
    assert_eq!(q[0].speaker, some("Halima Osei"));
    assert_eq!(q[0].text, "We are ready to help,");
}

#[test]
fn verb_then_name_after_quote() {
    assert_eq!(speakers(&["\"The market is quiet,\" said Achieng."]), [some("Achieng")]);
}

#[test]
fn titles_are_stripped_from_the_speaker() {
    assert_eq!(speakers(&["\"Who pays for this?\" asked Senator Mary Njoki."]), [some("Mary Njoki")]);
    assert_eq!(
        speakers(&["\"Hold the line,\" said Lt. Col. Amara Diallo, the contingent's commander."]),
        [some("Amara Diallo")]
    );
}

#[test]
fn name_then_verb_after_quote() {
    assert_eq!(speakers(&["\"The roads are open,\" Otieno told reporters."]), [some("Otieno")]);
    assert_eq!(speakers(&["\"And the schools too,\" Otieno added."]), [some("Otieno")]);
}

#[test]
fn according_to_names_the_speaker() {
    assert_eq!(
        speakers(&["\"Prices will fall by March,\" according to economist Wanjiru Kamau."]),
        [some("Wanjiru Kamau")]
    );
}

#[test]
fn attribution_before_the_quote() {
    let q = quotes(&[
        "Interior Minister Joseph Ochieng visited the border post on Friday.",
        "The minister said: \"Nobody crosses without papers.\"",
    ]);
    assert_eq!(q[0].speaker, some("Joseph Ochieng"));
    assert_eq!(speakers(&["Njoki told the Senate: \"We will not vote for it.\""]), [some("Njoki")]);
}

#[test]
fn split_quote_gives_both_parts_one_speaker() {
    let q = quotes(&["\"We are ready,\" Diallo said, \"and we leave on Monday.\""]);
    assert_eq!(q.len(), 2);
    assert!(q.iter().all(|q| q.speaker.as_deref() == Some("Diallo")));
    assert_eq!(q[1].text, "and we leave on Monday.");
}

#[test]
fn fullest_name_is_used() {
    let q =
        quotes(&["Foreign minister Marco Reyes arrived on Tuesday.", "\"It is a good day,\" Reyes said."]);
    assert_eq!(q[0].speaker, some("Marco Reyes"));
}

#[test]
fn bare_quote_paragraph_continues_previous_speaker() {
    let q = quotes(&[
        "\"The first shipment is here,\" said Mayor Ines Baptiste.",
        "\"The second comes next week.\"",
    ]);
    assert_eq!(q.len(), 2);
    assert_eq!(q[1].speaker, some("Ines Baptiste"));
}

#[test]
fn multi_paragraph_quote_is_one_quote() {
    let q = quotes(&[
        "Coach Peter Kamau spoke after training. \"We trained hard all month.",
        "\"Now the boys must finish the job,\" he said.",
    ]);
    assert_eq!(q.len(), 1);
    let q = &q[0];
    assert_eq!(q.text, "We trained hard all month. Now the boys must finish the job,");
    assert_eq!((q.paragraph, q.end_paragraph), (0, 1));
    assert_eq!(q.speaker, some("Peter Kamau"));
    assert_eq!(q.start, "Coach Peter Kamau spoke after training. ".chars().count());
    assert_eq!(q.end, "\"Now the boys must finish the job,\"".chars().count());
}

#[test]
fn nested_single_quotes_belong_to_the_quote() {
    let q = quotes(&["\"Every partner must pay its 'fair share' now,\" said Njoki."]);
    assert_eq!(q[0].text, "Every partner must pay its 'fair share' now,");
}

#[test]
fn scare_quotes_are_not_quotes() {
    assert!(quotes(&["Critics mocked the so-called \"bottom-up\" agenda in the budget."]).is_empty());
    assert!(quotes(&["The motion, titled \"Peace For The Coast\", passed."]).is_empty());
}

#[test]
fn short_quote_with_attribution_is_kept() {
    assert_eq!(speakers(&["\"No,\" said Achieng."]), [some("Achieng")]);
}

#[test]
fn curly_guillemet_and_low_quotes() {
    assert_eq!(speakers(&["“It rains every day,” said Wafula."]), [some("Wafula")]);
    assert_eq!(speakers(&["«Nous sommes prêts», said Séverine Joseph."]), [some("Séverine Joseph")]);
    assert_eq!(speakers(&["„Wir helfen gern“, said Jonas Weber."]), [some("Jonas Weber")]);
}

#[test]
fn offsets_count_characters_not_bytes() {
    let q = quotes(&["Émile: “Ça va bien,” said Émile Durand."]);
    assert_eq!(q[0].start, 7);
    assert_eq!(q[0].end, 7 + "“Ça va bien,”".chars().count());
}

#[test]
fn unclosed_quote_runs_to_paragraph_end() {
    let q = quotes(&["Diallo said: \"We will stay until the work is done"]);
    assert_eq!(q.len(), 1);
    assert_eq!(q[0].end, "Diallo said: \"We will stay until the work is done".chars().count());
    assert_eq!(q[0].speaker, some("Diallo"));
}

#[test]
fn names_inside_quotes_do_not_become_speakers() {
    let q = quotes(&[
        "Governor Amina Mohamed opened the road.",
        "\"I thank Peter Odhiambo for his work,\" she said.",
    ]);
    assert_eq!(q[0].speaker, some("Amina Mohamed"));
}

#[test]
fn quote_without_any_person_has_no_speaker() {
    let q = quotes(&["A sign on the gate read: \"Closed until further notice for repairs.\""]);
    assert_eq!(q.len(), 1);
    assert_eq!(q[0].speaker, None);
}

#[test]
fn split_quote_with_a_described_speaker_keeps_both_parts() {
    let q = quotes(&["\"We sell again,\" trader Ginette Lamour said, \"but rice costs twice as much.\""]);
    assert_eq!(q.len(), 2);
    assert!(q.iter().all(|q| q.speaker.as_deref() == Some("Ginette Lamour")));
}
