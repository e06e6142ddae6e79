//! The library's people index (`People`): filled by `add_people` with
//! what a thread found (`people::StoryText`), or all at once by
//! `find_people`; and the stories a person speaks or is named in, for
//! filters.

use super::Library;
use crate::bitset::BitSet;
use crate::model::NameKind;
use crate::people::{Found, People, StoryText};

impl Library {
    /// The people index, as far as it is built.
    pub fn people(&self) -> &People {
        &self.people
    }

    /// Whether every story's people are in the index.
    pub fn people_complete(&self) -> bool {
        self.people.covered() >= self.stories.len()
    }

    /// What a thread needs to find the people of the stories not yet in
    /// the index, at most `most` of them, looking from library index
    /// `from`; and where to look next time.
    pub fn people_texts(&self, from: usize, most: usize) -> (Vec<StoryText>, usize) {
        let mut texts = Vec::with_capacity(most.min(self.stories.len().saturating_sub(from)));
        let mut at = from;
        while at < self.stories.len() && texts.len() < most {
            if !self.people.has(at) {
                texts.push(StoryText::of(at, &self.stories[at]));
            }
            at += 1;
        }
        (texts, at)
    }

    /// Keep what a thread found: each story keeps its quotes and people,
    /// and the index counts them.
    pub fn add_people(&mut self, found: Vec<Found>) {
        for Found { story, quotes, people, .. } in found {
            let Some(of) = self.stories.get(story) else { continue };
            of.keep_found(quotes, people);
            self.people.add(story, of.people());
        }
    }

    /// Find the people of every story not yet in the index, on every core,
    /// as a thread would (`people_texts`, `StoryText::find_all`).
    pub fn find_people(&mut self) {
        let found = std::sync::Mutex::new(Vec::new());
        StoryText::find_all(&self.people_texts(0, usize::MAX).0, |part| {
            found.lock().unwrap_or_else(std::sync::PoisonError::into_inner).extend(part);
            true
        });
        self.add_people(found.into_inner().unwrap_or_else(std::sync::PoisonError::into_inner));
    }

    /// The stories that quote the person named `name` (`speakers`), or
    /// name them at all, as a set.
    pub fn naming(&self, name: &str, kind: NameKind, speakers: bool) -> BitSet {
        BitSet::of(self.len(), self.people.stories_of(name, kind, speakers))
    }
}
