//! Default key bindings as data: `(context, keys, action, description)`.
//! Key handling, the help screen and the status-bar hints are all generated
//! from this one table.

use crate::keys::Action;
pub use crate::keys::Key;

/// Where a binding applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Context {
    /// Everywhere, typing included.
    Global,
    /// The story list has focus.
    List,
    /// The reading pane has focus.
    Reader,
    /// The tag picker is open.
    Picker,
    /// The search line is open.
    Search,
    /// The help overlay is open.
    Help,
    /// The list of a story's links is open.
    Links,
    /// The people pane is open at its list of people (typing narrows).
    People,
    /// The people pane is open at one person's quotes.
    PersonQuotes,
}

impl Context {
    /// Where characters not bound are typed text.
    pub fn is_typing(self) -> bool {
        matches!(self, Context::Picker | Context::Search | Context::People)
    }

    pub fn title(self) -> &'static str {
        match self {
            Context::Global => "Anywhere",
            Context::List => "Story list",
            Context::Reader => "Reader",
            Context::Picker => "Tag picker",
            Context::Search => "Search",
            Context::Help => "Help",
            Context::Links => "Links",
            Context::People => "People",
            Context::PersonQuotes => "A person's quotes",
        }
    }
}

/// One row of the keymap.
#[derive(Debug, Clone)]
pub struct Binding {
    pub context: Context,
    pub keys: Vec<Key>,
    pub action: Action,
    pub description: &'static str,
}

