//! Narration as tokens: words, punctuation and whole quotes, cut into
//! sentences that know abbreviations (`Dr.`, `Lt. Col.`, `U.S.`, initials).
//! A quote is one token, so a quote's own full stops never end a sentence
//! of narration and its words are never taken for names.

use super::super::lexicon::ABBREVIATED_TITLES;

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Word,
    /// One punctuation character (`,` `.` `:` `—` `(` ...).
    Punct,
    /// A whole quotation, marks included: the index of its quote.
    Quote(usize),
}

/// A token of one paragraph, with its byte range in that paragraph.
#[derive(Debug, Clone, Copy)]
pub struct Token<'a> {
    pub kind: Kind,
    /// The word without a possessive `'s`; the punctuation character; the
    /// quote's inner text.
    pub text: &'a str,
    pub start: usize,
    pub end: usize,
    /// A word that carried a possessive `'s` (cut from `text`).
    pub possessive: bool,
}

impl Token<'_> {
    pub fn is_word(&self) -> bool {
        self.kind == Kind::Word
    }

    pub fn is_punct(&self, chars: &str) -> bool {
        self.kind == Kind::Punct && chars.contains(self.text)
    }

    pub fn quote(&self) -> Option<usize> {
        match self.kind {
            Kind::Quote(q) => Some(q),
            _ => None,
        }
    }

    /// A word that starts with a capital letter.
    pub fn is_capitalised(&self) -> bool {
        self.is_word() && self.text.chars().next().is_some_and(char::is_uppercase)
    }

    /// A word that starts with a lower-case letter.
    pub fn is_lowercase(&self) -> bool {
        self.is_word() && self.text.chars().next().is_some_and(char::is_lowercase)
    }
}

/// A quote's place in a paragraph: the byte range from its opening mark to
/// just past its closing mark, and the inner text's range.
#[derive(Debug, Clone, Copy)]
pub struct Span {
    pub quote: usize,
    pub open: usize,
    pub close: usize,
    pub inner: (usize, usize),
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '\'' | '’' | '-' | '&' | '%' | '$' | '€' | '£' | '\u{FFFD}')
}

/// The character at byte `i` and its length; ASCII without decoding.
fn char_at(text: &str, i: usize) -> Option<(char, usize)> {
    let b = *text.as_bytes().get(i)?;
    if b < 0x80 {
        return Some((char::from(b), 1));
    }
    text[i..].chars().next().map(|c| (c, c.len_utf8()))
}

/// Split a paragraph into tokens; `spans` are its quotes in order.
pub fn tokenize<'a>(text: &'a str, spans: &[Span]) -> Vec<Token<'a>> {
    let mut out = Vec::with_capacity(text.len() / 5);
    let mut spans = spans.iter().peekable();
    let bytes = text.as_bytes();
    let mut i = 0;
    let mut next_open = spans.peek().map_or(usize::MAX, |s| s.open);
    while i < bytes.len() {
        // Fast path: ASCII spaces between words.
        if bytes[i] == b' ' {
            i += 1;
            continue;
        }
        if next_open <= i
            && let Some(span) = spans.peek()
        {
            out.push(Token {
                kind: Kind::Quote(span.quote),
                text: &text[span.inner.0..span.inner.1],
                start: span.open,
                end: span.close,
                possessive: false,
            });
            i = span.close.max(i + 1);
            spans.next();
            next_open = spans.peek().map_or(usize::MAX, |s| s.open);
            continue;
        }
        let Some((c, len)) = char_at(text, i) else { break };
        if c.is_whitespace() {
            i += len;
            continue;
        }
        if !is_word_char(c) || (matches!(c, '\'' | '’' | '-') && !next_is_alnum(text, i + len)) {
            out.push(Token {
                kind: Kind::Punct,
                text: &text[i..i + len],
                start: i,
                end: i + len,
                possessive: false,
            });
            i += len;
            continue;
        }
        let start = i;
        i = word_end(text, start, next_open.min(text.len()));
        // Most words end in a letter or digit that is not a possessive `s`.
        if bytes[i - 1].is_ascii_alphanumeric()
            && bytes[i - 1] != b's'
            && text.as_bytes().get(i) != Some(&b'\'')
        {
            out.push(Token { kind: Kind::Word, text: &text[start..i], start, end: i, possessive: false });
            continue;
        }
        let token = word_token(text, start, i);
        i = i.max(token.end);
        out.push(token);
    }
    out
}

