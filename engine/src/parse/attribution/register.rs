//! The people and organisations a story names: each with the fullest form
//! of its name (titles stripped), the person each title introduced, its
//! gender where the text reveals it, and for organisations their acronyms.
//! Built from capitalised runs of narration, never from inside quotes.

use std::collections::HashMap;

use super::super::lexicon::{DOCUMENT_NOUNS, ORG_NOUNS, ORG_WORDS};
use super::super::names::{is_role_word, is_title};
use super::runs::{Gender, Named, Run, first_name_gender, is_acronym, read_words, runs, word_gender};
use super::tokens::Token;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Person,
    Org,
}

/// One person or organisation of the story.
#[derive(Debug, Clone)]
pub struct Entity {
    /// The fullest form of the name the story uses.
    pub name: String,
    pub kind: Kind,
    pub gender: Option<Gender>,
    /// How many times the story names it.
    pub mentions: usize,
    /// The words of `name`.
    parts: Vec<String>,
}

/// The people and organisations of one story, indexed so that a story
/// naming thousands of them is still read in linear time.
#[derive(Debug, Clone, Default)]
pub struct Register {
    pub entities: Vec<Entity>,
    /// People by the last word of their name.
    people: HashMap<String, Vec<usize>>,
    /// Organisations by name, acronym and last word of the name.
    org_names: HashMap<String, usize>,
    org_last: HashMap<String, usize>,
    /// The person last introduced with each title or role word.
    titled: HashMap<String, usize>,
}

/// Two forms of one person's name: the same last word, and the shorter's
/// other words found in the longer (`Cooke`, `Doug Cooke`; `Josh Apte`,
/// `Joshua Apte`).
fn same_person(known: &[String], name: &[&str]) -> bool {
    let (Some(k_last), Some(n_last)) = (known.last(), name.last()) else { return false };
    if k_last != n_last {
        return false;
    }
    let (known, name) = (&known[..known.len() - 1], &name[..name.len() - 1]);
    if known.len() <= name.len() {
        known.iter().all(|w| name.iter().any(|l| compatible(w, l)))
    } else {
        name.iter().all(|w| known.iter().any(|l| compatible(w, l)))
    }
}

/// One name word standing for another: equal, a short form (`Josh`,
/// `Joshua`) or an initial.
fn compatible(w: &str, l: &str) -> bool {
    w == l
        || (w.len() >= 3 && l.starts_with(w))
        || (l.len() >= 3 && w.starts_with(l))
        || is_initial_of(w, l)
        || is_initial_of(l, w)
}

fn is_initial_of(initial: &str, word: &str) -> bool {
    let stem = initial.trim_end_matches('.');
    stem.chars().count() == 1 && word.starts_with(stem)
}

impl Register {
    /// Note a person; a fuller form of a name already known replaces it.
    pub fn add_person(&mut self, words: &[&str], title: Option<&str>, gender: Option<Gender>) -> usize {
        let title = title.map(str::to_lowercase);
        let title = title.as_deref();
        let gender = gender
            .or_else(|| title.and_then(word_gender))
            .or_else(|| (words.len() >= 2).then(|| first_name_gender(words[0])).flatten());
        let id = match self.find_person(words).last().copied() {
            Some(id) => {
                let e = &mut self.entities[id];
                let known = e.parts.len();
                let fuller = words.len() > known
                    || (words.len() == known
                        && words.first().map(|w| w.len()) > e.parts.first().map(String::len));
                if fuller {
                    e.name = words.join(" ");
                    e.parts = words.iter().map(|w| w.to_string()).collect();
                }
                id
            }
            None => {
                self.entities.push(Entity {
                    name: words.join(" "),
                    kind: Kind::Person,
                    gender: None,
                    mentions: 0,
                    parts: words.iter().map(|w| w.to_string()).collect(),
                });
                let id = self.entities.len() - 1;
                self.people
                    .entry(words.last().copied().unwrap_or_default().to_string())
                    .or_default()
                    .push(id);
                id
            }
        };
        let e = &mut self.entities[id];
        e.mentions += 1;
        if e.gender.is_none() {
            e.gender = gender;
        }
        if let Some(title) = title {
            self.titled.insert(title.to_string(), id);
        }
        id
    }

    /// Note an organisation, with its acronym when it has one.
    pub fn add_org(&mut self, name: &str, alias: Option<&str>) -> usize {
        let id = match self.find_org(name) {
            Some(id) => id,
            None => {
                self.entities.push(Entity {
                    name: name.to_string(),
                    kind: Kind::Org,
                    gender: None,
                    mentions: 0,
                    parts: Vec::new(),
                });
                let id = self.entities.len() - 1;
                self.org_names.insert(name.to_string(), id);
                if let Some(last) = name.rsplit(' ').next() {
                    self.org_last.insert(last.to_string(), id);
                }
                let initials: String =
                    name.split(' ').filter_map(|w| w.chars().next()).filter(|c| c.is_uppercase()).collect();
                if initials.chars().count() >= 2 && name.contains(' ') {
                    self.org_names.entry(initials).or_insert(id);
                }
                id
            }
        };
        if let Some(alias) = alias {
            self.org_names.insert(alias.to_string(), id);
        }
        self.entities[id].mentions += 1;
        id
    }

