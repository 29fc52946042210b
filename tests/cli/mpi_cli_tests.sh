#!/usr/bin/env bash
# `mpirun -np N corridor sweep` end to end (docs/user-guide.md, "Scaling out"): at 2 and 3 ranks
# the folder holds runs.csv and summary.csv byte-identical to a one-process sweep's and no shard;
# a mistake is said once and every rank exits 2, never a hang; --resume finishes a sweep stopped
# under mpirun. MPI is part of what `make deps` installs: without mpirun, or a corridor built
# without MPI, this test fails, it does not skip.
# Usage: mpi_cli_tests.sh path/to/corridor source_dir
set -u
corridor=$1
source_dir=$2

# shellcheck source=expect.sh
. "$(dirname "$0")/expect.sh"

if ! command -v mpirun >/dev/null; then
    echo "FAIL: mpirun is not installed (make deps installs openmpi-bin and libopenmpi-dev)"
    exit 1
fi
if ! "$corridor" --version | grep -q '^built with MPI: '; then
    echo "FAIL: $corridor was built without MPI (install libopenmpi-dev: make deps, then configure again)"
    exit 1
fi

# CI runs as root in a container without ssh: mpirun must be allowed to, and ranks on one machine
# share memory without cross-memory attach, which containers often forbid.
export OMPI_MCA_btl_vader_single_copy_mechanism=none
export OMPI_MCA_plm=isolated
# (Under AddressSanitizer, `make asan`: what Open MPI keeps until exit is not corridor's leak.)
export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0"
mpirun=(timeout 120 mpirun --allow-run-as-root --oversubscribe)

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

# The airlift-capacity sweep, 12 points, at 2 replications.
sed -e "s|scenario: ../scenario.yaml|scenario: $source_dir/scenarios/karabakh-2020/scenario.yaml|" \
    -e 's|replications: 5|replications: 2|' \
    "$source_dir/scenarios/karabakh-2020/sweeps/airlift-capacity.yaml" >"$out/airlift.yaml"
check "the test's sweep lost its replications" grep -q '^  replications: 2$' "$out/airlift.yaml"
expect 0 '24 runs of 12 points x 2 replications' -- sweep "$out/airlift.yaml" --out "$out/one" --quiet

# ranks RANKS OUTPUT ARGS...: mpirun -np RANKS corridor ARGS, everything it prints in OUTPUT; the
# exit code.
ranks() {
    local n=$1 output=$2
    shift 2
    "${mpirun[@]}" -np "$n" "$corridor" "$@" >"$output" 2>&1
}
# said_once OUTPUT PATTERN: PATTERN is on exactly one line of OUTPUT.
said_once() {
    local lines
    lines=$(grep -cE -- "$2" "$1")
    if [ "$lines" -ne 1 ]; then
        echo "FAIL: /$2/ is said $lines times, not once:"
        head -20 "$1"
        return 1
    fi
}

for n in 2 3; do
    ranks $n "$out/np$n.txt" sweep "$out/airlift.yaml" --out "$out/np$n"
    check "mpirun -np $n corridor sweep exited $?" test $? -eq 0
    check "-np $n: the summary is not said once" said_once "$out/np$n.txt" "24 runs of 12 points x 2 replications on $n ranks"
    check "-np $n: the table is not said once" said_once "$out/np$n.txt" '^  point 0 '
    for file in runs.csv summary.csv; do
        check "-np $n: $file differs from the one-process sweep's" cmp "$out/one/$file" "$out/np$n/$file"
    done
    check "-np $n: the manifest is missing" grep -q '"command": "corridor sweep' "$out/np$n/manifest.json"
    check "-np $n: the manifest names a shard" test -z "$(grep '"shard"' "$out/np$n/manifest.json")"
    check "-np $n: the ranks' shards were left behind" test -z "$(ls -A "$out/np$n" | grep '^\.rank-')"
done

# A mistake every rank meets: said once, every rank exits 2, no hang (timeout 120 would say 124).
sed 's|^  replications: 2$|  replication: 2|' "$out/airlift.yaml" >"$out/bad.yaml"
ranks 2 "$out/bad.txt" sweep "$out/bad.yaml" --out "$out/bad"
check "a misspelt key under mpirun: exit $?, not 2" test $? -eq 2
check "the misspelt key is not said once" said_once "$out/bad.txt" "bad.yaml:5:3: error: unknown key 'replication' in the sweep section; did you mean 'replications'"
ranks 3 "$out/shard.txt" sweep "$out/airlift.yaml" --shard 1/2 --out "$out/shard"
check "--shard under mpirun: exit $?, not 2" test $? -eq 2
check "--shard under mpirun is not refused once" said_once "$out/shard.txt" '--shard and mpirun both split the sweep'
ranks 2 "$out/again.txt" sweep "$out/airlift.yaml" --out "$out/np2" --quiet
check "a folder holding a sweep under mpirun: exit $?, not 2" test $? -eq 2
check "a folder holding a sweep is not refused once" said_once "$out/again.txt" 'np2 holds a sweep already'
ranks 2 "$out/validate.txt" validate "$source_dir/scenarios/karabakh-2020/scenario.yaml"
check "validate under mpirun: exit $?, not 2" test $? -eq 2
check "validate under mpirun is not refused once" said_once "$out/validate.txt" 'only corridor sweep shares its work out'

# A sweep stopped under mpirun: rank 0's shard finished, rank 1's never started. Without --resume
# it is refused, with another number of ranks too; `--resume` runs only rank 1's share.
mkdir -p "$out/stopped"
expect 0 'results in' -- sweep "$out/airlift.yaml" --shard 1/2 --out "$out/stopped/.rank-0" --quiet
ranks 2 "$out/stopped1.txt" sweep "$out/airlift.yaml" --out "$out/stopped"
check "a stopped sweep without --resume: exit $?, not 2" test $? -eq 2
check "a stopped sweep without --resume is not refused once" said_once "$out/stopped1.txt" "add --resume to finish it \\(mpirun -np 2\\)"
mkdir "$out/stopped/.rank-1"
ranks 3 "$out/stopped2.txt" sweep "$out/airlift.yaml" --out "$out/stopped" --resume
check "resuming on 3 ranks what ran on 2: exit $?, not 2" test $? -eq 2
check "resuming on 3 ranks what ran on 2 is not refused once" said_once "$out/stopped2.txt" 'resume it with mpirun -np 2'
ranks 2 "$out/resumed.txt" sweep "$out/airlift.yaml" --out "$out/stopped" --resume
check "mpirun --resume exited $?" test $? -eq 0
check "mpirun --resume did not say its runs" said_once "$out/resumed.txt" '24 runs of 12 points x 2 replications on 2 ranks'
for file in runs.csv summary.csv; do
    check "resumed: $file differs from the one-process sweep's" cmp "$out/one/$file" "$out/stopped/$file"
done

# One rank's folder cannot be written (a file in its place): that rank says so, every rank exits 2.
mkdir -p "$out/blocked/.rank-0"
touch "$out/blocked/.rank-1"
ranks 2 "$out/blocked.txt" sweep "$out/airlift.yaml" --out "$out/blocked" --resume
check "a rank without its folder: exit $?, not 2" test $? -eq 2
check "the rank without its folder is not said once" said_once "$out/blocked.txt" 'blocked/.rank-1 is a file, not a folder'

echo "$passes passed, $failures failed"
[ "$failures" -eq 0 ]
