// Fuel of aid trucks (docs/model.md, "Fuel"): a truck starts full and fills up whenever it stands
// at a depot (to load, or to look for work at home), from the depot's stock of the fuel commodity,
// or in full from supplies outside the model when the scenario names no fuel commodity. A depot
// short of fuel fills it partly. A truck takes no trip it cannot finish and drive back to its base
// from on what it has and what the trip's depot can give it (by the routes at the start of the
// run); it waits for fuel instead. One that runs dry all the same (a closure's detour made its
// route longer) is lost with its load.

#include <algorithm>
#include <limits>

#include "../world.hpp"

namespace corridor::model {
namespace {

const VehicleType& type_of(const World& w, const Truck& truck) {
    return w.theatre.vehicle_types[w.theatre.aid.fleets[truck.fleet].vehicle_type];
}
const VehicleType& type_of(const World& w, std::size_t index) { return type_of(w, w.aid.trucks[index]); }

// Fuel the depot can give, in litres: its stock of the fuel commodity, or endless without one.
double depot_fuel_l(const World& w, std::size_t depot) {
    const std::optional<std::size_t>& fuel = w.theatre.aid.fuel;
    if (!fuel) return std::numeric_limits<double>::infinity();
    return std::max(0.0, w.aid.depots[depot].stock[*fuel]);
}

double distance_m(const World& w, std::size_t fleet, std::size_t from, std::size_t to) {
    std::size_t places = w.aid.places;
    return w.aid.place_m[(fleet * places + from) * places + to];
}

}  // namespace

double truck_l_per_m(const World& w, std::size_t index) {
    return type_of(w, index).fuel_per_100km / 100000.0;
}

double truck_range_m(const World& w, std::size_t index) {
    double per_m = truck_l_per_m(w, index);
    if (per_m <= 0) return std::numeric_limits<double>::infinity();
    return w.aid.trucks[index].fuel_l / per_m;
}

void refuel(World& w, std::size_t index) {
    Truck& truck = w.aid.trucks[index];
    const VehicleType& type = type_of(w, index);
    if (type.fuel_per_100km <= 0 || truck.place >= w.theatre.aid.depots.size()) return;
    double taken = std::min(type.tank_l - truck.fuel_l, depot_fuel_l(w, truck.place));
    if (!(taken > 0)) return;
    truck.fuel_l += taken;
    if (w.theatre.aid.fuel) w.aid.depots[truck.place].stock[*w.theatre.aid.fuel] -= taken;
    w.aid.fuel_taken_l[truck.fleet] += taken;
}

bool fuel_for_trip(const World& w, const Truck& truck, std::size_t here, const Trip& trip) {
    double per_m = type_of(w, truck).fuel_per_100km / 100000.0;
    if (per_m <= 0) return true;
    std::size_t depot = depot_place(trip.depot), town = town_place(w, trip.town);
    std::size_t base = depot_place(w.theatre.aid.fleets[truck.fleet].base);
    double to_depot_l = distance_m(w, truck.fleet, here, depot) * per_m;
    if (to_depot_l > truck.fuel_l) return false;
    // At the depot it fills up from what the depot holds beyond the trip's own load of fuel.
    double offered_l = depot_fuel_l(w, trip.depot);
    if (w.theatre.aid.fuel) offered_l = std::max(0.0, offered_l - trip.load[*w.theatre.aid.fuel]);
    double at_depot_l = std::min(type_of(w, truck).tank_l, truck.fuel_l - to_depot_l + offered_l);
    double onward_l =
        (distance_m(w, truck.fleet, depot, town) + distance_m(w, truck.fleet, town, base)) * per_m;
    return onward_l <= at_depot_l;
}

void truck_burnt(World& w, std::size_t index, double litres) {
    Truck& truck = w.aid.trucks[index];
    truck.fuel_l = std::max(0.0, truck.fuel_l - litres);
    w.aid.fuel_l[truck.fleet] += litres;
}

void truck_ran_dry(World& w, std::size_t index) {
    Truck& truck = w.aid.trucks[index];
    truck.fuel_l = 0;
    truck.broken = true;  // for good: no repair is scheduled, so it never comes back
    truck.broken_since = w.sim.now();
    ++w.aid.ran_dry[truck.fleet];
    // Its load never arrives: the town stops counting on it, and a load not yet taken on stays at
    // the depot. (Going home, it carries nothing: `load` is the trip delivered.)
    bool loaded = truck.state == Truck::State::to_town, reserved = truck.state == Truck::State::to_depot;
    if (!loaded && !reserved) return;
    for (std::size_t c = 0; c < truck.load.size(); ++c) {
        w.aid.towns[truck.town].on_the_way[c] -= truck.load[c];
        if (reserved) w.aid.depots[truck.depot].stock[c] += truck.load[c];
    }
    truck.load.assign(truck.load.size(), 0.0);
}

}  // namespace corridor::model
