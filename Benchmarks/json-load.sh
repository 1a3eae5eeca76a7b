#!/usr/bin/env bash
# The JSON Lines load from issue 11: 10,000 messages over 1,000 sessions,
# taken in turn from the benchmarks' question mix, through one
# `gutbot --json` process, start-up included. Prints the wall time, the
# time per message and the peak memory (from /usr/bin/time -v).
#
#   Benchmarks/json-load.sh [GUTBOT_BINARY]   (default: .build/release/gutbot)
#
# Run it from the repository's root after `swift build -c release`, so that
# gutbot finds ./Plugins and ./Models.
set -euo pipefail
binary="${1:-.build/release/gutbot}"
messages=10000
sessions=1000
requests="$(mktemp)"
trap 'rm -f "$requests"' EXIT
for file in dev-set blind-set-3 safety-blind-1 followup-set; do
    grep -v '^#' "Tests/Fixtures/$file.tsv" | tail -n +2 | awk -F'\t' 'NF { print $NF }'
done | awk -v n="$messages" -v s="$sessions" '
    { gsub(/\\/, "\\\\"); gsub(/"/, "\\\""); question[count++] = $0 }
    END { for (i = 0; i < n; i++) printf "{\"session\":\"s%d\",\"text\":\"%s\"}\n", i % s, question[i % count] }' > "$requests"
"$binary" --json < /dev/null > /dev/null   # warm the example-vector cache
/usr/bin/time -f "%e %M" -o "$requests.time" "$binary" --json < "$requests" > "$requests.out"
read -r seconds kilobytes < "$requests.time"
replies=$(wc -l < "$requests.out")
rm -f "$requests.time" "$requests.out"
echo "replies: $replies of $messages over $sessions sessions"
awk -v s="$seconds" -v n="$messages" -v k="$kilobytes" 'BEGIN {
    printf "wall time: %.2f s including start-up, %.0f us a message; peak RSS %.0f MB\n", s, s * 1e6 / n, k / 1024 }'
