#!/usr/bin/env bash
# routes.geojson read by GDAL's own ogrinfo (Debian gdal-bin), as QGIS reads it: the reference run's
# file opens as one layer holding every road and every place, with the right geometry types, and
# the values read back are those of roads.csv and posts.csv. A network without coordinates gets no
# routes.geojson and the run says so. Fails when ogrinfo is not installed: `make deps` installs it.
# Usage: geojson_ogrinfo_test.sh path/to/corridor source_dir
set -u
corridor=$1
source_dir=$2
command -v ogrinfo >/dev/null || { echo "ogrinfo (gdal-bin) is not installed: run make deps" >&2; exit 1; }
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

# shellcheck source=expect.sh
. "$(dirname "$0")/expect.sh"

theatre=$source_dir/scenarios/karabakh-2020
expect 0 'results in' -- run "$theatre/scenario.yaml" --out "$out/ref"
geojson=$out/ref/routes.geojson
check "routes.geojson is not in the manifest" grep -q '"routes.geojson"' "$out/ref/manifest.json"

# What the theatre holds, counted from its own files: one road a row of edges.csv, one point a
# unit-post assignment (posts.csv), and the places `validate` counts; one airfield of two (EVN) is
# on the map (Ulyanovsk is the force's home base, off it).
roads=$(grep -v '^#' "$theatre/network/edges.csv" | tail -n +2 | grep -c .)
posts=$(($(wc -l <"$out/ref/posts.csv") - 1))
summary=$("$corridor" validate "$theatre/scenario.yaml")
towns=$(grep -oE '[0-9]+ towns' <<<"$summary" | grep -oE '[0-9]+')
depots=$(grep -oE '[0-9]+ depots' <<<"$summary" | grep -oE '[0-9]+')
checkpoints=$(grep -oE '[0-9]+ checkpoints?' <<<"$summary" | grep -oE '[0-9]+')
places=$((posts + depots + towns + 1 + checkpoints))
check "the theatre's counts could not be read ($roads roads, $places places)" test "$roads" -gt 20 -a "$places" -gt 30

info=$(ogrinfo -ro -al -so "$geojson" 2>&1)
check "ogrinfo does not open routes.geojson as GeoJSON: $info" grep -q 'using driver .GeoJSON.' <<<"$info"
check "feature count is not $roads roads + $places places: $(grep 'Feature Count' <<<"$info")" \
    grep -qx "Feature Count: $((roads + places))" <<<"$info"
check "the layer is not in WGS 84" grep -q 'WGS 84' <<<"$info"
for field in 'kind: String' 'from: String' 'class: String' 'length_km: Real' 'vehicles: Integer' \
    'vehicle_km: Real' 'largest_gate_queue: Integer' 'closed_h: Real' 'established_h: Real' \
    'mean_wait_min: Real' 'population: Integer' 'unmet_t: Real' 'landings: Integer'; do
    check "no field '$field'" grep -q "^$field" <<<"$info"
done

# Geometry types: every road a LINESTRING, every place a POINT.
all=$(ogrinfo -ro -al -q "$geojson" 2>&1)
check "not $roads LINESTRINGs" test "$(grep -c '^  LINESTRING (' <<<"$all")" = "$roads"
check "not $places POINTs" test "$(grep -c '^  POINT (' <<<"$all")" = "$places"
road_lines=$(ogrinfo -ro -al -q -where "kind = 'road'" "$geojson" | grep -c '^  LINESTRING (')
check "the roads are not the LINESTRINGs ($road_lines)" test "$road_lines" = "$roads"

# Values read back. The road between YER and EVN is 9 km (edges.csv); its vehicles are the sum of
# the two rows roads.csv gives its directions.
yer=$(ogrinfo -ro -al -q -where "(\"from\" = 'YER' AND \"to\" = 'EVN') OR (\"from\" = 'EVN' AND \"to\" = 'YER')" "$geojson")
check "YER-EVN is not one feature: $yer" test "$(grep -c '^  LINESTRING (' <<<"$yer")" = 1
check "YER-EVN is not 9 km: $yer" grep -q 'length_km (Real) = 9$' <<<"$yer"
both=$(awk -F, '($1=="YER" && $2=="EVN") || ($1=="EVN" && $2=="YER") {n += $6} END {print n}' "$out/ref/roads.csv")
check "YER-EVN vehicles are not roads.csv's $both: $yer" grep -qE "^  vehicles \(Integer(64)?\) = $both\$" <<<"$yer"
check "YER-EVN does not run between Yerevan and Erebuni: $yer" grep -qE '^  LINESTRING \(44\.(465|5126) 40\.(1225|1777),' <<<"$yer"
# A post's established time in hours is posts.csv's in seconds over 3,600.
IFS=, read -r unit post _ _ _ _ _ established_s _ <<<"$(sed -n 2p "$out/ref/posts.csv")"
hq=$(ogrinfo -ro -al -q -where "kind = 'post' AND unit = '$unit' AND name = '$post'" "$geojson")
hours=$(sed -n 's/^  established_h (Real) = //p' <<<"$hq")
check "post $post of $unit: established_h '$hours' is not $established_s s / 3600" \
    awk -v h="$hours" -v s="$established_s" 'BEGIN {d = h - s / 3600; exit !(h != "" && d < 0.001 && d > -0.001)}'

# No coordinates: no routes.geojson, and the run says why, once.
expect 0 "no routes.geojson: the network's nodes have no coordinates" -- \
    run "$source_dir/scenarios/validation/one-convoy.yaml" --out "$out/plain"
check "a network without coordinates got a routes.geojson" test ! -e "$out/plain/routes.geojson"
check "the manifest lists a routes.geojson it has not" bash -c "! grep -q routes.geojson '$out/plain/manifest.json'"

echo "$passes passed, $failures failed"
[ "$failures" -eq 0 ]
