//! Saved web pages: the article's main text found readability-style by
//! dom_smoothie (title, byline, date, content; navigation, ads, share bars
//! and comments left out), then made into paragraphs by the HTML parser.
//! The page's `<meta>` keywords and `article:tag` become tags.

use dom_query::Document;
use dom_smoothie::{Config, Readability};

use super::clean::one_line;
use super::html_text::html_to_text;
use super::tags::dedupe;
use super::{Draft, date, new_draft};
use crate::model::{Format, Story};

/// Pages larger than this many elements are not scored element by element.
const MAX_ELEMENTS: usize = 50_000;

pub fn parse(source: &str, html: &str) -> Draft {
    let meta = Meta::read(html);
    let article = readable(html, &meta);
    assemble(source, html, meta, article.as_ref())
}

/// The article of a page fetched for a feed item's full text; `None` when
/// readability finds no article in it (an index page, a login wall).
pub(crate) fn article(source: &str, html: &str) -> Option<Draft> {
    let meta = Meta::read(html);
    let article = readable(html, &meta)?;
    Some(assemble(source, html, meta, Some(&article)))
}

fn readable(html: &str, meta: &Meta) -> Option<dom_smoothie::Article> {
    let config = Config { max_elements_to_parse: MAX_ELEMENTS, ..Config::default() };
    Readability::new(html, meta.url.as_deref(), Some(config)).ok().and_then(|mut r| r.parse().ok())
}

/// The story of a page: its article when one was found, else its whole
/// text.
fn assemble(source: &str, html: &str, meta: Meta, article: Option<&dom_smoothie::Article>) -> Draft {
    let (title, content, byline, published) = match article {
        Some(a) => (a.title.clone(), a.content.to_string(), a.byline.clone(), a.published_time.clone()),
        None => (meta.title.clone().unwrap_or_default(), html.to_string(), None, None),
    };
    let text = html_to_text(&content);
    let title = Some(one_line(&title))
        .filter(|t| !t.is_empty())
        .or(meta.title.clone())
        .or_else(|| text.paragraphs.first().map(|p| p.chars().take(80).collect()))
        .unwrap_or_else(|| source.to_string());
    let mut story = Story::new(source, Format::Html, title, text.paragraphs);
    story.author = byline
        .map(|b| one_line(b.trim_start_matches("By ").trim_start_matches("by ")))
        .filter(|b| !b.is_empty());
    story.published = published.as_deref().or(meta.published.as_deref()).and_then(date::normalize);
    story.url = meta.url;
    story.tags = meta.tags;
    story.links = text.links;
    new_draft(story, None, Vec::new())
}

/// What the page's head says about it.
#[derive(Debug, Default)]
struct Meta {
    title: Option<String>,
    url: Option<String>,
    published: Option<String>,
    tags: Vec<String>,
}

impl Meta {
    fn read(html: &str) -> Meta {
        let doc = Document::from(html);
        let content = |selector: &str| {
            doc.select(selector)
                .iter()
                .filter_map(|n| n.attr("content").map(|c| one_line(&c)))
                .collect::<Vec<_>>()
        };
        let first = |selector: &str| content(selector).into_iter().find(|c| !c.is_empty());
        let mut tags: Vec<String> = Vec::new();
        for keywords in content("meta[name=keywords], meta[name=news_keywords]") {
            tags.extend(keywords.split([',', ';']).map(one_line));
        }
        tags.extend(content("meta[property='article:tag']"));
        let canonical = doc.select("link[rel=canonical]").attr("href").map(|h| one_line(&h));
        Meta {
            title: first("meta[property='og:title']")
                .or_else(|| Some(one_line(&doc.select("title").text())))
                .filter(|t| !t.is_empty()),
            url: canonical.or_else(|| first("meta[property='og:url']")).filter(|u| u.starts_with("http")),
            published: first("meta[property='article:published_time']"),
            tags: dedupe(tags.into_iter().filter(|t| !t.is_empty())),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r#"<!doctype html><html><head>
<title>Rail line opens | Example News</title>
<meta name="keywords" content="Rail, Naivasha, Transport">
<meta property="article:tag" content="Infrastructure">
<meta property="article:published_time" content="2025-02-03T08:00:00+03:00">
<link rel="canonical" href="https://news.example/rail">
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<article>
<h1>Rail line opens to Naivasha</h1>
<p class="byline">By Peter Mwangi</p>
<p>The first passenger train reached Naivasha on Monday morning after a journey of two hours from the capital, with every seat taken.</p>
<p>"This line changes how we travel to the lake," said station master Rose Chebet, who has worked for the railway for twenty years.</p>
<p>Tickets cost less than the bus fare, and a second daily service will start next month once new carriages arrive from the coast.</p>
</article>
<div class="share">Share on WhatsApp Share on X</div>
<section id="comments"><h2>Comments</h2><p>First!</p></section>
</body></html>"#;

    #[test]
    fn the_article_text_is_extracted_without_page_furniture() {
        let s = parse("p.html", PAGE).story;
        assert!(s.title().starts_with("Rail line opens"), "{}", s.title());
        let body = s.paragraphs().join("\n");
        assert!(body.contains("first passenger train"), "{body}");
        assert!(body.contains("second daily service"), "{body}");
        for furniture in ["Home", "Share on WhatsApp", "First!"] {
            assert!(!body.contains(furniture), "{furniture} in {body}");
        }
    }

    #[test]
    fn meta_keywords_and_article_tags_become_tags() {
        let s = parse("p.html", PAGE).story;
        assert_eq!(s.tags, ["Rail", "Naivasha", "Transport", "Infrastructure"]);
        assert_eq!(s.url.as_deref(), Some("https://news.example/rail"));
        assert_eq!(s.published.as_deref(), Some("2025-02-03T05:00:00Z"));
    }

    #[test]
    fn a_page_without_a_title_takes_its_first_words() {
        let s = parse("p.html", "<p>Only a paragraph here.</p>").story;
        assert_eq!(s.title(), "Only a paragraph here.");
    }

    #[test]
    fn quotes_in_pages_are_found() {
        let s = parse("p.html", PAGE).story;
        assert_eq!(s.quotes().len(), 1);
        assert_eq!(s.quotes()[0].speaker.as_deref(), Some("Rose Chebet"));
    }
}
