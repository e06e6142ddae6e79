//! Tag lines: splitting on separators, and segmenting the space-joined lines
//! scrapers produce (`Haiti Trump President Ruto US Secretary of State`) into
//! names using tags the library knows, names in the story and name shapes.

use std::collections::HashSet;

use super::clean::one_line;
use super::names;

/// A tag line as found in an article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TagLine {
    /// Tags written with separators: final.
    Separated(Vec<String>),
    /// Tags written with spaces only: to be segmented into names.
    SpaceJoined(String),
}

/// Read the text that follows `Tags:`. Commas, semicolons, `|` and new lines
/// separate tags; a single line without any of them is space-joined.
pub fn read_tag_line(raw: &str) -> TagLine {
    let lines: Vec<&str> = raw.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
    let has_separator = lines.len() > 1 || raw.contains([',', ';', '|', '•', '·']);
    if has_separator {
        let tags = raw.split([',', ';', '|', '\n', '•', '·']).map(tidy_tag).filter(|t| !t.is_empty());
        TagLine::Separated(dedupe(tags))
    } else {
        TagLine::SpaceJoined(one_line(raw))
    }
}

fn tidy_tag(raw: &str) -> String {
    one_line(raw.trim().trim_start_matches('#').trim_end_matches('.'))
}

/// Drop repeats, ignoring case, keeping the first spelling and the order.
pub fn dedupe(tags: impl IntoIterator<Item = String>) -> Vec<String> {
    let mut seen = HashSet::new();
    tags.into_iter().filter(|t| seen.insert(t.to_lowercase())).collect()
}

/// Words that join the parts of a name: `Secretary of State`.
const CONNECTORS: &[&str] = &["of", "the", "and", "for", "de", "du", "la", "al"];

/// Lower-case tag names the library knows.
pub trait KnownTags: Sync {
    /// Whether a tag of this lower-case name is known.
    fn knows(&self, lower_case_name: &str) -> bool;
}

impl<S: std::hash::BuildHasher + Sync> KnownTags for HashSet<String, S> {
    fn knows(&self, name: &str) -> bool {
        self.contains(name)
    }
}

impl<V: Sync, S: std::hash::BuildHasher + Sync> KnownTags for std::collections::HashMap<String, V, S> {
    fn knows(&self, name: &str) -> bool {
        self.contains_key(name)
    }
}

/// What segmentation knows: tags written with separators anywhere in the
/// library, and the story's own text.
pub struct Knowledge<'a> {
    /// Tags written with separators anywhere in the library.
    pub known_tags: &'a dyn KnownTags,
    /// The story's own text (title, caption, paragraphs: no phrase spans
    /// two of them): a name it uses is likely one tag.
    pub text: &'a [&'a str],
}

/// Split a space-joined tag line into names. Each candidate segment is
/// scored; the segmentation with the best total wins (dynamic programming
/// over the words). Known tags and phrases found in the story score by the
/// square of their length, so the longest supported names win; a title and
/// a name (`President Ruto`) and capitalised words joined by `of`/`the` are
/// names by shape; anything else stands as one word a tag.
pub fn segment(line: &str, knowledge: &Knowledge) -> Vec<String> {
    let words: Vec<&str> = line.split_whitespace().collect();
    let n = words.len();
    // Where each word sits in the line: a phrase of words written with
    // single spaces is a slice of the line, not a new string.
    let at = |w: &str| w.as_ptr() as usize - line.as_ptr() as usize;
    let phrase = |start: usize, end: usize| -> std::borrow::Cow<'_, str> {
        let slice = &line[at(words[start])..at(words[end - 1]) + words[end - 1].len()];
        let letters: usize = words[start..end].iter().map(|w| w.len()).sum();
        if slice.len() == letters + (end - start - 1)
            && !slice.contains(|c: char| c != ' ' && c.is_whitespace())
        {
            std::borrow::Cow::Borrowed(slice)
        } else {
            std::borrow::Cow::Owned(words[start..end].join(" "))
        }
    };
    let mut room = String::new();
    // An ASCII line is lower-cased once: a phrase that is a slice of the
    // line is then the same slice of that.
    let lower_line = line.is_ascii().then(|| line.to_ascii_lowercase());
    // Where each word of the line starts a whole word in the text: every
    // phrase a segment could be starts at one of these, so the text is
    // scanned at most once a word (when a phrase it begins is looked
    // for), not once a candidate phrase.
    let mut starts: Vec<Option<Vec<(usize, usize)>>> = vec![None; n];
    // best[i]: best score and segment start for the first i words.
    let mut best: Vec<Option<(i64, usize)>> = vec![None; n + 1];
    best[0] = Some((0, 0));
    for end in 1..=n {
        for start in end.saturating_sub(8)..end {
            let Some((before, _)) = best[start] else {
                continue;
            };
            let phrase = phrase(start, end);
            let lower = match (&phrase, &lower_line) {
                (std::borrow::Cow::Borrowed(slice), Some(lower_line)) => {
                    &lower_line[at(slice)..at(slice) + slice.len()]
                }
                _ => {
                    lower_into(&mut room, &phrase);
                    room.as_str()
                }
            };
            let Some(score) = score(&words[start..end], &phrase, lower, &mut starts[start], knowledge) else {
                continue;
            };
            let total = before + score;
            if best[end].is_none_or(|(b, _)| total > b) {
                best[end] = Some((total, start));
            }
        }
    }
    let mut segments = Vec::new();
    let mut end = n;
    while end > 0 {
        // A word no segment can hold (a lone connector) stands alone.
        let start = best[end].map_or(end - 1, |(_, s)| s);
        segments.push(words[start..end].join(" "));
        end = start;
    }
    segments.reverse();
    dedupe(segments)
}

