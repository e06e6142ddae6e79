//! The benchmark corpus: deterministic, realistic stories (2-3 KB, a few
//! tags from a skewed vocabulary, quotes in about a quarter of the
//! paragraphs, the plain-text quirks of FORMAT.md) as text files or RSS
//! items. Shared by `examples/gen_corpus.rs` and the benches. The same
//! seed always gives the same bytes.

#![allow(dead_code)]

use std::io::{self, Write};

/// xorshift64*: small, fast, and the same on every machine.
pub struct Rng(pub u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
    /// Skewed towards the front of the list: a few tags are very common.
    fn skewed<'a>(&mut self, items: &[&'a str]) -> &'a str {
        let a = self.below(items.len());
        let b = self.below(items.len());
        items[a.min(b).min(self.below(items.len()))]
    }
    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
}

const TAGS: &[&str] = &[
    "Haiti",
    "Kenya",
    "President Ruto",
    "Nairobi",
    "Health",
    "Economy",
    "Mombasa",
    "Education",
    "Transport",
    "Agriculture",
    "Kisumu",
    "Security",
    "Energy",
    "Water",
    "Climate",
    "Football",
    "Athletics",
    "Tourism",
    "Technology",
    "Elections",
    "Parliament",
    "Courts",
    "Trade",
    "Fishing",
    "Drought",
    "Floods",
    "Housing",
    "Culture",
    "Music",
    "Lake Victoria",
    "Rift Valley",
    "Coast",
    "Jamaica",
    "United Nations",
    "Budget",
];
const FIRST: &[&str] = &[
    "Amina",
    "Brian",
    "Grace",
    "Peter",
    "Wanjiru",
    "Otieno",
    "Halima",
    "Joseph",
    "Faith",
    "Kevin",
    "Séverine",
];
const LAST: &[&str] =
    &["Mwangi", "Achieng", "Kiprop", "Njoki", "Odhiambo", "Wafula", "Chebet", "Baraka", "Mohamed", "Nyong'o"];
const ROLES: &[&str] =
    &["trader", "farmer", "official", "teacher", "engineer", "nurse", "analyst", "resident"];
const WORDS: &[&str] = &[
    "county",
    "officials",
    "market",
    "water",
    "road",
    "residents",
    "prices",
    "season",
    "project",
    "plan",
    "schools",
    "farmers",
    "rains",
    "budget",
    "police",
    "hospital",
    "traders",
    "week",
    "month",
    "year",
    "town",
    "village",
    "power",
    "bridge",
    "harbour",
    "train",
    "clinic",
    "report",
    "funding",
    "workers",
    "crops",
];
const VERBS: &[&str] = &["said", "added", "told reporters", "explained", "warned"];

fn sentence(rng: &mut Rng) -> String {
    let n = 8 + rng.below(12);
    let mut s = String::new();
    for i in 0..n {
        let w = rng.pick(WORDS);
        if i == 0 {
            let mut c = w.chars();
            s.extend(c.next().map(|c| c.to_ascii_uppercase()));
            s.push_str(c.as_str());
        } else {
            s.push(' ');
            s.push_str(w);
        }
    }
    s.push('.');
    s
}

/// A paragraph of direct speech in one of the shapes FORMAT.md lists:
/// attribution after, before, with a pronoun, in curly or straight marks.
fn quoted(rng: &mut Rng, body: &str) -> String {
    let who = format!("{} {}", rng.pick(FIRST), rng.pick(LAST));
    let spoken = body.trim_end_matches('.');
    let (open, close) = if rng.chance(30) { ("\u{201C}", "\u{201D}") } else { ("\"", "\"") };
    match rng.below(4) {
        0 => format!("{open}{spoken},{close} {} {} {who}.", rng.pick(VERBS), rng.pick(ROLES)),
        1 => format!("{open}{spoken},{close} said {who}."),
        2 => {
            let role = rng.pick(ROLES);
            let a = if role.starts_with(['a', 'e', 'i', 'o', 'u']) { "an" } else { "a" };
            format!("{who}, {a} {role}, said: {open}{spoken}.{close}")
        }
        _ => format!("{who} spoke first. {open}{spoken},{close} she said."),
    }
}

