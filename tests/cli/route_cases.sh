# Cases for `corridor route`, sourced by run_cli_tests.sh (which defines expect, $data_dir and
# $source_dir). The real maps come from ../shared/data; without them these cases are skipped
# unless CORRIDOR_REQUIRE_DATA=1, under which a missing file fails.
valley=$source_dir/tests/data/networks/valley
expect 0 'distance  17\.300 km' -- route "$valley" --from A --to C
expect 0 'path      A M C' -- route "$valley" --from A --to C --vehicle-weight 40
expect 0 'path      A M C' -- route "$valley" --from A --to C --close A,B
expect 2 "no route from A \(Aport\) to C \(Cragmoor\) with the closures given" -- route "$valley" --from A --to C --close A,B --close A,M
expect 0 '"distance_m":26000\.0' -- route "$valley" --from A --to C --metric distance --format json --vehicle-weight 25
expect 2 "unknown to node 'Q'" -- route "$valley" --from A --to Q
expect 2 "unknown from node 'a'; did you mean 'A'\?" -- route "$valley" --from a --to C
expect 2 "metric must be time or distance, not 'fastest'" -- route "$valley" --from A --to C --metric fastest
expect 2 "no such file or folder" -- route /no/such/map.osm.pbf --from 1 --to 2
expect 2 "give --from NODE or --from-coord LAT,LON" -- route "$valley" --to C
expect 2 "from-coord '91,0' must be LAT,LON in degrees" -- route "$valley" --from-coord 91,0 --to C
expect 2 "close 'A,Z' must name two nodes" -- route "$valley" --from A --to C --close A,Z
expect 0 'route A \(Aport\) -> C \(Cragmoor\)' -- route "$valley" --from-coord 40.001,45.001 --to-coord 39.999,45.199

bad_gr=$(mktemp --suffix=.gr)
printf 'p sp 3 2\na 1 2 5\na 2 3 -7\n' > "$bad_gr"
expect 2 ":3:7: error: length -7 m must be positive" -- route "$bad_gr" --from 1 --to 3
printf 'p sp 3 2\na 1 2 5\na 2' > "$bad_gr"
expect 2 ":3:4: error: the arc has no head node" -- route "$bad_gr" --from 1 --to 3
head -c 300 /bin/sh > "$bad_gr"
expect 2 "error: this is not a text file" -- route "$bad_gr" --from 1 --to 3
rm -f "$bad_gr"

have_data=1
for f in rome99.gr andorra.osm.pbf monaco.osm.gz; do [ -f "$data_dir/$f" ] || have_data=0; done
if [ "$have_data" = 1 ]; then
    expect 0 '"distance_m":30290\.0' -- route "$data_dir/rome99.gr" --from 1 --to 3353 --undirected --metric distance --format json
    expect 0 '"from":"1","to":"3353"' -- route "$data_dir/rome99.gr" --from 1 --to 3353 --format json
    expect 0 'distance  [0-9]+\.[0-9]{3} km' -- route "$data_dir/andorra.osm.pbf" --from-coord 42.5063,1.5218 --to-coord 42.5445,1.7336
    expect 0 '"path":\["' -- route "$data_dir/monaco.osm.gz" --from-coord 43.7384,7.4246 --to-coord 43.7500,7.4350 --format json --profile car
    expect 2 "unknown profile 'tank'" -- route "$data_dir/monaco.osm.gz" --from 1 --to 2 --profile tank
    expect 2 "bounding box '1,2,3' must be MIN_LON,MIN_LAT,MAX_LON,MAX_LAT" -- route "$data_dir/andorra.osm.pbf" --from 1 --to 2 --bbox 1,2,3
elif [ "${CORRIDOR_REQUIRE_DATA:-0}" = 1 ]; then
    echo "FAIL: data files missing in $data_dir and CORRIDOR_REQUIRE_DATA=1"; failures=$((failures + 1))
else
    echo "skipped: route cases on real maps (no $data_dir)"
fi
