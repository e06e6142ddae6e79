//! HTML to clean paragraphs, through a real HTML parser (html5ever, via
//! dom_query): block elements end paragraphs, `<br><br>` separates them,
//! entities are decoded, scripts, styles and page furniture are dropped,
//! and link targets are collected.

use dom_query::{Document, NodeRef};

use super::clean::one_line;

/// Paragraphs and links of an HTML fragment or page.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct HtmlText {
    pub paragraphs: Vec<String>,
    pub links: Vec<String>,
}

/// Elements whose start or end breaks a paragraph.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "main",
    "blockquote",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "pre",
    "table",
    "tr",
    "td",
    "th",
    "figure",
    "figcaption",
    "hr",
    "address",
    "body",
];

/// Elements never part of an article's text.
const SKIPPED: &[&str] = &[
    "script", "style", "noscript", "template", "head", "title", "nav", "iframe", "object", "svg", "canvas",
    "form", "button", "select", "textarea", "input",
];

/// Elements nested deeper than this make a document hostile, not an
/// article: the HTML parser's work grows with the depth at every tag.
pub const MAX_NESTING: usize = 512;

/// Whether the elements of `html` nest deeper than `limit`, by a quick scan
/// of its tags: void elements, self-closed tags and the elements that close
/// themselves (`p`, `li`, table cells) do not count, so ordinary pages
/// stay far below any limit.
pub fn nests_deeper_than(html: &str, limit: usize) -> bool {
    const NOT_NESTING: &[&str] = &[
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
        "track", "wbr", "p", "li", "dt", "dd", "tr", "td", "th", "option",
    ];
    let bytes = html.as_bytes();
    let mut depth = 0usize;
    let mut at = 0;
    while let Some(found) = memchr::memchr(b'<', &bytes[at..]) {
        let tag = at + found;
        let closing = bytes.get(tag + 1) == Some(&b'/');
        let name_start = tag + 1 + usize::from(closing);
        let name_len = bytes[name_start..].iter().take_while(|b| b.is_ascii_alphanumeric()).count();
        let end = memchr::memchr(b'>', &bytes[name_start..]).map_or(bytes.len(), |e| name_start + e);
        at = (end + 1).min(bytes.len());
        if name_len == 0 {
            continue;
        }
        let name = html[name_start..name_start + name_len].to_ascii_lowercase();
        if NOT_NESTING.contains(&name.as_str()) || bytes[..end].ends_with(b"/") {
            continue;
        }
        if closing {
            depth = depth.saturating_sub(1);
        } else {
            depth += 1;
            if depth > limit {
                return true;
            }
        }
    }
    false
}

/// Extract paragraphs from HTML. Text without tags comes out as itself, its
/// entities decoded. A fragment nested beyond `MAX_NESTING` is not given to
/// the parser: its text, tags dropped, becomes one paragraph.
pub fn html_to_text(html: &str) -> HtmlText {
    if let Some(simple) = simple_paragraphs(html) {
        return simple;
    }
    if nests_deeper_than(html, MAX_NESTING) {
        let mut text = String::with_capacity(html.len());
        let mut rest = html;
        while let Some(open) = rest.find('<') {
            text.push_str(&rest[..open]);
            text.push(' ');
            rest = rest[open..].find('>').map_or("", |close| &rest[open + close + 1..]);
        }
        text.push_str(rest);
        let paragraph = one_line(&text);
        return HtmlText {
            paragraphs: (!paragraph.is_empty()).then_some(paragraph).into_iter().collect(),
            links: vec![],
        };
    }
    let doc = Document::from(html);
    let mut walker = Walker::default();
    walker.walk(&doc.root(), 0);
    walker.flush();
    walker.out
}

/// The shapes most feed items have - plain text, or `<p>` paragraphs with
/// no other markup and only the common entities - read without building a
/// document. Gives exactly what the walker gives for them (tested against
/// it); anything else returns `None`.
fn simple_paragraphs(html: &str) -> Option<HtmlText> {
    let mut out = HtmlText::default();
    let mut text = String::new();
    let mut rest = html;
    loop {
        let next_tag = rest.find('<');
        let segment = &rest[..next_tag.unwrap_or(rest.len())];
        text.clear();
        decode_entities(segment, &mut text)?;
        let paragraph = one_line(&text);
        if !paragraph.is_empty() {
            out.paragraphs.push(paragraph);
        }
        let Some(at) = next_tag else { break };
        let tag = ["<p>", "</p>"].into_iter().find(|t| rest[at..].starts_with(t))?;
        rest = &rest[at + tag.len()..];
    }
    Some(out)
}

