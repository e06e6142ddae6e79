//! Cue patterns around a quote: the attribution after it (`he said`,
//! `said Rep. Ann Kirui (D), ranking member`, `Otieno, a trader, told
//! reporters`), before it (`The minister said:`, `X cautions that`,
//! `According to X,`), a dash signature (`— Neil Amadi`), and `as X put
//! it`. Each gives the noun phrase that names the speaker and the cue as
//! written; `mod.rs` resolves the phrase to a person or organisation.

use std::borrow::Cow;

use super::super::lexicon::{
    CORPORATE_SUFFIXES, CUE_PARTICLES, DOCUMENT_NOUNS, FILLERS, OBJECT_VERBS, ORG_NOUNS, PARTICIPLES,
    PREPOSITIONS, SPEECH_VERBS, UNNAMED_DETERMINERS, lower,
};
use super::super::names::is_role_word;
use super::is_preposition;
use super::register::{Name, Named, read_words, runs};
use super::tokens::Token;

pub fn is_speech_verb(word: &str) -> bool {
    SPEECH_VERBS.has(word)
}

fn is_filler(word: &str) -> bool {
    FILLERS.has(word) || (word.ends_with("ly") && word.len() > 4 && word.chars().all(char::is_lowercase))
}

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

/// A cue: who it names, and the attribution phrase as written (a byte
/// range of the paragraph).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cue<'t> {
    pub who: Np<'t>,
    pub phrase: Option<(usize, usize)>,
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
fn chunks<'a, 'b>(tokens: &'b [Token<'a>]) -> Vec<&'b [Token<'a>]> {
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
fn is_apposition(chunk: &[Token]) -> bool {
    // `Teresa's husband`: a description that starts with someone else.
    chunk
        .iter()
        .find(|t| t.is_word())
        .is_some_and(|t| (t.is_lowercase() && !is_preposition(t.text)) || t.possessive)
}

fn opens_with_preposition(chunk: &[Token]) -> bool {
    chunk.iter().find(|t| t.is_word()).is_some_and(|t| PREPOSITIONS.has_any_case(t.text))
}

/// The end of the cue phrase that starts at verb `k`: the verb, a particle
/// (`weighed in`), and for `told` whom (`told reporters`).
fn phrase_end(tokens: &[Token], k: usize) -> usize {
    let mut end = k + 1;
    if tokens.get(end).is_some_and(|t| CUE_PARTICLES.contains(&(tokens[k].text, t.text))) {
        return tokens[end].end;
    }
    if OBJECT_VERBS.has(tokens[k].text) {
        let mut n = 0;
        while let Some(t) = tokens.get(end)
            && t.is_word()
            && n < 3
            && !is_preposition(t.text)
            && !(t.text.len() > 4 && (t.text.ends_with("ed") || t.text.ends_with("ing")))
            && !matches!(
                t.text,
                "that" | "and" | "this" | "last" | "next" | "earlier" | "later" | "on" | "in" | "about"
            )
        {
            end += 1;
            n += 1;
        }
    }
    tokens[end - 1].end
}

fn phrase(tokens: &[Token], from: usize, k: usize) -> Option<(usize, usize)> {
    Some((tokens[from].start, phrase_end(tokens, k)))
}

/// The attribution right after a quote: `tokens` run from just after the
/// closing mark to the end of the sentence or the next quote.
pub fn after<'t>(tokens: &[Token<'t>]) -> Option<Cue<'t>> {
    let start = tokens.iter().position(|t| !t.is_punct(",.!?"))?;
    let rest = &tokens[start..];
    // `— Neil Amadi`, a signature.
    if rest[0].is_punct("—–-") {
        let name = &rest[1..];
        let end = name.iter().position(|t| !t.is_word() && !t.is_punct(".")).unwrap_or(name.len());
        if end > 0 && end <= 6 && name[0].is_capitalised() {
            return read_np(&name[..end]).map(|who| Cue { who, phrase: Some((rest[0].start, rest[0].end)) });
        }
        return None;
    }
    let first = rest.iter().position(|t| t.is_word())?;
    if !rest[..first].iter().all(|t| t.is_punct(",")) {
        return None;
    }
    let rest = &rest[first..];
    let first_word = lower(rest[0].text);
    let first_word = &*first_word;
    if first_word == "according" && rest.get(1).is_some_and(|t| t.text == "to") {
        return np_after(rest, 2).map(|who| Cue { who, phrase: Some((rest[0].start, rest[1].end)) });
    }
    // `as Ng put it`, `was how Ng described it`
    let skip = match (first_word, rest.get(1).map(|t| t.text)) {
        ("as", _) => 1,
        ("was" | "is", Some("how")) => 2,
        _ => 0,
    };
    if skip > 0 {
        let body = &rest[skip..];
        let k = body
            .iter()
            .take(8)
            .position(|t| matches!(t.text, "put" | "described" | "called" | "describes" | "puts"))?;
        return read_np(&body[..k]).map(|who| Cue { who, phrase: Some((rest[0].start, body[k].end)) });
    }
    if matches!(
        first_word,
        "and" | "but" | "or" | "which" | "that" | "while" | "because" | "so" | "if" | "when"
    ) {
        return None;
    }
    let k = rest.iter().take(40).position(|t| t.is_word() && is_speech_verb(t.text))?;
    if rest[..k].iter().any(|t| t.is_word() && (is_speech_verb(t.text) || t.is_punct(".!?"))) {
        return None;
    }
    // `"...," York said. "..." Smith agreed: "..."`: a cue ending in a
    // colon introduces the quote after it, not the one before.
    if rest.last().is_some_and(|t| t.is_punct(":")) && rest.len() - k <= 4 {
        return None;
    }
    let mut subject_end = k;
    while subject_end > 0 && (is_filler(rest[subject_end - 1].text) || rest[subject_end - 1].is_punct(",")) {
        subject_end -= 1;
    }
    if subject_end == 0 {
        // `said Achieng`, `responded NASA administrator Jim Okafor`
        return np_after(rest, k + 1).map(|who| Cue { who, phrase: Some((rest[k].start, rest[k].end)) });
    }
    // `Otieno, a trader, told reporters`: the first chunk is the subject.
    let subject = &rest[..subject_end];
    let chunk = chunks(subject).into_iter().next()?;
    if chunk.iter().filter(|t| t.is_word()).count() > 10 {
        return None;
    }
    read_np(chunk).map(|who| Cue { who, phrase: phrase(rest, k, k) })
}

