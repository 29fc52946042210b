#!/usr/bin/env bash
# End-to-end checks of the command line: what a planner types, the exit code and the message.
# Usage: run_cli_tests.sh path/to/corridor source_dir
set -u
corridor=$1
source_dir=$2

# shellcheck source=expect.sh
. "$(dirname "$0")/expect.sh"

expect 0 'Erlang C +1\.7778 h' -- queue --servers 2 --arrival-rate 1.6 --service-rate 1 --customers 20000 --replications 4
expect 0 'does not apply' -- queue --servers 1 --arrival-rate 2 --service-rate 1 --customers 2000 --replications 2
expect 2 'servers must be from 1 to 1000, not 0' -- queue --servers 0
expect 2 'arrival rate must be a positive number, not -1' -- queue --arrival-rate -1
expect 2 'arrival-rate' -- queue --arrival-rate fast
expect 2 'servers must be from 1 to 1000, not 2000000000' -- queue --servers 2000000000
expect 2 'service rate must be from 1e-06 to 1e\+06 vehicles an hour, not 1e-300' -- queue --arrival-rate 1 --service-rate 1e-300
expect 2 'arrival rate must be from 1e-06 to 1e\+06 vehicles an hour, not 1e\+300' -- queue --arrival-rate 1e300
expect 2 'replications must be at most 10000' -- queue --replications 100000
expect 2 'replications must be at least 2' -- queue --replications 1
expect 2 "unknown command 'no-such-command'" -- no-such-command
expect 2 "unknown command 'queu'; did you mean 'queue'" -- queu
expect 2 'subcommand' --
expect 0 'queue' -- --help
# The version and the commit it was built from ("unknown" outside a git checkout).
expect 0 '^corridor [0-9]+\.[0-9]+\.[0-9]+ \(commit ([0-9a-f]{7,}|unknown)\)$' -- --version

if [ -f "$source_dir/tests/cli/route_cases.sh" ]; then
    # shellcheck source=/dev/null
    . "$source_dir/tests/cli/route_cases.sh"
fi
# shellcheck source=trial_cases.sh
. "$source_dir/tests/cli/trial_cases.sh"
# shellcheck source=analyse_cases.sh
. "$source_dir/tests/cli/analyse_cases.sh"

# Scenarios: validate, run, the files a run writes, and the same bytes twice.
out=$(mktemp -d)
one=$source_dir/scenarios/validation/one-convoy.yaml
expect 0 'valid: 1 unit, 1 post, 1 unit-post assignment,' -- validate "$one"
expect 0 'valid: 9 units, 28 posts, 28 unit-post assignments,' -- validate "$source_dir/scenarios/karabakh-2020/scenario.yaml"
expect 0 'aid: 4 commodities, 4 towns, 3 depots, 2 truck fleets \(18 trucks\), 5 flows of returns' -- validate "$source_dir/scenarios/karabakh-2020/scenario.yaml"
expect 0 '1 kind of repair team, 0 random closure rules' -- validate "$source_dir/scenarios/karabakh-2020/scenario.yaml"
# A fleet that burns fuel no depot of its organisation holds is warned of (fuel.yaml's "detour").
expect 0 "fuel.yaml:107:3: warning: fleet 'detour' burns fuel but no depot of its organisation holds or receives 'diesel'" -- validate "$source_dir/scenarios/validation/fuel.yaml"
# A scenario with towns writes towns.csv, listed in its manifest; one without does not.
expect 0 'aid delivered +200\.0 t in 20 trips' -- run "$source_dir/scenarios/validation/aid-one-depot.yaml" --out "$out/aid"
check "towns.csv missing or not in the manifest" grep -q '"towns.csv"' "$out/aid/manifest.json"
check "an aid-only run's summary speaks of posts it has not" \
    bash -c "! '$corridor' run '$source_dir/scenarios/validation/aid-one-depot.yaml' --out '$out/aid2' | grep -q 'posts established'"
check "towns.csv has not its 1 day x 1 town x 1 commodity row" test "$(wc -l <"$out/aid/towns.csv")" = 2
expect 0 'closure \(last unit on its post\) +3\.3 h  \(2020-11-10T09:18:00Z\)' -- run "$one" --out "$out/a"
expect 0 'results in' -- run "$one" --out "$out/b"
# A closure for the whole run that cuts a unit off is valid, with a warning at the post.
cut=$source_dir/tests/data/scenarios/cut-off.yaml
expect 0 "cut-off.yaml:15:13: warning: post 'P' cannot be reached from A by unit 'u1' while the roads closed for the whole run \(A-B\) stay closed" -- validate "$cut"
expect 0 "warning: post 'P' cannot be reached" -- run "$cut" --out "$out/cut"
# The manifests differ only in the command line (the --out folder).
for f in manifest.json kpis.json timeline.csv units.csv posts.csv convoys.csv roads.csv airlift.csv report.html; do
    if [ -s "$out/a/$f" ] && cmp -s <(grep -v '"command"' "$out/a/$f") <(grep -v '"command"' "$out/b/$f"); then passes=$((passes + 1)); else
        echo "FAIL: $f missing or different between two identical runs"; failures=$((failures + 1)); fi
