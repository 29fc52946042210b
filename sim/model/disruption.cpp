// Disruptions (docs/model.md, "Disruptions"): roads closed or slowed by damage for a while. They
// act through the router's overlay; at each change the movers on the road plan again
// (movement/routing.cpp), and those with no open road wait until a road reopens.

#include <algorithm>

#include "world.hpp"

namespace corridor::model {
namespace {

// The state of one arc from every disruption in force now: closed if any closes it, slowed by
// the product of the speed factors of the others.
void refresh_arc(World& w, ArcIndex arc) {
    Time now = w.sim.now();
    bool closed = false;
    double factor = 1.0;
    for (const Disruption& d : w.theatre.disruptions) {
        if (now < d.from || now >= d.until) continue;
        if (std::find(d.arcs.begin(), d.arcs.end(), arc) == d.arcs.end()) continue;
        if (d.closed)
            closed = true;
        else
            factor *= d.speed_factor;
    }
    if (closed != w.overlay.closed(arc)) {
        if (closed)
            w.overlay.close(arc);
        else
            w.overlay.reopen(arc);
    }
    if (factor != w.overlay.speed_factor(arc)) w.overlay.set_speed_factor(arc, factor);
}

void change(World& w, std::size_t index, bool starts) {
    const Disruption& d = w.theatre.disruptions[index];
    for (ArcIndex arc : d.arcs) refresh_arc(w, arc);
    const char* event =
        d.closed ? (starts ? "road closed" : "road reopened") : (starts ? "road damaged" : "road repaired");
    if (w.sinks.timeline) w.log(w.sim.now(), "disruption-" + std::to_string(index + 1), event, d.road);
    roads_changed(w, !starts);
}

}  // namespace

void schedule_disruptions(World& w) {
    World* world = &w;
    for (std::size_t i = 0; i < w.theatre.disruptions.size(); ++i) {
        const Disruption& d = w.theatre.disruptions[i];
        w.sim.schedule_at(d.from, [world, i] { change(*world, i, true); });
        if (d.until <= w.theatre.duration)
            w.sim.schedule_at(d.until, [world, i] { change(*world, i, false); });
    }
}

}  // namespace corridor::model
