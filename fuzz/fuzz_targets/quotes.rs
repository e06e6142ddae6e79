//! Quote finding and attribution on any text, split into paragraphs at
//! blank lines: quotes stay inside their paragraphs, nothing unsafe kept.

#![no_main]

#[path = "check.rs"]
mod check;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let paragraphs: Vec<String> =
        text.split("\n\n").map(byline_engine::parse::clean::one_line).filter(|p| !p.is_empty()).collect();
    let story = byline_engine::Story::new("q.txt", byline_engine::Format::Text, "Title".into(), paragraphs);
    check::story(&story);
});
