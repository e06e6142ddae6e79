//! Clustering on a corpus written for this project
//! (`tests/fixtures/clusters`): eleven events, each told by two or three
//! invented outlets with different headlines and wording, plus stories on
//! the same topics that are different events (two Haiti stories a week
//! apart, two speeches by one president on different subjects, one man
//! quoted in two unrelated Kisumu stories). Pairwise precision and recall
//! against the events below are printed and held.

#![allow(clippy::unwrap_used)]

use std::collections::HashMap;
use std::path::PathBuf;

mod common;

const DIR: &str = "tests/fixtures/clusters";

/// Each file's event.
const EVENTS: &[(&str, &str)] = &[
    ("likoni-ferry-stalls", "ferry"),
    ("tausi-engine-failure", "ferry"),
    ("ferry-probe-ordered", "ferry"),
    ("hyacinth-fish-prices", "hyacinth"),
    ("dunga-fishers-stuck", "hyacinth"),
    ("kisumu-port-dredging", "dredging"),
    ("teachers-strike-off", "teachers"),
    ("schools-open-deal", "teachers"),
    ("ministry-union-agreement", "teachers"),
    ("convoy-ambush-cap-haitien", "convoy"),
    ("officers-wounded-haiti", "convoy"),
    ("haiti-schools-return", "delmas"),
    ("delmas-schools-reopen", "delmas"),
    ("iten-cross-country", "iten"),
    ("chepkoech-wins-iten", "iten"),
    ("lamu-desalination", "lamu"),
    ("lamu-water-plant", "lamu"),
    ("lamu-plant-doubts", "lamu"),
    ("korir-housing-nakuru", "housing"),
    ("levy-promise-nakuru", "housing"),
    ("korir-drought-turkana", "drought"),
    ("turkana-relief-pledge", "drought"),
    ("turtle-hatchery-watamu", "turtles"),
    ("watamu-turtles-record", "turtles"),
    ("garissa-bridge-collapse", "garissa"),
    ("madogo-cut-off", "garissa"),
];

fn stem(source: &str) -> String {
    let name = source.rsplit('/').next().unwrap();
    name.trim_end_matches(".md").to_string()
}

#[test]
fn events_are_grouped_with_high_precision_and_recall() {
    let loaded = byline_engine::load_paths(&[PathBuf::from(DIR)]).unwrap();
    let stories = loaded.library.stories();
    assert_eq!(stories.len(), EVENTS.len(), "every file is a story with an event");
    let gold: HashMap<&str, &str> = EVENTS.iter().copied().collect();
    let event: Vec<&str> = stories.iter().map(|s| gold[stem(&s.source).as_str()]).collect();
    let clusters = byline_engine::clusters::cluster(stories);
    let (mut both, mut found, mut truth) = (0, 0, 0);
    for a in 0..stories.len() {
        for b in a + 1..stories.len() {
            let same_found = clusters.id_of(a) == clusters.id_of(b);
            let same_event = event[a] == event[b];
            found += usize::from(same_found);
            truth += usize::from(same_event);
            both += usize::from(same_found && same_event);
            if same_found != same_event {
                eprintln!(
                    "{}: {} / {}",
                    if same_found { "wrongly joined" } else { "missed" },
                    stories[a].title(),
                    stories[b].title()
                );
            }
        }
    }
    let precision = both as f64 / found.max(1) as f64;
    let recall = both as f64 / truth.max(1) as f64;
    println!(
        "clusters on {DIR}: pairwise precision {precision:.2}, recall {recall:.2} ({both} of {truth} pairs found, {found} joined)"
    );
    assert!(precision >= 0.95, "precision {precision:.2}");
    assert!(recall >= 0.90, "recall {recall:.2}");
}

#[test]
fn the_cli_prints_each_cluster_with_its_evidence_and_the_export_shares_ids() {
    let home = tempfile::tempdir().unwrap();
    let out = common::byline_in(home.path(), &["clusters", "--tag", "nonexistent-tag", DIR]);
    assert!(out.status.success());
    assert!(out.stdout.is_empty(), "no cluster has a story with that tag");
    let out = common::byline_in(home.path(), &["clusters", DIR]);
    let text = String::from_utf8(out.stdout).unwrap();
    let blocks: Vec<&str> = text.split("\n\n").collect();
    assert_eq!(blocks.len(), 11, "eleven events told by more than one outlet:\n{text}");
    let ferry = blocks.iter().find(|b| b.contains("Likoni ferry stalls")).unwrap();
    assert!(ferry.starts_with("3 stories · coast-courier, daily-ledger, harbour-wire"), "{ferry}");
    assert!(ferry.contains("  * Likoni ferry stalls"), "the earliest leads:\n{ferry}");
    assert!(ferry.contains("quote “") && ferry.contains("Halima Juma"), "{ferry}");
    let out = common::byline_in(home.path(), &["export", "--format", "jsonl", DIR]);
    let stories: Vec<serde_json::Value> =
        String::from_utf8(out.stdout).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    let cluster_of = |title: &str| {
        stories.iter().find(|s| s["title"].as_str().unwrap().starts_with(title)).unwrap()["cluster"].clone()
    };
    assert_eq!(cluster_of("Likoni ferry stalls"), cluster_of("Probe ordered after Likoni"));
    assert_ne!(cluster_of("Likoni ferry stalls"), cluster_of("Dredging of Kisumu port"));
    assert_eq!(
        cluster_of("Dredging of Kisumu port"),
        stories.iter().find(|s| s["title"].as_str().unwrap().starts_with("Dredging")).unwrap()["id"]
    );
    // The same stories give the same ids on another run.
    let again = common::byline_in(home.path(), &["export", "--format", "jsonl", DIR]);
    let again: Vec<serde_json::Value> =
        String::from_utf8(again.stdout).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(
        again.iter().map(|s| s["cluster"].clone()).collect::<Vec<_>>(),
        stories.iter().map(|s| s["cluster"].clone()).collect::<Vec<_>>()
    );
}

/// Stories that arrive later (a fetch) join the clusters already made:
/// the library clustered in two steps, at several points, gives the same
/// groups as clustered at once.
#[test]
fn stories_added_later_join_the_clusters_already_made() {
    use byline_engine::clusters::{Features, cluster_features};
    let loaded = byline_engine::load_paths(&[PathBuf::from(DIR)]).unwrap();
    let stories = loaded.library.stories();
    let features: Vec<Features> = stories.iter().map(Features::of).collect();
    let groups = |clusters: &byline_engine::clusters::Clusters| {
        let mut groups: Vec<Vec<usize>> = clusters.groups.iter().map(|c| c.members.clone()).collect();
        groups.sort();
        groups
    };
    let whole = groups(&cluster_features(&mut features.clone()));
    assert!(whole.len() >= 8, "the corpus's events are found");
    for first in [1, stories.len() / 3, stories.len() / 2, stories.len() - 1] {
        let mut all = features.clone();
        let mut clusters = cluster_features(&mut all[..first]);
        clusters.add(&mut all);
        assert_eq!(clusters.len(), stories.len());
        assert_eq!(groups(&clusters), whole, "{first} stories first, then the rest");
    }
}
