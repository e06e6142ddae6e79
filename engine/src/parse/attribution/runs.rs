//! Capitalised runs of words and what they name: a person (the name with
//! its titles cut off), an organisation, a title alone, or nothing. The
//! shapes of names, before the register decides whom a story names.

use super::super::lexicon::{
    COMMON_OPENERS, FEMALE_NAMES, FEMALE_WORDS, MALE_NAMES, MALE_WORDS, NOT_PERSON, ORG_WORDS, PARTICLES,
    Words,
};
use super::super::names::{is_name_word, is_title};
use super::tokens::{Token, takes_a_dot};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gender {
    Male,
    Female,
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

/// `NASA`, `U.S.`, `AT&T`: capitals only.
pub fn is_acronym(word: &str) -> bool {
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
    let mut cut =
        words.iter().rposition(|w| is_title(w) || is_acronym(w) || ORG_WORDS.has(w)).map_or(0, |i| i + 1);
    let title_at = cut.checked_sub(1).filter(|&i| is_title(words[i]));
    // `Secretary of State Marco Rubio`, `Minister for the Interior Ana
    // Lobo`: the office's name belongs to the title.
    if title_at.is_some() {
        cut += match &words[cut..] {
            ["of" | "for", "the", _, _, ..] => 3,
            ["of" | "for", _, _, ..] => 2,
            _ => 0,
        };
    }
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
    let title = title_at.map(|i| words[i]);
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
