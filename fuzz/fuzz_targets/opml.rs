//! Subscription imports on any text: OPML and newsboat `urls` files never
//! panic, and every feed they give is a URL byline may fetch, with a title
//! and tags free of control characters.

#![no_main]

use byline_engine::feeds::opml::{Imported, import, import_newsboat};
use byline_engine::feeds::subscriptions::check_url;

fn check(imported: &Imported) {
    for feed in &imported.feeds {
        assert!(check_url(&feed.url).is_ok(), "{:?}", feed.url);
        for text in feed.title.iter().chain(&feed.tags) {
            assert!(!text.chars().any(char::is_control), "{text:?}");
        }
    }
}

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    if let Ok(imported) = import(&text) {
        check(&imported);
    }
    check(&import_newsboat(&text));
});
