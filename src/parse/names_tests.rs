//! Unit tests for name recognition.

use super::*;

fn texts(text: &str) -> Vec<&str> {
    words(text).into_iter().map(|w| w.text).collect()
}

fn learned(text: &str) -> People {
    let mut people = People::default();
    people.learn(text);
    people
}

fn mentioned(text: &str, people: &People) -> Vec<String> {
    person_mentions(text, people).into_iter().map(|(_, n)| n).collect()
}

#[test]
fn words_strip_punctuation_and_possessives() {
    assert_eq!(
        texts("Following Trump's victory, (he) said."),
        ["Following", "Trump", "victory", "he", "said"]
    );
    let w = words("Kenya's forces");
    assert!(w[0].possessive && w[0].stops);
}

#[test]
fn abbreviations_keep_their_dot() {
    assert_eq!(texts("said Lt. Col. Amara Diallo."), ["said", "Lt.", "Col.", "Amara", "Diallo"]);
    assert!(words("Diallo.")[0].stops);
}

#[test]
fn titles_are_stripped_from_names() {
    let name = |run: &[&str]| strip_titles(run).map(|(n, _)| n);
    assert_eq!(name(&["Kenyan", "President", "William", "Ruto"]).as_deref(), Some("William Ruto"));
    assert_eq!(name(&["Interior", "CS", "Kipchumba", "Murkomen"]).as_deref(), Some("Kipchumba Murkomen"));
    assert_eq!(name(&["Lt.", "Col.", "Amara", "Diallo"]).as_deref(), Some("Amara Diallo"));
    assert_eq!(name(&["Translator", "Yuki", "Tanaka"]).as_deref(), Some("Yuki Tanaka"));
    assert_eq!(name(&["The", "President"]), None);
    assert_eq!(name(&["US"]), None);
}

#[test]
fn people_are_found_by_title_role_and_shape() {
    let text =
        "US Secretary of State nominee Marco Rubio has hinted that US President-elect Donald Trump will act.";
    assert_eq!(mentioned(text, &People::default()), ["Marco Rubio", "Donald Trump"]);
}

#[test]
fn institutions_and_sentence_openers_are_not_people() {
    let text = "Speaking during the Senate Foreign Relations Committee, Rubio commended the United States government.";
    assert!(mentioned(text, &People::default()).is_empty());
    let people = learned("nominee Marco Rubio");
    assert_eq!(mentioned(text, &people), ["Marco Rubio"]);
}

#[test]
fn non_ascii_names_are_names() {
    let text = "Health director Séverine Nyong'o opened the clinic.";
    assert_eq!(mentioned(text, &People::default()), ["Séverine Nyong'o"]);
}

#[test]
fn a_bare_title_refers_to_the_person_it_introduced() {
    let people = learned("President William Ruto spoke first. Senator Mary Njoki replied.");
    assert_eq!(mentioned("The President rejected the claim.", &people), ["William Ruto"]);
}

#[test]
fn name_shaped_runs_give_the_fullest_form_only() {
    let people = learned("The director general, Lucy Wambui, said so.");
    assert!(people.full.is_empty());
    assert_eq!(people.fullest("Wambui").as_deref(), Some("Lucy Wambui"));
}

#[test]
fn fullest_name_prefers_the_longest_form() {
    let known = vec!["Marco Rubio".to_string(), "William Samoei Ruto".to_string()];
    assert_eq!(fullest_name("Rubio", &known).as_deref(), Some("Marco Rubio"));
    assert_eq!(fullest_name("William Ruto", &known).as_deref(), Some("William Samoei Ruto"));
    assert_eq!(fullest_name("Biden", &known), None);
    let mut k = vec!["Ruto".to_string()];
    remember(&mut k, "William Ruto");
    assert_eq!(k, ["William Ruto"]);
    remember(&mut k, "Ruto");
    assert_eq!(k, ["William Ruto"]);
}
