//! Recognising people's names in news prose: words and their positions,
//! capitalised runs, titles stripped from names (`President`, `Lt. Col.`),
//! and the people a story names, so that `Rubio` can become `Marco Rubio`
//! and `the President` the person introduced with that title.

use super::lexicon::{
    ABBREVIATED_TITLES, COMMON_OPENERS, NOT_PERSON, PARTICLES, PRONOUNS, ROLE_WORDS, TITLES,
};

/// A word of prose with its byte range, stripped of surrounding punctuation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Word<'a> {
    pub text: &'a str,
    pub start: usize,
    pub end: usize,
    /// Punctuation right after the word ends a phrase (`,` `.` `;` `:` ...).
    pub stops: bool,
    /// The word carried a possessive `'s`, which was cut from `text`.
    pub possessive: bool,
}

/// Split prose into words, keeping byte positions relative to `text`.
pub fn words(text: &str) -> Vec<Word<'_>> {
    let mut out: Vec<Word> = Vec::new();
    let mut pos = 0;
    for raw in text.split_inclusive(char::is_whitespace) {
        let chunk_start = pos;
        pos += raw.len();
        let trimmed = raw.trim_end();
        let core = trimmed.trim_start_matches(is_edge_punct);
        let lead = trimmed.len() - core.len();
        let mut text_part = core.trim_end_matches(|c: char| is_edge_punct(c) && c != '.');
        // Keep the dot of an abbreviation or initial ("Dr.", "J."), drop a
        // sentence's full stop.
        if text_part.ends_with('.') && !is_abbreviation(text_part) {
            text_part = text_part.trim_end_matches('.');
        }
        let stops = text_part.len() < core.len();
        let stem = ["'s", "’s"].iter().find_map(|s| text_part.strip_suffix(s)).or_else(|| {
            ["'", "’"].iter().find_map(|s| text_part.strip_suffix(s)).filter(|stem| stem.ends_with('s'))
        });
        let possessive = stem.is_some();
        if let Some(stem) = stem {
            text_part = stem;
        }
        if text_part.is_empty() {
            if let Some(last) = out.last_mut() {
                last.stops |= !core.is_empty();
            }
            continue;
        }
        let start = chunk_start + lead;
        out.push(Word {
            text: text_part,
            start,
            end: start + text_part.len(),
            stops: stops || possessive,
            possessive,
        });
    }
    out
}

fn is_edge_punct(c: char) -> bool {
    !(c.is_alphanumeric() || matches!(c, '\'' | '’' | '-' | '&' | '/' | '%' | '$' | '€' | '£' | '\u{FFFD}'))
}

/// `Dr.`, `Lt.`, `J.`, `U.S.`: a dot that is part of the word.
fn is_abbreviation(word: &str) -> bool {
    let stem = word.trim_end_matches('.');
    let letters = stem.chars().filter(|c| c.is_alphabetic()).count();
    (letters == 1 && stem.chars().next().is_some_and(char::is_uppercase))
        || stem.contains('.')
        || ABBREVIATED_TITLES.contains(&stem)
}

/// A word naming a role before a name, capitalised (`President`) or not
/// (`nominee`, `Translator`).
pub fn is_title(word: &str) -> bool {
    TITLES.contains(&word) || is_role_word(word)
}

pub fn is_role_word(word: &str) -> bool {
    ROLE_WORDS.iter().any(|r| r.eq_ignore_ascii_case(word))
}

pub fn is_pronoun(word: &str) -> bool {
    PRONOUNS.contains(&word)
}

/// Starts with a capital letter: a candidate for a name or a title.
pub fn is_capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// A capitalised word that is not an acronym (`Ruto`, `Nyong'o`, `Séverine`,
/// `J.`): acronyms such as `US` or `CS` are organisations or titles.
pub fn is_name_word(word: &str) -> bool {
    is_capitalised(word)
        && (word.chars().any(char::is_lowercase) || (word.len() <= 3 && word.ends_with('.')))
        && word.chars().all(|c| c.is_alphabetic() || matches!(c, '\'' | '’' | '-' | '.'))
}

fn is_acronym(word: &str) -> bool {
    word.chars().count() >= 2 && word.chars().all(|c| c.is_uppercase() || c == '.')
}

/// A capitalised run of words: the raw material of names.
#[derive(Debug, Clone)]
pub struct Run<'a> {
    /// Index of the run's first word in the word list.
    pub first: usize,
    /// The words of the run, titles included.
    pub words: Vec<&'a str>,
    pub start: usize,
    pub possessive: bool,
}

/// Maximal runs of capitalised words (particles allowed inside), broken by
/// punctuation and possessives.
pub fn capitalised_runs<'a>(words: &[Word<'a>]) -> Vec<Run<'a>> {
    let mut runs = Vec::new();
    let mut i = 0;
    while i < words.len() {
        if !is_capitalised(words[i].text) {
            i += 1;
            continue;
        }
        let first = i;
        let mut run = vec![words[i].text];
        while !words[i].stops && i + 1 < words.len() {
            let next = words[i + 1].text;
            let particle_then_name = PARTICLES.contains(&next)
                && !words[i + 1].stops
                && words.get(i + 2).is_some_and(|w| is_capitalised(w.text));
            if !(is_capitalised(next) || particle_then_name) {
                break;
            }
            run.push(next);
            i += 1;
        }
        runs.push(Run { first, words: run, start: words[first].start, possessive: words[i].possessive });
        i += 1;
    }
    runs
}

