#pragma once
// A 64-bit FNV-1a hash of a network's arcs (ends and base costs, bit for bit) for one metric: a
// saved hierarchy is only valid for the network and costs it was built from.

#include <cstdint>
#include <cstring>

#include "corridor/network/hierarchy.hpp"

namespace corridor {

inline std::uint64_t network_fingerprint(const RoadNetwork& network, Metric metric) {
    std::uint64_t hash = 14695981039346656037ull;
    auto mix = [&hash](std::uint64_t word) {
        for (int i = 0; i < 8; ++i) {
            hash ^= (word >> (8 * i)) & 0xff;
            hash *= 1099511628211ull;
        }
    };
    mix(network.node_count());
    mix(network.arc_count());
    for (ArcIndex a = 0; a < network.arc_count(); ++a) {
        double cost = hierarchy_base_cost(network, a, metric);
        std::uint64_t bits;
        std::memcpy(&bits, &cost, sizeof bits);
        mix((static_cast<std::uint64_t>(network.arc_from(a)) << 32) | network.arc_to(a));
        mix(bits);
    }
    return hash;
}

}  // namespace corridor
