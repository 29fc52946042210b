#pragma once
// The humanitarian part of a theatre, as plain data: commodities, the organisations that own
// depots and truck fleets, the towns and camps that need aid, and how trucks are dispatched.
// Read and checked by the scenario layer (sim/scenario/read_commodities.cpp to read_returns.cpp); run by the aid part of the
// model (sim/model/aid/). Amounts are in each commodity's own unit (a litre of water, a kilogram
// of food, a kit); docs/model.md, "Aid delivery", says what each figure means.

#include <cstddef>
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include "corridor/engine/time.hpp"
#include "corridor/model/distribution.hpp"
#include "corridor/model/march.hpp"
#include "corridor/network/road_network.hpp"

namespace corridor {

struct Commodity {
    std::string name;
    std::string unit = "kg";  // what one unit of it is, as outputs write it
    double mass_kg = 1;       // of one unit
    double volume_m3 = 0;     // of one unit; 0: its volume never limits a load
    double daily_need = 0;    // units a person needs a day (a town may say otherwise)
    bool fuel = false;        // the fuel vehicles burn (docs/model.md, "Fuel"); counted in litres
};

struct Organisation {
    std::string name;
    /// Commodities its trucks load first, most important first; the others follow in the order
    /// the scenario lists them.
    std::vector<std::size_t> priorities;
};

/// Cargo arriving at a depot: once at `at`, or every `every` from `at` until `until`. Cargo
/// flown in (`by_air`) is ready at those times at the origin airfield instead, and reaches the
/// depot when the airlift has carried it (docs/model.md, "Aid on the airlift").
struct Inbound {
    std::size_t commodity = 0;
    double amount = 0;  // units
    Time at = 0;
    Time every = 0;  // 0: once
    Time until = 0;  // last arrival no later than this (repeating inbound only)
    std::optional<std::size_t> by_air;  // the airfield it is flown from (Theatre::airfields)
    int priority = 1;  // on the airlift, against the units' priorities: lower goes first
};

struct Depot {
    std::string name;
    NodeIndex node = 0;
    std::size_t organisation = 0;
    std::vector<double> stock;  // at the start, units by commodity
    double capacity_t = std::numeric_limits<double>::infinity();  // inbound beyond it is turned away
    int bays = 2;                                                  // trucks loading at once
    // A bay's time per tonne loaded: fixed, or drawn for each loading from the depot's stream.
    ServiceTime loading_per_t = {ServiceKind::fixed, {6.0 * 60, 0, 0}};
    std::vector<Inbound> inbound;
};

struct PopulationChange {
    Time at = 0;
    double people = 0;
};

/// The priority of a repair job (a road's or a service's) that gives none: after every job that
/// does, in the scenario's order.
inline constexpr int kNoRepairPriority = std::numeric_limits<int>::max();

/// A service of a town (water, power, housing, ...; docs/model.md, "Repairs"): working, or damaged
/// from the start until a repair team has done its work, or until a time, or for the whole run.
struct TownService {
    std::string name;
    bool damaged = false;
    /// Team-hours of work that restore it (a team at 100% works one team-hour an hour); 0: no team
    /// can, and it is down until `until`.
    Time repair_work = 0;
    Time until = 0;  // without repair work: restored then (past the run's end: never)
    int priority = kNoRepairPriority;
    std::optional<std::size_t> team;  // the kind of team (Theatre::repair_teams) for it; any when none
};

struct Town {
    std::string name;
    NodeIndex node = 0;
    double population = 0;                      // at the start
    std::vector<PopulationChange> population_changes;  // later, in increasing time
    std::vector<double> stock;                   // at the start, units by commodity
    std::vector<double> daily_need;              // per person, units by commodity
    double storage_t = std::numeric_limits<double>::infinity();  // what it can hold, all commodities
    Time target_cover = 7 * kDay;  // trucks bring it up to this many days of need, never more
    std::vector<TownService> services;  // in the scenario's order
};

/// How a truck chooses its next trip (docs/model.md, "Dispatch policies").
enum class DispatchPolicy {
    most_need_first,  // the town with the fewest days of cover, counting what is on the way
    nearest_depot,    // the nearest depot with stock, then the nearest town that needs it
    round_robin,      // the fleet's towns in a fixed cycle, from its base depot
};

struct Fleet {
    std::string name;
    std::size_t organisation = 0;
    std::size_t vehicle_type = 0;
    int count = 0;
    std::size_t base = 0;  // the depot its trucks start from
    DispatchPolicy policy = DispatchPolicy::most_need_first;
    std::vector<std::size_t> towns;  // the towns it serves, in order (round robin); all when empty
    double min_load = 0.5;           // share of a full load below which a truck waits instead
    Time unloading_per_t = 6 * kMinute;
    Time idle_recheck = kHour;        // how often a truck with nothing to do looks again
    std::optional<MarchDoctrine> march;  // its own rules; the theatre's when none
    std::vector<std::size_t> escorts;    // escorts (Humanitarian::escorts) its trucks must wait for
    // Its trucks join one by one: the first at `first_join`, each next one a gap later, fixed or
    // drawn from the fleet's stream. None: all are there at the start.
    std::optional<ServiceTime> join_gap;
    Time first_join = 0;
};

/// Displaced people going home by bus convoys (docs/model.md, "Returns"): from an origin node to a
/// town, at set times of day, once the conditions the planner set hold.
struct ReturnFlow {
    std::string name;
    NodeIndex origin = 0;
    std::size_t town = 0;
    int people = 0;                  // waiting at the origin at the start
    std::size_t bus_type = 0;        // a vehicle type; its seats are the people a bus carries
    int buses = 0;                   // the pool, shuttling between origin and town
    int convoy_buses = 10;           // at most this many buses leave together
    std::vector<Time> departures;    // times of day a convoy may leave, in increasing order
    Time from = 0;                   // no convoy leaves before this
    std::vector<std::size_t> after_posts;  // posts (Theatre::posts) that must all be established
    std::vector<std::size_t> after_services;  // services of the town that must all be working
    std::optional<MarchDoctrine> march;    // the buses' own rules; the theatre's when none
    std::vector<std::size_t> escorts;      // escorts its bus convoys must wait for
};

/// An escorted stretch of road (docs/model.md, "Escorts"): the movers bound by it (trucks of the
/// fleets and bus convoys of the returns that name it) enter the stretch only in escorted convoys
/// that leave at set times of day, from whichever node they wait at.
struct Escort {
    std::string name;
    std::vector<ArcIndex> arcs;    // the stretch, both directions; an arc is in one escort at most
    std::vector<Time> departures;  // times of day a convoy leaves, in increasing order
    int max_vehicles = 0;          // per escorted convoy; 0: no limit
    Time from = 0;                 // movers reaching the stretch before this are not held
    std::optional<Time> until;     // the rule is lifted then: movers still waiting drive on
};

struct Humanitarian {
    std::vector<Commodity> commodities;
    std::vector<Organisation> organisations;
    std::vector<Depot> depots;
    std::vector<Town> towns;
    std::vector<Fleet> fleets;
    std::vector<ReturnFlow> returns;
    std::vector<Escort> escorts;
    std::optional<std::size_t> fuel;  // the commodity vehicles burn, if one is marked `fuel: true`

    bool empty() const { return towns.empty() && depots.empty() && fleets.empty() && returns.empty(); }
};

}  // namespace corridor
