// Disruptions (docs/model.md, "Disruptions"): roads closed or slowed by damage for a while. They
// act through the router's overlay; at each change the movers on the road plan again
// (movement/routing.cpp), and those with no open road wait until a road reopens.

#include <algorithm>
#include <limits>
#include <map>
#include <utility>
#include <vector>

#include "corridor/network/input_limits.hpp"
#include "world.hpp"

namespace corridor::model {
namespace {

// The state of one arc from every disruption in force now: closed if any closes it, slowed by
// the product of the speed factors of the others, down to kMinSpeedFactor (many overlapping
// factors multiplied to zero, or to a travel time past the clock's range).
void refresh_arc(World& w, ArcIndex arc) {
    Time now = w.sim.now();
    bool closed = false;
    double factor = 1.0;
    for (std::size_t i = 0; i < w.theatre.disruptions.size(); ++i) {
        const Disruption& d = w.theatre.disruptions[i];
        if (now < d.from || now >= w.disruption_ends[i]) continue;
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
    factor = std::max(factor, input_limits::kMinSpeedFactor);
    if (factor != w.overlay.speed_factor(arc)) w.overlay.set_speed_factor(arc, factor);
}

// One disruption starts or ends now: the overlay and the timeline say so (`by` names who ended it,
// when a team did).
void change(World& w, std::size_t index, bool starts, std::string_view by = {}) {
    const Disruption& d = w.theatre.disruptions[index];
    for (ArcIndex arc : d.arcs) refresh_arc(w, arc);
    const char* event =
        d.closed ? (starts ? "road closed" : "road reopened") : (starts ? "road damaged" : "road repaired");
    if (w.sinks.timeline)
        w.log(w.sim.now(), by.empty() ? "disruption-" + std::to_string(index + 1) : std::string(by), event, d.road);
}

using Change = std::pair<std::size_t, bool>;  // a disruption, and whether it starts (or ends)

}  // namespace

void schedule_disruptions(World& w) {
    // Every change at one moment is applied before any mover plans again, so that roads that
    // reopen (or close) at the same second are seen together, whatever their order in the file.
    std::map<Time, std::vector<Change>> moments;
    w.disruption_ends.clear();
    for (std::size_t i = 0; i < w.theatre.disruptions.size(); ++i) {
        const Disruption& d = w.theatre.disruptions[i];
        moments[d.from].emplace_back(i, true);
        // One that takes repair work lasts until a team has done it.
        bool repaired = d.repair_work > 0;
        w.disruption_ends.push_back(repaired ? std::numeric_limits<Time>::max() : d.until);
        if (!repaired && d.until <= w.theatre.duration) moments[d.until].emplace_back(i, false);
    }
    w.disruption_moments.clear();
    for (auto& [at, changes] : moments) w.disruption_moments.push_back(std::move(changes));
    World* world = &w;
    std::size_t moment = 0;
    for (const auto& entry : moments) {
        w.sim.schedule_at(entry.first, [world, moment] {
            bool improved = false, repair_work = false;
            for (const auto& [index, starts] : world->disruption_moments[moment]) {
                change(*world, index, starts);
                improved |= !starts;
                repair_work |= starts && world->theatre.disruptions[index].repair_work > 0;
            }
            roads_changed(*world, improved);
            if (repair_work) repair_job_appeared(*world);
        });
        ++moment;
    }
}

void end_disruption(World& w, std::size_t index, std::string_view by) {
    w.disruption_ends[index] = w.sim.now();
    change(w, index, false, by);
    roads_changed(w, true);
}

}  // namespace corridor::model
