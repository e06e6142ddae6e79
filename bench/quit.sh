#!/usr/bin/env bash
# How long the reader takes to quit with the 100,000-story corpus loaded:
# from pressing q to the process's exit. Usage: bench/quit.sh [BINARY]
# Make the corpus first:
#   cargo run --release --example gen_corpus -- --format text --stories 100000 --out /tmp/corpus100k
# Needs tmux (run on a socket of its own, so no session of yours is touched).
# WAIT=6: quit once the background grouping is done (default: 1 s after loading).
set -euo pipefail
bin=${1:-target/release/byline}
corpus=${CORPUS:-/tmp/corpus100k}
done_file=$(mktemp -u)
tmux_=(tmux -L byline-bench)
"${tmux_[@]}" kill-server 2>/dev/null || true
"${tmux_[@]}" new -d -s q -x 120 -y 40 "$bin --no-state $corpus; touch $done_file"
# Loaded: the list's title counts every story, and nothing says loading.
for _ in $(seq 1 600); do
  screen=$("${tmux_[@]}" capture-pane -p -t q)
  if grep -q "100000 unread" <<<"$screen" && ! grep -qi "loading\|reading" <<<"$screen"; then break; fi
  sleep 0.1
done
sleep ${WAIT:-1}
start=$(date +%s%N)
"${tmux_[@]}" send-keys -t q q
while [ ! -f "$done_file" ]; do sleep 0.005; done
end=$(date +%s%N)
echo "quit: $(( (end - start) / 1000000 )) ms"
rm -f "$done_file"
"${tmux_[@]}" kill-server 2>/dev/null || true