    /// The people a name may mean.
    pub fn find_person(&self, name: &[&str]) -> Vec<usize> {
        let Some(last) = name.last() else { return Vec::new() };
        let Some(ids) = self.people.get(*last) else { return Vec::new() };
        ids.iter().copied().filter(|&i| same_person(&self.entities[i].parts, name)).collect()
    }

    /// The organisation a name or an acronym means; a one-word name may be
    /// the last word of a longer one (`the Coalition`).
    pub fn find_org(&self, name: &str) -> Option<usize> {
        let name = name.strip_prefix("the ").unwrap_or(name);
        self.org_names
            .get(name)
            .or_else(|| (!name.contains(' ')).then(|| self.org_last.get(name)).flatten())
            .copied()
    }

    /// `find_org` for the words of a run: no joined copy for one word.
    pub fn find_org_words(&self, words: &[&str]) -> Option<usize> {
        match words {
            [] => None,
            [one] => self.find_org(one),
            many => self.find_org(&many.join(" ")),
        }
    }

    /// The person last introduced with a title or role word (`minister`).
    pub fn by_title(&self, title: &str) -> Option<usize> {
        self.titled.get(title).copied()
    }

    /// The organisations, most recently noted first, at most `limit`.
    pub fn recent_orgs(&self, limit: usize) -> impl Iterator<Item = usize> + '_ {
        (0..self.entities.len()).rev().filter(|&e| self.entities[e].kind == Kind::Org).take(limit)
    }

    /// A lone capitalised word (`Schools`, `Nairobi`) that no title, role,
    /// speech verb or known surname marks as a person: most sentences open
    /// with one, and it teaches the register nothing.
    fn passes_over(&self, tokens: &[Token], run: &Run) -> bool {
        let [word] = run.words() else { return false };
        let after = &tokens[run.end.min(tokens.len())..];
        let before = run.first.checked_sub(1).map(|i| &tokens[i]);
        !is_title(word)
            && !word.chars().all(|c| c.is_uppercase() || c == '.')
            && !ORG_WORDS.has(word)
            && !before.is_some_and(|t| t.is_lowercase() && is_role_word(t.text))
            && !after.first().is_some_and(|t| t.is_punct("("))
            && !after.first().is_some_and(|t| t.is_lowercase() && is_body(t.text))
            && !after.iter().take(3).any(|t| t.is_word() && super::cues::is_speech_verb(t.text))
            && !self.people.contains_key(*word)
    }

    /// Learn the people and organisations of one sentence of narration.
    pub fn learn(&mut self, tokens: &[Token]) {
        for run in runs(tokens) {
            if self.passes_over(tokens, &run) {
                continue;
            }
            let opens = run.first == 0 || tokens[run.first - 1].is_punct("(“\"‘'—–:");
            if let Some(name) = with_body(tokens, &run) {
                self.add_org(&name, None);
                continue;
            }
            if named_after_org_noun(tokens, &run) {
                self.add_org(&run.words().join(" "), None);
                continue;
            }
            match read_words(run.words(), opens) {
                Named::Person { name, title, sure } => {
                    let before = run.first.checked_sub(1).map(|i| &tokens[i]);
                    let role = before.filter(|t| t.is_lowercase() && is_role_word(t.text)).map(|t| t.text);
                    let after = &tokens[run.end.min(tokens.len())..];
                    let described = after.first().is_some_and(|t| t.is_punct(","))
                        && after.get(1).is_some_and(|t| {
                            matches!(t.text, "a" | "an" | "the" | "who" | "former" | "now" | "then" | "whose")
                                || is_role_word(t.text)
                                // `Mercy Wanjiku, 45, runs a kiosk`
                                || (t.text.len() <= 3 && t.text.bytes().all(|b| b.is_ascii_digit()))
                        });
                    let acts = !run.possessive
                        && name.len() >= 2
                        && after.first().is_some_and(|t| t.is_lowercase() && !super::is_preposition(t.text));
                    let speaks =
                        after.iter().take(3).any(|t| t.is_word() && super::cues::is_speech_verb(t.text));
                    let single_surname_known = name.len() == 1 && !self.find_person(name).is_empty();
                    if sure || role.is_some() || described || acts || speaks || single_surname_known {
                        if name.len() == 1
                            && title.is_none()
                            && role.is_none()
                            && !single_surname_known
                            && !speaks
                        {
                            continue;
                        }
                        let gender = role.and_then(word_gender);
                        self.add_person(name, title.or(role), gender);
                    }
                }
                Named::Org(name) => {
                    let alias = acronym_after(tokens, run.end);
                    self.add_org(&name.join(" "), alias);
                }
                Named::Title(_) | Named::Other => {}
            }
        }
    }
}

