#!/usr/bin/env bash
# corridor against SimPy on the same M/M/2 queue, in one run: the two alternate three times and
# each keeps its best time per customer, so that a busy neighbour slows both alike.
# Usage: compare_simpy.sh path/to/corridor-bench
set -eu
bench=$1
dir=$(dirname "$0")
best_ours=1e18
best_simpy=1e18
for trial in 1 2 3; do
    ours=$("$bench" mmc --servers 2 --arrival-rate 1.6 --service-rate 1 --customers 2000000 --seed "$trial" |
        sed -E 's/.*"ns_per_customer":([0-9.]+).*/\1/')
    simpy=$(/usr/bin/python3 "$dir/mmc_simpy.py" --servers 2 --arrival-rate 1.6 --service-rate 1 --customers 200000 --seed "$trial" |
        sed -E 's/.*"ns_per_customer": ([0-9.]+).*/\1/')
    best_ours=$(awk -v a="$best_ours" -v b="$ours" 'BEGIN { print (b < a) ? b : a }')
    best_simpy=$(awk -v a="$best_simpy" -v b="$simpy" 'BEGIN { print (b < a) ? b : a }')
done
simpy_version=$(/usr/bin/python3 -c 'import simpy; print(simpy.__version__)')
awk -v o="$best_ours" -v s="$best_simpy" -v v="$simpy_version" 'BEGIN {
    printf "{\"benchmark\":\"mmc_vs_simpy\",\"corridor_ns_per_customer\":%.1f,\"simpy_ns_per_customer\":%.1f,\"simpy\":\"%s\",\"ratio\":%.1f}\n", o, s, v, s / o }'
