//! The XML declaration, mended before a feed reaches feed-rs: its XML
//! reader (quick-xml 0.42) panics on two kinds of declaration that real
//! feeds have, and byline must read those feeds, not skip them.
//!
//! - A UTF-16 feed with a byte order mark: the text is given already
//!   decoded, as UTF-8, with the declaration saying so.
//! - A declaration longer than the 64 bytes quick-xml looks at before it
//!   knows the encoding (`standalone="yes"`, spaces, odd attributes), or
//!   holding bytes that are not plain ASCII: it is rewritten in its short
//!   form, keeping the encoding.

use std::borrow::Cow;

/// What quick-xml decodes before it reads the declaration's encoding.
const READ_AHEAD: usize = 64;

/// The bytes to give the feed reader; `decoded` is the document as text.
pub fn for_feed_reader<'a>(bytes: &'a [u8], decoded: &str) -> Cow<'a, [u8]> {
    let bytes = if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        Cow::Owned(as_utf8(decoded).into_bytes())
    } else {
        Cow::Borrowed(bytes)
    };
    match shortened(&bytes) {
        Some(mended) => Cow::Owned(mended),
        None => bytes,
    }
}

/// The decoded text with its declaration's encoding changed to UTF-8.
fn as_utf8(decoded: &str) -> String {
    let mut text = decoded.to_string();
    let declaration_end = text.find("?>").filter(|_| text.trim_start().starts_with("<?xml"));
    if let Some(end) = declaration_end
        && let Some(at) = text[..end].find("encoding=")
    {
        let value = at + "encoding=".len();
        let quote = text[value..].chars().next().filter(|q| *q == '"' || *q == '\'');
        if let Some(close) = quote.and_then(|q| text[value + 1..end].find(q)) {
            text.replace_range(value + 1..value + 1 + close, "UTF-8");
        }
    }
    text
}

/// The document mended for quick-xml, or `None` when it needs nothing:
/// a declaration after leading blank space, longer than quick-xml reads
/// ahead, or holding bytes that are not plain ASCII, is rewritten in its
/// short form at the start; a declaration later in the document (never
/// valid XML, but quick-xml acts on it) is made an ordinary processing
/// instruction. An encoding label that cannot be one (too long, odd
/// characters) is dropped, which means UTF-8.
fn shortened(bytes: &[u8]) -> Option<Vec<u8>> {
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let blank = body.iter().take_while(|b| b.is_ascii_whitespace()).count();
    let (head, rest) = match first_declaration(&body[blank..]) {
        Some(end) => {
            let declaration = &body[blank..blank + end];
            let plain = declaration
                .iter()
                .all(|&b| b == b'\t' || b == b'\n' || b == b'\r' || (0x20..0x7f).contains(&b));
            let head = (blank > 0 || end > READ_AHEAD || !plain).then(|| short_form(declaration));
            (head, &body[blank + end..])
        }
        None => (None, body),
    };
    let later = later_declarations(rest);
    if head.is_none() && later.is_empty() {
        return None;
    }
    let mut out = Vec::with_capacity(bytes.len());
    match head {
        Some(head) => out.extend_from_slice(&head),
        None => out.extend_from_slice(&bytes[..bytes.len() - rest.len()]),
    }
    let mut from = 0;
    for at in later {
        // `<?xml ` becomes `<?xmL `: the same bytes, no longer a declaration.
        out.extend_from_slice(&rest[from..at + 4]);
        out.push(b'L');
        from = at + 5;
    }
    out.extend_from_slice(&rest[from..]);
    Some(out)
}

/// The length of the declaration `text` starts with, if it starts with one
/// that ends within its first 4 KiB.
fn first_declaration(text: &[u8]) -> Option<usize> {
    if !is_declaration_at(text, 0) {
        return None;
    }
    Some(memchr::memmem::find(&text[..text.len().min(4096)], b"?>")? + 2)
}

/// Whether a declaration (`<?xml` and a space) starts at `at`.
fn is_declaration_at(text: &[u8], at: usize) -> bool {
    text[at..].starts_with(b"<?xml") && text.get(at + 5).is_some_and(u8::is_ascii_whitespace)
}

/// Where declarations start in the rest of a document.
fn later_declarations(rest: &[u8]) -> Vec<usize> {
    memchr::memmem::find_iter(rest, b"<?xml").filter(|&at| is_declaration_at(rest, at)).collect()
}

