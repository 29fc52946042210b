#!/usr/bin/env bash
# Golden files: each scenario below is run and every file it writes is compared, byte for byte,
# with the copy checked in under tests/golden/NAME/. The manifest is compared without the lines
# that name the command, the version and the scenario file's hash (comments change the hash), and
# report.html without its subtitle (which names the version).
# When a change to the results is intended, regenerate with `make golden` (this script with
# --update), read `git diff tests/golden`, and say in the commit which outputs changed and why.
# Usage: check.sh path/to/corridor source_dir [--update]
set -u
corridor=$1
source_dir=$2
update=${3:-}
golden_dir=$source_dir/tests/golden
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# name and scenario, relative to the source folder
cases=(
    "karabakh-2020 scenarios/karabakh-2020/scenario.yaml"
    "one-convoy scenarios/validation/one-convoy.yaml"
    "airlift-only scenarios/validation/airlift-only.yaml"
    "checkpoint-mmc scenarios/validation/checkpoint-mmc.yaml"
    "closures scenarios/validation/closures.yaml"
    "aid-one-depot scenarios/validation/aid-one-depot.yaml"
    "aid-stock-out scenarios/validation/aid-stock-out.yaml"
    "returns-after-post scenarios/validation/returns-after-post.yaml"
    "repair-team scenarios/validation/repair-team.yaml"
    "service-repair scenarios/validation/service-repair.yaml"
    "random-closures scenarios/validation/random-closures.yaml"
    "escort scenarios/validation/escort.yaml"
    "fuel scenarios/validation/fuel.yaml"
    "places-by-coordinates scenarios/validation/places-by-coordinates.yaml"
)

# report.html names the version in its subtitle, so its checksum in the manifest changes with it
# too: the report is compared without that line instead.
stable() {
    grep -v -E '^  "(command|scenario_hash|corridor_version)":|^    "report\.html": ' "$1"
}

failures=0
for entry in "${cases[@]}"; do
    read -r name scenario <<<"$entry"
    out=$work/$name
    if ! (cd "$source_dir" && "$corridor" run "$scenario" --out "$out" >"$work/$name.log" 2>&1); then
        echo "FAIL $name: the run failed:"
        cat "$work/$name.log"
        failures=$((failures + 1))
        continue
    fi
    stable "$out/manifest.json" >"$out/manifest.stable" && rm "$out/manifest.json"
    grep -v '^<p class="subtitle">' "$out/report.html" >"$out/report.stable" && rm "$out/report.html"
    if [ "$update" = "--update" ]; then
        rm -rf "${golden_dir:?}/$name"
        mkdir -p "$golden_dir/$name"
        cp "$out"/* "$golden_dir/$name/"
        echo "updated tests/golden/$name ($(ls "$out" | wc -l) files)"
        continue
    fi
    if [ ! -d "$golden_dir/$name" ]; then
        echo "FAIL $name: no golden files; run make golden"
        failures=$((failures + 1))
        continue
    fi
    if diff -r -q "$golden_dir/$name" "$out" >"$work/$name.diff"; then
        echo "ok   $name"
    else
        echo "FAIL $name differs from tests/golden/$name:"
        sed 's/^/     /' "$work/$name.diff"
        for f in $(cd "$out" && ls); do
            [ -f "$golden_dir/$name/$f" ] && diff -u "$golden_dir/$name/$f" "$out/$f" | head -20
        done
        failures=$((failures + 1))
    fi
done
[ "$update" = "--update" ] && exit 0
echo "$(( ${#cases[@]} - failures )) of ${#cases[@]} scenarios match their golden files"
[ "$failures" -eq 0 ]
