//! Direct quotes: finding the spans between quotation marks in a story's
//! paragraphs, joining quotes that run over several paragraphs, dropping
//! scare quotes, and attributing each quote to its speaker (FORMAT.md).

use super::lexicon::{FILLERS, PARTICIPLES, SPEECH_VERBS};
use super::names::{self, People, Word};
use crate::model::Quote;

/// Which mark opened a quote, and so which marks may close it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mark {
    Straight,
    Curly,
    Low,
    Guillemet,
}

/// One stretch between quotation marks inside a single paragraph.
#[derive(Debug, Clone, Copy)]
struct Part {
    para: usize,
    /// Byte offset of the opening mark.
    open: usize,
    inner_start: usize,
    inner_end: usize,
    /// Byte offset just past the closing mark; `None` when the paragraph ends
    /// first.
    close_end: Option<usize>,
}

/// Who an attribution names, before pronouns and roles are resolved.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Who {
    Name(String),
    /// `he said`, `adding:`: the person most recently named.
    Pronoun,
}

fn is_verb(word: &str) -> bool {
    SPEECH_VERBS.contains(&word)
}

fn is_filler(word: &str) -> bool {
    FILLERS.contains(&word) || (word.ends_with("ly") && word.chars().all(char::is_lowercase))
}

/// Find every quote in the paragraphs. `context` is other text of the story
/// (title, caption) whose names help give speakers their fullest form.
pub fn find_quotes(paragraphs: &[String], context: &[&str]) -> Vec<Quote> {
    let parts: Vec<Part> = paragraphs.iter().enumerate().flat_map(|(i, p)| scan_paragraph(p, i)).collect();
    if parts.is_empty() {
        return Vec::new();
    }
    let units = join_continued(&parts);
    let narration: Vec<String> = paragraphs
        .iter()
        .enumerate()
        .map(|(i, p)| {
            // Parts come in paragraph order: this paragraph's are one run.
            let from = parts.partition_point(|q| q.para < i);
            let to = parts.partition_point(|q| q.para <= i);
            blank_quotes(p, parts[from..to].iter())
        })
        .collect();
    let mut people = People::default();
    for text in context.iter().copied().chain(narration.iter().map(String::as_str)) {
        people.learn(text);
    }
    let mentions: Vec<((usize, usize), String)> = narration
        .iter()
        .enumerate()
        .flat_map(|(i, text)| {
            names::person_mentions(text, &people).into_iter().map(move |(pos, name)| ((i, pos), name))
        })
        .collect();
    Attributor { paragraphs, people, mentions, speakers: Vec::new() }.attribute(&units)
}

/// The quote spans of one paragraph, in order.
fn scan_paragraph(text: &str, para: usize) -> Vec<Part> {
    let mut parts = Vec::new();
    let mut open: Option<(usize, usize, Mark)> = None;
    let mut prev: Option<char> = None;
    for (i, c) in text.char_indices() {
        let after = i + c.len_utf8();
        match open {
            None => {
                let mark = match c {
                    '"' if prev.is_none_or(|p| p.is_whitespace() || "([{—–-/:".contains(p)) => {
                        Some(Mark::Straight)
                    }
                    '“' => Some(Mark::Curly),
                    '„' => Some(Mark::Low),
                    '«' => Some(Mark::Guillemet),
                    _ => None,
                };
                open = mark.map(|m| (i, after, m));
            }
            Some((o, s, mark)) => {
                let closes = match mark {
                    Mark::Straight => matches!(c, '"' | '”'),
                    Mark::Curly => {
                        matches!(c, '”' | '"') || (c == '“' && prev.is_some_and(|p| !p.is_whitespace()))
                    }
                    Mark::Low => matches!(c, '“' | '”'),
                    Mark::Guillemet => c == '»',
                };
                if closes {
                    parts.push(Part { para, open: o, inner_start: s, inner_end: i, close_end: Some(after) });
                    open = None;
                }
            }
        }
        prev = Some(c);
    }
    if let Some((o, s, _)) = open {
        parts.push(Part { para, open: o, inner_start: s, inner_end: text.len(), close_end: None });
    }
    parts
}

/// Group parts into quotes: a part left open at the end of its paragraph
/// continues into the next paragraph when that paragraph opens with a mark.
fn join_continued(parts: &[Part]) -> Vec<Vec<Part>> {
    let mut units: Vec<Vec<Part>> = Vec::new();
    let mut i = 0;
    while i < parts.len() {
        let mut unit = vec![parts[i]];
        i += 1;
        while let Some(last) = unit.last()
            && last.close_end.is_none()
            && let Some(next) = parts.get(i)
            && next.para == last.para + 1
            && next.open == 0
        {
            unit.push(*next);
            i += 1;
        }
        units.push(unit);
    }
    units
}

