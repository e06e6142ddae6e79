//! `F` in the reader: the open story's web page fetched in the background
//! (an effect the event loop carries out), its whole text shown in place
//! of the feed's summary when it arrives, and kept with the stored item.

use byline_engine::feeds::pages::{FullText, PageRequest, text_chars};
use byline_engine::model::url_host;

use super::{App, Effect};

impl App {
    /// Ask for the open story's web page, unless it has none or is being
    /// fetched already.
    pub(super) fn ask_for_full_text(&mut self) -> Option<Effect> {
        let Some(index) = self.reader.story else {
            self.message = Some("open a story first: F fetches its web page".into());
            return None;
        };
        let story = &self.library.stories()[index];
        let Some(link) = story.url.clone() else {
            self.message = Some("this story has no web page to fetch".into());
            return None;
        };
        if self.pages_fetching.contains(&index) {
            self.message = Some("already fetching this story's page".into());
            return None;
        }
        let request = PageRequest {
            feed: story.fetched_from().map(str::to_string),
            id: story.id().to_string(),
            summary_chars: text_chars(story),
            link,
        };
        self.message =
            Some(format!("fetching the full text from {}…", url_host(&request.link).unwrap_or("its site")));
        self.pages_fetching.push(index);
        Some(Effect::FetchPage { story: index, request })
    }

    /// A page fetched with `F` arrived: show its text, or say why not.
    pub(super) fn page_fetched(&mut self, story: usize, page: &FullText, kept: Result<bool, String>) {
        self.pages_fetching.retain(|&i| i != story);
        if !page.has_text() {
            let reason = page.kept_summary.as_deref().unwrap_or("the page gave no text");
            self.message = Some(format!("full text not fetched: {reason}"));
            return;
        }
        self.library.set_full_text(story, page);
        if self.layout_story == Some(story) {
            self.layout_story = None;
        }
        let shown = if self.reader.story == Some(story) { "" } else { " (for a story no longer open)" };
        let count = page.paragraphs.len();
        let paragraphs = if count == 1 { "paragraph" } else { "paragraphs" };
        let mut message = format!(
            "full text from {}: {count} {paragraphs}{shown}",
            url_host(&page.page).unwrap_or("its site")
        );
        if let Err(reason) = kept {
            message.push_str(&format!("; not kept for next time: {reason}"));
        }
        self.message = Some(message);
    }
}
