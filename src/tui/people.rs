//! The people pane's state: everyone quoted in the stories shown, most
//! quoted first, narrowed by typing (whole words, the last one a prefix);
//! and one level down, one person's quotes, newest story first.

use byline_engine::bitset::BitSet;
use byline_engine::library::Library;
use byline_engine::name_match::name_words;
use byline_engine::people::{Person, is_one_of};

/// One person's quotes: (library index of the story, quote index in it),
/// newest story first and in story order within one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersonQuotes {
    pub person: Person,
    pub quotes: Vec<(usize, usize)>,
    pub selected: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PeoplePane {
    pub input: String,
    /// Every speaker in the stories shown, most quoted first.
    pub rows: Vec<Person>,
    /// Positions in `rows` of those whose name matches `input`.
    pub matching: Vec<usize>,
    /// Position in `matching` of the highlighted person.
    pub selected: usize,
    /// The second level, when open.
    pub quotes: Option<PersonQuotes>,
}

impl PeoplePane {
    /// The pane over the stories of `shown`, as far as the library's people
    /// index goes.
    pub fn new(library: &Library, shown: &BitSet) -> PeoplePane {
        let mut pane = PeoplePane {
            input: String::new(),
            rows: Vec::new(),
            matching: Vec::new(),
            selected: 0,
            quotes: None,
        };
        pane.recount(library, shown);
        pane
    }

    /// Count again (more stories' people found, or the filter changed),
    /// keeping the highlighted person.
    pub fn recount(&mut self, library: &Library, shown: &BitSet) {
        let highlighted = self.highlighted().map(|p| p.name.clone());
        self.rows = library.people().rows(Some(shown), true);
        self.narrow();
        if let Some(name) = highlighted
            && let Some(at) = self.matching.iter().position(|&r| self.rows[r].name == name)
        {
            self.selected = at;
        }
    }

    /// The person highlighted at the first level.
    pub fn highlighted(&self) -> Option<&Person> {
        self.matching.get(self.selected).map(|&r| &self.rows[r])
    }

    pub fn type_char(&mut self, c: char) {
        self.input.push(c);
        self.narrow();
    }

    pub fn delete_back(&mut self) {
        self.input.pop();
        self.narrow();
    }

    /// Keep the rows whose name has every typed word: whole words, the
    /// last one as its start while it is typed (`rubio`, `marco rub`
    /// find `Marco Rubio`; `mar rub` does not).
    fn narrow(&mut self) {
        let query = name_words(&self.input);
        self.matching = (0..self.rows.len()).filter(|&r| words_start(&self.rows[r].name, &query)).collect();
        self.selected = self.selected.min(self.matching.len().saturating_sub(1));
    }

    /// Move the highlight at whichever level is open.
    pub fn move_by(&mut self, delta: isize) {
        let (selected, len) = match &mut self.quotes {
            Some(level) => (&mut level.selected, level.quotes.len()),
            None => (&mut self.selected, self.matching.len()),
        };
        *selected = selected.saturating_add_signed(delta).min(len.saturating_sub(1));
    }

    /// Open the highlighted person's quotes in the stories of `shown`.
    pub fn open_person(&mut self, library: &Library, shown: &BitSet) -> bool {
        let Some(person) = self.highlighted().cloned() else { return false };
        let quotes = quotes_of(library, &person, shown);
        self.quotes = Some(PersonQuotes { person, quotes, selected: 0 });
        true
    }
}

/// Whether `name` holds every word of `query`, the last as a word's start.
fn words_start(name: &str, query: &[String]) -> bool {
    let words = name_words(name);
    query.iter().enumerate().all(|(i, q)| {
        let last = i + 1 == query.len();
        words.iter().any(|w| w == q || (last && w.starts_with(q.as_str())))
    })
}

/// Where `person` is quoted in the stories of `shown`: newest story first
/// (undated last), each story's quotes in order.
pub fn quotes_of(library: &Library, person: &Person, shown: &BitSet) -> Vec<(usize, usize)> {
    let forms = library.people().forms_of(&person.name, person.kind);
    let mut stories: Vec<usize> = library
        .people()
        .stories_of(&person.name, person.kind, true)
        .into_iter()
        .filter(|&s| shown.contains(s))
        .collect();
    let stories_list = library.stories();
    stories.sort_by(|&a, &b| stories_list[b].published.cmp(&stories_list[a].published));
    stories
        .into_iter()
        .flat_map(|s| theirs(library, person, &forms, s).into_iter().map(move |q| (s, q)))
        .collect()
}

/// The quotes of the story `story` that are `person`'s, in order.
pub fn quotes_in_story(library: &Library, person: &Person, story: usize) -> Vec<usize> {
    theirs(library, person, &library.people().forms_of(&person.name, person.kind), story)
}

/// `person`'s quotes in `story`, whose people go by one of `forms`.
fn theirs(library: &Library, person: &Person, forms: &[String], story: usize) -> Vec<usize> {
    let mut quotes: Vec<usize> = library.stories()[story]
        .people()
        .iter()
        .filter(|n| is_one_of(n, person.kind, forms))
        .flat_map(|n| n.quotes.iter().copied())
        .collect();
    quotes.sort_unstable();
    quotes
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_words_match_whole_words_and_the_last_a_start() {
        let query = |q: &str| name_words(q);
        assert!(words_start("Marco Rubio", &query("rubio")));
        assert!(words_start("Marco Rubio", &query("marco rub")));
        assert!(!words_start("Marco Rubio", &query("mar rub")));
        assert!(words_start("Marco Rubio", &query("")));
        assert!(!words_start("Marco Rubio", &query("arco")));
        assert!(!words_start("Marco Rubio", &query("mar x")));
        assert!(!words_start("Marcos Rubio", &query("marc rubio x")));
    }
}
