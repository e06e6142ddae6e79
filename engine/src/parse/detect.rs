//! Which parser reads a file: its extension says what it should be, its
//! first bytes say what it is (a `.txt` holding an RSS document is a feed).

use std::path::Path;

/// The parsers byline has; `--format` names one to force it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum InputFormat {
    /// A plain-text article.
    Text,
    /// JSON or JSON Lines (a JSON Feed is read as a feed).
    Json,
    /// A Markdown note.
    Markdown,
    /// RSS or Atom.
    Feed,
    /// A saved web page.
    Html,
}

impl InputFormat {
    /// The format named on the command line (`rss`, `atom` and `jsonfeed`
    /// all mean the feed parser, `jsonl` the JSON one).
    pub fn from_name(name: &str) -> Option<InputFormat> {
        Some(match name.to_ascii_lowercase().as_str() {
            "text" | "txt" => InputFormat::Text,
            "json" | "jsonl" => InputFormat::Json,
            "markdown" | "md" => InputFormat::Markdown,
            "feed" | "rss" | "atom" | "jsonfeed" => InputFormat::Feed,
            "html" => InputFormat::Html,
            _ => return None,
        })
    }
}

/// File endings byline reads when walking a directory.
pub const EXTENSIONS: &[&str] = &[
    "txt", "text", "json", "jsonl", "ndjson", "md", "markdown", "xml", "rss", "atom", "feed", "html", "htm",
    "xhtml",
];

fn by_extension(path: &str) -> Option<InputFormat> {
    let ext = Path::new(path).extension()?.to_str()?.to_ascii_lowercase();
    Some(match ext.as_str() {
        "json" | "jsonl" | "ndjson" => InputFormat::Json,
        "md" | "markdown" => InputFormat::Markdown,
        "xml" | "rss" | "atom" | "feed" => InputFormat::Feed,
        "html" | "htm" | "xhtml" => InputFormat::Html,
        "txt" | "text" => InputFormat::Text,
        _ => return None,
    })
}

/// The content after what may come before an XML document's root: byte
/// order marks, blank lines, the XML declaration, processing
/// instructions, comments and a doctype that is not HTML's. Whether any
/// XML came before it (a declaration, an instruction, a comment).
fn past_prolog(text: &str) -> (&str, bool) {
    let mut rest = text;
    let mut xml = false;
    loop {
        rest = rest.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
        let skip = if rest.starts_with("<?") {
            rest.find("?>").map(|end| end + 2)
        } else if rest.starts_with("<!--") {
            rest.find("-->").map(|end| end + 3)
        } else if rest.get(..9).is_some_and(|d| d.eq_ignore_ascii_case("<!doctype"))
            && !rest
                .get(9..)
                .is_some_and(|d| d.trim_start().get(..4).is_some_and(|h| h.eq_ignore_ascii_case("html")))
        {
            rest.find('>').map(|end| end + 1)
        } else {
            None
        };
        match skip {
            Some(end) => {
                rest = &rest[end..];
                xml = true;
            }
            None => return (rest, xml),
        }
    }
}

/// What the content looks like, from its first bytes.
fn by_content(text: &str) -> Option<InputFormat> {
    let (start, xml) = past_prolog(text);
    if !start.starts_with(['<', '{', '[']) {
        return xml.then_some(InputFormat::Feed);
    }
    let head: String = start.chars().take(2048).collect::<String>().to_ascii_lowercase();
    if head.starts_with("<rss") || head.starts_with("<feed") || head.starts_with("<rdf") {
        return Some(InputFormat::Feed);
    }
    if head.starts_with("<!doctype html") || head.starts_with("<html") {
        return Some(InputFormat::Html);
    }
    if xml {
        // Some other XML document after a declaration: read as a feed, as
        // a page if it holds one.
        let html = head.contains("<html") && !head.contains("<rss") && !head.contains("<feed");
        return Some(if html { InputFormat::Html } else { InputFormat::Feed });
    }
    if head.starts_with('{') || head.starts_with('[') {
        let json_feed = head.contains("jsonfeed.org/version");
        return Some(if json_feed { InputFormat::Feed } else { InputFormat::Json });
    }
    None
}

