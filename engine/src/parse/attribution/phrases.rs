//! Noun phrases in news prose: who a stretch of words names (a person, an
//! organisation, a pronoun, `the ministry`, `the minister`, nobody), where
//! a phrase ends, which comma-set chunks only describe the name before
//! them, and the subject of a sentence.

use std::borrow::Cow;

use super::super::lexicon::{
    CORPORATE_SUFFIXES, DOCUMENT_NOUNS, ORG_NOUNS, PREPOSITIONS, UNNAMED_DETERMINERS, lower,
};
use super::super::names::is_role_word;
use super::is_preposition;
use super::runs::{Name, Named, read_words, runs};
use super::tokens::Token;

/// What a noun phrase in a cue names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Np<'t> {
    /// A person's name, titles stripped, with the title it had.
    Person(Name<'t>, Option<&'t str>),
    Org(Name<'t>),
    /// `he`, `she`, `they`, `it`.
    Pronoun(&'static str),
    /// `the ministry`, `the group`, `the statement`.
    OrgNoun(Cow<'t, str>),
    /// `the minister`, `the President`: whoever was introduced so.
    Role(Cow<'t, str>),
    /// `one analyst`, `a spokesperson`: the story does not name the speaker.
    Unnamed,
    /// The sentence's subject (after `..., adding:`).
    Subject,
}

/// Tokens without bracketed asides: `Rep. Ann Kirui (D-Nyeri)`.
fn without_brackets<'a, 'b>(tokens: &'b [Token<'a>]) -> Cow<'b, [Token<'a>]> {
    if !tokens.iter().any(|t| t.is_punct("([")) {
        return Cow::Borrowed(tokens);
    }
    let mut depth = 0usize;
    let mut out = Vec::with_capacity(tokens.len());
    for t in tokens {
        if t.is_punct("([") {
            depth += 1;
        } else if t.is_punct(")]") {
            depth = depth.saturating_sub(1);
        } else if depth == 0 {
            out.push(*t);
        }
    }
    Cow::Owned(out)
}

/// Read the noun phrase in `tokens`.
pub fn read_np<'t>(tokens: &[Token<'t>]) -> Option<Np<'t>> {
    let tokens = without_brackets(tokens);
    let mut tokens = &*tokens;
    // `Another reportedly said`, `One analyst`: nobody named.
    let unnamed = tokens.first().is_some_and(|t| t.is_word() && UNNAMED_DETERMINERS.has_any_case(t.text));
    if unnamed {
        tokens = &tokens[1..];
    }
    let mut named: Option<Np> = None;
    let mut title: Option<&str> = None;
    for run in runs(tokens) {
        let next = tokens.get(run.end);
        // `Commerzbank analyst`, `one Weibo commenter`: a modifier, not
        // the head of the phrase.
        let modifier = run.possessive || next.is_some_and(|t| t.is_lowercase() && !is_preposition(t.text));
        // `Sales for Acme`, `of Staff`: the object of a preposition.
        let object = run.first > 0
            && tokens[run.first - 1].is_lowercase()
            && is_preposition(tokens[run.first - 1].text);
        let modifier = modifier || object;
        let opens = run.first == 0 || tokens[..run.first].iter().all(|t| !t.is_word());
        match read_words(run.words(), opens) {
            Named::Person { name, title: t, .. } if !modifier => named = Some(Np::Person(Name::new(name), t)),
            Named::Org(name) if !modifier && !matches!(named, Some(Np::Person(..))) => {
                named = Some(Np::Org(Name::new(name)));
            }
            Named::Title(t) if !modifier && named.is_none() => title = Some(t),
            _ => {}
        }
    }
    if named.is_some() {
        return named;
    }
    if unnamed {
        return Some(Np::Unnamed);
    }
    if let Some(title) = title {
        return Some(Np::Role(lower(title)));
    }
    let words: Vec<&Token> = tokens.iter().filter(|t| t.is_word()).collect();
    let first = words.first()?;
    let first_word = lower(first.text);
    let first_word = &*first_word;
    if words.len() <= 2 {
        let pronoun = match first_word {
            "he" | "him" => Some("he"),
            "she" | "her" => Some("she"),
            "they" => Some("they"),
            "it" => Some("it"),
            _ => None,
        };
        if let Some(p) = pronoun {
            return Some(Np::Pronoun(p));
        }
    }
    // The head: the last word before a preposition.
    let head_end = words.iter().skip(1).position(|w| is_preposition(w.text)).map_or(words.len(), |p| p + 1);
    let head = lower(words[head_end - 1].text);
    if UNNAMED_DETERMINERS.has(first_word) {
        return Some(Np::Unnamed);
    }
    // `the 45-year-old said`: the person just described.
    if first_word == "the" && head.ends_with("-year-old") {
        return Some(Np::Subject);
    }
    if matches!(first_word, "the" | "this" | "that" | "its" | "their" | "his" | "her") {
        if ORG_NOUNS.has(&head) {
            return Some(Np::OrgNoun(head));
        }
        if is_role_word(&head) {
            return Some(Np::Role(head));
        }
        return Some(Np::Unnamed);
    }
    // `officials said`, `researchers wrote`
    (head_end <= 2 && (head.ends_with('s') || is_role_word(&head))).then_some(Np::Unnamed)
}

