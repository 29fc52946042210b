# Cases from issue 12's new-user trial, sourced by run_cli_tests.sh (expect, $source_dir): what a
# planner who types coordinates, vehicle figures and file names from the docs runs into.
valley=$source_dir/tests/data/networks/valley
hgv=$source_dir/tests/data/networks/heavy-vehicles.osm

# Absurd snaps are errors naming the likely slip; a far but plausible one is a warning.
expect 2 "from-coord 45\.1,40 is [0-9.]+ km from the nearest road, more than 10 times --max-snap 1km: latitude and longitude swapped\? 40,45\.1 lies within the network's area; check the coordinates \(LAT,LON\), or raise --max-snap" -- route "$valley" --from-coord 45.1,40 --to C
expect 2 "to-coord -40,45\.1 is [0-9.]+ km from the nearest road, .*: a sign slipped\? 40,45\.1 lies within the network's area" -- route "$valley" --from A --to-coord -40,45.1
expect 2 "from-coord 41,45\.1 is 1[0-9.]+ km .*: it lies outside the network's area \(lat 39\.95\.\.40\.08, lon 45\.\.45\.2\)" -- route "$valley" --from-coord 41,45.1 --to C
expect 0 "path      M C" -- route "$valley" --from-coord 41,45.1 --to C --max-snap 200km
expect 0 "warning: --from-coord 40\.06,45\.15 is [0-9.]+ m from the nearest road, farther than --max-snap 500m$" -- route "$valley" --from-coord 40.06,45.15 --to C --max-snap 500m

# A coordinate snaps to a road the vehicle may use, and says which nearer road it passed over and why.
expect 0 "from +0\.0195,0\.024 snapped to 0\.0200000,0\.0240000 on School Lane" -- route "$hgv" --from-coord 0.0195,0.024 --to 302
expect 0 "not on the nearer School Lane \(tertiary, 10[34] -> 10[34]\), 55\.[0-9] m away: closed to heavy goods vehicles by hgv=no" -- route "$hgv" --from-coord 0.0195,0.024 --to 302 --vehicle-weight 25
expect 0 "from +0\.0195,0\.024 snapped to 0\.0195000,0\.0200000 on Rung 2" -- route "$hgv" --from-coord 0.0195,0.024 --to 302 --vehicle-weight 25
# The nearest road is near, the vehicle's own is past --max-snap: a warning that says why.
expect 0 "warning: --from-coord 0\.0195,0\.024: the nearest road the vehicle may use is 44[0-9]\.[0-9] m away, farther than --max-snap 100m; the nearest road, School Lane \(tertiary, 10[34] -> 10[34]\), 55\.[0-9] m away, is refused to it \(closed to heavy goods vehicles by hgv=no" -- route "$hgv" --from-coord 0.0195,0.024 --to 302 --vehicle-weight 25 --max-snap 100m
expect 0 '"nearest_road_closed":\{"road":"School Lane \(tertiary, 10[34] -> 10[34]\)","distance_m":55\.[0-9]+,"why":"closed to heavy goods vehicles by hgv=no' -- route "$hgv" --from-coord 0.0195,0.024 --to 302 --vehicle-weight 25 --format json

# Vehicle figures with units as a scenario writes them; the same errors the scenario gives.
expect 0 "path      A M C" -- route "$valley" --from A --to C --vehicle-weight 40t
expect 0 "path      A M C" -- route "$valley" --from A --to C --vehicle-weight 40000kg
expect 0 "path      A B C" -- route "$valley" --from A --to C --vehicle-weight 20000kg
expect 2 "vehicle-weight '40 tons': bad mass '40 tons': unknown unit 'tons'; use t or kg \(a bare number is in t\)" -- route "$valley" --from A --to C --vehicle-weight "40 tons"
expect 2 "vehicle-weight must be from 0 to 1000 tonnes, not 2000" -- route "$valley" --from A --to C --vehicle-weight 2000t
expect 0 "path      102 202 203 103" -- route "$hgv" --from 102 --to 103 --vehicle-height 3.1m
expect 2 "vehicle-axle-load 12 t is more than --vehicle-weight 10 t: an axle carries part of the vehicle's weight" -- route "$valley" --from A --to C --vehicle-weight 10 --vehicle-axle-load 12
expect 2 "max-snap '500': bad length '500': the number has no unit" -- route "$valley" --from-coord 40.001,45.001 --to C --max-snap 500
expect 2 "max-snap must be more than 0 m, not '0km'" -- route "$valley" --from-coord 40.001,45.001 --to C --max-snap 0km

# How many roads carry each heavy-vehicle rule: none in a map is not the same as none applied.
expect 0 "rules     roads with limits: 1 weight, 0 height, 0 width, 0 axle load, 0 hgv=no; 0 forbidden turns" -- route "$valley" --from A --to C
expect 0 "rules     roads with limits: 1 weight, 1 height, 1 width, 0 axle load, 1 hgv=no; 5 forbidden turns" -- route "$hgv" --from 101 --to 102
expect 0 '"roads_with_limits":\{"weight":1,"height":1,"width":1,"axle_load":0,"hgv_no":1,"forbidden_turns":5\}' -- route "$hgv" --from 101 --to 102 --format json
expect 0 "1 heavy-vehicle tag value could not be read and was ignored" -- route "$hgv" --from 101 --to 102

# --close A,B on a road a coordinate split closes both pieces: the point on it is cut off.
expect 2 "no route from @from to C \(Cragmoor\) with the closures given" -- route "$valley" --from-coord 40.001,45.05 --to C --close A,B
expect 0 "path      @from B C" -- route "$valley" --from-coord 40.001,45.05 --to C --close A,M

# Prepared files: cut short of the magic, and written where the system refuses.
scratch=$(mktemp -d)
"$corridor" prepare "$valley" --out "$scratch/valley.cnet" >/dev/null
head -c 10 "$scratch/valley.cnet" > "$scratch/cut.cnet"
expect 2 "cut.cnet: error: a prepared network \(it starts with CORRIDOR-NET\) truncated to 10 bytes" -- route "$scratch/cut.cnet" --from A --to C
expect 2 "error: cannot write the file: " -- prepare "$valley" --out /proc/valley.cnet
expect 2 "bbox 1\.5,42\.4,1\.7,42\.6'" -- route "$scratch/valley.cnet" --from A --to C --bbox 1.5,42.4,1.7,42.6
rm -rf "$scratch"

# The DIMACS challenge's travel-time graph reads the region's one coordinate file (named -d-).
dimacs=$(mktemp -d)
printf 'p sp 3 4\na 1 2 1000\na 2 1 1000\na 2 3 1500\na 3 2 1500\n' > "$dimacs/USA-road-t.XX.gr"
printf 'p aux sp co 3\nv 1 45000000 40000000\nv 2 45010000 40000000\nv 3 45010000 40010000\n' > "$dimacs/USA-road-d.XX.co"
expect 0 "note: coordinates from USA-road-d\.XX\.co, the DIMACS challenge's coordinates for this region" -- route "$dimacs/USA-road-t.XX.gr" --from 1 --to 3
expect 0 "path      @from 2 3" -- route "$dimacs/USA-road-t.XX.gr" --from-coord 40.0001,45.005 --to 3
rm -rf "$dimacs"
