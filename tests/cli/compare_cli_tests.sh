#!/usr/bin/env bash
# `corridor compare` end to end: two real runs with replications compared paired (same seed) and
# by Welch (another seed), pairing's narrower interval, the hand-made sweep folders of
# tests/data/compare/, the three formats, and each mistake a planner can make (exit 2, a message).
# Usage: compare_cli_tests.sh path/to/corridor source_dir
set -u
corridor=$1
source_dir=$2

# shellcheck source=expect.sh
. "$(dirname "$0")/expect.sh"

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
fixtures=$source_dir/tests/data/compare

# The reference theatre and a variant with one more ICRC truck (9, not 8): a copy of the whole
# folder, so that the variant reads the same network/ beside it.
cp -r "$source_dir/scenarios/karabakh-2020" "$out/variant"
sed -i '/^  icrc-trucks:/,/count:/ s/count: 8$/count: 9/' "$out/variant/scenario.yaml"
check "the variant does not have 9 ICRC trucks" grep -q '^    count: 9$' "$out/variant/scenario.yaml"
reference=$source_dir/scenarios/karabakh-2020/scenario.yaml
runs=12
for run in "ref $reference 1" "more $out/variant/scenario.yaml 1" "more7 $out/variant/scenario.yaml 7"; do
    read -r name scenario seed <<<"$run"
    expect 0 "over $runs replications" -- run "$scenario" --replications $runs --seed "$seed" --out "$out/$name"
done

# Same seed: paired, common random numbers; another seed: Welch.
expect 0 'paired \(same seed 1, common random numbers\)' -- compare "$out/ref" "$out/more"
expect 0 'Welch, independent seeds \(1 and 7\)' -- compare "$out/ref" "$out/more7"
expect 0 "Holm's adjustment across the KPIs of each point \([0-9]+ KPIs tested\)" -- compare "$out/ref" "$out/more"
# The number of posts is the same in every run: an exact difference, no test.
expect 0 'posts +posts +12 +28 +28 +0 +exact: the same difference in every pair, no test' -- \
    compare "$out/ref" "$out/more"
"$corridor" compare "$out/ref" "$out/more" --format csv >"$out/paired.csv" 2>&1
"$corridor" compare "$out/ref" "$out/more7" --format csv >"$out/welch.csv" 2>&1
check "the paired csv lacks its header" \
    grep -q '^point,kpi,unit,method,n_a,n_b,mean_a,mean_b,difference,ci95_low,ci95_high,df,t,p,p_holm,status,flag$' \
    "$out/paired.csv"
# Pairing narrows the interval of the KPIs the extra truck changes through luck: the same dice on
# both sides (at 20 replications: unmet need +-329 paired against +-1256, breakdowns +-1.4 against
# +-6.6). A KPI the truck does not touch (the force's closure) is exactly the same, paired.
width() { awk -F, -v k="$2" '$2 == k && $16 == "tested" { printf "%.6f\n", $11 - $10 }' "$1"; }
for kpi in unmet_person_days truck_breakdowns; do
    paired=$(width "$out/paired.csv" $kpi)
    welch=$(width "$out/welch.csv" $kpi)
    echo "  $kpi: 95% interval width paired $paired, Welch $welch"
    check "$kpi: paired interval ($paired) not narrower than Welch's ($welch)" \
        awk -v p="$paired" -v w="$welch" 'BEGIN { exit !(p != "" && w != "" && p + 0 < w + 0) }'
done
check "the force's closure is not exactly the same with one more ICRC truck, paired" \
    grep -q '^0,closure_time_h,h,paired,12,12,[0-9.]*,[0-9.]*,0,,,,,,,exact,$' "$out/paired.csv"
# Same bytes every time, in every format.
for format in text csv markdown html; do
    "$corridor" compare "$out/ref" "$out/more" --format $format >"$out/one.$format" 2>&1
    "$corridor" compare "$out/ref" "$out/more" --format $format >"$out/two.$format" 2>&1
    check "compare --format $format differs between two calls" cmp -s "$out/one.$format" "$out/two.$format"
done
check "the markdown lacks its table rule" grep -q '^|---|---|---:|' "$out/one.markdown"

# --format html: one self-contained page on stdout, the differences as interval bars (one chart
# for the one point of two runs with replications), the method said, the tables with units.
html=$out/one.html
count() { grep -o "$1" "$2" | wc -l; }
check "the html page does not start as a document" test "$(head -c 15 "$html")" = '<!DOCTYPE html>'
check "the html page has not one figure.chart for one point" test "$(count '<figure class="chart"' "$html")" = 1
check "the html page has a script or a link to the network" \
    test "$(grep -c -e '<script' -e 'https://' -e '<link' "$html")" = 0
