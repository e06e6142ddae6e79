//! The tag and source pickers: typing narrows the list; for tags the typed
//! text itself is offered first as a name filter, and the people and
//! organisations the stories name follow the tags; Space collects several.

use byline_engine::filter::TagFilter;
use byline_engine::library::Library;
use byline_engine::model::NameKind;
use byline_engine::people::Person;

/// One row of the picker. A source is an exact name, like a tag picked
/// from the list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PickerItem {
    pub filter: TagFilter,
    /// Stories the item would let through.
    pub stories: usize,
    /// Of those, unread (shown for sources).
    pub unread: Option<usize>,
}

/// What a picker picks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PickerKind {
    Tags,
    Sources,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Picker {
    pub kind: PickerKind,
    pub input: String,
    pub items: Vec<PickerItem>,
    pub selected: usize,
    /// Tags collected with Space (and those already in the filter).
    pub chosen: Vec<TagFilter>,
    /// The people and organisations named, people first, each most named
    /// first: counted once when the picker opens or stories' people
    /// arrive, not per key.
    facets: Vec<Person>,
}

impl Picker {
    pub fn new(library: &Library, chosen: Vec<TagFilter>) -> Picker {
        Picker::of(PickerKind::Tags, library, chosen)
    }

    /// A source picker, with the sources already in the filter chosen.
    pub fn sources(library: &Library, chosen: &[String]) -> Picker {
        Picker::of(PickerKind::Sources, library, chosen.iter().cloned().map(TagFilter::Exact).collect())
    }

    fn of(kind: PickerKind, library: &Library, chosen: Vec<TagFilter>) -> Picker {
        let mut picker =
            Picker { kind, input: String::new(), items: Vec::new(), selected: 0, chosen, facets: Vec::new() };
        picker.count_facets(library);
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
        self.count_facets(library);
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
        if self.kind == PickerKind::Sources {
            items.extend(library.sources().iter().filter(|s| s.name.to_lowercase().contains(&lower)).map(
                |s| {
                    let unread = Some(library.unread_in(&s.stories));
                    PickerItem { filter: TagFilter::Exact(s.name.clone()), stories: s.stories.len(), unread }
                },
            ));
            self.items = items;
            self.selected = 0;
            return;
        }
        if !typed.is_empty() {
            let stories = library.tagged(typed).count();
            items.push(PickerItem { filter: TagFilter::Name(typed.to_string()), stories, unread: None });
        }
        items.extend(
            library.tags().iter().filter(|t| lower.is_empty() || t.name.to_lowercase().contains(&lower)).map(
                |t| PickerItem {
                    filter: TagFilter::Exact(t.name.clone()),
                    stories: t.stories.len(),
                    unread: None,
                },
            ),
        );
        items.extend(
            self.facets.iter().filter(|p| lower.is_empty() || p.name.to_lowercase().contains(&lower)).map(
                |p| PickerItem {
                    filter: TagFilter::Named(p.name.to_string(), p.kind),
                    stories: p.stories,
                    unread: None,
                },
            ),
        );
        self.items = items;
        self.selected = 0;
    }

    /// The people and organisations of the library's people index, as far
    /// as it is built.
    fn count_facets(&mut self, library: &Library) {
        if self.kind != PickerKind::Tags {
            return;
        }
        let mut facets = library.people().rows(None, false);
        facets.sort_by(|a, b| {
            let rank = |p: &Person| (p.kind != NameKind::Person, std::cmp::Reverse(p.stories));
            rank(a).cmp(&rank(b)).then_with(|| a.name.cmp(&b.name))
        });
        self.facets = facets;
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
