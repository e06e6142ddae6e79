//! A story's links: `o` opens its own web page, `L` lists every link it
//! holds so one can be opened. Opening is an effect the event loop carries
//! out through the opener.

use super::app::{Action, App, Effect, Overlay};

impl App {
    /// The story's own web page, to open.
    pub(super) fn story_url(&mut self) -> Option<Effect> {
        let url = self.reader.story.and_then(|i| self.library.stories()[i].url.clone());
        if url.is_none() {
            self.message = Some("this story has no web page; L lists its links".into());
        }
        url.map(Effect::OpenLink)
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
                return url.map(Effect::OpenLink);
            }
            Action::Cancel => self.overlay = Overlay::None,
            _ => {}
        }
        None
    }
}