/// A body a country or an organisation speaks through: `US military`.
fn is_body(word: &str) -> bool {
    matches!(
        word,
        "military"
            | "government"
            | "army"
            | "navy"
            | "police"
            | "embassy"
            | "ministry"
            | "authorities"
            | "officials"
            | "forces"
    )
}

/// `US military`, `Kenyan government`: a name and the body it qualifies.
pub fn with_body(tokens: &[Token], run: &Run) -> Option<String> {
    let next = tokens.get(run.end)?;
    if !is_body(next.text) || run.possessive {
        return None;
    }
    let words = run.words();
    let words = words.strip_prefix(&["The"]).unwrap_or(words);
    let titled = matches!(read_words(words, false), Named::Person { title: Some(_), .. });
    (!words.is_empty() && !titled).then(|| format!("{} {}", words.join(" "), next.text))
}

/// `The group, Lamu Fishers United, wrote`: a name set off after `the`
/// and a noun for an organisation is that organisation's name.
fn named_after_org_noun(tokens: &[Token], run: &Run) -> bool {
    let Some(before) = run.first.checked_sub(3).map(|i| &tokens[i..run.first]) else { return false };
    before[2].is_punct(",")
        && before[1].is_lowercase()
        && ORG_NOUNS.has(before[1].text)
        && !DOCUMENT_NOUNS.has(before[1].text)
        && before[0].text.eq_ignore_ascii_case("the")
        && tokens.get(run.end).is_some_and(|t| t.is_punct(","))
}

/// `Drug Enforcement Administration (DEA)`: the acronym in brackets.
fn acronym_after<'a>(tokens: &[Token<'a>], at: usize) -> Option<&'a str> {
    let open = tokens.get(at)?;
    let word = tokens.get(at + 1)?;
    let close = tokens.get(at + 2)?;
    (open.is_punct("(") && is_acronym(word.text) && close.is_punct(")")).then_some(word.text)
}

#[cfg(test)]
mod tests {
    use super::super::tokens::tokenize;
    use super::*;

    fn learned(text: &str) -> Register {
        let mut register = Register::default();
        register.learn(&tokenize(text, &[]));
        register
    }

    fn names(register: &Register) -> Vec<(&str, Kind)> {
        register.entities.iter().map(|e| (e.name.as_str(), e.kind)).collect()
    }

    #[test]
    fn titles_are_stripped_and_genders_read_from_them() {
        let r = learned("Lt. Col. Amara Diallo met Mr. Kofi Boateng and NASA administrator Jim Okafor.");
        assert_eq!(
            names(&r),
            [
                ("Amara Diallo", Kind::Person),
                ("Kofi Boateng", Kind::Person),
                ("NASA", Kind::Org),
                ("Jim Okafor", Kind::Person)
            ]
        );
        assert_eq!(r.entities[1].gender, Some(Gender::Male));
        assert_eq!(r.by_title("administrator"), Some(3));
    }

    #[test]
    fn a_fuller_form_replaces_a_shorter_one() {
        let mut r = learned("Mr. Cooke spoke first.");
        r.learn(&tokenize("Later Doug Cooke, a consultant, spoke again.", &[]));
        assert_eq!(names(&r), [("Doug Cooke", Kind::Person)]);
        r.learn(&tokenize("Analyst Josh Apte and analyst Joshua Apte are one man.", &[]));
        assert_eq!(r.entities[1].name, "Joshua Apte");
    }

    #[test]
    fn an_office_named_after_a_title_belongs_to_the_title() {
        let r = learned("Secretary of State Marco Rubio met port officials on Tuesday.");
        assert_eq!(names(&r), [("Marco Rubio", Kind::Person)]);
    }

    #[test]
    fn each_naming_is_counted() {
        let mut r = learned("Mr. Cooke spoke first.");
        r.learn(&tokenize("Later Doug Cooke, a consultant, spoke again.", &[]));
        r.learn(&tokenize("The Kenya Wildlife Service (KWS) counted herds, and KWS rangers helped.", &[]));
        assert_eq!(r.entities[0].mentions, 2);
        assert_eq!(r.entities[1].name, "Kenya Wildlife Service");
        assert!(r.entities[1].mentions >= 1);
    }

    #[test]
    fn organisations_carry_their_acronyms() {
        let r = learned("The Coastal Fisheries Authority (CFA) closed the bay.");
        assert_eq!(r.find_org("CFA"), Some(0));
        assert_eq!(r.entities[0].name, "Coastal Fisheries Authority");
        let r = learned("Officials of the Kenya Wildlife Service counted the herds.");
        assert_eq!(r.find_org("KWS"), Some(0));
    }

    #[test]
    fn a_lone_capitalised_word_is_not_a_person() {
        let r = learned("The Block 1B rocket flew over Mauna Kea in Environmental Research.");
        assert!(r.entities.iter().all(|e| e.kind != Kind::Person), "{:?}", r.entities);
    }
}
