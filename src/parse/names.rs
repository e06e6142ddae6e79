//! Recognising people's names in news prose: words and their positions,
//! capitalised runs, titles stripped from names (`President`, `Lt. Col.`),
//! and the people a story names, so that `Rubio` can become `Marco Rubio`.

/// A word of prose with its byte range, stripped of surrounding punctuation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Word<'a> {
    pub text: &'a str,
    pub start: usize,
    pub end: usize,
    /// Punctuation right after the word ends a phrase (`,` `.` `;` `:` ...).
    pub stops: bool,
    /// The word carried a possessive `'s`, which was cut from `text`.
    pub possessive: bool,
}

/// Split prose into words, keeping byte positions relative to `text`.
pub fn words(text: &str) -> Vec<Word<'_>> {
    let mut out = Vec::new();
    let mut pos = 0;
    for raw in text.split_inclusive(char::is_whitespace) {
        let chunk_start = pos;
        pos += raw.len();
        let trimmed = raw.trim_end();
        let lead = trimmed.len() - trimmed.trim_start_matches(is_edge_punct).len();
        let core = trimmed.trim_start_matches(is_edge_punct);
        let mut text_part = core.trim_end_matches(|c: char| is_edge_punct(c) && c != '.');
        // Keep the dot of an abbreviation or initial ("Dr.", "J."), drop a
        // sentence's full stop.
        if text_part.ends_with('.') && !is_abbreviation(text_part) {
            text_part = text_part.trim_end_matches('.');
        }
        let stops = text_part.len() < core.len();
        let mut possessive = false;
        let stem = ["'s", "’s"]
            .iter()
            .find_map(|s| text_part.strip_suffix(s))
            .or_else(|| {
                ["'", "’"]
                    .iter()
                    .find_map(|s| text_part.strip_suffix(s))
                    .filter(|stem| stem.ends_with('s'))
            });
        if let Some(stem) = stem {
            text_part = stem;
            possessive = true;
        }
        if text_part.is_empty() {
            if let Some(last) = out.last_mut() {
                let last: &mut Word = last;
                last.stops |= !core.is_empty();
            }
            continue;
        }
        let start = chunk_start + lead;
        out.push(Word {
            text: text_part,
            start,
            end: start + text_part.len(),
            stops: stops || possessive,
            possessive,
        });
    }
    out
}

fn is_edge_punct(c: char) -> bool {
    !(c.is_alphanumeric() || matches!(c, '\'' | '’' | '-' | '&' | '/' | '%' | '$' | '€' | '£'))
}

/// `Dr.`, `Lt.`, `J.`, `U.S.`: a dot that is part of the word.
fn is_abbreviation(word: &str) -> bool {
    let stem = word.trim_end_matches('.');
    let letters = stem.chars().filter(|c| c.is_alphabetic()).count();
    (letters == 1 && stem.chars().next().is_some_and(char::is_uppercase))
        || stem.contains('.')
        || ABBREVIATED_TITLES.contains(&stem)
}

const ABBREVIATED_TITLES: &[&str] = &[
    "Dr", "Mr", "Mrs", "Ms", "Prof", "Lt", "Col", "Gen", "Maj", "Capt", "Sgt", "Gov", "Sen", "Rep",
    "Hon", "Rev", "St", "Cpl", "Insp", "Supt", "Amb", "Jr", "Sr",
];

