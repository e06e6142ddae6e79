//! Stories about one event from different sources, grouped (`clusters`).
//!
//! Evidence, combined into one score a pair of stories:
//! - **a shared direct quote** (a span of 8 or more words, compared as
//!   lower-case words): two outlets quoting the same sentence almost surely
//!   report the same event, and that alone joins them;
//! - **shared rare names**: people and organisations named in few stories
//!   of the library (a president in the news every day tells nothing);
//! - **similar title and lead**: the content words of the title and first
//!   two paragraphs, compared by MinHash (an estimate of their Jaccard
//!   similarity; candidates found by banding, never by comparing every
//!   pair);
//! - **time**: two dated stories more than `MAX_DAYS` apart are never one
//!   event; within two days is a small bonus.
//!
//! Copies (the same link, or the same text, from several feeds or files)
//! are always one cluster. A cluster's lead is its earliest story (ties:
//! most quotes): the first report, which the others follow. Its id is the
//! smallest story id among its members, so it is the same on every run for
//! the same stories.
//!
//! Clustering reads only each story's `Features` (`cluster_features`), so
//! the reader runs it on a thread; stories that arrive later join the
//! clusters made (`Clusters::add`, in `incremental.rs`) without clustering
//! the library again.

use std::collections::{HashMap, HashSet};

mod candidates;
mod features;
mod incremental;
mod union;

use candidates::{Pairs, Shared, band_keys, candidates};
use union::Union;

pub use features::Features;
pub(crate) use features::Parts;
use features::{WordSet, mix, name_key, quote_spans, sign_common_words_out, similarity};

use crate::model::Story;

/// Words a quote span must share for the quote to count as shared.
pub const QUOTE_WORDS: usize = 8;
/// Dated stories further apart than this are different events.
pub const MAX_DAYS: i64 = 4;
/// A pair joins at this score.
const JOIN: f32 = 1.0;
/// Title and lead this alike (estimated Jaccard) count as evidence.
const SIMILAR: f32 = 0.15;
/// Fewer content words than this (left after the common ones) and a
/// story's title and lead are not compared.
const MIN_WORDS: usize = 8;
/// MinHash functions, in bands of `ROWS`.
const HASHES: usize = 64;
const ROWS: usize = 4;
/// A bucket, name or quote span shared by more stories than this is
/// boilerplate or everyday news, not evidence.
const CROWD: usize = 50;

/// Why two stories were joined.
#[derive(Debug, Clone, PartialEq)]
pub enum Evidence {
    /// The same link or the same text.
    Copy,
    /// A quote both carry (as the first of them has it).
    Quote(String),
    /// Rare names both give.
    Names(Vec<String>),
    /// Title and lead alike, with the estimated similarity.
    Similar(f32),
}

/// Stories about one event.
#[derive(Debug, Clone, PartialEq)]
pub struct Cluster {
    /// The smallest id among its stories (empty until `Clusters::name`).
    pub id: String,
    /// Library indices: the lead first, then by time.
    pub members: Vec<usize>,
    /// What joined them, pair by pair (without repeats; empty until
    /// `Clusters::name`).
    pub evidence: Vec<Evidence>,
}

/// Every story's cluster.
#[derive(Debug, Clone, Default)]
pub struct Clusters {
    /// Clusters of two or more stories, largest first.
    pub groups: Vec<Cluster>,
    /// For each story (library index), its place in `groups`.
    of_story: Vec<Option<u32>>,
    /// Each story's cluster id (its own id when alone), once named.
    ids: Vec<String>,
    /// The pairs joined, in order, with what they share.
    joins: Vec<Join>,
    /// Stories that are copies of each other, each set in library order.
    copy_sets: Vec<Vec<u32>>,
    /// For each story with copies, its place in `copy_sets`.
    copy_set_of: HashMap<u32, u32>,
    /// The groups joined so far, for stories added later.
    union: Union,
    /// The words too common to sign with, as the library had them when
    /// it was clustered whole.
    common: WordSet,
}

/// Two stories joined, and what they share (as hashes and indices: the
/// words are looked up in the stories only when asked for).
#[derive(Debug, Clone)]
struct Join {
    a: u32,
    b: u32,
    shared: Shared,
    similar: f32,
}

impl Clusters {
    /// The cluster of the story at library index `story`, when it has
    /// company.
    pub fn of(&self, story: usize) -> Option<&Cluster> {
        self.of_story.get(story).copied().flatten().map(|g| &self.groups[g as usize])
    }

    /// The cluster id of the story at library index `story` (shared by
    /// its cluster's members; its own id when alone), once named.
    pub fn id_of(&self, story: usize) -> Option<&str> {
        self.ids.get(story).map(String::as_str)
    }

