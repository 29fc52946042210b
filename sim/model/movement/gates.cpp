// Road gates (docs/model.md, "Road march"): each arc is a first-in-first-out gate. A mover enters
// when the one before it has passed (its pass time, or its vehicles at the road's capacity,
// whichever is longer), so a narrow mountain road builds a queue; roads.csv reports the largest.

#include <algorithm>

#include "road_movement.hpp"

namespace corridor::model {

void leave_gate_queue(World& w, Mover& m) {
    w.sim.cancel(m.gate_wakeup);
    w.roads.gate_queue[m.route[m.arc]] -= m.plan.vehicles;
    m.tally.gate_wait += w.sim.now() - m.waiting_since;
    m.waiting = Mover::Wait::none;
    m.remaining_m = 0;
}

bool pass_gate(World& w, Mover& m) {
    const RoadNetwork& net = w.theatre.network();
    RoadMovement& roads = w.roads;
    Time now = w.sim.now();
    ArcIndex a = m.route[m.arc];
    if (roads.arc_free_at[a] > now) {
        if (m.remaining_m >= 0) {  // (a mover may be called back more than once: it queued once)
            w.log(now, m.plan.id, "queue entry", net.arc_from(a));
            m.waiting_since = now;
            m.waiting = Mover::Wait::gate;
            int& queued = roads.gate_queue[a];
            queued += m.plan.vehicles;
            if (w.sinks.roads) {
                RoadOutcome& road = w.result.roads[a];
                road.largest_gate_queue = std::max(road.largest_gate_queue, queued);
            }
        }
        World* world = &w;
        Mover* mover = &m;
        m.gate_wakeup = w.sim.schedule_at(roads.arc_free_at[a], [world, mover] { drive(*world, *mover); });
        m.remaining_m = -1;  // marks that it has queued here
        return false;
    }
    if (m.remaining_m < 0) {
        w.log(now, m.plan.id, "queue exit", net.arc_from(a));
        m.tally.gate_wait += now - m.waiting_since;
        m.waiting = Mover::Wait::none;
        roads.gate_queue[a] -= m.plan.vehicles;
    }
    double v = march_speed_kph(w, m, a, now);
    Time by_capacity = from_seconds(m.plan.vehicles * 3600.0 / net.capacity_vph(a));
    roads.arc_free_at[a] = now + std::max(pass_time(w, m, v, now), by_capacity);
    m.on_arc = true;
    m.remaining_m = net.length_m(a);
    if (w.sinks.roads) {
        RoadOutcome& road = w.result.roads[a];
        road.vehicles += m.plan.vehicles;
        road.vehicle_km += m.plan.vehicles * net.length_m(a) / 1000.0;
    }
    return true;
}

}  // namespace corridor::model
