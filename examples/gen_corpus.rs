//! A deterministic corpus of realistic stories for benchmarks:
//! `cargo run --release --example gen_corpus -- --format text|rss --stories N --out PATH`.
//!
//! Text: one file a story (2-3 KB), in folders of 1,000, with the quirks of
//! FORMAT.md (repeated titles, captions with credits, both tag styles, CRLF,
//! BOM, boilerplate). RSS: one file with N items, categories and HTML
//! descriptions. Tags come from a skewed vocabulary; about a quarter of the
//! paragraphs hold a quote. The same arguments always give the same bytes.

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
                    "gen_corpus: unknown argument {other}\nusage: gen_corpus --format text|rss --stories N --out PATH"
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
        other => {
            eprintln!("gen_corpus: --format is text or rss, not {other}");
            std::process::exit(2);
        }
    }
    Ok(())
}
