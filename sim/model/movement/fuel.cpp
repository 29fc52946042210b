// Fuel on the road (docs/model.md, "Fuel"): a mover burns its vehicles' litres per kilometre as it
// drives, step by step. A step that would take it further than its fuel lasts is cut where the
// fuel ends (at the exact distance; the time is rounded up to the clock's tick), and there the
// mover stops for the rest of the run: the timeline says "ran dry", its vehicles are counted, and
// an aid truck's client writes it off (aid/refuel.cpp). Its vehicles drain alike, so a column
// runs dry when the vehicle with the shortest range does, and the whole column waits there.

#include <algorithm>
#include <cmath>

#include "road_movement.hpp"

namespace corridor::model {
namespace {

void count_fuel(World& w, const Mover& m, double litres) {
    FuelOutcome& fuel = w.result.fuel;
    switch (m.plan.kind) {
        case MoverPlan::Client::convoy:
            fuel.force_l += litres;
            break;
        case MoverPlan::Client::truck:
            fuel.trucks_l += litres;
            truck_burnt(w, m.plan.client, litres);
            break;
        case MoverPlan::Client::bus:
            fuel.buses_l += litres;
            break;
        case MoverPlan::Client::team:
            fuel.teams_l += litres;
            break;
    }
}

}  // namespace

Time cut_step_to_fuel(Mover& m, Time step, Time to_end, double speed_kph) {
    m.step_runs_dry = false;
    if (m.plan.fuel_l_per_m <= 0) return step;
    double distance_m = step >= to_end ? m.remaining_m : speed_kph * to_hours(step) * 1000.0;
    if (m.range_m >= distance_m) return step;
    m.step_runs_dry = true;
    return static_cast<Time>(std::ceil(m.range_m / 1000.0 / speed_kph * kHour));
}

bool burn_fuel(World& w, Mover& m, double remaining_before_m) {
    if (m.plan.fuel_l_per_m <= 0) return false;
    double driven_m = remaining_before_m - m.remaining_m;
    if (m.step_runs_dry) {
        driven_m = m.range_m;  // exactly where the fuel ends, not where the rounded-up step would
        m.remaining_m = remaining_before_m - driven_m;
    }
    m.range_m = m.step_runs_dry ? 0.0 : std::max(0.0, m.range_m - driven_m);
    count_fuel(w, m, driven_m * m.plan.fuel_l_per_m);
    if (!m.step_runs_dry) return false;
    m.ran_dry = true;
    w.result.fuel.vehicles_ran_dry += m.plan.vehicles;
    w.log(w.sim.now(), m.plan.id, "ran dry", where(w, m));
    if (m.plan.kind == MoverPlan::Client::truck) truck_ran_dry(w, m.plan.client);
    return true;
}

}  // namespace corridor::model