/// `phrase` lower-cased into `lower`, as `to_lowercase` (which the tag
/// names were lowered with) would.
fn lower_into(lower: &mut String, phrase: &str) {
    lower.clear();
    if phrase.contains('Σ') {
        // A final sigma lower-cases by its place in the word.
        lower.push_str(&phrase.to_lowercase());
    } else {
        lower.extend(phrase.chars().flat_map(char::to_lowercase));
    }
}

/// How good a segment `words` (written `phrase`, lower-cased `lower`) is;
/// `first_at`: where its first word starts in the text, once looked for.
fn score(
    words: &[&str],
    phrase: &str,
    lower: &str,
    first_at: &mut Option<Vec<(usize, usize)>>,
    knowledge: &Knowledge,
) -> Option<i64> {
    let len = words.len() as i64;
    let first = words[0];
    let last = words[words.len() - 1];
    if words.len() > 1 && (CONNECTORS.contains(&first) || CONNECTORS.contains(&last)) {
        return None;
    }
    if knowledge.known_tags.knows(lower) {
        return Some(len * len + 1);
    }
    if words.len() == 1 {
        return Some(if CONNECTORS.contains(&first) { -5 } else { 1 });
    }
    let first_at = first_at.get_or_insert_with(|| word_starts(knowledge.text, first));
    if contains_phrase(knowledge.text, first_at, phrase) {
        return Some(len * len);
    }
    if words.len() == 2 && names::is_title(first) && names::is_name_word(last) {
        return Some(3);
    }
    // `Ministry of Health`, `Speaker of the House`: one capitalised word on
    // each side of the joining words. Scored below the words it holds, so it
    // wins only over a stranded connector.
    let middle = &words[1..words.len() - 1];
    let joined_by_connector = words.len() >= 3
        && names::is_capitalised(first)
        && names::is_capitalised(last)
        && middle.iter().all(|w| CONNECTORS.contains(w));
    if joined_by_connector {
        return Some(2);
    }
    let lower_case_phrase = words.iter().all(|w| w.chars().all(char::is_lowercase));
    lower_case_phrase.then_some(len + 1)
}

/// Where `word` occurs in the parts of `text` (part, byte offset) with no
/// letter or digit before it, case-sensitively (`US` must not match `us`).
fn word_starts(text: &[&str], word: &str) -> Vec<(usize, usize)> {
    let finder = memchr::memmem::Finder::new(word.as_bytes());
    let mut starts = Vec::new();
    for (n, part) in text.iter().enumerate() {
        starts.extend(
            finder
                .find_iter(part.as_bytes())
                .filter(|&at| !part[..at].chars().next_back().is_some_and(char::is_alphanumeric))
                .map(|at| (n, at)),
        );
    }
    starts
}

