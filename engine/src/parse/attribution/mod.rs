//! Attribution: who said each quote, read the way news prose is written.
//!
//! 1. `tokens`: each paragraph becomes words, punctuation and whole quotes,
//!    cut into sentences that know abbreviations.
//! 2. `runs`: capitalised runs of words and what each names (a person with
//!    titles cut off, an organisation, a title alone).
//! 3. `register`: the people and organisations the story names, with the
//!    fullest form of each name and gender where the text shows it.
//! 4. `phrases` and `cues`: the attribution pattern around each quote
//!    (after, before, split, colon, dash, `according to`) gives a noun
//!    phrase, read for whom it names.
//! 5. `discourse`: the phrase is resolved against the register and what
//!    was named so far. Pronouns go to the most salient person who agrees
//!    with them, `the ministry` and `it` to the organisation last named,
//!    `one analyst` to nobody. Here, the walk through the story: a quote
//!    with no cue continues the current speaker, or the person the
//!    narration has just turned to.

mod cues;
mod discourse;
mod phrases;
mod register;
mod runs;
mod tokens;

use super::lexicon::PREPOSITIONS;
use crate::model::Paragraphs;
use cues::Cue;
use discourse::{Discourse, Mention, Role};
pub use register::Kind;
use register::Register;
pub use tokens::Span;
use tokens::{Token, sentences, tokenize};

pub(crate) fn is_preposition(word: &str) -> bool {
    PREPOSITIONS.has(word)
}

/// Whether a quote is kept when nothing attributes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Keep {
    Always,
    /// A scare quote or a fragment: a quote only with an attribution.
    IfCued,
    /// The title of a work: never a quote.
    Never,
}

/// Who said a quote, and the phrase that says so.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attribution {
    pub speaker: Option<String>,
    pub cue: Option<String>,
    /// The speaker's place in `Attributed::people`.
    pub entity: Option<usize>,
}

/// What attribution found: each unit's attribution, and when asked for,
/// everyone the whole story names.
#[derive(Debug, Clone, Default)]
pub struct Attributed {
    /// One a unit; `None` for a unit that is not a quote after all.
    pub quotes: Vec<Option<Attribution>>,
    /// The people and organisations the story names (`Entity::name`, kind,
    /// times named); empty unless asked for.
    pub people: Vec<(String, Kind, usize)>,
}

/// Where a quote's first and last parts are: (paragraph, index in that
/// paragraph's spans).
#[derive(Debug, Clone, Copy)]
pub struct Unit {
    pub first: (usize, usize),
    pub last: (usize, usize),
    pub keep: Keep,
}

/// How many sentences before a quote the walk reads: a pronoun looks no
/// further back than this.
const WINDOW: usize = 6;

/// Attribute every quote. `spans[p]` are paragraph `p`'s quote parts, whose
/// `quote` field indexes `units`. `context` is other text of the story
/// (title, caption) that names people. `None` for a unit that is not a
/// quote after all (a title, or a scare quote nothing attributes). With
/// `everyone`, the narration after the last quote is read too, for the
/// people the story names (`Attributed::people`); the quotes and their
/// speakers are the same either way.
pub fn attribute(
    paragraphs: &Paragraphs,
    spans: &[Vec<Span>],
    units: &[Unit],
    context: &[&str],
    everyone: bool,
) -> Attributed {
    // Narration after the last quote cannot attribute it: only the
    // paragraphs up to the last one with a quote are read.
    let read = spans.iter().rposition(|s| !s.is_empty()).map_or(0, |p| p + 1);
    let tokens: Vec<Vec<Token>> =
        paragraphs.iter().take(read).zip(spans).map(|(p, s)| tokenize(p, s)).collect();
    let cuts: Vec<Vec<(usize, usize)>> = tokens.iter().map(|t| sentences(t)).collect();
    let mut register = Register::default();
    let context: Vec<Vec<Token>> = context.iter().map(|text| tokenize(text, &[])).collect();
    for t in &context {
        for (a, b) in sentences(t) {
            register.learn(&t[a..b]);
        }
    }
    for (t, cuts) in tokens.iter().zip(&cuts) {
        for &(a, b) in cuts {
            register.learn(&t[a..b]);
        }
    }
    let mut reading = Reading {
        discourse: Discourse::new(register),
        units,
        opened: vec![Opened::default(); units.len()],
        found: vec![None; units.len()],
    };
    // The headline is the story's first sentence: what it names is named
    // before the body begins.
    for t in &context {
        for (a, b) in sentences(t) {
            reading.discourse.sentence += 1;
            reading.discourse.narrate(&t[a..b]);
        }
    }
    // Only the sentences a few before a quote can decide its speaker: the
    // others were read for the register, and the walk skips them.
    let mut quoted_ahead = 0usize;
    let mut needed = Vec::with_capacity(cuts.iter().map(Vec::len).sum());
    for (toks, cuts) in tokens.iter().zip(&cuts).rev() {
        for &(a, b) in cuts.iter().rev() {
            if toks[a..b].iter().any(|t| t.quote().is_some()) {
                quoted_ahead = WINDOW + 1;
            }
            needed.push(quoted_ahead > 0);
            quoted_ahead = quoted_ahead.saturating_sub(1);
        }
    }
    let mut needed = needed.into_iter().rev();
    for (p, (toks, cuts)) in tokens.iter().zip(&cuts).enumerate() {
        let mut part = 0;
        for &(a, b) in cuts {
            if needed.next().unwrap_or(true) {
                part = reading.sentence(p, &toks[a..b], part);
            } else {
                reading.discourse.sentence += 1;
            }
        }
    }
    let register = &reading.discourse.register;
    let quotes = reading
        .found
        .into_iter()
        .map(|found| {
            found.map(|Found { speaker, phrase }| Attribution {
                speaker: speaker.map(|e| register.entities[e].name.clone()),
                // One line, however the paragraph broke inside the phrase.
                cue: phrase
                    .and_then(|(p, s, e)| paragraphs.get(p).and_then(|t| t.get(s..e)))
                    .map(|cue| cue.split_whitespace().collect::<Vec<_>>().join(" ")),
                entity: speaker,
            })
        })
        .collect();
    let people = if everyone { named_in(reading.discourse.register, paragraphs, read) } else { Vec::new() };
    Attributed { quotes, people }
}