/// The parser for a file: content that is plainly a feed, a page or JSON
/// wins over the extension; otherwise the extension; otherwise text.
pub fn detect(path: &str, text: &str) -> InputFormat {
    let extension = by_extension(path);
    match (by_content(text), extension) {
        // A feed is a feed whatever its name.
        (Some(InputFormat::Feed), _) => InputFormat::Feed,
        // Markdown may open with anything else; trust its name.
        (_, Some(InputFormat::Markdown)) => InputFormat::Markdown,
        (Some(content), _) => content,
        (None, Some(InputFormat::Json | InputFormat::Feed | InputFormat::Html) | None) => InputFormat::Text,
        (None, Some(ext)) => ext,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extension_and_content_decide() {
        assert_eq!(detect("a.txt", "Title\n\nBody"), InputFormat::Text);
        assert_eq!(detect("a.txt", "<?xml version=\"1.0\"?><rss version=\"2.0\">"), InputFormat::Feed);
        assert_eq!(detect("a.txt", "  <rss version=\"2.0\">"), InputFormat::Feed);
        assert_eq!(detect("a.xml", "<feed xmlns=\"http://www.w3.org/2005/Atom\">"), InputFormat::Feed);
        assert_eq!(detect("page", "<!DOCTYPE html><html>"), InputFormat::Html);
        assert_eq!(detect("a.json", "[{\"title\": \"x\"}]"), InputFormat::Json);
        assert_eq!(
            detect("feed.json", "{\"version\": \"https://jsonfeed.org/version/1.1\"}"),
            InputFormat::Feed
        );
        assert_eq!(detect("a.md", "# Heading"), InputFormat::Markdown);
        assert_eq!(detect("a.md", "[link](x) first"), InputFormat::Markdown);
        assert_eq!(detect("notes", "Plain words"), InputFormat::Text);
    }

    #[test]
    fn a_feed_is_found_past_whatever_comes_before_its_root() {
        let rss = "<rss version=\"2.0\"><channel></channel></rss>";
        for before in [
            "",
            "\u{feff}",
            "\n\n  \n",
            "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n",
            "<!-- generated by a CMS, 2026-12-01 -->\n",
            "<?xml version=\"1.0\"?>\n<?xml-stylesheet type=\"text/xsl\" href=\"/rss.xsl\"?>\n<!-- a -->\n<!-- b -->",
            "\u{feff}<?xml version=\"1.0\"?><!DOCTYPE rss PUBLIC \"-//Netscape//DTD RSS 0.91//EN\" \"x.dtd\">",
        ] {
            for name in ["news.xml", "news.txt", "news.md", "news", "news.html"] {
                assert_eq!(detect(name, &format!("{before}{rss}")), InputFormat::Feed, "{name}: {before:?}");
            }
        }
        let atom = "<!-- feed -->\n<feed xmlns=\"http://www.w3.org/2005/Atom\"></feed>";
        assert_eq!(detect("a.txt", atom), InputFormat::Feed);
        // A page after a comment is still a page, and words still text.
        assert_eq!(detect("a.txt", "<!-- saved -->\n<!DOCTYPE html><html></html>"), InputFormat::Html);
        assert_eq!(detect("a.txt", "<!-- not closed"), InputFormat::Text);
        assert_eq!(detect("a.txt", "Title\n\n<!-- a comment in an article -->"), InputFormat::Text);
    }

    #[test]
    fn format_names_on_the_command_line() {
        assert_eq!(InputFormat::from_name("rss"), Some(InputFormat::Feed));
        assert_eq!(InputFormat::from_name("JSONL"), Some(InputFormat::Json));
        assert_eq!(InputFormat::from_name("pdf"), None);
    }
}