    /// The place in `groups` of the cluster of story `story`, when it has
    /// company.
    pub fn group_of(&self, story: usize) -> Option<usize> {
        self.of_story.get(story).copied().flatten().map(|g| g as usize)
    }

    /// The other copies of story `story` (the same link or text from
    /// another feed or file), in library order.
    pub fn copies_of(&self, story: usize) -> Vec<usize> {
        let Some(&set) = self.copy_set_of.get(&(story as u32)) else { return Vec::new() };
        self.copy_sets[set as usize].iter().map(|&s| s as usize).filter(|&s| s != story).collect()
    }

    /// How many stories were clustered.
    pub fn len(&self) -> usize {
        self.of_story.len()
    }

    /// Whether no story was.
    pub fn is_empty(&self) -> bool {
        self.of_story.is_empty()
    }

    /// Give each cluster its id and its evidence in words, from the
    /// stories clustered (the library, by index).
    pub fn name(&mut self, stories: &[Story]) {
        self.ids = stories.iter().map(|s| s.id().to_string()).collect();
        let mut why_by_group: Vec<Vec<Evidence>> = vec![Vec::new(); self.groups.len()];
        for join in &self.joins {
            let Some(group) = self.of_story.get(join.a as usize).copied().flatten() else { continue };
            for e in describe(stories, join) {
                add_evidence(&mut why_by_group[group as usize], e);
            }
        }
        for (group, why) in self.groups.iter_mut().zip(why_by_group) {
            let id = group.members.iter().map(|&s| stories[s].id()).min().unwrap_or_default().to_string();
            for &s in &group.members {
                self.ids[s] = id.clone();
            }
            group.id = id;
            group.evidence = why;
        }
    }
}

/// What joined a pair, in the words of its first story.
fn describe(stories: &[Story], join: &Join) -> Vec<Evidence> {
    let first = &stories[join.a as usize];
    let mut why = Vec::new();
    if join.shared.copy {
        why.push(Evidence::Copy);
    }
    if join.shared.quote {
        let theirs: HashSet<u64> =
            stories[join.b as usize].quotes().iter().flat_map(|q| quote_spans(&q.text)).collect();
        let shared = first.quotes().iter().find(|q| quote_spans(&q.text).iter().any(|h| theirs.contains(h)));
        why.push(Evidence::Quote(shared.map_or(String::new(), |q| q.text.clone())));
    }
    if !join.shared.names.is_empty() {
        let people = first.people();
        let name_of = |h: &u64| people.iter().find(|n| name_key(&n.name) == *h).map(|n| n.name.clone());
        why.push(Evidence::Names(join.shared.names.iter().filter_map(name_of).collect()));
    }
    if join.similar >= SIMILAR {
        why.push(Evidence::Similar(join.similar));
    }
    why
}

/// Group `stories` (the whole library, by index), with ids and evidence
/// in words. Their quotes and people are found if not yet known, on every
/// core.
pub fn cluster(stories: &[Story]) -> Clusters {
    let refs: Vec<&Story> = stories.iter().collect();
    crate::model::find_all_people(&refs);
    crate::model::find_all_ids(&refs);
    let cores = crate::parallel::cores();
    let parts: Vec<&[Story]> = stories.chunks(stories.len().div_ceil(cores).max(1)).collect();
    let mut features: Vec<Features> =
        crate::parallel::map_parts(&parts, |_, part| part.iter().map(Features::of).collect::<Vec<_>>())
            .into_iter()
            .flat_map(Option::unwrap_or_default)
            .collect();
    let mut clusters = cluster_features(&mut features);
    clusters.name(stories);
    clusters
}

/// Group stories by their features (`Features::of`, in library order):
/// members and leads, without ids or evidence in words (`Clusters::name`
/// adds them). Needs no story, so it runs on any thread.
pub fn cluster_features(features: &mut [Features]) -> Clusters {
    let common = sign_common_words_out(features);
    let mut union = Union::new(features.len());
    let joins = join_strongest_first(features, candidates(features), &mut union);
    let mut clusters = assemble(features, &mut union, joins);
    clusters.union = union;
    clusters.common = common;
    clusters
}

/// Score the candidate pairs and join those that reach `JOIN`, strongest
/// first and in story order: the same stories give the same clusters on
/// every run (a join refused for stretching a group depends on what was
/// joined before). The pairs joined, in story order.
fn join_strongest_first(features: &[Features], pairs: Pairs, union: &mut Union) -> Vec<Join> {
    let mut scored: Vec<(f32, Join)> =
        pairs.into_iter().filter_map(|(pair, shared)| score(features, pair, shared)).collect();
    scored.sort_by(|x, y| y.0.total_cmp(&x.0).then((x.1.a, x.1.b).cmp(&(y.1.a, y.1.b))));
    let mut joins = Vec::new();
    for (_, join) in scored {
        let (fa, fb) = (&features[join.a as usize], &features[join.b as usize]);
        if union.join(join.a as usize, join.b as usize, fa.time, fb.time) {
            joins.push(join);
        }
    }
    joins.sort_by_key(|j| (j.a, j.b));
    joins
}

