//! Everything a user can do (`Action`) and what the event loop must do
//! afterwards (`Effect`). Actions that keys can be bound to have a
//! snake_case name, used by the `keys` table of the config file.

/// Everything a user can do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// Leave byline.
    Quit,
    /// Give the terminal back to the shell until `fg` (Ctrl-Z).
    Suspend,
    /// Show or hide the key help.
    ToggleHelp,
    /// Next story, or scroll the reader down a line.
    Down,
    /// Previous story, or scroll the reader up a line.
    Up,
    /// First story, or the top of the story.
    Top,
    /// Last story, or the end of the story.
    Bottom,
    /// A page further down.
    PageDown,
    /// A page further up.
    PageUp,
    /// Open the selected story in the reader.
    Open,
    /// Back from the reader to the story list.
    Back,
    /// Move focus between the list and the reader.
    SwitchFocus,
    /// Jump to the next quote (from the list: open at the first quote).
    NextQuote,
    /// Jump to the previous quote (from the list: open at the last quote).
    PrevQuote,
    /// Jump to the next search match in the reader.
    NextMatch,
    /// Jump to the previous search match in the reader.
    PrevMatch,
    /// Open the tag picker.
    OpenTagPicker,
    /// Open the search line.
    OpenSearch,
    /// Clear every filter.
    ClearFilters,
    /// Star the story, or unstar it.
    ToggleStar,
    /// Mark the story read, or unread.
    ToggleRead,
    /// Show only unread stories, or all again.
    UnreadOnly,
    /// Show only starred stories, or all again.
    StarredOnly,
    /// Fetch every subscription in the background.
    Fetch,
    /// Open the story's web page in the browser.
    OpenUrl,
    /// List the story's links to open one.
    ShowLinks,
    /// In the tag picker: add or remove the highlighted tag and stay.
    PickerToggle,
    /// Apply what the picker or search line holds.
    Submit,
    /// Close the picker or search line, changing nothing.
    Cancel,
    /// Type a character into the picker or search line.
    Insert(char),
    /// Delete the last typed character.
    DeleteBack,
    /// The terminal now has this many columns and rows.
    Resize(u16, u16),
    /// The mouse wheel turned over a cell (`down` towards the end).
    Scroll { column: u16, row: u16, down: bool },
    /// The mouse clicked a cell.
    Click { column: u16, row: u16 },
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

/// Actions that keys can be bound to, by their config name.
#[rustfmt::skip]
pub const NAMED: &[(&str, Action)] = &[
    ("quit", Action::Quit), ("suspend", Action::Suspend), ("toggle_help", Action::ToggleHelp), ("down", Action::Down),
    ("up", Action::Up), ("top", Action::Top), ("bottom", Action::Bottom),
    ("page_down", Action::PageDown), ("page_up", Action::PageUp), ("open", Action::Open),
    ("back", Action::Back), ("switch_focus", Action::SwitchFocus), ("next_quote", Action::NextQuote),
    ("prev_quote", Action::PrevQuote), ("next_match", Action::NextMatch), ("prev_match", Action::PrevMatch),
    ("open_tag_picker", Action::OpenTagPicker), ("open_search", Action::OpenSearch),
    ("clear_filters", Action::ClearFilters), ("toggle_star", Action::ToggleStar),
    ("toggle_read", Action::ToggleRead), ("unread_only", Action::UnreadOnly),
    ("starred_only", Action::StarredOnly), ("fetch", Action::Fetch), ("open_url", Action::OpenUrl), ("show_links", Action::ShowLinks), ("picker_toggle", Action::PickerToggle),
    ("submit", Action::Submit), ("cancel", Action::Cancel), ("delete_back", Action::DeleteBack),
];

impl Action {
    /// The action called `name` in the config file.
    pub fn from_name(name: &str) -> Option<Action> {
        NAMED.iter().find(|(n, _)| *n == name).map(|(_, a)| a.clone())
    }

    /// The config name of a bindable action.
    pub fn name(&self) -> Option<&'static str> {
        NAMED.iter().find(|(_, a)| a == self).map(|(n, _)| *n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for (name, action) in NAMED {
            assert_eq!(Action::from_name(name).as_ref(), Some(action));
            assert_eq!(action.name(), Some(*name));
        }
        assert_eq!(Action::from_name("jump"), None);
    }
}
