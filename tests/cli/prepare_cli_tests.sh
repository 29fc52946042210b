#!/usr/bin/env bash
# `corridor prepare` and prepared networks: routing a prepared file prints what routing its
# source prints, on the project's valley and, when the data folder has them, on DE.gr, Rome and
# Andorra; the same bytes at any libosmium pool size; damaged, stale and foreign files refused
# with a located message and exit 2.
# Usage: prepare_cli_tests.sh path/to/corridor source_dir data_dir
set -u
corridor=$1
source_dir=$2
data_dir=${CORRIDOR_DATA_DIR:-$3}
# shellcheck source=expect.sh
. "$(dirname "$0")/expect.sh"
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

# same_route SOURCE PREPARED ARGS...: both print the same route, text and JSON.
same_route() {
    local source=$1 prepared=$2
    shift 2
    for format in text json; do
        local a b
        a=$("$corridor" route "$source" "$@" --format "$format" 2>/dev/null)
        b=$("$corridor" route "$prepared" "$@" --format "$format" 2>/dev/null)
        if [ -n "$a" ] && [ "$a" = "$b" ]; then
            passes=$((passes + 1))
        else
            echo "FAIL: route $* differs between $source and $prepared ($format)"
            diff <(echo "$a") <(echo "$b") | head -5
            failures=$((failures + 1))
        fi
    done
}

