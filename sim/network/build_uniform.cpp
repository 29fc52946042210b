// A network built straight from the arrays of a DIMACS graph: ends and lengths differ from arc
// to arc, nothing else does. Arc by arc, the builder keeps a 64-byte record of every arc and
// copies it into the per-attribute arrays; here the ends and lengths are moved in as they were
// read and the other attributes are held once each (docs/performance.md, "Fast loaders").

#include <algorithm>

#include "arc_order.hpp"
#include "corridor/network/road_network.hpp"

namespace corridor {
namespace {

template <class T>
std::vector<T> permuted(const std::vector<T>& values, const std::vector<ArcIndex>& order) {
    std::vector<T> result(order.size());
    for (std::size_t i = 0; i < order.size(); ++i) result[i] = values[order[i]];
    return result;
}

}  // namespace

RoadNetwork RoadNetworkBuilder::build_uniform(std::vector<NodeIndex> from, std::vector<NodeIndex> to,
                                              std::vector<double> length_m, const RoadAttributes& road,
                                              bool one_way) && {
    const std::size_t n = nodes_.size();
    const std::size_t m = from.size();
    RoadNetwork network;
    // Grouped by start node, input order kept within a node, as build() does; files listed by
    // tail (most DIMACS graphs) are in that order already.
    std::vector<ArcIndex> forward_start;
    if (std::is_sorted(from.begin(), from.end())) {
        forward_start = row_starts(n, from);
        network.from_ = std::move(from);
        network.to_ = std::move(to);
        network.length_m_ = std::move(length_m);
    } else {
        std::vector<ArcIndex> by_from = order_by_key(
            n, m, [&](std::size_t a) { return from[a]; }, &forward_start);
        network.from_ = permuted(from, by_from);
        network.to_ = permuted(to, by_from);
        network.length_m_ = permuted(length_m, by_from);
    }
    // The attributes as add_road stores them (float speeds and limits, lanes clamped to a byte).
    double capacity =
        road.capacity_vph > 0 ? road.capacity_vph : road.lanes * default_lane_capacity_vph(road.road_class);
    // Each held once for the whole network (Column::uniform): no array of equal values per arc.
    network.speed_kph_ = Column<float>::uniform(m, static_cast<float>(road.speed_kph));
    network.lanes_ =
        Column<std::uint8_t>::uniform(m, static_cast<std::uint8_t>(std::clamp(road.lanes, 1, 255)));
    network.capacity_vph_ = Column<float>::uniform(m, static_cast<float>(capacity));
    network.weight_limit_t_ = Column<float>::uniform(m, static_cast<float>(road.weight_limit_t));
    network.axle_load_limit_t_ = Column<float>::uniform(m, static_cast<float>(road.axle_load_limit_t));
    network.height_limit_m_ = Column<float>::uniform(m, static_cast<float>(road.height_limit_m));
    network.width_limit_m_ = Column<float>::uniform(m, static_cast<float>(road.width_limit_m));
    network.hgv_ = Column<HgvAccess>::uniform(m, road.hgv);
    network.road_class_ = Column<RoadClass>::uniform(m, road.road_class);
    network.name_ = Column<std::uint32_t>::uniform(m, intern(road.name));
    network.one_way_ = Column<std::uint8_t>::uniform(m, one_way);

    return std::move(*this).finish(std::move(network), std::move(forward_start));
}

}  // namespace corridor
