//! Stories about one event shown as one row (`group_stories`): the
//! clustering of the library on a thread once everyone's quotes are found
//! (and of stories fetched later, which join the clusters made), the
//! grouped list, a cluster's row expanded and collapsed, and marks
//! that follow a story's copies.

use std::collections::HashSet;
use std::sync::Arc;

use byline_engine::bitset::BitSet;
use byline_engine::clusters::{Clusters, Features};
use byline_engine::people::Found;

use super::App;

/// The grouping of the list and the clustering behind it.
#[derive(Debug, Clone, Default)]
pub struct Grouping {
    /// Clusters are one row in the list (`group_stories`).
    pub on: bool,
    /// Each story's features (library index), as the threads finding
    /// quotes give them; with a thread while it clusters.
    features: Vec<Features>,
    /// A thread is clustering.
    running: bool,
    /// A clustering thread could not start or ended without clusters: no
    /// more are asked for in this run.
    stopped: bool,
    /// The clusters, once a thread has made them; `None` before.
    pub clusters: Option<Arc<Clusters>>,
    /// Expanded clusters, by their lead's library index.
    pub expanded: HashSet<usize>,
}

/// The features of every story, for a thread to cluster (with the
/// clusters made so far, which the stories added since join); they come
/// back with the clusters (`Msg::Clustered`).
#[derive(Debug, Clone)]
pub struct ClusterJob {
    features: Vec<Features>,
    clusters: Option<Arc<Clusters>>,
}

impl PartialEq for ClusterJob {
    fn eq(&self, other: &ClusterJob) -> bool {
        self.features.len() == other.features.len()
    }
}

impl Eq for ClusterJob {}

impl ClusterJob {
    /// Cluster the stories (on the calling thread): the whole library the
    /// first time, then only the stories added since. The clusters, and
    /// the features handed back.
    pub fn run(mut self) -> (Clusters, Vec<Features>) {
        let clusters = match self.clusters {
            Some(made) => {
                let mut clusters = Arc::unwrap_or_clone(made);
                clusters.add(&mut self.features);
                clusters
            }
            None => byline_engine::clusters::cluster_features(&mut self.features),
        };
        (clusters, self.features)
    }
}

/// How a row of the list stands in its cluster.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowKind {
    /// A story alone (or the list is flat).
    Story,
    /// A cluster's row: its lead, with `others` more stories, `unread` of
    /// all its stories unread; `open` when its members are listed under it.
    Cluster { others: usize, unread: usize, open: bool },
    /// A cluster's story listed under its lead.
    Member,
}

impl App {
    /// Keep the features a thread found with some stories' people.
    pub(super) fn keep_features(&mut self, found: &mut [Found]) {
        if !self.grouping.on {
            return;
        }
        let features = &mut self.grouping.features;
        // Room for every story at once, not grown a part at a time.
        let most = found.iter().map(|f| f.story + 1).max().unwrap_or(0).max(self.library.len());
        if features.len() < most {
            features.resize_with(most, Features::default);
        }
        for f in found {
            features[f.story] = std::mem::take(&mut f.features);
        }
    }

    /// The stories to cluster, when every story's quotes are found, no
    /// thread is clustering and the clusters do not cover the library.
    pub(super) fn cluster_job(&mut self) -> Option<ClusterJob> {
        let g = &mut self.grouping;
        let covered = g.clusters.as_ref().map_or(0, |c| c.len());
        if !g.on || g.running || g.stopped || self.loading.is_some() || !self.library.people_complete() {
            return None;
        }
        if covered >= self.library.len() || self.library.is_empty() {
            return None;
        }
        g.features.resize_with(self.library.len(), Features::default);
        g.running = true;
        Some(ClusterJob { features: std::mem::take(&mut g.features), clusters: g.clusters.clone() })
    }

    /// Whether the list is still to be grouped (or grouped again with
    /// stories that arrived since): quotes are being found, or a thread
    /// clusters.
    pub fn grouping_pending(&self) -> bool {
        let covered = self.grouping.clusters.as_ref().map_or(0, |c| c.len());
        let working = (self.people.wanted || self.grouping.running) && !self.grouping.stopped;
        self.grouping.on && working && self.loading.is_none() && covered < self.library.len()
    }

