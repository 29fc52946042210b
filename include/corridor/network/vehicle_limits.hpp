#pragma once
// What a vehicle needs of a road: its weight, axle load, height and width against the road's
// signed limits, and whether it is a heavy goods vehicle for roads closed to them (`hgv=no`).
// 0 in a field: that dimension is not checked (the vehicle type does not give it).

#include <algorithm>
#include <string>

#include "corridor/network/road_network.hpp"

namespace corridor {

/// Above this gross weight a goods vehicle is heavy: the boundary between EU categories N1 and
/// N2/N3 (Directive 2007/46/EC, Annex II: N1 up to 3.5 t), which is also what `hgv` means in
/// OpenStreetMap (wiki, Key:hgv).
inline constexpr double kHeavyVehicleAboveT = 3.5;

struct VehicleLimits {
    double weight_t = 0;
    double axle_load_t = 0;
    double height_m = 0;
    double width_m = 0;
    bool heavy = false;
    bool operator==(const VehicleLimits&) const = default;

    /// A convoy moves as its most demanding vehicle: the largest of each dimension.
    void include(const VehicleLimits& other) {
        weight_t = std::max(weight_t, other.weight_t);
        axle_load_t = std::max(axle_load_t, other.axle_load_t);
        height_m = std::max(height_m, other.height_m);
        width_m = std::max(width_m, other.width_m);
        heavy = heavy || other.heavy;
    }
};

/// True when the vehicle may drive arc `a`: every limit the road signs is at least the vehicle's
/// figure, and a heavy vehicle is not on a road closed to heavy goods vehicles.
inline bool vehicle_may_use(const RoadNetwork& network, ArcIndex a, const VehicleLimits& vehicle) {
    return vehicle.weight_t <= network.weight_limit_t(a) && vehicle.axle_load_t <= network.axle_load_limit_t(a) &&
           vehicle.height_m <= network.height_limit_m(a) && vehicle.width_m <= network.width_limit_m(a) &&
           !(vehicle.heavy && network.hgv_access(a) == HgvAccess::no);
}

/// Why the vehicle may not drive arc `a`, for a message ("height limit 3 m, below the vehicle's
/// 3.1 m"); empty when it may.
std::string why_vehicle_may_not_use(const RoadNetwork& network, ArcIndex a, const VehicleLimits& vehicle);

/// How many roads carry each heavy-vehicle rule (a two-way road counted once), so that a planner
/// can tell a map without limits from limits not applied.
struct HeavyVehicleRules {
    std::size_t weight = 0, axle_load = 0, height = 0, width = 0, hgv_no = 0, forbidden_turns = 0;
};
HeavyVehicleRules count_heavy_vehicle_rules(const RoadNetwork& network);
/// "roads with limits: 3 weight, 1 height, 0 width, 0 axle load, 1 hgv=no; 5 forbidden turns".
std::string describe(const HeavyVehicleRules& rules);

}  // namespace corridor
