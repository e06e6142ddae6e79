//! Fetched items, kept in the data directory so the library opens offline.
//!
//! Each feed has a file of its items in `feeds/` (JSON Lines in the export
//! schema of FORMAT.md, plus the item's `key`), which the loader reads like
//! any other JSON file, and a small file of what the last fetch learned in
//! `fetch/` (validators for conditional requests, the last error). A fetch
//! merges into the items file under the feed's lock and replaces it
//! atomically, so two byline processes never lose each other's items and a
//! reader never sees half a file. Items are merged by key: one seen again is
//! updated in place, one gone from the feed stays.

use std::collections::HashMap;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::subscriptions::Subscription;
use crate::atomic_file;
use crate::model::{Story, bytes_hash, item_id, story_id};
use crate::parse::Draft;

/// What the last fetch of a feed learned.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct FeedMeta {
    /// The subscription's URL.
    pub url: String,
    /// The feed's own title.
    pub feed_title: Option<String>,
    /// The last `ETag`, for a conditional request.
    pub etag: Option<String>,
    /// The last `Last-Modified`, for a conditional request.
    pub last_modified: Option<String>,
    /// A hash of the last body, to notice an unchanged feed whose server
    /// sends no validators.
    pub body_hash: Option<String>,
    /// RFC 3339 time of the last fetch, whatever its result.
    pub last_fetch: Option<String>,
    /// The last fetch's error, if it failed.
    pub last_error: Option<String>,
    /// Items stored.
    pub items: usize,
    /// The subscription's tags as they were added to the stored items.
    pub tags: Vec<String>,
    /// Stored items whose web page gave their whole text (`full_text`).
    pub full_text: usize,
    /// Stored items that kept the feed's summary when their page was
    /// fetched, and the reason for the last of them.
    pub kept_summary: usize,
    /// Why the last item that kept its summary did.
    pub kept_reason: Option<String>,
}

/// A fetch that got an answer.
#[derive(Debug)]
pub enum Fetched {
    /// 304, or the same body as last time.
    Unchanged,
    /// A new body, parsed.
    Items {
        /// Every item of the feed that could be read.
        drafts: Vec<Draft>,
        /// The feed's own title.
        feed_title: Option<String>,
        /// For the next conditional request.
        validators: Validators,
        /// To notice the same body next time when the server sends no
        /// validators.
        body_hash: String,
    },
}

/// HTTP validators for the next conditional request.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Validators {
    /// `ETag` header.
    pub etag: Option<String>,
    /// `Last-Modified` header.
    pub last_modified: Option<String>,
}

/// What a merge did.
#[derive(Debug, Default)]
pub struct Merged {
    /// Items never stored before, as the library will read them.
    pub new: Vec<Draft>,
    /// Items stored before whose text changed.
    pub updated: usize,
    /// Items stored now, old and new.
    pub items: usize,
}

/// A stored item, as a JSON object.
type Record = Map<String, Value>;

/// The store under a data directory.
#[derive(Debug, Clone)]
pub struct Store {
    root: PathBuf,
}

impl Store {
    /// The store under `data_dir` (created when first written).
    pub fn new(data_dir: &Path) -> Store {
        Store { root: data_dir.to_path_buf() }
    }

    /// The directory of items files, which the library loads.
    pub fn items_dir(&self) -> PathBuf {
        self.root.join("feeds")
    }

    /// Whether any feed has stored items.
    pub fn has_items(&self) -> bool {
        fs::read_dir(self.items_dir()).is_ok_and(|entries| {
            entries.filter_map(Result::ok).any(|e| e.file_name().to_string_lossy().ends_with(".jsonl"))
        })
    }

    fn items_path(&self, url: &str) -> PathBuf {
        self.items_dir().join(format!("{}.jsonl", file_stem(url)))
    }

    fn meta_path(&self, url: &str) -> PathBuf {
        self.root.join("fetch").join(format!("{}.json", file_stem(url)))
    }

    fn lock_path(&self, url: &str) -> PathBuf {
        self.root.join("fetch").join(format!("{}.lock", file_stem(url)))
    }

    /// What the last fetch of `url` learned; empty if never fetched (or
    /// the file is unreadable: it only holds hints).
    pub fn meta(&self, url: &str) -> FeedMeta {
        let meta =
            fs::read(self.meta_path(url)).ok().and_then(|b| serde_json::from_slice::<FeedMeta>(&b).ok());
        meta.filter(|m| m.url == url)
            .unwrap_or_else(|| FeedMeta { url: url.to_string(), ..FeedMeta::default() })
    }

