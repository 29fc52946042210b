#pragma once
// The deployment model: a force flown in and marched by road to its posts. Given a checked
// Theatre and a seed, one replication runs to the scenario's end and returns what happened:
// every unit's and post's times, the airlift's and checkpoints' figures, the KPIs and the
// timeline of events. The model never reads YAML (the scenario layer builds the Theatre).

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "corridor/engine/time.hpp"
#include "corridor/model/theatre.hpp"

namespace corridor {

inline constexpr Time kNever = -1;

struct TimelineRow {
    Time at = 0;
    std::string entity;
    std::string_view event;  // one of the model's fixed event names (text that lives for ever)
    std::string place;
};

struct UnitOutcome {
    std::string name;
    Time ready = 0;
    Time activated = kNever;  // air units: enough of it has landed to start marching
    Time departed = kNever;   // first convoy leaves
    Time arrived = kNever;    // last vehicle of the last convoy at its post
    int convoys = 0;
    int vehicles = 0;
    double vehicle_km = 0;
    double vehicle_hours = 0;
};

struct PostOutcome {
    std::string name;
    std::string unit;
    std::string node;
    Time first_arrival = kNever;  // the unit's first convoy for this post, all its vehicles there
    Time established = kNever;
    std::string not_reached;  // why it was not established by the end; empty when it was
};

/// What the airlift landed on one day of the run (day 0 begins at the scenario's start).
struct AirliftDay {
    int sorties = 0;
    double tonnes = 0;      // everything landed, aid cargo included
    double aid_tonnes = 0;  // of which aid cargo for depots
    int people = 0;
    int vehicles = 0;
    int largest_apron_queue = 0;  // aircraft waiting at once for a slot at one apron (Sinks::report)
};

/// A point of a convoy's movement graph: how far its head had driven along its route, and when.
/// Points fall wherever its pace may change (it sets off, enters a road, stops, waits, goes on,
/// arrives), so that straight lines between them are its march and flat ones its halts and waits.
struct TrackPoint {
    Time at = 0;
    double distance_m = 0;
};

/// A road closed or slowed within the run (Sinks::report), for the run report's lane chart.
struct ClosureSpan {
    std::string road;       // "FROM-TO", or "area of NODE" for an incident
    std::string_view kind;  // "closure", "random closure", "incident" or "damage" (slowed, open)
    Time from = 0;
    Time until = 0;      // when it ended, or the end of the run if later
    bool ended = false;  // it ended within the run
};

/// A repair team at work on a road or a town's service (Sinks::report).
struct RepairSpan {
    std::string team;
    std::string job;  // the road ("FROM-TO"), or "TOWN/SERVICE"
    bool service = false;
    Time from = 0, until = 0;  // `until` may lie past the end of the run
};

struct ConvoyOutcome {
    std::string name;
    std::string unit;
    int vehicles = 0;
    std::string origin, destination;  // node ids
    Time formed = 0;
    Time departed = kNever;  // when it first rolled (not when it formed, nor waited out a night)
    Time arrived = kNever;   // its last vehicle at the post
    double route_m = 0;
    Time halted = 0, gate_wait = 0, checkpoint_wait = 0, no_route_wait = 0;
};

/// The use of one direction of a road (an arc of the network) over the run.
struct RoadOutcome {
    std::int64_t vehicles = 0;   // convoy vehicles that entered it
    double vehicle_km = 0;       // those vehicles times the road's length
    Time closed = 0;             // time closed by disruptions within the run
    int largest_gate_queue = 0;  // convoy vehicles waiting at once to enter it
};

struct CheckpointOutcome {
    std::string name;
    std::int64_t vehicles = 0;  // convoy vehicles and other traffic served
    double mean_wait_s = 0;
    double max_wait_s = 0;
    double max_queue = 0;
    // The same apart: the force's own convoy vehicles, the other (civilian) traffic, and aid trucks.
    std::int64_t force_vehicles = 0;
    double force_mean_wait_s = 0;
    double force_max_wait_s = 0;
    std::int64_t traffic_vehicles = 0;
    double traffic_mean_wait_s = 0;
    std::int64_t aid_vehicles = 0;  // aid trucks
    double aid_mean_wait_s = 0;
};

struct AirfieldOutcome {
    std::string name;
    int landings = 0;
    double max_queue = 0;  // aircraft waiting for an apron slot
    double mean_wait_s = 0;
};

/// One day of one town and commodity (towns.csv): day 0 begins at the scenario's start.
struct TownDay {
    int day = 0;
    std::size_t town = 0;                       // index into Theatre::aid.towns
    std::size_t commodity = 0;                  // index into Theatre::aid.commodities
    double population = 0;                      // at the end of the day
    double need = 0, delivered = 0, unmet = 0;  // over the day, in the commodity's unit
    double stock = 0;                           // at the end of the day
};

/// One town and commodity over the whole run.
struct SupplyOutcome {
    std::size_t town = 0, commodity = 0;
    double need = 0, delivered = 0, unmet = 0, stock_end = 0;  // in the commodity's unit
    double mass_kg = 1;                                        // of one unit
    double unmet_person_days = 0;                              // unmet over one person's daily need
    Time out = 0;                                              // time at zero stock while it was needed
    Time first_out = kNever;
};

/// One depot's loading bays over the whole run (loadings begun within it).
struct DepotOutcome {
    std::string name;
    std::int64_t loadings = 0;
    double mean_bay_wait_s = 0;  // from reaching the depot's queue to a bay
    double max_bay_wait_s = 0;
    double max_bay_queue = 0;  // trucks waiting for a bay at once
};

/// One truck fleet over the whole run.
struct FleetOutcome {
    std::string name;
    int trucks = 0;
    int trips = 0;  // deliveries made
    double tonnes = 0;
    double vehicle_km = 0;       // driven, loaded or empty
    double lead_time_h_sum = 0;  // from dispatch to delivery, summed over trips
    double busy_h = 0;           // truck-hours not idle
    double truck_h = 0;          // trucks x the run's hours, less the hours before each joined
    int breakdowns = 0;
    double down_h = 0;               // truck-hours out of service for repair
    double escort_wait_h = 0;        // truck-hours waiting for an escorted convoy (trips ended in the run)
    double fuel_l = 0;               // burnt (docs/model.md, "Fuel")
    double fuel_taken_l = 0;         // taken from depots' stock of the fuel commodity
    int ran_dry = 0;                 // trucks that ran dry and were lost
    int recovered = 0;               // breakdowns not repaired on the spot: taken to the base depot
    int written_off = 0;             // of those, trucks lost for the rest of the run
    bool recovery_modelled = false;  // its vehicle type gives a `recovery`
};

/// Fuel burnt by every kind of mover, and the vehicles that ran dry (docs/model.md, "Fuel").
struct FuelOutcome {
    bool modelled = false;  // some vehicle type gives a consumption
    double force_l = 0, trucks_l = 0, buses_l = 0, teams_l = 0;
    int vehicles_ran_dry = 0;
    double total_l() const { return force_l + trucks_l + buses_l + teams_l; }
};

/// One flow of returns over the whole run.
struct ReturnOutcome {
    std::string name;
    int people = 0;    // waiting at the start
    int returned = 0;  // arrived in their town within the run
    int convoys = 0;   // bus convoys that left
    Time first_arrival = kNever, half = kNever, ninety = kNever, all = kNever;  // of `people`
    int held = 0;                      // departure times skipped because a condition did not hold
    double vehicle_km = 0;             // its buses, going and coming back
    double escort_wait_h = 0;          // bus convoys' hours waiting for an escort (convoys in by the end)
    int breakdowns = 0;                // bus convoys halted on the road for a bus's repair
    std::vector<int> returned_by_day;  // people home on each day of the run (Sinks::report)
};

/// A disruption that takes repair work, and when a team ended it (kNever: not within the run).
struct RepairOutcome {
    std::size_t disruption = 0;
    Time repaired = kNever;
};

/// A town's service damaged at the start, and when it worked again (kNever: not within the run).
struct ServiceOutcome {
    std::size_t town = 0, service = 0;  // indices into Theatre::aid.towns and the town's services
    Time restored = kNever;
};

struct DeploymentResult {
    Time closure_time = kNever;                                     // the last unit on its post
    Time posts_50 = kNever, posts_90 = kNever, posts_100 = kNever;  // share of posts established
    int sorties = 0;
    double tonnes_lifted = 0;
    int personnel_lifted = 0;
    double aid_tonnes_lifted = 0;  // aid cargo flown to depots (within tonnes_lifted)
    double aid_air_wait_t_h = 0;   // tonne-hours aid cargo waited at its airfield for a sortie
    double largest_apron_queue = 0;
    double convoy_vehicle_km = 0;
    double convoy_vehicle_hours = 0;
    std::vector<UnitOutcome> units;
    std::vector<PostOutcome> posts;
    std::vector<ConvoyOutcome> convoys;  // in the order they formed
    std::vector<RoadOutcome> roads;      // one an arc of the network, in arc order
    std::vector<CheckpointOutcome> checkpoints;
    std::vector<AirfieldOutcome> airfields;
    std::vector<AirliftDay> airlift_days;  // one a day of the run, empty days included
    std::vector<TimelineRow> timeline;
    // The run report's pictures (Sinks::report).
    std::vector<std::vector<TrackPoint>> convoy_tracks;  // by convoy, in the order they formed
    std::vector<ClosureSpan> closures;                   // by start, then the order drawn
    std::vector<RepairSpan> repair_spans;                // in the order teams began them
    // The aid part (empty without one).
    std::vector<SupplyOutcome> supplies;  // by town, then commodity
    std::vector<FleetOutcome> fleets;
    std::vector<DepotOutcome> depots;
    std::vector<ReturnOutcome> returns;
    std::vector<RepairOutcome> repairs;               // the disruptions that take repair work, in file order
    std::vector<ServiceOutcome> services;             // towns' damaged services, by town, then service
    int random_closures = 0;                          // drawn by `random_closures` rules, within the run
    int incidents = 0;                                // drawn by `incidents` rules, within the run
    Time returned_50 = kNever, returned_90 = kNever;  // of every flow's people together
    std::vector<TownDay> town_days;                   // when recorded (towns.csv)
    double depot_turned_away_t = 0;                   // inbound cargo beyond a depot's capacity
    FuelOutcome fuel;
    std::uint64_t events = 0;
    // Memory: the most movers on the road and checkpoint batches in inspection at once, which is
    // what their tables hold (a finished one's place is reused), however long the run.
    std::size_t mover_slots = 0;
    std::size_t checkpoint_batch_slots = 0;
    // The run's route searches, for the benchmarks: searched (not answered from the router's
    // cache), nodes they settled, and hierarchy answers the overlay or a vehicle refused.
    struct Routing {
        std::uint64_t searched = 0, cached = 0, settled = 0, hierarchy_fallbacks = 0;
    } routing;
};

/// What a run records beyond the figures its KPIs need (units, posts, checkpoints, airfields, the
/// airlift's days). A sweep asks for none of it: the run then builds no string per event, convoy or
/// road, and its KPIs are the same.
struct Sinks {
    bool timeline = true;  // DeploymentResult::timeline (timeline.csv)
    bool convoys = true;   // DeploymentResult::convoys (convoys.csv)
    bool roads = true;     // DeploymentResult::roads (roads.csv)
    bool towns = true;     // DeploymentResult::town_days (towns.csv)
    // The run report's pictures (report.html): convoy tracks, closures and repairs, the apron's
    // queue and the people returned by day.
    bool report = true;

    static Sinks all() { return {}; }
    static Sinks kpis_only() { return {false, false, false, false, false}; }
};

/// Runs one replication of the deployment until the theatre's duration.
DeploymentResult simulate_deployment(const Theatre& theatre, std::uint64_t seed,
                                     std::uint32_t replication = 0, const Sinks& sinks = Sinks::all());

}  // namespace corridor
