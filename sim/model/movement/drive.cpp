// The march (docs/model.md, "Road march"): a mover's head drives its route arc by arc, in steps
// that end where the arc ends, a halt or rest falls due (halts.cpp) or the light changes
// (night.cpp); at each arc's entry it passes a gate (gates.cpp), at a checkpoint its vehicles are
// inspected, and its last vehicle arrives one pass time after the head (pace.cpp). A mover that
// arrives is handed to its client and its slot reused, so memory stays flat over a long run.

#include <algorithm>
#include <cmath>

#include "night.hpp"
#include "road_movement.hpp"

namespace corridor::model {
namespace {

void reach_node(World& w, Mover& m);

// A point of a convoy's movement graph (DeploymentResult::convoy_tracks): called where a step
// begins or ends, so that every change of pace (a road entered, a stop, a wait, going on) has one.
void track(World& w, const Mover& m) {
    if (!w.sinks.report || m.plan.kind != MoverPlan::Client::convoy) return;
    std::vector<TrackPoint>& points = w.result.convoy_tracks[m.plan.client];
    Time now = w.sim.now();
    if (!points.empty() && points.back().at == now && points.back().distance_m == m.driven_m) return;
    points.push_back({now, m.driven_m});
}

// The step under way has ended: count the driving, then go on, stop or reach the node.
void end_step(World& w, Mover& m) {
    const MarchDoctrine& rules = *m.plan.rules;
    m.clock.driving_since_halt += m.step;
    m.clock.driving_today += m.step;
    double remaining_before_m = m.remaining_m;
    m.remaining_m =
        m.step_reaches_end ? 0 : std::max(0.0, m.remaining_m - m.step_speed_kph * to_hours(m.step) * 1000.0);
    drive_towards_failure(m, remaining_before_m);
    bool ran_dry = burn_fuel(w, m, remaining_before_m);
    m.driven_m += remaining_before_m - m.remaining_m;  // (where a failure or the fuel cut it short)
    track(w, m);
    if (ran_dry) return;  // fuel.cpp: it stays where it stands
    if (m.step_breaks_down) {
        break_down_on_road(w, m);  // failures.cpp: it drives on after its repair
        return;
    }
    Time now = w.sim.now();
    Stop due = stop_due(rules, m.clock);
    // A halt or rest that falls due as the head reaches its destination is not taken.
    bool at_destination = m.remaining_m <= 0 && next_node(w, m) == m.plan.destination;
    if (m.remaining_m <= 0 && (at_destination || due == Stop::none)) {
        reach_node(w, m);
        return;
    }
    if (due == Stop::none) {
        drive(w, m);  // the light changed: new speed or a night stop
        return;
    }
    Time length = stop_length(rules, due, m.clock, w.time_of_day(now));
    if (w.sinks.timeline) w.log(now, m.plan.id, due == Stop::rest ? "rest" : "halt", where(w, m));
    m.tally.halted += within_run(w, length);
    take_stop(m.clock, due);
    World* world = &w;
    Mover* mover = &m;
    w.sim.schedule_after(length, [world, mover] { resume(*world, *mover); });
}

// The head has reached the end of its current arc.
void reach_node(World& w, Mover& m) {
    NodeIndex node = w.theatre.network().arc_to(m.route[m.arc]);
    ++m.arc;
    m.on_arc = false;
    int checkpoint = checkpoint_at(w, node);
    if (checkpoint < 0) {
        go_on(w, m);
        return;
    }
    w.log(w.sim.now(), m.plan.id, "checkpoint entry", node);
    m.waiting_since = w.sim.now();
    m.waiting = Mover::Wait::checkpoint;
    World* world = &w;
    Mover* mover = &m;
    bool aid = m.plan.kind != MoverPlan::Client::convoy;  // aid trucks, return buses, repair teams
    pass_checkpoint(w, checkpoint, m.plan.vehicles, aid, [world, mover, node] {
        Mover& m = *mover;
        world->log(world->sim.now(), m.plan.id, "checkpoint exit", node);
        m.tally.checkpoint_wait += world->sim.now() - m.waiting_since;
        m.waiting = Mover::Wait::none;
        go_on(*world, m);
    });
}

// The mover's last vehicle is in: its client takes over and its slot is freed.
void finish(World& w, Mover& m, Time tail) {
    if (tail <= w.theatre.duration) m.tally.arrived = tail;
    m.on_arrival(m, tail);
    std::size_t slot = m.slot;
    w.roads.free_slots.push_back(slot);
    w.roads.movers[slot].reset();
}

}  // namespace

void resume(World& w, Mover& m) {
    if (w.sinks.timeline) w.log(w.sim.now(), m.plan.id, "moves on", where(w, m));
    if (m.remaining_m <= 0 && m.on_arc)
        reach_node(w, m);
    else
        drive(w, m);
}

std::string where(const World& w, const Mover& m) {
    if (m.on_arc && m.remaining_m > 0) return road_name(w, m.route[m.arc]);
    return w.node_id(next_node(w, m));
}

void go_on(World& w, Mover& m) {
    if (m.arc < m.route.size()) {
        if (!wait_for_escort(w, m)) drive(w, m);
    } else if (next_node(w, m) == m.plan.destination)
        arrive(w, m);
    else
        wait_for_route(w, m);  // the roads ahead closed while it drove here
}

std::string road_name(const World& w, ArcIndex a) {
    return w.node_id(w.theatre.network().arc_from(a)) + "-" + w.node_id(w.theatre.network().arc_to(a));
}

Time within_run(const World& w, Time length) {
    return std::max<Time>(0, std::min(length, w.theatre.duration - w.sim.now()));
}

void drive(World& w, Mover& m) {
    const MarchDoctrine& rules = *m.plan.rules;
    Time now = w.sim.now();
    Time time_of_day = w.time_of_day(now);
    ArcIndex a = m.route[m.arc];
    World* world = &w;
    Mover* mover = &m;
    track(w, m);  // it sets off, enters a road, or goes on after a stop or a wait
    if (rules.night_mode == NightMode::stop && is_night(rules, time_of_day)) {
        // Its turn at a gate came at night: it leaves the queue and stops (the gate waits for no
        // one), so that nothing but the night stop will wake it.
        if (!m.on_arc && m.remaining_m < 0) leave_gate_queue(w, m);
        Time wait = until_light_changes(rules, time_of_day);
        w.log(now, m.plan.id, "night stop", w.theatre.network().arc_from(a));
        m.tally.halted += within_run(w, wait);
        take_stop(m.clock, Stop::rest);  // the night is the daily rest
        w.sim.schedule_after(wait, [world, mover] {
            if (world->sinks.timeline)
                world->log(world->sim.now(), mover->plan.id, "moves on", where(*world, *mover));
            go_on(*world, *mover);
        });
        return;
    }
    if (!m.on_arc && !pass_gate(w, m)) return;
    double v = march_speed_kph(w, m, a, now);
    Time to_end = std::max<Time>(1, static_cast<Time>(std::ceil(m.remaining_m / 1000.0 / v * kHour)));
    Time step = std::min(to_end, until_stop_due(rules, m.clock));
    if (rules.night_mode != NightMode::drive) step = std::min(step, until_light_changes(rules, time_of_day));
    step = cut_step_to_fuel(m, step, to_end, v);
    step = cut_step_to_failure(m, step, to_end, v);
    if (m.tally.rolled == kNever) m.tally.rolled = now;
    m.step = step;
    m.step_reaches_end = step >= to_end && !m.step_runs_dry && !m.step_breaks_down;
    m.step_speed_kph = v;
    w.sim.schedule_after(step, [world, mover] { end_step(*world, *mover); });
}

void arrive(World& w, Mover& m) {
    Time now = w.sim.now();
    Time tail = now;
    m.head_arrived = true;
    if (m.tally.rolled == kNever) m.tally.rolled = now;  // it was there already
    const NodeIndex place = m.plan.destination;
    if (!m.route.empty()) {
        tail += pass_time(w, m, march_speed_kph(w, m, m.route.back(), now), now);
        w.log(now, m.plan.id, "head arrived", place);
    }
    World* world = &w;
    Mover* mover = &m;
    w.sim.schedule_at(tail, [world, mover, tail] { finish(*world, *mover, tail); });
    w.log(tail, m.plan.id, "arrived", place);
}

void open_roads(World& w) {
    std::size_t arcs = w.theatre.network().arc_count();
    w.roads.arc_free_at.assign(arcs, 0);
    w.roads.gate_queue.assign(arcs, 0);
    w.roads.escort_of_arc.assign(arcs, -1);
    const std::vector<Escort>& escorts = w.theatre.aid.escorts;
    for (std::size_t e = 0; e < escorts.size(); ++e)
        for (ArcIndex a : escorts[e].arcs) w.roads.escort_of_arc[a] = static_cast<int>(e);
}

void start_mover(World& w, const MoverPlan& plan, SmallFunction<void(const Mover&, Time)> on_arrival) {
    RoadMovement& roads = w.roads;
    std::size_t slot = roads.movers.size();
    if (!roads.free_slots.empty()) {
        slot = roads.free_slots.back();
        roads.free_slots.pop_back();
    } else {
        roads.movers.emplace_back();
    }
    roads.movers[slot] = std::make_unique<Mover>();
    Mover& m = *roads.movers[slot];
    m.plan = plan;
    m.on_arrival = on_arrival;
    m.slot = slot;
    m.clock = plan.clock;
    m.range_m = plan.range_m;
    m.failure_in_m = plan.failure_in_m;
    m.tally.formed = w.sim.now();
    depart(w, m);
}

}  // namespace corridor::model
