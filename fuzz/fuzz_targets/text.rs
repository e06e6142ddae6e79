//! The text parser on any bytes: no panic, no hang, nothing unsafe kept.

#![no_main]

#[path = "check.rs"]
mod check;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    check::parse("a.txt", data, Some(byline_engine::parse::InputFormat::Text));
});
