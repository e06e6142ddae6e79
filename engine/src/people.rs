//! Everyone a library's stories name, across stories: who is quoted how
//! often and where, and who is mentioned. Built from each story's people
//! (`Story::people`), all at once on every core (`People::of`) or a batch
//! at a time as a thread finds them (`People::add`).
//!
//! One person across stories: each story already gives the fullest form of
//! a name it uses (`Rubio` and `Secretary of State Marco Rubio` in one
//! story are `Marco Rubio`). Across stories, names are one person when
//! their words agree ignoring case; a story that gives only a surname joins
//! the one person of the library with that surname and a fuller name, and
//! stays apart when there are several (`Smith` is not `Jane Smith` when
//! `John Smith` is in the news too). Two full names never merge unless
//! they agree.

use std::cmp::Reverse;
use std::collections::HashMap;
use std::sync::Arc;

use crate::bitset::BitSet;
use crate::clusters::{Features, Parts};
use crate::model::{Body, NameKind, Named, Quote, Story};
use crate::name_match::name_words;
use crate::parse::quotes::analyse;

/// What finding a story's people needs, taken from the story for a thread
/// (`StoryText::find`); the body is shared, not copied.
#[derive(Debug, Clone)]
pub struct StoryText {
    /// The story's library index.
    pub story: usize,
    title: String,
    caption: Option<String>,
    body: Body,
    published: Option<String>,
    url: Option<String>,
    /// Work out the story's clustering features too.
    clustering: bool,
}

/// A story's quotes and people, found by a thread, for
/// `Library::add_people`.
#[derive(Debug, Clone)]
pub struct Found {
    /// The story's library index.
    pub story: usize,
    pub(crate) quotes: Vec<Quote>,
    pub(crate) people: Vec<Named>,
    /// What the story brings to clustering, worked out on the same thread
    /// when asked (`StoryText::for_clustering`; empty otherwise).
    pub features: Features,
}

impl StoryText {
    /// What the story at library index `story` gives.
    pub fn of(story: usize, of: &Story) -> StoryText {
        StoryText {
            story,
            title: of.title().to_string(),
            caption: of.caption().map(str::to_string),
            body: of.body().clone(),
            published: of.published.clone(),
            url: of.url.clone(),
            clustering: false,
        }
    }

    /// The same, with the story's clustering features worked out by the
    /// thread too (`Found::features`).
    pub fn for_clustering(self) -> StoryText {
        StoryText { clustering: true, ..self }
    }

    /// Find the quotes and people of `texts` on every core, handing them
    /// to `send` in parts of a few hundred stories as they are done;
    /// `send` returns false to stop (nobody wants the rest).
    pub fn find_all(texts: &[StoryText], send: impl Fn(Vec<Found>) -> bool + Sync) {
        let parts: Vec<&[StoryText]> = texts.chunks(256).collect();
        crate::parallel::for_each_shared(&parts, 1, crate::parallel::cores(), |part| {
            send(part.iter().map(StoryText::find).collect())
        });
    }

    /// Its quotes and people, as `Story::people` finds them, and its
    /// features for clustering. A body still
    /// in the cache is read and let go, not kept in memory.
    pub fn find(&self) -> Found {
        let mut context = vec![self.title.as_str()];
        context.extend(self.caption.as_deref());
        self.body.read(|paragraphs| {
            let (quotes, people) = analyse(paragraphs, &context, true);
            let features = if !self.clustering {
                Features::default()
            } else {
                Features::from_parts(&Parts {
                    title: &self.title,
                    paragraphs,
                    published: self.published.as_deref(),
                    url: self.url.as_deref(),
                    quotes: &quotes,
                    people: &people,
                })
            };
            Found { story: self.story, quotes, people, features }
        })
    }
}

/// One name across the stories that use it.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Entry {
    /// As the first story to use it wrote it.
    name: Arc<str>,
    kind: NameKind,
    /// Its lower-case words.
    words: Vec<String>,
    /// (story, times named, quotes) for each story that names it.
    stories: Vec<(u32, u32, u32)>,
}

