//! Where the words of a search occur in a story's paragraphs, so the reader
//! can highlight them and `n`/`N` can jump between them.

use byline_engine::model::Story;
use byline_engine::search_index::{for_each_word_at, query_words};

/// One occurrence of a search word: paragraph and character range.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Match {
    pub para: usize,
    pub start: usize,
    pub end: usize,
}

/// Where the story's paragraphs match the search (see `byline_engine::search_index`):
/// every word equal to a query word, or starting with the last one (only
/// that prefix is marked). Character ranges, in reading order.
pub fn matches(story: &Story, query: &str) -> Vec<Match> {
    let query = query_words(query);
    let Some((last, whole)) = query.split_last() else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut buf = String::new();
    for (para, text) in story.paragraphs().iter().enumerate() {
        let mut spans = Vec::new();
        for_each_word_at(text, &mut buf, |word, range| {
            if whole.iter().any(|q| q == word) {
                spans.push(range);
            } else if word.starts_with(last.as_str()) {
                // The typed prefix: as many characters as the query word has.
                let chars = last.chars().count();
                let end = text[range.start..]
                    .char_indices()
                    .nth(chars)
                    .map_or(range.end, |(at, _)| range.start + at);
                spans.push(range.start..end.min(range.end));
            }
        });
        let mut chars_before = 0;
        let mut counted = 0;
        for span in spans {
            chars_before += text[counted..span.start].chars().count();
            let len = text[span.start..span.end].chars().count();
            out.push(Match { para, start: chars_before, end: chars_before + len });
            chars_before += len;
            counted = span.end;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use byline_engine::model::Format;

    #[test]
    fn finds_every_word_ignoring_case() {
        let story = Story::new(
            "x",
            Format::Text,
            "T".into(),
            vec!["Haiti and HAITI".into(), "no".into(), "Kenya haiti".into()],
        );
        let spots = |query: &str| -> Vec<(usize, usize, usize)> {
            matches(&story, query).iter().map(|m| (m.para, m.start, m.end)).collect()
        };
        assert_eq!(spots("haiti kenya"), [(0, 0, 5), (0, 10, 15), (2, 0, 5), (2, 6, 11)]);
        // The last word is a prefix: only the typed part is marked.
        assert_eq!(spots("hai"), [(0, 0, 3), (0, 10, 13), (2, 6, 9)]);
        // Earlier words are whole words; nothing inside a word matches.
        assert_eq!(spots("hai kenya"), [(2, 0, 5)]);
        assert!(spots("aiti").is_empty());
        assert!(spots("  ").is_empty());
    }
}
