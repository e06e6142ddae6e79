#!/usr/bin/env bash
# Fuzz every parser for SECONDS each (default 60) with cargo-fuzz
# (libFuzzer, AddressSanitizer), starting from the test fixtures.
#
#   fuzz/run.sh [SECONDS]
#
# Needs a nightly toolchain (rustup toolchain install nightly); installs
# cargo-fuzz if it is missing. Crashes are saved under fuzz/artifacts/TARGET/
# - turn each into a regression test in tests/properties.rs or the parser's
# unit tests. Prints the executions run per target.
set -euo pipefail

seconds=${1:-60}
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
cd "$here"

command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked

# Seed corpora from the fixtures (and the bundled sample), rebuilt each run.
seed() {
    local target=$1
    shift
    mkdir -p "seeds/$target"
    for path in "$@"; do
        find "$path" -type f -size -1M -exec cp {} "seeds/$target/" \; 2>/dev/null || true
    done
}
rm -rf seeds
fx=$root/tests/fixtures
seed text "$fx/text" "$fx/broken" "$root/assets"
seed quotes "$root/assets" "$fx/text"
seed tags "$fx/text" "$root/assets"
seed json "$fx/json" "$fx/jsonfeed"
seed markdown "$fx/markdown"
seed feed "$fx/rss" "$fx/atom" "$fx/jsonfeed"
seed html "$fx/html"
seed opml "$fx/opml"

cargo +nightly fuzz build
summary=()
for target in text quotes tags json markdown feed html opml; do
    mkdir -p "corpus/$target"
    log=$(mktemp)
    status=ok
    cargo +nightly fuzz run "$target" "corpus/$target" "seeds/$target" -- \
        -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 2>"$log" || status=CRASH
    runs=$(grep -Eo 'stat::number_of_executed_units: *[0-9]+' "$log" | grep -Eo '[0-9]+$' || echo "?")
    summary+=("$(printf '%-9s %-6s %12s executions in %ss' "$target" "$status" "$runs" "$seconds")")
    if [ "$status" != ok ]; then
        tail -40 "$log"
    fi
    rm -f "$log"
done
printf '%s\n' "${summary[@]}"