/// Words that name a role before a name: `President William Ruto`,
/// `Interior CS Kipchumba Murkomen`, `Lt. Col. Amara Diallo`.
const TITLES: &[&str] = &[
    "President",
    "President-elect",
    "Vice",
    "Deputy",
    "Senator",
    "Sen.",
    "MP",
    "MCA",
    "Dr",
    "Dr.",
    "Doctor",
    "Prof",
    "Prof.",
    "Professor",
    "CS",
    "PS",
    "Cabinet",
    "Secretary",
    "Lt",
    "Lt.",
    "Lieutenant",
    "Col",
    "Col.",
    "Colonel",
    "Gen",
    "Gen.",
    "General",
    "Maj",
    "Maj.",
    "Major",
    "Capt",
    "Capt.",
    "Captain",
    "Sgt",
    "Sgt.",
    "Sergeant",
    "Cpl",
    "Cpl.",
    "Corporal",
    "Governor",
    "Gov",
    "Gov.",
    "Mr",
    "Mr.",
    "Mrs",
    "Mrs.",
    "Ms",
    "Ms.",
    "Miss",
    "Hon",
    "Hon.",
    "Honourable",
    "Minister",
    "Chief",
    "Justice",
    "Judge",
    "Bishop",
    "Archbishop",
    "Rev",
    "Rev.",
    "Reverend",
    "Father",
    "Pastor",
    "Imam",
    "Sheikh",
    "Ambassador",
    "Mayor",
    "Speaker",
    "Chairman",
    "Chairperson",
    "Chairwoman",
    "Chair",
    "Commissioner",
    "Inspector",
    "Insp.",
    "Director",
    "Director-General",
    "Spokesperson",
    "Spokesman",
    "Spokeswoman",
    "Prime",
    "King",
    "Queen",
    "Prince",
    "Princess",
    "Pope",
    "Sir",
    "Dame",
    "Lord",
    "Lady",
    "Attorney",
    "Principal",
    "Secretary-General",
    "Officer",
    "Commander",
    "Coach",
    "Superintendent",
    "Supt.",
    "Rep.",
    "Representative",
    "Nominee",
    "Envoy",
    "Premier",
    "Chancellor",
    "CEO",
    "Executive",
    "Dean",
    "Registrar",
    "Sister",
    "Brother",
    "Cardinal",
    "Rabbi",
    "Marshal",
    "Admiral",
    "Brigadier",
    "Amb.",
    "Jr.",
    "Sr.",
];

/// Lower-case words that introduce a person: `nominee Marco Rubio`.
const ROLE_WORDS: &[&str] = &[
    "nominee",
    "minister",
    "secretary",
    "spokesperson",
    "spokesman",
    "spokeswoman",
    "chairman",
    "chairperson",
    "chairwoman",
    "leader",
    "official",
    "senator",
    "governor",
    "president",
    "director",
    "commissioner",
    "coach",
    "analyst",
    "lawyer",
    "resident",
    "trader",
    "farmer",
    "mother",
    "father",
    "teacher",
    "activist",
    "economist",
    "expert",
    "professor",
    "officer",
    "commander",
    "envoy",
    "ambassador",
    "legislator",
    "lawmaker",
    "chief",
    "researcher",
    "author",
    "historian",
    "journalist",
    "reporter",
    "editor",
    "student",
    "nurse",
    "doctor",
    "pastor",
    "executive",
    "founder",
    "manager",
    "boss",
    "captain",
    "player",
    "striker",
    "midwife",
    "driver",
    "fisherman",
    "fisherwoman",
    "vendor",
    "owner",
    "engineer",
    "scientist",
    "mayor",
    "judge",
    "representative",
    "aide",
    "adviser",
    "advisor",
    "head",
    "principal",
    "chairman",
    "prosecutor",
    "witness",
    "survivor",
    "organiser",
    "organizer",
    "campaigner",
    "rep",
    "mp",
    "cs",
    "ceo",
    "colleague",
    "counterpart",
    "deputy",
    "assistant",
];

