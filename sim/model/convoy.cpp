// The road march (docs/model.md, "Road march"). A convoy routes by time for its heaviest vehicle,
// then its head drives arc by arc at the effective speed: the least of its slowest vehicle, the
// doctrine's march speed for the road class and the road's own speed, and at night the blackout
// speed when blackout rules hold. It halts by doctrine (15 min after the first hour, then 10 min
// every 2 h of driving), rests after the daily driving limit until the next morning, and stops at
// night when the rules say so. Each arc is a first-in-first-out gate: a convoy enters when the
// previous one has passed (its pass time, or its vehicles at the road's capacity, whichever is
// longer), so a narrow mountain road builds a queue. The last vehicle arrives one pass time after
// the head (ST 100-3: pass time = road space / speed, road space = vehicles x interval).

#include <algorithm>
#include <cmath>

#include "world.hpp"

namespace corridor::model {
namespace {

bool is_night(const World& w, Time t) {
    const MarchDoctrine& d = w.theatre.march;
    Time tod = w.time_of_day(t);
    if (d.night_from == d.night_to) return false;
    return d.night_from < d.night_to ? (tod >= d.night_from && tod < d.night_to)
                                     : (tod >= d.night_from || tod < d.night_to);
}

// Time from t until the day/night state next changes.
Time until_light_changes(const World& w, Time t) {
    const MarchDoctrine& d = w.theatre.march;
    Time tod = w.time_of_day(t);
    Time boundary = is_night(w, t) ? d.night_to : d.night_from;
    Time wait = (boundary - tod + kDay) % kDay;
    return wait == 0 ? kDay : wait;
}

// Time from t until the next morning (the end of the night); zero at the very moment.
Time until_morning(const World& w, Time t) {
    return (w.theatre.march.night_to - w.time_of_day(t) + kDay) % kDay;
}

double speed_kph(const World& w, const Convoy& c, ArcIndex a, Time t) {
    const RoadNetwork& net = w.theatre.network;
    const MarchDoctrine& d = w.theatre.march;
    // Damage (a disruption's speed factor) slows the road itself.
    double v = std::min({c.top_speed_kph, d.speed_kph[static_cast<std::size_t>(net.road_class(a))],
                         net.speed_kph(a) * w.overlay.speed_factor(a)});
    if (d.night_mode == NightMode::blackout && is_night(w, t)) v = std::min(v, d.blackout_speed_kph);
    return v;
}

double interval_m(const World& w, Time t) {
    const MarchDoctrine& d = w.theatre.march;
    return d.night_mode == NightMode::blackout && is_night(w, t) ? d.blackout_interval_m
                                                                 : d.vehicle_interval_m;
}

// Pass time: the road space of the column (vehicles x interval) at the given speed.
Time pass_time(const World& w, const Convoy& c, double v_kph, Time t) {
    double road_space_m = c.vehicles * interval_m(w, t);
    return from_seconds(road_space_m / 1000.0 / v_kph * 3600.0);
}

void drive(World& w, Convoy& c);

// A stop of `length` from now, as much of it as falls within the run.
Time within_run(const World& w, Time length) {
    return std::max<Time>(0, std::min(length, w.theatre.duration - w.sim.now()));
}

// Where a convoy stands between two nodes: "FROM-TO".
std::string road_name(const World& w, ArcIndex a) {
    return w.node_id(w.theatre.network.arc_from(a)) + "-" + w.node_id(w.theatre.network.arc_to(a));
}

void arrive(World& w, Convoy& c) {
    ArcIndex last = c.route.back();
    Time now = w.sim.now();
    Time tail = now + pass_time(w, c, speed_kph(w, c, last, now), now);
    const Post& post = w.theatre.posts[w.theatre.units[c.unit].posts[c.post_slot]];
    w.log(now, c.id, "head arrived", w.node_id(post.node));
    if (tail <= w.theatre.duration) {  // only marches finished within the run count
        UnitOutcome& unit = w.result.units[c.unit];
        unit.vehicle_km += c.vehicles * c.route_m / 1000.0;
        unit.vehicle_hours += c.vehicles * to_hours(tail - c.departed);
    }
    if (tail <= w.theatre.duration) c.arrived = tail;
    std::size_t unit_index = c.unit, slot = c.post_slot;
    std::string id = c.id, place = w.node_id(post.node);
    w.sim.schedule_at(tail, [&w, unit_index, slot, tail] { convoy_arrived(w, unit_index, slot, tail); });
    w.log(tail, id, "arrived", place);
}

// The head has reached the end of its current arc.
void reach_node(World& w, Convoy& c) {
    NodeIndex node = w.theatre.network.arc_to(c.route[c.arc]);
    ++c.arc;
    c.on_arc = false;
    bool last = c.arc == c.route.size();
    int checkpoint = checkpoint_at(w, node);
    if (checkpoint >= 0) {
        w.log(w.sim.now(), c.id, "checkpoint entry", w.node_id(node));
        c.waiting_since = w.sim.now();
        c.waiting = Convoy::Wait::checkpoint;
        Convoy* convoy = &c;
        World* world = &w;
        pass_checkpoint(w, checkpoint, c.vehicles, [world, convoy, node, last] {
            world->log(world->sim.now(), convoy->id, "checkpoint exit", world->node_id(node));
            convoy->checkpoint_wait += world->sim.now() - convoy->waiting_since;
            convoy->waiting = Convoy::Wait::none;
            if (last)
                arrive(*world, *convoy);
            else
                drive(*world, *convoy);
        });
        return;
    }
    if (last)
        arrive(w, c);
    else
        drive(w, c);
}

void drive(World& w, Convoy& c) {
    const MarchDoctrine& d = w.theatre.march;
    const RoadNetwork& net = w.theatre.network;
    Time now = w.sim.now();
    ArcIndex a = c.route[c.arc];
    Convoy* convoy = &c;
    World* world = &w;
    if (d.night_mode == NightMode::stop && is_night(w, now)) {
        Time wait = until_light_changes(w, now);
        w.log(now, c.id, "night stop", w.node_id(net.arc_from(a)));
        c.halted += within_run(w, wait);
        c.driving_today = 0;  // the night is the daily rest; the halt clock starts afresh
        c.driving_since_halt = 0;
        c.halts = 0;
        w.sim.schedule_after(wait, [world, convoy] {
            world->log(world->sim.now(), convoy->id, "moves on", "");
            drive(*world, *convoy);
        });
        return;
    }
    if (!c.on_arc) {
        // The arc's gate: first come, first served.
        if (w.arc_free_at[a] > now) {
            w.log(now, c.id, "queue entry", w.node_id(net.arc_from(a)));
            if (c.remaining_m >= 0) {  // (a convoy may be called back more than once)
                c.waiting_since = now;
                c.waiting = Convoy::Wait::gate;
                int& queued = w.gate_queue[a];
                queued += c.vehicles;
                RoadOutcome& road = w.result.roads[a];
                road.largest_gate_queue = std::max(road.largest_gate_queue, queued);
            }
            w.sim.schedule_at(w.arc_free_at[a], [world, convoy] { drive(*world, *convoy); });
            c.on_arc = false;
            c.remaining_m = -1;  // marks that it has queued here
            return;
        }
        if (c.remaining_m < 0) {
            w.log(now, c.id, "queue exit", w.node_id(net.arc_from(a)));
            c.gate_wait += now - c.waiting_since;
            c.waiting = Convoy::Wait::none;
            w.gate_queue[a] -= c.vehicles;
        }
        double v = speed_kph(w, c, a, now);
        Time by_capacity = from_seconds(c.vehicles * 3600.0 / net.capacity_vph(a));
        w.arc_free_at[a] = now + std::max(pass_time(w, c, v, now), by_capacity);
        c.on_arc = true;
        c.remaining_m = net.length_m(a);
        RoadOutcome& road = w.result.roads[a];
        road.vehicles += c.vehicles;
        road.vehicle_km += c.vehicles * net.length_m(a) / 1000.0;
    }
    double v = speed_kph(w, c, a, now);
    Time to_end = std::max<Time>(1, static_cast<Time>(std::ceil(c.remaining_m / 1000.0 / v * kHour)));
    Time to_halt = (c.halts == 0 ? d.first_halt_after : d.halt_every) - c.driving_since_halt;
    Time to_rest = d.daily_driving_limit - c.driving_today;
    Time step = std::min({to_end, std::max<Time>(to_halt, 0), std::max<Time>(to_rest, 0)});
    bool light_changes = d.night_mode != NightMode::drive && until_light_changes(w, now) < step;
    if (light_changes) step = until_light_changes(w, now);
    if (c.rolled == kNever) {
        c.rolled = now;
        UnitOutcome& unit = w.result.units[c.unit];
        if (unit.departed == kNever || now < unit.departed) unit.departed = now;
    }
    c.step = step;
    c.step_reaches_end = step >= to_end;
    c.step_speed_kph = v;
    w.sim.schedule_after(step, [world, convoy] {
        World& w = *world;
        Convoy& c = *convoy;
        const MarchDoctrine& d = w.theatre.march;
        c.driving_since_halt += c.step;
        c.driving_today += c.step;
        c.remaining_m = c.step_reaches_end
                            ? 0
                            : std::max(0.0, c.remaining_m - c.step_speed_kph * to_hours(c.step) * 1000.0);
        Time now = w.sim.now();
        bool rest_due = c.driving_today >= d.daily_driving_limit;
        bool halt_due = c.driving_since_halt >= (c.halts == 0 ? d.first_halt_after : d.halt_every);
        // A halt or rest that falls due as the head reaches the post is not taken.
        bool at_destination = c.remaining_m <= 0 && c.arc + 1 == c.route.size();
        if (c.remaining_m <= 0 && (at_destination || (!rest_due && !halt_due))) {
            reach_node(w, c);
            return;
        }
        std::string place = road_name(w, c.route[c.arc]);
        if (c.remaining_m <= 0)
            place = w.node_id(w.theatre.network.arc_to(c.route[c.arc]));  // stops at the arc's end
        auto resume = [world, convoy] {
            Convoy& c = *convoy;
            if (c.remaining_m <= 0 && c.on_arc)
                reach_node(*world, c);
            else
                drive(*world, c);
        };
        if (rest_due) {
            Time wait = std::max(until_morning(w, now), d.minimum_rest);
            w.log(now, c.id, "rest", place);
            c.halted += within_run(w, wait);
            c.driving_today = 0;
            c.driving_since_halt = 0;
            c.halts = 0;
            w.sim.schedule_after(wait, resume);
        } else if (halt_due) {
            Time halt = c.halts == 0 ? d.first_halt : d.halt;
            w.log(now, c.id, "halt", place);
            c.halted += within_run(w, halt);
            ++c.halts;
            c.driving_since_halt = 0;
            w.sim.schedule_after(halt, resume);
        } else {
            drive(w, c);  // the light changed: new speed or a night stop
        }
    });
}

}  // namespace

void start_convoy(World& w, std::size_t unit_index, std::size_t post_slot,
                  const std::vector<int>& vehicles_by_type, int personnel, NodeIndex from) {
    const Theatre& t = w.theatre;
    const Unit& unit = t.units[unit_index];
    auto convoy = std::make_unique<Convoy>();
    Convoy& c = *convoy;
    c.unit = unit_index;
    c.post_slot = post_slot;
    c.personnel = personnel;
    c.top_speed_kph = 1e9;
    for (std::size_t type = 0; type < vehicles_by_type.size(); ++type) {
        if (vehicles_by_type[type] == 0) continue;
        c.vehicles += vehicles_by_type[type];
        c.top_speed_kph = std::min(c.top_speed_kph, t.vehicle_types[type].speed_kph);
        c.heaviest_t = std::max(c.heaviest_t, t.vehicle_types[type].weight_t);
    }
    UnitOutcome& outcome = w.result.units[unit_index];
    c.id = unit.name + "/convoy-" + std::to_string(++outcome.convoys);
    c.origin = from;
    c.formed = w.sim.now();
    c.waiting_since = c.formed;
    outcome.vehicles += c.vehicles;
    w.convoys.push_back(std::move(convoy));
    depart(w, c);
}

void depart(World& w, Convoy& c) {
    const Theatre& t = w.theatre;
    const Post& post = t.posts[t.units[c.unit].posts[c.post_slot]];
    Route route = w.router.route({c.origin, post.node, Metric::time, c.heaviest_t});
    if (!route.found) {
        // Every road to the post is closed for now: wait where it is (docs/model.md, "Disruptions").
        w.log(w.sim.now(), c.id, "no open route", w.node_id(c.origin));
        w.blocked.push_back(&c);
        return;
    }
    // Since it formed it has only waited for a road to open (or not at all).
    c.no_route_wait = w.sim.now() - c.formed;
    c.route = route.arcs;
    c.route_m = route.distance_m;
    c.departed = w.sim.now();
    w.log(c.departed, c.id, "departed", w.node_id(c.origin));
    if (c.route.empty()) {  // already at the post
        Time now = w.sim.now();
        c.rolled = c.arrived = now;
        UnitOutcome& outcome = w.result.units[c.unit];
        if (outcome.departed == kNever) outcome.departed = now;
        std::size_t unit_index = c.unit, post_slot = c.post_slot;
        w.sim.schedule_at(
            now, [&w, unit_index, post_slot, now] { convoy_arrived(w, unit_index, post_slot, now); });
        w.log(now, c.id, "arrived", w.node_id(post.node));
        return;
    }
    drive(w, c);
}

}  // namespace corridor::model
