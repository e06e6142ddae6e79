#!/usr/bin/env bash
# One file edited in place in a cached 100,000-story library: how long the
# reader takes to show its list, and to show the change ("1 file changed
# since last time"), from start. The reader runs in a pseudo-terminal
# (examples/open_until.rs). Each run edits the same file again.
#   bench/changed.sh [RUNS] [BINARY]
# Make the corpus first (it is edited):
#   cargo run --release --example gen_corpus -- --format text --stories 100000 --out /tmp/corpus100k
set -euo pipefail
source "$(dirname "$0")/reader.sh"
file=$(find -L "$corpus" -type f -name '*.txt' | sort | sed -n "$((count / 2))p")

# edit: the file says something new, dated well before the cache was written
edit() {
    printf 'Edited story %s\n\nThe text was edited in place at %s.\n' "$RANDOM" "$(date +%s%N)" >"$file"
    touch -d '2 hours ago' "$file"
}

find -L "$corpus" -type f -exec cat {} + >/dev/null
"$until" --loaded "$count" "$bin" --no-state "$corpus" >/dev/null   # writes the cache
sleep 2
lists=(); shown=()
for _ in $(seq "$runs"); do
    edit
    lists+=("$("$until" --loaded "$count" "$bin" --no-state "$corpus")")
    sleep 2   # the cache is written again with the change
    edit
    shown+=("$("$until" --shows "changed since last time" "$bin" --no-state "$corpus")")
    sleep 2
done
echo "one file changed, list shown:   ${lists[*]} ms (median $(printf '%s\n' "${lists[@]}" | median))"
echo "one file changed, change shown: ${shown[*]} ms (median $(printf '%s\n' "${shown[@]}" | median))"