valley=$source_dir/tests/data/networks/valley
expect 0 "prepared $scratch/valley.cnet: 5 nodes, [0-9]+ arcs, [0-9]+ bytes" -- prepare "$valley" --out "$scratch/valley.cnet"
same_route "$valley" "$scratch/valley.cnet" --from A --to C
same_route "$valley" "$scratch/valley.cnet" --from A --to C --metric distance --vehicle-weight 40 --close A,B
# Named anything, it is still recognised by its first bytes.
cp "$scratch/valley.cnet" "$scratch/valley-copy.gr"
same_route "$valley" "$scratch/valley-copy.gr" --from A --to C
expect 2 "is a prepared network already; prepare its source instead" -- prepare "$scratch/valley.cnet" --out "$scratch/again.cnet"
expect 2 "the option --out is required|--out is required" -- prepare "$valley"
expect 2 "--out '$scratch/no/such/folder/x.cnet': the folder '$scratch/no/such/folder' does not exist" -- prepare "$valley" --out "$scratch/no/such/folder/x.cnet"
# --out replaces an earlier prepared file and nothing else: not the source, a table, a note.
mkdir -p "$scratch/own" && cp "$valley"/*.csv "$scratch/own/"
cp "$scratch/own/nodes.csv" "$scratch/nodes-before.csv"
expect 2 "--out '$scratch/own/nodes.csv' exists and is not a prepared network; corridor prepare replaces only an earlier prepared file" -- prepare "$scratch/own" --out "$scratch/own/nodes.csv"
check "the source table refused as --out is untouched" cmp -s "$scratch/own/nodes.csv" "$scratch/nodes-before.csv"
echo "my notes" > "$scratch/notes.txt"
expect 2 "exists and is not a prepared network" -- prepare "$valley" --out "$scratch/notes.txt"
check "a note refused as --out keeps its text" grep -qx "my notes" "$scratch/notes.txt"
expect 2 "--out '$scratch/own' is a folder; give a file name, such as '$scratch/own/network.cnet'" -- prepare "$valley" --out "$scratch/own"
expect 0 "prepared $scratch/valley.cnet" -- prepare "$valley" --out "$scratch/valley.cnet"
check "preparing again over an earlier prepared file leaves no partial file" test ! -e "$scratch/valley.cnet.partial"
expect 2 "valley.cnet: error: this network was prepared with the load options '--profile car', not '--undirected --profile car'" -- route "$scratch/valley.cnet" --from A --to C --undirected

# A scenario names a prepared network like any other.
sed "s#file: no-such-network#file: valley.cnet#" "$source_dir/tests/bad-input/43-missing-network-file.yaml" > "$scratch/scenario.yaml"
expect 0 "" -- validate "$scratch/scenario.yaml"

# Damage: truncated, a flipped byte, another version, a stale source.
head -c 100 "$scratch/valley.cnet" > "$scratch/short.cnet"
expect 2 "short.cnet: error: the prepared network is 100 bytes but its header says [0-9]+: truncated or damaged" -- route "$scratch/short.cnet" --from A --to C
cp "$scratch/valley.cnet" "$scratch/flipped.cnet"
size=$(stat -c %s "$scratch/flipped.cnet")
printf '\x5a' | dd of="$scratch/flipped.cnet" bs=1 seek=$((size - 20)) conv=notrunc status=none
expect 2 "flipped.cnet: error: section [0-9]+ \([a-z ]+\) is damaged: its check hash differs; prepare it again with corridor prepare" -- route "$scratch/flipped.cnet" --from A --to C
cp "$scratch/valley.cnet" "$scratch/v1.cnet"
printf '\x01' | dd of="$scratch/v1.cnet" bs=1 seek=16 conv=notrunc status=none
expect 2 "v1.cnet: error: the prepared network is format version 1; this corridor reads version 2" -- route "$scratch/v1.cnet" --from A --to C
mkdir "$scratch/mine"
cp "$valley"/nodes.csv "$valley"/edges.csv "$scratch/mine/"
expect 0 "prepared" -- prepare "$scratch/mine" --out "$scratch/mine.cnet"
echo "X,Xville,junction,40.1,45.1" >> "$scratch/mine/nodes.csv"
expect 2 "mine.cnet: error: the prepared file is stale: its source '$scratch/mine/nodes.csv' has changed since it was prepared; run corridor prepare again" -- route "$scratch/mine.cnet" --from A --to C

missing=""
for f in DE.gr rome99.gr andorra.osm.pbf; do [ -f "$data_dir/$f" ] || missing="$missing $f"; done
if [ -n "$missing" ]; then
    if [ "${CORRIDOR_REQUIRE_DATA:-0}" = 1 ]; then
        echo "FAIL: data files missing in $data_dir:$missing (CORRIDOR_REQUIRE_DATA=1)"
        failures=$((failures + 1))
    else
        echo "skipped the real maps: missing in $data_dir:$missing"
    fi
else
    expect 0 "prepared $scratch/DE.cnet: 49109 nodes, 120576 arcs" -- prepare "$data_dir/DE.gr" --out "$scratch/DE.cnet"
    same_route "$data_dir/DE.gr" "$scratch/DE.cnet" --from 1 --to 49109
    same_route "$data_dir/DE.gr" "$scratch/DE.cnet" --from 17 --to 30000 --metric distance
    # With its contraction hierarchies stored, the file routes the same.
    expect 0 "prepared $scratch/DE-ch.cnet: 49109 nodes, 120576 arcs" -- prepare "$data_dir/DE.gr" --hierarchy both --out "$scratch/DE-ch.cnet"
    check "a file with hierarchies is larger than one without" test "$(stat -c %s "$scratch/DE-ch.cnet")" -gt "$(stat -c %s "$scratch/DE.cnet")"
    same_route "$data_dir/DE.gr" "$scratch/DE-ch.cnet" --from 1 --to 49109
    same_route "$data_dir/DE.gr" "$scratch/DE-ch.cnet" --from 17 --to 30000 --metric distance
    expect 2 "--hierarchy must be none, time, distance or both, not 'fast'" -- prepare "$data_dir/DE.gr" --hierarchy fast --out "$scratch/x.cnet"
    expect 0 "prepared" -- prepare "$data_dir/rome99.gr" --undirected --out "$scratch/rome.cnet"
    same_route "$data_dir/rome99.gr" "$scratch/rome.cnet" --from 1 --to 3353 --undirected
    # libosmium decodes PBF blocks on a thread pool (OSMIUM_POOL_THREADS); the network, and so
    # the prepared bytes, must not depend on its size.
    OSMIUM_POOL_THREADS=1 "$corridor" prepare "$data_dir/andorra.osm.pbf" --out "$scratch/andorra-1.cnet" >/dev/null 2>&1
    OSMIUM_POOL_THREADS=4 "$corridor" prepare "$data_dir/andorra.osm.pbf" --out "$scratch/andorra-4.cnet" >/dev/null 2>&1
    check "Andorra prepared with 1 and 4 decoding threads gives the same bytes" cmp -s "$scratch/andorra-1.cnet" "$scratch/andorra-4.cnet"
    same_route "$data_dir/andorra.osm.pbf" "$scratch/andorra-1.cnet" --from-coord 42.5063,1.5218 --to-coord 42.5445,1.7336
fi

echo "$passes passed, $failures failed"
[ "$failures" -eq 0 ]
