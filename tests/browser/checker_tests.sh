#!/usr/bin/env bash
# The browser checker's own test: it passes the sample page that keeps the report rules, and fails,
# saying why, each sample that breaks one (a chart drawn 0 x 0, a script that logs a console error,
# a link to the network, a chart with no title or axis label); its screenshot holds the whole page.
# Usage: checker_tests.sh  (chromium and chromedriver from `make deps`)
set -u
here=$(cd "$(dirname "$0")" && pwd)
check="$here/check_report.py"
samples="$here/samples"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
failures=0
passes=0

# run SAMPLE ARGS...: runs the checker once (a browser start is slow); $status and $output keep
# what it said, for `says` to read.
run() {
    local sample=$1
    shift
    ran="check_report.py $(basename "$sample") $*"
    output=$(python3 "$check" "$sample" "$@" 2>&1)
    status=$?
}

# says CODE PATTERN: the last run exited CODE and its output matches PATTERN.
says() {
    if [ "$status" -ne "$1" ]; then
        echo "FAIL: $ran exited $status, expected $1"; echo "$output"; failures=$((failures + 1))
    elif ! grep -qE -- "$2" <<<"$output"; then
        echo "FAIL: $ran: output does not match /$2/"; echo "$output"; failures=$((failures + 1))
    else
        passes=$((passes + 1))
    fi
}

# png_size FILE: "WIDTH HEIGHT" from the PNG header.
png_size() {
    python3 -c 'import struct,sys; d=open(sys.argv[1],"rb").read(24); assert d[:8]==b"\x89PNG\r\n\x1a\n"; print(*struct.unpack(">II", d[16:24]))' "$1"
}

run "$samples/good.html" --expect-charts 2 --expect-ids closure-profile,tonnes-per-day \
    --screenshot "$out/good.png" --max-load-ms 10000
says 0 '^good\.html: 2 charts, load [0-9]+ ms, 2,029 bytes: ok$'
read -r width height < <(png_size "$out/good.png" 2>/dev/null || echo "0 0")
if [ "$width" -ge 1000 ] && [ "$height" -ge 600 ]; then passes=$((passes + 1)); else
    echo "FAIL: the screenshot of good.html is $width x $height px"; failures=$((failures + 1)); fi

run "$samples/zero-size.html"
says 1 "chart 2 \(id 'tonnes-per-day'\): drawn 0 x 0 px, not visible"
says 1 '^zero-size\.html: 2 charts, load [0-9]+ ms, 2,034 bytes: FAIL$'
run "$samples/console-error.html"
says 1 'console SEVERE: .*"sample: a chart failed to draw"'
says 1 'the page has a <script>'
run "$samples/external-untitled.html"
says 1 "a reference outside the file: 'href=\"https://'"
says 1 'the browser fetched https://fonts\.example\.invalid/font\.css from the network'
says 1 "chart 2 \(id 'tonnes-per-day'\): the svg has no <title>"
says 1 "the svg has no text \(no axis label\)"
run "$samples/good.html" --expect-charts 3 --min-charts 4 --expect-ids closure-profile,movement-graph --max-bytes 1000
says 1 '^good\.html: FAIL: 2 charts, expected 3$'
says 1 '^good\.html: FAIL: 2 charts, expected at least 4$'
says 1 "no chart with id 'movement-graph'"
says 1 '2,029 bytes, more than the 1,000 allowed'
run "$samples/no-such.html"
says 2 'no-such\.html: no such file'

# A page taller than the window: the screenshot holds all of it, not the first screenful.
sed 's|<table>|<div style="height: 3000px">a tall page</div><table>|' "$samples/good.html" >"$out/tall.html"
run "$out/tall.html" --screenshot "$out/tall.png"
says 0 'tall\.html: 2 charts' 
read -r width height < <(png_size "$out/tall.png" 2>/dev/null || echo "0 0")
if [ "$height" -ge 3600 ]; then passes=$((passes + 1)); else
    echo "FAIL: the screenshot of a 3,600 px page is $width x $height px"; failures=$((failures + 1)); fi

# No chromedriver or chromium left behind by this test's checks.
if pgrep -f -- "--user-data-dir=/tmp/check-report-" >/dev/null; then
    echo "FAIL: a chromium of the checker is still running"; failures=$((failures + 1)); else passes=$((passes + 1)); fi

echo "$passes passed, $failures failed"
[ "$failures" -eq 0 ]