/// Words that make a capitalised run an institution or a place, not a person.
const NOT_PERSON: &[&str] = &[
    "Committee",
    "Mission",
    "Council",
    "Ministry",
    "Party",
    "Union",
    "Nations",
    "States",
    "Republic",
    "Government",
    "Court",
    "Senate",
    "Assembly",
    "Parliament",
    "Police",
    "Service",
    "Agency",
    "Bank",
    "University",
    "College",
    "School",
    "Company",
    "Department",
    "Office",
    "Commission",
    "Authority",
    "Corporation",
    "Association",
    "Forces",
    "Force",
    "Army",
    "Navy",
    "House",
    "Hospital",
    "Club",
    "Group",
    "Fund",
    "Foundation",
    "Institute",
    "Board",
    "Network",
    "News",
    "Times",
    "Post",
    "Digital",
    "Media",
    "Airport",
    "Road",
    "Street",
    "Avenue",
    "County",
    "City",
    "Province",
    "Region",
    "Hemisphere",
    "Sea",
    "Ocean",
    "River",
    "Lake",
    "Mount",
    "Mountain",
    "Island",
    "Islands",
    "Coast",
    "Africa",
    "America",
    "Europe",
    "Asia",
    "East",
    "West",
    "North",
    "South",
    "Central",
    "National",
    "International",
    "Federal",
    "Day",
    "Week",
    "Cup",
    "League",
    "Act",
    "Bill",
    "Church",
    "Security",
    "Support",
    "Market",
    "Port",
    "Station",
    "Stadium",
    "Park",
    "Valley",
    "Highway",
    "Railway",
    "Programme",
    "Program",
    "Project",
    "Initiative",
    "Alliance",
    "Coalition",
    "Movement",
    "Front",
    "Treasury",
    "Secretariat",
    "Embassy",
    "Consulate",
    "Institution",
    "Organisation",
    "Organization",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Kingdom",
    "Emirates",
    "Square",
    "Centre",
    "Center",
    "Hall",
    "Conference",
    "Summit",
    "Forum",
    "Games",
    "Marathon",
    "Festival",
    "Prize",
    "Award",
];

/// Sentence openers that are capitalised only because they open a sentence.
const COMMON_OPENERS: &[&str] = &[
    "The",
    "A",
    "An",
    "In",
    "On",
    "At",
    "For",
    "But",
    "And",
    "Or",
    "However",
    "After",
    "Before",
    "While",
    "When",
    "During",
    "This",
    "That",
    "These",
    "Those",
    "Meanwhile",
    "It",
    "He",
    "She",
    "They",
    "We",
    "I",
    "You",
    "His",
    "Her",
    "Their",
    "Our",
    "Its",
    "My",
    "Your",
    "Since",
    "As",
    "If",
    "Although",
    "Though",
    "Despite",
    "With",
    "Without",
    "From",
    "To",
    "By",
    "Under",
    "Over",
    "Last",
    "Next",
    "Earlier",
    "Later",
    "Today",
    "Yesterday",
    "Also",
    "Yet",
    "So",
    "Still",
    "Then",
    "Now",
    "There",
    "Here",
    "Other",
    "Some",
    "Many",
    "Most",
    "All",
    "Both",
    "Each",
    "Every",
    "Several",
    "Such",
    "What",
    "Who",
    "Why",
    "How",
    "Where",
    "Which",
    "Only",
    "Even",
    "Not",
    "No",
    "Yes",
    "Once",
    "Until",
    "Among",
    "Amid",
    "Against",
    "Like",
    "Unlike",
    "About",
    "Around",
    "Through",
    "Across",
    "Between",
    "Following",
    "According",
    "Asked",
    "Speaking",
    "More",
    "Less",
    "Few",
    "One",
    "Two",
    "Three",
    "Just",
    "Instead",
    "Because",
    "Whether",
    "Of",
    "Into",
    "Onto",
    "Upon",
    "Within",
    "Beyond",
];

/// Pronouns that stand for the person most recently named.
pub const PRONOUNS: &[&str] = &["he", "she", "they", "He", "She", "They"];

/// Lower-case joining words allowed inside a name (`Ahmed bin Salim`).
const PARTICLES: &[&str] = &[
    "de", "da", "van", "von", "der", "bin", "wa", "al", "la", "le", "di", "du", "dos", "del",
];

pub fn is_title(word: &str) -> bool {
    TITLES.contains(&word)
}

pub fn is_role_word(word: &str) -> bool {
    let lower = word.to_lowercase();
    ROLE_WORDS.contains(&lower.as_str())
}

pub fn is_pronoun(word: &str) -> bool {
    PRONOUNS.contains(&word)
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
        && word
            .chars()
            .all(|c| c.is_alphabetic() || matches!(c, '\'' | '’' | '-' | '.'))
}

fn is_acronym(word: &str) -> bool {
    word.chars().count() >= 2 && word.chars().all(|c| c.is_uppercase() || c == '.')
}

