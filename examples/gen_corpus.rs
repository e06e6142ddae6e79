//! A deterministic corpus of realistic stories for benchmarks:
//! `cargo run --release --example gen_corpus -- --format text|rss|store --stories N --out PATH`.
//!
//! Text: one file a story (2-3 KB), in folders of 1,000, with the quirks of
//! FORMAT.md (repeated titles, captions with credits, both tag styles, CRLF,
//! BOM, boilerplate). RSS: one file with N items, categories and HTML
//! descriptions. Tags come from a skewed vocabulary; about a quarter of the
//! paragraphs hold a quote. The same arguments always give the same bytes.
//!
//! Store: a data directory (use it as `XDG_DATA_HOME/byline`) as if N items
//! had been fetched from feeds of 500 items each, written through byline's
//! own store; it prints how long storing took, and storing them all again
//! (every feed re-fetched with a changed body).

#[path = "../benches/support/corpus.rs"]
mod corpus;

use std::fs;
use std::io::BufWriter;
use std::path::PathBuf;

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
                    "gen_corpus: unknown argument {other}\nusage: gen_corpus --format text|rss|store --stories N --out PATH"
                );
                std::process::exit(2);
            }
        }
    }
    match format.as_str() {
        "text" => {
            for (path, bytes) in corpus::text_files(count) {
                let path = out.join(path);
                if let Some(dir) = path.parent() {
                    fs::create_dir_all(dir)?;
                }
                fs::write(path, bytes)?;
            }
        }
        "rss" => {
            if let Some(parent) = out.parent() {
                fs::create_dir_all(parent)?;
            }
            corpus::rss_feed(count, &mut BufWriter::new(fs::File::create(&out)?))?;
        }
        "store" => store(count, &out)?,
        other => {
            eprintln!("gen_corpus: --format is text, rss or store, not {other}");
            std::process::exit(2);
        }
    }
    Ok(())
}

/// N fetched items in feeds of 500, stored as `byline fetch` stores them.
fn store(count: usize, out: &std::path::Path) -> std::io::Result<()> {
    use byline_engine::feeds::store::{Fetched, Validators};
    let mut bytes = Vec::new();
    corpus::rss_feed(count, &mut bytes)?;
    let drafts = byline_engine::parse::parse_feed("gen", &bytes).map_err(std::io::Error::other)?.drafts;
    let store = byline_engine::feeds::Store::new(out);
    for pass in ["stored", "stored again"] {
        let started = std::time::Instant::now();
        for (i, chunk) in drafts.chunks(500).enumerate() {
            let sub = byline_engine::feeds::Subscription::new(&format!("https://gen.example/feed/{i}"));
            let fetched = Fetched::Items {
                drafts: chunk.to_vec(),
                feed_title: Some(format!("Feed {i}")),
                validators: Validators::default(),
                body_hash: pass.to_string(),
            };
            store.save(&sub, fetched, "2026-11-29T00:00:00Z")?;
        }
        eprintln!(
            "{pass} {} items in {} feeds: {:.2?}",
            drafts.len(),
            drafts.len().div_ceil(500),
            started.elapsed()
        );
    }
    Ok(())
}
