//! Keys and the actions they are bound to, as a user writes them in
//! `config.toml` (`next_quote = ["n", "Ctrl-n"]`): both are read from their
//! names once, when the config is read, and compared as values after.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use serde::{Deserialize, Deserializer};

/// Everything a user can do with a key. The config's `[keys]` table names
/// them in snake_case (`next_quote`); that name is the variant's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
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
    /// Open the source picker.
    OpenSourcePicker,
    /// Open the search line.
    OpenSearch,
    /// Clear every filter.
    ClearFilters,
    /// Sort the list the next way: newest, oldest, source, title.
    CycleSort,
    /// Open the next unread story, wrapping to the top.
    NextUnread,
    /// Mark every story shown (after the filters) read; on a cluster's
    /// row, every story of that event.
    MarkAllRead,
    /// Undo the last `mark_all_read`.
    UndoMarkAll,
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
    /// Fetch the story's web page and read its whole text.
    FullText,
    /// In the tag picker: add or remove the highlighted tag and stay.
    PickerToggle,
    /// Apply what the picker or search line holds.
    Submit,
    /// Close the picker or search line, changing nothing.
    Cancel,
    /// Delete the last typed character.
    DeleteBack,
    /// Open the people pane: everyone quoted in the stories shown.
    OpenPeople,
    /// In the people pane: show only the stories where the highlighted
    /// person speaks.
    FilterByPerson,
    /// Copy the quote with its citation to the clipboard (OSC 52).
    CopyQuote,
    /// List a cluster's stories under its row, or fold them away.
    ToggleCluster,
}

impl Action {
    /// Read an action from its config name, with the error a user sees:
    /// `unknown action `jump`, expected one of quit, suspend, ...`.
    fn from_config_name<E: serde::de::Error>(name: &str) -> Result<Action, E> {
        use serde::de::IntoDeserializer;
        let named: Result<Action, serde::de::value::Error> = Action::deserialize(name.into_deserializer());
        named.map_err(|err| {
            // serde lists the names it knows: `expected one of `quit`, ...`.
            let text = err.to_string();
            let names = text.split_once("expected one of ").map_or("", |(_, names)| names).replace('`', "");
            E::custom(format!("unknown action `{name}`, expected one of {names}"))
        })
    }
}

/// A key with its modifiers, comparable with terminal events.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key {
    pub code: KeyCode,
    pub modifiers: KeyModifiers,
}

impl Key {
    /// The key as the terminal reports it, with Shift folded into the
    /// character (`G`, not `Shift-g`) so bindings read naturally.
    pub fn from_event(event: KeyEvent) -> Key {
        let mut modifiers =
            event.modifiers & (KeyModifiers::CONTROL | KeyModifiers::ALT | KeyModifiers::SHIFT);
        let code = match event.code {
            KeyCode::Char(c) => {
                modifiers.remove(KeyModifiers::SHIFT);
                KeyCode::Char(c)
            }
            KeyCode::BackTab => {
                modifiers.remove(KeyModifiers::SHIFT);
                KeyCode::BackTab
            }
            other => other,
        };
        Key { code, modifiers }
    }

    /// Parse `j`, `G`, `Enter`, `Ctrl-c`, `Shift-Tab`, `PgDn`, `Space`, `?`.
    pub fn parse(text: &str) -> Option<Key> {
        let mut modifiers = KeyModifiers::NONE;
        let mut rest = text;
        loop {
            let lower = rest.to_ascii_lowercase();
            let (prefix, flag) = if lower.starts_with("ctrl-") {
                (5, KeyModifiers::CONTROL)
            } else if lower.starts_with("alt-") {
                (4, KeyModifiers::ALT)
            } else if lower.starts_with("shift-") && rest.len() > 6 {
                (6, KeyModifiers::SHIFT)
            } else {
                break;
            };
            modifiers |= flag;
            rest = &rest[prefix..];
        }
        let code = match rest.to_ascii_lowercase().as_str() {
            "enter" | "return" => KeyCode::Enter,
            "esc" | "escape" => KeyCode::Esc,
            "tab" if modifiers.contains(KeyModifiers::SHIFT) => {
                modifiers.remove(KeyModifiers::SHIFT);
                KeyCode::BackTab
            }
            "tab" => KeyCode::Tab,
            "backtab" => KeyCode::BackTab,
            "space" => KeyCode::Char(' '),
            "backspace" => KeyCode::Backspace,
            "up" => KeyCode::Up,
            "down" => KeyCode::Down,
            "left" => KeyCode::Left,
            "right" => KeyCode::Right,
            "home" => KeyCode::Home,
            "end" => KeyCode::End,
            "pgdn" | "pagedown" => KeyCode::PageDown,
            "pgup" | "pageup" => KeyCode::PageUp,
            "delete" | "del" => KeyCode::Delete,
            _ => {
                let mut chars = rest.chars();
                let c = chars.next()?;
                if chars.next().is_some() {
                    return None;
                }
                let c = if modifiers.contains(KeyModifiers::SHIFT) { c.to_ascii_uppercase() } else { c };
                modifiers.remove(KeyModifiers::SHIFT);
                KeyCode::Char(c)
            }
        };
        Some(Key { code, modifiers })
    }
}