/// The paragraph with the words inside quotes replaced by spaces, so that
/// byte offsets still line up and names inside quotes are not narration.
fn blank_quotes<'a>(text: &str, parts: impl Iterator<Item = &'a Part>) -> String {
    let mut out = text.to_string();
    for p in parts {
        let blank = " ".repeat(p.inner_end - p.inner_start);
        out.replace_range(p.inner_start..p.inner_end, &blank);
    }
    out
}

struct Attributor<'a> {
    paragraphs: &'a [String],
    people: People,
    /// People named in narration, by (paragraph, byte offset).
    mentions: Vec<((usize, usize), String)>,
    /// Speakers already attributed, at the position of their quote.
    speakers: Vec<((usize, usize), String)>,
}

impl Attributor<'_> {
    fn attribute(mut self, units: &[Vec<Part>]) -> Vec<Quote> {
        let mut quotes: Vec<Quote> = Vec::new();
        for (n, unit) in units.iter().enumerate() {
            let first = unit[0];
            let last = unit[unit.len() - 1];
            let para = &self.paragraphs[first.para];
            let last_para = &self.paragraphs[last.para];
            // Units are in reading order: only the one just before can end
            // in this quote's paragraph.
            let prev_close = units[..n]
                .last()
                .map(|u| u[u.len() - 1])
                .filter(|p| p.para == first.para)
                .and_then(|p| p.close_end)
                .unwrap_or(0);
            let next_open = units
                .get(n + 1)
                .map(|u| u[0])
                .filter(|p| p.para == last.para)
                .map_or(last_para.len(), |p| p.open);
            let after = last.close_end.map(|c| &last_para[c..next_open.max(c)]);
            let before = &para[prev_close.min(first.open)..first.open];
            let who = after.and_then(attribution_after).or_else(|| attribution_before(before));
            let text = unit
                .iter()
                .map(|p| self.paragraphs[p.para][p.inner_start..p.inner_end].trim())
                .collect::<Vec<_>>()
                .join(" ");
            let whole_paragraph = first.open == 0
                && before.trim().is_empty()
                && after.is_none_or(|a| a.chars().all(|c| !c.is_alphanumeric()));
            let position = (first.para, first.open);
            let speaker = match who {
                Some(Who::Name(name)) => Some(self.full_name(&name)),
                Some(Who::Pronoun) => self.most_recent(position),
                None if whole_paragraph => quotes.last().and_then(|q| q.speaker.clone()),
                None if unit.len() == 1 && is_scare_quote(&text) => continue,
                None => last_before(&self.mentions, position)
                    .filter(|((p, _), _)| *p == first.para)
                    .map(|(_, name)| name.clone())
                    .or_else(|| {
                        quotes
                            .last()
                            .filter(|q| q.end_paragraph + 1 >= first.para)
                            .and_then(|q| q.speaker.clone())
                    }),
            };
            if let Some(name) = &speaker {
                self.speakers.push((position, name.clone()));
            }
            quotes.push(Quote {
                text,
                speaker,
                paragraph: first.para,
                start: char_offset(para, first.open),
                end_paragraph: last.para,
                end: char_offset(last_para, last.close_end.unwrap_or(last_para.len())),
            });
        }
        quotes
    }

    fn full_name(&mut self, name: &str) -> String {
        let full = self.people.fullest(name).unwrap_or_else(|| name.to_string());
        names::remember(&mut self.people.full, &full);
        full
    }

    /// The person named last before `position`, in narration or as a speaker.
    fn most_recent(&self, position: (usize, usize)) -> Option<String> {
        let mention = last_before(&self.mentions, position);
        let speaker = last_before(&self.speakers, position);
        match (mention, speaker) {
            (Some(m), Some(s)) => Some(if s.0 > m.0 { s.1.clone() } else { m.1.clone() }),
            (m, s) => m.or(s).map(|(_, name)| name.clone()),
        }
    }
}

/// The last entry before `position` in a list sorted by position: a binary
/// search, so a story with thousands of quotes stays linear overall.
fn last_before(
    list: &[((usize, usize), String)],
    position: (usize, usize),
) -> Option<&((usize, usize), String)> {
    let at = list.partition_point(|(p, _)| *p < position);
    at.checked_sub(1).map(|i| &list[i])
}

fn char_offset(text: &str, byte: usize) -> usize {
    text[..byte].chars().count()
}

/// A few words with no attribution (`the so-called "bottom-up" agenda`), or
/// the title of a work, is not speech.
fn is_scare_quote(inner: &str) -> bool {
    let words: Vec<&str> = inner.split_whitespace().collect();
    if words.len() <= 3 {
        return true;
    }
    let ends_like_speech = inner.trim_end().ends_with(['.', ',', '?', '!', '…']);
    let title_case =
        words.iter().all(|w| names::is_capitalised(w) || w.len() <= 3 || !w.chars().any(char::is_alphabetic));
    words.len() <= 8 && title_case && !ends_like_speech
}

