// Routing (docs/model.md, "Disruptions"): a mover is routed by time for its heaviest vehicle
// through the roads open at the moment, around closures and damage (the router's overlay), when it
// sets off, not when it forms: one that forms at night under a night-stop rule is routed in the
// morning. Whenever a road closes, reopens, is damaged or repaired, every mover on the road plans
// again from its next node and takes the new route if it differs. With no open road left it waits
// at the last node it reaches and goes on when a road reopens.

#include <algorithm>

#include "night.hpp"
#include "road_movement.hpp"

namespace corridor::model {
namespace {

bool queued_at_gate(const Mover& m) { return !m.on_arc && m.remaining_m < 0; }

// Plans again from the next node of a mover on the road; true when its route changed.
void replan(World& w, Mover& m) {
    if (!m.routed || m.head_arrived || m.ran_dry || m.waiting == Mover::Wait::route) return;
    NodeIndex from = next_node(w, m);
    if (from == m.plan.destination) return;
    std::size_t cut = m.on_arc ? m.arc + 1 : m.arc;
    Route route = w.router.route({from, m.plan.destination, Metric::time, m.plan.vehicle});
    std::vector<ArcIndex> planned(m.route.begin() + static_cast<std::ptrdiff_t>(cut), m.route.end());
    if (route.found && route.arcs == planned) return;
    bool leaves_gate = queued_at_gate(m) && (!route.found || route.arcs.front() != m.route[m.arc]);
    if (leaves_gate) leave_gate_queue(w, m);
    // Waiting for an escort onto a road it no longer takes: it goes on by the new route.
    bool leaves_escort = m.waiting == Mover::Wait::escort && (!route.found || route.arcs.front() != m.route[m.arc]);
    if (leaves_escort) leave_escort_queue(w, m);
    m.route.resize(cut);
    if (!route.found) {
        // It stops at `from`; if it stands there now and nothing else will wake it, it waits now.
        if (leaves_gate || leaves_escort) wait_for_route(w, m);
        return;
    }
    double driven_m = 0;
    for (ArcIndex a : m.route) driven_m += w.theatre.network().length_m(a);
    m.route.insert(m.route.end(), route.arcs.begin(), route.arcs.end());
    m.tally.route_m = driven_m + route.distance_m;
    w.log(w.sim.now(), m.plan.id, "re-routed", from);
    World* world = &w;
    Mover* mover = &m;
    // (By go_on, so that a new first road that is escorted is waited for.)
    if (leaves_gate || leaves_escort) w.sim.schedule_after(0, [world, mover] { go_on(*world, *mover); });
}

}  // namespace

NodeIndex next_node(const World& w, const Mover& m) {
    const RoadNetwork& net = w.theatre.network();
    if (m.on_arc) return net.arc_to(m.route[m.arc]);
    if (m.arc < m.route.size()) return net.arc_from(m.route[m.arc]);
    return m.route.empty() ? m.plan.origin : net.arc_to(m.route.back());
}

void depart(World& w, Mover& m) {
    const MarchDoctrine& rules = *m.plan.rules;
    Time now = w.sim.now();
    Time time_of_day = w.time_of_day(now);
    if (rules.night_mode == NightMode::stop && is_night(rules, time_of_day)) {
        Time wait = until_light_changes(rules, time_of_day);
        w.log(now, m.plan.id, "night stop", m.plan.origin);
        m.tally.halted += within_run(w, wait);
        take_stop(m.clock, Stop::rest);
        World* world = &w;
        Mover* mover = &m;
        w.sim.schedule_after(wait, [world, mover] {
            world->log(world->sim.now(), mover->plan.id, "moves on", mover->plan.origin);
            depart(*world, *mover);
        });
        return;
    }
    route_from_here(w, m);
}

void route_from_here(World& w, Mover& m) {
    NodeIndex from = next_node(w, m);
    Route route = w.router.route({from, m.plan.destination, Metric::time, m.plan.vehicle});
    if (!route.found) {
        wait_for_route(w, m);
        return;
    }
    Time now = w.sim.now();
    if (m.waiting == Mover::Wait::route) {
        m.tally.no_route_wait += now - m.waiting_since;
        m.waiting = Mover::Wait::none;
    }
    double driven_m = 0;
    for (ArcIndex a : m.route) driven_m += w.theatre.network().length_m(a);
    m.route.insert(m.route.end(), route.arcs.begin(), route.arcs.end());
    m.tally.route_m = driven_m + route.distance_m;
    if (!m.routed) {
        m.routed = true;
        m.tally.departed = now;
        w.log(now, m.plan.id, "departed", from);
    } else {
        w.log(now, m.plan.id, "moves on", from);
    }
    go_on(w, m);
}

void wait_for_route(World& w, Mover& m) {
    // Once on the list is enough (a wake-up already pending must not add it again).
    std::vector<Mover*>& blocked = w.roads.blocked;
    if (std::find(blocked.begin(), blocked.end(), &m) != blocked.end()) return;
    w.log(w.sim.now(), m.plan.id, "no open route", next_node(w, m));
    if (m.waiting != Mover::Wait::route) {
        m.waiting = Mover::Wait::route;
        m.waiting_since = w.sim.now();
    }
    w.roads.blocked.push_back(&m);
}

void roads_changed(World& w, bool improved) {
    for (const auto& mover : w.roads.movers)
        if (mover) replan(w, *mover);
    if (!improved) return;
    std::vector<Mover*> waiting;
    waiting.swap(w.roads.blocked);
    for (Mover* mover : waiting) route_from_here(w, *mover);
}

}  // namespace corridor::model
