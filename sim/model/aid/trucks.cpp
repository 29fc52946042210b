// Trucks (docs/model.md, "Truck fleets"): each truck of a fleet runs trips of its own, from its
// base depot at the start or from when it joined the fleet (`joins`). A trip is chosen by the
// fleet's dispatch policy (dispatch.cpp) where the truck stands; the truck drives empty to the
// depot if it is elsewhere, queues for a loading bay, loads, drives to the town, unloads and
// delivers, and chooses again from there. With nothing worth a trip it drives home to
// its base depot and waits, looking again whenever cargo comes in, a stock runs out or a
// population changes, and every `idle_recheck` (the fleet's idle trucks together). Its drivers'
// driving clock carries over from trip to trip, and a wait of at least the minimum rest counts as
// their rest.

#include <algorithm>

#include "../world.hpp"

namespace corridor::model {
namespace {

void dispatch(World& w, std::size_t index);
void load(World& w, std::size_t index);
void unload(World& w, std::size_t index);
void become_idle(World& w, std::size_t index);

const MarchDoctrine& rules_of(const World& w, const Fleet& fleet) {
    return fleet.march ? *fleet.march : w.theatre.march;
}

// The truck is where it was going: the next step of its trip (after a repair, if a failure fell
// due on the way).
void reached(World& w, std::size_t index) {
    if (break_down_if_due(w, index)) return;
    switch (w.aid.trucks[index].state) {
        case Truck::State::to_depot:
            load(w, index);
            break;
        case Truck::State::to_town:
            unload(w, index);
            break;
        case Truck::State::going_home:
            // Work may have come up on the way: it looks at once (with none, it waits at home).
            dispatch(w, index);
            break;
        case Truck::State::idle:
        case Truck::State::loading:
        case Truck::State::unloading:
            become_idle(w, index);
            break;
    }
}

// Sets truck `index` on the road to aid place `to` (its state says what it does there).
void drive(World& w, std::size_t index, std::size_t to) {
    Truck& truck = w.aid.trucks[index];
    const Fleet& fleet = w.theatre.aid.fleets[truck.fleet];
    const VehicleType& type = w.theatre.vehicle_types[fleet.vehicle_type];
    MoverPlan plan = plan_of_one_type(type, 1, rules_of(w, fleet), place_node(w, truck.place), place_node(w, to),
                                      MoverPlan::Client::truck, index);
    plan.id = truck.id;
    plan.clock = truck.clock;  // its drivers' driving carries over from the last trip
    if (!fleet.escorts.empty()) plan.escorts = &fleet.escorts;
    if (truck_l_per_m(w, index) > 0) plan.range_m = truck_range_m(w, index);  // not always full
    plan.failure_in_m = truck.failure_in_m;  // driving since its last repair counts over trips
    World* world = &w;
    start_mover(w, plan, [world, index, to](const Mover& mover, Time) {
        Truck& t = world->aid.trucks[index];
        t.clock = mover.clock;
        t.failure_in_m = mover.failure_in_m;
        world->aid.vehicle_km[t.fleet] += mover.tally.route_m / 1000.0;
        world->aid.escort_wait_h[t.fleet] += to_hours(mover.tally.escort_wait);
        t.place = to;
        reached(*world, index);
    });
}

void wake_fleet(World& w, std::size_t fleet);

void become_idle(World& w, std::size_t index) {
    Truck& truck = w.aid.trucks[index];
    if (truck.state != Truck::State::idle) {
        truck.state = Truck::State::idle;
        truck.idle_since = w.sim.now();
    }
    if (!w.aid.recheck_planned[truck.fleet]) {
        w.aid.recheck_planned[truck.fleet] = true;
        World* world = &w;
        std::size_t fleet = truck.fleet;
        w.sim.schedule_after(w.theatre.aid.fleets[fleet].idle_recheck, [world, fleet] {
            world->aid.recheck_planned[fleet] = false;
            wake_fleet(*world, fleet);
        });
    }
}

// Idle trucks of one fleet, in order, look for a trip. They all wait at its base, so once one
// finds nothing the others would find nothing either.
void wake_fleet(World& w, std::size_t fleet) {
    for (std::size_t index : w.aid.fleet_trucks[fleet]) {
        const Truck& truck = w.aid.trucks[index];
        if (truck.state != Truck::State::idle || truck.broken || !truck.joined) continue;
        dispatch(w, index);
        if (w.aid.trucks[index].state == Truck::State::idle) break;
    }
}

void unload(World& w, std::size_t index) {
    Truck& truck = w.aid.trucks[index];
    truck.state = Truck::State::unloading;
    const Fleet& fleet = w.theatre.aid.fleets[truck.fleet];
    Time unloading = static_cast<Time>(static_cast<double>(fleet.unloading_per_t) * truck.load_t);
    World* world = &w;
    w.sim.schedule_after(unloading, [world, index] {
        Truck& t = world->aid.trucks[index];
        advance(*world, t.town);
        receive(*world, t.town, t.load);
        Aid& aid = world->aid;
        ++aid.trips[t.fleet];
        aid.tonnes[t.fleet] += t.load_t;
        aid.lead_time_h_sum[t.fleet] += to_hours(world->sim.now() - t.dispatched);
        if (world->sinks.timeline)
            world->log(world->sim.now(), t.id, "delivered", world->node_id(world->theatre.aid.towns[t.town].node));
        dispatch(*world, index);
    });
}

void load(World& w, std::size_t index) {
    Truck& truck = w.aid.trucks[index];
    truck.state = Truck::State::loading;
    refuel(w, index);
    World* world = &w;
    w.aid.depots[truck.depot].bays->request([world, index](int bay) {
        world->sim.schedule_after(loading_time(*world, index), [world, index, bay] {
            Truck& loaded = world->aid.trucks[index];
            world->aid.depots[loaded.depot].bays->release(bay);
            if (world->sinks.timeline)
                world->log(world->sim.now(), loaded.id, "loaded",
                           world->node_id(world->theatre.aid.depots[loaded.depot].node));
            loaded.state = Truck::State::to_town;
            drive(*world, index, town_place(*world, loaded.town));
        });
    });
}

void dispatch(World& w, std::size_t index) {
    Truck& truck = w.aid.trucks[index];
    refuel(w, index);  // at a depot, it fills up before it chooses
    std::optional<Trip> trip = choose_trip(w, truck, truck.place);
    const Fleet& fleet = w.theatre.aid.fleets[truck.fleet];
    if (!trip) {
        std::size_t home = depot_place(fleet.base);
        if (truck.place == home || truck.state == Truck::State::idle) {
            become_idle(w, index);
            return;
        }
        truck.state = Truck::State::going_home;
        drive(w, index, home);
        return;
    }
    if (truck.state == Truck::State::idle) {
        Time waited = w.sim.now() - truck.idle_since;
        w.aid.idle_h[truck.fleet] += to_hours(waited);
        if (waited >= rules_of(w, fleet).minimum_rest) take_stop(truck.clock, Stop::rest);
    }
    truck.depot = trip->depot;
    truck.town = trip->town;
    truck.load = std::move(trip->load);
    truck.load_t = trip->load_t;
    truck.dispatched = w.sim.now();
    if (w.sinks.timeline)
        w.log(w.sim.now(), truck.id, "dispatched", w.theatre.aid.towns[truck.town].name);
    if (truck.place == depot_place(truck.depot)) {
        load(w, index);
        return;
    }
    truck.state = Truck::State::to_depot;
    drive(w, index, depot_place(truck.depot));
}

// Truck `index` comes into service at its base depot and looks for work at once.
void join(World& w, std::size_t index) {
    Truck& truck = w.aid.trucks[index];
    truck.joined = true;
    truck.idle_since = w.sim.now();
    if (w.sinks.timeline) w.log(w.sim.now(), truck.id, "joined", w.node_id(place_node(w, truck.place)));
    start_failures(w, index);
    dispatch(w, index);
}

// A fleet whose trucks join one by one: the first at its `first_join`, each next one a gap later,
// fixed or drawn from the fleet's stream (keyed by its name, so other fleets and disruptions
// leave the joins as they are). Trucks that would join after the run's end never do.
void schedule_joins(World& w, std::size_t fleet) {
    const Fleet& f = w.theatre.aid.fleets[fleet];
    RandomStream gaps(StreamKey{w.seed, w.replication, purpose_id("fleet-joins"), entity_id(f.name)});
    Time at = f.first_join;
    World* world = &w;
    for (std::size_t index : w.aid.fleet_trucks[fleet]) {
        Truck& truck = w.aid.trucks[index];
        truck.joined = false;
        truck.joined_at = at;  // at or past the run's end: never within it
        if (at >= w.theatre.duration) continue;
        w.sim.schedule_at(at, [world, index] { join(*world, index); });
        at += draw_duration(gaps, *f.join_gap);
    }
}

}  // namespace

void start_fleets(World& w) {
    const Humanitarian& aid = w.theatre.aid;
    if (aid.fleets.empty()) return;
    measure_places(w);
    std::size_t fleets = aid.fleets.size();
    w.aid.round_robin_next.assign(fleets, 0);
    w.aid.trips.assign(fleets, 0);
    w.aid.tonnes.assign(fleets, 0.0);
    w.aid.lead_time_h_sum.assign(fleets, 0.0);
    w.aid.idle_h.assign(fleets, 0.0);
    w.aid.escort_wait_h.assign(fleets, 0.0);
    w.aid.vehicle_km.assign(fleets, 0.0);
    w.aid.fuel_l.assign(fleets, 0.0);
    w.aid.fuel_taken_l.assign(fleets, 0.0);
    w.aid.ran_dry.assign(fleets, 0);
    w.aid.fleet_trucks.assign(fleets, {});
    w.aid.recheck_planned.assign(fleets, false);
    for (std::size_t f = 0; f < fleets; ++f) {
        const Fleet& fleet = aid.fleets[f];
        std::vector<std::size_t> towns = fleet.towns;
        if (towns.empty())
            for (std::size_t t = 0; t < aid.towns.size(); ++t) towns.push_back(t);
        w.aid.fleet_towns.push_back(towns);
        std::vector<std::size_t> order = aid.organisations[fleet.organisation].priorities;
        for (std::size_t c = 0; c < aid.commodities.size(); ++c)
            if (std::find(order.begin(), order.end(), c) == order.end()) order.push_back(c);
        w.aid.load_order.push_back(order);
        for (int k = 0; k < fleet.count; ++k) {
            Truck truck;
            truck.fleet = f;
            truck.place = depot_place(fleet.base);
            truck.state = Truck::State::idle;
            truck.fuel_l = w.theatre.vehicle_types[fleet.vehicle_type].tank_l;
            if (w.sinks.timeline || w.sinks.convoys) truck.id = fleet.name + "/truck-" + std::to_string(k + 1);
            w.aid.fleet_trucks[f].push_back(w.aid.trucks.size());
            w.aid.trucks.push_back(std::move(truck));
        }
        if (fleet.join_gap) schedule_joins(w, f);
    }
    start_breakdowns(w);
    World* world = &w;
    w.sim.schedule_at(0, [world] { wake_idle_trucks(*world); });
}

void resume_truck(World& w, std::size_t index) {
    if (w.aid.trucks[index].state == Truck::State::idle)
        dispatch(w, index);
    else
        reached(w, index);
}

void wake_idle_trucks(World& w) {
    for (std::size_t fleet = 0; fleet < w.aid.fleet_trucks.size(); ++fleet) wake_fleet(w, fleet);
}

void close_fleets(World& w) {
    const Humanitarian& aid = w.theatre.aid;
    Time end = w.theatre.duration;
    std::vector<double> late_h(aid.fleets.size(), 0.0);  // truck-hours before each truck joined
    for (const Truck& truck : w.aid.trucks) {
        late_h[truck.fleet] += to_hours(std::min(truck.joined_at, end));
        if (!truck.joined) continue;
        if (truck.broken)
            w.aid.down_h[truck.fleet] += to_hours(end - truck.broken_since);
        else if (truck.state == Truck::State::idle)
            w.aid.idle_h[truck.fleet] += to_hours(end - truck.idle_since);
    }
    for (std::size_t f = 0; f < aid.fleets.size(); ++f) {
        FleetOutcome o;
        o.name = aid.fleets[f].name;
        o.trucks = aid.fleets[f].count;
        o.trips = w.aid.trips[f];
        o.tonnes = w.aid.tonnes[f];
        o.vehicle_km = w.aid.vehicle_km[f];
        o.lead_time_h_sum = w.aid.lead_time_h_sum[f];
        o.truck_h = o.trucks * to_hours(end) - late_h[f];
        o.down_h = w.aid.down_h[f];
        o.breakdowns = w.aid.breakdowns[f];
        o.busy_h = o.truck_h - w.aid.idle_h[f] - o.down_h;
        o.escort_wait_h = w.aid.escort_wait_h[f];
        o.fuel_l = w.aid.fuel_l[f];
        o.fuel_taken_l = w.aid.fuel_taken_l[f];
        o.ran_dry = w.aid.ran_dry[f];
        o.recovered = w.aid.recovered[f];
        o.written_off = w.aid.written_off[f];
        o.recovery_modelled = w.theatre.vehicle_types[aid.fleets[f].vehicle_type].recovery_share > 0;
        w.result.fleets.push_back(o);
    }
}

}  // namespace corridor::model
