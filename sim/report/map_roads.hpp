#pragma once
// Roads as a map shows them: a two-way road is one line, though the network holds it as two arcs
// and the run counts each direction apart. Used by routes.geojson and the run report's map.

#include <cstdint>
#include <optional>
#include <vector>

#include "corridor/model/deployment.hpp"

namespace corridor {

struct MapRoad {
    ArcIndex arc = 0;              // drawn from this arc's start to its end
    std::optional<ArcIndex> back;  // the same road the other way; none for a one-way road
    // The run's figures of both directions together.
    std::int64_t vehicles = 0;          // convoy vehicles that entered it, both ways
    std::int64_t vehicles_forward = 0;  // of which along `arc`
    double vehicle_km = 0;
    int largest_gate_queue = 0;  // the larger of the two directions'
    Time closed = 0;             // the longer of the two directions' closed time
};

/// One MapRoad a one-way arc or two-way pair, in the order of their first arcs. A run that
/// recorded no road figures (a sweep's) gives zeros.
std::vector<MapRoad> map_roads(const RoadNetwork& network, const DeploymentResult& result);

}  // namespace corridor
