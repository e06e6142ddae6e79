//! `byline fetch`: every subscription (or those named) fetched now, one
//! line of result a feed as each is done, and a summary.

use std::io::{self, IsTerminal, Write};
use std::sync::mpsc;

use clap::Args;

use super::progress::ProgressBar;
use byline_engine::feeds::http::Limits;
use byline_engine::feeds::{Outcome, Store, Subscription};

#[derive(Debug, Args)]
pub struct FetchArgs {
    /// Fetch only these subscriptions (default: all)
    #[arg(value_name = "URL")]
    pub urls: Vec<String>,
    /// Feeds fetched at once (default 8, or fetch_jobs in the config)
    #[arg(long, value_name = "N")]
    pub jobs: Option<std::num::NonZeroU16>,
}

/// The subscriptions `byline fetch URL...` names, in the file's order; all
/// when none is named. A URL that is not a subscription is an error.
pub fn chosen(subs: Vec<Subscription>, urls: &[String]) -> anyhow::Result<Vec<Subscription>> {
    if let Some(unknown) = urls.iter().find(|u| !subs.iter().any(|s| &s.url == *u)) {
        anyhow::bail!(
            "not subscribed to {unknown} (see `byline feeds list`; `byline feeds add URL` subscribes)"
        );
    }
    Ok(subs.into_iter().filter(|s| urls.is_empty() || urls.contains(&s.url)).collect())
}

/// What `byline fetch` did, for its exit status.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct FetchSummary {
    pub feeds: usize,
    pub new: usize,
    pub unchanged: usize,
    pub failed: usize,
}

/// Fetch every subscription, printing a line a feed on `out` as each is
/// done, a progress bar on stderr when that is a terminal, and a summary.
/// If `out` goes away (`byline fetch | head -3`) every feed is still
/// fetched and stored; only the printing stops.
pub fn fetch(
    subs: &[Subscription],
    store: &Store,
    limits: Limits,
    jobs: usize,
    out: &mut dyn Write,
) -> io::Result<FetchSummary> {
    let mut summary = FetchSummary { feeds: subs.len(), ..FetchSummary::default() };
    let mut bar = io::stderr()
        .is_terminal()
        .then(|| ProgressBar::new(io::stderr(), super::progress::delay()).counting("fetching", "feeds"));
    let mut printed: io::Result<()> = Ok(());
    let (tx, rx) = mpsc::channel();
    let fetching = move || byline_engine::feeds::fetch_all(subs, store, limits, jobs, &tx);
    let (fetched, ()) = byline_engine::parallel::join(fetching, || {
        if let Some(bar) = &mut bar {
            bar.update(0, subs.len());
        }
        for (done, result) in rx.into_iter().enumerate() {
            match &result.outcome {
                Outcome::Fetched { new, .. } => summary.new += new,
                Outcome::Unchanged { .. } => summary.unchanged += 1,
                Outcome::Failed(_) => summary.failed += 1,
            }
            if let Some(bar) = &mut bar {
                bar.interrupt();
            }
            if printed.is_ok() {
                printed = writeln!(out, "{result}").and_then(|()| out.flush());
            }
            if let Some(bar) = &mut bar {
                bar.update(done + 1, subs.len());
            }
        }
    });
    if let Err(panic) = fetched {
        std::panic::resume_unwind(panic);
    }
    if let Some(bar) = &mut bar {
        bar.finish();
    }
    let feeds = if summary.feeds == 1 { "feed" } else { "feeds" };
    let stories = if summary.new == 1 { "story" } else { "stories" };
    printed = printed.and_then(|()| {
        writeln!(
            out,
            "fetched {} {feeds}: {} new {stories}, {} unchanged, {} failed",
            summary.feeds, summary.new, summary.unchanged, summary.failed
        )
    });
    match printed {
        Err(err) if err.kind() != io::ErrorKind::BrokenPipe => Err(err),
        _ => Ok(summary),
    }
}
