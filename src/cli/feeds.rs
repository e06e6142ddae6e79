//! `byline feeds ...`: adding, listing, removing, importing and exporting
//! subscriptions.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use clap::Subcommand;
use serde_json::json;

use byline_engine::feeds::discover::{Found, discover};
use byline_engine::feeds::fetch::title_of;
use byline_engine::feeds::http::{Client, Limits};
use byline_engine::feeds::opml::{self, Imported};
use byline_engine::feeds::store::FeedMeta;
use byline_engine::feeds::subscriptions::{add_all, check_url};
use byline_engine::feeds::{Store, Subscription, SubscriptionFile};

#[derive(Debug, Subcommand)]
pub enum FeedsCommand {
    /// Subscribe to an RSS, Atom or JSON Feed URL, or to the feed a web page names
    ///
    /// The URL is fetched once to check it: a web page is searched for the
    /// feeds it names (`<link rel="alternate">`), and with one it is
    /// subscribed to, with several they are listed. Its stories arrive
    /// with `byline fetch`. Adding a URL already subscribed changes its
    /// title, tags or full text without fetching anything.
    Add {
        /// http:// or https:// address of the feed, or of a web page that names it
        url: String,
        /// Add NAME to every story of the feed; repeat for several
        #[arg(long = "tag", value_name = "NAME")]
        tags: Vec<String>,
        /// Show the feed under this name instead of its own title
        #[arg(long, value_name = "TEXT")]
        title: Option<String>,
        /// Fetch each new item's web page and keep its whole text (for feeds that give a summary only)
        #[arg(long, conflicts_with = "no_full_text")]
        full_text: bool,
        /// Keep the feed's own text only (undoes --full-text)
        #[arg(long)]
        no_full_text: bool,
        /// Subscribe without fetching the URL first (offline, or a feed that is down today)
        #[arg(long)]
        no_check: bool,
    },
    /// List subscriptions: title, items stored, last fetch, tags, URL and last error
    List {
        /// One JSON object a subscription, for scripts
        #[arg(long)]
        json: bool,
    },
    /// Unsubscribe, deleting the feed's stored stories unless --keep-items
    Remove {
        url: String,
        /// Keep the stories already fetched
        #[arg(long)]
        keep_items: bool,
    },
    /// Subscribe to every feed of an OPML file (folders and categories become tags), or - for stdin
    Import {
        file: PathBuf,
        /// Read a newsboat `urls` file instead: `URL tag "two words" "~Title"` a line
        #[arg(long)]
        newsboat: bool,
    },
    /// Print the subscriptions as OPML 2.0, to import into another reader
    Export,
}

/// Where subscriptions and fetched stories live, and how to fetch.
pub struct Places {
    pub file: SubscriptionFile,
    pub store: Store,
    pub limits: Limits,
}

/// Run a `feeds` subcommand. Messages for people go to stderr; what a
/// script would read (list, export) to `out`.
pub fn run(command: FeedsCommand, places: &Places, out: &mut dyn Write) -> anyhow::Result<()> {
    let Places { file, store, .. } = places;
    match command {
        FeedsCommand::Add { url, tags, title, full_text, no_full_text, no_check } => {
            let full_text = (full_text || no_full_text).then_some(full_text);
            add(places, url, &tags, title, full_text, !no_check)?;
        }
        FeedsCommand::List { json } => {
            let subs = file.load()?;
            if json {
                write_list_json(out, &subs, store)?;
            } else {
                write_list(out, &subs, store)?;
                if subs.is_empty() {
                    eprintln!("byline: no subscriptions yet; add one with `byline feeds add URL`");
                }
            }
        }
        FeedsCommand::Remove { url, keep_items } => remove(places, &url, keep_items)?,
        FeedsCommand::Import { file: from, newsboat } => import(file, &from, newsboat)?,
        FeedsCommand::Export => {
            let subs = file.load()?;
            let created = chrono::Utc::now().to_rfc2822();
            out.write_all(opml::export(&subs, &created).as_bytes())?;
        }
    }
    Ok(())
}

