// Whole-scenario checks run once every section is read, over the `units` section: each air unit's
// vehicles and people must fit some aircraft flying its route (check_air_loads), and each unit's
// posts must be reachable by road for its heaviest vehicle (check_reachability); and over the
// `fleets` section: each fleet's trucks must reach the towns it serves from their base depot and
// come back (check_aid_reachability), with a warning for a town in need that no fleet serves. They
// read no keys of their own: the keys they check are documented in docs/scenario-reference.md,
// sections `units`, `airlift`, `aircraft_types`, `towns` and `fleets`.

#include <algorithm>
#include <cmath>
#include <vector>

#include "corridor/engine/format.hpp"
#include "corridor/network/router.hpp"
#include "corridor/network/snap.hpp"
#include "section_helpers.hpp"
#include "sections.hpp"

namespace corridor::scenario {
namespace {

// Why a vehicle finds no road where a vehicle without limits would: the first road on that
// vehicle's route it may not use, with the limit ("" when even that vehicle finds none).
std::string limiting_road(Router& router, NodeIndex from, NodeIndex to, const VehicleLimits& vehicle) {
    Route free = router.route({from, to, Metric::time, VehicleLimits{}});
    const RoadNetwork& network = router.network();
    for (ArcIndex a : free.arcs)
        if (std::string why = why_vehicle_may_not_use(network, a, vehicle); !why.empty()) {
            const std::string& name = network.road_name(a);
            // The road as the planner gave it, not the piece of it a place by lat/lon cut off.
            auto [from_node, to_node] = unsplit_ends(network, a);
            return ": the road " + (name.empty() ? std::string() : "'" + name + "' ") + "from " +
                   network.node(from_node).id + " to " + network.node(to_node).id + " (" + why +
                   ") cannot be avoided";
        }
    return {};
}

}  // namespace

void check_air_loads(const Section& s, Build& build) {
    // An air unit must fit its airlift: each vehicle type in some aircraft flying its route (its
    // payload and a vehicle place), and its people in some aircraft with seats; otherwise the
    // airlift would end with part of the unit still at home.
    const Theatre& t = build.theatre;
    std::size_t u = 0;
    for (const YAML::Node& item : s.node) {
        const Unit& unit = t.units[u++];
        if (unit.mode != MoveMode::air) continue;
        std::vector<const AircraftType*> route;
        for (const AirliftFleet& fleet : t.airlift)
            if (fleet.from == unit.origin_airfield && fleet.to == unit.arrival_airfield)
                route.push_back(&t.aircraft_types[fleet.aircraft]);
        for (const UnitVehicles& v : unit.vehicles) {
            const VehicleType& type = t.vehicle_types[v.type];
            bool fits = std::any_of(route.begin(), route.end(), [&](const AircraftType* a) {
                return a->max_vehicles > 0 && a->payload_t >= type.weight_t;
            });
            if (!fits)
                s.source.error(item["vehicles"], "unit '" + unit.name +
                                                     "': no aircraft flying its route can carry a " +
                                                     type.name + " (" + format_tonnes(type.weight_t) + ")");
        }
        bool seats = std::any_of(route.begin(), route.end(),
                                 [](const AircraftType* a) { return a->seats > 0 && a->payload_t >= 0.1; });
        if (unit.personnel > 0 && !seats)
            s.source.error(item["personnel"], "unit '" + unit.name + "' has " +
                                                  std::to_string(unit.personnel) +
                                                  " people but no aircraft flying its route has seats");
    }
}

namespace {

// A unit whose route to a post is longer than its vehicles' fuel lasts (docs/model.md, "Fuel"):
// its convoys set off full, do not refuel on the way and will run dry.
void warn_if_beyond_range(Build& build, const Section& s, const YAML::Node& at, const Unit& unit,
                          const Post& post, NodeIndex start, double route_m) {
    const Theatre& t = build.theatre;
    for (const UnitVehicles& v : unit.vehicles) {
        const VehicleType& type = t.vehicle_types[v.type];
        if (type.fuel_per_100km <= 0) continue;
        double range_m = type.tank_l / (type.fuel_per_100km / 100000.0);
        if (route_m <= range_m) continue;
        build.diagnostics->warning(s.source.file, at.Mark().line + 1, at.Mark().column + 1,
                                   "unit '" + unit.name + "' drives " +
                                       format_number(std::round(route_m / 100.0) / 10.0) + " km from " +
                                       t.network().node(start).id + " to post '" + post.name +
                                       "', but a full tank of its '" + type.name + "' lasts " +
                                       format_number(std::round(range_m / 100.0) / 10.0) +
                                       " km: its convoys will run dry on the way (they do not refuel)");
        return;
    }
}

}  // namespace

void check_reachability(const Section& s, Build& build) {
    const Theatre& t = build.theatre;
    Router router(t.network());
    if (t.hierarchy.time) router.use_hierarchy(t.hierarchy.time);
    // The roads closed from the start to the end of the run: a post they cut off is never reached.
    Overlay closed_all_run(t.network().arc_count());
    std::string closed_roads;
    for (const Disruption& d : t.disruptions) {
        if (!d.closed || d.from > 0 || d.until < t.duration || (d.repair_work > 0 && !t.repair_teams.empty()))
            continue;
        for (ArcIndex a : d.arcs) closed_all_run.close(a);
        closed_roads += (closed_roads.empty() ? "" : ", ") + d.road;
    }
    Router closed_router(t.network(), &closed_all_run);
    if (t.hierarchy.time) closed_router.use_hierarchy(t.hierarchy.time);
    std::size_t u = 0;
    for (const YAML::Node& item : s.node) {
        const Unit& unit = t.units[u++];
        double heaviest = 0;
        VehicleLimits column;  // the convoy's most demanding vehicle, as the model routes it
        for (const UnitVehicles& v : unit.vehicles) {
            heaviest = std::max(heaviest, t.vehicle_types[v.type].weight_t);
            column.include(t.vehicle_types[v.type].limits());
        }
        NodeIndex start =
            unit.mode == MoveMode::air ? *t.airfields[unit.arrival_airfield].node : unit.origin_node;
        YAML::Node posts = item["posts"];
        for (std::size_t p = 0; p < unit.posts.size(); ++p) {
            const Post& post = t.posts[unit.posts[p]];
            YAML::Node at = posts.IsSequence() ? posts[p] : posts;
            Route route = router.route({start, post.node, Metric::time, column});
            if (route.found) {
                warn_if_beyond_range(build, s, at, unit, post, start, route.distance_m);
                if (!closed_roads.empty() && !closed_router.route({start, post.node, Metric::time, column}).found)
                    build.diagnostics->warning(
                        s.source.file, at.Mark().line + 1, at.Mark().column + 1,
                        "post '" + post.name + "' cannot be reached from " + t.network().node(start).id +
                            " by unit '" + unit.name + "' while the roads closed for the whole run (" +
                            closed_roads + ") stay closed: its convoys will wait at " + t.network().node(start).id +
                            " and the post will not be established");
                continue;
            }
            // The road and the limit that block, when one does (a height limit is not about the
            // weight); otherwise the column's weight, for a post no road reaches at all.
            const std::string blocked_by = limiting_road(router, start, post.node, column);
            s.source.error(at, "post '" + post.name + "' (node " + t.network().node(post.node).id +
                                   ") cannot be reached by road from " + t.network().node(start).id +
                                   " by unit '" + unit.name + "'" +
                                   (blocked_by.empty() ? " (heaviest vehicle " + format_tonnes(heaviest) + ")"
                                                       : blocked_by));
        }
    }
}

void check_aid_reachability(const Section& s, Build& build) {
    const Theatre& t = build.theatre;
    const Humanitarian& aid = t.aid;
    Router router(t.network());
    if (t.hierarchy.time) router.use_hierarchy(t.hierarchy.time);
    std::vector<bool> served(aid.towns.size(), false);
    std::size_t f = 0;
    for (auto it = s.node.begin(); it != s.node.end(); ++it) {
        const Fleet& fleet = aid.fleets[f++];
        const Depot& base = aid.depots[fleet.base];
        const VehicleType& type = t.vehicle_types[fleet.vehicle_type];
        YAML::Node listed = it->second["towns"];
        std::vector<std::size_t> towns = fleet.towns;
        if (towns.empty())
            for (std::size_t town = 0; town < aid.towns.size(); ++town) towns.push_back(town);
        for (std::size_t k = 0; k < towns.size(); ++k) {
            const Town& town = aid.towns[towns[k]];
            served[towns[k]] = true;
            YAML::Node at = fleet.towns.empty() ? it->first : listed.IsSequence() ? listed[k] : listed;
            std::string trucks = " (" + type.name + ", " + format_tonnes(type.weight_t) + ")";
            if (!router.route({base.node, town.node, Metric::time, type.limits()}).found)
                s.source.error(at, "town '" + town.name + "' cannot be reached by road from depot '" +
                                       base.name + "' for fleet '" + fleet.name + "'" + trucks +
                                       limiting_road(router, base.node, town.node, type.limits()));
            else if (!router.route({town.node, base.node, Metric::time, type.limits()}).found)
                s.source.error(at, "depot '" + base.name + "' cannot be reached by road from town '" +
                                       town.name + "' for fleet '" + fleet.name + "'" + trucks +
                                       ": its trucks could not come back");
        }
    }
    // Trucks that burn fuel fill up only at their organisation's depots that hold the fuel
    // commodity: with none, they run on what their tanks hold at the start and then stand.
    f = 0;
    for (auto it = s.node.begin(); it != s.node.end(); ++it) {
        const Fleet& fleet = aid.fleets[f++];
        if (!aid.fuel || t.vehicle_types[fleet.vehicle_type].fuel_per_100km <= 0) continue;
        bool stocked = std::any_of(aid.depots.begin(), aid.depots.end(), [&](const Depot& d) {
            bool inbound = std::any_of(d.inbound.begin(), d.inbound.end(),
                                       [&](const Inbound& in) { return in.commodity == *aid.fuel; });
            return d.organisation == fleet.organisation && (d.stock[*aid.fuel] > 0 || inbound);
        });
        if (!stocked)
            build.diagnostics->warning(s.source.file, it->first.Mark().line + 1, it->first.Mark().column + 1,
                                       "fleet '" + fleet.name + "' burns fuel but no depot of its organisation holds "
                                       "or receives '" + aid.commodities[*aid.fuel].name +
                                       "': its trucks stop when their first tankful is spent");
    }
    // (At the section's name: the fix is a fleet's `towns`.)
    for (std::size_t town = 0; town < aid.towns.size(); ++town) {
        const Town& tw = aid.towns[town];
        double people = tw.population;
        for (const PopulationChange& change : tw.population_changes) people = std::max(people, change.people);
        bool needs = std::any_of(tw.daily_need.begin(), tw.daily_need.end(), [](double n) { return n > 0; });
        if (served[town] || people <= 0 || !needs) continue;
        build.diagnostics->warning(s.source.file, s.key_line, 1,
                                   "town '" + tw.name +
                                       "' needs aid but no fleet serves it: add it to a fleet's "
                                       "'towns' (or leave 'towns' out to serve every town)");
    }
}

}  // namespace corridor::scenario