done
if grep -q '^11880.000,2020-11-10T09:18:00Z,column/convoy-1,arrived,POST$' "$out/a/timeline.csv"; then passes=$((passes + 1)); else
    echo "FAIL: timeline.csv lacks the convoy's arrival row"; failures=$((failures + 1)); fi
expect 0 'results in' -- run "$source_dir/scenarios/validation/checkpoint-mmc.yaml" --seed 5 --out "$out/c"
expect 0 'results in' -- run "$source_dir/scenarios/validation/checkpoint-mmc.yaml" --seed 6 --out "$out/d"
if ! cmp -s "$out/c/kpis.json" "$out/d/kpis.json" && grep -q '"seed": 5' "$out/c/manifest.json"; then passes=$((passes + 1)); else
    echo "FAIL: --seed does not change the run or the manifest"; failures=$((failures + 1)); fi
# Replications: every KPI's mean and interval, the same bytes at 1 and 2 threads.
mmc=$source_dir/scenarios/karabakh-2020/scenario.yaml
expect 0 'over 4 replications \(mean \+- 95% half-width\)' -- run "$mmc" --replications 4 --threads 1 --out "$out/rep1"
expect 0 'force_checkpoint_mean_wait_min +[0-9.]+ \+- [0-9.]+ min' -- run "$mmc" --replications 4 --threads 2 --out "$out/rep2"
for f in replications.csv summary.csv kpis.json report.html; do
    if [ -s "$out/rep1/$f" ] && cmp -s "$out/rep1/$f" "$out/rep2/$f"; then passes=$((passes + 1)); else
        echo "FAIL: $f missing or different at 1 and 2 threads"; failures=$((failures + 1)); fi
done
check "replications.csv has not its header and 4 rows" test "$(wc -l <"$out/rep1/replications.csv")" = 5
check "summary.csv lacks the sorties row with n = 4" grep -q '^truck_breakdowns,breakdowns,4,' "$out/rep1/summary.csv"
check "replications.csv and summary.csv not in the manifest" grep -q '"summary.csv"' "$out/rep1/manifest.json"
check "report.html lacks the replications' summary" grep -q 'over the 4 replications' "$out/rep1/report.html"
check "report.html not in the manifest" grep -q '"report.html"' "$out/rep1/manifest.json"
expect 2 'replications must be from 1 to 100000, not 0' -- run "$one" --replications 0
expect 2 'threads must be 0 \(all cores\) or more, not -2' -- run "$one" --replications 2 --threads -2
expect 0 "results in $out/slash/" -- run "$one" --out "$out/slash/"
expect 0 "results in $out/slash/" -- run "$one" --out "$out/slash/"
if [ -f "$out/slash/kpis.json" ] && [ "$(ls "$out" | grep -c slash)" = 1 ]; then passes=$((passes + 1)); else
    echo "FAIL: --out with a trailing slash left the wrong folders: $(ls "$out")"; failures=$((failures + 1)); fi

