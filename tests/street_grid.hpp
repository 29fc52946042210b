#pragma once
// A width x height grid of two-way streets, every fifth row one-way, every seventh a faster road,
// lengths 100 to 150 m at random: a town-like network of known size without a road hierarchy, the
// worst case for contraction. Shared by the hierarchy tests and corridor-bench hierarchy --grid,
// so that the benchmark measures the network the tests check.

#include <string>
#include <utility>

#include "corridor/engine/random.hpp"
#include "corridor/network/road_network.hpp"

namespace corridor::test {

inline RoadNetwork street_grid(int width, int height, std::uint64_t seed) {
    RandomStream pick({seed, 0, purpose_id("grid"), 0});
    RoadNetworkBuilder builder;
    for (int v = 0; v < width * height; ++v) {
        NodeInfo node;
        node.id = std::to_string(v + 1);
        builder.add_node(std::move(node));
    }
    auto at = [width](int x, int y) { return static_cast<NodeIndex>(y * width + x); };
    for (int y = 0; y < height; ++y)
        for (int x = 0; x < width; ++x) {
            RoadAttributes road;
            road.speed_kph = y % 7 == 0 ? 90 : 50;
            road.length_m = 100 + pick.uniform01() * 50;
            if (x + 1 < width) builder.add_road(at(x, y), at(x + 1, y), road, y % 5 == 4);
            road.length_m = 100 + pick.uniform01() * 50;
            if (y + 1 < height) builder.add_road(at(x, y), at(x, y + 1), road, false);
        }
    return std::move(builder).build();
}

}  // namespace corridor::test
