//! Attribution: who said each quote, read the way news prose is written.
//!
//! 1. `tokens`: each paragraph becomes words, punctuation and whole quotes,
//!    cut into sentences that know abbreviations.
//! 2. `register`: the people and organisations the story names, with the
//!    fullest form of each name, titles stripped, and gender where the text
//!    shows it.
//! 3. `cues`: the attribution pattern around each quote (after, before,
//!    split, colon, dash, `according to`) gives a noun phrase.
//! 4. Here: the phrase is resolved against the register and the discourse
//!    so far. Pronouns go to the most salient person who agrees with them
//!    (subjects and speakers of recent sentences over objects), `the
//!    ministry` and `it` to the organisation last named, `one analyst` to
//!    nobody. A quote with no cue continues the current speaker, or the
//!    person the narration has just turned to.

mod cues;
mod register;
mod tokens;

use super::lexicon::{DOCUMENT_NOUNS, PREPOSITIONS};
use cues::{Cue, Np};
use register::{Gender, Kind, Register, runs};
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

/// How many mentions back a pronoun, a role or an organisation is looked
/// for.
const RECENT: usize = 400;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Subject,
    Speaker,
    Object,
    Possessive,
    AfterPreposition,
}

/// A person or organisation named at a place in the story.
#[derive(Debug, Clone, Copy)]
struct Mention {
    entity: usize,
    /// (sentence number, token index)
    at: (usize, usize),
    role: Role,
}

