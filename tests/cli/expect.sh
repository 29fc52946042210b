# The checks the command-line tests share; sourced, with $corridor set. Each adds to $passes or
# $failures, and the script ends with `echo "$passes passed, $failures failed"`.
failures=0
passes=0

# expect CODE PATTERN -- ARGS...: runs corridor ARGS, checks the exit code and that the combined
# output matches the extended regular expression PATTERN.
expect() {
    local code=$1 pattern=$2
    shift 3
    local output status
    output=$("$corridor" "$@" 2>&1)
    status=$?
    if [ "$status" -ne "$code" ]; then
        echo "FAIL: corridor $* exited $status, expected $code"; echo "$output" | head -5
        failures=$((failures + 1)); return
    fi
    if ! grep -qE -- "$pattern" <<<"$output"; then
        echo "FAIL: corridor $*: output does not match /$pattern/"; echo "$output" | head -5
        failures=$((failures + 1)); return
    fi
    passes=$((passes + 1))
}

# check DESCRIPTION COMMAND...: passes when the command succeeds.
check() {
    local what=$1
    shift
    if "$@"; then passes=$((passes + 1)); else echo "FAIL: $what"; failures=$((failures + 1)); fi
}
