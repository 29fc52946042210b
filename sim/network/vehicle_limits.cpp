// Why a vehicle may not use a road, in the words a planner reads in `validate`'s messages.

#include "corridor/network/vehicle_limits.hpp"

#include "corridor/engine/format.hpp"

namespace corridor {

std::string why_vehicle_may_not_use(const RoadNetwork& network, ArcIndex a, const VehicleLimits& vehicle) {
    auto below = [](const char* what, double limit, double figure, const char* unit) {
        return std::string(what) + " " + format_number(limit) + " " + unit + ", below the vehicle's " +
               format_number(figure) + " " + unit;
    };
    if (vehicle.weight_t > network.weight_limit_t(a))
        return below("weight limit", network.weight_limit_t(a), vehicle.weight_t, "t");
    if (vehicle.axle_load_t > network.axle_load_limit_t(a))
        return below("axle load limit", network.axle_load_limit_t(a), vehicle.axle_load_t, "t");
    if (vehicle.height_m > network.height_limit_m(a))
        return below("height limit", network.height_limit_m(a), vehicle.height_m, "m");
    if (vehicle.width_m > network.width_limit_m(a))
        return below("width limit", network.width_limit_m(a), vehicle.width_m, "m");
    if (vehicle.heavy && network.hgv_access(a) == HgvAccess::no)
        return "closed to heavy goods vehicles by hgv=no, and the vehicle weighs more than " +
               format_number(kHeavyVehicleAboveT) + " t";
    return {};
}

HeavyVehicleRules count_heavy_vehicle_rules(const RoadNetwork& network) {
    HeavyVehicleRules rules;
    for (ArcIndex a = 0; a < network.arc_count(); ++a) {
        // A two-way road is two arcs with the same limits: count the one from the lower node.
        if (!network.one_way(a) && network.arc_from(a) > network.arc_to(a)) continue;
        rules.weight += network.weight_limit_t(a) < kNoWeightLimit;
        rules.axle_load += network.axle_load_limit_t(a) < kNoLimit;
        rules.height += network.height_limit_m(a) < kNoLimit;
        rules.width += network.width_limit_m(a) < kNoLimit;
        rules.hgv_no += network.hgv_access(a) == HgvAccess::no;
    }
    rules.forbidden_turns = network.forbidden_turns().size();
    return rules;
}

std::string describe(const HeavyVehicleRules& r) {
    auto n = [](std::size_t count) { return std::to_string(count); };
    return "roads with limits: " + n(r.weight) + " weight, " + n(r.height) + " height, " + n(r.width) +
           " width, " + n(r.axle_load) + " axle load, " + n(r.hgv_no) + " hgv=no; " + n(r.forbidden_turns) +
           (r.forbidden_turns == 1 ? " forbidden turn" : " forbidden turns");
}

}  // namespace corridor
