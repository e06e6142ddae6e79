//! `byline clusters`: each group of stories about one event from more than
//! one story - size, sources, the lead's title and the others', and the
//! evidence that joined them.

use std::io::{self, Write};

use byline_engine::clusters::{Cluster, Evidence, cluster};
use byline_engine::{Filter, Library};

use super::truncate;

/// The clusters with a story `filter` lets through, clustered over the
/// whole library.
pub fn print(out: &mut dyn Write, library: &Library, filter: &Filter) -> io::Result<()> {
    let clusters = cluster(library.stories());
    let shown = super::shown(library, filter);
    let groups: Vec<&Cluster> =
        clusters.groups.iter().filter(|c| c.members.iter().any(|&s| shown.contains(s))).collect();
    write(out, library, &groups)
}

/// The clusters, as blocks separated by a blank line.
pub fn write(out: &mut dyn Write, library: &Library, clusters: &[&Cluster]) -> io::Result<()> {
    for (n, cluster) in clusters.iter().enumerate() {
        if n > 0 {
            writeln!(out)?;
        }
        let stories = library.stories();
        let mut sources: Vec<&str> = cluster.members.iter().map(|&s| stories[s].source_name()).collect();
        sources.sort_unstable();
        sources.dedup();
        writeln!(out, "{} stories · {}", cluster.members.len(), sources.join(", "))?;
        for (i, &s) in cluster.members.iter().enumerate() {
            let mark = if i == 0 { "*" } else { "+" };
            writeln!(out, "  {mark} {}  ({})", stories[s].title(), stories[s].source_name())?;
        }
        let why: Vec<String> = cluster.evidence.iter().map(evidence).collect();
        writeln!(out, "  joined by: {}", why.join("; "))?;
    }
    Ok(())
}

fn evidence(evidence: &Evidence) -> String {
    match evidence {
        Evidence::Copy => "the same story".into(),
        Evidence::Quote(text) => format!("quote “{}”", truncate(text, 70)),
        Evidence::Names(names) => format!("names {}", names.join(", ")),
        Evidence::Similar(score) => format!("similar title and lead ({score:.2})"),
    }
}
