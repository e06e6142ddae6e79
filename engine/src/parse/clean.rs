//! Turning raw bytes into safe text: decoding (BOM, UTF-16, lossy UTF-8),
//! refusing empty and binary files, and stripping every character that could
//! steer a terminal (C0/C1 controls, escape sequences, bidi overrides).

use std::borrow::Cow;

pub use crate::error::Unreadable;

/// Text decoded from a file, with a note when bytes had to be replaced.
#[derive(Debug)]
pub struct Decoded<'a> {
    /// The text, borrowed when the bytes were valid UTF-8 already.
    pub text: Cow<'a, str>,
    /// Invalid UTF-8 was replaced with U+FFFD.
    pub lossy: bool,
}

/// Decode a file's bytes: UTF-8 (BOM dropped, invalid bytes replaced) or
/// UTF-16 with a BOM. Empty and binary files are refused.
pub fn decode(bytes: &[u8]) -> Result<Decoded<'_>, Unreadable> {
    let decoded = if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        utf8(rest)
    } else if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        utf16(rest, u16::from_le_bytes)
    } else if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        utf16(rest, u16::from_be_bytes)
    } else {
        if memchr_nul(bytes) {
            return Err(Unreadable::Binary("contains NUL bytes"));
        }
        utf8(bytes)
    };
    if decoded.text.trim().is_empty() {
        return Err(Unreadable::Empty);
    }
    if looks_binary(&decoded.text) {
        return Err(Unreadable::Binary("mostly non-text bytes"));
    }
    Ok(decoded)
}

fn memchr_nul(bytes: &[u8]) -> bool {
    bytes.contains(&0)
}

fn utf8(bytes: &[u8]) -> Decoded<'_> {
    // Validation alone is faster than the lossy decoder; that is for files
    // with bad bytes.
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Decoded { text: Cow::Borrowed(text), lossy: false };
    }
    Decoded { text: Cow::Owned(String::from_utf8_lossy(bytes).into_owned()), lossy: true }
}

fn utf16(bytes: &[u8], read: fn([u8; 2]) -> u16) -> Decoded<'static> {
    let units = bytes.chunks_exact(2).map(|pair| read([pair[0], pair[1]]));
    let mut lossy = bytes.len() % 2 == 1;
    let text: String = char::decode_utf16(units)
        .map(|c| {
            c.unwrap_or_else(|_| {
                lossy = true;
                char::REPLACEMENT_CHARACTER
            })
        })
        .collect();
    Decoded { text: Cow::Owned(text), lossy }
}

/// More than one character in four is a control or a replacement character:
/// this is not an article, whatever its name says. (Random bytes score far
/// higher; text laced with escape sequences far lower.)
fn looks_binary(text: &str) -> bool {
    if is_clean(text) {
        return false;
    }
    let sample = text.chars().take(8192);
    let (mut total, mut bad) = (0usize, 0usize);
    for c in sample {
        total += 1;
        if c == char::REPLACEMENT_CHARACTER || (c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\x0c')) {
            bad += 1;
        }
    }
    total > 0 && bad * 4 > total
}

/// Characters that reorder text on screen: embeddings, overrides, isolates.
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}')
}

/// Invisible characters that only confuse width and matching.
fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200B}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}')
}

/// Make text safe and tidy, keeping new lines: line endings become `\n`,
/// tabs and unusual spaces become a space, ANSI escape sequences are removed
/// whole, every other control character and every bidi control is dropped,
/// and trailing spaces are trimmed from each line. Text that is already
/// clean (nearly all of it) is returned as it is, without a copy.
pub fn sanitize(text: &str) -> Cow<'_, str> {
    if is_clean(text) { Cow::Borrowed(text) } else { Cow::Owned(sanitize_slow(text)) }
}

/// Whether `sanitize` would leave the text as it is. Blocks of printable
/// ASCII at a time; byte by byte (decoding non-ASCII characters) elsewhere.
fn is_clean(text: &str) -> bool {
    let bytes = text.as_bytes();
    if bytes.last() == Some(&b' ') {
        return false;
    }
    let mut i = 0;
    while i < bytes.len() {
        let skip = printable_ascii_run(bytes, i);
        if skip > 0 {
            i += skip;
            continue;
        }
        let b = bytes[i];
        if b == b'\n' {
            // A space before a new line is a trailing space.
            if i > 0 && bytes[i - 1] == b' ' {
                return false;
            }
            i += 1;
        } else if b.is_ascii() {
            if b < 0x20 || b == 0x7f {
                return false;
            }
            i += 1;
        } else {
            let Some(c) = text[i..].chars().next() else {
                return false;
            };
            if changed_by_sanitize(c) {
                return false;
            }
            i += c.len_utf8();
        }
    }
    true
}

/// Every byte is in 0x20..=0x7e, tested without stopping early, so the
/// compiler can check many bytes at once.
fn all_printable(block: &[u8]) -> bool {
    block.iter().fold(0u8, |bad, &b| bad | u8::from(b.wrapping_sub(0x20) > 0x5e)) == 0
}

