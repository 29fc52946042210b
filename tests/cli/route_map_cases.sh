#!/usr/bin/env bash
# `corridor route` on real maps (DIMACS Rome, OpenStreetMap Andorra and Monaco) from the data
# folder ($CORRIDOR_DATA_DIR). Without them the test reports itself skipped (exit 77), naming the
# missing files, unless CORRIDOR_REQUIRE_DATA=1, under which it fails: the counts a user sees
# match what ran.
# Usage: route_map_cases.sh path/to/corridor data_dir
set -u
corridor=$1
data_dir=${CORRIDOR_DATA_DIR:-$2}
# shellcheck source=expect.sh
. "$(dirname "$0")/expect.sh"

missing=""
for f in rome99.gr andorra.osm.pbf monaco.osm.gz; do [ -f "$data_dir/$f" ] || missing="$missing $f"; done
if [ -n "$missing" ]; then
    if [ "${CORRIDOR_REQUIRE_DATA:-0}" = 1 ]; then
        echo "FAIL: data files missing in $data_dir:$missing (CORRIDOR_REQUIRE_DATA=1)"
        exit 1
    fi
    echo "skipped: data files missing in $data_dir:$missing (run \`make data\`, or set CORRIDOR_DATA_DIR)"
    exit 77
fi

expect 0 '"distance_m":30290\.0' -- route "$data_dir/rome99.gr" --from 1 --to 3353 --undirected --metric distance --format json
expect 0 '"from":"1","to":"3353"' -- route "$data_dir/rome99.gr" --from 1 --to 3353 --format json
expect 0 'distance  [0-9]+\.[0-9]{3} km' -- route "$data_dir/andorra.osm.pbf" --from-coord 42.5063,1.5218 --to-coord 42.5445,1.7336
expect 0 '"path":\["' -- route "$data_dir/monaco.osm.gz" --from-coord 43.7384,7.4246 --to-coord 43.7500,7.4350 --format json --profile car
# GraphHopper's one-way pair in Monaco (docs/validation.md, "Routes between coordinates"): 103 m with
# the one-way road, 320 m against it.
expect 0 '"distance_m":103\.475' -- route "$data_dir/monaco.osm.gz" --from-coord 43.729445,7.415063 --to-coord 43.728856,7.41472 --format json
expect 0 'distance  0\.320 km' -- route "$data_dir/monaco.osm.gz" --from-coord 43.728856,7.41472 --to-coord 43.729445,7.415063
expect 2 "unknown profile 'tank'" -- route "$data_dir/monaco.osm.gz" --from 1 --to 2 --profile tank
expect 2 "bounding box '1,2,3' must be MIN_LON,MIN_LAT,MAX_LON,MAX_LAT" -- route "$data_dir/andorra.osm.pbf" --from 1 --to 2 --bbox 1,2,3

echo "$passes passed, $failures failed"
[ "$failures" -eq 0 ]