/// Where the word starting at `start` ends (before `limit`, the next
/// quote). Dots and commas between letters or digits belong to it: `U.S`,
/// `1,000`, `3.5`.
fn word_end(text: &str, start: usize, limit: usize) -> usize {
    let bytes = text.as_bytes();
    let mut i = start;
    while i < limit {
        let b = bytes[i];
        if b.is_ascii_alphanumeric() || matches!(b, b'\'' | b'-' | b'&' | b'%' | b'$') {
            i += 1;
            continue;
        }
        if (b == b'.' || (b == b',' && i > start && bytes[i - 1].is_ascii_digit()))
            && i > start
            && next_is_alnum(text, i + 1)
            && text[..i].chars().next_back().is_some_and(char::is_alphanumeric)
        {
            i += 1;
            continue;
        }
        match char_at(text, i) {
            Some((c, len)) if b >= 0x80 && is_word_char(c) => i += len,
            _ => break,
        }
    }
    i
}

/// The word `text[start..end]` as a token: trailing apostrophes and hyphens
/// are punctuation, and `'s` (or a plural's bare apostrophe) marks a
/// possessive.
fn word_token(text: &str, start: usize, end: usize) -> Token<'_> {
    let mut word = &text[start..end];
    // Trailing apostrophes and hyphens are punctuation, not the word.
    while let Some(stripped) = word.strip_suffix(['-', '\'']).or_else(|| word.strip_suffix('’')) {
        if stripped.is_empty() {
            break;
        }
        word = stripped;
    }
    let mut end = start + word.len();
    let mut possessive = false;
    if let Some(stem) = ["'s", "’s"].iter().find_map(|s| word.strip_suffix(s)).filter(|s| !s.is_empty()) {
        word = stem;
        possessive = true;
    } else if text[end..].starts_with(['\'', '’']) && word.ends_with('s') && word.len() > 1 {
        // `the Joneses’ house`
        possessive = true;
        end += text[end..].chars().next().map_or(0, char::len_utf8);
    }
    Token { kind: Kind::Word, text: word, start, end: end.max(start + word.len()), possessive }
}

fn next_is_alnum(text: &str, at: usize) -> bool {
    text[at..].chars().next().is_some_and(char::is_alphanumeric)
}

/// A word whose following full stop does not end a sentence: a title
/// (`Dr`), an initial (`M`), a dotted abbreviation (`U.S`).
pub fn takes_a_dot(word: &str) -> bool {
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    (letters == 1 && word.chars().next().is_some_and(char::is_uppercase))
        || (word.contains('.') && word.chars().all(|c| c.is_alphabetic() || c == '.'))
        || ABBREVIATED_TITLES.has(word)
        || matches!(word, "No" | "vs" | "etc" | "approx" | "Inc" | "Corp" | "Co" | "Ltd" | "Mt" | "Ft")
}

/// Words after which a full stop never ends the sentence, whatever follows.
fn never_ends(word: &str) -> bool {
    ABBREVIATED_TITLES.has(word) && !matches!(word, "Jr" | "Sr")
        || (word.chars().count() == 1 && word.chars().all(char::is_uppercase))
}