/// How many bytes from `i` on are printable ASCII in whole blocks: 32, or
/// 8 near a new line or a non-ASCII character, or none.
fn printable_ascii_run(bytes: &[u8], i: usize) -> usize {
    [32, 8].into_iter().find(|&n| bytes.get(i..i + n).is_some_and(all_printable)).unwrap_or(0)
}

/// Built once: building a searcher costs more than most searches.
static DOUBLE_SPACE: std::sync::LazyLock<memchr::memmem::Finder<'static>> =
    std::sync::LazyLock::new(|| memchr::memmem::Finder::new(b"  "));

/// Whether `fold_spaces` has nothing to fold: single ASCII spaces between
/// words, none at the ends. Double spaces are looked for with a vectorised
/// search; other bytes in printable blocks, decoding only the non-ASCII
/// characters that could be spaces (U+0085, U+00A0, U+1680, U+2000-U+205F,
/// U+3000).
fn is_folded(text: &str) -> bool {
    let bytes = text.as_bytes();
    if bytes.first() == Some(&b' ') || bytes.last() == Some(&b' ') || DOUBLE_SPACE.find(bytes).is_some() {
        return false;
    }
    let mut i = 0;
    while i < bytes.len() {
        let skip = printable_ascii_run(bytes, i);
        if skip > 0 {
            i += skip;
            continue;
        }
        let b = bytes[i];
        let folds = match b {
            0x00..=0x1f => true,
            0xC2 | 0xE1 | 0xE2 | 0xE3 => {
                text.get(i..).and_then(|rest| rest.chars().next()).is_some_and(char::is_whitespace)
            }
            _ => false,
        };
        if folds {
            return false;
        }
        i += 1;
    }
    true
}

/// Non-ASCII characters that `sanitize` replaces or drops.
fn changed_by_sanitize(c: char) -> bool {
    is_unusual_space(c)
        || matches!(c, '\u{2028}' | '\u{2029}')
        || c.is_control()
        || is_bidi_control(c)
        || is_invisible(c)
}

/// Spaces that become a plain space.
fn is_unusual_space(c: char) -> bool {
    matches!(c, '\t' | '\u{A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}')
}

fn sanitize_slow(text: &str) -> String {
    // Windows line endings are the usual reason text is not clean: replace
    // them in bulk, and go character by character only if that was not all.
    if text.contains("\r\n") {
        let unix = text.replace("\r\n", "\n");
        if is_clean(&unix) {
            return unix;
        }
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                if chars.peek() != Some(&'\n') {
                    push_newline(&mut out);
                }
            }
            '\n' => push_newline(&mut out),
            '\x1b' => skip_escape_sequence(&mut chars),
            '\u{9b}' => skip_csi_body(&mut chars),
            c if is_unusual_space(c) => out.push(' '),
            '\u{2028}' | '\u{2029}' => push_newline(&mut out),
            c if c.is_control() || is_bidi_control(c) || is_invisible(c) => {}
            c => out.push(c),
        }
    }
    trim_trailing_spaces(&mut out);
    out
}

fn push_newline(out: &mut String) {
    trim_trailing_spaces(out);
    out.push('\n');
}

fn trim_trailing_spaces(out: &mut String) {
    let kept = out.trim_end_matches(' ').len();
    out.truncate(kept);
}

/// Drop the rest of an escape sequence whose ESC was just read: CSI
/// (`ESC [ ... final`), OSC/DCS/APC/PM/SOS strings (up to BEL or `ESC \`),
/// or a two-character escape.
fn skip_escape_sequence(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) {
    match chars.peek().copied() {
        Some('[') => {
            chars.next();
            skip_csi_body(chars);
        }
        Some(']' | 'P' | '_' | '^' | 'X') => {
            chars.next();
            while let Some(c) = chars.next() {
                if c == '\x07' || c == '\u{9c}' {
                    break;
                }
                if c == '\x1b' {
                    if chars.peek() == Some(&'\\') {
                        chars.next();
                    }
                    break;
                }
            }
        }
        Some(c) if ('\x20'..='\x7e').contains(&c) => {
            chars.next();
        }
        _ => {}
    }
}

/// Parameters and intermediates run until a final byte in `@`..=`~`.
fn skip_csi_body(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) {
    for c in chars.by_ref() {
        if ('\x40'..='\x7e').contains(&c) || !('\x20'..='\x7e').contains(&c) {
            break;
        }
    }
}

/// Sanitise and fold all white space, new lines included, into single
/// spaces: for titles, tags, names and other one-line fields.
pub fn one_line(text: &str) -> String {
    fold_spaces(&sanitize(text))
}

