//! Config tests: defaults, every setting, and each kind of mistake.

use super::*;

fn error(text: &str) -> ConfigError {
    Config::parse(text, "config.toml").unwrap_err()
}

#[test]
fn an_empty_file_means_the_defaults() {
    assert_eq!(Config::parse("", "c").unwrap(), Config::default());
}

#[test]
fn the_printed_default_file_parses_to_the_defaults() {
    assert_eq!(Config::parse(DEFAULT_FILE, "c").unwrap(), Config::default());
}

#[test]
fn the_default_file_with_every_line_uncommented_is_valid() {
    let uncommented: String = DEFAULT_FILE
        .lines()
        .map(|l| {
            let rest = l.strip_prefix("# ").unwrap_or(l);
            // Only setting lines (name = value) are uncommented.
            if rest.contains(" = ") && !rest.starts_with(['A', 'K', 'C', 'F', 'W']) { rest } else { l }
        })
        .collect::<Vec<_>>()
        .join("\n");
    let config = Config::parse(&uncommented, "c").unwrap();
    assert_eq!(config.wrap_width, Some(100));
    assert_eq!(config.layout.list_width, Percent(40));
    assert_eq!(config.keys.len(), 2);
    assert_eq!(config.theme.selected, Some(Colour(ratatui::style::Color::Blue)));
    assert_eq!(config.library.len(), 2);
}

#[test]
fn every_setting_is_read() {
    let config = Config::parse(
        r##"
library = ["~/news"]
wrap_width = 72
fetch_on_start = true
fetch_jobs = 3
fetch_timeout_secs = 5
fetch_retries = 0
max_response_mib = 1
[layout]
list_width = 30
tag_picker = "panel"
[theme]
quote = "#ff8800"
[keys]
quit = ["x", "Ctrl-q"]
"##,
        "c",
    )
    .unwrap();
    assert_eq!(config.wrap_width, Some(72));
    assert!(config.fetch_on_start);
    assert_eq!(config.fetch_jobs(), 3);
    let limits = config.fetch_limits();
    assert_eq!((limits.timeout.as_secs(), limits.retries, limits.max_bytes), (5, 0, 1024 * 1024));
    assert_eq!(
        config.layout,
        LayoutConfig {
            list_width: Percent(30),
            tag_picker: PickerPlacement::Panel,
            ..LayoutConfig::default()
        }
    );
    assert_eq!(config.theme.quote, Some(Colour(ratatui::style::Color::Rgb(0xff, 0x88, 0x00))));
    assert_eq!(
        config.keys[&ActionName(crate::keys::Action::Quit)],
        KeyList(["x", "Ctrl-q"].iter().filter_map(|k| crate::keys::Key::parse(k)).collect())
    );
    assert!(config.library_paths()[0].ends_with("news"));
    assert!(!config.library_paths()[0].starts_with("~"));
}

#[test]
fn fetching_has_sensible_defaults_and_never_a_zero_limit() {
    let config = Config::default();
    assert!(!config.fetch_on_start, "nothing is fetched unless asked");
    assert_eq!(config.fetch_jobs(), 8);
    let limits = config.fetch_limits();
    assert_eq!((limits.timeout.as_secs(), limits.retries, limits.max_bytes), (30, 2, 32 * 1024 * 1024));
    for zero in ["fetch_jobs = 0", "fetch_timeout_secs = 0", "max_response_mib = 0"] {
        assert!(Config::parse(zero, "c").is_err(), "{zero} was accepted");
    }
}

#[test]
fn a_syntax_error_names_line_and_column() {
    let e = error("wrap_width = 80\n[layout\n");
    assert_eq!((e.line, e.column), (2, 8));
    assert!(e.to_string().starts_with("config.toml:2:8: "), "{e}");
}

#[test]
fn an_unknown_key_is_an_error() {
    let e = error("wrap_width = 80\ncolour = \"red\"\n");
    assert_eq!((e.line, e.column), (2, 1));
    assert!(e.message.contains("unknown field `colour`"), "{}", e.message);
    assert!(e.message.contains("expected"), "{}", e.message);
}

