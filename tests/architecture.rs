//! The architecture, checked: the top-level modules of each crate are
//! layered (a module uses only modules of lower layers, so there is no
//! import cycle), no file is attached with `#[path]`, and the engine
//! depends on no terminal, argument parser or `anyhow`. The layers are the
//! ones `ARCHITECTURE.md` describes; a new module must be given one here.

#![allow(clippy::unwrap_used)]

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

/// The engine's top-level modules by layer, lowest first.
const ENGINE: &[&[&str]] = &[
    &["atomic_file", "bitset", "crash", "error", "name_match", "parallel", "toml_file"],
    &["model"],
    &["parse", "search_index", "state"],
    &["clusters"],
    &["people"],
    &["library"],
    &["cache"],
    &["filter", "load"],
    &["feeds"],
];

/// The application's top-level modules by layer (`main.rs` sits above all;
/// `args`, the command line clap reads, is the binary's own).
const APP: &[&[&str]] = &[&["columns", "dates", "keys", "opener"], &["config"], &["cli", "tui"], &["args"]];

/// Every `.rs` file under `dir`, recursively.
fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files.extend(rust_files(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            files.push(path);
        }
    }
    files
}

/// The top-level module a file belongs to (`parse` for
/// `engine/src/parse/quotes.rs`), `None` for the crate root and `main.rs`.
fn module_of(src: &Path, file: &Path) -> Option<String> {
    let first = file.strip_prefix(src).unwrap().components().next()?;
    let name = first.as_os_str().to_str()?.trim_end_matches(".rs").to_string();
    (name != "lib" && name != "main").then_some(name)
}

/// Whether a file holds only tests (`tests.rs`, or under a `tests/` folder).
fn is_test_file(src: &Path, file: &Path) -> bool {
    file.file_name().is_some_and(|n| n == "tests.rs")
        || file.strip_prefix(src).unwrap().components().any(|c| c.as_os_str() == "tests")
}

/// The crate's own modules a text uses (`crate::library::Library` ->
/// `library`), test modules at the bottom of the file left out.
fn uses(text: &str) -> Vec<String> {
    let code = text.split("\n#[cfg(test)]").next().unwrap_or(text);
    let mut found = Vec::new();
    for (at, _) in code.match_indices("crate::") {
        if code[..at].ends_with(|c: char| c.is_alphanumeric() || c == '_' || c == ':') {
            continue; // `byline_engine::...` from the app, or `$crate`
        }
        let name: String = code[at + 7..]
            .chars()
            .take_while(|c| c.is_ascii_lowercase() || *c == '_' || c.is_ascii_digit())
            .collect();
        if !name.is_empty() {
            found.push(name);
        }
    }
    found
}

/// module -> the modules it uses, for one crate's `src`.
fn graph(src: &Path) -> BTreeMap<String, Vec<(String, PathBuf)>> {
    let mut graph: BTreeMap<String, Vec<(String, PathBuf)>> = BTreeMap::new();
    for file in rust_files(src) {
        let Some(module) = module_of(src, &file) else { continue };
        if is_test_file(src, &file) {
            continue;
        }
        let text = fs::read_to_string(&file).unwrap();
        let entry = graph.entry(module.clone()).or_default();
        for used in uses(&text) {
            if used != module {
                entry.push((used, file.clone()));
            }
        }
    }
    graph
}

fn check_layers(src: &str, layers: &[&[&str]]) {
    let layer_of = |m: &str| layers.iter().position(|l| l.contains(&m));
    let graph = graph(Path::new(src));
    let mut wrong = Vec::new();
    for (module, used) in &graph {
        let Some(mine) = layer_of(module) else {
            wrong.push(format!("{src}: module `{module}` has no layer in tests/architecture.rs"));
            continue;
        };
        for (other, file) in used {
            match layer_of(other) {
                Some(theirs) if theirs < mine => {}
                _ => wrong.push(format!("{}: `{module}` uses `{other}`, not a lower layer", file.display())),
            }
        }
    }
    wrong.sort();
    wrong.dedup();
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn the_engine_is_layered_without_cycles() {
    check_layers("engine/src", ENGINE);
}

#[test]
fn the_application_is_layered_without_cycles() {
    check_layers("src", APP);
}

#[test]
fn no_file_is_attached_with_a_path_attribute() {
    for src in ["src", "engine/src"] {
        for file in rust_files(Path::new(src)) {
            let text = fs::read_to_string(&file).unwrap();
            assert!(!text.contains("#[path"), "{} attaches a file with #[path]", file.display());
        }
    }
}

#[test]
fn the_engine_depends_on_no_terminal_argument_parser_or_anyhow() {
    let manifest = fs::read_to_string("engine/Cargo.toml").unwrap();
    let dependencies = manifest.split("[dependencies]").nth(1).unwrap().split("\n[").next().unwrap();
    for banned in ["ratatui", "crossterm", "clap", "anyhow", "signal-hook"] {
        assert!(
            !dependencies.lines().any(|l| l.trim_start().starts_with(banned)),
            "the engine must not depend on {banned}"
        );
    }
}

#[test]
fn the_layer_check_sees_a_use_and_ignores_tests_and_other_crates() {
    let text = "use crate::library::Library;\nfn f() { byline_engine::crate::x(); crate::model::Story::new(); }\n\
                #[cfg(test)]\nmod tests { use crate::feeds; }";
    assert_eq!(uses(text), ["library", "model"]);
}
