//! Whole-word, case-insensitive name matching for tags and speakers:
//! `Ruto` finds `President Ruto` and `William Ruto`, not `Rutoville`.

/// The lower-case words of a name: letters and digits, apostrophes inside a
/// word kept (`Nyong'o`; a curly apostrophe counts as a straight one).
pub fn name_words(name: &str) -> Vec<String> {
    name.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
        .map(|w| w.trim_matches(['\'', '’']).to_lowercase().replace('’', "'"))
        .filter(|w| !w.is_empty())
        .collect()
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
}