/// `<?xml version="1.0" encoding="..."?>` with the declaration's encoding,
/// when it names a plausible one other than UTF-8.
fn short_form(declaration: &[u8]) -> Vec<u8> {
    let declaration = String::from_utf8_lossy(declaration);
    let encoding = declaration.find("encoding=").and_then(|at| {
        let value = &declaration[at + "encoding=".len()..];
        let quote = value.chars().next().filter(|q| *q == '"' || *q == '\'')?;
        let label = &value[1..value[1..].find(quote)? + 1];
        let plausible = label.len() <= 24
            && label.bytes().all(|b| b.is_ascii_alphanumeric() || b"-_.:".contains(&b))
            && !label.eq_ignore_ascii_case("utf-8");
        plausible.then(|| label.to_string())
    });
    match encoding {
        Some(label) => format!("<?xml version=\"1.0\" encoding=\"{label}\"?>").into_bytes(),
        None => b"<?xml version=\"1.0\"?>".to_vec(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn latin1_feed(declaration: &str) -> Vec<u8> {
        let mut bytes = declaration.as_bytes().to_vec();
        bytes.extend_from_slice(b"\n<rss version=\"2.0\"><channel><title>Desk</title><item><title>Caf\xe9 reopens</title><description>Owners cheer.</description></item></channel></rss>");
        bytes
    }

    fn titles(bytes: &[u8]) -> Vec<String> {
        let parsed = crate::parse::parse_file("f.xml", bytes, None).unwrap();
        parsed.drafts.into_iter().map(|d| d.story.title().to_string()).collect()
    }

    #[test]
    fn a_long_declaration_naming_latin1_is_read_in_latin1() {
        let long = "<?xml version=\"1.0\"   encoding=\"ISO-8859-1\"   standalone=\"yes\"   ?>";
        assert!(long.len() > READ_AHEAD);
        assert_eq!(titles(&latin1_feed(long)), ["Café reopens"]);
        let short = shortened(&latin1_feed(long)).unwrap();
        assert!(short.starts_with(b"<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<rss"));
    }

    #[test]
    fn a_declaration_with_bytes_that_are_no_text_is_read_without_a_panic() {
        // Found by the feed fuzz target: quick-xml panicked in set_encoding.
        let mut bytes =
            b"<?xml version=\"1.0\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\" encoding=\"ISO-8859-1\"?>"
                .to_vec();
        bytes.extend_from_slice(&latin1_feed("")[..]);
        assert_eq!(titles(&bytes), ["Café reopens"]);
    }

    #[test]
    fn blank_lines_before_the_declaration_are_dropped() {
        let mut bytes = b"\n\n".to_vec();
        bytes.extend_from_slice(&" ".repeat(100).into_bytes());
        bytes.extend_from_slice(&latin1_feed("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>"));
        assert_eq!(titles(&bytes), ["Café reopens"]);
    }

    #[test]
    fn a_declaration_later_in_the_document_is_disarmed() {
        // Found by the feed fuzz target: quick-xml acted on it and panicked.
        let mut bytes = b"\r\">>>>>>>>><?x<\n/\n?>".to_vec();
        bytes.extend_from_slice(&b">".repeat(80));
        bytes.extend_from_slice(b"<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss/>");
        let mended = shortened(&bytes).unwrap();
        assert!(mended.ends_with(b"<?xmL version=\"1.0\" encoding=\"ISO-8859-1\"?><rss/>"));
        assert_eq!(mended.len(), bytes.len());
        let _ = crate::parse::parse_file("f.xml", &bytes, Some(crate::parse::InputFormat::Feed));
    }

    #[test]
    fn a_utf16_feed_with_a_second_declaration_is_read_without_a_panic() {
        // Found by the feed fuzz target.
        let text = "<?xml version=\"1.0\" encoding=\"utf-16\"?>\n<rss version=\"2.0\"><channel><title>Desk</title>\
                    <item><title>Caf\u{e9} reopens</title></item></channel></rss>\n\
                    <?xml version=\"1.0\" encoding=\"utf-16\"?>";
        let mut bytes = vec![0xFF, 0xFE];
        bytes.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
        assert_eq!(titles(&bytes), ["Café reopens"]);
    }

    #[test]
    fn short_declarations_and_documents_without_one_are_left_alone() {
        assert!(shortened(b"<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss/>").is_none());
        assert!(shortened(b"<rss version=\"2.0\"/>").is_none());
        assert!(shortened(b"<rss><!-- <?xml-stylesheet href=\"a\"?> --></rss>").is_none());
    }

    #[test]
    fn an_encoding_label_that_cannot_be_one_is_dropped() {
        let doc = format!("<?xml version=\"1.0\" encoding=\"{}\"?><rss/>", "x".repeat(80));
        assert_eq!(shortened(doc.as_bytes()).unwrap(), b"<?xml version=\"1.0\"?><rss/>");
    }
}