/// `feeds add`: subscribe (to the feed a web page names, when the URL is
/// a page), or give a subscription new tags, a title or full text (its
/// stored stories are retagged).
fn add(
    places: &Places,
    url: String,
    tags: &[String],
    title: Option<String>,
    full_text: Option<bool>,
    check: bool,
) -> anyhow::Result<()> {
    let Places { file, store, limits } = places;
    check_url(&url).map_err(anyhow::Error::msg)?;
    let known = file.load()?.iter().any(|f| f.url == url);
    let url = if check && !known { checked(&url, *limits)? } else { url };
    let title = title.map(|t| byline_engine::parse::clean::one_line(&t)).filter(|t| !t.is_empty());
    let tags =
        tags.iter().map(|t| byline_engine::parse::clean::one_line(t)).filter(|t| !t.is_empty()).collect();
    let sub = Subscription { url: url.clone(), title, tags, full_text: full_text == Some(true) };
    let (new, updated) = file.update(|feeds| {
        let new = add_all(feeds, vec![sub]);
        let feed = feeds.iter_mut().find(|f| f.url == url);
        if let (Some(feed), Some(full_text)) = (feed, full_text) {
            feed.full_text = full_text;
        }
        (new, feeds.iter().find(|f| f.url == url).cloned())
    })?;
    if let Some(updated) = updated {
        store.retag(&updated)?;
        let mut notes = Vec::new();
        if !updated.tags.is_empty() {
            notes.push(format!("tags: {}", updated.tags.join(", ")));
        }
        if updated.full_text {
            notes.push("full text from each item's page".to_string());
        }
        let tags = if notes.is_empty() { String::new() } else { format!(" ({})", notes.join("; ")) };
        if new == 1 {
            eprintln!("byline: subscribed to {url}{tags}; `byline fetch` fetches it");
        } else {
            eprintln!("byline: updated {url}{tags}");
        }
    }
    Ok(())
}

/// The feed to subscribe to for `url`: itself when it is a feed, the one
/// feed a web page names; an error listing them when it names several,
/// or saying why when it is neither. A URL that cannot be fetched now is
/// subscribed to as it is, with a warning.
fn checked(url: &str, limits: Limits) -> anyhow::Result<String> {
    let client = Client::new(limits);
    match discover(&client, url) {
        Ok(Found::Feed { title, items }) => {
            let title = title.map_or(String::new(), |t| format!("\"{t}\", "));
            let noun = if items == 1 { "item" } else { "items" };
            eprintln!("byline: {url} is a feed ({title}{items} {noun} now)");
            Ok(url.to_string())
        }
        Ok(Found::Page(feeds)) if feeds.len() == 1 => {
            let feed = &feeds[0];
            eprintln!("byline: {url} is a web page; it names the {} feed {}", feed.kind, feed.url);
            Ok(feed.url.clone())
        }
        Ok(Found::Page(feeds)) => {
            let mut message =
                format!("{url} is a web page that names {} feeds; add the one you want:", feeds.len());
            for feed in &feeds {
                let title = feed.title.as_deref().map_or(String::new(), |t| format!(" \"{t}\""));
                message.push_str(&format!("\n  byline feeds add {}    # {}{title}", feed.url, feed.kind));
            }
            anyhow::bail!(message)
        }
        Ok(Found::Neither(why)) => {
            anyhow::bail!("{url}: {why}; nothing was subscribed (--no-check subscribes to it anyway)")
        }
        Err(reason) => {
            eprintln!("byline: warning: could not check {url} now ({reason}); subscribed to it as it is");
            Ok(url.to_string())
        }
    }
}

/// `feeds remove`: unsubscribe, deleting the stored stories unless kept.
fn remove(places: &Places, url: &str, keep_items: bool) -> anyhow::Result<()> {
    let Places { file, store, .. } = places;
    let removed = file.update(|feeds| {
        let before = feeds.len();
        feeds.retain(|f| f.url != url);
        before != feeds.len()
    })?;
    if !removed {
        anyhow::bail!("not subscribed to {url} (see `byline feeds list`)");
    }
    if keep_items {
        eprintln!("byline: unsubscribed from {url}; its stories are kept");
    } else {
        let items = store.remove(url)?;
        eprintln!("byline: unsubscribed from {url} and deleted its {items} stored stories");
    }
    Ok(())
}

/// `feeds import`: subscriptions from OPML (or a newsboat urls file), `-`
/// for standard input.
fn import(file: &SubscriptionFile, from: &Path, newsboat: bool) -> anyhow::Result<()> {
    let text = if from.as_os_str() == "-" {
        io::read_to_string(io::stdin())?
    } else {
        std::fs::read_to_string(from).map_err(|e| anyhow::anyhow!("{}: {e}", from.display()))?
    };
    let Imported { feeds, skipped } = if newsboat {
        opml::import_newsboat(&text)
    } else {
        opml::import(&text).map_err(|e| anyhow::anyhow!("{}: {e}", from.display()))?
    };
    for reason in &skipped {
        eprintln!("byline: skipped {reason}");
    }
    let found = feeds.len();
    let new = file.update(|all| add_all(all, feeds))?;
    eprintln!("byline: imported {found} feeds ({new} new) into {}", file.path().display());
    Ok(())
}

/// A subscription's columns in `feeds list`.
struct Row<'a> {
    title: String,
    items: String,
    fetched: String,
    tags: String,
    url: &'a str,
    full_text: Option<String>,
    error: Option<String>,
}

