#!/usr/bin/env bash
# `corridor sweep` and `corridor merge` as a planner uses them: the same bytes at any thread count
# and shard split, a sweep killed with kill -9 at random moments and resumed, a changed sweep
# refused, the progress bar on a terminal only, and the mistakes a tired planner makes.
# Usage: sweep_cli_tests.sh path/to/corridor source_dir
set -u
corridor=$1
source_dir=$(cd "$2" && pwd)

# shellcheck source=expect.sh
. "$(dirname "$0")/expect.sh"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
reference=$source_dir/scenarios/karabakh-2020/scenario.yaml

# A small sweep of the reference theatre: 6 points x 3 replications.
cat >"$work/small.yaml" <<EOF
sweep:
  scenario: $reference
  replications: 3
  kpis: [closure_time_h, unmet_person_days, sorties]
parameters:
  airlift.Il-76MD.count: [12, 20]
  fleets.icrc-trucks.count: [4, 8, 12]
EOF

same() {  # same WHAT DIR_A DIR_B: runs.csv, summary.csv and report.html are the same bytes
    local what=$1 a=$2 b=$3
    check "$what: runs.csv differs" cmp -s "$a/runs.csv" "$b/runs.csv"
    check "$what: summary.csv differs" cmp -s "$a/summary.csv" "$b/summary.csv"
    check "$what: report.html differs" cmp -s "$a/report.html" "$b/report.html"
}
count() { grep -o "$1" "$2" | wc -l; }

expect 0 '18 runs of 6 points x 3 replications' -- sweep "$work/small.yaml" --out "$work/whole" --quiet
check "runs.csv has not its header and 18 rows" test "$(wc -l <"$work/whole/runs.csv")" = 19
check "the header is not point, replication, parameters, KPIs" \
    grep -qx 'point,replication,airlift.Il-76MD.count,fleets.icrc-trucks.count,closure_time_h,unmet_person_days,sorties' \
    "$work/whole/runs.csv"
check "summary.csv has not 6 points x 3 KPIs" test "$(wc -l <"$work/whole/summary.csv")" = 19
check "the manifest does not list the store" grep -q '"runs.sqlite"' "$work/whole/manifest.json"
# report.html: listed with its checksum; a grid of 2 number parameters and 3 KPIs draws each KPI's
# spread per point (3 box charts of 6 boxes) and each KPI against the truck count (3 line charts,
# one line per Il-76 count), and names the best point per KPI.
report=$work/whole/report.html
check "the manifest does not list report.html with its checksum" \
    grep -qE '"report.html": "fnv1a64:[0-9a-f]{16}"' "$work/whole/manifest.json"
check "report.html has not 3 box charts" test "$(count '<figure class="chart" id="spread-' "$report")" = 3
check "a box chart has not 6 boxes" test "$(grep -A200 'id="spread-closure_time_h"' "$report" | sed '/<\/figure>/q' | grep -c 'class="box"')" = 6
check "report.html has not 3 line charts against the truck count" \
    test "$(count '<figure class="chart" id="grid-' "$report")" = 3
check "a line chart has not a line per Il-76 count" grep -q 'class="legend">airlift.Il-76MD.count = 20</text>' "$report"
check "report.html does not name the best point for unmet need" grep -q '<td>unmet_person_days (person-days)</td><td>lower</td><td>point ' "$report"
check "report.html has a script or a link to the network" test "$(grep -c -e '<script' -e 'https://' -e '<link' "$report")" = 0
# Point 0's replication 0 is `corridor run` with the same changes: the store holds the real runs.
sed -e 's/count: 20, from: ULY/count: 12, from: ULY/' "$reference" >"$work/base12.yaml"
sed -i -e "s|file: network|file: $source_dir/scenarios/karabakh-2020/network|" "$work/base12.yaml"
awk '/icrc-trucks:/{f=1} f && /count: 8/{sub(/count: 8/, "count: 4"); f=0} {print}' "$work/base12.yaml" >"$work/variant.yaml"
expect 0 'results in' -- run "$work/variant.yaml" --replications 2 --out "$work/single"
closure_run=$(awk -F, 'NR == 2 { print $2 }' "$work/single/replications.csv")
closure_sweep=$(awk -F, 'NR == 2 { print $5 }' "$work/whole/runs.csv")
check "point 0 replication 0's closure ($closure_sweep) is not corridor run's ($closure_run)" \
    test "$closure_run" = "$closure_sweep"

