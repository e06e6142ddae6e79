//! Word lists for reading names in news prose: titles, role words, words
//! that mark institutions, sentence openers, speech verbs. Data, not logic.

#[rustfmt::skip]
pub const ABBREVIATED_TITLES: &[&str] = &[
    "Dr", "Mr", "Mrs", "Ms", "Prof", "Lt", "Col", "Gen", "Maj", "Capt", "Sgt", "Gov", "Sen", "Rep",
    "Hon", "Rev", "St", "Cpl", "Insp", "Supt", "Amb", "Jr", "Sr",
];

/// Words that name a role before a name: `President William Ruto`,
/// `Interior CS Kipchumba Murkomen`, `Lt. Col. Amara Diallo`.
#[rustfmt::skip]
pub const TITLES: &[&str] = &[
    "President", "President-elect", "Vice", "Deputy", "Senator", "Sen.", "MP", "MCA", "Dr", "Dr.",
    "Doctor", "Prof", "Prof.", "Professor", "CS", "PS", "Cabinet", "Secretary", "Lt", "Lt.",
    "Lieutenant", "Col", "Col.", "Colonel", "Gen", "Gen.", "General", "Maj", "Maj.", "Major",
    "Capt", "Capt.", "Captain", "Sgt", "Sgt.", "Sergeant", "Cpl", "Cpl.", "Corporal", "Governor",
    "Gov", "Gov.", "Mr", "Mr.", "Mrs", "Mrs.", "Ms", "Ms.", "Miss", "Hon", "Hon.", "Honourable",
    "Minister", "Chief", "Justice", "Judge", "Bishop", "Archbishop", "Rev", "Rev.", "Reverend",
    "Father", "Pastor", "Imam", "Sheikh", "Ambassador", "Mayor", "Speaker", "Chairman",
    "Chairperson", "Chairwoman", "Chair", "Commissioner", "Inspector", "Insp.", "Director",
    "Director-General", "Spokesperson", "Spokesman", "Spokeswoman", "Prime", "King", "Queen",
    "Prince", "Princess", "Pope", "Sir", "Dame", "Lord", "Lady", "Attorney", "Principal",
    "Secretary-General", "Officer", "Commander", "Coach", "Superintendent", "Supt.", "Rep.",
    "Representative", "Nominee", "Envoy", "Premier", "Chancellor", "CEO", "Executive", "Dean",
    "Registrar", "Sister", "Brother", "Cardinal", "Rabbi", "Marshal", "Admiral", "Brigadier",
    "Amb.", "Jr.", "Sr.",
];

/// Lower-case words that introduce a person: `nominee Marco Rubio`.
#[rustfmt::skip]
pub const ROLE_WORDS: &[&str] = &[
    "nominee", "minister", "secretary", "spokesperson", "spokesman", "spokeswoman", "chairman",
    "chairperson", "chairwoman", "leader", "official", "senator", "governor", "president",
    "director", "commissioner", "coach", "analyst", "lawyer", "resident", "trader", "farmer",
    "mother", "father", "teacher", "activist", "economist", "expert", "professor", "officer",
    "commander", "envoy", "ambassador", "legislator", "lawmaker", "chief", "researcher", "author",
    "historian", "journalist", "reporter", "editor", "student", "nurse", "doctor", "pastor",
    "executive", "founder", "manager", "boss", "captain", "player", "striker", "midwife", "driver",
    "fisherman", "fisherwoman", "vendor", "owner", "engineer", "scientist", "mayor", "judge",
    "representative", "aide", "adviser", "advisor", "head", "principal", "prosecutor", "witness",
    "survivor", "organiser", "organizer", "campaigner", "rep", "mp", "cs", "ceo", "colleague",
    "counterpart", "deputy", "assistant", "winner", "herder", "translator", "poet", "fishmonger",
    "shopkeeper", "veteran", "runner", "athlete", "pilot", "guide", "elder", "host",
];

