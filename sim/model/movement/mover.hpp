#pragma once
// A mover: anything that drives the road network as one column (a military convoy today; an aid
// truck, a bus convoy, a repair team next). The road-movement part (this folder) routes it, runs
// it arc by arc under its own march rules and calls its client back when its last vehicle is in.
// Private to sim/model/.

#include <limits>
#include <string>
#include <vector>

#include "corridor/engine/simulator.hpp"
#include "corridor/engine/small_function.hpp"
#include "corridor/engine/time.hpp"
#include "corridor/model/theatre.hpp"
#include "corridor/network/road_network.hpp"
#include "halts.hpp"

namespace corridor::model {

/// What a mover is and where it goes: given by its client when it forms.
struct MoverPlan {
    std::string id;
    int vehicles = 0;
    double top_speed_kph = 0;  // of its slowest vehicle
    VehicleLimits vehicle;     // of its most demanding vehicle: routes avoid roads that cannot take it
    const MarchDoctrine* rules = nullptr;
    NodeIndex origin = 0;
    NodeIndex destination = 0;
    std::size_t client = 0;  // the client's own number for it (a convoy's, truck's, bus convoy's or team's)
    enum class Client { convoy, truck, bus, team } kind = Client::convoy;
    MarchClock clock;  // its drivers' driving so far (a truck's drivers carry it between trips)
    // The escorts (Humanitarian::escorts) it waits for before entering their roads; none when
    // null (the force's convoys, repair teams, fleets and returns naming none).
    const std::vector<std::size_t>* escorts = nullptr;
    // Fuel (fuel.cpp): litres all its vehicles burn a metre together (0: not modelled), and how far
    // the vehicle that runs dry first goes on what it carries as it sets off.
    double fuel_l_per_m = 0;
    double range_m = std::numeric_limits<double>::infinity();
    // Breakdowns by distance (failures.cpp): how far it drives before its next failure
    // (infinite: it does not fail by distance).
    double failure_in_m = std::numeric_limits<double>::infinity();
};

/// The plan of a mover whose vehicles are all of one type (an aid truck, a bus convoy, a repair
/// team): the type gives its speed and weight. Its `id` is the client's to set.
inline MoverPlan plan_of_one_type(const VehicleType& type, int vehicles, const MarchDoctrine& rules,
                                  NodeIndex origin, NodeIndex destination, MoverPlan::Client kind,
                                  std::size_t client) {
    MoverPlan plan;
    plan.vehicles = vehicles;
    plan.top_speed_kph = type.speed_kph;
    plan.vehicle = type.limits();
    plan.rules = &rules;
    plan.origin = origin;
    plan.destination = destination;
    plan.client = client;
    plan.kind = kind;
    if (type.fuel_per_100km > 0) {  // it sets off full
        plan.fuel_l_per_m = vehicles * type.fuel_per_100km / 100000.0;
        plan.range_m = type.tank_l / (type.fuel_per_100km / 100000.0);
    }
    return plan;
}

/// How long a mover has spent, and on what (convoys.csv reports these).
struct MoverTally {
    Time formed = 0;
    Time departed = 0;      // when it was routed and set off
    Time rolled = kNever;   // when its head first drove
    Time arrived = kNever;  // its last vehicle, if within the run
    double route_m = 0;
    Time halted = 0;           // halts, daily rests and night stops
    Time gate_wait = 0;        // queued at road gates
    Time checkpoint_wait = 0;  // from checkpoint entry to exit
    Time no_route_wait = 0;    // every road to its destination closed
    Time escort_wait = 0;      // at the start of an escorted stretch, for the convoy to leave
};

struct Mover {
    MoverPlan plan;
    /// Runs when its last vehicle arrives (a pass time after the head), with that time.
    SmallFunction<void(const Mover&, Time)> on_arrival;
    MoverTally tally;

    // Where it is: route[0, arc) driven, route[arc] the arc its head is on or about to enter.
    std::vector<ArcIndex> route;
    std::size_t arc = 0;
    bool on_arc = false;     // entered the current arc's gate
    double remaining_m = 0;  // of the current arc; negative while queued at its gate
    double driven_m = 0;     // by its head along its route so far (the movement graph's distance)

    MarchClock clock;

    // The drive in progress: how long, at what speed, and whether it ends the arc.
    Time step = 0;
    double step_speed_kph = 0;
    bool step_reaches_end = false;
    bool step_runs_dry = false;  // the fuel ends where this step ends (fuel.cpp)

    double range_m = 0;    // left on the fuel it carries (from its plan when it forms)
    bool ran_dry = false;  // it stands where its fuel ran out, for the rest of the run

    double failure_in_m = 0;        // driven before its next failure (from its plan when it forms)
    bool step_breaks_down = false;  // it fails where this step ends (failures.cpp)

    // The wait in progress, if any, and since when.
    enum class Wait { none, gate, checkpoint, route, escort } waiting = Wait::none;
    Time waiting_since = 0;
    EventId gate_wakeup{};  // while queued at a gate: the event that lets it in

    std::size_t escorted_at = static_cast<std::size_t>(-1);  // the route[arc] its escort took it onto

    bool routed = false;        // it has set off (its route is planned from where it stands since)
    bool head_arrived = false;  // its head is at the destination: nothing left to plan

    std::size_t slot = 0;  // its place in the road-movement part's table
};

}  // namespace corridor::model