# One thread, the same bytes.
expect 0 "report   $work/one-thread/report.html" -- sweep "$work/small.yaml" --out "$work/one-thread" --threads 1 --quiet
same "1 thread against every core" "$work/whole" "$work/one-thread"

# Routes with a contraction hierarchy (network: {hierarchy: time}), one shared by every point, run
# and thread: the same bytes at 1 and 2 threads.
cat >"$work/hierarchy.yaml" <<EOF
sweep:
  scenario: $reference
  replications: 2
  kpis: [closure_time_h, unmet_person_days, aid_trips]
parameters:
  network.hierarchy: [time, none]
  fleets.icrc-trucks.count: [4, 12]
EOF
expect 0 '8 runs of 4 points x 2 replications' -- sweep "$work/hierarchy.yaml" --out "$work/ch1" --threads 1 --quiet
expect 0 '8 runs of 4 points x 2 replications' -- sweep "$work/hierarchy.yaml" --out "$work/ch2" --threads 2 --quiet
same "a hierarchy at 1 and 2 threads" "$work/ch1" "$work/ch2"

# Shards merged, the same bytes; and what merge refuses.
for i in 1 2 3; do expect 0 "shard $i/3" -- sweep "$work/small.yaml" --shard "$i/3" --out "$work/shard$i" --quiet; done
expect 0 'merged 3 shards, 18 runs' -- merge "$work/shard3" "$work/shard1" "$work/shard2" --out "$work/merged"
same "3 shards merged" "$work/whole" "$work/merged"
check "a shard's folder has a report.html (only the merged sweep does)" test ! -e "$work/shard1/report.html"
expect 2 'shard 3/3 is missing' -- merge "$work/shard1" "$work/shard2" --out "$work/m2"
expect 2 'shard 1/3 is given twice' -- merge "$work/shard1" "$work/shard1" "$work/shard3" --out "$work/m3"
expect 2 'holds a whole sweep, not a shard' -- merge "$work/whole" --out "$work/m4"
expect 2 'is not a sweep.s folder \(it has no runs.sqlite\)' -- merge "$work/nothing" --out "$work/m5"
check "a refused merge made its folder" test ! -e "$work/m2"

# A finished sweep is never started over; --resume writes the same files again.
before=$(cksum <"$work/whole/runs.csv")
expect 2 'holds a sweep already: give another --out, or finish that sweep .* with corridor sweep --resume' -- sweep "$work/small.yaml" --out "$work/whole"
expect 0 '0 runs of 6 points x 3 replications in .*, 18 stored before' -- sweep "$work/small.yaml" --out "$work/whole" --resume --quiet
check "resuming a finished sweep changed runs.csv" test "$before" = "$(cksum <"$work/whole/runs.csv")"
expect 2 'there is no sweep to resume' -- sweep "$work/small.yaml" --out "$work/none" --resume

# Killed with kill -9 at random moments, resumed until done: the same bytes as without.
cat >"$work/long.yaml" <<EOF
sweep:
  scenario: $reference
  replications: 40
  kpis: [closure_time_h, unmet_person_days, truck_breakdowns]
parameters:
  fleets.icrc-trucks.count: [6, 10]
EOF
expect 0 'results in' -- sweep "$work/long.yaml" --out "$work/long-whole" --quiet
for attempt in 1 2 3 4 5 6; do
    "$corridor" sweep "$work/long.yaml" --out "$work/long-killed" --quiet \
        $([ -e "$work/long-killed/runs.sqlite" ] && echo --resume) \
        >/dev/null 2>&1 &
    pid=$!
    sleep "0.$((RANDOM % 9 + 1))"
    kill -9 "$pid" 2>/dev/null
    wait "$pid" 2>/dev/null
done
expect 0 'results in' -- sweep "$work/long.yaml" --out "$work/long-killed" --quiet \
    $([ -e "$work/long-killed/runs.sqlite" ] && echo --resume)
same "killed six times with kill -9 and resumed" "$work/long-whole" "$work/long-killed"

# A sweep file changed since its store was made is refused on --resume.
sed 's/replications: 40/replications: 41/' "$work/long.yaml" >"$work/long2.yaml" && cp "$work/long2.yaml" "$work/long.yaml"
expect 2 'the sweep or its scenario changed since .* was made \(the sweep file is not the same\)' -- \
    sweep "$work/long.yaml" --out "$work/long-killed" --resume

