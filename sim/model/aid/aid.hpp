#pragma once
// The aid part of a run (docs/model.md, "Aid delivery"): towns that consume their stock as time
// passes (towns.cpp), depots that receive cargo and load trucks at their bays (depots.cpp), the
// dispatch policies that choose each truck's next trip (dispatch.cpp), the trucks that drive
// those trips as movers of the road-movement part (trucks.cpp), and the bus convoys that bring
// displaced people home (returns.cpp). Private to sim/model/.

#include <limits>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "corridor/engine/random.hpp"
#include "corridor/engine/resource.hpp"
#include "corridor/engine/simulator.hpp"
#include "corridor/model/humanitarian.hpp"
#include "../movement/halts.hpp"

namespace corridor::model {

struct World;

/// A town's stock and what it has consumed. Stock falls at a steady rate between events, so it
/// is kept as of `updated` and brought up to date (`advance`) before it is read or changed.
struct TownState {
    double population = 0;
    std::size_t next_change = 0;  // into Town::population_changes
    Time updated = 0;
    std::vector<double> stock;       // units by commodity, as of `updated`
    std::vector<double> on_the_way;  // loaded for it and not yet unloaded
    std::vector<EventId> runs_out;   // the pending "stock out" event of each commodity, if any
    std::vector<bool> out;           // at zero stock with a need
    // Since the start of the current day, and since the start of the run.
    std::vector<double> day_need, day_delivered, day_unmet;
    std::vector<double> need, delivered, unmet;
    std::vector<Time> out_time;   // time at zero stock with a need
    std::vector<Time> first_out;  // when a stock first reached zero, or kNever
};

struct DepotState {
    std::vector<double> stock;  // units by commodity, less what dispatched trucks will load
    std::unique_ptr<Resource> bays;
    std::optional<RandomStream> loading;  // its loading times per tonne, keyed by its name
};

/// One truck of a fleet and the trip it is on.
struct Truck {
    std::string id;  // "FLEET/truck-N", built only when it is written out
    std::size_t fleet = 0;
    std::size_t place = 0;  // the aid place it stands at when not on the road
    enum class State { idle, to_depot, loading, to_town, unloading, going_home } state = State::idle;
    std::size_t depot = 0, town = 0;  // of the trip under way
    std::vector<double> load;         // units by commodity
    double load_t = 0;
    Time dispatched = 0;
    Time idle_since = 0;
    MarchClock clock;  // its drivers' driving since their last halt and rest, over trips
    // Breakdowns (breakdowns.cpp): a failure falls due at a drawn time and takes effect when the
    // truck next stands (idle at home, or arriving somewhere); then it is out for its repair.
    bool failure_due = false;
    // A failure by distance falls due after this much driving; it stops the truck on the road.
    double failure_in_m = std::numeric_limits<double>::infinity();
    bool broken = false;  // out for a repair, or lost where it ran dry (then for good)
    Time broken_since = 0;
    double fuel_l = 0;  // in its tank (refuel.cpp); it starts full
    // In service from `joined_at` (a fleet's trucks may join one by one); until then it is not
    // counted, dispatched or broken down.
    bool joined = true;
    Time joined_at = 0;
};

/// What a dispatch policy chose: load `load` at `depot` and take it to `town`.
struct Trip {
    std::size_t depot = 0, town = 0;
    std::vector<double> load;
    double load_t = 0;
};

/// A flow of returns under way: people still waiting at the origin and buses there.
struct ReturnState {
    int waiting = 0;
    int buses_home = 0;
    int returned = 0;
    std::vector<std::size_t> posts_needed;  // rows of result.posts that must be established
};

/// Buses on the road for a flow: going with `people`, or coming back empty.
struct BusConvoy {
    std::size_t flow = 0;
    int buses = 0;
    int people = 0;
    bool coming_back = false;
};

struct Aid {
    std::vector<TownState> towns;
    std::vector<DepotState> depots;
    std::vector<Truck> trucks;
    std::vector<std::size_t> round_robin_next;  // per fleet: its next town, as an index into its towns
    std::vector<std::vector<std::size_t>> fleet_towns;  // per fleet: the towns it serves, in order
    std::vector<std::vector<std::size_t>> load_order;   // per fleet: commodities, first loaded first
    std::vector<std::vector<std::size_t>> fleet_trucks;  // per fleet: its trucks, in order
    std::vector<bool> recheck_planned;                   // per fleet: its idle trucks' next look
    // Travel times in seconds between the aid places (depots first, then towns) on the roads as
    // they are at the start, for the policies' "nearest": one table per fleet, for its weight.
    std::vector<double> place_time_s;
    std::vector<double> place_m;  // the same routes' lengths, for fleets whose fuel is modelled
    std::size_t places = 0;
    // Per fleet: trips, tonnes delivered, lead times, idle time and distance, for the KPIs.
    std::vector<int> trips;
    std::vector<double> tonnes, lead_time_h_sum, idle_h, vehicle_km, down_h;
    std::vector<double> escort_wait_h;  // per fleet: truck-hours waiting for an escort
    std::vector<int> breakdowns;                // per fleet
    std::vector<double> fuel_l, fuel_taken_l;   // per fleet: burnt, and taken from depots
    std::vector<int> ran_dry;                   // per fleet: trucks lost where they ran dry
    std::vector<RandomStream> failure_streams;  // per truck, keyed by its fleet's name and number
    std::vector<RandomStream> distance_failure_streams;  // the same, for failures by distance
    std::vector<RandomStream> recovery_streams;          // the same, for recovery and write-off
    std::vector<int> recovered, written_off;             // per fleet
    std::vector<ReturnState> returns;
    std::vector<BusConvoy> bus_convoys;  // every one formed, in order
    std::vector<RandomStream> bus_failure_streams;  // per flow, keyed by its name
    std::int64_t waiting_at_start = 0, returned = 0;  // over every flow
};

// --- towns (towns.cpp) ---
void open_towns(World& world);
/// Brings town `town`'s stock and its consumption figures up to now.
void advance(World& world, std::size_t town);
/// Adds a delivery to a town's stock (after `advance`).
void receive(World& world, std::size_t town, const std::vector<double>& load);
/// The town's need of each commodity a day at its present population, in units.
double daily_need(const World& world, std::size_t town, std::size_t commodity);
/// Brings every town up to the end of the run and closes its last day.
void close_towns(World& world);

/// `people` have arrived to live in the town: its need grows from now.
void add_people(World& world, std::size_t town, int people);

// --- returns (returns.cpp) ---
void start_returns(World& world);
/// Bus convoy `index` broke down on the road: counted, and the repair time of its bus returned.
Time bus_convoy_broke_down(World& world, std::size_t index);
/// Bus convoy `index` is repaired: how far it drives before its next failure.
double bus_convoy_failure_m(World& world, std::size_t index);

// --- depots (depots.cpp) ---
void open_depots(World& world);
/// Cargo has come in to a depot (by road or by air): what its capacity leaves room for is
/// stocked, the rest turned away, and idle trucks look for work.
void cargo_arrived(World& world, std::size_t depot, std::size_t commodity, double amount);
/// How long truck `index` takes to load its trip's load at its trip's depot, drawn when the
/// depot's time per tonne varies.
Time loading_time(World& world, std::size_t index);
/// The depots' bay figures at the end of the run.
void close_depots(World& world);

// --- dispatch policies (dispatch.cpp) ---
/// Travel time between two aid places for a fleet's trucks (see Aid::place_time_s), infinite
/// with no road.
double travel_s(const World& world, std::size_t fleet, std::size_t from_place, std::size_t to_place);
std::size_t depot_place(std::size_t depot);
/// The node of an aid place.
NodeIndex place_node(const World& world, std::size_t place);
std::size_t town_place(const World& world, std::size_t town);
/// The next trip for `truck`, standing at aid place `here`, or none when nothing is worth a trip.
std::optional<Trip> choose_trip(World& world, const Truck& truck, std::size_t here);
void measure_places(World& world);

// --- breakdowns (breakdowns.cpp) ---
void start_breakdowns(World& world);
/// Truck `index` has come into service (at the start, or when it joined): its first failure is drawn.
void start_failures(World& world, std::size_t index);
/// Truck `index` stands (idle, or arrived somewhere): if a failure is due it breaks down now and
/// `true` is returned; `resume` then runs for it once it is repaired.
bool break_down_if_due(World& world, std::size_t index);
/// Truck `index`, broken down (`by_time`: by its `mtbf`), is repaired where it stands (its
/// `repair_time` from now), then goes on as on arriving there.
void repair(World& world, std::size_t index, bool by_time);
/// How far truck `index` drives before its next failure by distance (infinite: it has no `mdbf`).
double next_failure_m(World& world, std::size_t index);
/// Truck `index` failed on the road, where its mover halts: counted, and the repair time there
/// returned; none when it cannot be repaired there: it is taken off the road (recovered).
std::optional<Time> truck_broke_down_on_road(World& world, std::size_t index);
/// Truck `index` is repaired on the road: how far it drives before its next failure.
double truck_repaired_on_road(World& world, std::size_t index);

// --- recovery (recovery.cpp) ---
/// Whether truck `index`, just broken down, cannot be repaired where it is (drawn).
bool needs_recovery(World& world, std::size_t index);
/// Truck `index` is taken to its base depot with its load, then repaired there or written off.
void recover(World& world, std::size_t index, bool by_time);

// --- fuel of aid trucks (refuel.cpp) ---
/// Truck `index`, standing at a depot, fills its tank from the depot's fuel.
void refuel(World& world, std::size_t index);
/// Whether `truck`, standing at aid place `here`, has the fuel for `trip` and back to its base,
/// counting what it can take at the trip's depot.
bool fuel_for_trip(const World& world, const Truck& truck, std::size_t here, const Trip& trip);
/// How far truck `index` goes on its tank, and what it burns a metre (0: fuel not modelled).
double truck_range_m(const World& world, std::size_t index);
double truck_l_per_m(const World& world, std::size_t index);
/// Truck `index` burnt `litres` on the road.
void truck_burnt(World& world, std::size_t index, double litres);
/// Truck `index` ran dry on the road: it is lost for the rest of the run with its load.
void truck_ran_dry(World& world, std::size_t index);

// --- trucks (trucks.cpp) ---
/// The truck's next step from where it stands (after a repair): as on arriving there.
void resume_truck(World& world, std::size_t index);
void start_fleets(World& world);
/// Idle trucks look for work again (cargo came in, or a town's need grew).
void wake_idle_trucks(World& world);
/// The fleets' figures at the end of the run.
void close_fleets(World& world);

}  // namespace corridor::model
