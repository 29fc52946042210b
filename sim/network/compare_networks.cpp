// Two networks compared node by node, arcs from each node in any order: a file written and read
// back holds the same roads, though the loader may group a node's arcs in another order.

#include <algorithm>
#include <cmath>
#include <tuple>

#include "corridor/network/generate.hpp"

namespace corridor {
namespace {

struct ArcView {
    NodeIndex to;
    double length_m;
    RoadClass road_class;
    double speed_kph, capacity_vph, weight_limit_t;
    int lanes;
    bool one_way;
    const std::string* name;
};

std::vector<ArcView> arcs_from(const RoadNetwork& network, NodeIndex v) {
    std::vector<ArcView> arcs;
    auto [first, last] = network.out_arcs(v);
    for (ArcIndex a = first; a < last; ++a)
        arcs.push_back({network.arc_to(a), network.length_m(a), network.road_class(a), network.speed_kph(a),
                        network.capacity_vph(a), network.weight_limit_t(a), network.lanes(a),
                        network.one_way(a), &network.road_name(a)});
    std::sort(arcs.begin(), arcs.end(), [](const ArcView& x, const ArcView& y) {
        return std::tie(x.to, x.length_m) < std::tie(y.to, y.length_m);
    });
    return arcs;
}

std::string arc_difference(const ArcView& x, const ArcView& y, const Tolerance& tolerance) {
    if (x.to != y.to) return "goes to another node";
    if (std::abs(x.length_m - y.length_m) > tolerance.metres)
        return "length " + std::to_string(x.length_m) + " m against " + std::to_string(y.length_m) + " m";
    if (!tolerance.attributes) return "";
    if (x.road_class != y.road_class)
        return "class " + std::string(to_string(x.road_class)) + " against " +
               std::string(to_string(y.road_class));
    if (x.speed_kph != y.speed_kph || x.capacity_vph != y.capacity_vph || x.lanes != y.lanes)
        return "speed, capacity or lanes differ";
    if (x.weight_limit_t != y.weight_limit_t) return "weight limit differs";
    if (x.one_way != y.one_way) return "one-way in one and two-way in the other";
    if (*x.name != *y.name) return "name '" + *x.name + "' against '" + *y.name + "'";
    return "";
}

}  // namespace

std::string first_difference(const RoadNetwork& a, const RoadNetwork& b, const Tolerance& tolerance) {
    if (a.node_count() != b.node_count())
        return std::to_string(a.node_count()) + " nodes against " + std::to_string(b.node_count());
    if (a.arc_count() != b.arc_count())
        return std::to_string(a.arc_count()) + " arcs against " + std::to_string(b.arc_count());
    for (NodeIndex v = 0; v < a.node_count(); ++v) {
        const NodeInfo &x = a.node(v), &y = b.node(v);
        std::string where = "node " + x.id + ": ";
        if (x.id != y.id) return where + "id '" + y.id + "' in the other";
        if (x.has_coordinates() != y.has_coordinates() ||
            (x.has_coordinates() &&
             (std::abs(x.lat - y.lat) > tolerance.degrees || std::abs(x.lon - y.lon) > tolerance.degrees)))
            return where + "coordinates differ";
        std::vector<ArcView> from_a = arcs_from(a, v), from_b = arcs_from(b, v);
        if (from_a.size() != from_b.size()) return where + "a different number of arcs leave it";
        for (std::size_t i = 0; i < from_a.size(); ++i)
            if (std::string why = arc_difference(from_a[i], from_b[i], tolerance); !why.empty())
                return where + "its arc to node " + a.node(from_a[i].to).id + ": " + why;
    }
    return "";
}

}  // namespace corridor
