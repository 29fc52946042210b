// Disruptions (docs/model.md, "Disruptions"): roads closed or slowed by damage for a while. They
// act through the router's overlay; at each change the movers on the road plan again
// (movement/routing.cpp), and those with no open road wait until a road reopens.

#include <algorithm>
#include <limits>
#include <map>
#include <utility>
#include <vector>

#include "corridor/network/input_limits.hpp"
#include "corridor/engine/distributions.hpp"
#include "world.hpp"

namespace corridor::model {
namespace {

// The state of one arc from the disruptions in force on it now: closed if any closes it, slowed
// by the product of the speed factors of the others, down to kMinSpeedFactor (many overlapping
// factors multiplied to zero, or to a travel time past the clock's range). Kept per arc, so that a
// change costs the arcs it touches, not every disruption of the run (thousands of incidents).
void refresh_arc(World& w, ArcIndex arc) {
    bool closed = w.closures_on_arc[arc] > 0;
    double factor = 1.0;
    for (std::size_t i : w.damage_on_arc[arc]) factor *= w.disruptions[i].speed_factor;
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
    const Disruption& d = w.disruptions[index];
    for (ArcIndex arc : d.arcs) {
        if (d.closed) {
            w.closures_on_arc[arc] += starts ? 1 : -1;
        } else {
            std::vector<std::size_t>& damage = w.damage_on_arc[arc];
            if (starts)
                damage.push_back(index);
            else if (auto it = std::find(damage.begin(), damage.end(), index); it != damage.end())
                damage.erase(it);
        }
        refresh_arc(w, arc);
    }
    const char* event = d.incident ? (starts ? "incident" : "incident over")
                        : d.closed ? (starts ? "road closed" : "road reopened")
                                   : (starts ? "road damaged" : "road repaired");
    if (w.sinks.timeline) {
        std::string entity = !by.empty()        ? std::string(by)
                             : d.label.empty() ? "disruption-" + std::to_string(index + 1)
                                               : d.label;
        w.log(w.sim.now(), entity, event, d.road);
    }
}

using Change = std::pair<std::size_t, bool>;  // a disruption, and whether it starts (or ends)

// Closures from `stream` as a Poisson process of `per_day` a day from `from` to `until`, each like
// `closure` from its start for a draw from `duration` (at least a second); the same draws in the
// same order as any variant of the scenario makes them.
void draw_closures(World& w, RandomStream& stream, double per_day, Time from, Time until,
                   const ServiceTime& duration, const Disruption& closure) {
    double mean_gap_s = 86400.0 / per_day;
    Time at = from;
    for (;;) {
        at += from_seconds(draw_exponential(stream, mean_gap_s));
        if (at >= until) break;
        Disruption d = closure;
        d.from = at;
        d.until = at + std::max<Time>(kSecond, draw_duration(stream, duration));
        w.disruptions.push_back(std::move(d));
    }
}

// The closures of `rule` on every road of its classes: for each road, a Poisson process of
// `per_km_day` x its length a day from the rule's stream for that road, each lasting a draw from
// the rule's duration.
void draw_random_closures(World& w, const RandomClosures& rule) {
    const RoadNetwork& net = w.theatre.network();
    Time until = std::min(rule.until, w.theatre.duration);
    for (ArcIndex a = 0; a < net.arc_count(); ++a) {
        NodeIndex from = net.arc_from(a), to = net.arc_to(a);
        // A road is both its directions: drawn once, from its first arc (a one-way road has one).
        bool first = true;
        for (ArcIndex back : net.arcs_between(to, from)) first = first && !(back < a);
        for (ArcIndex twin : net.arcs_between(from, to)) first = first && !(twin < a);
        if (!first) continue;
        if (!rule.classes.empty() &&
            std::find(rule.classes.begin(), rule.classes.end(), net.road_class(a)) == rule.classes.end())
            continue;
        if (rule.area && !std::binary_search(rule.area->arcs.begin(), rule.area->arcs.end(), a)) continue;
        double per_day = rule.per_km_day * net.length_m(a) / 1000.0;
        if (!(per_day > 0)) continue;
        std::string road = net.node(from).id + "-" + net.node(to).id;
        RandomStream stream(
            StreamKey{w.seed, w.replication, purpose_id("random-closure"), entity_id(rule.name + "/" + road)});
        Disruption closure;
        closure.road = road;
        closure.label = rule.name;
        closure.arcs = net.arcs_between(from, to);
        for (ArcIndex back : net.arcs_between(to, from)) closure.arcs.push_back(back);
        closure.closed = true;
        draw_closures(w, stream, per_day, rule.from, until, rule.duration, closure);
    }
}

// The incidents of `rule`: a Poisson process of `per_day` a day from the rule's stream, each
// closing every road of its area for a draw from the rule's duration.
void draw_incidents(World& w, const Incidents& rule) {
    RandomStream stream(StreamKey{w.seed, w.replication, purpose_id("incident"), entity_id(rule.name)});
    Disruption incident;
    incident.road = "area of " + w.theatre.network().node(rule.area.around).id;
    incident.label = rule.name;
    incident.arcs = rule.area.arcs;
    incident.closed = true;
    incident.incident = true;
    draw_closures(w, stream, rule.per_day, rule.from, std::min(rule.until, w.theatre.duration), rule.duration,
                  incident);
}

}  // namespace

void schedule_disruptions(World& w) {
    w.closures_on_arc.assign(w.theatre.network().arc_count(), 0);
    w.damage_on_arc.assign(w.theatre.network().arc_count(), {});
    w.disruptions = w.theatre.disruptions;
    for (const RandomClosures& rule : w.theatre.random_closures) draw_random_closures(w, rule);
    for (const Incidents& rule : w.theatre.incidents) draw_incidents(w, rule);
    // Every change at one moment is applied before any mover plans again, so that roads that
    // reopen (or close) at the same second are seen together, whatever their order in the file.
    std::map<Time, std::vector<Change>> moments;
    w.disruption_ends.clear();
    for (std::size_t i = 0; i < w.disruptions.size(); ++i) {
        const Disruption& d = w.disruptions[i];
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
                repair_work |= starts && world->disruptions[index].repair_work > 0;
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
