#!/usr/bin/env bash
# How long the reader takes to open the 100,000-story corpus: from start to
# the status bar counting every story with nothing loading. Cold
# (--no-cache) and warm (the parsed cache, written by an untimed run first).
#   bench/open.sh [RUNS] [BINARY]
# The reader runs in a pseudo-terminal whose screen is looked at only when
# output arrives (examples/open_until.rs). Until 2026-12-04 this polled
# `tmux capture-pane` every 5 ms, which took about 60 % of a core from the
# reader on a 2-core machine: figures taken that way are 15-30 % higher.
# WITH_STATE=1: keep marks (a state file of its own, empty) instead of
# --no-state, so story ids are worked out while loading as for a user.
# Make the corpus first:
#   cargo run --release --example gen_corpus -- --format text --stories 100000 --out /tmp/corpus100k
set -euo pipefail
source "$(dirname "$0")/reader.sh"
state_args=(--no-state)
[ -n "${WITH_STATE:-}" ] && state_args=()

# open_once ARGS...: milliseconds until loaded
open_once() { "$until" --loaded "$count" "$bin" "${state_args[@]}" "$@" "$corpus"; }

find -L "$corpus" -type f -exec cat {} + >/dev/null
cold=(); warm=()
for _ in $(seq "$runs"); do cold+=("$(open_once --no-cache)"); done
open_once >/dev/null   # writes the cache
sleep 2                # and lets it be written
for _ in $(seq "$runs"); do warm+=("$(open_once)"); done
echo "reader fully loaded, no cache: ${cold[*]} ms (median $(printf '%s\n' "${cold[@]}" | median))"
echo "reader fully loaded, cached:   ${warm[*]} ms (median $(printf '%s\n' "${warm[@]}" | median))"
