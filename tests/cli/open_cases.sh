# `corridor run` says where its report is, and `--open` shows it on a desktop and nowhere else:
# a fake xdg-open on PATH records what it was asked to open. Sourced by run_cli_tests.sh, with
# $corridor, $one (a small scenario) and $out (a scratch folder) set.
fake=$out/fake-desktop
mkdir -p "$fake/bin"
cat >"$fake/bin/xdg-open" <<FAKE
#!/bin/sh
echo "\$1" >>"$fake/opened"
FAKE
chmod +x "$fake/bin/xdg-open"

# opened_within SECONDS: waits for the detached fake to have written (xdg-open is never waited for).
opened_within() {
    local tenths=$(($1 * 10))
    while [ "$tenths" -gt 0 ] && [ ! -s "$fake/opened" ]; do sleep 0.1; tenths=$((tenths - 1)); done
    [ -s "$fake/opened" ]
}

expect 0 "^  report   $out/shown/report\.html$" -- run "$one" --out "$out/shown"
expect 0 "^  report   $out/shown/report\.html$" -- run "$one" --out "$out/shown/"

# A desktop (DISPLAY set): xdg-open is given the report's absolute path, even for a relative --out.
rm -f "$fake/opened"
(cd "$out" && env -u WAYLAND_DISPLAY DISPLAY=:99 PATH="$fake/bin:$PATH" \
    "$corridor_path" run "$one_path" --out opened-run --open >"$fake/stdout" 2>&1)
check "run --open on a desktop exited non-zero" test $? = 0
check "run --open: xdg-open not called within 10 s" opened_within 10
check "run --open: xdg-open was not given the absolute path of the report (it got '$(cat "$fake/opened" 2>/dev/null)')" \
    test "$(cat "$fake/opened" 2>/dev/null)" = "$out/opened-run/report.html"
check "run --open printed something of its own" test "$(tail -1 "$fake/stdout")" = "  report   opened-run/report.html"
# Wayland only: the same.
rm -f "$fake/opened"
env -u DISPLAY WAYLAND_DISPLAY=wayland-0 PATH="$fake/bin:$PATH" "$corridor" run "$one" --out "$out/wayland" --open >/dev/null 2>&1
check "run --open under Wayland: xdg-open not called within 10 s" opened_within 10
check "run --open under Wayland: xdg-open was not given the report" \
    test "$(cat "$fake/opened" 2>/dev/null)" = "$out/wayland/report.html"

# No desktop (DISPLAY and WAYLAND_DISPLAY unset, as on a server or in CI): nothing is started.
rm -f "$fake/opened"
said=$(env -u DISPLAY -u WAYLAND_DISPLAY PATH="$fake/bin:$PATH" "$corridor" run "$one" --out "$out/headless" --open 2>&1)
check "run --open without a desktop exited non-zero" test $? = 0
check "run --open without a desktop printed more than without --open" \
    test "$(tail -1 <<<"$said")" = "  report   $out/headless/report.html"
# An empty DISPLAY is no desktop either; nor is a desktop without xdg-open.
env -u WAYLAND_DISPLAY DISPLAY= PATH="$fake/bin:$PATH" "$corridor" run "$one" --out "$out/empty-display" --open >/dev/null 2>&1
check "run --open with DISPLAY= exited non-zero" test $? = 0
env -u WAYLAND_DISPLAY DISPLAY=:99 PATH=/nonexistent "$corridor_path" run "$one_path" --out "$out/no-opener" --open >/dev/null 2>&1
check "run --open with no xdg-open on PATH exited non-zero" test $? = 0
sleep 1
check "run --open called xdg-open with no desktop (it got '$(cat "$fake/opened" 2>/dev/null)')" test ! -e "$fake/opened"
# A run that fails opens nothing.
env -u WAYLAND_DISPLAY DISPLAY=:99 PATH="$fake/bin:$PATH" "$corridor" run "$out/none.yaml" --open >/dev/null 2>&1
check "a failed run --open did not exit 2" test $? = 2
sleep 1
check "a failed run --open called xdg-open" test ! -e "$fake/opened"
