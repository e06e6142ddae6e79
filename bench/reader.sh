# Shared by bench/open.sh and bench/changed.sh (sourced, with their
# arguments): the binary, the corpus, the timing tool, and directories of
# their own for the cache and the state.
runs=${1:-5}
root=$(cd "$(dirname "$0")/.." && pwd)
bin=$(realpath "${2:-$root/target/release/byline}")
corpus=${CORPUS:-/tmp/corpus100k}
count=${STORIES:-100000}
(cd "$root" && cargo build --release --quiet --example open_until)
until=$root/target/release/examples/open_until
cache=$(mktemp -d)
trap 'rm -rf "$cache"' EXIT
export XDG_CACHE_HOME=$cache XDG_STATE_HOME=$cache/state

# median of numbers on stdin
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
