//! The people and organisations a story names (the export's `people`),
//! found with its quotes by the same reading.

use serde::{Serialize, Serializer};

/// Whether a name is a person's or an organisation's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum NameKind {
    /// Someone: `Marco Rubio`.
    Person,
    /// A body that speaks as one: `Kenya Wildlife Service`, `US military`.
    Organisation,
}

impl NameKind {
    /// As the export and the command line write it.
    pub fn name(self) -> &'static str {
        match self {
            NameKind::Person => "person",
            NameKind::Organisation => "organisation",
        }
    }
}

/// Someone a story names: the fullest form of the name it uses (titles
/// cut off: `Secretary of State Marco Rubio` is `Marco Rubio`), how often,
/// and which of its quotes are theirs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Named {
    /// The fullest form of the name the story uses.
    pub name: String,
    /// Person or organisation.
    pub kind: NameKind,
    /// Times the narration names them (quotes excluded).
    pub mentions: usize,
    /// Their quotes, by index in `Story::quotes`; the export gives the
    /// count.
    #[serde(serialize_with = "count")]
    pub quotes: Vec<usize>,
}

fn count<S: Serializer>(quotes: &[usize], serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_u64(quotes.len() as u64)
}