/// A row of the people pane or the `people` command: one person or
/// organisation, counted over the stories asked about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Person {
    /// The fullest form of the name (shared with the index: counting the
    /// pane's rows copies no names).
    pub name: Arc<str>,
    /// Person or organisation.
    pub kind: NameKind,
    /// Stories that name them (or, for speakers, that quote them).
    pub stories: usize,
    /// Their quotes in those stories.
    pub quotes: usize,
    /// Times named in those stories.
    pub mentions: usize,
}

/// The people index of a library.
#[derive(Debug, Clone, Default)]
pub struct People {
    entries: Vec<Entry>,
    by_key: HashMap<(NameKind, String), usize>,
    /// People entries by the last word of their name.
    by_last: HashMap<String, Vec<usize>>,
    /// Stories whose people are in the index, and how many.
    covered: BitSet,
    count: usize,
    /// `canonical()`, made when first asked for after stories were added.
    canonical: std::sync::OnceLock<Vec<usize>>,
}

impl People {
    /// The index of `stories` (library indices and the stories), finding
    /// their people on every core. Bodies still in the cache are read and
    /// let go, and the quotes found are not kept: a pass over a whole
    /// library holds no more than its names.
    pub fn of(stories: &[(usize, &Story)]) -> People {
        let texts: Vec<StoryText> = stories.iter().map(|&(i, story)| StoryText::of(i, story)).collect();
        let people = std::sync::Mutex::new(People::default());
        StoryText::find_all(&texts, |found| {
            let mut people = people.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
            found.iter().for_each(|f| people.add(f.story, &f.people));
            true
        });
        people.into_inner().unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// Add the people of the story at library index `story`.
    pub fn add(&mut self, story: usize, named: &[Named]) {
        if self.covered.contains(story) {
            return;
        }
        self.covered.grow(story + 1);
        self.covered.insert(story);
        self.count += 1;
        self.canonical = std::sync::OnceLock::new();
        for n in named {
            let words = name_words(&n.name);
            if words.is_empty() {
                continue;
            }
            let key = (n.kind, words.join(" "));
            let entry = match self.by_key.get(&key) {
                Some(&e) => e,
                None => {
                    let e = self.entries.len();
                    if n.kind == NameKind::Person
                        && let Some(last) = words.last()
                    {
                        self.by_last.entry(last.clone()).or_default().push(e);
                    }
                    self.entries.push(Entry {
                        name: n.name.as_str().into(),
                        kind: n.kind,
                        words,
                        stories: Vec::new(),
                    });
                    self.by_key.insert(key, e);
                    e
                }
            };
            let count = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
            let (story, mentions, quotes) = (count(story), count(n.mentions), count(n.quotes.len()));
            let stories = &mut self.entries[entry].stories;
            // Two forms of one name in a story (`U.S.`, `US`) count once:
            // the story is the last one pushed only if it was this call.
            match stories.last_mut() {
                Some(last) if last.0 == story => {
                    last.1 = last.1.saturating_add(mentions);
                    last.2 = last.2.saturating_add(quotes);
                }
                _ => stories.push((story, mentions, quotes)),
            }
        }
    }

    /// Take the stories of `gone` out (their text changed, or they were
    /// retired); a story taken out can be added again. One pass over the
    /// index, however many stories go.
    pub fn forget(&mut self, gone: &BitSet) {
        let before = self.covered.count();
        self.covered.subtract(gone);
        self.count -= before - self.covered.count();
        self.canonical = std::sync::OnceLock::new();
        for entry in &mut self.entries {
            entry.stories.retain(|s| !gone.contains(s.0 as usize));
        }
    }

    /// How many stories' people are in.
    pub fn covered(&self) -> usize {
        self.count
    }

    /// Whether the story at library index `story` is in.
    pub fn has(&self, story: usize) -> bool {
        self.covered.contains(story)
    }

    /// The entry each entry counts under: a lone surname under the one
    /// fuller name with that surname, when there is exactly one.
    fn canonical(&self) -> &[usize] {
        self.canonical.get_or_init(|| {
            (0..self.entries.len())
                .map(|e| {
                    let entry = &self.entries[e];
                    if entry.kind != NameKind::Person || entry.words.len() != 1 {
                        return e;
                    }
                    let mut fuller = self.by_last[&entry.words[0]]
                        .iter()
                        .copied()
                        .filter(|&o| self.entries[o].words.len() > 1);
                    match (fuller.next(), fuller.next()) {
                        (Some(one), None) => one,
                        _ => e,
                    }
                })
                .collect()
        })
    }

    /// Everyone named in the stories of `shown` (every story covered when
    /// `None`), with counts over those stories; `speakers` keeps only
    /// those quoted, counting the stories that quote them. Most quoted
    /// first, then most stories, then most named, then the one whose first
    /// story comes first in the library. One pass over the index, no list
    /// of stories kept: it is what opening the people pane costs.
    pub fn rows(&self, shown: Option<&BitSet>, speakers: bool) -> Vec<Person> {
        let canonical = self.canonical();
        // (stories, quotes, mentions, first story) under each canonical
        // entry.
        let mut counts = vec![(0usize, 0usize, 0usize, u32::MAX); self.entries.len()];
        for (e, entry) in self.entries.iter().enumerate() {
            let count = &mut counts[canonical[e]];
            for &(story, mentions, quotes) in &entry.stories {
                if (speakers && quotes == 0) || shown.is_some_and(|s| !s.contains(story as usize)) {
                    continue;
                }
                count.0 += 1;
                count.1 += quotes as usize;
                count.2 += mentions as usize;
                count.3 = count.3.min(story);
            }
        }
        let mut counted: Vec<(usize, (usize, usize, usize, u32))> =
            counts.into_iter().enumerate().filter(|(_, (stories, ..))| *stories > 0).collect();
        // By numbers alone: thousands of names with one quote in one story
        // sort without comparing names, the same whichever thread found
        // them first.
        counted.sort_unstable_by_key(|&(_, (stories, quotes, mentions, first))| {
            (Reverse(quotes), Reverse(stories), Reverse(mentions), first)
        });
        counted
            .into_iter()
            .map(|(e, (stories, quotes, mentions, _))| Person {
                name: self.entries[e].name.clone(),
                kind: self.entries[e].kind,
                stories,
                quotes,
                mentions,
            })
            .collect()
    }

    /// The entries that count under the row named `name`: its own and the
    /// forms counted with it (`Rubio` under `Marco Rubio`).
    fn group(&self, name: &str, kind: NameKind) -> Vec<usize> {
        let Some(&top) = self.by_key.get(&(kind, name_words(name).join(" "))) else {
            return Vec::new();
        };
        let canonical = self.canonical();
        (0..self.entries.len()).filter(|&e| canonical[e] == canonical[top]).collect()
    }

    /// The stories that name `name` (a row's name; `speakers`: that quote
    /// them), as library indices in ascending order.
    pub fn stories_of(&self, name: &str, kind: NameKind, speakers: bool) -> Vec<usize> {
        let mut stories: Vec<usize> = self
            .group(name, kind)
            .into_iter()
            .flat_map(|e| self.entries[e].stories.iter())
            .filter(|(_, _, quotes)| !speakers || *quotes > 0)
            .map(|&(story, _, _)| story as usize)
            .collect();
        stories.sort_unstable();
        stories.dedup();
        stories
    }

    /// The names a story's people go by in the index for the person of
    /// row `name`: the forms that count under it (`Rubio` and `Marco
    /// Rubio`), lower-case words joined by spaces.
    pub fn forms_of(&self, name: &str, kind: NameKind) -> Vec<String> {
        self.group(name, kind).into_iter().map(|e| self.entries[e].words.join(" ")).collect()
    }
}

/// Whether a story's `named` is one of `forms` of a name of `kind` (as
/// `People::forms_of` gives them).
pub fn is_one_of(named: &Named, kind: NameKind, forms: &[String]) -> bool {
    named.kind == kind && forms.contains(&name_words(&named.name).join(" "))
}

#[cfg(test)]
mod tests;
