//! The full text of stored items (`pages::FullText`), kept in each item's
//! record as `full_text`: which items still want their page, and keeping
//! what their pages gave. An item whose feed text changes is stored anew
//! without it (`merge` replaces the record), so its page is fetched again;
//! otherwise a page is fetched once.

use std::collections::HashMap;
use std::io;

use serde_json::Value;

use super::{FeedMeta, Record, Store};
use crate::atomic_file;
use crate::feeds::pages::{FullText, PageWanted};

impl Store {
    /// The stored items of `url` whose page is wanted: a link, and no
    /// page fetched yet (or one that failed in a way that may pass).
    /// Newest first, at most `limit`.
    pub fn pages_wanted(&self, url: &str, limit: usize) -> io::Result<Vec<PageWanted>> {
        let _lock = atomic_file::lock(&self.lock_path(url))?;
        let (records, _) = self.read_items(url)?;
        Ok(records.iter().rev().filter_map(wanted).take(limit).collect())
    }

    /// Keep what the pages of `url`'s items gave, each with its item
    /// (found by key; an item gone or relinked since is left alone).
    /// Returns how many items took a page's text.
    pub fn keep_pages(&self, url: &str, pages: &[(PageWanted, FullText)]) -> io::Result<usize> {
        if pages.is_empty() {
            return Ok(0);
        }
        let lock = atomic_file::lock(&self.lock_path(url))?;
        let (mut records, _) = self.read_items(url)?;
        let by_key: HashMap<&str, &(PageWanted, FullText)> =
            pages.iter().map(|page| (page.0.key.as_str(), page)).collect();
        let (mut with_text, mut kept) = (0, 0);
        for record in &mut records {
            let Some(Value::String(key)) = record.get("key") else { continue };
            let Some((want, full)) = by_key.get(key.as_str()) else { continue };
            if wanted(record).as_ref() != Some(want) {
                continue;
            }
            if let Ok(value) = serde_json::to_value(full) {
                record.insert("full_text".into(), value);
                with_text += usize::from(full.has_text());
                kept += 1;
            }
        }
        // Items all gone or changed since: nothing to write.
        if kept > 0 {
            self.write_items(&lock, url, &records, self.meta(url))?;
        }
        Ok(with_text)
    }

    /// Keep the text of one item's page, fetched on demand (`F` in the
    /// reader), with the item whose story id is `id`. Returns whether the
    /// item was found.
    pub fn keep_page_of(&self, url: &str, id: &str, full: &FullText) -> io::Result<bool> {
        let lock = atomic_file::lock(&self.lock_path(url))?;
        let (mut records, _) = self.read_items(url)?;
        let Some(record) = records.iter_mut().find(|r| r.get("id").and_then(Value::as_str) == Some(id))
        else {
            return Ok(false);
        };
        let value = serde_json::to_value(full).map_err(io::Error::other)?;
        record.insert("full_text".into(), value);
        self.write_items(&lock, url, &records, self.meta(url))?;
        Ok(true)
    }
}

/// What a record wants of its page, if anything.
fn wanted(record: &Record) -> Option<PageWanted> {
    let page = record.get("full_text").and_then(|v| <FullText as serde::Deserialize>::deserialize(v).ok());
    if page.is_some_and(|p| !p.retry) {
        return None;
    }
    let text = |name: &str| record.get(name).and_then(Value::as_str).map(str::to_string);
    let link = text("url").filter(|u| u.starts_with("http://") || u.starts_with("https://"))?;
    let summary_chars = match record.get("paragraphs") {
        Some(Value::Array(paragraphs)) => {
            paragraphs.iter().filter_map(Value::as_str).map(|p| p.chars().count()).sum()
        }
        _ => 0,
    };
    Some(PageWanted { key: text("key")?, id: text("id").unwrap_or_default(), link, summary_chars })
}

/// Count the records that took their page's text and those that kept
/// their summary (with the last one's reason), for `feeds list`.
pub(super) fn count(records: &[Record], meta: &mut FeedMeta) {
    meta.full_text = 0;
    meta.kept_summary = 0;
    meta.kept_reason = None;
    for record in records {
        let Some(Value::Object(page)) = record.get("full_text") else { continue };
        match page.get("kept_summary").and_then(Value::as_str) {
            Some(reason) => {
                meta.kept_summary += 1;
                meta.kept_reason = Some(reason.to_string());
            }
            None => meta.full_text += 1,
        }
    }
}
