//! The discourse so far: who was named where and in what role, who spoke
//! last, and so whom a pronoun, `the ministry`, `the minister` or a quote
//! with no cue stands for.

use super::super::lexicon::{DOCUMENT_NOUNS, lower};
use super::super::names::is_title;
use super::WINDOW;
use super::cues;
use super::is_preposition;
use super::phrases::{self, Np};
use super::register::{Kind, Register, with_body};
use super::runs::{Gender, runs};
use super::tokens::Token;

/// How many mentions back a pronoun, a role or an organisation is looked
/// for.
const RECENT: usize = 400;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Role {
    Subject,
    Speaker,
    Object,
    Possessive,
    AfterPreposition,
}

/// A person or organisation named at a place in the story.
#[derive(Debug, Clone, Copy)]
pub(super) struct Mention {
    pub(super) entity: usize,
    /// (sentence number, token index)
    pub(super) at: (usize, usize),
    pub(super) role: Role,
}

/// What the reading so far knows: who was named where, and who spoke last.
pub(super) struct Discourse {
    pub(super) register: Register,
    pub(super) mentions: Vec<Mention>,
    /// Where the last quote was, and its speaker.
    pub(super) last_quote: Option<((usize, usize), Option<usize>)>,
    pub(super) sentence: usize,
}

impl Discourse {
    pub(super) fn new(register: Register) -> Discourse {
        Discourse { register, mentions: Vec::new(), last_quote: None, sentence: 0 }
    }

    /// Record the people and organisations a sentence names; its subject
    /// (token index and entity), when it has one.
    pub(super) fn narrate(&mut self, sent: &[Token]) -> Option<(usize, Option<usize>)> {
        let opens_with_quote = sent.first().is_some_and(|t| t.quote().is_some());
        let subject = if opens_with_quote { None } else { phrases::subject(sent) };
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
            let cut = words.iter().rposition(|w| is_title(w)).map_or(0, |i| i + 1);
            if cut == words.len() {
                continue;
            }
            let entity = with_body(sent, &run)
                .and_then(|name| self.register.find_org(&name))
                .or_else(|| self.latest_of(&self.register.find_person(&words[cut..])))
                .or_else(|| self.register.find_org_words(words));
            let Some(entity) = entity else { continue };
            let before = run.first.checked_sub(1).map(|i| lower(sent[i].text));
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
    pub(super) fn resolve(
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
    pub(super) fn carry_over(&self) -> Option<usize> {
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
