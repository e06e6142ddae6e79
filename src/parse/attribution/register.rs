//! The people and organisations a story names: each with the fullest form
//! of its name (titles stripped), the titles it was introduced with, its
//! gender where the text reveals it, and for organisations their acronyms.
//! Built from capitalised runs of narration, never from inside quotes.

use std::collections::HashMap;

use super::super::lexicon::{
    COMMON_OPENERS, DOCUMENT_NOUNS, FEMALE_NAMES, FEMALE_WORDS, MALE_NAMES, MALE_WORDS, NOT_PERSON,
    ORG_NOUNS, ORG_WORDS, PARTICLES, Words,
};
use super::super::names::{is_name_word, is_role_word, is_title};
use super::tokens::{Token, takes_a_dot};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Person,
    Org,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gender {
    Male,
    Female,
}

/// One person or organisation of the story.
#[derive(Debug, Clone)]
pub struct Entity {
    /// The fullest form of the name the story uses.
    pub name: String,
    pub kind: Kind,
    pub gender: Option<Gender>,
    /// Titles and role words it was introduced with, lower case
    /// (`minister`, `president`), so that `the minister` finds it.
    pub titles: Vec<String>,
    /// The words of `name`.
    parts: Vec<String>,
}

/// The most words a run holds: a longer stretch of capitals is cut into
/// runs of this length.
const RUN_WORDS: usize = 8;

/// A run of capitalised words in a stretch of tokens: `Lt. Col. Amara
/// Diallo`, `Ministry of Health`, `Marco Rubio's`. Its words are held in
/// place, so finding runs allocates nothing.
#[derive(Debug, Clone, Copy)]
pub struct Run<'a> {
    /// Index of the first and one past the last token of the run.
    pub first: usize,
    pub end: usize,
    held: [&'a str; RUN_WORDS],
    len: usize,
    /// The run's last word carried a possessive `'s`.
    pub possessive: bool,
}

impl<'a> Run<'a> {
    pub fn words(&self) -> &[&'a str] {
        &self.held[..self.len]
    }
}

/// A name of up to eight words, held in place.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Name<'t> {
    held: [&'t str; RUN_WORDS],
    len: usize,
}

impl<'t> Name<'t> {
    /// The first eight words of `words`.
    pub fn new(words: &[&'t str]) -> Name<'t> {
        let mut held = [""; RUN_WORDS];
        let len = words.len().min(RUN_WORDS);
        held[..len].copy_from_slice(&words[..len]);
        Name { held, len }
    }

    pub fn words(&self) -> &[&'t str] {
        &self.held[..self.len]
    }
}

/// Every capitalised run in `tokens`, in order.
pub fn runs<'a, 'b>(tokens: &'b [Token<'a>]) -> Runs<'a, 'b> {
    Runs { tokens, i: 0 }
}

pub struct Runs<'a, 'b> {
    tokens: &'b [Token<'a>],
    i: usize,
}

impl<'a> Iterator for Runs<'a, '_> {
    type Item = Run<'a>;

    fn next(&mut self) -> Option<Run<'a>> {
        let tokens = self.tokens;
        let mut i = self.i;
        while i < tokens.len() && !tokens[i].is_capitalised() {
            i += 1;
        }
        if i >= tokens.len() {
            self.i = i;
            return None;
        }
        let first = i;
        let mut run = Run { first, end: first + 1, held: [""; RUN_WORDS], len: 1, possessive: false };
        run.held[0] = tokens[i].text;
        while !tokens[i].possessive && run.len < RUN_WORDS {
            let Some(next) = tokens.get(i + 1) else { break };
            let after = tokens.get(i + 2);
            if next.is_capitalised() {
                run.held[run.len] = next.text;
                run.len += 1;
                i += 1;
            } else if next.is_punct(".")
                && takes_a_dot(tokens[i].text)
                && next.start == tokens[i].end
                && after.is_some_and(|a| a.is_capitalised())
            {
                // `Lt. Col. Amara`, `John M. Ford`
                i += 1;
            } else if next.is_word()
                && (PARTICLES.has(next.text)
                    || (matches!(next.text, "of" | "for") && joins_institution(tokens[i].text)))
                && after.is_some_and(|a| a.is_capitalised())
            {
                run.held[run.len] = next.text;
                run.len += 1;
                i += 1;
            } else {
                break;
            }
        }
        run.end = i + 1;
        run.possessive = tokens[i].possessive;
        self.i = i + 1;
        Some(run)
    }
}

