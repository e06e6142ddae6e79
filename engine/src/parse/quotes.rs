//! Direct quotes: finding the spans between quotation marks in a story's
//! paragraphs, joining quotes that run over several paragraphs, dropping
//! scare quotes, and attributing each quote to its speaker (FORMAT.md).

use super::attribution::{Attributed, Attribution, Keep, Kind, Span, Unit, attribute};
use super::lexicon::NOT_ORGANISATIONS;
use super::names;
use crate::model::{NameKind, Named, Paragraphs, Quote, Story};

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

impl Story {
    /// Every quote in the story with its speaker, found on first use and
    /// kept. The title and caption are read too, as they often name who
    /// speaks.
    pub fn quotes(&self) -> &[Quote] {
        self.quotes.quotes.get_or_init(|| analyse(self.paragraphs(), &self.context(), false).0)
    }

    /// The people and organisations the story names, with how often and
    /// which quotes are theirs; found on first use with the quotes (the
    /// same reading, carried on to the story's end).
    pub fn people(&self) -> &[Named] {
        self.quotes.people.get_or_init(|| {
            let (quotes, people) = analyse(self.paragraphs(), &self.context(), true);
            // The same quotes either way: keep them if not yet found.
            let _ = self.quotes.quotes.set(quotes);
            people
        })
    }

    /// Keep quotes and people found elsewhere (`people::StoryText::find`)
    /// for this story, unless already found here.
    pub(crate) fn keep_found(&self, quotes: Vec<Quote>, people: Vec<Named>) {
        let _ = self.quotes.quotes.set(quotes);
        let _ = self.quotes.people.set(people);
    }

    /// The title and the caption: other text of the story that names
    /// people.
    fn context(&self) -> Vec<&str> {
        let mut context: Vec<&str> = vec![self.title()];
        context.extend(self.caption());
        context
    }
}

/// Find every quote in the paragraphs and attribute it. `context` is
/// other text of the story (title, caption) whose names help give speakers
/// their fullest form.
pub fn find_quotes(paragraphs: &Paragraphs, context: &[&str]) -> Vec<Quote> {
    analyse(paragraphs, context, false).0
}

/// The quotes, and with `everyone` the people and organisations named.
pub fn analyse(paragraphs: &Paragraphs, context: &[&str], everyone: bool) -> (Vec<Quote>, Vec<Named>) {
    let parts: Vec<Part> = paragraphs.iter().enumerate().flat_map(|(i, p)| scan_paragraph(p, i)).collect();
    if parts.is_empty() && !everyone {
        return (Vec::new(), Vec::new());
    }
    let groups = join_continued(&parts);
    let mut spans: Vec<Vec<Span>> = vec![Vec::new(); paragraphs.len()];
    let mut units = Vec::with_capacity(groups.len());
    let mut texts = Vec::with_capacity(groups.len());
    for (n, group) in groups.iter().enumerate() {
        let mut place = |p: &Part| {
            let list = &mut spans[p.para];
            list.push(Span {
                quote: n,
                open: p.open,
                close: p.close_end.unwrap_or(paragraphs[p.para].len()),
                inner: (p.inner_start, p.inner_end),
            });
            (p.para, list.len() - 1)
        };
        let places: Vec<(usize, usize)> = group.iter().map(&mut place).collect();
        let text = group
            .iter()
            .map(|p| paragraphs[p.para][p.inner_start..p.inner_end].trim())
            .collect::<Vec<_>>()
            .join(" ");
        let keep = if is_title_of_work(&text) {
            Keep::Never
        } else if group.len() == 1 && is_scare_quote(&text) {
            Keep::IfCued
        } else {
            Keep::Always
        };
        units.push(Unit { first: places[0], last: places[places.len() - 1], keep });
        texts.push(text);
    }
    let Attributed { quotes: attributions, people } =
        attribute(paragraphs, &spans, &units, context, everyone);
    let mut named: Vec<Named> = people
        .into_iter()
        .map(|(name, kind, mentions)| Named {
            name,
            kind: match kind {
                Kind::Person => NameKind::Person,
                Kind::Org => NameKind::Organisation,
            },
            mentions,
            quotes: Vec::new(),
        })
        .collect();
    let mut quotes = Vec::with_capacity(groups.len());
    for ((group, text), attribution) in groups.iter().zip(texts).zip(attributions) {
        let Some(Attribution { speaker, cue, entity }) = attribution else { continue };
        if let Some(who) = entity.and_then(|e| named.get_mut(e)) {
            who.quotes.push(quotes.len());
        }
        let (first, last) = (group[0], group[group.len() - 1]);
        let last_para = &paragraphs[last.para];
        quotes.push(Quote {
            text,
            speaker,
            cue,
            paragraph: first.para,
            start: char_offset(&paragraphs[first.para], first.open),
            end_paragraph: last.para,
            end: char_offset(last_para, last.close_end.unwrap_or(last_para.len())),
        });
    }
    // Unless quoted, a lone capitalised word the register took for a
    // person (`Critics said`) is nobody, and a body named by what it
    // serves (`Kenyan police`, `Mission officials`), an initialism of a
    // thing (`CEO`, `TV`) or a country (`US`) is not an organisation.
    named.retain(|n| {
        let name_shaped = match n.kind {
            NameKind::Person => n.name.contains(' '),
            NameKind::Organisation => {
                !n.name.rsplit(' ').next().is_some_and(|w| w.starts_with(char::is_lowercase))
                    && !NOT_ORGANISATIONS.has(&n.name)
                    && !is_shouted(&n.name)
            }
        };
        !n.quotes.is_empty() || (n.mentions > 0 && name_shaped)
    });
    (quotes, named)
}

