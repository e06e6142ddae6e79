#!/usr/bin/env bash
# Measure byline at scale and against newsboat on the same files.
#
#   bench/compare.sh [RUNS]        (default 5 runs a measurement)
#
# Generates the corpora (100,000 text stories, RSS feeds of 10,000 and
# 50,000 items, a store of 100,000 fetched items) under $BENCH_DIR (default
# /tmp/byline-bench), then reports for each: the median wall time and peak
# memory of `byline tags` cold (--no-cache: every file parsed) and warm
# (the parsed cache present and valid), and of `newsboat -x reload` with a
# fresh cache and newsboat's reopen of its filled cache (`-x print-unread`)
# when newsboat is installed (apt-get install newsboat). Then the reader,
# cold and warm, fully loaded on the 100,000 stories (bench/open.sh), with
# --no-state and keeping marks.
# Warm page cache: every input is read once before it is timed.
set -euo pipefail

runs=${1:-5}
dir=${BENCH_DIR:-/tmp/byline-bench}
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

cargo build --release --quiet --bin byline --example gen_corpus --example first_frame
byline=$root/target/release/byline
gen=$root/target/release/examples/gen_corpus

mkdir -p "$dir"
[ -d "$dir/text-100k" ] || "$gen" --format text --stories 100000 --out "$dir/text-100k"
[ -f "$dir/rss-10k.xml" ] || "$gen" --format rss --stories 10000 --out "$dir/rss-10k.xml"
[ -f "$dir/rss-50k.xml" ] || "$gen" --format rss --stories 50000 --out "$dir/rss-50k.xml"
[ -d "$dir/store-100k" ] || "$gen" --format store --stories 100000 --out "$dir/store-100k" >/dev/null

# median of numbers on stdin
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

# time_runs PREPARE COMMAND...: run COMMAND $runs times (PREPARE before each,
# untimed); print "median-seconds median-peak-KiB".
time_runs() {
    local prepare=$1
    shift
    local times=() peaks=() out
    for _ in $(seq "$runs"); do
        eval "$prepare"
        /usr/bin/time -o "$nb_dir/time" -f "%e %M" "$@" >/dev/null 2>&1 || true
        out=$(tail -1 "$nb_dir/time")
        times+=("${out% *}")
        peaks+=("${out#* }")
    done
    echo "$(printf '%s\n' "${times[@]}" | median) $(printf '%s\n' "${peaks[@]}" | median)"
}

input_mb() { du -sbL "$1" | awk '{ printf "%.0f", $1 / 1e6 }'; }

nb_dir=$(mktemp -d)
trap 'rm -rf "$nb_dir"' EXIT

printf '\nmachine: %s, %s cores, %s\n' "$(uname -srm)" "$(nproc)" \
    "$(awk '/MemTotal/ { printf "%.0f GiB RAM", $2 / 1048576 }' /proc/meminfo)"
printf 'byline %s; %s runs each, medians; warm page cache\n\n' \
    "$("$byline" --version | awk '{ print $2 }')" "$runs"
printf '%-34s %8s %10s %10s %14s\n' "input" "MB" "wall s" "peak MB" "peak / input"

report() {
    local label=$1 path=$2 result=$3
    local mb wall peak
    mb=$(input_mb "$path")
    wall=${result% *}
    peak=$(awk -v k="${result#* }" 'BEGIN { printf "%.0f", k * 1024 / 1e6 }')
    printf '%-34s %8s %10s %10s %14s\n' "$label" "$mb" "$wall" "$peak" \
        "$(awk -v p="$peak" -v m="$mb" 'BEGIN { printf "%.2fx", p / m }')"
}

# The parsed caches live here, apart from the user's.
export XDG_CACHE_HOME=$nb_dir/cache

# cold_warm LABEL PATH ARGS...: `byline tags` without the cache, then with
# it (written by one untimed run).
cold_warm() {
    local label=$1 path=$2
    shift 2
    find -L "$path" -type f -exec cat {} + >/dev/null
    report "$label, no cache" "$path" "$(time_runs : "$byline" --no-state --no-cache "$@" tags "$path")"
    "$byline" --no-state "$@" tags "$path" >/dev/null
    report "$label, cached" "$path" "$(time_runs : "$byline" --no-state "$@" tags "$path")"
}

cold_warm "byline tags, 100k text stories" "$dir/text-100k"
cold_warm "byline tags, 100k stored items" "$dir/store-100k/feeds"

for n in 10k 50k; do
    feed=$dir/rss-$n.xml
    cat "$feed" >/dev/null
    b=$(time_runs : "$byline" --no-state --no-cache --max-file-mib 1024 tags "$feed")
    report "byline tags, $n-item RSS, no cache" "$feed" "$b"
    "$byline" --no-state --max-file-mib 1024 tags "$feed" >/dev/null
    report "byline tags, $n-item RSS, cached" "$feed" \
        "$(time_runs : "$byline" --no-state --max-file-mib 1024 tags "$feed")"
    if command -v newsboat >/dev/null; then
        echo "file://$feed" >"$nb_dir/urls"
        : >"$nb_dir/config"
        nb=$(time_runs "rm -f '$nb_dir/cache.db'" newsboat -u "$nb_dir/urls" -c "$nb_dir/cache.db" \
            -C "$nb_dir/config" -x reload)
        report "newsboat -x reload, $n-item RSS" "$feed" "$nb"
        reopen=$(time_runs : newsboat -u "$nb_dir/urls" -c "$nb_dir/cache.db" -C "$nb_dir/config" -x print-unread)
        report "newsboat reopen (print-unread), $n" "$feed" "$reopen"
        awk -v n="${nb% *}" -v b="${b% *}" \
            'BEGIN { printf "%-34s %8s %10s\n", "  newsboat / byline (wall)", "", sprintf("%.1fx", n / b) }'
    else
        echo "  (newsboat is not installed: apt-get install newsboat)"
    fi
done

printf '\nThe reader on 100k text stories, from start to every story listed and nothing loading:\n'
CORPUS=$dir/text-100k "$root/bench/open.sh" "$runs" "$byline"
printf '\nThe same, keeping marks (story ids worked out while loading, as for a user with a state file):\n'
CORPUS=$dir/text-100k WITH_STATE=1 "$root/bench/open.sh" "$runs" "$byline"