check "the html page does not say paired" grep -q 'Paired: both used seed 1' "$html"
check "the html chart has no row for unmet_person_days" grep -q 'class="tick" text-anchor="end">unmet_person_days</text>' "$html"
check "the html table has not the exact posts" grep -q '<td>posts (posts)</td><td class="num">12</td><td class="num">28</td><td class="num">28</td><td class="num">0</td><td class="num">exact</td>' "$html"
check "the html table header lacks units" grep -q '<th>KPI (unit)</th><th class="num">Runs (n or A/B)</th><th class="num">Mean A (unit)</th>' "$html"
expect 0 'Welch: the seeds differ \(1 and 7\)' -- compare "$out/ref" "$out/more7" --format html

# Hand-made sweep folders (tests/data/compare/): per point, paired, and pairs only where both
# have a value (point 0's aid: 2 pairs, differences 2 and 1, p = 1 - 2 atan(3) / pi = 0.2048).
expect 0 'point 1: fleets\.icrc\.count = 12' -- compare "$fixtures/sweep-a" "$fixtures/sweep-b"
expect 0 'aid_tonnes_delivered +2 +52 +53\.5 +1\.5 +\[-4\.853, 7\.853\] +0\.2048' -- \
    compare "$fixtures/sweep-a" "$fixtures/sweep-b"
expect 0 '^0,10,closure_time_h,,paired,3,3,102,100\.666667,-1\.333333,' -- \
    compare "$fixtures/sweep-a" "$fixtures/sweep-b" --format csv
expect 0 'Welch, independent seeds \(7 and 8\)' -- compare "$fixtures/sweep-a" "$fixtures/sweep-c"
# One folder: its points ranked, best first (closure: point 1's 100 h before point 0's 102 h).
expect 0 'closure_time_h \(lower is better\)' -- compare "$fixtures/sweep-a"
expect 0 '^closure_time_h,,lower,1,1,12,3,100,' -- compare "$fixtures/sweep-a" --format csv
expect 0 '^aid_tonnes_delivered,,higher,1,1,12,3,63,' -- compare "$fixtures/sweep-a" --format csv
# The same as pages: one interval chart per point, aid's +1.5 [-4.853, 7.853] in its table; the
# ranking one bar chart per KPI, point 1 first on closure.
"$corridor" compare "$fixtures/sweep-a" "$fixtures/sweep-b" --format html >"$out/sweeps.html" 2>&1
check "the sweeps' html has not one figure.chart per point (2)" test "$(count '<figure class="chart"' "$out/sweeps.html")" = 2
check "the sweeps' html lacks aid's difference and interval" \
    grep -q '<td>aid_tonnes_delivered</td><td class="num">2</td><td class="num">52</td><td class="num">53.5</td><td class="num">1.5</td><td class="num">\[-4.853, 7.853\]</td><td class="num">0.2048</td>' "$out/sweeps.html"
"$corridor" compare "$fixtures/sweep-a" --format html >"$out/ranking.html" 2>&1
check "the ranking html has not one figure.chart per KPI (3)" test "$(count '<figure class="chart"' "$out/ranking.html")" = 3
check "the ranking html does not rank point 1 first on closure" \
    grep -q '<td class="num">1</td><td class="num">1</td><td>fleets.icrc.count = 12</td><td class="num">3</td><td class="num">100</td>' "$out/ranking.html"

# Mistakes: each a message and exit 2.
expect 2 "$out/none: error: no such folder" -- compare "$out/none" "$out/ref"
expect 0 'results in' -- run "$source_dir/scenarios/validation/one-convoy.yaml" --out "$out/single"
expect 2 "$out/single: error: a run without replications \(no replications.csv\)" -- compare "$out/single" "$out/ref"
cp -r "$fixtures/sweep-a" "$out/garbled"
printf '1,3,12,1x5,60,28\n' >>"$out/garbled/runs.csv"
expect 2 "$out/garbled/runs.csv:8:8: error: '1x5' is not a number \(KPI 'closure_time_h'\)" -- \
    compare "$out/garbled" "$fixtures/sweep-b"
expect 2 "are the same folder: a comparison needs two results" -- compare "$out/ref" "$out/ref/"
expect 2 "--format must be text, csv, markdown or html, not 'nonsense'" -- compare "$out/ref" "$out/more" --format nonsense
expect 2 "cannot compare .*: point 1 has different parameter values in the two folders" -- \
    compare "$fixtures/sweep-a" "$fixtures/sweep-other"
expect 2 "cannot compare .*: the folders have different points \(2 and 1\)" -- compare "$fixtures/sweep-a" "$out/ref"
mkdir -p "$out/empty"
expect 2 "$out/empty/manifest.json: error: missing: the folder is not a corridor results folder" -- compare "$out/empty"

echo "$passes passed, $failures failed"
[ "$failures" -eq 0 ]
