#!/usr/bin/env bash
# Runs each fuzz target of build-fuzz/ for SECONDS (make fuzz; docs/testing.md). Each target
# starts from the committed seeds (tests/fuzz/corpus/T), the seeds made from the shipped files
# (build-fuzz/seeds/T) and the regressions (tests/fuzz/regressions/T); what it learns is kept in
# build-fuzz/corpus/T for the next run. A crash, timeout or out-of-memory input is written to
# tests/fuzz/crashes/T/ (git-ignored) and makes the whole run fail after the other targets ran.
# With FUZZ_PENDING_OK=1 (CI), a target that still has inputs in tests/fuzz/pending/T (known
# failures waiting for a fix) reports what it finds without failing the run; once pending/T is
# empty, the target is strict again.
# With FUZZ_FIXED=1 (CI), each target instead makes a fixed number of runs from a fixed seed
# (about 45 s each on a 2-core machine, never more than 3 x SECONDS), so that CI tries nearly the
# same inputs every time and a failure it finds is found again with the same command.
# Usage: run.sh SECONDS TARGET...
set -uo pipefail
seconds=$1
shift
root=$(cd "$(dirname "$0")/../.." && pwd)
build=$root/build-fuzz
"$root/tests/fuzz/seeds.sh" "$build/seeds" || exit 1
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1}
found=0
known=0
for target in "$@"; do
    crashes=$root/tests/fuzz/crashes/$target
    mkdir -p "$build/corpus/$target" "$crashes" "$build/seeds/$target"
    before=$(find "$crashes" -type f | wc -l)
    inputs=("$build/corpus/$target" "$root/tests/fuzz/corpus/$target" "$build/seeds/$target")
    [ -d "$root/tests/fuzz/regressions/$target" ] && inputs+=("$root/tests/fuzz/regressions/$target")
    dict=()
    [ -f "$root/tests/fuzz/dict/$target.dict" ] && dict=(-dict="$root/tests/fuzz/dict/$target.dict")
    if [ "${FUZZ_FIXED:-0}" = 1 ]; then
        # Runs that take about 45 s each here (from the executions a 45 s run made).
        case $target in
            scenario) runs=25000 ;; csv) runs=60000 ;; dimacs) runs=200000 ;;
            osm) runs=20000 ;; pbf) runs=150000 ;; *) runs=25000 ;;
        esac
        budget=(-runs="$runs" -seed=1 -max_total_time="$((3 * seconds))")
        echo "fuzz: $target for $runs runs from seed 1"
    else
        budget=(-max_total_time="$seconds")
        echo "fuzz: $target for $seconds s"
    fi
    "$build/fuzz-$target" "${budget[@]}" -rss_limit_mb=1024 -timeout=10 -close_fd_mask=3 \
        -print_final_stats=1 -artifact_prefix="$crashes/" "${dict[@]}" \
        "${inputs[@]}" > "$build/fuzz-$target.log" 2>&1
    status=$?
    grep -E '^stat::number_of_executed_units|^#[0-9]+ *DONE' "$build/fuzz-$target.log" | tail -1 | sed 's/^/  /'
    after=$(find "$crashes" -type f | wc -l)
    if [ "$status" -ne 0 ] || [ "$after" -gt "$before" ]; then
        pending=$(find "$root/tests/fuzz/pending/$target" -type f 2>/dev/null | wc -l)
        if [ "${FUZZ_PENDING_OK:-0}" = 1 ] && [ "$pending" -gt 0 ]; then
            known=$((known + 1))
            echo "fuzz: $target found a failure (exit $status) while $pending known ones wait in tests/fuzz/pending/$target; not failing the run:"
        else
            found=$((found + 1))
            echo "fuzz: $target FOUND A FAILURE (exit $status); the input is in $crashes/, the report in $build/fuzz-$target.log:"
        fi
        grep -E '^==[0-9]+==ERROR|^SUMMARY|^ +#[0-3] |^fuzz: |artifact_prefix|Test unit written' "$build/fuzz-$target.log" | head -12 | sed 's/^/  /'
    fi
done
if [ "$found" -gt 0 ]; then
    echo "fuzz: $found of $# targets failed; see docs/testing.md to turn an input into a regression"
    exit 1
fi
if [ "$known" -gt 0 ]; then
    echo "fuzz: $known of $# targets failed in ways like those in tests/fuzz/pending/ (tolerated: FUZZ_PENDING_OK=1)"
else
    echo "fuzz: $# targets ran without a failure"
fi
