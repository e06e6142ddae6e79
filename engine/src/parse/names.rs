//! The shape of people's names in news prose: titles (`President`,
//! `Lt.`), role words (`nominee`, `analyst`) and name-shaped words. Shared
//! by tag segmentation and quote attribution.

use super::lexicon::{ABBREVIATED_TITLES, ROLE_WORDS, TITLES};

/// A word naming a role before a name, capitalised (`President`) or not
/// (`nominee`, `Translator`).
pub fn is_title(word: &str) -> bool {
    TITLES.has(word) || (ABBREVIATED_TITLES.has(word) && !matches!(word, "Jr" | "Sr")) || is_role_word(word)
}

/// A role word in any case (`analyst`, `Analyst`).
pub fn is_role_word(word: &str) -> bool {
    ROLE_WORDS.has_any_case(word)
}

/// Starts with a capital letter: a candidate for a name or a title.
pub fn is_capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// A capitalised word that is not an acronym (`Ruto`, `Nyong'o`, `Séverine`,
/// `J.`): acronyms such as `US` or `CS` are organisations or titles.
pub fn is_name_word(word: &str) -> bool {
    is_capitalised(word)
        && (word.chars().any(char::is_lowercase) || (word.len() <= 3 && word.ends_with('.')))
        && word.chars().all(|c| c.is_alphabetic() || matches!(c, '\'' | '’' | '-' | '.'))
}
