// Routing (docs/model.md, "Disruptions"): a mover is routed by time for its heaviest vehicle
// through the roads open at the moment, around closures and damage (the router's overlay). With no
// open road to its destination it waits where it stands and tries again whenever a road reopens.

#include "road_movement.hpp"

namespace corridor::model {

void depart(World& w, Mover& m) {
    Route route = w.router.route({m.plan.origin, m.plan.destination, Metric::time, m.plan.heaviest_t});
    Time now = w.sim.now();
    if (!route.found) {
        w.log(now, m.plan.id, "no open route", w.node_id(m.plan.origin));
        if (m.waiting != Mover::Wait::route) {
            m.waiting = Mover::Wait::route;
            m.waiting_since = now;
        }
        w.roads.blocked.push_back(&m);
        return;
    }
    if (m.waiting == Mover::Wait::route) {
        m.tally.no_route_wait += now - m.waiting_since;
        m.waiting = Mover::Wait::none;
    }
    m.route = route.arcs;
    m.tally.route_m = route.distance_m;
    m.tally.departed = now;
    w.log(now, m.plan.id, "departed", w.node_id(m.plan.origin));
    if (m.route.empty()) {  // already there
        m.tally.rolled = now;
        arrive(w, m);
        return;
    }
    drive(w, m);
}

void roads_improved(World& w) {
    std::vector<Mover*> waiting;
    waiting.swap(w.roads.blocked);
    for (Mover* mover : waiting) depart(w, *mover);
}

}  // namespace corridor::model
