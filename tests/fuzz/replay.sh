#!/usr/bin/env bash
# The `fuzz-replay` test: every fuzz target replays its committed seeds (corpus/T), the seeds made
# from the shipped files (seeds.sh) and every committed regression (regressions/T), in this
# build. A crash or an internal error kills the replay, naming the input. Inputs still waiting
# for a fix sit in pending/T and are not replayed (docs/testing.md).
# Usage: replay.sh path/to/corridor-fuzz-replay SEEDS_FOLDER
set -u
replay=$1
seeds=$2
here=$(cd "$(dirname "$0")" && pwd)
"$here/seeds.sh" "$seeds" || exit 1
errors=$(mktemp)
passes=0
failures=0
for target in scenario csv dimacs osm pbf cli prepared; do
    folders=()
    for folder in "$here/corpus/$target" "$here/regressions/$target" "$seeds/$target"; do
        [ -d "$folder" ] && folders+=("$folder")
    done
    if output=$("$replay" "$target" "${folders[@]}" 2>"$errors"); then
        echo "$output"
        passes=$((passes + 1))
    else
        status=$?
        echo "FAIL: $target: the replay exited $status; the last input it began:"
        grep '^replaying' "$errors" | tail -1
        tail -30 "$errors"
        failures=$((failures + 1))
    fi
done
rm -f "$errors"
echo "$passes passed, $failures failed"
[ "$passes" -eq 7 ] && [ "$failures" -eq 0 ]
