#include "map_roads.hpp"

#include <algorithm>

namespace corridor {

std::vector<MapRoad> map_roads(const RoadNetwork& net, const DeploymentResult& result) {
    std::vector<MapRoad> roads;
    std::vector<bool> drawn(net.arc_count(), false);
    const bool figures = result.roads.size() == net.arc_count();
    auto add_figures = [&](MapRoad& road, ArcIndex a) {
        if (!figures) return;
        const RoadOutcome& outcome = result.roads[a];
        road.vehicles += outcome.vehicles;
        road.vehicle_km += outcome.vehicle_km;
        road.largest_gate_queue = std::max(road.largest_gate_queue, outcome.largest_gate_queue);
        road.closed = std::max(road.closed, outcome.closed);
    };
    for (ArcIndex a = 0; a < net.arc_count(); ++a) {
        if (drawn[a]) continue;
        drawn[a] = true;
        MapRoad road;
        road.arc = a;
        add_figures(road, a);
        road.vehicles_forward = road.vehicles;
        // The arc back is the builder's twin: same length, class and name, the other way. Parallel
        // roads between the same nodes each find their own.
        if (!net.one_way(a))
            for (ArcIndex b : net.arcs_between(net.arc_to(a), net.arc_from(a))) {
                if (drawn[b] || net.one_way(b) || net.length_m(b) != net.length_m(a) ||
                    net.road_class(b) != net.road_class(a) || net.road_name(b) != net.road_name(a))
                    continue;
                drawn[b] = true;
                road.back = b;
                add_figures(road, b);
                break;
            }
        roads.push_back(road);
    }
    return roads;
}

}  // namespace corridor
