#!/usr/bin/env bash
# corridor's own report.html files in real headless Chromium (check_report.py): the reference run's,
# a small sweep's and `compare --format html` of two runs. Each loads with no console error, no
# script and nothing from the network, every chart is drawn with a non-zero size, a title and axis
# labels; a screenshot of each is saved (kept in $CORRIDOR_SCREENSHOTS when set, e.g. to refresh
# the one in docs/).
# Usage: reports.sh path/to/corridor source_dir run|sweep|compare
set -u
corridor=$1
source_dir=$(cd "$2" && pwd)
which=${3:?reports.sh: say which report: run, sweep or compare}
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
shots=${CORRIDOR_SCREENSHOTS:-$work}
mkdir -p "$shots"
reference=$source_dir/scenarios/karabakh-2020/scenario.yaml
failures=0
passes=0

# step DESCRIPTION COMMAND...: passes when the command succeeds; otherwise says what failed.
step() {
    local what=$1
    shift
    local output
    if output=$("$@" 2>&1); then
        passes=$((passes + 1)); echo "$output" | tail -1
    else
        echo "FAIL: $what"; echo "$output" | tail -20; failures=$((failures + 1))
    fi
}

# The reference run: its report, and the line `corridor run` prints to say where it is.
if [ "$which" = run ]; then
step "corridor run of the reference theatre" "$corridor" run "$reference" --out "$work/run"
step "corridor run does not print where its report is" \
    bash -c "'$corridor' run '$reference' --out '$work/run2' | grep -qx '  report   $work/run2/report.html'"
step "the reference run's report.html" python3 "$here/check_report.py" "$work/run/report.html" \
    --expect-charts 19 --screenshot "$shots/run-report.png" \
    --expect-ids closure-profile,movement-1,movement-9,airlift-sorties,airlift-tonnes,aid-1,aid-2,aid-3,aid-unmet,returns,closures,map
step "two runs of the same inputs wrote reports that differ" cmp "$work/run/report.html" "$work/run2/report.html"
fi

# A small sweep: 6 points x 3 replications.
if [ "$which" = sweep ]; then
cat >"$work/small.yaml" <<YAML
sweep:
  scenario: $reference
  replications: 3
  kpis: [closure_time_h, unmet_person_days, sorties]
parameters:
  airlift.Il-76MD.count: [12, 20]
  fleets.icrc-trucks.count: [4, 8, 12]
YAML
step "corridor sweep" "$corridor" sweep "$work/small.yaml" --out "$work/sweep" --quiet
step "the sweep's report.html" python3 "$here/check_report.py" "$work/sweep/report.html" \
    --expect-charts 9 --screenshot "$shots/sweep-report.png" \
    --expect-ids spread-closure_time_h,spread-unmet_person_days,spread-sorties,grid-closure_time_h,grid-sorties,regression-sorties
fi

# A comparison of two runs with replications, as HTML on stdout.
if [ "$which" = compare ]; then
step "run with replications (a)" "$corridor" run "$reference" --replications 4 --seed 1 --out "$work/a"
step "run with replications (b)" "$corridor" run "$reference" --replications 4 --seed 7 --out "$work/b"
step "corridor compare --format html" bash -c "'$corridor' compare '$work/a' '$work/b' --format html >'$work/compare.html'"
step "the comparison's report" python3 "$here/check_report.py" "$work/compare.html" \
    --expect-charts 1 --expect-ids difference-0 --screenshot "$shots/compare-report.png"
fi

echo "$passes passed, $failures failed"
[ "$failures" -eq 0 ]
