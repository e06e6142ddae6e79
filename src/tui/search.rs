//! Where the words of a search occur in a story's paragraphs, so the reader
//! can highlight them and `n`/`N` can jump between them.

use crate::model::Story;

/// One occurrence of a search word: paragraph and character range.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Match {
    pub para: usize,
    pub start: usize,
    pub end: usize,
}

/// Every occurrence of every word of `query` in the story's paragraphs,
/// ignoring case, in reading order.
pub fn matches(story: &Story, query: &str) -> Vec<Match> {
    let words: Vec<Vec<char>> = query
        .split_whitespace()
        .map(|w| w.chars().flat_map(char::to_lowercase).collect())
        .filter(|w: &Vec<char>| !w.is_empty())
        .collect();
    if words.is_empty() {
        return Vec::new();
    }
    let mut out = Vec::new();
    for (para, text) in story.paragraphs.iter().enumerate() {
        let chars: Vec<char> = text.chars().collect();
        let mut i = 0;
        while i < chars.len() {
            let hit = words.iter().filter_map(|w| matches_at(&chars, i, w)).max();
            if let Some(len) = hit {
                out.push(Match { para, start: i, end: i + len });
                i += len;
            } else {
                i += 1;
            }
        }
    }
    out
}

/// Length in characters of `word` found at `at`, ignoring case.
fn matches_at(chars: &[char], at: usize, word: &[char]) -> Option<usize> {
    let mut j = 0;
    let mut k = at;
    while j < word.len() {
        let c = *chars.get(k)?;
        for lower in c.to_lowercase() {
            if word.get(j) != Some(&lower) {
                return None;
            }
            j += 1;
        }
        k += 1;
    }
    Some(k - at)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Format;

    #[test]
    fn finds_every_word_ignoring_case() {
        let story = Story::new(
            "x",
            Format::Text,
            "T".into(),
            vec!["Haiti and HAITI".into(), "no".into(), "Kenya haiti".into()],
        );
        let found = matches(&story, "haiti kenya");
        let spots: Vec<(usize, usize, usize)> = found.iter().map(|m| (m.para, m.start, m.end)).collect();
        assert_eq!(spots, [(0, 0, 5), (0, 10, 15), (2, 0, 5), (2, 6, 11)]);
        assert!(matches(&story, "  ").is_empty());
    }
}
