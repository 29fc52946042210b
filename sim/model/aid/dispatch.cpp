// Dispatch policies (docs/model.md, "Dispatch policies"): which town a truck serves next, from
// which depot, with what load. Every policy loads the same way (`plan_load`): the commodities the
// town lacks, in its organisation's order of priority, up to the town's target cover and storage,
// the depot's stock and the truck's payload and volume. They differ in the town and depot:
//   most_need_first: the town with the fewest days of cover (counting what is on the way), from
//                    the depot of the fleet's organisation that makes the trip shortest;
//   nearest_depot:   the depot of its organisation nearest the truck that has something a town
//                    needs, then the town nearest that depot that needs it;
//   round_robin:     the fleet's towns in a fixed cycle, always from its base depot.
// A trip is made only when the load is at least the fleet's minimum share of a full load (the
// payload, or the town's whole target cover of what the depot holds when that weighs less), or
// when it brings a commodity whose cover has fallen below that share of the target cover.

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

#include "../world.hpp"

namespace corridor::model {
namespace {

constexpr double kNoRoad = std::numeric_limits<double>::infinity();
constexpr double kEndlessCover = std::numeric_limits<double>::infinity();
constexpr double kSmallestLoad_t = 0.001;

// The load of a trip from `depot` to `town` for a truck of `fleet`.
Trip plan_load(World& w, std::size_t fleet, std::size_t depot, std::size_t town) {
    const Humanitarian& aid = w.theatre.aid;
    const Fleet& f = aid.fleets[fleet];
    const VehicleType& truck = w.theatre.vehicle_types[f.vehicle_type];
    const Town& t = aid.towns[town];
    advance(w, town);
    const TownState& s = w.aid.towns[town];
    const DepotState& d = w.aid.depots[depot];
    Trip trip{depot, town, std::vector<double>(aid.commodities.size(), 0.0), 0};
    double payload_kg = truck.payload_t * 1000.0;
    double mass_left_kg = payload_kg;
    double volume_left = truck.volume_m3 > 0 ? truck.volume_m3 : std::numeric_limits<double>::infinity();
    double storage_left_kg = t.storage_t * 1000.0;
    for (std::size_t c = 0; c < aid.commodities.size(); ++c)
        storage_left_kg -= (s.stock[c] + s.on_the_way[c]) * aid.commodities[c].mass_kg;
    double cover_days = static_cast<double>(t.target_cover) / static_cast<double>(kDay);
    for (std::size_t c : w.aid.load_order[fleet]) {
        const Commodity& commodity = aid.commodities[c];
        double room = cover_days * daily_need(w, town, c) - s.stock[c] - s.on_the_way[c];
        double amount = std::min(room, d.stock[c]);
        if (commodity.mass_kg > 0)
            amount = std::min({amount, mass_left_kg / commodity.mass_kg, storage_left_kg / commodity.mass_kg});
        if (commodity.volume_m3 > 0) amount = std::min(amount, volume_left / commodity.volume_m3);
        if (!(amount > 0)) continue;
        trip.load[c] = amount;
        mass_left_kg -= amount * commodity.mass_kg;
        storage_left_kg -= amount * commodity.mass_kg;
        volume_left -= amount * commodity.volume_m3;
    }
    trip.load_t = (payload_kg - mass_left_kg) / 1000.0;
    return trip;
}

// A full load for this trip: the truck's payload, or less when the town's whole target cover of
// what this depot holds weighs less (a truck never waits for more than the town could take).
double full_load_t(const World& w, std::size_t fleet, const Trip& trip) {
    const Humanitarian& aid = w.theatre.aid;
    const Town& town = aid.towns[trip.town];
    double cover_days = static_cast<double>(town.target_cover) / static_cast<double>(kDay);
    const DepotState& depot = w.aid.depots[trip.depot];
    double target_kg = 0;
    for (std::size_t c = 0; c < aid.commodities.size(); ++c)
        if (depot.stock[c] > 0 || trip.load[c] > 0)
            target_kg += cover_days * daily_need(w, trip.town, c) * aid.commodities[c].mass_kg;
    double payload_t = w.theatre.vehicle_types[aid.fleets[fleet].vehicle_type].payload_t;
    return std::min({payload_t, target_kg / 1000.0, town.storage_t});
}

// Worth a trip: at least the fleet's minimum share of a full load, or anything for a stock that
// has fallen below that share of the town's target cover (its reorder point: a town short of
// medicine gets its few kilograms now, not when the rest is due); and never less than a kilogram
// (rounding leaves specks of room that no truck should drive for).
bool worth_a_trip(World& w, std::size_t fleet, const Trip& trip) {
    if (trip.load_t < kSmallestLoad_t) return false;
    double min_load = w.theatre.aid.fleets[fleet].min_load;
    const TownState& town = w.aid.towns[trip.town];
    double reorder_days =
        min_load * static_cast<double>(w.theatre.aid.towns[trip.town].target_cover) / static_cast<double>(kDay);
    for (std::size_t c = 0; c < trip.load.size(); ++c) {
        double need = daily_need(w, trip.town, c);
        if (trip.load[c] > 0 && need > 0 && (town.stock[c] + town.on_the_way[c]) / need < reorder_days) return true;
    }
    return trip.load_t + 1e-9 >= min_load * full_load_t(w, fleet, trip);
}

// Days the town's most pressing stock lasts, counting what is on the way (infinite with no need).
double cover_days(World& w, std::size_t town) {
    advance(w, town);
    const TownState& s = w.aid.towns[town];
    double days = kEndlessCover;
    for (std::size_t c = 0; c < s.stock.size(); ++c) {
        double need = daily_need(w, town, c);
        if (need > 0) days = std::min(days, (s.stock[c] + s.on_the_way[c]) / need);
    }
    return days;
}

// The depots a fleet may load at: its organisation's, in the order of the scenario.
std::vector<std::size_t> fleet_depots(const World& w, std::size_t fleet) {
    const Humanitarian& aid = w.theatre.aid;
    std::vector<std::size_t> depots;
    for (std::size_t d = 0; d < aid.depots.size(); ++d)
        if (aid.depots[d].organisation == aid.fleets[fleet].organisation) depots.push_back(d);
    return depots;
}

// Sorts `items` by `key`, keeping the scenario's order among equals (so that choices never
// depend on the sort's implementation).
template <class Key>
void sort_by(std::vector<std::size_t>& items, Key key) {
    std::vector<std::pair<double, std::size_t>> keyed;
    for (std::size_t i : items) keyed.push_back({key(i), i});
    std::stable_sort(keyed.begin(), keyed.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    for (std::size_t k = 0; k < items.size(); ++k) items[k] = keyed[k].second;
}

std::optional<Trip> most_need_first(World& w, std::size_t fleet, std::size_t here) {
    std::vector<std::size_t> towns = w.aid.fleet_towns[fleet];
    sort_by(towns, [&](std::size_t town) { return cover_days(w, town); });
    std::vector<std::size_t> depots = fleet_depots(w, fleet);
    for (std::size_t town : towns) {
        sort_by(depots, [&](std::size_t d) {
            return travel_s(w, fleet, here, depot_place(d)) + travel_s(w, fleet, depot_place(d), town_place(w, town));
        });
        for (std::size_t d : depots) {
            if (travel_s(w, fleet, here, depot_place(d)) == kNoRoad ||
                travel_s(w, fleet, depot_place(d), town_place(w, town)) == kNoRoad)
                continue;
            Trip trip = plan_load(w, fleet, d, town);
            if (worth_a_trip(w, fleet, trip)) return trip;
        }
    }
    return std::nullopt;
}

std::optional<Trip> nearest_depot(World& w, std::size_t fleet, std::size_t here) {
    std::vector<std::size_t> depots = fleet_depots(w, fleet);
    sort_by(depots, [&](std::size_t d) { return travel_s(w, fleet, here, depot_place(d)); });
    for (std::size_t d : depots) {
        if (travel_s(w, fleet, here, depot_place(d)) == kNoRoad) continue;
        std::vector<std::size_t> towns = w.aid.fleet_towns[fleet];
        sort_by(towns, [&](std::size_t town) { return travel_s(w, fleet, depot_place(d), town_place(w, town)); });
        for (std::size_t town : towns) {
            if (travel_s(w, fleet, depot_place(d), town_place(w, town)) == kNoRoad) continue;
            Trip trip = plan_load(w, fleet, d, town);
            if (worth_a_trip(w, fleet, trip)) return trip;
        }
    }
    return std::nullopt;
}

std::optional<Trip> round_robin(World& w, std::size_t fleet) {
    const std::vector<std::size_t>& towns = w.aid.fleet_towns[fleet];
    std::size_t& next = w.aid.round_robin_next[fleet];
    std::size_t base = w.theatre.aid.fleets[fleet].base;
    for (std::size_t k = 0; k < towns.size(); ++k) {
        std::size_t turn = (next + k) % towns.size();
        Trip trip = plan_load(w, fleet, base, towns[turn]);
        if (!worth_a_trip(w, fleet, trip)) continue;
        next = (turn + 1) % towns.size();
        return trip;
    }
    return std::nullopt;
}

}  // namespace

std::size_t depot_place(std::size_t depot) { return depot; }

NodeIndex place_node(const World& w, std::size_t place) {
    const Humanitarian& aid = w.theatre.aid;
    return place < aid.depots.size() ? aid.depots[place].node : aid.towns[place - aid.depots.size()].node;
}
std::size_t town_place(const World& w, std::size_t town) { return w.theatre.aid.depots.size() + town; }

double travel_s(const World& w, std::size_t fleet, std::size_t from_place, std::size_t to_place) {
    std::size_t places = w.aid.places;
    return w.aid.place_time_s[(fleet * places + from_place) * places + to_place];
}

void measure_places(World& w) {
    const Humanitarian& aid = w.theatre.aid;
    std::vector<NodeIndex> nodes;
    for (const Depot& d : aid.depots) nodes.push_back(d.node);
    for (const Town& t : aid.towns) nodes.push_back(t.node);
    std::size_t places = nodes.size();
    w.aid.places = places;
    w.aid.place_time_s.assign(aid.fleets.size() * places * places, kNoRoad);
    w.aid.place_m.assign(aid.fleets.size() * places * places, kNoRoad);
    // One table per fleet, for its own trucks' weight (a light fleet may cross a bridge a heavy one
    // may not).
    for (std::size_t f = 0; f < aid.fleets.size(); ++f) {
        VehicleLimits truck = w.theatre.vehicle_types[aid.fleets[f].vehicle_type].limits();
        // one_to_all's node labels cannot see turn restrictions: where the map has some, each
        // pair is routed on its own (docs/network.md, "Turn restrictions").
        bool turns = !w.theatre.network().forbidden_turns().empty();
        for (std::size_t from = 0; from < places; ++from) {
            std::vector<double> seconds;
            if (turns) {
                seconds.assign(w.theatre.network().node_count(), std::numeric_limits<double>::infinity());
                for (std::size_t to = 0; to < places; ++to)
                    if (Route r = w.router.route({nodes[from], nodes[to], Metric::time, truck}); r.found)
                        seconds[nodes[to]] = r.time_s;
            } else {
                seconds = w.router.one_to_all(nodes[from], Metric::time, truck);
            }
            for (std::size_t to = 0; to < places; ++to) {
                double s = seconds[nodes[to]];
                w.aid.place_time_s[(f * places + from) * places + to] = std::isfinite(s) ? s : kNoRoad;
            }
        }
        // The lengths of those routes, for the trucks' fuel (refuel.cpp), only when it is modelled.
        if (w.theatre.vehicle_types[aid.fleets[f].vehicle_type].fuel_per_100km <= 0) continue;
        for (std::size_t from = 0; from < places; ++from)
            for (std::size_t to = 0; to < places; ++to) {
                Route route = w.router.route({nodes[from], nodes[to], Metric::time, truck});
                if (route.found) w.aid.place_m[(f * places + from) * places + to] = route.distance_m;
            }
    }
}

std::optional<Trip> choose_trip(World& w, const Truck& truck, std::size_t here) {
    std::optional<Trip> trip;
    switch (w.theatre.aid.fleets[truck.fleet].policy) {
        case DispatchPolicy::most_need_first:
            trip = most_need_first(w, truck.fleet, here);
            break;
        case DispatchPolicy::nearest_depot:
            trip = nearest_depot(w, truck.fleet, here);
            break;
        case DispatchPolicy::round_robin:
            trip = round_robin(w, truck.fleet);
            break;
    }
    if (!trip) return trip;
    if (!fuel_for_trip(w, truck, here, *trip)) {
        if (w.sinks.timeline) w.log(w.sim.now(), truck.id, "short of fuel", w.node_id(place_node(w, here)));
        return std::nullopt;
    }
    // The load is spoken for: no other truck plans on it.
    for (std::size_t c = 0; c < trip->load.size(); ++c) {
        w.aid.depots[trip->depot].stock[c] -= trip->load[c];
        w.aid.towns[trip->town].on_the_way[c] += trip->load[c];
    }
    return trip;
}

}  // namespace corridor::model
