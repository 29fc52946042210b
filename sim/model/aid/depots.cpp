// Depots (docs/model.md, "Depots"): stock by commodity, cargo coming in on dates or at a steady
// rate, a capacity beyond which inbound cargo is turned away, and loading bays where trucks queue
// (the engine's Resource; the loading itself is in trucks.cpp), each loading taking a time per
// tonne that is fixed or drawn from the depot's own stream.

#include <algorithm>

#include "../world.hpp"

namespace corridor::model {
namespace {

double stock_mass_t(const World& w, std::size_t depot) {
    const std::vector<Commodity>& commodities = w.theatre.aid.commodities;
    double kg = 0;
    for (std::size_t c = 0; c < commodities.size(); ++c)
        kg += w.aid.depots[depot].stock[c] * commodities[c].mass_kg;
    return kg / 1000.0;
}

// One arrival of an inbound line by road; a repeating line schedules its next. (Lines flown in
// arrive with the airlift: sim/model/airlift.cpp.)
void cargo_in(World& w, std::size_t depot, std::size_t line, Time at) {
    World* world = &w;
    w.sim.schedule_at(at, [world, depot, line, at] {
        const Inbound& in = world->theatre.aid.depots[depot].inbound[line];
        cargo_arrived(*world, depot, in.commodity, in.amount);
        Time next = at + in.every;
        if (in.every > 0 && next <= in.until && next < world->theatre.duration) cargo_in(*world, depot, line, next);
    });
}

}  // namespace

void cargo_arrived(World& w, std::size_t depot, std::size_t commodity, double amount) {
    const Depot& d = w.theatre.aid.depots[depot];
    double unit_kg = w.theatre.aid.commodities[commodity].mass_kg;
    double room_t = d.capacity_t - stock_mass_t(w, depot);
    if (unit_kg > 0 && amount * unit_kg / 1000.0 > room_t) {
        double kept = std::max(0.0, room_t) * 1000.0 / unit_kg;
        w.result.depot_turned_away_t += (amount - kept) * unit_kg / 1000.0;
        amount = kept;
    }
    w.aid.depots[depot].stock[commodity] += amount;
    if (w.sinks.timeline) w.log(w.sim.now(), d.name, "cargo in", w.node_id(d.node));
    wake_idle_trucks(w);
}

Time loading_time(World& w, std::size_t index) {
    const Truck& truck = w.aid.trucks[index];
    DepotState& depot = w.aid.depots[truck.depot];
    Time per_t = draw_duration(*depot.loading, w.theatre.aid.depots[truck.depot].loading_per_t);
    return static_cast<Time>(static_cast<double>(per_t) * truck.load_t);
}

void close_depots(World& w) {
    const Humanitarian& aid = w.theatre.aid;
    for (std::size_t depot = 0; depot < aid.depots.size(); ++depot) {
        const Resource& bays = *w.aid.depots[depot].bays;
        DepotOutcome o;
        o.name = aid.depots[depot].name;
        o.loadings = bays.waits_s().count();
        o.mean_bay_wait_s = bays.waits_s().mean();
        o.max_bay_wait_s = o.loadings > 0 ? bays.waits_s().max() : 0;
        o.max_bay_queue = bays.queue_length_stat().max();
        w.result.depots.push_back(o);
    }
}

void open_depots(World& w) {
    const Humanitarian& aid = w.theatre.aid;
    w.aid.depots.resize(aid.depots.size());
    for (std::size_t depot = 0; depot < aid.depots.size(); ++depot) {
        const Depot& d = aid.depots[depot];
        DepotState& s = w.aid.depots[depot];
        s.stock = d.stock;
        s.stock.resize(aid.commodities.size(), 0.0);
        auto bays = ServerSchedule::constant(d.bays);
        s.bays = std::make_unique<Resource>(w.sim, bays.value());
        // Keyed by the depot's name: other depots, fleets and random disruptions leave its draws
        // as they are (common random numbers, docs/architecture.md).
        s.loading.emplace(StreamKey{w.seed, w.replication, purpose_id("depot-loading"), entity_id(d.name)});
        for (std::size_t line = 0; line < d.inbound.size(); ++line)
            if (!d.inbound[line].by_air && d.inbound[line].at < w.theatre.duration) cargo_in(w, depot, line, d.inbound[line].at);
    }
}

}  // namespace corridor::model
