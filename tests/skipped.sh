#!/usr/bin/env bash
# After ctest: which tests skipped and why, read from the log ctest keeps, so that a user sees
# the reasons without opening it. A test that skips prints a line starting with "skipped:".
# Usage: skipped.sh BUILD_DIR
set -u
log=$1/Testing/Temporary/LastTest.log
[ -f "$log" ] || exit 0
summary=$(awk '
    /^[0-9]+\/[0-9]+ Test: / { sub(/^[0-9]+\/[0-9]+ Test: /, ""); name = $0 }
    /^skipped: / && !seen[name]++ { print "  " name ": " substr($0, 10) }
' "$log")
if [ -n "$summary" ]; then
    echo "Skipped tests and why (full log: $log):"
    echo "$summary"
    echo "To run them: \`make data\` fetches the files (or says which to put where when offline), or set"
    echo "CORRIDOR_DATA_DIR to a folder that has them (docs/testing.md, \"Test data\")."
fi
exit 0
