#!/usr/bin/env bash
# `make data`: fetches the public files that tests and benchmarks use from their upstream
# addresses, checks each one's SHA-256 and keeps it in the data folder (docs/testing.md, "Test
# data"; the sources are docs/sources.md, [S40], [S43], [S44]). None of them is committed: they
# belong to others (DIMACS, OpenStreetMap contributors under the ODbL, queuecomputer under GPL-2).
#
# Usage: scripts/fetch_data.sh [FOLDER]
#   FOLDER defaults to $CORRIDOR_DATA_DIR, else ${XDG_CACHE_HOME:-$HOME/.cache}/corridor/data, the
#   folder the build's tests read when no data folder sits beside the project.
#   CORRIDOR_DATA_FROM=DIR copies the files from DIR (a USB stick, a shared drive) instead of
#   downloading them; they are checked the same way.
# A file already in FOLDER with the right checksum is left alone. Exit 0 when every file is in
# place and correct; 1 otherwise, after saying which files to put where.
set -u

cache=${XDG_CACHE_HOME:-$HOME/.cache}/corridor/data
folder=${1:-${CORRIDOR_DATA_DIR:-$cache}}
from=${CORRIDOR_DATA_FROM:-}

# name, SHA-256, then the addresses to try in order. The first address of each file is pinned to
# the upstream commit checked here, so the bytes cannot change under the checksum.
files=(
    "rome99.gr cbc914b1d02327c2ea788b6f68a332995feadbdc97c1c7890c5e6272152f099d
     https://raw.githubusercontent.com/mmarzolla/parallel-etudes/5bc4fe72868d01d5cce44d9ef391b1bff6059e8d/rome99.gr
     https://raw.githubusercontent.com/mmarzolla/parallel-etudes/main/rome99.gr"
    "DE.gr 54259e1ac999abd9ee95562d639ba8f2202fc7db3e8f30811a692e2dae1e10e9
     https://raw.githubusercontent.com/mmarzolla/parallel-etudes/5bc4fe72868d01d5cce44d9ef391b1bff6059e8d/DE.gr
     https://raw.githubusercontent.com/mmarzolla/parallel-etudes/main/DE.gr"
    "monaco.osm.gz cca67724618cf38c2e8ff39082b19daa03a66b0725a5025515feb0fc678dcdfa
     https://raw.githubusercontent.com/graphhopper/graphhopper/5594f7f9d98d932f365557dc37b4b2d3b7abf698/core/files/monaco.osm.gz
     https://raw.githubusercontent.com/graphhopper/graphhopper/master/core/files/monaco.osm.gz"
    "andorra.osm.pbf 70998b72b5eed4b6a8565837b3d72c3b592c4dc4f1a7d5e964367d20508f188b
     https://raw.githubusercontent.com/graphhopper/graphhopper/68575ca5c27bd5080c3413882186490d6937c2b7/core/files/andorra.osm.pbf
     https://raw.githubusercontent.com/graphhopper/graphhopper/master/core/files/andorra.osm.pbf"
    "queuecomputer_testdataframe2.csv 629cf5b7d72e14974ffcaf09fe55bbee2c7d4f9936ced06ff03c43b8c8d4db69
     https://raw.githubusercontent.com/AnthonyEbert/queuecomputer/0d47cc3f745bf7c74fa2caccd65a5a6ec5744820/tests/testdataframe2.csv"
)

sha256_of() { sha256sum "$1" | cut -d' ' -f1; }

download() {  # download URL FILE
    if command -v curl >/dev/null 2>&1; then
        curl -fsSL --connect-timeout 15 --max-time 300 --retry 1 -o "$2" "$1" 2>/dev/null
    elif command -v wget >/dev/null 2>&1; then
        wget -q --timeout=15 --tries=2 -O "$2" "$1"
    else
        return 127
    fi
}

if ! mkdir -p "$folder" 2>/dev/null || [ ! -w "$folder" ]; then
    echo "make data: cannot write to $folder (give another folder: scripts/fetch_data.sh FOLDER," \
        "and set CORRIDOR_DATA_DIR to it when running the tests)" >&2
    exit 1
fi
tmp=$(mktemp -d "$folder/.fetch.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT

echo "make data: files in $folder"
missing=()
no_client=0
for entry in "${files[@]}"; do
    read -r -d '' -a fields <<<"$entry"
    name=${fields[0]} sum=${fields[1]} urls=("${fields[@]:2}")
    target=$folder/$name
    if [ -f "$target" ]; then
        if [ "$(sha256_of "$target")" = "$sum" ]; then
            printf '  %-34s present, checksum right\n' "$name"
            continue
        fi
        printf '  %-34s present but its checksum is wrong: fetching it again\n' "$name"
    fi
    got=""
    if [ -n "$from" ]; then
        if [ -f "$from/$name" ] && cp "$from/$name" "$tmp/$name" && [ "$(sha256_of "$tmp/$name")" = "$sum" ]; then
            got="$from/$name"
        fi
    else
        for url in "${urls[@]}"; do
            download "$url" "$tmp/$name"
            status=$?
            [ "$status" = 127 ] && no_client=1 && break
            if [ "$status" = 0 ] && [ "$(sha256_of "$tmp/$name")" = "$sum" ]; then got=$url; break; fi
            [ "$status" = 0 ] && echo "  $name from $url: checksum wrong, not kept"
        done
    fi
    if [ -n "$got" ]; then
        mv -f "$tmp/$name" "$target"
        verb=fetched; [ -n "$from" ] && verb=copied
        printf '  %-34s %s from %s, checksum right\n' "$name" "$verb" "$got"
    else
        rm -f "$tmp/$name"
        printf '  %-34s MISSING\n' "$name"
        missing+=("$entry")
    fi
done

if [ "${#missing[@]}" -eq 0 ]; then
    echo "make data: all ${#files[@]} files in place."
    if [ "$folder" = "$cache" ]; then
        echo "The tests read this folder unless a data folder sits beside the project (as in CI) or"
        echo "CORRIDOR_DATA_DIR names another (docs/testing.md, \"Test data\")."
    else
        echo "Run the tests with CORRIDOR_DATA_DIR=$folder to use them."
    fi
    exit 0
fi

echo
if [ "$no_client" = 1 ]; then
    echo "make data: neither curl nor wget is installed (apt-get install curl), so nothing was downloaded."
elif [ -n "$from" ]; then
    echo "make data: $from lacks these files, or holds copies with another checksum."
else
    echo "make data: could not download ${#missing[@]} of ${#files[@]} files (no network, or the addresses moved)."
fi
echo "Put these files, exactly as published, in $folder"
echo "(copy them from a machine with network access; the tests that need them are skipped until then):"
for entry in "${missing[@]}"; do
    read -r -d '' -a fields <<<"$entry"
    echo "  ${fields[0]}"
    echo "      SHA-256 ${fields[1]}"
    echo "      from    ${fields[2]}"
done
echo "Then run \`make data\` again to check them, or \`CORRIDOR_DATA_FROM=FOLDER make data\` to copy and"
echo "check them from a folder that has them."
exit 1