# --out never destroys a planner's files: each refusal exits 2 and leaves everything as it was.
mkdir -p "$out/mine" "$out/area/b" "$out/r.old" "$out/r.partial" "$out/empty"
echo "notes" >"$out/mine/notes.txt"; echo "keep" >"$out/area/x"; echo "hello" >"$out/afile"
echo "k" >"$out/r.old/k"; echo "k" >"$out/r.partial/k"
# A result the planner edited after the run is never lost: the folder is refused, the edit kept.
expect 0 'results in' -- run "$one" --out "$out/edited"
echo "planner comment" >>"$out/edited/kpis.json"
expect 2 "'$out/edited/kpis.json' was changed after corridor wrote it" -- run "$one" --out "$out/edited"
check "the planner's edit to kpis.json was lost" grep -q "planner comment" "$out/edited/kpis.json"
check "the manifest records no checksum of kpis.json" grep -q '"kpis.json": "fnv1a64:[0-9a-f]\{16\}"' "$out/edited/manifest.json"
expect 2 "'$out/mine' holds files that a corridor run did not write" -- run "$one" --out "$out/mine"
check "a folder of other files was changed" test "$(ls -A "$out/mine")" = notes.txt
expect 2 "is a file, not a folder" -- run "$one" --out "$out/afile"
check "a file given as --out was changed" test "$(cat "$out/afile")" = hello
# Refused before the run, not after it: a folder that cannot be made, an input given as --out.
expect 2 "cannot be made: '$out/afile' is a file, not a folder" -- run "$one" --out "$out/afile/sub"
expect 2 "cannot be made: '$out/afile' is a file, not a folder" -- run "$one" --out "$out/afile/sub/deeper"
# Folders missing several levels deep are made (as the default results/NAME-seedN in a new folder).
expect 0 "results in $out/new1/new2/new3/" -- run "$one" --out "$out/new1/new2/new3"
check "a results folder several levels deep was not made" test -f "$out/new1/new2/new3/kpis.json"
# Output that cannot be written is an error, not a success with a cut page (a full disk).
"$corridor" validate "$one" >/dev/full 2>"$out/full.err"
check "a failed write to standard output exited $?, not 2" test $? -eq 2
check "a failed write to standard output was not said" grep -q "corridor: error: could not write the output" "$out/full.err"
corridor_path=$(cd "$(dirname "$corridor")" && pwd)/$(basename "$corridor")
one_path=$(cd "$(dirname "$one")" && pwd)/$(basename "$one")
# shellcheck source=open_cases.sh
. "$source_dir/tests/cli/open_cases.sh"
mkdir -p "$out/fresh" && (cd "$out/fresh" && "$corridor_path" run "$one_path" >/dev/null 2>&1)
check "the default results folder was not made in a fresh folder" test -f "$out/fresh/results/one-convoy-seed1/kpis.json"
expect 2 "cannot be made in '/proc'" -- run "$one" --out /proc/corridor-results
expect 2 "is an input of the run" -- run "$one" --out "$one"
check "an input given as --out was changed" grep -q "name: one-convoy" "$one"
# A private results folder stays private when a run replaces it.
mkdir -p "$out/private" && chmod 700 "$out/private"
expect 0 'results in' -- run "$one" --out "$out/private"
expect 0 'results in' -- run "$one" --out "$out/private"
check "a private results folder lost its permissions" test "$(stat -c %a "$out/private")" = 700
expect 2 "\\(that is '$out/area'\\) holds files" -- run "$one" --out "$out/area/b/.."
check "a/b/.. replaced a" test "$(ls "$out/area")" = "$(printf 'b\nx')"
expect 2 "holds files that a corridor run did not write" -- run "$one" --out "$out/.."
expect 0 'results in' -- run "$one" --out "$out/r"
expect 0 'results in' -- run "$one" --out "$out/r"
check "folders named DIR.old and DIR.partial were touched" test "$(cat "$out/r.old/k" "$out/r.partial/k")" = "$(printf 'k\nk')"
check "a hidden folder was left beside the results" test -z "$(ls -A "$out" | grep '^\.')"
mkdir -p "$out/keep/.res.corridor-backup" "$out/keep/.res.corridor-7"
expect 0 'results in' -- run "$one" --out "$out/keep/res"
check "hidden folders named almost like corridor's were removed" test -d "$out/keep/.res.corridor-backup" -a -d "$out/keep/.res.corridor-7"
expect 0 'results in' -- run "$one" --out "$out/empty"
check "an empty folder was not filled" test -f "$out/empty/manifest.json"
cp -r "$source_dir/scenarios/validation" "$out/theatre"
expect 2 "holds the input" -- run "$out/theatre/one-convoy.yaml" --out "$out/theatre"
expect 2 "holds the input" -- run "$out/theatre/one-convoy.yaml" --out "$out"
check "the scenario's folder was changed" test -f "$out/theatre/one-convoy.yaml"
expect 2 "--seed must be a whole number from 0 to 4611686018427387904, not '-1'" -- run "$one" --seed -1
expect 2 "not '18446744073709551617'" -- run "$one" --seed 18446744073709551617
expect 2 "--out names no folder" -- run "$one" --out ""
# A name that is not UTF-8 (a scenario saved as Latin-1) runs; its JSON files write U+FFFD for the
# byte (the JSON writer threw on it: "internal error").
sed "s/name: column/name: colonne-$(printf '\xe0')-pied/" "$one" > "$out/latin1.yaml"
expect 0 'results in' -- run "$out/latin1.yaml" --out "$out/latin1"
check "kpis.json lacks the unit's name with U+FFFD" \
    env LC_ALL=C grep -q "colonne-$(printf '\xef\xbf\xbd')-pied" "$out/latin1/kpis.json"

expect 2 'cannot open the scenario file' -- validate "$out/none.yaml"
expect 2 'required' -- run
rm -rf "$out"

echo "$passes passed, $failures failed"
[ "$failures" -eq 0 ]
