#!/usr/bin/env bash
# How long the reader takes to open the 100,000-story corpus: from start to
# the list counting every story with nothing loading, polled every 5 ms in
# tmux (on its own socket). Cold (--no-cache) and warm (the parsed cache,
# written by an untimed run first).
#   bench/open.sh [RUNS] [BINARY]
# WITH_STATE=1: keep marks (a state file of its own, empty) instead of
# --no-state, so story ids are worked out while loading as for a user.
# Make the corpus first:
#   cargo run --release --example gen_corpus -- --format text --stories 100000 --out /tmp/corpus100k
set -euo pipefail
runs=${1:-5}
bin=$(realpath "${2:-target/release/byline}")
corpus=${CORPUS:-/tmp/corpus100k}
count=${STORIES:-100000}
cache=$(mktemp -d)
state_args=--no-state
[ -n "${WITH_STATE:-}" ] && state_args=""

tmux_=(tmux -L byline-open)
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

# open_once ARGS...: milliseconds until loaded
open_once() {
  "${tmux_[@]}" kill-server 2>/dev/null || true
  local start end screen
  start=$(date +%s%N)
  "${tmux_[@]}" new -d -s o -x 160 -y 40 "XDG_CACHE_HOME=$cache XDG_STATE_HOME=$cache/state $bin $state_args $* $corpus"
  while true; do
    screen=$("${tmux_[@]}" capture-pane -p -t o 2>/dev/null || true)
    if grep -q "$count unread" <<<"$screen" && ! grep -qi "loading\|reading" <<<"$screen"; then break; fi
    sleep 0.005
  done
  end=$(date +%s%N)
  "${tmux_[@]}" send-keys -t o q
  while "${tmux_[@]}" has-session -t o 2>/dev/null; do sleep 0.01; done
  echo $(( (end - start) / 1000000 ))
}

find -L "$corpus" -type f -exec cat {} + >/dev/null
cold=(); warm=()
for _ in $(seq "$runs"); do cold+=("$(open_once --no-cache)"); done
open_once >/dev/null   # writes the cache
for _ in $(seq "$runs"); do warm+=("$(open_once)"); done
echo "reader fully loaded, no cache: ${cold[*]} ms (median $(printf '%s\n' "${cold[@]}" | median))"
echo "reader fully loaded, cached:   ${warm[*]} ms (median $(printf '%s\n' "${warm[@]}" | median))"
"${tmux_[@]}" kill-server 2>/dev/null || true
rm -rf "$cache"
