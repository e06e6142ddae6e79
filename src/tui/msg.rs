//! What reaches the reader's state, and what the event loop must do
//! afterwards. `App::update(Msg) -> Vec<Effect>` is the one way the state
//! changes: a key's action, typed text, the terminal's size and mouse, and
//! each worker's reply (files found, a batch loaded, feeds fetched, the
//! state saved, a link opened) are all messages.

pub use crate::keys::Action;

/// Something that happened, for `App::update`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Msg {
    /// A key bound to this action was pressed.
    Action(Action),
    /// A character typed into the picker or search line.
    Insert(char),
    /// The terminal now has this many columns and rows.
    Resize(u16, u16),
    /// The mouse wheel turned over a cell (`down` towards the end).
    Scroll { column: u16, row: u16, down: bool },
    /// The mouse clicked a cell.
    Click { column: u16, row: u16 },
}

impl From<Action> for Msg {
    fn from(action: Action) -> Msg {
        Msg::Action(action)
    }
}

/// What the event loop must do after an update.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    Quit,
    /// Save, restore the terminal and stop until continued.
    Suspend,
    /// Read or starred marks changed: save the state (soon, coalesced).
    SaveState,
    /// Open this link in the browser.
    OpenLink(String),
    /// Start fetching every subscription in the background.
    Fetch,
}