/// `phrase` occurs in `text` as whole words, at one of the places where its
/// first word starts (`first_at`, from `word_starts`).
fn contains_phrase(text: &[&str], first_at: &[(usize, usize)], phrase: &str) -> bool {
    first_at.iter().any(|&(n, at)| {
        let part = text[n];
        part[at..].starts_with(phrase)
            && !part[at + phrase.len()..].chars().next().is_some_and(char::is_alphanumeric)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seg(line: &str, known: &[&str], text: &str) -> Vec<String> {
        let known_tags: HashSet<String> = known.iter().map(|k| k.to_lowercase()).collect();
        segment(line, &Knowledge { known_tags: &known_tags, text: &[text] })
    }

    #[test]
    fn separators_split_tags() {
        let expected = TagLine::Separated(vec!["Haiti".into(), "Jamaica".into(), "Belize".into()]);
        assert_eq!(read_tag_line("Haiti, Jamaica, Belize"), expected);
        assert_eq!(read_tag_line("Haiti; Jamaica;Belize"), expected);
        assert_eq!(read_tag_line("Haiti | Jamaica | Belize"), expected);
        assert_eq!(read_tag_line("Haiti\nJamaica\nBelize\n"), expected);
    }

    #[test]
    fn separated_tags_drop_repeats_and_empties() {
        assert_eq!(
            read_tag_line("Haiti,, haiti , Kenya,"),
            TagLine::Separated(vec!["Haiti".into(), "Kenya".into()])
        );
    }

    #[test]
    fn a_line_of_spaces_only_is_space_joined() {
        assert_eq!(read_tag_line("Haiti  Trump"), TagLine::SpaceJoined("Haiti Trump".into()));
    }

    #[test]
    fn seed_style_line_segments_into_names() {
        let text = "US Secretary of State nominee Marco Rubio said Trump would back Haiti.";
        assert_eq!(
            seg("Haiti Trump President Ruto US Secretary of State", &[], text),
            ["Haiti", "Trump", "President Ruto", "US Secretary of State"]
        );
    }

    #[test]
    fn known_tags_from_the_library_win() {
        assert_eq!(
            seg("Kenya Police Service Haiti", &["Kenya Police Service"], ""),
            ["Kenya Police Service", "Haiti"]
        );
    }

    #[test]
    fn known_tags_match_whatever_the_case_spacing_and_script_of_the_line() {
        let known = ["Kenya Police Service", "Élysée Palace"];
        for line in ["KENYA police Service Haiti", "Kenya  Police\tService Haiti"] {
            assert_eq!(
                seg(line, &known, ""),
                [line.split_whitespace().take(3).collect::<Vec<_>>().join(" "), "Haiti".into()]
            );
        }
        assert_eq!(seg("ÉLYSÉE Palace Haïti", &known, ""), ["ÉLYSÉE Palace", "Haïti"]);
    }

    #[test]
    fn a_name_is_found_in_any_part_of_the_story_but_not_across_two() {
        let known_tags = HashSet::<String>::new();
        let text = ["Budget day", "Senator Mary", "Njoki spoke.", "Later, Port Authority staff"];
        let seg = |line| segment(line, &Knowledge { known_tags: &known_tags, text: &text });
        assert_eq!(seg("Port Authority Budget"), ["Port Authority", "Budget"]);
        // `Mary Njoki` is split over two paragraphs: not a phrase the story uses.
        assert_eq!(seg("Nairobi Mary Njoki"), ["Nairobi", "Mary", "Njoki"]);
    }

    #[test]
    fn names_in_the_story_join_words() {
        assert_eq!(
            seg("Mary Njoki Senate Budget", &[], "Senator Mary Njoki spoke."),
            ["Mary Njoki", "Senate", "Budget"]
        );
    }

    #[test]
    fn capitalised_words_joined_by_of_are_one_name() {
        assert_eq!(seg("Ministry of Health Kenya", &[], ""), ["Ministry of Health", "Kenya"]);
    }

    #[test]
    fn lower_case_words_stay_together() {
        assert_eq!(seg("Kenya climate change", &[], ""), ["Kenya", "climate change"]);
    }

    #[test]
    fn phrase_match_respects_word_boundaries_and_case() {
        let found = |text: &str, phrase: &str| {
            let first = phrase.split(' ').next().unwrap_or_default();
            contains_phrase(&[text], &word_starts(&[text], first), phrase)
        };
        assert!(found("the US said", "US"));
        assert!(!found("send us a story", "US"));
        assert!(!found("USAID", "US"));
        assert!(!found("THE USAID", "US"));
        assert!(found("Secretary of State's visit", "Secretary of State"));
        assert!(!found("Secretary of Statehood", "Secretary of State"));
        // A later occurrence counts when an earlier one is part of a longer word.
        assert!(found("Statesman Secretary; Secretary of State", "Secretary of State"));
    }
}