/// The person's name inside a capitalised run and the title cut from it:
/// `Kenyan President William Ruto` gives `William Ruto` and `President`.
/// `None` when nothing name-like remains (`The President`, `US`).
pub fn strip_titles(run: &[&str]) -> Option<(String, Option<String>)> {
    let cut = run.iter().rposition(|w| is_title(w) || is_acronym(w)).map_or(0, |i| i + 1);
    let name = &run[cut..];
    if name.is_empty() || !name.iter().all(|w| is_name_word(w) || PARTICLES.contains(w)) {
        return None;
    }
    let title = cut.checked_sub(1).map(|i| run[i].to_string());
    Some((name.join(" "), title))
}

/// Whether a name (already stripped of titles) names an institution or place.
fn names_a_thing(name: &str) -> bool {
    name.split(' ').any(|w| NOT_PERSON.contains(&w))
}

/// What a story tells about its people.
#[derive(Debug, Clone, Default)]
pub struct People {
    /// Full names of people introduced as people (by a title, a role word or
    /// by acting in a sentence).
    pub full: Vec<String>,
    /// Each title with the person last introduced by it: `President` ->
    /// `William Ruto`, so that `the President` can be resolved.
    pub titled: Vec<(String, String)>,
    /// Every name-shaped run of two or three words: used only to find the
    /// fullest form of a name (`Wambui` -> `Lucy Wambui`).
    pub shaped: Vec<String>,
}

impl People {
    /// The fullest form of a name the story uses.
    pub fn fullest(&self, name: &str) -> Option<String> {
        fullest_name(name, &self.full).or_else(|| fullest_name(name, &self.shaped))
    }

    /// Learn the people named in a stretch of prose.
    pub fn learn(&mut self, text: &str) {
        let words = words(text);
        for run in capitalised_runs(&words) {
            if let Some(found) = read_run(&words, &run, self) {
                if let Some(title) = &found.title {
                    self.titled.retain(|(t, _)| t != title);
                    self.titled.push((title.clone(), found.name.clone()));
                }
                if found.person {
                    remember(&mut self.full, &found.name);
                } else if (2..=3).contains(&found.name.split(' ').count()) {
                    remember(&mut self.shaped, &found.name);
                }
            }
        }
    }
}

/// What one capitalised run says about a person.
struct Found {
    name: String,
    title: Option<String>,
    /// The run surely names a person (not merely has a name's shape).
    person: bool,
}

fn read_run(words: &[Word], run: &Run, people: &People) -> Option<Found> {
    let mut run_words = run.words.as_slice();
    let at_sentence_start = run.first == 0 || words[run.first - 1].stops;
    if at_sentence_start
        && let Some((first, rest)) = run_words.split_first()
        && (COMMON_OPENERS.contains(first) || first.ends_with("ing") || first.ends_with("ly"))
    {
        run_words = rest;
    }
    if run_words.is_empty() {
        return None;
    }
    let Some((name, title)) = strip_titles(run_words) else {
        // `The President said`: the person introduced with that title.
        let title = run_words.last()?;
        let name = people.titled.iter().rev().find(|(t, _)| t == title)?.1.clone();
        return Some(Found { name, title: None, person: true });
    };
    if names_a_thing(&name) || is_pronoun(&name) {
        return None;
    }
    let last_word = run.first + run.words.len() - 1;
    let after_run = words.get(last_word + 1);
    let before_run = run.first.checked_sub(1).map(|i| words[i]);
    let introduced = title.is_some() || before_run.is_some_and(|w| is_role_word(w.text));
    let acts = run.possessive
        || (!words[last_word].stops
            && after_run.is_some_and(|w| w.text.chars().next().is_some_and(char::is_lowercase)));
    let person = introduced || ((2..=3).contains(&name.split(' ').count()) && acts);
    Some(Found { name, title, person })
}

/// People named in a stretch of prose, with the byte offset of each mention;
/// a lone surname (`Rubio`) counts as a mention of its fullest known form.
pub fn person_mentions(text: &str, people: &People) -> Vec<(usize, String)> {
    let words = words(text);
    let mut out = Vec::new();
    for run in capitalised_runs(&words) {
        let Some(found) = read_run(&words, &run, people) else {
            continue;
        };
        if let Some(full) = fullest_name(&found.name, &people.full) {
            out.push((run.start, full));
        } else if found.person {
            out.push((run.start, found.name));
        }
    }
    out
}

/// The fullest form of a name among `known`: `Rubio` -> `Marco Rubio`. A name
/// is a shorter form of another when its words end it, or when it is the
/// other's first and last word.
pub fn fullest_name(name: &str, known: &[String]) -> Option<String> {
    let parts: Vec<&str> = name.split(' ').collect();
    known
        .iter()
        .filter(|full| {
            let full_parts: Vec<&str> = full.split(' ').collect();
            full_parts.ends_with(&parts)
                || (parts.len() == 2
                    && full_parts.first() == parts.first()
                    && full_parts.last() == parts.last())
        })
        .max_by_key(|full| full.len())
        .cloned()
}

/// Add a name unless a fuller form is already known; a fuller form replaces
/// the shorter ones.
pub fn remember(known: &mut Vec<String>, name: &str) {
    if fullest_name(name, known).is_some() {
        return;
    }
    let fuller = name.to_string();
    known.retain(|k| fullest_name(k, std::slice::from_ref(&fuller)).is_none());
    known.push(fuller);
}

#[cfg(test)]
#[path = "names_tests.rs"]
mod tests;