pub struct Story {
    pub title: String,
    pub caption: Option<String>,
    pub paragraphs: Vec<String>,
    pub tags: Vec<String>,
}

pub fn story(rng: &mut Rng, n: usize) -> Story {
    let place = rng.skewed(TAGS);
    let title = format!(
        "{} {} {} in {place} (report {n})",
        sentence(rng).trim_end_matches('.'),
        rng.pick(WORDS),
        rng.pick(WORDS)
    );
    let caption = rng.chance(30).then(|| format!("{} PHOTO | FILE", sentence(rng)));
    let paragraphs = (0..5 + rng.below(5))
        .map(|_| {
            let body = (0..2 + rng.below(3)).map(|_| sentence(rng)).collect::<Vec<_>>().join(" ");
            if rng.chance(25) { quoted(rng, &body) } else { body }
        })
        .collect();
    let mut tags: Vec<String> = Vec::new();
    for _ in 0..2 + rng.below(4) {
        let tag = rng.skewed(TAGS).to_string();
        if !tags.contains(&tag) {
            tags.push(tag);
        }
    }
    Story { title, caption, paragraphs, tags }
}

pub fn text_article(rng: &mut Rng, s: &Story) -> Vec<u8> {
    let mut t = String::new();
    let mut line = |text: &str| {
        t.push_str(text);
        t.push_str("\n\n");
    };
    line(&s.title);
    if rng.chance(60) {
        line(&s.title);
    }
    if let Some(c) = &s.caption {
        line(c);
    }
    for p in &s.paragraphs {
        line(p);
    }
    if rng.chance(30) {
        line(&format!("Tags:\n\n{}", s.tags.join(" ")));
    } else {
        line(&format!("Tags: {}", s.tags.join(", ")));
    }
    t.push_str("Want to send us a story? Email desk@example.org\n\nLeave a Comment\n\nlatest stories\n");
    if rng.chance(10) {
        t = t.replace('\n', "\r\n");
    }
    let mut bytes = if rng.chance(5) { b"\xEF\xBB\xBF".to_vec() } else { Vec::new() };
    bytes.extend_from_slice(t.as_bytes());
    bytes
}

pub fn escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

/// The seed every corpus starts from.
pub const SEED: u64 = 0x9E37_79B9_7F4A_7C15;

/// Text articles `0..count`: (path relative to the corpus root, bytes), in
/// folders of 1,000.
pub fn text_files(count: usize) -> impl Iterator<Item = (String, Vec<u8>)> {
    let mut rng = Rng(SEED);
    (0..count).map(move |n| {
        let s = story(&mut rng, n);
        (format!("{:03}/{n:06}.txt", n / 1000), text_article(&mut rng, &s))
    })
}

/// An RSS 2.0 feed of `count` items with categories and HTML descriptions.
pub fn rss_feed(count: usize, w: &mut impl Write) -> io::Result<()> {
    let mut rng = Rng(SEED);
    writeln!(
        w,
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel><title>Generated</title>"
    )?;
    for n in 0..count {
        let s = story(&mut rng, n);
        let body: String = s.paragraphs.iter().map(|p| format!("<p>{}</p>", escape(p))).collect();
        writeln!(
            w,
            "<item><title>{}</title><link>https://gen.example/{n}</link><guid>gen-{n}</guid>",
            escape(&s.title)
        )?;
        for tag in &s.tags {
            writeln!(w, "<category>{}</category>", escape(tag))?;
        }
        let day = 1 + n % 28;
        writeln!(
            w,
            "<pubDate>Mon, {day:02} Jun 2025 08:00:00 GMT</pubDate><description>{}</description></item>",
            escape(&body)
        )?;
    }
    writeln!(w, "</channel></rss>")
}
