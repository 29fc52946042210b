#!/usr/bin/python3
"""The M/M/c benchmark model of tests/bench/mmc.cpp written in SimPy, as a SimPy user would:
one process per customer that requests a server, holds it for an exponential time and leaves.
Prints one JSON line like corridor-bench mmc, so that the two can be compared in one run."""
import argparse
import json
import random
import time

import simpy


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--servers", type=int, default=2)
    parser.add_argument("--arrival-rate", type=float, default=1.6)
    parser.add_argument("--service-rate", type=float, default=1.0)
    parser.add_argument("--customers", type=int, default=200_000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()

    rng = random.Random(args.seed)
    env = simpy.Environment()
    servers = simpy.Resource(env, capacity=args.servers)
    total_wait = [0.0]

    def customer():
        arrived = env.now
        with servers.request() as request:
            yield request
            total_wait[0] += env.now - arrived
            yield env.timeout(rng.expovariate(args.service_rate))

    def source():
        for _ in range(args.customers):
            yield env.timeout(rng.expovariate(args.arrival_rate))
            env.process(customer())

    env.process(source())
    start = time.perf_counter()
    env.run()
    seconds = time.perf_counter() - start
    print(json.dumps({"benchmark": "mmc_simpy", "simpy": simpy.__version__,
                      "servers": args.servers, "customers": args.customers,
                      "seconds": round(seconds, 4),
                      "ns_per_customer": round(seconds * 1e9 / args.customers, 1),
                      "mean_wait": round(total_wait[0] / args.customers, 5)}))


if __name__ == "__main__":
    main()