/// A capitalised run of words: the raw material of names.
#[derive(Debug, Clone)]
pub struct Run<'a> {
    /// Index of the run's first word in the word list.
    pub first: usize,
    /// The words of the run, titles included.
    pub words: Vec<&'a str>,
    pub start: usize,
    pub end: usize,
    pub possessive: bool,
}

/// Maximal runs of capitalised words (particles allowed inside), broken by
/// punctuation and possessives.
pub fn capitalised_runs<'a>(words: &[Word<'a>]) -> Vec<Run<'a>> {
    let mut runs = Vec::new();
    let mut i = 0;
    while i < words.len() {
        if !is_capitalised(words[i].text) {
            i += 1;
            continue;
        }
        let first = i;
        let mut run = vec![words[i].text];
        while !words[i].stops && i + 1 < words.len() {
            let next = words[i + 1].text;
            let particle_then_name = PARTICLES.contains(&next)
                && !words[i + 1].stops
                && words.get(i + 2).is_some_and(|w| is_capitalised(w.text));
            if is_capitalised(next) || particle_then_name {
                run.push(next);
                i += 1;
            } else {
                break;
            }
        }
        runs.push(Run {
            first,
            words: run,
            start: words[first].start,
            end: words[i].end,
            possessive: words[i].possessive,
        });
        i += 1;
    }
    runs
}

/// The person's name inside a capitalised run, with any title before it
/// removed: `Kenyan President William Ruto` gives `William Ruto`. `None` when
/// nothing name-like remains (`The President`, `US`).
pub fn strip_titles(run: &[&str]) -> Option<(String, bool)> {
    let cut = run
        .iter()
        .rposition(|w| is_title(w) || is_acronym(w))
        .map_or(0, |i| i + 1);
    let name = &run[cut..];
    if name.is_empty()
        || !name
            .iter()
            .all(|w| is_name_word(w) || PARTICLES.contains(w))
    {
        return None;
    }
    Some((name.join(" "), cut > 0))
}

/// Whether a name (already stripped of titles) names an institution or place.
fn names_a_thing(name: &str) -> bool {
    name.split(' ').any(|w| NOT_PERSON.contains(&w))
}

/// People named in a stretch of prose, with the byte offset of each mention.
/// `known` holds full names already found, so that a lone surname (`Rubio`)
/// counts as a mention of `Marco Rubio`.
pub fn person_mentions(text: &str, known: &[String]) -> Vec<(usize, String)> {
    let words = words(text);
    let mut out = Vec::new();
    for run in capitalised_runs(&words) {
        let mut run_words = run.words.as_slice();
        let at_sentence_start = run.first == 0 || words[run.first - 1].stops;
        if at_sentence_start
            && let Some((first, rest)) = run_words.split_first()
            && (COMMON_OPENERS.contains(first) || first.ends_with("ing") || first.ends_with("ly"))
        {
            run_words = rest;
        }
        if run_words.is_empty() {
            continue;
        }
        let Some((name, titled)) = strip_titles(run_words) else {
            continue;
        };
        if names_a_thing(&name) || is_pronoun(&name) {
            continue;
        }
        let after_run = words.get(run.first + run.words.len());
        let before_run = run.first.checked_sub(1).map(|i| words[i]);
        let introduced = titled || before_run.is_some_and(|w| is_role_word(w.text) && !w.stops);
        let name_words = name.split(' ').count();
        let acts = run.possessive
            || after_run.is_some_and(|w| {
                w.text.chars().next().is_some_and(char::is_lowercase)
                    && !words[run.first + run.words.len() - 1].stops
            });
        if let Some(full) = fullest_name(&name, known) {
            out.push((run.start, full));
        } else if introduced || ((2..=3).contains(&name_words) && acts) {
            out.push((run.start, name));
        }
    }
    out
}

/// The fullest known form of a name: `Rubio` -> `Marco Rubio`. A name is a
/// shorter form of another when its words end it (`Rubio`, `Marco Rubio`) or
/// when it is the other's first and last word.
pub fn fullest_name(name: &str, known: &[String]) -> Option<String> {
    let parts: Vec<&str> = name.split(' ').collect();
    known
        .iter()
        .filter(|full| {
            let full_parts: Vec<&str> = full.split(' ').collect();
            full_parts.ends_with(&parts)
                || (parts.len() == 2
                    && full_parts.first() == parts.first()
                    && full_parts.last() == parts.last())
        })
        .max_by_key(|full| full.len())
        .cloned()
}