/// The default bindings, in the order the help screen shows them.
#[rustfmt::skip]
const DEFAULTS: &[(Context, &[&str], Action, &str)] = &[
    (Context::Global, &["Ctrl-c"], Action::Quit, "quit"),
    (Context::Global, &["Ctrl-z"], Action::Suspend, "suspend to the shell (fg returns)"),
    (Context::List, &["q"], Action::Quit, "quit"),
    (Context::List, &["?"], Action::ToggleHelp, "show or hide this help"),
    (Context::List, &["j", "Down"], Action::Down, "next story"),
    (Context::List, &["k", "Up"], Action::Up, "previous story"),
    (Context::List, &["Enter", "l", "Right"], Action::Open, "open the story in the reader"),
    (Context::List, &["g", "Home"], Action::Top, "first story"),
    (Context::List, &["G", "End"], Action::Bottom, "last story"),
    (Context::List, &["Space", "PgDn"], Action::PageDown, "page down"),
    (Context::List, &["b", "PgUp"], Action::PageUp, "page up"),
    (Context::List, &["]"], Action::NextQuote, "open the story at its first quote"),
    (Context::List, &["["], Action::PrevQuote, "open the story at its last quote"),
    (Context::List, &["t"], Action::OpenTagPicker, "filter by tag"),
    (Context::List, &["f"], Action::OpenSourcePicker, "filter by source"),
    (Context::List, &["/"], Action::OpenSearch, "search title, text and tags (word prefix)"),
    (Context::List, &["Tab", "Shift-Tab"], Action::SwitchFocus, "focus the reader"),
    (Context::List, &["s"], Action::ToggleStar, "star or unstar the story"),
    (Context::List, &["m"], Action::ToggleRead, "mark the story read or unread"),
    (Context::List, &["u"], Action::UnreadOnly, "show only unread stories, or all"),
    (Context::List, &["*"], Action::StarredOnly, "show only starred stories, or all"),
    (Context::List, &["Esc"], Action::ClearFilters, "clear every filter"),
    (Context::List, &["S"], Action::CycleSort, "sort by newest, oldest, source or title"),
    (Context::List, &["n"], Action::NextUnread, "open the next unread story"),
    (Context::List, &["z"], Action::ToggleCluster, "show an event's other sources, or fold them"),
    (Context::List, &["A"], Action::MarkAllRead, "mark all shown read (on an event: its stories)"),
    (Context::List, &["U"], Action::UndoMarkAll, "undo the last mark-all-read"),
    (Context::List, &["r"], Action::Fetch, "fetch new stories from your subscriptions"),
    (Context::List, &["p"], Action::OpenPeople, "people quoted in the stories shown"),
    (Context::Reader, &["q"], Action::Quit, "quit"),
    (Context::Reader, &["?"], Action::ToggleHelp, "show or hide this help"),
    (Context::Reader, &["j", "Down"], Action::Down, "scroll down a line"),
    (Context::Reader, &["k", "Up"], Action::Up, "scroll up a line"),
    (Context::Reader, &["g", "Home"], Action::Top, "top of the story"),
    (Context::Reader, &["G", "End"], Action::Bottom, "end of the story"),
    (Context::Reader, &["Space", "PgDn"], Action::PageDown, "page down"),
    (Context::Reader, &["b", "PgUp"], Action::PageUp, "page up"),
    (Context::Reader, &["]"], Action::NextQuote, "next quote"),
    (Context::Reader, &["["], Action::PrevQuote, "previous quote"),
    (Context::Reader, &["n"], Action::NextMatch, "next search match (no search: next unread story)"),
    (Context::Reader, &["N"], Action::PrevMatch, "previous search match"),
    (Context::Reader, &["t"], Action::OpenTagPicker, "filter by tag"),
    (Context::Reader, &["/"], Action::OpenSearch, "search"),
    (Context::Reader, &["o"], Action::OpenUrl, "open the story's web page in the browser"),
    (Context::Reader, &["L"], Action::ShowLinks, "list the story's links to open one"),
    (Context::Reader, &["F"], Action::FullText, "fetch the story's web page for its whole text"),
    (Context::Reader, &["p"], Action::OpenPeople, "people quoted in the stories shown"),
    (Context::Reader, &["y"], Action::CopyQuote, "copy the quote with its citation"),
    (Context::Reader, &["s"], Action::ToggleStar, "star or unstar the story"),
    (Context::Reader, &["m"], Action::ToggleRead, "mark the story read or unread"),
    (Context::Reader, &["r"], Action::Fetch, "fetch new stories from your subscriptions"),
    (Context::Reader, &["Esc", "h", "Left"], Action::Back, "back to the story list"),
    (Context::Reader, &["Tab", "Shift-Tab"], Action::SwitchFocus, "focus the story list"),
    (Context::Picker, &["Enter"], Action::Submit, "apply the tags and return to the list"),
    (Context::Picker, &["Space"], Action::PickerToggle, "add or remove the tag and stay"),
    (Context::Picker, &["Down", "Ctrl-n", "Tab"], Action::Down, "next tag"),
    (Context::Picker, &["Up", "Ctrl-p", "Shift-Tab"], Action::Up, "previous tag"),
    (Context::Picker, &["Backspace"], Action::DeleteBack, "delete a character"),
    (Context::Picker, &["Esc"], Action::Cancel, "close, leaving the filter unchanged"),
    (Context::Search, &["Enter"], Action::Submit, "keep the search and return to the list"),
    (Context::Search, &["Backspace"], Action::DeleteBack, "delete a character"),
    (Context::Search, &["Esc"], Action::Cancel, "cancel the search"),
    (Context::People, &["Enter"], Action::Submit, "list the person's quotes"),
    (Context::People, &["Ctrl-f"], Action::FilterByPerson, "show only the stories where they speak"),
    (Context::People, &["Down", "Ctrl-n", "Tab"], Action::Down, "next person"),
    (Context::People, &["Up", "Ctrl-p", "Shift-Tab"], Action::Up, "previous person"),
    (Context::People, &["PgDn"], Action::PageDown, "page down"),
    (Context::People, &["PgUp"], Action::PageUp, "page up"),
    (Context::People, &["Backspace"], Action::DeleteBack, "delete a character"),
    (Context::People, &["Esc"], Action::Cancel, "close"),
    (Context::PersonQuotes, &["Enter", "l", "Right"], Action::Submit, "open the story at the quote"),
    (Context::PersonQuotes, &["j", "Down"], Action::Down, "next quote"),
    (Context::PersonQuotes, &["k", "Up"], Action::Up, "previous quote"),
    (Context::PersonQuotes, &["Space", "PgDn"], Action::PageDown, "page down"),
    (Context::PersonQuotes, &["b", "PgUp"], Action::PageUp, "page up"),
    (Context::PersonQuotes, &["f"], Action::FilterByPerson, "show only the stories where they speak"),
    (Context::PersonQuotes, &["y"], Action::CopyQuote, "copy the quote with its citation"),
    (Context::PersonQuotes, &["Esc", "h", "Left"], Action::Back, "back to the people"),
    (Context::PersonQuotes, &["q"], Action::Cancel, "close"),
    (Context::Links, &["Enter", "o"], Action::Submit, "open the link in the browser"),
    (Context::Links, &["j", "Down"], Action::Down, "next link"),
    (Context::Links, &["k", "Up"], Action::Up, "previous link"),
    (Context::Links, &["Esc", "q"], Action::Cancel, "close the list"),
    (Context::Help, &["?", "Esc", "q"], Action::ToggleHelp, "close the help"),
    (Context::Help, &["j", "Down"], Action::Down, "scroll down"),
    (Context::Help, &["k", "Up"], Action::Up, "scroll up"),
];