/// Cut at commas: `Stafford, a member of the crew,` gives `Stafford` and
/// `a member of the crew`.
pub fn chunks<'a, 'b>(tokens: &'b [Token<'a>]) -> Vec<&'b [Token<'a>]> {
    let mut out = Vec::new();
    let mut depth = 0usize;
    let mut start = 0;
    for (i, t) in tokens.iter().enumerate() {
        if t.is_punct("(") {
            depth += 1;
        } else if t.is_punct(")") {
            depth = depth.saturating_sub(1);
        } else if depth == 0 && t.is_punct(",;—–") {
            if i > start {
                out.push(&tokens[start..i]);
            }
            start = i + 1;
        }
    }
    if start < tokens.len() {
        out.push(&tokens[start..]);
    }
    out
}

/// A chunk that describes the name before it: `a member of the crew`,
/// `ranking member of the panel`, `who chairs it`.
pub fn is_apposition(chunk: &[Token]) -> bool {
    // `Teresa's husband`: a description that starts with someone else.
    chunk
        .iter()
        .find(|t| t.is_word())
        .is_some_and(|t| (t.is_lowercase() && !is_preposition(t.text)) || t.possessive)
}

pub fn opens_with_preposition(chunk: &[Token]) -> bool {
    chunk.iter().find(|t| t.is_word()).is_some_and(|t| PREPOSITIONS.has_any_case(t.text))
}

/// The noun phrase starting at `from`, or the name set off after it when
/// it only describes (`said Jamaica's prime minister, Andrew Holness`,
/// `according to his aunt, Jane Otieno,`).
pub fn np_after<'t>(tokens: &[Token<'t>], from: usize) -> Option<Np<'t>> {
    let end = np_end(tokens, from);
    let who = read_np(&tokens[from..end]);
    if !matches!(who, Some(Np::Person(..) | Np::Org(_))) && tokens.get(end).is_some_and(|t| t.is_punct(",")) {
        let next_end = np_end(tokens, end + 1);
        if let Some(named @ (Np::Person(..) | Np::Org(_))) = read_np(&tokens[end + 1..next_end]) {
            return Some(named);
        }
    }
    who
}

/// Where a noun phrase that starts at `from` ends: at punctuation, a
/// preposition or `who`, once it has a word.
pub fn np_end(tokens: &[Token], from: usize) -> usize {
    let mut depth = 0usize;
    for (i, t) in tokens.iter().enumerate().skip(from) {
        if t.is_punct("(") {
            depth += 1;
            continue;
        }
        if t.is_punct(")") {
            depth = depth.saturating_sub(1);
            continue;
        }
        if depth > 0 {
            continue;
        }
        let started = i > from;
        if (t.kind != super::tokens::Kind::Word && !t.is_punct("."))
            || (t.is_punct(".") && !tokens[i - 1].is_word())
            || (started
                && t.is_lowercase()
                && (is_preposition(t.text) || matches!(t.text, "who" | "whose" | "and" | "that")))
        {
            return i;
        }
    }
    tokens.len()
}

/// `Senior Vice President of Sales for Acme`: a title, not a name.
pub fn is_title_phrase(chunk: &[Token]) -> bool {
    chunk.iter().any(|t| t.is_capitalised() && super::super::names::is_title(t.text))
        && !matches!(read_np(chunk), Some(Np::Person(..)))
}