/// Text with `&amp;`, `&lt;`, `&gt;`, `&quot;`, `&apos;` and numeric
/// references to ordinary characters decoded; `None` for any other `&`,
/// which the full parser handles.
fn decode_entities(text: &str, out: &mut String) -> Option<()> {
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        let after = &rest[at + 1..];
        let end = after.find(';').filter(|&e| e <= 10)?;
        let name = &after[..end];
        let c = match name {
            "amp" => '&',
            "lt" => '<',
            "gt" => '>',
            "quot" => '"',
            "apos" => '\'',
            _ => {
                let number = name.strip_prefix('#')?;
                let code = match number.strip_prefix(['x', 'X']) {
                    Some(hex) if !hex.is_empty() && hex.bytes().all(|b| b.is_ascii_hexdigit()) => {
                        u32::from_str_radix(hex, 16).ok()?
                    }
                    None if !number.is_empty() && number.bytes().all(|b| b.is_ascii_digit()) => {
                        number.parse().ok()?
                    }
                    _ => return None,
                };
                // Controls, surrogates and non-characters have rules of their own.
                let ordinary = matches!(code, 0x20..=0x7e | 0xa0..=0xd7ff | 0xe000..=0xfdcf | 0xfdf0..=0xfffd)
                    || ((0x1_0000..=0x10_ffff).contains(&code) && code & 0xfffe != 0xfffe);
                if !ordinary {
                    return None;
                }
                char::from_u32(code)?
            }
        };
        out.push(c);
        rest = &after[end + 1..];
    }
    out.push_str(rest);
    Some(())
}

#[derive(Default)]
struct Walker {
    out: HtmlText,
    current: String,
    /// A `<br>` just ended a line; a second one ends the paragraph.
    after_break: bool,
}

/// The walker's own bound, for documents whose depth the tag scan
/// underestimated: it never recurses deeper.
const MAX_DEPTH: usize = MAX_NESTING;

impl Walker {
    fn walk(&mut self, node: &NodeRef, depth: usize) {
        if depth > MAX_DEPTH {
            return;
        }
        for child in node.children_it(false) {
            if child.is_text() {
                let text = child.text();
                if !text.trim().is_empty() {
                    self.after_break = false;
                }
                self.current.push_str(&text);
                continue;
            }
            if !child.is_element() {
                continue;
            }
            let name = child.node_name().map(|n| n.to_ascii_lowercase()).unwrap_or_default();
            if SKIPPED.contains(&name.as_str()) {
                continue;
            }
            match name.as_str() {
                "br" => {
                    if self.after_break {
                        self.flush();
                    } else {
                        self.current.push('\n');
                        self.after_break = true;
                    }
                    continue;
                }
                "a" => {
                    if let Some(href) = child.attr("href") {
                        self.link(&href);
                    }
                }
                "img" => continue,
                _ => {}
            }
            let block = BLOCKS.contains(&name.as_str());
            if block {
                self.flush();
            }
            self.walk(&child, depth + 1);
            if block {
                self.flush();
            }
        }
    }

    fn link(&mut self, href: &str) {
        let href = href.trim();
        if !href.is_empty() && !href.starts_with('#') && !self.out.links.iter().any(|l| l == href) {
            self.out.links.push(one_line(href));
        }
    }

