//! A cached library shown before its files are checked: when no directory
//! changed, the reader takes every cached story on the stamp the cache
//! recorded (no stat a file, most of a cached open), and a thread stamps
//! every file (`load::recheck`) from the moment the cache is open, in the
//! time the loading threads leave it. Once loading is over, the stories
//! of files changed or gone since are retired, what the files hold now
//! joins the list, and the cache is written again if that calls for it.

use std::sync::Arc;

use byline_engine::load::{self, Rechecked, ToCheck};

use super::App;

/// The files to check, and how to read those that changed.
#[derive(Debug, Clone)]
pub struct RecheckJob {
    pub files: Arc<ToCheck>,
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

/// Where the check of a load taken on the cache's word is.
#[derive(Debug, Clone, Default)]
pub enum CheckState {
    /// None asked for: every file was stamped as it was read.
    #[default]
    Unneeded,
    /// A thread stamps the files, while the stories are read.
    Running,
    /// Its outcome came while the library was still being finished: it
    /// is taken in once loading is over.
    Waiting(Box<Rechecked>),
    /// Taken in.
    Done,
}

impl App {
    /// The load takes `files` on the cache's word: a thread checks them
    /// at once, on every core, as the stories are read.
    pub(super) fn start_check(&mut self, files: Option<Arc<ToCheck>>) {
        let (Some(files), Some(options)) = (files, self.reread.clone()) else { return };
        self.recheck_job = Some(RecheckJob { files, options });
        self.check = CheckState::Running;
    }

    /// Loading is over: a check that came back meanwhile is taken in.
    /// Whether there is (or was) a check, which the background work then
    /// waits for.
    pub(super) fn check_after_loading(&mut self) -> bool {
        match std::mem::replace(&mut self.check, CheckState::Done) {
            CheckState::Waiting(found) => self.rechecked(*found),
            CheckState::Running => self.check = CheckState::Running,
            // Taken in already, which started the background work.
            CheckState::Done => {}
            CheckState::Unneeded => {
                self.check = CheckState::Unneeded;
                return false;
            }
        }
        true
    }

    /// The check's outcome: taken in now, or once loading is over.
    pub(super) fn check_done(&mut self, found: Rechecked) {
        if !matches!(self.check, CheckState::Running) {
            return;
        }
        if self.loading.is_some() {
            self.check = CheckState::Waiting(Box::new(found));
            return;
        }
        self.check = CheckState::Done;
        self.rechecked(found);
    }

    /// The check is done: the stories of the files that changed or went
    /// are retired, what they hold now joins the list (with the marks
    /// their stories had), and the cache is written again.
    fn rechecked(&mut self, found: Rechecked) {
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
