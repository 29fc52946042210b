#!/usr/bin/env bash
# The figures of issue 11 for docs/performance.md, "Reports":
#   1. what writing report.html and routes.geojson adds to a reference run: `corridor run` of the
#      reference theatre timed with a build that writes them (AFTER) and one that does not (BEFORE,
#      main before issue 11, same build type), interleaved, best of N each: the ratio is the cost
#      (target: at most 1.20);
#   2. that a KPI-only run costs nothing more: `corridor-bench scenario --kpis-only` of both builds
#      (target: 1.00 within the noise, a few per cent on a shared machine);
#   3. a 1,000-run sweep (100 lhs points x 10 replications): its report.html under 5 MB and loaded
#      by headless Chromium in under 2 s (tests/browser/check_report.py), with a screenshot.
# Without BEFORE only the absolute figures of AFTER are given (1. and 2. need both). A run is about
# half a second, so the machine's load weighs: run it quiet, and give the same build as both
# AFTER and BEFORE once to see the noise (with the load at 4 on 2 cores, best of 2: 1.45 and 0.88
# for one and the same build; best of 7 or more narrows it).
# Usage: tests/bench/report_bench.sh AFTER_BUILD_DIR [BEFORE_BUILD_DIR] [--repetitions N]
# (from the project folder; e.g. `tests/bench/report_bench.sh build build-main`).
set -euo pipefail
after=$(cd "$1" && pwd)
before=
if [ $# -ge 2 ] && [ "${2#--}" = "$2" ]; then before=$(cd "$2" && pwd); shift; fi
shift
repetitions=7
if [ "${1:-}" = --repetitions ]; then repetitions=$2; fi
source_dir=$(cd "$(dirname "$0")/../.." && pwd)
reference=$source_dir/scenarios/karabakh-2020/scenario.yaml
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# seconds COMMAND...: the wall time of one run of COMMAND, in seconds (3 decimals).
seconds() {
    local start end
    start=$(date +%s%N)
    "$@" >/dev/null 2>&1
    end=$(date +%s%N)
    awk -v ns=$((end - start)) 'BEGIN { printf "%.3f", ns / 1e9 }'
}
min() { awk -v a="$1" -v b="$2" 'BEGIN { print (a == "" || b < a) ? b : a }'; }

echo "report_bench: $(date -u +%Y-%m-%dT%H:%MZ), load $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores"

# 1. The reference run, with and without the report writers.
best_after= best_before=
for i in $(seq "$repetitions"); do
    best_after=$(min "$best_after" "$(seconds "$after/corridor" run "$reference" --out "$work/after")")
    if [ -n "$before" ]; then
        best_before=$(min "$best_before" "$(seconds "$before/corridor" run "$reference" --out "$work/before")")
    fi
done
for f in report.html routes.geojson; do
    [ -s "$work/after/$f" ] || { echo "report_bench: $after/corridor wrote no $f: not a build of issue 11" >&2; exit 2; }
done
echo "reference run, best of $repetitions: $best_after s with report.html ($(stat -c %s "$work/after/report.html") bytes)" \
     "and routes.geojson ($(stat -c %s "$work/after/routes.geojson") bytes)"
if [ -n "$before" ]; then
    echo "reference run, best of $repetitions, without them ($before): $best_before s;" \
         "ratio $(awk -v a="$best_after" -v b="$best_before" 'BEGIN { printf "%.3f", a / b }') (target at most 1.20)"
fi

# 2. A KPI-only run (as a sweep runs it): the model's new sinks must cost nothing there.
kpis_only() { "$1/corridor-bench" scenario "$reference" --kpis-only --repetitions 20 | sed 's/.*"kpis_only_run_seconds":\([0-9.]*\).*/\1/'; }
lean_after=$(kpis_only "$after")
echo "KPI-only run, best of 20: $lean_after s"
if [ -n "$before" ]; then
    lean_before=$(kpis_only "$before")
    echo "KPI-only run, best of 20, before: $lean_before s;" \
         "ratio $(awk -v a="$lean_after" -v b="$lean_before" 'BEGIN { printf "%.3f", a / b }') (target 1.00 within the noise)"
fi

# 3. A 1,000-run sweep's report.
cat >"$work/thousand.yaml" <<YAML
sweep:
  scenario: $reference
  design: lhs
  points: 100
  replications: 10
parameters:
  airlift.Il-76MD.count: {range: [10, 25]}
  fleets.icrc-trucks.count: {range: [4, 13]}
YAML
sweep_s=$(seconds "$after/corridor" sweep "$work/thousand.yaml" --out "$work/sweep" --quiet)
[ -s "$work/sweep/report.html" ] || { echo "report_bench: the sweep wrote no report.html" >&2; exit 2; }
echo "sweep of 1,000 runs (100 lhs points x 10 replications, every KPI): $sweep_s s"
mkdir -p "$after/bench"
python3 "$source_dir/tests/browser/check_report.py" "$work/sweep/report.html" \
    --max-bytes 5000000 --max-load-ms 2000 --screenshot "$after/bench/sweep-1000-report.png"
echo "(screenshot: $after/bench/sweep-1000-report.png)"