/// Add a name to the known list unless a fuller form is already there;
/// a fuller form replaces shorter ones.
pub fn remember(known: &mut Vec<String>, name: &str) {
    if fullest_name(name, known).is_some() {
        return;
    }
    let fuller = name.to_string();
    known.retain(|k| fullest_name(k, std::slice::from_ref(&fuller)).is_none());
    known.push(fuller);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str) -> Vec<&str> {
        words(text).into_iter().map(|w| w.text).collect()
    }

    #[test]
    fn words_strip_punctuation_and_possessives() {
        assert_eq!(
            texts("Following Trump's victory, (he) said."),
            ["Following", "Trump", "victory", "he", "said"]
        );
        let w = words("Kenya's forces");
        assert!(w[0].possessive && w[0].stops);
    }

    #[test]
    fn abbreviations_keep_their_dot() {
        assert_eq!(
            texts("said Lt. Col. Amara Diallo."),
            ["said", "Lt.", "Col.", "Amara", "Diallo"]
        );
        assert!(words("Diallo.")[0].stops);
    }

    #[test]
    fn titles_are_stripped_from_names() {
        assert_eq!(
            strip_titles(&["Kenyan", "President", "William", "Ruto"]),
            Some(("William Ruto".into(), true))
        );
        assert_eq!(
            strip_titles(&["Interior", "CS", "Kipchumba", "Murkomen"]),
            Some(("Kipchumba Murkomen".into(), true))
        );
        assert_eq!(
            strip_titles(&["Lt.", "Col.", "Amara", "Diallo"]),
            Some(("Amara Diallo".into(), true))
        );
        assert_eq!(
            strip_titles(&["Senator", "Mary", "Njoki"]),
            Some(("Mary Njoki".into(), true))
        );
        assert_eq!(strip_titles(&["The", "President"]), None);
        assert_eq!(strip_titles(&["US"]), None);
    }

    #[test]
    fn people_are_found_by_title_role_and_shape() {
        let text = "US Secretary of State nominee Marco Rubio has hinted that US President-elect Donald Trump will act.";
        let names: Vec<String> = person_mentions(text, &[])
            .into_iter()
            .map(|(_, n)| n)
            .collect();
        assert_eq!(names, ["Marco Rubio", "Donald Trump"]);
    }

    #[test]
    fn institutions_and_sentence_openers_are_not_people() {
        let text = "Speaking during the Senate Foreign Relations Committee, Rubio commended the United States government.";
        assert!(person_mentions(text, &[]).is_empty());
        let known = vec!["Marco Rubio".to_string()];
        let names: Vec<String> = person_mentions(text, &known)
            .into_iter()
            .map(|(_, n)| n)
            .collect();
        assert_eq!(names, ["Marco Rubio"]);
    }

    #[test]
    fn non_ascii_names_are_names() {
        let text = "Health director Séverine Nyong'o opened the clinic.";
        let names: Vec<String> = person_mentions(text, &[])
            .into_iter()
            .map(|(_, n)| n)
            .collect();
        assert_eq!(names, ["Séverine Nyong'o"]);
    }

    #[test]
    fn fullest_name_prefers_the_longest_form() {
        let known = vec!["Marco Rubio".to_string(), "William Samoei Ruto".to_string()];
        assert_eq!(
            fullest_name("Rubio", &known).as_deref(),
            Some("Marco Rubio")
        );
        assert_eq!(
            fullest_name("William Ruto", &known).as_deref(),
            Some("William Samoei Ruto")
        );
        assert_eq!(fullest_name("Biden", &known), None);
        let mut k = vec!["Ruto".to_string()];
        remember(&mut k, "William Ruto");
        assert_eq!(k, ["William Ruto"]);
        remember(&mut k, "Ruto");
        assert_eq!(k, ["William Ruto"]);
    }
}
