// Checks shared by every loader: road attributes a planner could mistype, and the connectivity
// of the whole network.

#include <algorithm>
#include <cmath>
#include <utility>

#include "corridor/engine/format.hpp"
#include "corridor/network/input_limits.hpp"
#include "corridor/network/load.hpp"

namespace corridor {

std::string check_road(const RoadAttributes& road, bool allow_zero_length) {
    // Limits that no real road passes: the longest road between two junctions is far below
    // 2,000 km, and no convoy plans on more than 200 km/h.
    if (allow_zero_length && road.length_m == 0) {
    } else if (!std::isfinite(road.length_m) || road.length_m <= 0)
        return "length " + format_number(road.length_m) + " m must be positive";
    if (road.length_m > 2'000'000)
        return "length " + format_number(road.length_m / 1000) + " km is absurd for one road";
    if (!std::isfinite(road.speed_kph) || road.speed_kph <= 0)
        return "speed " + format_number(road.speed_kph) + " km/h must be positive";
    if (road.speed_kph > 200)
        return "speed " + format_number(road.speed_kph) + " km/h is absurd (the limit is 200)";
    if (road.lanes < 1 || road.lanes > input_limits::kMaxLanes)
        return "lanes " + std::to_string(road.lanes) + " must be 1 to " +
               std::to_string(input_limits::kMaxLanes);
    if (!std::isfinite(road.capacity_vph) || road.capacity_vph < 0)
        return "capacity " + format_number(road.capacity_vph) + " vehicles/h cannot be negative";
    // 16 lanes of motorway carry about 32,000 vehicles an hour.
    if (road.capacity_vph > input_limits::kMaxCapacityVph)
        return "capacity " + format_number(road.capacity_vph) + " vehicles/h is absurd (the limit is " +
               format_number(input_limits::kMaxCapacityVph) + ")";
    if (!(road.weight_limit_t > 0))
        return "weight limit " + format_number(road.weight_limit_t) + " t must be positive";
    // No limit is infinity; a finite limit above the heaviest road transports is a typing slip.
    if (road.weight_limit_t != kNoWeightLimit && road.weight_limit_t > input_limits::kMaxWeightLimitT)
        return "weight limit " + format_number(road.weight_limit_t) + " t is absurd (the limit is " +
               format_number(input_limits::kMaxWeightLimitT) + " t; leave it empty for no limit)";
    if (!(road.axle_load_limit_t > 0))
        return "axle load limit " + format_number(road.axle_load_limit_t) + " t must be positive";
    if (road.axle_load_limit_t != kNoLimit && road.axle_load_limit_t > input_limits::kMaxWeightLimitT)
        return "axle load limit " + format_number(road.axle_load_limit_t) + " t is absurd (the limit is " +
               format_number(input_limits::kMaxWeightLimitT) + " t; leave it empty for no limit)";
    // The tallest and widest loads moved by road are about 10 m; a clearance of more than
    // input_limits::kMaxClearanceM is a slip (a height in centimetres without its unit).
    for (auto [what, value] : {std::pair{"height limit", road.height_limit_m}, std::pair{"width limit", road.width_limit_m}}) {
        if (!(value > 0)) return std::string(what) + " " + format_number(value) + " m must be positive";
        if (value != kNoLimit && value > input_limits::kMaxClearanceM)
            return std::string(what) + " " + format_number(value) + " m is absurd (the limit is " +
                   format_number(input_limits::kMaxClearanceM) + " m; leave it out for no limit)";
    }
    return {};
}

void check_connectivity(const RoadNetwork& network, const std::string& file, Diagnostics& diagnostics) {
    // A part that no road joins to the rest is almost always a mistake in a hand-made network,
    // and a cut edge of an extract in a map.
    const std::vector<std::size_t>& parts = network.part_sizes();
    if (parts.size() <= 1) return;
    std::string message = "the network has " + std::to_string(parts.size()) + " disconnected parts, of ";
    for (std::size_t i = 0; i < parts.size() && i < 8; ++i)
        message += (i ? ", " : "") + std::to_string(parts[i]);
    if (parts.size() > 8) message += ", ...";
    message += " nodes; routes between parts do not exist";
    diagnostics.warning(file, 0, 0, message);
}

}  // namespace corridor
