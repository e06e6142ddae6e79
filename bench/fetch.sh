#!/usr/bin/env bash
# byline fetch against ~2,200 real-world feeds: the feedparser project's
# test suite (see bench/feedparser.sh) served over HTTP on 127.0.0.1 by
# python3's http.server, subscribed to through an OPML file.
#
#   bench/fetch.sh [VERSION]      (default 6.0.14)
#
# Prints the time of a first fetch (every feed new), of a second one (every
# feed answered 304 thanks to If-Modified-Since), and of `byline tags` on
# what was stored. Fails on a crash (exit status 101 or a "bug" line).
set -euo pipefail

version=${1:-6.0.14}
root=$(cd "$(dirname "$0")/.." && pwd)
# shellcheck source=bench/feedparser-set.sh
. "$root/bench/feedparser-set.sh"
feedparser_set "$version"

cargo build --release --quiet --manifest-path "$root/Cargo.toml" --bin byline
byline=$root/target/release/byline

home=$(mktemp -d)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
python3 -m http.server "$port" --bind 127.0.0.1 --directory "$tests" >"$home/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; rm -rf "$home"' EXIT
export XDG_CONFIG_HOME=$home/config XDG_DATA_HOME=$home/data XDG_STATE_HOME=$home/state
for _ in $(seq 50); do
    python3 -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:$port/')" 2>/dev/null && break
    sleep 0.1
done

python3 - "$tests" "$port" >"$home/feeds.opml" <<'PY'
import os, sys
from xml.sax.saxutils import quoteattr
root, port = sys.argv[1], sys.argv[2]
print('<?xml version="1.0"?><opml version="2.0"><body>')
for dirpath, _, names in sorted(os.walk(root)):
    for name in sorted(names):
        if name.endswith(".xml"):
            rel = os.path.relpath(os.path.join(dirpath, name), root)
            url = "http://127.0.0.1:%s/%s" % (port, rel)
            print('<outline type="rss" text=%s xmlUrl=%s/>' % (quoteattr(rel), quoteattr(url)))
print('</body></opml>')
PY
"$byline" feeds import "$home/feeds.opml" 2>&1 | tail -1

run() {
    local label=$1 start end status=0
    start=$(date +%s.%N)
    "$byline" fetch >"$home/$label.txt" 2>"$home/$label.err" || status=$?
    end=$(date +%s.%N)
    if [ "$status" -gt 1 ] || grep -q 'a bug in byline' "$home/$label.txt" "$home/$label.err"; then
        echo "$label fetch: exit status $status"
        grep 'a bug in byline' "$home/$label.txt" "$home/$label.err" | head
        exit 1
    fi
    printf '%s fetch: %.2f s; %s\n' "$label" "$(echo "$end - $start" | bc)" "$(tail -1 "$home/$label.txt")"
}
run first
run second
start=$(date +%s.%N)
"$byline" --no-state tags >/dev/null 2>&1 || true
printf 'byline tags on the stored stories: %.2f s (%s feed files)\n' \
    "$(echo "$(date +%s.%N) - $start" | bc)" "$(find "$XDG_DATA_HOME/byline/feeds" -name '*.jsonl' | wc -l)"
grep -o 'failed: [^(]*' "$home/first.txt" | sort | uniq -c | sort -rn | head -5