/// Attribute every quote. `spans[p]` are paragraph `p`'s quote parts, whose
/// `quote` field indexes `units`. `context` is other text of the story
/// (title, caption) that names people. `None` for a unit that is not a
/// quote after all (a title, or a scare quote nothing attributes).
pub fn attribute(
    paragraphs: &[String],
    spans: &[Vec<Span>],
    units: &[Unit],
    context: &[&str],
) -> Vec<Option<Attribution>> {
    // Narration after the last quote cannot attribute it: only the
    // paragraphs up to the last one with a quote are read.
    let read = spans.iter().rposition(|s| !s.is_empty()).map_or(0, |p| p + 1);
    let tokens: Vec<Vec<Token>> = paragraphs[..read].iter().zip(spans).map(|(p, s)| tokenize(p, s)).collect();
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
        discourse: Discourse { register, mentions: Vec::new(), last_quote: None, sentence: 0 },
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
    reading
        .found
        .into_iter()
        .map(|found| {
            found.map(|Found { speaker, phrase }| Attribution {
                speaker: speaker.map(|e| register.entities[e].name.clone()),
                // One line, however the paragraph broke inside the phrase.
                cue: phrase
                    .and_then(|(p, s, e)| paragraphs.get(p).and_then(|t| t.get(s..e)))
                    .map(|cue| cue.split_whitespace().collect::<Vec<_>>().join(" ")),
            })
        })
        .collect()
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

/// What the reading so far knows: who was named where, and who spoke last.
struct Discourse {
    register: Register,
    mentions: Vec<Mention>,
    /// Where the last quote was, and its speaker.
    last_quote: Option<((usize, usize), Option<usize>)>,
    sentence: usize,
}

impl Discourse {
    /// Record the people and organisations a sentence names; its subject
    /// (token index and entity), when it has one.
    fn narrate(&mut self, sent: &[Token]) -> Option<(usize, Option<usize>)> {
        let opens_with_quote = sent.first().is_some_and(|t| t.quote().is_some());
        let subject = if opens_with_quote { None } else { cues::subject(sent) };
        let mut subject_entity = None;
        if let Some((at, np)) = &subject {
            subject_entity = self.resolve(np, (self.sentence, *at), None, false);
            if let Some(e) = subject_entity {
                self.mentions.push(Mention { entity: e, at: (self.sentence, *at), role: Role::Subject });
            }
        }
        let subject_at = subject.as_ref().map(|s| s.0);
        for run in runs(sent) {
            if Some(run.first) == subject_at && subject_entity.is_some() {
                continue;
            }
            let words = run.words();
            let cut = words.iter().rposition(|w| super::names::is_title(w)).map_or(0, |i| i + 1);
            if cut == words.len() {
                continue;
            }
            let entity = register::with_body(sent, &run)
                .and_then(|name| self.register.find_org(&name))
                .or_else(|| self.latest_of(&self.register.find_person(&words[cut..])))
                .or_else(|| self.register.find_org_words(words));
            let Some(entity) = entity else { continue };
            let before = run.first.checked_sub(1).map(|i| super::lexicon::lower(sent[i].text));
            // `..., Howitt says.` and `says Howitt`: the narration's speaker.
            let speaks = sent.get(run.end).is_some_and(|t| t.is_word() && cues::is_speech_verb(t.text))
                || before.as_deref().is_some_and(cues::is_speech_verb);
            let role = if speaks && !run.possessive {
                Role::Subject
            } else if run.possessive {
                Role::Possessive
            } else if before.as_deref().is_some_and(is_preposition) {
                Role::AfterPreposition
            } else {
                Role::Object
            };
            self.mentions.push(Mention { entity, at: (self.sentence, run.first), role });
        }
        // Only this sentence's mentions can be out of order.
        let this_sentence = self.mentions.partition_point(|m| m.at.0 < self.sentence);
        self.mentions[this_sentence..].sort_by_key(|m| m.at);
        self.learn_gender(sent, subject_at, subject_entity);
        subject.map(|(at, _)| (at, subject_entity))
    }

    /// `Young, in his testimony, ...`: a pronoun after the subject, with no
    /// other person between, tells the subject's gender.
    fn learn_gender(&mut self, sent: &[Token], subject_at: Option<usize>, subject: Option<usize>) {
        let (Some(at), Some(e)) = (subject_at, subject) else { return };
        if self.register.entities[e].kind != Kind::Person || self.register.entities[e].gender.is_some() {
            return;
        }
        for t in &sent[at + 1..] {
            if t.is_capitalised() && !t.text.eq_ignore_ascii_case("he") && !t.text.eq_ignore_ascii_case("she")
            {
                if t.text != "His" && t.text != "Her" && !self.register.find_person(&[t.text]).is_empty() {
                    return;
                }
                continue;
            }
            let gender = match t.text.to_lowercase().as_str() {
                "he" | "his" | "him" | "himself" => Gender::Male,
                "she" | "her" | "hers" | "herself" => Gender::Female,
                _ => continue,
            };
            self.register.entities[e].gender = Some(gender);
            return;
        }
    }

    /// The latest mentions, newest first: how far back any look goes, so
    /// that a story naming thousands of people stays linear.
    fn recent(&self) -> impl Iterator<Item = &Mention> {
        self.mentions.iter().rev().take(RECENT)
    }

    /// Of several people sharing a name, the one named most recently.
    fn latest_of(&self, ids: &[usize]) -> Option<usize> {
        if ids.len() <= 1 {
            return ids.first().copied();
        }
        self.recent().find(|m| ids.contains(&m.entity)).map(|m| m.entity).or(ids.last().copied())
    }

    /// The entity a noun phrase names, at token `at`. `create`: a name the
    /// register does not know is a new person (a cue says it speaks).
    fn resolve(
        &mut self,
        np: &Np,
        at: (usize, usize),
        subject: Option<usize>,
        create: bool,
    ) -> Option<usize> {
        match np {
            Np::Person(name, title) => {
                let words = name.words();
                if let Some(e) = self.latest_of(&self.register.find_person(words)) {
                    return Some(e);
                }
                if let Some(e) = self.register.find_org_words(words) {
                    return Some(e);
                }
                create.then(|| self.register.add_person(words, *title, None))
            }
            Np::Org(name) => self
                .register
                .find_org_words(name.words())
                .or_else(|| create.then(|| self.register.add_org(&name.words().join(" "), None))),
            Np::Pronoun(p) => match *p {
                "he" | "him" => self.pronoun(Some(Gender::Male), at),
                "she" | "her" => self.pronoun(Some(Gender::Female), at),
                "it" => self.organisation(None),
                _ => self.they(),
            },
            Np::OrgNoun(noun) => self.organisation(Some(noun)),
            Np::Role(title) => self.register.by_title(title),
            Np::Unnamed => None,
            Np::Subject => subject.or_else(|| self.pronoun(None, at)),
        }
    }

    /// `they said`: an organisation when one was the last subject.
    fn they(&self) -> Option<usize> {
        let last = self.recent().find(|m| matches!(m.role, Role::Subject | Role::Speaker))?;
        (self.register.entities[last.entity].kind == Kind::Org).then_some(last.entity)
    }

    /// The person a `he` or `she` at `at` stands for: the best scored of
    /// the people named in the last few sentences.
    fn pronoun(&mut self, gender: Option<Gender>, at: (usize, usize)) -> Option<usize> {
        let agrees = |e: usize, reg: &Register| {
            let entity = &reg.entities[e];
            entity.kind == Kind::Person
                && (gender.is_none() || entity.gender.is_none() || entity.gender == gender)
        };
        let mut best: Option<(f32, usize)> = None;
        for m in self.recent() {
            if m.at >= at {
                continue;
            }
            let distance = at.0 - m.at.0;
            if distance >= WINDOW {
                break;
            }
            if !agrees(m.entity, &self.register) {
                continue;
            }
            let role = match m.role {
                Role::Subject => 3.0,
                Role::Speaker => 3.5,
                Role::Object | Role::Possessive => 1.0,
                Role::AfterPreposition => 0.0,
            };
            // A gendered pronoun prefers who is known to agree over who
            // may or may not.
            let gender_bonus = match (gender, self.register.entities[m.entity].gender) {
                (Some(g), Some(known)) if g == known => 1.5,
                (Some(_), None) => -1.0,
                _ => 0.0,
            };
            let score = role + gender_bonus - 1.5 * distance as f32;
            if best.is_none_or(|(s, _)| score > s) {
                best = Some((score, m.entity));
            }
        }
        let found = best.map(|(_, e)| e).or_else(|| {
            self.mentions
                .iter()
                .rev()
                .filter(|m| m.at < at)
                .map(|m| m.entity)
                .find(|&e| agrees(e, &self.register))
        })?;
        let entity = &mut self.register.entities[found];
        if entity.gender.is_none() {
            entity.gender = gender;
        }
        Some(found)
    }

    /// The organisation `the ministry`, `the group` or `it` stands for: one
    /// whose name has the noun, else the one last in the subject's place.
    fn organisation(&self, noun: Option<&str>) -> Option<usize> {
        let reg = &self.register;
        let is_org = |e: usize| reg.entities[e].kind == Kind::Org;
        let named_by =
            |e: usize| noun.is_some_and(|n| reg.entities[e].name.to_lowercase().split(' ').any(|w| w == n));
        let orgs = || self.recent().filter(|m| is_org(m.entity));
        if let Some(m) = orgs().find(|m| named_by(m.entity)) {
            return Some(m.entity);
        }
        if let Some(e) = reg.recent_orgs(RECENT).find(|&e| named_by(e)) {
            return Some(e);
        }
        let generic = noun.is_none_or(|n| {
            DOCUMENT_NOUNS.has(n)
                || matches!(
                    n,
                    "group" | "company" | "firm" | "organisation" | "organization" | "agency" | "government"
                )
        });
        if !generic {
            return None;
        }
        let latest = self.mentions.last().map_or(0, |m| m.at.0);
        orgs()
            .take_while(|m| latest - m.at.0 <= 6)
            .find(|m| matches!(m.role, Role::Subject | Role::Speaker))
            .or_else(|| orgs().next())
            .map(|m| m.entity)
    }

    /// A quote with no cue: the person the narration turned to since the
    /// last quote, else the last speaker.
    fn carry_over(&self) -> Option<usize> {
        let since = self.last_quote.map(|(at, _)| at);
        let turned_to = self
            .mentions
            .iter()
            .rev()
            .take_while(|m| since.is_none_or(|s| m.at > s))
            .find(|m| m.role == Role::Subject && self.register.entities[m.entity].kind == Kind::Person);
        match (turned_to, self.last_quote) {
            (Some(m), _) => Some(m.entity),
            (None, Some((at, speaker))) if self.sentence - at.0 <= 12 => speaker,
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests;
