//! Segmenting a space-joined tag line: the first line is the tag line, the
//! rest the story's text. Every word of the line lands in exactly one tag,
//! in order.

#![no_main]

use std::collections::HashSet;

use byline_engine::parse::tags::{Knowledge, segment};

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let (line, body) = text.split_once('\n').unwrap_or((&text, ""));
    let line = byline_engine::parse::clean::one_line(line);
    let known: HashSet<String> = body.lines().take(3).map(str::to_lowercase).collect();
    let tags = segment(&line, &Knowledge { known_tags: &known, text: body });
    let words: Vec<&str> = line.split_whitespace().collect();
    let rejoined: Vec<&str> = tags.iter().flat_map(|t| t.split(' ')).collect();
    // Repeated tags are dropped, so the tags' words are a subsequence.
    let mut rest = words.iter();
    assert!(rejoined.iter().all(|w| rest.any(|v| v == w)), "{tags:?} from {line:?}");
});
