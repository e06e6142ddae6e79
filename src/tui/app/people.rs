//! The people pane's keys, the finding of everyone's quotes in the
//! background while it fills, following one person through a story, and
//! copying a quote with its citation.

use byline_engine::bitset::BitSet;
use byline_engine::filter::TagFilter;
use byline_engine::people::{Found, Person, StoryText};

use super::{Action, App, Effect, Focus, Overlay};
use crate::tui::msg::Job;
use crate::tui::people::{PeoplePane, quotes_in_story};

/// Finding everyone's quotes and people in the background, a part of the
/// library at a time: taking a part for a thread costs the reader a few
/// milliseconds, taking all 100,000 stories at once twenty.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PeopleWork {
    /// The pane or the tag picker was opened: the index is wanted whole.
    pub wanted: bool,
    /// Stories a part (`PEOPLE_PART`; tests make it small).
    pub part: usize,
    /// Stories below this library index have been handed to a thread.
    next: usize,
    /// Parts handed to threads and not yet done.
    in_flight: usize,
    /// Stories covered when the pane was last counted again.
    recounted_at: usize,
}

impl Default for PeopleWork {
    fn default() -> PeopleWork {
        PeopleWork { wanted: false, part: PEOPLE_PART, next: 0, in_flight: 0, recounted_at: 0 }
    }
}

impl PeopleWork {
    /// Whether threads are finding people now.
    pub fn running(&self) -> bool {
        self.in_flight > 0
    }
}

/// Stories a part: a few milliseconds to take on the reader's thread, a
/// few tenths of a second of work for the threads.
const PEOPLE_PART: usize = 8192;

/// Parts in flight at once: one being worked on while the next waits, so
/// the threads never wait for the reader.
const PEOPLE_PARTS_AHEAD: usize = 2;

/// The person the reader follows through a story: `]` and `[` go through
/// their quotes only.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Follow {
    pub person: Person,
    /// Their quotes in the story, by index in its quotes.
    pub quotes: Vec<usize>,
}

impl App {
    /// `p`: the people pane over the stories shown.
    pub(super) fn open_people(&mut self) {
        self.want_people();
        self.overlay = Overlay::People(Box::new(PeoplePane::new(&self.library, &self.shown_set())));
    }

    /// The stories the list shows, as a set.
    pub(super) fn shown_set(&self) -> BitSet {
        BitSet::of(self.library.len(), self.passing.iter().copied())
    }

    /// Ask for every story's people: threads work on those not yet found,
    /// once the library is loaded.
    pub fn want_people(&mut self) {
        self.people.wanted = true;
        self.hand_out_people();
    }

    /// Keep the threads fed: a part of the stories not yet handed out for
    /// each part done.
    fn hand_out_people(&mut self) {
        if self.loading.is_some() {
            return;
        }
        while self.people.in_flight < PEOPLE_PARTS_AHEAD && self.people.next < self.library.len() {
            let (mut texts, next) = self.library.people_texts(self.people.next, self.people.part.max(1));
            if self.grouping.on {
                texts = texts.into_iter().map(StoryText::for_clustering).collect();
            }
            self.people.next = next;
            if !texts.is_empty() {
                self.people.in_flight += 1;
                self.people_jobs.push(Job(std::sync::Arc::new(texts)));
            }
        }
    }

    /// Some stories' people found: keep them, and count the pane again when
    /// the stories covered have doubled (counting is linear in the index,
    /// so the pane fills in a few steps, not one a batch).
    pub(super) fn people_found(&mut self, mut found: Vec<Found>) {
        self.keep_features(&mut found);
        self.library.add_people(found);
        let covered = self.library.people().covered();
        if covered >= self.people.recounted_at.max(256) * 2 {
            self.recount_people();
        }
    }

    /// A part is done (`started`: its thread ran): hand out the next, and
    /// when the last is done count the pane a last time. A thread that
    /// could not start stops the finding where it is.
    pub(super) fn people_done(&mut self, started: bool) {
        self.people.in_flight = self.people.in_flight.saturating_sub(1);
        if !started {
            self.people.wanted = false;
            self.message = Some("could not start finding quotes: the pane shows what is found".into());
        }
        if self.people.wanted {
            self.hand_out_people();
        }
        if !self.people.running() {
            self.recount_people();
        }
    }

    fn recount_people(&mut self) {
        self.people.recounted_at = self.library.people().covered();
        // A list filtered by a person grows as their stories are found.
        if self.filter.tags.iter().any(|t| matches!(t, TagFilter::Speaker(..) | TagFilter::Named(..))) {
            self.apply_filter();
        }
        if matches!(self.overlay, Overlay::People(_)) {
            let shown = self.shown_set();
            if let Overlay::People(pane) = &mut self.overlay {
                pane.recount(&self.library, &shown);
            }
        }
        if let Overlay::Picker(picker) = &mut self.overlay {
            picker.reload(&self.library);
        }
    }