/// `Ministry of Health`, `Secretary of State`, `University of Nairobi`.
fn joins_institution(word: &str) -> bool {
    ORG_WORDS.has(word) || is_title(word) || matches!(word, "Bank" | "Secretary" | "Minister" | "Director")
}

fn is_acronym(word: &str) -> bool {
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    letters >= 2 && word.chars().all(|c| c.is_uppercase() || c == '.' || c == '&' || c.is_ascii_digit())
}

/// What a capitalised run names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Named<'r, 't> {
    /// A person: the name without titles, the title or role word cut from
    /// it, and whether the run surely names a person (a title, a first
    /// name) rather than merely having a name's shape.
    Person {
        name: &'r [&'t str],
        title: Option<&'t str>,
        sure: bool,
    },
    Org(&'r [&'t str]),
    /// A title alone: `the President`.
    Title(&'t str),
    Other,
}

/// Read a run of words. `opens`: the run opens its sentence, so a first
/// word such as `The` or `However` is capitalised only for that.
pub fn read_words<'r, 't>(words: &'r [&'t str], opens: bool) -> Named<'r, 't> {
    let mut words = words;
    while let Some((first, rest)) = words.split_first()
        && ((opens && (COMMON_OPENERS.has(first) || first.ends_with("ly"))) || *first == "The")
    {
        words = rest;
    }
    if words.is_empty() {
        return Named::Other;
    }
    let is_org = words.iter().any(|w| ORG_WORDS.has(w)) || (words.len() == 1 && is_acronym(words[0]));
    let cut =
        words.iter().rposition(|w| is_title(w) || is_acronym(w) || ORG_WORDS.has(w)).map_or(0, |i| i + 1);
    let tail = &words[cut..];
    if tail.is_empty() {
        if is_org {
            return Named::Org(words);
        }
        return match words.last() {
            Some(t) if is_title(t) => Named::Title(t),
            _ => Named::Other,
        };
    }
    let name_shaped = tail.iter().all(|w| is_name_word(w) || PARTICLES.has(w))
        && !tail.iter().any(|w| NOT_PERSON.has(w))
        && tail.len() <= 4;
    if !name_shaped {
        return if is_org { Named::Org(words) } else { Named::Other };
    }
    let title = cut.checked_sub(1).map(|i| words[i]).filter(|t| is_title(t));
    let sure = title.is_some() || (tail.len() >= 2 && first_name_gender(tail[0]).is_some());
    Named::Person { name: tail, title, sure }
}

/// The gender a given name usually has.
pub fn first_name_gender(word: &str) -> Option<Gender> {
    gender_in(word, &MALE_NAMES, &FEMALE_NAMES)
}

/// The gender a title or role word tells (`Mr`, `spokeswoman`).
pub fn word_gender(word: &str) -> Option<Gender> {
    gender_in(word, &MALE_WORDS, &FEMALE_WORDS)
}

fn gender_in(word: &str, male: &Words, female: &Words) -> Option<Gender> {
    if male.has(word) {
        Some(Gender::Male)
    } else if female.has(word) {
        Some(Gender::Female)
    } else {
        None
    }
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
                    titles: Vec::new(),
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
        if e.gender.is_none() {
            e.gender = gender;
        }
        if let Some(title) = title {
            if !e.titles.iter().any(|t| t == title) {
                e.titles.push(title.to_string());
            }
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
                    titles: Vec::new(),
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
        assert_eq!(r.entities[3].titles, ["administrator"]);
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