/// `Inc.`, `Ltd`, `Jr.`: the end of a name, set off by a comma.
pub fn is_corporate_suffix(chunk: &[Token]) -> bool {
    let words: Vec<&Token> = chunk.iter().filter(|t| t.is_word()).collect();
    words.len() == 1 && CORPORATE_SUFFIXES.has(words[0].text)
}

/// The subject of a sentence of narration: its first noun phrase, after an
/// opening phrase set off by a comma (`At the hearing, Young ...`).
pub fn subject<'t>(tokens: &[Token<'t>]) -> Option<(usize, Np<'t>)> {
    let first_word = tokens.iter().position(|t| t.is_word())?;
    let mut from = first_word;
    let opener = lower(tokens[from].text);
    let opener = &*opener;
    // `In Nairobi,`, `Speaking at the port,`, `Earlier,`: an opening phrase.
    let phrase_opener = is_preposition(opener)
        || opener.ends_with("ly")
        || (opener.len() > 5 && (opener.ends_with("ing") || opener.ends_with("ed")))
        || matches!(opener, "however" | "meanwhile" | "still" | "yet");
    if phrase_opener || matches!(opener, "but" | "and" | "so" | "then" | "now" | "also") {
        let comma = tokens[from..].iter().take(16).position(|t| t.is_punct(","));
        match comma {
            Some(c) if phrase_opener => from += c + 1,
            _ if !is_preposition(opener) => from += 1,
            _ => return None,
        }
    }
    let mut end = from;
    let mut named = false;
    let mut after_determiner = false;
    while let Some(t) = tokens.get(end) {
        // `former astronaut Tom Okafor`: descriptions lead to the name.
        let leads_to_name = || {
            !named && tokens[end + 1..].iter().take(3).take_while(|n| n.is_word()).any(|n| n.is_capitalised())
        };
        let determiner = matches!(t.text, "the" | "a" | "an" | "The" | "A" | "An");
        let part = t.is_capitalised()
            || (t.is_punct(".") && end > from && tokens[end - 1].is_capitalised())
            || (t.is_lowercase()
                && !is_preposition(t.text)
                && (determiner || after_determiner || is_role_word(t.text) || leads_to_name()));
        // `Belize's foreign minister Carla Gomez`: a possessive describes
        // the name that follows.
        let describes_next = t.possessive && {
            let next = &tokens[end + 1..];
            next.iter().take(3).take_while(|n| n.is_word()).any(|n| is_role_word(n.text))
                && next.iter().take(5).take_while(|n| n.is_word()).any(|n| n.is_capitalised())
        };
        if !part || (t.possessive && !describes_next) {
            end += usize::from(part);
            break;
        }
        named |= t.is_capitalised() && !determiner && !t.possessive;
        after_determiner = determiner;
        end += 1;
    }
    let end = if end == from { (from + 1).min(tokens.len()) } else { end };
    let mut np = read_np(&tokens[from..end])?;
    // `The group, WeWork Staff United, formed ...`: the name in apposition.
    if !matches!(np, Np::Person(..) | Np::Org(_) | Np::Pronoun(_))
        && tokens.get(end).is_some_and(|t| t.is_punct(","))
        && let Some(close) = tokens[end + 1..].iter().take(8).position(|t| t.is_punct(","))
        && let Some(named @ (Np::Person(..) | Np::Org(_))) = read_np(&tokens[end + 1..end + 1 + close])
    {
        np = named;
    }
    if let Np::OrgNoun(noun) = &np
        && DOCUMENT_NOUNS.has(noun)
    {
        return None;
    }
    Some((from, np))
}

#[cfg(test)]
mod tests {
    use super::super::tokens::tokenize;
    use super::*;

    fn person(name: &str) -> Option<Np<'_>> {
        Some(Np::Person(Name::new(&name.split(' ').collect::<Vec<_>>()), None))
    }

    #[test]
    fn a_sentence_subject_after_an_opening_phrase() {
        let tokens = tokenize("At the hearing, Otieno asked about the budget.", &[]);
        assert_eq!(subject(&tokens).map(|s| s.1), person("Otieno"));
        let tokens = tokenize("She then left the room.", &[]);
        assert_eq!(subject(&tokens).map(|s| s.1), Some(Np::Pronoun("she")));
    }
}