    /// A thread clustered the stories: the list groups them from now on.
    pub(super) fn clustered(&mut self, clusters: Clusters, features: Vec<Features>) {
        let g = &mut self.grouping;
        g.running = false;
        // Stories whose features arrived while the thread worked keep them.
        let mut features = features;
        for (at, newer) in std::mem::take(&mut g.features).into_iter().enumerate() {
            if at >= features.len() {
                features.push(newer);
            }
        }
        g.features = features;
        // Clusters whose lead changed are closed.
        g.expanded.retain(|&lead| clusters.of(lead).is_some_and(|c| c.members[0] == lead));
        g.clusters = Some(Arc::new(clusters));
        // The story shown may have copies now: lay it out again.
        self.layout_story = None;
        self.apply_filter();
    }

    /// The clustering thread could not start or died (a bug): the list
    /// keeps what it has (flat, or the clusters made before) and says so.
    pub(super) fn clustering_stopped(&mut self) {
        self.grouping.running = false;
        self.grouping.stopped = true;
        self.message = Some("could not group stories by event: the list shows them as they are".into());
    }

    /// The rows of the list for the stories the filter lets through (in
    /// its order): each cluster once, as its lead, where its first story
    /// passing falls, with the members passing under it when expanded.
    pub(super) fn group_rows(&self, passing: &[usize]) -> Option<Vec<usize>> {
        let clusters = self.grouping.clusters.as_ref().filter(|_| self.grouping.on)?;
        let passes = BitSet::of(self.library.len(), passing.iter().copied());
        let mut seen = BitSet::new(clusters.groups.len());
        let mut rows = Vec::with_capacity(passing.len());
        for &story in passing {
            let Some(group) = clusters.group_of(story) else {
                rows.push(story);
                continue;
            };
            if seen.contains(group) {
                continue;
            }
            seen.insert(group);
            let members = &clusters.groups[group].members;
            rows.push(members[0]);
            if self.grouping.expanded.contains(&members[0]) {
                rows.extend(members[1..].iter().copied().filter(|&m| passes.contains(m)));
            }
        }
        Some(rows)
    }

    /// The cluster of the story at library index `story` when the list is
    /// grouped and it has company: its members, lead first.
    pub fn cluster_of(&self, story: usize) -> Option<&[usize]> {
        let clusters = self.grouping.clusters.as_ref().filter(|_| self.grouping.on)?;
        clusters.of(story).map(|c| c.members.as_slice())
    }

    /// How the row showing story `story` stands in its cluster.
    pub fn row_kind(&self, story: usize) -> RowKind {
        match self.cluster_of(story) {
            None => RowKind::Story,
            Some(members) if members[0] == story => RowKind::Cluster {
                others: members.len() - 1,
                unread: members.iter().filter(|&&m| !self.library.stories()[m].read).count(),
                open: self.grouping.expanded.contains(&story),
            },
            Some(_) => RowKind::Member,
        }
    }

    /// `z`: list the selected cluster's stories under its lead, or fold
    /// them away again (from any of its rows).
    pub(super) fn toggle_cluster(&mut self) {
        let Some(members) = self.selected_story().and_then(|s| self.cluster_of(s)) else {
            self.message = Some(match &self.grouping.clusters {
                _ if !self.grouping.on => "stories are not grouped (group_stories = false)".into(),
                None => "still grouping stories about one event".into(),
                Some(_) => "this story has no other sources".into(),
            });
            return;
        };
        let lead = members[0];
        if !self.grouping.expanded.remove(&lead) {
            self.grouping.expanded.insert(lead);
        }
        // Folded from a member, the cluster's row is selected
        // (`apply_filter`).
        self.apply_filter();
    }

    /// `A` on a cluster's row: mark every story of it read; `U` undoes it.
    /// False when the selected row is not in a cluster.
    pub(super) fn mark_cluster_read(&mut self) -> bool {
        let Some(members) = self.selected_story().and_then(|s| self.cluster_of(s)) else { return false };
        let unread: Vec<usize> =
            members.iter().copied().filter(|&m| !self.library.stories()[m].read).collect();
        if unread.is_empty() {
            self.message = Some("every story of this event is read already".into());
        } else {
            self.message =
                Some(format!("marked {} of this event read; U undoes it", self.mark_read(&unread, true)));
            self.undo_read = unread;
        }
        true
    }

    /// The other copies of story `story` (the same item from another feed
    /// or file), as far as the clustering has found them.
    pub fn copies_of(&self, story: usize) -> Vec<usize> {
        self.grouping.clusters.as_ref().map(|c| c.copies_of(story)).unwrap_or_default()
    }
}