/// The bindings in force.
#[derive(Debug, Clone)]
pub struct Keymap {
    pub bindings: Vec<Binding>,
}

impl Default for Keymap {
    fn default() -> Keymap {
        let bindings = DEFAULTS
            .iter()
            .map(|(context, keys, action, description)| Binding {
                context: *context,
                keys: keys.iter().filter_map(|k| Key::parse(k)).collect(),
                action: *action,
                description,
            })
            .collect();
        Keymap { bindings }
    }
}

/// The only actions rebound where text is typed (picker, search line), so
/// that binding `j` to `down` does not stop `j` being typed there.
const TYPING_ACTIONS: [Action; 5] =
    [Action::Submit, Action::Cancel, Action::PickerToggle, Action::DeleteBack, Action::FilterByPerson];

impl Keymap {
    /// The defaults with the user's bindings: each action given new keys
    /// loses its old ones, and the new keys are taken from any other action
    /// in the same place.
    pub fn with_overrides(mut self, overrides: &[(Action, Vec<Key>)]) -> Keymap {
        for (action, keys) in overrides {
            let mut contexts = Vec::new();
            for binding in self.bindings.iter_mut().filter(|b| &b.action == action) {
                let typing = binding.context.is_typing();
                if typing && !TYPING_ACTIONS.contains(action) {
                    continue;
                }
                binding.keys = keys.clone();
                contexts.push(binding.context);
            }
            for binding in self.bindings.iter_mut() {
                if &binding.action != action && contexts.contains(&binding.context) {
                    binding.keys.retain(|k| !keys.contains(k));
                }
            }
        }
        self
    }

    /// The action bound to `key` in `context`; global bindings apply in
    /// every context.
    pub fn action(&self, context: Context, key: Key) -> Option<Action> {
        let lookup = |ctx: Context| {
            self.bindings.iter().find(|b| b.context == ctx && b.keys.contains(&key)).map(|b| b.action)
        };
        lookup(context).or_else(|| lookup(Context::Global))
    }

    /// The first key bound to `action` in `context`, for hints.
    pub fn key_for(&self, context: Context, action: &Action) -> Option<Key> {
        self.bindings
            .iter()
            .find(|b| b.context == context && &b.action == action)
            .and_then(|b| b.keys.first().copied())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

    #[test]
    fn keys_parse_and_print_back() {
        for text in ["j", "G", "?", "Enter", "Esc", "Ctrl-c", "Shift-Tab", "PgDn", "Space", "]"] {
            assert_eq!(Key::parse(text).unwrap().to_string(), text);
        }
        assert_eq!(Key::parse("shift-g"), Key::parse("G"));
        assert_eq!(Key::parse("pagedown"), Key::parse("PgDn"));
        assert_eq!(Key::parse("jj"), None);
    }

    #[test]
    fn terminal_events_fold_shift_into_characters() {
        let event = KeyEvent::new(KeyCode::Char('G'), KeyModifiers::SHIFT);
        assert_eq!(Key::from_event(event), Key::parse("G").unwrap());
        let event = KeyEvent::new(KeyCode::BackTab, KeyModifiers::SHIFT);
        assert_eq!(Key::from_event(event), Key::parse("Shift-Tab").unwrap());
    }

    #[test]
    fn every_default_key_parses() {
        for (_, keys, _, _) in DEFAULTS {
            for key in *keys {
                assert!(Key::parse(key).is_some(), "{key}");
            }
        }
    }

    #[test]
    fn overrides_replace_keys_and_take_them_from_other_actions() {
        let key = |k: &str| Key::parse(k).unwrap();
        let map = Keymap::default().with_overrides(&[(Action::Down, vec![key("n")])]);
        assert_eq!(map.action(Context::List, key("n")), Some(Action::Down));
        assert_eq!(map.action(Context::List, key("j")), None);
        assert_eq!(map.action(Context::Reader, key("n")), Some(Action::Down), "n no longer means next match");
        assert_eq!(
            map.action(Context::Picker, key("Down")),
            Some(Action::Down),
            "typing places keep their keys"
        );
        assert_eq!(map.action(Context::Picker, key("n")), None);
    }

    #[test]
    fn context_bindings_come_before_global_ones() {
        let map = Keymap::default();
        let j = Key::parse("j").unwrap();
        assert_eq!(map.action(Context::List, j), Some(Action::Down));
        assert_eq!(map.action(Context::Search, j), None);
        assert_eq!(map.action(Context::Search, Key::parse("Ctrl-c").unwrap()), Some(Action::Quit));
    }
}