/// One line a subscription, aligned; the last error under it.
pub fn write_list(out: &mut dyn Write, subs: &[Subscription], store: &Store) -> io::Result<()> {
    let rows: Vec<Row> = subs
        .iter()
        .map(|sub| {
            let meta = store.meta(&sub.url);
            Row {
                title: title_of(sub, meta.feed_title.as_deref()),
                items: format!("{} {}", meta.items, if meta.items == 1 { "item" } else { "items" }),
                fetched: meta.last_fetch.as_deref().map_or("never fetched".to_string(), |t| {
                    format!("fetched {} UTC", t.replacen('T', " ", 1).trim_end_matches('Z'))
                }),
                tags: sub.tags.join(", "),
                url: &sub.url,
                full_text: sub.full_text.then(|| full_text_line(&meta)),
                error: meta.last_error,
            }
        })
        .collect();
    let title_width = super::column_width(rows.iter().map(|r| r.title.as_str()), 40);
    let tags_width = super::column_width(rows.iter().map(|r| r.tags.as_str()), 40);
    let items_width = rows.iter().map(|r| r.items.len()).max().unwrap_or(0);
    let fetched_width = rows.iter().map(|r| r.fetched.len()).max().unwrap_or(0);
    for row in &rows {
        let line = format!(
            "{}  {:>items_width$}  {:<fetched_width$}  {}  {}",
            super::pad(&super::truncate(&row.title, title_width), title_width),
            row.items,
            row.fetched,
            super::pad(&super::truncate(&row.tags, tags_width), tags_width),
            row.url
        );
        writeln!(out, "{}", line.trim_end())?;
        if let Some(full_text) = &row.full_text {
            writeln!(out, "  {full_text}")?;
        }
        if let Some(error) = &row.error {
            writeln!(out, "  last error: {error}")?;
        }
    }
    Ok(())
}

/// What a full-text feed's pages gave: `full text: 12 items from their
/// pages; 3 kept the feed's summary (last: HTTP 404 Not Found)`.
fn full_text_line(meta: &FeedMeta) -> String {
    let items = |n: usize| if n == 1 { "1 item".to_string() } else { format!("{n} items") };
    let mut line = format!("full text: {} from their pages", items(meta.full_text));
    if meta.kept_summary > 0 {
        line.push_str(&format!("; {} kept the feed's summary", items(meta.kept_summary)));
        if let Some(reason) = &meta.kept_reason {
            line.push_str(&format!(" (last: {reason})"));
        }
    }
    line
}

/// One JSON object a line: `url`, `title`, `tags`, `items`, `last_fetch`,
/// `last_error`, and for full text `full_text`, `full_text_items`,
/// `kept_summary`, `kept_reason`.
pub fn write_list_json(out: &mut dyn Write, subs: &[Subscription], store: &Store) -> io::Result<()> {
    for sub in subs {
        let meta = store.meta(&sub.url);
        let line = json!({
            "url": sub.url,
            "title": title_of(sub, meta.feed_title.as_deref()),
            "tags": sub.tags,
            "items": meta.items,
            "last_fetch": meta.last_fetch,
            "last_error": meta.last_error,
            "full_text": sub.full_text,
            "full_text_items": meta.full_text,
            "kept_summary": meta.kept_summary,
            "kept_reason": meta.kept_reason,
        });
        writeln!(out, "{line}")?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_list_aligns_its_columns_and_puts_the_last_error_under_its_feed() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::new(dir.path());
        store
            .save_failure("https://down.example/rss", "HTTP 503 Service Unavailable", "2026-11-29T10:00:00Z")
            .unwrap();
        let subs = vec![
            Subscription {
                url: "https://down.example/rss".into(),
                title: Some("Down".into()),
                tags: vec!["Haiti".into()],
                full_text: false,
            },
            Subscription {
                url: "https://wire.example/rss".into(),
                title: Some("Island Wire".into()),
                tags: vec![],
                full_text: true,
            },
        ];
        let mut out = Vec::new();
        write_list(&mut out, &subs, &store).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert_eq!(
            text,
            "Down         0 items  fetched 2026-11-29 10:00:00 UTC  Haiti  https://down.example/rss\n\
             \x20 last error: HTTP 503 Service Unavailable\n\
             Island Wire  0 items  never fetched                           https://wire.example/rss\n\
             \x20 full text: 0 items from their pages\n"
        );
        let mut json = Vec::new();
        write_list_json(&mut json, &subs, &store).unwrap();
        let first: serde_json::Value =
            serde_json::from_slice(json.split(|b| *b == b'\n').next().unwrap()).unwrap();
        assert_eq!(first["last_error"], "HTTP 503 Service Unavailable");
        assert_eq!(first["tags"], serde_json::json!(["Haiti"]));
    }
}