/// Words of the first clause of `text`: up to the end of its first sentence.
fn first_clause<'a>(text: &'a str, limit: usize) -> Vec<Word<'a>> {
    let words = names::words(text);
    let mut out = Vec::new();
    for (i, w) in words.iter().enumerate() {
        out.push(*w);
        let gap_end = words.get(i + 1).map_or(text.len(), |n| n.start);
        if out.len() >= limit || text[w.end..gap_end].contains(['.', '!', '?', ';', ':', '"', '“', '”']) {
            break;
        }
    }
    out
}

/// Attribution after the closing mark: `he said`, `said Achieng`, `asked
/// Senator Mary Njoki`, `Rubio told reporters`, `according to Njoki`.
fn attribution_after(after: &str) -> Option<Who> {
    let clause = first_clause(after, 14);
    let k = clause.iter().position(|w| is_verb(w.text) || w.text == "according")?;
    if clause[k].text == "according" {
        return clause.get(k + 1).filter(|w| w.text == "to").and_then(|_| name_from(&clause[k + 2..]));
    }
    if k == 0 {
        let rest = &clause[1..];
        return match rest.first() {
            Some(w) if names::is_pronoun(w.text) => Some(Who::Pronoun),
            Some(w) if matches!(w.text, "the" | "a" | "an") => name_from(rest).or_else(|| role(rest)),
            Some(_) => name_from(rest),
            None => None,
        };
    }
    subject_before_verb(&clause[..k], true)
}

/// Attribution before the opening mark: `The minister said:`, `Rubio told
/// the Senate:`, `According to Njoki,`, `..., adding:`.
fn attribution_before(before: &str) -> Option<Who> {
    let words = names::words(before);
    let start = words
        .iter()
        .enumerate()
        .rev()
        .skip(1)
        .find(|(i, w)| {
            let gap_end = words[i + 1].start;
            before[w.end..gap_end].contains(['.', '!', '?'])
        })
        .map_or(0, |(i, _)| i + 1);
    let clause = &words[start..];
    if let Some(a) = clause.iter().position(|w| w.text.eq_ignore_ascii_case("according"))
        && clause.get(a + 1).is_some_and(|w| w.text == "to")
    {
        return name_from(&clause[a + 2..]);
    }
    let k = clause.iter().rposition(|w| is_verb(w.text) || PARTICIPLES.contains(&w.text))?;
    if clause.len() - k > 4 {
        return None;
    }
    if PARTICIPLES.contains(&clause[k].text) {
        return Some(Who::Pronoun);
    }
    subject_before_verb(&clause[..k], false)
}

/// The subject of a speech verb: a pronoun, a name, or a role (`the
/// minister`, resolved like a pronoun). `at_start`: the subject must open the
/// clause (attribution after a quote), else it must end right at the verb.
fn subject_before_verb(subject: &[Word], at_start: bool) -> Option<Who> {
    let mut end = subject.len();
    while end > 0 && is_filler(subject[end - 1].text) {
        end -= 1;
    }
    let subject = &subject[..end];
    let last = subject.last()?;
    if names::is_pronoun(last.text) && (!at_start || subject.len() == 1) {
        return Some(Who::Pronoun);
    }
    if at_start
        && !names::is_capitalised(subject[0].text)
        && let Some(who) = name_from(subject)
    {
        // `trader Ginette Lamour said`
        return Some(who);
    }
    let runs = names::capitalised_runs(subject);
    let run = if at_start {
        runs.first()
            .filter(|r| r.first == 0 && (r.words.len() == subject.len() || subject[r.words.len() - 1].stops))
    } else {
        runs.last().filter(|r| r.first + r.words.len() == subject.len())
    };
    if let Some(run) = run
        && let Some((name, _)) = names::strip_titles(&run.words)
    {
        return Some(Who::Name(name));
    }
    role(&subject[subject.len().saturating_sub(2)..])
}

/// `the minister`, `the senator`: a role word standing for a named person.
fn role(words: &[Word]) -> Option<Who> {
    words.iter().take(3).any(|w| names::is_role_word(w.text)).then_some(Who::Pronoun)
}

/// A name opening `words`: `Senator Mary Njoki` gives `Mary Njoki`. A
/// description may come first: `farmer Joyce Chebet`, `the local trader Amos
/// Kiprop`, `Jamaica's prime minister, Andrew Holness`.
fn name_from(words: &[Word]) -> Option<Who> {
    let mut at = 0;
    for _ in 0..6 {
        let w = words.get(at)?;
        if names::is_capitalised(w.text) {
            let runs = names::capitalised_runs(&words[at..]);
            let run = runs.first().filter(|r| r.first == 0)?;
            if !run.possessive {
                return names::strip_titles(&run.words).map(|(name, _)| Who::Name(name));
            }
            at += run.words.len();
        } else if w.stops && !names::is_role_word(w.text) {
            return None;
        } else {
            at += 1;
        }
    }
    None
}

#[cfg(test)]
#[path = "quotes_tests.rs"]
mod tests;