/// Fold white space into single spaces, trimmed, in text that is already
/// sanitised. Copies the text once.
pub fn fold_spaces(text: &str) -> String {
    if is_folded(text) {
        return text.to_string();
    }
    if text.is_ascii() {
        return fold_ascii_spaces(text);
    }
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// `fold_spaces` for ASCII text (most of a feed's HTML turned to text),
/// a byte at a time: the white space `split_whitespace` knows in ASCII is
/// the space and tab to carriage return.
fn fold_ascii_spaces(text: &str) -> String {
    let mut out = Vec::with_capacity(text.len());
    let mut space = false;
    for &b in text.as_bytes() {
        if b == b' ' || (0x09..=0x0d).contains(&b) {
            space = !out.is_empty();
        } else {
            if space {
                out.push(b' ');
                space = false;
            }
            out.push(b);
        }
    }
    // Only ASCII bytes were copied: this never fails.
    String::from_utf8(out).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_text_folds_as_any_text_does() {
        let general = |t: &str| t.split_whitespace().collect::<Vec<_>>().join(" ");
        for text in [" a  b\t\tc\n", "\x0b\x0cword\r\n", "  ", "one", "a \x0b b", "end  "] {
            assert_eq!(fold_spaces(text), general(text), "{text:?}");
        }
        // Every mix of a few letters and ASCII white space.
        let alphabet = [b'a', b'b', b' ', b'\t', b'\n', 0x0b, 0x0c, b'\r'];
        for n in 0..8u32.pow(5) {
            let bytes: Vec<u8> = (0..5).map(|k| alphabet[(n / 8u32.pow(k) % 8) as usize]).collect();
            let text = std::str::from_utf8(&bytes).unwrap();
            assert_eq!(fold_spaces(text), general(text), "{text:?}");
        }
    }

    #[test]
    fn bom_is_dropped() {
        let d = decode(b"\xEF\xBB\xBFHello").unwrap();
        assert_eq!(d.text, "Hello");
        assert!(!d.lossy);
    }

    #[test]
    fn invalid_utf8_is_replaced_and_reported() {
        let d = decode(b"Caf\xE9 society").unwrap();
        assert_eq!(d.text, "Caf\u{FFFD} society");
        assert!(d.lossy);
    }

    #[test]
    fn utf16_with_bom_is_decoded() {
        let bytes: Vec<u8> =
            [0xFF, 0xFE].into_iter().chain("Nyong'o".encode_utf16().flat_map(u16::to_le_bytes)).collect();
        assert_eq!(decode(&bytes).unwrap().text, "Nyong'o");
    }

    #[test]
    fn empty_and_blank_files_are_refused() {
        assert_eq!(decode(b"").unwrap_err(), Unreadable::Empty);
        assert_eq!(decode(b" \r\n\n\t").unwrap_err(), Unreadable::Empty);
    }

    #[test]
    fn binary_files_are_refused() {
        assert!(matches!(decode(b"PK\x03\x04\x00\x00"), Err(Unreadable::Binary(_))));
        let noise: Vec<u8> = (0u8..=255).cycle().skip(1).take(4000).filter(|b| *b != 0).collect();
        assert!(matches!(decode(&noise), Err(Unreadable::Binary(_))));
    }

    #[test]
    fn crlf_and_lone_cr_become_newlines() {
        assert_eq!(sanitize("a\r\nb\rc\n"), "a\nb\nc\n");
        assert_eq!(sanitize("Windows\r\nline endings only\r\n"), "Windows\nline endings only\n");
        assert_eq!(sanitize("trailing \r\nspace\r\n"), "trailing\nspace\n");
    }

    #[test]
    fn controls_and_escape_sequences_are_stripped() {
        let hostile = "Red\x1b[31m alert\x1b]0;pwned\x07 now\x07\x08\u{9b}2J!";
        assert_eq!(sanitize(hostile), "Red alert now!");
    }

    #[test]
    fn bidi_overrides_are_removed() {
        assert_eq!(sanitize("abc\u{202E}fed\u{2066}x\u{2069}"), "abcfedx");
    }

    #[test]
    fn tabs_and_nbsp_become_spaces_and_trailing_spaces_go() {
        assert_eq!(sanitize("a\tb\u{A0}c  \nd "), "a b c\nd");
    }

    #[test]
    fn clean_text_is_not_copied_and_unclean_text_is() {
        assert!(matches!(sanitize("Plain words.\nSecond line, “curly” Séverine."), Cow::Borrowed(_)));
        let long_clean = "Eight by eight: the chunked scan sees these. ".repeat(3) + "end";
        assert!(matches!(sanitize(&long_clean), Cow::Borrowed(_)));
        for dirty in [
            "trailing \nspace",
            "end ",
            "tab\there",
            "nbsp\u{A0}",
            "bell\x07",
            "rlo\u{202E}",
            "c1\u{85}",
            "exactly8 \nafter a chunk",
            "chunked \nspace ends the first eight bytes",
            "long enough to be chunked\x1b[31m red",
            "long enough to be chunked\x7f del",
        ] {
            assert!(matches!(sanitize(dirty), Cow::Owned(_)), "{dirty:?}");
        }
    }

    #[test]
    fn one_line_folds_whitespace() {
        assert_eq!(one_line("  Boost \n for\u{A0}\u{A0}Ruto "), "Boost for Ruto");
        assert_eq!(fold_spaces("a  b"), "a b");
        assert_eq!(fold_spaces("a\u{3000}b\u{1680}c é"), "a b c é");
        assert_eq!(fold_spaces("already single spaces, “curly”"), "already single spaces, “curly”");
    }
}
