//! Cue patterns around a quote: the attribution after it (`he said`,
//! `said Rep. Ann Kirui (D), ranking member`, `Otieno, a trader, told
//! reporters`), before it (`The minister said:`, `X cautions that`,
//! `According to X,`), a dash signature (`— Neil Amadi`), and `as X put
//! it`. Each gives the noun phrase that names the speaker and the cue as
//! written; `mod.rs` resolves the phrase to a person or organisation.

use super::super::lexicon::{CUE_PARTICLES, FILLERS, OBJECT_VERBS, PARTICIPLES, SPEECH_VERBS, lower};
use super::is_preposition;
use super::phrases::{
    Np, chunks, is_apposition, is_corporate_suffix, is_title_phrase, np_after, opens_with_preposition,
    read_np, subject,
};
use super::tokens::Token;

pub fn is_speech_verb(word: &str) -> bool {
    SPEECH_VERBS.has(word)
}

fn is_filler(word: &str) -> bool {
    FILLERS.has(word) || (word.ends_with("ly") && word.len() > 4 && word.chars().all(char::is_lowercase))
}

/// A cue: who it names, and the attribution phrase as written (a byte
/// range of the paragraph).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cue<'t> {
    pub who: Np<'t>,
    pub phrase: Option<(usize, usize)>,
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

#[cfg(test)]
mod tests {
    use super::super::runs::Name;
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
}
