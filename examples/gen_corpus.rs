//! A deterministic corpus of realistic stories for benchmarks:
//! `cargo run --release --example gen_corpus -- --format text|rss --stories N --out PATH`.
//!
//! Text: one file a story (2-3 KB), in folders of 1,000, with the quirks of
//! FORMAT.md (repeated titles, captions with credits, both tag styles, CRLF,
//! BOM, boilerplate). RSS: one file with N items, categories and HTML
//! descriptions. Tags come from a skewed vocabulary; about a quarter of the
//! paragraphs hold a quote. The same arguments always give the same bytes.

use std::fs;
use std::io::{BufWriter, Write};
use std::path::PathBuf;

/// xorshift64*: small, fast, and the same on every machine.
struct Rng(u64);

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

struct Story {
    title: String,
    caption: Option<String>,
    paragraphs: Vec<String>,
    tags: Vec<String>,
}

fn story(rng: &mut Rng, n: usize) -> Story {
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

fn text_article(rng: &mut Rng, s: &Story) -> Vec<u8> {
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

fn escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

fn main() -> std::io::Result<()> {
    let mut format = "text".to_string();
    let mut count = 1000usize;
    let mut out = PathBuf::from("corpus");
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--format" => format = args.next().unwrap_or_default(),
            "--stories" => count = args.next().and_then(|n| n.parse().ok()).unwrap_or(count),
            "--out" => out = args.next().map(PathBuf::from).unwrap_or(out),
            other => {
                eprintln!(
                    "gen_corpus: unknown argument {other}\nusage: gen_corpus --format text|rss --stories N --out PATH"
                );
                std::process::exit(2);
            }
        }
    }
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    match format.as_str() {
        "text" => {
            for n in 0..count {
                let dir = out.join(format!("{:03}", n / 1000));
                if n % 1000 == 0 {
                    fs::create_dir_all(&dir)?;
                }
                let s = story(&mut rng, n);
                fs::write(dir.join(format!("{n:06}.txt")), text_article(&mut rng, &s))?;
            }
        }
        "rss" => {
            if let Some(parent) = out.parent() {
                fs::create_dir_all(parent)?;
            }
            let mut w = BufWriter::new(fs::File::create(&out)?);
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
            writeln!(w, "</channel></rss>")?;
        }
        other => {
            eprintln!("gen_corpus: --format is text or rss, not {other}");
            std::process::exit(2);
        }
    }
    Ok(())
}