/// One word in capitals longer than an acronym (`SWITZERLAND`, `BEFORE`):
/// a dateline or a shouted word, not an organisation's name.
fn is_shouted(name: &str) -> bool {
    !name.contains(' ') && name.chars().count() > 5 && name.chars().all(|c| !c.is_lowercase())
}

fn char_offset(text: &str, byte: usize) -> usize {
    text[..byte].chars().count()
}

/// The quote spans of one paragraph, in order.
fn scan_paragraph(text: &str, para: usize) -> Vec<Part> {
    let mut parts = Vec::new();
    let mut open: Option<(usize, usize, Mark)> = None;
    let bytes = text.as_bytes();
    let mut from = 0;
    // Every quotation mark is `"` or starts with one of these two bytes in
    // UTF-8: jump from candidate to candidate instead of reading each char.
    while let Some(found) = memchr::memchr3(b'"', 0xE2, 0xC2, &bytes[from..]) {
        let i = from + found;
        let Some(c) = text[i..].chars().next() else { break };
        let mut after = i + c.len_utf8();
        from = after;
        let prev = text[..i].chars().next_back();
        let next = text[after..].chars().next();
        let opens_here = prev.is_none_or(|p| p.is_whitespace() || "([{—–-/:".contains(p));
        match open {
            None => {
                let mark = match c {
                    '"' if opens_here => Some(Mark::Straight),
                    '“' => Some(Mark::Curly),
                    // `”` typed as an opening mark, before a word.
                    '”' if opens_here && next.is_some_and(char::is_alphanumeric) => Some(Mark::Curly),
                    // AP's two single marks: `‘‘...’’`.
                    '‘' if next == Some('‘') && opens_here => {
                        after += '‘'.len_utf8();
                        Some(Mark::Curly)
                    }
                    '„' => Some(Mark::Low),
                    '«' => Some(Mark::Guillemet),
                    _ => None,
                };
                open = mark.map(|m| (i, after, m));
            }
            Some((o, s, mark)) => {
                let doubled_single = c == '’' && next == Some('’');
                let closes = match mark {
                    Mark::Straight => matches!(c, '"' | '”') || doubled_single,
                    Mark::Curly => {
                        matches!(c, '”' | '"')
                            || doubled_single
                            || (c == '“' && prev.is_some_and(|p| !p.is_whitespace()))
                    }
                    Mark::Low => matches!(c, '“' | '”'),
                    Mark::Guillemet => c == '»',
                };
                if closes {
                    if doubled_single {
                        after += '’'.len_utf8();
                    }
                    parts.push(Part { para, open: o, inner_start: s, inner_end: i, close_end: Some(after) });
                    open = None;
                }
            }
        }
        from = from.max(after);
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

/// A few words (`the so-called "bottom-up" agenda`): speech only when a
/// cue stands next to them. A short whole sentence (`"It just worked."`)
/// is speech.
fn is_scare_quote(inner: &str) -> bool {
    let words = inner.split_whitespace().count();
    let sentence = words >= 2
        && inner.trim_start().starts_with(char::is_uppercase)
        && inner.trim_end().ends_with(['.', '!', '?']);
    words <= 3 && !sentence
}

/// Small words a title leaves in lower case.
const TITLE_SMALL_WORDS: &[&str] = &[
    "a", "an", "the", "of", "and", "or", "to", "in", "on", "at", "by", "for", "with", "from", "as", "but",
    "nor", "vs",
];

/// The title of a film, book, song or show (`"Wild Rose"`, `"Winter Tide,
/// Harbour Lights,"`): every word capitalised but the small ones, and no
/// sentence's end inside. Never a quote, attributed or not.
fn is_title_of_work(inner: &str) -> bool {
    let words: Vec<&str> = inner.split_whitespace().collect();
    if words.len() < 2 || words.len() > 14 {
        return false;
    }
    // American style puts the sentence's full stop inside: `"Wild Rose."`.
    let trimmed = inner.trim_end().trim_end_matches([',', '\'', '’']);
    let trimmed = if words.len() <= 6 { trimmed.strip_suffix('.').unwrap_or(trimmed) } else { trimmed };
    if trimmed.ends_with(['.', '?', '!', '…'])
        || trimmed.split_whitespace().any(|w| w.trim_end_matches([',', ':']).ends_with(['.', '?', '!']))
    {
        return false;
    }
    let mut capitalised = 0;
    for w in &words {
        let core = w.trim_matches(|c: char| !c.is_alphanumeric());
        if core.is_empty() || TITLE_SMALL_WORDS.contains(&core) {
            continue;
        }
        if !names::is_capitalised(core) {
            return false;
        }
        // `I` and `OK` open sentences too: a title has real words.
        capitalised += usize::from(core.chars().count() > 2 && core != "I'm" && core != "I’m");
    }
    capitalised >= 2
}

#[cfg(test)]
pub(crate) mod tests;