    fn flush(&mut self) {
        let paragraph = one_line(&self.current);
        self.current.clear();
        self.after_break = false;
        if !paragraph.is_empty() {
            self.out.paragraphs.push(paragraph);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_come_from_block_elements() {
        let t = html_to_text("<p>One <b>bold</b> word.</p><p>Two.</p><ul><li>Three</li><li>Four</li></ul>");
        assert_eq!(t.paragraphs, ["One bold word.", "Two.", "Three", "Four"]);
    }

    #[test]
    fn entities_are_decoded() {
        let t = html_to_text("<p>Fish &amp; chips cost &pound;5 &mdash; &#8220;cheap&#8221;</p>");
        assert_eq!(t.paragraphs, ["Fish & chips cost £5 — “cheap”"]);
    }

    #[test]
    fn double_breaks_split_paragraphs_and_single_ones_join_lines() {
        let t = html_to_text("First line<br>same paragraph<br><br>Second paragraph");
        assert_eq!(t.paragraphs, ["First line same paragraph", "Second paragraph"]);
    }

    #[test]
    fn scripts_styles_and_forms_are_dropped() {
        let t = html_to_text("<p>Text</p><script>alert(1)</script><style>p{}</style><form>Sign up</form>");
        assert_eq!(t.paragraphs, ["Text"]);
    }

    #[test]
    fn links_are_collected_once() {
        let t = html_to_text(
            r##"<p><a href="https://a.example/x">a</a> <a href="#top">top</a> <a href="https://a.example/x">again</a></p>"##,
        );
        assert_eq!(t.links, ["https://a.example/x"]);
        assert_eq!(t.paragraphs, ["a top again"]);
    }

    #[test]
    fn plain_text_is_itself() {
        assert_eq!(html_to_text("Just words, no tags.").paragraphs, ["Just words, no tags."]);
    }

    /// Every string of up to `depth` pieces.
    fn strings(pieces: &[&str], depth: usize) -> Vec<String> {
        let mut inputs = vec![String::new()];
        for _ in 0..depth {
            let longer: Vec<String> =
                inputs.iter().flat_map(|s| pieces.iter().map(move |p| format!("{s}{p}"))).collect();
            inputs.extend(longer);
        }
        inputs
    }

    fn agrees_with_the_parser(inputs: &[String]) -> usize {
        let mut simple = 0;
        for html in inputs {
            let doc = Document::from(html.as_str());
            let mut walker = Walker::default();
            walker.walk(&doc.root(), 0);
            walker.flush();
            if let Some(fast) = simple_paragraphs(html) {
                simple += 1;
                assert_eq!(fast, walker.out, "{html:?}");
            }
            assert_eq!(html_to_text(html), walker.out, "{html:?}");
        }
        simple
    }

    #[test]
    fn the_simple_path_agrees_with_the_parser_on_markup_and_entities() {
        let entities = [
            "<p>",
            "</p>",
            "x",
            " ",
            "&amp;",
            "&lt;p&gt;",
            "&quot;",
            "&apos;",
            "&#8217;",
            "&#x41;",
            "&#X1F600;",
            "&nbsp;",
            "&#150;",
            "&#0;",
            "& ",
            "&amp",
            "&#xD800;",
            "&#65534;",
        ];
        assert!(agrees_with_the_parser(&strings(&entities, 3)) > 400);
    }

    #[test]
    fn the_simple_path_agrees_with_the_parser() {
        let pieces = ["<p>", "</p>", "Amina said", " ", "\n\n", "é\t", "<P>", "<b>", "&amp;", "a<b"];
        let simple = agrees_with_the_parser(&strings(&pieces, 4));
        assert!(simple > 1000, "the simple path was taken {simple} times");
    }

    #[test]
    fn nesting_depth_counts_only_elements_that_nest() {
        assert!(!nests_deeper_than("<p>a<p>b<p>c<br><img src=x><hr/>", 2));
        assert!(!nests_deeper_than("<div><div></div></div><div></div>", 2));
        assert!(nests_deeper_than("<div><div><div>", 2));
        assert!(nests_deeper_than(&"<span>".repeat(600), MAX_NESTING));
        let page =
            format!("<html><body>{}</body></html>", "<div><p>Text <b>bold</b></p></div>".repeat(10_000));
        assert!(!nests_deeper_than(&page, 8));
    }

    #[test]
    fn a_hostile_fragment_becomes_plain_text_without_the_parser() {
        let html = format!("{}deep text{}", "<div>".repeat(100_000), "</div>".repeat(100_000));
        assert_eq!(html_to_text(&html).paragraphs, ["deep text"]);
    }

    #[test]
    fn deep_nesting_is_bounded() {
        // Deep but within the bound: walked. Past it: read as plain text.
        let within = "<div>".repeat(400) + "deep" + &"</div>".repeat(400);
        assert_eq!(html_to_text(&within).paragraphs, ["deep"]);
        let beyond = "<div>".repeat(600) + "deeper" + &"</div>".repeat(600);
        assert_eq!(html_to_text(&beyond).paragraphs, ["deeper"]);
    }
}
