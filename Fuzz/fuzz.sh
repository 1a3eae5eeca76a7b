#!/usr/bin/env bash
# Runs gutbot's libFuzzer targets, each for SECONDS (default 600), seeded
# from the question tables (Tests/Fixtures/*.tsv), the transcripts
# (Transcripts/) and the shipped plugin files.
#
#   Fuzz/fuzz.sh [SECONDS] [FuzzMessage|FuzzParsers ...]
#
# FUZZ_ARGS adds libFuzzer flags, e.g. FUZZ_ARGS=-len_control=0 to try
# inputs up to the full 8 KiB at once rather than growing towards them
# (libFuzzer starts short, and a slow target may never get long).
#
# A crashing input is saved as Fuzz/crashes/<target>-crash-<hash>; replay it
# with `Fuzz/.build/release/<target> FILE`, fix the bug, and turn the input
# into a regression test. The corpus grows in Fuzz/.build/corpus/<target>.
set -euo pipefail

seconds="${1:-600}"
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(FuzzMessage FuzzParsers)

root="$(cd "$(dirname "$0")/.." && pwd)"
fuzz="$root/Fuzz"
flags=(-c release -Xswiftc -sanitize=fuzzer -Xswiftc -parse-as-library)
swift build --package-path "$fuzz" "${flags[@]}"
bin="$(swift build --package-path "$fuzz" "${flags[@]}" --show-bin-path)"

seeds="$fuzz/.build/seeds"
rm -rf "$seeds"
mkdir -p "$seeds/FuzzMessage" "$seeds/FuzzParsers" "$fuzz/crashes"

# Messages: the question of every table line (the text is the encoder
# fixture's first field, its last is a vector), and every transcript message.
n=0
while IFS= read -r line; do
    n=$((n + 1))
    printf '%s' "$line" > "$seeds/FuzzMessage/q$n"
done < <(awk -F'\t' '/^#/ || !NF { next } { print (FILENAME ~ /encoder-fixture/ ? $1 : $NF) }' "$root"/Tests/Fixtures/*.tsv
         find "$root/Transcripts" -name '*.chat' -exec grep -h '^> ' {} + | cut -c3-)

# Text the tables lack, for the tokenizer: accents, CJK, emoji, a joiner,
# right-to-left, a word too long for WordPiece.
printf 'Caf\xc3\xa9 na\xc3\xafve r\xc3\xa9sum\xc3\xa9' > "$seeds/FuzzMessage/accents"
printf '\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e \xf0\x9f\x99\x82\xe2\x80\x8d\xf0\x9f\x99\x82 \xe2\x80\xaeabc' > "$seeds/FuzzMessage/scripts"
printf 'i feel %0120d' 0 > "$seeds/FuzzMessage/longword"

# Parsers: the first byte picks the parser (see FuzzParsers.swift).
seed() { # selector name file
    { printf "\\x$1"; cat "$3"; } > "$seeds/FuzzParsers/$2"
}
for file in "$root"/Plugins/*.yml; do seed 00 "plugin-$(basename "$file")" "$file"; done
seed 01 safety "$root/Plugins/safety/safety.yml"
seed 02 lexicon "$root/Plugins/safety/lexicon.yml"
seed 03 wording "$root/Plugins/safety/wording.yml"
n=0
while IFS= read -r file; do n=$((n + 1)); seed 04 "chat$n" "$file"; done < <(find "$root/Transcripts" -name '*.chat')
printf '\x05{"text": "does fiber help my mood", "session": "a", "candidates": true}' > "$seeds/FuzzParsers/json1"
printf '\x05{"text": "caf\\u00e9 \\ud83d\\ude00", "session": null}' > "$seeds/FuzzParsers/json2"

status=0
for target in "${targets[@]}"; do
    corpus="$fuzz/.build/corpus/$target"
    mkdir -p "$corpus"
    echo "== $target for ${seconds}s ($(ls "$seeds/$target" | wc -l) seeds)"
    log="$fuzz/.build/$target.log"
    set +e
    "$bin/$target" "$corpus" "$seeds/$target" \
        -max_total_time="$seconds" -max_len=8192 -timeout=20 -rss_limit_mb=2048 \
        -print_final_stats=1 -artifact_prefix="$fuzz/crashes/$target-" ${FUZZ_ARGS:-} > "$log" 2>&1
    code=$?
    set -e
    grep -E '^(#[0-9]+[[:space:]]+(INITED|DONE)|Done |stat::|SUMMARY|Test unit written)|(Fatal error|Precondition failed|deadly signal|ERROR: libFuzzer)' "$log" || true
    echo "exit status $code (full log: $log)"
    [ "$code" -eq 0 ] || status=1
done
ls "$fuzz/crashes" 2>/dev/null | sed 's/^/crash: /' || true
exit $status
