//! Whole-word, case-insensitive name matching for tags and speakers:
//! `Ruto` finds `President Ruto` and `William Ruto`, not `Rutoville`.

/// The lower-case words of a name: letters and digits, apostrophes inside a
/// word kept (`Nyong'o`; a curly apostrophe counts as a straight one).
pub fn name_words(name: &str) -> Vec<String> {
    let mut words = Vec::new();
    each_word(name, |w| words.push(w.to_string()));
    words
}

/// Each word of `text` as `name_words` gives it, through one reused
/// buffer: a pass over millions of words (clustering) allocates none.
pub fn each_word(text: &str, mut each: impl FnMut(&str)) {
    let mut buf = String::new();
    if text.is_ascii() {
        // The same words, found byte by byte and lower-cased in place.
        let bytes = text.as_bytes();
        let mut start = 0;
        for end in (0..=bytes.len())
            .filter(|&i| i == bytes.len() || !(bytes[i].is_ascii_alphanumeric() || bytes[i] == b'\''))
        {
            let word = text[start..end].trim_matches('\'');
            start = end + 1;
            if !word.is_empty() {
                buf.clear();
                buf.push_str(word);
                buf.make_ascii_lowercase();
                each(&buf);
            }
        }
        return;
    }
    for word in text.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’')) {
        let word = word.trim_matches(['\'', '’']);
        if word.is_empty() {
            continue;
        }
        buf.clear();
        if word.is_ascii() {
            buf.extend(word.chars().map(|c| c.to_ascii_lowercase()));
        } else {
            // Whole-word lower-casing (a Greek final sigma depends on its
            // place in the word).
            buf.push_str(&word.to_lowercase().replace('’', "'"));
        }
        each(&buf);
    }
}

/// Whether `query`'s words appear in `name` as whole, consecutive words,
/// ignoring case: `Ruto` matches `President Ruto` and `William Ruto`, not
/// `Rutoville`.
pub fn name_matches(name: &str, query: &str) -> bool {
    words_match(&name_words(name), &name_words(query))
}

pub(crate) fn words_match(name: &[String], query: &[String]) -> bool {
    !query.is_empty() && name.windows(query.len()).any(|w| w == query)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_match_on_whole_words_ignoring_case() {
        assert!(name_matches("President Ruto", "Ruto"));
        assert!(name_matches("William Ruto", "ruto"));
        assert!(name_matches("Haiti", "HAITI"));
        assert!(!name_matches("Rutoville", "Ruto"));
        assert!(name_matches("US Secretary of State", "secretary of state"));
        assert!(!name_matches("State Secretary", "secretary of state"));
        assert!(!name_matches("Haiti", ""));
    }

    #[test]
    fn apostrophes_stay_inside_names() {
        assert!(name_matches("Lupita Nyong'o", "nyong'o"));
        assert!(name_matches("Lupita Nyong’o", "Nyong'o"));
        assert!(!name_matches("Lupita Nyong'o", "Nyong"));
    }

    #[test]
    fn plain_and_accented_text_split_into_the_same_words() {
        let words = |text: &str| {
            let mut out = Vec::new();
            each_word(text, |w| out.push(w.to_string()));
            out
        };
        let expected = ["don't", "quote", "it", "now", "o'neil's", "2026", "plan"];
        assert_eq!(words("Don't 'quote' it-now, O'Neil's 2026 PLAN!"), expected, "ASCII");
        // One accented letter takes the general path: the same words.
        assert_eq!(words("Don't 'quote' it-now, O'Neil's 2026 PLAN! é")[..7], expected);
        assert_eq!(words("''  -- ''"), Vec::<String>::new());
    }
}
