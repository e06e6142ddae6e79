//! A story's links: `o` opens its own web page, `L` lists every link it
//! holds so one can be opened. Opening is an effect the event loop carries
//! out through the opener.

use super::{Action, App, Effect, Overlay};

impl App {
    /// The story's own web page, to open.
    pub(super) fn story_url(&mut self) -> Option<Effect> {
        let url = self.reader.story.and_then(|i| self.library.stories()[i].url.clone());
        if url.is_none() {
            self.message = Some("this story has no web page; L lists its links".into());
        }
        url.and_then(|url| self.open_link(url))
    }

    /// Open `url` from the story in the reader, unless the story came from
    /// the web and the link is a local file: a feed must not make byline
    /// open files of this machine.
    fn open_link(&mut self, url: String) -> Option<Effect> {
        let from_web = self.reader.story.is_some_and(|i| self.library.stories()[i].fetched_from().is_some());
        if from_web && url.trim_start().to_ascii_lowercase().starts_with("file:") {
            self.message = Some("a story fetched from the web cannot open local files".into());
            return None;
        }
        Some(Effect::OpenLink(url))
    }

    pub(super) fn show_links(&mut self) {
        let Some(index) = self.reader.story else { return };
        let story = &self.library.stories()[index];
        let mut links: Vec<String> = story.url.iter().cloned().collect();
        links.extend(story.links.iter().filter(|l| story.url.as_ref() != Some(l)).cloned());
        if links.is_empty() {
            self.message = Some("no links in this story".into());
        } else {
            self.overlay = Overlay::Links { links, selected: 0 };
        }
    }

    pub(super) fn links_action(&mut self, action: Action) -> Option<Effect> {
        let Overlay::Links { links, selected } = &mut self.overlay else { return None };
        match action {
            Action::Down => *selected = (*selected + 1).min(links.len().saturating_sub(1)),
            Action::Up => *selected = selected.saturating_sub(1),
            Action::Submit => {
                let url = links.get(*selected).cloned();
                self.overlay = Overlay::None;
                return url.and_then(|url| self.open_link(url));
            }
            Action::Cancel => self.overlay = Overlay::None,
            _ => {}
        }
        None
    }
}