#[test]
fn an_unknown_action_is_an_error() {
    let e = error("[keys]\njump = \"J\"\n");
    assert_eq!((e.line, e.column), (2, 1));
    assert!(e.message.contains("unknown action `jump`, expected one of quit"), "{}", e.message);
}

#[test]
fn an_unknown_key_name_is_an_error() {
    let e = error("[keys]\nquit = [\"q\", \"Hyper-q\"]\n");
    assert_eq!(e.line, 2);
    assert!(e.message.contains("unknown key `Hyper-q`"), "{}", e.message);
}

#[test]
fn an_impossible_colour_is_an_error() {
    let e = error("[theme]\nquote = \"ultraviolet\"\n");
    assert_eq!((e.line, e.column), (2, 9));
    assert!(e.message.contains("impossible colour `ultraviolet`"), "{}", e.message);
}

#[test]
fn a_wrong_type_is_an_error() {
    let e = error("wrap_width = \"wide\"\n");
    assert_eq!(e.line, 1);
    assert!(e.message.contains("expected"), "{}", e.message);
}

#[test]
fn an_out_of_range_width_is_an_error() {
    let e = error("[layout]\nlist_width = 95\n");
    assert!(e.message.contains("expected 10 to 90"), "{}", e.message);
}

#[test]
fn a_missing_file_is_the_defaults_unless_it_was_named() {
    let missing = Path::new("/no/such/byline/config.toml");
    assert_eq!(Config::load(missing, false).unwrap(), Config::default());
    assert!(Config::load(missing, true).is_err());
}

#[test]
fn the_file_size_limit_is_in_mib_and_never_zero() {
    assert_eq!(Config::default().max_file_size(), 64 * 1024 * 1024);
    let raised = Config::parse("max_file_mib = 256\n", "c.toml").unwrap();
    assert_eq!(raised.max_file_size(), 256 * 1024 * 1024);
    let e = error("max_file_mib = 0\n");
    assert_eq!((e.line, e.column), (1, 16));
    assert!(e.message.contains("nonzero"), "{}", e.message);
}

#[test]
fn colours_are_read_by_name_hex_and_index() {
    let config =
        Config::parse("[theme]\nlist = \"light-blue\"\nselected = \"#102030\"\nquote = \"200\"\n", "c.toml")
            .unwrap();
    use ratatui::style::Color;
    assert_eq!(config.theme.list, Some(Colour(Color::LightBlue)));
    assert_eq!(config.theme.selected, Some(Colour(Color::Rgb(16, 32, 48))));
    assert_eq!(config.theme.quote, Some(Colour(Color::Indexed(200))));
}

#[test]
fn the_sort_order_is_read_by_name() {
    let config = Config::parse("sort = \"source\"\n", "c.toml").unwrap();
    assert_eq!(config.sort, byline_engine::library::SortOrder::Source);
    let e = error("sort = \"random\"\n");
    assert!(e.message.contains("unknown variant `random`"), "{}", e.message);
}

#[test]
fn the_lists_columns_are_chosen_by_name_and_keep_the_title() {
    let config = Config::parse("[layout]\ncolumns = [\"title\", \"date\"]\n", "c.toml").unwrap();
    assert_eq!(config.layout.columns, ListColumns(vec![ListColumn::Title, ListColumn::Date]));
    let e = error("[layout]\ncolumns = [\"date\", \"source\"]\n");
    assert!(e.message.contains("must include \"title\""), "{}", e.message);
    let e = error("[layout]\ncolumns = [\"title\", \"colour\"]\n");
    assert!(e.message.contains("unknown variant `colour`"), "{}", e.message);
}

#[test]
fn the_new_list_actions_can_be_bound_by_name() {
    let text = "[keys]\nnext_unread = \"J\"\nmark_all_read = \"Ctrl-a\"\nundo_mark_all = \"Ctrl-u\"\n\
                cycle_sort = \"o\"\nopen_source_picker = \"F\"\n";
    let config = Config::parse(text, "c.toml").unwrap();
    assert_eq!(config.keys.len(), 5);
}
