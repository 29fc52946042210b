#!/usr/bin/env bash
# A results folder survives `kill -9` at any moment: runs of two seeds take turns writing the same
# --out folder and are killed after random delays; after every kill the folder must hold, byte for
# byte, the complete results of one of the two seeds. Then a run that is not killed must leave no
# hidden folder behind, and must keep one that a live process holds locked.
# Usage: publish_kill_test.sh path/to/corridor source_dir [kills]
set -u
corridor=$1
scenario=$2/scenarios/karabakh-2020/scenario.yaml
kills=${3:-60}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0
passes=0

# The files without the manifest's command line, which names the --out folder.
fingerprint() {
    local dir=$1 f
    for f in manifest.json kpis.json timeline.csv units.csv posts.csv convoys.csv roads.csv airlift.csv report.html routes.geojson; do
        [ -f "$dir/$f" ] || { echo "missing $f"; return; }
        grep -v '"command"' "$dir/$f"
    done | sha256sum
}

"$corridor" run "$scenario" --seed 1 --out "$work/seed1" >/dev/null || exit 1
"$corridor" run "$scenario" --seed 2 --out "$work/seed2" >/dev/null || exit 1
expected1=$(fingerprint "$work/seed1")
expected2=$(fingerprint "$work/seed2")
[ "$expected1" != "$expected2" ] || { echo "FAIL: the two seeds give the same files"; exit 1; }

mkdir "$work/theatre"
"$corridor" run "$scenario" --seed 1 --out "$work/theatre/out" >/dev/null || exit 1
for ((k = 1; k <= kills; k++)); do
    "$corridor" run "$scenario" --seed $((k % 2 + 1)) --out "$work/theatre/out" >/dev/null 2>&1 &
    pid=$!
    # From 0 to about 40 ms: from before the scenario is read to after the folder is swapped.
    sleep "0.0$((RANDOM % 40))"
    kill -9 "$pid" 2>/dev/null
    wait "$pid" 2>/dev/null
    now=$(fingerprint "$work/theatre/out")
    if [ "$now" = "$expected1" ] || [ "$now" = "$expected2" ]; then
        passes=$((passes + 1))
    else
        echo "FAIL: after kill $k the folder is neither run's complete results: $(ls -A "$work/theatre/out" 2>&1)"
        failures=$((failures + 1))
    fi
done

# A run killed while it tried whether the folder takes a new one leaves an empty probe: the next
# run removes it (one made here too, in case no kill above landed in that instant).
mkdir "$work/theatre/.corridor-probe-Ab12Cd"
"$corridor" run "$scenario" --seed 2 --out "$work/theatre/out" >/dev/null
left=$(ls -A "$work/theatre")
if [ "$left" = "out" ] && [ "$(fingerprint "$work/theatre/out")" = "$expected2" ]; then
    passes=$((passes + 1))
else
    echo "FAIL: after a clean run the theatre folder holds: $left"
    failures=$((failures + 1))
fi

# A hidden folder whose name holds the id of a live process that is not a corridor run (the system
# reuses ids) is a leftover all the same: nothing holds its lock. One that a live process holds
# locked stays, whatever its name says.
mkdir "$work/theatre/.out.corridor-$$-0" "$work/theatre/.out.corridor-1-7"
# This shell holds the lock on an open descriptor, as a live run would: no helper process that a
# busy machine might start late, or that might outlive the test.
exec 9<"$work/theatre/.out.corridor-1-7"
if ! flock -n 9; then
    echo "FAIL: the test cannot lock its hidden folder"
    exit 1
fi
"$corridor" run "$scenario" --seed 1 --out "$work/theatre/out" >/dev/null 9<&-
left=$(ls -A "$work/theatre" | tr '\n' ' ')
exec 9<&-
if [ "$left" = ".out.corridor-1-7 out " ]; then
    passes=$((passes + 1))
else
    echo "FAIL: with one unlocked and one locked hidden folder, a run leaves: $left"
    failures=$((failures + 1))
fi

echo "$passes passed, $failures failed"
[ "$failures" -eq 0 ]
