#!/usr/bin/env bash
# Seeds for the fuzz targets from what the project ships: every scenario (with its network and
# includes), the bad-input corpus, the test networks, and command lines over them, as bundles
# (tests/fuzz/fuzz_files.hpp). Made afresh at each use so that they follow the shipped files;
# the hand-made seeds that nothing shipped covers are committed in tests/fuzz/corpus/.
# Usage: seeds.sh OUT   (writes OUT/scenario, OUT/csv, OUT/cli)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
out=$1
rm -rf "$out"
mkdir -p "$out/scenario" "$out/csv" "$out/cli"
cd "$root"

# bundle FIRST [NAME=PATH...]: the first file's bytes, then each further file after `#### NAME`.
bundle() {
    cat "$1"
    shift
    for pair in "$@"; do
        printf '\n#### %s\n' "${pair%%=*}"
        cat "${pair#*=}"
    done
}
# A seed's name from its path: tests/bad-input/04-duplicate-key.yaml -> tests-bad-input-04-duplicate-key.yaml
seed_name() { echo "$1" | tr '/' '-'; }

# Scenarios: alone, and with the network folder beside them (the reference theatre's `file: network`).
for scenario in scenarios/*/*.yaml tests/bad-input/*.yaml tests/data/scenarios/*.yaml; do
    extra=()
    dir=$(dirname "$scenario")
    if [ -d "$dir/network" ]; then
        for table in "$dir"/network/*.csv; do extra+=("network/$(basename "$table")=$table"); done
    fi
    bundle "$scenario" ${extra[@]+"${extra[@]}"} > "$out/scenario/$(seed_name "$scenario")"
    printf 'validate\nscenario.yaml\n#### scenario.yaml\n' | cat - "$out/scenario/$(seed_name "$scenario")" \
        > "$out/cli/validate-$(seed_name "$scenario")"
done
# Split scenarios: each file as the main one, the others beside it to be included.
for main in tests/data/scenarios/split/*.yaml; do
    extra=()
    for other in tests/data/scenarios/split/*.yaml; do
        [ "$other" = "$main" ] || extra+=("$(basename "$other")=$other")
    done
    bundle "$main" "${extra[@]}" > "$out/scenario/$(seed_name "$main")"
done
# Short runs of the validation scenarios through the command line. The statistical depot case
# runs 10,000 trucks for 28 days (seconds here, past the fuzzer's 10 s timeout under its
# sanitizers): it is only validated.
for scenario in scenarios/validation/*.yaml; do
    command='run\nscenario.yaml\n--seed\n3\n'
    case $(basename "$scenario") in depot-bays-mmc.yaml) command='validate\nscenario.yaml\n' ;; esac
    printf '%b#### scenario.yaml\n' "$command" | cat - "$scenario" > "$out/cli/run-$(seed_name "$scenario")"
done

# Small sweeps of the one-convoy scenario: a grid, a Latin hypercube with ranges, each road closed.
one=scenarios/validation/one-convoy.yaml
sweep_seed() {  # NAME SWEEP-TEXT
    { printf 'sweep\ns.yaml\n#### s.yaml\n%s\n#### scenario.yaml\n' "$2"; cat "$one"; } > "$out/cli/sweep-$1"
}
sweep_seed grid 'sweep: {scenario: scenario.yaml, replications: 2}
parameters:
  posts.P1.setup: [1h, 3h]
  units.column.ready: [0h, 2h]'
sweep_seed lhs 'sweep: {scenario: scenario.yaml, design: lhs, points: 4, kpis: [closure_time_h]}
parameters:
  march.vehicle_interval: {range: [50m, 200m]}
  units.0.personnel: {range: [10, 60]}'
sweep_seed roads 'sweep: {scenario: scenario.yaml, design: each_road_closed, replications: 2}'

# `compare` over the hand-made sweep folders (tests/data/compare/): two folders, and one ranked.
compare_files() {
    for f in manifest.json runs.csv; do printf '#### %s/%s\n' "$1" "$f"; cat "tests/data/compare/$2/$f"; done
}
for pair in "sweep-a sweep-b" "sweep-a sweep-c" "sweep-a sweep-other"; do
    read -r a b <<<"$pair"
    { printf 'compare\na\nb\n--format\ncsv\n'; compare_files a "$a"; compare_files b "$b"; } > "$out/cli/compare-$a-$b"
done
{ printf 'compare\na\n'; compare_files a sweep-a; } > "$out/cli/compare-rank-sweep-a"

# CSV networks: nodes.csv, then `#### edges.csv`; and a route over each through the command line.
for folder in tests/data/networks/* scenarios/*/network; do
    [ -f "$folder/nodes.csv" ] && [ -f "$folder/edges.csv" ] || continue
    bundle "$folder/nodes.csv" "edges.csv=$folder/edges.csv" > "$out/csv/$(seed_name "$folder")"
    first=$(awk -F, '!/^#/ && NR > 1 && $1 != "id" { print $1; exit }' "$folder/nodes.csv")
    last=$(awk -F, '!/^#/ && $1 != "id" { id = $1 } END { print id }' "$folder/nodes.csv")
    printf 'route\nnet\n--from\n%s\n--to\n%s\n' "$first" "$last" |
        cat - <(printf '#### net/nodes.csv\n') "$folder/nodes.csv" <(printf '\n#### net/edges.csv\n') "$folder/edges.csv" \
            > "$out/cli/route-$(seed_name "$folder")"
done
echo "seeds: $(find "$out" -type f | wc -l) files in $out"
