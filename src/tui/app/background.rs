//! The background work an update asks for (finding people, clustering,
//! checking a cached load's files),
//! done on the calling thread at once instead of by the loop's threads:
//! what tests and benchmarks use to reach a state without threads.

use std::sync::Mutex;

use super::{App, Effect, Msg};
use byline_engine::people::StoryText;

impl App {
    /// Carry out `effects` that are background work, and the work their
    /// replies ask for in turn, until none is asked; other effects are
    /// dropped. How many parts of the library had their people found.
    pub fn work_here(&mut self, effects: Vec<Effect>) -> usize {
        let mut parts = 0;
        let mut waiting = effects;
        while let Some(effect) = waiting.pop() {
            match effect {
                Effect::FindPeople(job) => {
                    parts += 1;
                    let found = Mutex::new(Vec::new());
                    StoryText::find_all(&job.0, |part| {
                        found.lock().unwrap_or_else(std::sync::PoisonError::into_inner).extend(part);
                        true
                    });
                    let found = found.into_inner().unwrap_or_else(std::sync::PoisonError::into_inner);
                    waiting.extend(self.update(Msg::PeopleFound(found)));
                    waiting.extend(self.update(Msg::PeopleDone { started: true }));
                }
                Effect::Recheck(job) => waiting.extend(self.update(Msg::Rechecked(Box::new(job.run())))),
                Effect::Cluster(job) => {
                    let (clusters, features) = job.run();
                    waiting.extend(self.update(Msg::Clustered { clusters: Box::new(clusters), features }));
                }
                _ => {}
            }
        }
        parts
    }
}