/// The noun phrase starting at `from`, or the name set off after it when
/// it only describes (`said Jamaica's prime minister, Andrew Holness`,
/// `according to his aunt, Jane Otieno,`).
fn np_after<'t>(tokens: &[Token<'t>], from: usize) -> Option<Np<'t>> {
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
fn np_end(tokens: &[Token], from: usize) -> usize {
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

/// The attribution before a quote: `tokens` run from the start of the
/// sentence (or the previous quote) to the opening mark.
pub fn before<'t>(tokens: &[Token<'t>]) -> Option<Cue<'t>> {
    let words: Vec<usize> = (0..tokens.len()).filter(|&i| tokens[i].is_word()).collect();
    if words.is_empty() {
        return None;
    }
    if let Some(a) = words.iter().position(|&i| tokens[i].text.eq_ignore_ascii_case("according"))
        && words.get(a + 1).is_some_and(|&i| tokens[i].text == "to")
    {
        return np_after(tokens, words[a + 1] + 1)
            .map(|who| Cue { who, phrase: Some((tokens[words[a]].start, tokens[words[a + 1]].end)) });
    }
    // `The town, as Moraa put it, "..."`
    if let Some(put) = words.iter().rposition(|&i| matches!(tokens[i].text, "put" | "puts"))
        && words.get(put + 1).is_some_and(|&i| tokens[i].text == "it")
        && let Some(a) = words[..put].iter().rposition(|&i| tokens[i].text.eq_ignore_ascii_case("as"))
        && put - a <= 6
    {
        let (from, to) = (words[a] + 1, words[put]);
        return read_np(&tokens[from..to])
            .map(|who| Cue { who, phrase: Some((tokens[words[a]].start, tokens[words[put + 1]].end)) });
    }
    let verb = words.iter().rev().find(|&&i| {
        let w = tokens[i].text;
        is_speech_verb(w) || PARTICIPLES.has(w)
    });
    let Some(&k) = verb else {
        return introduced(tokens);
    };
    let gap = tokens[k + 1..].iter().filter(|t| t.is_word()).count();
    if gap > 12 {
        return None;
    }
    let phrase = phrase(tokens, k, k);
    if PARTICIPLES.has(tokens[k].text) {
        return Some(Cue { who: Np::Subject, phrase });
    }
    let mut end = k;
    while end > 0 && (is_filler(tokens[end - 1].text) || tokens[end - 1].is_punct(",")) {
        end -= 1;
    }
    let subject = &tokens[..end];
    let chunks = chunks(subject);
    let mut i = chunks.len().checked_sub(1)?;
    // `Otieno, a trader at the port, said`, `Steve Ouma, Senior Vice
    // President of Sales for Acme, Inc., says`: descriptions after a name.
    while i > 0 {
        let chunk = chunks[i];
        let earlier = chunks[i - 1];
        let earlier_name =
            !opens_with_preposition(earlier) && matches!(read_np(earlier), Some(Np::Person(..) | Np::Org(_)));
        let describes = is_apposition(chunk) || is_title_phrase(chunk);
        if is_corporate_suffix(chunk) || (describes && earlier_name) {
            i -= 1;
        } else {
            break;
        }
    }
    // A clause may open with other words: `In a statement the ministry`.
    let chunk = chunks[i];
    let from = chunk.iter().rposition(|t| {
        t.is_word()
            && matches!(
                t.text,
                "that"
                    | "and"
                    | "but"
                    | "when"
                    | "while"
                    | "because"
                    | "as"
                    | "after"
                    | "before"
                    | "if"
                    | "so"
            )
    });
    let chunk = from.map_or(chunk, |f| &chunk[f + 1..]);
    read_np(chunk).map(|who| Cue { who, phrase })
}

