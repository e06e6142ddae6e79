//! A cached library shown before its files are checked: when no directory
//! changed, the reader takes every cached story on the stamp the cache
//! recorded (no stat a file, most of a cached open), and once the list is
//! shown a thread stamps every file (`load::recheck`). Stories of files
//! changed or gone since are retired, what the files hold now joins the
//! list, and the cache is written again if that calls for it.

use std::path::Path;
use std::sync::Arc;

use byline_engine::cache::Stamp;
use byline_engine::load::{self, Rechecked};

use super::App;

/// The files to check, and how to read those that changed.
#[derive(Debug, Clone)]
pub struct RecheckJob {
    pub files: Arc<Vec<(Arc<Path>, Stamp)>>,
    pub options: load::Options,
}

impl PartialEq for RecheckJob {
    fn eq(&self, other: &RecheckJob) -> bool {
        Arc::ptr_eq(&self.files, &other.files)
    }
}

impl Eq for RecheckJob {}

impl RecheckJob {
    /// Stamp every file and read the changed ones again.
    pub fn run(&self) -> Rechecked {
        load::recheck(&self.files, &self.options)
    }
}

impl App {
    /// Once loading is over: check the files taken on the cache's word.
    /// Whether a check was asked for.
    pub(super) fn want_recheck(&mut self) -> bool {
        let Some(options) = self.reread.clone().filter(|_| self.manifest.unchecked) else { return false };
        let files = self.manifest.files.iter().map(|f| (Arc::clone(&f.path), f.stamp)).collect();
        self.recheck_job = Some(RecheckJob { files: Arc::new(files), options });
        true
    }

    /// The check is done: the stories of the files that changed or went
    /// are retired, what they hold now joins the list (with the marks
    /// their stories had), and the cache is written again.
    pub(super) fn rechecked(&mut self, found: Rechecked) {
        let files = found.changed.len();
        let (skipped, _) = load::take_in(&mut self.library, &mut self.manifest, found);
        if files > 0 {
            self.skipped += skipped.len();
            self.refresh_stories();
        }
        // Taking what the word index and the cache need costs a tenth of a
        // second or more at 100,000 stories: the change is drawn first.
        self.background_after_draw = true;
        if files == 0 {
            return;
        }
        let noun = if files == 1 { "file" } else { "files" };
        self.message = Some(format!("{files} {noun} changed since last time: read again"));
    }

    /// Background work is waiting for the check's outcome to be drawn.
    pub fn wants_background_work(&self) -> bool {
        self.background_after_draw
    }
}
