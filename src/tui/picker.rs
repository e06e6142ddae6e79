//! The tag picker: typing narrows the list of tags; the typed text itself is
//! always offered first as a name filter; Space collects several tags.

use byline_engine::filter::TagFilter;
use byline_engine::library::Library;

/// One row of the picker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PickerItem {
    pub filter: TagFilter,
    /// Stories the item would let through.
    pub stories: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Picker {
    pub input: String,
    pub items: Vec<PickerItem>,
    pub selected: usize,
    /// Tags collected with Space (and those already in the filter).
    pub chosen: Vec<TagFilter>,
}

impl Picker {
    pub fn new(library: &Library, chosen: Vec<TagFilter>) -> Picker {
        let mut picker = Picker { input: String::new(), items: Vec::new(), selected: 0, chosen };
        picker.refresh(library);
        picker
    }

    pub fn type_char(&mut self, c: char, library: &Library) {
        self.input.push(c);
        self.refresh(library);
    }

    pub fn delete_back(&mut self, library: &Library) {
        self.input.pop();
        self.refresh(library);
    }

    pub fn move_by(&mut self, delta: isize) {
        if self.items.is_empty() {
            return;
        }
        self.selected = self.selected.saturating_add_signed(delta).min(self.items.len() - 1);
    }

    /// Add the highlighted item to the chosen tags, or remove it.
    pub fn toggle(&mut self) {
        let Some(item) = self.items.get(self.selected) else { return };
        if let Some(at) = self.chosen.iter().position(|c| c == &item.filter) {
            self.chosen.remove(at);
        } else {
            self.chosen.push(item.filter.clone());
        }
    }

    /// The tags to filter by: those chosen, plus the highlighted one when
    /// the user typed or moved to one.
    pub fn result(&self) -> Vec<TagFilter> {
        let highlighted = (!self.input.trim().is_empty() || self.selected > 0)
            .then(|| self.items.get(self.selected).map(|i| i.filter.clone()))
            .flatten();
        merged_tags(self.chosen.clone(), highlighted)
    }

    /// New stories came: recount the rows, keeping the highlighted one.
    pub fn reload(&mut self, library: &Library) {
        let highlighted = self.items.get(self.selected).map(|i| i.filter.clone());
        self.refresh(library);
        if let Some(filter) = highlighted {
            self.selected = self.items.iter().position(|i| i.filter == filter).unwrap_or(0);
        }
    }

    /// Rebuild the rows for the typed text: the text as a name filter, then
    /// every tag whose name contains it, most used first.
    fn refresh(&mut self, library: &Library) {
        let typed = self.input.trim();
        let lower = typed.to_lowercase();
        let mut items = Vec::new();
        if !typed.is_empty() {
            let stories = library.tagged(typed).count();
            items.push(PickerItem { filter: TagFilter::Name(typed.to_string()), stories });
        }
        items.extend(
            library
                .tags()
                .iter()
                .filter(|t| lower.is_empty() || t.name.to_lowercase().contains(&lower))
                .map(|t| PickerItem { filter: TagFilter::Exact(t.name.clone()), stories: t.stories.len() }),
        );
        self.items = items;
        self.selected = 0;
    }
}

/// Picker tags to a filter: what was chosen, plus the highlighted item.
fn merged_tags(mut chosen: Vec<TagFilter>, highlighted: Option<TagFilter>) -> Vec<TagFilter> {
    if let Some(tag) = highlighted
        && !chosen.contains(&tag)
    {
        chosen.push(tag);
    }
    chosen
}
