// Breakdowns on the road (docs/model.md, "Breakdowns"): a mover whose vehicles fail by distance
// carries how far it drives before its next failure. A step that would take it further is cut
// where the failure falls due (at the exact distance; the time is rounded up to the clock's tick,
// as fuel's is), and there it halts for the repair: the timeline says "broke down" on that road,
// then "repaired", and it drives on (a bus convoy, for the repair of the one bus that failed).
// Its client counts the breakdown and draws the next distance;
// when the client recovers it instead (aid/recovery.cpp), the mover leaves the road for good.
// The repair does not count as a halt or rest of the drivers' march clock: they are at work.

#include <cmath>
#include <limits>
#include <optional>

#include "road_movement.hpp"

namespace corridor::model {
namespace {

// The client counts the breakdown and says how long the repair there takes (none: it is
// recovered, off the road).
std::optional<Time> client_broke_down(World& w, const Mover& m) {
    if (m.plan.kind == MoverPlan::Client::truck) return truck_broke_down_on_road(w, m.plan.client);
    if (m.plan.kind == MoverPlan::Client::bus) return bus_convoy_broke_down(w, m.plan.client);
    return Time{0};  // the force's convoys and repair teams do not fail
}

// The client's vehicle is repaired: how far it drives before its next failure.
double client_repaired(World& w, const Mover& m) {
    if (m.plan.kind == MoverPlan::Client::truck) return truck_repaired_on_road(w, m.plan.client);
    if (m.plan.kind == MoverPlan::Client::bus) return bus_convoy_failure_m(w, m.plan.client);
    return std::numeric_limits<double>::infinity();
}

}  // namespace

Time cut_step_to_failure(Mover& m, Time step, Time to_end, double speed_kph) {
    m.step_breaks_down = false;
    if (!std::isfinite(m.failure_in_m)) return step;
    double distance_m = m.step_runs_dry         ? m.range_m
                        : step >= to_end        ? m.remaining_m
                                                : speed_kph * to_hours(step) * 1000.0;
    if (m.failure_in_m >= distance_m) return step;
    m.step_breaks_down = true;
    m.step_runs_dry = false;  // it fails before its fuel would end
    return static_cast<Time>(std::ceil(m.failure_in_m / 1000.0 / speed_kph * kHour));
}

void drive_towards_failure(Mover& m, double remaining_before_m) {
    if (!std::isfinite(m.failure_in_m)) return;
    if (m.step_breaks_down) {
        m.remaining_m = remaining_before_m - m.failure_in_m;  // exactly where it fell due
        m.failure_in_m = 0;
    } else {
        m.failure_in_m -= remaining_before_m - m.remaining_m;
    }
}

void break_down_on_road(World& w, Mover& m) {
    if (w.sinks.timeline) w.log(w.sim.now(), m.plan.id, "broke down", where(w, m));
    std::optional<Time> repair = client_broke_down(w, m);
    if (!repair) {  // its client takes it from here: its slot is freed
        std::size_t slot = m.slot;
        w.roads.free_slots.push_back(slot);
        w.roads.movers[slot].reset();
        return;
    }
    World* world = &w;
    Mover* mover = &m;
    w.sim.schedule_after(*repair, [world, mover] {
        Mover& m = *mover;
        m.failure_in_m = client_repaired(*world, m);
        if (world->sinks.timeline) world->log(world->sim.now(), m.plan.id, "repaired", where(*world, m));
        resume(*world, m);
    });
}

}  // namespace corridor::model
