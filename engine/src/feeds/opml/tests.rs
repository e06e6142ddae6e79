use super::*;

fn sub(url: &str, title: Option<&str>, tags: &[&str]) -> Subscription {
    Subscription {
        url: url.into(),
        title: title.map(Into::into),
        tags: tags.iter().map(|t| t.to_string()).collect(),
        full_text: false,
    }
}

#[test]
fn folders_and_categories_become_tags() {
    let opml = r#"<?xml version="1.0"?>
<opml version="2.0"><head><title>mine</title></head><body>
  <outline text="World">
    <outline text="Caribbean">
      <outline type="rss" text="Island Wire" xmlUrl="https://wire.example/rss" category="Haiti,/Region/Americas"/>
    </outline>
    <outline type="rss" text="https://plain.example/feed" xmlUrl="https://plain.example/feed"/>
  </outline>
  <outline type="rss" title="Top &amp; Tail" text="ignored" xmlUrl="http://top.example/atom.xml"></outline>
</body></opml>"#;
    let imported = import(opml).unwrap();
    assert_eq!(
        imported.feeds,
        [
            sub(
                "https://wire.example/rss",
                Some("Island Wire"),
                &["World", "Caribbean", "Haiti", "Region", "Americas"]
            ),
            sub("https://plain.example/feed", None, &["World"]),
            sub("http://top.example/atom.xml", Some("Top & Tail"), &[]),
        ]
    );
    assert!(imported.skipped.is_empty());
}

#[test]
fn an_outline_with_a_feed_url_that_cannot_be_fetched_is_skipped_with_its_reason() {
    let opml = r#"<opml version="1.0"><body><outline text="x" xmlUrl="file:///etc/passwd"/></body></opml>"#;
    let imported = import(opml).unwrap();
    assert!(imported.feeds.is_empty());
    assert_eq!(imported.skipped.len(), 1);
    assert!(imported.skipped[0].contains("only http and https"), "{:?}", imported.skipped);
}

#[test]
fn what_is_not_opml_is_an_error() {
    assert!(import("<rss><channel/></rss>").unwrap_err().contains("no <opml>"));
    assert!(import("<opml><body><outline text=\"a></body>").is_err());
}

#[test]
fn export_then_import_gives_the_same_subscriptions() {
    let feeds = vec![
        sub("https://a.example/rss?x=1&y=2", Some("A <&> \"B\""), &["Haiti", "two words", "Ruto"]),
        sub("http://b.example/feed", None, &[]),
    ];
    let text = export(&feeds, "Sun, 29 Nov 2026 22:00:00 +0000");
    assert!(text.starts_with("<?xml"));
    assert!(text.contains("<opml version=\"2.0\">"));
    assert_eq!(import(&text).unwrap().feeds, feeds);
}

#[test]
fn newsboat_urls_give_urls_tags_and_titles() {
    let urls = "# my feeds\n\
        https://a.example/rss tech \"two words\" \"~The A Feed\"\n\
        \n\
        http://b.example/atom  !hidden # a comment\n\
        \"query:Unread:unread = \\\"yes\\\"\"\n\
        exec:~/bin/feed.sh\n";
    let imported = import_newsboat(urls);
    assert_eq!(
        imported.feeds,
        [
            sub("https://a.example/rss", Some("The A Feed"), &["tech", "two words"]),
            sub("http://b.example/atom", None, &[])
        ]
    );
    assert_eq!(imported.skipped.len(), 2, "{:?}", imported.skipped);
    assert_eq!(imported.skipped[0], "line 5: a newsboat query: feed has no URL to fetch");
    assert_eq!(imported.skipped[1], "line 6: a newsboat exec: feed has no URL to fetch");
}