    /// A key in the people pane, at either level.
    pub(super) fn people_action(&mut self, action: Action) -> Option<Effect> {
        // Only opening a person's quotes counts over the stories shown.
        let shown = if action == Action::Submit { self.shown_set() } else { BitSet::default() };
        let Overlay::People(pane) = &mut self.overlay else { return None };
        let page = usize::from(self.size.1.saturating_sub(6)).max(1) as isize;
        match action {
            Action::Down => pane.move_by(1),
            Action::Up => pane.move_by(-1),
            Action::PageDown => pane.move_by(page),
            Action::PageUp => pane.move_by(-page),
            Action::DeleteBack if pane.quotes.is_none() => pane.delete_back(),
            Action::Submit if pane.quotes.is_none() => {
                let opened = pane.open_person(&self.library, &shown);
                self.message = (!opened).then(|| "nobody to show".into());
            }
            Action::Submit => self.open_at_person_quote(),
            Action::Back if pane.quotes.is_some() => pane.quotes = None,
            Action::Cancel | Action::Back => self.overlay = Overlay::None,
            Action::FilterByPerson => {
                let person = match &pane.quotes {
                    Some(level) => Some(level.person.clone()),
                    None => pane.highlighted().cloned(),
                };
                if let Some(person) = person {
                    self.filter_by_speaker(person);
                }
            }
            Action::CopyQuote => {
                let at = pane.quotes.as_ref().and_then(|l| l.quotes.get(l.selected).copied());
                return at.and_then(|(story, quote)| self.copy_quote(story, quote));
            }
            _ => {}
        }
        None
    }

    /// Show only the stories where `person` speaks (with the other
    /// filters), and close the pane.
    fn filter_by_speaker(&mut self, person: Person) {
        let condition = TagFilter::Speaker(person.name.to_string(), person.kind);
        if !self.filter.tags.contains(&condition) {
            self.filter.tags.push(condition);
        }
        self.overlay = Overlay::None;
        self.focus = Focus::Stories;
        self.apply_filter();
        self.message = Some(format!("stories where {} speaks", person.name));
    }

    /// Enter on a quote: the story in the reader at that quote, following
    /// its speaker; Esc in the reader comes back here.
    fn open_at_person_quote(&mut self) {
        let Overlay::People(pane) = std::mem::replace(&mut self.overlay, Overlay::None) else { return };
        let Some(level) = &pane.quotes else { return };
        let Some(&(story, quote)) = level.quotes.get(level.selected) else {
            self.overlay = Overlay::People(pane);
            return;
        };
        let Some(position) = self.visible.iter().position(|&v| v == story) else {
            self.overlay = Overlay::People(pane);
            self.message = Some("that story is no longer shown".into());
            return;
        };
        let person = level.person.clone();
        self.selected = position;
        self.user_moved = true;
        self.open();
        let quotes = quotes_in_story(&self.library, &person, story);
        self.reader.follow = Some(Follow { person, quotes });
        self.reader.back_to_people = Some(pane);
        self.show_quote(quote);
    }

    /// `]` or `[` in the reader: the next or previous quote, or only the
    /// followed person's; the message to show when there is none.
    pub(super) fn step_quote(&self, forward: bool) -> Result<usize, &'static str> {
        let all: Vec<usize>;
        let order: &[usize] = match &self.reader.follow {
            Some(follow) => &follow.quotes,
            None => {
                all = (0..self.quote_count()).collect();
                &all
            }
        };
        if order.is_empty() {
            return Err("no quotes in this story");
        }
        let next = match (forward, self.reader.quote) {
            (true, None) => order.first(),
            (false, None) => order.last(),
            (true, Some(q)) => order.iter().find(|&&o| o > q),
            (false, Some(q)) => order.iter().rev().find(|&&o| o < q),
        };
        match next {
            Some(&q) => Ok(q),
            None if forward => Err("this is the last quote"),
            None => Err("this is the first quote"),
        }
    }

    /// `y`: the quote as `“text” — Speaker, Source, date, URL`, for the
    /// terminal's clipboard.
    pub(super) fn copy_quote(&mut self, story: usize, quote: usize) -> Option<Effect> {
        let story = &self.library.stories()[story];
        let quote = story.quotes().get(quote)?;
        let mut citation = vec![quote.speaker.clone().unwrap_or_else(|| "unknown speaker".into())];
        let source = story.source_name();
        if !source.is_empty() {
            citation.push(source.to_string());
        }
        citation.extend(story.published.as_deref().map(|d| d.get(..10).unwrap_or(d).to_string()));
        citation.extend(story.url.clone());
        self.message = Some("copied the quote with its citation".into());
        Some(Effect::Copy(format!("“{}” — {}", quote.text, citation.join(", "))))
    }
}