/// `Senior Vice President of Sales for Acme`: a title, not a name.
fn is_title_phrase(chunk: &[Token]) -> bool {
    chunk.iter().any(|t| t.is_capitalised() && super::super::names::is_title(t.text))
        && !matches!(read_np(chunk), Some(Np::Person(..)))
}

/// `Gomez put it plainly: "..."`: a clause ending in a colon introduces
/// its subject's words.
fn introduced<'t>(tokens: &[Token<'t>]) -> Option<Cue<'t>> {
    let colon = tokens.iter().rposition(|t| !t.is_punct("“\""))?;
    if !tokens[colon].is_punct(":") {
        return None;
    }
    let (at, who) = subject(&tokens[..colon])?;
    if !matches!(who, Np::Person(..) | Np::Org(_) | Np::Pronoun(_) | Np::OrgNoun(_) | Np::Role(_)) {
        return None;
    }
    let verb = (at..colon).find(|&i| tokens[i].is_lowercase() && i > at)?;
    (colon - verb <= 6).then(|| Cue { who, phrase: Some((tokens[verb].start, tokens[colon - 1].end)) })
}

/// `Inc.`, `Ltd`, `Jr.`: the end of a name, set off by a comma.
fn is_corporate_suffix(chunk: &[Token]) -> bool {
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

    fn who_after(text: &str) -> Option<Np<'_>> {
        after(&tokenize(text, &[])).map(|c| c.who)
    }

    fn who_before(text: &str) -> Option<Np<'_>> {
        before(&tokenize(text, &[])).map(|c| c.who)
    }

    fn cue_after(text: &str) -> Option<String> {
        after(&tokenize(text, &[])).and_then(|c| c.phrase).map(|(a, b)| text[a..b].to_string())
    }

    #[test]
    fn subject_then_verb_across_an_apposition() {
        assert_eq!(
            who_after(", Halima Osei, a trade lecturer at Moi University, said."),
            person("Halima Osei")
        );
        assert_eq!(who_after(" Grain broker Carl Mutua said."), person("Carl Mutua"));
        assert_eq!(who_after(", she added."), Some(Np::Pronoun("she")));
    }

    #[test]
    fn verb_then_subject_with_a_description_first() {
        assert_eq!(who_after(", says veteran analyst Ken Wafula."), person("Ken Wafula"));
        let with_title = Some(Np::Person(Name::new(&["Ann", "Kirui"]), Some("Rep")));
        assert_eq!(who_after(", said Rep. Ann Kirui (D-Nyeri), ranking member of the panel."), with_title);
        assert_eq!(who_after(" responded KeNHA administrator Jim Okafor."), person("Jim Okafor"));
    }

    #[test]
    fn cues_keep_their_words() {
        assert_eq!(cue_after(", Otieno told reporters on Friday.").as_deref(), Some("told reporters"));
        assert_eq!(cue_after(", Wekesa weighed in.").as_deref(), Some("weighed in"));
        assert_eq!(cue_after(", according to the Fisheries Service.").as_deref(), Some("according to"));
        assert_eq!(cue_after(" — Grace Achieng").as_deref(), Some("—"));
        assert_eq!(who_after(" — Grace Achieng"), person("Grace Achieng"));
        assert_eq!(who_after(", as Moraa put it."), person("Moraa"));
        assert_eq!(who_after(" was how Moraa described it."), person("Moraa"));
    }

    #[test]
    fn organisations_and_unnamed_speakers() {
        assert_eq!(who_after(", the ministry said in a statement."), Some(Np::OrgNoun("ministry".into())));
        assert_eq!(who_after(", it said."), Some(Np::Pronoun("it")));
        assert_eq!(who_after(", one analyst said."), Some(Np::Unnamed));
        assert_eq!(who_after(", one Lamu fisherman said."), Some(Np::Unnamed));
        assert_eq!(who_after(", the doctor said."), Some(Np::Role("doctor".into())));
        assert_eq!(who_after(", according to the KWS."), Some(Np::Org(Name::new(&["KWS"]))));
    }

    #[test]
    fn attribution_before_a_quote() {
        assert_eq!(who_before("Mutua told the committee:"), person("Mutua"));
        assert_eq!(
            who_before("Dr. Wanjiru Kamau, a soil scientist at Egerton, cautions that"),
            Some(Np::Person(Name::new(&["Wanjiru", "Kamau"]), Some("Dr")))
        );
        assert_eq!(who_before("In a statement, the ministry said"), Some(Np::OrgNoun("ministry".into())));
        assert_eq!(who_before("According to Achieng,"), person("Achieng"));
        assert_eq!(who_before("He paused, adding:"), Some(Np::Subject));
        assert_eq!(who_before("The rain came late this year."), None);
    }

    #[test]
    fn a_sentence_subject_after_an_opening_phrase() {
        let tokens = tokenize("At the hearing, Otieno asked about the budget.", &[]);
        assert_eq!(subject(&tokens).map(|s| s.1), person("Otieno"));
        let tokens = tokenize("She then left the room.", &[]);
        assert_eq!(subject(&tokens).map(|s| s.1), Some(Np::Pronoun("she")));
    }
}
