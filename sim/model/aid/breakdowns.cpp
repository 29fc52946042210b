// Breakdowns of aid trucks (docs/model.md, "Breakdowns"): a truck of a type with an `mtbf` fails
// after an exponential time of that mean, counted from the start (or from when it joined its
// fleet) or from its last repair, and is out for the type's `repair_time`. A failure by time that
// falls due on the road takes effect when the truck next stands (it finishes the leg it is on); one
// that falls due while the truck waits at home takes effect at once. A type with an `mdbf` also
// fails after an exponential distance driven of that mean: that failure stops the truck on the
// road, where it is repaired (movement/failures.cpp). The two are drawn apart, each from the
// truck's own stream keyed by its fleet's name and its number, so a variant with more trucks sees
// the same failures for the trucks both have. A share of breakdowns (the type's `recovery`) cannot
// be repaired where they happen: recovery.cpp takes those trucks to their base depot.

#include <limits>

#include "../world.hpp"
#include "corridor/engine/distributions.hpp"

namespace corridor::model {
namespace {

const VehicleType& type_of(const World& w, std::size_t index) {
    return w.theatre.vehicle_types[w.theatre.aid.fleets[w.aid.trucks[index].fleet].vehicle_type];
}

void schedule_failure(World& w, std::size_t index) {
    const VehicleType& type = type_of(w, index);
    Time after = from_seconds(draw_exponential(w.aid.failure_streams[index], to_seconds(type.mtbf)));
    if (after >= w.theatre.duration - w.sim.now()) return;  // not within the run
    World* world = &w;
    w.sim.schedule_after(after, [world, index] {
        Truck& truck = world->aid.trucks[index];
        truck.failure_due = true;
        if (truck.state == Truck::State::idle) break_down_if_due(*world, index);
    });
}

}  // namespace

double next_failure_m(World& w, std::size_t index) {
    double mdbf_m = type_of(w, index).mdbf_m;
    if (mdbf_m <= 0) return std::numeric_limits<double>::infinity();
    return draw_exponential(w.aid.distance_failure_streams[index], mdbf_m);
}

void start_breakdowns(World& w) {
    const Humanitarian& aid = w.theatre.aid;
    w.aid.breakdowns.assign(aid.fleets.size(), 0);
    w.aid.down_h.assign(aid.fleets.size(), 0.0);
    w.aid.recovered.assign(aid.fleets.size(), 0);
    w.aid.written_off.assign(aid.fleets.size(), 0);
    std::vector<int> number(aid.fleets.size(), 0);
    for (std::size_t index = 0; index < w.aid.trucks.size(); ++index) {
        std::size_t fleet = w.aid.trucks[index].fleet;
        std::string key = aid.fleets[fleet].name + "/truck-" + std::to_string(++number[fleet]);
        w.aid.failure_streams.emplace_back(
            StreamKey{w.seed, w.replication, purpose_id("truck-breakdown"), entity_id(key)});
        w.aid.distance_failure_streams.emplace_back(
            StreamKey{w.seed, w.replication, purpose_id("truck-breakdown-distance"), entity_id(key)});
        w.aid.recovery_streams.emplace_back(
            StreamKey{w.seed, w.replication, purpose_id("truck-recovery"), entity_id(key)});
        w.aid.trucks[index].failure_in_m = next_failure_m(w, index);
        if (w.aid.trucks[index].joined) start_failures(w, index);
    }
}

void start_failures(World& w, std::size_t index) {
    if (type_of(w, index).mtbf > 0) schedule_failure(w, index);
}

// Counts the breakdown of truck `index`, out of service from now.
void count_breakdown(World& w, std::size_t index) {
    Truck& truck = w.aid.trucks[index];
    truck.broken = true;
    truck.broken_since = w.sim.now();
    ++w.aid.breakdowns[truck.fleet];
}

bool break_down_if_due(World& w, std::size_t index) {
    Truck& truck = w.aid.trucks[index];
    if (!truck.failure_due || truck.broken) return false;
    truck.failure_due = false;
    // Time at home waiting for work ends here: it is down, not idle.
    if (truck.state == Truck::State::idle) w.aid.idle_h[truck.fleet] += to_hours(w.sim.now() - truck.idle_since);
    count_breakdown(w, index);
    if (w.sinks.timeline) w.log(w.sim.now(), truck.id, "broke down", w.node_id(place_node(w, truck.place)));
    if (needs_recovery(w, index))
        recover(w, index, true);
    else
        repair(w, index, true);
    return true;
}

void repair(World& w, std::size_t index, bool by_time) {
    World* world = &w;
    w.sim.schedule_after(type_of(w, index).repair_time, [world, index, by_time] {
        Truck& t = world->aid.trucks[index];
        t.broken = false;
        world->aid.down_h[t.fleet] += to_hours(world->sim.now() - t.broken_since);
        if (t.state == Truck::State::idle) t.idle_since = world->sim.now();
        if (world->sinks.timeline) world->log(world->sim.now(), t.id, "repaired", world->node_id(place_node(*world, t.place)));
        if (by_time) schedule_failure(*world, index);  // one by distance left the next by time pending
        resume_truck(*world, index);
    });
}

std::optional<Time> truck_broke_down_on_road(World& w, std::size_t index) {
    count_breakdown(w, index);
    if (!needs_recovery(w, index)) return type_of(w, index).repair_time;
    recover(w, index, false);
    return std::nullopt;
}

double truck_repaired_on_road(World& w, std::size_t index) {
    Truck& truck = w.aid.trucks[index];
    truck.broken = false;
    w.aid.down_h[truck.fleet] += to_hours(w.sim.now() - truck.broken_since);
    return next_failure_m(w, index);
}

}  // namespace corridor::model