/// Everyone `register` holds once the paragraphs from `from` on (which
/// have no quotes) are learned too: name, kind, times named. A fuller
/// name found there replaces the one the quotes' speakers were given.
fn named_in(mut register: Register, paragraphs: &Paragraphs, from: usize) -> Vec<(String, Kind, usize)> {
    for paragraph in paragraphs.iter().skip(from) {
        let tokens = tokenize(paragraph, &[]);
        for (a, b) in sentences(&tokens) {
            register.learn(&tokens[a..b]);
        }
    }
    register.entities.into_iter().map(|e| (e.name, e.kind, e.mentions)).collect()
}

/// What the opening of a quote said about its speaker.
#[derive(Debug, Clone, Default)]
struct Opened<'t> {
    /// A cue before the quote, and its paragraph.
    cue: Option<(Cue<'t>, usize)>,
    /// The subject of the narration the quote sits in (`She "became ..."`).
    embedded: Option<usize>,
    /// The cue ends at most a word before the quote (`said: "No."`): only
    /// then does it make a few words a quote.
    next_to_cue: bool,
}

/// A quote's speaker (an entity) and where its cue phrase is: (paragraph,
/// byte range).
#[derive(Debug, Clone, Copy)]
struct Found {
    speaker: Option<usize>,
    phrase: Option<(usize, usize, usize)>,
}

/// The walk through a story, sentence by sentence.
struct Reading<'u, 't> {
    discourse: Discourse,
    units: &'u [Unit],
    opened: Vec<Opened<'t>>,
    found: Vec<Option<Found>>,
}

impl<'t> Reading<'_, 't> {
    /// Read one sentence of paragraph `p` whose first quote part is the
    /// paragraph's `part`-th; the next part's number.
    fn sentence(&mut self, p: usize, sent: &[Token<'t>], mut part: usize) -> usize {
        let d = &mut self.discourse;
        d.sentence += 1;
        let subject = d.narrate(sent);
        let mut from = 0;
        for i in 0..sent.len() {
            let Some(u) = sent[i].quote() else { continue };
            let unit = self.units[u];
            if unit.first == (p, part) {
                let words_before = sent[from..i].iter().any(Token::is_word);
                let cue = cues::before(&sent[from..i]);
                let gap = |end: usize| sent[from..i].iter().filter(|t| t.is_word() && t.start >= end).count();
                self.opened[u] = Opened {
                    next_to_cue: cue.as_ref().and_then(|c| c.phrase).is_some_and(|(_, end)| gap(end) <= 1),
                    cue: cue.map(|c| (c, p)),
                    embedded: subject.filter(|&(t, _)| words_before && t < i).and_then(|(_, e)| e),
                };
            }
            let next =
                sent[i + 1..].iter().position(|t| t.quote().is_some()).map_or(sent.len(), |n| i + 1 + n);
            if unit.last == (p, part) {
                let after = cues::after(&sent[i + 1..next]).map(|c| (c, p));
                self.close(u, after, (self.discourse.sentence, i), subject.and_then(|s| s.1));
            }
            from = i + 1;
            part += 1;
        }
        part
    }

    /// Attribute quote `u` at its last part, `at`.
    fn close(
        &mut self,
        u: usize,
        after: Option<(Cue<'t>, usize)>,
        at: (usize, usize),
        subject: Option<usize>,
    ) {
        let opened = std::mem::take(&mut self.opened[u]);
        let next_to_cue = after.is_some() || opened.next_to_cue;
        let cue = after.or(opened.cue);
        let phrase = cue.as_ref().and_then(|(c, p)| c.phrase.map(|(s, e)| (*p, s, e)));
        let d = &mut self.discourse;
        let (speaker, cued) = match &cue {
            Some((c, _)) => (d.resolve(&c.who, at, subject, true), true),
            None => (opened.embedded.or_else(|| d.carry_over()), false),
        };
        let keep = match self.units[u].keep {
            Keep::Always => true,
            Keep::IfCued => cued && next_to_cue,
            Keep::Never => false,
        };
        if !keep {
            return;
        }
        self.found[u] = Some(Found { speaker, phrase });
        if let Some(e) = speaker {
            d.mentions.push(Mention { entity: e, at, role: Role::Speaker });
        }
        d.last_quote = Some((at, speaker));
    }
}

#[cfg(test)]
mod tests;