/// A candidate pair's score, when it is worth joining.
fn score(features: &[Features], (a, b): (u32, u32), mut shared: Shared) -> Option<(f32, Join)> {
    let (fa, fb) = (&features[a as usize], &features[b as usize]);
    shared.copy |= fa.text == fb.text;
    let apart = match (fa.time, fb.time) {
        (Some(ta), Some(tb)) => Some((ta - tb).abs()),
        _ => None,
    };
    if apart.is_some_and(|t| t > MAX_DAYS * 86_400) && !shared.copy {
        return None;
    }
    let mut score = 0.0;
    if shared.copy {
        score += JOIN;
    }
    if shared.quote {
        score += JOIN;
    }
    score += 0.4 * shared.names.len().min(2) as f32;
    let similar = similarity(&fa.minhash, &fb.minhash);
    if similar >= SIMILAR {
        score += 2.0 * similar;
    }
    if apart.is_some_and(|t| t <= 2 * 86_400) {
        score += 0.2;
    }
    (score >= JOIN).then_some((score, Join { a, b, shared, similar }))
}

/// Clusters from the joined pairs.
fn assemble(features: &[Features], union: &mut Union, joins: Vec<Join>) -> Clusters {
    let mut by_root: HashMap<usize, Vec<usize>> = HashMap::new();
    for s in 0..features.len() {
        by_root.entry(union.root(s)).or_default().push(s);
    }
    let mut of_story = vec![None; features.len()];
    let mut groups: Vec<Cluster> = Vec::new();
    let mut roots: Vec<Vec<usize>> = by_root.into_values().filter(|m| m.len() > 1).collect();
    roots.sort_by_key(|members| (std::cmp::Reverse(members.len()), members[0]));
    for mut members in roots {
        // The lead: the earliest (undated last), then the most quoted.
        members.sort_by_key(|&s| {
            (features[s].time.is_none(), features[s].time, std::cmp::Reverse(features[s].quotes), s)
        });
        for &s in &members {
            of_story[s] = Some(groups.len() as u32);
        }
        groups.push(Cluster { id: String::new(), members, evidence: Vec::new() });
    }
    let (copy_sets, copy_set_of) = copy_sets(&joins);
    Clusters {
        groups,
        of_story,
        ids: Vec::new(),
        joins,
        copy_sets,
        copy_set_of,
        union: Union::default(),
        common: WordSet::default(),
    }
}

/// The sets of stories joined as copies (each pair's copies are copies of
/// each other's), and each such story's set.
fn copy_sets(joins: &[Join]) -> (Vec<Vec<u32>>, HashMap<u32, u32>) {
    let mut sets: Vec<Vec<u32>> = Vec::new();
    let mut set_of: HashMap<u32, u32> = HashMap::new();
    for join in joins.iter().filter(|j| j.shared.copy) {
        match (set_of.get(&join.a).copied(), set_of.get(&join.b).copied()) {
            (Some(x), Some(y)) if x != y => {
                let moved = std::mem::take(&mut sets[y as usize]);
                for &s in &moved {
                    set_of.insert(s, x);
                }
                sets[x as usize].extend(moved);
            }
            (Some(_), Some(_)) => {}
            (Some(x), None) | (None, Some(x)) => {
                let new = if set_of.contains_key(&join.a) { join.b } else { join.a };
                set_of.insert(new, x);
                sets[x as usize].push(new);
            }
            (None, None) => {
                set_of.insert(join.a, sets.len() as u32);
                set_of.insert(join.b, sets.len() as u32);
                sets.push(vec![join.a, join.b]);
            }
        }
    }
    for set in &mut sets {
        set.sort_unstable();
    }
    (sets, set_of)
}

/// Add what joined a pair to what joined its cluster: one entry of each
/// kind, the names together, the first quote, the highest similarity.
fn add_evidence(list: &mut Vec<Evidence>, e: Evidence) {
    let same_kind = list.iter_mut().find(|old| std::mem::discriminant(*old) == std::mem::discriminant(&e));
    match (same_kind, e) {
        (None, e) => list.push(e),
        (Some(Evidence::Names(old)), Evidence::Names(new)) => {
            for name in new {
                if !old.contains(&name) {
                    old.push(name);
                }
            }
        }
        (Some(Evidence::Similar(old)), Evidence::Similar(new)) => *old = old.max(new),
        (Some(_), _) => {}
    }
}

#[cfg(test)]
mod tests;
