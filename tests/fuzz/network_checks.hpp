#pragma once
// What a network fuzz target does with a network that loaded: route on it two exact ways and
// require the same answer. Plain Dijkstra and bidirectional Dijkstra both find a shortest route,
// so a difference in whether one exists or in its cost is a bug, whatever the input was.

#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "corridor/network/load.hpp"
#include "corridor/network/router.hpp"

namespace corridor::fuzz {

inline void check_routes(const LoadedNetwork& loaded) {
    if (!loaded.network || loaded.network->node_count() == 0) return;
    const RoadNetwork& network = *loaded.network;
    Router router(network);
    NodeIndex last = static_cast<NodeIndex>(network.node_count() - 1);
    for (Metric metric : {Metric::time, Metric::distance}) {
        for (NodeIndex to : {last, static_cast<NodeIndex>(last / 2)}) {
            RouteQuery query{0, to, metric, 0};
            Route plain = router.route(query, Algorithm::dijkstra);
            Route both_ways = router.route(query, Algorithm::bidirectional);
            double a = metric == Metric::time ? plain.time_s : plain.distance_m;
            double b = metric == Metric::time ? both_ways.time_s : both_ways.distance_m;
            if (plain.found != both_ways.found ||
                (plain.found && std::abs(a - b) > 1e-9 * std::max(1.0, std::abs(a)))) {
                std::fprintf(stderr,
                             "fuzz: Dijkstra and bidirectional Dijkstra disagree from node 0 to %zu: %s "
                             "%.17g, %s %.17g\n",
                             static_cast<std::size_t>(to), plain.found ? "found" : "none", a,
                             both_ways.found ? "found" : "none", b);
                std::abort();
            }
        }
    }
}

}  // namespace corridor::fuzz