    /// Merge a fetch's result into the feed's items, adding the
    /// subscription's tags to every item. An unchanged feed is only
    /// rewritten when the subscription's tags changed.
    pub fn save(&self, sub: &Subscription, fetched: Fetched, now: &str) -> io::Result<Merged> {
        let lock = atomic_file::lock(&self.lock_path(&sub.url))?;
        let mut meta = self.meta(&sub.url);
        meta.last_fetch = Some(now.to_string());
        meta.last_error = None;
        let incoming = match fetched {
            Fetched::Unchanged => Vec::new(),
            Fetched::Items { drafts, feed_title, validators, body_hash } => {
                meta.feed_title = feed_title.or(meta.feed_title);
                meta.etag = validators.etag;
                meta.last_modified = validators.last_modified;
                meta.body_hash = Some(body_hash);
                drafts
            }
        };
        self.rewrite(&lock, sub, incoming, meta, now)
    }

    /// Give a feed's stored items the subscription's tags as they are now
    /// (after `byline feeds add` changed them); nothing is fetched, and a
    /// feed never fetched is left alone.
    pub fn retag(&self, sub: &Subscription) -> io::Result<()> {
        if !self.items_path(&sub.url).exists() {
            return Ok(());
        }
        let lock = atomic_file::lock(&self.lock_path(&sub.url))?;
        let meta = self.meta(&sub.url);
        self.rewrite(&lock, sub, Vec::new(), meta, &crate::feeds::fetch::now_rfc3339()).map(drop)
    }

    /// Merge `incoming` into the stored items and write them, then `meta`.
    /// Call with the feed's lock held. Nothing but `meta` is written when
    /// nothing came in and the tags are as they were.
    fn rewrite(
        &self,
        lock: &atomic_file::Lock,
        sub: &Subscription,
        incoming: Vec<Draft>,
        mut meta: FeedMeta,
        now: &str,
    ) -> io::Result<Merged> {
        let path = self.items_path(&sub.url);
        if incoming.is_empty() && (meta.tags == sub.tags || !path.exists()) {
            self.write_meta(lock, &meta)?;
            return Ok(Merged { items: meta.items, ..Merged::default() });
        }
        let (mut records, notice) = self.read_items(&sub.url)?;
        let site = sub.title.as_deref().or(meta.feed_title.as_deref());
        let merged = merge(&mut records, incoming, sub, site, now);
        meta.tags.clone_from(&sub.tags);
        if notice.is_some() {
            meta.last_error = notice;
        }
        self.write_items(lock, &sub.url, &records, meta)?;
        Ok(merged)
    }

    /// Write a feed's records, then its meta with their counts. Call with
    /// the feed's lock held.
    fn write_items(
        &self,
        lock: &atomic_file::Lock,
        url: &str,
        records: &[Record],
        mut meta: FeedMeta,
    ) -> io::Result<()> {
        atomic_file::write(lock, &self.items_path(url), |out| {
            for record in records {
                serde_json::to_writer(&mut *out, record)?;
                out.write_all(b"\n")?;
            }
            Ok(())
        })?;
        meta.items = records.len();
        full_text::count(records, &mut meta);
        self.write_meta(lock, &meta)
    }

    /// Remember that the last fetch of `url` failed, and why. Stored items
    /// are untouched.
    pub fn save_failure(&self, url: &str, error: &str, now: &str) -> io::Result<()> {
        let lock = atomic_file::lock(&self.lock_path(url))?;
        let mut meta = self.meta(url);
        meta.last_fetch = Some(now.to_string());
        meta.last_error = Some(error.to_string());
        self.write_meta(&lock, &meta)
    }

    /// Delete a feed's stored items and what was learned about it; returns
    /// how many items there were.
    pub fn remove(&self, url: &str) -> io::Result<usize> {
        let _lock = atomic_file::lock(&self.lock_path(url))?;
        let items = self.meta(url).items;
        for path in [self.items_path(url), self.meta_path(url)] {
            match fs::remove_file(&path) {
                Err(err) if err.kind() != io::ErrorKind::NotFound => return Err(err),
                _ => {}
            }
        }
        Ok(items)
    }

    fn write_meta(&self, lock: &atomic_file::Lock, meta: &FeedMeta) -> io::Result<()> {
        atomic_file::write(lock, &self.meta_path(&meta.url), |out| {
            serde_json::to_writer_pretty(&mut *out, meta)?;
            out.write_all(b"\n")
        })
    }

    /// The stored records of a feed. Lines that are not records (a file
    /// damaged by hand) are kept in a copy set aside beside it, and named
    /// in the returned notice; the good lines are merged as usual.
    fn read_items(&self, url: &str) -> io::Result<(Vec<Record>, Option<String>)> {
        let path = self.items_path(url);
        let text = match fs::read_to_string(&path) {
            Ok(text) => text,
            Err(err) if err.kind() == io::ErrorKind::NotFound => return Ok((Vec::new(), None)),
            Err(err) if err.kind() == io::ErrorKind::InvalidData => {
                String::from_utf8_lossy(&fs::read(&path)?).into()
            }
            Err(err) => return Err(err),
        };
        let mut records = Vec::new();
        let mut bad = 0;
        for line in text.lines().filter(|l| !l.trim().is_empty()) {
            match serde_json::from_str::<Value>(line) {
                Ok(Value::Object(record)) if record.get("key").is_some_and(Value::is_string) => {
                    records.push(record)
                }
                _ => bad += 1,
            }
        }
        if bad == 0 {
            return Ok((records, None));
        }
        let aside = path.with_extension(format!("jsonl.damaged-{}", crate::state::now_millis() / 1000));
        fs::copy(&path, &aside)?;
        Ok((
            records,
            Some(format!("{bad} damaged lines in {}; a copy is kept as {}", path.display(), aside.display())),
        ))
    }
}

