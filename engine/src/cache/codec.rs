//! The cache's encoding: little-endian numbers, length-prefixed UTF-8,
//! and one story record (every field but the paragraphs).

use super::Stamp;
use crate::model::{BodyAt, Format, Story};

#[derive(Default)]
pub(super) struct Encoder {
    pub(super) bytes: Vec<u8>,
}

impl Encoder {
    pub(super) fn u8(&mut self, n: u8) {
        self.bytes.push(n);
    }
    pub(super) fn u32(&mut self, n: u32) {
        self.bytes.extend_from_slice(&n.to_le_bytes());
    }
    pub(super) fn u64(&mut self, n: u64) {
        self.bytes.extend_from_slice(&n.to_le_bytes());
    }
    pub(super) fn i128(&mut self, n: i128) {
        self.bytes.extend_from_slice(&n.to_le_bytes());
    }
    pub(super) fn str(&mut self, s: &str) {
        self.u32(s.len() as u32);
        self.bytes.extend_from_slice(s.as_bytes());
    }
    pub(super) fn opt(&mut self, s: Option<&str>) {
        match s {
            Some(s) => {
                self.u8(1);
                self.str(s);
            }
            None => self.u8(0),
        }
    }
    pub(super) fn strings(&mut self, list: &[String]) {
        self.u32(list.len() as u32);
        for s in list {
            self.str(s);
        }
    }
    pub(super) fn stamp(&mut self, stamp: &Stamp) {
        self.u64(stamp.size);
        self.i128(stamp.modified);
        self.i128(stamp.changed);
    }
    pub(super) fn story(
        &mut self,
        story: &Story,
        rank: u32,
        (read, starred): (bool, bool),
        line: Option<&str>,
        body: BodyAt,
    ) {
        self.u32(rank);
        self.u8(u8::from(read) | u8::from(starred) << 1);
        self.u8(format_code(story.format));
        self.str(story.id());
        self.str(&story.source);
        self.str(story.title());
        self.opt(story.caption());
        self.opt(story.credit.as_deref());
        self.opt(story.author.as_deref());
        self.opt(story.url.as_deref());
        self.opt(story.site.as_deref());
        self.opt(story.published.as_deref());
        self.strings(&story.tags);
        self.strings(&story.links);
        self.opt(line);
        self.u64(body.offset);
        self.u64(body.len);
    }
}

/// Reads what `Encoder` wrote; `None` at any step past the end or not
/// UTF-8.
pub(super) struct Decoder<'a> {
    pub(super) bytes: &'a [u8],
    pub(super) at: usize,
}

impl<'a> Decoder<'a> {
    pub(super) fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        let end = self.at.checked_add(n)?;
        let slice = self.bytes.get(self.at..end)?;
        self.at = end;
        Some(slice)
    }
    pub(super) fn array<const N: usize>(&mut self) -> Option<[u8; N]> {
        self.take(N)?.try_into().ok()
    }
    pub(super) fn u8(&mut self) -> Option<u8> {
        Some(self.take(1)?[0])
    }
    pub(super) fn u32(&mut self) -> Option<u32> {
        self.array().map(u32::from_le_bytes)
    }
    pub(super) fn u64(&mut self) -> Option<u64> {
        self.array().map(u64::from_le_bytes)
    }
    pub(super) fn i128(&mut self) -> Option<i128> {
        self.array().map(i128::from_le_bytes)
    }
    pub(super) fn str(&mut self) -> Option<&'a str> {
        let len = self.u32()? as usize;
        std::str::from_utf8(self.take(len)?).ok()
    }
    pub(super) fn string(&mut self) -> Option<String> {
        self.str().map(str::to_string)
    }
    pub(super) fn opt(&mut self) -> Option<Option<String>> {
        match self.u8()? {
            0 => Some(None),
            1 => self.string().map(Some),
            _ => None,
        }
    }
    pub(super) fn strings(&mut self) -> Option<Vec<String>> {
        let count = self.u32()? as usize;
        let mut list = Vec::with_capacity(count.min(self.bytes.len() - self.at));
        for _ in 0..count {
            list.push(self.string()?);
        }
        Some(list)
    }
    pub(super) fn stamp(&mut self) -> Option<Stamp> {
        Some(Stamp { size: self.u64()?, modified: self.i128()?, changed: self.i128()? })
    }
}

const FORMATS: [Format; 7] =
    [Format::Text, Format::Json, Format::Markdown, Format::Rss, Format::Atom, Format::Jsonfeed, Format::Html];

pub(super) fn format_code(format: Format) -> u8 {
    FORMATS.iter().position(|f| *f == format).unwrap_or(0) as u8
}

pub(super) fn format_from(code: u8) -> Option<Format> {
    FORMATS.get(usize::from(code)).copied()
}
