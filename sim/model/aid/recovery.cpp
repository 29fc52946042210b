// Recovery of broken-down trucks (docs/model.md, "Breakdowns"): a truck of a type with a
// `recovery` cannot be repaired where it broke down with that probability (drawn from its own
// stream, apart from its failures, so common random numbers hold). It is taken off its trip: a
// load not yet taken on stays at its depot, and the town stops counting on a load it carries.
// After the recovery time it stands at its base depot, where the load it carried goes back into
// stock (its drivers rested); the `written_off` share of recovered trucks is lost for the rest
// of the run, the others are repaired there.

#include "../world.hpp"
#include "corridor/engine/distributions.hpp"

namespace corridor::model {
namespace {

const VehicleType& type_of(const World& w, std::size_t index) {
    return w.theatre.vehicle_types[w.theatre.aid.fleets[w.aid.trucks[index].fleet].vehicle_type];
}

// The truck is at its base depot: its load goes back into stock, and it is repaired or lost.
void recovered(World& w, std::size_t index, bool by_time) {
    Truck& truck = w.aid.trucks[index];
    const Depot& base = w.theatre.aid.depots[w.theatre.aid.fleets[truck.fleet].base];
    std::size_t depot = w.theatre.aid.fleets[truck.fleet].base;
    truck.place = depot_place(depot);
    truck.clock = MarchClock{};
    if (w.sinks.timeline) w.log(w.sim.now(), truck.id, "recovered", w.node_id(base.node));
    bool carried = false;
    for (std::size_t c = 0; c < truck.load.size(); ++c) {
        carried = carried || truck.load[c] > 0;
        w.aid.depots[depot].stock[c] += truck.load[c];
    }
    truck.load.assign(truck.load.size(), 0.0);
    truck.load_t = 0;
    if (draw_uniform(w.aid.recovery_streams[index], 0.0, 1.0) < type_of(w, index).written_off_share) {
        ++w.aid.written_off[truck.fleet];  // broken for good: no repair is scheduled
        if (w.sinks.timeline) w.log(w.sim.now(), truck.id, "written off", w.node_id(base.node));
    } else {
        if (!by_time) truck.failure_in_m = next_failure_m(w, index);  // the one that fell due on the road
        repair(w, index, by_time);
    }
    if (carried) wake_idle_trucks(w);
}

}  // namespace

bool needs_recovery(World& w, std::size_t index) {
    double share = type_of(w, index).recovery_share;
    return share > 0 && draw_uniform(w.aid.recovery_streams[index], 0.0, 1.0) < share;
}

void recover(World& w, std::size_t index, bool by_time) {
    Truck& truck = w.aid.trucks[index];
    ++w.aid.recovered[truck.fleet];
    bool loaded = truck.state == Truck::State::to_town, reserved = truck.state == Truck::State::to_depot;
    for (std::size_t c = 0; c < truck.load.size(); ++c) {
        if (loaded || reserved) w.aid.towns[truck.town].on_the_way[c] -= truck.load[c];
        if (reserved) w.aid.depots[truck.depot].stock[c] += truck.load[c];
    }
    if (!loaded) truck.load.assign(truck.load.size(), 0.0);  // going home or idle, it carries nothing
    truck.state = Truck::State::idle;  // off its trip (and out of service while `broken`)
    World* world = &w;
    w.sim.schedule_after(type_of(w, index).recovery_time, [world, index, by_time] { recovered(*world, index, by_time); });
}

}  // namespace corridor::model