/// Cut a paragraph's tokens into sentences: `(start, end)` index ranges.
/// `quote_ends_sentence(q)` tells whether the text of quote `q` ends a
/// sentence (its last character is `.`, `!`, `?` or `…`).
pub fn sentences(tokens: &[Token]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    for i in 0..tokens.len() {
        let t = &tokens[i];
        let next = tokens.get(i + 1);
        let ends = match t.kind {
            Kind::Punct if matches!(t.text, "." | "!" | "?" | "…") => {
                let prev = i.checked_sub(1).map(|p| &tokens[p]).filter(|p| p.is_word() && p.end == t.start);
                let abbreviation = t.text == "." && prev.is_some_and(|p| never_ends(p.text));
                let soft = t.text == "." && prev.is_some_and(|p| takes_a_dot(p.text));
                !abbreviation
                    && match next {
                        None => true,
                        Some(n) if soft => n.quote().is_some() || is_sentence_opener(n.text),
                        Some(n) => !n.is_lowercase() && !n.is_punct(",;:)"),
                    }
            }
            Kind::Quote(_) => {
                let inner = t.text.trim_end();
                inner.ends_with(['.', '!', '?', '…'])
                    && next.is_some_and(|n| {
                        n.quote().is_some() || (n.is_capitalised() && !is_short_cue(&tokens[i + 1..]))
                    })
            }
            _ => false,
        };
        if ends {
            out.push((start, i + 1));
            start = i + 1;
        }
    }
    if start < tokens.len() {
        out.push((start, tokens.len()));
    }
    out
}

/// `Smith asked.` right after a quote that ends with `?`: the quote's own
/// attribution, not a new sentence.
fn is_short_cue(rest: &[Token]) -> bool {
    let end = rest.iter().position(|t| t.quote().is_some() || t.is_punct(".!?")).unwrap_or(rest.len());
    let clause = &rest[..end];
    // `Smith agreed: "..."` introduces the next quote.
    let introduces_next = clause.last().is_some_and(|t| t.is_punct(":"));
    clause.len() <= 6
        && !introduces_next
        && clause.iter().any(|t| t.is_word() && super::cues::is_speech_verb(t.text))
}

/// Capitalised words that commonly open a sentence after an abbreviation
/// (`... in the U.S. The report`), so the full stop ends that sentence.
fn is_sentence_opener(word: &str) -> bool {
    matches!(
        word,
        "The"
            | "A"
            | "An"
            | "He"
            | "She"
            | "It"
            | "They"
            | "We"
            | "I"
            | "But"
            | "And"
            | "In"
            | "This"
            | "That"
            | "His"
            | "Her"
            | "Their"
            | "There"
            | "Its"
            | "On"
            | "At"
            | "As"
            | "After"
            | "When"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        tokenize(text, &[]).iter().map(|t| t.text).collect()
    }

    fn sentence_texts(text: &str) -> Vec<String> {
        let tokens = tokenize(text, &[]);
        sentences(&tokens)
            .iter()
            .map(|&(a, b)| text[tokens[a].start..tokens[b - 1].end].to_string())
            .collect()
    }

    #[test]
    fn words_keep_abbreviations_numbers_and_cut_possessives() {
        assert_eq!(
            words("U.S. forces, 1,200 of them, met Dr. Otieno's aide."),
            ["U.S", ".", "forces", ",", "1,200", "of", "them", ",", "met", "Dr", ".", "Otieno", "aide", "."]
        );
        let tokens = tokenize("the Wanjikus’ farm", &[]);
        assert!(tokens[1].possessive && tokens[1].text == "Wanjikus");
    }

    #[test]
    fn a_quote_is_one_token() {
        let text = "Amina said: \"We go. Now.\" Then she left.";
        let open = text.find('"').unwrap();
        let close = text.rfind('"').unwrap() + 1;
        let span = Span { quote: 0, open, close, inner: (open + 1, close - 1) };
        let tokens = tokenize(text, &[span]);
        assert_eq!(tokens[3].quote(), Some(0));
        assert_eq!(tokens[3].text, "We go. Now.");
        assert_eq!(sentences(&tokens).len(), 2);
    }

    #[test]
    fn titles_and_initials_do_not_end_sentences() {
        assert_eq!(
            sentence_texts("Dr. Halima Osei met Lt. Col. Amara K. Diallo. They spoke."),
            ["Dr. Halima Osei met Lt. Col. Amara K. Diallo.", "They spoke."]
        );
    }

    #[test]
    fn a_dotted_abbreviation_ends_a_sentence_only_before_an_opener() {
        assert_eq!(
            sentence_texts("Aid reached the U.S. Navy ship. The crew cheered."),
            ["Aid reached the U.S. Navy ship.", "The crew cheered."]
        );
        assert_eq!(
            sentence_texts("Talks moved to the U.S. The envoy left."),
            ["Talks moved to the U.S.", "The envoy left."]
        );
    }
}
