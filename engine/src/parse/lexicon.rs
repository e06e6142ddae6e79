//! Word lists for reading names in news prose: titles, role words, words
//! that mark institutions, sentence openers, speech verbs, given names
//! and gendered words. Data, and the set each list is looked up in.

use std::collections::HashSet;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

/// A word list, looked up through a set built on first use: attribution
/// asks these lists for every word of every story it reads. A small bit
/// filter on the word's first and last byte and length answers most
/// misses before any hashing.
pub struct Words {
    list: &'static [&'static str],
    built: OnceLock<Built>,
}

struct Built {
    set: HashSet<&'static str, BuildHasherDefault<WordHasher>>,
    filter: [u64; 32],
}

/// Where a word falls in the filter's 2,048 bits.
fn filter_bit(word: &[u8]) -> usize {
    let (Some(&first), Some(&last)) = (word.first(), word.last()) else { return 0 };
    (usize::from(first) * 31 + usize::from(last) * 7 + word.len() * 131) & 2047
}

impl Words {
    pub const fn new(list: &'static [&'static str]) -> Words {
        Words { list, built: OnceLock::new() }
    }

    fn built(&self) -> &Built {
        self.built.get_or_init(|| {
            let mut filter = [0u64; 32];
            for word in self.list {
                let bit = filter_bit(word.as_bytes());
                filter[bit / 64] |= 1 << (bit % 64);
            }
            Built { set: self.list.iter().copied().collect(), filter }
        })
    }

    pub fn has(&self, word: &str) -> bool {
        // No list holds a word this long: skip the hash.
        if word.len() > 24 {
            return false;
        }
        let built = self.built();
        let bit = filter_bit(word.as_bytes());
        built.filter[bit / 64] & (1 << (bit % 64)) != 0 && built.set.contains(word)
    }

    /// `has` for the word in lower case (`However`, `Analyst`), without
    /// allocating for ASCII words.
    pub fn has_any_case(&self, word: &str) -> bool {
        if !word.bytes().any(|b| b.is_ascii_uppercase()) {
            return self.has(word);
        }
        let mut buf = [0u8; 24];
        if word.len() > buf.len() {
            return false;
        }
        if !word.is_ascii() {
            return self.has(&word.to_lowercase());
        }
        for (to, from) in buf.iter_mut().zip(word.bytes()) {
            *to = from.to_ascii_lowercase();
        }
        std::str::from_utf8(&buf[..word.len()]).is_ok_and(|w| self.has(w))
    }
}

/// A word in lower case, copied only when it has capitals.
pub fn lower(word: &str) -> std::borrow::Cow<'_, str> {
    if word.chars().any(char::is_uppercase) { word.to_lowercase().into() } else { word.into() }
}

/// FNV-1a: the lists are fixed words, not input an attacker chooses keys
/// for, and short words hash several times faster than with SipHash.
#[derive(Default)]
pub struct WordHasher(u64);