impl std::fmt::Display for Key {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.modifiers.contains(KeyModifiers::CONTROL) {
            f.write_str("Ctrl-")?;
        }
        if self.modifiers.contains(KeyModifiers::ALT) {
            f.write_str("Alt-")?;
        }
        match self.code {
            KeyCode::Char(' ') => f.write_str("Space"),
            KeyCode::Char(c) => write!(f, "{c}"),
            KeyCode::Enter => f.write_str("Enter"),
            KeyCode::Esc => f.write_str("Esc"),
            KeyCode::Tab => f.write_str("Tab"),
            KeyCode::BackTab => f.write_str("Shift-Tab"),
            KeyCode::Backspace => f.write_str("Backspace"),
            KeyCode::Up => f.write_str("Up"),
            KeyCode::Down => f.write_str("Down"),
            KeyCode::Left => f.write_str("Left"),
            KeyCode::Right => f.write_str("Right"),
            KeyCode::Home => f.write_str("Home"),
            KeyCode::End => f.write_str("End"),
            KeyCode::PageDown => f.write_str("PgDn"),
            KeyCode::PageUp => f.write_str("PgUp"),
            KeyCode::Delete => f.write_str("Delete"),
            other => write!(f, "{other:?}"),
        }
    }
}

impl Key {
    /// Read a key from the config, with the error a user sees.
    fn from_config<E: serde::de::Error>(text: &str) -> Result<Key, E> {
        Key::parse(text).ok_or_else(|| {
            E::custom(format!(
                "unknown key `{text}`, expected a character or a name such as Enter, Esc, Tab, Space, Up, PgDn, Ctrl-x"
            ))
        })
    }
}

impl<'de> Deserialize<'de> for Key {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Key::from_config(&String::deserialize(d)?)
    }
}

/// An action name as a key of the config's `[keys]` table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct ActionName(pub Action);

impl<'de> Deserialize<'de> for ActionName {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let name = String::deserialize(d)?;
        Action::from_config_name(&name).map(ActionName)
    }
}

/// One key (`"j"`) or several (`["j", "Down"]`), each read as a [`Key`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyList(pub Vec<Key>);

impl<'de> Deserialize<'de> for KeyList {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum OneOrMany {
            One(String),
            Many(Vec<String>),
        }
        let texts = match OneOrMany::deserialize(d).map_err(|_| {
            serde::de::Error::custom("expected a key such as \"j\" or a list such as [\"j\", \"Down\"]")
        })? {
            OneOrMany::One(key) => vec![key],
            OneOrMany::Many(keys) => keys,
        };
        texts.iter().map(|text| Key::from_config(text)).collect::<Result<Vec<_>, _>>().map(KeyList)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn action(name: &str) -> Result<ActionName, toml::de::Error> {
        toml::from_str::<std::collections::BTreeMap<ActionName, u8>>(&format!("{name} = 1"))
            .map(|m| *m.keys().next().unwrap())
    }

    #[test]
    fn actions_are_read_by_their_snake_case_names() {
        assert_eq!(action("next_quote").unwrap(), ActionName(Action::NextQuote));
        assert_eq!(action("open_tag_picker").unwrap(), ActionName(Action::OpenTagPicker));
        let err = action("jump").unwrap_err().to_string();
        assert!(err.contains("unknown action `jump`, expected one of quit, suspend, toggle_help"), "{err}");
        assert!(!err.contains("`quit`"), "names are listed plainly: {err}");
    }
}
