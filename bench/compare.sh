#!/usr/bin/env bash
# Measure byline at scale and against newsboat on the same files.
#
#   bench/compare.sh [RUNS]        (default 5 runs a measurement)
#
# Generates the corpora (100,000 text stories, RSS feeds of 10,000 and
# 50,000 items) under $BENCH_DIR (default /tmp/byline-bench), then reports
# for each: the median wall time and peak memory of `byline tags`, and of
# `newsboat -x reload` with a fresh cache when newsboat is installed
# (apt-get install newsboat). Then the reader's first frame, full load and
# key-to-screen time on the 100,000 stories, through a pseudo-terminal.
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

find -L "$dir/text-100k" -type f -exec cat {} + >/dev/null
r=$(time_runs : "$byline" --no-state tags "$dir/text-100k")
report "byline tags, 100k text stories" "$dir/text-100k" "$r"

for n in 10k 50k; do
    feed=$dir/rss-$n.xml
    cat "$feed" >/dev/null
    b=$(time_runs : "$byline" --no-state --max-file-mib 1024 tags "$feed")
    report "byline tags, $n-item RSS" "$feed" "$b"
    if command -v newsboat >/dev/null; then
        echo "file://$feed" >"$nb_dir/urls"
        : >"$nb_dir/config"
        nb=$(time_runs "rm -f '$nb_dir/cache.db'" newsboat -u "$nb_dir/urls" -c "$nb_dir/cache.db" \
            -C "$nb_dir/config" -x reload)
        report "newsboat -x reload, $n-item RSS" "$feed" "$nb"
        awk -v n="${nb% *}" -v b="${b% *}" \
            'BEGIN { printf "%-34s %8s %10s\n", "  newsboat / byline (wall)", "", sprintf("%.1fx", n / b) }'
    else
        echo "  (newsboat is not installed: apt-get install newsboat)"
    fi
done

printf '\nThe reader on 100k text stories (200x60 pseudo-terminal):\n'
"$root/target/release/examples/first_frame" --runs "$runs" "$byline" "$dir/text-100k" | tail -1