impl Hasher for WordHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 { 0xcbf2_9ce4_8422_2325 } else { self.0 };
        for &b in bytes {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

#[rustfmt::skip]
pub static ABBREVIATED_TITLES: Words = Words::new(&[
    "Dr", "Mr", "Mrs", "Ms", "Prof", "Lt", "Col", "Gen", "Maj", "Capt", "Sgt", "Gov", "Sen", "Rep",
    "Hon", "Rev", "St", "Cpl", "Insp", "Supt", "Amb", "Jr", "Sr",
]);

/// Words that name a role before a name: `President William Ruto`,
/// `Interior CS Kipchumba Murkomen`, `Lt. Col. Amara Diallo`.
#[rustfmt::skip]
pub static TITLES: Words = Words::new(&[
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
]);

/// Lower-case words that introduce a person: `nominee Marco Rubio`.
#[rustfmt::skip]
pub static ROLE_WORDS: Words = Words::new(&[
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
    "administrator", "astronaut", "strategist", "consultant", "physicist", "astronomer",
    "biologist", "immunologist", "epidemiologist", "economist", "lecturer", "designer", "actor",
    "actress", "singer", "songwriter", "musician", "writer", "novelist", "publisher", "agent",
    "attorney", "investor", "entrepreneur", "businessman", "businesswoman", "congressman",
    "congresswoman", "candidate", "commentator", "columnist", "critic", "producer", "filmmaker",
    "chef", "physician", "surgeon", "planner", "associate", "partner", "co-founder", "cofounder",
    "trooper", "sheriff", "detective", "inspector", "soldier", "general", "colonel", "sergeant",
    "lieutenant", "spokesperson", "anchor", "blogger", "investigator", "scholar", "psychologist",
    "sociologist", "geologist", "chemist", "engineer", "specialist", "chairwoman", "rapper",
    "comedian", "artist", "photographer", "member", "officer", "advocate", "diplomat", "minister",
    "premier", "chancellor", "mathematician", "researcher", "statistician", "ecologist",
    "climatologist", "meteorologist", "virologist", "neuroscientist", "geneticist", "dean",
    "provost", "student", "graduate", "candidate", "owner", "worker", "employee", "official",
]);

/// Words that make a capitalised run an institution or a place, not a person.
#[rustfmt::skip]
pub static NOT_PERSON: Words = Words::new(&[
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
    "Games", "Marathon", "Festival", "Prize", "Award", "Administration", "State", "Inc", "Corp",
    "Ltd", "LLC", "Co", "Press", "Daily", "Journal", "Agency", "Laboratory", "Lab", "Labs",
    "Center", "Systems", "Technologies", "Partners", "Capital", "Holdings", "Group", "Telescope",
    "Observatory", "Facility", "System", "Station", "Directorate", "Report", "Review", "Magazine",
    "Space", "Research", "Science", "Sciences", "Medical", "Health", "Energy", "Airlines", "Motors",
    "Studios", "Records", "Pictures", "Entertainment", "Channel", "Radio", "TV", "Television",
    "Weekly", "Herald", "Tribune", "Gazette", "Insider", "Global", "Worldwide", "Affairs",
    "Relations", "Politics", "Economics", "Bureau", "Office", "Trust", "Society", "Exchange",
    "Guard", "Military", "Taliban", "Pentagon", "Kremlin", "Congress", "Cabinet",
]);

/// Words that make a capitalised run an organisation that can speak in its
/// own name (`the Ministry of Health said`), not a place or an event.
#[rustfmt::skip]
pub static ORG_WORDS: Words = Words::new(&[
    "Committee", "Mission", "Council", "Ministry", "Party", "Union", "Nations", "Government",
    "Court", "Senate", "Assembly", "Parliament", "Police", "Service", "Agency", "Bank",
    "University", "College", "School", "Company", "Department", "Office", "Commission",
    "Authority", "Corporation", "Association", "Forces", "Force", "Army", "Navy", "Hospital",
    "Club", "Group", "Fund", "Foundation", "Institute", "Board", "Network", "News", "Times", "Post",
    "Media", "Church", "Alliance", "Coalition", "Movement", "Front", "Treasury", "Secretariat",
    "Embassy", "Consulate", "Organisation", "Organization", "Administration", "Inc", "Corp", "Ltd",
    "LLC", "Press", "Daily", "Journal", "Laboratory", "Labs", "Systems", "Technologies",
    "Partners", "Capital", "Holdings", "Directorate", "Magazine", "Airlines", "Motors", "Studios",
    "Bureau", "Trust", "Society", "Exchange", "Guard", "Military", "Taliban", "Pentagon",
    "Kremlin", "Congress", "Cabinet", "Herald", "Tribune", "Gazette", "Weekly", "Insider",
    "Federation", "Institution", "Centre", "Center", "Reuters", "Council",
]);

/// Lower-case nouns that stand for an organisation already named: `the
/// ministry said`, `the group added`, `the statement said`.
#[rustfmt::skip]
pub static ORG_NOUNS: Words = Words::new(&[
    "ministry", "group", "company", "firm", "statement", "agency", "department", "organisation",
    "organization", "report", "military", "government", "police", "coalition", "union",
    "committee", "council", "commission", "authority", "board", "office", "army", "navy",
    "administration", "court", "campaign", "party", "embassy", "bank", "university", "institute",
    "foundation", "association", "network", "newspaper", "paper", "outlet", "studio", "startup",
    "carrier", "airline", "team", "club", "charity", "regulator", "service", "website", "release",
    "study", "paper", "letter", "filing", "lawsuit", "complaint", "announcement", "post", "tweet",
    "editorial", "memo", "document", "plan", "survey", "analysis", "researchers", "scientists",
    "spokesperson", "spokesman", "spokeswoman", "official", "officials", "team", "authors",
    "alliance", "movement", "network", "ngo", "watchdog",
]);

/// Of those, the nouns that are a text an organisation or a person put out
/// (`the statement said`): they speak for whoever last issued something.
#[rustfmt::skip]
pub static DOCUMENT_NOUNS: Words = Words::new(&[
    "statement", "report", "release", "study", "paper", "letter", "filing", "lawsuit",
    "complaint", "announcement", "post", "tweet", "editorial", "memo", "document", "survey",
    "analysis", "plan",
]);

/// Words before a noun that leave the speaker unnamed: `one analyst said`,
/// `a spokesperson said`, `some residents said`.
#[rustfmt::skip]
pub static UNNAMED_DETERMINERS: Words = Words::new(&[
    "one", "a", "an", "another", "some", "many", "several", "two", "three", "few", "other",
    "others", "most", "both", "each", "every", "any", "no", "local", "unnamed", "senior",
]);

/// Prepositions: a name after one is an object, not a subject (`than
/// Harlan`, `of Buckley's`), and a noun phrase ends before one.
#[rustfmt::skip]
pub static PREPOSITIONS: Words = Words::new(&[
    "of", "to", "with", "than", "by", "for", "from", "at", "in", "on", "about", "like", "as",
    "against", "into", "onto", "upon", "over", "under", "after", "before", "during", "between",
    "among", "through", "without", "within", "toward", "towards", "behind", "beside", "besides",
    "including", "via", "unlike", "despite", "near", "alongside",
]);

/// Given names that tell a person's gender where the text does not:
/// pronouns then agree with them (`Joyce ... she said`).
#[rustfmt::skip]
pub static MALE_NAMES: Words = Words::new(&[
    "James", "John", "Robert", "Michael", "William", "David", "Richard", "Joseph", "Thomas",
    "Charles", "Christopher", "Daniel", "Matthew", "Anthony", "Mark", "Donald", "Steven", "Steve",
    "Paul", "Andrew", "Joshua", "Josh", "Kenneth", "Kevin", "Brian", "George", "Timothy", "Ronald",
    "Edward", "Jason", "Jeffrey", "Ryan", "Jacob", "Gary", "Nicholas", "Eric", "Jonathan",
    "Stephen", "Larry", "Justin", "Scott", "Brandon", "Benjamin", "Samuel", "Frank", "Gregory",
    "Raymond", "Alexander", "Patrick", "Jack", "Dennis", "Jerry", "Tyler", "Aaron", "Jose", "Adam",
    "Henry", "Nathan", "Douglas", "Doug", "Zachary", "Peter", "Kyle", "Walter", "Ethan", "Jeremy",
    "Harold", "Keith", "Christian", "Roger", "Noah", "Gerald", "Carl", "Terry", "Sean", "Austin",
    "Arthur", "Lawrence", "Jesse", "Dylan", "Bryan", "Joe", "Jordan", "Billy", "Bruce", "Albert",
    "Willie", "Gabriel", "Logan", "Alan", "Juan", "Wayne", "Roy", "Ralph", "Randy", "Eugene",
    "Vincent", "Russell", "Elijah", "Louis", "Bobby", "Philip", "Johnny", "Mike", "Tom", "Tommy",
    "Jim", "Jimmy", "Bob", "Bill", "Dave", "Dan", "Rob", "Ben", "Tony", "Chris", "Matt", "Nick",
    "Ed", "Greg", "Jeff", "Ken", "Tim", "Rick", "Ron", "Fred", "Ted", "Hank", "Carlos", "Luis",
    "Miguel", "Pedro", "Ahmed", "Mohammed", "Muhammad", "Ali", "Omar", "Hassan", "Ibrahim",
    "Abdul", "Yusuf", "Mustafa", "Rajesh", "Rahul", "Amit", "Vijay", "Arvind", "Narendra", "Xi",
    "Vladimir", "Sergei", "Dmitry", "Ivan", "Igor", "Hans", "Klaus", "Jean", "Pierre", "Emmanuel",
    "Francois", "Giuseppe", "Marco", "Luca", "Kim", "Jin", "Hiroshi", "Takeshi", "Kenji", "Wei",
    "Boris", "Jair", "Recep", "Benjamin", "Justin", "Kwame", "Kofi", "Uhuru", "Cyril", "Mark",
    "Leif", "Lars", "Sven", "Olaf", "Hugo", "Oscar", "Felix", "Max", "Leo", "Elon", "Jeff", "Tim",
    "Sundar", "Satya", "Marcelo", "Adam", "Andre", "Antonio", "Mario", "Fernando", "Rafael",
    "Sebastian", "Martin", "Simon", "Neil", "Ian", "Graham", "Colin", "Nigel", "Stuart", "Craig",
    "Dale", "Glenn", "Todd", "Troy", "Wade", "Clint", "Chuck", "Dwight", "Lyndon", "Barack",
]);

#[rustfmt::skip]
pub static FEMALE_NAMES: Words = Words::new(&[
    "Mary", "Patricia", "Jennifer", "Linda", "Elizabeth", "Barbara", "Susan", "Jessica", "Sarah",
    "Karen", "Lisa", "Nancy", "Betty", "Margaret", "Sandra", "Ashley", "Kimberly", "Emily",
    "Donna", "Michelle", "Carol", "Amanda", "Dorothy", "Melissa", "Deborah", "Stephanie",
    "Rebecca", "Sharon", "Laura", "Cynthia", "Kathleen", "Amy", "Angela", "Shirley", "Anna",
    "Brenda", "Pamela", "Emma", "Nicole", "Helen", "Samantha", "Katherine", "Kate", "Christine",
    "Debra", "Rachel", "Carolyn", "Janet", "Catherine", "Maria", "Heather", "Diane", "Ruth",
    "Julie", "Olivia", "Joyce", "Virginia", "Victoria", "Kelly", "Lauren", "Christina", "Joan",
    "Evelyn", "Judith", "Megan", "Andrea", "Cheryl", "Hannah", "Jacqueline", "Martha", "Gloria",
    "Teresa", "Ann", "Sara", "Madison", "Frances", "Kathryn", "Janice", "Jean", "Abigail", "Alice",
    "Judy", "Sophia", "Grace", "Denise", "Amber", "Doris", "Marilyn", "Danielle", "Beverly",
    "Isabella", "Theresa", "Diana", "Natalie", "Brittany", "Charlotte", "Marie", "Kayla", "Alexis",
    "Lori", "Jane", "Jo", "Valerie", "Elise", "Jessie", "Jenny", "Julia", "Claire", "Lucy",
    "Sophie", "Ella", "Chloe", "Zoe", "Eva", "Ellen", "Irene", "Rose", "Rosa", "Fatima", "Aisha",
    "Amina", "Leila", "Layla", "Priya", "Sonia", "Indira", "Angela", "Ursula", "Theresa",
    "Jacinda", "Nicola", "Hillary", "Kamala", "Nancy", "Michelle", "Melania", "Ivanka", "Oprah",
    "Taylor", "Beyonce", "Rihanna", "Adele", "Kylie", "Kim", "Meghan", "Harriet", "Agnes",
    "Akinyi", "Wanjiru", "Achieng", "Ngozi", "Chiamaka", "Yuki", "Mei", "Ling", "Ana", "Lucia",
    "Carmen", "Elena", "Sofia", "Ines", "Ingrid", "Astrid", "Greta", "Heidi", "Monica", "Nina",
    "Tina", "Vanessa", "Wendy", "Yvonne", "Caroline", "Eleanor", "Florence", "Margot", "Penelope",
]);

/// Titles and role words that tell a person's gender.
#[rustfmt::skip]
pub static MALE_WORDS: Words = Words::new(&[
    "Mr", "Mr.", "Sir", "Lord", "King", "Prince", "Father", "Brother", "spokesman", "chairman",
    "businessman", "congressman", "father", "husband", "son", "brother", "grandfather", "uncle",
    "actor", "boy", "man", "fisherman",
]);

#[rustfmt::skip]
pub static FEMALE_WORDS: Words = Words::new(&[
    "Mrs", "Mrs.", "Ms", "Ms.", "Miss", "Madam", "Dame", "Lady", "Queen", "Princess", "Sister",
    "spokeswoman", "chairwoman", "businesswoman", "congresswoman", "mother", "wife", "daughter",
    "sister", "grandmother", "aunt", "actress", "girl", "woman", "fisherwoman", "widow",
]);

/// Sentence openers that are capitalised only because they open a sentence.
#[rustfmt::skip]
pub static COMMON_OPENERS: Words = Words::new(&[
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
]);

/// Lower-case joining words allowed inside a name (`Ahmed bin Salim`).
#[rustfmt::skip]
pub static PARTICLES: Words = Words::new(&[
    "de", "da", "van", "von", "der", "bin", "wa", "al", "la", "le", "di", "du", "dos", "del",
]);

/// Verbs that attribute speech or writing: `"...," she said`, `X told
/// reporters: "..."`, `cautions that "..."`.
#[rustfmt::skip]
pub static SPEECH_VERBS: Words = Words::new(&[
    "said", "says", "say", "added", "adds", "asked", "asks", "told", "tells", "noted", "notes",
    "explained", "explains", "warned", "warns", "insisted", "insists", "stated", "states",
    "remarked", "remarks", "argued", "argues", "claimed", "claims", "observed", "observes",
    "continued", "continues", "replied", "replies", "responded", "responds", "wrote", "writes",
    "written", "declared", "declares", "announced", "announces", "urged", "urges", "cautioned",
    "cautions", "recalled", "recalls", "maintained", "maintains", "lamented", "laments", "quipped",
    "quips", "concluded", "concludes", "acknowledged", "acknowledges", "admitted", "admits",
    "emphasised", "emphasized", "emphasises", "emphasizes", "stressed", "stresses", "shouted",
    "whispered", "recounted", "recounts", "pleaded", "vowed", "vows", "promised", "promises",
    "assured", "assures", "conceded", "concedes", "suggested", "suggests", "mused", "muses",
    "joked", "jokes", "boasted", "boasts", "complained", "complains", "countered", "counters",
    "reiterated", "affirmed", "confirmed", "confirms", "revealed", "reveals", "disclosed",
    "indicated", "posted", "tweeted", "wondered", "wonders", "demanded", "testified",
    "predicted", "predicts", "pointed", "thundered", "weighed", "bemoaned", "bemoans", "answered",
    "answers", "commented", "comments", "agreed", "agrees", "contended", "contends", "reported",
    "reports", "exclaimed", "laughed", "sighed", "shared", "shares",
    "reflected", "reflects", "protested", "objected", "retorted", "interjected",
    "continued", "chimed", "opined", "explain", "tell", "ask", "add", "write", "note", "warn",
    "insist", "explaining", "recall", "conclude", "admit", "stated", "asserted", "asserts",
    "alleged", "alleges", "charged", "proclaimed", "advised", "advises", "recommended",
    "recommends", "cried", "yelled", "screamed", "muttered", "murmured", "snapped", "growled",
    "added", "elaborated", "elaborates", "clarified", "summed", "surmised", "speculated",
    "speculates", "hinted", "mentioned",
]);

/// Of those, the verbs whose next words are who was told, not who spoke:
/// `told reporters`, `tells CNN`.
#[rustfmt::skip]
pub static OBJECT_VERBS: Words = Words::new(&["told", "tells", "tell", "telling", "assured", "assures", "advised", "urged"]);

/// Verbs and the particles that belong to their cue: `weighed in`,
/// `pointed out`.
#[rustfmt::skip]
pub const CUE_PARTICLES: &[(&str, &str)] = &[
    ("weighed", "in"), ("weighs", "in"), ("chimed", "in"), ("chimes", "in"), ("pointed", "out"),
    ("points", "out"), ("summed", "up"), ("sums", "up"), ("shot", "back"), ("fired", "back"),
    ("went", "on"), ("goes", "on"), ("spoke", "out"), ("speaks", "out"), ("cried", "out"),
];

/// Words that end a company's or a person's name after a comma.
#[rustfmt::skip]
pub static CORPORATE_SUFFIXES: Words = Words::new(&["Inc", "Ltd", "LLC", "Corp", "Co", "PLC", "plc", "AG", "SA", "GmbH", "Jr", "Sr", "III", "II"]);

/// Participles that continue the sentence's subject: `..., adding: "..."`.
#[rustfmt::skip]
pub static PARTICIPLES: Words = Words::new(&[
    "adding", "saying", "noting", "warning", "explaining", "insisting", "asking", "arguing",
    "stressing", "telling", "declaring", "urging", "writing", "recalling", "calling", "describing",
    "cautioning", "claiming", "concluding", "observing", "suggesting", "replying", "responding",
    "stating", "acknowledging", "admitting", "predicting", "lamenting", "joking", "tweeting",
]);

/// Small words that may sit between a subject and its verb: `Rubio later said`.
#[rustfmt::skip]
pub static FILLERS: Words = Words::new(&[
    "also", "later", "then", "further", "again", "once", "previously", "had", "has", "have", "was",
    "is", "would", "will", "earlier", "recently", "simply", "only", "just", "has", "also", "even",
    "once", "reportedly", "publicly", "privately", "quickly", "later", "then", "now", "still",
    "had", "been", "not", "never", "always", "often", "famously", "repeatedly", "could", "can",
    "may", "might", "did", "does", "do", "would", "should", "must", "openly", "frankly", "finally",
]);

/// Capitals that are not an organisation's name: common initialisms of
/// things and jobs, and countries (`US`), which the register may take for
/// organisations. Never offered as an organisation unless quoted.
#[rustfmt::skip]
pub static NOT_ORGANISATIONS: Words = Words::new(&[
    "CEO", "CFO", "COO", "CTO", "TV", "AC", "DC", "LED", "SUV", "PR", "GDP", "AI", "PC", "DNA", "HIV",
    "AIDS", "ID", "IT", "OK", "PhD", "MP", "MPs", "VIP", "FAQ", "GPS", "USB", "PDF", "URL", "CD", "DVD",
    "US", "U.S", "U.S.", "UK", "U.K", "U.K.", "USA", "UAE", "Inc", "Ltd", "LLC", "Corp", "Co", "PLC",
    "Daily", "AM", "PM", "EV", "EVs", "ICU", "ER", "RNA", "COVID", "CO2",
]);