/// A file name for a feed: its host (for people looking in the directory)
/// and a hash of its whole URL.
fn file_stem(url: &str) -> String {
    let host =
        url.split_once("://").map_or(url, |(_, rest)| rest).split(['/', '?', '#', ':']).next().unwrap_or("");
    let host: String =
        host.chars().filter(|c| c.is_ascii_alphanumeric() || *c == '.' || *c == '-').take(60).collect();
    let host = host.trim_start_matches('.');
    format!("{}-{}", if host.is_empty() { "feed" } else { host }, bytes_hash(url.as_bytes()))
}

/// An item's key: its guid, else its link, else a hash of its content.
pub fn item_key(draft: &Draft) -> String {
    if let Some(guid) = &draft.guid {
        return format!("guid:{guid}");
    }
    if let Some(url) = &draft.story.url {
        return format!("link:{url}");
    }
    format!("hash:{}", story_id(draft.story.title(), draft.story.paragraphs()))
}

/// Merge fetched items into the stored records by key, then give every
/// record the subscription's tags after its own.
fn merge(
    records: &mut Vec<Record>,
    incoming: Vec<Draft>,
    sub: &Subscription,
    site: Option<&str>,
    now: &str,
) -> Merged {
    let mut at: HashMap<String, usize> = HashMap::with_capacity(records.len());
    for (i, record) in records.iter().enumerate() {
        if let Some(Value::String(key)) = record.get("key") {
            at.insert(key.clone(), i);
        }
    }
    let mut merged = Merged::default();
    for mut draft in incoming {
        let key = item_key(&draft);
        let mut record = to_record(&draft.story, &sub.url, &key);
        match at.get(&key) {
            Some(&i) => {
                let old = &records[i];
                if CONTENT.iter().any(|field| old.get(*field) != record.get(*field)) {
                    let first_seen = old.get("first_seen").cloned().unwrap_or_else(|| now.into());
                    record.insert("first_seen".into(), first_seen);
                    records[i] = record;
                    merged.updated += 1;
                }
            }
            None => {
                record.insert("first_seen".into(), now.into());
                at.insert(key.clone(), records.len());
                records.push(record);
                draft.story.set_id(item_id(&sub.url, &key));
                draft.story.source.clone_from(&sub.url);
                draft.story.tags = with_tags(&draft.story.tags, &sub.tags);
                draft.guid = None;
                merged.new.push(draft);
            }
        }
    }
    for record in records.iter_mut() {
        let own: Vec<String> = match record.get("item_tags") {
            Some(Value::Array(tags)) => tags.iter().filter_map(|t| t.as_str().map(String::from)).collect(),
            _ => Vec::new(),
        };
        record.insert("tags".into(), with_tags(&own, &sub.tags).into());
        if let Some(site) = site {
            record.insert("site".into(), site.into());
        }
    }
    if let Some(site) = site {
        for draft in &mut merged.new {
            draft.story.site = Some(site.to_string());
        }
    }
    merged.items = records.len();
    merged
}

/// The fields whose change makes an item "updated".
const CONTENT: &[&str] =
    &["title", "caption", "credit", "author", "url", "published", "paragraphs", "links", "item_tags"];

/// An item's own tags followed by the subscription's, each once.
fn with_tags(own: &[String], added: &[String]) -> Vec<String> {
    crate::parse::tags::dedupe(own.iter().chain(added).cloned())
}

/// A stored item: the export schema's fields (without quotes and marks,
/// which are found or kept elsewhere) plus its key, its own tags and the
/// links of its HTML (for `L` in the reader).
fn to_record(story: &Story, feed_url: &str, key: &str) -> Record {
    let mut record = Map::new();
    record.insert("id".into(), item_id(feed_url, key).into());
    record.insert("key".into(), key.into());
    record.insert("source".into(), feed_url.into());
    record.insert("format".into(), story.format.name().into());
    record.insert("title".into(), story.title().to_string().into());
    for (name, value) in [
        ("caption", story.caption()),
        ("credit", story.credit.as_deref()),
        ("author", story.author.as_deref()),
        ("url", story.url.as_deref()),
        ("published", story.published.as_deref()),
    ] {
        record.insert(name.into(), value.into());
    }
    record.insert("item_tags".into(), story.tags.clone().into());
    record.insert("paragraphs".into(), story.paragraphs().to_vec().into());
    if !story.links.is_empty() {
        record.insert("links".into(), story.links.clone().into());
    }
    record
}

mod full_text;
#[cfg(test)]
mod tests;