# The progress bar: on a terminal (script gives one), not with --quiet or into a pipe.
if command -v script >/dev/null; then
    script -qec "'$corridor' sweep '$work/small.yaml' --out '$work/tty' --threads 1" /dev/null >"$work/tty.log" 2>&1
    check "no progress bar on a terminal" grep -q '18/18 runs, .* runs/s' "$work/tty.log"
else
    echo "FAIL: script (bsdutils) is missing: the progress bar is not tested"; failures=$((failures + 1))
fi
"$corridor" sweep "$work/small.yaml" --out "$work/pipe" 2>"$work/pipe.err" >/dev/null
check "a progress bar into a pipe" test ! -s "$work/pipe.err"

# Mistakes: each a message at its place and exit 2, nothing made.
cat >"$work/bad-path.yaml" <<EOF
sweep: {scenario: $reference}
parameters:
  airlift.Il-76.count: [10, 15]
EOF
expect 2 "bad-path.yaml:3:3: error: 'airlift' has no item named 'Il-76'" -- sweep "$work/bad-path.yaml" --out "$work/b1"
cat >"$work/bad-value.yaml" <<EOF
sweep: {scenario: $reference}
parameters:
  fleets.icrc-trucks.count: [4, 0, -1]
EOF
expect 2 "bad-value.yaml:3:33: error: count 0 is out of range \(1 to 10000\) \(point 1: fleets.icrc-trucks.count = 0\)" -- \
    sweep "$work/bad-value.yaml" --out "$work/b2"
expect 2 '2 of 3 points cannot be run; nothing was run' -- sweep "$work/bad-value.yaml" --out "$work/b2"
cat >"$work/bad-kpi.yaml" <<EOF
sweep: {scenario: $reference, kpis: [closure_time]}
EOF
expect 2 "bad-kpi.yaml:1:[0-9]+: error: unknown KPI 'closure_time'; did you mean 'closure_time_h'\?" -- \
    sweep "$work/bad-kpi.yaml" --out "$work/b3"
check "a refused sweep made its folder" test ! -e "$work/b1" -a ! -e "$work/b2" -a ! -e "$work/b3"
expect 2 'cannot open the sweep file: no such file' -- sweep "$work/none.yaml"
expect 2 'is a folder, not a sweep file' -- sweep "$work"
expect 2 '--shard must be I/N with 1 <= I <= N' -- sweep "$work/small.yaml" --shard 0/2
expect 2 '--shard must be I/N with 1 <= I <= N' -- sweep "$work/small.yaml" --shard 3/2
expect 2 '--threads must be 0 \(all cores\) or more, not -1' -- sweep "$work/small.yaml" --threads -1
touch "$work/a-file"
expect 2 'is a file, not a folder' -- sweep "$work/small.yaml" --out "$work/a-file"
mkdir -p "$work/mine" && echo notes >"$work/mine/notes.txt"
expect 2 "is not a sweep's folder \(it holds other files\)" -- sweep "$work/small.yaml" --out "$work/mine"
check "the planner's own file was touched" test "$(cat "$work/mine/notes.txt")" = notes
expect 2 "holds the sweep's own input" -- sweep "$work/small.yaml" --out "$work"

# The reference theatre's own sweeps run (about 330 runs).
for s in airlift-capacity aid-fleet aid-fleet-storms each-road-closed; do
    expect 0 'results in' -- sweep "$source_dir/scenarios/karabakh-2020/sweeps/$s.yaml" --out "$work/ref-$s" --quiet
done
check "each-road-closed has not its base and every road" \
    test "$(cut -d, -f1 "$work/ref-each-road-closed/runs.csv" | sort -u | wc -l)" -gt 20
check "each-road-closed's report does not rank the roads by the closure's harm" \
    grep -q '<figure class="chart" id="roads-closure_time_h">' "$work/ref-each-road-closed/report.html"
check "aid-fleet's report has no grid lines of unmet need against the truck count" \
    grep -q 'unmet_person_days against fleets.icrc-trucks.count' "$work/ref-aid-fleet/report.html"

echo "$passes passed, $failures failed"
[ "$failures" -eq 0 ]
