#!/usr/bin/env bash
# The bad-input corpus: every NN-name.yaml here must make `corridor validate` exit 2 and print
# exactly NN-name.expected on standard error, and `corridor run` must refuse it the same way and
# leave an earlier results folder untouched.
# Usage: run.sh path/to/corridor
set -u
corridor=$(realpath "$1")
cd "$(dirname "$0")" || exit 1
failures=0
passes=0
results=$(mktemp -d)
mkdir -p "$results/earlier" && echo "earlier run" > "$results/earlier/kpis.json"
for scenario in [0-9]*.yaml; do
    expected=${scenario%.yaml}.expected
    actual=$("$corridor" validate "$scenario" 2>&1 >/dev/null)
    status=$?
    if [ "$status" -ne 2 ]; then
        echo "FAIL: $scenario: validate exited $status, expected 2"; failures=$((failures + 1)); continue
    fi
    if [ "$actual" != "$(cat "$expected")" ]; then
        echo "FAIL: $scenario: the errors differ from $expected:"; diff <(echo "$actual") "$expected" | head -10
        failures=$((failures + 1)); continue
    fi
    run_errors=$("$corridor" run "$scenario" --out "$results/earlier" 2>&1 >/dev/null)
    status=$?
    if [ "$status" -ne 2 ] || [ "$run_errors" != "$actual" ] || [ "$(cat "$results/earlier/kpis.json")" != "earlier run" ] \
        || [ "$(ls "$results")" != "earlier" ]; then
        echo "FAIL: $scenario: run exited $status or touched the results folder"; failures=$((failures + 1)); continue
    fi
    passes=$((passes + 1))
done
rm -rf "$results"
echo "$passes passed, $failures failed"
[ "$passes" -ge 30 ] && [ "$failures" -eq 0 ]
