#pragma once
// A 64-bit hash of a network's arcs (ends and base costs, bit for bit) for one metric: a saved
// hierarchy is only valid for the network and costs it was built from. Arcs are hashed in blocks
// with the prepared file's content hash, each block's hash the next one's seed: DE.gr's 120,576
// arcs in 0.23 ms where FNV-1a byte by byte took 1.8 ms, so some 7 ms instead of 55 for the 3.7 M
// arcs of a million-node network.

#include <array>
#include <cstdint>
#include <cstring>
#include <string_view>

#include "../content_hash.hpp"
#include "corridor/network/hierarchy.hpp"

namespace corridor {

inline std::uint64_t network_fingerprint(const RoadNetwork& network, Metric metric) {
    constexpr std::size_t kBlockArcs = 1024;
    std::array<std::uint64_t, 2 * kBlockArcs> block;
    std::uint64_t hash = content_hash({}, (static_cast<std::uint64_t>(network.node_count()) << 32) ^
                                              network.arc_count() ^ static_cast<std::uint64_t>(metric));
    const std::size_t m = network.arc_count();
    for (std::size_t start = 0; start < m; start += kBlockArcs) {
        std::size_t words = 0;
        for (std::size_t a = start; a < m && a < start + kBlockArcs; ++a) {
            double cost = hierarchy_base_cost(network, static_cast<ArcIndex>(a), metric);
            std::uint64_t bits;
            std::memcpy(&bits, &cost, sizeof bits);
            block[words++] = (static_cast<std::uint64_t>(network.arc_from(static_cast<ArcIndex>(a))) << 32) |
                             network.arc_to(static_cast<ArcIndex>(a));
            block[words++] = bits;
        }
        hash = content_hash({reinterpret_cast<const char*>(block.data()), words * sizeof(std::uint64_t)}, hash);
    }
    return hash;
}

}  // namespace corridor
