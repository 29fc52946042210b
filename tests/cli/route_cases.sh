# Cases for `corridor route` on the project's own small networks, sourced by run_cli_tests.sh
# (which defines expect and $source_dir). The cases on real maps are route_map_cases.sh, a test
# of its own that reports itself skipped when the maps are missing.
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
# Coordinates snap to the nearest point of the nearest road, split there by @from and @to.
expect 0 'route @from -> @to' -- route "$valley" --from-coord 40.001,45.001 --to-coord 39.999,45.199
expect 0 'from +40\.001,45\.001 snapped to 40\.0009043,45\.0011304 on Pass road west \(secondary, A -> M\), 15\.4 m away' -- route "$valley" --from-coord 40.001,45.001 --to C
expect 0 '"from_snap":\{"given":\[40\.001,45\.001\],"lat":40\.0009043,"lon":45\.0011304,"distance_m":15\.381,"road":\{"name":"Pass road west","class":"secondary","from":"A","to":"M"\}\}' -- route "$valley" --from-coord 40.001,45.001 --to C --format json
expect 0 'warning: --from-coord 40\.06,45\.15 is [0-9.]+ m from the nearest road, farther than --max-snap 500m' -- route "$valley" --from-coord 40.06,45.15 --to C --max-snap 500m
# Half-way down the one-way post road P -> A: to reach P the route must go on down to A and round.
expect 0 'path      @from A B C P' -- route "$valley" --from-coord 39.975,45.1 --to P
expect 2 "max-snap '3h': " -- route "$valley" --from-coord 40.001,45.001 --to C --max-snap 3h

bad_gr=$(mktemp --suffix=.gr)
printf 'p sp 3 2\na 1 2 5\na 2 3 -7\n' > "$bad_gr"
expect 2 ":3:7: error: length -7 m must be positive" -- route "$bad_gr" --from 1 --to 3
printf 'p sp 3 2\na 1 2 5\na 2' > "$bad_gr"
expect 2 ":3:4: error: the arc has no head node" -- route "$bad_gr" --from 1 --to 3
head -c 300 /bin/sh > "$bad_gr"
expect 2 "error: this is not a text file" -- route "$bad_gr" --from 1 --to 3
printf 'p sp 1000000000000 1' > "$bad_gr"
expect 2 ":1:6: error: the header declares 1000000000000 nodes; corridor reads at most 50000000" -- route "$bad_gr" --from 1 --to 2
rm -f "$bad_gr"

# Hardening (issue 7): numbers that are not numbers, folders for files, spreadsheet CSVs, XML
# coordinates libosmium would overflow on, and a gzip file that unpacks past the limit.
expect 2 "from-coord 'nan,nan' must be LAT,LON in degrees: latitude 'nan' is not a finite number" -- route "$valley" --from-coord nan,nan --to C
expect 2 "to-coord '40,inf' must be LAT,LON in degrees: longitude 'inf' is not a finite number" -- route "$valley" --from A --to-coord 40,inf
expect 2 "from-coord 'north' must be LAT,LON in degrees" -- route "$valley" --from-coord north --to C
expect 2 "vehicle-weight must be from 0 to 1000 tonnes, not nan" -- route "$valley" --from A --to C --vehicle-weight nan
expect 2 "vehicle-weight must be from 0 to 1000 tonnes, not -1" -- route "$valley" --from A --to C --vehicle-weight -1
expect 2 "vehicle-weight must be from 0 to 1000 tonnes, not inf" -- route "$valley" --from A --to C --vehicle-weight inf
networks=$source_dir/tests/data/networks
expect 0 'path      A B' -- route "$networks/spreadsheet" --from A --to B
expect 2 "nodes.csv:1:1: error: the header 'id;name;lat;lon' looks separated by ';'" -- route "$networks/semicolons" --from A --to B
expect 2 "bad-coordinates.osm.gz:4:15: error: lat '1e30' is not a plain decimal number" -- route "$networks/bad-coordinates.osm.gz" --from 1 --to 2
scratch=$(mktemp -d)
mkdir "$scratch/map.gr"
expect 2 "map.gr: error: this is a folder, not a file" -- route "$scratch/map.gr" --from 1 --to 2
head -c 300000000 /dev/zero | gzip -1 > "$scratch/zeros.osm.gz"
expect 2 "zeros.osm.gz: error: the file unpacks to more than 256 MiB of XML" -- route "$scratch/zeros.osm.gz" --from 1 --to 2
rm -rf "$scratch"

# Heavy-vehicle rules and turn restrictions (tests/data/networks/heavy-vehicles.osm; docs/network.md,
# "Heavy vehicles" and "Turn restrictions"): a light vehicle takes the 10 t bridge, the 9'10" underpass
# and the hgv=no lane; a 25 t, 3.1 m column goes round them; no route makes a forbidden turn.
hgv=$source_dir/tests/data/networks/heavy-vehicles.osm
expect 0 'path      101 102' -- route "$hgv" --from 101 --to 102 --vehicle-weight 3
expect 0 'path      101 201 202 102' -- route "$hgv" --from 101 --to 102 --vehicle-weight 25
expect 0 'path      102 103' -- route "$hgv" --from 102 --to 103 --vehicle-height 2.9
expect 0 'path      102 202 203 103' -- route "$hgv" --from 102 --to 103 --vehicle-height 3.1
expect 0 'path      103 203 204 104' -- route "$hgv" --from 103 --to 104 --vehicle-weight 7.5
expect 0 'path      104 204 205 105' -- route "$hgv" --from 104 --to 105 --vehicle-width 2.55
expect 0 'path      205 300 301 302' -- route "$hgv" --from 205 --to 302
expect 0 'path      303 301 300 205' -- route "$hgv" --from 303 --to 205
expect 0 'path      205 300 303' -- route "$hgv" --from 205 --to 303 --vehicle-weight 3
expect 0 'path      205 300 301 303' -- route "$hgv" --from 205 --to 303 --vehicle-weight 25
expect 0 '3 of 3 turn restrictions apply to the roads read \(5 forbidden turns\)' -- route "$hgv" --from 101 --to 102
expect 0 '1 turn restriction via a way is not supported and was ignored' -- route "$hgv" --from 101 --to 102
expect 2 "vehicle-height must be from 0 to 100 m, not -3" -- route "$hgv" --from 101 --to 102 --vehicle-height -3
expect 2 "vehicle-width must be from 0 to 100 m, not nan" -- route "$hgv" --from 101 --to 102 --vehicle-width nan

# A node and coordinates for the same end: one of them would be ignored without a word.
expect 2 "give --from NODE or --from-coord LAT,LON, not both" -- route "$valley" --from A --from-coord 40.0,45.0 --to C
