#!/usr/bin/env bash
# The real-world feed set: every feed in the feedparser project's test suite
# (about 2,200 files under tests/ in its sdist on PyPI: well-formed,
# ill-formed, wrongly encoded, entity-laden) must load without a panic or a
# hang. Files byline cannot read are skipped with a reason; that is fine.
#
#   bench/feedparser.sh [VERSION]      (default 6.0.14)
#
# Fails if byline crashes on any file (a "crashed" skip reason or exit
# status 101) or does not finish within 300 seconds.
set -euo pipefail

version=${1:-6.0.14}
root=$(cd "$(dirname "$0")/.." && pwd)
work=${FEEDPARSER_DIR:-/tmp/byline-feedparser}
# shellcheck source=bench/feedparser-set.sh
. "$root/bench/feedparser-set.sh"
feedparser_set "$version"

cargo build --release --quiet --manifest-path "$root/Cargo.toml" --bin byline
byline=$root/target/release/byline

files=$(find "$tests" -type f -name '*.xml' | wc -l)
state=$(mktemp -d)
trap 'rm -rf "$state"' EXIT
status=0
XDG_STATE_HOME=$state timeout 300 "$byline" --no-state export "$tests" >"$work/export.json" 2>"$work/stderr.txt" ||
    status=$?
stories=$(python3 -c "import json,sys; print(len(json.load(open(sys.argv[1]))))" "$work/export.json")
skipped=$(grep -c '^byline: skipped' "$work/stderr.txt" || true)
crashed=$(grep -c 'crashed (a bug' "$work/stderr.txt" || true)

echo "feedparser $version: $files feeds, $stories stories, $skipped files or items skipped with a reason, $crashed crashes, exit status $status"
if [ "$status" -ne 0 ] && [ "$status" -ne 2 ]; then
    echo "byline failed (status $status; 124 is the 300 s timeout)"
    tail -5 "$work/stderr.txt"
    exit 1
fi
if [ "$crashed" -ne 0 ]; then
    grep 'crashed (a bug' "$work/stderr.txt"
    exit 1
fi