/// Words that make a capitalised run an institution or a place, not a person.
#[rustfmt::skip]
pub const NOT_PERSON: &[&str] = &[
    "Committee", "Mission", "Council", "Ministry", "Party", "Union", "Nations", "States",
    "Republic", "Government", "Court", "Senate", "Assembly", "Parliament", "Police", "Service",
    "Agency", "Bank", "University", "College", "School", "Company", "Department", "Office",
    "Commission", "Authority", "Corporation", "Association", "Forces", "Force", "Army", "Navy",
    "House", "Hospital", "Club", "Group", "Fund", "Foundation", "Institute", "Board", "Network",
    "News", "Times", "Post", "Digital", "Media", "Airport", "Road", "Street", "Avenue", "County",
    "City", "Province", "Region", "Hemisphere", "Sea", "Ocean", "River", "Lake", "Mount",
    "Mountain", "Island", "Islands", "Coast", "Africa", "America", "Europe", "Asia", "East",
    "West", "North", "South", "Central", "National", "International", "Federal", "Day", "Week",
    "Cup", "League", "Act", "Bill", "Church", "Security", "Support", "Market", "Port", "Station",
    "Stadium", "Park", "Valley", "Highway", "Railway", "Programme", "Program", "Project",
    "Initiative", "Alliance", "Coalition", "Movement", "Front", "Treasury", "Secretariat",
    "Embassy", "Consulate", "Institution", "Organisation", "Organization", "Monday", "Tuesday",
    "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "February", "March",
    "April", "May", "June", "July", "August", "September", "October", "November", "December",
    "Kingdom", "Emirates", "Square", "Centre", "Center", "Hall", "Conference", "Summit", "Forum",
    "Games", "Marathon", "Festival", "Prize", "Award",
];

/// Sentence openers that are capitalised only because they open a sentence.
#[rustfmt::skip]
pub const COMMON_OPENERS: &[&str] = &[
    "The", "A", "An", "In", "On", "At", "For", "But", "And", "Or", "However", "After", "Before",
    "While", "When", "During", "This", "That", "These", "Those", "Meanwhile", "It", "He", "She",
    "They", "We", "I", "You", "His", "Her", "Their", "Our", "Its", "My", "Your", "Since", "As",
    "If", "Although", "Though", "Despite", "With", "Without", "From", "To", "By", "Under", "Over",
    "Last", "Next", "Earlier", "Later", "Today", "Yesterday", "Also", "Yet", "So", "Still", "Then",
    "Now", "There", "Here", "Other", "Some", "Many", "Most", "All", "Both", "Each", "Every",
    "Several", "Such", "What", "Who", "Why", "How", "Where", "Which", "Only", "Even", "Not", "No",
    "Yes", "Once", "Until", "Among", "Amid", "Against", "Like", "Unlike", "About", "Around",
    "Through", "Across", "Between", "Following", "According", "Asked", "Speaking", "More", "Less",
    "Few", "One", "Two", "Three", "Just", "Instead", "Because", "Whether", "Of", "Into", "Onto",
    "Upon", "Within", "Beyond",
];

/// Pronouns that stand for the person most recently named.
#[rustfmt::skip]
pub const PRONOUNS: &[&str] = &[
    "he", "she", "they", "He", "She", "They",
];

/// Lower-case joining words allowed inside a name (`Ahmed bin Salim`).
#[rustfmt::skip]
pub const PARTICLES: &[&str] = &[
    "de", "da", "van", "von", "der", "bin", "wa", "al", "la", "le", "di", "du", "dos", "del",
];

#[rustfmt::skip]
pub const SPEECH_VERBS: &[&str] = &[
    "said", "says", "say", "added", "adds", "asked", "asks", "told", "tells", "noted", "notes",
    "explained", "explains", "warned", "warns", "insisted", "insists", "stated", "states",
    "remarked", "argued", "argues", "claimed", "claims", "observed", "continued", "replied",
    "replies", "responded", "wrote", "writes", "declared", "announced", "urged", "urges",
    "cautioned", "recalled", "recalls", "maintained", "lamented", "quipped", "concluded",
    "acknowledged", "admitted", "admits", "emphasised", "emphasized", "stressed", "stresses",
    "shouted", "whispered", "recounted", "pleaded", "vowed", "promised", "assured", "conceded",
    "suggested", "mused", "joked", "boasted", "complained", "countered", "reiterated", "affirmed",
    "confirmed", "revealed", "disclosed", "indicated", "posted", "tweeted", "wondered", "demanded",
    "testified", "predicted", "pointed", "went", "thundered",
];

/// Participles that continue the sentence's subject: `..., adding: "..."`.
#[rustfmt::skip]
pub const PARTICIPLES: &[&str] = &[
    "adding", "saying", "noting", "warning", "explaining", "insisting", "asking", "arguing",
    "stressing", "telling", "declaring", "urging",
];

/// Small words that may sit between a subject and its verb: `Rubio later said`.
#[rustfmt::skip]
pub const FILLERS: &[&str] = &[
    "also", "later", "then", "further", "again", "once", "previously", "had", "has", "have", "was",
    "is", "would", "will", "earlier", "recently", "simply", "only", "just",
];
